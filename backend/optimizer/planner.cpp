/*
 * planner.cpp — from an analyzed Query to a PlannedStmt
 * (PostgreSQL's planner.c and prepunion.c, reduced).
 *
 * Principal entry point: planner.
 *
 * planner() plans the statement's top query level with SubqueryPlanner,
 * which each subquery (in FROM, in an expression, a set operation's
 * operand, an inlined WITH query) goes through too:
 *   - WITH queries are inlined as subqueries in FROM (PostgreSQL 12+
 *     does so for a query referenced once, or marked NOT MATERIALIZED);
 *   - sublinks of WHERE become semi and anti joins, and simple
 *     subqueries in FROM (views too) are merged into the query
 *     (prepjointree.cpp);
 *   - expressions are preprocessed (clauses.cpp: constants folded;
 *     subselect.cpp: sublinks become SubPlans, outer references
 *     PARAM_EXEC Params);
 *   - a set operation is the Append of its operands' plans, then Sort and
 *     Unique (UNION) or SetOp (INTERSECT, EXCEPT);
 *   - otherwise QueryPlanner (joinplan.cpp) plans FROM and WHERE, and the
 *     upper part is added here: Sort and Agg for GROUP BY and aggregates,
 *     Sort and Unique for DISTINCT, Sort for ORDER BY, Limit, and
 *     ModifyTable for INSERT, UPDATE and DELETE.
 * Finally setrefs.cpp points every Var at its input's columns.
 */
#include "postgres.h"

#include <cmath>
#include <algorithm>
#include <functional>
#include <string>

#include "access/htup_details.h"
#include "catalog/pg_type_d.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/cost.h"
#include "optimizer/optimizer.h"
#include "optimizer/paths.h"
#include "optimizer/planner.h"
#include "planner_int.h"
#include "rewrite/rewriteManip.h"
#include "utils/lsyscache.h"

namespace tusk::optimizer {

namespace {

/* Number the Aggrefs of an Agg node's expressions; equal calls share a
 * number (computed once). */
bool NumberAggrefs(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Aggref))
	{
		auto *seen = static_cast<List **>(arg);
		Aggref *agg = reinterpret_cast<Aggref *>(node);
		agg->aggno = -1;
		ListCell *lc;
		foreach (lc, *seen)
		{
			Aggref *other = static_cast<Aggref *>(lfirst(lc));
			int saved = other->aggno;
			other->aggno = -1;
			bool same = equal(other, agg);
			other->aggno = saved;
			if (same)
			{
				agg->aggno = saved;
				return false;
			}
		}
		agg->aggno = list_length(*seen);
		*seen = lappend(*seen, agg);
		return false;
	}
	return node_children_walker(node, NumberAggrefs, arg);
}

TargetEntry *FindSortGroupTle(Index ref, List *tlist)
{
	ListCell *lc;
	foreach (lc, tlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->ressortgroupref == ref)
			return tle;
	}
	elog(ERROR, "ORDER/GROUP BY expression not found in targetlist");
}

void CopyCosts(Plan *plan, const Plan *from)
{
	plan->startup_cost = from->startup_cost;
	plan->total_cost = from->total_cost;
	plan->plan_rows = from->plan_rows;
	plan->plan_width = from->plan_width;
}

/* The columns of tlist that clauses name, with their "=" operators and
 * collations: the grouping columns of an Agg, Unique or SetOp. */
struct GroupColumns
{
	List *idx = NIL;
	List *eqops = NIL;
	List *collations = NIL;
	int n = 0;
};

GroupColumns ExtractGroupColumns(List *clauses, List *tlist)
{
	GroupColumns g;
	ListCell *lc;
	foreach (lc, clauses)
	{
		auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		TargetEntry *tle = FindSortGroupTle(sgc->tleSortGroupRef, tlist);
		g.idx = lappend_int(g.idx, tle->resno);
		g.eqops = lappend_oid(g.eqops, sgc->eqop);
		g.collations = lappend_oid(g.collations,
								   exprCollation(reinterpret_cast<Node *>(tle->expr)));
		g.n++;
	}
	return g;
}

/* A Sort of lefttree's rows on clauses (SortGroupClauses naming entries
 * of lefttree's targetlist). */
Plan *MakeSort(Plan *lefttree, List *clauses)
{
	Sort *sort = makeNode(Sort);
	ListCell *lc;
	foreach (lc, clauses)
	{
		auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		TargetEntry *tle = FindSortGroupTle(sgc->tleSortGroupRef, lefttree->targetlist);
		sort->sortColIdx = lappend_int(sort->sortColIdx, tle->resno);
		sort->sortOperators = lappend_oid(sort->sortOperators, sgc->sortop);
		sort->collations = lappend_oid(sort->collations,
									   exprCollation(reinterpret_cast<Node *>(tle->expr)));
		sort->nullsFirst = lappend_int(sort->nullsFirst, sgc->nulls_first);
		sort->numCols++;
	}
	sort->plan.targetlist = copyObject(lefttree->targetlist);
	sort->plan.lefttree = lefttree;
	CopyCosts(&sort->plan, lefttree);
	sort->plan.startup_cost = lefttree->total_cost + SortCost(lefttree->plan_rows);
	sort->plan.total_cost = sort->plan.startup_cost + kCpuOperatorCost * lefttree->plan_rows;
	if (!enable_sort)
		AddDisableCost(&sort->plan.startup_cost, &sort->plan.total_cost);
	return &sort->plan;
}

/* Whether rows sorted on `have` are also sorted on `want`. */
bool SortSatisfies(List *have, List *want)
{
	if (list_length(want) > list_length(have))
		return false;
	ListCell *h;
	ListCell *w;
	forboth(h, have, w, want)
	{
		auto *a = static_cast<SortGroupClause *>(lfirst(h));
		auto *b = static_cast<SortGroupClause *>(lfirst(w));
		if (a->tleSortGroupRef != b->tleSortGroupRef || a->sortop != b->sortop ||
			a->nulls_first != b->nulls_first)
			return false;
	}
	return true;
}

Plan *MakeUnique(Plan *lefttree, List *clauses)
{
	Unique *u = makeNode(Unique);
	GroupColumns g = ExtractGroupColumns(clauses, lefttree->targetlist);
	u->uniqColIdx = g.idx;
	u->uniqOperators = g.eqops;
	u->uniqCollations = g.collations;
	u->numCols = g.n;
	u->plan.targetlist = copyObject(lefttree->targetlist);
	u->plan.lefttree = lefttree;
	CopyCosts(&u->plan, lefttree);
	u->plan.total_cost += kCpuOperatorCost * lefttree->plan_rows * u->numCols;
	u->plan.plan_rows = std::max(1.0, std::rint(lefttree->plan_rows / 10));
	return &u->plan;
}

Plan *MakeLimit(Query *parse, Plan *lefttree)
{
	Limit *limit = makeNode(Limit);
	limit->limitOffset = parse->limitOffset;
	limit->limitCount = parse->limitCount;
	limit->limitOption = parse->limitOption;
	if (parse->limitOption == LIMIT_OPTION_WITH_TIES)
	{
		/* The rows tied with the last one counted, on ORDER BY's columns. */
		GroupColumns g = ExtractGroupColumns(parse->sortClause, lefttree->targetlist);
		limit->uniqNumCols = g.n;
		limit->uniqColIdx = g.idx;
		limit->uniqOperators = g.eqops;
		limit->uniqCollations = g.collations;
	}
	limit->plan.targetlist = copyObject(lefttree->targetlist);
	limit->plan.lefttree = lefttree;
	CopyCosts(&limit->plan, lefttree);
	if (parse->limitCount != nullptr && IsA(parse->limitCount, Const) &&
		!reinterpret_cast<Const *>(parse->limitCount)->constisnull)
	{
		double n = static_cast<double>(
			DatumGetInt64(reinterpret_cast<Const *>(parse->limitCount)->constvalue));
		if (n < lefttree->plan_rows && lefttree->plan_rows > 0)
		{
			limit->plan.total_cost = lefttree->startup_cost +
				(lefttree->total_cost - lefttree->startup_cost) * n / lefttree->plan_rows;
			limit->plan.plan_rows = n;
		}
	}
	return &limit->plan;
}

