/*
 * setrefs.cpp — the last step of planning (PostgreSQL's setrefs.c,
 * reduced).
 *
 * Principal entry point: SetPlanReferences.
 *
 * While planning, every expression refers to columns as Vars of the
 * query level's range table.  The executor wants instead, above a scan,
 * positions in a child's output: a join's expressions read OUTER_VAR or
 * INNER_VAR columns (the Var of its outer or inner child's targetlist
 * that matches), an Agg's or a Result's read OUTER_VAR columns (a whole
 * expression — a GROUP BY expression — matches first), and a node that
 * passes rows through (Sort, Limit, Material, Unique, SetOp, Append)
 * outputs its child's columns by position.  Scans keep their Vars; each
 * query level's range table is appended to one flat table, so a scan's
 * scanrelid and Vars move by that level's offset.  A node is fixed
 * before its children, whose targetlists are still in Var form.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "planner_int.h"

namespace tusk::optimizer {

namespace {

struct SetRefsContext
{
	PlannerInfo *root;
	int rtoffset;
};

/* ---- scans ---- */

Node *FixScanExpr(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	if (IsA(node, Var))
	{
		Var *var = copyObject(reinterpret_cast<Var *>(node));
		if (var->varlevelsup == 0 && var->varno > 0)
			var->varno += static_cast<SetRefsContext *>(arg)->rtoffset;
		return reinterpret_cast<Node *>(var);
	}
	return node_children_mutator(node, FixScanExpr, arg);
}

template <typename T>
T *FixScan(T *node, SetRefsContext *ctx)
{
	return reinterpret_cast<T *>(FixScanExpr(reinterpret_cast<Node *>(node), ctx));
}

/* ---- references to children's outputs ---- */

struct UpperContext
{
	List *outer_tlist;
	List *inner_tlist; /* NIL above one child */
};

/* The Var for tle of a child at position tle->resno. */
Var *ChildColumn(int varno, TargetEntry *tle)
{
	Node *expr = reinterpret_cast<Node *>(tle->expr);
	Var *var = makeVar(varno, tle->resno, exprType(expr), exprTypmod(expr), exprCollation(expr), 0);
	if (IsA(expr, Var))
	{
		var->varnosyn = reinterpret_cast<Var *>(expr)->varnosyn;
		var->varattnosyn = reinterpret_cast<Var *>(expr)->varattnosyn;
	}
	return var;
}

TargetEntry *FindVar(List *tlist, Var *var)
{
	ListCell *lc;
	foreach (lc, tlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (IsA(tle->expr, Var))
		{
			Var *other = reinterpret_cast<Var *>(tle->expr);
			if (other->varno == var->varno && other->varattno == var->varattno &&
				other->varlevelsup == 0)
				return tle;
		}
	}
	return nullptr;
}

TargetEntry *FindExpr(List *tlist, Node *node)
{
	ListCell *lc;
	foreach (lc, tlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (!IsA(tle->expr, Var) && equal(tle->expr, node))
			return tle;
	}
	return nullptr;
}

Node *FixUpperExpr(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	auto *ctx = static_cast<UpperContext *>(arg);
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (var->varlevelsup != 0)
			return reinterpret_cast<Node *>(copyObject(var));
		if (TargetEntry *tle = FindVar(ctx->outer_tlist, var))
			return reinterpret_cast<Node *>(ChildColumn(OUTER_VAR, tle));
		if (TargetEntry *tle = FindVar(ctx->inner_tlist, var))
			return reinterpret_cast<Node *>(ChildColumn(INNER_VAR, tle));
		elog(ERROR, "variable not found in subplan target lists");
	}
	if (IsA(node, Param) || IsA(node, Const))
		return reinterpret_cast<Node *>(copyObjectImpl(node));
	if (TargetEntry *tle = FindExpr(ctx->outer_tlist, node))
		return reinterpret_cast<Node *>(ChildColumn(OUTER_VAR, tle));
	if (TargetEntry *tle = FindExpr(ctx->inner_tlist, node))
		return reinterpret_cast<Node *>(ChildColumn(INNER_VAR, tle));
	return node_children_mutator(node, FixUpperExpr, arg);
}

