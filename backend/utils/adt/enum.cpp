/*
 * enum.cpp — enum types' values (PostgreSQL's enum.c): input and output,
 * binary send/recv, comparison in declared order, hashing, enum_first,
 * enum_last and enum_range.
 *
 * An enum value is the OID of its pg_enum row (a 4-byte by-value Datum,
 * as in PostgreSQL).  Its label is the row's enumlabel, its place in the
 * order the row's enumsortorder (a float4, so ALTER TYPE … ADD VALUE
 * BEFORE/AFTER can put a value between two others; commands/typecmds.cpp).
 * Comparison looks both rows up in the ENUMOID catalog cache, so values
 * added by ALTER TYPE sort where they were put as soon as the catalog
 * change is visible.
 *
 * Principal entry points: enum_in, enum_out, enum_recv, enum_send,
 * enum_cmp and the comparison operators, hashenum, enum_first/last,
 * enum_range_all/bounds.  The rows are read and written in
 * catalog/pg_enum.cpp.
 */
#include "postgres.h"

#include <vector>

#include "access/htup_details.h"
#include "catalog/pg_enum_d.h"
#include "catalog/pg_enum_fns.h"
#include "catalog/pg_type_d.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/fmgrprotos.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

namespace {

/* The value with this label in enum type typid, or InvalidOid. */
Oid EnumValueByLabel(Oid typid, const char *label)
{
	for (const EnumMember &m : EnumValuesInOrder(typid))
		if (m.label == label)
			return m.oid;
	return InvalidOid;
}

Oid EnumInput(Oid typid, const char *label)
{
	if (strlen(label) >= NAMEDATALEN)
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input value for enum %s: \"%s\"", format_type_be(typid), label));
	Oid value = EnumValueByLabel(typid, label);
	if (!OidIsValid(value))
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input value for enum %s: \"%s\"", format_type_be(typid), label));
	return value;
}

/* The pg_enum row of a value; 22P02 when there is none (a value of a
 * label since removed with its type, or garbage). */
HeapTuple EnumRow(Oid value)
{
	HeapTuple tup = SearchSysCache1(ENUMOID, ObjectIdGetDatum(value));
	if (tup == nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid internal value for enum: %u", value));
	return tup;
}

float4 SortOrder(Oid value)
{
	HeapTuple tup = EnumRow(value);
	float4 order = reinterpret_cast<Form_pg_enum>(GETSTRUCT(tup))->enumsortorder;
	ReleaseSysCache(tup);
	return order;
}

int EnumCmp(Oid a, Oid b)
{
	if (a == b)
		return 0;
	float4 oa = SortOrder(a);
	float4 ob = SortOrder(b);
	return oa < ob ? -1 : (oa > ob ? 1 : 0);
}

/* The enum type of argument argno of the call (enum_first and friends use
 * only the type of their argument, which may be NULL). */
Oid EnumArgType(FunctionCallInfo fcinfo, int argno)
{
	Oid typid = get_fn_expr_argtype(fcinfo->flinfo, argno);
	if (!OidIsValid(typid))
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("could not determine actual enum type"));
	return typid;
}

Datum EnumArray(Oid typid, const std::vector<Oid> &values)
{
	std::vector<Datum> elems;
	elems.reserve(values.size());
	for (Oid v : values)
		elems.push_back(ObjectIdGetDatum(v));
	return PointerGetDatum(construct_array(elems.data(), static_cast<int>(elems.size()), typid,
										   sizeof(Oid), true, TYPALIGN_INT));
}

}  // namespace

Datum enum_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(EnumInput(PG_GETARG_OID(1), PG_GETARG_CSTRING(0)));
}

Datum enum_out(PG_FUNCTION_ARGS)
{
	HeapTuple tup = EnumRow(PG_GETARG_OID(0));
	char *label = pstrdup(NameStr(reinterpret_cast<Form_pg_enum>(GETSTRUCT(tup))->enumlabel));
	ReleaseSysCache(tup);
	PG_RETURN_CSTRING(label);
}

/* Binary form: the label's text. */
Datum enum_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	int nbytes;
	char *label = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_OID(EnumInput(PG_GETARG_OID(1), label));
}

