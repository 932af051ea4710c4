/*
 * pgstat.cpp — the cumulative statistics system: per-table, per-index and
 * per-database counters, counted locally by each process and flushed to
 * shared memory, kept across a clean restart (pgstat.h,
 * doc/utils/pgstat/README.md).
 *
 * Principal entry points: pgstat_assoc_relation and the pgstat_count_*
 * functions (counting), AtEOXact_PgStat / AtEOSubXact_PgStat (transaction
 * ends), pgstat_report_stat (flush), pgstat_report_vacuum /
 * pgstat_report_analyze, PgStatShmemSize/Init, pgstat_restore_stats /
 * pgstat_discard_stats (startup) and pgstat_write_statsfile (shutdown);
 * the readers for pgstatfuncs.cpp (tusk::pgstat::FetchTable, FetchDatabase,
 * PendingTable, ResetDatabase, ResetTable).
 *
 * Counting: a Relation points to its process-local pending entry
 * (rd_pgstat_info); counting an event is one increment there, no lock.
 * Row changes go to a per-(sub)transaction record first, so that an abort
 * can turn what it inserted into dead tuples as PostgreSQL does.
 *
 * Shared memory ("PgStat Shared"): one entry per database (slot array,
 * searched linearly: there are few databases) and one per table or index
 * (a fixed array chained from hash buckets, with a free list).  Locking:
 * PgStatLock guards the structure — which slots are used, the chains, the
 * keys; the counters are atomics, added to under PgStatLock held shared,
 * so flushes of many backends run concurrently.  Creating or removing an
 * entry, a reset and reading the file take it exclusively.
 */
#include "postgres.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <vector>

#include "access/xact.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "port/atomics.h"
#include "storage/ipc.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "utils/elog.h"
#include "utils/memutils.h"
#include "utils/pgstat_internal.h"
#include "utils/timestamp.h"

using tusk::LWLockGuard;

bool pgstat_track_counts = true;
int pgstat_fetch_consistency = PGSTAT_FETCH_CONSISTENCY_CACHE;
SessionEndType pgStatSessionEndCause = DISCONNECT_NOT_YET;

