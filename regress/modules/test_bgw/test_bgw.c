/*
 * test_bgw.c — background workers for the integration tests, driven by
 * the module's own settings (all PGC_POSTMASTER unless noted):
 *
 *   test_bgw.sleepers = N        N static workers "test_bgw sleeper i" that wait on
 *                                their latch; on SIGHUP they log test_bgw.message
 *   test_bgw.message = '…'       (sighup) what sleepers log after a reload
 *   test_bgw.exit1 = on          "test_bgw exit1": logs, exits 1; restarts after
 *                                test_bgw.restart_time seconds
 *   test_bgw.never = on          "test_bgw never": exits 1, BGW_NEVER_RESTART
 *   test_bgw.exit0 = on          "test_bgw exit0": exits 0 (so is unregistered)
 *   test_bgw.dynamic = N         "test_bgw launcher" registers N dynamic sleepers,
 *                                waits for each, dumps the registry, terminates them
 *   test_bgw.persistent = on     the launcher also registers "test_bgw persistent",
 *                                a dynamic sleeper with a restart time, and leaves it
 *   test_bgw.register_late = on  tries RegisterBackgroundWorker from
 *                                shmem_startup_hook, which must be refused
 *   test_bgw.exit_code = N       "test_bgw exitN": exits with status N (N > 1 is a
 *                                crash: the whole server restarts)
 *   test_bgw.invalid = on        tries four invalid registrations, each refused
 *   test_bgw.start_times = on    three sleepers, one per start time: "test_bgw at
 *                                postmaster start", "... consistent state",
 *                                "... recovery finished"
 *   test_bgw.database = 'd'      two sleepers connected to database d (type
 *                                "test_bgw db"): "test_bgw db sleeper" restarts
 *                                after test_bgw.restart_time seconds, "test_bgw db
 *                                once" never (BGW_NEVER_RESTART)
 *   test_bgw.database_oid = N    "test_bgw db by oid" (type "test_bgw db"), a
 *                                sleeper connected to the database with OID N
 *                                (BackgroundWorkerInitializeConnectionByOid);
 *                                restarts after test_bgw.restart_time seconds
 *
 * Every worker logs "<name> started" when it runs; sleepers also count
 * their starts in shared memory under the module's own LWLock tranche.
 * Written in C to prove the extension headers work from C.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

void _PG_init(void);
PGDLLEXPORT void test_bgw_sleeper_main(Datum arg);
PGDLLEXPORT void test_bgw_exiter_main(Datum arg);
PGDLLEXPORT void test_bgw_launcher_main(Datum arg);
PGDLLEXPORT void test_bgw_db_sleeper_main(Datum arg);
PGDLLEXPORT void test_bgw_db_oid_sleeper_main(Datum arg);

typedef struct TestBgwShared
{
	int sleeper_starts;
} TestBgwShared;

static int sleepers = 0;
static char *message = NULL;
static bool exit1 = false;
static int restart_time = 2;
static bool never = false;
static bool exit0 = false;
static int dynamic = 0;
static bool persistent = false;
static bool register_late = false;
static int exit_code = 0;
static bool invalid = false;
static bool start_times = false;
static char *database = NULL;
static int database_oid = 0;

static TestBgwShared *shared = NULL;
static shmem_request_hook_type prev_shmem_request_hook = NULL;
static shmem_startup_hook_type prev_shmem_startup_hook = NULL;

static void fill_worker(BackgroundWorker *w, const char *name, const char *type,
						const char *function, int restart, Datum arg)
{
	memset(w, 0, sizeof(*w));
	snprintf(w->bgw_name, BGW_MAXLEN, "%s", name);
	snprintf(w->bgw_type, BGW_MAXLEN, "%s", type);
	snprintf(w->bgw_library_name, BGW_MAXLEN, "test_bgw");
	snprintf(w->bgw_function_name, BGW_MAXLEN, "%s", function);
	w->bgw_flags = BGWORKER_SHMEM_ACCESS;
	w->bgw_start_time = BgWorkerStart_RecoveryFinished;
	w->bgw_restart_time = restart;
	w->bgw_main_arg = arg;
}

static void test_bgw_shmem_request(void)
{
	if (prev_shmem_request_hook)
		prev_shmem_request_hook();
	RequestAddinShmemSpace(MAXALIGN(sizeof(TestBgwShared)));
	RequestNamedLWLockTranche("test_bgw", 1);
}

static void test_bgw_shmem_startup(void)
{
	bool found;

	if (prev_shmem_startup_hook)
		prev_shmem_startup_hook();
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	shared = ShmemInitStruct("test_bgw", sizeof(TestBgwShared), &found);
	if (!found)
		shared->sleeper_starts = 0;
	LWLockRelease(AddinShmemInitLock);

	if (register_late)
	{
		BackgroundWorker w;

		fill_worker(&w, "test_bgw late", "test_bgw", "test_bgw_sleeper_main", 1, Int32GetDatum(0));
		RegisterBackgroundWorker(&w);
	}
}

void test_bgw_sleeper_main(Datum arg)
{
	LWLock *lock = &GetNamedLWLockTranche("test_bgw")[0].lock;

	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();

	LWLockAcquire(lock, LW_EXCLUSIVE);
	shared->sleeper_starts++;
	LWLockRelease(lock);
	elog(LOG, "%s started (argument %d, pid %d)", MyBgworkerEntry->bgw_name, DatumGetInt32(arg),
		 MyProcPid);
	/* What pg_stat_activity shows for the worker (utils/backend_status.h). */
	pgstat_report_activity(STATE_RUNNING, MyBgworkerEntry->bgw_name);

	for (;;)
	{
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 10000L,
						 PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
		if (ConfigReloadPending)
		{
			ConfigReloadPending = false;
			ProcessConfigFile(PGC_SIGHUP);
			elog(LOG, "%s: message=%s", MyBgworkerEntry->bgw_name, message ? message : "");
		}
	}
}

