/*
 * multixact.cpp — multixact ids (see access/multixact.h).
 *
 * Principal entry points: MultiXactIdCreateFromMembers,
 * GetMultiXactIdMembers, MultiXactIdIsRunning, MultiXactIdSetOldestMember,
 * CheckPointMultiXact, TruncateMultiXact, multixact_redo.
 *
 * Locking.  MultiXactGenLock guards the counters and every backend's
 * oldest-member entry below; it is taken before either SLRU's control
 * lock (offsets before members).  A multixact is created whole under
 * MultiXactGenLock held exclusively — id and offsets assigned, pages
 * started, WAL record inserted, entries written — so a reader holding it
 * shared sees either all of a multixact or none, and a checkpoint that
 * takes it after choosing its redo point finds every multixact logged
 * before that point in the pages it writes.
 *
 * Truncation.  A multixact that only locked is needed while a member may
 * run: each transaction that locks, updates or deletes rows records
 * (MultiXactIdSetOldestMember) the next multixact id at that moment, and
 * no multixact naming it can be older.  Older lock-only multixacts read
 * as having no members.  A multixact with an updater is needed as long as
 * a tuple names it (its updater decides the tuple's visibility); until
 * per-table multixact horizons (pg_class.relminmxid) are tracked, the
 * oldest multixact with an updater ever created bounds truncation.
 */
#include "postgres.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include <string>
#include <type_traits>
#include <vector>

#include "access/multixact.h"
#include "access/rmgr.h"
#include "access/transam/slru.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "access/xloginsert.h"
#include "access/xlogreader.h"
#include "miscadmin.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "storage/shmem.h"
#include "storage/sync/sync_handlers.h"
#include "utils/errcodes.h"

namespace {

/* An offsets entry: where the members start, and how many there are. */
struct OffsetEntry
{
	uint64 offset;
	uint64 nmembers;
};

/* A member as stored. */
struct MemberEntry
{
	uint64 xid;
	uint64 status;
};

constexpr uint64 kOffsetsPerPage = BLCKSZ / sizeof(OffsetEntry);
constexpr uint64 kMembersPerPage = BLCKSZ / sizeof(MemberEntry);

/* PostgreSQL 15's NUM_MULTIXACTOFFSET_BUFFERS and NUM_MULTIXACTMEMBER_BUFFERS. */
constexpr int kOffsetSlots = 8;
constexpr int kMemberSlots = 16;

tusk::slru::Slru &Offsets()
{
	static tusk::slru::Slru offsets("MultiXactOffset Ctl", "pg_multixact/offsets",
									MultiXactOffsetSLRULock, SYNC_HANDLER_MULTIXACT_OFFSET, 1);
	return offsets;
}

tusk::slru::Slru &Members()
{
	static tusk::slru::Slru members("MultiXactMember Ctl", "pg_multixact/members",
									MultiXactMemberSLRULock, SYNC_HANDLER_MULTIXACT_MEMBER, 1);
	return members;
}

int64 OffsetsPage(MultiXactId multi)
{
	return static_cast<int64>(multi / kOffsetsPerPage);
}

int64 MembersPage(MultiXactOffset offset)
{
	return static_cast<int64>(offset / kMembersPerPage);
}

/*
 * The shared counters.  All fields: MultiXactGenLock (a backend writes its
 * own oldest_member entry holding it shared; readers of the whole array
 * hold it exclusively).
 */
struct MultiXactStateData
{
	MultiXactId next_multi;
	MultiXactOffset next_offset;
	MultiXactId oldest_multi; /* the oldest multixact still stored */
	MultiXactOffset oldest_offset;
	MultiXactId oldest_update_multi; /* see the file comment; invalid: none */
	int nprocs;
	/* Per PGPROC: the oldest multixact its transaction may be a member
	 * of, or invalid. */
	MultiXactId oldest_member[FLEXIBLE_ARRAY_MEMBER];
};

static_assert(std::is_trivially_copyable_v<MultiXactStateData>);

MultiXactStateData *state = nullptr;
/* Whether this backend's oldest_member entry is set for its transaction. */
bool my_member_set = false;

int NumProcs()
{
	return MaxBackends + NUM_AUXILIARY_PROCS;
}

std::string MultiText(MultiXactId multi)
{
	return std::to_string(multi);
}

/* With the offsets control lock held exclusively: the entry of multi. */
OffsetEntry *OffsetEntryOf(MultiXactId multi, const char *what)
{
	int slot = Offsets().ReadPage(OffsetsPage(multi), what);
	return reinterpret_cast<OffsetEntry *>(Offsets().Page(slot)) + multi % kOffsetsPerPage;
}

/* With the members control lock held exclusively: the member at offset. */
MemberEntry *MemberEntryOf(MultiXactOffset offset, const char *what, int *slot)
{
	*slot = Members().ReadPage(MembersPage(offset), what);
	return reinterpret_cast<MemberEntry *>(Members().Page(*slot)) + offset % kMembersPerPage;
}

/*
 * Store multi's entry and members (creation and replay): the pages exist
 * (their zeroing came first).  lsn: the creation record, which must reach
 * disk before the pages.
 */
void RecordNewMultiXact(MultiXactId multi, MultiXactOffset offset, int nmembers,
						const MultiXactMember *members, XLogRecPtr lsn)
{
	char what[32];
	snprintf(what, sizeof what, "%llu", static_cast<unsigned long long>(multi));
	{
		tusk::LWLockGuard lock(MultiXactOffsetSLRULock, LW_EXCLUSIVE);
		OffsetEntry *e = OffsetEntryOf(multi, what);
		e->offset = offset;
		e->nmembers = static_cast<uint64>(nmembers);
		int slot = Offsets().FindSlot(OffsetsPage(multi));
		Offsets().MarkDirty(slot);
		Offsets().AdvanceGroupLSN(slot, 0, lsn);
	}
	tusk::LWLockGuard lock(MultiXactMemberSLRULock, LW_EXCLUSIVE);
	for (int i = 0; i < nmembers; i++)
	{
		int slot;
		MemberEntry *m = MemberEntryOf(offset + static_cast<uint64>(i), what, &slot);
		m->xid = U64FromFullTransactionId(members[i].xid);
		m->status = static_cast<uint64>(members[i].status);
		Members().MarkDirty(slot);
		Members().AdvanceGroupLSN(slot, 0, lsn);
	}
}

void ZeroOffsetsPage(int64 pageno)
{
	tusk::LWLockGuard lock(MultiXactOffsetSLRULock, LW_EXCLUSIVE);
	(void) Offsets().ZeroPage(pageno);
}

void ZeroMembersPage(int64 pageno)
{
	tusk::LWLockGuard lock(MultiXactMemberSLRULock, LW_EXCLUSIVE);
	(void) Members().ZeroPage(pageno);
}

void LogZeroPage(uint8 info, int64 pageno)
{
	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&pageno), sizeof pageno);
	(void) XLogInsert(RM_MULTIXACT_ID, info);
}

