/*
 * lock_test.cpp — the heavyweight lock manager: PostgreSQL's conflict
 * table, waiting and waking across processes, a FIFO queue that does not
 * let share requests starve an exclusive one, deadlock detection with
 * PostgreSQL's error, waiting for a transaction, locks given back at
 * transaction end and at exit, and a full lock table.
 */
#include "unit_test.h"

#include <string.h>
#include <unistd.h>

#include <string>

#include "access/xact.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "storage/lock.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "storage/shmem_fixture.h"
#include "utils/error/error.h"
#include "utils/errcodes.h"

using tusk::error::PgError;
using tusk::test::ChildProcess;
using tusk::test::MakeSegment;
using tusk::test::MakeSegmentWithWal;
using tusk::test::ScopedGlobal;
using tusk::test::ScratchDataDir;
using tusk::test::SetStep;
using tusk::test::WaitFor;
using tusk::test::WaitStep;

namespace {

struct Board
{
	volatile int step;
	volatile int granted[4];
	volatile int code[4];
	volatile uint64 xid;
	char detail[4][1024];
};

Board *MakeBoard()
{
	bool found;
	auto *b = static_cast<Board *>(ShmemInitStruct("lock test", sizeof(Board), &found));
	memset(static_cast<void *>(b), 0, sizeof *b);
	return b;
}

LOCKTAG Rel(Oid relid)
{
	LOCKTAG tag;
	SET_LOCKTAG_RELATION(tag, 5, relid);
	return tag;
}

/* A locker process: a PGPROC, then fn. */
std::unique_ptr<ChildProcess> Locker(const std::function<int()> &fn)
{
	return std::make_unique<ChildProcess>([fn] {
		InitProcess();
		return fn();
	});
}

bool Granted(Board *b, int who)
{
	return __atomic_load_n(&b->granted[who], __ATOMIC_SEQ_CST) != 0;
}

void Grant(Board *b, int who)
{
	__atomic_store_n(&b->granted[who], 1, __ATOMIC_SEQ_CST);
}

}  // namespace

TEST_CASE("Lock modes conflict as in PostgreSQL's table", "[lock]")
{
	/* The documentation's "Conflicting Lock Modes" table, row by row:
	 * requested mode vs. existing mode, X = conflict. */
	const char *const table[] = {
		/* AS RS RE SU S  SR E  AE */
		"       X", /* ACCESS SHARE */
		"      XX", /* ROW SHARE */
		"    XXXX", /* ROW EXCLUSIVE */
		"   XXXXX", /* SHARE UPDATE EXCLUSIVE */
		"  XX XXX", /* SHARE */
		"  XXXXXX", /* SHARE ROW EXCLUSIVE */
		" XXXXXXX", /* EXCLUSIVE */
		"XXXXXXXX", /* ACCESS EXCLUSIVE */
	};
	for (LOCKMODE a = AccessShareLock; a <= AccessExclusiveLock; a++)
		for (LOCKMODE b = AccessShareLock; b <= AccessExclusiveLock; b++)
		{
			CAPTURE(a, b);
			REQUIRE(DoLockModesConflict(a, b) == (table[a - 1][b - 1] == 'X'));
		}
	REQUIRE(std::string(GetLockmodeName(DEFAULT_LOCKMETHOD, ShareRowExclusiveLock)) ==
			"ShareRowExclusiveLock");
}

