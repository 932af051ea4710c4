/*
 * access/heaptoast.h — TOAST for heap tuples: which values of a row are
 * compressed or moved to the table's TOAST table (pg_toast.pg_toast_<oid>)
 * when the row is written, and the removal of a deleted row's values.
 * heap_insert, heap_update and heap_delete call these for ordinary tables
 * and materialized views; see backend/access/heap/heaptoast.cpp and
 * doc/access/README.md ("TOAST").
 */
#ifndef TUSK_ACCESS_HEAPTOAST_H
#define TUSK_ACCESS_HEAPTOAST_H

#include "c.h"
#include "access/htup.h"
#include "access/htup_details.h"
#include "storage/bufpage.h"
#include "utils/rel.h"

/* PostgreSQL's MaximumBytesPerTuple: the largest tuple of which n fit on
 * a page (line pointers included). */
#define MaximumBytesPerTuple(tuplesPerPage) \
	MAXALIGN_DOWN( \
		(BLCKSZ - MAXALIGN(SizeOfPageHeaderData + (tuplesPerPage) * sizeof(ItemIdData))) / \
		(tuplesPerPage))

/* A row longer than this is toasted, down to the target if it can be
 * (2032 bytes, as in PostgreSQL: four rows per page). */
#define TOAST_TUPLES_PER_PAGE 4
#define TOAST_TUPLE_THRESHOLD MaximumBytesPerTuple(TOAST_TUPLES_PER_PAGE)
#define TOAST_TUPLE_TARGET TOAST_TUPLE_THRESHOLD
/* Columns of storage MAIN move out of line only past a full page. */
#define TOAST_TUPLE_TARGET_MAIN MaximumBytesPerTuple(1)
/* Index entries' values are compressed past this (PostgreSQL's). */
#define TOAST_INDEX_TARGET (MaximumBytesPerTuple(1) / 16)

/* Chunk rows (chunk_id oid, chunk_seq int4, chunk_data bytea) are sized
 * so that four fit on a page, computed as PostgreSQL computes it but with
 * Tusk's larger tuple header (64-bit xids): 1988 data bytes a chunk. */
#define EXTERN_TUPLES_PER_PAGE 4
#define EXTERN_TUPLE_MAX_SIZE MaximumBytesPerTuple(EXTERN_TUPLES_PER_PAGE)
#define TOAST_MAX_CHUNK_SIZE \
	(EXTERN_TUPLE_MAX_SIZE - MAXALIGN(SizeofHeapTupleHeader) - sizeof(Oid) - sizeof(int32) - \
	 VARHDRSZ)

#ifdef __cplusplus
extern "C" {
#endif

/* Whether rows of rel are toasted (ordinary tables and materialized
 * views other than the system catalogs). */
extern bool RelationToastsRows(Relation rel);

/*
 * The tuple to store for newtup (oldtup: the version it replaces, or
 * NULL for an insert): newtup itself when nothing needs toasting, else a
 * palloc'd copy with its header whose large values are compressed and/or
 * stored in rel's TOAST table as PostgreSQL's heap_toast_insert_or_update
 * decides (largest first; storage x compressed then moved, e moved, m
 * compressed and moved only past a page, p never).  A value already
 * external in oldtup at the same place is kept as is (its chunks are
 * shared); an external value from elsewhere is fetched and stored anew.
 */
extern HeapTuple heap_toast_insert_or_update(Relation rel, HeapTuple newtup, HeapTuple oldtup,
											 int options);

/* Delete (as this transaction) the chunks of tup's out-of-line values,
 * except those also referenced by keep (NULL: none): what an UPDATE
 * (keep = the new version) or DELETE leaves to VACUUM. */
extern void heap_toast_delete(Relation rel, HeapTuple tup, HeapTuple keep);

/* A palloc'd copy of tup (described by desc) whose out-of-line values are
 * fetched back into the row (compressed ones stay compressed), with tup's
 * header fields: what a catalog cache keeps, so that its entry does not
 * depend on TOAST chunks a later change may delete. */
extern HeapTuple toast_flatten_tuple(HeapTuple tup, TupleDesc desc);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_HEAPTOAST_H */
