/*
 * catalog_test.cpp — the catalogs' own indexes in a running server: a
 * second session creating a table of the same name waits for the first
 * and then fails through pg_class's (or pg_type's) unique index, as in
 * PostgreSQL; many tables (index page splits) are all found by name after
 * an immediate stop and WAL replay, which reads them through the indexes
 * (a missing entry would make a table unknown).  CREATE DATABASE copies a
 * template into a separate database, refuses while the template (or, for
 * DROP, the database) has other sessions, and survives an immediate stop.
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

Conn Connect(const Cluster &cluster, const std::string &dbname = "postgres")
{
	std::string conninfo = cluster.ConnString() + " dbname=" + dbname;
	Conn c(PQconnectdb(conninfo.c_str()));
	INFO(PQerrorMessage(c.get()));
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

}  // namespace

TEST_CASE("Creating a table whose name another session is creating fails through the catalog "
		  "index",
		  "[sql][catalog]")
{
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	REQUIRE(Exec(a.get(), "begin").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "create table twin (a int)").status == PGRES_COMMAND_OK);
	/* b cannot see a's table yet: its DDL checks pass, and its catalog
	 * insert waits on the unique index for a's transaction. */
	REQUIRE(PQsendQuery(b.get(), "create table twin (b text)") == 1);
	std::this_thread::sleep_for(std::chrono::milliseconds(500));
	REQUIRE(PQconsumeInput(b.get()) == 1);
	REQUIRE(PQisBusy(b.get()) == 1);
	REQUIRE(Exec(a.get(), "commit").status == PGRES_COMMAND_OK);
	Outcome o = Collect(PQgetResult(b.get()));
	while (PGresult *res = PQgetResult(b.get()))
		PQclear(res);
	INFO(o.message);
	REQUIRE(o.sqlstate == "23505");
	REQUIRE(o.message.rfind("duplicate key value violates unique constraint \"pg_", 0) == 0);
	REQUIRE(o.message.find("_index\"") != std::string::npos);
	/* Once committed, the DDL code sees it first: 42P07. */
	o = Exec(b.get(), "create table twin (b text)");
	REQUIRE(o.sqlstate == "42P07");
	REQUIRE(Exec(b.get(), "select count(*) from pg_class where relname = 'twin'").value == "1");
	/* A rolled-back creation leaves the name free. */
	REQUIRE(Exec(a.get(), "begin").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "create table other (a int)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "rollback").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(b.get(), "create table other (b text)").status == PGRES_COMMAND_OK);
}

