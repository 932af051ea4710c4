/*
 * worker_cxx_test.cpp — contrib/worker_cxx, the job-queue worker written
 * with the C++ SPI API: it creates its queue table, runs due jobs each in
 * its own subtransaction (a failing job rolled back alone and recorded
 * with its SQLSTATE), leaves future jobs for later, and ends on SIGTERM.
 */
#include <catch2/catch.hpp>

#include <signal.h>

#include <sstream>
#include <string>

#include "harness.h"

using namespace tusk::test;

namespace {

/* The pid in the "[pid] " prefix of the first log line containing text. */
int PidOfLine(const std::string &log, const std::string &text)
{
	std::istringstream in(log);
	std::string line;
	while (std::getline(in, line))
		if (line.find(text) != std::string::npos && line.size() > 1 && line[0] == '[')
			return std::stoi(line.substr(1));
	return 0;
}

}  // namespace

TEST_CASE("worker_cxx runs queued jobs, each rolled back alone when it fails", "[worker_cxx]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	cluster.AppendConf("shared_preload_libraries = 'worker_cxx'");
	cluster.AppendConf("worker_cxx.naptime = 1");
	cluster.AppendConf("log_line_prefix = '[%p] '");
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	REQUIRE(cluster.WaitForLog("worker_cxx: started, database \"postgres\"", 20000));

	Session s(cluster);
	REQUIRE(WaitUntil(
		[&] {
			return s.Exec("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
						  "c.relnamespace WHERE n.nspname = 'worker_cxx' AND c.relname = 'jobs'")
					   .value == "1";
		},
		20000));
	REQUIRE(s.Exec("CREATE TABLE t (a int)").ok());
	REQUIRE(s.Exec("INSERT INTO worker_cxx.jobs (command) VALUES "
				   "('INSERT INTO t VALUES (1)'), ('SELECT 6 * 7'), "
				   "('INSERT INTO t VALUES (2); SELECT 1/0'), ('COMMIT'), "
				   "('UPDATE t SET a = a + 10 RETURNING a'), ('VACUUM t')")
				.ok());
	REQUIRE(s.Exec("INSERT INTO worker_cxx.jobs (command, run_at) VALUES "
				   "('INSERT INTO t VALUES (3)', now() + interval '1 hour')")
				.ok());
	bool ran = WaitUntil(
		[&] {
			return s.Exec("SELECT count(*) FROM worker_cxx.jobs WHERE status <> 'pending'").value ==
				"6";
		},
		30000);
	INFO(cluster.Log());
	REQUIRE(ran);

	auto job = [&](int id) {
		std::string sql = "SELECT status || '|' || coalesce(result, '-') || '|' || "
						  "coalesce(sqlstate, '-') || '|' || coalesce(message, '-') || '|' || "
						  "(finished_at IS NOT NULL) FROM worker_cxx.jobs WHERE id = ";
		sql += std::to_string(id);
		return s.Exec(sql).value;
	};
	CHECK(job(1) == "done|1|-|-|true");
	CHECK(job(2) == "done|42|-|-|true");
	CHECK(job(3) == "failed|-|22012|division by zero|true");
	CHECK(job(4) ==
		  "failed|-|0A000|transaction control statements cannot be run through "
		  "SPI|true");
	/* Later jobs see what earlier ones did; the failed one left nothing. */
	CHECK(job(5) == "done|11|-|-|true");
	CHECK(job(6) == "failed|-|25001|VACUUM cannot run inside a transaction block|true");
	CHECK(job(7) == "pending|-|-|-|false");
	CHECK(s.Exec("SELECT string_agg(a::text, ',' ORDER BY a) FROM t").value == "11");
	CHECK(cluster.WaitForLog("worker_cxx: job 3 failed: division by zero", 5000));

	/* SIGTERM ends it as PostgreSQL ends a worker. */
	int pid = PidOfLine(cluster.Log(), "worker_cxx: started");
	REQUIRE(pid > 0);
	REQUIRE(kill(pid, SIGTERM) == 0);
	CHECK(cluster.WaitForLog("FATAL:  terminating background worker \"worker_cxx\" due to "
							 "administrator command",
							 10000));
	std::string log = cluster.Log();
	INFO(log);
	CHECK(log.find("terminated by signal") == std::string::npos);
	CHECK(s.Exec("SELECT 1").value == "1");
}
