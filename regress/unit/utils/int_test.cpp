/*
 * int_test.cpp — smallint, integer, bigint, oid, boolean, "char", xid,
 * cid and tid: input and output, overflow errors, cross-type operators,
 * conversions, and the int2vector and oidvector types.
 */
#include "adt_test_util.h"

using tusk::adt_test::ErrorOf;
using tusk::adt_test::In;
using tusk::adt_test::InError;
using tusk::adt_test::Out;
using tusk::adt_test::RoundTrip;
using tusk::adt_test::ScratchContext;

namespace {

Datum I4(PGFunction fn, int32 a, int32 b)
{
	return DirectFunctionCall2(fn, Int32GetDatum(a), Int32GetDatum(b));
}

Datum I2(PGFunction fn, int16 a, int16 b)
{
	return DirectFunctionCall2(fn, Int16GetDatum(a), Int16GetDatum(b));
}

Datum I8(PGFunction fn, int64 a, int64 b)
{
	return DirectFunctionCall2(fn, Int64GetDatum(a), Int64GetDatum(b));
}

}  // namespace

TEST_CASE("integer input allows blanks and a sign, and reports PostgreSQL's errors", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(RoundTrip(int4in, int4out, "  12  ") == "12");
	REQUIRE(RoundTrip(int2in, int2out, " +0 ") == "0");
	REQUIRE(RoundTrip(int4in, int4out, "-2147483648") == "-2147483648");
	REQUIRE(RoundTrip(int4in, int4out, "2147483647") == "2147483647");
	REQUIRE(RoundTrip(int2in, int2out, " -32768") == "-32768");
	REQUIRE(RoundTrip(int8in, int8out, "-9223372036854775808") == "-9223372036854775808");

	REQUIRE(InError(int4in, "abc") == "22P02: invalid input syntax for type integer: \"abc\"");
	REQUIRE(InError(int4in, "99999999999") ==
			"22003: value \"99999999999\" is out of range for type integer");
	/* the overflow is noticed before the junk */
	REQUIRE(InError(int4in, "99999999999abc") ==
			"22003: value \"99999999999abc\" is out of range for type integer");
	REQUIRE(InError(int4in, "2147483648") ==
			"22003: value \"2147483648\" is out of range for type integer");
	REQUIRE(InError(int4in, "-2147483649") ==
			"22003: value \"-2147483649\" is out of range for type integer");
	REQUIRE(InError(int2in, "32768") == "22003: value \"32768\" is out of range for type smallint");
	REQUIRE(InError(int8in, "9223372036854775808") ==
			"22003: value \"9223372036854775808\" is out of range for type bigint");
	REQUIRE(InError(int8in, "") == "22P02: invalid input syntax for type bigint: \"\"");
	REQUIRE(InError(int4in, "  ") == "22P02: invalid input syntax for type integer: \"  \"");
	REQUIRE(InError(int4in, "1 2") == "22P02: invalid input syntax for type integer: \"1 2\"");
	REQUIRE(InError(int4in, "+") == "22P02: invalid input syntax for type integer: \"+\"");
	REQUIRE(InError(int2in, "-") == "22P02: invalid input syntax for type smallint: \"-\"");
	REQUIRE(InError(int4in, "12e3") == "22P02: invalid input syntax for type integer: \"12e3\"");
	REQUIRE(InError(int4in, "0x10") == "22P02: invalid input syntax for type integer: \"0x10\"");
	REQUIRE(pg_strtoint32(" 42 ") == 42);
	REQUIRE(ErrorOf([] { pg_strtoint16("40000"); }) ==
			"22003: value \"40000\" is out of range for type smallint");
}

