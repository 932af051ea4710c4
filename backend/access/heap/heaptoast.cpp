/*
 * heaptoast.cpp — TOAST for heap rows (access/heaptoast.h): deciding
 * which values of a row to compress or move out of line, writing a
 * value's chunks to the TOAST table, and deleting them.
 *
 * Principal entry points: heap_toast_insert_or_update, heap_toast_delete,
 * RelationToastsRows.
 *
 * The decision is PostgreSQL's (heap_toast_insert_or_update), in four
 * rounds, each taking the largest remaining candidate (larger than a
 * TOAST pointer) until the row's data fits TOAST_TUPLE_TARGET less its
 * header:
 *   1. storage x: compress; e: mark incompressible; then, if the value
 *      alone still exceeds the target, move it out of line at once;
 *   2. storage x or e values still inline: move out of line;
 *   3. storage m: compress;
 *   4. storage m: move out of line, but only past a whole page
 *      (TOAST_TUPLE_TARGET_MAIN).
 * Rounds that move values out need the table's TOAST table; without one
 * (a table whose columns cannot grow large), compression is all there is
 * and heap_insert reports a row still too big.
 *
 * Out of line, a value (its compressed form if it was compressed) is cut
 * into TOAST_MAX_CHUNK_SIZE pieces stored as rows (chunk_id, chunk_seq,
 * chunk_data) of the TOAST table under a new OID, each with its entry in
 * the TOAST table's unique index; the main row holds an 18-byte
 * varatt_external pointer.  The chunks are ordinary heap rows, so WAL,
 * crash recovery and MVCC treat them as any row: an UPDATE that keeps a
 * value keeps its pointer (the chunks are shared by both versions), and
 * the chunks of a deleted or replaced value are deleted by the same
 * transaction and removed by VACUUM of the TOAST table.
 */
#include "postgres.h"

#include <memory>
#include <vector>

#include "access/detoast.h"
#include "access/genam.h"
#include "access/heapam.h"
#include "access/heaptoast.h"
#include "access/nbtree.h"
#include "access/relation.h"
#include "access/table.h"
#include "access/toast_compression.h"
#include "access/tupdesc.h"
#include "access/tupmacs.h"
#include "access/xact.h"
#include "catalog/pg_class_d.h"
#include "miscadmin.h"
#include "nodes/pg_list.h"
#include "utils/errcodes.h"
#include "utils/fmgroids.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"

