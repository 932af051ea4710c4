/*
 * prepjointree.cpp — sublinks of WHERE pulled up into semi and anti joins
 * (PostgreSQL's pull_up_sublinks in prepjointree.c, with subselect.c's
 * convert_ANY_sublink_to_join and convert_EXISTS_sublink_to_join), and
 * simple subqueries in FROM merged into their parent (pull_up_subqueries,
 * pull_up_simple_subquery).
 *
 * Principal entry points: PullUpSublinks, PullUpSubqueries.
 *
 * Each top-level AND item of a SELECT's WHERE that is
 *   - x op ANY (SELECT …) / x IN (SELECT …) over an uncorrelated subquery,
 *   - EXISTS (SELECT …) whose WHERE refers to this level (and nothing
 *     else of the subquery does), or
 *   - NOT EXISTS (SELECT …) of the same kind
 * becomes a JoinExpr of type JOIN_SEMI (the first two) or JOIN_ANTI (the
 * third) stacked on the query's FROM list: larg is what was there, rarg
 * the subquery's FROM items, quals the comparison or the subquery's
 * WHERE.  The subquery's range table is appended to this level's (its
 * Vars renumbered, its references to this level made level 0); an IN's
 * subquery that is not simple (grouping, DISTINCT, LIMIT …) stays whole
 * as a subquery in FROM named "ANY_subquery", as in PostgreSQL, where
 * pull_up_subqueries would flatten a simple one.
 *
 * NOT IN, sublinks under OR or NOT (other than NOT EXISTS), in the
 * target list, correlated IN, and EXISTS whose correlation is not in its
 * WHERE stay SubPlans (subselect.cpp).  joinplan.cpp plans the semi and
 * anti joins (SemiJoinInfo).
 */
#include "postgres.h"

#include <vector>

#include "catalog/pg_type_d.h"
#include "miscadmin.h"

#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "planner_int.h"
#include "rewrite/rewriteManip.h"

namespace tusk::optimizer {

namespace {

FromExpr *MakeFromExpr(List *fromlist, Node *quals)
{
	FromExpr *f = makeNode(FromExpr);
	f->fromlist = fromlist;
	f->quals = quals;
	return f;
}

struct LevelContext
{
	int level;
};

bool ContainVarsOfLevelWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	auto *ctx = static_cast<LevelContext *>(arg);
	if (IsA(node, Alias))
		return false; /* names only */
	if (IsA(node, Var))
		return static_cast<int>(reinterpret_cast<Var *>(node)->varlevelsup) == ctx->level;
	if (IsA(node, Aggref) &&
		static_cast<int>(reinterpret_cast<Aggref *>(node)->agglevelsup) == ctx->level)
		return true;
	if (IsA(node, Query))
	{
		ctx->level++;
		bool result = node_children_walker(node, ContainVarsOfLevelWalker, arg);
		ctx->level--;
		return result;
	}
	return node_children_walker(node, ContainVarsOfLevelWalker, arg);
}

/* Whether node (a Query is looked into as level 0) has Vars of the given
 * level (PostgreSQL's contain_vars_of_level). */
bool ContainVarsOfLevel(Node *node, int level)
{
	LevelContext ctx{level};
	if (node != nullptr && IsA(node, Query))
		return node_children_walker(node, ContainVarsOfLevelWalker, &ctx);
	return ContainVarsOfLevelWalker(node, &ctx);
}

struct OffsetContext
{
	int offset;
	int sublevels_up;
};

bool OffsetVarNodesWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	auto *ctx = static_cast<OffsetContext *>(arg);
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (static_cast<int>(var->varlevelsup) == ctx->sublevels_up && var->varno > 0)
		{
			var->varno += ctx->offset;
			if (var->varnosyn > 0)
				var->varnosyn += static_cast<Index>(ctx->offset);
		}
		return false;
	}
	if (ctx->sublevels_up == 0)
	{
		if (IsA(node, RangeTblRef))
			reinterpret_cast<RangeTblRef *>(node)->rtindex += ctx->offset;
		else if (IsA(node, JoinExpr) && reinterpret_cast<JoinExpr *>(node)->rtindex > 0)
			reinterpret_cast<JoinExpr *>(node)->rtindex += ctx->offset;
	}
	if (IsA(node, Query))
	{
		ctx->sublevels_up++;
		bool result = node_children_walker(node, OffsetVarNodesWalker, arg);
		ctx->sublevels_up--;
		return result;
	}
	return node_children_walker(node, OffsetVarNodesWalker, arg);
}

