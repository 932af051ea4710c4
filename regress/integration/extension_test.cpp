/*
 * extension_test.cpp — CREATE EXTENSION / DROP EXTENSION from control files
 * and scripts installed into the installation under test, and an
 * extension built out of tree with an unchanged PGXS Makefile.
 *
 * The SQL regression cannot install files into share/extension, so these
 * tests write a few small test extensions there (named exttest_*, removed
 * afterwards) and check what PostgreSQL 15 does with the same files:
 * pg_extension's row and comment, the members recorded in pg_depend with
 * deptype 'e', the \echo guard line skipped, MODULE_PATHNAME and
 * @extschema@ substituted, the script run with search_path set to the
 * target schema, update paths, required extensions (CASCADE), DROP
 * EXTENSION taking its members along, a member refused on its own, and
 * PostgreSQL's errors.  Then `make && make install` of a PGXS extension
 * directory, and the module it built loaded by the server.
 */
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

#include "harness.h"

using namespace tusk::test;

namespace {

/* What the installation's pg_config answers for option. */
std::string PgConfig(const std::string &option)
{
	CommandResult r = Run({TuskBin("pg_config"), option});
	REQUIRE(r.exit_code == 0);
	REQUIRE(!r.out.empty());
	return r.out.substr(0, r.out.size() - 1);
}

std::string ExtensionDir()
{
	return PgConfig("--sharedir") + "/extension";
}

/* Files written into the installation for one test, removed after it. */
class InstalledFiles
{
  public:
	InstalledFiles() = default;
	~InstalledFiles()
	{
		for (const std::string &f : files_)
			(void) unlink(f.c_str());
	}
	InstalledFiles(const InstalledFiles &) = delete;
	InstalledFiles &operator=(const InstalledFiles &) = delete;

	void Write(const std::string &name, const std::string &text)
	{
		std::string path = ExtensionDir() + "/" + name;
		std::ofstream out(path);
		REQUIRE(out.good());
		out << text;
		out.close();
		REQUIRE(chmod(path.c_str(), 0644) == 0);
		files_.push_back(path);
	}
	void Track(const std::string &path) { files_.push_back(path); }

  private:
	std::vector<std::string> files_;
};

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

/* The members of an extension as pg_describe_object words them, sorted. */
std::string Members(Session &s, const std::string &ext)
{
	return Value(s,
				 "select string_agg(d, '; ' order by d) from (select "
				 "pg_describe_object(classid, objid, objsubid) as d from pg_depend where "
				 "refclassid = 'pg_extension'::regclass "
				 "and deptype = 'e' and refobjid = (select oid from pg_extension where "
				 "extname = '" +
					 ext + "')) m");
}

const char *kBasicControl = "# a test extension\n"
							"comment = 'basic test extension'\n"
							"default_version = '1.0'\n"
							"relocatable = false\n"
							"module_pathname = '$libdir/exttest_basic'\n";

const char
	*kBasicScript = "/* exttest_basic--1.0.sql */\n"
					"\\echo Use \"CREATE EXTENSION exttest_basic\" to load this file. \\quit\n"
					"CREATE TABLE exttest_tab (id int PRIMARY KEY, note text);\n"
					"INSERT INTO exttest_tab VALUES (1, current_setting('search_path'));\n"
					"CREATE SEQUENCE exttest_seq;\n"
					"CREATE VIEW exttest_view AS SELECT id FROM exttest_tab;\n"
					"CREATE FUNCTION exttest_add(int, int) RETURNS int LANGUAGE sql\n"
					"  AS 'SELECT $1 + $2';\n"
					"CREATE FUNCTION exttest_where() RETURNS text LANGUAGE sql\n"
					"  AS $$SELECT 'MODULE_PATHNAME in @extschema@'$$;\n";

}  // namespace

