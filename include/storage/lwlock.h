/*
 * storage/lwlock.h — lightweight locks: shared/exclusive locks in shared memory.
 *
 * An LWLock protects a shared data structure for a short time (while a
 * process reads or changes it), never across waiting for a client.  Its
 * whole state is one atomic word: the exclusive bit, the count of shared
 * holders, and a "someone is sleeping" flag.  A process that cannot get the
 * lock sleeps in the kernel on that very word (a futex shared between
 * processes), so waiting costs no CPU and works between any two processes
 * that map the segment, with or without a PGPROC.  doc/storage/lmgr/
 * README.md explains the protocol and why wake-ups cannot be lost.
 *
 * Every process keeps a list of the locks it holds: LWLockReleaseAll()
 * releases them on error recovery and at exit.  Interrupts are held off
 * while any LWLock is held (a die() must not leave a lock taken).
 *
 * Locks are grouped in tranches (an id and a name, for wait events):
 * individual built-in locks (ProcArrayLock, AddinShmemInitLock…),
 * tranches a module requests by name in its shmem_request_hook
 * (RequestNamedLWLockTranche / GetNamedLWLockTranche), and tranches made
 * at run time (LWLockNewTrancheId / LWLockRegisterTranche).
 */
#ifndef TUSK_STORAGE_LWLOCK_H
#define TUSK_STORAGE_LWLOCK_H

#include "c.h"
#include "port/atomics.h"

typedef struct LWLock
{
	uint16 tranche;			/* tranche id */
	pg_atomic_uint32 state; /* holders and waiter flag; also the futex word */
} LWLock;

#define LWLOCK_PADDED_SIZE PG_CACHE_LINE_SIZE

/* One lock per cache line, so that hot locks do not share lines. */
typedef union LWLockPadded
{
	LWLock lock;
	char pad[LWLOCK_PADDED_SIZE];
} LWLockPadded;

typedef enum LWLockMode
{
	LW_EXCLUSIVE,
	LW_SHARED
} LWLockMode;

typedef struct NamedLWLockTranche
{
	int trancheId;
	char *trancheName;
} NamedLWLockTranche;

/* The individual built-in locks, at the start of MainLWLockArray. */
#define ProcArrayLock (&MainLWLockArray[0].lock)
#define AddinShmemInitLock (&MainLWLockArray[1].lock)
#define BackgroundWorkerLock (&MainLWLockArray[2].lock)
/* Serializes relation extension until the heavyweight lock manager
 * provides PostgreSQL's per-relation extension lock. */
#define RelationExtensionLock (&MainLWLockArray[3].lock)
#define XactSLRULock (&MainLWLockArray[4].lock)
#define WALInsertLock (&MainLWLockArray[5].lock)
#define WALWriteLock (&MainLWLockArray[6].lock)
#define ControlFileLock (&MainLWLockArray[7].lock)
#define XidGenLock (&MainLWLockArray[8].lock)
#define CheckpointerCommLock (&MainLWLockArray[9].lock)
#define SubtransSLRULock (&MainLWLockArray[10].lock)
#define MultiXactGenLock (&MainLWLockArray[11].lock)
#define MultiXactOffsetSLRULock (&MainLWLockArray[12].lock)
#define MultiXactMemberSLRULock (&MainLWLockArray[13].lock)
/* The cumulative statistics' shared hash (utils/activity/pgstat.cpp). */
#define PgStatLock (&MainLWLockArray[14].lock)
#define NUM_INDIVIDUAL_LWLOCKS 15

/* Tranche ids: each individual lock is its own tranche, then built-in
 * tranches of many locks, then those made for modules. */
typedef enum BuiltinTrancheIds
{
	LWTRANCHE_BUFFER_CONTENT = NUM_INDIVIDUAL_LWLOCKS,
	LWTRANCHE_BUFFER_IO,
	LWTRANCHE_BUFFER_MAPPING,
	LWTRANCHE_LOCK_MANAGER,
	LWTRANCHE_FIRST_USER_DEFINED
} BuiltinTrancheIds;