/* Renumber node's range-table references (Vars of its level 0,
 * RangeTblRefs, joins) by offset, in place (PostgreSQL's
 * OffsetVarNodes). */
void OffsetVarNodes(Node *node, int offset)
{
	OffsetContext ctx{offset, 0};
	OffsetVarNodesWalker(node, &ctx);
}

/* Move the subquery's FROM into this level: its range table appended to
 * the parent's, its level-0 references renumbered, its references to
 * outer levels one level nearer.  Returns the renumbered parts through
 * the subquery itself. */
void MergeSubqueryRangeTable(Query *parent, Query *sub, List **exprs)
{
	int offset = list_length(parent->rtable);
	OffsetVarNodes(reinterpret_cast<Node *>(sub->jointree), offset);
	OffsetVarNodes(reinterpret_cast<Node *>(sub->targetList), offset);
	ListCell *lc;
	foreach (lc, *exprs)
		OffsetVarNodes(static_cast<Node *>(lfirst(lc)), offset);
	IncrementVarSublevelsUp(reinterpret_cast<Node *>(sub->jointree), -1, 1);
	IncrementVarSublevelsUp(reinterpret_cast<Node *>(sub->targetList), -1, 1);
	foreach (lc, *exprs)
		IncrementVarSublevelsUp(static_cast<Node *>(lfirst(lc)), -1, 1);
	foreach (lc, sub->rtable)
		IncrementVarSublevelsUp(static_cast<Node *>(lfirst(lc)), -1, 1);
	parent->rtable = list_concat(parent->rtable, sub->rtable);
}

/* The subquery's FROM as a join-tree node: its single item, or the
 * FromExpr (with its WHERE, if any). */
Node *SubqueryFromNode(Query *sub)
{
	FromExpr *f = sub->jointree;
	if (f->quals == nullptr && list_length(f->fromlist) == 1)
		return static_cast<Node *>(linitial(f->fromlist));
	return reinterpret_cast<Node *>(f);
}

/* PostgreSQL's simplify_EXISTS_query: what does not change whether an
 * EXISTS subquery returns a row is dropped; false when it cannot be. */
bool SimplifyExistsQuery(Query *query)
{
	if (query->commandType != CMD_SELECT || query->setOperations != nullptr || query->hasAggs ||
		query->groupingSets != NIL || query->hasWindowFuncs || query->hasTargetSRFs ||
		query->hasModifyingCTE || query->havingQual != nullptr || query->limitOffset != nullptr ||
		query->rowMarks != NIL || query->hasForUpdate)
		return false;
	if (query->limitCount != nullptr)
	{
		Const *limit = EstimateExpressionValue(query->limitCount);
		if (limit == nullptr || limit->consttype != INT8OID)
			return false;
		if (!limit->constisnull && DatumGetInt64(limit->constvalue) <= 0)
			return false;
		query->limitCount = nullptr;
	}
	query->targetList = NIL;
	query->groupClause = NIL;
	query->windowClause = NIL;
	query->distinctClause = NIL;
	query->sortClause = NIL;
	query->hasDistinctOn = false;
	return true;
}

/* Whether a subquery in FROM could be merged into its parent (PostgreSQL's
 * is_simple_subquery, for an IN's uncorrelated subquery). */
