/*
 * access/heapam.h — the heap access method.  So far: whether a tuple is
 * visible, updatable, or removable (heapam_visibility.cpp); heap
 * insert/update/delete/scan come with the heap itself.
 */
#ifndef TUSK_ACCESS_HEAPAM_H
#define TUSK_ACCESS_HEAPAM_H

#include "c.h"
#include "access/htup.h"
#include "access/transam.h"
#include "access/xact.h"
#include "storage/buf.h"
#include "utils/snapshot.h"

/* What an update or delete of a tuple would meet (PostgreSQL's
 * TM_Result, from access/tableam.h). */
typedef enum TM_Result
{
	TM_Ok,						/* go ahead */
	TM_Invisible,				/* not visible to the command at all */
	TM_SelfModified,			/* changed by a later command of ours */
	TM_Updated,					/* updated by a committed transaction */
	TM_Deleted,					/* deleted by a committed transaction */
	TM_BeingModified,			/* being changed by a running transaction */
	TM_WouldBlock				/* (lock wait refused) */
} TM_Result;

/* What VACUUM may do with a tuple. */
typedef enum HTSV_Result
{
	HEAPTUPLE_DEAD,				/* dead to everyone: removable */
	HEAPTUPLE_LIVE,
	HEAPTUPLE_RECENTLY_DEAD,	/* dead, but some snapshot may still see it */
	HEAPTUPLE_INSERT_IN_PROGRESS,
	HEAPTUPLE_DELETE_IN_PROGRESS
} HTSV_Result;

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The tuple's buffer must be pinned and locked (share is enough): the
 * checks set hint bits as they learn transactions' outcomes.
 */
extern bool HeapTupleSatisfiesVisibility(HeapTuple htup, Snapshot snapshot, Buffer buffer);
extern TM_Result HeapTupleSatisfiesUpdate(HeapTuple htup, CommandId curcid, Buffer buffer);
/* oldestXmin: from GetOldestNonRemovableFullTransactionId. */
extern HTSV_Result HeapTupleSatisfiesVacuum(HeapTuple htup, FullTransactionId oldestXmin,
											Buffer buffer);
/* Record that xid committed (infomask HEAP_XMIN_COMMITTED or
 * HEAP_XMAX_COMMITTED) or is invalid, unless the commit's WAL is not yet
 * flushed past the page's: then the hint would outrun the commit. */
extern void HeapTupleSetHintBits(HeapTupleHeader tuple, Buffer buffer, uint16 infomask,
								 FullTransactionId xid);

#ifdef __cplusplus
}
#endif

#endif							/* TUSK_ACCESS_HEAPAM_H */
