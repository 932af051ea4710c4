/*
 * freespace.cpp — the free space map (see storage/freespace.h).
 *
 * Principal entry points: GetPageWithFreeSpace, RecordPageWithFreeSpace.
 *
 * Map page p holds the bytes of heap pages p × kSlotsPerPage onwards,
 * after a standard page header.  Pages are read through the buffer pool;
 * a map page that fails verification (a torn write: the map is not
 * WAL-logged) reads as zeroes — "no free space known" — as in PostgreSQL.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/freespace.h"
#include "storage/lwlock.h"
#include "storage/smgr.h"

namespace {

constexpr Size kSlotsPerPage = BLCKSZ - MAXALIGN(SizeOfPageHeaderData);
constexpr Size kStep = BLCKSZ / 256; /* 32 bytes per category */

uint8 CategoryOf(Size avail)
{
	return static_cast<uint8>(Min(avail / kStep, static_cast<Size>(255)));
}

/* Smallest category that guarantees needed bytes. */
uint8 CategoryNeeded(Size needed)
{
	Size c = (needed + kStep - 1) / kStep;
	return static_cast<uint8>(Min(c, static_cast<Size>(255)));
}

uint8 *Slots(Page page)
{
	return reinterpret_cast<uint8 *>(PageGetContents(page));
}

/* The map's page p, pinned (the fork and page made if need be and asked);
 * no pin if it does not exist. */
tusk::BufferPin ReadMapPage(Relation rel, BlockNumber p, bool extend)
{
	SMgrRelation reln = smgropen(rel->rd_node);
	if (!smgrexists(reln, FSM_FORKNUM))
	{
		if (!extend)
			return tusk::BufferPin();
		tusk::LWLockGuard extension(RelationExtensionLock, LW_EXCLUSIVE);
		if (!smgrexists(reln, FSM_FORKNUM))
			smgrcreate(reln, FSM_FORKNUM, false);
	}
	while (smgrnblocks(reln, FSM_FORKNUM) <= p)
	{
		if (!extend)
			return tusk::BufferPin();
		/* Made: nothing more to do with it. */
		ReleaseBuffer(
			ReadBufferWithoutRelcache(rel->rd_node, FSM_FORKNUM, P_NEW, RBM_NORMAL, nullptr, true));
	}
	return tusk::BufferPin(
		ReadBufferWithoutRelcache(rel->rd_node, FSM_FORKNUM, p, RBM_ZERO_ON_ERROR, nullptr, true));
}

}  // namespace

void RecordPageWithFreeSpace(Relation rel, BlockNumber heapBlk, Size spaceAvail)
{
	BlockNumber p = static_cast<BlockNumber>(heapBlk / kSlotsPerPage);
	tusk::LockedBuffer buf(ReadMapPage(rel, p, true), BUFFER_LOCK_EXCLUSIVE);
	Page page = buf.page();
	if (PageIsNew(page))
	{
		PageInit(page, BLCKSZ, 0);
		reinterpret_cast<PageHeader>(page)->pd_lower = static_cast<LocationIndex>(
			MAXALIGN(SizeOfPageHeaderData) + kSlotsPerPage);
	}
	uint8 &slot = Slots(page)[heapBlk % kSlotsPerPage];
	uint8 cat = CategoryOf(spaceAvail);
	if (slot != cat)
	{
		slot = cat;
		MarkBufferDirty(buf.get());
	}
}

BlockNumber GetPageWithFreeSpace(Relation rel, Size spaceNeeded)
{
	uint8 want = CategoryNeeded(spaceNeeded);
	SMgrRelation reln = smgropen(rel->rd_node);
	if (!smgrexists(reln, FSM_FORKNUM))
		return InvalidBlockNumber;
	BlockNumber heap_blocks = smgrnblocks(reln, MAIN_FORKNUM);
	BlockNumber map_pages = smgrnblocks(reln, FSM_FORKNUM);
	for (BlockNumber p = 0; p < map_pages; p++)
	{
		tusk::BufferPin pin = ReadMapPage(rel, p, false);
		if (!pin.valid())
			break;
		tusk::BufferLock lock(pin.get(), BUFFER_LOCK_SHARE);
		Page page = pin.page();
		BlockNumber found = InvalidBlockNumber;
		if (!PageIsNew(page))
			for (Size i = 0; i < kSlotsPerPage; i++)
			{
				BlockNumber blk = static_cast<BlockNumber>(p * kSlotsPerPage + i);
				if (blk >= heap_blocks)
					break;
				if (Slots(page)[i] >= want)
				{
					found = blk;
					break;
				}
			}
		if (found != InvalidBlockNumber)
			return found;
	}
	return InvalidBlockNumber;
}

BlockNumber RecordAndGetPageWithFreeSpace(Relation rel, BlockNumber oldPage, Size oldSpaceAvail,
										  Size spaceNeeded)
{
	RecordPageWithFreeSpace(rel, oldPage, oldSpaceAvail);
	return GetPageWithFreeSpace(rel, spaceNeeded);
}
