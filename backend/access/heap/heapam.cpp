/*
 * heapam.cpp — the heap access method (see access/heapam.h).
 *
 * Principal entry points: heap_insert, heap_delete, heap_update,
 * heap_beginscan/heap_getnext, heap_fetch, heap_get_latest_tid,
 * heap_redo.
 *
 * Tuples go where there is room: the page this backend inserted into
 * last, else one the free space map offers (VACUUM fills it in), else the
 * relation's last page, else a new page.  Every change is made under the page's exclusive
 * content lock inside a critical section, WAL-logged, and the page
 * stamped with the record's LSN, as PostgreSQL does.
 *
 * Row-level concurrency.  Deleting or updating a tuple first asks
 * HeapTupleSatisfiesUpdate.  If another transaction is changing the row,
 * the caller (with wait) queues on the row's heavyweight tuple lock — so
 * waiters are served in order — then waits for that transaction to end
 * and looks again: an aborted change leaves the row to us, a committed
 * one is reported (TM_Updated with the newer version's ctid, or
 * TM_Deleted) for the caller to handle as its isolation level says.
 *
 * An update whose new version does not fit on the old page drops the
 * page lock to find another page, then locks both in block order; if the
 * old version was changed meanwhile, it starts over.  One that changes no
 * indexed column and stays on the page is heap-only (HOT): no index gets
 * an entry for it; fetches through an index walk the chain, and pruning
 * removes its dead members (pruneheap.cpp).
 */
#include "postgres.h"

#include <stdlib.h>
#include <string.h>

#include <type_traits>
#include <vector>

#include "access/heapam.h"
#include "access/heapam_xlog.h"
#include "access/heaptoast.h"
#include "access/htup_details.h"
#include "access/multixact.h"
#include "access/relation.h"
#include "access/rmgr.h"
#include "access/tupdesc.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "access/xloginsert.h"
#include "access/xlogreader.h"
#include "access/xlogutils.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_index_d.h"
#include "miscadmin.h"
#include "nodes/pg_list.h"
#include "storage/bufmgr.h"
#include "storage/bufpage.h"
#include "storage/freespace.h"
#include "storage/lmgr.h"
#include "storage/procarray.h"
#include "storage/smgr.h"
#include "utils/datum.h"
#include "utils/errcodes.h"
#include "utils/relcache.h"
#include "pgstat.h"

#define MaxHeapTupleSize (BLCKSZ - MAXALIGN(SizeOfPageHeaderData + sizeof(ItemIdData)))

/* No page holds more tuples than fit with their headers alone. */
constexpr size_t kMaxTuplesPerPage = (BLCKSZ - SizeOfPageHeaderData) /
	(SizeofHeapTupleHeader + sizeof(ItemIdData));

/*
 * A scan is palloc'd in the memory context current at heap_beginscan, as
 * PostgreSQL's scan descriptors are: heap_endscan frees it, and if an
 * ERROR cuts the scan short, the reset of that context frees it (its pin
 * goes with the error path's ReleaseAllBufferPins).  So it holds nothing
 * that needs a destructor.
 */
struct HeapScanDescData
{
	Relation rel;
	Snapshot snapshot;
	BlockNumber nblocks; /* as the scan began */
	BlockNumber next_block;
	Buffer buf;								 /* pinned while its tuples are returned */
	OffsetNumber visible[kMaxTuplesPerPage]; /* of the current page */
	size_t nvisible;
	size_t next_visible;
	HeapTupleData tuple;
};

static_assert(std::is_trivially_destructible_v<HeapScanDescData>,
			  "a scan is freed with its memory context, without destructors");

void (*heap_being_modified_test_hook)() = nullptr;

