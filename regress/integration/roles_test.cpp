/*
 * roles_test.cpp — roles seen from real connections: a role without LOGIN
 * is refused (28000), CONNECTION LIMIT refuses the connection past it
 * (53300) and frees its slot when a session ends, SET ROLE in one session
 * owns what it creates as another session sees it while the other keeps
 * its own role, and ALTER ROLE … SET values apply at login, below the
 * client's own startup options.
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

Conn ConnectAs(const Cluster &cluster, const std::string &extra)
{
	return Conn(PQconnectdb((cluster.ConnString() + " " + extra).c_str()));
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

std::string Show(PGconn *c, const char *name)
{
	std::string sql = std::string("show ") + name;
	PGresult *r = PQexec(c, sql.c_str());
	std::string v = PQresultStatus(r) == PGRES_TUPLES_OK ? PQgetvalue(r, 0, 0) : "(error)";
	PQclear(r);
	return v;
}

}  // namespace

TEST_CASE("A role without LOGIN is refused and a CONNECTION LIMIT holds", "[roles]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session admin(cluster);
	Ok(admin, "create role roles_nologin");
	Ok(admin, "create role roles_limited login connection limit 1");

	Conn refused = ConnectAs(cluster, "user=roles_nologin");
	REQUIRE(PQstatus(refused.get()) == CONNECTION_BAD);
	REQUIRE(std::string(PQerrorMessage(refused.get()))
				.find("role \"roles_nologin\" is not permitted to log in") != std::string::npos);

	Conn first = ConnectAs(cluster, "user=roles_limited");
	REQUIRE(PQstatus(first.get()) == CONNECTION_OK);
	Conn second = ConnectAs(cluster, "user=roles_limited");
	REQUIRE(PQstatus(second.get()) == CONNECTION_BAD);
	REQUIRE(std::string(PQerrorMessage(second.get()))
				.find("too many connections for role \"roles_limited\"") != std::string::npos);
	/* the slot comes back when the first session ends */
	first.reset();
	REQUIRE(WaitUntil(
		[&] {
			Conn again = ConnectAs(cluster, "user=roles_limited");
			return PQstatus(again.get()) == CONNECTION_OK;
		},
		10000));
	/* LOGIN granted later lets the role in */
	Ok(admin, "alter role roles_nologin login");
	Conn now = ConnectAs(cluster, "user=roles_nologin");
	REQUIRE(PQstatus(now.get()) == CONNECTION_OK);
	REQUIRE(Show(now.get(), "is_superuser") == "off");
	cluster.Stop();
}

TEST_CASE("SET ROLE in one session does not change another's, and owns what it creates", "[roles]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	Ok(a, "create role roles_owner");
	Ok(a, "create schema roles_s authorization roles_owner");
	Ok(a, "set role roles_owner");
	REQUIRE(Value(a, "select current_user") == "roles_owner");
	REQUIRE(Value(b, "select current_user = session_user") == "t");
	Ok(a, "create table roles_s.t (a int)");
	REQUIRE(Value(b, "select tableowner from pg_tables where tablename = 't'") == "roles_owner");
	/* the other session may not drop a role that owns something */
	SqlOutcome drop = b.Exec("drop role roles_owner");
	REQUIRE(drop.sqlstate == "2BP01");
	REQUIRE(drop.detail == "owner of schema roles_s\nowner of table roles_s.t");
	Ok(a, "reset role");
	Ok(a, "drop schema roles_s cascade");
	Ok(b, "drop role roles_owner");
	cluster.Stop();
}

TEST_CASE("ALTER ROLE … SET values apply at login, below the client's options", "[roles]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session admin(cluster);
	Ok(admin, "create role roles_set login");
	Ok(admin, "alter role roles_set set work_mem = '1MB'");
	Ok(admin, "alter role roles_set in database postgres set statement_timeout = 1234");
	Ok(admin, "alter role all in database postgres set search_path = roles_dbwide");
	Ok(admin, "alter role roles_set set search_path = roles_mine");

	Conn c = ConnectAs(cluster, "user=roles_set");
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	REQUIRE(Show(c.get(), "work_mem") == "1MB");
	REQUIRE(Show(c.get(), "statement_timeout") == "1234ms");
	/* the role's own value outranks the database-wide one */
	REQUIRE(Show(c.get(), "search_path") == "roles_mine");

	Conn opt = ConnectAs(cluster, "user=roles_set options='-c work_mem=2MB'");
	REQUIRE(PQstatus(opt.get()) == CONNECTION_OK);
	REQUIRE(Show(opt.get(), "work_mem") == "2MB");

	/* another role gets only the database-wide value */
	REQUIRE(Value(admin, "show search_path") == "\"$user\", public");
	Ok(admin, "create role roles_other login");
	Conn other = ConnectAs(cluster, "user=roles_other");
	REQUIRE(Show(other.get(), "search_path") == "roles_dbwide");
	REQUIRE(Show(other.get(), "work_mem") == "4MB");
	cluster.Stop();
}
