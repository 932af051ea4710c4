/*
 * pruneheap.cpp — HOT chains and page pruning (see access/heapam.h).
 *
 * Principal entry points: heap_hot_search_buffer, heap_page_prune,
 * heap_page_prune_opt, heap_get_root_tuples, heap2_redo.
 *
 * An update that changes no indexed column and whose new version fits on
 * the old one's page is heap-only (HOT): the old version is marked
 * HEAP_HOT_UPDATED, the new one HEAP_ONLY_TUPLE, and no index gets an
 * entry for it.  The index entries of the row keep pointing at the first
 * version — the chain's root — and a fetch through an index walks the
 * chain on the page (each member's t_ctid to the next, checking that the
 * next one's xmin is the updater) to the member the snapshot sees.
 *
 * Pruning removes the members no snapshot can see any more, in
 * PostgreSQL's way: a chain's dead prefix goes — its heap-only members
 * become unused line pointers at once (no index entry points at them),
 * and the root becomes a redirect to the first member still needed, or a
 * dead line pointer when the whole chain is dead (VACUUM removes its
 * index entries, then frees it).  A dead tuple that was never
 * HOT-updated is cut to a dead line pointer, as VACUUM always did.  The
 * page is compacted, so pruning needs the cleanup lock.  VACUUM prunes
 * every page; reads through a scan or an index prune a page that is
 * nearly full and holds something that may be prunable (pd_prune_xid,
 * set by deletes and updates), when they can take the cleanup lock
 * without waiting.
 */
#include "postgres.h"

#include <string.h>

#include <vector>

#include "access/heapam.h"
#include "access/heapam_xlog.h"
#include "access/htup_details.h"
#include "access/rmgr.h"
#include "access/xlog.h"
#include "access/xloginsert.h"
#include "access/xlogreader.h"
#include "access/xlogutils.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/bufpage.h"
#include "storage/procarray.h"
#include "utils/snapmgr.h"

