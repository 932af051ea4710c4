/*
 * optimizer/cost.h — the planner-method settings (PostgreSQL's
 * enable_* variables of cost.h), defined in utils/misc/guc_tables.cpp.
 *
 * As in PostgreSQL, a disabled method costs disable_cost more (so it is
 * still chosen when nothing else can do the job: a FULL JOIN's hash
 * join, a sequential scan of a table without a usable index), except
 * enable_hashagg off, which makes the planner sort for GROUP BY,
 * DISTINCT and set operations whenever it can.  work_mem (in kB, with
 * PostgreSQL's hash_mem_multiplier of 2 for hash tables) is what a
 * hashed aggregation's estimated table may take.
 */
#ifndef TUSK_OPTIMIZER_COST_H
#define TUSK_OPTIMIZER_COST_H

#include "c.h"

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT bool enable_hashagg;
extern PGDLLIMPORT bool enable_mergejoin;
extern PGDLLIMPORT bool enable_hashjoin;
extern PGDLLIMPORT bool enable_nestloop;
extern PGDLLIMPORT bool enable_seqscan;
extern PGDLLIMPORT bool enable_indexscan;
extern PGDLLIMPORT bool enable_sort;
extern PGDLLIMPORT bool enable_material;
extern PGDLLIMPORT int work_mem;

#ifdef __cplusplus
}
#endif

#endif /* TUSK_OPTIMIZER_COST_H */
