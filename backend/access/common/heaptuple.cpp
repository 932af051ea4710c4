/*
 * heaptuple.cpp — forming heap tuples from values and taking them apart
 * (access/htup_details.h), with PostgreSQL's data layout.
 *
 * Principal entry points: heap_form_tuple, heap_deform_tuple,
 * heap_getattr, heap_modify_tuple, heap_copytuple.
 *
 * A tuple is the header (access/htup_details.h), a null bitmap when any
 * column is NULL (bit set = not null), padding to MAXALIGN (t_hoff), then
 * the non-null values one after another, each aligned to its column's
 * attalign (tupmacs.h).  Because modules and PostgreSQL's own macros read
 * tuples this way, the layout is PostgreSQL's bit for bit, except the
 * 64-bit transaction ids in the header.
 *
 * Short varlenas: a varlena value of at most 126 data bytes is stored
 * with a 1-byte header and no alignment padding unless its column's
 * storage is plain ('p'), as PostgreSQL does; readers get a pointer to
 * the packed value and functions unpack it with PG_DETOAST_DATUM.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "access/tupmacs.h"
#include "fmgr.h"

namespace {

/* Can this 4-byte-headered value be stored with a 1-byte header? */
bool CanMakeShort(const FormData_pg_attribute *att, const char *p)
{
	return att->attstorage != TYPSTORAGE_PLAIN && VARATT_IS_4B_U(p) &&
		VARSIZE(p) - VARHDRSZ + VARHDRSZ_SHORT <= VARATT_SHORT_MAX;
}

Size ConvertedShortSize(const char *p)
{
	return VARSIZE(p) - VARHDRSZ + VARHDRSZ_SHORT;
}

/* Write the values into data (zeroed, big enough), filling the null
 * bitmap if bits is not null. */
void FillTuple(TupleDesc tupleDesc, const Datum *values, const bool *isnull, char *data,
			   uint16 *infomask, bits8 *bits)
{
	char *start = data;
	int bitmask = 0x80;
	bits8 *bitp = bits != nullptr ? bits - 1 : nullptr;
	*infomask &= ~(HEAP_HASNULL | HEAP_HASVARWIDTH | HEAP_HASEXTERNAL);
	for (int i = 0; i < tupleDesc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupleDesc, i);
		if (bits != nullptr)
		{
			if (bitmask != 0x80)
				bitmask <<= 1;
			else
			{
				bitp++;
				*bitp = 0;
				bitmask = 1;
			}
			if (isnull[i])
			{
				*infomask |= HEAP_HASNULL;
				continue;
			}
			*bitp |= bitmask;
		}
		if (att->attbyval)
		{
			data = start + att_align_nominal(data - start, att->attalign);
			store_att_byval(data, values[i], att->attlen);
			data += att->attlen;
		}
		else if (att->attlen == -1)
		{
			const char *p = DatumGetPointer(values[i]);
			*infomask |= HEAP_HASVARWIDTH;
			if (VARATT_IS_EXTERNAL(p))
			{
				*infomask |= HEAP_HASEXTERNAL;
				Size size = VARSIZE_EXTERNAL(p);
				memcpy(data, p, size);
				data += size;
			}
			else if (VARATT_IS_SHORT(p))
			{
				Size size = VARSIZE_SHORT(p);
				memcpy(data, p, size);
				data += size;
			}
			else if (CanMakeShort(att, p))
			{
				Size size = ConvertedShortSize(p);
				SET_VARSIZE_SHORT(data, size);
				memcpy(data + 1, VARDATA(p), size - 1);
				data += size;
			}
			else
			{
				data = start + att_align_nominal(data - start, att->attalign);
				Size size = VARSIZE(p);
				memcpy(data, p, size);
				data += size;
			}
		}
		else if (att->attlen == -2)
		{
			*infomask |= HEAP_HASVARWIDTH;
			const char *p = DatumGetCString(values[i]);
			Size size = strlen(p) + 1;
			memcpy(data, p, size);
			data += size;
		}
		else
		{
			data = start + att_align_nominal(data - start, att->attalign);
			memcpy(data, DatumGetPointer(values[i]), att->attlen);
			data += att->attlen;
		}
	}
}

}  // namespace

void heap_fill_tuple(TupleDesc tupleDesc, const Datum *values, const bool *isnull, char *data, Size,
					 uint16 *infomask, bits8 *bit)
{
	FillTuple(tupleDesc, values, isnull, data, infomask, bit);
}

