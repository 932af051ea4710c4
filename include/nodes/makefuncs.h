/*
 * nodes/makefuncs.h — building common nodes (PostgreSQL's makefuncs.h).
 */
#ifndef TUSK_NODES_MAKEFUNCS_H
#define TUSK_NODES_MAKEFUNCS_H

#include "nodes/primnodes.h"

#ifdef __cplusplus
extern "C" {
#endif

extern Expr *makeBoolExpr(BoolExprType boolop, List *args, int location);
extern Var *makeVar(int varno, AttrNumber varattno, Oid vartype, int32 vartypmod, Oid varcollid,
					Index varlevelsup);
extern TargetEntry *makeTargetEntry(Expr *expr, AttrNumber resno, char *resname, bool resjunk);
extern Const *makeNullConst(Oid consttype, int32 consttypmod, Oid constcollid);
/* A boolean constant (NULL when isnull). */
extern Node *makeBoolConst(bool value, bool isnull);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_NODES_MAKEFUNCS_H */
