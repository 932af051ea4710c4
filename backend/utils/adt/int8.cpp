/*
 * int8.cpp — the type bigint (int8).
 *
 * Input and output, comparisons with bigint, integer and smallint
 * (int8eq, int84lt, int28ge, ...) and their btree support (btint8cmp,
 * btint48cmp, ...), arithmetic with 22003 "bigint out of range" and
 * 22012 "division by zero", the count() transition functions (int8inc,
 * int8inc_any, ...), bitwise operators (shift counts modulo 64), and the
 * conversions between bigint and the other integer types, the float
 * types (rounding to nearest, ties to even, as rint does) and oid.
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h).
 */
#include "postgres.h"

#include <math.h>

#include "adt_internal.h"
#include "libpq/pqformat.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"

using tusk::adt::Compare3;
using tusk::adt::ReportDivisionByZero;
using tusk::adt::ReportOutOfRange;

namespace {

int64 Add(int64 a, int64 b)
{
	int64 r;
	if (__builtin_add_overflow(a, b, &r))
		ReportOutOfRange("bigint");
	return r;
}

int64 Sub(int64 a, int64 b)
{
	int64 r;
	if (__builtin_sub_overflow(a, b, &r))
		ReportOutOfRange("bigint");
	return r;
}

int64 Mul(int64 a, int64 b)
{
	int64 r;
	if (__builtin_mul_overflow(a, b, &r))
		ReportOutOfRange("bigint");
	return r;
}

/* Truncating division; INT64_MIN / -1 overflows and is caught first. */
int64 Div(int64 a, int64 b)
{
	if (b == 0)
		ReportDivisionByZero();
	if (b == -1)
	{
		if (a == PG_INT64_MIN)
			ReportOutOfRange("bigint");
		return -a;
	}
	return a / b;
}

/* Whether a float8 (already rounded) converts to int64 without overflow:
 * at least -2^63 and below 2^63 (both exactly representable). */
bool Float8FitsInInt64(double num)
{
	return num >= static_cast<double>(PG_INT64_MIN) && num < -static_cast<double>(PG_INT64_MIN);
}

bool Float4FitsInInt64(float num)
{
	return num >= static_cast<float>(PG_INT64_MIN) && num < -static_cast<float>(PG_INT64_MIN);
}

}  // namespace

/* ---- input and output ---- */

Datum int8in(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(pg_strtoint64(PG_GETARG_CSTRING(0)));
}

Datum int8out(PG_FUNCTION_ARGS)
{
	char *result = static_cast<char *>(palloc(21)); /* sign, 19 digits, NUL */
	pg_lltoa(PG_GETARG_INT64(0), result);
	PG_RETURN_CSTRING(result);
}

/* ---- comparisons ---- */

Datum int8eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) == PG_GETARG_INT64(1));
}

Datum int8ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) != PG_GETARG_INT64(1));
}

Datum int8lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) < PG_GETARG_INT64(1));
}

Datum int8le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) <= PG_GETARG_INT64(1));
}

Datum int8gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) > PG_GETARG_INT64(1));
}

Datum int8ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) >= PG_GETARG_INT64(1));
}

Datum int84eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) == PG_GETARG_INT32(1));
}

Datum int84ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) != PG_GETARG_INT32(1));
}

Datum int84lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) < PG_GETARG_INT32(1));
}

Datum int84le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) <= PG_GETARG_INT32(1));
}

Datum int84gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) > PG_GETARG_INT32(1));
}

Datum int84ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) >= PG_GETARG_INT32(1));
}

Datum int48eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) == PG_GETARG_INT64(1));
}

Datum int48ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) != PG_GETARG_INT64(1));
}

Datum int48lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) < PG_GETARG_INT64(1));
}

Datum int48le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) <= PG_GETARG_INT64(1));
}

Datum int48gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) > PG_GETARG_INT64(1));
}

Datum int48ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) >= PG_GETARG_INT64(1));
}

Datum int82eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) == PG_GETARG_INT16(1));
}

Datum int82ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) != PG_GETARG_INT16(1));
}

