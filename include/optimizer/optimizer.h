/*
 * optimizer/optimizer.h — what the rest of the server asks the planner's
 * expression tools (PostgreSQL's optimizer.h).
 */
#ifndef TUSK_OPTIMIZER_OPTIMIZER_H
#define TUSK_OPTIMIZER_OPTIMIZER_H

#include "nodes/primnodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Whether node calls a volatile function (so it may not be evaluated
 * fewer or more times than written). */
extern bool contain_volatile_functions(Node *node);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_OPTIMIZER_OPTIMIZER_H */
