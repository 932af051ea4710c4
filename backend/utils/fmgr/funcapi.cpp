/*
 * funcapi.cpp — the state a value-per-call set-returning function keeps
 * between its calls (funcapi.h), and the executor's side of the protocol.
 *
 * init_MultiFuncCall makes a memory context below the function's
 * flinfo->fn_mcxt ("SRF multi-call context") and a FuncCallContext inside
 * it, and hangs it on flinfo->fn_extra; end_MultiFuncCall deletes that
 * context, which frees the FuncCallContext and everything the function
 * kept there.  A set that is abandoned before its last call (LIMIT, a
 * rescan, the end of the query) is cleaned up by the executor with
 * ShutdownSetFunction (executor/executor.h).
 *
 * Principal entry points: init_MultiFuncCall, per_MultiFuncCall,
 * end_MultiFuncCall, ShutdownSetFunction, get_func_result_name.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type_d.h"
#include "executor/executor.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

FuncCallContext *init_MultiFuncCall(FunctionCallInfo fcinfo)
{
	auto *rsi = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo);
	if (rsi == nullptr || !IsA(rsi, ReturnSetInfo))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("set-valued function called in context that cannot accept a set"));
	if (fcinfo->flinfo->fn_extra != nullptr)
		elog(ERROR, "init_MultiFuncCall cannot be called more than once");
	MemoryContext parent = fcinfo->flinfo->fn_mcxt != nullptr ? fcinfo->flinfo->fn_mcxt
															  : CurrentMemoryContext;
	MemoryContext mcxt = AllocSetContextCreate(parent, "SRF multi-call context",
											   ALLOCSET_SMALL_SIZES);
	auto *funcctx = static_cast<FuncCallContext *>(
		MemoryContextAllocZero(mcxt, sizeof(FuncCallContext)));
	funcctx->multi_call_memory_ctx = mcxt;
	fcinfo->flinfo->fn_extra = funcctx;
	return funcctx;
}

FuncCallContext *per_MultiFuncCall(FunctionCallInfo fcinfo)
{
	return static_cast<FuncCallContext *>(fcinfo->flinfo->fn_extra);
}

void end_MultiFuncCall(FunctionCallInfo fcinfo, FuncCallContext *funcctx)
{
	fcinfo->flinfo->fn_extra = nullptr;
	MemoryContextDelete(funcctx->multi_call_memory_ctx);
}

void ShutdownSetFunction(FmgrInfo *flinfo)
{
	auto *funcctx = static_cast<FuncCallContext *>(flinfo->fn_extra);
	if (funcctx == nullptr)
		return;
	flinfo->fn_extra = nullptr;
	MemoryContextDelete(funcctx->multi_call_memory_ctx);
}

char *get_func_result_name(Oid functionId)
{
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(functionId));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", functionId);
	bool modesnull;
	bool namesnull;
	Datum modes = SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_proargmodes, &modesnull);
	Datum names = SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_proargnames, &namesnull);
	char *result = nullptr;
	if (!modesnull && !namesnull)
	{
		Datum *modev;
		bool *modenulls;
		int nmodes;
		deconstruct_array(DatumGetArrayTypeP(modes), CHAROID, 1, true, TYPALIGN_CHAR, &modev,
						  &modenulls, &nmodes);
		Datum *namev;
		bool *namenulls;
		int nnames;
		deconstruct_array(DatumGetArrayTypeP(names), TEXTOID, -1, false, TYPALIGN_INT, &namev,
						  &namenulls, &nnames);
		int nout = 0;
		for (int i = 0; i < nmodes && i < nnames; i++)
		{
			char mode = DatumGetChar(modev[i]);
			if (mode != PROARGMODE_OUT && mode != PROARGMODE_INOUT && mode != PROARGMODE_TABLE)
				continue;
			if (++nout > 1)
			{
				result = nullptr;
				break;
			}
			char *name = TextDatumGetCString(namev[i]);
			result = name[0] != '\0' ? name : nullptr;
		}
	}
	ReleaseSysCache(tup);
	return result;
}
