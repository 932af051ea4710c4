/*
 * joinplan.cpp — the scan/join part of a query level: from its FROM
 * and WHERE to the cheapest plan producing the joined rows
 * (PostgreSQL's initsplan.c, allpaths.c, joinrels.c, joinpath.c,
 * pathnode.c and createplan.c, reduced).
 *
 * Principal entry point: QueryPlanner.
 *
 * 1. Base relations: one RelOptInfo per FROM item that is a table, a
 *    VALUES list or a subquery (planned here, recursively, once the quals
 *    are distributed: pushdown.cpp moves those it can check into it),
 *    with its estimated size.
 * 2. Quals: every condition of WHERE and ON becomes a RestrictInfo with
 *    required_relids, the relations that must be joined before it can be
 *    evaluated: the ones it mentions, widened to a whole outer join when
 *    it mentions a relation that outer join may null (a WHERE condition
 *    on the nullable side must see the null-extended rows).  An outer
 *    join's own ON condition belongs to that join alone, except the part
 *    that mentions only a LEFT JOIN's nullable side, which filters that
 *    side below the join.
 * 3. Join order: each outer join is planned as a unit (its two sides,
 *    then the join); the items of a FROM list and its inner joins are
 *    ordered by dynamic programming over the sets of items (PostgreSQL's
 *    standard_join_search), joining only items connected by a condition
 *    while there are any; beyond kMaxDpItems items a greedy search.  A
 *    RestrictInfo is evaluated at the lowest join (or scan) whose
 *    relations include its required_relids.
 * 4. The cheapest path becomes a Plan whose nodes output, as Vars, just
 *    the columns needed above them; setrefs.cpp later points those Vars
 *    at OUTER_VAR/INNER_VAR positions.
 */
#include "postgres.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "access/htup_details.h"
#include "access/stratnum.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_amop_d.h"
#include "catalog/pg_operator_d.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/cost.h"
#include "optimizer/optimizer.h"
#include "optimizer/paths.h"
#include "planner_int.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

namespace tusk::optimizer {

namespace {

/* The equality strategy of a hash operator family (HTEqualStrategyNumber). */
constexpr int16 kHashEqualStrategy = 1;

/* More FROM items than this are ordered greedily. */
constexpr int kMaxDpItems = 8;

template <typename T>
T *PallocStruct()
{
	return static_cast<T *>(palloc0(sizeof(T)));
}

RangeTblEntry *Rte(PlannerInfo *root, int rtindex)
{
	return static_cast<RangeTblEntry *>(list_nth(root->parse->rtable, rtindex - 1));
}

bool PullVarnosWalker(Node *node, void *ctx)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (var->varlevelsup == 0)
			*static_cast<Relids *>(ctx) = bms_add_member(*static_cast<Relids *>(ctx),
														 static_cast<int>(var->varno));
		return false;
	}
	return node_children_walker(node, PullVarnosWalker, ctx);
}

bool PullVarsWalker(Node *node, void *ctx)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		auto *vars = static_cast<List **>(ctx);
		if (var->varlevelsup != 0)
			return false;
		ListCell *lc;
		foreach (lc, *vars)
		{
			Var *other = static_cast<Var *>(lfirst(lc));
			if (other->varno == var->varno && other->varattno == var->varattno)
				return false;
		}
		*vars = lappend(*vars, copyObject(var));
		return false;
	}
	return node_children_walker(node, PullVarsWalker, ctx);
}

/* The subplan computing a WITH query that is not inlined. */
int CtePlanId(PlannerInfo *root, RangeTblEntry *rte)
{
	PlannerInfo *owner = root;
	for (Index i = 0; i < rte->ctelevelsup && owner != nullptr; i++)
		owner = owner->parent_root;
	if (owner == nullptr)
		elog(ERROR, "bad levelsup for CTE \"%s\"", rte->ctename);
	ListCell *lc;
	foreach (lc, owner->parse->cteList)
	{
		auto *cte = static_cast<CommonTableExpr *>(lfirst(lc));
		if (strcmp(cte->ctename, rte->ctename) == 0)
			return list_nth_int(owner->cte_plan_ids, foreach_current_index(lc));
	}
	elog(ERROR, "could not find CTE \"%s\"", rte->ctename);
}

/* The level of the recursive WITH query whose work table a
 * self-reference reads: one level below the query's owner. */
PlannerInfo *WorkTableRoot(PlannerInfo *root, RangeTblEntry *rte)
{
	if (rte->ctelevelsup == 0)
		elog(ERROR, "bad levelsup for CTE \"%s\"", rte->ctename);
	PlannerInfo *cteroot = root;
	for (Index i = 1; i < rte->ctelevelsup && cteroot != nullptr; i++)
		cteroot = cteroot->parent_root;
	if (cteroot == nullptr || !cteroot->hasRecursion)
		elog(ERROR, "could not find plan for CTE \"%s\"", rte->ctename);
	return cteroot;
}

/* ---- base relations ---- */

NestLoopParam *NestLoopParamFor(PlannerInfo *root, Var *var);
Node *ReplaceOuterVars(PlannerInfo *root, Node *node, Relids outer_relids, List **used);

/* A function in FROM whose arguments read other FROM items' columns
 * (implicitly LATERAL): those columns become the Params a nested loop
 * sets per outer row (rel->lateral_functions). */
void SetLateralFunctions(PlannerInfo *root, RelOptInfo *rel, RangeTblEntry *rte)
{
	Relids others = nullptr;
	ListCell *lc;
	foreach (lc, rte->functions)
		others = bms_add_members(others,
								 PullVarnos(castNode(RangeTblFunction, lfirst(lc))->funcexpr));
	if (bms_is_empty(others))
		return;
	rel->lateral_relids = others;
	foreach (lc, rte->functions)
	{
		RangeTblFunction *rtfunc = copyObject(castNode(RangeTblFunction, lfirst(lc)));
		rtfunc->funcexpr = ReplaceOuterVars(root, rtfunc->funcexpr, others, &rel->lateral_params);
		rel->lateral_functions = lappend(rel->lateral_functions, rtfunc);
	}
}

RelOptInfo *BuildBaseRel(PlannerInfo *root, int rtindex)
{
	RangeTblEntry *rte = Rte(root, rtindex);
	RelOptInfo *rel = PallocStruct<RelOptInfo>();
	rel->reloptkind = RELOPT_BASEREL;
	rel->relid = static_cast<Index>(rtindex);
	rel->relids = bms_make_singleton(rtindex);
	rel->rtekind = rte->rtekind;
	rel->min_attr = FirstLowInvalidHeapAttributeNumber + 1;
	rel->max_attr = static_cast<AttrNumber>(list_length(rte->eref->colnames));
	switch (rte->rtekind)
	{
		case RTE_RELATION:
			EstimateRelSize(rte->relid, &rel->pages, &rel->tuples, &rel->width);
			rel->max_attr = static_cast<AttrNumber>(
				std::max<int>(rel->max_attr, get_rel_natts(rte->relid)));
			break;
		case RTE_VALUES:
			rel->tuples = list_length(rte->values_lists);
			rel->width = 8 * std::max(1, list_length(rte->coltypes));
			break;
		case RTE_FUNCTION:
			rel->tuples = FunctionRteRows(rte);
			rel->width = FunctionRteWidth(rte);
			SetLateralFunctions(root, rel, rte);
			break;
		case RTE_SUBQUERY:
			/* Planned once the conditions on it are known
			 * (PlanSubqueryRel). */
			break;
		case RTE_CTE:
		{
			if (rte->self_reference)
			{
				/* PostgreSQL's guess: ten times the non-recursive term. */
				rel->tuples = std::max(1.0, 10 * WorkTableRoot(root, rte)->non_recursive_rows);
				rel->width = 8 * std::max(1, list_length(rte->coltypes));
				break;
			}
			rel->cte_plan_id = CtePlanId(root, rte);
			Plan *cteplan = static_cast<Plan *>(
				list_nth(root->glob->subplans, rel->cte_plan_id - 1));
			rel->tuples = cteplan->plan_rows;
			rel->width = cteplan->plan_width;
			break;
		}
		default:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("this kind of FROM item is not supported yet"));
	}
	int n = rel->max_attr - rel->min_attr + 1;
	rel->attr_needed = static_cast<Relids *>(palloc0(sizeof(Relids) * n));
	rel->attr_vars = static_cast<Var **>(palloc0(sizeof(Var *) * n));
	root->simple_rel_array[rtindex] = rel;
	root->all_baserels = bms_add_member(root->all_baserels, rtindex);
	return rel;
}

/* A subquery in FROM planned as a level of its own, after the
 * conditions on it that it can check itself were pushed into it. */
void PlanSubqueryRel(PlannerInfo *root, RelOptInfo *rel)
{
	RangeTblEntry *rte = Rte(root, static_cast<int>(rel->relid));
	List *rinfos = NIL;
	ListCell *lc;
	foreach (lc, root->restrictinfos)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		if (bms_is_subset(ri->required_relids, rel->relids))
			rinfos = lappend(rinfos, ri);
	}
	List *upper = PushDownSubqueryQuals(rte, rel->relid, rinfos);
	if (list_length(upper) != list_length(rinfos))
	{
		List *keep = NIL;
		foreach (lc, root->restrictinfos)
			if (!list_member_ptr(rinfos, lfirst(lc)) || list_member_ptr(upper, lfirst(lc)))
				keep = lappend(keep, lfirst(lc));
		root->restrictinfos = keep;
	}
	int nparams = list_length(root->plan_params);
	rel->subplan = SubqueryPlanner(root->glob, rte->subquery, root, &rel->subroot, 0.0);
	/* Columns of this level it reads (LATERAL): PARAM_EXEC slots a
	 * nested loop sets, not a SubPlan's arguments. */
	for (int i = nparams; i < list_length(root->plan_params); i++)
	{
		auto *pitem = static_cast<PlannerParamItem *>(list_nth(root->plan_params, i));
		Var *var = castNode(Var, pitem->item);
		NestLoopParam *nlp = makeNode(NestLoopParam);
		nlp->paramno = pitem->paramId;
		nlp->paramval = copyObject(var);
		rel->lateral_params = lappend(rel->lateral_params, nlp);
		rel->lateral_relids = bms_add_member(rel->lateral_relids, static_cast<int>(var->varno));
	}
	root->plan_params = list_truncate(root->plan_params, nparams);
	root->glob->subqscan_plans = lappend(root->glob->subqscan_plans, rel->subplan);
	root->glob->subqscan_roots = lappend(root->glob->subqscan_roots, rel->subroot);
	rel->tuples = rel->subplan->plan_rows;
	rel->width = rel->subplan->plan_width;
}

/* A base relation per FROM item; *subquery_rels gets those that are
 * subqueries, in the join tree's order (the order they are planned in). */
void AddBaseRels(PlannerInfo *root, Node *jtnode, List **subquery_rels)
{
	check_stack_depth();
	if (IsA(jtnode, RangeTblRef))
	{
		RelOptInfo *rel = BuildBaseRel(root, reinterpret_cast<RangeTblRef *>(jtnode)->rtindex);
		if (rel->rtekind == RTE_SUBQUERY)
			*subquery_rels = lappend(*subquery_rels, rel);
	}
	else if (IsA(jtnode, FromExpr))
	{
		ListCell *lc;
		foreach (lc, reinterpret_cast<FromExpr *>(jtnode)->fromlist)
			AddBaseRels(root, static_cast<Node *>(lfirst(lc)), subquery_rels);
	}
	else
	{
		JoinExpr *j = castNode(JoinExpr, jtnode);
		AddBaseRels(root, j->larg, subquery_rels);
		AddBaseRels(root, j->rarg, subquery_rels);
	}
}

