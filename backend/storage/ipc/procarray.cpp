/*
 * procarray.cpp — the dense array of live backends' PGPROC numbers.
 *
 * Principal entry points: CreateSharedProcArray, ProcArrayAdd,
 * ProcArrayRemove, GetSnapshotData, ProcArrayEndTransaction,
 * FullTransactionIdIsInProgress, GetOldestNonRemovableFullTransactionId,
 * BackendPidGetProc, CountDBBackends.
 *
 * Kept dense and sorted by pgprocno (as PostgreSQL keeps it) so that
 * scans touch only live entries and visit PGPROCs in memory order.
 * Readers hold ProcArrayLock shared, writers exclusive.
 *
 * Snapshots.  A transaction's id is published in its PGPROC when assigned
 * (under XidGenLock, varsup.cpp) and cleared when it ends, under
 * ProcArrayLock held exclusively — after its commit is in the commit log.
 * A snapshot, under ProcArrayLock shared, reads the next id to be assigned
 * (its xmax) and then the published ids: every id below xmax was
 * published before xmax was read, so a running one cannot be missed, and
 * one that is not there has finished and its outcome is in the commit log.
 * (PostgreSQL takes xmax from latestCompletedXid instead, to avoid
 * XidGenLock; one more shared lock per snapshot is simpler for now.)
 */
#include "postgres.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <algorithm>
#include <type_traits>
#include <vector>

#include "access/subtrans.h"
#include "access/transam.h"
#include "access/xact.h"
#include "miscadmin.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "storage/shmem.h"
#include "utils/errcodes.h"
#include "utils/snapmgr.h"

namespace {

struct ProcArrayStruct
{
	int numProcs;
	int maxProcs;
	int pgprocnos[]; /* sorted, numProcs of them */
};
static_assert(std::is_trivially_copyable_v<ProcArrayStruct>);

ProcArrayStruct *procArray = nullptr;

}  // namespace

Size ProcArrayShmemSize(void)
{
	return add_size(offsetof(ProcArrayStruct, pgprocnos), mul_size(MaxBackends, sizeof(int)));
}

void CreateSharedProcArray(void)
{
	bool found;
	procArray = static_cast<ProcArrayStruct *>(
		ShmemInitStruct("Proc Array", ProcArrayShmemSize(), &found));
	if (!found)
	{
		procArray->numProcs = 0;
		procArray->maxProcs = MaxBackends;
	}
}

void ProcArrayAdd(PGPROC *proc)
{
	tusk::LWLockGuard lock(ProcArrayLock, LW_EXCLUSIVE);
	if (procArray->numProcs >= procArray->maxProcs)
	{
		lock.Release();
		ereport(FATAL, errcode(ERRCODE_TOO_MANY_CONNECTIONS),
				errmsg("sorry, too many clients already"));
	}
	int i = procArray->numProcs;
	while (i > 0 && procArray->pgprocnos[i - 1] > proc->pgprocno)
	{
		procArray->pgprocnos[i] = procArray->pgprocnos[i - 1];
		i--;
	}
	procArray->pgprocnos[i] = proc->pgprocno;
	procArray->numProcs++;
}

void ProcArrayRemove(PGPROC *proc)
{
	tusk::LWLockGuard lock(ProcArrayLock, LW_EXCLUSIVE);
	int n = procArray->numProcs;
	for (int i = 0; i < n; i++)
	{
		if (procArray->pgprocnos[i] != proc->pgprocno)
			continue;
		memmove(&procArray->pgprocnos[i], &procArray->pgprocnos[i + 1], (n - i - 1) * sizeof(int));
		procArray->numProcs--;
		return;
	}
	lock.Release();
	elog(LOG, "failed to find proc %p in ProcArray", static_cast<void *>(proc));
}

PGPROC *BackendPidGetProc(int pid)
{
	if (pid == 0)
		return nullptr;
	tusk::LWLockGuard lock(ProcArrayLock, LW_SHARED);
	for (int i = 0; i < procArray->numProcs; i++)
	{
		PGPROC *proc = &ProcGlobal->allProcs[procArray->pgprocnos[i]];
		if (proc->pid == pid)
			return proc;
	}
	return nullptr;
}

int CountDBBackends(Oid databaseid)
{
	int count = 0;
	tusk::LWLockGuard lock(ProcArrayLock, LW_SHARED);
	for (int i = 0; i < procArray->numProcs; i++)
	{
		PGPROC *proc = &ProcGlobal->allProcs[procArray->pgprocnos[i]];
		if (proc->pid == 0)
			continue;
		if (!OidIsValid(databaseid) || proc->databaseId == databaseid)
			count++;
	}
	return count;
}

