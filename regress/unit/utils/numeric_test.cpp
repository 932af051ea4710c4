/*
 * numeric_test.cpp — the numeric type: text input and output, the stored
 * layout, type modifiers, arithmetic and its result scales, the
 * transcendental functions, special values and their ordering, hashing,
 * conversions, and the aggregate helpers that need no aggregate context.
 *
 * Every expected string, byte layout, hash and error was checked against
 * PostgreSQL 15 (psql; the layouts with pageinspect).  The transition
 * functions with `internal` states need the executor's
 * AggCheckCallContext, so only their refusal outside an aggregate is
 * tested here.
 */
#include "adt_test_util.h"

#include <math.h>

#include <cstdio>

#include "utils/array.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

using tusk::adt_test::ErrorOf;
using tusk::adt_test::In;
using tusk::adt_test::InError;
using tusk::adt_test::Out;
using tusk::adt_test::ScratchContext;

namespace {

constexpr Oid kCstringOid = 2275;
constexpr Oid kInt8Oid = 20;

Datum Num(const char *s, int32 typmod = -1)
{
	return In(numeric_in, s, typmod);
}

std::string Str(Datum d)
{
	return Out(numeric_out, d);
}

/* numeric_in then numeric_out */
std::string N(const char *s, int32 typmod = -1)
{
	return Str(Num(s, typmod));
}

int32 Typmod(int precision, int scale)
{
	return ((precision << 16) | (scale & 0x7ff)) + VARHDRSZ;
}

std::string Call1(PGFunction fn, const char *a)
{
	return Str(DirectFunctionCall1(fn, Num(a)));
}

std::string Call2(PGFunction fn, const char *a, const char *b)
{
	return Str(DirectFunctionCall2(fn, Num(a), Num(b)));
}

std::string Error1(PGFunction fn, const char *a)
{
	return ErrorOf([&] { DirectFunctionCall1(fn, Num(a)); });
}

std::string Error2(PGFunction fn, const char *a, const char *b)
{
	return ErrorOf([&] { DirectFunctionCall2(fn, Num(a), Num(b)); });
}

int32 Cmp(const char *a, const char *b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, Num(a), Num(b)));
}

/* The error with its detail: "22003: message DETAIL: detail". */
std::string ErrorWithDetail(const std::function<void()> &fn)
{
	try
	{
		fn();
	}
	catch (const tusk::error::PgError &e)
	{
		return tusk::error::UnpackSqlState(e.data().sqlerrcode) + ": " + e.data().message +
			(e.data().detail.empty() ? "" : " DETAIL: " + e.data().detail);
	}
	return "no error";
}

/* The stored bytes after the 4-byte varlena header, in hex. */
std::string Payload(const char *s)
{
	auto *v = reinterpret_cast<const unsigned char *>(DatumGetPointer(Num(s)));
	std::string hex;
	for (Size i = VARHDRSZ; i < VARSIZE(v); i++)
	{
		char buf[3];
		snprintf(buf, sizeof(buf), "%02x", v[i]);
		hex += buf;
	}
	return hex;
}

/* A cstring[] of the given elements, as a type modifier list arrives. */
Datum CstringArray(std::initializer_list<const char *> elems)
{
	std::vector<Datum> d;
	for (const char *e : elems)
		d.push_back(CStringGetDatum(e));
	return PointerGetDatum(
		construct_array(d.data(), static_cast<int>(d.size()), kCstringOid, -2, false, 'c'));
}

/* A {count, sum} bigint array, the state of avg(integer). */
Datum Int8Pair(int64 count, int64 sum)
{
	Datum d[2] = {Int64GetDatum(count), Int64GetDatum(sum)};
	return PointerGetDatum(construct_array(d, 2, kInt8Oid, 8, true, 'd'));
}

}  // namespace

TEST_CASE("numeric_in reads PostgreSQL's literal forms and numeric_out keeps the display scale",
		  "[adt]")
{
	ScratchContext cxt;
	static const struct
	{
		const char *in;
		const char *out;
	} kCases[] = {
		{"0", "0"},
		{"-0.000", "0.000"},
		{"  12.340  ", "12.340"},
		{"1e5", "100000"},
		{"1.5e-3", "0.0015"},
		{".5", "0.5"},
		{"5.", "5"},
		{"+0.10", "0.10"},
		{"1E+3", "1000"},
		{"12e-2", "0.12"},
		{"1e 2", "100"}, /* the exponent is read as strtol reads it */
		{"-1.5e-2", "-0.015"},
		{"000123.4500", "123.4500"},
		{"1e-20", "0.00000000000000000001"},
		{"123456789012345678901234567890.123456789012345678901234567890",
		 "123456789012345678901234567890.123456789012345678901234567890"},
		{"NaN", "NaN"},
		{"nan", "NaN"},
		{"Infinity", "Infinity"},
		{"-inf", "-Infinity"},
		{"+infinity", "Infinity"},
		{" inf ", "Infinity"},
		{"-Infinity", "-Infinity"},
	};
	for (const auto &c : kCases)
	{
		CAPTURE(c.in);
		CHECK(N(c.in) == c.out);
	}
}