/* Record that the Vars of node are needed where `where` says. */
struct NeededContext
{
	PlannerInfo *root;
	Relids where;
};

bool MarkNeededWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		auto *ctx = static_cast<NeededContext *>(arg);
		if (var->varlevelsup != 0)
			return false;
		RelOptInfo *rel = ctx->root->simple_rel_array[var->varno];
		Assert(rel != nullptr);
		int i = var->varattno - rel->min_attr;
		rel->attr_needed[i] = bms_add_members(rel->attr_needed[i], ctx->where);
		if (rel->attr_vars[i] == nullptr)
		{
			Var *copy = copyObject(var);
			copy->location = -1;
			rel->attr_vars[i] = copy;
		}
		return false;
	}
	return node_children_walker(node, MarkNeededWalker, arg);
}

void MarkNeeded(PlannerInfo *root, Node *node, Relids where)
{
	NeededContext ctx{root, where};
	MarkNeededWalker(node, &ctx);
}

/* ---- quals ---- */

/* required widened by the outer joins below the qual's place. */
Relids WidenForOuterJoins(Relids required, List *ojs)
{
	bool changed = true;
	while (changed)
	{
		changed = false;
		ListCell *lc;
		foreach (lc, ojs)
		{
			auto *oj = static_cast<OuterJoinInfo *>(lfirst(lc));
			bool nulls = oj->jointype == JOIN_FULL ? bms_overlap(required, oj->syn_relids)
												   : bms_overlap(required, oj->min_righthand);
			if (nulls && !bms_is_subset(oj->syn_relids, required))
			{
				required = bms_add_members(required, oj->syn_relids);
				changed = true;
			}
		}
	}
	return required;
}

/* The btree operator family in which opno is the equality, if opno can
 * merge join (pg_operator.oprcanmerge); InvalidOid otherwise. */
Oid MergeJoinOpfamily(Oid opno)
{
	HeapTuple optup = SearchSysCache1(OPEROID, ObjectIdGetDatum(opno));
	if (optup == nullptr || !reinterpret_cast<Form_pg_operator>(GETSTRUCT(optup))->oprcanmerge)
		return InvalidOid;
	Oid result = InvalidOid;
	CatCList *members = SearchSysCacheList1(AMOPOPID, ObjectIdGetDatum(opno));
	for (int i = 0; i < members->n_members && !OidIsValid(result); i++)
	{
		auto *amop = reinterpret_cast<Form_pg_amop>(GETSTRUCT(members->members[i]));
		if (amop->amopmethod == BTREE_AM_OID && amop->amopstrategy == BTEqualStrategyNumber)
			result = amop->amopfamily;
	}
	ReleaseSysCacheList(members);
	return result;
}

RestrictInfo *MakeRestrictInfo(Expr *clause, Relids required)
{
	RestrictInfo *ri = PallocStruct<RestrictInfo>();
	ri->clause = clause;
	ri->clause_relids = PullVarnos(reinterpret_cast<Node *>(clause));
	ri->required_relids = required;
	/* "outer.x = inner.y" with a hashable operator: a hash join key;
	 * with a mergejoinable one, a merge join key. */
	if (IsA(clause, OpExpr))
	{
		OpExpr *op = reinterpret_cast<OpExpr *>(clause);
		if (list_length(op->args) == 2)
		{
			Relids l = PullVarnos(static_cast<Node *>(linitial(op->args)));
			Relids r = PullVarnos(static_cast<Node *>(lsecond(op->args)));
			if (!bms_is_empty(l) && !bms_is_empty(r) && !bms_overlap(l, r) &&
				!contain_volatile_functions(reinterpret_cast<Node *>(clause)))
			{
				if (op_hashjoinable(op->opno, exprType(static_cast<Node *>(linitial(op->args)))))
					ri->hashjoinoperator = op->opno;
				ri->mergeopfamily = MergeJoinOpfamily(op->opno);
				ri->left_relids = l;
				ri->right_relids = r;
			}
		}
	}
	return ri;
}

void DistributeQual(PlannerInfo *root, Node *qual, Relids node_relids, List *ojs)
{
	Relids relids = PullVarnos(qual);
	Relids required = bms_is_empty(relids) ? bms_copy(node_relids)
										   : WidenForOuterJoins(relids, ojs);
	RestrictInfo *ri = MakeRestrictInfo(reinterpret_cast<Expr *>(qual), required);
	root->restrictinfos = lappend(root->restrictinfos, ri);
}

Relids DeconstructJoinTree(PlannerInfo *root, Node *jtnode, List **ojs);

/*
 * A semi or anti join (a pulled-up sublink): its SemiJoinInfo, and its
 * conditions as RestrictInfos.  One mentioning only the right-hand side
 * filters that side below the join.  A semi join's other conditions are
 * placed as an inner join's would be (PostgreSQL distributes them so: a
 * left-hand-only one filters the left side); an anti join's are its own,
 * evaluated only where its right-hand side joins.
 */
Relids DeconstructSemiJoin(PlannerInfo *root, JoinExpr *j, List **ojs)
{
	List *lojs = NIL;
	List *rojs = NIL;
	Relids left = DeconstructJoinTree(root, j->larg, &lojs);
	Relids right = DeconstructJoinTree(root, j->rarg, &rojs);
	Relids relids = bms_union(left, right);
	SemiJoinInfo *sj = PallocStruct<SemiJoinInfo>();
	sj->jointype = j->jointype;
	sj->syn_righthand = right;
	ListCell *lc;
	foreach (lc, MakeAndList(j->quals))
	{
		Node *qual = static_cast<Node *>(lfirst(lc));
		Relids qrelids = PullVarnos(qual);
		sj->min_lefthand = bms_add_members(sj->min_lefthand, bms_intersect(qrelids, left));
		if (bms_is_subset(qrelids, right))
		{
			DistributeQual(root, qual, right, rojs);
			continue;
		}
		Relids required = WidenForOuterJoins(qrelids, lojs);
		if (j->jointype == JOIN_ANTI)
			required = bms_add_members(required, right);
		root->restrictinfos = lappend(root->restrictinfos,
									  MakeRestrictInfo(reinterpret_cast<Expr *>(qual), required));
	}
	sj->min_lefthand = WidenForOuterJoins(sj->min_lefthand, lojs);
	root->semi_joins = lappend(root->semi_joins, sj);
	*ojs = lojs;
	return relids;
}

/* Walk the join tree: swap RIGHT joins to LEFT, record the outer joins,
 * make the RestrictInfos.  Returns the node's relations; *ojs gets the
 * outer joins inside it. */
Relids DeconstructJoinTree(PlannerInfo *root, Node *jtnode, List **ojs)
{
	check_stack_depth();
	if (IsA(jtnode, RangeTblRef))
		return bms_make_singleton(reinterpret_cast<RangeTblRef *>(jtnode)->rtindex);
	if (IsA(jtnode, FromExpr))
	{
		FromExpr *f = reinterpret_cast<FromExpr *>(jtnode);
		Relids relids = nullptr;
		ListCell *lc;
		foreach (lc, f->fromlist)
		{
			List *sub = NIL;
			relids = bms_add_members(relids,
									 DeconstructJoinTree(root, static_cast<Node *>(lfirst(lc)),
														 &sub));
			*ojs = list_concat(*ojs, sub);
		}
		foreach (lc, MakeAndList(f->quals))
			DistributeQual(root, static_cast<Node *>(lfirst(lc)), relids, *ojs);
		return relids;
	}
	JoinExpr *j = castNode(JoinExpr, jtnode);
	if (j->jointype == JOIN_SEMI || j->jointype == JOIN_ANTI)
		return DeconstructSemiJoin(root, j, ojs);
	if (j->jointype == JOIN_RIGHT)
	{
		std::swap(j->larg, j->rarg);
		j->jointype = JOIN_LEFT;
	}
	List *lojs = NIL;
	List *rojs = NIL;
	Relids left = DeconstructJoinTree(root, j->larg, &lojs);
	Relids right = DeconstructJoinTree(root, j->rarg, &rojs);
	Relids relids = bms_union(left, right);
	List *below = list_concat(lojs, rojs);
	ListCell *lc;
	if (j->jointype == JOIN_INNER)
	{
		foreach (lc, MakeAndList(j->quals))
			DistributeQual(root, static_cast<Node *>(lfirst(lc)), relids, below);
		*ojs = below;
		return relids;
	}
	if (j->jointype != JOIN_LEFT && j->jointype != JOIN_FULL)
		elog(ERROR, "unexpected join type %d", static_cast<int>(j->jointype));
	OuterJoinInfo *oj = PallocStruct<OuterJoinInfo>();
	oj->jointype = j->jointype;
	oj->min_lefthand = left;
	oj->min_righthand = right;
	oj->syn_relids = relids;
	foreach (lc, MakeAndList(j->quals))
	{
		Node *qual = static_cast<Node *>(lfirst(lc));
		Relids qrelids = PullVarnos(qual);
		if (j->jointype == JOIN_LEFT && !bms_is_empty(qrelids) && bms_is_subset(qrelids, right))
		{
			/* Only the nullable side: filter it before the join. */
			DistributeQual(root, qual, right, rojs);
			continue;
		}
		RestrictInfo *ri = MakeRestrictInfo(reinterpret_cast<Expr *>(qual), bms_copy(relids));
		ri->outer_join_relids = relids;
		root->restrictinfos = lappend(root->restrictinfos, ri);
	}
	root->outer_joins = lappend(root->outer_joins, oj);
	*ojs = lappend(below, oj);
	return relids;
}

/* ---- paths ---- */

void AddPath(RelOptInfo *rel, Path *path)
{
	rel->pathlist = lappend(rel->pathlist, path);
	if (rel->cheapest_total_path == nullptr ||
		path->total_cost < rel->cheapest_total_path->total_cost)
		rel->cheapest_total_path = path;
	if (rel->cheapest_startup_path == nullptr ||
		path->startup_cost < rel->cheapest_startup_path->startup_cost ||
		(path->startup_cost == rel->cheapest_startup_path->startup_cost &&
		 path->total_cost < rel->cheapest_startup_path->total_cost))
		rel->cheapest_startup_path = path;
}

List *RestrictClauses(List *rinfos)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, rinfos)
		result = lappend(result, static_cast<RestrictInfo *>(lfirst(lc))->clause);
	return result;
}

void AddIndexPath(PlannerInfo *root, RelOptInfo *rel, List *quals);

