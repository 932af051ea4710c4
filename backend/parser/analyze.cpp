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
#include "catalog/pg_amproc_d.h"
#include "catalog/pg_collation_d.h"
#include "catalog/pg_opclass_d.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type_d.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "catalog/namespace.h"
#include "access/transam.h"
#include "catalog/pg_constraint_fns.h"
#include "catalog/pg_namespace_d.h"
#include "funcapi.h"
#include "optimizer/optimizer.h"
#include "parser/analyze.h"
#include "parser/parse_coerce.h"
#include "parser/parse_expr.h"
#include "parser/parse_func.h"
#include "access/htup_details.h"
#include "storage/lock.h"
#include "rewrite/rewriteHandler.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/format_type.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "parse_cte.h"
#include "parse_locking.h"

Query *SubAnalyze(Node *parseTree, ParseState *parentParseState, bool resolve_unknowns);

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

/* A namespace item for a new range-table entry. */
ParseNamespaceItem *AddNSItem(ParseState *pstate, RangeTblEntry *rte)
{
	pstate->p_rtable = lappend(pstate->p_rtable, rte);
	auto *nsitem = static_cast<ParseNamespaceItem *>(palloc0(sizeof(ParseNamespaceItem)));
	nsitem->p_rte = rte;
	nsitem->p_rtindex = list_length(pstate->p_rtable);
	nsitem->p_rel_visible = true;
	nsitem->p_cols_visible = true;
	return nsitem;
}

/* The entry's column names: the alias's, then the given ones. */
void SetColumnNames(RangeTblEntry *rte, Alias *alias, List *names, const char *what)
{
	List *aliascols = alias != nullptr ? alias->colnames : NIL;
	if (list_length(aliascols) > list_length(names))
		ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
				errmsg("%s \"%s\" has %d columns available but %d columns specified", what,
					   rte->eref->aliasname, list_length(names), list_length(aliascols)));
	int i = 0;
	ListCell *lc;
	foreach (lc, names)
	{
		const char *name = i < list_length(aliascols) ? strVal(list_nth(aliascols, i))
													  : strVal(lfirst(lc));
		rte->eref->colnames = lappend(rte->eref->colnames, makeString(pstrdup(name)));
		i++;
	}
}

ParseNamespaceItem *AddRangeTableEntryForSubquery(ParseState *pstate, Query *q, Alias *alias)
{
	RangeTblEntry *rte = makeNode(RangeTblEntry);
	rte->rtekind = RTE_SUBQUERY;
	rte->subquery = q;
	rte->alias = alias;
	rte->inFromCl = true;
	rte->eref = makeNode(Alias);
	rte->eref->aliasname = pstrdup(alias != nullptr ? alias->aliasname : "unnamed_subquery");
	List *names = NIL;
	ListCell *lc;
	foreach (lc, q->targetList)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk)
			continue;
		Node *expr = reinterpret_cast<Node *>(tle->expr);
		names = lappend(names,
						makeString(pstrdup(tle->resname != nullptr ? tle->resname : "?column?")));
		rte->coltypes = lappend_oid(rte->coltypes, exprType(expr));
		rte->coltypmods = lappend_int(rte->coltypmods, exprTypmod(expr));
		rte->colcollations = lappend_oid(rte->colcollations, exprCollation(expr));
	}
	SetColumnNames(rte, alias, names, "table");
	return AddNSItem(pstate, rte);
}

/* The WITH query a table name means, searching outward; its level. */
CommonTableExpr *FindCte(ParseState *pstate, const char *name, Index *levelsup)
{
	*levelsup = 0;
	for (ParseState *ps = pstate; ps != nullptr; ps = ps->parentParseState, (*levelsup)++)
	{
		ListCell *lc;
		foreach (lc, ps->p_ctenamespace)
		{
			auto *cte = static_cast<CommonTableExpr *>(lfirst(lc));
			if (strcmp(cte->ctename, name) == 0)
				return cte;
		}
	}
	return nullptr;
}

/* A name that is no table but a later WITH item: PostgreSQL's hint. */
void CheckFutureCteReference(ParseState *pstate, RangeVar *rv)
{
	for (ParseState *ps = pstate; ps != nullptr; ps = ps->parentParseState)
	{
		ListCell *lc;
		foreach (lc, ps->p_future_ctes)
		{
			auto *cte = static_cast<CommonTableExpr *>(lfirst(lc));
			if (strcmp(cte->ctename, rv->relname) != 0)
				continue;
			if (OidIsValid(RangeVarGetRelid(rv, NoLock, true)))
				return;
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
					errmsg("relation \"%s\" does not exist", rv->relname),
					errdetail("There is a WITH item named \"%s\", but it cannot be referenced from "
							  "this part of the query.",
							  rv->relname),
					errhint("Use WITH RECURSIVE, or re-order the WITH items to remove forward "
							"references."),
					parser_errposition(pstate, rv->location));
		}
	}
}

ParseNamespaceItem *AddRangeTableEntryForCte(ParseState *pstate, CommonTableExpr *cte,
											 Index levelsup, RangeVar *rv)
{
	/* A recursive query's reference to itself, met while it is being
	 * analyzed: its work table. */
	bool self_reference = !IsA(cte->ctequery, Query);
	if (!self_reference && castNode(Query, cte->ctequery)->commandType != CMD_SELECT &&
		castNode(Query, cte->ctequery)->returningList == NIL)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("WITH query \"%s\" does not have a RETURNING clause", cte->ctename),
				parser_errposition(pstate, rv->location));
	RangeTblEntry *rte = makeNode(RangeTblEntry);
	rte->rtekind = RTE_CTE;
	rte->ctename = pstrdup(cte->ctename);
	rte->ctelevelsup = levelsup;
	rte->self_reference = self_reference;
	rte->alias = rv->alias;
	rte->inFromCl = true;
	rte->coltypes = list_copy(cte->ctecoltypes);
	rte->coltypmods = list_copy(cte->ctecoltypmods);
	rte->colcollations = list_copy(cte->ctecolcollations);
	rte->eref = makeNode(Alias);
	rte->eref->aliasname = pstrdup(rv->alias != nullptr ? rv->alias->aliasname : cte->ctename);
	SetColumnNames(rte, rv->alias, cte->ctecolnames, "table");
	if (!self_reference)
		cte->cterefcount++;
	return AddNSItem(pstate, rte);
}

/* A WITH query's output columns: the alias's names, then the query's. */
void SetCteColumns(ParseState *pstate, CommonTableExpr *cte, List *names, List *exprs)
{
	if (list_length(cte->aliascolnames) > list_length(names))
		ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
				errmsg("WITH query \"%s\" has %d columns available but %d columns specified",
					   cte->ctename, list_length(names), list_length(cte->aliascolnames)),
				parser_errposition(pstate, cte->location));
	cte->ctecolnames = NIL;
	cte->ctecoltypes = NIL;
	cte->ctecoltypmods = NIL;
	cte->ctecolcollations = NIL;
	ListCell *n;
	ListCell *e;
	forboth(n, names, e, exprs)
	{
		int i = foreach_current_index(n);
		cte->ctecolnames = lappend(cte->ctecolnames,
								   i < list_length(cte->aliascolnames)
									   ? list_nth(cte->aliascolnames, i)
									   : lfirst(n));
		Node *expr = static_cast<Node *>(lfirst(e));
		Oid type = exprType(expr);
		int32 typmod = exprTypmod(expr);
		Oid coll = exprCollation(expr);
		/* A recursive query's unknown column is text before its recursive
		 * term is analyzed (PostgreSQL's rule). */
		if (cte->cterecursive && type == UNKNOWNOID)
		{
			type = TEXTOID;
			typmod = -1;
			if (!OidIsValid(coll))
				coll = DEFAULT_COLLATION_OID;
		}
		cte->ctecoltypes = lappend_oid(cte->ctecoltypes, type);
		cte->ctecoltypmods = lappend_int(cte->ctecoltypmods, typmod);
		cte->ctecolcollations = lappend_oid(cte->ctecolcollations, coll);
	}
}

/* One WITH query analyzed.  A recursive one got its columns from its
 * non-recursive term (DetermineRecursiveColTypes); the whole query's
 * must be the same. */
void AnalyzeCte(ParseState *pstate, CommonTableExpr *cte)
{
	bool modifies = !IsA(cte->ctequery, SelectStmt);
	if (modifies && pstate->parentParseState != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("WITH clause containing a data-modifying statement must be at the top "
					   "level"),
				parser_errposition(pstate, cte->location));
	ParseState *sub = make_parsestate(pstate);
	sub->p_parent_cte = cte;
	Query *q = transformStmt(sub, cte->ctequery);
	free_parsestate(sub);
	/* Only the statement itself reports a row count. */
	q->canSetTag = false;
	cte->ctequery = reinterpret_cast<Node *>(q);
	List *names = NIL;
	List *exprs = NIL;
	ListCell *t;
	foreach (t, modifies ? q->returningList : q->targetList)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(t));
		if (tle->resjunk)
			continue;
		names = lappend(names,
						makeString(pstrdup(tle->resname != nullptr ? tle->resname : "?column?")));
		exprs = lappend(exprs, tle->expr);
	}
	if (!cte->cterecursive)
	{
		SetCteColumns(pstate, cte, names, exprs);
		return;
	}
	int col = 0;
	foreach (t, exprs)
	{
		Node *expr = static_cast<Node *>(lfirst(t));
		Oid type = list_nth_oid(cte->ctecoltypes, col);
		int32 typmod = list_nth_int(cte->ctecoltypmods, col);
		col++;
		if (exprType(expr) != type || exprTypmod(expr) != typmod)
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("recursive query \"%s\" column %d has type %s in non-recursive term but "
						   "type %s overall",
						   cte->ctename, col, format_type_with_typemod(type, typmod),
						   format_type_with_typemod(exprType(expr), exprTypmod(expr))),
					errhint("Cast the output of the non-recursive term to the correct type."),
					parser_errposition(pstate, exprLocation(expr)));
	}
}

/* WITH: each query analyzed, seeing the ones before it (all of them
 * under RECURSIVE, analyzed in an order without forward references). */
void TransformWithClause(ParseState *pstate, WithClause *with)
{
	ListCell *lc;
	foreach (lc, with->ctes)
	{
		auto *cte = static_cast<CommonTableExpr *>(lfirst(lc));
		ListCell *other;
		foreach (other, with->ctes)
		{
			if (other == lc)
				break;
			if (strcmp(static_cast<CommonTableExpr *>(lfirst(other))->ctename, cte->ctename) == 0)
				ereport(ERROR, errcode(ERRCODE_DUPLICATE_ALIAS),
						errmsg("WITH query name \"%s\" specified more than once", cte->ctename),
						parser_errposition(pstate, cte->location));
		}
	}
	if (with->recursive)
	{
		List *ordered = OrderRecursiveCtes(pstate, with->ctes);
		foreach (lc, ordered)
			pstate->p_ctenamespace = lappend(pstate->p_ctenamespace, lfirst(lc));
		foreach (lc, ordered)
		{
			auto *cte = static_cast<CommonTableExpr *>(lfirst(lc));
			RewriteSearchCycle(pstate, cte);
			AnalyzeCte(pstate, cte);
			TransformSearchCycle(pstate, cte);
		}
		return;
	}
	foreach (lc, with->ctes)
	{
		auto *cte = static_cast<CommonTableExpr *>(lfirst(lc));
		/* The query itself and the later ones: named here, PostgreSQL's hint. */
		pstate->p_future_ctes = list_copy_tail(with->ctes, foreach_current_index(lc));
		AnalyzeCte(pstate, cte);
		pstate->p_future_ctes = NIL;
		TransformSearchCycle(pstate, cte);
		pstate->p_ctenamespace = lappend(pstate->p_ctenamespace, cte);
	}
}

Node *TransformFromItem(ParseState *pstate, Node *n, ParseNamespaceItem **top_nsitem,
						List **namespace_items);
ParseNamespaceItem *TransformRangeFunction(ParseState *pstate, RangeFunction *r);

/* Mark namespace items as visible only to LATERAL references (only),
 * and whether such a reference is allowed (ok: not from the nullable
 * side of a RIGHT or FULL JOIN). */
void SetNamespaceLateralState(List *items, bool only, bool ok)
{
	ListCell *lc;
	foreach (lc, items)
	{
		auto *nsitem = static_cast<ParseNamespaceItem *>(lfirst(lc));
		nsitem->p_lateral_only = only;
		nsitem->p_lateral_ok = ok;
	}
}

/* A JOIN: its two sides, its condition (ON, USING or NATURAL), and a
 * join entry whose columns are the merged USING columns, then the left
 * side's others, then the right side's. */
