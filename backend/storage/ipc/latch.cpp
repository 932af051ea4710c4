/*
 * latch.cpp — WaitLatch, SetLatch and friends.
 *
 * Principal entry points: InitializeLatchSupport, SetLatch, ResetLatch,
 * WaitLatch, WaitLatchOrSocket, OwnLatch, DisownLatch.
 *
 * How a sleeping process is woken: every process blocks SIGURG and reads it
 * through a signalfd.  SetLatch on a latch whose owner may be sleeping sends
 * the owner SIGURG; the signal stays pending (it is blocked, so no handler
 * runs and no system call is interrupted) and makes the signalfd readable,
 * which ends the owner's poll().  The same poll() watches the client socket
 * and the postmaster-death pipe, so one wait covers every event a server
 * process cares about.
 *
 * The race between "check the latch, then sleep" and "set the latch, then
 * signal" is closed by maybe_sleeping: the waiter publishes it before its
 * last check of is_set, the setter publishes is_set before it reads
 * maybe_sleeping, with full barriers between; at least one of them sees
 * the other's write, so either the waiter sees the latch set or the setter
 * sends the signal.  A signal sent when no one sleeps just leaves the
 * signalfd readable, costing one spurious wake-up at most.
 */
#include "postgres.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include <type_traits>

#include "miscadmin.h"
#include "port/atomics.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/pmsignal.h"
#include "storage/proc.h"
#include "utils/wait_event.h"

/* Latches live in shared memory (in PGPROC); storage/latch.h is also read
 * as C, so the check lives here. */
static_assert(std::is_trivially_copyable_v<Latch>);

namespace {

int signal_fd = -1;
Latch local_latch_data;

int64 NowMs()
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return static_cast<int64>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

void DrainSignalFd()
{
	struct signalfd_siginfo info[8];
	while (read(signal_fd, info, sizeof info) > 0)
		;
}

}  // namespace

void InitializeLatchSupport(void)
{
	/* A forked child inherits its parent's signalfd; make its own so the
	 * descriptor clearly belongs to this process. */
	if (signal_fd >= 0)
		close(signal_fd);
	sigset_t urg;
	sigemptyset(&urg);
	sigaddset(&urg, SIGURG);
	if (sigprocmask(SIG_BLOCK, &urg, nullptr) != 0)
		elog(FATAL, "could not block SIGURG: %m");
	signal_fd = signalfd(-1, &urg, SFD_NONBLOCK | SFD_CLOEXEC);
	if (signal_fd < 0)
		elog(FATAL, "signalfd() failed: %m");
}

void InitLatch(Latch *latch)
{
	latch->is_set = false;
	latch->maybe_sleeping = false;
	latch->owner_pid = MyProcPid;
	latch->is_shared = false;
}

void InitSharedLatch(Latch *latch)
{
	latch->is_set = false;
	latch->maybe_sleeping = false;
	latch->owner_pid = 0;
	latch->is_shared = true;
}

void OwnLatch(Latch *latch)
{
	int owner = latch->owner_pid;
	if (owner != 0)
		elog(PANIC, "latch already owned by PID %d", owner);
	latch->owner_pid = MyProcPid;
}

void DisownLatch(Latch *latch)
{
	latch->owner_pid = 0;
}

void SetLatch(Latch *latch)
{
	pg_memory_barrier();
	if (latch->is_set)
		return;
	latch->is_set = true;
	pg_memory_barrier();
	if (!latch->maybe_sleeping)
		return;
	int owner = latch->owner_pid;
	if (owner != 0)
		(void) kill(owner, SIGURG);
}

void ResetLatch(Latch *latch)
{
	latch->is_set = false;
	/* Order the reset before whatever the caller checks next: a SetLatch
	 * racing with that check must leave the latch set. */
	pg_memory_barrier();
}

int WaitLatch(Latch *latch, int wakeEvents, long timeout, uint32 wait_event_info)
{
	return WaitLatchOrSocket(latch, wakeEvents & ~WL_SOCKET_MASK, PGINVALID_SOCKET, timeout,
							 wait_event_info);
}