void SetBaseRelPaths(PlannerInfo *root, RelOptInfo *rel)
{
	ListCell *lc;
	foreach (lc, root->restrictinfos)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		if (bms_is_subset(ri->required_relids, rel->relids))
			rel->baserestrictinfo = lappend(rel->baserestrictinfo, ri);
	}
	List *quals = RestrictClauses(rel->baserestrictinfo);
	Selectivity sel = ClauseSelectivity(root,
										reinterpret_cast<Node *>(makeBoolExpr(AND_EXPR, quals, -1)),
										rel->tuples);
	if (quals == NIL)
		sel = 1.0;
	rel->rows = std::max(1.0, std::rint(rel->tuples * sel));
	Cost qualcost = QualCostPerTuple(quals);
	Path *path = PallocStruct<Path>();
	path->parent = rel;
	path->rows = rel->rows;
	/* A LATERAL item's scan reads the outer row's columns. */
	path->param_relids = rel->lateral_relids;
	path->nestparams = rel->lateral_params;
	switch (rel->rtekind)
	{
		case RTE_RELATION:
		{
			path->pathtype = PATH_SEQSCAN;
			path->total_cost = rel->pages * kSeqPageCost + rel->tuples * (kCpuTupleCost + qualcost);
			if (!enable_seqscan)
				AddDisableCost(&path->startup_cost, &path->total_cost);
			AddPath(rel, path);
			AddIndexPath(root, rel, quals);
			break;
		}
		case RTE_VALUES:
			path->pathtype = PATH_VALUESSCAN;
			path->total_cost = rel->tuples * (kCpuOperatorCost + kCpuTupleCost + qualcost);
			AddPath(rel, path);
			break;
		case RTE_FUNCTION:
			/* PostgreSQL's cost_functionscan: the calls are startup cost. */
			path->pathtype = PATH_FUNCTIONSCAN;
			path->startup_cost = FunctionRteCost(Rte(root, static_cast<int>(rel->relid)));
			path->total_cost = path->startup_cost + rel->tuples * (kCpuTupleCost + qualcost);
			AddPath(rel, path);
			break;
		case RTE_SUBQUERY:
			path->pathtype = PATH_SUBQUERYSCAN;
			path->startup_cost = rel->subplan->startup_cost;
			path->total_cost = rel->subplan->total_cost + rel->tuples * (kCpuTupleCost + qualcost);
			AddPath(rel, path);
			break;
		case RTE_CTE:
			path->pathtype = Rte(root, static_cast<int>(rel->relid))->self_reference
				? PATH_WORKTABLESCAN
				: PATH_CTESCAN;
			path->total_cost = rel->tuples * (kCpuOperatorCost + kCpuTupleCost + qualcost);
			AddPath(rel, path);
			break;
		default:
			Assert(false);
	}
}

/* The best index scan for the relation's quals (indxpath.cpp chooses
 * the index), costed as PostgreSQL roughly costs one: a descent of the
 * tree, then a random page and a tuple per matching entry, at most every
 * page of the table. */
void AddIndexPath(PlannerInfo *root, RelOptInfo *rel, List *quals)
{
	RangeTblEntry *rte = Rte(root, static_cast<int>(rel->relid));
	IndexScanChoice choice;
	if (quals == NIL ||
		!choose_index_scan(rte->relid, static_cast<int>(rel->relid), quals, &choice))
		return;
	Selectivity sel = ClauseSelectivity(root,
										reinterpret_cast<Node *>(
											makeBoolExpr(AND_EXPR, choice.indexqualorig, -1)),
										rel->tuples);
	double matched = choice.unique_match ? 1.0 : std::max(1.0, std::rint(rel->tuples * sel));
	double heap_pages = std::min(matched, std::max<double>(rel->pages, 1.0));
	IndexPath *ip = PallocStruct<IndexPath>();
	ip->path.pathtype = PATH_INDEXSCAN;
	ip->path.parent = rel;
	ip->path.rows = rel->rows;
	ip->path.startup_cost = kRandomPageCost;
	ip->path.total_cost = ip->path.startup_cost + heap_pages * kRandomPageCost +
		matched * (kCpuIndexTupleCost + kCpuTupleCost + QualCostPerTuple(choice.otherquals));
	if (!enable_indexscan)
		AddDisableCost(&ip->path.startup_cost, &ip->path.total_cost);
	ip->indexoid = choice.indexid;
	ip->indexquals = choice.indexquals;
	ip->indexqualorig = choice.indexqualorig;
	ip->otherquals = choice.otherquals;
	ip->indexscandir = ForwardScanDirection;
	AddPath(rel, &ip->path);
}

/* ---- parameterized paths: nested loops passing outer columns ---- */

/* PostgreSQL's effective_cache_size default (4GB of 8kB pages). */
constexpr double kEffectiveCacheSize = 524288.0;

/* The PARAM_EXEC slot through which a nested loop passes var (a column
 * of this level) from its outer row to its inner side: one per column,
 * shared by every such join of the level (they all set it from the same
 * column). */
NestLoopParam *NestLoopParamFor(PlannerInfo *root, Var *var)
{
	ListCell *lc;
	foreach (lc, root->nestloop_params)
	{
		auto *nlp = static_cast<NestLoopParam *>(lfirst(lc));
		if (nlp->paramval->varno == var->varno && nlp->paramval->varattno == var->varattno)
			return nlp;
	}
	NestLoopParam *nlp = makeNode(NestLoopParam);
	nlp->paramno = AssignParamExec(root->glob, var->vartype);
	nlp->paramval = copyObject(var);
	nlp->paramval->location = -1;
	root->nestloop_params = lappend(root->nestloop_params, nlp);
	return nlp;
}

struct OuterParamContext
{
	PlannerInfo *root;
	Relids outer_relids;
	List *used; /* the NestLoopParams substituted */
};

Node *ReplaceOuterVarsMutator(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	auto *ctx = static_cast<OuterParamContext *>(arg);
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (var->varlevelsup != 0 ||
			!bms_is_member(static_cast<int>(var->varno), ctx->outer_relids))
			return reinterpret_cast<Node *>(copyObject(var));
		NestLoopParam *nlp = NestLoopParamFor(ctx->root, var);
		if (!list_member_ptr(ctx->used, nlp))
			ctx->used = lappend(ctx->used, nlp);
		Param *p = makeNode(Param);
		p->paramkind = PARAM_EXEC;
		p->paramid = nlp->paramno;
		p->paramtype = var->vartype;
		p->paramtypmod = var->vartypmod;
		p->paramcollid = var->varcollid;
		p->location = var->location;
		return reinterpret_cast<Node *>(p);
	}
	return node_children_mutator(node, ReplaceOuterVarsMutator, arg);
}

/* node with the columns of outer_relids as the nested loop's Params;
 * *used gets (without duplicates) the NestLoopParams they are. */
Node *ReplaceOuterVars(PlannerInfo *root, Node *node, Relids outer_relids, List **used)
{
	OuterParamContext ctx{root, outer_relids, *used};
	Node *result = ReplaceOuterVarsMutator(node, &ctx);
	*used = ctx.used;
	return result;
}

/* PostgreSQL's index_pages_fetched (Mackert and Lohman): the pages
 * read to fetch `tuples` tuples from a table of `pages` pages, counting
 * the ones the cache (effective_cache_size, shared by this level's
 * tables and the index) keeps between repeated scans. */
double IndexPagesFetched(PlannerInfo *root, double tuples, double pages, double index_pages)
{
	double t = std::max(pages, 1.0);
	double total_pages = std::max(root->total_table_pages + index_pages, 1.0);
	double b = std::max(1.0, std::ceil(kEffectiveCacheSize * t / total_pages));
	double fetched;
	if (t <= b)
	{
		fetched = (2.0 * t * tuples) / (2.0 * t + tuples);
		if (fetched >= t)
			fetched = t;
	}
	else
	{
		double lim = (2.0 * t * b) / (2.0 * t - b);
		if (tuples <= lim)
			fetched = (2.0 * t * tuples) / (2.0 * t + tuples);
		else
			fetched = b + (tuples - lim) * (t - b) / t;
	}
	return std::ceil(fetched);
}

/*
 * The inner side of a nested loop as an index scan of the inner table
 * parameterized by the outer row: the join clauses this join evaluates
 * that mention both sides (all of an inner join's; only its own ON
 * clauses for an outer join, never the filters of its null-extended
 * rows), with the outer relations' columns as PARAM_EXEC Params, are
 * matched to the table's indexes together with its own quals, as
 * choose_index_scan matches constants.  The clauses no index key
 * answers stay the scan's filter.  Costed per outer row as PostgreSQL's
 * cost_index and btcostestimate do for loop_count outer rows (pages read
 * again by later loops are assumed cached).  nullptr when no index
 * answers a join clause; *moved gets the RestrictInfos the scan checks.
 */
Path *ParamIndexPath(PlannerInfo *root, RelOptInfo *joinrel, Path *outerpath, RelOptInfo *inner,
					 JoinType jointype, List *restrictlist, List **moved)
{
	*moved = NIL;
	if (inner->reloptkind != RELOPT_BASEREL || inner->rtekind != RTE_RELATION ||
		inner->lateral_relids != nullptr)
		return nullptr;
	RelOptInfo *outer = outerpath->parent;
	List *quals = RestrictClauses(inner->baserestrictinfo);
	List *used = NIL;
	List *param_clauses = NIL;
	std::vector<Selectivity> param_sel;
	ListCell *lc;
	foreach (lc, restrictlist)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		bool own = jointype == JOIN_INNER || bms_equal(ri->outer_join_relids, joinrel->relids);
		if (!own || !bms_overlap(ri->clause_relids, inner->relids) ||
			!bms_overlap(ri->clause_relids, outer->relids) ||
			contain_volatile_functions(reinterpret_cast<Node *>(ri->clause)))
			continue;
		*moved = lappend(*moved, ri);
		param_clauses = lappend(param_clauses,
								ReplaceOuterVars(root, reinterpret_cast<Node *>(ri->clause),
												 outer->relids, &used));
		param_sel.push_back(ClauseSelectivity(root, reinterpret_cast<Node *>(ri->clause),
											  std::max(outer->rows, inner->rows)));
	}
	if (param_clauses == NIL)
		return nullptr;
	List *all = list_concat(list_copy(quals), param_clauses);
	RangeTblEntry *rte = Rte(root, static_cast<int>(inner->relid));
	IndexScanChoice choice;
	if (!choose_index_scan(rte->relid, static_cast<int>(inner->relid), all, &choice))
		return nullptr;
	/* The index must answer a join clause (else it is the plain scan). */
	Selectivity index_sel = 1.0;
	bool uses_param = false;
	foreach (lc, choice.indexqualorig)
	{
		int pos = -1;
		ListCell *pc;
		foreach (pc, param_clauses)
			if (lfirst(pc) == lfirst(lc))
				pos = foreach_current_index(pc);
		if (pos >= 0)
		{
			uses_param = true;
			index_sel *= param_sel[static_cast<size_t>(pos)];
		}
		else
			index_sel *= ClauseSelectivity(root, static_cast<Node *>(lfirst(lc)), inner->tuples);
	}
	if (!uses_param)
		return nullptr;
	Selectivity join_sel = 1.0;
	for (Selectivity s : param_sel)
		join_sel *= s;
	double loops = std::max(outerpath->rows, 1.0);
	double fetched = choice.unique_match ? 1.0
										 : std::max(1.0, std::rint(inner->tuples * index_sel));
	BlockNumber index_pages;
	double index_tuples;
	int index_width;
	EstimateRelSize(choice.indexid, &index_pages, &index_tuples, &index_width);
	index_tuples = std::max(inner->tuples, 1.0);
	double ipages = std::max<double>(index_pages, 1.0);
	/* btcostestimate: a comparison per level of a binary search of the
	 * whole index, and 50 operator costs per page descended. */
	double tree_height = ipages <= 2 ? 0 : ipages <= 300 ? 1 : ipages <= 90000 ? 2 : 3;
	Cost descent = std::ceil(std::log2(std::max(index_tuples, 2.0))) * kCpuOperatorCost +
		(tree_height + 1) * 50.0 * kCpuOperatorCost;
	double index_read = std::ceil(fetched * ipages / index_tuples);
	Cost index_cost = IndexPagesFetched(root, index_read * loops, ipages, ipages) *
			kRandomPageCost / loops +
		fetched * (kCpuIndexTupleCost + kCpuOperatorCost * list_length(choice.indexquals));
	Cost heap_cost = IndexPagesFetched(root, fetched * loops, inner->pages, ipages) *
			kRandomPageCost / loops +
		fetched * (kCpuTupleCost + QualCostPerTuple(choice.otherquals));
	IndexPath *ip = PallocStruct<IndexPath>();
	ip->path.pathtype = PATH_INDEXSCAN;
	ip->path.parent = inner;
	ip->path.rows = std::max(1.0, std::rint(inner->rows * join_sel));
	ip->path.startup_cost = descent;
	ip->path.total_cost = descent + index_cost + heap_cost;
	if (!enable_indexscan)
		AddDisableCost(&ip->path.startup_cost, &ip->path.total_cost);
	foreach (lc, *moved)
		ip->path
			.param_relids = bms_add_members(ip->path.param_relids,
											static_cast<RestrictInfo *>(lfirst(lc))->clause_relids);
	ip->path.param_relids = bms_del_members(ip->path.param_relids, inner->relids);
	ip->path.nestparams = used;
	ip->indexoid = choice.indexid;
	ip->indexquals = choice.indexquals;
	ip->indexqualorig = choice.indexqualorig;
	ip->otherquals = choice.otherquals;
	ip->indexscandir = ForwardScanDirection;
	return &ip->path;
}