TEST_CASE("CREATE EXTENSION runs the script and records its objects as members",
		  "[extension][installs]")
{
	InstalledFiles files;
	files.Write("exttest_basic.control", kBasicControl);
	files.Write("exttest_basic--1.0.sql", kBasicScript);
	Cluster cluster;
	InitAndStart(cluster);
	Session s(cluster);

	Ok(s, "create schema extschema");
	Ok(s, "create extension exttest_basic schema extschema");
	REQUIRE(Value(s,
				  "select extname || ' ' || extversion || ' ' || extnamespace::regnamespace || "
				  "' ' || extrelocatable || ' ' || (extconfig is null) || ' ' || "
				  "(extowner = (select oid from pg_authid where rolname = current_user)) "
				  "from pg_extension where extname = 'exttest_basic'") ==
			"exttest_basic 1.0 extschema false true true");
	/* The control file's comment, as \dx shows it. */
	REQUIRE(Value(s,
				  "select c.description from pg_catalog.pg_extension e left join "
				  "pg_catalog.pg_description c on c.objoid = e.oid and c.classoid = "
				  "'pg_catalog.pg_extension'::pg_catalog.regclass where e.extname = "
				  "'exttest_basic'") == "basic test extension");
	/* The script ran with search_path = the target schema, pg_temp. */
	REQUIRE(Value(s, "select note from extschema.exttest_tab") == "extschema, pg_temp");
	REQUIRE(Value(s, "show search_path") == "\"$user\", public");
	REQUIRE(Value(s, "select extschema.exttest_add(2, 3)") == "5");
	REQUIRE(Value(s, "select extschema.exttest_where()") == "$libdir/exttest_basic in extschema");
	REQUIRE(Members(s, "exttest_basic") ==
			"function extschema.exttest_add(integer,integer); "
			"function extschema.exttest_where(); sequence extschema.exttest_seq; "
			"table extschema.exttest_tab; view extschema.exttest_view");
	/* The extension depends on its schema. */
	REQUIRE(Value(s,
				  "select count(*) from pg_depend where classid = 'pg_extension'::regclass "
				  "and refclassid = 'pg_namespace'::regclass and deptype = 'n' and refobjid = "
				  "'extschema'::regnamespace") == "1");

	/* \dx's query (psql 15's listExtensions) answers. */
	CommandResult dx = cluster.Psql({"-c", "\\dx"});
	INFO(dx.output());
	REQUIRE(dx.exit_code == 0);
	REQUIRE(dx.out.find("exttest_basic | 1.0     | extschema | basic test extension") !=
			std::string::npos);

	CommandResult dxplus = cluster.Psql({"-c", "\\dx+ exttest_basic"});
	INFO(dxplus.output());
	REQUIRE(dxplus.exit_code == 0);
	REQUIRE(dxplus.out ==
			"      Objects in extension \"exttest_basic\"\n"
			"               Object description                \n"
			"-------------------------------------------------\n"
			" function extschema.exttest_add(integer,integer)\n"
			" function extschema.exttest_where()\n"
			" sequence extschema.exttest_seq\n"
			" table extschema.exttest_tab\n"
			" view extschema.exttest_view\n"
			"(5 rows)\n\n");

	/* A member is dropped only with its extension. */
	SqlOutcome o = s.Exec("drop function extschema.exttest_add(int, int)");
	REQUIRE(o.sqlstate == "2BP01");
	REQUIRE(o.message ==
			"cannot drop function extschema.exttest_add(integer,integer) because "
			"extension exttest_basic requires it");
	o = s.Exec("drop table extschema.exttest_tab");
	REQUIRE(o.sqlstate == "2BP01");
	REQUIRE(o.message ==
			"cannot drop table extschema.exttest_tab because extension exttest_basic requires it");

	/* Already there. */
	o = s.Exec("create extension exttest_basic");
	REQUIRE(o.sqlstate == "42710");
	REQUIRE(o.message == "extension \"exttest_basic\" already exists");
	REQUIRE(s.Exec("create extension if not exists exttest_basic").ok());

	/* Something of the user's depending on a member needs CASCADE. */
	Ok(s, "create view user_view as select * from extschema.exttest_view");
	o = s.Exec("drop extension exttest_basic");
	REQUIRE(o.sqlstate == "2BP01");
	REQUIRE(o.message == "cannot drop extension exttest_basic because other objects depend on it");
	REQUIRE(o.detail == "view user_view depends on view extschema.exttest_view");
	Ok(s, "drop extension exttest_basic cascade");
	REQUIRE(Value(s, "select count(*) from pg_extension where extname = 'exttest_basic'") == "0");
	REQUIRE(Value(s,
				  "select count(*) from pg_class where relname like 'exttest%' or relname = "
				  "'user_view'") == "0");
	REQUIRE(Value(s, "select count(*) from pg_proc where proname like 'exttest%'") == "0");
	REQUIRE(Value(s,
				  "select count(*) from pg_depend where refclassid = "
				  "'pg_extension'::regclass") == "0");
	REQUIRE(Value(s,
				  "select count(*) from pg_description where classoid = "
				  "'pg_extension'::regclass") == "0");
	/* The schema it was installed in stays. */
	REQUIRE(Value(s, "select count(*) from pg_namespace where nspname = 'extschema'") == "1");

	/* Without SCHEMA: the first schema of the search path. */
	Ok(s, "create extension exttest_basic");
	REQUIRE(Value(s, "select extnamespace::regnamespace from pg_extension") == "public");
	Ok(s, "drop extension exttest_basic");
	REQUIRE(Value(s, "select count(*) from pg_class where relname like 'exttest%'") == "0");
}

