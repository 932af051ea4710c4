/*
 * nodeMergejoin.cpp — MergeJoin: both inputs arrive sorted on the merge
 * keys (ascending, NULLs last, in each clause's btree operator family)
 * and are walked side by side (PostgreSQL's nodeMergejoin.c, in a
 * different shape).
 *
 * Principal entry points: ExecInitMergeJoin, ExecReScanMergeJoin,
 * ExecEndMergeJoin.
 *
 * The inner rows of one key value (a "group") are kept in memory, so that
 * each outer row of that key joins with all of them without rescanning
 * the inner side (PostgreSQL marks and restores the inner scan instead).
 * An outer row below the group's key matched nothing; an inner row below
 * the current outer row's key matched nothing; a row with a NULL key
 * matches nothing.  Keys are compared with the operator family's btree
 * comparison functions (cross-type where the sides differ).  LEFT and
 * FULL joins emit unmatched outer rows with NULLs, FULL also unmatched
 * inner rows, where they fall in the merge order.  The result rows of
 * one step are projected into a queue and handed out one by one.
 */
#include "postgres.h"

#include <deque>
#include <vector>

#include "access/htup_details.h"
#include "access/stratnum.h"
#include "executor/executor.h"
#include "executor/instrument.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

namespace {

/* B-tree support function 1: the three-way comparison. */
constexpr int16 kBtOrderProc = 1;

struct MergeKey
{
	ExprState *outer_expr; /* the clause's left argument, on the outer row */
	ExprState *inner_expr; /* its right argument, on the inner row */
	FmgrInfo cmp_outer_inner;
	FmgrInfo cmp_inner_inner;
	Oid collation;
};

struct GroupRow
{
	HeapTuple tuple;
	bool matched;
};

}  // namespace

struct MergeJoinData
{
	std::vector<MergeKey> keys;
	/* The inner rows of the current key, and that key's values. */
	std::vector<GroupRow> group;
	std::vector<Datum> group_key;
	MemoryContext group_cxt = nullptr;
	/* The next inner row not yet in a group (read ahead), and its key. */
	HeapTuple inner_next = nullptr;
	std::vector<Datum> inner_next_key;
	bool inner_next_null = false;
	bool inner_done = false;
	bool inner_started = false;
	MemoryContext inner_cxt = nullptr;
	bool outer_done = false;
	bool finished = false;
	/* Result rows of the current step. */
	std::deque<HeapTuple> queue;
	MemoryContext queue_cxt = nullptr;
	TupleTableSlot *inner_slot = nullptr;
	TupleTableSlot *null_outer = nullptr;
	TupleTableSlot *null_inner = nullptr;
	TupleTableSlot *result_slot = nullptr;
};

