/*
 * int.cpp — the types smallint (int2), integer (int4) and int2vector.
 *
 * Input and output (int2in, int4in, int2vectorin and their outputs),
 * comparisons within and across the two widths (int4eq, int24lt, ...)
 * and their btree support (btint4cmp, btint24cmp, ...), arithmetic with
 * PostgreSQL's overflow errors (22003 "integer out of range" and
 * "smallint out of range", 22012 "division by zero"), bitwise operators,
 * and the conversions between int2, int4 and boolean.
 *
 * Shift operators take the count modulo the operand width (1 << 32 is 1),
 * which is what PostgreSQL's C shift gives on the machines it runs on.
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h), buildint2vector.
 */
#include "postgres.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>

#include "adt_internal.h"
#include "catalog/pg_type_d.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"

using tusk::adt::Compare3;
using tusk::adt::ReportDivisionByZero;
using tusk::adt::ReportOutOfRange;

namespace {

/* pg_type.oid of int2, the element type of an int2vector. */
constexpr Oid kInt2TypeOid = 21;

/* An int2vector of n elements: PostgreSQL's array header, then the values. */
Size Int2VectorSize(int n)
{
	return offsetof(int2vector, values) + static_cast<Size>(n) * sizeof(int16);
}

/* int2vector restrictions: one dimension, no nulls, int2 elements (a
 * general int2[] can be cast to int2vector). */
void CheckValidInt2Vector(const int2vector *v)
{
	if (v->ndim != 1 || v->dataoffset != 0 || v->elemtype != kInt2TypeOid)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("array is not a valid int2vector"));
}

int32 CheckedInt4(int64 v)
{
	if (v < PG_INT32_MIN || v > PG_INT32_MAX)
		ReportOutOfRange("integer");
	return static_cast<int32>(v);
}

int16 CheckedInt2(int32 v)
{
	if (v < PG_INT16_MIN || v > PG_INT16_MAX)
		ReportOutOfRange("smallint");
	return static_cast<int16>(v);
}

}  // namespace

/* ---- input and output ---- */

Datum int2in(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(pg_strtoint16(PG_GETARG_CSTRING(0)));
}

Datum int2out(PG_FUNCTION_ARGS)
{
	char *result = static_cast<char *>(palloc(7)); /* sign, 5 digits, NUL */
	pg_itoa(PG_GETARG_INT16(0), result);
	PG_RETURN_CSTRING(result);
}

Datum int4in(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(pg_strtoint32(PG_GETARG_CSTRING(0)));
}

Datum int4out(PG_FUNCTION_ARGS)
{
	char *result = static_cast<char *>(palloc(12)); /* sign, 10 digits, NUL */
	pg_ltoa(PG_GETARG_INT32(0), result);
	PG_RETURN_CSTRING(result);
}

int2vector *buildint2vector(const int16 *int2s, int n)
{
	auto *result = static_cast<int2vector *>(palloc0(Int2VectorSize(n)));
	if (n > 0 && int2s != nullptr)
		memcpy(result->values, int2s, n * sizeof(int16));
	SET_VARSIZE(result, Int2VectorSize(n));
	result->ndim = 1;
	result->dataoffset = 0;
	result->elemtype = kInt2TypeOid;
	result->dim1 = n;
	result->lbound1 = 0; /* historically 0, not 1 */
	return result;
}

/*
 * "1 2 3": numbers separated by spaces (any whitespace before a number,
 * exactly a space or the end after it, as PostgreSQL checks).  Errors name
 * the rest of the input from the offending number on.
 */
Datum int2vectorin(PG_FUNCTION_ARGS)
{
	char *str = PG_GETARG_CSTRING(0);
	int nalloc = 32;
	auto *result = static_cast<int2vector *>(palloc0(Int2VectorSize(nalloc)));
	int n = 0;

	for (;; n++)
	{
		while (*str != '\0' && isspace(static_cast<unsigned char>(*str)))
			str++;
		if (*str == '\0')
			break;
		if (n >= nalloc)
		{
			nalloc *= 2;
			result = static_cast<int2vector *>(repalloc(result, Int2VectorSize(nalloc)));
		}

		char *end;
		errno = 0;
		long l = strtol(str, &end, 10);
		if (end == str)
			ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"", "smallint", str));
		if (errno == ERANGE || l < SHRT_MIN || l > SHRT_MAX)
			ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("value \"%s\" is out of range for type %s", str, "smallint"));
		if (*end != '\0' && *end != ' ')
			ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"", "smallint", str));
		result->values[n] = static_cast<int16>(l);
		str = end;
	}

	SET_VARSIZE(result, Int2VectorSize(n));
	result->ndim = 1;
	result->dataoffset = 0;
	result->elemtype = kInt2TypeOid;
	result->dim1 = n;
	result->lbound1 = 0;
	PG_RETURN_POINTER(result);
}

