/*
 * nodeRecursiveunion.cpp — WITH RECURSIVE: RecursiveUnion and the
 * WorkTableScan that reads its work table (PostgreSQL's
 * nodeRecursiveunion.c and nodeWorktablescan.c).
 *
 * RecursiveUnion returns the rows of its outer child (the non-recursive
 * term), collecting them as the first work table; then it runs its inner
 * child (the recursive term), whose WorkTableScan reads the work table,
 * returning and collecting the rows it produces as the next one.  When
 * the recursive term has read the whole work table, the collected rows
 * become the work table and the recursive term is rescanned; it stops
 * when a step produces no row.  Rows are returned as they are made, so a
 * consumer that stops early (LIMIT above the CTE scan) stops the
 * recursion too.
 *
 * For UNION (not ALL), a row equal to one returned before — NULLs equal,
 * as in DISTINCT — is dropped before it is collected: a hash table of the
 * returned rows, hashed with each column's hash support function and
 * compared with its "=" (the planner checked every column is hashable).
 *
 * The WorkTableScan finds its RecursiveUnion through the PARAM_EXEC slot
 * wtParam, which ExecInitRecursiveUnion fills before initializing its
 * children.  The work tables live in two memory contexts swapped at each
 * step, so memory is bounded by two steps' rows (plus, for UNION, every
 * distinct row).
 */
#include "postgres.h"

#include <unordered_map>
#include <vector>

#include "access/htup_details.h"
#include "executor/executor.h"
#include "executor/instrument.h"
#include "miscadmin.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

struct RecursiveUnionData
{
	std::vector<HeapTuple> working;		 /* the previous step's rows */
	std::vector<HeapTuple> intermediate; /* this step's rows so far */
	MemoryContext working_cxt = nullptr;
	MemoryContext intermediate_cxt = nullptr;
	/* UNION: every row returned, by hash of its dup columns. */
	std::unordered_map<uint32, std::vector<HeapTuple>> seen;
	MemoryContext seen_cxt = nullptr;
	std::vector<AttrNumber> cols;
	std::vector<FmgrInfo> hash_fns;
	std::vector<FmgrInfo> eq_fns;
	std::vector<Oid> collations;
	TupleTableSlot *stored_slot = nullptr; /* a seen row, for comparison */
	bool recursing = false;
	bool done = false;
};

namespace {

uint32 HashRow(RecursiveUnionData &d, TupleTableSlot *slot)
{
	uint32 h = 0;
	for (size_t i = 0; i < d.cols.size(); i++)
	{
		bool isnull;
		Datum v = slot_getattr(slot, d.cols[i], &isnull);
		h = (h << 1) | (h >> 31);
		if (!isnull)
			h ^= DatumGetUInt32(FunctionCall1Coll(&d.hash_fns[i], d.collations[i], v));
	}
	return h;
}

bool RowsEqual(RecursiveUnionData &d, TupleTableSlot *a, TupleTableSlot *b)
{
	for (size_t i = 0; i < d.cols.size(); i++)
	{
		bool anull;
		bool bnull;
		Datum av = slot_getattr(a, d.cols[i], &anull);
		Datum bv = slot_getattr(b, d.cols[i], &bnull);
		if (anull != bnull)
			return false;
		if (!anull && !DatumGetBool(FunctionCall2Coll(&d.eq_fns[i], d.collations[i], av, bv)))
			return false;
	}
	return true;
}

/* UNION: whether slot's row is new (then remembered). */
bool RememberIfNew(RecursiveUnionState *node, TupleTableSlot *slot, ExprContext *econtext)
{
	RecursiveUnionData &d = *node->data;
	if (d.cols.empty())
		return true;
	MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
	uint32 h = HashRow(d, slot);
	std::vector<HeapTuple> &bucket = d.seen[h];
	for (HeapTuple tuple : bucket)
	{
		ExecStoreHeapTuple(tuple, d.stored_slot, false);
		if (RowsEqual(d, slot, d.stored_slot))
		{
			MemoryContextSwitchTo(old);
			return false;
		}
	}
	MemoryContextSwitchTo(d.seen_cxt);
	bucket.push_back(ExecCopySlotHeapTuple(slot));
	MemoryContextSwitchTo(old);
	return true;
}

void Collect(RecursiveUnionData &d, TupleTableSlot *slot)
{
	MemoryContext old = MemoryContextSwitchTo(d.intermediate_cxt);
	d.intermediate.push_back(ExecCopySlotHeapTuple(slot));
	MemoryContextSwitchTo(old);
}

/* The rows collected become the work table; a fresh one collects. */
void NextStep(RecursiveUnionData &d)
{
	std::swap(d.working, d.intermediate);
	std::swap(d.working_cxt, d.intermediate_cxt);
	d.intermediate.clear();
	MemoryContextReset(d.intermediate_cxt);
}

TupleTableSlot *ExecRecursiveUnion(PlanState *pstate)
{
	auto *node = reinterpret_cast<RecursiveUnionState *>(pstate);
	RecursiveUnionData &d = *node->data;
	ExprContext *econtext = pstate->ps_ExprContext;
	if (d.done)
		return nullptr;
	if (!d.recursing)
	{
		for (;;)
		{
			CHECK_FOR_INTERRUPTS();
			ResetExprContext(econtext);
			TupleTableSlot *slot = ExecProcNode(outerPlanState(node));
			if (TupIsNull(slot))
				break;
			if (!RememberIfNew(node, slot, econtext))
				continue;
			Collect(d, slot);
			return slot;
		}
		d.recursing = true;
		NextStep(d);
	}
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(econtext);
		TupleTableSlot *slot = ExecProcNode(innerPlanState(node));
		if (TupIsNull(slot))
		{
			if (d.intermediate.empty())
			{
				d.done = true;
				return nullptr;
			}
			NextStep(d);
			ExecReScan(innerPlanState(node));
			continue;
		}
		if (!RememberIfNew(node, slot, econtext))
			continue;
		Collect(d, slot);
		return slot;
	}
}

