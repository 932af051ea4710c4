/*
 * nodeScans.cpp — the leaf and simple nodes: Result (a row from nothing,
 * or a projection of its child), SeqScan (a table's visible rows),
 * ValuesScan (the rows of a VALUES list), NestLoop (each outer row with
 * every matching inner row) and Limit (OFFSET/LIMIT).
 *
 * Each node follows PostgreSQL's pattern: ExecInitXxx builds the state
 * and compiles its expressions, ExecXxx (its ExecProcNode) returns the
 * next row or NULL, ExecEndXxx releases what it holds.  Every node resets
 * its per-tuple memory before computing the next row.
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/relation.h"
#include "evalplanqual.h"
#include "executor/executor.h"
#include "executor/instrument.h"
#include "miscadmin.h"
#include "utils/lsyscache.h"
#include "nodes/parsenodes.h"
#include "utils/memutils.h"

namespace {

/* Quals and projection of a node whose input row is in ecxt_scantuple. */
TupleTableSlot *QualifyAndProject(PlanState *ps, TupleTableSlot *input)
{
	ExprContext *econtext = ps->ps_ExprContext;
	econtext->ecxt_scantuple = input;
	if (!ExecQual(ps->qual, econtext))
	{
		InstrCountFiltered1(ps, 1);
		return nullptr;
	}
	if (ps->ps_ProjInfo == nullptr)
		return input;
	return ExecProject(ps->ps_ProjInfo);
}

/* ---- Result ---- */

TupleTableSlot *ExecResult(PlanState *pstate)
{
	auto *node = reinterpret_cast<ResultState *>(pstate);
	ExprContext *econtext = pstate->ps_ExprContext;
	CHECK_FOR_INTERRUPTS();
	if (node->rs_checkqual)
	{
		node->rs_checkqual = false;
		if (!ExecQual(node->resconstantqual, econtext))
		{
			node->rs_done = true;
			return nullptr;
		}
	}
	for (;;)
	{
		ResetExprContext(econtext);
		if (outerPlanState(node) != nullptr)
		{
			TupleTableSlot *input = ExecProcNode(outerPlanState(node));
			if (TupIsNull(input))
				return nullptr;
			econtext->ecxt_outertuple = input;
			econtext->ecxt_scantuple = input;
			if (!ExecQual(pstate->qual, econtext))
			{
				InstrCountFiltered1(pstate, 1);
				continue;
			}
			return ExecProject(pstate->ps_ProjInfo);
		}
		if (node->rs_done)
			return nullptr;
		node->rs_done = true;
		if (!ExecQual(pstate->qual, econtext))
			return nullptr;
		return ExecProject(pstate->ps_ProjInfo);
	}
}

/* ---- SeqScan ---- */

TupleTableSlot *ExecSeqScan(PlanState *pstate)
{
	auto *node = reinterpret_cast<SeqScanState *>(pstate);
	ScanState &ss = node->ss;
	ExprContext *econtext = pstate->ps_ExprContext;
	if (pstate->state->es_epq_active != nullptr)
	{
		/* A re-check of a concurrently updated row: just that row. */
		TupleTableSlot *row;
		Index rti = reinterpret_cast<Scan *>(pstate->plan)->scanrelid;
		if (EvalPlanQualScanNext(pstate->state, rti, ss.ss_ScanTupleSlot, &row))
		{
			ResetExprContext(econtext);
			return row == nullptr ? nullptr : QualifyAndProject(pstate, row);
		}
	}
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(econtext);
		HeapTuple tuple = heap_getnext(ss.ss_currentScanDesc, ForwardScanDirection);
		if (tuple == nullptr)
			return ExecClearTuple(ss.ss_ScanTupleSlot), nullptr;
		TupleTableSlot *slot = ExecStoreBufferHeapTuple(tuple, ss.ss_ScanTupleSlot, InvalidBuffer);
		if (TupleTableSlot *out = QualifyAndProject(pstate, slot))
			return out;
	}
}

/* ---- ValuesScan ---- */