/* The junk column "ctid<rti>": the ctid of range-table entry rti's row. */
void AddCtidJunk(Query *parse, Index rti)
{
	char name[32];
	snprintf(name, sizeof(name), "ctid%u", rti);
	Var *ctid = makeVar(static_cast<int>(rti), SelfItemPointerAttributeNumber, TIDOID, -1,
						InvalidOid, 0);
	parse->targetList = lappend(parse->targetList,
								makeTargetEntry(reinterpret_cast<Expr *>(ctid),
												static_cast<AttrNumber>(
													list_length(parse->targetList) + 1),
												pstrdup(name), true));
}

/*
 * SELECT … FOR UPDATE: a PlanRowMark per locked table, whose rows' ctids
 * the plan outputs as junk columns "ctid<rti>" (appended to the query's
 * target list, before planning, so the scan/join provides them).
 */
List *PreprocessRowMarks(Query *parse)
{
	List *rowmarks = NIL;
	ListCell *lc;
	foreach (lc, parse->rowMarks)
	{
		auto *rc = static_cast<RowMarkClause *>(lfirst(lc));
		PlanRowMark *prm = makeNode(PlanRowMark);
		prm->rti = prm->prti = prm->rowmarkId = rc->rti;
		switch (rc->strength)
		{
			case LCS_FORUPDATE:
				prm->markType = ROW_MARK_EXCLUSIVE;
				break;
			case LCS_FORNOKEYUPDATE:
				prm->markType = ROW_MARK_NOKEYEXCLUSIVE;
				break;
			case LCS_FORSHARE:
				prm->markType = ROW_MARK_SHARE;
				break;
			case LCS_FORKEYSHARE:
			case LCS_NONE:
				prm->markType = ROW_MARK_KEYSHARE;
				break;
		}
		prm->allMarkTypes = 1 << prm->markType;
		prm->strength = rc->strength;
		prm->waitPolicy = rc->waitPolicy;
		rowmarks = lappend(rowmarks, prm);
		AddCtidJunk(parse, rc->rti);
	}
	return rowmarks;
}

/*
 * UPDATE/DELETE with other tables in FROM/USING: each gets a
 * ROW_MARK_REFERENCE mark and its ctid as a junk column, so that
 * EvalPlanQual re-joins the target row's newest version with exactly the
 * rows it was joined with (PostgreSQL's preprocess_rowmarks).
 */
List *ReferenceRowMarks(Query *parse)
{
	List *rowmarks = NIL;
	Index rti = 0;
	ListCell *lc;
	foreach (lc, parse->rtable)
	{
		auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
		rti++;
		if (rte->rtekind != RTE_RELATION || !rte->inFromCl ||
			rti == static_cast<Index>(parse->resultRelation))
			continue;
		PlanRowMark *prm = makeNode(PlanRowMark);
		prm->rti = prm->prti = prm->rowmarkId = rti;
		prm->markType = ROW_MARK_REFERENCE;
		prm->allMarkTypes = 1 << ROW_MARK_REFERENCE;
		prm->strength = LCS_NONE;
		prm->waitPolicy = LockWaitBlock;
		rowmarks = lappend(rowmarks, prm);
		AddCtidJunk(parse, rti);
	}
	return rowmarks;
}

/* LockRows above lefttree: locks each row it passes up (cost as
 * PostgreSQL's: a tuple's CPU cost per row). */
Plan *MakeLockRows(Plan *lefttree, List *rowmarks)
{
	LockRows *lr = makeNode(LockRows);
	lr->rowMarks = rowmarks;
	lr->plan.targetlist = copyObject(lefttree->targetlist);
	lr->plan.lefttree = lefttree;
	CopyCosts(&lr->plan, lefttree);
	lr->plan.total_cost += kCpuTupleCost * lefttree->plan_rows;
	return &lr->plan;
}

/* A Result computing tlist from no input, if quals (constant) hold. */
Plan *MakeResult(List *tlist, List *quals, Plan *lefttree)
{
	Result *result = makeNode(Result);
	result->plan.targetlist = tlist;
	result->plan.lefttree = lefttree;
	if (lefttree == nullptr)
	{
		result->resconstantqual = reinterpret_cast<Node *>(quals);
		result->plan.plan_rows = 1;
		result->plan.total_cost = kCpuTupleCost;
	}
	else
	{
		result->plan.qual = quals;
		CopyCosts(&result->plan, lefttree);
	}
	return &result->plan;
}

/* Whether plan's node can compute a new targetlist itself. */
bool CanProject(Plan *plan)
{
	switch (nodeTag(plan))
	{
		case T_Sort:
		case T_Material:
		case T_Unique:
		case T_Limit:
		case T_SetOp:
		case T_Append:
		case T_LockRows:
			return false;
		default:
			return true;
	}
}

Plan *ApplyTargetList(Plan *plan, List *tlist)
{
	if (CanProject(plan))
	{
		plan->targetlist = tlist;
		return plan;
	}
	return MakeResult(tlist, NIL, plan);
}

/* ---- WITH ---- */

/* The planner level owning the WITH query an RTE_CTE entry names, and
 * the query's position in its cteList. */
PlannerInfo *CteOwner(PlannerInfo *root, RangeTblEntry *rte, int *index)
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
		{
			*index = foreach_current_index(lc);
			return owner;
		}
	}
	elog(ERROR, "could not find CTE \"%s\"", rte->ctename);
}

/* WITH queries: each one that must run once (data-modifying, MATERIALIZED,
 * referenced more than once, or volatile) is planned as a subplan whose
 * rows CteScans share; the others are inlined at their (single)
 * reference as subqueries in FROM, PostgreSQL 12+'s rule. */
void ProcessCtes(PlannerInfo *root)
{
	Query *parse = root->parse;
	ListCell *lc;
	foreach (lc, parse->cteList)
	{
		auto *cte = static_cast<CommonTableExpr *>(lfirst(lc));
		Query *cteq = castNode(Query, cte->ctequery);
		bool modifies = cteq->commandType != CMD_SELECT;
		/* A recursive query is never inlined (nor is its reference to
		 * itself a reference). */
		bool inline_it = !modifies && !cte->cterecursive &&
			(cte->ctematerialized == CTEMaterializeNever ||
			 (cte->ctematerialized == CTEMaterializeDefault && cte->cterefcount == 1)) &&
			!contain_volatile_functions(reinterpret_cast<Node *>(cteq));
		if (inline_it || (!modifies && !cte->cterecursive && cte->cterefcount == 0))
		{
			root->cte_plan_ids = lappend_int(root->cte_plan_ids, 0);
			continue;
		}
		PlannerInfo *subroot = nullptr;
		Plan *plan = SubqueryPlanner(root->glob, copyObject(cteq), root, &subroot, 0.0,
									 cte->cterecursive);
		root->glob->subplans = lappend(root->glob->subplans, plan);
		root->glob->subroots = lappend(root->glob->subroots, subroot);
		root->cte_plan_ids = lappend_int(root->cte_plan_ids, list_length(root->glob->subplans));
	}
	InlineCteReferences(root);
}

}  // namespace

/* This level's references to inlined WITH queries become subqueries
 * (again after sublinks pulled up brought more into this level). */
bool InlineCteReferences(PlannerInfo *root)
{
	bool changed = false;
	ListCell *lc;
	foreach (lc, root->parse->rtable)
	{
		auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
		if (rte->rtekind != RTE_CTE || rte->self_reference)
			continue;
		int index;
		PlannerInfo *owner = CteOwner(root, rte, &index);
		if (list_nth_int(owner->cte_plan_ids, index) != 0)
			continue;
		auto *cte = static_cast<CommonTableExpr *>(list_nth(owner->parse->cteList, index));
		Query *sub = copyObject(castNode(Query, cte->ctequery));
		if (rte->ctelevelsup > 0)
		{
			/* References outside the WITH query now cross more levels. */
			IncrementVarSublevelsUp(reinterpret_cast<Node *>(sub),
									static_cast<int>(rte->ctelevelsup), 0);
		}
		rte->rtekind = RTE_SUBQUERY;
		rte->subquery = sub;
		rte->ctename = nullptr;
		rte->ctelevelsup = 0;
		changed = true;
	}
	return changed;
}

