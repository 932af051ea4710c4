/*
 * pgstat.h — statistics and activity reporting.
 *
 * Where modules find the wait-event constants (PG_WAIT_EXTENSION and
 * friends) and pgstat_report_activity (utils/backend_status.h), as
 * PostgreSQL modules do by including pgstat.h.
 *
 * Tusk has no cumulative statistics system yet (pg_stat_user_tables,
 * pg_stat_database …): a process accumulates no counters, so
 * pgstat_report_stat, which PostgreSQL's workers call after each
 * transaction to flush theirs, has nothing to flush.
 */
#ifndef TUSK_PGSTAT_H
#define TUSK_PGSTAT_H

#include "utils/backend_status.h"
#include "utils/wait_event.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Flush this process's pending statistics counters to shared memory
 * (force: even if flushed recently); returns how many ms to wait before
 * the next call would be useful, 0 when nothing is pending.  With no
 * cumulative statistics in Tusk nothing is ever pending (backend/utils/
 * activity/pgstat.cpp). */
extern long pgstat_report_stat(bool force);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_PGSTAT_H */