void CreateDirectory(const char *path)
{
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		ereport(FATAL, errcode_for_file_access(),
				errmsg("could not create directory \"%s\": %m", path));
}

}  // namespace

Size MultiXactShmemSize(void)
{
	Size size = add_size(offsetof(MultiXactStateData, oldest_member),
						 mul_size(sizeof(MultiXactId), static_cast<Size>(NumProcs())));
	size = add_size(size, Offsets().ShmemSize(kOffsetSlots));
	return add_size(size, Members().ShmemSize(kMemberSlots));
}

void MultiXactShmemInit(void)
{
	Offsets().ShmemInit(kOffsetSlots);
	Members().ShmemInit(kMemberSlots);
	bool found;
	Size size = add_size(offsetof(MultiXactStateData, oldest_member),
						 mul_size(sizeof(MultiXactId), static_cast<Size>(NumProcs())));
	state = static_cast<MultiXactStateData *>(
		ShmemInitStruct("Shared MultiXact State", size, &found));
	if (!found)
	{
		memset(state, 0, size);
		state->next_multi = FirstMultiXactId;
		state->oldest_multi = FirstMultiXactId;
		state->nprocs = NumProcs();
	}
}

MultiXactId MultiXactIdCreateFromMembers(int nmembers, const MultiXactMember *members)
{
	if (nmembers <= 0)
		elog(ERROR, "a multixact needs members");
	bool has_update = false;
	std::vector<xl_multixact_member> logged(static_cast<size_t>(nmembers));
	for (int i = 0; i < nmembers; i++)
	{
		if (ISUPDATE_from_mxstatus(members[i].status))
		{
			if (has_update)
				elog(ERROR, "new multixact has more than one updating member");
			has_update = true;
		}
		logged[static_cast<size_t>(i)] = xl_multixact_member{U64FromFullTransactionId(
																 members[i].xid),
															 static_cast<uint32>(
																 members[i].status)};
	}

	tusk::LWLockGuard gen(MultiXactGenLock, LW_EXCLUSIVE);
	MultiXactId multi = state->next_multi;
	MultiXactOffset offset = state->next_offset;
	/* The pages this multixact starts, zeroed and logged first (the first
	 * multixact ever starts the first pages). */
	if (multi % kOffsetsPerPage == 0 || multi == FirstMultiXactId)
	{
		ZeroOffsetsPage(OffsetsPage(multi));
		LogZeroPage(XLOG_MULTIXACT_ZERO_OFF_PAGE, OffsetsPage(multi));
	}
	for (MultiXactOffset o = offset; o < offset + static_cast<uint64>(nmembers); o++)
		if (o % kMembersPerPage == 0)
		{
			ZeroMembersPage(MembersPage(o));
			LogZeroPage(XLOG_MULTIXACT_ZERO_MEM_PAGE, MembersPage(o));
		}

	xl_multixact_create rec{multi, offset, static_cast<uint32>(nmembers)};
	tusk::CriticalSection crit;
	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
	XLogRegisterData(reinterpret_cast<const char *>(logged.data()),
					 static_cast<uint32>(logged.size() * sizeof(xl_multixact_member)));
	XLogRecPtr lsn = XLogInsert(RM_MULTIXACT_ID, XLOG_MULTIXACT_CREATE_ID);
	RecordNewMultiXact(multi, offset, nmembers, members, lsn);
	state->next_multi = multi + 1;
	state->next_offset = offset + static_cast<uint64>(nmembers);
	if (has_update && !MultiXactIdIsValid(state->oldest_update_multi))
		state->oldest_update_multi = multi;
	crit.End();
	return multi;
}