namespace {

/* Infomask bits that say who changed the tuple: reset for a new one. */
constexpr uint16 kHeap2XactMask = HEAP_KEYS_UPDATED | HEAP_HOT_UPDATED | HEAP_ONLY_TUPLE;
/* Infomask bits describing xmax. */
// NOLINTBEGIN(misc-redundant-expression): HEAP_LOCK_MASK names EXCL and KEYSHR twice (once
// through HEAP_XMAX_SHR_LOCK), as PostgreSQL's definition does
constexpr uint16 kXmaxBits = HEAP_XMAX_COMMITTED | HEAP_XMAX_INVALID | HEAP_XMAX_IS_MULTI |
	HEAP_LOCK_MASK | HEAP_XMAX_LOCK_ONLY;
// NOLINTEND(misc-redundant-expression)
/* Those of them that say who holds the tuple how (not the hints). */
constexpr uint16 kXmaxHolderBits = kXmaxBits & ~(HEAP_XMAX_COMMITTED | HEAP_XMAX_INVALID);

/* The xmax-describing infomask bits a delete, update or lock record
 * carries (PostgreSQL's compute_infobits), and their replay. */
uint8 InfobitsOf(HeapTupleHeader t)
{
	return static_cast<uint8>(
		((t->t_infomask & HEAP_XMAX_IS_MULTI) ? XLHL_XMAX_IS_MULTI : 0) |
		((t->t_infomask & HEAP_XMAX_LOCK_ONLY) ? XLHL_XMAX_LOCK_ONLY : 0) |
		((t->t_infomask & HEAP_XMAX_EXCL_LOCK) ? XLHL_XMAX_EXCL_LOCK : 0) |
		((t->t_infomask & HEAP_XMAX_KEYSHR_LOCK) ? XLHL_XMAX_KEYSHR_LOCK : 0) |
		((t->t_infomask2 & HEAP_KEYS_UPDATED) ? XLHL_KEYS_UPDATED : 0));
}

void ApplyInfobits(HeapTupleHeader t, uint8 infobits)
{
	t->t_infomask2 &= ~HEAP_KEYS_UPDATED;
	if (infobits & XLHL_XMAX_IS_MULTI)
		t->t_infomask |= HEAP_XMAX_IS_MULTI;
	if (infobits & XLHL_XMAX_LOCK_ONLY)
		t->t_infomask |= HEAP_XMAX_LOCK_ONLY;
	if (infobits & XLHL_XMAX_EXCL_LOCK)
		t->t_infomask |= HEAP_XMAX_EXCL_LOCK;
	if (infobits & XLHL_XMAX_KEYSHR_LOCK)
		t->t_infomask |= HEAP_XMAX_KEYSHR_LOCK;
	if (infobits & XLHL_KEYS_UPDATED)
		t->t_infomask2 |= HEAP_KEYS_UPDATED;
}

/* --- Several holders of one row (multixacts) ------------------------- */

/* The heavyweight tuple lock a waiter for each row lock mode queues with
 * (PostgreSQL's tupleLockExtraInfo), so that waiters for compatible modes
 * do not queue behind each other. */
LOCKMODE TupleLockHwMode(LockTupleMode mode)
{
	switch (mode)
	{
		case LockTupleKeyShare:
			return AccessShareLock;
		case LockTupleShare:
			return RowShareLock;
		case LockTupleNoKeyExclusive:
			return ExclusiveLock;
		case LockTupleExclusive:
			break;
	}
	return AccessExclusiveLock;
}

LockTupleMode ModeOfStatus(MultiXactStatus status)
{
	switch (status)
	{
		case MultiXactStatusForKeyShare:
			return LockTupleKeyShare;
		case MultiXactStatusForShare:
			return LockTupleShare;
		case MultiXactStatusForNoKeyUpdate:
		case MultiXactStatusNoKeyUpdate:
			return LockTupleNoKeyExclusive;
		case MultiXactStatusForUpdate:
		case MultiXactStatusUpdate:
			break;
	}
	return LockTupleExclusive;
}

MultiXactStatus LockStatusOf(LockTupleMode mode)
{
	switch (mode)
	{
		case LockTupleKeyShare:
			return MultiXactStatusForKeyShare;
		case LockTupleShare:
			return MultiXactStatusForShare;
		case LockTupleNoKeyExclusive:
			return MultiXactStatusForNoKeyUpdate;
		case LockTupleExclusive:
			break;
	}
	return MultiXactStatusForUpdate;
}

/* Whether row locks of these strengths conflict (PostgreSQL's table:
 * the heavyweight conflicts of their tupleLockExtraInfo modes). */
bool ModesConflict(LockTupleMode a, LockTupleMode b)
{
	static constexpr bool kConflicts[4][4] = {
		/* key share */ {false, false, false, true},
		/* share */ {false, false, true, true},
		/* no key exclusive */ {false, true, true, true},
		/* exclusive */ {true, true, true, true},
	};
	return kConflicts[a][b];
}

/* What a single transaction id in xmax holds the row as, from the
 * infomask. */
MultiXactStatus SingleXmaxStatus(HeapTupleHeader t)
{
	bool keys = (t->t_infomask2 & HEAP_KEYS_UPDATED) != 0;
	if (HEAP_XMAX_IS_LOCKED_ONLY(t->t_infomask))
	{
		if ((t->t_infomask & HEAP_LOCK_MASK) == HEAP_XMAX_SHR_LOCK)
			return MultiXactStatusForShare;
		if (t->t_infomask & HEAP_XMAX_KEYSHR_LOCK)
			return MultiXactStatusForKeyShare;
		return keys ? MultiXactStatusForUpdate : MultiXactStatusForNoKeyUpdate;
	}
	return keys ? MultiXactStatusUpdate : MultiXactStatusNoKeyUpdate;
}

/* Who holds the row through its xmax: a multixact's members, or the one
 * transaction with the strength its infomask says; none if xmax is
 * invalid. */
std::vector<MultiXactMember> XmaxMembers(HeapTupleHeader t)
{
	std::vector<MultiXactMember> result;
	if (t->t_infomask & HEAP_XMAX_INVALID)
		return result;
	if (!(t->t_infomask & HEAP_XMAX_IS_MULTI))
	{
		result.push_back(MultiXactMember{HeapTupleHeaderGetRawXmaxFull(t), SingleXmaxStatus(t)});
		return result;
	}
	MultiXactMember *members;
	int n = GetMultiXactIdMembers(t->t_xmax, &members, HEAP_XMAX_IS_LOCKED_ONLY(t->t_infomask));
	result.assign(members, members + n);
	if (members != nullptr)
		pfree(members);
	return result;
}

/* The xmax bits describing a multixact of these members (PostgreSQL's
 * GetMultiXactIdHintBits): its strongest lock, whether it only locks,
 * and whether a member holds or changes the key. */
void MultiInfomask(const std::vector<MultiXactMember> &members, uint16 *infomask, uint16 *infomask2)
{
	*infomask = HEAP_XMAX_IS_MULTI;
	*infomask2 = 0;
	bool has_update = false;
	LockTupleMode strongest = LockTupleKeyShare;
	for (const MultiXactMember &m : members)
	{
		strongest = Max(strongest, ModeOfStatus(m.status));
		has_update = has_update || ISUPDATE_from_mxstatus(m.status);
		if (m.status == MultiXactStatusForUpdate || m.status == MultiXactStatusUpdate)
			*infomask2 |= HEAP_KEYS_UPDATED;
	}
	if (strongest >= LockTupleNoKeyExclusive)
		*infomask |= HEAP_XMAX_EXCL_LOCK;
	else if (strongest == LockTupleShare)
		*infomask |= HEAP_XMAX_SHR_LOCK;
	else
		*infomask |= HEAP_XMAX_KEYSHR_LOCK;
	if (!has_update)
		*infomask |= HEAP_XMAX_LOCK_ONLY;
}

/* The xmax bits of one transaction locking the row in mode. */
void LockInfomask(LockTupleMode mode, uint16 *infomask, uint16 *infomask2)
{
	*infomask = HEAP_XMAX_LOCK_ONLY |
		(mode == LockTupleKeyShare	  ? HEAP_XMAX_KEYSHR_LOCK
			 : mode == LockTupleShare ? HEAP_XMAX_SHR_LOCK
									  : HEAP_XMAX_EXCL_LOCK);
	*infomask2 = mode == LockTupleExclusive ? HEAP_KEYS_UPDATED : 0;
}

/* Give the tuple a new xmax and the bits describing it. */
void SetXmax(HeapTupleHeader t, uint64 xmax, uint16 infomask, uint16 infomask2)
{
	t->t_infomask &= ~kXmaxBits;
	t->t_infomask2 &= ~HEAP_KEYS_UPDATED;
	t->t_infomask |= infomask;
	t->t_infomask2 |= infomask2;
	t->t_xmax = xmax;
}

/* xmax for these members: the one transaction's id, or a new multixact. */
uint64 XmaxFor(const std::vector<MultiXactMember> &members, LockTupleMode single_mode,
			   uint16 *infomask, uint16 *infomask2)
{
	if (members.size() == 1 && !ISUPDATE_from_mxstatus(members[0].status))
	{
		LockInfomask(single_mode, infomask, infomask2);
		return U64FromFullTransactionId(members[0].xid);
	}
	MultiInfomask(members, infomask, infomask2);
	return MultiXactIdCreateFromMembers(static_cast<int>(members.size()), members.data());
}

HeapTuple CopyTupleAt(Relation relation, ItemPointer tid);

/* Whether two values of a type are the same bytes (PostgreSQL's datumIsEqual). */
bool DatumsEqual(Datum a, Datum b, bool byval, int len)
{
	if (byval)
		return a == b;
	Size sa = datumGetSize(a, byval, len);
	return sa == datumGetSize(b, byval, len) &&
		memcmp(DatumGetPointer(a), DatumGetPointer(b), sa) == 0;
}

/* What an update changes, for the lock it needs and whether it may be
 * heap-only. */
struct UpdateChanges
{
	/* A column of the table's key: a column of a unique index that is
	 * not partial, which foreign keys may reference (PostgreSQL's
	 * INDEX_ATTR_BITMAP_KEY). */
	bool key = true;
	/* A column of any index, or any column where an index has a
	 * predicate (PostgreSQL's INDEX_ATTR_BITMAP_ALL, coarser): then the
	 * new version needs index entries of its own. */
	bool indexed = true;
};

/*
 * What an update of the row at otid to newtup changes, compared as stored
 * bytes.  A table without a catalog row, and every system catalog, is
 * taken as changing its key and its indexed columns: such updates wait
 * for every locker and are never heap-only.
 */
UpdateChanges ColumnsChanged(Relation rel, ItemPointer otid, HeapTuple oldcopy, HeapTuple newtup)
{
	UpdateChanges result;
	if (rel->rd_rel == nullptr || rel->rd_att == nullptr || rel->rd_id < FirstNormalObjectId)
		return result;
	result = UpdateChanges{false, false};
	if (!rel->rd_rel->relhasindex)
		return result;
	HeapTuple oldtup = oldcopy != nullptr ? oldcopy : CopyTupleAt(rel, otid);
	if (oldtup == nullptr)
		return UpdateChanges{};
	auto changed = [&](int attnum) {
		Form_pg_attribute att = TupleDescAttr(rel->rd_att, attnum - 1);
		bool oldnull, newnull;
		Datum oldval = heap_getattr(oldtup, attnum, rel->rd_att, &oldnull);
		Datum newval = heap_getattr(newtup, attnum, rel->rd_att, &newnull);
		return oldnull != newnull ||
			(!oldnull && !DatumsEqual(oldval, newval, att->attbyval, att->attlen));
	};
	List *indexes = RelationGetIndexList(rel);
	ListCell *lc;
	foreach (lc, indexes)
	{
		/* The updater's caller keeps the table's indexes open and locked. */
		Relation index = relation_open(lfirst_oid(lc), NoLock);
		Form_pg_index form = index->rd_index;
		bool partial = !heap_attisnull(index->rd_indextuple, Anum_pg_index_indpred, nullptr);
		bool is_key = form->indisunique && form->indimmediate && !partial;
		for (int i = 0; i < form->indnatts && !(result.key && result.indexed); i++)
		{
			int attnum = form->indkey.values[i];
			bool col_changed = attnum <= 0 || changed(attnum);
			result.indexed = result.indexed || col_changed;
			if (is_key && i < form->indnkeyatts)
				result.key = result.key || col_changed;
		}
		/* (The predicate's columns are not picked out: any change counts.) */
		for (int attnum = 1; partial && !result.indexed && attnum <= rel->rd_att->natts; attnum++)
			result.indexed = !TupleDescAttr(rel->rd_att, attnum - 1)->attisdropped &&
				changed(attnum);
		relation_close(index, NoLock);
		if (result.key && result.indexed)
			break;
	}
	list_free(indexes);
	return result;
}

/* PostgreSQL's refusal, where its ReadBufferExtended makes it. */
void CheckNotOtherTemp(Relation rel)
{
	if (RELATION_IS_OTHER_TEMP(rel))
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot access temporary tables of other sessions"));
}

tusk::BufferPin ReadHeapBuffer(Relation rel, BlockNumber blk)
{
	CheckNotOtherTemp(rel);
	uint64 reads = BufferBlocksRead;
	tusk::BufferPin pin(
		ReadBufferWithoutRelcache(rel->rd_node, MAIN_FORKNUM, blk, RBM_NORMAL, nullptr, true));
	pgstat_count_buffer_read(rel);
	if (BufferBlocksRead == reads)
		pgstat_count_buffer_hit(rel);
	return pin;
}

BlockNumber NumBlocks(Relation rel)
{
	return smgrnblocks(smgropen(rel->rd_node), MAIN_FORKNUM);
}

HeapTupleData TupleAt(Relation rel, Buffer buf, OffsetNumber off)
{
	Page page = BufferGetPage(buf);
	ItemId lp = PageGetItemId(page, off);
	HeapTupleData t;
	t.t_data = reinterpret_cast<HeapTupleHeader>(PageGetItem(page, lp));
	t.t_len = ItemIdGetLength(lp);
	ItemPointerSet(&t.t_self, BufferGetBlockNumber(buf), off);
	t.t_tableOid = rel->rd_id;
	return t;
}

bool IsNormalItem(Page page, OffsetNumber off)
{
	return off >= FirstOffsetNumber && off <= PageGetMaxOffsetNumber(page) &&
		ItemIdIsNormal(PageGetItemId(page, off));
}

/*
 * A page with room for len bytes, pinned and locked exclusively
 * (PostgreSQL's RelationGetBufferForTuple).  other, if valid, is a pinned
 * but unlocked buffer the caller also needs locked: *other_lock comes back
 * holding its lock, both taken in block order so that two backends doing
 * this cannot deadlock; if the room is on other itself, the result is
 * empty.
 */
tusk::LockedBuffer GetBufferForTuple(Relation rel, Size len, Buffer other,
									 tusk::BufferLock *other_lock)
{
	if (len > MaxHeapTupleSize)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("row is too big: size %zu, maximum size %zu", len,
					   static_cast<Size>(MaxHeapTupleSize)));
	BlockNumber other_blk = BufferIsValid(other) ? BufferGetBlockNumber(other) : InvalidBlockNumber;
	BlockNumber target = rel->rd_targblock;
	if (target == InvalidBlockNumber)
		target = GetPageWithFreeSpace(rel, len);
	if (target == InvalidBlockNumber)
	{
		BlockNumber nblocks = NumBlocks(rel);
		if (nblocks > 0)
			target = nblocks - 1;
	}
	int fsm_tries = 0;
	for (;;)
	{
		tusk::LockedBuffer candidate; /* empty: the target is other */
		if (target == InvalidBlockNumber)
		{
			/* A new page (initialized below): others who find it wait
			 * for our lock; if we must wait for other, we let go of the
			 * new page first, to take both in block order. */
			candidate = tusk::LockedBuffer::Adopt(
				ReadBufferWithoutRelcache(rel->rd_node, MAIN_FORKNUM, P_NEW, RBM_ZERO_AND_LOCK,
										  nullptr, true));
			pgstat_count_buffer_read(rel); /* an extension counts as a read */
			if (BufferIsValid(other))
			{
				*other_lock = tusk::BufferLock::TryExclusive(other);
				if (!other_lock->held())
				{
					tusk::BufferPin pin = candidate.Unlock();
					*other_lock = tusk::BufferLock(other, BUFFER_LOCK_EXCLUSIVE);
					candidate = tusk::LockedBuffer(std::move(pin), BUFFER_LOCK_EXCLUSIVE);
				}
			}
		}
		else if (target == other_blk)
			*other_lock = tusk::BufferLock(other, BUFFER_LOCK_EXCLUSIVE);
		else
		{
			tusk::BufferPin pin = ReadHeapBuffer(rel, target);
			if (!BufferIsValid(other))
				candidate = tusk::LockedBuffer(std::move(pin), BUFFER_LOCK_EXCLUSIVE);
			else if (other_blk < target)
			{
				*other_lock = tusk::BufferLock(other, BUFFER_LOCK_EXCLUSIVE);
				candidate = tusk::LockedBuffer(std::move(pin), BUFFER_LOCK_EXCLUSIVE);
			}
			else
			{
				tusk::BufferLock lock(pin.get(), BUFFER_LOCK_EXCLUSIVE);
				*other_lock = tusk::BufferLock(other, BUFFER_LOCK_EXCLUSIVE);
				candidate = tusk::LockedBuffer::Adopt(std::move(pin), std::move(lock));
			}
		}
		Buffer buf = candidate.valid() ? candidate.get() : other;
		Page page = BufferGetPage(buf);
		if (PageIsNew(page))
			PageInit(page, BLCKSZ, 0); /* extended by someone who crashed */
		if (PageGetFreeSpace(page) >= len)
		{
			rel->rd_targblock = BufferGetBlockNumber(buf);
			return candidate;
		}
		/* No room: let go, and try a page the free space map offers —
		 * a few times, in case it is out of date — then a new one. */
		Size avail = PageGetFreeSpace(page);
		BlockNumber tried = BufferGetBlockNumber(buf);
		candidate.Release();
		if (BufferIsValid(other))
			other_lock->Release();
		target = ++fsm_tries <= 8 ? RecordAndGetPageWithFreeSpace(rel, tried, avail, len)
								  : InvalidBlockNumber;
		if (target == tried)
			target = InvalidBlockNumber;
	}
}

