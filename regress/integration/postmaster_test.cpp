/*
 * postmaster_test.cpp — the postmaster as users and operators see it:
 * connections, limits, reload, crash restart, lock files.
 */
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <string>
#include <utility>

#include <libpq-fe.h>

#include "harness.h"

using namespace tusk::test;

namespace {

struct PgConnDeleter
{
	void operator()(PGconn *c) const { PQfinish(c); }
};
using Conn = std::unique_ptr<PGconn, PgConnDeleter>;

Conn Connect(const Cluster &cluster, const std::string &extra = "")
{
	return Conn(PQconnectdb((cluster.ConnString() + " " + extra).c_str()));
}

/* A running cluster with the given extra settings. */
void StartWith(Cluster &cluster, const std::vector<std::string> &conf)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	for (const auto &line : conf)
		cluster.AppendConf(line);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

std::string ErrorField(const PGresult *res, int field)
{
	const char *v = PQresultErrorField(res, field);
	return v ? v : "";
}

}  // namespace

TEST_CASE("pg_isready reports a running Tusk server as accepting connections", "[postmaster]")
{
	Cluster cluster;
	StartWith(cluster, {});
	auto r = Run(
		{PgBin("pg_isready"), "-h", cluster.SocketDir(), "-p", std::to_string(cluster.Port())});
	INFO(r.output());
	REQUIRE(r.exit_code == 0);
	REQUIRE(r.out.find("accepting connections") != std::string::npos);
	/* And over TCP. */
	r = Run({PgBin("pg_isready"), "-h", "127.0.0.1", "-p", std::to_string(cluster.Port())});
	REQUIRE(r.exit_code == 0);
}

TEST_CASE("psql connects, a query answers, and an unsupported statement gets 0A000", "[postmaster]")
{
	Cluster cluster;
	StartWith(cluster, {});
	auto r = cluster.Psql({"-c", "select 1 as one"});
	INFO(r.output());
	REQUIRE(r.exit_code == 0);
	REQUIRE(r.out.find(" one \n-----\n   1\n(1 row)") != std::string::npos);

	Conn conn = Connect(cluster);
	REQUIRE(PQstatus(conn.get()) == CONNECTION_OK);
	PGresult *res = PQexec(conn.get(), "create function f() returns int language internal as 'f'");
	REQUIRE(PQresultStatus(res) == PGRES_FATAL_ERROR);
	REQUIRE(ErrorField(res, PG_DIAG_SQLSTATE) == "0A000");
	PQclear(res);
	/* A statement kind not supported yet is named by its command tag. */
	for (auto [sql, name] :
		 {std::pair{"begin; notify x", "NOTIFY"}, std::pair{"unlisten x", "UNLISTEN"},
		  std::pair{"create rule r as on insert to t do nothing", "CREATE RULE"},
		  std::pair{"cluster t", "CLUSTER"}, std::pair{"listen x", "LISTEN"}})
	{
		CAPTURE(sql);
		res = PQexec(conn.get(), sql);
		REQUIRE(PQresultStatus(res) == PGRES_FATAL_ERROR);
		REQUIRE(ErrorField(res, PG_DIAG_SQLSTATE) == "0A000");
		REQUIRE(ErrorField(res, PG_DIAG_MESSAGE_PRIMARY) ==
				std::string(name) + " is not supported yet");
		PQclear(res);
		PQclear(PQexec(conn.get(), "rollback"));
	}
	/* The session survives the error. */
	res = PQexec(conn.get(), "  ;  -- nothing\n");
	REQUIRE(PQresultStatus(res) == PGRES_EMPTY_QUERY);
	PQclear(res);
	res = PQexec(conn.get(), "select 2");
	REQUIRE(PQresultStatus(res) == PGRES_TUPLES_OK);
	REQUIRE(std::string(PQgetvalue(res, 0, 0)) == "2");
	PQclear(res);
}

