/*
 * analyze.cpp — parse analysis of statements (parser/analyze.h): a raw
 * statement becomes a Query.
 *
 * Principal entry points: parse_analyze_fixedparams,
 * parse_analyze_varparams, transformStmt.
 *
 * SELECT (FROM tables, WHERE, target list, ORDER BY, LIMIT/OFFSET, a
 * lone VALUES list) and INSERT … VALUES are analyzed here; every other
 * statement is a utility statement: a Query of type CMD_UTILITY carrying
 * the raw tree, which the utility code (tcop/utility.cpp) analyzes as it
 * executes it.  A query construct Tusk does not support yet fails with
 * 0A000 naming it, at its position.
 */
#include "postgres.h"

#include <vector>

#include "access/relation.h"
#include "miscadmin.h"
#include "access/tupdesc.h"
#include "catalog/heap.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_amop_d.h"
#include "catalog/pg_opclass_d.h"
#include "catalog/pg_type_d.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "parser/analyze.h"
#include "parser/parse_coerce.h"
#include "parser/parse_expr.h"
#include "parser/parse_func.h"
#include "access/htup_details.h"
#include "storage/lock.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"

namespace {

[[noreturn]] void NotSupported(ParseState *pstate, const char *what, int location)
{
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED), errmsg("%s is not supported yet", what),
			parser_errposition(pstate, location));
}

/* Two FROM items with one name: PostgreSQL's 42712. */
void CheckNameConflict(ParseState *, List *namespace_items, ParseNamespaceItem *nsitem)
{
	if (!nsitem->p_rel_visible)
		return;
	ListCell *lc;
	foreach (lc, namespace_items)
	{
		auto *o = static_cast<ParseNamespaceItem *>(lfirst(lc));
		if (o == nsitem || !o->p_rel_visible)
			continue;
		if (strcmp(o->p_rte->eref->aliasname, nsitem->p_rte->eref->aliasname) == 0 &&
			(o->p_rte->alias != nullptr || nsitem->p_rte->alias != nullptr ||
			 o->p_rte->rtekind != RTE_RELATION || nsitem->p_rte->rtekind != RTE_RELATION ||
			 o->p_rte->relid == nsitem->p_rte->relid))
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_ALIAS),
					errmsg("table name \"%s\" specified more than once",
						   nsitem->p_rte->eref->aliasname));
	}
}

/* The position of name among an entry's columns (1-based), or 0. */
int ColumnIndex(RangeTblEntry *rte, const char *name)
{
	int i = 0;
	ListCell *lc;
	foreach (lc, rte->eref->colnames)
	{
		i++;
		if (strcmp(strVal(lfirst(lc)), name) == 0)
			return i;
	}
	return 0;
}

/* One column of a FROM item as an expression: a base table's Var, or a
 * join's output expression. */
Node *ItemColumn(ParseNamespaceItem *item, int attno)
{
	RangeTblEntry *rte = item->p_rte;
	if (rte->rtekind == RTE_JOIN)
		return static_cast<Node *>(copyObject(list_nth(rte->joinaliasvars, attno - 1)));
	return reinterpret_cast<Node *>(makeColumnVar(item, attno, -1, 0));
}

/* Make every item of list (and below) visible only by qualified name. */
void HideColumns(List *items)
{
	ListCell *lc;
	foreach (lc, items)
		static_cast<ParseNamespaceItem *>(lfirst(lc))->p_cols_visible = false;
}

Node *TransformFromItem(ParseState *pstate, Node *n, ParseNamespaceItem **top_nsitem,
						List **namespace_items);

/* A JOIN: its two sides, its condition (ON, USING or NATURAL), and a
 * join entry whose columns are the merged USING columns, then the left
 * side's others, then the right side's. */
