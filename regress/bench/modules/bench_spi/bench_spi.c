/*
 * bench_spi.c — SPI statement round trips and background-worker launch to
 * first statement, measured inside the server.  Plain C that builds with
 * PGXS against Tusk (its pg_config) and against PostgreSQL 15 (its own
 * pg_config), so regress/bench/spi_bench.sh runs the same code on both.
 *
 * SQL-callable functions (declared by bench_spi.sql):
 *
 *   bench_spi_roundtrip(n int4, kind text) RETURNS float8
 *     In the calling backend: connects to SPI, runs one statement n times
 *     and returns the microseconds per statement.  kind is
 *       'select1'  SPI_execute("SELECT 1")
 *       'pkey'     SPI_execute of a one-row SELECT from bench_spi_t by its
 *                  primary key (the statement parsed and planned each time)
 *       'prepared' the same SELECT prepared once (SPI_prepare) and run with
 *                  SPI_execute_plan, a different key each time.
 *
 *   bench_spi_worker_roundtrip(n int4, kind text) RETURNS float8
 *     The same loop inside a dynamic background worker connected to this
 *     database: the worker inserts its result into bench_spi_result; the
 *     function waits for the worker to exit and returns that result.
 *
 *   bench_spi_launch(n int4, upto text) RETURNS float8
 *     n times: note the time, RegisterDynamicBackgroundWorker of a worker
 *     that connects to this database and runs one statement, an INSERT of
 *     clock_timestamp() into bench_spi_launch, then wait for it to exit.
 *     Returns the median, in microseconds, of the time from the note to
 *     the worker's first SQL statement's clock_timestamp() (upto
 *     'statement'): the path of a worker_spi launch, through fork,
 *     connection, transaction start, parse, plan and execution up to the
 *     clock read; or (upto 'entry') to the moment its entry point began,
 *     which the worker inserts too.
 *
 * The loops are timed in CPU time of the process running them
 * (CLOCK_PROCESS_CPUTIME_ID): a loop never waits (its table stays in shared
 * buffers, nothing commits inside it), so on an idle machine this is its
 * elapsed time, and on a busy one it leaves out the time spent waiting for
 * a CPU.  The launch compares two wall-clock times (GetCurrentTimestamp and
 * clock_timestamp()), waits included.  No assertion on any time: this is a
 * benchmark, not a test.
 */
#include "postgres.h"

#include <time.h>

#include "access/xact.h"
#include "catalog/pg_type_d.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "postmaster/bgworker.h"
#include "storage/ipc.h"
#include "utils/builtins.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(bench_spi_roundtrip);
PG_FUNCTION_INFO_V1(bench_spi_worker_roundtrip);
PG_FUNCTION_INFO_V1(bench_spi_launch);
PGDLLEXPORT void bench_spi_worker_main(Datum arg);

/* Rows of bench_spi_t (ids 1 .. BENCH_ROWS), created by bench_spi.sql. */
#define BENCH_ROWS 1000

typedef enum BenchKind
{
	KIND_SELECT1,
	KIND_PKEY,
	KIND_PREPARED,
	KIND_LAUNCH
} BenchKind;

/* What a worker is asked to do: passed in bgw_extra. */
typedef struct BenchRequest
{
	int32 n;
	int32 kind;
	Oid dboid;
	int32 key; /* the worker's result row: the launching backend's pid */
} BenchRequest;

static int64 cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (int64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static BenchKind parse_kind(text *t)
{
	char *s = text_to_cstring(t);

	if (strcmp(s, "select1") == 0)
		return KIND_SELECT1;
	if (strcmp(s, "pkey") == 0)
		return KIND_PKEY;
	if (strcmp(s, "prepared") == 0)
		return KIND_PREPARED;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("bench_spi: unknown kind \"%s\"", s),
			 errhint("Use select1, pkey or prepared.")));
	return KIND_SELECT1; /* not reached */
}

static void check_n(int32 n)
{
	if (n < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("bench_spi: n must be positive")));
}

/*
 * Runs the statement of kind n times over the current SPI connection and
 * returns microseconds per statement.  Each statement must return exactly
 * one row; its tuple table is freed at once, so memory stays flat.
 */