namespace {

/* What round the values are in (PostgreSQL's TOASTCOL_* flags). */
struct ColumnState
{
	bool ignore = false;		 /* NULL, fixed-width, plain, kept or already moved */
	bool incompressible = false; /* compression tried and failed, or storage e */
	Size size = 0;				 /* current size of the value */
};

/* The TOAST table's index (its only one). */
Oid ToastIndexOid(Relation toastrel)
{
	List *indexes = RelationGetIndexList(toastrel);
	if (indexes == NIL)
		elog(ERROR, "no valid index found for toast relation with Oid %u",
			 RelationGetRelid(toastrel));
	return linitial_oid(indexes);
}

/* The TIDs of the chunks of value valueid (any that are not an aborted
 * insert's), in chunk order. */
std::vector<ItemPointerData> ChunkTids(Relation toastrel, Oid indexoid, Oid valueid,
									   Snapshot snapshot)
{
	std::vector<ItemPointerData> tids;
	ScanKeyData key;
	ScanKeyInit(&key, 1, BTEqualStrategyNumber, F_OIDEQ, ObjectIdGetDatum(valueid));
	SysScanDesc scan = systable_beginscan(toastrel, indexoid, true, snapshot, 1, &key);
	while (HeapTuple tup = systable_getnext(scan))
		tids.push_back(tup->t_self);
	systable_endscan(scan);
	return tids;
}

/* A chunk_id no row of the TOAST table has, live or dead (PostgreSQL's
 * GetNewOidWithIndex): OIDs wrap around. */
Oid NewValueId(Relation toastrel, Oid indexoid)
{
	for (;;)
	{
		Oid oid = GetNewObjectId();
		if (ChunkTids(toastrel, indexoid, oid, SnapshotAny).empty())
			return oid;
	}
}

/* Stores value (not external) in rel's TOAST table; returns the TOAST
 * pointer, palloc'd. */
Datum SaveDatum(Relation rel, Datum value, int options)
{
	auto *dval = reinterpret_cast<struct varlena *>(DatumGetPointer(value));
	varatt_external ptr;
	const char *data;
	Size todo;
	if (VARATT_IS_SHORT(dval))
	{
		data = VARDATA_SHORT(dval);
		todo = VARSIZE_SHORT(dval) - VARHDRSZ_SHORT;
		ptr.va_rawsize = static_cast<int32>(todo + VARHDRSZ); /* as if not short */
		ptr.va_extinfo = static_cast<uint32>(todo);
	}
	else if (VARATT_IS_COMPRESSED(dval))
	{
		/* Stored compressed: va_tcinfo and the stream, the method kept. */
		data = VARDATA(dval);
		todo = VARSIZE(dval) - VARHDRSZ;
		ptr.va_rawsize = static_cast<int32>(VARDATA_COMPRESSED_GET_EXTSIZE(dval) + VARHDRSZ);
		VARATT_EXTERNAL_SET_SIZE_AND_COMPRESS_METHOD(ptr, static_cast<uint32>(todo),
													 VARDATA_COMPRESSED_GET_COMPRESS_METHOD(dval));
	}
	else
	{
		data = VARDATA(dval);
		todo = VARSIZE(dval) - VARHDRSZ;
		ptr.va_rawsize = static_cast<int32>(VARSIZE(dval));
		ptr.va_extinfo = static_cast<uint32>(todo);
	}
	ptr.va_toastrelid = rel->rd_rel->reltoastrelid;

	Relation toastrel = table_open(ptr.va_toastrelid, RowExclusiveLock);
	Oid indexoid = ToastIndexOid(toastrel);
	Relation index = relation_open(indexoid, RowExclusiveLock);
	const BTIndexInfo *info = RelationGetBTIndexInfo(index);
	TupleDesc desc = RelationGetDescr(toastrel);
	ptr.va_valueid = NewValueId(toastrel, indexoid);
	CommandId cid = GetCurrentCommandId(true);

	/* A chunk's bytea, 4-byte aligned for its header. */
	union
	{
		struct varlena hdr;
		int32 align;
		char bytes[TOAST_MAX_CHUNK_SIZE + VARHDRSZ];
	} chunk;
	/* Each chunk's tuple lives only until the next: a 100 MB value must
	 * not leave 50,000 tuples behind in the caller's context. */
	tusk::OwnedMemoryContext chunkcxt(CurrentMemoryContext, "TOAST chunk");
	for (int32 seq = 0; todo > 0 || seq == 0; seq++)
	{
		CHECK_FOR_INTERRUPTS();
		Size size = Min(static_cast<Size>(TOAST_MAX_CHUNK_SIZE), todo);
		SET_VARSIZE(&chunk.hdr, size + VARHDRSZ);
		memcpy(VARDATA(&chunk.hdr), data, size);
		tusk::MemoryContextScope in(chunkcxt.get());
		Datum values[3] = {ObjectIdGetDatum(ptr.va_valueid), Int32GetDatum(seq),
						   PointerGetDatum(&chunk.hdr)};
		bool isnull[3] = {false, false, false};
		HeapTuple tup = heap_form_tuple(desc, values, isnull);
		heap_insert(toastrel, tup, cid, options, nullptr);
		/* chunk_id is new (NewValueId) and only this call uses it: the
		 * unique index needs no duplicate check. */
		btinsert(index, info, values, isnull, &tup->t_self, toastrel, UNIQUE_CHECK_NO, nullptr);
		MemoryContextReset(chunkcxt.get());
		data += size;
		todo -= size;
		if (todo == 0)
			break;
	}
	relation_close(index, NoLock);
	relation_close(toastrel, NoLock);

	auto *result = static_cast<struct varlena *>(palloc(TOAST_POINTER_SIZE));
	SET_VARTAG_EXTERNAL(result, VARTAG_ONDISK);
	memcpy(VARDATA_EXTERNAL(result), &ptr, sizeof ptr);
	return PointerGetDatum(result);
}

/* Deletes, as this transaction, the chunks of the value at a TOAST
 * pointer. */
void DeleteDatum(Datum value)
{
	varatt_external ptr;
	VARATT_EXTERNAL_GET_POINTER(ptr, DatumGetPointer(value));
	Relation toastrel = table_open(ptr.va_toastrelid, RowExclusiveLock);
	Oid indexoid = ToastIndexOid(toastrel);
	CommandId cid = GetCurrentCommandId(true);
	for (ItemPointerData tid : ChunkTids(toastrel, indexoid, ptr.va_valueid, SnapshotToast))
	{
		CHECK_FOR_INTERRUPTS();
		TM_FailureData tmfd;
		TM_Result result = heap_delete(toastrel, &tid, cid, true, &tmfd);
		/* Only the deleter of the row holding the pointer deletes its
		 * chunks; a chunk already deleted by this transaction (a value
		 * shared by two versions it replaced) is fine. */
		if (result != TM_Ok && result != TM_SelfModified)
			elog(ERROR, "tuple concurrently deleted");
	}
	relation_close(toastrel, NoLock);
}

/* The largest value still a candidate for this round (PostgreSQL's
 * toast_tuple_find_biggest_attribute), or -1: only values longer than a
 * TOAST pointer are worth it. */
int Biggest(TupleDesc desc, const Datum *values, const std::vector<ColumnState> &cols,
			bool for_compression, bool check_main)
{
	int biggest = -1;
	Size biggest_size = MAXALIGN(TOAST_POINTER_SIZE);
	for (int i = 0; i < desc->natts; i++)
	{
		const ColumnState &c = cols[static_cast<size_t>(i)];
		if (c.ignore || (for_compression && c.incompressible))
			continue;
		const char *p = DatumGetPointer(values[i]);
		if (VARATT_IS_EXTERNAL(p) || (for_compression && VARATT_IS_COMPRESSED(p)))
			continue;
		char storage = TupleDescAttr(desc, i)->attstorage;
		if (check_main ? storage != TYPSTORAGE_MAIN
					   : storage != TYPSTORAGE_EXTENDED && storage != TYPSTORAGE_EXTERNAL)
			continue;
		if (c.size > biggest_size)
		{
			biggest = i;
			biggest_size = c.size;
		}
	}
	return biggest;
}

void TryCompress(TupleDesc desc, Datum *values, std::vector<ColumnState> &cols, int i)
{
	ColumnState &c = cols[static_cast<size_t>(i)];
	Datum compressed = toast_compress_datum(values[i], TupleDescAttr(desc, i)->attcompression);
	if (DatumGetPointer(compressed) == nullptr)
	{
		c.incompressible = true;
		return;
	}
	values[i] = compressed;
	c.size = VARSIZE(DatumGetPointer(compressed));
}

void Externalize(Relation rel, Datum *values, std::vector<ColumnState> &cols, int i, int options)
{
	values[i] = SaveDatum(rel, values[i], options);
	cols[static_cast<size_t>(i)].ignore = true;
}

/* A tuple of values with newtup's header (transaction fields, flags). */
HeapTuple FormLike(HeapTuple newtup, TupleDesc desc, const Datum *values, const bool *isnull)
{
	HeapTuple t = heap_form_tuple(desc, values, isnull);
	HeapTupleHeader h = t->t_data;
	HeapTupleHeader o = newtup->t_data;
	constexpr uint16 kLayoutBits = HEAP_HASNULL | HEAP_HASVARWIDTH | HEAP_HASEXTERNAL;
	h->t_xmin = o->t_xmin;
	h->t_xmax = o->t_xmax;
	h->t_cid = o->t_cid;
	h->t_ctid = o->t_ctid;
	h->t_infomask = static_cast<uint16>((o->t_infomask & ~kLayoutBits) |
										(h->t_infomask & kLayoutBits));
	h->t_infomask2 = static_cast<uint16>((o->t_infomask2 & ~HEAP_NATTS_MASK) |
										 (h->t_infomask2 & HEAP_NATTS_MASK));
	t->t_self = newtup->t_self;
	t->t_tableOid = newtup->t_tableOid;
	return t;
}

}  // namespace