namespace tusk::pgstat {

namespace {

/* How many tables and indexes (over all databases) shared memory holds
 * counters for; beyond that new relations are not counted (logged once
 * per process).  About 200 bytes each. */
constexpr int kMaxTableEntries = 16384;
constexpr int kNumBuckets = kMaxTableEntries;
/* Databases with counters, the shared-catalog entry (database 0) included. */
constexpr int kMaxDatabases = 256;

/* The statistics file's first word: format and version. */
constexpr uint32 kStatsFileMagic = 0x54534B01; /* "TSK" 1 */

struct SharedTable
{
	Oid dboid; /* InvalidOid: a shared catalog */
	Oid relid;
	int32 next; /* next slot in the bucket's chain, or the free list; -1: end */
	bool used;
	pg_atomic_uint64 f[kNumTableFields];
};

struct SharedDatabase
{
	Oid dboid;
	bool used;
	pg_atomic_uint64 f[kNumDbFields];
};

/* Guarded by PgStatLock (see the file comment); the counters are atomics. */
struct PgStatShared
{
	int32 buckets[kNumBuckets];
	int32 free_head;
	SharedDatabase dbs[kMaxDatabases];
	SharedTable tables[kMaxTableEntries];
};

static_assert(std::is_trivially_copyable_v<PgStatShared>);

PgStatShared *shared = nullptr;

uint32 HashKey(Oid dboid, Oid relid)
{
	uint64 k = (static_cast<uint64>(dboid) << 32) | relid;
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return static_cast<uint32>(k % kNumBuckets);
}

/* Under PgStatLock (either mode). */
SharedTable *LookupTable(Oid dboid, Oid relid)
{
	for (int32 i = shared->buckets[HashKey(dboid, relid)]; i >= 0; i = shared->tables[i].next)
		if (shared->tables[i].dboid == dboid && shared->tables[i].relid == relid)
			return &shared->tables[i];
	return nullptr;
}

bool logged_full = false;

/* Under PgStatLock exclusive: the entry, made (zeroed) if missing; NULL
 * when every slot is in use. */
SharedTable *CreateTable(Oid dboid, Oid relid)
{
	if (SharedTable *t = LookupTable(dboid, relid))
		return t;
	int32 i = shared->free_head;
	if (i < 0)
	{
		if (!logged_full)
			ereport(LOG,
					errmsg("cumulative statistics: no room for more than %d tables and "
						   "indexes; relation %u is not counted",
						   kMaxTableEntries, relid));
		logged_full = true;
		return nullptr;
	}
	SharedTable *t = &shared->tables[i];
	shared->free_head = t->next;
	t->dboid = dboid;
	t->relid = relid;
	t->used = true;
	for (auto &f : t->f)
		pg_atomic_write_u64(&f, 0);
	uint32 b = HashKey(dboid, relid);
	t->next = shared->buckets[b];
	shared->buckets[b] = i;
	return t;
}

/* Under PgStatLock exclusive. */
void RemoveTable(Oid dboid, Oid relid)
{
	int32 *link = &shared->buckets[HashKey(dboid, relid)];
	while (*link >= 0)
	{
		SharedTable *t = &shared->tables[*link];
		if (t->dboid == dboid && t->relid == relid)
		{
			int32 i = *link;
			*link = t->next;
			t->used = false;
			t->next = shared->free_head;
			shared->free_head = i;
			return;
		}
		link = &t->next;
	}
}

/* Under PgStatLock (either mode). */
SharedDatabase *LookupDatabase(Oid dboid)
{
	for (auto &d : shared->dbs)
		if (d.used && d.dboid == dboid)
			return &d;
	return nullptr;
}

/* Under PgStatLock exclusive. */
SharedDatabase *CreateDatabase(Oid dboid)
{
	if (SharedDatabase *d = LookupDatabase(dboid))
		return d;
	for (auto &d : shared->dbs)
		if (!d.used)
		{
			d.used = true;
			d.dboid = dboid;
			for (auto &f : d.f)
				pg_atomic_write_u64(&f, 0);
			/* A new entry's statistics start now. */
			pg_atomic_write_u64(&d.f[kDbStatResetTime], static_cast<uint64>(GetCurrentTimestamp()));
			return &d;
		}
	return nullptr;
}

void Add(pg_atomic_uint64 *f, int64 v)
{
	if (v != 0)
		(void) pg_atomic_fetch_add_u64(f, v);
}

/* ---- the process's pending counters ---- */

struct PendingKey
{
	Oid dboid;
	Oid relid;
	bool operator==(const PendingKey &) const = default;
};

struct PendingKeyHash
{
	size_t operator()(const PendingKey &k) const
	{
		return std::hash<uint64>()((static_cast<uint64>(k.dboid) << 32) | k.relid);
	}
};

/* Every entry this process ever counted in; entries never move or go,
 * so a Relation may point to one. */
std::unordered_map<PendingKey, std::unique_ptr<PgStat_TableStatus>, PendingKeyHash> &Entries()
{
	static std::unordered_map<PendingKey, std::unique_ptr<PgStat_TableStatus>, PendingKeyHash>
		entries;
	return entries;
}

/* Those with counts not yet flushed. */
std::vector<PgStat_TableStatus *> pending_tables;

/* The database counters not yet flushed (the table ones are added to
 * their database at the flush). */
struct PendingDatabase
{
	int64 xact_commit = 0;
	int64 xact_rollback = 0;
	int64 deadlocks = 0;
	int64 sessions = 0;
	int64 session_time = 0;
	int64 sessions_abandoned = 0;
	int64 sessions_fatal = 0;
	int64 sessions_killed = 0;
	bool any = false;
};
PendingDatabase pending_db;

/* The record of each (sub)transaction level that changed rows, newest
 * level first; each holds its tables' records (PgStat_TableXactStatus
 * chained by next). */
struct XactLevel
{
	int nest_level;
	PgStat_TableXactStatus *first;
	XactLevel *upper;
};
XactLevel *xact_levels = nullptr;

/* Relations dropped by the running transaction, forgotten at its commit
 * (at the nesting level that dropped them, for a subtransaction abort). */
struct PendingDrop
{
	Oid dboid;
	Oid relid;
	int nest_level;
};
std::vector<PendingDrop> pending_drops;

TimestampTz last_flush = 0;
TimestampTz pending_since = 0;
bool force_next_flush = false;
TimestampTz session_start = 0;

PgStat_TableXactStatus *PushTableLevel(PgStat_TableStatus *entry, int nest_level)
{
	if (xact_levels == nullptr || xact_levels->nest_level != nest_level)
	{
		auto *l = static_cast<XactLevel *>(
			MemoryContextAllocZero(TopMemoryContext, sizeof(XactLevel)));
		l->nest_level = nest_level;
		l->upper = xact_levels;
		xact_levels = l;
	}
	auto *t = static_cast<PgStat_TableXactStatus *>(
		MemoryContextAllocZero(TopMemoryContext, sizeof(PgStat_TableXactStatus)));
	t->nest_level = nest_level;
	t->upper = entry->trans;
	t->parent = entry;
	t->next = xact_levels->first;
	xact_levels->first = t;
	entry->trans = t;
	return t;
}

/* The record of rel's changes at the current nesting level. */
PgStat_TableXactStatus *CurrentTrans(PgStat_TableStatus *entry)
{
	int nest_level = GetCurrentTransactionNestLevel();
	if (entry->trans == nullptr || entry->trans->nest_level != nest_level)
		return PushTableLevel(entry, nest_level);
	return entry->trans;
}

void SaveTruncdropCounters(PgStat_TableXactStatus *trans)
{
	if (!trans->truncdropped)
	{
		trans->inserted_pre_truncdrop = trans->tuples_inserted;
		trans->updated_pre_truncdrop = trans->tuples_updated;
		trans->deleted_pre_truncdrop = trans->tuples_deleted;
		trans->truncdropped = true;
	}
}

void RestoreTruncdropCounters(PgStat_TableXactStatus *trans)
{
	if (trans->truncdropped)
	{
		trans->tuples_inserted = trans->inserted_pre_truncdrop;
		trans->tuples_updated = trans->updated_pre_truncdrop;
		trans->tuples_deleted = trans->deleted_pre_truncdrop;
	}
}

/* ---- the fetch cache (stats_fetch_consistency) ---- */

std::unordered_map<PendingKey, TableValues, PendingKeyHash> cached_tables;
std::unordered_map<Oid, DatabaseValues> cached_dbs;
bool snapshot_taken = false;
TimestampTz snapshot_timestamp = 0;

void CopyTable(const SharedTable &t, TableValues *v)
{
	v->found = true;
	for (int i = 0; i < kNumTableFields; i++)
		v->f[i] = static_cast<int64>(pg_atomic_read_u64(const_cast<pg_atomic_uint64 *>(&t.f[i])));
}

void CopyDatabase(const SharedDatabase &d, DatabaseValues *v)
{
	v->found = true;
	for (int i = 0; i < kNumDbFields; i++)
		v->f[i] = static_cast<int64>(pg_atomic_read_u64(const_cast<pg_atomic_uint64 *>(&d.f[i])));
}

/* Copy every entry of this database and the shared ones. */
void TakeSnapshot()
{
	cached_tables.clear();
	cached_dbs.clear();
	LWLockGuard lock(PgStatLock, LW_SHARED);
	for (const auto &t : shared->tables)
		if (t.used && (t.dboid == MyDatabaseId || t.dboid == InvalidOid))
			CopyTable(t, &cached_tables[PendingKey{t.dboid, t.relid}]);
	for (const auto &d : shared->dbs)
		if (d.used)
			CopyDatabase(d, &cached_dbs[d.dboid]);
	snapshot_taken = true;
	snapshot_timestamp = GetCurrentTimestamp();
}

/* How the session ended, for pg_stat_database's sessions_* columns. */
void EndSession(int code, Datum)
{
	if (shared == nullptr)
		return;
	if (session_start != 0)
	{
		TimestampTz now = GetCurrentTimestamp();
		pending_db.session_time += now - session_start;
		if (ProcDiePending)
			pending_db.sessions_killed++;
		else if (code != 0)
			pending_db.sessions_fatal++;
		else if (pgStatSessionEndCause == DISCONNECT_CLIENT_EOF)
			pending_db.sessions_abandoned++;
		pending_db.any = true;
		session_start = 0;
	}
	/* Whatever a failed transaction left: its changes count as aborted. */
	if (xact_levels != nullptr)
		AtEOXact_PgStat(false);
	(void) pgstat_report_stat(true);
}

/* Add one pending table entry to shared memory; under PgStatLock held
 * shared (or exclusive).  Returns false if the entry does not exist yet. */
bool FlushTable(PgStat_TableStatus *e, Oid dboid)
{
	SharedTable *t = LookupTable(dboid, e->t_id);
	if (t == nullptr)
		return false;
	const PgStat_TableCounts &c = e->t_counts;
	Add(&t->f[kNumScans], c.t_numscans);
	Add(&t->f[kTuplesReturned], c.t_tuples_returned);
	Add(&t->f[kTuplesFetched], c.t_tuples_fetched);
	Add(&t->f[kTuplesInserted], c.t_tuples_inserted);
	Add(&t->f[kTuplesUpdated], c.t_tuples_updated);
	Add(&t->f[kTuplesDeleted], c.t_tuples_deleted);
	Add(&t->f[kTuplesHotUpdated], c.t_tuples_hot_updated);
	if (c.t_truncdropped)
	{
		pg_atomic_write_u64(&t->f[kLiveTuples], 0);
		pg_atomic_write_u64(&t->f[kDeadTuples], 0);
	}
	Add(&t->f[kLiveTuples], c.t_delta_live_tuples);
	Add(&t->f[kDeadTuples], c.t_delta_dead_tuples);
	Add(&t->f[kModSinceAnalyze], c.t_changed_tuples);
	Add(&t->f[kInsSinceVacuum], c.t_tuples_inserted);
	Add(&t->f[kBlocksFetched], c.t_blocks_fetched);
	Add(&t->f[kBlocksHit], c.t_blocks_hit);
	/* Live and dead counts never go below zero (PostgreSQL clamps too). */
	if (static_cast<int64>(pg_atomic_read_u64(&t->f[kLiveTuples])) < 0)
		pg_atomic_write_u64(&t->f[kLiveTuples], 0);
	if (static_cast<int64>(pg_atomic_read_u64(&t->f[kDeadTuples])) < 0)
		pg_atomic_write_u64(&t->f[kDeadTuples], 0);
	return true;
}

/* The database-level sums of a table's counts. */
void AddToDatabase(SharedDatabase *d, const PgStat_TableCounts &c)
{
	Add(&d->f[kDbTuplesReturned], c.t_tuples_returned);
	Add(&d->f[kDbTuplesFetched], c.t_tuples_fetched);
	Add(&d->f[kDbTuplesInserted], c.t_tuples_inserted);
	Add(&d->f[kDbTuplesUpdated], c.t_tuples_updated);
	Add(&d->f[kDbTuplesDeleted], c.t_tuples_deleted);
	Add(&d->f[kDbBlocksFetched], c.t_blocks_fetched);
	Add(&d->f[kDbBlocksHit], c.t_blocks_hit);
}

void FlushDatabase(SharedDatabase *d)
{
	Add(&d->f[kDbXactCommit], pending_db.xact_commit);
	Add(&d->f[kDbXactRollback], pending_db.xact_rollback);
	Add(&d->f[kDbDeadlocks], pending_db.deadlocks);
	Add(&d->f[kDbSessions], pending_db.sessions);
	Add(&d->f[kDbSessionTime], pending_db.session_time);
	Add(&d->f[kDbSessionsAbandoned], pending_db.sessions_abandoned);
	Add(&d->f[kDbSessionsFatal], pending_db.sessions_fatal);
	Add(&d->f[kDbSessionsKilled], pending_db.sessions_killed);
}

/* Flush what can be flushed under the lock as held; with create, make
 * missing entries.  Flushed entries leave the pending list.  Returns false
 * if some entry was missing (and create was false). */
bool FlushWith(bool create)
{
	bool complete = true;
	size_t kept = 0;
	SharedDatabase *mydb = nullptr;
	SharedDatabase *shareddb = nullptr;
	auto db_of = [&](Oid dboid) -> SharedDatabase * {
		SharedDatabase **slot = dboid == InvalidOid ? &shareddb : &mydb;
		if (*slot == nullptr)
			*slot = create ? CreateDatabase(dboid) : LookupDatabase(dboid);
		return *slot;
	};
	for (PgStat_TableStatus *e : pending_tables)
	{
		Oid dboid = e->t_shared ? InvalidOid : MyDatabaseId;
		SharedDatabase *d = db_of(dboid);
		bool done = d != nullptr && FlushTable(e, dboid);
		if (!done && create && d != nullptr && CreateTable(dboid, e->t_id) != nullptr)
			done = FlushTable(e, dboid);
		if (!done && create)
			done = true; /* no room: dropped (logged in CreateTable) */
		if (!done)
		{
			complete = false;
			pending_tables[kept++] = e;
			continue;
		}
		if (d != nullptr)
			AddToDatabase(d, e->t_counts);
		e->t_counts = PgStat_TableCounts{};
		e->t_pending = false;
		if (e->relation != nullptr)
			e->relation->rd_pgstat_info = nullptr;
		e->relation = nullptr;
	}
	pending_tables.resize(kept);
	if (pending_db.any && MyDatabaseId != InvalidOid)
	{
		SharedDatabase *d = db_of(MyDatabaseId);
		if (d != nullptr)
		{
			FlushDatabase(d);
			pending_db = PendingDatabase{};
		}
		else if (!create)
			complete = false;
		else
			pending_db = PendingDatabase{};
	}
	else if (MyDatabaseId == InvalidOid)
		pending_db = PendingDatabase{};
	return complete;
}

/* Everything pending to shared memory.  First under the lock held shared;
 * entries that do not exist yet are made under it held exclusively. */
void FlushPending()
{
	bool missing = false;
	{
		LWLockGuard lock(PgStatLock, LW_SHARED);
		missing = !FlushWith(false);
	}
	if (missing)
	{
		LWLockGuard lock(PgStatLock, LW_EXCLUSIVE);
		(void) FlushWith(true);
	}
}

}  // namespace

}  // namespace tusk::pgstat

