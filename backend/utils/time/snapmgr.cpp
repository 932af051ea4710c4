/*
 * snapmgr.cpp — the snapshots of the running transaction (see
 * utils/snapmgr.h).
 *
 * Principal entry points: GetTransactionSnapshot, GetLatestSnapshot,
 * PushActiveSnapshot, RegisterSnapshot, AtEOXact_Snapshot.
 *
 * Two static snapshots are refilled in place: CurrentSnapshotData (the
 * transaction snapshot) and SecondarySnapshotData (GetLatestSnapshot).
 * Whoever must keep one past the next call gets a copy — a single malloc
 * holding the struct and its xip array — when pushing or registering it;
 * a copy is freed when it is neither active nor registered, and at the
 * latest at the end of the transaction.
 */
#include "postgres.h"

#include <stdlib.h>
#include <string.h>

#include <algorithm>
#include <vector>

#include "access/subtrans.h"
#include "access/xact.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "utils/errcodes.h"
#include "utils/snapmgr.h"

SnapshotData SnapshotSelfData = {SNAPSHOT_SELF, {0},   {0}, nullptr, 0,	  nullptr, 0, false, 0,
								 false,			false, 0,	0,		 {0}, 0};
SnapshotData SnapshotAnyData = {SNAPSHOT_ANY, {0},	 {0}, nullptr, 0,	nullptr, 0, false, 0,
								false,		  false, 0,	  0,	   {0}, 0};
SnapshotData SnapshotToastData = {SNAPSHOT_TOAST, {0},	 {0}, nullptr, 0,	nullptr, 0, false, 0,
								  false,		  false, 0,	  0,	   {0}, 0};

FullTransactionId TransactionXmin = {0};