namespace {

/* ---- set operations ---- */

Plan *PlanSetOpTree(PlannerInfo *root, Node *node, List *names);

/* The rows of one operand: its subquery's plan under a SubqueryScan
 * whose columns carry the set operation's names. */
Plan *PlanSetOpLeaf(PlannerInfo *root, int rtindex, List *names)
{
	RangeTblEntry *rte = static_cast<RangeTblEntry *>(list_nth(root->parse->rtable, rtindex - 1));
	PlannerInfo *subroot = nullptr;
	Plan *subplan = SubqueryPlanner(root->glob, rte->subquery, root, &subroot, 0.0);
	root->glob->subqscan_plans = lappend(root->glob->subqscan_plans, subplan);
	root->glob->subqscan_roots = lappend(root->glob->subqscan_roots, subroot);
	SubqueryScan *scan = makeNode(SubqueryScan);
	scan->scan.scanrelid = static_cast<Index>(rtindex);
	scan->subplan = subplan;
	int attno = 0;
	ListCell *lc;
	foreach (lc, subplan->targetlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk)
			continue;
		attno++;
		Node *expr = reinterpret_cast<Node *>(tle->expr);
		Var *var = makeVar(rtindex, static_cast<AttrNumber>(attno), exprType(expr),
						   exprTypmod(expr), exprCollation(expr), 0);
		char *name = attno <= list_length(names) ? static_cast<char *>(list_nth(names, attno - 1))
												 : nullptr;
		scan->scan.plan.targetlist = lappend(scan->scan.plan.targetlist,
											 makeTargetEntry(reinterpret_cast<Expr *>(var),
															 static_cast<AttrNumber>(attno), name,
															 false));
	}
	CopyCosts(&scan->scan.plan, subplan);
	return &scan->scan.plan;
}

/* The operands of a chain of the same UNION [ALL]. */
void CollectUnionInputs(PlannerInfo *root, Node *node, SetOperationStmt *top, List *names,
						List **plans)
{
	if (IsA(node, SetOperationStmt))
	{
		auto *op = reinterpret_cast<SetOperationStmt *>(node);
		if (op->op == SETOP_UNION && (op->all == top->all || !top->all))
		{
			/* A UNION ALL below a UNION is absorbed: duplicates go anyway. */
			CollectUnionInputs(root, op->larg, top, names, plans);
			CollectUnionInputs(root, op->rarg, top, names, plans);
			return;
		}
	}
	*plans = lappend(*plans, PlanSetOpTree(root, node, names));
}

/* A Const column of value flag, appended to plan's output. */
Plan *AddFlagColumn(Plan *plan, int flag)
{
	List *tlist = copyObject(plan->targetlist);
	Const *c = makeNode(Const);
	c->consttype = INT4OID;
	c->consttypmod = -1;
	c->constlen = 4;
	c->constbyval = true;
	c->constvalue = Int32GetDatum(flag);
	c->location = -1;
	tlist = lappend(tlist,
					makeTargetEntry(reinterpret_cast<Expr *>(c),
									static_cast<AttrNumber>(list_length(tlist) + 1),
									pstrdup("flag"), true));
	return ApplyTargetList(plan, tlist);
}

/* The SortGroupClauses of op's columns, pointing at entries 1..n of
 * tlist (whose ressortgrouprefs are set to match). */
List *NumberSetOpColumns(SetOperationStmt *op, List *tlist)
{
	List *clauses = NIL;
	ListCell *lc;
	int i = 0;
	foreach (lc, op->groupClauses)
	{
		auto *sgc = copyObject(static_cast<SortGroupClause *>(lfirst(lc)));
		auto *tle = static_cast<TargetEntry *>(list_nth(tlist, i));
		tle->ressortgroupref = static_cast<Index>(++i);
		sgc->tleSortGroupRef = tle->ressortgroupref;
		clauses = lappend(clauses, sgc);
	}
	return clauses;
}

Plan *MakeAppend(List *plans)
{
	Append *append = makeNode(Append);
	append->appendplans = plans;
	Plan *first = static_cast<Plan *>(linitial(plans));
	append->plan.targetlist = copyObject(first->targetlist);
	ListCell *lc;
	foreach (lc, plans)
	{
		Plan *p = static_cast<Plan *>(lfirst(lc));
		append->plan.total_cost += p->total_cost;
		append->plan.plan_rows += p->plan_rows;
		append->plan.plan_width = std::max(append->plan.plan_width, p->plan_width);
	}
	append->plan.startup_cost = first->startup_cost;
	return &append->plan;
}

/* Whether node (of root's set operation) is all UNION ALL over operands
 * whose column types are the operation's: PostgreSQL plans such a query
 * as an append relation (flatten_simple_union_all). */
bool IsSimpleUnionAll(PlannerInfo *root, Node *node, List *coltypes)
{
	if (IsA(node, RangeTblRef))
	{
		auto *rte = static_cast<RangeTblEntry *>(
			list_nth(root->parse->rtable, reinterpret_cast<RangeTblRef *>(node)->rtindex - 1));
		ListCell *tc = list_head(coltypes);
		ListCell *lc;
		foreach (lc, rte->subquery->targetList)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(lc));
			if (tle->resjunk)
				continue;
			if (tc == nullptr || exprType(reinterpret_cast<Node *>(tle->expr)) != lfirst_oid(tc))
				return false;
			tc = lnext(coltypes, tc);
		}
		return tc == nullptr;
	}
	auto *op = castNode(SetOperationStmt, node);
	return op->op == SETOP_UNION && op->all && IsSimpleUnionAll(root, op->larg, coltypes) &&
		IsSimpleUnionAll(root, op->rarg, coltypes);
}

/* An operand planned as no rows: a SubqueryScan over a Result without
 * input whose One-Time Filter is constantly false. */
bool IsDummyOperand(Plan *plan)
{
	if (!IsA(plan, SubqueryScan))
		return false;
	Plan *sub = reinterpret_cast<SubqueryScan *>(plan)->subplan;
	if (!IsA(sub, Result) || sub->lefttree != nullptr)
		return false;
	Node *qual = reinterpret_cast<Result *>(sub)->resconstantqual;
	ListCell *lc;
	foreach (lc, MakeAndList(qual))
	{
		Node *q = static_cast<Node *>(lfirst(lc));
		if (IsA(q, Const) &&
			(reinterpret_cast<Const *>(q)->constisnull ||
			 !DatumGetBool(reinterpret_cast<Const *>(q)->constvalue)))
			return true;
	}
	return false;
}

Plan *PlanSetOpTree(PlannerInfo *root, Node *node, List *names)
{
	check_stack_depth();
	if (IsA(node, RangeTblRef))
		return PlanSetOpLeaf(root, reinterpret_cast<RangeTblRef *>(node)->rtindex, names);
	auto *op = castNode(SetOperationStmt, node);
	if (op->op == SETOP_UNION)
	{
		List *plans = NIL;
		CollectUnionInputs(root, op->larg, op, names, &plans);
		CollectUnionInputs(root, op->rarg, op, names, &plans);
		if (node == root->parse->setOperations && !root->hasRecursion &&
			IsSimpleUnionAll(root, node, op->colTypes))
		{
			/* An append relation in PostgreSQL: an operand that can have
			 * no rows is left out, and an Append of one operand is that
			 * operand (all of them left out: the first, a dummy). */
			List *live = NIL;
			ListCell *lc;
			foreach (lc, plans)
				if (!IsDummyOperand(static_cast<Plan *>(lfirst(lc))))
					live = lappend(live, lfirst(lc));
			if (live == NIL)
				live = list_make1(linitial(plans));
			if (list_length(live) == 1)
				return static_cast<Plan *>(linitial(live));
			plans = live;
		}
		Plan *plan = MakeAppend(plans);
		if (op->all)
			return plan;
		List *clauses = NumberSetOpColumns(op, plan->targetlist);
		return MakeUnique(MakeSort(plan, clauses), clauses);
	}
	Plan *left = AddFlagColumn(PlanSetOpTree(root, op->larg, names), 0);
	Plan *right = AddFlagColumn(PlanSetOpTree(root, op->rarg, names), 1);
	Plan *plan = MakeAppend(list_make2(left, right));
	List *clauses = NumberSetOpColumns(op, plan->targetlist);
	plan = MakeSort(plan, clauses);
	SetOp *setop = makeNode(SetOp);
	setop->cmd = op->op == SETOP_INTERSECT ? (op->all ? SETOPCMD_INTERSECT_ALL : SETOPCMD_INTERSECT)
										   : (op->all ? SETOPCMD_EXCEPT_ALL : SETOPCMD_EXCEPT);
	setop->strategy = SETOP_SORTED;
	GroupColumns g = ExtractGroupColumns(clauses, plan->targetlist);
	setop->dupColIdx = g.idx;
	setop->dupOperators = g.eqops;
	setop->dupCollations = g.collations;
	setop->numCols = g.n;
	ListCell *lc;
	setop->flagColIdx = static_cast<AttrNumber>(list_length(plan->targetlist));
	setop->firstFlag = 0;
	setop->plan.targetlist = copyObject(plan->targetlist);
	setop->plan.lefttree = plan;
	CopyCosts(&setop->plan, plan);
	/* The flag column goes: the result is the operands' columns. */
	List *tlist = NIL;
	foreach (lc, setop->plan.targetlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resno != setop->flagColIdx)
			tlist = lappend(tlist, copyObject(tle));
	}
	return MakeResult(tlist, NIL, &setop->plan);
}