Node *TransformJoin(ParseState *pstate, JoinExpr *j, ParseNamespaceItem **top_nsitem,
					List **namespace_items)
{
	if (j->jointype == JOIN_FULL)
		NotSupported(pstate, "FULL JOIN", -1);
	ParseNamespaceItem *l_item;
	List *l_namespace = NIL;
	Node *larg = TransformFromItem(pstate, j->larg, &l_item, &l_namespace);
	ParseNamespaceItem *r_item;
	List *r_namespace = NIL;
	Node *rarg = TransformFromItem(pstate, j->rarg, &r_item, &r_namespace);
	ListCell *lc;
	foreach (lc, r_namespace)
		CheckNameConflict(pstate, l_namespace, static_cast<ParseNamespaceItem *>(lfirst(lc)));
	List *both = list_concat(list_copy(l_namespace), r_namespace);

	List *usingnames = j->usingClause;
	if (j->isNatural)
	{
		/* The columns both sides have, in the left side's order. */
		usingnames = NIL;
		foreach (lc, l_item->p_rte->eref->colnames)
		{
			const char *name = strVal(lfirst(lc));
			if (name[0] != '\0' && ColumnIndex(r_item->p_rte, name) > 0)
				usingnames = lappend(usingnames, makeString(pstrdup(name)));
		}
	}
	List *colnames = NIL;
	List *aliasvars = NIL;
	std::vector<int> l_used;
	std::vector<int> r_used;
	Node *quals = nullptr;
	List *usingquals = NIL;
	foreach (lc, usingnames)
	{
		const char *name = strVal(lfirst(lc));
		int l = ColumnIndex(l_item->p_rte, name);
		int r = ColumnIndex(r_item->p_rte, name);
		if (l == 0)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
					errmsg("column \"%s\" specified in USING clause does not exist in left table",
						   name));
		if (r == 0)
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
					errmsg("column \"%s\" specified in USING clause does not exist in right "
						   "table",
						   name));
		for (int u : l_used)
			if (u == l)
				ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
						errmsg("column name \"%s\" appears more than once in USING clause", name));
		l_used.push_back(l);
		r_used.push_back(r);
		Node *lvar = ItemColumn(l_item, l);
		Node *rvar = ItemColumn(r_item, r);
		Node *eq = reinterpret_cast<Node *>(
			make_op(pstate, list_make1(makeString(pstrdup("="))), lvar, rvar, nullptr, -1));
		usingquals = lappend(usingquals, coerce_to_boolean(pstate, eq, "JOIN/USING"));
		colnames = lappend(colnames, makeString(pstrdup(name)));
		/* A right join's merged column comes from the right side. */
		aliasvars = lappend(aliasvars, j->jointype == JOIN_RIGHT ? rvar : lvar);
	}
	if (usingquals != NIL)
		quals = list_length(usingquals) == 1
			? static_cast<Node *>(linitial(usingquals))
			: reinterpret_cast<Node *>(makeBoolExpr(AND_EXPR, usingquals, -1));
	if (j->quals != nullptr)
	{
		/* ON sees exactly the two sides. */
		List *saved = pstate->p_namespace;
		pstate->p_namespace = both;
		quals = coerce_to_boolean(pstate, transformExpr(pstate, j->quals, EXPR_KIND_JOIN_ON),
								  "JOIN/ON");
		pstate->p_namespace = saved;
	}
	auto add_rest = [&](ParseNamespaceItem *item, const std::vector<int> &used) {
		int attno = 0;
		ListCell *c;
		foreach (c, item->p_rte->eref->colnames)
		{
			attno++;
			const char *name = strVal(lfirst(c));
			bool merged = false;
			for (int u : used)
				merged |= u == attno;
			if (merged || name[0] == '\0')
				continue;
			colnames = lappend(colnames, makeString(pstrdup(name)));
			aliasvars = lappend(aliasvars, ItemColumn(item, attno));
		}
	};
	add_rest(l_item, l_used);
	add_rest(r_item, r_used);

	RangeTblEntry *rte = makeNode(RangeTblEntry);
	rte->rtekind = RTE_JOIN;
	rte->jointype = j->jointype;
	rte->joinmergedcols = list_length(usingnames);
	rte->joinaliasvars = aliasvars;
	rte->alias = j->alias;
	rte->inFromCl = true;
	rte->eref = makeNode(Alias);
	rte->eref->aliasname = pstrdup(j->alias != nullptr ? j->alias->aliasname : "unnamed_join");
	rte->eref->colnames = colnames;
	if (j->alias != nullptr && j->alias->colnames != NIL)
	{
		if (list_length(j->alias->colnames) > list_length(colnames))
			ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					errmsg("column alias list for \"%s\" has too many entries",
						   j->alias->aliasname));
		int i = 0;
		foreach (lc, j->alias->colnames)
			lfirst(list_nth_cell(rte->eref->colnames, i++)) = lfirst(lc);
	}
	pstate->p_rtable = lappend(pstate->p_rtable, rte);
	int rtindex = list_length(pstate->p_rtable);

	auto *nsitem = static_cast<ParseNamespaceItem *>(palloc0(sizeof(ParseNamespaceItem)));
	nsitem->p_rte = rte;
	nsitem->p_rtindex = rtindex;
	nsitem->p_rel_visible = j->alias != nullptr;
	nsitem->p_cols_visible = true;
	/* The sides stay reachable by their names (unless the join has an
	 * alias), their columns through the join. */
	HideColumns(both);
	if (j->alias != nullptr)
		foreach (lc, both)
			static_cast<ParseNamespaceItem *>(lfirst(lc))->p_rel_visible = false;
	*namespace_items = lappend(both, nsitem);
	*top_nsitem = nsitem;

	JoinExpr *result = makeNode(JoinExpr);
	/* A right join is a left join with the sides swapped. */
	if (j->jointype == JOIN_RIGHT)
	{
		result->jointype = JOIN_LEFT;
		result->larg = rarg;
		result->rarg = larg;
	}
	else
	{
		result->jointype = j->jointype;
		result->larg = larg;
		result->rarg = rarg;
	}
	result->quals = quals;
	result->alias = j->alias;
	result->rtindex = rtindex;
	return reinterpret_cast<Node *>(result);
}

/* One FROM item: its jointree node, its namespace entries (the item and,
 * for a join, everything inside it), the item itself in *top_nsitem. */
Node *TransformFromItem(ParseState *pstate, Node *n, ParseNamespaceItem **top_nsitem,
						List **namespace_items)
{
	check_stack_depth();
	if (IsA(n, RangeVar))
	{
		RangeVar *rv = reinterpret_cast<RangeVar *>(n);
		ParseNamespaceItem *nsitem = addRangeTableEntry(pstate, rv, rv->alias, AccessShareLock,
														true);
		RangeTblRef *rtr = makeNode(RangeTblRef);
		rtr->rtindex = nsitem->p_rtindex;
		*top_nsitem = nsitem;
		*namespace_items = list_make1(nsitem);
		return reinterpret_cast<Node *>(rtr);
	}
	if (IsA(n, JoinExpr))
		return TransformJoin(pstate, reinterpret_cast<JoinExpr *>(n), top_nsitem, namespace_items);
	NotSupported(pstate, IsA(n, RangeSubselect) ? "subqueries in FROM" : "this kind of FROM item",
				 exprLocation(n));
}

void TransformFromClause(ParseState *pstate, List *frmList)
{
	ListCell *lc;
	foreach (lc, frmList)
	{
		ParseNamespaceItem *top;
		List *items = NIL;
		Node *node = TransformFromItem(pstate, static_cast<Node *>(lfirst(lc)), &top, &items);
		ListCell *i;
		foreach (i, items)
			CheckNameConflict(pstate, pstate->p_namespace,
							  static_cast<ParseNamespaceItem *>(lfirst(i)));
		pstate->p_joinlist = lappend(pstate->p_joinlist, node);
		pstate->p_namespace = list_concat(pstate->p_namespace, items);
	}
}