TEST_CASE("numeric_in rejects malformed text with 22P02 and unstorable values with 22003", "[adt]")
{
	ScratchContext cxt;
	for (const char *bad :
		 {"abc", "", " ", ".", "1e", "1 e5", "1.2.3", "+NaN", "1e+", "- 1", "1x", "NaNx", "e5"})
	{
		CAPTURE(bad);
		CHECK(InError(numeric_in, bad) ==
			  std::string("22P02: invalid input syntax for type numeric: \"") + bad + "\"");
	}
	CHECK(InError(numeric_in, "1e1000000000") == "22003: value overflows numeric format");
	CHECK(InError(numeric_in, "1e-16384") == "22003: value overflows numeric format");
	CHECK(InError(numeric_in, "1e131072") == "22003: value overflows numeric format");
	CHECK(InError(numeric_in, "1e-16383") == "no error");
	CHECK(InError(numeric_in, "9e131071") == "no error");
}

TEST_CASE("values are stored in PostgreSQL's layout, with the short header where it fits", "[adt]")
{
	ScratchContext cxt;
	/* header word (little-endian), [int16 weight,] base-10000 digits */
	CHECK(Payload("1.5") == "808001008813");
	CHECK(Payload("-1.5") == "80a001008813");
	CHECK(Payload("NaN") == "00c0");
	CHECK(Payload("Infinity") == "00d0");
	CHECK(Payload("-Infinity") == "00f0");
	CHECK(Payload("0") == "0080");
	CHECK(Payload("0.000") == "8081");
	CHECK(Payload("1e100") == "19800100");
	CHECK(Payload("0.001") == "ff810a00");
	CHECK(Payload("1e-200") == "c800ceff0100"); /* dscale 200: the long header */
	CHECK(Payload("123456789.987654321") ==
		  "82840100290985"
		  "1a94263815e803");
	CHECK(VARSIZE(DatumGetPointer(Num("1.5"))) == 10);
}

TEST_CASE("a type modifier rounds to its scale and refuses too many integer digits", "[adt]")
{
	ScratchContext cxt;
	CHECK(N("12.345", Typmod(5, 2)) == "12.35");
	CHECK(N("999.994", Typmod(5, 2)) == "999.99");
	CHECK(N("-999.995", Typmod(6, 2)) == "-1000.00");
	CHECK(N("0.5", Typmod(1, 0)) == "1");
	CHECK(N("1234", Typmod(3, -2)) == "1200");
	CHECK(N("0.00999", Typmod(3, 5)) == "0.00999");
	CHECK(N("2.5", Typmod(2, 0)) == "3");
	CHECK(N("1.5", Typmod(10, 5)) == "1.50000");
	CHECK(N("NaN", Typmod(5, 2)) == "NaN");

	auto in_error = [](const char *s, int32 typmod) {
		return ErrorWithDetail([&] { Num(s, typmod); });
	};
	CHECK(in_error("999.995", Typmod(5, 2)) ==
		  "22003: numeric field overflow DETAIL: A field with precision 5, scale 2 must round to "
		  "an absolute value less than 10^3.");
	CHECK(in_error("0.995", Typmod(2, 2)) ==
		  "22003: numeric field overflow DETAIL: A field with precision 2, scale 2 must round to "
		  "an absolute value less than 1.");
	CHECK(in_error("0.01", Typmod(3, 5)) ==
		  "22003: numeric field overflow DETAIL: A field with precision 3, scale 5 must round to "
		  "an absolute value less than 10^-2.");
	CHECK(in_error("inf", Typmod(5, 2)) ==
		  "22003: numeric field overflow DETAIL: A field with precision 5, scale 2 cannot hold an "
		  "infinite value.");
	/* a syntax error wins over the modifier's */
	CHECK(in_error("99999x", Typmod(2, 0)) ==
		  "22P02: invalid input syntax for type numeric: \"99999x\"");

	/* the length coercion numeric(numeric, int4) */
	auto coerce = [](const char *s, int32 typmod) {
		return Str(DirectFunctionCall2(numeric, Num(s), Int32GetDatum(typmod)));
	};
	CHECK(coerce("1.005", Typmod(5, 2)) == "1.01");
	CHECK(coerce("1.5", -1) == "1.5");
	CHECK(coerce("12345", Typmod(3, -2)) == "12300");
	CHECK(ErrorWithDetail([&] { coerce("-Infinity", Typmod(10, 0)); }) ==
		  "22003: numeric field overflow DETAIL: A field with precision 10, scale 0 cannot hold an "
		  "infinite value.");
}

