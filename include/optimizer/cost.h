/*
 * optimizer/cost.h — the planner-method settings (PostgreSQL's
 * enable_* variables of cost.h), defined in utils/misc/guc_tables.cpp.
 *
 * enable_hashjoin off makes a hash join cost PostgreSQL's disable_cost
 * more (still chosen when nothing else can run the join: FULL JOIN).
 * The planner has no merge join or hashed aggregation yet, so it behaves
 * as if enable_mergejoin and enable_hashagg were off whatever their
 * value; they exist so that scripts written for PostgreSQL (regression
 * tests pinning a plan shape) run unchanged.
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

#ifdef __cplusplus
}
#endif

#endif /* TUSK_OPTIMIZER_COST_H */
