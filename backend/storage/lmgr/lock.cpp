/*
 * lock.cpp — the heavyweight lock manager (see storage/lock.h).
 *
 * Principal entry points: LockAcquire, LockRelease, LockReleaseAll, LockReleaseSession,
 * InitLocks; GetLockStatusData for pg_locks.
 *
 * Shared state.  A LOCK exists for every tag someone holds or awaits: how
 * many requests and grants there are per mode, a bit mask of the granted
 * modes and of the awaited ones, the list of its holders (one PROCLOCK per
 * process, with the modes that process holds) and the FIFO queue of
 * waiting PGPROCs.  LOCKs and PROCLOCKs come from fixed pools sized by
 * max_locks_per_transaction × (max_connections + max_worker_processes),
 * as PostgreSQL sizes its table; they are found through hash chains, and
 * chain b belongs to partition b % 16, whose LWLock guards the chain, the
 * LOCKs on it, their PROCLOCKs and their queues.  The free lists have a
 * spinlock of their own.  Entries are indexes, not pointers.
 *
 * Conflicts.  A request is granted at once when no other process holds a
 * conflicting mode and no queued request conflicts with it (so a stream
 * of share requests cannot starve a waiting exclusive one) — unless the
 * requester already holds a mode on the lock, when only holders count:
 * queueing behind waiters who wait for the requester would be a deadlock
 * of our own making.  (PostgreSQL instead inserts such a request ahead of
 * the first conflicting waiter; the difference is which of two orders the
 * queue serves, never correctness.)
 *
 * Waking.  Releasing a lock walks its queue in order and grants every
 * waiter whose mode conflicts neither with the granted modes of others
 * nor with a waiter ahead of it still waiting; each granted waiter's
 * status is set and its latch set.
 *
 * Deadlocks.  A waiter that has waited deadlock_timeout takes every
 * partition lock, in order, and searches the wait-for graph from itself:
 * a waiting process P points to every other holder of P's lock in a mode
 * conflicting with P's request (hard edges) and to every process queued
 * ahead of P on the same lock for a conflicting mode (soft edges, which
 * PostgreSQL sometimes resolves by reordering the queue; Tusk does not).
 * A path back to itself is a deadlock: it leaves the queue and reports
 * PostgreSQL's error, with the cycle in the detail.
 */
#include "postgres.h"

#include <string.h>
#include <time.h>

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "access/xact.h"
#include "miscadmin.h"
#include "storage/latch.h"
#include "storage/lock.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "storage/spin.h"
#include "utils/errcodes.h"
#include "utils/palloc.h"
#include "utils/wait_event.h"
#include "pgstat.h"

using tusk::LWLockGuard;
using tusk::SpinLockGuard;

int max_locks_per_xact = 64;
int DeadlockTimeout = 1000;
int LockTimeout = 0;

