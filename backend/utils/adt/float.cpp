/*
 * float.cpp — the types real (float4) and double precision (float8).
 *
 * Input accepts what the C library's strtod/strtof accept, plus NaN,
 * Infinity and inf in any case with an optional sign, with leading and
 * trailing whitespace; errors are PostgreSQL's (22P02 invalid input
 * syntax, 22003 out of range for values that overflow or underflow to
 * zero).
 *
 * Output follows extra_float_digits (see utils/builtins.h): above zero
 * (the default, 1) a value prints as the shortest decimal that reads back
 * to the same binary value, in the layout PostgreSQL's Ryu-based output
 * uses: plain digits for decimal exponents -4 up to 14 (5 for real),
 * otherwise d.ddde+XX with at least two exponent digits; NaN, Infinity,
 * -Infinity, and -0 for negative zero.  At zero or below it prints with
 * printf's %g and DBL_DIG (FLT_DIG) + extra_float_digits significant
 * digits.  The shortest digits come from std::to_chars, which finds the
 * same digits Ryu does.
 *
 * Arithmetic reports 22003 "value out of range: overflow" when finite
 * operands give an infinite result and "...: underflow" when non-zero
 * operands give zero, and 22012 for division by zero.  Comparisons order
 * NaN above every other value and equal to itself, so sorting and btree
 * indexes work (float4_lt and friends).
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h), float8in_internal, float8out_internal,
 * float_overflow_error, float_underflow_error, float_zero_divide_error.
 */
#include "postgres.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <strings.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <random>

#include <unistd.h>
#include <cstdlib>

#include "libpq/pqformat.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

int extra_float_digits = 1;

void float_overflow_error(void)
{
	ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			errmsg("value out of range: overflow"));
	pg_unreachable();
}

void float_underflow_error(void)
{
	ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			errmsg("value out of range: underflow"));
	pg_unreachable();
}

void float_zero_divide_error(void)
{
	ereport(ERROR, errcode(ERRCODE_DIVISION_BY_ZERO), errmsg("division by zero"));
	pg_unreachable();
}