TEST_CASE("numerictypmodin and numerictypmodout pack precision and a signed scale", "[adt]")
{
	ScratchContext cxt;
	auto typmodin = [](std::initializer_list<const char *> elems) {
		return DatumGetInt32(DirectFunctionCall1(numerictypmodin, CstringArray(elems)));
	};
	auto typmodout = [](int32 typmod) {
		return std::string(DatumGetCString(DirectFunctionCall1(numerictypmodout, typmod)));
	};
	CHECK(typmodin({"5", "2"}) == Typmod(5, 2));
	CHECK(typmodin({"7"}) == Typmod(7, 0));
	CHECK(typmodout(typmodin({"3", "-2"})) == "(3,-2)");
	CHECK(typmodout(typmodin({"1000", "1000"})) == "(1000,1000)");
	CHECK(typmodout(typmodin({"5", "-1000"})) == "(5,-1000)");
	CHECK(typmodout(-1) == "");
	CHECK(ErrorOf([&] { typmodin({"0"}); }) ==
		  "22023: NUMERIC precision 0 must be between 1 and 1000");
	CHECK(ErrorOf([&] { typmodin({"1001"}); }) ==
		  "22023: NUMERIC precision 1001 must be between 1 and 1000");
	CHECK(ErrorOf([&] {
			  typmodin({"5", "1001"});
		  }) == "22023: NUMERIC scale 1001 must be between -1000 and 1000");
	CHECK(ErrorOf([&] { typmodin({"1", "2", "3"}); }) == "22023: invalid NUMERIC type modifier");
	CHECK(numeric_maximum_size(Typmod(5, 2)) == 12);
	CHECK(numeric_maximum_size(-1) == -1);
}

TEST_CASE("addition, subtraction and multiplication are exact", "[adt]")
{
	ScratchContext cxt;
	CHECK(Call2(numeric_add, "1.5", "2.25") == "3.75");
	CHECK(Call2(numeric_sub, "1.5", "2.25") == "-0.75");
	CHECK(Call2(numeric_mul, "1.5", "2.25") == "3.375");
	CHECK(Call2(numeric_add, "0.1", "0.2") == "0.3");
	CHECK(Call2(numeric_sub, "1.000", "1") == "0.000");
	CHECK(Call2(numeric_mul, "99999999999999999999", "99999999999999999999") ==
		  "9999999999999999999800000000000000000001");
	CHECK(Call2(numeric_mul, "1e-10", "1e-10") == "0.00000000000000000001");
	CHECK(Call2(numeric_mul, "-0.5", "0") == "0.0");
	CHECK(Call2(numeric_add, "1e131071", "1e131071").size() == 131072);
	CHECK(Error2(numeric_mul, "1e131071", "10") == "22003: value overflows numeric format");
	CHECK(Call1(numeric_inc, "1.5") == "2.5");
}

TEST_CASE("division picks select_div_scale's scale and rounds half away from zero", "[adt]")
{
	ScratchContext cxt;
	static const struct
	{
		const char *a;
		const char *b;
		const char *q;
	} kCases[] = {
		{"1.5", "2.25", "0.66666666666666666667"},
		{"10", "3.0", "3.3333333333333333"},
		{"1", "3", "0.33333333333333333333"},
		{"2", "3", "0.66666666666666666667"},
		{"1.0", "7", "0.14285714285714285714"},
		{"1e20", "3", "33333333333333333333"},
		{"0.000123", "45.6", "0.000002697368421052631579"},
		{"-17", "0.003", "-5666.6666666666666667"},
		{"7", "7.0", "1.00000000000000000000"},
		{"1", "0.0000000000000000000000000000001",
		 "10000000000000000000000000000000.0000000000000000000000000000000"},
	};
	for (const auto &c : kCases)
	{
		CAPTURE(c.a, c.b);
		CHECK(Call2(numeric_div, c.a, c.b) == c.q);
	}
	CHECK(Call2(numeric_div, "1e100", "3").size() == 100);
	CHECK(Error2(numeric_div, "5", "0") == "22012: division by zero");
	CHECK(Error2(numeric_mod, "5", "0") == "22012: division by zero");
	CHECK(Error2(numeric_div_trunc, "5", "0.000") == "22012: division by zero");
	CHECK(Error2(numeric_div, "Infinity", "0") == "22012: division by zero");
}

TEST_CASE("div truncates toward zero and mod keeps the dividend's sign", "[adt]")
{
	ScratchContext cxt;
	CHECK(Call2(numeric_div_trunc, "7.5", "2") == "3");
	CHECK(Call2(numeric_div_trunc, "-7.5", "2") == "-3");
	CHECK(Call2(numeric_mod, "7.5", "2") == "1.5");
	CHECK(Call2(numeric_mod, "-7.5", "2") == "-1.5");
	CHECK(Call2(numeric_mod, "7", "-2.5") == "2.0");
	CHECK(Call2(numeric_mod, "7.5", "2.25") == "0.75");
}

