/*
 * storage/procarray.h — the set of live backends and background workers.
 *
 * The ProcArray lists the PGPROCs of every process that can run
 * transactions (client backends and background workers), densely, under
 * ProcArrayLock.  Snapshots will be taken from it; today it answers "which
 * process has this pid" and "how many are connected".
 */
#ifndef TUSK_STORAGE_PROCARRAY_H
#define TUSK_STORAGE_PROCARRAY_H

#include "c.h"
#include "storage/proc.h"

#ifdef __cplusplus
extern "C" {
#endif

extern Size ProcArrayShmemSize(void);
extern void CreateSharedProcArray(void);
extern void ProcArrayAdd(PGPROC *proc);
extern void ProcArrayRemove(PGPROC *proc);
extern PGPROC *BackendPidGetProc(int pid);
extern int	CountDBBackends(Oid databaseid);

#ifdef __cplusplus
}
#endif

#endif							/* TUSK_STORAGE_PROCARRAY_H */
