/*
 * visibility_test.cpp — tuple visibility, table-driven against
 * PostgreSQL's definitions (heapam_visibility.c): for tuples inserted and
 * deleted by transactions in every state — committed before or after the
 * snapshot, running, aborted, crashed, our own earlier or later commands,
 * only locking — what an MVCC snapshot, SnapshotSelf, a dirty snapshot,
 * an update and VACUUM each conclude; and the hint bits they leave.
 */
#include "unit_test.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/bufpage.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "storage/shmem.h"
#include "storage/shmem_fixture.h"
#include "storage/smgr.h"
#include "utils/snapmgr.h"

using tusk::test::ChildProcess;
using tusk::test::RunInBackend;
using tusk::test::SetStep;
using tusk::test::WaitStep;
using tusk::test::MakeSegmentWithWal;
using tusk::test::ScratchDataDir;

namespace {

const RelFileNode kRel = {DEFAULTTABLESPACE_OID, 5, 16384};

struct Meet
{
	volatile uint64 xid[2];
	volatile int step;
};

/* A transaction in another process that stays open until told to end. */
int OpenTransaction(Meet *m, int slot, int commit_at)
{
	InitProcess();
	StartTransactionCommand();
	m->xid[slot] = U64FromFullTransactionId(GetTopFullTransactionId());
	__atomic_add_fetch(&m->step, 1, __ATOMIC_SEQ_CST);
	WaitStep(&m->step, commit_at);
	CommitTransactionCommand();
	return 0;
}

FullTransactionId CommittedXid(int sync = SYNCHRONOUS_COMMIT_ON)
{
	int save = synchronous_commit;
	synchronous_commit = sync;
	StartTransactionCommand();
	FullTransactionId xid = GetTopFullTransactionId();
	CommitTransactionCommand();
	synchronous_commit = save;
	return xid;
}

FullTransactionId AbortedXid()
{
	StartTransactionCommand();
	FullTransactionId xid = GetTopFullTransactionId();
	AbortCurrentTransaction();
	return xid;
}

/* A transaction whose process died without a word: an id was taken, no
 * status was ever recorded, and it is no longer running. */
FullTransactionId CrashedXid()
{
	PGPROC *save = MyProc;
	MyProc = nullptr; /* not published in the ProcArray */
	FullTransactionId xid = GetNewTransactionId(false);
	MyProc = save;
	return xid;
}

struct Row
{
	const char *what;
	FullTransactionId xmin;
	CommandId cmin;
	FullTransactionId xmax; /* invalid: not deleted */
	CommandId cmax;
	uint16 extra_infomask;
	bool updated; /* t_ctid points to a newer version */
	/* Expected answers. */
	bool mvcc;
	bool self;
	bool dirty;
	FullTransactionId dirty_xmin;
	FullTransactionId dirty_xmax;
	TM_Result update;
	HTSV_Result vacuum;
	uint16 hints_after; /* hint bits set once all checks ran */
};

/* A locked page holding one tuple per row, at offsets 1, 2, … */
Buffer MakePage(const std::vector<Row> &rows)
{
	static Oid relnode = kRel.relNode;
	RelFileNode rnode = kRel;
	rnode.relNode = relnode++;
	SMgrRelation rel = smgropen(rnode);
	smgrcreate(rel, MAIN_FORKNUM, false);
	Buffer buf = ReadBufferWithoutRelcache(rnode, MAIN_FORKNUM, P_NEW, RBM_ZERO_AND_LOCK, nullptr,
										   true);
	Page page = BufferGetPage(buf);
	PageInit(page, BLCKSZ, 0);
	for (const Row &row : rows)
	{
		alignas(8) char data[40] = {};
		auto *t = reinterpret_cast<HeapTupleHeader>(data);
		HeapTupleHeaderSetXmin(t, row.xmin);
		HeapTupleHeaderSetXmax(t, row.xmax);
		t->t_infomask = row.extra_infomask;
		if (!FullTransactionIdIsValid(row.xmax))
			t->t_infomask |= HEAP_XMAX_INVALID;
		t->t_cid = row.cmin;
		if (FullTransactionIdIsValid(row.xmax) && FullTransactionIdIsCurrentTransactionId(row.xmax))
		{
			CommandId cmax = row.cmax;
			bool combo;
			HeapTupleHeaderAdjustCmax(t, &cmax, &combo);
			HeapTupleHeaderSetCmax(t, cmax, combo);
		}
		t->t_hoff = MAXALIGN(SizeofHeapTupleHeader);
		OffsetNumber off = static_cast<OffsetNumber>(PageGetMaxOffsetNumber(page) + 1);
		ItemPointerSet(&t->t_ctid, 0, row.updated ? static_cast<OffsetNumber>(off + 100) : off);
		if (PageAddItemExtended(page, data, sizeof data, InvalidOffsetNumber, 0) != off)
			elog(ERROR, "could not add tuple");
	}
	MarkBufferDirty(buf);
	LockBuffer(buf, BUFFER_LOCK_UNLOCK);
	LockBuffer(buf, BUFFER_LOCK_SHARE);
	return buf;
}

HeapTupleData TupleAt(Buffer buf, OffsetNumber off)
{
	Page page = BufferGetPage(buf);
	HeapTupleData tuple;
	tuple.t_data = reinterpret_cast<HeapTupleHeader>(PageGetItem(page, PageGetItemId(page, off)));
	tuple.t_len = 40;
	ItemPointerSet(&tuple.t_self, 0, off);
	tuple.t_tableOid = InvalidOid;
	return tuple;
}

const char *TMName(TM_Result r)
{
	static const char *const names[] = {"Ok",	   "Invisible",		"SelfModified", "Updated",
										"Deleted", "BeingModified", "WouldBlock"};
	return names[r];
}

const char *HTSVName(HTSV_Result r)
{
	static const char *const names[] = {"DEAD", "LIVE", "RECENTLY_DEAD", "INSERT_IN_PROGRESS",
										"DELETE_IN_PROGRESS"};
	return names[r];
}

int RunTable(Meet *m)
{
	InitProcess();

	/* The cast of transactions, oldest first. */
	FullTransactionId c_old = CommittedXid();
	FullTransactionId c_old2 = CommittedXid();
	FullTransactionId aborted = AbortedXid();
	FullTransactionId crashed = CrashedXid();
	ChildProcess running([m] { return OpenTransaction(m, 0, 100); });
	ChildProcess late([m] { return OpenTransaction(m, 1, 3); });
	WaitStep(&m->step, 2);
	FullTransactionId r = FullTransactionIdFromU64(m->xid[0]);
	FullTransactionId c_new = FullTransactionIdFromU64(m->xid[1]);

	/* Our transaction: its snapshot sees commands before command 2. */
	StartTransactionCommand();
	FullTransactionId me = GetTopFullTransactionId();
	(void) GetCurrentCommandId(true);
	CommandCounterIncrement();
	(void) GetCurrentCommandId(true);
	CommandCounterIncrement();
	Snapshot snapshot = RegisterSnapshot(GetTransactionSnapshot());
	CHILD_REQUIRE(snapshot->curcid == 2);
	SetStep(&m->step, 3); /* c_new commits after our snapshot */
	CHILD_REQUIRE(late.Wait() == 0);
	CHILD_REQUIRE(FullTransactionIdDidCommit(c_new));
	FullTransactionId horizon = GetOldestNonRemovableFullTransactionId();
	const FullTransactionId none = InvalidFullTransactionId;
	const FullTransactionId frozen = FullTransactionIdFromU64(FrozenTransactionId);
	const uint16 lock_only = HEAP_XMAX_EXCL_LOCK | HEAP_XMAX_LOCK_ONLY;

	const std::vector<Row> rows = {
		{"inserted before the snapshot", c_old, 0, none, 0, 0, false, true, true, true, none, none,
		 TM_Ok, HEAPTUPLE_LIVE, HEAP_XMIN_COMMITTED},
		{"inserted by a transaction that committed after the snapshot", c_new, 0, none, 0, 0, false,
		 false, true, true, none, none, TM_Ok, HEAPTUPLE_LIVE, HEAP_XMIN_COMMITTED},
		{"being inserted", r, 0, none, 0, 0, false, false, false, true, r, none, TM_Invisible,
		 HEAPTUPLE_INSERT_IN_PROGRESS, 0},
		{"inserted by an aborted transaction", aborted, 0, none, 0, 0, false, false, false, false,
		 none, none, TM_Invisible, HEAPTUPLE_DEAD, HEAP_XMIN_INVALID},
		{"inserted by a crashed transaction", crashed, 0, none, 0, 0, false, false, false, false,
		 none, none, TM_Invisible, HEAPTUPLE_DEAD, HEAP_XMIN_INVALID},
		{"inserted by our earlier command", me, 1, none, 0, 0, false, true, true, true, none, none,
		 TM_Ok, HEAPTUPLE_INSERT_IN_PROGRESS, 0},
		{"inserted by our later command", me, 3, none, 0, 0, false, false, true, true, none, none,
		 TM_Invisible, HEAPTUPLE_INSERT_IN_PROGRESS, 0},
		{"inserted and deleted by our earlier commands", me, 0, me, 1, 0, false, false, false,
		 false, none, none, TM_Invisible, HEAPTUPLE_DELETE_IN_PROGRESS, 0},
		{"inserted by us, deleted by our later command", me, 0, me, 3, 0, false, true, false, false,
		 none, none, TM_SelfModified, HEAPTUPLE_DELETE_IN_PROGRESS, 0},
		{"deleted before the snapshot", c_old, 0, c_old2, 0, 0, false, false, false, false, none,
		 none, TM_Deleted, HEAPTUPLE_DEAD, HEAP_XMIN_COMMITTED | HEAP_XMAX_COMMITTED},
		{"updated by a transaction that committed after the snapshot", c_old, 0, c_new, 0, 0, true,
		 true, false, false, none, none, TM_Updated, HEAPTUPLE_RECENTLY_DEAD,
		 HEAP_XMIN_COMMITTED | HEAP_XMAX_COMMITTED},
		{"being deleted", c_old, 0, r, 0, 0, false, true, true, true, none, r, TM_BeingModified,
		 HEAPTUPLE_DELETE_IN_PROGRESS, HEAP_XMIN_COMMITTED},
		{"deleted by an aborted transaction", c_old, 0, aborted, 0, 0, false, true, true, true,
		 none, none, TM_Ok, HEAPTUPLE_LIVE, HEAP_XMIN_COMMITTED | HEAP_XMAX_INVALID},
		{"locked by a running transaction", c_old, 0, r, 0, lock_only, false, true, true, true,
		 none, none, TM_BeingModified, HEAPTUPLE_LIVE, HEAP_XMIN_COMMITTED},
		{"locked by a committed transaction", c_old, 0, c_old2, 0, lock_only, false, true, true,
		 true, none, none, TM_Ok, HEAPTUPLE_LIVE, HEAP_XMIN_COMMITTED | HEAP_XMAX_INVALID},
		{"deleted by our earlier command", c_old, 0, me, 1, 0, false, false, false, false, none,
		 none, TM_Invisible, HEAPTUPLE_DELETE_IN_PROGRESS, HEAP_XMIN_COMMITTED},
		{"deleted by our later command", c_old, 0, me, 3, 0, false, true, false, false, none, none,
		 TM_SelfModified, HEAPTUPLE_DELETE_IN_PROGRESS, HEAP_XMIN_COMMITTED},
		{"frozen", frozen, 0, none, 0, HEAP_XMIN_FROZEN, false, true, true, true, none, none, TM_Ok,
		 HEAPTUPLE_LIVE, HEAP_XMIN_FROZEN},
		{"a commit hint is believed", aborted, 0, none, 0, HEAP_XMIN_COMMITTED, false, true, true,
		 true, none, none, TM_Ok, HEAPTUPLE_LIVE, HEAP_XMIN_COMMITTED},
		{"a commit hint does not outrun the snapshot", c_new, 0, none, 0, HEAP_XMIN_COMMITTED,
		 false, false, true, true, none, none, TM_Ok, HEAPTUPLE_LIVE, HEAP_XMIN_COMMITTED},
	};

	Buffer buf = MakePage(rows);
	std::vector<OffsetNumber> offsets;
	for (size_t i = 0; i < rows.size(); i++)
		offsets.push_back(static_cast<OffsetNumber>(FirstOffsetNumber + i));

	int failures = 0;
	for (size_t i = 0; i < rows.size(); i++)
	{
		const Row &row = rows[i];
		HeapTupleData tuple = TupleAt(buf, offsets[i]);

		SnapshotData dirty;
		InitDirtySnapshot(dirty);
		bool mvcc = HeapTupleSatisfiesVisibility(&tuple, snapshot, buf);
		bool self = HeapTupleSatisfiesVisibility(&tuple, SnapshotSelf, buf);
		bool any = HeapTupleSatisfiesVisibility(&tuple, SnapshotAny, buf);
		bool dirty_ok = HeapTupleSatisfiesVisibility(&tuple, &dirty, buf);
		TM_Result update = HeapTupleSatisfiesUpdate(&tuple, snapshot->curcid, buf);
		HTSV_Result vacuum = HeapTupleSatisfiesVacuum(&tuple, horizon, buf);
		uint16 hints = tuple.t_data->t_infomask &
			(HEAP_XMIN_COMMITTED | HEAP_XMIN_INVALID | HEAP_XMAX_COMMITTED | HEAP_XMAX_INVALID);
		uint16 expected_hints = row.hints_after |
			(FullTransactionIdIsValid(row.xmax) ? 0 : HEAP_XMAX_INVALID);
		bool ok = mvcc == row.mvcc && self == row.self && any && dirty_ok == row.dirty &&
			FullTransactionIdEquals(dirty.xmin, row.dirty_xmin) &&
			FullTransactionIdEquals(dirty.xmax, row.dirty_xmax) && update == row.update &&
			vacuum == row.vacuum && hints == expected_hints;
		if (!ok)
		{
			failures++;
			fprintf(stderr,
					"%s: mvcc %d (want %d), self %d (want %d), dirty %d (want %d) "
					"xmin %llu xmax %llu, update %s (want %s), vacuum %s (want %s), "
					"hints %04x (want %04x)\n",
					row.what, mvcc, row.mvcc, self, row.self, dirty_ok, row.dirty,
					static_cast<unsigned long long>(dirty.xmin.value),
					static_cast<unsigned long long>(dirty.xmax.value), TMName(update),
					TMName(row.update), HTSVName(vacuum), HTSVName(row.vacuum), hints,
					expected_hints);
		}
	}
	UnlockReleaseBuffer(buf);
	UnregisterSnapshot(snapshot);
	CommitTransactionCommand();
	SetStep(&m->step, 100);
	CHILD_REQUIRE(running.Wait() == 0);
	/* Each row that broke a rule is described on stderr above. */
	CHILD_REQUIRE(failures == 0);
	return 0;
}

}  // namespace

