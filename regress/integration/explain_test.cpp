/*
 * explain_test.cpp — what the SQL regression test "explain" cannot
 * compare with PostgreSQL's output because it varies from run to run:
 * the times EXPLAIN ANALYZE measures, and costs (which depend on Tusk's
 * estimates).  Their shape is checked against PostgreSQL's formats.
 */
#include <catch2/catch.hpp>

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include <libpq-fe.h>

#include "harness.h"

using namespace tusk::test;

namespace {

struct PgConnDeleter
{
	void operator()(PGconn *c) const { PQfinish(c); }
};
using Conn = std::unique_ptr<PGconn, PgConnDeleter>;

/* The rows of a one-column result, or a failed REQUIRE. */
std::vector<std::string> Lines(PGconn *c, const std::string &sql)
{
	PGresult *res = PQexec(c, sql.c_str());
	INFO(sql << ": " << PQresultErrorMessage(res));
	REQUIRE(PQresultStatus(res) == PGRES_TUPLES_OK);
	REQUIRE(PQnfields(res) == 1);
	REQUIRE(std::string(PQfname(res, 0)) == "QUERY PLAN");
	std::vector<std::string> lines;
	for (int i = 0; i < PQntuples(res); i++)
		lines.emplace_back(PQgetvalue(res, i, 0));
	PQclear(res);
	return lines;
}

bool Matches(const std::string &s, const char *pattern)
{
	return std::regex_match(s, std::regex(pattern));
}

}  // namespace

TEST_CASE("EXPLAIN ANALYZE prints times in PostgreSQL's format, EXPLAIN costs with two decimals",
		  "[sql][explain]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	Conn c(PQconnectdb(cluster.ConnString().c_str()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	for (const char *sql : {"create table t (a int)", "insert into t values (1), (2), (3)"})
	{
		PGresult *res = PQexec(c.get(), sql);
		INFO(sql << ": " << PQresultErrorMessage(res));
		REQUIRE(PQresultStatus(res) == PGRES_COMMAND_OK);
		PQclear(res);
	}

	auto plain = Lines(c.get(), "explain select * from t where a > 1");
	REQUIRE(plain.size() == 2);
	CHECK(
		Matches(plain[0], R"(Seq Scan on t  \(cost=\d+\.\d\d\.\.\d+\.\d\d rows=\d+ width=\d+\))"));
	CHECK(plain[1] == "  Filter: (a > 1)");

	auto analyzed = Lines(c.get(), "explain analyze select * from t where a > 1");
	REQUIRE(analyzed.size() == 5);
	CHECK(Matches(analyzed[0],
				  R"(Seq Scan on t  \(cost=\d+\.\d\d\.\.\d+\.\d\d rows=\d+ width=\d+\) )"
				  R"(\(actual time=\d+\.\d{3}\.\.\d+\.\d{3} rows=2 loops=1\))"));
	CHECK(analyzed[1] == "  Filter: (a > 1)");
	CHECK(analyzed[2] == "  Rows Removed by Filter: 1");
	CHECK(Matches(analyzed[3], R"(Planning Time: \d+\.\d{3} ms)"));
	CHECK(Matches(analyzed[4], R"(Execution Time: \d+\.\d{3} ms)"));

	/* A node under a nested loop runs once per outer row. */
	auto loops = Lines(c.get(),
					   "explain (analyze, costs off, summary off) "
					   "select * from t t1, t t2 where t1.a < t2.a");
	bool saw_three_loops = false;
	for (const std::string &line : loops)
		if (Matches(line, R"(.*\(actual time=\d+\.\d{3}\.\.\d+\.\d{3} rows=\d+ loops=3\))"))
			saw_three_loops = true;
	CHECK(saw_three_loops);

	auto json = Lines(c.get(), "explain (analyze, format json) select * from t");
	REQUIRE(json.size() == 1);
	CHECK(Matches(json[0], R"((.|\n)*"Actual Startup Time": \d+\.\d{3},(.|\n)*)"));
	CHECK(Matches(json[0],
				  R"((.|\n)*"Planning Time": \d+\.\d{3},\n    "Triggers": \[\n    \],)"
				  R"(\n    "Execution Time": \d+\.\d{3}\n  \}\n\])"));
	PGresult *res = PQexec(c.get(), "explain (format json) select 1");
	CHECK(PQftype(res, 0) == 114); /* json */
	PQclear(res);
	c.reset();
	cluster.Stop();
}