Datum int2vectorout(PG_FUNCTION_ARGS)
{
	auto *v = reinterpret_cast<int2vector *>(PG_GETARG_POINTER(0));
	CheckValidInt2Vector(v);
	int n = v->dim1;
	char *result = static_cast<char *>(palloc(static_cast<Size>(n) * 7 + 1));
	char *p = result;
	for (int i = 0; i < n; i++)
	{
		if (i != 0)
			*p++ = ' ';
		p += pg_itoa(v->values[i], p);
	}
	*p = '\0';
	PG_RETURN_CSTRING(result);
}

/* ---- conversions ---- */

Datum i2toi4(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(static_cast<int32>(PG_GETARG_INT16(0)));
}

Datum i4toi2(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(CheckedInt2(PG_GETARG_INT32(0)));
}

Datum int4_bool(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) != 0);
}

Datum bool_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_BOOL(0) ? 1 : 0);
}

/* ---- comparisons ---- */

Datum int4eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) == PG_GETARG_INT32(1));
}

Datum int4ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) != PG_GETARG_INT32(1));
}

Datum int4lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) < PG_GETARG_INT32(1));
}

Datum int4le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) <= PG_GETARG_INT32(1));
}

Datum int4gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) > PG_GETARG_INT32(1));
}

Datum int4ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) >= PG_GETARG_INT32(1));
}

Datum int2eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) == PG_GETARG_INT16(1));
}

Datum int2ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) != PG_GETARG_INT16(1));
}

Datum int2lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) < PG_GETARG_INT16(1));
}

Datum int2le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) <= PG_GETARG_INT16(1));
}

Datum int2gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) > PG_GETARG_INT16(1));
}

Datum int2ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) >= PG_GETARG_INT16(1));
}

Datum int24eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) == PG_GETARG_INT32(1));
}

Datum int24ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) != PG_GETARG_INT32(1));
}

Datum int24lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) < PG_GETARG_INT32(1));
}

Datum int24le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) <= PG_GETARG_INT32(1));
}

Datum int24gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) > PG_GETARG_INT32(1));
}

Datum int24ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) >= PG_GETARG_INT32(1));
}

Datum int42eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) == PG_GETARG_INT16(1));
}

Datum int42ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) != PG_GETARG_INT16(1));
}

Datum int42lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) < PG_GETARG_INT16(1));
}

Datum int42le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) <= PG_GETARG_INT16(1));
}

Datum int42gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) > PG_GETARG_INT16(1));
}

Datum int42ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT32(0) >= PG_GETARG_INT16(1));
}

Datum btint4cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare3(PG_GETARG_INT32(0), PG_GETARG_INT32(1)));
}

Datum btint2cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(static_cast<int32>(PG_GETARG_INT16(0)) -
					static_cast<int32>(PG_GETARG_INT16(1)));
}

Datum btint24cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare3<int32>(PG_GETARG_INT16(0), PG_GETARG_INT32(1)));
}

Datum btint42cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare3<int32>(PG_GETARG_INT32(0), PG_GETARG_INT16(1)));
}

/* ---- arithmetic ---- */

Datum int4pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CheckedInt4(static_cast<int64>(PG_GETARG_INT32(0)) + PG_GETARG_INT32(1)));
}

Datum int4mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CheckedInt4(static_cast<int64>(PG_GETARG_INT32(0)) - PG_GETARG_INT32(1)));
}

Datum int4mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CheckedInt4(static_cast<int64>(PG_GETARG_INT32(0)) * PG_GETARG_INT32(1)));
}

Datum int2pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(CheckedInt2(static_cast<int32>(PG_GETARG_INT16(0)) + PG_GETARG_INT16(1)));
}

Datum int2mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(CheckedInt2(static_cast<int32>(PG_GETARG_INT16(0)) - PG_GETARG_INT16(1)));
}

