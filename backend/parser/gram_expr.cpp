/*
 * gram_expr.cpp — expressions, constants, type names and function calls
 * (gram.y's a_expr, b_expr, c_expr, AexprConst, Typename, func_expr …).
 *
 * Expressions are parsed by precedence climbing over PostgreSQL's
 * precedence table (enum Prec in gram.h).  Bison resolves each operator
 * conflict by comparing the precedence of the rule on its stack with that
 * of the lookahead token; the climbing loop makes the same decisions:
 *
 *   - a binary operator at level p parses its right operand with minimum
 *     p+1 (left-associative and non-associative operators alike), a prefix
 *     operator its operand with its own level (NOT, unary minus) or p+1
 *     (prefix user operators, which are left-associative);
 *   - after a non-associative operator (comparisons, IS DISTINCT FROM,
 *     LIKE, BETWEEN …) a following operator of the same level is a syntax
 *     error at that operator, as bison's %nonassoc makes it;
 *   - constructs that end in a fixed token (IS NULL, IN (…), op ANY (…),
 *     ::type, COLLATE name) have no right operand to conflict over, so
 *     they chain freely: a IS NULL IS NULL is valid, a = b = c is not.
 *
 * A target-list expression is followed by an optional bare column label,
 * and several operator keywords (AND, IS, LIKE, IN …) are labels too;
 * bison treats such a keyword as the label when the token after it can
 * only follow a target (',', FROM, ')' …), and so does ParseExprTail with
 * target_top set.
 *
 * Parentheses are the one place bison decides late: "((SELECT 1))" is a
 * sub-select, "((SELECT 1) + 1)" an expression, "((SELECT 1) UNION …)" a
 * longer select, "(1, 2)" a row.  ParseParenthesized reads a parenthesized
 * construct and reports which of these it was.
 *
 * Principal entry points: Parser::ParseAExpr, ParseBExpr, ParseCExpr,
 * ParseTypename, ParseTargetList, ParseSortClause.
 */
#include "postgres.h"

#include "gram.h"
#include "miscadmin.h"