TupleTableSlot *ExecValuesScan(PlanState *pstate)
{
	auto *node = reinterpret_cast<ValuesScanState *>(pstate);
	TupleTableSlot *slot = node->ss.ss_ScanTupleSlot;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(pstate->ps_ExprContext);
		if (node->curr_idx >= node->array_len)
			return nullptr;
		List *exprs = node->exprlists[node->curr_idx++];
		ExprContext *rowcontext = node->rowcontext;
		ResetExprContext(rowcontext);
		ExecClearTuple(slot);
		MemoryContext old = MemoryContextSwitchTo(rowcontext->ecxt_per_tuple_memory);
		int i = 0;
		ListCell *lc;
		foreach (lc, exprs)
		{
			/* The slot is made at init (the analyzer cannot see it). */
			// NOLINTBEGIN(clang-analyzer-core.NullDereference)
			slot->tts_values[i] = ExecEvalExpr(static_cast<ExprState *>(lfirst(lc)), rowcontext,
											   &slot->tts_isnull[i]);
			// NOLINTEND(clang-analyzer-core.NullDereference)
			i++;
		}
		MemoryContextSwitchTo(old);
		ExecStoreVirtualTuple(slot);
		if (TupleTableSlot *out = QualifyAndProject(pstate, slot))
			return out;
	}
}

/* ---- NestLoop ---- */

TupleTableSlot *ExecNestLoop(PlanState *pstate)
{
	auto *node = reinterpret_cast<NestLoopState *>(pstate);
	ExprContext *econtext = pstate->ps_ExprContext;
	PlanState *outer = outerPlanState(node);
	PlanState *inner = innerPlanState(node);
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(econtext);
		if (node->nl_NeedNewOuter)
		{
			TupleTableSlot *outerslot = ExecProcNode(outer);
			if (TupIsNull(outerslot))
				return nullptr;
			/* The inner side restarts under it: keep the outer row. */
			ExecMaterializeSlot(outerslot);
			econtext->ecxt_outertuple = outerslot;
			node->nl_NeedNewOuter = false;
			node->nl_MatchedOuter = false;
			/* Its columns the inner side reads as PARAM_EXEC Params. */
			ListCell *lc;
			foreach (lc, reinterpret_cast<NestLoop *>(pstate->plan)->nestParams)
			{
				auto *nlp = static_cast<NestLoopParam *>(lfirst(lc));
				ParamExecData *prm = &pstate->state->es_param_exec_vals[nlp->paramno];
				prm->value = slot_getattr(outerslot, nlp->paramval->varattno, &prm->isnull);
			}
			/* The inner side starts over for each outer row. */
			ExecReScan(inner);
		}
		TupleTableSlot *innerslot = ExecProcNode(inner);
		if (TupIsNull(innerslot))
		{
			node->nl_NeedNewOuter = true;
			if (!node->nl_MatchedOuter &&
				(node->js.jointype == JOIN_LEFT || node->js.jointype == JOIN_ANTI))
			{
				econtext->ecxt_innertuple = node->nl_NullInnerTupleSlot;
				if (ExecQual(pstate->qual, econtext))
					return ExecProject(pstate->ps_ProjInfo);
			}
			continue;
		}
		econtext->ecxt_innertuple = innerslot;
		if (!ExecQual(node->js.joinqual, econtext))
		{
			InstrCountFiltered1(pstate, 1);
			continue;
		}
		node->nl_MatchedOuter = true;
		/* A semi join wants one match per outer row, an anti join none:
		 * either way the rest of the inner side is not needed. */
		if (node->js.jointype == JOIN_ANTI)
		{
			node->nl_NeedNewOuter = true;
			continue;
		}
		if (node->js.jointype == JOIN_SEMI)
			node->nl_NeedNewOuter = true;
		if (ExecQual(pstate->qual, econtext))
			return ExecProject(pstate->ps_ProjInfo);
		InstrCountFiltered2(pstate, 1);
	}
}

/* ---- Limit ---- */

int64 LimitValue(ExprState *expr, ExprContext *econtext, bool *isnull, const char *what)
{
	Datum v = ExecEvalExprSwitchContext(expr, econtext, isnull);
	if (*isnull)
		return 0;
	int64 n = DatumGetInt64(v);
	if (n < 0)
		ereport(ERROR,
				errcode(strcmp(what, "OFFSET") == 0
							? ERRCODE_INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE
							: ERRCODE_INVALID_ROW_COUNT_IN_LIMIT_CLAUSE),
				errmsg("%s must not be negative", what));
	return n;
}

/* Whether slot equals the last counted row on the ORDER BY columns
 * (NULLs equal, as they sort together). */
