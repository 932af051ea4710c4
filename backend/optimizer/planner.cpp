/*
 * planner.cpp — turning an analyzed Query into a plan
 * (optimizer/planner.h).
 *
 * Principal entry point: planner.
 *
 * This first planner builds PostgreSQL's plan shapes without choosing
 * between alternatives: each table is a SeqScan (with the WHERE
 * conditions that mention only it), tables are joined left to right by
 * NestLoop (the other conditions on the join), then Sort for ORDER BY,
 * Limit for LIMIT/OFFSET, and ModifyTable on top of INSERT's rows.  The
 * cost-based search (paths, statistics, index scans, hash and merge
 * joins) replaces the scan and join choice here without changing what
 * is above or below it.
 *
 * References between nodes follow PostgreSQL's setrefs convention: a
 * scan outputs all of its table's columns in order, a join outputs its
 * outer input's columns then its inner's, and a Var above a scan becomes
 * OUTER_VAR/INNER_VAR with the column's position in that output.
 */
#include "postgres.h"

#include <functional>
#include <vector>

#include "access/relation.h"
#include "access/tupdesc.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/paths.h"
#include "optimizer/planner.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

namespace {

/* Where each range-table entry's columns are in a plan node's output. */
struct OutputLayout
{
	std::vector<int> rtindexes; /* the entries, in output order */
	std::vector<int> offsets;	/* the position before each one's first column */
	int width = 0;

	int Find(int rtindex) const
	{
		for (size_t i = 0; i < rtindexes.size(); i++)
			if (rtindexes[i] == rtindex)
				return static_cast<int>(i);
		return -1;
	}
};

int RteWidth(Query *parse, int rtindex)
{
	RangeTblEntry *rte = static_cast<RangeTblEntry *>(list_nth(parse->rtable, rtindex - 1));
	return list_length(rte->eref->colnames);
}

/* The rtindexes of the Vars (of this level) in node. */
bool CollectVarnosWalker(Node *node, void *ctx)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (var->varlevelsup == 0)
			static_cast<std::vector<int> *>(ctx)->push_back(var->varno);
		return false;
	}
	return node_children_walker(node, CollectVarnosWalker, ctx);
}

std::vector<int> Varnos(Node *node)
{
	std::vector<int> varnos;
	CollectVarnosWalker(node, &varnos);
	return varnos;
}

struct JoinVarsContext
{
	const OutputLayout *outer;
	const OutputLayout *inner;
};

/* A copy of node whose Vars refer to a join's outer and inner outputs. */
Node *FixJoinVars(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	auto *ctx = static_cast<JoinVarsContext *>(arg);
	if (IsA(node, Var))
	{
		Var *var = copyObject(reinterpret_cast<Var *>(node));
		if (var->varlevelsup != 0)
			return reinterpret_cast<Node *>(var);
		int i = ctx->inner->Find(var->varno);
		if (i >= 0)
		{
			var->varno = INNER_VAR;
			var->varattno = static_cast<AttrNumber>(ctx->inner->offsets[i] + var->varattno);
		}
		else
		{
			i = ctx->outer->Find(var->varno);
			Assert(i >= 0);
			var->varno = OUTER_VAR;
			var->varattno = static_cast<AttrNumber>(ctx->outer->offsets[i] + var->varattno);
		}
		return reinterpret_cast<Node *>(var);
	}
	return node_children_mutator(node, FixJoinVars, arg);
}

/* A copy of node whose Vars refer to positions in an input whose output
 * is the whole layout (above a scan or join feeding an Agg). */
Node *FixLayoutVars(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	auto *layout = static_cast<const OutputLayout *>(arg);
	if (IsA(node, Var))
	{
		Var *var = copyObject(reinterpret_cast<Var *>(node));
		if (var->varlevelsup == 0)
		{
			int i = layout->Find(var->varno);
			Assert(i >= 0);
			var->varno = OUTER_VAR;
			var->varattno = static_cast<AttrNumber>(layout->offsets[i] + var->varattno);
		}
		return reinterpret_cast<Node *>(var);
	}
	return node_children_mutator(node, FixLayoutVars, arg);
}

/* Number the Aggrefs of an Agg node's expressions; equal calls share a
 * number (computed once). */
