/*
 * shmem_test.cpp — the shared segment: named structures, exhaustion,
 * re-creation, add-in requests, and survival of a killed process.
 */
#include "unit_test.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "miscadmin.h"
#include "storage/ipc.h"
#include "storage/ipc/ipci.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "storage/shmem_fixture.h"
#include "utils/error/error.h"
#include "utils/wait_event.h"

using tusk::error::PgError;
using tusk::test::ChildProcess;
using tusk::test::MakeSegment;

namespace {

struct Counter
{
	long value;
};

Size requested_by_hook = 0;

void TestShmemRequestHook()
{
	RequestAddinShmemSpace(requested_by_hook);
	RequestNamedLWLockTranche("test_tranche", 3);
}

}  // namespace

TEST_CASE("ShmemInitStruct gives every process the same structure", "[shmem]")
{
	MakeSegment();
	bool found = true;
	auto *c = static_cast<Counter *>(ShmemInitStruct("test counter", sizeof(Counter), &found));
	REQUIRE_FALSE(found);
	REQUIRE(ShmemAddrIsValid(c));
	c->value = 41;

	auto *again = static_cast<Counter *>(ShmemInitStruct("test counter", sizeof(Counter), &found));
	REQUIRE(found);
	REQUIRE(again == c);

	ChildProcess child([] {
		bool f = false;
		auto *mine = static_cast<Counter *>(ShmemInitStruct("test counter", sizeof(Counter), &f));
		CHILD_REQUIRE(f);
		CHILD_REQUIRE(mine->value == 41);
		mine->value = 42;
		return 0;
	});
	REQUIRE(child.Wait() == 0);
	REQUIRE(c->value == 42);
	int local = 0;
	REQUIRE_FALSE(ShmemAddrIsValid(&local));
}

TEST_CASE("ShmemInitStruct refuses a size that differs from the first request", "[shmem]")
{
	MakeSegment();
	bool found;
	(void) ShmemInitStruct("sized", 64, &found);
	try
	{
		(void) ShmemInitStruct("sized", 128, &found);
		FAIL("no error for a size mismatch");
	}
	catch (const PgError &e)
	{
		REQUIRE(e.data().message ==
				"ShmemIndex entry size is wrong for data structure \"sized\": expected 128, "
				"actual 64");
	}
}

TEST_CASE("An exhausted segment raises out-of-memory errors and stays usable", "[shmem]")
{
	MakeSegment();
	Size free_space = tusk::storage::ShmemFreeSpace();
	bool found;
	try
	{
		(void) ShmemInitStruct("too big", free_space + 1024, &found);
		FAIL("no error for an oversized structure");
	}
	catch (const PgError &e)
	{
		REQUIRE(tusk::error::UnpackSqlState(e.data().sqlerrcode) == "53200");
		REQUIRE(e.data().message.rfind("not enough shared memory for data structure \"too big\"",
									   0) == 0);
	}
	try
	{
		(void) ShmemAlloc(free_space + 1024);
		FAIL("no error from ShmemAlloc");
	}
	catch (const PgError &e)
	{
		REQUIRE(e.data().message ==
				"out of shared memory (" + std::to_string(free_space + 1024) + " bytes requested)");
	}
	REQUIRE(ShmemAllocNoError(free_space + 1024) == nullptr);
	/* Failed requests took nothing. */
	REQUIRE(tusk::storage::ShmemFreeSpace() == free_space);
	REQUIRE(ShmemAlloc(1000) != nullptr);
}

TEST_CASE("Re-creating shared memory starts from an empty index", "[shmem]")
{
	MakeSegment();
	bool found;
	(void) ShmemInitStruct("survivor?", 16, &found);
	REQUIRE_FALSE(found);
	MakeSegment();
	(void) ShmemInitStruct("survivor?", 16, &found);
	REQUIRE_FALSE(found);
}

TEST_CASE("Modules request space and LWLock tranches only from shmem_request_hook", "[shmem]")
{
	/* Outside the hook the request is FATAL; try it in a child. */
	ChildProcess outside([] {
		RequestAddinShmemSpace(1024);
		return 0;
	});
	REQUIRE(outside.Wait() == 1);

	MaxConnections = 5;
	max_worker_processes = 2;
	InitializeMaxBackends();
	Size before = CalculateShmemSize();
	requested_by_hook = 4 * 1024 * 1024;
	shmem_request_hook = TestShmemRequestHook;
	process_shmem_requests();
	shmem_request_hook = nullptr;
	REQUIRE_FALSE(process_shmem_requests_in_progress);
	REQUIRE(CalculateShmemSize() >= before + requested_by_hook + 3 * sizeof(LWLockPadded));

	CreateSharedMemoryAndSemaphores();
	/* The requested space is really there. */
	REQUIRE(ShmemAlloc(requested_by_hook) != nullptr);
	LWLockPadded *locks = GetNamedLWLockTranche("test_tranche");
	REQUIRE(locks[0].lock.tranche >= LWTRANCHE_FIRST_USER_DEFINED);
	REQUIRE(locks[2].lock.tranche == locks[0].lock.tranche);
	REQUIRE(std::string(GetLWLockIdentifier(PG_WAIT_LWLOCK, locks[0].lock.tranche)) ==
			"test_tranche");
	LWLockAcquire(&locks[2].lock, LW_EXCLUSIVE);
	LWLockRelease(&locks[2].lock);
	REQUIRE_THROWS_AS(GetNamedLWLockTranche("no_such_tranche"), PgError);

	/* A new tranche made at run time is unique across processes. */
	int t1 = LWLockNewTrancheId();
	int t2 = LWLockNewTrancheId();
	REQUIRE(t1 > locks[0].lock.tranche);
	REQUIRE(t2 == t1 + 1);
	LWLockRegisterTranche(t2, "runtime_tranche");
	REQUIRE(std::string(GetLWLockIdentifier(PG_WAIT_LWLOCK, t2)) == "runtime_tranche");
}

TEST_CASE("A process killed while holding nothing leaves the segment usable", "[shmem]")
{
	MakeSegment();
	bool found;
	auto *c = static_cast<Counter *>(ShmemInitStruct("killed", sizeof(Counter), &found));
	c->value = 0;

	ChildProcess victim([c] {
		for (int i = 0; i < 1000; i++)
		{
			LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
			c->value++;
			LWLockRelease(AddinShmemInitLock);
			(void) ShmemAlloc(64);
		}
		for (;;)
			pause();
		return 0;
	});
	REQUIRE(tusk::test::WaitFor([c] { return c->value == 1000; }, 10000));
	victim.Kill(SIGKILL);
	REQUIRE(victim.Wait() == 128 + SIGKILL);

	REQUIRE(LWLockConditionalAcquire(AddinShmemInitLock, LW_EXCLUSIVE));
	LWLockRelease(AddinShmemInitLock);
	ChildProcess survivor([c] {
		bool f;
		(void) ShmemInitStruct("after the kill", 128, &f);
		LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
		c->value++;
		LWLockRelease(AddinShmemInitLock);
		CHILD_REQUIRE(!f);
		return 0;
	});
	REQUIRE(survivor.Wait() == 0);
	REQUIRE(c->value == 1001);
}