TEST_CASE("integer arithmetic reports overflow and division by zero", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(ErrorOf([] { I4(int4pl, PG_INT32_MAX, 1); }) == "22003: integer out of range");
	REQUIRE(ErrorOf([] { I4(int4mi, PG_INT32_MIN, 1); }) == "22003: integer out of range");
	REQUIRE(ErrorOf([] { I4(int4mul, 65536, 65536); }) == "22003: integer out of range");
	REQUIRE(ErrorOf([] { I2(int2mul, -32768, -1); }) == "22003: smallint out of range");
	REQUIRE(ErrorOf([] { I8(int8pl, PG_INT64_MAX, 1); }) == "22003: bigint out of range");
	REQUIRE(ErrorOf([] { I4(int4div, 1, 0); }) == "22012: division by zero");
	REQUIRE(ErrorOf([] { I8(int8mod, 1, 0); }) == "22012: division by zero");
	REQUIRE(ErrorOf([] { I4(int4div, PG_INT32_MIN, -1); }) == "22003: integer out of range");
	REQUIRE(ErrorOf([] { I2(int2div, -32768, -1); }) == "22003: smallint out of range");
	REQUIRE(ErrorOf([] { I8(int8div, PG_INT64_MIN, -1); }) == "22003: bigint out of range");
	REQUIRE(ErrorOf([] { DirectFunctionCall1(int4abs, Int32GetDatum(PG_INT32_MIN)); }) ==
			"22003: integer out of range");
	REQUIRE(ErrorOf([] { DirectFunctionCall1(int4um, Int32GetDatum(PG_INT32_MIN)); }) ==
			"22003: integer out of range");
	REQUIRE(ErrorOf([] { DirectFunctionCall1(int8um, Int64GetDatum(PG_INT64_MIN)); }) ==
			"22003: bigint out of range");

	/* x % -1 is 0, even for the most negative x; division truncates */
	REQUIRE(DatumGetInt32(I4(int4mod, PG_INT32_MIN, -1)) == 0);
	REQUIRE(DatumGetInt32(I4(int4mod, 5, -1)) == 0);
	REQUIRE(DatumGetInt32(I4(int4div, 7, -2)) == -3);
	REQUIRE(DatumGetInt32(I4(int4mod, -7, 3)) == -1);
	REQUIRE(DatumGetInt64(I8(int8mod, PG_INT64_MIN, -1)) == 0);
	REQUIRE(DatumGetInt32(I4(int4larger, -1, 3)) == 3);
	REQUIRE(DatumGetInt16(I2(int2smaller, -1, 3)) == -1);
}

TEST_CASE("cross-type integer operators widen before computing", "[adt]")
{
	ScratchContext cxt;
	/* smallint + integer is integer: no smallint overflow */
	REQUIRE(DatumGetInt32(DirectFunctionCall2(int24pl, Int16GetDatum(5), Int32GetDatum(100000))) ==
			100005);
	REQUIRE(ErrorOf([] {
				DirectFunctionCall2(int42mul, Int32GetDatum(PG_INT32_MAX), Int16GetDatum(2));
			}) == "22003: integer out of range");
	REQUIRE(DatumGetInt64(DirectFunctionCall2(int48mul, Int32GetDatum(PG_INT32_MAX),
											  Int64GetDatum(2))) == 4294967294LL);
	REQUIRE(ErrorOf([] {
				DirectFunctionCall2(int84div, Int64GetDatum(PG_INT64_MIN), Int32GetDatum(-1));
			}) == "22003: bigint out of range");
	REQUIRE(ErrorOf([] { DirectFunctionCall2(int28div, Int16GetDatum(1), Int64GetDatum(0)); }) ==
			"22012: division by zero");
	REQUIRE(DatumGetBool(DirectFunctionCall2(int24lt, Int16GetDatum(-1), Int32GetDatum(70000))));
	REQUIRE(DatumGetBool(DirectFunctionCall2(int84eq, Int64GetDatum(7), Int32GetDatum(7))));
	REQUIRE(DatumGetBool(DirectFunctionCall2(int28ge, Int16GetDatum(7), Int64GetDatum(7))));
	REQUIRE_FALSE(
		DatumGetBool(DirectFunctionCall2(int48gt, Int32GetDatum(7), Int64GetDatum(1LL << 40))));
}