/* A set-operation query: the operation, then ORDER BY and LIMIT over
 * its result, whose columns are the query's targetlist entries. */
Plan *PlanSetOperations(PlannerInfo *root)
{
	Query *parse = root->parse;
	List *names = NIL;
	ListCell *lc;
	foreach (lc, parse->targetList)
		names = lappend(names, static_cast<TargetEntry *>(lfirst(lc))->resname);
	Plan *plan = PlanSetOpTree(root, parse->setOperations, names);
	/* The query's targetlist, positionally, with its sort references. */
	List *tlist = NIL;
	int i = 0;
	foreach (lc, parse->targetList)
	{
		auto *qtle = static_cast<TargetEntry *>(lfirst(lc));
		auto *ptle = static_cast<TargetEntry *>(list_nth(plan->targetlist, i++));
		TargetEntry *tle = copyObject(ptle);
		tle->resname = qtle->resname;
		tle->ressortgroupref = qtle->ressortgroupref;
		tle->resjunk = false;
		tlist = lappend(tlist, tle);
	}
	plan->targetlist = tlist;
	if (parse->sortClause != NIL)
		plan = MakeSort(plan, parse->sortClause);
	return plan;
}

/* A recursive WITH query (PostgreSQL's generate_recursion_path): the
 * RecursiveUnion of its non-recursive term and its recursive term, whose
 * reference to the query is a WorkTableScan of the previous step's rows.
 * UNION drops duplicates through a hash table, so every column must be
 * hashable. */
Plan *PlanRecursiveUnion(PlannerInfo *root)
{
	Query *parse = root->parse;
	auto *op = castNode(SetOperationStmt, parse->setOperations);
	List *names = NIL;
	ListCell *lc;
	foreach (lc, parse->targetList)
		names = lappend(names, static_cast<TargetEntry *>(lfirst(lc))->resname);
	Plan *left = PlanSetOpTree(root, op->larg, names);
	root->non_recursive_rows = left->plan_rows;
	Plan *right = PlanSetOpTree(root, op->rarg, names);
	RecursiveUnion *ru = makeNode(RecursiveUnion);
	ru->wtParam = root->wt_param_id;
	List *tlist = NIL;
	int i = 0;
	foreach (lc, parse->targetList)
	{
		auto *qtle = static_cast<TargetEntry *>(lfirst(lc));
		TargetEntry *tle = copyObject(static_cast<TargetEntry *>(list_nth(left->targetlist, i)));
		i++;
		tle->resname = qtle->resname;
		tle->resjunk = false;
		tlist = lappend(tlist, tle);
	}
	ru->plan.targetlist = tlist;
	ru->plan.lefttree = left;
	ru->plan.righttree = right;
	if (!op->all)
	{
		List *clauses = NumberSetOpColumns(op, ru->plan.targetlist);
		foreach (lc, clauses)
		{
			auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
			RegProcedure lhs;
			RegProcedure rhs;
			if (!get_op_hash_functions(sgc->eqop, &lhs, &rhs))
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("could not implement recursive UNION"),
						errdetail("All column datatypes must be hashable."));
		}
		GroupColumns g = ExtractGroupColumns(clauses, ru->plan.targetlist);
		ru->dupColIdx = g.idx;
		ru->dupOperators = g.eqops;
		ru->dupCollations = g.collations;
		ru->numCols = g.n;
		foreach (lc, ru->plan.targetlist)
			static_cast<TargetEntry *>(lfirst(lc))->ressortgroupref = 0;
	}
	/* PostgreSQL's guess: ten steps of the recursive term. */
	ru->plan.startup_cost = left->startup_cost;
	ru->plan.total_cost = left->total_cost + 10 * right->total_cost;
	ru->plan.plan_rows = left->plan_rows + 10 * right->plan_rows;
	ru->plan.plan_width = std::max(left->plan_width, right->plan_width);
	ru->numGroups = ru->plan.plan_rows;
	return &ru->plan;
}

/* ---- the upper part of a plan ---- */

/* The expressions of GROUP BY or DISTINCT clauses, from tlist. */
List *GroupExprs(List *clauses, List *tlist)
{
	List *exprs = NIL;
	ListCell *lc;
	foreach (lc, clauses)
	{
		auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		exprs = lappend(exprs, FindSortGroupTle(sgc->tleSortGroupRef, tlist)->expr);
	}
	return exprs;
}

/* Whether an aggregate call needs its input sorted (DISTINCT or ORDER BY
 * inside the call): such aggregates cannot be hashed, as in PostgreSQL. */
bool HasOrderedAggs(Node *node, void *)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Aggref))
	{
		Aggref *agg = reinterpret_cast<Aggref *>(node);
		return agg->aggorder != NIL || agg->aggdistinct != NIL;
	}
	return node_children_walker(node, HasOrderedAggs, nullptr);
}

/* Whether every clause's "=" has hash support (grouping_is_hashable). */
bool GroupingIsHashable(List *clauses)
{
	ListCell *lc;
	foreach (lc, clauses)
	{
		auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		RegProcedure lhs;
		RegProcedure rhs;
		if (!OidIsValid(sgc->eqop) || !get_op_hash_functions(sgc->eqop, &lhs, &rhs))
			return false;
	}
	return true;
}

/* PostgreSQL's estimate of the memory a hash table of groups takes per
 * group (hash_agg_entry_size: the hash entry, the group's first row as a
 * minimal tuple, its per-aggregate states and their transition space),
 * and whether numGroups of them fit in work_mem × hash_mem_multiplier. */
bool HashTableFits(List *aggrefs, int input_width, double numGroups)
{
	constexpr double kChunkHeader = 16;		   /* palloc's chunk header */
	constexpr double kHashEntry = 24;		   /* TupleHashEntryData */
	constexpr double kMinimalTupleHeader = 16; /* MAXALIGN(SizeofMinimalTupleHeader) */
	constexpr double kPerGroupState = 16;	   /* AggStatePerGroupData */
	constexpr double kHashMemMultiplier = 2.0;
	double transition_space = 0;
	ListCell *lc;
	foreach (lc, aggrefs)
	{
		auto *agg = static_cast<Aggref *>(lfirst(lc));
		Oid transtype = agg->aggtranstype;
		int16 len;
		bool byval;
		get_typlenbyval(transtype, &len, &byval);
		if (byval)
			continue;
		/* Internal states: PostgreSQL's ALLOCSET_DEFAULT_INITSIZE. */
		int width = transtype == INTERNALOID ? 8192 : len > 0 ? len : 32;
		transition_space += MAXALIGN(width);
	}
	double entry = kHashEntry + kChunkHeader + kMinimalTupleHeader + MAXALIGN(input_width);
	if (aggrefs != NIL)
		entry += kChunkHeader + kPerGroupState * list_length(aggrefs);
	if (transition_space > 0)
		entry += kChunkHeader + transition_space;
	return entry * numGroups <= kHashMemMultiplier * 1024.0 * work_mem;
}

/* What sorting rows costs (cost_sort, in memory), disable_cost added
 * when enable_sort is off. */
