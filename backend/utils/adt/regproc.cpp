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

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "catalog/namespace.h"
#include "catalog/pg_authid_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_conversion.h"
#include "catalog/pg_opclass.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_opfamily.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "nodes/parsenodes.h"
#include "parser/parse_expr.h"
#include "parser/parser.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/regproc.h"
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

/* A type name in any SQL spelling ("double precision", "int[]",
 * "varchar(10)"), read by the grammar as PostgreSQL's parseTypeString
 * does; a syntax error is an error even when missing_ok. */
TypeName *ParseTypeString(const char *str)
{
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
	return reinterpret_cast<TypeCast *>(val)->typeName;
}

/* The type a type name denotes; InvalidOid if there is none and
 * missing_ok, else the parser's "type … does not exist". */
Oid LookupTypeOid(TypeName *tn, bool missing_ok)
{
	char *schema;
	char *name;
	DeconstructQualifiedName(tn->names, &schema, &name);
	Oid typid = InvalidOid;
	if (schema != nullptr)
	{
		Oid nsp = get_namespace_oid(schema, true);
		if (OidIsValid(nsp))
			typid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum(name),
									ObjectIdGetDatum(nsp));
	}
	else
		typid = TypenameGetTypid(name);
	if (OidIsValid(typid) && tn->arrayBounds != NIL)
		typid = get_array_type(typid);
	if (!OidIsValid(typid) && !missing_ok)
		return typenameTypeId(nullptr, tn);
	return typid;
}

Oid TypeIn(const char *str, bool missing_ok)
{
	return LookupTypeOid(ParseTypeString(str), missing_ok);
}

Oid ClassIn(const char *str, bool missing_ok)
{
	List *names = QualifiedNameList(str, "relation");
	if (list_length(names) > 3)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("improper relation name (too many dotted names): %s",
					   NameListToString(names)));
	char *schemaname;
	char *relname;
	DeconstructQualifiedName(names, &schemaname, &relname);
	RangeVar *rv = makeNode(RangeVar);
	rv->schemaname = schemaname;
	rv->relname = relname;
	rv->location = -1;
	if (missing_ok && schemaname != nullptr && !OidIsValid(get_namespace_oid(schemaname, true)))
		return InvalidOid;
	return RangeVarGetRelid(rv, NoLock, missing_ok);
}

Oid ProcIn(const char *str, bool missing_ok)
{
	List *names = QualifiedNameList(str, "function");
	FuncCandidateList c = FuncnameGetCandidates(names, -1, NIL, false, false, false, true);
	if (c == nullptr)
	{
		if (missing_ok)
			return InvalidOid;
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("function \"%s\" does not exist", str));
	}
	if (c->next != nullptr)
	{
		if (missing_ok)
			return InvalidOid;
		ereport(ERROR, errcode(ERRCODE_AMBIGUOUS_FUNCTION),
				errmsg("more than one function named \"%s\"", str));
	}
	return c->oid;
}

/* "name(type, type, …)": the name's parts and the argument types, as
 * PostgreSQL's parseNameAndArgTypes reads them (NONE, for an operator's
 * missing argument, is InvalidOid when allow_none). */
void ParseNameAndArgTypes(const char *str, bool allow_none, List **names, int *nargs, Oid *argtypes)
{
	std::string buf(str);
	size_t open = std::string::npos;
	bool in_quote = false;
	for (size_t i = 0; i < buf.size(); i++)
	{
		if (buf[i] == '"')
			in_quote = !in_quote;
		else if (buf[i] == '(' && !in_quote)
		{
			open = i;
			break;
		}
	}
	if (open == std::string::npos)
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("expected a left parenthesis"));
	size_t close = buf.find_last_of(')');
	if (close == std::string::npos || close < open)
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("expected a right parenthesis"));
	for (size_t i = close + 1; i < buf.size(); i++)
		if (!isspace(static_cast<unsigned char>(buf[i])))
			ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("expected a right parenthesis"));
	std::string name = buf.substr(0, open);
	while (!name.empty() && isspace(static_cast<unsigned char>(name.back())))
		name.pop_back();
	*names = QualifiedNameList(name.c_str(), "function");
	std::string args = buf.substr(open + 1, close - open - 1);
	*nargs = 0;
	bool blank = args.find_first_not_of(" \t\n\r") == std::string::npos;
	if (blank)
		return;
	/* Split at commas outside parentheses and quotes. */
	int depth = 0;
	in_quote = false;
	std::string arg;
	auto add = [&](std::string a) {
		size_t b = a.find_first_not_of(" \t\n\r");
		size_t e = a.find_last_not_of(" \t\n\r");
		if (b == std::string::npos)
			ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("expected a type name"));
		a = a.substr(b, e - b + 1);
		if (*nargs >= FUNC_MAX_ARGS)
			ereport(ERROR, errcode(ERRCODE_TOO_MANY_ARGUMENTS), errmsg("too many arguments"));
		if (allow_none && strcasecmp(a.c_str(), "none") == 0)
			argtypes[(*nargs)++] = InvalidOid;
		else
			argtypes[(*nargs)++] = TypeIn(a.c_str(), false);
	};
	for (char ch : args)
	{
		if (ch == '"')
			in_quote = !in_quote;
		else if (!in_quote && ch == '(')
			depth++;
		else if (!in_quote && ch == ')')
			depth--;
		if (ch == ',' && depth == 0 && !in_quote)
		{
			add(arg);
			arg.clear();
		}
		else
			arg += ch;
	}
	add(arg);
}

