/*
 * nbtree.cpp — B-tree indexes (see access/nbtree.h).
 *
 * Principal entry points: btbuildempty, btinsert, btbeginscan/btgettuple,
 * btree_redo.
 *
 * Layout, as PostgreSQL's: block 0 is the metapage (root block, tree
 * level); every other page has a special area with its left and right
 * siblings, level and flags.  On a page that is not the rightmost of its
 * level, item 1 is the high key: an upper bound of everything on the
 * page.  On internal pages each item is a separator key with a downlink
 * to the child holding keys from that separator up to the next one; the
 * first data item's key is "minus infinity".  Every tuple carries the heap
 * TID that makes its (key, TID) unique — for leaf tuples the row it
 * indexes, for separators a tiebreaker — so an equal key never leaves a
 * search in doubt about where to go.
 *
 * Concurrency (Lehman and Yao).  A descent holds one page lock at a time:
 * it reads the downlink, releases the parent, locks the child.  If the
 * child split meanwhile, what it looks for may have moved right: so on
 * every page, while the target is beyond the high key, it moves right.
 * An insert locks its leaf exclusively.  A full page is split: its upper
 * half moves to a new right sibling (the left keeps a high key equal to
 * the right's first key), and a downlink to the new page goes into the
 * parent, which may split in turn; splitting the root makes a new root
 * and updates the metapage.  The whole cascade is one atomic change (see
 * SplitCascade): all its pages stay locked, their new contents are built
 * in private copies and installed and WAL-logged together, so a crash
 * never leaves a page without its downlink (PostgreSQL logs each level
 * separately and finishes an interrupted split later).  Locks are only
 * ever taken on a page's right sibling or parent while holding it, never
 * the other way, so descents and inserts cannot deadlock.
 *
 * Unique indexes: before inserting, the entries with the same key are
 * checked against the heap with a dirty snapshot: a live one is a
 * unique_violation; one whose inserter or deleter is still running is
 * waited for, and the insert starts over.
 *
 * VACUUM (btbulkdelete) walks the leaf level under cleanup locks and
 * removes the entries of removed rows; a scan keeps its current leaf
 * pinned while returning that leaf's rows, so it never fetches a heap
 * TID that VACUUM has freed for reuse meanwhile.
 *
 * Entries are index tuples in PostgreSQL's layout (access/itup.h).  Leaf
 * entries point to their heap rows (t_tid).  Pivot tuples — high keys and
 * the separators of internal pages — have INDEX_AM_RESERVED_BIT set (as
 * PostgreSQL's INDEX_ALT_TID_MASK): their t_tid's block is the downlink,
 * its offset the number of key values they hold (0: minus infinity) with
 * BT_PIVOT_HEAP_TID_ATTR when the tiebreaker heap TID is stored in the
 * tuple's last bytes.  Keys are never truncated in pivots (PostgreSQL's
 * suffix truncation is not done).
 *
 * Scans take PostgreSQL's scan keys: the keys on a prefix of the key
 * columns (equalities, then one inequality in the scan's direction) give
 * the starting point, and the same keys end the scan at the first entry
 * that fails one of them "in the scan's direction"; every key is checked
 * on every entry.  A backward scan moves left by reading the left
 * sibling and moving right from it until it finds the page it came from
 * (pages are never deleted, so that page is always found).
 *
 * Not yet: deleting empty pages, deduplication, suffix truncation.
 */
#include "postgres.h"

#include <stdlib.h>
#include <string.h>

#include <array>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <type_traits>
#include <vector>

#include "access/heapam.h"
#include "access/itup.h"
#include "access/nbtree.h"
#include "access/rmgr.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "access/xloginsert.h"
#include "access/xlogreader.h"
#include "access/xlogutils.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/bufpage.h"
#include "storage/lmgr.h"
#include "storage/smgr.h"
#include "utils/builtins.h"
#include "utils/relcache.h"
#include "utils/errcodes.h"
#include "utils/snapmgr.h"
#include "pgstat.h"

