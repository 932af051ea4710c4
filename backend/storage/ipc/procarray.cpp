/*
 * procarray.cpp — the dense array of live backends' PGPROC numbers.
 *
 * Principal entry points: CreateSharedProcArray, ProcArrayAdd,
 * ProcArrayRemove, BackendPidGetProc, CountDBBackends.
 *
 * Kept dense and sorted by pgprocno (as PostgreSQL keeps it) so that
 * scans touch only live entries and visit PGPROCs in memory order.
 * Readers hold ProcArrayLock shared, writers exclusive.
 */
#include "postgres.h"

#include <string.h>

#include "miscadmin.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "storage/shmem.h"
#include "utils/errcodes.h"

namespace {

struct ProcArrayStruct
{
	int			numProcs;
	int			maxProcs;
	int			pgprocnos[];	/* sorted, numProcs of them */
};

ProcArrayStruct *procArray = nullptr;

}  // namespace

Size ProcArrayShmemSize(void)
{
	return add_size(offsetof(ProcArrayStruct, pgprocnos), mul_size(MaxBackends, sizeof(int)));
}

void CreateSharedProcArray(void)
{
	bool		found;
	procArray = static_cast<ProcArrayStruct *>(
		ShmemInitStruct("Proc Array", ProcArrayShmemSize(), &found));
	if (!found)
	{
		procArray->numProcs = 0;
		procArray->maxProcs = MaxBackends;
	}
}

void ProcArrayAdd(PGPROC *proc)
{
	LWLockAcquire(ProcArrayLock, LW_EXCLUSIVE);
	if (procArray->numProcs >= procArray->maxProcs)
	{
		LWLockRelease(ProcArrayLock);
		ereport(FATAL, errcode(ERRCODE_TOO_MANY_CONNECTIONS),
				errmsg("sorry, too many clients already"));
	}
	int			i = procArray->numProcs;
	while (i > 0 && procArray->pgprocnos[i - 1] > proc->pgprocno)
	{
		procArray->pgprocnos[i] = procArray->pgprocnos[i - 1];
		i--;
	}
	procArray->pgprocnos[i] = proc->pgprocno;
	procArray->numProcs++;
	LWLockRelease(ProcArrayLock);
}

void ProcArrayRemove(PGPROC *proc)
{
	LWLockAcquire(ProcArrayLock, LW_EXCLUSIVE);
	int			n = procArray->numProcs;
	for (int i = 0; i < n; i++)
	{
		if (procArray->pgprocnos[i] != proc->pgprocno)
			continue;
		memmove(&procArray->pgprocnos[i], &procArray->pgprocnos[i + 1],
				(n - i - 1) * sizeof(int));
		procArray->numProcs--;
		LWLockRelease(ProcArrayLock);
		return;
	}
	LWLockRelease(ProcArrayLock);
	elog(LOG, "failed to find proc %p in ProcArray", static_cast<void *>(proc));
}

PGPROC *BackendPidGetProc(int pid)
{
	if (pid == 0)
		return nullptr;
	PGPROC	   *result = nullptr;
	LWLockAcquire(ProcArrayLock, LW_SHARED);
	for (int i = 0; i < procArray->numProcs; i++)
	{
		PGPROC	   *proc = &ProcGlobal->allProcs[procArray->pgprocnos[i]];
		if (proc->pid == pid)
		{
			result = proc;
			break;
		}
	}
	LWLockRelease(ProcArrayLock);
	return result;
}

int CountDBBackends(Oid databaseid)
{
	int			count = 0;
	LWLockAcquire(ProcArrayLock, LW_SHARED);
	for (int i = 0; i < procArray->numProcs; i++)
	{
		PGPROC	   *proc = &ProcGlobal->allProcs[procArray->pgprocnos[i]];
		if (proc->pid == 0)
			continue;
		if (!OidIsValid(databaseid) || proc->databaseId == databaseid)
			count++;
	}
	LWLockRelease(ProcArrayLock);
	return count;
}
