/*
 * access/xact.h — transactions: start, commit, abort, and what a running
 * transaction knows about itself.
 *
 * The names and the block states are PostgreSQL's.  A command runs between
 * StartTransactionCommand and CommitTransactionCommand (or
 * AbortCurrentTransaction after an error); without BeginTransactionBlock
 * each command is its own transaction.  A transaction gets an id only when
 * it first needs one (GetCurrentTransactionId, on its first write); one
 * that never wrote commits and aborts without touching the WAL or the
 * commit log.
 *
 * Commit writes a commit record and, unless synchronous_commit is off,
 * flushes the WAL to it before marking the id committed in the commit log
 * and leaving the ProcArray — so a commit any snapshot can see is on disk.
 * Abort writes an abort record (not flushed: a lost abort reads as a crash,
 * and a crashed transaction's id is treated as aborted).
 *
 * Ids are 64 bits wide inside Tusk (access/transam.h).  The functions that
 * PostgreSQL declares with TransactionId keep that type (the low 32 bits);
 * the Full variants give the whole id.
 *
 * Savepoints are subtransactions, as in PostgreSQL: a stack of transaction
 * states, one per open savepoint, each with its own memory context,
 * resource owner, setting level and (assigned when it first writes, always
 * greater than its parent's) transaction id.  Releasing a savepoint merges
 * its subtransaction into the parent; rolling back to one aborts every
 * subtransaction above it and starts it anew.  A committed subtransaction's
 * id becomes committed together with its top-level transaction; an
 * aborted one's is aborted at once.  See doc/access/transam/README.md.
 */
#ifndef TUSK_ACCESS_XACT_H
#define TUSK_ACCESS_XACT_H

#include "c.h"
#include "access/transam.h"
#include "access/xlogdefs.h"

typedef struct XLogReaderState XLogReaderState;

/* Isolation levels (default_transaction_isolation). */
#define XACT_READ_UNCOMMITTED 0
#define XACT_READ_COMMITTED 1
#define XACT_REPEATABLE_READ 2
#define XACT_SERIALIZABLE 3

/* synchronous_commit values, PostgreSQL's.  Without standbys, the remote
 * levels wait for the local flush, as PostgreSQL does when no synchronous
 * standby is configured. */
typedef enum SyncCommitLevel
{
	SYNCHRONOUS_COMMIT_OFF,
	SYNCHRONOUS_COMMIT_LOCAL_FLUSH,
	SYNCHRONOUS_COMMIT_REMOTE_WRITE,
	SYNCHRONOUS_COMMIT_REMOTE_FLUSH,
	SYNCHRONOUS_COMMIT_REMOTE_APPLY
} SyncCommitLevel;

#define SYNCHRONOUS_COMMIT_ON SYNCHRONOUS_COMMIT_REMOTE_FLUSH

typedef uint32 CommandId;

/* Subtransactions are numbered from 1 (the top level) within a
 * transaction, in the order they start; unlike transaction ids, these
 * numbers are local to the backend and never written anywhere. */
typedef uint32 SubTransactionId;

#define InvalidSubTransactionId ((SubTransactionId) 0)
#define TopSubTransactionId ((SubTransactionId) 1)

#define FirstCommandId ((CommandId) 0)
#define InvalidCommandId (~(CommandId) 0)

/* Events for RegisterXactCallback, PostgreSQL's (those that can occur). */
typedef enum XactEvent
{
	XACT_EVENT_COMMIT,
	XACT_EVENT_PARALLEL_COMMIT,
	XACT_EVENT_ABORT,
	XACT_EVENT_PARALLEL_ABORT,
	XACT_EVENT_PREPARE,
	XACT_EVENT_PRE_COMMIT,
	XACT_EVENT_PARALLEL_PRE_COMMIT,
	XACT_EVENT_PRE_PREPARE
} XactEvent;

typedef void (*XactCallback)(XactEvent event, void *arg);

/* Events for RegisterSubXactCallback, PostgreSQL's. */
typedef enum SubXactEvent
{
	SUBXACT_EVENT_START_SUB,
	SUBXACT_EVENT_COMMIT_SUB,
	SUBXACT_EVENT_ABORT_SUB,
	SUBXACT_EVENT_PRE_COMMIT_SUB
} SubXactEvent;

typedef void (*SubXactCallback)(SubXactEvent event, SubTransactionId mySubid,
								SubTransactionId parentSubid, void *arg);

/* WAL records of the transaction manager (RM_XACT_ID).  The transaction's
 * id is the record header's xl_xid: the top-level id for a commit, the
 * aborted (sub)transaction's own id for an abort.  Each record is followed
 * by nsubxacts 64-bit ids: the committed subtransactions that commit with
 * it, or the subtransactions of the aborted one that abort with it. */
#define XLOG_XACT_COMMIT 0x00
#define XLOG_XACT_ABORT 0x20
#define XLOG_XACT_OPMASK 0x70

