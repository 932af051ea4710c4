/*
 * gram_select.cpp — SELECT (with set operations, WITH, VALUES, TABLE,
 * FROM and joins, GROUP BY, WINDOW, ORDER BY, LIMIT, locking clauses) and
 * INSERT, UPDATE and DELETE (gram.y's SelectStmt, InsertStmt, UpdateStmt,
 * DeleteStmt and what they use).
 *
 * Set operations are climbed like operators: UNION and EXCEPT bind less
 * tightly than INTERSECT, all left-associative.  ORDER BY, LIMIT, FOR
 * UPDATE and WITH apply to the whole set-operation tree and are merged
 * into its top SelectStmt (InsertSelectOptions), with PostgreSQL's errors
 * when a parenthesized part already has them.
 *
 * In FROM, '(' may open a sub-select or a parenthesized join, and either
 * may be nested in more parentheses; ParseFromParen keeps both readings
 * open as ParseParenthesized does for expressions.  Joins associate as in
 * PostgreSQL: a JOIN's right side extends as far as it can (its ON clause
 * comes after), CROSS and NATURAL joins take a single table reference.
 *
 * Principal entry points: Parser::ParseSelectStmt, ParseSelectWithParens,
 * ParseInsertStmt, ParseUpdateStmt, ParseDeleteStmt.
 */
#include "postgres.h"

#include "gram.h"
#include "miscadmin.h"