TEST_CASE("A conflicting request waits until the holder releases", "[lock]")
{
	MakeSegment(5, 2);
	Board *b = MakeBoard();
	auto holder = Locker([b] {
		LOCKTAG tag = Rel(16384);
		CHILD_REQUIRE(LockAcquire(&tag, AccessExclusiveLock, false, false) == LOCKACQUIRE_OK);
		CHILD_REQUIRE(LockAcquire(&tag, AccessExclusiveLock, false, false) ==
					  LOCKACQUIRE_ALREADY_HELD);
		Grant(b, 0);
		WaitStep(&b->step, 1);
		LockRelease(&tag, AccessExclusiveLock, false); /* still held once */
		WaitStep(&b->step, 2);
		LockRelease(&tag, AccessExclusiveLock, false);
		return 0;
	});
	REQUIRE(WaitFor([b] { return Granted(b, 0); }, 10000));
	auto waiter = Locker([b] {
		LOCKTAG tag = Rel(16384);
		CHILD_REQUIRE(LockAcquire(&tag, AccessShareLock, false, true) == LOCKACQUIRE_NOT_AVAIL);
		CHILD_REQUIRE(LockAcquire(&tag, AccessShareLock, false, false) == LOCKACQUIRE_OK);
		Grant(b, 1);
		return 0;
	});
	SetStep(&b->step, 1);
	usleep(100 * 1000);
	REQUIRE_FALSE(Granted(b, 1));
	SetStep(&b->step, 2);
	REQUIRE(waiter->Wait() == 0);
	REQUIRE(holder->Wait() == 0);
}

TEST_CASE("Waiters are served in order: shares do not starve an exclusive", "[lock]")
{
	MakeSegment(5, 2);
	Board *b = MakeBoard();
	LOCKTAG tag = Rel(16385);
	auto reader = Locker([b, tag] {
		(void) LockAcquire(&tag, AccessShareLock, false, false);
		Grant(b, 0);
		WaitStep(&b->step, 1);
		LockReleaseAll(DEFAULT_LOCKMETHOD, false);
		return 0;
	});
	REQUIRE(WaitFor([b] { return Granted(b, 0); }, 10000));
	auto writer = Locker([b, tag] {
		(void) LockAcquire(&tag, AccessExclusiveLock, false, false);
		Grant(b, 1);
		WaitStep(&b->step, 2);
		LockReleaseAll(DEFAULT_LOCKMETHOD, false);
		return 0;
	});
	usleep(100 * 1000);
	auto late = Locker([b, tag] {
		/* Compatible with the reader, but queued behind the writer. */
		CHILD_REQUIRE(LockAcquire(&tag, AccessShareLock, false, true) == LOCKACQUIRE_NOT_AVAIL);
		(void) LockAcquire(&tag, AccessShareLock, false, false);
		Grant(b, 2);
		return 0;
	});
	usleep(100 * 1000);
	REQUIRE_FALSE(Granted(b, 1));
	REQUIRE_FALSE(Granted(b, 2));
	SetStep(&b->step, 1); /* the reader leaves: the writer goes first */
	REQUIRE(WaitFor([b] { return Granted(b, 1); }, 10000));
	usleep(50 * 1000);
	REQUIRE_FALSE(Granted(b, 2));
	SetStep(&b->step, 2);
	REQUIRE(late->Wait() == 0);
	REQUIRE(writer->Wait() == 0);
	REQUIRE(reader->Wait() == 0);
}

