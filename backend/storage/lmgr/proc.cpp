/*
 * proc.cpp — PGPROC allocation: InitProcess and the exit that undoes it.
 *
 * Principal entry points: InitProcGlobal, InitProcess,
 * InitAuxiliaryProcess, HaveNFreeProcs.
 *
 * All PGPROCs are made when shared memory is created, one array of
 * MaxBackends + NUM_AUXILIARY_PROCS, split into a free list for client
 * backends, one for background workers, and the auxiliary ones.  The free
 * lists are guarded by a spinlock (taking a PGPROC is a handful of
 * instructions).  A process owns its PGPROC until ProcKill, its exit
 * callback, releases every LWLock it still holds, leaves the ProcArray,
 * gives back the latch and the PGPROC, and marks its child slot inactive —
 * the last step tells the postmaster the process exited cleanly.
 */
#include "postgres.h"

#include <string.h>
#include <unistd.h>

#include <type_traits>
#include <utility>
#include <vector>

#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lock.h"
#include "storage/lwlock.h"
#include "storage/pmsignal.h"
#include "storage/proc.h"
#include "utils/backend_status.h"
#include "storage/procarray.h"
#include "storage/shmem.h"
#include "utils/errcodes.h"
#include "utils/wait_event.h"

PGPROC *MyProc = nullptr;
PROC_HDR *ProcGlobal = nullptr;
PGPROC *AuxiliaryProcs = nullptr;

static_assert(std::is_trivially_copyable_v<PGPROC>);
static_assert(std::is_trivially_copyable_v<PROC_HDR>);

namespace {

volatile uint32 local_wait_event_info = 0;

int TotalProcs()
{
	return MaxBackends + NUM_AUXILIARY_PROCS;
}

void ResetProcFields(PGPROC *proc)
{
	proc->pid = MyProcPid;
	proc->databaseId = InvalidOid;
	proc->roleId = InvalidOid;
	proc->isBackgroundWorker = IsBackgroundWorker;
	proc->wait_event_info = 0;
	proc->links = nullptr;
	pg_atomic_write_u64(&proc->xid, 0);
	pg_atomic_write_u64(&proc->xmin, 0);
	pg_atomic_write_u32(&proc->subxidCount, 0);
	pg_atomic_write_u32(&proc->subxidOverflowed, 0);
	pg_atomic_write_u32(&proc->delayChkptCount, 0);
	proc->waitLock = -1;
	proc->waitProcLock = -1;
	proc->waitLockMode = 0;
	proc->lockWaitNext = -1;
	proc->waitStatus = 0;
	OwnLatch(&proc->procLatch);
	MyProc = proc;
	my_wait_event_info = &proc->wait_event_info;
	SwitchToSharedLatch();
}

/* Give the PGPROC back; common tail of both exit callbacks. */
void ReleaseMyProc(PGPROC **free_list)
{
	PGPROC *proc = MyProc;
	SwitchBackToLocalLatch();
	my_wait_event_info = &local_wait_event_info;
	DisownLatch(&proc->procLatch);
	MyProc = nullptr;

	{
		tusk::SpinLockGuard free_lists(&ProcGlobal->freeProcsLock);
		proc->pid = 0;
		if (free_list != nullptr)
		{
			proc->links = *free_list;
			*free_list = proc;
		}
	}

	if (IsUnderPostmaster)
		MarkPostmasterChildInactive();
}

void ProcKill(int, Datum)
{
	LWLockReleaseAll();
	LockReleaseAll(DEFAULT_LOCKMETHOD, true);
	LockReleaseAll(USER_LOCKMETHOD, true);
	ProcArrayRemove(MyProc);
	ReleaseMyProc(MyProc->isBackgroundWorker ? &ProcGlobal->bgworkerFreeProcs
											 : &ProcGlobal->freeProcs);
}

void AuxiliaryProcKill(int, Datum)
{
	LWLockReleaseAll();
	/* Auxiliary PGPROCs are found by scanning for pid == 0: no list. */
	ReleaseMyProc(nullptr);
}

}  // namespace

volatile uint32 *my_wait_event_info = &local_wait_event_info;

Size ProcGlobalShmemSize(void)
{
	return add_size(sizeof(PROC_HDR), mul_size(TotalProcs(), sizeof(PGPROC)));
}

