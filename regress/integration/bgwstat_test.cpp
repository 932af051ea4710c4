/*
 * bgwstat_test.cpp — the background-worker registry seen from SQL
 * (★ pg_stat_bgworker, [bgwstat]), workers in pg_stat_activity and
 * pg_terminate_backend on them, and ★ DROP DATABASE with workers connected
 * to the database ([dropdb]).  The workers are regress/modules/test_bgw's.
 */
#include <catch2/catch.hpp>

#include <signal.h>

#include <sstream>
#include <string>
#include <vector>

#include <libpq-fe.h>

#include "harness.h"

using namespace tusk::test;

namespace {

void StartWith(Cluster &cluster, const std::vector<std::string> &conf)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	cluster.AppendConf("shared_preload_libraries = 'test_bgw'");
	for (const auto &line : conf)
		cluster.AppendConf(line);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

void Restart(Cluster &cluster, const std::vector<std::string> &conf)
{
	REQUIRE(cluster.Stop().exit_code == 0);
	for (const auto &line : conf)
		cluster.AppendConf(line);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

/* The value of expr in the pg_stat_bgworker row of the worker named name. */
std::string Bgw(Session &s, const std::string &name, const std::string &expr)
{
	std::string sql = "select ";
	sql += expr;
	sql += " from pg_stat_bgworker where name = '";
	sql += name;
	sql += "'";
	SqlOutcome o = s.Exec(sql);
	INFO(sql << ": " << o.message);
	REQUIRE(o.ok());
	return o.value;
}

bool BgwBecomes(Session &s, const std::string &name, const std::string &expr,
				const std::string &value, int timeout_ms = 15000)
{
	return WaitUntil([&] { return Bgw(s, name, expr) == value; }, timeout_ms);
}

size_t CountLog(const Cluster &cluster, const std::string &needle)
{
	size_t n = 0;
	std::istringstream in(cluster.Log());
	std::string line;
	while (std::getline(in, line))
		if (line.find(needle) != std::string::npos)
			n++;
	return n;
}

}  // namespace

TEST_CASE("pg_stat_bgworker shows static and dynamic workers, running and stopped", "[bgwstat]")
{
	Cluster cluster;
	StartWith(cluster,
			  {"test_bgw.sleepers = 1", "test_bgw.exit1 = on", "test_bgw.restart_time = 2",
			   "test_bgw.never = on", "test_bgw.exit0 = on", "test_bgw.persistent = on"});
	Session s(cluster);

	/* A static sleeper: running, with the pid pg_stat_activity shows. */
	REQUIRE(BgwBecomes(s, "test_bgw sleeper 1", "state", "running"));
	REQUIRE(Bgw(s, "test_bgw sleeper 1",
				"type || '|' || library || '|' || function || '|' || start_time || '|' || "
				"restart_time || '|' || dynamic || '|' || starts || '|' || early_exits") ==
			"test_bgw|test_bgw|test_bgw_sleeper_main|recovery finished|1|false|1|0");
	REQUIRE(Bgw(s, "test_bgw sleeper 1",
				"last_start is not null and last_start <= now() and last_exit_code is null and "
				"last_exit_signal is null and last_exit_time is null and next_start is null") ==
			"t");
	REQUIRE(Bgw(s, "test_bgw sleeper 1",
				"pid = (select pid from pg_stat_activity where backend_type = 'test_bgw')") == "t");

	/* Dynamic: the launcher's persistent sleeper; the launcher itself
	 * (BGW_NEVER_RESTART) exited with status 0 and is stopped. */
	REQUIRE(BgwBecomes(s, "test_bgw persistent", "state", "running"));
	REQUIRE(Bgw(s, "test_bgw persistent", "dynamic") == "t");
	REQUIRE(BgwBecomes(s, "test_bgw launcher", "state", "stopped"));
	REQUIRE(Bgw(s, "test_bgw launcher",
				"coalesce(restart_time::text, 'never') || '|' || last_exit_code || '|' || "
				"(pid is null) || '|' || dynamic") == "never|0|true|false");

	/* Exit status 0: stopped for good; exit status 1 with
	 * BGW_NEVER_RESTART: stopped too. */
	REQUIRE(BgwBecomes(s, "test_bgw exit0", "state", "stopped"));
	REQUIRE(Bgw(s, "test_bgw exit0",
				"last_exit_code || '|' || starts || '|' || (last_exit_time >= last_start) || '|' "
				"|| (next_start is null)") == "0|1|true|true");
	REQUIRE(BgwBecomes(s, "test_bgw never", "state", "stopped"));
	REQUIRE(Bgw(s, "test_bgw never",
				"last_exit_code || '|' || (restart_time is null) || '|' || starts") == "1|true|1");

	/* Exit status 1 with a restart time: waiting to restart, its next start
	 * exactly bgw_restart_time after its exit; then it runs again. */
	REQUIRE(WaitUntil(
		[&] {
			return Bgw(s, "test_bgw exit1",
					   "state || '|' || last_exit_code || '|' || (next_start - last_exit_time)") ==
				"waiting to restart|1|00:00:02";
		},
		15000));
	REQUIRE(BgwBecomes(s, "test_bgw exit1", "starts >= 3", "t"));

	/* Nothing else is there. */
	REQUIRE(s.Exec("select count(*) from pg_stat_bgworker").value == "6");
}

TEST_CASE("pg_stat_bgworker's next start follows the crash-loop backoff", "[bgwstat]")
{
	Cluster cluster;
	StartWith(cluster,
			  {"test_bgw.exit1 = on", "test_bgw.restart_time = 1", "bgworker_restart_backoff = on",
			   "bgworker_max_restart_delay = 4s"});
	Session s(cluster);
	/* Each wait is 1 s doubled per consecutive early exit, capped at 4 s;
	 * seen while it waits, in one consistent row. */
	std::vector<std::string> seen;
	REQUIRE(WaitUntil(
		[&] {
			std::string row = Bgw(s, "test_bgw exit1",
								  "state || '|' || early_exits || '|' || "
								  "extract(epoch from next_start - last_exit_time)::int");
			if (row.rfind("waiting to restart|", 0) == 0 && (seen.empty() || seen.back() != row))
				seen.push_back(row);
			return row == "waiting to restart|4|4";
		},
		30000));
	INFO([&] {
		std::string all;
		for (const auto &r : seen)
			all += r + "\n";
		return all;
	}());
	for (const auto &row : seen)
	{
		int exits = 0;
		int delay = 0;
		REQUIRE(sscanf(row.c_str(), "waiting to restart|%d|%d", &exits, &delay) == 2);
		int expected = 1;
		for (int i = 1; i < exits && expected < 4; i++)
			expected *= 2;
		REQUIRE(delay == expected);
	}
	REQUIRE(seen.size() >= 2);
}

TEST_CASE("A worker whose death crashed the server shows as crashed, restartable ones run again",
		  "[bgwstat]")
{
	Cluster cluster;
	StartWith(cluster, {"test_bgw.database = 'postgres'", "test_bgw.restart_time = 1"});
	{
		Session s(cluster);
		REQUIRE(BgwBecomes(s, "test_bgw db once", "state", "running"));
		REQUIRE(BgwBecomes(s, "test_bgw db sleeper", "state", "running"));
		int pid = std::stoi(Bgw(s, "test_bgw db once", "pid"));
		REQUIRE(kill(pid, SIGKILL) == 0);
	}
	REQUIRE(cluster.WaitForLog("all server processes terminated; reinitializing", 15000));
	REQUIRE(WaitUntil(
		[&] {
			PGconn *c = PQconnectdb(cluster.ConnString().c_str());
			bool ok = PQstatus(c) == CONNECTION_OK;
			PQfinish(c);
			return ok;
		},
		15000));
	Session s(cluster);
	/* BGW_NEVER_RESTART: forgotten, but shown as it ended. */
	REQUIRE(Bgw(s, "test_bgw db once",
				"state || '|' || last_exit_signal || '|' || (last_exit_code is null) || '|' || "
				"(pid is null) || '|' || starts") == "crashed|9|true|true|1");
	/* Killed by the crash restart (SIGQUIT), then started again. */
	REQUIRE(BgwBecomes(s, "test_bgw db sleeper", "state || '|' || starts", "running|2"));
}

TEST_CASE("Connected workers in pg_stat_activity; pg_terminate_backend and restart policies",
		  "[bgwstat]")
{
	Cluster cluster;
	StartWith(cluster, {"test_bgw.database = 'postgres'", "test_bgw.restart_time = 1"});
	Session s(cluster);
	REQUIRE(WaitUntil(
		[&] {
			return s.Exec("select count(*) from pg_stat_activity where backend_type = "
						  "'test_bgw db' and datname = 'postgres' and usename = current_user "
						  "and state = 'active'")
					   .value == "2";
		},
		15000));
	/* The checkpointer, as PostgreSQL 15 shows it when idle. */
	REQUIRE(WaitUntil(
		[&] {
			return s.Exec("select wait_event_type || '/' || wait_event from pg_stat_activity "
						  "where backend_type = 'checkpointer' and datname is null and usename "
						  "is null and state is null and query = ''")
					   .value == "Activity/CheckpointerMain";
		},
		10000));
	/* PostgreSQL's columns for a worker: no client address or port. */
	REQUIRE(s.Exec("select count(*) from pg_stat_activity where backend_type = 'test_bgw db' "
				   "and client_addr is null and client_port is null and backend_start is not "
				   "null and query like 'test_bgw db %'")
				.value == "2");

	/* BGW_NEVER_RESTART: terminated, it stays stopped. */
	std::string once = Bgw(s, "test_bgw db once", "pid");
	REQUIRE(s.Exec(std::string("select pg_terminate_backend(") + once + ", 5000)").value == "t");
	REQUIRE(BgwBecomes(s, "test_bgw db once", "state", "stopped"));
	REQUIRE(Bgw(s, "test_bgw db once", "last_exit_code || '|' || starts") == "1|1");
	REQUIRE(cluster.WaitForLog("terminating background worker \"test_bgw db\" due to "
							   "administrator command",
							   5000));

	/* A restart interval of 1 s: terminated, it comes back. */
	std::string sleeper = Bgw(s, "test_bgw db sleeper", "pid");
	REQUIRE(s.Exec(std::string("select pg_terminate_backend(") + sleeper + ", 5000)").value == "t");
	REQUIRE(BgwBecomes(s, "test_bgw db sleeper", "state || '|' || starts", "running|2"));
	REQUIRE(Bgw(s, "test_bgw db sleeper", "last_exit_code") == "1");
	REQUIRE(Bgw(s, "test_bgw db sleeper", "pid") != sleeper);
	/* It has its pg_stat_activity row a moment after it was forked. */
	REQUIRE(WaitUntil(
		[&] {
			return s.Exec("select count(*) from pg_stat_activity where backend_type = "
						  "'test_bgw db'")
					   .value == "1";
		},
		10000));
	REQUIRE(Bgw(s, "test_bgw db once", "state") == "stopped");
}

TEST_CASE("DROP DATABASE stops the workers connected to it for good; clients still block it",
		  "[dropdb]")
{
	Cluster cluster;
	StartWith(cluster, {});
	{
		Session s(cluster);
		REQUIRE(s.Exec("create database dropme").ok());
	}
	Restart(cluster, {"test_bgw.database = 'dropme'", "test_bgw.restart_time = 1"});
	Session s(cluster);
	REQUIRE(WaitUntil(
		[&] {
			return s.Exec("select count(*) from pg_stat_activity where datname = 'dropme' and "
						  "backend_type = 'test_bgw db'")
					   .value == "2";
		},
		15000));

	/* A client session blocks it, as in PostgreSQL; the workers are left
	 * alone then. */
	std::string conninfo = cluster.ConnString() + " dbname=dropme";
	PGconn *client = PQconnectdb(conninfo.c_str());
	REQUIRE(PQstatus(client) == CONNECTION_OK);
	SqlOutcome o = s.Exec("drop database dropme");
	REQUIRE(o.sqlstate == "55006");
	REQUIRE(o.message == "database \"dropme\" is being accessed by other users");
	REQUIRE(o.detail == "There is 1 other session using the database.");
	REQUIRE(Bgw(s, "test_bgw db sleeper", "state || '|' || starts") == "running|1");
	REQUIRE(Bgw(s, "test_bgw db once", "state || '|' || starts") == "running|1");
	PQfinish(client);

	/* Without clients: the workers are terminated, waited for, dropped
	 * from the registry. */
	o = s.Exec("drop database dropme");
	INFO(o.message << cluster.Log());
	REQUIRE(o.ok());
	REQUIRE(CountLog(cluster, "terminating background worker \"test_bgw db\" (PID ") == 2);
	REQUIRE(CountLog(cluster, "because database \"dropme\" is being dropped") == 2);
	REQUIRE(
		s.Exec("select count(*) from pg_stat_activity where backend_type = 'test_bgw db'").value ==
		"0");
	REQUIRE(BgwBecomes(s, "test_bgw db sleeper", "state", "stopped"));
	REQUIRE(BgwBecomes(s, "test_bgw db once", "state", "stopped"));
	/* Not restarted, well after its restart interval. */
	usleep(3000 * 1000);
	REQUIRE(Bgw(s, "test_bgw db sleeper", "state || '|' || starts") == "stopped|1");
	REQUIRE(CountLog(cluster, "test_bgw db sleeper started") == 1);
}

TEST_CASE("DROP DATABASE WITH (FORCE) ends client sessions and workers", "[dropdb]")
{
	Cluster cluster;
	StartWith(cluster, {});
	{
		Session s(cluster);
		REQUIRE(s.Exec("create database dropme").ok());
	}
	Restart(cluster, {"test_bgw.database = 'dropme'", "test_bgw.restart_time = 1"});
	Session s(cluster);
	/* Connected (not only started). */
	REQUIRE(WaitUntil(
		[&] {
			return s.Exec("select count(*) from pg_stat_activity where datname = 'dropme' and "
						  "backend_type = 'test_bgw db'")
					   .value == "2";
		},
		15000));
	std::string conninfo = cluster.ConnString() + " dbname=dropme";
	PGconn *client = PQconnectdb(conninfo.c_str());
	REQUIRE(PQstatus(client) == CONNECTION_OK);
	SqlOutcome o = s.Exec("drop database dropme with (force)");
	INFO(o.message);
	REQUIRE(o.ok());
	/* The client's connection is gone. */
	PGresult *r = PQexec(client, "select 1");
	REQUIRE(PQresultStatus(r) != PGRES_TUPLES_OK);
	PQclear(r);
	PQfinish(client);
	REQUIRE(CountLog(cluster, "because database \"dropme\" is being dropped") == 2);
	REQUIRE(BgwBecomes(s, "test_bgw db sleeper", "state", "stopped"));
	usleep(2500 * 1000);
	REQUIRE(Bgw(s, "test_bgw db sleeper", "starts") == "1");
	REQUIRE(s.Exec("select count(*) from pg_database where datname = 'dropme'").value == "0");
}

TEST_CASE("A worker started for a database that no longer exists fails once, is not restarted",
		  "[dropdb]")
{
	Cluster cluster;
	StartWith(cluster, {});
	{
		Session s(cluster);
		REQUIRE(s.Exec("create database dropme").ok());
	}
	Restart(cluster, {"test_bgw.database = 'dropme'", "test_bgw.restart_time = 1"});
	{
		Session s(cluster);
		REQUIRE(BgwBecomes(s, "test_bgw db sleeper", "state", "running"));
		REQUIRE(s.Exec("drop database dropme").ok());
	}
	/* The registration survives a restart (it is in postgresql.conf): the
	 * database is gone, so each worker fails with PostgreSQL's FATAL once. */
	Restart(cluster, {});
	Session s(cluster);
	REQUIRE(BgwBecomes(s, "test_bgw db sleeper", "state", "stopped"));
	REQUIRE(BgwBecomes(s, "test_bgw db once", "state", "stopped"));
	usleep(3000 * 1000);
	REQUIRE(Bgw(s, "test_bgw db sleeper", "state || '|' || starts || '|' || last_exit_code") ==
			"stopped|1|1");
	std::string log = cluster.Log();
	INFO(log);
	REQUIRE(log.find("FATAL:  database \"dropme\" does not exist") != std::string::npos);
	REQUIRE(log.find("background worker \"test_bgw db\" will not be restarted: its database does "
					 "not exist") != std::string::npos);
}

TEST_CASE("A worker connecting by OID to a dropped database fails once, is not restarted",
		  "[dropdb]")
{
	Cluster cluster;
	StartWith(cluster, {});
	std::string oid;
	{
		Session s(cluster);
		REQUIRE(s.Exec("create database dropme").ok());
		oid = s.Exec("select oid from pg_database where datname = 'dropme'").value;
		REQUIRE(!oid.empty());
	}
	Restart(cluster, {std::string("test_bgw.database_oid = ") + oid, "test_bgw.restart_time = 1"});
	{
		Session s(cluster);
		REQUIRE(WaitUntil(
			[&] {
				return s.Exec("select count(*) from pg_stat_activity where datname = 'dropme' "
							  "and backend_type = 'test_bgw db'")
						   .value == "1";
			},
			15000));
		REQUIRE(s.Exec("drop database dropme").ok());
		REQUIRE(BgwBecomes(s, "test_bgw db by oid", "state", "stopped"));
	}
	REQUIRE(cluster.Log().find("terminating background worker \"test_bgw db\" (PID ") !=
			std::string::npos);
	Restart(cluster, {});
	Session s(cluster);
	REQUIRE(BgwBecomes(s, "test_bgw db by oid", "state", "stopped"));
	usleep(3000 * 1000);
	REQUIRE(Bgw(s, "test_bgw db by oid", "starts || '|' || last_exit_code") == "1|1");
	std::string log = cluster.Log();
	INFO(log);
	REQUIRE(log.find(std::string("FATAL:  database ") + oid + " does not exist") !=
			std::string::npos);
	REQUIRE(CountLog(cluster, "will not be restarted: its database does not exist") == 1);
}
