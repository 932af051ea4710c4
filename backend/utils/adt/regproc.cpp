/*
 * regproc.cpp — the OID alias types regproc, regprocedure, regoper,
 * regoperator, regclass, regcollation, regtype, regconfig,
 * regdictionary, regrole and regnamespace.
 *
 * Input takes a numeric OID (and "-", or "0" for the operator types,
 * meaning InvalidOid, as PostgreSQL does) or, for regclass, regtype,
 * regproc, regnamespace and regrole, a name looked up in the catalogs
 * (through search_path, schema-qualified or not), with PostgreSQL's
 * "does not exist" errors.  Output prints those types' names — quoted
 * as identifiers need, schema-qualified when the search path would not
 * find them — and the number for an OID with no catalog row, as
 * PostgreSQL does.  The other alias types (regprocedure, regoper,
 * regoperator, regcollation, regconfig, regdictionary) still take and
 * print only numbers; a name is 0A000.
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h).
 */
#include "postgres.h"

#include <string>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "nodes/parsenodes.h"
#include "parser/parse_expr.h"
#include "parser/parser.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/relcache.h"
#include "utils/syscache.h"

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

bool IsNumeric(const char *str)
{
	return str[0] >= '0' && str[0] <= '9' && strspn(str, "0123456789") == strlen(str);
}

/* A possibly qualified, possibly quoted name ("s"."t", s.t, T) as the
 * list of its parts (PostgreSQL's stringToQualifiedNameList). */
List *QualifiedNameList(const char *str, const char *kind)
{
	List *names = NIL;
	const char *p = str;
	for (;;)
	{
		std::string part;
		if (*p == '"')
		{
			p++;
			for (;;)
			{
				if (*p == '\0')
					ereport(ERROR, errcode(ERRCODE_INVALID_NAME), errmsg("invalid name syntax"));
				if (*p == '"' && p[1] == '"')
				{
					part += '"';
					p += 2;
				}
				else if (*p == '"')
				{
					p++;
					break;
				}
				else
					part += *p++;
			}
		}
		else
		{
			while (*p != '\0' && *p != '.' && *p != ' ')
				part += static_cast<char>(tolower(static_cast<unsigned char>(*p++)));
		}
		if (part.empty())
			ereport(ERROR, errcode(ERRCODE_INVALID_NAME), errmsg("invalid name syntax"));
		names = lappend(names, makeString(pstrdup(part.c_str())));
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if (*p != '.')
			ereport(ERROR, errcode(ERRCODE_INVALID_NAME), errmsg("invalid name syntax"));
		p++;
	}
	(void) kind;
	return names;
}

/* The name, qualified when the search path would not find this object
 * by its bare name. */
std::string QualifiedIfNeeded(Oid nspid, const char *name, bool visible)
{
	std::string out = quote_identifier(name);
	if (visible)
		return out;
	char *nsp = get_namespace_name(nspid);
	return std::string(quote_identifier(nsp != nullptr ? nsp : "?")) + "." + out;
}

}  // namespace

Datum regprocin(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	if (strcmp(str, "-") == 0)
		PG_RETURN_OID(InvalidOid);
	if (IsNumeric(str))
		PG_RETURN_OID(AliasIn(str, "-", "function"));
	List *names = QualifiedNameList(str, "function");
	FuncCandidateList c = FuncnameGetCandidates(names, -1, NIL, false, false, false, true);
	if (c == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("function \"%s\" does not exist", str));
	if (c->next != nullptr)
		ereport(ERROR, errcode(ERRCODE_AMBIGUOUS_FUNCTION),
				errmsg("more than one function named \"%s\"", str));
	PG_RETURN_OID(c->oid);
}