xl_heap_header HeaderOf(HeapTupleHeader t)
{
	return xl_heap_header{t->t_infomask2, t->t_infomask, t->t_hoff};
}

/* Register the tuple's bytes after the header, as inserts carry them. */
void RegisterTupleData(uint8 block_id, const xl_heap_header *hdr, HeapTupleHeader t, uint32 len)
{
	XLogRegisterBufData(block_id, reinterpret_cast<const char *>(hdr), SizeOfHeapHeader);
	XLogRegisterBufData(block_id, reinterpret_cast<const char *>(t) + SizeofHeapTupleHeader,
						len - SizeofHeapTupleHeader);
}

/* A new tuple's header, as its inserting command sets it. */
void PrepareNewTuple(HeapTupleHeader t, FullTransactionId xid, CommandId cid)
{
	t->t_infomask &= ~HEAP_XACT_MASK;
	t->t_infomask2 &= ~kHeap2XactMask;
	t->t_infomask |= HEAP_XMAX_INVALID;
	HeapTupleHeaderSetXmin(t, xid);
	HeapTupleHeaderSetCmin(t, cid);
	HeapTupleHeaderSetXmax(t, InvalidFullTransactionId);
}

/* Mark t deleted (or replaced by the version at ctid) by xid. */
void SetDeleted(HeapTupleHeader t, FullTransactionId xid, CommandId cmax, bool iscombo,
				const ItemPointerData &ctid)
{
	t->t_infomask &= ~kXmaxBits;
	t->t_infomask2 &= ~HEAP_HOT_UPDATED;
	HeapTupleHeaderSetXmax(t, xid);
	HeapTupleHeaderSetCmax(t, cmax, iscombo);
	t->t_ctid = ctid;
}

/* Whether the page ends up holding only the tuple just added at off:
 * then replay may start from an empty page. */
bool OnlyTupleOnPage(Page page, OffsetNumber off)
{
	return off == FirstOffsetNumber && PageGetMaxOffsetNumber(page) == FirstOffsetNumber;
}

OffsetNumber AddTuple(Buffer buf, HeapTuple tup)
{
	Page page = BufferGetPage(buf);
	OffsetNumber off = PageAddItemExtended(page, reinterpret_cast<const char *>(tup->t_data),
										   tup->t_len, InvalidOffsetNumber, 0);
	if (off == InvalidOffsetNumber)
		elog(PANIC, "failed to add tuple to page");
	ItemPointerSet(&tup->t_self, BufferGetBlockNumber(buf), off);
	auto *item = reinterpret_cast<HeapTupleHeader>(PageGetItem(page, PageGetItemId(page, off)));
	item->t_ctid = tup->t_self;
	return off;
}

