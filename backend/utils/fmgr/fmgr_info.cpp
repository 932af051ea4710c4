/*
 * fmgr_info.cpp — looking functions up by OID (fmgr.h): fmgr_info and
 * the calls that look up and call in one step.
 *
 * Built-in functions are found in the table generated from pg_proc
 * (utils/fmgrtab.h) by binary search on the OID.  A built-in whose C
 * implementation Tusk does not have yet is reported as 0A000, naming it,
 * when it is called.
 * A LANGUAGE sql function is called through fmgr_sql (executor/
 * functions.h), which reads its body; a LANGUAGE C function is found in
 * its module (fmgr_c.cpp).  Other languages are not supported yet.
 */
#include "postgres.h"

#include <algorithm>
#include <string>

#include "access/htup_details.h"
#include "catalog/pg_language_d.h"
#include "catalog/pg_proc.h"
#include "executor/functions.h"
#include "fmgr.h"
#include "nodes/nodeFuncs.h"
#include "utils/fmgrtab.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

#include "fmgr_internal.h"

namespace {

const FmgrBuiltin *FindBuiltin(Oid id)
{
	const FmgrBuiltin *end = fmgr_builtins + fmgr_nbuiltins;
	const FmgrBuiltin *it = std::lower_bound(fmgr_builtins, end, id,
											 [](const FmgrBuiltin &b, Oid key) {
												 return b.foid < key;
											 });
	return it != end && it->foid == id ? it : nullptr;
}

/* The stand-in for a built-in whose C implementation Tusk does not have
 * yet: the error comes when it is called, not when a plan that might call
 * it is made, so a query that never reaches it (a catalog query over no
 * rows, a CASE branch not taken) runs as in PostgreSQL. */
Datum NotImplementedYet(PG_FUNCTION_ARGS)
{
	const FmgrBuiltin *builtin = FindBuiltin(fcinfo->flinfo->fn_oid);
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("function %s is not implemented in Tusk yet",
				   builtin != nullptr ? builtin->funcName : "(unknown)"));
}

}  // namespace

void fmgr_info_cxt(Oid functionId, FmgrInfo *finfo, MemoryContext mcxt)
{
	finfo->fn_oid = InvalidOid;
	finfo->fn_extra = nullptr;
	finfo->fn_mcxt = mcxt;
	finfo->fn_expr = nullptr;
	finfo->fn_stats = 0;
	const FmgrBuiltin *builtin = FindBuiltin(functionId);
	if (builtin == nullptr)
	{
		HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(functionId));
		if (tup == nullptr)
			elog(ERROR, "cache lookup failed for function %u", functionId);
		auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
		if (proc->prolang == SQLlanguageId || proc->prolang == ClanguageId)
		{
			/* Every SQL function has one handler, which reads the body; a
			 * C function is the symbol its row names. */
			finfo->fn_addr = fmgr_sql;
			if (proc->prolang == ClanguageId)
			{
				try
				{
					finfo->fn_addr = fmgr_info_C_lang(functionId, tup);
				}
				catch (...)
				{
					ReleaseSysCache(tup);
					throw;
				}
			}
			finfo->fn_nargs = proc->pronargs;
			finfo->fn_strict = proc->proisstrict;
			finfo->fn_retset = proc->proretset;
			finfo->fn_oid = functionId;
			ReleaseSysCache(tup);
			return;
		}
		std::string name = NameStr(proc->proname);
		ReleaseSysCache(tup);
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("function %s is not supported yet", name.c_str()),
				errdetail("Only built-in functions of language internal and functions of "
						  "languages sql and c can be called."));
	}
	finfo->fn_addr = builtin->func != nullptr ? builtin->func : NotImplementedYet;
	finfo->fn_nargs = builtin->nargs;
	finfo->fn_strict = builtin->strict;
	finfo->fn_retset = builtin->retset;
	finfo->fn_oid = functionId;
}

void fmgr_info(Oid functionId, FmgrInfo *finfo)
{
	fmgr_info_cxt(functionId, finfo, CurrentMemoryContext);
}

