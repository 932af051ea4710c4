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
 * SpinLockFree.
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
static inline bool
tas_acquire(volatile slock_t *lock)
{
	return __atomic_exchange_n(lock, (slock_t) 1, __ATOMIC_ACQUIRE) == 0;
}

#define S_INIT_LOCK(lock) __atomic_store_n((lock), (slock_t) 0, __ATOMIC_RELEASE)
#define S_LOCK(lock) \
	(tas_acquire(lock) ? 0 : s_lock((lock), __FILE__, __LINE__, __func__))
#define S_UNLOCK(lock) __atomic_store_n((lock), (slock_t) 0, __ATOMIC_RELEASE)
#define S_LOCK_FREE(lock) (__atomic_load_n((lock), __ATOMIC_RELAXED) == 0)

#define SpinLockInit(lock) S_INIT_LOCK(lock)
#define SpinLockAcquire(lock) ((void) S_LOCK(lock))
#define SpinLockRelease(lock) S_UNLOCK(lock)
#define SpinLockFree(lock) S_LOCK_FREE(lock)

#endif							/* TUSK_STORAGE_SPIN_H */