Cost SortPlanCost(double rows)
{
	return SortCost(rows) + kCpuOperatorCost * rows + (enable_sort ? 0.0 : kDisableCost);
}

/*
 * Whether PostgreSQL's path selection would end with the hashed plan of
 * a grouping step (total cost `hashed`) rather than the sorted one
 * (`sorted`): add_path keeps the hashed path only when the sorted one,
 * which has a useful order, is more than 1% dearer (its fuzz factor);
 * with ORDER BY, the Sort each then needs is added (`*_order`) and the
 * cheaper wins.
 */
bool PreferHashed(Cost sorted, Cost hashed, Cost sorted_order, Cost hashed_order)
{
	constexpr double kFuzzFactor = 1.01;
	if (!(sorted > hashed * kFuzzFactor))
		return false;
	return hashed + hashed_order < sorted + sorted_order;
}

/* GROUP BY and aggregates over the scan/join plan: AGG_SORTED over a
 * Sort, or AGG_HASHED when PostgreSQL would hash — the grouping is
 * hashable, no aggregate orders its input, the hash table is expected
 * to fit in memory (Tusk's does not spill: beyond that it sorts) and
 * hashing is cheaper, counting the Sort ORDER BY then needs.  Sets
 * *sorted_on to the order of the output rows (NIL if none). */
Plan *MakeAggregation(PlannerInfo *root, Plan *input, List *tlist, List *having, List **sorted_on)
{
	Query *parse = root->parse;
	*sorted_on = NIL;
	/* The grouping expressions become columns of the input. */
	List *input_tlist = copyObject(input->targetlist);
	List *groupsorts = NIL;
	ListCell *lc;
	foreach (lc, parse->groupClause)
	{
		auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		TargetEntry *tle = FindSortGroupTle(sgc->tleSortGroupRef, tlist);
		TargetEntry *col = makeTargetEntry(copyObject(tle->expr),
										   static_cast<AttrNumber>(list_length(input_tlist) + 1),
										   nullptr, false);
		col->ressortgroupref = sgc->tleSortGroupRef;
		input_tlist = lappend(input_tlist, col);
		groupsorts = lappend(groupsorts, sgc);
	}
	input = ApplyTargetList(input, input_tlist);
	Agg *agg = makeNode(Agg);
	agg->plan.targetlist = tlist;
	agg->plan.qual = having;
	List *aggrefs = NIL;
	NumberAggrefs(reinterpret_cast<Node *>(agg->plan.targetlist), &aggrefs);
	NumberAggrefs(reinterpret_cast<Node *>(agg->plan.qual), &aggrefs);
	double numGroups = parse->groupClause != NIL
		? EstimateNumGroups(root, GroupExprs(parse->groupClause, tlist), input->plan_rows)
		: 1.0;
	agg->aggstrategy = parse->groupClause != NIL ? AGG_SORTED : AGG_PLAIN;
	if (parse->groupClause != NIL && !HasOrderedAggs(reinterpret_cast<Node *>(aggrefs), nullptr) &&
		GroupingIsHashable(groupsorts) && HashTableFits(aggrefs, input->plan_width, numGroups))
	{
		/* Both do the same aggregation work: compare the sorts. */
		Cost base = input->total_cost +
			kCpuOperatorCost * input->plan_rows * (list_length(aggrefs) + 1) +
			kCpuTupleCost * numGroups;
		Cost sorted_order = 0.0;
		Cost hashed_order = 0.0;
		if (parse->sortClause != NIL)
		{
			hashed_order = SortPlanCost(numGroups);
			if (!SortSatisfies(groupsorts, parse->sortClause))
				sorted_order = SortPlanCost(numGroups);
		}
		if (PreferHashed(base + SortPlanCost(input->plan_rows),
						 base + (enable_hashagg ? 0.0 : kDisableCost), sorted_order, hashed_order))
			agg->aggstrategy = AGG_HASHED;
	}
	if (parse->groupClause != NIL)
	{
		if (agg->aggstrategy == AGG_SORTED)
		{
			input = MakeSort(input, groupsorts);
			*sorted_on = groupsorts;
		}
		GroupColumns g = ExtractGroupColumns(groupsorts, input->targetlist);
		agg->grpColIdx = g.idx;
		agg->grpOperators = g.eqops;
		agg->grpCollations = g.collations;
		agg->numCols = g.n;
	}
	agg->plan.lefttree = input;
	CopyCosts(&agg->plan, input);
	agg->plan.total_cost += kCpuOperatorCost * input->plan_rows * (list_length(aggrefs) + 1);
	if (agg->aggstrategy == AGG_HASHED)
	{
		/* Nothing comes out before the whole input is read. */
		agg->plan.startup_cost = agg->plan.total_cost;
		if (!enable_hashagg)
			agg->plan.startup_cost += kDisableCost;
		agg->plan.total_cost = agg->plan.startup_cost + kCpuTupleCost * numGroups;
	}
	agg->plan.plan_rows = numGroups;
	agg->numGroups = numGroups;
	return &agg->plan;
}

/* ---- window functions ---- */

/* The distinct WindowFuncs of tlist (in order), by winref. */
bool CollectWindowFuncs(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	if (IsA(node, WindowFunc))
	{
		auto *found = static_cast<List **>(arg);
		if (!list_member(*found, node))
			*found = lappend(*found, node);
		return false; /* window functions do not nest */
	}
	return node_children_walker(node, CollectWindowFuncs, arg);
}

List *WindowFuncsOf(List *wfuncs, Index winref)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, wfuncs)
		if (static_cast<WindowFunc *>(lfirst(lc))->winref == winref)
			result = lappend(result, lfirst(lc));
	return result;
}

/* A window's sort: its PARTITION BY then the ORDER BY items not already
 * in it. */
List *WindowSortClauses(WindowClause *wc)
{
	List *result = list_copy(wc->partitionClause);
	ListCell *lc;
	foreach (lc, wc->orderClause)
		if (!list_member(result, lfirst(lc)))
			result = lappend(result, lfirst(lc));
	return result;
}

/*
 * The windows some WindowFunc of wfuncs uses, in the order their
 * WindowAggs are stacked (PostgreSQL's select_active_windows): sorted on
 * their sort clauses so that windows needing the same sort are adjacent,
 * a window whose sort is a prefix of another's after it, so that one
 * Sort serves both.
 */
List *SelectActiveWindows(Query *parse, List *wfuncs)
{
	struct Active
	{
		WindowClause *wc;
		List *order;
	};
	std::vector<Active> actives;
	ListCell *lc;
	foreach (lc, parse->windowClause)
	{
		auto *wc = static_cast<WindowClause *>(lfirst(lc));
		if (WindowFuncsOf(wfuncs, wc->winref) != NIL)
			actives.push_back({wc, WindowSortClauses(wc)});
	}
	auto cmp = [](const Active &a, const Active &b) {
		ListCell *la;
		ListCell *lb;
		forboth(la, a.order, lb, b.order)
		{
			auto *sa = static_cast<SortGroupClause *>(lfirst(la));
			auto *sb = static_cast<SortGroupClause *>(lfirst(lb));
			if (sa->tleSortGroupRef != sb->tleSortGroupRef)
				return sa->tleSortGroupRef > sb->tleSortGroupRef;
			if (sa->sortop != sb->sortop)
				return sa->sortop > sb->sortop;
			if (sa->nulls_first != sb->nulls_first)
				return sa->nulls_first;
		}
		return list_length(a.order) > list_length(b.order);
	};
	std::stable_sort(actives.begin(), actives.end(), cmp);
	List *result = NIL;
	for (const Active &a : actives)
		result = lappend(result, a.wc);
	return result;
}

/* This level's Vars and Aggrefs in node, looking into WindowFuncs'
 * arguments (pull_var_clause with PVC_INCLUDE_AGGREGATES and
 * PVC_RECURSE_WINDOWFUNCS). */
bool PullVarsAndAggrefs(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	if ((IsA(node, Var) && reinterpret_cast<Var *>(node)->varlevelsup == 0) ||
		(IsA(node, Aggref) && reinterpret_cast<Aggref *>(node)->agglevelsup == 0))
	{
		auto *found = static_cast<List **>(arg);
		*found = lappend(*found, node);
		return false;
	}
	return node_children_walker(node, PullVarsAndAggrefs, arg);
}

