/*
 * heap_test.cpp — the heap: inserts seen by their own transaction's later
 * commands and by others only after commit; updates and deletes with
 * their chains; many processes inserting across pages at once; concurrent
 * increments of one row under READ COMMITTED losing nothing; and replay of
 * the WAL rebuilding exactly the committed state after a crash (with rows
 * taken back out by heap_abort_speculative).
 */
#include "unit_test.h"

#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>
#include <vector>

#include "access/clog.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/rmgr.h"
#include "access/table.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "access/xlogreader.h"
#include "access/xlogutils.h"
#include "catalog/storage.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "storage/shmem_fixture.h"
#include "utils/error/error.h"
#include "utils/errcodes.h"
#include "utils/snapmgr.h"

using tusk::error::PgError;
using tusk::test::ChildProcess;
using tusk::test::CrashAndReplay;
using tusk::test::RunInBackend;
using tusk::test::SetStep;
using tusk::test::WaitStep;
using tusk::test::MakeSegmentWithWal;
using tusk::test::ScratchDataDir;

namespace {

constexpr Oid kTable = 16500;

struct Row
{
	int64 key;
	int64 value;
	char pad[48];
};

HeapTuple MakeTuple(int64 key, int64 value)
{
	Row row{key, value, {}};
	return heap_form_raw_tuple(&row, sizeof row, 2);
}

Row RowOf(HeapTuple tuple)
{
	uint32 len;
	const char *data = heap_tuple_data(tuple, &len);
	Row row;
	REQUIRE(len == sizeof row);
	memcpy(&row, data, sizeof row);
	return row;
}

void Insert(Relation rel, int64 key, int64 value)
{
	HeapTuple t = MakeTuple(key, value);
	heap_insert(rel, t, GetCurrentCommandId(true), 0, nullptr);
	heap_freetuple(t);
}

/* key → value of every row the snapshot sees. */
std::map<int64, int64> Contents(Relation rel, Snapshot snapshot)
{
	std::map<int64, int64> out;
	HeapScanDesc scan = heap_beginscan(rel, snapshot);
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		Row row = RowOf(t);
		out[row.key] = row.value;
	}
	heap_endscan(scan);
	return out;
}

struct Meet
{
	volatile int step;
};

Meet *MakeMeet()
{
	bool found;
	auto *m = static_cast<Meet *>(ShmemInitStruct("heap test", sizeof(Meet), &found));
	m->step = 0;
	return m;
}

void CreateTable()
{
	MyDatabaseId = 5;
	REQUIRE(RunInBackend([] {
				RelationCreateStorage(RelFileNode{DEFAULTTABLESPACE_OID, 5, kTable});
				return 0;
			}) == 0);
}

}  // namespace