Size heap_compute_data_size(TupleDesc tupleDesc, const Datum *values, const bool *isnull)
{
	Size data_length = 0;
	for (int i = 0; i < tupleDesc->natts; i++)
	{
		if (isnull[i])
			continue;
		Form_pg_attribute att = TupleDescAttr(tupleDesc, i);
		Datum val = values[i];
		if (att->attlen == -1)
		{
			const char *p = DatumGetPointer(val);
			if (VARATT_IS_SHORT(p) || VARATT_IS_EXTERNAL(p))
				data_length += VARSIZE_ANY(p);
			else if (CanMakeShort(att, p))
				data_length += ConvertedShortSize(p);
			else
			{
				data_length = att_align_nominal(data_length, att->attalign);
				data_length += VARSIZE(p);
			}
		}
		else
		{
			data_length = att_align_nominal(data_length, att->attalign);
			data_length = att_addlength_datum(data_length, att->attlen, val);
		}
	}
	return data_length;
}

HeapTuple heap_form_tuple(TupleDesc tupleDescriptor, const Datum *values, const bool *isnull)
{
	int natts = tupleDescriptor->natts;
	if (natts > MaxTupleAttributeNumber)
		ereport(ERROR, errcode(ERRCODE_TOO_MANY_COLUMNS),
				errmsg("number of columns (%d) exceeds limit (%d)", natts,
					   MaxTupleAttributeNumber));
	bool hasnull = false;
	for (int i = 0; i < natts; i++)
		if (isnull[i])
		{
			hasnull = true;
			break;
		}
	Size len = SizeofHeapTupleHeader;
	if (hasnull)
		len += BITMAPLEN(natts);
	uint8 hoff = static_cast<uint8>(MAXALIGN(len));
	Size data_len = heap_compute_data_size(tupleDescriptor, values, isnull);
	len = hoff + data_len;

	auto *tuple = static_cast<HeapTuple>(palloc0(HEAPTUPLESIZE + len));
	tuple->t_data = reinterpret_cast<HeapTupleHeader>(reinterpret_cast<char *>(tuple) +
													  HEAPTUPLESIZE);
	HeapTupleHeader td = tuple->t_data;
	tuple->t_len = static_cast<uint32>(len);
	ItemPointerSetInvalid(&tuple->t_self);
	tuple->t_tableOid = InvalidOid;
	ItemPointerSetInvalid(&td->t_ctid);
	/* As a composite Datum (HeapTupleGetDatum), the tuple says its row
	 * type; inserting it into a table overwrites these fields. */
	HeapTupleHeaderSetDatumLength(td, len);
	HeapTupleHeaderSetTypeId(td, tupleDescriptor->tdtypeid);
	HeapTupleHeaderSetTypMod(td, tupleDescriptor->tdtypmod);
	HeapTupleHeaderSetNatts(td, natts);
	td->t_hoff = hoff;
	FillTuple(tupleDescriptor, values, isnull, reinterpret_cast<char *>(td) + hoff, &td->t_infomask,
			  hasnull ? td->t_bits : nullptr);
	return tuple;
}

void heap_deform_tuple(HeapTuple tuple, TupleDesc tupleDesc, Datum *values, bool *isnull)
{
	HeapTupleHeader tup = tuple->t_data;
	bool hasnulls = HeapTupleHasNulls(tuple);
	int natts = Min(static_cast<int>(HeapTupleHeaderGetNatts(tup)), tupleDesc->natts);
	const char *tp = reinterpret_cast<const char *>(tup) + tup->t_hoff;
	const bits8 *bp = tup->t_bits;
	uintptr_t off = 0;
	for (int attnum = 0; attnum < natts; attnum++)
	{
		Form_pg_attribute att = TupleDescAttr(tupleDesc, attnum);
		if (hasnulls && att_isnull(attnum, bp))
		{
			values[attnum] = 0;
			isnull[attnum] = true;
			continue;
		}
		isnull[attnum] = false;
		if (att->attlen == -1)
			off = att_align_pointer(off, att->attalign, -1, tp + off);
		else
			off = att_align_nominal(off, att->attalign);
		values[attnum] = fetch_att(tp + off, att->attbyval, att->attlen);
		off = att_addlength_pointer(off, att->attlen, tp + off);
	}
	/* Columns added after this tuple was written read as their missing
	 * value, or NULL. */
	for (int attnum = natts; attnum < tupleDesc->natts; attnum++)
		values[attnum] = getmissingattr(tupleDesc, attnum + 1, &isnull[attnum]);
}

