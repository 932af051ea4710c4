/*
 * nodeIndexscan.cpp — the IndexScan node: a table's rows found through a
 * B-tree index, in index order (or its reverse), that the query's
 * snapshot sees.
 *
 * Principal entry points: ExecInitIndexScan, ExecReScanIndexScan,
 * ExecEndIndexScan.
 *
 * The plan's indexqual (PostgreSQL's form: each clause has the index
 * column on the left, a Var with varno INDEX_VAR and the index column's
 * number, and the comparison value on the right, or is an IS [NOT] NULL
 * test of such a Var) becomes scan keys: the operator's strategy in the
 * column's operator family, and the family's ordering function for the
 * column's and the value's types.  A value that is not a Const (a Param,
 * an expression of them) is computed when the scan starts and at each
 * rescan.  The index proves the indexqual: only the plan's other quals
 * are checked on the rows.
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/nbtree.h"
#include "access/relation.h"
#include "access/skey.h"
#include "evalplanqual.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/relcache.h"

/* A scan key whose argument is computed at run time. */
struct IndexRuntimeKeyInfo
{
	ScanKey scan_key;
	ExprState *key_expr;
};

namespace {

/* The index column a qual's INDEX_VAR Var names (under a RelabelType,
 * as for varchar columns of text_ops). */
AttrNumber IndexColumnOf(Node *node)
{
	while (node != nullptr && IsA(node, RelabelType))
		node = reinterpret_cast<Node *>(reinterpret_cast<RelabelType *>(node)->arg);
	if (node == nullptr || !IsA(node, Var) || reinterpret_cast<Var *>(node)->varno != INDEX_VAR)
		elog(ERROR, "indexqual does not have the index column on the left");
	return reinterpret_cast<Var *>(node)->varattno;
}

/* Scan keys from the plan's indexqual. */
void BuildScanKeys(IndexScanState *state, List *quals)
{
	Relation index = state->iss_RelationDesc;
	int n = list_length(quals);
	state->iss_ScanKeys = palloc0_array(ScanKeyData, Max(n, 1));
	state->iss_RuntimeKeys = palloc0_array(IndexRuntimeKeyInfo, Max(n, 1));
	state->iss_NumScanKeys = n;
	state->iss_NumRuntimeKeys = 0;
	int k = 0;
	ListCell *lc;
	foreach (lc, quals)
	{
		Node *clause = static_cast<Node *>(lfirst(lc));
		ScanKey key = &state->iss_ScanKeys[k++];
		if (IsA(clause, NullTest))
		{
			auto *nt = reinterpret_cast<NullTest *>(clause);
			AttrNumber attno = IndexColumnOf(reinterpret_cast<Node *>(nt->arg));
			ScanKeyEntryInitialize(key,
								   SK_ISNULL |
									   (nt->nulltesttype == IS_NULL ? SK_SEARCHNULL
																	: SK_SEARCHNOTNULL),
								   attno, InvalidStrategy, InvalidOid, InvalidOid, InvalidOid, 0);
			continue;
		}
		if (!IsA(clause, OpExpr) || list_length(reinterpret_cast<OpExpr *>(clause)->args) != 2)
			elog(ERROR, "unsupported indexqual type: %d", static_cast<int>(nodeTag(clause)));
		auto *op = reinterpret_cast<OpExpr *>(clause);
		AttrNumber attno = IndexColumnOf(static_cast<Node *>(linitial(op->args)));
		Oid opfamily = index->rd_opfamily[attno - 1];
		int strategy;
		Oid lefttype;
		Oid righttype;
		get_op_opfamily_properties(op->opno, opfamily, false, &strategy, &lefttype, &righttype);
		if (strategy == 0)
			elog(ERROR, "operator %u is not a member of opfamily %u", op->opno, opfamily);
		RegProcedure proc = get_opfamily_proc(opfamily, index->rd_opcintype[attno - 1], righttype,
											  BTORDER_PROC);
		if (!OidIsValid(proc))
			elog(ERROR, "missing support function %d(%u,%u) in opfamily %u", BTORDER_PROC,
				 index->rd_opcintype[attno - 1], righttype, opfamily);
		Expr *value = static_cast<Expr *>(lsecond(op->args));
		int flags = 0;
		Datum arg = 0;
		if (IsA(value, Const))
		{
			auto *c = reinterpret_cast<Const *>(value);
			if (c->constisnull)
				flags |= SK_ISNULL;
			else
				arg = c->constvalue;
		}
		else
		{
			IndexRuntimeKeyInfo &rk = state->iss_RuntimeKeys[state->iss_NumRuntimeKeys++];
			rk.scan_key = key;
			rk.key_expr = ExecInitExpr(value, &state->ss.ps);
		}
		ScanKeyEntryInitialize(key, flags, attno, static_cast<StrategyNumber>(strategy), righttype,
							   op->inputcollid, proc, arg);
	}
}

/* Compute the run-time keys' arguments; a NULL one matches nothing. */
void EvalRuntimeKeys(IndexScanState *state)
{
	ExprContext *econtext = state->iss_RuntimeContext;
	ResetExprContext(econtext);
	for (int i = 0; i < state->iss_NumRuntimeKeys; i++)
	{
		IndexRuntimeKeyInfo &rk = state->iss_RuntimeKeys[i];
		bool isnull;
		Datum value = ExecEvalExprSwitchContext(rk.key_expr, econtext, &isnull);
		rk.scan_key->sk_argument = value;
		if (isnull)
			rk.scan_key->sk_flags |= SK_ISNULL;
		else
			rk.scan_key->sk_flags &= ~SK_ISNULL;
	}
	state->iss_RuntimeKeysReady = true;
}

/* During EvalPlanQual: the re-checked row, if it still satisfies the
 * index conditions (which no index checked for it) and the other quals. */
TupleTableSlot *RecheckRow(IndexScanState *state, TupleTableSlot *row)
{
	PlanState *ps = &state->ss.ps;
	ExprContext *econtext = ps->ps_ExprContext;
	ResetExprContext(econtext);
	if (row == nullptr)
		return nullptr;
	if (state->indexqualorig == nullptr)
	{
		MemoryContext old = MemoryContextSwitchTo(ps->state->es_query_cxt);
		state->indexqualorig = ExecInitQual(reinterpret_cast<IndexScan *>(ps->plan)->indexqualorig,
											ps);
		MemoryContextSwitchTo(old);
	}
	econtext->ecxt_scantuple = row;
	if (!ExecQual(state->indexqualorig, econtext) || !ExecQual(ps->qual, econtext))
		return nullptr;
	if (ps->ps_ProjInfo == nullptr)
		return row;
	return ExecProject(ps->ps_ProjInfo);
}

TupleTableSlot *ExecIndexScan(PlanState *pstate)
{
	auto *state = reinterpret_cast<IndexScanState *>(pstate);
	ExprContext *econtext = pstate->ps_ExprContext;
	EState *estate = pstate->state;
	if (estate->es_epq_active != nullptr)
		if (TupleTableSlot * row;
			EvalPlanQualScanNext(estate, reinterpret_cast<Scan *>(pstate->plan)->scanrelid,
								 state->ss.ss_ScanTupleSlot, &row))
			return RecheckRow(state, row);
	if (!state->iss_RuntimeKeysReady)
	{
		EvalRuntimeKeys(state);
		MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
		if (state->iss_ScanDesc == nullptr)
			state->iss_ScanDesc = btbeginscan(state->iss_RelationDesc,
											  RelationGetBTIndexInfo(state->iss_RelationDesc),
											  state->ss.ss_currentRelation, estate->es_snapshot,
											  state->iss_NumScanKeys, state->iss_ScanKeys,
											  static_cast<ScanDirection>(state->iss_Direction));
		else
			btrescan(state->iss_ScanDesc, state->iss_ScanKeys);
		MemoryContextSwitchTo(old);
	}
	TupleTableSlot *slot = state->ss.ss_ScanTupleSlot;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(econtext);
		HeapTuple tuple = btgettuple(state->iss_ScanDesc);
		if (tuple == nullptr)
			return ExecClearTuple(slot), nullptr;
		ExecStoreBufferHeapTuple(tuple, slot, InvalidBuffer);
		econtext->ecxt_scantuple = slot;
		if (!ExecQual(pstate->qual, econtext))
			continue;
		if (pstate->ps_ProjInfo == nullptr)
			return slot;
		return ExecProject(pstate->ps_ProjInfo);
	}
}

}  // namespace

