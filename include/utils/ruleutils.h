/*
 * utils/ruleutils.h — analyzed expressions and plan expressions back to
 * SQL text, as PostgreSQL 15 prints them (utils/adt/ruleutils.cpp).
 *
 * A deparse context says what Vars refer to: a one-relation range table
 * (deparse_context_for: column defaults, CHECK expressions), or a whole
 * plan (deparse_context_for_plan_tree, then set_deparse_context_plan for
 * the plan node whose expressions are printed, with its ancestors so
 * OUTER_VAR/INNER_VAR Vars and PARAM_EXEC Params are followed to the
 * expressions that compute them).  Contexts live in the caller's memory
 * context; the text returned is palloc'd there.
 */
#ifndef TUSK_UTILS_RULEUTILS_H
#define TUSK_UTILS_RULEUTILS_H

#include "nodes/bitmapset.h"
#include "nodes/pg_list.h"
#include "nodes/plannodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Text of expr.  forceprefix: qualify every column with its relation's
 * name; showimplicit: print implicit casts too. */
extern char *deparse_expression(Node *expr, List *dpcontext, bool forceprefix, bool showimplicit);

/* A context in which Var varno 1 is the relation relid named aliasname. */
extern List *deparse_context_for(const char *aliasname, Oid relid);

/* The names EXPLAIN prints for the range-table entries (PostgreSQL's
 * select_rtable_names_for_explain): an entry's alias, else its relation's
 * name, made unique with _1, _2 … among those in rels_used (1-based
 * range-table indexes).  A List of C strings (NULL for unused entries). */
extern List *select_rtable_names_for_explain(List *rtable, Bitmapset *rels_used);

/* A context for the expressions of a plan (rtable_names from above). */
extern List *deparse_context_for_plan_tree(PlannedStmt *pstmt, List *rtable_names);

/* Point dpcontext at plan, whose parents (innermost first) are
 * ancestors: Plan nodes, and SubPlan expressions where a subplan's plan
 * hangs from the expression that calls it.  Returns dpcontext. */
extern List *set_deparse_context_plan(List *dpcontext, Plan *plan, List *ancestors);

/* The name EXPLAIN gives the range-table entry rti in this context. */
extern const char *get_rtable_name(int rti, List *dpcontext);

/* 'str' as a literal for the current standard_conforming_strings, never
 * E'...' (backslashes doubled only when it is off): how deparsed
 * expressions print their constants; palloc'd. */
extern char *deparse_string_literal(const char *rawstr);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_RULEUTILS_H */