/*
 * Of the transactions holding the row through xmax, sort those that are
 * still running (but our own) into the ones whose hold conflicts with
 * mode — an updater always does — and lockers that may stay.
 *
 * The tuple was judged (HeapTupleSatisfiesUpdate: being modified) a moment
 * ago, but its holders do not need the buffer lock to end: an updater may
 * have committed since.  Then this returns false and the caller must judge
 * the tuple again (it is updated or deleted now); skipping that updater as
 * "not running" would change a version that is no longer the newest — a
 * lost update.  An updater that aborted is skipped like an ended locker.
 */
[[nodiscard]] bool SortHolders(HeapTupleHeader t, LockTupleMode mode,
							   std::vector<FullTransactionId> *conflicts,
							   std::vector<MultiXactMember> *lockers)
{
	conflicts->clear();
	lockers->clear();
	for (const MultiXactMember &m : XmaxMembers(t))
	{
		if (FullTransactionIdIsCurrentTransactionId(m.xid))
			continue;
		if (!FullTransactionIdIsInProgress(m.xid))
		{
			/* Out of the ProcArray only after its commit is in the commit
			 * log: not running and not committed is aborted. */
			if (ISUPDATE_from_mxstatus(m.status) && FullTransactionIdDidCommit(m.xid))
				return false;
			continue;
		}
		if (ISUPDATE_from_mxstatus(m.status) || ModesConflict(ModeOfStatus(m.status), mode))
			conflicts->push_back(m.xid);
		else
			lockers->push_back(m);
	}
	return true;
}

/* Wait (with the buffer let go) for each of xids to end, queued on the
 * row's heavyweight lock in mode's strength so waiters are served in
 * order. */
void WaitForHolders(Relation rel, ItemPointer tid, Buffer buf, tusk::BufferLock &lock,
					LockTupleMode mode, bool *have_tuple_lock,
					const std::vector<FullTransactionId> &xids)
{
	lock.Release();
	if (!*have_tuple_lock)
	{
		LockTuple(rel->rd_id, ItemPointerGetBlockNumber(tid), ItemPointerGetOffsetNumber(tid),
				  TupleLockHwMode(mode));
		*have_tuple_lock = true;
	}
	for (FullTransactionId xid : xids)
		XactLockTableWait(xid);
	lock = tusk::BufferLock(buf, BUFFER_LOCK_EXCLUSIVE);
}

/*
 * The common start of delete and update (in mode's strength): the tuple at
 * tid, in buf (pinned, locked exclusively through lock), and what a change
 * to it would meet — after waiting for running holders whose hold
 * conflicts, if asked, with the lock let go meanwhile.  On TM_Ok lock
 * holds the buffer locked exclusively, *tuple points into it, and
 * *lockers are the running lockers that may keep their lock (FOR KEY
 * SHARE lockers, under a non-key update).
 */
TM_Result PrepareChange(Relation rel, ItemPointer tid, CommandId cid, bool wait, Buffer buf,
						tusk::BufferLock &lock, HeapTupleData *tuple, bool *have_tuple_lock,
						const char *what, LockTupleMode mode, std::vector<MultiXactMember> *lockers)
{
	std::vector<FullTransactionId> conflicts;
	for (;;)
	{
		lockers->clear();
		Page page = BufferGetPage(buf);
		if (!IsNormalItem(page, ItemPointerGetOffsetNumber(tid)))
			elog(ERROR, "invalid tid (%u,%u) in relation %u", ItemPointerGetBlockNumber(tid),
				 ItemPointerGetOffsetNumber(tid), rel->rd_id);
		*tuple = TupleAt(rel, buf, ItemPointerGetOffsetNumber(tid));
		TM_Result result = HeapTupleSatisfiesUpdate(tuple, cid, buf);
		if (result == TM_Invisible)
			ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					errmsg("attempted to %s invisible tuple", what));
		if (result != TM_BeingModified)
			return result;
		if (heap_being_modified_test_hook != nullptr)
			heap_being_modified_test_hook();
		/* Only locked, by us (SELECT … FOR UPDATE, then UPDATE), or by
		 * others in modes that let us go on. */
		if (!SortHolders(tuple->t_data, mode, &conflicts, lockers))
			continue; /* its updater committed meanwhile: judge it again */
		if (conflicts.empty())
			return TM_Ok;
		if (!wait)
			return result;
		WaitForHolders(rel, tid, buf, lock, mode, have_tuple_lock, conflicts);
		/* Look again: they finished (or someone else got in first). */
	}
}

void FillFailure(const HeapTupleData &tuple, TM_Result result, TM_FailureData *tmfd)
{
	if (tmfd == nullptr)
		return;
	tmfd->ctid = tuple.t_data->t_ctid;
	tmfd->xmax = HEAP_XMAX_IS_LOCKED_ONLY(tuple.t_data->t_infomask)
		? HeapTupleHeaderGetRawXmaxFull(tuple.t_data)
		: HeapTupleGetUpdateXid(tuple.t_data);
	tmfd->cmax = result == TM_SelfModified ? HeapTupleHeaderGetCmax(tuple.t_data)
										   : InvalidCommandId;
	tmfd->traversed = false;
	tmfd->lockmode = LockTupleExclusive;
}

void ReleaseTupleLock(Relation rel, ItemPointer tid, bool have_tuple_lock, LockTupleMode mode)
{
	if (have_tuple_lock)
		UnlockTuple(rel->rd_id, ItemPointerGetBlockNumber(tid), ItemPointerGetOffsetNumber(tid),
					TupleLockHwMode(mode));
}

}  // namespace

HeapTuple heap_form_raw_tuple(const void *data, uint32 len, int natts)
{
	uint32 hoff = MAXALIGN(SizeofHeapTupleHeader);
	auto *tuple = static_cast<HeapTuple>(palloc(HEAPTUPLESIZE + hoff + len));
	tuple->t_len = hoff + len;
	ItemPointerSetInvalid(&tuple->t_self);
	tuple->t_tableOid = InvalidOid;
	tuple->t_data = reinterpret_cast<HeapTupleHeader>(reinterpret_cast<char *>(tuple) +
													  HEAPTUPLESIZE);
	memset(tuple->t_data, 0, hoff);
	tuple->t_data->t_hoff = static_cast<uint8>(hoff);
	HeapTupleHeaderSetNatts(tuple->t_data, natts);
	ItemPointerSetInvalid(&tuple->t_data->t_ctid);
	if (len > 0)
		memcpy(reinterpret_cast<char *>(tuple->t_data) + hoff, data, len);
	return tuple;
}

void heap_freetuple(HeapTuple tuple)
{
	pfree(tuple);
}

char *heap_tuple_data(HeapTuple tuple, uint32 *len)
{
	*len = tuple->t_len - tuple->t_data->t_hoff;
	return reinterpret_cast<char *>(tuple->t_data) + tuple->t_data->t_hoff;
}

namespace {
void InsertStored(Relation relation, HeapTuple tup);
}  // namespace

void heap_insert(Relation relation, HeapTuple tup, CommandId cid, int options, void *bistate)
{
	(void) bistate;
	CheckNotOtherTemp(relation);
	FullTransactionId xid = GetCurrentFullTransactionId();
	PrepareNewTuple(tup->t_data, xid, cid);
	tup->t_tableOid = relation->rd_id;
	/* A large row has values compressed or moved to the TOAST table
	 * first; the caller's tuple keeps its values, and learns where the
	 * stored one went. */
	HeapTuple stored = tup;
	if (RelationToastsRows(relation) &&
		(HeapTupleHasExternal(tup) || tup->t_len > TOAST_TUPLE_THRESHOLD))
		stored = heap_toast_insert_or_update(relation, tup, nullptr, options);
	InsertStored(relation, stored);
	if (stored != tup)
	{
		tup->t_self = stored->t_self;
		heap_freetuple(stored);
	}
	pgstat_count_heap_insert(relation, 1);
}

