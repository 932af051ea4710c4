/*
 * nbtree_test.cpp — B-tree indexes: many keys in random order make a tree
 * of several levels whose scans come out sorted and complete; range and
 * equality scans with duplicates; scans return only rows the snapshot
 * sees; unique indexes refuse a live duplicate with PostgreSQL's error,
 * allow one whose row was deleted or aborted, and make a concurrent
 * inserter of the same key wait for the first; processes inserting at
 * once lose nothing; scans running during inserts and splits stay sorted
 * and never see an entry twice; replay rebuilds the index after a crash.
 */
#include "unit_test.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "access/clog.h"
#include "access/heapam.h"
#include "access/nbtree.h"
#include "btree_test_util.h"
#include "access/relation.h"
#include "access/rmgr.h"
#include "access/table.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "access/xlogreader.h"
#include "access/xlogutils.h"
#include "catalog/storage.h"
#include "miscadmin.h"
#include "storage/buffer/buf_internals.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "storage/shmem_fixture.h"
#include "utils/error/error.h"
#include "utils/errcodes.h"
#include "utils/snapmgr.h"

using tusk::error::PgError;
using tusk::test::BeginRange;
using tusk::test::InsertKey;
using tusk::test::MakeBTIndexInfo;
using tusk::test::ChildProcess;
using tusk::test::CrashAndReplay;
using tusk::test::kTestSystemIdentifier;
using tusk::test::RunInBackend;
using tusk::test::SetStep;
using tusk::test::WaitStep;
using tusk::test::MakeSegmentWithWal;
using tusk::test::ScratchDataDir;

namespace {

/* No content lock and no pin held by this process (what an error must
 * leave behind once the guards have unwound). */
bool HoldsNoBuffer()
{
	if (LWLockAnyHeldByMe())
		return false;
	for (Buffer b = 1; b <= NBuffers; b++)
		if (tusk::buffer::PrivateRefCount(b) != 0)
			return false;
	return true;
}

constexpr Oid kHeap = 16600;
constexpr Oid kIndex = 16601;

BTIndexInfo Int8Index(bool unique)
{
	return MakeBTIndexInfo("t_pkey", unique, {{"id", INT8OID}});
}

BTIndexInfo TextIndex()
{
	return MakeBTIndexInfo("t_name_idx", false, {{"name", TEXTOID}});
}

void CreateRelations()
{
	MyDatabaseId = 5;
	REQUIRE(RunInBackend([] {
				RelationCreateStorage(RelFileNode{DEFAULTTABLESPACE_OID, 5, kHeap});
				RelationCreateStorage(RelFileNode{DEFAULTTABLESPACE_OID, 5, kIndex});
				Relation index = relation_open(kIndex, NoLock);
				btbuildempty(index);
				relation_close(index, NoLock);
				return 0;
			}) == 0);
}

/* A row holding key bytes; indexed under them. */
void InsertIndexed(Relation heap, Relation index, const BTIndexInfo &info, const std::string &key)
{
	HeapTuple t = heap_form_raw_tuple(key.data(), static_cast<uint32>(key.size()), 1);
	heap_insert(heap, t, GetCurrentCommandId(true), 0, nullptr);
	InsertKey(index, &info, key.data(), static_cast<uint16>(key.size()), &t->t_self, heap);
	heap_freetuple(t);
}

std::string Int8Key(int64 v)
{
	return std::string(reinterpret_cast<const char *>(&v), sizeof v);
}

/* A row with key v and its entry, inserted as ON CONFLICT does; false
 * (the row left as inserted) if the index has the key. */
bool SpeculativeInsert(Relation heap, Relation index, const BTIndexInfo &info, int64 v,
					   FullTransactionId *xwait)
{
	std::string key = Int8Key(v);
	HeapTuple t = heap_form_raw_tuple(key.data(), static_cast<uint32>(key.size()), 1);
	heap_insert(heap, t, GetCurrentCommandId(true), 0, nullptr);
	Datum value = Int64GetDatum(v);
	bool isnull = false;
	bool inserted = btinsert(index, &info, &value, &isnull, &t->t_self, heap,
							 UNIQUE_CHECK_SPECULATIVE, xwait);
	heap_freetuple(t);
	return inserted;
}

int64 Int8Of(HeapTuple t)
{
	uint32 len;
	const char *data = heap_tuple_data(t, &len);
	int64 v;
	memcpy(&v, data, sizeof v);
	return v;
}

std::vector<int64> ScanInt8(Relation index, Relation heap, const BTIndexInfo &info, int64 *lo,
							bool lo_incl, int64 *hi, bool hi_incl)
{
	std::vector<int64> out;
	BTScan scan = BeginRange(index, &info, heap, GetTransactionSnapshot(),
							 reinterpret_cast<const char *>(lo), lo ? 8 : -1, lo_incl,
							 reinterpret_cast<const char *>(hi), hi ? 8 : -1, hi_incl);
	while (HeapTuple t = btgettuple(scan))
		out.push_back(Int8Of(t));
	btendscan(scan);
	return out;
}

struct Meet
{
	volatile int step;
	volatile int result;
};

Meet *MakeMeet()
{
	bool found;
	auto *m = static_cast<Meet *>(ShmemInitStruct("nbtree test", sizeof(Meet), &found));
	m->step = 0;
	m->result = 0;
	return m;
}

}  // namespace