Datum regprocout(PG_FUNCTION_ARGS)
{
	Oid procid = PG_GETARG_OID(0);
	if (procid == InvalidOid)
		PG_RETURN_CSTRING(pstrdup("-"));
	/* Without catalogs to read (bootstrap, tests below them): the number. */
	if (!RelationCacheHasCatalogs)
		PG_RETURN_CSTRING(psprintf("%u", procid));
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(procid));
	if (tup == nullptr)
		PG_RETURN_CSTRING(psprintf("%u", procid));
	auto *form = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	/* Qualified unless the bare name finds exactly this function. */
	List *names = list_make1(makeString(pstrdup(NameStr(form->proname))));
	FuncCandidateList c = FuncnameGetCandidates(names, -1, NIL, false, false, false, true);
	bool visible = c != nullptr && c->next == nullptr && c->oid == procid;
	PG_RETURN_CSTRING(
		pstrdup(QualifiedIfNeeded(form->pronamespace, NameStr(form->proname), visible).c_str()));
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
	const char *str = PG_GETARG_CSTRING(0);
	if (strcmp(str, "-") == 0)
		PG_RETURN_OID(InvalidOid);
	if (IsNumeric(str))
		PG_RETURN_OID(AliasIn(str, "-", "relation"));
	List *names = QualifiedNameList(str, "relation");
	char *schemaname;
	char *relname;
	DeconstructQualifiedName(names, &schemaname, &relname);
	RangeVar *rv = makeNode(RangeVar);
	rv->schemaname = schemaname;
	rv->relname = relname;
	rv->location = -1;
	PG_RETURN_OID(RangeVarGetRelid(rv, NoLock, false));
}

Datum regclassout(PG_FUNCTION_ARGS)
{
	Oid relid = PG_GETARG_OID(0);
	if (relid == InvalidOid)
		PG_RETURN_CSTRING(pstrdup("-"));
	/* Without catalogs to read (bootstrap, tests below them): the number. */
	if (!RelationCacheHasCatalogs)
		PG_RETURN_CSTRING(psprintf("%u", relid));
	HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (tup == nullptr)
		PG_RETURN_CSTRING(psprintf("%u", relid));
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	bool visible = RelationIsVisible(relid);
	PG_RETURN_CSTRING(
		pstrdup(QualifiedIfNeeded(form->relnamespace, NameStr(form->relname), visible).c_str()));
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
	const char *str = PG_GETARG_CSTRING(0);
	if (strcmp(str, "-") == 0)
		PG_RETURN_OID(InvalidOid);
	if (IsNumeric(str))
		PG_RETURN_OID(AliasIn(str, "-", "type"));
	/* A type name in any SQL spelling ("double precision", "int[]"): the
	 * grammar reads it, as PostgreSQL's parseTypeString does. */
	std::string query = std::string("SELECT NULL::") + str;
	List *stmts = raw_parser(query.c_str());
	if (list_length(stmts) != 1)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("invalid type name \"%s\"", str));
	SelectStmt *select = reinterpret_cast<SelectStmt *>(castNode(RawStmt, linitial(stmts))->stmt);
	if (!IsA(select, SelectStmt) || list_length(select->targetList) != 1)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("invalid type name \"%s\"", str));
	Node *val = castNode(ResTarget, linitial(select->targetList))->val;
	if (!IsA(val, TypeCast))
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("invalid type name \"%s\"", str));
	PG_RETURN_OID(typenameTypeId(nullptr, reinterpret_cast<TypeCast *>(val)->typeName));
}

Datum regtypeout(PG_FUNCTION_ARGS)
{
	Oid typid = PG_GETARG_OID(0);
	if (typid == InvalidOid)
		PG_RETURN_CSTRING(pstrdup("-"));
	/* Without catalogs to read (bootstrap, tests below them): the number. */
	if (!RelationCacheHasCatalogs)
		PG_RETURN_CSTRING(psprintf("%u", typid));
	if (!SearchSysCacheExists1(TYPEOID, ObjectIdGetDatum(typid)))
		PG_RETURN_CSTRING(psprintf("%u", typid));
	PG_RETURN_CSTRING(format_type_be(typid));
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
	const char *str = PG_GETARG_CSTRING(0);
	if (strcmp(str, "-") == 0)
		PG_RETURN_OID(InvalidOid);
	if (IsNumeric(str))
		PG_RETURN_OID(AliasIn(str, "-", "role"));
	List *names = QualifiedNameList(str, "role");
	if (list_length(names) != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_NAME), errmsg("invalid name syntax"));
	Oid roleid = GetSysCacheOid1(AUTHNAME, Anum_pg_authid_oid,
								 CStringGetDatum(strVal(linitial(names))));
	if (!OidIsValid(roleid))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("role \"%s\" does not exist", strVal(linitial(names))));
	PG_RETURN_OID(roleid);
}