void InitProcGlobal(void)
{
	bool found;
	ProcGlobal = static_cast<PROC_HDR *>(ShmemInitStruct("Proc Header", sizeof(PROC_HDR), &found));
	PGPROC *procs = static_cast<PGPROC *>(
		ShmemInitStruct("PGPROC structures", mul_size(TotalProcs(), sizeof(PGPROC)), &found));
	memset(static_cast<void *>(procs), 0, TotalProcs() * sizeof(PGPROC));

	ProcGlobal->allProcs = procs;
	ProcGlobal->allProcCount = TotalProcs();
	ProcGlobal->freeProcs = nullptr;
	ProcGlobal->bgworkerFreeProcs = nullptr;
	SpinLockInit(&ProcGlobal->freeProcsLock);

	/* Client backends first, then workers, then auxiliary processes; each
	 * list is built back to front so that it hands out low numbers first. */
	for (int i = TotalProcs() - 1; i >= 0; i--)
	{
		PGPROC *proc = &procs[i];
		proc->pgprocno = i;
		proc->backendId = i < MaxBackends ? i + 1 : InvalidBackendId;
		InitSharedLatch(&proc->procLatch);
		if (i < MaxConnections)
		{
			proc->links = ProcGlobal->freeProcs;
			ProcGlobal->freeProcs = proc;
		}
		else if (i < MaxBackends)
		{
			proc->links = ProcGlobal->bgworkerFreeProcs;
			ProcGlobal->bgworkerFreeProcs = proc;
		}
	}
	AuxiliaryProcs = &procs[MaxBackends];
}

void InitProcess(void)
{
	if (ProcGlobal == nullptr)
		elog(PANIC, "proc header uninitialized");
	if (MyProc != nullptr)
		elog(ERROR, "you already exist");

	PGPROC **free_list = IsBackgroundWorker ? &ProcGlobal->bgworkerFreeProcs
											: &ProcGlobal->freeProcs;
	PGPROC *proc;
	{
		tusk::SpinLockGuard free_lists(&ProcGlobal->freeProcsLock);
		proc = *free_list;
		if (proc != nullptr)
			*free_list = proc->links;
	}

	if (proc == nullptr)
	{
		/* Every PGPROC is taken: the server is full.  Our child slot was
		 * never marked active, so this exit is a clean one. */
		ereport(FATAL, errcode(ERRCODE_TOO_MANY_CONNECTIONS),
				errmsg("sorry, too many clients already"));
	}

	if (IsUnderPostmaster)
		MarkPostmasterChildActive();
	ResetProcFields(proc);
	on_shmem_exit(ProcKill, 0);
	ProcArrayAdd(proc);
	/* Registered after ProcKill, so it runs before it at exit. */
	InitBufferPoolAccess();
	pgstat_beinit();
}

void InitAuxiliaryProcess(void)
{
	if (ProcGlobal == nullptr || AuxiliaryProcs == nullptr)
		elog(PANIC, "proc header uninitialized");
	if (MyProc != nullptr)
		elog(ERROR, "you already exist");

	PGPROC *proc = nullptr;
	{
		tusk::SpinLockGuard free_lists(&ProcGlobal->freeProcsLock);
		for (int i = 0; i < NUM_AUXILIARY_PROCS; i++)
		{
			if (AuxiliaryProcs[i].pid == 0)
			{
				proc = &AuxiliaryProcs[i];
				proc->pid = MyProcPid; /* claim it before dropping the lock */
				break;
			}
		}
	}
	if (proc == nullptr)
		ereport(FATAL, errcode(ERRCODE_TOO_MANY_CONNECTIONS),
				errmsg("sorry, too many clients already"));

	if (IsUnderPostmaster)
		MarkPostmasterChildActive();
	ResetProcFields(proc);
	on_shmem_exit(AuxiliaryProcKill, 0);
	InitBufferPoolAccess();
	pgstat_beinit();
}

bool HaveNFreeProcs(int n)
{
	tusk::SpinLockGuard free_lists(&ProcGlobal->freeProcsLock);
	PGPROC *proc = ProcGlobal->freeProcs;
	while (n > 0 && proc != nullptr)
	{
		proc = proc->links;
		n--;
	}
	return n <= 0;
}

void StartDelayingCheckpoint(void)
{
	if (MyProc != nullptr)
		pg_atomic_fetch_add_u32(&MyProc->delayChkptCount, 1);
}

void EndDelayingCheckpoint(void)
{
	if (MyProc != nullptr)
		pg_atomic_fetch_add_u32(&MyProc->delayChkptCount, 1);
}

void WaitForCheckpointDelayers(void)
{
	std::vector<std::pair<PGPROC *, uint32>> delaying;
	for (uint32 i = 0; i < ProcGlobal->allProcCount; i++)
	{
		PGPROC *proc = &ProcGlobal->allProcs[i];
		uint32 count = pg_atomic_read_u32(&proc->delayChkptCount);
		if (count % 2 == 1)
			delaying.emplace_back(proc, count);
	}
	for (const auto &[proc, count] : delaying)
		while (pg_atomic_read_u32(&proc->delayChkptCount) == count)
		{
			CHECK_FOR_INTERRUPTS();
			usleep(1000);
		}
}