TEST_CASE("Many keys in random order make a sorted, complete, multi-level tree", "[nbtree]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(256);
	CreateRelations();
	REQUIRE(RunInBackend([] {
				BTIndexInfo info = Int8Index(false);
				std::vector<int64> keys;
				for (int64 k = 0; k < 20000; k++)
					keys.push_back(k);
				std::mt19937 rng(7);
				std::shuffle(keys.begin(), keys.end(), rng);
				StartTransactionCommand();
				Relation heap = table_open(kHeap, RowExclusiveLock);
				Relation index = relation_open(kIndex, RowExclusiveLock);
				for (int64 k : keys)
					InsertIndexed(heap, index, info, Int8Key(k));
				CommandCounterIncrement();
				CHILD_REQUIRE(bt_tree_level(index) >= 1);
				std::vector<int64> all = ScanInt8(index, heap, info, nullptr, true, nullptr, true);
				CHILD_REQUIRE(all.size() == 20000);
				CHILD_REQUIRE(std::is_sorted(all.begin(), all.end()));
				CHILD_REQUIRE(all.front() == 0);
				CHILD_REQUIRE(all.back() == 19999);
				int64 lo = 100;
				int64 hi = 200;
				auto range = ScanInt8(index, heap, info, &lo, true, &hi, false);
				CHILD_REQUIRE(range.size() == 100);
				CHILD_REQUIRE(range.front() == 100);
				CHILD_REQUIRE(range.back() == 199);
				range = ScanInt8(index, heap, info, &lo, false, &hi, true);
				CHILD_REQUIRE(range.size() == 100);
				CHILD_REQUIRE(range.front() == 101);
				CHILD_REQUIRE(range.back() == 200);
				int64 eq = 12345;
				range = ScanInt8(index, heap, info, &eq, true, &eq, true);
				CHILD_REQUIRE(range == std::vector<int64>{12345});
				relation_close(index, NoLock);
				table_close(heap, NoLock);
				CommitTransactionCommand();
				return 0;
			}) == 0);
}

TEST_CASE("Text keys with many duplicates are all found, and only visible rows", "[nbtree]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(256);
	CreateRelations();
	REQUIRE(RunInBackend([] {
				BTIndexInfo info = TextIndex();
				StartTransactionCommand();
				Relation heap = table_open(kHeap, RowExclusiveLock);
				Relation index = relation_open(kIndex, RowExclusiveLock);
				const std::vector<std::string> names = {"apple", "banana", "cherry", "date"};
				for (int i = 0; i < 3000; i++)
					InsertIndexed(heap, index, info, names[static_cast<size_t>(i) % names.size()]);
				CommitTransactionCommand();

				/* Delete every banana row inserted at an even position in the heap. */
				StartTransactionCommand();
				std::string banana = "banana";
				BTScan scan = BeginRange(index, &info, heap, GetTransactionSnapshot(),
										 banana.data(), static_cast<int>(banana.size()), true,
										 banana.data(), static_cast<int>(banana.size()), true);
				std::vector<ItemPointerData> bananas;
				while (HeapTuple t = btgettuple(scan))
					bananas.push_back(t->t_self);
				btendscan(scan);
				CHILD_REQUIRE(bananas.size() == 750);
				for (size_t i = 0; i < bananas.size(); i += 2)
				{
					TM_FailureData tmfd;
					CHILD_REQUIRE(heap_delete(heap, &bananas[i], GetCurrentCommandId(true), true,
											  &tmfd) == TM_Ok);
				}
				CommitTransactionCommand();

				StartTransactionCommand();
				scan = BeginRange(index, &info, heap, GetTransactionSnapshot(), banana.data(),
								  static_cast<int>(banana.size()), true, banana.data(),
								  static_cast<int>(banana.size()), true);
				size_t seen = 0;
				while (HeapTuple t = btgettuple(scan))
				{
					uint32 len;
					const char *data = heap_tuple_data(t, &len);
					CHILD_REQUIRE(std::string(data, len) == banana);
					seen++;
				}
				btendscan(scan);
				/* "b" < key < "c": the bananas again, through a range. */
				std::string b = "b";
				std::string c = "c";
				scan = BeginRange(index, &info, heap, GetTransactionSnapshot(), b.data(), 1, false,
								  c.data(), 1, false);
				size_t ranged = 0;
				while (btgettuple(scan) != nullptr)
					ranged++;
				btendscan(scan);
				relation_close(index, NoLock);
				table_close(heap, NoLock);
				CommitTransactionCommand();
				CHILD_REQUIRE(seen == 375);
				CHILD_REQUIRE(ranged == 375);
				return 0;
			}) == 0);
}

