/*
 * pgstatfuncs.cpp — the SQL functions over the cumulative statistics
 * (pg_stat_get_*, pg_stat_reset*, pg_stat_clear_snapshot,
 * pg_stat_force_next_flush), with PostgreSQL 15's names, OIDs and results;
 * the views over them are in catalog/system_views.sql.  The counters come
 * from utils/activity/pgstat.cpp (utils/pgstat_internal.h).
 *
 * A relation or database never counted reads as 0 (times: NULL), as in
 * PostgreSQL.  Tusk has no source for some columns and returns what
 * PostgreSQL returns when the event never happened (doc/utils/pgstat/
 * README.md): autovacuum and autoanalyze (no autovacuum launcher), the
 * recovery conflicts (no hot standby), temporary files (Tusk's sorts and
 * hashes do not spill to temporary files), block read/write times
 * (track_io_timing is not implemented), checksum failures (a failure is an
 * ERROR that is not counted yet), active and idle-in-transaction time.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "pgstat.h"
#include "utils/backend_status.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/pgstat_internal.h"
#include "utils/timestamp.h"

namespace {

using tusk::pgstat::DbField;
using tusk::pgstat::TableField;
using namespace tusk::pgstat;

Datum TableCounter(FunctionCallInfo fcinfo, TableField field)
{
	PG_RETURN_INT64(FetchTable(PG_GETARG_OID(0)).f[field]);
}

Datum TableTime(FunctionCallInfo fcinfo, TableField field)
{
	int64 ts = FetchTable(PG_GETARG_OID(0)).f[field];
	if (ts == 0)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(ts);
}

Datum DbCounter(FunctionCallInfo fcinfo, DbField field)
{
	PG_RETURN_INT64(FetchDatabase(PG_GETARG_OID(0)).f[field]);
}

/* Microseconds as milliseconds (PostgreSQL's session times). */
Datum DbMilliseconds(FunctionCallInfo fcinfo, DbField field)
{
	PG_RETURN_FLOAT8(static_cast<double>(FetchDatabase(PG_GETARG_OID(0)).f[field]) / 1000.0);
}

Datum XactCounter(FunctionCallInfo fcinfo, int64 PgStat_TableCounts::*field)
{
	PgStat_TableCounts counts;
	if (!PendingTable(PG_GETARG_OID(0), &counts))
		PG_RETURN_INT64(0);
	PG_RETURN_INT64(counts.*field);
}

}  // namespace

Datum pg_stat_get_numscans(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kNumScans);
}

Datum pg_stat_get_tuples_returned(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kTuplesReturned);
}

Datum pg_stat_get_tuples_fetched(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kTuplesFetched);
}

Datum pg_stat_get_tuples_inserted(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kTuplesInserted);
}

Datum pg_stat_get_tuples_updated(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kTuplesUpdated);
}

Datum pg_stat_get_tuples_deleted(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kTuplesDeleted);
}

Datum pg_stat_get_tuples_hot_updated(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kTuplesHotUpdated);
}

Datum pg_stat_get_live_tuples(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kLiveTuples);
}

Datum pg_stat_get_dead_tuples(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kDeadTuples);
}

Datum pg_stat_get_mod_since_analyze(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kModSinceAnalyze);
}

Datum pg_stat_get_ins_since_vacuum(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kInsSinceVacuum);
}

Datum pg_stat_get_blocks_fetched(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kBlocksFetched);
}

Datum pg_stat_get_blocks_hit(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kBlocksHit);
}

Datum pg_stat_get_vacuum_count(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kVacuumCount);
}

Datum pg_stat_get_autovacuum_count(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kAutovacuumCount);
}

Datum pg_stat_get_analyze_count(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kAnalyzeCount);
}

Datum pg_stat_get_autoanalyze_count(PG_FUNCTION_ARGS)
{
	return TableCounter(fcinfo, kAutoanalyzeCount);
}

Datum pg_stat_get_last_vacuum_time(PG_FUNCTION_ARGS)
{
	return TableTime(fcinfo, kLastVacuumTime);
}

Datum pg_stat_get_last_autovacuum_time(PG_FUNCTION_ARGS)
{
	return TableTime(fcinfo, kLastAutovacuumTime);
}

Datum pg_stat_get_last_analyze_time(PG_FUNCTION_ARGS)
{
	return TableTime(fcinfo, kLastAnalyzeTime);
}

Datum pg_stat_get_last_autoanalyze_time(PG_FUNCTION_ARGS)
{
	return TableTime(fcinfo, kLastAutoanalyzeTime);
}

Datum pg_stat_get_db_xact_commit(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbXactCommit);
}

Datum pg_stat_get_db_xact_rollback(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbXactRollback);
}

Datum pg_stat_get_db_blocks_fetched(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbBlocksFetched);
}

Datum pg_stat_get_db_blocks_hit(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbBlocksHit);
}

Datum pg_stat_get_db_tuples_returned(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbTuplesReturned);
}

Datum pg_stat_get_db_tuples_fetched(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbTuplesFetched);
}

Datum pg_stat_get_db_tuples_inserted(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbTuplesInserted);
}

Datum pg_stat_get_db_tuples_updated(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbTuplesUpdated);
}

Datum pg_stat_get_db_tuples_deleted(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbTuplesDeleted);
}

Datum pg_stat_get_db_deadlocks(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbDeadlocks);
}

Datum pg_stat_get_db_sessions(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbSessions);
}

Datum pg_stat_get_db_sessions_abandoned(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbSessionsAbandoned);
}

Datum pg_stat_get_db_sessions_fatal(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbSessionsFatal);
}

Datum pg_stat_get_db_sessions_killed(PG_FUNCTION_ARGS)
{
	return DbCounter(fcinfo, kDbSessionsKilled);
}

