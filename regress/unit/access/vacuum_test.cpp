/*
 * vacuum_test.cpp — VACUUM: a table and its index under steady UPDATE stay
 * the same size once VACUUM runs between rounds (space is found again
 * through the free space map), the data and the index stay right, and
 * row versions some snapshot can still see are kept until it is gone.
 */
#include "unit_test.h"

#include <unistd.h>

#include <map>
#include <string>
#include <vector>

#include "access/heapam.h"
#include "access/nbtree.h"
#include "btree_test_util.h"
#include "access/relation.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/storage.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "storage/shmem_fixture.h"
#include "storage/smgr.h"
#include "utils/snapmgr.h"

using tusk::test::BeginRange;
using tusk::test::ChildProcess;
using tusk::test::InsertKey;
using tusk::test::MakeBTIndexInfo;
using tusk::test::RunInBackend;
using tusk::test::SetStep;
using tusk::test::WaitStep;
using tusk::test::MakeSegmentWithWal;
using tusk::test::ScratchDataDir;

namespace {

constexpr Oid kHeap = 16700;
constexpr Oid kIndex = 16701;
constexpr int kRows = 200;

struct Row
{
	int64 key;
	int64 value;
	char pad[40];
};

BTIndexInfo KeyIndex()
{
	return MakeBTIndexInfo("t_pkey", true, {{"key", INT8OID}});
}

BlockNumber Blocks(Oid relid)
{
	return smgrnblocks(smgropen(RelFileNode{DEFAULTTABLESPACE_OID, 5, relid}), MAIN_FORKNUM);
}

void Setup()
{
	MyDatabaseId = 5;
	REQUIRE(RunInBackend([] {
				RelationCreateStorage(RelFileNode{DEFAULTTABLESPACE_OID, 5, kHeap});
				RelationCreateStorage(RelFileNode{DEFAULTTABLESPACE_OID, 5, kIndex});
				Relation index = relation_open(kIndex, NoLock);
				btbuildempty(index);
				relation_close(index, NoLock);
				BTIndexInfo info = KeyIndex();
				StartTransactionCommand();
				Relation heap = table_open(kHeap, RowExclusiveLock);
				index = relation_open(kIndex, RowExclusiveLock);
				for (int64 k = 0; k < kRows; k++)
				{
					Row row{k, 0, {}};
					HeapTuple t = heap_form_raw_tuple(&row, sizeof row, 2);
					heap_insert(heap, t, GetCurrentCommandId(true), 0, nullptr);
					InsertKey(index, &info, reinterpret_cast<const char *>(&k), 8, &t->t_self,
							  heap);
					heap_freetuple(t);
				}
				CommitTransactionCommand();
				return 0;
			}) == 0);
}

/* UPDATE t SET value = value + 1 (every row, one transaction). */
void UpdateAll()
{
	BTIndexInfo info = KeyIndex();
	StartTransactionCommand();
	Relation heap = table_open(kHeap, RowExclusiveLock);
	Relation index = relation_open(kIndex, RowExclusiveLock);
	std::vector<std::pair<ItemPointerData, Row>> rows;
	HeapScanDesc scan = heap_beginscan(heap, GetTransactionSnapshot());
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		uint32 len;
		Row row;
		memcpy(&row, heap_tuple_data(t, &len), sizeof row);
		rows.emplace_back(t->t_self, row);
	}
	heap_endscan(scan);
	for (auto &[tid, row] : rows)
	{
		row.value++;
		HeapTuple t = heap_form_raw_tuple(&row, sizeof row, 2);
		TM_FailureData tmfd;
		CHILD_REQUIRE(heap_update(heap, &tid, t, GetCurrentCommandId(true), true, &tmfd) == TM_Ok);
		/* Not HOT: the new version gets its own index entry. */
		InsertKey(index, &info, reinterpret_cast<const char *>(&row.key), 8, &t->t_self, heap);
		heap_freetuple(t);
	}
	relation_close(index, NoLock);
	table_close(heap, NoLock);
	CommitTransactionCommand();
}

int Vacuum(VacuumStats *stats)
{
	StartTransactionCommand();
	Relation heap = table_open(kHeap, ShareUpdateExclusiveLock);
	Relation index = relation_open(kIndex, ShareUpdateExclusiveLock);
	heap_vacuum_rel(heap, &index, 1, stats);
	relation_close(index, NoLock);
	table_close(heap, NoLock);
	CommitTransactionCommand();
	return 0;
}

