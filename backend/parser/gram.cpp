/*
 * gram.cpp — the parser's infrastructure and its top level: token access
 * and errors, the name classes of PostgreSQL's grammar (ColId, ColLabel …),
 * node constructors, the statement list (RawStmt bounds) and the
 * dispatch on a statement's leading keywords.
 *
 * Errors.  A syntax error names the token at which the statement stopped
 * being a prefix of any valid statement — the token bison's LALR(1) parser
 * stops at — with its text ("at or near") and its 1-based character
 * position; at the end of the string, "at end of input".  If that token
 * carries a deferred lexical error (scan.h), that error is raised instead.
 * Errors PostgreSQL's grammar actions raise (improper qualified name,
 * multiple ORDER BY …) are raised with the same text and position.
 *
 * Unsupported statements.  A statement PostgreSQL accepts but Tusk does not
 * parse yet is recognised by its leading keywords and skipped to its end;
 * once the whole string has parsed, raw_parser raises 0A000 "… is not
 * supported yet" for the first one (so a syntax error elsewhere in the
 * string still wins, as it would in PostgreSQL).
 *
 * Principal entry points: raw_parser (parser/parser.h), Parser::
 * ParseStatements.
 */
#include "postgres.h"

#include <cstdarg>

#include "gram.h"
#include "miscadmin.h"
#include "parser/parser.h"

