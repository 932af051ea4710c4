/*
 * nodeMaterial.cpp — Material (its child's rows kept in memory, to be
 * read again on rescan: a nested loop's inner side), Append (the rows of
 * each child in turn: UNION ALL), SubqueryScan (a subquery's rows as
 * a FROM item, filtered and projected) and CteScan (a WITH query's rows,
 * computed once, as far as they are read, into a store every CteScan of
 * it reads).
 *
 * Material keeps its rows in the query's memory; when its child reads a
 * PARAM_EXEC slot (a correlated subquery), a rescan forgets them and
 * reads the child again, since its rows may have changed.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "executor/executor.h"
#include "executor/instrument.h"
#include "miscadmin.h"
#include "utils/memutils.h"

namespace {

/* ---- Material ---- */

TupleTableSlot *ExecMaterial(PlanState *pstate)
{
	auto *node = reinterpret_cast<MaterialState *>(pstate);
	CHECK_FOR_INTERRUPTS();
	TupleTableSlot *slot = pstate->ps_ResultTupleSlot;
	if (node->next < node->nrows)
		return ExecStoreHeapTuple(node->rows[node->next++], slot, false);
	if (node->eof_underlying)
		return ExecClearTuple(slot), nullptr;
	TupleTableSlot *input = ExecProcNode(outerPlanState(node));
	if (TupIsNull(input))
	{
		node->eof_underlying = true;
		return ExecClearTuple(slot), nullptr;
	}
	MemoryContext old = MemoryContextSwitchTo(pstate->state->es_query_cxt);
	if (node->nrows == node->maxrows)
	{
		node->maxrows = Max(node->maxrows * 2, 64);
		node->rows = static_cast<HeapTuple *>(
			node->rows == nullptr ? palloc(node->maxrows * sizeof(HeapTuple))
								  : repalloc(node->rows, node->maxrows * sizeof(HeapTuple)));
	}
	HeapTuple tuple = ExecCopySlotHeapTuple(input);
	MemoryContextSwitchTo(old);
	node->rows[node->nrows++] = tuple;
	node->next = node->nrows;
	return ExecStoreHeapTuple(tuple, slot, false);
}

/* ---- Append ---- */

TupleTableSlot *ExecAppend(PlanState *pstate)
{
	auto *node = reinterpret_cast<AppendState *>(pstate);
	while (node->whichplan < node->nplans)
	{
		CHECK_FOR_INTERRUPTS();
		TupleTableSlot *slot = ExecProcNode(node->appendplans[node->whichplan]);
		if (!TupIsNull(slot))
			return slot;
		node->whichplan++;
	}
	return nullptr;
}

/* ---- CteScan ---- */

/* One more row of WITH query plan_id into its store; false (and the
 * store marked filled) when the query has no more.  Rows are computed
 * only as far as some CteScan reads them, as in PostgreSQL, so a LIMIT
 * above can stop an endless recursive query. */
bool FetchCteRow(EState *estate, CteStore *store, int plan_id)
{
	if (store->filled)
		return false;
	PlanState *planstate = static_cast<PlanState *>(
		list_nth(estate->es_subplanstates, plan_id - 1));
	TupleTableSlot *slot = ExecProcNode(planstate);
	if (TupIsNull(slot))
	{
		store->filled = true;
		return false;
	}
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	if (store->nrows == store->maxrows)
	{
		store->maxrows = Max(store->maxrows * 2, 64);
		store->rows = static_cast<HeapTuple *>(
			store->rows == nullptr ? palloc(store->maxrows * sizeof(HeapTuple))
								   : repalloc(store->rows, store->maxrows * sizeof(HeapTuple)));
	}
	store->rows[store->nrows++] = ExecCopySlotHeapTuple(slot);
	MemoryContextSwitchTo(old);
	return true;
}

TupleTableSlot *ExecCteScan(PlanState *pstate)
{
	auto *node = reinterpret_cast<CteScanState *>(pstate);
	EState *estate = pstate->state;
	CteStore *store = &estate->es_cte_stores[node->ctePlanId - 1];
	ExprContext *econtext = pstate->ps_ExprContext;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(econtext);
		if (node->next >= store->nrows && !FetchCteRow(estate, store, node->ctePlanId))
			return nullptr;
		TupleTableSlot *slot = ExecStoreHeapTuple(store->rows[node->next++],
												  node->ss.ss_ScanTupleSlot, false);
		econtext->ecxt_scantuple = slot;
		if (!ExecQual(pstate->qual, econtext))
			continue;
		return ExecProject(pstate->ps_ProjInfo);
	}
}

/* ---- SubqueryScan ---- */

