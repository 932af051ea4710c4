/*
 * planner_int.h — what the planner's files share (not an API).
 *
 *   planner.cpp     planner(), one query level (subquery_planner), the
 *                   upper part of a plan (Agg, Unique, Sort, Limit,
 *                   ModifyTable), set operations
 *   joinplan.cpp    the scan/join part: base relations, where each qual
 *                   is evaluated, paths, the join-order search, and the
 *                   plan of the cheapest path (query_planner)
 *   costsize.cpp    cost and selectivity estimates
 *   subselect.cpp   sublinks → SubPlans, outer references → PARAM_EXEC
 *   prepjointree.cpp  WHERE's IN/EXISTS/NOT EXISTS → semi/anti joins;
 *                   simple subqueries in FROM pulled up
 *   pushdown.cpp    WHERE conditions pushed into subqueries in FROM
 *   srfplan.cpp     functions in FROM (row estimates) and ProjectSet
 *   setrefs.cpp     the finished plan's Vars → OUTER_VAR/INNER_VAR, the
 *                   range tables flattened
 */
#ifndef TUSK_OPTIMIZER_PLANNER_INT_H
#define TUSK_OPTIMIZER_PLANNER_INT_H

#include "catalog/pg_attribute_d.h"
#include "optimizer/pathnodes.h"