namespace {

constexpr int kPartitions = 16;
constexpr int kNumModes = MaxLockMode + 1;

/* PostgreSQL's conflict table: which modes each mode conflicts with. */
constexpr LOCKMASK kConflicts[kNumModes] = {
	0,
	/* AccessShareLock */
	LOCKBIT_ON(AccessExclusiveLock),
	/* RowShareLock */
	LOCKBIT_ON(ExclusiveLock) | LOCKBIT_ON(AccessExclusiveLock),
	/* RowExclusiveLock */
	LOCKBIT_ON(ShareLock) | LOCKBIT_ON(ShareRowExclusiveLock) | LOCKBIT_ON(ExclusiveLock) |
		LOCKBIT_ON(AccessExclusiveLock),
	/* ShareUpdateExclusiveLock */
	LOCKBIT_ON(ShareUpdateExclusiveLock) | LOCKBIT_ON(ShareLock) |
		LOCKBIT_ON(ShareRowExclusiveLock) | LOCKBIT_ON(ExclusiveLock) |
		LOCKBIT_ON(AccessExclusiveLock),
	/* ShareLock */
	LOCKBIT_ON(RowExclusiveLock) | LOCKBIT_ON(ShareUpdateExclusiveLock) |
		LOCKBIT_ON(ShareRowExclusiveLock) | LOCKBIT_ON(ExclusiveLock) |
		LOCKBIT_ON(AccessExclusiveLock),
	/* ShareRowExclusiveLock */
	LOCKBIT_ON(RowExclusiveLock) | LOCKBIT_ON(ShareUpdateExclusiveLock) | LOCKBIT_ON(ShareLock) |
		LOCKBIT_ON(ShareRowExclusiveLock) | LOCKBIT_ON(ExclusiveLock) |
		LOCKBIT_ON(AccessExclusiveLock),
	/* ExclusiveLock */
	LOCKBIT_ON(RowShareLock) | LOCKBIT_ON(RowExclusiveLock) | LOCKBIT_ON(ShareUpdateExclusiveLock) |
		LOCKBIT_ON(ShareLock) | LOCKBIT_ON(ShareRowExclusiveLock) | LOCKBIT_ON(ExclusiveLock) |
		LOCKBIT_ON(AccessExclusiveLock),
	/* AccessExclusiveLock */
	LOCKBIT_ON(AccessShareLock) | LOCKBIT_ON(RowShareLock) | LOCKBIT_ON(RowExclusiveLock) |
		LOCKBIT_ON(ShareUpdateExclusiveLock) | LOCKBIT_ON(ShareLock) |
		LOCKBIT_ON(ShareRowExclusiveLock) | LOCKBIT_ON(ExclusiveLock) |
		LOCKBIT_ON(AccessExclusiveLock),
};

const char *const kModeNames[kNumModes] = {
	"INVALID",
	"AccessShareLock",
	"RowShareLock",
	"RowExclusiveLock",
	"ShareUpdateExclusiveLock",
	"ShareLock",
	"ShareRowExclusiveLock",
	"ExclusiveLock",
	"AccessExclusiveLock",
};

struct Lock
{
	LOCKTAG tag;
	LOCKMASK grantMask;
	LOCKMASK waitMask;
	int requested[kNumModes];
	int nRequested;
	int granted[kNumModes];
	int nGranted;
	int nextInChain; /* hash chain, or the free list */
	int holders;	 /* first PROCLOCK */
	int waitHead;	 /* first waiting pgprocno, -1 */
	int waitTail;
};
static_assert(std::is_trivially_copyable_v<Lock>);

struct ProcLock
{
	int lock;
	int pgprocno;
	LOCKMASK holdMask;
	int next; /* next holder of the lock, or the free list */
};
static_assert(std::is_trivially_copyable_v<ProcLock>);

struct LockShared
{
	LWLockPadded partitionLocks[kPartitions];
	slock_t freeLock;
	int freeLocks;
	int freeProcLocks;
	int nLocks;
	int nProcLocks;
	int nChains;
	/* Then: chain heads, LOCKs, PROCLOCKs. */
};
static_assert(std::is_trivially_copyable_v<LockShared>);

LockShared *shared = nullptr;
int *chains = nullptr;
Lock *locks = nullptr;
ProcLock *proclocks = nullptr;

int NumLockEntries()
{
	return max_locks_per_xact * (MaxBackends + NUM_AUXILIARY_PROCS);
}

int NumChains()
{
	int n = 1;
	while (n < NumLockEntries())
		n <<= 1;
	return Max(n, kPartitions);
}

uint32 TagHash(const LOCKTAG &tag)
{
	/* FNV-1a over the fields. */
	uint32 h = 2166136261u;
	auto mix = [&h](uint32 v) {
		for (int i = 0; i < 4; i++)
		{
			h ^= (v >> (i * 8)) & 0xff;
			h *= 16777619u;
		}
	};
	mix(tag.locktag_field1);
	mix(tag.locktag_field2);
	mix(tag.locktag_field3);
	mix(tag.locktag_field4 | (static_cast<uint32>(tag.locktag_type) << 16) |
		(static_cast<uint32>(tag.locktag_lockmethodid) << 24));
	return h;
}

bool TagsEqual(const LOCKTAG &a, const LOCKTAG &b)
{
	return a.locktag_field1 == b.locktag_field1 && a.locktag_field2 == b.locktag_field2 &&
		a.locktag_field3 == b.locktag_field3 && a.locktag_field4 == b.locktag_field4 &&
		a.locktag_type == b.locktag_type && a.locktag_lockmethodid == b.locktag_lockmethodid;
}

int ChainOf(uint32 hash)
{
	return static_cast<int>(hash & static_cast<uint32>(shared->nChains - 1));
}

LWLock *PartitionLock(int chain)
{
	return &shared->partitionLocks[chain % kPartitions].lock;
}

PGPROC *ProcAt(int pgprocno)
{
	return &ProcGlobal->allProcs[pgprocno];
}

[[noreturn]] void OutOfLockSpace()
{
	ereport(ERROR, errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of shared memory"),
			errhint("You might need to increase max_locks_per_transaction."));
	abort();
}

/* With the partition lock held: the LOCK for tag, created if asked. */
int FindLock(const LOCKTAG &tag, int chain, bool create)
{
	for (int i = chains[chain]; i >= 0; i = locks[i].nextInChain)
		if (TagsEqual(locks[i].tag, tag))
			return i;
	if (!create)
		return -1;
	int i;
	{
		SpinLockGuard free_lists(&shared->freeLock);
		i = shared->freeLocks;
		if (i >= 0)
			shared->freeLocks = locks[i].nextInChain;
	}
	if (i < 0)
		OutOfLockSpace();
	Lock &l = locks[i];
	memset(&l, 0, sizeof l);
	l.tag = tag;
	l.holders = -1;
	l.waitHead = l.waitTail = -1;
	l.nextInChain = chains[chain];
	chains[chain] = i;
	return i;
}

/* With the partition lock held: the lock is unused; back to the pool. */
void FreeLockIfUnused(int lock, int chain)
{
	if (locks[lock].nRequested != 0)
		return;
	for (int *p = &chains[chain]; *p >= 0; p = &locks[*p].nextInChain)
		if (*p == lock)
		{
			*p = locks[lock].nextInChain;
			break;
		}
	SpinLockGuard free_lists(&shared->freeLock);
	locks[lock].nextInChain = shared->freeLocks;
	shared->freeLocks = lock;
}

/* With the partition lock held: pgprocno's PROCLOCK on the lock, created
 * if asked; -1 if there is none (or no free one to create). */
int FindProcLock(int lock, int pgprocno, bool create)
{
	for (int i = locks[lock].holders; i >= 0; i = proclocks[i].next)
		if (proclocks[i].pgprocno == pgprocno)
			return i;
	if (!create)
		return -1;
	int i;
	{
		SpinLockGuard free_lists(&shared->freeLock);
		i = shared->freeProcLocks;
		if (i >= 0)
			shared->freeProcLocks = proclocks[i].next;
	}
	if (i < 0)
		return -1;
	proclocks[i] = ProcLock{lock, pgprocno, 0, locks[lock].holders};
	locks[lock].holders = i;
	return i;
}

void FreeProcLockIfUnused(int proclock)
{
	ProcLock &pl = proclocks[proclock];
	if (pl.holdMask != 0)
		return;
	/* Not if its process is still waiting through it. */
	PGPROC *proc = ProcAt(pl.pgprocno);
	if (proc->waitProcLock == proclock)
		return;
	for (int *p = &locks[pl.lock].holders; *p >= 0; p = &proclocks[*p].next)
		if (*p == proclock)
		{
			*p = pl.next;
			break;
		}
	SpinLockGuard free_lists(&shared->freeLock);
	pl.next = shared->freeProcLocks;
	shared->freeProcLocks = proclock;
}

/* Modes held on the lock by processes other than pgprocno. */
LOCKMASK OthersHeld(int lock, int pgprocno)
{
	LOCKMASK mask = 0;
	for (int i = locks[lock].holders; i >= 0; i = proclocks[i].next)
		if (proclocks[i].pgprocno != pgprocno)
			mask |= proclocks[i].holdMask;
	return mask;
}

void GrantLock(int lock, int proclock, LOCKMODE mode)
{
	Lock &l = locks[lock];
	l.granted[mode]++;
	l.nGranted++;
	l.grantMask |= LOCKBIT_ON(mode);
	proclocks[proclock].holdMask |= LOCKBIT_ON(mode);
}

void RecomputeWaitMask(int lock)
{
	Lock &l = locks[lock];
	l.waitMask = 0;
	for (int p = l.waitHead; p >= 0; p = ProcAt(p)->lockWaitNext)
		l.waitMask |= LOCKBIT_ON(ProcAt(p)->waitLockMode);
}

void Enqueue(int lock, PGPROC *proc)
{
	Lock &l = locks[lock];
	proc->lockWaitNext = -1;
	if (l.waitTail < 0)
		l.waitHead = proc->pgprocno;
	else
		ProcAt(l.waitTail)->lockWaitNext = proc->pgprocno;
	l.waitTail = proc->pgprocno;
	l.waitMask |= LOCKBIT_ON(proc->waitLockMode);
}

void Dequeue(int lock, PGPROC *proc)
{
	Lock &l = locks[lock];
	int prev = -1;
	for (int p = l.waitHead; p >= 0; prev = p, p = ProcAt(p)->lockWaitNext)
	{
		if (p != proc->pgprocno)
			continue;
		if (prev < 0)
			l.waitHead = proc->lockWaitNext;
		else
			ProcAt(prev)->lockWaitNext = proc->lockWaitNext;
		if (l.waitTail == p)
			l.waitTail = prev;
		break;
	}
	proc->lockWaitNext = -1;
	RecomputeWaitMask(lock);
}

/* With the partition lock held: grant what can be granted, in queue order. */
void WakeWaiters(int lock)
{
	Lock &l = locks[lock];
	LOCKMASK ahead = 0; /* modes of waiters still waiting before */
	int p = l.waitHead;
	while (p >= 0)
	{
		PGPROC *proc = ProcAt(p);
		int next = proc->lockWaitNext;
		LOCKMODE mode = proc->waitLockMode;
		if ((kConflicts[mode] & ahead) == 0 &&
			(kConflicts[mode] & OthersHeld(lock, proc->pgprocno)) == 0)
		{
			GrantLock(lock, proc->waitProcLock, mode);
			Dequeue(lock, proc);
			proc->waitLock = -1;
			proc->waitProcLock = -1;
			__atomic_store_n(&proc->waitStatus, PROC_WAIT_STATUS_OK, __ATOMIC_SEQ_CST);
			SetLatch(&proc->procLatch);
		}
		else
			ahead |= LOCKBIT_ON(mode);
		p = next;
	}
}

/* With the partition lock held: take back one grant of mode. */
void UnGrantLock(int lock, int proclock, LOCKMODE mode)
{
	Lock &l = locks[lock];
	l.requested[mode]--;
	l.nRequested--;
	l.granted[mode]--;
	l.nGranted--;
	if (l.granted[mode] == 0)
		l.grantMask &= ~LOCKBIT_ON(mode);
	proclocks[proclock].holdMask &= ~LOCKBIT_ON(mode);
}

/* What this process holds, per (tag, mode). */
struct LocalKey
{
	LOCKTAG tag;
	LOCKMODE mode;
	bool operator<(const LocalKey &o) const
	{
		return std::tie(tag.locktag_field1, tag.locktag_field2, tag.locktag_field3,
						tag.locktag_field4, tag.locktag_type, tag.locktag_lockmethodid, mode) <
			std::tie(o.tag.locktag_field1, o.tag.locktag_field2, o.tag.locktag_field3,
					 o.tag.locktag_field4, o.tag.locktag_type, o.tag.locktag_lockmethodid, o.mode);
	}
};

struct LocalLock
{
	int xactCount = 0;
	int sessionCount = 0;
	/* The (sub)transaction level that holds the transaction lock: where it
	 * was first taken, or the parent a committed subtransaction passed it
	 * to.  A subtransaction abort releases what its level holds. */
	int xactLevel = 0;
};

std::map<LocalKey, LocalLock> &LocalLocks()
{
	static std::map<LocalKey, LocalLock> local;
	return local;
}

/* Count one more grant of key to this process. */
void CountHeld(const LocalKey &key, bool sessionLock)
{
	LocalLock &entry = LocalLocks()[key];
	if (!sessionLock && entry.xactCount == 0)
		entry.xactLevel = GetCurrentTransactionNestLevel();
	(sessionLock ? entry.sessionCount : entry.xactCount)++;
}

/* Give one grant of mode on tag back to the shared table. */
void ReleaseShared(const LOCKTAG &tag, LOCKMODE mode)
{
	int chain = ChainOf(TagHash(tag));
	LWLockGuard partition(PartitionLock(chain), LW_EXCLUSIVE);
	int lock = FindLock(tag, chain, false);
	int proclock = lock >= 0 ? FindProcLock(lock, MyProc->pgprocno, false) : -1;
	if (proclock < 0 || !(proclocks[proclock].holdMask & LOCKBIT_ON(mode)))
		elog(ERROR, "lock %s on object %u/%u/%u is not held", kModeNames[mode], tag.locktag_field1,
			 tag.locktag_field2, tag.locktag_field3);
	UnGrantLock(lock, proclock, mode);
	FreeProcLockIfUnused(proclock);
	WakeWaiters(lock);
	FreeLockIfUnused(lock, chain);
}

/* With the lock's partition lock held: withdraw this process's waiting
 * request (status ERROR), and let those queued behind it go. */
void LeaveQueue()
{
	int lock = MyProc->waitLock;
	LOCKMODE mode = MyProc->waitLockMode;
	int proclock = MyProc->waitProcLock;
	Dequeue(lock, MyProc);
	locks[lock].requested[mode]--;
	locks[lock].nRequested--;
	MyProc->waitLock = -1;
	MyProc->waitProcLock = -1;
	MyProc->waitStatus = PROC_WAIT_STATUS_ERROR;
	FreeProcLockIfUnused(proclock);
	WakeWaiters(lock);
	FreeLockIfUnused(lock, ChainOf(TagHash(locks[lock].tag)));
}

/* --- Deadlock detection --------------------------------------------- */

struct Edge
{
	int waiter; /* pgprocno */
	int blocker;
};

/* Processes p waits for (all partition locks held). */
std::vector<int> Blockers(int p)
{
	std::vector<int> out;
	PGPROC *proc = ProcAt(p);
	if (proc->waitLock < 0 || proc->waitStatus != PROC_WAIT_STATUS_WAITING)
		return out;
	int lock = proc->waitLock;
	LOCKMASK conflicts = kConflicts[proc->waitLockMode];
	for (int i = locks[lock].holders; i >= 0; i = proclocks[i].next)
		if (proclocks[i].pgprocno != p && (proclocks[i].holdMask & conflicts))
			out.push_back(proclocks[i].pgprocno);
	for (int q = locks[lock].waitHead; q >= 0 && q != p; q = ProcAt(q)->lockWaitNext)
		if (conflicts & LOCKBIT_ON(ProcAt(q)->waitLockMode))
			out.push_back(q);
	return out;
}

bool FindCycle(int p, int target, std::set<int> &visited, std::vector<Edge> &path)
{
	for (int q : Blockers(p))
	{
		path.push_back({p, q});
		if (q == target)
			return true;
		if (visited.insert(q).second && FindCycle(q, target, visited, path))
			return true;
		path.pop_back();
	}
	return false;
}

std::string DescribeWait(int p)
{
	PGPROC *proc = ProcAt(p);
	char *what = DescribeLockTag(&locks[proc->waitLock].tag);
	std::string s = std::string(kModeNames[proc->waitLockMode]) + " on " + what;
	pfree(what);
	return s;
}

/* Look for a deadlock through this process; if there is one, leave the
 * queue and return its description. */
bool CheckDeadLock(std::string *detail)
{
	/* Every partition, in order (released in reverse, as the array goes). */
	LWLockGuard partitions[kPartitions];
	for (int i = 0; i < kPartitions; i++)
		partitions[i] = LWLockGuard(&shared->partitionLocks[i].lock, LW_EXCLUSIVE);
	bool deadlock = false;
	if (MyProc->waitStatus == PROC_WAIT_STATUS_WAITING)
	{
		std::set<int> visited{MyProc->pgprocno};
		std::vector<Edge> path;
		if (FindCycle(MyProc->pgprocno, MyProc->pgprocno, visited, path))
		{
			deadlock = true;
			for (size_t i = 0; i < path.size(); i++)
			{
				if (i > 0)
					*detail += "\n";
				*detail += "Process " + std::to_string(ProcAt(path[i].waiter)->pid) +
					" waits for " + DescribeWait(path[i].waiter) + "; blocked by process " +
					std::to_string(ProcAt(path[i].blocker)->pid) + ".";
			}
			LeaveQueue();
		}
	}
	return deadlock;
}

/* An error or interrupt while waiting: leave the queue, or, if the lock
 * was granted meanwhile, keep it (the transaction's end releases it). */
void CancelWait(int chain)
{
	LWLockGuard partition(PartitionLock(chain), LW_EXCLUSIVE);
	if (MyProc->waitStatus == PROC_WAIT_STATUS_WAITING)
		LeaveQueue();
}

long ElapsedMs(const struct timespec &since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since.tv_sec) * 1000L + (now.tv_nsec - since.tv_nsec) / 1000000L;
}

