/*
 * execEvalPlanQual.cpp — READ COMMITTED's re-check of a concurrently
 * updated row (PostgreSQL's EvalPlanQual; backend/executor/evalplanqual.h).
 *
 * The recheck plan is a second PlanState tree of the ModifyTable's
 * subplan, built in the same EState at the first re-check and rescanned
 * for each later one.  While it runs, estate->es_epq_active is set: scans
 * of the target relation return only the locked newest version of the
 * row, and nodes that keep rows across a rescan (Sort, Material, Hash)
 * read their child again, since its rows differ from one re-check to the
 * next.  The other tables of an UPDATE … FROM or DELETE … USING return
 * just the row the first run joined (ROW_MARK_REFERENCE: refetched by the
 * ctid the subplan output for it); other relations (a LockRows query's
 * unlocked tables, subqueries, VALUES) are read again as usual.
 */
#include "postgres.h"

#include <cstring>

#include "access/htup_details.h"
#include "evalplanqual.h"
#include "executor/executor.h"
#include "storage/bufmgr.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

namespace {

/* es_epq_active for a scope; restored on exit, by error too. */
class ActiveRecheck
{
  public:
	ActiveRecheck(EState *estate, EPQState *epq) : estate_(estate), prior_(estate->es_epq_active)
	{
		estate->es_epq_active = epq;
	}
	~ActiveRecheck() { estate_->es_epq_active = prior_; }
	ActiveRecheck(const ActiveRecheck &) = delete;
	ActiveRecheck &operator=(const ActiveRecheck &) = delete;

  private:
	EState *estate_;
	EPQState *prior_;
};

}  // namespace

HeapTuple EvalPlanQualLockNewest(EState *estate, Relation rel, ItemPointer tid, LockTupleMode mode,
								 LockWaitPolicy wait_policy)
{
	for (;;)
	{
		HeapTupleData tuple;
		tuple.t_self = *tid;
		Buffer buf = InvalidBuffer;
		TM_FailureData tmfd;
		TM_Result result = heap_lock_tuple(rel, &tuple, estate->es_output_cid, mode, wait_policy,
										   &buf, &tmfd);
		HeapTuple copy = nullptr;
		if (result == TM_Ok)
		{
			MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
			copy = heap_copytuple(&tuple);
			MemoryContextSwitchTo(old);
		}
		if (BufferIsValid(buf))
			ReleaseBuffer(buf);
		switch (result)
		{
			case TM_Ok:
				return copy;
			case TM_Updated:
				*tid = tmfd.ctid; /* updated again meanwhile: on to the next */
				continue;
			case TM_Deleted:
			case TM_WouldBlock: /* SKIP LOCKED */
				return nullptr;
			case TM_SelfModified:
				/* Changed by this statement already (a join matched it
				 * twice): nothing more to do, as in PostgreSQL. */
				if (tmfd.cmax != estate->es_output_cid)
					ereport(ERROR, errcode(ERRCODE_TRIGGERED_DATA_CHANGE_VIOLATION),
							errmsg("tuple to be updated was already modified by an operation "
								   "triggered by the current command"));
				return nullptr;
			default:
				elog(ERROR, "unexpected heap_lock_tuple status: %d", static_cast<int>(result));
		}
	}
}

/* A relation the re-check reads by ctid (ROW_MARK_REFERENCE). */
struct EPQRowMark
{
	Index rti;
	Relation relation;
	AttrNumber ctid_attno; /* in the subplan's output, 1-based */
};

EPQState *EvalPlanQualInit(EState *estate, Plan *plan, List *rowmarks)
{
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	auto *epq = static_cast<EPQState *>(palloc0(sizeof(EPQState)));
	epq->estate = estate;
	epq->plan = plan;
	int n = Max(estate->es_range_table_size, 1);
	epq->relsubs_tuple = static_cast<HeapTuple *>(palloc0(n * sizeof(HeapTuple)));
	epq->relsubs_done = static_cast<bool *>(palloc0(n * sizeof(bool)));
	epq->relsubs_blocked = static_cast<bool *>(palloc0(n * sizeof(bool)));
	epq->refmarks = static_cast<EPQRowMark *>(
		palloc0(Max(list_length(rowmarks), 1) * sizeof(EPQRowMark)));
	ListCell *lc;
	foreach (lc, rowmarks)
	{
		auto *rowmark = castNode(PlanRowMark, lfirst(lc));
		if (rowmark->markType != ROW_MARK_REFERENCE)
			continue;
		EPQRowMark &ref = epq->refmarks[epq->nrefmarks++];
		ref.rti = rowmark->rti;
		ref.relation = ExecGetRangeTableRelation(estate, rowmark->rti);
		char name[32];
		snprintf(name, sizeof(name), "ctid%u", rowmark->rowmarkId);
		ListCell *t;
		foreach (t, plan->targetlist)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(t));
			if (tle->resjunk && tle->resname != nullptr && strcmp(tle->resname, name) == 0)
				ref.ctid_attno = tle->resno;
		}
		if (ref.ctid_attno == 0)
			elog(ERROR, "could not find junk %s column", name);
	}
	MemoryContextSwitchTo(old);
	return epq;
}