namespace {

/* No page has more line pointers than fit in it. */
constexpr int kMaxItems = MaxOffsetNumber;

/* What one pruning of a page decided, before it changes anything. */
struct PruneState
{
	FullTransactionId oldest_xmin;
	/* The oldest updater or deleter of a tuple not yet removable: the
	 * page's next pd_prune_xid. */
	FullTransactionId new_prune_xid;
	int nredirected;
	int ndead;
	int nunused;
	OffsetNumber redirected[kMaxItems * 2];
	OffsetNumber nowdead[kMaxItems];
	OffsetNumber nowunused[kMaxItems];
	bool marked[kMaxItems + 1]; /* already given a fate */
	int8 htsv[kMaxItems + 1];	/* per normal item, its HTSV_Result; -1 otherwise */
};

void RecordPrunable(PruneState *ps, FullTransactionId xid)
{
	if (FullTransactionIdIsValid(xid) &&
		(!FullTransactionIdIsValid(ps->new_prune_xid) ||
		 FullTransactionIdPrecedes(xid, ps->new_prune_xid)))
		ps->new_prune_xid = xid;
}

void RecordRedirect(PruneState *ps, OffsetNumber from, OffsetNumber to)
{
	ps->redirected[ps->nredirected * 2] = from;
	ps->redirected[ps->nredirected * 2 + 1] = to;
	ps->nredirected++;
	ps->marked[from] = true;
	ps->marked[to] = true;
}

void RecordDead(PruneState *ps, OffsetNumber off)
{
	ps->nowdead[ps->ndead++] = off;
	ps->marked[off] = true;
}

void RecordUnused(PruneState *ps, OffsetNumber off)
{
	ps->nowunused[ps->nunused++] = off;
	ps->marked[off] = true;
}

HeapTupleHeader HeaderAt(Page page, OffsetNumber off)
{
	return reinterpret_cast<HeapTupleHeader>(PageGetItem(page, PageGetItemId(page, off)));
}

/*
 * The chain whose root is at root (a redirect, or a tuple that is not
 * heap-only): decide which of its members go.  A heap-only tuple met here
 * as its own root belongs to a chain handled from its real root, unless
 * it is dead and leads nowhere (its inserting update aborted): then it
 * goes at once.  Returns how many tuples are removed.
 */
int PruneChain(Page page, OffsetNumber root, PruneState *ps)
{
	OffsetNumber maxoff = PageGetMaxOffsetNumber(page);
	ItemId rootlp = PageGetItemId(page, root);
	if (ItemIdIsNormal(rootlp) && HeapTupleHeaderIsHeapOnly(HeaderAt(page, root)))
	{
		HeapTupleHeader t = HeaderAt(page, root);
		if (ps->htsv[root] == HEAPTUPLE_DEAD && !HeapTupleHeaderIsHotUpdated(t))
		{
			RecordUnused(ps, root);
			return 1;
		}
		return 0;
	}

	OffsetNumber chain[kMaxItems];
	int nchain = 0;
	OffsetNumber latestdead = InvalidOffsetNumber;
	FullTransactionId prior_xmax = InvalidFullTransactionId;
	OffsetNumber off = root;
	for (;;)
	{
		if (off < FirstOffsetNumber || off > maxoff || ps->marked[off] || nchain >= kMaxItems)
			break;
		ItemId lp = PageGetItemId(page, off);
		if (!ItemIdIsUsed(lp) || ItemIdIsDead(lp))
			break;
		if (ItemIdIsRedirected(lp))
		{
			if (nchain > 0)
				break; /* a redirect only starts a chain */
			chain[nchain++] = off;
			off = ItemIdGetRedirect(lp);
			continue;
		}
		HeapTupleHeader t = HeaderAt(page, off);
		/* A member's xmin is its predecessor's updater, else the slot
		 * was reused and the chain ended before it. */
		if (FullTransactionIdIsValid(prior_xmax) &&
			!FullTransactionIdEquals(HeapTupleHeaderGetRawXminFull(t), prior_xmax))
			break;
		chain[nchain++] = off;
		bool tupdead = false;
		bool recent_dead = false;
		switch (static_cast<HTSV_Result>(ps->htsv[off]))
		{
			case HEAPTUPLE_DEAD:
				tupdead = true;
				break;
			case HEAPTUPLE_RECENTLY_DEAD:
				recent_dead = true;
				RecordPrunable(ps, HeapTupleGetUpdateXid(t));
				break;
			case HEAPTUPLE_DELETE_IN_PROGRESS:
				RecordPrunable(ps, HeapTupleGetUpdateXid(t));
				break;
			case HEAPTUPLE_LIVE:
			case HEAPTUPLE_INSERT_IN_PROGRESS:
				break;
		}
		/* Past recently dead members there may be a dead one (its updater
		 * ended earlier); past anything else, nothing is dead. */
		if (tupdead)
			latestdead = off;
		else if (!recent_dead)
			break;
		if (!HeapTupleHeaderIsHotUpdated(t))
			break;
		off = ItemPointerGetOffsetNumber(&t->t_ctid);
		prior_xmax = HeapTupleGetUpdateXid(t);
	}

	int ndeleted = 0;
	if (OffsetNumberIsValid(latestdead))
	{
		/* Every member up to the last dead one goes; the root stays, as a
		 * redirect to the next member, or dead if none is left. */
		int i = 1;
		for (; i < nchain && chain[i - 1] != latestdead; i++)
		{
			RecordUnused(ps, chain[i]);
			ndeleted++;
		}
		if (ItemIdIsNormal(rootlp))
			ndeleted++;
		if (i >= nchain)
			RecordDead(ps, root);
		else
			RecordRedirect(ps, root, chain[i]);
	}
	else if (nchain < 2 && ItemIdIsRedirected(rootlp))
	{
		/* A redirect whose target went (pruned as a dead end of its own
		 * earlier in this pass). */
		RecordDead(ps, root);
	}
	return ndeleted;
}

/* Apply the decisions to the page and compact it (pruning and its
 * replay). */
void PruneExecute(Page page, const OffsetNumber *redirected, int nredirected,
				  const OffsetNumber *nowdead, int ndead, const OffsetNumber *nowunused,
				  int nunused)
{
	for (int i = 0; i < nredirected; i++)
		ItemIdSetRedirect(PageGetItemId(page, redirected[i * 2]), redirected[i * 2 + 1]);
	for (int i = 0; i < ndead; i++)
		ItemIdSetDead(PageGetItemId(page, nowdead[i]));
	for (int i = 0; i < nunused; i++)
		ItemIdSetUnused(PageGetItemId(page, nowunused[i]));
	PageRepairFragmentation(page);
}

/* The 64-bit transaction id whose low 32 bits are xid32, taken to lie
 * within 2^31 of near (pd_prune_xid keeps only the low bits). */
FullTransactionId ExpandXid(uint32 xid32, FullTransactionId near)
{
	auto diff = static_cast<int32>(xid32 - static_cast<uint32>(U64FromFullTransactionId(near)));
	uint64 value = U64FromFullTransactionId(near) + static_cast<uint64>(static_cast<int64>(diff));
	return FullTransactionIdFromU64(value);
}

/* Whether a page should be pruned: nearly full, or an update found no
 * room on it. */
bool PageWantsPruning(Page page)
{
	return PageIsFull(page) || PageGetExactFreeSpace(page) < BLCKSZ / 10;
}

}  // namespace

