/*
 * toast_test.cpp — 100 MB values through a real server: a text and a
 * bytea sent as protocol parameters (compressed, then out of line) and
 * 10 MB that do not compress (out of line as they are), read back,
 * updated, deleted, and still there after the whole server is killed
 * with SIGKILL and recovers from its WAL.
 */
#include <catch2/catch.hpp>

#include <signal.h>

#include <algorithm>
#include <memory>
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

struct PgResultDeleter
{
	void operator()(PGresult *r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, PgResultDeleter>;

constexpr Oid kTextOid = 25;
constexpr Oid kByteaOid = 17;
constexpr size_t kBig = 100 * 1024 * 1024;

Conn Connect(const Cluster &cluster)
{
	Conn c(PQconnectdb(cluster.ConnString().c_str()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	return c;
}

/* The statement's only row as its columns' text. */
std::vector<std::string> Row(PGconn *c, const std::string &sql)
{
	Result r(PQexec(c, sql.c_str()));
	INFO(sql << ": " << PQerrorMessage(c));
	REQUIRE(PQresultStatus(r.get()) == PGRES_TUPLES_OK);
	REQUIRE(PQntuples(r.get()) == 1);
	std::vector<std::string> row;
	for (int i = 0; i < PQnfields(r.get()); i++)
		row.emplace_back(PQgetvalue(r.get(), 0, i));
	return row;
}

void Ok(PGconn *c, const std::string &sql)
{
	Result r(PQexec(c, sql.c_str()));
	INFO(sql << ": " << PQerrorMessage(c));
	REQUIRE(PQresultStatus(r.get()) == PGRES_COMMAND_OK);
}

/* Letters from a xorshift generator: pglz finds too few repeats to keep. */
std::string Incompressible(size_t n)
{
	std::string s(n, 'a');
	uint64_t x = 0x9E3779B97F4A7C15ull;
	for (size_t i = 0; i < n; i++)
	{
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		s[i] = static_cast<char>('a' + (x >> 32) % 26);
	}
	return s;
}

/* SIGKILL the postmaster and every child at once, then start again:
 * what was committed must come back from the WAL. */
void CrashAndRestart(Cluster &cluster)
{
	int pm = cluster.PostmasterPid();
	REQUIRE(pm > 0);
	std::vector<int> children = Descendants(pm);
	REQUIRE(kill(pm, SIGKILL) == 0);
	for (int pid : children)
		kill(pid, SIGKILL);
	REQUIRE(WaitUntil(
		[&] {
			if (kill(pm, 0) == 0)
				return false;
			for (int pid : children)
				if (kill(pid, 0) == 0)
					return false;
			return true;
		},
		30000));
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("100 MB text and bytea values are stored, read, changed and survive a crash",
		  "[toast][big]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Conn c = Connect(cluster);
	Ok(c.get(), "CREATE TABLE big (id int PRIMARY KEY, t text, b bytea, n int)");

	/* 100 MB of text and 100 MB of bytea (binary format), as parameters
	 * of the extended protocol.  They repeat blocks short enough for pglz to
	 * find a match in its first kilobyte and within its window, so they
	 * compress (to about 1%) and then go out of line in
	 * some 600 chunks each; 10 MB that do not compress go out of line as
	 * they are, in 5,000 chunks.  (100 MB stored raw takes long enough on
	 * a shared machine to be left to the SQL-level tests' smaller sizes.) */
	std::string block = Incompressible(800);
	std::string text;
	text.reserve(kBig);
	while (text.size() < kBig)
		text += block.substr(0, std::min(block.size(), kBig - text.size()));
	std::string bytes(kBig, '\0');
	for (size_t i = 0; i < kBig; i++)
		bytes[i] = static_cast<char>((i * 7 + i / 3000) % 251);
	std::string raw = Incompressible(kBig / 10);
	const char *values[3] = {text.c_str(), bytes.data(), raw.c_str()};
	const int lengths[3] = {0, static_cast<int>(kBig), 0};
	const int formats[3] = {0, 1, 0};
	const Oid types[3] = {kTextOid, kByteaOid, kTextOid};
	{
		Result r(PQexecParams(c.get(), "INSERT INTO big VALUES (1, $1, $2, 1), (2, $3, NULL, 2)", 3,
							  types, values, lengths, formats, 0));
		INFO(PQerrorMessage(c.get()));
		REQUIRE(PQresultStatus(r.get()) == PGRES_COMMAND_OK);
	}

	const std::string check =
		"SELECT length(t), md5(t), substr(t, 52428800, 16), pg_column_compression(t), "
		"length(b), md5(b), pg_column_compression(b), "
		"(SELECT md5(t) || ' ' || pg_column_size(t)::text FROM big WHERE id = 2) "
		"FROM big WHERE id = 1";
	std::vector<std::string> before = Row(c.get(), check);
	REQUIRE(before[0] == std::to_string(kBig));
	REQUIRE(before[2] == text.substr(52428800 - 1, 16));
	REQUIRE(before[3] == "pglz");
	REQUIRE(before[4] == std::to_string(kBig));
	REQUIRE(before[6] == "pglz");
	/* Stored as is: the TOAST table holds all 10 MB. */
	REQUIRE(before[7].substr(33) == std::to_string(kBig / 10));
	/* The whole values back through the protocol, byte for byte. */
	{
		Result r(PQexecParams(c.get(), "SELECT t, b FROM big WHERE id = 1", 0, nullptr, nullptr,
							  nullptr, nullptr, 1));
		REQUIRE(PQresultStatus(r.get()) == PGRES_TUPLES_OK);
		REQUIRE(static_cast<size_t>(PQgetlength(r.get(), 0, 0)) == kBig);
		REQUIRE(std::string(PQgetvalue(r.get(), 0, 0), kBig) == text);
		REQUIRE(static_cast<size_t>(PQgetlength(r.get(), 0, 1)) == kBig);
		REQUIRE(std::string(PQgetvalue(r.get(), 0, 1), kBig) == bytes);
	}
	{
		Result r(PQexec(c.get(), "SELECT t FROM big WHERE id = 2"));
		REQUIRE(PQresultStatus(r.get()) == PGRES_TUPLES_OK);
		REQUIRE(raw == PQgetvalue(r.get(), 0, 0));
	}

	/* Another column changes: the values stay (their chunks are shared). */
	Ok(c.get(), "UPDATE big SET n = n + 1");
	REQUIRE(Row(c.get(), check) == before);

	/* The value changes: a new one is stored, the old one deleted. */
	Ok(c.get(), "UPDATE big SET t = t || 'z' WHERE id = 2");
	REQUIRE(
		Row(c.get(), "SELECT length(t), right(t, 2) FROM big WHERE id = 2") ==
		std::vector<std::string>{std::to_string(kBig / 10 + 1), raw.substr(raw.size() - 1) + "z"});
	Ok(c.get(), "UPDATE big SET t = left(t, -1) WHERE id = 2");

	/* Deleted then rolled back: still there. */
	Ok(c.get(), "BEGIN");
	Ok(c.get(), "DELETE FROM big");
	Ok(c.get(), "ROLLBACK");
	REQUIRE(Row(c.get(), check) == before);

	c.reset();
	CrashAndRestart(cluster);
	c = Connect(cluster);
	REQUIRE(Row(c.get(), check) == before);

	/* Deleted for good; VACUUM empties the TOAST table. */
	Ok(c.get(), "DELETE FROM big");
	Ok(c.get(), "VACUUM big");
	REQUIRE(Row(c.get(), "SELECT count(*) FROM big")[0] == "0");
	REQUIRE(Row(c.get(),
				"SELECT reltuples FROM pg_class WHERE oid = (SELECT reltoastrelid "
				"FROM pg_class WHERE relname = 'big')")[0] == "0");
}