bool IsSimpleSubquery(Query *sub)
{
	return sub->commandType == CMD_SELECT && sub->setOperations == nullptr && !sub->hasAggs &&
		!sub->hasWindowFuncs && !sub->hasTargetSRFs && sub->groupClause == NIL &&
		sub->groupingSets == NIL && sub->havingQual == nullptr && sub->sortClause == NIL &&
		sub->distinctClause == NIL && sub->limitOffset == nullptr && sub->limitCount == nullptr &&
		!sub->hasForUpdate && sub->rowMarks == NIL && sub->cteList == NIL &&
		!sub->hasModifyingCTE && sub->jointree != nullptr && sub->jointree->fromlist != NIL &&
		!contain_volatile_functions(reinterpret_cast<Node *>(sub->targetList));
}

struct SublinkParamContext
{
	List *columns; /* what output column n is, by position */
};

/* testexpr's PARAM_SUBLINK references replaced by the subquery's columns. */
Node *ReplaceSublinkParams(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	if (IsA(node, Param) && reinterpret_cast<Param *>(node)->paramkind == PARAM_SUBLINK)
	{
		auto *ctx = static_cast<SublinkParamContext *>(arg);
		int col = reinterpret_cast<Param *>(node)->paramid;
		if (col < 1 || col > list_length(ctx->columns))
			elog(ERROR, "unexpected sublink parameter %d", col);
		return static_cast<Node *>(copyObjectImpl(list_nth(ctx->columns, col - 1)));
	}
	return node_children_mutator(node, ReplaceSublinkParams, arg);
}

/* PostgreSQL's convert_ANY_sublink_to_join; NULL when it does not apply. */
JoinExpr *ConvertAnySublink(Query *parse, SubLink *sublink)
{
	Query *sub = castNode(Query, sublink->subselect);
	if (ContainVarsOfLevel(reinterpret_cast<Node *>(sub), 1))
		return nullptr;
	if (bms_is_empty(PullVarnos(sublink->testexpr)) ||
		contain_volatile_functions(sublink->testexpr))
		return nullptr;
	sub = copyObject(sub);
	JoinExpr *j = makeNode(JoinExpr);
	j->jointype = JOIN_SEMI;
	SublinkParamContext ctx{};
	if (IsSimpleSubquery(sub))
	{
		/* Flattened into this level, as pull_up_subqueries would. */
		List *none = NIL;
		MergeSubqueryRangeTable(parse, sub, &none);
		ListCell *lc;
		foreach (lc, sub->targetList)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(lc));
			if (!tle->resjunk)
				ctx.columns = lappend(ctx.columns, tle->expr);
		}
		j->rarg = SubqueryFromNode(sub);
	}
	else
	{
		RangeTblEntry *rte = makeNode(RangeTblEntry);
		rte->rtekind = RTE_SUBQUERY;
		rte->subquery = sub;
		rte->eref = makeNode(Alias);
		rte->eref->aliasname = pstrdup("ANY_subquery");
		ListCell *lc;
		foreach (lc, sub->targetList)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(lc));
			if (tle->resjunk)
				continue;
			Node *expr = reinterpret_cast<Node *>(tle->expr);
			rte->eref->colnames = lappend(rte->eref->colnames,
										  makeString(pstrdup(tle->resname != nullptr
																 ? tle->resname
																 : "?column?")));
			rte->coltypes = lappend_oid(rte->coltypes, exprType(expr));
			rte->coltypmods = lappend_int(rte->coltypmods, exprTypmod(expr));
			rte->colcollations = lappend_oid(rte->colcollations, exprCollation(expr));
		}
		parse->rtable = lappend(parse->rtable, rte);
		int rtindex = list_length(parse->rtable);
		AttrNumber attno = 0;
		foreach (lc, sub->targetList)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(lc));
			if (tle->resjunk)
				continue;
			Node *expr = reinterpret_cast<Node *>(tle->expr);
			ctx.columns = lappend(ctx.columns,
								  makeVar(rtindex, ++attno, exprType(expr), exprTypmod(expr),
										  exprCollation(expr), 0));
		}
		RangeTblRef *rtr = makeNode(RangeTblRef);
		rtr->rtindex = rtindex;
		j->rarg = reinterpret_cast<Node *>(rtr);
	}
	j->quals = ReplaceSublinkParams(static_cast<Node *>(copyObjectImpl(sublink->testexpr)), &ctx);
	return j;
}

