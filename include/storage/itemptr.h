/*
 * storage/itemptr.h — a tuple's address: block number and line pointer.
 *
 * Six bytes, laid out as PostgreSQL's ItemPointerData (the block number
 * in two 16-bit halves, so the struct needs only 2-byte alignment).
 */
#ifndef TUSK_STORAGE_ITEMPTR_H
#define TUSK_STORAGE_ITEMPTR_H

#include "c.h"
#include "storage/block.h"
#include "storage/off.h"

typedef struct BlockIdData
{
	uint16 bi_hi;
	uint16 bi_lo;
} BlockIdData;

typedef struct ItemPointerData
{
	BlockIdData ip_blkid;
	OffsetNumber ip_posid;
} ItemPointerData;

typedef ItemPointerData *ItemPointer;

static inline BlockNumber ItemPointerGetBlockNumber(const ItemPointerData *pointer)
{
	return ((BlockNumber) pointer->ip_blkid.bi_hi << 16) | (BlockNumber) pointer->ip_blkid.bi_lo;
}

static inline OffsetNumber ItemPointerGetOffsetNumber(const ItemPointerData *pointer)
{
	return pointer->ip_posid;
}

static inline void ItemPointerSet(ItemPointerData *pointer, BlockNumber blockNumber,
								  OffsetNumber offNum)
{
	pointer->ip_blkid.bi_hi = (uint16) (blockNumber >> 16);
	pointer->ip_blkid.bi_lo = (uint16) (blockNumber & 0xffff);
	pointer->ip_posid = offNum;
}

static inline void ItemPointerSetInvalid(ItemPointerData *pointer)
{
	ItemPointerSet(pointer, InvalidBlockNumber, InvalidOffsetNumber);
}

static inline bool ItemPointerIsValid(const ItemPointerData *pointer)
{
	return pointer != NULL && pointer->ip_posid != 0;
}

static inline bool ItemPointerEquals(const ItemPointerData *a, const ItemPointerData *b)
{
	return ItemPointerGetBlockNumber(a) == ItemPointerGetBlockNumber(b) &&
		a->ip_posid == b->ip_posid;
}

#endif /* TUSK_STORAGE_ITEMPTR_H */
