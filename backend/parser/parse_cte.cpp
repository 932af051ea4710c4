/*
 * parse_cte.cpp — the raw-tree checks of WITH RECURSIVE (PostgreSQL's
 * parse_cte.c: makeDependencyGraph, TopologicalSort,
 * checkWellFormedRecursion).
 *
 * In WITH RECURSIVE every query of the list sees every other, so before
 * any is analyzed the list is ordered so that each refers only to those
 * before it (a cycle between two queries is 0A000, as in PostgreSQL), and
 * each self-referencing query's shape is checked.  Both walks run over
 * the raw parse trees: a table name means a WITH query unless an inner
 * WITH of the same name hides it.
 *
 * Principal entry point: OrderRecursiveCtes.  The analysis itself (the
 * column types from the non-recursive term, the self-reference as a
 * work-table entry) is in analyze.cpp.
 */
#include "postgres.h"

#include <vector>

#include "nodes/bitmapset.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "parse_cte.h"
#include "parser/analyze.h"

namespace {

enum class RecursionContext
{
	kOk,
	kNonRecursiveTerm,
	kSublink,
	kOuterJoin,
	kIntersect,
	kExcept
};

const char *RecursionMessage(RecursionContext context)
{
	switch (context)
	{
		case RecursionContext::kNonRecursiveTerm:
			return "recursive reference to query \"%s\" must not appear within its non-recursive "
				   "term";
		case RecursionContext::kSublink:
			return "recursive reference to query \"%s\" must not appear within a subquery";
		case RecursionContext::kOuterJoin:
			return "recursive reference to query \"%s\" must not appear within an outer join";
		case RecursionContext::kIntersect:
			return "recursive reference to query \"%s\" must not appear within INTERSECT";
		case RecursionContext::kExcept:
			return "recursive reference to query \"%s\" must not appear within EXCEPT";
		case RecursionContext::kOk:
			break;
	}
	return nullptr;
}

struct CteItem
{
	CommonTableExpr *cte;
	int id;
	Bitmapset *depends_on; /* other items this one names */
};

struct CteWalk
{
	ParseState *pstate;
	std::vector<CteItem> items;
	int curitem = 0;
	/* The WITH lists of the statements enclosing the walk, innermost
	 * first: their names hide the outer list's. */
	List *innerwiths = NIL;
	/* checkWellFormedRecursion only. */
	int selfrefcount = 0;
	RecursionContext context = RecursionContext::kOk;
};

bool HiddenByInnerWith(CteWalk *w, const char *name)
{
	ListCell *lc;
	foreach (lc, w->innerwiths)
	{
		ListCell *c;
		foreach (c, static_cast<List *>(lfirst(lc)))
			if (strcmp(static_cast<CommonTableExpr *>(lfirst(c))->ctename, name) == 0)
				return true;
	}
	return false;
}

WithClause *StatementWith(Node *node)
{
	switch (nodeTag(node))
	{
		case T_SelectStmt:
			return reinterpret_cast<SelectStmt *>(node)->withClause;
		case T_InsertStmt:
			return reinterpret_cast<InsertStmt *>(node)->withClause;
		case T_UpdateStmt:
			return reinterpret_cast<UpdateStmt *>(node)->withClause;
		case T_DeleteStmt:
			return reinterpret_cast<DeleteStmt *>(node)->withClause;
		default:
			return nullptr;
	}
}

bool DependencyWalker(Node *node, void *arg);

/* A statement with a WITH of its own: its names are visible to its
 * later items (all of them if RECURSIVE) and to the statement. */
void WalkInnerWith(WithClause *with, CteWalk *w, bool (*walker)(Node *, void *))
{
	ListCell *lc;
	if (with->recursive)
	{
		w->innerwiths = lcons(with->ctes, w->innerwiths);
		foreach (lc, with->ctes)
			walker(static_cast<CommonTableExpr *>(lfirst(lc))->ctequery, w);
	}
	else
	{
		w->innerwiths = lcons(NIL, w->innerwiths);
		foreach (lc, with->ctes)
		{
			auto *cte = static_cast<CommonTableExpr *>(lfirst(lc));
			walker(cte->ctequery, w);
			ListCell *head = list_head(w->innerwiths);
			lfirst(head) = lappend(static_cast<List *>(lfirst(head)), cte);
		}
	}
}

/* Which items each item names (makeDependencyGraphWalker). */
bool DependencyWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	auto *w = static_cast<CteWalk *>(arg);
	if (IsA(node, RangeVar))
	{
		auto *rv = reinterpret_cast<RangeVar *>(node);
		if (rv->schemaname != nullptr || HiddenByInnerWith(w, rv->relname))
			return false;
		for (CteItem &item : w->items)
		{
			if (strcmp(rv->relname, item.cte->ctename) != 0)
				continue;
			CteItem &me = w->items[w->curitem];
			if (&item == &me)
				item.cte->cterecursive = true;
			else
				me.depends_on = bms_add_member(me.depends_on, item.id);
			break;
		}
		return false;
	}
	if (IsA(node, WithClause))
		return false;
	WithClause *with = StatementWith(node);
	if (with != nullptr)
	{
		WalkInnerWith(with, w, DependencyWalker);
		node_children_walker(node, DependencyWalker, w);
		w->innerwiths = list_delete_first(w->innerwiths);
		return false;
	}
	return node_children_walker(node, DependencyWalker, w);
}

