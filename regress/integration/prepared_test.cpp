/*
 * prepared_test.cpp — the extended query protocol as libpq and pgbench
 * speak it: PQprepare/PQexecPrepared with text and binary parameters and
 * results, PQdescribePrepared, plans that follow DDL from another session,
 * and pgbench's extended and prepared modes.
 */
#include <catch2/catch.hpp>

#include <arpa/inet.h>

#include <chrono>
#include <cstring>
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

struct PgResultDeleter
{
	void operator()(PGresult *r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, PgResultDeleter>;

constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;
constexpr Oid kInt8Oid = 20;

Conn Connect(const Cluster &cluster)
{
	Conn c(PQconnectdb(cluster.ConnString().c_str()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	return c;
}

void Start(Cluster &cluster)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

void Ok(PGconn *c, const char *sql)
{
	Result r(PQexec(c, sql));
	INFO(sql << ": " << PQerrorMessage(c));
	REQUIRE((PQresultStatus(r.get()) == PGRES_COMMAND_OK ||
			 PQresultStatus(r.get()) == PGRES_TUPLES_OK));
}

std::string SqlState(const PGresult *r)
{
	const char *s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	return s != nullptr ? s : "";
}

uint32_t NetInt32(const char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return ntohl(v);
}

}  // namespace

TEST_CASE("PQprepare and PQexecPrepared run a statement with text and binary parameters",
		  "[protocol][prepared]")
{
	Cluster cluster;
	Start(cluster);
	Conn c = Connect(cluster);
	Ok(c.get(), "CREATE TABLE acct (aid int, balance int8, note text)");
	Ok(c.get(), "INSERT INTO acct VALUES (1, 100, 'one'), (2, 200, 'two'), (3, 300, NULL)");

	Result prep(
		PQprepare(c.get(), "get", "SELECT balance, note FROM acct WHERE aid = $1", 1, &kInt4Oid));
	REQUIRE(PQresultStatus(prep.get()) == PGRES_COMMAND_OK);

	/* Text parameter, text result. */
	const char *text_value[] = {"2"};
	Result r(PQexecPrepared(c.get(), "get", 1, text_value, nullptr, nullptr, 0));
	REQUIRE(PQresultStatus(r.get()) == PGRES_TUPLES_OK);
	REQUIRE(PQntuples(r.get()) == 1);
	REQUIRE(std::string(PQgetvalue(r.get(), 0, 0)) == "200");
	REQUIRE(PQftype(r.get(), 0) == kInt8Oid);
	REQUIRE(PQftable(r.get(), 0) != InvalidOid);
	REQUIRE(PQftablecol(r.get(), 0) == 2);

	/* Binary parameter, binary results, many times over (custom plans,
	 * then the generic one). */
	for (int aid = 1; aid <= 12; aid++)
	{
		int key = aid % 3 + 1;
		uint32_t net = htonl(static_cast<uint32_t>(key));
		const char *values[] = {reinterpret_cast<const char *>(&net)};
		int lengths[] = {4};
		int formats[] = {1};
		Result b(PQexecPrepared(c.get(), "get", 1, values, lengths, formats, 1));
		REQUIRE(PQresultStatus(b.get()) == PGRES_TUPLES_OK);
		REQUIRE(PQfformat(b.get(), 0) == 1);
		REQUIRE(PQgetlength(b.get(), 0, 0) == 8);
		const char *v = PQgetvalue(b.get(), 0, 0);
		REQUIRE(NetInt32(v) == 0);
		REQUIRE(NetInt32(v + 4) == static_cast<uint32_t>(100 * key));
		if (key == 3)
			REQUIRE(PQgetisnull(b.get(), 0, 1) == 1);
		else
			REQUIRE(std::string(PQgetvalue(b.get(), 0, 1)) == (key == 1 ? "one" : "two"));
	}

	/* PQdescribePrepared: parameter and column types. */
	Result d(PQdescribePrepared(c.get(), "get"));
	REQUIRE(PQresultStatus(d.get()) == PGRES_COMMAND_OK);
	REQUIRE(PQnparams(d.get()) == 1);
	REQUIRE(PQparamtype(d.get(), 0) == kInt4Oid);
	REQUIRE(PQnfields(d.get()) == 2);
	REQUIRE(PQftype(d.get(), 1) == kTextOid);

	/* PQexecParams (the unnamed statement) with inferred types. */
	const char *params[] = {"7", "seven"};
	Result ins(PQexecParams(c.get(), "INSERT INTO acct VALUES ($1, 0, $2)", 2, nullptr, params,
							nullptr, nullptr, 0));
	REQUIRE(PQresultStatus(ins.get()) == PGRES_COMMAND_OK);
	REQUIRE(std::string(PQcmdTuples(ins.get())) == "1");

	/* A bad binary value: 22P03. */
	const char *bad[] = {"abcde"};
	int bad_len[] = {5};
	int bin[] = {1};
	Result e(PQexecPrepared(c.get(), "get", 1, bad, bad_len, bin, 0));
	REQUIRE(PQresultStatus(e.get()) == PGRES_FATAL_ERROR);
	REQUIRE(SqlState(e.get()) == "22P03");
	/* The session goes on. */
	Result again(PQexecPrepared(c.get(), "get", 1, text_value, nullptr, nullptr, 0));
	REQUIRE(PQresultStatus(again.get()) == PGRES_TUPLES_OK);
}

TEST_CASE("A prepared statement is analyzed again after DDL, in its session or another",
		  "[protocol][prepared]")
{
	Cluster cluster;
	Start(cluster);
	Conn c = Connect(cluster);
	Conn other = Connect(cluster);
	Ok(c.get(), "CREATE TABLE t (a int, b text)");
	Ok(c.get(), "INSERT INTO t VALUES (1, 'x')");
	Result prep(PQprepare(c.get(), "s", "SELECT * FROM t", 0, nullptr));
	REQUIRE(PQresultStatus(prep.get()) == PGRES_COMMAND_OK);
	Result r1(PQexecPrepared(c.get(), "s", 0, nullptr, nullptr, nullptr, 0));
	REQUIRE(PQntuples(r1.get()) == 1);

	/* Another session replaces the table with the same shape: the plan
	 * reads the new one. */
	Ok(other.get(), "DROP TABLE t");
	Ok(other.get(), "CREATE TABLE t (a int, b text)");
	Ok(other.get(), "INSERT INTO t VALUES (2, 'y'), (3, 'z')");
	Result r2(PQexecPrepared(c.get(), "s", 0, nullptr, nullptr, nullptr, 0));
	REQUIRE(PQresultStatus(r2.get()) == PGRES_TUPLES_OK);
	REQUIRE(PQntuples(r2.get()) == 2);

	/* A different shape is refused, as PostgreSQL refuses it. */
	Ok(other.get(), "DROP TABLE t");
	Ok(other.get(), "CREATE TABLE t (a int)");
	Result r3(PQexecPrepared(c.get(), "s", 0, nullptr, nullptr, nullptr, 0));
	REQUIRE(PQresultStatus(r3.get()) == PGRES_FATAL_ERROR);
	REQUIRE(SqlState(r3.get()) == "0A000");
	REQUIRE(std::string(PQresultErrorField(r3.get(), PG_DIAG_MESSAGE_PRIMARY)) ==
			"cached plan must not change result type");

	/* Dropped: the analyzer's error, and the statement survives it. */
	Ok(other.get(), "DROP TABLE t");
	Result r4(PQexecPrepared(c.get(), "s", 0, nullptr, nullptr, nullptr, 0));
	REQUIRE(SqlState(r4.get()) == "42P01");
	Ok(other.get(), "CREATE TABLE t (a int, b text)");
	Result r5(PQexecPrepared(c.get(), "s", 0, nullptr, nullptr, nullptr, 0));
	REQUIRE(PQresultStatus(r5.get()) == PGRES_TUPLES_OK);
	REQUIRE(PQntuples(r5.get()) == 0);
}

TEST_CASE("pgbench runs custom scripts and -S in extended and prepared mode",
		  "[protocol][prepared]")
{
	Cluster cluster;
	Start(cluster);
	/* pgbench -i needs COPY: the tables are made with plain SQL. */
	const std::string create =
		"CREATE TABLE pgbench_accounts (aid int, bid int, abalance int, filler text)";
	const std::string insert = "INSERT INTO pgbench_accounts VALUES (1, 1, 0, ''), (2, 1, 0, ''), "
							   "(3, 1, 0, ''), (4, 1, 0, ''), (5, 1, 0, '')";
	/* pgbench -S reads its scale from pgbench_branches. */
	const std::string branches = "CREATE TABLE pgbench_branches (bid int, bbalance int, "
								 "filler char(88)); INSERT INTO pgbench_branches VALUES (1, 0)";
	auto setup = cluster.Psql(
		{"-v", "ON_ERROR_STOP=1", "-c", create, "-c", insert, "-c", branches});
	INFO(setup.output());
	REQUIRE(setup.exit_code == 0);
	TempDir scripts;
	std::string select_script = scripts.path() + "/select.sql";
	std::string update_script = scripts.path() + "/update.sql";
	auto write = [](const std::string &path, const std::string &text) {
		FILE *f = fopen(path.c_str(), "w");
		REQUIRE(f != nullptr);
		fputs(text.c_str(), f);
		fclose(f);
	};
	write(select_script,
		  "\\set aid random(1, 5)\n"
		  "SELECT abalance FROM pgbench_accounts WHERE aid = :aid;\n");
	write(update_script,
		  "\\set aid random(1, 5)\n"
		  "BEGIN;\n"
		  "UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;\n"
		  "SELECT abalance FROM pgbench_accounts WHERE aid = :aid;\n"
		  "END;\n");
	for (const char *mode : {"simple", "extended", "prepared"})
	{
		for (const std::string &script : {select_script, update_script})
		{
			auto r = Run({PgBin("pgbench"), "-h", cluster.SocketDir(), "-p",
						  std::to_string(cluster.Port()), "-n", "-M", mode, "-f", script, "-t",
						  "200", "postgres"});
			INFO(mode << " " << script << ": " << r.output() << cluster.Log());
			REQUIRE(r.exit_code == 0);
			REQUIRE(r.out.find("number of transactions actually processed: 200/200") !=
					std::string::npos);
			REQUIRE(r.out.find("number of failed transactions: 0") != std::string::npos);
		}
	}
	/* The built-in select-only script (-S). */
	for (const char *mode : {"extended", "prepared"})
	{
		auto r = Run({PgBin("pgbench"), "-h", cluster.SocketDir(), "-p",
					  std::to_string(cluster.Port()), "-n", "-S", "-M", mode, "-t", "500",
					  "postgres"});
		INFO(mode << " -S: " << r.output() << cluster.Log());
		REQUIRE(r.exit_code == 0);
		REQUIRE(r.out.find("number of transactions actually processed: 500/500") !=
				std::string::npos);
	}
	/* Every update happened: 3 modes x 200 transactions. */
	auto sum = cluster.Psql({"-At", "-c", "SELECT sum(abalance) FROM pgbench_accounts"});
	REQUIRE(sum.out == "600\n");
}

TEST_CASE("A running statement is canceled by a cancel request or by statement_timeout",
		  "[protocol][cancel]")
{
	Cluster cluster;
	Start(cluster);
	Conn c = Connect(cluster);

	/* PQcancel from another thread while the statement sleeps. */
	PGcancel *cancel = PQgetCancel(c.get());
	REQUIRE(cancel != nullptr);
	auto started = std::chrono::steady_clock::now();
	std::thread canceller([cancel] {
		std::this_thread::sleep_for(std::chrono::milliseconds(300));
		char err[256];
		PQcancel(cancel, err, sizeof err);
	});
	Result r(PQexec(c.get(), "SELECT pg_sleep(30)"));
	canceller.join();
	PQfreeCancel(cancel);
	REQUIRE(PQresultStatus(r.get()) == PGRES_FATAL_ERROR);
	REQUIRE(SqlState(r.get()) == "57014");
	REQUIRE(std::string(PQresultErrorField(r.get(), PG_DIAG_MESSAGE_PRIMARY)) ==
			"canceling statement due to user request");
	REQUIRE(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));
	/* The session goes on. */
	Ok(c.get(), "SELECT 1");

	/* statement_timeout, through the simple and the extended protocol. */
	Ok(c.get(), "SET statement_timeout = 200");
	Result t1(PQexec(c.get(), "SELECT pg_sleep(30)"));
	REQUIRE(SqlState(t1.get()) == "57014");
	REQUIRE(std::string(PQresultErrorField(t1.get(), PG_DIAG_MESSAGE_PRIMARY)) ==
			"canceling statement due to statement timeout");
	const char *secs[] = {"30"};
	Result t2(PQexecParams(c.get(), "SELECT pg_sleep($1)", 1, nullptr, secs, nullptr, nullptr, 0));
	REQUIRE(SqlState(t2.get()) == "57014");
	REQUIRE(std::string(PQresultErrorField(t2.get(), PG_DIAG_MESSAGE_PRIMARY)) ==
			"canceling statement due to statement timeout");
	/* Statements shorter than the timeout are not touched, one after the
	 * other (the timer restarts with each). */
	for (int i = 0; i < 3; i++)
		Ok(c.get(), "SELECT pg_sleep(0.1)");
	Ok(c.get(), "SET statement_timeout = 0");
	Ok(c.get(), "SELECT pg_sleep(0.3)");
}
