/*
 * clog_test.cpp — the commit log: statuses set and read back across page
 * evictions, from several processes, after a restart (from disk), beyond
 * 32-bit ids, and PostgreSQL's error for a page that does not exist.
 */
#include "unit_test.h"

#include <sys/stat.h>
#include <unistd.h>

#include <functional>
#include <memory>
#include <vector>

#include "access/clog.h"
#include "access/transam.h"
#include "storage/lwlock.h"
#include "storage/shmem_fixture.h"
#include "utils/error/error.h"

using tusk::error::PgError;
using tusk::test::ChildProcess;
using tusk::test::MakeSegment;
using tusk::test::MakeSegmentWithWal;
using tusk::test::ScratchDataDir;

namespace {

FullTransactionId Xid(uint64 v)
{
	return FullTransactionIdFromU64(v);
}

XidStatus Expected(uint64 x)
{
	switch (x % 3)
	{
		case 0:
			return TRANSACTION_STATUS_COMMITTED;
		case 1:
			return TRANSACTION_STATUS_ABORTED;
		default:
			return TRANSACTION_STATUS_IN_PROGRESS;
	}
}

/* Assign ids [from, to) as the transaction manager will: extend, then
 * record each outcome. */
void Assign(uint64 from, uint64 to)
{
	for (uint64 x = from; x < to; x++)
	{
		ExtendCLOG(Xid(x));
		if (Expected(x) != TRANSACTION_STATUS_IN_PROGRESS)
			TransactionIdSetStatus(Xid(x), Expected(x), InvalidXLogRecPtr);
	}
}

bool AllAsExpected(uint64 from, uint64 to)
{
	for (uint64 x = from; x < to; x++)
		if (TransactionIdGetStatus(Xid(x), nullptr) != Expected(x))
			return false;
	return true;
}

}  // namespace

TEST_CASE("Statuses survive page eviction and a restart from disk", "[clog]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 64);					  /* four CLOG buffers */
	constexpr uint64 kLast = 8 * 32768 + 100; /* nine pages */
	Assign(FirstNormalTransactionId, kLast);
	REQUIRE(AllAsExpected(FirstNormalTransactionId, kLast));
	REQUIRE(TransactionIdGetStatus(Xid(5), nullptr) == TRANSACTION_STATUS_IN_PROGRESS);
	TransactionIdSetStatus(Xid(5), TRANSACTION_STATUS_SUB_COMMITTED, InvalidXLogRecPtr);
	REQUIRE(TransactionIdGetStatus(Xid(5), nullptr) == TRANSACTION_STATUS_SUB_COMMITTED);
	TransactionIdSetStatus(Xid(5), TRANSACTION_STATUS_IN_PROGRESS, InvalidXLogRecPtr);

	CheckPointCLOG();
	struct stat st;
	REQUIRE(stat("pg_xact/000000000000000", &st) == 0);
	REQUIRE(st.st_size == 9 * BLCKSZ);

	/* A new segment (as after a restart) reads everything back from disk. */
	MakeSegment(5, 2, 64);
	REQUIRE(AllAsExpected(FirstNormalTransactionId, kLast));
}

TEST_CASE("Several processes record outcomes at once", "[clog]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 64);
	constexpr uint64 kPerProc = 3 * 32768;
	constexpr int kProcs = 4;
	/* Pages exist before the workers start, as ids are assigned in order. */
	for (uint64 x = FirstNormalTransactionId; x < kProcs * kPerProc; x++)
		ExtendCLOG(Xid(x));
	std::vector<std::unique_ptr<ChildProcess>> children;
	for (int p = 0; p < kProcs; p++)
		children.push_back(std::make_unique<ChildProcess>([p] {
			/* Interleaved ids: every page is written by every process. */
			for (uint64 x = FirstNormalTransactionId + p; x < kProcs * kPerProc; x += kProcs)
				if (Expected(x) != TRANSACTION_STATUS_IN_PROGRESS)
					TransactionIdSetStatus(Xid(x), Expected(x), InvalidXLogRecPtr);
			return 0;
		}));
	for (auto &c : children)
		REQUIRE(c->Wait() == 0);
	REQUIRE(AllAsExpected(FirstNormalTransactionId, kProcs * kPerProc));
}