bool WellFormedWalker(Node *node, void *arg);

/* A SELECT, its WITH aside: INTERSECT and EXCEPT change the context. */
void WellFormedSelect(SelectStmt *stmt, CteWalk *w)
{
	RecursionContext saved = w->context;
	if (saved != RecursionContext::kOk || (stmt->op != SETOP_INTERSECT && stmt->op != SETOP_EXCEPT))
	{
		node_children_walker(reinterpret_cast<Node *>(stmt), WellFormedWalker, w);
		return;
	}
	if (stmt->op == SETOP_INTERSECT)
	{
		if (stmt->all)
			w->context = RecursionContext::kIntersect;
		WellFormedWalker(reinterpret_cast<Node *>(stmt->larg), w);
		WellFormedWalker(reinterpret_cast<Node *>(stmt->rarg), w);
	}
	else
	{
		if (stmt->all)
			w->context = RecursionContext::kExcept;
		WellFormedWalker(reinterpret_cast<Node *>(stmt->larg), w);
		w->context = RecursionContext::kExcept;
		WellFormedWalker(reinterpret_cast<Node *>(stmt->rarg), w);
	}
	w->context = saved;
	WellFormedWalker(reinterpret_cast<Node *>(stmt->sortClause), w);
	WellFormedWalker(stmt->limitOffset, w);
	WellFormedWalker(stmt->limitCount, w);
	WellFormedWalker(reinterpret_cast<Node *>(stmt->lockingClause), w);
}

/* Where the self-references of the current item are
 * (checkWellFormedRecursionWalker). */
bool WellFormedWalker(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	auto *w = static_cast<CteWalk *>(arg);
	RecursionContext saved = w->context;
	if (IsA(node, RangeVar))
	{
		auto *rv = reinterpret_cast<RangeVar *>(node);
		if (rv->schemaname != nullptr || HiddenByInnerWith(w, rv->relname))
			return false;
		CommonTableExpr *mine = w->items[w->curitem].cte;
		if (strcmp(rv->relname, mine->ctename) != 0)
			return false;
		if (w->context != RecursionContext::kOk)
			ereport(ERROR, errcode(ERRCODE_INVALID_RECURSION),
					errmsg(RecursionMessage(w->context), mine->ctename),
					parser_errposition(w->pstate, rv->location));
		if (++w->selfrefcount > 1)
			ereport(ERROR, errcode(ERRCODE_INVALID_RECURSION),
					errmsg("recursive reference to query \"%s\" must not appear more than once",
						   mine->ctename),
					parser_errposition(w->pstate, rv->location));
		return false;
	}
	if (IsA(node, SelectStmt))
	{
		auto *stmt = reinterpret_cast<SelectStmt *>(node);
		if (stmt->withClause != nullptr)
		{
			WalkInnerWith(stmt->withClause, w, WellFormedWalker);
			WellFormedSelect(stmt, w);
			w->innerwiths = list_delete_first(w->innerwiths);
		}
		else
			WellFormedSelect(stmt, w);
		return false;
	}
	if (IsA(node, WithClause))
		return false;
	if (IsA(node, JoinExpr))
	{
		auto *j = reinterpret_cast<JoinExpr *>(node);
		bool ok = saved == RecursionContext::kOk;
		switch (j->jointype)
		{
			case JOIN_INNER:
				WellFormedWalker(j->larg, w);
				WellFormedWalker(j->rarg, w);
				break;
			case JOIN_LEFT:
				WellFormedWalker(j->larg, w);
				if (ok)
					w->context = RecursionContext::kOuterJoin;
				WellFormedWalker(j->rarg, w);
				break;
			case JOIN_FULL:
				if (ok)
					w->context = RecursionContext::kOuterJoin;
				WellFormedWalker(j->larg, w);
				WellFormedWalker(j->rarg, w);
				break;
			case JOIN_RIGHT:
				if (ok)
					w->context = RecursionContext::kOuterJoin;
				WellFormedWalker(j->larg, w);
				w->context = saved;
				WellFormedWalker(j->rarg, w);
				break;
			default:
				elog(ERROR, "unrecognized join type: %d", static_cast<int>(j->jointype));
		}
		w->context = saved;
		WellFormedWalker(j->quals, w);
		return false;
	}
	if (IsA(node, SubLink))
	{
		auto *sl = reinterpret_cast<SubLink *>(node);
		/* A subquery is a query of its own: the outer context is moot. */
		w->context = RecursionContext::kSublink;
		WellFormedWalker(sl->subselect, w);
		w->context = saved;
		WellFormedWalker(sl->testexpr, w);
		return false;
	}
	return node_children_walker(node, WellFormedWalker, w);
}