namespace tusk::parser {

/* ----------------------------------------------------------- SELECT */

/* The tokens that can follow SELECT's (empty) target list. */
static bool EndsTargetList(int t)
{
	switch (t)
	{
		case K_INTO:
		case K_FROM:
		case K_WHERE:
		case K_GROUP:
		case K_HAVING:
		case K_WINDOW:
		case K_UNION:
		case K_INTERSECT:
		case K_EXCEPT:
		case K_ORDER:
		case K_LIMIT:
		case K_OFFSET:
		case K_FETCH:
		case K_FOR:
		case K_ON:
		case K_RETURNING:
		case K_WITH:
		case K_CREATE: /* the next element of CREATE SCHEMA */
		case K_GRANT:
		case ')':
		case ';':
		case TOK_EOF:
			return true;
		default:
			return false;
	}
}

/* Whether a sub-select starts here (after a '('). */
bool Parser::StartsSelect(int k)
{
	switch (Tok(k))
	{
		case K_SELECT:
		case K_TABLE:
		case K_WITH:
		case WITH_LA:
			return true;
		case K_VALUES:
			return Tok(k + 1) == '(';
		default:
			return false;
	}
}

/* Tokens that continue a select_clause into a select_no_parens. */
bool Parser::IsSelectTailTok(int t)
{
	switch (t)
	{
		case K_UNION:
		case K_INTERSECT:
		case K_EXCEPT:
		case K_ORDER:
		case K_LIMIT:
		case K_OFFSET:
		case K_FETCH:
		case K_FOR:
			return true;
		default:
			return false;
	}
}

/* SelectStmt: select_no_parens | select_with_parens */
Node *Parser::ParseSelectStmt()
{
	CHECK_STACK_DEPTH();
	if (Tok() == '(')
	{
		Node *s = ParseSelectWithParens();
		if (IsSelectTailTok(Tok()))
			return ParseSelectTail(s, nullptr);
		return s;
	}
	return ParseSelectNoParens();
}

/* select_with_parens: '(' select_no_parens ')' | '(' select_with_parens ')' */
Node *Parser::ParseSelectWithParens()
{
	CHECK_STACK_DEPTH();
	Expect('(');
	Node *s = ParseSelectStmt();
	Expect(')');
	return s;
}

/* select_no_parens, including its WITH clause */
Node *Parser::ParseSelectNoParens()
{
	WithClause *with = nullptr;
	if (Tok() == K_WITH || Tok() == WITH_LA)
		with = ParseWithClause();
	return ParseSelectAfterWith(with);
}

Node *Parser::ParseSelectAfterWith(WithClause *with)
{
	Node *first = ParseSelectClause();
	return ParseSelectTail(first, with);
}

/* select_clause: simple_select | select_with_parens (one operand of a set
 * operation) */
Node *Parser::ParseSelectClause()
{
	if (Tok() == '(')
		return ParseSelectWithParens();
	return ParseSimpleSelect();
}

/* The rest of a select_no_parens after its first operand: set operations,
 * then ORDER BY, and LIMIT/OFFSET/FETCH and locking in either order. */
Node *Parser::ParseSelectTail(Node *first, WithClause *with)
{
	Node *body = ParseSetOps(first, 1);
	List *sort = NIL;
	List *locking = NIL;
	SelectLimit limit;
	bool have_limit = false;
	if (Tok() == K_ORDER)
		sort = ParseSortClause();
	if (Tok() == K_FOR)
	{
		locking = ParseForLockingClause();
		if (Tok() == K_LIMIT || Tok() == K_OFFSET || Tok() == K_FETCH)
		{
			limit = ParseSelectLimit();
			have_limit = true;
		}
	}
	else if (Tok() == K_LIMIT || Tok() == K_OFFSET || Tok() == K_FETCH)
	{
		limit = ParseSelectLimit();
		have_limit = true;
		if (Tok() == K_FOR)
			locking = ParseForLockingClause();
	}
	InsertSelectOptions(reinterpret_cast<SelectStmt *>(body), sort, locking,
						have_limit ? &limit : nullptr, with);
	return body;
}

/* UNION/EXCEPT (level 1) and INTERSECT (level 2), left-associative. */
Node *Parser::ParseSetOps(Node *left, int min_prec)
{
	for (;;)
	{
		int t = Tok();
		int prec = (t == K_UNION || t == K_EXCEPT) ? 1 : t == K_INTERSECT ? 2 : 0;
		if (prec == 0 || prec < min_prec)
			return left;
		Advance();
		bool all = false;
		if (Accept(K_ALL))
			all = true;
		else
			Accept(K_DISTINCT);
		Node *right = ParseSetOps(ParseSelectClause(), prec + 1);
		SelectStmt *n = makeNode(SelectStmt);
		n->op = t == K_UNION ? SETOP_UNION : t == K_INTERSECT ? SETOP_INTERSECT : SETOP_EXCEPT;
		n->all = all;
		n->larg = reinterpret_cast<SelectStmt *>(left);
		n->rarg = reinterpret_cast<SelectStmt *>(right);
		left = reinterpret_cast<Node *>(n);
	}
}

/* simple_select without set operations: SELECT …, VALUES …, TABLE name */
Node *Parser::ParseSimpleSelect()
{
	switch (Tok())
	{
		case K_SELECT:
		{
			Advance();
			SelectStmt *n = makeNode(SelectStmt);
			if (Tok() == K_DISTINCT)
			{
				n->distinctClause = ParseDistinctClause();
				n->targetList = ParseTargetList();
			}
			else
			{
				Accept(K_ALL);
				if (!EndsTargetList(Tok()))
					n->targetList = ParseTargetList();
			}
			if (Tok() == K_INTO)
				n->intoClause = ParseIntoClause();
			if (Accept(K_FROM))
				n->fromClause = ParseFromList();
			n->whereClause = ParseWhereClause();
			bool distinct = false;
			n->groupClause = ParseGroupClause(&distinct);
			n->groupDistinct = distinct;
			if (Accept(K_HAVING))
				n->havingClause = ParseAExpr();
			n->windowClause = ParseWindowClause();
			return reinterpret_cast<Node *>(n);
		}
		case K_VALUES:
			return ParseValuesClause();
		case K_TABLE:
		{
			Advance();
			ColumnRef *cr = makeNode(ColumnRef);
			cr->fields = list_make1(makeNode(A_Star));
			cr->location = -1;
			ResTarget *rt = makeNode(ResTarget);
			rt->val = reinterpret_cast<Node *>(cr);
			rt->location = -1;
			SelectStmt *n = makeNode(SelectStmt);
			n->targetList = list_make1(rt);
			n->fromClause = list_make1(ParseRelationExpr());
			return reinterpret_cast<Node *>(n);
		}
		default:
			SyntaxError();
	}
}

/* values_clause: VALUES '(' expr_list ')' [, '(' expr_list ')'] … */
Node *Parser::ParseValuesClause()
{
	Expect(K_VALUES);
	SelectStmt *n = makeNode(SelectStmt);
	do
	{
		Expect('(');
		n->valuesLists = lappend(n->valuesLists, ParseExprList());
		Expect(')');
	} while (Accept(','));
	return reinterpret_cast<Node *>(n);
}

/* distinct_clause: DISTINCT | DISTINCT ON '(' expr_list ')' */
List *Parser::ParseDistinctClause()
{
	Expect(K_DISTINCT);
	if (!Accept(K_ON))
		return list_make1(NIL);
	Expect('(');
	List *result = ParseExprList();
	Expect(')');
	return result;
}

/* into_clause: INTO OptTempTableName */
IntoClause *Parser::ParseIntoClause()
{
	Expect(K_INTO);
	IntoClause *n = makeNode(IntoClause);
	n->rel = ParseOptTempTableName();
	n->onCommit = ONCOMMIT_NOOP;
	return n;
}

/* OptTempTableName: [TEMP|TEMPORARY|LOCAL …|GLOBAL …|UNLOGGED] [TABLE] name */
RangeVar *Parser::ParseOptTempTableName()
{
	char persistence = RELPERSISTENCE_PERMANENT;
	bool table_optional = true;
	/* TEMP, TEMPORARY, UNLOGGED, LOCAL and GLOBAL are also names: they
	 * qualify the table only when what follows can continue that way */
	int t1 = Tok(1);
	bool qualifies = t1 == K_TABLE || IsColIdTok(t1) || Tok() == K_TABLE;
	switch (qualifies ? Tok() : TOK_EOF)
	{
		case K_TEMP:
		case K_TEMPORARY:
			Advance();
			persistence = RELPERSISTENCE_TEMP;
			break;
		case K_LOCAL:
		case K_GLOBAL:
		{
			int t = Tok();
			int loc = Loc();
			Advance();
			if (!Accept(K_TEMP))
				Expect(K_TEMPORARY);
			if (t == K_GLOBAL)
				ereport(WARNING, errmsg("GLOBAL is deprecated in temporary table creation"),
						errposition(CharPos(loc)));
			persistence = RELPERSISTENCE_TEMP;
			break;
		}
		case K_UNLOGGED:
			Advance();
			persistence = RELPERSISTENCE_UNLOGGED;
			break;
		case K_TABLE:
			Advance();
			table_optional = false;
			break;
		default:
			table_optional = false;
			break;
	}
	if (table_optional)
		Accept(K_TABLE);
	RangeVar *r = ParseQualifiedName();
	r->relpersistence = persistence;
	return r;
}

/* with_clause: WITH [RECURSIVE] cte [, cte] … */
WithClause *Parser::ParseWithClause()
{
	WithClause *w = makeNode(WithClause);
	w->location = Loc();
	if (Tok() == K_WITH)
	{
		Advance();
		/* RECURSIVE is also a possible name for the first CTE */
		if (Tok() == K_RECURSIVE && IsColIdTok(Tok(1)))
		{
			Advance();
			w->recursive = true;
		}
	}
	else
		Expect(WITH_LA);
	w->ctes = list_make1(ParseCommonTableExpr());
	while (Accept(','))
		w->ctes = lappend(w->ctes, ParseCommonTableExpr());
	return w;
}

/* common_table_expr: name [(cols)] AS [[NOT] MATERIALIZED] (stmt)
 * [SEARCH …] [CYCLE …] */
Node *Parser::ParseCommonTableExpr()
{
	CommonTableExpr *n = makeNode(CommonTableExpr);
	n->location = Loc();
	n->ctename = ParseColId();
	n->aliascolnames = ParseOptNameList();
	Expect(K_AS);
	if (Accept(K_MATERIALIZED))
		n->ctematerialized = CTEMaterializeAlways;
	else if (Accept(K_NOT))
	{
		Expect(K_MATERIALIZED);
		n->ctematerialized = CTEMaterializeNever;
	}
	Expect('(');
	n->ctequery = ParsePreparableStmt();
	Expect(')');
	if (Tok() == K_SEARCH)
	{
		CTESearchClause *s = makeNode(CTESearchClause);
		s->location = Loc();
		Advance();
		if (Accept(K_BREADTH))
			s->search_breadth_first = true;
		else
			Expect(K_DEPTH);
		Expect(K_FIRST);
		Expect(K_BY);
		s->search_col_list = ParseNameList();
		Expect(K_SET);
		s->search_seq_column = ParseColId();
		n->search_clause = s;
	}
	if (Tok() == K_CYCLE)
	{
		CTECycleClause *c = makeNode(CTECycleClause);
		c->location = Loc();
		Advance();
		c->cycle_col_list = ParseNameList();
		Expect(K_SET);
		c->cycle_mark_column = ParseColId();
		if (Accept(K_TO))
		{
			auto aconst = [&]() -> Node * {
				switch (Tok())
				{
					case ICONST:
					case FCONST:
					case SCONST:
					case BCONST:
					case XCONST:
					case K_TRUE:
					case K_FALSE:
					case K_NULL:
						return ParseAexprConst();
					default:
						break;
				}
				if (AtConstTypename())
					return ParseTypedLiteral();
				if (IsTypeFunctionNameTok(Tok()) || IsColIdTok(Tok()))
				{
					Node *e = ParseColumnRefOrFunc();
					if (!IsA(e, TypeCast))
						SyntaxError();
					return e;
				}
				SyntaxError();
			};
			c->cycle_mark_value = aconst();
			Expect(K_DEFAULT);
			c->cycle_mark_default = aconst();
		}
		else
		{
			c->cycle_mark_value = MakeBoolAConst(true, -1);
			c->cycle_mark_default = MakeBoolAConst(false, -1);
		}
		Expect(K_USING);
		c->cycle_path_column = ParseColId();
		n->cycle_clause = c;
	}
	return reinterpret_cast<Node *>(n);
}

/* where_clause */
Node *Parser::ParseWhereClause()
{
	if (!Accept(K_WHERE))
		return nullptr;
	return ParseAExpr();
}

/* where_or_current_clause: WHERE a_expr | WHERE CURRENT OF cursor */
Node *Parser::ParseWhereOrCurrentClause()
{
	if (!Accept(K_WHERE))
		return nullptr;
	if (Tok() == K_CURRENT && Tok(1) == K_OF)
	{
		Advance();
		Advance();
		CurrentOfExpr *c = makeNode(CurrentOfExpr);
		c->cursor_name = ParseColId();
		return reinterpret_cast<Node *>(c);
	}
	return ParseAExpr();
}

/* group_clause: GROUP BY [ALL|DISTINCT] group_by_item [, …] */
List *Parser::ParseGroupClause(bool *distinct)
{
	*distinct = false;
	if (!Accept(K_GROUP))
		return NIL;
	Expect(K_BY);
	if (Accept(K_DISTINCT))
		*distinct = true;
	else
		Accept(K_ALL);
	List *result = list_make1(ParseGroupByItem());
	while (Accept(','))
		result = lappend(result, ParseGroupByItem());
	return result;
}

/* group_by_item: a_expr | () | CUBE (…) | ROLLUP (…) | GROUPING SETS (…) */
Node *Parser::ParseGroupByItem()
{
	int loc = Loc();
	GroupingSet *g = nullptr;
	if (Tok() == '(' && Tok(1) == ')')
	{
		Advance();
		Advance();
		g = makeNode(GroupingSet);
		g->kind = GROUPING_SET_EMPTY;
	}
	else if ((Tok() == K_CUBE || Tok() == K_ROLLUP) && Tok(1) == '(')
	{
		bool cube = Tok() == K_CUBE;
		Advance();
		Advance();
		g = makeNode(GroupingSet);
		g->kind = cube ? GROUPING_SET_CUBE : GROUPING_SET_ROLLUP;
		g->content = ParseExprList();
		Expect(')');
	}
	else if (Tok() == K_GROUPING && Tok(1) == K_SETS)
	{
		Advance();
		Advance();
		Expect('(');
		g = makeNode(GroupingSet);
		g->kind = GROUPING_SET_SETS;
		g->content = list_make1(ParseGroupByItem());
		while (Accept(','))
			g->content = lappend(g->content, ParseGroupByItem());
		Expect(')');
	}
	else
		return ParseAExpr();
	g->location = loc;
	return reinterpret_cast<Node *>(g);
}

/* window_clause: WINDOW name AS (spec) [, …] */
List *Parser::ParseWindowClause()
{
	if (!Accept(K_WINDOW))
		return NIL;
	List *result = NIL;
	do
	{
		char *name = ParseColId();
		Expect(K_AS);
		WindowDef *w = ParseWindowSpecification();
		w->name = name;
		result = lappend(result, w);
	} while (Accept(','));
	return result;
}

/* select_limit: limit_clause [offset_clause] | offset_clause [limit_clause] */
SelectLimit Parser::ParseSelectLimit()
{
	SelectLimit limit;
	if (Tok() == K_OFFSET)
	{
		ParseOffsetClause(&limit);
		if (Tok() == K_LIMIT || Tok() == K_FETCH)
			ParseLimitClause(&limit);
		else
			limit.limitOption = LIMIT_OPTION_COUNT;
	}
	else
	{
		ParseLimitClause(&limit);
		if (Tok() == K_OFFSET)
			ParseOffsetClause(&limit);
	}
	return limit;
}

/* limit_clause: LIMIT value | LIMIT a, b (error) | FETCH FIRST|NEXT [value]
 * ROW|ROWS ONLY|WITH TIES */
bool Parser::ParseLimitClause(SelectLimit *limit)
{
	int loc = Loc();
	if (Accept(K_LIMIT))
	{
		if (Tok() == K_ALL)
		{
			limit->limitCount = MakeNullAConst(Loc());
			Advance();
		}
		else
			limit->limitCount = ParseAExpr();
		limit->limitOption = LIMIT_OPTION_COUNT;
		if (Accept(','))
		{
			ParseAExpr();
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("LIMIT #,# syntax is not supported"),
					errhint("Use separate LIMIT and OFFSET clauses."), errposition(CharPos(loc)));
		}
		return true;
	}
	Expect(K_FETCH);
	if (!Accept(K_FIRST))
		Expect(K_NEXT);
	if ((Tok() == K_ROW || Tok() == K_ROWS) && (Tok(1) == K_ONLY || Tok(1) == K_WITH))
		limit->limitCount = MakeIntConst(1, -1);
	else
		limit->limitCount = ParseSelectFetchFirstValue();
	if (!Accept(K_ROW))
		Expect(K_ROWS);
	if (Accept(K_ONLY))
		limit->limitOption = LIMIT_OPTION_COUNT;
	else
	{
		Expect(K_WITH);
		Expect(K_TIES);
		limit->limitOption = LIMIT_OPTION_WITH_TIES;
	}
	return true;
}