TEST_CASE("Inserted rows are seen by later commands and, after commit, by others", "[heap]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	CreateTable();
	Meet *m = MakeMeet();
	ChildProcess writer([m] {
		InitProcess();
		StartTransactionCommand();
		Relation rel = table_open(kTable, RowExclusiveLock);
		for (int64 k = 0; k < 10; k++)
			Insert(rel, k, k * 10);
		/* Not yet: the inserting command is still running. */
		CHILD_REQUIRE(Contents(rel, GetTransactionSnapshot()).empty());
		CommandCounterIncrement();
		CHILD_REQUIRE(Contents(rel, GetTransactionSnapshot()).size() == 10);
		SetStep(&m->step, 1);
		WaitStep(&m->step, 2);
		table_close(rel, NoLock);
		CommitTransactionCommand();
		SetStep(&m->step, 3);
		return 0;
	});
	WaitStep(&m->step, 1);
	REQUIRE(RunInBackend([] {
				StartTransactionCommand();
				Relation rel = table_open(kTable, AccessShareLock);
				bool empty = Contents(rel, GetTransactionSnapshot()).empty();
				table_close(rel, NoLock);
				CommitTransactionCommand();
				CHILD_REQUIRE(empty);
				return 0;
			}) == 0);
	SetStep(&m->step, 2);
	WaitStep(&m->step, 3);
	REQUIRE(writer.Wait() == 0);
	REQUIRE(RunInBackend([] {
				StartTransactionCommand();
				Relation rel = table_open(kTable, AccessShareLock);
				auto rows = Contents(rel, GetTransactionSnapshot());
				table_close(rel, NoLock);
				CommitTransactionCommand();
				CHILD_REQUIRE(rows.size() == 10);
				CHILD_REQUIRE(rows[7] == 70);
				/* An aborted insert is seen by nobody. */
				StartTransactionCommand();
				rel = table_open(kTable, RowExclusiveLock);
				Insert(rel, 99, 99);
				table_close(rel, NoLock);
				AbortCurrentTransaction();
				StartTransactionCommand();
				rel = table_open(kTable, AccessShareLock);
				rows = Contents(rel, GetTransactionSnapshot());
				table_close(rel, NoLock);
				CommitTransactionCommand();
				CHILD_REQUIRE(rows.count(99) == 0);
				CHILD_REQUIRE(rows.size() == 10);
				return 0;
			}) == 0);
}

TEST_CASE("Updates and deletes leave chains that snapshots follow", "[heap]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	CreateTable();
	REQUIRE(RunInBackend([] {
				StartTransactionCommand();
				Relation rel = table_open(kTable, RowExclusiveLock);
				HeapTuple t = MakeTuple(1, 100);
				heap_insert(rel, t, GetCurrentCommandId(true), 0, nullptr);
				ItemPointerData first = t->t_self;
				heap_freetuple(t);
				CommitTransactionCommand();

				/* A snapshot from before the update keeps seeing the old value. */
				StartTransactionCommand();
				Snapshot old = RegisterSnapshot(GetTransactionSnapshot());
				HeapTuple v2 = MakeTuple(1, 200);
				TM_FailureData tmfd;
				CHILD_REQUIRE(
					heap_update(rel, &first, v2, GetCurrentCommandId(true), true, &tmfd) == TM_Ok);
				ItemPointerData second = v2->t_self;
				heap_freetuple(v2);
				CHILD_REQUIRE(Contents(rel, old)[1] == 100);
				CommandCounterIncrement();
				CHILD_REQUIRE(Contents(rel, GetTransactionSnapshot())[1] == 200);
				UnregisterSnapshot(old);
				CommitTransactionCommand();

				StartTransactionCommand();
				ItemPointerData latest = first;
				heap_get_latest_tid(rel, GetTransactionSnapshot(), &latest);
				CHILD_REQUIRE(ItemPointerEquals(&latest, &second));
				/* Deleting the old version reports the update that replaced it. */
				CHILD_REQUIRE(heap_delete(rel, &first, GetCurrentCommandId(true), true, &tmfd) ==
							  TM_Updated);
				CHILD_REQUIRE(ItemPointerEquals(&tmfd.ctid, &second));
				CHILD_REQUIRE(heap_delete(rel, &second, GetCurrentCommandId(true), true, &tmfd) ==
							  TM_Ok);
				CommandCounterIncrement();
				bool gone = Contents(rel, GetTransactionSnapshot()).empty();
				table_close(rel, NoLock);
				CommitTransactionCommand();
				CHILD_REQUIRE(gone);
				return 0;
			}) == 0);
}

