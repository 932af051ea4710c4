/*
 * costsize.cpp — how big a relation is and what a qual keeps
 * (PostgreSQL's costsize.c, plancat.c and clausesel.c, reduced).
 *
 * Principal entry points: EstimateRelSize, ClauseSelectivity,
 * QualCostPerTuple, SortCost.
 *
 * Operator clauses, IS NULL and boolean columns are estimated from
 * pg_statistic by selfuncs.cpp, through the estimator pg_operator names
 * (PostgreSQL's defaults where ANALYZE has not run); what remains here is
 * PostgreSQL's default for the rest (LIKE 1/200, other booleans 1/2).  A
 * table that was never vacuumed or analyzed is assumed to hold at least
 * 10 pages (so that a freshly created table is not planned as if it
 * stayed that small), as PostgreSQL assumes.
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
constexpr double kDefaultMatchSel = 0.005; /* LIKE and friends */
constexpr double kDefaultBoolSel = 0.5;

/* PostgreSQL's MAXALIGN(SizeofHeapTupleHeader). */
constexpr int kPgTupleHeaderSize = 24;

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
		tuple_width += AttributeWidth(relid, att);
	}
	*width = tuple_width;
	BlockNumber curpages = smgrnblocks(smgropen(rel->rd_node), MAIN_FORKNUM);
	double reltuples = rel->rd_rel->reltuples;
	BlockNumber relpages = static_cast<BlockNumber>(rel->rd_rel->relpages);
	relation_close(rel, NoLock);
	/* Never vacuumed or analyzed and small: assume it will not stay that
	 * small (PostgreSQL's heuristic). */
	if (curpages < 10 && reltuples < 0)
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
		/* PostgreSQL's figure, tuple header and line pointer included
		 * (its integer division too), so that estimates match its. */
		int full_width = tuple_width + kPgTupleHeaderSize + static_cast<int>(sizeof(ItemIdData));
		int tuples_per_page = static_cast<int>(BLCKSZ - SizeOfPageHeaderData) / full_width;
		density = tuples_per_page;
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
			if (b->boolop == AND_EXPR)
				return ClauseListSelectivity(root, b->args, rel_rows);
			Selectivity s = b->boolop == OR_EXPR ? 0.0 : 1.0;
			ListCell *lc;
			foreach (lc, b->args)
			{
				Selectivity s2 = ClauseSelectivity(root, static_cast<Node *>(lfirst(lc)), rel_rows);
				if (b->boolop == OR_EXPR)
					s = s + s2 - s * s2;
				else
					s = 1.0 - s2;
			}
			return s;
		}
		case T_OpExpr:
		{
			OpExpr *op = reinterpret_cast<OpExpr *>(clause);
			Selectivity s;
			if (OperatorSelectivity(root, op, &s))
				return s;
			const char *name = OperatorName(op->opno);
			if (name == nullptr || list_length(op->args) != 2)
				return kDefaultBoolSel;
			if (strcmp(name, "~~") == 0 || strcmp(name, "~~*") == 0)
				return kDefaultMatchSel;
			if (strcmp(name, "!~~") == 0 || strcmp(name, "!~~*") == 0)
				return 1.0 - kDefaultMatchSel;
			return kDefaultBoolSel;
		}
		case T_NullTest:
		{
			NullTest *nt = reinterpret_cast<NullTest *>(clause);
			return NullTestSelectivity(root, nt->nulltesttype, reinterpret_cast<Node *>(nt->arg));
		}
		case T_Var:
			return BoolVarSelectivity(root, clause);
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