/* offset_clause: OFFSET a_expr | OFFSET select_fetch_first_value ROW|ROWS */
bool Parser::ParseOffsetClause(SelectLimit *limit)
{
	Expect(K_OFFSET);
	int start = pos_;
	Node *value = ParseAExpr();
	if (Tok() == K_ROW || Tok() == K_ROWS)
	{
		/* Only a c_expr or a signed number may be followed by ROW(S). */
		int end = pos_;
		bool ok;
		pos_ = start;
		int t = Tok();
		if (t == '+' || t == '-')
			ok = (Tok(1) == ICONST || Tok(1) == FCONST) && start + 2 == end;
		else if (t == K_NOT || t == NOT_LA || t == OP || t == K_DEFAULT || t == K_UNIQUE ||
				 (t == K_OPERATOR && Tok(1) == '('))
			ok = false;
		else
		{
			ParseCExpr();
			ok = pos_ == end;
		}
		pos_ = end;
		if (!ok)
			SyntaxError();
		Advance();
	}
	limit->limitOffset = value;
	return true;
}

/* select_fetch_first_value: c_expr | '+' I_or_F_const | '-' I_or_F_const */
Node *Parser::ParseSelectFetchFirstValue()
{
	int loc = Loc();
	if (Tok() == '+' || Tok() == '-')
	{
		bool minus = Tok() == '-';
		Advance();
		if (Tok() != ICONST && Tok() != FCONST)
			SyntaxError();
		Node *c = ParseAexprConst();
		if (minus)
			return DoNegate(c, loc);
		return reinterpret_cast<Node *>(MakeSimpleAExpr(AEXPR_OP, "+", nullptr, c, loc));
	}
	return ParseCExpr();
}