/* PostgreSQL's convert_EXISTS_sublink_to_join; NULL when it does not
 * apply. */
JoinExpr *ConvertExistsSublink(Query *parse, SubLink *sublink, bool under_not)
{
	Query *sub = copyObject(castNode(Query, sublink->subselect));
	if (!SimplifyExistsQuery(sub) || sub->cteList != NIL || sub->jointree == nullptr ||
		sub->jointree->fromlist == NIL)
		return nullptr;
	Node *where = sub->jointree->quals;
	sub->jointree->quals = nullptr;
	/* The correlation must be in the WHERE, and only there. */
	if (ContainVarsOfLevel(reinterpret_cast<Node *>(sub), 1) || !ContainVarsOfLevel(where, 1) ||
		contain_volatile_functions(where))
		return nullptr;
	List *exprs = list_make1(where);
	MergeSubqueryRangeTable(parse, sub, &exprs);
	JoinExpr *j = makeNode(JoinExpr);
	j->jointype = under_not ? JOIN_ANTI : JOIN_SEMI;
	j->rarg = SubqueryFromNode(sub);
	j->quals = static_cast<Node *>(linitial(exprs));
	return j;
}

/* ---- subqueries in FROM pulled up (pull_up_subqueries) ---- */

/* How the parent refers to one of its FROM subqueries: the output
 * columns it reads, and whether it reads the whole row. */
struct SubqueryRefs
{
	int rtindex;
	int depth;
	Bitmapset *attnos;
	bool wholerow;
};

bool CollectRefsWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	auto *ctx = static_cast<SubqueryRefs *>(arg);
	if (IsA(node, Alias))
		return false;
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (static_cast<int>(var->varlevelsup) == ctx->depth && var->varno == ctx->rtindex)
		{
			if (var->varattno <= 0)
				ctx->wholerow = true;
			else
				ctx->attnos = bms_add_member(ctx->attnos, var->varattno);
		}
		return false;
	}
	if (IsA(node, Query))
	{
		ctx->depth++;
		bool result = node_children_walker(node, CollectRefsWalker, arg);
		ctx->depth--;
		return result;
	}
	return node_children_walker(node, CollectRefsWalker, arg);
}

/* Whether an output expression of a subquery under the nullable side of
 * an outer join still goes NULL when its row is null-extended, so that it
 * may replace the subquery's column above the join without a
 * PlaceHolderVar (which Tusk does not have): a Var, or an expression of
 * the subquery's Vars made of strict constructs only (PostgreSQL wraps
 * every other one in a PlaceHolderVar). */
bool NullsWithItsRow(Node *expr)
{
	if (IsA(expr, Var))
		return reinterpret_cast<Var *>(expr)->varlevelsup == 0;
	return ContainVarsOfLevel(expr, 0) && !ContainNonstrictFunctions(expr);
}

/* What one pull-up pass collects: per range-table index of this level
 * (before the pass), the target list of the subquery merged in its place,
 * or NIL. */
struct PullUpState
{
	std::vector<List *> tlists;
	bool pulled = false;
};

struct ReplaceContext
{
	PullUpState *state;
	int depth;
};

/* Vars of a pulled-up subquery replaced by its output expressions (at
 * deeper query levels with their level references raised to match). */
Node *PullUpReplaceMutator(Node *node, void *arg)
{
	if (node == nullptr)
		return nullptr;
	auto *ctx = static_cast<ReplaceContext *>(arg);
	if (IsA(node, Alias))
		return node;
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (static_cast<int>(var->varlevelsup) != ctx->depth || var->varno <= 0 ||
			static_cast<size_t>(var->varno) >= ctx->state->tlists.size())
			return node;
		List *tlist = ctx->state->tlists[static_cast<size_t>(var->varno)];
		if (tlist == NIL)
			return node;
		auto *tle = static_cast<TargetEntry *>(list_nth(tlist, var->varattno - 1));
		if (tle->resno != var->varattno)
			elog(ERROR, "pulled-up subquery has no output column %d", var->varattno);
		Node *expr = static_cast<Node *>(copyObjectImpl(tle->expr));
		if (ctx->depth > 0)
			IncrementVarSublevelsUp(expr, ctx->depth, 0);
		return expr;
	}
	if (IsA(node, Query))
	{
		ctx->depth++;
		Node *result = node_children_mutator(node, PullUpReplaceMutator, arg);
		ctx->depth--;
		return result;
	}
	return node_children_mutator(node, PullUpReplaceMutator, arg);
}