namespace {

/* Room for any float output: sign, 17 digits, point, "e-308", NUL. */
constexpr int kFloatOutLen = 32;

/* ---- NaN-aware comparison: NaN equals NaN and sorts above all else ---- */

template <typename T>
bool FloatEq(T a, T b)
{
	return isnan(a) ? isnan(b) : !isnan(b) && a == b;
}

template <typename T>
bool FloatNe(T a, T b)
{
	return !FloatEq(a, b);
}

template <typename T>
bool FloatLt(T a, T b)
{
	return !isnan(a) && (isnan(b) || a < b);
}

template <typename T>
bool FloatLe(T a, T b)
{
	return isnan(b) || (!isnan(a) && a <= b);
}

template <typename T>
bool FloatGt(T a, T b)
{
	return !isnan(b) && (isnan(a) || a > b);
}

template <typename T>
bool FloatGe(T a, T b)
{
	return isnan(a) || (!isnan(b) && a >= b);
}

template <typename T>
int32 FloatCmp(T a, T b)
{
	if (FloatGt(a, b))
		return 1;
	if (FloatLt(a, b))
		return -1;
	return 0;
}

/* ---- arithmetic with overflow and underflow checks ----
 * (Addition and subtraction cannot detect underflow: the operands are
 * already rounded by the time they are added.) */

template <typename T>
T FloatPl(T a, T b)
{
	T r = a + b;
	if (isinf(r) && !isinf(a) && !isinf(b))
		float_overflow_error();
	return r;
}

template <typename T>
T FloatMi(T a, T b)
{
	T r = a - b;
	if (isinf(r) && !isinf(a) && !isinf(b))
		float_overflow_error();
	return r;
}

template <typename T>
T FloatMul(T a, T b)
{
	T r = a * b;
	if (isinf(r) && !isinf(a) && !isinf(b))
		float_overflow_error();
	if (r == 0 && a != 0 && b != 0)
		float_underflow_error();
	return r;
}

template <typename T>
T FloatDiv(T a, T b)
{
	if (b == 0 && !isnan(a))
		float_zero_divide_error();
	T r = a / b;
	if (isinf(r) && !isinf(a))
		float_overflow_error();
	if (r == 0 && a != 0 && !isinf(b))
		float_underflow_error();
	return r;
}

/* A result of fn(arg) that became infinite or zero from a finite,
 * non-zero argument is an overflow or underflow. */
double CheckUnaryResult(double result, double arg, double zero_ok_arg)
{
	if (isinf(result) && !isinf(arg))
		float_overflow_error();
	if (result == 0.0 && arg != zero_ok_arg)
		float_underflow_error();
	return result;
}

/* ---- output ---- */

/*
 * Lay out the shortest round-trip digits of value as PostgreSQL does:
 * fixed notation for decimal exponents in [-4, fixed_limit), else
 * scientific with a two-digit (at least) exponent.  value is finite and
 * not zero.  Returns the length written at out.
 */
template <typename T>
int FormatShortest(T value, int fixed_limit, char *out)
{
	char sci[kFloatOutLen];
	auto res = std::to_chars(sci, sci + sizeof(sci), value, std::chars_format::scientific);
	*res.ptr = '\0';

	/* sci is "-d.ddde+XX": split it into sign, digits and exponent. */
	const char *p = sci;
	char *o = out;
	if (*p == '-')
		*o++ = *p++;
	char digits[kFloatOutLen] = {};
	int ndigits = 0;
	while (*p != 'e')
	{
		if (*p != '.')
			digits[ndigits++] = *p;
		p++;
	}
	int exp = atoi(p + 1);

	if (exp >= -4 && exp < fixed_limit)
	{
		if (exp < 0)
		{
			/* 0.000ddd */
			*o++ = '0';
			*o++ = '.';
			for (int i = -1; i > exp; i--)
				*o++ = '0';
			memcpy(o, digits, ndigits);
			o += ndigits;
		}
		else
		{
			/* ddd[.ddd], or ddd000 when the digits end before the point */
			int int_digits = exp + 1;
			for (int i = 0; i < int_digits; i++)
				*o++ = i < ndigits ? digits[i] : '0';
			if (ndigits > int_digits)
			{
				*o++ = '.';
				memcpy(o, digits + int_digits, ndigits - int_digits);
				o += ndigits - int_digits;
			}
		}
	}
	else
	{
		*o++ = digits[0];
		if (ndigits > 1)
		{
			*o++ = '.';
			memcpy(o, digits + 1, ndigits - 1);
			o += ndigits - 1;
		}
		o += snprintf(o, 8, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
	}
	*o = '\0';
	return static_cast<int>(o - out);
}

/* NaN, Infinity, -Infinity, 0 and -0; false for any other value. */
bool FormatSpecial(double value, char *out)
{
	if (isnan(value))
		strcpy(out, "NaN");
	else if (isinf(value))
		strcpy(out, value > 0 ? "Infinity" : "-Infinity");
	else if (value == 0)
		strcpy(out, signbit(value) ? "-0" : "0");
	else
		return false;
	return true;
}

/* %g with precision significant digits (clamped to 1..32), spelling NaN
 * and the infinities as SQL does. */
void FormatWithPrecision(double value, int precision, char *out)
{
	if (isnan(value) || isinf(value))
	{
		FormatSpecial(value, out);
		return;
	}
	precision = Max(1, Min(precision, 32));
	snprintf(out, kFloatOutLen + 8, "%.*g", precision, value);
}

/* ---- input ---- */

/*
 * strtod/strtof did not recognise anything at num: NaN and the infinity
 * spellings, which every C library does not take.  Sets *endptr past the
 * word and returns true if one is there.
 */
bool ParseSpecialFloat(const char *num, double *value, const char **endptr)
{
	static const struct
	{
		const char *word;
		double value;
	} kWords[] = {
		{"NaN", NAN},
		{"Infinity", INFINITY},
		{"+Infinity", INFINITY},
		{"-Infinity", -INFINITY},
		{"inf", INFINITY},
		{"+inf", INFINITY},
		{"-inf", -INFINITY},
	};
	for (const auto &w : kWords)
	{
		size_t len = strlen(w.word);
		if (strncasecmp(num, w.word, len) == 0)
		{
			*value = w.value;
			*endptr = num + len;
			return true;
		}
	}
	return false;
}

[[noreturn]] void InvalidFloatSyntax(const char *type_name, const char *orig)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("invalid input syntax for type %s: \"%s\"", type_name, orig));
	pg_unreachable();
}

const char *SkipSpace(const char *p)
{
	while (*p != '\0' && isspace(static_cast<unsigned char>(*p)))
		p++;
	return p;
}

}  // namespace

/* ---- input and output ---- */

