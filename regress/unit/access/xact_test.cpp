/*
 * xact_test.cpp — transactions: ids only for writers, commit and abort
 * records with the transaction's id, commit-log statuses (and their
 * replay), synchronous_commit, the block state machine, savepoints,
 * command ids,
 * snapshots from the ProcArray under READ COMMITTED and REPEATABLE READ,
 * and checkpoints waiting for commits in flight.
 */
#include "unit_test.h"

#include <unistd.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "access/clog.h"
#include "access/rmgr.h"
#include "access/transam.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "access/xloginsert.h"
#include "access/xlogreader.h"
#include "access/xlogutils.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "storage/shmem.h"
#include "storage/shmem_fixture.h"
#include "utils/error/error.h"
#include "utils/errcodes.h"
#include "utils/snapmgr.h"

using tusk::error::PgError;
using tusk::test::ChildProcess;
using tusk::test::RunInBackend;
using tusk::test::SetStep;
using tusk::test::WaitStep;
using tusk::test::MakeSegmentWithWal;
using tusk::test::NowMs;
using tusk::test::ScratchDataDir;
using tusk::test::SleepMs;
using tusk::test::WaitFor;

namespace {

/* A flag word in shared memory for parent and children to meet on. */
struct Meet
{
	volatile uint64 value[4];
	volatile int step;
};

Meet *MakeMeet()
{
	bool found;
	auto *m = static_cast<Meet *>(ShmemInitStruct("xact test", sizeof(Meet), &found));
	memset(const_cast<Meet *>(m), 0, sizeof *m);
	return m;
}

struct Record
{
	RmgrId rmid;
	uint8 info;
	uint64 xid;
};

std::vector<Record> ReadRecords(XLogRecPtr from)
{
	XLogFlush(GetXLogInsertRecPtr());
	std::vector<Record> out;
	XLogReaderState *r = XLogReaderAllocate(wal_segment_size, "pg_wal", GetSystemIdentifier());
	XLogBeginRead(r, from);
	char *err = nullptr;
	while (XLogReadRecord(r, &err) != nullptr)
		out.push_back(
			{XLogRecGetRmid(r), XLogRecGetInfo(r), U64FromFullTransactionId(XLogRecGetFullXid(r))});
	XLogReaderFree(r);
	return out;
}

}  // namespace

