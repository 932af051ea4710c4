/*
 * proc_test.cpp — PGPROCs and the ProcArray across processes, the "too
 * many clients" limit, and child slots that reveal an unclean exit.
 */
#include "unit_test.h"

#include <signal.h>
#include <sys/wait.h>

#include <memory>
#include <vector>

#include "miscadmin.h"
#include "storage/latch.h"
#include "storage/pmsignal.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "storage/shmem.h"
#include "storage/shmem_fixture.h"
#include "utils/wait_event.h"

using tusk::test::ChildProcess;
using tusk::test::MakeSegment;
using tusk::test::ScopedGlobal;
using tusk::test::WaitFor;

namespace {

struct Shared
{
	volatile int joined;
	volatile int go;
};

Shared *MakeShared()
{
	bool found;
	auto *s = static_cast<Shared *>(ShmemInitStruct("proc test", sizeof(Shared), &found));
	s->joined = 0;
	s->go = 0;
	return s;
}

/* A backend that takes a PGPROC and waits, on its own latch, to be told to go. */
int Backend(Shared *s, bool worker)
{
	IsBackgroundWorker = worker;
	InitProcess();
	CHILD_REQUIRE(MyLatch == &MyProc->procLatch);
	CHILD_REQUIRE(MyProc->pid == MyProcPid);
	__atomic_add_fetch(&s->joined, 1, __ATOMIC_SEQ_CST);
	while (!s->go)
	{
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT, 1000, PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
	}
	return 0;
}

/*
 * Tell the backends with these pids, waiting in Backend(), to go.  Their
 * PGPROCs are looked up before go is set: a backend that wakes on its
 * timeout, sees go and exits leaves the ProcArray, and a lookup after that
 * would find nothing.  (Setting the latch of a PGPROC given up meanwhile
 * is harmless.)
 */
void LetGo(Shared *s, const std::vector<pid_t> &pids)
{
	std::vector<PGPROC *> procs;
	for (pid_t pid : pids)
	{
		PGPROC *proc = BackendPidGetProc(pid);
		REQUIRE(proc != nullptr);
		procs.push_back(proc);
	}
	s->go = 1;
	for (PGPROC *proc : procs)
		SetLatch(&proc->procLatch);
}

}  // namespace

TEST_CASE("Backends appear in the ProcArray, are limited, and vanish on exit", "[proc]")
{
	MakeSegment(3, 1);
	Shared *s = MakeShared();
	std::vector<std::unique_ptr<ChildProcess>> backends;
	for (int i = 0; i < 3; i++)
		backends.push_back(std::make_unique<ChildProcess>([s] { return Backend(s, false); }));
	REQUIRE(WaitFor([s] { return s->joined == 3; }, 10000));
	for (auto &b : backends)
	{
		PGPROC *proc = BackendPidGetProc(b->pid());
		REQUIRE(proc != nullptr);
		REQUIRE(proc->pid == b->pid());
		REQUIRE_FALSE(proc->isBackgroundWorker);
	}
	REQUIRE(CountDBBackends(InvalidOid) == 3);

	/* Client slots are full: one more client is refused ... */
	ChildProcess refused([s] { return Backend(s, false); });
	REQUIRE(refused.Wait() == 1);
	/* ... but a background worker has a PGPROC of its own. */
	ChildProcess worker([s] { return Backend(s, true); });
	REQUIRE(WaitFor([s] { return s->joined == 4; }, 10000));
	REQUIRE(BackendPidGetProc(worker.pid())->isBackgroundWorker);
	ChildProcess second_worker([s] { return Backend(s, true); });
	REQUIRE(second_worker.Wait() == 1);

	/* Wake them through their latches and let them exit. */
	std::vector<pid_t> pids;
	for (auto &b : backends)
		pids.push_back(b->pid());
	pids.push_back(worker.pid());
	LetGo(s, pids);
	for (auto &b : backends)
		REQUIRE(b->Wait() == 0);
	REQUIRE(worker.Wait() == 0);
	for (auto &b : backends)
		REQUIRE(BackendPidGetProc(b->pid()) == nullptr);
	REQUIRE(CountDBBackends(InvalidOid) == 0);
	REQUIRE(HaveNFreeProcs(3));

	/* The PGPROCs went back to the free list: new backends get them. */
	s->go = 0;
	s->joined = 0;
	ChildProcess again([s] { return Backend(s, false); });
	REQUIRE(WaitFor([s] { return s->joined == 1; }, 10000));
	REQUIRE_FALSE(HaveNFreeProcs(3));
	LetGo(s, {again.pid()});
	REQUIRE(again.Wait() == 0);
}

