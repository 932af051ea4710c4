/*
 * access/nbtree.h — B-tree indexes (Lehman and Yao's, as PostgreSQL has
 * them): sorted keys in pages linked to their right siblings, so that a
 * search that arrives at a page just split moves right instead of
 * holding locks from the root down.
 *
 * Entries are index tuples (access/itup.h) of one or more columns: key
 * columns, which order the tree, then INCLUDE columns, carried along.
 * Each key column is ordered by its operator class's ordering function
 * (B-tree support function 1: btint4cmp, bttextcmp, …, called through
 * fmgr with the column's collation), ascending or descending, NULLs last
 * or first (pg_index.indoption).  A BTIndexInfo says all that: the
 * relation cache builds one from the catalogs (RelationGetBTIndexInfo,
 * utils/relcache.h); code below the catalogs fills one in by hand.
 *
 * Every entry is ordered by (key, heap TID), as in PostgreSQL 12 and
 * later, so equal keys never make a page split ambiguous.
 */
#ifndef TUSK_ACCESS_NBTREE_H
#define TUSK_ACCESS_NBTREE_H

#include "c.h"
#include "access/htup.h"
#include "access/itup.h"
#include "access/sdir.h"
#include "access/skey.h"
#include "access/tupdesc.h"
#include "fmgr.h"
#include "storage/itemptr.h"
#include "utils/rel.h"
#include "utils/snapshot.h"

typedef struct XLogReaderState XLogReaderState;

/* How an index's entries are formed, ordered and described in messages. */
typedef struct BTIndexInfo
{
	const char *name;  /* the index, for "violates unique constraint" */
	TupleDesc tupdesc; /* the entry's columns: key columns, then INCLUDE */
	int nkeyatts;	   /* key columns */
	bool unique;
	const int16 *indoption;		 /* per key column: INDOPTION_DESC, INDOPTION_NULLS_FIRST */
	const Oid *collation;		 /* per key column */
	FmgrInfo *orderproc;		 /* per key column: support function 1 (column type, column type) */
	const char *const *colnames; /* per column: "Key (a, b)=(…)" */
	const Oid *typoutput;		 /* per column: output function, for messages */
} BTIndexInfo;

/* What btinsert checks (PostgreSQL's IndexUniqueCheck, plus the build's
 * own message). */
typedef enum IndexUniqueCheck
{
	UNIQUE_CHECK_NO,		 /* no check */
	UNIQUE_CHECK_YES,		 /* a live duplicate is "duplicate key value violates …" */
	UNIQUE_CHECK_BUILD,		 /* CREATE INDEX: "could not create unique index …" */
	UNIQUE_CHECK_SPECULATIVE /* ON CONFLICT: a duplicate is reported, nothing inserted */
} IndexUniqueCheck;

typedef struct BTScanData *BTScan;

#define BTREE_MAGIC 0x053162
#define BTREE_VERSION 4

/* pg_index.indoption bits (also in catalog/pg_index_d.h). */
#ifndef INDOPTION_DESC
#define INDOPTION_DESC 0x0001
#define INDOPTION_NULLS_FIRST 0x0002
#endif

/* The B-tree support function numbers (pg_amproc.amprocnum). */
#define BTORDER_PROC 1

#ifdef __cplusplus
extern "C" {
#endif

/* An empty index: its metapage (and WAL record). */
extern void btbuildempty(Relation index);

/*
 * Add an entry of values/isnull (the descriptor's columns) for heap_tid;
 * returns true.  With a unique check, and no key column NULL, a live entry
 * with the same key — waiting for a transaction still inserting or
 * deleting one to end — raises PostgreSQL's unique_violation (23505).
 * UNIQUE_CHECK_SPECULATIVE neither raises nor waits: it inserts nothing
 * and returns false, with *xwait the transaction inserting or deleting
 * the other entry's row (invalid if that row is live).  The check and the
 * insertion are one step under the leaf page's lock, so no two inserters
 * of a key both pass the check.
 */
extern bool btinsert(Relation index, const BTIndexInfo *info, const Datum *values,
					 const bool *isnull, ItemPointer heap_tid, Relation heap,
					 IndexUniqueCheck checkUnique, FullTransactionId *xwait);

/*
 * The entries satisfying every scan key (ANDed; see access/skey.h for
 * what sk_func holds), in index order or its reverse, whose heap tuples
 * snapshot sees.  As in PostgreSQL, equality and range keys on a prefix
 * of the key columns position the scan and end it; the others are checked
 * on each entry.  keys are copied; the scan is allocated in
 * CurrentMemoryContext.
 */
extern BTScan btbeginscan(Relation index, const BTIndexInfo *info, Relation heap, Snapshot snapshot,
						  int nkeys, ScanKey keys, ScanDirection dir);
/* Start over, with new arguments for the same number of keys. */
extern void btrescan(BTScan scan, ScanKey keys);
/* The next visible heap tuple, valid until the next call; NULL at the end. */
extern HeapTuple btgettuple(BTScan scan);
extern void btendscan(BTScan scan);

/* VACUUM: remove every entry whose heap TID callback accepts; returns how
 * many went.  (Pages are never removed, only emptied.) */
extern uint64 btbulkdelete(Relation index, bool (*callback)(ItemPointer itemptr, void *state),
						   void *state);

/* The tree's height above the leaves (0: the root is a leaf). */
extern uint32 bt_tree_level(Relation index);

/* "(a, b)=(1, 2)"'s parts for values of the key columns (palloc'd):
 * PostgreSQL's BuildIndexValueDescription. */
extern char *bt_key_description(const BTIndexInfo *info, const Datum *values, const bool *isnull);

extern void btree_redo(XLogReaderState *record);
extern const char *btree_identify(uint8 info);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_NBTREE_H */