TEST_CASE("A new session receives PostgreSQL 15's parameter status values", "[postmaster]")
{
	Cluster cluster;
	StartWith(cluster, {});
	Conn conn = Connect(cluster, "application_name=tusktest");
	REQUIRE(PQstatus(conn.get()) == CONNECTION_OK);
	auto ps = [&](const char *name) {
		const char *v = PQparameterStatus(conn.get(), name);
		return std::string(v ? v : "<missing>");
	};
	REQUIRE(ps("application_name") == "tusktest");
	REQUIRE(ps("client_encoding") == "UTF8");
	REQUIRE(ps("DateStyle") == "ISO, MDY");
	REQUIRE(ps("integer_datetimes") == "on");
	REQUIRE(ps("IntervalStyle") == "postgres");
	REQUIRE(ps("is_superuser") == "on");
	REQUIRE(ps("server_encoding") == "UTF8");
	REQUIRE(ps("standard_conforming_strings") == "on");
	REQUIRE(ps("default_transaction_read_only") == "off");
	REQUIRE(ps("in_hot_standby") == "off");
	REQUIRE(ps("TimeZone") == "Etc/UTC");
	REQUIRE(ps("session_authorization") == PQuser(conn.get()));
	REQUIRE(PQserverVersion(conn.get()) / 10000 == 15);
	REQUIRE(PQbackendPID(conn.get()) > 0);
}

TEST_CASE("max_connections is enforced with SQLSTATE 53300 and the server keeps serving",
		  "[postmaster]")
{
	Cluster cluster;
	StartWith(cluster, {"max_connections = 2", "superuser_reserved_connections = 0"});
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	REQUIRE(PQstatus(a.get()) == CONNECTION_OK);
	REQUIRE(PQstatus(b.get()) == CONNECTION_OK);
	Conn c = Connect(cluster);
	REQUIRE(PQstatus(c.get()) == CONNECTION_BAD);
	REQUIRE(std::string(PQerrorMessage(c.get())).find("sorry, too many clients already") !=
			std::string::npos);
	c.reset();
	a.reset();
	/* A slot frees when a client leaves. */
	REQUIRE(WaitUntil(
		[&] {
			Conn d = Connect(cluster);
			return PQstatus(d.get()) == CONNECTION_OK;
		},
		5000));
	REQUIRE(PQstatus(b.get()) == CONNECTION_OK);
}

TEST_CASE("kill -9 of a backend causes a crash restart, after which the server accepts again",
		  "[postmaster]")
{
	Cluster cluster;
	StartWith(cluster, {});
	int postmaster = cluster.PostmasterPid();
	Conn victim = Connect(cluster);
	Conn bystander = Connect(cluster);
	REQUIRE(PQstatus(victim.get()) == CONNECTION_OK);
	REQUIRE(PQstatus(bystander.get()) == CONNECTION_OK);
	int pid = PQbackendPID(victim.get());
	REQUIRE(kill(pid, SIGKILL) == 0);

	REQUIRE(cluster.WaitForLog("all server processes terminated; reinitializing", 15000));
	std::string log = cluster.Log();
	INFO(log);
	REQUIRE(log.find("server process (PID " + std::to_string(pid) +
					 ") was terminated by signal 9: Killed") != std::string::npos);
	REQUIRE(log.find("terminating any other active server processes") != std::string::npos);

	/* The bystander was told why it lost its connection: a WARNING, which
	 * libpq hands to the notice processor, as with PostgreSQL. */
	std::string notices;
	PQsetNoticeProcessor(
		bystander.get(),
		[](void *arg, const char *message) { *static_cast<std::string *>(arg) += message; },
		&notices);
	PGresult *res = PQexec(bystander.get(), "select 1");
	PQclear(res);
	INFO(notices);
	REQUIRE(notices.find("WARNING:  terminating connection because of crash of another server "
						 "process") != std::string::npos);

	REQUIRE(WaitUntil(
		[&] {
			Conn again = Connect(cluster);
			return PQstatus(again.get()) == CONNECTION_OK;
		},
		15000));
	REQUIRE(cluster.PostmasterPid() == postmaster);
	REQUIRE(kill(postmaster, 0) == 0);
}