TEST_CASE("Only writing transactions get ids and their ends are logged", "[xact]")
{
	ScratchDataDir dir;
	XLogRecPtr start = MakeSegmentWithWal();
	REQUIRE(RunInBackend([] {
				/* Read-only: no id, no WAL. */
				XLogRecPtr before = GetXLogInsertRecPtr();
				StartTransactionCommand();
				CHILD_REQUIRE(!FullTransactionIdIsValid(GetTopFullTransactionIdIfAny()));
				CommitTransactionCommand();
				CHILD_REQUIRE(GetXLogInsertRecPtr() == before);
				return 0;
			}) == 0);

	Meet *m = MakeMeet();
	REQUIRE(RunInBackend([m] {
				StartTransactionCommand();
				FullTransactionId committed = GetTopFullTransactionId();
				CHILD_REQUIRE(GetTopTransactionId() == XidFromFullTransactionId(committed));
				CHILD_REQUIRE(TransactionIdIsCurrentTransactionId(GetTopTransactionId()));
				CHILD_REQUIRE(pg_atomic_read_u64(&MyProc->xid) ==
							  U64FromFullTransactionId(committed));
				CommitTransactionCommand();
				CHILD_REQUIRE(pg_atomic_read_u64(&MyProc->xid) == 0);
				CHILD_REQUIRE(!FullTransactionIdIsValid(GetTopFullTransactionIdIfAny()));
				/* The commit is on disk before anyone can see it. */
				CHILD_REQUIRE(GetFlushRecPtr(nullptr) >= GetXLogInsertRecPtr());

				StartTransactionCommand();
				FullTransactionId aborted = GetTopFullTransactionId();
				AbortCurrentTransaction();
				m->value[0] = U64FromFullTransactionId(committed);
				m->value[1] = U64FromFullTransactionId(aborted);
				return 0;
			}) == 0);
	FullTransactionId committed = FullTransactionIdFromU64(m->value[0]);
	FullTransactionId aborted = FullTransactionIdFromU64(m->value[1]);
	REQUIRE(FullTransactionIdDidCommit(committed));
	REQUIRE_FALSE(FullTransactionIdDidAbort(committed));
	REQUIRE(FullTransactionIdDidAbort(aborted));
	REQUIRE_FALSE(FullTransactionIdIsInProgress(committed));

	auto records = ReadRecords(start);
	REQUIRE(records.size() == 2);
	REQUIRE(records[0].rmid == RM_XACT_ID);
	REQUIRE(records[0].info == XLOG_XACT_COMMIT);
	REQUIRE(records[0].xid == U64FromFullTransactionId(committed));
	REQUIRE(records[1].rmid == RM_XACT_ID);
	REQUIRE(records[1].info == XLOG_XACT_ABORT);
	REQUIRE(records[1].xid == U64FromFullTransactionId(aborted));

	/* Replay restores the statuses into a commit log that lost them. */
	SetNextFullTransactionId(FirstNormalFullTransactionId);
	ExtendCLOG(FirstNormalFullTransactionId); /* a fresh, zeroed first page */
	REQUIRE_FALSE(FullTransactionIdDidCommit(committed));
	InitBuiltinRmgrs();
	XLogReaderState *r = XLogReaderAllocate(wal_segment_size, "pg_wal", GetSystemIdentifier());
	XLogBeginRead(r, start);
	char *err = nullptr;
	while (XLogReadRecord(r, &err) != nullptr)
	{
		AdvanceNextFullTransactionIdPastXid(XLogRecGetFullXid(r));
		GetRmgr(XLogRecGetRmid(r))->rm_redo(r);
	}
	XLogReaderFree(r);
	REQUIRE(FullTransactionIdDidCommit(committed));
	REQUIRE(FullTransactionIdDidAbort(aborted));
	REQUIRE(FullTransactionIdFollows(ReadNextFullTransactionId(), aborted));
}

TEST_CASE("synchronous_commit = off leaves the commit unflushed", "[xact]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	REQUIRE(RunInBackend([] {
				synchronous_commit = SYNCHRONOUS_COMMIT_OFF;
				StartTransactionCommand();
				FullTransactionId xid = GetTopFullTransactionId();
				CommitTransactionCommand();
				XLogRecPtr end = GetXLogInsertRecPtr();
				CHILD_REQUIRE(GetFlushRecPtr(nullptr) < end);
				/* Committed for everyone, but hint bits must wait for the flush. */
				CHILD_REQUIRE(FullTransactionIdDidCommit(xid));
				CHILD_REQUIRE(TransactionIdGetCommitLSN(xid) == end);
				XLogFlush(end);
				return 0;
			}) == 0);
}