TEST_CASE("CREATE and DROP EXTENSION report PostgreSQL's errors", "[extension][installs]")
{
	InstalledFiles files;
	files.Write("exttest_bad.control", "default_version = '1.0'\nfrobnicate = true\n");
	files.Write("exttest_bad--1.0.sql", "SELECT 1;\n");
	files.Write("exttest_needs.control", "default_version = '1.0'\nrequires = 'exttest_base'\n");
	files.Write("exttest_needs--1.0.sql",
				"CREATE TABLE exttest_needs_t AS SELECT exttest_base_f() + 1 AS v;\n");
	files.Write("exttest_base.control",
				"default_version = '1.0'\nschema = exttest_base_schema\ncomment = 'base'\n");
	files.Write("exttest_base--1.0.sql",
				"CREATE FUNCTION exttest_base_f() RETURNS int LANGUAGE sql AS 'SELECT 41';\n");
	files.Write("exttest_fail.control", "default_version = '1.0'\n");
	files.Write("exttest_fail--1.0.sql",
				"CREATE TABLE exttest_fail_t (a int);\nSELECT no_such_function();\n");
	files.Write("exttest_txn.control", "default_version = '1.0'\n");
	files.Write("exttest_txn--1.0.sql", "COMMIT;\n");
	Cluster cluster;
	InitAndStart(cluster);
	Session s(cluster);

	SqlOutcome o = s.Exec("create extension exttest_nosuch");
	REQUIRE(o.sqlstate == "0A000");
	REQUIRE(o.message == "extension \"exttest_nosuch\" is not available");
	REQUIRE(o.detail ==
			"Could not open extension control file \"" + ExtensionDir() +
				"/exttest_nosuch.control\": No such file or directory.");

	o = s.Exec("create extension exttest_bad");
	REQUIRE(o.sqlstate == "42601");
	REQUIRE(o.message ==
			"unrecognized parameter \"frobnicate\" in file \"" + ExtensionDir() +
				"/exttest_bad.control\"");

	o = s.Exec("create extension exttest_needs");
	REQUIRE(o.sqlstate == "42704");
	REQUIRE(o.message == "required extension \"exttest_base\" is not installed");

	o = s.Exec("create extension exttest_needs version '9.9'");
	REQUIRE(o.sqlstate == "22023");
	REQUIRE(o.message ==
			"extension \"exttest_needs\" has no installation script nor update path for version "
			"\"9.9\"");

	o = s.Exec("create extension exttest_base schema public");
	REQUIRE(o.sqlstate == "0A000");
	REQUIRE(o.message ==
			"extension \"exttest_base\" must be installed in schema \"exttest_base_schema\"");

	/* CASCADE installs what is required, into its control file's schema
	 * (created), and the requiring script sees it on its search path. */
	Ok(s, "create extension exttest_needs cascade");
	REQUIRE(Value(s, "select v from exttest_needs_t") == "42");
	REQUIRE(Value(s,
				  "select string_agg(extname || ':' || extnamespace::regnamespace, ',' order "
				  "by extname) from pg_extension") ==
			"exttest_base:exttest_base_schema,exttest_needs:public");
	o = s.Exec("drop extension exttest_base");
	REQUIRE(o.sqlstate == "2BP01");
	REQUIRE(o.detail == "extension exttest_needs depends on extension exttest_base");
	Ok(s, "drop extension exttest_needs, exttest_base");
	REQUIRE(Value(s, "select count(*) from pg_extension") == "0");

	/* An error in the script undoes everything. */
	o = s.Exec("create extension exttest_fail");
	REQUIRE(o.sqlstate == "42883");
	REQUIRE(Value(s, "select count(*) from pg_class where relname = 'exttest_fail_t'") == "0");
	REQUIRE(Value(s, "select count(*) from pg_extension") == "0");

	o = s.Exec("create extension exttest_txn");
	REQUIRE(o.sqlstate == "0A000");
	REQUIRE(o.message ==
			"transaction control statements are not allowed within an extension script");

	o = s.Exec("drop extension exttest_nosuch");
	REQUIRE(o.sqlstate == "42704");
	REQUIRE(o.message == "extension \"exttest_nosuch\" does not exist");
	REQUIRE(s.Exec("drop extension if exists exttest_nosuch").ok());

	o = s.Exec("create extension \"exttest--x\"");
	REQUIRE(o.sqlstate == "22023");
	REQUIRE(o.message == "invalid extension name: \"exttest--x\"");
}