using namespace tusk::pgstat;

/* ---- counting ---- */

bool pgstat_assoc_relation(Relation rel)
{
	if (rel->rd_rel == nullptr || shared == nullptr)
		return false;
	bool is_shared = rel->rd_rel->relisshared;
	PendingKey key{is_shared ? InvalidOid : MyDatabaseId, rel->rd_id};
	auto &slot = Entries()[key];
	if (!slot)
	{
		slot = std::make_unique<PgStat_TableStatus>();
		slot->t_id = rel->rd_id;
		slot->t_shared = is_shared;
	}
	PgStat_TableStatus *e = slot.get();
	if (!e->t_pending)
	{
		pending_tables.push_back(e);
		e->t_pending = true;
	}
	if (e->relation != nullptr && e->relation != rel)
		e->relation->rd_pgstat_info = nullptr;
	e->relation = rel;
	rel->rd_pgstat_info = e;
	return true;
}

void pgstat_unlink_relation(Relation rel)
{
	if (rel->rd_pgstat_info == nullptr)
		return;
	if (rel->rd_pgstat_info->relation == rel)
		rel->rd_pgstat_info->relation = nullptr;
	rel->rd_pgstat_info = nullptr;
}

void pgstat_count_heap_insert(Relation rel, int64 n)
{
	if (pgstat_should_count_relation(rel))
		CurrentTrans(rel->rd_pgstat_info)->tuples_inserted += n;
}