void heap_page_set_prunable(Page page, FullTransactionId xid)
{
	auto *hdr = reinterpret_cast<PageHeader>(page);
	auto x = static_cast<uint32>(U64FromFullTransactionId(xid));
	if (x == 0)
		return;
	if (hdr->pd_prune_xid == 0 || static_cast<int32>(x - hdr->pd_prune_xid) < 0)
		hdr->pd_prune_xid = x;
}

bool heap_hot_search_buffer(ItemPointer tid, Relation relation, Buffer buffer, Snapshot snapshot,
							HeapTuple heapTuple, bool *all_dead, bool first_call)
{
	Page page = BufferGetPage(buffer);
	BlockNumber blk = ItemPointerGetBlockNumber(tid);
	OffsetNumber off = ItemPointerGetOffsetNumber(tid);
	OffsetNumber maxoff = PageGetMaxOffsetNumber(page);
	bool at_chain_start = first_call;
	/* A later call starts at the member it returned last time. */
	bool skip = !first_call;
	FullTransactionId prior_xmax = InvalidFullTransactionId;
	FullTransactionId horizon = InvalidFullTransactionId;
	if (all_dead != nullptr)
		*all_dead = first_call;
	for (;;)
	{
		if (off < FirstOffsetNumber || off > maxoff)
			break;
		ItemId lp = PageGetItemId(page, off);
		if (!ItemIdIsNormal(lp))
		{
			if (ItemIdIsRedirected(lp) && at_chain_start)
			{
				off = ItemIdGetRedirect(lp);
				at_chain_start = false;
				continue;
			}
			break; /* the end of the chain */
		}
		heapTuple->t_data = reinterpret_cast<HeapTupleHeader>(PageGetItem(page, lp));
		heapTuple->t_len = ItemIdGetLength(lp);
		heapTuple->t_tableOid = RelationGetRelid(relation);
		ItemPointerSet(&heapTuple->t_self, blk, off);
		/* An index entry never points at a heap-only tuple itself. */
		if (at_chain_start && HeapTupleIsHeapOnly(heapTuple))
			break;
		if (FullTransactionIdIsValid(prior_xmax) &&
			!FullTransactionIdEquals(prior_xmax, HeapTupleHeaderGetRawXminFull(heapTuple->t_data)))
			break;
		if (!skip && HeapTupleSatisfiesVisibility(heapTuple, snapshot, buffer))
		{
			ItemPointerSet(tid, blk, off);
			if (all_dead != nullptr)
				*all_dead = false;
			return true;
		}
		skip = false;
		if (all_dead != nullptr && *all_dead)
		{
			if (!FullTransactionIdIsValid(horizon))
				horizon = GetOldestNonRemovableFullTransactionId();
			if (HeapTupleSatisfiesVacuum(heapTuple, horizon, buffer) != HEAPTUPLE_DEAD)
				*all_dead = false;
		}
		if (!HeapTupleIsHotUpdated(heapTuple))
			break;
		off = ItemPointerGetOffsetNumber(&heapTuple->t_data->t_ctid);
		at_chain_start = false;
		prior_xmax = HeapTupleGetUpdateXid(heapTuple->t_data);
	}
	return false;
}