TEST_CASE("Ids beyond 32 bits have their own pages and segment files", "[clog]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 64);
	const uint64 big = 5000000000ULL; /* > 2^32 */
	const uint64 first = big - big % 32768;
	ExtendCLOG(Xid(first));
	TransactionIdSetStatus(Xid(big), TRANSACTION_STATUS_COMMITTED, InvalidXLogRecPtr);
	TransactionIdSetStatus(Xid(big + 1), TRANSACTION_STATUS_ABORTED, InvalidXLogRecPtr);
	/* Its low 32 bits name a small id, whose status is its own. */
	const uint64 small = big & 0xFFFFFFFFULL;
	ExtendCLOG(Xid(small - small % 32768));
	REQUIRE(TransactionIdGetStatus(Xid(small), nullptr) == TRANSACTION_STATUS_IN_PROGRESS);
	CheckPointCLOG();
	char name[64];
	snprintf(name, sizeof name, "pg_xact/%015llX",
			 static_cast<unsigned long long>(big / 32768 / 32));
	REQUIRE(access(name, F_OK) == 0);
	MakeSegment(5, 2, 64);
	REQUIRE(TransactionIdGetStatus(Xid(big), nullptr) == TRANSACTION_STATUS_COMMITTED);
	REQUIRE(TransactionIdGetStatus(Xid(big + 1), nullptr) == TRANSACTION_STATUS_ABORTED);
}

TEST_CASE("A status on a page that was never created is an error", "[clog]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 64);
	try
	{
		(void) TransactionIdGetStatus(Xid(123456789), nullptr);
		FAIL("no error");
	}
	catch (const PgError &e)
	{
		REQUIRE(e.data().message == "could not access status of transaction 123456789");
		/* 123456789 / 32768 per page / 32 pages per segment = segment 0x75 */
		REQUIRE(e.data().detail ==
				"Could not open file \"pg_xact/000000000000075\": No such file or directory.");
	}
}

TEST_CASE("An ExtendCLOG that fails releases XidGenLock and XactSLRULock on every path", "[clog]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(); /* four CLOG buffers */
	/* Four dirty pages fill the buffers; with pg_xact gone, making a
	 * fifth means writing one out, which fails. */
	for (uint64 page = 0; page < 4; page++)
		ExtendCLOG(Xid(page == 0 ? FirstNormalTransactionId : page * 32768));
	REQUIRE(rename("pg_xact", "pg_xact.away") == 0);
	const uint64 fifth = 4 * 32768;
	auto fails_to_write = [](const std::function<void()> &f) {
		try
		{
			f();
		}
		catch (const PgError &e)
		{
			return e.data().message.rfind("could not open file \"pg_xact/", 0) == 0;
		}
		return false;
	};

	/* Assigning the page's first id. */
	SetNextFullTransactionId(Xid(fifth));
	REQUIRE(fails_to_write([] { (void) GetNewTransactionId(false); }));
	REQUIRE_FALSE(LWLockAnyHeldByMe());
	REQUIRE(U64FromFullTransactionId(ReadNextFullTransactionId()) == fifth);

	/* Replay advancing past an id on the page (the path that held
	 * XidGenLock unguarded). */
	REQUIRE(fails_to_write([fifth] { AdvanceNextFullTransactionIdPastXid(Xid(fifth + 5)); }));
	REQUIRE_FALSE(LWLockAnyHeldByMe());
	REQUIRE(U64FromFullTransactionId(ReadNextFullTransactionId()) == fifth);

	/* Both locks are free for others, and everything works again once
	 * the directory is back. */
	REQUIRE(tusk::test::RunInBackend([] {
				LWLockAcquire(XidGenLock, LW_EXCLUSIVE);
				LWLockAcquire(XactSLRULock, LW_EXCLUSIVE);
				LWLockReleaseAll();
				return 0;
			}) == 0);
	REQUIRE(rename("pg_xact.away", "pg_xact") == 0);
	REQUIRE(U64FromFullTransactionId(GetNewTransactionId(false)) == fifth);
}
