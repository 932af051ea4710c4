/*
 * execTuples.cpp — tuple table slots (executor/tuptable.h).
 *
 * Principal entry points: MakeTupleTableSlot, ExecStoreVirtualTuple,
 * ExecStoreBufferHeapTuple, slot_getsomeattrs, ExecCopySlotHeapTuple.
 *
 * A heap row is deformed lazily and incrementally: slot_getsomeattrs(n)
 * continues from the last column extracted (tts_nvalid, tts_off), so a
 * filter on the first column of a wide row extracts one column.
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/tupmacs.h"
#include "executor/tuptable.h"
#include "storage/bufmgr.h"
#include "utils/memutils.h"

namespace {

/* Continue deforming the slot's heap tuple up to column natts. */
void DeformHeapTuple(TupleTableSlot *slot, int natts)
{
	HeapTuple tuple = slot->tts_tuple;
	HeapTupleHeader tup = tuple->t_data;
	TupleDesc desc = slot->tts_tupleDescriptor;
	bool hasnulls = HeapTupleHasNulls(tuple);
	int tuple_natts = HeapTupleHeaderGetNatts(tup);
	const char *tp = reinterpret_cast<const char *>(tup) + tup->t_hoff;
	const bits8 *bp = tup->t_bits;
	int attnum = slot->tts_nvalid;
	uintptr_t off = slot->tts_off;
	int stop = Min(natts, tuple_natts);
	for (; attnum < stop; attnum++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, attnum);
		if (hasnulls && att_isnull(attnum, bp))
		{
			slot->tts_values[attnum] = 0;
			slot->tts_isnull[attnum] = true;
			continue;
		}
		slot->tts_isnull[attnum] = false;
		if (att->attlen == -1)
			off = att_align_pointer(off, att->attalign, -1, tp + off);
		else
			off = att_align_nominal(off, att->attalign);
		slot->tts_values[attnum] = fetch_att(tp + off, att->attbyval, att->attlen);
		off = att_addlength_pointer(off, att->attlen, tp + off);
	}
	/* Columns the row was written without (added later) read as their
	 * missing value, or NULL. */
	for (; attnum < natts; attnum++)
		slot->tts_values[attnum] = getmissingattr(desc, attnum + 1, &slot->tts_isnull[attnum]);
	slot->tts_nvalid = static_cast<AttrNumber>(natts);
	slot->tts_off = static_cast<uint32>(off);
}

void ReleaseStorage(TupleTableSlot *slot)
{
	if (slot->kind == TTS_HEAP && (slot->tts_flags & TTS_FLAG_SHOULDFREE) != 0)
		heap_freetuple(slot->tts_tuple);
	slot->tts_buffer = InvalidBuffer;
	slot->tts_tuple = nullptr;
	slot->tts_flags &= ~TTS_FLAG_SHOULDFREE;
	slot->kind = TTS_VIRTUAL;
}

}  // namespace

TupleTableSlot *MakeTupleTableSlot(TupleDesc tupleDesc)
{
	int natts = tupleDesc != nullptr ? tupleDesc->natts : 0;
	auto *slot = static_cast<TupleTableSlot *>(palloc0(sizeof(TupleTableSlot)));
	slot->type = T_TupleTableSlot;
	slot->kind = TTS_VIRTUAL;
	slot->tts_flags = TTS_FLAG_EMPTY;
	slot->tts_tupleDescriptor = tupleDesc;
	slot->tts_mcxt = CurrentMemoryContext;
	slot->tts_values = static_cast<Datum *>(palloc0(Max(natts, 1) * sizeof(Datum)));
	slot->tts_isnull = static_cast<bool *>(palloc0(Max(natts, 1) * sizeof(bool)));
	slot->tts_buffer = InvalidBuffer;
	ItemPointerSetInvalid(&slot->tts_tid);
	return slot;
}

void ExecDropSingleTupleTableSlot(TupleTableSlot *slot)
{
	ExecClearTuple(slot);
	pfree(slot->tts_values);
	pfree(slot->tts_isnull);
	pfree(slot);
}

TupleTableSlot *ExecClearTuple(TupleTableSlot *slot)
{
	ReleaseStorage(slot);
	slot->tts_flags |= TTS_FLAG_EMPTY;
	slot->tts_nvalid = 0;
	slot->tts_off = 0;
	ItemPointerSetInvalid(&slot->tts_tid);
	return slot;
}

TupleTableSlot *ExecStoreVirtualTuple(TupleTableSlot *slot)
{
	slot->tts_flags &= ~TTS_FLAG_EMPTY;
	slot->tts_nvalid = static_cast<AttrNumber>(slot->tts_tupleDescriptor->natts);
	return slot;
}