namespace tusk::parser {

namespace {

/* interval field masks (utils/datetime.h) */
constexpr int kIntervalMonth = 1 << 1;
constexpr int kIntervalYear = 1 << 2;
constexpr int kIntervalDay = 1 << 3;
constexpr int kIntervalHour = 1 << 10;
constexpr int kIntervalMinute = 1 << 11;
constexpr int kIntervalSecond = 1 << 12;
constexpr int kIntervalFullRange = 0x7FFF;

/* Tokens that can follow a target-list entry: a bare-label keyword before
 * one of them is the entry's label, not an operator. */
bool FollowsTarget(int t)
{
	switch (t)
	{
		case ',':
		case ')':
		case ';':
		case TOK_EOF:
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
			return true;
		default:
			return false;
	}
}

bool IsSubType(int t)
{
	return t == K_ANY || t == K_SOME || t == K_ALL;
}

/* The name of a MathOp token (all_Op). */
const char *MathOpName(int t)
{
	switch (t)
	{
		case '+':
			return "+";
		case '-':
			return "-";
		case '*':
			return "*";
		case '/':
			return "/";
		case '%':
			return "%";
		case '^':
			return "^";
		case '<':
			return "<";
		case '>':
			return ">";
		case '=':
			return "=";
		case LESS_EQUALS:
			return "<=";
		case GREATER_EQUALS:
			return ">=";
		case NOT_EQUALS:
			return "<>";
		default:
			return nullptr;
	}
}

/* Precedence and associativity of the binary arithmetic and comparison
 * tokens; 0 for others. */
int BinaryPrec(int t, bool *nonassoc)
{
	*nonassoc = false;
	switch (t)
	{
		case '<':
		case '>':
		case '=':
		case LESS_EQUALS:
		case GREATER_EQUALS:
		case NOT_EQUALS:
			*nonassoc = true;
			return kPrecCmp;
		case '+':
		case '-':
			return kPrecAdd;
		case '*':
		case '/':
		case '%':
			return kPrecMul;
		case '^':
			return kPrecExp;
		default:
			return 0;
	}
}

}  // namespace

/* The precedence a token has as a lookahead after an expression (gram.y's
 * %left/%right/%nonassoc declarations), 0 for tokens without one. */
int Parser::InfixPrec(int t)
{
	switch (t)
	{
		case K_OR:
			return kPrecOr;
		case K_AND:
			return kPrecAnd;
		case K_NOT:
			return kPrecNot;
		case K_IS:
		case K_ISNULL:
		case K_NOTNULL:
			return kPrecIs;
		case '<':
		case '>':
		case '=':
		case LESS_EQUALS:
		case GREATER_EQUALS:
		case NOT_EQUALS:
			return kPrecCmp;
		case K_BETWEEN:
		case K_IN:
		case K_LIKE:
		case K_ILIKE:
		case K_SIMILAR:
		case NOT_LA:
			return kPrecLike;
		case K_ESCAPE:
			return kPrecEscape;
		case OP:
		case K_OPERATOR:
			return kPrecOp;
		case '+':
		case '-':
			return kPrecAdd;
		case '*':
		case '/':
		case '%':
			return kPrecMul;
		case '^':
			return kPrecExp;
		case K_AT:
			return kPrecAt;
		case K_COLLATE:
			return kPrecCollate;
		case TYPECAST:
			return kPrecTypecast;
		default:
			return 0;
	}
}

Node *Parser::ParseAExpr(int min_prec)
{
	return ParseExpr(false, min_prec);
}

Node *Parser::ParseBExpr(int min_prec)
{
	return ParseExpr(true, min_prec);
}

/* a_expr / b_expr: a prefix operator or a c_expr, then ParseExprTail. */
Node *Parser::ParseExpr(bool bexpr, int min_prec, int flags)
{
	CHECK_STACK_DEPTH();
	int loc = Loc();
	Node *left;
	switch (Tok())
	{
		case K_NOT:
		case NOT_LA:
			if (bexpr)
				SyntaxError();
			Advance();
			left = MakeNotExpr(ParseExpr(false, kPrecNot), loc);
			break;
		case '+':
			Advance();
			left = reinterpret_cast<Node *>(
				MakeSimpleAExpr(AEXPR_OP, "+", nullptr, ParseExpr(bexpr, kPrecUminus), loc));
			break;
		case '-':
			Advance();
			left = DoNegate(ParseExpr(bexpr, kPrecUminus), loc);
			break;
		case OP:
		{
			List *name = ParseQualOp();
			left = reinterpret_cast<Node *>(
				MakeAExpr(AEXPR_OP, name, nullptr, ParseExpr(bexpr, kPrecOp + 1), loc));
			break;
		}
		case K_OPERATOR:
			if (Tok(1) == '(')
			{
				List *name = ParseQualOp();
				left = reinterpret_cast<Node *>(
					MakeAExpr(AEXPR_OP, name, nullptr, ParseExpr(bexpr, kPrecOp + 1), loc));
			}
			else
				left = ParseCExpr();
			break;
		case K_DEFAULT:
		{
			if (bexpr)
				SyntaxError();
			Advance();
			SetToDefault *d = makeNode(SetToDefault);
			d->location = loc;
			left = reinterpret_cast<Node *>(d);
			break;
		}
		case K_UNIQUE:
		{
			if (bexpr)
				SyntaxError();
			Advance();
			if (Tok() == K_NULLS)
			{
				Advance();
				Accept(K_NOT);
				Expect(K_DISTINCT);
			}
			if (Tok() != '(')
				SyntaxError();
			ParseSelectWithParens();
			ErrorAt(ERRCODE_FEATURE_NOT_SUPPORTED, loc, "UNIQUE predicate is not yet implemented");
		}
		default:
			left = ParseCExpr();
			break;
	}
	return ParseExprTail(left, bexpr, min_prec, flags);
}

/*
 * The infix and postfix part of a_expr / b_expr, from left onwards: apply
 * operators of precedence >= min_prec.  last_nonassoc is the level of the
 * non-associative operator just applied, if any (see the file comment).
 */
Node *Parser::ParseExprTail(Node *left, bool bexpr, int min_prec, int flags)
{
	int last_nonassoc = 0;
	for (;;)
	{
		int t = Tok();
		int loc = Loc();
		int prec;

		/* After a non-associative operator, one of the same level is an
		 * error whatever else it might have been (bison decides on the
		 * precedence before anything else). */
		if (last_nonassoc != 0 && InfixPrec(t) == last_nonassoc)
			SyntaxError();

		/* A bare-label keyword is the target's label when what follows it
		 * can only follow a target. */
		if ((flags & kExprTargetTop) && IsKeyword(t) && GetKeyword(t).bare_label &&
			FollowsTarget(Tok(1)))
			return left;

		switch (t)
		{
			case K_OR:
			case K_AND:
			{
				if (bexpr)
					return left;
				prec = t == K_OR ? kPrecOr : kPrecAnd;
				if (prec < min_prec)
					return left;
				Advance();
				Node *right = ParseExpr(false, prec + 1);
				left = t == K_OR ? MakeOrExpr(left, right, loc) : MakeAndExpr(left, right, loc);
				last_nonassoc = 0;
				continue;
			}
			case K_IS:
			case K_ISNULL:
			case K_NOTNULL:
			{
				if (bexpr && t != K_IS)
					return left;
				if (kPrecIs < min_prec)
					return left;
				if (last_nonassoc == kPrecIs)
					SyntaxError();
				Advance();
				if (t == K_IS)
				{
					/* IS [NOT] DISTINCT FROM is a binary operator */
					bool binary = Tok() == K_DISTINCT || (Tok() == K_NOT && Tok(1) == K_DISTINCT);
					left = ParseIsTail(left, bexpr, loc);
					last_nonassoc = binary ? kPrecIs : 0;
					continue;
				}
				NullTest *n = makeNode(NullTest);
				n->arg = reinterpret_cast<Expr *>(left);
				n->nulltesttype = t == K_ISNULL ? IS_NULL : IS_NOT_NULL;
				n->location = loc;
				left = reinterpret_cast<Node *>(n);
				last_nonassoc = 0;
				continue;
			}
			case '<':
			case '>':
			case '=':
			case LESS_EQUALS:
			case GREATER_EQUALS:
			case NOT_EQUALS:
			case '+':
			case '-':
			case '*':
			case '/':
			case '%':
			case '^':
			{
				bool nonassoc;
				prec = BinaryPrec(t, &nonassoc);
				if (prec < min_prec)
					return left;
				if (last_nonassoc == prec)
					SyntaxError();
				const char *opname = MathOpName(t);
				if (!bexpr && IsSubType(Tok(1)))
				{
					Advance();
					left = ParseSubqueryOp(left, list_make1(makeString(pstrdup(opname))), loc);
					last_nonassoc = 0;
					continue;
				}
				Advance();
				Node *right = ParseExpr(bexpr, prec + 1);
				left = reinterpret_cast<Node *>(
					MakeSimpleAExpr(AEXPR_OP, opname, left, right, loc));
				last_nonassoc = nonassoc ? prec : 0;
				continue;
			}
			case OP:
			case K_OPERATOR:
			{
				if (kPrecOp < min_prec)
					return left;
				if (t == K_OPERATOR && Tok(1) != '(')
				{
					/* after an expression OPERATOR can only begin OPERATOR(…) */
					Advance();
					SyntaxError();
				}
				List *name = ParseQualOp();
				if (!bexpr && IsSubType(Tok()))
				{
					left = ParseSubqueryOp(left, name, loc);
					last_nonassoc = 0;
					continue;
				}
				Node *right = ParseExpr(bexpr, kPrecOp + 1);
				left = reinterpret_cast<Node *>(MakeAExpr(AEXPR_OP, name, left, right, loc));
				last_nonassoc = 0;
				continue;
			}
			case K_LIKE:
			case K_ILIKE:
			case K_SIMILAR:
			case K_BETWEEN:
			case K_IN:
			case NOT_LA:
			{
				if (bexpr)
					return left;
				if (kPrecLike < min_prec)
					return left;
				if (last_nonassoc == kPrecLike)
					SyntaxError();
				bool negated = t == NOT_LA;
				if (negated)
					Advance();
				int op = Tok();
				switch (op)
				{
					case K_LIKE:
						left = ParseLike(left, AEXPR_LIKE, negated ? "!~~" : "~~", loc);
						break;
					case K_ILIKE:
						left = ParseLike(left, AEXPR_ILIKE, negated ? "!~~*" : "~~*", loc);
						break;
					case K_SIMILAR:
						if (Tok(1) != K_TO)
						{
							/* "x SIMILAR y ESCAPE z" belongs to SUBSTRING */
							if (!negated && (flags & kExprSubstringTop))
								return left;
							Advance();
							SyntaxError();
						}
						left = ParseLike(left, AEXPR_SIMILAR, negated ? "!~" : "~", loc);
						break;
					case K_BETWEEN:
						left = ParseBetween(left, negated, loc);
						break;
					case K_IN:
						left = ParseInExpr(left, negated, loc);
						break;
					default:
						SyntaxError();
				}
				/* [NOT] IN (…) and op ANY (…) end in ')' and do not conflict */
				bool ends_in_paren = op == K_IN || IsA(left, SubLink) ||
					(IsA(left, A_Expr) &&
					 (reinterpret_cast<A_Expr *>(left)->kind == AEXPR_OP_ANY ||
					  reinterpret_cast<A_Expr *>(left)->kind == AEXPR_OP_ALL));
				last_nonassoc = ends_in_paren ? 0 : kPrecLike;
				continue;
			}
			case K_AT:
			{
				if (bexpr || kPrecAt < min_prec)
					return left;
				/* after an expression AT can only begin AT TIME ZONE */
				Advance();
				Expect(K_TIME);
				Expect(K_ZONE);
				Node *zone = ParseExpr(false, kPrecAt + 1);
				left = reinterpret_cast<Node *>(MakeFuncCall(SystemFuncName("timezone"),
															 list_make2(zone, left),
															 COERCE_SQL_SYNTAX, loc));
				last_nonassoc = 0;
				continue;
			}
			case K_COLLATE:
			{
				if (bexpr || kPrecCollate < min_prec)
					return left;
				Advance();
				CollateClause *c = makeNode(CollateClause);
				c->arg = left;
				c->collname = ParseAnyName();
				c->location = loc;
				left = reinterpret_cast<Node *>(c);
				last_nonassoc = 0;
				continue;
			}
			case TYPECAST:
			{
				if (kPrecTypecast < min_prec)
					return left;
				Advance();
				left = MakeTypeCast(left, ParseTypename(), loc);
				last_nonassoc = 0;
				continue;
			}
			default:
				return left;
		}
	}
}

/* After "a IS": [NOT] NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM b |
 * DOCUMENT | [form] NORMALIZED. */
Node *Parser::ParseIsTail(Node *left, bool bexpr, int location)
{
	bool negated = Accept(K_NOT);
	int t = Tok();
	if (t == K_DISTINCT)
	{
		Advance();
		Expect(K_FROM);
		Node *right = ParseExpr(bexpr, kPrecIs + 1);
		return reinterpret_cast<Node *>(
			MakeSimpleAExpr(negated ? AEXPR_NOT_DISTINCT : AEXPR_DISTINCT, "=", left, right,
							location));
	}
	if (t == K_DOCUMENT)
	{
		Advance();
		Unsupported("IS DOCUMENT", location);
		return left;
	}
	if (bexpr)
		SyntaxError();
	switch (t)
	{
		case K_NULL:
		{
			Advance();
			NullTest *n = makeNode(NullTest);
			n->arg = reinterpret_cast<Expr *>(left);
			n->nulltesttype = negated ? IS_NOT_NULL : IS_NULL;
			n->location = location;
			return reinterpret_cast<Node *>(n);
		}
		case K_TRUE:
		case K_FALSE:
		case K_UNKNOWN:
		{
			Advance();
			BooleanTest *b = makeNode(BooleanTest);
			b->arg = reinterpret_cast<Expr *>(left);
			if (t == K_TRUE)
				b->booltesttype = negated ? IS_NOT_TRUE : IS_TRUE;
			else if (t == K_FALSE)
				b->booltesttype = negated ? IS_NOT_FALSE : IS_FALSE;
			else
				b->booltesttype = negated ? IS_NOT_UNKNOWN : IS_UNKNOWN;
			b->location = location;
			return reinterpret_cast<Node *>(b);
		}
		case K_NORMALIZED:
		case K_NFC:
		case K_NFD:
		case K_NFKC:
		case K_NFKD:
		{
			List *args = list_make1(left);
			if (t != K_NORMALIZED)
			{
				int formloc = Loc();
				const char *form = t == K_NFC ? "NFC"
					: t == K_NFD			  ? "NFD"
					: t == K_NFKC			  ? "NFKC"
											  : "NFKD";
				Advance();
				args = lappend(args, MakeStringConst(pstrdup(form), formloc));
			}
			Expect(K_NORMALIZED);
			Node *f = reinterpret_cast<Node *>(
				MakeFuncCall(SystemFuncName("is_normalized"), args, COERCE_SQL_SYNTAX, location));
			return negated ? MakeNotExpr(f, location) : f;
		}
		default:
			SyntaxError();
	}
}

/* a [NOT] LIKE|ILIKE|SIMILAR TO b [ESCAPE c], or a [NOT] LIKE|ILIKE ANY (…) */
Node *Parser::ParseLike(Node *left, int kind, const char *opname, int location)
{
	int t = Tok();
	Advance();
	if (t != K_SIMILAR && IsSubType(Tok()))
		return ParseSubqueryOp(left, list_make1(makeString(pstrdup(opname))), location);
	if (t == K_SIMILAR)
		Expect(K_TO);
	Node *pattern = ParseExpr(false, kPrecLike + 1);
	if (t == K_SIMILAR)
	{
		List *args = list_make1(pattern);
		if (Accept(K_ESCAPE))
			args = lappend(args, ParseExpr(false, kPrecLike + 1));
		pattern = reinterpret_cast<Node *>(MakeFuncCall(SystemFuncName("similar_to_escape"), args,
														COERCE_EXPLICIT_CALL, location));
	}
	else if (Accept(K_ESCAPE))
	{
		Node *esc = ParseExpr(false, kPrecLike + 1);
		pattern = reinterpret_cast<Node *>(MakeFuncCall(SystemFuncName("like_escape"),
														list_make2(pattern, esc),
														COERCE_EXPLICIT_CALL, location));
	}
	return reinterpret_cast<Node *>(
		MakeSimpleAExpr(static_cast<A_Expr_Kind>(kind), opname, left, pattern, location));
}

/* a [NOT] BETWEEN [SYMMETRIC|ASYMMETRIC] b AND c */
Node *Parser::ParseBetween(Node *left, bool negated, int location)
{
	Expect(K_BETWEEN);
	bool symmetric = false;
	if (Accept(K_SYMMETRIC))
		symmetric = true;
	else
		Accept(K_ASYMMETRIC);
	Node *lower = ParseBExpr();
	Expect(K_AND);
	Node *upper = ParseExpr(false, kPrecLike + 1);
	A_Expr_Kind kind;
	const char *name;
	if (symmetric)
	{
		kind = negated ? AEXPR_NOT_BETWEEN_SYM : AEXPR_BETWEEN_SYM;
		name = negated ? "NOT BETWEEN SYMMETRIC" : "BETWEEN SYMMETRIC";
	}
	else
	{
		kind = negated ? AEXPR_NOT_BETWEEN : AEXPR_BETWEEN;
		name = negated ? "NOT BETWEEN" : "BETWEEN";
	}
	return reinterpret_cast<Node *>(
		MakeSimpleAExpr(kind, name, left, reinterpret_cast<Node *>(list_make2(lower, upper)),
						location));
}

/* a [NOT] IN (sub-select) | a [NOT] IN (expr_list) */
Node *Parser::ParseInExpr(Node *left, bool negated, int location)
{
	Expect(K_IN);
	if (Tok() != '(')
		SyntaxError();
	ParenResult r = ParseParenthesized(true);
	if (r.kind == ParenResult::kSelect)
	{
		SubLink *s = makeNode(SubLink);
		s->subLinkType = ANY_SUBLINK;
		s->testexpr = left;
		s->subselect = r.node;
		s->location = location;
		if (negated)
			return MakeNotExpr(reinterpret_cast<Node *>(s), location);
		return reinterpret_cast<Node *>(s);
	}
	List *list = r.kind == ParenResult::kList ? r.list : list_make1(r.node);
	return reinterpret_cast<Node *>(MakeSimpleAExpr(AEXPR_IN, negated ? "<>" : "=", left,
													reinterpret_cast<Node *>(list), location));
}

/* a subquery_Op ANY|SOME|ALL (sub-select) | (a_expr); at ANY. */
Node *Parser::ParseSubqueryOp(Node *left, List *opname, int location)
{
	int t = Tok();
	if (!IsSubType(t))
		SyntaxError();
	Advance();
	if (Tok() != '(')
		SyntaxError();
	ParenResult r = ParseParenthesized(false);
	if (r.kind == ParenResult::kSelect)
	{
		SubLink *s = makeNode(SubLink);
		s->subLinkType = t == K_ALL ? ALL_SUBLINK : ANY_SUBLINK;
		s->testexpr = left;
		s->operName = opname;
		s->subselect = r.node;
		s->location = location;
		return reinterpret_cast<Node *>(s);
	}
	return reinterpret_cast<Node *>(
		MakeAExpr(t == K_ALL ? AEXPR_OP_ALL : AEXPR_OP_ANY, opname, left, r.node, location));
}

/* qual_Op: Op | OPERATOR '(' any_operator ')' */
List *Parser::ParseQualOp()
{
	if (Tok() == OP)
	{
		List *name = list_make1(makeString(const_cast<char *>(Peek().str)));
		Advance();
		return name;
	}
	Expect(K_OPERATOR);
	Expect('(');
	List *name = ParseAnyOperator();
	Expect(')');
	return name;
}

/* any_operator: all_Op | ColId '.' any_operator */
List *Parser::ParseAnyOperator()
{
	List *result = NIL;
	while (IsColIdTok(Tok()))
	{
		result = lappend(result, makeString(ParseColId()));
		Expect('.');
	}
	if (Tok() == OP)
		result = lappend(result, makeString(const_cast<char *>(Peek().str)));
	else if (MathOpName(Tok()) != nullptr)
		result = lappend(result, makeString(pstrdup(MathOpName(Tok()))));
	else
		SyntaxError();
	Advance();
	return result;
}

/* ------------------------------------------------------------ c_expr */

Node *Parser::ParseCExpr()
{
	CHECK_STACK_DEPTH();
	int t = Tok();
	int loc = Loc();
	switch (t)
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
		case PARAM:
		{
			ParamRef *p = makeNode(ParamRef);
			p->number = Peek().ival;
			p->location = loc;
			Advance();
			return ParseIndirectionTail(reinterpret_cast<Node *>(p));
		}
		case '(':
			return ParenToExpr(ParseParenthesized(true));
		case K_CASE:
			return ParseCaseExpr();
		case K_ARRAY:
		{
			Advance();
			if (Tok() == '[')
			{
				Node *a = ParseArrayExpr(Loc());
				reinterpret_cast<A_ArrayExpr *>(a)->location = loc;
				return a;
			}
			if (Tok() != '(')
				SyntaxError();
			SubLink *s = makeNode(SubLink);
			s->subLinkType = ARRAY_SUBLINK;
			s->subselect = ParseSelectWithParens();
			s->location = loc;
			return reinterpret_cast<Node *>(s);
		}
		case K_EXISTS:
			if (Tok(1) == '(')
			{
				Advance();
				SubLink *s = makeNode(SubLink);
				s->subLinkType = EXISTS_SUBLINK;
				s->subselect = ParseSelectWithParens();
				s->location = loc;
				return reinterpret_cast<Node *>(s);
			}
			break;
		case K_ROW:
			if (Tok(1) == '(')
			{
				Advance();
				Advance();
				List *args = NIL;
				if (Tok() != ')')
					args = ParseExprList();
				Expect(')');
				return ParseRowTail(args, loc, COERCE_EXPLICIT_CALL);
			}
			break;
		case K_GROUPING:
			if (Tok(1) == '(')
			{
				Advance();
				Advance();
				GroupingFunc *g = makeNode(GroupingFunc);
				g->args = ParseExprList();
				g->location = loc;
				Expect(')');
				return reinterpret_cast<Node *>(g);
			}
			break;
		default:
			break;
	}
	bool handled;
	Node *special = ParseSpecialFunction(&handled);
	if (handled)
		return special;
	if (AtConstTypename())
		return ParseTypedLiteral();
	return ParseColumnRefOrFunc();
}