Node *PullUpSubqueriesRecurse(PlannerInfo *root, Node *jtnode, bool nullable, PullUpState *state);

/* Whether a range-table entry may hold expressions (references to other
 * entries, or beyond its level): not a table, nor a pulled-up subquery's
 * leftover entry.  The walks below skip the others, whose names alone
 * would make flattening deeply nested subqueries slow. */
bool RteHasExpressions(RangeTblEntry *rte)
{
	return rte->rtekind != RTE_RELATION &&
		!(rte->rtekind == RTE_SUBQUERY && rte->subquery == nullptr);
}

/* walker over query's parts that may hold expressions: everything but its
 * range table, then the entries of it that may (up to max_rtindex, except
 * skip_rtindex), each as a node of query's level. */
bool WalkQueryExpressions(Query *query, bool (*walker)(Node *, void *), void *ctx, int max_rtindex,
						  int skip_rtindex)
{
	List *rtable = query->rtable;
	query->rtable = NIL;
	bool result = node_children_walker(reinterpret_cast<Node *>(query), walker, ctx);
	query->rtable = rtable;
	ListCell *lc;
	foreach (lc, rtable)
	{
		int rtindex = foreach_current_index(lc) + 1;
		if (result || rtindex > max_rtindex)
			break;
		auto *rte = static_cast<RangeTblEntry *>(lfirst(lc));
		if (rtindex != skip_rtindex && RteHasExpressions(rte))
			result = walker(reinterpret_cast<Node *>(rte), ctx);
	}
	return result;
}

/*
 * PostgreSQL's pull_up_simple_subquery: the subquery of the FROM item
 * jtnode (its own simple subqueries and sublinks pulled up first) has its
 * range table appended to this level's and its FROM and WHERE put where
 * jtnode was; its output columns are replaced later (PullUpSubqueries).
 * Returns jtnode unchanged when the subquery stays: a whole-row reference
 * to it, or, under an outer join's nullable side, an output column read
 * above that would need a PlaceHolderVar.
 */