TupleTableSlot *ExecSubqueryScan(PlanState *pstate)
{
	auto *node = reinterpret_cast<SubqueryScanState *>(pstate);
	ExprContext *econtext = pstate->ps_ExprContext;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(econtext);
		TupleTableSlot *input = ExecProcNode(node->subplan);
		if (TupIsNull(input))
			return nullptr;
		econtext->ecxt_scantuple = input;
		if (!ExecQual(pstate->qual, econtext))
		{
			InstrCountFiltered1(pstate, 1);
			continue;
		}
		return ExecProject(pstate->ps_ProjInfo);
	}
}

}  // namespace

PlanState *ExecInitMaterial(Material *node, EState *estate, int eflags)
{
	MaterialState *state = makeNode(MaterialState);
	state->ps.plan = &node->plan;
	state->ps.state = estate;
	state->ps.ExecProcNode = ExecMaterial;
	state->ps.lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	ExecInitResultTupleSlotTL(&state->ps);
	state->child_uses_params = ExecPlanUsesParamExec(outerPlan(node), estate->es_plannedstmt);
	return &state->ps;
}

void ExecReScanMaterial(MaterialState *node)
{
	if (node->child_uses_params || node->ps.state->es_epq_active != nullptr)
	{
		node->nrows = 0;
		node->eof_underlying = false;
		ExecReScan(outerPlanState(node));
	}
	node->next = 0;
}

PlanState *ExecInitAppend(Append *node, EState *estate, int eflags)
{
	AppendState *state = makeNode(AppendState);
	state->ps.plan = &node->plan;
	state->ps.state = estate;
	state->ps.ExecProcNode = ExecAppend;
	state->nplans = list_length(node->appendplans);
	state->appendplans = static_cast<PlanState **>(palloc0(sizeof(PlanState *) * state->nplans));
	int i = 0;
	ListCell *lc;
	foreach (lc, node->appendplans)
		state->appendplans[i++] = ExecInitNode(static_cast<Plan *>(lfirst(lc)), estate, eflags);
	ExecInitResultTupleSlotTL(&state->ps);
	return &state->ps;
}

void ExecReScanAppend(AppendState *node)
{
	for (int i = 0; i < node->nplans; i++)
		ExecReScan(node->appendplans[i]);
	node->whichplan = 0;
}

void ExecEndAppend(AppendState *node)
{
	for (int i = 0; i < node->nplans; i++)
		ExecEndNode(node->appendplans[i]);
}

CteStore *ExecFillCteStore(EState *estate, int plan_id)
{
	CteStore *store = &estate->es_cte_stores[plan_id - 1];
	while (FetchCteRow(estate, store, plan_id))
		CHECK_FOR_INTERRUPTS();
	return store;
}

PlanState *ExecInitCteScan(CteScan *node, EState *estate, int)
{
	CteScanState *state = makeNode(CteScanState);
	PlanState *ps = &state->ss.ps;
	ps->plan = &node->scan.plan;
	ps->state = estate;
	ps->ExecProcNode = ExecCteScan;
	ExecAssignExprContext(estate, ps);
	state->ctePlanId = node->ctePlanId;
	Plan *cteplan = static_cast<Plan *>(
		list_nth(estate->es_plannedstmt->subplans, node->ctePlanId - 1));
	state->uses_params = ExecPlanUsesParamExec(cteplan, estate->es_plannedstmt);
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	TupleDesc desc = ExecCleanTypeFromTL(cteplan->targetlist);
	MemoryContextSwitchTo(old);
	state->ss.ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, desc);
	ExecInitResultTupleSlotTL(ps);
	ExecAssignProjectionInfo(ps);
	ps->qual = ExecInitQual(node->scan.plan.qual, ps);
	return ps;
}

void ExecReScanCteScan(CteScanState *node)
{
	node->next = 0;
	if (node->uses_params)
	{
		/* A WITH query of a correlated subquery: its rows may differ. */
		EState *estate = node->ss.ps.state;
		CteStore *store = &estate->es_cte_stores[node->ctePlanId - 1];
		if (store->filled || store->nrows > 0)
		{
			store->nrows = 0;
			store->filled = false;
			ExecReScan(
				static_cast<PlanState *>(list_nth(estate->es_subplanstates, node->ctePlanId - 1)));
		}
	}
}

PlanState *ExecInitSubqueryScan(SubqueryScan *node, EState *estate, int eflags)
{
	SubqueryScanState *state = makeNode(SubqueryScanState);
	PlanState *ps = &state->ss.ps;
	ps->plan = &node->scan.plan;
	ps->state = estate;
	ps->ExecProcNode = ExecSubqueryScan;
	ExecAssignExprContext(estate, ps);
	state->subplan = ExecInitNode(node->subplan, estate, eflags);
	ExecInitResultTupleSlotTL(ps);
	ExecAssignProjectionInfo(ps);
	ps->qual = ExecInitQual(node->scan.plan.qual, ps);
	return ps;
}

void ExecEndSubqueryScan(SubqueryScanState *node)
{
	ExecEndNode(node->subplan);
}