/* A parenthesized construct in an expression (see ParenResult). */
Node *Parser::ParenToExpr(const ParenResult &r)
{
	switch (r.kind)
	{
		case ParenResult::kSelect:
		{
			SubLink *s = makeNode(SubLink);
			s->subLinkType = EXPR_SUBLINK;
			s->subselect = r.node;
			s->location = r.location;
			return ParseIndirectionTail(reinterpret_cast<Node *>(s));
		}
		case ParenResult::kExpr:
			return ParseIndirectionTail(r.node);
		case ParenResult::kList:
		default:
			return ParseRowTail(r.list, r.location, COERCE_IMPLICIT_CAST);
	}
}

/* A row constructor, and "row OVERLAPS row" if that follows. */
Node *Parser::ParseRowTail(List *args, int location, CoercionForm form)
{
	if (Tok() != K_OVERLAPS)
	{
		RowExpr *r = makeNode(RowExpr);
		r->args = args;
		r->row_format = form;
		r->location = location;
		return reinterpret_cast<Node *>(r);
	}
	int oloc = Loc();
	Advance();
	int rloc = Loc();
	List *right = NIL;
	if (Tok() == K_ROW)
	{
		Advance();
		Expect('(');
		if (Tok() != ')')
			right = ParseExprList();
		Expect(')');
	}
	else
	{
		Expect('(');
		right = list_make1(ParseAExpr());
		Expect(',');
		right = list_concat(right, ParseExprList());
		Expect(')');
	}
	if (list_length(args) != 2)
		ErrorAt(ERRCODE_SYNTAX_ERROR, location,
				"wrong number of parameters on left side of OVERLAPS expression");
	if (list_length(right) != 2)
		ErrorAt(ERRCODE_SYNTAX_ERROR, rloc,
				"wrong number of parameters on right side of OVERLAPS expression");
	return reinterpret_cast<Node *>(MakeFuncCall(SystemFuncName("overlaps"),
												 list_concat(args, right), COERCE_SQL_SYNTAX,
												 oloc));
}

/*
 * '(' … ')' in an expression: a sub-select (with as many parentheses as it
 * can take), a parenthesized a_expr, or (allow_list) a list of two or more.
 */