namespace {

SnapshotData CurrentSnapshotData = {SNAPSHOT_MVCC, {0},	  {0}, nullptr, 0,	 nullptr, 0, false, 0,
									false,		   false, 0,   0,		{0}, 0};
SnapshotData SecondarySnapshotData = {SNAPSHOT_MVCC, {0},	{0}, nullptr, 0,   nullptr, 0, false, 0,
									  false,		 false, 0,	 0,		  {0}, 0};

Snapshot CurrentSnapshot = nullptr;
bool first_snapshot_set = false;

std::vector<Snapshot> &ActiveStack()
{
	static std::vector<Snapshot> stack;
	return stack;
}

/* The (sub)transaction level that pushed each entry of ActiveStack(). */
std::vector<int> &ActiveLevels()
{
	static std::vector<int> levels;
	return levels;
}

/* Copies alive in this transaction (registered, active, or both). */
std::vector<Snapshot> &Copies()
{
	static std::vector<Snapshot> copies;
	return copies;
}

Snapshot CopySnapshot(Snapshot snapshot)
{
	size_t subxcnt = snapshot->subxcnt > 0 ? static_cast<size_t>(snapshot->subxcnt) : 0;
	size_t size = sizeof(SnapshotData) + sizeof(FullTransactionId) * (snapshot->xcnt + subxcnt);
	auto *copy = static_cast<Snapshot>(malloc(size));
	if (copy == nullptr)
		ereport(ERROR, errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory"));
	*copy = *snapshot;
	copy->xip = reinterpret_cast<FullTransactionId *>(copy + 1);
	if (snapshot->xcnt > 0)
		memcpy(copy->xip, snapshot->xip, sizeof(FullTransactionId) * snapshot->xcnt);
	copy->subxip = copy->xip + snapshot->xcnt;
	if (subxcnt > 0)
		memcpy(copy->subxip, snapshot->subxip, sizeof(FullTransactionId) * subxcnt);
	copy->copied = true;
	copy->active_count = 0;
	copy->regd_count = 0;
	Copies().push_back(copy);
	return copy;
}

void FreeIfUnused(Snapshot snapshot)
{
	if (!snapshot->copied || snapshot->active_count > 0 || snapshot->regd_count > 0)
		return;
	auto &copies = Copies();
	copies.erase(std::remove(copies.begin(), copies.end(), snapshot), copies.end());
	free(snapshot);
}

/* Snapshots are kept only as copies; static ones are copied first. */
Snapshot Keepable(Snapshot snapshot)
{
	return snapshot->copied ? snapshot : CopySnapshot(snapshot);
}

void CheckInTransaction()
{
	if (!IsTransactionState())
		elog(ERROR,
			 "cannot take query snapshot during a parallel operation or outside a "
			 "transaction");
}

}  // namespace

Snapshot GetTransactionSnapshot(void)
{
	CheckInTransaction();
	if (first_snapshot_set && IsolationUsesXactSnapshot())
		return CurrentSnapshot;
	CurrentSnapshot = GetSnapshotData(&CurrentSnapshotData);
	if (!first_snapshot_set && IsolationUsesXactSnapshot())
	{
		/* The transaction's one snapshot: kept to its end. */
		CurrentSnapshot = RegisterSnapshot(CurrentSnapshot);
	}
	first_snapshot_set = true;
	return CurrentSnapshot;
}

Snapshot GetLatestSnapshot(void)
{
	CheckInTransaction();
	if (!first_snapshot_set)
		return GetTransactionSnapshot();
	return GetSnapshotData(&SecondarySnapshotData);
}

bool FirstSnapshotSet(void)
{
	return first_snapshot_set;
}

void PushActiveSnapshot(Snapshot snapshot)
{
	Snapshot kept = Keepable(snapshot);
	kept->active_count++;
	ActiveStack().push_back(kept);
	ActiveLevels().push_back(GetCurrentTransactionNestLevel());
}

void PopActiveSnapshot(void)
{
	auto &stack = ActiveStack();
	if (stack.empty())
		elog(ERROR, "no active snapshot to pop");
	Snapshot top = stack.back();
	stack.pop_back();
	ActiveLevels().pop_back();
	top->active_count--;
	FreeIfUnused(top);
}

Snapshot GetActiveSnapshot(void)
{
	if (ActiveStack().empty())
		elog(ERROR, "no active snapshot set");
	return ActiveStack().back();
}

bool ActiveSnapshotSet(void)
{
	return !ActiveStack().empty();
}

void UpdateActiveSnapshotCommandId(void)
{
	if (!ActiveStack().empty())
		ActiveStack().back()->curcid = GetCurrentCommandId(false);
}

Snapshot RegisterSnapshot(Snapshot snapshot)
{
	if (snapshot == InvalidSnapshot)
		return InvalidSnapshot;
	Snapshot kept = Keepable(snapshot);
	kept->regd_count++;
	return kept;
}

void UnregisterSnapshot(Snapshot snapshot)
{
	if (snapshot == InvalidSnapshot || !snapshot->copied)
		return;
	if (snapshot->regd_count == 0)
		elog(ERROR, "snapshot is not registered");
	snapshot->regd_count--;
	FreeIfUnused(snapshot);
}

void SnapshotSetCommandId(CommandId curcid)
{
	/* The transaction snapshot of REPEATABLE READ sees our own new
	 * commands, as PostgreSQL's does; active snapshots keep theirs. */
	if (CurrentSnapshot != nullptr)
		CurrentSnapshot->curcid = curcid;
}

void AtEOXact_Snapshot(bool isCommit)
{
	(void) isCommit;
	for (Snapshot s : Copies())
		free(s);
	Copies().clear();
	ActiveStack().clear();
	ActiveLevels().clear();
	CurrentSnapshot = nullptr;
	first_snapshot_set = false;
	TransactionXmin = InvalidFullTransactionId;
}

void AtSubCommit_Snapshot(int level)
{
	/* What the subtransaction left active is its parent's now. */
	for (int &l : ActiveLevels())
		if (l >= level)
			l = level - 1;
}

void AtSubAbort_Snapshot(int level)
{
	/* What a failed statement of the subtransaction left pushed goes. */
	while (!ActiveLevels().empty() && ActiveLevels().back() >= level)
		PopActiveSnapshot();
}

bool XidInMVCCSnapshot(FullTransactionId xid, Snapshot snapshot)
{
	if (FullTransactionIdPrecedes(xid, snapshot->xmin))
		return false;
	if (FullTransactionIdFollowsOrEquals(xid, snapshot->xmax))
		return true;
	if (!snapshot->suboverflowed)
	{
		/* Another transaction's subtransaction: its own id is listed,
		 * whether or not its parent's is. */
		for (int32 i = 0; i < snapshot->subxcnt; i++)
			if (FullTransactionIdEquals(snapshot->subxip[i], xid))
				return true;
	}
	else
	{
		/* Some cache overflowed, so subxip is incomplete: a subtransaction
		 * counts as running while its top-level transaction does (an
		 * aborted one's changes are ignored through the clog anyway). */
		xid = SubTransGetTopmostTransaction(xid);
		if (FullTransactionIdPrecedes(xid, snapshot->xmin))
			return false;
	}
	for (uint32 i = 0; i < snapshot->xcnt; i++)
		if (FullTransactionIdEquals(snapshot->xip[i], xid))
			return true;
	return false;
}