int WaitLatchOrSocket(Latch *latch, int wakeEvents, pgsocket sock, long timeout,
					  uint32 wait_event_info)
{
	if (signal_fd < 0)
		elog(ERROR, "latch support is not initialized in this process");
	/* The latch to watch: none unless WL_LATCH_SET is asked for with a latch. */
	Latch *watched = (wakeEvents & WL_LATCH_SET) ? latch : nullptr;
	if (watched != nullptr && watched->owner_pid != MyProcPid)
		elog(ERROR, "cannot wait on a latch owned by another process");
	/* Outside a postmaster there is nobody whose death to watch. */
	int pm_fd = PostmasterDeathWatchFd();
	if (!IsUnderPostmaster || pm_fd < 0)
		wakeEvents &= ~(WL_POSTMASTER_DEATH | WL_EXIT_ON_PM_DEATH);
	if (!(wakeEvents & WL_TIMEOUT))
		timeout = -1;

	struct pollfd fds[3];
	int nfds = 0;
	fds[nfds++] = {signal_fd, POLLIN, 0};
	int sock_idx = -1;
	if ((wakeEvents & WL_SOCKET_MASK) && sock != PGINVALID_SOCKET)
	{
		short events = 0;
		if (wakeEvents & WL_SOCKET_READABLE)
			events |= POLLIN;
		if (wakeEvents & WL_SOCKET_WRITEABLE)
			events |= POLLOUT;
		if (wakeEvents & WL_SOCKET_CLOSED)
			events |= POLLRDHUP;
		sock_idx = nfds;
		fds[nfds++] = {sock, events, 0};
	}
	int pm_idx = -1;
	if (wakeEvents & (WL_POSTMASTER_DEATH | WL_EXIT_ON_PM_DEATH))
	{
		pm_idx = nfds;
		fds[nfds++] = {pm_fd, POLLIN, 0};
	}

	pgstat_report_wait_start(wait_event_info);
	if (watched != nullptr)
	{
		watched->maybe_sleeping = true;
		pg_memory_barrier();
	}

	int result = 0;
	int64 deadline = timeout >= 0 ? NowMs() + timeout : 0;
	for (;;)
	{
		if (watched != nullptr && watched->is_set)
		{
			result |= WL_LATCH_SET;
			break;
		}
		int wait_ms = -1;
		if (timeout >= 0)
			wait_ms = static_cast<int>(Max(deadline - NowMs(), (int64) 0));
		int rc = poll(fds, nfds, wait_ms);
		if (rc < 0)
		{
			if (errno == EINTR)
				continue;
			int save_errno = errno;
			if (watched != nullptr)
				watched->maybe_sleeping = false;
			pgstat_report_wait_end();
			errno = save_errno;
			elog(ERROR, "poll() failed: %m");
		}
		if (fds[0].revents & POLLIN)
			DrainSignalFd();
		if (sock_idx >= 0)
		{
			short rev = fds[sock_idx].revents;
			if ((wakeEvents & WL_SOCKET_READABLE) && (rev & (POLLIN | POLLHUP | POLLERR)))
				result |= WL_SOCKET_READABLE;
			if ((wakeEvents & WL_SOCKET_WRITEABLE) && (rev & (POLLOUT | POLLHUP | POLLERR)))
				result |= WL_SOCKET_WRITEABLE;
			if ((wakeEvents & WL_SOCKET_CLOSED) && (rev & (POLLRDHUP | POLLHUP | POLLERR)))
				result |= WL_SOCKET_CLOSED;
		}
		if (pm_idx >= 0 && fds[pm_idx].revents != 0 && !PostmasterIsAlive())
		{
			if (wakeEvents & WL_EXIT_ON_PM_DEATH)
				proc_exit(1);
			result |= WL_POSTMASTER_DEATH;
		}
		if (watched != nullptr && watched->is_set)
			result |= WL_LATCH_SET;
		if (result != 0)
			break;
		if (timeout >= 0 && NowMs() >= deadline)
		{
			result |= WL_TIMEOUT;
			break;
		}
	}

	if (watched != nullptr)
		watched->maybe_sleeping = false;
	pgstat_report_wait_end();
	return result;
}

void InitProcessLocalLatch(void)
{
	MyLatch = &local_latch_data;
	InitLatch(MyLatch);
}

void SwitchToSharedLatch(void)
{
	MyLatch = &MyProc->procLatch;
	/* Anything that set the local latch meant to wake us: keep it set. */
	SetLatch(MyLatch);
}

void SwitchBackToLocalLatch(void)
{
	MyLatch = &local_latch_data;
	local_latch_data.owner_pid = MyProcPid;
	SetLatch(MyLatch);
}