Datum int2mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(CheckedInt2(static_cast<int32>(PG_GETARG_INT16(0)) * PG_GETARG_INT16(1)));
}

Datum int24pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CheckedInt4(static_cast<int64>(PG_GETARG_INT16(0)) + PG_GETARG_INT32(1)));
}

Datum int24mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CheckedInt4(static_cast<int64>(PG_GETARG_INT16(0)) - PG_GETARG_INT32(1)));
}

Datum int24mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CheckedInt4(static_cast<int64>(PG_GETARG_INT16(0)) * PG_GETARG_INT32(1)));
}

Datum int42pl(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CheckedInt4(static_cast<int64>(PG_GETARG_INT32(0)) + PG_GETARG_INT16(1)));
}

Datum int42mi(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CheckedInt4(static_cast<int64>(PG_GETARG_INT32(0)) - PG_GETARG_INT16(1)));
}

Datum int42mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CheckedInt4(static_cast<int64>(PG_GETARG_INT32(0)) * PG_GETARG_INT16(1)));
}

/*
 * Division truncates toward zero.  Dividing the most negative value by -1
 * overflows (and traps on some hardware), so that case is answered
 * without dividing.
 */
Datum int4div(PG_FUNCTION_ARGS)
{
	int32 a = PG_GETARG_INT32(0);
	int32 b = PG_GETARG_INT32(1);
	if (b == 0)
		ReportDivisionByZero();
	if (b == -1)
	{
		if (a == PG_INT32_MIN)
			ReportOutOfRange("integer");
		PG_RETURN_INT32(-a);
	}
	PG_RETURN_INT32(a / b);
}

Datum int2div(PG_FUNCTION_ARGS)
{
	int16 a = PG_GETARG_INT16(0);
	int16 b = PG_GETARG_INT16(1);
	if (b == 0)
		ReportDivisionByZero();
	if (b == -1)
	{
		if (a == PG_INT16_MIN)
			ReportOutOfRange("smallint");
		PG_RETURN_INT16(static_cast<int16>(-a));
	}
	PG_RETURN_INT16(static_cast<int16>(a / b));
}

Datum int24div(PG_FUNCTION_ARGS)
{
	int32 a = PG_GETARG_INT16(0);
	int32 b = PG_GETARG_INT32(1);
	if (b == 0)
		ReportDivisionByZero();
	/* an int2 dividend cannot overflow an int4 quotient */
	PG_RETURN_INT32(a / b);
}

Datum int42div(PG_FUNCTION_ARGS)
{
	int32 a = PG_GETARG_INT32(0);
	int32 b = PG_GETARG_INT16(1);
	if (b == 0)
		ReportDivisionByZero();
	if (b == -1)
	{
		if (a == PG_INT32_MIN)
			ReportOutOfRange("integer");
		PG_RETURN_INT32(-a);
	}
	PG_RETURN_INT32(a / b);
}

/* The remainder has the dividend's sign; x % -1 is 0 for every x. */
Datum int4mod(PG_FUNCTION_ARGS)
{
	int32 a = PG_GETARG_INT32(0);
	int32 b = PG_GETARG_INT32(1);
	if (b == 0)
		ReportDivisionByZero();
	if (b == -1)
		PG_RETURN_INT32(0);
	PG_RETURN_INT32(a % b);
}

Datum int2mod(PG_FUNCTION_ARGS)
{
	int16 a = PG_GETARG_INT16(0);
	int16 b = PG_GETARG_INT16(1);
	if (b == 0)
		ReportDivisionByZero();
	if (b == -1)
		PG_RETURN_INT16(0);
	PG_RETURN_INT16(static_cast<int16>(a % b));
}

Datum int4um(PG_FUNCTION_ARGS)
{
	int32 a = PG_GETARG_INT32(0);
	if (a == PG_INT32_MIN)
		ReportOutOfRange("integer");
	PG_RETURN_INT32(-a);
}

Datum int4up(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_INT32(0));
}

Datum int2um(PG_FUNCTION_ARGS)
{
	int16 a = PG_GETARG_INT16(0);
	if (a == PG_INT16_MIN)
		ReportOutOfRange("smallint");
	PG_RETURN_INT16(static_cast<int16>(-a));
}

Datum int2up(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(PG_GETARG_INT16(0));
}