namespace tusk::parser {

Parser::Parser(const char *source) : lex_(source), src_(source) {}

/* ---------------------------------------------------------------- tokens */

void Parser::ScanTo(int want)
{
	while (want >= ntoks_)
	{
		if (ntoks_ == captoks_)
		{
			int cap = captoks_ * 2;
			Token *grown = static_cast<Token *>(palloc(sizeof(Token) * cap));
			for (int i = 0; i < ntoks_; i++)
				grown[i] = toks_[i];
			if (toks_ != inline_toks_)
				pfree(toks_);
			toks_ = grown;
			captoks_ = cap;
		}
		toks_[ntoks_++] = lex_.Next();
	}
}

int Parser::Expect(int type)
{
	if (Tok() != type)
		SyntaxError();
	int loc = Loc();
	Advance();
	return loc;
}

void Parser::SyntaxError()
{
	SyntaxErrorAtToken(pos_);
}

void Parser::SyntaxErrorAtToken(int index)
{
	Peek(index - pos_);
	SyntaxErrorAt(src_, toks_[index]);
}

int Parser::CharPos(int location) const
{
	return location < 0 ? 0 : CharPosition(src_, location);
}

void Parser::ErrorAt(int sqlerrcode, int location, const char *fmt, ...)
{
	char buf[1024];
	va_list args;
	va_start(args, fmt);
	vsnprintf(buf, sizeof buf, fmt, args);
	va_end(args);
	ereport(ERROR, errcode(sqlerrcode), errmsg_internal("%s", buf),
			location >= 0 ? errposition(CharPos(location)) : 0);
}

void Parser::Unsupported(const char *what, int location)
{
	if (unsupported_ == nullptr)
	{
		unsupported_ = what;
		unsupported_loc_ = location;
	}
}

void Parser::SkipParens()
{
	int depth = 0;
	do
	{
		int t = Tok();
		if (t == TOK_EOF || t == TOK_ERROR)
			SyntaxError();
		if (t == '(')
			depth++;
		else if (t == ')')
			depth--;
		Advance();
	} while (depth > 0);
}

/* ----------------------------------------------------------------- names */

bool Parser::IsColIdTok(int t)
{
	if (t == IDENT)
		return true;
	if (!IsKeyword(t))
		return false;
	uint8 c = GetKeyword(t).category;
	return c == kUnreserved || c == kColName;
}

bool Parser::IsTypeFunctionNameTok(int t)
{
	if (t == IDENT)
		return true;
	if (!IsKeyword(t))
		return false;
	uint8 c = GetKeyword(t).category;
	return c == kUnreserved || c == kTypeFuncName;
}

bool Parser::IsNonReservedWordTok(int t)
{
	if (t == IDENT)
		return true;
	return IsKeyword(t) && GetKeyword(t).category != kReserved;
}

bool Parser::IsColLabelTok(int t)
{
	return t == IDENT || IsKeyword(t);
}

bool Parser::IsBareColLabelTok(int t)
{
	return t == IDENT || (IsKeyword(t) && GetKeyword(t).bare_label);
}

char *Parser::TokenText(const Token &t)
{
	if (t.type == IDENT)
		return const_cast<char *>(t.str);
	return pstrdup(GetKeyword(t.type).name);
}

char *Parser::ParseColId()
{
	if (!IsColIdTok(Tok()))
		SyntaxError();
	char *s = TokenText(Peek());
	Advance();
	return s;
}

char *Parser::ParseColLabel()
{
	if (!IsColLabelTok(Tok()))
		SyntaxError();
	char *s = TokenText(Peek());
	Advance();
	return s;
}

char *Parser::ParseTypeFunctionName()
{
	if (!IsTypeFunctionNameTok(Tok()))
		SyntaxError();
	char *s = TokenText(Peek());
	Advance();
	return s;
}

char *Parser::ParseNonReservedWord()
{
	if (!IsNonReservedWordTok(Tok()))
		SyntaxError();
	char *s = TokenText(Peek());
	Advance();
	return s;
}

char *Parser::ParseNonReservedWordOrSconst()
{
	if (Tok() == SCONST)
		return ParseSconst();
	return ParseNonReservedWord();
}

char *Parser::ParseSconst()
{
	if (Tok() != SCONST)
		SyntaxError();
	char *s = const_cast<char *>(Peek().str);
	Advance();
	return s;
}

int Parser::ParseIconst()
{
	if (Tok() != ICONST)
		SyntaxError();
	int v = Peek().ival;
	Advance();
	return v;
}

int Parser::ParseSignedIconst()
{
	if (Accept('+'))
		return ParseIconst();
	if (Accept('-'))
		return -ParseIconst();
	return ParseIconst();
}

/* attrs: ('.' attr_name)+ */
List *Parser::ParseAttrs()
{
	List *result = NIL;
	do
	{
		Expect('.');
		result = lappend(result, makeString(ParseColLabel()));
	} while (Tok() == '.');
	return result;
}

/* any_name: ColId | ColId attrs */
List *Parser::ParseAnyName()
{
	List *result = list_make1(makeString(ParseColId()));
	if (Tok() == '.')
		result = list_concat(result, ParseAttrs());
	return result;
}

List *Parser::ParseAnyNameList()
{
	List *result = list_make1(ParseAnyName());
	while (Accept(','))
		result = lappend(result, ParseAnyName());
	return result;
}

/* name_list */
List *Parser::ParseNameList()
{
	List *result = list_make1(makeString(ParseColId()));
	while (Accept(','))
		result = lappend(result, makeString(ParseColId()));
	return result;
}

/* opt_name_list: '(' name_list ')' | empty */
List *Parser::ParseOptNameList()
{
	if (!Accept('('))
		return NIL;
	List *result = ParseNameList();
	Expect(')');
	return result;
}

/* "improper qualified name (too many dotted names): a.b.c.d" */
static char *NameListToString(List *names)
{
	size_t len = 1;
	ListCell *lc;
	foreach (lc, names)
	{
		Node *n = static_cast<Node *>(lfirst(lc));
		len += (IsA(n, String) ? strlen(strVal(n)) : 1) + 1;
	}
	char *buf = static_cast<char *>(palloc(len));
	char *p = buf;
	foreach (lc, names)
	{
		if (foreach_current_index(lc) > 0)
			*p++ = '.';
		Node *n = static_cast<Node *>(lfirst(lc));
		if (IsA(n, String))
		{
			size_t l = strlen(strVal(n));
			memcpy(p, strVal(n), l);
			p += l;
		}
		else
			*p++ = '*';
	}
	*p = '\0';
	return buf;
}

/* qualified_name: ColId | ColId indirection (subscripts rejected). */
RangeVar *Parser::ParseQualifiedName()
{
	int loc = Loc();
	char *first = ParseColId();
	RangeVar *r = makeNode(RangeVar);
	r->inh = true;
	r->relpersistence = RELPERSISTENCE_PERMANENT;
	r->location = loc;
	if (Tok() != '.' && Tok() != '[')
	{
		r->relname = first;
		return r;
	}
	List *ind = ParseIndirection();
	ListCell *lc;
	foreach (lc, ind)
	{
		if (!IsA(lfirst(lc), String))
			SyntaxError();
	}
	switch (list_length(ind))
	{
		case 1:
			r->schemaname = first;
			r->relname = strVal(linitial(ind));
			break;
		case 2:
			r->catalogname = first;
			r->schemaname = strVal(linitial(ind));
			r->relname = strVal(lsecond(ind));
			break;
		default:
			ErrorAt(ERRCODE_SYNTAX_ERROR, loc,
					"improper qualified name (too many dotted names): %s",
					NameListToString(lcons(makeString(first), ind)));
	}
	return r;
}

List *Parser::ParseQualifiedNameList()
{
	List *result = list_make1(ParseQualifiedName());
	while (Accept(','))
		result = lappend(result, ParseQualifiedName());
	return result;
}

/* makeRangeVarFromAnyName */
RangeVar *Parser::MakeRangeVarFromAnyName(List *names, int location)
{
	RangeVar *r = makeNode(RangeVar);
	switch (list_length(names))
	{
		case 1:
			r->relname = strVal(linitial(names));
			break;
		case 2:
			r->schemaname = strVal(linitial(names));
			r->relname = strVal(lsecond(names));
			break;
		case 3:
			r->catalogname = strVal(linitial(names));
			r->schemaname = strVal(lsecond(names));
			r->relname = strVal(lthird(names));
			break;
		default:
			ErrorAt(ERRCODE_SYNTAX_ERROR, location,
					"improper qualified name (too many dotted names): %s", NameListToString(names));
	}
	r->inh = true;
	r->relpersistence = RELPERSISTENCE_PERMANENT;
	r->location = location;
	return r;
}

/* RoleSpec: NonReservedWord | CURRENT_ROLE | CURRENT_USER | SESSION_USER */
RoleSpec *Parser::ParseRoleSpec()
{
	int loc = Loc();
	RoleSpec *n = makeNode(RoleSpec);
	n->location = loc;
	switch (Tok())
	{
		case K_CURRENT_ROLE:
			Advance();
			n->roletype = ROLESPEC_CURRENT_ROLE;
			return n;
		case K_CURRENT_USER:
			Advance();
			n->roletype = ROLESPEC_CURRENT_USER;
			return n;
		case K_SESSION_USER:
			Advance();
			n->roletype = ROLESPEC_SESSION_USER;
			return n;
		default:
			break;
	}
	char *name = ParseNonReservedWord();
	if (strcmp(name, "public") == 0)
		n->roletype = ROLESPEC_PUBLIC;
	else if (strcmp(name, "none") == 0)
		ErrorAt(ERRCODE_RESERVED_NAME, loc, "role name \"%s\" is reserved", "none");
	else
	{
		n->roletype = ROLESPEC_CSTRING;
		n->rolename = name;
	}
	return n;
}

/* --------------------------------------------------------- node helpers */

Node *Parser::MakeAConst(Node *val, int location)
{
	A_Const *n = makeNode(A_Const);
	n->val = val;
	n->location = location;
	return reinterpret_cast<Node *>(n);
}

Node *Parser::MakeIntConst(int val, int location)
{
	return MakeAConst(reinterpret_cast<Node *>(makeInteger(val)), location);
}

Node *Parser::MakeStringConst(char *str, int location)
{
	return MakeAConst(reinterpret_cast<Node *>(makeString(str)), location);
}

Node *Parser::MakeFloatConst(char *str, int location)
{
	return MakeAConst(reinterpret_cast<Node *>(makeFloat(str)), location);
}

Node *Parser::MakeBoolAConst(bool val, int location)
{
	return MakeAConst(reinterpret_cast<Node *>(makeBoolean(val)), location);
}

Node *Parser::MakeNullAConst(int location)
{
	A_Const *n = makeNode(A_Const);
	n->isnull = true;
	n->location = location;
	return reinterpret_cast<Node *>(n);
}

Node *Parser::MakeTypeCast(Node *arg, TypeName *tn, int location)
{
	TypeCast *n = makeNode(TypeCast);
	n->arg = arg;
	n->typeName = tn;
	n->location = location;
	return reinterpret_cast<Node *>(n);
}

A_Expr *Parser::MakeAExpr(A_Expr_Kind kind, List *name, Node *l, Node *r, int location)
{
	A_Expr *a = makeNode(A_Expr);
	a->kind = kind;
	a->name = name;
	a->lexpr = l;
	a->rexpr = r;
	a->location = location;
	return a;
}

A_Expr *Parser::MakeSimpleAExpr(A_Expr_Kind kind, const char *name, Node *l, Node *r, int location)
{
	return MakeAExpr(kind, list_make1(makeString(pstrdup(name))), l, r, location);
}

FuncCall *Parser::MakeFuncCall(List *name, List *args, CoercionForm form, int location)
{
	FuncCall *n = makeNode(FuncCall);
	n->funcname = name;
	n->args = args;
	n->funcformat = form;
	n->location = location;
	return n;
}

/* a AND b AND c is one BoolExpr, flattened as it is built. */
Node *Parser::MakeAndExpr(Node *l, Node *r, int location)
{
	if (IsA(l, BoolExpr) && reinterpret_cast<BoolExpr *>(l)->boolop == AND_EXPR)
	{
		BoolExpr *b = reinterpret_cast<BoolExpr *>(l);
		b->args = lappend(b->args, r);
		return l;
	}
	BoolExpr *b = makeNode(BoolExpr);
	b->boolop = AND_EXPR;
	b->args = list_make2(l, r);
	b->location = location;
	return reinterpret_cast<Node *>(b);
}

Node *Parser::MakeOrExpr(Node *l, Node *r, int location)
{
	if (IsA(l, BoolExpr) && reinterpret_cast<BoolExpr *>(l)->boolop == OR_EXPR)
	{
		BoolExpr *b = reinterpret_cast<BoolExpr *>(l);
		b->args = lappend(b->args, r);
		return l;
	}
	BoolExpr *b = makeNode(BoolExpr);
	b->boolop = OR_EXPR;
	b->args = list_make2(l, r);
	b->location = location;
	return reinterpret_cast<Node *>(b);
}

Node *Parser::MakeNotExpr(Node *e, int location)
{
	BoolExpr *b = makeNode(BoolExpr);
	b->boolop = NOT_EXPR;
	b->args = list_make1(e);
	b->location = location;
	return reinterpret_cast<Node *>(b);
}

/* -x: a numeric constant absorbs the sign (keeping "-1.5" as text), at
 * the location of the '-'. */
Node *Parser::DoNegate(Node *n, int location)
{
	if (IsA(n, A_Const))
	{
		A_Const *c = reinterpret_cast<A_Const *>(n);
		c->location = location;
		if (c->val != nullptr && IsA(c->val, Integer))
		{
			Integer *i = reinterpret_cast<Integer *>(c->val);
			i->ival = -i->ival;
			return n;
		}
		if (c->val != nullptr && IsA(c->val, Float))
		{
			Float *f = reinterpret_cast<Float *>(c->val);
			char *s = f->fval;
			if (*s == '+')
				s++;
			if (*s == '-')
				f->fval = s + 1;
			else
				f->fval = psprintf("-%s", s);
			return n;
		}
	}
	return reinterpret_cast<Node *>(MakeSimpleAExpr(AEXPR_OP, "-", nullptr, n, location));
}

DefElem *Parser::MakeDefElem(const char *name, Node *arg, int location)
{
	DefElem *d = makeNode(DefElem);
	d->defname = const_cast<char *>(name);
	d->arg = arg;
	d->defaction = DEFELEM_UNSPEC;
	d->location = location;
	return d;
}

List *Parser::SystemFuncName(const char *name)
{
	return list_make2(makeString(pstrdup("pg_catalog")), makeString(pstrdup(name)));
}

TypeName *Parser::MakeTypeNameFromNameList(List *names)
{
	TypeName *n = makeNode(TypeName);
	n->names = names;
	n->typemod = -1;
	n->location = -1;
	return n;
}

TypeName *Parser::SystemTypeName(const char *name)
{
	return MakeTypeNameFromNameList(SystemFuncName(name));
}

static int LeftmostLoc(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return Min(a, b);
}

/* exprLocation for raw trees: where an error about the node should point. */
int Parser::RawExprLocation(const Node *n)
{
	if (n == nullptr)
		return -1;
	switch (nodeTag(n))
	{
		case T_List:
		{
			const List *l = reinterpret_cast<const List *>(n);
			for (int i = 0; i < l->length; i++)
			{
				int loc = RawExprLocation(static_cast<const Node *>(l->elements[i].ptr_value));
				if (loc >= 0)
					return loc;
			}
			return -1;
		}
		case T_A_Expr:
		{
			auto *a = reinterpret_cast<const A_Expr *>(n);
			return LeftmostLoc(a->location, RawExprLocation(a->lexpr));
		}
		case T_ColumnRef:
			return reinterpret_cast<const ColumnRef *>(n)->location;
		case T_ParamRef:
			return reinterpret_cast<const ParamRef *>(n)->location;
		case T_A_Const:
			return reinterpret_cast<const A_Const *>(n)->location;
		case T_FuncCall:
		{
			auto *f = reinterpret_cast<const FuncCall *>(n);
			return LeftmostLoc(f->location, RawExprLocation(reinterpret_cast<Node *>(f->args)));
		}
		case T_A_ArrayExpr:
			return reinterpret_cast<const A_ArrayExpr *>(n)->location;
		case T_ResTarget:
			return reinterpret_cast<const ResTarget *>(n)->location;
		case T_TypeCast:
		{
			auto *tc = reinterpret_cast<const TypeCast *>(n);
			int loc = RawExprLocation(tc->arg);
			loc = LeftmostLoc(loc, tc->typeName->location);
			return LeftmostLoc(loc, tc->location);
		}
		case T_CollateClause:
			return RawExprLocation(reinterpret_cast<const CollateClause *>(n)->arg);
		case T_SortBy:
			return RawExprLocation(reinterpret_cast<const SortBy *>(n)->node);
		case T_WindowDef:
			return reinterpret_cast<const WindowDef *>(n)->location;
		case T_TypeName:
			return reinterpret_cast<const TypeName *>(n)->location;
		case T_GroupingSet:
			return reinterpret_cast<const GroupingSet *>(n)->location;
		case T_WithClause:
			return reinterpret_cast<const WithClause *>(n)->location;
		case T_BoolExpr:
		{
			auto *b = reinterpret_cast<const BoolExpr *>(n);
			return LeftmostLoc(b->location, RawExprLocation(reinterpret_cast<Node *>(b->args)));
		}
		case T_SubLink:
		{
			auto *s = reinterpret_cast<const SubLink *>(n);
			return LeftmostLoc(RawExprLocation(s->testexpr), s->location);
		}
		case T_NullTest:
		{
			auto *t = reinterpret_cast<const NullTest *>(n);
			return LeftmostLoc(t->location, RawExprLocation(reinterpret_cast<Node *>(t->arg)));
		}
		case T_BooleanTest:
		{
			auto *t = reinterpret_cast<const BooleanTest *>(n);
			return LeftmostLoc(t->location, RawExprLocation(reinterpret_cast<Node *>(t->arg)));
		}
		case T_CaseExpr:
			return reinterpret_cast<const CaseExpr *>(n)->location;
		case T_RowExpr:
			return reinterpret_cast<const RowExpr *>(n)->location;
		case T_CoalesceExpr:
			return reinterpret_cast<const CoalesceExpr *>(n)->location;
		case T_MinMaxExpr:
			return reinterpret_cast<const MinMaxExpr *>(n)->location;
		case T_SQLValueFunction:
			return reinterpret_cast<const SQLValueFunction *>(n)->location;
		case T_SetToDefault:
			return reinterpret_cast<const SetToDefault *>(n)->location;
		case T_GroupingFunc:
			return reinterpret_cast<const GroupingFunc *>(n)->location;
		case T_NamedArgExpr:
		{
			auto *na = reinterpret_cast<const NamedArgExpr *>(n);
			return LeftmostLoc(na->location, RawExprLocation(reinterpret_cast<Node *>(na->arg)));
		}
		case T_MultiAssignRef:
			return RawExprLocation(reinterpret_cast<const MultiAssignRef *>(n)->source);
		case T_CommonTableExpr:
			return reinterpret_cast<const CommonTableExpr *>(n)->location;
		case T_ColumnDef:
			return reinterpret_cast<const ColumnDef *>(n)->location;
		case T_Constraint:
			return reinterpret_cast<const Constraint *>(n)->location;
		default:
			return -1;
	}
}

/* ------------------------------------------------------- the statements */

/*
 * stmtmulti: statements separated by ';'.  Each statement's RawStmt starts
 * just after the previous ';' (0 for the first) and its length runs to its
 * own ';' (0, "to the end", for the last); empty statements are dropped.
 */
List *Parser::ParseStatements()
{
	List *result = NIL;
	int stmt_start = 0;
	for (;;)
	{
		if (Tok() != ';' && Tok() != TOK_EOF)
		{
			Node *stmt = ParseStmt();
			if (stmt != nullptr)
			{
				RawStmt *rs = makeNode(RawStmt);
				rs->stmt = stmt;
				rs->stmt_location = stmt_start;
				rs->stmt_len = 0;
				result = lappend(result, rs);
			}
		}
		if (Tok() == TOK_EOF)
			break;
		if (Tok() != ';')
			SyntaxError();
		int semi = Loc();
		Advance();
		if (result != NIL)
		{
			RawStmt *last = static_cast<RawStmt *>(llast(result));
			if (last->stmt_len <= 0)
				last->stmt_len = semi - last->stmt_location;
		}
		stmt_start = semi + 1;
	}
	if (unsupported_ != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s is not supported yet", unsupported_),
				unsupported_loc_ >= 0 ? errposition(CharPos(unsupported_loc_)) : 0);
	return result;
}

/*
 * Skip an unsupported statement to its end (the next ';' outside
 * parentheses and outside BEGIN ATOMIC … END bodies), remembering it.
 */
Node *Parser::SkipUnsupportedStmt(const char *what)
{
	Unsupported(what, Loc());
	/* Every one of these statements has more to it than its first word
	 * (CLUSTER alone reclusters all tables). */
	Advance();
	if ((Tok() == ';' || Tok() == TOK_EOF) && strcmp(what, "CLUSTER") != 0)
		SyntaxError();
	int parens = 0;
	int blocks = 0;
	for (;;)
	{
		int t = Tok();
		if (t == TOK_ERROR)
			SyntaxError();
		if (t == TOK_EOF)
			break;
		if (t == ';' && parens == 0 && blocks == 0)
			break;
		if (t == '(')
			parens++;
		else if (t == ')')
		{
			if (parens == 0)
				SyntaxError();
			parens--;
		}
		else if ((t == K_BEGIN && Tok(1) == K_ATOMIC) || (t == K_CASE && blocks > 0))
			blocks++;
		else if (t == K_END && blocks > 0)
			blocks--;
		Advance();
	}
	return nullptr;
}

/* PreparableStmt: SelectStmt | InsertStmt | UpdateStmt | DeleteStmt
 * (MergeStmt is not supported). */
Node *Parser::ParsePreparableStmt()
{
	WithClause *with = nullptr;
	if (Tok() == K_WITH || Tok() == WITH_LA)
	{
		with = ParseWithClause();
		switch (Tok())
		{
			case K_INSERT:
				return ParseInsertStmt(with);
			case K_UPDATE:
				return ParseUpdateStmt(with);
			case K_DELETE:
				return ParseDeleteStmt(with);
			case K_MERGE:
				return SkipUnsupportedStmt("MERGE");
			default:
				return ParseSelectAfterWith(with);
		}
	}
	switch (Tok())
	{
		case K_INSERT:
			return ParseInsertStmt(nullptr);
		case K_UPDATE:
			return ParseUpdateStmt(nullptr);
		case K_DELETE:
			return ParseDeleteStmt(nullptr);
		case K_MERGE:
			return SkipUnsupportedStmt("MERGE");
		default:
			return ParseSelectStmt();
	}
}

/* Names for unsupported statements, from their leading keywords. */
static const char *UnsupportedCreateName(int t1, int t2)
{
	switch (t1)
	{
		case K_FUNCTION:
			return "CREATE FUNCTION";
		case K_PROCEDURE:
			return "CREATE PROCEDURE";
		case K_TRIGGER:
			return "CREATE TRIGGER";
		case K_CONSTRAINT:
			return "CREATE CONSTRAINT TRIGGER";
		case K_TYPE:
			return "CREATE TYPE";
		case K_DOMAIN:
			return "CREATE DOMAIN";
		case K_ROLE:
			return "CREATE ROLE";
		case K_USER:
			return t2 == K_MAPPING ? "CREATE USER MAPPING" : "CREATE USER";
		case K_GROUP:
			return "CREATE GROUP";
		case K_AGGREGATE:
			return "CREATE AGGREGATE";
		case K_OPERATOR:
			return "CREATE OPERATOR";
		case K_CAST:
			return "CREATE CAST";
		case K_COLLATION:
			return "CREATE COLLATION";
		case K_CONVERSION:
		case K_DEFAULT: /* CREATE DEFAULT CONVERSION */
			return "CREATE CONVERSION";
		case K_RULE:
			return "CREATE RULE";
		case K_POLICY:
			return "CREATE POLICY";
		case K_PUBLICATION:
			return "CREATE PUBLICATION";
		case K_SUBSCRIPTION:
			return "CREATE SUBSCRIPTION";
		case K_TABLESPACE:
			return "CREATE TABLESPACE";
		case K_LANGUAGE:
			return "CREATE LANGUAGE";
		case K_MATERIALIZED:
			return "CREATE MATERIALIZED VIEW";
		case K_FOREIGN:
			return t2 == K_TABLE ? "CREATE FOREIGN TABLE" : "CREATE FOREIGN DATA WRAPPER";
		case K_SERVER:
			return "CREATE SERVER";
		case K_STATISTICS:
			return "CREATE STATISTICS";
		case K_ACCESS:
			return "CREATE ACCESS METHOD";
		case K_EVENT:
			return "CREATE EVENT TRIGGER";
		case K_TRANSFORM:
			return "CREATE TRANSFORM";
		case K_TEXT:
			return "CREATE TEXT SEARCH";
		default:
			return nullptr;
	}
}

/*
 * stmt: dispatch on the leading keyword.  Returns NULL for an unsupported
 * statement (skipped and remembered).
 */
Node *Parser::ParseStmt()
{
	CHECK_STACK_DEPTH();
	switch (Tok())
	{
		case K_SELECT:
		case K_VALUES:
		case K_TABLE:
		case '(':
		case K_WITH:
		case WITH_LA:
		case K_INSERT:
		case K_UPDATE:
		case K_DELETE:
		case K_MERGE:
			return ParsePreparableStmt();
		case K_CREATE:
			return ParseCreate();
		case K_ALTER:
			return ParseAlter();
		case K_DROP:
			return ParseDrop();
		case K_TRUNCATE:
			return ParseTruncate();
		case K_COMMENT:
			return ParseComment();
		case K_BEGIN:
		case K_START:
		case K_COMMIT:
		case K_END:
		case K_ROLLBACK:
		case K_ABORT:
		case K_SAVEPOINT:
		case K_RELEASE:
			return ParseTransaction();
		case K_PREPARE:
			if (Tok(1) == K_TRANSACTION)
				return SkipUnsupportedStmt("PREPARE TRANSACTION");
			return ParsePrepare();
		case K_SET:
			return ParseSet();
		case K_RESET:
			return ParseReset();
		case K_SHOW:
			return ParseShow();
		case K_EXPLAIN:
			return ParseExplain();
		case K_EXECUTE:
			return ParseExecute();
		case K_DEALLOCATE:
			return ParseDeallocate();
		case K_COPY:
			return ParseCopy();
		case K_VACUUM:
			return ParseVacuum();
		case K_ANALYZE:
		case K_ANALYSE:
			return ParseAnalyze();
		case K_LOCK:
			return ParseLock();
		case K_DISCARD:
			return ParseDiscard();
		case K_CHECKPOINT:
		{
			Advance();
			return reinterpret_cast<Node *>(makeNode(CheckPointStmt));
		}
		case K_DECLARE:
			return ParseDeclareCursor();
		case K_FETCH:
			return ParseFetch(false);
		case K_MOVE:
			return ParseFetch(true);
		case K_CLOSE:
			return ParseClose();
		case K_GRANT:
			return ParseGrantRevoke(true);
		case K_REVOKE:
			return ParseGrantRevoke(false);
		case K_CALL:
			return SkipUnsupportedStmt("CALL");
		case K_DO:
			return SkipUnsupportedStmt("DO");
		case K_LISTEN:
			return SkipUnsupportedStmt("LISTEN");
		case K_NOTIFY:
			return SkipUnsupportedStmt("NOTIFY");
		case K_UNLISTEN:
			return SkipUnsupportedStmt("UNLISTEN");
		case K_LOAD:
			return SkipUnsupportedStmt("LOAD");
		case K_CLUSTER:
			return SkipUnsupportedStmt("CLUSTER");
		case K_REINDEX:
			return SkipUnsupportedStmt("REINDEX");
		case K_REFRESH:
			return SkipUnsupportedStmt("REFRESH MATERIALIZED VIEW");
		case K_REASSIGN:
			return ParseReassignOwned();
		case K_SECURITY:
			return SkipUnsupportedStmt("SECURITY LABEL");
		case K_IMPORT:
			return SkipUnsupportedStmt("IMPORT FOREIGN SCHEMA");
		default:
			SyntaxError();
	}
}

/* CREATE …: dispatch on what follows (and on OR REPLACE, TEMP …). */
Node *Parser::ParseCreate()
{
	int loc = Expect(K_CREATE);
	bool replace = false;
	if (Accept(K_OR))
	{
		Expect(K_REPLACE);
		replace = true;
	}
	char persistence = RELPERSISTENCE_PERMANENT;
	int persistence_tok = Tok();
	switch (persistence_tok)
	{
		case K_TEMP:
		case K_TEMPORARY:
			Advance();
			persistence = RELPERSISTENCE_TEMP;
			break;
		case K_LOCAL:
		case K_GLOBAL:
		{
			int gloc = Loc();
			Advance();
			if (!Accept(K_TEMP))
				Expect(K_TEMPORARY);
			if (persistence_tok == K_GLOBAL)
				ereport(WARNING, errmsg("GLOBAL is deprecated in temporary table creation"),
						errposition(CharPos(gloc)));
			persistence = RELPERSISTENCE_TEMP;
			break;
		}
		case K_UNLOGGED:
			Advance();
			persistence = RELPERSISTENCE_UNLOGGED;
			break;
		default:
			break;
	}
	bool persistence_given = persistence != RELPERSISTENCE_PERMANENT;

	switch (Tok())
	{
		case K_TABLE:
			if (replace)
				SyntaxError();
			return ParseCreateTable(persistence, true);
		case K_VIEW:
		case K_RECURSIVE:
			return ParseCreateView(replace, persistence);
		case K_SEQUENCE:
			if (replace)
				SyntaxError();
			return ParseCreateSeq(persistence);
		case K_UNIQUE:
		case K_INDEX:
			if (replace || persistence_given)
				SyntaxError();
			return ParseCreateIndex(loc, Accept(K_UNIQUE));
		case K_SCHEMA:
			if (replace || persistence_given)
				SyntaxError();
			return ParseCreateSchema();
		case K_FUNCTION:
			if (persistence_given)
				SyntaxError();
			return ParseCreateFunction(replace);
		case K_DATABASE:
			if (replace || persistence_given)
				SyntaxError();
			return ParseCreatedb();
		case K_EXTENSION:
			if (replace || persistence_given)
				SyntaxError();
			return ParseCreateExtension();
		case K_TYPE:
			if (replace || persistence_given)
				SyntaxError();
			return ParseCreateType();
		case K_ROLE:
		case K_GROUP:
			if (replace || persistence_given)
				SyntaxError();
			return ParseCreateRole();
		case K_USER:
			if (replace || persistence_given)
				SyntaxError();
			if (Tok(1) != K_MAPPING)
				return ParseCreateRole();
			break;
		case K_ASSERTION:
		{
			/* CREATE ASSERTION name CHECK (a_expr) attributes: PostgreSQL
			 * reads it and then reports it as not implemented */
			if (replace || persistence_given)
				SyntaxError();
			Advance();
			ParseAnyName();
			Expect(K_CHECK);
			Expect('(');
			ParseAExpr();
			Expect(')');
			ParseConstraintAttributeSpec();
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("CREATE ASSERTION is not yet implemented"));
			return nullptr;
		}
		default:
			break;
	}
	/* the unsupported CREATE statements that take OR REPLACE or a persistence */
	switch (Tok())
	{
		case K_FUNCTION:
		case K_PROCEDURE:
		case K_TRIGGER:
		case K_CONSTRAINT:
		case K_LANGUAGE:
		case K_TRUSTED:
		case K_PROCEDURAL:
		case K_RULE:
		case K_TRANSFORM:
		case K_AGGREGATE:
			if (persistence_given)
				SyntaxError();
			break;
		case K_MATERIALIZED:
			if (replace || (persistence_given && persistence_tok != K_UNLOGGED))
				SyntaxError();
			break;
		default:
			if (replace || persistence_given)
				SyntaxError();
			break;
	}
	if (Tok() == K_TRUSTED || Tok() == K_PROCEDURAL)
	{
		/* [TRUSTED] [PROCEDURAL] LANGUAGE */
		Accept(K_TRUSTED);
		Accept(K_PROCEDURAL);
		if (Tok() != K_LANGUAGE)
			SyntaxError();
		return SkipUnsupportedStmt("CREATE LANGUAGE");
	}
	const char *what = UnsupportedCreateName(Tok(), Tok(1));
	if (what == nullptr)
		SyntaxError();
	return SkipUnsupportedStmt(what);
}

}  // namespace tusk::parser

/* ---------------------------------------------------------- entry point */

List *raw_parser(const char *str)
{
	tusk::parser::Parser parser(str);
	return parser.ParseStatements();
}