/* for_locking_clause: for_locking_item … | FOR READ ONLY */
List *Parser::ParseForLockingClause()
{
	if (Tok() == K_FOR && Tok(1) == K_READ)
	{
		Advance();
		Advance();
		Expect(K_ONLY);
		return NIL;
	}
	List *result = NIL;
	while (Tok() == K_FOR)
	{
		Advance();
		LockingClause *n = makeNode(LockingClause);
		switch (Tok())
		{
			case K_UPDATE:
				Advance();
				n->strength = LCS_FORUPDATE;
				break;
			case K_NO:
				Advance();
				Expect(K_KEY);
				Expect(K_UPDATE);
				n->strength = LCS_FORNOKEYUPDATE;
				break;
			case K_SHARE:
				Advance();
				n->strength = LCS_FORSHARE;
				break;
			case K_KEY:
				Advance();
				Expect(K_SHARE);
				n->strength = LCS_FORKEYSHARE;
				break;
			default:
				SyntaxError();
		}
		if (Accept(K_OF))
			n->lockedRels = ParseQualifiedNameList();
		if (Accept(K_NOWAIT))
			n->waitPolicy = LockWaitError;
		else if (Tok() == K_SKIP)
		{
			Advance();
			Expect(K_LOCKED);
			n->waitPolicy = LockWaitSkip;
		}
		result = lappend(result, n);
	}
	return result;
}

/* insertSelectOptions: ORDER BY, locking, LIMIT and WITH onto a select that
 * may already carry some of them (from inside parentheses). */
