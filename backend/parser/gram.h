/*
 * backend/parser/gram.h — the recursive-descent parser's class, shared by
 * the files that implement it:
 *
 *   gram.cpp          token access, errors, names, node helpers, the
 *                     statement list and the statement dispatch
 *   gram_expr.cpp     expressions (precedence climbing), constants, type
 *                     names, function calls
 *   gram_select.cpp   SELECT, VALUES, WITH, FROM, INSERT, UPDATE, DELETE
 *   gram_utility.cpp  DDL and utility statements
 *   gram_owner.cpp    ALTER … OWNER TO, DROP OWNED, REASSIGN OWNED
 *
 * Each Parse* method corresponds to a nonterminal of PostgreSQL's gram.y
 * (named in its comment) and builds the same raw tree.  A method is called
 * with the current token at the start of its construct and returns with the
 * current token just after it; on a token that cannot continue any valid
 * statement it raises PostgreSQL's syntax error at that token.  Deciding
 * between alternatives takes at most a few tokens of lookahead (Peek(k));
 * where bison decides late (parenthesized sub-selects versus expressions),
 * ParseParenthesized keeps both readings open until one is impossible.
 *
 * Principal entry point: Parser::ParseStatements (called by raw_parser).
 */
#ifndef TUSK_BACKEND_PARSER_GRAM_H
#define TUSK_BACKEND_PARSER_GRAM_H

#include "nodes/parsenodes.h"
#include "scan.h"

namespace tusk::parser {

/* Operator precedence, lowest first (gram.y's %left/%right/%nonassoc). */
enum Prec : int
{
	kPrecNone = 0,
	kPrecOr,
	kPrecAnd,
	kPrecNot,
	kPrecIs,   /* IS, ISNULL, NOTNULL */
	kPrecCmp,  /* < > = <= >= <> */
	kPrecLike, /* BETWEEN IN LIKE ILIKE SIMILAR NOT_LA */
	kPrecEscape,
	kPrecOp, /* other operators, OPERATOR(…) */
	kPrecAdd,
	kPrecMul,
	kPrecExp,
	kPrecAt,
	kPrecCollate,
	kPrecUminus,
	kPrecTypecast
};

/* ParseExpr flags */
constexpr int kExprTargetTop = 1;
constexpr int kExprSubstringTop = 2;

/* What a parenthesized construct turned out to be. */
struct ParenResult
{
	enum Kind
	{
		kSelect, /* a select_with_parens: node is the SelectStmt */
		kExpr,	 /* ( a_expr ): node is the expression */
		kList	 /* ( a_expr, a_expr, … ): list */
	} kind;
	Node *node;
	List *list;
	int location; /* of the outer '(' */
};

/* LIMIT/OFFSET/FETCH as parsed, before insertion into the SelectStmt. */
struct SelectLimit
{
	Node *limitOffset = nullptr;
	Node *limitCount = nullptr;
	LimitOption limitOption = LIMIT_OPTION_DEFAULT;
	int location = -1;
};

class Parser
{
  public:
	explicit Parser(const char *source);
	Parser(const Parser &) = delete;
	Parser &operator=(const Parser &) = delete;

	/* The whole string: a List of RawStmt. */
	List *ParseStatements();

	/* The first construct met that Tusk does not support yet (NULL if
	 * none), also after ParseStatements has thrown. */
	const char *unsupported() const { return unsupported_; }

  private:
	/* ---- tokens (gram.cpp) ---- */
	/* the token k ahead; scanned on first use (ScanTo) */
	const Token &Peek(int k = 0)
	{
		int want = pos_ + k;
		if (want >= ntoks_) [[unlikely]]
			ScanTo(want);
		return toks_[want];
	}
	void ScanTo(int index);
	int Tok(int k = 0) { return Peek(k).type; }
	int Loc(int k = 0) { return Peek(k).loc; }
	void Advance() { pos_++; }
	bool Accept(int type)
	{
		if (Tok() != type)
			return false;
		Advance();
		return true;
	}
	int Expect(int type); /* returns the token's location */
	[[noreturn]] void SyntaxError();
	[[noreturn]] void SyntaxErrorAtToken(int index);
	[[noreturn]] void ErrorAt(int sqlerrcode, int location, const char *fmt, ...)
		pg_attribute_printf(4, 5);
	int CharPos(int location) const;
	/* Remember the first construct Tusk does not support (reported as 0A000
	 * once the rest of the string has parsed). */
	void Unsupported(const char *what, int location);
	/* Skip a balanced parenthesized group (for unsupported syntax). */
	void SkipParens();

