/*
 * execSRF.h — calling a function that may return a set, one row per call
 * (execSRF.cpp); used by FunctionScan and ProjectSet.
 */
#ifndef TUSK_EXECUTOR_EXECSRF_H
#define TUSK_EXECUTOR_EXECSRF_H

#include "nodes/execnodes.h"

/* Prepares expr: a set-returning FuncExpr is called through the
 * value-per-call protocol; any other expression is one value. */
SetExprState *ExecInitSetExpr(Expr *expr, PlanState *parent);
/* The set's next value, computed in the current memory context (the
 * arguments, when a set starts, in econtext); false when the set is
 * exhausted, and from then on until ExecSetExprReset. */
bool ExecSetExprNext(SetExprState *sexpr, ExprContext *econtext, Datum *value, bool *isnull);
/* Abandons the current set, if any: the next call starts a new one. */
void ExecSetExprReset(SetExprState *sexpr);

#endif /* TUSK_EXECUTOR_EXECSRF_H */