/*
 * What the node below the first WindowAgg computes (PostgreSQL's
 * make_window_input_target): the entries of tlist that a window's
 * PARTITION BY or ORDER BY, or GROUP BY, refers to, whole (so that they
 * are computed once, at the bottom); then the Vars and Aggrefs the other
 * entries and the window functions' arguments need.
 */
List *MakeWindowInputTarget(Query *parse, List *tlist, List *active_windows)
{
	Bitmapset *sgrefs = nullptr;
	ListCell *lc;
	foreach (lc, active_windows)
	{
		auto *wc = static_cast<WindowClause *>(lfirst(lc));
		ListCell *c;
		foreach (c, wc->partitionClause)
			sgrefs = bms_add_member(sgrefs,
									static_cast<int>(static_cast<SortGroupClause *>(lfirst(c))
														 ->tleSortGroupRef));
		foreach (c, wc->orderClause)
			sgrefs = bms_add_member(sgrefs,
									static_cast<int>(static_cast<SortGroupClause *>(lfirst(c))
														 ->tleSortGroupRef));
	}
	foreach (lc, parse->groupClause)
		sgrefs = bms_add_member(sgrefs,
								static_cast<int>(
									static_cast<SortGroupClause *>(lfirst(lc))->tleSortGroupRef));
	List *result = NIL;
	List *flattenable = NIL;
	foreach (lc, tlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->ressortgroupref != 0 &&
			bms_is_member(static_cast<int>(tle->ressortgroupref), sgrefs))
		{
			TargetEntry *col = makeTargetEntry(copyObject(tle->expr),
											   static_cast<AttrNumber>(list_length(result) + 1),
											   nullptr, false);
			col->ressortgroupref = tle->ressortgroupref;
			result = lappend(result, col);
		}
		else
			flattenable = lappend(flattenable, tle->expr);
	}
	List *vars = NIL;
	PullVarsAndAggrefs(reinterpret_cast<Node *>(flattenable), &vars);
	foreach (lc, vars)
	{
		Node *v = static_cast<Node *>(lfirst(lc));
		bool present = false;
		ListCell *t;
		foreach (t, result)
			present = present || equal(static_cast<TargetEntry *>(lfirst(t))->expr, v);
		if (!present)
			result = lappend(result,
							 makeTargetEntry(reinterpret_cast<Expr *>(copyObject(v)),
											 static_cast<AttrNumber>(list_length(result) + 1),
											 nullptr, false));
	}
	return result;
}

/*
 * One WindowAgg per active window over input (whose target list is the
 * window input target), each over a Sort on its partition and order
 * columns unless the rows are already so sorted (PostgreSQL's
 * create_one_window_path; it uses an Incremental Sort where a prefix of
 * the keys is sorted, Tusk a full Sort).  Each WindowAgg but the top
 * one outputs its input's columns plus its window functions' results;
 * the top one computes tlist.  *sorted_on is updated to the output's
 * order.
 */
Plan *MakeWindowAggs(Plan *input, List *tlist, List *wfuncs, List *active_windows, List **sorted_on)
{
	Plan *plan = input;
	ListCell *lc;
	foreach (lc, active_windows)
	{
		auto *wc = static_cast<WindowClause *>(lfirst(lc));
		List *sort = WindowSortClauses(wc);
		if (!SortSatisfies(*sorted_on, sort))
		{
			plan = MakeSort(plan, sort);
			*sorted_on = sort;
		}
		List *mine = WindowFuncsOf(wfuncs, wc->winref);
		WindowAgg *wa = makeNode(WindowAgg);
		wa->winref = wc->winref;
		bool top = lnext(active_windows, lc) == nullptr;
		if (top)
			wa->plan.targetlist = tlist;
		else
		{
			List *out = copyObject(plan->targetlist);
			ListCell *w;
			foreach (w, mine)
				out = lappend(out,
							  makeTargetEntry(static_cast<Expr *>(copyObjectImpl(lfirst(w))),
											  static_cast<AttrNumber>(list_length(out) + 1),
											  nullptr, false));
			wa->plan.targetlist = out;
		}
		GroupColumns part = ExtractGroupColumns(wc->partitionClause, plan->targetlist);
		wa->partNumCols = part.n;
		wa->partColIdx = part.idx;
		wa->partOperators = part.eqops;
		wa->partCollations = part.collations;
		GroupColumns ord = ExtractGroupColumns(wc->orderClause, plan->targetlist);
		wa->ordNumCols = ord.n;
		wa->ordColIdx = ord.idx;
		wa->ordOperators = ord.eqops;
		wa->ordCollations = ord.collations;
		wa->frameOptions = wc->frameOptions;
		wa->startOffset = copyObject(wc->startOffset);
		wa->endOffset = copyObject(wc->endOffset);
		wa->startInRangeFunc = wc->startInRangeFunc;
		wa->endInRangeFunc = wc->endInRangeFunc;
		wa->inRangeColl = wc->inRangeColl;
		wa->inRangeAsc = wc->inRangeAsc;
		wa->inRangeNullsFirst = wc->inRangeNullsFirst;
		wa->topWindow = top;
		wa->plan.lefttree = plan;
		CopyCosts(&wa->plan, plan);
		/* cost_windowagg: each row compares its partition and order
		 * columns and runs every window function. */
		wa->plan.total_cost += plan->plan_rows *
			(kCpuOperatorCost * (list_length(mine) + part.n + ord.n) + kCpuTupleCost);
		plan = &wa->plan;
	}
	return plan;
}

/* Preprocess every expression of this query level. */
void PreprocessQuery(PlannerInfo *root)
{
	Query *parse = root->parse;
	parse->targetList = reinterpret_cast<List *>(
		PreprocessExpression(root, reinterpret_cast<Node *>(parse->targetList)));
	parse->havingQual = PreprocessQual(root, parse->havingQual);
	parse->limitOffset = PreprocessExpression(root, parse->limitOffset);
	parse->limitCount = PreprocessExpression(root, parse->limitCount);
	ListCell *wl;
	foreach (wl, parse->windowClause)
	{
		auto *wc = static_cast<WindowClause *>(lfirst(wl));
		wc->startOffset = PreprocessExpression(root, wc->startOffset);
		wc->endOffset = PreprocessExpression(root, wc->endOffset);
	}
	std::function<void(Node *)> walk = [&](Node *jt) {
		if (jt == nullptr || IsA(jt, RangeTblRef))
			return;
		if (IsA(jt, FromExpr))
		{
			FromExpr *f = reinterpret_cast<FromExpr *>(jt);
			ListCell *lc;
			foreach (lc, f->fromlist)
				walk(static_cast<Node *>(lfirst(lc)));
			f->quals = PreprocessQual(root, f->quals);
			return;
		}
		JoinExpr *j = castNode(JoinExpr, jt);
		walk(j->larg);
		walk(j->rarg);
		j->quals = PreprocessQual(root, j->quals);
	};
	walk(reinterpret_cast<Node *>(parse->jointree));
	ListCell *lc;
	foreach (lc, parse->rtable)
	{
		auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
		if (rte->rtekind == RTE_VALUES)
			rte->values_lists = reinterpret_cast<List *>(
				PreprocessExpression(root, reinterpret_cast<Node *>(rte->values_lists)));
		else if (rte->rtekind == RTE_FUNCTION)
		{
			ListCell *fc;
			foreach (fc, rte->functions)
			{
				auto *rtfunc = castNode(RangeTblFunction, lfirst(fc));
				rtfunc->funcexpr = PreprocessExpression(root, rtfunc->funcexpr);
			}
		}
	}
}

bool ContainAggWalker(Node *node, void *)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Aggref) && reinterpret_cast<Aggref *>(node)->agglevelsup == 0)
		return true;
	if (IsA(node, Query))
		return false;
	return node_children_walker(node, ContainAggWalker, nullptr);
}

bool ContainSubPlanWalker(Node *node, void *)
{
	if (node == nullptr)
		return false;
	if (IsA(node, SubPlan) || IsA(node, SubLink))
		return true;
	return node_children_walker(node, ContainSubPlanWalker, nullptr);
}

