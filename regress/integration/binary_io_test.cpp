/*
 * binary_io_test.cpp — the binary send/receive formats of the core types
 * (typsend/typreceive), as drivers use them: results in binary
 * (resultFormat 1) must carry PostgreSQL 15's exact bytes, and those bytes
 * sent back as a binary Bind parameter of the type must give the same
 * value (read back in binary and in text).
 *
 * The expected bytes were recorded from PostgreSQL 15 (SELECT expr with
 * resultFormat 1), one row per value below.
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

struct BinaryValue
{
	Oid type;
	const char *expr;
	const char *hex; /* PostgreSQL 15's bytes */
};

const BinaryValue kValues[] = {
	{16, "true", "01"},
	{16, "false", "00"},
	{21, "(-32768)::int2", "8000"},
	{21, "12345::int2", "3039"},
	{23, "(-2147483648)::int4", "80000000"},
	{23, "7::int4", "00000007"},
	{20, "9223372036854775807::int8", "7fffffffffffffff"},
	{20, "(-1)::int8", "ffffffffffffffff"},
	{700, "1.5::float4", "3fc00000"},
	{700, "'-Infinity'::float4", "ff800000"},
	{700, "'NaN'::float4", "7fc00000"},
	{701, "2.25::float8", "4002000000000000"},
	{701, "'-0'::float8", "8000000000000000"},
	{701, "1e300::float8", "7e37e43c8800759c"},
	{1700, "0::numeric", "0000000000000000"},
	{1700, "1.50::numeric", "000200000000000200011388"},
	{1700, "-0.000123::numeric", "0002ffff40000006000108fc"},
	{1700, "'NaN'::numeric", "00000000c0000000"},
	{1700, "'Infinity'::numeric", "00000000d0000020"},
	{1700, "'-Infinity'::numeric", "00000000f0000020"},
	{1700, "123456789012345678901234567890.0123456789::numeric",
	 "000b00070000000a000c0d801ed204d2162e23340d801ed2007b11d722c4"},
	{1700, "10000::numeric", "00010001000000000001"},
	{1700, "0.00001::numeric(10,5)", "0001fffe0000000503e8"},
	{1700, "-99999999.99::numeric(10,2)", "0003000140000002270f270f26ac"},
	{25, "'héllo'::text", "68c3a96c6c6f"},
	{25, "''::text", ""},
	{1043, "'abc'::varchar(5)", "616263"},
	{1042, "'ab'::char(4)", "61622020"},
	{19, "'pg_class'::name", "70675f636c617373"},
	{26, "4294967295::oid", "ffffffff"},
	{18, "'x'::\"char\"", "78"},
	{17, "'\\x00ff10'::bytea", "00ff10"},
	{17, "''::bytea", ""},
	{1082, "'2024-02-29'::date", "00002279"},
	{1082, "'1999-12-31'::date", "ffffffff"},
	{1082, "'4713-01-01 BC'::date", "ffda97cd"},
	{1082, "'infinity'::date", "7fffffff"},
	{1082, "'-infinity'::date", "80000000"},
	{1083, "'23:59:59.999999'::time", "000000141dd75fff"},
	{1083, "'00:00'::time", "0000000000000000"},
	{1266, "'12:34:56.5+05:30'::timetz", "0000000a8be1bd20ffffb2a8"},
	{1266, "'01:02:03-08'::timetz", "00000000dde878c000007080"},
	{1114, "'2024-01-02 03:04:05.25'::timestamp", "0002b0ec8519c3d0"},
	{1114, "'1900-01-01'::timestamp", "fff4c9ee7c0b8000"},
	{1114, "'infinity'::timestamp", "7fffffffffffffff"},
	{1184, "'2024-01-02 03:04:05+02'::timestamptz", "0002b0ead7eeab40"},
	{1184, "'-infinity'::timestamptz", "8000000000000000"},
	{1186, "'1 year 2 mons 3 days 04:05:06.789'::interval", "000000036c97ca88000000030000000e"},
	{1186, "'-1 day 00:00:01'::interval", "00000000000f4240ffffffff00000000"},
	{1007, "ARRAY[1, NULL, 3]::int4[]",
	 "00000001000000010000001700000003000000010000000400000001ffffffff0000000400000003"},
	{1007, "'{}'::int4[]", "000000000000000000000017"},
	{1007, "'[0:2]={1,2,3}'::int4[]",
	 "0000000100000000000000170000000300000000000000040000000100000004000000020000000400000003"},
	{1007, "'[-1:0][2:3]={{1,2},{3,4}}'::int4[]",
	 "00000002000000000000001700000002ffffffff00000002000000020000000400000001000000040000000200000"
	 "004000000030000000400000004"},
	{1016, "ARRAY[1, 2]::int8[]",
	 "0000000100000000000000140000000200000001000000080000000000000001000000080000000000000002"},
	{1005, "ARRAY[1]::int2[]", "0000000100000000000000150000000100000001000000020001"},
	{1231, "ARRAY[[1.5, NULL], [3, -4.25]]::numeric[]",
	 "0000000200000001000006a4000000020000000100000002000000010000000c000200000000000100011388fffff"
	 "fff0000000a000100000000000000030000000c0002000040000002000409c4"},
	{1009, "ARRAY['a', NULL, 'b c']::text[]",
	 "00000001000000010000001900000003000000010000000161ffffffff00000003622063"},
	{1015, "ARRAY['x']::varchar[]", "00000001000000000000041300000001000000010000000178"},
	{1014, "ARRAY['ab']::char(3)[]", "000000010000000000000412000000010000000100000003616220"},
	{1003, "ARRAY['pg_class']::name[]",
	 "00000001000000000000001300000001000000010000000870675f636c617373"},
	{1028, "ARRAY[1, 2]::oid[]",
	 "00000001000000000000001a000000020000000100000004000000010000000400000002"},
	{1000, "ARRAY[true, NULL, false]",
	 "00000001000000010000001000000003000000010000000101ffffffff0000000100"},
	{1021, "ARRAY[1.5]::float4[]", "0000000100000000000002bc0000000100000001000000043fc00000"},
	{1022, "ARRAY['NaN', 2.5]::float8[]",
	 "0000000100000000000002bd0000000200000001000000087ff8000000000000000000084004000000000000"},
	{1001, "ARRAY['\\x01'::bytea, NULL]",
	 "00000001000000010000001100000002000000010000000101ffffffff"},
	{1182, "ARRAY['2024-01-02'::date]", "00000001000000000000043a0000000100000001000000040000223f"},
	{1183, "ARRAY['01:02'::time]",
	 "00000001000000000000043b00000001000000010000000800000000ddbab200"},
	{1270, "ARRAY['01:02+03'::timetz]",
	 "0000000100000000000004f200000001000000010000000c00000000ddbab200ffffd5d0"},
	{1115, "ARRAY['2024-01-02 03:04:05'::timestamp]",
	 "00000001000000000000045a0000000100000001000000080002b0ec8515f340"},
	{1185, "ARRAY['2024-01-02 03:04:05+00'::timestamptz]",
	 "0000000100000000000004a00000000100000001000000080002b0ec8515f340"},
	{1187, "ARRAY['1 hour'::interval, NULL]",
	 "0000000100000001000004a200000002000000010000001000000000d693a4000000000000000000ffffffff"},
	{1002, "ARRAY['a'::\"char\"]", "00000001000000000000001200000001000000010000000161"},
};