TEST_CASE("round and trunc take negative scales; ceil and floor give integers", "[adt]")
{
	ScratchContext cxt;
	auto round = [](const char *a, int s) {
		return Str(DirectFunctionCall2(numeric_round, Num(a), Int32GetDatum(s)));
	};
	auto trunc = [](const char *a, int s) {
		return Str(DirectFunctionCall2(numeric_trunc, Num(a), Int32GetDatum(s)));
	};
	CHECK(round("2.5", 0) == "3");
	CHECK(round("-2.5", 0) == "-3");
	CHECK(round("1.2345", 2) == "1.23");
	CHECK(round("1.2355", 3) == "1.236");
	CHECK(round("1234.5", -2) == "1200");
	CHECK(round("1250", -2) == "1300");
	CHECK(round("9.99", 1) == "10.0");
	CHECK(round("0.5", -1) == "0");
	CHECK(round("5.5", -1) == "10");
	CHECK(round("123.456", -1000) == "0");
	CHECK(round("NaN", 2) == "NaN");
	CHECK(trunc("-1.999", 2) == "-1.99");
	CHECK(trunc("1234.5", -2) == "1200");
	CHECK(trunc("1.5", 3) == "1.500");
	CHECK(ErrorOf([&] { round("9e131071", -131072); }) == "22003: value overflows numeric format");

	CHECK(Call1(numeric_ceil, "1.1") == "2");
	CHECK(Call1(numeric_ceil, "-1.1") == "-1");
	CHECK(Call1(numeric_floor, "-1.1") == "-2");
	CHECK(Call1(numeric_floor, "1.9") == "1");
	CHECK(Call1(numeric_ceil, "-0.5") == "0");
	CHECK(Call1(numeric_floor, "1.00") == "1");
	CHECK(Call1(numeric_ceil, "-Infinity") == "-Infinity");
}

TEST_CASE("abs, unary minus and sign work on the stored header", "[adt]")
{
	ScratchContext cxt;
	CHECK(Call1(numeric_abs, "-1.50") == "1.50");
	CHECK(Call1(numeric_abs, "-Infinity") == "Infinity");
	CHECK(Call1(numeric_uminus, "1.5") == "-1.5");
	CHECK(Call1(numeric_uminus, "0.0") == "0.0");
	CHECK(Call1(numeric_uminus, "Infinity") == "-Infinity");
	CHECK(Call1(numeric_uminus, "NaN") == "NaN");
	CHECK(Call1(numeric_uminus, "-1e-200") == "0." + std::string(199, '0') + "1");
	CHECK(Call1(numeric_uplus, "-2.50") == "-2.50");
	CHECK(Call1(numeric_sign, "-2.5") == "-1");
	CHECK(Call1(numeric_sign, "0.0") == "0");
	CHECK(Call1(numeric_sign, "3.1") == "1");
	CHECK(Call1(numeric_sign, "NaN") == "NaN");
	CHECK(Call1(numeric_sign, "-Infinity") == "-1");
}

TEST_CASE("sqrt, exp, ln and log give at least 16 significant digits", "[adt]")
{
	ScratchContext cxt;
	CHECK(Call1(numeric_sqrt, "2") == "1.414213562373095");
	CHECK(Call1(numeric_sqrt, "2.0") == "1.414213562373095");
	CHECK(Call1(numeric_sqrt, "0.0001") == "0.01000000000000000");
	CHECK(Call1(numeric_sqrt, "1e100") == "1" + std::string(50, '0'));
	CHECK(Call1(numeric_sqrt, "0") == "0.000000000000000");
	CHECK(Call1(numeric_sqrt, "16") == "4.000000000000000");
	CHECK(Call1(numeric_sqrt, "1.00000000000000000000000001") == "1.00000000000000000000000000");
	CHECK(Call1(numeric_sqrt, "0.5") == "0.70710678118654752");

	CHECK(Call1(numeric_exp, "1") == "2.7182818284590452");
	CHECK(Call1(numeric_exp, "0") == "1.0000000000000000");
	CHECK(Call1(numeric_exp, "-1.0") == "0.3678794411714423");
	CHECK(Call1(numeric_exp, "100") == "26881171418161354484126255515800135873611119");
	CHECK(Call1(numeric_exp, "-100") == "0." + std::string(43, '0') + "3720075976020836");
	CHECK(Call1(numeric_exp, "0.5") == "1.6487212707001281");
	CHECK(Call1(numeric_exp, "1e-30") == "1.000000000000000000000000000001");
	CHECK(Call1(numeric_exp, "-Infinity") == "0");

	CHECK(Call1(numeric_ln, "2") == "0.6931471805599453");
	CHECK(Call1(numeric_ln, "10") == "2.3025850929940457");
	CHECK(Call1(numeric_ln, "1") == "0.0000000000000000");
	CHECK(Call1(numeric_ln, "0.5") == "-0.6931471805599453");
	CHECK(Call1(numeric_ln, "1e100") == "230.25850929940457");
	CHECK(Call1(numeric_ln, "1.0000000001") == "0.00000000009999999999500000");
	CHECK(Call1(numeric_ln, "12345.6789") == "9.4210613941918353");
	CHECK(
		Call1(numeric_ln, "1e-100") ==
		"-230.258509299404568401799145468436420760110148862877297603332790096757260967735248023599"
		"7205089598298342");

	CHECK(Call2(numeric_log, "2", "8") == "3.0000000000000000");
	CHECK(Call2(numeric_log, "2.0", "1024") == "10.0000000000000000");
	CHECK(Call2(numeric_log, "10", "2") == "0.3010299956639812");
	CHECK(Call2(numeric_log, "0.5", "8") == "-3.0000000000000000");
	CHECK(Call2(numeric_log, "Infinity", "2") == "0");
	CHECK(Call2(numeric_log, "2", "Infinity") == "Infinity");
}

