/*
 * utils/snapshot.h — what a snapshot is.
 *
 * An MVCC snapshot says which transactions' effects a scan sees: those of
 * every transaction that had committed when it was taken.  Ids below xmin
 * had all finished by then; ids at or above xmax had not started; in
 * between, the ids in xip[] were still running.  Changes made by the
 * scanning transaction itself are seen when made by earlier commands
 * (command id below curcid).  The other kinds answer other questions
 * (see access/heapam_visibility.h).  Ids are Tusk's 64-bit ids.
 */
#ifndef TUSK_UTILS_SNAPSHOT_H
#define TUSK_UTILS_SNAPSHOT_H

#include "c.h"
#include "access/transam.h"
#include "access/xact.h"

typedef enum SnapshotType
{
	SNAPSHOT_MVCC = 0,		/* committed as of the snapshot, and our earlier commands */
	SNAPSHOT_SELF,			/* committed now, and all of our own changes */
	SNAPSHOT_ANY,			/* every tuple */
	SNAPSHOT_TOAST,			/* TOAST chunks: every tuple whose inserter did not abort */
	SNAPSHOT_DIRTY,			/* committed or in progress now; reports the running ids */
	SNAPSHOT_HISTORIC_MVCC, /* (logical decoding: not used by Tusk) */
	SNAPSHOT_NON_VACUUMABLE /* not yet removable by VACUUM */
} SnapshotType;

typedef struct SnapshotData
{
	SnapshotType snapshot_type;
	FullTransactionId xmin; /* every id below has finished */
	FullTransactionId xmax; /* every id from here on has not */
	FullTransactionId *xip; /* running ids in [xmin, xmax) */
	uint32 xcnt;
	/* Running subtransaction ids of other transactions (never overflowed:
	 * see PGPROC's subxids), in [xmin, xmax). */
	FullTransactionId *subxip;
	int32 subxcnt;
	bool suboverflowed; /* always false: kept for PostgreSQL's API */
	CommandId curcid;	/* our commands before this one are visible */
	bool takenDuringRecovery;
	bool copied;		 /* lives in its own allocation */
	uint32 active_count; /* on the active-snapshot stack */
	uint32 regd_count;	 /* registrations */

	/* SNAPSHOT_NON_VACUUMABLE: ids before this are removable if dead. */
	FullTransactionId vistest_horizon;
	/* SNAPSHOT_DIRTY: the check stores the tuple's running inserter in
	 * xmin and running deleter in xmax (invalid when none). */
	uint32 speculativeToken;
} SnapshotData;

typedef SnapshotData *Snapshot;

#define InvalidSnapshot ((Snapshot) NULL)

#endif /* TUSK_UTILS_SNAPSHOT_H */
