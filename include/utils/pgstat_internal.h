/*
 * utils/pgstat_internal.h — the cumulative statistics system's readers
 * and resets, for the SQL functions (utils/adt/pgstatfuncs.cpp); the
 * counting interface is pgstat.h.  Backend only.
 */
#ifndef TUSK_UTILS_PGSTAT_INTERNAL_H
#define TUSK_UTILS_PGSTAT_INTERNAL_H

#include "pgstat.h"

#ifdef __cplusplus
extern "C++" {
namespace tusk::pgstat {

/* A table's or index's shared counters (all int64; times are TimestampTz,
 * 0 meaning never). */
enum TableField
{
	kNumScans,
	kTuplesReturned,
	kTuplesFetched,
	kTuplesInserted,
	kTuplesUpdated,
	kTuplesDeleted,
	kTuplesHotUpdated,
	kLiveTuples,
	kDeadTuples,
	kModSinceAnalyze,
	kInsSinceVacuum,
	kBlocksFetched,
	kBlocksHit,
	kVacuumCount,
	kAutovacuumCount,
	kAnalyzeCount,
	kAutoanalyzeCount,
	kLastVacuumTime,
	kLastAutovacuumTime,
	kLastAnalyzeTime,
	kLastAutoanalyzeTime,
	kNumTableFields
};

/* A database's (session times in microseconds). */
enum DbField
{
	kDbXactCommit,
	kDbXactRollback,
	kDbBlocksFetched,
	kDbBlocksHit,
	kDbTuplesReturned,
	kDbTuplesFetched,
	kDbTuplesInserted,
	kDbTuplesUpdated,
	kDbTuplesDeleted,
	kDbDeadlocks,
	kDbSessions,
	kDbSessionTime,
	kDbActiveTime,
	kDbIdleInTransactionTime,
	kDbSessionsAbandoned,
	kDbSessionsFatal,
	kDbSessionsKilled,
	kDbStatResetTime,
	kNumDbFields
};

struct TableValues
{
	bool found = false;
	int64 f[kNumTableFields] = {};
};

struct DatabaseValues
{
	bool found = false;
	int64 f[kNumDbFields] = {};
};

/* A relation's shared counters as stats_fetch_consistency says (none: read
 * now; cache: as first read in this transaction; snapshot: as every entry
 * was at the first read in this transaction).  found is false for a
 * relation never counted.  Looked for in this database, then among the
 * shared catalogs. */
const TableValues &FetchTable(Oid relid);
const DatabaseValues &FetchDatabase(Oid dboid);
/* This process's not yet flushed counts of relid (pg_stat_get_xact_*),
 * the current transaction's row changes included; NULL if none. */
bool PendingTable(Oid relid, PgStat_TableCounts *out);
/* When the snapshot was taken (NULL: none). */
bool SnapshotTimestamp(TimestampTz *ts);
/* pg_stat_reset: every counter of this database, the database's own too. */
void ResetDatabase(Oid dboid);
/* pg_stat_reset_single_table_counters. */
void ResetTable(Oid dboid, Oid relid);

}  // namespace tusk::pgstat
}
#endif

#endif /* TUSK_UTILS_PGSTAT_INTERNAL_H */