namespace {

/* WAL records (RM_BTREE_ID), PostgreSQL's info values. */
constexpr uint8 kXlogInsertLeaf = 0x00;
constexpr uint8 kXlogInsertUpper = 0x10;
constexpr uint8 kXlogSplitL = 0x30;
constexpr uint8 kXlogNewRoot = 0xA0;
constexpr uint8 kXlogVacuum = 0x80;

constexpr BlockNumber kMetaBlock = 0;
constexpr BlockNumber P_NONE = 0;

constexpr uint16 BTP_LEAF = 1 << 0;
constexpr uint16 BTP_ROOT = 1 << 1;
constexpr uint16 BTP_META = 1 << 3;

struct BTMetaPageData
{
	uint32 btm_magic;
	uint32 btm_version;
	BlockNumber btm_root;
	uint32 btm_level;
};

struct BTPageOpaqueData
{
	BlockNumber btpo_prev;
	BlockNumber btpo_next;
	uint32 btpo_level;
	uint16 btpo_flags;
	uint16 btpo_cycleid;
};

constexpr uint16 kPivotBit = INDEX_AM_RESERVED_BIT; /* PostgreSQL's INDEX_ALT_TID_MASK */
constexpr uint16 BT_PIVOT_HEAP_TID_ATTR = 0x1000;
constexpr uint16 BT_OFFSET_MASK = 0x0FFF;

struct xl_btree_insert
{
	OffsetNumber offnum;
};

BTPageOpaqueData *Opaque(Page page)
{
	return reinterpret_cast<BTPageOpaqueData *>(PageGetSpecialPointer(page));
}

BTMetaPageData *Meta(Page page)
{
	return reinterpret_cast<BTMetaPageData *>(PageGetContents(page));
}

bool IsLeaf(Page page)
{
	return (Opaque(page)->btpo_flags & BTP_LEAF) != 0;
}

bool IsRightmost(Page page)
{
	return Opaque(page)->btpo_next == P_NONE;
}

OffsetNumber FirstDataKey(Page page)
{
	return IsRightmost(page) ? FirstOffsetNumber : OffsetNumberNext(FirstOffsetNumber);
}

IndexTuple TupleAt(Page page, OffsetNumber off)
{
	return reinterpret_cast<IndexTuple>(PageGetItem(page, PageGetItemId(page, off)));
}

bool IsPivot(const IndexTupleData *t)
{
	return (t->t_info & kPivotBit) != 0;
}

bool IsMinusInfinity(const IndexTupleData *t)
{
	return IsPivot(t) && (ItemPointerGetOffsetNumber(&t->t_tid) & BT_OFFSET_MASK) == 0;
}

/* The TID that orders the entry among equal keys. */
ItemPointerData HeapTidOf(const IndexTupleData *t)
{
	if (!IsPivot(t))
		return t->t_tid;
	ItemPointerData tid;
	memcpy(&tid, reinterpret_cast<const char *>(t) + IndexTupleSize(t) - sizeof(ItemPointerData),
		   sizeof tid);
	return tid;
}

BlockNumber DownlinkOf(const IndexTupleData *t)
{
	return ItemPointerGetBlockNumber(&t->t_tid);
}

/* A tuple as bytes, ready to add to a page. */
std::string TupleBytes(const IndexTupleData *t)
{
	return std::string(reinterpret_cast<const char *>(t), IndexTupleSize(t));
}

IndexTuple AsTuple(const std::string &bytes)
{
	return reinterpret_cast<IndexTuple>(const_cast<char *>(bytes.data()));
}

void SetPivotTid(IndexTuple t, BlockNumber child, uint16 natts, bool has_heaptid)
{
	ItemPointerSet(&t->t_tid, child,
				   static_cast<OffsetNumber>(natts | (has_heaptid ? BT_PIVOT_HEAP_TID_ATTR : 0)));
}

/* A pivot with src's key (a leaf entry or another pivot), its tiebreaker
 * TID and a downlink to child. */
std::string MakePivot(const IndexTupleData *src, BlockNumber child, int natts)
{
	if (IsPivot(src))
	{
		std::string bytes = TupleBytes(src);
		IndexTuple t = AsTuple(bytes);
		ItemPointerSet(&t->t_tid, child, ItemPointerGetOffsetNumber(&t->t_tid));
		return bytes;
	}
	Size size = IndexTupleSize(src);
	Size newsize = MAXALIGN(size + sizeof(ItemPointerData));
	std::string bytes(newsize, '\0');
	memcpy(bytes.data(), src, size);
	IndexTuple t = AsTuple(bytes);
	t->t_info = static_cast<unsigned short>((t->t_info & ~INDEX_SIZE_MASK) | newsize | kPivotBit);
	memcpy(bytes.data() + newsize - sizeof(ItemPointerData), &src->t_tid, sizeof(ItemPointerData));
	SetPivotTid(t, child, static_cast<uint16>(natts), true);
	return bytes;
}

/* The first item of an internal page: no key, a downlink. */
std::string MakeMinusInfinity(BlockNumber child)
{
	std::string bytes(MAXALIGN(sizeof(IndexTupleData)), '\0');
	IndexTuple t = AsTuple(bytes);
	t->t_info = static_cast<unsigned short>(bytes.size() | kPivotBit);
	SetPivotTid(t, child, 0, false);
	return bytes;
}

std::string CopyTuple(Page page, OffsetNumber off)
{
	ItemId lp = PageGetItemId(page, off);
	return std::string(PageGetItem(page, lp), ItemIdGetLength(lp));
}

/*
 * What a search looks for: values of the first nkeys key columns, each
 * with the ordering function comparing an entry's value to it (the
 * column's own, or a cross-type one from a scan key), then — when every
 * key column is given — a heap TID.  Without a TID, entries with an equal
 * key sort after it (nextkey false: the search finds the first of them)
 * or before it (nextkey true: the first entry beyond them).  all_min and
 * all_max stand before and after everything.
 */
struct SearchKey
{
	int nkeys = 0;
	Datum values[INDEX_MAX_KEYS];
	bool isnull[INDEX_MAX_KEYS];
	FmgrInfo *procs[INDEX_MAX_KEYS];
	Oid collations[INDEX_MAX_KEYS];
	bool has_tid = false;
	ItemPointerData tid{};
	bool nextkey = false;
	bool all_min = false;
	bool all_max = false;
};

int ItemPointerCompare(const ItemPointerData &a, const ItemPointerData &b)
{
	BlockNumber ba = ItemPointerGetBlockNumber(&a);
	BlockNumber bb = ItemPointerGetBlockNumber(&b);
	if (ba != bb)
		return ba < bb ? -1 : 1;
	OffsetNumber oa = ItemPointerGetOffsetNumber(&a);
	OffsetNumber ob = ItemPointerGetOffsetNumber(&b);
	return oa == ob ? 0 : (oa < ob ? -1 : 1);
}

/* Key column i (0-based) of sk against the tuple's value, in index order. */
int CompareColumn(const BTIndexInfo *info, const SearchKey &sk, int i, Datum datum, bool isnull)
{
	int16 option = info->indoption[i];
	if (sk.isnull[i])
		return isnull ? 0 : ((option & INDOPTION_NULLS_FIRST) ? -1 : 1);
	if (isnull)
		return (option & INDOPTION_NULLS_FIRST) ? 1 : -1;
	int32 c = DatumGetInt32(FunctionCall2Coll(sk.procs[i], sk.collations[i], datum, sk.values[i]));
	/* The function compared the entry to the key: turn it around, and
	 * around again for a descending column. */
	if (option & INDOPTION_DESC)
		return c > 0 ? 1 : (c < 0 ? -1 : 0);
	return c > 0 ? -1 : (c < 0 ? 1 : 0);
}

/* The key columns sk gives, against a tuple: <0, 0, >0. */
int CompareKeys(const BTIndexInfo *info, const SearchKey &sk, IndexTuple t)
{
	for (int i = 0; i < sk.nkeys; i++)
	{
		bool isnull;
		Datum datum = index_getattr(t, i + 1, info->tupdesc, &isnull);
		int c = CompareColumn(info, sk, i, datum, isnull);
		if (c != 0)
			return c;
	}
	return 0;
}

/* sk against a tuple: <0, 0, >0. */
int Compare(const BTIndexInfo *info, const SearchKey &sk, IndexTuple t)
{
	if (IsMinusInfinity(t))
		return 1;
	if (sk.all_min)
		return -1;
	if (sk.all_max)
		return 1;
	int c = CompareKeys(info, sk, t);
	if (c != 0)
		return c;
	if (!sk.has_tid)
		return sk.nextkey ? 1 : -1;
	return ItemPointerCompare(sk.tid, HeapTidOf(t));
}

/* The search key of an entry about to be inserted. */
void InsertionKey(const BTIndexInfo *info, IndexTuple t, SearchKey *sk)
{
	sk->nkeys = info->nkeyatts;
	for (int i = 0; i < info->nkeyatts; i++)
	{
		sk->values[i] = index_getattr(t, i + 1, info->tupdesc, &sk->isnull[i]);
		sk->procs[i] = &info->orderproc[i];
		sk->collations[i] = info->collation[i];
	}
	sk->has_tid = true;
	sk->tid = t->t_tid;
}

/* Leaf: the first data item >= sk.  Internal: the last item <= sk. */
OffsetNumber BinarySearch(const BTIndexInfo *info, Page page, const SearchKey &sk)
{
	OffsetNumber low = FirstDataKey(page);
	OffsetNumber high = static_cast<OffsetNumber>(PageGetMaxOffsetNumber(page) + 1);
	/* First item > sk (internal) or >= sk (leaf). */
	bool leaf = IsLeaf(page);
	while (low < high)
	{
		OffsetNumber mid = static_cast<OffsetNumber>(low + (high - low) / 2);
		int c = Compare(info, sk, TupleAt(page, mid));
		if (leaf ? c > 0 : c >= 0)
			low = static_cast<OffsetNumber>(mid + 1);
		else
			high = mid;
	}
	return leaf ? low : static_cast<OffsetNumber>(low - 1);
}

tusk::BufferPin ReadIndexBuffer(Relation index, BlockNumber blk)
{
	uint64 reads = BufferBlocksRead;
	tusk::BufferPin pin(
		ReadBufferWithoutRelcache(index->rd_node, MAIN_FORKNUM, blk, RBM_NORMAL, nullptr, true));
	pgstat_count_buffer_read(index);
	if (BufferBlocksRead == reads)
		pgstat_count_buffer_hit(index);
	return pin;
}

/* Move right while sk is beyond the page's high key (a split moved it);
 * one page held at a time, each locked in mode. */
tusk::LockedBuffer MoveRight(Relation index, const BTIndexInfo *info, tusk::LockedBuffer buf,
							 const SearchKey &sk, int mode)
{
	for (;;)
	{
		Page page = buf.page();
		if (IsRightmost(page) || Compare(info, sk, TupleAt(page, FirstOffsetNumber)) <= 0)
			return buf;
		BlockNumber next = Opaque(page)->btpo_next;
		buf.Release();
		buf = tusk::LockedBuffer(ReadIndexBuffer(index, next), mode);
	}
}

struct StackEntry
{
	BlockNumber blkno;
	OffsetNumber offnum; /* the downlink followed */
};

BTMetaPageData ReadMeta(Relation index)
{
	BTMetaPageData meta = *Meta(
		tusk::LockedBuffer(ReadIndexBuffer(index, kMetaBlock), BUFFER_LOCK_SHARE).page());
	if (meta.btm_magic != BTREE_MAGIC)
		ereport(ERROR, errcode(ERRCODE_INDEX_CORRUPTED),
				errmsg("index \"%u\" is not a btree", index->rd_id));
	if (meta.btm_version != BTREE_VERSION)
		ereport(ERROR, errcode(ERRCODE_INDEX_CORRUPTED),
				errmsg("version mismatch in index \"%u\": file version %u, current version %u",
					   index->rd_id, meta.btm_version, BTREE_VERSION));
	return meta;
}

/* Descend to the leaf where sk belongs, locked in leaf_mode; the path,
 * for inserting downlinks after a split. */
tusk::LockedBuffer Descend(Relation index, const BTIndexInfo *info, const SearchKey &sk,
						   int leaf_mode, std::vector<StackEntry> *stack)
{
	BTMetaPageData meta = ReadMeta(index);
	int mode = meta.btm_level == 0 ? leaf_mode : BUFFER_LOCK_SHARE;
	tusk::LockedBuffer buf(ReadIndexBuffer(index, meta.btm_root), mode);
	for (;;)
	{
		buf = MoveRight(index, info, std::move(buf), sk, mode);
		Page page = buf.page();
		if (IsLeaf(page))
		{
			if (mode != leaf_mode)
			{
				/* A root that was internal when the metapage was read
				 * cannot be a leaf: only a tree of height 0 starts here. */
				elog(ERROR, "btree descent reached a leaf in the wrong lock mode");
			}
			return buf;
		}
		OffsetNumber off = BinarySearch(info, page, sk);
		BlockNumber child = DownlinkOf(TupleAt(page, off));
		uint32 child_level = Opaque(page)->btpo_level - 1;
		if (stack != nullptr)
			stack->push_back({BufferGetBlockNumber(buf.get()), off});
		buf.Release();
		mode = child_level == 0 ? leaf_mode : BUFFER_LOCK_SHARE;
		buf = tusk::LockedBuffer(ReadIndexBuffer(index, child), mode);
	}
}

void InitBTPage(Page page, uint32 level, uint16 flags)
{
	PageInit(page, BLCKSZ, sizeof(BTPageOpaqueData));
	BTPageOpaqueData *o = Opaque(page);
	o->btpo_prev = o->btpo_next = P_NONE;
	o->btpo_level = level;
	o->btpo_flags = flags;
	o->btpo_cycleid = 0;
}

void AddItem(Page page, const std::string &tuple, OffsetNumber off)
{
	if (PageAddItemExtended(page, tuple.data(), tuple.size(), off, 0) != off)
		elog(PANIC, "failed to add item to index page");
}

/* Log pages whole (splits, new roots: replay restores the images). */
/* Inside a critical section: allocates nothing. */
XLogRecPtr LogImages(uint8 info, std::span<const Buffer> buffers)
{
	XLogBeginInsert();
	uint8 block_id = 0;
	for (Buffer b : buffers)
		XLogRegisterBuffer(block_id++, b, REGBUF_FORCE_IMAGE | REGBUF_STANDARD);
	XLogRecPtr lsn = XLogInsert(RM_BTREE_ID, info);
	for (Buffer b : buffers)
		PageSetLSN(BufferGetPage(b), lsn);
	return lsn;
}

/*
 * A split and everything it entails upward — the parent's new downlink,
 * the parent's own split, a new root — is one atomic change: the new
 * contents of every page involved are built in private copies while the
 * pages stay locked, then installed and WAL-logged as page images in a
 * single record.  A crash therefore never leaves a page without its
 * downlink.  Pages are locked only upward (parent) and rightward
 * (sibling) from pages already held, and descents never hold a page while
 * locking its child, so this cannot deadlock.
 */
class SplitCascade
{
  public:
	/* Takes over a locked page (its guard releases it when the cascade
	 * ends); returns its working copy. */
	Page Take(tusk::LockedBuffer page)
	{
		auto image = std::make_unique<Image>();
		memcpy(image->data, page.page(), BLCKSZ);
		pages_.push_back(Pending{std::move(page), std::move(image)});
		return pages_.back().image->data;
	}

