/*
 * nodeSubplan.cpp — evaluating a SubPlan expression: a subquery inside
 * an expression (PostgreSQL's nodeSubplan.c, without hashed subplans).
 *
 * Principal entry points: ExecInitSubPlan, ExecSubPlan,
 * ExecPlanUsesParamExec.
 *
 * The subplan's PlanState was built by ExecutorStart with the main plan
 * (estate->es_subplanstates).  Each evaluation sets the PARAM_EXEC slots
 * of the subplan's correlated values from args (computed in the calling
 * row), restarts the subplan, and reads as many rows as the sublink
 * kind needs: one for EXISTS, at most one for a scalar subquery (a
 * second is error 21000), all of them for ARRAY, and for x op ANY/ALL
 * until the answer is known — each row's columns go to the paramIds
 * slots and testexpr compares, with SQL's three-valued logic (no row
 * matches but a comparison was NULL: NULL).
 *
 * A subplan that reads no PARAM_EXEC slot gives the same rows every time:
 * its value (or, for ANY/ALL, its rows) is computed on first use and
 * kept for the rest of the statement, as PostgreSQL's initplans are.
 *
 * A MULTIEXPR subplan (UPDATE … SET (a, b) = (SELECT …)) returns NULL
 * and leaves its row's columns in its setParam slots, for the Params of
 * the same target list; ExecBuildProjectionInfo evaluates it before the
 * other columns.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "utils/array.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

namespace {

struct ParamWalkContext
{
	PlannedStmt *stmt;
	/* The RecursiveUnions above: their WorkTableScans are theirs. */
	List *inner_wt_params = NIL;
};

bool UsesParamExecWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Param))
		return reinterpret_cast<Param *>(node)->paramkind == PARAM_EXEC;
	/* A work table changes at each step of its recursive union: a plan
	 * reading it outside that union reads a changing input. */
	if (IsA(node, WorkTableScan))
	{
		auto *ctx = static_cast<ParamWalkContext *>(arg);
		if (!list_member_int(ctx->inner_wt_params,
							 reinterpret_cast<WorkTableScan *>(node)->wtParam))
			return true;
	}
	if (IsA(node, RecursiveUnion))
	{
		auto *ctx = static_cast<ParamWalkContext *>(arg);
		List *saved = ctx->inner_wt_params;
		ctx->inner_wt_params = lappend_int(list_copy(saved),
										   reinterpret_cast<RecursiveUnion *>(node)->wtParam);
		bool result = node_children_walker(node, UsesParamExecWalker, arg);
		ctx->inner_wt_params = saved;
		return result;
	}
	if (IsA(node, SubPlan))
	{
		auto *ctx = static_cast<ParamWalkContext *>(arg);
		SubPlan *sp = reinterpret_cast<SubPlan *>(node);
		/* Its args are computed here; its plan runs with them. */
		if (node_children_walker(reinterpret_cast<Node *>(sp->args), UsesParamExecWalker, arg) ||
			UsesParamExecWalker(sp->testexpr, arg))
			return true;
		return UsesParamExecWalker(static_cast<Node *>(
									   list_nth(ctx->stmt->subplans, sp->plan_id - 1)),
								   arg);
	}
	return node_children_walker(node, UsesParamExecWalker, arg);
}

/* The subplan's next row, from the kept rows or the plan. */
TupleTableSlot *NextRow(SubPlanState *node, int64 *pos, TupleTableSlot *slot)
{
	if (node->cache_rows != nullptr)
	{
		if (*pos >= node->cache_nrows)
			return nullptr;
		return ExecStoreHeapTuple(node->cache_rows[(*pos)++], slot, false);
	}
	return ExecProcNode(node->planstate);
}

/* Run the plan once, keeping its rows in the query's memory. */
void KeepRows(SubPlanState *node)
{
	EState *estate = node->planstate->state;
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	int64 max = 16;
	node->cache_rows = static_cast<HeapTuple *>(palloc(max * sizeof(HeapTuple)));
	node->cache_nrows = 0;
	for (;;)
	{
		TupleTableSlot *slot = ExecProcNode(node->planstate);
		if (TupIsNull(slot))
			break;
		if (node->cache_nrows == max)
		{
			max *= 2;
			node->cache_rows = static_cast<HeapTuple *>(
				repalloc(node->cache_rows, max * sizeof(HeapTuple)));
		}
		node->cache_rows[node->cache_nrows++] = ExecCopySlotHeapTuple(slot);
	}
	MemoryContextSwitchTo(old);
}

