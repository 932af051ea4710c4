/*
 * oid.cpp — the types oid and oidvector.
 *
 * oid input takes a decimal number optionally signed: a negative value
 * is taken modulo 2^32 (so '-1' is 4294967295), as PostgreSQL accepts for
 * backward compatibility, as long as it fits in 32 bits either way.  An
 * oidvector is a one-dimensional oid array with PostgreSQL's array header
 * (lower bound 0, no nulls), written "1 2 3"; vectors compare by length
 * first, then element by element.
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h), buildoidvector.
 */
#include "postgres.h"

#include <ctype.h>
#include <errno.h>

#include "adt_internal.h"
#include "catalog/pg_type_d.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"

using tusk::adt::Compare3;

namespace {

/* pg_type.oid of oid, the element type of an oidvector. */
constexpr Oid kOidTypeOid = 26;

Size OidVectorSize(int n)
{
	return offsetof(oidvector, values) + static_cast<Size>(n) * sizeof(Oid);
}

void CheckValidOidVector(const oidvector *v)
{
	if (v->ndim != 1 || v->dataoffset != 0 || v->elemtype != kOidTypeOid)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("array is not a valid oidvector"));
}

[[noreturn]] void InvalidOidSyntax(const char *s)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("invalid input syntax for type %s: \"%s\"", "oid", s));
	pg_unreachable();
}

[[noreturn]] void OidOutOfRange(const char *s)
{
	ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			errmsg("value \"%s\" is out of range for type %s", s, "oid"));
	pg_unreachable();
}

/*
 * Parse one oid at s.  With endloc, stop after the number and report
 * where; without, only whitespace may follow.  strtoul takes leading
 * whitespace and a sign; a negative number wraps, and is accepted when it
 * is the sign extension of a 32-bit value.
 */
Oid ParseOid(const char *s, char **endloc)
{
	if (*s == '\0')
		InvalidOidSyntax(s);

	char *end;
	errno = 0;
	unsigned long cvt = strtoul(s, &end, 10);
	if (errno != 0 && errno != ERANGE && errno != EINVAL)
		InvalidOidSyntax(s);
	if (end == s)
		InvalidOidSyntax(s);
	if (errno == ERANGE)
		OidOutOfRange(s);

	if (endloc != nullptr)
		*endloc = end;
	else
	{
		while (*end != '\0' && isspace(static_cast<unsigned char>(*end)))
			end++;
		if (*end != '\0')
			InvalidOidSyntax(s);
	}

	auto result = static_cast<Oid>(cvt);
	if (cvt != static_cast<unsigned long>(result) &&
		cvt != static_cast<unsigned long>(static_cast<long>(static_cast<int>(result))))
		OidOutOfRange(s);
	return result;
}

int32 CompareOidVectors(const oidvector *a, const oidvector *b)
{
	CheckValidOidVector(a);
	CheckValidOidVector(b);
	if (a->dim1 != b->dim1)
		return a->dim1 - b->dim1;
	for (int i = 0; i < a->dim1; i++)
	{
		if (a->values[i] != b->values[i])
			return a->values[i] > b->values[i] ? 1 : -1;
	}
	return 0;
}

int32 CompareOidVectorArgs(FunctionCallInfo fcinfo)
{
	return CompareOidVectors(reinterpret_cast<oidvector *>(PG_GETARG_POINTER(0)),
							 reinterpret_cast<oidvector *>(PG_GETARG_POINTER(1)));
}

}  // namespace

Datum oidin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(ParseOid(PG_GETARG_CSTRING(0), nullptr));
}

Datum oidout(PG_FUNCTION_ARGS)
{
	char *result = static_cast<char *>(palloc(12));
	snprintf(result, 12, "%u", PG_GETARG_OID(0));
	PG_RETURN_CSTRING(result);
}

oidvector *buildoidvector(const Oid *oids, int n)
{
	auto *result = static_cast<oidvector *>(palloc0(OidVectorSize(n)));
	if (n > 0 && oids != nullptr)
		memcpy(result->values, oids, n * sizeof(Oid));
	SET_VARSIZE(result, OidVectorSize(n));
	result->ndim = 1;
	result->dataoffset = 0;
	result->elemtype = kOidTypeOid;
	result->dim1 = n;
	result->lbound1 = 0; /* historically 0, not 1 */
	return result;
}