void Parser::InsertSelectOptions(SelectStmt *stmt, List *sortClause, List *lockingClause,
								 SelectLimit *limit, WithClause *withClause)
{
	if (sortClause != NIL)
	{
		if (stmt->sortClause != NIL)
			ErrorAt(ERRCODE_SYNTAX_ERROR, RawExprLocation(reinterpret_cast<Node *>(sortClause)),
					"multiple ORDER BY clauses not allowed");
		stmt->sortClause = sortClause;
	}
	stmt->lockingClause = list_concat(stmt->lockingClause, lockingClause);
	if (limit != nullptr && limit->limitOffset != nullptr)
	{
		if (stmt->limitOffset != nullptr)
			ErrorAt(ERRCODE_SYNTAX_ERROR, RawExprLocation(limit->limitOffset),
					"multiple OFFSET clauses not allowed");
		stmt->limitOffset = limit->limitOffset;
	}
	if (limit != nullptr && limit->limitCount != nullptr)
	{
		if (stmt->limitCount != nullptr)
			ErrorAt(ERRCODE_SYNTAX_ERROR, RawExprLocation(limit->limitCount),
					"multiple LIMIT clauses not allowed");
		stmt->limitCount = limit->limitCount;
	}
	if (limit != nullptr && limit->limitOption != LIMIT_OPTION_DEFAULT)
	{
		/* (a fresh SelectStmt's limitOption is 0, LIMIT_OPTION_COUNT) */
		if (stmt->limitOption != LIMIT_OPTION_COUNT)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("multiple limit options not allowed"));
		if (stmt->sortClause == NIL && limit->limitOption == LIMIT_OPTION_WITH_TIES)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("WITH TIES cannot be specified without ORDER BY clause"));
		if (limit->limitOption == LIMIT_OPTION_WITH_TIES && stmt->lockingClause != NIL)
		{
			ListCell *lc;
			foreach (lc, stmt->lockingClause)
			{
				if (static_cast<LockingClause *>(lfirst(lc))->waitPolicy == LockWaitSkip)
					ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
							errmsg("%s and %s options cannot be used together", "SKIP LOCKED",
								   "WITH TIES"));
			}
		}
		stmt->limitOption = limit->limitOption;
	}
	if (withClause != nullptr)
	{
		if (stmt->withClause != nullptr)
			ErrorAt(ERRCODE_SYNTAX_ERROR, withClause->location,
					"multiple WITH clauses not allowed");
		stmt->withClause = withClause;
	}
}

/* -------------------------------------------------------------- FROM */

List *Parser::ParseFromList()
{
	List *result = list_make1(ParseTableRef());
	while (Accept(','))
		result = lappend(result, ParseTableRef());
	return result;
}

/* table_ref, with the joins that follow it */
Node *Parser::ParseTableRef()
{
	CHECK_STACK_DEPTH();
	return ParseJoinTail(ParseTableRefPrimary());
}

/* Joins after left: CROSS and NATURAL joins take one table reference on
 * their right, [type] JOIN a whole table_ref and then its ON/USING. */
Node *Parser::ParseJoinTail(Node *left)
{
	for (;;)
	{
		JoinType type = JOIN_INNER;
		bool natural = false;
		bool cross = false;
		switch (Tok())
		{
			case K_CROSS:
				Advance();
				cross = true;
				break;
			case K_NATURAL:
				Advance();
				natural = true;
				break;
			case K_JOIN:
			case K_INNER:
			case K_LEFT:
			case K_RIGHT:
			case K_FULL:
				break;
			default:
				return left;
		}
		if (!cross)
		{
			switch (Tok())
			{
				case K_INNER:
					Advance();
					break;
				case K_LEFT:
				case K_RIGHT:
				case K_FULL:
					type = Tok() == K_LEFT ? JOIN_LEFT : Tok() == K_RIGHT ? JOIN_RIGHT : JOIN_FULL;
					Advance();
					Accept(K_OUTER);
					break;
				default:
					break;
			}
		}
		Expect(K_JOIN);
		JoinExpr *j = makeNode(JoinExpr);
		j->jointype = type;
		j->isNatural = natural;
		j->larg = left;
		if (cross || natural)
			j->rarg = ParseTableRefPrimary();
		else
		{
			j->rarg = ParseTableRef();
			if (Accept(K_USING))
			{
				Expect('(');
				j->usingClause = ParseNameList();
				Expect(')');
				if (Accept(K_AS))
				{
					Alias *a = makeNode(Alias);
					a->aliasname = ParseColId();
					j->join_using_alias = a;
				}
			}
			else
			{
				Expect(K_ON);
				j->quals = ParseAExpr();
			}
		}
		left = reinterpret_cast<Node *>(j);
	}
}