void CheckWellFormedRecursion(CteWalk *w)
{
	for (size_t i = 0; i < w->items.size(); i++)
	{
		CommonTableExpr *cte = w->items[i].cte;
		if (!cte->cterecursive)
			continue;
		if (!IsA(cte->ctequery, SelectStmt))
			ereport(ERROR, errcode(ERRCODE_INVALID_RECURSION),
					errmsg("recursive query \"%s\" must not contain data-modifying statements",
						   cte->ctename),
					parser_errposition(w->pstate, cte->location));
		auto *stmt = reinterpret_cast<SelectStmt *>(cte->ctequery);
		if (stmt->op != SETOP_UNION)
			ereport(ERROR, errcode(ERRCODE_INVALID_RECURSION),
					errmsg("recursive query \"%s\" does not have the form non-recursive-term UNION "
						   "[ALL] recursive-term",
						   cte->ctename),
					parser_errposition(w->pstate, cte->location));
		w->curitem = static_cast<int>(i);
		w->innerwiths = NIL;
		if (stmt->withClause != nullptr)
		{
			/* A WITH around the UNION may not refer to the query. */
			w->selfrefcount = 0;
			w->context = RecursionContext::kSublink;
			WellFormedWalker(reinterpret_cast<Node *>(stmt->withClause->ctes), w);
		}
		if (stmt->sortClause != NIL)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("ORDER BY in a recursive query is not implemented"),
					parser_errposition(w->pstate,
									   exprLocation(
										   static_cast<SortBy *>(linitial(stmt->sortClause))
											   ->node)));
		if (stmt->limitOffset != nullptr)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("OFFSET in a recursive query is not implemented"),
					parser_errposition(w->pstate, exprLocation(stmt->limitOffset)));
		if (stmt->limitCount != nullptr)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("LIMIT in a recursive query is not implemented"),
					parser_errposition(w->pstate, exprLocation(stmt->limitCount)));
		if (stmt->lockingClause != NIL)
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("FOR UPDATE/SHARE in a recursive query is not implemented"),
					parser_errposition(w->pstate,
									   exprLocation(
										   reinterpret_cast<Node *>(stmt->lockingClause))));
		w->selfrefcount = 0;
		w->context = RecursionContext::kNonRecursiveTerm;
		WellFormedWalker(reinterpret_cast<Node *>(stmt->larg), w);
		w->selfrefcount = 0;
		w->context = RecursionContext::kOk;
		WellFormedWalker(reinterpret_cast<Node *>(stmt->rarg), w);
		if (w->selfrefcount != 1)
			elog(ERROR, "missing recursive reference");
	}
}

}  // namespace

