/*
 * nodeHashjoin.cpp — HashJoin over a Hash node: the inner side's rows in
 * an in-memory hash table on their join keys, probed by each outer row
 * (PostgreSQL's nodeHash.c and nodeHashjoin.c without batching to disk).
 *
 * Each side's keys are hashed with the hash support function of the
 * join operator's hash family for that side's type (so int4 = int8
 * joins), combined as PostgreSQL combines multi-key hashes; a row with a
 * NULL key matches nothing.  An outer row's candidates — the entries of
 * its bucket with the same hash — are checked with the hash clauses
 * themselves, then the other join conditions.  LEFT and FULL joins emit
 * an outer row that matched nothing with NULLs; FULL (and an inner row
 * with a NULL key) emits the inner rows that matched nothing at the end.
 * A semi join emits an outer row at its first match, an anti join one
 * that matched nothing (both stop probing at the first match).
 */
#include "postgres.h"

#include <vector>

#include "access/htup_details.h"
#include "executor/executor.h"
#include "executor/instrument.h"
#include "miscadmin.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

struct HashEntry
{
	uint32 hash;
	bool matched;
	HeapTuple tuple;
};

struct HashJoinTableData
{
	std::vector<std::vector<HashEntry>> buckets;
	std::vector<HashEntry> nullkeys; /* inner rows with a NULL key */
	std::vector<FmgrInfo> outer_hash;
	std::vector<FmgrInfo> inner_hash;
	std::vector<Oid> collations;
	List *outer_keys = NIL; /* ExprStates over the outer row */
	List *inner_keys = NIL; /* over the inner (Hash child's) row */
	ExprState *hashclauses = nullptr;
	MemoryContext rows = nullptr; /* holds the inner rows */
	TupleTableSlot *inner_slot = nullptr;
	TupleTableSlot *null_outer = nullptr;
	TupleTableSlot *null_inner = nullptr;
	bool built = false;
	/* The probe in progress. */
	TupleTableSlot *outer_row = nullptr;
	std::vector<HashEntry> *bucket = nullptr;
	size_t next_in_bucket = 0;
	uint32 outer_hashvalue = 0;
	bool outer_matched = false;
	bool outer_done = false;
	/* Emitting unmatched inner rows (FULL). */
	size_t unmatched_bucket = 0;
	size_t unmatched_next = 0;
	bool in_nullkeys = false;
};

namespace {

/* The combined hash of the keys; false if one is NULL. */
bool HashKeys(List *keys, std::vector<FmgrInfo> &funcs, const std::vector<Oid> &colls,
			  ExprContext *econtext, uint32 *hashvalue)
{
	uint32 h = 0;
	int i = 0;
	ListCell *lc;
	foreach (lc, keys)
	{
		bool isnull;
		Datum v = ExecEvalExprSwitchContext(static_cast<ExprState *>(lfirst(lc)), econtext,
											&isnull);
		if (isnull)
			return false;
		h = (h << 1) | (h >> 31);
		h ^= DatumGetUInt32(FunctionCall1Coll(&funcs[i], colls[i], v));
		i++;
	}
	*hashvalue = h;
	return true;
}

void BuildTable(HashJoinState *node)
{
	HashJoinTableData &t = *node->hj_table;
	PlanState *hashstate = innerPlanState(node);
	PlanState *source = outerPlanState(hashstate);
	ExprContext *econtext = node->js.ps.ps_ExprContext;
	std::vector<HashEntry> entries;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		TupleTableSlot *slot = ExecProcNode(source);
		if (TupIsNull(slot))
			break;
		ResetExprContext(econtext);
		econtext->ecxt_outertuple = slot;
		uint32 h = 0;
		bool keyed = HashKeys(t.inner_keys, t.inner_hash, t.collations, econtext, &h);
		if (!keyed && node->js.jointype != JOIN_FULL)
			continue;
		MemoryContext old = MemoryContextSwitchTo(t.rows);
		HashEntry e{h, false, ExecCopySlotHeapTuple(slot)};
		MemoryContextSwitchTo(old);
		(keyed ? entries : t.nullkeys).push_back(e);
	}
	if (Instrumentation *instr = hashstate->instrument)
	{
		/* EXPLAIN ANALYZE: the Hash node "returned" the rows it stored. */
		instr->running = true;
		instr->first_seen = true;
		instr->loop_tuples += static_cast<double>(entries.size() + t.nullkeys.size());
	}
	size_t nbuckets = 1;
	while (nbuckets < entries.size())
		nbuckets <<= 1;
	t.buckets.assign(nbuckets, {});
	for (const HashEntry &e : entries)
		t.buckets[e.hash & (nbuckets - 1)].push_back(e);
	t.built = true;
}