/* Sleep until granted, refused, or deadlocked. */
void WaitForLock()
{
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	bool checked = false;
	std::string detail;
	uint32 wait_event = PG_WAIT_LOCK | locks[MyProc->waitLock].tag.locktag_type;
	/* lock_timeout as it was when the wait began, as PostgreSQL arms its
	 * timer once per wait. */
	const long lock_timeout = LockTimeout;
	while (__atomic_load_n(&MyProc->waitStatus, __ATOMIC_SEQ_CST) == PROC_WAIT_STATUS_WAITING)
	{
		long elapsed = ElapsedMs(start);
		if (lock_timeout > 0 && elapsed >= lock_timeout)
			ereport(ERROR, errcode(ERRCODE_LOCK_NOT_AVAILABLE),
					errmsg("canceling statement due to lock timeout"));
		long timeout = checked ? -1 : Max(0L, DeadlockTimeout - elapsed);
		if (lock_timeout > 0 && (timeout < 0 || lock_timeout - elapsed < timeout))
			timeout = lock_timeout - elapsed;
		(void) WaitLatch(MyLatch,
						 WL_LATCH_SET | WL_EXIT_ON_PM_DEATH | (timeout >= 0 ? WL_TIMEOUT : 0),
						 timeout, wait_event);
		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
		if (!checked && ElapsedMs(start) >= DeadlockTimeout)
		{
			checked = true;
			if (CheckDeadLock(&detail))
				break;
		}
	}
	if (MyProc->waitStatus == PROC_WAIT_STATUS_ERROR)
	{
		pgstat_report_deadlock();
		ereport(ERROR, errcode(ERRCODE_T_R_DEADLOCK_DETECTED), errmsg("deadlock detected"),
				errdetail_internal("%s", detail.c_str()),
				errhint("See server log for query details."));
	}
}

