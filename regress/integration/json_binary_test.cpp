/*
 * json_binary_test.cpp — the binary wire forms of uuid, json, jsonb and
 * their arrays, as libpq exchanges them with resultFormat 1 and binary
 * parameters.  The expected bytes are what PostgreSQL 15 sends for the
 * same values (recorded from its uuid_send, json_send, jsonb_send and
 * array_send), so Tusk's typsend/typreceive are checked byte for byte.
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

std::string Hex(const char *p, int len)
{
	static const char kDigits[] = "0123456789abcdef";
	std::string s;
	for (int i = 0; i < len; i++)
	{
		auto c = static_cast<unsigned char>(p[i]);
		s += kDigits[c >> 4];
		s += kDigits[c & 0xF];
	}
	return s;
}

std::string Unhex(const std::string &hex)
{
	std::string s;
	for (size_t i = 0; i + 1 < hex.size(); i += 2)
		s += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
	return s;
}

struct Case
{
	const char *type;	  /* the SQL type */
	Oid oid;			  /* its pg_type OID */
	const char *literal;  /* a text literal of the value */
	const char *text_out; /* the value's text form in Tusk and PostgreSQL */
	const char *hex;	  /* PostgreSQL 15's binary form */
};

const Case kCases[] = {
	{"uuid", 2950, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
	 "a0eebc999c0b4ef8bb6d6bb9bd380a11"},
	{"jsonb", 3802, "{\"b\": 1, \"a\": [1, 2.50, \"x\\u00e9\"]}",
	 "{\"a\": [1, 2.50, \"x\xc3\xa9\"], \"b\": 1}",
	 "017b2261223a205b312c20322e35302c202278c3a9225d2c202262223a20317d"},
	{"json", 114, "{\"b\":1,  \"a\":[1]}", "{\"b\":1,  \"a\":[1]}",
	 "7b2262223a312c20202261223a5b315d7d"},
	{"uuid[]", 2951, "{11111111-1111-1111-1111-111111111111,NULL}",
	 "{11111111-1111-1111-1111-111111111111,NULL}",
	 "000000010000000100000b8600000002000000010000001011111111111111111111111111111111ffffffff"},
	{"jsonb[]", 3807, "{\"{\\\"b\\\":1, \\\"a\\\":1}\",\"[true]\"}",
	 "{\"{\\\"a\\\": 1, \\\"b\\\": 1}\",[true]}",
	 "000000010000000000000eda000000020000000100000011017b2261223a20312c202262223a20317d0000000"
	 "7015b747275655d"},
	{"json[]", 199, "{\"{\\\"a\\\" : 1}\"}", "{\"{\\\"a\\\" : 1}\"}",
	 "0000000100000000000000720000000100000001000000097b226122203a20317d"},
};

}  // namespace

TEST_CASE("uuid, json, jsonb and their arrays travel in PostgreSQL's binary form both ways",
		  "[json][protocol]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Conn c(PQconnectdb(cluster.ConnString().c_str()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);

	for (const Case &k : kCases)
	{
		INFO(k.type << " " << k.literal);
		/* A binary result: the bytes PostgreSQL sends. */
		std::string sql = std::string("SELECT $1::") + k.type;
		const char *text_param[] = {k.literal};
		Result r(PQexecParams(c.get(), sql.c_str(), 1, nullptr, text_param, nullptr, nullptr, 1));
		INFO(PQerrorMessage(c.get()));
		REQUIRE(PQresultStatus(r.get()) == PGRES_TUPLES_OK);
		REQUIRE(PQftype(r.get(), 0) == k.oid);
		REQUIRE(PQfformat(r.get(), 0) == 1);
		REQUIRE(Hex(PQgetvalue(r.get(), 0, 0), PQgetlength(r.get(), 0, 0)) == k.hex);

		/* A binary parameter: read back as text. */
		std::string bytes = Unhex(k.hex);
		std::string back = std::string("SELECT $1::text");
		const char *bin_param[] = {bytes.data()};
		int lengths[] = {static_cast<int>(bytes.size())};
		int formats[] = {1};
		Oid types[] = {k.oid};
		Result t(PQexecParams(c.get(), back.c_str(), 1, types, bin_param, lengths, formats, 0));
		REQUIRE(PQresultStatus(t.get()) == PGRES_TUPLES_OK);
		REQUIRE(std::string(PQgetvalue(t.get(), 0, 0)) == k.text_out);
	}

	/* A jsonb of another version, and malformed json, are refused. */
	const char bad_version[] = "\x02{}";
	const char *p1[] = {bad_version};
	int l1[] = {3};
	int f1[] = {1};
	Oid jsonb_oid[] = {3802};
	Result v(PQexecParams(c.get(), "SELECT $1::text", 1, jsonb_oid, p1, l1, f1, 0));
	REQUIRE(PQresultStatus(v.get()) == PGRES_FATAL_ERROR);
	REQUIRE(std::string(PQresultErrorField(v.get(), PG_DIAG_MESSAGE_PRIMARY)) ==
			"unsupported jsonb version number 2");
	const char bad_json[] = "{\"a\" 1}";
	const char *p2[] = {bad_json};
	int l2[] = {7};
	Oid json_oid[] = {114};
	Result j(PQexecParams(c.get(), "SELECT $1::text", 1, json_oid, p2, l2, f1, 0));
	REQUIRE(PQresultStatus(j.get()) == PGRES_FATAL_ERROR);
	REQUIRE(std::string(PQresultErrorField(j.get(), PG_DIAG_SQLSTATE)) == "22P02");
	REQUIRE(std::string(PQresultErrorField(j.get(), PG_DIAG_MESSAGE_DETAIL)) ==
			"Expected \":\", but found \"1\".");
	/* A uuid needs its 16 bytes. */
	const char short_uuid[] = "\x01\x02\x03";
	const char *p3[] = {short_uuid};
	int l3[] = {3};
	Oid uuid_oid[] = {2950};
	Result u(PQexecParams(c.get(), "SELECT $1::text", 1, uuid_oid, p3, l3, f1, 0));
	REQUIRE(PQresultStatus(u.get()) == PGRES_FATAL_ERROR);
	REQUIRE(std::string(PQresultErrorField(u.get(), PG_DIAG_SQLSTATE)) == "08P01");
}