TEST_CASE("A unique index refuses live duplicates with PostgreSQL's error", "[nbtree]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	CreateRelations();
	Meet *m = MakeMeet();
	REQUIRE(RunInBackend([] {
				BTIndexInfo info = Int8Index(true);
				StartTransactionCommand();
				Relation heap = table_open(kHeap, RowExclusiveLock);
				Relation index = relation_open(kIndex, RowExclusiveLock);
				for (int64 k = 1; k <= 500; k++)
					InsertIndexed(heap, index, info, Int8Key(k));
				CommitTransactionCommand();

				StartTransactionCommand();
				std::string message;
				std::string detail;
				int code = 0;
				try
				{
					InsertIndexed(heap, index, info, Int8Key(42));
				}
				catch (const PgError &e)
				{
					message = e.data().message;
					detail = e.data().detail;
					code = e.data().sqlerrcode;
				}
				CHILD_REQUIRE(code == ERRCODE_UNIQUE_VIOLATION);
				CHILD_REQUIRE(message ==
							  "duplicate key value violates unique constraint \"t_pkey\"");
				CHILD_REQUIRE(detail == "Key (id)=(42) already exists.");
				/* The leaf it checked is unlocked and unpinned already. */
				CHILD_REQUIRE(HoldsNoBuffer());
				AbortCurrentTransaction();

				/* A speculative insertion (ON CONFLICT's) reports the live
				 * duplicate instead, and inserts nothing; a new key goes in. */
				StartTransactionCommand();
				heap = table_open(kHeap, RowExclusiveLock);
				index = relation_open(kIndex, RowExclusiveLock);
				FullTransactionId xwait;
				CHILD_REQUIRE(!SpeculativeInsert(heap, index, info, 42, &xwait));
				CHILD_REQUIRE(!FullTransactionIdIsValid(xwait));
				CHILD_REQUIRE(HoldsNoBuffer());
				CHILD_REQUIRE(SpeculativeInsert(heap, index, info, 600, &xwait));
				CommandCounterIncrement();
				int64 k42 = 42;
				CHILD_REQUIRE(ScanInt8(index, heap, info, &k42, true, &k42, true).size() == 1);
				int64 k600 = 600;
				CHILD_REQUIRE(ScanInt8(index, heap, info, &k600, true, &k600, true).size() == 1);
				AbortCurrentTransaction();

				/* A key whose row was deleted, or whose insert aborted, is free. */
				StartTransactionCommand();
				heap = table_open(kHeap, RowExclusiveLock);
				index = relation_open(kIndex, RowExclusiveLock);
				InsertIndexed(heap, index, info, Int8Key(1000));
				AbortCurrentTransaction();
				StartTransactionCommand();
				heap = table_open(kHeap, RowExclusiveLock);
				index = relation_open(kIndex, RowExclusiveLock);
				InsertIndexed(heap, index, info, Int8Key(1000));
				int64 k7 = 7;
				BTScan scan = BeginRange(index, &info, heap, GetTransactionSnapshot(),
										 reinterpret_cast<const char *>(&k7), 8, true,
										 reinterpret_cast<const char *>(&k7), 8, true);
				HeapTuple t = btgettuple(scan);
				ItemPointerData tid = t->t_self;
				btendscan(scan);
				TM_FailureData tmfd;
				(void) heap_delete(heap, &tid, GetCurrentCommandId(true), true, &tmfd);
				CommitTransactionCommand();
				StartTransactionCommand();
				heap = table_open(kHeap, RowExclusiveLock);
				index = relation_open(kIndex, RowExclusiveLock);
				InsertIndexed(heap, index, info, Int8Key(7));
				CommitTransactionCommand();
				return 0;
			}) == 0);

	/* Two inserters of one key: the second waits for the first, then
	 * fails if it committed. */
	ChildProcess first([m] {
		InitProcess();
		BTIndexInfo info = Int8Index(true);
		StartTransactionCommand();
		Relation heap = table_open(kHeap, RowExclusiveLock);
		Relation index = relation_open(kIndex, RowExclusiveLock);
		InsertIndexed(heap, index, info, Int8Key(5000));
		SetStep(&m->step, 1);
		WaitStep(&m->step, 2);
		usleep(200 * 1000); /* the second is waiting by now */
		CommitTransactionCommand();
		return 0;
	});
	WaitStep(&m->step, 1);
	ChildProcess second([m] {
		InitProcess();
		BTIndexInfo info = Int8Index(true);
		StartTransactionCommand();
		Relation heap = table_open(kHeap, RowExclusiveLock);
		Relation index = relation_open(kIndex, RowExclusiveLock);
		/* Speculatively: the running inserter is reported, not waited for. */
		FullTransactionId xwait;
		CHILD_REQUIRE(!SpeculativeInsert(heap, index, info, 5000, &xwait));
		CHILD_REQUIRE(FullTransactionIdIsValid(xwait));
		CHILD_REQUIRE(!FullTransactionIdEquals(xwait, GetCurrentFullTransactionId()));
		SetStep(&m->step, 2);
		try
		{
			InsertIndexed(heap, index, info, Int8Key(5000));
		}
		catch (const PgError &e)
		{
			m->result = e.data().sqlerrcode == ERRCODE_UNIQUE_VIOLATION ? 1 : 2;
		}
		AbortCurrentTransaction();
		return 0;
	});
	REQUIRE(first.Wait() == 0);
	REQUIRE(second.Wait() == 0);
	REQUIRE(m->result == 1);
}