TEST_CASE("A deadlock is detected and reported as PostgreSQL does", "[lock]")
{
	MakeSegment(5, 2);
	ScopedGlobal deadlock_timeout(DeadlockTimeout, 100);
	Board *b = MakeBoard();
	auto side = [b](int me, Oid first, Oid second) {
		return Locker([b, me, first, second] {
			LOCKTAG a = Rel(first);
			LOCKTAG c = Rel(second);
			(void) LockAcquire(&a, AccessExclusiveLock, false, false);
			__atomic_add_fetch(&b->step, 1, __ATOMIC_SEQ_CST);
			WaitStep(&b->step, 2);
			try
			{
				(void) LockAcquire(&c, AccessExclusiveLock, false, false);
				Grant(b, me);
			}
			catch (const PgError &e)
			{
				b->code[me] = e.data().sqlerrcode == ERRCODE_T_R_DEADLOCK_DETECTED ? 1 : 2;
				std::string text = e.data().message + "|" + e.data().detail + "|" + e.data().hint;
				strncpy(b->detail[me], text.c_str(), sizeof b->detail[me] - 1);
			}
			LockReleaseAll(DEFAULT_LOCKMETHOD, false);
			return 0;
		});
	};
	auto one = side(0, 16390, 16391);
	auto two = side(1, 16391, 16390);
	REQUIRE(one->Wait() == 0);
	REQUIRE(two->Wait() == 0);
	/* Exactly one gave up, and the other then got its lock. */
	REQUIRE(b->code[0] + b->code[1] == 1);
	REQUIRE(Granted(b, 0) + Granted(b, 1) == 1);
	int loser = b->code[0] == 1 ? 0 : 1;
	int winner = 1 - loser;
	std::string text = b->detail[loser];
	std::string loser_pid = std::to_string(loser == 0 ? one->pid() : two->pid());
	std::string winner_pid = std::to_string(winner == 0 ? one->pid() : two->pid());
	Oid loser_wants = loser == 0 ? 16391 : 16390;
	Oid winner_wants = loser == 0 ? 16390 : 16391;
	REQUIRE(text ==
			"deadlock detected|Process " + loser_pid +
				" waits for AccessExclusiveLock on relation " + std::to_string(loser_wants) +
				" of database 5; blocked by process " + winner_pid + ".\nProcess " + winner_pid +
				" waits for AccessExclusiveLock on relation " + std::to_string(winner_wants) +
				" of database 5; blocked by process " + loser_pid +
				".|See server log for query details.");
}

TEST_CASE("Waiting for a transaction ends when it commits; its locks go with it", "[lock][xact]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	Board *b = MakeBoard();
	auto writer = Locker([b] {
		StartTransactionCommand();
		LockRelationOid(16400, RowExclusiveLock);
		b->xid = U64FromFullTransactionId(GetTopFullTransactionId());
		Grant(b, 0);
		WaitStep(&b->step, 1);
		CommitTransactionCommand();
		return 0;
	});
	REQUIRE(WaitFor([b] { return Granted(b, 0); }, 10000));
	auto waiter = Locker([b] {
		FullTransactionId xid = FullTransactionIdFromU64(b->xid);
		CHILD_REQUIRE(!ConditionalXactLockTableWait(xid));
		CHILD_REQUIRE(!ConditionalLockRelationOid(16400, AccessExclusiveLock));
		XactLockTableWait(xid);
		Grant(b, 1);
		/* The commit releases the writer's relation lock too.  Not
		 * necessarily before its transaction lock (commit lets go of its
		 * locks one after another, as PostgreSQL's does), so allow it a
		 * moment. */
		bool got = false;
		for (int i = 0; i < 10000 && !got; i++)
		{
			got = ConditionalLockRelationOid(16400, AccessExclusiveLock);
			if (!got)
				usleep(1000);
		}
		CHILD_REQUIRE(got);
		LockReleaseAll(DEFAULT_LOCKMETHOD, true);
		return 0;
	});
	usleep(100 * 1000);
	REQUIRE_FALSE(Granted(b, 1));
	SetStep(&b->step, 1);
	REQUIRE(waiter->Wait() == 0);
	REQUIRE(writer->Wait() == 0);
}

TEST_CASE("A process that exits gives its locks back", "[lock]")
{
	MakeSegment(5, 2);
	Board *b = MakeBoard();
	auto quitter = Locker([] {
		LOCKTAG tag = Rel(16410);
		(void) LockAcquire(&tag, AccessExclusiveLock, true, false); /* a session lock */
		return 0;
	});
	REQUIRE(quitter->Wait() == 0);
	auto next = Locker([] {
		LOCKTAG tag = Rel(16410);
		CHILD_REQUIRE(LockAcquire(&tag, AccessExclusiveLock, false, true) == LOCKACQUIRE_OK);
		return 0;
	});
	REQUIRE(next->Wait() == 0);
	(void) b;
}