Node *TransformJoin(ParseState *pstate, JoinExpr *j, ParseNamespaceItem **top_nsitem,
					List **namespace_items)
{
	ParseNamespaceItem *l_item;
	List *l_namespace = NIL;
	Node *larg = TransformFromItem(pstate, j->larg, &l_item, &l_namespace);
	/* The right side may read the left side's columns if it is LATERAL
	 * (an error under a RIGHT or FULL JOIN, whose left side it nulls). */
	int saved_length = list_length(pstate->p_namespace);
	pstate->p_namespace = list_concat(pstate->p_namespace, l_namespace);
	SetNamespaceLateralState(l_namespace, true,
							 j->jointype == JOIN_INNER || j->jointype == JOIN_LEFT);
	ParseNamespaceItem *r_item;
	List *r_namespace = NIL;
	Node *rarg = TransformFromItem(pstate, j->rarg, &r_item, &r_namespace);
	pstate->p_namespace = list_truncate(pstate->p_namespace, saved_length);
	SetNamespaceLateralState(l_namespace, false, true);
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
		/* A right join's merged column comes from the right side; a full
		 * join's from whichever side has the row. */
		if (j->jointype == JOIN_FULL)
		{
			Oid type = select_common_type(pstate, list_make2(lvar, rvar), "JOIN/USING", nullptr);
			CoalesceExpr *c = makeNode(CoalesceExpr);
			c->coalescetype = type;
			c->coalescecollid = get_typcollation(type);
			c->args = list_make2(coerce_to_common_type(pstate, lvar, type, "JOIN/USING"),
								 coerce_to_common_type(pstate, rvar, type, "JOIN/USING"));
			c->merged = true;
			c->location = -1;
			aliasvars = lappend(aliasvars, c);
		}
		else
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
	rte->join_using_alias = j->join_using_alias;
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
	{
		/* The sides are hidden; their USING aliases are gone (no entry of
		 * theirs is in the range table to be hinted at). */
		List *sides = NIL;
		foreach (lc, both)
		{
			auto *item = static_cast<ParseNamespaceItem *>(lfirst(lc));
			if (item->p_rte != list_nth(pstate->p_rtable, item->p_rtindex - 1))
				continue;
			item->p_rel_visible = false;
			sides = lappend(sides, item);
		}
		both = sides;
	}
	*namespace_items = lappend(both, nsitem);
	*top_nsitem = nsitem;
	if (j->join_using_alias != nullptr && j->alias == nullptr)
	{
		/* USING (…) AS u names the merged columns, and only them (SQL:2016
		 * F404; an alias of the whole join hides it): an item of its own
		 * whose entry, outside the range table, is the join's first
		 * columns under that name. */
		auto *view = static_cast<RangeTblEntry *>(copyObject(rte));
		int merged = list_length(usingnames);
		view->joinaliasvars = list_truncate(list_copy(aliasvars), merged);
		view->alias = j->join_using_alias;
		view->eref = makeNode(Alias);
		view->eref->aliasname = pstrdup(j->join_using_alias->aliasname);
		view->eref->colnames = list_truncate(list_copy(rte->eref->colnames), merged);
		auto *using_item = static_cast<ParseNamespaceItem *>(palloc0(sizeof(ParseNamespaceItem)));
		using_item->p_rte = view;
		using_item->p_rtindex = rtindex;
		using_item->p_rel_visible = true;
		/* Unqualified, the columns are the join's. */
		using_item->p_cols_visible = false;
		CheckNameConflict(pstate, *namespace_items, using_item);
		*namespace_items = lappend(*namespace_items, using_item);
	}

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
	/* What was written, for pg_get_viewdef: the USING (or NATURAL) names
	 * (quals already compare them) and their alias. */
	result->usingClause = usingnames;
	result->join_using_alias = j->join_using_alias;
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
		Index levelsup;
		CommonTableExpr *cte = rv->schemaname == nullptr ? FindCte(pstate, rv->relname, &levelsup)
														 : nullptr;
		if (cte == nullptr && rv->schemaname == nullptr)
			CheckFutureCteReference(pstate, rv);
		ParseNamespaceItem *nsitem = cte != nullptr
			? AddRangeTableEntryForCte(pstate, cte, levelsup, rv)
			: addRangeTableEntry(pstate, rv, rv->alias, AccessShareLock, true);
		RangeTblRef *rtr = makeNode(RangeTblRef);
		rtr->rtindex = nsitem->p_rtindex;
		*top_nsitem = nsitem;
		*namespace_items = list_make1(nsitem);
		return reinterpret_cast<Node *>(rtr);
	}
	if (IsA(n, JoinExpr))
		return TransformJoin(pstate, reinterpret_cast<JoinExpr *>(n), top_nsitem, namespace_items);
	if (IsA(n, RangeSubselect))
	{
		RangeSubselect *r = reinterpret_cast<RangeSubselect *>(n);
		/* A subquery in FROM sees the FROM items to its left only if it
		 * is LATERAL. */
		bool saved_active = pstate->p_lateral_active;
		pstate->p_lateral_active = r->lateral;
		Query *q = parse_sub_analyze(r->subquery, pstate);
		pstate->p_lateral_active = saved_active;
		if (q->commandType != CMD_SELECT)
			NotSupported(pstate, "data-modifying statements in FROM", -1);
		ParseNamespaceItem *nsitem = AddRangeTableEntryForSubquery(pstate, q, r->alias);
		nsitem->p_rte->lateral = r->lateral;
		RangeTblRef *rtr = makeNode(RangeTblRef);
		rtr->rtindex = nsitem->p_rtindex;
		*top_nsitem = nsitem;
		*namespace_items = list_make1(nsitem);
		return reinterpret_cast<Node *>(rtr);
	}
	if (IsA(n, RangeFunction))
	{
		ParseNamespaceItem *nsitem = TransformRangeFunction(pstate,
															reinterpret_cast<RangeFunction *>(n));
		RangeTblRef *rtr = makeNode(RangeTblRef);
		rtr->rtindex = nsitem->p_rtindex;
		*top_nsitem = nsitem;
		*namespace_items = list_make1(nsitem);
		return reinterpret_cast<Node *>(rtr);
	}
	NotSupported(pstate, "this kind of FROM item", exprLocation(n));
}

/* The OUT (INOUT, TABLE) parameters of a function returning record, as
 * the call's result columns (polymorphic ones as its arguments resolve
 * them): false if it has fewer than two (its result is then no row made
 * of them). */
bool FunctionOutColumns(FuncExpr *call, List **names, List **types)
{
	Oid funcid = call->funcid;
	HeapTuple tup = SearchSysCache1(PROCOID, ObjectIdGetDatum(funcid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for function %u", funcid);
	auto *proc = reinterpret_cast<Form_pg_proc>(GETSTRUCT(tup));
	std::vector<Oid> declared(proc->proargtypes.values, proc->proargtypes.values + proc->pronargs);
	std::vector<Oid> actual;
	ListCell *arg;
	foreach (arg, call->args)
		actual.push_back(exprType(static_cast<Node *>(lfirst(arg))));
	auto resolve = [&](Oid type) {
		if (!IsPolymorphicType(type) || actual.size() < declared.size())
			return type;
		std::vector<Oid> scratch = declared;
		return enforce_generic_type_consistency(actual.data(), scratch.data(),
												static_cast<int>(declared.size()), type, true);
	};
	bool typesnull, modesnull, namesnull;
	Datum alltypes = SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_proallargtypes, &typesnull);
	Datum modes = SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_proargmodes, &modesnull);
	Datum argnames = SysCacheGetAttr(PROCOID, tup, Anum_pg_proc_proargnames, &namesnull);
	*names = NIL;
	*types = NIL;
	if (!typesnull && !modesnull)
	{
		Datum *typev, *modev, *namev = nullptr;
		bool *nulls;
		int ntypes, nmodes, nnames = 0;
		deconstruct_array(DatumGetArrayTypeP(alltypes), OIDOID, 4, true, TYPALIGN_INT, &typev,
						  &nulls, &ntypes);
		deconstruct_array(DatumGetArrayTypeP(modes), CHAROID, 1, true, TYPALIGN_CHAR, &modev,
						  &nulls, &nmodes);
		if (!namesnull)
			deconstruct_array(DatumGetArrayTypeP(argnames), TEXTOID, -1, false, TYPALIGN_INT,
							  &namev, &nulls, &nnames);
		for (int i = 0; i < ntypes && i < nmodes; i++)
		{
			char mode = DatumGetChar(modev[i]);
			if (mode != PROARGMODE_OUT && mode != PROARGMODE_INOUT && mode != PROARGMODE_TABLE)
				continue;
			char *name = i < nnames ? TextDatumGetCString(namev[i]) : pstrdup("");
			if (name[0] == '\0')
				name = psprintf("column%d", list_length(*names) + 1);
			*names = lappend(*names, makeString(name));
			*types = lappend_oid(*types, resolve(DatumGetObjectId(typev[i])));
		}
	}
	ReleaseSysCache(tup);
	return list_length(*names) > 1;
}

/* A function call in FROM (PostgreSQL's transformRangeFunction and
 * addRangeTableEntryForFunction): an RTE_FUNCTION entry with one
 * RangeTblFunction per function of ROWS FROM, each contributing one
 * column — or, returning record through OUT parameters, one per
 * parameter (other functions returning a row type are not supported
 * yet) — and an
 * int8 "ordinality" column last WITH ORDINALITY.  The entry is named
 * after the alias, else the first function; a lone function's column
 * after the alias too, else the function. */
ParseNamespaceItem *TransformRangeFunction(ParseState *pstate, RangeFunction *r)
{
	/* A function in FROM is always LATERAL: it may read the FROM items to
	 * its left. */
	bool saved_active = pstate->p_lateral_active;
	pstate->p_lateral_active = true;
	RangeTblEntry *rte = makeNode(RangeTblEntry);
	rte->rtekind = RTE_FUNCTION;
	rte->funcordinality = r->ordinality;
	rte->alias = r->alias;
	rte->inFromCl = true;
	List *names = NIL;
	int nfuncs = list_length(r->functions);
	ListCell *lc;
	foreach (lc, r->functions)
	{
		List *pair = static_cast<List *>(lfirst(lc));
		Node *raw = static_cast<Node *>(linitial(pair));
		List *coldeflist = static_cast<List *>(lsecond(pair));
		Node *fexpr = transformExpr(pstate, raw, EXPR_KIND_FROM_FUNCTION);
		if (Node *srf = FindSetReturningFunction(fexpr); srf != nullptr && srf != fexpr)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("set-returning functions must appear at top level of FROM"),
					parser_errposition(pstate, exprLocation(srf)));
		char *funcname = FigureColname(raw);
		Oid type = exprType(fexpr);
		if (coldeflist == NIL && nfuncs == 1)
			coldeflist = r->coldeflist;
		/* A function returning record through OUT parameters gives a
		 * column per parameter (FunctionScan takes its rows apart). */
		List *outnames = NIL;
		List *outtypes = NIL;
		if (type == RECORDOID && coldeflist == NIL && IsA(fexpr, FuncExpr) &&
			FunctionOutColumns(reinterpret_cast<FuncExpr *>(fexpr), &outnames, &outtypes))
		{
			RangeTblFunction *rtfunc = makeNode(RangeTblFunction);
			rtfunc->funcexpr = fexpr;
			rtfunc->funccolcount = list_length(outnames);
			rtfunc->funccolnames = outnames;
			rtfunc->funccoltypes = outtypes;
			ListCell *t;
			foreach (t, outtypes)
			{
				rtfunc->funccoltypmods = lappend_int(rtfunc->funccoltypmods, -1);
				rtfunc->funccolcollations = lappend_oid(rtfunc->funccolcollations,
														get_typcollation(lfirst_oid(t)));
				rte->coltypes = lappend_oid(rte->coltypes, lfirst_oid(t));
				rte->coltypmods = lappend_int(rte->coltypmods, -1);
				rte->colcollations = lappend_oid(rte->colcollations,
												 get_typcollation(lfirst_oid(t)));
			}
			rte->functions = lappend(rte->functions, rtfunc);
			names = list_concat(names, list_copy(outnames));
			if (lc == list_head(r->functions))
			{
				rte->eref = makeNode(Alias);
				rte->eref->aliasname = pstrdup(r->alias != nullptr ? r->alias->aliasname
																   : funcname);
			}
			continue;
		}
		if (type == RECORDOID || get_typtype(type) == TYPTYPE_COMPOSITE)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("functions returning a row type in FROM are not supported yet"),
					parser_errposition(pstate, exprLocation(fexpr)));
		if (coldeflist != NIL)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("a column definition list is only allowed for functions returning "
						   "\"record\""),
					parser_errposition(pstate,
									   castNode(ColumnDef, linitial(coldeflist))->location));
		if (get_typtype(type) == TYPTYPE_PSEUDO)
			ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("function \"%s\" in FROM has unsupported return type %s", funcname,
						   format_type_be(type)),
					parser_errposition(pstate, exprLocation(fexpr)));
		const char *colname = nfuncs == 1 && r->alias != nullptr ? r->alias->aliasname : funcname;
		/* A function with one named OUT parameter names its column. */
		if (IsA(fexpr, FuncExpr))
			if (char *outname = get_func_result_name(reinterpret_cast<FuncExpr *>(fexpr)->funcid))
				colname = outname;
		RangeTblFunction *rtfunc = makeNode(RangeTblFunction);
		rtfunc->funcexpr = fexpr;
		rtfunc->funccolcount = 1;
		rtfunc->funccolnames = list_make1(makeString(pstrdup(colname)));
		rtfunc->funccoltypes = list_make1_oid(type);
		rtfunc->funccoltypmods = list_make1_int(exprTypmod(fexpr));
		rtfunc->funccolcollations = list_make1_oid(exprCollation(fexpr));
		rte->functions = lappend(rte->functions, rtfunc);
		names = lappend(names, makeString(pstrdup(colname)));
		rte->coltypes = lappend_oid(rte->coltypes, type);
		rte->coltypmods = lappend_int(rte->coltypmods, exprTypmod(fexpr));
		rte->colcollations = lappend_oid(rte->colcollations, exprCollation(fexpr));
		if (lc == list_head(r->functions))
		{
			rte->eref = makeNode(Alias);
			rte->eref->aliasname = pstrdup(r->alias != nullptr ? r->alias->aliasname : funcname);
		}
	}
	if (r->ordinality)
	{
		names = lappend(names, makeString(pstrdup("ordinality")));
		rte->coltypes = lappend_oid(rte->coltypes, INT8OID);
		rte->coltypmods = lappend_int(rte->coltypmods, -1);
		rte->colcollations = lappend_oid(rte->colcollations, InvalidOid);
	}
	SetColumnNames(rte, r->alias, names, "table");
	pstate->p_lateral_active = saved_active;
	/* Marked LATERAL (as PostgreSQL does, for pg_get_viewdef) when written
	 * so or when it reads the FROM items to its left. */
	rte->lateral = r->lateral;
	ListCell *f;
	foreach (f, rte->functions)
		rte->lateral = rte->lateral ||
			contain_vars_of_level(castNode(RangeTblFunction, lfirst(f))->funcexpr, 0);
	return AddNSItem(pstate, rte);
}

