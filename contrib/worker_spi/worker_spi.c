/*-------------------------------------------------------------------------
 *
 * worker_spi.c
 *		The sample background worker of PostgreSQL 15, for Tusk: workers that
 *		connect to a database and keep a running total there through SPI.
 *
 * Each worker N owns the table schemaN.counted.  Rows of type 'delta' that
 * anyone inserts are, every worker_spi.naptime seconds, deleted and added
 * to the table's single 'total' row, and the worker logs the new total.
 * Insert the 'total' row yourself to start counting:
 *
 *     INSERT INTO schema1.counted VALUES ('total', 0);
 *     INSERT INTO schema1.counted VALUES ('delta', 5), ('delta', 2);
 *     SELECT * FROM schema1.counted;     -- a moment later: total 7
 *
 * What it shows a module author, in the order the code does it:
 *   - _PG_init: settings (DefineCustom*Variable) and the registration of
 *     static workers, which happens only when the library is in
 *     shared_preload_libraries;
 *   - worker_spi_main: signal handlers, BackgroundWorkerUnblockSignals,
 *     BackgroundWorkerInitializeConnection, then a loop that sleeps on the
 *     process latch, reloads the configuration on SIGHUP, and runs one
 *     transaction per round: StartTransactionCommand, SPI_connect, an
 *     active snapshot, SPI_execute, and the same steps undone in reverse;
 *   - pgstat_report_activity, so that pg_stat_activity shows what the
 *     worker runs;
 *   - worker_spi_launch, a SQL-callable function that starts one more
 *     worker while the server runs (RegisterDynamicBackgroundWorker).
 *
 * doc/spi.md walks through this file.  The module builds with the tree
 * (meson) and, unchanged, out of tree with PGXS (Makefile).
 *
 * Settings: worker_spi.naptime (seconds between rounds, reloadable),
 * worker_spi.total_workers (static workers, at server start) and
 * worker_spi.database (the database the workers connect to).
 *
 * contrib/worker_spi/worker_spi.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

/* what every background worker needs */
#include "miscadmin.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/shmem.h"

/* what this worker's SQL needs */
#include "access/xact.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "pgstat.h"
#include "tcop/utility.h"
#include "utils/builtins.h"
#include "utils/snapmgr.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(worker_spi_launch);

void		_PG_init(void);
PGDLLEXPORT void worker_spi_main(Datum main_arg) pg_attribute_noreturn();

/* the settings (their defaults are repeated in _PG_init) */
static int	worker_spi_naptime = 10;
static int	worker_spi_total_workers = 2;
static char *worker_spi_database = NULL;

/* the schema and table one worker looks after */
typedef struct worktable
{
	const char *schema;
	const char *name;
} worktable;

/*
 * Create the worker's schema, table and index, unless the schema is there
 * already (from an earlier run: the total survives restarts).  The names
 * are used unquoted here; the caller quotes them afterwards.
 */
static void
initialize_worker_spi(worktable *table)
{
	StringInfoData buf;
	bool		isnull;
	int64		nschemas;
	int			ret;

	/* one transaction, with SPI and a snapshot, for the check and the DDL */
	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	SPI_connect();
	PushActiveSnapshot(GetTransactionSnapshot());
	pgstat_report_activity(STATE_RUNNING, "initializing worker_spi schema");

	initStringInfo(&buf);
	appendStringInfo(&buf,
					 "select count(*) from pg_namespace where nspname = '%s'",
					 table->schema);
	debug_query_string = buf.data;
	ret = SPI_execute(buf.data, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(FATAL, "SPI_execute failed: error code %d", ret);
	if (SPI_processed != 1)
		elog(FATAL, "not a singleton result");
	nschemas = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0],
										   SPI_tuptable->tupdesc, 1, &isnull));
	if (isnull)
		elog(FATAL, "null result");

	if (nschemas == 0)
	{
		/*
		 * Schema, table and a unique index that allows a single 'total' row,
		 * all in one CREATE SCHEMA statement.
		 */
		resetStringInfo(&buf);
		appendStringInfo(&buf,
						 "CREATE SCHEMA \"%s\" "
						 "CREATE TABLE \"%s\" ("
						 "		type text CHECK (type IN ('total', 'delta')), "
						 "		value	integer)"
						 "CREATE UNIQUE INDEX \"%s_unique_total\" ON \"%s\" (type) "
						 "WHERE type = 'total'",
						 table->schema, table->name, table->name, table->name);

		SetCurrentStatementStartTimestamp();
		debug_query_string = buf.data;
		ret = SPI_execute(buf.data, false, 0);
		if (ret != SPI_OK_UTILITY)
			elog(FATAL, "failed to create my schema");
	}
	debug_query_string = NULL;

	SPI_finish();
	PopActiveSnapshot();
	CommitTransactionCommand();
	pgstat_report_activity(STATE_IDLE, NULL);
}

