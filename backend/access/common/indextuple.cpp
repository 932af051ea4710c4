/*
 * indextuple.cpp — forming index tuples and reading their values
 * (access/itup.h), in PostgreSQL's layout.
 *
 * Principal entry points: index_form_tuple, index_getattr,
 * index_deform_tuple.
 *
 * The values are laid out exactly as in a heap tuple (heap_fill_tuple);
 * only the header differs.  Values are never moved out of line (an
 * out-of-line value is fetched) but one over TOAST_INDEX_TARGET is
 * compressed inline when its column's storage allows, as in PostgreSQL;
 * a value still too large for an index page is refused by the access
 * method (a B-tree's "index row size … exceeds … maximum").
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/heaptoast.h"
#include "access/htup_details.h"
#include "access/itup.h"
#include "access/toast_compression.h"
#include "access/tupmacs.h"
#include "utils/errcodes.h"

IndexTuple index_form_tuple(TupleDesc tupleDescriptor, const Datum *values_in, const bool *isnull)
{
	int natts = tupleDescriptor->natts;
	if (natts > INDEX_MAX_KEYS)
		ereport(ERROR, errcode(ERRCODE_TOO_MANY_COLUMNS),
				errmsg("number of index columns (%d) exceeds limit (%d)", natts, INDEX_MAX_KEYS));
	/* An entry never points into a TOAST table (the value could be
	 * deleted before the entry): out-of-line values are fetched, and a
	 * large plain one is compressed if its column allows, as PostgreSQL
	 * does; what is still too big is the B-tree's 54000. */
	Datum values[INDEX_MAX_KEYS];
	for (int i = 0; i < natts; i++)
	{
		values[i] = values_in[i];
		Form_pg_attribute att = TupleDescAttr(tupleDescriptor, i);
		if (isnull[i] || att->attlen != -1)
			continue;
		auto *p = reinterpret_cast<struct varlena *>(DatumGetPointer(values[i]));
		if (VARATT_IS_EXTERNAL(p))
			p = detoast_external_attr(p);
		if (!VARATT_IS_EXTENDED(p) && VARSIZE(p) > TOAST_INDEX_TARGET &&
			(att->attstorage == TYPSTORAGE_EXTENDED || att->attstorage == TYPSTORAGE_MAIN))
		{
			Datum compressed = toast_compress_datum(PointerGetDatum(p), att->attcompression);
			if (DatumGetPointer(compressed) != nullptr)
				p = reinterpret_cast<struct varlena *>(DatumGetPointer(compressed));
		}
		values[i] = PointerGetDatum(p);
	}
	bool hasnull = false;
	for (int i = 0; i < natts; i++)
		hasnull |= isnull[i];
	unsigned short infomask = hasnull ? INDEX_NULL_MASK : 0;
	Size hoff = IndexInfoFindDataOffset(infomask);
	Size data_size = heap_compute_data_size(tupleDescriptor, values, isnull);
	Size size = MAXALIGN(hoff + data_size);
	if ((size & INDEX_SIZE_MASK) != size)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("index row requires %zu bytes, maximum size is %zu", size,
					   static_cast<Size>(INDEX_SIZE_MASK)));
	char *tp = static_cast<char *>(palloc0(size));
	auto *tuple = reinterpret_cast<IndexTuple>(tp);
	uint16 heapmask = 0;
	heap_fill_tuple(tupleDescriptor, values, isnull, tp + hoff, data_size, &heapmask,
					hasnull ? reinterpret_cast<bits8 *>(tp + sizeof(IndexTupleData)) : nullptr);
	if (heapmask & HEAP_HASVARWIDTH)
		infomask |= INDEX_VAR_MASK;
	infomask |= static_cast<unsigned short>(size);
	tuple->t_info = infomask;
	ItemPointerSetInvalid(&tuple->t_tid);
	return tuple;
}

Datum index_getattr(IndexTuple tup, int attnum, TupleDesc tupleDesc, bool *isnull)
{
	const auto *bits = reinterpret_cast<const bits8 *>(reinterpret_cast<const char *>(tup) +
													   sizeof(IndexTupleData));
	bool hasnulls = IndexTupleHasNulls(tup);
	if (hasnulls && att_isnull(attnum - 1, bits))
	{
		*isnull = true;
		return 0;
	}
	*isnull = false;
	const char *tp = reinterpret_cast<const char *>(tup) + IndexInfoFindDataOffset(tup->t_info);
	uintptr_t off = 0;
	for (int i = 0; i < attnum; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupleDesc, i);
		if (hasnulls && att_isnull(i, bits))
			continue;
		if (att->attlen == -1)
			off = att_align_pointer(off, att->attalign, -1, tp + off);
		else
			off = att_align_nominal(off, att->attalign);
		if (i == attnum - 1)
			return fetch_att(tp + off, att->attbyval, att->attlen);
		off = att_addlength_pointer(off, att->attlen, tp + off);
	}
	*isnull = true; /* attnum < 1: not reached by callers */
	return 0;
}

void index_deform_tuple(IndexTuple tup, TupleDesc tupleDescriptor, Datum *values, bool *isnull)
{
	const auto *bits = reinterpret_cast<const bits8 *>(reinterpret_cast<const char *>(tup) +
													   sizeof(IndexTupleData));
	bool hasnulls = IndexTupleHasNulls(tup);
	const char *tp = reinterpret_cast<const char *>(tup) + IndexInfoFindDataOffset(tup->t_info);
	uintptr_t off = 0;
	for (int i = 0; i < tupleDescriptor->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupleDescriptor, i);
		if (hasnulls && att_isnull(i, bits))
		{
			values[i] = 0;
			isnull[i] = true;
			continue;
		}
		isnull[i] = false;
		if (att->attlen == -1)
			off = att_align_pointer(off, att->attalign, -1, tp + off);
		else
			off = att_align_nominal(off, att->attalign);
		values[i] = fetch_att(tp + off, att->attbyval, att->attlen);
		off = att_addlength_pointer(off, att->attlen, tp + off);
	}
}

IndexTuple CopyIndexTuple(IndexTuple source)
{
	Size size = IndexTupleSize(source);
	auto *copy = static_cast<IndexTuple>(palloc(size));
	memcpy(copy, source, size);
	return copy;
}
