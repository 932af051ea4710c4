/*
 * nodeModifyTable.cpp — INSERT, UPDATE and DELETE: the rows of the child
 * plan go into the target table, or change the rows its junk "ctid"
 * column names.
 *
 * The child computes each new row in the table's column order (the
 * planner made its target list so); this node checks NOT NULL and
 * CHECK constraints (ExecConstraints), forms the heap tuple and inserts
 * it or makes it the new version, maintaining the indexes, counting rows
 * for the command tag and projecting RETURNING.  A row changed by a
 * concurrent transaction that committed is re-checked in READ COMMITTED
 * (execEvalPlanQual.cpp) and refused with 40001 in REPEATABLE READ.
 */
#include "postgres.h"

#include <string>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/xact.h"
#include "evalplanqual.h"
#include "executor/execForeignKeys.h"
#include "executor/execIndexing.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/memutils.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

namespace {

/* The row a junk "ctid" column of the plan's output names. */
ItemPointerData JunkCtid(TupleTableSlot *planslot, int col)
{
	bool isnull;
	Datum d = slot_getattr(planslot, col + 1, &isnull);
	if (isnull)
		elog(ERROR, "ctid is NULL");
	return *reinterpret_cast<ItemPointer>(DatumGetPointer(d));
}

/*
 * What an UPDATE or DELETE does when the row changed under it and no
 * re-check applies: a change by a trigger of this command is an error,
 * one by a later command of ours is skipped (as in PostgreSQL); under
 * REPEATABLE READ a concurrent committed change is 40001.
 */
void CheckModifyResult(TM_Result result, const TM_FailureData &tmfd, const char *what)
{
	switch (result)
	{
		case TM_Ok:
			break;
		case TM_SelfModified:
			if (tmfd.cmax != GetCurrentCommandId(false))
				ereport(ERROR, errcode(ERRCODE_TRIGGERED_DATA_CHANGE_VIOLATION),
						errmsg("tuple to be %s was already modified by an operation triggered by "
							   "the current command",
							   what),
						errhint("Consider using an AFTER trigger instead of a BEFORE trigger to "
								"propagate changes to other rows."));
			break;
		case TM_Updated:
			ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
					errmsg("could not serialize access due to concurrent update"));
			break;
		case TM_Deleted:
			/* Deleted concurrently: READ COMMITTED has nothing left to
			 * change and skips it. */
			if (IsolationUsesXactSnapshot())
				ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
						errmsg("could not serialize access due to concurrent delete"));
			break;
		default:
			elog(ERROR, "unexpected table_tuple_%s status: %d", what, static_cast<int>(result));
	}
}

/*
 * READ COMMITTED and a row updated by a transaction that committed:
 * re-check its newest version (backend/executor/evalplanqual.h).  The subplan's
 * row for it, with *tid moved to it, or NULL to skip the row.
 */
TupleTableSlot *Recheck(ModifyTableState *node, Relation rel, ItemPointer tid,
						const TM_FailureData &tmfd, LockTupleMode mode, TupleTableSlot *planslot)
{
	EState *estate = node->ps.state;
	if (node->mt_epqstate == nullptr)
		node->mt_epqstate = EvalPlanQualInit(estate, outerPlan(node->ps.plan),
											 reinterpret_cast<ModifyTable *>(node->ps.plan)
												 ->rowMarks);
	EvalPlanQualFetchReferences(node->mt_epqstate, planslot);
	return EvalPlanQualLockAndRecheck(node->mt_epqstate, rel,
									  node->resultRelInfo->ri_RangeTableIndex, tid, tmfd, mode);
}

/* Whether a failed change is re-checked rather than refused. */
bool ShouldRecheck(TM_Result result)
{
	return result == TM_Updated && !IsolationUsesXactSnapshot();
}

/* The RETURNING row: the target row is the scan tuple, the subplan's
 * row (other tables' columns) the outer tuple. */
TupleTableSlot *Returning(PlanState *pstate, TupleTableSlot *row, TupleTableSlot *planslot)
{
	ExprContext *econtext = pstate->ps_ExprContext;
	econtext->ecxt_scantuple = row;
	econtext->ecxt_outertuple = planslot;
	return ExecProject(pstate->ps_ProjInfo);
}