Datum getmissingattr(TupleDesc tupleDesc, int attnum, bool *isnull)
{
	TupleConstr *constr = tupleDesc->constr;
	if (constr != nullptr && constr->missing != nullptr && constr->missing[attnum - 1].am_present)
	{
		*isnull = false;
		return constr->missing[attnum - 1].am_value;
	}
	*isnull = true;
	return 0;
}

Datum heap_getattr(HeapTuple tup, int attnum, TupleDesc tupleDesc, bool *isnull)
{
	if (attnum <= 0)
		return heap_getsysattr(tup, attnum, tupleDesc, isnull);
	HeapTupleHeader td = tup->t_data;
	if (attnum > static_cast<int>(HeapTupleHeaderGetNatts(td)))
		return getmissingattr(tupleDesc, attnum, isnull);
	if (HeapTupleHasNulls(tup) && att_isnull(attnum - 1, td->t_bits))
	{
		*isnull = true;
		return 0;
	}
	*isnull = false;
	Form_pg_attribute target = TupleDescAttr(tupleDesc, attnum - 1);
	const char *tp = reinterpret_cast<const char *>(td) + td->t_hoff;
	/* Without nulls or variable-width columns before it, the offset is
	 * fixed and cached. */
	if (target->attcacheoff >= 0 && !HeapTupleHasNulls(tup))
		return fetch_att(tp + target->attcacheoff, target->attbyval, target->attlen);
	uintptr_t off = 0;
	bool fixed_prefix = !HeapTupleHasNulls(tup);
	for (int i = 0; i < attnum; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupleDesc, i);
		if (HeapTupleHasNulls(tup) && att_isnull(i, td->t_bits))
			continue;
		if (att->attlen == -1)
			off = att_align_pointer(off, att->attalign, -1, tp + off);
		else
			off = att_align_nominal(off, att->attalign);
		if (i == attnum - 1)
			break;
		if (fixed_prefix && att->attlen > 0 && att->attcacheoff < 0)
			att->attcacheoff = static_cast<int32>(off);
		if (att->attlen <= 0)
			fixed_prefix = false;
		off = att_addlength_pointer(off, att->attlen, tp + off);
	}
	if (fixed_prefix && target->attlen != -1)
		target->attcacheoff = static_cast<int32>(off);
	return fetch_att(tp + off, target->attbyval, target->attlen);
}

Datum heap_getsysattr(HeapTuple tup, int attnum, TupleDesc, bool *isnull)
{
	*isnull = false;
	HeapTupleHeader td = tup->t_data;
	switch (attnum)
	{
		case SelfItemPointerAttributeNumber:
			return PointerGetDatum(&tup->t_self);
		case MinTransactionIdAttributeNumber:
			return TransactionIdGetDatum(HeapTupleHeaderGetXmin(td));
		case MaxTransactionIdAttributeNumber:
			return TransactionIdGetDatum(HeapTupleHeaderGetRawXmax(td));
		case MinCommandIdAttributeNumber:
		case MaxCommandIdAttributeNumber:
			/* PostgreSQL shows the raw field for both. */
			return CommandIdGetDatum(HeapTupleHeaderGetRawCommandId(td));
		case TableOidAttributeNumber:
			return ObjectIdGetDatum(tup->t_tableOid);
		default:
			elog(ERROR, "invalid attnum: %d", attnum);
	}
}

bool heap_attisnull(HeapTuple tup, int attnum, TupleDesc tupleDesc)
{
	if (attnum <= 0)
		return false;
	if (attnum > static_cast<int>(HeapTupleHeaderGetNatts(tup->t_data)))
	{
		bool isnull = true;
		if (tupleDesc != nullptr)
			(void) getmissingattr(tupleDesc, attnum, &isnull);
		return isnull;
	}
	return HeapTupleHasNulls(tup) && att_isnull(attnum - 1, tup->t_data->t_bits);
}

