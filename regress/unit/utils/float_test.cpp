/*
 * float_test.cpp — real and double precision: input, output in
 * PostgreSQL 15's shortest-exact layout and with extra_float_digits <= 0,
 * arithmetic errors, NaN ordering, conversions to integers.
 */
#include "adt_test_util.h"

#include <math.h>

using tusk::adt_test::ErrorOf;
using tusk::adt_test::In;
using tusk::adt_test::InError;
using tusk::adt_test::Out;
using tusk::adt_test::RoundTrip;
using tusk::adt_test::ScratchContext;

namespace {

std::string F8(const char *s)
{
	return RoundTrip(float8in, float8out, s);
}

std::string F4(const char *s)
{
	return RoundTrip(float4in, float4out, s);
}

std::string F8Out(double v)
{
	return Out(float8out, Float8GetDatum(v));
}

Datum F8Call(PGFunction fn, double a)
{
	return DirectFunctionCall1(fn, Float8GetDatum(a));
}

Datum F8Call(PGFunction fn, double a, double b)
{
	return DirectFunctionCall2(fn, Float8GetDatum(a), Float8GetDatum(b));
}

/* Sets extra_float_digits for one scope. */
class ExtraFloatDigits
{
  public:
	explicit ExtraFloatDigits(int v) : old_(extra_float_digits) { extra_float_digits = v; }
	~ExtraFloatDigits() { extra_float_digits = old_; }
	ExtraFloatDigits(const ExtraFloatDigits &) = delete;
	ExtraFloatDigits &operator=(const ExtraFloatDigits &) = delete;

  private:
	int old_;
};

}  // namespace

TEST_CASE("float8 and float4 print the shortest exact decimal in PostgreSQL's layout", "[adt]")
{
	ScratchContext cxt;
	/* input, float8 output, float4 output: as PostgreSQL 15 prints them */
	static const struct
	{
		const char *in;
		const char *f8;
		const char *f4;
	} kCases[] = {
		{"0.1", "0.1", "0.1"},
		{"1e20", "1e+20", "1e+20"},
		{"1e-5", "1e-05", "1e-05"},
		{"-0", "-0", "-0"},
		{"0", "0", "0"},
		{"1e15", "1e+15", "1e+15"},
		{"1e14", "100000000000000", "1e+14"},
		{"123456789012345", "123456789012345", "1.2345679e+14"},
		{"1234567890123456", "1.234567890123456e+15", "1.234568e+15"},
		{"0.0001", "0.0001", "0.0001"},
		{"0.00001", "1e-05", "1e-05"},
		{"1.5", "1.5", "1.5"},
		{"-1.5", "-1.5", "-1.5"},
		{"3.14159265358979", "3.14159265358979", "3.1415927"},
		{"0.3", "0.3", "0.3"},
		{"100", "100", "100"},
		{"1e16", "1e+16", "1e+16"},
		{"9007199254740993", "9.007199254740992e+15", "9.007199e+15"},
		{"12345.678", "12345.678", "12345.678"},
		{"-1e-4", "-0.0001", "-0.0001"},
		{"NaN", "NaN", "NaN"},
		{"nan", "NaN", "NaN"},
		{"Infinity", "Infinity", "Infinity"},
		{"-Infinity", "-Infinity", "-Infinity"},
		{"inf", "Infinity", "Infinity"},
		{"-inf", "-Infinity", "-Infinity"},
		{"+inf", "Infinity", "Infinity"},
		{"  42  ", "42", "42"},
		{"0x10", "16", "16"},
		{"1.0000000000000002", "1.0000000000000002", "1"},
		{"0.1e1", "1", "1"},
		{"2.5e-5", "2.5e-05", "2.5e-05"},
	};
	for (const auto &c : kCases)
	{
		CAPTURE(c.in);
		REQUIRE(F8(c.in) == c.f8);
		REQUIRE(F4(c.in) == c.f4);
	}
}

TEST_CASE("float8 output reaches the extremes: largest, smallest normal, denormals", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(F8("1.7976931348623157e308") == "1.7976931348623157e+308");
	REQUIRE(F8("2.2250738585072014e-308") == "2.2250738585072014e-308");
	REQUIRE(F8("5e-324") == "5e-324");
	REQUIRE(F8("4.9e-324") == "5e-324");
	REQUIRE(F8("1e-310") == "1e-310");
	REQUIRE(F8("1e-320") == "1e-320");
	REQUIRE(F8("1e100") == "1e+100");
	REQUIRE(F8("1.23e-100") == "1.23e-100");
	REQUIRE(F8("1e308") == "1e+308");
	REQUIRE(F8Out(1.0 / 3) == "0.3333333333333333");
	REQUIRE(F8Out(2.0 / 3) == "0.6666666666666666");
}