/* The "<" (or ">") and "=" of a type's default btree operator class. */
bool FindOrderingOps(Oid type, bool desc, Oid *sortop, Oid *eqop)
{
	CatCList *opclasses = SearchSysCacheList1(CLAAMNAMENSP, ObjectIdGetDatum(BTREE_AM_OID));
	Oid family = InvalidOid;
	Oid intype = InvalidOid;
	for (int i = 0; i < opclasses->n_members; i++)
	{
		auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(opclasses->members[i]));
		if (form->opcdefault && form->opcintype == type)
		{
			family = form->opcfamily;
			intype = form->opcintype;
		}
	}
	if (!OidIsValid(family))
	{
		/* A binary-compatible type (varchar) sorts with its base's class. */
		for (int i = 0; i < opclasses->n_members; i++)
		{
			auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(opclasses->members[i]));
			Oid funcid;
			if (form->opcdefault && TypeCategory(form->opcintype) == TypeCategory(type) &&
				find_coercion_pathway(form->opcintype, type, COERCION_IMPLICIT, &funcid) ==
					COERCION_PATH_RELABELTYPE)
			{
				family = form->opcfamily;
				intype = form->opcintype;
				break;
			}
		}
	}
	if (!OidIsValid(family))
		return false;
	auto strategy_op = [&](int16 strategy) {
		HeapTuple tup = SearchSysCache4(AMOPSTRATEGY, ObjectIdGetDatum(family),
										ObjectIdGetDatum(intype), ObjectIdGetDatum(intype),
										Int16GetDatum(strategy));
		return tup != nullptr ? reinterpret_cast<Form_pg_amop>(GETSTRUCT(tup))->amopopr
							  : InvalidOid;
	};
	*sortop = strategy_op(desc ? 5 : 1);
	*eqop = strategy_op(3);
	return OidIsValid(*sortop);
}

/* Whether a FROM item has a column of that name (GROUP BY prefers input
 * columns to output names, as the SQL standard says). */
bool IsInputColumnName(ParseState *pstate, const char *name)
{
	ListCell *lc;
	foreach (lc, pstate->p_namespace)
	{
		auto *nsitem = static_cast<ParseNamespaceItem *>(lfirst(lc));
		ListCell *c;
		foreach (c, nsitem->p_rte->eref->colnames)
			if (strcmp(strVal(lfirst(c)), name) == 0)
				return true;
	}
	return false;
}

/* The target-list entry an ORDER BY or GROUP BY item means: an output
 * column by position (2) or name, or an expression — found in the list
 * or added to it as a junk entry. */
TargetEntry *FindTargetlistEntry(ParseState *pstate, Node *node, List **targetlist,
								 ParseExprKind kind, const char *clause)
{
	TargetEntry *tle = nullptr;
	if (IsA(node, A_Const) && !reinterpret_cast<A_Const *>(node)->isnull &&
		IsA(reinterpret_cast<A_Const *>(node)->val, Integer))
	{
		int pos = intVal(reinterpret_cast<A_Const *>(node)->val);
		int n = 0;
		ListCell *t;
		foreach (t, *targetlist)
		{
			TargetEntry *cand = static_cast<TargetEntry *>(lfirst(t));
			if (!cand->resjunk && ++n == pos)
				tle = cand;
		}
		if (tle == nullptr)
			ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					errmsg("%s position %d is not in select list", clause, pos),
					parser_errposition(pstate, exprLocation(node)));
		return tle;
	}
	if (IsA(node, ColumnRef) && list_length(reinterpret_cast<ColumnRef *>(node)->fields) == 1 &&
		IsA(linitial(reinterpret_cast<ColumnRef *>(node)->fields), String))
	{
		const char *name = strVal(linitial(reinterpret_cast<ColumnRef *>(node)->fields));
		if (kind != EXPR_KIND_GROUP_BY || !IsInputColumnName(pstate, name))
		{
			ListCell *t;
			foreach (t, *targetlist)
			{
				TargetEntry *cand = static_cast<TargetEntry *>(lfirst(t));
				if (!cand->resjunk && cand->resname != nullptr && strcmp(cand->resname, name) == 0)
				{
					if (tle != nullptr && !equal(tle->expr, cand->expr))
						ereport(ERROR, errcode(ERRCODE_AMBIGUOUS_COLUMN),
								errmsg("%s \"%s\" is ambiguous", clause, name),
								parser_errposition(pstate, exprLocation(node)));
					tle = cand;
				}
			}
			if (tle != nullptr)
				return tle;
		}
	}
	Node *expr = transformExpr(pstate, node, kind);
	ListCell *t;
	foreach (t, *targetlist)
	{
		TargetEntry *cand = static_cast<TargetEntry *>(lfirst(t));
		if (equal(cand->expr, expr))
			return cand;
	}
	tle = makeNode(TargetEntry);
	tle->expr = reinterpret_cast<Expr *>(expr);
	tle->resno = static_cast<AttrNumber>(list_length(*targetlist) + 1);
	tle->resjunk = true;
	*targetlist = lappend(*targetlist, tle);
	return tle;
}

/* The entry's sort/group reference number, assigned if it has none. */
Index AssignSortGroupRef(TargetEntry *tle, List *targetlist)
{
	if (tle->ressortgroupref == 0)
	{
		Index maxref = 0;
		ListCell *t;
		foreach (t, targetlist)
			maxref = Max(maxref, static_cast<TargetEntry *>(lfirst(t))->ressortgroupref);
		tle->ressortgroupref = maxref + 1;
	}
	return tle->ressortgroupref;
}

