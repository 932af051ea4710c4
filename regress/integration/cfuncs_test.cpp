/*
 * cfuncs_test.cpp — LANGUAGE C functions across sessions, and the errors
 * whose messages name the module's full path (which differs between
 * installations, so regress/sql/cfuncs.sql compares only their SQLSTATE):
 * a missing symbol, a module without a magic block, a module built for
 * PostgreSQL rather than Tusk.  Each backend loads the module at its first
 * call (running _PG_init once), and finds the function again after another
 * session's CREATE OR REPLACE or DROP.
 */
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <string>

#include "harness.h"

using namespace tusk::test;

namespace {

std::string PkgLibDir()
{
	CommandResult r = Run({TuskBin("pg_config"), "--pkglibdir"});
	REQUIRE(r.exit_code == 0);
	std::string dir = r.out;
	while (!dir.empty() && (dir.back() == '\n' || dir.back() == '\r'))
		dir.pop_back();
	return dir;
}

void RequireOk(Session &s, const std::string &sql)
{
	SqlOutcome o = s.Exec(sql);
	INFO(sql << ": " << o.message);
	REQUIRE(o.ok());
}

}  // namespace

TEST_CASE("C functions: errors naming the module's path", "[cfuncs]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session s(cluster);
	std::string lib = PkgLibDir();

	SqlOutcome o = s.Exec("CREATE FUNCTION f(int4) RETURNS int4 AS '$libdir/test_cfuncs', "
						  "'no_such_symbol' LANGUAGE C");
	REQUIRE(o.sqlstate == "42883");
	REQUIRE(o.message ==
			"could not find function \"no_such_symbol\" in file \"" + lib + "/test_cfuncs.so\"");

	o = s.Exec("CREATE FUNCTION f(int4) RETURNS int4 AS 'test_nomagic', 'add_one' LANGUAGE C");
	REQUIRE(o.sqlstate == "XX000");
	REQUIRE(o.message ==
			"incompatible library \"" + lib + "/test_nomagic.so\": missing magic block");

	/* A bare module name is looked up in $libdir too. */
	RequireOk(s,
			  "CREATE FUNCTION f(int4) RETURNS int4 AS 'test_cfuncs', 'add_one' LANGUAGE C "
			  "STRICT");
	o = s.Exec("SELECT f(1)");
	REQUIRE(o.ok());
	REQUIRE(o.value == "2");
}

TEST_CASE("C functions: a module built against PostgreSQL's headers is refused", "[cfuncs]")
{
	struct stat st;
	if (stat("/usr/include/postgresql/15/server/postgres.h", &st) != 0)
	{
		WARN("postgresql-server-dev-15 is not installed: not checked");
		return;
	}
	Cluster cluster;
	InitAndStart(cluster);
	TempDir dir;
	/* Only the magic block and one function: a module calling into
	 * PostgreSQL (pg_snprintf, …) would already fail in dlopen, with
	 * "could not load library", as it does in PostgreSQL. */
	std::string src = dir.path() + "/pg_built.c";
	{
		std::ofstream out(src);
		out << "#include \"postgres.h\"\n#include \"fmgr.h\"\nPG_MODULE_MAGIC;\n"
			   "PG_FUNCTION_INFO_V1(add_one);\n"
			   "Datum add_one(PG_FUNCTION_ARGS) { PG_RETURN_INT32(PG_GETARG_INT32(0) + 1); }\n";
	}
	std::string so = dir.path() + "/pg_built.so";
	CommandResult cc = Run(
		{"cc", "-I/usr/include/postgresql/15/server", "-fPIC", "-shared", "-o", so, src});
	INFO(cc.output());
	REQUIRE(cc.exit_code == 0);
	REQUIRE(chmod(dir.path().c_str(), 0755) == 0);
	Session s(cluster);
	SqlOutcome o = s.Exec("CREATE FUNCTION f(int4) RETURNS int4 AS '" + so +
						  "', 'add_one' LANGUAGE C");
	REQUIRE(o.message == "incompatible library \"" + so + "\": magic block mismatch");
	REQUIRE(o.detail == "Server has ABI \"Tusk\", library has \"PostgreSQL\".");
	REQUIRE(s.Exec("SELECT count(*) FROM pg_proc WHERE proname = 'f'").value == "0");
}

TEST_CASE("C functions: loaded per backend, found again after another session's DDL", "[cfuncs]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	RequireOk(a,
			  "CREATE FUNCTION cf_init_count() RETURNS int4 AS '$libdir/test_cfuncs' "
			  "LANGUAGE C");
	RequireOk(a,
			  "CREATE FUNCTION g(int4) RETURNS int4 AS '$libdir/test_cfuncs', 'add_one' "
			  "LANGUAGE C STRICT");
	/* Session b never loaded the module: its first call does, once. */
	REQUIRE(b.Exec("SELECT g(20)").value == "21");
	REQUIRE(b.Exec("SELECT cf_init_count()").value == "1");
	REQUIRE(a.Exec("SELECT cf_init_count()").value == "1");

	RequireOk(a,
			  "CREATE OR REPLACE FUNCTION g(int4) RETURNS int4 AS '$libdir/test_cfuncs', "
			  "'times_two' LANGUAGE C STRICT");
	REQUIRE(b.Exec("SELECT g(20)").value == "40");

	RequireOk(a, "DROP FUNCTION g(int4)");
	SqlOutcome o = b.Exec("SELECT g(20)");
	REQUIRE(o.sqlstate == "42883");

	/* An error inside a C function leaves the session usable. */
	RequireOk(a,
			  "CREATE FUNCTION raise_error(text) RETURNS void AS '$libdir/test_cfuncs' "
			  "LANGUAGE C STRICT");
	o = b.Exec("SELECT raise_error('x')");
	REQUIRE(o.sqlstate == "22023");
	REQUIRE(o.message == "test_cfuncs: x");
	REQUIRE(b.Exec("SELECT 1").value == "1");
	REQUIRE(cluster.Stop().exit_code == 0);
	REQUIRE(cluster.Log().find("TRAP") == std::string::npos);
}