/* A table reference without the joins after it. */
Node *Parser::ParseTableRefPrimary()
{
	CHECK_STACK_DEPTH();
	int loc = Loc();
	switch (Tok())
	{
		case '(':
			return ParseParenTableRef();
		case K_LATERAL:
			Advance();
			if (Tok() == '(')
			{
				int sloc = Loc();
				Node *s = ParseSelectWithParens();
				return FinishSubselectRef(s, true, sloc, false);
			}
			if (Tok() == K_XMLTABLE)
			{
				Unsupported("XMLTABLE", Loc());
				Advance();
				SkipParens();
				ParseOptAliasClause();
				return reinterpret_cast<Node *>(makeNode(RangeFunction));
			}
			return ParseFuncTable(true);
		case K_ONLY:
		case K_ROWS:
		case K_XMLTABLE:
		default:
			break;
	}
	if (Tok() == K_ROWS && Tok(1) == K_FROM)
		return ParseFuncTable(false);
	if (Tok() == K_XMLTABLE && Tok(1) == '(')
	{
		Unsupported("XMLTABLE", loc);
		Advance();
		SkipParens();
		ParseOptAliasClause();
		return reinterpret_cast<Node *>(makeNode(RangeFunction));
	}
	/* A function call (func_table) or a relation name? */
	bool func = false;
	switch (Tok())
	{
		case K_ONLY:
			break;
		case K_CURRENT_DATE:
		case K_CURRENT_TIME:
		case K_CURRENT_TIMESTAMP:
		case K_LOCALTIME:
		case K_LOCALTIMESTAMP:
		case K_CURRENT_ROLE:
		case K_CURRENT_USER:
		case K_SESSION_USER:
		case K_USER:
		case K_CURRENT_CATALOG:
		case K_CURRENT_SCHEMA:
		case K_CAST:
		case K_COLLATION: /* a type_function_name keyword: COLLATION FOR (…) or a call */
			func = true;
			break;
		default:
		{
			if (!IsColIdTok(Tok()))
			{
				/* a type_function_name keyword can only be a function */
				func = IsTypeFunctionNameTok(Tok());
				break;
			}
			int k = 1;
			while (Tok(k) == '.' && IsColLabelTok(Tok(k + 1)))
				k += 2;
			/* a lone col_name keyword is a function only if it is one of the
			 * special ones (COALESCE (…) …) */
			func = Tok(k) == '(' &&
				(k > 1 || IsTypeFunctionNameTok(Tok()) || IsSpecialFunctionTok(Tok()));
			break;
		}
	}
	if (func)
		return ParseFuncTable(false);

	RangeVar *rel = ParseRelationExpr();
	rel->alias = ParseOptAliasClause();
	if (Tok() == K_TABLESAMPLE)
	{
		RangeTableSample *n = makeNode(RangeTableSample);
		Advance();
		n->location = Loc();
		char *first = nullptr;
		if (IsColIdTok(Tok()) && (Tok(1) == '.' || Tok(1) == '['))
		{
			first = ParseColId();
			n->method = ParseFuncNameFromColId(first, n->location);
		}
		else
			n->method = list_make1(makeString(ParseTypeFunctionName()));
		Expect('(');
		n->args = ParseExprList();
		Expect(')');
		if (Accept(K_REPEATABLE))
		{
			Expect('(');
			n->repeatable = ParseAExpr();
			Expect(')');
		}
		n->relation = reinterpret_cast<Node *>(rel);
		return reinterpret_cast<Node *>(n);
	}
	return reinterpret_cast<Node *>(rel);
}

namespace {

/* What a parenthesized FROM item turned out to be. */
struct FromParen
{
	bool is_select; /* node is a SelectStmt (select_with_parens) */
	bool is_joined; /* node is a parenthesized joined_table without alias */
	Node *node;
	int location; /* of the '(' */
};

}  // namespace

/*
 * '(' in FROM: a sub-select (maybe in more parentheses, maybe continued by
 * UNION …), or a parenthesized join with an optional alias.
 */
Node *Parser::ParseParenTableRef()
{
	/* A recursive reader of one parenthesized level. */
	struct Reader
	{
		Parser *p;
		FromParen Read()
		{
			CHECK_STACK_DEPTH();
			int lparen = p->Expect('(');
			if (p->StartsSelect())
			{
				Node *s = p->ParseSelectNoParens();
				p->Expect(')');
				return {true, false, s, lparen};
			}
			Node *t;
			bool inner_joined = false;
			if (p->Tok() == '(')
			{
				FromParen inner = Read();
				if (inner.is_select)
				{
					if (p->Tok() == ')')
					{
						p->Advance();
						return {true, false, inner.node, lparen};
					}
					if (p->IsSelectTailTok(p->Tok()))
					{
						Node *s = p->ParseSelectTail(inner.node, nullptr);
						p->Expect(')');
						return {true, false, s, lparen};
					}
					t = p->FinishSubselectRef(inner.node, false, inner.location, true);
				}
				else
				{
					t = inner.node;
					inner_joined = inner.is_joined;
				}
			}
			else
				t = p->ParseTableRefPrimary();
			Node *j = p->ParseJoinTail(t);
			if (j == t && !inner_joined)
				p->SyntaxError();
			p->Expect(')');
			/* '(' joined_table ')' alias_clause */
			if (p->Tok() == K_AS || IsColIdTok(p->Tok()))
			{
				Alias *a = p->ParseOptAliasClause();
				reinterpret_cast<JoinExpr *>(j)->alias = a;
				return {false, false, j, lparen};
			}
			return {false, true, j, lparen};
		}
	};
	Reader reader{this};
	FromParen r = reader.Read();
	if (r.is_select)
		return FinishSubselectRef(r.node, false, r.location, false);
	return r.node;
}

/* select_with_parens opt_alias_clause in FROM: the alias is required. */
Node *Parser::FinishSubselectRef(Node *subquery, bool lateral, int location, bool nested)
{
	RangeSubselect *n = makeNode(RangeSubselect);
	n->lateral = lateral;
	n->subquery = subquery;
	n->alias = ParseOptAliasClause();
	if (n->alias == nullptr)
	{
		/* Inside parentheses, only a join can follow such a table_ref (bison
		 * reports any other token as the syntax error). */
		if (nested)
		{
			int t = Tok();
			if (t != K_CROSS && t != K_NATURAL && t != K_JOIN && t != K_INNER && t != K_LEFT &&
				t != K_RIGHT && t != K_FULL)
				SyntaxError();
		}
		if (IsA(subquery, SelectStmt) && reinterpret_cast<SelectStmt *>(subquery)->valuesLists)
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("VALUES in FROM must have an alias"),
					errhint("For example, FROM (VALUES ...) [AS] foo."),
					errposition(CharPos(location)));
		ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("subquery in FROM must have an alias"),
				errhint("For example, FROM (SELECT ...) [AS] foo."),
				errposition(CharPos(location)));
	}
	return reinterpret_cast<Node *>(n);
}