void TransformFromClause(ParseState *pstate, List *frmList)
{
	/* What is already visible (an UPDATE's target) a FROM item sees only
	 * as a LATERAL reference, as it sees the items to its left. */
	SetNamespaceLateralState(pstate->p_namespace, true, true);
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
		/* Visible to the next items only as LATERAL references. */
		SetNamespaceLateralState(items, true, true);
		pstate->p_namespace = list_concat(pstate->p_namespace, items);
	}
	SetNamespaceLateralState(pstate->p_namespace, false, true);
}

}  // namespace

/* The "<" (or ">") and "=" of a type's default btree operator class. */
bool FindOrderingOps(Oid type, bool desc, Oid *sortop, Oid *eqop)
{
	/* every row type sorts with record's class */
	if (type_is_rowtype(type))
		type = RECORDOID;
	/* every enum type with the enum class (anyenum) */
	else if (get_typtype(type) == TYPTYPE_ENUM)
		type = ANYENUMOID;
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
				/* Several may fit (varchar: text and bpchar); as PostgreSQL's
				 * GetDefaultOpClass, the category's preferred type wins. */
				bool preferred = IsPreferredType(TypeCategory(type), form->opcintype);
				if (!OidIsValid(family) || preferred)
				{
					family = form->opcfamily;
					intype = form->opcintype;
				}
				if (preferred)
					break;
			}
		}
	}
	if (!OidIsValid(family) && OidIsValid(get_element_type(type)))
	{
		/* Arrays sort with the polymorphic array class (anyarray). */
		for (int i = 0; i < opclasses->n_members; i++)
		{
			auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(opclasses->members[i]));
			if (form->opcdefault && form->opcintype == ANYARRAYOID)
			{
				family = form->opcfamily;
				intype = form->opcintype;
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

namespace {

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

/* ---- windows (PostgreSQL's transformWindowDefinitions) ---- */

bool InSortList(TargetEntry *tle, List *list);
TargetEntry *SortGroupTle(Index ref, List *targetlist);

/* The target-list entry of a window's PARTITION BY or ORDER BY item,
 * by SQL99 rules: the item is an expression of the input (never an
 * output column's name or position); an equal entry is shared, else a
 * resjunk one is added. */
TargetEntry *FindWindowTle(ParseState *pstate, Node *node, List **targetlist, ParseExprKind kind)
{
	Node *expr = transformExpr(pstate, node, kind);
	ListCell *t;
	foreach (t, *targetlist)
	{
		auto *cand = static_cast<TargetEntry *>(lfirst(t));
		if (equal(cand->expr, expr))
			return cand;
	}
	TargetEntry *tle = makeNode(TargetEntry);
	tle->expr = reinterpret_cast<Expr *>(expr);
	tle->resno = static_cast<AttrNumber>(list_length(*targetlist) + 1);
	tle->resjunk = true;
	*targetlist = lappend(*targetlist, tle);
	return tle;
}

/* An unknown-type literal sorts as text. */
Oid ResolveSortTleType(ParseState *pstate, TargetEntry *tle)
{
	Oid restype = exprType(reinterpret_cast<Node *>(tle->expr));
	if (restype == UNKNOWNOID)
	{
		tle->expr = reinterpret_cast<Expr *>(
			coerce_type(pstate, reinterpret_cast<Node *>(tle->expr), restype, TEXTOID, -1,
						COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1));
		restype = TEXTOID;
	}
	return restype;
}

/* A window's ORDER BY: SortGroupClauses, a column ordered twice kept
 * once. */
List *TransformWindowOrder(ParseState *pstate, List *orderlist, List **targetlist)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, orderlist)
	{
		auto *sortby = static_cast<SortBy *>(lfirst(lc));
		if (sortby->sortby_dir == SORTBY_USING)
			NotSupported(pstate, "ORDER BY … USING", sortby->location);
		TargetEntry *tle = FindWindowTle(pstate, sortby->node, targetlist, EXPR_KIND_WINDOW_ORDER);
		Oid restype = ResolveSortTleType(pstate, tle);
		if (InSortList(tle, result))
			continue;
		bool desc = sortby->sortby_dir == SORTBY_DESC;
		Oid sortop;
		Oid eqop;
		if (!FindOrderingOps(restype, desc, &sortop, &eqop))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
					errmsg("could not identify an ordering operator for type %s",
						   format_type_be(restype)),
					errhint("Use an explicit ordering operator or modify the query."),
					parser_errposition(pstate, exprLocation(sortby->node)));
		SortGroupClause *sgc = makeNode(SortGroupClause);
		sgc->tleSortGroupRef = AssignSortGroupRef(tle, *targetlist);
		sgc->sortop = sortop;
		sgc->eqop = eqop;
		sgc->nulls_first = sortby->sortby_nulls == SORTBY_NULLS_DEFAULT
			? desc
			: sortby->sortby_nulls == SORTBY_NULLS_FIRST;
		sgc->hashable = false;
		result = lappend(result, sgc);
	}
	return result;
}

/* A window's PARTITION BY: a column also in its ORDER BY is partitioned
 * in that order (as PostgreSQL's transformGroupClause does). */
List *TransformWindowPartition(ParseState *pstate, List *partlist, List **targetlist,
							   List *orderClause)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, partlist)
	{
		Node *node = static_cast<Node *>(lfirst(lc));
		TargetEntry *tle = FindWindowTle(pstate, node, targetlist, EXPR_KIND_WINDOW_PARTITION);
		Oid restype = ResolveSortTleType(pstate, tle);
		if (InSortList(tle, result))
			continue;
		SortGroupClause *sgc = nullptr;
		ListCell *o;
		foreach (o, orderClause)
			if (tle->ressortgroupref != 0 &&
				static_cast<SortGroupClause *>(lfirst(o))->tleSortGroupRef == tle->ressortgroupref)
				sgc = copyObject(static_cast<SortGroupClause *>(lfirst(o)));
		if (sgc == nullptr)
		{
			Oid sortop;
			Oid eqop;
			if (!FindOrderingOps(restype, false, &sortop, &eqop))
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
						errmsg("could not identify an ordering operator for type %s",
							   format_type_be(restype)),
						errhint("Use an explicit ordering operator or modify the query."),
						parser_errposition(pstate, exprLocation(node)));
			sgc = makeNode(SortGroupClause);
			sgc->tleSortGroupRef = AssignSortGroupRef(tle, *targetlist);
			sgc->sortop = sortop;
			sgc->eqop = eqop;
		}
		result = lappend(result, sgc);
	}
	return result;
}

bool FindVarWalker(Node *node, void *found)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Var))
	{
		*static_cast<Var **>(found) = reinterpret_cast<Var *>(node);
		return true;
	}
	return node_children_walker(node, FindVarWalker, found);
}

/* A frame offset: an int8 for ROWS and GROUPS; for RANGE, of the offset
 * type of the sort column's in_range support function that the value
 * can be coerced to (PostgreSQL's transformFrameOffset). */
Node *TransformFrameOffset(ParseState *pstate, int frameOptions, Oid rangeopfamily,
						   Oid rangeopcintype, Oid *inRangeFunc, Node *clause)
{
	*inRangeFunc = InvalidOid;
	if (clause == nullptr)
		return nullptr;
	const char *what;
	Node *node;
	if ((frameOptions & (FRAMEOPTION_ROWS | FRAMEOPTION_GROUPS)) != 0)
	{
		bool rows = (frameOptions & FRAMEOPTION_ROWS) != 0;
		what = rows ? "ROWS" : "GROUPS";
		node = transformExpr(pstate, clause,
							 rows ? EXPR_KIND_WINDOW_FRAME_ROWS : EXPR_KIND_WINDOW_FRAME_GROUPS);
		node = coerce_to_specific_type(pstate, node, INT8OID, what);
	}
	else
	{
		what = "RANGE";
		node = transformExpr(pstate, clause, EXPR_KIND_WINDOW_FRAME_RANGE);
		Oid nodeType = exprType(node);
		Oid preferredType = nodeType != UNKNOWNOID ? nodeType : rangeopcintype;
		int nfuncs = 0;
		int nmatches = 0;
		Oid selectedType = InvalidOid;
		Oid selectedFunc = InvalidOid;
		constexpr int16 kBtInRangeProc = 3; /* pg_amproc.amprocnum of in_range */
		CatCList *procs = SearchSysCacheList2(AMPROCNUM, ObjectIdGetDatum(rangeopfamily),
											  ObjectIdGetDatum(rangeopcintype));
		for (int i = 0; i < procs->n_members; i++)
		{
			auto *form = reinterpret_cast<Form_pg_amproc>(GETSTRUCT(procs->members[i]));
			if (form->amprocnum != kBtInRangeProc)
				continue;
			nfuncs++;
			Oid righttype = form->amprocrighttype;
			if (!can_coerce_type(1, &nodeType, &righttype, COERCION_IMPLICIT))
				continue;
			nmatches++;
			if (selectedType != preferredType)
			{
				selectedType = righttype;
				selectedFunc = form->amproc;
			}
		}
		ReleaseSysCacheList(procs);
		if (nfuncs == 0)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("RANGE with offset PRECEDING/FOLLOWING is not supported for column "
						   "type %s",
						   format_type_be(rangeopcintype)),
					parser_errposition(pstate, exprLocation(node)));
		if (nmatches == 0)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("RANGE with offset PRECEDING/FOLLOWING is not supported for column "
						   "type %s and offset type %s",
						   format_type_be(rangeopcintype), format_type_be(nodeType)),
					errhint("Cast the offset value to an appropriate type."),
					parser_errposition(pstate, exprLocation(node)));
		if (nmatches != 1 && selectedType != preferredType)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("RANGE with offset PRECEDING/FOLLOWING has multiple interpretations "
						   "for column type %s and offset type %s",
						   format_type_be(rangeopcintype), format_type_be(nodeType)),
					errhint("Cast the offset value to the exact intended type."),
					parser_errposition(pstate, exprLocation(node)));
		node = coerce_to_specific_type(pstate, node, selectedType, what);
		*inRangeFunc = selectedFunc;
	}
	Var *var = nullptr;
	if (FindVarWalker(node, &var))
		ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
				errmsg("argument of %s must not contain variables", what),
				parser_errposition(pstate, var->location));
	return node;
}

WindowClause *FindWindowClause(List *clauses, const char *name)
{
	ListCell *lc;
	foreach (lc, clauses)
	{
		auto *wc = static_cast<WindowClause *>(lfirst(lc));
		if (wc->name != nullptr && strcmp(wc->name, name) == 0)
			return wc;
	}
	return nullptr;
}

/* The query level's window definitions (the WINDOW clause, then each
 * distinct OVER (…)) as WindowClauses, their items added to the target
 * list, with PostgreSQL's rules for windows copying named ones. */