List *OrderRecursiveCtes(ParseState *pstate, List *ctes)
{
	CteWalk w;
	w.pstate = pstate;
	ListCell *lc;
	foreach (lc, ctes)
	{
		auto *cte = static_cast<CommonTableExpr *>(lfirst(lc));
		cte->cterecursive = false;
		w.items.push_back(CteItem{cte, foreach_current_index(lc), nullptr});
	}
	for (size_t i = 0; i < w.items.size(); i++)
	{
		w.curitem = static_cast<int>(i);
		w.innerwiths = NIL;
		DependencyWalker(w.items[i].cte->ctequery, &w);
	}
	/* Topological sort: repeatedly the first item that depends on none
	 * of those left (PostgreSQL's order, so plans match). */
	for (size_t i = 0; i < w.items.size(); i++)
	{
		size_t j = i;
		while (j < w.items.size() && !bms_is_empty(w.items[j].depends_on))
			j++;
		if (j == w.items.size())
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("mutual recursion between WITH items is not implemented"),
					parser_errposition(pstate, w.items[i].cte->location));
		std::swap(w.items[i], w.items[j]);
		for (size_t k = i + 1; k < w.items.size(); k++)
			w.items[k].depends_on = bms_del_member(w.items[k].depends_on, w.items[i].id);
	}
	CheckWellFormedRecursion(&w);
	List *result = NIL;
	for (const CteItem &item : w.items)
		result = lappend(result, item.cte);
	return result;
}

void TransformSearchCycle(ParseState *pstate, CommonTableExpr *cte)
{
	if (cte->search_clause == nullptr && cte->cycle_clause == nullptr)
		return;
	if (!cte->cterecursive)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("WITH query is not recursive"),
				parser_errposition(pstate, cte->location));
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("%s is not supported yet", cte->search_clause != nullptr ? "SEARCH" : "CYCLE"),
			parser_errposition(pstate,
							   cte->search_clause != nullptr ? cte->search_clause->location
															 : cte->cycle_clause->location));
}

namespace {

bool NameIn(List *names, const char *name)
{
	ListCell *lc;
	foreach (lc, names)
		if (strcmp(strVal(lfirst(lc)), name) == 0)
			return true;
	return false;
}

/* PostgreSQL's checks of the column lists (parse_cte.c's analyzeCTE). */
void CheckColumnList(ParseState *pstate, List *colnames, List *cols, const char *what, int location)
{
	List *seen = NIL;
	ListCell *lc;
	foreach (lc, cols)
	{
		const char *name = strVal(lfirst(lc));
		if (!NameIn(colnames, name))
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("%s column \"%s\" not in WITH query column list", what, name),
					parser_errposition(pstate, location));
		if (NameIn(seen, name))
			ereport(ERROR, errcode(ERRCODE_DUPLICATE_COLUMN),
					errmsg("%s column \"%s\" specified more than once", what, name),
					parser_errposition(pstate, location));
		seen = lappend(seen, lfirst(lc));
	}
}

Node *ColRef(const char *qualifier, const char *name)
{
	ColumnRef *c = makeNode(ColumnRef);
	if (qualifier != nullptr)
		c->fields = lappend(c->fields, makeString(pstrdup(qualifier)));
	c->fields = lappend(c->fields, makeString(pstrdup(name)));
	c->location = -1;
	return reinterpret_cast<Node *>(c);
}

ResTarget *Target(const char *name, Node *val)
{
	ResTarget *r = makeNode(ResTarget);
	r->name = name != nullptr ? pstrdup(name) : nullptr;
	r->val = val;
	r->location = -1;
	return r;
}

/* ROW(cols) over the wrapping subquery's columns. */
Node *PathRow(const char *qualifier, List *cols)
{
	RowExpr *row = makeNode(RowExpr);
	ListCell *lc;
	foreach (lc, cols)
		row->args = lappend(row->args, ColRef(qualifier, strVal(lfirst(lc))));
	row->row_format = COERCE_IMPLICIT_CAST;
	row->location = -1;
	return reinterpret_cast<Node *>(row);
}

Node *ArrayOf(Node *element)
{
	A_ArrayExpr *a = makeNode(A_ArrayExpr);
	a->elements = list_make1(element);
	a->location = -1;
	return reinterpret_cast<Node *>(a);
}

Node *Op(A_Expr_Kind kind, const char *name, Node *l, Node *r)
{
	A_Expr *a = makeNode(A_Expr);
	a->kind = kind;
	a->name = list_make1(makeString(pstrdup(name)));
	a->lexpr = l;
	a->rexpr = r;
	a->location = -1;
	return reinterpret_cast<Node *>(a);
}