void pgstat_count_heap_update(Relation rel, bool hot)
{
	if (pgstat_should_count_relation(rel))
	{
		CurrentTrans(rel->rd_pgstat_info)->tuples_updated++;
		/* Not undone by an abort: PostgreSQL counts it at once. */
		if (hot)
			rel->rd_pgstat_info->t_counts.t_tuples_hot_updated++;
	}
}

void pgstat_count_heap_delete(Relation rel)
{
	if (pgstat_should_count_relation(rel))
		CurrentTrans(rel->rd_pgstat_info)->tuples_deleted++;
}

void pgstat_count_truncate(Relation rel)
{
	if (pgstat_should_count_relation(rel))
	{
		PgStat_TableXactStatus *trans = CurrentTrans(rel->rd_pgstat_info);
		SaveTruncdropCounters(trans);
		trans->tuples_inserted = 0;
		trans->tuples_updated = 0;
		trans->tuples_deleted = 0;
	}
}

/* ---- transaction ends ---- */

void AtEOXact_PgStat(bool isCommit)
{
	if (shared != nullptr)
	{
		if (isCommit)
			pending_db.xact_commit++;
		else
			pending_db.xact_rollback++;
		pending_db.any = true;
	}
	for (XactLevel *l = xact_levels; l != nullptr;)
	{
		for (PgStat_TableXactStatus *t = l->first; t != nullptr;)
		{
			PgStat_TableStatus *e = t->parent;
			PgStat_TableCounts &c = e->t_counts;
			if (!isCommit)
				RestoreTruncdropCounters(t);
			/* Attempted changes count whatever the outcome. */
			c.t_tuples_inserted += t->tuples_inserted;
			c.t_tuples_updated += t->tuples_updated;
			c.t_tuples_deleted += t->tuples_deleted;
			if (isCommit)
			{
				c.t_truncdropped = t->truncdropped;
				if (t->truncdropped)
				{
					c.t_delta_live_tuples = 0;
					c.t_delta_dead_tuples = 0;
				}
				/* An insert makes a live tuple, a delete removes one; an
				 * update or a delete leaves a dead one. */
				c.t_delta_live_tuples += t->tuples_inserted - t->tuples_deleted;
				c.t_delta_dead_tuples += t->tuples_updated + t->tuples_deleted;
				c.t_changed_tuples += t->tuples_inserted + t->tuples_updated + t->tuples_deleted;
			}
			else
			{
				/* What it inserted (or wrote as new versions) is dead. */
				c.t_delta_dead_tuples += t->tuples_inserted + t->tuples_updated;
			}
			e->trans = nullptr;
			PgStat_TableXactStatus *next = t->next;
			pfree(t);
			t = next;
		}
		XactLevel *upper = l->upper;
		pfree(l);
		l = upper;
	}
	xact_levels = nullptr;
	if (!pending_drops.empty())
	{
		if (isCommit && shared != nullptr)
		{
			LWLockGuard lock(PgStatLock, LW_EXCLUSIVE);
			for (const PendingDrop &d : pending_drops)
				RemoveTable(d.dboid, d.relid);
		}
		pending_drops.clear();
	}
	pgstat_clear_snapshot();
}