Node *PullUpSimpleSubquery(PlannerInfo *root, RangeTblRef *rtr, RangeTblEntry *rte, bool nullable,
						   PullUpState *state)
{
	Query *parse = root->parse;
	/* The planner works on its own copy of the query: flattened in place,
	 * the subquery stays flattened if it is not pulled up, and planning it
	 * will not flatten it again (nested subqueries would otherwise be
	 * flattened once per enclosing level). */
	Query *sub = rte->subquery;
	/* The subquery as a level of its own, to flatten it first. */
	PlannerInfo *subroot = static_cast<PlannerInfo *>(palloc0(sizeof(PlannerInfo)));
	subroot->parse = sub;
	subroot->glob = root->glob;
	subroot->parent_root = root;
	subroot->query_level = root->query_level + 1;
	InlineCteReferences(subroot);
	PullUpSublinks(subroot);
	InlineCteReferences(subroot);
	PullUpSubqueries(subroot);
	/* A subquery reading other FROM items (LATERAL) stays: its Vars would
	 * need to become parameters of the items pulled up. */
	if (!IsSimpleSubquery(sub) || ContainVarsOfLevel(reinterpret_cast<Node *>(sub), 1))
		return reinterpret_cast<Node *>(rtr);
	SubqueryRefs refs{rtr->rtindex, 0, nullptr, false};
	(void) WalkQueryExpressions(parse, CollectRefsWalker, &refs,
								static_cast<int>(state->tlists.size()) - 1, rtr->rtindex);
	if (refs.wholerow)
		return reinterpret_cast<Node *>(rtr);
	if (nullable)
	{
		int attno = -1;
		while ((attno = bms_next_member(refs.attnos, attno)) >= 0)
		{
			if (attno > list_length(sub->targetList))
				return reinterpret_cast<Node *>(rtr);
			auto *tle = static_cast<TargetEntry *>(list_nth(sub->targetList, attno - 1));
			if (!NullsWithItsRow(reinterpret_cast<Node *>(tle->expr)))
				return reinterpret_cast<Node *>(rtr);
		}
	}
	/* The entry stays in the range table, unreferenced; its query is gone
	 * (as PostgreSQL's flat range table drops it), so that walks over the
	 * range table cost nothing for it. */
	rte->subquery = nullptr;
	/* Renumber the subquery's range-table references for their place at
	 * the end of this level's range table, and make its references to
	 * this level and beyond one level nearer. */
	OffsetContext octx{list_length(parse->rtable), 0};
	(void) WalkQueryExpressions(sub, OffsetVarNodesWalker, &octx, list_length(sub->rtable), 0);
	IncrementVarSublevelsUp(reinterpret_cast<Node *>(sub->jointree), -1, 1);
	IncrementVarSublevelsUp(reinterpret_cast<Node *>(sub->targetList), -1, 1);
	ListCell *lc;
	foreach (lc, sub->rtable)
		if (RteHasExpressions(static_cast<RangeTblEntry *>(lfirst(lc))))
			IncrementVarSublevelsUp(static_cast<Node *>(lfirst(lc)), -1, 1);
	parse->rtable = list_concat(parse->rtable, sub->rtable);
	parse->hasSubLinks = parse->hasSubLinks || sub->hasSubLinks;
	state->tlists[static_cast<size_t>(rtr->rtindex)] = sub->targetList;
	state->pulled = true;
	FromExpr *f = sub->jointree;
	if (f->quals == nullptr && list_length(f->fromlist) == 1)
		return static_cast<Node *>(linitial(f->fromlist));
	return reinterpret_cast<Node *>(f);
}

/* The join tree with its simple subqueries pulled up; nullable: jtnode
 * is under the nullable side of an outer join (or the right-hand side of
 * a semi or anti join, as PostgreSQL counts it). */
Node *PullUpSubqueriesRecurse(PlannerInfo *root, Node *jtnode, bool nullable, PullUpState *state)
{
	check_stack_depth();
	if (IsA(jtnode, RangeTblRef))
	{
		RangeTblRef *rtr = reinterpret_cast<RangeTblRef *>(jtnode);
		auto *rte = static_cast<RangeTblEntry *>(list_nth(root->parse->rtable, rtr->rtindex - 1));
		if (rte->rtekind == RTE_SUBQUERY && rte->subquery != nullptr && !rte->security_barrier &&
			!rte->lateral && IsSimpleSubquery(rte->subquery))
			return PullUpSimpleSubquery(root, rtr, rte, nullable, state);
		return jtnode;
	}
	if (IsA(jtnode, FromExpr))
	{
		ListCell *lc;
		foreach (lc, reinterpret_cast<FromExpr *>(jtnode)->fromlist)
			lfirst(lc) = PullUpSubqueriesRecurse(root, static_cast<Node *>(lfirst(lc)), nullable,
												 state);
		return jtnode;
	}
	JoinExpr *j = castNode(JoinExpr, jtnode);
	bool left_nullable = nullable;
	bool right_nullable = nullable;
	switch (j->jointype)
	{
		case JOIN_INNER:
			break;
		case JOIN_LEFT:
		case JOIN_SEMI:
		case JOIN_ANTI:
			right_nullable = true;
			break;
		case JOIN_RIGHT:
			left_nullable = true;
			break;
		default:
			left_nullable = true;
			right_nullable = true;
			break;
	}
	j->larg = PullUpSubqueriesRecurse(root, j->larg, left_nullable, state);
	j->rarg = PullUpSubqueriesRecurse(root, j->rarg, right_nullable, state);
	return jtnode;
}

}  // namespace

