/*
 * clog.cpp — the commit log (see access/clog.h).
 *
 * Principal entry points: ExtendCLOG, TransactionIdSetStatus,
 * TransactionIdGetStatus, CheckPointCLOG.
 *
 * Two bits per transaction, four transactions per byte, 32768 per 8 kB
 * page, in an SLRU cache (pg_xact/).  A page comes into existence when the
 * first id on it is assigned (ExtendCLOG zeroes it: every status starts as
 * "in progress"); pages reach disk when evicted and at checkpoints.  Status
 * changes will be WAL-logged by the commit and abort records of the
 * transaction manager, which replays them after a crash.
 */
#include "postgres.h"

#include <inttypes.h>

#include <string>

#include "access/clog.h"
#include "access/transam/slru.h"
#include "miscadmin.h"
#include "storage/lwlock.h"
#include "storage/sync/sync_handlers.h"

namespace {

constexpr int kBitsPerXact = 2;
constexpr int kXactsPerByte = 4;
constexpr uint64 kXactsPerPage = BLCKSZ * kXactsPerByte;
constexpr int kStatusMask = (1 << kBitsPerXact) - 1;
/* Asynchronous commits' WAL positions are kept per group of 32 ids, as in
 * PostgreSQL: fine enough that one unflushed commit rarely holds back the
 * hint bits of its neighbours, small enough to keep in memory. */
constexpr uint64 kXactsPerLsnGroup = 32;
constexpr int kLsnGroupsPerPage = static_cast<int>(kXactsPerPage / kXactsPerLsnGroup);

tusk::slru::Slru &Clog()
{
	static tusk::slru::Slru clog("CLOG Ctl", "pg_xact", XactSLRULock, SYNC_HANDLER_CLOG,
								 kLsnGroupsPerPage);
	return clog;
}

int64 PageOf(FullTransactionId xid)
{
	return static_cast<int64>(U64FromFullTransactionId(xid) / kXactsPerPage);
}

int ByteOf(FullTransactionId xid)
{
	return static_cast<int>((U64FromFullTransactionId(xid) % kXactsPerPage) / kXactsPerByte);
}

int GroupOf(FullTransactionId xid)
{
	return static_cast<int>((U64FromFullTransactionId(xid) % kXactsPerPage) / kXactsPerLsnGroup);
}

int ShiftOf(FullTransactionId xid)
{
	return static_cast<int>(U64FromFullTransactionId(xid) % kXactsPerByte) * kBitsPerXact;
}

std::string XidText(FullTransactionId xid)
{
	return std::to_string(U64FromFullTransactionId(xid));
}

/* Buffers: PostgreSQL 15's rule, shared_buffers / 512 within [4, 128]. */
int NumSlots()
{
	return Min(128, Max(4, NBuffers / 512));
}

}  // namespace

Size CLOGShmemSize(void)
{
	return Clog().ShmemSize(NumSlots());
}

void CLOGShmemInit(void)
{
	Clog().ShmemInit(NumSlots());
}

void ExtendCLOG(FullTransactionId newestXact)
{
	/* Only the first id of a page (or the first id ever) starts a page. */
	if (U64FromFullTransactionId(newestXact) % kXactsPerPage != 0 &&
		!FullTransactionIdEquals(newestXact, FirstNormalFullTransactionId))
		return;
	tusk::LWLockGuard lock(XactSLRULock, LW_EXCLUSIVE);
	(void) Clog().ZeroPage(PageOf(newestXact));
}

void TransactionIdSetStatus(FullTransactionId xid, XidStatus status, XLogRecPtr lsn)
{
	tusk::LWLockGuard lock(XactSLRULock, LW_EXCLUSIVE);
	int slot = Clog().ReadPage(PageOf(xid), XidText(xid).c_str());
	unsigned char *byte = reinterpret_cast<unsigned char *>(Clog().Page(slot)) + ByteOf(xid);
	int shift = ShiftOf(xid);
	*byte = static_cast<unsigned char>((*byte & ~(kStatusMask << shift)) | (status << shift));
	Clog().MarkDirty(slot);
	Clog().AdvanceGroupLSN(slot, GroupOf(xid), lsn);
}

XidStatus TransactionIdGetStatus(FullTransactionId xid, XLogRecPtr *lsn)
{
	/* The common case, a cached page, needs only a shared lock. */
	tusk::LWLockGuard lock(XactSLRULock, LW_SHARED);
	int slot = Clog().FindSlot(PageOf(xid));
	if (slot < 0)
	{
		/* Let go first: an exclusive request would wait for our own share. */
		lock.Release();
		lock = tusk::LWLockGuard(XactSLRULock, LW_EXCLUSIVE);
		slot = Clog().ReadPage(PageOf(xid), XidText(xid).c_str());
	}
	unsigned char byte = static_cast<unsigned char>(Clog().Page(slot)[ByteOf(xid)]);
	if (lsn != nullptr)
		*lsn = Clog().GroupLSN(slot, GroupOf(xid));
	return (byte >> ShiftOf(xid)) & kStatusMask;
}

void CheckPointCLOG(void)
{
	tusk::LWLockGuard lock(XactSLRULock, LW_EXCLUSIVE);
	Clog().WriteAll();
}

int clogsyncfiletag(const FileTag &tag, std::string *path)
{
	return Clog().SyncFileTag(tag, path);
}
