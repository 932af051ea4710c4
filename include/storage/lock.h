/*
 * storage/lock.h — the heavyweight lock manager.
 *
 * Locks on database objects (relations, transactions, tuples, …) held
 * until the end of a transaction, in PostgreSQL's eight modes with its
 * conflict table.  A request that conflicts with a lock held by another
 * process, or with a request queued before it, waits — on its latch — in
 * the lock's FIFO queue; whoever releases a lock grants the waiters it can
 * and wakes them.  A process that has waited deadlock_timeout looks for a
 * cycle in the wait-for graph; if it finds one through itself, it gives up
 * its request with PostgreSQL's error (40P01 "deadlock detected").
 *
 * The table lives in shared memory, split into 16 partitions by the hash
 * of the lock's tag, each under its own LWLock; the deadlock check takes
 * them all.  Each process also keeps a local table of what it holds, so
 * re-taking a lock it has costs no shared access, and the end of a
 * transaction releases exactly what it took.
 */
#ifndef TUSK_STORAGE_LOCK_H
#define TUSK_STORAGE_LOCK_H

#include "c.h"
#include "access/transam.h"

typedef int LOCKMODE;
typedef int LOCKMASK;

/* PostgreSQL's lock modes (storage/lockdefs.h). */
#define NoLock 0
#define AccessShareLock 1		   /* SELECT */
#define RowShareLock 2			   /* SELECT FOR UPDATE/FOR SHARE */
#define RowExclusiveLock 3		   /* INSERT, UPDATE, DELETE */
#define ShareUpdateExclusiveLock 4 /* VACUUM (non-FULL), ANALYZE, CREATE INDEX CONCURRENTLY */
#define ShareLock 5				   /* CREATE INDEX (WITHOUT CONCURRENTLY) */
#define ShareRowExclusiveLock 6	   /* like EXCLUSIVE MODE, but allows ROW SHARE */
#define ExclusiveLock 7			   /* blocks ROW SHARE/SELECT...FOR UPDATE */
#define AccessExclusiveLock 8	   /* ALTER TABLE, DROP TABLE, VACUUM FULL, LOCK TABLE */
#define MaxLockMode 8

#define LOCKBIT_ON(lockmode) (1 << (lockmode))

typedef uint16 LOCKMETHODID;

#define DEFAULT_LOCKMETHOD 1
#define USER_LOCKMETHOD 2

typedef enum LockTagType
{
	LOCKTAG_RELATION,		 /* field1 = database, field2 = relation */
	LOCKTAG_RELATION_EXTEND, /* the right to extend a relation */
	LOCKTAG_DATABASE_FROZEN_IDS,
	LOCKTAG_PAGE,		 /* field3 = block */
	LOCKTAG_TUPLE,		 /* field3 = block, field4 = offset */
	LOCKTAG_TRANSACTION, /* field1, field2 = low, high half of the 64-bit id */
	LOCKTAG_VIRTUALTRANSACTION,
	LOCKTAG_SPECULATIVE_TOKEN,
	LOCKTAG_OBJECT, /* field1 = database, field2 = class, field3 = object */
	LOCKTAG_USERLOCK,
	LOCKTAG_ADVISORY
} LockTagType;

#define LOCKTAG_LAST_TYPE LOCKTAG_ADVISORY

typedef struct LOCKTAG
{
	uint32 locktag_field1;
	uint32 locktag_field2;
	uint32 locktag_field3;
	uint16 locktag_field4;
	uint8 locktag_type; /* LockTagType */
	uint8 locktag_lockmethodid;
} LOCKTAG;

#define SET_LOCKTAG_RELATION(locktag, dboid, reloid) \
	((locktag).locktag_field1 = (dboid), (locktag).locktag_field2 = (reloid), \
	 (locktag).locktag_field3 = 0, (locktag).locktag_field4 = 0, \
	 (locktag).locktag_type = LOCKTAG_RELATION, \
	 (locktag).locktag_lockmethodid = DEFAULT_LOCKMETHOD)

#define SET_LOCKTAG_RELATION_EXTEND(locktag, dboid, reloid) \
	((locktag).locktag_field1 = (dboid), (locktag).locktag_field2 = (reloid), \
	 (locktag).locktag_field3 = 0, (locktag).locktag_field4 = 0, \
	 (locktag).locktag_type = LOCKTAG_RELATION_EXTEND, \
	 (locktag).locktag_lockmethodid = DEFAULT_LOCKMETHOD)

#define SET_LOCKTAG_PAGE(locktag, dboid, reloid, blocknum) \
	((locktag).locktag_field1 = (dboid), (locktag).locktag_field2 = (reloid), \
	 (locktag).locktag_field3 = (blocknum), (locktag).locktag_field4 = 0, \
	 (locktag).locktag_type = LOCKTAG_PAGE, (locktag).locktag_lockmethodid = DEFAULT_LOCKMETHOD)