TupleTableSlot *ExecWorkTableScan(PlanState *pstate)
{
	auto *node = reinterpret_cast<WorkTableScanState *>(pstate);
	RecursiveUnionData &d = *node->rustate->data;
	ExprContext *econtext = pstate->ps_ExprContext;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(econtext);
		if (node->next >= d.working.size())
			return nullptr;
		TupleTableSlot *slot = ExecStoreHeapTuple(d.working[node->next++],
												  node->ss.ss_ScanTupleSlot, false);
		econtext->ecxt_scantuple = slot;
		if (!ExecQual(pstate->qual, econtext))
		{
			InstrCountFiltered1(pstate, 1);
			continue;
		}
		return ExecProject(pstate->ps_ProjInfo);
	}
}

}  // namespace

PlanState *ExecInitRecursiveUnion(RecursiveUnion *node, EState *estate, int eflags)
{
	RecursiveUnionState *state = makeNode(RecursiveUnionState);
	PlanState *ps = &state->ps;
	ps->plan = &node->plan;
	ps->state = estate;
	ps->ExecProcNode = ExecRecursiveUnion;
	ExecAssignExprContext(estate, ps);
	state->data = tusk::NewInContext<RecursiveUnionData>(estate->es_query_cxt);
	RecursiveUnionData &d = *state->data;
	d.working_cxt = AllocSetContextCreate(estate->es_query_cxt, "RecursiveUnion work table",
										  ALLOCSET_DEFAULT_SIZES);
	d.intermediate_cxt = AllocSetContextCreate(estate->es_query_cxt,
											   "RecursiveUnion intermediate table",
											   ALLOCSET_DEFAULT_SIZES);
	d.seen_cxt = AllocSetContextCreate(estate->es_query_cxt, "RecursiveUnion hash table",
									   ALLOCSET_DEFAULT_SIZES);
	ListCell *c;
	ListCell *o;
	ListCell *l;
	forthree(c, node->dupColIdx, o, node->dupOperators, l, node->dupCollations)
	{
		RegProcedure lhs;
		RegProcedure rhs;
		if (!get_op_hash_functions(lfirst_oid(o), &lhs, &rhs))
			elog(ERROR, "could not find hash function for hash operator %u", lfirst_oid(o));
		d.cols.push_back(static_cast<AttrNumber>(lfirst_int(c)));
		d.hash_fns.emplace_back();
		fmgr_info(lhs, &d.hash_fns.back());
		d.eq_fns.emplace_back();
		fmgr_info(get_opcode(lfirst_oid(o)), &d.eq_fns.back());
		d.collations.push_back(lfirst_oid(l));
	}
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	TupleDesc desc = ExecCleanTypeFromTL(node->plan.targetlist);
	MemoryContextSwitchTo(old);
	d.stored_slot = ExecInitExtraTupleSlot(estate, desc);
	/* The work table scans below find this node through the slot. */
	ParamExecData *prm = &estate->es_param_exec_vals[node->wtParam];
	prm->value = PointerGetDatum(state);
	prm->isnull = false;
	ps->lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	ps->righttree = ExecInitNode(innerPlan(node), estate, eflags);
	ExecInitResultTupleSlotTL(ps);
	return ps;
}

void ExecReScanRecursiveUnion(RecursiveUnionState *node)
{
	RecursiveUnionData &d = *node->data;
	d.working.clear();
	d.intermediate.clear();
	d.seen.clear();
	MemoryContextReset(d.working_cxt);
	MemoryContextReset(d.intermediate_cxt);
	MemoryContextReset(d.seen_cxt);
	d.recursing = false;
	d.done = false;
}

void ExecEndRecursiveUnion(RecursiveUnionState *node)
{
	ExecEndNode(outerPlanState(node));
	ExecEndNode(innerPlanState(node));
}

PlanState *ExecInitWorkTableScan(WorkTableScan *node, EState *estate, int)
{
	WorkTableScanState *state = makeNode(WorkTableScanState);
	PlanState *ps = &state->ss.ps;
	ps->plan = &node->scan.plan;
	ps->state = estate;
	ps->ExecProcNode = ExecWorkTableScan;
	ExecAssignExprContext(estate, ps);
	ParamExecData *prm = &estate->es_param_exec_vals[node->wtParam];
	if (prm->isnull)
		elog(ERROR, "work table scan outside its recursive union");
	state->rustate = reinterpret_cast<RecursiveUnionState *>(DatumGetPointer(prm->value));
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	TupleDesc desc = ExecCleanTypeFromTL(state->rustate->ps.plan->targetlist);
	MemoryContextSwitchTo(old);
	state->ss.ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, desc);
	ExecInitResultTupleSlotTL(ps);
	ExecAssignProjectionInfo(ps);
	ps->qual = ExecInitQual(node->scan.plan.qual, ps);
	return ps;
}

void ExecReScanWorkTableScan(WorkTableScanState *node)
{
	node->next = 0;
}
