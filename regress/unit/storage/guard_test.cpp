/*
 * guard_test.cpp — the RAII guards over LWLocks, spinlocks, buffer pins and
 * buffer content locks: each releases what it holds when an exception
 * leaves its scope, a moved-from guard releases nothing, Release() lets go
 * early, and none can be copied.
 */
#include "unit_test.h"

#include <stdexcept>
#include <type_traits>
#include <utility>

#include "miscadmin.h"
#include "storage/buffer/buf_internals.h"
#include "storage/bufmgr.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "storage/shmem_fixture.h"
#include "storage/smgr.h"
#include "storage/spin.h"

using tusk::BufferLock;
using tusk::BufferPin;
using tusk::LockedBuffer;
using tusk::LWLockGuard;
using tusk::SpinLockGuard;
using tusk::buffer::GetBufferDescriptor;
using tusk::buffer::PrivateRefCount;
using tusk::test::MakeSegment;
using tusk::test::ScratchDataDir;

namespace {

template <typename T>
constexpr bool kMoveOnly = !std::is_copy_constructible_v<T> && !std::is_copy_assignable_v<T> &&
	std::is_nothrow_move_constructible_v<T> && std::is_nothrow_move_assignable_v<T>;

static_assert(kMoveOnly<LWLockGuard>);
static_assert(kMoveOnly<SpinLockGuard>);
static_assert(kMoveOnly<BufferPin>);
static_assert(kMoveOnly<BufferLock>);
static_assert(kMoveOnly<LockedBuffer>);

const RelFileNode kRel = {DEFAULTTABLESPACE_OID, 5, 16390};

/* A one-page relation; its block 0, pinned. */
Buffer NewPage()
{
	smgrcreate(smgropen(kRel), MAIN_FORKNUM, false);
	Buffer buf = ReadBufferWithoutRelcache(kRel, MAIN_FORKNUM, P_NEW, RBM_ZERO_AND_LOCK, nullptr,
										   false);
	PageInit(BufferGetPage(buf), BLCKSZ, 0);
	MarkBufferDirty(buf);
	LockBuffer(buf, BUFFER_LOCK_UNLOCK);
	return buf;
}

bool ContentLocked(Buffer buf)
{
	return LWLockHeldByMe(&GetBufferDescriptor(buf - 1)->content_lock);
}

}  // namespace

TEST_CASE("An LWLockGuard releases its lock when an exception leaves the scope", "[guards][lwlock]")
{
	MakeSegment();
	uint32 holdoff = InterruptHoldoffCount;
	try
	{
		LWLockGuard guard(AddinShmemInitLock, LW_EXCLUSIVE);
		REQUIRE(LWLockHeldByMeInMode(AddinShmemInitLock, LW_EXCLUSIVE));
		throw std::runtime_error("boom");
	}
	catch (const std::runtime_error &)
	{}
	REQUIRE_FALSE(LWLockAnyHeldByMe());
	REQUIRE(InterruptHoldoffCount == holdoff);
}

TEST_CASE("A moved-from LWLockGuard releases nothing; the new owner releases once",
		  "[guards][lwlock]")
{
	MakeSegment();
	{
		LWLockGuard outer(ProcArrayLock, LW_SHARED);
		{
			LWLockGuard first(AddinShmemInitLock, LW_EXCLUSIVE);
			LWLockGuard second = std::move(first);
			// NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): under test
			REQUIRE_FALSE(first.held());
			REQUIRE(second.held());
			{
				LWLockGuard third(std::move(second));
				REQUIRE(LWLockHeldByMe(AddinShmemInitLock));
			}
			/* Released by third alone: first and second hold nothing. */
			REQUIRE_FALSE(LWLockHeldByMe(AddinShmemInitLock));
		}
		REQUIRE(LWLockHeldByMe(ProcArrayLock));
		/* Assigning over a held guard releases what it held. */
		outer = LWLockGuard(AddinShmemInitLock, LW_SHARED);
		REQUIRE_FALSE(LWLockHeldByMe(ProcArrayLock));
		REQUIRE(LWLockHeldByMeInMode(AddinShmemInitLock, LW_SHARED));
		outer.Release();
		REQUIRE_FALSE(outer.held());
		outer.Release(); /* twice is harmless */
	}
	REQUIRE_FALSE(LWLockAnyHeldByMe());
}

TEST_CASE("LWLockGuard::TryAcquire holds the lock only if it was free", "[guards][lwlock]")
{
	MakeSegment();
	LWLockGuard holder(AddinShmemInitLock, LW_SHARED);
	{
		LWLockGuard shared = LWLockGuard::TryAcquire(AddinShmemInitLock, LW_SHARED);
		REQUIRE(shared.held());
	}
	REQUIRE(LWLockHeldByMe(AddinShmemInitLock));
	LWLockAcquire(ProcArrayLock, LW_EXCLUSIVE);
	{
		LWLockGuard adopted = LWLockGuard::Adopt(ProcArrayLock);
	}
	REQUIRE_FALSE(LWLockHeldByMe(ProcArrayLock));
}

