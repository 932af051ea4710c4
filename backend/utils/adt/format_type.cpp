/*
 * format_type.cpp — a type's name as PostgreSQL prints it in messages
 * and psql shows it: SQL-standard spellings for the built-in types
 * ("integer", "character varying(10)"), "[]" for arrays, schema-
 * qualified when the schema is not in the search path.
 *
 * Principal entry points: format_type_be, format_type_with_typemod, and
 * the SQL function format_type(oid, int4).
 */
#include "postgres.h"

#include <string>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/fmgrprotos.h"
#include "utils/format_type.h"
#include "utils/syscache.h"

namespace {

/* The typmod in parentheses, or "" for -1.  (Formatted with snprintf:
 * GCC 12 at -O3 misreports string concatenation here, -Wrestrict.) */
std::string TypmodSuffix(Oid typid, int32 typmod)
{
	if (typmod < 0)
		return {};
	char buf[64];
	switch (typid)
	{
		case BPCHAROID:
		case VARCHAROID:
			snprintf(buf, sizeof buf, "(%d)", typmod - 4);
			break;
		case NUMERICOID:
		{
			/* precision in the high 16 bits, the scale an 11-bit two's
			 * complement number in the low ones (numeric.cpp) */
			int32 tm = typmod - 4;
			int scale = ((tm & 0x7ff) ^ 1024) - 1024;
			snprintf(buf, sizeof buf, "(%d,%d)", (tm >> 16) & 0xffff, scale);
			break;
		}
		case INTERVALOID:
			/* " day to second(3)": the type's own modifier output */
			return DatumGetCString(DirectFunctionCall1(intervaltypmodout, Int32GetDatum(typmod)));
		default:
			/* bit(n), timestamp(p), …: the typmod is the number shown. */
			snprintf(buf, sizeof buf, "(%d)", typmod);
			break;
	}
	return buf;
}

/* typemod_given: the caller passed a typmod, even -1 (PostgreSQL's
 * FORMAT_TYPE_TYPEMOD_GIVEN); it matters only for bpchar, see below. */
std::string FormatType(Oid type_oid, int32 typemod, bool typemod_given, bool allow_invalid)
{
	if (!OidIsValid(type_oid) && allow_invalid)
		return "-";
	HeapTuple tuple = SearchSysCache1(TYPEOID, ObjectIdGetDatum(type_oid));
	if (tuple == nullptr)
	{
		if (allow_invalid)
			return "???";
		elog(ERROR, "cache lookup failed for type %u", type_oid);
	}
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tuple));
	/* A true array type (subscripted as an array, not a fixed-size
	 * vector such as int2vector or point) shows as its element type with
	 * [], as in PostgreSQL. */
	if (OidIsValid(form->typelem) && form->typsubscript == F_ARRAY_SUBSCRIPT_HANDLER &&
		form->typstorage != TYPSTORAGE_PLAIN)
		return FormatType(form->typelem, typemod, typemod_given, allow_invalid) + "[]";
	std::string with = TypmodSuffix(type_oid, typemod);
	switch (type_oid)
	{
		case BITOID:
			return "bit" + with;
		case BOOLOID:
			return "boolean";
		case BPCHAROID:
			/* "character" alone means character(1), so a bpchar whose typmod
			 * was given as -1 (a constant's or a cast's) is printed as
			 * "bpchar", which reads back without a length. */
			if (typemod_given && typemod < 0)
				return "bpchar";
			return "character" + with;
		case FLOAT4OID:
			return "real";
		case FLOAT8OID:
			return "double precision";
		case INT2OID:
			return "smallint";
		case INT4OID:
			return "integer";
		case INT8OID:
			return "bigint";
		case NUMERICOID:
			return "numeric" + with;
		case INTERVALOID:
			return "interval" + with;
		case TIMEOID:
			return "time" + with + " without time zone";
		case TIMETZOID:
			return "time" + with + " with time zone";
		case TIMESTAMPOID:
			return "timestamp" + with + " without time zone";
		case TIMESTAMPTZOID:
			return "timestamp" + with + " with time zone";
		case VARBITOID:
			return "bit varying" + with;
		case VARCHAROID:
			return "character varying" + with;
		default:
			break;
	}
	std::string name = NameStr(form->typname);
	std::string quoted = quote_identifier(name.c_str());
	/* Qualified unless the schema is in the path and the name finds it. */
	if (form->typnamespace != PG_CATALOG_NAMESPACE && TypenameGetTypid(name.c_str()) != type_oid)
	{
		HeapTuple nsp = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(form->typnamespace));
		if (nsp != nullptr)
			quoted = std::string(quote_identifier(
						 NameStr(reinterpret_cast<Form_pg_namespace>(GETSTRUCT(nsp))->nspname))) +
				"." + quoted;
	}
	return quoted + with;
}

}  // namespace

char *format_type_be(Oid type_oid)
{
	return pstrdup(FormatType(type_oid, -1, false, false).c_str());
}

char *format_type_with_typemod(Oid type_oid, int32 typemod)
{
	return pstrdup(FormatType(type_oid, typemod, true, false).c_str());
}

Datum format_type(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	Oid type_oid = PG_GETARG_OID(0);
	int32 typemod = PG_ARGISNULL(1) ? -1 : PG_GETARG_INT32(1);
	std::string s = FormatType(type_oid, typemod, !PG_ARGISNULL(1), true);
	PG_RETURN_TEXT_P(cstring_to_text(s.c_str()));
}