void AtEOSubXact_PgStat(bool isCommit, int nestDepth)
{
	size_t kept = 0;
	for (PendingDrop &d : pending_drops)
	{
		if (d.nest_level < nestDepth)
			pending_drops[kept++] = d;
		else if (isCommit)
		{
			d.nest_level = nestDepth - 1;
			pending_drops[kept++] = d;
		}
	}
	pending_drops.resize(kept);
	if (xact_levels == nullptr || xact_levels->nest_level != nestDepth)
		return;
	XactLevel *l = xact_levels;
	xact_levels = l->upper;
	for (PgStat_TableXactStatus *t = l->first; t != nullptr;)
	{
		PgStat_TableXactStatus *next = t->next;
		PgStat_TableStatus *e = t->parent;
		e->trans = t->upper;
		if (isCommit)
		{
			if (t->upper != nullptr && t->upper->nest_level == nestDepth - 1)
			{
				/* Merge into the parent level's record. */
				PgStat_TableXactStatus *u = t->upper;
				if (t->truncdropped)
				{
					SaveTruncdropCounters(u);
					u->tuples_inserted = t->tuples_inserted;
					u->tuples_updated = t->tuples_updated;
					u->tuples_deleted = t->tuples_deleted;
				}
				else
				{
					u->tuples_inserted += t->tuples_inserted;
					u->tuples_updated += t->tuples_updated;
					u->tuples_deleted += t->tuples_deleted;
				}
				pfree(t);
			}
			else
			{
				/* The record becomes the parent level's. */
				t->nest_level = nestDepth - 1;
				if (xact_levels == nullptr || xact_levels->nest_level != nestDepth - 1)
				{
					auto *nl = static_cast<XactLevel *>(
						MemoryContextAllocZero(TopMemoryContext, sizeof(XactLevel)));
					nl->nest_level = nestDepth - 1;
					nl->upper = xact_levels;
					xact_levels = nl;
				}
				t->next = xact_levels->first;
				xact_levels->first = t;
				e->trans = t;
			}
		}
		else
		{
			/* Aborted: as at a top-level abort, but only this level. */
			PgStat_TableCounts &c = e->t_counts;
			RestoreTruncdropCounters(t);
			c.t_tuples_inserted += t->tuples_inserted;
			c.t_tuples_updated += t->tuples_updated;
			c.t_tuples_deleted += t->tuples_deleted;
			c.t_delta_dead_tuples += t->tuples_inserted + t->tuples_updated;
			pfree(t);
		}
		t = next;
	}
	pfree(l);
}

/* ---- flushing ---- */