Datum CopyResult(SubPlanState *node, Datum value, bool isnull, MemoryContext cxt)
{
	if (isnull)
		return value;
	int16 typlen;
	bool typbyval;
	get_typlenbyval(node->subplan->firstColType, &typlen, &typbyval);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Datum copy = datumCopy(value, typbyval, typlen);
	MemoryContextSwitchTo(old);
	return copy;
}

Datum ScanSubPlan(SubPlanState *node, ExprContext *econtext, bool *isNull, MemoryContext resultcxt)
{
	SubPlan *subplan = node->subplan;
	EState *estate = node->planstate->state;
	SubLinkType kind = subplan->subLinkType;
	TupleTableSlot *slot = node->planstate->ps_ResultTupleSlot;
	int64 pos = 0;
	*isNull = false;
	if (kind == ANY_SUBLINK || kind == ALL_SUBLINK)
	{
		bool found_null = false;
		for (;;)
		{
			CHECK_FOR_INTERRUPTS();
			TupleTableSlot *row = NextRow(node, &pos, slot);
			if (TupIsNull(row))
				break;
			int col = 1;
			ListCell *lc;
			foreach (lc, subplan->paramIds)
			{
				ParamExecData *prm = &estate->es_param_exec_vals[lfirst_int(lc)];
				prm->value = slot_getattr(row, col++, &prm->isnull);
			}
			bool rnull;
			Datum r = ExecEvalExprSwitchContext(node->testexpr, econtext, &rnull);
			if (rnull)
				found_null = true;
			else if (kind == ANY_SUBLINK && DatumGetBool(r))
				return BoolGetDatum(true);
			else if (kind == ALL_SUBLINK && !DatumGetBool(r))
				return BoolGetDatum(false);
		}
		if (found_null)
		{
			*isNull = true;
			return BoolGetDatum(false);
		}
		return BoolGetDatum(kind == ALL_SUBLINK);
	}
	if (kind == EXISTS_SUBLINK)
		return BoolGetDatum(!TupIsNull(NextRow(node, &pos, slot)));
	if (kind == ARRAY_SUBLINK)
	{
		Oid elemtype = subplan->firstColType;
		int16 typlen;
		bool typbyval;
		char typalign;
		get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
		MemoryContext old = MemoryContextSwitchTo(resultcxt);
		int64 n = 0;
		int64 max = 16;
		Datum *values = static_cast<Datum *>(palloc(max * sizeof(Datum)));
		bool *nulls = static_cast<bool *>(palloc(max * sizeof(bool)));
		for (;;)
		{
			CHECK_FOR_INTERRUPTS();
			TupleTableSlot *row = NextRow(node, &pos, slot);
			if (TupIsNull(row))
				break;
			if (n == max)
			{
				max *= 2;
				values = static_cast<Datum *>(repalloc(values, max * sizeof(Datum)));
				nulls = static_cast<bool *>(repalloc(nulls, max * sizeof(bool)));
			}
			Datum v = slot_getattr(row, 1, &nulls[n]);
			values[n] = nulls[n] ? static_cast<Datum>(0) : datumCopy(v, typbyval, typlen);
			n++;
		}
		int dims[1] = {static_cast<int>(n)};
		int lbs[1] = {1};
		ArrayType *array = n == 0
			? construct_empty_array(elemtype)
			: construct_md_array(values, nulls, 1, dims, lbs, elemtype, typlen, typbyval, typalign);
		MemoryContextSwitchTo(old);
		return PointerGetDatum(array);
	}
	/* EXPR_SUBLINK, ROWCOMPARE_SUBLINK and MULTIEXPR_SUBLINK: at most
	 * one row. */
	TupleTableSlot *row = NextRow(node, &pos, slot);
	if (kind == MULTIEXPR_SUBLINK)
	{
		/* Its columns go to the setParam slots (NULLs if no row), copied
		 * out of the subplan's slot into the result's memory; the value
		 * itself is a NULL nobody reads. */
		int col = 1;
		ListCell *lc;
		foreach (lc, subplan->setParam)
		{
			ParamExecData *prm = &estate->es_param_exec_vals[lfirst_int(lc)];
			if (TupIsNull(row))
			{
				prm->value = static_cast<Datum>(0);
				prm->isnull = true;
				continue;
			}
			Datum v = slot_getattr(row, col, &prm->isnull);
			Form_pg_attribute att = TupleDescAttr(row->tts_tupleDescriptor, col - 1);
			MemoryContext old = MemoryContextSwitchTo(resultcxt);
			prm->value = prm->isnull ? static_cast<Datum>(0)
									 : datumCopy(v, att->attbyval, att->attlen);
			MemoryContextSwitchTo(old);
			col++;
		}
		if (!TupIsNull(row) && !TupIsNull(NextRow(node, &pos, slot)))
			ereport(ERROR, errcode(ERRCODE_CARDINALITY_VIOLATION),
					errmsg("more than one row returned by a subquery used as an expression"));
		*isNull = true;
		return static_cast<Datum>(0);
	}
	if (TupIsNull(row))
	{
		*isNull = true;
		return static_cast<Datum>(0);
	}
	Datum result;
	if (kind == ROWCOMPARE_SUBLINK)
	{
		int col = 1;
		ListCell *lc;
		foreach (lc, subplan->paramIds)
		{
			ParamExecData *prm = &estate->es_param_exec_vals[lfirst_int(lc)];
			prm->value = slot_getattr(row, col++, &prm->isnull);
		}
		result = ExecEvalExprSwitchContext(node->testexpr, econtext, isNull);
	}
	else
	{
		Datum v = slot_getattr(row, 1, isNull);
		result = CopyResult(node, v, *isNull, resultcxt);
	}
	if (!TupIsNull(NextRow(node, &pos, slot)))
		ereport(ERROR, errcode(ERRCODE_CARDINALITY_VIOLATION),
				errmsg("more than one row returned by a subquery used as an expression"));
	return result;
}

}  // namespace

