/*
 * srfplan.cpp — planning functions in FROM and set-returning functions
 * in the target list (parts of PostgreSQL's costsize.c, clauses.c and
 * tlist.c's split_pathtarget_at_srfs, reduced).
 *
 * A FROM function's row estimate is its pg_proc.prorows (1 for a function
 * that does not return a set), or, for generate_series over int4/int8
 * constants, the exact count its planner support function would give in
 * PostgreSQL 15.  A target list with set-returning functions becomes a
 * ProjectSet over the plan of the rest of the query: the plan below
 * computes the target list's other entries and the set-returning calls'
 * inputs, the ProjectSet calls them.
 *
 * A set-returning call inside an expression (generate_series(1, 3) * 2)
 * is computed by the ProjectSet as a column of its own, and the
 * expression by a Result above it.
 *
 * Principal entry points: ExpressionReturnsSetRows, FunctionRteRows,
 * FunctionRteWidth, FunctionRteCost, SrfMiddleTargetList,
 * SrfInputTargetList, MakeProjectSet.
 */
#include "postgres.h"

#include <cmath>

#include "access/htup_details.h"
#include "catalog/pg_proc_d.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "parser/parse_func.h"
#include "planner_int.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

namespace tusk::optimizer {

namespace {

/* generate_series(int4/int8 constants [, step]): PostgreSQL 15's support
 * functions count the rows; -1 when the arguments are not constants. */
double GenerateSeriesRows(FuncExpr *fexpr, bool int8)
{
	double values[3] = {0, 0, 1};
	int i = 0;
	ListCell *lc;
	foreach (lc, fexpr->args)
	{
		Const *arg = EstimateExpressionValue(static_cast<Node *>(lfirst(lc)));
		if (arg == nullptr || arg->constisnull || i >= 3)
			return -1;
		Datum d = arg->constvalue;
		values[i++] = int8 ? static_cast<double>(DatumGetInt64(d))
						   : static_cast<double>(DatumGetInt32(d));
	}
	if (values[2] == 0)
		return -1;
	double rows = std::floor((values[1] - values[0] + values[2]) / values[2]);
	return rows > 0 ? rows : 0;
}

int TypeWidth(Oid type)
{
	constexpr int kDefaultVarlenaWidth = 32;
	int16 len = get_typlen(type);
	return len > 0 ? len : kDefaultVarlenaWidth;
}

/* The entry's expression is a set-returning call. */
bool IsSrfCall(Node *expr)
{
	return IsA(expr, FuncExpr) && reinterpret_cast<FuncExpr *>(expr)->funcretset;
}

/* The set-returning calls of node not inside another one. */
bool CollectSrfsWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	if (IsSrfCall(node))
	{
		auto *list = static_cast<List **>(arg);
		*list = lappend(*list, node);
		return false;
	}
	if (IsA(node, SubLink) || IsA(node, SubPlan))
		return false;
	return node_children_walker(node, CollectSrfsWalker, arg);
}

}  // namespace

List *SrfMiddleTargetList(List *tlist, bool grouped)
{
	bool nested = false;
	ListCell *lc;
	foreach (lc, tlist)
	{
		Node *expr = reinterpret_cast<Node *>(static_cast<TargetEntry *>(lfirst(lc))->expr);
		Node *srf = FindSetReturningFunction(expr);
		nested |= srf != nullptr && srf != expr;
	}
	if (!nested)
		return NIL;
	List *middle = NIL;
	auto add = [&middle](Expr *expr, TargetEntry *like) {
		TargetEntry *tle = like != nullptr ? copyObject(like) : makeNode(TargetEntry);
		tle->expr = expr;
		tle->resno = static_cast<AttrNumber>(list_length(middle) + 1);
		if (like == nullptr)
			tle->resjunk = true;
		middle = lappend(middle, tle);
	};
	foreach (lc, tlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		Node *expr = reinterpret_cast<Node *>(tle->expr);
		Node *srf = FindSetReturningFunction(expr);
		if (srf == nullptr || srf == expr)
		{
			add(tle->expr, tle);
			continue;
		}
		if (grouped)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("set-returning functions inside expressions of a grouped query are "
						   "not supported yet"));
		/* The ProjectSet returns the calls and the expression's columns;
		 * a Result above computes the expression. */
		List *srfs = NIL;
		CollectSrfsWalker(expr, &srfs);
		ListCell *c;
		foreach (c, srfs)
			add(static_cast<Expr *>(lfirst(c)), nullptr);
		List *vars = PullVars(expr);
		foreach (c, vars)
			add(static_cast<Expr *>(lfirst(c)), nullptr);
	}
	return middle;
}

