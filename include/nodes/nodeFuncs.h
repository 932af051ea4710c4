/*
 * nodes/nodeFuncs.h — questions about expression trees: an expression's
 * type, typmod, collation and source location (PostgreSQL's nodeFuncs.h).
 */
#ifndef TUSK_NODES_NODEFUNCS_H
#define TUSK_NODES_NODEFUNCS_H

#include "nodes/parsenodes.h"

#ifdef __cplusplus
extern "C" {
#endif

extern Oid exprType(const Node *expr);
extern int32 exprTypmod(const Node *expr);
extern Oid exprCollation(const Node *expr);
/* The byte offset of the expression in the source, or -1. */
extern int exprLocation(const Node *expr);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_NODES_NODEFUNCS_H */