TEST_CASE("Transaction blocks follow PostgreSQL's state machine", "[xact]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	REQUIRE(RunInBackend([] {
				/* BEGIN; two commands; COMMIT: one transaction, one id. */
				StartTransactionCommand();
				BeginTransactionBlock();
				CommitTransactionCommand();
				CHILD_REQUIRE(IsTransactionBlock());
				StartTransactionCommand();
				FullTransactionId xid = GetTopFullTransactionId();
				CommandId first = GetCurrentCommandId(true);
				CommitTransactionCommand();
				StartTransactionCommand();
				CHILD_REQUIRE(FullTransactionIdEquals(GetTopFullTransactionIdIfAny(), xid));
				CHILD_REQUIRE(GetCurrentCommandId(false) == first + 1);
				/* A command that changed nothing does not use up a command id. */
				CommitTransactionCommand();
				StartTransactionCommand();
				CHILD_REQUIRE(GetCurrentCommandId(false) == first + 1);
				CHILD_REQUIRE(EndTransactionBlock(false));
				CommitTransactionCommand();
				CHILD_REQUIRE(!IsTransactionBlock());
				CHILD_REQUIRE(!IsTransactionState());
				CHILD_REQUIRE(FullTransactionIdDidCommit(xid));

				/* A failed block refuses to commit: COMMIT becomes ROLLBACK. */
				StartTransactionCommand();
				BeginTransactionBlock();
				CommitTransactionCommand();
				StartTransactionCommand();
				FullTransactionId failed = GetTopFullTransactionId();
				AbortCurrentTransaction(); /* an error in the command */
				CHILD_REQUIRE(IsAbortedTransactionBlockState());
				CHILD_REQUIRE(!IsTransactionState());
				CHILD_REQUIRE(FullTransactionIdDidAbort(failed));
				StartTransactionCommand();
				CHILD_REQUIRE(!EndTransactionBlock(false));
				CommitTransactionCommand();
				CHILD_REQUIRE(!IsTransactionBlock());
				CHILD_REQUIRE(!IsAbortedTransactionBlockState());

				/* ROLLBACK of a live block. */
				StartTransactionCommand();
				BeginTransactionBlock();
				CommitTransactionCommand();
				StartTransactionCommand();
				FullTransactionId rolled_back = GetTopFullTransactionId();
				UserAbortTransactionBlock(false);
				CommitTransactionCommand();
				CHILD_REQUIRE(FullTransactionIdDidAbort(rolled_back));
				CHILD_REQUIRE(!IsTransactionBlock());

				/* Serializable snapshot isolation is refused, not downgraded. */
				DefaultXactIsoLevel = XACT_SERIALIZABLE;
				try
				{
					StartTransactionCommand();
					CHILD_FAIL("a SERIALIZABLE transaction was started");
				}
				catch (const PgError &e)
				{
					CHILD_REQUIRE(e.data().sqlerrcode == ERRCODE_FEATURE_NOT_SUPPORTED);
				}
				AbortCurrentTransaction();
				DefaultXactIsoLevel = XACT_READ_COMMITTED;
				StartTransactionCommand();
				CommitTransactionCommand();
				return 0;
			}) == 0);
}

