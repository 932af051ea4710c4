/*
 * bench_bgw.c — measures how long a dynamic background worker takes to be
 * running after RegisterDynamicBackgroundWorker returns.  Builds against
 * Tusk's headers and against PostgreSQL 15's, so regress/bench/
 * bgworker_launch.sh can run the same measurement on both, side by side.
 *
 * A static "bench_bgw launcher" registers bench_bgw.iterations dynamic
 * workers one after the other. Before each registration it stores a
 * CLOCK_MONOTONIC timestamp in shared memory; the worker stores its own as
 * soon as its entry point runs and sets the launcher's latch; the launcher
 * records the difference, waits for the worker to exit, and finally logs
 * "bench_bgw: launches=N median_us=M p90_us=P".
 */
#include "postgres.h"

#include <time.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

void _PG_init(void);
PGDLLEXPORT void bench_bgw_launcher_main(Datum arg);
PGDLLEXPORT void bench_bgw_child_main(Datum arg);

typedef struct BenchShared
{
	volatile int64 registered_ns;
	volatile int64 running_ns;
	volatile int launcher_pid;
	Latch *launcher_latch;
} BenchShared;

static BenchShared *shared = NULL;
static int iterations = 200;
static char *library_path = NULL;
static shmem_request_hook_type prev_request = NULL;
static shmem_startup_hook_type prev_startup = NULL;

static int64 now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void bench_request(void)
{
	if (prev_request)
		prev_request();
	RequestAddinShmemSpace(MAXALIGN(sizeof(BenchShared)));
}

static void bench_startup(void)
{
	bool found;

	if (prev_startup)
		prev_startup();
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	shared = ShmemInitStruct("bench_bgw", sizeof(BenchShared), &found);
	if (!found)
		memset((void *) shared, 0, sizeof(BenchShared));
	LWLockRelease(AddinShmemInitLock);
}

static void fill(BackgroundWorker *w, const char *name, const char *function, int restart)
{
	memset(w, 0, sizeof(*w));
	snprintf(w->bgw_name, BGW_MAXLEN, "%s", name);
	snprintf(w->bgw_type, BGW_MAXLEN, "%s", name);
	snprintf(w->bgw_library_name, BGW_MAXLEN, "%s", library_path);
	snprintf(w->bgw_function_name, BGW_MAXLEN, "%s", function);
	w->bgw_flags = BGWORKER_SHMEM_ACCESS;
	w->bgw_start_time = BgWorkerStart_RecoveryFinished;
	w->bgw_restart_time = restart;
}

void bench_bgw_child_main(Datum arg)
{
	(void) arg;
	shared->running_ns = now_ns();
	SetLatch(shared->launcher_latch);
	proc_exit(0);
}

static int cmp_int64(const void *a, const void *b)
{
	int64 x = *(const int64 *) a;
	int64 y = *(const int64 *) b;

	return (x > y) - (x < y);
}

void bench_bgw_launcher_main(Datum arg)
{
	int64 *samples = palloc(sizeof(int64) * iterations);
	int n = 0;
	int i;

	(void) arg;
	BackgroundWorkerUnblockSignals();
	shared->launcher_latch = &MyProc->procLatch;

	for (i = 0; i < iterations; i++)
	{
		BackgroundWorker w;
		BackgroundWorkerHandle *handle;
		pid_t pid;

		fill(&w, "bench_bgw child", "bench_bgw_child_main", BGW_NEVER_RESTART);
		w.bgw_notify_pid = MyProcPid;
		shared->running_ns = 0;
		ResetLatch(MyLatch);
		shared->registered_ns = now_ns();
		if (!RegisterDynamicBackgroundWorker(&w, &handle))
			elog(ERROR, "bench_bgw: registration failed");
		while (shared->running_ns == 0)
		{
			(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 1000L,
							 PG_WAIT_EXTENSION);
			ResetLatch(MyLatch);
		}
		samples[n++] = shared->running_ns - shared->registered_ns;
		/* Let it finish before the next one, so each launch is measured on
		 * a quiet server. */
		while (GetBackgroundWorkerPid(handle, &pid) != BGWH_STOPPED)
		{
			(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 10L,
							 PG_WAIT_EXTENSION);
			ResetLatch(MyLatch);
		}
	}
	qsort(samples, n, sizeof(int64), cmp_int64);
	elog(LOG, "bench_bgw: launches=%d median_us=%.1f p90_us=%.1f", n, samples[n / 2] / 1000.0,
		 samples[(n * 9) / 10] / 1000.0);
	proc_exit(0);
}

void _PG_init(void)
{
	BackgroundWorker w;

	if (!process_shared_preload_libraries_in_progress)
		return;
	DefineCustomIntVariable("bench_bgw.iterations", "Launches to measure.", NULL, &iterations, 200,
							1, 100000, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("bench_bgw.path", "This module's file.", NULL, &library_path,
							   "bench_bgw", PGC_POSTMASTER, 0, NULL, NULL, NULL);
	prev_request = shmem_request_hook;
	shmem_request_hook = bench_request;
	prev_startup = shmem_startup_hook;
	shmem_startup_hook = bench_startup;
	fill(&w, "bench_bgw launcher", "bench_bgw_launcher_main", BGW_NEVER_RESTART);
	RegisterBackgroundWorker(&w);
}