long pgstat_report_stat(bool force)
{
	if (shared == nullptr || IsTransactionState())
		return 0;
	if (pending_tables.empty() && !pending_db.any)
	{
		force_next_flush = false;
		pending_since = 0;
		return 0;
	}
	TimestampTz now = GetCurrentTimestamp();
	if (!force && !force_next_flush)
	{
		/* Pending too long: flush whatever the interval. */
		bool overdue = pending_since != 0 &&
			TimestampDifferenceExceeds(pending_since, now, PGSTAT_MAX_INTERVAL);
		if (!overdue && last_flush != 0 &&
			!TimestampDifferenceExceeds(last_flush, now, PGSTAT_MIN_INTERVAL))
		{
			/* Flushed recently: wait, and flush when idle this long. */
			if (pending_since == 0)
				pending_since = now;
			return PGSTAT_IDLE_INTERVAL;
		}
	}
	FlushPending();
	last_flush = now;
	pending_since = 0;
	force_next_flush = false;
	return 0;
}

void pgstat_force_next_flush(void)
{
	force_next_flush = true;
}

void pgstat_clear_snapshot(void)
{
	cached_tables.clear();
	cached_dbs.clear();
	snapshot_taken = false;
}

void pgstat_report_deadlock(void)
{
	if (!pgstat_track_counts)
		return;
	pending_db.deadlocks++;
	pending_db.any = true;
}

/* ---- VACUUM and ANALYZE ---- */

void pgstat_report_vacuum(Oid tableoid, bool is_shared, int64 livetuples, int64 deadtuples)
{
	if (shared == nullptr || !pgstat_track_counts)
		return;
	Oid dboid = is_shared ? InvalidOid : MyDatabaseId;
	LWLockGuard lock(PgStatLock, LW_EXCLUSIVE);
	SharedTable *t = CreateTable(dboid, tableoid);
	if (t == nullptr)
		return;
	pg_atomic_write_u64(&t->f[kLiveTuples], static_cast<uint64>(livetuples));
	pg_atomic_write_u64(&t->f[kDeadTuples], static_cast<uint64>(deadtuples));
	pg_atomic_write_u64(&t->f[kInsSinceVacuum], 0);
	pg_atomic_write_u64(&t->f[kLastVacuumTime], static_cast<uint64>(GetCurrentTimestamp()));
	Add(&t->f[kVacuumCount], 1);
}

void pgstat_report_analyze(Relation rel, int64 livetuples, int64 deadtuples, bool resetcounter)
{
	if (shared == nullptr || !pgstat_track_counts || rel->rd_rel == nullptr)
		return;
	/* This transaction's own changes are in the sample but reach the
	 * shared counts again at its end: leave them out now (PostgreSQL does). */
	if (rel->rd_pgstat_info != nullptr)
		for (PgStat_TableXactStatus *t = rel->rd_pgstat_info->trans; t != nullptr; t = t->upper)
		{
			livetuples -= t->tuples_inserted - t->tuples_deleted;
			deadtuples -= t->tuples_updated + t->tuples_deleted;
		}
	livetuples = Max(livetuples, 0);
	deadtuples = Max(deadtuples, 0);
	Oid dboid = rel->rd_rel->relisshared ? InvalidOid : MyDatabaseId;
	LWLockGuard lock(PgStatLock, LW_EXCLUSIVE);
	SharedTable *t = CreateTable(dboid, rel->rd_id);
	if (t == nullptr)
		return;
	pg_atomic_write_u64(&t->f[kLiveTuples], static_cast<uint64>(livetuples));
	pg_atomic_write_u64(&t->f[kDeadTuples], static_cast<uint64>(deadtuples));
	if (resetcounter)
		pg_atomic_write_u64(&t->f[kModSinceAnalyze], 0);
	pg_atomic_write_u64(&t->f[kLastAnalyzeTime], static_cast<uint64>(GetCurrentTimestamp()));
	Add(&t->f[kAnalyzeCount], 1);
}

void pgstat_drop_relation(Oid dboid, Oid relid)
{
	if (shared == nullptr)
		return;
	pending_drops.push_back(PendingDrop{dboid, relid, GetCurrentTransactionNestLevel()});
}

void pgstat_drop_database(Oid dboid)
{
	if (shared == nullptr)
		return;
	LWLockGuard lock(PgStatLock, LW_EXCLUSIVE);
	for (auto &t : shared->tables)
		if (t.used && t.dboid == dboid)
			RemoveTable(t.dboid, t.relid);
	if (SharedDatabase *d = LookupDatabase(dboid))
		d->used = false;
}

/* ---- shared memory ---- */

Size PgStatShmemSize(void)
{
	return sizeof(PgStatShared);
}

void PgStatShmemInit(void)
{
	bool found;
	shared = static_cast<PgStatShared *>(
		ShmemInitStruct("PgStat Shared", sizeof(PgStatShared), &found));
	if (found)
		return;
	memset(static_cast<void *>(shared), 0, sizeof(PgStatShared));
	for (auto &b : shared->buckets)
		b = -1;
	for (int i = 0; i < kMaxTableEntries; i++)
		shared->tables[i].next = i + 1 < kMaxTableEntries ? i + 1 : -1;
	shared->free_head = 0;
}