int GetMultiXactIdMembers(MultiXactId multi, MultiXactMember **members, bool onlyLock)
{
	*members = nullptr;
	if (!MultiXactIdIsValid(multi))
		return 0;
	tusk::LWLockGuard gen(MultiXactGenLock, LW_SHARED);
	if (multi < state->oldest_multi)
	{
		/* No member of a multixact this old can be running. */
		if (onlyLock)
			return 0;
		ereport(ERROR, errcode(ERRCODE_INTERNAL_ERROR),
				errmsg("MultiXactId %s does no longer exist -- apparent wraparound",
					   MultiText(multi).c_str()));
	}
	if (multi >= state->next_multi)
		ereport(ERROR, errcode(ERRCODE_INTERNAL_ERROR),
				errmsg("MultiXactId %s has not been created yet -- apparent wraparound",
					   MultiText(multi).c_str()));
	std::string what = MultiText(multi);
	OffsetEntry entry;
	{
		tusk::LWLockGuard lock(MultiXactOffsetSLRULock, LW_EXCLUSIVE);
		entry = *OffsetEntryOf(multi, what.c_str());
	}
	if (entry.nmembers == 0)
		return 0;
	auto *result = palloc_array(MultiXactMember, entry.nmembers);
	tusk::LWLockGuard lock(MultiXactMemberSLRULock, LW_EXCLUSIVE);
	for (uint64 i = 0; i < entry.nmembers; i++)
	{
		int slot;
		const MemberEntry *m = MemberEntryOf(entry.offset + i, what.c_str(), &slot);
		result[i].xid = FullTransactionIdFromU64(m->xid);
		result[i].status = static_cast<MultiXactStatus>(m->status);
	}
	*members = result;
	return static_cast<int>(entry.nmembers);
}

bool MultiXactIdIsRunning(MultiXactId multi, bool isLockOnly)
{
	MultiXactMember *members;
	int n = GetMultiXactIdMembers(multi, &members, isLockOnly);
	bool running = false;
	for (int i = 0; i < n && !running; i++)
		running = FullTransactionIdIsCurrentTransactionId(members[i].xid) ||
			FullTransactionIdIsInProgress(members[i].xid);
	if (members != nullptr)
		pfree(members);
	return running;
}

FullTransactionId MultiXactIdGetUpdateXid(MultiXactId multi)
{
	MultiXactMember *members;
	int n = GetMultiXactIdMembers(multi, &members, false);
	FullTransactionId update = InvalidFullTransactionId;
	for (int i = 0; i < n; i++)
		if (ISUPDATE_from_mxstatus(members[i].status))
			update = members[i].xid;
	if (members != nullptr)
		pfree(members);
	return update;
}