/*
 * real input is parsed with strtof, not strtod and a narrowing: rounding
 * twice (decimal to double to float) can differ from rounding once.
 */
Datum float4in(PG_FUNCTION_ARGS)
{
	char *orig = PG_GETARG_CSTRING(0);
	const char *num = SkipSpace(orig);
	if (*num == '\0')
		InvalidFloatSyntax("real", orig);

	char *end;
	errno = 0;
	float val = strtof(num, &end);
	const char *endptr = end;
	if (endptr == num || errno != 0)
	{
		int save_errno = errno;
		double special;
		if (ParseSpecialFloat(num, &special, &endptr))
			val = static_cast<float>(special);
		else if (save_errno == ERANGE)
		{
			/* A denormal result is fine; zero or infinity is not. */
			if (val == 0.0f || isinf(val))
				ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						errmsg("\"%s\" is out of range for type real", orig));
		}
		else
			InvalidFloatSyntax("real", orig);
	}

	if (*SkipSpace(endptr) != '\0')
		InvalidFloatSyntax("real", orig);
	PG_RETURN_FLOAT4(val);
}

Datum float4out(PG_FUNCTION_ARGS)
{
	float4 num = PG_GETARG_FLOAT4(0);
	char *result = static_cast<char *>(palloc(kFloatOutLen + 8));
	if (extra_float_digits > 0)
	{
		if (!FormatSpecial(num, result))
			FormatShortest(num, 6, result);
	}
	else
		FormatWithPrecision(num, FLT_DIG + extra_float_digits, result);
	PG_RETURN_CSTRING(result);
}

/*
 * An out-of-range error names double precision whatever type_name is, and
 * quotes only the number (from its first non-blank character to where
 * strtod stopped), as PostgreSQL does.
 */
double float8in_internal(char *num_in, char **endptr_p, const char *type_name,
						 const char *orig_string)
{
	const char *num = SkipSpace(num_in);
	if (*num == '\0')
		InvalidFloatSyntax(type_name, orig_string);

	char *end;
	errno = 0;
	double val = strtod(num, &end);
	const char *endptr = end;
	if (endptr == num || errno != 0)
	{
		int save_errno = errno;
		if (ParseSpecialFloat(num, &val, &endptr))
		{
			/* val and endptr are set */
		}
		else if (save_errno == ERANGE)
		{
			if (val == 0.0 || val >= HUGE_VAL || val <= -HUGE_VAL)
			{
				char *number = pnstrdup(num, endptr - num);
				ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						errmsg("\"%s\" is out of range for type double precision", number));
			}
		}
		else
			InvalidFloatSyntax(type_name, orig_string);
	}

	endptr = SkipSpace(endptr);
	if (endptr_p != nullptr)
		*endptr_p = const_cast<char *>(endptr);
	else if (*endptr != '\0')
		InvalidFloatSyntax(type_name, orig_string);
	return val;
}

Datum float8in(PG_FUNCTION_ARGS)
{
	char *num = PG_GETARG_CSTRING(0);
	PG_RETURN_FLOAT8(float8in_internal(num, nullptr, "double precision", num));
}

char *float8out_internal(double num)
{
	char *result = static_cast<char *>(palloc(kFloatOutLen + 8));
	if (extra_float_digits > 0)
	{
		if (!FormatSpecial(num, result))
			FormatShortest(num, 15, result);
	}
	else
		FormatWithPrecision(num, DBL_DIG + extra_float_digits, result);
	return result;
}

Datum float8out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(float8out_internal(PG_GETARG_FLOAT8(0)));
}

/* ---- unary operators, larger/smaller ---- */

Datum float4abs(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(fabsf(PG_GETARG_FLOAT4(0)));
}

Datum float4um(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(-PG_GETARG_FLOAT4(0));
}

Datum float4up(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(PG_GETARG_FLOAT4(0));
}

Datum float4larger(PG_FUNCTION_ARGS)
{
	float4 a = PG_GETARG_FLOAT4(0);
	float4 b = PG_GETARG_FLOAT4(1);
	PG_RETURN_FLOAT4(FloatGt(a, b) ? a : b);
}

Datum float4smaller(PG_FUNCTION_ARGS)
{
	float4 a = PG_GETARG_FLOAT4(0);
	float4 b = PG_GETARG_FLOAT4(1);
	PG_RETURN_FLOAT4(FloatLt(a, b) ? a : b);
}

Datum float8abs(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(fabs(PG_GETARG_FLOAT8(0)));
}