void pgstat_initialize(void)
{
	if (shared == nullptr)
		return;
	if (MyBackendType == B_BACKEND && MyDatabaseId != InvalidOid)
	{
		session_start = GetCurrentTimestamp();
		pending_db.sessions++;
		pending_db.any = true;
	}
	before_shmem_exit(EndSession, 0);
}

/* ---- the statistics file ----
 *
 * Format (host byte order; the file is only read by the server that wrote
 * it, on the same machine): uint32 magic; then records, each a tag byte:
 * 'D' + Oid + kNumDbFields int64; 'T' + Oid dboid + Oid relid +
 * kNumTableFields int64; 'E' ends the file.  A file that does not end
 * with 'E', or with another magic, is ignored (logged). */

namespace {

std::string StatPath(const char *rel)
{
	std::string path = DataDir;
	path += '/';
	path += rel;
	return path;
}

struct FileCloser
{
	void operator()(FILE *f) const { (void) fclose(f); }
};

}  // namespace

void pgstat_write_statsfile(void)
{
	if (shared == nullptr)
		return;
	std::string tmp = StatPath(PGSTAT_STAT_PERMANENT_TMPFILE);
	std::string path = StatPath(PGSTAT_STAT_PERMANENT_FILENAME);
	FILE *raw = fopen(tmp.c_str(), "wb");
	if (raw == nullptr)
	{
		ereport(LOG, errcode_for_file_access(),
				errmsg("could not open temporary statistics file \"%s\": %m", tmp.c_str()));
		return;
	}
	std::unique_ptr<FILE, FileCloser> f(raw);
	LWLockGuard lock(PgStatLock, LW_SHARED);
	bool ok = fwrite(&kStatsFileMagic, sizeof kStatsFileMagic, 1, raw) == 1;
	for (auto &d : shared->dbs)
	{
		if (!d.used || !ok)
			continue;
		DatabaseValues v;
		CopyDatabase(d, &v);
		ok = fputc('D', raw) != EOF && fwrite(&d.dboid, sizeof d.dboid, 1, raw) == 1 &&
			fwrite(v.f, sizeof v.f, 1, raw) == 1;
	}
	for (auto &t : shared->tables)
	{
		if (!t.used || !ok)
			continue;
		TableValues v;
		CopyTable(t, &v);
		ok = fputc('T', raw) != EOF && fwrite(&t.dboid, sizeof t.dboid, 1, raw) == 1 &&
			fwrite(&t.relid, sizeof t.relid, 1, raw) == 1 && fwrite(v.f, sizeof v.f, 1, raw) == 1;
	}
	ok = ok && fputc('E', raw) != EOF && fflush(raw) == 0;
	if (!ok)
	{
		ereport(LOG, errcode_for_file_access(),
				errmsg("could not write temporary statistics file \"%s\": %m", tmp.c_str()));
		f.reset();
		(void) unlink(tmp.c_str());
		return;
	}
	if (fclose(f.release()) != 0)
	{
		ereport(LOG, errcode_for_file_access(),
				errmsg("could not close temporary statistics file \"%s\": %m", tmp.c_str()));
		(void) unlink(tmp.c_str());
		return;
	}
	if (rename(tmp.c_str(), path.c_str()) != 0)
	{
		ereport(LOG, errcode_for_file_access(),
				errmsg("could not rename temporary statistics file \"%s\" to \"%s\": %m",
					   tmp.c_str(), path.c_str()));
		(void) unlink(tmp.c_str());
	}
}

void pgstat_restore_stats(void)
{
	if (shared == nullptr)
		return;
	std::string path = StatPath(PGSTAT_STAT_PERMANENT_FILENAME);
	FILE *raw = fopen(path.c_str(), "rb");
	if (raw == nullptr)
	{
		if (errno != ENOENT)
			ereport(LOG, errcode_for_file_access(),
					errmsg("could not open statistics file \"%s\": %m", path.c_str()));
		return;
	}
	{
		std::unique_ptr<FILE, FileCloser> f(raw);
		LWLockGuard lock(PgStatLock, LW_EXCLUSIVE);
		uint32 magic = 0;
		bool ok = fread(&magic, sizeof magic, 1, raw) == 1 && magic == kStatsFileMagic;
		bool ended = false;
		while (ok && !ended)
		{
			int tag = fgetc(raw);
			if (tag == 'E')
				ended = true;
			else if (tag == 'D')
			{
				Oid dboid;
				DatabaseValues v;
				ok = fread(&dboid, sizeof dboid, 1, raw) == 1 &&
					fread(v.f, sizeof v.f, 1, raw) == 1;
				SharedDatabase *d = ok ? CreateDatabase(dboid) : nullptr;
				if (d != nullptr)
					for (int i = 0; i < kNumDbFields; i++)
						pg_atomic_write_u64(&d->f[i], static_cast<uint64>(v.f[i]));
			}
			else if (tag == 'T')
			{
				Oid dboid, relid;
				TableValues v;
				ok = fread(&dboid, sizeof dboid, 1, raw) == 1 &&
					fread(&relid, sizeof relid, 1, raw) == 1 && fread(v.f, sizeof v.f, 1, raw) == 1;
				SharedTable *t = ok ? CreateTable(dboid, relid) : nullptr;
				if (t != nullptr)
					for (int i = 0; i < kNumTableFields; i++)
						pg_atomic_write_u64(&t->f[i], static_cast<uint64>(v.f[i]));
			}
			else
				ok = false;
		}
		if (!ok || !ended)
		{
			ereport(LOG, errmsg("corrupted statistics file \"%s\"", path.c_str()));
			/* Start from nothing rather than from half a file. */
			for (auto &d : shared->dbs)
				d.used = false;
			for (auto &t : shared->tables)
				if (t.used)
					RemoveTable(t.dboid, t.relid);
		}
	}
	/* Read once: a crash from now on must not bring these back. */
	(void) unlink(path.c_str());
}