List *TransformWindowDefinitions(ParseState *pstate, List *windowdefs, List **targetlist)
{
	List *result = NIL;
	Index winref = 0;
	ListCell *lc;
	foreach (lc, windowdefs)
	{
		auto *windef = static_cast<WindowDef *>(lfirst(lc));
		winref++;
		if (windef->name != nullptr && FindWindowClause(result, windef->name) != nullptr)
			ereport(ERROR, errcode(ERRCODE_WINDOWING_ERROR),
					errmsg("window \"%s\" is already defined", windef->name),
					parser_errposition(pstate, windef->location));
		WindowClause *refwc = nullptr;
		if (windef->refname != nullptr)
		{
			refwc = FindWindowClause(result, windef->refname);
			if (refwc == nullptr)
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
						errmsg("window \"%s\" does not exist", windef->refname),
						parser_errposition(pstate, windef->location));
		}
		List *orderClause = TransformWindowOrder(pstate, windef->orderClause, targetlist);
		List *partitionClause = TransformWindowPartition(pstate, windef->partitionClause,
														 targetlist, orderClause);
		WindowClause *wc = makeNode(WindowClause);
		wc->name = windef->name;
		wc->refname = windef->refname;
		if (refwc != nullptr)
		{
			if (partitionClause != NIL)
				ereport(ERROR, errcode(ERRCODE_WINDOWING_ERROR),
						errmsg("cannot override PARTITION BY clause of window \"%s\"",
							   windef->refname),
						parser_errposition(pstate, windef->location));
			wc->partitionClause = copyObject(refwc->partitionClause);
			if (orderClause != NIL && refwc->orderClause != NIL)
				ereport(ERROR, errcode(ERRCODE_WINDOWING_ERROR),
						errmsg("cannot override ORDER BY clause of window \"%s\"", windef->refname),
						parser_errposition(pstate, windef->location));
			wc->copiedOrder = orderClause == NIL;
			wc->orderClause = orderClause != NIL ? orderClause : copyObject(refwc->orderClause);
			if (refwc->frameOptions != FRAMEOPTION_DEFAULTS)
			{
				if (windef->name != nullptr || orderClause != NIL ||
					windef->frameOptions != FRAMEOPTION_DEFAULTS)
					ereport(ERROR, errcode(ERRCODE_WINDOWING_ERROR),
							errmsg("cannot copy window \"%s\" because it has a frame clause",
								   windef->refname),
							parser_errposition(pstate, windef->location));
				ereport(ERROR, errcode(ERRCODE_WINDOWING_ERROR),
						errmsg("cannot copy window \"%s\" because it has a frame clause",
							   windef->refname),
						errhint("Omit the parentheses in this OVER clause."),
						parser_errposition(pstate, windef->location));
			}
		}
		else
		{
			wc->partitionClause = partitionClause;
			wc->orderClause = orderClause;
		}
		wc->frameOptions = windef->frameOptions;
		Oid rangeopfamily = InvalidOid;
		Oid rangeopcintype = InvalidOid;
		if ((wc->frameOptions & FRAMEOPTION_RANGE) != 0 &&
			(wc->frameOptions & (FRAMEOPTION_START_OFFSET | FRAMEOPTION_END_OFFSET)) != 0)
		{
			if (list_length(wc->orderClause) != 1)
				ereport(ERROR, errcode(ERRCODE_WINDOWING_ERROR),
						errmsg("RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER "
							   "BY column"),
						parser_errposition(pstate, windef->location));
			auto *sortcl = static_cast<SortGroupClause *>(linitial(wc->orderClause));
			TargetEntry *tle = SortGroupTle(sortcl->tleSortGroupRef, *targetlist);
			/* The sort operator's btree family and strategy. */
			int16 strategy = 0;
			CatCList *amops = SearchSysCacheList1(AMOPOPID, ObjectIdGetDatum(sortcl->sortop));
			for (int i = 0; i < amops->n_members; i++)
			{
				auto *amop = reinterpret_cast<Form_pg_amop>(GETSTRUCT(amops->members[i]));
				if (amop->amopmethod != BTREE_AM_OID || amop->amoplefttype != amop->amoprighttype)
					continue;
				rangeopfamily = amop->amopfamily;
				rangeopcintype = amop->amoplefttype;
				strategy = amop->amopstrategy;
				break;
			}
			ReleaseSysCacheList(amops);
			if (!OidIsValid(rangeopfamily))
				elog(ERROR, "operator %u is not a valid ordering operator", sortcl->sortop);
			wc->inRangeColl = exprCollation(reinterpret_cast<Node *>(tle->expr));
			wc->inRangeAsc = strategy == 1; /* BTLessStrategyNumber */
			wc->inRangeNullsFirst = sortcl->nulls_first;
		}
		if ((wc->frameOptions & FRAMEOPTION_GROUPS) != 0 && wc->orderClause == NIL)
			ereport(ERROR, errcode(ERRCODE_WINDOWING_ERROR),
					errmsg("GROUPS mode requires an ORDER BY clause"),
					parser_errposition(pstate, windef->location));
		wc->startOffset = TransformFrameOffset(pstate, wc->frameOptions, rangeopfamily,
											   rangeopcintype, &wc->startInRangeFunc,
											   windef->startOffset);
		wc->endOffset = TransformFrameOffset(pstate, wc->frameOptions, rangeopfamily,
											 rangeopcintype, &wc->endInRangeFunc,
											 windef->endOffset);
		wc->winref = winref;
		result = lappend(result, wc);
	}
	return result;
}

struct GroupingCheck
{
	ParseState *pstate;
	List *groupexprs;
	int sublevels_up = 0;
	bool in_direct_args = false; /* in an ordered-set aggregate's direct arguments */
};

/* Every column outside an aggregate must be grouped (PostgreSQL's
 * check_ungrouped_columns). */
bool CheckUngroupedWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	auto *ctx = static_cast<GroupingCheck *>(arg);
	if (IsA(node, Aggref))
	{
		/* An ordered-set aggregate's direct arguments are evaluated once
		 * per group: they obey the grouping rules. */
		bool saved = ctx->in_direct_args;
		ctx->in_direct_args = true;
		bool result = CheckUngroupedWalker(reinterpret_cast<Node *>(
											   reinterpret_cast<Aggref *>(node)->aggdirectargs),
										   arg);
		ctx->in_direct_args = saved;
		return result;
	}
	ListCell *lc;
	if (ctx->sublevels_up == 0)
		foreach (lc, ctx->groupexprs)
			if (equal(lfirst(lc), node))
				return false;
	if (IsA(node, Var))
	{
		Var *var = reinterpret_cast<Var *>(node);
		if (static_cast<int>(var->varlevelsup) != ctx->sublevels_up)
			return false;
		/* Inside a subquery: this level's column, grouped as a column? */
		foreach (lc, ctx->groupexprs)
		{
			Node *g = static_cast<Node *>(lfirst(lc));
			if (IsA(g, Var) && reinterpret_cast<Var *>(g)->varno == var->varno &&
				reinterpret_cast<Var *>(g)->varattno == var->varattno)
				return false;
		}
		RangeTblEntry *rte = static_cast<RangeTblEntry *>(
			list_nth(ctx->pstate->p_rtable, var->varno - 1));
		const char *col = var->varattno > 0
			? strVal(list_nth(rte->eref->colnames, var->varattno - 1))
			: "?";
		if (ctx->in_direct_args)
			ereport(ERROR, errcode(ERRCODE_GROUPING_ERROR),
					errmsg("column \"%s.%s\" must appear in the GROUP BY clause or be used in an "
						   "aggregate function",
						   rte->eref->aliasname, col),
					errdetail("Direct arguments of an ordered-set aggregate must use only grouped "
							  "columns."),
					parser_errposition(ctx->pstate, var->location));
		ereport(ERROR, errcode(ERRCODE_GROUPING_ERROR),
				errmsg("column \"%s.%s\" must appear in the GROUP BY clause or be used in an "
					   "aggregate function",
					   rte->eref->aliasname, col),
				parser_errposition(ctx->pstate, var->location));
	}
	if (IsA(node, Query))
	{
		/* A sublink's subquery: this level's Vars are one level up there. */
		ctx->sublevels_up++;
		bool result = node_children_walker(node, CheckUngroupedWalker, arg);
		ctx->sublevels_up--;
		return result;
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

Node *TransformLimit(ParseState *pstate, Node *clause, ParseExprKind kind, const char *what,
					 LimitOption option = LIMIT_OPTION_COUNT)
{
	if (clause == nullptr)
		return nullptr;
	/* A bare NULL count cannot have ties (PostgreSQL's check). */
	if (kind == EXPR_KIND_LIMIT && option == LIMIT_OPTION_WITH_TIES && IsA(clause, A_Const) &&
		reinterpret_cast<A_Const *>(clause)->isnull)
		ereport(ERROR, errcode(ERRCODE_INVALID_ROW_COUNT_IN_LIMIT_CLAUSE),
				errmsg("row count cannot be null in FETCH FIRST ... WITH TIES clause"));
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
	qry->limitCount = TransformLimit(pstate, stmt->limitCount, EXPR_KIND_LIMIT, "LIMIT",
									 stmt->limitOption);
	qry->limitOption = stmt->limitOption;
	qry->rtable = pstate->p_rtable;
	qry->jointree = makeNode(FromExpr);
	qry->jointree->fromlist = pstate->p_joinlist;
	return qry;
}

List *TransformDistinctClause(ParseState *pstate, List **targetlist, List *sortClause);
List *TransformDistinctOnClause(ParseState *pstate, List *distinctlist, List **targetlist,
								List *sortClause);

Query *TransformPlainSelect(ParseState *pstate, SelectStmt *stmt)
{
	if (stmt->intoClause != nullptr)
		NotSupported(pstate, "SELECT INTO", -1);
	Query *qry = makeNode(Query);
	qry->commandType = CMD_SELECT;
	TransformFromClause(pstate, stmt->fromClause);
	pstate->p_windowdefs = stmt->windowClause;
	qry->targetList = transformTargetList(pstate, stmt->targetList, EXPR_KIND_SELECT_TARGET);
	Node *qual = nullptr;
	if (stmt->whereClause != nullptr)
		qual = coerce_to_boolean(pstate, transformExpr(pstate, stmt->whereClause, EXPR_KIND_WHERE),
								 "WHERE");
	qry->sortClause = TransformSortClause(pstate, stmt->sortClause, &qry->targetList);
	qry->groupClause = TransformGroupClause(pstate, stmt->groupClause, &qry->targetList);
	if (stmt->distinctClause != NIL)
	{
		if (linitial(stmt->distinctClause) == nullptr)
			qry->distinctClause = TransformDistinctClause(pstate, &qry->targetList,
														  qry->sortClause);
		else
		{
			qry->distinctClause = TransformDistinctOnClause(pstate, stmt->distinctClause,
															&qry->targetList, qry->sortClause);
			qry->hasDistinctOn = true;
		}
	}
	if (stmt->havingClause != nullptr)
		qry->havingQual = coerce_to_boolean(pstate,
											transformExpr(pstate, stmt->havingClause,
														  EXPR_KIND_HAVING),
											"HAVING");
	qry->limitOffset = TransformLimit(pstate, stmt->limitOffset, EXPR_KIND_OFFSET, "OFFSET");
	qry->limitCount = TransformLimit(pstate, stmt->limitCount, EXPR_KIND_LIMIT, "LIMIT",
									 stmt->limitOption);
	qry->limitOption = stmt->limitOption;
	qry->windowClause = TransformWindowDefinitions(pstate, pstate->p_windowdefs, &qry->targetList);
	qry->hasWindowFuncs = pstate->p_hasWindowFuncs;
	if (pstate->p_resolve_unknowns)
		resolveTargetListUnknowns(pstate, qry->targetList);
	qry->hasAggs = pstate->p_hasAggs;
	qry->hasTargetSRFs = pstate->p_hasTargetSRFs;
	if (qry->hasAggs || qry->groupClause != NIL || qry->havingQual != nullptr)
		CheckAggregates(pstate, qry);
	qry->rtable = pstate->p_rtable;
	qry->jointree = makeNode(FromExpr);
	qry->jointree->fromlist = pstate->p_joinlist;
	qry->jointree->quals = qual;
	TransformLockingClauses(pstate, qry, stmt->lockingClause);
	return qry;
}

/* The SortGroupClause ordering tle by its type's default operators. */
SortGroupClause *DefaultSortGroupClause(ParseState *pstate, TargetEntry *tle, List *targetlist,
										int location)
{
	Oid restype = exprType(reinterpret_cast<Node *>(tle->expr));
	Oid sortop;
	Oid eqop;
	if (!FindOrderingOps(restype, false, &sortop, &eqop))
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("could not identify an equality operator for type %s",
					   format_type_be(restype)),
				parser_errposition(pstate, location));
	SortGroupClause *sgc = makeNode(SortGroupClause);
	sgc->tleSortGroupRef = AssignSortGroupRef(tle, targetlist);
	sgc->sortop = sortop;
	sgc->eqop = eqop;
	return sgc;
}

bool InSortList(TargetEntry *tle, List *list)
{
	ListCell *lc;
	foreach (lc, list)
		if (tle->ressortgroupref != 0 &&
			static_cast<SortGroupClause *>(lfirst(lc))->tleSortGroupRef == tle->ressortgroupref)
			return true;
	return false;
}

TargetEntry *SortGroupTle(Index ref, List *targetlist)
{
	ListCell *lc;
	foreach (lc, targetlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->ressortgroupref == ref)
			return tle;
	}
	elog(ERROR, "ORDER/GROUP BY expression not found in targetlist");
}

/* SELECT DISTINCT: ORDER BY's items first (each must be an output
 * column), then the other output columns. */
List *TransformDistinctClause(ParseState *pstate, List **targetlist, List *sortClause)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, sortClause)
	{
		auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		TargetEntry *tle = SortGroupTle(sgc->tleSortGroupRef, *targetlist);
		if (tle->resjunk)
			ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					errmsg("for SELECT DISTINCT, ORDER BY expressions must appear in select list"),
					parser_errposition(pstate, exprLocation(reinterpret_cast<Node *>(tle->expr))));
		result = lappend(result, copyObject(sgc));
	}
	foreach (lc, *targetlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk || InSortList(tle, result))
			continue;
		result = lappend(result,
						 DefaultSortGroupClause(pstate, tle, *targetlist,
												exprLocation(reinterpret_cast<Node *>(tle->expr))));
	}
	if (result == NIL)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("SELECT DISTINCT must have at least one column"));
	return result;
}

/* SELECT DISTINCT ON (…): the ORDER BY items among them first, in that
 * order (ORDER BY must start with them), then the rest. */