/* func_table func_alias_clause: f(…) [WITH ORDINALITY] | ROWS FROM (…) */
Node *Parser::ParseFuncTable(bool lateral)
{
	RangeFunction *n = makeNode(RangeFunction);
	n->lateral = lateral;
	if (Tok() == K_ROWS && Tok(1) == K_FROM)
	{
		Advance();
		Advance();
		Expect('(');
		do
		{
			Node *f = ParseFuncExprWindowless();
			List *coldefs = NIL;
			if (Accept(K_AS))
			{
				Expect('(');
				coldefs = ParseTableFuncElementList();
				Expect(')');
			}
			n->functions = lappend(n->functions, list_make2(f, coldefs));
		} while (Accept(','));
		Expect(')');
		n->is_rowsfrom = true;
	}
	else
		n->functions = list_make1(list_make2(ParseFuncExprWindowless(), NIL));
	if (Tok() == WITH_LA && Tok(1) == K_ORDINALITY)
	{
		Advance();
		Advance();
		n->ordinality = true;
	}
	List *alias = ParseFuncAliasClause();
	n->alias = static_cast<Alias *>(linitial(alias));
	n->coldeflist = static_cast<List *>(lsecond(alias));
	return reinterpret_cast<Node *>(n);
}

/* func_expr_windowless: func_application | func_expr_common_subexpr */
Node *Parser::ParseFuncExprWindowless()
{
	bool handled;
	Node *special = ParseSpecialFunction(&handled);
	if (handled)
		return special;
	int loc = Loc();
	List *funcname;
	if (IsColIdTok(Tok()) && (Tok(1) == '.' || Tok(1) == '['))
	{
		char *first = ParseColId();
		funcname = ParseFuncNameFromColId(first, loc);
	}
	else
	{
		/* a col_name keyword names a function only with a qualification */
		if (IsColIdTok(Tok()) && !IsTypeFunctionNameTok(Tok()))
		{
			Advance();
			SyntaxError();
		}
		funcname = list_make1(makeString(ParseTypeFunctionName()));
	}
	if (Tok() != '(')
		SyntaxError();
	return ParseFuncApplication(funcname, loc, true);
}

/* alias_clause, or NULL: [AS] ColId ['(' name_list ')'] */
Alias *Parser::ParseOptAliasClause(bool allow_colnames)
{
	if (Accept(K_AS))
	{}
	else if (!IsColIdTok(Tok()))
		return nullptr;
	Alias *a = makeNode(Alias);
	a->aliasname = ParseColId();
	if (allow_colnames && Accept('('))
	{
		a->colnames = ParseNameList();
		Expect(')');
	}
	return a;
}

/* func_alias_clause: (Alias or NULL, column definitions or NIL) */
List *Parser::ParseFuncAliasClause()
{
	Alias *a = nullptr;
	bool as = Accept(K_AS);
	if (as && Tok() == '(')
	{
		Advance();
		List *defs = ParseTableFuncElementList();
		Expect(')');
		return list_make2(nullptr, defs);
	}
	if (!as && !IsColIdTok(Tok()))
		return list_make2(nullptr, NIL);
	a = makeNode(Alias);
	a->aliasname = ParseColId();
	if (Tok() == '(')
	{
		/* column aliases if the first item is a bare name, else column
		 * definitions */
		if (Tok(2) == ',' || Tok(2) == ')')
		{
			Advance();
			a->colnames = ParseNameList();
			Expect(')');
		}
		else
		{
			Advance();
			List *defs = ParseTableFuncElementList();
			Expect(')');
			return list_make2(a, defs);
		}
	}
	return list_make2(a, NIL);
}

/* TableFuncElementList: ColId Typename [COLLATE any_name] [, …] */
List *Parser::ParseTableFuncElementList()
{
	List *result = NIL;
	do
	{
		ColumnDef *c = makeNode(ColumnDef);
		c->location = Loc();
		c->colname = ParseColId();
		c->typeName = ParseTypename();
		c->is_local = true;
		if (Tok() == K_COLLATE)
		{
			CollateClause *cc = makeNode(CollateClause);
			cc->location = Loc();
			Advance();
			cc->collname = ParseAnyName();
			c->collClause = cc;
		}
		result = lappend(result, c);
	} while (Accept(','));
	return result;
}

/* relation_expr: name | name '*' | ONLY name | ONLY '(' name ')' */
RangeVar *Parser::ParseRelationExpr()
{
	if (Accept(K_ONLY))
	{
		RangeVar *r;
		if (Accept('('))
		{
			r = ParseQualifiedName();
			Expect(')');
		}
		else
			r = ParseQualifiedName();
		r->inh = false;
		return r;
	}
	RangeVar *r = ParseQualifiedName();
	Accept('*');
	return r;
}

List *Parser::ParseRelationExprList()
{
	List *result = list_make1(ParseRelationExpr());
	while (Accept(','))
		result = lappend(result, ParseRelationExpr());
	return result;
}

/* relation_expr_opt_alias: relation_expr [[AS] ColId]; SET is never the
 * alias (UPDATE t SET …). */
RangeVar *Parser::ParseRelationExprOptAlias(bool is_update)
{
	(void) is_update;
	RangeVar *r = ParseRelationExpr();
	if (Accept(K_AS) || (IsColIdTok(Tok()) && Tok() != K_SET))
	{
		Alias *a = makeNode(Alias);
		a->aliasname = ParseColId();
		r->alias = a;
	}
	return r;
}

/* ------------------------------------------------ INSERT, UPDATE, DELETE */

/* INSERT INTO target [(cols)] [OVERRIDING …] {SelectStmt | DEFAULT VALUES}
 * [ON CONFLICT …] [RETURNING …] */
