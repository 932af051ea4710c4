/*
 * ruleutils_function.cpp — a function's signature and definition back to
 * SQL, as PostgreSQL 15's ruleutils.c prints them: what psql's \df lists
 * ("Result data type", "Argument data types") and \sf shows, and what
 * pg_dump writes.
 *
 * Principal entry points: pg_get_function_arguments (with defaults),
 * pg_get_function_identity_arguments (without), pg_get_function_result,
 * pg_get_function_arg_default, pg_get_functiondef, pg_get_function_sqlbody.
 *
 * A RETURN or BEGIN ATOMIC body is kept by Tusk as SQL text in prosrc
 * (PostgreSQL keeps its parse tree in prosqlbody and prints it deparsed),
 * so pg_get_functiondef prints every SQL body as a quoted "AS $function$…"
 * body, which makes the same function.
 *
 * See also: commands/functioncmds.cpp (what the catalog row holds),
 * doc/utils/ruleutils/README.md.
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "access/htup_details.h"
#include "catalog/pg_aggregate_d.h"
#include "catalog/pg_language_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "nodes/nodes.h"
#include "nodes/pg_list.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/ruleutils.h"
#include "utils/syscache.h"

namespace {

/* One parameter of a function, from proallargtypes/proargmodes/
 * proargnames (or proargtypes when the function has only IN ones). */
struct FuncArg
{
	Oid type;
	char mode;
	std::string name;
};

/* PostgreSQL's get_func_arg_info: every parameter, OUT ones included. */
std::vector<FuncArg> FunctionArgs(HeapTuple proctup)
{
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(proctup));
	std::vector<FuncArg> args;
	bool isnull;
	Datum all = SysCacheGetAttr(PROCOID, proctup, Anum_pg_proc_proallargtypes, &isnull);
	if (!isnull)
	{
		Datum *elems;
		int n;
		deconstruct_array(DatumGetArrayTypeP(all), OIDOID, 4, true, TYPALIGN_INT, &elems, nullptr,
						  &n);
		for (int i = 0; i < n; i++)
			args.push_back({DatumGetObjectId(elems[i]), PROARGMODE_IN, ""});
	}
	else
		for (int i = 0; i < proc->pronargs; i++)
			args.push_back({proc->proargtypes.values[i], PROARGMODE_IN, ""});
	Datum modes = SysCacheGetAttr(PROCOID, proctup, Anum_pg_proc_proargmodes, &isnull);
	if (!isnull)
	{
		Datum *elems;
		int n;
		deconstruct_array(DatumGetArrayTypeP(modes), CHAROID, 1, true, TYPALIGN_CHAR, &elems,
						  nullptr, &n);
		for (int i = 0; i < n && i < static_cast<int>(args.size()); i++)
			args[static_cast<size_t>(i)].mode = DatumGetChar(elems[i]);
	}
	Datum names = SysCacheGetAttr(PROCOID, proctup, Anum_pg_proc_proargnames, &isnull);
	if (!isnull)
	{
		Datum *elems;
		bool *nulls;
		int n;
		deconstruct_array(DatumGetArrayTypeP(names), TEXTOID, -1, false, TYPALIGN_INT, &elems,
						  &nulls, &n);
		for (int i = 0; i < n && i < static_cast<int>(args.size()); i++)
			if (!nulls[i])
				args[static_cast<size_t>(i)].name = TextDatumGetCString(elems[i]);
	}
	return args;
}

bool IsInputMode(char mode)
{
	return mode == PROARGMODE_IN || mode == PROARGMODE_INOUT || mode == PROARGMODE_VARIADIC;
}

/* The parameter defaults (proargdefaults: a List of expressions, one per
 * trailing input parameter), or NIL. */
List *ArgDefaults(HeapTuple proctup)
{
	bool isnull;
	Datum d = SysCacheGetAttr(PROCOID, proctup, Anum_pg_proc_proargdefaults, &isnull);
	if (isnull)
		return NIL;
	return static_cast<List *>(stringToNode(TextDatumGetCString(d)));
}