bool ExecPlanUsesParamExec(Plan *plan, PlannedStmt *stmt)
{
	ParamWalkContext ctx{stmt};
	return UsesParamExecWalker(reinterpret_cast<Node *>(plan), &ctx);
}

SubPlanState *ExecInitSubPlan(SubPlan *subplan, PlanState *parent)
{
	EState *estate = parent->state;
	SubPlanState *state = makeNode(SubPlanState);
	state->subplan = subplan;
	state->planstate = static_cast<PlanState *>(
		list_nth(estate->es_subplanstates, subplan->plan_id - 1));
	state->args = ExecInitExprList(subplan->args, parent);
	state->testexpr = ExecInitExpr(reinterpret_cast<Expr *>(subplan->testexpr), parent);
	state->uses_params = ExecPlanUsesParamExec(static_cast<Plan *>(
												   list_nth(estate->es_plannedstmt->subplans,
															subplan->plan_id - 1)),
											   estate->es_plannedstmt);
	return state;
}

Datum ExecSubPlan(SubPlanState *node, ExprContext *econtext, bool *isNull)
{
	SubPlan *subplan = node->subplan;
	EState *estate = node->planstate->state;
	if (node->have_cache)
	{
		*isNull = node->cache_isnull;
		return node->cache_value;
	}
	/* The correlated values, from the calling row. */
	ListCell *p;
	ListCell *a;
	forboth(p, subplan->parParam, a, node->args)
	{
		ParamExecData *prm = &estate->es_param_exec_vals[lfirst_int(p)];
		prm->value = ExecEvalExprSwitchContext(static_cast<ExprState *>(lfirst(a)), econtext,
											   &prm->isnull);
	}
	if (!node->uses_params && subplan->subLinkType == MULTIEXPR_SUBLINK)
	{
		/* Computed once; its slots keep the values for every row. */
		if (!node->have_cache)
			(void) ScanSubPlan(node, econtext, isNull, estate->es_query_cxt);
		node->have_cache = true;
		node->cache_isnull = true;
		node->cache_value = static_cast<Datum>(0);
		*isNull = true;
		return static_cast<Datum>(0);
	}
	if (!node->uses_params)
	{
		SubLinkType kind = subplan->subLinkType;
		if (kind == ANY_SUBLINK || kind == ALL_SUBLINK || kind == ROWCOMPARE_SUBLINK)
		{
			/* Keep the rows; each call compares its own left side. */
			if (node->cache_rows == nullptr)
				KeepRows(node);
			return ScanSubPlan(node, econtext, isNull, econtext->ecxt_per_tuple_memory);
		}
		Datum v = ScanSubPlan(node, econtext, isNull, estate->es_query_cxt);
		node->have_cache = true;
		node->cache_value = v;
		node->cache_isnull = *isNull;
		return v;
	}
	if (node->started)
		ExecReScan(node->planstate);
	node->started = true;
	return ScanSubPlan(node, econtext, isNull, econtext->ecxt_per_tuple_memory);
}