Datum int4abs(PG_FUNCTION_ARGS)
{
	int32 a = PG_GETARG_INT32(0);
	if (a == PG_INT32_MIN)
		ReportOutOfRange("integer");
	PG_RETURN_INT32(a < 0 ? -a : a);
}

Datum int2abs(PG_FUNCTION_ARGS)
{
	int16 a = PG_GETARG_INT16(0);
	if (a == PG_INT16_MIN)
		ReportOutOfRange("smallint");
	PG_RETURN_INT16(static_cast<int16>(a < 0 ? -a : a));
}

Datum int4inc(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CheckedInt4(static_cast<int64>(PG_GETARG_INT32(0)) + 1));
}

Datum int4larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Max(PG_GETARG_INT32(0), PG_GETARG_INT32(1)));
}

Datum int4smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Min(PG_GETARG_INT32(0), PG_GETARG_INT32(1)));
}

Datum int2larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(Max(PG_GETARG_INT16(0), PG_GETARG_INT16(1)));
}

Datum int2smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(Min(PG_GETARG_INT16(0), PG_GETARG_INT16(1)));
}

/* ---- bitwise operators ---- */

Datum int4and(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_INT32(0) & PG_GETARG_INT32(1));
}

Datum int4or(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_INT32(0) | PG_GETARG_INT32(1));
}

Datum int4xor(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_INT32(0) ^ PG_GETARG_INT32(1));
}

Datum int4not(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(~PG_GETARG_INT32(0));
}

Datum int4shl(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_INT32(0) << (PG_GETARG_INT32(1) & 31));
}

Datum int4shr(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_INT32(0) >> (PG_GETARG_INT32(1) & 31));
}

Datum int2and(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(static_cast<int16>(PG_GETARG_INT16(0) & PG_GETARG_INT16(1)));
}

Datum int2or(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(static_cast<int16>(PG_GETARG_INT16(0) | PG_GETARG_INT16(1)));
}

Datum int2xor(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(static_cast<int16>(PG_GETARG_INT16(0) ^ PG_GETARG_INT16(1)));
}

Datum int2not(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(static_cast<int16>(~PG_GETARG_INT16(0)));
}

/* int2 shifts are done in int (the count modulo 32) and truncated. */
Datum int2shl(PG_FUNCTION_ARGS)
{
	int32 a = PG_GETARG_INT16(0);
	PG_RETURN_INT16(static_cast<int16>(a << (PG_GETARG_INT32(1) & 31)));
}

Datum int2shr(PG_FUNCTION_ARGS)
{
	int32 a = PG_GETARG_INT16(0);
	PG_RETURN_INT16(static_cast<int16>(a >> (PG_GETARG_INT32(1) & 31)));
}

/* Binary forms: big-endian two's complement of the type's width. */
Datum int2recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	PG_RETURN_INT16(static_cast<int16>(pq_getmsgint(buf, 2)));
}

Datum int2send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint16(&buf, static_cast<uint16>(PG_GETARG_INT16(0)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum int4recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	PG_RETURN_INT32(static_cast<int32>(pq_getmsgint(buf, 4)));
}

Datum int4send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint32(&buf, static_cast<uint32>(PG_GETARG_INT32(0)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* int2vector's binary form is an array's (one dimension, lower bound 0, no
 * NULLs), read by array_recv with this call's FmgrInfo for its cache. */
Datum int2vectorrecv(PG_FUNCTION_ARGS)
{
	LOCAL_FCINFO(locfcinfo, 3);
	InitFunctionCallInfoData(*locfcinfo, fcinfo->flinfo, 3, InvalidOid, nullptr, nullptr);
	locfcinfo->args[0].value = PG_GETARG_DATUM(0);
	locfcinfo->args[0].isnull = false;
	locfcinfo->args[1].value = ObjectIdGetDatum(INT2OID);
	locfcinfo->args[1].isnull = false;
	locfcinfo->args[2].value = Int32GetDatum(-1);
	locfcinfo->args[2].isnull = false;
	auto *result = reinterpret_cast<ArrayType *>(DatumGetPointer(array_recv(locfcinfo)));
	if (ARR_NDIM(result) != 1 || ARR_HASNULL(result) || ARR_ELEMTYPE(result) != INT2OID ||
		ARR_LBOUND(result)[0] != 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid int2vector data"));
	PG_RETURN_POINTER(result);
}

Datum int2vectorsend(PG_FUNCTION_ARGS)
{
	return array_send(fcinfo);
}