template <typename T>
T *FixUpper(T *node, List *outer_tlist, List *inner_tlist = NIL)
{
	UpperContext ctx{outer_tlist, inner_tlist};
	return reinterpret_cast<T *>(FixUpperExpr(reinterpret_cast<Node *>(node), &ctx));
}

Plan *SetRefsRecurse(SetRefsContext *ctx, Plan *plan);

struct ReturningContext
{
	SetRefsContext *setrefs;
	int result_relation;
	UpperContext upper;
};

Node *FixReturningExpr(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	auto *ctx = static_cast<ReturningContext *>(arg);
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (var->varlevelsup == 0 && var->varno == ctx->result_relation)
			return FixScanExpr(node, ctx->setrefs);
		return FixUpperExpr(node, &ctx->upper);
	}
	return node_children_mutator(node, FixReturningExpr, arg);
}

struct ExcludedContext
{
	SetRefsContext *setrefs;
	int result_relation;
	int excluded;
};

Node *FixExcludedExpr(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	auto *ctx = static_cast<ExcludedContext *>(arg);
	if (IsA(node, Var) && reinterpret_cast<Var *>(node)->varlevelsup == 0)
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (var->varno == ctx->excluded)
		{
			var = copyObject(var);
			var->varno = INNER_VAR;
			return reinterpret_cast<Node *>(var);
		}
		if (var->varno == ctx->result_relation)
			return FixScanExpr(node, ctx->setrefs);
		elog(ERROR, "ON CONFLICT expression refers to range-table entry %d", var->varno);
	}
	return node_children_mutator(node, FixExcludedExpr, arg);
}

/* The SubqueryScan's subquery level, which planned its subplan. */
PlannerInfo *SubqueryScanRoot(PlannerGlobal *glob, Plan *subplan)
{
	ListCell *p;
	ListCell *r;
	forboth(p, glob->subqscan_plans, r,
			glob->subqscan_roots) if (lfirst(p) ==
									  subplan) return static_cast<PlannerInfo *>(lfirst(r));
	elog(ERROR, "subquery scan's plan has no planner level");
}

/* A SubqueryScan (references already set) that only passes its
 * subplan's rows on — no filter, each output column the subplan's column
 * of the same position (or a constant equal to it), with the same junk
 * flag — is replaced by the subplan (PostgreSQL's trivial_subqueryscan
 * and clean_up_removed_plan_level): the subplan takes over its initPlans
 * and its columns' names, sort references and junk flags. */
Plan *RemoveTrivialSubqueryScan(Plan *plan)
{
	if (!IsA(plan, SubqueryScan) || plan->qual != NIL)
		return plan;
	Plan *sub = reinterpret_cast<SubqueryScan *>(plan)->subplan;
	if (list_length(plan->targetlist) != list_length(sub->targetlist))
		return plan;
	ListCell *lc;
	ListCell *sc;
	AttrNumber attno = 1;
	forboth(lc, plan->targetlist, sc, sub->targetlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		auto *subtle = static_cast<TargetEntry *>(lfirst(sc));
		if (tle->resjunk != subtle->resjunk)
			return plan;
		if (tle->expr != nullptr && IsA(tle->expr, Var))
		{
			if (reinterpret_cast<Var *>(tle->expr)->varattno != attno)
				return plan;
		}
		else if (tle->expr == nullptr || !IsA(tle->expr, Const) || !equal(tle->expr, subtle->expr))
			return plan;
		attno++;
	}
	sub->initPlan = list_concat(plan->initPlan, sub->initPlan);
	forboth(lc, plan->targetlist, sc, sub->targetlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		auto *subtle = static_cast<TargetEntry *>(lfirst(sc));
		subtle->resname = tle->resname;
		subtle->ressortgroupref = tle->ressortgroupref;
		subtle->resorigtbl = tle->resorigtbl;
		subtle->resorigcol = tle->resorigcol;
		subtle->resjunk = tle->resjunk;
	}
	return sub;
}

