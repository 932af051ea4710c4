/*
 * worker_libpq_test.cpp — contrib/worker_libpq, the worker that connects
 * back to its own server through libpq: heartbeat rows appear; it waits
 * (retrying, and still ending on SIGTERM) while the server does not let it
 * in; SIGTERM ends it.
 */
#include <catch2/catch.hpp>

#include <signal.h>

#include <sstream>
#include <string>

#include "harness.h"

using namespace tusk::test;

namespace {

/* The pid in the "[pid] " prefix of the last log line containing text. */
int PidOfLine(const std::string &log, const std::string &text)
{
	std::istringstream in(log);
	std::string line;
	int pid = 0;
	while (std::getline(in, line))
		if (line.find(text) != std::string::npos && line.size() > 1 && line[0] == '[')
			pid = std::stoi(line.substr(1));
	return pid;
}

/* Lines of log containing text (and also, if given, and_text). */
size_t CountLines(const std::string &log, const std::string &text, const std::string &and_text = "")
{
	std::istringstream in(log);
	std::string line;
	size_t n = 0;
	while (std::getline(in, line))
		if (line.find(text) != std::string::npos && line.find(and_text) != std::string::npos)
			n++;
	return n;
}

/* The postmaster's line for the worker's exit after SIGTERM. */
std::string ExitLine(int pid)
{
	std::string line = "background worker \"worker_libpq\" (PID ";
	line += std::to_string(pid);
	line += ") exited with exit code 1";
	return line;
}

void Configure(Cluster &cluster)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	cluster.AppendConf("shared_preload_libraries = 'worker_libpq'");
	cluster.AppendConf("worker_libpq.interval = 1");
	cluster.AppendConf("log_line_prefix = '[%p] '");
}

}  // namespace

TEST_CASE("worker_libpq records heartbeats through a libpq connection; SIGTERM ends it",
		  "[worker_libpq]")
{
	Cluster cluster;
	Configure(cluster);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	REQUIRE(cluster.WaitForLog("worker_libpq: connected to database \"postgres\" after", 20000));

	Session s(cluster);
	bool beats = WaitUntil(
		[&] {
			SqlOutcome o = s.Exec("SELECT count(*) >= 3 FROM worker_libpq.heartbeat");
			return o.ok() && o.value == "t";
		},
		20000);
	INFO(cluster.Log());
	REQUIRE(beats);
	/* Rows about a second apart, from the worker's own process, which is
	 * a client session of the server (application_name worker_libpq). */
	int pid = PidOfLine(cluster.Log(), "worker_libpq: connected");
	REQUIRE(pid > 0);
	std::string same_pid = "SELECT count(DISTINCT pid) = 1 AND min(pid) = ";
	same_pid += std::to_string(pid);
	same_pid += " FROM worker_libpq.heartbeat";
	CHECK(s.Exec(same_pid).value == "t");
	CHECK(s.Exec("SELECT bool_and(d >= interval '0.5 s') FROM (SELECT beat_at - lag(beat_at) "
				 "OVER (ORDER BY id) AS d FROM worker_libpq.heartbeat) x WHERE d IS NOT NULL")
			  .value == "t");
	CHECK(s.Exec("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'worker_libpq'")
			  .value == "1");

	/* Its backend terminated, it connects again. */
	CHECK(s.Exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name "
				 "= 'worker_libpq'")
			  .value == "t");
	CHECK(cluster.WaitForLog("worker_libpq: connection lost, reconnecting", 10000));
	CHECK(WaitUntil(
		[&] { return CountLines(cluster.Log(), "worker_libpq: connected to database") == 2; },
		10000));
	CHECK(s.Exec("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'worker_libpq'")
			  .value == "1");

	REQUIRE(kill(pid, SIGTERM) == 0);
	CHECK(cluster.WaitForLog("FATAL:  terminating background worker \"worker_libpq\" due to "
							 "administrator command",
							 10000));
	CHECK(cluster.WaitForLog(ExitLine(pid), 10000));
	/* Its session ended with it. */
	CHECK(WaitUntil(
		[&] {
			return s.Exec("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
						  "'worker_libpq'")
					   .value == "0";
		},
		10000));
	std::string log = cluster.Log();
	INFO(log);
	CHECK(log.find("terminated by signal") == std::string::npos);
}

TEST_CASE("worker_libpq retries until the server lets it in, and ends on SIGTERM meanwhile",
		  "[worker_libpq]")
{
	Cluster cluster;
	Configure(cluster);
	/* The database does not exist yet: the server refuses the worker. */
	cluster.AppendConf("worker_libpq.database = 'beats'");
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	REQUIRE(cluster.WaitForLog("worker_libpq: could not connect yet, retrying every 1000 ms: "
							   "connection to server on socket",
							   20000));
	CHECK(cluster.WaitForLog("FATAL:  database \"beats\" does not exist", 5000));
	/* The refusal is logged once, not every second. */
	Run({"sleep", "2.5"});
	std::string log = cluster.Log();
	INFO(log);
	CHECK(CountLines(log, "] FATAL:  database \"beats\" does not exist") >= 3);
	CHECK(CountLines(log, "] LOG:  worker_libpq: could not connect yet", "\"beats\"") == 1);

	/* SIGTERM while it waits ends it. */
	int pid = PidOfLine(log, "worker_libpq: could not connect yet");
	REQUIRE(pid > 0);
	REQUIRE(kill(pid, SIGTERM) == 0);
	CHECK(cluster.WaitForLog(ExitLine(pid), 10000));

	/* Restarted (after bgw_restart_time, 10 s), it gets in once the
	 * database exists. */
	Session s(cluster);
	REQUIRE(s.Exec("CREATE DATABASE beats").ok());
	REQUIRE(cluster.WaitForLog("worker_libpq: connected to database \"beats\" after", 30000));
	bool beats = WaitUntil(
		[&] {
			Run({"sleep", "0.2"});
			CommandResult c = cluster.Psql(
				{"-d", "beats", "-Atc", "SELECT count(*) >= 2 FROM worker_libpq.heartbeat"});
			return c.exit_code == 0 && c.out == "t\n";
		},
		20000);
	INFO(cluster.Log());
	CHECK(beats);
}
