/*
 * xact.cpp — the transaction manager (see access/xact.h).
 *
 * Principal entry points: StartTransactionCommand,
 * CommitTransactionCommand, AbortCurrentTransaction,
 * BeginTransactionBlock, EndTransactionBlock, UserAbortTransactionBlock,
 * DefineSavepoint, ReleaseSavepoint, RollbackToSavepoint,
 * BeginInternalSubTransaction, ReleaseCurrentSubTransaction,
 * RollbackAndReleaseCurrentSubTransaction, GetCurrentTransactionId,
 * TransactionIdIsCurrentTransactionId, CommandCounterIncrement, xact_redo.
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
 *
 * Subtransactions: the transaction states form a stack (each state points
 * to its parent; the top one is static), one entry per open savepoint or
 * internal subtransaction.  SAVEPOINT only pushes a state (block state
 * SUBBEGIN), RELEASE and ROLLBACK TO only mark states; the work happens in
 * CommitTransactionCommand once the statement's portal is done, as in
 * PostgreSQL.  A subtransaction has its own CurTransactionContext (a child
 * of its parent's), resource owner (a child of its parent's) and setting
 * nest level.  Its id is assigned when it first writes, after its
 * parent's, so a child's id is always greater than its parent's.  At
 * subtransaction commit its id and its committed children's join the
 * parent's list (childXids) and stay in MyProc's cache, still running for
 * everyone else; the top-level commit record lists them all and they are
 * marked committed with the top-level id, before the transaction leaves
 * the ProcArray — so no snapshot can see a child committed while its top
 * is running (it is in the snapshot's subxip until then).  A
 * subtransaction abort writes an abort record for its id and its
 * committed children, marks them aborted, removes them from MyProc's cache
 * and releases the heavyweight locks its level holds (its id locks
 * included, so whoever waits for one of them goes on); a committed one's
 * locks pass to the parent level.
 */
#include "postgres.h"

#include <string.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "access/clog.h"
#include "access/multixact.h"
#include "access/subtrans.h"
#include "access/htup_details.h"
#include "access/rmgr.h"
#include "access/transam.h"
#include "access/xact.h"
#include "pgstat.h"
#include "utils/backend_status.h"
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
#include "utils/guc.h"
#include "utils/resowner.h"
#include "catalog/storage.h"
#include "executor/spi.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/relcache.h"
#include "utils/portal.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

int DefaultXactIsoLevel = XACT_READ_COMMITTED;
int XactIsoLevel = XACT_READ_COMMITTED;
bool DefaultXactReadOnly = false;
bool XactReadOnly = false;
bool DefaultXactDeferrable = false;
bool XactDeferrable = false;

void PreventCommandIfReadOnly(const char *cmdname)
{
	if (XactReadOnly)
		ereport(ERROR, errcode(ERRCODE_READ_ONLY_SQL_TRANSACTION),
				/* translator: %s is name of a SQL command, eg CREATE */
				errmsg("cannot execute %s in a read-only transaction", cmdname));
}
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

/* PostgreSQL's TBLOCK_* values (those Tusk can reach). */
enum class BlockState
{
	kDefault,	   /* no transaction */
	kStarted,	   /* one command's transaction */
	kBegin,		   /* BEGIN received */
	kInProgress,   /* inside BEGIN … COMMIT */
	kEnd,		   /* COMMIT received */
	kAbort,		   /* failed block, awaiting ROLLBACK */
	kAbortEnd,	   /* failed block, ROLLBACK received */
	kAbortPending, /* live block, ROLLBACK received */

	kSubBegin,		  /* SAVEPOINT received */
	kSubInProgress,	  /* a live subtransaction */
	kSubRelease,	  /* RELEASE received */
	kSubCommit,		  /* COMMIT received while in a subtransaction */
	kSubAbort,		  /* failed subtransaction, awaiting ROLLBACK [TO] */
	kSubAbortEnd,	  /* failed subtransaction, ROLLBACK received */
	kSubAbortPending, /* live subtransaction, ROLLBACK [TO] received */
	kSubRestart,	  /* live subtransaction, ROLLBACK TO it received */
	kSubAbortRestart  /* failed subtransaction, ROLLBACK TO it received */
};

const char *BlockStateName(BlockState b)
{
	switch (b)
	{
		case BlockState::kDefault:
			return "DEFAULT";
		case BlockState::kStarted:
			return "STARTED";
		case BlockState::kBegin:
			return "BEGIN";
		case BlockState::kInProgress:
			return "INPROGRESS";
		case BlockState::kEnd:
			return "END";
		case BlockState::kAbort:
			return "ABORT";
		case BlockState::kAbortEnd:
			return "ABORT_END";
		case BlockState::kAbortPending:
			return "ABORT_PENDING";
		case BlockState::kSubBegin:
			return "SUBBEGIN";
		case BlockState::kSubInProgress:
			return "SUBINPROGRESS";
		case BlockState::kSubRelease:
			return "SUBRELEASE";
		case BlockState::kSubCommit:
			return "SUBCOMMIT";
		case BlockState::kSubAbort:
			return "SUBABORT";
		case BlockState::kSubAbortEnd:
			return "SUBABORT_END";
		case BlockState::kSubAbortPending:
			return "SUBABORT_PENDING";
		case BlockState::kSubRestart:
			return "SUBRESTART";
		case BlockState::kSubAbortRestart:
			return "SUBABORT_RESTART";
	}
	return "UNRECOGNIZED";
}

/*
 * One level of the transaction: the top level (TopTransactionStateData)
 * or a subtransaction.  A subtransaction's state is owned by its parent
 * (child), so popping one frees it.
 */
struct TransactionStateData
{
	FullTransactionId fullXid = InvalidFullTransactionId;
	SubTransactionId subTransactionId = InvalidSubTransactionId;
	std::string name; /* the savepoint's name ("" if none) */
	bool hasName = false;
	TransState state = TransState::kDefault;
	BlockState blockState = BlockState::kDefault;
	int nestingLevel = 0; /* 1 at the top */
	int gucNestLevel = 0;
	MemoryContext curTransactionContext = nullptr;
	ResourceOwner curTransactionOwner = nullptr;
	/* Committed subtransactions' ids, each greater than ours. */
	std::vector<FullTransactionId> childXids;
	TransactionStateData *parent = nullptr;
	std::unique_ptr<TransactionStateData> child; /* the state above us */
};