Datum int82lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) < PG_GETARG_INT16(1));
}

Datum int82le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) <= PG_GETARG_INT16(1));
}

Datum int82gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) > PG_GETARG_INT16(1));
}

Datum int82ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT64(0) >= PG_GETARG_INT16(1));
}

Datum int28eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) == PG_GETARG_INT64(1));
}

Datum int28ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) != PG_GETARG_INT64(1));
}

Datum int28lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) < PG_GETARG_INT64(1));
}

Datum int28le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) <= PG_GETARG_INT64(1));
}

Datum int28gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) > PG_GETARG_INT64(1));
}

Datum int28ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) >= PG_GETARG_INT64(1));
}

Datum btint8cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare3<int64>(PG_GETARG_INT64(0), PG_GETARG_INT64(1)));
}

Datum btint48cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare3<int64>(PG_GETARG_INT32(0), PG_GETARG_INT64(1)));
}

Datum btint84cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare3<int64>(PG_GETARG_INT64(0), PG_GETARG_INT32(1)));
}

Datum btint28cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare3<int64>(PG_GETARG_INT16(0), PG_GETARG_INT64(1)));
}

Datum btint82cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare3<int64>(PG_GETARG_INT64(0), PG_GETARG_INT16(1)));
}

/* ---- arithmetic ---- */

Datum int8pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Add(PG_GETARG_INT64(0), PG_GETARG_INT64(1)));
}

Datum int8mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Sub(PG_GETARG_INT64(0), PG_GETARG_INT64(1)));
}

Datum int8mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Mul(PG_GETARG_INT64(0), PG_GETARG_INT64(1)));
}

Datum int8div(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Div(PG_GETARG_INT64(0), PG_GETARG_INT64(1)));
}

Datum int84pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Add(PG_GETARG_INT64(0), PG_GETARG_INT32(1)));
}

Datum int84mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Sub(PG_GETARG_INT64(0), PG_GETARG_INT32(1)));
}

Datum int84mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Mul(PG_GETARG_INT64(0), PG_GETARG_INT32(1)));
}

Datum int84div(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Div(PG_GETARG_INT64(0), PG_GETARG_INT32(1)));
}

Datum int48pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Add(PG_GETARG_INT32(0), PG_GETARG_INT64(1)));
}

Datum int48mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Sub(PG_GETARG_INT32(0), PG_GETARG_INT64(1)));
}

Datum int48mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Mul(PG_GETARG_INT32(0), PG_GETARG_INT64(1)));
}

Datum int48div(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Div(PG_GETARG_INT32(0), PG_GETARG_INT64(1)));
}

Datum int82pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Add(PG_GETARG_INT64(0), PG_GETARG_INT16(1)));
}

Datum int82mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Sub(PG_GETARG_INT64(0), PG_GETARG_INT16(1)));
}

Datum int82mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Mul(PG_GETARG_INT64(0), PG_GETARG_INT16(1)));
}

Datum int82div(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Div(PG_GETARG_INT64(0), PG_GETARG_INT16(1)));
}

Datum int28pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Add(PG_GETARG_INT16(0), PG_GETARG_INT64(1)));
}

Datum int28mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Sub(PG_GETARG_INT16(0), PG_GETARG_INT64(1)));
}

Datum int28mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Mul(PG_GETARG_INT16(0), PG_GETARG_INT64(1)));
}

Datum int28div(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Div(PG_GETARG_INT16(0), PG_GETARG_INT64(1)));
}

/* The remainder has the dividend's sign; x % -1 is 0 (INT64_MIN % -1
 * would trap). */
Datum int8mod(PG_FUNCTION_ARGS)
{
	int64 a = PG_GETARG_INT64(0);
	int64 b = PG_GETARG_INT64(1);
	if (b == 0)
		ReportDivisionByZero();
	if (b == -1)
		PG_RETURN_INT64(0);
	PG_RETURN_INT64(a % b);
}

Datum int8um(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Sub(0, PG_GETARG_INT64(0)));
}

Datum int8up(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_INT64(0));
}