List *TransformDistinctOnClause(ParseState *pstate, List *distinctlist, List **targetlist,
								List *sortClause)
{
	List *refs = NIL;
	ListCell *lc;
	foreach (lc, distinctlist)
	{
		TargetEntry *tle = FindTargetlistEntry(pstate, static_cast<Node *>(lfirst(lc)), targetlist,
											   EXPR_KIND_DISTINCT_ON, "DISTINCT ON");
		refs = lappend_int(refs, static_cast<int>(AssignSortGroupRef(tle, *targetlist)));
	}
	List *result = NIL;
	bool skipped = false;
	foreach (lc, sortClause)
	{
		auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		if (!list_member_int(refs, static_cast<int>(sgc->tleSortGroupRef)))
		{
			skipped = true;
			continue;
		}
		if (skipped)
		{
			int loc = -1;
			ListCell *d;
			ListCell *r;
			forboth(d, distinctlist, r,
					refs) if (loc < 0 && lfirst_int(r) == static_cast<int>(sgc->tleSortGroupRef))
				loc = exprLocation(static_cast<Node *>(lfirst(d)));
			ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					errmsg("SELECT DISTINCT ON expressions must match initial ORDER BY "
						   "expressions"),
					parser_errposition(pstate, loc));
		}
		result = lappend(result, copyObject(sgc));
	}
	ListCell *d;
	ListCell *r;
	forboth(d, distinctlist, r, refs)
	{
		TargetEntry *tle = SortGroupTle(static_cast<Index>(lfirst_int(r)), *targetlist);
		if (InSortList(tle, result))
			continue;
		if (skipped)
			ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					errmsg("SELECT DISTINCT ON expressions must match initial ORDER BY "
						   "expressions"),
					parser_errposition(pstate, exprLocation(static_cast<Node *>(lfirst(d)))));
		result = lappend(result,
						 DefaultSortGroupClause(pstate, tle, *targetlist,
												exprLocation(static_cast<Node *>(lfirst(d)))));
	}
	return result;
}

/* ---- UNION / INTERSECT / EXCEPT ---- */

const char *SetOpName(SetOperation op)
{
	return op == SETOP_UNION ? "UNION" : op == SETOP_INTERSECT ? "INTERSECT" : "EXCEPT";
}

/* Coerce output column col of every operand query below node. */
void CoerceSetOpColumn(ParseState *pstate, Node *node, int col, Oid type, int32 typmod,
					   const char *context)
{
	if (IsA(node, RangeTblRef))
	{
		RangeTblEntry *rte = static_cast<RangeTblEntry *>(
			list_nth(pstate->p_rtable, reinterpret_cast<RangeTblRef *>(node)->rtindex - 1));
		int n = 0;
		ListCell *lc;
		foreach (lc, rte->subquery->targetList)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(lc));
			if (tle->resjunk || ++n != col)
				continue;
			Node *expr = reinterpret_cast<Node *>(tle->expr);
			if (exprType(expr) != type)
				tle->expr = reinterpret_cast<Expr *>(
					coerce_to_common_type(pstate, expr, type, context));
			ListCell *c = list_nth_cell(rte->coltypes, col - 1);
			lfirst_oid(c) = type;
			lfirst_int(list_nth_cell(rte->coltypmods, col - 1)) = typmod;
		}
		return;
	}
	auto *op = castNode(SetOperationStmt, node);
	CoerceSetOpColumn(pstate, op->larg, col, type, typmod, context);
	CoerceSetOpColumn(pstate, op->rarg, col, type, typmod, context);
}

/* An operand or a set operation; *tlist gets its output columns (the
 * operand's non-junk entries, or the merged columns as Consts' shapes). */
Query *LeftmostSetOpQuery(ParseState *pstate, Node *node);

/* The top UNION of a recursive WITH query, its non-recursive term just
 * analyzed: the query's columns are that term's (names from its leftmost
 * SELECT), so that the recursive term can refer to them. */
void DetermineRecursiveColTypes(ParseState *pstate, Node *larg, List *lcols)
{
	Query *leftmost = LeftmostSetOpQuery(pstate, larg);
	List *names = NIL;
	ListCell *lc;
	foreach (lc, leftmost->targetList)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (!tle->resjunk)
			names = lappend(names,
							makeString(
								pstrdup(tle->resname != nullptr ? tle->resname : "?column?")));
	}
	SetCteColumns(pstate, pstate->p_parent_cte, names, lcols);
}

Node *TransformSetOperationTree(ParseState *pstate, SelectStmt *stmt, List **colexprs,
								bool is_top = false)
{
	check_stack_depth();
	/* A parenthesized operation with its own ORDER BY, LIMIT or WITH is
	 * an operand like a SELECT. */
	bool leaf = stmt->op == SETOP_NONE || stmt->sortClause != NIL || stmt->limitCount != nullptr ||
		stmt->limitOffset != nullptr || stmt->withClause != nullptr || stmt->lockingClause != NIL;
	if (leaf)
	{
		Query *q = SubAnalyze(reinterpret_cast<Node *>(stmt), pstate, false);
		char name[32];
		snprintf(name, sizeof(name), "*SELECT* %d", list_length(pstate->p_rtable) + 1);
		Alias *alias = makeNode(Alias);
		alias->aliasname = pstrdup(name);
		ParseNamespaceItem *nsitem = AddRangeTableEntryForSubquery(pstate, q, alias);
		*colexprs = NIL;
		ListCell *lc;
		foreach (lc, q->targetList)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(lc));
			if (!tle->resjunk)
				*colexprs = lappend(*colexprs, tle->expr);
		}
		RangeTblRef *rtr = makeNode(RangeTblRef);
		rtr->rtindex = nsitem->p_rtindex;
		return reinterpret_cast<Node *>(rtr);
	}
	if (stmt->intoClause != nullptr)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("INTO is only allowed on first SELECT of UNION/INTERSECT/EXCEPT"));
	const char *context = SetOpName(stmt->op);
	SetOperationStmt *op = makeNode(SetOperationStmt);
	op->op = stmt->op;
	op->all = stmt->all;
	List *lcols;
	List *rcols;
	op->larg = TransformSetOperationTree(pstate, stmt->larg, &lcols);
	if (is_top && pstate->p_parent_cte != nullptr && pstate->p_parent_cte->cterecursive)
		DetermineRecursiveColTypes(pstate, op->larg, lcols);
	op->rarg = TransformSetOperationTree(pstate, stmt->rarg, &rcols);
	if (list_length(lcols) != list_length(rcols))
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("each %s query must have the same number of columns", context),
				parser_errposition(pstate,
								   rcols != NIL ? exprLocation(static_cast<Node *>(linitial(rcols)))
												: -1));
	*colexprs = NIL;
	ListCell *l;
	ListCell *r;
	int col = 0;
	forboth(l, lcols, r, rcols)
	{
		col++;
		Node *lexpr = static_cast<Node *>(lfirst(l));
		Node *rexpr = static_cast<Node *>(lfirst(r));
		Oid type = select_common_type(pstate, list_make2(lexpr, rexpr), context, nullptr);
		if (type == UNKNOWNOID)
			type = TEXTOID;
		int32 typmod = exprTypmod(lexpr) == exprTypmod(rexpr) && exprType(lexpr) == type &&
				exprType(rexpr) == type
			? exprTypmod(lexpr)
			: -1;
		CoerceSetOpColumn(pstate, op->larg, col, type, typmod, context);
		CoerceSetOpColumn(pstate, op->rarg, col, type, typmod, context);
		op->colTypes = lappend_oid(op->colTypes, type);
		op->colTypmods = lappend_int(op->colTypmods, typmod);
		op->colCollations = lappend_oid(op->colCollations, get_typcollation(type));
		Oid sortop;
		Oid eqop;
		if (!FindOrderingOps(type, false, &sortop, &eqop))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
					errmsg("could not identify an equality operator for type %s",
						   format_type_be(type)),
					parser_errposition(pstate, exprLocation(lexpr)));
		SortGroupClause *sgc = makeNode(SortGroupClause);
		sgc->sortop = sortop;
		sgc->eqop = eqop;
		op->groupClauses = lappend(op->groupClauses, sgc);
		/* What a level above sees: a value of the merged type. */
		Const *shape = makeNullConst(type, typmod, get_typcollation(type));
		shape->location = exprLocation(lexpr);
		*colexprs = lappend(*colexprs, shape);
	}
	return reinterpret_cast<Node *>(op);
}

/* The leftmost operand's query (its column names name the result). */
Query *LeftmostSetOpQuery(ParseState *pstate, Node *node)
{
	while (IsA(node, SetOperationStmt))
		node = reinterpret_cast<SetOperationStmt *>(node)->larg;
	RangeTblEntry *rte = static_cast<RangeTblEntry *>(
		list_nth(pstate->p_rtable, reinterpret_cast<RangeTblRef *>(node)->rtindex - 1));
	return rte->subquery;
}

Query *TransformSetOperationStmt(ParseState *pstate, SelectStmt *stmt)
{
	Query *qry = makeNode(Query);
	qry->commandType = CMD_SELECT;
	if (stmt->lockingClause != NIL)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s is not allowed with UNION/INTERSECT/EXCEPT", "FOR UPDATE"));
	List *cols;
	SelectStmt top = *stmt;
	top.sortClause = NIL;
	top.limitCount = nullptr;
	top.limitOffset = nullptr;
	top.withClause = nullptr;
	qry->setOperations = TransformSetOperationTree(pstate, &top, &cols, true);
	SetOperationStmt *op = castNode(SetOperationStmt, qry->setOperations);
	Query *leftmost = LeftmostSetOpQuery(pstate, qry->setOperations);
	int leftmost_rtindex = 0;
	{
		Node *n = qry->setOperations;
		while (IsA(n, SetOperationStmt))
			n = reinterpret_cast<SetOperationStmt *>(n)->larg;
		leftmost_rtindex = reinterpret_cast<RangeTblRef *>(n)->rtindex;
	}
	/* The result columns: named by the leftmost operand, as Vars of it
	 * (ORDER BY may name them). */
	int col = 0;
	ListCell *lc;
	foreach (lc, leftmost->targetList)
	{
		auto *ltle = static_cast<TargetEntry *>(lfirst(lc));
		if (ltle->resjunk)
			continue;
		col++;
		Var *var = makeVar(leftmost_rtindex, static_cast<AttrNumber>(col),
						   list_nth_oid(op->colTypes, col - 1),
						   list_nth_int(op->colTypmods, col - 1),
						   list_nth_oid(op->colCollations, col - 1), 0);
		var->location = exprLocation(reinterpret_cast<Node *>(ltle->expr));
		TargetEntry *tle = makeNode(TargetEntry);
		tle->expr = reinterpret_cast<Expr *>(var);
		tle->resno = static_cast<AttrNumber>(col);
		tle->resname = ltle->resname != nullptr ? pstrdup(ltle->resname) : nullptr;
		qry->targetList = lappend(qry->targetList, tle);
	}
	/* ORDER BY may name or number result columns, nothing else: it sees
	 * them (only) through a join entry standing for the result. */
	RangeTblEntry *jrte = makeNode(RangeTblEntry);
	jrte->rtekind = RTE_JOIN;
	jrte->jointype = JOIN_INNER;
	jrte->eref = makeNode(Alias);
	jrte->eref->aliasname = pstrdup("unnamed_join");
	foreach (lc, qry->targetList)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		jrte->joinaliasvars = lappend(jrte->joinaliasvars, copyObject(tle->expr));
		jrte->eref->colnames = lappend(jrte->eref->colnames,
									   makeString(pstrdup(tle->resname != nullptr ? tle->resname
																				  : "?column?")));
	}
	List *saved_namespace = pstate->p_namespace;
	int saved_rtable_length = list_length(pstate->p_rtable);
	ParseNamespaceItem *jnsitem = AddNSItem(pstate, jrte);
	jnsitem->p_rel_visible = false;
	pstate->p_namespace = list_make1(jnsitem);
	int tllen = list_length(qry->targetList);
	qry->sortClause = TransformSortClause(pstate, stmt->sortClause, &qry->targetList);
	pstate->p_namespace = saved_namespace;
	pstate->p_rtable = list_truncate(pstate->p_rtable, saved_rtable_length);
	if (list_length(qry->targetList) != tllen)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("invalid UNION/INTERSECT/EXCEPT ORDER BY clause"),
				errdetail("Only result column names can be used, not expressions or functions."),
				errhint("Add the expression/function to every SELECT, or move the UNION into a "
						"FROM clause."),
				parser_errposition(pstate,
								   exprLocation(reinterpret_cast<Node *>(
									   static_cast<TargetEntry *>(list_nth(qry->targetList, tllen))
										   ->expr))));
	qry->limitOffset = TransformLimit(pstate, stmt->limitOffset, EXPR_KIND_OFFSET, "OFFSET");
	qry->limitCount = TransformLimit(pstate, stmt->limitCount, EXPR_KIND_LIMIT, "LIMIT",
									 stmt->limitOption);
	qry->limitOption = stmt->limitOption;
	qry->rtable = pstate->p_rtable;
	qry->jointree = makeNode(FromExpr);
	return qry;
}

Query *TransformSelectStmt(ParseState *pstate, SelectStmt *stmt)
{
	Query *qry;
	if (stmt->withClause != nullptr)
		TransformWithClause(pstate, stmt->withClause);
	if (stmt->op != SETOP_NONE)
		qry = TransformSetOperationStmt(pstate, stmt);
	else if (stmt->valuesLists != NIL)
		qry = TransformValuesClause(pstate, stmt);
	else
		qry = TransformPlainSelect(pstate, stmt);
	qry->cteList = pstate->p_ctenamespace;
	qry->hasSubLinks = pstate->p_hasSubLinks;
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

/* base[indirection] := value for a column (PostgreSQL's
 * transformAssignmentSubscripts): value coerced to the element type, or
 * for a slice to the array type, with 42804 naming the column if it
 * cannot be; the result has the column's type.  base is the column's
 * old value (UPDATE), NULL (INSERT), or an earlier subscripted
 * assignment to the same column. */
Expr *TransformSubscriptedAssignment(ParseState *pstate, Expr *base, Form_pg_attribute att,
									 List *indirection, Expr *value, int location)
{
	ListCell *lc;
	foreach (lc, indirection)
		if (!IsA(lfirst(lc), A_Indices))
			NotSupported(pstate, "assignment to a field", location);
	SubscriptingRef *sbsref = transformContainerSubscripts(pstate, reinterpret_cast<Node *>(base),
														   att->atttypid, att->atttypmod,
														   indirection, true);
	Oid needed = sbsref->refrestype;
	Oid type = exprType(reinterpret_cast<Node *>(value));
	Node *coerced = coerce_to_target_type(pstate, reinterpret_cast<Node *>(value), type, needed,
										  att->atttypmod, COERCION_ASSIGNMENT, COERCE_IMPLICIT_CAST,
										  -1);
	if (coerced == nullptr)
		ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
				errmsg("subscripted assignment to \"%s\" requires type %s but expression is of "
					   "type %s",
					   NameStr(att->attname), format_type_be(needed), format_type_be(type)),
				errhint("You will need to rewrite or cast the expression."),
				parser_errposition(pstate, location));
	sbsref->refassgnexpr = reinterpret_cast<Expr *>(coerced);
	sbsref->refrestype = att->atttypid;
	sbsref->reftypmod = att->atttypmod;
	return reinterpret_cast<Expr *>(sbsref);
}

