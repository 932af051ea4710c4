/*
 * regproc.cpp — the OID alias types regproc, regprocedure, regoper,
 * regoperator, regclass, regcollation, regtype, regconfig,
 * regdictionary, regrole and regnamespace.
 *
 * PostgreSQL reads a name ('pg_class'::regclass) by looking it up in the
 * catalogs and prints the object's name.  Tusk cannot look names up yet:
 * input takes only the numeric OID (and "-", or "0" for the operator
 * types, meaning InvalidOid, as PostgreSQL does); any other input is
 * 0A000 "<kind> names are not supported yet".  Output is the number, or
 * "-" ("0") for InvalidOid — what PostgreSQL prints for an OID with no
 * catalog row.  Once the caches exist, input should resolve names and
 * output should print them (PostgreSQL's regproc.c describes the rules:
 * search-path visibility, qualification, argument lists for
 * regprocedure and regoperator).
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h).
 */
#include "postgres.h"

#include "utils/builtins.h"

namespace {

/*
 * An alias type's input: invalid_spelling ("-" or "0") is InvalidOid, a
 * string of digits is an OID (read by oidin, with its range error); a
 * name needs the catalogs.
 */
Oid AliasIn(const char *str, const char *invalid_spelling, const char *kind)
{
	if (strcmp(str, invalid_spelling) == 0)
		return InvalidOid;
	if (str[0] >= '0' && str[0] <= '9' && strspn(str, "0123456789") == strlen(str))
		return DatumGetObjectId(DirectFunctionCall1(oidin, CStringGetDatum(str)));
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("%s names are not supported yet", kind),
			errdetail("Only a numeric OID can be given, not \"%s\".", str));
	pg_unreachable();
}

char *AliasOut(Oid oid, const char *invalid_spelling)
{
	if (oid == InvalidOid)
		return pstrdup(invalid_spelling);
	return psprintf("%u", oid);
}

}  // namespace

Datum regprocin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasIn(PG_GETARG_CSTRING(0), "-", "function"));
}

Datum regprocout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(AliasOut(PG_GETARG_OID(0), "-"));
}

Datum regprocedurein(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasIn(PG_GETARG_CSTRING(0), "-", "function"));
}

Datum regprocedureout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(AliasOut(PG_GETARG_OID(0), "-"));
}

Datum regoperin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasIn(PG_GETARG_CSTRING(0), "0", "operator"));
}

Datum regoperout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(AliasOut(PG_GETARG_OID(0), "0"));
}

Datum regoperatorin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasIn(PG_GETARG_CSTRING(0), "0", "operator"));
}

Datum regoperatorout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(AliasOut(PG_GETARG_OID(0), "0"));
}

Datum regclassin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasIn(PG_GETARG_CSTRING(0), "-", "relation"));
}

Datum regclassout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(AliasOut(PG_GETARG_OID(0), "-"));
}

Datum regcollationin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasIn(PG_GETARG_CSTRING(0), "-", "collation"));
}

Datum regcollationout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(AliasOut(PG_GETARG_OID(0), "-"));
}

Datum regtypein(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasIn(PG_GETARG_CSTRING(0), "-", "type"));
}

Datum regtypeout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(AliasOut(PG_GETARG_OID(0), "-"));
}

Datum regconfigin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasIn(PG_GETARG_CSTRING(0), "-", "text search configuration"));
}

Datum regconfigout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(AliasOut(PG_GETARG_OID(0), "-"));
}

Datum regdictionaryin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasIn(PG_GETARG_CSTRING(0), "-", "text search dictionary"));
}

Datum regdictionaryout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(AliasOut(PG_GETARG_OID(0), "-"));
}

Datum regrolein(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasIn(PG_GETARG_CSTRING(0), "-", "role"));
}

Datum regroleout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(AliasOut(PG_GETARG_OID(0), "-"));
}

Datum regnamespacein(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasIn(PG_GETARG_CSTRING(0), "-", "schema"));
}

Datum regnamespaceout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(AliasOut(PG_GETARG_OID(0), "-"));
}
