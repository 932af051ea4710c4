/*
 * s_lock.cpp — the contended path of spinlock acquisition.
 *
 * Principal entry point: s_lock (reached through SpinLockAcquire).
 *
 * Spin briefly with the CPU's pause hint (the holder is expected to be done
 * within a few hundred instructions), then sleep between attempts, each
 * sleep longer than the last, so that a holder that was descheduled can
 * run.  If the lock stays taken for about a minute its holder is almost
 * certainly dead; PANIC, so that the postmaster rebuilds shared memory.
 */
#include "postgres.h"

#include <time.h>

#include "storage/spin.h"

namespace {

constexpr int kSpinsPerDelay = 100;
constexpr long kMinDelayUsec = 1000;
constexpr long kMaxDelayUsec = 1000000;
constexpr long kStuckAfterUsec = 60L * 1000000;

void SleepUsec(long usec)
{
	struct timespec ts = {usec / 1000000, (usec % 1000000) * 1000};
	while (nanosleep(&ts, &ts) != 0)
		;
}

}  // namespace

int s_lock(volatile slock_t *lock, const char *file, int line, const char *func)
{
	int			delays = 0;
	long		delay_usec = kMinDelayUsec;
	long		slept_usec = 0;
	for (;;)
	{
		for (int i = 0; i < kSpinsPerDelay; i++)
		{
			/* Read before writing: spinning on a plain load keeps the cache
			 * line shared until the holder releases it. */
			if (S_LOCK_FREE(lock) && tas_acquire(lock))
				return delays;
			pg_spin_delay();
		}
		if (slept_usec >= kStuckAfterUsec)
			elog(PANIC, "stuck spinlock detected at %s, %s:%d", func ? func : "(unknown)", file,
				 line);
		SleepUsec(delay_usec);
		slept_usec += delay_usec;
		delays++;
		delay_usec = Min(delay_usec * 2, kMaxDelayUsec);
	}
}
