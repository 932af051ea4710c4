/*
 * heapam_visibility.cpp — tuple visibility (see access/heapam.h).
 *
 * Principal entry points: HeapTupleSatisfiesVisibility,
 * HeapTupleSatisfiesUpdate, HeapTupleSatisfiesVacuum.
 *
 * PostgreSQL's rules, case for case (without pre-9.0 moved tuples, which
 * Tusk never had).  Each check first
 * settles the inserting transaction (xmin), then the deleting or locking
 * one (xmax):
 *   - hint bits, when set, answer at once;
 *   - our own transaction is judged by command ids against the
 *     snapshot's curcid;
 *   - MVCC snapshots ask the snapshot whether the transaction was running
 *     when it was taken; the other kinds ask the ProcArray whether it is
 *     running now;
 *   - otherwise the commit log says committed, or else it aborted (or
 *     crashed), and a hint bit records that.
 * The order matters: a transaction leaves the ProcArray only after its
 * status is in the commit log, so "not running" and "not committed" means
 * it did not commit.
 *
 * A multixact xmax (HEAP_XMAX_IS_MULTI) that only locks leaves the tuple
 * as visible as no xmax does; one with an updating member is judged by
 * that member.  Commit hints are never set for a multixact (its lockers
 * may still run); XMAX_INVALID is, once no member runs and no updater
 * committed.
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/multixact.h"
#include "access/xlog.h"
#include "storage/bufmgr.h"
#include "storage/procarray.h"
#include "utils/snapmgr.h"

namespace {

FullTransactionId Xmin(HeapTupleHeader t)
{
	return HeapTupleHeaderGetRawXminFull(t);
}

FullTransactionId Xmax(HeapTupleHeader t)
{
	return HeapTupleHeaderGetRawXmaxFull(t);
}

bool IsCurrent(FullTransactionId xid)
{
	return FullTransactionIdIsCurrentTransactionId(xid);
}

bool IsLockedOnly(HeapTupleHeader t)
{
	return HEAP_XMAX_IS_LOCKED_ONLY(t->t_infomask);
}

void SetHint(HeapTupleHeader t, Buffer buffer, uint16 infomask, FullTransactionId xid)
{
	HeapTupleSetHintBits(t, buffer, infomask, xid);
}

bool IsMulti(HeapTupleHeader t)
{
	return (t->t_infomask & HEAP_XMAX_IS_MULTI) != 0;
}

/* For a multixact xmax: whether any member (ours included) still runs. */
bool MultiRunning(HeapTupleHeader t)
{
	return MultiXactIdIsRunning(t->t_xmax, IsLockedOnly(t));
}

/*
 * SnapshotSelf: committed now, plus all of our own changes.  With dirty
 * (SnapshotDirty) also rows others are inserting, and it reports the
 * running inserter or deleter in dirty->xmin / dirty->xmax.  PostgreSQL
 * has two functions that differ only in those two places.
 */
bool SatisfiesSelfOrDirty(HeapTupleHeader t, Buffer buffer, Snapshot dirty)
{
	if (dirty != nullptr)
	{
		dirty->xmin = dirty->xmax = InvalidFullTransactionId;
		dirty->speculativeToken = 0;
	}
	if (!HeapTupleHeaderXminCommitted(t))
	{
		if (HeapTupleHeaderXminInvalid(t))
			return false;
		if (IsCurrent(Xmin(t)))
		{
			if (t->t_infomask & HEAP_XMAX_INVALID)
				return true;
			if (IsLockedOnly(t))
				return true;
			if (IsMulti(t))
				return !IsCurrent(HeapTupleGetUpdateXid(t)); /* else our update aborted */
			if (!IsCurrent(Xmax(t)))
			{
				SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
				return true;
			}
			return false;
		}
		if (FullTransactionIdIsInProgress(Xmin(t)))
		{
			if (dirty == nullptr)
				return false;
			dirty->xmin = Xmin(t); /* being inserted by another */
			return true;
		}
		if (FullTransactionIdDidCommit(Xmin(t)))
			SetHint(t, buffer, HEAP_XMIN_COMMITTED, Xmin(t));
		else
		{
			SetHint(t, buffer, HEAP_XMIN_INVALID, InvalidFullTransactionId);
			return false;
		}
	}
	if (t->t_infomask & HEAP_XMAX_INVALID)
		return true;
	if (t->t_infomask & HEAP_XMAX_COMMITTED)
		return IsLockedOnly(t);
	if (IsMulti(t))
	{
		if (IsLockedOnly(t))
			return true;
		FullTransactionId updater = HeapTupleGetUpdateXid(t);
		if (IsCurrent(updater))
			return false;
		if (FullTransactionIdIsInProgress(updater))
		{
			if (dirty != nullptr)
				dirty->xmax = updater; /* being updated by another */
			return true;
		}
		return !FullTransactionIdDidCommit(updater);
	}
	if (IsCurrent(Xmax(t)))
		return IsLockedOnly(t);
	if (FullTransactionIdIsInProgress(Xmax(t)))
	{
		if (dirty != nullptr && !IsLockedOnly(t))
			dirty->xmax = Xmax(t); /* being deleted by another */
		return true;
	}
	if (!FullTransactionIdDidCommit(Xmax(t)))
	{
		SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
		return true;
	}
	if (IsLockedOnly(t))
	{
		SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
		return true;
	}
	SetHint(t, buffer, HEAP_XMAX_COMMITTED, Xmax(t));
	return false;
}