/*
 * A worker's entry point, static or dynamic: main_arg is its number N.
 * It runs until SIGTERM (die, acted on at CHECK_FOR_INTERRUPTS) or the
 * postmaster's death ends it.
 */
void
worker_spi_main(Datum main_arg)
{
	int			index = DatumGetInt32(main_arg);
	worktable  *table;
	StringInfoData buf;
	char		schema[32];

	table = palloc(sizeof(worktable));
	snprintf(schema, sizeof(schema), "schema%d", index);
	table->schema = pstrdup(schema);
	table->name = pstrdup("counted");

	/*
	 * Signals arrive blocked; install the handlers first.  SIGHUP only sets
	 * a flag (and the latch) for the loop below; SIGTERM makes the next
	 * CHECK_FOR_INTERRUPTS end the process with a FATAL error.
	 */
	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();

	/* From here on this process is a backend of worker_spi.database. */
	BackgroundWorkerInitializeConnection(worker_spi_database, NULL, 0);

	elog(LOG, "%s initialized with %s.%s",
		 MyBgworkerEntry->bgw_name, table->schema, table->name);
	initialize_worker_spi(table);

	/* the round's statement needs quoted names (not freed: lives as long) */
	table->schema = quote_identifier(table->schema);
	table->name = quote_identifier(table->name);

	/*
	 * One data-modifying statement does the whole round: delete the deltas,
	 * add their sum (0 if none) to the total, return the new total.
	 */
	initStringInfo(&buf);
	appendStringInfo(&buf,
					 "WITH deleted AS (DELETE "
					 "FROM %s.%s "
					 "WHERE type = 'delta' RETURNING value), "
					 "total AS (SELECT coalesce(sum(value), 0) as sum "
					 "FROM deleted) "
					 "UPDATE %s.%s "
					 "SET value = %s.value + total.sum "
					 "FROM total WHERE type = 'total' "
					 "RETURNING %s.value",
					 table->schema, table->name,
					 table->schema, table->name,
					 table->name,
					 table->name);

	for (;;)
	{
		int			ret;

		/*
		 * Sleep on the latch, never with sleep(): a signal sets the latch and
		 * wakes us at once, and the postmaster's death ends the process.
		 */
		(void) WaitLatch(MyLatch,
						 WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH,
						 worker_spi_naptime * 1000L,
						 PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);

		CHECK_FOR_INTERRUPTS();

		/* after SIGHUP: re-read postgresql.conf (a new naptime, say) */
		if (ConfigReloadPending)
		{
			ConfigReloadPending = false;
			ProcessConfigFile(PGC_SIGHUP);
		}

		/*
		 * The round's transaction.  The statement start time set first is
		 * also the transaction's start time; SPI_connect lets us run SQL, and
		 * the active snapshot is what the statement's reads see.
		 */
		SetCurrentStatementStartTimestamp();
		StartTransactionCommand();
		SPI_connect();
		PushActiveSnapshot(GetTransactionSnapshot());
		debug_query_string = buf.data;
		pgstat_report_activity(STATE_RUNNING, buf.data);

		ret = SPI_execute(buf.data, false, 0);
		if (ret != SPI_OK_UPDATE_RETURNING)
			elog(FATAL, "cannot select from table %s.%s: error code %d",
				 table->schema, table->name, ret);

		/* no row: nobody inserted the 'total' row yet */
		if (SPI_processed > 0)
		{
			bool		isnull;
			int32		total;

			total = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[0],
												SPI_tuptable->tupdesc,
												1, &isnull));
			if (!isnull)
				elog(LOG, "%s: count in %s.%s is now %d",
					 MyBgworkerEntry->bgw_name,
					 table->schema, table->name, total);
		}

		SPI_finish();
		PopActiveSnapshot();
		CommitTransactionCommand();
		debug_query_string = NULL;
		pgstat_report_stat(true);
		pgstat_report_activity(STATE_IDLE, NULL);
	}
}