Datum enum_send(PG_FUNCTION_ARGS)
{
	HeapTuple tup = EnumRow(PG_GETARG_OID(0));
	const char *label = NameStr(reinterpret_cast<Form_pg_enum>(GETSTRUCT(tup))->enumlabel);
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendtext(&buf, label, static_cast<int>(strlen(label)));
	ReleaseSysCache(tup);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum enum_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(EnumCmp(PG_GETARG_OID(0), PG_GETARG_OID(1)));
}

Datum enum_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_OID(0) == PG_GETARG_OID(1));
}

Datum enum_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_OID(0) != PG_GETARG_OID(1));
}

Datum enum_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(EnumCmp(PG_GETARG_OID(0), PG_GETARG_OID(1)) < 0);
}

Datum enum_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(EnumCmp(PG_GETARG_OID(0), PG_GETARG_OID(1)) <= 0);
}

Datum enum_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(EnumCmp(PG_GETARG_OID(0), PG_GETARG_OID(1)) > 0);
}

Datum enum_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(EnumCmp(PG_GETARG_OID(0), PG_GETARG_OID(1)) >= 0);
}

Datum enum_smaller(PG_FUNCTION_ARGS)
{
	Oid a = PG_GETARG_OID(0);
	Oid b = PG_GETARG_OID(1);
	PG_RETURN_OID(EnumCmp(a, b) < 0 ? a : b);
}

Datum enum_larger(PG_FUNCTION_ARGS)
{
	Oid a = PG_GETARG_OID(0);
	Oid b = PG_GETARG_OID(1);
	PG_RETURN_OID(EnumCmp(a, b) > 0 ? a : b);
}

/* Hashes the value's OID: equal values are the same OID. */
Datum hashenum(PG_FUNCTION_ARGS)
{
	Oid v = PG_GETARG_OID(0);
	return hash_any(reinterpret_cast<const unsigned char *>(&v), sizeof v);
}

Datum hashenumextended(PG_FUNCTION_ARGS)
{
	Oid v = PG_GETARG_OID(0);
	return hash_any_extended(reinterpret_cast<const unsigned char *>(&v), sizeof v,
							 static_cast<uint64>(PG_GETARG_INT64(1)));
}

Datum enum_first(PG_FUNCTION_ARGS)
{
	Oid typid = EnumArgType(fcinfo, 0);
	std::vector<EnumMember> members = EnumValuesInOrder(typid);
	if (members.empty())
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("enum %s contains no values", format_type_be(typid)));
	PG_RETURN_OID(members.front().oid);
}

Datum enum_last(PG_FUNCTION_ARGS)
{
	Oid typid = EnumArgType(fcinfo, 0);
	std::vector<EnumMember> members = EnumValuesInOrder(typid);
	if (members.empty())
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("enum %s contains no values", format_type_be(typid)));
	PG_RETURN_OID(members.back().oid);
}

Datum enum_range_all(PG_FUNCTION_ARGS)
{
	Oid typid = EnumArgType(fcinfo, 0);
	std::vector<Oid> values;
	for (const EnumMember &m : EnumValuesInOrder(typid))
		values.push_back(m.oid);
	return EnumArray(typid, values);
}

/* enum_range(lower, upper): the values from lower to upper inclusive; a
 * NULL bound is open. */
Datum enum_range_bounds(PG_FUNCTION_ARGS)
{
	Oid typid = EnumArgType(fcinfo, 0);
	std::vector<EnumMember> members = EnumValuesInOrder(typid);
	size_t from = 0;
	size_t to = members.size();
	if (!PG_ARGISNULL(0))
	{
		Oid lower = PG_GETARG_OID(0);
		while (from < members.size() && members[from].oid != lower)
			from++;
	}
	if (!PG_ARGISNULL(1))
	{
		Oid upper = PG_GETARG_OID(1);
		size_t i = 0;
		while (i < members.size() && members[i].oid != upper)
			i++;
		to = i < members.size() ? i + 1 : members.size();
	}
	std::vector<Oid> values;
	for (size_t i = from; i < to; i++)
		values.push_back(members[i].oid);
	return EnumArray(typid, values);
}
