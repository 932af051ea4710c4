/*
 * optimizer/planner.h — from Query to PlannedStmt (PostgreSQL's
 * planner.h).
 */
#ifndef TUSK_OPTIMIZER_PLANNER_H
#define TUSK_OPTIMIZER_PLANNER_H

#include "nodes/execnodes.h"
#include "nodes/parsenodes.h"
#include "nodes/plannodes.h"

#ifdef __cplusplus
extern "C" {
#endif

extern PlannedStmt *planner(Query *parse, const char *query_string, int cursorOptions,
							ParamListInfo boundParams);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_OPTIMIZER_PLANNER_H */
