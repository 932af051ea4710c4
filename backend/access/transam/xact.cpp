/*
 * xact.cpp — the transaction manager (see access/xact.h).
 *
 * Principal entry points: StartTransactionCommand,
 * CommitTransactionCommand, AbortCurrentTransaction,
 * BeginTransactionBlock, EndTransactionBlock, UserAbortTransactionBlock,
 * GetCurrentTransactionId, CommandCounterIncrement, xact_redo.
 *
 * Two state machines, as in PostgreSQL.  The low-level state says where
 * the transaction itself is (none, starting, running, committing,
 * aborted); the block state says what the client asked for (a single
 * command, an explicit BEGIN … COMMIT block, a failed block waiting for
 * ROLLBACK).  The command-level functions move the block state and call
 * StartTransaction, CommitTransaction, AbortTransaction and
 * CleanupTransaction, which do the work.
 *
 * Commit, in order: the pre-commit callbacks; the commit record, flushed
 * unless synchronous_commit is off (the checkpointer flushes asynchronous
 * commits within 200 ms); the commit-log status; leaving the ProcArray;
 * the resource owner's pins (a pin still held is a leak: WARNING), the
 * heavyweight locks; the commit callbacks; releasing snapshots.  Every
 * transaction has a TopTransactionResourceOwner, current while it runs
 * (utils/resowner.h); abort releases it, and it is deleted when the
 * transaction ends.  The record, the flush and
 * the status form a critical section: an error there is a PANIC, because
 * a commit that reached the WAL must also reach the commit log.
 *
 * Memory: a transaction allocates in TopTransactionContext (also
 * CurTransactionContext until subtransactions exist), created when it
 * starts and made current by StartTransactionCommand; commit and the
 * cleanup after abort delete it, leaving TopMemoryContext current, so
 * whatever a transaction allocated — also one that failed — is freed at
 * its end.  A failed block keeps it until ROLLBACK, as in PostgreSQL.
 */
#include "postgres.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "access/clog.h"
#include "access/htup_details.h"
#include "access/rmgr.h"
#include "access/transam.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "access/xloginsert.h"
#include "access/xlogreader.h"
#include "miscadmin.h"
#include "storage/ipc.h"
#include "storage/lmgr.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "utils/errcodes.h"
#include "utils/resowner.h"
#include "catalog/storage.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/relcache.h"
#include "utils/portal.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

int DefaultXactIsoLevel = XACT_READ_COMMITTED;
int XactIsoLevel = XACT_READ_COMMITTED;
int synchronous_commit = SYNCHRONOUS_COMMIT_ON;

