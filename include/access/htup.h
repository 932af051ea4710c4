/*
 * access/htup.h — a heap tuple as code passes it around: where it came
 * from and a pointer to its bytes (header, then data).
 */
#ifndef TUSK_ACCESS_HTUP_H
#define TUSK_ACCESS_HTUP_H

#include "c.h"
#include "storage/itemptr.h"

typedef struct HeapTupleHeaderData HeapTupleHeaderData;
typedef HeapTupleHeaderData *HeapTupleHeader;

typedef struct HeapTupleData
{
	uint32 t_len;			/* length of *t_data */
	ItemPointerData t_self; /* where it is stored (or invalid) */
	Oid t_tableOid;			/* its table */
	HeapTupleHeader t_data;
} HeapTupleData;

typedef HeapTupleData *HeapTuple;

#define HEAPTUPLESIZE MAXALIGN(sizeof(HeapTupleData))

#endif /* TUSK_ACCESS_HTUP_H */