/* SELECT q.c1, …, extras FROM (sub) AS q(c1, …, subcols …) */
SelectStmt *Wrap(SelectStmt *sub, const char *alias, List *colnames, List *subcols, List *extras)
{
	RangeSubselect *rs = makeNode(RangeSubselect);
	rs->subquery = reinterpret_cast<Node *>(sub);
	rs->alias = makeNode(Alias);
	rs->alias->aliasname = pstrdup(alias);
	rs->alias->colnames = list_concat(list_copy(colnames), subcols);
	SelectStmt *s = makeNode(SelectStmt);
	ListCell *lc;
	foreach (lc, colnames)
		s->targetList = lappend(s->targetList,
								Target(strVal(lfirst(lc)), ColRef(alias, strVal(lfirst(lc)))));
	s->targetList = list_concat(s->targetList, extras);
	s->fromClause = list_make1(rs);
	s->op = SETOP_NONE;
	return s;
}

/* The recursive term's reference to the query itself, in its FROM list
 * or joins there (not inside subqueries). */
RangeVar *FindSelfReference(Node *node, const char *ctename)
{
	if (node == nullptr)
		return nullptr;
	if (IsA(node, RangeVar))
	{
		RangeVar *rv = reinterpret_cast<RangeVar *>(node);
		return rv->schemaname == nullptr && strcmp(rv->relname, ctename) == 0 ? rv : nullptr;
	}
	if (IsA(node, JoinExpr))
	{
		JoinExpr *j = reinterpret_cast<JoinExpr *>(node);
		RangeVar *found = FindSelfReference(j->larg, ctename);
		return found != nullptr ? found : FindSelfReference(j->rarg, ctename);
	}
	if (IsA(node, List))
	{
		ListCell *lc;
		foreach (lc, reinterpret_cast<List *>(node))
			if (RangeVar *found = FindSelfReference(static_cast<Node *>(lfirst(lc)), ctename))
				return found;
	}
	return nullptr;
}

}  // namespace