	/* ---- names (gram.cpp) ---- */
	static bool IsColIdTok(int t);
	static bool IsTypeFunctionNameTok(int t);
	static bool IsNonReservedWordTok(int t);
	static bool IsColLabelTok(int t);
	static bool IsBareColLabelTok(int t);
	char *TokenText(const Token &t); /* an IDENT's name, a keyword's word */
	char *ParseColId();
	char *ParseColLabel();
	char *ParseTypeFunctionName();
	char *ParseNonReservedWord();
	char *ParseNonReservedWordOrSconst();
	char *ParseSconst();
	int ParseIconst();
	int ParseSignedIconst();
	List *ParseAttrs();	  /* ('.' attr_name)+ */
	List *ParseAnyName(); /* ColId attrs? */
	List *ParseAnyNameList();
	List *ParseNameList();	  /* name (',' name)* as String nodes */
	List *ParseOptNameList(); /* '(' name_list ')' | empty */
	RangeVar *ParseQualifiedName();
	List *ParseQualifiedNameList();
	RangeVar *MakeRangeVarFromAnyName(List *names, int location);
	RoleSpec *ParseRoleSpec();
	List *ParseFuncNameFromColId(char *first, int location); /* ColId indirection */

	/* ---- statements (gram.cpp, gram_select.cpp, gram_utility.cpp) ---- */
	Node *ParseStmt();
	Node *ParsePreparableStmt(); /* SELECT, INSERT, UPDATE, DELETE */
	Node *SkipUnsupportedStmt(const char *what);

	/* ---- expressions (gram_expr.cpp) ---- */
	Node *ParseAExpr(int min_prec = kPrecNone);
	Node *ParseBExpr(int min_prec = kPrecNone);
	/* flags: kExprTargetTop (a target-list entry: a bare-label keyword before
	 * what can only follow a target is its label), kExprSubstringTop
	 * (SUBSTRING's first argument: SIMILAR without TO ends it) */
	Node *ParseExpr(bool bexpr, int min_prec, int flags = 0);
	Node *ParseExprTail(Node *left, bool bexpr, int min_prec, int flags = 0);
	static int InfixPrec(int t);
	Node *ParseCExpr();
	Node *ParseColumnRefOrFunc();
	Node *ParseFuncApplication(List *funcname, int location, bool windowless);
	Node *ParseFuncTail(FuncCall *fc);
	Node *ParseSpecialFunction(bool *handled);
	static bool IsSpecialFunctionTok(int t); /* col_name keywords with function syntax */
	Node *ParseIndirectionTail(Node *arg);
	List *ParseOptIndirection();
	List *ParseIndirection();
	Node *MakeColumnRef(char *colname, List *indirection, int location);
	ParenResult ParseParenthesized(bool allow_list);
	Node *ParenToExpr(const ParenResult &r);
	Node *ParseRowTail(List *args, int location, CoercionForm form);
	Node *ParseSubqueryOp(Node *left, List *opname, int location);
	Node *ParseInExpr(Node *left, bool negated, int location);
	Node *ParseBetween(Node *left, bool negated, int location);
	Node *ParseLike(Node *left, int kind, const char *opname, int location);
	Node *ParseIsTail(Node *left, bool bexpr, int location);
	List *ParseQualOp();		 /* Op | OPERATOR '(' any_operator ')' */
	List *ParseAnyOperator();	 /* [schema '.']* op */
	List *ParseSubqueryOpName(); /* subquery_Op */
	List *ParseExprList();
	List *ParseFuncArgList(bool *variadic, bool allow_variadic);
	Node *ParseFuncArgExpr();
	Node *ParseCaseExpr();
	Node *ParseArrayExpr(int location);
	Node *ParseAexprConst(); /* constants, including typed literals */
	bool AtConstTypename();	 /* a type keyword that begins a typed literal */
	Node *ParseTypedLiteral();
	Node *MakeStringConstCast(char *str, int location, TypeName *tn);
	WindowDef *ParseWindowSpecification();
	WindowDef *ParseOverClause();
	List *ParseSortClause(); /* ORDER BY sortby_list */
	Node *ParseSortBy();
	List *ParseTargetList();
	ResTarget *ParseTargetEl();