TEST_CASE("Savepoints are subtransactions with their own ids, released or rolled back",
		  "[xact][savepoint]")
{
	ScratchDataDir dir;
	XLogRecPtr start = MakeSegmentWithWal();
	Meet *m = MakeMeet();
	REQUIRE(RunInBackend([m] {
				StartTransactionCommand();
				BeginTransactionBlock();
				CommitTransactionCommand();
				StartTransactionCommand();
				FullTransactionId top = GetTopFullTransactionId();
				CHILD_REQUIRE(GetCurrentTransactionNestLevel() == 1);
				CHILD_REQUIRE(GetCurrentSubTransactionId() == TopSubTransactionId);
				DefineSavepoint("a"); /* SAVEPOINT a: starts at the command's end */
				CHILD_REQUIRE(GetCurrentTransactionNestLevel() == 2);
				CommitTransactionCommand();
				CHILD_REQUIRE(IsSubTransaction());
				StartTransactionCommand();
				/* Ids are assigned on first write, after the parent's. */
				CHILD_REQUIRE(!FullTransactionIdIsValid(GetCurrentFullTransactionIdIfAny()));
				FullTransactionId a = GetCurrentFullTransactionId();
				CHILD_REQUIRE(FullTransactionIdFollows(a, top));
				CHILD_REQUIRE(FullTransactionIdEquals(GetTopFullTransactionId(), top));
				CHILD_REQUIRE(FullTransactionIdIsCurrentTransactionId(a));
				CHILD_REQUIRE(pg_atomic_read_u32(&MyProc->subxidCount) == 1);
				CHILD_REQUIRE(pg_atomic_read_u64(&MyProc->subxids[0]) ==
							  U64FromFullTransactionId(a));
				SubTransactionId a_subid = GetCurrentSubTransactionId();
				CHILD_REQUIRE(a_subid > TopSubTransactionId);
				CommandId cid = GetCurrentCommandId(true);
				CommitTransactionCommand();

				/* SAVEPOINT b, a write, ROLLBACK TO b: b's id aborts and is
				 * no longer ours; b is defined again, with a new level. */
				StartTransactionCommand();
				DefineSavepoint("b");
				CommitTransactionCommand();
				StartTransactionCommand();
				FullTransactionId b = GetCurrentFullTransactionId();
				CHILD_REQUIRE(FullTransactionIdFollows(b, a));
				CHILD_REQUIRE(pg_atomic_read_u32(&MyProc->subxidCount) == 2);
				SubTransactionId b_subid = GetCurrentSubTransactionId();
				/* The command counter goes on across levels. */
				CHILD_REQUIRE(GetCurrentCommandId(true) == cid + 1);
				CommitTransactionCommand();
				StartTransactionCommand();
				RollbackToSavepoint("b");
				CommitTransactionCommand();
				CHILD_REQUIRE(FullTransactionIdDidAbort(b));
				CHILD_REQUIRE(!FullTransactionIdIsCurrentTransactionId(b));
				CHILD_REQUIRE(!FullTransactionIdIsInProgress(b));
				CHILD_REQUIRE(pg_atomic_read_u32(&MyProc->subxidCount) == 1);
				CHILD_REQUIRE(GetCurrentTransactionNestLevel() == 3);
				CHILD_REQUIRE(GetCurrentSubTransactionId() > b_subid);
				CHILD_REQUIRE(!FullTransactionIdIsValid(GetCurrentFullTransactionIdIfAny()));

				/* An unknown name: 3B001, and the block has failed. */
				StartTransactionCommand();
				try
				{
					ReleaseSavepoint("nosuch");
					CHILD_FAIL("RELEASE of an unknown savepoint succeeded");
				}
				catch (const PgError &e)
				{
					CHILD_REQUIRE(e.data().sqlerrcode == ERRCODE_S_E_INVALID_SPECIFICATION);
				}
				AbortCurrentTransaction();
				CHILD_REQUIRE(IsAbortedTransactionBlockState());
				CHILD_REQUIRE(TransactionBlockStatusCode() == 'E');
				/* ROLLBACK TO a makes the block usable again. */
				StartTransactionCommand();
				RollbackToSavepoint("a");
				CommitTransactionCommand();
				CHILD_REQUIRE(!IsAbortedTransactionBlockState());
				CHILD_REQUIRE(TransactionBlockStatusCode() == 'T');
				CHILD_REQUIRE(GetCurrentTransactionNestLevel() == 2);
				CHILD_REQUIRE(FullTransactionIdDidAbort(a));
				CHILD_REQUIRE(pg_atomic_read_u32(&MyProc->subxidCount) == 0);

				/* A new id in the restarted a, released into the top level:
				 * still ours and still running until the commit. */
				StartTransactionCommand();
				FullTransactionId a2 = GetCurrentFullTransactionId();
				CommitTransactionCommand();
				StartTransactionCommand();
				ReleaseSavepoint("a");
				CommitTransactionCommand();
				CHILD_REQUIRE(!IsSubTransaction());
				CHILD_REQUIRE(FullTransactionIdIsCurrentTransactionId(a2));
				CHILD_REQUIRE(FullTransactionIdIsInProgress(a2));
				CHILD_REQUIRE(!FullTransactionIdDidCommit(a2));

				/* The internal interface, as PL code uses it. */
				StartTransactionCommand();
				BeginInternalSubTransaction("internal");
				CHILD_REQUIRE(GetCurrentTransactionNestLevel() == 2);
				FullTransactionId lost = GetCurrentFullTransactionId();
				RollbackAndReleaseCurrentSubTransaction();
				CHILD_REQUIRE(GetCurrentTransactionNestLevel() == 1);
				CHILD_REQUIRE(FullTransactionIdDidAbort(lost));
				BeginInternalSubTransaction(nullptr);
				FullTransactionId kept = GetCurrentFullTransactionId();
				ReleaseCurrentSubTransaction();
				CHILD_REQUIRE(GetCurrentTransactionNestLevel() == 1);
				CHILD_REQUIRE(FullTransactionIdIsCurrentTransactionId(kept));

				CHILD_REQUIRE(EndTransactionBlock(false));
				CommitTransactionCommand();
				CHILD_REQUIRE(!IsTransactionState());
				CHILD_REQUIRE(pg_atomic_read_u32(&MyProc->subxidCount) == 0);
				CHILD_REQUIRE(FullTransactionIdDidCommit(top));
				CHILD_REQUIRE(FullTransactionIdDidCommit(a2));
				CHILD_REQUIRE(FullTransactionIdDidCommit(kept));
				CHILD_REQUIRE(FullTransactionIdDidAbort(lost));
				m->value[0] = U64FromFullTransactionId(top);
				m->value[1] = U64FromFullTransactionId(b);
				m->value[2] = U64FromFullTransactionId(a2);
				m->value[3] = U64FromFullTransactionId(kept);
				return 0;
			}) == 0);
	/* The WAL: an abort record per rolled-back subtransaction that wrote,
	 * with its own id; one commit record, with the top-level id. */
	auto records = ReadRecords(start);
	std::vector<uint64> aborts;
	std::vector<uint64> commits;
	for (const Record &r : records)
		if (r.rmid == RM_XACT_ID)
			((r.info & XLOG_XACT_OPMASK) == XLOG_XACT_ABORT ? aborts : commits).push_back(r.xid);
	REQUIRE(commits == std::vector<uint64>{m->value[0]});
	REQUIRE(aborts.size() == 3);
	REQUIRE(aborts[0] == m->value[1]);

	/* Replay into a commit log that lost everything: the commit record
	 * lists the released subtransactions. */
	FullTransactionId a2 = FullTransactionIdFromU64(m->value[2]);
	FullTransactionId kept = FullTransactionIdFromU64(m->value[3]);
	SetNextFullTransactionId(FirstNormalFullTransactionId);
	ExtendCLOG(FirstNormalFullTransactionId);
	REQUIRE_FALSE(FullTransactionIdDidCommit(a2));
	InitBuiltinRmgrs();
	XLogReaderState *r = XLogReaderAllocate(wal_segment_size, "pg_wal", GetSystemIdentifier());
	XLogBeginRead(r, start);
	char *err = nullptr;
	while (XLogReadRecord(r, &err) != nullptr)
	{
		AdvanceNextFullTransactionIdPastXid(XLogRecGetFullXid(r));
		GetRmgr(XLogRecGetRmid(r))->rm_redo(r);
	}
	XLogReaderFree(r);
	REQUIRE(FullTransactionIdDidCommit(FullTransactionIdFromU64(m->value[0])));
	REQUIRE(FullTransactionIdDidCommit(a2));
	REQUIRE(FullTransactionIdDidCommit(kept));
	REQUIRE(FullTransactionIdDidAbort(FullTransactionIdFromU64(m->value[1])));
	REQUIRE(FullTransactionIdFollows(ReadNextFullTransactionId(), kept));
}

