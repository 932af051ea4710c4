/*
 * test_bgw_cpp.cpp — a C++ module, including the server headers inside
 * extern "C" { … } as C++ extensions for PostgreSQL do.  Its worker
 * "cpp thrower" fails on purpose, alternately with an uncaught C++
 * exception and with ereport(ERROR), while holding an LWLock through
 * tusk::LWLockGuard: each failure must be logged and end the worker with
 * status 1 (so it restarts after 1 s), never crash the server, and the
 * lock must be free for the next run.
 */
extern "C" {
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "postmaster/bgworker.h"
#include "storage/ipc.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
}

#include <stdexcept>

PG_MODULE_MAGIC;

extern "C" {
void		_PG_init(void);
PGDLLEXPORT void test_bgw_cpp_thrower_main(Datum arg);
}

namespace {

struct Shared
{
	int			runs;
};

Shared	   *shared = nullptr;
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
	bool		found;
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
	int			run = ++shared->runs;
	elog(LOG, "cpp thrower started (run %d)", run);
	if (run % 2 == 1)
		throw std::runtime_error("boom from C++");
	ereport(ERROR, errmsg("boom via ereport in run %d", run));
}

void _PG_init(void)
{
	if (!process_shared_preload_libraries_in_progress)
		return;
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
	RegisterBackgroundWorker(&w);
}