TEST_CASE("CREATE EXTENSION follows an update path when no script installs the version, ALTER "
		  "EXTENSION UPDATE runs one",
		  "[extension][installs]")
{
	InstalledFiles files;
	files.Write("exttest_upd.control", "default_version = '1.1'\nrelocatable = true\n");
	files.Write("exttest_upd--1.0.sql",
				"CREATE OR REPLACE FUNCTION exttest_upd_v() RETURNS text LANGUAGE sql AS $$SELECT "
				"'1.0'$$;\n");
	files.Write("exttest_upd--1.0--1.1.sql",
				"CREATE OR REPLACE FUNCTION exttest_upd_v() RETURNS text LANGUAGE sql AS "
				"$$SELECT '1.1'$$;\nCREATE FUNCTION exttest_upd_new() RETURNS int LANGUAGE sql "
				"AS 'SELECT 11';\nCOMMENT ON EXTENSION exttest_upd IS 'updated to 1.1';\n");
	Cluster cluster;
	InitAndStart(cluster);
	Session s(cluster);

	Ok(s, "create extension exttest_upd");
	REQUIRE(Value(s, "select extversion from pg_extension") == "1.1");
	REQUIRE(Value(s, "select exttest_upd_v()") == "1.1");
	REQUIRE(Value(s, "select obj_description(oid, 'pg_extension') from pg_extension") ==
			"updated to 1.1");
	REQUIRE(Members(s, "exttest_upd") == "function exttest_upd_new(); function exttest_upd_v()");
	Ok(s, "drop extension exttest_upd");
	Ok(s, "create extension exttest_upd version '1.0'");
	REQUIRE(Value(s, "select exttest_upd_v()") == "1.0");

	REQUIRE(Value(s,
				  "select string_agg(x, ' ' order by x) from (select "
				  "pg_extension_update_paths('exttest_upd')::text as x) t") ==
			"(1.0,1.1,1.0--1.1) (1.1,1.0,)");

	/* ALTER EXTENSION … UPDATE runs the update scripts. */
	SqlOutcome o = s.Exec("alter extension exttest_upd update to '1.0'");
	REQUIRE(o.ok());
	o = s.Exec("alter extension exttest_upd update to '2.0'");
	REQUIRE(o.sqlstate == "22023");
	REQUIRE(o.message ==
			"extension \"exttest_upd\" has no update path from version \"1.0\" to "
			"version \"2.0\"");
	Ok(s, "alter extension exttest_upd update");
	REQUIRE(Value(s, "select extversion from pg_extension") == "1.1");
	REQUIRE(Value(s, "select exttest_upd_v() || exttest_upd_new()") == "1.111");
	REQUIRE(Members(s, "exttest_upd") == "function exttest_upd_new(); function exttest_upd_v()");
	REQUIRE(Value(s, "select obj_description(oid, 'pg_extension') from pg_extension") ==
			"updated to 1.1");
	o = s.Exec("alter extension exttest_upd update to '1.0'");
	REQUIRE(o.sqlstate == "22023");
	REQUIRE(o.message ==
			"extension \"exttest_upd\" has no update path from version \"1.1\" to "
			"version \"1.0\"");
	o = s.Exec("alter extension exttest_nosuch update");
	REQUIRE(o.sqlstate == "42704");
	REQUIRE(o.message == "extension \"exttest_nosuch\" does not exist");
	/* ADD/DROP member and SET SCHEMA: not in Tusk yet. */
	REQUIRE(s.Exec("alter extension exttest_upd add function f()").sqlstate == "0A000");
	Ok(s, "drop extension exttest_upd");

	/* A script may not take over an object it does not own. */
	Ok(s, "create function exttest_upd_v() returns text language sql as $$select 'mine'$$");
	o = s.Exec("create extension exttest_upd");
	REQUIRE(o.sqlstate == "55000");
	REQUIRE(o.message == "function exttest_upd_v() is not a member of extension \"exttest_upd\"");
}