Plan *SetRefsRecurse(SetRefsContext *ctx, Plan *plan)
{
	if (plan == nullptr)
		return nullptr;
	check_stack_depth();
	Plan *outer = plan->lefttree;
	Plan *inner = plan->righttree;
	switch (nodeTag(plan))
	{
		case T_SeqScan:
		case T_ValuesScan:
		case T_IndexScan:
		case T_SubqueryScan:
		case T_CteScan:
		case T_FunctionScan:
		case T_WorkTableScan:
		{
			Scan *scan = reinterpret_cast<Scan *>(plan);
			scan->scanrelid += ctx->rtoffset;
			plan->targetlist = FixScan(plan->targetlist, ctx);
			plan->qual = FixScan(plan->qual, ctx);
			if (IsA(plan, ValuesScan))
			{
				ValuesScan *vs = reinterpret_cast<ValuesScan *>(plan);
				vs->values_lists = FixScan(vs->values_lists, ctx);
			}
			else if (IsA(plan, IndexScan))
			{
				IndexScan *is = reinterpret_cast<IndexScan *>(plan);
				is->indexqual = FixScan(is->indexqual, ctx);
				is->indexqualorig = FixScan(is->indexqualorig, ctx);
			}
			else if (IsA(plan, FunctionScan))
			{
				FunctionScan *fs = reinterpret_cast<FunctionScan *>(plan);
				fs->functions = FixScan(fs->functions, ctx);
			}
			else if (IsA(plan, SubqueryScan))
			{
				SubqueryScan *ss = reinterpret_cast<SubqueryScan *>(plan);
				ss->subplan = SetPlanReferences(SubqueryScanRoot(ctx->root->glob, ss->subplan),
												ss->subplan);
			}
			break;
		}
		case T_HashJoin:
		{
			HashJoin *hj = reinterpret_cast<HashJoin *>(plan);
			hj->hashclauses = FixUpper(hj->hashclauses, outer->targetlist, inner->targetlist);
			hj->hashkeys = FixUpper(hj->hashkeys, outer->targetlist, inner->targetlist);
		}
			[[fallthrough]];
		case T_MergeJoin:
			if (IsA(plan, MergeJoin))
			{
				MergeJoin *mj = reinterpret_cast<MergeJoin *>(plan);
				mj->mergeclauses = FixUpper(mj->mergeclauses, outer->targetlist, inner->targetlist);
			}
			[[fallthrough]];
		case T_NestLoop:
		{
			Join *join = reinterpret_cast<Join *>(plan);
			if (IsA(plan, NestLoop))
			{
				/* The outer row's columns the nested loop passes down. */
				ListCell *lc;
				foreach (lc, reinterpret_cast<NestLoop *>(plan)->nestParams)
				{
					auto *nlp = static_cast<NestLoopParam *>(lfirst(lc));
					nlp->paramval = castNode(Var,
											 FixUpper(reinterpret_cast<Node *>(nlp->paramval),
													  outer->targetlist));
				}
			}
			join->joinqual = FixUpper(join->joinqual, outer->targetlist, inner->targetlist);
			plan->qual = FixUpper(plan->qual, outer->targetlist, inner->targetlist);
			plan->targetlist = FixUpper(plan->targetlist, outer->targetlist, inner->targetlist);
			break;
		}
		case T_WindowAgg:
		{
			WindowAgg *wa = reinterpret_cast<WindowAgg *>(plan);
			wa->startOffset = FixScanExpr(wa->startOffset, ctx);
			wa->endOffset = FixScanExpr(wa->endOffset, ctx);
			plan->targetlist = FixUpper(plan->targetlist, outer->targetlist);
			plan->qual = FixUpper(plan->qual, outer->targetlist);
			break;
		}
		case T_Agg:
		case T_Result:
		case T_ProjectSet:
			if (outer != nullptr)
			{
				plan->targetlist = FixUpper(plan->targetlist, outer->targetlist);
				plan->qual = FixUpper(plan->qual, outer->targetlist);
			}
			else
			{
				plan->targetlist = FixScan(plan->targetlist, ctx);
				plan->qual = FixScan(plan->qual, ctx);
			}
			if (IsA(plan, Result))
			{
				Result *r = reinterpret_cast<Result *>(plan);
				r->resconstantqual = FixScanExpr(r->resconstantqual, ctx);
			}
			break;
		case T_Limit:
		{
			Limit *limit = reinterpret_cast<Limit *>(plan);
			limit->limitOffset = FixScanExpr(limit->limitOffset, ctx);
			limit->limitCount = FixScanExpr(limit->limitCount, ctx);
			plan->targetlist = PassThroughTargetList(outer->targetlist);
			break;
		}
		case T_Hash:
		{
			Hash *hash = reinterpret_cast<Hash *>(plan);
			hash->hashkeys = FixUpper(hash->hashkeys, outer->targetlist);
			plan->targetlist = PassThroughTargetList(outer->targetlist);
			break;
		}
		case T_Sort:
		case T_Material:
		case T_Unique:
		case T_SetOp:
		case T_LockRows:
			plan->targetlist = PassThroughTargetList(outer->targetlist);
			break;
		case T_RecursiveUnion:
			plan->targetlist = PassThroughTargetList(outer->targetlist);
			plan->lefttree = RemoveTrivialSubqueryScan(SetRefsRecurse(ctx, outer));
			plan->righttree = RemoveTrivialSubqueryScan(SetRefsRecurse(ctx, inner));
			return plan;
		case T_Append:
		{
			Append *append = reinterpret_cast<Append *>(plan);
			plan->targetlist = PassThroughTargetList(
				static_cast<Plan *>(linitial(append->appendplans))->targetlist);
			ListCell *lc;
			foreach (lc, append->appendplans)
				lfirst(lc) = SetRefsRecurse(ctx, static_cast<Plan *>(lfirst(lc)));
			break;
		}
		case T_ModifyTable:
		{
			ModifyTable *mt = reinterpret_cast<ModifyTable *>(plan);
			if (mt->returningLists != NIL)
			{
				/* The target row's columns are read as a scan's; other
				 * tables' from the subplan's junk columns. */
				ReturningContext rctx{ctx,
									  static_cast<int>(mt->nominalRelation),
									  {outer->targetlist, NIL}};
				List *rlist = reinterpret_cast<List *>(
					FixReturningExpr(static_cast<Node *>(linitial(mt->returningLists)), &rctx));
				mt->returningLists = list_make1(rlist);
				plan->targetlist = copyObject(rlist);
			}
			if (mt->onConflictAction == ONCONFLICT_UPDATE)
			{
				/* DO UPDATE reads the existing row as the scan tuple and
				 * the proposed one ("excluded") as the inner tuple. */
				ExcludedContext ectx{ctx, static_cast<int>(mt->nominalRelation),
									 static_cast<int>(mt->exclRelRTI)};
				mt->onConflictSet = reinterpret_cast<List *>(
					FixExcludedExpr(reinterpret_cast<Node *>(mt->onConflictSet), &ectx));
				mt->onConflictWhere = FixExcludedExpr(mt->onConflictWhere, &ectx);
				mt->exclRelTlist = reinterpret_cast<List *>(
					FixScanExpr(reinterpret_cast<Node *>(mt->exclRelTlist), ctx));
				mt->exclRelRTI += ctx->rtoffset;
			}
			mt->nominalRelation += ctx->rtoffset;
			ListCell *lc;
			foreach (lc, mt->resultRelations)
				lfirst_int(lc) += ctx->rtoffset;
			break;
		}
		default:
			elog(ERROR, "unexpected plan node %s in setrefs", nodeTagName(nodeTag(plan)));
	}
	plan->lefttree = SetRefsRecurse(ctx, outer);
	plan->righttree = SetRefsRecurse(ctx, inner);
	return RemoveTrivialSubqueryScan(plan);
}

}  // namespace

List *PassThroughTargetList(List *input_tlist)
{
	List *tlist = NIL;
	ListCell *lc;
	foreach (lc, input_tlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		Var *var = ChildColumn(OUTER_VAR, tle);
		TargetEntry *copy = copyObject(tle);
		copy->expr = reinterpret_cast<Expr *>(var);
		tlist = lappend(tlist, copy);
	}
	return tlist;
}

Plan *SetPlanReferences(PlannerInfo *root, Plan *plan)
{
	PlannerGlobal *glob = root->glob;
	SetRefsContext ctx{root, list_length(glob->finalrtable)};
	ListCell *lc;
	foreach (lc, root->parse->rtable)
	{
		auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
		glob->finalrtable = lappend(glob->finalrtable, rte);
		if (rte->rtekind == RTE_RELATION)
			glob->relationOids = lappend_oid(glob->relationOids, rte->relid);
	}
	return SetRefsRecurse(&ctx, plan);
}

}  // namespace tusk::optimizer