Oid ProcedureIn(const char *str, bool missing_ok)
{
	List *names;
	int nargs;
	Oid argtypes[FUNC_MAX_ARGS];
	ParseNameAndArgTypes(str, false, &names, &nargs, argtypes);
	for (FuncCandidateList c = FuncnameGetCandidates(names, nargs, NIL, false, false, false, true);
		 c != nullptr; c = c->next)
		if (memcmp(c->args, argtypes, nargs * sizeof(Oid)) == 0)
			return c->oid;
	if (missing_ok)
		return InvalidOid;
	ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
			errmsg("function \"%s\" does not exist", str));
	pg_unreachable();
}

Oid OperIn(const char *str, bool missing_ok)
{
	List *names = QualifiedNameList(str, "operator");
	FuncCandidateList c = OpernameGetCandidates(names, '\0', true);
	if (c == nullptr)
	{
		if (missing_ok)
			return InvalidOid;
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("operator does not exist: %s", str));
	}
	if (c->next != nullptr)
	{
		if (missing_ok)
			return InvalidOid;
		ereport(ERROR, errcode(ERRCODE_AMBIGUOUS_FUNCTION),
				errmsg("more than one operator named %s", str));
	}
	return c->oid;
}

Oid OperatorIn(const char *str, bool missing_ok)
{
	List *names;
	int nargs;
	Oid argtypes[FUNC_MAX_ARGS];
	ParseNameAndArgTypes(str, true, &names, &nargs, argtypes);
	if (nargs == 1)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_PARAMETER), errmsg("missing argument"),
				errhint("Use NONE to denote the missing argument of a unary operator."));
	if (nargs != 2)
		ereport(ERROR, errcode(ERRCODE_TOO_MANY_ARGUMENTS), errmsg("too many arguments"),
				errhint("Provide two argument types for operator."));
	char kind = OidIsValid(argtypes[0]) ? 'b' : 'l';
	for (FuncCandidateList c = OpernameGetCandidates(names, kind, true); c != nullptr; c = c->next)
		if (c->args[0] == argtypes[0] && c->args[1] == argtypes[1])
			return c->oid;
	if (missing_ok)
		return InvalidOid;
	ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION), errmsg("operator does not exist: %s", str));
	pg_unreachable();
}

/* Tusk's collations are the built-in ones, in pg_catalog, for any
 * encoding (collencoding -1). */
Oid CollationIn(const char *str, bool missing_ok)
{
	List *names = QualifiedNameList(str, "collation");
	char *schema;
	char *name;
	DeconstructQualifiedName(names, &schema, &name);
	Oid nsp = PG_CATALOG_NAMESPACE;
	if (schema != nullptr)
		nsp = get_namespace_oid(schema, missing_ok);
	Oid collid = InvalidOid;
	if (nsp == PG_CATALOG_NAMESPACE)
	{
		SysCacheRow row(SearchSysCache3(COLLNAMEENCNSP, CStringGetDatum(name), Int32GetDatum(-1),
										ObjectIdGetDatum(nsp)));
		HeapTuple tup = row.get();
		if (tup != nullptr)
			collid = reinterpret_cast<Form_pg_collation>(GETSTRUCT(tup))->oid;
	}
	if (!OidIsValid(collid) && !missing_ok)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("collation \"%s\" for encoding \"%s\" does not exist",
					   NameListToString(names), "UTF8"));
	return collid;
}