Expr *NullConst(Form_pg_attribute att)
{
	/* A dropped column has no type any more: any NULL will do there (as
	 * PostgreSQL writes it, an int4). */
	if (att->attisdropped)
		return reinterpret_cast<Expr *>(makeNullConst(INT4OID, -1, InvalidOid));
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

/* Whether a value given for an identity column gives way to the
 * column's next value (OVERRIDING USER VALUE of a BY DEFAULT column);
 * 428C9 for a GENERATED ALWAYS column without OVERRIDING SYSTEM VALUE
 * (PostgreSQL's rewriteTargetListIU). */
bool UsesIdentityDefault(Form_pg_attribute att, OverridingKind override)
{
	if (att->attidentity == ATTRIBUTE_IDENTITY_ALWAYS && override != OVERRIDING_SYSTEM_VALUE)
		ereport(ERROR, errcode(ERRCODE_GENERATED_ALWAYS),
				errmsg("cannot insert a non-DEFAULT value into column \"%s\"",
					   NameStr(att->attname)),
				errdetail("Column \"%s\" is an identity column defined as GENERATED ALWAYS.",
						  NameStr(att->attname)),
				errhint("Use OVERRIDING SYSTEM VALUE to override."));
	return att->attidentity == ATTRIBUTE_IDENTITY_BY_DEFAULT && override == OVERRIDING_USER_VALUE;
}

/* What a column without a value gets: its DEFAULT, its domain's
 * DEFAULT, or NULL — checked as the column's domain, so a NOT NULL
 * domain refuses it (PostgreSQL's expand_targetlist). */
Expr *ColumnDefault(Relation rel, Form_pg_attribute att)
{
	if (Node *def = build_column_default(rel, att->attnum))
		return reinterpret_cast<Expr *>(def);
	return reinterpret_cast<Expr *>(
		coerce_to_domain(reinterpret_cast<Node *>(NullConst(att)), InvalidOid, -1, att->atttypid,
						 COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1, false));
}

/* RETURNING: expressions over the target row (and the other FROM
 * items), the target visible by name even for INSERT. */
List *TransformReturningList(ParseState *pstate, ParseNamespaceItem *target, List *returningList)
{
	if (returningList == NIL)
		return NIL;
	List *saved = pstate->p_namespace;
	if (!list_member_ptr(pstate->p_namespace, target))
		pstate->p_namespace = lappend(list_copy(pstate->p_namespace), target);
	int saved_resno = pstate->p_next_resno;
	pstate->p_next_resno = 1;
	List *rlist = transformTargetList(pstate, returningList, EXPR_KIND_RETURNING);
	pstate->p_next_resno = saved_resno;
	pstate->p_namespace = saved;
	if (rlist == NIL)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("RETURNING must have at least one column"),
				parser_errposition(pstate,
								   exprLocation(static_cast<Node *>(linitial(returningList)))));
	resolveTargetListUnknowns(pstate, rlist);
	return rlist;
}

List *TransformSetList(ParseState *pstate, Relation rel, ParseNamespaceItem *target, List *setlist);
List *AppendMultiAssignExprs(ParseState *pstate, List *tlist);
Node *TransformWhere(ParseState *pstate, Node *clause);

/* ON CONFLICT's inference specification: each element a column of the
 * target (or an expression over it), as in PostgreSQL's
 * resolve_unique_index_expr; which index it names is the planner's
 * question (infer_arbiter_indexes). */
List *TransformInferenceElems(ParseState *pstate, InferClause *infer)
{
	List *result = NIL;
	ListCell *lc;
	foreach (lc, infer->indexElems)
	{
		auto *elem = static_cast<IndexElem *>(lfirst(lc));
		if (elem->ordering != SORTBY_DEFAULT)
			ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					errmsg("ASC/DESC is not allowed in ON CONFLICT clause"),
					parser_errposition(pstate, infer->location));
		if (elem->nulls_ordering != SORTBY_NULLS_DEFAULT)
			ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					errmsg("NULLS FIRST/LAST is not allowed in ON CONFLICT clause"),
					parser_errposition(pstate, infer->location));
		if (elem->collation != NIL || elem->opclass != NIL)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("COLLATE and operator classes in ON CONFLICT are not supported yet"),
					parser_errposition(pstate, infer->location));
		Node *raw = elem->expr;
		if (raw == nullptr)
		{
			ColumnRef *ref = makeNode(ColumnRef);
			ref->fields = list_make1(makeString(pstrdup(elem->name)));
			ref->location = infer->location;
			raw = reinterpret_cast<Node *>(ref);
		}
		InferenceElem *ie = makeNode(InferenceElem);
		ie->expr = transformExpr(pstate, raw, EXPR_KIND_OTHER);
		result = lappend(result, ie);
	}
	return result;
}

/*
 * INSERT's ON CONFLICT clause (PostgreSQL's transformOnConflictClause):
 * the arbiter — inference elements and their WHERE, or a constraint —
 * over the target alone; for DO UPDATE the "excluded" pseudo-relation (a
 * second range-table entry of the target table, outside the join tree,
 * standing for the row proposed for insertion) joins the target in the
 * namespace of the SET list and its WHERE.
 */
OnConflictExpr *TransformOnConflict(ParseState *pstate, OnConflictClause *clause, Relation rel,
									ParseNamespaceItem *target)
{
	InferClause *infer = clause->infer;
	if (clause->action == ONCONFLICT_UPDATE && infer == nullptr)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("ON CONFLICT DO UPDATE requires inference specification or constraint name"),
				errhint("For example, ON CONFLICT (column_name)."),
				parser_errposition(pstate, clause->location));
	if (RelationGetRelid(rel) < FirstNormalObjectId &&
		RelationGetNamespace(rel) == PG_CATALOG_NAMESPACE)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("ON CONFLICT is not supported with system catalog tables"),
				parser_errposition(pstate, clause->location));
	OnConflictExpr *oc = makeNode(OnConflictExpr);
	oc->action = clause->action;
	List *saved = pstate->p_namespace;
	pstate->p_namespace = list_make1(target);
	if (infer != nullptr)
	{
		if (infer->indexElems != NIL)
			oc->arbiterElems = TransformInferenceElems(pstate, infer);
		if (infer->whereClause != nullptr)
			oc->arbiterWhere = transformExpr(pstate, infer->whereClause, EXPR_KIND_WHERE);
		if (infer->conname != nullptr)
		{
			oc->constraint = get_relation_constraint_oid(RelationGetRelid(rel), infer->conname);
			if (!OidIsValid(oc->constraint))
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
						errmsg("constraint \"%s\" for table \"%s\" does not exist", infer->conname,
							   RelationGetRelationName(rel)));
		}
	}
	if (clause->action == ONCONFLICT_UPDATE)
	{
		RangeTblEntry *excl = copyObject(target->p_rte);
		excl->alias = makeNode(Alias);
		excl->alias->aliasname = pstrdup("excluded");
		excl->eref->aliasname = pstrdup("excluded");
		/* Not a table to read: PostgreSQL marks it a composite type so
		 * that nothing scans or locks it. */
		excl->relkind = 'c';
		excl->requiredPerms = 0;
		excl->inFromCl = false;
		ParseNamespaceItem *exclitem = AddNSItem(pstate, excl);
		oc->exclRelIndex = exclitem->p_rtindex;
		TupleDesc desc = RelationGetDescr(rel);
		for (int i = 0; i < desc->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, i);
			Expr *expr = att->attisdropped
				? NullConst(att)
				: reinterpret_cast<Expr *>(makeColumnVar(exclitem, i + 1, -1, 0));
			oc->exclRelTlist = lappend(oc->exclRelTlist,
									   makeTargetEntry(expr, static_cast<AttrNumber>(i + 1),
													   pstrdup(NameStr(att->attname)), false));
		}
		pstate->p_namespace = lappend(pstate->p_namespace, exclitem);
		bool was_insert = pstate->p_is_insert;
		pstate->p_is_insert = false;
		oc->onConflictSet = AppendMultiAssignExprs(pstate,
												   TransformSetList(pstate, rel, target,
																	clause->targetList));
		oc->onConflictWhere = TransformWhere(pstate, clause->whereClause);
		pstate->p_is_insert = was_insert;
	}
	pstate->p_namespace = saved;
	return oc;
}