Datum regroleout(PG_FUNCTION_ARGS)
{
	Oid roleid = PG_GETARG_OID(0);
	if (roleid == InvalidOid)
		PG_RETURN_CSTRING(pstrdup("-"));
	/* Without catalogs to read (bootstrap, tests below them): the number. */
	if (!RelationCacheHasCatalogs)
		PG_RETURN_CSTRING(psprintf("%u", roleid));
	HeapTuple tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid));
	if (tup == nullptr)
		PG_RETURN_CSTRING(psprintf("%u", roleid));
	PG_RETURN_CSTRING(pstrdup(
		quote_identifier(NameStr(reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolname))));
}

Datum regnamespacein(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	if (strcmp(str, "-") == 0)
		PG_RETURN_OID(InvalidOid);
	if (IsNumeric(str))
		PG_RETURN_OID(AliasIn(str, "-", "schema"));
	List *names = QualifiedNameList(str, "schema");
	if (list_length(names) != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_NAME), errmsg("invalid name syntax"));
	PG_RETURN_OID(get_namespace_oid(strVal(linitial(names)), false));
}

Datum regnamespaceout(PG_FUNCTION_ARGS)
{
	Oid nspid = PG_GETARG_OID(0);
	if (nspid == InvalidOid)
		PG_RETURN_CSTRING(pstrdup("-"));
	/* Without catalogs to read (bootstrap, tests below them): the number. */
	if (!RelationCacheHasCatalogs)
		PG_RETURN_CSTRING(psprintf("%u", nspid));
	char *name = get_namespace_name(nspid);
	if (name == nullptr)
		PG_RETURN_CSTRING(psprintf("%u", nspid));
	PG_RETURN_CSTRING(pstrdup(quote_identifier(name)));
}

/* The OID alias types travel as their OID (4 bytes), as in PostgreSQL. */
Datum regprocrecv(PG_FUNCTION_ARGS)
{
	return oidrecv(fcinfo);
}

Datum regprocsend(PG_FUNCTION_ARGS)
{
	return oidsend(fcinfo);
}

Datum regprocedurerecv(PG_FUNCTION_ARGS)
{
	return oidrecv(fcinfo);
}

Datum regproceduresend(PG_FUNCTION_ARGS)
{
	return oidsend(fcinfo);
}

Datum regoperrecv(PG_FUNCTION_ARGS)
{
	return oidrecv(fcinfo);
}

Datum regopersend(PG_FUNCTION_ARGS)
{
	return oidsend(fcinfo);
}

Datum regoperatorrecv(PG_FUNCTION_ARGS)
{
	return oidrecv(fcinfo);
}

Datum regoperatorsend(PG_FUNCTION_ARGS)
{
	return oidsend(fcinfo);
}

Datum regclassrecv(PG_FUNCTION_ARGS)
{
	return oidrecv(fcinfo);
}

Datum regclasssend(PG_FUNCTION_ARGS)
{
	return oidsend(fcinfo);
}

Datum regtyperecv(PG_FUNCTION_ARGS)
{
	return oidrecv(fcinfo);
}

Datum regtypesend(PG_FUNCTION_ARGS)
{
	return oidsend(fcinfo);
}

Datum regnamespacerecv(PG_FUNCTION_ARGS)
{
	return oidrecv(fcinfo);
}

Datum regnamespacesend(PG_FUNCTION_ARGS)
{
	return oidsend(fcinfo);
}

Datum regrolerecv(PG_FUNCTION_ARGS)
{
	return oidrecv(fcinfo);
}

Datum regrolesend(PG_FUNCTION_ARGS)
{
	return oidsend(fcinfo);
}

Datum regcollationrecv(PG_FUNCTION_ARGS)
{
	return oidrecv(fcinfo);
}

Datum regcollationsend(PG_FUNCTION_ARGS)
{
	return oidsend(fcinfo);
}

Datum regconfigrecv(PG_FUNCTION_ARGS)
{
	return oidrecv(fcinfo);
}

Datum regconfigsend(PG_FUNCTION_ARGS)
{
	return oidsend(fcinfo);
}

Datum regdictionaryrecv(PG_FUNCTION_ARGS)
{
	return oidrecv(fcinfo);
}

Datum regdictionarysend(PG_FUNCTION_ARGS)
{
	return oidsend(fcinfo);
}
