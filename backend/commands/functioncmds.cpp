/*
 * functioncmds.cpp — CREATE FUNCTION and finding functions by name and
 * argument types for DROP FUNCTION (PostgreSQL's functioncmds.c and
 * LookupFuncWithArgs).
 *
 * CreateFunction reads the statement the way PostgreSQL does — the
 * parameters (modes IN/OUT/INOUT/VARIADIC/TABLE, names, defaults), the
 * result (RETURNS type, SETOF, TABLE (…), or the OUT parameters), the
 * options (LANGUAGE, volatility, strictness, SECURITY, LEAKPROOF, COST,
 * ROWS, PARALLEL) and the body (AS '…', or RETURN / BEGIN ATOMIC) — with
 * PostgreSQL's errors, stores the row through ProcedureCreate
 * (catalog/pg_proc_fns.h), and validates an SQL body as PostgreSQL's
 * fmgr_sql_validator does (sql_fn_validate, executor/functions.h).
 *
 * LANGUAGE sql and LANGUAGE c are supported: other languages are 0A000,
 * naming the language.  A C function stores its module in probin and its
 * symbol in prosrc (the function's name when only the module is given),
 * and is checked by the language's validator, fmgr_c_validator, which
 * loads the module (utils/fmgr/fmgr_c.cpp).  A RETURN or BEGIN ATOMIC body is stored as SQL text in
 * prosrc (PostgreSQL stores its parse tree in prosqlbody), so its names
 * are resolved when it is called, as for a quoted body.
 *
 * Principal entry points: CreateFunction, LookupFuncWithArgs.
 */
#include "postgres.h"

#include <set>
#include <string>
#include <vector>

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/namespace.h"
#include "catalog/pg_language.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_proc_fns.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "executor/functions.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/value.h"
#include "parser/parse_coerce.h"
#include "parser/parse_expr.h"
#include "parser/parse_func.h"
#include "utils/format_type.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

namespace {

/* The options of the statement, each given at most once. */
struct FunctionOptions
{
	DefElem *as = nullptr;
	DefElem *language = nullptr;
	DefElem *volatility = nullptr;
	DefElem *strict = nullptr;
	DefElem *security = nullptr;
	DefElem *leakproof = nullptr;
	DefElem *cost = nullptr;
	DefElem *rows = nullptr;
	DefElem *parallel = nullptr;
	DefElem *window = nullptr;
	DefElem *support = nullptr;
};

FunctionOptions ReadOptions(List *options, ParseState *pstate)
{
	FunctionOptions o;
	ListCell *lc;
	foreach (lc, options)
	{
		auto *d = static_cast<DefElem *>(lfirst(lc));
		DefElem **slot = nullptr;
		if (strcmp(d->defname, "as") == 0)
			slot = &o.as;
		else if (strcmp(d->defname, "language") == 0)
			slot = &o.language;
		else if (strcmp(d->defname, "volatility") == 0)
			slot = &o.volatility;
		else if (strcmp(d->defname, "strict") == 0)
			slot = &o.strict;
		else if (strcmp(d->defname, "security") == 0)
			slot = &o.security;
		else if (strcmp(d->defname, "leakproof") == 0)
			slot = &o.leakproof;
		else if (strcmp(d->defname, "cost") == 0)
			slot = &o.cost;
		else if (strcmp(d->defname, "rows") == 0)
			slot = &o.rows;
		else if (strcmp(d->defname, "parallel") == 0)
			slot = &o.parallel;
		else if (strcmp(d->defname, "window") == 0)
			slot = &o.window;
		else if (strcmp(d->defname, "support") == 0)
			slot = &o.support;
		else if (strcmp(d->defname, "set") == 0)
			continue; /* reported by the parser as not supported */
		else
			elog(ERROR, "option \"%s\" not recognized", d->defname);
		if (*slot != nullptr)
			errorConflictingDefElem(d, pstate);
		*slot = d;
	}
	return o;
}

/* A numeric option's value (Integer or Float). */
double NumericOption(const DefElem *d)
{
	if (IsA(d->arg, Integer))
		return intVal(d->arg);
	return strtod(castNode(Float, d->arg)->fval, nullptr);
}

bool IsInputMode(char mode)
{
	return mode == FUNC_PARAM_IN || mode == FUNC_PARAM_INOUT || mode == FUNC_PARAM_VARIADIC;
}

bool IsOutputMode(char mode)
{
	return mode == FUNC_PARAM_OUT || mode == FUNC_PARAM_INOUT || mode == FUNC_PARAM_TABLE;
}

/* A parameter default: analyzed and coerced to the parameter's type. */
Node *TransformParameterDefault(ParseState *pstate, Node *raw, Oid type)
{
	Node *def = transformExpr(pstate, raw, EXPR_KIND_COLUMN_DEFAULT);
	def = coerce_to_specific_type(pstate, def, type, "DEFAULT");
	if (pstate->p_hasAggs)
		ereport(ERROR, errcode(ERRCODE_GROUPING_ERROR),
				errmsg("cannot use aggregate function in parameter default value"),
				parser_errposition(pstate, exprLocation(raw)));
	if (pstate->p_hasSubLinks)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot use subquery in DEFAULT expression"),
				parser_errposition(pstate, exprLocation(raw)));
	return def;
}