TEST_CASE("Snapshots see transactions that committed before them", "[xact][snapshot]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	for (int level : {XACT_READ_COMMITTED, XACT_REPEATABLE_READ})
	{
		CAPTURE(level);
		Meet *m = MakeMeet();
		/* Another transaction, running when we look first, committed
		 * before we look again. */
		ChildProcess writer([m] {
			InitProcess();
			StartTransactionCommand();
			m->value[0] = U64FromFullTransactionId(GetTopFullTransactionId());
			SetStep(&m->step, 1);
			WaitStep(&m->step, 2);
			CommitTransactionCommand();
			SetStep(&m->step, 3);
			return 0;
		});
		WaitStep(&m->step, 1);
		FullTransactionId xid = FullTransactionIdFromU64(m->value[0]);
		REQUIRE(RunInBackend([m, xid, level] {
					DefaultXactIsoLevel = level;
					StartTransactionCommand();
					Snapshot before = RegisterSnapshot(GetTransactionSnapshot());
					CHILD_REQUIRE(XidInMVCCSnapshot(xid, before));
					CHILD_REQUIRE(FullTransactionIdIsInProgress(xid));
					CHILD_REQUIRE(pg_atomic_read_u64(&MyProc->xmin) ==
								  U64FromFullTransactionId(before->xmin));
					CHILD_REQUIRE(!FullTransactionIdFollows(before->xmin, xid));
					SetStep(&m->step, 2);
					WaitStep(&m->step, 3);
					/* READ COMMITTED: the next command's snapshot sees the commit;
			 * REPEATABLE READ: the transaction's snapshot never changes. */
					Snapshot after = GetTransactionSnapshot();
					CHILD_REQUIRE(XidInMVCCSnapshot(xid, after) == (level == XACT_REPEATABLE_READ));
					/* The registered copy keeps its view either way, and the latest
			 * snapshot sees the commit either way. */
					CHILD_REQUIRE(XidInMVCCSnapshot(xid, before));
					CHILD_REQUIRE(!XidInMVCCSnapshot(xid, GetLatestSnapshot()));
					UnregisterSnapshot(before);
					CommitTransactionCommand();
					CHILD_REQUIRE(pg_atomic_read_u64(&MyProc->xmin) == 0);
					return 0;
				}) == 0);
		REQUIRE(writer.Wait() == 0);
		REQUIRE(FullTransactionIdDidCommit(xid));
	}
}