TEST_CASE("Tables are found through the catalog indexes after an immediate stop", "[sql][catalog]")
{
	Cluster cluster;
	Start(cluster);
	constexpr int kTables = 300;
	{
		Conn c = Connect(cluster);
		std::string sql = "begin;";
		for (int i = 1; i <= kTables; i++)
			sql += "create table many_" + std::to_string(i) + " (id int primary key, v text " +
				"default 'v" + std::to_string(i) + "');";
		sql += "commit;";
		REQUIRE(Exec(c.get(), sql).status == PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "insert into many_150 (id) values (1)").status == PGRES_COMMAND_OK);
		/* A catalog row updated (many_7's pg_class row gets relhasindex):
		 * its new version is indexed too. */
		REQUIRE(Exec(c.get(), "create unique index many_7_v on many_7 (v)").status ==
				PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "drop table many_8").status == PGRES_COMMAND_OK);
		/* Uncommitted at the crash: gone after it. */
		REQUIRE(Exec(c.get(), "begin").status == PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "create table lost (a int)").status == PGRES_COMMAND_OK);
		auto r = cluster.PgCtl({"stop", "-m", "immediate"});
		INFO(r.output());
		REQUIRE(r.exit_code == 0);
	}
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	Conn c = Connect(cluster);
	for (int i = 1; i <= kTables; i++)
	{
		if (i == 8)
			continue;
		CAPTURE(i);
		Outcome o = Exec(c.get(), "select count(*) from many_" + std::to_string(i));
		INFO(o.message);
		REQUIRE(o.value == (i == 150 ? "1" : "0"));
	}
	REQUIRE(Exec(c.get(), "select v from many_150 where id = 1").value == "v150");
	REQUIRE(Exec(c.get(), "insert into many_7 values (1)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(c.get(), "select v from many_7").value == "v7");
	REQUIRE(Exec(c.get(), "insert into many_7 values (2)").sqlstate == "23505");
	REQUIRE(Exec(c.get(), "select count(*) from many_8").sqlstate == "42P01");
	REQUIRE(Exec(c.get(), "select count(*) from lost").sqlstate == "42P01");
	/* The unique index still has the committed names, and not the lost one. */
	REQUIRE(Exec(c.get(), "create table many_9 (a int)").sqlstate == "42P07");
	REQUIRE(Exec(c.get(), "create table lost (a int)").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(c.get(), "insert into many_150 (id) values (1)").sqlstate == "23505");
}

TEST_CASE("A created database is a copy of its template, separate from the others",
		  "[sql][database]")
{
	Cluster cluster;
	Start(cluster);
	Conn c = Connect(cluster);
	REQUIRE(Exec(c.get(), "create database db_one").status == PGRES_COMMAND_OK);
	{
		Conn one = Connect(cluster, "db_one");
		REQUIRE(Exec(one.get(), "select current_database()").value == "db_one");
		REQUIRE(Exec(one.get(), "create table only_here (a int primary key)").status ==
				PGRES_COMMAND_OK);
		REQUIRE(Exec(one.get(), "insert into only_here values (7)").status == PGRES_COMMAND_OK);
		/* The template's catalogs: the built-in types and functions. */
		REQUIRE(Exec(one.get(), "select lower('ABC')").value == "abc");
	}
	REQUIRE(Exec(c.get(), "select count(*) from only_here").sqlstate == "42P01");
	/* The same name in another database is another table. */
	REQUIRE(Exec(c.get(), "create table only_here (b text)").status == PGRES_COMMAND_OK);
	REQUIRE(
		Exec(c.get(), "select count(*) from pg_database where datname in ('db_one', 'postgres')")
			.value == "2");
	{
		Conn one = Connect(cluster, "db_one");
		REQUIRE(Exec(one.get(), "select a from only_here").value == "7");
	}
	/* Connecting to one that does not allow it, or to one dropped. */
	REQUIRE(Exec(c.get(), "create database db_closed allow_connections false").status ==
			PGRES_COMMAND_OK);
	auto r = cluster.Psql({"-d", "db_closed", "-c", "select 1"});
	REQUIRE(r.exit_code != 0);
	REQUIRE(r.err.find("FATAL:  database \"db_closed\" is not currently accepting connections") !=
			std::string::npos);
	REQUIRE(Exec(c.get(), "drop database db_one").status == PGRES_COMMAND_OK);
	r = cluster.Psql({"-d", "db_one", "-c", "select 1"});
	REQUIRE(r.exit_code != 0);
	REQUIRE(r.err.find("FATAL:  database \"db_one\" does not exist") != std::string::npos);
	Conn again = Connect(cluster);
	REQUIRE(Exec(again.get(), "select count(*) from pg_database where datname = 'db_one'").value ==
			"0");
}

TEST_CASE("CREATE and DROP DATABASE refuse while other sessions use the database",
		  "[sql][database]")
{
	Cluster cluster;
	Start(cluster);
	Conn c = Connect(cluster);
	{
		Conn on_template = Connect(cluster, "template1");
		Outcome o = Exec(c.get(), "create database db_busy");
		REQUIRE(o.sqlstate == "55006");
		REQUIRE(o.message == "source database \"template1\" is being accessed by other users");
		REQUIRE(o.detail == "There is 1 other session using the database.");
	}
	/* Once the other session is gone (within PostgreSQL's five seconds). */
	REQUIRE(Exec(c.get(), "create database db_busy").status == PGRES_COMMAND_OK);
	Conn user1 = Connect(cluster, "db_busy");
	Conn user2 = Connect(cluster, "db_busy");
	Outcome o = Exec(c.get(), "drop database db_busy");
	REQUIRE(o.sqlstate == "55006");
	REQUIRE(o.message == "database \"db_busy\" is being accessed by other users");
	REQUIRE(o.detail == "There are 2 other sessions using the database.");
	REQUIRE(Exec(user1.get(), "select 1").value == "1");
	/* FORCE ends them (SIGTERM) and drops it. */
	REQUIRE(Exec(c.get(), "drop database db_busy with (force)").status == PGRES_COMMAND_OK);
	o = Exec(user1.get(), "select 1");
	REQUIRE(o.status == PGRES_FATAL_ERROR);
	REQUIRE(Exec(c.get(), "select count(*) from pg_database where datname = 'db_busy'").value ==
			"0");
}

TEST_CASE("A created database survives an immediate stop; a dropped one stays dropped",
		  "[sql][database]")
{
	Cluster cluster;
	Start(cluster);
	{
		Conn c = Connect(cluster);
		REQUIRE(Exec(c.get(), "create database db_kept").status == PGRES_COMMAND_OK);
		{
			Conn kept = Connect(cluster, "db_kept");
			REQUIRE(Exec(kept.get(), "create table t (a int primary key)").status ==
					PGRES_COMMAND_OK);
			REQUIRE(Exec(kept.get(), "insert into t values (1), (2)").status == PGRES_COMMAND_OK);
		}
		REQUIRE(Exec(c.get(), "create database db_gone").status == PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "drop database db_gone").status == PGRES_COMMAND_OK);
		/* A copy of the connected database (our own session does not
		 * count), whose template then changes: recovery must not give the
		 * copy the change. */
		REQUIRE(Exec(c.get(), "create table in_postgres (a int)").status == PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "create database db_late template postgres").status ==
				PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "insert into in_postgres values (1)").status == PGRES_COMMAND_OK);
		auto r = cluster.PgCtl({"stop", "-m", "immediate"});
		INFO(r.output());
		REQUIRE(r.exit_code == 0);
	}
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	Conn kept = Connect(cluster, "db_kept");
	REQUIRE(Exec(kept.get(), "select count(*) from t").value == "2");
	REQUIRE(Exec(kept.get(), "insert into t values (2)").sqlstate == "23505");
	Conn late = Connect(cluster, "db_late");
	REQUIRE(Exec(late.get(), "select count(*) from in_postgres").value == "0");
	Conn c = Connect(cluster);
	REQUIRE(Exec(c.get(), "select count(*) from in_postgres").value == "1");
	REQUIRE(Exec(c.get(), "select count(*) from pg_database where datname like 'db_%'").value ==
			"2");
	auto p = cluster.Psql({"-d", "db_gone", "-c", "select 1"});
	REQUIRE(p.err.find("FATAL:  database \"db_gone\" does not exist") != std::string::npos);
	/* Its name is free again, through pg_database's unique index. */
	REQUIRE(Exec(c.get(), "create database db_gone").status == PGRES_COMMAND_OK);
}