TEST_CASE("sqrt, exp, ln and log report PostgreSQL's errors", "[adt]")
{
	ScratchContext cxt;
	CHECK(Error1(numeric_sqrt, "-1") == "2201F: cannot take square root of a negative number");
	CHECK(Error1(numeric_sqrt, "-Infinity") ==
		  "2201F: cannot take square root of a negative number");
	CHECK(Error1(numeric_exp, "6000") == "22003: value overflows numeric format");
	CHECK(Call1(numeric_exp, "-6000") == "0." + std::string(1000, '0'));
	CHECK(Error1(numeric_ln, "0") == "2201E: cannot take logarithm of zero");
	CHECK(Error1(numeric_ln, "-1") == "2201E: cannot take logarithm of a negative number");
	CHECK(Error2(numeric_log, "0", "-1") == "2201E: cannot take logarithm of zero");
	CHECK(Error2(numeric_log, "2", "-1") == "2201E: cannot take logarithm of a negative number");
	CHECK(Error2(numeric_log, "1", "10") == "22012: division by zero");
}

TEST_CASE("power follows PostgreSQL's scale rules, and POSIX for special values", "[adt]")
{
	ScratchContext cxt;
	CHECK(Call2(numeric_power, "2", "10") == "1024.0000000000000000");
	CHECK(Call2(numeric_power, "2.0", "0.5") == "1.4142135623730950");
	CHECK(Call2(numeric_power, "2", "-2") == "0.2500000000000000");
	CHECK(Call2(numeric_power, "-2", "3") == "-8.0000000000000000");
	CHECK(Call2(numeric_power, "1.5", "3") == "3.3750000000000000");
	CHECK(Call2(numeric_power, "10", "-5") == "0.0000100000000000");
	CHECK(Call2(numeric_power, "0", "0") == "1.0000000000000000");
	CHECK(Call2(numeric_power, "0.0", "2.5") == "0.0000000000000000");
	CHECK(Call2(numeric_power, "2", "100") == "1267650600228229401496703205376.0000000000000000");
	CHECK(Call2(numeric_power, "1.1", "50") == "117.3908528796953165");
	CHECK(Call2(numeric_power, "2.5", "2.5") == "9.8821176880261854");
	CHECK(Call2(numeric_power, "-1.5", "-3") == "-0.2962962962962963");
	CHECK(Call2(numeric_power, "0.5", "3.5") == "0.08838834764831844");
	CHECK(Call2(numeric_power, "10", "-131072") == "0.0000000000000000");

	CHECK(Call2(numeric_power, "NaN", "0") == "1");
	CHECK(Call2(numeric_power, "1", "NaN") == "1");
	CHECK(Call2(numeric_power, "NaN", "1") == "NaN");
	CHECK(Call2(numeric_power, "Infinity", "-1") == "0");
	CHECK(Call2(numeric_power, "-1", "Infinity") == "1");
	CHECK(Call2(numeric_power, "0.5", "-Infinity") == "Infinity");
	CHECK(Call2(numeric_power, "-Infinity", "3") == "-Infinity");
	CHECK(Call2(numeric_power, "-Infinity", "2") == "Infinity");
	CHECK(Call2(numeric_power, "2", "Infinity") == "Infinity");

	CHECK(Error2(numeric_power, "0", "-1") ==
		  "2201F: zero raised to a negative power is undefined");
	CHECK(Error2(numeric_power, "-2", "0.5") ==
		  "2201F: a negative number raised to a non-integer power yields a complex result");
	CHECK(Error2(numeric_power, "1.1", "2147483647") == "22003: value overflows numeric format");
	CHECK(Error2(numeric_power, "10", "131072") == "22003: value overflows numeric format");
}