Datum float8um(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(-PG_GETARG_FLOAT8(0));
}

Datum float8up(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(PG_GETARG_FLOAT8(0));
}

Datum float8larger(PG_FUNCTION_ARGS)
{
	float8 a = PG_GETARG_FLOAT8(0);
	float8 b = PG_GETARG_FLOAT8(1);
	PG_RETURN_FLOAT8(FloatGt(a, b) ? a : b);
}

Datum float8smaller(PG_FUNCTION_ARGS)
{
	float8 a = PG_GETARG_FLOAT8(0);
	float8 b = PG_GETARG_FLOAT8(1);
	PG_RETURN_FLOAT8(FloatLt(a, b) ? a : b);
}

/* ---- arithmetic (float48 and float84 compute in float8) ---- */

Datum float4pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(FloatPl(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1)));
}

Datum float4mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(FloatMi(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1)));
}

Datum float4mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(FloatMul(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1)));
}

Datum float4div(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(FloatDiv(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1)));
}

Datum float8pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatPl(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

Datum float8mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatMi(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

Datum float8mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatMul(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

Datum float8div(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatDiv(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

Datum float48pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatPl<float8>(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1)));
}

Datum float48mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatMi<float8>(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1)));
}

Datum float48mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatMul<float8>(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1)));
}

Datum float48div(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatDiv<float8>(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1)));
}

Datum float84pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatPl<float8>(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1)));
}

Datum float84mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatMi<float8>(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1)));
}

Datum float84mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatMul<float8>(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1)));
}

Datum float84div(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatDiv<float8>(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1)));
}

/* ---- comparisons ---- */

Datum float4eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatEq(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1)));
}

Datum float4ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatNe(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1)));
}

Datum float4lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatLt(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1)));
}

Datum float4le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatLe(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1)));
}

Datum float4gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatGt(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1)));
}

Datum float4ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatGe(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1)));
}

Datum float8eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatEq(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

Datum float8ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatNe(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

Datum float8lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatLt(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

Datum float8le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatLe(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

Datum float8gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatGt(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

Datum float8ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatGe(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

Datum float48eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatEq<float8>(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1)));
}

Datum float48ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatNe<float8>(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1)));
}

Datum float48lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatLt<float8>(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1)));
}

Datum float48le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatLe<float8>(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1)));
}

Datum float48gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatGt<float8>(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1)));
}

Datum float48ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatGe<float8>(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1)));
}

Datum float84eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatEq<float8>(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1)));
}

Datum float84ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatNe<float8>(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1)));
}

Datum float84lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatLt<float8>(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1)));
}

Datum float84le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatLe<float8>(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1)));
}

Datum float84gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatGt<float8>(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1)));
}

Datum float84ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(FloatGe<float8>(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1)));
}

Datum btfloat4cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(FloatCmp(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1)));
}

Datum btfloat8cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(FloatCmp(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

Datum btfloat48cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(FloatCmp<float8>(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1)));
}

Datum btfloat84cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(FloatCmp<float8>(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1)));
}

/* ---- conversions ----
 * To an integer: round to nearest (ties to even, as rint does) first, so
 * values just outside the range that round into it convert; NaN and the
 * infinities are out of range.  The bounds -2^(n-1) and 2^(n-1) are exact
 * in both float types. */

Datum ftod(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(static_cast<float8>(PG_GETARG_FLOAT4(0)));
}

Datum dtof(PG_FUNCTION_ARGS)
{
	float8 num = PG_GETARG_FLOAT8(0);
	auto result = static_cast<float4>(num);
	if (isinf(result) && !isinf(num))
		float_overflow_error();
	if (result == 0.0f && num != 0.0)
		float_underflow_error();
	PG_RETURN_FLOAT4(result);
}

Datum dtoi4(PG_FUNCTION_ARGS)
{
	double num = rint(PG_GETARG_FLOAT8(0));
	if (isnan(num) ||
		!(num >= static_cast<double>(PG_INT32_MIN) && num < -static_cast<double>(PG_INT32_MIN)))
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE), errmsg("integer out of range"));
	PG_RETURN_INT32(static_cast<int32>(num));
}

Datum dtoi2(PG_FUNCTION_ARGS)
{
	double num = rint(PG_GETARG_FLOAT8(0));
	if (isnan(num) ||
		!(num >= static_cast<double>(PG_INT16_MIN) && num < -static_cast<double>(PG_INT16_MIN)))
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("smallint out of range"));
	PG_RETURN_INT16(static_cast<int16>(num));
}

