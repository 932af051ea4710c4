/*
 * access/nbtree.h — B-tree indexes (Lehman and Yao's, as PostgreSQL has
 * them): sorted keys in pages linked to their right siblings, so that a
 * search that arrives at a page just split moves right instead of
 * holding locks from the root down.
 *
 * Until the catalogs and operator classes exist, an index is described by
 * a BTIndexInfo: its name and column name (for error messages), whether
 * it is unique, and the comparator of its key type (int8 and text are
 * built in).  Keys are passed as bytes: an int8 key is the 8-byte
 * integer, a text key its bytes (compared as PostgreSQL's "C" collation).
 *
 * Every entry is ordered by (key, heap TID), as in PostgreSQL 12 and
 * later, so equal keys never make a page split ambiguous.
 */
#ifndef TUSK_ACCESS_NBTREE_H
#define TUSK_ACCESS_NBTREE_H

#include "c.h"
#include "access/htup.h"
#include "storage/itemptr.h"
#include "utils/rel.h"
#include "utils/snapshot.h"

typedef struct XLogReaderState XLogReaderState;

typedef int (*BTCompareFunction)(const char *a, uint16 alen, const char *b, uint16 blen);

typedef struct BTIndexInfo
{
	const char *name;	/* the index, for "violates unique constraint" */
	const char *column; /* the key column, for "Key (column)=(…)" */
	bool unique;
	BTCompareFunction compare;
	/* The key as text, for messages (palloc'd). */
	char *(*key_out)(const char *key, uint16 len);
} BTIndexInfo;

extern const BTIndexInfo *const bt_int8_ops; /* compare/key_out for int8 keys */
extern const BTIndexInfo *const bt_text_ops; /* and for text keys ("C" collation) */

typedef struct BTScanData *BTScan;

#define BTREE_MAGIC 0x053162
#define BTREE_VERSION 4

#ifdef __cplusplus
extern "C" {
#endif

/* An empty index: its metapage (and WAL record). */
extern void btbuildempty(Relation index);

/*
 * Add (key, heap_tid).  A unique index first looks for a live entry with
 * the same key — waiting for a transaction still inserting or deleting
 * one to end — and raises PostgreSQL's unique_violation (23505).
 */
extern void btinsert(Relation index, const BTIndexInfo *info, const char *key, uint16 keylen,
					 ItemPointer heap_tid, Relation heap);

/*
 * Entries with lo <= key <= hi (a bound with len -1 is open; the _incl
 * flags make it exclusive when false), in key order, whose heap tuples
 * snapshot sees.  The scan is allocated in CurrentMemoryContext.
 */
extern BTScan btbeginscan(Relation index, const BTIndexInfo *info, Relation heap, Snapshot snapshot,
						  const char *lo, int lolen, bool lo_incl, const char *hi, int hilen,
						  bool hi_incl);
/* The next visible heap tuple, valid until the next call; NULL at the end. */
extern HeapTuple btgettuple(BTScan scan);
extern void btendscan(BTScan scan);

/* VACUUM: remove every entry whose heap TID callback accepts; returns how
 * many went.  (Pages are never removed, only emptied.) */
extern uint64 btbulkdelete(Relation index, bool (*callback)(ItemPointer itemptr, void *state),
						   void *state);

/* The tree's height above the leaves (0: the root is a leaf). */
extern uint32 bt_tree_level(Relation index);

extern void btree_redo(XLogReaderState *record);
extern const char *btree_identify(uint8 info);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_NBTREE_H */
