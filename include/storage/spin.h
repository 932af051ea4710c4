/*
 * storage/spin.h — spinlocks for very short critical sections in shared memory.
 *
 * A spinlock is one byte in shared memory, taken with an atomic
 * test-and-set.  Hold one only for a few instructions: never across a
 * system call, an ereport, an allocation or another lock wait, because
 * waiters burn CPU and nothing releases a spinlock on error.  When the
 * fast path fails, s_lock() spins with a CPU pause hint, then sleeps for
 * growing intervals; a lock that stays taken for about a minute is
 * declared stuck with a PANIC (its holder must have died holding it, and
 * only a crash restart can repair the segment).
 *
 * Principal entry points: SpinLockInit, SpinLockAcquire, SpinLockRelease,
 * SpinLockFree; in C++, tusk::SpinLockGuard.  Other spin-waits on shared
 * memory (the buffer header's lock bit) wait through perform_spin_delay(),
 * so that they back off and detect a stuck holder the same way.
 */
#ifndef TUSK_STORAGE_SPIN_H
#define TUSK_STORAGE_SPIN_H

#include "c.h"

typedef unsigned char slock_t;

#ifdef __cplusplus
extern "C" {
#endif

/* The slow path; returns the number of delays it took (for statistics). */
extern int s_lock(volatile slock_t *lock, const char *file, int line, const char *func);

/*
 * The state of one spin-wait: call perform_spin_delay() each time the
 * awaited word is still taken.  It pauses the CPU, then sleeps for growing
 * intervals, and PANICs ("stuck spinlock detected at <func>, <file>:<line>")
 * once the wait has lasted about a minute.
 */
typedef struct SpinDelayStatus
{
	int spins;			 /* pause hints since the last sleep */
	int delays;			 /* sleeps so far */
	long cur_delay_usec; /* length of the next sleep */
	long slept_usec;	 /* total sleep so far */
	const char *file;	 /* where the wait is, for the PANIC */
	int line;
	const char *func;
} SpinDelayStatus;

extern void init_spin_delay_at(SpinDelayStatus *status, const char *file, int line,
							   const char *func);
extern void perform_spin_delay(SpinDelayStatus *status);

#define init_local_spin_delay(status) init_spin_delay_at((status), __FILE__, __LINE__, __func__)

#ifdef __cplusplus
}
#endif

#if defined(__x86_64__) || defined(__i386__)
#define pg_spin_delay() __asm__ __volatile__(" rep; nop\n")
#elif defined(__aarch64__)
#define pg_spin_delay() __asm__ __volatile__(" isb\n")
#else
#define pg_spin_delay() ((void) 0)
#endif

/* true if the lock was free and is now ours */
static inline bool tas_acquire(volatile slock_t *lock)
{
	return __atomic_exchange_n(lock, (slock_t) 1, __ATOMIC_ACQUIRE) == 0;
}

#define S_INIT_LOCK(lock) __atomic_store_n((lock), (slock_t) 0, __ATOMIC_RELEASE)
#define S_LOCK(lock) (tas_acquire(lock) ? 0 : s_lock((lock), __FILE__, __LINE__, __func__))
#define S_UNLOCK(lock) __atomic_store_n((lock), (slock_t) 0, __ATOMIC_RELEASE)
#define S_LOCK_FREE(lock) (__atomic_load_n((lock), __ATOMIC_RELAXED) == 0)

#define SpinLockInit(lock) S_INIT_LOCK(lock)
#define SpinLockAcquire(lock) ((void) S_LOCK(lock))
#define SpinLockRelease(lock) S_UNLOCK(lock)
#define SpinLockFree(lock) S_LOCK_FREE(lock)

#ifdef __cplusplus
/* C++ only, with C++ linkage even inside extern "C" { … }. */
extern "C++" {
namespace tusk {

/*
 * Holds a spinlock until the end of its scope.  What a spinlock guards is
 * a few loads and stores that cannot throw, so the guard's worth is that
 * no early return can forget the release.  Move-only; a moved-from guard
 * releases nothing.  The constructor is [[nodiscard]]: a temporary
 * `SpinLockGuard(&x->mutex);` would take and drop the lock at once.  The
 * default arguments record the caller's position for the stuck-spinlock
 * PANIC.
 */
class SpinLockGuard
{
  public:
	[[nodiscard]] explicit SpinLockGuard(volatile slock_t *lock,
										 const char *file = __builtin_FILE(),
										 int line = __builtin_LINE(),
										 const char *func = __builtin_FUNCTION())
		: lock_(lock)
	{
		if (!tas_acquire(lock))
			(void) s_lock(lock, file, line, func);
	}
	~SpinLockGuard()
	{
		if (lock_ != nullptr)
			S_UNLOCK(lock_);
	}
	SpinLockGuard(SpinLockGuard &&other) noexcept : lock_(other.lock_) { other.lock_ = nullptr; }
	SpinLockGuard &operator=(SpinLockGuard &&other) noexcept
	{
		if (this != &other)
		{
			if (lock_ != nullptr)
				S_UNLOCK(lock_);
			lock_ = other.lock_;
			other.lock_ = nullptr;
		}
		return *this;
	}
	SpinLockGuard(const SpinLockGuard &) = delete;
	SpinLockGuard &operator=(const SpinLockGuard &) = delete;

	/* Release before the end of the scope. */
	void Release()
	{
		if (lock_ != nullptr)
			S_UNLOCK(lock_);
		lock_ = nullptr;
	}
	bool held() const { return lock_ != nullptr; }

  private:
	volatile slock_t *lock_;
};

}  // namespace tusk
}
#endif

#endif /* TUSK_STORAGE_SPIN_H */
