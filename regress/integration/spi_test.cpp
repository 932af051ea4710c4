/*
 * spi_test.cpp — the Server Programming Interface (executor/spi.h) seen
 * through regress/modules/test_spi: a background worker connects to the
 * postgres database, runs its fixed sequence of SPI calls and logs what
 * each returned ("test_spi: <check>: <observation>").  The expected
 * observations are PostgreSQL 15's results for the same calls (its
 * spi.c: result codes, row counts, memory contexts, errors).
 */
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "harness.h"

using namespace tusk::test;

namespace {

/* One run of the test_spi worker, shared by the test cases: its log, and
 * spi_t's ids as a client sees them afterwards. */
const ModuleRun &Run()
{
	static const ModuleRun run =
		RunModuleWorker("test_spi", "SELECT string_agg(id::text, ',' ORDER BY id) FROM spi_t");
	return run;
}

std::string Seen(const std::string &check)
{
	return Observed(Run(), check);
}

bool LogHas(const std::string &text)
{
	return Run().log.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("A worker connects to a database and runs its SPI sequence to the end", "[spi]")
{
	INFO(Run().log);
	REQUIRE(Run().finished);
	CHECK(Seen("connected") == "ok");
	CHECK_FALSE(LogHas("terminated by signal"));
	/* What the worker left, seen by a client. */
	CHECK(Run().value == "1,2,3,20,30");
}

TEST_CASE("SPI_execute returns PostgreSQL's codes, row counts and rows", "[spi]")
{
	INFO(Run().log);
	CHECK(Seen("create and insert") == "SPI_OK_INSERT processed=3 rows=(no table)");
	CHECK(Seen("select") == "SPI_OK_SELECT processed=3 rows=1|a|10,2|b|20,3|NULL|30");
	CHECK(Seen("tcount 2") == "SPI_OK_SELECT processed=2 rows=1,2");
	CHECK(Seen("update returning") == "SPI_OK_UPDATE_RETURNING processed=2 rows=1|11,2|21");
	CHECK(Seen("insert returning") == "SPI_OK_INSERT_RETURNING processed=1 rows=d");
	CHECK(Seen("delete returning") == "SPI_OK_DELETE_RETURNING processed=1 rows=4");
	CHECK(Seen("update none") == "SPI_OK_UPDATE processed=0 rows=(no table)");
	CHECK(Seen("delete") == "SPI_OK_DELETE processed=1 rows=(no table)");
	CHECK(Seen("insert") == "SPI_OK_INSERT processed=1 rows=(no table)");
	CHECK(Seen("create index") == "SPI_OK_UTILITY processed=0 rows=(no table)");
	CHECK(Seen("show") == "SPI_OK_UTILITY processed=1 rows=\"$user\", public");
	CHECK(Seen("create table as") == "SPI_OK_UTILITY processed=3 rows=(no table)");
	CHECK(Seen("select into") == "SPI_OK_SELINTO processed=2 rows=(no table)");
	CHECK(Seen("SPI_exec") == "SPI_OK_SELECT processed=1 rows=2");
	CHECK(Seen("empty string") == "SPI_OK_REWRITTEN processed=0 rows=(no table)");
	CHECK(Seen("commit") == "SPI_ERROR_TRANSACTION");
	CHECK(Seen("begin") == "SPI_ERROR_TRANSACTION");
	CHECK(Seen("null string") == "SPI_ERROR_ARGUMENT");
	CHECK(Seen("negative tcount") == "SPI_ERROR_ARGUMENT");
}

TEST_CASE("Several statements in one string share the call; the last one sets the result", "[spi]")
{
	INFO(Run().log);
	/* The SELECT sees the INSERT and UPDATE before it. */
	CHECK(Seen("several statements") == "SPI_OK_SELECT processed=1 rows=4|67");
	CHECK(Seen("last statement sets result") == "SPI_OK_DELETE processed=1 rows=(no table)");
}

TEST_CASE("Read-only execution uses the caller's snapshot and refuses data changes", "[spi]")
{
	INFO(Run().log);
	/* The worker's snapshot was taken before its own INSERT. */
	CHECK(Seen("read-only select") == "SPI_OK_SELECT processed=0 rows=");
	CHECK(Seen("read-only insert") == "0A000 INSERT is not allowed in a non-volatile function");
	CHECK(Seen("read-only update") == "0A000 UPDATE is not allowed in a non-volatile function");
	CHECK(Seen("read-only create") ==
		  "0A000 CREATE TABLE is not allowed in a non-volatile function");
	CHECK(Seen("read-only for update") ==
		  "0A000 SELECT FOR UPDATE is not allowed in a non-volatile function");
}

TEST_CASE("SPI_execute_with_args takes parameters, NULLs marked 'n'", "[spi]")
{
	INFO(Run().log);
	CHECK(Seen("with args and a null") == "SPI_OK_INSERT processed=1 rows=(no table)");
	CHECK(Seen("with args read back") == "SPI_OK_SELECT processed=1 rows=20|t|7");
	CHECK(Seen("with args null only") == "SPI_OK_SELECT processed=1 rows=t");
	CHECK(Seen("with args no types") == "SPI_ERROR_PARAM");
}

TEST_CASE("Result access: column numbers, names, types, values and their errors", "[spi]")
{
	INFO(Run().log);
	CHECK(Seen("numvals") == "3");
	CHECK(Seen("fname 2") == "name");
	CHECK(Seen("fnumber v") == "3");
	CHECK(Seen("fnumber ctid") == "-1");
	CHECK(Seen("fnumber nope") == "-9");
	CHECK(Seen("gettype 1") == "int4");
	CHECK(Seen("gettypeid 2") == "25");
	CHECK(Seen("getbinval row 2 v") == "20 not null");
	CHECK(Seen("getbinval row 3 name") == "null");
	CHECK(Seen("getvalue column 4") == "NULL SPI_ERROR_NOATTRIBUTE");
	CHECK(Seen("fname 0") == "NULL SPI_ERROR_NOATTRIBUTE");
	CHECK(Seen("gettypeid 9") == "0 SPI_ERROR_NOATTRIBUTE");
	CHECK(Seen("relation") == "public.spi_t");
	CHECK(Seen("code 999") == "Unrecognized SPI code 999");
	CHECK(Seen("code strings") ==
		  "SPI_OK_UPDATE_RETURNING SPI_ERROR_NOOUTFUNC SPI_OK_MERGE SPI_ERROR_REL_NOT_FOUND");
}

TEST_CASE("SPI memory: procedure context freed by SPI_finish, SPI_palloc in the caller's", "[spi]")
{
	INFO(Run().log);
	CHECK(Seen("connect switches context") == "yes");
	CHECK(Seen("copytuple in caller context") == "yes");
	CHECK(Seen("getvalue in procedure context") == "yes");
	CHECK(Seen("palloc in caller context") == "yes");
	CHECK(Seen("tuptable in procedure context") == "yes");
	CHECK(Seen("finish") == "SPI_OK_FINISH");
	CHECK(Seen("finish restores context") == "yes");
	CHECK(Seen("palloc survives finish") == "a");
	CHECK(Seen("tuptable after finish") == "NULL");
	CHECK(Seen("finish again") == "SPI_ERROR_UNCONNECTED");
	CHECK(Seen("execute unconnected") == "SPI_ERROR_UNCONNECTED");
	CHECK(Seen("copytuple unconnected") == "NULL SPI_ERROR_UNCONNECTED");
}

TEST_CASE("A nested SPI connection gives the outer one its results back", "[spi]")
{
	INFO(Run().log);
	CHECK(Seen("nested connect") == "SPI_OK_CONNECT");
	CHECK(Seen("inner starts empty") == "0 NULL");
	CHECK(Seen("inner") == "SPI_OK_SELECT processed=1 rows=inner");
	CHECK(Seen("inner finish") == "SPI_OK_FINISH");
	CHECK(Seen("outer restored") == "3 same rows=1,2,3");
}

TEST_CASE("An error inside SPI aborts the worker's transaction and the next one works", "[spi]")
{
	INFO(Run().log);
	CHECK(Seen("division by zero") == "22012 division by zero");
	/* debug_query_string set by the worker reaches the log. */
	CHECK(LogHas("test_spi: division by zero: 22012 division by zero\n"));
	CHECK(LogHas("STATEMENT:  SELECT 1/0 -- test_spi\n"));
	CHECK(Seen("division by zero context") == "SQL statement \"SELECT 1/0\"");
	CHECK(Seen("syntax error") == "42601 syntax error at or near \"SELEC\"");
	/* PostgreSQL moves a syntax error's position to its QUERY line, with no
	 * CONTEXT; Tusk has no QUERY line yet and drops the position. */
	CHECK(Seen("syntax error context") == "(none)");
	/* The row inserted before the error was rolled back. */
	CHECK(Seen("after errors") == "SPI_OK_SELECT processed=1 rows=0");
	/* Connections left open at commit: a WARNING, and a clean stack. */
	CHECK(LogHas("WARNING:  transaction left non-empty SPI stack\n"));
	CHECK(LogHas("HINT:  Check for missing \"SPI_finish\" calls.\n"));
	CHECK(Seen("finish after commit") == "SPI_ERROR_UNCONNECTED");
}

TEST_CASE("Rolling back a subtransaction pops the SPI connections opened inside it", "[spi]")
{
	INFO(Run().log);
	CHECK(Seen("subtransaction") == "rolled back");
	/* The outer insert stays, the inner one is gone. */
	CHECK(Seen("after subtransaction") == "SPI_OK_SELECT processed=1 rows=60");
	CHECK(Seen("outer connection still works") == "SPI_OK_DELETE processed=1 rows=(no table)");
	CHECK(LogHas("WARNING:  subtransaction left non-empty SPI stack\n"));
	CHECK(Seen("after subtransaction commit") == "SPI_OK_SELECT processed=1 rows=outer");
}

TEST_CASE("Prepared plans are kept across transactions and re-planned after ALTER TABLE", "[spi]")
{
	INFO(Run().log);
	CHECK(Seen("prepare") == "ok");
	CHECK(Seen("argcount") == "1 23");
	CHECK(Seen("is cursor plan") == "yes");
	CHECK(Seen("is cursor plan insert") == "no");
	CHECK(Seen("keepplan") == "0");
	CHECK(Seen("keepplan again") == "SPI_ERROR_ARGUMENT");
	CHECK(Seen("prepare null") == "NULL SPI_ERROR_ARGUMENT");
	CHECK(Seen("execute kept plan") == "SPI_OK_SELECT processed=1 rows=21 type=int4");
	CHECK(Seen("execute plan with null") == "SPI_OK_INSERT processed=1 rows=(no table)");
	CHECK(Seen("plan null read back") == "SPI_OK_SELECT processed=1 rows=t");
	CHECK(Seen("execute plan without values") == "SPI_ERROR_PARAM");
	CHECK(Seen("execute null plan") == "SPI_ERROR_ARGUMENT");
	CHECK(Seen("alter table") == "SPI_OK_UTILITY");
	CHECK(Seen("plan valid after alter") == "no");
	/* The column became bigint: the kept plan was analyzed again. */
	CHECK(Seen("execute replanned") == "SPI_OK_SELECT processed=1 rows=21 type=int8");
	CHECK(Seen("freeplan") == "0");
	CHECK(Seen("freeplan insert") == "0");
	/* The caches were reset by the ALTER TABLE; CacheMemoryContext and
	 * what the module kept there were not. */
	CHECK(Seen("cache memory context") == "same");
	CHECK(Seen("cache memory kept") == "kept for the backend's life");
}

TEST_CASE("Cursors are fetched in pieces and closed", "[spi]")
{
	INFO(Run().log);
	CHECK(Seen("cursor name") == "spi_cur");
	CHECK(Seen("cursor find") == "same");
	CHECK(Seen("fetch 1") == "processed=4 rows=1|10,2|20,3|30,4|40");
	CHECK(Seen("fetch 2") == "processed=4 rows=5|50,6|60,7|70,8|80");
	CHECK(Seen("fetch 3") == "processed=2 rows=9|90,10|100");
	CHECK(Seen("fetch 4") == "processed=0 rows=");
	CHECK(Seen("cursor closed") == "gone");
	CHECK(Seen("move") == "7");
	CHECK(Seen("fetch all after move") == "processed=3 rows=8|80,9|90,10|100");
	CHECK(Seen("cursor with args") == "processed=2 rows=1,2");
	CHECK(Seen("cursor with args rest") == "processed=1 rows=3");
	CHECK(Seen("cursor on insert") == "cannot open INSERT query as cursor");
}

TEST_CASE("Workers are refused a role that does not exist, and a database not accepting "
		  "connections unless they bypass it",
		  "[spi]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	{
		Session s(cluster);
		REQUIRE(s.Exec("CREATE DATABASE noconn ALLOW_CONNECTIONS false").ok());
	}
	REQUIRE(cluster.Stop().exit_code == 0);
	cluster.AppendConf("shared_preload_libraries = 'test_spi'");
	cluster.AppendConf("test_spi.role = 'nosuchrole'");
	REQUIRE(cluster.Start().exit_code == 0);
	CHECK(cluster.WaitForLog("FATAL:  role \"nosuchrole\" does not exist", 20000));
	REQUIRE(cluster.Stop().exit_code == 0);

	cluster.AppendConf("test_spi.role = ''");
	cluster.AppendConf("test_spi.database = 'noconn'");
	REQUIRE(cluster.Start().exit_code == 0);
	CHECK(cluster.WaitForLog("FATAL:  database \"noconn\" is not currently accepting connections",
							 20000));
	REQUIRE(cluster.Stop().exit_code == 0);
	CHECK(cluster.Log().find("test_spi: connected") == std::string::npos);

	cluster.AppendConf("test_spi.bypass_allowconn = on");
	REQUIRE(cluster.Start().exit_code == 0);
	std::string log;
	bool finished = cluster.WaitForLog("test_spi: done: ok", 60000);
	log = cluster.Log();
	INFO(log);
	CHECK(finished);
	CHECK(log.find("test_spi: connected: ok") != std::string::npos);
}

TEST_CASE("Workers are refused a database that does not exist, or a connection not asked for",
		  "[spi]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	cluster.AppendConf("shared_preload_libraries = 'test_spi'");
	cluster.AppendConf("test_spi.database = 'nosuchdb'");
	cluster.AppendConf("test_spi.noflag = on");
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	CHECK(cluster.WaitForLog("FATAL:  database \"nosuchdb\" does not exist", 20000));
	CHECK(
		cluster
			.WaitForLog("FATAL:  database connection requirement not indicated during registration",
						20000));
	std::string log = cluster.Log();
	INFO(log);
	CHECK(log.find("test_spi: connected") == std::string::npos);
	CHECK(log.find("test_spi: noflag: connected") == std::string::npos);
	/* A FATAL is an ordinary exit, not a crash. */
	CHECK(log.find("terminating any other active server processes") == std::string::npos);
	/* The server still serves clients. */
	Session s(cluster);
	CHECK(s.Exec("SELECT 1").value == "1");
}