Node *Parser::ParseInsertStmt(WithClause *with)
{
	Expect(K_INSERT);
	Expect(K_INTO);
	InsertStmt *n = makeNode(InsertStmt);
	n->withClause = with;
	n->relation = ParseQualifiedName();
	if (Accept(K_AS))
	{
		Alias *a = makeNode(Alias);
		a->aliasname = ParseColId();
		n->relation->alias = a;
	}
	if (Accept(K_DEFAULT))
		Expect(K_VALUES);
	else
	{
		if (Tok() == '(' && !StartsSelect(1) && Tok(1) != '(')
		{
			Advance();
			do
			{
				ResTarget *r = makeNode(ResTarget);
				r->location = Loc();
				r->name = ParseColId();
				r->indirection = ParseOptIndirection();
				ListCell *lc;
				foreach (lc, r->indirection)
				{
					if (IsA(lfirst(lc), A_Star) && lnext(r->indirection, lc) != nullptr)
						ErrorAtOrNear(src_, Peek(), "improper use of \"*\"");
				}
				n->cols = lappend(n->cols, r);
			} while (Accept(','));
			Expect(')');
		}
		if (Accept(K_OVERRIDING))
		{
			if (Accept(K_USER))
				n->override = OVERRIDING_USER_VALUE;
			else
			{
				Expect(K_SYSTEM);
				n->override = OVERRIDING_SYSTEM_VALUE;
			}
			Expect(K_VALUE);
		}
		n->selectStmt = ParseSelectStmt();
	}
	if (Tok() == K_ON)
		n->onConflictClause = ParseOnConflict();
	n->returningList = ParseReturningClause();
	return reinterpret_cast<Node *>(n);
}

/* ON CONFLICT [(index_params) [WHERE …] | ON CONSTRAINT name]
 * DO NOTHING | DO UPDATE SET … [WHERE …] */
OnConflictClause *Parser::ParseOnConflict()
{
	OnConflictClause *n = makeNode(OnConflictClause);
	n->location = Expect(K_ON);
	Expect(K_CONFLICT);
	if (Tok() == '(')
	{
		InferClause *i = makeNode(InferClause);
		i->location = Loc();
		Advance();
		i->indexElems = ParseIndexParams();
		Expect(')');
		i->whereClause = ParseWhereClause();
		n->infer = i;
	}
	else if (Tok() == K_ON)
	{
		InferClause *i = makeNode(InferClause);
		i->location = Loc();
		Advance();
		Expect(K_CONSTRAINT);
		i->conname = ParseColId();
		n->infer = i;
	}
	Expect(K_DO);
	if (Accept(K_NOTHING))
	{
		n->action = ONCONFLICT_NOTHING;
		return n;
	}
	Expect(K_UPDATE);
	Expect(K_SET);
	n->action = ONCONFLICT_UPDATE;
	n->targetList = ParseSetClauseList();
	n->whereClause = ParseWhereClause();
	return n;
}

/* returning_clause: RETURNING target_list | empty */
List *Parser::ParseReturningClause()
{
	if (!Accept(K_RETURNING))
		return NIL;
	return ParseTargetList();
}

/* UPDATE rel [[AS] alias] SET … [FROM …] [WHERE … | WHERE CURRENT OF c]
 * [RETURNING …] */
Node *Parser::ParseUpdateStmt(WithClause *with)
{
	Expect(K_UPDATE);
	UpdateStmt *n = makeNode(UpdateStmt);
	n->withClause = with;
	n->relation = ParseRelationExprOptAlias(true);
	Expect(K_SET);
	n->targetList = ParseSetClauseList();
	if (Accept(K_FROM))
		n->fromClause = ParseFromList();
	n->whereClause = ParseWhereOrCurrentClause();
	n->returningList = ParseReturningClause();
	return reinterpret_cast<Node *>(n);
}

/* set_target: ColId opt_indirection */
ResTarget *Parser::ParseSetTarget()
{
	ResTarget *r = makeNode(ResTarget);
	r->location = Loc();
	r->name = ParseColId();
	r->indirection = ParseOptIndirection();
	ListCell *lc;
	foreach (lc, r->indirection)
	{
		if (IsA(lfirst(lc), A_Star) && lnext(r->indirection, lc) != nullptr)
			ErrorAtOrNear(src_, Peek(), "improper use of \"*\"");
	}
	return r;
}

/* set_clause_list: col = expr | (col, …) = row-valued expr, … */
List *Parser::ParseSetClauseList()
{
	List *result = NIL;
	do
	{
		if (Tok() == '(')
		{
			Advance();
			List *targets = list_make1(ParseSetTarget());
			while (Accept(','))
				targets = lappend(targets, ParseSetTarget());
			Expect(')');
			Expect('=');
			Node *source = ParseAExpr();
			int ncolumns = list_length(targets);
			int i = 1;
			ListCell *lc;
			foreach (lc, targets)
			{
				MultiAssignRef *r = makeNode(MultiAssignRef);
				r->source = source;
				r->colno = i++;
				r->ncolumns = ncolumns;
				static_cast<ResTarget *>(lfirst(lc))->val = reinterpret_cast<Node *>(r);
			}
			result = list_concat(result, targets);
		}
		else
		{
			ResTarget *r = ParseSetTarget();
			Expect('=');
			r->val = ParseAExpr();
			result = lappend(result, r);
		}
	} while (Accept(','));
	return result;
}

/* DELETE FROM rel [[AS] alias] [USING …] [WHERE …] [RETURNING …] */
Node *Parser::ParseDeleteStmt(WithClause *with)
{
	Expect(K_DELETE);
	Expect(K_FROM);
	DeleteStmt *n = makeNode(DeleteStmt);
	n->withClause = with;
	n->relation = ParseRelationExprOptAlias(false);
	if (Accept(K_USING))
		n->usingClause = ParseFromList();
	n->whereClause = ParseWhereOrCurrentClause();
	n->returningList = ParseReturningClause();
	return reinterpret_cast<Node *>(n);
}

}  // namespace tusk::parser