void PullUpSublinks(PlannerInfo *root)
{
	Query *parse = root->parse;
	if (parse->commandType != CMD_SELECT || parse->jointree == nullptr ||
		parse->jointree->fromlist == NIL || parse->rowMarks != NIL)
		return;
	FromExpr *f = parse->jointree;
	Node *link = reinterpret_cast<Node *>(MakeFromExpr(f->fromlist, nullptr));
	List *remaining = NIL;
	bool changed = false;
	ListCell *lc;
	foreach (lc, MakeAndList(f->quals))
	{
		Node *qual = static_cast<Node *>(lfirst(lc));
		JoinExpr *j = nullptr;
		if (IsA(qual, SubLink))
		{
			SubLink *sublink = reinterpret_cast<SubLink *>(qual);
			if (sublink->subLinkType == ANY_SUBLINK)
				j = ConvertAnySublink(parse, sublink);
			else if (sublink->subLinkType == EXISTS_SUBLINK)
				j = ConvertExistsSublink(parse, sublink, false);
		}
		else if (IsA(qual, BoolExpr) && reinterpret_cast<BoolExpr *>(qual)->boolop == NOT_EXPR)
		{
			Node *arg = static_cast<Node *>(linitial(reinterpret_cast<BoolExpr *>(qual)->args));
			if (IsA(arg, SubLink) &&
				reinterpret_cast<SubLink *>(arg)->subLinkType == EXISTS_SUBLINK)
				j = ConvertExistsSublink(parse, reinterpret_cast<SubLink *>(arg), true);
		}
		if (j == nullptr)
		{
			remaining = lappend(remaining, qual);
			continue;
		}
		j->larg = link;
		link = reinterpret_cast<Node *>(j);
		changed = true;
	}
	if (!changed)
		return;
	Node *quals = nullptr;
	if (list_length(remaining) == 1)
		quals = static_cast<Node *>(linitial(remaining));
	else if (remaining != NIL)
		quals = reinterpret_cast<Node *>(makeBoolExpr(AND_EXPR, remaining, -1));
	parse->jointree = MakeFromExpr(list_make1(link), quals);
}

bool PullUpSubqueries(PlannerInfo *root)
{
	Query *parse = root->parse;
	/* UPDATE/DELETE would need row marks for the tables pulled up, and
	 * FOR UPDATE would have to lock them: their subqueries stay. */
	if ((parse->commandType != CMD_SELECT && parse->commandType != CMD_INSERT) ||
		parse->jointree == nullptr || parse->rowMarks != NIL || parse->hasForUpdate)
		return false;
	PullUpState state;
	state.tlists.assign(static_cast<size_t>(list_length(parse->rtable)) + 1, NIL);
	(void) PullUpSubqueriesRecurse(root, reinterpret_cast<Node *>(parse->jointree), false, &state);
	if (!state.pulled)
		return false;
	/* Every reference to a pulled-up subquery's columns, at this level and
	 * in sublinks and LATERAL items below it, now reads its expressions. */
	ReplaceContext ctx{&state, 0};
	List *rtable = parse->rtable;
	parse->rtable = NIL;
	Query *replaced = reinterpret_cast<Query *>(
		node_children_mutator(reinterpret_cast<Node *>(parse), PullUpReplaceMutator, &ctx));
	*parse = *replaced;
	parse->rtable = rtable;
	/* The entries merged in refer to none of them. */
	ListCell *lc;
	foreach (lc, rtable)
	{
		if (static_cast<size_t>(foreach_current_index(lc)) + 1 >= state.tlists.size())
			break;
		if (RteHasExpressions(static_cast<RangeTblEntry *>(lfirst(lc))))
			lfirst(lc) = PullUpReplaceMutator(static_cast<Node *>(lfirst(lc)), &ctx);
	}
	return true;
}

}  // namespace tusk::optimizer