TupleTableSlot *ExecStoreAllNullTuple(TupleTableSlot *slot)
{
	ExecClearTuple(slot);
	for (int i = 0; i < slot->tts_tupleDescriptor->natts; i++)
	{
		slot->tts_values[i] = 0;
		slot->tts_isnull[i] = true;
	}
	return ExecStoreVirtualTuple(slot);
}

TupleTableSlot *ExecStoreBufferHeapTuple(HeapTuple tuple, TupleTableSlot *slot, Buffer buffer)
{
	ReleaseStorage(slot);
	slot->kind = TTS_BUFFERHEAP;
	slot->tts_tupdata = *tuple;
	slot->tts_tuple = &slot->tts_tupdata;
	slot->tts_buffer = buffer;
	slot->tts_flags &= ~TTS_FLAG_EMPTY;
	slot->tts_nvalid = 0;
	slot->tts_off = 0;
	slot->tts_tid = tuple->t_self;
	slot->tts_tableOid = tuple->t_tableOid;
	return slot;
}

TupleTableSlot *ExecStoreHeapTuple(HeapTuple tuple, TupleTableSlot *slot, bool shouldFree)
{
	ReleaseStorage(slot);
	slot->kind = TTS_HEAP;
	slot->tts_tuple = tuple;
	if (shouldFree)
		slot->tts_flags |= TTS_FLAG_SHOULDFREE;
	slot->tts_flags &= ~TTS_FLAG_EMPTY;
	slot->tts_nvalid = 0;
	slot->tts_off = 0;
	slot->tts_tid = tuple->t_self;
	slot->tts_tableOid = tuple->t_tableOid;
	return slot;
}

void slot_getsomeattrs(TupleTableSlot *slot, int attnum)
{
	if (slot->tts_nvalid >= attnum)
		return;
	if (slot->kind == TTS_VIRTUAL)
		elog(ERROR, "virtual slot has only %d of %d columns", slot->tts_nvalid, attnum);
	DeformHeapTuple(slot, attnum);
}

void slot_getallattrs(TupleTableSlot *slot)
{
	slot_getsomeattrs(slot, slot->tts_tupleDescriptor->natts);
}

Datum slot_getattr(TupleTableSlot *slot, int attnum, bool *isnull)
{
	if (attnum <= 0)
		return slot_getsysattr(slot, attnum, isnull);
	slot_getsomeattrs(slot, attnum);
	*isnull = slot->tts_isnull[attnum - 1];
	return slot->tts_values[attnum - 1];
}

Datum slot_getsysattr(TupleTableSlot *slot, int attnum, bool *isnull)
{
	if (attnum == TableOidAttributeNumber)
	{
		*isnull = false;
		return ObjectIdGetDatum(slot->tts_tableOid);
	}
	if (attnum == SelfItemPointerAttributeNumber)
	{
		*isnull = false;
		return PointerGetDatum(&slot->tts_tid);
	}
	if (slot->tts_tuple == nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("cannot retrieve a system column in this context"));
	return heap_getsysattr(slot->tts_tuple, attnum, slot->tts_tupleDescriptor, isnull);
}

HeapTuple ExecCopySlotHeapTuple(TupleTableSlot *slot)
{
	if (slot->kind != TTS_VIRTUAL)
		return heap_copytuple(slot->tts_tuple);
	return heap_form_tuple(slot->tts_tupleDescriptor, slot->tts_values, slot->tts_isnull);
}

TupleTableSlot *ExecCopySlot(TupleTableSlot *dst, TupleTableSlot *src)
{
	MemoryContext old = MemoryContextSwitchTo(dst->tts_mcxt);
	HeapTuple copy = ExecCopySlotHeapTuple(src);
	MemoryContextSwitchTo(old);
	ExecStoreHeapTuple(copy, dst, true);
	return dst;
}

void ExecMaterializeSlot(TupleTableSlot *slot)
{
	if (slot->kind == TTS_HEAP && (slot->tts_flags & TTS_FLAG_SHOULDFREE) != 0)
		return;
	MemoryContext old = MemoryContextSwitchTo(slot->tts_mcxt);
	HeapTuple copy = ExecCopySlotHeapTuple(slot);
	MemoryContextSwitchTo(old);
	ItemPointerData tid = slot->tts_tid;
	Oid tableoid = slot->tts_tableOid;
	ExecStoreHeapTuple(copy, slot, true);
	slot->tts_tid = tid;
	slot->tts_tableOid = tableoid;
}