/* The parameters into spec (types, modes, names, defaults); the type of
 * the OUT parameters' result in *outtype (RECORD for several, Invalid
 * for none). */
void ReadParameters(List *parameters, ParseState *pstate, ProcedureSpec *spec, Oid *outtype)
{
	int noutputs = 0;
	bool any_named = false;
	bool any_nonin = false;
	bool have_defaults = false;
	bool variadic_seen = false;
	std::set<std::string> names;
	std::vector<Oid> alltypes;
	std::vector<char> modes;
	std::vector<std::string> allnames;
	*outtype = InvalidOid;
	ListCell *lc;
	foreach (lc, parameters)
	{
		auto *p = static_cast<FunctionParameter *>(lfirst(lc));
		char mode = static_cast<char>(p->mode == FUNC_PARAM_DEFAULT ? FUNC_PARAM_IN : p->mode);
		Oid type = typenameTypeId(pstate, p->argType);
		if (get_typtype(type) == TYPTYPE_PSEUDO && !IsPolymorphicType(type) &&
			spec->language == SQLlanguageId)
			ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
					errmsg("SQL functions cannot have arguments of type %s", format_type_be(type)));
		if (IsInputMode(mode))
		{
			if (variadic_seen)
				ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
						errmsg("VARIADIC parameter must be the last input parameter"));
			spec->argtypes.push_back(type);
		}
		if (mode == FUNC_PARAM_VARIADIC)
		{
			variadic_seen = true;
			Oid elem = get_element_type(type);
			if (!OidIsValid(elem) && type != ANYOID)
				ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
						errmsg("VARIADIC parameter must be an array"));
			spec->variadic = OidIsValid(elem) ? elem : ANYOID;
		}
		if (IsOutputMode(mode))
		{
			noutputs++;
			*outtype = noutputs == 1 ? type : RECORDOID;
		}
		if (mode != FUNC_PARAM_IN)
			any_nonin = true;
		if (p->name != nullptr && p->name[0] != '\0')
		{
			/* An IN and an OUT parameter may share a name. */
			std::string key = std::string(IsInputMode(mode) ? "i" : "") +
				(IsOutputMode(mode) ? "o" : "") + ":" + p->name;
			ListCell *lc2;
			foreach (lc2, parameters)
			{
				auto *q = static_cast<FunctionParameter *>(lfirst(lc2));
				if (q == p)
					break;
				char qmode = static_cast<char>(q->mode == FUNC_PARAM_DEFAULT ? FUNC_PARAM_IN
																			 : q->mode);
				if (q->name != nullptr && strcmp(q->name, p->name) == 0 &&
					((IsInputMode(qmode) && IsInputMode(mode)) ||
					 (IsOutputMode(qmode) && IsOutputMode(mode))))
					ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
							errmsg("parameter name \"%s\" used more than once", p->name));
			}
			any_named = true;
		}
		if (p->defexpr != nullptr)
		{
			if (!IsInputMode(mode))
				ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
						errmsg("only input parameters can have default values"));
			spec->defaults = lappend(spec->defaults,
									 TransformParameterDefault(pstate, p->defexpr, type));
			have_defaults = true;
		}
		else if (IsInputMode(mode) && have_defaults)
			ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
					errmsg("input parameters after one with a default value must also have "
						   "defaults"));
		alltypes.push_back(type);
		modes.push_back(mode);
		allnames.emplace_back(p->name != nullptr ? p->name : "");
	}
	if (any_nonin)
	{
		spec->allargtypes = alltypes;
		spec->argmodes = modes;
	}
	if (any_named)
		spec->argnames = allnames;
}

}  // namespace