/* PostgreSQL's print_function_arguments: the TABLE columns or the other
 * parameters, "[mode ][name ]type[ DEFAULT expr]", comma-separated.
 * Returns how many were printed. */
int PrintArguments(std::string &buf, HeapTuple proctup, bool table_args, bool with_defaults)
{
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(proctup));
	/* An ordered-set aggregate's aggregated arguments follow ORDER BY. */
	int order_by_at = -1;
	if (proc->prokind == PROKIND_AGGREGATE)
	{
		HeapTuple aggtup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(proc->oid));
		if (!HeapTupleIsValid(aggtup))
			elog(ERROR, "cache lookup failed for aggregate %u", proc->oid);
		auto *agg = reinterpret_cast<Form_pg_aggregate>(GETSTRUCT(aggtup));
		if (agg->aggkind == AGGKIND_ORDERED_SET || agg->aggkind == AGGKIND_HYPOTHETICAL)
			order_by_at = agg->aggnumdirectargs;
		ReleaseSysCache(aggtup);
	}
	std::vector<FuncArg> args = FunctionArgs(proctup);
	List *defaults = with_defaults ? ArgDefaults(proctup) : NIL;
	int lacking_defaults = proc->pronargs - list_length(defaults);
	int printed = 0;
	int inputno = 0;
	int next_default = 0;
	for (size_t i = 0; i < args.size(); i++)
	{
		const FuncArg &arg = args[i];
		const char *modename = "";
		bool isinput = IsInputMode(arg.mode);
		if (arg.mode == PROARGMODE_IN && proc->prokind == PROKIND_PROCEDURE)
			modename = "IN ";
		else if (arg.mode == PROARGMODE_INOUT)
			modename = "INOUT ";
		else if (arg.mode == PROARGMODE_OUT)
			modename = "OUT ";
		else if (arg.mode == PROARGMODE_VARIADIC)
			modename = "VARIADIC ";
		if (isinput)
			inputno++;
		if (table_args != (arg.mode == PROARGMODE_TABLE))
			continue;
		if (printed == order_by_at)
		{
			if (printed > 0)
				buf += ' ';
			buf += "ORDER BY ";
		}
		else if (printed > 0)
			buf += ", ";
		buf += modename;
		if (!arg.name.empty())
		{
			buf += quote_identifier(arg.name.c_str());
			buf += ' ';
		}
		buf += format_type_be(arg.type);
		if (with_defaults && isinput && inputno > lacking_defaults &&
			next_default < list_length(defaults))
		{
			buf += " DEFAULT ";
			buf += deparse_expression(static_cast<Node *>(list_nth(defaults, next_default++)), NIL,
									  false, false);
		}
		printed++;
		/* A variadic ordered-set aggregate (its one direct argument is
		 * also its aggregated one) prints it again after ORDER BY. */
		if (printed == order_by_at && i == args.size() - 1)
		{
			i--;
			with_defaults = false;
		}
	}
	return printed;
}

/* PostgreSQL's print_function_rettype: TABLE(…), SETOF t or t. */
std::string ResultType(HeapTuple proctup)
{
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(proctup));
	std::string buf;
	if (proc->proretset)
	{
		std::string table = "TABLE(";
		if (PrintArguments(table, proctup, true, false) > 0)
			return table + ")";
		buf += "SETOF ";
	}
	buf += format_type_be(proc->prorettype);
	return buf;
}

/* '…' with quotes (and backslashes) doubled: PostgreSQL's
 * simple_quote_literal. */
std::string SimpleQuoteLiteral(const char *s)
{
	std::string out = "'";
	for (const char *p = s; *p != '\0'; p++)
	{
		if (*p == '\'' || *p == '\\')
			out += *p;
		out += *p;
	}
	out += '\'';
	return out;
}

/* The %g form PostgreSQL prints COST and ROWS with. */
std::string FormatG(float4 value)
{
	char num[64];
	snprintf(num, sizeof(num), "%g", static_cast<double>(value));
	return num;
}