static double run_loop(int32 n, BenchKind kind)
{
	SPIPlanPtr plan = NULL;
	int64 start;
	int64 elapsed;
	int32 i;

	if (kind == KIND_PREPARED)
	{
		Oid argtypes[1] = {INT4OID};

		plan = SPI_prepare("SELECT v FROM bench_spi_t WHERE id = $1", 1, argtypes);
		if (plan == NULL)
			elog(ERROR, "bench_spi: SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	}
	start = cpu_ns();
	for (i = 0; i < n; i++)
	{
		int ret;

		switch (kind)
		{
			case KIND_SELECT1:
				ret = SPI_execute("SELECT 1", true, 0);
				break;
			case KIND_PKEY:
				ret = SPI_execute("SELECT v FROM bench_spi_t WHERE id = 42", true, 0);
				break;
			default:
			{
				Datum values[1];

				values[0] = Int32GetDatum(i % BENCH_ROWS + 1);
				ret = SPI_execute_plan(plan, values, NULL, true, 0);
				break;
			}
		}
		if (ret != SPI_OK_SELECT || SPI_processed != 1)
			elog(ERROR, "bench_spi: statement returned %s with %llu rows",
				 SPI_result_code_string(ret), (unsigned long long) SPI_processed);
		SPI_freetuptable(SPI_tuptable);
	}
	elapsed = cpu_ns() - start;
	if (plan != NULL)
		SPI_freeplan(plan);
	return (double) elapsed / 1000.0 / n;
}

Datum bench_spi_roundtrip(PG_FUNCTION_ARGS)
{
	int32 n = PG_GETARG_INT32(0);
	BenchKind kind = parse_kind(PG_GETARG_TEXT_PP(1));
	double us;

	check_n(n);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bench_spi: SPI_connect failed");
	us = run_loop(n, kind);
	SPI_finish();
	PG_RETURN_FLOAT8(us);
}

/* Runs sql (one statement, no result rows expected) over SPI, or fails. */
static void exec_or_fail(const char *sql, int expected)
{
	int ret = SPI_execute(sql, false, 0);

	if (ret != expected)
		elog(ERROR, "bench_spi: \"%s\" failed: %s", sql, SPI_result_code_string(ret));
}

void bench_spi_worker_main(Datum arg)
{
	BenchRequest req;
	char sql[200];

	TimestampTz entered = GetCurrentTimestamp();

	(void) arg;
	memcpy(&req, MyBgworkerEntry->bgw_extra, sizeof(req));
	BackgroundWorkerUnblockSignals();
	/* No role: the bootstrap superuser, on both servers. */
	BackgroundWorkerInitializeConnectionByOid(req.dboid, InvalidOid, 0);

	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	SPI_connect();
	PushActiveSnapshot(GetTransactionSnapshot());
	if (req.kind == KIND_LAUNCH)
	{
		/* The first statement: the clock is read as it executes. */
		const char *first = "INSERT INTO bench_spi_launch VALUES ($1, clock_timestamp(), $2)";
		Oid types[2] = {INT4OID, TIMESTAMPTZOID};
		Datum values[2];
		int ret;

		values[0] = Int32GetDatum(req.key);
		values[1] = TimestampTzGetDatum(entered);
		ret = SPI_execute_with_args(first, 2, types, values, NULL, false, 0);
		if (ret != SPI_OK_INSERT)
			elog(ERROR, "bench_spi: \"%s\" failed: %s", first, SPI_result_code_string(ret));
	}
	else
	{
		double us = run_loop(req.n, (BenchKind) req.kind);

		snprintf(sql, sizeof(sql), "INSERT INTO bench_spi_result VALUES (%d, %.6f)", req.key, us);
		exec_or_fail(sql, SPI_OK_INSERT);
	}
	SPI_finish();
	PopActiveSnapshot();
	CommitTransactionCommand();
	proc_exit(0);
}

/*
 * Registers a worker for req and waits until it has exited.  *launched_at
 * is the time just before the registration.  (The worker's pid is not
 * needed: a fast worker may be gone before WaitForBackgroundWorkerStartup
 * would see it running.)
 */
static void run_worker(const BenchRequest *req, TimestampTz *launched_at)
{
	BackgroundWorker w;
	BackgroundWorkerHandle *handle;

	memset(&w, 0, sizeof(w));
	snprintf(w.bgw_name, BGW_MAXLEN, "bench_spi worker");
	snprintf(w.bgw_type, BGW_MAXLEN, "bench_spi worker");
	snprintf(w.bgw_library_name, BGW_MAXLEN, "bench_spi");
	snprintf(w.bgw_function_name, BGW_MAXLEN, "bench_spi_worker_main");
	w.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	w.bgw_start_time = BgWorkerStart_RecoveryFinished;
	w.bgw_restart_time = BGW_NEVER_RESTART;
	w.bgw_notify_pid = MyProcPid;
	memcpy(w.bgw_extra, req, sizeof(*req));

	*launched_at = GetCurrentTimestamp();
	if (!RegisterDynamicBackgroundWorker(&w, &handle))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_RESOURCES),
				 errmsg("bench_spi: could not register a background worker"),
				 errhint("Raise max_worker_processes.")));
	if (WaitForBackgroundWorkerShutdown(handle) != BGWH_STOPPED)
		elog(ERROR, "bench_spi: lost the postmaster while waiting for the worker");
}