PlanState *ExecInitIndexScan(IndexScan *node, EState *estate, int)
{
	IndexScanState *state = makeNode(IndexScanState);
	PlanState *ps = &state->ss.ps;
	ps->plan = &node->scan.plan;
	ps->state = estate;
	ps->ExecProcNode = ExecIndexScan;
	ExecAssignExprContext(estate, ps);
	Relation rel = ExecGetRangeTableRelation(estate, node->scan.scanrelid);
	state->ss.ss_currentRelation = rel;
	state->ss.ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, RelationGetDescr(rel));
	ExecInitResultTupleSlotTL(ps);
	ExecAssignProjectionInfo(ps);
	ps->qual = ExecInitQual(node->scan.plan.qual, ps);
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	state->iss_RelationDesc = relation_open(node->indexid, AccessShareLock);
	state->iss_Direction = node->indexorderdir == BackwardScanDirection ? BackwardScanDirection
																		: ForwardScanDirection;
	BuildScanKeys(state, node->indexqual);
	state->iss_RuntimeContext = CreateExprContext(estate);
	MemoryContextSwitchTo(old);
	state->iss_RuntimeKeysReady = false;
	return ps;
}

void ExecReScanIndexScan(IndexScanState *node)
{
	/* The keys are computed again (a Param may have changed), and the
	 * scan restarted, at the next row asked for. */
	node->iss_RuntimeKeysReady = false;
}

void ExecEndIndexScan(IndexScanState *node)
{
	ExecClearTuple(node->ss.ss_ScanTupleSlot);
	if (node->iss_ScanDesc != nullptr)
		btendscan(node->iss_ScanDesc);
	node->iss_ScanDesc = nullptr;
	if (node->iss_RelationDesc != nullptr)
		relation_close(node->iss_RelationDesc, NoLock);
	node->iss_RelationDesc = nullptr;
}