std::string FunctionDef(HeapTuple proctup)
{
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(proctup));
	const char *name = NameStr(proc->proname);
	if (proc->prokind == PROKIND_AGGREGATE)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("\"%s\" is an aggregate function", name));
	bool isfunction = proc->prokind != PROKIND_PROCEDURE;
	std::string buf = isfunction ? "CREATE OR REPLACE FUNCTION " : "CREATE OR REPLACE PROCEDURE ";
	buf += quote_identifier(get_namespace_name(proc->pronamespace));
	buf += '.';
	buf += quote_identifier(name);
	buf += '(';
	PrintArguments(buf, proctup, false, true);
	buf += ")\n";
	if (isfunction)
	{
		buf += " RETURNS ";
		buf += ResultType(proctup);
		buf += '\n';
	}
	HeapTuple langtup = SearchSysCache1(LANGOID, ObjectIdGetDatum(proc->prolang));
	if (!HeapTupleIsValid(langtup))
		elog(ERROR, "cache lookup failed for language %u", proc->prolang);
	buf += " LANGUAGE ";
	buf += quote_identifier(
		NameStr(reinterpret_cast<Form_pg_language>(GETSTRUCT(langtup))->lanname));
	buf += '\n';
	ReleaseSysCache(langtup);

	size_t oldlen = buf.size();
	if (proc->prokind == PROKIND_WINDOW)
		buf += " WINDOW";
	if (proc->provolatile == PROVOLATILE_IMMUTABLE)
		buf += " IMMUTABLE";
	else if (proc->provolatile == PROVOLATILE_STABLE)
		buf += " STABLE";
	if (proc->proparallel == PROPARALLEL_SAFE)
		buf += " PARALLEL SAFE";
	else if (proc->proparallel == PROPARALLEL_RESTRICTED)
		buf += " PARALLEL RESTRICTED";
	if (proc->proisstrict)
		buf += " STRICT";
	if (proc->prosecdef)
		buf += " SECURITY DEFINER";
	if (proc->proleakproof)
		buf += " LEAKPROOF";
	/* The default cost: 1 for C and internal functions, 100 otherwise. */
	float4 default_cost = proc->prolang == INTERNALlanguageId || proc->prolang == ClanguageId ? 1
																							  : 100;
	if (proc->procost != default_cost)
	{
		buf += " COST ";
		buf += FormatG(proc->procost);
	}
	if (proc->prorows > 0 && proc->prorows != 1000)
	{
		buf += " ROWS ";
		buf += FormatG(proc->prorows);
	}
	if (OidIsValid(proc->prosupport))
	{
		buf += " SUPPORT ";
		buf += quote_identifier(get_func_name(proc->prosupport));
	}
	if (oldlen != buf.size())
		buf += '\n';
	bool isnull;
	(void) SysCacheGetAttr(PROCOID, proctup, Anum_pg_proc_proconfig, &isnull);
	if (!isnull)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("printing a function's SET clauses is not supported yet"));

	buf += "AS ";
	Datum probin = SysCacheGetAttr(PROCOID, proctup, Anum_pg_proc_probin, &isnull);
	if (!isnull)
	{
		buf += SimpleQuoteLiteral(TextDatumGetCString(probin));
		buf += ", ";
	}
	Datum srcdatum = SysCacheGetAttr(PROCOID, proctup, Anum_pg_proc_prosrc, &isnull);
	if (isnull)
		elog(ERROR, "null prosrc");
	std::string prosrc = TextDatumGetCString(srcdatum);
	/* A dollar quote the body does not contain: $function$, $functionx$ … */
	std::string dq = isfunction ? "$function" : "$procedure";
	while (prosrc.find(dq) != std::string::npos)
		dq += 'x';
	dq += '$';
	buf += dq;
	buf += prosrc;
	buf += dq;
	buf += '\n';
	return buf;
}

/* The pg_proc row of the function argument, or NULL (an unknown OID
 * gives NULL, as PostgreSQL answers). */