TEST_CASE("Processes inserting at once across many pages lose nothing", "[heap]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(32); /* fewer buffers than pages: evictions */
	CreateTable();
	constexpr int kProcs = 3;
	constexpr int kRows = 1500;
	std::vector<std::unique_ptr<ChildProcess>> procs;
	for (int p = 0; p < kProcs; p++)
		procs.push_back(std::make_unique<ChildProcess>([p] {
			InitProcess();
			for (int i = 0; i < kRows; i++)
			{
				StartTransactionCommand();
				Relation rel = table_open(kTable, RowExclusiveLock);
				Insert(rel, p * kRows + i, p);
				table_close(rel, NoLock);
				CommitTransactionCommand();
			}
			return 0;
		}));
	for (auto &p : procs)
		REQUIRE(p->Wait() == 0);
	REQUIRE(RunInBackend([] {
				StartTransactionCommand();
				Relation rel = table_open(kTable, AccessShareLock);
				auto rows = Contents(rel, GetTransactionSnapshot());
				table_close(rel, NoLock);
				CommitTransactionCommand();
				CHILD_REQUIRE(rows.size() == static_cast<size_t>(kProcs * kRows));
				for (const auto &[key, value] : rows)
					CHILD_REQUIRE(value == key / kRows);
				return 0;
			}) == 0);
}

TEST_CASE("Concurrent increments of one row under READ COMMITTED lose no update", "[heap]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	CreateTable();
	REQUIRE(RunInBackend([] {
				StartTransactionCommand();
				Relation rel = table_open(kTable, RowExclusiveLock);
				Insert(rel, 1, 0);
				table_close(rel, NoLock);
				CommitTransactionCommand();
				return 0;
			}) == 0);
	constexpr int kProcs = 4;
	constexpr int kIncrements = 150;
	std::vector<std::unique_ptr<ChildProcess>> procs;
	for (int p = 0; p < kProcs; p++)
		procs.push_back(std::make_unique<ChildProcess>([] {
			InitProcess();
			for (int i = 0; i < kIncrements; i++)
			{
				StartTransactionCommand();
				Relation rel = table_open(kTable, RowExclusiveLock);
				/* UPDATE t SET value = value + 1 WHERE key = 1, as READ
				 * COMMITTED runs it: find the row with the statement's
				 * snapshot; if someone updated it meanwhile, wait for
				 * them, then redo the change on the newest version. */
				Snapshot snapshot = GetTransactionSnapshot();
				HeapScanDesc scan = heap_beginscan(rel, snapshot);
				HeapTuple t = heap_getnext(scan, ForwardScanDirection);
				CHILD_REQUIRE(t != nullptr);
				ItemPointerData tid = t->t_self;
				int64 value = RowOf(t).value;
				heap_endscan(scan);
				for (;;)
				{
					HeapTuple newtup = MakeTuple(1, value + 1);
					TM_FailureData tmfd;
					TM_Result result = heap_update(rel, &tid, newtup, GetCurrentCommandId(true),
												   true, &tmfd);
					heap_freetuple(newtup);
					if (result == TM_Ok)
						break;
					CHILD_REQUIRE(result == TM_Updated);
					Snapshot latest = GetLatestSnapshot();
					tid = tmfd.ctid;
					heap_get_latest_tid(rel, latest, &tid);
					HeapTupleData again;
					again.t_self = tid;
					Buffer buf;
					CHILD_REQUIRE(heap_fetch(rel, latest, &again, &buf));
					value = RowOf(&again).value;
					ReleaseBuffer(buf);
				}
				table_close(rel, NoLock);
				CommitTransactionCommand();
			}
			return 0;
		}));
	for (auto &p : procs)
		REQUIRE(p->Wait() == 0);
	REQUIRE(RunInBackend([] {
				StartTransactionCommand();
				Relation rel = table_open(kTable, AccessShareLock);
				auto rows = Contents(rel, GetTransactionSnapshot());
				table_close(rel, NoLock);
				CommitTransactionCommand();
				CHILD_REQUIRE(rows.size() == 1);
				CHILD_REQUIRE(rows[1] == kProcs * kIncrements);
				return 0;
			}) == 0);
}

namespace {

/* The meeting point of the test below, for its hook (a plain function). */
Meet *g_race_meet = nullptr;

/* Between the judgement of the row and the look at its holders: let the
 * updater commit, once. */
void LetUpdaterCommit()
{
	heap_being_modified_test_hook = nullptr;
	SetStep(&g_race_meet->step, 2);
	WaitStep(&g_race_meet->step, 3);
}

}  // namespace

