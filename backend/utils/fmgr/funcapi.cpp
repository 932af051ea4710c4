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
 * get_call_result_type tells a function what it returns, with the
 * columns of a row result: a composite type's, those of its OUT
 * parameters, or the call's column definition list.
 *
 * Principal entry points: init_MultiFuncCall, per_MultiFuncCall,
 * end_MultiFuncCall, ShutdownSetFunction, get_func_result_name,
 * get_call_result_type, HeapTupleHeaderGetDatum.
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "access/htup_details.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type_d.h"
#include "executor/executor.h"
#include "funcapi.h"
#include "parser/parse_coerce.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

namespace {

/* The row of a function's OUT (INOUT, TABLE) parameters, or NULL when it
 * has fewer than two (one OUT parameter is a scalar result). */
TupleDesc OutParameterTupleDesc(HeapTuple proctup)
{
	bool typesnull;
	bool modesnull;
	bool namesnull;
	Datum types = SysCacheGetAttr(PROCOID, proctup, Anum_pg_proc_proallargtypes, &typesnull);
	Datum modes = SysCacheGetAttr(PROCOID, proctup, Anum_pg_proc_proargmodes, &modesnull);
	Datum names = SysCacheGetAttr(PROCOID, proctup, Anum_pg_proc_proargnames, &namesnull);
	if (typesnull || modesnull)
		return nullptr;
	Datum *typev;
	bool *typenulls;
	int ntypes;
	deconstruct_array(DatumGetArrayTypeP(types), OIDOID, 4, true, TYPALIGN_INT, &typev, &typenulls,
					  &ntypes);
	Datum *modev;
	bool *modenulls;
	int nmodes;
	deconstruct_array(DatumGetArrayTypeP(modes), CHAROID, 1, true, TYPALIGN_CHAR, &modev,
					  &modenulls, &nmodes);
	Datum *namev = nullptr;
	bool *namenulls = nullptr;
	int nnames = 0;
	if (!namesnull)
		deconstruct_array(DatumGetArrayTypeP(names), TEXTOID, -1, false, TYPALIGN_INT, &namev,
						  &namenulls, &nnames);
	int nout = 0;
	for (int i = 0; i < nmodes && i < ntypes; i++)
	{
		char mode = DatumGetChar(modev[i]);
		if (mode == PROARGMODE_OUT || mode == PROARGMODE_INOUT || mode == PROARGMODE_TABLE)
			nout++;
	}
	if (nout < 2)
		return nullptr;
	TupleDesc desc = CreateTemplateTupleDesc(nout);
	int col = 0;
	for (int i = 0; i < nmodes && i < ntypes; i++)
	{
		char mode = DatumGetChar(modev[i]);
		if (mode != PROARGMODE_OUT && mode != PROARGMODE_INOUT && mode != PROARGMODE_TABLE)
			continue;
		col++;
		/* An unnamed column is "column<n>", as PostgreSQL names it. */
		std::string name = "column" + std::to_string(col);
		if (i < nnames && !namenulls[i])
		{
			char *given = TextDatumGetCString(namev[i]);
			if (given[0] != '\0')
				name = given;
		}
		TupleDescInitEntry(desc, static_cast<AttrNumber>(col), name.c_str(),
						   DatumGetObjectId(typev[i]), -1, 0);
	}
	return desc;
}

/* get_call_result_type's work: the function's row, then the call's. */
TypeFuncClass ResultType(Oid functionId, FunctionCallInfo fcinfo, Oid *resultTypeId,
						 TupleDesc *resultTupleDesc)
{
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(functionId));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", functionId);
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	Oid rettype = proc->prorettype;
	TupleDesc desc = nullptr;
	if (rettype == RECORDOID)
		desc = OutParameterTupleDesc(tup);
	/* Polymorphic OUT columns are what this call's arguments make them
	 * (PostgreSQL's resolve_polymorphic_tupdesc). */
	if (desc != nullptr && fcinfo != nullptr && fcinfo->flinfo != nullptr)
	{
		int nargs = proc->pronargs;
		std::vector<Oid> declared(proc->proargtypes.values, proc->proargtypes.values + nargs);
		std::vector<Oid> actual(static_cast<size_t>(nargs));
		bool known = true;
		for (int i = 0; i < nargs; i++)
		{
			actual[i] = get_fn_expr_argtype(fcinfo->flinfo, i);
			known &= OidIsValid(actual[i]);
		}
		for (int i = 0; known && i < desc->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, i);
			if (!IsPolymorphicType(att->atttypid))
				continue;
			std::vector<Oid> scratch = declared;
			Oid resolved = enforce_generic_type_consistency(actual.data(), scratch.data(), nargs,
															att->atttypid, true);
			std::string name = NameStr(att->attname);
			TupleDescInitEntry(desc, static_cast<AttrNumber>(i + 1), name.c_str(), resolved, -1, 0);
		}
	}
	ReleaseSysCache(tup);
	/* A polymorphic result is what the call resolved it to. */
	if (IsPolymorphicType(rettype) && fcinfo != nullptr)
	{
		Oid resolved = get_fn_expr_rettype(fcinfo->flinfo);
		if (OidIsValid(resolved))
			rettype = resolved;
	}
	if (resultTypeId != nullptr)
		*resultTypeId = rettype;
	if (resultTupleDesc != nullptr)
		*resultTupleDesc = nullptr;
	TypeFuncClass result;
	if (rettype == RECORDOID)
	{
		if (desc == nullptr && fcinfo != nullptr && fcinfo->resultinfo != nullptr &&
			IsA(fcinfo->resultinfo, ReturnSetInfo))
		{
			auto *rsinfo = reinterpret_cast<ReturnSetInfo *>(fcinfo->resultinfo);
			if (rsinfo->expectedDesc != nullptr)
				desc = CreateTupleDescCopy(rsinfo->expectedDesc);
		}
		if (desc != nullptr)
		{
			desc->tdtypeid = RECORDOID;
			desc->tdtypmod = -1;
		}
		result = desc != nullptr ? TYPEFUNC_COMPOSITE : TYPEFUNC_RECORD;
	}
	else if (get_typtype(rettype) == TYPTYPE_COMPOSITE)
	{
		desc = lookup_rowtype_tupdesc_copy(rettype, -1);
		result = TYPEFUNC_COMPOSITE;
	}
	else if (get_typtype(rettype) == TYPTYPE_PSEUDO)
		result = TYPEFUNC_OTHER;
	else
		result = TYPEFUNC_SCALAR;
	if (resultTupleDesc != nullptr)
		*resultTupleDesc = desc;
	return result;
}

}  // namespace

