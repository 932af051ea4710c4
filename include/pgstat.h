/*
 * pgstat.h — statistics and activity reporting.
 *
 * Where modules find the wait-event constants (PG_WAIT_EXTENSION and
 * friends) and pgstat_report_activity (utils/backend_status.h), as
 * PostgreSQL modules do by including pgstat.h, and the cumulative
 * statistics system (backend/utils/activity/pgstat.cpp,
 * doc/utils/pgstat/README.md): each process counts table and index
 * accesses in local pending entries (the pgstat_count_* macros below, one
 * increment per event, no lock) and flushes them to shared memory with
 * pgstat_report_stat when it goes idle, at most every PGSTAT_MIN_INTERVAL;
 * the pg_stat_get_* functions read the shared counters.
 */
#ifndef TUSK_PGSTAT_H
#define TUSK_PGSTAT_H

#include "utils/backend_status.h"
#include "utils/rel.h"
#include "utils/timestamp.h"
#include "utils/wait_event.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Minimum time between two flushes of a busy process, in ms; a process
 * going idle with counters still pending flushes them after at most
 * PGSTAT_IDLE_INTERVAL, and one that never goes idle after
 * PGSTAT_MAX_INTERVAL (PostgreSQL 15's values). */
#define PGSTAT_MIN_INTERVAL 1000
#define PGSTAT_IDLE_INTERVAL 10000
#define PGSTAT_MAX_INTERVAL 60000

/* The statistics file written at a clean shutdown and read at the next
 * start (relative to the data directory), as PostgreSQL 15. */
#define PGSTAT_STAT_PERMANENT_DIRECTORY "pg_stat"
#define PGSTAT_STAT_PERMANENT_FILENAME "pg_stat/pgstat.stat"
#define PGSTAT_STAT_PERMANENT_TMPFILE "pg_stat/pgstat.tmp"

typedef enum PgStat_FetchConsistency
{
	PGSTAT_FETCH_CONSISTENCY_NONE,
	PGSTAT_FETCH_CONSISTENCY_CACHE,
	PGSTAT_FETCH_CONSISTENCY_SNAPSHOT,
} PgStat_FetchConsistency;

/* How a session ended (pg_stat_database's sessions_* columns). */
typedef enum SessionEndType
{
	DISCONNECT_NOT_YET,
	DISCONNECT_NORMAL,
	DISCONNECT_CLIENT_EOF,
	DISCONNECT_FATAL,
	DISCONNECT_KILLED
} SessionEndType;
extern PGDLLIMPORT SessionEndType pgStatSessionEndCause;

/* Settings (guc_tables.cpp). */
extern PGDLLIMPORT bool pgstat_track_counts;
extern PGDLLIMPORT int pgstat_fetch_consistency;

/* One table's or index's counts since the last flush (PostgreSQL's
 * PgStat_TableCounts). */
typedef struct PgStat_TableCounts
{
	int64 t_numscans;
	int64 t_tuples_returned;
	int64 t_tuples_fetched;
	int64 t_tuples_inserted;
	int64 t_tuples_updated;
	int64 t_tuples_deleted;
	int64 t_tuples_hot_updated;
	bool t_truncdropped;
	int64 t_delta_live_tuples;
	int64 t_delta_dead_tuples;
	int64 t_changed_tuples;
	int64 t_blocks_fetched;
	int64 t_blocks_hit;
} PgStat_TableCounts;

/* A (sub)transaction's inserts, updates and deletes of one table, kept
 * apart until its end decides whether they made live or dead tuples. */
typedef struct PgStat_TableXactStatus
{
	int64 tuples_inserted;
	int64 tuples_updated;
	int64 tuples_deleted;
	bool truncdropped;
	int64 inserted_pre_truncdrop;
	int64 updated_pre_truncdrop;
	int64 deleted_pre_truncdrop;
	int nest_level;
	struct PgStat_TableXactStatus *upper; /* the enclosing level's, or NULL */
	struct PgStat_TableStatus *parent;
	struct PgStat_TableXactStatus *next; /* next of this nest level */
} PgStat_TableXactStatus;

/* A process's pending entry for one relation; lives as long as the
 * process.  A Relation points to it (rd_pgstat_info) from its first count
 * after a flush until the next flush. */
typedef struct PgStat_TableStatus
{
	Oid t_id;
	bool t_shared;
	bool t_pending; /* on the list of entries to flush */
	PgStat_TableXactStatus *trans;
	PgStat_TableCounts t_counts;
	Relation relation; /* whose rd_pgstat_info points here, or NULL */
} PgStat_TableStatus;

/* Link rel to its pending entry (returns false with track_counts off or
 * for a relation without a pg_class row). */
extern bool pgstat_assoc_relation(Relation rel);
/* rel is going away (relcache). */
extern void pgstat_unlink_relation(Relation rel);

#define pgstat_should_count_relation(rel) \
	(pgstat_track_counts && ((rel)->rd_pgstat_info != NULL || pgstat_assoc_relation(rel)))

#define pgstat_count_heap_scan(rel) \
	do \
	{ \
		if (pgstat_should_count_relation(rel)) \
			(rel)->rd_pgstat_info->t_counts.t_numscans++; \
	} while (0)
#define pgstat_count_heap_getnext(rel) \
	do \
	{ \
		if (pgstat_should_count_relation(rel)) \
			(rel)->rd_pgstat_info->t_counts.t_tuples_returned++; \
	} while (0)
#define pgstat_count_heap_fetch(rel) \
	do \
	{ \
		if (pgstat_should_count_relation(rel)) \
			(rel)->rd_pgstat_info->t_counts.t_tuples_fetched++; \
	} while (0)
#define pgstat_count_index_scan(rel) \
	do \
	{ \
		if (pgstat_should_count_relation(rel)) \
			(rel)->rd_pgstat_info->t_counts.t_numscans++; \
	} while (0)
#define pgstat_count_index_tuples(rel, n) \
	do \
	{ \
		if (pgstat_should_count_relation(rel)) \
			(rel)->rd_pgstat_info->t_counts.t_tuples_returned += (n); \
	} while (0)
#define pgstat_count_buffer_read(rel) \
	do \
	{ \
		if (pgstat_should_count_relation(rel)) \
			(rel)->rd_pgstat_info->t_counts.t_blocks_fetched++; \
	} while (0)
#define pgstat_count_buffer_hit(rel) \
	do \
	{ \
		if (pgstat_should_count_relation(rel)) \
			(rel)->rd_pgstat_info->t_counts.t_blocks_hit++; \
	} while (0)

/* Row changes, kept per (sub)transaction level. */
extern void pgstat_count_heap_insert(Relation rel, int64 n);
extern void pgstat_count_heap_update(Relation rel, bool hot);
extern void pgstat_count_heap_delete(Relation rel);
/* TRUNCATE: the table's live and dead counts start again at 0 if the
 * transaction commits. */
extern void pgstat_count_truncate(Relation rel);

/* Transaction ends (access/transam/xact.cpp). */
extern void AtEOXact_PgStat(bool isCommit);
extern void AtEOSubXact_PgStat(bool isCommit, int nestDepth);

/* Flush this process's pending statistics counters to shared memory
 * (force: even if flushed recently); returns how many ms to wait before
 * the next call would be useful, 0 when nothing is pending.  Called by a
 * backend going idle and by background workers after a transaction; never
 * flushes inside a transaction. */
extern long pgstat_report_stat(bool force);
/* Force the next pgstat_report_stat to flush (pg_stat_force_next_flush). */
extern void pgstat_force_next_flush(void);
/* Discard the cached snapshot of shared statistics (pg_stat_clear_snapshot,
 * and at transaction end). */
extern void pgstat_clear_snapshot(void);

/* VACUUM and ANALYZE of a table set its live and dead counts. */
extern void pgstat_report_vacuum(Oid tableoid, bool shared, int64 livetuples, int64 deadtuples);
/* resetcounter: every column was analyzed (n_mod_since_analyze restarts). */
extern void pgstat_report_analyze(Relation rel, int64 livetuples, int64 deadtuples,
								  bool resetcounter);
/* A deadlock this backend was chosen to break. */
extern void pgstat_report_deadlock(void);
/* DROP TABLE / DROP INDEX: the relation's statistics are forgotten when
 * the transaction commits. */
extern void pgstat_drop_relation(Oid dboid, Oid relid);
/* DROP DATABASE: forget the database's statistics. */
extern void pgstat_drop_database(Oid dboid);

/* Shared memory (storage/ipc/ipci.cpp). */
extern Size PgStatShmemSize(void);
extern void PgStatShmemInit(void);
/* Server start (the startup process): read pg_stat/pgstat.stat after a
 * clean shutdown, or remove it after a crash; clean shutdown (the
 * checkpointer, after the shutdown checkpoint): write it. */
extern void pgstat_restore_stats(void);
extern void pgstat_discard_stats(void);
extern void pgstat_write_statsfile(void);
/* Process start: register the exit flush (InitPostgres). */
extern void pgstat_initialize(void);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_PGSTAT_H */
