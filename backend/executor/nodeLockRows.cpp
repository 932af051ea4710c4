/*
 * nodeLockRows.cpp — SELECT … FOR UPDATE / NO KEY UPDATE / SHARE / KEY
 * SHARE: lock each row its child returns (PostgreSQL's LockRows node).
 *
 * For every locked table (a PlanRowMark) the child outputs the row's ctid
 * as a junk column "ctid<rowmarkId>"; this node locks that row with
 * heap_lock_tuple in the clause's strength and wait policy.  A row locked
 * by another transaction is waited for, or is 55P03 (NOWAIT), or skipped
 * (SKIP LOCKED).  A row updated by a transaction that committed is, under
 * READ COMMITTED, followed to its newest version, which is locked and
 * re-checked against the query (EvalPlanQual, backend/executor/evalplanqual.h):
 * the row returned is then that version's; a deleted row, or one that no
 * longer qualifies, is skipped.  REPEATABLE READ raises 40001.
 *
 * A row has a single locker at a time (no multixacts): a lock of any
 * strength waits for another transaction's lock of any strength, where
 * PostgreSQL lets FOR SHARE lockers, or FOR KEY SHARE and FOR NO KEY
 * UPDATE, hold one row together.
 */
#include "postgres.h"

#include <cstring>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/xact.h"
#include "evalplanqual.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

/* One locked table of a LockRows node. */
struct ExecLockRowMark
{
	PlanRowMark *rowmark;
	Relation relation;
	AttrNumber ctid_attno; /* the junk column, 1-based in the child's output */
	LockTupleMode mode;
	HeapTuple newest; /* this row's newest version, when it was updated */
};

namespace {

LockTupleMode ModeOf(RowMarkType type)
{
	switch (type)
	{
		case ROW_MARK_EXCLUSIVE:
			return LockTupleExclusive;
		case ROW_MARK_NOKEYEXCLUSIVE:
			return LockTupleNoKeyExclusive;
		case ROW_MARK_SHARE:
			return LockTupleShare;
		case ROW_MARK_KEYSHARE:
			return LockTupleKeyShare;
		default:
			break;
	}
	elog(ERROR, "unsupported rowmark type %d", static_cast<int>(type));
}

/* The locked row's copy, for a re-check of another table's updated row. */
HeapTuple FetchLocked(EState *estate, Relation rel, ItemPointer tid)
{
	HeapTupleData tuple;
	tuple.t_self = *tid;
	Buffer buf = InvalidBuffer;
	if (!heap_fetch(rel, SnapshotAny, &tuple, &buf))
		elog(ERROR, "failed to fetch tuple for EvalPlanQual recheck");
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	HeapTuple copy = heap_copytuple(&tuple);
	MemoryContextSwitchTo(old);
	ReleaseBuffer(buf);
	return copy;
}

enum class LockOutcome
{
	kLocked,
	kUpdated, /* the newest version is locked, in mark.newest */
	kSkip
};

/* Lock the row of one table that the child's row names. */
LockOutcome LockRow(EState *estate, ExecLockRowMark &mark, TupleTableSlot *slot)
{
	bool isnull;
	Datum d = slot_getattr(slot, mark.ctid_attno, &isnull);
	if (isnull)
		elog(ERROR, "ctid is NULL");
	HeapTupleData tuple;
	tuple.t_self = *reinterpret_cast<ItemPointer>(DatumGetPointer(d));
	Buffer buf = InvalidBuffer;
	TM_FailureData tmfd;
	TM_Result result = heap_lock_tuple(mark.relation, &tuple, estate->es_output_cid, mark.mode,
									   mark.rowmark->waitPolicy, &buf, &tmfd);
	if (BufferIsValid(buf))
		ReleaseBuffer(buf);
	switch (result)
	{
		case TM_Ok:
			return LockOutcome::kLocked;
		case TM_WouldBlock:
		case TM_SelfModified:
			/* Locked by another (SKIP LOCKED), or changed by this
			 * transaction: treated as deleted, as in PostgreSQL (locking
			 * it again could loop). */
			return LockOutcome::kSkip;
		case TM_Updated:
		{
			if (IsolationUsesXactSnapshot())
				ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
						errmsg("could not serialize access due to concurrent update"));
			ItemPointerData next = tmfd.ctid;
			mark.newest = EvalPlanQualLockNewest(estate, mark.relation, &next, mark.mode,
												 mark.rowmark->waitPolicy);
			return mark.newest != nullptr ? LockOutcome::kUpdated : LockOutcome::kSkip;
		}
		case TM_Deleted:
			/* PostgreSQL's LockRows says "update" for a delete too. */
			if (IsolationUsesXactSnapshot())
				ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
						errmsg("could not serialize access due to concurrent update"));
			return LockOutcome::kSkip;
		case TM_Invisible:
			elog(ERROR, "attempted to lock invisible tuple");
			break;
		default:
			break;
	}
	elog(ERROR, "unrecognized heap_lock_tuple status: %d", static_cast<int>(result));
}

