/*
 * cxxspi_test.cpp — the C++ SPI API (include/tusk/spi.hpp) seen through
 * regress/modules/test_cxxspi: a background worker runs a fixed sequence
 * of transactions through tusk::spi and logs what each step observed
 * ("test_cxxspi: <check>: <observation>").  The SQL results are
 * PostgreSQL's (the same statements through SPI); the API's own errors
 * are documented in doc/spi.md ("C++ API").
 */
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "harness.h"

using namespace tusk::test;

namespace {

/* One run of the test_cxxspi worker, shared by the test cases: its log,
 * and what a client sees in cx afterwards. */
const ModuleRun &Run()
{
	static const ModuleRun run = RunModuleWorker("test_cxxspi",
												 "SELECT string_agg(id::text || ':' || "
												 "coalesce(name, '-'), ',' ORDER BY id) FROM cx",
												 "\"test_cxxspi\" (PID");
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

TEST_CASE("C++ SPI: a worker runs its sequence; an uncaught Error ends it as any ERROR does",
		  "[cxxspi]")
{
	INFO(Run().log);
	REQUIRE(Run().finished);
	CHECK(Run().exited);
	CHECK(LogHas("ERROR:  invalid input syntax for type integer: \"uncaught\"\n"));
	CHECK(LogHas("background worker \"test_cxxspi\" (PID"));
	CHECK(LogHas(") exited with exit code 1"));
	CHECK_FALSE(LogHas("terminated by signal"));
	CHECK_FALSE(LogHas("WARNING:"));
	/* What the worker committed, seen by a client: rolled-back parts gone. */
	CHECK(Run().value == "1:one,2:two,3:-,10:kept,20:sub,40:forty,41:-");
}

TEST_CASE("C++ SPI: typed parameters and typed access to rows", "[cxxspi]")
{
	INFO(Run().log);
	CHECK(Seen("create") == "SPI_OK_UTILITY");
	CHECK(Seen("insert typed") == "SPI_OK_INSERT 1");
	CHECK(Seen("select") ==
		  "SPI_OK_SELECT size=3 columns=5 rows=1|one|10000000000|1.5|t,"
		  "2|two|NULL|2.25|f,3|NULL|NULL|NULL|NULL");
	CHECK(Seen("column name 1") == "name");
	CHECK(Seen("column number big") == "2");
	CHECK(Seen("column type 2") == "20");
	CHECK(Seen("get by name") == "1 one 10000000000 1.500000 true");
	CHECK(Seen("get by number") == "1 10000000000 t");
	CHECK(Seen("optional null") == "nullopt");
	CHECK(Seen("is_null") == "tf");
	CHECK(Seen("optional value") == "two");
	CHECK(Seen("iterate") == "6");
	CHECK(Seen("value") == "3");
	CHECK(Seen("update") == "SPI_OK_UPDATE processed=2 has_rows=no");
	CHECK(Seen("typed param") == "2024-02-29");
	CHECK(Seen("text cast param") == "42");
}

TEST_CASE("C++ SPI: a caught Error rolls back only its subtransaction", "[cxxspi]")
{
	INFO(Run().log);
	CHECK(Seen("division by zero") == "22012 division by zero");
	CHECK(Seen("next statement") == "2");
	/* 10 before the subtransaction stays, 11 inside it is gone. */
	CHECK(Seen("after rollback") == "10");
	CHECK(Seen("unique violation") ==
		  "23505 duplicate key value violates unique constraint \"cx_pkey\"");
	CHECK(Seen("unique violation detail") == "Key (id)=(1) already exists.");
	CHECK(Seen("syntax error") == "42601 syntax error at or near \"SELEC\"");
	CHECK(Seen("transaction control") ==
		  "0A000 transaction control statements cannot be run through SPI");
	CHECK(Seen("read-only insert") == "0A000 INSERT is not allowed in a non-volatile function");
	/* Not an SQL error: rolled back, and propagated rather than swallowed. */
	CHECK(Seen("other exception") == "not an SQL error");
	CHECK(Seen("after other exception") == "0");
	CHECK(Seen("connection still active") == "yes");
	CHECK(Seen("row 10 committed") == "ok");
}

TEST_CASE("C++ SPI: the API's own errors are ereports with SQLSTATEs", "[cxxspi]")
{
	INFO(Run().log);
	CHECK(Seen("wrong type") ==
		  "42804 column \"name\" is of type text, which cannot be read as "
		  "int32_t");
	CHECK(Seen("wider column") ==
		  "42804 column \"b\" is of type bigint, which cannot be read as int32_t");
	CHECK(Seen("null") ==
		  "22004 column \"big\" is null / Read it as a std::optional to accept "
		  "NULL.");
	CHECK(Seen("no such column") == "42703 column \"nope\" does not exist");
	CHECK(Seen("column out of range") == "42703 column number 3 is out of range");
	CHECK(Seen("row out of range") == "22023 row number 2 is out of range");
	CHECK(Seen("no rows") == "P0002 query returned no rows");
	CHECK(Seen("two rows") == "P0003 query returned more than one row");
	CHECK(Seen("two columns") == "42601 query returned 2 columns");
}

TEST_CASE("C++ SPI: the SPI stack is clean after exceptions", "[cxxspi]")
{
	INFO(Run().log);
	CHECK(Seen("error in inner connection") == "22012 division by zero");
	CHECK(Seen("outer active after inner error") == "yes");
	CHECK(Seen("outer result kept") == "outer");
	CHECK(Seen("leaked connection active") == "no");
	CHECK(Seen("leaked connection execute") ==
		  "55000 cannot execute: the SPI connection is not the active one");
	CHECK(Seen("outer active after leaked") == "yes");
	CHECK(Seen("outer still runs") == "7");
	CHECK(Seen("committed subtransaction") == "sub");
	CHECK(Seen("stack after commit") == "SPI_ERROR_UNCONNECTED");
}

TEST_CASE("C++ SPI: the transaction guard aborts on unwinding", "[cxxspi]")
{
	INFO(Run().log);
	CHECK(Seen("transaction error") == "22012 division by zero");
	CHECK(Seen("context restored") == "yes");
	CHECK(Seen("transaction exception") == "worker gave up");
	CHECK(Seen("after abort") == "0");
	CHECK(Seen("stack depth 1 in new transaction") == "yes");
}

TEST_CASE("C++ SPI: results give their rows back; nested connections", "[cxxspi]")
{
	INFO(Run().log);
	CHECK(Seen("loop rows") == "200000");
	CHECK(Seen("loop memory") == "bounded");
	CHECK(Seen("outer active while inner open") == "no");
	CHECK(Seen("outer used while inner open") ==
		  "55000 cannot execute: the SPI connection is not the active one");
	CHECK(Seen("inner") == "1 x5");
	CHECK(Seen("outer after inner") == "active 1,2,3");
}

TEST_CASE("C++ SPI: prepared statements are kept across transactions", "[cxxspi]")
{
	INFO(Run().log);
	CHECK(Seen("prepared") == "1 25");
	CHECK(Seen("kept across transactions") == "one");
	CHECK(Seen("converted arguments") == "40|forty,41|NULL");
	CHECK(Seen("out of range argument") == "22003 integer out of range");
	CHECK(Seen("wrong argument count") ==
		  "42601 wrong number of parameters for prepared statement");
	CHECK(Seen("wrong argument type") ==
		  "42804 parameter $1 is of type boolean but the statement expects integer");
	CHECK(Seen("valid after alter") == "no");
	CHECK(Seen("replanned") == "numeric");
	CHECK(Seen("replanned value") == "10000000000");
}

TEST_CASE("C++ SPI: cursors", "[cxxspi]")
{
	INFO(Run().log);
	CHECK(Seen("fetch in pieces") ==
		  "4:1|10,2|20,3|30,4|40 4:5|50,6|60,7|70,8|80 2:9|90,10|100 0: ");
	CHECK(Seen("closed") == "gone");
	CHECK(Seen("move") == "2");
	CHECK(Seen("fetch rest") == "3,10,20,40,41");
	CHECK(Seen("moved cursor") == "(empty)");
	CHECK(Seen("closed by destructor") == "gone");
	CHECK(Seen("cursor on insert") == "42P11 cannot open INSERT query as cursor");
}

TEST_CASE("C++ SPI: the installed tusk/spi.hpp compiles on its own, as C++17 and C++20", "[cxxspi]")
{
	auto r = Run({TuskBin("pg_config"), "--includedir-server"});
	REQUIRE(r.exit_code == 0);
	std::string inc = r.out.substr(0, r.out.find('\n'));
	TempDir tmp;
	std::string src = tmp.path();
	src += "/use.cpp";
	std::ofstream(src)
		<< "#include \"tusk/spi.hpp\"\n"
		   "int64_t Count(tusk::spi::Connection &conn)\n"
		   "{\n"
		   "\treturn conn.execute(\"SELECT count(*) FROM t WHERE a = $1 AND b = $2\", "
		   "42, \"x\").value<int64_t>();\n"
		   "}\n";
	for (const char *std : {"-std=c++17", "-std=c++20"})
	{
		std::string include = "-I";
		include += inc;
		auto c = Run({"c++", std, "-Wall", "-Wextra", "-Werror", "-fsyntax-only", include, src});
		INFO(std << ": " << c.output());
		CHECK(c.exit_code == 0);
	}
}

TEST_CASE("C++ SPI: in a client's transaction, a caught Error rolls back only its part; an "
		  "uncaught one reaches the client",
		  "[cxxspi]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session s(cluster);
	REQUIRE(s.Exec("CREATE FUNCTION test_cxxspi_try(text) RETURNS text AS 'test_cxxspi', "
				   "'test_cxxspi_try' LANGUAGE C STRICT")
				.ok());
	REQUIRE(s.Exec("CREATE FUNCTION test_cxxspi_value(text) RETURNS int4 AS 'test_cxxspi', "
				   "'test_cxxspi_value' LANGUAGE C STRICT")
				.ok());
	REQUIRE(s.Exec("CREATE TABLE t (a int)").ok());
	REQUIRE(s.Exec("BEGIN").ok());
	REQUIRE(s.Exec("INSERT INTO t VALUES (1)").ok());
	CHECK(s.Exec("SELECT test_cxxspi_try('INSERT INTO t VALUES (2); SELECT 1/0')").value ==
		  "error: 22012 division by zero");
	CHECK(s.Exec("SELECT test_cxxspi_try('INSERT INTO t VALUES (3)')").value == "1");
	CHECK(s.Exec("SELECT test_cxxspi_try('SELECT string_agg(a::text, '','' ORDER BY a) FROM t')")
			  .value == "1,3");
	REQUIRE(s.Exec("COMMIT").ok());
	CHECK(s.Exec("SELECT string_agg(a::text, ',' ORDER BY a) FROM t").value == "1,3");

	CHECK(s.Exec("SELECT test_cxxspi_value('SELECT 41 + 1')").value == "42");
	SqlOutcome none = s.Exec("SELECT test_cxxspi_value('SELECT 1 WHERE false')");
	CHECK(none.sqlstate == "P0002");
	CHECK(none.message == "query returned no rows");
	SqlOutcome null = s.Exec("SELECT test_cxxspi_value('SELECT NULL::int AS n')");
	CHECK(null.sqlstate == "22004");
	CHECK(null.message == "column \"n\" is null");
	SqlOutcome wide = s.Exec("SELECT test_cxxspi_value('SELECT 1::bigint AS b')");
	CHECK(wide.sqlstate == "42804");
	/* An error inside the SPI call: the connection is left to the abort. */
	CHECK(s.Exec("SELECT test_cxxspi_value('SELECT 1/0')").sqlstate == "22012");
	/* The session goes on, its SPI state clean. */
	CHECK(s.Exec("SELECT test_cxxspi_value('SELECT 7')").value == "7");
	/* Nested SPI: the statement a C function runs calls C functions that
	 * run statements of their own (a connection each, stacked). */
	CHECK(s.Exec("SELECT test_cxxspi_value('SELECT test_cxxspi_value(''SELECT 7'') + "
				 "test_cxxspi_value(''SELECT test_cxxspi_value(''''SELECT 30'''') + 5'')')")
			  .value == "42");
	/* An error two levels down unwinds every level. */
	CHECK(s.Exec("SELECT test_cxxspi_value('SELECT test_cxxspi_value(''SELECT 1/0'')')").sqlstate ==
		  "22012");
	CHECK(s.Exec("SELECT test_cxxspi_try('SELECT test_cxxspi_value(''SELECT 1/0'')')").value ==
		  "error: 22012 division by zero");
	CHECK(s.Exec("SELECT test_cxxspi_value('SELECT 8')").value == "8");
	std::string log = cluster.Log();
	INFO(log);
	CHECK(log.find("WARNING") == std::string::npos);
}