namespace tusk::optimizer {

/* PostgreSQL's cost parameters (not settings yet: their defaults). */
constexpr double kSeqPageCost = 1.0;
constexpr double kRandomPageCost = 4.0;
constexpr double kCpuTupleCost = 0.01;
constexpr double kCpuIndexTupleCost = 0.005;
constexpr double kCpuOperatorCost = 0.0025;
/* Added to the cost of a path whose kind a setting disables. */
constexpr double kDisableCost = 1.0e10;
/* A path or plan of a kind an enable_* setting turned off: PostgreSQL's
 * disable_cost added to both its costs, so it is chosen only if nothing else works. */
inline void AddDisableCost(Cost *startup_cost, Cost *total_cost)
{
	*startup_cost += kDisableCost;
	*total_cost += kDisableCost;
}

/* ---- planner.cpp ---- */
/* Plan one query level; its plan's target list is the query's.
 * has_recursion: parse is a recursive WITH query (a RecursiveUnion). */
Plan *SubqueryPlanner(PlannerGlobal *glob, Query *parse, PlannerInfo *parent_root,
					  PlannerInfo **subroot_out, double tuple_fraction, bool has_recursion = false);
/* A Plan's targetlist as Vars of position (OUTER_VAR, resno): what a
 * node that passes its input's rows through outputs. */
List *PassThroughTargetList(List *input_tlist);
/* The AND-ed conditions of an expression, as a list. */
List *MakeAndList(Node *qual);
/* root's references to WITH queries that are inlined become subqueries
 * in FROM; returns whether any did. */
bool InlineCteReferences(PlannerInfo *root);

/* ---- prepjointree.cpp ---- */
/* A SELECT's top-level WHERE sublinks (IN, EXISTS, NOT EXISTS) that can
 * be joins made JOIN_SEMI/JOIN_ANTI JoinExprs of its join tree. */
void PullUpSublinks(PlannerInfo *root);
/* The simple subqueries of FROM (views included) merged into this level
 * (PostgreSQL's pull_up_subqueries); returns whether any was. */
bool PullUpSubqueries(PlannerInfo *root);

/* ---- joinplan.cpp ---- */
/* The scan/join plan of parse's FROM and WHERE, outputting (at least)
 * every Var of this level that tlist_exprs mentions, in a targetlist of
 * Vars.  NULL when there is no FROM. */
Plan *QueryPlanner(PlannerInfo *root, List *tlist_exprs);
/* The base relations (rtindexes) whose Vars (of this level) node uses. */
Relids PullVarnos(Node *node);
/* The distinct Vars of this level in node (each a copy). */
List *PullVars(Node *node);

/* ---- clauses.cpp ---- */
/* Whether node may be non-NULL when an input is NULL (PostgreSQL's
 * contain_nonstrict_functions). */
bool ContainNonstrictFunctions(Node *node);

/* ---- pushdown.cpp ---- */
/* Of rinfos, the conditions on the subquery in FROM rte (range-table
 * index rti) that can be checked inside it are added to its query (WHERE,
 * HAVING or each set-operation operand); returns the others, which stay
 * the Subquery Scan's filter. */
List *PushDownSubqueryQuals(RangeTblEntry *rte, Index rti, List *rinfos);

/* ---- costsize.cpp ---- */
Selectivity ClauseSelectivity(PlannerInfo *root, Node *clause, double rel_rows);
Cost QualCostPerTuple(List *quals);
void EstimateRelSize(Oid relid, BlockNumber *pages, double *tuples, int *width);
double SortCost(double tuples);

/* ---- selfuncs.cpp (selectivities from pg_statistic) ---- */
/* The estimate pg_operator.oprrest (one relation) or oprjoin (a join
 * clause) names for a binary operator clause; false when Tusk has no
 * estimator of that name (the caller uses its default). */
bool OperatorSelectivity(PlannerInfo *root, OpExpr *op, Selectivity *result);
Selectivity NullTestSelectivity(PlannerInfo *root, NullTestType type, Node *arg);
/* A boolean column used as a condition. */
Selectivity BoolVarSelectivity(PlannerInfo *root, Node *arg);
/* AND-ed clauses, with "x > a AND x < b" estimated as a range. */
Selectivity ClauseListSelectivity(PlannerInfo *root, List *clauses, double rel_rows);
/* A semi or anti join's clause: the fraction of the outer side's rows
 * (outer_relids) with at least one partner among inner_rows rows
 * (PostgreSQL's eqjoinsel_semi and neqjoinsel for JOIN_SEMI). */
Selectivity SemiJoinClauseSelectivity(PlannerInfo *root, Node *clause, Relids outer_relids,
									  double inner_rows);
/* A column's average width: ANALYZE's stawidth, else PostgreSQL's guess
 * from its type and typmod (get_attavgwidth, get_typavgwidth). */
int AttributeWidth(Oid relid, Form_pg_attribute att);
/* A pseudo-constant expression computed now, as a Const; NULL when it
 * reads columns, parameters or volatile functions. */
Const *EstimateExpressionValue(Node *node);
/* How many groups GROUP BY/DISTINCT on groupExprs makes of input_rows. */
double EstimateNumGroups(PlannerInfo *root, List *groupExprs, double input_rows);

/* ---- subselect.cpp ---- */
/* expr with its constants folded (eval_const_expressions), its SubLinks
 * planned into SubPlans and its outer-level Vars turned into PARAM_EXEC
 * Params. */
Node *PreprocessExpression(PlannerInfo *root, Node *expr);
/* The same for a WHERE, ON or HAVING condition, also simplified as a
 * qual (canonicalize_qual). */
Node *PreprocessQual(PlannerInfo *root, Node *qual);
int AssignParamExec(PlannerGlobal *glob, Oid type);

/* ---- srfplan.cpp ---- */
/* How many rows a call returns: prorows (or generate_series's exact
 * count) for a set-returning call, else 1. */
double ExpressionReturnsSetRows(Node *expr);
/* A function RTE's estimated rows, row width and function cost. */
double FunctionRteRows(RangeTblEntry *rte);
int FunctionRteWidth(RangeTblEntry *rte);
Cost FunctionRteCost(RangeTblEntry *rte);
/* For a target list with set-returning calls inside expressions: what a
 * ProjectSet computes below the Result computing tlist (each call, and
 * the columns the expressions read); NIL when every call is at the top
 * of its entry. */
List *SrfMiddleTargetList(List *tlist, bool grouped);
/* For a target list with set-returning calls (each at the top of its
 * entry): what the plan below a ProjectSet computes — the other entries
 * and the calls' inputs.  0A000 for a call inside a call's arguments. */
List *SrfInputTargetList(List *tlist, bool grouped);
/* A ProjectSet computing tlist over input's rows. */
Plan *MakeProjectSet(Plan *input, List *tlist);

/* ---- onconflict.cpp ---- */
/* INSERT … ON CONFLICT: mt's arbiter indexes and DO UPDATE expressions
 * (nothing without the clause). */
void PlanOnConflict(PlannerInfo *root, ModifyTable *mt);

/* ---- setrefs.cpp ---- */
Plan *SetPlanReferences(PlannerInfo *root, Plan *plan);

}  // namespace tusk::optimizer

#endif /* TUSK_OPTIMIZER_PLANNER_INT_H */
