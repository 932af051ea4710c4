/*
 * foreign_key_sessions_test.cpp — foreign keys across sessions: the row
 * a new referencing row points to is locked FOR KEY SHARE, so deleting it
 * waits for the inserter's transaction, and inserting a row pointing to a
 * row being deleted waits for the deleter's.  Also what the SQL
 * regression (compared with PostgreSQL) cannot hold: DEFERRABLE
 * foreign keys, which Tusk refuses.
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

/* One statement's status and SQLSTATE. */
struct Outcome
{
	ExecStatusType status;
	std::string sqlstate;
};

Outcome Result(PGresult *res)
{
	Outcome o{PQresultStatus(res), ""};
	if (const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE))
		o.sqlstate = state;
	PQclear(res);
	return o;
}

Outcome Exec(PGconn *c, const std::string &sql)
{
	return Result(PQexec(c, sql.c_str()));
}

/* Send sql on c and check that it is still waiting half a second later. */
void SendAndSeeItWait(PGconn *c, const std::string &sql)
{
	REQUIRE(PQsendQuery(c, sql.c_str()) == 1);
	std::this_thread::sleep_for(std::chrono::milliseconds(500));
	REQUIRE(PQconsumeInput(c) == 1);
	REQUIRE(PQisBusy(c) == 1);
}

/* The outcome of the query sent on c, once it ends. */
Outcome Finish(PGconn *c)
{
	Outcome o = Result(PQgetResult(c));
	while (PGresult *res = PQgetResult(c))
		PQclear(res);
	return o;
}

void Setup(Cluster &cluster)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

void MakeTables(PGconn *c)
{
	REQUIRE(Exec(c, "create table p (id int primary key)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(c, "create table c (pid int references p)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(c, "insert into p values (1), (2)").status == PGRES_COMMAND_OK);
}

}  // namespace

TEST_CASE("Deleting a parent waits for the inserter of its child, then fails if it committed",
		  "[sql][fkeys]")
{
	Cluster cluster;
	Setup(cluster);
	Conn child = Connect(cluster);
	Conn parent = Connect(cluster);
	MakeTables(child.get());
	REQUIRE(Exec(child.get(), "begin").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(child.get(), "insert into c values (1)").status == PGRES_COMMAND_OK);
	SendAndSeeItWait(parent.get(), "delete from p where id = 1");
	REQUIRE(Exec(child.get(), "commit").status == PGRES_COMMAND_OK);
	Outcome o = Finish(parent.get());
	REQUIRE(o.status == PGRES_FATAL_ERROR);
	REQUIRE(o.sqlstate == "23503");
	/* An unreferenced parent row goes at once. */
	REQUIRE(Exec(parent.get(), "delete from p where id = 2").status == PGRES_COMMAND_OK);
}

TEST_CASE("Deleting a parent waits for the inserter of its child, then succeeds if it rolled back",
		  "[sql][fkeys]")
{
	Cluster cluster;
	Setup(cluster);
	Conn child = Connect(cluster);
	Conn parent = Connect(cluster);
	MakeTables(child.get());
	REQUIRE(Exec(child.get(), "begin").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(child.get(), "insert into c values (1)").status == PGRES_COMMAND_OK);
	SendAndSeeItWait(parent.get(), "delete from p where id = 1");
	REQUIRE(Exec(child.get(), "rollback").status == PGRES_COMMAND_OK);
	REQUIRE(Finish(parent.get()).status == PGRES_COMMAND_OK);
	REQUIRE(Exec(child.get(), "insert into c values (1)").sqlstate == "23503");
}

TEST_CASE("Inserting a child waits for the deleter of its parent, then fails if it committed",
		  "[sql][fkeys]")
{
	Cluster cluster;
	Setup(cluster);
	Conn child = Connect(cluster);
	Conn parent = Connect(cluster);
	MakeTables(child.get());
	REQUIRE(Exec(parent.get(), "begin").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(parent.get(), "delete from p where id = 1").status == PGRES_COMMAND_OK);
	SendAndSeeItWait(child.get(), "insert into c values (1)");
	REQUIRE(Exec(parent.get(), "commit").status == PGRES_COMMAND_OK);
	Outcome o = Finish(child.get());
	REQUIRE(o.status == PGRES_FATAL_ERROR);
	REQUIRE(o.sqlstate == "23503");
	/* Had it rolled back, the insert would have gone in. */
	REQUIRE(Exec(parent.get(), "begin").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(parent.get(), "delete from p where id = 2").status == PGRES_COMMAND_OK);
	SendAndSeeItWait(child.get(), "insert into c values (2)");
	REQUIRE(Exec(parent.get(), "rollback").status == PGRES_COMMAND_OK);
	REQUIRE(Finish(child.get()).status == PGRES_COMMAND_OK);
}

TEST_CASE("DEFERRABLE foreign keys are refused with 0A000", "[sql][fkeys]")
{
	Cluster cluster;
	Setup(cluster);
	Conn c = Connect(cluster);
	REQUIRE(Exec(c.get(), "create table p (id int primary key)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(c.get(), "create table c (pid int, foreign key (pid) references p deferrable)")
				.sqlstate == "0A000");
	REQUIRE(Exec(c.get(), "create table c (pid int)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(c.get(),
				 "alter table c add foreign key (pid) references p deferrable initially "
				 "deferred")
				.sqlstate == "0A000");
	REQUIRE(Exec(c.get(), "alter table c add foreign key (pid) references p").status ==
			PGRES_COMMAND_OK);
}