namespace {

/* The merge keys of a row (outer or inner side); false if one is NULL. */
bool EvalKeys(MergeJoinState *node, TupleTableSlot *slot, bool outer, std::vector<Datum> *values,
			  MemoryContext cxt)
{
	MergeJoinData &m = *node->mj;
	ExprContext *econtext = node->js.ps.ps_ExprContext;
	ResetExprContext(econtext);
	if (outer)
		econtext->ecxt_outertuple = slot;
	else
		econtext->ecxt_innertuple = slot;
	values->clear();
	bool anynull = false;
	for (MergeKey &k : m.keys)
	{
		bool isnull;
		Datum v = ExecEvalExprSwitchContext(outer ? k.outer_expr : k.inner_expr, econtext, &isnull);
		anynull |= isnull;
		values->push_back(v);
	}
	if (anynull || cxt == nullptr)
		return !anynull;
	/* Keep by-reference values beyond the per-row memory. */
	MemoryContext old = MemoryContextSwitchTo(cxt);
	for (size_t i = 0; i < m.keys.size(); i++)
	{
		ExprState *e = outer ? m.keys[i].outer_expr : m.keys[i].inner_expr;
		Oid type = exprType(reinterpret_cast<Node *>(e->expr));
		int16 len;
		bool byval;
		get_typlenbyval(type, &len, &byval);
		(*values)[i] = datumCopy((*values)[i], byval, len);
	}
	MemoryContextSwitchTo(old);
	return true;
}

int CompareKeys(std::vector<MergeKey> &keys, const std::vector<Datum> &a,
				const std::vector<Datum> &b, bool outer_inner)
{
	for (size_t i = 0; i < keys.size(); i++)
	{
		FmgrInfo *f = outer_inner ? &keys[i].cmp_outer_inner : &keys[i].cmp_inner_inner;
		int32 c = DatumGetInt32(FunctionCall2Coll(f, keys[i].collation, a[i], b[i]));
		if (c != 0)
			return c < 0 ? -1 : 1;
	}
	return 0;
}

/* Project (outer, inner) into the queue if the other quals accept it. */
void Emit(MergeJoinState *node, TupleTableSlot *outer, TupleTableSlot *inner)
{
	MergeJoinData &m = *node->mj;
	PlanState *pstate = &node->js.ps;
	ExprContext *econtext = pstate->ps_ExprContext;
	ResetExprContext(econtext);
	econtext->ecxt_outertuple = outer;
	econtext->ecxt_innertuple = inner;
	if (!ExecQual(pstate->qual, econtext))
	{
		InstrCountFiltered2(node, 1);
		return;
	}
	TupleTableSlot *out = ExecProject(pstate->ps_ProjInfo);
	MemoryContext old = MemoryContextSwitchTo(m.queue_cxt);
	m.queue.push_back(ExecCopySlotHeapTuple(out));
	MemoryContextSwitchTo(old);
}

void EmitInnerUnmatched(MergeJoinState *node, HeapTuple tuple)
{
	MergeJoinData &m = *node->mj;
	if (node->js.jointype != JOIN_FULL)
		return;
	ExecStoreHeapTuple(tuple, m.inner_slot, false);
	Emit(node, m.null_outer, m.inner_slot);
}

/* Read the next inner row into inner_next (and its key). */
void FetchInner(MergeJoinState *node)
{
	MergeJoinData &m = *node->mj;
	m.inner_started = true;
	MemoryContextReset(m.inner_cxt);
	m.inner_next = nullptr;
	TupleTableSlot *slot = ExecProcNode(innerPlanState(node));
	if (TupIsNull(slot))
	{
		m.inner_done = true;
		return;
	}
	MemoryContext old = MemoryContextSwitchTo(m.inner_cxt);
	m.inner_next = ExecCopySlotHeapTuple(slot);
	MemoryContextSwitchTo(old);
	ExecStoreHeapTuple(m.inner_next, m.inner_slot, false);
	m.inner_next_null = !EvalKeys(node, m.inner_slot, false, &m.inner_next_key, m.inner_cxt);
}

/* The group is finished: FULL emits its rows no outer row matched. */
void FlushGroup(MergeJoinState *node)
{
	MergeJoinData &m = *node->mj;
	for (GroupRow &r : m.group)
		if (!r.matched)
			EmitInnerUnmatched(node, r.tuple);
	m.group.clear();
	MemoryContextReset(m.group_cxt);
}

/* Make the inner rows of the outer row's key (outer_key) the group,
 * passing (and emitting, for FULL) the inner rows below it.  Returns
 * whether such rows exist. */
bool LoadGroup(MergeJoinState *node, const std::vector<Datum> &outer_key)
{
	MergeJoinData &m = *node->mj;
	FlushGroup(node);
	if (!m.inner_started)
		FetchInner(node);
	for (;;)
	{
		if (m.inner_done)
			return false;
		if (m.inner_next_null)
		{
			EmitInnerUnmatched(node, m.inner_next);
			FetchInner(node);
			continue;
		}
		int c = CompareKeys(m.keys, outer_key, m.inner_next_key, true);
		if (c < 0)
			return false;
		if (c > 0)
		{
			EmitInnerUnmatched(node, m.inner_next);
			FetchInner(node);
			continue;
		}
		break;
	}
	/* Equal: every inner row of this key joins the group. */
	MemoryContext old = MemoryContextSwitchTo(m.group_cxt);
	m.group_key = m.inner_next_key;
	for (size_t i = 0; i < m.keys.size(); i++)
	{
		Oid type = exprType(reinterpret_cast<Node *>(m.keys[i].inner_expr->expr));
		int16 len;
		bool byval;
		get_typlenbyval(type, &len, &byval);
		m.group_key[i] = datumCopy(m.group_key[i], byval, len);
	}
	MemoryContextSwitchTo(old);
	for (;;)
	{
		old = MemoryContextSwitchTo(m.group_cxt);
		m.group.push_back({heap_copytuple(m.inner_next), false});
		MemoryContextSwitchTo(old);
		FetchInner(node);
		if (m.inner_done || m.inner_next_null ||
			CompareKeys(m.keys, m.group_key, m.inner_next_key, false) != 0)
			break;
	}
	return true;
}

/* One outer row (or the end of the outer side): its results queued. */
void Step(MergeJoinState *node)
{
	MergeJoinData &m = *node->mj;
	JoinType jointype = node->js.jointype;
	bool fill_outer = jointype == JOIN_LEFT || jointype == JOIN_FULL || jointype == JOIN_ANTI;
	if (m.outer_done)
	{
		FlushGroup(node);
		if (jointype == JOIN_FULL)
		{
			if (!m.inner_started)
				FetchInner(node);
			while (!m.inner_done)
			{
				EmitInnerUnmatched(node, m.inner_next);
				FetchInner(node);
			}
		}
		m.finished = true;
		return;
	}
	TupleTableSlot *outer = ExecProcNode(outerPlanState(node));
	if (TupIsNull(outer))
	{
		m.outer_done = true;
		return;
	}
	std::vector<Datum> key;
	bool matchable = EvalKeys(node, outer, true, &key, nullptr);
	bool have_group = false;
	if (matchable)
	{
		int c = m.group.empty() ? 1 : CompareKeys(m.keys, key, m.group_key, true);
		if (c > 0)
		{
			/* Keys computed in per-row memory: keep them across LoadGroup. */
			EvalKeys(node, outer, true, &key, m.queue_cxt);
			have_group = LoadGroup(node, key);
		}
		else
			have_group = c == 0;
	}
	bool matched = false;
	if (have_group)
	{
		ExprContext *econtext = node->js.ps.ps_ExprContext;
		for (GroupRow &r : m.group)
		{
			ExecStoreHeapTuple(r.tuple, m.inner_slot, false);
			ResetExprContext(econtext);
			econtext->ecxt_outertuple = outer;
			econtext->ecxt_innertuple = m.inner_slot;
			if (!ExecQual(node->js.joinqual, econtext))
			{
				InstrCountFiltered1(node, 1);
				continue;
			}
			matched = true;
			r.matched = true;
			if (jointype == JOIN_ANTI)
				break;
			Emit(node, outer, m.inner_slot);
			if (jointype == JOIN_SEMI)
				break;
		}
	}
	if (!matched && fill_outer)
		Emit(node, outer, m.null_inner);
}

TupleTableSlot *ExecMergeJoin(PlanState *pstate)
{
	auto *node = reinterpret_cast<MergeJoinState *>(pstate);
	MergeJoinData &m = *node->mj;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		if (!m.queue.empty())
		{
			HeapTuple tuple = m.queue.front();
			m.queue.pop_front();
			return ExecStoreHeapTuple(tuple, m.result_slot, false);
		}
		if (m.finished)
			return nullptr;
		MemoryContextReset(m.queue_cxt);
		Step(node);
	}
}

}  // namespace

