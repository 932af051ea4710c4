/*
 * vacuumlazy.cpp — VACUUM of a heap and its indexes (see access/heapam.h).
 *
 * Principal entry point: heap_vacuum_rel.
 *
 * PostgreSQL's three passes:
 *   1. Each page, under a cleanup lock (nobody else may hold a pin: a scan
 *      reading the page's tuples would see them move), is pruned of its
 *      tuples that are dead to every snapshot — deleted or updated by a
 *      transaction older than the oldest xmin anyone still has, or
 *      inserted by one that aborted (heap_page_prune: dead heap-only
 *      members of HOT chains are freed at once, other dead tuples cut
 *      down to dead line pointers), and the page is compacted.  The TIDs
 *      of its dead line pointers are remembered.
 *   2. Every index drops its entries for those TIDs.
 *   3. The dead line pointers become unused, free for new tuples.
 * Line pointers stay dead until pass 3 because an index entry may still
 * point at them: reusing one before its entries are gone could make an
 * index scan find an unrelated row.  Pruning is logged compactly (its
 * line pointer changes); pass 3's changes, and replaced multixacts, as
 * full page images (larger, but they replay by themselves).  Finally every page's free space goes into the
 * free space map, where inserts and updates look for room before
 * extending the table.
 */
#include "postgres.h"

#include <algorithm>
#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/multixact.h"
#include "access/nbtree.h"
#include "access/rmgr.h"
#include "access/xlog.h"
#include "access/xloginsert.h"
#include "catalog/pg_control.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/bufpage.h"
#include "storage/freespace.h"
#include "storage/procarray.h"
#include "storage/smgr.h"

namespace {

struct DeadTids
{
	std::vector<ItemPointerData> tids; /* in (block, offset) order */
};

bool TidLess(const ItemPointerData &a, const ItemPointerData &b)
{
	BlockNumber ba = ItemPointerGetBlockNumber(&a);
	BlockNumber bb = ItemPointerGetBlockNumber(&b);
	return ba != bb ? ba < bb : ItemPointerGetOffsetNumber(&a) < ItemPointerGetOffsetNumber(&b);
}

bool IsDead(ItemPointer tid, void *state)
{
	const auto &tids = static_cast<DeadTids *>(state)->tids;
	return std::binary_search(tids.begin(), tids.end(), *tid, TidLess);
}

/* Log the page whole (replayed by the XLOG resource manager). */
void LogPage(Buffer buf)
{
	XLogBeginInsert();
	XLogRegisterBuffer(0, buf, REGBUF_FORCE_IMAGE | REGBUF_STANDARD);
	XLogRecPtr lsn = XLogInsert(RM_XLOG_ID, XLOG_FPI);
	PageSetLSN(BufferGetPage(buf), lsn);
}

/*
 * A multixact xmax none of whose members runs any more is replaced (with
 * the page cleanup-locked; the caller logs the page): by nothing if it
 * only locked or its updater aborted, else by its updater alone — so the
 * tuple no longer needs pg_multixact (PostgreSQL's FreezeMultiXactId,
 * for every ended multixact rather than those past a freeze age).
 */
bool ClearEndedMulti(HeapTupleHeader t)
{
	if ((t->t_infomask & (HEAP_XMAX_IS_MULTI | HEAP_XMAX_INVALID)) != HEAP_XMAX_IS_MULTI)
		return false;
	bool lock_only = HEAP_XMAX_IS_LOCKED_ONLY(t->t_infomask);
	if (MultiXactIdIsRunning(t->t_xmax, lock_only))
		return false;
	FullTransactionId updater = lock_only ? InvalidFullTransactionId : HeapTupleGetUpdateXid(t);
	// NOLINTBEGIN(misc-redundant-expression): PostgreSQL's HEAP_LOCK_MASK names bits twice
	t->t_infomask &= ~(HEAP_XMAX_IS_MULTI | HEAP_LOCK_MASK | HEAP_XMAX_LOCK_ONLY |
					   HEAP_XMAX_COMMITTED | HEAP_XMAX_INVALID);
	// NOLINTEND(misc-redundant-expression)
	if (FullTransactionIdIsValid(updater) && FullTransactionIdDidCommit(updater))
		HeapTupleHeaderSetXmax(t, updater); /* HEAP_KEYS_UPDATED stays as it was */
	else
	{
		HeapTupleHeaderSetXmax(t, InvalidFullTransactionId);
		t->t_infomask |= HEAP_XMAX_INVALID;
		t->t_infomask2 &= ~HEAP_KEYS_UPDATED;
	}
	return true;
}

tusk::BufferPin ReadHeapPage(Relation rel, BlockNumber blk)
{
	return tusk::BufferPin(
		ReadBufferWithoutRelcache(rel->rd_node, MAIN_FORKNUM, blk, RBM_NORMAL, nullptr, true));
}

}  // namespace