bool NumberAggrefs(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Aggref))
	{
		auto *seen = static_cast<std::vector<Aggref *> *>(arg);
		Aggref *agg = reinterpret_cast<Aggref *>(node);
		agg->aggno = -1;
		for (Aggref *other : *seen)
		{
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
		agg->aggno = static_cast<int>(seen->size());
		seen->push_back(agg);
		return false;
	}
	return node_children_walker(node, NumberAggrefs, arg);
}

/* A plan's targetlist of every column of the output layout, as Vars of
 * the scan (scanrelid) or the join's inputs. */
List *ScanTargetList(Query *parse, int rtindex)
{
	RangeTblEntry *rte = static_cast<RangeTblEntry *>(list_nth(parse->rtable, rtindex - 1));
	List *tlist = NIL;
	int attno = 0;
	if (rte->rtekind == RTE_RELATION)
	{
		Relation rel = relation_open(rte->relid, NoLock);
		TupleDesc desc = RelationGetDescr(rel);
		for (int i = 0; i < desc->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, i);
			Var *var = makeNode(Var);
			var->varno = rtindex;
			var->varattno = static_cast<AttrNumber>(i + 1);
			var->vartype = att->atttypid;
			var->vartypmod = att->atttypmod;
			var->varcollid = att->attcollation;
			var->varnosyn = static_cast<Index>(rtindex);
			var->varattnosyn = var->varattno;
			var->location = -1;
			TargetEntry *tle = makeNode(TargetEntry);
			tle->expr = reinterpret_cast<Expr *>(var);
			tle->resno = static_cast<AttrNumber>(i + 1);
			tlist = lappend(tlist, tle);
		}
		relation_close(rel, NoLock);
		return tlist;
	}
	ListCell *lc;
	foreach (lc, rte->coltypes)
	{
		attno++;
		Var *var = makeNode(Var);
		var->varno = rtindex;
		var->varattno = static_cast<AttrNumber>(attno);
		var->vartype = lfirst_oid(lc);
		var->vartypmod = list_nth_int(rte->coltypmods, attno - 1);
		var->varcollid = list_nth_oid(rte->colcollations, attno - 1);
		var->location = -1;
		TargetEntry *tle = makeNode(TargetEntry);
		tle->expr = reinterpret_cast<Expr *>(var);
		tle->resno = static_cast<AttrNumber>(attno);
		tlist = lappend(tlist, tle);
	}
	return tlist;
}

}  // namespace

namespace {

/* The AND-ed conditions of a WHERE clause, as a list. */
List *MakeAndList(Node *qual)
{
	if (qual == nullptr)
		return NIL;
	if (IsA(qual, BoolExpr) && reinterpret_cast<BoolExpr *>(qual)->boolop == AND_EXPR)
	{
		List *result = NIL;
		ListCell *lc;
		foreach (lc, reinterpret_cast<BoolExpr *>(qual)->args)
			result = list_concat(result, MakeAndList(static_cast<Node *>(lfirst(lc))));
		return result;
	}
	return list_make1(qual);
}

Plan *MakeScan(Query *parse, int rtindex, List *quals)
{
	RangeTblEntry *rte = static_cast<RangeTblEntry *>(list_nth(parse->rtable, rtindex - 1));
	Plan *plan;
	if (rte->rtekind == RTE_RELATION)
	{
		if (IndexScan *iscan = create_index_scan(rte->relid, rtindex, &quals))
			plan = &iscan->scan.plan;
		else
		{
			SeqScan *scan = makeNode(SeqScan);
			scan->scan.scanrelid = static_cast<Index>(rtindex);
			plan = &scan->scan.plan;
		}
	}
	else if (rte->rtekind == RTE_VALUES)
	{
		ValuesScan *scan = makeNode(ValuesScan);
		scan->scan.scanrelid = static_cast<Index>(rtindex);
		scan->values_lists = rte->values_lists;
		plan = &scan->scan.plan;
	}
	else
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("this kind of FROM item is not supported yet"));
	plan->targetlist = ScanTargetList(parse, rtindex);
	plan->qual = quals;
	return plan;
}

/* A planned FROM item: its plan and where its tables' columns are in the
 * plan's output (a scan outputs its table's columns; a join its outer
 * side's, then its inner side's). */
