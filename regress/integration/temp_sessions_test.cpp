/*
 * temp_sessions_test.cpp — temporary tables across sessions, and what the
 * SQL regression cannot show: another session's temporary tables are
 * listed in the catalogs but cannot be read or written (0A000), each
 * session has its own pg_temp_N, a session's temporary tables go when it
 * ends (also when it is terminated), and the leftovers of a crashed
 * session are dropped by the next session that takes its backend id and
 * makes a temporary table; VACUUM and ANALYZE pass another session's
 * temporary tables by.  Also SHOW ALL's shape and DISCARD ALL's
 * ParameterStatus messages.
 */
#include <catch2/catch.hpp>

#include <signal.h>
#include <strings.h>

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

Conn Connect(const Cluster &cluster)
{
	Conn c(PQconnectdb(cluster.ConnString().c_str()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	return c;
}

void Ok(Session &s, const std::string &sql)
{
	SqlOutcome o = s.Exec(sql);
	INFO(sql << ": " << o.message);
	REQUIRE(o.ok());
}

std::string Value(Session &s, const std::string &sql)
{
	SqlOutcome o = s.Exec(sql);
	INFO(sql << ": " << o.message);
	REQUIRE(o.ok());
	return o.value;
}

const char *kCountTmp = "select count(*) from pg_class where relname = 'tmps_t'";

}  // namespace

TEST_CASE("Another session's temporary tables are listed but cannot be used", "[temp]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	Ok(a, "create temp table tmps_t (a int primary key, b text)");
	Ok(a, "insert into tmps_t values (1, 'a')");
	std::string schema_a = Value(a, "select pg_my_temp_schema()::regnamespace::text");
	REQUIRE(schema_a.rfind("pg_temp_", 0) == 0);

	/* B sees the catalog rows, not the table through its path. */
	REQUIRE(Value(b, kCountTmp) == "1");
	REQUIRE(Value(b, "select pg_my_temp_schema()") == "0");
	REQUIRE(Value(b, "select pg_is_other_temp_schema('" + schema_a + "'::regnamespace)") == "t");
	REQUIRE(b.Exec("select * from tmps_t").sqlstate == "42P01");
	for (const char *sql : {"select * from %s.tmps_t", "insert into %s.tmps_t values (2, 'b')",
							"update %s.tmps_t set b = 'x'", "delete from %s.tmps_t"})
	{
		char buf[200];
		snprintf(buf, sizeof buf, sql, schema_a.c_str());
		SqlOutcome o = b.Exec(buf);
		INFO(buf);
		REQUIRE(o.sqlstate == "0A000");
		REQUIRE(o.message == "cannot access temporary tables of other sessions");
	}
	/* A database-wide VACUUM or ANALYZE passes them by, silently; so does
	 * one that names them (PostgreSQL's vacuum_rel and analyze_rel). */
	Ok(b, "vacuum");
	Ok(b, "analyze");
	Ok(b, "vacuum analyze " + schema_a + ".tmps_t");
	REQUIRE(Value(b, "select reltuples from pg_class where relname = 'tmps_t'") == "-1");

	SqlOutcome o = b.Exec("create table " + schema_a + ".tmps_x (a int)");
	REQUIRE(o.sqlstate == "42P16");
	REQUIRE(o.message == "cannot create relations in temporary schemas of other sessions");
	REQUIRE(b.Exec("create temp table " + schema_a + ".tmps_x (a int)").sqlstate == "42P16");

	/* B's own temporary table of the same name, in its own schema. */
	Ok(b, "create temp table tmps_t (z int)");
	Ok(b, "insert into tmps_t values (42)");
	std::string schema_b = Value(b, "select pg_my_temp_schema()::regnamespace::text");
	REQUIRE(schema_b != schema_a);
	REQUIRE(Value(b, "select z from tmps_t") == "42");
	REQUIRE(Value(a, "select b from tmps_t") == "a");
	REQUIRE(Value(a, kCountTmp) == "2");
}

TEST_CASE("A session's temporary objects go when it ends, also when terminated", "[temp]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session observer(cluster);
	{
		Session a(cluster);
		Ok(a, "create temp table tmps_t (id serial primary key)");
		Ok(a, "create temp view tmps_v as select * from tmps_t");
		Ok(a, "insert into tmps_t default values");
		/* An open transaction is rolled back first. */
		Ok(a, "begin");
		Ok(a, "insert into tmps_t default values");
		REQUIRE(Value(observer, kCountTmp) == "1");
	}
	REQUIRE(WaitUntil([&] { return Value(observer, kCountTmp) == "0"; }, 10000));
	REQUIRE(Value(observer,
				  "select count(*) from pg_class where relname in ('tmps_t_id_seq', 'tmps_t_pkey', "
				  "'tmps_v')") == "0");
	/* The schemas stay, empty, for the next session with that id. */
	REQUIRE(Value(observer,
				  "select count(*) from pg_namespace where nspname::text like 'pg\\_temp\\_%'") !=
			"0");

	Conn victim = Connect(cluster);
	PQclear(PQexec(victim.get(), "create temp table tmps_t (a int)"));
	REQUIRE(Value(observer, kCountTmp) == "1");
	REQUIRE(kill(PQbackendPID(victim.get()), SIGTERM) == 0);
	REQUIRE(WaitUntil([&] { return Value(observer, kCountTmp) == "0"; }, 10000));
	REQUIRE(cluster.Log().find("reinitializing") == std::string::npos);
}

TEST_CASE("A crashed session's temporary tables are dropped by the next user of its schema",
		  "[temp]")
{
	Cluster cluster;
	InitAndStart(cluster);
	std::string schema;
	{
		Conn victim = Connect(cluster);
		PGresult *res = PQexec(victim.get(),
							   "create temp table tmps_t (a int primary key); "
							   "insert into tmps_t values (1), (2)");
		REQUIRE(PQresultStatus(res) == PGRES_COMMAND_OK);
		PQclear(res);
		res = PQexec(victim.get(), "select pg_my_temp_schema()::regnamespace::text");
		REQUIRE(PQresultStatus(res) == PGRES_TUPLES_OK);
		schema = PQgetvalue(res, 0, 0);
		PQclear(res);
		REQUIRE(kill(PQbackendPID(victim.get()), SIGKILL) == 0);
		REQUIRE(cluster.WaitForLog("all server processes terminated; reinitializing", 15000));
	}
	/* Ready again: the log says so a second time.  (A probe connection
	 * would take backend id 1 itself, and might not have let go of it yet.) */
	REQUIRE(WaitUntil(
		[&] {
			std::string log = cluster.Log();
			const std::string ready = "database system is ready to accept connections";
			size_t first = log.find(ready);
			return first != std::string::npos &&
				log.find(ready, first + ready.size()) != std::string::npos;
		},
		15000));

	/* After the restart the first session gets backend id 1 again, as the
	 * victim had: its leftovers are still in the catalogs … */
	Session next(cluster);
	REQUIRE(Value(next, kCountTmp) == "1");
	REQUIRE(next.Exec("select * from " + schema + ".tmps_t").sqlstate == "0A000");
	/* … until it makes a temporary table of its own in that schema. */
	Ok(next, "create temp table tmps_other (a int)");
	REQUIRE(Value(next, "select pg_my_temp_schema()::regnamespace::text") == schema);
	REQUIRE(Value(next, kCountTmp) == "0");
	REQUIRE(Value(next, "select count(*) from pg_class where relname = 'tmps_t_pkey'") == "0");
	Ok(next, "create temp table tmps_t (a int)");
	REQUIRE(Value(next, "select count(*) from tmps_t") == "0");
}

TEST_CASE("SHOW ALL lists name, setting and description by name; DISCARD ALL reports settings",
		  "[temp][guc]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Conn c = Connect(cluster);
	PQclear(PQexec(c.get(), "set datestyle = 'German'"));
	PGresult *res = PQexec(c.get(), "show all");
	REQUIRE(PQresultStatus(res) == PGRES_TUPLES_OK);
	REQUIRE(PQnfields(res) == 3);
	REQUIRE(std::string(PQfname(res, 0)) == "name");
	REQUIRE(std::string(PQfname(res, 1)) == "setting");
	REQUIRE(std::string(PQfname(res, 2)) == "description");
	REQUIRE(PQntuples(res) > 50);
	bool found_datestyle = false;
	bool found_timeout = false;
	for (int i = 0; i < PQntuples(res); i++)
	{
		std::string name = PQgetvalue(res, i, 0);
		if (i > 0)
			REQUIRE(strcasecmp(PQgetvalue(res, i - 1, 0), name.c_str()) < 0);
		/* Placeholders and GUC_NO_SHOW_ALL settings are not listed. */
		REQUIRE(name != "session_authorization");
		if (name == "DateStyle")
		{
			found_datestyle = true;
			REQUIRE(std::string(PQgetvalue(res, i, 1)) == "German, DMY");
			REQUIRE(std::string(PQgetvalue(res, i, 2)) ==
					"Sets the display format for date and time values.");
		}
		if (name == "statement_timeout")
		{
			found_timeout = true;
			REQUIRE(std::string(PQgetvalue(res, i, 1)) == "0");
			REQUIRE(std::string(PQgetvalue(res, i, 2)) ==
					"Sets the maximum allowed duration of any statement.");
		}
	}
	PQclear(res);
	REQUIRE(found_datestyle);
	REQUIRE(found_timeout);

	REQUIRE(std::string(PQparameterStatus(c.get(), "DateStyle")) == "German, DMY");
	res = PQexec(c.get(), "discard all");
	REQUIRE(PQresultStatus(res) == PGRES_COMMAND_OK);
	REQUIRE(std::string(PQcmdStatus(res)) == "DISCARD ALL");
	PQclear(res);
	REQUIRE(std::string(PQparameterStatus(c.get(), "DateStyle")) == "ISO, MDY");
	PQclear(PQexec(c.get(), "set datestyle = 'SQL'"));
	PQclear(PQexec(c.get(), "reset all"));
	REQUIRE(std::string(PQparameterStatus(c.get(), "DateStyle")) == "ISO, MDY");
}
