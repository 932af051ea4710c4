/*
 * worker_libpq.c — a background worker that talks to its own server as a
 * client would, through a libpq connection, rather than through SPI.  See
 * README.md for when to choose which.
 *
 * The worker "worker_libpq" is started with the postmaster
 * (BgWorkerStart_PostmasterStart), before the server accepts connections:
 * it tries to connect (over the server's first Unix socket directory, or
 * localhost, at the server's port) until it succeeds, honouring SIGTERM
 * while it waits.  Connected, it creates worker_libpq.heartbeat if
 * missing and every worker_libpq.interval seconds inserts a row with the
 * time.  A lost connection is made again the same way.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
#include "utils/timestamp.h"

#include "libpq-fe.h"

PG_MODULE_MAGIC;

void _PG_init(void);
PGDLLEXPORT void worker_libpq_main(Datum arg);

static int interval_s = 5;	  /* seconds between heartbeats */
static char *database = NULL; /* database the heartbeats go to */
static char *user = NULL;	  /* role to connect as; empty: libpq's default */

static PGconn *conn = NULL;

#define RETRY_MS 1000

static const char *const setup_sql = "CREATE SCHEMA IF NOT EXISTS worker_libpq;"
									 "CREATE TABLE IF NOT EXISTS worker_libpq.heartbeat ("
									 " id bigserial PRIMARY KEY,"
									 " beat_at timestamptz NOT NULL DEFAULT clock_timestamp(),"
									 " pid int NOT NULL)";

static void close_connection(int code pg_attribute_unused(), Datum arg pg_attribute_unused())
{
	if (conn != NULL)
		PQfinish(conn);
	conn = NULL;
}

/* libpq's message for the last failure, without its final newline. */
static char *last_error(void)
{
	char *msg = pstrdup(PQerrorMessage(conn));
	size_t len = strlen(msg);

	while (len > 0 && msg[len - 1] == '\n')
		msg[--len] = '\0';
	return msg;
}

/* Sleeps ms, waking for SIGTERM (which ends the worker) or SIGHUP.  The
 * latch is set by other signals too (SIGUSR1's procsignals): those wakings
 * sleep again for what is left, so heartbeats stay an interval apart. */
static void nap(long ms)
{
	TimestampTz until = GetCurrentTimestamp() + (TimestampTz) ms * 1000;
	long left = ms;

	while (left > 0)
	{
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, left,
						 PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
		if (ConfigReloadPending)
		{
			ConfigReloadPending = false;
			ProcessConfigFile(PGC_SIGHUP);
			return;
		}
		left = TimestampDifferenceMilliseconds(GetCurrentTimestamp(), until);
	}
}

/* The server's first Unix socket directory, or NULL (then TCP to localhost). */
static char *socket_directory(void)
{
	char *dirs = Unix_socket_directories;
	size_t len;
	char *out;

	if (dirs == NULL)
		return NULL;
	while (*dirs == ' ')
		dirs++;
	len = strcspn(dirs, ", ");
	if (len == 0)
		return NULL;
	out = palloc(len + 1);
	memcpy(out, dirs, len);
	out[len] = '\0';
	return out;
}

/* Connects, retrying every second until the server lets us in. */
static void connect_with_retry(void)
{
	char port[16];
	char *host = socket_directory();
	const char *keys[6];
	const char *values[6];
	int n = 0;
	int attempts = 0;
	char *previous = NULL;

	snprintf(port, sizeof(port), "%d", PostPortNumber);
	keys[n] = "host";
	values[n++] = host != NULL ? host : "localhost";
	keys[n] = "port";
	values[n++] = port;
	keys[n] = "dbname";
	values[n++] = database;
	keys[n] = "application_name";
	values[n++] = "worker_libpq";
	if (user != NULL && user[0] != '\0')
	{
		keys[n] = "user";
		values[n++] = user;
	}
	keys[n] = NULL;
	values[n] = NULL;

	for (;;)
	{
		char *error;

		attempts++;
		conn = PQconnectdbParams(keys, values, 0);
		if (PQstatus(conn) == CONNECTION_OK)
			break;
		/* Each different refusal once in the log, repeats at DEBUG1. */
		error = last_error();
		if (previous == NULL || strcmp(previous, error) != 0)
		{
			ereport(LOG,
					(errmsg("worker_libpq: could not connect yet, retrying every %d ms: %s",
							RETRY_MS, error)));
			if (previous != NULL)
				pfree(previous);
			previous = error;
		}
		else
		{
			elog(DEBUG1, "worker_libpq: connection attempt %d failed", attempts);
			pfree(error);
		}
		PQfinish(conn);
		conn = NULL;
		nap(RETRY_MS);
	}
	ereport(LOG,
			(errmsg("worker_libpq: connected to database \"%s\" after %d attempt%s", database,
					attempts, attempts == 1 ? "" : "s")));
	if (previous != NULL)
		pfree(previous);
	if (host != NULL)
		pfree(host);
}

