/*
 * costsize.cpp — how big a relation is and what a qual keeps
 * (PostgreSQL's costsize.c, plancat.c and clausesel.c, reduced).
 *
 * Principal entry points: EstimateRelSize, ClauseSelectivity,
 * QualCostPerTuple, SortCost.
 *
 * Until ANALYZE fills pg_statistic, every estimate is PostgreSQL's
 * estimate for a column without statistics: equality keeps 1/200 of the
 * rows (DEFAULT_EQ_SEL), an inequality a third, IS NULL 1/200, and a
 * table that was never vacuumed is assumed to hold 10 pages when empty
 * (so that a freshly created table is not planned as if it stayed empty).
 */
#include "postgres.h"

#include <algorithm>
#include <cmath>

#include "access/relation.h"
#include "access/tupdesc.h"
#include "catalog/pg_class_d.h"
#include "nodes/nodeFuncs.h"
#include "planner_int.h"
#include "storage/bufpage.h"
#include "storage/smgr.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

namespace tusk::optimizer {

namespace {

constexpr double kDefaultEqSel = 0.005;
constexpr double kDefaultIneqSel = 1.0 / 3.0;
constexpr double kDefaultUnkSel = 0.005;
constexpr double kDefaultNotUnkSel = 1.0 - kDefaultUnkSel;
constexpr double kDefaultMatchSel = 0.005; /* LIKE and friends */
constexpr double kDefaultBoolSel = 0.5;
constexpr double kDefaultNumDistinct = 200.0;

/* A column's width when its type does not fix it (PostgreSQL's
 * get_typavgwidth for an unconstrained varlena). */
constexpr int kDefaultVarlenaWidth = 32;

bool CountOperators(Node *node, void *ctx)
{
	if (node == nullptr)
		return false;
	if (IsA(node, OpExpr) || IsA(node, FuncExpr) || IsA(node, DistinctExpr) ||
		IsA(node, NullIfExpr) || IsA(node, ScalarArrayOpExpr))
		++*static_cast<int *>(ctx);
	if (IsA(node, SubPlan))
	{
		/* A subquery per row is expensive: count it as many operators. */
		*static_cast<int *>(ctx) += 100;
	}
	return node_children_walker(node, CountOperators, ctx);
}

/* The operator's name, for recognising "=" and the inequalities. */
const char *OperatorName(Oid opno)
{
	return get_opname(opno);
}

bool IsVarLike(Node *node)
{
	while (node != nullptr && IsA(node, RelabelType))
		node = reinterpret_cast<Node *>(reinterpret_cast<RelabelType *>(node)->arg);
	return node != nullptr && IsA(node, Var);
}

}  // namespace

void EstimateRelSize(Oid relid, BlockNumber *pages, double *tuples, int *width)
{
	Relation rel = relation_open(relid, NoLock);
	TupleDesc desc = RelationGetDescr(rel);
	int tuple_width = 0;
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		if (att->attisdropped)
			continue;
		tuple_width += att->attlen > 0 ? att->attlen : kDefaultVarlenaWidth;
	}
	*width = tuple_width;
	BlockNumber curpages = smgrnblocks(smgropen(rel->rd_node), MAIN_FORKNUM);
	double reltuples = rel->rd_rel->reltuples;
	BlockNumber relpages = static_cast<BlockNumber>(rel->rd_rel->relpages);
	relation_close(rel, NoLock);
	/* Never vacuumed and empty: assume it will not stay empty. */
	if (curpages == 0 && reltuples < 0)
		curpages = 10;
	*pages = curpages;
	if (curpages == 0)
	{
		*tuples = 0;
		return;
	}
	double density;
	if (reltuples >= 0 && relpages > 0)
		density = reltuples / relpages;
	else
	{
		int full_width = MAXALIGN(tuple_width + 24) + static_cast<int>(sizeof(ItemIdData));
		density = static_cast<double>(BLCKSZ - SizeOfPageHeaderData) / full_width;
	}
	*tuples = std::rint(density * curpages);
}

Selectivity ClauseSelectivity(PlannerInfo *root, Node *clause, double rel_rows)
{
	if (clause == nullptr)
		return 1.0;
	switch (nodeTag(clause))
	{
		case T_BoolExpr:
		{
			BoolExpr *b = reinterpret_cast<BoolExpr *>(clause);
			Selectivity s = b->boolop == OR_EXPR ? 0.0 : 1.0;
			ListCell *lc;
			foreach (lc, b->args)
			{
				Selectivity s2 = ClauseSelectivity(root, static_cast<Node *>(lfirst(lc)), rel_rows);
				if (b->boolop == AND_EXPR)
					s *= s2;
				else if (b->boolop == OR_EXPR)
					s = s + s2 - s * s2;
				else
					s = 1.0 - s2;
			}
			return s;
		}
		case T_OpExpr:
		{
			OpExpr *op = reinterpret_cast<OpExpr *>(clause);
			const char *name = OperatorName(op->opno);
			if (name == nullptr || list_length(op->args) != 2)
				return kDefaultBoolSel;
			bool lvar = IsVarLike(static_cast<Node *>(linitial(op->args)));
			bool rvar = IsVarLike(static_cast<Node *>(lsecond(op->args)));
			if (strcmp(name, "=") == 0)
			{
				if (lvar && rvar)
				{
					/* A join clause: 1 / the larger side's distinct values. */
					double nd = std::min(kDefaultNumDistinct, std::max(rel_rows, 1.0));
					return 1.0 / nd;
				}
				return kDefaultEqSel;
			}
			if (strcmp(name, "<>") == 0)
				return 1.0 - kDefaultEqSel;
			if (strcmp(name, "<") == 0 || strcmp(name, "<=") == 0 || strcmp(name, ">") == 0 ||
				strcmp(name, ">=") == 0)
				return kDefaultIneqSel;
			if (strcmp(name, "~~") == 0 || strcmp(name, "~~*") == 0)
				return kDefaultMatchSel;
			if (strcmp(name, "!~~") == 0 || strcmp(name, "!~~*") == 0)
				return 1.0 - kDefaultMatchSel;
			return kDefaultBoolSel;
		}
		case T_NullTest:
			return reinterpret_cast<NullTest *>(clause)->nulltesttype == IS_NULL
				? kDefaultUnkSel
				: kDefaultNotUnkSel;
		case T_Const:
		{
			Const *c = reinterpret_cast<Const *>(clause);
			if (c->constisnull)
				return 0.0;
			return DatumGetBool(c->constvalue) ? 1.0 : 0.0;
		}
		case T_ScalarArrayOpExpr:
			return kDefaultEqSel * 4;
		default:
			return kDefaultBoolSel;
	}
}

Cost QualCostPerTuple(List *quals)
{
	int n = 0;
	CountOperators(reinterpret_cast<Node *>(quals), &n);
	return n * kCpuOperatorCost;
}

double SortCost(double tuples)
{
	if (tuples < 2.0)
		tuples = 2.0;
	return 2.0 * kCpuOperatorCost * tuples * std::log2(tuples);
}

}  // namespace tusk::optimizer
