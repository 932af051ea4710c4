/*
 * sysviews_test.cpp — the system views that need more than one session or
 * the extended protocol, which SQL tests cannot drive: pg_prepared_statements
 * listing statements prepared by the protocol's Parse (from_sql false) beside
 * SQL's PREPARE, pg_locks showing another session's awaited lock as not
 * granted, and UPDATE pg_settings refused with 0A000 (Tusk has no rules).
 */
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include <libpq-fe.h>

#include "harness.h"

using namespace tusk::test;

namespace {

struct PgConnDeleter
{
	void operator()(PGconn *c) const { PQfinish(c); }
};
using Conn = std::unique_ptr<PGconn, PgConnDeleter>;

struct PgResultDeleter
{
	void operator()(PGresult *r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, PgResultDeleter>;

constexpr Oid kInt4Oid = 23;

/* The one value of a one-row, one-column query. */
std::string Value(PGconn *c, const char *sql)
{
	Result r(PQexec(c, sql));
	INFO(sql << ": " << PQerrorMessage(c));
	REQUIRE(PQresultStatus(r.get()) == PGRES_TUPLES_OK);
	REQUIRE(PQntuples(r.get()) == 1);
	return PQgetisnull(r.get(), 0, 0) ? "(null)" : PQgetvalue(r.get(), 0, 0);
}

}  // namespace

TEST_CASE("pg_prepared_statements lists the protocol's named statements, not the unnamed one",
		  "[sysviews]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Conn c(PQconnectdb(cluster.ConnString().c_str()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	Oid types[1] = {kInt4Oid};
	Result p(PQprepare(c.get(), "proto_stmt", "select $1 + 1", 1, types));
	REQUIRE(PQresultStatus(p.get()) == PGRES_COMMAND_OK);
	Result u(PQprepare(c.get(), "", "select 2", 0, nullptr));
	REQUIRE(PQresultStatus(u.get()) == PGRES_COMMAND_OK);
	Result sql(PQexec(c.get(), "prepare sql_stmt as select 3"));
	REQUIRE(PQresultStatus(sql.get()) == PGRES_COMMAND_OK);
	const char *values[1] = {"41"};
	for (int i = 0; i < 2; i++)
	{
		Result e(PQexecPrepared(c.get(), "proto_stmt", 1, values, nullptr, nullptr, 0));
		REQUIRE(PQresultStatus(e.get()) == PGRES_TUPLES_OK);
	}
	CHECK(
		Value(c.get(),
			  "select string_agg(name || ':' || from_sql || ':' || parameter_types::text"
			  " || ':' || statement, ', ' order by name) from pg_prepared_statements") ==
		"proto_stmt:false:{integer}:select $1 + 1, sql_stmt:true:{}:prepare sql_stmt as select 3");
	CHECK(Value(c.get(),
				"select generic_plans + custom_plans from pg_prepared_statements"
				" where name = 'proto_stmt'") == "2");
}

TEST_CASE("pg_locks shows another session's awaited lock as not granted", "[sysviews]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	Session watcher(cluster);
	REQUIRE(a.Exec("create table locked (x int)").ok());
	REQUIRE(a.Exec("begin").ok());
	REQUIRE(a.Exec("lock table locked in access exclusive mode").ok());
	REQUIRE(b.Exec("begin").ok());
	b.Send("lock table locked in share mode");
	REQUIRE(b.Waits());
	std::string query = "select string_agg(mode || ':' || granted || ':' || (pid = " +
		std::to_string(a.BackendPid()) +
		")::text, ', ' order by granted desc)"
		" from pg_locks where relation = 'locked'::regclass";
	CHECK(watcher.Exec(query).value == "AccessExclusiveLock:true:true, ShareLock:false:false");
	REQUIRE(a.Exec("commit").ok());
	REQUIRE(b.Finish().ok());
	CHECK(watcher.Exec(query).value == "ShareLock:true:false");
	REQUIRE(b.Exec("commit").ok());
	CHECK(watcher.Exec(query).value.empty());
}

TEST_CASE("UPDATE pg_settings is not supported: Tusk has no rules", "[sysviews]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session s(cluster);
	SqlOutcome o = s.Exec("update pg_settings set setting = 'off' where name = 'enable_seqscan'");
	CHECK(o.sqlstate == "0A000");
	CHECK(o.message == "UPDATE of pg_settings is not supported by Tusk");
	/* set_config, which PostgreSQL's rule calls, does the same job. */
	CHECK(s.Exec("select set_config('enable_seqscan', 'off', false)").value == "off");
	CHECK(s.Exec("select setting from pg_settings where name = 'enable_seqscan'").value == "off");
}

TEST_CASE("pg_cursors lists the extended protocol's portals, not the simple Query message's",
		  "[sysviews]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Conn c(PQconnectdb(cluster.ConnString().c_str()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	/* The simple protocol's unnamed portal is hidden, as in PostgreSQL. */
	CHECK(Value(c.get(), "select count(*) from pg_cursors") == "0");
	/* Bind's portal (libpq's unnamed one) is listed while it runs. */
	const char *sql = "select name || '|' || statement || '|' || is_holdable || is_binary"
					  " || is_scrollable from pg_cursors where $1";
	const char *values[1] = {"true"};
	Result r(PQexecParams(c.get(), sql, 1, nullptr, values, nullptr, nullptr, 0));
	INFO(PQerrorMessage(c.get()));
	REQUIRE(PQresultStatus(r.get()) == PGRES_TUPLES_OK);
	REQUIRE(PQntuples(r.get()) == 1);
	CHECK(std::string(PQgetvalue(r.get(), 0, 0)) == std::string("|") + sql + "|falsefalsefalse");
}
