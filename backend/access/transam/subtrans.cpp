/*
 * subtrans.cpp — pg_subtrans (see access/subtrans.h).
 *
 * Principal entry points: ExtendSUBTRANS, SubTransSetParent,
 * SubTransGetTopmostTransaction, StartupSUBTRANS, TruncateSUBTRANS.
 *
 * One 64-bit parent id per transaction id, 1024 per 8 kB page, in an SLRU
 * cache over pg_subtrans/.  Pages are written only to make room (never
 * synced); at startup the directory is emptied, since no transaction of a
 * previous life of the server is running.
 */
#include "postgres.h"

#include <errno.h>
#include <sys/stat.h>

#include <string>

#include "access/subtrans.h"
#include "access/transam/slru.h"
#include "storage/lwlock.h"
#include "utils/errcodes.h"

namespace {

constexpr uint64 kXactsPerPage = BLCKSZ / sizeof(uint64);

tusk::slru::Slru &Subtrans()
{
	static tusk::slru::Slru subtrans("Subtrans Ctl", "pg_subtrans", SubtransSLRULock,
									 SYNC_HANDLER_NONE, 0);
	return subtrans;
}

int64 PageOf(FullTransactionId xid)
{
	return static_cast<int64>(U64FromFullTransactionId(xid) / kXactsPerPage);
}

uint64 *EntryOf(int slot, FullTransactionId xid)
{
	return reinterpret_cast<uint64 *>(Subtrans().Page(slot)) +
		U64FromFullTransactionId(xid) % kXactsPerPage;
}

std::string XidText(FullTransactionId xid)
{
	return std::to_string(U64FromFullTransactionId(xid));
}

/* PostgreSQL 15's NUM_SUBTRANS_BUFFERS. */
constexpr int kSlots = 32;

}  // namespace

Size SUBTRANSShmemSize(void)
{
	return Subtrans().ShmemSize(kSlots);
}

void SUBTRANSShmemInit(void)
{
	Subtrans().ShmemInit(kSlots);
}

void StartupSUBTRANS(FullTransactionId nextXid)
{
	/* A data directory from before pg_subtrans was used may lack it. */
	if (mkdir("pg_subtrans", 0700) != 0 && errno != EEXIST)
		ereport(FATAL, errcode_for_file_access(),
				errmsg("could not create directory \"pg_subtrans\": %m"));
	tusk::LWLockGuard lock(SubtransSLRULock, LW_EXCLUSIVE);
	(void) Subtrans().ZeroPage(PageOf(nextXid));
	/* Everything before nextXid's page is of a previous life. */
	Subtrans().DropPagesBefore(PageOf(nextXid));
}

void ExtendSUBTRANS(FullTransactionId newestXact)
{
	/* Only the first id of a page (or the first id ever: bootstrap) starts a page. */
	if (U64FromFullTransactionId(newestXact) % kXactsPerPage != 0 &&
		!FullTransactionIdEquals(newestXact, FirstNormalFullTransactionId))
		return;
	tusk::LWLockGuard lock(SubtransSLRULock, LW_EXCLUSIVE);
	(void) Subtrans().ZeroPage(PageOf(newestXact));
}

void SubTransSetParent(FullTransactionId xid, FullTransactionId parent)
{
	tusk::LWLockGuard lock(SubtransSLRULock, LW_EXCLUSIVE);
	int slot = Subtrans().ReadPage(PageOf(xid), XidText(xid).c_str());
	*EntryOf(slot, xid) = U64FromFullTransactionId(parent);
	Subtrans().MarkDirty(slot);
}

FullTransactionId SubTransGetParent(FullTransactionId xid)
{
	tusk::LWLockGuard lock(SubtransSLRULock, LW_SHARED);
	int slot = Subtrans().FindSlot(PageOf(xid));
	if (slot < 0)
	{
		lock.Release();
		lock = tusk::LWLockGuard(SubtransSLRULock, LW_EXCLUSIVE);
		slot = Subtrans().ReadPage(PageOf(xid), XidText(xid).c_str());
	}
	return FullTransactionIdFromU64(*EntryOf(slot, xid));
}

FullTransactionId SubTransGetTopmostTransaction(FullTransactionId xid)
{
	for (;;)
	{
		FullTransactionId parent = SubTransGetParent(xid);
		if (!FullTransactionIdIsValid(parent))
			return xid;
		/* A parent's id is always smaller than its child's. */
		if (!FullTransactionIdPrecedes(parent, xid))
			elog(ERROR, "pg_subtrans has parent %s for transaction %s", XidText(parent).c_str(),
				 XidText(xid).c_str());
		xid = parent;
	}
}

void TruncateSUBTRANS(FullTransactionId oldestXact)
{
	tusk::LWLockGuard lock(SubtransSLRULock, LW_EXCLUSIVE);
	Subtrans().DropPagesBefore(PageOf(oldestXact));
}