const char *fmgr_internal_function_name(Oid functionId)
{
	const FmgrBuiltin *builtin = FindBuiltin(functionId);
	return builtin != nullptr ? builtin->funcName : nullptr;
}

Datum OidFunctionCall1Coll(Oid functionId, Oid collation, Datum arg1)
{
	FmgrInfo flinfo;
	fmgr_info(functionId, &flinfo);
	return FunctionCall1Coll(&flinfo, collation, arg1);
}

Datum OidFunctionCall2Coll(Oid functionId, Oid collation, Datum arg1, Datum arg2)
{
	FmgrInfo flinfo;
	fmgr_info(functionId, &flinfo);
	return FunctionCall2Coll(&flinfo, collation, arg1, arg2);
}

Datum OidFunctionCall3Coll(Oid functionId, Oid collation, Datum arg1, Datum arg2, Datum arg3)
{
	FmgrInfo flinfo;
	fmgr_info(functionId, &flinfo);
	return FunctionCall3Coll(&flinfo, collation, arg1, arg2, arg3);
}

Datum OidInputFunctionCall(Oid functionId, char *str, Oid typioparam, int32 typmod)
{
	FmgrInfo flinfo;
	fmgr_info(functionId, &flinfo);
	return InputFunctionCall(&flinfo, str, typioparam, typmod);
}

char *OidOutputFunctionCall(Oid functionId, Datum val)
{
	FmgrInfo flinfo;
	fmgr_info(functionId, &flinfo);
	return OutputFunctionCall(&flinfo, val);
}

Oid get_fn_expr_argtype(FmgrInfo *flinfo, int argnum)
{
	if (flinfo == nullptr || flinfo->fn_expr == nullptr)
		return InvalidOid;
	Node *expr = reinterpret_cast<Node *>(flinfo->fn_expr);
	List *args;
	if (IsA(expr, FuncExpr))
		args = reinterpret_cast<FuncExpr *>(expr)->args;
	else if (IsA(expr, OpExpr) || IsA(expr, DistinctExpr) || IsA(expr, NullIfExpr))
		args = reinterpret_cast<OpExpr *>(expr)->args;
	else if (IsA(expr, ScalarArrayOpExpr))
		args = reinterpret_cast<ScalarArrayOpExpr *>(expr)->args;
	else if (IsA(expr, WindowFunc))
		args = reinterpret_cast<WindowFunc *>(expr)->args;
	else if (IsA(expr, Aggref))
	{
		/* An aggregate's transition function: the state, then the
		 * aggregate's arguments. */
		Aggref *agg = reinterpret_cast<Aggref *>(expr);
		if (argnum == 0)
			return agg->aggtranstype;
		if (argnum < 1 || argnum > list_length(agg->aggargtypes))
			return InvalidOid;
		return list_nth_oid(agg->aggargtypes, argnum - 1);
	}
	else
		return InvalidOid;
	if (argnum < 0 || argnum >= list_length(args))
		return InvalidOid;
	Oid argtype = exprType(static_cast<Node *>(list_nth(args, argnum)));
	/* x op ANY (array): the operator's right input is the element. */
	if (IsA(expr, ScalarArrayOpExpr) && argnum == 1)
		argtype = get_element_type(argtype);
	return argtype;
}

Oid get_fn_expr_rettype(FmgrInfo *flinfo)
{
	if (flinfo == nullptr || flinfo->fn_expr == nullptr)
		return InvalidOid;
	return exprType(reinterpret_cast<Node *>(flinfo->fn_expr));
}

bool get_fn_expr_variadic(FmgrInfo *flinfo)
{
	if (flinfo == nullptr || flinfo->fn_expr == nullptr)
		return false;
	Node *expr = reinterpret_cast<Node *>(flinfo->fn_expr);
	return IsA(expr, FuncExpr) && reinterpret_cast<FuncExpr *>(expr)->funcvariadic;
}