/*
 * This process's request, queued on a lock and waited for.  Left by an
 * error or an interrupt rather than by Done(), it leaves the queue — or,
 * if it was granted just as we gave up, it is counted as held, to be
 * released with the rest of the transaction's locks.
 */
class QueuedRequest
{
  public:
	QueuedRequest(int chain, const LocalKey &key, bool sessionLock)
		: chain_(chain), key_(key), session_lock_(sessionLock)
	{}
	~QueuedRequest()
	{
		if (done_)
			return;
		CancelWait(chain_);
		if (MyProc->waitStatus == PROC_WAIT_STATUS_OK)
			CountHeld(key_, session_lock_);
	}
	QueuedRequest(const QueuedRequest &) = delete;
	QueuedRequest &operator=(const QueuedRequest &) = delete;

	void Done() { done_ = true; }

  private:
	int chain_;
	LocalKey key_;
	bool session_lock_;
	bool done_ = false;
};

}  // namespace

Size LockShmemSize(void)
{
	Size size = MAXALIGN(sizeof(LockShared));
	size = add_size(size, MAXALIGN(mul_size(NumChains(), sizeof(int))));
	size = add_size(size, MAXALIGN(mul_size(NumLockEntries(), sizeof(Lock))));
	size = add_size(size, MAXALIGN(mul_size(mul_size(2, NumLockEntries()), sizeof(ProcLock))));
	return size;
}