Datum pg_stat_get_db_session_time(PG_FUNCTION_ARGS)
{
	return DbMilliseconds(fcinfo, kDbSessionTime);
}

Datum pg_stat_get_db_active_time(PG_FUNCTION_ARGS)
{
	return DbMilliseconds(fcinfo, kDbActiveTime);
}

Datum pg_stat_get_db_idle_in_transaction_time(PG_FUNCTION_ARGS)
{
	return DbMilliseconds(fcinfo, kDbIdleInTransactionTime);
}

Datum pg_stat_get_db_conflict_tablespace(PG_FUNCTION_ARGS)
{
	(void) PG_GETARG_OID(0);
	PG_RETURN_INT64(0);
}

Datum pg_stat_get_db_conflict_lock(PG_FUNCTION_ARGS)
{
	(void) PG_GETARG_OID(0);
	PG_RETURN_INT64(0);
}

Datum pg_stat_get_db_conflict_snapshot(PG_FUNCTION_ARGS)
{
	(void) PG_GETARG_OID(0);
	PG_RETURN_INT64(0);
}

Datum pg_stat_get_db_conflict_bufferpin(PG_FUNCTION_ARGS)
{
	(void) PG_GETARG_OID(0);
	PG_RETURN_INT64(0);
}

Datum pg_stat_get_db_conflict_startup_deadlock(PG_FUNCTION_ARGS)
{
	(void) PG_GETARG_OID(0);
	PG_RETURN_INT64(0);
}

Datum pg_stat_get_db_conflict_all(PG_FUNCTION_ARGS)
{
	(void) PG_GETARG_OID(0);
	PG_RETURN_INT64(0);
}

Datum pg_stat_get_db_temp_files(PG_FUNCTION_ARGS)
{
	(void) PG_GETARG_OID(0);
	PG_RETURN_INT64(0);
}

Datum pg_stat_get_db_temp_bytes(PG_FUNCTION_ARGS)
{
	(void) PG_GETARG_OID(0);
	PG_RETURN_INT64(0);
}

Datum pg_stat_get_db_checksum_failures(PG_FUNCTION_ARGS)
{
	(void) PG_GETARG_OID(0);
	PG_RETURN_INT64(0);
}

Datum pg_stat_get_db_blk_read_time(PG_FUNCTION_ARGS)
{
	(void) PG_GETARG_OID(0);
	PG_RETURN_FLOAT8(0.0);
}

Datum pg_stat_get_db_blk_write_time(PG_FUNCTION_ARGS)
{
	(void) PG_GETARG_OID(0);
	PG_RETURN_FLOAT8(0.0);
}

Datum pg_stat_get_db_checksum_last_failure(PG_FUNCTION_ARGS)
{
	(void) PG_GETARG_OID(0);
	PG_RETURN_NULL();
}

Datum pg_stat_get_db_stat_reset_time(PG_FUNCTION_ARGS)
{
	int64 ts = FetchDatabase(PG_GETARG_OID(0)).f[kDbStatResetTime];
	if (ts == 0)
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(ts);
}

Datum pg_stat_get_db_numbackends(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(pgstat_count_backends_in_database(PG_GETARG_OID(0)));
}

Datum pg_stat_get_xact_numscans(PG_FUNCTION_ARGS)
{
	return XactCounter(fcinfo, &PgStat_TableCounts::t_numscans);
}

Datum pg_stat_get_xact_tuples_returned(PG_FUNCTION_ARGS)
{
	return XactCounter(fcinfo, &PgStat_TableCounts::t_tuples_returned);
}

Datum pg_stat_get_xact_tuples_fetched(PG_FUNCTION_ARGS)
{
	return XactCounter(fcinfo, &PgStat_TableCounts::t_tuples_fetched);
}

Datum pg_stat_get_xact_tuples_inserted(PG_FUNCTION_ARGS)
{
	return XactCounter(fcinfo, &PgStat_TableCounts::t_tuples_inserted);
}

Datum pg_stat_get_xact_tuples_updated(PG_FUNCTION_ARGS)
{
	return XactCounter(fcinfo, &PgStat_TableCounts::t_tuples_updated);
}

Datum pg_stat_get_xact_tuples_deleted(PG_FUNCTION_ARGS)
{
	return XactCounter(fcinfo, &PgStat_TableCounts::t_tuples_deleted);
}

Datum pg_stat_get_xact_tuples_hot_updated(PG_FUNCTION_ARGS)
{
	return XactCounter(fcinfo, &PgStat_TableCounts::t_tuples_hot_updated);
}

Datum pg_stat_get_xact_blocks_fetched(PG_FUNCTION_ARGS)
{
	return XactCounter(fcinfo, &PgStat_TableCounts::t_blocks_fetched);
}

Datum pg_stat_get_xact_blocks_hit(PG_FUNCTION_ARGS)
{
	return XactCounter(fcinfo, &PgStat_TableCounts::t_blocks_hit);
}

Datum pg_stat_get_snapshot_timestamp(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	TimestampTz ts;
	if (!SnapshotTimestamp(&ts))
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(ts);
}

Datum pg_stat_clear_snapshot(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	pgstat_clear_snapshot();
	PG_RETURN_VOID();
}

Datum pg_stat_force_next_flush(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	pgstat_force_next_flush();
	PG_RETURN_VOID();
}

Datum pg_stat_reset(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	ResetDatabase(MyDatabaseId);
	PG_RETURN_VOID();
}

Datum pg_stat_reset_single_table_counters(PG_FUNCTION_ARGS)
{
	Oid relid = PG_GETARG_OID(0);
	/* A shared catalog's counters are kept under database 0. */
	ResetTable(MyDatabaseId, relid);
	ResetTable(InvalidOid, relid);
	PG_RETURN_VOID();
}
