/*
 * test_bgw_cpp.cpp — a C++ module, including the server headers inside
 * extern "C" { … } as C++ extensions for PostgreSQL do.  Its worker
 * "cpp thrower" fails on purpose, alternately with an uncaught C++
 * exception and with ereport(ERROR), while holding an LWLock through
 * tusk::LWLockGuard: each failure must be logged and end the worker with
 * status 1 (so it restarts after 1 s), never crash the server, and the
 * lock must be free for the next run.
 *
 * With test_bgw_cpp.crit_thrower = on, the worker "cpp crit thrower"
 * throws std::bad_alloc inside a critical section instead: that must be a
 * PANIC and a crash restart, never an ordinary exit.  It leaves a marker
 * file in the data directory first, so that after the restart it only
 * reports that it is back.
 */
extern "C" {
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "postmaster/bgworker.h"
#include "storage/ipc.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "utils/guc.h"
}

#include <fcntl.h>
#include <unistd.h>

#include <new>
#include <stdexcept>

PG_MODULE_MAGIC;

extern "C" {
void _PG_init(void);
PGDLLEXPORT void test_bgw_cpp_thrower_main(Datum arg);
PGDLLEXPORT void test_bgw_cpp_crit_thrower_main(Datum arg);
}

namespace {

struct Shared
{
	int runs;
};

Shared *shared = nullptr;
bool crit_thrower = false;
shmem_request_hook_type prev_request = nullptr;
shmem_startup_hook_type prev_startup = nullptr;

void RequestHook()
{
	if (prev_request)
		prev_request();
	RequestAddinShmemSpace(MAXALIGN(sizeof(Shared)));
}

void StartupHook()
{
	if (prev_startup)
		prev_startup();
	tusk::LWLockGuard guard(AddinShmemInitLock, LW_EXCLUSIVE);
	bool found;
	shared = static_cast<Shared *>(ShmemInitStruct("test_bgw_cpp", sizeof(Shared), &found));
	if (!found)
		shared->runs = 0;
}

}  // namespace

void test_bgw_cpp_thrower_main(Datum)
{
	BackgroundWorkerUnblockSignals();
	/* The lock must be free: the last run failed while holding it. */
	if (!LWLockConditionalAcquire(AddinShmemInitLock, LW_EXCLUSIVE))
		elog(FATAL, "cpp thrower: AddinShmemInitLock is still held");
	LWLockRelease(AddinShmemInitLock);

	tusk::LWLockGuard guard(AddinShmemInitLock, LW_EXCLUSIVE);
	int run = ++shared->runs;
	elog(LOG, "cpp thrower started (run %d)", run);
	if (run % 2 == 1)
		throw std::runtime_error("boom from C++");
	ereport(ERROR, errmsg("boom via ereport in run %d", run));
}

void test_bgw_cpp_crit_thrower_main(Datum)
{
	BackgroundWorkerUnblockSignals();
	char marker[MAXPGPATH];
	snprintf(marker, sizeof marker, "%s/test_bgw_cpp_crit_thrown", DataDir);
	if (access(marker, F_OK) == 0)
	{
		elog(LOG, "cpp crit thrower: back after the crash restart");
		return;
	}
	int fd = open(marker, O_CREAT | O_WRONLY, 0600);
	if (fd < 0)
		elog(ERROR, "could not create \"%s\": %m", marker);
	close(fd);

	elog(LOG, "cpp crit thrower: throwing std::bad_alloc inside a critical section");
	tusk::CriticalSection crit;
	throw std::bad_alloc();
}

void _PG_init(void)
{
	if (!process_shared_preload_libraries_in_progress)
		return;
	DefineCustomBoolVariable("test_bgw_cpp.crit_thrower",
							 "Run the worker that throws inside a critical section.", nullptr,
							 &crit_thrower, false, PGC_POSTMASTER, 0, nullptr, nullptr, nullptr);
	prev_request = shmem_request_hook;
	shmem_request_hook = RequestHook;
	prev_startup = shmem_startup_hook;
	shmem_startup_hook = StartupHook;

	BackgroundWorker w;
	memset(&w, 0, sizeof w);
	snprintf(w.bgw_name, BGW_MAXLEN, "cpp thrower");
	snprintf(w.bgw_library_name, BGW_MAXLEN, "test_bgw_cpp");
	snprintf(w.bgw_function_name, BGW_MAXLEN, "test_bgw_cpp_thrower_main");
	w.bgw_flags = BGWORKER_SHMEM_ACCESS;
	w.bgw_start_time = BgWorkerStart_RecoveryFinished;
	w.bgw_restart_time = 1;
	if (crit_thrower)
	{
		snprintf(w.bgw_name, BGW_MAXLEN, "cpp crit thrower");
		snprintf(w.bgw_function_name, BGW_MAXLEN, "test_bgw_cpp_crit_thrower_main");
	}
	RegisterBackgroundWorker(&w);
}