void MultiXactIdSetOldestMember(void)
{
	if (my_member_set || MyProc == nullptr || state == nullptr)
		return;
	tusk::LWLockGuard gen(MultiXactGenLock, LW_SHARED);
	state->oldest_member[MyProc->pgprocno] = state->next_multi;
	my_member_set = true;
}

void AtEOXact_MultiXact(void)
{
	if (!my_member_set)
		return;
	tusk::LWLockGuard gen(MultiXactGenLock, LW_SHARED);
	state->oldest_member[MyProc->pgprocno] = InvalidMultiXactId;
	my_member_set = false;
}

void MultiXactGetCheckptMulti(MultiXactId *nextMulti, MultiXactOffset *nextOffset,
							  MultiXactId *oldestMulti, MultiXactId *oldestUpdateMulti)
{
	tusk::LWLockGuard gen(MultiXactGenLock, LW_SHARED);
	*nextMulti = state->next_multi;
	*nextOffset = state->next_offset;
	*oldestMulti = state->oldest_multi;
	*oldestUpdateMulti = state->oldest_update_multi;
}

void StartupMultiXact(MultiXactId nextMulti, MultiXactOffset nextOffset, MultiXactId oldestMulti,
					  MultiXactId oldestUpdateMulti)
{
	/* A data directory from before multixacts were used may lack them. */
	CreateDirectory("pg_multixact");
	CreateDirectory("pg_multixact/offsets");
	CreateDirectory("pg_multixact/members");
	tusk::LWLockGuard gen(MultiXactGenLock, LW_EXCLUSIVE);
	state->next_multi = Max(nextMulti, FirstMultiXactId);
	state->next_offset = nextOffset;
	state->oldest_multi = Max(oldestMulti, FirstMultiXactId);
	state->oldest_update_multi = oldestUpdateMulti;
	for (int i = 0; i < state->nprocs; i++)
		state->oldest_member[i] = InvalidMultiXactId;
	/* The oldest offset is read when next needed (truncation). */
	state->oldest_offset = 0;
}

void BootStrapMultiXact(void)
{
	CreateDirectory("pg_multixact");
	CreateDirectory("pg_multixact/offsets");
	CreateDirectory("pg_multixact/members");
}

void CheckPointMultiXact(void)
{
	/* Every multixact logged before the redo point is in the pages now. */
	tusk::LWLockGuard gen(MultiXactGenLock, LW_EXCLUSIVE);
	{
		tusk::LWLockGuard lock(MultiXactOffsetSLRULock, LW_EXCLUSIVE);
		Offsets().WriteAll();
	}
	tusk::LWLockGuard lock(MultiXactMemberSLRULock, LW_EXCLUSIVE);
	Members().WriteAll();
}

void TruncateMultiXact(void)
{
	tusk::LWLockGuard gen(MultiXactGenLock, LW_EXCLUSIVE);
	MultiXactId cutoff = state->next_multi;
	for (int i = 0; i < state->nprocs; i++)
		if (MultiXactIdIsValid(state->oldest_member[i]) && state->oldest_member[i] < cutoff)
			cutoff = state->oldest_member[i];
	if (MultiXactIdIsValid(state->oldest_update_multi) && state->oldest_update_multi < cutoff)
		cutoff = state->oldest_update_multi;
	/* Nothing to gain unless a whole segment of offsets goes. */
	if (OffsetsPage(cutoff) / SLRU_PAGES_PER_SEGMENT <=
		OffsetsPage(state->oldest_multi) / SLRU_PAGES_PER_SEGMENT)
		return;
	MultiXactOffset cutoff_offset = state->next_offset;
	if (cutoff < state->next_multi)
	{
		std::string what = MultiText(cutoff);
		tusk::LWLockGuard lock(MultiXactOffsetSLRULock, LW_EXCLUSIVE);
		cutoff_offset = OffsetEntryOf(cutoff, what.c_str())->offset;
	}
	/* Logged and flushed before the files go, so that replay never
	 * looks for what is gone. */
	xl_multixact_truncate rec{cutoff, cutoff_offset};
	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
	XLogFlush(XLogInsert(RM_MULTIXACT_ID, XLOG_MULTIXACT_TRUNCATE_ID));
	state->oldest_multi = cutoff;
	state->oldest_offset = cutoff_offset;
	{
		tusk::LWLockGuard lock(MultiXactOffsetSLRULock, LW_EXCLUSIVE);
		Offsets().DropPagesBefore(OffsetsPage(cutoff));
	}
	tusk::LWLockGuard lock(MultiXactMemberSLRULock, LW_EXCLUSIVE);
	Members().DropPagesBefore(MembersPage(cutoff_offset));
}