/* The row at tid as snapshot sees it (DELETE … RETURNING reports the row
 * it deletes: the statement's snapshot sees it, or it is the version a
 * re-check locked). */
TupleTableSlot *FetchRow(ModifyTableState *node, Relation rel, ItemPointer tid, Snapshot snapshot)
{
	HeapTupleData tuple;
	tuple.t_self = *tid;
	Buffer buf = InvalidBuffer;
	if (!heap_fetch(rel, snapshot, &tuple, &buf))
		elog(ERROR, "failed to fetch the row to delete");
	MemoryContext old = MemoryContextSwitchTo(node->ps.ps_ExprContext->ecxt_per_tuple_memory);
	HeapTuple copy = heap_copytuple(&tuple);
	MemoryContextSwitchTo(old);
	ReleaseBuffer(buf);
	return ExecStoreHeapTuple(copy, node->mt_insertSlot, false);
}

/* The row to insert, or the new version of the row to update, from the
 * subplan's row: NOT NULL and CHECK constraints checked, formed in per-tuple memory;
 * mt_insertSlot holds its values. */
HeapTuple NewRow(ModifyTableState *node, TupleTableSlot *planslot)
{
	Relation rel = node->resultRelInfo->ri_RelationDesc;
	slot_getallattrs(planslot);
	TupleTableSlot *slot = node->mt_insertSlot;
	ExecClearTuple(slot);
	int natts = RelationGetDescr(rel)->natts;
	for (int i = 0; i < natts; i++)
	{
		slot->tts_values[i] = planslot->tts_values[i];
		slot->tts_isnull[i] = planslot->tts_isnull[i];
	}
	ExecStoreVirtualTuple(slot);
	ExecConstraints(node->resultRelInfo, slot, node->ps.state);
	MemoryContext old = MemoryContextSwitchTo(node->ps.ps_ExprContext->ecxt_per_tuple_memory);
	HeapTuple tuple = ExecCopySlotHeapTuple(slot);
	MemoryContextSwitchTo(old);
	return tuple;
}

/* The row version at tid — the one this statement just deleted or
 * replaced — copied into the per-tuple memory (what a foreign key needs
 * of the row it changes). */
HeapTuple OldTuple(ModifyTableState *node, Relation rel, ItemPointer tid)
{
	HeapTupleData tuple;
	tuple.t_self = *tid;
	Buffer buf = InvalidBuffer;
	if (!heap_fetch(rel, SnapshotAny, &tuple, &buf))
		return nullptr;
	MemoryContext old = MemoryContextSwitchTo(node->ps.ps_ExprContext->ecxt_per_tuple_memory);
	HeapTuple copy = heap_copytuple(&tuple);
	MemoryContextSwitchTo(old);
	ReleaseBuffer(buf);
	return copy;
}