/* A nested loop whose inner path reads the outer row's columns
 * (param_relids): rescanned, never materialized, per outer row; the
 * clauses the inner path checks (moved) are not checked again. */
void AddParamNestLoopPath(RelOptInfo *joinrel, Path *op, Path *inp, JoinType jointype,
						  List *restrictlist, List *moved)
{
	List *joinquals = NIL;
	List *otherquals = NIL;
	ListCell *lc;
	foreach (lc, restrictlist)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		if (list_member_ptr(moved, ri))
			continue;
		if (jointype == JOIN_INNER || bms_equal(ri->outer_join_relids, joinrel->relids))
			joinquals = lappend(joinquals, ri->clause);
		else
			otherquals = lappend(otherquals, ri->clause);
	}
	double outer_rows = std::max(op->rows, 1.0);
	JoinPath *jp = PallocStruct<JoinPath>();
	jp->path.pathtype = PATH_NESTLOOP;
	jp->path.parent = joinrel;
	jp->path.rows = joinrel->rows;
	jp->path.startup_cost = op->startup_cost + inp->startup_cost;
	jp->path.total_cost = op->total_cost + outer_rows * inp->total_cost +
		outer_rows * std::max(inp->rows, 1.0) *
			(kCpuTupleCost + QualCostPerTuple(joinquals) + QualCostPerTuple(otherquals));
	if (!enable_nestloop)
		AddDisableCost(&jp->path.startup_cost, &jp->path.total_cost);
	jp->jointype = jointype;
	jp->outerjoinpath = op;
	jp->innerjoinpath = inp;
	jp->joinrestrictinfo = restrictlist;
	jp->joinquals = joinquals;
	jp->otherquals = otherquals;
	AddPath(joinrel, &jp->path);
}

/* The base relations of relids read by LATERAL items among relids that
 * are not themselves in relids. */
Relids LateralNeeds(PlannerInfo *root, Relids relids)
{
	Relids needs = nullptr;
	int i = -1;
	while ((i = bms_next_member(relids, i)) >= 0)
		if (RelOptInfo *rel = root->simple_rel_array[i]; rel != nullptr)
			needs = bms_add_members(needs, rel->lateral_relids);
	return bms_del_members(needs, relids);
}

/* ---- joins ---- */

RelOptInfo *FindJoinRel(PlannerInfo *root, Relids relids)
{
	ListCell *lc;
	foreach (lc, root->join_rel_list)
	{
		auto *rel = static_cast<RelOptInfo *>(lfirst(lc));
		if (bms_equal(rel->relids, relids))
			return rel;
	}
	return nullptr;
}

/* The quals to evaluate when outer and inner are joined. */
List *JoinRestrictList(PlannerInfo *root, RelOptInfo *outer, RelOptInfo *inner)
{
	Relids relids = bms_union(outer->relids, inner->relids);
	List *result = NIL;
	ListCell *lc;
	foreach (lc, root->restrictinfos)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		if (bms_is_subset(ri->required_relids, relids) &&
			!bms_is_subset(ri->required_relids, outer->relids) &&
			!bms_is_subset(ri->required_relids, inner->relids))
			result = lappend(result, ri);
	}
	return result;
}

bool HaveJoinClause(PlannerInfo *root, RelOptInfo *a, RelOptInfo *b)
{
	if (bms_overlap(LateralNeeds(root, a->relids), b->relids) ||
		bms_overlap(LateralNeeds(root, b->relids), a->relids))
		return true;
	Relids relids = bms_union(a->relids, b->relids);
	ListCell *lc;
	foreach (lc, root->restrictinfos)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		if (bms_is_subset(ri->required_relids, relids) &&
			bms_overlap(ri->clause_relids, a->relids) && bms_overlap(ri->clause_relids, b->relids))
			return true;
	}
	return false;
}

/* Whether a condition evaluated at this join is the join's own (its
 * joinqual) rather than a filter of the joined rows: every condition of
 * an inner join, and of a semi or anti join (only its conditions reach
 * the join of its right-hand side); an outer join's own ON condition. */
bool OwnJoinQual(JoinType jointype, RestrictInfo *ri, RelOptInfo *joinrel)
{
	return jointype == JOIN_INNER || jointype == JOIN_SEMI || jointype == JOIN_ANTI ||
		bms_equal(ri->outer_join_relids, joinrel->relids);
}

Path *MakeMaterialPath(Path *subpath)
{
	MaterialPath *m = PallocStruct<MaterialPath>();
	m->path.pathtype = PATH_MATERIAL;
	m->path.parent = subpath->parent;
	m->path.rows = subpath->rows;
	m->path.startup_cost = subpath->startup_cost;
	m->path.total_cost = subpath->total_cost + 2 * kCpuOperatorCost * subpath->rows;
	m->subpath = subpath;
	return &m->path;
}

/*
 * A merge join of the cheapest outer and inner paths, each sorted on its
 * side of the join's mergejoinable "outer = inner" conditions, costed as
 * PostgreSQL's cost_mergejoin roughly does: both sorts, a comparison per
 * clause for every row read (the inner rows of a key read again for
 * each further outer row of that key), and the rows it makes.  A FULL
 * JOIN can merge only when all its conditions are mergejoinable (as in
 * PostgreSQL; with none at all, on no key).  Returns whether a path was
 * added.
 */
bool AddMergeJoinPath(PlannerInfo *root, RelOptInfo *joinrel, Path *op, Path *ip, JoinType jointype,
					  List *restrictlist)
{
	RelOptInfo *outer = op->parent;
	RelOptInfo *inner = ip->parent;
	List *mergeclauses = NIL;
	List *joinquals = NIL;
	List *otherquals = NIL;
	bool all_mergeable = true;
	ListCell *lc;
	foreach (lc, restrictlist)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		bool own = OwnJoinQual(jointype, ri, joinrel);
		if (!own)
		{
			otherquals = lappend(otherquals, ri->clause);
			continue;
		}
		if (IsA(ri->clause, Const))
		{
			/* ON true is no condition; ON false (folded) a constant the
			 * executor checks on each pair, as PostgreSQL allows. */
			if (!reinterpret_cast<Const *>(ri->clause)->constisnull &&
				DatumGetBool(reinterpret_cast<Const *>(ri->clause)->constvalue))
				continue;
			joinquals = lappend(joinquals, ri->clause);
			continue;
		}
		bool forward = bms_is_subset(ri->left_relids, outer->relids) &&
			bms_is_subset(ri->right_relids, inner->relids);
		bool backward = bms_is_subset(ri->left_relids, inner->relids) &&
			bms_is_subset(ri->right_relids, outer->relids);
		if (OidIsValid(ri->mergeopfamily) &&
			(forward ||
			 (backward &&
			  OidIsValid(get_commutator(reinterpret_cast<OpExpr *>(ri->clause)->opno)))))
			mergeclauses = lappend(mergeclauses, ri);
		else
		{
			all_mergeable = false;
			joinquals = lappend(joinquals, ri->clause);
		}
	}
	/* Without merge clauses, only a FULL JOIN without conditions merges
	 * (every row of one side pairs with every row of the other). */
	if (jointype == JOIN_FULL ? !all_mergeable : mergeclauses == NIL)
		return false;
	double outer_rows = std::max(op->rows, 1.0);
	double inner_rows = std::max(ip->rows, 1.0);
	double n = list_length(mergeclauses);
	/* The rows the merge clauses alone pair up. */
	double merged = outer_rows * inner_rows;
	foreach (lc, mergeclauses)
		merged *= ClauseSelectivity(root,
									reinterpret_cast<Node *>(
										static_cast<RestrictInfo *>(lfirst(lc))->clause),
									std::max(outer_rows, inner_rows));
	merged = std::max(1.0, std::rint(merged));
	/* A semi or anti join leaves a key's inner rows at the first match:
	 * it never reads them again (PostgreSQL's rescannedtuples = 0). */
	double rescanratio = jointype == JOIN_SEMI || jointype == JOIN_ANTI
		? 1.0
		: 1.0 + std::max(0.0, merged - inner_rows) / inner_rows;
	Cost sort_disable = enable_sort ? 0.0 : kDisableCost;
	JoinPath *jp = PallocStruct<JoinPath>();
	jp->path.pathtype = PATH_MERGEJOIN;
	jp->path.parent = joinrel;
	jp->path.rows = joinrel->rows;
	jp->path.startup_cost = op->total_cost + SortCost(outer_rows) + ip->total_cost +
		SortCost(inner_rows) + 2 * sort_disable;
	jp->path.total_cost = jp->path.startup_cost + kCpuOperatorCost * outer_rows +
		kCpuOperatorCost * inner_rows * rescanratio +
		kCpuOperatorCost * n * (outer_rows + inner_rows * rescanratio) +
		merged * (kCpuTupleCost + QualCostPerTuple(joinquals) + QualCostPerTuple(otherquals));
	if (!enable_mergejoin)
		AddDisableCost(&jp->path.startup_cost, &jp->path.total_cost);
	jp->jointype = jointype;
	jp->outerjoinpath = op;
	jp->innerjoinpath = ip;
	jp->joinrestrictinfo = restrictlist;
	jp->mergeclauses = mergeclauses;
	jp->joinquals = joinquals;
	jp->otherquals = otherquals;
	AddPath(joinrel, &jp->path);
	return true;
}

/* A semi or anti join's conditions: the fraction of outer rows with a
 * partner (PostgreSQL's outer_match_frac) and the partners such a row
 * has on average (match_count), as compute_semi_anti_join_factors. */