void heap_get_root_tuples(Page page, OffsetNumber *root_offsets)
{
	OffsetNumber maxoff = PageGetMaxOffsetNumber(page);
	for (OffsetNumber i = 0; i < maxoff; i++)
		root_offsets[i] = InvalidOffsetNumber;
	for (OffsetNumber root = FirstOffsetNumber; root <= maxoff; root++)
	{
		ItemId lp = PageGetItemId(page, root);
		OffsetNumber next;
		FullTransactionId prior_xmax = InvalidFullTransactionId;
		if (ItemIdIsNormal(lp))
		{
			HeapTupleHeader t = HeaderAt(page, root);
			if (HeapTupleHeaderIsHeapOnly(t))
				continue; /* reached from its root */
			root_offsets[root - 1] = root;
			if (!HeapTupleHeaderIsHotUpdated(t))
				continue;
			next = ItemPointerGetOffsetNumber(&t->t_ctid);
			prior_xmax = HeapTupleGetUpdateXid(t);
		}
		else if (ItemIdIsRedirected(lp))
			next = ItemIdGetRedirect(lp);
		else
			continue;
		/* Every member of the chain has this root. */
		for (int steps = 0; steps < kMaxItems; steps++)
		{
			if (next < FirstOffsetNumber || next > maxoff)
				break;
			ItemId nlp = PageGetItemId(page, next);
			if (!ItemIdIsNormal(nlp))
				break;
			HeapTupleHeader t = HeaderAt(page, next);
			if (FullTransactionIdIsValid(prior_xmax) &&
				!FullTransactionIdEquals(prior_xmax, HeapTupleHeaderGetRawXminFull(t)))
				break;
			root_offsets[next - 1] = root;
			if (!HeapTupleHeaderIsHotUpdated(t))
				break;
			next = ItemPointerGetOffsetNumber(&t->t_ctid);
			prior_xmax = HeapTupleGetUpdateXid(t);
		}
	}
}

int heap_page_prune(Relation relation, Buffer buffer, FullTransactionId oldest_xmin, int8 *htsv_out)
{
	Page page = BufferGetPage(buffer);
	BlockNumber blk = BufferGetBlockNumber(buffer);
	OffsetNumber maxoff = PageGetMaxOffsetNumber(page);
	/* (About 20 kB: on the heap, not the stack, and made before the
	 * critical section.) */
	auto *ps = static_cast<PruneState *>(palloc(sizeof(PruneState)));
	ps->oldest_xmin = oldest_xmin;
	ps->new_prune_xid = InvalidFullTransactionId;
	ps->nredirected = ps->ndead = ps->nunused = 0;
	memset(ps->marked, 0, sizeof(ps->marked));
	for (OffsetNumber off = FirstOffsetNumber; off <= maxoff; off++)
	{
		ps->htsv[off] = -1;
		ItemId lp = PageGetItemId(page, off);
		if (!ItemIdIsNormal(lp))
			continue;
		HeapTupleData tuple;
		tuple.t_data = HeaderAt(page, off);
		tuple.t_len = ItemIdGetLength(lp);
		ItemPointerSet(&tuple.t_self, blk, off);
		tuple.t_tableOid = RelationGetRelid(relation);
		ps->htsv[off] = static_cast<int8>(HeapTupleSatisfiesVacuum(&tuple, oldest_xmin, buffer));
	}
	int ndeleted = 0;
	for (OffsetNumber off = FirstOffsetNumber; off <= maxoff; off++)
	{
		if (ps->marked[off])
			continue;
		ItemId lp = PageGetItemId(page, off);
		if (ItemIdIsNormal(lp) || ItemIdIsRedirected(lp))
			ndeleted += PruneChain(page, off, ps);
	}
	if (htsv_out != nullptr)
		memcpy(htsv_out, ps->htsv, sizeof(int8) * (maxoff + 1));

	auto *hdr = reinterpret_cast<PageHeader>(page);
	uint32 new_prune_xid = FullTransactionIdIsValid(ps->new_prune_xid)
		? static_cast<uint32>(U64FromFullTransactionId(ps->new_prune_xid))
		: 0;
	if (ps->nredirected > 0 || ps->ndead > 0 || ps->nunused > 0)
	{
		tusk::CriticalSection crit;
		PruneExecute(page, ps->redirected, ps->nredirected, ps->nowdead, ps->ndead, ps->nowunused,
					 ps->nunused);
		hdr->pd_prune_xid = new_prune_xid;
		PageClearFull(page);
		MarkBufferDirty(buffer);
		xl_heap_prune rec{static_cast<uint16>(ps->nredirected), static_cast<uint16>(ps->ndead)};
		XLogBeginInsert();
		XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
		XLogRegisterBuffer(0, buffer, REGBUF_STANDARD);
		if (ps->nredirected > 0)
			XLogRegisterBufData(0, reinterpret_cast<const char *>(ps->redirected),
								sizeof(OffsetNumber) * 2 * static_cast<size_t>(ps->nredirected));
		if (ps->ndead > 0)
			XLogRegisterBufData(0, reinterpret_cast<const char *>(ps->nowdead),
								sizeof(OffsetNumber) * static_cast<size_t>(ps->ndead));
		if (ps->nunused > 0)
			XLogRegisterBufData(0, reinterpret_cast<const char *>(ps->nowunused),
								sizeof(OffsetNumber) * static_cast<size_t>(ps->nunused));
		XLogRecPtr lsn = XLogInsert(RM_HEAP2_ID, XLOG_HEAP2_PRUNE);
		PageSetLSN(page, lsn);
		crit.End();
	}
	else if (hdr->pd_prune_xid != new_prune_xid || PageIsFull(page))
	{
		/* Only the hints changed. */
		hdr->pd_prune_xid = new_prune_xid;
		PageClearFull(page);
		MarkBufferDirtyHint(buffer, true);
	}
	pfree(ps);
	return ndeleted;
}