HeapTuple heap_copytuple(HeapTuple tuple)
{
	if (tuple == nullptr || tuple->t_data == nullptr)
		return nullptr;
	auto *copy = static_cast<HeapTuple>(palloc(HEAPTUPLESIZE + tuple->t_len));
	copy->t_len = tuple->t_len;
	copy->t_self = tuple->t_self;
	copy->t_tableOid = tuple->t_tableOid;
	copy->t_data = reinterpret_cast<HeapTupleHeader>(reinterpret_cast<char *>(copy) +
													 HEAPTUPLESIZE);
	memcpy(copy->t_data, tuple->t_data, tuple->t_len);
	return copy;
}

HeapTuple heap_modify_tuple(HeapTuple tuple, TupleDesc tupleDesc, const Datum *replValues,
							const bool *replIsnull, const bool *doReplace)
{
	int natts = tupleDesc->natts;
	auto *values = static_cast<Datum *>(palloc(natts * sizeof(Datum)));
	auto *isnull = static_cast<bool *>(palloc(natts * sizeof(bool)));
	heap_deform_tuple(tuple, tupleDesc, values, isnull);
	for (int i = 0; i < natts; i++)
		if (doReplace[i])
		{
			values[i] = replValues[i];
			isnull[i] = replIsnull[i];
		}
	HeapTuple newTuple = heap_form_tuple(tupleDesc, values, isnull);
	pfree(values);
	pfree(isnull);
	/* The header fields a caller may rely on survive. */
	newTuple->t_data->t_ctid = tuple->t_data->t_ctid;
	newTuple->t_self = tuple->t_self;
	newTuple->t_tableOid = tuple->t_tableOid;
	return newTuple;
}

/* ---- composite values ---- */

Datum heap_form_composite_datum(TupleDesc tupleDesc, const Datum *values, const bool *isnull)
{
	int natts = tupleDesc->natts;
	Datum *flat = nullptr;
	/* A value must not point into a table's TOAST data: the row it came
	 * from may be gone when the value is read. */
	for (int i = 0; i < natts; i++)
	{
		if (isnull[i] || TupleDescAttr(tupleDesc, i)->attlen != -1 ||
			!VARATT_IS_EXTERNAL(DatumGetPointer(values[i])))
			continue;
		if (flat == nullptr)
		{
			flat = static_cast<Datum *>(palloc(Max(natts, 1) * sizeof(Datum)));
			memcpy(flat, values, natts * sizeof(Datum));
		}
		flat[i] = PointerGetDatum(
			detoast_external_attr(reinterpret_cast<struct varlena *>(DatumGetPointer(values[i]))));
	}
	HeapTuple tuple = heap_form_tuple(tupleDesc, flat != nullptr ? flat : values, isnull);
	HeapTupleHeader td = tuple->t_data;
	HeapTupleHeaderSetDatumLength(td, tuple->t_len);
	HeapTupleHeaderSetTypeId(td, tupleDesc->tdtypeid);
	HeapTupleHeaderSetTypMod(td, tupleDesc->tdtypmod);
	return PointerGetDatum(td);
}

Datum heap_copy_tuple_as_datum(HeapTuple tuple, TupleDesc tupleDesc)
{
	if (HeapTupleHasExternal(tuple))
	{
		auto *values = static_cast<Datum *>(palloc(Max(tupleDesc->natts, 1) * sizeof(Datum)));
		auto *isnull = static_cast<bool *>(palloc(Max(tupleDesc->natts, 1) * sizeof(bool)));
		heap_deform_tuple(tuple, tupleDesc, values, isnull);
		return heap_form_composite_datum(tupleDesc, values, isnull);
	}
	auto *td = static_cast<HeapTupleHeader>(palloc(tuple->t_len));
	memcpy(td, tuple->t_data, tuple->t_len);
	HeapTupleHeaderSetDatumLength(td, tuple->t_len);
	HeapTupleHeaderSetTypeId(td, tupleDesc->tdtypeid);
	HeapTupleHeaderSetTypMod(td, tupleDesc->tdtypmod);
	return PointerGetDatum(td);
}

void heap_composite_datum_as_tuple(Datum composite, HeapTupleData *tuple)
{
	auto *td = reinterpret_cast<HeapTupleHeader>(
		pg_detoast_datum(reinterpret_cast<struct varlena *>(DatumGetPointer(composite))));
	tuple->t_len = HeapTupleHeaderGetDatumLength(td);
	ItemPointerSetInvalid(&tuple->t_self);
	tuple->t_tableOid = InvalidOid;
	tuple->t_data = td;
}