TransactionStateData TopTransactionStateData;
TransactionStateData *CurrentTransactionState = &TopTransactionStateData;

/* Per transaction, shared by all its levels. */
CommandId currentCommandId = FirstCommandId;
bool currentCommandIdUsed = false;
SubTransactionId currentSubTransactionId = InvalidSubTransactionId;
TimestampTz xactStartTimestamp = 0;
TimestampTz stmtStartTimestamp = 0;

bool exit_callback_registered = false;

std::vector<std::pair<XactCallback, void *>> &Callbacks()
{
	static std::vector<std::pair<XactCallback, void *>> callbacks;
	return callbacks;
}

std::vector<std::pair<SubXactCallback, void *>> &SubCallbacks()
{
	static std::vector<std::pair<SubXactCallback, void *>> callbacks;
	return callbacks;
}

void CallXactCallbacks(XactEvent event)
{
	/* A copy: a callback may unregister itself. */
	auto callbacks = Callbacks();
	for (const auto &[fn, arg] : callbacks)
		fn(event, arg);
}

void CallSubXactCallbacks(SubXactEvent event, SubTransactionId mySubid,
						  SubTransactionId parentSubid)
{
	auto callbacks = SubCallbacks();
	for (const auto &[fn, arg] : callbacks)
		fn(event, mySubid, parentSubid, arg);
}

void AtProcExitXact(int, Datum);

/* The transaction's memory: a fresh context, made current. */
void AtStart_Memory()
{
	TopTransactionContext = AllocSetContextCreate(TopMemoryContext, "TopTransactionContext",
												  ALLOCSET_DEFAULT_SIZES);
	CurTransactionContext = TopTransactionContext;
	TopTransactionStateData.curTransactionContext = TopTransactionContext;
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
	TopTransactionStateData.curTransactionContext = nullptr;
}

void StartTransaction()
{
	TransactionStateData *s = &TopTransactionStateData;
	CurrentTransactionState = s;
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
	s->state = TransState::kStart;
	s->fullXid = InvalidFullTransactionId;
	s->childXids.clear();
	s->nestingLevel = 1;
	currentSubTransactionId = TopSubTransactionId;
	s->subTransactionId = TopSubTransactionId;
	XactIsoLevel = DefaultXactIsoLevel;
	XactReadOnly = DefaultXactReadOnly;
	XactDeferrable = DefaultXactDeferrable;
	currentCommandId = FirstCommandId;
	currentCommandIdUsed = false;
	if (stmtStartTimestamp == 0)
		SetCurrentStatementStartTimestamp();
	xactStartTimestamp = stmtStartTimestamp;
	pgstat_report_xact_timestamp(xactStartTimestamp);
	XactLastRecEnd = InvalidXLogRecPtr;
	AtStart_Memory();
	TopTransactionResourceOwner = ResourceOwnerCreate(nullptr, "TopTransaction");
	CurTransactionResourceOwner = TopTransactionResourceOwner;
	CurrentResourceOwner = TopTransactionResourceOwner;
	s->curTransactionOwner = TopTransactionResourceOwner;
	s->gucNestLevel = 1;
	AtStart_GUC();
	s->state = TransState::kInProgress;
}

/* Set the status of the committed children, then of xid itself. */
void SetTreeStatus(FullTransactionId xid, const std::vector<FullTransactionId> &children,
				   XidStatus status, XLogRecPtr lsn)
{
	for (FullTransactionId child : children)
		TransactionIdSetStatus(child, status, lsn);
	TransactionIdSetStatus(xid, status, lsn);
}

void RecordTransactionCommit()
{
	TransactionStateData *s = &TopTransactionStateData;
	if (!FullTransactionIdIsValid(s->fullXid))
		return; /* nothing written: nothing to record */
	xl_xact_commit rec{GetCurrentTimestamp(), static_cast<uint32>(s->childXids.size())};
	bool flush = synchronous_commit > SYNCHRONOUS_COMMIT_OFF;
	tusk::CriticalSection crit;
	/* A checkpoint must not put its redo point after our record and write
	 * the commit log before our status is in it. */
	tusk::CheckpointDelay delay = tusk::CheckpointDelay::Begin();
	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
	if (!s->childXids.empty())
		XLogRegisterData(reinterpret_cast<const char *>(s->childXids.data()),
						 static_cast<uint32>(sizeof(FullTransactionId) * s->childXids.size()));
	XLogRecPtr end = XLogInsert(RM_XACT_ID, XLOG_XACT_COMMIT);
	if (flush)
		XLogFlush(end);
	/* Children first: we are still in the ProcArray, so nobody can see a
	 * child committed before the whole transaction is. */
	SetTreeStatus(s->fullXid, s->childXids, TRANSACTION_STATUS_COMMITTED,
				  flush ? InvalidXLogRecPtr : end);
	delay.End();
	crit.End();
}

/* The abort record of s's id (top level or subtransaction) and of its
 * committed children, and their aborted status. */
void RecordTransactionAbort(TransactionStateData *s)
{
	if (!FullTransactionIdIsValid(s->fullXid))
		return;
	if (FullTransactionIdDidCommit(s->fullXid))
		elog(PANIC, "cannot abort transaction %llu, it was already committed",
			 static_cast<unsigned long long>(U64FromFullTransactionId(s->fullXid)));
	xl_xact_abort rec{GetCurrentTimestamp(), static_cast<uint32>(s->childXids.size())};
	tusk::CriticalSection crit;
	XLogBeginInsert();
	/* The record names the aborted id itself, not the top level's. */
	XLogSetRecordXid(U64FromFullTransactionId(s->fullXid));
	XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
	if (!s->childXids.empty())
		XLogRegisterData(reinterpret_cast<const char *>(s->childXids.data()),
						 static_cast<uint32>(sizeof(FullTransactionId) * s->childXids.size()));
	XLogRecPtr end = XLogInsert(RM_XACT_ID, XLOG_XACT_ABORT);
	/* Not flushed: an abort lost in a crash reads as the crash's abort. */
	SetTreeStatus(s->fullXid, s->childXids, TRANSACTION_STATUS_ABORTED, end);
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
	TransactionStateData *s = &TopTransactionStateData;
	/* Released already: this only frees it (and clears the pointers). */
	ResourceOwnerDelete(TopTransactionResourceOwner);
	s->curTransactionOwner = nullptr;
	AtEOXact_Snapshot(isCommit);
	AtEOXact_ComboCid();
	s->fullXid = InvalidFullTransactionId;
	s->childXids.clear();
	s->nestingLevel = 0;
	s->gucNestLevel = 0;
	stmtStartTimestamp = 0;
	XactIsoLevel = DefaultXactIsoLevel;
	pgstat_report_xact_timestamp(0);
}

