/*
 * nodeUnique.cpp — Unique (of sorted rows, the first of each run of rows
 * equal on some columns: DISTINCT, UNION) and SetOp (of sorted rows
 * tagged by a flag column with the input they came from, each group of
 * equal rows output as often as INTERSECT [ALL] or EXCEPT [ALL] says).
 *
 * Rows are equal on a column when both are NULL or the column type's
 * "=" says so (as GROUP BY and DISTINCT compare).
 */
#include "postgres.h"

#include <algorithm>

#include "access/htup_details.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

namespace {

void InitGroupCompare(UniqueState *state, EState *estate, List *cols, List *ops, List *colls)
{
	state->numCols = list_length(cols);
	state->cols = static_cast<AttrNumber *>(palloc(sizeof(AttrNumber) * Max(state->numCols, 1)));
	state->eqfunctions = static_cast<FmgrInfo *>(
		palloc0(sizeof(FmgrInfo) * Max(state->numCols, 1)));
	state->collations = static_cast<Oid *>(palloc(sizeof(Oid) * Max(state->numCols, 1)));
	for (int i = 0; i < state->numCols; i++)
	{
		state->cols[i] = static_cast<AttrNumber>(list_nth_int(cols, i));
		fmgr_info(get_opcode(list_nth_oid(ops, i)), &state->eqfunctions[i]);
		state->collations[i] = list_nth_oid(colls, i);
	}
	state->prevcontext = AllocSetContextCreate(estate->es_query_cxt, "Unique",
											   ALLOCSET_SMALL_SIZES);
	state->prevslot = ExecInitExtraTupleSlot(estate, state->ps.ps_ResultTupleDesc);
}

/* Whether slot's row equals the remembered one on the compared columns. */
bool SameGroup(UniqueState *state, TupleTableSlot *slot)
{
	ExecStoreHeapTuple(state->prev, state->prevslot, false);
	for (int i = 0; i < state->numCols; i++)
	{
		bool null1;
		bool null2;
		Datum a = slot_getattr(slot, state->cols[i], &null1);
		Datum b = slot_getattr(state->prevslot, state->cols[i], &null2);
		if (null1 != null2)
			return false;
		if (null1)
			continue;
		if (!DatumGetBool(FunctionCall2Coll(&state->eqfunctions[i], state->collations[i], a, b)))
			return false;
	}
	return true;
}

void Remember(UniqueState *state, TupleTableSlot *slot)
{
	MemoryContextReset(state->prevcontext);
	MemoryContext old = MemoryContextSwitchTo(state->prevcontext);
	state->prev = ExecCopySlotHeapTuple(slot);
	MemoryContextSwitchTo(old);
}

TupleTableSlot *ExecUnique(PlanState *pstate)
{
	auto *node = reinterpret_cast<UniqueState *>(pstate);
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		TupleTableSlot *slot = ExecProcNode(outerPlanState(node));
		if (TupIsNull(slot))
			return nullptr;
		if (node->prev != nullptr && SameGroup(node, slot))
			continue;
		Remember(node, slot);
		return slot;
	}
}

int32 FlagOf(SetOpState *node, TupleTableSlot *slot)
{
	bool isnull;
	auto *plan = reinterpret_cast<SetOp *>(node->u.ps.plan);
	return DatumGetInt32(slot_getattr(slot, plan->flagColIdx, &isnull));
}

TupleTableSlot *ExecSetOp(PlanState *pstate)
{
	auto *node = reinterpret_cast<SetOpState *>(pstate);
	auto *plan = reinterpret_cast<SetOp *>(pstate->plan);
	UniqueState *u = &node->u;
	TupleTableSlot *result = pstate->ps_ResultTupleSlot;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		if (node->numOutput > 0)
		{
			node->numOutput--;
			return ExecStoreHeapTuple(u->prev, result, false);
		}
		if (node->done)
			return ExecClearTuple(result), nullptr;
		/* The group starts with the row read ahead, or the next one. */
		TupleTableSlot *slot;
		if (node->next != nullptr)
		{
			slot = ExecStoreHeapTuple(node->next, result, false);
			Remember(u, slot);
			node->next = nullptr;
		}
		else
		{
			slot = ExecProcNode(outerPlanState(node));
			if (TupIsNull(slot))
			{
				node->done = true;
				continue;
			}
			Remember(u, slot);
		}
		int64 left = 0;
		int64 right = 0;
		(FlagOf(node, slot) == plan->firstFlag ? left : right)++;
		for (;;)
		{
			slot = ExecProcNode(outerPlanState(node));
			if (TupIsNull(slot))
			{
				node->done = true;
				break;
			}
			if (!SameGroup(u, slot))
			{
				MemoryContextReset(node->nextcontext);
				MemoryContext old = MemoryContextSwitchTo(node->nextcontext);
				node->next = ExecCopySlotHeapTuple(slot);
				MemoryContextSwitchTo(old);
				break;
			}
			(FlagOf(node, slot) == plan->firstFlag ? left : right)++;
		}
		switch (plan->cmd)
		{
			case SETOPCMD_INTERSECT:
				node->numOutput = left > 0 && right > 0 ? 1 : 0;
				break;
			case SETOPCMD_INTERSECT_ALL:
				node->numOutput = std::min(left, right);
				break;
			case SETOPCMD_EXCEPT:
				node->numOutput = left > 0 && right == 0 ? 1 : 0;
				break;
			case SETOPCMD_EXCEPT_ALL:
				node->numOutput = std::max<int64>(left - right, 0);
				break;
		}
	}
}

}  // namespace

PlanState *ExecInitUnique(Unique *node, EState *estate, int eflags)
{
	UniqueState *state = makeNode(UniqueState);
	state->ps.plan = &node->plan;
	state->ps.state = estate;
	state->ps.ExecProcNode = ExecUnique;
	state->ps.lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	ExecInitResultTupleSlotTL(&state->ps);
	InitGroupCompare(state, estate, node->uniqColIdx, node->uniqOperators, node->uniqCollations);
	return &state->ps;
}

void ExecReScanUnique(UniqueState *node)
{
	node->prev = nullptr;
	MemoryContextReset(node->prevcontext);
}

PlanState *ExecInitSetOp(SetOp *node, EState *estate, int eflags)
{
	SetOpState *state = makeNode(SetOpState);
	state->u.ps.plan = &node->plan;
	state->u.ps.state = estate;
	state->u.ps.ExecProcNode = ExecSetOp;
	state->u.ps.lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	ExecInitResultTupleSlotTL(&state->u.ps);
	InitGroupCompare(&state->u, estate, node->dupColIdx, node->dupOperators, node->dupCollations);
	state->nextcontext = AllocSetContextCreate(estate->es_query_cxt, "SetOp", ALLOCSET_SMALL_SIZES);
	return &state->u.ps;
}

void ExecReScanSetOp(SetOpState *node)
{
	ExecReScanUnique(&node->u);
	node->next = nullptr;
	node->numOutput = 0;
	node->done = false;
	MemoryContextReset(node->nextcontext);
}