Query *TransformInsertStmt(ParseState *pstate, InsertStmt *stmt)
{
	if (stmt->withClause != nullptr)
		TransformWithClause(pstate, stmt->withClause);
	Query *qry = makeNode(Query);
	qry->commandType = CMD_INSERT;
	pstate->p_is_insert = true;
	ParseNamespaceItem *target = addRangeTableEntry(pstate, stmt->relation, stmt->relation->alias,
													RowExclusiveLock, false);
	target->p_rte->requiredPerms = ACL_INSERT;
	qry->resultRelation = target->p_rtindex;
	Relation rel = relation_open(target->p_rte->relid, NoLock);
	TupleDesc desc = RelationGetDescr(rel);
	/* A view is refused (or, one day, redirected) by the rewriter. */
	if (rel->rd_rel->relkind != 'r' && rel->rd_rel->relkind != 'v')
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("cannot insert into \"%s\"", RelationGetRelationName(rel)));

	/* The target columns, in the order given (or all of them). */
	std::vector<int> attnos;
	std::vector<int> col_locations;
	std::vector<List *> col_indirection; /* each target column's subscripts */
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
			int attno = TargetColumn(pstate, rel, col->name, col->location);
			/* A column may be assigned in parts (a[1], a[2]), but not
			 * also whole. */
			for (size_t k = 0; k < attnos.size(); k++)
				if (attnos[k] == attno && (col->indirection == NIL || col_indirection[k] == NIL))
					ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
							errmsg("column \"%s\" specified more than once", col->name),
							parser_errposition(pstate, col->location));
			attnos.push_back(attno);
			col_locations.push_back(col->location);
			col_indirection.push_back(col->indirection);
		}
	}

	SelectStmt *select = reinterpret_cast<SelectStmt *>(stmt->selectStmt);
	List *rows = NIL;
	if (select == nullptr)
		rows = list_make1(NIL); /* DEFAULT VALUES */
	else if (select->valuesLists == NIL || select->sortClause != NIL ||
			 select->limitCount != nullptr || select->limitOffset != nullptr ||
			 select->withClause != nullptr || select->op != SETOP_NONE)
	{
		/* INSERT … SELECT: the query's columns fill the target columns. */
		/* Unknown literals take the target columns' types. */
		Query *sub = SubAnalyze(reinterpret_cast<Node *>(select), pstate, false);
		Alias *alias = makeNode(Alias);
		alias->aliasname = pstrdup("*SELECT*");
		ParseNamespaceItem *nsitem = AddRangeTableEntryForSubquery(pstate, sub, alias);
		RangeTblRef *rtr = makeNode(RangeTblRef);
		rtr->rtindex = nsitem->p_rtindex;
		pstate->p_joinlist = lappend(pstate->p_joinlist, rtr);
		List *cols = NIL;
		ListCell *lc;
		foreach (lc, sub->targetList)
			if (!static_cast<TargetEntry *>(lfirst(lc))->resjunk)
				cols = lappend(cols, lfirst(lc));
		if (stmt->cols == NIL && list_length(cols) < static_cast<int>(attnos.size()))
		{
			attnos.resize(list_length(cols));
			col_locations.resize(list_length(cols));
		}
		if (list_length(cols) > static_cast<int>(attnos.size()))
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("INSERT has more expressions than target columns"),
					parser_errposition(pstate,
									   exprLocation(reinterpret_cast<Node *>(
										   static_cast<TargetEntry *>(list_nth(cols, attnos.size()))
											   ->expr))));
		if (list_length(cols) < static_cast<int>(attnos.size()))
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("INSERT has more target columns than expressions"),
					parser_errposition(pstate, col_locations[list_length(cols)]));
		std::vector<Expr *> row(desc->natts, nullptr);
		int i = 0;
		foreach (lc, cols)
		{
			auto *tle = static_cast<TargetEntry *>(lfirst(lc));
			int attno = attnos[i++];
			if (UsesIdentityDefault(TupleDescAttr(desc, attno - 1), stmt->override))
				continue;
			if (exprType(reinterpret_cast<Node *>(tle->expr)) == UNKNOWNOID)
			{
				/* An unknown literal becomes the target column's type there. */
				Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
				tle->expr = TransformAssignedExpr(pstate, tle->expr, att,
												  exprLocation(
													  reinterpret_cast<Node *>(tle->expr)));
				RangeTblEntry *srte = nsitem->p_rte;
				lfirst_oid(list_nth_cell(srte->coltypes, i - 1)) = att->atttypid;
				lfirst_int(list_nth_cell(srte->coltypmods, i - 1)) = att->atttypmod;
				lfirst_oid(list_nth_cell(srte->colcollations, i - 1)) = att->attcollation;
			}
			Var *var = makeColumnVar(nsitem, i, -1, 0);
			Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
			if (i - 1 < static_cast<int>(col_indirection.size()) && col_indirection[i - 1] != NIL)
				row[attno - 1] = TransformSubscriptedAssignment(pstate,
																row[attno - 1] != nullptr
																	? row[attno - 1]
																	: NullConst(att),
																att, col_indirection[i - 1],
																reinterpret_cast<Expr *>(var),
																col_locations[i - 1]);
			else
				row[attno - 1] = TransformAssignedExpr(pstate, reinterpret_cast<Expr *>(var), att,
													   exprLocation(
														   reinterpret_cast<Node *>(tle->expr)));
		}
		for (int a = 0; a < desc->natts; a++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, a);
			Expr *expr = row[a] != nullptr ? row[a] : ColumnDefault(rel, att);
			TargetEntry *tle = makeTargetEntry(expr, static_cast<AttrNumber>(a + 1),
											   pstrdup(NameStr(att->attname)), false);
			qry->targetList = lappend(qry->targetList, tle);
		}
		if (stmt->onConflictClause != nullptr)
			qry->onConflict = reinterpret_cast<Node *>(
				TransformOnConflict(pstate, stmt->onConflictClause, rel, target));
		qry->returningList = TransformReturningList(pstate, target, stmt->returningList);
		relation_close(rel, NoLock);
		qry->rtable = pstate->p_rtable;
		qry->jointree = makeNode(FromExpr);
		qry->jointree->fromlist = pstate->p_joinlist;
		qry->cteList = pstate->p_ctenamespace;
		qry->hasSubLinks = pstate->p_hasSubLinks;
		return qry;
	}
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
			if (!IsA(value, SetToDefault) && UsesIdentityDefault(att, stmt->override))
			{
				i++;
				continue;
			}
			if (!IsA(value, SetToDefault))
			{
				Expr *expr = reinterpret_cast<Expr *>(
					transformExpr(pstate, value, EXPR_KIND_VALUES));
				if (i < static_cast<int>(col_indirection.size()) && col_indirection[i] != NIL)
					row[attno - 1] = TransformSubscriptedAssignment(pstate,
																	row[attno - 1] != nullptr
																		? row[attno - 1]
																		: NullConst(att),
																	att, col_indirection[i], expr,
																	col_locations[i]);
				else
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
			coltypes = lappend_oid(coltypes, att->attisdropped ? INT4OID : att->atttypid);
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
	if (stmt->onConflictClause != nullptr)
		qry->onConflict = reinterpret_cast<Node *>(
			TransformOnConflict(pstate, stmt->onConflictClause, rel, target));
	qry->returningList = TransformReturningList(pstate, target, stmt->returningList);
	relation_close(rel, NoLock);
	qry->rtable = pstate->p_rtable;
	qry->jointree = makeNode(FromExpr);
	qry->jointree->fromlist = pstate->p_joinlist;
	qry->cteList = pstate->p_ctenamespace;
	qry->hasSubLinks = pstate->p_hasSubLinks;
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
	if (relkind != 'r' && relkind != 'v')
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

/*
 * One column of SET (a, b, …) = source (PostgreSQL's
 * transformMultiAssignRef).  The source is checked when its first column
 * comes.  For ROW(…) or (x, y, …) the column's value is the raw item
 * (DEFAULT allowed), analyzed like a single assignment.  A sub-SELECT
 * becomes a MULTIEXPR SubLink, kept as a junk target entry in
 * pstate->p_multiassign_exprs (the caller appends them to the target
 * list), and each column a PARAM_MULTIEXPR Param numbered
 * (sublink id << 16) | column: the planner turns the SubLink into a
 * SubPlan that sets one PARAM_EXEC slot per column, evaluated once per
 * row before the columns that read it.
 */
Node *MultiAssignValue(ParseState *pstate, MultiAssignRef *maref)
{
	Node *source = maref->source;
	if (maref->colno == 1)
	{
		if (IsA(source, SubLink) &&
			reinterpret_cast<SubLink *>(source)->subLinkType == EXPR_SUBLINK)
		{
			SubLink *sublink = reinterpret_cast<SubLink *>(source);
			sublink->subLinkType = MULTIEXPR_SUBLINK;
			sublink = reinterpret_cast<SubLink *>(
				transformExpr(pstate, source, EXPR_KIND_UPDATE_SOURCE));
			int ncols = 0;
			ListCell *lc;
			foreach (lc, castNode(Query, sublink->subselect)->targetList)
				if (!static_cast<TargetEntry *>(lfirst(lc))->resjunk)
					ncols++;
			if (ncols != maref->ncolumns)
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("number of columns does not match number of values"),
						parser_errposition(pstate, sublink->location));
			pstate->p_multiassign_exprs = lappend(pstate->p_multiassign_exprs,
												  makeTargetEntry(reinterpret_cast<Expr *>(sublink),
																  0, nullptr, true));
			sublink->subLinkId = list_length(pstate->p_multiassign_exprs);
		}
		else if (IsA(source, RowExpr))
		{
			if (list_length(reinterpret_cast<RowExpr *>(source)->args) != maref->ncolumns)
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("number of columns does not match number of values"),
						parser_errposition(pstate, exprLocation(source)));
		}
		else
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("source for a multiple-column UPDATE item must be a sub-SELECT or ROW() "
						   "expression"),
					parser_errposition(pstate, exprLocation(source)));
	}
	if (IsA(source, RowExpr))
		return static_cast<Node *>(
			list_nth(reinterpret_cast<RowExpr *>(source)->args, maref->colno - 1));
	/* The sub-SELECT, analyzed at its first column. */
	auto *tle = static_cast<TargetEntry *>(llast(pstate->p_multiassign_exprs));
	SubLink *sublink = reinterpret_cast<SubLink *>(tle->expr);
	int col = 0;
	TargetEntry *subtle = nullptr;
	ListCell *lc;
	foreach (lc, castNode(Query, sublink->subselect)->targetList)
	{
		auto *t = static_cast<TargetEntry *>(lfirst(lc));
		if (!t->resjunk && ++col == maref->colno)
		{
			subtle = t;
			break;
		}
	}
	if (subtle == nullptr)
		elog(ERROR, "unexpected column %d of a multiple-column UPDATE sub-SELECT", maref->colno);
	Param *param = makeNode(Param);
	param->paramkind = PARAM_MULTIEXPR;
	param->paramid = (sublink->subLinkId << 16) | maref->colno;
	param->paramtype = exprType(reinterpret_cast<Node *>(subtle->expr));
	param->paramtypmod = exprTypmod(reinterpret_cast<Node *>(subtle->expr));
	param->paramcollid = exprCollation(reinterpret_cast<Node *>(subtle->expr));
	param->location = exprLocation(reinterpret_cast<Node *>(subtle->expr));
	return reinterpret_cast<Node *>(param);
}

/* The target row's column attno as it was. */
Expr *TargetColumnVar(ParseNamespaceItem *target, Form_pg_attribute att, int attno)
{
	Var *var = makeNode(Var);
	var->varno = target->p_rtindex;
	var->varattno = static_cast<AttrNumber>(attno);
	var->vartype = att->atttypid;
	var->vartypmod = att->atttypmod;
	var->varcollid = att->attcollation;
	var->varnosyn = static_cast<Index>(target->p_rtindex);
	var->varattnosyn = var->varattno;
	var->location = -1;
	return reinterpret_cast<Expr *>(var);
}

/* UPDATE's (and ON CONFLICT DO UPDATE's) SET list as the new row: one
 * entry per table column in column order, the assigned ones from their
 * expressions (DEFAULT: the column's default), the others the target
 * row's Var. */
List *TransformSetList(ParseState *pstate, Relation rel, ParseNamespaceItem *target, List *setlist)
{
	List *tlist = NIL;
	TupleDesc desc = RelationGetDescr(rel);
	/* The new row: assigned columns from their expressions, the others
	 * as they were. */
	std::vector<Expr *> row(desc->natts, nullptr);
	std::vector<bool> subscripted(desc->natts, false);
	ListCell *lc;
	foreach (lc, setlist)
	{
		ResTarget *res = static_cast<ResTarget *>(lfirst(lc));
		Node *value = res->val;
		if (IsA(value, MultiAssignRef))
		{
			if (res->indirection != NIL)
				NotSupported(pstate, "assignment to a field or subscript", res->location);
			value = MultiAssignValue(pstate, reinterpret_cast<MultiAssignRef *>(value));
		}
		int attno = TargetColumn(pstate, rel, res->name, res->location);
		if (res->indirection != NIL && !IsA(value, SetToDefault))
		{
			/* Subscripted assignments to one column apply in turn. */
			Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
			Expr *base = row[attno - 1];
			if (base != nullptr && !subscripted[attno - 1])
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("multiple assignments to same column \"%s\"", res->name));
			if (base == nullptr)
				base = TargetColumnVar(target, att, attno);
			Expr *newval = reinterpret_cast<Expr *>(
				transformExpr(pstate, value, EXPR_KIND_UPDATE_SOURCE));
			row[attno - 1] = TransformSubscriptedAssignment(pstate, base, att, res->indirection,
															newval, res->location);
			subscripted[attno - 1] = true;
			continue;
		}
		if (res->indirection != NIL)
			NotSupported(pstate, "assignment of DEFAULT to a subscript", res->location);
		if (row[attno - 1] != nullptr)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("multiple assignments to same column \"%s\"", res->name));
		Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
		if (IsA(value, SetToDefault))
		{
			row[attno - 1] = ColumnDefault(rel, att);
			continue;
		}
		if (att->attidentity == ATTRIBUTE_IDENTITY_ALWAYS)
			ereport(ERROR, errcode(ERRCODE_GENERATED_ALWAYS),
					errmsg("column \"%s\" can only be updated to DEFAULT", NameStr(att->attname)),
					errdetail("Column \"%s\" is an identity column defined as GENERATED ALWAYS.",
							  NameStr(att->attname)));
		/* A sub-SELECT's column is already analyzed (a PARAM_MULTIEXPR). */
		Expr *expr = IsA(value, Param)
			? reinterpret_cast<Expr *>(value)
			: reinterpret_cast<Expr *>(transformExpr(pstate, value, EXPR_KIND_UPDATE_SOURCE));
		row[attno - 1] = TransformAssignedExpr(pstate, expr, att,
											   IsA(value, Param) ? -1 : exprLocation(value));
	}
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		Expr *expr = row[i];
		if (expr == nullptr && att->attisdropped)
			expr = NullConst(att);
		if (expr == nullptr)
			expr = TargetColumnVar(target, att, i + 1);
		TargetEntry *tle = makeNode(TargetEntry);
		tle->expr = expr;
		tle->resno = static_cast<AttrNumber>(i + 1);
		tle->resname = pstrdup(NameStr(att->attname));
		tlist = lappend(tlist, tle);
	}
	return tlist;
}

/* The MULTIEXPR SubLinks of a SET list (MultiAssignValue), as junk
 * entries after tlist's; p_multiassign_exprs is emptied. */
List *AppendMultiAssignExprs(ParseState *pstate, List *tlist)
{
	ListCell *lc;
	foreach (lc, pstate->p_multiassign_exprs)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		tle->resno = static_cast<AttrNumber>(list_length(tlist) + 1);
		tlist = lappend(tlist, tle);
	}
	pstate->p_multiassign_exprs = NIL;
	return tlist;
}

Query *TransformUpdateStmt(ParseState *pstate, UpdateStmt *stmt)
{
	if (stmt->withClause != nullptr)
		TransformWithClause(pstate, stmt->withClause);
	Query *qry = makeNode(Query);
	qry->commandType = CMD_UPDATE;
	ParseNamespaceItem *target = SetTargetTable(pstate, qry, stmt->relation, ACL_UPDATE);
	TransformFromClause(pstate, stmt->fromClause);
	Relation rel = relation_open(target->p_rte->relid, NoLock);
	TupleDesc desc = RelationGetDescr(rel);
	qry->targetList = TransformSetList(pstate, rel, target, stmt->targetList);
	qry->targetList = lappend(qry->targetList,
							  CtidJunkEntry(target, static_cast<AttrNumber>(desc->natts + 1)));
	qry->targetList = AppendMultiAssignExprs(pstate, qry->targetList);
	relation_close(rel, NoLock);
	Node *qual = TransformWhere(pstate, stmt->whereClause);
	qry->returningList = TransformReturningList(pstate, target, stmt->returningList);
	qry->rtable = pstate->p_rtable;
	qry->jointree = makeNode(FromExpr);
	qry->jointree->fromlist = pstate->p_joinlist;
	qry->jointree->quals = qual;
	qry->cteList = pstate->p_ctenamespace;
	qry->hasSubLinks = pstate->p_hasSubLinks;
	return qry;
}

Query *TransformDeleteStmt(ParseState *pstate, DeleteStmt *stmt)
{
	if (stmt->withClause != nullptr)
		TransformWithClause(pstate, stmt->withClause);
	Query *qry = makeNode(Query);
	qry->commandType = CMD_DELETE;
	ParseNamespaceItem *target = SetTargetTable(pstate, qry, stmt->relation, ACL_DELETE);
	TransformFromClause(pstate, stmt->usingClause);
	qry->targetList = list_make1(CtidJunkEntry(target, 1));
	Node *qual = TransformWhere(pstate, stmt->whereClause);
	qry->returningList = TransformReturningList(pstate, target, stmt->returningList);
	qry->rtable = pstate->p_rtable;
	qry->jointree = makeNode(FromExpr);
	qry->jointree->fromlist = pstate->p_joinlist;
	qry->jointree->quals = qual;
	qry->cteList = pstate->p_ctenamespace;
	qry->hasSubLinks = pstate->p_hasSubLinks;
	return qry;
}