void SemiJoinFactors(PlannerInfo *root, RelOptInfo *outer, RelOptInfo *inner, List *restrictlist,
					 double *match_frac, double *match_count)
{
	double jselec = 1.0;
	double nselec = 1.0;
	ListCell *lc;
	foreach (lc, restrictlist)
	{
		Node *clause = reinterpret_cast<Node *>(static_cast<RestrictInfo *>(lfirst(lc))->clause);
		jselec *= SemiJoinClauseSelectivity(root, clause, outer->relids, inner->rows);
		nselec *= ClauseSelectivity(root, clause, std::max(outer->rows, inner->rows));
	}
	*match_frac = jselec;
	*match_count = jselec > 0.0 ? std::max(1.0, nselec * inner->rows / jselec) : 1.0;
}

/* A semi or anti nested loop's total cost (PostgreSQL's
 * final_cost_nestloop): an outer row with a partner stops reading the
 * inner side at its first match (on average after 2 / (matches + 1) of
 * it), one without reads all of it. */
Cost SemiNestLoopCost(PlannerInfo *root, Path *op, Path *inp, Cost rescan, Cost qualcost,
					  List *restrictlist)
{
	double match_frac;
	double match_count;
	SemiJoinFactors(root, op->parent, inp->parent, restrictlist, &match_frac, &match_count);
	double outer_rows = std::max(op->rows, 1.0);
	double inner_rows = std::max(inp->rows, 1.0);
	double matched = std::rint(outer_rows * match_frac);
	double unmatched = outer_rows - matched;
	double scan_frac = 2.0 / (match_count + 1.0);
	double ntuples = matched * inner_rows * scan_frac + unmatched * inner_rows;
	Cost inner_run = inp->total_cost - inp->startup_cost;
	Cost rescan_run = rescan - (inp->pathtype == PATH_MATERIAL ? 0.0 : inp->startup_cost);
	Cost cost = op->total_cost + inp->startup_cost + inner_run;
	if (outer_rows > 1)
		cost += (outer_rows - 1) * (rescan - rescan_run);
	/* The first scan is in inner_run; the others as matched or not. */
	cost += (matched * scan_frac + unmatched - 1.0) * rescan_run;
	return cost + ntuples * (kCpuTupleCost + qualcost);
}

void AddJoinPaths(PlannerInfo *root, RelOptInfo *joinrel, RelOptInfo *outer, RelOptInfo *inner,
				  JoinType jointype, List *restrictlist)
{
	List *joinquals = NIL;
	List *otherquals = NIL;
	ListCell *lc;
	foreach (lc, restrictlist)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		if (OwnJoinQual(jointype, ri, joinrel))
			joinquals = lappend(joinquals, ri->clause);
		else
			otherquals = lappend(otherquals, ri->clause);
	}
	Path *op = outer->cheapest_total_path;
	Path *ip = inner->cheapest_total_path;
	if (ip->param_relids != nullptr)
	{
		/* A LATERAL item: only a nested loop can pass it the outer row. */
		AddParamNestLoopPath(joinrel, op, ip, jointype, restrictlist, NIL);
		return;
	}
	double outer_rows = std::max(op->rows, 1.0);
	Cost qualcost = QualCostPerTuple(joinquals) + QualCostPerTuple(otherquals);
	/* Hash join: on the join's own "outer = inner" equalities. */
	List *hashclauses = NIL;
	foreach (lc, restrictlist)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		if (!OidIsValid(ri->hashjoinoperator) || !OwnJoinQual(jointype, ri, joinrel))
			continue;
		bool forward = bms_is_subset(ri->left_relids, outer->relids) &&
			bms_is_subset(ri->right_relids, inner->relids);
		bool backward = bms_is_subset(ri->left_relids, inner->relids) &&
			bms_is_subset(ri->right_relids, outer->relids);
		RegProcedure lhs;
		RegProcedure rhs;
		if ((forward || (backward && OidIsValid(get_commutator(ri->hashjoinoperator)))) &&
			get_op_hash_functions(ri->hashjoinoperator, &lhs, &rhs))
			hashclauses = lappend(hashclauses, ri);
	}
	if (hashclauses != NIL)
	{
		double n = list_length(hashclauses);
		double inner_rows = std::max(ip->rows, 1.0);
		JoinPath *jp = PallocStruct<JoinPath>();
		jp->path.pathtype = PATH_HASHJOIN;
		jp->path.parent = joinrel;
		jp->path.rows = joinrel->rows;
		jp->path.startup_cost = ip->total_cost + op->startup_cost +
			inner_rows * (kCpuOperatorCost * n + kCpuTupleCost);
		jp->path.total_cost = jp->path.startup_cost + (op->total_cost - op->startup_cost) +
			outer_rows * kCpuOperatorCost * n + joinrel->rows * (kCpuTupleCost + qualcost);
		if (!enable_hashjoin)
		{
			/* Disabled: used only when nothing else can (a FULL JOIN). */
			AddDisableCost(&jp->path.startup_cost, &jp->path.total_cost);
		}
		jp->jointype = jointype;
		jp->outerjoinpath = op;
		jp->innerjoinpath = ip;
		jp->joinrestrictinfo = restrictlist;
		jp->hashclauses = hashclauses;
		/* The other conditions are checked on the pairs the hash finds. */
		foreach (lc, restrictlist)
		{
			auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
			if (list_member_ptr(hashclauses, ri))
				continue;
			if (OwnJoinQual(jointype, ri, joinrel))
				jp->joinquals = lappend(jp->joinquals, ri->clause);
			else
				jp->otherquals = lappend(jp->otherquals, ri->clause);
		}
		AddPath(joinrel, &jp->path);
	}
	bool merge_full = AddMergeJoinPath(root, joinrel, op, ip, jointype, restrictlist);
	if (jointype == JOIN_FULL)
	{
		/* A nested loop cannot null-extend the inner side's rows. */
		if (hashclauses == NIL && !merge_full)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("FULL JOIN is only supported with merge-joinable or hash-joinable "
						   "join conditions"));
		return;
	}
	/* Nested loop over an index scan of the inner table per outer row. */
	List *moved = NIL;
	if (Path *pip = ParamIndexPath(root, joinrel, op, inner, jointype, restrictlist, &moved);
		pip != nullptr)
		AddParamNestLoopPath(joinrel, op, pip, jointype, restrictlist, moved);
	/* Nested loop: the inner side is rescanned for every outer row,
	 * or read once into memory (Material) and replayed. */
	Path *inner_paths[2] = {ip, nullptr};
	if (ip->pathtype != PATH_MATERIAL && ip->pathtype != PATH_VALUESSCAN &&
		ip->pathtype != PATH_FUNCTIONSCAN && enable_material)
		inner_paths[1] = MakeMaterialPath(ip);
	for (Path *inp : inner_paths)
	{
		if (inp == nullptr)
			continue;
		Cost rescan = inp->pathtype == PATH_MATERIAL ? kCpuOperatorCost * inp->rows
													 : inp->total_cost;
		JoinPath *jp = PallocStruct<JoinPath>();
		jp->path.pathtype = PATH_NESTLOOP;
		jp->path.parent = joinrel;
		jp->path.rows = joinrel->rows;
		jp->path.startup_cost = op->startup_cost + inp->startup_cost;
		jp->path.total_cost = op->total_cost + inp->total_cost + (outer_rows - 1) * rescan +
			outer_rows * std::max(inp->rows, 1.0) * (kCpuTupleCost + qualcost);
		if (jointype == JOIN_SEMI || jointype == JOIN_ANTI)
			jp->path.total_cost = SemiNestLoopCost(root, op, inp, rescan, qualcost, restrictlist);
		if (!enable_nestloop)
			AddDisableCost(&jp->path.startup_cost, &jp->path.total_cost);
		jp->jointype = jointype;
		jp->outerjoinpath = op;
		jp->innerjoinpath = inp;
		jp->joinrestrictinfo = restrictlist;
		jp->joinquals = joinquals;
		jp->otherquals = otherquals;
		AddPath(joinrel, &jp->path);
	}
}

double JoinRows(PlannerInfo *root, RelOptInfo *outer, RelOptInfo *inner, JoinType jointype,
				List *restrictlist)
{
	if (jointype == JOIN_SEMI || jointype == JOIN_ANTI)
	{
		/* PostgreSQL's: the outer rows with (without) a partner. */
		double match_frac;
		double match_count;
		SemiJoinFactors(root, outer, inner, restrictlist, &match_frac, &match_count);
		double rows = outer->rows * (jointype == JOIN_SEMI ? match_frac : 1.0 - match_frac);
		return std::max(1.0, std::rint(rows));
	}
	double rows = outer->rows * inner->rows;
	ListCell *lc;
	foreach (lc, restrictlist)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		rows *= ClauseSelectivity(root, reinterpret_cast<Node *>(ri->clause),
								  std::max(outer->rows, inner->rows));
	}
	if (jointype == JOIN_LEFT)
		rows = std::max(rows, outer->rows);
	else if (jointype == JOIN_FULL)
		rows = std::max({rows, outer->rows, inner->rows});
	return std::max(1.0, std::rint(rows));
}

/* Whether a and b may be joined as the semi and anti joins allow: a
 * semi/anti join's right-hand side joins only a set of relations holding
 * its min_lefthand, as that join (*sj, *b_is_rhs telling which of a and
 * b is its right-hand side); *sj stays NULL for a plain inner join. */
bool SemiJoinLegal(PlannerInfo *root, RelOptInfo *a, RelOptInfo *b, SemiJoinInfo **sj,
				   bool *b_is_rhs)
{
	ListCell *lc;
	foreach (lc, root->semi_joins)
	{
		auto *info = static_cast<SemiJoinInfo *>(lfirst(lc));
		Relids rhs = info->syn_righthand;
		bool in_a = bms_overlap(rhs, a->relids);
		bool in_b = bms_overlap(rhs, b->relids);
		if ((!in_a && !in_b) || bms_is_subset(bms_union(a->relids, b->relids), rhs))
			continue; /* not this join's, or inside its right-hand side */
		if ((in_a && bms_is_subset(rhs, a->relids) && !bms_equal(rhs, a->relids)) ||
			(in_b && bms_is_subset(rhs, b->relids) && !bms_equal(rhs, b->relids)))
			continue; /* joined already */
		bool rhs_is_b = in_b && bms_equal(rhs, b->relids);
		if (!rhs_is_b && !(in_a && bms_equal(rhs, a->relids)))
			return false;
		RelOptInfo *lhs = rhs_is_b ? a : b;
		if (*sj != nullptr || !bms_is_subset(info->min_lefthand, lhs->relids))
			return false;
		*sj = info;
		*b_is_rhs = rhs_is_b;
	}
	return true;
}

/* The "=" of opno's hash operator family for two values of type: what
 * groups them when hashing one side of opno; InvalidOid if none. */
Oid HashEqualityForType(Oid opno, Oid type)
{
	Oid result = InvalidOid;
	CatCList *members = SearchSysCacheList1(AMOPOPID, ObjectIdGetDatum(opno));
	for (int i = 0; i < members->n_members && !OidIsValid(result); i++)
	{
		auto *amop = reinterpret_cast<Form_pg_amop>(GETSTRUCT(members->members[i]));
		if (amop->amopmethod == HASH_AM_OID)
			result = get_opfamily_member(amop->amopfamily, type, type, kHashEqualStrategy);
	}
	ReleaseSysCacheList(members);
	return result;
}

