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
#include "executor/instrument.h"
#include "miscadmin.h"
#include "onconflict.h"
#include "storage/lmgr.h"
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

/* ON CONFLICT under REPEATABLE READ: a conflicting row the transaction's
 * snapshot does not see was committed after it began, and deciding by
 * it would be a serialization anomaly (40001), unless we inserted it. */
void CheckConflictVisible(EState *estate, Relation rel, ItemPointer tid)
{
	if (!IsolationUsesXactSnapshot())
		return;
	HeapTupleData tuple;
	tuple.t_self = *tid;
	Buffer buf = InvalidBuffer;
	if (heap_fetch(rel, estate->es_snapshot, &tuple, &buf))
	{
		ReleaseBuffer(buf);
		return;
	}
	if (heap_fetch(rel, SnapshotAny, &tuple, &buf))
	{
		bool ours = FullTransactionIdIsCurrentTransactionId(
			HeapTupleHeaderGetRawXminFull(tuple.t_data));
		ReleaseBuffer(buf);
		if (ours)
			return;
	}
	ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
			errmsg("could not serialize access due to concurrent update"));
}

enum class ConflictOutcome
{
	kInsert,  /* no conflict: insert (the arbiter locks are held) */
	kSkip,	  /* DO NOTHING, or DO UPDATE's WHERE was not true */
	kUpdated, /* DO UPDATE changed the conflicting row */
	kRetry	  /* the conflicting row changed meanwhile: search again */
};

/*
 * DO UPDATE of the conflicting row at tid (PostgreSQL's
 * ExecOnConflictUpdate): lock it, then — if WHERE, over it and the
 * proposed row in mt_insertSlot, holds — make its new version.  A row
 * this command inserted or updated is 21000; one changed by a concurrent
 * transaction since the search is searched for again (READ COMMITTED)
 * or 40001.  On kUpdated mt_insertSlot holds the new version.
 */
ConflictOutcome OnConflictUpdate(ModifyTableState *node, ItemPointer tid)
{
	EState *estate = node->ps.state;
	Relation rel = node->resultRelInfo->ri_RelationDesc;
	OnConflictSetState *oc = node->mt_onconflict;
	HeapTupleData tuple;
	tuple.t_self = *tid;
	Buffer buf = InvalidBuffer;
	if (heap_fetch(rel, SnapshotAny, &tuple, &buf))
	{
		bool this_command = FullTransactionIdIsCurrentTransactionId(
								HeapTupleHeaderGetRawXminFull(tuple.t_data)) &&
			HeapTupleHeaderGetCmin(tuple.t_data) >= estate->es_output_cid;
		ReleaseBuffer(buf);
		if (this_command)
			ereport(ERROR, errcode(ERRCODE_CARDINALITY_VIOLATION),
					errmsg("%s command cannot affect row a second time", "ON CONFLICT DO UPDATE"),
					errhint("Ensure that no rows proposed for insertion within the same command "
							"have duplicate constrained values."));
	}
	TM_FailureData tmfd;
	buf = InvalidBuffer;
	TM_Result result = heap_lock_tuple(rel, &tuple, estate->es_output_cid, LockTupleExclusive,
									   LockWaitBlock, &buf, &tmfd);
	HeapTuple existing = nullptr;
	if (result == TM_Ok)
	{
		MemoryContext old = MemoryContextSwitchTo(node->ps.ps_ExprContext->ecxt_per_tuple_memory);
		existing = heap_copytuple(&tuple);
		MemoryContextSwitchTo(old);
	}
	if (BufferIsValid(buf))
		ReleaseBuffer(buf);
	switch (result)
	{
		case TM_Ok:
			break;
		case TM_Updated:
			if (IsolationUsesXactSnapshot())
				ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
						errmsg("could not serialize access due to concurrent update"));
			return ConflictOutcome::kRetry;
		case TM_Deleted:
			if (IsolationUsesXactSnapshot())
				ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
						errmsg("could not serialize access due to concurrent delete"));
			return ConflictOutcome::kRetry;
		default:
			elog(ERROR, "unexpected heap_lock_tuple status %d in ON CONFLICT DO UPDATE",
				 static_cast<int>(result));
	}
	CheckConflictVisible(estate, rel, tid);

	/* The proposed row, before mt_insertSlot receives the new version. */
	TupleTableSlot *proposed = node->mt_insertSlot;
	slot_getallattrs(proposed);
	ExecClearTuple(oc->oc_Excluded);
	int natts = RelationGetDescr(rel)->natts;
	for (int i = 0; i < natts; i++)
	{
		oc->oc_Excluded->tts_values[i] = proposed->tts_values[i];
		oc->oc_Excluded->tts_isnull[i] = proposed->tts_isnull[i];
	}
	ExecStoreVirtualTuple(oc->oc_Excluded);
	ExecStoreHeapTuple(existing, oc->oc_Existing, false);

	ExprContext *econtext = node->ps.ps_ExprContext;
	econtext->ecxt_scantuple = oc->oc_Existing;
	econtext->ecxt_innertuple = oc->oc_Excluded;
	econtext->ecxt_outertuple = nullptr;
	if (!ExecQual(oc->oc_WhereClause, econtext))
	{
		InstrCountFiltered1(&node->ps, 1);
		return ConflictOutcome::kSkip;
	}
	TupleTableSlot *projected = ExecProject(oc->oc_ProjInfo);
	HeapTuple newtup = NewRow(node, projected);
	ItemPointerData otid = *tid;
	result = heap_update(rel, &otid, newtup, estate->es_output_cid, true, &tmfd);
	CheckModifyResult(result, tmfd, "updated");
	/* A heap-only version is reached through its chain's entries. */
	if (!HeapTupleIsHeapOnly(newtup))
		ExecInsertIndexTuples(node->resultRelInfo, node->mt_insertSlot, &newtup->t_self, estate);
	if (node->mt_fkeys != nullptr)
		ExecForeignKeyRow(node->mt_fkeys, existing, newtup);
	return ConflictOutcome::kUpdated;
}