	/* ---- type names (gram_expr.cpp) ---- */
	TypeName *ParseTypename();
	TypeName *ParseSimpleTypename();
	TypeName *ParseConstTypename(); /* the type of a typed literal */
	TypeName *ParseNumericType();
	TypeName *ParseBitType(bool is_const);
	TypeName *ParseCharacterType(bool is_const);
	TypeName *ParseDatetimeType();
	List *ParseOptInterval();
	List *ParseIntervalSecond(int location);
	List *ParseArrayBounds();
	List *ParseTypeList();
	bool IsSimpleTypenameStart(int k = 0);

	/* ---- SELECT and DML (gram_select.cpp) ---- */
	Node *ParseSelectStmt(); /* SelectStmt: with or without parens */
	Node *ParseSelectWithParens();
	Node *ParseSelectNoParens();
	Node *ParseSelectAfterWith(WithClause *with);
	Node *ParseSelectTail(Node *first, WithClause *with);
	Node *ParseSetOps(Node *left, int min_prec);
	Node *ParseSelectClause();
	Node *ParseSimpleSelect();
	Node *ParseValuesClause();
	bool StartsSelect(int k = 0);
	bool IsSelectTailTok(int t);
	WithClause *ParseWithClause();
	Node *ParseCommonTableExpr();
	IntoClause *ParseIntoClause();
	RangeVar *ParseOptTempTableName();
	List *ParseDistinctClause();
	List *ParseFromList();
	Node *ParseTableRef();
	Node *ParseTableRefPrimary();
	Node *ParseJoinTail(Node *left);
	Node *ParseParenTableRef();
	Node *FinishSubselectRef(Node *subquery, bool lateral, int location, bool nested);
	Node *ParseFuncTable(bool lateral);
	Node *ParseFuncExprWindowless();
	Alias *ParseOptAliasClause(bool allow_colnames = true);
	List *ParseFuncAliasClause();
	List *ParseTableFuncElementList();
	RangeVar *ParseRelationExpr();
	List *ParseRelationExprList();
	RangeVar *ParseRelationExprOptAlias(bool is_update);
	Node *ParseWhereClause();
	Node *ParseWhereOrCurrentClause();
	List *ParseGroupClause(bool *distinct);
	Node *ParseGroupByItem();
	List *ParseWindowClause();
	SelectLimit ParseSelectLimit();
	bool ParseLimitClause(SelectLimit *limit);
	bool ParseOffsetClause(SelectLimit *limit);
	Node *ParseSelectFetchFirstValue();
	List *ParseForLockingClause();
	void InsertSelectOptions(SelectStmt *stmt, List *sortClause, List *lockingClause,
							 SelectLimit *limit, WithClause *withClause);
	Node *ParseInsertStmt(WithClause *with);
	Node *ParseUpdateStmt(WithClause *with);
	Node *ParseDeleteStmt(WithClause *with);
	List *ParseSetClauseList();
	ResTarget *ParseSetTarget();
	List *ParseReturningClause();
	OnConflictClause *ParseOnConflict();
	List *ParseIndexParams();
	IndexElem *ParseIndexElem();