TEST_CASE("Processes inserting into one index at once lose nothing", "[nbtree]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(128);
	CreateRelations();
	constexpr int kProcs = 3;
	constexpr int kKeys = 3000;
	std::vector<std::unique_ptr<ChildProcess>> procs;
	for (int p = 0; p < kProcs; p++)
		procs.push_back(std::make_unique<ChildProcess>([p] {
			InitProcess();
			BTIndexInfo info = Int8Index(true);
			std::mt19937 rng(static_cast<unsigned>(p));
			std::vector<int64> keys;
			for (int i = 0; i < kKeys; i++)
				keys.push_back(static_cast<int64>(i) * kProcs + p);
			std::shuffle(keys.begin(), keys.end(), rng);
			for (size_t i = 0; i < keys.size(); i += 50)
			{
				StartTransactionCommand();
				Relation heap = table_open(kHeap, RowExclusiveLock);
				Relation index = relation_open(kIndex, RowExclusiveLock);
				for (size_t j = i; j < i + 50 && j < keys.size(); j++)
					InsertIndexed(heap, index, info, Int8Key(keys[j]));
				relation_close(index, NoLock);
				table_close(heap, NoLock);
				CommitTransactionCommand();
			}
			return 0;
		}));
	for (auto &p : procs)
		REQUIRE(p->Wait() == 0);
	REQUIRE(RunInBackend([] {
				BTIndexInfo info = Int8Index(true);
				StartTransactionCommand();
				Relation heap = table_open(kHeap, AccessShareLock);
				Relation index = relation_open(kIndex, AccessShareLock);
				auto all = ScanInt8(index, heap, info, nullptr, true, nullptr, true);
				CommitTransactionCommand();
				CHILD_REQUIRE(all.size() == static_cast<size_t>(kProcs * kKeys));
				for (size_t i = 0; i < all.size(); i++)
					CHILD_REQUIRE(all[i] == static_cast<int64>(i));
				return 0;
			}) == 0);
}