void RewriteSearchCycle(ParseState *pstate, CommonTableExpr *cte)
{
	CTESearchClause *search = cte->search_clause;
	CTECycleClause *cycle = cte->cycle_clause;
	if ((search == nullptr && cycle == nullptr) || !cte->cterecursive)
		return;
	auto *stmt = reinterpret_cast<SelectStmt *>(cte->ctequery);
	if (stmt->larg->op != SETOP_NONE)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("with a SEARCH or CYCLE clause, the left side of the UNION must be a "
					   "SELECT"));
	if (stmt->rarg->op != SETOP_NONE)
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
				errmsg("with a SEARCH or CYCLE clause, the right side of the UNION must be a "
					   "SELECT"));
	/* The query's columns: the non-recursive term's, renamed by the
	 * alias list. */
	Query *left = parse_sub_analyze(copyObject(reinterpret_cast<Node *>(stmt->larg)), pstate);
	List *colnames = NIL;
	ListCell *lc;
	foreach (lc, left->targetList)
	{
		auto *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (tle->resjunk)
			continue;
		int i = list_length(colnames);
		colnames = lappend(colnames,
						   i < list_length(cte->aliascolnames)
							   ? list_nth(cte->aliascolnames, i)
							   : makeString(
									 pstrdup(tle->resname != nullptr ? tle->resname : "?column?")));
	}
	if (search != nullptr)
	{
		CheckColumnList(pstate, colnames, search->search_col_list, "search", search->location);
		if (NameIn(colnames, search->search_seq_column))
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("search sequence column name \"%s\" already used in WITH query column "
						   "list",
						   search->search_seq_column),
					parser_errposition(pstate, search->location));
	}
	if (cycle != nullptr)
	{
		CheckColumnList(pstate, colnames, cycle->cycle_col_list, "cycle", cycle->location);
		if (NameIn(colnames, cycle->cycle_mark_column))
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("cycle mark column name \"%s\" already used in WITH query column list",
						   cycle->cycle_mark_column),
					parser_errposition(pstate, cycle->location));
		if (NameIn(colnames, cycle->cycle_path_column))
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("cycle path column name \"%s\" already used in WITH query column list",
						   cycle->cycle_path_column),
					parser_errposition(pstate, cycle->location));
		if (strcmp(cycle->cycle_mark_column, cycle->cycle_path_column) == 0)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("cycle mark column name and cycle path column name are the same"),
					parser_errposition(pstate, cycle->location));
	}
	if (search != nullptr && cycle != nullptr)
	{
		if (strcmp(search->search_seq_column, cycle->cycle_mark_column) == 0)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("search sequence column name and cycle mark column name are the same"),
					parser_errposition(pstate, search->location));
		if (strcmp(search->search_seq_column, cycle->cycle_path_column) == 0)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("search sequence column name and cycle path column name are the same"),
					parser_errposition(pstate, search->location));
	}
	if (search != nullptr && search->search_breadth_first)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("SEARCH BREADTH FIRST is not supported yet"),
				parser_errposition(pstate, search->location));
	SelectStmt *rterm = stmt->rarg;
	RangeVar *self = FindSelfReference(reinterpret_cast<Node *>(rterm->fromClause), cte->ctename);
	if (self == nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("SEARCH and CYCLE with the recursive reference inside a subquery are not "
					   "supported yet"),
				parser_errposition(pstate, cte->location));
	const char *selfname = self->alias != nullptr ? self->alias->aliasname : self->relname;
	foreach (lc, rterm->targetList)
	{
		/* "*" or self.* would take the added columns too */
		Node *val = static_cast<ResTarget *>(lfirst(lc))->val;
		List *fields = IsA(val, ColumnRef) ? reinterpret_cast<ColumnRef *>(val)->fields : NIL;
		if (fields != NIL && IsA(llast(fields), A_Star) &&
			(list_length(fields) == 1 ||
			 strcmp(strVal(list_nth(fields, list_length(fields) - 2)), selfname) == 0))
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("SEARCH and CYCLE with \"*\" in the recursive term are not supported "
						   "yet"),
					parser_errposition(pstate, reinterpret_cast<ColumnRef *>(val)->location));
	}
	const char *kLeft = "*TLOCRN*";
	const char *kRight = "*TROCRN*";
	/* The added columns, in PostgreSQL's order: sequence, mark, path. */
	List *added = NIL;
	List *left_extras = NIL;
	List *right_extras = NIL;
	Node *right_qual = nullptr;
	if (search != nullptr)
	{
		const char *seq = search->search_seq_column;
		added = lappend(added, makeString(pstrdup(seq)));
		left_extras = lappend(left_extras,
							  Target(seq, ArrayOf(PathRow(kLeft, search->search_col_list))));
		right_extras = lappend(right_extras,
							   Target(seq,
									  Op(AEXPR_OP, "||", ColRef(kRight, seq),
										 ArrayOf(PathRow(kRight, search->search_col_list)))));
	}
	if (cycle != nullptr)
	{
		const char *mark = cycle->cycle_mark_column;
		const char *path = cycle->cycle_path_column;
		added = lappend(added, makeString(pstrdup(mark)));
		added = lappend(added, makeString(pstrdup(path)));
		left_extras = lappend(left_extras, Target(mark, copyObject(cycle->cycle_mark_default)));
		left_extras = lappend(left_extras,
							  Target(path, ArrayOf(PathRow(kLeft, cycle->cycle_col_list))));
		CaseWhen *when = makeNode(CaseWhen);
		when->expr = reinterpret_cast<Expr *>(
			Op(AEXPR_OP_ANY, "=", PathRow(kRight, cycle->cycle_col_list), ColRef(kRight, path)));
		when->result = reinterpret_cast<Expr *>(copyObject(cycle->cycle_mark_value));
		when->location = -1;
		CaseExpr *c = makeNode(CaseExpr);
		c->args = list_make1(when);
		c->defresult = reinterpret_cast<Expr *>(copyObject(cycle->cycle_mark_default));
		c->location = -1;
		right_extras = lappend(right_extras, Target(mark, reinterpret_cast<Node *>(c)));
		right_extras = lappend(right_extras,
							   Target(path,
									  Op(AEXPR_OP, "||", ColRef(kRight, path),
										 ArrayOf(PathRow(kRight, cycle->cycle_col_list)))));
		right_qual = Op(AEXPR_OP, "<>", ColRef(kRight, mark),
						static_cast<Node *>(copyObject(cycle->cycle_mark_value)));
	}
	/* The recursive term passes the self-reference's added columns on. */
	foreach (lc, added)
		rterm->targetList = lappend(rterm->targetList,
									Target(nullptr, ColRef(selfname, strVal(lfirst(lc)))));
	stmt->larg = Wrap(stmt->larg, kLeft, colnames, NIL, left_extras);
	SelectStmt *right = Wrap(rterm, kRight, colnames, list_copy(added), right_extras);
	right->whereClause = right_qual;
	stmt->rarg = right;
	cte->aliascolnames = list_concat(list_copy(colnames), added);
	cte->search_clause = nullptr;
	cte->cycle_clause = nullptr;
}