bool RelationToastsRows(Relation rel)
{
	if (rel->rd_rel == nullptr)
		return false;
	char relkind = rel->rd_rel->relkind;
	/* A catalog's rows are toasted only where PostgreSQL's catalog has a
	 * TOAST table (pg_rewrite, pg_proc, pg_statistic …; never pg_class or
	 * pg_attribute, which the relation cache reads as stored).  The
	 * catalog caches keep such rows flattened (catcache.cpp). */
	if (IsCatalogRelationOid(RelationGetRelid(rel)))
		return relkind == RELKIND_RELATION && OidIsValid(rel->rd_rel->reltoastrelid);
	return relkind == RELKIND_RELATION || relkind == RELKIND_MATVIEW;
}

HeapTuple heap_toast_insert_or_update(Relation rel, HeapTuple newtup, HeapTuple oldtup, int options)
{
	TupleDesc desc = RelationGetDescr(rel);
	int natts = desc->natts;
	std::vector<Datum> values(static_cast<size_t>(natts));
	std::vector<Datum> oldvalues(static_cast<size_t>(natts));
	/* std::vector<bool> has no data(): plain arrays of bool. */
	auto isnull = std::make_unique<bool[]>(static_cast<size_t>(natts));
	auto oldnull = std::make_unique<bool[]>(static_cast<size_t>(natts));
	std::vector<ColumnState> cols(static_cast<size_t>(natts));
	heap_deform_tuple(newtup, desc, values.data(), isnull.get());
	if (oldtup != nullptr)
		heap_deform_tuple(oldtup, desc, oldvalues.data(), oldnull.get());

	bool changed = false;
	bool has_nulls = false;
	for (int i = 0; i < natts; i++)
	{
		auto ui = static_cast<size_t>(i);
		Form_pg_attribute att = TupleDescAttr(desc, i);
		if (isnull[ui])
		{
			has_nulls = true;
			cols[ui].ignore = true;
			continue;
		}
		if (att->attlen != -1)
		{
			cols[ui].ignore = true;
			continue;
		}
		auto *p = reinterpret_cast<struct varlena *>(DatumGetPointer(values[ui]));
		/* The old version's value, unchanged: its chunks stay shared. */
		if (oldtup != nullptr && !oldnull[ui] && VARATT_IS_EXTERNAL_ONDISK(p))
		{
			const char *oldp = DatumGetPointer(oldvalues[ui]);
			if (VARATT_IS_EXTERNAL_ONDISK(oldp) && memcmp(oldp, p, TOAST_POINTER_SIZE) == 0)
			{
				cols[ui].ignore = true;
				continue;
			}
		}
		if (att->attstorage == TYPSTORAGE_PLAIN)
			cols[ui].ignore = true;
		/* A value out of line elsewhere (another row, another table) gets
		 * chunks of its own here: the others may be deleted. */
		if (VARATT_IS_EXTERNAL(p))
		{
			p = att->attstorage == TYPSTORAGE_PLAIN ? detoast_attr(p) : detoast_external_attr(p);
			values[ui] = PointerGetDatum(p);
			changed = true;
		}
		cols[ui].size = VARSIZE_ANY(p);
	}

	Size hoff = SizeofHeapTupleHeader;
	if (has_nulls)
		hoff += BITMAPLEN(natts);
	hoff = MAXALIGN(hoff);
	bool can_move = OidIsValid(rel->rd_rel->reltoastrelid);
	auto too_big = [&](Size max) {
		return heap_compute_data_size(desc, values.data(), isnull.get()) > max;
	};
	Size max_data = TOAST_TUPLE_TARGET - hoff;

	/* 1: compress storage-x values, largest first; move out of line at
	 * once a value that stays too big by itself. */
	while (too_big(max_data))
	{
		int i = Biggest(desc, values.data(), cols, true, false);
		if (i < 0)
			break;
		if (TupleDescAttr(desc, i)->attstorage == TYPSTORAGE_EXTENDED)
			TryCompress(desc, values.data(), cols, i);
		else
			cols[static_cast<size_t>(i)].incompressible = true;
		changed = true;
		if (cols[static_cast<size_t>(i)].size > max_data && can_move)
			Externalize(rel, values.data(), cols, i, options);
	}
	/* 2: move storage x and e values out of line, largest first. */
	while (can_move && too_big(max_data))
	{
		int i = Biggest(desc, values.data(), cols, false, false);
		if (i < 0)
			break;
		Externalize(rel, values.data(), cols, i, options);
		changed = true;
	}
	/* 3: compress storage-m values. */
	while (too_big(max_data))
	{
		int i = Biggest(desc, values.data(), cols, true, true);
		if (i < 0)
			break;
		TryCompress(desc, values.data(), cols, i);
		changed = true;
	}
	/* 4: storage-m values out of line, only if the row exceeds a page. */
	max_data = TOAST_TUPLE_TARGET_MAIN - hoff;
	while (can_move && too_big(max_data))
	{
		int i = Biggest(desc, values.data(), cols, false, true);
		if (i < 0)
			break;
		Externalize(rel, values.data(), cols, i, options);
		changed = true;
	}
	if (!changed)
		return newtup;
	return FormLike(newtup, desc, values.data(), isnull.get());
}

