/*
 * utils/backend_status.h — what each server process is doing, as
 * pg_stat_activity shows it (PostgreSQL 15's backend_status.h API).
 *
 * Every process with a PGPROC owns one PgBackendStatus slot in shared
 * memory, the one of its PGPROC's number: it is claimed when the process
 * takes its PGPROC (pid, backend type, start time) and cleared when it
 * gives it back.  Only the owner writes its slot; readers copy it without
 * a lock, retrying until the copy is consistent (st_changecount: odd while
 * a write is under way, see backend_status.cpp).
 *
 * Modules report their state as PostgreSQL modules do:
 *     pgstat_report_activity(STATE_RUNNING, "doing work");
 *     ...
 *     pgstat_report_activity(STATE_IDLE, NULL);
 */
#ifndef TUSK_UTILS_BACKEND_STATUS_H
#define TUSK_UTILS_BACKEND_STATUS_H

#include "c.h"

/* A process's state, as pg_stat_activity.state names it (PostgreSQL's
 * values and order). */
typedef enum BackendState
{
	STATE_UNDEFINED,
	STATE_IDLE,
	STATE_RUNNING,
	STATE_IDLEINTRANSACTION,
	STATE_FASTPATH,
	STATE_IDLEINTRANSACTION_ABORTED,
	STATE_DISABLED
} BackendState;

#ifdef __cplusplus
extern "C" {
#endif

/* track_activities and track_activity_query_size (guc_tables.cpp). */
extern PGDLLIMPORT bool pgstat_track_activities;
extern PGDLLIMPORT int pgstat_track_activity_query_size;

/* Shared memory: one slot per PGPROC plus the query-text buffers. */
extern Size BackendStatusShmemSize(void);
extern void BackendStatusShmemInit(void);

/* The process took its PGPROC: claim its slot (pid, type, start time);
 * cleared again at exit. */
extern void pgstat_beinit(void);

/* The process connected to a database (end of InitPostgres): database,
 * role, client address and port. */
extern void pgstat_bestart(void);
/* How many processes are connected to database dboid (pg_stat_database). */
extern int pgstat_count_backends_in_database(Oid dboid);

/* The process's state and, for STATE_RUNNING (or a new text), the text of
 * what it runs (cut at track_activity_query_size - 1 bytes on a character
 * boundary).  The state's change time is the report's, and so is
 * query_start when a text is given. */
extern void pgstat_report_activity(BackendState state, const char *cmd_str);

/* application_name, as it is set. */
extern void pgstat_report_appname(const char *appname);

/* The start of the transaction (0: none), for xact_start. */
extern void pgstat_report_xact_timestamp(int64 tstamp);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_BACKEND_STATUS_H */