void multixact_redo(XLogReaderState *r)
{
	uint8 info = XLogRecGetInfo(r) & ~XLR_INFO_MASK;
	const char *data = XLogRecGetData(r);
	switch (info)
	{
		case XLOG_MULTIXACT_ZERO_OFF_PAGE:
		case XLOG_MULTIXACT_ZERO_MEM_PAGE:
		{
			int64 pageno;
			memcpy(&pageno, data, sizeof pageno);
			if (info == XLOG_MULTIXACT_ZERO_OFF_PAGE)
				ZeroOffsetsPage(pageno);
			else
				ZeroMembersPage(pageno);
			break;
		}
		case XLOG_MULTIXACT_CREATE_ID:
		{
			xl_multixact_create rec;
			memcpy(&rec, data, sizeof rec);
			std::vector<MultiXactMember> members(rec.nmembers);
			for (uint32 i = 0; i < rec.nmembers; i++)
			{
				xl_multixact_member m;
				memcpy(&m, data + sizeof rec + i * sizeof m, sizeof m);
				members[i] = MultiXactMember{FullTransactionIdFromU64(m.xid),
											 static_cast<MultiXactStatus>(m.status)};
				/* Replay's counter of transaction ids must pass them. */
				AdvanceNextFullTransactionIdPastXid(members[i].xid);
			}
			RecordNewMultiXact(rec.mid, rec.moff, static_cast<int>(rec.nmembers), members.data(),
							   XLogReaderGetEndRecPtr(r));
			tusk::LWLockGuard gen(MultiXactGenLock, LW_EXCLUSIVE);
			if (rec.mid >= state->next_multi)
				state->next_multi = rec.mid + 1;
			if (rec.moff + rec.nmembers > state->next_offset)
				state->next_offset = rec.moff + rec.nmembers;
			bool has_update = false;
			for (const MultiXactMember &m : members)
				has_update = has_update || ISUPDATE_from_mxstatus(m.status);
			if (has_update && !MultiXactIdIsValid(state->oldest_update_multi))
				state->oldest_update_multi = rec.mid;
			break;
		}
		case XLOG_MULTIXACT_TRUNCATE_ID:
		{
			xl_multixact_truncate rec;
			memcpy(&rec, data, sizeof rec);
			tusk::LWLockGuard gen(MultiXactGenLock, LW_EXCLUSIVE);
			state->oldest_multi = rec.oldestMulti;
			state->oldest_offset = rec.oldestOffset;
			{
				tusk::LWLockGuard lock(MultiXactOffsetSLRULock, LW_EXCLUSIVE);
				Offsets().DropPagesBefore(OffsetsPage(rec.oldestMulti));
			}
			tusk::LWLockGuard lock(MultiXactMemberSLRULock, LW_EXCLUSIVE);
			Members().DropPagesBefore(MembersPage(rec.oldestOffset));
			break;
		}
		default:
			elog(PANIC, "multixact_redo: unknown op code %u", info);
	}
}

const char *multixact_identify(uint8 info)
{
	switch (info & ~XLR_INFO_MASK)
	{
		case XLOG_MULTIXACT_ZERO_OFF_PAGE:
			return "ZERO_OFF_PAGE";
		case XLOG_MULTIXACT_ZERO_MEM_PAGE:
			return "ZERO_MEM_PAGE";
		case XLOG_MULTIXACT_CREATE_ID:
			return "CREATE_ID";
		case XLOG_MULTIXACT_TRUNCATE_ID:
			return "TRUNCATE_ID";
		default:
			return nullptr;
	}
}

const char *mxstatus_to_string(MultiXactStatus status)
{
	switch (status)
	{
		case MultiXactStatusForKeyShare:
			return "keysh";
		case MultiXactStatusForShare:
			return "sh";
		case MultiXactStatusForNoKeyUpdate:
			return "fornokeyupd";
		case MultiXactStatusForUpdate:
			return "forupd";
		case MultiXactStatusNoKeyUpdate:
			return "nokeyupd";
		case MultiXactStatusUpdate:
			return "upd";
	}
	elog(ERROR, "unrecognized multixact status %d", static_cast<int>(status));
	return "";
}

int multixactoffsetssyncfiletag(const FileTag &tag, std::string *path)
{
	return Offsets().SyncFileTag(tag, path);
}

int multixactmemberssyncfiletag(const FileTag &tag, std::string *path)
{
	return Members().SyncFileTag(tag, path);
}
