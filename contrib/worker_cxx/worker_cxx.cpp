/*
 * worker_cxx.cpp — a job queue run by a background worker written with the
 * C++ SPI API (tusk/spi.hpp).  See README.md.
 *
 * The worker "worker_cxx" connects to worker_cxx.database, creates the
 * table worker_cxx.jobs if it is missing, and every worker_cxx.naptime
 * seconds runs the due jobs — rows whose status is 'pending' and whose
 * run_at has come — in id order.  Each job's SQL runs in a subtransaction
 * of the batch's transaction: a job that fails is rolled back alone and
 * recorded as 'failed' with its SQLSTATE and message; one that succeeds
 * is 'done' with its result (the first column of its first row, or the
 * number of rows it processed).
 */
#include "tusk/spi.hpp"

extern "C" {
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
}

#include <optional>
#include <string>
#include <vector>

PG_MODULE_MAGIC;

extern "C" {
void _PG_init(void);
PGDLLEXPORT void worker_cxx_main(Datum arg);
}

namespace spi = tusk::spi;

namespace {

int naptime = 1;		  /* seconds between looks at the queue */
int batch_size = 100;	  /* jobs per transaction */
char *database = nullptr; /* the database the worker works in */

const char *const kSetup = "CREATE SCHEMA IF NOT EXISTS worker_cxx;"
						   "CREATE TABLE IF NOT EXISTS worker_cxx.jobs ("
						   " id bigserial PRIMARY KEY,"
						   " command text NOT NULL,"
						   " run_at timestamptz NOT NULL DEFAULT now(),"
						   " status text NOT NULL DEFAULT 'pending'"
						   "  CHECK (status IN ('pending', 'done', 'failed')),"
						   " result text,"
						   " sqlstate text,"
						   " message text,"
						   " finished_at timestamptz)";

struct Job
{
	int64_t id;
	std::string command;
};

/* The outcome of one job, recorded in its row. */
struct Outcome
{
	std::string status;
	std::optional<std::string> result;
	std::optional<std::string> sqlstate;
	std::optional<std::string> message;
};

Outcome RunJob(spi::Connection &conn, const Job &job)
{
	Outcome out;
	debug_query_string = job.command.c_str();
	pgstat_report_activity(STATE_RUNNING, job.command.c_str());
	std::optional<spi::Error> error = spi::attempt([&] {
		spi::Result r = conn.execute(job.command);
		if (r.has_rows() && r.size() > 0 && r.columns() > 0)
			out.result = r[0].get<std::optional<std::string>>(0);
		else
			out.result = std::to_string(r.processed());
	});
	if (error.has_value())
	{
		out.status = "failed";
		out.result.reset();
		out.sqlstate = error->sqlstate();
		out.message = error->message();
		elog(LOG, "worker_cxx: job %lld failed: %s", static_cast<long long>(job.id),
			 error->message().c_str());
	}
	else
	{
		out.status = "done";
		elog(DEBUG1, "worker_cxx: job %lld done", static_cast<long long>(job.id));
	}
	debug_query_string = nullptr;
	return out;
}

/* One batch: the due jobs, each run and recorded.  Returns how many ran. */
size_t RunBatch(const spi::Statement &due, const spi::Statement &record)
{
	size_t ran = 0;
	spi::run_transaction("worker_cxx: running jobs", [&](spi::Connection &conn) {
		std::vector<Job> jobs;
		for (const spi::Row &row : conn.execute(due, batch_size))
			jobs.push_back({row.get<int64_t>("id"), row.get<std::string>("command")});
		for (const Job &job : jobs)
		{
			Outcome o = RunJob(conn, job);
			conn.execute(record, job.id, o.status, o.result, o.sqlstate, o.message);
			ran++;
		}
	});
	return ran;
}

}  // namespace

void worker_cxx_main(Datum)
{
	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnection(database, nullptr, 0);
	elog(LOG, "worker_cxx: started, database \"%s\"", database);

	spi::run_transaction("worker_cxx: setup", [](spi::Connection &conn) { conn.execute(kSetup); });

	/* Prepared once, kept across the transactions. */
	spi::Statement due;
	spi::Statement record;
	spi::run_transaction("worker_cxx: prepare", [&](spi::Connection &conn) {
		due = conn.prepare<int32_t>(
			"SELECT id, command FROM worker_cxx.jobs"
			" WHERE status = 'pending' AND run_at <= now() ORDER BY id LIMIT $1");
		record = conn.prepare<int64_t, std::string, std::string, std::string, std::string>(
			"UPDATE worker_cxx.jobs SET status = $2, result = $3, sqlstate = $4, message = $5,"
			" finished_at = clock_timestamp() WHERE id = $1");
	});

	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		if (ConfigReloadPending)
		{
			ConfigReloadPending = false;
			ProcessConfigFile(PGC_SIGHUP);
		}
		/* A full batch: more may be waiting, look again at once. */
		if (RunBatch(due, record) == static_cast<size_t>(batch_size))
			continue;
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, naptime * 1000L,
						 PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
	}
}

void _PG_init(void)
{
	if (!process_shared_preload_libraries_in_progress)
		return;
	DefineCustomIntVariable("worker_cxx.naptime", "Seconds between looks at the job queue.",
							nullptr, &naptime, 1, 1, 3600, PGC_SIGHUP, GUC_UNIT_S, nullptr, nullptr,
							nullptr);
	DefineCustomIntVariable("worker_cxx.batch_size", "Jobs run in one transaction.", nullptr,
							&batch_size, 100, 1, 10000, PGC_SIGHUP, 0, nullptr, nullptr, nullptr);
	DefineCustomStringVariable("worker_cxx.database", "Database whose job queue the worker runs.",
							   nullptr, &database, "postgres", PGC_POSTMASTER, 0, nullptr, nullptr,
							   nullptr);
	MarkGUCPrefixReserved("worker_cxx");

	BackgroundWorker worker;
	memset(&worker, 0, sizeof(worker));
	snprintf(worker.bgw_name, BGW_MAXLEN, "worker_cxx");
	snprintf(worker.bgw_type, BGW_MAXLEN, "worker_cxx");
	snprintf(worker.bgw_library_name, BGW_MAXLEN, "worker_cxx");
	snprintf(worker.bgw_function_name, BGW_MAXLEN, "worker_cxx_main");
	worker.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker.bgw_restart_time = 10;
	RegisterBackgroundWorker(&worker);
}
