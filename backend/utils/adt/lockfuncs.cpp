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
 * pg_lock_status, which the view pg_locks reads, is here too.
 *
 * Principal entry points: the SQL-callable functions below (their C
 * names are PostgreSQL's pg_proc.prosrc).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
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

/* pg_lock_status(): a row per held or awaited lock mode per process, from
 * the shared lock table (GetLockStatusData), with PostgreSQL 15's
 * columns.  Tusk has neither virtual transaction ids (so no virtualxid
 * locks, and virtualtransaction is NULL), nor fast-path locks (fastpath
 * is false), nor a record of when a wait began (waitstart is NULL). */
Datum pg_lock_status(PG_FUNCTION_ARGS)
{
	constexpr int kColumns = 16;
	static const char *const kLockTypeNames[] = {
		"relation",	  "extend",	   "frozenid", "page",	   "tuple",	   "transactionid",
		"virtualxid", "spectoken", "object",   "userlock", "advisory",
	};
	static_assert(lengthof(kLockTypeNames) == LOCKTAG_LAST_TYPE + 1);
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		static const Oid kTypes[kColumns] = {TEXTOID, OIDOID,  OIDOID,	INT4OID,
											 INT2OID, TEXTOID, XIDOID,	OIDOID,
											 OIDOID,  INT2OID, TEXTOID, INT4OID,
											 TEXTOID, BOOLOID, BOOLOID, TIMESTAMPTZOID};
		TupleDesc desc = CreateTemplateTupleDesc(kColumns);
		for (int i = 0; i < kColumns; i++)
			TupleDescInitEntry(desc, static_cast<AttrNumber>(i + 1), nullptr, kTypes[i], -1, 0);
		funcctx->tuple_desc = BlessTupleDesc(desc);
		List *rows = NIL;
		for (const LockInstanceData &inst : GetLockStatusData())
		{
			const LOCKTAG &tag = inst.locktag;
			Datum values[kColumns] = {};
			bool nulls[kColumns];
			for (bool &n : nulls)
				n = true;
			auto set = [&](int i, Datum d) {
				values[i] = d;
				nulls[i] = false;
			};
			const char *type = tag.locktag_type <= LOCKTAG_LAST_TYPE
				? kLockTypeNames[tag.locktag_type]
				: "unknown";
			set(0, PointerGetDatum(cstring_to_text(type)));
			switch (static_cast<LockTagType>(tag.locktag_type))
			{
				case LOCKTAG_RELATION:
				case LOCKTAG_RELATION_EXTEND:
					set(1, ObjectIdGetDatum(tag.locktag_field1));
					set(2, ObjectIdGetDatum(tag.locktag_field2));
					break;
				case LOCKTAG_DATABASE_FROZEN_IDS:
					set(1, ObjectIdGetDatum(tag.locktag_field1));
					break;
				case LOCKTAG_PAGE:
					set(1, ObjectIdGetDatum(tag.locktag_field1));
					set(2, ObjectIdGetDatum(tag.locktag_field2));
					set(3, UInt32GetDatum(tag.locktag_field3));
					break;
				case LOCKTAG_TUPLE:
					set(1, ObjectIdGetDatum(tag.locktag_field1));
					set(2, ObjectIdGetDatum(tag.locktag_field2));
					set(3, UInt32GetDatum(tag.locktag_field3));
					set(4, UInt16GetDatum(tag.locktag_field4));
					break;
				case LOCKTAG_TRANSACTION:
					/* The low 32 bits of the 64-bit id, as xid shows it. */
					set(6, TransactionIdGetDatum(tag.locktag_field1));
					break;
				case LOCKTAG_VIRTUALTRANSACTION:
				{
					char vxid[32];
					snprintf(vxid, sizeof vxid, "%d/%u", static_cast<int>(tag.locktag_field1),
							 tag.locktag_field2);
					set(5, PointerGetDatum(cstring_to_text(vxid)));
					break;
				}
				case LOCKTAG_SPECULATIVE_TOKEN:
				case LOCKTAG_OBJECT:
				case LOCKTAG_USERLOCK:
				case LOCKTAG_ADVISORY:
				default:
					set(1, ObjectIdGetDatum(tag.locktag_field1));
					set(7, ObjectIdGetDatum(tag.locktag_field2));
					set(8, ObjectIdGetDatum(tag.locktag_field3));
					set(9, Int16GetDatum(static_cast<int16>(tag.locktag_field4)));
					break;
			}
			set(11, Int32GetDatum(inst.pid));
			set(12,
				PointerGetDatum(
					cstring_to_text(GetLockmodeName(tag.locktag_lockmethodid, inst.mode))));
			set(13, BoolGetDatum(inst.granted));
			set(14, BoolGetDatum(false));
			HeapTuple tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
			rows = lappend(rows,
						   DatumGetPointer(heap_copy_tuple_as_datum(tuple, funcctx->tuple_desc)));
		}
		funcctx->user_fctx = rows;
		funcctx->max_calls = static_cast<uint64>(list_length(rows));
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		/* Before SRF_RETURN_NEXT, which counts the call first. */
		List *rows = static_cast<List *>(funcctx->user_fctx);
		Datum row = PointerGetDatum(list_nth(rows, static_cast<int>(funcctx->call_cntr)));
		SRF_RETURN_NEXT(funcctx, row);
	}
	SRF_RETURN_DONE(funcctx);
}