namespace {

enum class TransState
{
	kDefault, /* idle */
	kStart,	  /* being started */
	kInProgress,
	kCommit, /* being committed */
	kAbort	 /* aborted, awaiting cleanup */
};

enum class BlockState
{
	kDefault,	  /* no transaction */
	kStarted,	  /* one command's transaction */
	kBegin,		  /* BEGIN received */
	kInProgress,  /* inside BEGIN … COMMIT */
	kEnd,		  /* COMMIT received */
	kAbort,		  /* failed block, awaiting ROLLBACK */
	kAbortEnd,	  /* failed block, ROLLBACK received */
	kAbortPending /* live block, ROLLBACK received */
};

struct TransactionStateData
{
	FullTransactionId fullXid = InvalidFullTransactionId;
	TransState state = TransState::kDefault;
	BlockState blockState = BlockState::kDefault;
	CommandId currentCommandId = FirstCommandId;
	bool currentCommandIdUsed = false;
	TimestampTz startTimestamp = 0;
	TimestampTz stmtStartTimestamp = 0;
};

TransactionStateData current;
bool exit_callback_registered = false;

std::vector<std::pair<XactCallback, void *>> &Callbacks()
{
	static std::vector<std::pair<XactCallback, void *>> callbacks;
	return callbacks;
}

void CallXactCallbacks(XactEvent event)
{
	/* A copy: a callback may unregister itself. */
	auto callbacks = Callbacks();
	for (const auto &[fn, arg] : callbacks)
		fn(event, arg);
}

void AtProcExitXact(int, Datum);

/* The transaction's memory: a fresh context, made current. */
void AtStart_Memory()
{
	TopTransactionContext = AllocSetContextCreate(TopMemoryContext, "TopTransactionContext",
												  ALLOCSET_DEFAULT_SIZES);
	CurTransactionContext = TopTransactionContext;
	MemoryContextSwitchTo(CurTransactionContext);
}

/* Out of the transaction: allocate in TopMemoryContext again, and free all
 * the transaction allocated. */
void AtEnd_Memory()
{
	MemoryContextSwitchTo(TopMemoryContext);
	if (TopTransactionContext != nullptr)
		MemoryContextDelete(TopTransactionContext);
	TopTransactionContext = nullptr;
	CurTransactionContext = nullptr;
}

void StartTransaction()
{
	if (DefaultXactIsoLevel == XACT_SERIALIZABLE)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("SERIALIZABLE isolation is not supported"),
				errhint("Use REPEATABLE READ: Tusk does not implement serializable snapshot "
						"isolation."));
	if (!exit_callback_registered)
	{
		before_shmem_exit(AtProcExitXact, 0);
		exit_callback_registered = true;
	}
	current.state = TransState::kStart;
	current.fullXid = InvalidFullTransactionId;
	XactIsoLevel = DefaultXactIsoLevel;
	current.currentCommandId = FirstCommandId;
	current.currentCommandIdUsed = false;
	if (current.stmtStartTimestamp == 0)
		SetCurrentStatementStartTimestamp();
	current.startTimestamp = current.stmtStartTimestamp;
	XactLastRecEnd = InvalidXLogRecPtr;
	AtStart_Memory();
	TopTransactionResourceOwner = ResourceOwnerCreate(nullptr, "TopTransaction");
	CurTransactionResourceOwner = TopTransactionResourceOwner;
	CurrentResourceOwner = TopTransactionResourceOwner;
	current.state = TransState::kInProgress;
}

void RecordTransactionCommit()
{
	if (!FullTransactionIdIsValid(current.fullXid))
		return; /* nothing written: nothing to record */
	xl_xact_commit rec{GetCurrentTimestamp()};
	bool flush = synchronous_commit > SYNCHRONOUS_COMMIT_OFF;
	tusk::CriticalSection crit;
	/* A checkpoint must not put its redo point after our record and write
	 * the commit log before our status is in it. */
	tusk::CheckpointDelay delay = tusk::CheckpointDelay::Begin();
	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
	XLogRecPtr end = XLogInsert(RM_XACT_ID, XLOG_XACT_COMMIT);
	if (flush)
		XLogFlush(end);
	TransactionIdSetStatus(current.fullXid, TRANSACTION_STATUS_COMMITTED,
						   flush ? InvalidXLogRecPtr : end);
	delay.End();
	crit.End();
}

void RecordTransactionAbort()
{
	if (!FullTransactionIdIsValid(current.fullXid))
		return;
	if (FullTransactionIdDidCommit(current.fullXid))
		elog(PANIC, "cannot abort transaction %llu, it was already committed",
			 static_cast<unsigned long long>(U64FromFullTransactionId(current.fullXid)));
	xl_xact_abort rec{GetCurrentTimestamp()};
	tusk::CriticalSection crit;
	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
	XLogRecPtr end = XLogInsert(RM_XACT_ID, XLOG_XACT_ABORT);
	/* Not flushed: an abort lost in a crash reads as the crash's abort. */
	TransactionIdSetStatus(current.fullXid, TRANSACTION_STATUS_ABORTED, end);
	crit.End();
}

/* The transaction's resource owner, in one phase of its release. */
void ReleaseResources(ResourceReleasePhase phase, bool isCommit)
{
	ResourceOwnerRelease(TopTransactionResourceOwner, phase, isCommit, true);
}

/* What every ended transaction gives back. */
void AtEndOfTransaction(bool isCommit)
{
	/* Released already: this only frees it (and clears the pointers). */
	ResourceOwnerDelete(TopTransactionResourceOwner);
	AtEOXact_Snapshot(isCommit);
	AtEOXact_ComboCid();
	current.fullXid = InvalidFullTransactionId;
	current.stmtStartTimestamp = 0;
	XactIsoLevel = DefaultXactIsoLevel;
}