TEST_CASE("An updater committing just after the row was judged is waited out: update, delete "
		  "and lock report the update",
		  "[heap]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	CreateTable();
	REQUIRE(RunInBackend([] {
				StartTransactionCommand();
				Relation rel = table_open(kTable, RowExclusiveLock);
				for (int64 key = 1; key <= 3; key++)
					Insert(rel, key, 0);
				table_close(rel, NoLock);
				CommitTransactionCommand();
				return 0;
			}) == 0);
	Meet *m = MakeMeet();
	/* The version of row key the transaction's snapshot sees. */
	auto tid_of = [](Relation rel, int64 key) {
		HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
		ItemPointerData tid;
		ItemPointerSetInvalid(&tid);
		while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
			if (RowOf(t).key == key)
				tid = t->t_self;
		heap_endscan(scan);
		return tid;
	};
	/* Key 1 is updated, 2 deleted, 3 locked, by a second transaction that
	 * meets the first's update running, judges the row being modified —
	 * and then, before it looks at who holds the row, the first commits.
	 * Taking the ended updater for a finished locker would change a
	 * version that is no longer the newest: the first's update lost. */
	for (int64 key = 1; key <= 3; key++)
	{
		m->step = 0;
		ChildProcess updater([m, key, tid_of] {
			InitProcess();
			StartTransactionCommand();
			Relation rel = table_open(kTable, RowExclusiveLock);
			ItemPointerData tid = tid_of(rel, key);
			HeapTuple newtup = MakeTuple(key, 1);
			TM_FailureData tmfd;
			CHILD_REQUIRE(heap_update(rel, &tid, newtup, GetCurrentCommandId(true), true, &tmfd) ==
						  TM_Ok);
			heap_freetuple(newtup);
			table_close(rel, NoLock);
			SetStep(&m->step, 1);
			WaitStep(&m->step, 2);
			CommitTransactionCommand();
			SetStep(&m->step, 3);
			return 0;
		});
		WaitStep(&m->step, 1);
		REQUIRE(RunInBackend([m, key, tid_of] {
					StartTransactionCommand();
					Relation rel = table_open(kTable, RowExclusiveLock);
					ItemPointerData tid = tid_of(rel, key);
					CHILD_REQUIRE(ItemPointerIsValid(&tid));
					g_race_meet = m;
					heap_being_modified_test_hook = LetUpdaterCommit;
					TM_FailureData tmfd;
					TM_Result result;
					if (key == 1)
					{
						HeapTuple newtup = MakeTuple(key, 100);
						result = heap_update(rel, &tid, newtup, GetCurrentCommandId(true), true,
											 &tmfd);
						heap_freetuple(newtup);
					}
					else if (key == 2)
						result = heap_delete(rel, &tid, GetCurrentCommandId(true), true, &tmfd);
					else
					{
						HeapTupleData t;
						t.t_self = tid;
						Buffer buf;
						result = heap_lock_tuple(rel, &t, GetCurrentCommandId(true),
												 LockTupleExclusive, LockWaitBlock, &buf, &tmfd);
						ReleaseBuffer(buf);
					}
					/* The hook ran: the window was met. */
					CHILD_REQUIRE(heap_being_modified_test_hook == nullptr);
					CHILD_REQUIRE(result == TM_Updated);
					CHILD_REQUIRE(!ItemPointerEquals(&tmfd.ctid, &tid));
					table_close(rel, NoLock);
					CommitTransactionCommand();
					return 0;
				}) == 0);
		REQUIRE(updater.Wait() == 0);
	}
	REQUIRE(RunInBackend([] {
				StartTransactionCommand();
				Relation rel = table_open(kTable, AccessShareLock);
				auto rows = Contents(rel, GetTransactionSnapshot());
				table_close(rel, NoLock);
				CommitTransactionCommand();
				CHILD_REQUIRE(rows == (std::map<int64, int64>{{1, 1}, {2, 1}, {3, 1}}));
				return 0;
			}) == 0);
}