/*
 * Deletes the row the worker of key left in table, returning columns (a
 * RETURNING list); it is then SPI_tuptable->vals[0].  Statements run with
 * read_only = false, so each sees what the worker committed after this
 * statement began.
 */
static void take_result(const char *table, const char *columns, int32 key)
{
	char sql[200];

	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE key = %d RETURNING %s", table, (int) key,
			 columns);
	if (SPI_execute(sql, false, 0) != SPI_OK_DELETE_RETURNING || SPI_processed != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("bench_spi: the worker (key %d) left no result in %s", (int) key, table),
				 errhint("See the server log for its error.")));
}

/* Removes what a worker of key left in table before an error here. */
static void clear_results(const char *table, int32 key)
{
	char sql[200];

	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE key = %d", table, (int) key);
	if (SPI_execute(sql, false, 0) != SPI_OK_DELETE)
		elog(ERROR, "bench_spi: \"%s\" failed", sql);
}

/* Column column of the row take_result returned; never null. */
static Datum result_column(int column)
{
	bool isnull;
	Datum d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, column, &isnull);

	if (isnull)
		elog(ERROR, "bench_spi: null result");
	return d;
}

static BenchRequest make_request(int32 n, BenchKind kind)
{
	BenchRequest req;

	memset(&req, 0, sizeof(req));
	req.n = n;
	req.kind = (int32) kind;
	req.dboid = MyDatabaseId;
	req.key = MyProcPid;
	return req;
}

Datum bench_spi_worker_roundtrip(PG_FUNCTION_ARGS)
{
	int32 n = PG_GETARG_INT32(0);
	BenchRequest req;
	TimestampTz launched_at;
	double us;

	check_n(n);
	req = make_request(n, parse_kind(PG_GETARG_TEXT_PP(1)));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bench_spi: SPI_connect failed");
	clear_results("bench_spi_result", req.key);
	run_worker(&req, &launched_at);
	take_result("bench_spi_result", "val", req.key);
	us = DatumGetFloat8(result_column(1));
	SPI_finish();
	PG_RETURN_FLOAT8(us);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *) a;
	double y = *(const double *) b;

	return (x > y) - (x < y);
}

Datum bench_spi_launch(PG_FUNCTION_ARGS)
{
	int32 n = PG_GETARG_INT32(0);
	char *upto = text_to_cstring(PG_GETARG_TEXT_PP(1));
	int column;
	BenchRequest req;
	double *samples;
	double median;
	int32 i;

	check_n(n);
	if (strcmp(upto, "statement") == 0)
		column = 1;
	else if (strcmp(upto, "entry") == 0)
		column = 2;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("bench_spi: unknown launch end \"%s\"", upto),
				 errhint("Use statement or entry.")));
	req = make_request(1, KIND_LAUNCH);
	samples = palloc(sizeof(double) * n);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "bench_spi: SPI_connect failed");
	clear_results("bench_spi_launch", req.key);
	for (i = 0; i < n; i++)
	{
		TimestampTz launched_at;

		run_worker(&req, &launched_at);
		take_result("bench_spi_launch", "val, entered", req.key);
		samples[i] = (double) (DatumGetTimestampTz(result_column(column)) - launched_at);
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_finish();
	qsort(samples, n, sizeof(double), cmp_double);
	median = n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2.0;
	pfree(samples);
	PG_RETURN_FLOAT8(median);
}
