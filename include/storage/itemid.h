/*
 * storage/itemid.h — line pointers: the array at the start of a page that
 * says where each item is.
 *
 * PostgreSQL's 32-bit layout: 15 bits of offset, 2 bits of state, 15 bits
 * of length.  Items are addressed by the index of their line pointer (the
 * OffsetNumber), which never changes while the item lives, even when the
 * page is compacted and the item's bytes move.
 */
#ifndef TUSK_STORAGE_ITEMID_H
#define TUSK_STORAGE_ITEMID_H

#include "c.h"

typedef struct ItemIdData
{
	unsigned lp_off : 15, /* offset of the item from the page start */
		lp_flags : 2,	  /* state, below */
		lp_len : 15;	  /* byte length of the item */
} ItemIdData;

typedef ItemIdData *ItemId;

#define LP_UNUSED 0	  /* free for reuse (lp_len = 0) */
#define LP_NORMAL 1	  /* in use (lp_len > 0) */
#define LP_REDIRECT 2 /* HOT redirect to another line pointer (lp_len = 0) */
#define LP_DEAD 3	  /* dead; may or may not still have storage */

typedef uint16 ItemOffset;
typedef uint16 ItemLength;

#define ItemIdGetLength(itemId) ((itemId)->lp_len)
#define ItemIdGetOffset(itemId) ((itemId)->lp_off)
#define ItemIdGetFlags(itemId) ((itemId)->lp_flags)
#define ItemIdGetRedirect(itemId) ((itemId)->lp_off)
#define ItemIdIsUsed(itemId) ((itemId)->lp_flags != LP_UNUSED)
#define ItemIdIsNormal(itemId) ((itemId)->lp_flags == LP_NORMAL)
#define ItemIdIsRedirected(itemId) ((itemId)->lp_flags == LP_REDIRECT)
#define ItemIdIsDead(itemId) ((itemId)->lp_flags == LP_DEAD)
#define ItemIdHasStorage(itemId) ((itemId)->lp_len != 0)

#define ItemIdSetUnused(itemId) \
	((itemId)->lp_flags = LP_UNUSED, (itemId)->lp_off = 0, (itemId)->lp_len = 0)
#define ItemIdSetNormal(itemId, off, len) \
	((itemId)->lp_flags = LP_NORMAL, (itemId)->lp_off = (off), (itemId)->lp_len = (len))
#define ItemIdSetRedirect(itemId, link) \
	((itemId)->lp_flags = LP_REDIRECT, (itemId)->lp_off = (link), (itemId)->lp_len = 0)
#define ItemIdSetDead(itemId) \
	((itemId)->lp_flags = LP_DEAD, (itemId)->lp_off = 0, (itemId)->lp_len = 0)
#define ItemIdMarkDead(itemId) ((itemId)->lp_flags = LP_DEAD)

#endif /* TUSK_STORAGE_ITEMID_H */
