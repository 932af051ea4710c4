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
 * next.  Other relations are scanned again with the statement's snapshot,
 * which sees the rows the first run joined (PostgreSQL instead refetches
 * exactly the joined row through row marks; with several matching rows
 * of another relation the re-check uses the first that qualifies).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "evalplanqual.h"
#include "executor/executor.h"
#include "storage/bufmgr.h"
#include "utils/memutils.h"

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

EPQState *EvalPlanQualInit(EState *estate, Plan *plan)
{
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	auto *epq = static_cast<EPQState *>(palloc0(sizeof(EPQState)));
	epq->estate = estate;
	epq->plan = plan;
	int n = Max(estate->es_range_table_size, 1);
	epq->relsubs_tuple = static_cast<HeapTuple *>(palloc0(n * sizeof(HeapTuple)));
	epq->relsubs_done = static_cast<bool *>(palloc0(n * sizeof(bool)));
	MemoryContextSwitchTo(old);
	return epq;
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
	if (rti == 0 || epq->relsubs_tuple[rti - 1] == nullptr)
		return false;
	if (epq->relsubs_done[rti - 1])
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
