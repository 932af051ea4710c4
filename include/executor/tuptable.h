/*
 * executor/tuptable.h — tuple table slots: how rows travel between plan
 * nodes.
 *
 * A slot holds one row in one of two forms: "virtual" (tts_values and
 * tts_isnull, filled by whoever computed the row) or a heap tuple (a
 * pointer to a tuple, perhaps in a pinned buffer, whose columns are
 * extracted into tts_values on demand by slot_getsomeattrs).  Nodes read
 * columns through slot_getattr / tts_values after slot_getsomeattrs, so
 * no tuple is formed that nobody needs: a projection writes values, and
 * only ModifyTable materializes a heap tuple to insert.
 *
 * Slots are made by ExecInitExtraTupleSlot in the query's memory and
 * released (pins dropped) by ExecResetTupleTable at executor end.
 */
#ifndef TUSK_EXECUTOR_TUPTABLE_H
#define TUSK_EXECUTOR_TUPTABLE_H

#include "access/htup.h"
#include "access/tupdesc.h"
#include "storage/buf.h"

typedef enum TupleSlotKind
{
	TTS_VIRTUAL,
	TTS_HEAP,	   /* tts_tuple palloc'd (owned if TTS_FLAG_SHOULDFREE) */
	TTS_BUFFERHEAP /* tts_tuple points into a page that the scan which
					* produced it keeps pinned until it moves on */
} TupleSlotKind;

#define TTS_FLAG_EMPTY (1 << 1)
#define TTS_FLAG_SHOULDFREE (1 << 2)

typedef struct TupleTableSlot
{
	NodeTag type;
	TupleSlotKind kind;
	uint16 tts_flags;
	AttrNumber tts_nvalid; /* tts_values[0..nvalid-1] are valid */
	TupleDesc tts_tupleDescriptor;
	Datum *tts_values;
	bool *tts_isnull;
	MemoryContext tts_mcxt;	 /* where the slot lives */
	ItemPointerData tts_tid; /* where the row is stored, if it is */
	Oid tts_tableOid;
	HeapTuple tts_tuple;	   /* TTS_HEAP / TTS_BUFFERHEAP */
	HeapTupleData tts_tupdata; /* header for a tuple in a buffer */
	Buffer tts_buffer;		   /* the page's buffer, for TTS_BUFFERHEAP */
	uint32 tts_off;			   /* deforming: offset of column tts_nvalid */
	bool tts_slow;			   /* deforming: offsets no longer cached */
} TupleTableSlot;

/* No row: NULL or an empty slot.  (A function, not PostgreSQL's macro:
 * its argument is often a call that must happen once.) */
static inline bool TupIsNull(const struct TupleTableSlot *slot);

static inline bool TupIsNull(const TupleTableSlot *slot)
{
	return slot == NULL || (slot->tts_flags & TTS_FLAG_EMPTY) != 0;
}

#ifdef __cplusplus
extern "C" {
#endif

extern TupleTableSlot *MakeTupleTableSlot(TupleDesc tupleDesc);
extern void ExecDropSingleTupleTableSlot(TupleTableSlot *slot);
extern TupleTableSlot *ExecClearTuple(TupleTableSlot *slot);
/* The caller filled tts_values/tts_isnull for every column. */
extern TupleTableSlot *ExecStoreVirtualTuple(TupleTableSlot *slot);
extern TupleTableSlot *ExecStoreAllNullTuple(TupleTableSlot *slot);
/* A tuple in a buffer page: valid while its scan holds the page (until
 * the scan's next row); ExecMaterializeSlot makes it independent. */
extern TupleTableSlot *ExecStoreBufferHeapTuple(HeapTuple tuple, TupleTableSlot *slot,
												Buffer buffer);
/* A palloc'd tuple; shouldFree: the slot frees it when cleared. */
extern TupleTableSlot *ExecStoreHeapTuple(HeapTuple tuple, TupleTableSlot *slot, bool shouldFree);
/* Extract columns 1..attnum into tts_values. */
extern void slot_getsomeattrs(TupleTableSlot *slot, int attnum);
extern void slot_getallattrs(TupleTableSlot *slot);
extern Datum slot_getattr(TupleTableSlot *slot, int attnum, bool *isnull);
extern Datum slot_getsysattr(TupleTableSlot *slot, int attnum, bool *isnull);
/* A new heap tuple of the slot's row, in CurrentMemoryContext. */
extern HeapTuple ExecCopySlotHeapTuple(TupleTableSlot *slot);
/* dst holds a copy of src's row, independent of src's storage. */
extern TupleTableSlot *ExecCopySlot(TupleTableSlot *dst, TupleTableSlot *src);
/* Make the slot's values independent of buffers and other memory. */
extern void ExecMaterializeSlot(TupleTableSlot *slot);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_EXECUTOR_TUPTABLE_H */
