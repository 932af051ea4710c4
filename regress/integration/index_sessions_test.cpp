/*
 * index_sessions_test.cpp — unique indexes across real sessions: a second
 * inserter of a key waits for the first's transaction and then fails
 * with 23505 (first committed) or succeeds (first rolled back); indexes
 * and their entries survive an immediate stop (WAL replay), and queries
 * answered through them after the restart see every committed row.
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

struct Outcome
{
	ExecStatusType status;
	std::string value;
	std::string sqlstate;
	std::string message;
	std::string detail;
};

Outcome Collect(PGresult *res)
{
	Outcome o{PQresultStatus(res), "", "", "", ""};
	if (o.status == PGRES_TUPLES_OK && PQntuples(res) > 0)
		o.value = PQgetvalue(res, 0, 0);
	if (const char *s = PQresultErrorField(res, PG_DIAG_SQLSTATE))
		o.sqlstate = s;
	if (const char *s = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY))
		o.message = s;
	if (const char *s = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL))
		o.detail = s;
	PQclear(res);
	return o;
}

Outcome Exec(PGconn *c, const std::string &sql)
{
	return Collect(PQexec(c, sql.c_str()));
}

void Start(Cluster &cluster)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

/* Send sql on c and check, half a second later, that it is still waiting. */
void SendAndSeeItWait(PGconn *c, const std::string &sql)
{
	REQUIRE(PQsendQuery(c, sql.c_str()) == 1);
	std::this_thread::sleep_for(std::chrono::milliseconds(500));
	REQUIRE(PQconsumeInput(c) == 1);
	REQUIRE(PQisBusy(c) == 1);
}

/* The waiting statement's outcome (and the end of its results). */
Outcome Finish(PGconn *c)
{
	Outcome o = Collect(PQgetResult(c));
	while (PGresult *res = PQgetResult(c))
		PQclear(res);
	return o;
}

}  // namespace

TEST_CASE("A second inserter of a key waits for the first, then fails if it committed",
		  "[sql][index]")
{
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	REQUIRE(Exec(a.get(), "create table u (id int primary key, v text)").status ==
			PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "begin").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "insert into u values (1, 'a')").status == PGRES_COMMAND_OK);
	SendAndSeeItWait(b.get(), "insert into u values (1, 'b')");
	REQUIRE(Exec(a.get(), "commit").status == PGRES_COMMAND_OK);
	Outcome o = Finish(b.get());
	REQUIRE(o.sqlstate == "23505");
	REQUIRE(o.message == "duplicate key value violates unique constraint \"u_pkey\"");
	REQUIRE(o.detail == "Key (id)=(1) already exists.");
	REQUIRE(Exec(b.get(), "select v from u where id = 1").value == "a");
}

TEST_CASE("A second inserter of a key waits for the first, then succeeds if it rolled back",
		  "[sql][index]")
{
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	REQUIRE(Exec(a.get(), "create table u (id int, v text)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "create unique index u_id on u (id)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "begin").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "insert into u values (1, 'a')").status == PGRES_COMMAND_OK);
	SendAndSeeItWait(b.get(), "insert into u values (1, 'b')");
	REQUIRE(Exec(a.get(), "rollback").status == PGRES_COMMAND_OK);
	Outcome o = Finish(b.get());
	INFO(o.message);
	REQUIRE(o.status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "select v from u where id = 1").value == "b");
	REQUIRE(Exec(a.get(), "select count(*) from u").value == "1");
	/* A key updated away by a transaction that is still running is waited
	 * for too: its commit frees the key. */
	REQUIRE(Exec(a.get(), "begin").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "update u set id = 2 where id = 1").status == PGRES_COMMAND_OK);
	SendAndSeeItWait(b.get(), "insert into u values (1, 'c')");
	REQUIRE(Exec(a.get(), "commit").status == PGRES_COMMAND_OK);
	o = Finish(b.get());
	INFO(o.message);
	REQUIRE(o.status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "select count(*) from u where id in (1, 2)").value == "2");
}

TEST_CASE("Indexes and their entries survive an immediate stop", "[sql][index]")
{
	Cluster cluster;
	Start(cluster);
	{
		Conn c = Connect(cluster);
		REQUIRE(Exec(c.get(), "create table d (id int primary key, a int)").status ==
				PGRES_COMMAND_OK);
		/* Enough rows for the index to split pages, several times. */
		std::string values;
		for (int i = 1; i <= 3000; i++)
		{
			if (i > 1)
				values += ',';
			values += '(';
			values += std::to_string(i);
			values += ',';
			values += std::to_string(i % 10);
			values += ')';
		}
		REQUIRE(Exec(c.get(), "insert into d values " + values).status == PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "create index d_a on d (a)").status == PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "update d set a = 42 where id <= 5").status == PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "begin").status == PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "insert into d values (5000, 42)").status == PGRES_COMMAND_OK);
		auto r = cluster.PgCtl({"stop", "-m", "immediate"});
		INFO(r.output());
		REQUIRE(r.exit_code == 0);
	}
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	Conn c = Connect(cluster);
	REQUIRE(Exec(c.get(), "select a from d where id = 2999").value == "9");
	REQUIRE(Exec(c.get(), "select count(*) from d where id > 1000").value == "2000");
	REQUIRE(Exec(c.get(), "select count(*) from d where a = 42").value == "5");
	REQUIRE(Exec(c.get(), "select count(*) from d where id = 5000").value == "0");
	/* The unique index still refuses a committed key, and takes the
	 * uncommitted one's. */
	REQUIRE(Exec(c.get(), "insert into d values (3000, 0)").sqlstate == "23505");
	REQUIRE(Exec(c.get(), "insert into d values (5000, 0)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(c.get(), "select count(*) from d where a = 0").value == "301");
}
