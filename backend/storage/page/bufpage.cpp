/*
 * bufpage.cpp — operations on slotted pages (see storage/bufpage.h).
 *
 * Principal entry points: PageInit, PageAddItemExtended, PageGetFreeSpace,
 * PageRepairFragmentation, PageIndexTupleDelete, PageIsVerifiedExtended,
 * pg_checksum_page, PageSetChecksumInplace.
 *
 * The checksum is CRC-32C over the page (with its checksum field counted
 * as zero) and the block number, folded into 16 bits and never 0 — so a
 * page copied to the wrong place in a file fails verification too, and 0
 * can keep meaning "no checksum".  (PostgreSQL uses a different hash for
 * the same purpose; Tusk's files are its own format.)
 */
#include "postgres.h"

#include <string.h>

#include <algorithm>

#include "common/crc32c.h"
#include "storage/bufpage.h"
#include "utils/errcodes.h"

static_assert(sizeof(ItemIdData) == 4);
static_assert(SizeOfPageHeaderData == 24);

void PageInit(Page page, Size pageSize, Size specialSize)
{
	PageHeader p = reinterpret_cast<PageHeader>(page);
	specialSize = MAXALIGN(specialSize);
	if (pageSize != BLCKSZ || specialSize + SizeOfPageHeaderData > pageSize)
		elog(ERROR, "invalid page size %zu or special size %zu", pageSize, specialSize);
	memset(page, 0, pageSize);
	p->pd_flags = 0;
	p->pd_lower = SizeOfPageHeaderData;
	p->pd_upper = static_cast<LocationIndex>(pageSize - specialSize);
	p->pd_special = static_cast<LocationIndex>(pageSize - specialSize);
	p->pd_pagesize_version = static_cast<uint16>(pageSize | PG_PAGE_LAYOUT_VERSION);
}

uint16 pg_checksum_page(char *page, BlockNumber blkno)
{
	using namespace tusk::common;
	constexpr size_t kField = offsetof(PageHeaderData, pd_checksum);
	const uint16 zero = 0;
	uint32_t crc = Crc32cInit();
	crc = Crc32cUpdate(crc, page, kField);
	crc = Crc32cUpdate(crc, &zero, sizeof zero);
	crc = Crc32cUpdate(crc, page + kField + sizeof zero, BLCKSZ - kField - sizeof zero);
	crc = Crc32cUpdate(crc, &blkno, sizeof blkno);
	crc = Crc32cFinish(crc);
	return static_cast<uint16>(crc % 65535 + 1);
}

void PageSetChecksumInplace(Page page, BlockNumber blkno)
{
	/* A new (all-zero) page has no checksum: it must stay all zeroes. */
	if (PageIsNew(page))
		return;
	reinterpret_cast<PageHeader>(page)->pd_checksum = pg_checksum_page(page, blkno);
}

bool PageIsVerifiedExtended(Page page, BlockNumber blkno, int flags)
{
	PageHeader p = reinterpret_cast<PageHeader>(page);
	if (!PageIsNew(page))
	{
		uint16 expected = pg_checksum_page(page, blkno);
		bool checksum_ok = p->pd_checksum == expected;
		bool header_ok = (p->pd_flags & ~PD_VALID_FLAG_BITS) == 0 && p->pd_lower <= p->pd_upper &&
			p->pd_upper <= p->pd_special && p->pd_special <= BLCKSZ &&
			p->pd_special == MAXALIGN(p->pd_special);
		if (checksum_ok && header_ok)
			return true;
		if (!checksum_ok && (flags & PIV_LOG_WARNING))
			ereport(WARNING, errcode(ERRCODE_DATA_CORRUPTED),
					errmsg("page verification failed, calculated checksum %u but expected %u",
						   expected, p->pd_checksum));
		return false;
	}
	/* A page never written is all zeroes; anything else is damage. */
	for (size_t i = 0; i < BLCKSZ; i++)
		if (page[i] != 0)
			return false;
	return true;
}

Size PageGetExactFreeSpace(Page page)
{
	PageHeader p = reinterpret_cast<PageHeader>(page);
	int space = static_cast<int>(p->pd_upper) - static_cast<int>(p->pd_lower);
	return space < 0 ? 0 : static_cast<Size>(space);
}

Size PageGetFreeSpace(Page page)
{
	/* Room for the item's line pointer is taken off what is free. */
	Size space = PageGetExactFreeSpace(page);
	return space < sizeof(ItemIdData) ? 0 : space - sizeof(ItemIdData);
}

