/*
 * s_lock.cpp — the contended path of spinlock acquisition, and the
 * spin-delay that every spin-wait on shared memory shares.
 *
 * Principal entry points: s_lock (reached through SpinLockAcquire and
 * tusk::SpinLockGuard), init_spin_delay_at / perform_spin_delay (also used
 * by the buffer header lock).
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

void init_spin_delay_at(SpinDelayStatus *status, const char *file, int line, const char *func)
{
	status->spins = 0;
	status->delays = 0;
	status->cur_delay_usec = kMinDelayUsec;
	status->slept_usec = 0;
	status->file = file;
	status->line = line;
	status->func = func;
}

void perform_spin_delay(SpinDelayStatus *status)
{
	pg_spin_delay();
	if (++status->spins < kSpinsPerDelay)
		return;
	status->spins = 0;
	if (status->slept_usec >= kStuckAfterUsec)
		elog(PANIC, "stuck spinlock detected at %s, %s:%d",
			 status->func ? status->func : "(unknown)", status->file, status->line);
	SleepUsec(status->cur_delay_usec);
	status->slept_usec += status->cur_delay_usec;
	status->delays++;
	status->cur_delay_usec = Min(status->cur_delay_usec * 2, kMaxDelayUsec);
}

int s_lock(volatile slock_t *lock, const char *file, int line, const char *func)
{
	SpinDelayStatus delay;
	init_spin_delay_at(&delay, file, line, func);
	/* Read before writing: spinning on a plain load keeps the cache line
	 * shared until the holder releases it. */
	while (!(S_LOCK_FREE(lock) && tas_acquire(lock)))
		perform_spin_delay(&delay);
	return delay.delays;
}
