/*
 * missing_attr_test.cpp — rows written before ALTER TABLE ADD COLUMN are
 * shorter than the table's descriptor: every way of reading them (whole
 * row, one column, a slot, the null test) gives the added column its
 * missing value (pg_attribute.attmissingval) where it has one, NULL
 * otherwise, and the values the row does hold unchanged.
 */
#include "unit_test.h"

#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "catalog/pg_type_d.h"
#include "executor/tuptable.h"
#include "utils/memutils.h"

namespace {

/* n int4 columns, described by hand (no catalogs here). */
TupleDesc IntColumns(int n)
{
	TupleDesc desc = CreateTemplateTupleDesc(n);
	for (int i = 0; i < n; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		att->atttypid = INT4OID;
		att->attlen = 4;
		att->attbyval = true;
		att->attalign = 'i';
		att->attstorage = 'p';
		att->attnum = static_cast<AttrNumber>(i + 1);
		att->attcacheoff = -1;
	}
	return desc;
}

struct ScratchContext
{
	MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "missing attr test",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	~ScratchContext()
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(cxt);
	}
};

/* A row (7, NULL) written under two columns, and the descriptor after
 * two more were added: the third with missing value 42, the fourth
 * without one. */
struct OldRow
{
	HeapTuple tuple;
	TupleDesc desc;
	OldRow()
	{
		Datum values[2] = {Int32GetDatum(7), 0};
		bool isnull[2] = {false, true};
		tuple = heap_form_tuple(IntColumns(2), values, isnull);
		desc = IntColumns(4);
		desc->constr = static_cast<TupleConstr *>(palloc0(sizeof(TupleConstr)));
		desc->constr->missing = static_cast<AttrMissing *>(palloc0(4 * sizeof(AttrMissing)));
		desc->constr->missing[2] = {true, Int32GetDatum(42)};
	}
};

}  // namespace

TEST_CASE("a row shorter than its descriptor deforms with the missing values", "[access]")
{
	ScratchContext scratch;
	OldRow row;
	Datum values[4];
	bool isnull[4];
	heap_deform_tuple(row.tuple, row.desc, values, isnull);
	CHECK_FALSE(isnull[0]);
	CHECK(DatumGetInt32(values[0]) == 7);
	CHECK(isnull[1]);
	CHECK_FALSE(isnull[2]);
	CHECK(DatumGetInt32(values[2]) == 42);
	CHECK(isnull[3]);
}

TEST_CASE("one column of a short row reads its missing value, or NULL", "[access]")
{
	ScratchContext scratch;
	OldRow row;
	bool isnull;
	CHECK(DatumGetInt32(heap_getattr(row.tuple, 3, row.desc, &isnull)) == 42);
	CHECK_FALSE(isnull);
	(void) heap_getattr(row.tuple, 4, row.desc, &isnull);
	CHECK(isnull);
	CHECK_FALSE(heap_attisnull(row.tuple, 3, row.desc));
	CHECK(heap_attisnull(row.tuple, 4, row.desc));
	CHECK(heap_attisnull(row.tuple, 2, row.desc));
	/* Without a descriptor there is no missing value to know of. */
	CHECK(heap_attisnull(row.tuple, 3, nullptr));
}

TEST_CASE("a slot holding a short row gives the missing values", "[access]")
{
	ScratchContext scratch;
	OldRow row;
	TupleTableSlot *slot = MakeTupleTableSlot(row.desc);
	ExecStoreHeapTuple(row.tuple, slot, false);
	bool isnull;
	CHECK(DatumGetInt32(slot_getattr(slot, 1, &isnull)) == 7);
	CHECK(DatumGetInt32(slot_getattr(slot, 3, &isnull)) == 42);
	CHECK_FALSE(isnull);
	(void) slot_getattr(slot, 4, &isnull);
	CHECK(isnull);
	ExecClearTuple(slot);
}

TEST_CASE("a descriptor's copy keeps its missing values", "[access]")
{
	ScratchContext scratch;
	OldRow row;
	TupleDesc copy = CreateTupleDescCopyConstr(row.desc);
	bool isnull;
	CHECK(DatumGetInt32(getmissingattr(copy, 3, &isnull)) == 42);
	CHECK_FALSE(isnull);
	(void) getmissingattr(copy, 4, &isnull);
	CHECK(isnull);
	FreeTupleDesc(copy);
}
