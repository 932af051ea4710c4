/*
 * lmgr.cpp — relation and transaction locks (see storage/lmgr.h).
 *
 * Principal entry points: LockRelationOid, XactLockTableInsert,
 * XactLockTableWait.
 */
#include "postgres.h"

#include "access/xact.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "utils/inval.h"
#include "utils/relcache.h"
#include "storage/procarray.h"

namespace {

LOCKTAG RelationTag(Oid relid)
{
	LOCKTAG tag;
	/* Shared catalogs are one object for every database. */
	SET_LOCKTAG_RELATION(tag, IsSharedRelation(relid) ? InvalidOid : MyDatabaseId, relid);
	return tag;
}

LOCKTAG XactTag(FullTransactionId xid)
{
	LOCKTAG tag;
	SET_LOCKTAG_FULL_TRANSACTION(tag, xid);
	return tag;
}

LOCKTAG SharedObjectTag(Oid classid, Oid objid, uint16 objsubid)
{
	LOCKTAG tag;
	tag.locktag_field1 = InvalidOid; /* shared: every database's */
	tag.locktag_field2 = classid;
	tag.locktag_field3 = objid;
	tag.locktag_field4 = objsubid;
	tag.locktag_type = LOCKTAG_OBJECT;
	tag.locktag_lockmethodid = DEFAULT_LOCKMETHOD;
	return tag;
}

}  // namespace

void LockSharedObject(Oid classid, Oid objid, uint16 objsubid, LOCKMODE lockmode)
{
	LOCKTAG tag = SharedObjectTag(classid, objid, objsubid);
	if (LockAcquire(&tag, lockmode, false, false) != LOCKACQUIRE_ALREADY_HELD)
		AcceptInvalidationMessages();
}

void UnlockSharedObject(Oid classid, Oid objid, uint16 objsubid, LOCKMODE lockmode)
{
	LOCKTAG tag = SharedObjectTag(classid, objid, objsubid);
	LockRelease(&tag, lockmode, false);
}

void LockRelationOid(Oid relid, LOCKMODE lockmode)
{
	LOCKTAG tag = RelationTag(relid);
	/* A lock newly taken may have waited for a DDL transaction: see its
	 * catalog changes before using the relation's description. */
	if (LockAcquire(&tag, lockmode, false, false) != LOCKACQUIRE_ALREADY_HELD)
		AcceptInvalidationMessages();
}

bool ConditionalLockRelationOid(Oid relid, LOCKMODE lockmode)
{
	LOCKTAG tag = RelationTag(relid);
	return LockAcquire(&tag, lockmode, false, true) != LOCKACQUIRE_NOT_AVAIL;
}

void UnlockRelationOid(Oid relid, LOCKMODE lockmode)
{
	LOCKTAG tag = RelationTag(relid);
	(void) LockRelease(&tag, lockmode, false);
}

void LockTuple(Oid relid, BlockNumber blkno, OffsetNumber offnum, LOCKMODE lockmode)
{
	LOCKTAG tag;
	SET_LOCKTAG_TUPLE(tag, MyDatabaseId, relid, blkno, offnum);
	(void) LockAcquire(&tag, lockmode, false, false);
}

void UnlockTuple(Oid relid, BlockNumber blkno, OffsetNumber offnum, LOCKMODE lockmode)
{
	LOCKTAG tag;
	SET_LOCKTAG_TUPLE(tag, MyDatabaseId, relid, blkno, offnum);
	(void) LockRelease(&tag, lockmode, false);
}

void XactLockTableInsert(FullTransactionId xid)
{
	LOCKTAG tag = XactTag(xid);
	(void) LockAcquire(&tag, ExclusiveLock, false, false);
}

void XactLockTableDelete(FullTransactionId xid)
{
	LOCKTAG tag = XactTag(xid);
	(void) LockRelease(&tag, ExclusiveLock, false);
}

void XactLockTableWait(FullTransactionId xid)
{
	/* The holder's exclusive lock goes with its transaction; taking a
	 * share lock on the id waits for that.  Loop: an id assigned but not
	 * yet locked by its owner reads as in progress without a lock. */
	while (FullTransactionIdIsInProgress(xid))
	{
		if (FullTransactionIdIsCurrentTransactionId(xid))
			elog(ERROR, "cannot wait for our own transaction");
		LOCKTAG tag = XactTag(xid);
		(void) LockAcquire(&tag, ShareLock, false, false);
		(void) LockRelease(&tag, ShareLock, false);
		if (FullTransactionIdIsInProgress(xid))
			CHECK_FOR_INTERRUPTS();
	}
}

bool ConditionalXactLockTableWait(FullTransactionId xid)
{
	while (FullTransactionIdIsInProgress(xid))
	{
		LOCKTAG tag = XactTag(xid);
		if (LockAcquire(&tag, ShareLock, false, true) == LOCKACQUIRE_NOT_AVAIL)
			return false;
		(void) LockRelease(&tag, ShareLock, false);
	}
	return true;
}