std::string Hex(const char *p, int len)
{
	static const char kDigits[] = "0123456789abcdef";
	std::string out;
	for (int i = 0; i < len; i++)
	{
		auto b = static_cast<unsigned char>(p[i]);
		out += kDigits[b >> 4];
		out += kDigits[b & 15];
	}
	return out;
}

std::string Unhex(const std::string &hex)
{
	std::string out;
	for (size_t i = 0; i + 1 < hex.size(); i += 2)
		out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
	return out;
}

/* The one value of a one-row result, as text; "" on failure (with INFO). */
std::string OneValue(PGconn *c, PGresult *r)
{
	INFO(PQerrorMessage(c));
	REQUIRE(PQresultStatus(r) == PGRES_TUPLES_OK);
	REQUIRE(PQntuples(r) == 1);
	return std::string(PQgetvalue(r, 0, 0), static_cast<size_t>(PQgetlength(r, 0, 0)));
}

}  // namespace

TEST_CASE("Binary results of the core types and their arrays carry PostgreSQL 15's bytes, and "
		  "those bytes are read back as binary parameters",
		  "[protocol][binary]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Conn c(PQconnectdb(cluster.ConnString().c_str()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	Result set(PQexec(c.get(), "SET TimeZone = 'UTC'"));
	REQUIRE(PQresultStatus(set.get()) == PGRES_COMMAND_OK);

	for (const BinaryValue &v : kValues)
	{
		INFO(v.expr);
		std::string sql = "SELECT ";
		sql += v.expr;

		/* Result in binary: PostgreSQL's bytes, with the type's OID. */
		Result r(PQexecParams(c.get(), sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 1));
		std::string bytes = OneValue(c.get(), r.get());
		CHECK(PQftype(r.get(), 0) == v.type);
		CHECK(Hex(bytes.data(), static_cast<int>(bytes.size())) == v.hex);

		/* Those bytes as a binary parameter of the type: the same bytes
		 * back, and the same text as the expression's. */
		std::string param = Unhex(v.hex);
		const char *values[] = {param.data()};
		const int lengths[] = {static_cast<int>(param.size())};
		const int formats[] = {1};
		Result back(PQexecParams(c.get(), "SELECT $1", 1, &v.type, values, lengths, formats, 1));
		std::string echoed = OneValue(c.get(), back.get());
		CHECK(Hex(echoed.data(), static_cast<int>(echoed.size())) == v.hex);
		std::string compare = "SELECT $1::text = (";
		compare += v.expr;
		compare += ")::text";
		Result same(
			PQexecParams(c.get(), compare.c_str(), 1, &v.type, values, lengths, formats, 0));
		CHECK(OneValue(c.get(), same.get()) == "t");
	}
}