/*
 * A semi join's right-hand side made distinct on the columns its
 * conditions compare, to be joined by a plain inner join (PostgreSQL's
 * create_unique_path with hashing, for JOIN_UNIQUE_INNER/OUTER): a
 * relation standing for inner with a single UniquePath whose rows are
 * the estimated groups.  NULL when the conditions are not all "outer
 * expression = inner column" with hashable operators, or hashing is off.
 */
RelOptInfo *UniqueRhsRel(PlannerInfo *root, RelOptInfo *outer, RelOptInfo *inner,
						 List *restrictlist)
{
	if (!enable_hashagg || restrictlist == NIL)
		return nullptr;
	List *exprs = NIL;
	List *eqops = NIL;
	ListCell *lc;
	foreach (lc, restrictlist)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		if (!OidIsValid(ri->hashjoinoperator))
			return nullptr;
		OpExpr *op = reinterpret_cast<OpExpr *>(ri->clause);
		Node *side;
		if (bms_is_subset(ri->left_relids, outer->relids) &&
			bms_is_subset(ri->right_relids, inner->relids))
			side = static_cast<Node *>(lsecond(op->args));
		else if (bms_is_subset(ri->right_relids, outer->relids) &&
				 bms_is_subset(ri->left_relids, inner->relids))
			side = static_cast<Node *>(linitial(op->args));
		else
			return nullptr;
		if (!IsA(side, Var))
			return nullptr;
		Oid eqop = HashEqualityForType(op->opno, exprType(side));
		if (!OidIsValid(eqop))
			return nullptr;
		if (list_member(exprs, side))
			continue;
		exprs = lappend(exprs, side);
		eqops = lappend_oid(eqops, eqop);
	}
	Path *sub = inner->cheapest_total_path;
	double groups = EstimateNumGroups(root, exprs, std::max(sub->rows, 1.0));
	UniquePath *up = PallocStruct<UniquePath>();
	up->path.pathtype = PATH_UNIQUE;
	up->path.rows = groups;
	/* PostgreSQL's cost_agg for AGG_HASHED without aggregates. */
	up->path.startup_cost = sub->total_cost +
		kCpuOperatorCost * list_length(exprs) * std::max(sub->rows, 1.0);
	up->path.total_cost = up->path.startup_cost + kCpuTupleCost * groups;
	up->subpath = sub;
	up->uniq_exprs = exprs;
	up->uniq_eqops = eqops;
	RelOptInfo *rel = PallocStruct<RelOptInfo>();
	*rel = *inner;
	rel->rows = groups;
	rel->pathlist = NIL;
	rel->cheapest_total_path = nullptr;
	rel->cheapest_startup_path = nullptr;
	up->path.parent = rel;
	AddPath(rel, &up->path);
	return rel;
}

/* The semi or anti join of outer with sj's right-hand side. */
RelOptInfo *MakeSemiJoinRel(PlannerInfo *root, RelOptInfo *outer, RelOptInfo *inner,
							SemiJoinInfo *sj)
{
	Relids relids = bms_union(outer->relids, inner->relids);
	RelOptInfo *joinrel = FindJoinRel(root, relids);
	List *restrictlist = JoinRestrictList(root, outer, inner);
	if (joinrel == nullptr)
	{
		joinrel = PallocStruct<RelOptInfo>();
		joinrel->reloptkind = RELOPT_JOINREL;
		joinrel->relids = relids;
		joinrel->rows = JoinRows(root, outer, inner, sj->jointype, restrictlist);
		joinrel->width = outer->width;
		root->join_rel_list = lappend(root->join_rel_list, joinrel);
	}
	AddJoinPaths(root, joinrel, outer, inner, sj->jointype, restrictlist);
	/* A semi join is also an inner join with the right-hand side made
	 * distinct, on either side. */
	if (sj->jointype == JOIN_SEMI)
		if (RelOptInfo *unique = UniqueRhsRel(root, outer, inner, restrictlist))
		{
			AddJoinPaths(root, joinrel, outer, unique, JOIN_INNER, restrictlist);
			AddJoinPaths(root, joinrel, unique, outer, JOIN_INNER, restrictlist);
		}
	return joinrel;
}

/* The join of a and b (in either order for an inner join), made or
 * found, with paths for this pair added; NULL when the semi and anti
 * joins do not allow joining them. */
RelOptInfo *MakeJoinRel(PlannerInfo *root, RelOptInfo *a, RelOptInfo *b, JoinType jointype)
{
	if (jointype == JOIN_INNER)
	{
		SemiJoinInfo *sj = nullptr;
		bool b_is_rhs = false;
		if (!SemiJoinLegal(root, a, b, &sj, &b_is_rhs))
			return nullptr;
		if (sj != nullptr)
			return MakeSemiJoinRel(root, b_is_rhs ? a : b, b_is_rhs ? b : a, sj);
	}
	Relids relids = bms_union(a->relids, b->relids);
	/* A LATERAL item is the inner side of a nested loop whose outer side
	 * holds every relation it reads. */
	Relids needs_a = LateralNeeds(root, a->relids);
	Relids needs_b = LateralNeeds(root, b->relids);
	bool a_outer = bms_is_empty(needs_a) && bms_is_subset(needs_b, a->relids);
	bool b_outer = jointype == JOIN_INNER && bms_is_empty(needs_b) &&
		bms_is_subset(needs_a, b->relids);
	if (!a_outer && !b_outer)
		return nullptr;
	RelOptInfo *joinrel = FindJoinRel(root, relids);
	List *restrictlist = JoinRestrictList(root, a, b);
	if (joinrel == nullptr)
	{
		joinrel = PallocStruct<RelOptInfo>();
		joinrel->reloptkind = RELOPT_JOINREL;
		joinrel->relids = relids;
		joinrel->rows = JoinRows(root, a, b, jointype, restrictlist);
		joinrel->width = a->width + b->width;
		root->join_rel_list = lappend(root->join_rel_list, joinrel);
	}
	if (a_outer)
		AddJoinPaths(root, joinrel, a, b, jointype, restrictlist);
	if (b_outer)
		AddJoinPaths(root, joinrel, b, a, jointype, restrictlist);
	return joinrel;
}

/* Order the items (each already planned) by dynamic programming over
 * their subsets, or greedily when there are many. */
RelOptInfo *JoinSearch(PlannerInfo *root, const std::vector<RelOptInfo *> &items)
{
	size_t n = items.size();
	if (n == 1)
		return items[0];
	if (n > kMaxDpItems)
	{
		std::vector<RelOptInfo *> rels = items;
		while (rels.size() > 1)
		{
			RelOptInfo *best = nullptr;
			size_t bi = 0;
			size_t bj = 0;
			for (int pass = 0; pass < 2 && best == nullptr; pass++)
				for (size_t i = 0; i < rels.size(); i++)
					for (size_t j = i + 1; j < rels.size(); j++)
					{
						if (pass == 0 && !HaveJoinClause(root, rels[i], rels[j]))
							continue;
						RelOptInfo *rel = MakeJoinRel(root, rels[i], rels[j], JOIN_INNER);
						if (rel == nullptr)
							continue;
						if (best == nullptr ||
							rel->cheapest_total_path->total_cost <
								best->cheapest_total_path->total_cost)
						{
							best = rel;
							bi = i;
							bj = j;
						}
					}
			if (best == nullptr)
				elog(ERROR, "failed to build any joins of %zu items", rels.size());
			rels.erase(rels.begin() + static_cast<std::ptrdiff_t>(bj));
			rels[bi] = best;
		}
		return rels[0];
	}
	std::vector<std::vector<RelOptInfo *>> levels(n + 1);
	levels[1] = items;
	for (size_t k = 2; k <= n; k++)
	{
		for (int pass = 0; pass < 2 && levels[k].empty(); pass++)
			for (size_t j = 1; j <= k / 2; j++)
				for (size_t ai = 0; ai < levels[j].size(); ai++)
					for (size_t bi = 0; bi < levels[k - j].size(); bi++)
					{
						if (j == k - j && bi <= ai)
							continue;
						RelOptInfo *a = levels[j][ai];
						RelOptInfo *b = levels[k - j][bi];
						if (bms_overlap(a->relids, b->relids))
							continue;
						if (pass == 0 && !HaveJoinClause(root, a, b))
							continue;
						bool existed = FindJoinRel(root, bms_union(a->relids, b->relids)) !=
							nullptr;
						RelOptInfo *rel = MakeJoinRel(root, a, b, JOIN_INNER);
						if (rel == nullptr)
							continue;
						if (!existed)
							levels[k].push_back(rel);
					}
		if (levels[k].empty())
			elog(ERROR, "failed to build any %zu-way joins", k);
	}
	Assert(levels[n].size() == 1);
	return levels[n][0];
}

RelOptInfo *PlanJoinNode(PlannerInfo *root, Node *jtnode);

bool IsSemiJoin(Node *jtnode)
{
	if (!IsA(jtnode, JoinExpr))
		return false;
	JoinType jointype = reinterpret_cast<JoinExpr *>(jtnode)->jointype;
	return jointype == JOIN_SEMI || jointype == JOIN_ANTI;
}

/* The items of a FROM list or inner join: nested lists and inner joins
 * flattened, each outer join a unit. */
void CollectJoinItems(PlannerInfo *root, Node *jtnode, std::vector<RelOptInfo *> *items)
{
	if (IsA(jtnode, FromExpr))
	{
		ListCell *lc;
		foreach (lc, reinterpret_cast<FromExpr *>(jtnode)->fromlist)
			CollectJoinItems(root, static_cast<Node *>(lfirst(lc)), items);
	}
	else if (IsA(jtnode, JoinExpr) && reinterpret_cast<JoinExpr *>(jtnode)->jointype == JOIN_INNER)
	{
		JoinExpr *j = reinterpret_cast<JoinExpr *>(jtnode);
		CollectJoinItems(root, j->larg, items);
		CollectJoinItems(root, j->rarg, items);
	}
	else if (IsSemiJoin(jtnode))
	{
		/* Its left side's items join freely; its right side is one item
		 * that SemiJoinLegal lets join only its left-hand relations. */
		JoinExpr *j = reinterpret_cast<JoinExpr *>(jtnode);
		CollectJoinItems(root, j->larg, items);
		items->push_back(PlanJoinNode(root, j->rarg));
	}
	else
		items->push_back(PlanJoinNode(root, jtnode));
}

RelOptInfo *PlanJoinNode(PlannerInfo *root, Node *jtnode)
{
	check_stack_depth();
	if (IsA(jtnode, RangeTblRef))
		return root->simple_rel_array[reinterpret_cast<RangeTblRef *>(jtnode)->rtindex];
	if (IsA(jtnode, JoinExpr) && reinterpret_cast<JoinExpr *>(jtnode)->jointype != JOIN_INNER &&
		!IsSemiJoin(jtnode))
	{
		JoinExpr *j = reinterpret_cast<JoinExpr *>(jtnode);
		RelOptInfo *left = PlanJoinNode(root, j->larg);
		RelOptInfo *right = PlanJoinNode(root, j->rarg);
		RelOptInfo *rel = MakeJoinRel(root, left, right, j->jointype);
		if (rel == nullptr)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("LATERAL references to FROM items outside an outer join are not "
						   "supported yet"));
		return rel;
	}
	std::vector<RelOptInfo *> items;
	CollectJoinItems(root, jtnode, &items);
	return JoinSearch(root, items);
}

/* ---- plans ---- */