struct PlannedItem
{
	Plan *plan;
	OutputLayout layout;
	/* For a join: its two sides' layouts, for its own expressions. */
	OutputLayout outer;
	OutputLayout inner;
	bool is_join = false;
};

void AppendLayout(OutputLayout *to, const OutputLayout &from)
{
	for (size_t i = 0; i < from.rtindexes.size(); i++)
	{
		to->rtindexes.push_back(from.rtindexes[i]);
		to->offsets.push_back(to->width + from.offsets[i]);
	}
	to->width += from.width;
}

/* The join of two planned items, with its condition and type. */
PlannedItem MakeNestLoop(Query *parse, const PlannedItem &outer, const PlannedItem &inner,
						 JoinType jointype, List *joinquals)
{
	PlannedItem result;
	result.is_join = true;
	result.outer = outer.layout;
	result.inner = inner.layout;
	AppendLayout(&result.layout, outer.layout);
	AppendLayout(&result.layout, inner.layout);
	JoinVarsContext ctx{&result.outer, &result.inner};
	NestLoop *join = makeNode(NestLoop);
	join->join.jointype = jointype;
	join->join.joinqual = reinterpret_cast<List *>(
		FixJoinVars(reinterpret_cast<Node *>(joinquals), &ctx));
	List *tlist = NIL;
	int resno = 0;
	for (size_t r = 0; r < result.layout.rtindexes.size(); r++)
	{
		ListCell *c;
		foreach (c, ScanTargetList(parse, result.layout.rtindexes[r]))
		{
			TargetEntry *tle = static_cast<TargetEntry *>(lfirst(c));
			tle->expr = reinterpret_cast<Expr *>(
				FixJoinVars(reinterpret_cast<Node *>(tle->expr), &ctx));
			tle->resno = static_cast<AttrNumber>(++resno);
			tlist = lappend(tlist, tle);
		}
	}
	join->join.plan.targetlist = tlist;
	join->join.plan.lefttree = outer.plan;
	join->join.plan.righttree = inner.plan;
	result.plan = &join->join.plan;
	return result;
}

struct QualPlacement
{
	std::vector<std::pair<int, List *>> scan_quals; /* rtindex → conditions */
	std::vector<int> nullable;						/* tables an outer join may null */
};

List *ScanQualsFor(QualPlacement *place, int rtindex)
{
	for (auto &[rt, quals] : place->scan_quals)
		if (rt == rtindex)
			return quals;
	return NIL;
}

/* Tables below node (a jointree item). */
void CollectItemRels(Node *node, std::vector<int> *rels)
{
	if (IsA(node, RangeTblRef))
		rels->push_back(reinterpret_cast<RangeTblRef *>(node)->rtindex);
	else
	{
		JoinExpr *j = castNode(JoinExpr, node);
		CollectItemRels(j->larg, rels);
		CollectItemRels(j->rarg, rels);
	}
}

PlannedItem PlanFromItem(Query *parse, Node *node, QualPlacement *place)
{
	check_stack_depth();
	if (IsA(node, RangeTblRef))
	{
		int rtindex = reinterpret_cast<RangeTblRef *>(node)->rtindex;
		PlannedItem item;
		item.plan = MakeScan(parse, rtindex, ScanQualsFor(place, rtindex));
		item.layout.rtindexes.push_back(rtindex);
		item.layout.offsets.push_back(0);
		item.layout.width = RteWidth(parse, rtindex);
		return item;
	}
	JoinExpr *j = castNode(JoinExpr, node);
	PlannedItem outer = PlanFromItem(parse, j->larg, place);
	PlannedItem inner = PlanFromItem(parse, j->rarg, place);
	return MakeNestLoop(parse, outer, inner, j->jointype, MakeAndList(j->quals));
}

/* The FROM list's items joined left to right; WHERE conditions on one
 * table that no outer join nulls go to its scan, the others to the
 * lowest join having all their tables — above any outer join they
 * depend on — or to the top. */