TypeFuncClass get_call_result_type(FunctionCallInfo fcinfo, Oid *resultTypeId,
								   TupleDesc *resultTupleDesc)
{
	return ResultType(fcinfo->flinfo->fn_oid, fcinfo, resultTypeId, resultTupleDesc);
}

TypeFuncClass get_func_result_type(Oid functionId, Oid *resultTypeId, TupleDesc *resultTupleDesc)
{
	return ResultType(functionId, nullptr, resultTypeId, resultTupleDesc);
}

AttInMetadata *TupleDescGetAttInMetadata(TupleDesc tupdesc)
{
	int natts = tupdesc->natts;
	auto *meta = static_cast<AttInMetadata *>(palloc0(sizeof(AttInMetadata)));
	meta->tupdesc = tupdesc;
	meta->attinfuncs = static_cast<FmgrInfo *>(palloc0(sizeof(FmgrInfo) * Max(natts, 1)));
	meta->attioparams = static_cast<Oid *>(palloc0(sizeof(Oid) * Max(natts, 1)));
	meta->atttypmods = static_cast<int32 *>(palloc0(sizeof(int32) * Max(natts, 1)));
	for (int i = 0; i < natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);
		if (att->attisdropped)
			continue;
		Oid infunc;
		getTypeInputInfo(att->atttypid, &infunc, &meta->attioparams[i]);
		fmgr_info(infunc, &meta->attinfuncs[i]);
		meta->atttypmods[i] = att->atttypmod;
	}
	return meta;
}

HeapTuple BuildTupleFromCStrings(AttInMetadata *attinmeta, char **values)
{
	TupleDesc tupdesc = attinmeta->tupdesc;
	int natts = tupdesc->natts;
	auto *dvalues = static_cast<Datum *>(palloc0(sizeof(Datum) * Max(natts, 1)));
	auto *nulls = static_cast<bool *>(palloc0(sizeof(bool) * Max(natts, 1)));
	for (int i = 0; i < natts; i++)
	{
		if (TupleDescAttr(tupdesc, i)->attisdropped)
		{
			nulls[i] = true;
			continue;
		}
		dvalues[i] = InputFunctionCall(&attinmeta->attinfuncs[i], values[i],
									   attinmeta->attioparams[i], attinmeta->atttypmods[i]);
		nulls[i] = values[i] == nullptr;
	}
	HeapTuple tuple = heap_form_tuple(tupdesc, dvalues, nulls);
	pfree(dvalues);
	pfree(nulls);
	return tuple;
}

Datum HeapTupleHeaderGetDatum(HeapTupleHeader tuple)
{
	if ((tuple->t_infomask & HEAP_HASEXTERNAL) == 0)
		return PointerGetDatum(tuple);
	/* Values stored out of line are fetched, so that the Datum stands
	 * alone. */
	TupleDesc desc = lookup_rowtype_tupdesc_copy(HeapTupleHeaderGetTypeId(tuple),
												 HeapTupleHeaderGetTypMod(tuple));
	HeapTupleData tmp{};
	tmp.t_len = HeapTupleHeaderGetDatumLength(tuple);
	tmp.t_data = tuple;
	return heap_copy_tuple_as_datum(&tmp, desc);
}

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