/* A (preprocessed) HAVING condition without aggregates, volatile
 * functions or subplans is checked before grouping, in WHERE: with GROUP
 * BY it moves there (it reads grouping columns only, so it holds for a
 * whole group or none of it); without, a copy goes there and it stays in
 * HAVING, which decides whether the one aggregate row exists (PostgreSQL's
 * subquery_planner does the same). */
void MoveHavingToWhere(Query *parse)
{
	if (parse->havingQual == nullptr || parse->jointree == nullptr)
		return;
	List *having = NIL;
	List *where = MakeAndList(parse->jointree->quals);
	bool changed = false;
	ListCell *lc;
	foreach (lc, MakeAndList(parse->havingQual))
	{
		Node *clause = static_cast<Node *>(lfirst(lc));
		if ((parse->groupClause != NIL && parse->groupingSets != NIL) ||
			ContainAggWalker(clause, nullptr) || contain_volatile_functions(clause) ||
			ContainSubPlanWalker(clause, nullptr))
		{
			having = lappend(having, clause);
			continue;
		}
		changed = true;
		if (parse->groupClause != NIL && parse->groupingSets == NIL)
			where = lappend(where, clause);
		else
		{
			where = lappend(where, copyObjectImpl(clause));
			having = lappend(having, clause);
		}
	}
	if (!changed)
		return;
	auto andlist = [](List *l) -> Node * {
		if (l == NIL)
			return nullptr;
		if (list_length(l) == 1)
			return static_cast<Node *>(linitial(l));
		return reinterpret_cast<Node *>(makeBoolExpr(AND_EXPR, l, -1));
	};
	parse->jointree->quals = andlist(where);
	parse->havingQual = andlist(having);
}

/* DISTINCT by hashing: an AGG_HASHED Agg without aggregates whose
 * groups are the distinct rows (a HashAggregate, as in PostgreSQL). */
Plan *MakeHashedDistinct(Plan *input, List *distinctClause, double ndistinct)
{
	Agg *agg = makeNode(Agg);
	agg->aggstrategy = AGG_HASHED;
	GroupColumns g = ExtractGroupColumns(distinctClause, input->targetlist);
	agg->grpColIdx = g.idx;
	agg->grpOperators = g.eqops;
	agg->grpCollations = g.collations;
	agg->numCols = g.n;
	agg->plan.targetlist = copyObject(input->targetlist);
	agg->plan.lefttree = input;
	CopyCosts(&agg->plan, input);
	agg->plan.startup_cost = input->total_cost + kCpuOperatorCost * g.n * input->plan_rows;
	agg->plan.total_cost = agg->plan.startup_cost + kCpuTupleCost * ndistinct;
	agg->plan.plan_rows = ndistinct;
	agg->numGroups = ndistinct;
	return &agg->plan;
}

Plan *GroupingPlanner(PlannerInfo *root)
{
	Query *parse = root->parse;
	if (parse->setOperations != nullptr)
	{
		Plan *plan = root->hasRecursion ? PlanRecursiveUnion(root) : PlanSetOperations(root);
		if (parse->limitCount != nullptr || parse->limitOffset != nullptr)
			plan = MakeLimit(parse, plan);
		return plan;
	}
	List *rowmarks = PreprocessRowMarks(parse);
	PullUpSublinks(root);
	InlineCteReferences(root);
	PullUpSubqueries(root);
	PreprocessQuery(root);
	List *tlist = parse->targetList;
	bool grouped = parse->hasAggs || parse->groupClause != NIL || parse->havingQual != nullptr;
	MoveHavingToWhere(parse);
	/* Set-returning functions in the target list: a ProjectSet calls them
	 * over the rows of the plan below, which computes the rest. */
	List *srf_tlist = NIL;
	List *srf_final_tlist = NIL;
	if (parse->hasTargetSRFs)
	{
		srf_tlist = tlist;
		if (List *middle = SrfMiddleTargetList(tlist, grouped))
		{
			srf_final_tlist = tlist;
			srf_tlist = middle;
		}
		tlist = SrfInputTargetList(srf_tlist, grouped);
	}
	/* LIMIT n of a plain scan/join: the plan fastest to n rows. */
	if (!grouped && parse->sortClause == NIL && parse->distinctClause == NIL &&
		parse->limitCount != nullptr && IsA(parse->limitCount, Const) &&
		!reinterpret_cast<Const *>(parse->limitCount)->constisnull)
		root->tuple_fraction = static_cast<double>(
			DatumGetInt64(reinterpret_cast<Const *>(parse->limitCount)->constvalue));
	List *having = MakeAndList(parse->havingQual);
	/* Window functions: WindowAggs compute tlist over rows of the window
	 * input target, which the scan/join (or the Agg) computes. */
	List *wfuncs = NIL;
	List *active_windows = NIL;
	List *final_tlist = tlist;
	if (parse->hasWindowFuncs)
	{
		CollectWindowFuncs(reinterpret_cast<Node *>(tlist), &wfuncs);
		active_windows = SelectActiveWindows(parse, wfuncs);
		if (active_windows != NIL)
			tlist = MakeWindowInputTarget(parse, tlist, active_windows);
	}
	List *needed = list_concat(list_copy(tlist), having);
	Plan *plan = QueryPlanner(root, needed);
	if (plan == nullptr)
	{
		/* No FROM: one row, if the WHERE (a constant) holds. */
		List *quals = MakeAndList(parse->jointree != nullptr ? parse->jointree->quals : nullptr);
		plan = MakeResult(grouped ? NIL : tlist, quals, nullptr);
	}
	else if (!grouped)
		plan = ApplyTargetList(plan, tlist);
	List *sorted_on = NIL;
	if (grouped)
		plan = MakeAggregation(root, plan, tlist, having, &sorted_on);
	if (active_windows != NIL)
	{
		if (grouped)
		{
			/* The Aggrefs above the Agg carry its numbers, so that they
			 * match its output columns. */
			List *aggrefs = NIL;
			NumberAggrefs(reinterpret_cast<Node *>(plan->targetlist), &aggrefs);
			NumberAggrefs(reinterpret_cast<Node *>(plan->qual), &aggrefs);
			NumberAggrefs(reinterpret_cast<Node *>(final_tlist), &aggrefs);
		}
		plan = MakeWindowAggs(plan, final_tlist, wfuncs, active_windows, &sorted_on);
	}
	if (srf_tlist != NIL)
		plan = MakeProjectSet(plan, srf_tlist);
	if (srf_final_tlist != NIL)
		plan = MakeResult(srf_final_tlist, NIL, plan);
	if (parse->distinctClause != NIL)
	{
		/* DISTINCT ON's rows are the first of each group in ORDER BY
		 * order: sort on the whole ORDER BY, which starts with them. */
		List *sort = parse->hasDistinctOn && SortSatisfies(parse->sortClause, parse->distinctClause)
			? parse->sortClause
			: parse->distinctClause;
		double input_rows = plan->plan_rows;
		/* Over plain rows, the distinct values the statistics expect;
		 * over groups, as many as there are (PostgreSQL assumes grouped
		 * rows mostly distinct already). */
		double ndistinct = parse->groupClause == NIL && !parse->hasAggs
			? EstimateNumGroups(root, GroupExprs(parse->distinctClause, parse->targetList),
								input_rows)
			: input_rows;
		/* PostgreSQL's choice: Unique over sorted rows, or a HashAggregate
		 * (never for DISTINCT ON, nor with enable_hashagg off), whichever
		 * costs less with the Sort ORDER BY then needs. */
		bool presorted = SortSatisfies(sorted_on, sort);
		bool hash = false;
		if (!parse->hasDistinctOn && enable_hashagg && GroupingIsHashable(parse->distinctClause) &&
			HashTableFits(NIL, plan->plan_width, ndistinct))
		{
			double ncols = list_length(parse->distinctClause);
			Cost base = plan->total_cost + kCpuOperatorCost * input_rows * ncols;
			Cost sorted_order = 0.0;
			Cost hashed_order = 0.0;
			if (parse->sortClause != NIL)
			{
				hashed_order = SortPlanCost(ndistinct);
				if (!SortSatisfies(sort, parse->sortClause))
					sorted_order = SortPlanCost(ndistinct);
			}
			hash = PreferHashed(base + (presorted ? 0.0 : SortPlanCost(input_rows)),
								base + kCpuTupleCost * ndistinct, sorted_order, hashed_order);
		}
		if (hash)
		{
			plan = MakeHashedDistinct(plan, parse->distinctClause, ndistinct);
			sorted_on = NIL;
		}
		else
		{
			plan = MakeUnique(presorted ? plan : MakeSort(plan, sort), parse->distinctClause);
			plan->plan_rows = ndistinct;
			sorted_on = presorted ? sorted_on : sort;
		}
	}
	/* An index scan may deliver the rows in ORDER BY's order. */
	if (parse->sortClause != NIL && !SortSatisfies(sorted_on, parse->sortClause) &&
		!index_provides_order(parse, &plan))
		plan = MakeSort(plan, parse->sortClause);
	/* Rows are locked after sorting and before LIMIT, as in PostgreSQL. */
	if (rowmarks != NIL)
		plan = MakeLockRows(plan, rowmarks);
	if (parse->limitCount != nullptr || parse->limitOffset != nullptr)
		plan = MakeLimit(parse, plan);
	return plan;
}

}  // namespace