void InitLocks(void)
{
	bool found;
	char *base = static_cast<char *>(ShmemInitStruct("Lock Manager", LockShmemSize(), &found));
	shared = reinterpret_cast<LockShared *>(base);
	int nchains = NumChains();
	int nlocks = NumLockEntries();
	int nproclocks = 2 * nlocks;
	chains = reinterpret_cast<int *>(base + MAXALIGN(sizeof(LockShared)));
	locks = reinterpret_cast<Lock *>(reinterpret_cast<char *>(chains) +
									 MAXALIGN(sizeof(int) * static_cast<Size>(nchains)));
	proclocks = reinterpret_cast<ProcLock *>(reinterpret_cast<char *>(locks) +
											 MAXALIGN(sizeof(Lock) * static_cast<Size>(nlocks)));
	LocalLocks().clear();
	if (found)
		return;
	for (int i = 0; i < kPartitions; i++)
		LWLockInitialize(&shared->partitionLocks[i].lock, LWTRANCHE_LOCK_MANAGER);
	SpinLockInit(&shared->freeLock);
	shared->nChains = nchains;
	shared->nLocks = nlocks;
	shared->nProcLocks = nproclocks;
	for (int i = 0; i < nchains; i++)
		chains[i] = -1;
	for (int i = 0; i < nlocks; i++)
		locks[i].nextInChain = i + 1 < nlocks ? i + 1 : -1;
	shared->freeLocks = 0;
	for (int i = 0; i < nproclocks; i++)
		proclocks[i].next = i + 1 < nproclocks ? i + 1 : -1;
	shared->freeProcLocks = 0;
}

