/*
 * storage/freespace.h — the free space map: where a relation has room.
 *
 * One byte per heap page in the relation's _fsm fork, the page's free
 * space in 32-byte steps (PostgreSQL's categories; its map is a tree of
 * such bytes, Tusk's is flat and searched linearly, which is fine for the
 * sizes the map has had to serve so far).  The map is a hint: it is not
 * WAL-logged, a damaged page of it reads as empty, and a page it offers
 * is checked before use.
 */
#ifndef TUSK_STORAGE_FREESPACE_H
#define TUSK_STORAGE_FREESPACE_H

#include "c.h"
#include "storage/block.h"
#include "utils/rel.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A page that had at least spaceNeeded bytes free, or InvalidBlockNumber. */
extern BlockNumber GetPageWithFreeSpace(Relation rel, Size spaceNeeded);
extern void RecordPageWithFreeSpace(Relation rel, BlockNumber heapBlk, Size spaceAvail);
/* Record oldPage's space, then look for another page. */
extern BlockNumber RecordAndGetPageWithFreeSpace(Relation rel, BlockNumber oldPage,
												 Size oldSpaceAvail, Size spaceNeeded);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_STORAGE_FREESPACE_H */