void pgstat_discard_stats(void)
{
	std::string path = StatPath(PGSTAT_STAT_PERMANENT_FILENAME);
	if (unlink(path.c_str()) != 0 && errno != ENOENT)
		ereport(LOG, errcode_for_file_access(),
				errmsg("could not unlink permanent statistics file \"%s\": %m", path.c_str()));
}

/* ---- readers ---- */

namespace tusk::pgstat {

const TableValues &FetchTable(Oid relid)
{
	static TableValues none;
	if (shared == nullptr)
		return none;
	if (pgstat_fetch_consistency == PGSTAT_FETCH_CONSISTENCY_SNAPSHOT && !snapshot_taken)
		TakeSnapshot();
	const PendingKey keys[2] = {{MyDatabaseId, relid}, {InvalidOid, relid}};
	if (pgstat_fetch_consistency != PGSTAT_FETCH_CONSISTENCY_NONE)
	{
		for (const auto &k : keys)
		{
			auto it = cached_tables.find(k);
			if (it != cached_tables.end() && it->second.found)
				return it->second;
		}
		if (snapshot_taken)
			return none;
	}
	static TableValues now;
	now = TableValues{};
	{
		LWLockGuard lock(PgStatLock, LW_SHARED);
		for (const auto &k : keys)
			if (const SharedTable *t = LookupTable(k.dboid, k.relid))
			{
				CopyTable(*t, &now);
				if (pgstat_fetch_consistency == PGSTAT_FETCH_CONSISTENCY_CACHE)
					cached_tables[k] = now;
				break;
			}
	}
	return now;
}

const DatabaseValues &FetchDatabase(Oid dboid)
{
	static DatabaseValues none;
	if (shared == nullptr)
		return none;
	if (pgstat_fetch_consistency == PGSTAT_FETCH_CONSISTENCY_SNAPSHOT && !snapshot_taken)
		TakeSnapshot();
	if (pgstat_fetch_consistency != PGSTAT_FETCH_CONSISTENCY_NONE)
	{
		auto it = cached_dbs.find(dboid);
		if (it != cached_dbs.end())
			return it->second;
		if (snapshot_taken)
			return none;
	}
	static DatabaseValues now;
	now = DatabaseValues{};
	{
		LWLockGuard lock(PgStatLock, LW_SHARED);
		if (const SharedDatabase *d = LookupDatabase(dboid))
		{
			CopyDatabase(*d, &now);
			if (pgstat_fetch_consistency == PGSTAT_FETCH_CONSISTENCY_CACHE)
				cached_dbs[dboid] = now;
		}
	}
	return now;
}

bool PendingTable(Oid relid, PgStat_TableCounts *out)
{
	for (Oid dboid : {MyDatabaseId, InvalidOid})
	{
		auto it = Entries().find(PendingKey{dboid, relid});
		if (it == Entries().end())
			continue;
		const PgStat_TableStatus *e = it->second.get();
		*out = e->t_counts;
		/* The running transaction's changes, every level of it. */
		for (const PgStat_TableXactStatus *t = e->trans; t != nullptr; t = t->upper)
		{
			out->t_tuples_inserted += t->tuples_inserted;
			out->t_tuples_updated += t->tuples_updated;
			out->t_tuples_deleted += t->tuples_deleted;
		}
		return true;
	}
	return false;
}

bool SnapshotTimestamp(TimestampTz *ts)
{
	if (!snapshot_taken)
		return false;
	*ts = snapshot_timestamp;
	return true;
}

void ResetDatabase(Oid dboid)
{
	if (shared == nullptr)
		return;
	LWLockGuard lock(PgStatLock, LW_EXCLUSIVE);
	for (auto &t : shared->tables)
		if (t.used && t.dboid == dboid)
			RemoveTable(t.dboid, t.relid);
	SharedDatabase *d = CreateDatabase(dboid);
	if (d != nullptr)
	{
		for (auto &f : d->f)
			pg_atomic_write_u64(&f, 0);
		pg_atomic_write_u64(&d->f[kDbStatResetTime], static_cast<uint64>(GetCurrentTimestamp()));
	}
}

void ResetTable(Oid dboid, Oid relid)
{
	if (shared == nullptr)
		return;
	LWLockGuard lock(PgStatLock, LW_EXCLUSIVE);
	RemoveTable(dboid, relid);
	/* The database's statistics were reset in part: say when. */
	if (SharedDatabase *d = CreateDatabase(MyDatabaseId))
		pg_atomic_write_u64(&d->f[kDbStatResetTime], static_cast<uint64>(GetCurrentTimestamp()));
}

}  // namespace tusk::pgstat