bool DoLockModesConflict(LOCKMODE mode1, LOCKMODE mode2)
{
	return (kConflicts[mode1] & LOCKBIT_ON(mode2)) != 0;
}

const char *GetLockmodeName(LOCKMETHODID, LOCKMODE mode)
{
	if (mode < 0 || mode > MaxLockMode)
		return "INVALID";
	return kModeNames[mode];
}

char *DescribeLockTag(const LOCKTAG *tag)
{
	char buf[200];
	switch (static_cast<LockTagType>(tag->locktag_type))
	{
		case LOCKTAG_RELATION:
			snprintf(buf, sizeof buf, "relation %u of database %u", tag->locktag_field2,
					 tag->locktag_field1);
			break;
		case LOCKTAG_RELATION_EXTEND:
			snprintf(buf, sizeof buf, "extension of relation %u of database %u",
					 tag->locktag_field2, tag->locktag_field1);
			break;
		case LOCKTAG_DATABASE_FROZEN_IDS:
			snprintf(buf, sizeof buf, "pg_database.datfrozenxid of database %u",
					 tag->locktag_field1);
			break;
		case LOCKTAG_PAGE:
			snprintf(buf, sizeof buf, "page %u of relation %u of database %u", tag->locktag_field3,
					 tag->locktag_field2, tag->locktag_field1);
			break;
		case LOCKTAG_TUPLE:
			snprintf(buf, sizeof buf, "tuple (%u,%u) of relation %u of database %u",
					 tag->locktag_field3, tag->locktag_field4, tag->locktag_field2,
					 tag->locktag_field1);
			break;
		case LOCKTAG_TRANSACTION:
			/* SQL shows the low 32 bits of an id. */
			snprintf(buf, sizeof buf, "transaction %u", tag->locktag_field1);
			break;
		case LOCKTAG_VIRTUALTRANSACTION:
			snprintf(buf, sizeof buf, "virtual transaction %d/%u", tag->locktag_field1,
					 tag->locktag_field2);
			break;
		case LOCKTAG_SPECULATIVE_TOKEN:
			/* Tusk's ON CONFLICT insertion lock (backend/executor/onconflict.h). */
			snprintf(buf, sizeof buf, "speculative insertion into index %u of database %u",
					 tag->locktag_field2, tag->locktag_field1);
			break;
		case LOCKTAG_OBJECT:
			snprintf(buf, sizeof buf, "object %u of class %u of database %u", tag->locktag_field3,
					 tag->locktag_field2, tag->locktag_field1);
			break;
		case LOCKTAG_USERLOCK:
			snprintf(buf, sizeof buf, "user lock [%u,%u,%u]", tag->locktag_field1,
					 tag->locktag_field2, tag->locktag_field3);
			break;
		case LOCKTAG_ADVISORY:
			snprintf(buf, sizeof buf, "advisory lock [%u,%u,%u,%u]", tag->locktag_field1,
					 tag->locktag_field2, tag->locktag_field3, tag->locktag_field4);
			break;
		default:
			snprintf(buf, sizeof buf, "unrecognized locktag type %d", tag->locktag_type);
			break;
	}
	return pstrdup(buf);
}