Oid RoleIn(const char *str, bool missing_ok)
{
	List *names = QualifiedNameList(str, "role");
	if (list_length(names) != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_NAME), errmsg("invalid name syntax"));
	Oid roleid = GetSysCacheOid1(AUTHNAME, Anum_pg_authid_oid,
								 CStringGetDatum(strVal(linitial(names))));
	if (!OidIsValid(roleid) && !missing_ok)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("role \"%s\" does not exist", strVal(linitial(names))));
	return roleid;
}

Oid NamespaceIn(const char *str, bool missing_ok)
{
	List *names = QualifiedNameList(str, "schema");
	if (list_length(names) != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_NAME), errmsg("invalid name syntax"));
	return get_namespace_oid(strVal(linitial(names)), missing_ok);
}

/* An alias type's input: InvalidOid's spelling, a number, or a name
 * looked up by lookup (which errors when it finds nothing). */
Oid AliasInput(const char *str, const char *invalid_spelling, Oid (*lookup)(const char *, bool))
{
	if (strcmp(str, invalid_spelling) == 0)
		return InvalidOid;
	if (IsNumeric(str))
		return DatumGetObjectId(DirectFunctionCall1(oidin, CStringGetDatum(str)));
	return lookup(str, false);
}

/* to_regX(text): the name's object, or NULL if there is none. */
Datum ToReg(FunctionCallInfo fcinfo, Oid (*lookup)(const char *, bool))
{
	char *str = text_to_cstring(PG_GETARG_TEXT_PP(0));
	Oid result = lookup(str, true);
	if (!OidIsValid(result))
		PG_RETURN_NULL();
	PG_RETURN_OID(result);
}

/* Whether the search path finds schema nsp at all. */
bool NamespaceInPath(Oid nsp)
{
	return list_member_oid(fetch_search_path(true), nsp);
}

/* Whether the function's name and argument types find it through the
 * search path (no function with the same signature comes earlier). */