TEST_CASE("A backend killed with SIGTERM tells its client and the server carries on",
		  "[postmaster]")
{
	Cluster cluster;
	StartWith(cluster, {});
	Conn conn = Connect(cluster);
	REQUIRE(PQstatus(conn.get()) == CONNECTION_OK);
	REQUIRE(kill(PQbackendPID(conn.get()), SIGTERM) == 0);
	REQUIRE(cluster.WaitForLog("terminating connection due to administrator command", 10000));
	Conn other = Connect(cluster);
	REQUIRE(PQstatus(other.get()) == CONNECTION_OK);
	/* Exit status 1 after FATAL is normal: no crash restart. */
	REQUIRE(cluster.Log().find("reinitializing") == std::string::npos);
}

TEST_CASE("Reload applies a changed sighup setting and refuses a postmaster setting",
		  "[postmaster]")
{
	Cluster cluster;
	StartWith(cluster, {});
	cluster.AppendConf("log_line_prefix = 'reloaded[%p] '");
	cluster.AppendConf("max_connections = 42");
	auto r = cluster.PgCtl({"reload"});
	REQUIRE(r.exit_code == 0);
	REQUIRE(r.out.find("server signaled") != std::string::npos);
	REQUIRE(cluster.WaitForLog("received SIGHUP, reloading configuration files", 10000));
	REQUIRE(cluster.WaitForLog(
		"parameter \"max_connections\" cannot be changed without restarting the server", 10000));
	REQUIRE(
		cluster.WaitForLog("parameter \"log_line_prefix\" changed to \"reloaded[%p] \"", 10000));
	/* Later lines carry the new prefix, in the postmaster and in a backend. */
	auto psql = cluster.Psql({"-c", "select 1"});
	REQUIRE(cluster.WaitForLog("reloaded[", 10000));
	REQUIRE(cluster.Log().find("reloaded[") != std::string::npos);
}

TEST_CASE("A second postmaster on the same data directory is refused", "[postmaster]")
{
	Cluster cluster;
	StartWith(cluster, {});
	int port2 = FreePort();
	RunOptions quick;
	quick.timeout_sec = 20;
	auto r = Run({TuskBin("postgres"), "-D", cluster.DataDir(), "-p", std::to_string(port2), "-k",
				  cluster.SocketDir()},
				 quick);
	INFO(r.output());
	REQUIRE(r.exit_code == 1);
	REQUIRE(r.err.find("lock file \"postmaster.pid\" already exists") != std::string::npos);
	REQUIRE(r.err.find("Is another postmaster (PID " + std::to_string(cluster.PostmasterPid()) +
					   ") running in data directory") != std::string::npos);
	/* The first server is unharmed. */
	Conn conn = Connect(cluster);
	REQUIRE(PQstatus(conn.get()) == CONNECTION_OK);
}

TEST_CASE("A stale postmaster.pid left by a dead server is taken over", "[postmaster]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	/* A pid that certainly is not running: a child we have reaped. */
	pid_t dead = fork();
	if (dead == 0)
		_exit(0);
	waitpid(dead, nullptr, 0);
	{
		std::ofstream pidfile(cluster.DataDir() + "/postmaster.pid");
		pidfile << dead << "\n"
				<< cluster.DataDir() << "\n1700000000\n"
				<< cluster.Port() << "\n"
				<< cluster.SocketDir() << "\n127.0.0.1\n  0  0\nready   \n";
	}
	if (getuid() == 0)
	{
		RunOptions root;
		root.as_root = true;
		REQUIRE(Run({"chown", TestUser() + ":", cluster.DataDir() + "/postmaster.pid"}, root)
					.exit_code == 0);
	}
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	REQUIRE(cluster.PostmasterPid() != dead);
}