Oid LookupFuncWithArgs(ObjectWithArgs *func, bool missing_ok)
{
	std::vector<Oid> argtypes;
	ListCell *lc;
	foreach (lc, func->objargs)
		argtypes.push_back(typenameTypeId(nullptr, static_cast<TypeName *>(lfirst(lc))));
	int nargs = static_cast<int>(argtypes.size());
	FuncCandidateList cands = FuncnameGetCandidates(func->objname,
													func->args_unspecified ? -1 : nargs, NIL, false,
													false, false, missing_ok);
	Oid found = InvalidOid;
	for (FuncCandidateList c = cands; c != nullptr; c = c->next)
	{
		if (func->args_unspecified)
		{
			if (OidIsValid(found))
				ereport(ERROR, errcode(ERRCODE_AMBIGUOUS_FUNCTION),
						errmsg("function name \"%s\" is not unique",
							   NameListToString(func->objname)),
						errhint("Specify the argument list to select the function "
								"unambiguously."));
			found = c->oid;
			continue;
		}
		if (c->nargs == nargs &&
			(nargs == 0 || memcmp(c->args, argtypes.data(), nargs * sizeof(Oid)) == 0))
		{
			found = c->oid;
			break;
		}
	}
	if (!OidIsValid(found) && !missing_ok)
	{
		if (func->args_unspecified)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
					errmsg("could not find a function named \"%s\"",
						   NameListToString(func->objname)));
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("function %s does not exist",
					   funcname_signature_string(NameListToString(func->objname), nargs, NIL,
												 argtypes.data())));
	}
	return found;
}