TEST_CASE("Long keys from concurrent processes split internal pages too", "[nbtree]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(256);
	CreateRelations();
	constexpr int kProcs = 3;
	constexpr int kKeys = 2000;
	auto key_of = [](int n) {
		char buf[16];
		snprintf(buf, sizeof buf, "%08d", n);
		return std::string(buf) + std::string(180, 'x');
	};
	std::vector<std::unique_ptr<ChildProcess>> procs;
	for (int p = 0; p < kProcs; p++)
		procs.push_back(std::make_unique<ChildProcess>([p, key_of] {
			InitProcess();
			BTIndexInfo info = TextIndex();
			std::vector<int> keys;
			for (int i = 0; i < kKeys; i++)
				keys.push_back(i * kProcs + p);
			std::mt19937 rng(static_cast<unsigned>(p) + 11);
			std::shuffle(keys.begin(), keys.end(), rng);
			StartTransactionCommand();
			Relation heap = table_open(kHeap, RowExclusiveLock);
			Relation index = relation_open(kIndex, RowExclusiveLock);
			for (int k : keys)
				InsertIndexed(heap, index, info, key_of(k));
			CommitTransactionCommand();
			return 0;
		}));
	for (auto &p : procs)
		REQUIRE(p->Wait() == 0);
	REQUIRE(RunInBackend([key_of] {
				BTIndexInfo info = TextIndex();
				StartTransactionCommand();
				Relation heap = table_open(kHeap, AccessShareLock);
				Relation index = relation_open(kIndex, AccessShareLock);
				CHILD_REQUIRE(bt_tree_level(index) >= 2);
				BTScan scan = BeginRange(index, &info, heap, GetTransactionSnapshot(), nullptr, -1,
										 true, nullptr, -1, true);
				int n = 0;
				while (HeapTuple t = btgettuple(scan))
				{
					uint32 len;
					const char *data = heap_tuple_data(t, &len);
					CHILD_REQUIRE(std::string(data, len) == key_of(n++));
				}
				btendscan(scan);
				CommitTransactionCommand();
				CHILD_REQUIRE(n == kProcs * kKeys);
				return 0;
			}) == 0);
}

TEST_CASE("Scans running while others insert and split see sorted, consistent results", "[nbtree]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(128);
	CreateRelations();
	bool found;
	auto *done = static_cast<volatile int *>(ShmemInitStruct("scan flag", sizeof(int), &found));
	*done = 0;
	constexpr int kKeys = 6000;
	ChildProcess inserter([done] {
		InitProcess();
		BTIndexInfo info = Int8Index(true);
		std::vector<int64> keys;
		for (int64 k = 0; k < kKeys; k++)
			keys.push_back(k);
		std::mt19937 rng(5);
		std::shuffle(keys.begin(), keys.end(), rng);
		for (size_t i = 0; i < keys.size(); i += 20)
		{
			StartTransactionCommand();
			Relation heap = table_open(kHeap, RowExclusiveLock);
			Relation index = relation_open(kIndex, RowExclusiveLock);
			for (size_t j = i; j < i + 20 && j < keys.size(); j++)
				InsertIndexed(heap, index, info, Int8Key(keys[j]));
			relation_close(index, NoLock);
			table_close(heap, NoLock);
			CommitTransactionCommand();
		}
		__atomic_store_n(done, 1, __ATOMIC_SEQ_CST);
		return 0;
	});
	REQUIRE(RunInBackend([done] {
				BTIndexInfo info = Int8Index(true);
				size_t last = 0;
				int scans = 0;
				for (;;)
				{
					bool finished = __atomic_load_n(done, __ATOMIC_SEQ_CST) != 0;
					StartTransactionCommand();
					Relation heap = table_open(kHeap, AccessShareLock);
					Relation index = relation_open(kIndex, AccessShareLock);
					/* Each scan: strictly increasing keys (nothing twice, even
			 * across splits), and never fewer rows than a scan before. */
					auto keys = ScanInt8(index, heap, info, nullptr, true, nullptr, true);
					relation_close(index, NoLock);
					table_close(heap, NoLock);
					CommitTransactionCommand();
					for (size_t i = 1; i < keys.size(); i++)
						CHILD_REQUIRE(keys[i] > keys[i - 1]);
					CHILD_REQUIRE(keys.size() >= last);
					last = keys.size();
					scans++;
					if (finished)
						break;
				}
				CHILD_REQUIRE(last == static_cast<size_t>(kKeys));
				CHILD_REQUIRE(scans > 1);
				return 0;
			}) == 0);
	REQUIRE(inserter.Wait() == 0);
}