/* How many LWLocks one process may hold at once. */
#define MAX_SIMUL_LWLOCKS 200

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT LWLockPadded *MainLWLockArray;

extern void LWLockInitialize(LWLock *lock, int tranche_id);
extern bool LWLockAcquire(LWLock *lock, LWLockMode mode);
extern bool LWLockConditionalAcquire(LWLock *lock, LWLockMode mode);
extern void LWLockRelease(LWLock *lock);
extern void LWLockReleaseAll(void);
extern bool LWLockHeldByMe(LWLock *lock);
extern bool LWLockHeldByMeInMode(LWLock *lock, LWLockMode mode);
extern bool LWLockAnyHeldByMe(void);

extern int LWLockNewTrancheId(void);
extern void LWLockRegisterTranche(int tranche_id, const char *tranche_name);
extern void RequestNamedLWLockTranche(const char *tranche_name, int num_lwlocks);
extern LWLockPadded *GetNamedLWLockTranche(const char *tranche_name);
extern const char *GetLWLockIdentifier(uint32 classId, uint16 eventId);

/* Shared-memory setup (postmaster). */
extern Size LWLockShmemSize(void);
extern void CreateLWLocks(void);

#ifdef __cplusplus
}
#endif

#ifdef __cplusplus
/* C++ only (and C++ linkage even when the header is included inside
 * extern "C" { … }, as C++ modules often do). */
extern "C++" {
namespace tusk {

/*
 * Holds an LWLock until the end of its scope, so that an exception thrown
 * while it is held releases it.  Move-only: ownership passes with
 * std::move (a lock returned to the caller, or handed from step to step of
 * a lock-coupling walk); a moved-from guard holds nothing and releases
 * nothing.  Release() gives the lock back early.  The constructors are
 * [[nodiscard]], so that `LWLockGuard(lock, mode);` (a temporary that
 * would take and drop the lock at once) does not compile.
 */
class [[nodiscard]] LWLockGuard
{
  public:
	/* Holds nothing (a guard to be assigned later). */
	LWLockGuard() : lock_(nullptr) {}
	/* Waits for the lock (LWLockAcquire). */
	[[nodiscard]] LWLockGuard(LWLock *lock, LWLockMode mode) : lock_(lock)
	{
		LWLockAcquire(lock, mode);
	}
	/* Takes the lock only if that needs no wait (LWLockConditionalAcquire);
	 * test held() for the outcome. */
	[[nodiscard]] static LWLockGuard TryAcquire(LWLock *lock, LWLockMode mode)
	{
		return LWLockGuard(LWLockConditionalAcquire(lock, mode) ? lock : nullptr);
	}
	/* Takes charge of a lock this process already holds. */
	[[nodiscard]] static LWLockGuard Adopt(LWLock *lock) { return LWLockGuard(lock); }
	~LWLockGuard()
	{
		if (lock_ != nullptr)
			LWLockRelease(lock_);
	}
	LWLockGuard(LWLockGuard &&other) noexcept : lock_(other.lock_) { other.lock_ = nullptr; }
	LWLockGuard &operator=(LWLockGuard &&other) noexcept
	{
		if (this != &other)
		{
			if (lock_ != nullptr)
				LWLockRelease(lock_);
			lock_ = other.lock_;
			other.lock_ = nullptr;
		}
		return *this;
	}
	LWLockGuard(const LWLockGuard &) = delete;
	LWLockGuard &operator=(const LWLockGuard &) = delete;

	/* Release before the end of the scope; then the guard holds nothing. */
	void Release()
	{
		LWLock *lock = lock_;
		lock_ = nullptr;
		if (lock != nullptr)
			LWLockRelease(lock);
	}
	bool held() const { return lock_ != nullptr; }
	LWLock *get() const { return lock_; }

  private:
	explicit LWLockGuard(LWLock *held_lock) : lock_(held_lock) {}

	LWLock *lock_;
};

}  // namespace tusk
}
#endif

#endif /* TUSK_STORAGE_LWLOCK_H */