	/* The working copy of a page the cascade holds already. */
	Page PageOf(Buffer buf)
	{
		for (auto &p : pages_)
			if (p.page.get() == buf)
				return p.image->data;
		elog(ERROR, "btree split cascade does not hold block %u", BufferGetBlockNumber(buf));
		return nullptr; /* not reached */
	}

	/* Install every page and log them together. */
	void Commit()
	{
		if (pages_.size() > XLR_MAX_BLOCK_ID + 1)
			elog(ERROR, "btree split touches too many pages (%zu)", pages_.size());
		std::array<Buffer, XLR_MAX_BLOCK_ID + 1> bufs;
		for (size_t i = 0; i < pages_.size(); i++)
			bufs[i] = pages_[i].page.get();
		tusk::CriticalSection crit;
		for (auto &p : pages_)
		{
			memcpy(p.page.page(), p.image->data, BLCKSZ);
			MarkBufferDirty(p.page.get());
		}
		LogImages(kXlogSplitL, std::span<const Buffer>(bufs.data(), pages_.size()));
		crit.End();
	}

  private:
	struct Image
	{
		alignas(8) char data[BLCKSZ];
	};
	struct Pending
	{
		tusk::LockedBuffer page;
		std::unique_ptr<Image> image;
	};
	std::vector<Pending> pages_;
};

void AddToPage(Relation index, const BTIndexInfo *info, SplitCascade &cascade,
			   tusk::LockedBuffer buf, std::vector<StackEntry> &stack, const std::string &tuple,
			   OffsetNumber off);

/* The leftmost page of level (below the root), following the first
 * downlink of each page from the root: one page share-locked at a time. */
BlockNumber LeftmostAtLevel(Relation index, uint32 level)
{
	BTMetaPageData meta = ReadMeta(index);
	if (meta.btm_level <= level)
		elog(ERROR, "btree level %u not found in index %u", level, index->rd_id);
	BlockNumber blk = meta.btm_root;
	for (;;)
	{
		tusk::LockedBuffer buf(ReadIndexBuffer(index, blk), BUFFER_LOCK_SHARE);
		Page page = buf.page();
		if (Opaque(page)->btpo_level == level)
			return blk;
		if (IsLeaf(page) || Opaque(page)->btpo_level < level)
			elog(ERROR, "btree level %u not found in index %u", level, index->rd_id);
		blk = DownlinkOf(TupleAt(page, FirstDataKey(page)));
	}
}

/* After a split of left (the root, if was_root) into left + right (both
 * in the cascade): the downlink in the parent, or a new root. */
void InsertParent(Relation index, const BTIndexInfo *info, SplitCascade &cascade, Buffer left,
				  Buffer right, bool was_root, std::vector<StackEntry> &stack,
				  const std::string &separator)
{
	BlockNumber lblk = BufferGetBlockNumber(left);
	BlockNumber rblk = BufferGetBlockNumber(right);
	uint32 level = Opaque(cascade.PageOf(left))->btpo_level;
	std::string downlink = MakePivot(AsTuple(separator), rblk, info->tupdesc->natts);
	if (stack.empty() && !was_root)
	{
		/* The descent began at a root that has been split since: the
		 * parent is on the level above, found from its leftmost page. */
		stack.push_back({LeftmostAtLevel(index, level + 1), InvalidOffsetNumber});
	}
	if (stack.empty())
	{
		/* The root split: a new root above both. */
		Page mpage = cascade.Take(
			tusk::LockedBuffer(ReadIndexBuffer(index, kMetaBlock), BUFFER_LOCK_EXCLUSIVE));
		tusk::LockedBuffer fresh = tusk::LockedBuffer::Adopt(
			ReadBufferWithoutRelcache(index->rd_node, MAIN_FORKNUM, P_NEW, RBM_ZERO_AND_LOCK,
									  nullptr, true));
		Buffer root = fresh.get();
		Page rootpage = cascade.Take(std::move(fresh));
		InitBTPage(rootpage, level + 1, BTP_ROOT);
		AddItem(rootpage, MakeMinusInfinity(lblk), FirstOffsetNumber);
		AddItem(rootpage, downlink, OffsetNumberNext(FirstOffsetNumber));
		BTMetaPageData *m = Meta(mpage);
		m->btm_root = BufferGetBlockNumber(root);
		m->btm_level = level + 1;
		return;
	}
	StackEntry parent = stack.back();
	stack.pop_back();
	tusk::LockedBuffer pbuf(ReadIndexBuffer(index, parent.blkno), BUFFER_LOCK_EXCLUSIVE);
	/* Find the downlink to left: where we followed it, or further right
	 * if the parent split meanwhile. */
	OffsetNumber found = InvalidOffsetNumber;
	for (;;)
	{
		Page page = pbuf.page();
		OffsetNumber first = FirstDataKey(page);
		OffsetNumber max = PageGetMaxOffsetNumber(page);
		OffsetNumber start = Max(first, Min(parent.offnum, max));
		auto links_left = [&](OffsetNumber o) { return DownlinkOf(TupleAt(page, o)) == lblk; };
		for (OffsetNumber o = start; o <= max && found == InvalidOffsetNumber; o++)
			if (links_left(o))
				found = o;
		for (OffsetNumber o = first; o < start && found == InvalidOffsetNumber; o++)
			if (links_left(o))
				found = o;
		if (found != InvalidOffsetNumber || IsRightmost(page))
			break;
		BlockNumber next = Opaque(page)->btpo_next;
		pbuf.Release();
		pbuf = tusk::LockedBuffer(ReadIndexBuffer(index, next), BUFFER_LOCK_EXCLUSIVE);
	}
	if (found == InvalidOffsetNumber)
		elog(ERROR, "failed to re-find parent key in index %u for split of block %u", index->rd_id,
			 lblk);
	AddToPage(index, info, cascade, std::move(pbuf), stack, downlink, OffsetNumberNext(found));
}

/* Split buf (in the cascade), adding tuple at off; then the parent. */
void Split(Relation index, const BTIndexInfo *info, SplitCascade &cascade, Buffer buf,
		   std::vector<StackEntry> &stack, const std::string &tuple, OffsetNumber off)
{
	Page page = cascade.PageOf(buf);
	BTPageOpaqueData old = *Opaque(page);
	bool leaf = IsLeaf(page);
	std::vector<std::string> items;
	for (OffsetNumber o = FirstDataKey(page); o <= PageGetMaxOffsetNumber(page); o++)
	{
		if (o == off)
			items.push_back(tuple);
		items.push_back(CopyTuple(page, o));
	}
	if (off > PageGetMaxOffsetNumber(page))
		items.push_back(tuple);
	std::string old_highkey = IsRightmost(page) ? std::string()
												: CopyTuple(page, FirstOffsetNumber);

	/* Split by bytes, so that both halves have room: in the middle —
	 * but when the new entry goes at the very end of its level (keys
	 * arriving in ascending order: a serial column, an index built from
	 * a table loaded in key order), the left page keeps 90% of the bytes
	 * (70% above the leaves) and the right one takes the rest, as
	 * PostgreSQL's fillfactor split does: the pages left behind are not
	 * split again, and half-empty ones would double the index. */
	size_t total = 0;
	for (const auto &it : items)
		total += it.size() + sizeof(ItemIdData);
	bool ascending = IsRightmost(page) && off > PageGetMaxOffsetNumber(page);
	size_t target = ascending ? total * (leaf ? 90 : 70) / 100 : total / 2;
	/* What the left page can hold besides its high key (the separator,
	 * at most as long as the entry it copies). */
	size_t room = BLCKSZ - SizeOfPageHeaderData - MAXALIGN(sizeof(BTPageOpaqueData));
	size_t split = 0;
	size_t acc = 0;
	while (split < items.size() - 1 && acc + items[split].size() + sizeof(ItemIdData) <= target &&
		   acc + items[split].size() + sizeof(ItemIdData) + items[split + 1].size() +
				   sizeof(ItemIdData) <=
			   room)
		acc += items[split++].size() + sizeof(ItemIdData);
	if (split == 0)
		split = 1;

	/* The separator: the right half's first key (and TID). */
	std::string separator = MakePivot(AsTuple(items[split]), P_NONE, info->tupdesc->natts);

	tusk::LockedBuffer fresh = tusk::LockedBuffer::Adopt(
		ReadBufferWithoutRelcache(index->rd_node, MAIN_FORKNUM, P_NEW, RBM_ZERO_AND_LOCK, nullptr,
								  true));
	Buffer right = fresh.get();
	Page rpage = cascade.Take(std::move(fresh));
	BlockNumber rblk = BufferGetBlockNumber(right);
	if (old.btpo_next != P_NONE)
		Opaque(cascade.Take(tusk::LockedBuffer(ReadIndexBuffer(index, old.btpo_next),
											   BUFFER_LOCK_EXCLUSIVE)))
			->btpo_prev = rblk;

	alignas(8) char leftcopy[BLCKSZ];
	Page lpage = leftcopy;
	InitBTPage(lpage, old.btpo_level, static_cast<uint16>(old.btpo_flags & ~BTP_ROOT));
	Opaque(lpage)->btpo_prev = old.btpo_prev;
	Opaque(lpage)->btpo_next = rblk;
	OffsetNumber lo = FirstOffsetNumber;
	AddItem(lpage, separator, lo++); /* the high key */
	for (size_t i = 0; i < split; i++)
		AddItem(lpage, items[i], lo++);

	InitBTPage(rpage, old.btpo_level, static_cast<uint16>(old.btpo_flags & ~BTP_ROOT));
	Opaque(rpage)->btpo_prev = BufferGetBlockNumber(buf);
	Opaque(rpage)->btpo_next = old.btpo_next;
	OffsetNumber ro = FirstOffsetNumber;
	if (!old_highkey.empty())
		AddItem(rpage, old_highkey, ro++);
	for (size_t i = split; i < items.size(); i++)
	{
		if (i == split && !leaf)
		{
			/* The first item of an internal page is minus infinity. */
			AddItem(rpage, MakeMinusInfinity(DownlinkOf(AsTuple(items[i]))), ro++);
			continue;
		}
		AddItem(rpage, items[i], ro++);
	}
	memcpy(page, lpage, BLCKSZ);
	InsertParent(index, info, cascade, buf, right, (old.btpo_flags & BTP_ROOT) != 0, stack,
				 separator);
}

/* Within a cascade: add tuple at off of buf (locked; the cascade takes
 * it over), splitting if full. */
void AddToPage(Relation index, const BTIndexInfo *info, SplitCascade &cascade,
			   tusk::LockedBuffer buf, std::vector<StackEntry> &stack, const std::string &tuple,
			   OffsetNumber off)
{
	Buffer b = buf.get();
	Page page = cascade.Take(std::move(buf));
	if (PageGetFreeSpace(page) < tuple.size())
		Split(index, info, cascade, b, stack, tuple, off);
	else
		AddItem(page, tuple, off);
}

/* Add tuple at off of buf (locked exclusively; released here). */
void InsertOnPage(Relation index, const BTIndexInfo *info, tusk::LockedBuffer buf,
				  std::vector<StackEntry> &stack, const std::string &tuple, OffsetNumber off)
{
	Page page = buf.page();
	if (PageGetFreeSpace(page) < tuple.size())
	{
		SplitCascade cascade;
		Buffer b = buf.get();
		(void) cascade.Take(std::move(buf));
		Split(index, info, cascade, b, stack, tuple, off);
		cascade.Commit();
		return; /* the cascade unlocks its pages */
	}
	bool leaf = IsLeaf(page);
	tusk::CriticalSection crit;
	AddItem(page, tuple, off);
	MarkBufferDirty(buf.get());
	xl_btree_insert rec{off};
	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
	XLogRegisterBuffer(0, buf.get(), REGBUF_STANDARD);
	XLogRegisterBufData(0, tuple.data(), static_cast<uint32>(tuple.size()));
	XLogRecPtr lsn = XLogInsert(RM_BTREE_ID, leaf ? kXlogInsertLeaf : kXlogInsertUpper);
	PageSetLSN(page, lsn);
	crit.End();
}

/*
 * Unique check at the locked leaf buf, for the entry sk (every key column
 * given, none NULL): a live entry with the key raises unique_violation
 * (UNIQUE_CHECK_SPECULATIVE: sets *live and returns invalid); one being
 * inserted or deleted by a running transaction returns that transaction's
 * id (to wait for).  Equal keys on right siblings are checked too
 * (share-locked one at a time while buf stays locked).
 */
FullTransactionId CheckUnique(Relation index, const BTIndexInfo *info, Buffer buf,
							  const SearchKey &key, Relation heap, IndexUniqueCheck check,
							  bool *live)
{
	*live = false;
	SearchKey sk = key;
	sk.has_tid = false;
	sk.nextkey = false;
	Buffer cur = buf;
	tusk::LockedBuffer locked_right; /* the right sibling being looked at */
	OffsetNumber off = BinarySearch(info, BufferGetPage(cur), sk);
	for (;;)
	{
		Page page = BufferGetPage(cur);
		if (off > PageGetMaxOffsetNumber(page))
		{
			/* Equal keys may continue on the right sibling. */
			if (IsRightmost(page) || CompareKeys(info, sk, TupleAt(page, FirstOffsetNumber)) != 0)
				break;
			tusk::LockedBuffer next(ReadIndexBuffer(index, Opaque(page)->btpo_next),
									BUFFER_LOCK_SHARE);
			locked_right = std::move(next);
			cur = locked_right.get();
			off = FirstDataKey(BufferGetPage(cur));
			continue;
		}
		IndexTuple t = TupleAt(page, off);
		if (CompareKeys(info, sk, t) != 0)
			break;
		SnapshotData dirty;
		InitDirtySnapshot(dirty);
		HeapTupleData htup;
		htup.t_self = t->t_tid;
		Buffer hbuf;
		if (heap_index_fetch(heap, &dirty, &htup, &hbuf, true))
		{
			ReleaseBuffer(hbuf); /* only its visibility was wanted */
			FullTransactionId running = FullTransactionIdIsValid(dirty.xmin) ? dirty.xmin
																			 : dirty.xmax;
			if (FullTransactionIdIsValid(running))
				return running;
			if (check == UNIQUE_CHECK_SPECULATIVE)
			{
				*live = true;
				return InvalidFullTransactionId;
			}
			char *desc = bt_key_description(info, sk.values, sk.isnull);
			if (check == UNIQUE_CHECK_BUILD)
				ereport(ERROR, errcode(ERRCODE_UNIQUE_VIOLATION),
						errmsg("could not create unique index \"%s\"", info->name),
						errdetail("Key %s is duplicated.", desc));
			ereport(ERROR, errcode(ERRCODE_UNIQUE_VIOLATION),
					errmsg("duplicate key value violates unique constraint \"%s\"", info->name),
					errdetail("Key %s already exists.", desc),
					errtableconstraint(heap, info->name));
		}
		off++;
	}
	return InvalidFullTransactionId;
}

/* Per scan key: required to go on in which direction (PostgreSQL's
 * SK_BT_REQFWD / SK_BT_REQBKWD). */
constexpr uint8 kReqFwd = 1;
constexpr uint8 kReqBkwd = 2;

/* A strategy as the index orders: turned around on a descending column. */
StrategyNumber IndexOrderStrategy(const BTIndexInfo *info, const ScanKeyData &key)
{
	StrategyNumber s = key.sk_strategy;
	if (info->indoption[key.sk_attno - 1] & INDOPTION_DESC)
		s = static_cast<StrategyNumber>(BTMaxStrategyNumber + 1 - s);
	return s;
}

}  // namespace