PlannedItem MakeJoinTree(Query *parse, List *quals, bool *empty)
{
	List *fromlist = parse->jointree != nullptr ? parse->jointree->fromlist : NIL;
	*empty = fromlist == NIL;
	PlannedItem result;
	if (*empty)
		return result;
	QualPlacement place;
	/* Tables on the nullable side of a LEFT JOIN. */
	std::function<void(Node *, bool)> mark = [&](Node *n, bool nullable) {
		if (IsA(n, RangeTblRef))
		{
			if (nullable)
				place.nullable.push_back(reinterpret_cast<RangeTblRef *>(n)->rtindex);
			return;
		}
		JoinExpr *j = castNode(JoinExpr, n);
		mark(j->larg, nullable);
		mark(j->rarg, nullable || j->jointype == JOIN_LEFT);
	};
	ListCell *lc;
	foreach (lc, fromlist)
		mark(static_cast<Node *>(lfirst(lc)), false);
	List *pending = NIL;
	foreach (lc, quals)
	{
		Node *qual = static_cast<Node *>(lfirst(lc));
		std::vector<int> varnos = Varnos(qual);
		bool single = !varnos.empty();
		for (int v : varnos)
			single &= v == varnos[0];
		bool nullable = false;
		for (int v : varnos)
			for (int n : place.nullable)
				nullable |= v == n;
		if (single && !nullable)
		{
			bool found = false;
			for (auto &[rt, list] : place.scan_quals)
				if (rt == varnos[0])
				{
					list = lappend(list, qual);
					found = true;
				}
			if (!found)
				place.scan_quals.emplace_back(varnos[0], list_make1(qual));
		}
		else
			pending = lappend(pending, qual);
	}
	bool first = true;
	foreach (lc, fromlist)
	{
		PlannedItem item = PlanFromItem(parse, static_cast<Node *>(lfirst(lc)), &place);
		if (first)
		{
			result = item;
			first = false;
			continue;
		}
		/* The conditions whose tables are all present now. */
		OutputLayout joined = result.layout;
		AppendLayout(&joined, item.layout);
		List *joinquals = NIL;
		List *still = NIL;
		ListCell *q;
		foreach (q, pending)
		{
			bool ready = true;
			for (int v : Varnos(static_cast<Node *>(lfirst(q))))
				ready &= joined.Find(v) >= 0;
			if (ready)
				joinquals = lappend(joinquals, lfirst(q));
			else
				still = lappend(still, lfirst(q));
		}
		pending = still;
		result = MakeNestLoop(parse, result, item, JOIN_INNER, joinquals);
	}
	/* What is left applies to the top's output (after its outer joins). */
	if (pending != NIL)
	{
		if (result.is_join)
		{
			JoinVarsContext ctx{&result.outer, &result.inner};
			result.plan->qual = list_concat(result.plan->qual,
											reinterpret_cast<List *>(
												FixJoinVars(reinterpret_cast<Node *>(pending),
															&ctx)));
		}
		else
			result.plan->qual = list_concat(result.plan->qual, pending);
	}
	return result;
}

/* A projection of the query's target list over the joined tables. */
Plan *MakeProjection(Query *parse, List *tlist)
{
	List *quals = MakeAndList(parse->jointree != nullptr ? parse->jointree->quals : nullptr);
	bool empty;
	PlannedItem item = MakeJoinTree(parse, quals, &empty);
	Plan *input = item.plan;
	if (empty)
	{
		/* No FROM: one row computed from nothing; WHERE is tested once. */
		Result *result = makeNode(Result);
		result->plan.targetlist = tlist;
		result->resconstantqual = reinterpret_cast<Node *>(quals);
		return &result->plan;
	}
	if (IsA(input, SeqScan) || IsA(input, IndexScan) || IsA(input, ValuesScan))
	{
		/* The scan projects the target list itself. */
		input->targetlist = tlist;
		return input;
	}
	/* The top join projects the target list from its two inputs. */
	JoinVarsContext ctx{&item.outer, &item.inner};
	input->targetlist = reinterpret_cast<List *>(
		FixJoinVars(reinterpret_cast<Node *>(tlist), &ctx));
	return input;
}

/* GROUP BY/aggregates: the joined rows (all columns, then the grouping
 * expressions), sorted by the grouping expressions when grouped, into an
 * Agg whose output is the query's target list. */
