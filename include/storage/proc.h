/*
 * storage/proc.h — PGPROC: each server process's entry in shared memory.
 *
 * Every backend, background worker and auxiliary process that works with
 * shared state owns one PGPROC for its lifetime: its pid, its shared latch
 * (what other processes set to wake it), its database and role, and what
 * it is waiting for.  The PGPROCs are allocated once, at shared-memory
 * creation, in one array: MaxConnections for client backends,
 * max_worker_processes for background workers, NUM_AUXILIARY_PROCS for
 * auxiliary processes; each kind has its own free list, so workers can
 * never take the slots clients need and vice versa.
 *
 * InitProcess() takes a PGPROC from the right free list and enters it in
 * the ProcArray; an exit callback gives it back.  No free PGPROC means the
 * server is full: FATAL "sorry, too many clients already" (53300).
 */
#ifndef TUSK_STORAGE_PROC_H
#define TUSK_STORAGE_PROC_H

#include "c.h"
#include "port/atomics.h"
#include "storage/latch.h"
#include "storage/lwlock.h"
#include "storage/spin.h"

typedef int BackendId;
#define InvalidBackendId (-1)

/* Auxiliary processes (checkpointer, startup, …) get their own PGPROCs. */
#define NUM_AUXILIARY_PROCS 5

/* PostgreSQL's size of the per-process cache of subtransaction ids. */
#define PGPROC_MAX_CACHED_SUBXIDS 64

typedef struct PGPROC
{
	struct PGPROC *links; /* next on a free list */
	Latch procLatch;	  /* set this to wake the process */
	int pid;			  /* 0 while the PGPROC is free */
	int pgprocno;		  /* index in ProcGlobal->allProcs */
	BackendId backendId;  /* 1-based, for backends and workers */
	Oid databaseId;
	Oid roleId;
	bool isBackgroundWorker;
	volatile uint32 wait_event_info; /* what the process waits for */

	/*
	 * The running transaction's 64-bit id (0: none assigned), stored under
	 * XidGenLock when assigned and cleared under ProcArrayLock at its end;
	 * and the oldest id its snapshots may still consider running (0: no
	 * snapshot), which keeps VACUUM from removing what they can see.
	 * Readers scan them under ProcArrayLock.
	 */
	pg_atomic_uint64 xid;
	pg_atomic_uint64 xmin;

	/*
	 * The ids of the running transaction's subtransactions that are not
	 * aborted (PostgreSQL's XidCache): subxidCount of them in subxids.  An
	 * id is stored before the count is raised (under XidGenLock, like xid);
	 * ids are removed, and the count cleared at transaction end, under
	 * ProcArrayLock held exclusively.  Past PGPROC_MAX_CACHED_SUBXIDS the
	 * cache overflows (subxidOverflowed, until the transaction ends): the
	 * ids that did not fit are only in pg_subtrans (access/subtrans.h), and
	 * readers must climb it to the top-level id.
	 */
	pg_atomic_uint32 subxidCount;
	pg_atomic_uint32 subxidOverflowed;
	pg_atomic_uint64 subxids[PGPROC_MAX_CACHED_SUBXIDS];

	/*
	 * Odd while the process is between logging a change and making it
	 * (a commit record and its commit-log status; a hint-bit full-page
	 * image and the dirty buffer): a checkpoint whose redo point falls in
	 * that gap must wait for it, or it could miss the change.  Each such
	 * stretch adds 2, so a waiting checkpoint can tell it is over.
	 */
	pg_atomic_uint32 delayChkptCount;

	/*
	 * Heavyweight lock waits (storage/lock.h), under the lock's partition
	 * LWLock: the lock and holder entry waited on (indexes, -1 if none),
	 * the mode, the next process in the lock's wait queue, and the outcome
	 * set by whoever grants or refuses the request (ProcWaitStatus).
	 */
	int waitLock;
	int waitProcLock;
	int waitLockMode;
	int lockWaitNext;
	volatile int waitStatus;
} PGPROC;

typedef struct PROC_HDR
{
	PGPROC *allProcs;
	uint32 allProcCount;
	PGPROC *freeProcs;		   /* client backends */
	PGPROC *bgworkerFreeProcs; /* background workers */
	slock_t freeProcsLock;	   /* protects the free lists */
} PROC_HDR;

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT PGPROC *MyProc;
extern PGDLLIMPORT PROC_HDR *ProcGlobal;
extern PGDLLIMPORT PGPROC *AuxiliaryProcs;

extern Size ProcGlobalShmemSize(void);
extern void InitProcGlobal(void);
extern void InitProcess(void);
extern void InitAuxiliaryProcess(void);
extern bool HaveNFreeProcs(int n);

/* Bracket a stretch during which a checkpoint must not begin writing. */
extern void StartDelayingCheckpoint(void);
extern void EndDelayingCheckpoint(void);
/* Checkpoint, after choosing its redo point: wait until every stretch
 * already begun has ended. */
extern void WaitForCheckpointDelayers(void);

#ifdef __cplusplus
}

/* C++ only, with C++ linkage even inside extern "C" { … }. */
extern "C++" {
namespace tusk {

/* A stretch during which a checkpoint must not begin writing, ended when
 * the scope ends (error or not) or by End().  Move-only; a default-made
 * or moved-from one delays nothing. */
class CheckpointDelay
{
  public:
	CheckpointDelay() : active_(false) {}
	[[nodiscard]] static CheckpointDelay Begin()
	{
		StartDelayingCheckpoint();
		return CheckpointDelay(true);
	}
	~CheckpointDelay() { End(); }
	CheckpointDelay(CheckpointDelay &&other) noexcept : active_(other.active_)
	{
		other.active_ = false;
	}
	CheckpointDelay &operator=(CheckpointDelay &&other) noexcept
	{
		if (this != &other)
		{
			End();
			active_ = other.active_;
			other.active_ = false;
		}
		return *this;
	}
	CheckpointDelay(const CheckpointDelay &) = delete;
	CheckpointDelay &operator=(const CheckpointDelay &) = delete;

	void End()
	{
		if (active_)
			EndDelayingCheckpoint();
		active_ = false;
	}

  private:
	explicit CheckpointDelay(bool active) : active_(active) {}

	bool active_;
};

}  // namespace tusk
}
#endif

#endif /* TUSK_STORAGE_PROC_H */