TEST_CASE("A child slot still active when its child is reaped marks a crash", "[proc]")
{
	MakeSegment(3, 1);
	Shared *s = MakeShared();
	auto start = [s](int slot) {
		return std::make_unique<ChildProcess>([s, slot] {
			IsUnderPostmaster = true;
			MyPMChildSlot = slot;
			return Backend(s, false);
		});
	};

	/* Clean exit through proc_exit's callbacks: the slot is released clean. */
	int slot = AssignPostmasterChildSlot();
	REQUIRE(slot > 0);
	auto clean = start(slot);
	REQUIRE(WaitFor([s] { return s->joined == 1; }, 10000));
	LetGo(s, {clean->pid()});
	REQUIRE(clean->Wait() == 0);
	REQUIRE(ReleasePostmasterChildSlot(slot));

	/* Killed while active: the slot tells. */
	s->go = 0;
	s->joined = 0;
	slot = AssignPostmasterChildSlot();
	auto killed = start(slot);
	REQUIRE(WaitFor([s] { return s->joined == 1; }, 10000));
	killed->Kill(SIGKILL);
	REQUIRE(killed->Wait() == 128 + SIGKILL);
	REQUIRE_FALSE(ReleasePostmasterChildSlot(slot));

	/* Slots are recycled. */
	for (int i = 0; i < MaxLivePostmasterChildren(); i++)
		REQUIRE(AssignPostmasterChildSlot() > 0);
}

TEST_CASE("Postmaster signals are test-and-clear flags", "[proc]")
{
	MakeSegment();
	REQUIRE_FALSE(CheckPostmasterSignal(PMSIGNAL_ADVANCE_STATE_MACHINE));
	ScopedGlobal<pid_t> postmaster(PostmasterPid, getpid());
	/* SendPostmasterSignal also sends SIGUSR1 to the postmaster; ignore it
	 * here, and take the old disposition back even if a check fails. */
	struct IgnoreSigusr1
	{
		struct sigaction old = {};
		IgnoreSigusr1()
		{
			struct sigaction ign = {};
			ign.sa_handler = SIG_IGN;
			sigaction(SIGUSR1, &ign, &old);
		}
		~IgnoreSigusr1() { sigaction(SIGUSR1, &old, nullptr); }
	};
	{
		IgnoreSigusr1 ignoring;
		ChildProcess child([] {
			IsUnderPostmaster = true;
			SendPostmasterSignal(PMSIGNAL_ADVANCE_STATE_MACHINE);
			return 0;
		});
		REQUIRE(child.Wait() == 0);
	}
	REQUIRE(CheckPostmasterSignal(PMSIGNAL_ADVANCE_STATE_MACHINE));
	REQUIRE_FALSE(CheckPostmasterSignal(PMSIGNAL_ADVANCE_STATE_MACHINE));
	REQUIRE_FALSE(CheckPostmasterSignal(PMSIGNAL_BACKGROUND_WORKER_CHANGE));
	SetQuitSignalReason(PMQUIT_FOR_CRASH);
	REQUIRE(GetQuitSignalReason() == PMQUIT_FOR_CRASH);
}