void heap_vacuum_rel(Relation rel, Relation *indrels, int nindexes, VacuumStats *stats)
{
	*stats = VacuumStats{};
	FullTransactionId oldest_xmin = GetOldestNonRemovableFullTransactionId();
	BlockNumber nblocks = smgrnblocks(smgropen(rel->rd_node), MAIN_FORKNUM);
	stats->pages = nblocks;
	DeadTids dead;
	std::vector<int8> htsv_buf(MaxOffsetNumber + 1);
	int8 *htsv = htsv_buf.data();

	/* Pass 1: prune. */
	for (BlockNumber blk = 0; blk < nblocks; blk++)
	{
		CHECK_FOR_INTERRUPTS();
		tusk::BufferPin pin = ReadHeapPage(rel, blk);
		tusk::BufferLock cleanup = tusk::BufferLock::ForCleanup(pin.get());
		Buffer buf = pin.get();
		Page page = BufferGetPage(buf);
		if (PageIsNew(page))
			continue;
		/* HOT chains lose their dead members, other dead tuples become
		 * dead line pointers (pruneheap.cpp); then every dead line
		 * pointer on the page — made now or by an earlier pruning — has
		 * index entries to remove. */
		stats->tuples_removed += static_cast<uint64>(heap_page_prune(rel, buf, oldest_xmin, htsv));
		bool multis_cleared = false;
		bool has_dead = false;
		for (OffsetNumber off = FirstOffsetNumber; off <= PageGetMaxOffsetNumber(page); off++)
		{
			ItemId lp = PageGetItemId(page, off);
			if (ItemIdIsDead(lp))
			{
				ItemPointerData tid;
				ItemPointerSet(&tid, blk, off);
				dead.tids.push_back(tid);
				has_dead = true;
				continue;
			}
			if (!ItemIdIsNormal(lp))
				continue;
			auto state = static_cast<HTSV_Result>(htsv[off]);
			if (state == HEAPTUPLE_DEAD)
				continue; /* (left in a chain behind a live member) */
			stats->tuples_remaining++;
			multis_cleared = ClearEndedMulti(
								 reinterpret_cast<HeapTupleHeader>(PageGetItem(page, lp))) ||
				multis_cleared;
			/* PostgreSQL's count of live tuples for reltuples: a tuple being
			 * deleted still counts, one being inserted does not yet. */
			if (state == HEAPTUPLE_LIVE || state == HEAPTUPLE_DELETE_IN_PROGRESS)
				stats->tuples_live++;
			else if (state == HEAPTUPLE_RECENTLY_DEAD)
				stats->tuples_recently_dead++;
		}
		if (multis_cleared)
		{
			tusk::CriticalSection crit;
			MarkBufferDirty(buf);
			LogPage(buf);
			crit.End();
		}
		Size avail = PageGetFreeSpace(page);
		cleanup.Release();
		pin.Release();
		if (!has_dead)
			RecordPageWithFreeSpace(rel, blk, avail);
	}

	/* Pass 2: the indexes. */
	for (int i = 0; i < nindexes; i++)
		stats->index_entries_removed += btbulkdelete(indrels[i], IsDead, &dead);

	/* Pass 3: free the dead line pointers. */
	size_t i = 0;
	while (i < dead.tids.size())
	{
		CHECK_FOR_INTERRUPTS();
		BlockNumber blk = ItemPointerGetBlockNumber(&dead.tids[i]);
		tusk::LockedBuffer locked(ReadHeapPage(rel, blk), BUFFER_LOCK_EXCLUSIVE);
		Buffer buf = locked.get();
		Page page = BufferGetPage(buf);
		tusk::CriticalSection crit;
		for (; i < dead.tids.size() && ItemPointerGetBlockNumber(&dead.tids[i]) == blk; i++)
			ItemIdSetUnused(PageGetItemId(page, ItemPointerGetOffsetNumber(&dead.tids[i])));
		PageRepairFragmentation(page); /* notes the free line pointers */
		MarkBufferDirty(buf);
		LogPage(buf);
		crit.End();
		Size avail = PageGetFreeSpace(page);
		locked.Release();
		RecordPageWithFreeSpace(rel, blk, avail);
	}
}
