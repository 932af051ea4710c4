/*
 * sql_sessions_test.cpp — SQL across real sessions: what one session
 * commits, another sees at its next statement; DDL waits for the
 * transactions using a table; a failed transaction block and its
 * ReadyForQuery status.
 */
#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include <libpq-fe.h>

#include "harness.h"

using namespace tusk::test;

namespace {

struct PgConnDeleter
{
	void operator()(PGconn *c) const { PQfinish(c); }
};
using Conn = std::unique_ptr<PGconn, PgConnDeleter>;

Conn Connect(const Cluster &cluster)
{
	Conn c(PQconnectdb(cluster.ConnString().c_str()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	return c;
}

/* One statement's status, its first value (if any) and SQLSTATE. */
struct Outcome
{
	ExecStatusType status;
	std::string value;
	std::string sqlstate;
};

Outcome Exec(PGconn *c, const std::string &sql)
{
	PGresult *res = PQexec(c, sql.c_str());
	Outcome o{PQresultStatus(res), "", ""};
	if (o.status == PGRES_TUPLES_OK && PQntuples(res) > 0)
		o.value = PQgetvalue(res, 0, 0);
	if (const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE))
		o.sqlstate = state;
	PQclear(res);
	return o;
}

void Start(Cluster &cluster)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("A table created and filled in one session is seen by another at its next statement",
		  "[sql]")
{
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	/* b has its caches warm before a's DDL. */
	REQUIRE(Exec(b.get(), "select count(*) from pg_class").status == PGRES_TUPLES_OK);
	REQUIRE(Exec(b.get(), "select * from shared_t").sqlstate == "42P01");
	REQUIRE(Exec(a.get(), "create table shared_t (x int)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "insert into shared_t values (1), (2)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(b.get(), "select count(*) from shared_t").value == "2");
	/* An uncommitted change is not seen; the committed one is. */
	REQUIRE(Exec(a.get(), "begin").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "insert into shared_t values (3)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(b.get(), "select count(*) from shared_t").value == "2");
	REQUIRE(Exec(a.get(), "commit").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(b.get(), "select count(*) from shared_t").value == "3");
	/* A drop in one session: the other's next statement no longer finds it. */
	REQUIRE(Exec(a.get(), "drop table shared_t").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(b.get(), "select * from shared_t").sqlstate == "42P01");
	/* And the same name can be created again, with another shape. */
	REQUIRE(Exec(b.get(), "create table shared_t (y text)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "insert into shared_t values ('z')").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(b.get(), "select y from shared_t").value == "z");
}

TEST_CASE("DROP TABLE waits for a reader's transaction to end", "[sql]")
{
	Cluster cluster;
	Start(cluster);
	Conn reader = Connect(cluster);
	Conn dropper = Connect(cluster);
	REQUIRE(Exec(reader.get(), "create table waited (x int)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(reader.get(), "insert into waited values (1)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(reader.get(), "begin").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(reader.get(), "select x from waited").value == "1");
	/* The drop blocks on the reader's lock… */
	REQUIRE(PQsendQuery(dropper.get(), "drop table waited") == 1);
	std::this_thread::sleep_for(std::chrono::milliseconds(500));
	REQUIRE(PQconsumeInput(dropper.get()) == 1);
	REQUIRE(PQisBusy(dropper.get()) == 1);
	/* …the reader still reads the table… */
	REQUIRE(Exec(reader.get(), "select count(*) from waited").value == "1");
	/* …and once it commits, the drop completes. */
	REQUIRE(Exec(reader.get(), "commit").status == PGRES_COMMAND_OK);
	PGresult *res = PQgetResult(dropper.get());
	REQUIRE(PQresultStatus(res) == PGRES_COMMAND_OK);
	PQclear(res);
	while ((res = PQgetResult(dropper.get())) != nullptr)
		PQclear(res);
	REQUIRE(Exec(reader.get(), "select * from waited").sqlstate == "42P01");
}

TEST_CASE("A failed transaction block refuses commands with 25P02 until ROLLBACK", "[sql]")
{
	Cluster cluster;
	Start(cluster);
	Conn c = Connect(cluster);
	REQUIRE(PQtransactionStatus(c.get()) == PQTRANS_IDLE);
	REQUIRE(Exec(c.get(), "begin").status == PGRES_COMMAND_OK);
	REQUIRE(PQtransactionStatus(c.get()) == PQTRANS_INTRANS);
	REQUIRE(Exec(c.get(), "select 1/0").sqlstate == "22012");
	REQUIRE(PQtransactionStatus(c.get()) == PQTRANS_INERROR);
	REQUIRE(Exec(c.get(), "select 1").sqlstate == "25P02");
	REQUIRE(Exec(c.get(), "rollback").status == PGRES_COMMAND_OK);
	REQUIRE(PQtransactionStatus(c.get()) == PQTRANS_IDLE);
	REQUIRE(Exec(c.get(), "select 1").value == "1");
}

TEST_CASE("Committed rows survive a crash restart; uncommitted ones do not", "[sql]")
{
	Cluster cluster;
	Start(cluster);
	{
		Conn c = Connect(cluster);
		REQUIRE(Exec(c.get(), "create table durable (x int)").status == PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "insert into durable values (1), (2), (3)").status ==
				PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "begin").status == PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "insert into durable values (4)").status == PGRES_COMMAND_OK);
		/* Kill the server without a shutdown checkpoint. */
		auto r = cluster.PgCtl({"stop", "-m", "immediate"});
		INFO(r.output());
		REQUIRE(r.exit_code == 0);
	}
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	Conn c = Connect(cluster);
	REQUIRE(Exec(c.get(), "select count(*) from durable").value == "3");
	REQUIRE(Exec(c.get(), "select max(x) from durable").value == "3");
}

TEST_CASE("A sequence never hands out a value twice, across sessions and crash restarts", "[sql]")
{
	Cluster cluster;
	Start(cluster);
	long long highest = 0;
	{
		Conn a = Connect(cluster);
		Conn b = Connect(cluster);
		REQUIRE(Exec(a.get(), "create sequence ids").status == PGRES_COMMAND_OK);
		/* Interleaved sessions get distinct, increasing values; a
		 * rolled-back nextval still uses its value up. */
		REQUIRE(Exec(a.get(), "select nextval('ids')").value == "1");
		REQUIRE(Exec(b.get(), "begin").status == PGRES_COMMAND_OK);
		REQUIRE(Exec(b.get(), "select nextval('ids')").value == "2");
		REQUIRE(Exec(b.get(), "rollback").status == PGRES_COMMAND_OK);
		REQUIRE(Exec(a.get(), "select nextval('ids')").value == "3");
		REQUIRE(Exec(b.get(), "select currval('ids')").value == "2");
		for (int i = 0; i < 40; i++)
			highest = std::stoll(
				Exec(i % 2 == 0 ? a.get() : b.get(), "select nextval('ids')").value);
		REQUIRE(highest == 43);
		/* The crash comes without a shutdown checkpoint: recovery finds
		 * the sequence where its last WAL record left it, which is at or
		 * past every value handed out. */
		auto r = cluster.PgCtl({"stop", "-m", "immediate"});
		INFO(r.output());
		REQUIRE(r.exit_code == 0);
	}
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	Conn c = Connect(cluster);
	long long after = std::stoll(Exec(c.get(), "select nextval('ids')").value);
	CHECK(after > highest);
	CHECK(after <= highest + 33);
}