LockAcquireResult LockAcquire(const LOCKTAG *locktag, LOCKMODE lockmode, bool sessionLock,
							  bool dontWait)
{
	if (lockmode <= 0 || lockmode > MaxLockMode)
		elog(ERROR, "unrecognized lock mode: %d", lockmode);
	if (MyProc == nullptr)
		elog(ERROR, "cannot take heavyweight locks without a PGPROC");
	LocalKey key{*locktag, lockmode};
	auto &local = LocalLocks();
	if (auto it = local.find(key);
		it != local.end() && (it->second.xactCount > 0 || it->second.sessionCount > 0))
	{
		CountHeld(key, sessionLock);
		return LOCKACQUIRE_ALREADY_HELD;
	}

	int chain = ChainOf(TagHash(*locktag));
	LWLockGuard partition(PartitionLock(chain), LW_EXCLUSIVE);
	int lock = FindLock(*locktag, chain, true);
	int proclock = FindProcLock(lock, MyProc->pgprocno, true);
	if (proclock < 0)
	{
		/* No PROCLOCK left: a LOCK made just now for us must not stay in
		 * its chain, unused, for good. */
		FreeLockIfUnused(lock, chain);
		OutOfLockSpace();
	}
	Lock &l = locks[lock];
	l.requested[lockmode]++;
	l.nRequested++;
	bool holds_some = proclocks[proclock].holdMask != 0;
	bool conflict = (kConflicts[lockmode] & OthersHeld(lock, MyProc->pgprocno)) != 0 ||
		(!holds_some && (kConflicts[lockmode] & l.waitMask) != 0);
	if (!conflict)
	{
		GrantLock(lock, proclock, lockmode);
		partition.Release();
	}
	else if (dontWait)
	{
		l.requested[lockmode]--;
		l.nRequested--;
		FreeProcLockIfUnused(proclock);
		FreeLockIfUnused(lock, chain);
		return LOCKACQUIRE_NOT_AVAIL;
	}
	else
	{
		MyProc->waitLock = lock;
		MyProc->waitProcLock = proclock;
		MyProc->waitLockMode = lockmode;
		MyProc->waitStatus = PROC_WAIT_STATUS_WAITING;
		Enqueue(lock, MyProc);
		partition.Release();
		QueuedRequest request(chain, key, sessionLock);
		WaitForLock();
		request.Done();
	}
	CountHeld(key, sessionLock);
	return LOCKACQUIRE_OK;
}

