/*
 * executor/execIndexing.h — keeping a table's indexes in step with the
 * rows INSERT and UPDATE write (PostgreSQL's execIndexing.c entry points).
 */
#ifndef TUSK_EXECUTOR_EXECINDEXING_H
#define TUSK_EXECUTOR_EXECINDEXING_H

#include "access/nbtree.h"
#include "nodes/execnodes.h"
#include "storage/itemptr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Open the result relation's indexes (RowExclusiveLock) and describe
 * them, in the query's memory; none: ri_NumIndices 0. */
extern void ExecOpenIndices(ResultRelInfo *resultRelInfo, EState *estate);
extern void ExecCloseIndices(ResultRelInfo *resultRelInfo);

/*
 * Add the entries of the row in slot, stored at tid, to every index
 * (a partial index only if the row satisfies its predicate).  A unique
 * index refuses a live duplicate: PostgreSQL's 23505 "duplicate key value
 * violates unique constraint".
 */
extern void ExecInsertIndexTuples(ResultRelInfo *resultRelInfo, TupleTableSlot *slot,
								  ItemPointer tid, EState *estate);

/* Whether the row in slot has an entry in the index: a partial index's
 * predicate holds for it. */
extern bool ExecRowInIndex(struct IndexInfo *ii, TupleTableSlot *slot, EState *estate);

/* Add the entry of the row in slot to index i of resultRelInfo, if it
 * has one there; a unique index checks as check says (btinsert: false
 * for a speculative insertion's conflict, *xwait set). */
extern bool ExecInsertIndexTuple(ResultRelInfo *resultRelInfo, int i, TupleTableSlot *slot,
								 ItemPointer tid, EState *estate, IndexUniqueCheck check,
								 FullTransactionId *xwait);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_EXECUTOR_EXECINDEXING_H */