List *TransformSortClause(ParseState *pstate, List *orderlist, List **targetlist)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, orderlist)
	{
		SortBy *sortby = static_cast<SortBy *>(lfirst(lc));
		if (sortby->sortby_dir == SORTBY_USING)
			NotSupported(pstate, "ORDER BY … USING", sortby->location);
		Node *node = sortby->node;
		TargetEntry *tle = FindTargetlistEntry(pstate, node, targetlist, EXPR_KIND_ORDER_BY,
											   "ORDER BY");
		Oid restype = exprType(reinterpret_cast<Node *>(tle->expr));
		if (restype == UNKNOWNOID)
		{
			tle->expr = reinterpret_cast<Expr *>(
				coerce_type(pstate, reinterpret_cast<Node *>(tle->expr), restype, TEXTOID, -1,
							COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1));
			restype = TEXTOID;
		}
		bool desc = sortby->sortby_dir == SORTBY_DESC;
		Oid sortop;
		Oid eqop;
		if (!FindOrderingOps(restype, desc, &sortop, &eqop))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
					errmsg("could not identify an ordering operator for type %s",
						   format_type_be(restype)),
					errhint("Use an explicit ordering operator or modify the query."),
					parser_errposition(pstate, exprLocation(node)));
		SortGroupClause *sgc = makeNode(SortGroupClause);
		sgc->tleSortGroupRef = AssignSortGroupRef(tle, *targetlist);
		sgc->sortop = sortop;
		sgc->eqop = eqop;
		sgc->nulls_first = sortby->sortby_nulls == SORTBY_NULLS_DEFAULT
			? desc
			: sortby->sortby_nulls == SORTBY_NULLS_FIRST;
		result = lappend(result, sgc);
	}
	return result;
}

List *TransformGroupClause(ParseState *pstate, List *grouplist, List **targetlist)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, grouplist)
	{
		Node *node = static_cast<Node *>(lfirst(lc));
		if (IsA(node, GroupingSet))
			NotSupported(pstate, "GROUPING SETS, ROLLUP and CUBE", exprLocation(node));
		TargetEntry *tle = FindTargetlistEntry(pstate, node, targetlist, EXPR_KIND_GROUP_BY,
											   "GROUP BY");
		Oid restype = exprType(reinterpret_cast<Node *>(tle->expr));
		if (restype == UNKNOWNOID)
		{
			tle->expr = reinterpret_cast<Expr *>(
				coerce_type(pstate, reinterpret_cast<Node *>(tle->expr), restype, TEXTOID, -1,
							COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1));
			restype = TEXTOID;
		}
		Index ref = AssignSortGroupRef(tle, *targetlist);
		/* A column grouped twice is grouped once. */
		bool seen = false;
		ListCell *g;
		foreach (g, result)
			seen |= static_cast<SortGroupClause *>(lfirst(g))->tleSortGroupRef == ref;
		if (seen)
			continue;
		Oid sortop;
		Oid eqop;
		if (!FindOrderingOps(restype, false, &sortop, &eqop))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
					errmsg("could not identify an ordering operator for type %s",
						   format_type_be(restype)),
					errhint("Use an explicit ordering operator or modify the query."),
					parser_errposition(pstate, exprLocation(node)));
		SortGroupClause *sgc = makeNode(SortGroupClause);
		sgc->tleSortGroupRef = ref;
		sgc->sortop = sortop;
		sgc->eqop = eqop;
		result = lappend(result, sgc);
	}
	return result;
}

struct GroupingCheck
{
	ParseState *pstate;
	List *groupexprs;
};

/* Every column outside an aggregate must be grouped (PostgreSQL's
 * check_ungrouped_columns). */
bool CheckUngroupedWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	auto *ctx = static_cast<GroupingCheck *>(arg);
	if (IsA(node, Aggref))
		return false;
	ListCell *lc;
	foreach (lc, ctx->groupexprs)
		if (equal(lfirst(lc), node))
			return false;
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (var->varlevelsup != 0)
			return false;
		RangeTblEntry *rte = static_cast<RangeTblEntry *>(
			list_nth(ctx->pstate->p_rtable, var->varno - 1));
		const char *col = var->varattno > 0
			? strVal(list_nth(rte->eref->colnames, var->varattno - 1))
			: "?";
		ereport(ERROR, errcode(ERRCODE_GROUPING_ERROR),
				errmsg("column \"%s.%s\" must appear in the GROUP BY clause or be used in an "
					   "aggregate function",
					   rte->eref->aliasname, col),
				parser_errposition(ctx->pstate, var->location));
	}
	return node_children_walker(node, CheckUngroupedWalker, arg);
}

void CheckAggregates(ParseState *pstate, Query *qry)
{
	GroupingCheck ctx{pstate, NIL};
	ListCell *lc;
	foreach (lc, qry->groupClause)
	{
		Index ref = static_cast<SortGroupClause *>(lfirst(lc))->tleSortGroupRef;
		ListCell *t;
		foreach (t, qry->targetList)
		{
			TargetEntry *tle = static_cast<TargetEntry *>(lfirst(t));
			if (tle->ressortgroupref == ref)
				ctx.groupexprs = lappend(ctx.groupexprs, tle->expr);
		}
	}
	foreach (lc, qry->targetList)
	{
		TargetEntry *tle = static_cast<TargetEntry *>(lfirst(lc));
		/* A grouping column's own entry is grouped by definition. */
		CheckUngroupedWalker(reinterpret_cast<Node *>(tle->expr), &ctx);
	}
	CheckUngroupedWalker(qry->havingQual, &ctx);
}

Node *TransformLimit(ParseState *pstate, Node *clause, ParseExprKind kind, const char *what)
{
	if (clause == nullptr)
		return nullptr;
	Node *expr = transformExpr(pstate, clause, kind);
	return coerce_to_specific_type(pstate, expr, INT8OID, what);
}