bool SatisfiesMVCC(HeapTupleHeader t, Snapshot snapshot, Buffer buffer)
{
	if (!HeapTupleHeaderXminCommitted(t))
	{
		if (HeapTupleHeaderXminInvalid(t))
			return false;
		if (IsCurrent(Xmin(t)))
		{
			if (HeapTupleHeaderGetCmin(t) >= snapshot->curcid)
				return false; /* inserted by a later command */
			if (t->t_infomask & HEAP_XMAX_INVALID)
				return true;
			if (IsLockedOnly(t))
				return true;
			if (IsMulti(t) && !IsCurrent(HeapTupleGetUpdateXid(t)))
				return true; /* our update aborted (a subtransaction) */
			if (!IsMulti(t) && !IsCurrent(Xmax(t)))
			{
				SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
				return true;
			}
			/* Deleted by us: visible to commands before the deleting one. */
			return HeapTupleHeaderGetCmax(t) >= snapshot->curcid;
		}
		if (XidInMVCCSnapshot(Xmin(t), snapshot))
			return false;
		if (FullTransactionIdDidCommit(Xmin(t)))
			SetHint(t, buffer, HEAP_XMIN_COMMITTED, Xmin(t));
		else
		{
			SetHint(t, buffer, HEAP_XMIN_INVALID, InvalidFullTransactionId);
			return false;
		}
	}
	else if (!HeapTupleHeaderXminFrozen(t) && XidInMVCCSnapshot(Xmin(t), snapshot))
		return false; /* committed, but after the snapshot */

	if (t->t_infomask & HEAP_XMAX_INVALID)
		return true;
	if (IsLockedOnly(t))
		return true;
	if (IsMulti(t))
	{
		FullTransactionId updater = HeapTupleGetUpdateXid(t);
		if (IsCurrent(updater))
			return HeapTupleHeaderGetCmax(t) >= snapshot->curcid;
		if (XidInMVCCSnapshot(updater, snapshot))
			return true;
		return !FullTransactionIdDidCommit(updater);
	}
	if (!(t->t_infomask & HEAP_XMAX_COMMITTED))
	{
		if (IsCurrent(Xmax(t)))
			return HeapTupleHeaderGetCmax(t) >= snapshot->curcid;
		if (XidInMVCCSnapshot(Xmax(t), snapshot))
			return true;
		if (!FullTransactionIdDidCommit(Xmax(t)))
		{
			SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
			return true;
		}
		SetHint(t, buffer, HEAP_XMAX_COMMITTED, Xmax(t));
	}
	else if (XidInMVCCSnapshot(Xmax(t), snapshot))
		return true; /* deleted, but after the snapshot */
	return false;
}

}  // namespace

FullTransactionId HeapTupleGetUpdateXid(HeapTupleHeader tup)
{
	if (tup->t_infomask & HEAP_XMAX_IS_MULTI)
		return MultiXactIdGetUpdateXid(tup->t_xmax);
	return HeapTupleHeaderGetRawXmaxFull(tup);
}