double ExpressionReturnsSetRows(Node *expr)
{
	if (!IsSrfCall(expr))
		return 1.0;
	auto *fexpr = reinterpret_cast<FuncExpr *>(expr);
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(fexpr->funcid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", fexpr->funcid);
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	double rows = proc->prorows;
	Oid support = proc->prosupport;
	ReleaseSysCache(tup);
	double exact = -1;
	if (support == F_GENERATE_SERIES_INT4_SUPPORT)
		exact = GenerateSeriesRows(fexpr, false);
	else if (support == F_GENERATE_SERIES_INT8_SUPPORT)
		exact = GenerateSeriesRows(fexpr, true);
	if (exact >= 0)
		rows = exact;
	return std::max(1.0, std::rint(rows));
}

double FunctionRteRows(RangeTblEntry *rte)
{
	double rows = 1.0;
	ListCell *lc;
	foreach (lc, rte->functions)
		rows = std::max(rows,
						ExpressionReturnsSetRows(castNode(RangeTblFunction, lfirst(lc))->funcexpr));
	return rows;
}

int FunctionRteWidth(RangeTblEntry *rte)
{
	int width = 0;
	ListCell *lc;
	foreach (lc, rte->coltypes)
		width += TypeWidth(lfirst_oid(lc));
	return width;
}

Cost FunctionRteCost(RangeTblEntry *rte)
{
	/* Arguments PostgreSQL would fold to constants cost nothing. */
	Cost cost = 0;
	ListCell *lc;
	foreach (lc, rte->functions)
	{
		Node *expr = castNode(RangeTblFunction, lfirst(lc))->funcexpr;
		if (!IsA(expr, FuncExpr))
		{
			cost += QualCostPerTuple(list_make1(expr));
			continue;
		}
		cost += kCpuOperatorCost;
		ListCell *a;
		foreach (a, reinterpret_cast<FuncExpr *>(expr)->args)
		{
			Node *arg = static_cast<Node *>(lfirst(a));
			if (EstimateExpressionValue(arg) == nullptr)
				cost += QualCostPerTuple(list_make1(arg));
		}
	}
	return cost;
}

List *SrfInputTargetList(List *tlist, bool grouped)
{
	List *lower = NIL;
	ListCell *lc;
	auto add = [&lower](Expr *expr, TargetEntry *like) {
		TargetEntry *tle = like != nullptr ? copyObject(like) : makeNode(TargetEntry);
		tle->expr = expr;
		tle->resno = static_cast<AttrNumber>(list_length(lower) + 1);
		if (like == nullptr)
			tle->resjunk = true;
		lower = lappend(lower, tle);
	};
	foreach (lc, tlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		Node *expr = reinterpret_cast<Node *>(tle->expr);
		Node *srf = FindSetReturningFunction(expr);
		if (srf == nullptr)
		{
			add(tle->expr, tle);
			continue;
		}
		Assert(srf == expr);
		auto *fexpr = reinterpret_cast<FuncExpr *>(expr);
		if (FindSetReturningFunction(reinterpret_cast<Node *>(fexpr->args)) != nullptr)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("nested set-returning functions are not supported yet"));
		if (grouped && tle->ressortgroupref != 0)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("grouping by a set-returning function is not supported yet"));
		/* The plan below computes the call's inputs: its columns, or
		 * (grouped) its arguments, which may hold aggregates. */
		ListCell *a;
		if (grouped)
		{
			foreach (a, fexpr->args)
			{
				Node *arg = static_cast<Node *>(lfirst(a));
				if (!IsA(arg, Const) && !IsA(arg, Param))
					add(reinterpret_cast<Expr *>(arg), nullptr);
			}
		}
		else
		{
			List *vars = PullVars(reinterpret_cast<Node *>(fexpr->args));
			foreach (a, vars)
				add(static_cast<Expr *>(lfirst(a)), nullptr);
		}
	}
	return lower;
}

Plan *MakeProjectSet(Plan *input, List *tlist)
{
	ProjectSet *ps = makeNode(ProjectSet);
	ps->plan.targetlist = tlist;
	ps->plan.lefttree = input;
	double rows = 1.0;
	Cost per_tuple = 0;
	int width = 0;
	ListCell *lc;
	foreach (lc, tlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		Node *expr = reinterpret_cast<Node *>(tle->expr);
		rows = std::max(rows, ExpressionReturnsSetRows(expr));
		per_tuple += QualCostPerTuple(list_make1(expr));
		width += TypeWidth(exprType(expr));
	}
	/* PostgreSQL's create_set_projection_path. */
	double out_rows = input->plan_rows * rows;
	ps->plan.startup_cost = input->startup_cost;
	ps->plan.total_cost = input->total_cost + (kCpuTupleCost + per_tuple) * input->plan_rows +
		(out_rows - input->plan_rows) * kCpuTupleCost / 2;
	ps->plan.plan_rows = out_rows;
	ps->plan.plan_width = width;
	return &ps->plan;
}

}  // namespace tusk::optimizer
