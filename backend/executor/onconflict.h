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
 * PostgreSQL closes the window between the search and the insertion with
 * speculative insertion (insert, then undo the insertion if a conflicting
 * row appeared meanwhile).  Tusk closes it with a lock instead: a
 * heavyweight ExclusiveLock per arbiter index (tag LOCKTAG_SPECULATIVE_TOKEN:
 * database, index), taken before the search and released as soon as the
 * row's index entries are in (or a conflict is found), never held while
 * waiting for a transaction.  Two ON CONFLICT inserters of one key are so
 * serialized: the second one's search finds the first one's entry and
 * waits for its transaction.  The lock is held for one row's search and
 * insertion, so concurrent inserters of different keys wait only that
 * long.  A plain INSERT takes no such lock: racing with an ON CONFLICT
 * inserter of the same key, one of them can fail with 23505 where
 * PostgreSQL would let the ON CONFLICT one take the other path.
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

#endif /* TUSK_EXECUTOR_ONCONFLICT_H */