bool TiedWithLast(LimitState *node, TupleTableSlot *slot)
{
	auto *limit = reinterpret_cast<Limit *>(node->ps.plan);
	ExprContext *econtext = node->ps.ps_ExprContext;
	MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
	ResetExprContext(econtext);
	bool tied = true;
	ListCell *c;
	ListCell *l;
	int i = 0;
	forboth(c, limit->uniqColIdx, l, limit->uniqCollations)
	{
		bool anull;
		bool bnull;
		Datum a = slot_getattr(node->last, static_cast<AttrNumber>(lfirst_int(c)), &anull);
		Datum b = slot_getattr(slot, static_cast<AttrNumber>(lfirst_int(c)), &bnull);
		if (anull != bnull ||
			(!anull && !DatumGetBool(FunctionCall2Coll(&node->tie_eq[i], lfirst_oid(l), a, b))))
		{
			tied = false;
			break;
		}
		i++;
	}
	MemoryContextSwitchTo(old);
	return tied;
}

TupleTableSlot *ExecLimit(PlanState *pstate)
{
	auto *node = reinterpret_cast<LimitState *>(pstate);
	if (!node->started)
	{
		node->started = true;
		ExprContext *econtext = pstate->ps_ExprContext;
		bool isnull = true;
		node->offset = node->limitOffset != nullptr
			? LimitValue(node->limitOffset, econtext, &isnull, "OFFSET")
			: 0;
		node->noCount = true;
		if (node->limitCount != nullptr)
		{
			node->count = LimitValue(node->limitCount, econtext, &isnull, "LIMIT");
			node->noCount = isnull;
		}
		for (int64 i = 0; i < node->offset; i++)
			if (TupIsNull(ExecProcNode(outerPlanState(node))))
				return nullptr;
	}
	if (!node->noCount && node->position >= node->count)
	{
		/* WITH TIES: the rows after the last counted that equal it on
		 * the ORDER BY columns. */
		if (node->tie_eq == nullptr || node->tail || node->position == 0)
			return nullptr;
		TupleTableSlot *slot = ExecProcNode(outerPlanState(node));
		if (TupIsNull(slot) || !TiedWithLast(node, slot))
		{
			node->tail = true;
			return nullptr;
		}
		return slot;
	}
	TupleTableSlot *slot = ExecProcNode(outerPlanState(node));
	if (TupIsNull(slot))
		return nullptr;
	node->position++;
	if (node->tie_eq != nullptr && !node->noCount && node->position == node->count)
		ExecCopySlot(node->last, slot);
	return slot;
}

}  // namespace