char *bt_key_description(const BTIndexInfo *info, const Datum *values, const bool *isnull)
{
	std::string names;
	std::string vals;
	for (int i = 0; i < info->nkeyatts; i++)
	{
		if (i > 0)
		{
			names += ", ";
			vals += ", ";
		}
		names += info->colnames[i];
		if (isnull[i])
			vals += "null";
		else
			vals += OidOutputFunctionCall(info->typoutput[i], values[i]);
	}
	return psprintf("(%s)=(%s)", names.c_str(), vals.c_str());
}

/*
 * A scan lives in the memory context current at btbeginscan, with its
 * keys and TID array, as PostgreSQL's scan descriptors do: btendscan
 * frees it, and if an ERROR cuts the scan short, the reset of that context
 * frees it (its pins go with the error path's ReleaseAllBufferPins).  So
 * it holds nothing that needs a destructor.
 */
struct BTScanData
{
	Relation index;
	const BTIndexInfo *info;
	Relation heap;
	Snapshot snapshot;
	ScanDirection dir;
	int nkeys;
	ScanKey keys;	 /* copies of the caller's (palloc'd) */
	uint8 *required; /* per key: kReqFwd | kReqBkwd */
	bool qual_ok;	 /* false: some key can match nothing */
	SearchKey start; /* where the scan begins */
	bool goback;	 /* … and one entry before it (backward scans) */
	bool started;
	bool done;
	BlockNumber next;	   /* forward: the right sibling to read next */
	BlockNumber cur;	   /* backward: the page read last */
	ItemPointerData *tids; /* the current leaf's matches, in scan order (palloc'd) */
	size_t ntids;
	size_t maxtids;
	size_t pos;
	Buffer leafbuf; /* pinned while its TIDs are returned */
	Buffer heapbuf;
	bool hot_continue; /* the tuple returned last may have successors to return */
	HeapTupleData tuple;
};

