/*
 * types2_binary_test.cpp — binary I/O (libpq resultFormat 1 and binary
 * parameters) of inet, cidr, enum and composite values, compared byte for
 * byte with what PostgreSQL 15 sends for the same values (recorded from
 * PostgreSQL 15's inet_send, cidr_send, enum_send and record_send).
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

void Ok(PGconn *c, const char *sql)
{
	Result r(PQexec(c, sql));
	INFO(sql << ": " << PQerrorMessage(c));
	REQUIRE((PQresultStatus(r.get()) == PGRES_COMMAND_OK ||
			 PQresultStatus(r.get()) == PGRES_TUPLES_OK));
}

std::string Hex(const char *data, int len)
{
	static const char kDigits[] = "0123456789abcdef";
	std::string out;
	for (int i = 0; i < len; i++)
	{
		auto b = static_cast<unsigned char>(data[i]);
		out += kDigits[b >> 4];
		out += kDigits[b & 15];
	}
	return out;
}

std::string FromHex(const std::string &hex)
{
	std::string out;
	for (size_t i = 0; i + 1 < hex.size(); i += 2)
		out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
	return out;
}

/* The value of sql's one column in binary, as hex. */
std::string BinaryResult(PGconn *c, const char *sql)
{
	Result r(PQexecParams(c, sql, 0, nullptr, nullptr, nullptr, nullptr, 1));
	INFO(sql << ": " << PQerrorMessage(c));
	REQUIRE(PQresultStatus(r.get()) == PGRES_TUPLES_OK);
	REQUIRE(PQntuples(r.get()) == 1);
	REQUIRE(PQfformat(r.get(), 0) == 1);
	return Hex(PQgetvalue(r.get(), 0, 0), PQgetlength(r.get(), 0, 0));
}

/* sql with $1 bound to the bytes of hex in binary, its one result in
 * text. */
std::string TextFromBinaryParam(PGconn *c, const char *sql, const std::string &hex)
{
	std::string bytes = FromHex(hex);
	const char *values[] = {bytes.data()};
	int lengths[] = {static_cast<int>(bytes.size())};
	int formats[] = {1};
	Result r(PQexecParams(c, sql, 1, nullptr, values, lengths, formats, 0));
	INFO(sql << ": " << PQerrorMessage(c));
	REQUIRE(PQresultStatus(r.get()) == PGRES_TUPLES_OK);
	return PQgetvalue(r.get(), 0, 0);
}

std::string SqlStateOf(PGconn *c, const char *sql, const std::string &hex)
{
	std::string bytes = FromHex(hex);
	const char *values[] = {bytes.data()};
	int lengths[] = {static_cast<int>(bytes.size())};
	int formats[] = {1};
	Result r(PQexecParams(c, sql, 1, nullptr, values, lengths, formats, 0));
	const char *state = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
	return state == nullptr ? "" : state;
}

}  // namespace

TEST_CASE("inet, cidr, enum and composite values travel in PostgreSQL's binary format", "[types2]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	auto started = cluster.Start();
	INFO(started.output() << cluster.Log());
	REQUIRE(started.exit_code == 0);
	Conn c(PQconnectdb(cluster.ConnString().c_str()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	Ok(c.get(), "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
	Ok(c.get(), "CREATE TYPE complex AS (r float8, i float8)");
	Ok(c.get(), "CREATE TYPE item AS (name text, n int4, m mood)");

	/* family, bits, is_cidr, length, address */
	CHECK(BinaryResult(c.get(), "SELECT '192.168.1.5/24'::inet") == "02180004c0a80105");
	CHECK(BinaryResult(c.get(), "SELECT '10.0.0.0/8'::cidr") == "020801040a000000");
	CHECK(BinaryResult(c.get(), "SELECT '::ffff:1.2.3.4'::inet") ==
		  "0380001000000000000000000000ffff01020304");
	CHECK(BinaryResult(c.get(), "SELECT '2001:db8::/32'::cidr") ==
		  "0320011020010db8000000000000000000000000");
	CHECK(TextFromBinaryParam(c.get(), "SELECT $1::inet", "02180004c0a80105") == "192.168.1.5/24");
	CHECK(TextFromBinaryParam(c.get(), "SELECT $1::cidr",
							  "0320011020010db8000000000000000000000000") == "2001:db8::/32");
	/* A cidr with host bits set, a bad family, a bad length: 22P03. */
	CHECK(SqlStateOf(c.get(), "SELECT $1::cidr", "0208010401020000") == "22P03");
	CHECK(SqlStateOf(c.get(), "SELECT $1::inet", "07200004c0a80105") == "22P03");
	CHECK(SqlStateOf(c.get(), "SELECT $1::inet", "02200003c0a801") == "22P03");

	/* An enum value is its label's text. */
	CHECK(BinaryResult(c.get(), "SELECT 'happy'::mood") == "6861707079");
	CHECK(TextFromBinaryParam(c.get(), "SELECT $1::mood::text", "6f6b") == "ok");
	CHECK(SqlStateOf(c.get(), "SELECT $1::mood", "6e6f7065") == "22P02");

	/* A row: column count, then per column its type OID, length (-1 for
	 * NULL) and bytes; an enum column carries the enum's OID, which
	 * differs between databases, so it is read from this one. */
	CHECK(BinaryResult(c.get(), "SELECT ROW(1.5, -2)::complex") ==
		  "00000002000002bd000000083ff8000000000000000002bd00000008c000000000000000");
	Result oid(PQexec(c.get(), "SELECT 'mood'::regtype::oid"));
	REQUIRE(PQresultStatus(oid.get()) == PGRES_TUPLES_OK);
	char mood_oid[9];
	snprintf(mood_oid, sizeof mood_oid, "%08x",
			 static_cast<unsigned>(std::stoul(PQgetvalue(oid.get(), 0, 0))));
	std::string item = std::string("0000000300000019000000017800000017000000040000000") + "7" +
		mood_oid + "000000026f6b";
	CHECK(BinaryResult(c.get(), "SELECT ROW('x', 7, 'ok')::item") == item);
	std::string nulls = std::string("0000000300000019ffffffff00000017ffffffff") + mood_oid +
		"ffffffff";
	CHECK(BinaryResult(c.get(), "SELECT ROW(NULL, NULL, NULL)::item") == nulls);
	CHECK(TextFromBinaryParam(c.get(), "SELECT $1::item", item) == "(x,7,ok)");
	/* A table's row type, too. */
	Ok(c.get(), "CREATE TABLE pt (a int4, b text)");
	Ok(c.get(), "INSERT INTO pt VALUES (5, 'five')");
	CHECK(BinaryResult(c.get(), "SELECT pt FROM pt") ==
		  "00000002000000170000000400000005000000190000000466697665");
	CHECK(TextFromBinaryParam(c.get(), "SELECT $1::pt",
							  "00000002000000170000000400000005000000190000000466697665") ==
		  "(5,five)");
}
