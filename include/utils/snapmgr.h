/*
 * utils/snapmgr.h — the snapshots a transaction uses.
 *
 * GetTransactionSnapshot gives the snapshot for a new command: in READ
 * COMMITTED a new one each time; in REPEATABLE READ the transaction's
 * first snapshot, always.  The returned snapshot is the manager's own and
 * is overwritten by the next call: to keep one, register it or push it on
 * the active stack (both copy it when needed).  Everything is released at
 * the end of the transaction.
 */
#ifndef TUSK_UTILS_SNAPMGR_H
#define TUSK_UTILS_SNAPMGR_H

#include "c.h"
#include "utils/snapshot.h"

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT SnapshotData SnapshotSelfData;
extern PGDLLIMPORT SnapshotData SnapshotAnyData;
/* What TOAST chunks are read with (PostgreSQL's SnapshotToast). */
extern PGDLLIMPORT SnapshotData SnapshotToastData;

#define SnapshotSelf (&SnapshotSelfData)
#define SnapshotAny (&SnapshotAnyData)
#define SnapshotToast (&SnapshotToastData)

/* A dirty snapshot lives in the caller's variable. */
#define InitDirtySnapshot(snapshotdata) ((snapshotdata).snapshot_type = SNAPSHOT_DIRTY)

/* The oldest xmin of this transaction's snapshots (0 before the first). */
extern PGDLLIMPORT FullTransactionId TransactionXmin;

extern Snapshot GetTransactionSnapshot(void);
/* A fresh snapshot, whatever the isolation level. */
extern Snapshot GetLatestSnapshot(void);
extern bool FirstSnapshotSet(void);

extern void PushActiveSnapshot(Snapshot snapshot);
extern void PopActiveSnapshot(void);
extern Snapshot GetActiveSnapshot(void);
extern bool ActiveSnapshotSet(void);
/* CommandCounterIncrement: the active snapshot sees the last command. */
extern void UpdateActiveSnapshotCommandId(void);

extern Snapshot RegisterSnapshot(Snapshot snapshot);
extern void UnregisterSnapshot(Snapshot snapshot);

/* Transaction end (access/xact). */
extern void AtEOXact_Snapshot(bool isCommit);
/* The end of the subtransaction at nest level level: active snapshots it
 * pushed pass to its parent (commit) or are popped (abort). */
extern void AtSubCommit_Snapshot(int level);
extern void AtSubAbort_Snapshot(int level);
/* CommandCounterIncrement: snapshots of this transaction see our latest
 * commands from now on. */
extern void SnapshotSetCommandId(CommandId curcid);

/* Whether id counts as running for snapshot (an MVCC snapshot). */
extern bool XidInMVCCSnapshot(FullTransactionId xid, Snapshot snapshot);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_SNAPMGR_H */