TupleTableSlot *Emit(PlanState *pstate, TupleTableSlot *outer, TupleTableSlot *inner)
{
	ExprContext *econtext = pstate->ps_ExprContext;
	econtext->ecxt_outertuple = outer;
	econtext->ecxt_innertuple = inner;
	if (!ExecQual(pstate->qual, econtext))
		return nullptr;
	return ExecProject(pstate->ps_ProjInfo);
}

/* FULL: the inner rows no outer row matched, with NULL outer columns. */
TupleTableSlot *NextUnmatchedInner(HashJoinState *node)
{
	HashJoinTableData &t = *node->hj_table;
	PlanState *pstate = &node->js.ps;
	for (;;)
	{
		std::vector<HashEntry> *list;
		if (!t.in_nullkeys)
		{
			if (t.unmatched_bucket >= t.buckets.size())
			{
				t.in_nullkeys = true;
				t.unmatched_next = 0;
				continue;
			}
			list = &t.buckets[t.unmatched_bucket];
			if (t.unmatched_next >= list->size())
			{
				t.unmatched_bucket++;
				t.unmatched_next = 0;
				continue;
			}
		}
		else
		{
			list = &t.nullkeys;
			if (t.unmatched_next >= list->size())
				return nullptr;
		}
		HashEntry &e = (*list)[t.unmatched_next++];
		if (e.matched)
			continue;
		ResetExprContext(pstate->ps_ExprContext);
		ExecStoreHeapTuple(e.tuple, t.inner_slot, false);
		if (TupleTableSlot *out = Emit(pstate, t.null_outer, t.inner_slot))
			return out;
	}
}

TupleTableSlot *ExecHashJoin(PlanState *pstate)
{
	auto *node = reinterpret_cast<HashJoinState *>(pstate);
	HashJoinTableData &t = *node->hj_table;
	ExprContext *econtext = pstate->ps_ExprContext;
	JoinType jointype = node->js.jointype;
	if (!t.built)
		BuildTable(node);
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		if (t.outer_done)
			return jointype == JOIN_FULL ? NextUnmatchedInner(node) : nullptr;
		if (t.outer_row == nullptr)
		{
			TupleTableSlot *outer = ExecProcNode(outerPlanState(node));
			if (TupIsNull(outer))
			{
				t.outer_done = true;
				continue;
			}
			ResetExprContext(econtext);
			econtext->ecxt_outertuple = outer;
			t.outer_row = outer;
			t.outer_matched = false;
			t.next_in_bucket = 0;
			t.bucket = nullptr;
			if (!t.buckets.empty() &&
				HashKeys(t.outer_keys, t.outer_hash, t.collations, econtext, &t.outer_hashvalue))
				t.bucket = &t.buckets[t.outer_hashvalue & (t.buckets.size() - 1)];
		}
		/* The next candidate of this outer row. */
		while (t.bucket != nullptr && t.next_in_bucket < t.bucket->size())
		{
			HashEntry &e = (*t.bucket)[t.next_in_bucket++];
			if (e.hash != t.outer_hashvalue)
				continue;
			ResetExprContext(econtext);
			ExecStoreHeapTuple(e.tuple, t.inner_slot, false);
			econtext->ecxt_outertuple = t.outer_row;
			econtext->ecxt_innertuple = t.inner_slot;
			if (!ExecQual(t.hashclauses, econtext) || !ExecQual(node->js.joinqual, econtext))
				continue;
			t.outer_matched = true;
			e.matched = true;
			/* Semi and anti joins stop at an outer row's first match. */
			if (jointype == JOIN_ANTI)
				break;
			if (jointype == JOIN_SEMI)
			{
				TupleTableSlot *outer = t.outer_row;
				t.outer_row = nullptr;
				if (TupleTableSlot *out = Emit(pstate, outer, t.inner_slot))
					return out;
				break;
			}
			if (TupleTableSlot *out = Emit(pstate, t.outer_row, t.inner_slot))
				return out;
		}
		if (t.outer_row == nullptr)
			continue; /* a semi join's matched row, emitted or filtered */
		TupleTableSlot *outer = t.outer_row;
		t.outer_row = nullptr;
		if (!t.outer_matched &&
			(jointype == JOIN_LEFT || jointype == JOIN_FULL || jointype == JOIN_ANTI))
		{
			ResetExprContext(econtext);
			if (TupleTableSlot *out = Emit(pstate, outer, t.null_inner))
				return out;
		}
	}
}

TupleTableSlot *ExecHash(PlanState *)
{
	elog(ERROR, "Hash node does not support ExecProcNode call convention");
}

}  // namespace