void CommitTransaction()
{
	if (current.state != TransState::kInProgress)
		elog(WARNING, "CommitTransaction while in %d state", static_cast<int>(current.state));
	CallXactCallbacks(XACT_EVENT_PRE_COMMIT);
	current.state = TransState::kCommit;
	HOLD_INTERRUPTS();
	RecordTransactionCommit();
	ProcArrayEndTransaction(MyProc);
	/* Before our locks go: whoever waited for them sees our catalogs. */
	AtEOXact_Inval(true);
	AtEOXact_Storage(true);
	/* From here on the transaction is committed for everyone; those who
	 * waited for it may go. */
	current.fullXid = InvalidFullTransactionId;
	ReleaseResources(RESOURCE_RELEASE_BEFORE_LOCKS, true);
	LockReleaseAll(DEFAULT_LOCKMETHOD, false);
	ReleaseResources(RESOURCE_RELEASE_LOCKS, true);
	CallXactCallbacks(XACT_EVENT_COMMIT);
	ReleaseResources(RESOURCE_RELEASE_AFTER_LOCKS, true);
	AtEndOfTransaction(true);
	AtEnd_Memory();
	current.state = TransState::kDefault;
	RESUME_INTERRUPTS();
}

void AbortTransaction()
{
	HOLD_INTERRUPTS();
	/* Whatever the failed command was allocating in, abort allocates in
	 * TopMemoryContext; the transaction's memory goes at cleanup. */
	MemoryContextSwitchTo(TopMemoryContext);
	/* What an error may have left held: LWLocks first (a content lock
	 * before its buffer's pin), then what the resource owner tracks. */
	LWLockReleaseAll();
	ReleaseResources(RESOURCE_RELEASE_BEFORE_LOCKS, false);
	if (current.state != TransState::kInProgress && current.state != TransState::kStart &&
		current.state != TransState::kCommit)
		elog(WARNING, "AbortTransaction while in %d state", static_cast<int>(current.state));
	current.state = TransState::kAbort;
	RecordTransactionAbort();
	ProcArrayEndTransaction(MyProc);
	AtEOXact_Inval(false);
	AtEOXact_Storage(false);
	AtAbort_RelationCache();
	LockReleaseAll(DEFAULT_LOCKMETHOD, false);
	ReleaseResources(RESOURCE_RELEASE_LOCKS, false);
	CallXactCallbacks(XACT_EVENT_ABORT);
	ReleaseResources(RESOURCE_RELEASE_AFTER_LOCKS, false);
	AtEOXact_Snapshot(false);
	RESUME_INTERRUPTS();
}

void CleanupTransaction()
{
	if (current.state != TransState::kAbort)
		elog(FATAL, "CleanupTransaction: unexpected state %d", static_cast<int>(current.state));
	AtCleanup_Portals();
	AtEndOfTransaction(false);
	AtEnd_Memory();
	current.state = TransState::kDefault;
}

/* A process leaving in the middle of a transaction aborts it properly. */
void AtProcExitXact(int, Datum)
{
	if (current.state == TransState::kDefault && current.blockState == BlockState::kDefault)
		return;
	AbortCurrentTransaction();
	if (current.blockState != BlockState::kDefault)
	{
		/* A failed block: ROLLBACK never came. */
		CleanupTransaction();
		current.blockState = BlockState::kDefault;
	}
}

}  // namespace

void StartTransactionCommand(void)
{
	switch (current.blockState)
	{
		case BlockState::kDefault:
			StartTransaction();
			current.blockState = BlockState::kStarted;
			break;
		case BlockState::kInProgress:
		case BlockState::kAbort:
			/* Inside a block: the next command of the same transaction
			 * (or, failed, one that will be refused). */
			break;
		default:
			elog(ERROR, "StartTransactionCommand: unexpected state %d",
				 static_cast<int>(current.blockState));
	}
	/* A command of a transaction allocates in the transaction's memory. */
	if (CurTransactionContext != nullptr)
		MemoryContextSwitchTo(CurTransactionContext);
}

