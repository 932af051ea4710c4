/*
 * binary_io_test.cpp — StringInfo, the pq_send and pq_getmsg functions, and
 * the types' binary send/receive functions: each value's bytes are
 * PostgreSQL 15's (checked against a real server through the extended
 * protocol), and receive reads back what send wrote.
 */
#include "adt_test_util.h"

#include <string>

#include "libpq/pqformat.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

using tusk::adt_test::ErrorOf;
using tusk::adt_test::In;
using tusk::adt_test::Out;
using tusk::adt_test::ScratchContext;

namespace {

/* The bytes a send function produces for d. */
std::string Send(PGFunction fn, Datum d)
{
	/* A send function's result is a fresh bytea with a 4-byte header. */
	auto *b = reinterpret_cast<bytea *>(DatumGetPointer(DirectFunctionCall1(fn, d)));
	return std::string(VARDATA(b), VARSIZE(b) - VARHDRSZ);
}

/* The value a receive function reads from bytes; all must be consumed. */
Datum Recv(PGFunction fn, const std::string &bytes, int32 typmod = -1)
{
	StringInfoData buf;
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, bytes.data(), static_cast<int>(bytes.size()));
	Datum d = DirectFunctionCall3(fn, PointerGetDatum(&buf), ObjectIdGetDatum(InvalidOid),
								  Int32GetDatum(typmod));
	REQUIRE(buf.cursor == buf.len);
	return d;
}

std::string Bytes(std::initializer_list<int> bytes)
{
	std::string s;
	for (int b : bytes)
		s.push_back(static_cast<char>(b));
	return s;
}

}  // namespace

TEST_CASE("A StringInfo grows as text and bytes are appended, and stays NUL-terminated", "[adt]")
{
	ScratchContext cxt;
	StringInfoData s;
	initStringInfo(&s);
	appendStringInfo(&s, "%d-%s", 42, "x");
	REQUIRE(std::string(s.data) == "42-x");
	std::string big(5000, 'y');
	appendStringInfoString(&s, big.c_str());
	appendStringInfoChar(&s, 'z');
	REQUIRE(s.len == 4 + 5000 + 1);
	REQUIRE(s.data[s.len] == '\0');
	REQUIRE(s.maxlen > s.len);
	appendBinaryStringInfo(&s, "\0\1", 2);
	REQUIRE(s.len == 5007);
	resetStringInfo(&s);
	REQUIRE(s.len == 0);
	REQUIRE(s.data[0] == '\0');
}

TEST_CASE("pq_send* write network byte order and pq_getmsg* read it back", "[adt]")
{
	ScratchContext cxt;
	StringInfoData buf;
	initStringInfo(&buf);
	pq_sendint16(&buf, 0x0102);
	pq_sendint32(&buf, 0x03040506);
	pq_sendint64(&buf, 0x0708090a0b0c0d0eULL);
	pq_sendfloat8(&buf, 0.5);
	pq_sendstring(&buf, "hi");
	REQUIRE(std::string(buf.data, 14) == Bytes({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}));
	REQUIRE(pq_getmsgint(&buf, 2) == 0x0102);
	REQUIRE(pq_getmsgint(&buf, 4) == 0x03040506);
	REQUIRE(pq_getmsgint64(&buf) == 0x0708090a0b0c0d0eLL);
	REQUIRE(pq_getmsgfloat8(&buf) == 0.5);
	REQUIRE(std::string(pq_getmsgstring(&buf)) == "hi");
	pq_getmsgend(&buf);
	REQUIRE(ErrorOf([&] { pq_getmsgint(&buf, 4); }) == "08P01: insufficient data left in message");
	buf.cursor = 0;
	REQUIRE(ErrorOf([&] { pq_getmsgend(&buf); }) == "08P01: invalid message format");
}

TEST_CASE("Integer, float, bool and oid values travel as big-endian bytes", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(Send(int4send, Int32GetDatum(1)) == Bytes({0, 0, 0, 1}));
	REQUIRE(Send(int2send, Int16GetDatum(-5)) == Bytes({0xff, 0xfb}));
	REQUIRE(Send(int8send, Int64GetDatum(10)) == Bytes({0, 0, 0, 0, 0, 0, 0, 10}));
	REQUIRE(Send(float8send, Float8GetDatum(0.5)) == Bytes({0x3f, 0xe0, 0, 0, 0, 0, 0, 0}));
	REQUIRE(Send(float4send, Float4GetDatum(1.5f)) == Bytes({0x3f, 0xc0, 0, 0}));
	REQUIRE(Send(boolsend, BoolGetDatum(true)) == Bytes({1}));
	REQUIRE(Send(oidsend, ObjectIdGetDatum(26)) == Bytes({0, 0, 0, 26}));
	REQUIRE(DatumGetInt32(Recv(int4recv, Bytes({0xff, 0xff, 0xff, 0xfe}))) == -2);
	REQUIRE(DatumGetInt64(Recv(int8recv, Send(int8send, Int64GetDatum(-9)))) == -9);
	REQUIRE(DatumGetFloat8(Recv(float8recv, Send(float8send, Float8GetDatum(-0.25)))) == -0.25);
	REQUIRE(DatumGetBool(Recv(boolrecv, Bytes({7}))) == true);
	REQUIRE(DatumGetObjectId(Recv(oidrecv, Bytes({0xee, 0x6b, 0x28, 0}))) == 4000000000U);
	/* Too few bytes: the message-level error. */
	REQUIRE(ErrorOf([] {
				Recv(int4recv, Bytes({0, 1}));
			}) == "08P01: insufficient data left in message");
}