typedef struct xl_xact_commit
{
	TimestampTz xact_time; /* when it committed */
	uint32 nsubxacts;	   /* FullTransactionIds that follow */
} xl_xact_commit;

typedef struct xl_xact_abort
{
	TimestampTz xact_time;
	uint32 nsubxacts;
} xl_xact_abort;

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT int DefaultXactIsoLevel;
extern PGDLLIMPORT int XactIsoLevel;
/* default_transaction_read_only / _deferrable, and the current
 * transaction's (transaction_read_only / _deferrable). */
extern PGDLLIMPORT bool DefaultXactReadOnly;
extern PGDLLIMPORT bool XactReadOnly;
extern PGDLLIMPORT bool DefaultXactDeferrable;
extern PGDLLIMPORT bool XactDeferrable;

/* 25006 "cannot execute CMDNAME in a read-only transaction" when the
 * transaction is read-only (PostgreSQL's PreventCommandIfReadOnly). */
extern void PreventCommandIfReadOnly(const char *cmdname);
extern PGDLLIMPORT int synchronous_commit;

#define IsolationUsesXactSnapshot() (XactIsoLevel >= XACT_REPEATABLE_READ)

/* The command-level interface. */
extern void StartTransactionCommand(void);
extern void CommitTransactionCommand(void);
extern void AbortCurrentTransaction(void);
/* BEGIN, COMMIT, ROLLBACK.  EndTransactionBlock returns false when the
 * block had failed (the COMMIT becomes a ROLLBACK). */
extern void BeginTransactionBlock(void);
extern bool EndTransactionBlock(bool chain);
extern void UserAbortTransactionBlock(bool chain);
/* Whatever state we are in (open subtransactions, a failed block), end it
 * all: process exit, and the main loops' last resort. */
extern void AbortOutOfAnyTransaction(void);

/* SAVEPOINT, RELEASE [SAVEPOINT], ROLLBACK TO [SAVEPOINT]: errors 3B001
 * for an unknown name; the work happens at CommitTransactionCommand. */
extern void DefineSavepoint(const char *name);
extern void ReleaseSavepoint(const char *name);
extern void RollbackToSavepoint(const char *name);
/* The same for code running inside a command (SPI, PL exception blocks):
 * the subtransaction starts, commits or aborts at once.  The caller's
 * memory context is kept by Begin; after Release and RollbackAndRelease the
 * parent's CurTransactionContext is current. */
extern void BeginInternalSubTransaction(const char *name);
extern void ReleaseCurrentSubTransaction(void);
extern void RollbackAndReleaseCurrentSubTransaction(void);
/* 25P01 "<stmtType> can only be used in transaction blocks" outside one. */
extern void RequireTransactionBlock(bool isTopLevel, const char *stmtType);
extern void WarnNoTransactionBlock(bool isTopLevel, const char *stmtType);

extern bool IsSubTransaction(void);
/* 1 at the top level, one more per open subtransaction; 0 outside. */
extern int GetCurrentTransactionNestLevel(void);
extern SubTransactionId GetCurrentSubTransactionId(void);
extern bool IsTransactionState(void);
extern bool IsTransactionBlock(void);
extern bool IsAbortedTransactionBlockState(void);
/* ReadyForQuery's status: 'I' idle, 'T' in a block, 'E' in a failed one. */
extern char TransactionBlockStatusCode(void);

/* The id, assigned now if the transaction has none yet. */
extern TransactionId GetTopTransactionId(void);
extern TransactionId GetCurrentTransactionId(void);
extern FullTransactionId GetTopFullTransactionId(void);
extern FullTransactionId GetCurrentFullTransactionId(void);
/* The id if one was assigned, else invalid. */
extern TransactionId GetTopTransactionIdIfAny(void);
extern TransactionId GetCurrentTransactionIdIfAny(void);
extern FullTransactionId GetTopFullTransactionIdIfAny(void);
extern FullTransactionId GetCurrentFullTransactionIdIfAny(void);
extern bool TransactionIdIsCurrentTransactionId(TransactionId xid);
extern bool FullTransactionIdIsCurrentTransactionId(FullTransactionId xid);

/* Commands within a transaction see the changes of earlier commands. */
extern CommandId GetCurrentCommandId(bool used);
extern void CommandCounterIncrement(void);

extern TimestampTz GetCurrentTransactionStartTimestamp(void);
extern TimestampTz GetCurrentStatementStartTimestamp(void);
extern void SetCurrentStatementStartTimestamp(void);

extern void RegisterXactCallback(XactCallback callback, void *arg);
extern void UnregisterXactCallback(XactCallback callback, void *arg);
extern void RegisterSubXactCallback(SubXactCallback callback, void *arg);
extern void UnregisterSubXactCallback(SubXactCallback callback, void *arg);

/* Recovery: the RM_XACT_ID resource manager. */
extern void xact_redo(XLogReaderState *record);
extern const char *xact_identify(uint8 info);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_XACT_H */