void CommitTransactionCommand(void)
{
	switch (current.blockState)
	{
		case BlockState::kDefault:
			elog(FATAL, "CommitTransactionCommand: unexpected state DEFAULT");
			break;
		case BlockState::kStarted:
		case BlockState::kEnd:
			CommitTransaction();
			current.blockState = BlockState::kDefault;
			break;
		case BlockState::kBegin:
			current.blockState = BlockState::kInProgress;
			break;
		case BlockState::kInProgress:
			CommandCounterIncrement();
			break;
		case BlockState::kAbort:
			break;
		case BlockState::kAbortEnd:
			CleanupTransaction();
			current.blockState = BlockState::kDefault;
			break;
		case BlockState::kAbortPending:
			AbortTransaction();
			CleanupTransaction();
			current.blockState = BlockState::kDefault;
			break;
	}
}

void AbortCurrentTransaction(void)
{
	switch (current.blockState)
	{
		case BlockState::kDefault:
			/* An error while starting or committing. */
			if (current.state != TransState::kDefault)
			{
				if (current.state == TransState::kStart)
					current.state = TransState::kInProgress;
				AbortTransaction();
				CleanupTransaction();
			}
			break;
		case BlockState::kStarted:
		case BlockState::kBegin:
		case BlockState::kEnd:
		case BlockState::kAbortPending:
			AbortTransaction();
			CleanupTransaction();
			current.blockState = BlockState::kDefault;
			break;
		case BlockState::kInProgress:
			/* The block stays, failed, until ROLLBACK. */
			AbortTransaction();
			current.blockState = BlockState::kAbort;
			break;
		case BlockState::kAbort:
			break;
		case BlockState::kAbortEnd:
			CleanupTransaction();
			current.blockState = BlockState::kDefault;
			break;
	}
}

void BeginTransactionBlock(void)
{
	switch (current.blockState)
	{
		case BlockState::kStarted:
			current.blockState = BlockState::kBegin;
			break;
		case BlockState::kInProgress:
		case BlockState::kAbort:
			ereport(WARNING, errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
					errmsg("there is already a transaction in progress"));
			break;
		default:
			elog(FATAL, "BeginTransactionBlock: unexpected state %d",
				 static_cast<int>(current.blockState));
	}
}

bool EndTransactionBlock(bool chain)
{
	if (chain)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("COMMIT AND CHAIN is not supported"));
	switch (current.blockState)
	{
		case BlockState::kInProgress:
			current.blockState = BlockState::kEnd;
			return true;
		case BlockState::kAbort:
			current.blockState = BlockState::kAbortEnd;
			return false;
		case BlockState::kStarted:
			ereport(WARNING, errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
					errmsg("there is no transaction in progress"));
			current.blockState = BlockState::kEnd;
			return true;
		default:
			elog(FATAL, "EndTransactionBlock: unexpected state %d",
				 static_cast<int>(current.blockState));
	}
	return false;
}

void UserAbortTransactionBlock(bool chain)
{
	if (chain)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("ROLLBACK AND CHAIN is not supported"));
	switch (current.blockState)
	{
		case BlockState::kInProgress:
			current.blockState = BlockState::kAbortPending;
			break;
		case BlockState::kAbort:
			current.blockState = BlockState::kAbortEnd;
			break;
		case BlockState::kStarted:
			ereport(WARNING, errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
					errmsg("there is no transaction in progress"));
			current.blockState = BlockState::kAbortPending;
			break;
		default:
			elog(FATAL, "UserAbortTransactionBlock: unexpected state %d",
				 static_cast<int>(current.blockState));
	}
}

bool IsTransactionState(void)
{
	return current.state == TransState::kInProgress;
}

bool IsTransactionBlock(void)
{
	return current.blockState != BlockState::kDefault && current.blockState != BlockState::kStarted;
}

char TransactionBlockStatusCode(void)
{
	switch (current.blockState)
	{
		case BlockState::kDefault:
		case BlockState::kStarted:
			return 'I';
		case BlockState::kAbort:
		case BlockState::kAbortEnd:
		case BlockState::kAbortPending:
			return 'E';
		default:
			return 'T';
	}
}