bool LockRelease(const LOCKTAG *locktag, LOCKMODE lockmode, bool sessionLock)
{
	auto &local = LocalLocks();
	auto it = local.find(LocalKey{*locktag, lockmode});
	int *count = it == local.end() ? nullptr
		: sessionLock			   ? &it->second.sessionCount
								   : &it->second.xactCount;
	if (count == nullptr || *count == 0)
	{
		elog(WARNING, "you don't own a lock of type %s",
			 GetLockmodeName(DEFAULT_LOCKMETHOD, lockmode));
		return false;
	}
	(*count)--;
	if (it->second.xactCount + it->second.sessionCount > 0)
		return true;
	local.erase(it);
	ReleaseShared(*locktag, lockmode);
	return true;
}

void LockReleaseAll(LOCKMETHODID lockmethodid, bool allLocks)
{
	auto &local = LocalLocks();
	for (auto it = local.begin(); it != local.end();)
	{
		if (it->first.tag.locktag_lockmethodid != lockmethodid)
		{
			++it;
			continue;
		}
		it->second.xactCount = 0;
		if (allLocks)
			it->second.sessionCount = 0;
		if (it->second.sessionCount > 0)
		{
			++it;
			continue;
		}
		LOCKTAG tag = it->first.tag;
		LOCKMODE mode = it->first.mode;
		it = local.erase(it);
		ReleaseShared(tag, mode);
	}
}

void LockReleaseSession(LOCKMETHODID lockmethodid)
{
	auto &local = LocalLocks();
	for (auto it = local.begin(); it != local.end();)
	{
		if (it->first.tag.locktag_lockmethodid != lockmethodid || it->second.sessionCount == 0)
		{
			++it;
			continue;
		}
		it->second.sessionCount = 0;
		if (it->second.xactCount > 0)
		{
			++it;
			continue;
		}
		LOCKTAG tag = it->first.tag;
		LOCKMODE mode = it->first.mode;
		it = local.erase(it);
		ReleaseShared(tag, mode);
	}
}

void AtSubCommit_Locks(int level)
{
	for (auto &[key, entry] : LocalLocks())
		if (entry.xactCount > 0 && entry.xactLevel >= level)
			entry.xactLevel = level - 1;
}

void AtSubAbort_Locks(int level)
{
	auto &local = LocalLocks();
	for (auto it = local.begin(); it != local.end();)
	{
		if (it->second.xactCount == 0 || it->second.xactLevel < level)
		{
			++it;
			continue;
		}
		it->second.xactCount = 0;
		if (it->second.sessionCount > 0)
		{
			++it;
			continue;
		}
		LOCKTAG tag = it->first.tag;
		LOCKMODE mode = it->first.mode;
		it = local.erase(it);
		ReleaseShared(tag, mode);
	}
}

bool LockHeldByMe(const LOCKTAG *locktag, LOCKMODE lockmode)
{
	auto &local = LocalLocks();
	auto it = local.find(LocalKey{*locktag, lockmode});
	return it != local.end() && it->second.xactCount + it->second.sessionCount > 0;
}

std::vector<LockInstanceData> GetLockStatusData()
{
	std::vector<LockInstanceData> out;
	LWLockGuard partitions[kPartitions];
	for (int i = 0; i < kPartitions; i++)
		partitions[i] = LWLockGuard(&shared->partitionLocks[i].lock, LW_SHARED);
	for (int chain = 0; chain < shared->nChains; chain++)
		for (int l = chains[chain]; l >= 0; l = locks[l].nextInChain)
		{
			const Lock &lock = locks[l];
			for (int h = lock.holders; h >= 0; h = proclocks[h].next)
			{
				const ProcLock &holder = proclocks[h];
				const PGPROC *proc = ProcAt(holder.pgprocno);
				for (int mode = 1; mode < kNumModes; mode++)
					if (holder.holdMask & LOCKBIT_ON(mode))
						out.push_back({lock.tag, mode, true, proc->pid, proc->backendId});
			}
			for (int w = lock.waitHead; w >= 0; w = ProcAt(w)->lockWaitNext)
			{
				const PGPROC *proc = ProcAt(w);
				out.push_back({lock.tag, proc->waitLockMode, false, proc->pid, proc->backendId});
			}
		}
	return out;
}