static_assert(std::is_trivially_destructible_v<BTScanData>,
			  "a scan is freed with its memory context, without destructors");

void btbuildempty(Relation index)
{
	tusk::LockedBuffer metapage = tusk::LockedBuffer::Adopt(
		ReadBufferWithoutRelcache(index->rd_node, MAIN_FORKNUM, P_NEW, RBM_ZERO_AND_LOCK, nullptr,
								  true));
	tusk::LockedBuffer rootpage = tusk::LockedBuffer::Adopt(
		ReadBufferWithoutRelcache(index->rd_node, MAIN_FORKNUM, P_NEW, RBM_ZERO_AND_LOCK, nullptr,
								  true));
	Buffer meta = metapage.get();
	Buffer root = rootpage.get();
	if (BufferGetBlockNumber(meta) != kMetaBlock)
		elog(ERROR, "index %u is not empty", index->rd_id);
	tusk::CriticalSection crit;
	Page mpage = BufferGetPage(meta);
	InitBTPage(mpage, 0, BTP_META);
	BTMetaPageData *m = Meta(mpage);
	m->btm_magic = BTREE_MAGIC;
	m->btm_version = BTREE_VERSION;
	m->btm_root = BufferGetBlockNumber(root);
	m->btm_level = 0;
	/* The metadata lies between the header and pd_lower, so that images
	 * leaving out the page's hole keep it. */
	reinterpret_cast<PageHeader>(mpage)->pd_lower = static_cast<LocationIndex>(
		reinterpret_cast<char *>(m + 1) - mpage);
	InitBTPage(BufferGetPage(root), 0, BTP_LEAF | BTP_ROOT);
	MarkBufferDirty(meta);
	MarkBufferDirty(root);
	const Buffer pages[] = {root, meta};
	LogImages(kXlogNewRoot, pages);
	crit.End();
}