void heap_page_prune_opt(Relation relation, Buffer buffer)
{
	Page page = BufferGetPage(buffer);
	/* Read without the lock: these are hints, checked again under it. */
	uint32 hint = reinterpret_cast<PageHeader>(page)->pd_prune_xid;
	if (hint == 0 || !PageWantsPruning(page))
		return;
	/* Nothing is removable that our own snapshot's xmin does not
	 * precede. */
	if (FullTransactionIdIsValid(TransactionXmin) &&
		!FullTransactionIdPrecedes(ExpandXid(hint, TransactionXmin), TransactionXmin))
		return;
	tusk::BufferLock lock = tusk::BufferLock::TryForCleanup(buffer);
	if (!lock.held())
		return; /* someone is reading the page: another time */
	hint = reinterpret_cast<PageHeader>(page)->pd_prune_xid;
	if (hint == 0 || !PageWantsPruning(page))
		return;
	FullTransactionId horizon = GetOldestNonRemovableFullTransactionId();
	if (!FullTransactionIdPrecedes(ExpandXid(hint, horizon), horizon))
		return;
	(void) heap_page_prune(relation, buffer, horizon, nullptr);
}

void heap2_redo(XLogReaderState *r)
{
	uint8 info = XLogRecGetInfo(r) & ~XLR_INFO_MASK;
	if (info != XLOG_HEAP2_PRUNE)
		elog(PANIC, "heap2_redo: unknown op code %u", info);
	xl_heap_prune rec;
	memcpy(&rec, XLogRecGetData(r), sizeof rec);
	tusk::LockedBuffer buf;
	XLogRedoAction action = XLogReadBufferForRedo(r, 0, &buf);
	if (action == BLK_NEEDS_REDO)
	{
		Size len;
		const char *data = XLogRecGetBlockData(r, 0, &len);
		Size fixed = sizeof(OffsetNumber) * (2 * static_cast<Size>(rec.nredirected) + rec.ndead);
		if (len < fixed || (len - fixed) % sizeof(OffsetNumber) != 0 ||
			(data == nullptr && len > 0))
			elog(PANIC, "heap2 redo: malformed prune record");
		int nunused = static_cast<int>((len - fixed) / sizeof(OffsetNumber));
		/* The offsets, copied out to aligned storage. */
		std::vector<OffsetNumber> offs(len / sizeof(OffsetNumber));
		if (len > 0)
			memcpy(offs.data(), data, len);
		const OffsetNumber *redirected = offs.data();
		const OffsetNumber *nowdead = redirected + 2 * rec.nredirected;
		const OffsetNumber *nowunused = nowdead + rec.ndead;
		Page page = buf.page();
		OffsetNumber maxoff = PageGetMaxOffsetNumber(page);
		for (OffsetNumber off : offs)
			if (off < FirstOffsetNumber || off > maxoff)
				elog(PANIC, "heap2 redo: prune of line pointer %u beyond %u", off, maxoff);
		PruneExecute(page, redirected, rec.nredirected, nowdead, rec.ndead, nowunused, nunused);
		PageClearFull(page);
		PageSetLSN(page, XLogReaderGetEndRecPtr(r));
		MarkBufferDirty(buf.get());
	}
	buf.Release();
}

const char *heap2_identify(uint8 info)
{
	return (info & ~XLR_INFO_MASK) == XLOG_HEAP2_PRUNE ? "PRUNE" : nullptr;
}
