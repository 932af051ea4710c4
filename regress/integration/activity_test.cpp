/*
 * activity_test.cpp — pg_stat_activity across sessions (backend status in
 * shared memory): states and query text as another session sees them,
 * the client's address, the backend types of the checkpointer and of a
 * background worker, and pg_cancel_backend / pg_terminate_backend on
 * backends and workers.
 */
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include <libpq-fe.h>

#include "harness.h"

using namespace tusk::test;

namespace {

/* The value of column expr in pid's pg_stat_activity row, seen by s. */
std::string Activity(Session &s, int pid, const std::string &expr)
{
	SqlOutcome o = s.Exec(std::string("select ") + expr +
						  std::string(" from pg_stat_activity where pid = ") + std::to_string(pid));
	INFO(o.message);
	REQUIRE(o.ok());
	return o.value;
}

bool ActivityIs(Session &s, int pid, const std::string &expr, const std::string &value)
{
	return WaitUntil([&] { return Activity(s, pid, expr) == value; }, 10000);
}

void StartWith(Cluster &cluster, const std::vector<std::string> &conf)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	for (const auto &line : conf)
		cluster.AppendConf(line);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("Another session sees a backend's state, query and transaction start as they change",
		  "[activity]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	int pid = a.BackendPid();
	REQUIRE(a.Exec("set application_name = 'session a'").ok());
	REQUIRE(Activity(b, pid, "application_name") == "session a");
	REQUIRE(Activity(b, pid, "state") == "idle");
	REQUIRE(Activity(b, pid, "query") == "set application_name = 'session a'");
	REQUIRE(Activity(b, pid, "xact_start is null") == "t");
	REQUIRE(Activity(b, pid, "backend_type") == "client backend");
	REQUIRE(Activity(b, pid, "datname") == "postgres");
	REQUIRE(Activity(b, pid, "usename = current_user") == "t");
	/* Over the Unix-domain socket: no address, port -1. */
	REQUIRE(Activity(b, pid, "client_addr is null and client_port = -1") == "t");

	/* Running: active, with its text and what it waits for. */
	a.Send("select pg_sleep(2)");
	REQUIRE(ActivityIs(b, pid, "state", "active"));
	REQUIRE(Activity(b, pid, "query") == "select pg_sleep(2)");
	REQUIRE(ActivityIs(b, pid, "wait_event_type || '/' || wait_event", "Timeout/PgSleep"));
	REQUIRE(Activity(b, pid, "query_start >= backend_start and state_change >= query_start") ==
			"t");
	REQUIRE(a.Finish().ok());
	REQUIRE(Activity(b, pid, "state") == "idle");
	REQUIRE(Activity(b, pid, "query") == "select pg_sleep(2)");
	REQUIRE(Activity(b, pid, "wait_event_type || '/' || wait_event") == "Client/ClientRead");

	/* A transaction block: idle in transaction, with its start and xid. */
	REQUIRE(a.Exec("begin").ok());
	REQUIRE(Activity(b, pid, "state") == "idle in transaction");
	REQUIRE(Activity(b, pid, "xact_start is not null") == "t");
	REQUIRE(a.Exec("create table t (x int)").ok());
	REQUIRE(Activity(b, pid, "backend_xid is not null") == "t");
	REQUIRE(a.Exec("select 1/0").sqlstate == "22012");
	REQUIRE(Activity(b, pid, "state") == "idle in transaction (aborted)");
	REQUIRE(Activity(b, pid, "xact_start is null and backend_xid is null") == "t");
	REQUIRE(a.Exec("rollback").ok());
	REQUIRE(Activity(b, pid, "state") == "idle");
	REQUIRE(Activity(b, pid, "query") == "rollback");

	/* Only the session asking is active. */
	REQUIRE(b.Exec("select count(*) from pg_stat_activity where state = 'active'").value == "1");

	/* A closed session's slot is free again. */
	int c_pid;
	{
		Session c(cluster);
		c_pid = c.BackendPid();
		REQUIRE(Activity(b, c_pid, "count(*)") == "1");
	}
	REQUIRE(WaitUntil([&] { return Activity(b, c_pid, "count(*)") == "0"; }, 5000));
}

TEST_CASE("A TCP client's address and port are shown", "[activity]")
{
	Cluster cluster;
	InitAndStart(cluster);
	std::string conninfo = cluster.ConnString() + " host=127.0.0.1";
	std::unique_ptr<PGconn, void (*)(PGconn *)> c(PQconnectdb(conninfo.c_str()), PQfinish);
	INFO(PQerrorMessage(c.get()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	PGresult *res = PQexec(c.get(),
						   "select client_addr, client_port > 0, client_hostname is null "
						   "from pg_stat_activity where pid = pg_backend_pid()");
	REQUIRE(PQresultStatus(res) == PGRES_TUPLES_OK);
	REQUIRE(std::string(PQgetvalue(res, 0, 0)) == "127.0.0.1");
	REQUIRE(std::string(PQgetvalue(res, 0, 1)) == "t");
	REQUIRE(std::string(PQgetvalue(res, 0, 2)) == "t");
	PQclear(res);
}

TEST_CASE("Query text is cut at track_activity_query_size - 1 bytes on a character boundary",
		  "[activity]")
{
	Cluster cluster;
	StartWith(cluster, {"track_activity_query_size = 100"});
	Session a(cluster);
	Session b(cluster);
	std::string long_query = std::string("select '") + std::string(200, 'x') + "'";
	REQUIRE(a.Exec(long_query).ok());
	REQUIRE(Activity(b, a.BackendPid(), "query") == long_query.substr(0, 99));
	/* A two-byte character across the limit is left out whole. */
	std::string utf8 = std::string("select '") + std::string(90, 'y') +
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9'";
	REQUIRE(a.Exec(utf8).ok());
	REQUIRE(Activity(b, a.BackendPid(), "octet_length(query)") == "98");
	/* track_activities off (a superuser's setting, here given at
	 * connection): the state is "disabled", with no text. */
	std::string conninfo = cluster.ConnString() + " options='-c track_activities=off'";
	std::unique_ptr<PGconn, void (*)(PGconn *)> c(PQconnectdb(conninfo.c_str()), PQfinish);
	INFO(PQerrorMessage(c.get()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	PQclear(PQexec(c.get(), "select 1"));
	int c_pid = PQbackendPID(c.get());
	REQUIRE(Activity(b, c_pid, "state") == "disabled");
	REQUIRE(Activity(b, c_pid, "query") == "");
	REQUIRE(Activity(b, c_pid, "query_start is null") == "t");
}

TEST_CASE("Auxiliary processes and background workers appear with their backend types",
		  "[activity]")
{
	Cluster cluster;
	StartWith(cluster, {"shared_preload_libraries = 'test_bgw'", "test_bgw.persistent = on"});
	Session s(cluster);
	REQUIRE(WaitUntil(
		[&] {
			return s.Exec("select count(*) from pg_stat_activity where backend_type = "
						  "'test_bgw persistent'")
					   .value == "1";
		},
		10000));
	REQUIRE(s.Exec("select count(*) from pg_stat_activity where backend_type = 'checkpointer' "
				   "and datid is null and usesysid is null and state is null and query = ''")
				.value == "1");
	/* The worker waits on its latch with PG_WAIT_EXTENSION. */
	REQUIRE(WaitUntil(
		[&] {
			return s.Exec("select wait_event_type || '/' || wait_event from pg_stat_activity "
						  "where backend_type = 'test_bgw persistent'")
					   .value == "Extension/Extension";
		},
		10000));
	/* A module reports its worker's activity (pgstat_report_activity). */
	REQUIRE(s.Exec("select state || ': ' || query from pg_stat_activity "
				   "where backend_type = 'test_bgw persistent'")
				.value == "active: test_bgw persistent");
	/* The auxiliary process is no backend to signal. */
	SqlOutcome o = s.Exec("select pg_cancel_backend(pid) from pg_stat_activity "
						  "where backend_type = 'checkpointer'");
	REQUIRE(o.value == "f");

	/* Terminating the worker: it exits, and its restart policy (1 s)
	 * brings it back with a new pid. */
	std::string old_pid = s.Exec("select pid from pg_stat_activity where backend_type = "
								 "'test_bgw persistent'")
							  .value;
	o = s.Exec(std::string("select pg_terminate_backend(") + old_pid + ", 5000)");
	INFO(o.message);
	REQUIRE(o.value == "t");
	REQUIRE(WaitUntil(
		[&] {
			std::string now = s.Exec("select pid from pg_stat_activity where backend_type = "
									 "'test_bgw persistent'")
								  .value;
			return !now.empty() && now != old_pid;
		},
		15000));
	REQUIRE(cluster.WaitForLog("terminating background worker \"test_bgw persistent\" due to "
							   "administrator command",
							   5000));
}

TEST_CASE("pg_cancel_backend cancels a running statement with 57014", "[activity]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	int pid = a.BackendPid();
	a.Send("select pg_sleep(30)");
	REQUIRE(ActivityIs(b, pid, "state", "active"));
	REQUIRE(b.Exec(std::string("select pg_cancel_backend(") + std::to_string(pid) + ")").value ==
			"t");
	SqlOutcome o = a.Finish();
	REQUIRE(o.sqlstate == "57014");
	REQUIRE(o.message == "canceling statement due to user request");
	/* The session lives on. */
	REQUIRE(a.Exec("select 1").value == "1");
	REQUIRE(Activity(b, pid, "state") == "idle");
	/* Cancelling an idle backend does nothing to it. */
	REQUIRE(b.Exec(std::string("select pg_cancel_backend(") + std::to_string(pid) + ")").value ==
			"t");
	REQUIRE(a.Exec("select 2").value == "2");
}

TEST_CASE("pg_terminate_backend ends a backend with 57P01 and can wait for it", "[activity]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	Session c(cluster);
	int pid = a.BackendPid();
	a.Send("select pg_sleep(30)");
	REQUIRE(ActivityIs(b, pid, "state", "active"));
	REQUIRE(
		b.Exec(std::string("select pg_terminate_backend(") + std::to_string(pid) + ", 0)").value ==
		"t");
	SqlOutcome o = a.Finish();
	REQUIRE(o.sqlstate == "57P01");
	REQUIRE(o.message == "terminating connection due to administrator command");
	REQUIRE(WaitUntil([&] { return Activity(b, pid, "count(*)") == "0"; }, 5000));

	/* With a timeout, the call returns once the process is gone. */
	int c_pid = c.BackendPid();
	REQUIRE(b.Exec(std::string("select pg_terminate_backend(") + std::to_string(c_pid) + ", 5000)")
				.value == "t");
	REQUIRE(Activity(b, c_pid, "count(*)") == "0");
	/* A backend may terminate itself: the statement ends with the FATAL
	 * (libpq reports the lost connection last). */
	int b_pid = b.BackendPid();
	o = b.Exec("select pg_terminate_backend(pg_backend_pid(), 0)");
	REQUIRE(o.status == PGRES_FATAL_ERROR);
	REQUIRE(cluster.WaitForLog(std::string("[") + std::to_string(b_pid) +
								   "] FATAL:  terminating connection due to administrator command",
							   5000));
}