	/* ---- DDL and utility statements (gram_utility.cpp) ---- */
	Node *ParseCreate();
	Node *ParseCreateTable(char relpersistence, bool allow_as);
	Node *ParseCreateTableAs(RangeVar *rel, bool if_not_exists, int relkind_loc);
	Node *ParseTableElement();
	Node *ParseColumnDef();
	List *ParseColQualList(CollateClause **coll);
	Node *ParseColConstraint();
	Node *ParseTableConstraint();
	Constraint *ParseConstraintElem(int location, char *name);
	int ParseConstraintAttributeSpec();
	void ParseKeyActions(Constraint *c);
	char ParseKeyAction(List **cols);
	List *ParseOptDefinition(); /* WITH (…) reloptions */
	List *ParseRelOptions();
	void ParseTableStorageTail(List **options, OnCommitAction *oncommit, char **tablespace);
	DefElem *ParseRelOptionElem();
	Node *ParseDefArg();
	List *ParseSeqOptList();
	List *ParseOptSeqOptList();
	DefElem *ParseSeqOptElem();
	Node *ParseNumericOnly();
	Node *ParseCreateIndex(int location, bool unique);
	Node *ParseCreateSeq(char relpersistence);
	Node *ParseCreateView(bool replace, char relpersistence);
	Node *ParseCreateSchema();
	Node *ParseCreateFunction(bool replace);
	List *ParseFuncArgsWithDefaults();
	FunctionParameter *ParseFuncArg(bool with_default);
	DefElem *ParseCreateFuncOption();
	Node *ParseRoutineBody();
	ObjectWithArgs *ParseFunctionWithArgTypes();
	Node *ParseCreatedb();
	Node *ParseCreateExtension();
	Node *ParseAlterExtension();
	Node *ParseCreateType();
	Node *ParseAlterType();
	Node *ParseAlter();
	Node *ParseAlterTable(ObjectType objtype);
	Node *ParseAlterTableCmd();
	Node *ParseAlterColumnType(AlterTableCmd *n, int location);
	List *ParseIdentityOptions();
	Node *ParseAlterSeq();
	Node *ParseRename(ObjectType objtype, RangeVar *rel, bool missing_ok);
	Node *ParseSetSchema(ObjectType objtype, RangeVar *rel, bool missing_ok);
	Node *ParseDrop();
	Node *ParseTruncate();
	Node *ParseComment();
	Node *ParseTransaction();
	List *ParseTransactionModeList();
	Node *ParseSet();
	Node *ParseSetRest(VariableSetStmt *n);
	List *ParseVarList();
	Node *ParseVarValue();
	char *ParseVarName();
	Node *ParseReset();
	Node *ParseShow();
	Node *ParseExplain();
	Node *ParseExplainableStmt();
	List *ParseUtilityOptionList();
	Node *ParsePrepare();
	Node *ParseExecute();
	Node *ParseDeallocate();
	Node *ParseCopy();
	Node *ParseVacuum();
	Node *ParseAnalyze();
	List *ParseVacuumRelationList();
	Node *ParseLock();
	Node *ParseDiscard();
	Node *ParseDropdb();
	/* ---- roles (gram_role.cpp) ---- */
	char *ParseRoleId();
	List *ParseRoleList();
	bool StartsRoleOption(bool create);
	DefElem *ParseRoleOption(bool create);
	List *ParseRoleOptions(bool create);
	Node *ParseCreateRole();
	Node *ParseRoleSetClause(RoleSpec *role, char *database);
	Node *ParseAlterRole();
	Node *ParseDropRole();
	Node *ParseGrantRevoke(bool is_grant);
	Node *ParseDeclareCursor();
	Node *ParseFetch(bool ismove);
	Node *ParseClose();
	Node *ParseCreateAsTarget(IntoClause **into);
	/* ---- object owners (gram_owner.cpp) ---- */
	Node *TryParseAlterOwner(); /* NULL, tokens untouched, if not ALTER … OWNER TO */
	Node *ParseDropOwned();		/* after DROP */
	Node *ParseReassignOwned();

	/* ---- node helpers (gram.cpp) ---- */
	Node *MakeAConst(Node *val, int location);
	Node *MakeIntConst(int val, int location);
	Node *MakeStringConst(char *str, int location);
	Node *MakeBoolAConst(bool val, int location);
	Node *MakeNullAConst(int location);
	Node *MakeFloatConst(char *str, int location);
	Node *MakeTypeCast(Node *arg, TypeName *tn, int location);
	A_Expr *MakeAExpr(A_Expr_Kind kind, List *name, Node *l, Node *r, int location);
	A_Expr *MakeSimpleAExpr(A_Expr_Kind kind, const char *name, Node *l, Node *r, int location);
	FuncCall *MakeFuncCall(List *name, List *args, CoercionForm form, int location);
	Node *MakeAndExpr(Node *l, Node *r, int location);
	Node *MakeOrExpr(Node *l, Node *r, int location);
	Node *MakeNotExpr(Node *e, int location);
	Node *DoNegate(Node *n, int location);
	DefElem *MakeDefElem(const char *name, Node *arg, int location);
	static List *SystemFuncName(const char *name);
	static TypeName *SystemTypeName(const char *name);
	static TypeName *MakeTypeNameFromNameList(List *names);
	static int RawExprLocation(const Node *n);

	Lexer lex_;
	const char *src_;
	/* the tokens scanned so far: in inline_toks_ until it is full */
	static constexpr int kInlineTokens = 64;
	Token inline_toks_[kInlineTokens];
	Token *toks_ = inline_toks_;
	int ntoks_ = 0;
	int captoks_ = kInlineTokens;
	int pos_ = 0;
	/* the first unsupported construct met, if any */
	const char *unsupported_ = nullptr;
	int unsupported_loc_ = -1;
};

}  // namespace tusk::parser

#endif /* TUSK_BACKEND_PARSER_GRAM_H */