int CountUserBackends(Oid roleid)
{
	int count = 0;
	tusk::LWLockGuard lock(ProcArrayLock, LW_SHARED);
	for (int i = 0; i < procArray->numProcs; i++)
	{
		PGPROC *proc = &ProcGlobal->allProcs[procArray->pgprocnos[i]];
		if (proc->pid != 0 && proc->roleId == roleid)
			count++;
	}
	return count;
}

namespace {

PGPROC *ProcAt(int i)
{
	return &ProcGlobal->allProcs[procArray->pgprocnos[i]];
}

}  // namespace

Snapshot GetSnapshotData(Snapshot snapshot)
{
	if (snapshot->xip == nullptr)
	{
		snapshot->xip = static_cast<FullTransactionId *>(
			malloc(sizeof(FullTransactionId) * static_cast<size_t>(procArray->maxProcs)));
		if (snapshot->xip == nullptr)
			ereport(ERROR, errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory"));
	}
	if (snapshot->subxip == nullptr)
	{
		snapshot->subxip = static_cast<FullTransactionId *>(
			malloc(sizeof(FullTransactionId) * static_cast<size_t>(procArray->maxProcs) *
				   PGPROC_MAX_CACHED_SUBXIDS));
		if (snapshot->subxip == nullptr)
			ereport(ERROR, errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory"));
	}
	tusk::LWLockGuard lock(ProcArrayLock, LW_SHARED);
	uint64 xmax = U64FromFullTransactionId(ReadNextFullTransactionId());
	uint64 xmin = xmax;
	uint32 count = 0;
	int32 subcount = 0;
	bool suboverflowed = false;
	for (int i = 0; i < procArray->numProcs; i++)
	{
		PGPROC *proc = ProcAt(i);
		uint64 xid = pg_atomic_read_u64(&proc->xid);
		/* Our own id is told apart by TransactionIdIsCurrentTransactionId. */
		if (xid == 0 || proc == MyProc || xid >= xmax)
			continue;
		xmin = Min(xmin, xid);
		snapshot->xip[count++] = FullTransactionIdFromU64(xid);
		/* Subtransaction ids are greater than their top's, so xmin stays.
		 * The count is read before the ids it covers (stored first). */
		if (pg_atomic_read_u32(&proc->subxidOverflowed) != 0)
			suboverflowed = true;
		uint32 nsub = pg_atomic_read_u32(&proc->subxidCount);
		pg_read_barrier();
		for (uint32 j = 0; j < nsub; j++)
		{
			uint64 subxid = pg_atomic_read_u64(&proc->subxids[j]);
			if (subxid < xmax)
				snapshot->subxip[subcount++] = FullTransactionIdFromU64(subxid);
		}
	}
	if (MyProc != nullptr && pg_atomic_read_u64(&MyProc->xmin) == 0)
	{
		/* Set while we hold the lock, so that no VACUUM computing its
		 * horizon now can miss us. */
		pg_atomic_write_u64(&MyProc->xmin, xmin);
	}
	lock.Release();

	if (!FullTransactionIdIsValid(TransactionXmin))
		TransactionXmin = FullTransactionIdFromU64(xmin);
	snapshot->xmin = FullTransactionIdFromU64(xmin);
	snapshot->xmax = FullTransactionIdFromU64(xmax);
	snapshot->xcnt = count;
	snapshot->subxcnt = subcount;
	snapshot->suboverflowed = suboverflowed;
	snapshot->curcid = GetCurrentCommandId(false);
	snapshot->takenDuringRecovery = false;
	snapshot->active_count = 0;
	snapshot->regd_count = 0;
	snapshot->copied = false;
	return snapshot;
}

void ProcArrayEndTransaction(PGPROC *proc)
{
	if (proc == nullptr)
		return;
	if (pg_atomic_read_u64(&proc->xid) == 0)
	{
		/* No id: nobody can be waiting for it, no lock needed (only our
		 * xmin goes, and dropping it early is harmless to others). */
		pg_atomic_write_u64(&proc->xmin, 0);
		return;
	}
	tusk::LWLockGuard lock(ProcArrayLock, LW_EXCLUSIVE);
	pg_atomic_write_u64(&proc->xid, 0);
	pg_atomic_write_u32(&proc->subxidCount, 0);
	pg_atomic_write_u32(&proc->subxidOverflowed, 0);
	pg_atomic_write_u64(&proc->xmin, 0);
}

void XidCacheRemoveRunningXids(FullTransactionId xid, int nxids, const FullTransactionId *xids)
{
	tusk::LWLockGuard lock(ProcArrayLock, LW_EXCLUSIVE);
	auto remove = [](uint64 gone) {
		uint32 n = pg_atomic_read_u32(&MyProc->subxidCount);
		for (uint32 j = n; j-- > 0;)
			if (pg_atomic_read_u64(&MyProc->subxids[j]) == gone)
			{
				/* The last one fills the hole; readers hold the lock shared. */
				pg_atomic_write_u64(&MyProc->subxids[j],
									pg_atomic_read_u64(&MyProc->subxids[n - 1]));
				pg_atomic_write_u32(&MyProc->subxidCount, n - 1);
				return;
			}
	};
	for (int i = nxids; i-- > 0;)
		remove(U64FromFullTransactionId(xids[i]));
	remove(U64FromFullTransactionId(xid));
}

bool FullTransactionIdIsInProgress(FullTransactionId xid)
{
	if (!FullTransactionIdIsNormal(xid))
		return false;
	if (FullTransactionIdIsCurrentTransactionId(xid))
		return true;
	uint64 wanted = U64FromFullTransactionId(xid);
	/* Top-level ids of overflowed caches that could be xid's top. */
	std::vector<uint64> overflowed;
	{
		tusk::LWLockGuard lock(ProcArrayLock, LW_SHARED);
		for (int i = 0; i < procArray->numProcs; i++)
		{
			PGPROC *proc = ProcAt(i);
			uint64 top = pg_atomic_read_u64(&proc->xid);
			if (top == wanted)
				return true;
			/* A subtransaction's id is greater than its top's. */
			if (top == 0 || top > wanted)
				continue;
			uint32 nsub = pg_atomic_read_u32(&proc->subxidCount);
			pg_read_barrier();
			for (uint32 j = 0; j < nsub; j++)
				if (pg_atomic_read_u64(&proc->subxids[j]) == wanted)
					return true;
			if (pg_atomic_read_u32(&proc->subxidOverflowed) != 0)
				overflowed.push_back(top);
		}
	}
	if (overflowed.empty())
		return false;
	/* xid may be a subtransaction that did not fit its cache: an aborted
	 * one is over whatever its top does; otherwise it runs as long as its
	 * top-level transaction (read after the ProcArray, as PostgreSQL does:
	 * a top that ended meanwhile is found ended below or in the clog). */
	if (FullTransactionIdDidAbort(xid))
		return false;
	FullTransactionId top = SubTransGetTopmostTransaction(xid);
	if (FullTransactionIdEquals(top, xid))
		return false;
	if (std::find(overflowed.begin(), overflowed.end(), U64FromFullTransactionId(top)) ==
		overflowed.end())
		return false;
	return FullTransactionIdIsInProgress(top);
}

FullTransactionId GetOldestNonRemovableFullTransactionId(void)
{
	tusk::LWLockGuard lock(ProcArrayLock, LW_SHARED);
	uint64 horizon = U64FromFullTransactionId(ReadNextFullTransactionId());
	for (int i = 0; i < procArray->numProcs; i++)
	{
		PGPROC *proc = ProcAt(i);
		uint64 xid = pg_atomic_read_u64(&proc->xid);
		uint64 xmin = pg_atomic_read_u64(&proc->xmin);
		if (xid != 0)
			horizon = Min(horizon, xid);
		if (xmin != 0)
			horizon = Min(horizon, xmin);
	}
	return FullTransactionIdFromU64(horizon);
}

int CountOtherDBBackends(Oid databaseid)
{
	int count = 0;
	tusk::LWLockGuard lock(ProcArrayLock, LW_SHARED);
	for (int i = 0; i < procArray->numProcs; i++)
	{
		PGPROC *proc = ProcAt(i);
		if (proc != MyProc && proc->pid != 0 && proc->databaseId == databaseid)
			count++;
	}
	return count;
}

int CountOtherDBClientBackends(Oid databaseid)
{
	int count = 0;
	tusk::LWLockGuard lock(ProcArrayLock, LW_SHARED);
	for (int i = 0; i < procArray->numProcs; i++)
	{
		PGPROC *proc = ProcAt(i);
		if (proc != MyProc && proc->pid != 0 && proc->databaseId == databaseid &&
			!proc->isBackgroundWorker)
			count++;
	}
	return count;
}

int GetDBBackgroundWorkerPids(Oid databaseid, int *pids, int max)
{
	int count = 0;
	tusk::LWLockGuard lock(ProcArrayLock, LW_SHARED);
	for (int i = 0; i < procArray->numProcs; i++)
	{
		PGPROC *proc = ProcAt(i);
		if (proc != MyProc && proc->pid != 0 && proc->databaseId == databaseid &&
			proc->isBackgroundWorker)
		{
			if (count < max)
				pids[count] = proc->pid;
			count++;
		}
	}
	return count;
}

void TerminateOtherDBBackends(Oid databaseid)
{
	std::vector<int> pids;
	{
		tusk::LWLockGuard lock(ProcArrayLock, LW_SHARED);
		for (int i = 0; i < procArray->numProcs; i++)
		{
			PGPROC *proc = ProcAt(i);
			if (proc != MyProc && proc->pid != 0 && proc->databaseId == databaseid)
				pids.push_back(proc->pid);
		}
	}
	for (int pid : pids)
		(void) kill(pid, SIGTERM);
}