TEST_CASE("Replaying the WAL rebuilds the index after a crash", "[nbtree]")
{
	ScratchDataDir dir;
	XLogRecPtr start = MakeSegmentWithWal(32);
	CreateRelations();
	REQUIRE(RunInBackend([] {
				BTIndexInfo info = Int8Index(true);
				std::mt19937 rng(3);
				std::vector<int64> keys;
				for (int64 k = 0; k < 8000; k++)
					keys.push_back(k);
				std::shuffle(keys.begin(), keys.end(), rng);
				StartTransactionCommand();
				Relation heap = table_open(kHeap, RowExclusiveLock);
				Relation index = relation_open(kIndex, RowExclusiveLock);
				for (int64 k : keys)
					InsertIndexed(heap, index, info, Int8Key(k));
				CommitTransactionCommand();
				return 0;
			}) == 0);
	XLogFlush(GetXLogInsertRecPtr());
	(void) CrashAndReplay(start,
						  {"base/5/" + std::to_string(kHeap), "base/5/" + std::to_string(kIndex)},
						  32);
	REQUIRE(RunInBackend([] {
				BTIndexInfo info = Int8Index(true);
				StartTransactionCommand();
				Relation heap = table_open(kHeap, AccessShareLock);
				Relation index = relation_open(kIndex, AccessShareLock);
				auto all = ScanInt8(index, heap, info, nullptr, true, nullptr, true);
				int64 k = 4321;
				auto one = ScanInt8(index, heap, info, &k, true, &k, true);
				CommitTransactionCommand();
				CHILD_REQUIRE(all.size() == 8000);
				CHILD_REQUIRE(std::is_sorted(all.begin(), all.end()));
				CHILD_REQUIRE(one == std::vector<int64>{4321});
				return 0;
			}) == 0);
}

TEST_CASE("A crash in the middle of splitting leaves a tree that keeps working", "[nbtree]")
{
	ScratchDataDir dir;
	XLogRecPtr start = MakeSegmentWithWal(64);
	CreateRelations();
	/* A first transaction that splits leaves and internal pages, then a
	 * crash that keeps only part of its WAL. */
	auto key_of = [](int n) {
		char buf[16];
		snprintf(buf, sizeof buf, "%08d", n);
		return std::string(buf) + std::string(150, 'y');
	};
	REQUIRE(RunInBackend([key_of] {
				BTIndexInfo info = TextIndex();
				StartTransactionCommand();
				Relation heap = table_open(kHeap, RowExclusiveLock);
				Relation index = relation_open(kIndex, RowExclusiveLock);
				std::vector<int> keys;
				for (int i = 0; i < 3000; i++)
					keys.push_back(i);
				std::mt19937 rng(9);
				std::shuffle(keys.begin(), keys.end(), rng);
				for (int k : keys)
					InsertIndexed(heap, index, info, key_of(k * 2));
				CommitTransactionCommand();
				return 0;
			}) == 0);
	XLogFlush(GetXLogInsertRecPtr());
	int splits = 0;
	auto replayed = CrashAndReplay(start,
								   {"base/5/" + std::to_string(kHeap),
									"base/5/" + std::to_string(kIndex)},
								   64, [&splits](XLogReaderState *r) {
									   /* The crash: right after the 40th split. */
									   return XLogRecGetRmid(r) == RM_BTREE_ID &&
										   (XLogRecGetInfo(r) & 0xF0) == 0x30 && ++splits == 40;
								   });
	REQUIRE(splits == 40);
	XLogSetRecoveryInProgress(false);
	XLogStartInsertingAt(kTestSystemIdentifier, replayed.end, replayed.last, InvalidXLogRecPtr);

	/* The unfinished transaction is gone; new inserts split every part
	 * of the tree, including pages made by the last replayed splits. */
	REQUIRE(RunInBackend([key_of] {
				BTIndexInfo info = TextIndex();
				StartTransactionCommand();
				Relation heap = table_open(kHeap, RowExclusiveLock);
				Relation index = relation_open(kIndex, RowExclusiveLock);
				for (int k = 0; k < 3000; k++)
					InsertIndexed(heap, index, info, key_of(k * 2 + 1));
				CommitTransactionCommand();
				StartTransactionCommand();
				heap = table_open(kHeap, AccessShareLock);
				index = relation_open(kIndex, AccessShareLock);
				BTScan scan = BeginRange(index, &info, heap, GetTransactionSnapshot(), nullptr, -1,
										 true, nullptr, -1, true);
				int n = 0;
				while (HeapTuple t = btgettuple(scan))
				{
					uint32 len;
					const char *data = heap_tuple_data(t, &len);
					CHILD_REQUIRE(std::string(data, len) == key_of(n * 2 + 1));
					n++;
				}
				btendscan(scan);
				CommitTransactionCommand();
				CHILD_REQUIRE(n == 3000);
				return 0;
			}) == 0);
}