/* A sleeper that first connects to test_bgw.database (as the bootstrap
 * superuser). */
void test_bgw_db_sleeper_main(Datum arg)
{
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnection(database, NULL, 0);
	test_bgw_sleeper_main(arg);
}

/* The same, connecting by OID to test_bgw.database_oid. */
void test_bgw_db_oid_sleeper_main(Datum arg)
{
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnectionByOid((Oid) database_oid, InvalidOid, 0);
	test_bgw_sleeper_main(arg);
}

void test_bgw_exiter_main(Datum arg)
{
	BackgroundWorkerUnblockSignals();
	elog(LOG, "%s started", MyBgworkerEntry->bgw_name);
	proc_exit(DatumGetInt32(arg));
}

static const char *state_name(BgWorkerState state)
{
	switch (state)
	{
		case BGWS_WAITING_FOR_START:
			return "waiting";
		case BGWS_RUNNING:
			return "running";
		case BGWS_WAITING_TO_RESTART:
			return "restarting";
		case BGWS_STOPPED:
			return "stopped";
		case BGWS_CRASHED:
			return "crashed";
	}
	return "?";
}

static void dump_registry(void)
{
	BgWorkerStatus statuses[64];
	int n = GetBackgroundWorkerStatuses(statuses, 64);
	int i;

	for (i = 0; i < n && i < 64; i++)
		elog(LOG,
			 "test_bgw registry: name=\"%s\" type=\"%s\" function=%s state=%s pid=%d "
			 "starts=%d dynamic=%d restart=%d",
			 statuses[i].bgw_name, statuses[i].bgw_type, statuses[i].bgw_function_name,
			 state_name(statuses[i].state), (int) statuses[i].pid, statuses[i].starts,
			 statuses[i].dynamic ? 1 : 0, statuses[i].bgw_restart_time);
}

