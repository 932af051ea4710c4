/*
 * nodes/lockoptions.h — row-locking options, shared by the grammar
 * (SELECT … FOR UPDATE NOWAIT) and the heap (heap_lock_tuple), as
 * PostgreSQL's lockoptions.h.
 */
#ifndef TUSK_NODES_LOCKOPTIONS_H
#define TUSK_NODES_LOCKOPTIONS_H

/* FOR [KEY] UPDATE / FOR [KEY] SHARE, weakest first (LCS_NONE: none). */
typedef enum LockClauseStrength
{
	LCS_NONE,
	LCS_FORKEYSHARE,
	LCS_FORSHARE,
	LCS_FORNOKEYUPDATE,
	LCS_FORUPDATE
} LockClauseStrength;

/* What to do when the row is locked or being changed: wait, fail
 * (NOWAIT), or skip it (SKIP LOCKED). */
typedef enum LockWaitPolicy
{
	LockWaitBlock,
	LockWaitSkip,
	LockWaitError
} LockWaitPolicy;

#endif /* TUSK_NODES_LOCKOPTIONS_H */