/*
 * ON CONFLICT for the row in mt_insertSlot: search the arbiter indexes
 * (waiting for a transaction inserting or deleting a conflicting row)
 * until there is no conflict — kInsert, with the arbiter locks held until
 * the caller's index entries are in — or a conflicting row, which DO
 * NOTHING skips and DO UPDATE updates.
 */
ConflictOutcome OnConflict(ModifyTableState *node)
{
	auto *plan = reinterpret_cast<ModifyTable *>(node->ps.plan);
	ResultRelInfo *rri = node->resultRelInfo;
	EState *estate = node->ps.state;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		ExecLockArbiters(rri, plan->arbiterIndexes);
		ItemPointerData conflict;
		FullTransactionId wait;
		bool found = ExecCheckArbiters(rri, node->mt_insertSlot, estate, plan->arbiterIndexes,
									   &conflict, &wait);
		if (!found && !FullTransactionIdIsValid(wait))
			return ConflictOutcome::kInsert;
		ExecUnlockArbiters(rri, plan->arbiterIndexes);
		if (!found)
		{
			XactLockTableWait(wait);
			continue;
		}
		if (plan->onConflictAction == ONCONFLICT_NOTHING)
		{
			CheckConflictVisible(estate, rri->ri_RelationDesc, &conflict);
			InstrCountTuples2(&node->ps, 1);
			return ConflictOutcome::kSkip;
		}
		ConflictOutcome outcome = OnConflictUpdate(node, &conflict);
		if (outcome != ConflictOutcome::kRetry)
		{
			InstrCountTuples2(&node->ps, 1);
			return outcome;
		}
	}
}

/*
 * INSERT … ON CONFLICT of the row in mt_insertSlot (*tuple, formed from
 * planslot): kSkip, kUpdated, or kInsert with the row and its index
 * entries in (*tuple, inserted).  The search for a conflict cannot see an
 * entry another transaction's UPDATE (or plain INSERT) adds meanwhile, so
 * the arbiter indexes' entries go in first, each checked in the same step
 * (UNIQUE_CHECK_SPECULATIVE); a conflict there takes the row back out
 * (heap_abort_speculative) and starts over, as PostgreSQL's speculative
 * insertion does.
 */