void HeapTupleSetHintBits(HeapTupleHeader tuple, Buffer buffer, uint16 infomask,
						  FullTransactionId xid)
{
	/* An asynchronous commit whose record may still be lost in a crash:
	 * the hint may reach disk only with a page whose own LSN already
	 * forces that record out first. */
	if (FullTransactionIdIsValid(xid))
	{
		XLogRecPtr commitLSN = TransactionIdGetCommitLSN(xid);
		if (XLogNeedsFlush(commitLSN) && BufferGetLSNAtomic(buffer) < commitLSN)
			return;
	}
	tuple->t_infomask |= infomask;
	MarkBufferDirtyHint(buffer, true);
}

bool HeapTupleSatisfiesVisibility(HeapTuple htup, Snapshot snapshot, Buffer buffer)
{
	HeapTupleHeader t = htup->t_data;
	switch (snapshot->snapshot_type)
	{
		case SNAPSHOT_MVCC:
			return SatisfiesMVCC(t, snapshot, buffer);
		case SNAPSHOT_SELF:
			return SatisfiesSelfOrDirty(t, buffer, nullptr);
		case SNAPSHOT_ANY:
			return true;
		case SNAPSHOT_DIRTY:
			return SatisfiesSelfOrDirty(t, buffer, snapshot);
		case SNAPSHOT_NON_VACUUMABLE:
			return HeapTupleSatisfiesVacuum(htup, snapshot->vistest_horizon, buffer) !=
				HEAPTUPLE_DEAD;
		case SNAPSHOT_TOAST:
			/* A chunk is read only through a TOAST pointer in a row the
			 * reader can see, so every chunk is good but an aborted
			 * inserter's (PostgreSQL's HeapTupleSatisfiesToast). */
			return !HeapTupleHeaderXminInvalid(t);
		case SNAPSHOT_HISTORIC_MVCC:
			break;
	}
	elog(ERROR, "unsupported snapshot type %d", static_cast<int>(snapshot->snapshot_type));
	return false;
}

TM_Result HeapTupleSatisfiesUpdate(HeapTuple htup, CommandId curcid, Buffer buffer)
{
	HeapTupleHeader t = htup->t_data;
	if (!HeapTupleHeaderXminCommitted(t))
	{
		if (HeapTupleHeaderXminInvalid(t))
			return TM_Invisible;
		if (IsCurrent(Xmin(t)))
		{
			if (HeapTupleHeaderGetCmin(t) >= curcid)
				return TM_Invisible; /* inserted by a later command */
			if (t->t_infomask & HEAP_XMAX_INVALID)
				return TM_Ok;
			if (IsLockedOnly(t))
			{
				/* Ours, but perhaps locked by others meanwhile. */
				if (IsMulti(t))
					return MultiRunning(t) ? TM_BeingModified : TM_Ok;
				return FullTransactionIdIsInProgress(Xmax(t)) ? TM_BeingModified : TM_Ok;
			}
			if (IsMulti(t) && !IsCurrent(HeapTupleGetUpdateXid(t)))
				return MultiRunning(t) ? TM_BeingModified : TM_Ok; /* our update aborted */
			if (!IsMulti(t) && !IsCurrent(Xmax(t)))
			{
				SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
				return TM_Ok;
			}
			return HeapTupleHeaderGetCmax(t) >= curcid ? TM_SelfModified : TM_Invisible;
		}
		if (FullTransactionIdIsInProgress(Xmin(t)))
			return TM_Invisible;
		if (FullTransactionIdDidCommit(Xmin(t)))
			SetHint(t, buffer, HEAP_XMIN_COMMITTED, Xmin(t));
		else
		{
			SetHint(t, buffer, HEAP_XMIN_INVALID, InvalidFullTransactionId);
			return TM_Invisible;
		}
	}

	bool moved = !ItemPointerEquals(&htup->t_self, &t->t_ctid);
	if (t->t_infomask & HEAP_XMAX_INVALID)
		return TM_Ok;
	if (t->t_infomask & HEAP_XMAX_COMMITTED)
	{
		if (IsLockedOnly(t))
			return TM_Ok;
		return moved ? TM_Updated : TM_Deleted;
	}
	if (IsMulti(t))
	{
		if (IsLockedOnly(t))
		{
			if (MultiRunning(t))
				return TM_BeingModified;
			SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
			return TM_Ok;
		}
		FullTransactionId updater = HeapTupleGetUpdateXid(t);
		if (IsCurrent(updater))
			return HeapTupleHeaderGetCmax(t) >= curcid ? TM_SelfModified : TM_Invisible;
		if (FullTransactionIdIsInProgress(updater))
			return TM_BeingModified;
		if (FullTransactionIdDidCommit(updater))
			return moved ? TM_Updated : TM_Deleted;
		/* The updater aborted: lockers may remain. */
		if (MultiRunning(t))
			return TM_BeingModified;
		SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
		return TM_Ok;
	}
	if (IsCurrent(Xmax(t)))
	{
		if (IsLockedOnly(t))
			return TM_BeingModified;
		return HeapTupleHeaderGetCmax(t) >= curcid ? TM_SelfModified : TM_Invisible;
	}
	if (FullTransactionIdIsInProgress(Xmax(t)))
		return TM_BeingModified;
	if (!FullTransactionIdDidCommit(Xmax(t)))
	{
		SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
		return TM_Ok;
	}
	if (IsLockedOnly(t))
	{
		SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
		return TM_Ok;
	}
	SetHint(t, buffer, HEAP_XMAX_COMMITTED, Xmax(t));
	return moved ? TM_Updated : TM_Deleted;
}