Oid CreateFunction(CreateFunctionStmt *stmt, const char *queryString)
{
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = queryString;
	if (stmt->is_procedure)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("CREATE PROCEDURE is not supported yet"));
	ProcedureSpec spec;
	char *schemaname;
	char *fname;
	DeconstructQualifiedName(stmt->funcname, &schemaname, &fname);
	RangeVar *rv = makeNode(RangeVar);
	rv->schemaname = schemaname;
	rv->relname = fname;
	rv->relpersistence = 'p';
	spec.nspid = RangeVarGetCreationNamespace(rv);
	spec.name = fname;
	spec.replace = stmt->replace;

	FunctionOptions o = ReadOptions(stmt->options, pstate);
	/* The language: SQL when the body is SQL. */
	const char *language;
	if (o.language != nullptr)
		language = defGetString(o.language);
	else if (stmt->sql_body != nullptr)
		language = "sql";
	else
		ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				errmsg("no language specified"));
	HeapTuple langtup = SearchSysCache1(LANGNAME, CStringGetDatum(language));
	if (langtup == nullptr)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
				errmsg("language \"%s\" does not exist", language));
	spec.language = reinterpret_cast<Form_pg_language>(GETSTRUCT(langtup))->oid;
	Oid validator = reinterpret_cast<Form_pg_language>(GETSTRUCT(langtup))->lanvalidator;
	ReleaseSysCache(langtup);
	if (spec.language != SQLlanguageId && spec.language != ClanguageId)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("functions in language \"%s\" are not supported yet", language),
				errdetail("Only LANGUAGE sql and LANGUAGE c functions can be created."));
	bool is_sql = spec.language == SQLlanguageId;

	if (o.volatility != nullptr)
	{
		const char *v = defGetString(o.volatility);
		spec.volatility = strcmp(v, "immutable") == 0 ? PROVOLATILE_IMMUTABLE
			: strcmp(v, "stable") == 0				  ? PROVOLATILE_STABLE
													  : PROVOLATILE_VOLATILE;
	}
	if (o.strict != nullptr)
		spec.strict = boolVal(o.strict->arg);
	if (o.security != nullptr)
		spec.security_definer = boolVal(o.security->arg);
	if (spec.security_definer)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("SECURITY DEFINER functions are not supported yet"));
	if (o.leakproof != nullptr)
		spec.leakproof = boolVal(o.leakproof->arg);
	if (o.window != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("window functions in language %s are not supported%s", language,
					   is_sql ? "" : " yet"));
	if (o.support != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("SUPPORT functions are not supported yet"));
	if (o.parallel != nullptr)
	{
		const char *p = defGetString(o.parallel);
		if (strcmp(p, "safe") == 0)
			spec.parallel = PROPARALLEL_SAFE;
		else if (strcmp(p, "restricted") == 0)
			spec.parallel = PROPARALLEL_RESTRICTED;
		else if (strcmp(p, "unsafe") == 0)
			spec.parallel = PROPARALLEL_UNSAFE;
		else
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("parameter \"parallel\" must be SAFE, RESTRICTED, or UNSAFE"));
	}

	Oid outtype;
	ReadParameters(stmt->parameters, pstate, &spec, &outtype);
	if (stmt->returnType != nullptr)
	{
		/* SETOF is the function's property, not the type's. */
		TypeName *rettype = copyObject(stmt->returnType);
		spec.returns_set = rettype->setof;
		rettype->setof = false;
		spec.rettype = typenameTypeId(pstate, rettype);
		if (OidIsValid(outtype) && outtype != spec.rettype)
			ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
					errmsg("function result type must be %s because of OUT parameters",
						   format_type_be(outtype)));
	}
	else if (OidIsValid(outtype))
		spec.rettype = outtype;
	else
		ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				errmsg("function result type must be specified"));
	if (is_sql && get_typtype(spec.rettype) == TYPTYPE_PSEUDO && spec.rettype != VOIDOID &&
		spec.rettype != RECORDOID && !IsPolymorphicType(spec.rettype))
		ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				errmsg("SQL functions cannot return type %s", format_type_be(spec.rettype)));
	if (is_sql && (spec.rettype == RECORDOID || get_typtype(spec.rettype) == TYPTYPE_COMPOSITE))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("SQL functions returning composite types are not supported yet"));

	/* C functions are assumed cheap, as built-ins. */
	if (!is_sql)
		spec.cost = 1;
	if (o.cost != nullptr)
	{
		spec.cost = static_cast<float>(NumericOption(o.cost));
		if (spec.cost <= 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("COST must be positive"));
	}
	spec.rows = spec.returns_set ? 1000 : 0;
	if (o.rows != nullptr)
	{
		if (!spec.returns_set)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("ROWS is not applicable when function does not return a set"));
		spec.rows = static_cast<float>(NumericOption(o.rows));
		if (spec.rows <= 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("ROWS must be positive"));
	}

	/* The body. */
	if (stmt->sql_body != nullptr && o.as != nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				errmsg("duplicate function body specified"));
	if (stmt->sql_body != nullptr && !is_sql)
		ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				errmsg("inline SQL function body only valid for language SQL"));
	std::string probin;
	if (stmt->sql_body != nullptr)
	{
		for (Oid t : spec.argtypes)
			if (IsPolymorphicType(t))
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("SQL function with unquoted function body cannot have "
							   "polymorphic arguments"));
		spec.prosrc = strVal(stmt->sql_body);
	}
	else if (o.as != nullptr && !is_sql)
	{
		/* C: the module, then the symbol ("-" or none: the function's
		 * name). */
		List *as = reinterpret_cast<List *>(o.as->arg);
		probin = strVal(linitial(as));
		spec.prosrc = fname;
		if (list_length(as) > 1 && strcmp(strVal(lsecond(as)), "-") != 0)
			spec.prosrc = strVal(lsecond(as));
		spec.probin = probin.c_str();
	}
	else if (o.as != nullptr)
	{
		List *as = reinterpret_cast<List *>(o.as->arg);
		if (list_length(as) != 1)
			ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
					errmsg("only one AS item needed for language \"%s\"", language));
		spec.prosrc = strVal(linitial(as));
	}
	else
		ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				errmsg("no function body specified"));

	Oid funcoid = ProcedureCreate(spec);
	CommandCounterIncrement();
	/* check_function_bodies = off (pg_dump's restore scripts) skips only
	 * an SQL body's checks: the objects it names may come later.  A C
	 * function's module is still loaded, as in PostgreSQL. */
	if (is_sql)
	{
		if (check_function_bodies)
			sql_fn_validate(funcoid, queryString);
	}
	else if (OidIsValid(validator))
		OidFunctionCall1(validator, ObjectIdGetDatum(funcoid));
	return funcoid;
}