ParenResult Parser::ParseParenthesized(bool allow_list)
{
	CHECK_STACK_DEPTH();
	int lparen = Expect('(');
	if (StartsSelect())
	{
		Node *sel = ParseSelectNoParens();
		Expect(')');
		return {ParenResult::kSelect, sel, NIL, lparen};
	}
	Node *first;
	if (Tok() == '(')
	{
		ParenResult inner = ParseParenthesized(true);
		if (inner.kind == ParenResult::kSelect)
		{
			if (Tok() == ')')
			{
				Advance();
				return {ParenResult::kSelect, inner.node, NIL, lparen};
			}
			if (IsSelectTailTok(Tok()))
			{
				Node *sel = ParseSelectTail(inner.node, nullptr);
				Expect(')');
				return {ParenResult::kSelect, sel, NIL, lparen};
			}
		}
		first = ParseExprTail(ParenToExpr(inner), false, kPrecNone);
	}
	else
		first = ParseAExpr();
	if (Accept(')'))
		return {ParenResult::kExpr, first, NIL, lparen};
	if (Tok() == ',' && allow_list)
	{
		List *list = list_make1(first);
		while (Accept(','))
			list = lappend(list, ParseAExpr());
		Expect(')');
		return {ParenResult::kList, nullptr, list, lparen};
	}
	SyntaxError();
}

/* opt_indirection after a c_expr: A_Indirection if there is any. */
Node *Parser::ParseIndirectionTail(Node *arg)
{
	if (Tok() != '.' && Tok() != '[')
		return arg;
	List *ind = ParseIndirection();
	ListCell *lc;
	foreach (lc, ind)
	{
		if (IsA(lfirst(lc), A_Star) && lnext(ind, lc) != nullptr)
			ErrorAtOrNear(src_, Peek(), "improper use of \"*\"");
	}
	A_Indirection *n = makeNode(A_Indirection);
	n->arg = arg;
	n->indirection = ind;
	return reinterpret_cast<Node *>(n);
}

/* indirection: ('.' attr_name | '.' '*' | '[' a_expr ']' | '[' lo ':' hi ']')+ */
List *Parser::ParseIndirection()
{
	List *result = NIL;
	for (;;)
	{
		if (Accept('.'))
		{
			if (Accept('*'))
				result = lappend(result, makeNode(A_Star));
			else
				result = lappend(result, makeString(ParseColLabel()));
		}
		else if (Accept('['))
		{
			A_Indices *ai = makeNode(A_Indices);
			if (Tok() != ':')
				ai->uidx = ParseAExpr();
			if (Accept(':'))
			{
				ai->is_slice = true;
				ai->lidx = ai->uidx;
				ai->uidx = Tok() != ']' ? ParseAExpr() : nullptr;
			}
			Expect(']');
			result = lappend(result, ai);
		}
		else
			return result;
	}
}

List *Parser::ParseOptIndirection()
{
	if (Tok() != '.' && Tok() != '[')
		return NIL;
	return ParseIndirection();
}

/* makeColumnRef: field selections go into fields; from the first
 * subscript on, the rest becomes an A_Indirection over the ColumnRef. */
Node *Parser::MakeColumnRef(char *colname, List *indirection, int location)
{
	ColumnRef *c = makeNode(ColumnRef);
	c->location = location;
	int nfields = 0;
	ListCell *lc;
	foreach (lc, indirection)
	{
		Node *el = static_cast<Node *>(lfirst(lc));
		if (IsA(el, A_Indices))
		{
			A_Indirection *i = makeNode(A_Indirection);
			List *rest = list_copy_tail(indirection, nfields);
			ListCell *lc2;
			foreach (lc2, rest)
			{
				if (IsA(lfirst(lc2), A_Star) && lnext(rest, lc2) != nullptr)
					ErrorAtOrNear(src_, Peek(), "improper use of \"*\"");
			}
			i->indirection = rest;
			c->fields = lcons(makeString(colname), list_truncate(indirection, nfields));
			i->arg = reinterpret_cast<Node *>(c);
			return reinterpret_cast<Node *>(i);
		}
		if (IsA(el, A_Star) && lnext(indirection, lc) != nullptr)
			ErrorAtOrNear(src_, Peek(), "improper use of \"*\"");
		nfields++;
	}
	c->fields = lcons(makeString(colname), indirection);
	return reinterpret_cast<Node *>(c);
}

/* func_name after ColId indirection: every element must be a name (the
 * error points at the token after the name, as PostgreSQL's does). */
List *Parser::ParseFuncNameFromColId(char *first, int location)
{
	(void) location;
	List *ind = ParseIndirection();
	ListCell *lc;
	foreach (lc, ind)
	{
		if (!IsA(lfirst(lc), String))
			SyntaxError();
	}
	return lcons(makeString(first), ind);
}

/* columnref, func_application + decorations, or a generic typed literal
 * (func_name Sconst, func_name (typmods) Sconst). */
Node *Parser::ParseColumnRefOrFunc()
{
	int t = Tok();
	int loc = Loc();
	bool colid = IsColIdTok(t);
	bool tfn = IsTypeFunctionNameTok(t);
	if (!colid && !tfn)
		SyntaxError();
	if (Tok(1) == '(' || Tok(1) == SCONST)
	{
		if (!tfn)
		{
			Advance();
			SyntaxError();
		}
		List *funcname = list_make1(makeString(TokenText(Peek())));
		Advance();
		if (Tok() == SCONST)
		{
			TypeName *tn = MakeTypeNameFromNameList(funcname);
			tn->location = loc;
			int sloc = Loc();
			return MakeStringConstCast(ParseSconst(), sloc, tn);
		}
		return ParseFuncApplication(funcname, loc, false);
	}
	if (!colid)
	{
		Advance();
		SyntaxError();
	}
	char *name = ParseColId();
	if (Tok() != '.' && Tok() != '[')
		return MakeColumnRef(name, NIL, loc);
	List *ind = ParseIndirection();
	if (Tok() == '(' || Tok() == SCONST)
	{
		ListCell *lc;
		foreach (lc, ind)
		{
			if (!IsA(lfirst(lc), String))
				SyntaxError();
		}
		List *funcname = lcons(makeString(name), ind);
		if (Tok() == SCONST)
		{
			TypeName *tn = MakeTypeNameFromNameList(funcname);
			tn->location = loc;
			int sloc = Loc();
			return MakeStringConstCast(ParseSconst(), sloc, tn);
		}
		return ParseFuncApplication(funcname, loc, false);
	}
	return MakeColumnRef(name, ind, loc);
}

/*
 * func_application [within_group_clause filter_clause over_clause], or
 * (a plain argument list followed by a string) a typed literal with type
 * modifiers.  At '('.
 */
Node *Parser::ParseFuncApplication(List *funcname, int location, bool windowless)
{
	Expect('(');
	FuncCall *fc = MakeFuncCall(funcname, NIL, COERCE_EXPLICIT_CALL, location);
	bool plain = false; /* func_name '(' func_arg_list opt_sort_clause ')' */
	int order_loc = -1;
	if (Accept(')'))
	{}
	else if (Tok() == '*')
	{
		Advance();
		Expect(')');
		fc->agg_star = true;
	}
	else
	{
		if (Accept(K_ALL))
			fc->args = ParseFuncArgList(nullptr, false);
		else if (Accept(K_DISTINCT))
		{
			fc->args = ParseFuncArgList(nullptr, false);
			fc->agg_distinct = true;
		}
		else if (Accept(K_VARIADIC))
		{
			fc->args = list_make1(ParseFuncArgExpr());
			fc->func_variadic = true;
		}
		else
		{
			bool variadic = false;
			fc->args = ParseFuncArgList(&variadic, true);
			fc->func_variadic = variadic;
			plain = !variadic;
		}
		if (Tok() == K_ORDER)
		{
			order_loc = Loc();
			fc->agg_order = ParseSortClause();
		}
		Expect(')');
	}

	if (Tok() == SCONST && plain && !windowless)
	{
		/* type_name(typmods) 'literal' */
		ListCell *lc;
		foreach (lc, fc->args)
		{
			Node *arg = static_cast<Node *>(lfirst(lc));
			if (IsA(arg, NamedArgExpr))
				ErrorAt(ERRCODE_SYNTAX_ERROR, reinterpret_cast<NamedArgExpr *>(arg)->location,
						"type modifier cannot have parameter name");
		}
		if (fc->agg_order != NIL)
			ErrorAt(ERRCODE_SYNTAX_ERROR, order_loc, "type modifier cannot have ORDER BY");
		TypeName *tn = MakeTypeNameFromNameList(funcname);
		tn->typmods = fc->args;
		tn->location = location;
		int sloc = Loc();
		return MakeStringConstCast(ParseSconst(), sloc, tn);
	}
	if (windowless)
		return reinterpret_cast<Node *>(fc);
	return ParseFuncTail(fc);
}

/* within_group_clause filter_clause over_clause, and their checks. */
Node *Parser::ParseFuncTail(FuncCall *fc)
{
	List *within = NIL;
	int within_loc = -1;
	if (Tok() == K_WITHIN)
	{
		within_loc = Loc();
		Advance();
		Expect(K_GROUP);
		Expect('(');
		within = ParseSortClause();
		Expect(')');
	}
	if (Tok() == K_FILTER)
	{
		Advance();
		Expect('(');
		Expect(K_WHERE);
		fc->agg_filter = ParseAExpr();
		Expect(')');
	}
	if (Tok() == K_OVER)
		fc->over = ParseOverClause();
	if (within != NIL)
	{
		if (fc->agg_order != NIL)
			ErrorAt(ERRCODE_SYNTAX_ERROR, within_loc,
					"cannot use multiple ORDER BY clauses with WITHIN GROUP");
		if (fc->agg_distinct)
			ErrorAt(ERRCODE_SYNTAX_ERROR, within_loc, "cannot use DISTINCT with WITHIN GROUP");
		if (fc->func_variadic)
			ErrorAt(ERRCODE_SYNTAX_ERROR, within_loc, "cannot use VARIADIC with WITHIN GROUP");
		fc->agg_order = within;
		fc->agg_within_group = true;
	}
	return reinterpret_cast<Node *>(fc);
}

