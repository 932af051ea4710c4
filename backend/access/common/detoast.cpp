/*
 * detoast.cpp — reading a stored varlena value back (access/detoast.h):
 * fetching an out-of-line value's chunks from its TOAST table,
 * decompressing, and unpacking 1-byte headers.
 *
 * Principal entry points: detoast_external_attr, detoast_attr,
 * toast_raw_datum_size, toast_datum_size.
 *
 * A TOAST pointer (varatt_external, after a 0x01 byte and the tag 18)
 * names the TOAST table and the value's chunk_id; the chunks are the rows
 * with that chunk_id, numbered 0..n-1 by chunk_seq, each but the last
 * TOAST_MAX_CHUNK_SIZE bytes.  They are read in order through the TOAST
 * table's unique index on (chunk_id, chunk_seq), checked as PostgreSQL
 * checks them (XX001 on a gap, a duplicate or a wrong size).
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/genam.h"
#include "access/heaptoast.h"
#include "access/relation.h"
#include "access/table.h"
#include "access/toast_compression.h"
#include "miscadmin.h"
#include "nodes/pg_list.h"
#include "utils/errcodes.h"
#include "utils/fmgroids.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"

namespace {

/* The value a TOAST pointer names, as stored: compressed or plain. */
struct varlena *FetchExternal(struct varlena *attr)
{
	varatt_external ptr;
	VARATT_EXTERNAL_GET_POINTER(ptr, attr);
	int32 attrsize = static_cast<int32>(VARATT_EXTERNAL_GET_EXTSIZE(ptr));
	auto *result = static_cast<struct varlena *>(palloc(attrsize + VARHDRSZ));
	if (VARATT_EXTERNAL_IS_COMPRESSED(ptr))
		SET_VARSIZE_COMPRESSED(result, attrsize + VARHDRSZ);
	else
		SET_VARSIZE(result, attrsize + VARHDRSZ);
	if (attrsize == 0)
		return result;

	Relation toastrel = table_open(ptr.va_toastrelid, AccessShareLock);
	List *indexes = RelationGetIndexList(toastrel);
	if (indexes == NIL)
		elog(ERROR, "no valid index found for toast relation with Oid %u", ptr.va_toastrelid);
	const char *relname = RelationGetRelationName(toastrel);
	int32 totalchunks = ((attrsize - 1) / static_cast<int32>(TOAST_MAX_CHUNK_SIZE)) + 1;
	int32 expected = 0;

	ScanKeyData key;
	ScanKeyInit(&key, 1, BTEqualStrategyNumber, F_OIDEQ, ObjectIdGetDatum(ptr.va_valueid));
	SysScanDesc scan = systable_beginscan(toastrel, linitial_oid(indexes), true, SnapshotToast, 1,
										  &key);
	TupleDesc desc = RelationGetDescr(toastrel);
	HeapTuple tup;
	while ((tup = systable_getnext(scan)) != nullptr)
	{
		CHECK_FOR_INTERRUPTS();
		bool isnull;
		int32 seq = DatumGetInt32(heap_getattr(tup, 2, desc, &isnull));
		Pointer chunk = DatumGetPointer(heap_getattr(tup, 3, desc, &isnull));
		char *data;
		int32 size;
		if (!VARATT_IS_EXTENDED(chunk))
		{
			data = VARDATA(chunk);
			size = static_cast<int32>(VARSIZE(chunk) - VARHDRSZ);
		}
		else if (VARATT_IS_SHORT(chunk))
		{
			data = VARDATA_SHORT(chunk);
			size = static_cast<int32>(VARSIZE_SHORT(chunk) - VARHDRSZ_SHORT);
		}
		else
			ereport(ERROR, errcode(ERRCODE_DATA_CORRUPTED),
					errmsg_internal("found toasted toast chunk for toast value %u in %s",
									ptr.va_valueid, relname));
		if (seq != expected)
			ereport(ERROR, errcode(ERRCODE_DATA_CORRUPTED),
					errmsg_internal("unexpected chunk number %d (expected %d) for toast value %u "
									"in %s",
									seq, expected, ptr.va_valueid, relname));
		if (seq >= totalchunks)
			ereport(ERROR, errcode(ERRCODE_DATA_CORRUPTED),
					errmsg_internal("unexpected chunk number %d (out of range %d..%d) for toast "
									"value %u in %s",
									seq, 0, totalchunks - 1, ptr.va_valueid, relname));
		int32 want = seq < totalchunks - 1
			? static_cast<int32>(TOAST_MAX_CHUNK_SIZE)
			: attrsize - (totalchunks - 1) * static_cast<int32>(TOAST_MAX_CHUNK_SIZE);
		if (size != want)
			ereport(ERROR, errcode(ERRCODE_DATA_CORRUPTED),
					errmsg_internal("unexpected chunk size %d (expected %d) in chunk %d of %d for "
									"toast value %u in %s",
									size, want, seq, totalchunks, ptr.va_valueid, relname));
		memcpy(VARDATA(result) + static_cast<Size>(seq) * TOAST_MAX_CHUNK_SIZE, data,
			   static_cast<Size>(size));
		expected++;
	}
	systable_endscan(scan);
	if (expected != totalchunks)
		ereport(ERROR, errcode(ERRCODE_DATA_CORRUPTED),
				errmsg_internal("missing chunk number %d for toast value %u in %s", expected,
								ptr.va_valueid, relname));
	relation_close(toastrel, AccessShareLock);
	return result;
}