bool FunctionIsVisible(Oid funcid)
{
	SysCacheRow row(SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		return false;
	auto *form = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	if (!NamespaceInPath(form->pronamespace))
		return false;
	int nargs = form->pronargs;
	List *names = list_make1(makeString(pstrdup(NameStr(form->proname))));
	FuncCandidateList all = FuncnameGetCandidates(names, nargs, NIL, false, false, false, true);
	for (FuncCandidateList c = all; c != nullptr; c = c->next)
	{
		if (memcmp(c->args, form->proargtypes.values, nargs * sizeof(Oid)) != 0)
			continue;
		/* The first of this signature along the path is the one found. */
		return c->oid == funcid;
	}
	return false;
}

bool OperatorIsVisible(Oid oprid)
{
	SysCacheRow row(SearchSysCache1(OPEROID, ObjectIdGetDatum(oprid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		return false;
	auto *form = reinterpret_cast<Form_pg_operator>(GETSTRUCT(tup));
	if (!NamespaceInPath(form->oprnamespace))
		return false;
	List *names = list_make1(makeString(pstrdup(NameStr(form->oprname))));
	Oid best = InvalidOid;
	int best_pos = INT_MAX;
	for (FuncCandidateList c = OpernameGetCandidates(names, form->oprkind, true); c != nullptr;
		 c = c->next)
		if (c->args[0] == form->oprleft && c->args[1] == form->oprright && c->pathpos < best_pos)
		{
			best = c->oid;
			best_pos = c->pathpos;
		}
	return best == oprid;
}

bool TypeIsVisible(Oid typid)
{
	SysCacheRow row(SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		return false;
	auto *form = reinterpret_cast<Form_pg_type>(GETSTRUCT(tup));
	return NamespaceInPath(form->typnamespace) && TypenameGetTypid(NameStr(form->typname)) == typid;
}

/* Whether no schema before nsp in the path holds an object named name,
 * as exists says. */
template <typename Exists>
bool FirstInPath(Oid nsp, Exists exists)
{
	ListCell *lc;
	foreach (lc, fetch_search_path(true))
	{
		if (lfirst_oid(lc) == nsp)
			return true;
		if (exists(lfirst_oid(lc)))
			return false;
	}
	return false;
}

bool CollationIsVisible(Oid collid)
{
	SysCacheRow row(SearchSysCache1(COLLOID, ObjectIdGetDatum(collid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		return false;
	auto *form = reinterpret_cast<Form_pg_collation>(GETSTRUCT(tup));
	const char *name = NameStr(form->collname);
	return FirstInPath(form->collnamespace, [&](Oid nsp) {
		return SysCacheRow(SearchSysCache3(COLLNAMEENCNSP, CStringGetDatum(name), Int32GetDatum(-1),
										   ObjectIdGetDatum(nsp)))
				   .get() != nullptr;
	});
}

bool OpclassIsVisible(Oid opcid)
{
	SysCacheRow row(SearchSysCache1(CLAOID, ObjectIdGetDatum(opcid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		return false;
	auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(tup));
	Oid method = form->opcmethod;
	const char *name = NameStr(form->opcname);
	return FirstInPath(form->opcnamespace, [&](Oid nsp) {
		return SysCacheRow(SearchSysCache3(CLAAMNAMENSP, ObjectIdGetDatum(method),
										   CStringGetDatum(name), ObjectIdGetDatum(nsp)))
				   .get() != nullptr;
	});
}

/* Tusk's operator families are the built-in ones (CREATE OPERATOR FAMILY
 * is not supported), so none shadows another: in a schema of the path
 * is visible. */
bool OpfamilyIsVisible(Oid opfid)
{
	SysCacheRow row(SearchSysCache1(OPFAMILYOID, ObjectIdGetDatum(opfid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		return false;
	return NamespaceInPath(reinterpret_cast<Form_pg_opfamily>(GETSTRUCT(tup))->opfnamespace);
}

/* pg_conversion's schema of conversion convid, or InvalidOid if there is
 * no such row (there is no syscache for it). */
Oid ConversionNamespace(Oid convid)
{
	Relation rel = relation_open(ConversionRelationId, AccessShareLock);
	ScanKeyData key;
	ScanKeyInit(&key, Anum_pg_conversion_oid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(convid));
	SysScanDesc scan = systable_beginscan(rel, ConversionOidIndexId, true, nullptr, 1, &key);
	HeapTuple tuple = systable_getnext(scan);
	Oid nsp = tuple != nullptr
		? reinterpret_cast<Form_pg_conversion>(GETSTRUCT(tuple))->connamespace
		: InvalidOid;
	systable_endscan(scan);
	relation_close(rel, AccessShareLock);
	return nsp;
}

/* "name(type,type)" of an operator, NONE for a missing left argument,
 * the name qualified when the path would not find the operator. */
std::string FormatOperator(Oid oprid)
{
	SysCacheRow row(SearchSysCache1(OPEROID, ObjectIdGetDatum(oprid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		return std::to_string(oprid);
	auto *form = reinterpret_cast<Form_pg_operator>(GETSTRUCT(tup));
	std::string out;
	if (!OperatorIsVisible(oprid))
	{
		char *nsp = get_namespace_name(form->oprnamespace);
		out += quote_identifier(nsp != nullptr ? nsp : "?");
		out += '.';
	}
	out += NameStr(form->oprname);
	out += '(';
	out += OidIsValid(form->oprleft) ? format_type_be(form->oprleft) : "NONE";
	out += ',';
	out += OidIsValid(form->oprright) ? format_type_be(form->oprright) : "NONE";
	out += ')';
	return out;
}

std::string FormatProcedure(Oid funcid)
{
	SysCacheRow row(SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		return std::to_string(funcid);
	auto *form = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	std::string out = QualifiedIfNeeded(form->pronamespace, NameStr(form->proname),
										FunctionIsVisible(funcid));
	out += '(';
	for (int i = 0; i < form->pronargs; i++)
	{
		if (i > 0)
			out += ',';
		out += format_type_be(form->proargtypes.values[i]);
	}
	out += ')';
	return out;
}

Datum VisibleOrNull(FunctionCallInfo fcinfo, bool exists, bool visible)
{
	if (!exists)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(visible);
}

}  // namespace

Datum regprocin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasInput(PG_GETARG_CSTRING(0), "-", ProcIn));
}

Datum regprocout(PG_FUNCTION_ARGS)
{
	Oid procid = PG_GETARG_OID(0);
	if (procid == InvalidOid)
		PG_RETURN_CSTRING(pstrdup("-"));
	/* Without catalogs to read (bootstrap, tests below them): the number. */
	if (!RelationCacheHasCatalogs)
		PG_RETURN_CSTRING(psprintf("%u", procid));
	SysCacheRow row(SearchSysCache1(PROCOID, ObjectIdGetDatum(procid)));
	HeapTuple tup = row.get();
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
	PG_RETURN_OID(AliasInput(PG_GETARG_CSTRING(0), "-", ProcedureIn));
}

Datum regprocedureout(PG_FUNCTION_ARGS)
{
	Oid funcid = PG_GETARG_OID(0);
	if (funcid == InvalidOid)
		PG_RETURN_CSTRING(pstrdup("-"));
	if (!RelationCacheHasCatalogs)
		PG_RETURN_CSTRING(psprintf("%u", funcid));
	PG_RETURN_CSTRING(pstrdup(FormatProcedure(funcid).c_str()));
}

Datum regoperin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasInput(PG_GETARG_CSTRING(0), "0", OperIn));
}

Datum regoperout(PG_FUNCTION_ARGS)
{
	Oid oprid = PG_GETARG_OID(0);
	if (oprid == InvalidOid)
		PG_RETURN_CSTRING(pstrdup("0"));
	if (!RelationCacheHasCatalogs)
		PG_RETURN_CSTRING(psprintf("%u", oprid));
	SysCacheRow row(SearchSysCache1(OPEROID, ObjectIdGetDatum(oprid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		PG_RETURN_CSTRING(psprintf("%u", oprid));
	auto *form = reinterpret_cast<Form_pg_operator>(GETSTRUCT(tup));
	/* The bare name if it finds only this operator. */
	List *names = list_make1(makeString(pstrdup(NameStr(form->oprname))));
	FuncCandidateList c = OpernameGetCandidates(names, '\0', true);
	if (c != nullptr && c->next == nullptr && c->oid == oprid)
		PG_RETURN_CSTRING(pstrdup(NameStr(form->oprname)));
	char *nsp = get_namespace_name(form->oprnamespace);
	PG_RETURN_CSTRING(
		psprintf("%s.%s", quote_identifier(nsp != nullptr ? nsp : "?"), NameStr(form->oprname)));
}

Datum regoperatorin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasInput(PG_GETARG_CSTRING(0), "0", OperatorIn));
}

Datum regoperatorout(PG_FUNCTION_ARGS)
{
	Oid oprid = PG_GETARG_OID(0);
	if (oprid == InvalidOid)
		PG_RETURN_CSTRING(pstrdup("0"));
	if (!RelationCacheHasCatalogs)
		PG_RETURN_CSTRING(psprintf("%u", oprid));
	PG_RETURN_CSTRING(pstrdup(FormatOperator(oprid).c_str()));
}

Datum regclassin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasInput(PG_GETARG_CSTRING(0), "-", ClassIn));
}

Datum regclassout(PG_FUNCTION_ARGS)
{
	Oid relid = PG_GETARG_OID(0);
	if (relid == InvalidOid)
		PG_RETURN_CSTRING(pstrdup("-"));
	/* Without catalogs to read (bootstrap, tests below them): the number. */
	if (!RelationCacheHasCatalogs)
		PG_RETURN_CSTRING(psprintf("%u", relid));
	SysCacheRow row(SearchSysCache1(RELOID, ObjectIdGetDatum(relid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		PG_RETURN_CSTRING(psprintf("%u", relid));
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	bool visible = RelationIsVisible(relid);
	PG_RETURN_CSTRING(
		pstrdup(QualifiedIfNeeded(form->relnamespace, NameStr(form->relname), visible).c_str()));
}

Datum regcollationin(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasInput(PG_GETARG_CSTRING(0), "-", CollationIn));
}

Datum regcollationout(PG_FUNCTION_ARGS)
{
	Oid collid = PG_GETARG_OID(0);
	if (collid == InvalidOid)
		PG_RETURN_CSTRING(pstrdup("-"));
	if (!RelationCacheHasCatalogs)
		PG_RETURN_CSTRING(psprintf("%u", collid));
	SysCacheRow row(SearchSysCache1(COLLOID, ObjectIdGetDatum(collid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		PG_RETURN_CSTRING(psprintf("%u", collid));
	auto *form = reinterpret_cast<Form_pg_collation>(GETSTRUCT(tup));
	PG_RETURN_CSTRING(pstrdup(
		QualifiedIfNeeded(form->collnamespace, NameStr(form->collname), CollationIsVisible(collid))
			.c_str()));
}

Datum regtypein(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasInput(PG_GETARG_CSTRING(0), "-", TypeIn));
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
	PG_RETURN_OID(AliasInput(PG_GETARG_CSTRING(0), "-", RoleIn));
}

Datum regroleout(PG_FUNCTION_ARGS)
{
	Oid roleid = PG_GETARG_OID(0);
	if (roleid == InvalidOid)
		PG_RETURN_CSTRING(pstrdup("-"));
	/* Without catalogs to read (bootstrap, tests below them): the number. */
	if (!RelationCacheHasCatalogs)
		PG_RETURN_CSTRING(psprintf("%u", roleid));
	SysCacheRow row(SearchSysCache1(AUTHOID, ObjectIdGetDatum(roleid)));
	HeapTuple tup = row.get();
	if (tup == nullptr)
		PG_RETURN_CSTRING(psprintf("%u", roleid));
	PG_RETURN_CSTRING(pstrdup(
		quote_identifier(NameStr(reinterpret_cast<Form_pg_authid>(GETSTRUCT(tup))->rolname))));
}

Datum regnamespacein(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(AliasInput(PG_GETARG_CSTRING(0), "-", NamespaceIn));
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

/* The to_regX functions: NULL where the input function would report a
 * missing or ambiguous object (other errors, such as bad syntax, remain
 * errors, as in PostgreSQL 15). */
Datum to_regproc(PG_FUNCTION_ARGS)
{
	return ToReg(fcinfo, ProcIn);
}

Datum to_regprocedure(PG_FUNCTION_ARGS)
{
	return ToReg(fcinfo, ProcedureIn);
}

Datum to_regoper(PG_FUNCTION_ARGS)
{
	return ToReg(fcinfo, OperIn);
}

Datum to_regoperator(PG_FUNCTION_ARGS)
{
	return ToReg(fcinfo, OperatorIn);
}

Datum to_regclass(PG_FUNCTION_ARGS)
{
	return ToReg(fcinfo, ClassIn);
}

Datum to_regtype(PG_FUNCTION_ARGS)
{
	return ToReg(fcinfo, TypeIn);
}

Datum to_regcollation(PG_FUNCTION_ARGS)
{
	return ToReg(fcinfo, CollationIn);
}

Datum to_regrole(PG_FUNCTION_ARGS)
{
	return ToReg(fcinfo, RoleIn);
}

Datum to_regnamespace(PG_FUNCTION_ARGS)
{
	return ToReg(fcinfo, NamespaceIn);
}

/* regclass(text): the cast, regclassin's lookup. */
Datum text_regclass(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(ClassIn(text_to_cstring(PG_GETARG_TEXT_PP(0)), false));
}

/* ---- pg_X_is_visible(oid): NULL for no such object ---- */

Datum pg_function_is_visible(PG_FUNCTION_ARGS)
{
	Oid oid = PG_GETARG_OID(0);
	return VisibleOrNull(fcinfo, SearchSysCacheExists1(PROCOID, ObjectIdGetDatum(oid)),
						 FunctionIsVisible(oid));
}

Datum pg_type_is_visible(PG_FUNCTION_ARGS)
{
	Oid oid = PG_GETARG_OID(0);
	return VisibleOrNull(fcinfo, SearchSysCacheExists1(TYPEOID, ObjectIdGetDatum(oid)),
						 TypeIsVisible(oid));
}

Datum pg_operator_is_visible(PG_FUNCTION_ARGS)
{
	Oid oid = PG_GETARG_OID(0);
	return VisibleOrNull(fcinfo, SearchSysCacheExists1(OPEROID, ObjectIdGetDatum(oid)),
						 OperatorIsVisible(oid));
}

Datum pg_opclass_is_visible(PG_FUNCTION_ARGS)
{
	Oid oid = PG_GETARG_OID(0);
	return VisibleOrNull(fcinfo, SearchSysCacheExists1(CLAOID, ObjectIdGetDatum(oid)),
						 OpclassIsVisible(oid));
}

Datum pg_opfamily_is_visible(PG_FUNCTION_ARGS)
{
	Oid oid = PG_GETARG_OID(0);
	return VisibleOrNull(fcinfo, SearchSysCacheExists1(OPFAMILYOID, ObjectIdGetDatum(oid)),
						 OpfamilyIsVisible(oid));
}

Datum pg_collation_is_visible(PG_FUNCTION_ARGS)
{
	Oid oid = PG_GETARG_OID(0);
	return VisibleOrNull(fcinfo, SearchSysCacheExists1(COLLOID, ObjectIdGetDatum(oid)),
						 CollationIsVisible(oid));
}

Datum pg_conversion_is_visible(PG_FUNCTION_ARGS)
{
	Oid nsp = ConversionNamespace(PG_GETARG_OID(0));
	return VisibleOrNull(fcinfo, OidIsValid(nsp), OidIsValid(nsp) && NamespaceInPath(nsp));
}

List *stringToQualifiedNameList(const char *string)
{
	return QualifiedNameList(string, "name");
}