namespace {

/* heap_insert of a tuple whose header is prepared and which is toasted. */
void InsertStored(Relation relation, HeapTuple tup)
{
	tusk::LockedBuffer target = GetBufferForTuple(relation, MAXALIGN(tup->t_len), InvalidBuffer,
												  nullptr);
	Buffer buf = target.get();
	Page page = BufferGetPage(buf);

	tusk::CriticalSection crit;
	OffsetNumber off = AddTuple(buf, tup);
	MarkBufferDirty(buf);
	bool init = OnlyTupleOnPage(page, off);
	xl_heap_insert rec{off, 0};
	xl_heap_header hdr = HeaderOf(tup->t_data);
	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
	XLogRegisterBuffer(0, buf, REGBUF_STANDARD | (init ? REGBUF_WILL_INIT : 0));
	RegisterTupleData(0, &hdr, tup->t_data, tup->t_len);
	XLogRecPtr lsn = XLogInsert(RM_HEAP_ID, XLOG_HEAP_INSERT | (init ? XLOG_HEAP_INIT_PAGE : 0));
	PageSetLSN(page, lsn);
	crit.End();
}

/* Within the caller's critical section: WAL-log a delete record of buf's
 * page and stamp the page with it. */
void LogDelete(Buffer buf, const xl_heap_delete &rec)
{
	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
	XLogRegisterBuffer(0, buf, REGBUF_STANDARD);
	XLogRecPtr lsn = XLogInsert(RM_HEAP_ID, XLOG_HEAP_DELETE);
	PageSetLSN(BufferGetPage(buf), lsn);
}

/* A palloc'd copy of the tuple at tid (share-locked while copied), or
 * NULL if there is none. */
HeapTuple CopyTupleAt(Relation relation, ItemPointer tid)
{
	tusk::BufferPin pin = ReadHeapBuffer(relation, ItemPointerGetBlockNumber(tid));
	tusk::BufferLock lock(pin.get(), BUFFER_LOCK_SHARE);
	if (!IsNormalItem(BufferGetPage(pin.get()), ItemPointerGetOffsetNumber(tid)))
		return nullptr;
	HeapTupleData t = TupleAt(relation, pin.get(), ItemPointerGetOffsetNumber(tid));
	return heap_copytuple(&t);
}

}  // namespace

TM_Result heap_delete(Relation relation, ItemPointer tid, CommandId cid, bool wait,
					  TM_FailureData *tmfd)
{
	FullTransactionId xid = GetCurrentFullTransactionId();
	MultiXactIdSetOldestMember();
	tusk::BufferPin pin = ReadHeapBuffer(relation, ItemPointerGetBlockNumber(tid));
	Buffer buf = pin.get();
	tusk::BufferLock lock(buf, BUFFER_LOCK_EXCLUSIVE);
	bool have_tuple_lock = false;
	HeapTupleData tuple;
	/* A delete conflicts with every lock: no locker stays. */
	std::vector<MultiXactMember> lockers;
	/* On error, the guards give the buffer's lock and pin back; the tuple
	 * lock goes with the transaction's abort. */
	TM_Result result = PrepareChange(relation, tid, cid, wait, buf, lock, &tuple, &have_tuple_lock,
									 "delete", LockTupleExclusive, &lockers);
	if (result != TM_Ok)
	{
		FillFailure(tuple, result, tmfd);
		lock.Release();
		pin.Release();
		ReleaseTupleLock(relation, tid, have_tuple_lock, LockTupleExclusive);
		return result;
	}
	CommandId cmax = cid;
	bool iscombo;
	HeapTupleHeaderAdjustCmax(tuple.t_data, &cmax, &iscombo);

	/* Its out-of-line values go with it (below, once the page is let go). */
	HeapTuple toasted = RelationToastsRows(relation) && HeapTupleHasExternal(&tuple)
		? heap_copytuple(&tuple)
		: nullptr;

	tusk::CriticalSection crit;
	SetDeleted(tuple.t_data, xid, cmax, iscombo, *tid);
	tuple.t_data->t_infomask2 |= HEAP_KEYS_UPDATED;
	heap_page_set_prunable(BufferGetPage(buf), xid);
	MarkBufferDirty(buf);
	xl_heap_delete rec{U64FromFullTransactionId(xid), ItemPointerGetOffsetNumber(tid),
					   InfobitsOf(tuple.t_data), 0};
	LogDelete(buf, rec);
	crit.End();

	lock.Release();
	pin.Release();
	ReleaseTupleLock(relation, tid, have_tuple_lock, LockTupleExclusive);
	if (toasted != nullptr)
		heap_toast_delete(relation, toasted, nullptr);
	pgstat_count_heap_delete(relation);
	return TM_Ok;
}

void heap_abort_speculative(Relation relation, ItemPointer tid)
{
	FullTransactionId xid = GetCurrentFullTransactionId();
	tusk::BufferPin pin = ReadHeapBuffer(relation, ItemPointerGetBlockNumber(tid));
	Buffer buf = pin.get();
	tusk::BufferLock lock(buf, BUFFER_LOCK_EXCLUSIVE);
	if (!IsNormalItem(BufferGetPage(buf), ItemPointerGetOffsetNumber(tid)))
		elog(ERROR, "attempted to kill a tuple that is not there: (%u,%u)",
			 ItemPointerGetBlockNumber(tid), ItemPointerGetOffsetNumber(tid));
	HeapTupleData tuple = TupleAt(relation, buf, ItemPointerGetOffsetNumber(tid));
	if (!FullTransactionIdEquals(HeapTupleHeaderGetRawXminFull(tuple.t_data), xid) ||
		(tuple.t_data->t_infomask & HEAP_XMAX_INVALID) == 0)
		elog(ERROR, "attempted to kill a tuple not inserted by this command");
	HeapTuple toasted = RelationToastsRows(relation) && HeapTupleHasExternal(&tuple)
		? heap_copytuple(&tuple)
		: nullptr;

	tusk::CriticalSection crit;
	tuple.t_data->t_infomask &= ~HEAP_XMIN_COMMITTED;
	tuple.t_data->t_infomask |= HEAP_XMIN_INVALID;
	MarkBufferDirty(buf);
	xl_heap_delete rec{U64FromFullTransactionId(xid), ItemPointerGetOffsetNumber(tid), 0,
					   XLH_DELETE_IS_SUPER};
	LogDelete(buf, rec);
	crit.End();

	lock.Release();
	pin.Release();
	if (toasted != nullptr)
		heap_toast_delete(relation, toasted, nullptr);
}