TEST_CASE("NaN equals itself and sorts above Infinity; -Infinity sorts below every value", "[adt]")
{
	ScratchContext cxt;
	CHECK(Cmp("NaN", "NaN") == 0);
	CHECK(Cmp("NaN", "Infinity") == 1);
	CHECK(Cmp("Infinity", "NaN") == -1);
	CHECK(Cmp("Infinity", "1e131071") == 1);
	CHECK(Cmp("-Infinity", "-1e131071") == -1);
	CHECK(Cmp("-Infinity", "-Infinity") == 0);
	CHECK(Cmp("1.0", "1.00") == 0);
	CHECK(Cmp("-0.001", "0") == -1);
	CHECK(Cmp("10000", "9999.9999") == 1);
	CHECK(Cmp("-2", "-10") == 1);
	CHECK(DatumGetBool(DirectFunctionCall2(numeric_eq, Num("NaN"), Num("nan"))));
	CHECK(DatumGetBool(DirectFunctionCall2(numeric_lt, Num("1.5"), Num("NaN"))));
	CHECK(DatumGetBool(DirectFunctionCall2(numeric_ge, Num("2.0"), Num("2"))));
	CHECK_FALSE(DatumGetBool(DirectFunctionCall2(numeric_ne, Num("2.0"), Num("2"))));
	CHECK(Call2(numeric_larger, "1", "2.0") == "2.0");
	CHECK(Call2(numeric_smaller, "1", "2.0") == "1");
	CHECK(Call2(numeric_larger, "NaN", "1") == "NaN");
	CHECK(Call2(numeric_smaller, "-Infinity", "1") == "-Infinity");
	CHECK(Call2(numeric_larger, "1.0", "1.00") == "1.00");
}

TEST_CASE("NaN and the infinities combine as in IEEE arithmetic", "[adt]")
{
	ScratchContext cxt;
	CHECK(Call2(numeric_add, "NaN", "1") == "NaN");
	CHECK(Call2(numeric_add, "Infinity", "1") == "Infinity");
	CHECK(Call2(numeric_add, "Infinity", "-Infinity") == "NaN");
	CHECK(Call2(numeric_sub, "Infinity", "Infinity") == "NaN");
	CHECK(Call2(numeric_sub, "1", "Infinity") == "-Infinity");
	CHECK(Call2(numeric_mul, "Infinity", "0") == "NaN");
	CHECK(Call2(numeric_mul, "Infinity", "-2") == "-Infinity");
	CHECK(Call2(numeric_div, "1", "Infinity") == "0");
	CHECK(Call2(numeric_div, "Infinity", "Infinity") == "NaN");
	CHECK(Call2(numeric_div, "-Infinity", "2") == "-Infinity");
	CHECK(Call2(numeric_mod, "-5", "Infinity") == "-5");
	CHECK(Call2(numeric_mod, "Infinity", "3") == "NaN");
	CHECK(Call2(numeric_div_trunc, "Infinity", "-3") == "-Infinity");
}

TEST_CASE("hash_numeric ignores the display scale and gives PostgreSQL's values", "[adt]")
{
	ScratchContext cxt;
	auto hash = [](const char *s) {
		return DatumGetInt32(DirectFunctionCall1(hash_numeric, Num(s)));
	};
	auto hash_ext = [](const char *s, int64 seed) {
		return DatumGetInt64(
			DirectFunctionCall2(hash_numeric_extended, Num(s), Int64GetDatum(seed)));
	};
	CHECK(hash("1.5") == 692967894);
	CHECK(hash("1.50") == 692967894);
	CHECK(hash("-1.5") == 692967894);
	CHECK(hash("0") == -1);
	CHECK(hash("NaN") == 0);
	CHECK(hash("12345678901234567890") == 2046495749);
	CHECK(hash("0.0001") == -1324868425);
	CHECK(hash("1e100") == 1324868433);
	CHECK(hash("123456789012.345678901234") == 1062226034);
	CHECK(hash_ext("1.5", 0) == INT64_C(-8828336294488843818));
	CHECK(hash_ext("1.5", 1) == INT64_C(-5884919433362560192));
	CHECK(hash_ext("0", 7) == 6);
	CHECK(hash_ext("Infinity", 9) == 9);
	CHECK(hash_ext("-12345678901234567890.12345", 42) == INT64_C(8294753450379080435));
}