bool btinsert(Relation index, const BTIndexInfo *info, const Datum *values, const bool *isnull,
			  ItemPointer heap_tid, Relation heap, IndexUniqueCheck checkUnique,
			  FullTransactionId *xwait)
{
	IndexTuple itup = index_form_tuple(info->tupdesc, values, isnull);
	itup->t_tid = *heap_tid;
	std::string tuple = TupleBytes(itup);
	pfree(itup);
	/* Room for a pivot made of it (its TID appended) and two more per
	 * page: PostgreSQL's BTMaxItemSize, so the limit reads the same. */
	Size limit = MAXALIGN_DOWN((BLCKSZ - MAXALIGN(SizeOfPageHeaderData + 3 * sizeof(ItemIdData)) -
								MAXALIGN(sizeof(BTPageOpaqueData))) /
							   3) -
		MAXALIGN(sizeof(ItemPointerData));
	if (tuple.size() > limit)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("index row size %zu exceeds btree version %u maximum %zu for index \"%s\"",
					   tuple.size(), BTREE_VERSION, limit, info->name),
				errdetail("Index row references tuple (%u,%u) in relation \"%s\".",
						  ItemPointerGetBlockNumber(heap_tid), ItemPointerGetOffsetNumber(heap_tid),
						  heap->rd_rel != nullptr ? RelationGetRelationName(heap) : "?"),
				errhint("Values larger than 1/3 of a buffer page cannot be indexed.\n"
						"Consider a function index of an MD5 hash of the value, or use full "
						"text indexing."));
	SearchKey sk;
	InsertionKey(info, AsTuple(tuple), &sk);
	bool check = info->unique && checkUnique != UNIQUE_CHECK_NO;
	for (int i = 0; check && i < info->nkeyatts; i++)
		if (sk.isnull[i])
			check = false; /* NULLs are never equal */
	for (;;)
	{
		std::vector<StackEntry> stack;
		SearchKey first = sk;
		first.has_tid = false;
		first.nextkey = false;
		tusk::LockedBuffer buf = Descend(index, info, check ? first : sk, BUFFER_LOCK_EXCLUSIVE,
										 &stack);
		tusk::LockedBuffer first_leaf;
		if (check)
		{
			bool live;
			FullTransactionId running = CheckUnique(index, info, buf.get(), sk, heap, checkUnique,
													&live);
			if (checkUnique == UNIQUE_CHECK_SPECULATIVE &&
				(live || FullTransactionIdIsValid(running)))
			{
				*xwait = running;
				return false;
			}
			if (FullTransactionIdIsValid(running))
			{
				buf.Release();
				XactLockTableWait(running);
				continue;
			}
			/* Where this (key, TID) goes may be further right.  The page
			 * where the key starts stays locked until the entry is in, so
			 * that no other inserter of the key can check before it is. */
			for (;;)
			{
				Page page = buf.page();
				if (IsRightmost(page) || Compare(info, sk, TupleAt(page, FirstOffsetNumber)) <= 0)
					break;
				tusk::LockedBuffer next(ReadIndexBuffer(index, Opaque(page)->btpo_next),
										BUFFER_LOCK_EXCLUSIVE);
				if (!first_leaf.valid())
					first_leaf = std::move(buf);
				buf = std::move(next); /* lets go of a page passed on the way */
			}
		}
		OffsetNumber off = BinarySearch(info, buf.page(), sk);
		InsertOnPage(index, info, std::move(buf), stack, tuple, off);
		return true;
	}
}