Plan *MakeAggregation(Query *parse)
{
	List *quals = MakeAndList(parse->jointree != nullptr ? parse->jointree->quals : nullptr);
	bool empty;
	PlannedItem item = MakeJoinTree(parse, quals, &empty);
	Plan *input = item.plan;
	const OutputLayout &layout = item.layout;
	if (empty)
	{
		Result *result = makeNode(Result);
		result->resconstantqual = reinterpret_cast<Node *>(quals);
		input = &result->plan;
	}
	else if (!IsA(input, SeqScan) && !IsA(input, IndexScan) && !IsA(input, ValuesScan))
	{
		/* The join's output is already the whole layout. */
	}
	/* Grouping expressions after the layout's columns. */
	List *groupexprs = NIL;
	ListCell *lc;
	foreach (lc, parse->groupClause)
	{
		SortGroupClause *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		ListCell *t;
		foreach (t, parse->targetList)
		{
			TargetEntry *tle = static_cast<TargetEntry *>(lfirst(t));
			if (tle->ressortgroupref == sgc->tleSortGroupRef)
				groupexprs = lappend(groupexprs, tle->expr);
		}
	}
	int width = list_length(input->targetlist);
	JoinVarsContext ctx{&item.outer, &item.inner};
	int resno = width;
	foreach (lc, groupexprs)
	{
		Node *expr = static_cast<Node *>(lfirst(lc));
		if (IsA(input, NestLoop))
			expr = FixJoinVars(expr, &ctx);
		TargetEntry *tle = makeNode(TargetEntry);
		tle->expr = reinterpret_cast<Expr *>(expr);
		tle->resno = static_cast<AttrNumber>(++resno);
		input->targetlist = lappend(input->targetlist, tle);
	}
	Agg *agg = makeNode(Agg);
	agg->aggstrategy = parse->groupClause != NIL ? AGG_SORTED : AGG_PLAIN;
	if (parse->groupClause != NIL)
	{
		Sort *sort = makeNode(Sort);
		int pos = width;
		foreach (lc, parse->groupClause)
		{
			SortGroupClause *sgc = static_cast<SortGroupClause *>(lfirst(lc));
			Node *expr = static_cast<Node *>(list_nth(groupexprs, pos - width));
			pos++;
			sort->sortColIdx = lappend_int(sort->sortColIdx, pos);
			sort->sortOperators = lappend_oid(sort->sortOperators, sgc->sortop);
			sort->collations = lappend_oid(sort->collations, exprCollation(expr));
			sort->nullsFirst = lappend_int(sort->nullsFirst, sgc->nulls_first);
			sort->numCols++;
			agg->grpColIdx = lappend_int(agg->grpColIdx, pos);
			agg->grpOperators = lappend_oid(agg->grpOperators, sgc->eqop);
			agg->grpCollations = lappend_oid(agg->grpCollations, exprCollation(expr));
			agg->numCols++;
		}
		List *tlist = NIL;
		foreach (lc, input->targetlist)
		{
			TargetEntry *tle = copyObject(static_cast<TargetEntry *>(lfirst(lc)));
			Var *var = makeNode(Var);
			var->varno = OUTER_VAR;
			var->varattno = tle->resno;
			var->vartype = exprType(reinterpret_cast<Node *>(tle->expr));
			var->vartypmod = exprTypmod(reinterpret_cast<Node *>(tle->expr));
			var->varcollid = exprCollation(reinterpret_cast<Node *>(tle->expr));
			var->location = -1;
			tle->expr = reinterpret_cast<Expr *>(var);
			tlist = lappend(tlist, tle);
		}
		sort->plan.targetlist = tlist;
		sort->plan.lefttree = input;
		input = &sort->plan;
	}
	agg->plan.targetlist = reinterpret_cast<List *>(
		FixLayoutVars(reinterpret_cast<Node *>(parse->targetList),
					  const_cast<OutputLayout *>(&layout)));
	agg->plan.qual = reinterpret_cast<List *>(
		FixLayoutVars(reinterpret_cast<Node *>(MakeAndList(parse->havingQual)),
					  const_cast<OutputLayout *>(&layout)));
	std::vector<Aggref *> aggrefs;
	NumberAggrefs(reinterpret_cast<Node *>(agg->plan.targetlist), &aggrefs);
	NumberAggrefs(reinterpret_cast<Node *>(agg->plan.qual), &aggrefs);
	agg->plan.lefttree = input;
	return &agg->plan;
}

/* Sort on the query's ORDER BY (over a plan whose output is the target
 * list, junk columns included). */