/* Every key once, through the index, with this value (in a transaction
 * of its own unless one is open). */
void CheckThroughIndex(int64 value)
{
	BTIndexInfo info = KeyIndex();
	bool own = !IsTransactionState();
	if (own)
		StartTransactionCommand();
	Relation heap = table_open(kHeap, AccessShareLock);
	Relation index = relation_open(kIndex, AccessShareLock);
	BTScan scan = BeginRange(index, &info, heap, GetTransactionSnapshot(), nullptr, -1, true,
							 nullptr, -1, true);
	int64 expect_key = 0;
	int bad = 0;
	while (HeapTuple t = btgettuple(scan))
	{
		uint32 len;
		Row row;
		memcpy(&row, heap_tuple_data(t, &len), sizeof row);
		if (row.key != expect_key++ || row.value != value)
			bad++;
	}
	btendscan(scan);
	relation_close(index, NoLock);
	table_close(heap, NoLock);
	if (own)
		CommitTransactionCommand();
	CHILD_REQUIRE(bad == 0);
	CHILD_REQUIRE(expect_key == kRows);
}

}  // namespace

TEST_CASE("With VACUUM between rounds a table under steady UPDATE stops growing", "[vacuum]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(128);
	Setup();
	std::vector<BlockNumber> heap_sizes;
	std::vector<BlockNumber> index_sizes;
	REQUIRE(RunInBackend([&] {
				for (int round = 1; round <= 30; round++)
				{
					UpdateAll();
					VacuumStats stats;
					Vacuum(&stats);
					if (stats.tuples_removed != static_cast<uint64>(kRows) ||
						stats.index_entries_removed != static_cast<uint64>(kRows) ||
						stats.tuples_remaining != static_cast<uint64>(kRows))
						CHILD_FAIL("round " << round << ": removed " << stats.tuples_removed
											<< ", index " << stats.index_entries_removed
											<< ", remaining " << stats.tuples_remaining);
					CheckThroughIndex(round);
				}
				return 0;
			}) == 0);
	/* Two versions of 200 rows fit in a handful of pages; without VACUUM
	 * 30 rounds would need 30 times the space. */
	BlockNumber heap_blocks = Blocks(kHeap);
	BlockNumber index_blocks = Blocks(kIndex);
	CAPTURE(heap_blocks, index_blocks);
	REQUIRE(heap_blocks <= 6);
	REQUIRE(index_blocks <= 8);
}

TEST_CASE("VACUUM keeps row versions a running snapshot can still see", "[vacuum]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(128);
	Setup();
	bool found;
	auto *step = static_cast<volatile int *>(ShmemInitStruct("vacuum test", sizeof(int), &found));
	*step = 0;
	ChildProcess reader([step] {
		InitProcess();
		DefaultXactIsoLevel = XACT_REPEATABLE_READ;
		StartTransactionCommand();
		(void) GetTransactionSnapshot();
		__atomic_store_n(step, 1, __ATOMIC_SEQ_CST);
		while (__atomic_load_n(step, __ATOMIC_SEQ_CST) < 2)
			usleep(1000);
		/* Still sees the original values. */
		CheckThroughIndex(0);
		CommitTransactionCommand();
		return 0;
	});
	while (__atomic_load_n(step, __ATOMIC_SEQ_CST) < 1)
		usleep(1000);
	REQUIRE(RunInBackend([] {
				UpdateAll();
				VacuumStats stats;
				Vacuum(&stats);
				/* The old versions are dead to us, not to the reader; only
				 * the new ones count as live (pg_class.reltuples). */
				CHILD_REQUIRE(stats.tuples_removed == 0);
				CHILD_REQUIRE(stats.tuples_remaining == 2 * kRows);
				CHILD_REQUIRE(stats.tuples_live == static_cast<uint64>(kRows));
				CHILD_REQUIRE(stats.tuples_recently_dead == static_cast<uint64>(kRows));
				return 0;
			}) == 0);
	__atomic_store_n(step, 2, __ATOMIC_SEQ_CST);
	REQUIRE(reader.Wait() == 0);
	REQUIRE(RunInBackend([] {
				VacuumStats stats;
				Vacuum(&stats);
				CHILD_REQUIRE(stats.tuples_removed == static_cast<uint64>(kRows));
				CHILD_REQUIRE(stats.tuples_live == static_cast<uint64>(kRows));
				CHILD_REQUIRE(stats.tuples_recently_dead == 0);
				CheckThroughIndex(1);
				return 0;
			}) == 0);
}