Query *TransformValuesClause(ParseState *pstate, SelectStmt *stmt)
{
	Query *qry = makeNode(Query);
	qry->commandType = CMD_SELECT;
	List *rows = NIL;
	int ncols = -1;
	ListCell *lc;
	foreach (lc, stmt->valuesLists)
	{
		List *row = NIL;
		ListCell *c;
		foreach (c, static_cast<List *>(lfirst(lc)))
			row = lappend(row,
						  transformExpr(pstate, static_cast<Node *>(lfirst(c)), EXPR_KIND_VALUES));
		if (ncols >= 0 && list_length(row) != ncols)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("VALUES lists must all be the same length"),
					parser_errposition(pstate, exprLocation(static_cast<Node *>(linitial(row)))));
		ncols = list_length(row);
		rows = lappend(rows, row);
	}
	List *coltypes = NIL;
	List *coltypmods = NIL;
	List *colcolls = NIL;
	for (int i = 0; i < ncols; i++)
	{
		List *col = NIL;
		foreach (lc, rows)
			col = lappend(col, list_nth(static_cast<List *>(lfirst(lc)), i));
		Oid type = select_common_type(pstate, col, "VALUES", nullptr);
		foreach (lc, rows)
		{
			List *row = static_cast<List *>(lfirst(lc));
			ListCell *cell = list_nth_cell(row, i);
			lfirst(cell) = coerce_to_common_type(pstate, static_cast<Node *>(lfirst(cell)), type,
												 "VALUES");
		}
		coltypes = lappend_oid(coltypes, type);
		coltypmods = lappend_int(coltypmods, -1);
		colcolls = lappend_oid(colcolls, get_typcollation(type));
	}
	ParseNamespaceItem *nsitem = addRangeTableEntryForValues(pstate, rows, coltypes, coltypmods,
															 colcolls, nullptr);
	RangeTblRef *rtr = makeNode(RangeTblRef);
	rtr->rtindex = nsitem->p_rtindex;
	pstate->p_joinlist = lappend(pstate->p_joinlist, rtr);
	pstate->p_namespace = lappend(pstate->p_namespace, nsitem);
	qry->targetList = expandNSItemAttrs(pstate, nsitem, -1);
	qry->sortClause = TransformSortClause(pstate, stmt->sortClause, &qry->targetList);
	qry->limitOffset = TransformLimit(pstate, stmt->limitOffset, EXPR_KIND_OFFSET, "OFFSET");
	qry->limitCount = TransformLimit(pstate, stmt->limitCount, EXPR_KIND_LIMIT, "LIMIT");
	qry->limitOption = stmt->limitOption;
	qry->rtable = pstate->p_rtable;
	qry->jointree = makeNode(FromExpr);
	qry->jointree->fromlist = pstate->p_joinlist;
	return qry;
}

Query *TransformSelectStmt(ParseState *pstate, SelectStmt *stmt)
{
	if (stmt->op != SETOP_NONE)
		NotSupported(pstate, "UNION/INTERSECT/EXCEPT", -1);
	if (stmt->withClause != nullptr)
		NotSupported(pstate, "WITH", stmt->withClause->location);
	if (stmt->intoClause != nullptr)
		NotSupported(pstate, "SELECT INTO", -1);
	if (stmt->valuesLists != NIL)
		return TransformValuesClause(pstate, stmt);
	if (stmt->distinctClause != NIL)
		NotSupported(pstate, "SELECT DISTINCT", -1);
	if (stmt->windowClause != NIL)
		NotSupported(pstate, "WINDOW", -1);
	if (stmt->lockingClause != NIL)
		NotSupported(pstate, "SELECT FOR UPDATE/SHARE", -1);
	if (stmt->limitOption == LIMIT_OPTION_WITH_TIES)
		NotSupported(pstate, "FETCH … WITH TIES", -1);
	Query *qry = makeNode(Query);
	qry->commandType = CMD_SELECT;
	TransformFromClause(pstate, stmt->fromClause);
	qry->targetList = transformTargetList(pstate, stmt->targetList, EXPR_KIND_SELECT_TARGET);
	Node *qual = nullptr;
	if (stmt->whereClause != nullptr)
		qual = coerce_to_boolean(pstate, transformExpr(pstate, stmt->whereClause, EXPR_KIND_WHERE),
								 "WHERE");
	qry->sortClause = TransformSortClause(pstate, stmt->sortClause, &qry->targetList);
	qry->groupClause = TransformGroupClause(pstate, stmt->groupClause, &qry->targetList);
	if (stmt->havingClause != nullptr)
		qry->havingQual = coerce_to_boolean(pstate,
											transformExpr(pstate, stmt->havingClause,
														  EXPR_KIND_HAVING),
											"HAVING");
	qry->limitOffset = TransformLimit(pstate, stmt->limitOffset, EXPR_KIND_OFFSET, "OFFSET");
	qry->limitCount = TransformLimit(pstate, stmt->limitCount, EXPR_KIND_LIMIT, "LIMIT");
	qry->limitOption = stmt->limitOption;
	resolveTargetListUnknowns(pstate, qry->targetList);
	qry->hasAggs = pstate->p_hasAggs;
	if (qry->hasAggs || qry->groupClause != NIL || qry->havingQual != nullptr)
		CheckAggregates(pstate, qry);
	qry->rtable = pstate->p_rtable;
	qry->jointree = makeNode(FromExpr);
	qry->jointree->fromlist = pstate->p_joinlist;
	qry->jointree->quals = qual;
	return qry;
}