void EvalPlanQualFetchReferences(EPQState *epq, TupleTableSlot *planslot)
{
	for (int i = 0; i < epq->nrefmarks; i++)
	{
		EPQRowMark &ref = epq->refmarks[i];
		bool isnull;
		Datum d = slot_getattr(planslot, ref.ctid_attno, &isnull);
		HeapTuple copy = nullptr;
		if (!isnull)
		{
			/* The row the statement's snapshot joined: it is still there
			 * (that snapshot keeps it from being removed). */
			HeapTupleData tuple;
			tuple.t_self = *reinterpret_cast<ItemPointer>(DatumGetPointer(d));
			Buffer buf = InvalidBuffer;
			if (!heap_fetch(ref.relation, SnapshotAny, &tuple, &buf))
				elog(ERROR, "failed to fetch tuple for EvalPlanQual recheck");
			MemoryContext old = MemoryContextSwitchTo(epq->estate->es_query_cxt);
			copy = heap_copytuple(&tuple);
			MemoryContextSwitchTo(old);
			ReleaseBuffer(buf);
		}
		EvalPlanQualSetTuple(epq, ref.rti, copy);
		epq->relsubs_blocked[ref.rti - 1] = isnull;
	}
}

void EvalPlanQualSetTuple(EPQState *epq, Index rti, HeapTuple tuple)
{
	if (epq->relsubs_tuple[rti - 1] != nullptr)
		heap_freetuple(epq->relsubs_tuple[rti - 1]);
	epq->relsubs_tuple[rti - 1] = tuple;
}

TupleTableSlot *EvalPlanQualNext(EPQState *epq)
{
	EState *estate = epq->estate;
	for (int i = 0; i < estate->es_range_table_size; i++)
		epq->relsubs_done[i] = false;
	ActiveRecheck active(estate, epq);
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	if (epq->recheckplanstate == nullptr)
		epq->recheckplanstate = ExecInitNode(epq->plan, estate, 0);
	else
		ExecReScan(epq->recheckplanstate);
	MemoryContextSwitchTo(old);
	TupleTableSlot *slot = ExecProcNode(epq->recheckplanstate);
	return TupIsNull(slot) ? nullptr : slot;
}

TupleTableSlot *EvalPlanQualLockAndRecheck(EPQState *epq, Relation rel, Index rti, ItemPointer tid,
										   const TM_FailureData &tmfd, LockTupleMode mode)
{
	ItemPointerData next = tmfd.ctid;
	HeapTuple newest = EvalPlanQualLockNewest(epq->estate, rel, &next, mode, LockWaitBlock);
	if (newest == nullptr)
		return nullptr;
	EvalPlanQualSetTuple(epq, rti, newest);
	*tid = newest->t_self;
	return EvalPlanQualNext(epq);
}

void EvalPlanQualEnd(EPQState *epq)
{
	if (epq == nullptr || epq->recheckplanstate == nullptr)
		return;
	ExecEndNode(epq->recheckplanstate);
	epq->recheckplanstate = nullptr;
}

bool EvalPlanQualScanNext(EState *estate, Index rti, TupleTableSlot *scanslot,
						  TupleTableSlot **slot)
{
	EPQState *epq = estate->es_epq_active;
	if (rti == 0)
		return false;
	if (epq->relsubs_tuple[rti - 1] == nullptr && !epq->relsubs_blocked[rti - 1])
		return false;
	if (epq->relsubs_done[rti - 1] || epq->relsubs_blocked[rti - 1])
	{
		*slot = nullptr;
		return true;
	}
	epq->relsubs_done[rti - 1] = true;
	*slot = ExecStoreHeapTuple(epq->relsubs_tuple[rti - 1], scanslot, false);
	return true;
}

void EvalPlanQualRescanScan(EState *estate, Index rti)
{
	EPQState *epq = estate->es_epq_active;
	if (rti != 0 && epq->relsubs_tuple[rti - 1] != nullptr)
		epq->relsubs_done[rti - 1] = false;
}