Datum i4tod(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(static_cast<float8>(PG_GETARG_INT32(0)));
}

Datum i2tod(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(static_cast<float8>(PG_GETARG_INT16(0)));
}

Datum ftoi4(PG_FUNCTION_ARGS)
{
	float num = rintf(PG_GETARG_FLOAT4(0));
	if (isnan(num) ||
		!(num >= static_cast<float>(PG_INT32_MIN) && num < -static_cast<float>(PG_INT32_MIN)))
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE), errmsg("integer out of range"));
	PG_RETURN_INT32(static_cast<int32>(num));
}

Datum ftoi2(PG_FUNCTION_ARGS)
{
	float num = rintf(PG_GETARG_FLOAT4(0));
	if (isnan(num) ||
		!(num >= static_cast<float>(PG_INT16_MIN) && num < -static_cast<float>(PG_INT16_MIN)))
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("smallint out of range"));
	PG_RETURN_INT16(static_cast<int16>(num));
}

Datum i4tof(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(static_cast<float4>(PG_GETARG_INT32(0)));
}

Datum i2tof(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(static_cast<float4>(PG_GETARG_INT16(0)));
}

/* ---- float8 functions ---- */

/* round(x): to nearest, ties to even. */
Datum dround(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(rint(PG_GETARG_FLOAT8(0)));
}

Datum dceil(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(ceil(PG_GETARG_FLOAT8(0)));
}

Datum dfloor(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(floor(PG_GETARG_FLOAT8(0)));
}

/* sign(x): -1, 0 or 1 (0 for NaN as well). */
Datum dsign(PG_FUNCTION_ARGS)
{
	float8 a = PG_GETARG_FLOAT8(0);
	if (a > 0)
		PG_RETURN_FLOAT8(1.0);
	if (a < 0)
		PG_RETURN_FLOAT8(-1.0);
	PG_RETURN_FLOAT8(0.0);
}

Datum dtrunc(PG_FUNCTION_ARGS)
{
	float8 a = PG_GETARG_FLOAT8(0);
	PG_RETURN_FLOAT8(a >= 0 ? floor(a) : -floor(-a));
}

Datum dsqrt(PG_FUNCTION_ARGS)
{
	float8 a = PG_GETARG_FLOAT8(0);
	if (a < 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
				errmsg("cannot take square root of a negative number"));
	PG_RETURN_FLOAT8(CheckUnaryResult(sqrt(a), a, 0.0));
}

Datum dcbrt(PG_FUNCTION_ARGS)
{
	float8 a = PG_GETARG_FLOAT8(0);
	PG_RETURN_FLOAT8(CheckUnaryResult(cbrt(a), a, 0.0));
}

/*
 * x ^ y with POSIX's answers for NaN and infinite operands (1 ^ NaN = 1,
 * NaN ^ 0 = 1, |x| < 1 ^ -Inf = Inf, ...), computed here because not every
 * pow() gets them right, and SQL's errors for the undefined cases.
 */
Datum dpow(PG_FUNCTION_ARGS)
{
	float8 x = PG_GETARG_FLOAT8(0);
	float8 y = PG_GETARG_FLOAT8(1);

	if (isnan(x))
		PG_RETURN_FLOAT8(isnan(y) || y != 0.0 ? NAN : 1.0);
	if (isnan(y))
		PG_RETURN_FLOAT8(x != 1.0 ? NAN : 1.0);

	if (x == 0 && y < 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
				errmsg("zero raised to a negative power is undefined"));
	if (x < 0 && floor(y) != y)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
				errmsg("a negative number raised to a non-integer power yields a complex result"));

	float8 result;
	if (isinf(y))
	{
		float8 absx = fabs(x);
		if (absx == 1.0)
			result = 1.0;
		else if (y > 0)
			result = absx > 1.0 ? y : 0.0;
		else
			result = absx > 1.0 ? 0.0 : -y;
	}
	else if (isinf(x))
	{
		if (y == 0.0)
			result = 1.0;
		else if (x > 0)
			result = y > 0 ? x : 0.0;
		else
		{
			/* -Inf ^ y: the sign depends on whether y is an odd integer */
			float8 half = y / 2;
			bool odd_integer = floor(half) != half;
			if (y > 0)
				result = odd_integer ? x : -x;
			else
				result = odd_integer ? -0.0 : 0.0;
		}
	}
	else
	{
		errno = 0;
		result = pow(x, y);
		if (errno == EDOM || isnan(result))
		{
			/* Some pow()s fail for results that overflow or underflow
			 * rather than returning Inf or 0: decide which it is. */
			if (x == 0.0)
				result = 0.0; /* y > 0 here */
			else
			{
				float8 absx = fabs(x);
				if (absx == 1.0)
					result = 1.0;
				else if (y >= 0.0 ? (absx > 1.0) : (absx < 1.0))
					float_overflow_error();
				else
					float_underflow_error();
			}
		}
		else if (errno == ERANGE)
		{
			if (result != 0.0)
				float_overflow_error();
			float_underflow_error();
		}
		else
		{
			if (isinf(result))
				float_overflow_error();
			if (result == 0.0 && x != 0.0)
				float_underflow_error();
		}
	}
	PG_RETURN_FLOAT8(result);
}