TEST_CASE("numeric travels as base-10000 digits with weight, sign and scale", "[adt]")
{
	ScratchContext cxt;
	/* 1.5: 2 digits, weight 0, positive, dscale 1, digits 1 and 5000. */
	REQUIRE(Send(numeric_send, In(numeric_in, "1.5")) ==
			Bytes({0, 2, 0, 0, 0, 0, 0, 1, 0, 1, 0x13, 0x88}));
	/* -12345.678: digits 1, 2345, 6780; weight 1; negative; dscale 3. */
	REQUIRE(Send(numeric_send, In(numeric_in, "-12345.678")) ==
			Bytes({0, 3, 0, 1, 0x40, 0, 0, 3, 0, 1, 0x09, 0x29, 0x1a, 0x7c}));
	REQUIRE(Send(numeric_send, In(numeric_in, "0")) == Bytes({0, 0, 0, 0, 0, 0, 0, 0}));
	REQUIRE(Send(numeric_send, In(numeric_in, "NaN")) == Bytes({0, 0, 0, 0, 0xc0, 0, 0, 0}));
	REQUIRE(Send(numeric_send, In(numeric_in, "Infinity")) ==
			Bytes({0, 0, 0, 0, 0xd0, 0, 0, 0x20}));
	for (const char *v : {"1.5", "-12345.678", "0", "0.0001", "100000", "NaN", "-Infinity"})
		REQUIRE(Out(numeric_out, Recv(numeric_recv, Send(numeric_send, In(numeric_in, v)))) == v);
	/* The typmod applies as it does to text input. */
	REQUIRE(Out(numeric_out,
				Recv(numeric_recv, Send(numeric_send, In(numeric_in, "1.25")),
					 (5 << 16 | 1) + VARHDRSZ)) == "1.3");
	REQUIRE(ErrorOf([] {
				Recv(numeric_recv, Bytes({0, 0, 0, 0, 0x12, 0x34, 0, 0}));
			}) == "22P03: invalid sign in external \"numeric\" value");
	REQUIRE(ErrorOf([] {
				Recv(numeric_recv, Bytes({0, 1, 0, 0, 0, 0, 0, 0, 0x27, 0x10}));
			}) == "22P03: invalid digit in external \"numeric\" value");
}

TEST_CASE("Text-like values travel as their bytes; name and character(n) check as input does",
		  "[adt]")
{
	ScratchContext cxt;
	REQUIRE(Send(textsend, In(textin, "héllo")) == "héllo");
	REQUIRE(Out(textout, Recv(textrecv, "abc")) == "abc");
	REQUIRE(Out(nameout, Recv(namerecv, "nm")) == "nm");
	REQUIRE(ErrorOf([] { Recv(namerecv, std::string(70, 'x')); }) == "42622: identifier too long");
	REQUIRE(Out(bpcharout, Recv(bpcharrecv, "x", 4 + VARHDRSZ)) == "x   ");
	REQUIRE(ErrorOf([] { Recv(varcharrecv, "abcd", 3 + VARHDRSZ); }) ==
			"22001: value too long for type character varying(3)");
	REQUIRE(Send(byteasend, Recv(bytearecv, Bytes({0, 0xff}))) == Bytes({0, 0xff}));
	REQUIRE(Send(charsend, CharGetDatum('c')) == "c");
}

TEST_CASE("date/time values travel as PostgreSQL's integers, checked and rounded on receipt",
		  "[adt]")
{
	ScratchContext cxt;
	/* date: days since 2000-01-01. */
	REQUIRE(Send(date_send, Int32GetDatum(1)) == Bytes({0, 0, 0, 1}));
	REQUIRE(DatumGetInt32(Recv(date_recv, Bytes({0xff, 0xff, 0xff, 0xff}))) == -1);
	/* timestamp: microseconds; received with typmod 0, rounded to seconds. */
	REQUIRE(Send(timestamp_send, Int64GetDatum(1000000)) ==
			Bytes({0, 0, 0, 0, 0, 0x0f, 0x42, 0x40}));
	REQUIRE(DatumGetInt64(Recv(timestamp_recv, Send(timestamp_send, Int64GetDatum(1500000)), 0)) ==
			2000000);
	REQUIRE(DatumGetInt64(Recv(timestamptz_recv, Send(timestamptz_send, Int64GetDatum(-7)))) == -7);
	/* time: microseconds since midnight, at most a day. */
	REQUIRE(DatumGetInt64(Recv(time_recv, Send(time_send, Int64GetDatum(86400000000LL)))) ==
			86400000000LL);
	REQUIRE(ErrorOf([] { Recv(time_recv, Send(time_send, Int64GetDatum(86400000001LL))); }) ==
			"22007: time out of range");
	/* timetz: the time, then the zone in seconds west of UTC. */
	TimeTzADT tz{3600000000LL, -19800};
	std::string tzbytes = Send(timetz_send, PointerGetDatum(&tz));
	REQUIRE(tzbytes == Bytes({0, 0, 0, 0, 0xd6, 0x93, 0xa4, 0, 0xff, 0xff, 0xb2, 0xa8}));
	auto *back = DatumGetTimeTzADTP(Recv(timetz_recv, tzbytes));
	REQUIRE((back->time == tz.time && back->zone == tz.zone));
	/* interval: microseconds, days, months. */
	Interval iv{5, 2, 3};
	std::string ivbytes = Send(interval_send, PointerGetDatum(&iv));
	REQUIRE(ivbytes == Bytes({0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 2, 0, 0, 0, 3}));
	auto *ivback = DatumGetIntervalP(Recv(interval_recv, ivbytes));
	REQUIRE((ivback->time == 5 && ivback->day == 2 && ivback->month == 3));
	/* Out of range on receipt. */
	REQUIRE(ErrorOf([] {
				Recv(date_recv, Bytes({0x7f, 0xff, 0xff, 0xf0}));
			}) == "22008: date out of range");
}
