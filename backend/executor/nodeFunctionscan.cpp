/*
 * nodeFunctionscan.cpp — FunctionScan: the rows of the functions of a
 * FROM item (FROM f(…), ROWS FROM (f(…), g(…)) [WITH ORDINALITY]).
 *
 * Each function contributes one column; the functions run in lockstep,
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
			slot->tts_values[i] = 0;
			slot->tts_isnull[i] = true;
			if (node->funcdone[i])
				continue;
			if (ExecSetExprNext(node->funcstates[i], econtext, &slot->tts_values[i],
								&slot->tts_isnull[i]))
				any = true;
			else
				node->funcdone[i] = true;
		}
		MemoryContextSwitchTo(old);
		if (!any)
			return nullptr;
		if (node->ordinality)
		{
			slot->tts_values[node->nfuncs] = Int64GetDatum(++node->ordinal);
			slot->tts_isnull[node->nfuncs] = false;
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
	int i = 0;
	ListCell *lc;
	foreach (lc, node->functions)
	{
		auto *rtfunc = castNode(RangeTblFunction, lfirst(lc));
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