void CommitTransaction()
{
	TransactionStateData *s = CurrentTransactionState;
	if (s->parent != nullptr)
		elog(FATAL, "CommitTransaction: transaction state is not the top level");
	if (s->state != TransState::kInProgress)
		elog(WARNING, "CommitTransaction while in %d state", static_cast<int>(s->state));
	CallXactCallbacks(XACT_EVENT_PRE_COMMIT);
	s->state = TransState::kCommit;
	HOLD_INTERRUPTS();
	RecordTransactionCommit();
	ProcArrayEndTransaction(MyProc);
	AtEOXact_MultiXact();
	/* Before our locks go: whoever waited for them sees our catalogs. */
	AtEOXact_Inval(true);
	AtEOXact_Storage(true);
	/* From here on the transaction is committed for everyone; those who
	 * waited for it may go. */
	s->fullXid = InvalidFullTransactionId;
	ReleaseResources(RESOURCE_RELEASE_BEFORE_LOCKS, true);
	LockReleaseAll(DEFAULT_LOCKMETHOD, false);
	LockReleaseAll(USER_LOCKMETHOD, false);
	ReleaseResources(RESOURCE_RELEASE_LOCKS, true);
	CallXactCallbacks(XACT_EVENT_COMMIT);
	ReleaseResources(RESOURCE_RELEASE_AFTER_LOCKS, true);
	AtEOXact_PgStat(true);
	AtEOXact_GUC(true, 1);
	AtEOXact_SPI(true);
	AtEndOfTransaction(true);
	AtEnd_Memory();
	s->state = TransState::kDefault;
	RESUME_INTERRUPTS();
}

void AbortTransaction()
{
	/* pg_stat_activity's xact_start goes with the abort, as in PostgreSQL. */
	pgstat_report_xact_timestamp(0);
	TransactionStateData *s = CurrentTransactionState;
	HOLD_INTERRUPTS();
	/* Whatever the failed command was allocating in, abort allocates in
	 * TopMemoryContext; the transaction's memory goes at cleanup. */
	MemoryContextSwitchTo(TopMemoryContext);
	/* What an error may have left held: LWLocks first (a content lock
	 * before its buffer's pin), then what the resource owner tracks. */
	LWLockReleaseAll();
	ReleaseResources(RESOURCE_RELEASE_BEFORE_LOCKS, false);
	if (s->state != TransState::kInProgress && s->state != TransState::kStart &&
		s->state != TransState::kCommit)
		elog(WARNING, "AbortTransaction while in %d state", static_cast<int>(s->state));
	s->state = TransState::kAbort;
	RecordTransactionAbort(s);
	ProcArrayEndTransaction(MyProc);
	AtEOXact_MultiXact();
	AtEOXact_Inval(false);
	AtEOXact_Storage(false);
	AtAbort_RelationCache();
	LockReleaseAll(DEFAULT_LOCKMETHOD, false);
	LockReleaseAll(USER_LOCKMETHOD, false);
	ReleaseResources(RESOURCE_RELEASE_LOCKS, false);
	CallXactCallbacks(XACT_EVENT_ABORT);
	ReleaseResources(RESOURCE_RELEASE_AFTER_LOCKS, false);
	AtEOXact_PgStat(false);
	AtEOXact_GUC(false, 1);
	AtEOXact_SPI(false);
	AtEOXact_Snapshot(false);
	RESUME_INTERRUPTS();
}

void CleanupTransaction()
{
	TransactionStateData *s = CurrentTransactionState;
	if (s->state != TransState::kAbort)
		elog(FATAL, "CleanupTransaction: unexpected state %d", static_cast<int>(s->state));
	AtCleanup_Portals();
	AtEndOfTransaction(false);
	AtEnd_Memory();
	s->state = TransState::kDefault;
}

/* --- subtransactions --- */

/* A new level above the current one, in block state SUBBEGIN; it starts
 * (StartSubTransaction) at the end of the statement. */
void PushTransaction()
{
	TransactionStateData *p = CurrentTransactionState;
	if (currentSubTransactionId + 1 == InvalidSubTransactionId)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("cannot have more than 2^32-1 subtransactions in a transaction"));
	auto child = std::make_unique<TransactionStateData>();
	child->subTransactionId = ++currentSubTransactionId;
	child->parent = p;
	child->nestingLevel = p->nestingLevel + 1;
	child->state = TransState::kDefault;
	child->blockState = BlockState::kSubBegin;
	p->child = std::move(child);
	CurrentTransactionState = p->child.get();
}

/* Back to the parent level; the popped state is freed. */
void PopTransaction()
{
	TransactionStateData *s = CurrentTransactionState;
	if (s->state != TransState::kDefault)
		elog(WARNING, "PopTransaction while in %d state", static_cast<int>(s->state));
	if (s->parent == nullptr)
		elog(FATAL, "PopTransaction with no parent");
	TransactionStateData *p = s->parent;
	CurrentTransactionState = p;
	CurTransactionContext = p->curTransactionContext;
	MemoryContextSwitchTo(CurTransactionContext);
	CurTransactionResourceOwner = p->curTransactionOwner;
	CurrentResourceOwner = p->curTransactionOwner;
	p->child.reset();
}