/* One value for a target column, coerced for assignment. */
Expr *TransformAssignedExpr(ParseState *pstate, Expr *expr, Form_pg_attribute att, int location)
{
	Oid type = exprType(reinterpret_cast<Node *>(expr));
	Node *result = coerce_to_target_type(pstate, reinterpret_cast<Node *>(expr), type,
										 att->atttypid, att->atttypmod, COERCION_ASSIGNMENT,
										 COERCE_IMPLICIT_CAST, -1);
	if (result == nullptr)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("column \"%s\" is of type %s but expression is of type %s",
					   NameStr(att->attname), format_type_be(att->atttypid), format_type_be(type)),
				errhint("You will need to rewrite or cast the expression."),
				parser_errposition(pstate,
								   location >= 0 ? location
												 : exprLocation(reinterpret_cast<Node *>(expr))));
	return reinterpret_cast<Expr *>(result);
}

Expr *NullConst(Form_pg_attribute att)
{
	Const *c = makeNode(Const);
	c->consttype = att->atttypid;
	c->consttypmod = att->atttypmod;
	c->constcollid = att->attcollation;
	c->constlen = att->attlen;
	c->constbyval = att->attbyval;
	c->constisnull = true;
	c->location = -1;
	return reinterpret_cast<Expr *>(c);
}

/* The number of an INSERT/UPDATE target column; 42703 if the table has
 * no such column. */
int TargetColumn(ParseState *pstate, Relation rel, const char *name, int location)
{
	TupleDesc desc = RelationGetDescr(rel);
	for (int i = 0; i < desc->natts; i++)
		if (!TupleDescAttr(desc, i)->attisdropped &&
			strcmp(NameStr(TupleDescAttr(desc, i)->attname), name) == 0)
			return i + 1;
	ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
			errmsg("column \"%s\" of relation \"%s\" does not exist", name,
				   RelationGetRelationName(rel)),
			parser_errposition(pstate, location));
}

/* What a column without a value gets: its DEFAULT, or NULL. */
Expr *ColumnDefault(Relation rel, Form_pg_attribute att)
{
	if (att->atthasdef)
		if (Node *def = build_column_default(rel, att->attnum))
			return reinterpret_cast<Expr *>(def);
	return NullConst(att);
}

Query *TransformInsertStmt(ParseState *pstate, InsertStmt *stmt)
{
	if (stmt->withClause != nullptr)
		NotSupported(pstate, "WITH", stmt->withClause->location);
	if (stmt->onConflictClause != nullptr)
		NotSupported(pstate, "ON CONFLICT", stmt->onConflictClause->location);
	if (stmt->returningList != NIL)
		NotSupported(pstate, "RETURNING", -1);
	Query *qry = makeNode(Query);
	qry->commandType = CMD_INSERT;
	pstate->p_is_insert = true;
	ParseNamespaceItem *target = addRangeTableEntry(pstate, stmt->relation, stmt->relation->alias,
													RowExclusiveLock, false);
	target->p_rte->requiredPerms = ACL_INSERT;
	qry->resultRelation = target->p_rtindex;
	Relation rel = relation_open(target->p_rte->relid, NoLock);
	TupleDesc desc = RelationGetDescr(rel);
	if (rel->rd_rel->relkind != 'r')
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("cannot insert into \"%s\"", RelationGetRelationName(rel)));

	/* The target columns, in the order given (or all of them). */
	std::vector<int> attnos;
	std::vector<int> col_locations;
	if (stmt->cols == NIL)
	{
		for (int i = 0; i < desc->natts; i++)
			if (!TupleDescAttr(desc, i)->attisdropped)
			{
				attnos.push_back(i + 1);
				col_locations.push_back(-1);
			}
	}
	else
	{
		ListCell *lc;
		foreach (lc, stmt->cols)
		{
			ResTarget *col = static_cast<ResTarget *>(lfirst(lc));
			if (col->indirection != NIL)
				NotSupported(pstate, "assignment to a field or subscript", col->location);
			int attno = TargetColumn(pstate, rel, col->name, col->location);
			for (int seen : attnos)
				if (seen == attno)
					ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
							errmsg("column \"%s\" specified more than once", col->name),
							parser_errposition(pstate, col->location));
			attnos.push_back(attno);
			col_locations.push_back(col->location);
		}
	}

	SelectStmt *select = reinterpret_cast<SelectStmt *>(stmt->selectStmt);
	List *rows = NIL;
	if (select == nullptr)
		rows = list_make1(NIL); /* DEFAULT VALUES */
	else if (select->valuesLists == NIL || select->sortClause != NIL ||
			 select->limitCount != nullptr)
		NotSupported(pstate, "INSERT … SELECT", -1);
	else
	{
		/* Without a column list, the values fill the first columns and
		 * the rest get their defaults. */
		if (stmt->cols == NIL)
		{
			int nvalues = list_length(static_cast<List *>(linitial(select->valuesLists)));
			if (nvalues < static_cast<int>(attnos.size()))
			{
				attnos.resize(nvalues);
				col_locations.resize(nvalues);
			}
		}
		ListCell *lc;
		foreach (lc, select->valuesLists)
		{
			List *raw = static_cast<List *>(lfirst(lc));
			if (list_length(raw) != list_length(static_cast<List *>(linitial(select->valuesLists))))
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("VALUES lists must all be the same length"),
						parser_errposition(pstate,
										   exprLocation(static_cast<Node *>(linitial(raw)))));
			if (list_length(raw) > static_cast<int>(attnos.size()))
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("INSERT has more expressions than target columns"),
						parser_errposition(pstate,
										   exprLocation(
											   static_cast<Node *>(list_nth(raw, attnos.size())))));
			if (list_length(raw) < static_cast<int>(attnos.size()))
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("INSERT has more target columns than expressions"),
						parser_errposition(pstate,
										   col_locations[raw == NIL ? 0 : list_length(raw)]));
			rows = lappend(rows, raw);
		}
	}

	/* Each row: one expression per table column, in column order. */
	List *exprrows = NIL;
	ListCell *lc;
	foreach (lc, rows)
	{
		List *raw = static_cast<List *>(lfirst(lc));
		std::vector<Expr *> row(desc->natts, nullptr);
		int i = 0;
		ListCell *v;
		foreach (v, raw)
		{
			int attno = attnos[i];
			Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
			Node *value = static_cast<Node *>(lfirst(v));
			if (!IsA(value, SetToDefault))
			{
				Expr *expr = reinterpret_cast<Expr *>(
					transformExpr(pstate, value, EXPR_KIND_VALUES));
				row[attno - 1] = TransformAssignedExpr(pstate, expr, att, exprLocation(value));
			}
			i++;
		}
		List *exprs = NIL;
		for (int a = 0; a < desc->natts; a++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, a);
			if (row[a] == nullptr)
				row[a] = ColumnDefault(rel, att);
			exprs = lappend(exprs, row[a]);
		}
		exprrows = lappend(exprrows, exprs);
	}

	if (list_length(exprrows) == 1)
	{
		int a = 0;
		foreach (lc, static_cast<List *>(linitial(exprrows)))
		{
			Form_pg_attribute att = TupleDescAttr(desc, a);
			TargetEntry *tle = makeNode(TargetEntry);
			tle->expr = static_cast<Expr *>(lfirst(lc));
			tle->resno = static_cast<AttrNumber>(a + 1);
			tle->resname = pstrdup(NameStr(att->attname));
			qry->targetList = lappend(qry->targetList, tle);
			a++;
		}
	}
	else
	{
		List *coltypes = NIL;
		List *coltypmods = NIL;
		List *colcolls = NIL;
		for (int a = 0; a < desc->natts; a++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, a);
			coltypes = lappend_oid(coltypes, att->atttypid);
			coltypmods = lappend_int(coltypmods, att->atttypmod);
			colcolls = lappend_oid(colcolls, att->attcollation);
		}
		ParseNamespaceItem *values = addRangeTableEntryForValues(pstate, exprrows, coltypes,
																 coltypmods, colcolls, nullptr);
		RangeTblRef *rtr = makeNode(RangeTblRef);
		rtr->rtindex = values->p_rtindex;
		pstate->p_joinlist = lappend(pstate->p_joinlist, rtr);
		List *tl = expandNSItemAttrs(pstate, values, -1);
		int a = 0;
		foreach (lc, tl)
		{
			TargetEntry *tle = static_cast<TargetEntry *>(lfirst(lc));
			tle->resname = pstrdup(NameStr(TupleDescAttr(desc, a)->attname));
			a++;
		}
		qry->targetList = tl;
	}
	relation_close(rel, NoLock);
	qry->rtable = pstate->p_rtable;
	qry->jointree = makeNode(FromExpr);
	qry->jointree->fromlist = pstate->p_joinlist;
	return qry;
}