/* Runs sql: RUN_OK, RUN_FAILED (logged), or RUN_LOST when the connection
 * broke (then it is closed, to be made again). */
typedef enum RunResult
{
	RUN_OK,
	RUN_FAILED,
	RUN_LOST
} RunResult;

static RunResult run(const char *sql, int nparams, const char *const *params)
{
	/* Without parameters, the simple protocol: sql may hold several statements. */
	PGresult *res = nparams == 0 ? PQexec(conn, sql)
								 : PQexecParams(conn, sql, nparams, NULL, params, NULL, NULL, 0);
	ExecStatusType status = PQresultStatus(res);
	RunResult result = RUN_OK;

	if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
	{
		char *msg = last_error();

		ereport(LOG, (errmsg("worker_libpq: statement failed: %s", msg)));
		pfree(msg);
		result = RUN_FAILED;
	}
	PQclear(res);
	if (PQstatus(conn) != CONNECTION_OK)
	{
		ereport(LOG, (errmsg("worker_libpq: connection lost, reconnecting")));
		PQfinish(conn);
		conn = NULL;
		result = RUN_LOST;
	}
	return result;
}

void worker_libpq_main(Datum arg pg_attribute_unused())
{
	char pid[16];
	const char *params[1];
	bool ready = false;

	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	on_proc_exit(close_connection, (Datum) 0);

	snprintf(pid, sizeof(pid), "%d", MyProcPid);
	params[0] = pid;
	for (;;)
	{
		if (conn == NULL)
		{
			connect_with_retry();
			ready = false;
		}
		if (!ready)
		{
			RunResult r = run(setup_sql, 0, NULL);

			if (r == RUN_LOST)
				continue;
			if (r == RUN_FAILED)
			{
				nap(RETRY_MS);
				continue;
			}
			ready = true;
		}
		if (run("INSERT INTO worker_libpq.heartbeat (pid) VALUES ($1)", 1, params) == RUN_LOST)
			continue;
		nap(interval_s * 1000L);
	}
}

void _PG_init(void)
{
	BackgroundWorker worker;

	if (!process_shared_preload_libraries_in_progress)
		return;
	DefineCustomIntVariable("worker_libpq.interval", "Seconds between heartbeat rows.", NULL,
							&interval_s, 5, 1, 3600, PGC_SIGHUP, GUC_UNIT_S, NULL, NULL, NULL);
	DefineCustomStringVariable("worker_libpq.database", "Database the heartbeat rows go to.", NULL,
							   &database, "postgres", PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("worker_libpq.user",
							   "Role the worker connects as (empty: the operating system user).",
							   NULL, &user, "", PGC_POSTMASTER, 0, NULL, NULL, NULL);
	MarkGUCPrefixReserved("worker_libpq");

	memset(&worker, 0, sizeof(worker));
	snprintf(worker.bgw_name, BGW_MAXLEN, "worker_libpq");
	snprintf(worker.bgw_type, BGW_MAXLEN, "worker_libpq");
	snprintf(worker.bgw_library_name, BGW_MAXLEN, "worker_libpq");
	snprintf(worker.bgw_function_name, BGW_MAXLEN, "worker_libpq_main");
	worker.bgw_flags = BGWORKER_SHMEM_ACCESS;
	worker.bgw_start_time = BgWorkerStart_PostmasterStart;
	worker.bgw_restart_time = 10;
	RegisterBackgroundWorker(&worker);
}