TM_Result heap_update(Relation relation, ItemPointer otid_in, HeapTuple newtup, CommandId cid,
					  bool wait, TM_FailureData *tmfd)
{
	/* A copy: callers may pass &newtup->t_self (CatalogTupleUpdate does,
	 * as in PostgreSQL), which placing the new version overwrites. */
	ItemPointerData otid_copy = *otid_in;
	ItemPointer otid = &otid_copy;
	FullTransactionId xid = GetCurrentFullTransactionId();
	/*
	 * Toast the new version against the old before locking anything (a
	 * large value's chunks take a while to write): the old version's
	 * out-of-line values that the new one keeps stay shared.  Should the
	 * update then fail (a concurrent update), chunks written for new
	 * values stay behind unreferenced: they cannot be deleted by the
	 * command that inserted them.
	 */
	HeapTuple callers = newtup;
	HeapTuple oldcopy = nullptr;
	if (RelationToastsRows(relation))
	{
		oldcopy = CopyTupleAt(relation, otid);
		if (oldcopy != nullptr && !HeapTupleHasExternal(oldcopy))
			oldcopy = nullptr;
		if (oldcopy != nullptr || HeapTupleHasExternal(newtup) ||
			newtup->t_len > TOAST_TUPLE_THRESHOLD)
			newtup = heap_toast_insert_or_update(relation, newtup, oldcopy, 0);
	}
	MultiXactIdSetOldestMember();
	/* A change of the key conflicts with FOR KEY SHARE lockers (foreign
	 * keys referencing the row); any other update lets them stay.  An
	 * update of no indexed column is heap-only if it stays on the page. */
	UpdateChanges changes = ColumnsChanged(relation, otid, oldcopy, callers);
	LockTupleMode mode = changes.key ? LockTupleExclusive : LockTupleNoKeyExclusive;
	tusk::BufferPin pin = ReadHeapBuffer(relation, ItemPointerGetBlockNumber(otid));
	Buffer buf = pin.get();
	tusk::BufferLock lock(buf, BUFFER_LOCK_EXCLUSIVE);
	bool have_tuple_lock = false;
	HeapTupleData old;
	std::vector<MultiXactMember> lockers;
	tusk::LockedBuffer elsewhere; /* empty: the new version goes on buf */
	for (;;)
	{
		TM_Result result = PrepareChange(relation, otid, cid, wait, buf, lock, &old,
										 &have_tuple_lock, "update", mode, &lockers);
		if (result != TM_Ok)
		{
			FillFailure(old, result, tmfd);
			if (tmfd != nullptr)
				tmfd->lockmode = mode;
			lock.Release();
			pin.Release();
			ReleaseTupleLock(relation, otid, have_tuple_lock, mode);
			return result;
		}
		Size newlen = MAXALIGN(newtup->t_len);
		if (PageGetFreeSpace(BufferGetPage(buf)) >= newlen)
			break;
		/* No room here: the next reader of the page prunes it. */
		PageSetFull(BufferGetPage(buf));
		/* Another page: both locked in order; start over if the old
		 * version changed while we held no lock on it. */
		uint64 xmax_before = old.t_data->t_xmax;
		uint16 xmax_bits_before = old.t_data->t_infomask & kXmaxHolderBits;
		lock.Release();
		elsewhere = GetBufferForTuple(relation, newlen, buf, &lock);
		old = TupleAt(relation, buf, ItemPointerGetOffsetNumber(otid));
		/* (A locker may have strengthened its lock: same xmax, other bits.) */
		if (old.t_data->t_xmax == xmax_before &&
			(old.t_data->t_infomask & kXmaxHolderBits) == xmax_bits_before)
			break;
		elsewhere.Release();
	}
	Buffer newbuf = elsewhere.valid() ? elsewhere.get() : buf;
	bool hot = newbuf == buf && !changes.indexed;

	PrepareNewTuple(newtup->t_data, xid, cid);
	newtup->t_data->t_infomask |= HEAP_UPDATED;
	/* The caller learns from its tuple whether indexes need entries
	 * (HeapTupleIsHeapOnly), as from PostgreSQL's heap_update. */
	if (hot)
	{
		HeapTupleHeaderSetHeapOnly(newtup->t_data);
		HeapTupleHeaderSetHeapOnly(callers->t_data);
	}
	else
		HeapTupleHeaderClearHeapOnly(callers->t_data);
	newtup->t_tableOid = relation->rd_id;
	CommandId cmax = cid;
	bool iscombo;
	HeapTupleHeaderAdjustCmax(old.t_data, &cmax, &iscombo);
	Page newpage = BufferGetPage(newbuf);

	/*
	 * Lockers that stay (FOR KEY SHARE, under a non-key update) keep the
	 * old version locked — its xmax a multixact of them and us — and the
	 * new one: its xmax them alone.  Both multixacts are made (and
	 * logged) before the critical section.
	 */
	uint64 old_xmax = U64FromFullTransactionId(xid);
	uint16 old_infomask = 0;
	uint16 old_infomask2 = mode == LockTupleExclusive ? HEAP_KEYS_UPDATED : 0;
	uint64 new_xmax = 0;
	uint16 new_infomask = HEAP_XMAX_INVALID;
	uint16 new_infomask2 = 0;
	if (!lockers.empty())
	{
		new_xmax = XmaxFor(lockers, LockTupleKeyShare, &new_infomask, &new_infomask2);
		std::vector<MultiXactMember> holders = lockers;
		holders.push_back(MultiXactMember{xid,
										  mode == LockTupleExclusive ? MultiXactStatusUpdate
																	 : MultiXactStatusNoKeyUpdate});
		old_xmax = XmaxFor(holders, mode, &old_infomask, &old_infomask2);
	}

	tusk::CriticalSection crit;
	SetXmax(newtup->t_data, new_xmax, new_infomask, new_infomask2);
	OffsetNumber newoff = AddTuple(newbuf, newtup);
	SetDeleted(old.t_data, xid, cmax, iscombo, newtup->t_self);
	SetXmax(old.t_data, old_xmax, old_infomask, old_infomask2);
	if (hot)
		HeapTupleHeaderSetHotUpdated(old.t_data);
	heap_page_set_prunable(BufferGetPage(buf), xid);
	MarkBufferDirty(newbuf);
	if (newbuf != buf)
		MarkBufferDirty(buf);
	bool init = newbuf != buf && OnlyTupleOnPage(newpage, newoff);
	xl_heap_update rec{old_xmax,
					   ItemPointerGetOffsetNumber(otid),
					   InfobitsOf(old.t_data),
					   0,
					   newoff,
					   new_xmax};
	xl_heap_header hdr = HeaderOf(newtup->t_data);
	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
	XLogRegisterBuffer(0, newbuf, REGBUF_STANDARD | (init ? REGBUF_WILL_INIT : 0));
	if (newbuf != buf)
		XLogRegisterBuffer(1, buf, REGBUF_STANDARD);
	RegisterTupleData(0, &hdr, newtup->t_data, newtup->t_len);
	XLogRecPtr lsn = XLogInsert(RM_HEAP_ID,
								(hot ? XLOG_HEAP_HOT_UPDATE : XLOG_HEAP_UPDATE) |
									(init ? XLOG_HEAP_INIT_PAGE : 0));
	PageSetLSN(newpage, lsn);
	if (newbuf != buf)
		PageSetLSN(BufferGetPage(buf), lsn);
	crit.End();

	elsewhere.Release();
	lock.Release();
	pin.Release();
	ReleaseTupleLock(relation, otid, have_tuple_lock, mode);
	if (newtup != callers)
		callers->t_self = newtup->t_self;
	/* The old version's values the new one does not keep go with it. */
	if (oldcopy != nullptr)
		heap_toast_delete(relation, oldcopy, newtup);
	pgstat_count_heap_update(relation, hot);
	return TM_Ok;
}

TM_Result heap_lock_tuple(Relation relation, HeapTuple tuple, CommandId cid, LockTupleMode mode,
						  LockWaitPolicy wait_policy, Buffer *buffer, TM_FailureData *tmfd)
{
	ItemPointerData tid = tuple->t_self;
	FullTransactionId xid = GetCurrentFullTransactionId();
	MultiXactIdSetOldestMember();
	tusk::BufferPin pin = ReadHeapBuffer(relation, ItemPointerGetBlockNumber(&tid));
	Buffer buf = pin.get();
	tusk::BufferLock lock(buf, BUFFER_LOCK_EXCLUSIVE);
	bool have_tuple_lock = false;
	TM_Result result;
	std::vector<FullTransactionId> conflicts;
	std::vector<MultiXactMember> lockers; /* others' compatible locks, which stay */
	std::vector<MultiXactMember> ours;	  /* our enclosing levels' locks, which stay */
	LockTupleMode new_mode = mode;
	bool held = false; /* we hold the row in mode (or stronger) already */
	for (;;)
	{
		if (!IsNormalItem(BufferGetPage(buf), ItemPointerGetOffsetNumber(&tid)))
			elog(ERROR, "invalid tid (%u,%u) in relation %u", ItemPointerGetBlockNumber(&tid),
				 ItemPointerGetOffsetNumber(&tid), relation->rd_id);
		*tuple = TupleAt(relation, buf, ItemPointerGetOffsetNumber(&tid));
		result = HeapTupleSatisfiesUpdate(tuple, cid, buf);
		if (result != TM_BeingModified && result != TM_Ok)
			break;
		bool being_modified = result == TM_BeingModified;
		result = TM_Ok;
		ours.clear();
		new_mode = mode;
		held = false;
		for (const MultiXactMember &m : XmaxMembers(tuple->t_data))
		{
			if (!FullTransactionIdIsCurrentTransactionId(m.xid) || ISUPDATE_from_mxstatus(m.status))
				continue;
			held = held || ModeOfStatus(m.status) >= mode;
			if (FullTransactionIdEquals(m.xid, xid))
				new_mode = Max(new_mode, ModeOfStatus(m.status)); /* strengthened */
			else
				ours.push_back(m);
		}
		if (held)
			break;
		if (being_modified && heap_being_modified_test_hook != nullptr)
			heap_being_modified_test_hook();
		/* Others' locks in modes compatible with ours stay; running
		 * updaters and conflicting lockers we wait for. */
		if (!SortHolders(tuple->t_data, mode, &conflicts, &lockers))
			continue; /* its updater committed meanwhile: judge it again */
		if (conflicts.empty())
			break;
		if (wait_policy == LockWaitSkip)
		{
			result = TM_WouldBlock;
			break;
		}
		if (wait_policy == LockWaitError)
		{
			/* (A table made without a pg_class row, as unit tests do,
			 * is named by its OID.) */
			char oid[16];
			snprintf(oid, sizeof(oid), "%u", relation->rd_id);
			ereport(ERROR, errcode(ERRCODE_LOCK_NOT_AVAILABLE),
					errmsg("could not obtain lock on row in relation \"%s\"",
						   relation->rd_rel != nullptr ? RelationGetRelationName(relation) : oid));
		}
		WaitForHolders(relation, &tid, buf, lock, mode, &have_tuple_lock, conflicts);
	}
	if (result == TM_Ok && !held)
	{
		std::vector<MultiXactMember> holders = lockers;
		holders.insert(holders.end(), ours.begin(), ours.end());
		holders.push_back(MultiXactMember{xid, LockStatusOf(new_mode)});
		uint16 infomask, infomask2;
		/* A new multixact is made (and logged) before the page changes. */
		uint64 xmax = XmaxFor(holders, new_mode, &infomask, &infomask2);
		HeapTupleHeader t = tuple->t_data;
		tusk::CriticalSection crit;
		SetXmax(t, xmax, infomask, infomask2);
		MarkBufferDirty(buf);
		xl_heap_lock rec{xmax, ItemPointerGetOffsetNumber(&tid), InfobitsOf(t), 0};
		XLogBeginInsert();
		XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
		XLogRegisterBuffer(0, buf, REGBUF_STANDARD);
		XLogRecPtr lsn = XLogInsert(RM_HEAP_ID, XLOG_HEAP_LOCK);
		PageSetLSN(BufferGetPage(buf), lsn);
		crit.End();
	}
	else if (result != TM_Ok && result != TM_WouldBlock)
		FillFailure(*tuple, result, tmfd);
	lock.Release();
	*buffer = pin.Detach(); /* the caller's to release */
	ReleaseTupleLock(relation, &tid, have_tuple_lock, mode);
	return result;
}