List *MakeAndList(Node *qual)
{
	if (qual == nullptr)
		return NIL;
	/* A qual that always holds is no qual (PostgreSQL's
	 * make_ands_implicit). */
	if (IsA(qual, Const) && !reinterpret_cast<Const *>(qual)->constisnull &&
		DatumGetBool(reinterpret_cast<Const *>(qual)->constvalue))
		return NIL;
	if (IsA(qual, BoolExpr) && reinterpret_cast<BoolExpr *>(qual)->boolop == AND_EXPR)
	{
		List *result = NIL;
		ListCell *lc;
		foreach (lc, reinterpret_cast<BoolExpr *>(qual)->args)
			result = list_concat(result, MakeAndList(static_cast<Node *>(lfirst(lc))));
		return result;
	}
	if (IsA(qual, List))
		return list_copy(reinterpret_cast<List *>(qual));
	return list_make1(qual);
}

Plan *SubqueryPlanner(PlannerGlobal *glob, Query *parse, PlannerInfo *parent_root,
					  PlannerInfo **subroot_out, double tuple_fraction, bool has_recursion)
{
	check_stack_depth();
	PlannerInfo *root = static_cast<PlannerInfo *>(palloc0(sizeof(PlannerInfo)));
	root->parse = parse;
	root->glob = glob;
	root->parent_root = parent_root;
	root->query_level = parent_root != nullptr ? parent_root->query_level + 1 : 1;
	root->tuple_fraction = tuple_fraction;
	root->hasRecursion = has_recursion;
	if (has_recursion)
		root->wt_param_id = AssignParamExec(glob, INTERNALOID);
	*subroot_out = root;
	if ((parse->hasForUpdate || parse->rowMarks != NIL) && parent_root != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("SELECT FOR UPDATE/SHARE is not supported yet"));
	ProcessCtes(root);
	bool modifies = parse->commandType == CMD_INSERT || parse->commandType == CMD_UPDATE ||
		parse->commandType == CMD_DELETE;
	List *returning = NIL;
	if (modifies && parse->returningList != NIL)
	{
		/* RETURNING reads the target row, and other FROM items' columns
		 * through the subplan: those become junk columns of its output. */
		returning = reinterpret_cast<List *>(
			PreprocessExpression(root, reinterpret_cast<Node *>(parse->returningList)));
		Relids others = bms_del_member(PullVarnos(reinterpret_cast<Node *>(returning)),
									   parse->resultRelation);
		List *vars = PullVars(reinterpret_cast<Node *>(returning));
		ListCell *vc;
		foreach (vc, vars)
		{
			Var *var = static_cast<Var *>(lfirst(vc));
			if (!bms_is_member(var->varno, others))
				continue;
			TargetEntry *tle = makeTargetEntry(reinterpret_cast<Expr *>(var),
											   static_cast<AttrNumber>(
												   list_length(parse->targetList) + 1),
											   nullptr, true);
			parse->targetList = lappend(parse->targetList, tle);
		}
	}
	List *references = NIL;
	if (parse->commandType == CMD_UPDATE || parse->commandType == CMD_DELETE)
		references = ReferenceRowMarks(parse);
	Plan *plan = GroupingPlanner(root);
	if (modifies)
	{
		ModifyTable *mt = makeNode(ModifyTable);
		mt->operation = parse->commandType;
		mt->canSetTag = parse->canSetTag;
		mt->nominalRelation = static_cast<Index>(parse->resultRelation);
		mt->resultRelations = list_make1_int(parse->resultRelation);
		mt->onConflictAction = ONCONFLICT_NONE;
		PlanOnConflict(root, mt);
		mt->epqParam = -1;
		mt->rowMarks = references;
		mt->plan.lefttree = plan;
		CopyCosts(&mt->plan, plan);
		if (returning != NIL)
		{
			mt->returningLists = list_make1(returning);
			mt->plan.targetlist = copyObject(returning);
		}
		plan = &mt->plan;
	}
	else if (parse->commandType != CMD_SELECT)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("this statement is not supported by the planner yet"));
	/* The WITH queries computed once belong to this level's top node, as
	 * PostgreSQL's CTE initplans do (EXPLAIN shows them there). */
	ListCell *c;
	ListCell *id;
	forboth(c, parse->cteList, id, root->cte_plan_ids)
	{
		if (lfirst_int(id) == 0)
			continue;
		SubPlan *sp = makeNode(SubPlan);
		sp->subLinkType = CTE_SUBLINK;
		sp->plan_id = lfirst_int(id);
		std::string name = "CTE ";
		name += static_cast<CommonTableExpr *>(lfirst(c))->ctename;
		sp->plan_name = pstrdup(name.c_str());
		plan->initPlan = lappend(plan->initPlan, sp);
	}
	return plan;
}

}  // namespace tusk::optimizer

PlannedStmt *planner(Query *parse, const char *, int, ParamListInfo boundParams)
{
	using namespace tusk::optimizer;
	PlannedStmt *stmt = makeNode(PlannedStmt);
	stmt->commandType = parse->commandType;
	stmt->canSetTag = parse->canSetTag;
	stmt->stmt_location = parse->stmt_location;
	stmt->stmt_len = parse->stmt_len;
	if (parse->commandType == CMD_UTILITY)
	{
		stmt->rtable = parse->rtable;
		stmt->utilityStmt = parse->utilityStmt;
		return stmt;
	}
	/* Planning rewrites the query in place: keep the caller's intact. */
	parse = copyObject(parse);
	PlannerGlobal *glob = static_cast<PlannerGlobal *>(palloc0(sizeof(PlannerGlobal)));
	glob->boundParams = boundParams;
	PlannerInfo *root = nullptr;
	Plan *plan = SubqueryPlanner(glob, parse, nullptr, &root, 0.0);
	plan = SetPlanReferences(root, plan);
	ListCell *p;
	ListCell *r;
	forboth(p, glob->subplans, r, glob->subroots)
		lfirst(p) = SetPlanReferences(static_cast<PlannerInfo *>(lfirst(r)),
									  static_cast<Plan *>(lfirst(p)));
	stmt->planTree = plan;
	stmt->rtable = glob->finalrtable;
	stmt->subplans = glob->subplans;
	stmt->paramExecTypes = glob->paramExecTypes;
	stmt->relationOids = glob->relationOids;
	if (IsA(plan, ModifyTable))
	{
		auto *mt = reinterpret_cast<ModifyTable *>(plan);
		stmt->resultRelations = list_copy(mt->resultRelations);
		stmt->hasReturning = mt->returningLists != NIL;
	}
	ListCell *sp;
	foreach (sp, glob->subplans)
		stmt->hasModifyingCTE |= IsA(lfirst(sp), ModifyTable);
	/* A SELECT … FOR UPDATE's row marks (PostgreSQL's finalrowmarks), from
	 * its LockRows, which only a Limit can sit above: what makes the
	 * statement not read-only for SPI and names it "SELECT FOR UPDATE". */
	for (Plan *top = plan; top != nullptr; top = top->lefttree)
	{
		if (IsA(top, LockRows))
		{
			stmt->rowMarks = reinterpret_cast<LockRows *>(top)->rowMarks;
			break;
		}
		if (!IsA(top, Limit))
			break;
	}
	return stmt;
}
