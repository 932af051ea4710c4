/*
 * latch_test.cpp — latches between processes: SetLatch wakes a sleeper,
 * timeouts, socket readiness, signal handlers, and postmaster death.
 */
#include "unit_test.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "miscadmin.h"
#include "port.h"
#include "storage/latch.h"
#include "storage/pmsignal.h"
#include "storage/shmem.h"
#include "storage/shmem_fixture.h"
#include "utils/wait_event.h"

using tusk::test::ChildProcess;
using tusk::test::MakeSegment;
using tusk::test::NowMs;
using tusk::test::SleepMs;
using tusk::test::WaitFor;

namespace {

struct Shared
{
	Latch latch;
	volatile int ready;
	volatile int result;
	volatile long elapsed_ms;
	volatile int pid;
};

Shared *MakeShared()
{
	bool found;
	auto *s = static_cast<Shared *>(ShmemInitStruct("latch test", sizeof(Shared), &found));
	InitSharedLatch(&s->latch);
	s->ready = 0;
	s->result = -1;
	s->elapsed_ms = -1;
	s->pid = 0;
	return s;
}

void SetMyLatchHandler(int)
{
	SetLatch(MyLatch);
}

}  // namespace

TEST_CASE("SetLatch from one process wakes another blocked in WaitLatch", "[latch]")
{
	MakeSegment();
	Shared *s = MakeShared();
	ChildProcess sleeper([s] {
		OwnLatch(&s->latch);
		ResetLatch(&s->latch);
		s->ready = 1;
		long start = NowMs();
		int rc = WaitLatch(&s->latch, WL_LATCH_SET | WL_TIMEOUT, 20000, PG_WAIT_EXTENSION);
		s->elapsed_ms = NowMs() - start;
		DisownLatch(&s->latch);
		CHILD_REQUIRE(rc == WL_LATCH_SET);
		return 0;
	});
	REQUIRE(WaitFor([s] { return s->ready == 1; }, 10000));
	SleepMs(100); /* let it fall asleep */
	SetLatch(&s->latch);
	REQUIRE(sleeper.Wait() == 0);
	REQUIRE(s->elapsed_ms < 5000);
}

TEST_CASE("A latch set before the wait makes WaitLatch return at once", "[latch]")
{
	MakeSegment();
	long start = NowMs();
	SetLatch(MyLatch);
	REQUIRE(WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT, 10000, PG_WAIT_EXTENSION) ==
			WL_LATCH_SET);
	ResetLatch(MyLatch);
	REQUIRE(NowMs() - start < 1000);
}

TEST_CASE("WaitLatch with WL_TIMEOUT returns WL_TIMEOUT after about the timeout", "[latch]")
{
	MakeSegment();
	ResetLatch(MyLatch);
	long start = NowMs();
	int rc = WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT, 200, PG_WAIT_EXTENSION);
	long elapsed = NowMs() - start;
	REQUIRE(rc == WL_TIMEOUT);
	REQUIRE(elapsed >= 195);
	REQUIRE(elapsed < 2000);
}

TEST_CASE("Socket readiness wakes WaitLatchOrSocket", "[latch]")
{
	MakeSegment();
	int sv[2];
	REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	ResetLatch(MyLatch);
	/* Writable at once. */
	REQUIRE(WaitLatchOrSocket(MyLatch, WL_LATCH_SET | WL_SOCKET_WRITEABLE | WL_TIMEOUT, sv[0], 5000,
							  WAIT_EVENT_CLIENT_WRITE) == WL_SOCKET_WRITEABLE);
	{
		ChildProcess writer([sv] {
			SleepMs(100);
			CHILD_REQUIRE(write(sv[1], "x", 1) == 1);
			return 0;
		});
		long start = NowMs();
		int rc = WaitLatchOrSocket(MyLatch, WL_LATCH_SET | WL_SOCKET_READABLE | WL_TIMEOUT, sv[0],
								   10000, WAIT_EVENT_CLIENT_READ);
		REQUIRE(rc == WL_SOCKET_READABLE);
		REQUIRE(NowMs() - start < 5000);
		REQUIRE(writer.Wait() == 0);
	}
	close(sv[0]);
	close(sv[1]);
}

TEST_CASE("A signal handler's SetLatch(MyLatch) wakes its own process", "[latch]")
{
	MakeSegment();
	Shared *s = MakeShared();
	ChildProcess child([s] {
		pqsignal(SIGUSR1, SetMyLatchHandler);
		ResetLatch(MyLatch);
		s->pid = MyProcPid;
		s->ready = 1;
		long start = NowMs();
		int rc = WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT, 20000, PG_WAIT_EXTENSION);
		s->elapsed_ms = NowMs() - start;
		CHILD_REQUIRE(rc == WL_LATCH_SET);
		return 0;
	});
	REQUIRE(WaitFor([s] { return s->ready == 1; }, 10000));
	SleepMs(100);
	kill(s->pid, SIGUSR1);
	REQUIRE(child.Wait() == 0);
	REQUIRE(s->elapsed_ms < 5000);
}

TEST_CASE("Postmaster death wakes WaitLatch, and WL_EXIT_ON_PM_DEATH exits", "[latch]")
{
	MakeSegment();
	Shared *s = MakeShared();
	/* The orphaned grandchildren are re-parented to us, so we can reap them. */
	REQUIRE(prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);

	for (int exit_on_death = 0; exit_on_death <= 1; exit_on_death++)
	{
		s->ready = 0;
		s->result = -1;
		s->pid = 0;
		/* A stand-in postmaster: makes the death-watch pipe, forks a
		 * child, and exits once the child waits. */
		ChildProcess postmaster([s, exit_on_death] {
			InitPostmasterDeathWatchHandle();
			PostmasterPid = MyProcPid;
			ChildProcess child([s, exit_on_death] {
				ClosePostmasterDeathWatchWriteEnd();
				IsUnderPostmaster = true;
				CHILD_REQUIRE(PostmasterIsAlive());
				s->pid = MyProcPid;
				s->ready = 1;
				int events = WL_LATCH_SET | WL_TIMEOUT |
					(exit_on_death ? WL_EXIT_ON_PM_DEATH : WL_POSTMASTER_DEATH);
				int rc = WaitLatch(MyLatch, events, 20000, PG_WAIT_EXTENSION);
				s->result = rc;
				CHILD_REQUIRE(!PostmasterIsAlive());
				return 0;
			});
			CHILD_REQUIRE(WaitFor([s] { return s->ready == 1; }, 10000));
			SleepMs(50);
			/* Leave without reaping: the child must notice on its own. */
			_exit(0);
			return 0;
		});
		REQUIRE(postmaster.Wait() == 0);
		REQUIRE(WaitFor([s] { return s->pid != 0; }, 1000));
		int status;
		pid_t reaped = -1;
		REQUIRE(WaitFor(
			[&] {
				reaped = waitpid(s->pid, &status, WNOHANG);
				return reaped != 0;
			},
			10000));
		REQUIRE(reaped == s->pid);
		REQUIRE(WIFEXITED(status));
		if (exit_on_death)
		{
			/* proc_exit(1) from inside WaitLatch: no result recorded. */
			REQUIRE(WEXITSTATUS(status) == 1);
			REQUIRE(s->result == -1);
		}
		else
		{
			REQUIRE(WEXITSTATUS(status) == 0);
			REQUIRE(s->result == WL_POSTMASTER_DEATH);
		}
	}
	REQUIRE(prctl(PR_SET_CHILD_SUBREAPER, 0) == 0);
}