HeapScanDesc heap_beginscan(Relation relation, Snapshot snapshot)
{
	auto *scan = palloc_object(HeapScanDescData);
	scan->rel = relation;
	scan->snapshot = snapshot;
	scan->nblocks = NumBlocks(relation);
	scan->next_block = 0;
	scan->buf = InvalidBuffer;
	scan->nvisible = 0;
	scan->next_visible = 0;
	pgstat_count_heap_scan(relation);
	return scan;
}

HeapTuple heap_getnext(HeapScanDesc scan, ScanDirection direction)
{
	if (direction != ForwardScanDirection)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("backward heap scans are not supported"));
	while (scan->next_visible >= scan->nvisible)
	{
		if (BufferIsValid(scan->buf))
		{
			ReleaseBuffer(scan->buf);
			scan->buf = InvalidBuffer;
		}
		if (scan->next_block >= scan->nblocks)
			return nullptr;
		/* A page at a time: which tuples the snapshot sees is decided
		 * under one share lock; they stay put while the page is pinned.
		 * The pin outlives this call, so the resource owner tracks it
		 * (doc/utils/resowner/README.md), not a guard. */
		scan->buf = ReadHeapBuffer(scan->rel, scan->next_block++).Detach();
		heap_page_prune_opt(scan->rel, scan->buf);
		tusk::BufferLock lock(scan->buf, BUFFER_LOCK_SHARE);
		Page page = BufferGetPage(scan->buf);
		scan->nvisible = 0;
		scan->next_visible = 0;
		for (OffsetNumber off = FirstOffsetNumber; off <= PageGetMaxOffsetNumber(page); off++)
		{
			if (!ItemIdIsNormal(PageGetItemId(page, off)))
				continue;
			HeapTupleData t = TupleAt(scan->rel, scan->buf, off);
			if (HeapTupleSatisfiesVisibility(&t, scan->snapshot, scan->buf))
			{
				if (scan->nvisible == kMaxTuplesPerPage)
					elog(ERROR, "too many tuples on page %u of relation %u", scan->next_block - 1,
						 RelationGetRelid(scan->rel));
				scan->visible[scan->nvisible++] = off;
			}
		}
	}
	scan->tuple = TupleAt(scan->rel, scan->buf, scan->visible[scan->next_visible++]);
	pgstat_count_heap_getnext(scan->rel);
	return &scan->tuple;
}

void heap_endscan(HeapScanDesc scan)
{
	if (BufferIsValid(scan->buf))
		ReleaseBuffer(scan->buf);
	pfree(scan);
}

bool heap_fetch(Relation relation, Snapshot snapshot, HeapTuple tuple, Buffer *userbuf)
{
	*userbuf = InvalidBuffer;
	/* The TID came from an index or a row this statement read: its block
	 * exists (asking the file's size here cost an lseek per fetch). */
	BlockNumber blk = ItemPointerGetBlockNumber(&tuple->t_self);
	tusk::BufferPin pin = ReadHeapBuffer(relation, blk);
	Buffer buf = pin.get();
	OffsetNumber off = ItemPointerGetOffsetNumber(&tuple->t_self);
	bool visible = false;
	{
		tusk::BufferLock lock(buf, BUFFER_LOCK_SHARE);
		if (IsNormalItem(BufferGetPage(buf), off))
		{
			*tuple = TupleAt(relation, buf, off);
			visible = HeapTupleSatisfiesVisibility(tuple, snapshot, buf);
		}
	}
	if (!visible)
		return false;
	*userbuf = pin.Detach(); /* the caller's to release */
	return true;
}

bool heap_index_fetch(Relation relation, Snapshot snapshot, HeapTuple tuple, Buffer *userbuf,
					  bool first_call)
{
	*userbuf = InvalidBuffer;
	tusk::BufferPin pin = ReadHeapBuffer(relation, ItemPointerGetBlockNumber(&tuple->t_self));
	Buffer buf = pin.get();
	if (first_call)
		heap_page_prune_opt(relation, buf);
	bool found;
	{
		tusk::BufferLock lock(buf, BUFFER_LOCK_SHARE);
		ItemPointerData tid = tuple->t_self;
		found = heap_hot_search_buffer(&tid, relation, buf, snapshot, tuple, nullptr, first_call);
	}
	if (!found)
		return false;
	*userbuf = pin.Detach(); /* the caller's to release */
	return true;
}

void heap_get_latest_tid(Relation relation, Snapshot snapshot, ItemPointer tid)
{
	ItemPointerData ctid = *tid;
	FullTransactionId prior_xmax = InvalidFullTransactionId;
	BlockNumber nblocks = NumBlocks(relation);
	for (;;)
	{
		if (ItemPointerGetBlockNumber(&ctid) >= nblocks)
			return;
		tusk::BufferPin pin = ReadHeapBuffer(relation, ItemPointerGetBlockNumber(&ctid));
		Buffer buf = pin.get();
		tusk::BufferLock lock(buf, BUFFER_LOCK_SHARE);
		Page page = BufferGetPage(buf);
		if (!IsNormalItem(page, ItemPointerGetOffsetNumber(&ctid)))
			return;
		HeapTupleData t = TupleAt(relation, buf, ItemPointerGetOffsetNumber(&ctid));
		/* A slot reused by an unrelated tuple ends the chain. */
		if (FullTransactionIdIsValid(prior_xmax) &&
			!FullTransactionIdEquals(prior_xmax, HeapTupleHeaderGetRawXminFull(t.t_data)))
			return;
		if (HeapTupleSatisfiesVisibility(&t, snapshot, buf))
			*tid = ctid;
		bool end = (t.t_data->t_infomask & HEAP_XMAX_INVALID) ||
			HEAP_XMAX_IS_LOCKED_ONLY(t.t_data->t_infomask) ||
			ItemPointerEquals(&t.t_self, &t.t_data->t_ctid);
		prior_xmax = end ? InvalidFullTransactionId : HeapTupleGetUpdateXid(t.t_data);
		ctid = t.t_data->t_ctid;
		if (end)
			return;
	}
}

/* --- Replay ---------------------------------------------------------- */