/*
 * Load time.  worker_spi.naptime is defined whenever the library is loaded
 * (a backend calling worker_spi_launch loads it too); the rest, and the
 * static workers, only while shared_preload_libraries is being processed
 * in the postmaster.
 */
void
_PG_init(void)
{
	BackgroundWorker worker;

	DefineCustomIntVariable("worker_spi.naptime",
							"Duration between each check (in seconds).",
							NULL,
							&worker_spi_naptime,
							10,
							1,
							INT_MAX,
							PGC_SIGHUP,
							0,
							NULL,
							NULL,
							NULL);

	if (!process_shared_preload_libraries_in_progress)
		return;

	DefineCustomIntVariable("worker_spi.total_workers",
							"Number of workers.",
							NULL,
							&worker_spi_total_workers,
							2,
							1,
							100,
							PGC_POSTMASTER,
							0,
							NULL,
							NULL,
							NULL);

	DefineCustomStringVariable("worker_spi.database",
							   "Database to connect to.",
							   NULL,
							   &worker_spi_database,
							   "postgres",
							   PGC_POSTMASTER,
							   0,
							   NULL,
							   NULL,
							   NULL);

	/* any other worker_spi.* setting is a typo: warn about it */
	MarkGUCPrefixReserved("worker_spi");

	/*
	 * Static workers "worker_spi worker 1" … N: started once recovery is
	 * over, never restarted after they exit.
	 */
	memset(&worker, 0, sizeof(worker));
	worker.bgw_flags = BGWORKER_SHMEM_ACCESS |
		BGWORKER_BACKEND_DATABASE_CONNECTION;
	worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker.bgw_restart_time = BGW_NEVER_RESTART;
	snprintf(worker.bgw_library_name, BGW_MAXLEN, "worker_spi");
	snprintf(worker.bgw_function_name, BGW_MAXLEN, "worker_spi_main");
	snprintf(worker.bgw_type, BGW_MAXLEN, "worker_spi");
	worker.bgw_notify_pid = 0;

	for (int i = 1; i <= worker_spi_total_workers; i++)
	{
		snprintf(worker.bgw_name, BGW_MAXLEN, "worker_spi worker %d", i);
		worker.bgw_main_arg = Int32GetDatum(i);
		RegisterBackgroundWorker(&worker);
	}
}

/*
 * worker_spi_launch(n int4) returns int4: start worker n now and return its
 * pid once it runs; NULL when no background worker slot is free
 * (max_worker_processes), as PostgreSQL 15's sample does.
 */
Datum
worker_spi_launch(PG_FUNCTION_ARGS)
{
	int32		index = PG_GETARG_INT32(0);
	BackgroundWorker worker;
	BackgroundWorkerHandle *handle;
	BgwHandleStatus status;
	pid_t		pid;

	memset(&worker, 0, sizeof(worker));
	worker.bgw_flags = BGWORKER_SHMEM_ACCESS |
		BGWORKER_BACKEND_DATABASE_CONNECTION;
	worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker.bgw_restart_time = BGW_NEVER_RESTART;
	snprintf(worker.bgw_library_name, BGW_MAXLEN, "worker_spi");
	snprintf(worker.bgw_function_name, BGW_MAXLEN, "worker_spi_main");
	snprintf(worker.bgw_name, BGW_MAXLEN, "worker_spi worker %d", index);
	snprintf(worker.bgw_type, BGW_MAXLEN, "worker_spi");
	worker.bgw_main_arg = Int32GetDatum(index);
	/* the postmaster tells us (SIGUSR1) when the worker started or failed */
	worker.bgw_notify_pid = MyProcPid;

	if (!RegisterDynamicBackgroundWorker(&worker, &handle))
		PG_RETURN_NULL();

	status = WaitForBackgroundWorkerStartup(handle, &pid);
	if (status == BGWH_STOPPED)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_RESOURCES),
				 errmsg("could not start background process"),
				 errhint("More details may be available in the server log.")));
	if (status == BGWH_POSTMASTER_DIED)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_RESOURCES),
				 errmsg("cannot start background processes without postmaster"),
				 errhint("Kill all remaining database processes and restart the database.")));
	Assert(status == BGWH_STARTED);

	PG_RETURN_INT32(pid);
}
