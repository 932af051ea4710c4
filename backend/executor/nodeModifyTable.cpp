/*
 * nodeModifyTable.cpp — INSERT (UPDATE and DELETE to come): the rows of
 * the child plan go into the target table.
 *
 * The child computes each new row in the table's column order (the
 * planner made its target list so); this node checks NOT NULL and
 * CHECK constraints (ExecConstraints), forms the heap tuple and inserts it, counting rows for
 * the command tag.  RETURNING is not supported yet (0A000 at planning).
 */
#include "postgres.h"

#include <string>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/xact.h"
#include "executor/execForeignKeys.h"
#include "executor/execIndexing.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/memutils.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

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

/* What an UPDATE or DELETE does when the row changed under it. */
void CheckModifyResult(TM_Result result, const TM_FailureData &tmfd, const char *what)
{
	switch (result)
	{
		case TM_Ok:
		case TM_Deleted:
			/* (deleted concurrently: nothing left to change, READ
			 * COMMITTED skips it; REPEATABLE READ fails below) */
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
			/* READ COMMITTED would re-check the newest version here
			 * (EvalPlanQual); until it does, both levels refuse. */
			ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
					errmsg("could not serialize access due to concurrent update"));
			break;
		default:
			elog(ERROR, "unexpected table_tuple_%s status: %d", what, static_cast<int>(result));
	}
	if (result == TM_Deleted && IsolationUsesXactSnapshot())
		ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
				errmsg("could not serialize access due to concurrent delete"));
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

/* The row at tid as the statement's snapshot sees it (DELETE … RETURNING
 * reports the row it deletes). */
TupleTableSlot *FetchRow(ModifyTableState *node, Relation rel, ItemPointer tid)
{
	EState *estate = node->ps.state;
	HeapTupleData tuple;
	tuple.t_self = *tid;
	Buffer buf = InvalidBuffer;
	if (!heap_fetch(rel, estate->es_snapshot, &tuple, &buf))
		elog(ERROR, "failed to fetch the row to delete");
	MemoryContext old = MemoryContextSwitchTo(node->ps.ps_ExprContext->ecxt_per_tuple_memory);
	HeapTuple copy = heap_copytuple(&tuple);
	MemoryContextSwitchTo(old);
	ReleaseBuffer(buf);
	return ExecStoreHeapTuple(copy, node->mt_insertSlot, false);
}

/* The row at tid as the statement's snapshot sees it, copied into the
 * per-tuple memory (what a foreign key needs of the row it changes). */
HeapTuple OldTuple(ModifyTableState *node, Relation rel, ItemPointer tid)
{
	HeapTupleData tuple;
	tuple.t_self = *tid;
	Buffer buf = InvalidBuffer;
	if (!heap_fetch(rel, node->ps.state->es_snapshot, &tuple, &buf))
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
				oldslot = FetchRow(node, rel, &tid);
			HeapTuple oldtup = node->mt_fkeys != nullptr ? OldTuple(node, rel, &tid) : nullptr;
			TM_FailureData tmfd;
			TM_Result result = heap_delete(rel, &tid, estate->es_output_cid, true, &tmfd);
			CheckModifyResult(result, tmfd, "deleted");
			if (result != TM_Ok)
				continue;
			if (oldtup != nullptr)
				ExecForeignKeyRow(node->mt_fkeys, oldtup, nullptr);
			if (node->canSetTag)
				estate->es_processed++;
			if (oldslot != nullptr)
				return Returning(pstate, oldslot, planslot);
			continue;
		}
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
		ExecConstraints(node->resultRelInfo, slot, estate);
		MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
		HeapTuple tuple = ExecCopySlotHeapTuple(slot);
		if (node->operation == CMD_UPDATE)
		{
			ItemPointerData tid = JunkCtid(planslot, natts);
			HeapTuple oldtup = node->mt_fkeys != nullptr ? OldTuple(node, rel, &tid) : nullptr;
			TM_FailureData tmfd;
			TM_Result result = heap_update(rel, &tid, tuple, estate->es_output_cid, true, &tmfd);
			MemoryContextSwitchTo(old);
			CheckModifyResult(result, tmfd, "updated");
			if (result != TM_Ok)
				continue;
			ExecInsertIndexTuples(node->resultRelInfo, slot, &tuple->t_self, estate);
			if (oldtup != nullptr)
				ExecForeignKeyRow(node->mt_fkeys, oldtup, tuple);
			if (node->canSetTag)
				estate->es_processed++;
			if (pstate->ps_ProjInfo != nullptr)
				return Returning(pstate, slot, planslot);
			continue;
		}
		heap_insert(rel, tuple, estate->es_output_cid, 0, nullptr);
		MemoryContextSwitchTo(old);
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
	ExecCloseIndices(node->resultRelInfo);
	ExecEndNode(outerPlanState(node));
}