TupleTableSlot *ExecLockRows(PlanState *pstate)
{
	auto *node = reinterpret_cast<LockRowsState *>(pstate);
	EState *estate = pstate->state;
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		TupleTableSlot *slot = ExecProcNode(outerPlanState(node));
		if (TupIsNull(slot))
			return nullptr;
		bool skip = false;
		bool recheck = false;
		for (int i = 0; i < node->lr_nmarks && !skip; i++)
		{
			ExecLockRowMark &mark = node->lr_marks[i];
			if (mark.newest != nullptr)
				heap_freetuple(mark.newest);
			mark.newest = nullptr;
			LockOutcome outcome = LockRow(estate, mark, slot);
			skip = outcome == LockOutcome::kSkip;
			recheck = recheck || outcome == LockOutcome::kUpdated;
		}
		if (skip)
			continue;
		if (!recheck)
			return slot;
		/* Some row was updated: run the query again on the newest
		 * versions (the others as locked) and return its row, if any. */
		if (node->lr_epqstate == nullptr)
			node->lr_epqstate = EvalPlanQualInit(estate, outerPlan(pstate->plan), NIL);
		for (int i = 0; i < node->lr_nmarks; i++)
		{
			ExecLockRowMark &mark = node->lr_marks[i];
			HeapTuple row = mark.newest;
			mark.newest = nullptr; /* the EPQState's now */
			if (row == nullptr)
			{
				bool isnull;
				Datum d = slot_getattr(slot, mark.ctid_attno, &isnull);
				row = FetchLocked(estate, mark.relation,
								  reinterpret_cast<ItemPointer>(DatumGetPointer(d)));
			}
			EvalPlanQualSetTuple(node->lr_epqstate, mark.rowmark->rti, row);
		}
		if (TupleTableSlot *rechecked = EvalPlanQualNext(node->lr_epqstate))
			return rechecked;
	}
}

}  // namespace

PlanState *ExecInitLockRows(LockRows *node, EState *estate, int eflags)
{
	LockRowsState *state = makeNode(LockRowsState);
	state->ps.plan = &node->plan;
	state->ps.state = estate;
	state->ps.ExecProcNode = ExecLockRows;
	state->ps.lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	List *child_tlist = outerPlan(node)->targetlist;
	state->lr_nmarks = list_length(node->rowMarks);
	state->lr_marks = static_cast<ExecLockRowMark *>(
		palloc0(Max(state->lr_nmarks, 1) * sizeof(ExecLockRowMark)));
	ListCell *lc;
	foreach (lc, node->rowMarks)
	{
		auto *rowmark = castNode(PlanRowMark, lfirst(lc));
		ExecLockRowMark &mark = state->lr_marks[foreach_current_index(lc)];
		mark.rowmark = rowmark;
		mark.relation = ExecGetRangeTableRelation(estate, rowmark->rti);
		mark.mode = ModeOf(rowmark->markType);
		char name[32];
		snprintf(name, sizeof(name), "ctid%u", rowmark->rowmarkId);
		ListCell *t;
		foreach (t, child_tlist)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(t));
			if (tle->resjunk && tle->resname != nullptr && strcmp(tle->resname, name) == 0)
				mark.ctid_attno = tle->resno;
		}
		if (mark.ctid_attno == 0)
			elog(ERROR, "could not find junk %s column", name);
	}
	return &state->ps;
}

void ExecEndLockRows(LockRowsState *node)
{
	EvalPlanQualEnd(node->lr_epqstate);
	ExecEndNode(outerPlanState(node));
}