Datum dexp(PG_FUNCTION_ARGS)
{
	float8 a = PG_GETARG_FLOAT8(0);
	float8 result;
	if (isnan(a))
		result = a;
	else if (isinf(a))
		result = a > 0 ? a : 0.0; /* exp(-Inf) = 0 */
	else
	{
		errno = 0;
		result = exp(a);
		if (errno == ERANGE)
		{
			if (result != 0.0)
				float_overflow_error();
			float_underflow_error();
		}
		if (isinf(result))
			float_overflow_error();
		if (result == 0.0)
			float_underflow_error();
	}
	PG_RETURN_FLOAT8(result);
}

namespace {

void CheckLogArgument(float8 a)
{
	if (a == 0.0)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
				errmsg("cannot take logarithm of zero"));
	if (a < 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
				errmsg("cannot take logarithm of a negative number"));
}

}  // namespace

/* ln(x) */
Datum dlog1(PG_FUNCTION_ARGS)
{
	float8 a = PG_GETARG_FLOAT8(0);
	CheckLogArgument(a);
	PG_RETURN_FLOAT8(CheckUnaryResult(log(a), a, 1.0));
}

Datum dlog10(PG_FUNCTION_ARGS)
{
	float8 a = PG_GETARG_FLOAT8(0);
	CheckLogArgument(a);
	PG_RETURN_FLOAT8(CheckUnaryResult(log10(a), a, 1.0));
}

Datum dpi(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_FLOAT8(M_PI);
}

namespace {

/* pi / 180, to double precision */
constexpr float8 kRadiansPerDegree = 0.0174532925199432957692;

}  // namespace

Datum degrees(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatDiv(PG_GETARG_FLOAT8(0), kRadiansPerDegree));
}

Datum radians(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(FloatMul(PG_GETARG_FLOAT8(0), kRadiansPerDegree));
}

/* ---- random() and setseed() ---- */

namespace {

/* The session's generator: seeded once from the clock and the process
 * (PostgreSQL seeds from a strong source; the numbers are not meant to
 * be unpredictable here either way), or by setseed(). */
std::mt19937_64 &SessionRandom()
{
	static std::mt19937_64 rng(
		static_cast<uint64>(std::chrono::steady_clock::now().time_since_epoch().count() ^
							(static_cast<uint64>(getpid()) << 32)));
	return rng;
}

}  // namespace

Datum drandom(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	/* Uniform in [0, 1): 52 random bits of mantissa. */
	uint64 bits = SessionRandom()() >> 11;
	PG_RETURN_FLOAT8(static_cast<double>(bits) * (1.0 / 9007199254740992.0));
}

Datum setseed(PG_FUNCTION_ARGS)
{
	float8 seed = PG_GETARG_FLOAT8(0);
	if (seed < -1 || seed > 1 || std::isnan(seed))
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("setseed parameter %g is out of allowed range [-1,1]", seed));
	SessionRandom().seed(
		static_cast<uint64>(seed * static_cast<double>(INT64CONST(0x7FFFFFFFFFFFFFFF))));
	PG_RETURN_VOID();
}

/* Binary forms: the IEEE 754 bits, big-endian. */
Datum float4recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	PG_RETURN_FLOAT4(pq_getmsgfloat4(buf));
}

Datum float4send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendfloat4(&buf, PG_GETARG_FLOAT4(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum float8recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	PG_RETURN_FLOAT8(pq_getmsgfloat8(buf));
}

Datum float8send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendfloat8(&buf, PG_GETARG_FLOAT8(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