Plan *MakeSort(Query *parse, Plan *lefttree)
{
	Sort *sort = makeNode(Sort);
	ListCell *lc;
	foreach (lc, parse->sortClause)
	{
		SortGroupClause *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		ListCell *t;
		foreach (t, parse->targetList)
		{
			TargetEntry *tle = static_cast<TargetEntry *>(lfirst(t));
			if (tle->ressortgroupref == sgc->tleSortGroupRef)
			{
				sort->sortColIdx = lappend_int(sort->sortColIdx, tle->resno);
				sort->collations = lappend_oid(sort->collations,
											   exprCollation(reinterpret_cast<Node *>(tle->expr)));
				break;
			}
		}
		sort->sortOperators = lappend_oid(sort->sortOperators, sgc->sortop);
		sort->nullsFirst = lappend_int(sort->nullsFirst, sgc->nulls_first);
		sort->numCols++;
	}
	/* The Sort passes its input's rows through unchanged. */
	List *tlist = NIL;
	foreach (lc, lefttree->targetlist)
	{
		TargetEntry *tle = copyObject(static_cast<TargetEntry *>(lfirst(lc)));
		Var *var = makeNode(Var);
		var->varno = OUTER_VAR;
		var->varattno = tle->resno;
		var->vartype = exprType(reinterpret_cast<Node *>(tle->expr));
		var->vartypmod = exprTypmod(reinterpret_cast<Node *>(tle->expr));
		var->varcollid = exprCollation(reinterpret_cast<Node *>(tle->expr));
		var->location = -1;
		tle->expr = reinterpret_cast<Expr *>(var);
		tlist = lappend(tlist, tle);
	}
	sort->plan.targetlist = tlist;
	sort->plan.lefttree = lefttree;
	return &sort->plan;
}

Plan *MakeLimit(Query *parse, Plan *lefttree)
{
	Limit *limit = makeNode(Limit);
	limit->limitOffset = parse->limitOffset;
	limit->limitCount = parse->limitCount;
	limit->limitOption = parse->limitOption;
	limit->plan.targetlist = lefttree->targetlist;
	limit->plan.lefttree = lefttree;
	return &limit->plan;
}

}  // namespace

PlannedStmt *planner(Query *parse, const char *, int, ParamListInfo)
{
	PlannedStmt *stmt = makeNode(PlannedStmt);
	stmt->commandType = parse->commandType;
	stmt->canSetTag = parse->canSetTag;
	stmt->stmt_location = parse->stmt_location;
	stmt->stmt_len = parse->stmt_len;
	stmt->rtable = parse->rtable;
	if (parse->commandType == CMD_UTILITY)
	{
		stmt->utilityStmt = parse->utilityStmt;
		return stmt;
	}
	bool grouped = parse->hasAggs || parse->groupClause != NIL || parse->havingQual != nullptr;
	Plan *plan = grouped ? MakeAggregation(parse) : MakeProjection(parse, parse->targetList);
	if (parse->commandType == CMD_SELECT)
	{
		if (parse->sortClause != NIL && !index_provides_order(parse, &plan))
			plan = MakeSort(parse, plan);
		if (parse->limitCount != nullptr || parse->limitOffset != nullptr)
			plan = MakeLimit(parse, plan);
	}
	else if (parse->commandType == CMD_INSERT || parse->commandType == CMD_UPDATE ||
			 parse->commandType == CMD_DELETE)
	{
		ModifyTable *mt = makeNode(ModifyTable);
		mt->operation = parse->commandType;
		mt->canSetTag = parse->canSetTag;
		mt->nominalRelation = static_cast<Index>(parse->resultRelation);
		mt->resultRelations = list_make1_int(parse->resultRelation);
		mt->onConflictAction = ONCONFLICT_NONE;
		mt->epqParam = -1;
		mt->plan.lefttree = plan;
		stmt->resultRelations = mt->resultRelations;
		plan = &mt->plan;
	}
	else
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("this statement is not supported by the planner yet"));
	stmt->planTree = plan;
	ListCell *lc;
	foreach (lc, parse->rtable)
	{
		RangeTblEntry *rte = static_cast<RangeTblEntry *>(lfirst(lc));
		if (rte->rtekind == RTE_RELATION)
			stmt->relationOids = lappend_oid(stmt->relationOids, rte->relid);
	}
	return stmt;
}