/* The target table of UPDATE/DELETE, visible to the statement's
 * expressions, and its junk "ctid" column saying which row to change. */
ParseNamespaceItem *SetTargetTable(ParseState *pstate, Query *qry, RangeVar *relation,
								   AclMode perms)
{
	ParseNamespaceItem *target = addRangeTableEntry(pstate, relation, relation->alias,
													RowExclusiveLock, true);
	target->p_rte->requiredPerms = perms;
	qry->resultRelation = target->p_rtindex;
	RangeTblRef *rtr = makeNode(RangeTblRef);
	rtr->rtindex = target->p_rtindex;
	pstate->p_joinlist = lappend(pstate->p_joinlist, rtr);
	pstate->p_namespace = lappend(pstate->p_namespace, target);
	Relation rel = relation_open(target->p_rte->relid, NoLock);
	char relkind = rel->rd_rel->relkind;
	relation_close(rel, NoLock);
	if (relkind != 'r')
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("cannot %s \"%s\"", perms == ACL_UPDATE ? "update" : "delete from",
					   relation->relname));
	return target;
}

TargetEntry *CtidJunkEntry(ParseNamespaceItem *target, AttrNumber resno)
{
	Var *var = makeNode(Var);
	var->varno = target->p_rtindex;
	var->varattno = SelfItemPointerAttributeNumber;
	var->vartype = TIDOID;
	var->vartypmod = -1;
	var->varnosyn = static_cast<Index>(target->p_rtindex);
	var->varattnosyn = var->varattno;
	var->location = -1;
	TargetEntry *tle = makeNode(TargetEntry);
	tle->expr = reinterpret_cast<Expr *>(var);
	tle->resno = resno;
	tle->resname = pstrdup("ctid");
	tle->resjunk = true;
	return tle;
}

Node *TransformWhere(ParseState *pstate, Node *clause)
{
	if (clause == nullptr)
		return nullptr;
	return coerce_to_boolean(pstate, transformExpr(pstate, clause, EXPR_KIND_WHERE), "WHERE");
}