TEST_CASE("Replaying the WAL after a crash rebuilds exactly the committed rows", "[heap]")
{
	ScratchDataDir dir;
	XLogRecPtr start = MakeSegmentWithWal(16);
	CreateTable();
	std::map<int64, int64> expected;
	REQUIRE(RunInBackend([] {
				for (int round = 0; round < 40; round++)
				{
					StartTransactionCommand();
					Relation rel = table_open(kTable, RowExclusiveLock);
					for (int i = 0; i < 20; i++)
						Insert(rel, round * 100 + i, round);
					/* One more, taken back out as ON CONFLICT's lost race
					 * does: dead to this transaction's later commands, to
					 * everyone once it ends, and after replay. */
					HeapTuple lost = MakeTuple(round * 100 + 50, round);
					heap_insert(rel, lost, GetCurrentCommandId(true), 0, nullptr);
					heap_abort_speculative(rel, &lost->t_self);
					SnapshotData dirty;
					InitDirtySnapshot(dirty);
					HeapTupleData fetched;
					fetched.t_self = lost->t_self;
					Buffer fetched_buf;
					CHILD_REQUIRE(!heap_fetch(rel, &dirty, &fetched, &fetched_buf));
					heap_freetuple(lost);
					CommandCounterIncrement();
					/* Change some of the rows just inserted, in later commands. */
					Snapshot snapshot = GetTransactionSnapshot();
					HeapScanDesc scan = heap_beginscan(rel, snapshot);
					std::vector<std::pair<ItemPointerData, Row>> mine;
					while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
						if (RowOf(t).key / 100 == round)
							mine.emplace_back(t->t_self, RowOf(t));
					heap_endscan(scan);
					CHILD_REQUIRE(mine.size() == 20);
					for (auto &[tid, row] : mine)
					{
						TM_FailureData tmfd;
						if (row.key % 5 == 0)
							(void) heap_delete(rel, &tid, GetCurrentCommandId(true), true, &tmfd);
						else if (row.key % 3 == 0)
						{
							HeapTuple t = MakeTuple(row.key, row.value + 1000);
							(void) heap_update(rel, &tid, t, GetCurrentCommandId(true), true,
											   &tmfd);
							heap_freetuple(t);
						}
					}
					table_close(rel, NoLock);
					if (round % 4 == 3)
						AbortCurrentTransaction();
					else
						CommitTransactionCommand();
				}
				return 0;
			}) == 0);
	for (int round = 0; round < 40; round++)
	{
		if (round % 4 == 3)
			continue;
		for (int i = 0; i < 20; i++)
		{
			int64 key = round * 100 + i;
			if (key % 5 == 0)
				continue;
			expected[key] = key % 3 == 0 ? round + 1000 : round;
		}
	}
	XLogFlush(GetXLogInsertRecPtr());

	/* The crash: shared memory (buffers, commit log cache) is gone, and so
	 * are the table's file and the commit log on disk. */
	int replayed = CrashAndReplay(start, {"base/5/" + std::to_string(kTable)}, 16).records;
	REQUIRE(replayed > 1000);
	std::map<int64, int64> *want = &expected;
	REQUIRE(RunInBackend([want] {
				StartTransactionCommand();
				Relation rel = table_open(kTable, AccessShareLock);
				auto rows = Contents(rel, GetTransactionSnapshot());
				table_close(rel, NoLock);
				CommitTransactionCommand();
				CHILD_REQUIRE(rows == *want);
				return 0;
			}) == 0);
}