TEST_CASE("Visibility follows the rules of PostgreSQL case by case", "[visibility]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	bool found;
	auto *m = static_cast<Meet *>(ShmemInitStruct("visibility test", sizeof(Meet), &found));
	memset(const_cast<Meet *>(m), 0, sizeof *m);
	ChildProcess tester([m] { return RunTable(m); });
	REQUIRE(tester.Wait() == 0);
}

TEST_CASE("A hint bit waits until its asynchronous commit is flushed", "[visibility]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	ChildProcess tester([] {
		InitProcess();
		/* Commit-log LSNs are kept per 32 ids: an unflushed commit holds
		 * back the hints of its own group only. */
		auto next_group = [] {
			while (U64FromFullTransactionId(ReadNextFullTransactionId()) % 32 != 0)
				(void) CrashedXid();
		};
		next_group();
		FullTransactionId sync = CommittedXid();
		next_group();
		FullTransactionId async = CommittedXid(SYNCHRONOUS_COMMIT_OFF);
		const FullTransactionId none = InvalidFullTransactionId;
		std::vector<Row> rows = {
			{"async", async, 0, none, 0, 0, false, true, true, true, none, none, TM_Ok,
			 HEAPTUPLE_LIVE, 0},
			{"sync", sync, 0, none, 0, 0, false, true, true, true, none, none, TM_Ok,
			 HEAPTUPLE_LIVE, 0},
		};
		StartTransactionCommand();
		Buffer buf = MakePage(rows);
		Snapshot snapshot = GetTransactionSnapshot();
		HeapTupleData a = TupleAt(buf, 1);
		HeapTupleData s = TupleAt(buf, 2);
		CHILD_REQUIRE(HeapTupleSatisfiesVisibility(&a, snapshot, buf));
		CHILD_REQUIRE(HeapTupleSatisfiesVisibility(&s, snapshot, buf));
		/* No hint on a yet: it would outrun the unflushed commit. */
		CHILD_REQUIRE(!(a.t_data->t_infomask & HEAP_XMIN_COMMITTED));
		CHILD_REQUIRE(s.t_data->t_infomask & HEAP_XMIN_COMMITTED);
		XLogFlush(GetXLogInsertRecPtr());
		CHILD_REQUIRE(HeapTupleSatisfiesVisibility(&a, snapshot, buf));
		CHILD_REQUIRE(a.t_data->t_infomask & HEAP_XMIN_COMMITTED);
		UnlockReleaseBuffer(buf);
		CommitTransactionCommand();
		return 0;
	});
	REQUIRE(tester.Wait() == 0);
}