#define SET_LOCKTAG_TUPLE(locktag, dboid, reloid, blocknum, offnum) \
	((locktag).locktag_field1 = (dboid), (locktag).locktag_field2 = (reloid), \
	 (locktag).locktag_field3 = (blocknum), (locktag).locktag_field4 = (offnum), \
	 (locktag).locktag_type = LOCKTAG_TUPLE, (locktag).locktag_lockmethodid = DEFAULT_LOCKMETHOD)

#define SET_LOCKTAG_FULL_TRANSACTION(locktag, fxid) \
	((locktag).locktag_field1 = (uint32) U64FromFullTransactionId(fxid), \
	 (locktag).locktag_field2 = (uint32) (U64FromFullTransactionId(fxid) >> 32), \
	 (locktag).locktag_field3 = 0, (locktag).locktag_field4 = 0, \
	 (locktag).locktag_type = LOCKTAG_TRANSACTION, \
	 (locktag).locktag_lockmethodid = DEFAULT_LOCKMETHOD)

#define SET_LOCKTAG_OBJECT(locktag, dboid, classoid, objoid, objsubid) \
	((locktag).locktag_field1 = (dboid), (locktag).locktag_field2 = (classoid), \
	 (locktag).locktag_field3 = (objoid), (locktag).locktag_field4 = (objsubid), \
	 (locktag).locktag_type = LOCKTAG_OBJECT, (locktag).locktag_lockmethodid = DEFAULT_LOCKMETHOD)

#define SET_LOCKTAG_ADVISORY(locktag, id1, id2, id3, id4) \
	((locktag).locktag_field1 = (id1), (locktag).locktag_field2 = (id2), \
	 (locktag).locktag_field3 = (id3), (locktag).locktag_field4 = (id4), \
	 (locktag).locktag_type = LOCKTAG_ADVISORY, (locktag).locktag_lockmethodid = USER_LOCKMETHOD)

typedef enum LockAcquireResult
{
	LOCKACQUIRE_NOT_AVAIL, /* dontWait, and it would have to */
	LOCKACQUIRE_OK,
	LOCKACQUIRE_ALREADY_HELD, /* this process already held it in this mode */
	LOCKACQUIRE_ALREADY_CLEAR
} LockAcquireResult;

/* PGPROC.waitStatus */
typedef enum ProcWaitStatus
{
	PROC_WAIT_STATUS_OK,
	PROC_WAIT_STATUS_WAITING,
	PROC_WAIT_STATUS_ERROR
} ProcWaitStatus;

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT int max_locks_per_xact; /* max_locks_per_transaction */
extern PGDLLIMPORT int LockTimeout;		   /* lock_timeout, ms; 0: none */
extern PGDLLIMPORT int DeadlockTimeout;	   /* deadlock_timeout, ms */

extern Size LockShmemSize(void);
extern void InitLocks(void);

/* sessionLock: held until released explicitly, past the end of the
 * transaction.  dontWait: return LOCKACQUIRE_NOT_AVAIL instead of
 * waiting. */
extern LockAcquireResult LockAcquire(const LOCKTAG *locktag, LOCKMODE lockmode, bool sessionLock,
									 bool dontWait);
/* False (with a WARNING) if the lock was not held. */
extern bool LockRelease(const LOCKTAG *locktag, LOCKMODE lockmode, bool sessionLock);
/* Transaction end: everything this transaction took (and, with
 * allLocks, session locks too). */
extern void LockReleaseAll(LOCKMETHODID lockmethodid, bool allLocks);
/* Every session lock of the lock method (pg_advisory_unlock_all);
 * transaction locks stay. */
extern void LockReleaseSession(LOCKMETHODID lockmethodid);
extern bool LockHeldByMe(const LOCKTAG *locktag, LOCKMODE lockmode);
/* The end of the subtransaction at nest level level: its transaction locks
 * pass to the parent level (commit) or are released (abort), as
 * PostgreSQL's resource owners do with them. */
extern void AtSubCommit_Locks(int level);
extern void AtSubAbort_Locks(int level);
extern bool DoLockModesConflict(LOCKMODE mode1, LOCKMODE mode2);
extern const char *GetLockmodeName(LOCKMETHODID lockmethodid, LOCKMODE mode);
/* "relation 16384 of database 5", "transaction 731", … (palloc'd). */
extern char *DescribeLockTag(const LOCKTAG *tag);

#ifdef __cplusplus
}

extern "C++" {
#include <vector>

/* One held or awaited lock mode of one process (PostgreSQL's
 * LockInstanceData, one per mode): what pg_locks lists. */
struct LockInstanceData
{
	LOCKTAG locktag;
	LOCKMODE mode;
	bool granted;
	int pid;
	int backendId; /* BackendId */
};

/* A consistent picture of the lock table: every partition is locked
 * (shared, in order) while it is copied.  Held modes come first per
 * holder, then the awaited mode of each waiting process. */
std::vector<LockInstanceData> GetLockStatusData();
}
#endif

#endif /* TUSK_STORAGE_LOCK_H */