/* The Vars of rel's base relations needed above it, as a targetlist. */
List *BuildRelTarget(PlannerInfo *root, Relids relids)
{
	List *tlist = NIL;
	int rtindex = -1;
	while ((rtindex = bms_next_member(relids, rtindex)) >= 0)
	{
		RelOptInfo *rel = root->simple_rel_array[rtindex];
		for (int attno = rel->min_attr; attno <= rel->max_attr; attno++)
		{
			int i = attno - rel->min_attr;
			if (rel->attr_vars[i] == nullptr || bms_is_subset(rel->attr_needed[i], relids))
				continue;
			Var *var = static_cast<Var *>(copyObjectImpl(rel->attr_vars[i]));
			tlist = lappend(tlist,
							makeTargetEntry(reinterpret_cast<Expr *>(var),
											static_cast<AttrNumber>(list_length(tlist) + 1),
											nullptr, false));
		}
	}
	return tlist;
}

void CopyPathCosts(Plan *plan, Path *path, int width)
{
	plan->startup_cost = path->startup_cost;
	plan->total_cost = path->total_cost;
	plan->plan_rows = path->rows;
	plan->plan_width = width;
}
/* A join clause's copy with the outer relation's side on the left
 * (commuted if it was written the other way round). */
OpExpr *OuterSideFirst(RestrictInfo *ri, Relids outer_relids)
{
	OpExpr *op = copyObject(castNode(OpExpr, reinterpret_cast<Node *>(ri->clause)));
	if (!bms_is_subset(ri->left_relids, outer_relids))
	{
		op->opno = get_commutator(op->opno);
		op->opfuncid = get_opcode(op->opno);
		op->args = list_make2(lsecond(op->args), linitial(op->args));
	}
	return op;
}

Plan *CreatePlan(PlannerInfo *root, Path *path);

/* A semi join's conditions, each mergejoinable equality with its outer
 * side first: PostgreSQL makes them from its equivalence classes so, and
 * EXPLAIN shows them so. */
List *SemiJoinQualsOuterFirst(JoinPath *jp)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, jp->joinrestrictinfo)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		if (OidIsValid(ri->mergeopfamily) &&
			bms_is_subset(ri->right_relids, jp->outerjoinpath->parent->relids) &&
			OidIsValid(get_commutator(reinterpret_cast<OpExpr *>(ri->clause)->opno)))
			result = lappend(result, OuterSideFirst(ri, jp->outerjoinpath->parent->relids));
		else
			result = lappend(result, ri->clause);
	}
	return result;
}

/* An index scan's conditions as written, each commuted as its index
 * qual was ("a.x = k" becomes "k = a.x"), as PostgreSQL shows them. */
List *IndexColumnFirst(List *indexquals, List *indexqualorig, Index scanrelid)
{
	List *result = NIL;
	ListCell *q;
	ListCell *o;
	forboth(q, indexquals, o, indexqualorig)
	{
		Node *orig = static_cast<Node *>(lfirst(o));
		Node *iq = static_cast<Node *>(lfirst(q));
		Node *left = IsA(orig, OpExpr)
			? static_cast<Node *>(linitial(reinterpret_cast<OpExpr *>(orig)->args))
			: nullptr;
		while (left != nullptr && IsA(left, RelabelType))
			left = reinterpret_cast<Node *>(reinterpret_cast<RelabelType *>(left)->arg);
		bool column_left = left != nullptr && IsA(left, Var) &&
			static_cast<Index>(reinterpret_cast<Var *>(left)->varno) == scanrelid &&
			reinterpret_cast<Var *>(left)->varlevelsup == 0;
		if (left != nullptr && !column_left && IsA(iq, OpExpr))
		{
			OpExpr *op = copyObject(reinterpret_cast<OpExpr *>(orig));
			op->opno = reinterpret_cast<OpExpr *>(iq)->opno;
			op->opfuncid = get_opcode(op->opno);
			op->args = list_make2(lsecond(op->args), linitial(op->args));
			orig = reinterpret_cast<Node *>(op);
		}
		result = lappend(result, orig);
	}
	return result;
}

/* A HashJoin over the outer plan and a Hash of the inner one; each hash
 * clause with its outer side first (commuted if written the other way). */
Plan *CreateHashJoinPlan(PlannerInfo *root, JoinPath *jp)
{
	HashJoin *join = makeNode(HashJoin);
	join->join.jointype = jp->jointype;
	join->join.joinqual = jp->joinquals;
	join->join.plan.qual = jp->otherquals;
	Plan *outer = CreatePlan(root, jp->outerjoinpath);
	Plan *inner = CreatePlan(root, jp->innerjoinpath);
	Hash *hash = makeNode(Hash);
	ListCell *lc;
	foreach (lc, jp->hashclauses)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		OpExpr *op = OuterSideFirst(ri, jp->outerjoinpath->parent->relids);
		join->hashclauses = lappend(join->hashclauses, op);
		join->hashoperators = lappend_oid(join->hashoperators, op->opno);
		join->hashcollations = lappend_oid(join->hashcollations, op->inputcollid);
		join->hashkeys = lappend(join->hashkeys,
								 copyObjectImpl(static_cast<Node *>(linitial(op->args))));
		hash->hashkeys = lappend(hash->hashkeys,
								 copyObjectImpl(static_cast<Node *>(lsecond(op->args))));
	}
	hash->plan.lefttree = inner;
	hash->plan.targetlist = copyObject(inner->targetlist);
	hash->rows_total = inner->plan_rows;
	hash->plan.startup_cost = inner->total_cost;
	hash->plan.total_cost = inner->total_cost;
	hash->plan.plan_rows = inner->plan_rows;
	hash->plan.plan_width = inner->plan_width;
	join->join.plan.lefttree = outer;
	join->join.plan.righttree = &hash->plan;
	return &join->join.plan;
}

/* child's rows sorted on exprs (ascending, NULLs last, with the "<" of
 * each one's operator family); an expression not yet among child's
 * columns is added to its target list. */
Plan *MakeKeySort(Plan *child, List *exprs, List *families)
{
	Sort *sort = makeNode(Sort);
	ListCell *e;
	ListCell *f;
	forboth(e, exprs, f, families)
	{
		Node *expr = static_cast<Node *>(lfirst(e));
		TargetEntry *found = nullptr;
		ListCell *t;
		foreach (t, child->targetlist)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(t));
			if (equal(tle->expr, expr))
			{
				found = tle;
				break;
			}
		}
		if (found == nullptr)
		{
			found = makeTargetEntry(static_cast<Expr *>(copyObjectImpl(expr)),
									static_cast<AttrNumber>(list_length(child->targetlist) + 1),
									nullptr, true);
			child->targetlist = lappend(child->targetlist, found);
		}
		Oid type = exprType(expr);
		Oid lt = get_opfamily_member(lfirst_oid(f), type, type, BTLessStrategyNumber);
		if (!OidIsValid(lt))
			elog(ERROR, "missing operator %d(%u,%u) in opfamily %u", BTLessStrategyNumber, type,
				 type, lfirst_oid(f));
		sort->sortColIdx = lappend_int(sort->sortColIdx, found->resno);
		sort->sortOperators = lappend_oid(sort->sortOperators, lt);
		sort->collations = lappend_oid(sort->collations, exprCollation(expr));
		sort->nullsFirst = lappend_int(sort->nullsFirst, false);
		sort->numCols++;
	}
	sort->plan.targetlist = copyObject(child->targetlist);
	sort->plan.lefttree = child;
	sort->plan.plan_rows = child->plan_rows;
	sort->plan.plan_width = child->plan_width;
	sort->plan.startup_cost = child->total_cost + SortCost(child->plan_rows) +
		(enable_sort ? 0.0 : kDisableCost);
	sort->plan.total_cost = sort->plan.startup_cost + kCpuOperatorCost * child->plan_rows;
	return &sort->plan;
}

/* A MergeJoin over the two sides, each sorted on its merge keys; each
 * merge clause with its outer side first (commuted if written the other
 * way). */
Plan *CreateMergeJoinPlan(PlannerInfo *root, JoinPath *jp)
{
	MergeJoin *join = makeNode(MergeJoin);
	join->join.jointype = jp->jointype;
	join->join.joinqual = jp->joinquals;
	join->join.plan.qual = jp->otherquals;
	Plan *outer = CreatePlan(root, jp->outerjoinpath);
	Plan *inner = CreatePlan(root, jp->innerjoinpath);
	List *outer_keys = NIL;
	List *inner_keys = NIL;
	ListCell *lc;
	foreach (lc, jp->mergeclauses)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		OpExpr *op = OuterSideFirst(ri, jp->outerjoinpath->parent->relids);
		join->mergeclauses = lappend(join->mergeclauses, op);
		join->mergeFamilies = lappend_oid(join->mergeFamilies, ri->mergeopfamily);
		join->mergeCollations = lappend_oid(join->mergeCollations, op->inputcollid);
		join->mergeStrategies = lappend_int(join->mergeStrategies, BTLessStrategyNumber);
		join->mergeNullsFirst = lappend_int(join->mergeNullsFirst, false);
		outer_keys = lappend(outer_keys, linitial(op->args));
		inner_keys = lappend(inner_keys, lsecond(op->args));
	}
	join->join.plan.lefttree = MakeKeySort(outer, outer_keys, join->mergeFamilies);
	join->join.plan.righttree = MakeKeySort(inner, inner_keys, join->mergeFamilies);
	return &join->join.plan;
}

/* A HashAggregate grouping the subpath's rows on the unique path's
 * columns, which are all the columns it outputs. */
Plan *CreateUniquePlan(PlannerInfo *root, UniquePath *up)
{
	Plan *sub = CreatePlan(root, up->subpath);
	Agg *agg = makeNode(Agg);
	agg->aggstrategy = AGG_HASHED;
	ListCell *e;
	ListCell *o;
	forboth(e, up->uniq_exprs, o, up->uniq_eqops)
	{
		Node *expr = static_cast<Node *>(lfirst(e));
		TargetEntry *found = nullptr;
		ListCell *t;
		foreach (t, sub->targetlist)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(t));
			if (equal(tle->expr, expr))
				found = tle;
		}
		if (found == nullptr)
			elog(ERROR, "unique column not found in the semi join's input");
		agg->grpColIdx = lappend_int(agg->grpColIdx, found->resno);
		agg->grpOperators = lappend_oid(agg->grpOperators, lfirst_oid(o));
		agg->grpCollations = lappend_oid(agg->grpCollations, exprCollation(expr));
		agg->numCols++;
	}
	if (agg->numCols != list_length(sub->targetlist))
		elog(ERROR, "semi join input has columns it is not made unique on");
	agg->plan.targetlist = copyObject(sub->targetlist);
	agg->plan.lefttree = sub;
	agg->numGroups = up->path.rows;
	CopyPathCosts(&agg->plan, &up->path, sub->plan_width);
	return &agg->plan;
}