/* func_arg_list, with "… , VARIADIC last" when variadic is given. */
List *Parser::ParseFuncArgList(bool *variadic, bool allow_variadic)
{
	List *result = list_make1(ParseFuncArgExpr());
	while (Accept(','))
	{
		if (allow_variadic && Tok() == K_VARIADIC)
		{
			Advance();
			result = lappend(result, ParseFuncArgExpr());
			*variadic = true;
			break;
		}
		result = lappend(result, ParseFuncArgExpr());
	}
	return result;
}

/* func_arg_expr: a_expr | param_name (:= | =>) a_expr */
Node *Parser::ParseFuncArgExpr()
{
	if (IsTypeFunctionNameTok(Tok()) && (Tok(1) == COLON_EQUALS || Tok(1) == EQUALS_GREATER))
	{
		NamedArgExpr *na = makeNode(NamedArgExpr);
		na->location = Loc();
		na->name = TokenText(Peek());
		Advance();
		Advance();
		na->arg = reinterpret_cast<Expr *>(ParseAExpr());
		na->argnumber = -1;
		return reinterpret_cast<Node *>(na);
	}
	return ParseAExpr();
}

List *Parser::ParseExprList()
{
	List *result = list_make1(ParseAExpr());
	while (Accept(','))
		result = lappend(result, ParseAExpr());
	return result;
}

/* CASE [arg] WHEN … THEN … [ELSE …] END */
Node *Parser::ParseCaseExpr()
{
	CaseExpr *c = makeNode(CaseExpr);
	c->location = Expect(K_CASE);
	if (Tok() != K_WHEN)
		c->arg = reinterpret_cast<Expr *>(ParseAExpr());
	do
	{
		CaseWhen *w = makeNode(CaseWhen);
		w->location = Expect(K_WHEN);
		w->expr = reinterpret_cast<Expr *>(ParseAExpr());
		Expect(K_THEN);
		w->result = reinterpret_cast<Expr *>(ParseAExpr());
		c->args = lappend(c->args, w);
	} while (Tok() == K_WHEN);
	if (Accept(K_ELSE))
		c->defresult = reinterpret_cast<Expr *>(ParseAExpr());
	Expect(K_END);
	return reinterpret_cast<Node *>(c);
}

/* array_expr: '[' ']' | '[' expr_list ']' | '[' array_expr_list ']' */
Node *Parser::ParseArrayExpr(int location)
{
	Expect('[');
	A_ArrayExpr *a = makeNode(A_ArrayExpr);
	a->location = location;
	if (Accept(']'))
		return reinterpret_cast<Node *>(a);
	if (Tok() == '[')
	{
		a->elements = list_make1(ParseArrayExpr(Loc()));
		while (Accept(','))
		{
			if (Tok() != '[')
				SyntaxError();
			a->elements = lappend(a->elements, ParseArrayExpr(Loc()));
		}
	}
	else
		a->elements = ParseExprList();
	Expect(']');
	return reinterpret_cast<Node *>(a);
}

/*
 * The SQL-standard functions with their own syntax (func_expr_common_
 * subexpr).  Keywords that are also names (COALESCE …) take this path only
 * when '(' follows; *handled says whether it applied.
 */
Node *Parser::ParseSpecialFunction(bool *handled)
{
	int t = Tok();
	int loc = Loc();
	*handled = true;
	auto svf = [&](SQLValueFunctionOp op, SQLValueFunctionOp op_n, bool has_n) -> Node * {
		Advance();
		SQLValueFunction *f = makeNode(SQLValueFunction);
		f->op = op;
		f->typmod = -1;
		f->location = loc;
		if (has_n && Accept('('))
		{
			f->op = op_n;
			f->typmod = ParseIconst();
			Expect(')');
		}
		return reinterpret_cast<Node *>(f);
	};
	switch (t)
	{
		case K_CURRENT_DATE:
			return svf(SVFOP_CURRENT_DATE, SVFOP_CURRENT_DATE, false);
		case K_CURRENT_TIME:
			return svf(SVFOP_CURRENT_TIME, SVFOP_CURRENT_TIME_N, true);
		case K_CURRENT_TIMESTAMP:
			return svf(SVFOP_CURRENT_TIMESTAMP, SVFOP_CURRENT_TIMESTAMP_N, true);
		case K_LOCALTIME:
			return svf(SVFOP_LOCALTIME, SVFOP_LOCALTIME_N, true);
		case K_LOCALTIMESTAMP:
			return svf(SVFOP_LOCALTIMESTAMP, SVFOP_LOCALTIMESTAMP_N, true);
		case K_CURRENT_ROLE:
			return svf(SVFOP_CURRENT_ROLE, SVFOP_CURRENT_ROLE, false);
		case K_CURRENT_USER:
			return svf(SVFOP_CURRENT_USER, SVFOP_CURRENT_USER, false);
		case K_SESSION_USER:
			return svf(SVFOP_SESSION_USER, SVFOP_SESSION_USER, false);
		case K_USER:
			return svf(SVFOP_USER, SVFOP_USER, false);
		case K_CURRENT_CATALOG:
			return svf(SVFOP_CURRENT_CATALOG, SVFOP_CURRENT_CATALOG, false);
		case K_CURRENT_SCHEMA: /* also a type_function_name: a call or a typed literal */
			if (Tok(1) == '(' || Tok(1) == SCONST)
				break;
			return svf(SVFOP_CURRENT_SCHEMA, SVFOP_CURRENT_SCHEMA, false);
		case K_COLLATION:
		{
			if (Tok(1) != K_FOR)
				break;
			Advance();
			Advance();
			Expect('(');
			Node *arg = ParseAExpr();
			Expect(')');
			return reinterpret_cast<Node *>(MakeFuncCall(SystemFuncName("pg_collation_for"),
														 list_make1(arg), COERCE_SQL_SYNTAX, loc));
		}
		case K_CAST:
		{
			Advance();
			Expect('(');
			Node *arg = ParseAExpr();
			Expect(K_AS);
			TypeName *tn = ParseTypename();
			Expect(')');
			return MakeTypeCast(arg, tn, loc);
		}
		default:
			break;
	}
	if (Tok(1) != '(')
	{
		*handled = false;
		return nullptr;
	}
	switch (t)
	{
		case K_EXTRACT:
		{
			Advance();
			Advance();
			int aloc = Loc();
			char *field;
			switch (Tok())
			{
				case IDENT:
				case K_YEAR:
				case K_MONTH:
				case K_DAY:
				case K_HOUR:
				case K_MINUTE:
				case K_SECOND:
					field = TokenText(Peek());
					break;
				case SCONST:
					field = const_cast<char *>(Peek().str);
					break;
				default:
					SyntaxError();
			}
			Advance();
			Expect(K_FROM);
			Node *arg = ParseAExpr();
			Expect(')');
			return reinterpret_cast<Node *>(
				MakeFuncCall(SystemFuncName("extract"),
							 list_make2(MakeStringConst(field, aloc), arg), COERCE_SQL_SYNTAX,
							 loc));
		}
		case K_NORMALIZE:
		{
			Advance();
			Advance();
			List *args = list_make1(ParseAExpr());
			if (Accept(','))
			{
				int floc = Loc();
				const char *form = Tok() == K_NFC ? "NFC"
					: Tok() == K_NFD			  ? "NFD"
					: Tok() == K_NFKC			  ? "NFKC"
					: Tok() == K_NFKD			  ? "NFKD"
												  : nullptr;
				if (form == nullptr)
					SyntaxError();
				Advance();
				args = lappend(args, MakeStringConst(pstrdup(form), floc));
			}
			Expect(')');
			return reinterpret_cast<Node *>(
				MakeFuncCall(SystemFuncName("normalize"), args, COERCE_SQL_SYNTAX, loc));
		}
		case K_OVERLAY:
		case K_SUBSTRING:
		{
			const char *name = t == K_OVERLAY ? "overlay" : "substring";
			Advance();
			Advance();
			if (Accept(')'))
				return reinterpret_cast<Node *>(MakeFuncCall(list_make1(makeString(pstrdup(name))),
															 NIL, COERCE_EXPLICIT_CALL, loc));
			Node *first;
			bool named = IsTypeFunctionNameTok(Tok()) &&
				(Tok(1) == COLON_EQUALS || Tok(1) == EQUALS_GREATER);
			if (named)
				first = ParseFuncArgExpr();
			else
				first = ParseExpr(false, kPrecNone, kExprSubstringTop);
			List *args = NIL;
			if (!named && t == K_OVERLAY && Tok() == K_PLACING)
			{
				Advance();
				Node *b = ParseAExpr();
				Expect(K_FROM);
				Node *c = ParseAExpr();
				args = list_make3(first, b, c);
				if (Accept(K_FOR))
					args = lappend(args, ParseAExpr());
				Expect(')');
				return reinterpret_cast<Node *>(
					MakeFuncCall(SystemFuncName(name), args, COERCE_SQL_SYNTAX, loc));
			}
			if (!named && t == K_SUBSTRING &&
				(Tok() == K_FROM || Tok() == K_FOR || Tok() == K_SIMILAR))
			{
				if (Accept(K_FROM))
				{
					Node *from = ParseAExpr();
					if (Accept(K_FOR))
						args = list_make3(first, from, ParseAExpr());
					else
						args = list_make2(first, from);
				}
				else if (Accept(K_FOR))
				{
					Node *len = ParseAExpr();
					if (Accept(K_FROM))
						args = list_make3(first, ParseAExpr(), len);
					else
						args = list_make3(first, MakeIntConst(1, -1),
										  MakeTypeCast(len, SystemTypeName("int4"), -1));
				}
				else
				{
					Advance();
					Node *pattern = ParseAExpr();
					Expect(K_ESCAPE);
					args = list_make3(first, pattern, ParseAExpr());
				}
				Expect(')');
				return reinterpret_cast<Node *>(
					MakeFuncCall(SystemFuncName(name), args, COERCE_SQL_SYNTAX, loc));
			}
			/* the plain function call */
			args = list_make1(first);
			while (Accept(','))
				args = lappend(args, ParseFuncArgExpr());
			Expect(')');
			return reinterpret_cast<Node *>(MakeFuncCall(list_make1(makeString(pstrdup(name))),
														 args, COERCE_EXPLICIT_CALL, loc));
		}
		case K_POSITION:
		{
			Advance();
			Advance();
			Node *needle = ParseBExpr();
			Expect(K_IN);
			Node *haystack = ParseBExpr();
			Expect(')');
			return reinterpret_cast<Node *>(MakeFuncCall(SystemFuncName("position"),
														 list_make2(haystack, needle),
														 COERCE_SQL_SYNTAX, loc));
		}
		case K_TREAT:
		{
			Advance();
			Advance();
			Node *arg = ParseAExpr();
			Expect(K_AS);
			TypeName *tn = ParseTypename();
			Expect(')');
			return reinterpret_cast<Node *>(MakeFuncCall(SystemFuncName(strVal(llast(tn->names))),
														 list_make1(arg), COERCE_EXPLICIT_CALL,
														 loc));
		}
		case K_TRIM:
		{
			Advance();
			Advance();
			const char *fname = "btrim";
			if (Accept(K_LEADING))
				fname = "ltrim";
			else if (Accept(K_TRAILING))
				fname = "rtrim";
			else
				Accept(K_BOTH);
			List *args;
			if (Accept(K_FROM))
				args = ParseExprList();
			else
			{
				Node *first = ParseAExpr();
				if (Accept(K_FROM))
					args = lappend(ParseExprList(), first);
				else
				{
					args = list_make1(first);
					while (Accept(','))
						args = lappend(args, ParseAExpr());
				}
			}
			Expect(')');
			return reinterpret_cast<Node *>(
				MakeFuncCall(SystemFuncName(fname), args, COERCE_SQL_SYNTAX, loc));
		}
		case K_NULLIF:
		{
			Advance();
			Advance();
			Node *a = ParseAExpr();
			Expect(',');
			Node *b = ParseAExpr();
			Expect(')');
			return reinterpret_cast<Node *>(MakeSimpleAExpr(AEXPR_NULLIF, "=", a, b, loc));
		}
		case K_COALESCE:
		{
			Advance();
			Advance();
			CoalesceExpr *c = makeNode(CoalesceExpr);
			c->args = ParseExprList();
			c->location = loc;
			Expect(')');
			return reinterpret_cast<Node *>(c);
		}
		case K_GREATEST:
		case K_LEAST:
		{
			Advance();
			Advance();
			MinMaxExpr *m = makeNode(MinMaxExpr);
			m->args = ParseExprList();
			m->op = t == K_GREATEST ? IS_GREATEST : IS_LEAST;
			m->location = loc;
			Expect(')');
			return reinterpret_cast<Node *>(m);
		}
		case K_XMLCONCAT:
		case K_XMLELEMENT:
		case K_XMLEXISTS:
		case K_XMLFOREST:
		case K_XMLPARSE:
		case K_XMLPI:
		case K_XMLROOT:
		case K_XMLSERIALIZE:
			Unsupported("XML functions", loc);
			Advance();
			SkipParens();
			return MakeNullAConst(loc);
		default:
			*handled = false;
			return nullptr;
	}
}