TEST_CASE("A row lock makes updaters and lockers wait, NOWAIT fail, SKIP LOCKED skip", "[heap]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	CreateTable();
	bool found;
	auto *shared = static_cast<volatile int *>(
		ShmemInitStruct("row lock test", 2 * sizeof(int), &found));
	shared[0] = 0;
	shared[1] = 0;
	REQUIRE(RunInBackend([] {
				StartTransactionCommand();
				Relation rel = table_open(kTable, RowExclusiveLock);
				Insert(rel, 1, 10);
				table_close(rel, NoLock);
				CommitTransactionCommand();
				return 0;
			}) == 0);
	auto first_tid = [] {
		Relation rel = table_open(kTable, RowShareLock);
		HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
		HeapTuple t = heap_getnext(scan, ForwardScanDirection);
		ItemPointerData tid = t->t_self;
		heap_endscan(scan);
		table_close(rel, NoLock);
		return tid;
	};
	ChildProcess locker([shared, first_tid] {
		InitProcess();
		StartTransactionCommand();
		Relation rel = table_open(kTable, RowShareLock);
		HeapTupleData t;
		t.t_self = first_tid();
		Buffer buf;
		TM_FailureData tmfd;
		CHILD_REQUIRE(heap_lock_tuple(rel, &t, GetCurrentCommandId(true), LockTupleExclusive,
									  LockWaitBlock, &buf, &tmfd) == TM_Ok);
		ReleaseBuffer(buf);
		__atomic_store_n(&shared[0], 1, __ATOMIC_SEQ_CST);
		while (__atomic_load_n(&shared[0], __ATOMIC_SEQ_CST) < 2)
			usleep(1000);
		/* Our own lock does not stop our own update. */
		HeapTuple newtup = MakeTuple(1, 11);
		CHILD_REQUIRE(heap_update(rel, &t.t_self, newtup, GetCurrentCommandId(true), true, &tmfd) ==
					  TM_Ok);
		heap_freetuple(newtup);
		table_close(rel, NoLock);
		usleep(100 * 1000);
		CommitTransactionCommand();
		return 0;
	});
	while (__atomic_load_n(&shared[0], __ATOMIC_SEQ_CST) < 1)
		usleep(1000);
	REQUIRE(RunInBackend([shared, first_tid] {
				StartTransactionCommand();
				Relation rel = table_open(kTable, RowShareLock);
				/* Readers do not care. */
				auto rows = Contents(rel, GetTransactionSnapshot());
				CHILD_REQUIRE(rows.size() == 1);
				CHILD_REQUIRE(rows[1] == 10);
				HeapTupleData t;
				t.t_self = first_tid();
				Buffer buf;
				TM_FailureData tmfd;
				CHILD_REQUIRE(heap_lock_tuple(rel, &t, GetCurrentCommandId(true), LockTupleShare,
											  LockWaitSkip, &buf, &tmfd) == TM_WouldBlock);
				ReleaseBuffer(buf);
				int code = 0;
				try
				{
					(void) heap_lock_tuple(rel, &t, GetCurrentCommandId(true), LockTupleExclusive,
										   LockWaitError, &buf, &tmfd);
				}
				catch (const PgError &e)
				{
					code = e.data().sqlerrcode;
				}
				CHILD_REQUIRE(code == ERRCODE_LOCK_NOT_AVAILABLE);
				AbortCurrentTransaction();

				/* A waiting locker gets the row once the holder commits — as the
		 * update that replaced it. */
				StartTransactionCommand();
				rel = table_open(kTable, RowShareLock);
				__atomic_store_n(&shared[0], 2, __ATOMIC_SEQ_CST);
				t.t_self = first_tid();
				TM_Result r = heap_lock_tuple(rel, &t, GetCurrentCommandId(true),
											  LockTupleExclusive, LockWaitBlock, &buf, &tmfd);
				ReleaseBuffer(buf);
				table_close(rel, NoLock);
				CommitTransactionCommand();
				CHILD_REQUIRE(r == TM_Updated);
				return 0;
			}) == 0);
	REQUIRE(locker.Wait() == 0);
}