/* What a cursor's query may not be (PostgreSQL's transformDeclareCursorStmt):
 * no data-modifying WITH, and a row-locking clause only in a cursor that
 * neither scrolls nor outlives its transaction nor is INSENSITIVE. */
void CheckDeclareCursorQuery(int options, Query *query)
{
	if (query->commandType != CMD_SELECT)
		elog(ERROR, "unexpected non-SELECT command in DECLARE CURSOR");
	ListCell *lc;
	foreach (lc, query->cteList)
	{
		Node *cte = static_cast<CommonTableExpr *>(lfirst(lc))->ctequery;
		if (query->hasModifyingCTE ||
			(IsA(cte, Query) && reinterpret_cast<Query *>(cte)->commandType != CMD_SELECT))
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("DECLARE CURSOR must not contain data-modifying statements in WITH"));
	}
	if (query->rowMarks == NIL)
		return;
	const char *strength = LockClauseStrengthName(
		static_cast<RowMarkClause *>(linitial(query->rowMarks))->strength);
	if ((options & CURSOR_OPT_HOLD) != 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("DECLARE CURSOR WITH HOLD ... %s is not supported", strength),
				errdetail("Holdable cursors must be READ ONLY."));
	if ((options & CURSOR_OPT_SCROLL) != 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("DECLARE SCROLL CURSOR ... %s is not supported", strength),
				errdetail("Scrollable cursors must be READ ONLY."));
	if ((options & CURSOR_OPT_INSENSITIVE) != 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_CURSOR_DEFINITION),
				errmsg("DECLARE INSENSITIVE CURSOR ... %s is not valid", strength),
				errdetail("Insensitive cursors must be READ ONLY."));
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
		case T_DeclareCursorStmt:
		{
			/* The cursor's query is analyzed now, as PostgreSQL does, so its
			 * parameters ($n from Bind) get their types at Parse; the raw
			 * tree stays untouched for a later re-analysis. */
			DeclareCursorStmt *raw = reinterpret_cast<DeclareCursorStmt *>(parseTree);
			DeclareCursorStmt *stmt = makeNode(DeclareCursorStmt);
			stmt->portalname = raw->portalname;
			stmt->options = raw->options;
			if ((stmt->options & CURSOR_OPT_SCROLL) != 0 &&
				(stmt->options & CURSOR_OPT_NO_SCROLL) != 0)
				ereport(ERROR, errcode(ERRCODE_INVALID_CURSOR_DEFINITION),
						errmsg("cannot specify both SCROLL and NO SCROLL"));
			if ((stmt->options & CURSOR_OPT_ASENSITIVE) != 0 &&
				(stmt->options & CURSOR_OPT_INSENSITIVE) != 0)
				ereport(ERROR, errcode(ERRCODE_INVALID_CURSOR_DEFINITION),
						errmsg("cannot specify both ASENSITIVE and INSENSITIVE"));
			Query *query = transformStmt(pstate, raw->query);
			stmt->query = reinterpret_cast<Node *>(query);
			CheckDeclareCursorQuery(stmt->options, query);
			result = makeNode(Query);
			result->commandType = CMD_UTILITY;
			result->utilityStmt = reinterpret_cast<Node *>(stmt);
			break;
		}
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

/* SELECT … INTO t is CREATE TABLE t AS SELECT … (PostgreSQL's
 * transformOptionalSelectInto); the INTO sits on the leftmost SELECT of
 * a set operation. */
static Node *TransformOptionalSelectInto(Node *parseTree)
{
	if (!IsA(parseTree, SelectStmt))
		return parseTree;
	SelectStmt *stmt = reinterpret_cast<SelectStmt *>(parseTree);
	SelectStmt *leftmost = stmt;
	while (leftmost->op != SETOP_NONE)
		leftmost = leftmost->larg;
	if (leftmost->intoClause == nullptr)
		return parseTree;
	CreateTableAsStmt *ctas = makeNode(CreateTableAsStmt);
	ctas->query = parseTree;
	ctas->into = leftmost->intoClause;
	ctas->objtype = OBJECT_TABLE;
	ctas->is_select_into = true;
	leftmost->intoClause = nullptr;
	return reinterpret_cast<Node *>(ctas);
}

Query *parse_sub_analyze(Node *parseTree, ParseState *parentParseState)
{
	return SubAnalyze(parseTree, parentParseState, true);
}

Query *SubAnalyze(Node *parseTree, ParseState *parentParseState, bool resolve_unknowns)
{
	ParseState *pstate = make_parsestate(parentParseState);
	pstate->p_resolve_unknowns = resolve_unknowns;
	Query *query = transformStmt(pstate, parseTree);
	free_parsestate(pstate);
	return query;
}

Query *transformTopLevelStmt(ParseState *pstate, RawStmt *parseTree)
{
	Query *result = transformStmt(pstate, TransformOptionalSelectInto(parseTree->stmt));
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
	QueryRewriteViews(query);
	return query;
}

Query *parse_analyze_withcb(RawStmt *parseTree, const char *sourceText, ParserSetupHook parserSetup,
							void *parserSetupArg)
{
	ParseState *pstate = make_parsestate(nullptr);
	pstate->p_sourcetext = sourceText;
	parserSetup(pstate, parserSetupArg);
	Query *query = transformTopLevelStmt(pstate, parseTree);
	free_parsestate(pstate);
	QueryRewriteViews(query);
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
	QueryRewriteViews(query);
	return query;
}

namespace {

/* expr without the implicit coercions on top of it (PostgreSQL's
 * strip_implicit_coercions), so that ORDER BY b matches an argument b
 * that was coerced to the aggregate's declared type. */
Node *StripImplicitCoercions(Node *node)
{
	for (;;)
	{
		if (node == nullptr)
			return node;
		if (IsA(node, FuncExpr) &&
			reinterpret_cast<FuncExpr *>(node)->funcformat == COERCE_IMPLICIT_CAST)
			node = static_cast<Node *>(linitial(reinterpret_cast<FuncExpr *>(node)->args));
		else if (IsA(node, RelabelType) &&
				 reinterpret_cast<RelabelType *>(node)->relabelformat == COERCE_IMPLICIT_CAST)
			node = reinterpret_cast<Node *>(reinterpret_cast<RelabelType *>(node)->arg);
		else if (IsA(node, CoerceViaIO) &&
				 reinterpret_cast<CoerceViaIO *>(node)->coerceformat == COERCE_IMPLICIT_CAST)
			node = reinterpret_cast<Node *>(reinterpret_cast<CoerceViaIO *>(node)->arg);
		else
			return node;
	}
}

/* ORDER BY … USING op: op must be the "<" or ">" of a btree operator
 * family; *desc says which, *eqop is the family's "=" for the type. */
Oid OrderingOperator(ParseState *pstate, SortBy *sortby, Oid restype, bool *desc, Oid *eqop)
{
	Oid opno = oper_lookup(pstate, sortby->useOp, restype, restype, false, sortby->location);
	CatCList *members = SearchSysCacheList1(AMOPOPID, ObjectIdGetDatum(opno));
	bool found = false;
	for (int i = 0; i < members->n_members && !found; i++)
	{
		auto *amop = reinterpret_cast<Form_pg_amop>(GETSTRUCT(members->members[i]));
		if (amop->amopmethod != BTREE_AM_OID || amop->amoppurpose != 's' ||
			(amop->amopstrategy != 1 && amop->amopstrategy != 5))
			continue;
		*eqop = get_opfamily_member(amop->amopfamily, amop->amoplefttype, amop->amoprighttype, 3);
		*desc = amop->amopstrategy == 5;
		found = OidIsValid(*eqop);
	}
	ReleaseSysCacheList(members);
	if (!found)
		ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
				errmsg("operator %s is not a valid ordering operator",
					   NameListToString(sortby->useOp)),
				errhint("Ordering operators must be \"<\" or \">\" members of btree operator "
						"families."),
				parser_errposition(pstate, sortby->location));
	return opno;
}

/* Whether the type has an "=" without a btree class: that of its
 * default hash class (xid), which can compare but not sort. */
bool HasHashEquality(Oid type)
{
	CatCList *opclasses = SearchSysCacheList1(CLAAMNAMENSP, ObjectIdGetDatum(HASH_AM_OID));
	bool found = false;
	for (int i = 0; i < opclasses->n_members && !found; i++)
	{
		auto *form = reinterpret_cast<Form_pg_opclass>(GETSTRUCT(opclasses->members[i]));
		found = form->opcdefault && form->opcintype == type;
	}
	ReleaseSysCacheList(opclasses);
	return found;
}

}  // namespace

void TransformAggregateOrdering(ParseState *pstate, Aggref *agg, List *aggorder, bool distinct)
{
	List *tlist = agg->args;
	List *sortlist = NIL;
	ListCell *lc;
	/* ORDER BY items are expressions (SQL99 rules: no output names or
	 * positions), matched against the arguments or added as junk. */
	foreach (lc, aggorder)
	{
		SortBy *sortby = static_cast<SortBy *>(lfirst(lc));
		Node *expr = transformExpr(pstate, sortby->node, EXPR_KIND_ORDER_BY);
		TargetEntry *tle = nullptr;
		ListCell *t;
		foreach (t, tlist)
		{
			auto *cand = static_cast<TargetEntry *>(lfirst(t));
			if (equal(expr, StripImplicitCoercions(reinterpret_cast<Node *>(cand->expr))))
			{
				tle = cand;
				break;
			}
		}
		if (tle == nullptr)
		{
			tle = makeNode(TargetEntry);
			tle->expr = reinterpret_cast<Expr *>(expr);
			tle->resno = static_cast<AttrNumber>(list_length(tlist) + 1);
			tle->resjunk = true;
			tlist = lappend(tlist, tle);
		}
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
		if (sortby->sortby_dir == SORTBY_USING)
			sortop = OrderingOperator(pstate, sortby, restype, &desc, &eqop);
		else if (!FindOrderingOps(restype, desc, &sortop, &eqop))
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
					errmsg("could not identify an ordering operator for type %s",
						   format_type_be(restype)),
					errhint("Use an explicit ordering operator or modify the query."),
					parser_errposition(pstate, exprLocation(sortby->node)));
		Index ref = AssignSortGroupRef(tle, tlist);
		/* An item sorted on twice counts once. */
		bool seen = false;
		ListCell *s;
		foreach (s, sortlist)
			seen |= static_cast<SortGroupClause *>(lfirst(s))->tleSortGroupRef == ref;
		if (seen)
			continue;
		SortGroupClause *sgc = makeNode(SortGroupClause);
		sgc->tleSortGroupRef = ref;
		sgc->sortop = sortop;
		sgc->eqop = eqop;
		sgc->nulls_first = sortby->sortby_nulls == SORTBY_NULLS_DEFAULT
			? desc
			: sortby->sortby_nulls == SORTBY_NULLS_FIRST;
		sortlist = lappend(sortlist, sgc);
	}
	agg->args = tlist;
	agg->aggorder = sortlist;
	if (!distinct)
		return;
	/* DISTINCT: the ORDER BY items (each an argument) first, in their
	 * order and direction, then the other arguments ascending; all are
	 * compared with "=" and sorted, as PostgreSQL's nodeAgg does. */
	List *distinctlist = NIL;
	foreach (lc, sortlist)
	{
		auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		TargetEntry *tle = SortGroupTle(sgc->tleSortGroupRef, tlist);
		if (tle->resjunk)
			ereport(ERROR, errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					errmsg("in an aggregate with DISTINCT, ORDER BY expressions must appear in "
						   "argument list"),
					parser_errposition(pstate, exprLocation(reinterpret_cast<Node *>(tle->expr))));
		distinctlist = lappend(distinctlist, copyObject(sgc));
	}
	foreach (lc, tlist)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk || InSortList(tle, distinctlist))
			continue;
		Oid restype = exprType(reinterpret_cast<Node *>(tle->expr));
		int location = exprLocation(reinterpret_cast<Node *>(tle->expr));
		if (restype == UNKNOWNOID)
		{
			/* count(DISTINCT 'foo'): compared as text */
			tle->expr = reinterpret_cast<Expr *>(
				coerce_type(pstate, reinterpret_cast<Node *>(tle->expr), restype, TEXTOID, -1,
							COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1));
			restype = TEXTOID;
		}
		Oid sortop;
		Oid eqop;
		if (!FindOrderingOps(restype, false, &sortop, &eqop))
		{
			if (!HasHashEquality(restype))
				ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
						errmsg("could not identify an equality operator for type %s",
							   format_type_be(restype)),
						parser_errposition(pstate, location));
			ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
					errmsg("could not identify an ordering operator for type %s",
						   format_type_be(restype)),
					errdetail("Aggregates with DISTINCT must be able to sort their inputs."),
					parser_errposition(pstate, location));
		}
		SortGroupClause *sgc = makeNode(SortGroupClause);
		sgc->tleSortGroupRef = AssignSortGroupRef(tle, tlist);
		sgc->sortop = sortop;
		sgc->eqop = eqop;
		distinctlist = lappend(distinctlist, sgc);
	}
	agg->aggdistinct = distinctlist;
}