namespace {

/*
 * Prepare a scan's keys (PostgreSQL's _bt_preprocess_keys and the first
 * half of _bt_first, simplified): a key with a NULL argument matches
 * nothing; the keys on the leading key columns — equalities (or IS NULL),
 * then at most one inequality bounding the scan's start — make the
 * starting point; those same columns' keys are "required": an entry
 * failing one in the scan's direction ends the scan.
 */
void PrepareScan(BTScan scan)
{
	const BTIndexInfo *info = scan->info;
	bool forward = scan->dir != BackwardScanDirection;
	scan->qual_ok = true;
	scan->start = SearchKey();
	scan->goback = false;
	for (int k = 0; k < scan->nkeys; k++)
	{
		scan->required[k] = 0;
		const ScanKeyData &key = scan->keys[k];
		if (key.sk_attno < 1 || key.sk_attno > info->nkeyatts)
			elog(ERROR, "btree scan key on column %d of %d", key.sk_attno, info->nkeyatts);
		if ((key.sk_flags & SK_ISNULL) && !(key.sk_flags & (SK_SEARCHNULL | SK_SEARCHNOTNULL)))
			scan->qual_ok = false;
	}
	StrategyNumber last = BTEqualStrategyNumber;
	bool chain = true; /* every column so far had an equality */
	for (int col = 1; col <= info->nkeyatts && chain; col++)
	{
		const ScanKeyData *eq = nullptr;
		const ScanKeyData *bound = nullptr;
		for (int k = 0; k < scan->nkeys; k++)
		{
			const ScanKeyData &key = scan->keys[k];
			if (key.sk_attno != col)
				continue;
			if (key.sk_flags & SK_SEARCHNULL)
			{
				scan->required[k] = kReqFwd | kReqBkwd;
				eq = &key;
				continue;
			}
			if (key.sk_flags & SK_SEARCHNOTNULL)
			{
				/* Like "< NULL" (NULLs last) or "> NULL" (NULLs first). */
				scan->required[k] = (info->indoption[col - 1] & INDOPTION_NULLS_FIRST) ? kReqBkwd
																					   : kReqFwd;
				continue;
			}
			StrategyNumber s = IndexOrderStrategy(info, key);
			if (s == BTEqualStrategyNumber)
			{
				scan->required[k] = kReqFwd | kReqBkwd;
				eq = &key;
			}
			else if (s == BTLessStrategyNumber || s == BTLessEqualStrategyNumber)
			{
				scan->required[k] = kReqFwd;
				if (!forward && bound == nullptr)
					bound = &key;
			}
			else
			{
				scan->required[k] = kReqBkwd;
				if (forward && bound == nullptr)
					bound = &key;
			}
		}
		const ScanKeyData *use = eq != nullptr ? eq : bound;
		if (use == nullptr)
			break;
		int i = scan->start.nkeys++;
		scan->start.isnull[i] = (use->sk_flags & SK_SEARCHNULL) != 0;
		scan->start.values[i] = use->sk_argument;
		scan->start.procs[i] = const_cast<FmgrInfo *>(&use->sk_func);
		scan->start.collations[i] = use->sk_collation;
		last = eq != nullptr ? static_cast<StrategyNumber>(BTEqualStrategyNumber)
							 : IndexOrderStrategy(info, *use);
		chain = eq != nullptr;
	}
	if (scan->start.nkeys == 0)
	{
		scan->start.all_min = forward;
		scan->start.all_max = !forward;
		scan->goback = !forward;
		return;
	}
	if (forward)
		scan->start.nextkey = last == BTGreaterStrategyNumber;
	else
	{
		scan->start.nextkey = last != BTLessStrategyNumber;
		scan->goback = true;
	}
}

/* Does the entry satisfy every key?  *continuescan false: nor will any
 * entry further in the scan's direction. */
bool CheckKeys(BTScan scan, IndexTuple t, bool *continuescan)
{
	const BTIndexInfo *info = scan->info;
	bool forward = scan->dir != BackwardScanDirection;
	*continuescan = true;
	for (int k = 0; k < scan->nkeys; k++)
	{
		ScanKeyData &key = scan->keys[k];
		uint8 req = scan->required[k];
		bool stop_here = forward ? (req & kReqFwd) != 0 : (req & kReqBkwd) != 0;
		bool isnull;
		Datum datum = index_getattr(t, key.sk_attno, info->tupdesc, &isnull);
		if (key.sk_flags & SK_SEARCHNULL)
		{
			if (isnull)
				continue;
			if (stop_here)
				*continuescan = false;
			return false;
		}
		if (isnull)
		{
			/* NULLs sit at one end: past them there is nothing more. */
			bool nulls_first = (info->indoption[key.sk_attno - 1] & INDOPTION_NULLS_FIRST) != 0;
			if (nulls_first ? (!forward && (req & kReqBkwd)) : (forward && (req & kReqFwd)))
				*continuescan = false;
			return false;
		}
		if (key.sk_flags & SK_SEARCHNOTNULL)
			continue;
		int32 c = DatumGetInt32(
			FunctionCall2Coll(&key.sk_func, key.sk_collation, datum, key.sk_argument));
		bool pass;
		switch (key.sk_strategy)
		{
			case BTLessStrategyNumber:
				pass = c < 0;
				break;
			case BTLessEqualStrategyNumber:
				pass = c <= 0;
				break;
			case BTEqualStrategyNumber:
				pass = c == 0;
				break;
			case BTGreaterEqualStrategyNumber:
				pass = c >= 0;
				break;
			case BTGreaterStrategyNumber:
				pass = c > 0;
				break;
			default:
				elog(ERROR, "unrecognized btree strategy %d", key.sk_strategy);
		}
		if (!pass)
		{
			if (stop_here)
				*continuescan = false;
			return false;
		}
	}
	return true;
}

void AddTid(BTScan scan, const ItemPointerData &tid)
{
	if (scan->ntids == scan->maxtids)
	{
		/* repalloc keeps the array in the scan's context. */
		scan->maxtids *= 2;
		scan->tids = repalloc_array(scan->tids, ItemPointerData, scan->maxtids);
	}
	scan->tids[scan->ntids++] = tid;
}

/* Collect the matching TIDs of one leaf page (locked), from off on in the
 * scan's direction. */
void CollectPage(BTScan scan, Buffer buf, int off)
{
	Page page = BufferGetPage(buf);
	scan->ntids = 0;
	scan->pos = 0;
	bool continuescan = true;
	if (scan->dir != BackwardScanDirection)
	{
		for (; off <= PageGetMaxOffsetNumber(page) && continuescan; off++)
		{
			IndexTuple t = TupleAt(page, static_cast<OffsetNumber>(off));
			if (CheckKeys(scan, t, &continuescan))
				AddTid(scan, t->t_tid);
		}
		scan->next = Opaque(page)->btpo_next;
		if (scan->next == P_NONE || !continuescan)
			scan->done = true;
		return;
	}
	for (; off >= FirstDataKey(page) && continuescan; off--)
	{
		IndexTuple t = TupleAt(page, static_cast<OffsetNumber>(off));
		if (CheckKeys(scan, t, &continuescan))
			AddTid(scan, t->t_tid);
	}
	scan->cur = BufferGetBlockNumber(buf);
	if (Opaque(page)->btpo_prev == P_NONE || !continuescan)
		scan->done = true;
}

/* The page left of scan->cur, locked: its left link as it is now, then
 * right until the page whose right link is scan->cur (a split of the left
 * page since may have put pages in between). */
tusk::LockedBuffer StepLeft(BTScan scan)
{
	tusk::LockedBuffer cur(ReadIndexBuffer(scan->index, scan->cur), BUFFER_LOCK_SHARE);
	BlockNumber left = Opaque(cur.page())->btpo_prev;
	cur.Release();
	tusk::LockedBuffer buf(ReadIndexBuffer(scan->index, left), BUFFER_LOCK_SHARE);
	while (Opaque(buf.page())->btpo_next != scan->cur)
	{
		BlockNumber next = Opaque(buf.page())->btpo_next;
		if (next == P_NONE)
			elog(ERROR, "could not find left sibling of block %u in index %u", scan->cur,
				 scan->index->rd_id);
		buf.Release();
		buf = tusk::LockedBuffer(ReadIndexBuffer(scan->index, next), BUFFER_LOCK_SHARE);
	}
	return buf;
}

void ResetScanState(BTScan scan)
{
	if (BufferIsValid(scan->heapbuf))
		ReleaseBuffer(scan->heapbuf);
	if (BufferIsValid(scan->leafbuf))
		ReleaseBuffer(scan->leafbuf);
	scan->heapbuf = InvalidBuffer;
	scan->leafbuf = InvalidBuffer;
	scan->hot_continue = false;
	scan->started = false;
	scan->done = false;
	scan->next = P_NONE;
	scan->cur = P_NONE;
	scan->ntids = 0;
	scan->pos = 0;
}

}  // namespace

BTScan btbeginscan(Relation index, const BTIndexInfo *info, Relation heap, Snapshot snapshot,
				   int nkeys, ScanKey keys, ScanDirection dir)
{
	auto *scan = palloc0_object(BTScanData);
	scan->index = index;
	scan->info = info;
	scan->heap = heap;
	scan->snapshot = snapshot;
	scan->dir = dir;
	scan->nkeys = nkeys;
	scan->keys = palloc_array(ScanKeyData, Max(nkeys, 1));
	scan->required = palloc_array(uint8, Max(nkeys, 1));
	scan->maxtids = 64;
	scan->tids = palloc_array(ItemPointerData, scan->maxtids);
	scan->leafbuf = InvalidBuffer;
	scan->heapbuf = InvalidBuffer;
	btrescan(scan, keys);
	return scan;
}