void ExecReScan(PlanState *node)
{
	/* A rescan ends the node's loop (EXPLAIN ANALYZE's loops=). */
	if (node->instrument != nullptr)
		InstrEndLoop(node->instrument);
	if (node->state->es_epq_active != nullptr &&
		(IsA(node, SeqScanState) || IsA(node, IndexScanState)))
		EvalPlanQualRescanScan(node->state, reinterpret_cast<Scan *>(node->plan)->scanrelid);
	switch (nodeTag(node))
	{
		case T_ResultState:
			reinterpret_cast<ResultState *>(node)->rs_done = false;
			reinterpret_cast<ResultState *>(node)
				->rs_checkqual = reinterpret_cast<ResultState *>(node)->resconstantqual != nullptr;
			break;
		case T_SeqScanState:
		{
			auto *scan = reinterpret_cast<SeqScanState *>(node);
			heap_endscan(scan->ss.ss_currentScanDesc);
			MemoryContext old = MemoryContextSwitchTo(node->state->es_query_cxt);
			scan->ss.ss_currentScanDesc = heap_beginscan(scan->ss.ss_currentRelation,
														 node->state->es_snapshot);
			MemoryContextSwitchTo(old);
			break;
		}
		case T_IndexScanState:
			ExecReScanIndexScan(reinterpret_cast<IndexScanState *>(node));
			break;
		case T_ValuesScanState:
			reinterpret_cast<ValuesScanState *>(node)->curr_idx = 0;
			break;
		case T_SubqueryScanState:
			ExecReScan(reinterpret_cast<SubqueryScanState *>(node)->subplan);
			break;
		case T_MaterialState:
			/* Re-reads its child only when the child's rows may differ. */
			ExecReScanMaterial(reinterpret_cast<MaterialState *>(node));
			return;
		case T_HashJoinState:
			ExecReScanHashJoin(reinterpret_cast<HashJoinState *>(node));
			return;
		case T_MergeJoinState:
			ExecReScanMergeJoin(reinterpret_cast<MergeJoinState *>(node));
			break;
		case T_CteScanState:
			ExecReScanCteScan(reinterpret_cast<CteScanState *>(node));
			return;
		case T_RecursiveUnionState:
			ExecReScanRecursiveUnion(reinterpret_cast<RecursiveUnionState *>(node));
			break;
		case T_WorkTableScanState:
			ExecReScanWorkTableScan(reinterpret_cast<WorkTableScanState *>(node));
			break;
		case T_AppendState:
			ExecReScanAppend(reinterpret_cast<AppendState *>(node));
			return;
		case T_UniqueState:
			ExecReScanUnique(reinterpret_cast<UniqueState *>(node));
			break;
		case T_SetOpState:
			ExecReScanSetOp(reinterpret_cast<SetOpState *>(node));
			break;
		case T_SortState:
			/* Re-reads its child only when the child's rows may differ. */
			ExecReScanSort(reinterpret_cast<SortState *>(node));
			return;
		case T_AggState:
			ExecReScanAgg(reinterpret_cast<AggState *>(node));
			break;
		case T_WindowAggState:
			ExecReScanWindowAgg(reinterpret_cast<WindowAggState *>(node));
			break;
		case T_NestLoopState:
			reinterpret_cast<NestLoopState *>(node)->nl_NeedNewOuter = true;
			break;
		case T_FunctionScanState:
			ExecReScanFunctionScan(reinterpret_cast<FunctionScanState *>(node));
			break;
		case T_ProjectSetState:
			ExecReScanProjectSet(reinterpret_cast<ProjectSetState *>(node));
			break;
		case T_LimitState:
		{
			auto *limit = reinterpret_cast<LimitState *>(node);
			limit->started = false;
			limit->position = 0;
			limit->tail = false;
			break;
		}
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("rescanning %s is not supported yet", nodeTagName(nodeTag(node))));
	}
	if (node->lefttree != nullptr)
		ExecReScan(node->lefttree);
	if (node->righttree != nullptr)
		ExecReScan(node->righttree);
}

namespace {

void InitCommon(PlanState *ps, Plan *plan, EState *estate, ExecProcNodeMtd proc)
{
	ps->plan = plan;
	ps->state = estate;
	ps->ExecProcNode = proc;
	ExecAssignExprContext(estate, ps);
}

}  // namespace

PlanState *ExecInitResult(Result *node, EState *estate, int eflags)
{
	ResultState *state = makeNode(ResultState);
	InitCommon(&state->ps, &node->plan, estate, ExecResult);
	state->ps.lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	ExecInitResultTupleSlotTL(&state->ps);
	ExecAssignProjectionInfo(&state->ps);
	state->ps.qual = ExecInitQual(node->plan.qual, &state->ps);
	state->resconstantqual = ExecInitQual(reinterpret_cast<List *>(node->resconstantqual),
										  &state->ps);
	state->rs_checkqual = node->resconstantqual != nullptr;
	return &state->ps;
}

void ExecEndResult(ResultState *node)
{
	ExecEndNode(outerPlanState(node));
}

PlanState *ExecInitSeqScan(SeqScan *node, EState *estate, int)
{
	SeqScanState *state = makeNode(SeqScanState);
	PlanState *ps = &state->ss.ps;
	InitCommon(ps, &node->scan.plan, estate, ExecSeqScan);
	Relation rel = ExecGetRangeTableRelation(estate, node->scan.scanrelid);
	state->ss.ss_currentRelation = rel;
	state->ss.ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, RelationGetDescr(rel));
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	state->ss.ss_currentScanDesc = heap_beginscan(rel, estate->es_snapshot);
	MemoryContextSwitchTo(old);
	ExecInitResultTupleSlotTL(ps);
	ExecAssignProjectionInfo(ps);
	ps->qual = ExecInitQual(node->scan.plan.qual, ps);
	return ps;
}

void ExecEndSeqScan(SeqScanState *node)
{
	ExecClearTuple(node->ss.ss_ScanTupleSlot);
	if (node->ss.ss_currentScanDesc != nullptr)
		heap_endscan(node->ss.ss_currentScanDesc);
	node->ss.ss_currentScanDesc = nullptr;
}