TupleTableSlot *ExecModifyTable(PlanState *pstate)
{
	auto *node = reinterpret_cast<ModifyTableState *>(pstate);
	EState *estate = pstate->state;
	if (node->mt_done)
		return nullptr;
	Relation rel = node->resultRelInfo->ri_RelationDesc;
	ExprContext *econtext = pstate->ps_ExprContext;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(econtext);
		TupleTableSlot *planslot = ExecProcNode(outerPlanState(node));
		if (TupIsNull(planslot))
			break;
		if (node->operation == CMD_DELETE)
		{
			ItemPointerData tid = JunkCtid(planslot, 0);
			TupleTableSlot *oldslot = nullptr;
			if (pstate->ps_ProjInfo != nullptr)
				oldslot = FetchRow(node, rel, &tid, estate->es_snapshot);
			TM_FailureData tmfd;
			TM_Result result;
			for (;;)
			{
				result = heap_delete(rel, &tid, estate->es_output_cid, true, &tmfd);
				if (!ShouldRecheck(result))
					break;
				planslot = Recheck(node, rel, &tid, tmfd, LockTupleExclusive, planslot);
				if (planslot == nullptr)
					break;
				/* RETURNING shows the version deleted. */
				if (oldslot != nullptr)
					oldslot = FetchRow(node, rel, &tid, SnapshotAny);
			}
			if (planslot == nullptr)
				continue;
			CheckModifyResult(result, tmfd, "deleted");
			if (result != TM_Ok)
				continue;
			if (node->mt_fkeys != nullptr)
				if (HeapTuple oldtup = OldTuple(node, rel, &tid))
					ExecForeignKeyRow(node->mt_fkeys, oldtup, nullptr);
			if (node->canSetTag)
				estate->es_processed++;
			if (oldslot != nullptr)
				return Returning(pstate, oldslot, planslot);
			continue;
		}
		int natts = RelationGetDescr(rel)->natts;
		TupleTableSlot *slot = node->mt_insertSlot;
		if (node->operation == CMD_UPDATE)
		{
			ItemPointerData tid = JunkCtid(planslot, natts);
			TM_FailureData tmfd;
			TM_Result result;
			HeapTuple tuple;
			for (;;)
			{
				tuple = NewRow(node, planslot);
				result = heap_update(rel, &tid, tuple, estate->es_output_cid, true, &tmfd);
				if (!ShouldRecheck(result))
					break;
				/* The new values are computed again, from the newest version. */
				planslot = Recheck(node, rel, &tid, tmfd, LockTupleExclusive, planslot);
				if (planslot == nullptr)
					break;
			}
			if (planslot == nullptr)
				continue;
			CheckModifyResult(result, tmfd, "updated");
			if (result != TM_Ok)
				continue;
			ExecInsertIndexTuples(node->resultRelInfo, slot, &tuple->t_self, estate);
			if (node->mt_fkeys != nullptr)
				if (HeapTuple oldtup = OldTuple(node, rel, &tid))
					ExecForeignKeyRow(node->mt_fkeys, oldtup, tuple);
			if (node->canSetTag)
				estate->es_processed++;
			if (pstate->ps_ProjInfo != nullptr)
				return Returning(pstate, slot, planslot);
			continue;
		}
		HeapTuple tuple = NewRow(node, planslot);
		heap_insert(rel, tuple, estate->es_output_cid, 0, nullptr);
		ExecInsertIndexTuples(node->resultRelInfo, slot, &tuple->t_self, estate);
		if (node->mt_fkeys != nullptr)
			ExecForeignKeyRow(node->mt_fkeys, nullptr, tuple);
		if (node->canSetTag)
			estate->es_processed++;
		if (pstate->ps_ProjInfo != nullptr)
			return Returning(pstate, slot, planslot);
	}
	node->mt_done = true;
	/* The foreign keys' checks and actions, as PostgreSQL's AFTER ROW
	 * triggers fire them: once every row is changed. */
	ExecForeignKeysEndStatement(node->mt_fkeys);
	return nullptr;
}

}  // namespace

PlanState *ExecInitModifyTable(ModifyTable *node, EState *estate, int eflags)
{
	ModifyTableState *state = makeNode(ModifyTableState);
	state->ps.plan = &node->plan;
	state->ps.state = estate;
	state->ps.ExecProcNode = ExecModifyTable;
	state->operation = node->operation;
	state->canSetTag = node->canSetTag;
	ExecAssignExprContext(estate, &state->ps);
	Index rti = static_cast<Index>(linitial_int(node->resultRelations));
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	ResultRelInfo *rri = makeNode(ResultRelInfo);
	rri->ri_RangeTableIndex = rti;
	rri->ri_RelationDesc = ExecGetRangeTableRelation(estate, rti);
	state->resultRelInfo = rri;
	MemoryContextSwitchTo(old);
	if (node->operation != CMD_DELETE)
		ExecOpenIndices(rri, estate);
	state->mt_fkeys = ExecInitForeignKeys(estate, rri->ri_RelationDesc, node->operation);
	state->mt_insertSlot = ExecInitExtraTupleSlot(estate, RelationGetDescr(rri->ri_RelationDesc));
	state->ps.lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	if (node->returningLists != NIL)
	{
		/* RETURNING: the node's targetlist is the returning list. */
		ExecInitResultTupleSlotTL(&state->ps);
		ExecAssignProjectionInfo(&state->ps);
	}
	return &state->ps;
}

void ExecEndModifyTable(ModifyTableState *node)
{
	EvalPlanQualEnd(node->mt_epqstate);
	ExecCloseIndices(node->resultRelInfo);
	ExecEndNode(outerPlanState(node));
}
