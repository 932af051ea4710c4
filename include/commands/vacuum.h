/*
 * commands/vacuum.h — VACUUM and ANALYZE (PostgreSQL's vacuum.h).
 *
 * ExecVacuum runs either statement; analyze_rel is ANALYZE of one table,
 * also run by VACUUM (ANALYZE).  See doc/commands/vacuum.md.
 */
#ifndef TUSK_COMMANDS_VACUUM_H
#define TUSK_COMMANDS_VACUUM_H

#include "nodes/parsenodes.h"
#include "nodes/pg_list.h"
#include "storage/block.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The sample ANALYZE takes is 300 rows per unit of statistics target. */
extern PGDLLIMPORT int default_statistics_target;

/*
 * VACUUM or ANALYZE as the statement says (options, tables, columns).
 * VACUUM refuses to run inside a transaction block or a multi-statement
 * query (25001), as PostgreSQL's PreventInTransactionBlock does; ANALYZE
 * alone may run in one.  queryString is for error positions.
 */
extern void ExecVacuum(VacuumStmt *stmt, const char *queryString);

/*
 * ANALYZE of one table already locked with ShareUpdateExclusiveLock:
 * samples its rows, replaces the pg_statistic rows of the columns (all of
 * them when va_cols is NIL, else those named) and sets pg_class.relpages
 * and reltuples (and its indexes', unless in_vacuum: VACUUM counted
 * them).  verbose: PostgreSQL's INFO messages.
 */
extern void analyze_rel(Oid relid, List *va_cols, bool verbose, bool in_vacuum);

/* Deletes the relation's pg_statistic rows (when it is dropped). */
extern void RemoveStatistics(Oid relid);
/* … of one column (0: all), when the column is dropped or retyped. */
extern void RemoveColumnStatistics(Oid relid, AttrNumber attnum);

/*
 * Sets pg_class.relpages, reltuples and relallvisible of a relation (a
 * transactional update of its pg_class row; see vacuum.cpp for why).
 */
extern void vac_update_relstats(Oid relid, BlockNumber num_pages, double num_tuples,
								BlockNumber num_all_visible_pages);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_VACUUM_H */