void btrescan(BTScan scan, ScanKey keys)
{
	ResetScanState(scan);
	if (scan->nkeys > 0)
		memcpy(scan->keys, keys, sizeof(ScanKeyData) * static_cast<size_t>(scan->nkeys));
	PrepareScan(scan);
	if (!scan->qual_ok)
		scan->done = true;
}

HeapTuple btgettuple(BTScan scan)
{
	for (;;)
	{
		if (scan->hot_continue)
		{
			/* A snapshot that may see several members of a HOT chain
			 * (not an MVCC one) gets each: the rest of the chain after
			 * the one returned last, on the page still pinned. */
			bool found;
			{
				tusk::BufferLock lock(scan->heapbuf, BUFFER_LOCK_SHARE);
				ItemPointerData tid = scan->tuple.t_self;
				found = heap_hot_search_buffer(&tid, scan->heap, scan->heapbuf, scan->snapshot,
											   &scan->tuple, nullptr, false);
			}
			if (found)
				return &scan->tuple;
			scan->hot_continue = false;
		}
		while (scan->pos < scan->ntids)
		{
			if (BufferIsValid(scan->heapbuf))
			{
				ReleaseBuffer(scan->heapbuf);
				scan->heapbuf = InvalidBuffer;
			}
			scan->tuple.t_self = scan->tids[scan->pos++];
			pgstat_count_index_tuples(scan->index, 1);
			/* The index says where; the heap says whether we may see it
			 * (and which member of a HOT chain). */
			bool visible = heap_index_fetch(scan->heap, scan->snapshot, &scan->tuple,
											&scan->heapbuf, true);
			if (visible)
			{
				/* Counted on the index, as PostgreSQL's index_fetch_heap. */
				pgstat_count_heap_fetch(scan->index);
				scan->hot_continue = scan->snapshot->snapshot_type != SNAPSHOT_MVCC;
				return &scan->tuple;
			}
		}
		if (scan->done)
			return nullptr;
		tusk::LockedBuffer buf;
		int off;
		bool forward = scan->dir != BackwardScanDirection;
		if (!scan->started)
		{
			scan->started = true;
			pgstat_count_index_scan(scan->index);
			buf = Descend(scan->index, scan->info, scan->start, BUFFER_LOCK_SHARE, nullptr);
			off = BinarySearch(scan->info, buf.page(), scan->start);
			if (scan->goback)
				off--;
		}
		else if (forward)
		{
			/* The right sibling as it was when we read the page: anything
			 * moved there by a split since was on the page we read. */
			buf = tusk::LockedBuffer(ReadIndexBuffer(scan->index, scan->next), BUFFER_LOCK_SHARE);
			off = FirstDataKey(buf.page());
		}
		else
		{
			buf = StepLeft(scan);
			off = PageGetMaxOffsetNumber(buf.page());
		}
		CollectPage(scan, buf.get(), off);
		/* Keep the pin while the page's TIDs are returned: VACUUM cannot
		 * remove entries from it (and free the rows' line pointers for
		 * reuse) under us.  The previous leaf's pin goes.  The pins outlive
		 * this call, so the resource owner tracks them, not guards
		 * (doc/utils/resowner/README.md). */
		if (BufferIsValid(scan->leafbuf))
			ReleaseBuffer(scan->leafbuf);
		scan->leafbuf = buf.Unlock().Detach();
	}
}

void btendscan(BTScan scan)
{
	ResetScanState(scan);
	pfree(scan->keys);
	pfree(scan->required);
	pfree(scan->tids);
	pfree(scan);
}

uint64 btbulkdelete(Relation index, bool (*callback)(ItemPointer itemptr, void *state), void *state)
{
	/* The leftmost leaf, then right along the leaf level. */
	SearchKey first;
	first.all_min = true;
	/* (No comparator is called for an all-minimum key.) */
	BlockNumber blk = BufferGetBlockNumber(
		Descend(index, nullptr, first, BUFFER_LOCK_SHARE, nullptr).get());
	uint64 removed = 0;
	while (blk != P_NONE)
	{
		CHECK_FOR_INTERRUPTS();
		tusk::BufferPin pin = ReadIndexBuffer(index, blk);
		Buffer buf = pin.get();
		/* No scan may hold this page's TIDs while entries go. */
		tusk::BufferLock cleanup = tusk::BufferLock::ForCleanup(buf);
		Page page = BufferGetPage(buf);
		std::vector<OffsetNumber> gone;
		for (OffsetNumber off = FirstDataKey(page); off <= PageGetMaxOffsetNumber(page); off++)
		{
			ItemPointerData tid = TupleAt(page, off)->t_tid;
			if (callback(&tid, state))
				gone.push_back(off);
		}
		if (!gone.empty())
		{
			tusk::CriticalSection crit;
			for (auto it = gone.rbegin(); it != gone.rend(); ++it)
				PageIndexTupleDelete(page, *it);
			MarkBufferDirty(buf);
			LogImages(kXlogVacuum, std::span<const Buffer>(&buf, 1));
			crit.End();
			removed += gone.size();
		}
		blk = Opaque(page)->btpo_next;
	}
	return removed;
}

uint32 bt_tree_level(Relation index)
{
	return ReadMeta(index).btm_level;
}

void btree_redo(XLogReaderState *record)
{
	uint8 info = XLogRecGetInfo(record) & ~XLR_INFO_MASK;
	switch (info)
	{
		case kXlogInsertLeaf:
		case kXlogInsertUpper:
		{
			xl_btree_insert rec;
			memcpy(&rec, XLogRecGetData(record), sizeof rec);
			tusk::LockedBuffer buf;
			if (XLogReadBufferForRedo(record, 0, &buf) == BLK_NEEDS_REDO)
			{
				Size len;
				const char *data = XLogRecGetBlockData(record, 0, &len);
				Page page = buf.page();
				if (PageAddItemExtended(page, data, len, rec.offnum, 0) != rec.offnum)
					elog(PANIC, "btree_redo: failed to add item");
				PageSetLSN(page, XLogReaderGetEndRecPtr(record));
				MarkBufferDirty(buf.get());
			}
			break;
		}
		case kXlogSplitL:
		case kXlogNewRoot:
		case kXlogVacuum:
			/* Every page of these records is a full image. */
			for (int id = 0; id <= XLogRecMaxBlockId(record); id++)
			{
				tusk::LockedBuffer buf;
				if (!XLogRecHasBlockRef(record, static_cast<uint8>(id)))
					continue;
				(void) XLogReadBufferForRedo(record, static_cast<uint8>(id), &buf);
			}
			break;
		default:
			elog(PANIC, "btree_redo: unknown op code %u", info);
	}
}

const char *btree_identify(uint8 info)
{
	switch (info & ~XLR_INFO_MASK)
	{
		case kXlogInsertLeaf:
			return "INSERT_LEAF";
		case kXlogInsertUpper:
			return "INSERT_UPPER";
		case kXlogSplitL:
			return "SPLIT_L";
		case kXlogNewRoot:
			return "NEWROOT";
		case kXlogVacuum:
			return "VACUUM";
		default:
			return nullptr;
	}
}