PlanState *ExecInitValuesScan(ValuesScan *node, EState *estate, int)
{
	ValuesScanState *state = makeNode(ValuesScanState);
	PlanState *ps = &state->ss.ps;
	InitCommon(ps, &node->scan.plan, estate, ExecValuesScan);
	state->rowcontext = CreateExprContext(estate);
	RangeTblEntry *rte = static_cast<RangeTblEntry *>(
		list_nth(estate->es_range_table, node->scan.scanrelid - 1));
	int ncols = list_length(rte->coltypes);
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	TupleDesc desc = CreateTemplateTupleDesc(ncols);
	for (int i = 0; i < ncols; i++)
		TupleDescInitEntry(desc, static_cast<AttrNumber>(i + 1), nullptr,
						   list_nth_oid(rte->coltypes, i), list_nth_int(rte->coltypmods, i), 0);
	state->array_len = list_length(node->values_lists);
	state->exprlists = static_cast<List **>(palloc(Max(state->array_len, 1) * sizeof(List *)));
	int i = 0;
	ListCell *lc;
	foreach (lc, node->values_lists)
		state->exprlists[i++] = ExecInitExprList(static_cast<List *>(lfirst(lc)), ps);
	MemoryContextSwitchTo(old);
	state->ss.ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, desc);
	ExecInitResultTupleSlotTL(ps);
	ExecAssignProjectionInfo(ps);
	ps->qual = ExecInitQual(node->scan.plan.qual, ps);
	return ps;
}

void ExecEndValuesScan(ValuesScanState *) {}

PlanState *ExecInitNestLoop(NestLoop *node, EState *estate, int eflags)
{
	NestLoopState *state = makeNode(NestLoopState);
	PlanState *ps = &state->js.ps;
	InitCommon(ps, &node->join.plan, estate, ExecNestLoop);
	ps->lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	ps->righttree = ExecInitNode(innerPlan(node), estate, eflags);
	state->js.jointype = node->join.jointype;
	if (state->js.jointype != JOIN_INNER && state->js.jointype != JOIN_LEFT &&
		state->js.jointype != JOIN_SEMI && state->js.jointype != JOIN_ANTI)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("this join type is not supported yet"));
	state->js.joinqual = ExecInitQual(node->join.joinqual, ps);
	ExecInitResultTupleSlotTL(ps);
	ExecAssignProjectionInfo(ps);
	ps->qual = ExecInitQual(node->join.plan.qual, ps);
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	TupleDesc innerdesc = ExecTypeFromTL(innerPlan(node)->targetlist);
	MemoryContextSwitchTo(old);
	state->nl_NullInnerTupleSlot = ExecInitExtraTupleSlot(estate, innerdesc);
	ExecStoreAllNullTuple(state->nl_NullInnerTupleSlot);
	state->nl_NeedNewOuter = true;
	return ps;
}

void ExecEndNestLoop(NestLoopState *node)
{
	ExecEndNode(outerPlanState(node));
	ExecEndNode(innerPlanState(node));
}

PlanState *ExecInitLimit(Limit *node, EState *estate, int eflags)
{
	LimitState *state = makeNode(LimitState);
	InitCommon(&state->ps, &node->plan, estate, ExecLimit);
	state->ps.lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	state->limitOffset = ExecInitExpr(reinterpret_cast<Expr *>(node->limitOffset), &state->ps);
	state->limitCount = ExecInitExpr(reinterpret_cast<Expr *>(node->limitCount), &state->ps);
	if (node->limitOption == LIMIT_OPTION_WITH_TIES)
	{
		MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
		state->last = ExecInitExtraTupleSlot(estate, ExecCleanTypeFromTL(node->plan.targetlist));
		state->tie_eq = static_cast<FmgrInfo *>(
			palloc0(sizeof(FmgrInfo) * Max(list_length(node->uniqOperators), 1)));
		int i = 0;
		ListCell *lc;
		foreach (lc, node->uniqOperators)
			fmgr_info(get_opcode(lfirst_oid(lc)), &state->tie_eq[i++]);
		MemoryContextSwitchTo(old);
	}
	state->ps.ps_ResultTupleSlot = outerPlanState(state)->ps_ResultTupleSlot;
	state->ps.ps_ResultTupleDesc = outerPlanState(state)->ps_ResultTupleDesc;
	return &state->ps;
}

void ExecEndLimit(LimitState *node)
{
	ExecEndNode(outerPlanState(node));
}