TEST_CASE("btree comparison functions order integers", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(DatumGetInt32(I4(btint4cmp, PG_INT32_MIN, PG_INT32_MAX)) < 0);
	REQUIRE(DatumGetInt32(I4(btint4cmp, 5, 5)) == 0);
	REQUIRE(DatumGetInt32(I2(btint2cmp, 3, -3)) > 0);
	REQUIRE(DatumGetInt32(I8(btint8cmp, PG_INT64_MAX, PG_INT64_MIN)) > 0);
	REQUIRE(DatumGetInt32(DirectFunctionCall2(btint24cmp, Int16GetDatum(1), Int32GetDatum(2))) < 0);
	REQUIRE(DatumGetInt32(
				DirectFunctionCall2(btint82cmp, Int64GetDatum(1LL << 40), Int16GetDatum(2))) > 0);
	REQUIRE(DatumGetInt32(DirectFunctionCall2(btoidcmp, ObjectIdGetDatum(4000000000u),
											  ObjectIdGetDatum(1))) > 0);
}

TEST_CASE("shift counts wrap modulo the operand width, as on PostgreSQL's hardware", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(DatumGetInt32(I4(int4shl, 1, 32)) == 1);
	REQUIRE(DatumGetInt32(I4(int4shl, 1, -1)) == PG_INT32_MIN);
	REQUIRE(DatumGetInt32(I4(int4shr, -8, 1)) == -4);
	REQUIRE(DatumGetInt16(DirectFunctionCall2(int2shl, Int16GetDatum(1), Int32GetDatum(15))) ==
			-32768);
	REQUIRE(DatumGetInt16(DirectFunctionCall2(int2shl, Int16GetDatum(1), Int32GetDatum(16))) == 0);
	REQUIRE(DatumGetInt64(DirectFunctionCall2(int8shl, Int64GetDatum(1), Int32GetDatum(64))) == 1);
	REQUIRE(DatumGetInt32(DirectFunctionCall1(int4not, Int32GetDatum(0))) == -1);
	REQUIRE(DatumGetInt32(I4(int4xor, 6, 3)) == 5);
}

TEST_CASE("integer conversions check the target range", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(ErrorOf([] { DirectFunctionCall1(i4toi2, Int32GetDatum(100000)); }) ==
			"22003: smallint out of range");
	REQUIRE(ErrorOf([] { DirectFunctionCall1(int84, Int64GetDatum(3000000000LL)); }) ==
			"22003: integer out of range");
	REQUIRE(ErrorOf([] { DirectFunctionCall1(int82, Int64GetDatum(40000)); }) ==
			"22003: smallint out of range");
	REQUIRE(ErrorOf([] { DirectFunctionCall1(i8tooid, Int64GetDatum(-1)); }) ==
			"22003: OID out of range");
	REQUIRE(ErrorOf([] { DirectFunctionCall1(i8tooid, Int64GetDatum(4294967296LL)); }) ==
			"22003: OID out of range");
	REQUIRE(DatumGetInt64(DirectFunctionCall1(oidtoi8, ObjectIdGetDatum(4294967295u))) ==
			4294967295LL);
	REQUIRE(DatumGetBool(DirectFunctionCall1(int4_bool, Int32GetDatum(-5))));
	REQUIRE(DatumGetInt32(DirectFunctionCall1(bool_int4, BoolGetDatum(true))) == 1);
	REQUIRE(DatumGetInt64(DirectFunctionCall1(int8inc, Int64GetDatum(41))) == 42);
	REQUIRE(ErrorOf([] { DirectFunctionCall1(int8inc, Int64GetDatum(PG_INT64_MAX)); }) ==
			"22003: bigint out of range");
}