ConflictOutcome InsertOnConflict(ModifyTableState *node, TupleTableSlot *planslot, HeapTuple *tuple)
{
	auto *plan = reinterpret_cast<ModifyTable *>(node->ps.plan);
	ResultRelInfo *rri = node->resultRelInfo;
	EState *estate = node->ps.state;
	Relation rel = rri->ri_RelationDesc;
	for (;;)
	{
		ConflictOutcome outcome = OnConflict(node);
		if (outcome != ConflictOutcome::kInsert)
			return outcome;
		heap_insert(rel, *tuple, estate->es_output_cid, 0, nullptr);
		FullTransactionId xwait;
		if (ExecInsertArbitratedIndexTuples(rri, node->mt_insertSlot, &(*tuple)->t_self, estate,
											plan->arbiterIndexes, &xwait))
		{
			ExecUnlockArbiters(rri, plan->arbiterIndexes);
			return ConflictOutcome::kInsert;
		}
		heap_abort_speculative(rel, &(*tuple)->t_self);
		ExecUnlockArbiters(rri, plan->arbiterIndexes);
		if (FullTransactionIdIsValid(xwait))
			XactLockTableWait(xwait);
		*tuple = NewRow(node, planslot);
	}
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
				/* The new values are computed again, from the newest version,
				 * locked as strongly as the update needs (a non-key update
				 * leaves FOR KEY SHARE lockers be). */
				planslot = Recheck(node, rel, &tid, tmfd, static_cast<LockTupleMode>(tmfd.lockmode),
								   planslot);
				if (planslot == nullptr)
					break;
			}
			if (planslot == nullptr)
				continue;
			CheckModifyResult(result, tmfd, "updated");
			if (result != TM_Ok)
				continue;
			if (!HeapTupleIsHeapOnly(tuple))
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
		auto *plan = reinterpret_cast<ModifyTable *>(pstate->plan);
		if (plan->onConflictAction != ONCONFLICT_NONE && node->resultRelInfo->ri_NumIndices > 0)
		{
			ConflictOutcome outcome = InsertOnConflict(node, planslot, &tuple);
			if (outcome == ConflictOutcome::kSkip)
				continue;
			if (outcome == ConflictOutcome::kUpdated)
			{
				if (node->canSetTag)
					estate->es_processed++;
				if (pstate->ps_ProjInfo != nullptr)
					return Returning(pstate, slot, planslot);
				continue;
			}
		}
		else
		{
			heap_insert(rel, tuple, estate->es_output_cid, 0, nullptr);
			ExecInsertIndexTuples(node->resultRelInfo, slot, &tuple->t_self, estate);
		}
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
	/* DO UPDATE changes rows, which the table's and the referencing
	 * tables' foreign keys check as an UPDATE's. */
	state->mt_fkeys = ExecInitForeignKeys(estate, rri->ri_RelationDesc,
										  node->onConflictAction == ONCONFLICT_UPDATE
											  ? CMD_UPDATE
											  : node->operation);
	TupleDesc desc = RelationGetDescr(rri->ri_RelationDesc);
	state->mt_insertSlot = ExecInitExtraTupleSlot(estate, desc);
	if (node->onConflictAction == ONCONFLICT_UPDATE)
	{
		old = MemoryContextSwitchTo(estate->es_query_cxt);
		auto *oc = static_cast<OnConflictSetState *>(palloc0(sizeof(OnConflictSetState)));
		MemoryContextSwitchTo(old);
		oc->oc_Existing = ExecInitExtraTupleSlot(estate, desc);
		oc->oc_Excluded = ExecInitExtraTupleSlot(estate, desc);
		oc->oc_ProjSlot = ExecInitExtraTupleSlot(estate, desc);
		oc->oc_ProjInfo = ExecBuildProjectionInfo(node->onConflictSet, state->ps.ps_ExprContext,
												  oc->oc_ProjSlot, &state->ps, desc);
		oc->oc_WhereClause = ExecInitQual(reinterpret_cast<List *>(node->onConflictWhere),
										  &state->ps);
		state->mt_onconflict = oc;
	}
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