TEST_CASE("VACUUM's horizon is held back by running transactions and snapshots", "[xact][snapshot]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	Meet *m = MakeMeet();
	ChildProcess reader([m] {
		InitProcess();
		StartTransactionCommand();
		(void) GetTransactionSnapshot(); /* holds xmin, has no id */
		m->value[0] = pg_atomic_read_u64(&MyProc->xmin);
		SetStep(&m->step, 1);
		WaitStep(&m->step, 2);
		CommitTransactionCommand();
		return 0;
	});
	WaitStep(&m->step, 1);
	REQUIRE(RunInBackend([] {
				for (int i = 0; i < 3; i++)
				{
					StartTransactionCommand();
					(void) GetTopFullTransactionId();
					CommitTransactionCommand();
				}
				return 0;
			}) == 0);
	REQUIRE(U64FromFullTransactionId(GetOldestNonRemovableFullTransactionId()) == m->value[0]);
	SetStep(&m->step, 2);
	REQUIRE(reader.Wait() == 0);
	REQUIRE(FullTransactionIdEquals(GetOldestNonRemovableFullTransactionId(),
									ReadNextFullTransactionId()));
}

TEST_CASE("A checkpoint waits for a commit between its record and its status", "[xact]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	Meet *m = MakeMeet();
	ChildProcess committer([m] {
		InitProcess();
		StartDelayingCheckpoint();
		SetStep(&m->step, 1);
		SleepMs(300);
		EndDelayingCheckpoint();
		return 0;
	});
	WaitStep(&m->step, 1);
	long t0 = NowMs();
	WaitForCheckpointDelayers();
	REQUIRE(NowMs() - t0 >= 200);
	REQUIRE(committer.Wait() == 0);
	WaitForCheckpointDelayers(); /* nobody delaying: returns */
}