/* "1 2 3": oids separated by whitespace. */
Datum oidvectorin(PG_FUNCTION_ARGS)
{
	char *str = PG_GETARG_CSTRING(0);
	int nalloc = 32;
	auto *result = static_cast<oidvector *>(palloc0(OidVectorSize(nalloc)));
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
			result = static_cast<oidvector *>(repalloc(result, OidVectorSize(nalloc)));
		}
		result->values[n] = ParseOid(str, &str);
	}
	SET_VARSIZE(result, OidVectorSize(n));
	result->ndim = 1;
	result->dataoffset = 0;
	result->elemtype = kOidTypeOid;
	result->dim1 = n;
	result->lbound1 = 0;
	PG_RETURN_POINTER(result);
}

Datum oidvectorout(PG_FUNCTION_ARGS)
{
	auto *v = reinterpret_cast<oidvector *>(PG_GETARG_POINTER(0));
	CheckValidOidVector(v);
	int n = v->dim1;
	char *result = static_cast<char *>(palloc(static_cast<Size>(n) * 12 + 1));
	char *p = result;
	for (int i = 0; i < n; i++)
	{
		if (i != 0)
			*p++ = ' ';
		p += sprintf(p, "%u", v->values[i]);
	}
	*p = '\0';
	PG_RETURN_CSTRING(result);
}

/* ---- comparisons ---- */

Datum oideq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_OID(0) == PG_GETARG_OID(1));
}

Datum oidne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_OID(0) != PG_GETARG_OID(1));
}

Datum oidlt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_OID(0) < PG_GETARG_OID(1));
}

Datum oidle(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_OID(0) <= PG_GETARG_OID(1));
}

Datum oidgt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_OID(0) > PG_GETARG_OID(1));
}

Datum oidge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_OID(0) >= PG_GETARG_OID(1));
}

Datum btoidcmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare3(PG_GETARG_OID(0), PG_GETARG_OID(1)));
}

Datum oidlarger(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(Max(PG_GETARG_OID(0), PG_GETARG_OID(1)));
}

Datum oidsmaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(Min(PG_GETARG_OID(0), PG_GETARG_OID(1)));
}

Datum btoidvectorcmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CompareOidVectorArgs(fcinfo));
}

Datum oidvectoreq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareOidVectorArgs(fcinfo) == 0);
}

Datum oidvectorne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareOidVectorArgs(fcinfo) != 0);
}

Datum oidvectorlt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareOidVectorArgs(fcinfo) < 0);
}

Datum oidvectorle(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareOidVectorArgs(fcinfo) <= 0);
}

Datum oidvectorgt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareOidVectorArgs(fcinfo) > 0);
}

Datum oidvectorge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareOidVectorArgs(fcinfo) >= 0);
}

Datum oidrecv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	PG_RETURN_OID(static_cast<Oid>(pq_getmsgint(buf, 4)));
}

Datum oidsend(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint32(&buf, PG_GETARG_OID(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* oidvector's binary form is an array's (one dimension, lower bound 0, no
 * NULLs), read by array_recv with this call's FmgrInfo for its cache. */
Datum oidvectorrecv(PG_FUNCTION_ARGS)
{
	LOCAL_FCINFO(locfcinfo, 3);
	InitFunctionCallInfoData(*locfcinfo, fcinfo->flinfo, 3, InvalidOid, nullptr, nullptr);
	locfcinfo->args[0].value = PG_GETARG_DATUM(0);
	locfcinfo->args[0].isnull = false;
	locfcinfo->args[1].value = ObjectIdGetDatum(OIDOID);
	locfcinfo->args[1].isnull = false;
	locfcinfo->args[2].value = Int32GetDatum(-1);
	locfcinfo->args[2].isnull = false;
	auto *result = reinterpret_cast<ArrayType *>(DatumGetPointer(array_recv(locfcinfo)));
	if (ARR_NDIM(result) != 1 || ARR_HASNULL(result) || ARR_ELEMTYPE(result) != OIDOID ||
		ARR_LBOUND(result)[0] != 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid oidvector data"));
	PG_RETURN_POINTER(result);
}

Datum oidvectorsend(PG_FUNCTION_ARGS)
{
	return array_send(fcinfo);
}
