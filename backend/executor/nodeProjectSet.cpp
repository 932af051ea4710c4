/*
 * nodeProjectSet.cpp — ProjectSet: a target list with set-returning
 * functions (SELECT generate_series(1, 3), SELECT x, f(x) FROM t), with
 * PostgreSQL 10's semantics.
 *
 * For each row of its child the node returns as many rows as the longest
 * set of its set-returning functions: the functions run in lockstep, one
 * whose set has ended gives NULL while another still has rows, and the
 * other target-list columns are computed again for each row.  A child row
 * for which every set is empty gives no row.  The planner puts each
 * set-returning call at the top of a target-list entry (nested calls are
 * not supported yet).
 *
 * Principal entry points: ExecInitProjectSet, ExecReScanProjectSet,
 * ExecEndProjectSet.
 */
#include "postgres.h"

#include "execSRF.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "utils/memutils.h"

namespace {

/* The next row of the current input row's sets, or NULL when all are
 * exhausted. */
TupleTableSlot *ProjectSrf(ProjectSetState *node)
{
	ExprContext *econtext = node->ps.ps_ExprContext;
	TupleTableSlot *slot = node->ps.ps_ResultTupleSlot;
	ResetExprContext(econtext);
	ExecClearTuple(slot);
	bool any = false;
	MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
	for (int i = 0; i < node->nelems; i++)
	{
		Datum *value = &slot->tts_values[i];
		bool *isnull = &slot->tts_isnull[i];
		if (!node->elemIsSrf[i])
		{
			*value = ExecEvalExpr(static_cast<ExprState *>(node->elems[i]), econtext, isnull);
			continue;
		}
		*value = 0;
		*isnull = true;
		if (node->elemDone[i])
			continue;
		if (ExecSetExprNext(static_cast<SetExprState *>(node->elems[i]), econtext, value, isnull))
			any = true;
		else
			node->elemDone[i] = true;
	}
	MemoryContextSwitchTo(old);
	node->pending_srf_tuples = any;
	if (!any)
		return nullptr;
	return ExecStoreVirtualTuple(slot);
}

/* Start the sets over for a new input row. */
void ResetSets(ProjectSetState *node)
{
	for (int i = 0; i < node->nelems; i++)
		if (node->elemIsSrf[i])
		{
			ExecSetExprReset(static_cast<SetExprState *>(node->elems[i]));
			node->elemDone[i] = false;
		}
}

TupleTableSlot *ExecProjectSet(PlanState *pstate)
{
	auto *node = reinterpret_cast<ProjectSetState *>(pstate);
	if (node->pending_srf_tuples)
		if (TupleTableSlot *row = ProjectSrf(node))
			return row;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		TupleTableSlot *input = ExecProcNode(outerPlanState(node));
		if (TupIsNull(input))
			return nullptr;
		pstate->ps_ExprContext->ecxt_outertuple = input;
		pstate->ps_ExprContext->ecxt_scantuple = input;
		ResetSets(node);
		if (TupleTableSlot *row = ProjectSrf(node))
			return row;
	}
}

}  // namespace

PlanState *ExecInitProjectSet(ProjectSet *node, EState *estate, int eflags)
{
	ProjectSetState *state = makeNode(ProjectSetState);
	PlanState *ps = &state->ps;
	ps->plan = &node->plan;
	ps->state = estate;
	ps->ExecProcNode = ExecProjectSet;
	ExecAssignExprContext(estate, ps);
	ps->lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	ExecInitResultTupleSlotTL(ps);
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	state->nelems = list_length(node->plan.targetlist);
	int n = Max(state->nelems, 1);
	state->elems = static_cast<void **>(palloc0(sizeof(void *) * n));
	state->elemIsSrf = static_cast<bool *>(palloc0(sizeof(bool) * n));
	state->elemDone = static_cast<bool *>(palloc0(sizeof(bool) * n));
	int i = 0;
	ListCell *lc;
	foreach (lc, node->plan.targetlist)
	{
		Expr *expr = static_cast<TargetEntry *>(lfirst(lc))->expr;
		if (IsA(expr, FuncExpr) && reinterpret_cast<FuncExpr *>(expr)->funcretset)
		{
			state->elems[i] = ExecInitSetExpr(expr, ps);
			state->elemIsSrf[i] = true;
		}
		else
			state->elems[i] = ExecInitExpr(expr, ps);
		i++;
	}
	MemoryContextSwitchTo(old);
	return ps;
}

void ExecReScanProjectSet(ProjectSetState *node)
{
	node->pending_srf_tuples = false;
	ResetSets(node);
}

void ExecEndProjectSet(ProjectSetState *node)
{
	ResetSets(node);
	ExecEndNode(outerPlanState(node));
}