PlanState *ExecInitMergeJoin(MergeJoin *node, EState *estate, int eflags)
{
	MergeJoinState *state = makeNode(MergeJoinState);
	PlanState *ps = &state->js.ps;
	ps->plan = &node->join.plan;
	ps->state = estate;
	ps->ExecProcNode = ExecMergeJoin;
	ExecAssignExprContext(estate, ps);
	state->js.jointype = node->join.jointype;
	if (state->js.jointype != JOIN_INNER && state->js.jointype != JOIN_LEFT &&
		state->js.jointype != JOIN_FULL && state->js.jointype != JOIN_SEMI &&
		state->js.jointype != JOIN_ANTI)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("this join type is not supported by merge joins yet"));
	ps->lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	ps->righttree = ExecInitNode(innerPlan(node), estate, eflags);
	state->mj = tusk::NewInContext<MergeJoinData>(estate->es_query_cxt);
	MergeJoinData &m = *state->mj;
	m.group_cxt = AllocSetContextCreate(estate->es_query_cxt, "MergeJoin group",
										ALLOCSET_DEFAULT_SIZES);
	m.inner_cxt = AllocSetContextCreate(estate->es_query_cxt, "MergeJoin inner",
										ALLOCSET_SMALL_SIZES);
	m.queue_cxt = AllocSetContextCreate(estate->es_query_cxt, "MergeJoin results",
										ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	ListCell *clause;
	ListCell *family;
	ListCell *coll;
	forthree(clause, node->mergeclauses, family, node->mergeFamilies, coll, node->mergeCollations)
	{
		OpExpr *op = castNode(OpExpr, static_cast<Node *>(lfirst(clause)));
		Expr *l = static_cast<Expr *>(linitial(op->args));
		Expr *r = static_cast<Expr *>(lsecond(op->args));
		Oid ltype = exprType(reinterpret_cast<Node *>(l));
		Oid rtype = exprType(reinterpret_cast<Node *>(r));
		RegProcedure lr = get_opfamily_proc(lfirst_oid(family), ltype, rtype, kBtOrderProc);
		RegProcedure rr = get_opfamily_proc(lfirst_oid(family), rtype, rtype, kBtOrderProc);
		if (!OidIsValid(lr) || !OidIsValid(rr))
			elog(ERROR, "missing support function %d(%u,%u) in opfamily %u", kBtOrderProc, ltype,
				 rtype, lfirst_oid(family));
		MergeKey k{};
		k.outer_expr = ExecInitExpr(l, ps);
		k.inner_expr = ExecInitExpr(r, ps);
		fmgr_info(lr, &k.cmp_outer_inner);
		fmgr_info(rr, &k.cmp_inner_inner);
		k.collation = lfirst_oid(coll);
		m.keys.push_back(k);
	}
	TupleDesc innerdesc = ExecTypeFromTL(innerPlan(node)->targetlist);
	TupleDesc outerdesc = ExecTypeFromTL(outerPlan(node)->targetlist);
	MemoryContextSwitchTo(old);
	state->js.joinqual = ExecInitQual(node->join.joinqual, ps);
	ExecInitResultTupleSlotTL(ps);
	ExecAssignProjectionInfo(ps);
	ps->qual = ExecInitQual(node->join.plan.qual, ps);
	m.inner_slot = ExecInitExtraTupleSlot(estate, innerdesc);
	m.null_inner = ExecInitExtraTupleSlot(estate, innerdesc);
	ExecStoreAllNullTuple(m.null_inner);
	m.null_outer = ExecInitExtraTupleSlot(estate, outerdesc);
	ExecStoreAllNullTuple(m.null_outer);
	m.result_slot = ExecInitExtraTupleSlot(estate, ps->ps_ResultTupleDesc);
	return ps;
}

void ExecReScanMergeJoin(MergeJoinState *node)
{
	MergeJoinData &m = *node->mj;
	m.group.clear();
	MemoryContextReset(m.group_cxt);
	m.inner_next = nullptr;
	MemoryContextReset(m.inner_cxt);
	m.inner_done = false;
	m.inner_started = false;
	m.outer_done = false;
	m.finished = false;
	m.queue.clear();
	MemoryContextReset(m.queue_cxt);
}

void ExecEndMergeJoin(MergeJoinState *node)
{
	ExecEndNode(outerPlanState(node));
	ExecEndNode(innerPlanState(node));
}