TEST_CASE("int2vector and oidvector read and print space-separated numbers", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(RoundTrip(int2vectorin, int2vectorout, "1 2 3") == "1 2 3");
	REQUIRE(RoundTrip(int2vectorin, int2vectorout, "  1   -2 ") == "1 -2");
	REQUIRE(RoundTrip(int2vectorin, int2vectorout, "") == "");
	REQUIRE(InError(int2vectorin, "1\t2") ==
			"22P02: invalid input syntax for type smallint: \"1\t2\"");
	REQUIRE(InError(int2vectorin, "1 99999") ==
			"22003: value \"99999\" is out of range for type smallint");
	REQUIRE(InError(int2vectorin, "1 x") == "22P02: invalid input syntax for type smallint: \"x\"");

	auto *v = reinterpret_cast<int2vector *>(DatumGetPointer(In(int2vectorin, "4 5")));
	REQUIRE(v->ndim == 1);
	REQUIRE(v->lbound1 == 0);
	REQUIRE(v->dim1 == 2);
	REQUIRE(v->values[1] == 5);

	REQUIRE(RoundTrip(oidvectorin, oidvectorout, "  1  2 ") == "1 2");
	REQUIRE(InError(oidvectorin, "1 2 x") == "22P02: invalid input syntax for type oid: \"x\"");
	Datum a = In(oidvectorin, "1 2");
	Datum b = In(oidvectorin, "1 3");
	Datum c = In(oidvectorin, "5");
	REQUIRE(DatumGetBool(DirectFunctionCall2(oidvectorlt, a, b)));
	REQUIRE(DatumGetBool(DirectFunctionCall2(oidvectorgt, a, c))); /* longer sorts later */
	REQUIRE(DatumGetBool(DirectFunctionCall2(oidvectoreq, a, In(oidvectorin, "1 2"))));

	oidvector *bad = buildoidvector(nullptr, 1);
	bad->elemtype = 23;
	REQUIRE(ErrorOf([&] { Out(oidvectorout, PointerGetDatum(bad)); }) ==
			"42804: array is not a valid oidvector");
}

TEST_CASE("oid input wraps negative numbers that fit 32 bits either way", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(RoundTrip(oidin, oidout, "-1") == "4294967295");
	REQUIRE(RoundTrip(oidin, oidout, " 12 ") == "12");
	REQUIRE(RoundTrip(oidin, oidout, "-2147483648") == "2147483648");
	REQUIRE(InError(oidin, "x") == "22P02: invalid input syntax for type oid: \"x\"");
	REQUIRE(InError(oidin, "") == "22P02: invalid input syntax for type oid: \"\"");
	REQUIRE(InError(oidin, "4294967296") ==
			"22003: value \"4294967296\" is out of range for type oid");
	REQUIRE(InError(oidin, "-4294967295") ==
			"22003: value \"-4294967295\" is out of range for type oid");
	REQUIRE(InError(oidin, "-2147483649") ==
			"22003: value \"-2147483649\" is out of range for type oid");
}

TEST_CASE("boolean input takes PostgreSQL's spellings and unique prefixes", "[adt]")
{
	ScratchContext cxt;
	for (const char *t : {"t", " yes ", "ON", "1", "tr", "TRUE"})
		REQUIRE(RoundTrip(boolin, boolout, t) == "t");
	for (const char *f : {"f", "n", "of", "0", "False", "  no"})
		REQUIRE(RoundTrip(boolin, boolout, f) == "f");
	REQUIRE(InError(boolin, "o") == "22P02: invalid input syntax for type boolean: \"o\"");
	REQUIRE(InError(boolin, "truex") == "22P02: invalid input syntax for type boolean: \"truex\"");
	REQUIRE(InError(boolin, "") == "22P02: invalid input syntax for type boolean: \"\"");
	REQUIRE(InError(boolin, "  ") == "22P02: invalid input syntax for type boolean: \"  \"");
	REQUIRE(tusk::adt_test::Str(DirectFunctionCall1(booltext, BoolGetDatum(true))) == "true");
	REQUIRE(DatumGetBool(DirectFunctionCall2(boollt, BoolGetDatum(false), BoolGetDatum(true))));
	REQUIRE(DatumGetInt32(DirectFunctionCall2(btboolcmp, BoolGetDatum(true), BoolGetDatum(false))) >
			0);
	REQUIRE_FALSE(DatumGetBool(
		DirectFunctionCall2(booland_statefunc, BoolGetDatum(true), BoolGetDatum(false))));
	REQUIRE(DatumGetBool(
		DirectFunctionCall2(boolor_statefunc, BoolGetDatum(false), BoolGetDatum(true))));
}

