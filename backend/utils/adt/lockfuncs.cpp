/*
 * lockfuncs.cpp — advisory locks: pg_advisory_lock and its kin.
 *
 * An advisory lock is a heavyweight lock (storage/lock.h) on a
 * LOCKTAG_ADVISORY tag of the user lock method, named by the database
 * and either one int8 key or two int4 keys (the fourth tag field, 1 or 2,
 * keeps the two key spaces apart), as in PostgreSQL.  Exclusive
 * ("pg_advisory_lock") locks are ExclusiveLock, shared ones ShareLock, so
 * the lock manager's conflict table, queueing and deadlock detection
 * apply.  Session locks are held until unlocked (each acquisition needs
 * its own unlock) or the backend exits; transaction locks (the _xact_
 * forms) until the transaction ends.  Unlocking a lock not held is a
 * WARNING ("you don't own a lock of type ExclusiveLock") and false.
 *
 * Principal entry points: the SQL-callable functions below (their C
 * names are PostgreSQL's pg_proc.prosrc).
 */
#include "postgres.h"

#include "miscadmin.h"
#include "storage/lock.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

namespace {

LOCKTAG Int8Tag(int64 key)
{
	LOCKTAG tag;
	SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, static_cast<uint32>(key >> 32),
						 static_cast<uint32>(key), 1);
	return tag;
}

LOCKTAG Int4Tag(int32 key1, int32 key2)
{
	LOCKTAG tag;
	SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, static_cast<uint32>(key1), static_cast<uint32>(key2),
						 2);
	return tag;
}

LOCKTAG TagOf(FunctionCallInfo fcinfo, bool int4_pair)
{
	return int4_pair ? Int4Tag(PG_GETARG_INT32(0), PG_GETARG_INT32(1))
					 : Int8Tag(PG_GETARG_INT64(0));
}

void Lock(FunctionCallInfo fcinfo, bool int4_pair, LOCKMODE mode, bool session)
{
	LOCKTAG tag = TagOf(fcinfo, int4_pair);
	(void) LockAcquire(&tag, mode, session, false);
}

bool TryLock(FunctionCallInfo fcinfo, bool int4_pair, LOCKMODE mode, bool session)
{
	LOCKTAG tag = TagOf(fcinfo, int4_pair);
	return LockAcquire(&tag, mode, session, true) != LOCKACQUIRE_NOT_AVAIL;
}

bool Unlock(FunctionCallInfo fcinfo, bool int4_pair, LOCKMODE mode)
{
	LOCKTAG tag = TagOf(fcinfo, int4_pair);
	return LockRelease(&tag, mode, true);
}

}  // namespace

Datum pg_advisory_lock_int8(PG_FUNCTION_ARGS)
{
	Lock(fcinfo, false, ExclusiveLock, true);
	PG_RETURN_VOID();
}

Datum pg_advisory_xact_lock_int8(PG_FUNCTION_ARGS)
{
	Lock(fcinfo, false, ExclusiveLock, false);
	PG_RETURN_VOID();
}

Datum pg_advisory_lock_shared_int8(PG_FUNCTION_ARGS)
{
	Lock(fcinfo, false, ShareLock, true);
	PG_RETURN_VOID();
}

Datum pg_advisory_xact_lock_shared_int8(PG_FUNCTION_ARGS)
{
	Lock(fcinfo, false, ShareLock, false);
	PG_RETURN_VOID();
}

Datum pg_try_advisory_lock_int8(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TryLock(fcinfo, false, ExclusiveLock, true));
}

Datum pg_try_advisory_xact_lock_int8(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TryLock(fcinfo, false, ExclusiveLock, false));
}

Datum pg_try_advisory_lock_shared_int8(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TryLock(fcinfo, false, ShareLock, true));
}

Datum pg_try_advisory_xact_lock_shared_int8(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TryLock(fcinfo, false, ShareLock, false));
}

Datum pg_advisory_unlock_int8(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Unlock(fcinfo, false, ExclusiveLock));
}

Datum pg_advisory_unlock_shared_int8(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Unlock(fcinfo, false, ShareLock));
}

Datum pg_advisory_lock_int4(PG_FUNCTION_ARGS)
{
	Lock(fcinfo, true, ExclusiveLock, true);
	PG_RETURN_VOID();
}

Datum pg_advisory_xact_lock_int4(PG_FUNCTION_ARGS)
{
	Lock(fcinfo, true, ExclusiveLock, false);
	PG_RETURN_VOID();
}

Datum pg_advisory_lock_shared_int4(PG_FUNCTION_ARGS)
{
	Lock(fcinfo, true, ShareLock, true);
	PG_RETURN_VOID();
}

Datum pg_advisory_xact_lock_shared_int4(PG_FUNCTION_ARGS)
{
	Lock(fcinfo, true, ShareLock, false);
	PG_RETURN_VOID();
}

Datum pg_try_advisory_lock_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TryLock(fcinfo, true, ExclusiveLock, true));
}

Datum pg_try_advisory_xact_lock_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TryLock(fcinfo, true, ExclusiveLock, false));
}

Datum pg_try_advisory_lock_shared_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TryLock(fcinfo, true, ShareLock, true));
}

Datum pg_try_advisory_xact_lock_shared_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TryLock(fcinfo, true, ShareLock, false));
}

Datum pg_advisory_unlock_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Unlock(fcinfo, true, ExclusiveLock));
}

Datum pg_advisory_unlock_shared_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Unlock(fcinfo, true, ShareLock));
}

/* Every session-level advisory lock this backend holds; transaction-level
 * ones stay until the transaction ends. */
Datum pg_advisory_unlock_all(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	LockReleaseSession(USER_LOCKMETHOD);
	PG_RETURN_VOID();
}
