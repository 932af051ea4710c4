/*
 * pg_ctl_test.cpp — pg_ctl's operations, outputs and exit codes, and the
 * postmaster.pid status line it waits on.
 */
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include <libpq-fe.h>

#include "harness.h"

using namespace tusk::test;

namespace {

bool Accepts(const Cluster &cluster)
{
	PGconn *c = PQconnectdb(cluster.ConnString().c_str());
	bool ok = PQstatus(c) == CONNECTION_OK;
	PQfinish(c);
	return ok;
}

}  // namespace

TEST_CASE("pg_ctl start, status, reload and stop", "[pg_ctl]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);

	auto r = cluster.PgCtl({"status"});
	REQUIRE(r.exit_code == 3);
	REQUIRE(r.out == "pg_ctl: no server running\n");

	r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	REQUIRE(r.out.find("waiting for server to start...") == 0);
	REQUIRE(r.out.find(" done\nserver started\n") != std::string::npos);
	REQUIRE(Accepts(cluster));

	/* postmaster.pid has PostgreSQL's eight lines and says ready. */
	std::ifstream pidfile(cluster.DataDir() + "/postmaster.pid");
	std::string lines[8];
	for (auto &l : lines)
		REQUIRE(std::getline(pidfile, l));
	REQUIRE(std::stoi(lines[0]) == cluster.PostmasterPid());
	REQUIRE(lines[1] == cluster.DataDir());
	REQUIRE(std::stoi(lines[3]) == cluster.Port());
	REQUIRE(lines[4] == cluster.SocketDir());
	REQUIRE(lines[5] == "127.0.0.1");
	REQUIRE(lines[7] == "ready   ");

	r = cluster.PgCtl({"status"});
	REQUIRE(r.exit_code == 0);
	REQUIRE(
		r.out.find("pg_ctl: server is running (PID: " + std::to_string(cluster.PostmasterPid()) +
				   ")\n" + TuskBin("postgres") + " \"-D\" \"" + cluster.DataDir() + "\"") == 0);

	r = cluster.PgCtl({"reload"});
	REQUIRE(r.exit_code == 0);
	REQUIRE(r.out == "server signaled\n");
	REQUIRE(cluster.WaitForLog("received SIGHUP, reloading configuration files", 10000));

	r = cluster.Stop("fast");
	REQUIRE(r.exit_code == 0);
	REQUIRE(r.out.find("waiting for server to shut down...") == 0);
	REQUIRE(r.out.find(" done\nserver stopped\n") != std::string::npos);
	REQUIRE(cluster.PostmasterPid() == 0);
	REQUIRE(cluster.Log().find("database system is shut down") != std::string::npos);
	REQUIRE(cluster.PgCtl({"status"}).exit_code == 3);
}

TEST_CASE("pg_ctl stop in each mode", "[pg_ctl]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	for (const char *mode : {"smart", "fast", "immediate"})
	{
		CAPTURE(mode);
		REQUIRE(cluster.Start().exit_code == 0);
		auto r = cluster.Stop(mode);
		INFO(r.output() << cluster.Log());
		REQUIRE(r.exit_code == 0);
		REQUIRE(r.out.find("server stopped") != std::string::npos);
	}
	std::string log = cluster.Log();
	REQUIRE(log.find("received smart shutdown request") != std::string::npos);
	REQUIRE(log.find("received fast shutdown request") != std::string::npos);
	REQUIRE(log.find("received immediate shutdown request") != std::string::npos);
}