void StartSubTransaction()
{
	TransactionStateData *s = CurrentTransactionState;
	if (s->state != TransState::kDefault)
		elog(WARNING, "StartSubTransaction while in %d state", static_cast<int>(s->state));
	s->state = TransState::kStart;
	/* Memory: a child of the parent's, made current. */
	s->curTransactionContext = AllocSetContextCreate(CurTransactionContext, "CurTransactionContext",
													 ALLOCSET_DEFAULT_SIZES);
	CurTransactionContext = s->curTransactionContext;
	MemoryContextSwitchTo(CurTransactionContext);
	s->curTransactionOwner = ResourceOwnerCreate(s->parent->curTransactionOwner, "SubTransaction");
	CurTransactionResourceOwner = s->curTransactionOwner;
	CurrentResourceOwner = s->curTransactionOwner;
	s->gucNestLevel = NewGUCNestLevel();
	s->state = TransState::kInProgress;
	CallSubXactCallbacks(SUBXACT_EVENT_START_SUB, s->subTransactionId, s->parent->subTransactionId);
}

void ReleaseSubResources(TransactionStateData *s, bool isCommit)
{
	ResourceOwnerRelease(s->curTransactionOwner, RESOURCE_RELEASE_BEFORE_LOCKS, isCommit, false);
	ResourceOwnerRelease(s->curTransactionOwner, RESOURCE_RELEASE_LOCKS, isCommit, false);
	ResourceOwnerRelease(s->curTransactionOwner, RESOURCE_RELEASE_AFTER_LOCKS, isCommit, false);
}

/* RELEASE: the subtransaction's work becomes its parent's. */
void CommitSubTransaction()
{
	TransactionStateData *s = CurrentTransactionState;
	TransactionStateData *p = s->parent;
	if (s->state != TransState::kInProgress)
		elog(WARNING, "CommitSubTransaction while in %d state", static_cast<int>(s->state));
	CallSubXactCallbacks(SUBXACT_EVENT_PRE_COMMIT_SUB, s->subTransactionId, p->subTransactionId);
	s->state = TransState::kCommit;
	/* Our id and our committed children's become the parent's children;
	 * they stay running (in MyProc's cache, their locks held) until the
	 * top level ends. */
	if (FullTransactionIdIsValid(s->fullXid))
	{
		p->childXids.push_back(s->fullXid);
		p->childXids.insert(p->childXids.end(), s->childXids.begin(), s->childXids.end());
	}
	AtSubCommit_smgr();
	AtSubCommit_Snapshot(s->nestingLevel);
	CallSubXactCallbacks(SUBXACT_EVENT_COMMIT_SUB, s->subTransactionId, p->subTransactionId);
	/* Portals opened here now belong to the parent. */
	AtSubCommit_Portals(s->subTransactionId, p->subTransactionId, p->curTransactionOwner);
	/* Its locks are the parent's now; a pin still held is a leak, reported
	 * as at top-level commit. */
	AtSubCommit_Locks(s->nestingLevel);
	ReleaseSubResources(s, true);
	AtEOSubXact_PgStat(true, s->nestingLevel);
	AtEOXact_GUC(true, s->gucNestLevel);
	AtEOSubXact_SPI(true, s->subTransactionId);
	CurrentResourceOwner = p->curTransactionOwner;
	CurTransactionResourceOwner = p->curTransactionOwner;
	ResourceOwnerDelete(s->curTransactionOwner);
	s->curTransactionOwner = nullptr;
	/* Memory: what the subtransaction allocated lives on with the parent
	 * (PostgreSQL keeps a non-empty context too). */
	MemoryContextSwitchTo(p->curTransactionContext);
	if (MemoryContextIsEmpty(s->curTransactionContext))
		MemoryContextDelete(s->curTransactionContext);
	s->curTransactionContext = nullptr;
	s->state = TransState::kDefault;
	PopTransaction();
}

/* The first half of ROLLBACK TO (or of an error in a subtransaction): give
 * back what it held and mark its id aborted; the state stays (SUBABORT)
 * until CleanupSubTransaction. */
void AbortSubTransaction()
{
	TransactionStateData *s = CurrentTransactionState;
	TransactionStateData *p = s->parent;
	HOLD_INTERRUPTS();
	MemoryContextSwitchTo(TopTransactionContext);
	LWLockReleaseAll();
	if (s->state == TransState::kDefault)
	{
		/* Never started (an error right after SAVEPOINT): nothing held. */
		s->state = TransState::kAbort;
		RESUME_INTERRUPTS();
		return;
	}
	if (s->state != TransState::kInProgress && s->state != TransState::kStart &&
		s->state != TransState::kCommit)
		elog(WARNING, "AbortSubTransaction while in %d state", static_cast<int>(s->state));
	s->state = TransState::kAbort;
	ResourceOwnerRelease(s->curTransactionOwner, RESOURCE_RELEASE_BEFORE_LOCKS, false, false);
	AtSubAbort_Portals(s->subTransactionId, p->subTransactionId);
	RecordTransactionAbort(s);
	if (FullTransactionIdIsValid(s->fullXid))
	{
		/* No longer running for anyone, then those waiting for us go. */
		XidCacheRemoveRunningXids(s->fullXid, static_cast<int>(s->childXids.size()),
								  s->childXids.data());
	}
	CallSubXactCallbacks(SUBXACT_EVENT_ABORT_SUB, s->subTransactionId, p->subTransactionId);
	/* Its locks, those on its ids included: whoever waits for them goes on. */
	AtSubAbort_Locks(s->nestingLevel);
	ResourceOwnerRelease(s->curTransactionOwner, RESOURCE_RELEASE_LOCKS, false, false);
	ResourceOwnerRelease(s->curTransactionOwner, RESOURCE_RELEASE_AFTER_LOCKS, false, false);
	AtEOSubXact_Inval(false);
	AtSubAbort_smgr();
	AtEOSubXact_PgStat(false, s->nestingLevel);
	AtEOXact_GUC(false, s->gucNestLevel);
	AtEOSubXact_SPI(false, s->subTransactionId);
	AtSubAbort_Snapshot(s->nestingLevel);
	RESUME_INTERRUPTS();
}

