/*
 * nodes/plannodes.h — plans: what the planner gives the executor
 * (PostgreSQL's plannodes.h: same node names and fields).
 *
 * See nodes/nodes.h for how a field list becomes a struct and functions.
 */
#ifndef TUSK_NODES_PLANNODES_H
#define TUSK_NODES_PLANNODES_H

#include "nodes/primnodes.h"

#endif /* TUSK_NODES_PLANNODES_H */
