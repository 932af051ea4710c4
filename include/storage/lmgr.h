/*
 * storage/lmgr.h — locks on relations and transactions, on top of the
 * lock manager (storage/lock.h).
 */
#ifndef TUSK_STORAGE_LMGR_H
#define TUSK_STORAGE_LMGR_H

#include "c.h"
#include "access/transam.h"
#include "storage/block.h"
#include "storage/lock.h"
#include "storage/off.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Relations of the current database (MyDatabaseId). */
extern void LockRelationOid(Oid relid, LOCKMODE lockmode);
extern bool ConditionalLockRelationOid(Oid relid, LOCKMODE lockmode);
extern void UnlockRelationOid(Oid relid, LOCKMODE lockmode);

/* A shared object (a database, a role) as a whole, until transaction end
 * (PostgreSQL's LockSharedObject). */
extern void LockSharedObject(Oid classid, Oid objid, uint16 objsubid, LOCKMODE lockmode);
extern void UnlockSharedObject(Oid classid, Oid objid, uint16 objsubid, LOCKMODE lockmode);

/* A row's place in the queue of those waiting to change it. */
extern void LockTuple(Oid relid, BlockNumber blkno, OffsetNumber offnum, LOCKMODE lockmode);
extern void UnlockTuple(Oid relid, BlockNumber blkno, OffsetNumber offnum, LOCKMODE lockmode);

/* Every transaction holds an exclusive lock on its own id from the moment
 * it gets one; waiting for a transaction to end is taking a share lock
 * on its id. */
extern void XactLockTableInsert(FullTransactionId xid);
extern void XactLockTableDelete(FullTransactionId xid);
extern void XactLockTableWait(FullTransactionId xid);
extern bool ConditionalXactLockTableWait(FullTransactionId xid);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_STORAGE_LMGR_H */