void heap_toast_delete(Relation rel, HeapTuple tup, HeapTuple keep)
{
	TupleDesc desc = RelationGetDescr(rel);
	int natts = desc->natts;
	std::vector<Datum> values(static_cast<size_t>(natts));
	std::vector<Datum> keepvalues(static_cast<size_t>(natts));
	auto isnull = std::make_unique<bool[]>(static_cast<size_t>(natts));
	auto keepnull = std::make_unique<bool[]>(static_cast<size_t>(natts));
	heap_deform_tuple(tup, desc, values.data(), isnull.get());
	if (keep != nullptr)
		heap_deform_tuple(keep, desc, keepvalues.data(), keepnull.get());
	for (int i = 0; i < natts; i++)
	{
		auto ui = static_cast<size_t>(i);
		if (isnull[ui] || TupleDescAttr(desc, i)->attlen != -1)
			continue;
		const char *p = DatumGetPointer(values[ui]);
		if (!VARATT_IS_EXTERNAL_ONDISK(p))
			continue;
		/* Shared with the version that stays (same column, same pointer). */
		if (keep != nullptr && !keepnull[ui] &&
			VARATT_IS_EXTERNAL_ONDISK(DatumGetPointer(keepvalues[ui])) &&
			memcmp(DatumGetPointer(keepvalues[ui]), p, TOAST_POINTER_SIZE) == 0)
			continue;
		DeleteDatum(values[ui]);
	}
}

