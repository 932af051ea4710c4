/*
 * subselect.cpp — subqueries in expressions (PostgreSQL's subselect.c,
 * reduced).
 *
 * Principal entry points: PreprocessExpression, PreprocessQual,
 * AssignParamExec.
 *
 * Each SubLink is planned on its own (a query level below this one) and
 * replaced by a SubPlan naming that plan.  A column of this level that
 * the subquery mentions (a correlated reference: a Var whose varlevelsup
 * reaches this level) becomes, inside the subquery, a PARAM_EXEC Param;
 * the SubPlan's args compute its value from the current row and its
 * parParam say which slot receives it before the subplan runs.  For
 * x op ANY/ALL (SELECT …), the subquery's output columns reach the
 * comparison (testexpr) through PARAM_EXEC slots too (paramIds).
 *
 * Whether a subplan is computed once per statement (it uses no
 * PARAM_EXEC slot at all: PostgreSQL's initplan) or once per row is
 * decided by the executor from the plan.  WHERE's sublinks that can be
 * semi or anti joins were pulled up before (prepjointree.cpp).
 */
#include "postgres.h"

#include <string>

#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "planner_int.h"
#include "utils/lsyscache.h"

namespace tusk::optimizer {

namespace {

struct PreprocessContext
{
	PlannerInfo *root;
};

/* The Param carrying an outer level's Var (one per Var and level). */
Param *ReplaceOuterVar(PlannerInfo *root, Var *var)
{
	PlannerInfo *owner = root;
	for (Index i = 0; i < var->varlevelsup; i++)
	{
		owner = owner->parent_root;
		if (owner == nullptr)
			elog(ERROR, "outer reference with no outer query level");
	}
	Var *item = copyObject(var);
	item->varlevelsup = 0;
	item->location = -1;
	int paramId = -1;
	ListCell *lc;
	foreach (lc, owner->plan_params)
	{
		auto *pitem = static_cast<PlannerParamItem *>(lfirst(lc));
		if (IsA(pitem->item, Var))
		{
			Var *other = reinterpret_cast<Var *>(pitem->item);
			if (other->varno == item->varno && other->varattno == item->varattno)
			{
				paramId = pitem->paramId;
				break;
			}
		}
	}
	if (paramId < 0)
	{
		auto *pitem = static_cast<PlannerParamItem *>(palloc0(sizeof(PlannerParamItem)));
		pitem->item = reinterpret_cast<Node *>(item);
		pitem->paramId = AssignParamExec(root->glob, var->vartype);
		paramId = pitem->paramId;
		owner->plan_params = lappend(owner->plan_params, pitem);
	}
	Param *p = makeNode(Param);
	p->paramkind = PARAM_EXEC;
	p->paramid = paramId;
	p->paramtype = var->vartype;
	p->paramtypmod = var->vartypmod;
	p->paramcollid = var->varcollid;
	p->location = var->location;
	return p;
}

struct SublinkParamsContext
{
	List *coltypes; /* of the subquery's output */
	List *coltypmods;
	List *colcolls;
	List *paramIds; /* the PARAM_EXEC slot of each column */
	PlannerGlobal *glob;
};

/* testexpr's PARAM_SUBLINK references to output column n → the
 * PARAM_EXEC slot that will hold column n of each subquery row. */
Node *ConvertSublinkParams(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	if (IsA(node, Param) && reinterpret_cast<Param *>(node)->paramkind == PARAM_SUBLINK)
	{
		auto *ctx = static_cast<SublinkParamsContext *>(arg);
		Param *p = copyObject(reinterpret_cast<Param *>(node));
		int col = p->paramid;
		while (list_length(ctx->paramIds) < col)
		{
			int n = list_length(ctx->paramIds);
			ctx->paramIds = lappend_int(ctx->paramIds,
										AssignParamExec(ctx->glob, list_nth_oid(ctx->coltypes, n)));
		}
		p->paramkind = PARAM_EXEC;
		p->paramid = list_nth_int(ctx->paramIds, col - 1);
		return reinterpret_cast<Node *>(p);
	}
	return node_children_mutator(node, ConvertSublinkParams, arg);
}

Node *MakeSubPlan(PlannerInfo *root, SubLink *sublink, Node *testexpr)
{
	PlannerGlobal *glob = root->glob;
	Query *subquery = copyObject(castNode(Query, sublink->subselect));
	double tuple_fraction = 0.0;
	if (sublink->subLinkType == EXISTS_SUBLINK)
		tuple_fraction = 1.0;
	else if (sublink->subLinkType == ANY_SUBLINK || sublink->subLinkType == ALL_SUBLINK)
		tuple_fraction = 0.5;
	List *saved = root->plan_params;
	root->plan_params = NIL;
	PlannerInfo *subroot = nullptr;
	Plan *plan = SubqueryPlanner(glob, subquery, root, &subroot, tuple_fraction);
	List *params = root->plan_params;
	root->plan_params = saved;
	glob->subplans = lappend(glob->subplans, plan);
	glob->subroots = lappend(glob->subroots, subroot);
	SubPlan *sp = makeNode(SubPlan);
	sp->subLinkType = sublink->subLinkType;
	sp->plan_id = list_length(glob->subplans);
	sp->plan_name = psprintf("SubPlan %d", sp->plan_id);
	sp->startup_cost = plan->startup_cost;
	sp->per_call_cost = plan->total_cost - plan->startup_cost;
	SublinkParamsContext ctx{};
	ctx.glob = glob;
	ListCell *lc;
	bool first = true;
	foreach (lc, plan->targetlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk)
			continue;
		Node *expr = reinterpret_cast<Node *>(tle->expr);
		if (first)
		{
			sp->firstColType = exprType(expr);
			sp->firstColTypmod = exprTypmod(expr);
			sp->firstColCollation = exprCollation(expr);
			first = false;
		}
		ctx.coltypes = lappend_oid(ctx.coltypes, exprType(expr));
	}
	foreach (lc, params)
	{
		auto *pitem = static_cast<PlannerParamItem *>(lfirst(lc));
		sp->parParam = lappend_int(sp->parParam, pitem->paramId);
		sp->args = lappend(sp->args, copyObject(pitem->item));
	}
	if (testexpr != nullptr)
	{
		sp->testexpr = ConvertSublinkParams(testexpr, &ctx);
		sp->paramIds = ctx.paramIds;
	}
	if (sublink->subLinkType == MULTIEXPR_SUBLINK)
	{
		/* Each output column goes to a slot of its own, which the
		 * PARAM_MULTIEXPR Params of the SET list become. */
		foreach (lc, ctx.coltypes)
			sp->setParam = lappend_int(sp->setParam, AssignParamExec(glob, lfirst_oid(lc)));
		while (list_length(root->multiexpr_params) < sublink->subLinkId)
			root->multiexpr_params = lappend(root->multiexpr_params, NIL);
		list_nth_cell(root->multiexpr_params, sublink->subLinkId - 1)->ptr_value = sp->setParam;
		/* As PostgreSQL labels it in EXPLAIN. */
		std::string name = sp->plan_name;
		name += " (returns ";
		foreach (lc, sp->setParam)
		{
			name += '$';
			name += std::to_string(lfirst_int(lc));
			name += lnext(sp->setParam, lc) != nullptr ? "," : ")";
		}
		sp->plan_name = pstrdup(name.c_str());
	}
	return reinterpret_cast<Node *>(sp);
}

/* A PARAM_MULTIEXPR Param → the PARAM_EXEC slot its SubPlan sets. */
Node *MultiExprParamMutator(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	if (IsA(node, Param) && reinterpret_cast<Param *>(node)->paramkind == PARAM_MULTIEXPR)
	{
		auto *root = static_cast<PlannerInfo *>(arg);
		Param *p = copyObject(reinterpret_cast<Param *>(node));
		int id = p->paramid >> 16;
		int col = p->paramid & 0xFFFF;
		if (id < 1 || id > list_length(root->multiexpr_params))
			elog(ERROR, "unexpected PARAM_MULTIEXPR ID: %d", p->paramid);
		List *params = static_cast<List *>(list_nth(root->multiexpr_params, id - 1));
		if (col < 1 || col > list_length(params))
			elog(ERROR, "unexpected PARAM_MULTIEXPR ID: %d", p->paramid);
		p->paramkind = PARAM_EXEC;
		p->paramid = list_nth_int(params, col - 1);
		return reinterpret_cast<Node *>(p);
	}
	return node_children_mutator(node, MultiExprParamMutator, arg);
}

Node *ReplaceMultiExprParams(Node *node, PlannerInfo *root)
{
	return MultiExprParamMutator(node, root);
}

Node *PreprocessMutator(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	auto *ctx = static_cast<PreprocessContext *>(arg);
	switch (nodeTag(node))
	{
		case T_Var:
		{
			Var *var = reinterpret_cast<Var *>(node);
			if (var->varlevelsup > 0)
				return reinterpret_cast<Node *>(ReplaceOuterVar(ctx->root, var));
			return reinterpret_cast<Node *>(copyObject(var));
		}
		case T_Aggref:
			if (reinterpret_cast<Aggref *>(node)->agglevelsup > 0)
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("aggregates of an outer query level are not supported yet"));
			break;
		case T_SubLink:
		{
			SubLink *sublink = reinterpret_cast<SubLink *>(node);
			if (sublink->subLinkType == CTE_SUBLINK)
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("this kind of subquery is not supported yet"));
			/* The comparison's left side belongs to this level. */
			Node *testexpr = PreprocessMutator(sublink->testexpr, arg);
			return MakeSubPlan(ctx->root, sublink, testexpr);
		}
		case T_Query:
			elog(ERROR, "unexpected Query in an expression");
		default:
			break;
	}
	return node_children_mutator(node, PreprocessMutator, arg);
}

}  // namespace

int AssignParamExec(PlannerGlobal *glob, Oid type)
{
	glob->paramExecTypes = lappend_oid(glob->paramExecTypes, type);
	return list_length(glob->paramExecTypes) - 1;
}

Node *PreprocessExpression(PlannerInfo *root, Node *expr)
{
	if (expr == nullptr)
		return nullptr;
	/* Constants first (PostgreSQL's order): what is left of a sublink
	 * whose result cannot matter is never planned. */
	expr = eval_const_expressions(root, expr);
	PreprocessContext ctx{root};
	Node *result = PreprocessMutator(expr, &ctx);
	/* The PARAM_MULTIEXPR Params come before their sub-SELECT in a SET
	 * list: they are resolved once every SubPlan exists. */
	if (root->multiexpr_params != NIL)
		result = ReplaceMultiExprParams(result, root);
	return result;
}

Node *PreprocessQual(PlannerInfo *root, Node *qual)
{
	if (qual == nullptr)
		return nullptr;
	qual = canonicalize_qual(eval_const_expressions(root, qual));
	PreprocessContext ctx{root};
	return PreprocessMutator(qual, &ctx);
}

}  // namespace tusk::optimizer