TEST_CASE("pg_available_extensions() and pg_available_extension_versions() read the control "
		  "files",
		  "[extension][installs]")
{
	InstalledFiles files;
	files.Write("exttest_avail.control",
				"comment = 'available'\ndefault_version = '2.0'\nrequires = 'a, b'\n"
				"schema = s\ntrusted = true\n");
	files.Write("exttest_avail--1.0.sql", "\n");
	files.Write("exttest_avail--2.0.sql", "\n");
	files.Write("exttest_avail--1.0--2.0.sql", "\n");
	Cluster cluster;
	InitAndStart(cluster);
	Session s(cluster);

	/* In the select list, and through the views over them in FROM. */
	REQUIRE(Value(s,
				  "select x from (select pg_available_extensions()::text as x) t where x "
				  "like '(exttest_avail,%'") == "(exttest_avail,2.0,available)");
	REQUIRE(Value(s,
				  "select default_version || ' ' || coalesce(installed_version, '-') || ' ' || "
				  "comment from pg_available_extensions where name = 'exttest_avail'") ==
			"2.0 - available");
	REQUIRE(Value(s,
				  "select string_agg(version || ' ' || installed || ' ' || trusted || ' ' || "
				  "schema || ' ' || requires::text, ', ' order by version) from "
				  "pg_available_extension_versions where name = 'exttest_avail'") ==
			"1.0 false true s {a,b}, 2.0 false true s {a,b}");
	/* An installed one (contrib's worker_spi is in every installation). */
	s.Exec("create extension worker_spi");
	REQUIRE(Value(s,
				  "select installed_version from pg_available_extensions where name = "
				  "'worker_spi'") == "1.0");
	REQUIRE(Value(s,
				  "select installed from pg_available_extension_versions where name = "
				  "'worker_spi' and version = '1.0'") == "t");
	REQUIRE(Value(s,
				  "select string_agg(x, ' ' order by x) from (select "
				  "pg_available_extension_versions()::text as x) t where x like "
				  "'(exttest_avail,%'") ==
			"(exttest_avail,1.0,t,t,f,s,\"{a,b}\",available) "
			"(exttest_avail,2.0,t,t,f,s,\"{a,b}\",available)");
}