HeapTuple ProcTuple(FunctionCallInfo fcinfo)
{
	return SearchSysCache1(PROCOID, ObjectIdGetDatum(PG_GETARG_OID(0)));
}

}  // namespace

Datum pg_get_function_arguments(PG_FUNCTION_ARGS)
{
	HeapTuple tup = ProcTuple(fcinfo);
	if (!HeapTupleIsValid(tup))
		PG_RETURN_NULL();
	std::string buf;
	PrintArguments(buf, tup, false, true);
	ReleaseSysCache(tup);
	PG_RETURN_TEXT_P(cstring_to_text(buf.c_str()));
}

Datum pg_get_function_identity_arguments(PG_FUNCTION_ARGS)
{
	HeapTuple tup = ProcTuple(fcinfo);
	if (!HeapTupleIsValid(tup))
		PG_RETURN_NULL();
	std::string buf;
	PrintArguments(buf, tup, false, false);
	ReleaseSysCache(tup);
	PG_RETURN_TEXT_P(cstring_to_text(buf.c_str()));
}

Datum pg_get_function_result(PG_FUNCTION_ARGS)
{
	HeapTuple tup = ProcTuple(fcinfo);
	if (!HeapTupleIsValid(tup))
		PG_RETURN_NULL();
	if (reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup))->prokind == PROKIND_PROCEDURE)
	{
		ReleaseSysCache(tup);
		PG_RETURN_NULL();
	}
	std::string buf = ResultType(tup);
	ReleaseSysCache(tup);
	PG_RETURN_TEXT_P(cstring_to_text(buf.c_str()));
}

/* The default of the nth parameter (1-based, counting OUT ones), or NULL
 * when it is not an input parameter or has none. */
Datum pg_get_function_arg_default(PG_FUNCTION_ARGS)
{
	HeapTuple tup = ProcTuple(fcinfo);
	if (!HeapTupleIsValid(tup))
		PG_RETURN_NULL();
	int32 nth = PG_GETARG_INT32(1);
	std::vector<FuncArg> args = FunctionArgs(tup);
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	List *defaults = ArgDefaults(tup);
	int pronargs = proc->pronargs;
	int nargdefaults = proc->pronargdefaults;
	ReleaseSysCache(tup);
	if (nth < 1 || nth > static_cast<int>(args.size()) ||
		!IsInputMode(args[static_cast<size_t>(nth - 1)].mode) || defaults == NIL)
		PG_RETURN_NULL();
	int nth_input = 0;
	for (int i = 0; i < nth; i++)
		if (IsInputMode(args[static_cast<size_t>(i)].mode))
			nth_input++;
	int nth_default = nth_input - 1 - (pronargs - nargdefaults);
	if (nth_default < 0 || nth_default >= list_length(defaults))
		PG_RETURN_NULL();
	char *str = deparse_expression(static_cast<Node *>(list_nth(defaults, nth_default)), NIL, false,
								   false);
	PG_RETURN_TEXT_P(cstring_to_text(str));
}

Datum pg_get_functiondef(PG_FUNCTION_ARGS)
{
	HeapTuple tup = ProcTuple(fcinfo);
	if (!HeapTupleIsValid(tup))
		PG_RETURN_NULL();
	std::string def = FunctionDef(tup);
	ReleaseSysCache(tup);
	PG_RETURN_TEXT_P(cstring_to_text(def.c_str()));
}

/* The deparsed RETURN or BEGIN ATOMIC body of a SQL function from
 * prosqlbody, or NULL when it has none.  Tusk keeps such bodies as text
 * in prosrc and never sets prosqlbody, so this answers NULL (psql's \df+
 * shows prosrc then). */
Datum pg_get_function_sqlbody(PG_FUNCTION_ARGS)
{
	HeapTuple tup = ProcTuple(fcinfo);
	if (!HeapTupleIsValid(tup))
		PG_RETURN_NULL();
	bool isnull;
	(void) SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_prosqlbody, &isnull);
	ReleaseSysCache(tup);
	if (isnull)
		PG_RETURN_NULL();
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("pg_get_function_sqlbody of a stored parse tree is not supported yet"));
}
