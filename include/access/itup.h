/*
 * access/itup.h — index tuples, in PostgreSQL's format (its itup.h).
 *
 * An index tuple is an IndexTupleData header — the heap TID it points to
 * (or, in a B-tree's internal pages, the child block) and t_info: the
 * tuple's size in the low 13 bits, a "has variable-width values" bit, a
 * "has nulls" bit and one bit the access method may use — then, when any
 * value is NULL, a null bitmap of INDEX_MAX_KEYS bits (bit set = not
 * null, as in heap tuples), padding to MAXALIGN, and the values laid out
 * as a heap tuple's are (each aligned to its column's attalign; short
 * varlenas with 1-byte headers).
 *
 * Principal entry points: index_form_tuple, index_getattr,
 * index_deform_tuple, CopyIndexTuple.
 */
#ifndef TUSK_ACCESS_ITUP_H
#define TUSK_ACCESS_ITUP_H

#include "c.h"
#include "access/tupdesc.h"
#include "fmgr.h"
#include "storage/itemptr.h"

typedef struct IndexTupleData
{
	ItemPointerData t_tid; /* the heap tuple (or, B-tree pivots: the child) */
	unsigned short t_info; /* size, flags */
} IndexTupleData;

typedef IndexTupleData *IndexTuple;

typedef struct IndexAttributeBitMapData
{
	bits8 bits[(INDEX_MAX_KEYS + 8 - 1) / 8];
} IndexAttributeBitMapData;

#define INDEX_SIZE_MASK 0x1FFF
#define INDEX_AM_RESERVED_BIT 0x2000 /* the access method's own use */
#define INDEX_VAR_MASK 0x4000
#define INDEX_NULL_MASK 0x8000

#define IndexTupleSize(itup) ((Size) ((itup)->t_info & INDEX_SIZE_MASK))
#define IndexTupleHasNulls(itup) ((((IndexTuple) (itup))->t_info & INDEX_NULL_MASK))
#define IndexTupleHasVarwidths(itup) ((((IndexTuple) (itup))->t_info & INDEX_VAR_MASK))

/* Where the values start: after the header, and the bitmap when there is one. */
#define IndexInfoFindDataOffset(t_info) \
	((!((t_info) &INDEX_NULL_MASK)) \
		 ? ((Size) MAXALIGN(sizeof(IndexTupleData))) \
		 : ((Size) MAXALIGN(sizeof(IndexTupleData) + sizeof(IndexAttributeBitMapData))))

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A tuple of the descriptor's columns (palloc'd).  Values are copied in;
 * a tuple larger than INDEX_SIZE_MASK bytes is PostgreSQL's 54000 "index
 * row requires N bytes, maximum size is 8191".
 */
extern IndexTuple index_form_tuple(TupleDesc tupleDescriptor, const Datum *values,
								   const bool *isnull);
/* Column attnum (1-based); pointers point into the tuple. */
extern Datum index_getattr(IndexTuple tup, int attnum, TupleDesc tupleDesc, bool *isnull);
extern void index_deform_tuple(IndexTuple tup, TupleDesc tupleDescriptor, Datum *values,
							   bool *isnull);
extern IndexTuple CopyIndexTuple(IndexTuple source);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_ITUP_H */