bool Parser::IsSpecialFunctionTok(int t)
{
	switch (t)
	{
		case K_EXTRACT:
		case K_NORMALIZE:
		case K_OVERLAY:
		case K_SUBSTRING:
		case K_POSITION:
		case K_TREAT:
		case K_TRIM:
		case K_NULLIF:
		case K_COALESCE:
		case K_GREATEST:
		case K_LEAST:
		case K_XMLCONCAT:
		case K_XMLELEMENT:
		case K_XMLEXISTS:
		case K_XMLFOREST:
		case K_XMLPARSE:
		case K_XMLPI:
		case K_XMLROOT:
		case K_XMLSERIALIZE:
			return true;
		default:
			return false;
	}
}

/* window_specification: '(' [existing name] [PARTITION BY …] [ORDER BY …]
 * [frame] ')' */
WindowDef *Parser::ParseWindowSpecification()
{
	WindowDef *w = makeNode(WindowDef);
	w->location = Expect('(');
	int t = Tok();
	if (IsColIdTok(t) && t != K_PARTITION && t != K_RANGE && t != K_ROWS && t != K_GROUPS)
		w->refname = ParseColId();
	if (Tok() == K_PARTITION)
	{
		Advance();
		Expect(K_BY);
		w->partitionClause = ParseExprList();
	}
	if (Tok() == K_ORDER)
		w->orderClause = ParseSortClause();
	t = Tok();
	if (t == K_RANGE || t == K_ROWS || t == K_GROUPS)
	{
		Advance();
		int mode = t == K_RANGE ? FRAMEOPTION_RANGE
			: t == K_ROWS		? FRAMEOPTION_ROWS
								: FRAMEOPTION_GROUPS;
		/* frame_bound: returns its options as a frame start */
		auto bound = [&](Node **offset, int *bloc) -> int {
			*bloc = Loc();
			*offset = nullptr;
			if (Tok() == K_UNBOUNDED && (Tok(1) == K_PRECEDING || Tok(1) == K_FOLLOWING))
			{
				Advance();
				return Accept(K_PRECEDING) ? FRAMEOPTION_START_UNBOUNDED_PRECEDING
										   : (Advance(), FRAMEOPTION_START_UNBOUNDED_FOLLOWING);
			}
			if (Tok() == K_CURRENT && Tok(1) == K_ROW)
			{
				Advance();
				Advance();
				return FRAMEOPTION_START_CURRENT_ROW;
			}
			*offset = ParseAExpr();
			if (Accept(K_PRECEDING))
				return FRAMEOPTION_START_OFFSET_PRECEDING;
			Expect(K_FOLLOWING);
			return FRAMEOPTION_START_OFFSET_FOLLOWING;
		};
		int opts;
		/* BETWEEN is also a column name: bison keeps both readings and lets
		 * the next token's precedence decide (a lower one makes BETWEEN the
		 * start of a single bound's expression, an equal one an error). */
		bool between = Tok() == K_BETWEEN;
		if (between)
		{
			int p = InfixPrec(Tok(1));
			if (p == kPrecLike)
			{
				Advance();
				SyntaxError();
			}
			if (p != 0 && p < kPrecLike && Tok(1) != K_NOT) /* NOT only starts one */
				between = false;
			/* tokens that can only continue an expression, never start one */
			int t1 = Tok(1);
			if ((p > kPrecLike && t1 != '+' && t1 != '-' && t1 != OP && t1 != K_OPERATOR &&
				 t1 != K_ESCAPE && t1 != K_AT) ||
				t1 == '[' || t1 == '.')
				between = false;
		}
		if (between && Accept(K_BETWEEN))
		{
			Node *start_off;
			Node *end_off;
			int loc1;
			int loc2;
			int o1 = bound(&start_off, &loc1);
			Expect(K_AND);
			int o2 = bound(&end_off, &loc2);
			opts = o1 | (o2 << 1) | FRAMEOPTION_BETWEEN;
			if (opts & FRAMEOPTION_START_UNBOUNDED_FOLLOWING)
				ErrorAt(ERRCODE_WINDOWING_ERROR, loc1, "frame start cannot be UNBOUNDED FOLLOWING");
			if (opts & FRAMEOPTION_END_UNBOUNDED_PRECEDING)
				ErrorAt(ERRCODE_WINDOWING_ERROR, loc2, "frame end cannot be UNBOUNDED PRECEDING");
			if ((opts & FRAMEOPTION_START_CURRENT_ROW) && (opts & FRAMEOPTION_END_OFFSET_PRECEDING))
				ErrorAt(ERRCODE_WINDOWING_ERROR, loc2,
						"frame starting from current row cannot have preceding rows");
			if ((opts & FRAMEOPTION_START_OFFSET_FOLLOWING) &&
				(opts & (FRAMEOPTION_END_OFFSET_PRECEDING | FRAMEOPTION_END_CURRENT_ROW)))
				ErrorAt(ERRCODE_WINDOWING_ERROR, loc2,
						"frame starting from following row cannot have preceding rows");
			w->startOffset = start_off;
			w->endOffset = end_off;
		}
		else
		{
			Node *start_off;
			int loc1;
			opts = bound(&start_off, &loc1);
			if (opts & FRAMEOPTION_START_UNBOUNDED_FOLLOWING)
				ErrorAt(ERRCODE_WINDOWING_ERROR, loc1, "frame start cannot be UNBOUNDED FOLLOWING");
			if (opts & FRAMEOPTION_START_OFFSET_FOLLOWING)
				ErrorAt(ERRCODE_WINDOWING_ERROR, loc1,
						"frame starting from following row cannot end with current row");
			opts |= FRAMEOPTION_END_CURRENT_ROW;
			w->startOffset = start_off;
		}
		opts |= FRAMEOPTION_NONDEFAULT | mode;
		if (Tok() == K_EXCLUDE)
		{
			Advance();
			if (Tok() == K_CURRENT)
			{
				Advance();
				Expect(K_ROW);
				opts |= FRAMEOPTION_EXCLUDE_CURRENT_ROW;
			}
			else if (Accept(K_GROUP))
				opts |= FRAMEOPTION_EXCLUDE_GROUP;
			else if (Accept(K_TIES))
				opts |= FRAMEOPTION_EXCLUDE_TIES;
			else
			{
				Expect(K_NO);
				Expect(K_OTHERS);
			}
		}
		w->frameOptions = opts;
	}
	else
		w->frameOptions = FRAMEOPTION_DEFAULTS;
	Expect(')');
	return w;
}

