/*
 * backend/executor/onconflict.h — INSERT … ON CONFLICT's check of the
 * arbiter indexes (execOnConflict.cpp), used by nodeModifyTable.cpp.
 *
 * Before a row is inserted, each arbiter index is searched for a row with
 * the same key that a dirty snapshot sees: committed and live, ours, or
 * being inserted or deleted by a running transaction.  A running one is
 * waited for and the search made again; a live one is the conflict, which
 * DO NOTHING skips and DO UPDATE locks and updates.  No conflict: the row
 * is inserted.
 *
 * The search cannot be the whole story: an entry another transaction's
 * UPDATE or plain INSERT adds while the search runs can land behind it.
 * So the row goes in as PostgreSQL's speculative insertion puts it: the
 * arbiter indexes' entries first, each checked for a conflicting entry in
 * the same step as it is added (btinsert's UNIQUE_CHECK_SPECULATIVE, under
 * the leaf page's lock); a conflict there takes the row back out
 * (heap_abort_speculative: dead to everyone at once), waits for the
 * transaction changing the other row if there is one, and searches again.
 *
 * ON CONFLICT inserters of one index are also serialized by a lock: a
 * heavyweight ExclusiveLock per arbiter index (tag
 * LOCKTAG_SPECULATIVE_TOKEN: database, index), taken in index order before
 * the search and released as soon as the row's index entries are in (or
 * a conflict is found), never held while waiting for a transaction.  The
 * second of two inserters of one key so finds the first one's entry and
 * waits for its transaction, instead of both inserting, both finding the
 * other's entry in different arbiter indexes and waiting for each other
 * (PostgreSQL waits for a speculative insertion's token, not its
 * transaction, and needs no such lock).  The lock is held for one row's
 * search and insertion, so concurrent inserters of different keys wait
 * only that long.
 */
#ifndef TUSK_EXECUTOR_ONCONFLICT_H
#define TUSK_EXECUTOR_ONCONFLICT_H

#include "access/transam.h"
#include "nodes/execnodes.h"
#include "storage/itemptr.h"

/* Whether an index of resultRelInfo arbitrates: listed (arbiters NIL:
 * any unique index). */
bool ExecIsArbiterIndex(ResultRelInfo *resultRelInfo, int i, List *arbiters);

/* Take (or release) the arbiter indexes' insertion locks, in index order. */
void ExecLockArbiters(ResultRelInfo *resultRelInfo, List *arbiters);
void ExecUnlockArbiters(ResultRelInfo *resultRelInfo, List *arbiters);

/*
 * Search the arbiter indexes for a row conflicting with the row in slot
 * (its key columns none NULL; a partial index only if the row satisfies
 * its predicate).  Returns true with *conflict set for a row a dirty
 * snapshot sees that no running transaction is inserting or deleting;
 * false with *wait set to such a transaction (wait, then search again);
 * false with *wait invalid when nothing conflicts.
 */
bool ExecCheckArbiters(ResultRelInfo *resultRelInfo, TupleTableSlot *slot, EState *estate,
					   List *arbiters, ItemPointer conflict, FullTransactionId *wait);

/*
 * Add the entries of the row in slot, stored at tid, to the indexes:
 * the arbiter indexes' first, speculatively.  False, with nothing more
 * inserted, if one of them has a conflicting entry: *xwait is the
 * transaction inserting or deleting its row, invalid if the row is live.
 */
bool ExecInsertArbitratedIndexTuples(ResultRelInfo *resultRelInfo, TupleTableSlot *slot,
									 ItemPointer tid, EState *estate, List *arbiters,
									 FullTransactionId *xwait);

#endif /* TUSK_EXECUTOR_ONCONFLICT_H */
