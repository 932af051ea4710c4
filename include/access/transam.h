/*
 * access/transam.h — transaction ids.
 *
 * Inside Tusk a transaction id is 64 bits wide (FullTransactionId), so ids
 * never wrap around and PostgreSQL's freezing against wraparound never has
 * to happen.  TransactionId, the 32-bit id PostgreSQL's SQL interface
 * shows, is its low half.
 */
#ifndef TUSK_ACCESS_TRANSAM_H
#define TUSK_ACCESS_TRANSAM_H

#include "c.h"
#include "access/xlogdefs.h"

typedef uint32 TransactionId;

typedef struct FullTransactionId
{
	uint64 value;
} FullTransactionId;

#define InvalidTransactionId ((TransactionId) 0)
#define BootstrapTransactionId ((TransactionId) 1)
#define FrozenTransactionId ((TransactionId) 2)
#define FirstNormalTransactionId ((TransactionId) 3)
#define TransactionIdIsValid(xid) ((xid) != InvalidTransactionId)
#define TransactionIdIsNormal(xid) ((xid) >= FirstNormalTransactionId)

#define EpochFromFullTransactionId(x) ((uint32) ((x).value >> 32))
#define XidFromFullTransactionId(x) ((uint32) (x).value)
#define U64FromFullTransactionId(x) ((x).value)
#define FullTransactionIdEquals(a, b) ((a).value == (b).value)
#define FullTransactionIdPrecedes(a, b) ((a).value < (b).value)
#define FullTransactionIdPrecedesOrEquals(a, b) ((a).value <= (b).value)
#define FullTransactionIdFollows(a, b) ((a).value > (b).value)
#define FullTransactionIdFollowsOrEquals(a, b) ((a).value >= (b).value)
#define FullTransactionIdIsValid(x) ((x).value != 0)
#define FullTransactionIdIsNormal(x) ((x).value >= FirstNormalTransactionId)

static inline FullTransactionId FullTransactionIdFromU64(uint64 value)
{
	FullTransactionId result;
	result.value = value;
	return result;
}

#define InvalidFullTransactionId FullTransactionIdFromU64(0)
#define FirstNormalFullTransactionId FullTransactionIdFromU64(FirstNormalTransactionId)

/* OIDs of objects initdb's post-bootstrap script creates start here, as
 * in PostgreSQL; anything below is pinned (catalog/pg_depend.cpp). */
#define FirstUnpinnedObjectId 12000
#define FirstNormalObjectId 16384 /* OIDs below are initdb's, as in PostgreSQL */

#ifdef __cplusplus
extern "C" {
#endif

/* The shared id counters (varsup.cpp), guarded by XidGenLock. */
extern Size VarsupShmemSize(void);
extern void VarsupShmemInit(void);
/* A new id for a transaction (isSubXact: a subtransaction), published in
 * MyProc before it is returned (a subtransaction's only while MyProc's
 * cache of PGPROC_MAX_CACHED_SUBXIDS has room; else the cache is marked
 * overflowed); its commit-log and pg_subtrans pages exist. */
extern FullTransactionId GetNewTransactionId(bool isSubXact);
extern FullTransactionId ReadNextFullTransactionId(void);
/* Startup and replay: ids up to xid are taken. */
extern void SetNextFullTransactionId(FullTransactionId next);
extern void AdvanceNextFullTransactionIdPastXid(FullTransactionId xid);
extern Oid GetNewObjectId(void);

/* The commit log's answer (transam.cpp).  A transaction that is neither
 * committed nor aborted there and is not running crashed: it counts as
 * aborted (callers ask FullTransactionIdIsInProgress first). */
extern bool FullTransactionIdDidCommit(FullTransactionId xid);
extern bool FullTransactionIdDidAbort(FullTransactionId xid);
/* WAL that must be flushed before the commit of xid may be relied on in
 * a data page (hint bits); invalid when already safe. */
extern XLogRecPtr TransactionIdGetCommitLSN(FullTransactionId xid);
extern Oid ReadNextObjectId(void);
extern void SetNextObjectId(Oid next);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_TRANSAM_H */