Query *TransformUpdateStmt(ParseState *pstate, UpdateStmt *stmt)
{
	if (stmt->withClause != nullptr)
		NotSupported(pstate, "WITH", stmt->withClause->location);
	if (stmt->fromClause != NIL)
		NotSupported(pstate, "UPDATE … FROM", -1);
	if (stmt->returningList != NIL)
		NotSupported(pstate, "RETURNING", -1);
	Query *qry = makeNode(Query);
	qry->commandType = CMD_UPDATE;
	ParseNamespaceItem *target = SetTargetTable(pstate, qry, stmt->relation, ACL_UPDATE);
	Relation rel = relation_open(target->p_rte->relid, NoLock);
	TupleDesc desc = RelationGetDescr(rel);
	/* The new row: assigned columns from their expressions, the others
	 * as they were. */
	std::vector<Expr *> row(desc->natts, nullptr);
	ListCell *lc;
	foreach (lc, stmt->targetList)
	{
		ResTarget *res = static_cast<ResTarget *>(lfirst(lc));
		if (res->indirection != NIL)
			NotSupported(pstate, "assignment to a field or subscript", res->location);
		if (IsA(res->val, MultiAssignRef))
			NotSupported(pstate, "multiple-column assignment", res->location);
		int attno = TargetColumn(pstate, rel, res->name, res->location);
		if (row[attno - 1] != nullptr)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("multiple assignments to same column \"%s\"", res->name));
		Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
		if (IsA(res->val, SetToDefault))
		{
			row[attno - 1] = ColumnDefault(rel, att);
			continue;
		}
		Expr *expr = reinterpret_cast<Expr *>(
			transformExpr(pstate, res->val, EXPR_KIND_UPDATE_SOURCE));
		row[attno - 1] = TransformAssignedExpr(pstate, expr, att, exprLocation(res->val));
	}
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		Expr *expr = row[i];
		if (expr == nullptr)
		{
			Var *var = makeNode(Var);
			var->varno = target->p_rtindex;
			var->varattno = static_cast<AttrNumber>(i + 1);
			var->vartype = att->atttypid;
			var->vartypmod = att->atttypmod;
			var->varcollid = att->attcollation;
			var->varnosyn = static_cast<Index>(target->p_rtindex);
			var->varattnosyn = var->varattno;
			var->location = -1;
			expr = reinterpret_cast<Expr *>(var);
		}
		TargetEntry *tle = makeNode(TargetEntry);
		tle->expr = expr;
		tle->resno = static_cast<AttrNumber>(i + 1);
		tle->resname = pstrdup(NameStr(att->attname));
		qry->targetList = lappend(qry->targetList, tle);
	}
	qry->targetList = lappend(qry->targetList,
							  CtidJunkEntry(target, static_cast<AttrNumber>(desc->natts + 1)));
	relation_close(rel, NoLock);
	Node *qual = TransformWhere(pstate, stmt->whereClause);
	qry->rtable = pstate->p_rtable;
	qry->jointree = makeNode(FromExpr);
	qry->jointree->fromlist = pstate->p_joinlist;
	qry->jointree->quals = qual;
	return qry;
}

Query *TransformDeleteStmt(ParseState *pstate, DeleteStmt *stmt)
{
	if (stmt->withClause != nullptr)
		NotSupported(pstate, "WITH", stmt->withClause->location);
	if (stmt->usingClause != NIL)
		NotSupported(pstate, "DELETE … USING", -1);
	if (stmt->returningList != NIL)
		NotSupported(pstate, "RETURNING", -1);
	Query *qry = makeNode(Query);
	qry->commandType = CMD_DELETE;
	ParseNamespaceItem *target = SetTargetTable(pstate, qry, stmt->relation, ACL_DELETE);
	qry->targetList = list_make1(CtidJunkEntry(target, 1));
	Node *qual = TransformWhere(pstate, stmt->whereClause);
	qry->rtable = pstate->p_rtable;
	qry->jointree = makeNode(FromExpr);
	qry->jointree->fromlist = pstate->p_joinlist;
	qry->jointree->quals = qual;
	return qry;
}

}  // namespace

Query *transformStmt(ParseState *pstate, Node *parseTree)
{
	Query *result;
	switch (nodeTag(parseTree))
	{
		case T_SelectStmt:
			result = TransformSelectStmt(pstate, reinterpret_cast<SelectStmt *>(parseTree));
			break;
		case T_InsertStmt:
			result = TransformInsertStmt(pstate, reinterpret_cast<InsertStmt *>(parseTree));
			break;
		case T_UpdateStmt:
			result = TransformUpdateStmt(pstate, reinterpret_cast<UpdateStmt *>(parseTree));
			break;
		case T_DeleteStmt:
			result = TransformDeleteStmt(pstate, reinterpret_cast<DeleteStmt *>(parseTree));
			break;
		default:
			result = makeNode(Query);
			result->commandType = CMD_UTILITY;
			result->utilityStmt = parseTree;
			break;
	}
	result->querySource = QSRC_ORIGINAL;
	result->canSetTag = true;
	return result;
}

Query *transformTopLevelStmt(ParseState *pstate, RawStmt *parseTree)
{
	Query *result = transformStmt(pstate, parseTree->stmt);
	result->stmt_location = parseTree->stmt_location;
	result->stmt_len = parseTree->stmt_len;
	return result;
}

Query *parse_analyze_fixedparams(RawStmt *parseTree, const char *sourceText, const Oid *paramTypes,
								 int numParams)
{
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = sourceText;
	pstate->p_paramtypes = const_cast<Oid *>(paramTypes);
	pstate->p_numparams = numParams;
	Query *query = transformTopLevelStmt(pstate, parseTree);
	free_parsestate(pstate);
	return query;
}

Query *parse_analyze_varparams(RawStmt *parseTree, const char *sourceText, Oid **paramTypes,
							   int *numParams)
{
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = sourceText;
	pstate->p_paramtypes = *paramTypes;
	pstate->p_numparams = *numParams;
	pstate->p_variableparams = true;
	Query *query = transformTopLevelStmt(pstate, parseTree);
	*paramTypes = pstate->p_paramtypes;
	*numParams = pstate->p_numparams;
	for (int i = 0; i < *numParams; i++)
		if ((*paramTypes)[i] == InvalidOid || (*paramTypes)[i] == UNKNOWNOID)
			ereport(ERROR, errcode(ERRCODE_INDETERMINATE_DATATYPE),
					errmsg("could not determine data type of parameter $%d", i + 1));
	free_parsestate(pstate);
	return query;
}