OffsetNumber PageAddItemExtended(Page page, const char *item, Size size, OffsetNumber offsetNumber,
								 int flags)
{
	PageHeader p = reinterpret_cast<PageHeader>(page);
	if (p->pd_lower < SizeOfPageHeaderData || p->pd_lower > p->pd_upper ||
		p->pd_upper > p->pd_special || p->pd_special > BLCKSZ)
		ereport(PANIC, errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("corrupted page pointers: lower = %u, upper = %u, special = %u", p->pd_lower,
					   p->pd_upper, p->pd_special));

	OffsetNumber limit = OffsetNumberNext(PageGetMaxOffsetNumber(page));
	bool need_new_linp = true;
	if (OffsetNumberIsValid(offsetNumber))
	{
		if (offsetNumber > limit)
		{
			elog(WARNING, "specified item offset is too large");
			return InvalidOffsetNumber;
		}
		if ((flags & PAI_OVERWRITE) && offsetNumber < limit)
		{
			ItemId itemId = PageGetItemId(page, offsetNumber);
			if (ItemIdIsUsed(itemId) || ItemIdHasStorage(itemId))
			{
				elog(WARNING, "will not overwrite a used ItemId");
				return InvalidOffsetNumber;
			}
			need_new_linp = false;
		}
		/* Without PAI_OVERWRITE the item is inserted there and the line
		 * pointers after it move up by one. */
	}
	else
	{
		/* Reuse an unused line pointer if the page says there is one. */
		offsetNumber = limit;
		if (PageHasFreeLinePointers(page))
		{
			for (OffsetNumber off = FirstOffsetNumber; off < limit; off++)
			{
				ItemId itemId = PageGetItemId(page, off);
				if (!ItemIdIsUsed(itemId) && !ItemIdHasStorage(itemId))
				{
					offsetNumber = off;
					need_new_linp = false;
					break;
				}
			}
			if (need_new_linp)
				p->pd_flags &= ~PD_HAS_FREE_LINES; /* the hint was stale */
		}
	}

	int lower = p->pd_lower + (need_new_linp ? static_cast<int>(sizeof(ItemIdData)) : 0);
	int upper = static_cast<int>(p->pd_upper) - static_cast<int>(MAXALIGN(size));
	if (lower > upper)
		return InvalidOffsetNumber;

	if (need_new_linp && offsetNumber < limit)
		memmove(PageGetItemId(page, offsetNumber + 1), PageGetItemId(page, offsetNumber),
				(limit - offsetNumber) * sizeof(ItemIdData));
	ItemId itemId = PageGetItemId(page, offsetNumber);
	ItemIdSetNormal(itemId, upper, size);
	memcpy(page + upper, item, size);
	p->pd_lower = static_cast<LocationIndex>(lower);
	p->pd_upper = static_cast<LocationIndex>(upper);
	return offsetNumber;
}

void PageRepairFragmentation(Page page)
{
	PageHeader p = reinterpret_cast<PageHeader>(page);
	OffsetNumber nline = PageGetMaxOffsetNumber(page);

	struct Item
	{
		OffsetNumber off;
		uint16 start;
		uint16 len;
	};
	/* On the stack: this runs inside critical sections (VACUUM), where
	 * nothing may be allocated.  No page has more line pointers. */
	constexpr size_t kMaxItems = (BLCKSZ - SizeOfPageHeaderData) / sizeof(ItemIdData);
	if (nline > kMaxItems)
		ereport(ERROR, errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("corrupted page pointers: lower = %u, upper = %u, special = %u", p->pd_lower,
					   p->pd_upper, p->pd_special));
	Item items[kMaxItems];
	size_t nitems = 0;
	bool has_unused = false;
	for (OffsetNumber off = FirstOffsetNumber; off <= nline; off++)
	{
		ItemId id = PageGetItemId(page, off);
		if (ItemIdHasStorage(id))
			items[nitems++] = Item{off, static_cast<uint16>(ItemIdGetOffset(id)),
								   static_cast<uint16>(ItemIdGetLength(id))};
		else if (!ItemIdIsUsed(id))
			has_unused = true;
	}
	/* Move items toward the special space, highest first, so that no move
	 * overwrites an item not yet moved. */
	std::sort(items, items + nitems,
			  [](const Item &a, const Item &b) { return a.start > b.start; });
	int upper = p->pd_special;
	for (size_t i = 0; i < nitems; i++)
	{
		const Item &it = items[i];
		upper -= static_cast<int>(MAXALIGN(it.len));
		memmove(page + upper, page + it.start, it.len);
		PageGetItemId(page, it.off)->lp_off = static_cast<unsigned>(upper);
	}
	p->pd_upper = static_cast<LocationIndex>(upper);
	if (has_unused)
		p->pd_flags |= PD_HAS_FREE_LINES;
	else
		p->pd_flags &= ~PD_HAS_FREE_LINES;
}

void PageIndexTupleDelete(Page page, OffsetNumber offnum)
{
	PageHeader p = reinterpret_cast<PageHeader>(page);
	OffsetNumber nline = PageGetMaxOffsetNumber(page);
	if (offnum == InvalidOffsetNumber || offnum > nline)
		elog(ERROR, "invalid index offnum: %u", offnum);
	ItemId id = PageGetItemId(page, offnum);
	unsigned off = ItemIdGetOffset(id);
	unsigned size = MAXALIGN(ItemIdGetLength(id));
	if (off < p->pd_upper || off + size > p->pd_special || off != MAXALIGN(off))
		ereport(ERROR, errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("corrupted line pointer: offset = %u, size = %u", off, size));

	/* Close the gap in the line pointers ... */
	memmove(PageGetItemId(page, offnum), PageGetItemId(page, offnum + 1),
			(nline - offnum) * sizeof(ItemIdData));
	p->pd_lower = static_cast<LocationIndex>(p->pd_lower - sizeof(ItemIdData));
	/* ... and in the data: everything stored below the item moves up. */
	memmove(page + p->pd_upper + size, page + p->pd_upper, off - p->pd_upper);
	p->pd_upper = static_cast<LocationIndex>(p->pd_upper + size);
	for (OffsetNumber i = FirstOffsetNumber; i < nline; i++)
	{
		ItemId other = PageGetItemId(page, i);
		if (ItemIdHasStorage(other) && ItemIdGetOffset(other) < off)
			other->lp_off = ItemIdGetOffset(other) + size;
	}
}
