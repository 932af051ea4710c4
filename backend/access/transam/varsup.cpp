/*
 * varsup.cpp — the shared counters of transaction ids and OIDs (see
 * access/transam.h).
 *
 * Principal entry points: GetNewTransactionId, GetNewObjectId.
 *
 * Both counters live in shared memory under XidGenLock.  Their values
 * survive a crash through the WAL: every checkpoint record carries them,
 * replay advances the id counter past every id it sees in a record, and
 * OIDs are logged in batches (XLOG_NEXTOID, 8192 at a time, as in
 * PostgreSQL), so no id or OID is ever handed out twice.
 */
#include "postgres.h"

#include <type_traits>

#include "access/clog.h"
#include "access/subtrans.h"
#include "access/rmgr.h"
#include "access/transam.h"
#include "access/xlog.h"
#include "access/xloginsert.h"
#include "catalog/pg_control.h"
#include "miscadmin.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "utils/errcodes.h"

namespace {

constexpr uint32 kOidPrefetch = 8192;

struct VariableCache
{
	FullTransactionId nextXid;
	Oid nextOid;
	uint32 oidCount; /* OIDs available before logging more */
};
static_assert(std::is_trivially_copyable_v<VariableCache>);

VariableCache *cache = nullptr;

}  // namespace

Size VarsupShmemSize(void)
{
	return sizeof(VariableCache);
}

void VarsupShmemInit(void)
{
	bool found;
	cache = static_cast<VariableCache *>(
		ShmemInitStruct("Variable Cache", sizeof(VariableCache), &found));
	if (!found)
	{
		cache->nextXid = FirstNormalFullTransactionId;
		cache->nextOid = FirstNormalObjectId;
		cache->oidCount = 0;
	}
}

FullTransactionId GetNewTransactionId(bool isSubXact)
{
	if (RecoveryInProgress())
		elog(ERROR, "cannot assign TransactionIds during recovery");
	tusk::LWLockGuard lock(XidGenLock, LW_EXCLUSIVE);
	FullTransactionId xid = cache->nextXid;
	/* The commit-log and pg_subtrans pages must exist before anyone can
	 * look the id up. */
	ExtendCLOG(xid);
	ExtendSUBTRANS(xid);
	cache->nextXid = FullTransactionIdFromU64(U64FromFullTransactionId(xid) + 1);
	/* Published before the lock is released: a snapshot whose xmax is
	 * past this id (read under XidGenLock later) finds it in the ProcArray. */
	if (MyProc == nullptr)
		return xid;
	if (!isSubXact)
		pg_atomic_write_u64(&MyProc->xid, U64FromFullTransactionId(xid));
	else
	{
		/* Only this process raises its own count.  The id before the
		 * count: a reader that sees the count sees it.  A full cache
		 * overflows: readers climb pg_subtrans from then on (the caller
		 * records the parent there before any tuple carries the id, and
		 * only ids found in tuples are looked up). */
		uint32 n = pg_atomic_read_u32(&MyProc->subxidCount);
		if (n >= PGPROC_MAX_CACHED_SUBXIDS)
			pg_atomic_write_u32(&MyProc->subxidOverflowed, 1);
		else
		{
			pg_atomic_write_u64(&MyProc->subxids[n], U64FromFullTransactionId(xid));
			pg_write_barrier();
			pg_atomic_write_u32(&MyProc->subxidCount, n + 1);
		}
	}
	return xid;
}

FullTransactionId ReadNextFullTransactionId(void)
{
	tusk::LWLockGuard lock(XidGenLock, LW_SHARED);
	return cache->nextXid;
}

void SetNextFullTransactionId(FullTransactionId next)
{
	tusk::LWLockGuard lock(XidGenLock, LW_EXCLUSIVE);
	cache->nextXid = next;
}

void AdvanceNextFullTransactionIdPastXid(FullTransactionId xid)
{
	if (!FullTransactionIdIsNormal(xid))
		return;
	tusk::LWLockGuard lock(XidGenLock, LW_EXCLUSIVE);
	if (FullTransactionIdFollowsOrEquals(xid, cache->nextXid))
	{
		FullTransactionId next = FullTransactionIdFromU64(U64FromFullTransactionId(xid) + 1);
		/* Pages for the ids in between: replay may set their status. */
		for (uint64 x = U64FromFullTransactionId(cache->nextXid); x < next.value; x++)
			ExtendCLOG(FullTransactionIdFromU64(x));
		cache->nextXid = next;
	}
}

Oid GetNewObjectId(void)
{
	if (RecoveryInProgress())
		elog(ERROR, "cannot assign OIDs during recovery");
	tusk::LWLockGuard lock(XidGenLock, LW_EXCLUSIVE);
	/* OIDs wrap around as in PostgreSQL, skipping initdb's range; outside
	 * a server (initdb's post-bootstrap script) that range is in use. */
	if (cache->nextOid < (IsPostmasterEnvironment ? FirstNormalObjectId : FirstUnpinnedObjectId))
	{
		cache->nextOid = IsPostmasterEnvironment ? FirstNormalObjectId : FirstUnpinnedObjectId;
		cache->oidCount = 0;
	}
	if (cache->oidCount == 0)
	{
		Oid upto = cache->nextOid + kOidPrefetch;
		XLogBeginInsert();
		XLogRegisterData(reinterpret_cast<const char *>(&upto), sizeof upto);
		(void) XLogInsert(RM_XLOG_ID, XLOG_NEXTOID);
		cache->oidCount = kOidPrefetch;
	}
	Oid result = cache->nextOid++;
	cache->oidCount--;
	return result;
}

Oid ReadNextObjectId(void)
{
	tusk::LWLockGuard lock(XidGenLock, LW_SHARED);
	return cache->nextOid;
}

void SetNextObjectId(Oid next)
{
	tusk::LWLockGuard lock(XidGenLock, LW_EXCLUSIVE);
	cache->nextOid = next;
	cache->oidCount = 0;
}
