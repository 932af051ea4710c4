/*
 * storage/bufpage.h — the layout of an 8 kB page, shared by every kind of
 * relation (heap, index): PostgreSQL's "slotted page".
 *
 *   +----------------+---------------------------------+
 *   | PageHeaderData | linp1 linp2 linp3 ...           |
 *   +-----------+----+---------------------------------+
 *   | ... linpN |                                      |
 *   +-----------+--------------------------------------+
 *   |           ^ pd_lower          free space         |
 *   |                       v pd_upper                 |
 *   +-------------+------------------------------------+
 *   |             | itemN ...                          |
 *   +-------------+------------------+-----------------+
 *   |       ... item3 item2 item1    | special space   |
 *   +--------------------------------+-----------------+
 *                                    ^ pd_special
 *
 * Line pointers grow forward from the header, item data backward from the
 * special space; pd_lower and pd_upper bound the free space between.  The
 * header carries the LSN of the last WAL record that changed the page (the
 * buffer manager must not write the page before WAL is flushed that far)
 * and a 16-bit checksum, verified whenever the page is read from disk.
 * Tusk always computes checksums (PostgreSQL makes them optional).
 */
#ifndef TUSK_STORAGE_BUFPAGE_H
#define TUSK_STORAGE_BUFPAGE_H

#include "c.h"
#include "access/xlogdefs.h"
#include "storage/block.h"
#include "storage/itemid.h"
#include "storage/off.h"

typedef char *Page;
typedef uint16 LocationIndex;

/* The LSN as two 32-bit halves, so that a page needs no 8-byte alignment. */
typedef struct PageXLogRecPtr
{
	uint32 xlogid;	/* high bits */
	uint32 xrecoff; /* low bits */
} PageXLogRecPtr;

typedef struct PageHeaderData
{
	PageXLogRecPtr pd_lsn;	  /* LSN: just past the last WAL record for this page */
	uint16 pd_checksum;		  /* checksum of the page and its block number */
	uint16 pd_flags;		  /* PD_* below */
	LocationIndex pd_lower;	  /* start of free space */
	LocationIndex pd_upper;	  /* end of free space */
	LocationIndex pd_special; /* start of special space */
	uint16 pd_pagesize_version;
	uint32 pd_prune_xid;  /* low 32 bits of the oldest prunable xid; a hint only */
	ItemIdData pd_linp[]; /* line pointers */
} PageHeaderData;

typedef PageHeaderData *PageHeader;

#define PD_HAS_FREE_LINES 0x0001 /* some line pointer is LP_UNUSED */
#define PD_PAGE_FULL 0x0002		 /* an update found no room here */
#define PD_ALL_VISIBLE 0x0004	 /* every tuple is visible to everyone */
#define PD_VALID_FLAG_BITS 0x0007

#define PG_PAGE_LAYOUT_VERSION 4
#define SizeOfPageHeaderData (offsetof(PageHeaderData, pd_linp))

/* PageAddItemExtended flags */
#define PAI_OVERWRITE (1 << 0) /* reuse the given line pointer */

/* PageIsVerifiedExtended flags */
#define PIV_LOG_WARNING (1 << 0) /* log a WARNING on failure */

#define PageIsNew(page) (((PageHeader) (page))->pd_upper == 0)
#define PageGetItemId(page, offsetNumber) \
	((ItemId) (&((PageHeader) (page))->pd_linp[(offsetNumber) -1]))
#define PageGetItem(page, itemId) ((char *) (page) + ItemIdGetOffset(itemId))
#define PageGetContents(page) ((char *) (page) + MAXALIGN(SizeOfPageHeaderData))
#define PageGetSpecialPointer(page) ((char *) (page) + ((PageHeader) (page))->pd_special)
#define PageGetSpecialSize(page) ((uint16) (BLCKSZ - ((PageHeader) (page))->pd_special))
#define PageGetMaxOffsetNumber(page) \
	((OffsetNumber) (((PageHeader) (page))->pd_lower <= SizeOfPageHeaderData \
						 ? 0 \
						 : (((PageHeader) (page))->pd_lower - SizeOfPageHeaderData) / \
							 sizeof(ItemIdData)))
#define PageHasFreeLinePointers(page) (((PageHeader) (page))->pd_flags & PD_HAS_FREE_LINES)
#define PageIsFull(page) (((PageHeader) (page))->pd_flags & PD_PAGE_FULL)
#define PageSetFull(page) (((PageHeader) (page))->pd_flags |= PD_PAGE_FULL)
#define PageClearFull(page) (((PageHeader) (page))->pd_flags &= ~PD_PAGE_FULL)
#define PageIsAllVisible(page) (((PageHeader) (page))->pd_flags & PD_ALL_VISIBLE)
#define PageSetAllVisible(page) (((PageHeader) (page))->pd_flags |= PD_ALL_VISIBLE)
#define PageClearAllVisible(page) (((PageHeader) (page))->pd_flags &= ~PD_ALL_VISIBLE)

static inline XLogRecPtr PageGetLSN(Page page)
{
	PageXLogRecPtr p = ((PageHeader) page)->pd_lsn;
	return ((uint64) p.xlogid << 32) | p.xrecoff;
}

static inline void PageSetLSN(Page page, XLogRecPtr lsn)
{
	((PageHeader) page)->pd_lsn.xlogid = (uint32) (lsn >> 32);
	((PageHeader) page)->pd_lsn.xrecoff = (uint32) lsn;
}

#ifdef __cplusplus
extern "C" {
#endif

extern void PageInit(Page page, Size pageSize, Size specialSize);
extern bool PageIsVerifiedExtended(Page page, BlockNumber blkno, int flags);
extern OffsetNumber PageAddItemExtended(Page page, const char *item, Size size,
										OffsetNumber offsetNumber, int flags);
#define PageAddItem(page, item, size, offsetNumber, overwrite) \
	PageAddItemExtended(page, item, size, offsetNumber, (overwrite) ? PAI_OVERWRITE : 0)
extern Size PageGetFreeSpace(Page page);
extern Size PageGetExactFreeSpace(Page page);
extern void PageRepairFragmentation(Page page);
extern void PageIndexTupleDelete(Page page, OffsetNumber offnum);
extern uint16 pg_checksum_page(char *page, BlockNumber blkno);
extern void PageSetChecksumInplace(Page page, BlockNumber blkno);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_STORAGE_BUFPAGE_H */