namespace {

/* Put the tuple a record carries at off on page. */
void RedoAddTuple(XLogReaderState *r, uint8 block_id, Page page, BlockNumber blk, OffsetNumber off)
{
	Size len;
	const char *data = XLogRecGetBlockData(r, block_id, &len);
	if (data == nullptr || len < SizeOfHeapHeader)
		elog(PANIC, "heap redo: tuple data missing");
	xl_heap_header hdr;
	memcpy(&hdr, data, SizeOfHeapHeader);
	Size body = len - SizeOfHeapHeader;
	std::vector<char> tuple(SizeofHeapTupleHeader + body);
	auto *t = reinterpret_cast<HeapTupleHeader>(tuple.data());
	memset(t, 0, SizeofHeapTupleHeader);
	t->t_infomask2 = hdr.t_infomask2;
	t->t_infomask = hdr.t_infomask;
	t->t_hoff = hdr.t_hoff;
	HeapTupleHeaderSetXmin(t, XLogRecGetFullXid(r));
	HeapTupleHeaderSetCmin(t, FirstCommandId);
	ItemPointerSet(&t->t_ctid, blk, off);
	memcpy(tuple.data() + SizeofHeapTupleHeader, data + SizeOfHeapHeader, body);
	if (PageAddItemExtended(page, tuple.data(), tuple.size(), off, PAI_OVERWRITE) != off)
		elog(PANIC, "heap redo: failed to add tuple");
}

void RedoSetDeleted(Page page, OffsetNumber off, uint64 xmax, uint8 infobits,
					const ItemPointerData &ctid)
{
	if (!IsNormalItem(page, off))
		elog(PANIC, "heap redo: invalid line pointer %u", off);
	auto *t = reinterpret_cast<HeapTupleHeader>(PageGetItem(page, PageGetItemId(page, off)));
	SetDeleted(t, FullTransactionIdFromU64(xmax), FirstCommandId, false, ctid);
	ApplyInfobits(t, infobits);
	heap_page_set_prunable(page, FullTransactionIdFromU64(xmax));
}

/* An updated row's new version keeps the old one's lockers (its header,
 * replayed already, says how). */
void RedoNewXmax(Page page, OffsetNumber off, uint64 xmax)
{
	auto *t = reinterpret_cast<HeapTupleHeader>(PageGetItem(page, PageGetItemId(page, off)));
	t->t_xmax = xmax;
}

/* Replay heap_abort_speculative: the tuple is dead to everyone. */
void RedoSuperDelete(Page page, OffsetNumber off)
{
	if (!IsNormalItem(page, off))
		elog(PANIC, "heap redo: invalid line pointer %u", off);
	auto *t = reinterpret_cast<HeapTupleHeader>(PageGetItem(page, PageGetItemId(page, off)));
	t->t_infomask &= ~HEAP_XMIN_COMMITTED;
	t->t_infomask |= HEAP_XMIN_INVALID;
}

BlockNumber BlockOf(XLogReaderState *r, uint8 block_id)
{
	RelFileNode rnode;
	ForkNumber fork;
	BlockNumber blk;
	if (!XLogRecGetBlockTag(r, block_id, &rnode, &fork, &blk))
		elog(PANIC, "heap redo: block %u missing", block_id);
	return blk;
}

/* Read block_id for redo; a page the record re-initializes starts empty. */
XLogRedoAction ReadForRedo(XLogReaderState *r, uint8 block_id, bool init, tusk::LockedBuffer *page)
{
	XLogRedoAction action = XLogReadBufferForRedo(r, block_id, page);
	if (init && action == BLK_NEEDS_REDO)
		PageInit(page->page(), BLCKSZ, 0);
	return action;
}

/* Stamp and dirty a page the record changed; let go of it. */
void Finish(tusk::LockedBuffer &page, XLogRedoAction action, XLogRecPtr lsn)
{
	if (action == BLK_NEEDS_REDO)
	{
		PageSetLSN(page.page(), lsn);
		MarkBufferDirty(page.get());
	}
	page.Release();
}

}  // namespace

void heap_redo(XLogReaderState *r)
{
	uint8 info = XLogRecGetInfo(r) & ~XLR_INFO_MASK;
	bool init = (info & XLOG_HEAP_INIT_PAGE) != 0;
	XLogRecPtr lsn = XLogReaderGetEndRecPtr(r);
	switch (info & XLOG_HEAP_OPMASK)
	{
		case XLOG_HEAP_INSERT:
		{
			xl_heap_insert rec;
			memcpy(&rec, XLogRecGetData(r), sizeof rec);
			tusk::LockedBuffer buf;
			XLogRedoAction action = ReadForRedo(r, 0, init, &buf);
			if (action == BLK_NEEDS_REDO)
				RedoAddTuple(r, 0, buf.page(), BlockOf(r, 0), rec.offnum);
			Finish(buf, action, lsn);
			break;
		}
		case XLOG_HEAP_DELETE:
		{
			xl_heap_delete rec;
			memcpy(&rec, XLogRecGetData(r), sizeof rec);
			tusk::LockedBuffer buf;
			XLogRedoAction action = XLogReadBufferForRedo(r, 0, &buf);
			if (action == BLK_NEEDS_REDO && (rec.flags & XLH_DELETE_IS_SUPER) != 0)
				RedoSuperDelete(buf.page(), rec.offnum);
			else if (action == BLK_NEEDS_REDO)
			{
				ItemPointerData self;
				ItemPointerSet(&self, BlockOf(r, 0), rec.offnum);
				RedoSetDeleted(buf.page(), rec.offnum, rec.xmax, rec.infobits_set, self);
			}
			Finish(buf, action, lsn);
			break;
		}
		case XLOG_HEAP_UPDATE:
		case XLOG_HEAP_HOT_UPDATE:
		{
			bool hot = (info & XLOG_HEAP_OPMASK) == XLOG_HEAP_HOT_UPDATE;
			xl_heap_update rec;
			memcpy(&rec, XLogRecGetData(r), sizeof rec);
			ItemPointerData newtid;
			ItemPointerSet(&newtid, BlockOf(r, 0), rec.new_offnum);
			bool same_page = !XLogRecHasBlockRef(r, 1);
			/* The old version first, then the new one. */
			tusk::LockedBuffer oldbuf;
			XLogRedoAction oldaction = XLogReadBufferForRedo(r, same_page ? 0 : 1, &oldbuf);
			if (oldaction == BLK_NEEDS_REDO)
			{
				RedoSetDeleted(oldbuf.page(), rec.old_offnum, rec.old_xmax, rec.old_infobits_set,
							   newtid);
				if (hot)
					HeapTupleHeaderSetHotUpdated(reinterpret_cast<HeapTupleHeader>(
						PageGetItem(oldbuf.page(), PageGetItemId(oldbuf.page(), rec.old_offnum))));
			}
			if (same_page)
			{
				if (oldaction == BLK_NEEDS_REDO)
				{
					RedoAddTuple(r, 0, oldbuf.page(), BlockOf(r, 0), rec.new_offnum);
					RedoNewXmax(oldbuf.page(), rec.new_offnum, rec.new_xmax);
				}
				Finish(oldbuf, oldaction, lsn);
				break;
			}
			Finish(oldbuf, oldaction, lsn);
			tusk::LockedBuffer newbuf;
			XLogRedoAction newaction = ReadForRedo(r, 0, init, &newbuf);
			if (newaction == BLK_NEEDS_REDO)
			{
				RedoAddTuple(r, 0, newbuf.page(), BlockOf(r, 0), rec.new_offnum);
				RedoNewXmax(newbuf.page(), rec.new_offnum, rec.new_xmax);
			}
			Finish(newbuf, newaction, lsn);
			break;
		}
		case XLOG_HEAP_LOCK:
		{
			xl_heap_lock rec;
			memcpy(&rec, XLogRecGetData(r), sizeof rec);
			tusk::LockedBuffer buf;
			XLogRedoAction action = XLogReadBufferForRedo(r, 0, &buf);
			if (action == BLK_NEEDS_REDO)
			{
				Page page = buf.page();
				if (!IsNormalItem(page, rec.offnum))
					elog(PANIC, "heap redo: invalid line pointer %u", rec.offnum);
				auto *t = reinterpret_cast<HeapTupleHeader>(
					PageGetItem(page, PageGetItemId(page, rec.offnum)));
				t->t_infomask &= ~kXmaxBits;
				ApplyInfobits(t, rec.infobits_set);
				HeapTupleHeaderSetXmax(t, FullTransactionIdFromU64(rec.locking_xid));
			}
			Finish(buf, action, lsn);
			break;
		}
		default:
			elog(PANIC, "heap_redo: unknown op code %u", info);
	}
}

const char *heap_identify(uint8 info)
{
	bool init = (info & XLOG_HEAP_INIT_PAGE) != 0;
	switch (info & XLOG_HEAP_OPMASK)
	{
		case XLOG_HEAP_INSERT:
			return init ? "INSERT+INIT" : "INSERT";
		case XLOG_HEAP_DELETE:
			return "DELETE";
		case XLOG_HEAP_UPDATE:
			return init ? "UPDATE+INIT" : "UPDATE";
		case XLOG_HEAP_HOT_UPDATE:
			return "HOT_UPDATE";
		case XLOG_HEAP_LOCK:
			return "LOCK";
		default:
			return nullptr;
	}
}
