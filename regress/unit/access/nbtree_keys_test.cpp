/*
 * nbtree_keys_test.cpp — B-tree keys as SQL indexes have them: several
 * columns, NULLs (last by default, first when asked), descending columns,
 * scan keys on any subset of the columns (equalities and ranges on a
 * prefix position the scan, the others filter), cross-type keys (an int4
 * column searched with int8 arguments), IS NULL / IS NOT NULL, and
 * backward scans, each checked against the same question answered by
 * brute force over the rows, in the index's order.
 */
#include "unit_test.h"

#include <algorithm>
#include <optional>
#include <random>
#include <vector>

#include "access/heapam.h"
#include "access/nbtree.h"
#include "access/relation.h"
#include "access/table.h"
#include "access/xact.h"
#include "btree_test_util.h"
#include "catalog/storage.h"
#include "miscadmin.h"
#include "storage/shmem_fixture.h"
#include "utils/error/error.h"
#include "utils/fmgroids.h"
#include "utils/snapmgr.h"

using tusk::error::PgError;
using tusk::test::MakeBTIndexInfo;
using tusk::test::MakeSegmentWithWal;
using tusk::test::RunInBackend;
using tusk::test::ScratchDataDir;

namespace {

constexpr Oid kHeap = 16700;
constexpr Oid kIndex = 16701;

/* A row: two nullable int4 columns, stored raw in the heap. */
struct Row
{
	std::optional<int32> a;
	std::optional<int32> b;
	bool operator==(const Row &) const = default;
};

struct RawRow
{
	int32 a;
	int32 b;
	bool anull;
	bool bnull;
};

Row RowOf(HeapTuple t)
{
	uint32 len;
	RawRow raw;
	memcpy(&raw, heap_tuple_data(t, &len), sizeof raw);
	Row r;
	if (!raw.anull)
		r.a = raw.a;
	if (!raw.bnull)
		r.b = raw.b;
	return r;
}

void Insert(Relation heap, Relation index, const BTIndexInfo &info, const Row &r)
{
	RawRow raw{r.a.value_or(0), r.b.value_or(0), !r.a, !r.b};
	HeapTuple t = heap_form_raw_tuple(&raw, sizeof raw, 2);
	heap_insert(heap, t, GetCurrentCommandId(true), 0, nullptr);
	Datum values[2] = {Int32GetDatum(raw.a), Int32GetDatum(raw.b)};
	bool isnull[2] = {raw.anull, raw.bnull};
	btinsert(index, &info, values, isnull, &t->t_self, heap,
			 info.unique ? UNIQUE_CHECK_YES : UNIQUE_CHECK_NO, nullptr);
	heap_freetuple(t);
}

/* One column's order as the index has it: <0, 0, >0. */
int ColumnOrder(const std::optional<int32> &x, const std::optional<int32> &y, int16 option)
{
	bool nulls_first = (option & INDOPTION_NULLS_FIRST) != 0;
	if (!x || !y)
	{
		if (!x && !y)
			return 0;
		return !x ? (nulls_first ? -1 : 1) : (nulls_first ? 1 : -1);
	}
	int c = *x < *y ? -1 : (*x > *y ? 1 : 0);
	return (option & INDOPTION_DESC) ? -c : c;
}

/* A condition on a column, as a test states it. */
struct Cond
{
	int attno;
	int strategy;  /* BT*StrategyNumber, or 0 with null_test */
	int64 arg;	   /* compared as int8: exercises the cross-type functions */
	int null_test; /* 0, SK_SEARCHNULL or SK_SEARCHNOTNULL */
};

bool Holds(const Row &r, const Cond &c)
{
	const std::optional<int32> &v = c.attno == 1 ? r.a : r.b;
	if (c.null_test == SK_SEARCHNULL)
		return !v;
	if (c.null_test == SK_SEARCHNOTNULL)
		return v.has_value();
	if (!v)
		return false;
	int64 x = *v;
	switch (c.strategy)
	{
		case BTLessStrategyNumber:
			return x < c.arg;
		case BTLessEqualStrategyNumber:
			return x <= c.arg;
		case BTEqualStrategyNumber:
			return x == c.arg;
		case BTGreaterEqualStrategyNumber:
			return x >= c.arg;
		default:
			return x > c.arg;
	}
}

std::vector<Row> Scan(Relation index, Relation heap, const BTIndexInfo &info,
					  const std::vector<Cond> &conds, ScanDirection dir)
{
	std::vector<ScanKeyData> keys(conds.size() + 1);
	for (size_t i = 0; i < conds.size(); i++)
	{
		const Cond &c = conds[i];
		if (c.null_test != 0)
			ScanKeyEntryInitialize(&keys[i], SK_ISNULL | c.null_test,
								   static_cast<AttrNumber>(c.attno), InvalidStrategy, InvalidOid,
								   InvalidOid, InvalidOid, 0);
		else
			/* int4 column, int8 argument: btint48cmp. */
			ScanKeyEntryInitialize(&keys[i], 0, static_cast<AttrNumber>(c.attno),
								   static_cast<StrategyNumber>(c.strategy), INT8OID, InvalidOid,
								   F_BTINT48CMP, Int64GetDatum(c.arg));
	}
	std::vector<Row> out;
	BTScan scan = btbeginscan(index, &info, heap, GetTransactionSnapshot(),
							  static_cast<int>(conds.size()), keys.data(), dir);
	while (HeapTuple t = btgettuple(scan))
		out.push_back(RowOf(t));
	btendscan(scan);
	return out;
}

/* What the scan must return: the rows satisfying every condition, in
 * index order (or reversed); rows with equal keys in any order, so both
 * sides are compared as sorted by (key, then a total order). */
std::vector<Row> Expect(const std::vector<Row> &rows, const std::vector<Cond> &conds)
{
	std::vector<Row> out;
	for (const Row &r : rows)
		if (std::all_of(conds.begin(), conds.end(), [&](const Cond &c) { return Holds(r, c); }))
			out.push_back(r);
	return out;
}

bool InIndexOrder(const std::vector<Row> &rows, const BTIndexInfo &info, ScanDirection dir)
{
	for (size_t i = 1; i < rows.size(); i++)
	{
		const Row &x = dir == ForwardScanDirection ? rows[i - 1] : rows[i];
		const Row &y = dir == ForwardScanDirection ? rows[i] : rows[i - 1];
		int c = ColumnOrder(x.a, y.a, info.indoption[0]);
		if (c == 0)
			c = ColumnOrder(x.b, y.b, info.indoption[1]);
		if (c > 0)
			return false;
	}
	return true;
}

bool SameRows(std::vector<Row> x, std::vector<Row> y)
{
	auto key = [](const Row &r) {
		return std::make_tuple(r.a.has_value(), r.a.value_or(0), r.b.has_value(), r.b.value_or(0));
	};
	auto less = [&](const Row &p, const Row &q) { return key(p) < key(q); };
	std::sort(x.begin(), x.end(), less);
	std::sort(y.begin(), y.end(), less);
	return x == y;
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

/* 100 values of a (and some NULLs) × 40 of b (and some NULLs), shuffled. */
std::vector<Row> MakeRows()
{
	std::vector<Row> rows;
	for (int a = -1; a < 100; a++)
		for (int b = -1; b < 40; b++)
		{
			Row r;
			if (a >= 0)
				r.a = a * 3; /* gaps, for bounds between values */
			if (b >= 0 && (a + b) % 7 != 0)
				r.b = b;
			rows.push_back(r);
		}
	std::mt19937 rng(11);
	std::shuffle(rows.begin(), rows.end(), rng);
	return rows;
}

/* Every query, both directions: same rows as brute force, in order. */
void CheckQueries(Relation index, Relation heap, const BTIndexInfo &info,
				  const std::vector<Row> &rows)
{
	const std::vector<std::vector<Cond>> queries = {
		{},
		{{1, BTEqualStrategyNumber, 21, 0}},
		{{1, BTEqualStrategyNumber, 22, 0}}, /* between values: nothing */
		{{1, BTEqualStrategyNumber, 21, 0},
		 {2, BTGreaterEqualStrategyNumber, 10, 0},
		 {2, BTLessStrategyNumber, 20, 0}},
		{{1, BTGreaterStrategyNumber, 250, 0}},
		{{1, BTGreaterEqualStrategyNumber, 250, 0}, {1, BTLessEqualStrategyNumber, 270, 0}},
		{{1, BTLessStrategyNumber, 10, 0}},
		{{2, BTEqualStrategyNumber, 5, 0}},				 /* not the leading column */
		{{1, BTGreaterStrategyNumber, 3000000000LL, 0}}, /* beyond int4: cross-type */
		{{1, BTLessStrategyNumber, -3000000000LL, 0}},
		{{1, 0, 0, SK_SEARCHNULL}},
		{{1, 0, 0, SK_SEARCHNULL}, {2, BTLessStrategyNumber, 3, 0}},
		{{1, 0, 0, SK_SEARCHNOTNULL}, {2, 0, 0, SK_SEARCHNULL}},
		{{1, BTEqualStrategyNumber, 30, 0}, {2, 0, 0, SK_SEARCHNULL}},
		{{1, BTEqualStrategyNumber, 30, 0}, {2, 0, 0, SK_SEARCHNOTNULL}},
	};
	for (ScanDirection dir : {ForwardScanDirection, BackwardScanDirection})
		for (const auto &q : queries)
		{
			std::vector<Row> got = Scan(index, heap, info, q, dir);
			std::vector<Row> want = Expect(rows, q);
			CHILD_REQUIRE(got.size() == want.size());
			CHILD_REQUIRE(SameRows(got, want));
			CHILD_REQUIRE(InIndexOrder(got, info, dir));
		}
}

void RunCase(int16 option_a, int16 option_b)
{
	ScratchDataDir dir;
	MakeSegmentWithWal(256);
	CreateRelations();
	REQUIRE(RunInBackend([option_a, option_b] {
				BTIndexInfo info = MakeBTIndexInfo("t_a_b_idx", false,
												   {{"a", INT4OID, option_a},
													{"b", INT4OID, option_b}});
				std::vector<Row> rows = MakeRows();
				StartTransactionCommand();
				Relation heap = table_open(kHeap, RowExclusiveLock);
				Relation index = relation_open(kIndex, RowExclusiveLock);
				for (const Row &r : rows)
					Insert(heap, index, info, r);
				CommandCounterIncrement();
				CHILD_REQUIRE(bt_tree_level(index) >= 1);
				CheckQueries(index, heap, info, rows);
				relation_close(index, NoLock);
				table_close(heap, NoLock);
				CommitTransactionCommand();
				return 0;
			}) == 0);
}

}  // namespace

TEST_CASE("Two-column keys with NULLs last: every kind of scan key, both directions",
		  "[nbtree][nbtree-keys]")
{
	RunCase(0, 0);
}

TEST_CASE("A descending first column with NULLs first, an ascending second with NULLs first",
		  "[nbtree][nbtree-keys]")
{
	RunCase(INDOPTION_DESC | INDOPTION_NULLS_FIRST, INDOPTION_NULLS_FIRST);
}

TEST_CASE("An ascending first column with NULLs first, a descending second with NULLs last",
		  "[nbtree][nbtree-keys]")
{
	RunCase(INDOPTION_NULLS_FIRST, INDOPTION_DESC);
}

TEST_CASE("A key with a NULL argument matches nothing", "[nbtree][nbtree-keys]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(256);
	CreateRelations();
	REQUIRE(RunInBackend([] {
				BTIndexInfo info = MakeBTIndexInfo("t_a_b_idx", false,
												   {{"a", INT4OID}, {"b", INT4OID}});
				StartTransactionCommand();
				Relation heap = table_open(kHeap, RowExclusiveLock);
				Relation index = relation_open(kIndex, RowExclusiveLock);
				Insert(heap, index, info, Row{std::nullopt, std::nullopt});
				Insert(heap, index, info, Row{1, 2});
				CommandCounterIncrement();
				ScanKeyData key;
				ScanKeyEntryInitialize(&key, SK_ISNULL, 1, BTEqualStrategyNumber, InvalidOid,
									   InvalidOid, F_BTINT4CMP, 0);
				BTScan scan = btbeginscan(index, &info, heap, GetTransactionSnapshot(), 1, &key,
										  ForwardScanDirection);
				CHILD_REQUIRE(btgettuple(scan) == nullptr);
				btendscan(scan);
				relation_close(index, NoLock);
				table_close(heap, NoLock);
				CommitTransactionCommand();
				return 0;
			}) == 0);
}

TEST_CASE("A unique index names every key column and NULL values in its error",
		  "[nbtree][nbtree-keys]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(256);
	CreateRelations();
	REQUIRE(
		RunInBackend([] {
			BTIndexInfo info = MakeBTIndexInfo("t_a_b_key", true, {{"a", INT4OID}, {"b", INT4OID}});
			StartTransactionCommand();
			Relation heap = table_open(kHeap, RowExclusiveLock);
			Relation index = relation_open(kIndex, RowExclusiveLock);
			Insert(heap, index, info, Row{1, 2});
			/* NULLs never conflict. */
			Insert(heap, index, info, Row{1, std::nullopt});
			Insert(heap, index, info, Row{1, std::nullopt});
			Insert(heap, index, info, Row{1, 3});
			std::string message;
			std::string detail;
			try
			{
				Insert(heap, index, info, Row{1, 2});
			}
			catch (const PgError &e)
			{
				message = e.data().message;
				detail = e.data().detail;
			}
			CHILD_REQUIRE(message ==
						  "duplicate key value violates unique constraint \"t_a_b_key\"");
			CHILD_REQUIRE(detail == "Key (a, b)=(1, 2) already exists.");
			Datum values[2] = {Int32GetDatum(5), 0};
			bool isnull[2] = {false, true};
			CHILD_REQUIRE(std::string(bt_key_description(&info, values, isnull)) ==
						  "(a, b)=(5, null)");
			AbortCurrentTransaction();
			return 0;
		}) == 0);
}
