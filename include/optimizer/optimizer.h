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

struct PlannerInfo;
/* node with its constant parts computed (PostgreSQL's
 * eval_const_expressions; clauses.cpp says what is simplified): a new
 * tree, node is not changed.  Only immutable functions are called, and
 * $n parameters are replaced only by values the caller marked constant
 * (root->glob->boundParams of a custom plan); root may be NULL.  Errors
 * raised by the calls propagate. */
extern Node *eval_const_expressions(struct PlannerInfo *root, Node *node);
/* The arguments of a call of funcid with the defaults of the parameters
 * it left out appended (coerced to the types the call resolved); args
 * itself when none were left out or the call passes VARIADIC. */
extern List *expand_function_arguments(List *args, Oid funcid, bool funcvariadic);
/* The same, also computing stable functions and any bound parameter: a
 * value for estimates only (selectivities), never to be executed. */
extern Node *estimate_expression_value(struct PlannerInfo *root, Node *node);
/* A folded qual (WHERE, ON, HAVING) simplified as PostgreSQL's
 * canonicalize_qual does: constant NULLs in its AND/OR tree count as
 * FALSE, and clauses common to every arm of an OR are factored out. */
extern Node *canonicalize_qual(Node *qual);
/* NOT node, simplified where an operator has a negator, through AND/OR
 * (De Morgan), IS [NOT] NULL and boolean tests; node is not copied. */
extern Node *negate_clause(Node *node);
/* Whether node reads a column of the query levelsup levels above it (0:
 * its own level), looking into its sublinks' queries too. */
extern bool contain_vars_of_level(Node *node, int levelsup);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_OPTIMIZER_OPTIMIZER_H */