void test_bgw_launcher_main(Datum arg)
{
	BackgroundWorkerHandle *handles[64];
	int registered[64];
	int count = 0;
	int i;

	(void) arg;
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	elog(LOG, "%s started", MyBgworkerEntry->bgw_name);

	for (i = 0; i < dynamic && count < 64; i++)
	{
		BackgroundWorker w;
		char name[BGW_MAXLEN];
		pid_t pid = 0;
		BgwHandleStatus status;

		snprintf(name, sizeof(name), "test_bgw dynamic %d", i);
		fill_worker(&w, name, "test_bgw dynamic", "test_bgw_sleeper_main", BGW_NEVER_RESTART,
					Int32GetDatum(i));
		w.bgw_notify_pid = MyProcPid;
		if (!RegisterDynamicBackgroundWorker(&w, &handles[count]))
		{
			elog(LOG, "test_bgw launcher: registration %d refused", i);
			continue;
		}
		status = WaitForBackgroundWorkerStartup(handles[count], &pid);
		elog(LOG, "test_bgw launcher: dynamic worker %d status %d pid %d", i, (int) status,
			 (int) pid);
		registered[count++] = i;
	}
	if (persistent)
	{
		BackgroundWorker w;

		fill_worker(&w, "test_bgw persistent", "test_bgw persistent", "test_bgw_sleeper_main", 1,
					Int32GetDatum(99));
		if (!RegisterDynamicBackgroundWorker(&w, NULL))
			elog(LOG, "test_bgw launcher: persistent registration refused");
	}
	dump_registry();
	for (i = 0; i < count; i++)
	{
		TerminateBackgroundWorker(handles[i]);
		if (WaitForBackgroundWorkerShutdown(handles[i]) == BGWH_STOPPED)
			elog(LOG, "test_bgw launcher: dynamic worker %d stopped", registered[i]);
	}
	dump_registry();
	elog(LOG, "test_bgw launcher: done");
	proc_exit(0);
}