TEST_CASE("float4 output switches to exponent form from 1e+06", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(F4("3.4028235e38") == "3.4028235e+38");
	REQUIRE(F4("1.4e-45") == "1e-45");
	REQUIRE(F4("1e-40") == "1e-40");
	REQUIRE(F4("16777216") == "1.6777216e+07");
	REQUIRE(F4("16777217") == "1.6777216e+07");
	REQUIRE(F4("1e6") == "1e+06");
	REQUIRE(F4("999999") == "999999");
	REQUIRE(F4("0.1e-3") == "0.0001");
}

TEST_CASE("extra_float_digits <= 0 prints with %g and DBL_DIG/FLT_DIG plus its value", "[adt]")
{
	ScratchContext cxt;
	{
		ExtraFloatDigits efd(0);
		REQUIRE(F8("0.1") == "0.1");
		REQUIRE(F8("3.14159265358979") == "3.14159265358979");
		REQUIRE(F4("3.14159265358979") == "3.14159");
		REQUIRE(F8("1e20") == "1e+20");
		REQUIRE(F8("1e-5") == "1e-05");
		REQUIRE(F8("-0") == "-0");
		REQUIRE(F4("123456789") == "1.23457e+08");
		REQUIRE(F8("NaN") == "NaN");
		REQUIRE(F4("-Infinity") == "-Infinity");
	}
	{
		ExtraFloatDigits efd(-3);
		REQUIRE(F8("3.14159265358979") == "3.14159265359");
		REQUIRE(F4("3.14159265358979") == "3.14");
		REQUIRE(F4("123456789") == "1.23e+08");
	}
	{
		ExtraFloatDigits efd(-15);
		REQUIRE(F8("3.14159265358979") == "3");
		REQUIRE(F4("3.14159265358979") == "3");
		REQUIRE(F8("123456789") == "1e+08");
	}
	{
		ExtraFloatDigits efd(3);
		REQUIRE(F8("0.1") == "0.1");
	}
}

TEST_CASE("float input errors are PostgreSQL's", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(InError(float8in, "1e400") ==
			"22003: \"1e400\" is out of range for type double precision");
	/* the out-of-range report quotes only the number, before trailing junk */
	REQUIRE(InError(float8in, "  1e-400x") ==
			"22003: \"1e-400\" is out of range for type double precision");
	REQUIRE(InError(float8in, "  -1e-400  ") ==
			"22003: \"-1e-400\" is out of range for type double precision");
	REQUIRE(InError(float8in, "") == "22P02: invalid input syntax for type double precision: \"\"");
	REQUIRE(InError(float8in, "   ") ==
			"22P02: invalid input syntax for type double precision: \"   \"");
	REQUIRE(InError(float8in, "1.5x") ==
			"22P02: invalid input syntax for type double precision: \"1.5x\"");
	REQUIRE(InError(float8in, "infinityx") ==
			"22P02: invalid input syntax for type double precision: \"infinityx\"");
	REQUIRE(InError(float4in, "abc") == "22P02: invalid input syntax for type real: \"abc\"");
	REQUIRE(InError(float4in, "1e39") == "22003: \"1e39\" is out of range for type real");
	REQUIRE(InError(float4in, "1e-46") == "22003: \"1e-46\" is out of range for type real");
	REQUIRE(InError(float4in, "1e100") == "22003: \"1e100\" is out of range for type real");
}

TEST_CASE("float arithmetic reports overflow, underflow and division by zero", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(ErrorOf([] { F8Call(float8mul, 1e308, 10); }) == "22003: value out of range: overflow");
	REQUIRE(ErrorOf([] { F8Call(float8mul, 1e-308, 1e-308); }) ==
			"22003: value out of range: underflow");
	REQUIRE(ErrorOf([] { F8Call(float8div, 1, 0); }) == "22012: division by zero");
	REQUIRE(ErrorOf([] { F8Call(float8div, 0, 0); }) == "22012: division by zero");
	REQUIRE(isnan(DatumGetFloat8(F8Call(float8div, NAN, 0))));
	REQUIRE(ErrorOf([] {
				DirectFunctionCall2(float4mul, Float4GetDatum(1e38f), Float4GetDatum(10.0f));
			}) == "22003: value out of range: overflow");
	REQUIRE(ErrorOf([] { F8Call(float8pl, 1e308, 1e308); }) ==
			"22003: value out of range: overflow");
	/* infinite operands give infinite results without complaint */
	REQUIRE(isinf(DatumGetFloat8(F8Call(float8pl, INFINITY, 1))));
	REQUIRE(ErrorOf([] { F8Call(dtof, 1e300); }) == "22003: value out of range: overflow");
	REQUIRE(ErrorOf([] { F8Call(dtof, 1e-300); }) == "22003: value out of range: underflow");
	REQUIRE(DatumGetFloat8(DirectFunctionCall2(float48pl, Float4GetDatum(0.5f),
											   Float8GetDatum(0.25))) == 0.75);
}

