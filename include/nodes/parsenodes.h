/*
 * nodes/parsenodes.h — raw parse trees (the parser's output) and the
 * analyzed Query (PostgreSQL's parsenodes.h: same names and fields).
 *
 * See nodes/nodes.h for how a field list becomes a struct and functions.
 */
#ifndef TUSK_NODES_PARSENODES_H
#define TUSK_NODES_PARSENODES_H

#include "nodes/primnodes.h"
#include "nodes/value.h"

#endif /* TUSK_NODES_PARSENODES_H */