TEST_CASE("An unchanged PGXS Makefile builds and installs an extension", "[extension][installs]")
{
	TempDir src;
	auto write = [&](const std::string &name, const std::string &text) {
		std::ofstream out(src.path() + "/" + name);
		REQUIRE(out.good());
		out << text;
	};
	write("Makefile",
		  "MODULES = exttest_pgxs\n"
		  "EXTENSION = exttest_pgxs\n"
		  "DATA = exttest_pgxs--1.0.sql\n"
		  "PGFILEDESC = \"exttest_pgxs - a PGXS test\"\n"
		  "\n"
		  "PG_CONFIG = pg_config\n"
		  "PGXS := $(shell $(PG_CONFIG) --pgxs)\n"
		  "include $(PGXS)\n");
	write("exttest_pgxs.c",
		  "#include \"postgres.h\"\n"
		  "#include \"fmgr.h\"\n"
		  "#include \"utils/guc.h\"\n"
		  "\n"
		  "PG_MODULE_MAGIC;\n"
		  "\n"
		  "static char *greeting = NULL;\n"
		  "\n"
		  "void _PG_init(void);\n"
		  "\n"
		  "void\n"
		  "_PG_init(void)\n"
		  "{\n"
		  "\tDefineCustomStringVariable(\"exttest_pgxs.greeting\",\n"
		  "\t\t\"A greeting.\", NULL, &greeting, \"hello from pgxs\",\n"
		  "\t\tPGC_USERSET, 0, NULL, NULL, NULL);\n"
		  "}\n");
	write("exttest_pgxs.control",
		  "comment = 'built with PGXS'\n"
		  "default_version = '1.0'\n"
		  "module_pathname = '$libdir/exttest_pgxs'\n"
		  "relocatable = true\n");
	write("exttest_pgxs--1.0.sql",
		  "\\echo Use \"CREATE EXTENSION exttest_pgxs\" to load this file. \\quit\n"
		  "CREATE FUNCTION exttest_pgxs_lib() RETURNS text LANGUAGE sql\n"
		  "  AS $$SELECT 'MODULE_PATHNAME'$$;\n");

	InstalledFiles installed;
	installed.Track(ExtensionDir() + "/exttest_pgxs.control");
	installed.Track(ExtensionDir() + "/exttest_pgxs--1.0.sql");
	std::string pkglibdir = PgConfig("--pkglibdir");
	installed.Track(pkglibdir + "/exttest_pgxs.so");

	RunOptions opts;
	opts.cwd = src.path();
	opts.as_root = true; /* installs into the installation under test */
	opts.timeout_sec = 120;
	std::string path = InstallDir() + "/bin:";
	const char *old_path = getenv("PATH");
	path += old_path != nullptr ? old_path : "/usr/bin:/bin";
	opts.env.emplace_back("PATH", path);

	CommandResult pgxs = Run({TuskBin("pg_config"), "--pgxs"});
	REQUIRE(pgxs.out == pkglibdir + "/pgxs/src/makefiles/pgxs.mk\n");

	CommandResult make = Run({"make"}, opts);
	INFO(make.output());
	REQUIRE(make.exit_code == 0);
	CommandResult install = Run({"make", "install"}, opts);
	INFO(install.output());
	REQUIRE(install.exit_code == 0);
	struct stat st;
	REQUIRE(stat((pkglibdir + "/exttest_pgxs.so").c_str(), &st) == 0);
	REQUIRE(stat((ExtensionDir() + "/exttest_pgxs.control").c_str(), &st) == 0);
	REQUIRE(stat((ExtensionDir() + "/exttest_pgxs--1.0.sql").c_str(), &st) == 0);

	/* The module loads (its _PG_init defines a setting), and the
	 * extension installs. */
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	cluster.AppendConf("shared_preload_libraries = 'exttest_pgxs'");
	CommandResult start = cluster.Start();
	INFO(start.output() << cluster.Log());
	REQUIRE(start.exit_code == 0);
	Session s(cluster);
	REQUIRE(Value(s, "show exttest_pgxs.greeting") == "hello from pgxs");
	Ok(s, "create extension exttest_pgxs");
	REQUIRE(Value(s, "select exttest_pgxs_lib()") == "$libdir/exttest_pgxs");
	REQUIRE(Value(s,
				  "select x from (select pg_available_extensions()::text as x) t where x "
				  "like '(exttest_pgxs,%'") == "(exttest_pgxs,1.0,\"built with PGXS\")");

	CommandResult clean = Run({"make", "clean"}, opts);
	REQUIRE(clean.exit_code == 0);
	REQUIRE(stat((src.path() + "/exttest_pgxs.so").c_str(), &st) != 0);
}