/* The second half: free the aborted level and return to its parent. */
void CleanupSubTransaction()
{
	TransactionStateData *s = CurrentTransactionState;
	if (s->state != TransState::kAbort)
		elog(WARNING, "CleanupSubTransaction while in %d state", static_cast<int>(s->state));
	if (s->curTransactionOwner != nullptr)
	{
		AtSubCleanup_Portals(s->subTransactionId, s->parent->curTransactionOwner);
		CurrentResourceOwner = s->parent->curTransactionOwner;
		CurTransactionResourceOwner = s->parent->curTransactionOwner;
		ResourceOwnerDelete(s->curTransactionOwner);
		s->curTransactionOwner = nullptr;
	}
	MemoryContextSwitchTo(s->parent->curTransactionContext);
	if (s->curTransactionContext != nullptr)
		MemoryContextDelete(s->curTransactionContext);
	s->curTransactionContext = nullptr;
	s->state = TransState::kDefault;
	PopTransaction();
}

/* ROLLBACK TO's end: the savepoint, just rolled back, begins again. */
void RestartSubTransaction(bool abortFirst)
{
	TransactionStateData *s = CurrentTransactionState;
	std::string name = s->name;
	bool hasName = s->hasName;
	if (abortFirst)
		AbortSubTransaction();
	CleanupSubTransaction();
	DefineSavepoint(nullptr);
	s = CurrentTransactionState;
	s->name = name;
	s->hasName = hasName;
	StartSubTransaction();
	s->blockState = BlockState::kSubInProgress;
}

/* The savepoint named name, from the newest down (the top level is not
 * one); nullptr if there is none. */
TransactionStateData *FindSavepoint(const char *name)
{
	for (TransactionStateData *t = CurrentTransactionState; t->parent != nullptr; t = t->parent)
		if (t->hasName && t->name == name)
			return t;
	return nullptr;
}

[[noreturn]] void NoSuchSavepoint(const char *name)
{
	ereport(ERROR, errcode(ERRCODE_S_E_INVALID_SPECIFICATION),
			errmsg("savepoint \"%s\" does not exist", name));
	pg_unreachable();
}

/* A process leaving in the middle of a transaction aborts it properly. */
void AtProcExitXact(int, Datum)
{
	TransactionStateData *s = CurrentTransactionState;
	if (s->state == TransState::kDefault && s->blockState == BlockState::kDefault &&
		s->parent == nullptr)
		return;
	AbortOutOfAnyTransaction();
}

}  // namespace

void AbortOutOfAnyTransaction(void)
{
	/* Unwind every level, then end the top one. */
	for (;;)
	{
		TransactionStateData *s = CurrentTransactionState;
		if (s->parent != nullptr)
		{
			if (s->state != TransState::kAbort)
				AbortSubTransaction();
			CleanupSubTransaction();
			continue;
		}
		if (s->state != TransState::kDefault)
		{
			if (s->state != TransState::kAbort)
			{
				if (s->state == TransState::kStart)
					s->state = TransState::kInProgress;
				AbortTransaction();
			}
			CleanupTransaction();
		}
		s->blockState = BlockState::kDefault;
		return;
	}
}

void StartTransactionCommand(void)
{
	TransactionStateData *s = CurrentTransactionState;
	switch (s->blockState)
	{
		case BlockState::kDefault:
			StartTransaction();
			s->blockState = BlockState::kStarted;
			break;
		case BlockState::kInProgress:
		case BlockState::kSubInProgress:
		case BlockState::kAbort:
		case BlockState::kSubAbort:
			/* Inside a block: the next command of the same transaction
			 * (or, failed, one that will be refused). */
			break;
		default:
			elog(ERROR, "StartTransactionCommand: unexpected state %s",
				 BlockStateName(s->blockState));
	}
	/* A command of a transaction allocates in the transaction's memory. */
	if (CurTransactionContext != nullptr)
		MemoryContextSwitchTo(CurTransactionContext);
}

void CommitTransactionCommand(void)
{
	TransactionStateData *s = CurrentTransactionState;
	switch (s->blockState)
	{
		case BlockState::kDefault:
			elog(FATAL, "CommitTransactionCommand: unexpected state DEFAULT");
			break;
		case BlockState::kStarted:
		case BlockState::kEnd:
			CommitTransaction();
			s->blockState = BlockState::kDefault;
			break;
		case BlockState::kBegin:
			s->blockState = BlockState::kInProgress;
			break;
		case BlockState::kInProgress:
		case BlockState::kSubInProgress:
			CommandCounterIncrement();
			break;
		case BlockState::kAbort:
		case BlockState::kSubAbort:
			break;
		case BlockState::kAbortEnd:
			CleanupTransaction();
			s->blockState = BlockState::kDefault;
			break;
		case BlockState::kAbortPending:
			AbortTransaction();
			CleanupTransaction();
			s->blockState = BlockState::kDefault;
			break;
		case BlockState::kSubBegin:
			StartSubTransaction();
			s->blockState = BlockState::kSubInProgress;
			break;
		case BlockState::kSubRelease:
			/* RELEASE: this level and those above it, up to the named one. */
			do
			{
				CommitSubTransaction();
				s = CurrentTransactionState;
			} while (s->blockState == BlockState::kSubRelease);
			if (s->blockState != BlockState::kInProgress &&
				s->blockState != BlockState::kSubInProgress)
				elog(ERROR, "CommitTransactionCommand: unexpected state %s after RELEASE",
					 BlockStateName(s->blockState));
			break;
		case BlockState::kSubCommit:
			/* COMMIT inside subtransactions: merge them all, then commit. */
			do
			{
				CommitSubTransaction();
				s = CurrentTransactionState;
			} while (s->blockState == BlockState::kSubCommit);
			if (s->blockState != BlockState::kEnd)
				elog(ERROR, "CommitTransactionCommand: unexpected state %s after COMMIT",
					 BlockStateName(s->blockState));
			CommitTransaction();
			s->blockState = BlockState::kDefault;
			break;
		case BlockState::kSubAbortEnd:
			/* Failed, and ROLLBACK (or ROLLBACK TO an older savepoint). */
			CleanupSubTransaction();
			CommitTransactionCommand();
			break;
		case BlockState::kSubAbortPending:
			AbortSubTransaction();
			CleanupSubTransaction();
			CommitTransactionCommand();
			break;
		case BlockState::kSubRestart:
			RestartSubTransaction(true);
			break;
		case BlockState::kSubAbortRestart:
			RestartSubTransaction(false);
			break;
	}
}