TEST_CASE("conversions to integers round half away from zero and report overflow", "[adt]")
{
	ScratchContext cxt;
	auto to_int4 = [](const char *s) {
		return DatumGetInt32(DirectFunctionCall1(numeric_int4, Num(s)));
	};
	CHECK(to_int4("1.5") == 2);
	CHECK(to_int4("2.5") == 3);
	CHECK(to_int4("-2.5") == -3);
	CHECK(to_int4("1.49") == 1);
	CHECK(to_int4("-0.5") == -1);
	CHECK(to_int4("2147483647.4") == 2147483647);
	CHECK(DatumGetInt16(DirectFunctionCall1(numeric_int2, Num("-32768.4"))) == -32768);
	CHECK(DatumGetInt64(DirectFunctionCall1(numeric_int8, Num("9223372036854775807"))) ==
		  PG_INT64_MAX);
	CHECK(DatumGetInt64(DirectFunctionCall1(numeric_int8, Num("-9223372036854775808"))) ==
		  PG_INT64_MIN);
	CHECK(Error1(numeric_int4, "2147483647.5") == "22003: integer out of range");
	CHECK(Error1(numeric_int2, "32767.5") == "22003: smallint out of range");
	CHECK(Error1(numeric_int8, "9223372036854775807.5") == "22003: bigint out of range");
	CHECK(Error1(numeric_int8, "1e100") == "22003: bigint out of range");
	CHECK(Error1(numeric_int4, "NaN") == "0A000: cannot convert NaN to integer");
	CHECK(Error1(numeric_int8, "Infinity") == "0A000: cannot convert infinity to bigint");
	CHECK(Error1(numeric_int2, "-Infinity") == "0A000: cannot convert infinity to smallint");

	CHECK(Str(DirectFunctionCall1(int2_numeric, Int16GetDatum(-12))) == "-12");
	CHECK(Str(DirectFunctionCall1(int4_numeric, Int32GetDatum(PG_INT32_MIN))) == "-2147483648");
	CHECK(Str(DirectFunctionCall1(int8_numeric, Int64GetDatum(PG_INT64_MIN))) ==
		  "-9223372036854775808");
	CHECK(Str(PointerGetDatum(int64_div_fast_to_numeric(12345, 2))) == "123.45");
	CHECK(Str(PointerGetDatum(int64_div_fast_to_numeric(12345, -2))) == "1234500");
}

TEST_CASE("conversions to and from the floats go through their text", "[adt]")
{
	ScratchContext cxt;
	auto to_f8 = [](const char *s) {
		return Out(float8out, DirectFunctionCall1(numeric_float8, Num(s)));
	};
	auto to_f4 = [](const char *s) {
		return Out(float4out, DirectFunctionCall1(numeric_float4, Num(s)));
	};
	CHECK(to_f8("1.5") == "1.5");
	CHECK(to_f8("0.1") == "0.1");
	CHECK(to_f8("1e308") == "1e+308");
	CHECK(to_f8("1e-320") == "1e-320");
	CHECK(to_f8("NaN") == "NaN");
	CHECK(to_f4("-Infinity") == "-Infinity");
	CHECK(to_f4("1.5") == "1.5");
	CHECK(to_f4("123456789.123") == "1.2345679e+08");
	CHECK(Error1(numeric_float8, "1e309") ==
		  "22003: \"1" + std::string(309, '0') + "\" is out of range for type double precision");
	CHECK(Error1(numeric_float4, "1e39") ==
		  "22003: \"1" + std::string(39, '0') + "\" is out of range for type real");
	CHECK(DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, Num("1e400"))) ==
		  HUGE_VAL);

	auto from_f8 = [](double v) {
		return Str(DirectFunctionCall1(float8_numeric, Float8GetDatum(v)));
	};
	auto from_f4 = [](float v) {
		return Str(DirectFunctionCall1(float4_numeric, Float4GetDatum(v)));
	};
	CHECK(from_f8(0.1) == "0.1");
	CHECK(from_f8(1.0000000000000002) == "1");
	CHECK(from_f8(1e-5) == "0.00001");
	CHECK(from_f8(-0.0) == "0");
	CHECK(from_f8(1e20) == "100000000000000000000");
	CHECK(from_f8(3.14159265358979) == "3.14159265358979");
	CHECK(from_f8(NAN) == "NaN");
	CHECK(from_f8(-INFINITY) == "-Infinity");
	CHECK(from_f4(123456789.123f) == "123457000");
	CHECK(from_f4(0.1f) == "0.1");
	CHECK(from_f4(1e-7f) == "0.0000001");
}

TEST_CASE("gcd, lcm and factorial", "[adt]")
{
	ScratchContext cxt;
	CHECK(Call2(numeric_gcd, "12.0", "18") == "6.0");
	CHECK(Call2(numeric_gcd, "-12", "18") == "6");
	CHECK(Call2(numeric_gcd, "0", "0") == "0");
	CHECK(Call2(numeric_gcd, "1.5", "0.25") == "0.25");
	CHECK(Call2(numeric_gcd, "NaN", "1") == "NaN");
	CHECK(Call2(numeric_lcm, "4", "6") == "12");
	CHECK(Call2(numeric_lcm, "-4", "6.00") == "12.00");
	CHECK(Call2(numeric_lcm, "0", "5") == "0");
	auto fac = [](int64 n) { return Str(DirectFunctionCall1(numeric_fac, Int64GetDatum(n))); };
	CHECK(fac(20) == "2432902008176640000");
	CHECK(fac(0) == "1");
	CHECK(fac(25) == "15511210043330985984000000");
	CHECK(ErrorOf([&] { fac(-1); }) == "22003: factorial of a negative number is undefined");
	CHECK(ErrorOf([&] { fac(32178); }) == "22003: value overflows numeric format");
}

