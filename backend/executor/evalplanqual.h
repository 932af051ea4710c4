/*
 * backend/executor/evalplanqual.h — READ COMMITTED's re-check of a row that a
 * concurrent transaction updated (PostgreSQL's EvalPlanQual).
 *
 * When UPDATE or DELETE finds its target row updated by a transaction
 * that has since committed, READ COMMITTED does not fail: it locks the
 * newest version of the row (following the update chain) and runs the
 * statement's subplan again with the target relation's scan returning
 * just that version, every other relation read as before.  If the
 * version still qualifies the change is applied to it, with the new
 * values computed from it; if not (or the row was deleted), the row is
 * skipped.  REPEATABLE READ and SERIALIZABLE raise 40001 instead.
 *
 * Principal entry points: EvalPlanQualInit, EvalPlanQualLockAndRecheck
 * (or its pieces EvalPlanQualLockNewest, EvalPlanQualSetTuple and
 * EvalPlanQualNext), EvalPlanQualEnd; EvalPlanQualScanNext and EvalPlanQualRescanScan for
 * the scan nodes, which consult estate->es_epq_active.
 */
#ifndef TUSK_EXECUTOR_EVALPLANQUAL_H
#define TUSK_EXECUTOR_EVALPLANQUAL_H

#include "access/heapam.h"
#include "nodes/execnodes.h"

/*
 * One plan's re-check state, in the query's memory.  While the recheck
 * plan runs, estate->es_epq_active points here: a scan of range-table
 * entry rti returns relsubs_tuple[rti - 1] once (if set) instead of
 * reading its relation.
 */
struct EPQState
{
	EState *estate;
	Plan *plan;					 /* the subplan to run again */
	PlanState *recheckplanstate; /* its state, made at the first re-check */
	HeapTuple *relsubs_tuple;	 /* by rti - 1: the row to return, or NULL */
	bool *relsubs_done;			 /* by rti - 1: that row was returned */
	bool *relsubs_blocked;		 /* by rti - 1: the scan returns no row */
	struct EPQRowMark *refmarks; /* other relations, refetched by ctid */
	int nrefmarks;
};

/* Re-check state for plan (a ModifyTable's subplan), made in the query's
 * memory.  rowmarks: the plan's PlanRowMarks; the ROW_MARK_REFERENCE ones
 * name the other relations whose rows a re-check refetches by the ctid
 * the subplan output for them (junk column "ctid<rti>"). */
EPQState *EvalPlanQualInit(EState *estate, Plan *plan, List *rowmarks);

/* Before a re-check of the subplan's row planslot: each referenced
 * relation's scan returns just the row whose ctid planslot holds (none if
 * that ctid is NULL: an outer join found no row there). */
void EvalPlanQualFetchReferences(EPQState *epq, TupleTableSlot *planslot);

/*
 * The target row at *tid (range-table entry rti, relation rel) was
 * updated by a committed transaction, whose new version tmfd names.
 * Locks the newest version in mode (waiting for running changers) and
 * runs the subplan again on it.  Returns the subplan's row for that
 * version and sets *tid to it, or returns NULL if the row was deleted or
 * no longer satisfies the statement's conditions: then the caller skips
 * it.  The returned slot is valid until the next re-check.
 */
TupleTableSlot *EvalPlanQualLockAndRecheck(EPQState *epq, Relation rel, Index rti, ItemPointer tid,
										   const TM_FailureData &tmfd, LockTupleMode mode);

/*
 * The pieces, for LockRows: lock the newest version of a row, starting
 * at *tid (the next version of the one found), waiting as wait_policy
 * says; a copy in the query's memory (*tid set to it), or NULL if the row
 * was deleted, is locked and SKIP LOCKED applies, or this command changed
 * it already.
 */
HeapTuple EvalPlanQualLockNewest(EState *estate, Relation rel, ItemPointer tid, LockTupleMode mode,
								 LockWaitPolicy wait_policy);
/* The row the scan of rti returns during re-checks (the EPQState owns it). */
void EvalPlanQualSetTuple(EPQState *epq, Index rti, HeapTuple tuple);
/* Run the recheck plan from its start: its first row, or NULL. */
TupleTableSlot *EvalPlanQualNext(EPQState *epq);

void EvalPlanQualEnd(EPQState *epq);

/*
 * For a scan node of relation rti while a re-check runs: true if the scan
 * is replaced by the re-check's row, with *slot set to that row (stored
 * in scanslot) or NULL when it was already returned.  False: the scan
 * reads its relation as usual.
 */
bool EvalPlanQualScanNext(EState *estate, Index rti, TupleTableSlot *scanslot,
						  TupleTableSlot **slot);
/* A rescan of relation rti's scan during a re-check returns its row again. */
void EvalPlanQualRescanScan(EState *estate, Index rti);

#endif