void AbortCurrentTransaction(void)
{
	TransactionStateData *s = CurrentTransactionState;
	switch (s->blockState)
	{
		case BlockState::kDefault:
			/* An error while starting or committing. */
			if (s->state != TransState::kDefault)
			{
				if (s->state == TransState::kStart)
					s->state = TransState::kInProgress;
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
			s->blockState = BlockState::kDefault;
			break;
		case BlockState::kInProgress:
			/* The block stays, failed, until ROLLBACK. */
			AbortTransaction();
			s->blockState = BlockState::kAbort;
			break;
		case BlockState::kAbort:
		case BlockState::kSubAbort:
			break;
		case BlockState::kAbortEnd:
			CleanupTransaction();
			s->blockState = BlockState::kDefault;
			break;
		case BlockState::kSubInProgress:
			/* The subtransaction stays, failed, until ROLLBACK [TO]. */
			AbortSubTransaction();
			s->blockState = BlockState::kSubAbort;
			break;
		case BlockState::kSubBegin:
		case BlockState::kSubRelease:
		case BlockState::kSubCommit:
		case BlockState::kSubAbortPending:
		case BlockState::kSubRestart:
			/* Failed on the way between states: this level goes, and the
			 * parent fails in turn. */
			AbortSubTransaction();
			CleanupSubTransaction();
			AbortCurrentTransaction();
			break;
		case BlockState::kSubAbortEnd:
		case BlockState::kSubAbortRestart:
			CleanupSubTransaction();
			AbortCurrentTransaction();
			break;
	}
}

void BeginTransactionBlock(void)
{
	TransactionStateData *s = CurrentTransactionState;
	switch (s->blockState)
	{
		case BlockState::kStarted:
			s->blockState = BlockState::kBegin;
			break;
		case BlockState::kInProgress:
		case BlockState::kSubInProgress:
		case BlockState::kAbort:
		case BlockState::kSubAbort:
			ereport(WARNING, errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
					errmsg("there is already a transaction in progress"));
			break;
		default:
			elog(FATAL, "BeginTransactionBlock: unexpected state %s",
				 BlockStateName(s->blockState));
	}
}

bool EndTransactionBlock(bool chain)
{
	if (chain)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("COMMIT AND CHAIN is not supported"));
	TransactionStateData *s = CurrentTransactionState;
	switch (s->blockState)
	{
		case BlockState::kInProgress:
			s->blockState = BlockState::kEnd;
			return true;
		case BlockState::kAbort:
			s->blockState = BlockState::kAbortEnd;
			return false;
		case BlockState::kSubInProgress:
			/* Every open subtransaction commits, then the whole. */
			for (; s->parent != nullptr; s = s->parent)
			{
				if (s->blockState != BlockState::kSubInProgress)
					elog(FATAL, "EndTransactionBlock: unexpected state %s",
						 BlockStateName(s->blockState));
				s->blockState = BlockState::kSubCommit;
			}
			if (s->blockState != BlockState::kInProgress)
				elog(FATAL, "EndTransactionBlock: unexpected state %s",
					 BlockStateName(s->blockState));
			s->blockState = BlockState::kEnd;
			return true;
		case BlockState::kSubAbort:
			/* A failed subtransaction: COMMIT rolls everything back. */
			for (; s->parent != nullptr; s = s->parent)
			{
				if (s->blockState == BlockState::kSubInProgress)
					s->blockState = BlockState::kSubAbortPending;
				else if (s->blockState == BlockState::kSubAbort)
					s->blockState = BlockState::kSubAbortEnd;
				else
					elog(FATAL, "EndTransactionBlock: unexpected state %s",
						 BlockStateName(s->blockState));
			}
			if (s->blockState == BlockState::kInProgress)
				s->blockState = BlockState::kAbortPending;
			else if (s->blockState == BlockState::kAbort)
				s->blockState = BlockState::kAbortEnd;
			else
				elog(FATAL, "EndTransactionBlock: unexpected state %s",
					 BlockStateName(s->blockState));
			return false;
		case BlockState::kStarted:
			ereport(WARNING, errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
					errmsg("there is no transaction in progress"));
			s->blockState = BlockState::kEnd;
			return true;
		default:
			elog(FATAL, "EndTransactionBlock: unexpected state %s", BlockStateName(s->blockState));
	}
	return false;
}

void UserAbortTransactionBlock(bool chain)
{
	if (chain)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("ROLLBACK AND CHAIN is not supported"));
	TransactionStateData *s = CurrentTransactionState;
	switch (s->blockState)
	{
		case BlockState::kInProgress:
			s->blockState = BlockState::kAbortPending;
			break;
		case BlockState::kAbort:
			s->blockState = BlockState::kAbortEnd;
			break;
		case BlockState::kSubInProgress:
		case BlockState::kSubAbort:
			/* Every level goes, live ones aborted first. */
			for (; s->parent != nullptr; s = s->parent)
			{
				if (s->blockState == BlockState::kSubInProgress)
					s->blockState = BlockState::kSubAbortPending;
				else if (s->blockState == BlockState::kSubAbort)
					s->blockState = BlockState::kSubAbortEnd;
				else
					elog(FATAL, "UserAbortTransactionBlock: unexpected state %s",
						 BlockStateName(s->blockState));
			}
			if (s->blockState == BlockState::kInProgress)
				s->blockState = BlockState::kAbortPending;
			else if (s->blockState == BlockState::kAbort)
				s->blockState = BlockState::kAbortEnd;
			else
				elog(FATAL, "UserAbortTransactionBlock: unexpected state %s",
					 BlockStateName(s->blockState));
			break;
		case BlockState::kStarted:
			ereport(WARNING, errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
					errmsg("there is no transaction in progress"));
			s->blockState = BlockState::kAbortPending;
			break;
		default:
			elog(FATAL, "UserAbortTransactionBlock: unexpected state %s",
				 BlockStateName(s->blockState));
	}
}