[[noreturn]] void UnsupportedExternal(struct varlena *attr)
{
	elog(ERROR, "unexpected TOAST pointer tag %u", static_cast<unsigned>(VARTAG_1B_E(attr)));
	pg_unreachable();
}

}  // namespace

struct varlena *detoast_external_attr(struct varlena *attr)
{
	if (!VARATT_IS_EXTERNAL(attr))
		return attr;
	if (!VARATT_IS_EXTERNAL_ONDISK(attr))
		UnsupportedExternal(attr);
	return FetchExternal(attr);
}

struct varlena *detoast_attr(struct varlena *attr)
{
	if (VARATT_IS_EXTERNAL(attr))
	{
		struct varlena *fetched = detoast_external_attr(attr);
		if (!VARATT_IS_COMPRESSED(fetched))
			return fetched;
		struct varlena *plain = toast_decompress_datum(fetched);
		pfree(fetched);
		return plain;
	}
	if (VARATT_IS_COMPRESSED(attr))
		return toast_decompress_datum(attr);
	if (VARATT_IS_SHORT(attr))
	{
		Size data_len = VARSIZE_SHORT(attr) - VARHDRSZ_SHORT;
		auto *copy = static_cast<struct varlena *>(palloc(data_len + VARHDRSZ));
		SET_VARSIZE(copy, data_len + VARHDRSZ);
		memcpy(VARDATA(copy), VARDATA_SHORT(attr), data_len);
		return copy;
	}
	return attr;
}

Size toast_raw_datum_size(Datum value)
{
	auto *attr = reinterpret_cast<struct varlena *>(DatumGetPointer(value));
	if (VARATT_IS_EXTERNAL_ONDISK(attr))
	{
		varatt_external ptr;
		VARATT_EXTERNAL_GET_POINTER(ptr, attr);
		return static_cast<Size>(ptr.va_rawsize);
	}
	if (VARATT_IS_EXTERNAL(attr))
		UnsupportedExternal(attr);
	if (VARATT_IS_COMPRESSED(attr))
		return VARDATA_COMPRESSED_GET_EXTSIZE(attr) + VARHDRSZ;
	if (VARATT_IS_SHORT(attr))
		return VARSIZE_SHORT(attr) - VARHDRSZ_SHORT + VARHDRSZ;
	return VARSIZE(attr);
}

Size toast_datum_size(Datum value)
{
	auto *attr = reinterpret_cast<struct varlena *>(DatumGetPointer(value));
	if (VARATT_IS_EXTERNAL_ONDISK(attr))
	{
		varatt_external ptr;
		VARATT_EXTERNAL_GET_POINTER(ptr, attr);
		return VARATT_EXTERNAL_GET_EXTSIZE(ptr);
	}
	if (VARATT_IS_EXTERNAL(attr))
		UnsupportedExternal(attr);
	if (VARATT_IS_SHORT(attr))
		return VARSIZE_SHORT(attr);
	return VARSIZE(attr);
}