/* over_clause: OVER window_specification | OVER ColId */
WindowDef *Parser::ParseOverClause()
{
	Expect(K_OVER);
	if (Tok() == '(')
		return ParseWindowSpecification();
	WindowDef *w = makeNode(WindowDef);
	w->location = Loc();
	w->name = ParseColId();
	w->frameOptions = FRAMEOPTION_DEFAULTS;
	return w;
}

/* sort_clause: ORDER BY sortby_list */
List *Parser::ParseSortClause()
{
	Expect(K_ORDER);
	Expect(K_BY);
	List *result = list_make1(ParseSortBy());
	while (Accept(','))
		result = lappend(result, ParseSortBy());
	return result;
}

/* sortby: a_expr [USING qual_all_Op | ASC | DESC] [NULLS FIRST | LAST] */
Node *Parser::ParseSortBy()
{
	SortBy *s = makeNode(SortBy);
	s->node = ParseAExpr();
	s->location = -1;
	if (Tok() == K_USING)
	{
		Advance();
		s->sortby_dir = SORTBY_USING;
		s->location = Loc();
		if (Tok() == K_OPERATOR || Tok() == OP)
			s->useOp = ParseQualOp();
		else if (MathOpName(Tok()) != nullptr)
		{
			s->useOp = list_make1(makeString(pstrdup(MathOpName(Tok()))));
			Advance();
		}
		else
			SyntaxError();
	}
	else if (Accept(K_ASC))
		s->sortby_dir = SORTBY_ASC;
	else if (Accept(K_DESC))
		s->sortby_dir = SORTBY_DESC;
	if (Tok() == NULLS_LA)
	{
		Advance();
		if (Accept(K_FIRST))
			s->sortby_nulls = SORTBY_NULLS_FIRST;
		else
		{
			Expect(K_LAST);
			s->sortby_nulls = SORTBY_NULLS_LAST;
		}
	}
	return reinterpret_cast<Node *>(s);
}

/* target_list */
List *Parser::ParseTargetList()
{
	List *result = list_make1(ParseTargetEl());
	while (Accept(','))
		result = lappend(result, ParseTargetEl());
	return result;
}

/* target_el: a_expr [AS ColLabel | BareColLabel] | '*' */
ResTarget *Parser::ParseTargetEl()
{
	ResTarget *r = makeNode(ResTarget);
	r->location = Loc();
	if (Tok() == '*')
	{
		ColumnRef *c = makeNode(ColumnRef);
		c->fields = list_make1(makeNode(A_Star));
		c->location = Loc();
		Advance();
		r->val = reinterpret_cast<Node *>(c);
		return r;
	}
	r->val = ParseExpr(false, kPrecNone, kExprTargetTop);
	if (Accept(K_AS))
		r->name = ParseColLabel();
	else if (IsBareColLabelTok(Tok()))
	{
		r->name = TokenText(Peek());
		Advance();
	}
	return r;
}

/* -------------------------------------------------------------- constants */

Node *Parser::MakeStringConstCast(char *str, int location, TypeName *tn)
{
	return MakeTypeCast(MakeStringConst(str, location), tn, -1);
}

/* AexprConst without the typed literals (see ParseTypedLiteral). */
Node *Parser::ParseAexprConst()
{
	const Token &tok = Peek();
	int loc = tok.loc;
	Node *result;
	switch (tok.type)
	{
		case ICONST:
			result = MakeIntConst(tok.ival, loc);
			break;
		case FCONST:
			result = MakeFloatConst(const_cast<char *>(tok.str), loc);
			break;
		case SCONST:
			result = MakeStringConst(const_cast<char *>(tok.str), loc);
			break;
		case BCONST:
		case XCONST:
			result = MakeAConst(reinterpret_cast<Node *>(
									makeBitString(const_cast<char *>(tok.str))),
								loc);
			break;
		case K_TRUE:
			result = MakeBoolAConst(true, loc);
			break;
		case K_FALSE:
			result = MakeBoolAConst(false, loc);
			break;
		case K_NULL:
			result = MakeNullAConst(loc);
			break;
		default:
			SyntaxError();
	}
	Advance();
	return result;
}

/*
 * Whether the current token begins "ConstTypename Sconst" (or an interval
 * literal) rather than a column named like the type: bison shifts into the
 * type at these lookaheads, and treats the keyword as a name otherwise.
 */
bool Parser::AtConstTypename()
{
	int t1 = Tok(1);
	switch (Tok())
	{
		case K_INT:
		case K_INTEGER:
		case K_SMALLINT:
		case K_BIGINT:
		case K_REAL:
		case K_BOOLEAN:
			return t1 == SCONST;
		case K_FLOAT:
		case K_DECIMAL:
		case K_DEC:
		case K_NUMERIC:
		case K_VARCHAR:
		case K_INTERVAL:
			return t1 == SCONST || t1 == '(';
		case K_DOUBLE:
			return t1 == K_PRECISION;
		case K_BIT:
		case K_CHARACTER:
		case K_CHAR:
		case K_NCHAR:
			return t1 == SCONST || t1 == '(' || t1 == K_VARYING;
		case K_NATIONAL:
			return t1 == K_CHARACTER || t1 == K_CHAR;
		case K_TIMESTAMP:
		case K_TIME:
			return t1 == SCONST || t1 == '(' || t1 == WITH_LA || t1 == K_WITHOUT;
		default:
			return false;
	}
}

/* ConstTypename Sconst | ConstInterval Sconst opt_interval |
 * ConstInterval '(' Iconst ')' Sconst */
Node *Parser::ParseTypedLiteral()
{
	if (Tok() == K_INTERVAL)
	{
		TypeName *tn = SystemTypeName("interval");
		tn->location = Loc();
		Advance();
		if (Accept('('))
		{
			int nloc = Loc();
			int n = ParseIconst();
			Expect(')');
			tn->typmods = list_make2(MakeIntConst(kIntervalFullRange, -1), MakeIntConst(n, nloc));
			int sloc = Loc();
			return MakeStringConstCast(ParseSconst(), sloc, tn);
		}
		int sloc = Loc();
		char *str = ParseSconst();
		tn->typmods = ParseOptInterval();
		return MakeStringConstCast(str, sloc, tn);
	}
	TypeName *tn = ParseConstTypename();
	int sloc = Loc();
	return MakeStringConstCast(ParseSconst(), sloc, tn);
}

/* ------------------------------------------------------------ type names */

/* Typename: [SETOF] SimpleTypename [opt_array_bounds | ARRAY ['[' n ']']] */
TypeName *Parser::ParseTypename()
{
	CHECK_STACK_DEPTH();
	bool setof = Accept(K_SETOF);
	TypeName *tn = ParseSimpleTypename();
	if (Accept(K_ARRAY))
	{
		if (Accept('['))
		{
			tn->arrayBounds = list_make1(makeInteger(ParseIconst()));
			Expect(']');
		}
		else
			tn->arrayBounds = list_make1(makeInteger(-1));
	}
	else
		tn->arrayBounds = ParseArrayBounds();
	tn->setof = setof;
	return tn;
}

List *Parser::ParseArrayBounds()
{
	List *result = NIL;
	while (Accept('['))
	{
		if (Accept(']'))
			result = lappend(result, makeInteger(-1));
		else
		{
			result = lappend(result, makeInteger(ParseIconst()));
			Expect(']');
		}
	}
	return result;
}