TEST_CASE("Smart shutdown waits for clients; fast shutdown terminates them", "[pg_ctl]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	PGconn *conn = PQconnectdb(cluster.ConnString().c_str());
	REQUIRE(PQstatus(conn) == CONNECTION_OK);

	auto r = cluster.PgCtl({"-m", "smart", "-t", "2", "stop"});
	REQUIRE(r.exit_code == 1);
	REQUIRE(r.err.find("pg_ctl: server does not shut down") != std::string::npos);
	REQUIRE(r.err.find("HINT: The \"-m fast\" option immediately disconnects sessions") !=
			std::string::npos);
	/* New connections are refused meanwhile; the old one still works. */
	REQUIRE(WaitUntil([&] { return !Accepts(cluster); }, 5000));
	REQUIRE(PQstatus(conn) == CONNECTION_OK);

	r = cluster.Stop("fast");
	REQUIRE(r.exit_code == 0);
	PGresult *res = PQexec(conn, "select 1");
	std::string err = PQerrorMessage(conn);
	PQclear(res);
	PQfinish(conn);
	INFO(err);
	REQUIRE(err.find("terminating connection due to administrator command") != std::string::npos);
}

TEST_CASE("pg_ctl restart keeps the server's options", "[pg_ctl]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	int before = cluster.PostmasterPid();
	auto r = cluster.PgCtl({"-l", cluster.LogFile(), "-w", "restart"});
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	REQUIRE(r.out.find("server stopped\n") != std::string::npos);
	REQUIRE(r.out.find("server started\n") != std::string::npos);
	REQUIRE(cluster.PostmasterPid() != before);
	REQUIRE(Accepts(cluster)); /* same port and socket directory as before */
}

TEST_CASE("pg_ctl reports failures as PostgreSQL's does", "[pg_ctl]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);

	auto r = cluster.PgCtl({"stop"});
	REQUIRE(r.exit_code == 1);
	REQUIRE(r.err ==
			"pg_ctl: PID file \"" + cluster.DataDir() +
				"/postmaster.pid\" does not exist\nIs server running?\n");

	r = cluster.PgCtl({"frobnicate"});
	REQUIRE(r.exit_code == 1);
	REQUIRE(r.err ==
			"pg_ctl: unrecognized operation mode \"frobnicate\"\n"
			"Try \"pg_ctl --help\" for more information.\n");

	r = cluster.PgCtl({"-m", "gentle", "stop"});
	REQUIRE(r.exit_code == 1);
	REQUIRE(r.err.find("pg_ctl: unrecognized shutdown mode \"gentle\"") == 0);

	RunOptions no_pgdata;
	no_pgdata.env = {{"PGDATA", ""}};
	r = Run({TuskBin("pg_ctl"), "status"}, no_pgdata);
	REQUIRE(r.exit_code == 1);
	REQUIRE(r.err ==
			"pg_ctl: no database directory specified and environment variable PGDATA "
			"unset\nTry \"pg_ctl --help\" for more information.\n");

	r = Run({TuskBin("pg_ctl"), "-D", cluster.SocketDir() + "/nowhere", "status"});
	REQUIRE(r.exit_code == 4);

	/* PGDATA stands in for -D. */
	RunOptions with_pgdata;
	with_pgdata.env = {{"PGDATA", cluster.DataDir()}};
	r = Run({TuskBin("pg_ctl"), "status"}, with_pgdata);
	REQUIRE(r.exit_code == 3);

	/* A server that cannot start: the failure and the log's last lines. */
	r = cluster.Start({"-o", "-c nonexistent_setting=1"});
	REQUIRE(r.exit_code == 1);
	REQUIRE(r.err.find("pg_ctl: could not start server\nExamine the log output.\n") !=
			std::string::npos);
	REQUIRE(r.err.find("unrecognized configuration parameter \"nonexistent_setting\"") !=
			std::string::npos);
	REQUIRE(cluster.PostmasterPid() == 0);
}

TEST_CASE("pg_ctl refuses to run as root", "[pg_ctl][root]")
{
	auto r = RunAsUserIdZero({TuskBin("pg_ctl"), "-D", "/nonexistent", "status"});
	REQUIRE(r.exit_code == 1);
	REQUIRE(r.err.find("pg_ctl: cannot be run as root") == 0);
}
