/*
 * storage/procarray.h — the set of live backends and background workers.
 *
 * The ProcArray lists the PGPROCs of every process that can run
 * transactions (client backends and background workers), densely, under
 * ProcArrayLock.  Snapshots are taken from it (the transaction ids
 * published in the PGPROCs); it also answers "is this transaction still
 * running", "what may VACUUM remove", "which process has this pid" and
 * "how many are connected".
 */
#ifndef TUSK_STORAGE_PROCARRAY_H
#define TUSK_STORAGE_PROCARRAY_H

#include "c.h"
#include "access/transam.h"
#include "storage/proc.h"
#include "utils/snapshot.h"

#ifdef __cplusplus
extern "C" {
#endif

extern Size ProcArrayShmemSize(void);
extern void CreateSharedProcArray(void);
extern void ProcArrayAdd(PGPROC *proc);
extern void ProcArrayRemove(PGPROC *proc);
extern PGPROC *BackendPidGetProc(int pid);

/* Fill snapshot (xmin, xmax, xip; xip allocated on first use) from the
 * running transactions; the first snapshot of a transaction also sets
 * this process's xmin. */
extern Snapshot GetSnapshotData(Snapshot snapshot);
/* The transaction of proc ended: it is no longer running for anyone. */
extern void ProcArrayEndTransaction(PGPROC *proc);
/* A subtransaction of ours aborted: xid and its committed children xids
 * leave MyProc's cache (after their aborted status is in the commit log). */
extern void XidCacheRemoveRunningXids(FullTransactionId xid, int nxids,
									  const FullTransactionId *xids);
/* Running: a top-level or subtransaction id of a transaction in progress. */
extern bool FullTransactionIdIsInProgress(FullTransactionId xid);
/* Tuples deleted by transactions before this id are invisible to every
 * snapshot, present and future: VACUUM may remove them. */
extern FullTransactionId GetOldestNonRemovableFullTransactionId(void);
extern int CountDBBackends(Oid databaseid);
/* Processes (this one included) whose PGPROC names roleid as their role. */
extern int CountUserBackends(Oid roleid);
/* Processes other than this one connected to databaseid. */
extern int CountOtherDBBackends(Oid databaseid);
/* Processes other than this one connected to databaseid that are not
 * background workers (DROP DATABASE stops those itself). */
extern int CountOtherDBClientBackends(Oid databaseid);
/* The pids of background workers connected to databaseid: fills up to max,
 * returns how many there are. */
extern int GetDBBackgroundWorkerPids(Oid databaseid, int *pids, int max);
/* SIGTERM to every other process connected to databaseid (DROP DATABASE
 * … WITH (FORCE)). */
extern void TerminateOtherDBBackends(Oid databaseid);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_STORAGE_PROCARRAY_H */