List *Parser::ParseTypeList()
{
	List *result = list_make1(ParseTypename());
	while (Accept(','))
		result = lappend(result, ParseTypename());
	return result;
}

TypeName *Parser::ParseSimpleTypename()
{
	switch (Tok())
	{
		case K_INT:
		case K_INTEGER:
		case K_SMALLINT:
		case K_BIGINT:
		case K_REAL:
		case K_FLOAT:
		case K_DECIMAL:
		case K_DEC:
		case K_NUMERIC:
		case K_BOOLEAN:
			return ParseNumericType();
		case K_DOUBLE:
			if (Tok(1) == K_PRECISION)
				return ParseNumericType();
			break;
		case K_BIT:
			return ParseBitType(false);
		case K_CHARACTER:
		case K_CHAR:
		case K_VARCHAR:
		case K_NATIONAL:
		case K_NCHAR:
			return ParseCharacterType(false);
		case K_TIMESTAMP:
		case K_TIME:
			return ParseDatetimeType();
		case K_INTERVAL:
		{
			TypeName *tn = SystemTypeName("interval");
			tn->location = Loc();
			Advance();
			if (Accept('('))
			{
				int nloc = Loc();
				int n = ParseIconst();
				Expect(')');
				tn->typmods = list_make2(MakeIntConst(kIntervalFullRange, -1),
										 MakeIntConst(n, nloc));
			}
			else
				tn->typmods = ParseOptInterval();
			return tn;
		}
		default:
			break;
	}
	/* GenericType: type_function_name [attrs] [opt_type_modifiers] */
	int loc = Loc();
	List *names = list_make1(makeString(ParseTypeFunctionName()));
	if (Tok() == '.')
		names = list_concat(names, ParseAttrs());
	TypeName *tn = MakeTypeNameFromNameList(names);
	tn->location = loc;
	if (Accept('('))
	{
		tn->typmods = ParseExprList();
		Expect(')');
	}
	return tn;
}

/* ConstTypename: Numeric | ConstBit | ConstCharacter | ConstDatetime */
TypeName *Parser::ParseConstTypename()
{
	switch (Tok())
	{
		case K_BIT:
			return ParseBitType(true);
		case K_CHARACTER:
		case K_CHAR:
		case K_VARCHAR:
		case K_NATIONAL:
		case K_NCHAR:
			return ParseCharacterType(true);
		case K_TIMESTAMP:
		case K_TIME:
			return ParseDatetimeType();
		default:
			return ParseNumericType();
	}
}

TypeName *Parser::ParseNumericType()
{
	int loc = Loc();
	TypeName *tn;
	switch (Tok())
	{
		case K_INT:
		case K_INTEGER:
			Advance();
			tn = SystemTypeName("int4");
			break;
		case K_SMALLINT:
			Advance();
			tn = SystemTypeName("int2");
			break;
		case K_BIGINT:
			Advance();
			tn = SystemTypeName("int8");
			break;
		case K_REAL:
			Advance();
			tn = SystemTypeName("float4");
			break;
		case K_BOOLEAN:
			Advance();
			tn = SystemTypeName("bool");
			break;
		case K_DOUBLE:
			Advance();
			Expect(K_PRECISION);
			tn = SystemTypeName("float8");
			break;
		case K_FLOAT:
			Advance();
			if (Accept('('))
			{
				int ploc = Loc();
				int p = ParseIconst();
				Expect(')');
				if (p < 1)
					ErrorAt(ERRCODE_INVALID_PARAMETER_VALUE, ploc,
							"precision for type float must be at least 1 bit");
				if (p > 53)
					ErrorAt(ERRCODE_INVALID_PARAMETER_VALUE, ploc,
							"precision for type float must be less than 54 bits");
				tn = SystemTypeName(p <= 24 ? "float4" : "float8");
			}
			else
				tn = SystemTypeName("float8");
			break;
		case K_DECIMAL:
		case K_DEC:
		case K_NUMERIC:
			Advance();
			tn = SystemTypeName("numeric");
			if (Accept('('))
			{
				tn->typmods = ParseExprList();
				Expect(')');
			}
			break;
		default:
			SyntaxError();
	}
	tn->location = loc;
	return tn;
}

/* BIT [VARYING] ['(' expr_list ')']; without a length, bit(1) except in a
 * typed literal. */
TypeName *Parser::ParseBitType(bool is_const)
{
	int loc = Expect(K_BIT);
	bool varying = Accept(K_VARYING);
	TypeName *tn = SystemTypeName(varying ? "varbit" : "bit");
	if (Accept('('))
	{
		tn->typmods = ParseExprList();
		Expect(')');
	}
	else if (!varying && !is_const)
		tn->typmods = list_make1(MakeIntConst(1, -1));
	tn->location = loc;
	return tn;
}

/* CHARACTER | CHAR | VARCHAR | NATIONAL CHAR[ACTER] | NCHAR, [VARYING],
 * ['(' Iconst ')']; bpchar without a length is bpchar(1) except in a typed
 * literal. */
TypeName *Parser::ParseCharacterType(bool is_const)
{
	int loc = Loc();
	bool varying;
	switch (Tok())
	{
		case K_VARCHAR:
			Advance();
			varying = true;
			break;
		case K_NATIONAL:
			Advance();
			if (!Accept(K_CHARACTER))
				Expect(K_CHAR);
			varying = Accept(K_VARYING);
			break;
		default:
			Advance();
			varying = Accept(K_VARYING);
			break;
	}
	TypeName *tn = SystemTypeName(varying ? "varchar" : "bpchar");
	if (Accept('('))
	{
		int nloc = Loc();
		tn->typmods = list_make1(MakeIntConst(ParseIconst(), nloc));
		Expect(')');
	}
	else if (!varying && !is_const)
		tn->typmods = list_make1(MakeIntConst(1, -1));
	tn->location = loc;
	return tn;
}

/* TIMESTAMP | TIME ['(' Iconst ')'] [WITH TIME ZONE | WITHOUT TIME ZONE] */
TypeName *Parser::ParseDatetimeType()
{
	int loc = Loc();
	bool is_time = Tok() == K_TIME;
	Advance();
	List *typmods = NIL;
	if (Accept('('))
	{
		int nloc = Loc();
		typmods = list_make1(MakeIntConst(ParseIconst(), nloc));
		Expect(')');
	}
	bool tz = false;
	if (Tok() == WITH_LA)
	{
		Advance();
		Expect(K_TIME);
		Expect(K_ZONE);
		tz = true;
	}
	else if (Accept(K_WITHOUT))
	{
		Expect(K_TIME);
		Expect(K_ZONE);
	}
	TypeName *tn = SystemTypeName(is_time ? (tz ? "timetz" : "time")
										  : (tz ? "timestamptz" : "timestamp"));
	tn->typmods = typmods;
	tn->location = loc;
	return tn;
}

/* opt_interval */
List *Parser::ParseOptInterval()
{
	int loc = Loc();
	switch (Tok())
	{
		case K_YEAR:
			Advance();
			if (Accept(K_TO))
			{
				Expect(K_MONTH);
				return list_make1(MakeIntConst(kIntervalYear | kIntervalMonth, loc));
			}
			return list_make1(MakeIntConst(kIntervalYear, loc));
		case K_MONTH:
			Advance();
			return list_make1(MakeIntConst(kIntervalMonth, loc));
		case K_DAY:
			Advance();
			if (Accept(K_TO))
			{
				if (Accept(K_HOUR))
					return list_make1(MakeIntConst(kIntervalDay | kIntervalHour, loc));
				if (Accept(K_MINUTE))
					return list_make1(
						MakeIntConst(kIntervalDay | kIntervalHour | kIntervalMinute, loc));
				List *l = ParseIntervalSecond(Loc());
				linitial(l) = MakeIntConst(kIntervalDay | kIntervalHour | kIntervalMinute |
											   kIntervalSecond,
										   loc);
				return l;
			}
			return list_make1(MakeIntConst(kIntervalDay, loc));
		case K_HOUR:
			Advance();
			if (Accept(K_TO))
			{
				if (Accept(K_MINUTE))
					return list_make1(MakeIntConst(kIntervalHour | kIntervalMinute, loc));
				List *l = ParseIntervalSecond(Loc());
				linitial(l) = MakeIntConst(kIntervalHour | kIntervalMinute | kIntervalSecond, loc);
				return l;
			}
			return list_make1(MakeIntConst(kIntervalHour, loc));
		case K_MINUTE:
			Advance();
			if (Accept(K_TO))
			{
				List *l = ParseIntervalSecond(Loc());
				linitial(l) = MakeIntConst(kIntervalMinute | kIntervalSecond, loc);
				return l;
			}
			return list_make1(MakeIntConst(kIntervalMinute, loc));
		case K_SECOND:
			return ParseIntervalSecond(loc);
		default:
			return NIL;
	}
}

/* interval_second: SECOND ['(' Iconst ')'] */
List *Parser::ParseIntervalSecond(int location)
{
	Expect(K_SECOND);
	List *l = list_make1(MakeIntConst(kIntervalSecond, location));
	if (Accept('('))
	{
		int nloc = Loc();
		l = lappend(l, MakeIntConst(ParseIconst(), nloc));
		Expect(')');
	}
	return l;
}

}  // namespace tusk::parser
