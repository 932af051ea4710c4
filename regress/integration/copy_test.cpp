/*
 * copy_test.cpp — COPY and TRUNCATE through real clients: pgbench -i
 * loading its tables with COPY after a TRUNCATE, and a TRUNCATE that
 * must survive crash recovery.  (The COPY sub-protocol byte by byte,
 * extended protocol and CopyFail included, is in protocol_test.cpp; the
 * SQL behaviour in regress/sql/copy.sql and truncate.sql.)
 */
#include <catch2/catch.hpp>

#include <string>

#include "harness.h"

using namespace tusk::test;

namespace {

void StartServer(Cluster &cluster)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

/* "(first, 'text'), …, (last, 'text')" for INSERT … VALUES (text empty:
 * one column). */
std::string Rows(int first, int last, const std::string &text = "")
{
	std::string rows;
	for (int i = first; i <= last; i++)
	{
		if (!rows.empty())
			rows += ", ";
		rows += '(';
		rows += std::to_string(i);
		if (!text.empty())
		{
			rows += ", '";
			rows += text;
			rows += '\'';
		}
		rows += ')';
	}
	return rows;
}

/* One value from psql -At -c sql. */
std::string Value(Cluster &cluster, const std::string &sql)
{
	auto r = cluster.Psql({"-X", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql});
	INFO(sql << ": " << r.output());
	REQUIRE(r.exit_code == 0);
	return r.out;
}

}  // namespace

TEST_CASE("pgbench -i creates and loads its tables with TRUNCATE and COPY FREEZE", "[copy]")
{
	Cluster cluster;
	StartServer(cluster);
	/* Twice: the second run drops the tables the first one made. */
	for (int run = 0; run < 2; run++)
	{
		auto r = Run({PgBin("pgbench"), "-h", cluster.SocketDir(), "-p",
					  std::to_string(cluster.Port()), "-i", "-I", "dtgp", "-s", "1", "postgres"});
		INFO("run " << run << ": " << r.output() << cluster.Log());
		REQUIRE(r.exit_code == 0);
		REQUIRE(r.err.find("100000 of 100000 tuples (100%) done") != std::string::npos);
		REQUIRE(r.err.find("creating primary keys...") != std::string::npos);
	}
	REQUIRE(Value(cluster, "SELECT count(*) FROM pgbench_accounts") == "100000\n");
	REQUIRE(Value(cluster,
				  "SELECT sum(abalance), sum(aid), min(bid), max(bid) FROM "
				  "pgbench_accounts") == "0|5000050000|1|1\n");
	REQUIRE(Value(cluster, "SELECT count(*), sum(tid), sum(tbalance) FROM pgbench_tellers") ==
			"10|55|0\n");
	REQUIRE(Value(cluster, "SELECT bid, bbalance FROM pgbench_branches") == "1|0\n");
	REQUIRE(Value(cluster, "SELECT count(*) FROM pgbench_history") == "0\n");
	/* The primary key built over the copied rows finds them. */
	REQUIRE(Value(cluster, "SELECT aid, abalance FROM pgbench_accounts WHERE aid = 99999") ==
			"99999|0\n");
	auto dup = cluster.Psql({"-X", "-c", "INSERT INTO pgbench_accounts VALUES (5, 1, 0, '')"});
	REQUIRE(dup.output().find("duplicate key value violates unique constraint "
							  "\"pgbench_accounts_pkey\"") != std::string::npos);
}

TEST_CASE("A committed TRUNCATE, and a rolled-back one, survive crash recovery", "[copy][recovery]")
{
	Cluster cluster;
	StartServer(cluster);
	auto setup = cluster.Psql(
		{"-X", "-v", "ON_ERROR_STOP=1", "-c",
		 "CREATE TABLE tc (a int PRIMARY KEY, b text); CREATE TABLE tk (a int PRIMARY KEY); "
		 "INSERT INTO tc VALUES " +
			 Rows(1, 500, "old") + "; INSERT INTO tk VALUES " + Rows(1, 300),
		 "-c", "BEGIN; TRUNCATE tc; INSERT INTO tc VALUES " + Rows(400, 420, "new") + "; COMMIT",
		 "-c", "BEGIN; TRUNCATE tk; INSERT INTO tk VALUES (1000); ROLLBACK"});
	INFO(setup.output());
	REQUIRE(setup.exit_code == 0);
	/* No checkpoint: recovery replays the new files' creation and rows. */
	REQUIRE(cluster.Stop("immediate").exit_code == 0);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	REQUIRE(Value(cluster, "SELECT count(*), min(a), max(a), min(b), max(b) FROM tc") ==
			"21|400|420|new|new\n");
	REQUIRE(Value(cluster, "SELECT b FROM tc WHERE a = 410") == "new\n");
	REQUIRE(Value(cluster, "SELECT count(*) FROM tc WHERE a = 10") == "0\n");
	REQUIRE(Value(cluster, "SELECT count(*), max(a) FROM tk") == "300|300\n");
	REQUIRE(Value(cluster, "SELECT count(*) FROM tk WHERE a = 150") == "1\n");
	/* The new index has no entry for the old rows; the old one all of them. */
	REQUIRE(Value(cluster, "INSERT INTO tc VALUES (1, 'again')") == "INSERT 0 1\n");
	auto dup = cluster.Psql({"-X", "-c", "INSERT INTO tk VALUES (7)"});
	REQUIRE(dup.output().find("duplicate key value") != std::string::npos);
}