void DefineSavepoint(const char *name)
{
	TransactionStateData *s = CurrentTransactionState;
	switch (s->blockState)
	{
		case BlockState::kInProgress:
		case BlockState::kSubInProgress:
			break;
		default:
			elog(FATAL, "DefineSavepoint: unexpected state %s", BlockStateName(s->blockState));
	}
	PushTransaction();
	s = CurrentTransactionState;
	if (name != nullptr)
	{
		s->name = name;
		s->hasName = true;
	}
}

void ReleaseSavepoint(const char *name)
{
	TransactionStateData *s = CurrentTransactionState;
	switch (s->blockState)
	{
		case BlockState::kInProgress:
			NoSuchSavepoint(name); /* no savepoint at all */
		case BlockState::kSubInProgress:
			break;
		default:
			elog(FATAL, "ReleaseSavepoint: unexpected state %s", BlockStateName(s->blockState));
	}
	TransactionStateData *target = FindSavepoint(name);
	if (target == nullptr)
		NoSuchSavepoint(name);
	/* This level and every one above the named savepoint commit into
	 * their parents at the end of the statement. */
	for (TransactionStateData *x = s;; x = x->parent)
	{
		if (x->blockState != BlockState::kSubInProgress)
			elog(ERROR, "ReleaseSavepoint: unexpected state %s", BlockStateName(x->blockState));
		x->blockState = BlockState::kSubRelease;
		if (x == target)
			break;
	}
}

void RollbackToSavepoint(const char *name)
{
	TransactionStateData *s = CurrentTransactionState;
	switch (s->blockState)
	{
		case BlockState::kInProgress:
		case BlockState::kAbort:
			NoSuchSavepoint(name);
		case BlockState::kSubInProgress:
		case BlockState::kSubAbort:
			break;
		default:
			elog(FATAL, "RollbackToSavepoint: unexpected state %s", BlockStateName(s->blockState));
	}
	TransactionStateData *target = FindSavepoint(name);
	if (target == nullptr)
		NoSuchSavepoint(name);
	/* Levels above the savepoint go; the savepoint itself restarts. */
	TransactionStateData *x = s;
	for (; x != target; x = x->parent)
	{
		if (x->blockState == BlockState::kSubInProgress)
			x->blockState = BlockState::kSubAbortPending;
		else if (x->blockState == BlockState::kSubAbort)
			x->blockState = BlockState::kSubAbortEnd;
		else
			elog(FATAL, "RollbackToSavepoint: unexpected state %s", BlockStateName(x->blockState));
	}
	if (x->blockState == BlockState::kSubInProgress)
		x->blockState = BlockState::kSubRestart;
	else if (x->blockState == BlockState::kSubAbort)
		x->blockState = BlockState::kSubAbortRestart;
	else
		elog(FATAL, "RollbackToSavepoint: unexpected state %s", BlockStateName(x->blockState));
}

void BeginInternalSubTransaction(const char *name)
{
	TransactionStateData *s = CurrentTransactionState;
	switch (s->blockState)
	{
		case BlockState::kStarted:
		case BlockState::kInProgress:
		case BlockState::kEnd:
		case BlockState::kSubInProgress:
			break;
		default:
			elog(FATAL, "BeginInternalSubTransaction: unexpected state %s",
				 BlockStateName(s->blockState));
	}
	MemoryContext caller = CurrentMemoryContext;
	PushTransaction();
	s = CurrentTransactionState;
	if (name != nullptr)
	{
		s->name = name;
		s->hasName = true;
	}
	StartSubTransaction();
	s->blockState = BlockState::kSubInProgress;
	MemoryContextSwitchTo(caller);
}

void ReleaseCurrentSubTransaction(void)
{
	TransactionStateData *s = CurrentTransactionState;
	if (s->blockState != BlockState::kSubInProgress)
		elog(ERROR, "ReleaseCurrentSubTransaction: unexpected state %s",
			 BlockStateName(s->blockState));
	CommitSubTransaction();
}

void RollbackAndReleaseCurrentSubTransaction(void)
{
	TransactionStateData *s = CurrentTransactionState;
	switch (s->blockState)
	{
		case BlockState::kSubInProgress:
			AbortSubTransaction();
			break;
		case BlockState::kSubAbort:
			break;
		default:
			elog(FATAL, "RollbackAndReleaseCurrentSubTransaction: unexpected state %s",
				 BlockStateName(s->blockState));
	}
	CleanupSubTransaction();
}

void RequireTransactionBlock(bool isTopLevel, const char *stmtType)
{
	if (IsTransactionBlock() || IsSubTransaction() || !isTopLevel)
		return;
	ereport(ERROR, errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
			errmsg("%s can only be used in transaction blocks", stmtType));
}

void WarnNoTransactionBlock(bool isTopLevel, const char *stmtType)
{
	if (IsTransactionBlock() || IsSubTransaction() || !isTopLevel)
		return;
	ereport(WARNING, errcode(ERRCODE_NO_ACTIVE_SQL_TRANSACTION),
			errmsg("%s can only be used in transaction blocks", stmtType));
}

bool IsSubTransaction(void)
{
	return CurrentTransactionState->nestingLevel >= 2;
}

int GetCurrentTransactionNestLevel(void)
{
	return CurrentTransactionState->nestingLevel;
}

SubTransactionId GetCurrentSubTransactionId(void)
{
	return CurrentTransactionState->subTransactionId;
}

bool IsTransactionState(void)
{
	return CurrentTransactionState->state == TransState::kInProgress;
}

bool IsTransactionBlock(void)
{
	BlockState b = CurrentTransactionState->blockState;
	return b != BlockState::kDefault && b != BlockState::kStarted;
}

char TransactionBlockStatusCode(void)
{
	switch (CurrentTransactionState->blockState)
	{
		case BlockState::kDefault:
		case BlockState::kStarted:
			return 'I';
		case BlockState::kAbort:
		case BlockState::kAbortEnd:
		case BlockState::kAbortPending:
		case BlockState::kSubAbort:
		case BlockState::kSubAbortEnd:
		case BlockState::kSubAbortPending:
		case BlockState::kSubAbortRestart:
			return 'E';
		default:
			return 'T';
	}
}

bool IsAbortedTransactionBlockState(void)
{
	BlockState b = CurrentTransactionState->blockState;
	return b == BlockState::kAbort || b == BlockState::kAbortEnd || b == BlockState::kSubAbort;
}