Plan *CreatePlan(PlannerInfo *root, Path *path)
{
	check_stack_depth();
	RelOptInfo *rel = path->parent;
	Plan *plan = nullptr;
	switch (path->pathtype)
	{
		case PATH_SEQSCAN:
		{
			SeqScan *scan = makeNode(SeqScan);
			scan->scan.scanrelid = rel->relid;
			scan->scan.plan.qual = RestrictClauses(rel->baserestrictinfo);
			plan = &scan->scan.plan;
			break;
		}
		case PATH_INDEXSCAN:
		{
			auto *ip = reinterpret_cast<IndexPath *>(path);
			IndexScan *scan = makeNode(IndexScan);
			scan->scan.scanrelid = rel->relid;
			scan->indexid = ip->indexoid;
			scan->indexqual = ip->indexquals;
			scan->indexqualorig = IndexColumnFirst(ip->indexquals, ip->indexqualorig, rel->relid);
			scan->indexorderdir = ip->indexscandir;
			scan->scan.plan.qual = ip->otherquals;
			plan = &scan->scan.plan;
			break;
		}
		case PATH_VALUESSCAN:
		{
			ValuesScan *scan = makeNode(ValuesScan);
			scan->scan.scanrelid = rel->relid;
			scan->values_lists = Rte(root, static_cast<int>(rel->relid))->values_lists;
			scan->scan.plan.qual = RestrictClauses(rel->baserestrictinfo);
			plan = &scan->scan.plan;
			break;
		}
		case PATH_FUNCTIONSCAN:
		{
			RangeTblEntry *rte = Rte(root, static_cast<int>(rel->relid));
			FunctionScan *scan = makeNode(FunctionScan);
			scan->scan.scanrelid = rel->relid;
			scan->functions = rel->lateral_functions != NIL ? rel->lateral_functions
															: rte->functions;
			scan->funcordinality = rte->funcordinality;
			scan->scan.plan.qual = RestrictClauses(rel->baserestrictinfo);
			plan = &scan->scan.plan;
			break;
		}
		case PATH_SUBQUERYSCAN:
		{
			SubqueryScan *scan = makeNode(SubqueryScan);
			scan->scan.scanrelid = rel->relid;
			scan->subplan = rel->subplan;
			scan->scan.plan.qual = RestrictClauses(rel->baserestrictinfo);
			plan = &scan->scan.plan;
			break;
		}
		case PATH_CTESCAN:
		{
			CteScan *scan = makeNode(CteScan);
			scan->scan.scanrelid = rel->relid;
			scan->ctePlanId = rel->cte_plan_id;
			scan->cteParam = -1;
			scan->scan.plan.qual = RestrictClauses(rel->baserestrictinfo);
			plan = &scan->scan.plan;
			break;
		}
		case PATH_WORKTABLESCAN:
		{
			WorkTableScan *scan = makeNode(WorkTableScan);
			scan->scan.scanrelid = rel->relid;
			scan->wtParam = WorkTableRoot(root, Rte(root, static_cast<int>(rel->relid)))
								->wt_param_id;
			scan->scan.plan.qual = RestrictClauses(rel->baserestrictinfo);
			plan = &scan->scan.plan;
			break;
		}
		case PATH_NESTLOOP:
		{
			auto *jp = reinterpret_cast<JoinPath *>(path);
			NestLoop *join = makeNode(NestLoop);
			join->join.jointype = jp->jointype;
			join->join.joinqual = jp->jointype == JOIN_SEMI ? SemiJoinQualsOuterFirst(jp)
															: jp->joinquals;
			join->join.plan.qual = jp->otherquals;
			join->nestParams = copyObject(jp->innerjoinpath->nestparams);
			join->join.plan.lefttree = CreatePlan(root, jp->outerjoinpath);
			join->join.plan.righttree = CreatePlan(root, jp->innerjoinpath);
			plan = &join->join.plan;
			break;
		}
		case PATH_HASHJOIN:
			plan = CreateHashJoinPlan(root, reinterpret_cast<JoinPath *>(path));
			break;
		case PATH_MERGEJOIN:
			plan = CreateMergeJoinPlan(root, reinterpret_cast<JoinPath *>(path));
			break;
		case PATH_UNIQUE:
			return CreateUniquePlan(root, reinterpret_cast<UniquePath *>(path));
		case PATH_MATERIAL:
		{
			Material *mat = makeNode(Material);
			Plan *sub = CreatePlan(root, reinterpret_cast<MaterialPath *>(path)->subpath);
			mat->plan.lefttree = sub;
			mat->plan.targetlist = copyObject(sub->targetlist);
			CopyPathCosts(&mat->plan, path, rel->width);
			return &mat->plan;
		}
		default:
			elog(ERROR, "unexpected path type %d", static_cast<int>(path->pathtype));
	}
	plan->targetlist = BuildRelTarget(root, rel->relids);
	CopyPathCosts(plan, path, rel->width);
	return plan;
}

}  // namespace

List *PullVars(Node *node)
{
	List *vars = NIL;
	PullVarsWalker(node, &vars);
	return vars;
}

Relids PullVarnos(Node *node)
{
	Relids relids = nullptr;
	PullVarnosWalker(node, &relids);
	return relids;
}

namespace {

/* Whether quals placed at relids sit on the nullable side of an outer
 * join, or on the right-hand side of an anti join (where a false one
 * means every left-hand row is kept, not none). */
bool BelowOuterJoin(PlannerInfo *root, Relids relids)
{
	ListCell *lc;
	foreach (lc, root->outer_joins)
	{
		auto *oj = static_cast<OuterJoinInfo *>(lfirst(lc));
		if (bms_is_subset(relids, oj->min_righthand) ||
			(oj->jointype == JOIN_FULL && bms_is_subset(relids, oj->min_lefthand)))
			return true;
	}
	foreach (lc, root->semi_joins)
	{
		auto *sj = static_cast<SemiJoinInfo *>(lfirst(lc));
		if (sj->jointype == JOIN_ANTI && bms_is_subset(relids, sj->syn_righthand))
			return true;
	}
	return false;
}

/* The pseudo-constant quals of WHERE and inner joins — no column of this
 * level, no volatile function — taken out of root->restrictinfos: they
 * are evaluated once, above the whole join, as PostgreSQL evaluates its
 * gating quals.  (Below an outer join they stay where they are.) */
List *TakeGatingQuals(PlannerInfo *root)
{
	List *gating = NIL;
	List *keep = NIL;
	ListCell *lc;
	foreach (lc, root->restrictinfos)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		if (ri->outer_join_relids == nullptr && bms_is_empty(ri->clause_relids) &&
			!contain_volatile_functions(reinterpret_cast<Node *>(ri->clause)) &&
			!BelowOuterJoin(root, ri->required_relids))
		{
			ri->pseudoconstant = true;
			gating = lappend(gating, ri->clause);
		}
		else
			keep = lappend(keep, ri);
	}
	root->restrictinfos = keep;
	return gating;
}

bool IsConstantFalse(List *quals)
{
	ListCell *lc;
	foreach (lc, quals)
	{
		Node *q = static_cast<Node *>(lfirst(lc));
		if (IsA(q, Const) &&
			(reinterpret_cast<Const *>(q)->constisnull ||
			 !DatumGetBool(reinterpret_cast<Const *>(q)->constvalue)))
			return true;
	}
	return false;
}

/* A Result computing targetlist whose One-Time Filter is quals, over
 * child (or over nothing). */
Plan *MakeGatingResult(List *targetlist, List *quals, Plan *child)
{
	Result *result = makeNode(Result);
	result->plan.targetlist = targetlist;
	result->plan.lefttree = child;
	result->resconstantqual = reinterpret_cast<Node *>(quals);
	if (child != nullptr)
	{
		result->plan.startup_cost = child->startup_cost;
		result->plan.total_cost = child->total_cost;
		result->plan.plan_rows = child->plan_rows;
		result->plan.plan_width = child->plan_width;
	}
	return &result->plan;
}

}  // namespace

Plan *QueryPlanner(PlannerInfo *root, List *tlist_exprs)
{
	Query *parse = root->parse;
	if (parse->jointree == nullptr || parse->jointree->fromlist == NIL)
		return nullptr;
	root->simple_rel_array_size = list_length(parse->rtable) + 1;
	root->simple_rel_array = static_cast<RelOptInfo **>(
		palloc0(sizeof(RelOptInfo *) * root->simple_rel_array_size));
	List *subquery_rels = NIL;
	AddBaseRels(root, reinterpret_cast<Node *>(parse->jointree), &subquery_rels);
	for (int i = 1; i < root->simple_rel_array_size; i++)
		if (RelOptInfo *rel = root->simple_rel_array[i];
			rel != nullptr && rel->rtekind == RTE_RELATION)
			root->total_table_pages += rel->pages;
	List *ojs = NIL;
	Relids all_relids = DeconstructJoinTree(root, reinterpret_cast<Node *>(parse->jointree), &ojs);
	List *gating = TakeGatingQuals(root);
	/* Subqueries in FROM are planned now that the conditions on them are
	 * known: those a subquery can check itself are pushed into it. */
	ListCell *lc;
	foreach (lc, subquery_rels)
		PlanSubqueryRel(root, static_cast<RelOptInfo *>(lfirst(lc)));
	/* Where each column is needed: the output (relid 0) and each qual's
	 * evaluation place. */
	MarkNeeded(root, reinterpret_cast<Node *>(tlist_exprs), bms_make_singleton(0));
	foreach (lc, root->restrictinfos)
	{
		auto *ri = static_cast<RestrictInfo *>(lfirst(lc));
		MarkNeeded(root, reinterpret_cast<Node *>(ri->clause), ri->required_relids);
	}
	/* A LATERAL item's outer columns: needed until the nested loop that
	 * passes them to it. */
	for (int i = 1; i < root->simple_rel_array_size; i++)
	{
		RelOptInfo *rel = root->simple_rel_array[i];
		if (rel == nullptr || rel->lateral_params == NIL)
			continue;
		foreach (lc, rel->lateral_params)
			MarkNeeded(root,
					   reinterpret_cast<Node *>(static_cast<NestLoopParam *>(lfirst(lc))->paramval),
					   bms_union(rel->relids, rel->lateral_relids));
	}
	/* Constantly false (or NULL): no rows, nothing to scan — PostgreSQL's
	 * dummy relation, a Result with "One-Time Filter: false". */
	if (IsConstantFalse(gating))
		return MakeGatingResult(BuildRelTarget(root, all_relids),
								list_make1(makeBoolConst(false, false)), nullptr);
	for (int i = 1; i < root->simple_rel_array_size; i++)
		if (root->simple_rel_array[i] != nullptr)
			SetBaseRelPaths(root, root->simple_rel_array[i]);
	RelOptInfo *top = PlanJoinNode(root, reinterpret_cast<Node *>(parse->jointree));
	Path *best = root->tuple_fraction > 0.0 && root->tuple_fraction < 1.0
		? top->cheapest_startup_path
		: top->cheapest_total_path;
	if (root->tuple_fraction >= 1.0 && top->cheapest_startup_path != nullptr)
	{
		/* A few rows wanted (LIMIT n): the path cheapest for those. */
		auto fraction_cost = [&](Path *p) {
			double f = std::min(1.0, root->tuple_fraction / std::max(p->rows, 1.0));
			return p->startup_cost + f * (p->total_cost - p->startup_cost);
		};
		best = top->cheapest_total_path;
		ListCell *pc;
		foreach (pc, top->pathlist)
		{
			Path *p = static_cast<Path *>(lfirst(pc));
			if (fraction_cost(p) < fraction_cost(best))
				best = p;
		}
	}
	Plan *plan = CreatePlan(root, best);
	if (gating != NIL)
		plan = MakeGatingResult(copyObject(plan->targetlist), gating, plan);
	return plan;
}

}  // namespace tusk::optimizer
