/*
 * itup_test.cpp — index tuples in PostgreSQL's layout: the header's size
 * and flag bits, the fixed-size null bitmap only when a value is NULL,
 * values laid out as in heap tuples (aligned, short varlenas), and
 * reading them back one at a time or all at once.
 */
#include "unit_test.h"

#include <string.h>

#include <string>

#include "access/itup.h"
#include "catalog/pg_type_d.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

namespace {

/* (a int4, b text, c int8), described by hand (no catalogs here). */
TupleDesc ThreeColumns()
{
	TupleDesc desc = CreateTemplateTupleDesc(3);
	struct
	{
		Oid type;
		int16 len;
		bool byval;
		char align;
		char storage;
	} cols[] = {{INT4OID, 4, true, 'i', 'p'},
				{TEXTOID, -1, false, 'i', 'x'},
				{INT8OID, 8, true, 'd', 'p'}};
	for (int i = 0; i < 3; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		att->atttypid = cols[i].type;
		att->attlen = cols[i].len;
		att->attbyval = cols[i].byval;
		att->attalign = cols[i].align;
		att->attstorage = cols[i].storage;
		att->attnum = static_cast<AttrNumber>(i + 1);
		att->attcacheoff = -1;
	}
	return desc;
}

struct ScratchContext
{
	MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "itup test",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	~ScratchContext()
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(cxt);
	}
};

std::string TextOf(Datum d)
{
	auto *t = reinterpret_cast<text *>(DatumGetPointer(d));
	return std::string(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

}  // namespace

TEST_CASE("An index tuple without NULLs has no bitmap and its values read back", "[itup]")
{
	ScratchContext scratch;
	TupleDesc desc = ThreeColumns();
	Datum values[3] = {Int32GetDatum(-7), PointerGetDatum(cstring_to_text("hello")),
					   Int64GetDatum(INT64CONST(1) << 40)};
	bool isnull[3] = {false, false, false};
	IndexTuple t = index_form_tuple(desc, values, isnull);
	CHECK(!IndexTupleHasNulls(t));
	CHECK(IndexTupleHasVarwidths(t));
	/* header 8, int4 4, "hello" with a 1-byte header 6, pad to 8, int8 8 */
	CHECK(IndexInfoFindDataOffset(t->t_info) == MAXALIGN(sizeof(IndexTupleData)));
	CHECK(IndexTupleSize(t) == MAXALIGN(8 + 4 + 6 + 6 + 8));
	CHECK(IndexTupleSize(t) % MAXIMUM_ALIGNOF == 0);
	bool n;
	CHECK(DatumGetInt32(index_getattr(t, 1, desc, &n)) == -7);
	CHECK(!n);
	CHECK(TextOf(index_getattr(t, 2, desc, &n)) == "hello");
	CHECK(DatumGetInt64(index_getattr(t, 3, desc, &n)) == INT64CONST(1) << 40);
	Datum out[3];
	bool outnull[3];
	index_deform_tuple(t, desc, out, outnull);
	CHECK(DatumGetInt32(out[0]) == -7);
	CHECK(TextOf(out[1]) == "hello");
	CHECK(DatumGetInt64(out[2]) == INT64CONST(1) << 40);
	IndexTuple copy = CopyIndexTuple(t);
	CHECK(memcmp(copy, t, IndexTupleSize(t)) == 0);
}

TEST_CASE("An index tuple with NULLs carries PostgreSQL's fixed-size bitmap", "[itup]")
{
	ScratchContext scratch;
	TupleDesc desc = ThreeColumns();
	Datum values[3] = {0, PointerGetDatum(cstring_to_text("x")), Int64GetDatum(5)};
	bool isnull[3] = {true, false, false};
	IndexTuple t = index_form_tuple(desc, values, isnull);
	CHECK(IndexTupleHasNulls(t));
	CHECK(IndexInfoFindDataOffset(t->t_info) ==
		  MAXALIGN(sizeof(IndexTupleData) + sizeof(IndexAttributeBitMapData)));
	const auto *bits = reinterpret_cast<const bits8 *>(t) + sizeof(IndexTupleData);
	CHECK(bits[0] == 0x06); /* bit set = not null: columns 2 and 3 */
	bool n;
	(void) index_getattr(t, 1, desc, &n);
	CHECK(n);
	CHECK(TextOf(index_getattr(t, 2, desc, &n)) == "x");
	CHECK(!n);
	CHECK(DatumGetInt64(index_getattr(t, 3, desc, &n)) == 5);
	bool all[3] = {true, true, true};
	IndexTuple empty = index_form_tuple(desc, values, all);
	CHECK(IndexTupleSize(empty) ==
		  MAXALIGN(sizeof(IndexTupleData) + sizeof(IndexAttributeBitMapData)));
}

TEST_CASE("An index tuple too large for t_info's size bits is PostgreSQL's 54000", "[itup]")
{
	ScratchContext scratch;
	TupleDesc desc = ThreeColumns();
	/* Letters that do not repeat: pglz cannot shrink them below the limit. */
	std::string big;
	uint32 x = 2463534242;
	while (big.size() < 9000)
	{
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		big += static_cast<char>('a' + x % 26);
	}
	Datum values[3] = {Int32GetDatum(1), PointerGetDatum(cstring_to_text(big.c_str())),
					   Int64GetDatum(1)};
	bool isnull[3] = {false, false, false};
	CHECK_THROWS_WITH(index_form_tuple(desc, values, isnull),
					  "index row requires 9024 bytes, maximum size is 8191");
}
