/*
 * lwlock_test.cpp — LWLocks between real processes: mutual exclusion,
 * shared holders, blocking and wake-up, bookkeeping errors.
 */
#include "unit_test.h"

#include <vector>

#include "miscadmin.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "storage/shmem_fixture.h"
#include "utils/error/error.h"

using tusk::error::PgError;
using tusk::test::ChildProcess;
using tusk::test::MakeSegment;
using tusk::test::NowMs;
using tusk::test::SleepMs;
using tusk::test::WaitFor;

namespace {

struct Shared
{
	LWLock lock;
	long counter; /* deliberately not atomic */
	volatile int stage;
	volatile long released_at;
};

Shared *MakeShared()
{
	bool found;
	auto *s = static_cast<Shared *>(ShmemInitStruct("lwlock test", sizeof(Shared), &found));
	LWLockInitialize(&s->lock, LWTRANCHE_FIRST_USER_DEFINED);
	s->counter = 0;
	s->stage = 0;
	s->released_at = 0;
	return s;
}

}  // namespace

TEST_CASE("N processes x M increments under an exclusive LWLock give N*M", "[lwlock]")
{
	MakeSegment();
	Shared *s = MakeShared();
	constexpr int kProcs = 4;
	constexpr int kIncrements = 100000;
	std::vector<std::unique_ptr<ChildProcess>> children;
	for (int p = 0; p < kProcs; p++)
		children.push_back(std::make_unique<ChildProcess>([s] {
			for (int i = 0; i < kIncrements; i++)
			{
				LWLockAcquire(&s->lock, LW_EXCLUSIVE);
				/* A read-modify-write that loses updates without the lock. */
				long v = s->counter;
				__asm__ __volatile__("" ::: "memory");
				s->counter = v + 1;
				LWLockRelease(&s->lock);
			}
			CHILD_REQUIRE(!LWLockAnyHeldByMe());
			return 0;
		}));
	for (auto &c : children)
		REQUIRE(c->Wait() == 0);
	REQUIRE(s->counter == static_cast<long>(kProcs) * kIncrements);
}

TEST_CASE("Shared holders coexist; exclusive excludes both modes", "[lwlock]")
{
	MakeSegment();
	Shared *s = MakeShared();

	ChildProcess reader([s] {
		LWLockAcquire(&s->lock, LW_SHARED);
		s->stage = 1;
		while (s->stage != 2)
			SleepMs(1);
		LWLockRelease(&s->lock);
		return 0;
	});
	REQUIRE(WaitFor([s] { return s->stage == 1; }, 10000));
	/* Another shared holder is admitted, an exclusive one is not. */
	REQUIRE(LWLockConditionalAcquire(&s->lock, LW_SHARED));
	REQUIRE(LWLockHeldByMeInMode(&s->lock, LW_SHARED));
	LWLockRelease(&s->lock);
	REQUIRE_FALSE(LWLockConditionalAcquire(&s->lock, LW_EXCLUSIVE));
	REQUIRE_FALSE(LWLockHeldByMe(&s->lock));
	s->stage = 2;
	REQUIRE(reader.Wait() == 0);

	ChildProcess writer([s] {
		LWLockAcquire(&s->lock, LW_EXCLUSIVE);
		s->stage = 3;
		while (s->stage != 4)
			SleepMs(1);
		LWLockRelease(&s->lock);
		return 0;
	});
	REQUIRE(WaitFor([s] { return s->stage == 3; }, 10000));
	REQUIRE_FALSE(LWLockConditionalAcquire(&s->lock, LW_SHARED));
	REQUIRE_FALSE(LWLockConditionalAcquire(&s->lock, LW_EXCLUSIVE));
	s->stage = 4;
	REQUIRE(writer.Wait() == 0);
	REQUIRE(LWLockConditionalAcquire(&s->lock, LW_EXCLUSIVE));
	LWLockRelease(&s->lock);
}

TEST_CASE("A waiter sleeps until the holder releases, then wakes at once", "[lwlock]")
{
	MakeSegment();
	Shared *s = MakeShared();
	for (LWLockMode mode : {LW_EXCLUSIVE, LW_SHARED})
	{
		s->stage = 0;
		s->released_at = 0;
		ChildProcess holder([s] {
			LWLockAcquire(&s->lock, LW_EXCLUSIVE);
			s->stage = 1;
			SleepMs(300);
			s->released_at = NowMs();
			LWLockRelease(&s->lock);
			return 0;
		});
		REQUIRE(WaitFor([s] { return s->stage == 1; }, 10000));
		ChildProcess waiter([s, mode] {
			bool immediate = LWLockAcquire(&s->lock, mode);
			long now = NowMs();
			LWLockRelease(&s->lock);
			/* It must not have got in before the release, and must have
			 * been woken promptly after it (not by some polling timer). */
			CHILD_REQUIRE(!immediate);
			CHILD_REQUIRE(s->released_at != 0);
			CHILD_REQUIRE(now - s->released_at < 200);
			return 0;
		});
		REQUIRE(holder.Wait() == 0);
		REQUIRE(waiter.Wait() == 0);
	}
}

TEST_CASE("LWLock bookkeeping: release of an unheld lock, release-all", "[lwlock]")
{
	MakeSegment();
	try
	{
		LWLockRelease(ProcArrayLock);
		FAIL("released a lock not held");
	}
	catch (const PgError &e)
	{
		REQUIRE(e.data().message == "lock ProcArray is not held");
	}
	uint32 holdoff = InterruptHoldoffCount;
	LWLockAcquire(ProcArrayLock, LW_SHARED);
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	REQUIRE(InterruptHoldoffCount == holdoff + 2);
	REQUIRE(LWLockHeldByMeInMode(AddinShmemInitLock, LW_EXCLUSIVE));
	LWLockReleaseAll();
	REQUIRE_FALSE(LWLockAnyHeldByMe());
	REQUIRE(InterruptHoldoffCount == holdoff);
	REQUIRE(LWLockConditionalAcquire(AddinShmemInitLock, LW_EXCLUSIVE));
	REQUIRE(LWLockConditionalAcquire(ProcArrayLock, LW_EXCLUSIVE));
	LWLockRelease(ProcArrayLock);
	LWLockRelease(AddinShmemInitLock);
}