TEST_CASE("\"char\" prints high bytes in octal and compares unsigned", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(RoundTrip(charin, charout, "a") == "a");
	REQUIRE(RoundTrip(charin, charout, "") == "");
	REQUIRE(RoundTrip(charin, charout, "é") == "\\303"); /* the first byte of é */
	REQUIRE(RoundTrip(charin, charout, "\\101") == "A");
	REQUIRE(RoundTrip(charin, charout, "\\377") == "\\377");
	REQUIRE(DatumGetInt32(DirectFunctionCall1(chartoi4, In(charin, "é"))) == -61);
	REQUIRE(ErrorOf([] { DirectFunctionCall1(i4tochar, Int32GetDatum(300)); }) ==
			"22003: \"char\" out of range");
	REQUIRE(tusk::adt_test::Str(DirectFunctionCall1(char_text, CharGetDatum(127))) == "\x7f");
	REQUIRE(tusk::adt_test::Str(DirectFunctionCall1(char_text, CharGetDatum(-1))) == "\\377");
	REQUIRE(tusk::adt_test::Str(DirectFunctionCall1(char_text, CharGetDatum(0))) == "");
	REQUIRE(DatumGetChar(DirectFunctionCall1(text_char, tusk::adt_test::Text(""))) == '\0');
	REQUIRE(DatumGetBool(DirectFunctionCall2(chargt, CharGetDatum(-1), CharGetDatum('a'))));
	REQUIRE(DatumGetInt32(DirectFunctionCall2(btcharcmp, CharGetDatum(-1), CharGetDatum('a'))) > 0);
}

TEST_CASE("xid and cid read with strtoul's base 0 and no checks; tid is (block,offset)", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(RoundTrip(xidin, xidout, "abc") == "0");
	REQUIRE(RoundTrip(xidin, xidout, "0x10") == "16");
	REQUIRE(RoundTrip(xidin, xidout, "-1") == "4294967295");
	REQUIRE(RoundTrip(xidin, xidout, " 12x") == "12");
	REQUIRE(RoundTrip(xidin, xidout, "99999999999") == "1215752191");
	REQUIRE(RoundTrip(cidin, cidout, "010") == "8");
	REQUIRE(RoundTrip(xid8in, xid8out, "0x10") == "16");
	REQUIRE(RoundTrip(xid8in, xid8out, "-1") == "18446744073709551615");

	REQUIRE(RoundTrip(tidin, tidout, "(1,2)") == "(1,2)");
	REQUIRE(RoundTrip(tidin, tidout, "(4294967295,65535)") == "(4294967295,65535)");
	REQUIRE(RoundTrip(tidin, tidout, "(-1,0)") == "(4294967295,0)");
	REQUIRE(RoundTrip(tidin, tidout, "( 1, 2)") == "(1,2)");
	REQUIRE(RoundTrip(tidin, tidout, "(1,2)x") == "(1,2)");
	REQUIRE(RoundTrip(tidin, tidout, "x(1,2)") == "(1,2)");
	for (const char *bad : {"( 3 , 4 )", "(1,2", "(1,65536)", "1,2)", "(4294967296,1)"})
		REQUIRE(InError(tidin, bad) ==
				std::string("22P02: invalid input syntax for type tid: \"") + bad + "\"");
	REQUIRE(DatumGetBool(DirectFunctionCall2(tidlt, In(tidin, "(1,9)"), In(tidin, "(2,1)"))));
	REQUIRE(DatumGetInt32(DirectFunctionCall2(bttidcmp, In(tidin, "(2,2)"), In(tidin, "(2,1)"))) >
			0);
}