HeapTuple toast_flatten_tuple(HeapTuple tup, TupleDesc desc)
{
	int natts = desc->natts;
	std::vector<Datum> values(static_cast<size_t>(natts));
	std::unique_ptr<bool[]> isnull(new bool[natts]);
	heap_deform_tuple(tup, desc, values.data(), isnull.get());
	for (int i = 0; i < natts; i++)
	{
		auto ui = static_cast<size_t>(i);
		if (isnull[i] || TupleDescAttr(desc, i)->attlen != -1)
			continue;
		auto *p = reinterpret_cast<struct varlena *>(DatumGetPointer(values[ui]));
		if (VARATT_IS_EXTERNAL(p))
			values[ui] = PointerGetDatum(detoast_external_attr(p));
	}
	HeapTuple flat = heap_form_tuple(desc, values.data(), isnull.get());
	/* The header as it was: visibility, the row's place, its OID … */
	flat->t_self = tup->t_self;
	flat->t_tableOid = tup->t_tableOid;
	HeapTupleHeader from = tup->t_data;
	HeapTupleHeader to = flat->t_data;
	to->t_xmin = from->t_xmin;
	to->t_xmax = from->t_xmax;
	to->t_cid = from->t_cid;
	to->t_ctid = from->t_ctid;
	to->t_infomask = static_cast<uint16>((to->t_infomask & ~HEAP_XACT_MASK) |
										 (from->t_infomask & HEAP_XACT_MASK));
	to->t_infomask2 = static_cast<uint16>((to->t_infomask2 & HEAP_NATTS_MASK) |
										  (from->t_infomask2 & ~HEAP_NATTS_MASK));
	return flat;
}