void _PG_init(void)
{
	BackgroundWorker w;
	int i;

	if (!process_shared_preload_libraries_in_progress)
		return;

	DefineCustomIntVariable("test_bgw.sleepers", "Static sleeper workers to register.", NULL,
							&sleepers, 0, 0, 1000, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("test_bgw.message", "What sleepers log after a reload.", NULL,
							   &message, "", PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("test_bgw.exit1", "Register a worker that exits with status 1.", NULL,
							 &exit1, false, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("test_bgw.restart_time", "Restart time of the exit1 worker.", NULL,
							&restart_time, 2, 0, 3600, PGC_POSTMASTER, GUC_UNIT_S, NULL, NULL,
							NULL);
	DefineCustomBoolVariable("test_bgw.never", "Register a worker that never restarts.", NULL,
							 &never, false, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("test_bgw.exit0", "Register a worker that exits with status 0.", NULL,
							 &exit0, false, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("test_bgw.dynamic", "Dynamic workers the launcher registers.", NULL,
							&dynamic, 0, 0, 64, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("test_bgw.start_times", "Register one sleeper per start time.", NULL,
							 &start_times, false, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("test_bgw.persistent", "Register a restartable dynamic worker.", NULL,
							 &persistent, false, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("test_bgw.register_late",
							 "Try to register a worker outside preloading.", NULL, &register_late,
							 false, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("test_bgw.exit_code", "Register a worker exiting with this status.",
							NULL, &exit_code, 0, 0, 255, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("test_bgw.invalid", "Try invalid registrations.", NULL, &invalid,
							 false, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("test_bgw.database", "Database of the connected sleepers.", NULL,
							   &database, "", PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("test_bgw.database_oid", "Database OID of the by-OID sleeper.", NULL,
							&database_oid, 0, 0, 2147483647, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	MarkGUCPrefixReserved("test_bgw");

	prev_shmem_request_hook = shmem_request_hook;
	shmem_request_hook = test_bgw_shmem_request;
	prev_shmem_startup_hook = shmem_startup_hook;
	shmem_startup_hook = test_bgw_shmem_startup;

	for (i = 1; i <= sleepers; i++)
	{
		char name[BGW_MAXLEN];

		snprintf(name, sizeof(name), "test_bgw sleeper %d", i);
		fill_worker(&w, name, "test_bgw", "test_bgw_sleeper_main", 1, Int32GetDatum(i));
		RegisterBackgroundWorker(&w);
	}
	if (exit1)
	{
		fill_worker(&w, "test_bgw exit1", "test_bgw exit1", "test_bgw_exiter_main", restart_time,
					Int32GetDatum(1));
		RegisterBackgroundWorker(&w);
	}
	if (never)
	{
		fill_worker(&w, "test_bgw never", "test_bgw never", "test_bgw_exiter_main",
					BGW_NEVER_RESTART, Int32GetDatum(1));
		RegisterBackgroundWorker(&w);
	}
	if (exit0)
	{
		fill_worker(&w, "test_bgw exit0", "test_bgw exit0", "test_bgw_exiter_main", 1,
					Int32GetDatum(0));
		RegisterBackgroundWorker(&w);
	}
	if (exit_code > 0)
	{
		char name[BGW_MAXLEN];

		snprintf(name, sizeof(name), "test_bgw exit%d", exit_code);
		fill_worker(&w, name, name, "test_bgw_exiter_main", 1, Int32GetDatum(exit_code));
		RegisterBackgroundWorker(&w);
	}
	if (invalid)
	{
		fill_worker(&w, "test_bgw no shmem", "test_bgw", "test_bgw_sleeper_main", 1,
					Int32GetDatum(0));
		w.bgw_flags = 0;
		RegisterBackgroundWorker(&w);
		fill_worker(&w, "test_bgw early db", "test_bgw", "test_bgw_sleeper_main", 1,
					Int32GetDatum(0));
		w.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
		w.bgw_start_time = BgWorkerStart_PostmasterStart;
		RegisterBackgroundWorker(&w);
		fill_worker(&w, "test_bgw bad restart", "test_bgw", "test_bgw_sleeper_main", -5,
					Int32GetDatum(0));
		RegisterBackgroundWorker(&w);
		/* A name filling the whole field, with no terminator. */
		fill_worker(&w, "x", "test_bgw", "test_bgw_sleeper_main", 1, Int32GetDatum(0));
		memset(w.bgw_name, 'n', BGW_MAXLEN);
		RegisterBackgroundWorker(&w);
	}
	if (start_times)
	{
		fill_worker(&w, "test_bgw at postmaster start", "test_bgw", "test_bgw_sleeper_main", 1,
					Int32GetDatum(0));
		w.bgw_start_time = BgWorkerStart_PostmasterStart;
		RegisterBackgroundWorker(&w);
		fill_worker(&w, "test_bgw at consistent state", "test_bgw", "test_bgw_sleeper_main", 1,
					Int32GetDatum(0));
		w.bgw_start_time = BgWorkerStart_ConsistentState;
		RegisterBackgroundWorker(&w);
		fill_worker(&w, "test_bgw at recovery finished", "test_bgw", "test_bgw_sleeper_main", 1,
					Int32GetDatum(0));
		w.bgw_start_time = BgWorkerStart_RecoveryFinished;
		RegisterBackgroundWorker(&w);
	}
	if (database != NULL && database[0] != '\0')
	{
		fill_worker(&w, "test_bgw db sleeper", "test_bgw db", "test_bgw_db_sleeper_main",
					restart_time, Int32GetDatum(0));
		w.bgw_flags |= BGWORKER_BACKEND_DATABASE_CONNECTION;
		RegisterBackgroundWorker(&w);
		fill_worker(&w, "test_bgw db once", "test_bgw db", "test_bgw_db_sleeper_main",
					BGW_NEVER_RESTART, Int32GetDatum(0));
		w.bgw_flags |= BGWORKER_BACKEND_DATABASE_CONNECTION;
		RegisterBackgroundWorker(&w);
	}
	if (database_oid != 0)
	{
		fill_worker(&w, "test_bgw db by oid", "test_bgw db", "test_bgw_db_oid_sleeper_main",
					restart_time, Int32GetDatum(0));
		w.bgw_flags |= BGWORKER_BACKEND_DATABASE_CONNECTION;
		RegisterBackgroundWorker(&w);
	}
	if (dynamic > 0 || persistent)
	{
		fill_worker(&w, "test_bgw launcher", "test_bgw launcher", "test_bgw_launcher_main",
					BGW_NEVER_RESTART, Int32GetDatum(0));
		RegisterBackgroundWorker(&w);
	}
}