bool IsAbortedTransactionBlockState(void)
{
	return current.blockState == BlockState::kAbort || current.blockState == BlockState::kAbortEnd;
}

FullTransactionId GetTopFullTransactionId(void)
{
	if (!FullTransactionIdIsValid(current.fullXid))
	{
		if (current.state != TransState::kInProgress)
			elog(ERROR, "cannot assign a transaction id outside a transaction");
		current.fullXid = GetNewTransactionId();
		/* Others wait for us by waiting for this lock. */
		XactLockTableInsert(current.fullXid);
	}
	return current.fullXid;
}

FullTransactionId GetCurrentFullTransactionId(void)
{
	return GetTopFullTransactionId();
}

FullTransactionId GetTopFullTransactionIdIfAny(void)
{
	return current.fullXid;
}

FullTransactionId GetCurrentFullTransactionIdIfAny(void)
{
	return current.fullXid;
}

TransactionId GetTopTransactionId(void)
{
	return XidFromFullTransactionId(GetTopFullTransactionId());
}

TransactionId GetCurrentTransactionId(void)
{
	return GetTopTransactionId();
}

TransactionId GetTopTransactionIdIfAny(void)
{
	return XidFromFullTransactionId(current.fullXid);
}

TransactionId GetCurrentTransactionIdIfAny(void)
{
	return XidFromFullTransactionId(current.fullXid);
}

bool TransactionIdIsCurrentTransactionId(TransactionId xid)
{
	return TransactionIdIsNormal(xid) && FullTransactionIdIsValid(current.fullXid) &&
		XidFromFullTransactionId(current.fullXid) == xid;
}

bool FullTransactionIdIsCurrentTransactionId(FullTransactionId xid)
{
	return FullTransactionIdIsNormal(xid) && FullTransactionIdEquals(current.fullXid, xid);
}

CommandId GetCurrentCommandId(bool used)
{
	if (used)
		current.currentCommandIdUsed = true;
	return current.currentCommandId;
}

void CommandCounterIncrement(void)
{
	/* Commands that changed nothing need no new id. */
	if (!current.currentCommandIdUsed)
		return;
	if (current.currentCommandId + 1 == InvalidCommandId)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("cannot have more than 2^32-2 commands in a transaction"));
	current.currentCommandId++;
	current.currentCommandIdUsed = false;
	SnapshotSetCommandId(current.currentCommandId);
	/* Our own catalog changes become visible to our caches. */
	CommandEndInvalidationMessages();
}

TimestampTz GetCurrentTransactionStartTimestamp(void)
{
	return current.startTimestamp;
}

TimestampTz GetCurrentStatementStartTimestamp(void)
{
	return current.stmtStartTimestamp;
}

void SetCurrentStatementStartTimestamp(void)
{
	current.stmtStartTimestamp = GetCurrentTimestamp();
}

void RegisterXactCallback(XactCallback callback, void *arg)
{
	Callbacks().emplace_back(callback, arg);
}

void UnregisterXactCallback(XactCallback callback, void *arg)
{
	auto &callbacks = Callbacks();
	auto it = std::find(callbacks.begin(), callbacks.end(), std::make_pair(callback, arg));
	if (it != callbacks.end())
		callbacks.erase(it);
}

void xact_redo(XLogReaderState *record)
{
	uint8 info = XLogRecGetInfo(record) & XLOG_XACT_OPMASK;
	FullTransactionId xid = XLogRecGetFullXid(record);
	switch (info)
	{
		case XLOG_XACT_COMMIT:
			TransactionIdSetStatus(xid, TRANSACTION_STATUS_COMMITTED, InvalidXLogRecPtr);
			break;
		case XLOG_XACT_ABORT:
			TransactionIdSetStatus(xid, TRANSACTION_STATUS_ABORTED, InvalidXLogRecPtr);
			break;
		default:
			elog(PANIC, "xact_redo: unknown op code %u", info);
	}
}

const char *xact_identify(uint8 info)
{
	switch (info & XLOG_XACT_OPMASK)
	{
		case XLOG_XACT_COMMIT:
			return "COMMIT";
		case XLOG_XACT_ABORT:
			return "ABORT";
		default:
			return nullptr;
	}
}