Datum int8abs(PG_FUNCTION_ARGS)
{
	int64 a = PG_GETARG_INT64(0);
	PG_RETURN_INT64(a < 0 ? Sub(0, a) : a);
}

Datum int8larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Max(PG_GETARG_INT64(0), PG_GETARG_INT64(1)));
}

Datum int8smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Min(PG_GETARG_INT64(0), PG_GETARG_INT64(1)));
}

/*
 * count() transitions: the running count plus (or minus, for moving
 * aggregates) one.  bigint is passed by value, so there is nothing to
 * update in place.
 */
Datum int8inc(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Add(PG_GETARG_INT64(0), 1));
}

Datum int8dec(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(Sub(PG_GETARG_INT64(0), 1));
}

/* count(x): the transition ignores x (NULLs never reach a strict one). */
Datum int8inc_any(PG_FUNCTION_ARGS)
{
	return int8inc(fcinfo);
}

Datum int8dec_any(PG_FUNCTION_ARGS)
{
	return int8dec(fcinfo);
}

/* regr_count(y, x). */
Datum int8inc_float8_float8(PG_FUNCTION_ARGS)
{
	return int8inc(fcinfo);
}

/* ---- bitwise operators ---- */

Datum int8and(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_INT64(0) & PG_GETARG_INT64(1));
}

Datum int8or(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_INT64(0) | PG_GETARG_INT64(1));
}

Datum int8xor(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_INT64(0) ^ PG_GETARG_INT64(1));
}

Datum int8not(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(~PG_GETARG_INT64(0));
}

Datum int8shl(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_INT64(0) << (PG_GETARG_INT32(1) & 63));
}

Datum int8shr(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_INT64(0) >> (PG_GETARG_INT32(1) & 63));
}

/* ---- conversions ---- */

Datum int48(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(static_cast<int64>(PG_GETARG_INT32(0)));
}

Datum int84(PG_FUNCTION_ARGS)
{
	int64 a = PG_GETARG_INT64(0);
	if (a < PG_INT32_MIN || a > PG_INT32_MAX)
		ReportOutOfRange("integer");
	PG_RETURN_INT32(static_cast<int32>(a));
}

Datum int28(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(static_cast<int64>(PG_GETARG_INT16(0)));
}

Datum int82(PG_FUNCTION_ARGS)
{
	int64 a = PG_GETARG_INT64(0);
	if (a < PG_INT16_MIN || a > PG_INT16_MAX)
		ReportOutOfRange("smallint");
	PG_RETURN_INT16(static_cast<int16>(a));
}

Datum i8tod(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(static_cast<float8>(PG_GETARG_INT64(0)));
}

/* Round first, so values just outside the range that round into it
 * convert; NaN and infinities are out of range. */
Datum dtoi8(PG_FUNCTION_ARGS)
{
	double num = rint(PG_GETARG_FLOAT8(0));
	if (isnan(num) || !Float8FitsInInt64(num))
		ReportOutOfRange("bigint");
	PG_RETURN_INT64(static_cast<int64>(num));
}

Datum i8tof(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(static_cast<float4>(PG_GETARG_INT64(0)));
}

Datum ftoi8(PG_FUNCTION_ARGS)
{
	float num = rintf(PG_GETARG_FLOAT4(0));
	if (isnan(num) || !Float4FitsInInt64(num))
		ReportOutOfRange("bigint");
	PG_RETURN_INT64(static_cast<int64>(num));
}

Datum i8tooid(PG_FUNCTION_ARGS)
{
	int64 a = PG_GETARG_INT64(0);
	if (a < 0 || a > static_cast<int64>(PG_UINT32_MAX))
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE), errmsg("OID out of range"));
	PG_RETURN_OID(static_cast<Oid>(a));
}

Datum oidtoi8(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(static_cast<int64>(PG_GETARG_OID(0)));
}

Datum int8recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	PG_RETURN_INT64(pq_getmsgint64(buf));
}

Datum int8send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint64(&buf, static_cast<uint64>(PG_GETARG_INT64(0)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