TEST_CASE("A full lock table fails with PostgreSQL's error and recovers", "[lock]")
{
	ScopedGlobal locks_per_xact(max_locks_per_xact, 10);
	MakeSegment(3, 1); /* (3 + 1 + 5) × 10 = 90 locks */
	auto greedy = Locker([] {
		std::string message;
		std::string hint;
		int got = 0;
		try
		{
			for (Oid rel = 20000; rel < 20200; rel++, got++)
			{
				LOCKTAG tag = Rel(rel);
				(void) LockAcquire(&tag, AccessShareLock, false, false);
			}
		}
		catch (const PgError &e)
		{
			message = e.data().message;
			hint = e.data().hint;
		}
		CHILD_REQUIRE(message == "out of shared memory");
		CHILD_REQUIRE(hint == "You might need to increase max_locks_per_transaction.");
		CHILD_REQUIRE(got == 90);
		LockReleaseAll(DEFAULT_LOCKMETHOD, false);
		for (Oid rel = 30000; rel < 30090; rel++)
		{
			LOCKTAG tag = Rel(rel);
			(void) LockAcquire(&tag, AccessShareLock, false, false);
		}
		LockReleaseAll(DEFAULT_LOCKMETHOD, false);
		return 0;
	});
	REQUIRE(greedy->Wait() == 0);
}

TEST_CASE("Running out of PROCLOCKs leaves no unused LOCK behind", "[lock]")
{
	ScopedGlobal<int> locks(max_locks_per_xact, 10);
	MakeSegment(3, 1); /* 90 LOCKs, 180 PROCLOCKs */
	Board *b = MakeBoard();
	auto take = [](Oid from, Oid to) {
		for (Oid rel = from; rel < to; rel++)
		{
			LOCKTAG tag = Rel(rel);
			(void) LockAcquire(&tag, AccessShareLock, false, false);
		}
	};
	/* Two processes share 89 LOCKs through 178 PROCLOCKs ... */
	auto first = Locker([b, take] {
		take(20000, 20089);
		__atomic_add_fetch(&b->step, 1, __ATOMIC_SEQ_CST);
		WaitStep(&b->step, 10);
		LockReleaseAll(DEFAULT_LOCKMETHOD, false);
		return 0;
	});
	auto second = Locker([b, take] {
		take(20000, 20089);
		__atomic_add_fetch(&b->step, 1, __ATOMIC_SEQ_CST);
		WaitStep(&b->step, 10);
		LockReleaseAll(DEFAULT_LOCKMETHOD, false);
		return 0;
	});
	/* ... a third takes the last two PROCLOCKs, then asks for a new tag:
	 * its LOCK (the last one) is made, its PROCLOCK cannot be. */
	auto third = Locker([b, take] {
		WaitStep(&b->step, 2);
		take(20000, 20002);
		int code = 0;
		std::string message, hint;
		try
		{
			take(30000, 30001);
		}
		catch (const PgError &e)
		{
			code = e.data().sqlerrcode;
			message = e.data().message;
			hint = e.data().hint;
		}
		LockReleaseAll(DEFAULT_LOCKMETHOD, false);
		SetStep(&b->step, 10);
		CHILD_REQUIRE(code == ERRCODE_OUT_OF_MEMORY);
		CHILD_REQUIRE(message == "out of shared memory");
		CHILD_REQUIRE(hint == "You might need to increase max_locks_per_transaction.");
		return 0;
	});
	REQUIRE(third->Wait() == 0);
	REQUIRE(first->Wait() == 0);
	REQUIRE(second->Wait() == 0);
	/* Everything is free again: all 90 LOCKs can be had. */
	auto all = Locker([take] {
		take(40000, 40090);
		LockReleaseAll(DEFAULT_LOCKMETHOD, false);
		return 0;
	});
	REQUIRE(all->Wait() == 0);
}