namespace {

/* s's id, assigned now (after its parent's) if it has none. */
FullTransactionId AssignTransactionId(TransactionStateData *s)
{
	if (FullTransactionIdIsValid(s->fullXid))
		return s->fullXid;
	if (s->state != TransState::kInProgress)
		elog(ERROR, "cannot assign a transaction id outside a transaction");
	if (s->parent != nullptr)
		(void) AssignTransactionId(s->parent);
	bool isSub = s->parent != nullptr;
	s->fullXid = GetNewTransactionId(isSub);
	if (isSub)
		SubTransSetParent(s->fullXid, s->parent->fullXid);
	/* Others wait for us by waiting for this lock. */
	XactLockTableInsert(s->fullXid);
	return s->fullXid;
}

}  // namespace

FullTransactionId GetTopFullTransactionId(void)
{
	return AssignTransactionId(&TopTransactionStateData);
}

FullTransactionId GetCurrentFullTransactionId(void)
{
	return AssignTransactionId(CurrentTransactionState);
}

FullTransactionId GetTopFullTransactionIdIfAny(void)
{
	return TopTransactionStateData.fullXid;
}

FullTransactionId GetCurrentFullTransactionIdIfAny(void)
{
	return CurrentTransactionState->fullXid;
}

TransactionId GetTopTransactionId(void)
{
	return XidFromFullTransactionId(GetTopFullTransactionId());
}

TransactionId GetCurrentTransactionId(void)
{
	return XidFromFullTransactionId(GetCurrentFullTransactionId());
}

TransactionId GetTopTransactionIdIfAny(void)
{
	return XidFromFullTransactionId(GetTopFullTransactionIdIfAny());
}

TransactionId GetCurrentTransactionIdIfAny(void)
{
	return XidFromFullTransactionId(GetCurrentFullTransactionIdIfAny());
}

bool FullTransactionIdIsCurrentTransactionId(FullTransactionId xid)
{
	if (!FullTransactionIdIsNormal(xid))
		return false;
	/* Ours: the id of a level that has not aborted, or of a subtransaction
	 * committed into one.  An aborted subtransaction's level is gone (or
	 * in state kAbort, awaiting cleanup). */
	for (TransactionStateData *s = CurrentTransactionState; s != nullptr; s = s->parent)
	{
		if (s->state == TransState::kAbort || !FullTransactionIdIsValid(s->fullXid))
			continue;
		if (FullTransactionIdEquals(s->fullXid, xid))
			return true;
		for (FullTransactionId child : s->childXids)
			if (FullTransactionIdEquals(child, xid))
				return true;
	}
	return false;
}

bool TransactionIdIsCurrentTransactionId(TransactionId xid)
{
	if (!TransactionIdIsNormal(xid))
		return false;
	for (TransactionStateData *s = CurrentTransactionState; s != nullptr; s = s->parent)
	{
		if (s->state == TransState::kAbort || !FullTransactionIdIsValid(s->fullXid))
			continue;
		if (XidFromFullTransactionId(s->fullXid) == xid)
			return true;
		for (FullTransactionId child : s->childXids)
			if (XidFromFullTransactionId(child) == xid)
				return true;
	}
	return false;
}

CommandId GetCurrentCommandId(bool used)
{
	if (used)
		currentCommandIdUsed = true;
	return currentCommandId;
}

void CommandCounterIncrement(void)
{
	/* Commands that changed nothing need no new id. */
	if (!currentCommandIdUsed)
		return;
	if (currentCommandId + 1 == InvalidCommandId)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("cannot have more than 2^32-2 commands in a transaction"));
	currentCommandId++;
	currentCommandIdUsed = false;
	SnapshotSetCommandId(currentCommandId);
	/* Our own catalog changes become visible to our caches. */
	CommandEndInvalidationMessages();
}

TimestampTz GetCurrentTransactionStartTimestamp(void)
{
	return xactStartTimestamp;
}

TimestampTz GetCurrentStatementStartTimestamp(void)
{
	return stmtStartTimestamp;
}

void SetCurrentStatementStartTimestamp(void)
{
	stmtStartTimestamp = GetCurrentTimestamp();
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

void RegisterSubXactCallback(SubXactCallback callback, void *arg)
{
	SubCallbacks().emplace_back(callback, arg);
}

void UnregisterSubXactCallback(SubXactCallback callback, void *arg)
{
	auto &callbacks = SubCallbacks();
	auto it = std::find(callbacks.begin(), callbacks.end(), std::make_pair(callback, arg));
	if (it != callbacks.end())
		callbacks.erase(it);
}

void xact_redo(XLogReaderState *record)
{
	uint8 info = XLogRecGetInfo(record) & XLOG_XACT_OPMASK;
	FullTransactionId xid = XLogRecGetFullXid(record);
	const char *data = XLogRecGetData(record);
	uint32 nsubxacts = 0;
	switch (info)
	{
		case XLOG_XACT_COMMIT:
		{
			xl_xact_commit rec;
			memcpy(&rec, data, sizeof rec);
			nsubxacts = rec.nsubxacts;
			data += sizeof rec;
			break;
		}
		case XLOG_XACT_ABORT:
		{
			xl_xact_abort rec;
			memcpy(&rec, data, sizeof rec);
			nsubxacts = rec.nsubxacts;
			data += sizeof rec;
			break;
		}
		default:
			elog(PANIC, "xact_redo: unknown op code %u", info);
	}
	std::vector<FullTransactionId> subxacts(nsubxacts);
	if (nsubxacts > 0)
		memcpy(subxacts.data(), data, sizeof(FullTransactionId) * nsubxacts);
	/* Subtransaction ids are greater than the top's: the counter must pass
	 * them too (a child that wrote nothing logged no record of its own). */
	for (FullTransactionId sub : subxacts)
		AdvanceNextFullTransactionIdPastXid(sub);
	SetTreeStatus(xid, subxacts,
				  info == XLOG_XACT_COMMIT ? TRANSACTION_STATUS_COMMITTED
										   : TRANSACTION_STATUS_ABORTED,
				  InvalidXLogRecPtr);
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