TEST_CASE("Malformed binary parameters are refused with PostgreSQL's errors", "[protocol][binary]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Conn c(PQconnectdb(cluster.ConnString().c_str()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	struct Bad
	{
		Oid type;
		std::string bytes;
		const char *sqlstate;
	};
	/* SQLSTATEs as PostgreSQL 15 gives them for the same bytes. */
	const Bad bad[] = {
		{23, Unhex("000001"), "08P01"},				  /* int4 of 3 bytes */
		{20, Unhex("00000000000000000000"), "22P03"}, /* int8 with bytes left over */
		{1700, Unhex("0001000000000000"), "08P01"},	  /* numeric: 1 digit promised, none sent */
		{1082, Unhex("0000"), "08P01"},				  /* date too short */
		{1007, Unhex("0000000700000000000000170000000100000001"), "54000"}, /* 7 dimensions */
		{1007, Unhex("00000001000000000000001900000001000000010000000161"),
		 "42804"}, /* text elements */
	};
	for (const Bad &b : bad)
	{
		INFO(Hex(b.bytes.data(), static_cast<int>(b.bytes.size())));
		const char *values[] = {b.bytes.data()};
		const int lengths[] = {static_cast<int>(b.bytes.size())};
		const int formats[] = {1};
		Result r(PQexecParams(c.get(), "SELECT $1", 1, &b.type, values, lengths, formats, 0));
		REQUIRE(PQresultStatus(r.get()) == PGRES_FATAL_ERROR);
		const char *state = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
		CHECK(std::string(state != nullptr ? state : "") == b.sqlstate);
	}
}
