/*
 * nodeFunctionscan.cpp — FunctionScan: the rows of the functions of a
 * FROM item (FROM f(…), ROWS FROM (f(…), g(…)) [WITH ORDINALITY]).
 *
 * Each function contributes one column, or, returning record through OUT
 * parameters, a column per parameter (its row taken apart with the
 * parameters' types); the functions run in lockstep,
 * a row per call of each, and those whose set has ended give NULL until
 * the longest one ends.  A function that does not return a set gives one
 * row.  WITH ORDINALITY adds the row's number (int8, from 1) as the last
 * column.  PostgreSQL materializes each function's result in a
 * tuplestore first; Tusk streams, calling the functions as rows are
 * asked for, and starts them over on a rescan (their arguments may read
 * parameters that changed).
 *
 * Principal entry points: ExecInitFunctionScan, ExecReScanFunctionScan,
 * ExecEndFunctionScan.
 */
#include "postgres.h"

#include "execSRF.h"
#include "executor/executor.h"
#include "executor/instrument.h"
#include "access/htup_details.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "utils/memutils.h"

namespace {

TupleTableSlot *ExecFunctionScan(PlanState *pstate)
{
	auto *node = reinterpret_cast<FunctionScanState *>(pstate);
	TupleTableSlot *slot = node->ss.ss_ScanTupleSlot;
	ExprContext *econtext = pstate->ps_ExprContext;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(econtext);
		ExecClearTuple(slot);
		bool any = false;
		MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
		for (int i = 0; i < node->nfuncs; i++)
		{
			int col = node->funccolstart[i];
			TupleDesc rowdesc = node->funcrowdesc[i];
			int ncols = rowdesc != nullptr ? rowdesc->natts : 1;
			for (int c = 0; c < ncols; c++)
			{
				slot->tts_values[col + c] = 0;
				slot->tts_isnull[col + c] = true;
			}
			if (node->funcdone[i])
				continue;
			Datum value;
			bool isnull;
			if (!ExecSetExprNext(node->funcstates[i], econtext, &value, &isnull))
			{
				node->funcdone[i] = true;
				continue;
			}
			any = true;
			if (rowdesc == nullptr)
			{
				slot->tts_values[col] = value;
				slot->tts_isnull[col] = isnull;
			}
			else if (!isnull)
			{
				/* A row: its columns, by the function's OUT parameters. */
				auto row = reinterpret_cast<HeapTupleHeader>(PG_DETOAST_DATUM(value));
				HeapTupleData tuple;
				tuple.t_len = HeapTupleHeaderGetDatumLength(row);
				ItemPointerSetInvalid(&tuple.t_self);
				tuple.t_tableOid = InvalidOid;
				tuple.t_data = row;
				if (HeapTupleHeaderGetNatts(row) != ncols)
					ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
							errmsg("function return row and query-specified return row do not "
								   "match"));
				heap_deform_tuple(&tuple, rowdesc, slot->tts_values + col, slot->tts_isnull + col);
			}
		}
		MemoryContextSwitchTo(old);
		if (!any)
			return nullptr;
		if (node->ordinality)
		{
			int last = slot->tts_tupleDescriptor->natts - 1;
			slot->tts_values[last] = Int64GetDatum(++node->ordinal);
			slot->tts_isnull[last] = false;
		}
		ExecStoreVirtualTuple(slot);
		econtext->ecxt_scantuple = slot;
		if (!ExecQual(pstate->qual, econtext))
		{
			InstrCountFiltered1(pstate, 1);
			continue;
		}
		if (pstate->ps_ProjInfo == nullptr)
			return slot;
		return ExecProject(pstate->ps_ProjInfo);
	}
}

}  // namespace

PlanState *ExecInitFunctionScan(FunctionScan *node, EState *estate, int)
{
	FunctionScanState *state = makeNode(FunctionScanState);
	PlanState *ps = &state->ss.ps;
	ps->plan = &node->scan.plan;
	ps->state = estate;
	ps->ExecProcNode = ExecFunctionScan;
	ExecAssignExprContext(estate, ps);
	RangeTblEntry *rte = static_cast<RangeTblEntry *>(
		list_nth(estate->es_range_table, static_cast<int>(node->scan.scanrelid) - 1));
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	state->nfuncs = list_length(node->functions);
	state->ordinality = node->funcordinality;
	state->funcstates = static_cast<SetExprState **>(
		palloc0(sizeof(SetExprState *) * Max(state->nfuncs, 1)));
	state->funcdone = static_cast<bool *>(palloc0(sizeof(bool) * Max(state->nfuncs, 1)));
	state->funccolstart = static_cast<int *>(palloc0(sizeof(int) * Max(state->nfuncs, 1)));
	state->funcrowdesc = static_cast<TupleDesc *>(
		palloc0(sizeof(TupleDesc) * Max(state->nfuncs, 1)));
	int i = 0;
	int col = 0;
	ListCell *lc;
	foreach (lc, node->functions)
	{
		auto *rtfunc = castNode(RangeTblFunction, lfirst(lc));
		state->funccolstart[i] = col;
		if (rtfunc->funccolcount > 1)
		{
			TupleDesc rowdesc = CreateTemplateTupleDesc(rtfunc->funccolcount);
			for (int c = 0; c < rtfunc->funccolcount; c++)
				TupleDescInitEntry(rowdesc, static_cast<AttrNumber>(c + 1), nullptr,
								   list_nth_oid(rtfunc->funccoltypes, c), -1, 0);
			state->funcrowdesc[i] = rowdesc;
		}
		col += Max(rtfunc->funccolcount, 1);
		state->funcstates[i++] = ExecInitSetExpr(reinterpret_cast<Expr *>(rtfunc->funcexpr), ps);
	}
	int ncols = list_length(rte->coltypes);
	TupleDesc desc = CreateTemplateTupleDesc(ncols);
	for (int c = 0; c < ncols; c++)
		TupleDescInitEntry(desc, static_cast<AttrNumber>(c + 1), nullptr,
						   list_nth_oid(rte->coltypes, c), list_nth_int(rte->coltypmods, c), 0);
	MemoryContextSwitchTo(old);
	state->ss.ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, desc);
	ExecInitResultTupleSlotTL(ps);
	ExecAssignProjectionInfo(ps);
	ps->qual = ExecInitQual(node->scan.plan.qual, ps);
	return ps;
}

void ExecReScanFunctionScan(FunctionScanState *node)
{
	for (int i = 0; i < node->nfuncs; i++)
	{
		ExecSetExprReset(node->funcstates[i]);
		node->funcdone[i] = false;
	}
	node->ordinal = 0;
}

void ExecEndFunctionScan(FunctionScanState *node)
{
	for (int i = 0; i < node->nfuncs; i++)
		ExecSetExprReset(node->funcstates[i]);
	ExecClearTuple(node->ss.ss_ScanTupleSlot);
}