TEST_CASE("scale, min_scale and trim_scale", "[adt]")
{
	ScratchContext cxt;
	auto int_of = [](PGFunction fn, const char *s) {
		return DatumGetInt32(DirectFunctionCall1(fn, Num(s)));
	};
	CHECK(int_of(numeric_scale, "1.50") == 2);
	CHECK(int_of(numeric_scale, "0") == 0);
	CHECK(int_of(numeric_min_scale, "1.500") == 1);
	CHECK(int_of(numeric_min_scale, "0.00") == 0);
	CHECK(int_of(numeric_min_scale, "100") == 0);
	CHECK(int_of(numeric_min_scale, "1.23e-10") == 12);
	CHECK(Call1(numeric_trim_scale, "1.500") == "1.5");
	CHECK(Call1(numeric_trim_scale, "100.00") == "100");
	CHECK(Call1(numeric_trim_scale, "0.00") == "0");
	CHECK(Call1(numeric_trim_scale, "1.23e-10") == "0.000000000123");
}

TEST_CASE("width_bucket over numeric bounds", "[adt]")
{
	ScratchContext cxt;
	auto bucket = [](const char *op, const char *lo, const char *hi, int32 count) {
		/* four arguments: no DirectFunctionCall4, so by hand */
		LOCAL_FCINFO(fcinfo, 4);
		InitFunctionCallInfoData(*fcinfo, nullptr, 4, InvalidOid, nullptr, nullptr);
		Datum args[4] = {Num(op), Num(lo), Num(hi), Int32GetDatum(count)};
		for (int i = 0; i < 4; i++)
		{
			fcinfo->args[i].value = args[i];
			fcinfo->args[i].isnull = false;
		}
		return DatumGetInt32(width_bucket_numeric(fcinfo));
	};
	CHECK(bucket("5.35", "0.024", "10.06", 5) == 3);
	CHECK(bucket("-1", "0", "10", 5) == 0);
	CHECK(bucket("10", "0", "10", 5) == 6);
	CHECK(bucket("5", "10", "0", 4) == 3);
	CHECK(bucket("0", "10", "0", 4) == 5);
	CHECK(bucket("Infinity", "0", "10", 3) == 4);
	CHECK(bucket("3.33333", "0", "10", 3) == 1);
	CHECK(ErrorOf([&] { bucket("1", "0", "Infinity", 3); }) ==
		  "2201G: lower and upper bounds must be finite");
	CHECK(ErrorOf([&] { bucket("1", "1", "1", 3); }) ==
		  "2201G: lower bound cannot equal upper bound");
	CHECK(ErrorOf([&] { bucket("1", "0", "2", 0); }) == "2201G: count must be greater than zero");
}

TEST_CASE("avg and sum of smallint and integer keep {count, sum} arrays", "[adt]")
{
	ScratchContext cxt;
	Datum state = DirectFunctionCall2(int4_avg_accum, Int8Pair(0, 0), Int32GetDatum(5));
	state = DirectFunctionCall2(int4_avg_accum, state, Int32GetDatum(6));
	CHECK(Str(DirectFunctionCall1(int8_avg, state)) == "5.5000000000000000");
	CHECK(Str(DirectFunctionCall1(int8_avg, Int8Pair(3, 10))) == "3.3333333333333333");
	CHECK(DatumGetInt64(DirectFunctionCall1(int2int4_sum, Int8Pair(3, 10))) == 10);
	state = DirectFunctionCall2(int4_avg_accum_inv, Int8Pair(3, 10), Int32GetDatum(4));
	CHECK(Str(DirectFunctionCall1(int8_avg, state)) == "3.0000000000000000");
	CHECK(ErrorOf([&] {
			  Datum d[3] = {Int64GetDatum(1), Int64GetDatum(2), Int64GetDatum(3)};
			  DirectFunctionCall1(int8_avg,
								  PointerGetDatum(construct_array(d, 3, kInt8Oid, 8, true, 'd')));
		  }) == "XX000: expected 2-element int8 array");
}

TEST_CASE("transition functions with internal states refuse to run outside an aggregate", "[adt]")
{
	ScratchContext cxt;
	LOCAL_FCINFO(fcinfo, 2);
	InitFunctionCallInfoData(*fcinfo, nullptr, 2, InvalidOid, nullptr, nullptr);
	fcinfo->args[0].value = 0;
	fcinfo->args[0].isnull = true;
	fcinfo->args[1].value = Num("1.5");
	fcinfo->args[1].isnull = false;
	for (PGFunction fn : {numeric_accum, numeric_avg_accum, int8_avg_accum, int4_accum, int8_accum})
		CHECK(ErrorOf([&] { fn(fcinfo); }) ==
			  "XX000: aggregate function called in non-aggregate context");
	/* the final functions of an empty (null) state are null */
	fcinfo->isnull = false;
	numeric_avg(fcinfo);
	CHECK(fcinfo->isnull);
	fcinfo->isnull = false;
	numeric_poly_stddev_samp(fcinfo);
	CHECK(fcinfo->isnull);
}