PlanState *ExecInitHashJoin(HashJoin *node, EState *estate, int eflags)
{
	HashJoinState *state = makeNode(HashJoinState);
	PlanState *ps = &state->js.ps;
	ps->plan = &node->join.plan;
	ps->state = estate;
	ps->ExecProcNode = ExecHashJoin;
	ExecAssignExprContext(estate, ps);
	state->js.jointype = node->join.jointype;
	if (state->js.jointype != JOIN_INNER && state->js.jointype != JOIN_LEFT &&
		state->js.jointype != JOIN_FULL && state->js.jointype != JOIN_SEMI &&
		state->js.jointype != JOIN_ANTI)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("this join type is not supported by hash joins yet"));
	ps->lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	Hash *hash = castNode(Hash, reinterpret_cast<Node *>(innerPlan(node)));
	HashState *hashstate = makeNode(HashState);
	hashstate->ps.plan = &hash->plan;
	hashstate->ps.state = estate;
	hashstate->ps.ExecProcNode = ExecHash;
	hashstate->ps.lefttree = ExecInitNode(outerPlan(hash), estate, eflags);
	ExecInitResultTupleSlotTL(&hashstate->ps);
	if (estate->es_instrument)
		hashstate->ps.instrument = static_cast<Instrumentation *>(palloc0(sizeof(Instrumentation)));
	ps->righttree = &hashstate->ps;
	state->hj_table = tusk::NewInContext<HashJoinTableData>(estate->es_query_cxt);
	HashJoinTableData &t = *state->hj_table;
	t.rows = AllocSetContextCreate(estate->es_query_cxt, "HashJoin rows", ALLOCSET_DEFAULT_SIZES);
	ListCell *op;
	ListCell *coll;
	forboth(op, node->hashoperators, coll, node->hashcollations)
	{
		RegProcedure lhs;
		RegProcedure rhs;
		if (!get_op_hash_functions(lfirst_oid(op), &lhs, &rhs))
			elog(ERROR, "could not find hash function for hash operator %u", lfirst_oid(op));
		FmgrInfo l;
		FmgrInfo r;
		fmgr_info(lhs, &l);
		fmgr_info(rhs, &r);
		t.outer_hash.push_back(l);
		t.inner_hash.push_back(r);
		t.collations.push_back(lfirst_oid(coll));
	}
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	t.outer_keys = ExecInitExprList(node->hashkeys, ps);
	/* The Hash node's keys read its child's row as the outer tuple. */
	t.inner_keys = ExecInitExprList(hash->hashkeys, ps);
	t.hashclauses = ExecInitQual(node->hashclauses, ps);
	TupleDesc innerdesc = ExecTypeFromTL(hash->plan.targetlist);
	TupleDesc outerdesc = ExecTypeFromTL(outerPlan(node)->targetlist);
	MemoryContextSwitchTo(old);
	state->js.joinqual = ExecInitQual(node->join.joinqual, ps);
	ExecInitResultTupleSlotTL(ps);
	ExecAssignProjectionInfo(ps);
	ps->qual = ExecInitQual(node->join.plan.qual, ps);
	t.inner_slot = ExecInitExtraTupleSlot(estate, innerdesc);
	t.null_inner = ExecInitExtraTupleSlot(estate, innerdesc);
	ExecStoreAllNullTuple(t.null_inner);
	t.null_outer = ExecInitExtraTupleSlot(estate, outerdesc);
	ExecStoreAllNullTuple(t.null_outer);
	return ps;
}

void ExecReScanHashJoin(HashJoinState *node)
{
	HashJoinTableData &t = *node->hj_table;
	/* The inner side's rows stay unless they may have changed. */
	PlanState *source = outerPlanState(innerPlanState(node));
	if (node->js.ps.state->es_epq_active != nullptr ||
		ExecPlanUsesParamExec(source->plan, node->js.ps.state->es_plannedstmt))
	{
		t.buckets.clear();
		t.nullkeys.clear();
		MemoryContextReset(t.rows);
		t.built = false;
		ExecReScan(source);
	}
	else
	{
		for (auto &b : t.buckets)
			for (HashEntry &e : b)
				e.matched = false;
		for (HashEntry &e : t.nullkeys)
			e.matched = false;
	}
	t.outer_row = nullptr;
	t.outer_done = false;
	t.unmatched_bucket = 0;
	t.unmatched_next = 0;
	t.in_nullkeys = false;
	ExecReScan(outerPlanState(node));
}

void ExecEndHashJoin(HashJoinState *node)
{
	ExecEndNode(outerPlanState(node));
	ExecEndNode(outerPlanState(innerPlanState(node)));
}