HTSV_Result HeapTupleSatisfiesVacuum(HeapTuple htup, FullTransactionId oldestXmin, Buffer buffer)
{
	HeapTupleHeader t = htup->t_data;
	if (!HeapTupleHeaderXminCommitted(t))
	{
		if (HeapTupleHeaderXminInvalid(t))
			return HEAPTUPLE_DEAD;
		if (IsCurrent(Xmin(t)))
		{
			if (t->t_infomask & HEAP_XMAX_INVALID)
				return HEAPTUPLE_INSERT_IN_PROGRESS;
			if (IsLockedOnly(t))
				return HEAPTUPLE_INSERT_IN_PROGRESS;
			if (IsCurrent(IsMulti(t) ? HeapTupleGetUpdateXid(t) : Xmax(t)))
				return HEAPTUPLE_DELETE_IN_PROGRESS;
			return HEAPTUPLE_INSERT_IN_PROGRESS;
		}
		/* Being inserted elsewhere: callers wait for xmin, never xmax. */
		if (FullTransactionIdIsInProgress(Xmin(t)))
			return HEAPTUPLE_INSERT_IN_PROGRESS;
		if (FullTransactionIdDidCommit(Xmin(t)))
			SetHint(t, buffer, HEAP_XMIN_COMMITTED, Xmin(t));
		else
		{
			SetHint(t, buffer, HEAP_XMIN_INVALID, InvalidFullTransactionId);
			return HEAPTUPLE_DEAD;
		}
	}
	if (t->t_infomask & HEAP_XMAX_INVALID)
		return HEAPTUPLE_LIVE;
	if (IsLockedOnly(t))
	{
		/* Only locked: live whatever became of the locker. */
		if (IsMulti(t) ? !MultiRunning(t) : !FullTransactionIdIsInProgress(Xmax(t)))
			SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
		return HEAPTUPLE_LIVE;
	}
	if (IsMulti(t))
	{
		FullTransactionId updater = HeapTupleGetUpdateXid(t);
		if (FullTransactionIdIsInProgress(updater))
			return HEAPTUPLE_DELETE_IN_PROGRESS;
		if (!FullTransactionIdDidCommit(updater))
		{
			if (!MultiRunning(t))
				SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
			return HEAPTUPLE_LIVE;
		}
		return FullTransactionIdPrecedes(updater, oldestXmin) ? HEAPTUPLE_DEAD
															  : HEAPTUPLE_RECENTLY_DEAD;
	}
	if (!(t->t_infomask & HEAP_XMAX_COMMITTED))
	{
		if (FullTransactionIdIsInProgress(Xmax(t)))
			return HEAPTUPLE_DELETE_IN_PROGRESS;
		if (FullTransactionIdDidCommit(Xmax(t)))
			SetHint(t, buffer, HEAP_XMAX_COMMITTED, Xmax(t));
		else
		{
			SetHint(t, buffer, HEAP_XMAX_INVALID, InvalidFullTransactionId);
			return HEAPTUPLE_LIVE;
		}
	}
	/* Deleted by a committed transaction: dead once nobody can see it. */
	if (FullTransactionIdPrecedes(Xmax(t), oldestXmin))
		return HEAPTUPLE_DEAD;
	return HEAPTUPLE_RECENTLY_DEAD;
}