TEST_CASE("float8 functions: sqrt, cbrt, power, exp, ln, log, rounding", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(ErrorOf([] { F8Call(dsqrt, -1); }) ==
			"2201F: cannot take square root of a negative number");
	REQUIRE(ErrorOf([] { F8Call(dlog1, 0); }) == "2201E: cannot take logarithm of zero");
	REQUIRE(ErrorOf([] { F8Call(dlog10, -1); }) ==
			"2201E: cannot take logarithm of a negative number");
	REQUIRE(ErrorOf([] { F8Call(dpow, 0, -1); }) ==
			"2201F: zero raised to a negative power is undefined");
	REQUIRE(ErrorOf([] { F8Call(dpow, -8, 0.5); }) ==
			"2201F: a negative number raised to a non-integer power yields a complex result");
	REQUIRE(ErrorOf([] { F8Call(dexp, 1000); }) == "22003: value out of range: overflow");
	REQUIRE(ErrorOf([] { F8Call(dexp, -1000); }) == "22003: value out of range: underflow");
	REQUIRE(ErrorOf([] { F8Call(dpow, 10, 400); }) == "22003: value out of range: overflow");
	REQUIRE(ErrorOf([] { F8Call(dpow, 10, -400); }) == "22003: value out of range: underflow");

	REQUIRE(F8Out(DatumGetFloat8(F8Call(dround, 2.5))) == "2");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dround, -0.5))) == "-0");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dtrunc, -1.7))) == "-1");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dceil, -1.7))) == "-1");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dfloor, -1.7))) == "-2");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dsign, NAN))) == "0");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dsign, -3))) == "-1");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dcbrt, 27))) == "3.0000000000000004");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dpow, INFINITY, 3))) == "Infinity");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dpow, -INFINITY, 3))) == "-Infinity");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dpow, -INFINITY, -3))) == "-0");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dpow, 1, NAN))) == "1");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dpow, NAN, 0))) == "1");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dpow, 2, 0.5))) == "1.4142135623730951");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dlog1, 1))) == "0");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(dlog10, 1000))) == "3");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(degrees, 1))) == "57.29577951308232");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(radians, 180))) == "3.141592653589793");
	REQUIRE(F8Out(DatumGetFloat8(F8Call(float8abs, -2))) == "2");
}

TEST_CASE("NaN equals NaN and sorts above every other float", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(DatumGetBool(F8Call(float8eq, NAN, NAN)));
	REQUIRE(DatumGetBool(F8Call(float8gt, NAN, INFINITY)));
	REQUIRE_FALSE(DatumGetBool(F8Call(float8lt, NAN, 1)));
	REQUIRE(DatumGetInt32(F8Call(btfloat8cmp, NAN, INFINITY)) == 1);
	REQUIRE(DatumGetInt32(F8Call(btfloat8cmp, 1, NAN)) == -1);
	REQUIRE(DatumGetInt32(F8Call(btfloat8cmp, NAN, NAN)) == 0);
	REQUIRE(DatumGetInt32(F8Call(btfloat8cmp, -0.0, 0.0)) == 0);
	REQUIRE(isnan(DatumGetFloat8(F8Call(float8larger, NAN, 1))));
	REQUIRE(DatumGetFloat8(F8Call(float8smaller, NAN, 1)) == 1);
	REQUIRE(DatumGetBool(DirectFunctionCall2(float48lt, Float4GetDatum(0.1f),
											 Float8GetDatum(0.1))) == false);
	REQUIRE(DatumGetInt32(
				DirectFunctionCall2(btfloat4cmp, Float4GetDatum(NAN), Float4GetDatum(1.0f))) == 1);
}

TEST_CASE("float to integer conversions round half to even and check the range", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(ErrorOf([] { F8Call(dtoi4, 2147483647.5); }) == "22003: integer out of range");
	REQUIRE(DatumGetInt32(F8Call(dtoi4, 2147483646.5)) == 2147483646);
	REQUIRE(DatumGetInt32(F8Call(dtoi4, -2147483648.4)) == PG_INT32_MIN);
	REQUIRE(ErrorOf([] { F8Call(dtoi4, NAN); }) == "22003: integer out of range");
	REQUIRE(ErrorOf([] { F8Call(dtoi2, 32767.5); }) == "22003: smallint out of range");
	REQUIRE(ErrorOf([] { F8Call(dtoi8, INFINITY); }) == "22003: bigint out of range");
	REQUIRE(ErrorOf([] { F8Call(dtoi8, 9.2233720368547758e18); }) == "22003: bigint out of range");
	REQUIRE(DatumGetInt32(DirectFunctionCall1(ftoi4, Float4GetDatum(1.5f))) == 2);
	REQUIRE(DatumGetInt16(DirectFunctionCall1(ftoi2, Float4GetDatum(2.5f))) == 2);
	REQUIRE(ErrorOf([] { DirectFunctionCall1(ftoi4, Float4GetDatum(1e10f)); }) ==
			"22003: integer out of range");
	REQUIRE(DatumGetFloat8(DirectFunctionCall1(i4tod, Int32GetDatum(-7))) == -7.0);
	REQUIRE(DatumGetFloat4(DirectFunctionCall1(i8tof, Int64GetDatum(16777217))) == 16777216.0f);
}