TEST_CASE("A SpinLockGuard releases its spinlock on exception and after a move", "[guards][spin]")
{
	MakeSegment();
	bool found;
	auto *lock = static_cast<slock_t *>(
		ShmemInitStruct("guard test spinlock", sizeof(slock_t), &found));
	SpinLockInit(lock);
	try
	{
		SpinLockGuard guard(lock);
		REQUIRE_FALSE(SpinLockFree(lock));
		throw std::runtime_error("boom");
	}
	catch (const std::runtime_error &)
	{}
	REQUIRE(SpinLockFree(lock));
	{
		SpinLockGuard first(lock);
		SpinLockGuard second(std::move(first));
		// NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): under test
		REQUIRE_FALSE(first.held());
		first = std::move(second); /* back again */
		REQUIRE_FALSE(SpinLockFree(lock));
		first.Release();
		REQUIRE(SpinLockFree(lock));
	}
	REQUIRE(SpinLockFree(lock));
}

TEST_CASE("Buffer guards release lock and pin on exception, the lock first", "[guards][bufmgr]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 8);
	InitBufferPoolAccess();
	Buffer buf = NewPage();
	ReleaseBuffer(buf);
	REQUIRE(PrivateRefCount(buf) == 0);
	try
	{
		LockedBuffer page(BufferPin(ReadBufferWithoutRelcache(kRel, MAIN_FORKNUM, 0, RBM_NORMAL,
															  nullptr, false)),
						  BUFFER_LOCK_EXCLUSIVE);
		REQUIRE(PrivateRefCount(page.get()) == 1);
		REQUIRE(ContentLocked(page.get()));
		throw std::runtime_error("boom");
	}
	catch (const std::runtime_error &)
	{}
	REQUIRE(PrivateRefCount(buf) == 0);
	REQUIRE_FALSE(LWLockAnyHeldByMe());
	try
	{
		BufferPin pin(ReadBufferWithoutRelcache(kRel, MAIN_FORKNUM, 0, RBM_NORMAL, nullptr, false));
		BufferLock lock(pin.get(), BUFFER_LOCK_SHARE);
		throw std::runtime_error("boom");
	}
	catch (const std::runtime_error &)
	{}
	REQUIRE(PrivateRefCount(buf) == 0);
	REQUIRE_FALSE(LWLockAnyHeldByMe());
}

TEST_CASE("Moved-from buffer guards release nothing", "[guards][bufmgr]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 8);
	InitBufferPoolAccess();
	Buffer buf = NewPage();
	BufferPin first(buf);
	{
		BufferPin second(std::move(first));
		// NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): under test
		REQUIRE_FALSE(first.valid());
		REQUIRE(PrivateRefCount(buf) == 1);
		{
			BufferLock lock(buf, BUFFER_LOCK_EXCLUSIVE);
			BufferLock moved = std::move(lock);
			REQUIRE_FALSE(
				// NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): under test
				lock.held());
			REQUIRE(ContentLocked(buf));
		}
		REQUIRE_FALSE(ContentLocked(buf));
		REQUIRE(PrivateRefCount(buf) == 1);
	}
	REQUIRE(PrivateRefCount(buf) == 0);

	/* A LockedBuffer handed on, as a walk hands a page to its next step;
	 * Unlock() keeps the pin alone. */
	LockedBuffer held(BufferPin(ReadBufferWithoutRelcache(kRel, MAIN_FORKNUM, 0, RBM_NORMAL,
														  nullptr, false)),
					  BUFFER_LOCK_SHARE);
	LockedBuffer next = std::move(held);
	REQUIRE_FALSE(
		// NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): under test
		held.valid());
	REQUIRE(PrivateRefCount(buf) == 1);
	REQUIRE(ContentLocked(buf));
	BufferPin kept = next.Unlock();
	REQUIRE_FALSE(ContentLocked(buf));
	REQUIRE(PrivateRefCount(buf) == 1);
	Buffer raw = kept.Detach();
	REQUIRE_FALSE(kept.valid());
	REQUIRE(PrivateRefCount(buf) == 1);
	ReleaseBuffer(raw);
	REQUIRE(PrivateRefCount(buf) == 0);
}

TEST_CASE("BufferLock::TryExclusive fails without waiting while another lock is held",
		  "[guards][bufmgr]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 8);
	InitBufferPoolAccess();
	BufferPin pin(NewPage());
	{
		BufferLock shared(pin.get(), BUFFER_LOCK_SHARE);
		BufferLock attempt = BufferLock::TryExclusive(pin.get());
		REQUIRE_FALSE(attempt.held());
	}
	BufferLock attempt = BufferLock::TryExclusive(pin.get());
	REQUIRE(attempt.held());
	attempt.Release();
	REQUIRE_FALSE(ContentLocked(pin.get()));
}
