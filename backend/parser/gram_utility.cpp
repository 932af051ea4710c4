/*
 * gram_utility.cpp — DDL and utility statements: CREATE TABLE / TABLE AS /
 * INDEX / SEQUENCE / VIEW / SCHEMA / DATABASE, ALTER TABLE / SEQUENCE (with
 * RENAME), DROP, TRUNCATE, COMMENT, transaction statements, SET / RESET /
 * SHOW, EXPLAIN, PREPARE / EXECUTE / DEALLOCATE, COPY, VACUUM / ANALYZE,
 * LOCK, DISCARD, DROP DATABASE, DECLARE / FETCH / MOVE / CLOSE.
 *
 * Each statement builds PostgreSQL's node with the same field values
 * (option lists as DefElems named as PostgreSQL names them, LOCK's mode as
 * a LOCKMODE …).  Parts of these statements Tusk does not parse yet
 * (partitioning, foreign-table options, some ALTER TABLE subcommands) are
 * skipped and reported as unsupported (gram.cpp).
 *
 * Principal entry points: the Parse* methods for each statement, called
 * from Parser::ParseStmt.
 */
#include "postgres.h"

#include <string>

#include "gram.h"
#include "miscadmin.h"
#include "storage/lock.h"

namespace tusk::parser {

namespace {

/* ConstraintAttributeSpec bits */
constexpr int kCasNotDeferrable = 0x01;
constexpr int kCasDeferrable = 0x02;
constexpr int kCasInitiallyImmediate = 0x04;
constexpr int kCasInitiallyDeferred = 0x08;
constexpr int kCasNotValid = 0x10;
constexpr int kCasNoInherit = 0x20;

/* processCASbits: apply ConstraintAttributeSpec bits to a constraint,
 * rejecting those its kind cannot take (null pointers).  PostgreSQL
 * reports these without a cursor (the spec's location is unknown). */
void ProcessCasBits(int bits, const char *constr_type, bool *deferrable, bool *initdeferred,
					bool *not_valid, bool *no_inherit)
{
	if (deferrable)
		*deferrable = false;
	if (initdeferred)
		*initdeferred = false;
	if (not_valid)
		*not_valid = false;
	if (bits & (kCasDeferrable | kCasInitiallyDeferred))
	{
		if (deferrable)
			*deferrable = true;
		else
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s constraints cannot be marked DEFERRABLE", constr_type));
	}
	if (bits & kCasInitiallyDeferred)
	{
		if (initdeferred)
			*initdeferred = true;
		else
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s constraints cannot be marked DEFERRABLE", constr_type));
	}
	if (bits & kCasNotValid)
	{
		if (not_valid)
			*not_valid = true;
		else
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s constraints cannot be marked NOT VALID", constr_type));
	}
	if (bits & kCasNoInherit)
	{
		if (no_inherit)
			*no_inherit = true;
		else
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("%s constraints cannot be marked NO INHERIT", constr_type));
	}
}

Constraint *NewConstraint(ConstrType type, int location)
{
	Constraint *c = makeNode(Constraint);
	c->contype = type;
	c->location = location;
	return c;
}

}  // namespace

/*
 * IF NOT EXISTS and IF EXISTS.  IF is an unreserved word, so where a name
 * could stand in its place bison decides on the next token: IF NOT always
 * begins IF NOT EXISTS, IF EXISTS begins IF EXISTS (ACCEPT_IF_EXISTS);
 * where no name can follow, IF alone commits (ACCEPT_IF_EXISTS_ALONE).
 */
#define ACCEPT_IF_NOT_EXISTS() \
	(Tok() == K_IF && Tok(1) == K_NOT ? (pos_ += 2, Expect(K_EXISTS), true) : false)
#define ACCEPT_IF_EXISTS() (Tok() == K_IF && Tok(1) == K_EXISTS ? (pos_ += 2, true) : false)
#define ACCEPT_IF_EXISTS_ALONE() (Tok() == K_IF ? (pos_ += 1, Expect(K_EXISTS), true) : false)

/* ---------------------------------------------------------- definitions */

/* NumericOnly: FCONST | '+' FCONST | '-' FCONST | SignedIconst, as an
 * Integer or Float node. */
Node *Parser::ParseNumericOnly()
{
	bool minus = false;
	if (Tok() == '+' || Tok() == '-')
	{
		minus = Tok() == '-';
		Advance();
	}
	if (Tok() == FCONST)
	{
		char *s = const_cast<char *>(Peek().str);
		Advance();
		if (minus)
			s = (*s == '-') ? s + 1 : psprintf("-%s", s);
		return reinterpret_cast<Node *>(makeFloat(s));
	}
	int v = ParseIconst();
	return reinterpret_cast<Node *>(makeInteger(minus ? -v : v));
}

/* Whether NumericOnly starts here (a sign commits to it: nothing else these
 * contexts accept begins with '+' or '-'). */
static bool StartsNumericOnly(int t, int t1)
{
	(void) t1;
	return t == ICONST || t == FCONST || t == '+' || t == '-';
}

/* def_arg: func_type | reserved_keyword | qual_all_Op | NumericOnly |
 * Sconst | NONE */
Node *Parser::ParseDefArg()
{
	int t = Tok();
	if (t == ICONST || t == FCONST ||
		((t == '+' || t == '-') && (Tok(1) == ICONST || Tok(1) == FCONST)))
		return ParseNumericOnly();
	if (t == SCONST)
		return reinterpret_cast<Node *>(makeString(ParseSconst()));
	if (t == K_NONE && Tok(1) != '.')
	{
		Advance();
		return reinterpret_cast<Node *>(makeString(pstrdup("none")));
	}
	if (IsKeyword(t) && GetKeyword(t).category == kReserved && t != K_OPERATOR)
	{
		Advance();
		return reinterpret_cast<Node *>(makeString(pstrdup(GetKeyword(t).name)));
	}
	if (t == OP || t == K_OPERATOR || t == '+' || t == '-' || t == '*' || t == '/' || t == '%' ||
		t == '^' || t == '<' || t == '>' || t == '=' || t == LESS_EQUALS || t == GREATER_EQUALS ||
		t == NOT_EQUALS)
	{
		if (t == OP || t == K_OPERATOR)
			return reinterpret_cast<Node *>(ParseQualOp());
		static const char *const kOps[] = {"+", "-", "*", "/", "%", "^", "<", ">", "="};
		const char *name = nullptr;
		for (const char *op : kOps)
			if (op[0] == t)
				name = op;
		if (t == LESS_EQUALS)
			name = "<=";
		else if (t == GREATER_EQUALS)
			name = ">=";
		else if (t == NOT_EQUALS)
			name = "<>";
		Advance();
		return reinterpret_cast<Node *>(list_make1(makeString(pstrdup(name))));
	}
	/* func_type: Typename | name[.attrs] %TYPE | SETOF name %TYPE */
	return reinterpret_cast<Node *>(ParseTypename());
}

/* OptWith OnCommitOption OptTableSpace: the tail CREATE TABLE and CREATE
 * TABLE AS share.  WITHOUT OIDS is accepted and means nothing, as in
 * PostgreSQL. */
void Parser::ParseTableStorageTail(List **options, OnCommitAction *oncommit, char **tablespace)
{
	if (Tok() == K_WITH)
	{
		Advance();
		*options = ParseRelOptions();
	}
	else if (Tok() == K_WITHOUT)
	{
		Advance();
		Expect(K_OIDS);
	}
	if (Tok() == K_ON)
	{
		Advance();
		Expect(K_COMMIT);
		if (Accept(K_DROP))
			*oncommit = ONCOMMIT_DROP;
		else if (Accept(K_DELETE))
		{
			Expect(K_ROWS);
			*oncommit = ONCOMMIT_DELETE_ROWS;
		}
		else
		{
			Expect(K_PRESERVE);
			Expect(K_ROWS);
			*oncommit = ONCOMMIT_PRESERVE_ROWS;
		}
	}
	if (Accept(K_TABLESPACE))
		*tablespace = ParseColId();
}

/* reloptions: '(' reloption_elem [, …] ')' */
List *Parser::ParseRelOptions()
{
	Expect('(');
	List *result = list_make1(ParseRelOptionElem());
	while (Accept(','))
		result = lappend(result, ParseRelOptionElem());
	Expect(')');
	return result;
}

/* reloption_elem: ColLabel ['.' ColLabel] ['=' def_arg] */
DefElem *Parser::ParseRelOptionElem()
{
	int loc = Loc();
	char *name = ParseColLabel();
	char *nspace = nullptr;
	if (Accept('.'))
	{
		nspace = name;
		name = ParseColLabel();
	}
	Node *arg = nullptr;
	if (Accept('='))
		arg = ParseDefArg();
	DefElem *d = MakeDefElem(name, arg, loc);
	d->defnamespace = nspace;
	return d;
}

/* opt_definition: WITH definition (definition: '(' def_list ')') */
List *Parser::ParseOptDefinition()
{
	if (Tok() != K_WITH)
		return NIL;
	Advance();
	Expect('(');
	List *result = NIL;
	do
	{
		int loc = Loc();
		char *name = ParseColLabel();
		Node *arg = nullptr;
		if (Accept('='))
			arg = ParseDefArg();
		result = lappend(result, MakeDefElem(name, arg, loc));
	} while (Accept(','));
	Expect(')');
	return result;
}

/* SeqOptElem */
DefElem *Parser::ParseSeqOptElem()
{
	int loc = Loc();
	switch (Tok())
	{
		case K_AS:
			Advance();
			return MakeDefElem("as", reinterpret_cast<Node *>(ParseSimpleTypename()), loc);
		case K_CACHE:
			Advance();
			return MakeDefElem("cache", ParseNumericOnly(), loc);
		case K_CYCLE:
			Advance();
			return MakeDefElem("cycle", reinterpret_cast<Node *>(makeBoolean(true)), loc);
		case K_NO:
			Advance();
			if (Accept(K_CYCLE))
				return MakeDefElem("cycle", reinterpret_cast<Node *>(makeBoolean(false)), loc);
			if (Accept(K_MAXVALUE))
				return MakeDefElem("maxvalue", nullptr, loc);
			Expect(K_MINVALUE);
			return MakeDefElem("minvalue", nullptr, loc);
		case K_INCREMENT:
			Advance();
			Accept(K_BY);
			return MakeDefElem("increment", ParseNumericOnly(), loc);
		case K_LOGGED:
			Advance();
			return MakeDefElem("logged", nullptr, loc);
		case K_UNLOGGED:
			Advance();
			return MakeDefElem("unlogged", nullptr, loc);
		case K_MAXVALUE:
			Advance();
			return MakeDefElem("maxvalue", ParseNumericOnly(), loc);
		case K_MINVALUE:
			Advance();
			return MakeDefElem("minvalue", ParseNumericOnly(), loc);
		case K_OWNED:
			Advance();
			Expect(K_BY);
			return MakeDefElem("owned_by", reinterpret_cast<Node *>(ParseAnyName()), loc);
		case K_SEQUENCE:
			Advance();
			Expect(K_NAME);
			return MakeDefElem("sequence_name", reinterpret_cast<Node *>(ParseAnyName()), loc);
		case K_START:
			Advance();
			if (!Accept(K_WITH))
				Accept(WITH_LA);
			return MakeDefElem("start", ParseNumericOnly(), loc);
		case K_RESTART:
			Advance();
			if (Tok() == K_WITH || Tok() == WITH_LA)
			{
				Advance();
				return MakeDefElem("restart", ParseNumericOnly(), loc);
			}
			if (StartsNumericOnly(Tok(), Tok(1)))
				return MakeDefElem("restart", ParseNumericOnly(), loc);
			return MakeDefElem("restart", nullptr, loc);
		default:
			SyntaxError();
	}
}

static bool StartsSeqOptElem(int t)
{
	switch (t)
	{
		case K_AS:
		case K_CACHE:
		case K_CYCLE:
		case K_NO:
		case K_INCREMENT:
		case K_LOGGED:
		case K_UNLOGGED:
		case K_MAXVALUE:
		case K_MINVALUE:
		case K_OWNED:
		case K_SEQUENCE:
		case K_START:
		case K_RESTART:
			return true;
		default:
			return false;
	}
}

/* SeqOptList: SeqOptElem+ */
List *Parser::ParseSeqOptList()
{
	List *result = list_make1(ParseSeqOptElem());
	while (StartsSeqOptElem(Tok()))
		result = lappend(result, ParseSeqOptElem());
	return result;
}

List *Parser::ParseOptSeqOptList()
{
	if (!StartsSeqOptElem(Tok()))
		return NIL;
	return ParseSeqOptList();
}

/* ---------------------------------------------------------- CREATE TABLE */

/* At TABLE in CREATE [TEMP|UNLOGGED] TABLE … */
Node *Parser::ParseCreateTable(char relpersistence, bool allow_as)
{
	Expect(K_TABLE);
	bool if_not_exists = ACCEPT_IF_NOT_EXISTS();
	RangeVar *rel = ParseQualifiedName();
	rel->relpersistence = relpersistence;
	if (Tok() == K_OF)
		return SkipUnsupportedStmt("CREATE TABLE OF");
	if (Tok() == K_PARTITION)
	{
		if (Tok(1) != K_OF)
		{
			Advance();
			SyntaxError();
		}
		return SkipUnsupportedStmt("CREATE TABLE PARTITION OF");
	}
	if (allow_as && (Tok() != '(' || (IsColIdTok(Tok(1)) && (Tok(2) == ',' || Tok(2) == ')'))))
		return ParseCreateTableAs(rel, if_not_exists, -1);

	CreateStmt *n = makeNode(CreateStmt);
	n->relation = rel;
	n->if_not_exists = if_not_exists;
	Expect('(');
	if (Tok() != ')')
	{
		n->tableElts = list_make1(ParseTableElement());
		while (Accept(','))
			n->tableElts = lappend(n->tableElts, ParseTableElement());
	}
	Expect(')');
	if (Accept(K_INHERITS))
	{
		Expect('(');
		n->inhRelations = ParseQualifiedNameList();
		Expect(')');
	}
	if (Tok() == K_PARTITION)
	{
		/* PartitionSpec: PARTITION BY strategy (part_elem [, …]), read
		 * and reported as unsupported */
		Unsupported("CREATE TABLE … PARTITION BY", Loc());
		Advance();
		Expect(K_BY);
		ParseColId();
		Expect('(');
		do
		{
			if (Accept('('))
			{
				ParseAExpr();
				Expect(')');
			}
			else if (IsColIdTok(Tok()) && Tok(1) != '(' && Tok(1) != '.')
				ParseColId();
			else
				ParseFuncExprWindowless();
			if (Accept(K_COLLATE))
				ParseAnyName();
			if (IsColIdTok(Tok()))
				ParseAnyName();
		} while (Accept(','));
		Expect(')');
	}
	if (Accept(K_USING))
		n->accessMethod = ParseColId();
	ParseTableStorageTail(&n->options, &n->oncommit, &n->tablespacename);
	return reinterpret_cast<Node *>(n);
}

/* create_as_target AS SelectStmt | EXECUTE … opt_with_data; at the
 * optional column list after the name. */
Node *Parser::ParseCreateTableAs(RangeVar *rel, bool if_not_exists, int relkind_loc)
{
	(void) relkind_loc;
	IntoClause *into = makeNode(IntoClause);
	into->rel = rel;
	if (Accept('('))
	{
		into->colNames = ParseNameList();
		Expect(')');
	}
	if (Accept(K_USING))
		into->accessMethod = ParseColId();
	ParseTableStorageTail(&into->options, &into->onCommit, &into->tableSpaceName);
	Expect(K_AS);
	CreateTableAsStmt *ctas = makeNode(CreateTableAsStmt);
	if (Tok() == K_EXECUTE)
		ctas->query = ParseExecute();
	else
		ctas->query = ParseSelectStmt();
	ctas->into = into;
	ctas->objtype = OBJECT_TABLE;
	ctas->if_not_exists = if_not_exists;
	/* opt_with_data */
	if (Tok() == K_WITH)
	{
		Advance();
		if (Accept(K_NO))
		{
			Expect(K_DATA);
			into->skipData = true;
		}
		else
			Expect(K_DATA);
	}
	return reinterpret_cast<Node *>(ctas);
}

/* TableElement: columnDef | TableLikeClause | TableConstraint */
Node *Parser::ParseTableElement()
{
	switch (Tok())
	{
		case K_LIKE:
		{
			Advance();
			TableLikeClause *n = makeNode(TableLikeClause);
			n->relation = ParseQualifiedName();
			uint32 options = 0;
			while (Tok() == K_INCLUDING || Tok() == K_EXCLUDING)
			{
				bool including = Tok() == K_INCLUDING;
				Advance();
				uint32 opt;
				switch (Tok())
				{
					case K_COMMENTS:
						opt = CREATE_TABLE_LIKE_COMMENTS;
						break;
					case K_COMPRESSION:
						opt = CREATE_TABLE_LIKE_COMPRESSION;
						break;
					case K_CONSTRAINTS:
						opt = CREATE_TABLE_LIKE_CONSTRAINTS;
						break;
					case K_DEFAULTS:
						opt = CREATE_TABLE_LIKE_DEFAULTS;
						break;
					case K_IDENTITY:
						opt = CREATE_TABLE_LIKE_IDENTITY;
						break;
					case K_GENERATED:
						opt = CREATE_TABLE_LIKE_GENERATED;
						break;
					case K_INDEXES:
						opt = CREATE_TABLE_LIKE_INDEXES;
						break;
					case K_STATISTICS:
						opt = CREATE_TABLE_LIKE_STATISTICS;
						break;
					case K_STORAGE:
						opt = CREATE_TABLE_LIKE_STORAGE;
						break;
					case K_ALL:
						opt = static_cast<uint32>(CREATE_TABLE_LIKE_ALL);
						break;
					default:
						SyntaxError();
				}
				Advance();
				options = including ? (options | opt) : (options & ~opt);
			}
			n->options = options;
			return reinterpret_cast<Node *>(n);
		}
		case K_CONSTRAINT:
		case K_CHECK:
		case K_UNIQUE:
		case K_PRIMARY:
		case K_FOREIGN:
			return ParseTableConstraint();
		case K_EXCLUDE:
			if (Tok(1) == '(' || Tok(1) == K_USING)
				return ParseTableConstraint();
			return ParseColumnDef();
		default:
			return ParseColumnDef();
	}
}

/* columnDef: ColId Typename [COMPRESSION …] [OPTIONS (…)] ColQualList */
Node *Parser::ParseColumnDef()
{
	ColumnDef *n = makeNode(ColumnDef);
	n->location = Loc();
	n->colname = ParseColId();
	n->typeName = ParseTypename();
	if (Accept(K_COMPRESSION))
	{
		if (Accept(K_DEFAULT))
			n->compression = pstrdup("default");
		else
			n->compression = ParseColId();
	}
	if (Accept(K_OPTIONS))
	{
		/* create_generic_options: OPTIONS (name 'value' [, …]) */
		Expect('(');
		do
		{
			int oloc = Loc();
			char *name = ParseColLabel();
			n->fdwoptions = lappend(n->fdwoptions,
									MakeDefElem(name,
												reinterpret_cast<Node *>(makeString(ParseSconst())),
												oloc));
		} while (Accept(','));
		Expect(')');
	}
	n->is_local = true;
	n->constraints = ParseColQualList(&n->collClause);
	return reinterpret_cast<Node *>(n);
}

/* ColQualList, with its COLLATE clause split out (SplitColQualList). */
List *Parser::ParseColQualList(CollateClause **coll)
{
	List *result = NIL;
	*coll = nullptr;
	for (;;)
	{
		int t = Tok();
		if (t == K_COLLATE)
		{
			CollateClause *c = makeNode(CollateClause);
			c->location = Loc();
			Advance();
			c->collname = ParseAnyName();
			if (*coll != nullptr)
				ErrorAt(ERRCODE_SYNTAX_ERROR, c->location, "multiple COLLATE clauses not allowed");
			*coll = c;
			continue;
		}
		if (t == K_CONSTRAINT || t == K_NOT || t == K_NULL || t == K_UNIQUE || t == K_PRIMARY ||
			t == K_CHECK || t == K_DEFAULT || t == K_GENERATED || t == K_REFERENCES ||
			t == K_DEFERRABLE || t == K_INITIALLY)
		{
			result = lappend(result, ParseColConstraint());
			continue;
		}
		return result;
	}
}

/* ColConstraint: [CONSTRAINT name] ColConstraintElem | ConstraintAttr */
Node *Parser::ParseColConstraint()
{
	int loc = Loc();
	char *name = nullptr;
	if (Accept(K_CONSTRAINT))
		name = ParseColId();
	int eloc = Loc();
	Constraint *c;
	switch (Tok())
	{
		case K_NOT:
			Advance();
			if (name == nullptr && Accept(K_DEFERRABLE))
				return reinterpret_cast<Node *>(NewConstraint(CONSTR_ATTR_NOT_DEFERRABLE, eloc));
			Expect(K_NULL);
			c = NewConstraint(CONSTR_NOTNULL, eloc);
			break;
		case K_NULL:
			Advance();
			c = NewConstraint(CONSTR_NULL, eloc);
			break;
		case K_DEFERRABLE:
			if (name != nullptr)
				SyntaxError();
			Advance();
			return reinterpret_cast<Node *>(NewConstraint(CONSTR_ATTR_DEFERRABLE, eloc));
		case K_INITIALLY:
			if (name != nullptr)
				SyntaxError();
			Advance();
			if (Accept(K_DEFERRED))
				return reinterpret_cast<Node *>(NewConstraint(CONSTR_ATTR_DEFERRED, eloc));
			Expect(K_IMMEDIATE);
			return reinterpret_cast<Node *>(NewConstraint(CONSTR_ATTR_IMMEDIATE, eloc));
		case K_UNIQUE:
			Advance();
			c = NewConstraint(CONSTR_UNIQUE, eloc);
			c->nulls_not_distinct = false;
			if (Tok() == K_NULLS)
			{
				Advance();
				c->nulls_not_distinct = Accept(K_NOT);
				Expect(K_DISTINCT);
			}
			c->options = ParseOptDefinition();
			if (Tok() == K_USING)
			{
				Advance();
				Expect(K_INDEX);
				Expect(K_TABLESPACE);
				c->indexspace = ParseColId();
			}
			break;
		case K_PRIMARY:
			Advance();
			Expect(K_KEY);
			c = NewConstraint(CONSTR_PRIMARY, eloc);
			c->options = ParseOptDefinition();
			if (Tok() == K_USING)
			{
				Advance();
				Expect(K_INDEX);
				Expect(K_TABLESPACE);
				c->indexspace = ParseColId();
			}
			break;
		case K_CHECK:
			Advance();
			c = NewConstraint(CONSTR_CHECK, eloc);
			Expect('(');
			c->raw_expr = ParseAExpr();
			Expect(')');
			if (Accept(K_NO))
			{
				Expect(K_INHERIT);
				c->is_no_inherit = true;
			}
			c->initially_valid = true;
			break;
		case K_DEFAULT:
			Advance();
			c = NewConstraint(CONSTR_DEFAULT, eloc);
			c->raw_expr = ParseBExpr();
			break;
		case K_GENERATED:
		{
			Advance();
			int wloc = Loc();
			char when;
			if (Accept(K_ALWAYS))
				when = ATTRIBUTE_IDENTITY_ALWAYS;
			else
			{
				Expect(K_BY);
				Expect(K_DEFAULT);
				when = ATTRIBUTE_IDENTITY_BY_DEFAULT;
			}
			Expect(K_AS);
			if (Accept(K_IDENTITY))
			{
				c = NewConstraint(CONSTR_IDENTITY, eloc);
				c->generated_when = when;
				if (Accept('('))
				{
					c->options = ParseSeqOptList();
					Expect(')');
				}
			}
			else
			{
				c = NewConstraint(CONSTR_GENERATED, eloc);
				c->generated_when = when;
				Expect('(');
				c->raw_expr = ParseAExpr();
				Expect(')');
				Expect(K_STORED);
				if (when != ATTRIBUTE_IDENTITY_ALWAYS)
					ErrorAt(ERRCODE_SYNTAX_ERROR, wloc,
							"for a generated column, GENERATED ALWAYS must be specified");
			}
			break;
		}
		case K_REFERENCES:
			Advance();
			c = NewConstraint(CONSTR_FOREIGN, eloc);
			c->pktable = ParseQualifiedName();
			if (Accept('('))
			{
				c->pk_attrs = ParseNameList();
				Expect(')');
			}
			ParseKeyActions(c);
			c->initially_valid = true;
			break;
		default:
			SyntaxError();
	}
	if (name != nullptr)
	{
		c->conname = name;
		c->location = loc;
	}
	return reinterpret_cast<Node *>(c);
}

/* key_match key_actions for a foreign key. */
void Parser::ParseKeyActions(Constraint *c)
{
	c->fk_matchtype = FKCONSTR_MATCH_SIMPLE;
	if (Tok() == K_MATCH)
	{
		int loc = Loc();
		Advance();
		if (Accept(K_FULL))
			c->fk_matchtype = FKCONSTR_MATCH_FULL;
		else if (Accept(K_PARTIAL))
			ErrorAt(ERRCODE_FEATURE_NOT_SUPPORTED, loc, "MATCH PARTIAL not yet implemented");
		else
			Expect(K_SIMPLE);
	}
	c->fk_upd_action = FKCONSTR_ACTION_NOACTION;
	c->fk_del_action = FKCONSTR_ACTION_NOACTION;
	bool have_update = false;
	bool have_delete = false;
	for (int i = 0; i < 2 && Tok() == K_ON; i++)
	{
		int loc = Loc();
		Advance();
		bool update = Tok() == K_UPDATE;
		if ((update && have_update) || (!update && (Tok() != K_DELETE || have_delete)))
			SyntaxError();
		Advance();
		List *cols = NIL;
		char action = ParseKeyAction(&cols);
		if (update)
		{
			if (cols != NIL)
				ErrorAt(ERRCODE_FEATURE_NOT_SUPPORTED, loc,
						"a column list with %s is only supported for ON DELETE actions",
						action == FKCONSTR_ACTION_SETNULL ? "SET NULL" : "SET DEFAULT");
			c->fk_upd_action = action;
			have_update = true;
		}
		else
		{
			c->fk_del_action = action;
			c->fk_del_set_cols = cols;
			have_delete = true;
		}
	}
}

/* key_action: NO ACTION | RESTRICT | CASCADE | SET NULL [(cols)] |
 * SET DEFAULT [(cols)] */
char Parser::ParseKeyAction(List **cols)
{
	switch (Tok())
	{
		case K_NO:
			Advance();
			Expect(K_ACTION);
			return FKCONSTR_ACTION_NOACTION;
		case K_RESTRICT:
			Advance();
			return FKCONSTR_ACTION_RESTRICT;
		case K_CASCADE:
			Advance();
			return FKCONSTR_ACTION_CASCADE;
		case K_SET:
		{
			Advance();
			char action;
			if (Accept(K_NULL))
				action = FKCONSTR_ACTION_SETNULL;
			else
			{
				Expect(K_DEFAULT);
				action = FKCONSTR_ACTION_SETDEFAULT;
			}
			if (Accept('('))
			{
				*cols = ParseNameList();
				Expect(')');
			}
			return action;
		}
		default:
			SyntaxError();
	}
}

/* ConstraintAttributeSpec: a bitmask of CAS bits, checked as it grows. */
int Parser::ParseConstraintAttributeSpec()
{
	int spec = 0;
	for (;;)
	{
		int loc = Loc();
		int bit;
		if (Tok() == K_NOT)
		{
			Advance();
			if (Accept(K_DEFERRABLE))
				bit = kCasNotDeferrable;
			else
			{
				Expect(K_VALID);
				bit = kCasNotValid;
			}
		}
		else if (Tok() == K_DEFERRABLE)
		{
			Advance();
			bit = kCasDeferrable;
		}
		else if (Tok() == K_INITIALLY)
		{
			Advance();
			if (Accept(K_IMMEDIATE))
				bit = kCasInitiallyImmediate;
			else
			{
				Expect(K_DEFERRED);
				bit = kCasInitiallyDeferred;
			}
		}
		else if (Tok() == K_NO)
		{
			Advance();
			Expect(K_INHERIT);
			bit = kCasNoInherit;
		}
		else
			return spec;
		int newspec = spec | bit;
		if ((newspec & (kCasNotDeferrable | kCasInitiallyDeferred)) ==
			(kCasNotDeferrable | kCasInitiallyDeferred))
			ErrorAt(ERRCODE_SYNTAX_ERROR, loc,
					"constraint declared INITIALLY DEFERRED must be DEFERRABLE");
		if ((newspec & (kCasNotDeferrable | kCasDeferrable)) ==
				(kCasNotDeferrable | kCasDeferrable) ||
			(newspec & (kCasInitiallyImmediate | kCasInitiallyDeferred)) ==
				(kCasInitiallyImmediate | kCasInitiallyDeferred))
			ErrorAt(ERRCODE_SYNTAX_ERROR, loc, "conflicting constraint properties");
		spec = newspec;
	}
}

/* TableConstraint: [CONSTRAINT name] ConstraintElem */
Node *Parser::ParseTableConstraint()
{
	int loc = Loc();
	char *name = nullptr;
	if (Accept(K_CONSTRAINT))
		name = ParseColId();
	Constraint *c = ParseConstraintElem(Loc(), name);
	if (name != nullptr)
	{
		c->conname = name;
		c->location = loc;
	}
	return reinterpret_cast<Node *>(c);
}

Constraint *Parser::ParseConstraintElem(int location, char *name)
{
	(void) name;
	Constraint *c;
	auto including = [&]() -> List * {
		if (!Accept(K_INCLUDE))
			return NIL;
		Expect('(');
		List *l = ParseNameList();
		Expect(')');
		return l;
	};
	auto index_space = [&]() -> char * {
		if (Tok() != K_USING)
			return nullptr;
		Advance();
		Expect(K_INDEX);
		Expect(K_TABLESPACE);
		return ParseColId();
	};
	switch (Tok())
	{
		case K_CHECK:
		{
			Advance();
			c = NewConstraint(CONSTR_CHECK, location);
			Expect('(');
			c->raw_expr = ParseAExpr();
			Expect(')');
			int bits = ParseConstraintAttributeSpec();
			ProcessCasBits(bits, "CHECK", nullptr, nullptr, &c->skip_validation, &c->is_no_inherit);
			c->initially_valid = !c->skip_validation;
			return c;
		}
		case K_UNIQUE:
		case K_PRIMARY:
		{
			bool unique = Tok() == K_UNIQUE;
			Advance();
			if (!unique)
				Expect(K_KEY);
			c = NewConstraint(unique ? CONSTR_UNIQUE : CONSTR_PRIMARY, location);
			if (unique && Tok() == K_NULLS)
			{
				Advance();
				c->nulls_not_distinct = Accept(K_NOT);
				Expect(K_DISTINCT);
			}
			if (Accept(K_USING))
			{
				Expect(K_INDEX);
				c->indexname = ParseColId();
			}
			else
			{
				Expect('(');
				c->keys = ParseNameList();
				Expect(')');
				c->including = including();
				c->options = ParseOptDefinition();
				c->indexspace = index_space();
			}
			int bits = ParseConstraintAttributeSpec();
			ProcessCasBits(bits, unique ? "UNIQUE" : "PRIMARY KEY", &c->deferrable,
						   &c->initdeferred, nullptr, nullptr);
			return c;
		}
		case K_EXCLUDE:
		{
			Advance();
			c = NewConstraint(CONSTR_EXCLUSION, location);
			c->access_method = pstrdup("btree");
			if (Accept(K_USING))
				c->access_method = ParseColId();
			Expect('(');
			do
			{
				IndexElem *e = ParseIndexElem();
				Expect(K_WITH);
				List *op;
				if (Tok() == K_OPERATOR && Tok(1) == '(')
				{
					Advance();
					Advance();
					op = ParseAnyOperator();
					Expect(')');
				}
				else
					op = ParseAnyOperator();
				c->exclusions = lappend(c->exclusions, list_make2(e, op));
			} while (Accept(','));
			Expect(')');
			c->including = including();
			c->options = ParseOptDefinition();
			c->indexspace = index_space();
			if (Accept(K_WHERE))
			{
				Expect('(');
				c->where_clause = ParseAExpr();
				Expect(')');
			}
			int bits = ParseConstraintAttributeSpec();
			ProcessCasBits(bits, "EXCLUDE", &c->deferrable, &c->initdeferred, nullptr, nullptr);
			return c;
		}
		case K_FOREIGN:
		{
			Advance();
			Expect(K_KEY);
			c = NewConstraint(CONSTR_FOREIGN, location);
			Expect('(');
			c->fk_attrs = ParseNameList();
			Expect(')');
			Expect(K_REFERENCES);
			c->pktable = ParseQualifiedName();
			if (Accept('('))
			{
				c->pk_attrs = ParseNameList();
				Expect(')');
			}
			ParseKeyActions(c);
			int bits = ParseConstraintAttributeSpec();
			ProcessCasBits(bits, "FOREIGN KEY", &c->deferrable, &c->initdeferred,
						   &c->skip_validation, nullptr);
			c->initially_valid = !c->skip_validation;
			return c;
		}
		default:
			SyntaxError();
	}
}

/* ---------------------------------------------------------- CREATE INDEX */

/* index_params: index_elem [, …] */
List *Parser::ParseIndexParams()
{
	List *result = list_make1(ParseIndexElem());
	while (Accept(','))
		result = lappend(result, ParseIndexElem());
	return result;
}

/* index_elem: (ColId | func_expr_windowless | '(' a_expr ')')
 * [COLLATE name] [opclass [(opts)]] [ASC|DESC] [NULLS FIRST|LAST] */
IndexElem *Parser::ParseIndexElem()
{
	IndexElem *e = makeNode(IndexElem);
	int t = Tok();
	if (t == '(')
	{
		Advance();
		e->expr = ParseAExpr();
		Expect(')');
	}
	else if (IsColIdTok(t) && Tok(1) != '(' && Tok(1) != '.' && Tok(1) != '[')
	{
		bool handled = false;
		switch (t)
		{
			case K_CURRENT_DATE:
			case K_CURRENT_TIME:
			case K_CURRENT_TIMESTAMP:
			case K_LOCALTIME:
			case K_LOCALTIMESTAMP:
				handled = true;
				break;
			default:
				break;
		}
		if (handled)
			e->expr = ParseFuncExprWindowless();
		else
			e->name = ParseColId();
	}
	else
		e->expr = ParseFuncExprWindowless();
	if (Accept(K_COLLATE))
		e->collation = ParseAnyName();
	if (IsColIdTok(Tok()))
	{
		e->opclass = ParseAnyName();
		if (Tok() == '(')
			e->opclassopts = ParseRelOptions();
	}
	if (Accept(K_ASC))
		e->ordering = SORTBY_ASC;
	else if (Accept(K_DESC))
		e->ordering = SORTBY_DESC;
	if (Tok() == NULLS_LA)
	{
		Advance();
		if (Accept(K_FIRST))
			e->nulls_ordering = SORTBY_NULLS_FIRST;
		else
		{
			Expect(K_LAST);
			e->nulls_ordering = SORTBY_NULLS_LAST;
		}
	}
	return e;
}

/* At INDEX in CREATE [UNIQUE] INDEX … */
Node *Parser::ParseCreateIndex(int location, bool unique)
{
	(void) location;
	Expect(K_INDEX);
	IndexStmt *n = makeNode(IndexStmt);
	n->unique = unique;
	n->concurrent = Accept(K_CONCURRENTLY);
	if (ACCEPT_IF_NOT_EXISTS())
	{
		n->if_not_exists = true;
		n->idxname = ParseColId();
	}
	else if (Tok() != K_ON)
		n->idxname = ParseColId();
	Expect(K_ON);
	n->relation = ParseRelationExpr();
	n->accessMethod = pstrdup("btree");
	if (Accept(K_USING))
		n->accessMethod = ParseColId();
	Expect('(');
	n->indexParams = ParseIndexParams();
	Expect(')');
	if (Accept(K_INCLUDE))
	{
		Expect('(');
		n->indexIncludingParams = ParseIndexParams();
		Expect(')');
	}
	n->nulls_not_distinct = false;
	if (Tok() == K_NULLS)
	{
		Advance();
		n->nulls_not_distinct = Accept(K_NOT);
		Expect(K_DISTINCT);
	}
	if (Tok() == K_WITH)
	{
		Advance();
		n->options = ParseRelOptions();
	}
	if (Accept(K_TABLESPACE))
		n->tableSpace = ParseColId();
	n->whereClause = ParseWhereClause();
	return reinterpret_cast<Node *>(n);
}

/* ------------------------------------------------- CREATE SEQUENCE, VIEW */

/* At SEQUENCE in CREATE [TEMP] SEQUENCE [IF NOT EXISTS] name options */
Node *Parser::ParseCreateSeq(char relpersistence)
{
	Expect(K_SEQUENCE);
	CreateSeqStmt *n = makeNode(CreateSeqStmt);
	n->if_not_exists = ACCEPT_IF_NOT_EXISTS();
	n->sequence = ParseQualifiedName();
	n->sequence->relpersistence = relpersistence;
	n->options = ParseOptSeqOptList();
	return reinterpret_cast<Node *>(n);
}

/* At [RECURSIVE] VIEW in CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW … */
Node *Parser::ParseCreateView(bool replace, char relpersistence)
{
	bool recursive = Accept(K_RECURSIVE);
	Expect(K_VIEW);
	ViewStmt *n = makeNode(ViewStmt);
	n->replace = replace;
	n->view = ParseQualifiedName();
	n->view->relpersistence = relpersistence;
	if (recursive)
	{
		Expect('(');
		n->aliases = ParseNameList();
		Expect(')');
	}
	else if (Accept('('))
	{
		n->aliases = ParseNameList();
		Expect(')');
	}
	if (Tok() == K_WITH)
	{
		Advance();
		n->options = ParseRelOptions();
	}
	Expect(K_AS);
	Node *query = ParseSelectStmt();
	int check_loc = Loc();
	if (Tok() == K_WITH)
	{
		Advance();
		if (Accept(K_LOCAL))
			n->withCheckOption = LOCAL_CHECK_OPTION;
		else
		{
			Accept(K_CASCADED);
			n->withCheckOption = CASCADED_CHECK_OPTION;
		}
		Expect(K_CHECK);
		Expect(K_OPTION);
	}
	if (recursive)
	{
		if (n->withCheckOption != NO_CHECK_OPTION)
			ErrorAt(ERRCODE_FEATURE_NOT_SUPPORTED, check_loc,
					"WITH CHECK OPTION not supported on recursive views");
		/* makeRecursiveViewSelect: WITH RECURSIVE name (cols) AS (query)
		 * SELECT cols FROM name */
		CommonTableExpr *cte = makeNode(CommonTableExpr);
		cte->ctename = n->view->relname;
		cte->aliascolnames = n->aliases;
		cte->ctequery = query;
		cte->location = -1;
		WithClause *w = makeNode(WithClause);
		w->recursive = true;
		w->ctes = list_make1(cte);
		w->location = -1;
		SelectStmt *s = makeNode(SelectStmt);
		ListCell *lc;
		foreach (lc, n->aliases)
		{
			ResTarget *rt = makeNode(ResTarget);
			ColumnRef *cr = makeNode(ColumnRef);
			cr->fields = list_make1(makeString(strVal(lfirst(lc))));
			cr->location = -1;
			rt->val = reinterpret_cast<Node *>(cr);
			rt->location = -1;
			s->targetList = lappend(s->targetList, rt);
		}
		s->withClause = w;
		RangeVar *rv = makeNode(RangeVar);
		rv->relname = n->view->relname;
		rv->inh = true;
		rv->relpersistence = RELPERSISTENCE_PERMANENT;
		rv->location = -1;
		s->fromClause = list_make1(rv);
		query = reinterpret_cast<Node *>(s);
	}
	n->query = query;
	return reinterpret_cast<Node *>(n);
}

/* CREATE SCHEMA [IF NOT EXISTS] [name] [AUTHORIZATION role] [elements] */
Node *Parser::ParseCreateSchema()
{
	Expect(K_SCHEMA);
	CreateSchemaStmt *n = makeNode(CreateSchemaStmt);
	n->if_not_exists = ACCEPT_IF_NOT_EXISTS();
	if (Tok() == K_AUTHORIZATION)
	{
		Advance();
		n->authrole = ParseRoleSpec();
	}
	else
	{
		n->schemaname = ParseColId();
		if (Accept(K_AUTHORIZATION))
			n->authrole = ParseRoleSpec();
	}
	int elts_loc = Loc();
	while (Tok() == K_CREATE || Tok() == K_GRANT)
	{
		if (Tok() == K_GRANT)
		{
			SkipUnsupportedStmt("GRANT");
			break;
		}
		int cloc = Loc();
		Advance();
		char persistence = RELPERSISTENCE_PERMANENT;
		bool replace = false;
		if (Tok() == K_OR && Tok(1) == K_REPLACE)
		{
			Advance();
			Advance();
			replace = true;
		}
		switch (Tok())
		{
			case K_TEMP:
			case K_TEMPORARY:
				Advance();
				persistence = RELPERSISTENCE_TEMP;
				break;
			case K_LOCAL:
			case K_GLOBAL:
				Advance();
				if (!Accept(K_TEMP))
					Expect(K_TEMPORARY);
				persistence = RELPERSISTENCE_TEMP;
				break;
			case K_UNLOGGED:
				Advance();
				persistence = RELPERSISTENCE_UNLOGGED;
				break;
			default:
				break;
		}
		Node *elt;
		switch (Tok())
		{
			case K_TABLE:
				if (replace)
					SyntaxError();
				/* a schema element is never CREATE TABLE … AS */
				elt = ParseCreateTable(persistence, false);
				break;
			case K_UNIQUE:
			case K_INDEX:
				if (replace || persistence != RELPERSISTENCE_PERMANENT)
					SyntaxError();
				elt = ParseCreateIndex(cloc, Accept(K_UNIQUE));
				break;
			case K_SEQUENCE:
				if (replace)
					SyntaxError();
				elt = ParseCreateSeq(persistence);
				break;
			case K_VIEW:
			case K_RECURSIVE:
				elt = ParseCreateView(replace, persistence);
				break;
			case K_TRIGGER:
			case K_CONSTRAINT:
				elt = SkipUnsupportedStmt("CREATE TRIGGER");
				break;
			default:
				SyntaxError();
		}
		if (elt == nullptr)
			break;
		n->schemaElts = lappend(n->schemaElts, elt);
	}
	if (n->if_not_exists && n->schemaElts != NIL)
		ErrorAt(ERRCODE_FEATURE_NOT_SUPPORTED, elts_loc,
				"CREATE SCHEMA IF NOT EXISTS cannot include schema elements");
	return reinterpret_cast<Node *>(n);
}

/*
 * CREATE TYPE any_name AS ENUM ( [Sconst [, …]] )
 * CREATE TYPE any_name AS ( [ColId Typename [COLLATE any_name] [, …]] )
 * The other forms (base, shell and range types) are read and reported as
 * not supported.
 */
Node *Parser::ParseCreateType()
{
	int loc = Loc();
	Expect(K_TYPE);
	int name_loc = Loc();
	List *name = ParseAnyName();
	if (Tok() != K_AS || (Tok(1) != K_ENUM && Tok(1) != '('))
	{
		if (Tok() == K_AS && Tok(1) == K_RANGE)
			return SkipUnsupportedStmt("CREATE TYPE … AS RANGE");
		Unsupported("CREATE TYPE", loc);
		if (Tok() == ';' || Tok() == TOK_EOF)
			return nullptr;
		if (Tok() != '(')
			SyntaxError();
		return SkipUnsupportedStmt("CREATE TYPE");
	}
	Expect(K_AS);
	if (Accept(K_ENUM))
	{
		CreateEnumStmt *n = makeNode(CreateEnumStmt);
		n->typeName = name;
		Expect('(');
		if (Tok() != ')')
		{
			do
				n->vals = lappend(n->vals, makeString(ParseSconst()));
			while (Accept(','));
		}
		Expect(')');
		return reinterpret_cast<Node *>(n);
	}
	CompositeTypeStmt *n = makeNode(CompositeTypeStmt);
	n->typevar = MakeRangeVarFromAnyName(name, name_loc);
	Expect('(');
	if (Tok() != ')')
		n->coldeflist = ParseTableFuncElementList();
	Expect(')');
	return reinterpret_cast<Node *>(n);
}

/*
 * ALTER TYPE any_name ADD VALUE [IF NOT EXISTS] Sconst [BEFORE|AFTER Sconst]
 * ALTER TYPE any_name RENAME VALUE Sconst TO Sconst
 * The other ALTER TYPE forms are not supported yet.
 */
Node *Parser::ParseAlterType()
{
	int loc = Loc();
	Expect(K_TYPE);
	List *name = ParseAnyName();
	if (Tok() == K_ADD && Tok(1) == K_VALUE)
	{
		Advance();
		Advance();
		AlterEnumStmt *n = makeNode(AlterEnumStmt);
		n->typeName = name;
		n->skipIfNewValExists = ACCEPT_IF_NOT_EXISTS();
		n->newVal = ParseSconst();
		if (Tok() == K_BEFORE || Tok() == K_AFTER)
		{
			n->newValIsAfter = Tok() == K_AFTER;
			Advance();
			n->newValNeighbor = ParseSconst();
		}
		else
			n->newValIsAfter = true;
		return reinterpret_cast<Node *>(n);
	}
	if (Tok() == K_RENAME && Tok(1) == K_VALUE)
	{
		Advance();
		Advance();
		AlterEnumStmt *n = makeNode(AlterEnumStmt);
		n->typeName = name;
		n->oldVal = ParseSconst();
		Expect(K_TO);
		n->newVal = ParseSconst();
		return reinterpret_cast<Node *>(n);
	}
	Unsupported("ALTER TYPE", loc);
	if (Tok() == ';' || Tok() == TOK_EOF)
		SyntaxError();
	return SkipUnsupportedStmt("ALTER TYPE");
}

/* CREATE DATABASE name [WITH] [option [=] value] … */
/* CREATE EXTENSION [IF NOT EXISTS] name [WITH] { SCHEMA name | VERSION
 * NonReservedWord_or_Sconst | FROM … | CASCADE } … (PostgreSQL's
 * CreateExtensionStmt; FROM is refused as PostgreSQL refuses it). */
Node *Parser::ParseCreateExtension()
{
	Expect(K_EXTENSION);
	CreateExtensionStmt *n = makeNode(CreateExtensionStmt);
	n->if_not_exists = ACCEPT_IF_NOT_EXISTS();
	n->extname = ParseColId();
	if (Tok() == K_WITH || Tok() == WITH_LA)
		Advance();
	for (;;)
	{
		int loc = Loc();
		switch (Tok())
		{
			case K_SCHEMA:
				Advance();
				n->options = lappend(n->options,
									 MakeDefElem("schema",
												 reinterpret_cast<Node *>(makeString(ParseColId())),
												 loc));
				break;
			case K_VERSION:
				Advance();
				n->options = lappend(n->options,
									 MakeDefElem("new_version",
												 reinterpret_cast<Node *>(
													 makeString(ParseNonReservedWordOrSconst())),
												 loc));
				break;
			case K_FROM:
				Advance();
				(void) ParseNonReservedWordOrSconst();
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("CREATE EXTENSION ... FROM is no longer supported"),
						errposition(CharPos(loc)));
				break;
			case K_CASCADE:
				Advance();
				n->options = lappend(n->options,
									 MakeDefElem("cascade",
												 reinterpret_cast<Node *>(makeBoolean(true)), loc));
				break;
			default:
				return reinterpret_cast<Node *>(n);
		}
	}
}

/* ALTER EXTENSION name UPDATE [TO NonReservedWord_or_Sconst] … */
Node *Parser::ParseAlterExtension()
{
	Expect(K_EXTENSION);
	AlterExtensionStmt *n = makeNode(AlterExtensionStmt);
	n->extname = ParseColId();
	Expect(K_UPDATE);
	while (Tok() == K_TO)
	{
		int loc = Loc();
		Advance();
		n->options = lappend(n->options,
							 MakeDefElem("new_version",
										 reinterpret_cast<Node *>(
											 makeString(ParseNonReservedWordOrSconst())),
										 loc));
	}
	return reinterpret_cast<Node *>(n);
}

Node *Parser::ParseCreatedb()
{
	Expect(K_DATABASE);
	CreatedbStmt *n = makeNode(CreatedbStmt);
	n->dbname = ParseColId();
	if (Tok() == K_WITH || Tok() == WITH_LA)
		Advance();
	for (;;)
	{
		int loc = Loc();
		char *name;
		switch (Tok())
		{
			case IDENT:
				name = TokenText(Peek());
				Advance();
				break;
			case K_CONNECTION:
				Advance();
				Expect(K_LIMIT);
				name = pstrdup("connection_limit");
				break;
			case K_ENCODING:
			case K_LOCATION:
			case K_OWNER:
			case K_TABLESPACE:
			case K_TEMPLATE:
				name = TokenText(Peek());
				Advance();
				break;
			default:
				return reinterpret_cast<Node *>(n);
		}
		Accept('=');
		Node *arg;
		if (StartsNumericOnly(Tok(), Tok(1)))
			arg = ParseNumericOnly();
		else if (Accept(K_DEFAULT))
			arg = nullptr;
		else if (Tok() == K_TRUE || Tok() == K_FALSE || Tok() == K_ON)
		{
			arg = reinterpret_cast<Node *>(makeString(TokenText(Peek())));
			Advance();
		}
		else
			arg = reinterpret_cast<Node *>(makeString(ParseNonReservedWordOrSconst()));
		n->options = lappend(n->options, MakeDefElem(name, arg, loc));
	}
}

/* ------------------------------------------------------------------ ALTER */

Node *Parser::ParseAlter()
{
	Expect(K_ALTER);
	if (Node *owner = TryParseAlterOwner())
		return owner;
	switch (Tok())
	{
		case K_TABLE:
			Advance();
			return ParseAlterTable(OBJECT_TABLE);
		case K_INDEX:
			Advance();
			return ParseAlterTable(OBJECT_INDEX);
		case K_VIEW:
			Advance();
			return ParseAlterTable(OBJECT_VIEW);
		case K_SEQUENCE:
			Advance();
			return ParseAlterSeq();
		case K_ROLE:
		case K_GROUP:
			return ParseAlterRole();
		case K_USER:
			if (Tok(1) != K_MAPPING)
				return ParseAlterRole();
			break;
		case K_EXTENSION:
			/* UPDATE only: ADD/DROP member and SET SCHEMA are not in Tusk yet */
			if (IsColIdTok(Tok(1)) && Tok(2) == K_UPDATE)
				return ParseAlterExtension();
			break;
		case K_TYPE:
			return ParseAlterType();
		default:
			break;
	}
	static const struct
	{
		int tok;
		const char *name;
	} kAlterNames[] = {
		{K_AGGREGATE, "ALTER AGGREGATE"},
		{K_COLLATION, "ALTER COLLATION"},
		{K_CONVERSION, "ALTER CONVERSION"},
		{K_DATABASE, "ALTER DATABASE"},
		{K_DEFAULT, "ALTER DEFAULT PRIVILEGES"},
		{K_DOMAIN, "ALTER DOMAIN"},
		{K_EVENT, "ALTER EVENT TRIGGER"},
		{K_EXTENSION, "ALTER EXTENSION"},
		{K_FOREIGN, "ALTER FOREIGN TABLE"},
		{K_FUNCTION, "ALTER FUNCTION"},
		{K_GROUP, "ALTER GROUP"},
		{K_LANGUAGE, "ALTER LANGUAGE"},
		{K_PROCEDURAL, "ALTER LANGUAGE"},
		{K_LARGE, "ALTER LARGE OBJECT"},
		{K_MATERIALIZED, "ALTER MATERIALIZED VIEW"},
		{K_OPERATOR, "ALTER OPERATOR"},
		{K_POLICY, "ALTER POLICY"},
		{K_PROCEDURE, "ALTER PROCEDURE"},
		{K_PUBLICATION, "ALTER PUBLICATION"},
		{K_ROLE, "ALTER ROLE"},
		{K_ROUTINE, "ALTER ROUTINE"},
		{K_RULE, "ALTER RULE"},
		{K_SCHEMA, "ALTER SCHEMA"},
		{K_SERVER, "ALTER SERVER"},
		{K_STATISTICS, "ALTER STATISTICS"},
		{K_SUBSCRIPTION, "ALTER SUBSCRIPTION"},
		{K_SYSTEM, "ALTER SYSTEM"},
		{K_TABLESPACE, "ALTER TABLESPACE"},
		{K_TEXT, "ALTER TEXT SEARCH"},
		{K_TRIGGER, "ALTER TRIGGER"},
		{K_TYPE, "ALTER TYPE"},
		{K_USER, "ALTER USER"},
	};
	for (const auto &a : kAlterNames)
		if (a.tok == Tok())
			return SkipUnsupportedStmt(a.name);
	SyntaxError();
}

/* ALTER TABLE|INDEX|VIEW [IF EXISTS] name: RENAME …, or subcommands */
Node *Parser::ParseAlterTable(ObjectType objtype)
{
	const char *what = objtype == OBJECT_TABLE ? "ALTER TABLE"
		: objtype == OBJECT_INDEX			   ? "ALTER INDEX"
											   : "ALTER VIEW";
	if (Tok() == K_ALL && objtype != OBJECT_VIEW)
	{
		/* ALL IN TABLESPACE name [OWNED BY roles] SET TABLESPACE name [NOWAIT]:
		 * read, and reported as unsupported */
		Unsupported(objtype == OBJECT_TABLE ? "ALTER TABLE ALL IN TABLESPACE"
											: "ALTER INDEX ALL IN TABLESPACE",
					Loc());
		Advance();
		Expect(K_IN);
		Expect(K_TABLESPACE);
		ParseColId();
		if (Accept(K_OWNED))
		{
			Expect(K_BY);
			do
				ParseRoleSpec();
			while (Accept(','));
		}
		Expect(K_SET);
		Expect(K_TABLESPACE);
		ParseColId();
		Accept(K_NOWAIT);
		return nullptr;
	}
	bool missing_ok = ACCEPT_IF_EXISTS();
	RangeVar *rel = objtype == OBJECT_TABLE ? ParseRelationExpr() : ParseQualifiedName();
	if (Tok() == K_RENAME)
		return ParseRename(objtype, rel, missing_ok);
	if (Tok() == K_SET && Tok(1) == K_SCHEMA)
	{
		/* (PostgreSQL has no ALTER INDEX … SET SCHEMA.) */
		if (objtype == OBJECT_INDEX)
		{
			Advance();
			SyntaxError();
		}
		return ParseSetSchema(objtype, rel, missing_ok);
	}
	if (Tok() == K_ATTACH || Tok() == K_DETACH)
		return SkipUnsupportedStmt("ALTER … ATTACH/DETACH PARTITION");
	if (Tok() == K_DEPENDS || (Tok() == K_NO && Tok(1) == K_DEPENDS))
		return SkipUnsupportedStmt("ALTER … DEPENDS ON EXTENSION");
	AlterTableStmt *n = makeNode(AlterTableStmt);
	n->relation = rel;
	n->objtype = objtype;
	n->missing_ok = missing_ok;
	(void) what;
	do
	{
		Node *cmd = ParseAlterTableCmd();
		if (cmd != nullptr)
			n->cmds = lappend(n->cmds, cmd);
	} while (Accept(','));
	return reinterpret_cast<Node *>(n);
}

/* One alter_table_cmd; NULL for an unsupported one (skipped to its end). */
Node *Parser::ParseAlterTableCmd()
{
	AlterTableCmd *n = makeNode(AlterTableCmd);
	auto unsupported = [&](const char *what) -> Node * {
		Unsupported(what, Loc());
		int depth = 0;
		for (;;)
		{
			int t = Tok();
			if (t == TOK_EOF || t == TOK_ERROR || (depth == 0 && (t == ',' || t == ';')))
				break;
			if (t == '(')
				depth++;
			else if (t == ')')
			{
				if (depth == 0)
					SyntaxError();
				depth--;
			}
			Advance();
		}
		return nullptr;
	};
	switch (Tok())
	{
		case K_ADD:
		{
			Advance();
			int t = Tok();
			if (t == K_CONSTRAINT || t == K_CHECK || t == K_UNIQUE || t == K_PRIMARY ||
				t == K_FOREIGN || (t == K_EXCLUDE && (Tok(1) == '(' || Tok(1) == K_USING)))
			{
				n->subtype = AT_AddConstraint;
				n->def = ParseTableConstraint();
				return reinterpret_cast<Node *>(n);
			}
			Accept(K_COLUMN);
			n->subtype = AT_AddColumn;
			n->missing_ok = ACCEPT_IF_NOT_EXISTS();
			n->def = ParseColumnDef();
			return reinterpret_cast<Node *>(n);
		}
		case K_DROP:
		{
			Advance();
			if (Accept(K_CONSTRAINT))
			{
				n->subtype = AT_DropConstraint;
				n->missing_ok = ACCEPT_IF_EXISTS();
				n->name = ParseColId();
			}
			else
			{
				Accept(K_COLUMN);
				n->subtype = AT_DropColumn;
				n->missing_ok = ACCEPT_IF_EXISTS();
				n->name = ParseColId();
			}
			if (Accept(K_CASCADE))
				n->behavior = DROP_CASCADE;
			else
				Accept(K_RESTRICT);
			return reinterpret_cast<Node *>(n);
		}
		case K_ALTER:
		{
			Advance();
			if (Accept(K_CONSTRAINT))
			{
				n->subtype = AT_AlterConstraint;
				Constraint *c = NewConstraint(CONSTR_FOREIGN, 0);
				c->conname = ParseColId();
				int bits = ParseConstraintAttributeSpec();
				ProcessCasBits(bits, "FOREIGN KEY", &c->deferrable, &c->initdeferred, nullptr,
							   nullptr);
				n->def = reinterpret_cast<Node *>(c);
				return reinterpret_cast<Node *>(n);
			}
			Accept(K_COLUMN);
			int cloc = Loc();
			if (Tok() == ICONST)
			{
				int num = ParseIconst();
				Expect(K_SET);
				Expect(K_STATISTICS);
				n->def = reinterpret_cast<Node *>(makeInteger(ParseSignedIconst()));
				if (num <= 0 || num > PG_INT16_MAX)
					ErrorAt(ERRCODE_INVALID_PARAMETER_VALUE, cloc,
							"column number must be in range from 1 to %d", PG_INT16_MAX);
				n->subtype = AT_SetStatistics;
				n->num = static_cast<int16>(num);
				return reinterpret_cast<Node *>(n);
			}
			n->name = ParseColId();
			switch (Tok())
			{
				case K_SET:
					switch (Tok(1))
					{
						case K_DEFAULT:
							Advance();
							Advance();
							n->subtype = AT_ColumnDefault;
							n->def = ParseAExpr();
							return reinterpret_cast<Node *>(n);
						case K_NOT:
							Advance();
							Advance();
							Expect(K_NULL);
							n->subtype = AT_SetNotNull;
							return reinterpret_cast<Node *>(n);
						case K_STATISTICS:
							Advance();
							Advance();
							n->subtype = AT_SetStatistics;
							n->def = reinterpret_cast<Node *>(makeInteger(ParseSignedIconst()));
							return reinterpret_cast<Node *>(n);
						case '(':
							Advance();
							n->subtype = AT_SetOptions;
							n->def = reinterpret_cast<Node *>(ParseRelOptions());
							return reinterpret_cast<Node *>(n);
						case K_STORAGE:
							Advance();
							Advance();
							n->subtype = AT_SetStorage;
							n->def = reinterpret_cast<Node *>(makeString(ParseColId()));
							return reinterpret_cast<Node *>(n);
						case K_COMPRESSION:
							Advance();
							Advance();
							n->subtype = AT_SetCompression;
							n->def = reinterpret_cast<Node *>(
								makeString(Accept(K_DEFAULT) ? pstrdup("default") : ParseColId()));
							return reinterpret_cast<Node *>(n);
						case K_DATA:
							Advance();
							Advance();
							Expect(K_TYPE);
							return ParseAlterColumnType(n, cloc);
						default:
							n->subtype = AT_SetIdentity;
							n->def = reinterpret_cast<Node *>(ParseIdentityOptions());
							return reinterpret_cast<Node *>(n);
					}
				case K_RESTART:
					n->subtype = AT_SetIdentity;
					n->def = reinterpret_cast<Node *>(ParseIdentityOptions());
					return reinterpret_cast<Node *>(n);
				case K_TYPE:
					Advance();
					return ParseAlterColumnType(n, cloc);
				case K_DROP:
					Advance();
					if (Accept(K_DEFAULT))
					{
						n->subtype = AT_ColumnDefault;
						return reinterpret_cast<Node *>(n);
					}
					if (Accept(K_NOT))
					{
						Expect(K_NULL);
						n->subtype = AT_DropNotNull;
						return reinterpret_cast<Node *>(n);
					}
					if (Accept(K_EXPRESSION))
					{
						n->subtype = AT_DropExpression;
						n->missing_ok = ACCEPT_IF_EXISTS_ALONE();
						return reinterpret_cast<Node *>(n);
					}
					Expect(K_IDENTITY);
					n->subtype = AT_DropIdentity;
					n->missing_ok = ACCEPT_IF_EXISTS_ALONE();
					return reinterpret_cast<Node *>(n);
				case K_RESET:
					Advance();
					n->subtype = AT_ResetOptions;
					n->def = reinterpret_cast<Node *>(ParseRelOptions());
					return reinterpret_cast<Node *>(n);
				case K_ADD:
				{
					Advance();
					int gloc = Loc();
					Expect(K_GENERATED);
					Constraint *c = NewConstraint(CONSTR_IDENTITY, gloc);
					if (Accept(K_ALWAYS))
						c->generated_when = ATTRIBUTE_IDENTITY_ALWAYS;
					else
					{
						Expect(K_BY);
						Expect(K_DEFAULT);
						c->generated_when = ATTRIBUTE_IDENTITY_BY_DEFAULT;
					}
					Expect(K_AS);
					Expect(K_IDENTITY);
					if (Accept('('))
					{
						c->options = ParseSeqOptList();
						Expect(')');
					}
					n->subtype = AT_AddIdentity;
					n->def = reinterpret_cast<Node *>(c);
					return reinterpret_cast<Node *>(n);
				}
				case K_OPTIONS:
					return unsupported("ALTER COLUMN … OPTIONS");
				default:
					SyntaxError();
			}
		}
		case K_VALIDATE:
			Advance();
			Expect(K_CONSTRAINT);
			n->subtype = AT_ValidateConstraint;
			n->name = ParseColId();
			return reinterpret_cast<Node *>(n);
		case K_SET:
			Advance();
			switch (Tok())
			{
				case K_WITHOUT:
					Advance();
					if (Accept(K_OIDS))
						n->subtype = AT_DropOids;
					else
					{
						Expect(K_CLUSTER);
						n->subtype = AT_DropCluster;
					}
					return reinterpret_cast<Node *>(n);
				case K_LOGGED:
					Advance();
					n->subtype = AT_SetLogged;
					return reinterpret_cast<Node *>(n);
				case K_UNLOGGED:
					Advance();
					n->subtype = AT_SetUnLogged;
					return reinterpret_cast<Node *>(n);
				case K_ACCESS:
					Advance();
					Expect(K_METHOD);
					n->subtype = AT_SetAccessMethod;
					n->name = ParseColId();
					return reinterpret_cast<Node *>(n);
				case K_TABLESPACE:
					Advance();
					n->subtype = AT_SetTableSpace;
					n->name = ParseColId();
					return reinterpret_cast<Node *>(n);
				case '(':
					n->subtype = AT_SetRelOptions;
					n->def = reinterpret_cast<Node *>(ParseRelOptions());
					return reinterpret_cast<Node *>(n);
				default:
					SyntaxError();
			}
		case K_RESET:
			Advance();
			n->subtype = AT_ResetRelOptions;
			n->def = reinterpret_cast<Node *>(ParseRelOptions());
			return reinterpret_cast<Node *>(n);
		case K_CLUSTER:
			Advance();
			Expect(K_ON);
			n->subtype = AT_ClusterOn;
			n->name = ParseColId();
			return reinterpret_cast<Node *>(n);
		case K_OWNER:
			Advance();
			Expect(K_TO);
			n->subtype = AT_ChangeOwner;
			n->newowner = ParseRoleSpec();
			return reinterpret_cast<Node *>(n);
		case K_INHERIT:
			Advance();
			n->subtype = AT_AddInherit;
			n->def = reinterpret_cast<Node *>(ParseQualifiedName());
			return reinterpret_cast<Node *>(n);
		case K_NO:
			Advance();
			if (Accept(K_INHERIT))
			{
				n->subtype = AT_DropInherit;
				n->def = reinterpret_cast<Node *>(ParseQualifiedName());
				return reinterpret_cast<Node *>(n);
			}
			if (Accept(K_FORCE))
			{
				Expect(K_ROW);
				Expect(K_LEVEL);
				Expect(K_SECURITY);
				n->subtype = AT_NoForceRowSecurity;
				return reinterpret_cast<Node *>(n);
			}
			SyntaxError();
		case K_OF:
		{
			Advance();
			int loc = Loc();
			TypeName *tn = MakeTypeNameFromNameList(ParseAnyName());
			tn->location = loc;
			n->subtype = AT_AddOf;
			n->def = reinterpret_cast<Node *>(tn);
			return reinterpret_cast<Node *>(n);
		}
		case K_NOT:
			Advance();
			Expect(K_OF);
			n->subtype = AT_DropOf;
			return reinterpret_cast<Node *>(n);
		case K_FORCE:
			Advance();
			Expect(K_ROW);
			Expect(K_LEVEL);
			Expect(K_SECURITY);
			n->subtype = AT_ForceRowSecurity;
			return reinterpret_cast<Node *>(n);
		case K_ENABLE:
		case K_DISABLE:
		{
			bool enable = Tok() == K_ENABLE;
			Advance();
			if (Tok() == K_ROW)
			{
				Advance();
				Expect(K_LEVEL);
				Expect(K_SECURITY);
				n->subtype = enable ? AT_EnableRowSecurity : AT_DisableRowSecurity;
				return reinterpret_cast<Node *>(n);
			}
			int mode = 0; /* 1 ALWAYS, 2 REPLICA */
			if (enable && Accept(K_ALWAYS))
				mode = 1;
			else if (enable && Accept(K_REPLICA))
				mode = 2;
			if (Accept(K_RULE))
			{
				n->subtype = !enable ? AT_DisableRule
					: mode == 1		 ? AT_EnableAlwaysRule
					: mode == 2		 ? AT_EnableReplicaRule
									 : AT_EnableRule;
				n->name = ParseColId();
				return reinterpret_cast<Node *>(n);
			}
			Expect(K_TRIGGER);
			if (mode == 0 && Accept(K_ALL))
				n->subtype = enable ? AT_EnableTrigAll : AT_DisableTrigAll;
			else if (mode == 0 && Accept(K_USER))
				n->subtype = enable ? AT_EnableTrigUser : AT_DisableTrigUser;
			else
			{
				n->subtype = !enable ? AT_DisableTrig
					: mode == 1		 ? AT_EnableAlwaysTrig
					: mode == 2		 ? AT_EnableReplicaTrig
									 : AT_EnableTrig;
				n->name = ParseColId();
			}
			return reinterpret_cast<Node *>(n);
		}
		case K_REPLICA:
			return unsupported("ALTER TABLE … REPLICA IDENTITY");
		case K_OPTIONS:
			return unsupported("ALTER TABLE … OPTIONS");
		default:
			SyntaxError();
	}
}

/* [SET DATA] TYPE Typename [COLLATE name] [USING expr], after TYPE */
Node *Parser::ParseAlterColumnType(AlterTableCmd *n, int location)
{
	n->subtype = AT_AlterColumnType;
	ColumnDef *def = makeNode(ColumnDef);
	def->typeName = ParseTypename();
	if (Tok() == K_COLLATE)
	{
		CollateClause *c = makeNode(CollateClause);
		c->location = Loc();
		Advance();
		c->collname = ParseAnyName();
		def->collClause = c;
	}
	if (Accept(K_USING))
		def->raw_default = ParseAExpr();
	def->location = location;
	n->def = reinterpret_cast<Node *>(def);
	return reinterpret_cast<Node *>(n);
}

/* alter_identity_column_option_list: RESTART [[WITH] n] | SET seqopt |
 * SET GENERATED {ALWAYS | BY DEFAULT}, one or more */
List *Parser::ParseIdentityOptions()
{
	List *opts = NIL;
	do
	{
		int oloc = Loc();
		if (Accept(K_RESTART))
		{
			if (Tok() == K_WITH || Tok() == WITH_LA)
			{
				Advance();
				opts = lappend(opts, MakeDefElem("restart", ParseNumericOnly(), oloc));
			}
			else if (StartsNumericOnly(Tok(), Tok(1)))
				opts = lappend(opts, MakeDefElem("restart", ParseNumericOnly(), oloc));
			else
				opts = lappend(opts, MakeDefElem("restart", nullptr, oloc));
			continue;
		}
		Expect(K_SET);
		if (Accept(K_GENERATED))
		{
			int when;
			if (Accept(K_ALWAYS))
				when = ATTRIBUTE_IDENTITY_ALWAYS;
			else
			{
				Expect(K_BY);
				Expect(K_DEFAULT);
				when = ATTRIBUTE_IDENTITY_BY_DEFAULT;
			}
			opts = lappend(opts,
						   MakeDefElem("generated", reinterpret_cast<Node *>(makeInteger(when)),
									   oloc));
			continue;
		}
		int eloc = Loc();
		DefElem *d = ParseSeqOptElem();
		if (strcmp(d->defname, "as") == 0 || strcmp(d->defname, "restart") == 0 ||
			strcmp(d->defname, "owned_by") == 0)
			ErrorAt(ERRCODE_SYNTAX_ERROR, eloc, "sequence option \"%s\" not supported here",
					d->defname);
		opts = lappend(opts, d);
	} while (Tok() == K_RESTART || Tok() == K_SET);
	return opts;
}

/* … RENAME TO name | RENAME [COLUMN] a TO b | RENAME CONSTRAINT a TO b */
Node *Parser::ParseRename(ObjectType objtype, RangeVar *rel, bool missing_ok)
{
	Expect(K_RENAME);
	RenameStmt *n = makeNode(RenameStmt);
	n->relation = rel;
	n->missing_ok = missing_ok;
	if (Accept(K_TO))
	{
		n->renameType = objtype;
		n->newname = ParseColId();
		return reinterpret_cast<Node *>(n);
	}
	if (objtype == OBJECT_TABLE && Accept(K_CONSTRAINT))
	{
		n->renameType = OBJECT_TABCONSTRAINT;
		n->subname = ParseColId();
		Expect(K_TO);
		n->newname = ParseColId();
		return reinterpret_cast<Node *>(n);
	}
	if (objtype != OBJECT_TABLE && objtype != OBJECT_VIEW)
		SyntaxError();
	Accept(K_COLUMN);
	n->renameType = OBJECT_COLUMN;
	n->relationType = objtype;
	n->subname = ParseColId();
	Expect(K_TO);
	n->newname = ParseColId();
	return reinterpret_cast<Node *>(n);
}

/* … name SET SCHEMA newschema, after ALTER TABLE/VIEW/SEQUENCE
 * [IF EXISTS] name */
Node *Parser::ParseSetSchema(ObjectType objtype, RangeVar *rel, bool missing_ok)
{
	Expect(K_SET);
	Expect(K_SCHEMA);
	AlterObjectSchemaStmt *n = makeNode(AlterObjectSchemaStmt);
	n->objectType = objtype;
	n->relation = rel;
	n->newschema = ParseColId();
	n->missing_ok = missing_ok;
	return reinterpret_cast<Node *>(n);
}

/* ALTER SEQUENCE [IF EXISTS] name {options | RENAME … | subcommands} */
Node *Parser::ParseAlterSeq()
{
	bool missing_ok = ACCEPT_IF_EXISTS();
	RangeVar *rel = ParseQualifiedName();
	if (Tok() == K_RENAME)
		return ParseRename(OBJECT_SEQUENCE, rel, missing_ok);
	if (Tok() == K_SET && Tok(1) == K_SCHEMA)
		return ParseSetSchema(OBJECT_SEQUENCE, rel, missing_ok);
	if (StartsSeqOptElem(Tok()))
	{
		AlterSeqStmt *n = makeNode(AlterSeqStmt);
		n->sequence = rel;
		n->missing_ok = missing_ok;
		n->options = ParseSeqOptList();
		return reinterpret_cast<Node *>(n);
	}
	AlterTableStmt *n = makeNode(AlterTableStmt);
	n->relation = rel;
	n->objtype = OBJECT_SEQUENCE;
	n->missing_ok = missing_ok;
	do
	{
		Node *cmd = ParseAlterTableCmd();
		if (cmd != nullptr)
			n->cmds = lappend(n->cmds, cmd);
	} while (Accept(','));
	return reinterpret_cast<Node *>(n);
}

/* ------------------------------------------------------------------- DROP */

/* ------------------------------------------------------- CREATE FUNCTION */

namespace {

/* Keywords that start a type but are no type_function_name (so a
 * parameter is never named by one of them). */
bool IsTypeKeywordTok(int t)
{
	switch (t)
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
		case K_CHARACTER:
		case K_CHAR:
		case K_VARCHAR:
		case K_NATIONAL:
		case K_NCHAR:
		case K_BIT:
		case K_TIME:
		case K_TIMESTAMP:
		case K_INTERVAL:
		case K_SETOF:
			return true;
		default:
			return false;
	}
}

bool IsArgModeTok(int t)
{
	return t == K_IN || t == K_OUT || t == K_INOUT || t == K_VARIADIC;
}

}  // namespace

/* arg_class: IN | OUT | INOUT | IN OUT | VARIADIC; the mode it names. */
static FunctionParameterMode ParseArgMode(int t, int t1, int *ntoks)
{
	*ntoks = 1;
	switch (t)
	{
		case K_IN:
			if (t1 == K_OUT)
			{
				*ntoks = 2;
				return FUNC_PARAM_INOUT;
			}
			return FUNC_PARAM_IN;
		case K_OUT:
			return FUNC_PARAM_OUT;
		case K_INOUT:
			return FUNC_PARAM_INOUT;
		default:
			return FUNC_PARAM_VARIADIC;
	}
}

/* func_arg [DEFAULT a_expr | = a_expr]: [mode] [name] [mode] type. */
FunctionParameter *Parser::ParseFuncArg(bool with_default)
{
	FunctionParameter *p = makeNode(FunctionParameter);
	p->mode = FUNC_PARAM_DEFAULT;
	int ntoks;
	if (IsArgModeTok(Tok()))
	{
		p->mode = ParseArgMode(Tok(), Tok(1), &ntoks);
		for (int i = 0; i < ntoks; i++)
			Advance();
	}
	/* A name, when a type follows it. */
	if (IsTypeFunctionNameTok(Tok()) &&
		(IsTypeFunctionNameTok(Tok(1)) || IsTypeKeywordTok(Tok(1)) ||
		 (p->mode == FUNC_PARAM_DEFAULT && IsArgModeTok(Tok(1)))))
	{
		p->name = TokenText(Peek());
		Advance();
		if (p->mode == FUNC_PARAM_DEFAULT && IsArgModeTok(Tok()))
		{
			p->mode = ParseArgMode(Tok(), Tok(1), &ntoks);
			for (int i = 0; i < ntoks; i++)
				Advance();
		}
	}
	p->argType = ParseTypename();
	if (with_default && (Accept(K_DEFAULT) || Accept('=')))
		p->defexpr = ParseAExpr();
	return p;
}

/* '(' [func_arg_with_default [, …]] ')' */
List *Parser::ParseFuncArgsWithDefaults()
{
	Expect('(');
	List *result = NIL;
	if (!Accept(')'))
	{
		do
			result = lappend(result, ParseFuncArg(true));
		while (Accept(','));
		Expect(')');
	}
	return result;
}

/* One createfunc_opt_item, or NULL when none starts here. */
DefElem *Parser::ParseCreateFuncOption()
{
	int loc = Loc();
	switch (Tok())
	{
		case K_AS:
		{
			Advance();
			List *as = list_make1(makeString(ParseSconst()));
			if (Accept(','))
				as = lappend(as, makeString(ParseSconst()));
			return MakeDefElem("as", reinterpret_cast<Node *>(as), loc);
		}
		case K_LANGUAGE:
			Advance();
			return MakeDefElem("language",
							   reinterpret_cast<Node *>(makeString(ParseNonReservedWordOrSconst())),
							   loc);
		case K_IMMUTABLE:
		case K_STABLE:
		case K_VOLATILE:
		{
			const char *v = Tok() == K_IMMUTABLE ? "immutable"
				: Tok() == K_STABLE				 ? "stable"
												 : "volatile";
			Advance();
			return MakeDefElem("volatility", reinterpret_cast<Node *>(makeString(pstrdup(v))), loc);
		}
		case K_STRICT:
			Advance();
			return MakeDefElem("strict", reinterpret_cast<Node *>(makeBoolean(true)), loc);
		case K_CALLED:
			Advance();
			Expect(K_ON);
			Expect(K_NULL);
			Expect(K_INPUT);
			return MakeDefElem("strict", reinterpret_cast<Node *>(makeBoolean(false)), loc);
		case K_RETURNS:
			Advance();
			Expect(K_NULL);
			Expect(K_ON);
			Expect(K_NULL);
			Expect(K_INPUT);
			return MakeDefElem("strict", reinterpret_cast<Node *>(makeBoolean(true)), loc);
		case K_EXTERNAL:
		case K_SECURITY:
		{
			Accept(K_EXTERNAL);
			Expect(K_SECURITY);
			bool definer = Tok() == K_DEFINER;
			if (!Accept(K_DEFINER))
				Expect(K_INVOKER);
			return MakeDefElem("security", reinterpret_cast<Node *>(makeBoolean(definer)), loc);
		}
		case K_LEAKPROOF:
			Advance();
			return MakeDefElem("leakproof", reinterpret_cast<Node *>(makeBoolean(true)), loc);
		case K_NOT:
			if (Tok(1) != K_LEAKPROOF)
				return nullptr;
			Advance();
			Advance();
			return MakeDefElem("leakproof", reinterpret_cast<Node *>(makeBoolean(false)), loc);
		case K_COST:
			Advance();
			return MakeDefElem("cost", ParseNumericOnly(), loc);
		case K_ROWS:
			Advance();
			return MakeDefElem("rows", ParseNumericOnly(), loc);
		case K_PARALLEL:
			Advance();
			return MakeDefElem("parallel", reinterpret_cast<Node *>(makeString(ParseColId())), loc);
		case K_WINDOW:
			Advance();
			return MakeDefElem("window", reinterpret_cast<Node *>(makeBoolean(true)), loc);
		case K_SUPPORT:
			Advance();
			return MakeDefElem("support", reinterpret_cast<Node *>(ParseAnyName()), loc);
		case K_SET:
		case K_RESET:
		case K_TRANSFORM:
			Unsupported(Tok() == K_TRANSFORM ? "CREATE FUNCTION … TRANSFORM"
											 : "CREATE FUNCTION … SET/RESET",
						loc);
			/* Skip it: to the next option (its value is one word or a
			 * list). */
			Advance();
			while (Tok() != ';' && Tok() != TOK_EOF && Tok() != K_AS && Tok() != K_LANGUAGE &&
				   Tok() != K_RETURN && Tok() != K_BEGIN)
			{
				/* (a lexical error repeats: report it rather than skip) */
				if (Tok() == TOK_ERROR)
					SyntaxError();
				Advance();
			}
			return MakeDefElem("set", nullptr, loc);
		default:
			return nullptr;
	}
}

/* RETURN a_expr | BEGIN ATOMIC (stmt ;)* END, as its SQL text (a
 * String): `SELECT a_expr`, or the statements. */
Node *Parser::ParseRoutineBody()
{
	if (Accept(K_RETURN))
	{
		int start = Loc();
		(void) ParseAExpr();
		int end = Peek(-1).end;
		std::string body = "SELECT ";
		body.append(src_ + start, static_cast<size_t>(end - start));
		return reinterpret_cast<Node *>(makeString(pstrdup(body.c_str())));
	}
	Expect(K_BEGIN);
	Expect(K_ATOMIC);
	int start = Loc();
	int end = start;
	while (Tok() != K_END)
	{
		if (Tok() == TOK_EOF || Tok() == TOK_ERROR)
			SyntaxError();
		if (Accept(';'))
			continue;
		(void) ParseStmt();
		end = Peek(-1).end;
		if (Tok() != K_END)
			Expect(';');
	}
	Expect(K_END);
	std::string body(src_ + start, static_cast<size_t>(end - start));
	return reinterpret_cast<Node *>(makeString(pstrdup(body.c_str())));
}

/* CREATE [OR REPLACE] FUNCTION func_name func_args_with_defaults
 * [RETURNS func_return | RETURNS TABLE (…)] createfunc_opt_list
 * [routine_body] */
Node *Parser::ParseCreateFunction(bool replace)
{
	Expect(K_FUNCTION);
	CreateFunctionStmt *n = makeNode(CreateFunctionStmt);
	n->replace = replace;
	int nameloc = Loc();
	if (!IsTypeFunctionNameTok(Tok()) && !IsColIdTok(Tok()))
		SyntaxError();
	char *first = TokenText(Peek());
	Advance();
	n->funcname = ParseFuncNameFromColId(first, nameloc);
	n->parameters = ParseFuncArgsWithDefaults();
	if (Accept(K_RETURNS))
	{
		if (Tok() == K_TABLE && Tok(1) == '(')
		{
			int loc = Loc();
			Advance();
			Expect('(');
			List *cols = NIL;
			do
			{
				FunctionParameter *p = makeNode(FunctionParameter);
				p->name = ParseColId();
				p->argType = ParseTypename();
				p->mode = FUNC_PARAM_TABLE;
				cols = lappend(cols, p);
			} while (Accept(','));
			Expect(')');
			n->parameters = list_concat(n->parameters, cols);
			/* One column: SETOF its type; several: SETOF record. */
			TypeName *rt = list_length(cols) == 1
				? static_cast<TypeName *>(
					  copyObject(static_cast<FunctionParameter *>(linitial(cols))->argType))
				: SystemTypeName("record");
			rt->setof = true;
			rt->location = loc;
			n->returnType = rt;
		}
		else
			n->returnType = ParseTypename();
	}
	while (DefElem *opt = ParseCreateFuncOption())
		n->options = lappend(n->options, opt);
	if (Tok() == K_RETURN || (Tok() == K_BEGIN && Tok(1) == K_ATOMIC))
		n->sql_body = ParseRoutineBody();
	return reinterpret_cast<Node *>(n);
}

/* function_with_argtypes: func_name ['(' [func_arg [, …]] ')'] */
ObjectWithArgs *Parser::ParseFunctionWithArgTypes()
{
	ObjectWithArgs *o = makeNode(ObjectWithArgs);
	int nameloc = Loc();
	if (!IsTypeFunctionNameTok(Tok()) && !IsColIdTok(Tok()))
		SyntaxError();
	char *first = TokenText(Peek());
	Advance();
	o->objname = ParseFuncNameFromColId(first, nameloc);
	if (Tok() != '(')
	{
		o->args_unspecified = true;
		return o;
	}
	Advance();
	if (!Accept(')'))
	{
		do
		{
			FunctionParameter *p = ParseFuncArg(false);
			o->objfuncargs = lappend(o->objfuncargs, p);
			/* OUT arguments do not identify a function. */
			if (p->mode != FUNC_PARAM_OUT && p->mode != FUNC_PARAM_TABLE)
				o->objargs = lappend(o->objargs, p->argType);
		} while (Accept(','));
		Expect(')');
	}
	return o;
}

Node *Parser::ParseDrop()
{
	Expect(K_DROP);
	DropStmt *n = makeNode(DropStmt);
	enum
	{
		kAnyName,
		kName,
		kTypeName,
		kOnName
	} form = kAnyName;
	int t = Tok();
	switch (t)
	{
		case K_TABLE:
			n->removeType = OBJECT_TABLE;
			Advance();
			break;
		case K_SEQUENCE:
			n->removeType = OBJECT_SEQUENCE;
			Advance();
			break;
		case K_VIEW:
			n->removeType = OBJECT_VIEW;
			Advance();
			break;
		case K_MATERIALIZED:
			Advance();
			Expect(K_VIEW);
			n->removeType = OBJECT_MATVIEW;
			break;
		case K_INDEX:
			Advance();
			n->removeType = OBJECT_INDEX;
			n->concurrent = Accept(K_CONCURRENTLY);
			break;
		case K_FOREIGN:
			Advance();
			if (Accept(K_TABLE))
				n->removeType = OBJECT_FOREIGN_TABLE;
			else
			{
				Expect(K_DATA);
				Expect(K_WRAPPER);
				n->removeType = OBJECT_FDW;
				form = kName;
			}
			break;
		case K_COLLATION:
			Advance();
			n->removeType = OBJECT_COLLATION;
			break;
		case K_CONVERSION:
			Advance();
			n->removeType = OBJECT_CONVERSION;
			break;
		case K_STATISTICS:
			Advance();
			n->removeType = OBJECT_STATISTIC_EXT;
			break;
		case K_TEXT:
			Advance();
			Expect(K_SEARCH);
			if (Accept(K_PARSER))
				n->removeType = OBJECT_TSPARSER;
			else if (Accept(K_DICTIONARY))
				n->removeType = OBJECT_TSDICTIONARY;
			else if (Accept(K_TEMPLATE))
				n->removeType = OBJECT_TSTEMPLATE;
			else
			{
				Expect(K_CONFIGURATION);
				n->removeType = OBJECT_TSCONFIGURATION;
			}
			break;
		case K_ACCESS:
			Advance();
			Expect(K_METHOD);
			n->removeType = OBJECT_ACCESS_METHOD;
			form = kName;
			break;
		case K_EVENT:
			Advance();
			Expect(K_TRIGGER);
			n->removeType = OBJECT_EVENT_TRIGGER;
			form = kName;
			break;
		case K_EXTENSION:
			Advance();
			n->removeType = OBJECT_EXTENSION;
			form = kName;
			break;
		case K_PROCEDURAL:
		case K_LANGUAGE:
			Advance();
			if (t == K_PROCEDURAL)
				Expect(K_LANGUAGE);
			n->removeType = OBJECT_LANGUAGE;
			form = kName;
			break;
		case K_PUBLICATION:
			Advance();
			n->removeType = OBJECT_PUBLICATION;
			form = kName;
			break;
		case K_SCHEMA:
			Advance();
			n->removeType = OBJECT_SCHEMA;
			form = kName;
			break;
		case K_SERVER:
			Advance();
			n->removeType = OBJECT_FOREIGN_SERVER;
			form = kName;
			break;
		case K_TYPE:
		case K_DOMAIN:
			Advance();
			n->removeType = t == K_TYPE ? OBJECT_TYPE : OBJECT_DOMAIN;
			form = kTypeName;
			break;
		case K_POLICY:
		case K_RULE:
		case K_TRIGGER:
			Advance();
			n->removeType = t == K_POLICY ? OBJECT_POLICY
				: t == K_RULE			  ? OBJECT_RULE
										  : OBJECT_TRIGGER;
			form = kOnName;
			break;
		case K_DATABASE:
			return ParseDropdb();
		case K_FUNCTION:
		{
			Advance();
			n->removeType = OBJECT_FUNCTION;
			n->missing_ok = ACCEPT_IF_EXISTS();
			do
				n->objects = lappend(n->objects, ParseFunctionWithArgTypes());
			while (Accept(','));
			if (Accept(K_CASCADE))
				n->behavior = DROP_CASCADE;
			else
				Accept(K_RESTRICT);
			return reinterpret_cast<Node *>(n);
		}
		case K_PROCEDURE:
			return SkipUnsupportedStmt("DROP PROCEDURE");
		case K_ROUTINE:
			return SkipUnsupportedStmt("DROP ROUTINE");
		case K_AGGREGATE:
			return SkipUnsupportedStmt("DROP AGGREGATE");
		case K_OPERATOR:
			return SkipUnsupportedStmt("DROP OPERATOR");
		case K_CAST:
			return SkipUnsupportedStmt("DROP CAST");
		case K_TRANSFORM:
			return SkipUnsupportedStmt("DROP TRANSFORM");
		case K_ROLE:
		case K_GROUP:
			return ParseDropRole();
		case K_USER:
			if (Tok(1) == K_MAPPING)
				return SkipUnsupportedStmt("DROP USER MAPPING");
			return ParseDropRole();
		case K_OWNED:
			return ParseDropOwned();
		case K_SUBSCRIPTION:
			return SkipUnsupportedStmt("DROP SUBSCRIPTION");
		case K_TABLESPACE:
			return SkipUnsupportedStmt("DROP TABLESPACE");
		default:
			SyntaxError();
	}
	n->missing_ok = ACCEPT_IF_EXISTS();
	switch (form)
	{
		case kAnyName:
			n->objects = ParseAnyNameList();
			break;
		case kName:
			n->objects = ParseNameList();
			break;
		case kTypeName:
			n->objects = ParseTypeList();
			break;
		case kOnName:
		{
			char *name = ParseColId();
			Expect(K_ON);
			List *rel = ParseAnyName();
			n->objects = list_make1(lappend(rel, makeString(name)));
			break;
		}
	}
	if (Accept(K_CASCADE))
		n->behavior = DROP_CASCADE;
	else
		Accept(K_RESTRICT);
	return reinterpret_cast<Node *>(n);
}

/* DROP DATABASE [IF EXISTS] name [[WITH] (FORCE [, …])] */
Node *Parser::ParseDropdb()
{
	Expect(K_DATABASE);
	DropdbStmt *n = makeNode(DropdbStmt);
	n->missing_ok = ACCEPT_IF_EXISTS();
	n->dbname = ParseColId();
	if (Tok() == K_WITH || Tok() == WITH_LA)
	{
		Advance();
		if (Tok() != '(')
			SyntaxError();
	}
	if (Accept('('))
	{
		do
		{
			int loc = Loc();
			Expect(K_FORCE);
			n->options = lappend(n->options, MakeDefElem("force", nullptr, loc));
		} while (Accept(','));
		Expect(')');
	}
	return reinterpret_cast<Node *>(n);
}

/* TRUNCATE [TABLE] rels [RESTART|CONTINUE IDENTITY] [CASCADE|RESTRICT] */
Node *Parser::ParseTruncate()
{
	Expect(K_TRUNCATE);
	Accept(K_TABLE);
	TruncateStmt *n = makeNode(TruncateStmt);
	n->relations = ParseRelationExprList();
	if (Accept(K_RESTART))
	{
		Expect(K_IDENTITY);
		n->restart_seqs = true;
	}
	else if (Accept(K_CONTINUE))
		Expect(K_IDENTITY);
	if (Accept(K_CASCADE))
		n->behavior = DROP_CASCADE;
	else
		Accept(K_RESTRICT);
	return reinterpret_cast<Node *>(n);
}

/* COMMENT ON object IS 'text' | NULL */
Node *Parser::ParseComment()
{
	Expect(K_COMMENT);
	Expect(K_ON);
	CommentStmt *n = makeNode(CommentStmt);
	int t = Tok();
	switch (t)
	{
		case K_TABLE:
		case K_SEQUENCE:
		case K_VIEW:
		case K_INDEX:
		case K_COLLATION:
		case K_CONVERSION:
		case K_STATISTICS:
		case K_COLUMN:
			Advance();
			n->objtype = t == K_TABLE ? OBJECT_TABLE
				: t == K_SEQUENCE	  ? OBJECT_SEQUENCE
				: t == K_VIEW		  ? OBJECT_VIEW
				: t == K_INDEX		  ? OBJECT_INDEX
				: t == K_COLLATION	  ? OBJECT_COLLATION
				: t == K_CONVERSION	  ? OBJECT_CONVERSION
				: t == K_STATISTICS	  ? OBJECT_STATISTIC_EXT
									  : OBJECT_COLUMN;
			n->object = reinterpret_cast<Node *>(ParseAnyName());
			break;
		case K_MATERIALIZED:
			Advance();
			Expect(K_VIEW);
			n->objtype = OBJECT_MATVIEW;
			n->object = reinterpret_cast<Node *>(ParseAnyName());
			break;
		case K_FOREIGN:
			Advance();
			if (Accept(K_TABLE))
			{
				n->objtype = OBJECT_FOREIGN_TABLE;
				n->object = reinterpret_cast<Node *>(ParseAnyName());
			}
			else
			{
				Expect(K_DATA);
				Expect(K_WRAPPER);
				n->objtype = OBJECT_FDW;
				n->object = reinterpret_cast<Node *>(makeString(ParseColId()));
			}
			break;
		case K_TEXT:
			Advance();
			Expect(K_SEARCH);
			if (Accept(K_PARSER))
				n->objtype = OBJECT_TSPARSER;
			else if (Accept(K_DICTIONARY))
				n->objtype = OBJECT_TSDICTIONARY;
			else if (Accept(K_TEMPLATE))
				n->objtype = OBJECT_TSTEMPLATE;
			else
			{
				Expect(K_CONFIGURATION);
				n->objtype = OBJECT_TSCONFIGURATION;
			}
			n->object = reinterpret_cast<Node *>(ParseAnyName());
			break;
		case K_ACCESS:
		case K_EVENT:
		case K_EXTENSION:
		case K_PROCEDURAL:
		case K_LANGUAGE:
		case K_PUBLICATION:
		case K_SCHEMA:
		case K_SERVER:
		case K_DATABASE:
		case K_ROLE:
		case K_SUBSCRIPTION:
		case K_TABLESPACE:
			Advance();
			if (t == K_ACCESS)
				Expect(K_METHOD);
			else if (t == K_EVENT)
				Expect(K_TRIGGER);
			else if (t == K_PROCEDURAL)
				Expect(K_LANGUAGE);
			n->objtype = t == K_ACCESS ? OBJECT_ACCESS_METHOD
				: t == K_EVENT		   ? OBJECT_EVENT_TRIGGER
				: t == K_EXTENSION	   ? OBJECT_EXTENSION
				: t == K_PUBLICATION   ? OBJECT_PUBLICATION
				: t == K_SCHEMA		   ? OBJECT_SCHEMA
				: t == K_SERVER		   ? OBJECT_FOREIGN_SERVER
				: t == K_DATABASE	   ? OBJECT_DATABASE
				: t == K_ROLE		   ? OBJECT_ROLE
				: t == K_SUBSCRIPTION  ? OBJECT_SUBSCRIPTION
				: t == K_TABLESPACE	   ? OBJECT_TABLESPACE
									   : OBJECT_LANGUAGE;
			n->object = reinterpret_cast<Node *>(makeString(ParseColId()));
			break;
		case K_TYPE:
		case K_DOMAIN:
			if (t == K_DOMAIN && Tok(1) == K_NOT)
				SyntaxError();
			Advance();
			n->objtype = t == K_TYPE ? OBJECT_TYPE : OBJECT_DOMAIN;
			n->object = reinterpret_cast<Node *>(ParseTypename());
			break;
		case K_CONSTRAINT:
		{
			Advance();
			char *name = ParseColId();
			Expect(K_ON);
			/* DOMAIN is also an unreserved name: ON domain IS …, ON domain.t IS … */
			if (Tok() == K_DOMAIN && Tok(1) != K_IS && Tok(1) != '.')
			{
				Advance();
				TypeName *tn = MakeTypeNameFromNameList(ParseAnyName());
				n->objtype = OBJECT_DOMCONSTRAINT;
				n->object = reinterpret_cast<Node *>(list_make2(tn, makeString(name)));
			}
			else
			{
				n->objtype = OBJECT_TABCONSTRAINT;
				n->object = reinterpret_cast<Node *>(lappend(ParseAnyName(), makeString(name)));
			}
			break;
		}
		case K_POLICY:
		case K_RULE:
		case K_TRIGGER:
		{
			Advance();
			n->objtype = t == K_POLICY ? OBJECT_POLICY : t == K_RULE ? OBJECT_RULE : OBJECT_TRIGGER;
			char *name = ParseColId();
			Expect(K_ON);
			n->object = reinterpret_cast<Node *>(lappend(ParseAnyName(), makeString(name)));
			break;
		}
		case K_TRANSFORM:
		{
			Advance();
			Expect(K_FOR);
			TypeName *tn = ParseTypename();
			Expect(K_LANGUAGE);
			n->objtype = OBJECT_TRANSFORM;
			n->object = reinterpret_cast<Node *>(list_make2(tn, makeString(ParseColId())));
			break;
		}
		case K_OPERATOR:
			if (Tok(1) == K_CLASS || Tok(1) == K_FAMILY)
			{
				Advance();
				n->objtype = Accept(K_CLASS) ? OBJECT_OPCLASS : (Advance(), OBJECT_OPFAMILY);
				List *name = ParseAnyName();
				Expect(K_USING);
				n->object = reinterpret_cast<Node *>(lcons(makeString(ParseColId()), name));
				break;
			}
			return SkipUnsupportedStmt("COMMENT ON OPERATOR");
		case K_LARGE:
			Advance();
			Expect(K_OBJECT);
			n->objtype = OBJECT_LARGEOBJECT;
			n->object = ParseNumericOnly();
			break;
		case K_CAST:
		{
			Advance();
			Expect('(');
			TypeName *src = ParseTypename();
			Expect(K_AS);
			TypeName *dst = ParseTypename();
			Expect(')');
			n->objtype = OBJECT_CAST;
			n->object = reinterpret_cast<Node *>(list_make2(src, dst));
			break;
		}
		case K_AGGREGATE:
			return SkipUnsupportedStmt("COMMENT ON AGGREGATE");
		case K_FUNCTION:
			Advance();
			n->objtype = OBJECT_FUNCTION;
			n->object = reinterpret_cast<Node *>(ParseFunctionWithArgTypes());
			break;
		case K_PROCEDURE:
			return SkipUnsupportedStmt("COMMENT ON PROCEDURE");
		case K_ROUTINE:
			return SkipUnsupportedStmt("COMMENT ON ROUTINE");
		default:
			SyntaxError();
	}
	Expect(K_IS);
	if (Accept(K_NULL))
		n->comment = nullptr;
	else
		n->comment = ParseSconst();
	return reinterpret_cast<Node *>(n);
}

/* ------------------------------------------------------------ transactions */

/* transaction_mode_list: items separated by ',' or nothing */
List *Parser::ParseTransactionModeList()
{
	List *result = NIL;
	for (;;)
	{
		int loc = Loc();
		DefElem *d;
		if (Tok() == K_ISOLATION)
		{
			Advance();
			Expect(K_LEVEL);
			int lloc = Loc();
			const char *level;
			if (Accept(K_READ))
			{
				if (Accept(K_UNCOMMITTED))
					level = "read uncommitted";
				else
				{
					Expect(K_COMMITTED);
					level = "read committed";
				}
			}
			else if (Accept(K_REPEATABLE))
			{
				Expect(K_READ);
				level = "repeatable read";
			}
			else
			{
				Expect(K_SERIALIZABLE);
				level = "serializable";
			}
			d = MakeDefElem("transaction_isolation", MakeStringConst(pstrdup(level), lloc), loc);
		}
		else if (Tok() == K_READ)
		{
			Advance();
			bool ro = Accept(K_ONLY);
			if (!ro)
				Expect(K_WRITE);
			d = MakeDefElem("transaction_read_only", MakeIntConst(ro, loc), loc);
		}
		else if (Tok() == K_DEFERRABLE)
		{
			Advance();
			d = MakeDefElem("transaction_deferrable", MakeIntConst(true, loc), loc);
		}
		else if (Tok() == K_NOT)
		{
			Advance();
			Expect(K_DEFERRABLE);
			d = MakeDefElem("transaction_deferrable", MakeIntConst(false, loc), loc);
		}
		else
		{
			if (result != NIL && Tok(-1) == ',')
				SyntaxError();
			return result;
		}
		result = lappend(result, d);
		if (Accept(','))
		{
			/* a mode must follow */
			int t = Tok();
			if (t != K_ISOLATION && t != K_READ && t != K_DEFERRABLE && t != K_NOT)
				SyntaxError();
		}
	}
}

Node *Parser::ParseTransaction()
{
	TransactionStmt *n = makeNode(TransactionStmt);
	int t = Tok();
	Advance();
	auto opt_chain = [&]() {
		if (Tok() == K_AND)
		{
			Advance();
			n->chain = !Accept(K_NO);
			Expect(K_CHAIN);
		}
	};
	switch (t)
	{
		case K_BEGIN:
			n->kind = TRANS_STMT_BEGIN;
			if (!Accept(K_WORK))
				Accept(K_TRANSACTION);
			n->options = ParseTransactionModeList();
			break;
		case K_START:
			n->kind = TRANS_STMT_START;
			Expect(K_TRANSACTION);
			n->options = ParseTransactionModeList();
			break;
		case K_COMMIT:
		case K_END:
			if (t == K_COMMIT && Accept(K_PREPARED))
			{
				n->kind = TRANS_STMT_COMMIT_PREPARED;
				n->gid = ParseSconst();
				break;
			}
			n->kind = TRANS_STMT_COMMIT;
			if (!Accept(K_WORK))
				Accept(K_TRANSACTION);
			opt_chain();
			break;
		case K_ABORT:
			n->kind = TRANS_STMT_ROLLBACK;
			if (!Accept(K_WORK))
				Accept(K_TRANSACTION);
			opt_chain();
			break;
		case K_ROLLBACK:
			if (Accept(K_PREPARED))
			{
				n->kind = TRANS_STMT_ROLLBACK_PREPARED;
				n->gid = ParseSconst();
				break;
			}
			if (!Accept(K_WORK))
				Accept(K_TRANSACTION);
			if (Accept(K_TO))
			{
				n->kind = TRANS_STMT_ROLLBACK_TO;
				if (Tok() == K_SAVEPOINT && IsColIdTok(Tok(1)))
					Advance();
				n->savepoint_name = ParseColId();
				break;
			}
			n->kind = TRANS_STMT_ROLLBACK;
			opt_chain();
			break;
		case K_SAVEPOINT:
			n->kind = TRANS_STMT_SAVEPOINT;
			n->savepoint_name = ParseColId();
			break;
		case K_RELEASE:
			n->kind = TRANS_STMT_RELEASE;
			if (Tok() == K_SAVEPOINT && IsColIdTok(Tok(1)))
				Advance();
			n->savepoint_name = ParseColId();
			break;
		default:
			SyntaxError();
	}
	return reinterpret_cast<Node *>(n);
}

/* ------------------------------------------------------- SET, RESET, SHOW */

/* var_name: ColId ['.' ColId] … */
char *Parser::ParseVarName()
{
	char *name = ParseColId();
	while (Accept('.'))
		name = psprintf("%s.%s", name, ParseColId());
	return name;
}

/* var_value: opt_boolean_or_string | NumericOnly */
Node *Parser::ParseVarValue()
{
	int loc = Loc();
	int t = Tok();
	if (StartsNumericOnly(t, Tok(1)))
		return MakeAConst(ParseNumericOnly(), loc);
	if (t == K_TRUE || t == K_FALSE || t == K_ON)
	{
		Advance();
		return MakeStringConst(pstrdup(GetKeyword(t).name), loc);
	}
	return MakeStringConst(ParseNonReservedWordOrSconst(), loc);
}

List *Parser::ParseVarList()
{
	List *result = list_make1(ParseVarValue());
	while (Accept(','))
		result = lappend(result, ParseVarValue());
	return result;
}

/* Whether the token after a word makes the word a var_name (generic SET). */
static bool GenericSetFollows(int t)
{
	return t == K_TO || t == '=' || t == '.' || t == K_FROM;
}

/* set_rest (after SET [LOCAL|SESSION]) */
Node *Parser::ParseSetRest(VariableSetStmt *n)
{
	int t = Tok();
	int t1 = Tok(1);
	if (t == K_TRANSACTION && !GenericSetFollows(t1))
	{
		Advance();
		if (Accept(K_SNAPSHOT))
		{
			n->kind = VAR_SET_MULTI;
			n->name = pstrdup("TRANSACTION SNAPSHOT");
			int loc = Loc();
			n->args = list_make1(MakeStringConst(ParseSconst(), loc));
			return reinterpret_cast<Node *>(n);
		}
		n->kind = VAR_SET_MULTI;
		n->name = pstrdup("TRANSACTION");
		n->args = ParseTransactionModeList();
		if (n->args == NIL)
			SyntaxError();
		return reinterpret_cast<Node *>(n);
	}
	if (t == K_SESSION && t1 == K_CHARACTERISTICS)
	{
		Advance();
		Advance();
		Expect(K_AS);
		Expect(K_TRANSACTION);
		n->kind = VAR_SET_MULTI;
		n->name = pstrdup("SESSION CHARACTERISTICS");
		n->args = ParseTransactionModeList();
		if (n->args == NIL)
			SyntaxError();
		return reinterpret_cast<Node *>(n);
	}
	if (t == K_SESSION && t1 == K_AUTHORIZATION)
	{
		Advance();
		Advance();
		n->kind = VAR_SET_VALUE;
		n->name = pstrdup("session_authorization");
		if (Accept(K_DEFAULT))
		{
			n->kind = VAR_SET_DEFAULT;
			return reinterpret_cast<Node *>(n);
		}
		int loc = Loc();
		n->args = list_make1(MakeStringConst(ParseNonReservedWordOrSconst(), loc));
		return reinterpret_cast<Node *>(n);
	}
	if (t == K_TIME && t1 == K_ZONE)
	{
		Advance();
		Advance();
		n->kind = VAR_SET_VALUE;
		n->name = pstrdup("timezone");
		int loc = Loc();
		Node *v;
		switch (Tok())
		{
			case SCONST:
				v = MakeStringConst(ParseSconst(), loc);
				break;
			case IDENT:
				v = MakeStringConst(TokenText(Peek()), loc);
				Advance();
				break;
			case K_DEFAULT:
			case K_LOCAL:
				Advance();
				v = nullptr;
				break;
			case K_INTERVAL:
			{
				TypeName *tn = SystemTypeName("interval");
				tn->location = loc;
				Advance();
				if (Accept('('))
				{
					int nloc = Loc();
					int p = ParseIconst();
					Expect(')');
					tn->typmods = list_make2(MakeIntConst(0x7FFF, -1), MakeIntConst(p, nloc));
					int sloc = Loc();
					v = MakeStringConstCast(ParseSconst(), sloc, tn);
					break;
				}
				int sloc = Loc();
				char *s = ParseSconst();
				int iloc = Loc();
				List *typmods = ParseOptInterval();
				if (typmods != NIL)
				{
					A_Const *c = static_cast<A_Const *>(linitial(typmods));
					if ((intVal(c->val) & ~((1 << 10) | (1 << 11))) != 0)
						ErrorAt(ERRCODE_SYNTAX_ERROR, iloc,
								"time zone interval must be HOUR or HOUR TO MINUTE");
				}
				tn->typmods = typmods;
				v = MakeStringConstCast(s, sloc, tn);
				break;
			}
			default:
				if (!StartsNumericOnly(Tok(), Tok(1)))
					SyntaxError();
				v = MakeAConst(ParseNumericOnly(), loc);
				break;
		}
		if (v == nullptr)
			n->kind = VAR_SET_DEFAULT;
		else
			n->args = list_make1(v);
		return reinterpret_cast<Node *>(n);
	}
	if (t == K_CATALOG && t1 == SCONST)
	{
		Advance();
		ErrorAt(ERRCODE_FEATURE_NOT_SUPPORTED, Loc(), "current database cannot be changed");
	}
	if (t == K_SCHEMA && t1 == SCONST)
	{
		Advance();
		n->kind = VAR_SET_VALUE;
		n->name = pstrdup("search_path");
		int loc = Loc();
		n->args = list_make1(MakeStringConst(ParseSconst(), loc));
		return reinterpret_cast<Node *>(n);
	}
	if (t == K_NAMES && !GenericSetFollows(t1))
	{
		Advance();
		n->kind = VAR_SET_VALUE;
		n->name = pstrdup("client_encoding");
		if (Tok() == SCONST)
		{
			int loc = Loc();
			n->args = list_make1(MakeStringConst(ParseSconst(), loc));
		}
		else
		{
			Accept(K_DEFAULT);
			n->kind = VAR_SET_DEFAULT;
		}
		return reinterpret_cast<Node *>(n);
	}
	if (t == K_ROLE && (t1 == SCONST || IsNonReservedWordTok(t1)))
	{
		Advance();
		n->kind = VAR_SET_VALUE;
		n->name = pstrdup("role");
		int loc = Loc();
		n->args = list_make1(MakeStringConst(ParseNonReservedWordOrSconst(), loc));
		return reinterpret_cast<Node *>(n);
	}
	if (t == K_XML && t1 == K_OPTION)
	{
		Advance();
		Advance();
		n->kind = VAR_SET_VALUE;
		n->name = pstrdup("xmloption");
		int loc = Loc();
		const char *v;
		if (Accept(K_DOCUMENT))
			v = "DOCUMENT";
		else
		{
			Expect(K_CONTENT);
			v = "CONTENT";
		}
		n->args = list_make1(MakeStringConst(pstrdup(v), loc));
		return reinterpret_cast<Node *>(n);
	}
	/* generic_set | var_name FROM CURRENT */
	n->name = ParseVarName();
	if (Accept(K_FROM))
	{
		Expect(K_CURRENT);
		n->kind = VAR_SET_CURRENT;
		return reinterpret_cast<Node *>(n);
	}
	if (!Accept(K_TO))
		Expect('=');
	if (Accept(K_DEFAULT))
	{
		n->kind = VAR_SET_DEFAULT;
		return reinterpret_cast<Node *>(n);
	}
	n->kind = VAR_SET_VALUE;
	n->args = ParseVarList();
	return reinterpret_cast<Node *>(n);
}

/* SET [SESSION|LOCAL] set_rest */
Node *Parser::ParseSet()
{
	Expect(K_SET);
	int t1 = Tok(1);
	if (Tok() == K_CONSTRAINTS && !GenericSetFollows(t1))
	{
		/* SET CONSTRAINTS {ALL | qualified_name_list} {DEFERRED | IMMEDIATE} */
		Advance();
		ConstraintsSetStmt *c = makeNode(ConstraintsSetStmt);
		if (!Accept(K_ALL))
		{
			c->constraints = list_make1(ParseQualifiedName());
			while (Accept(','))
				c->constraints = lappend(c->constraints, ParseQualifiedName());
		}
		if (Accept(K_DEFERRED))
			c->deferred = true;
		else
			Expect(K_IMMEDIATE);
		return reinterpret_cast<Node *>(c);
	}
	VariableSetStmt *n = makeNode(VariableSetStmt);
	if (Tok() == K_LOCAL && !GenericSetFollows(t1))
	{
		Advance();
		n->is_local = true;
	}
	else if (Tok() == K_SESSION && !GenericSetFollows(t1) && t1 != K_AUTHORIZATION &&
			 t1 != K_CHARACTERISTICS)
		Advance();
	return ParseSetRest(n);
}

/* RESET var | ALL | TIME ZONE | TRANSACTION ISOLATION LEVEL |
 * SESSION AUTHORIZATION */
Node *Parser::ParseReset()
{
	Expect(K_RESET);
	VariableSetStmt *n = makeNode(VariableSetStmt);
	n->kind = VAR_RESET;
	if (Accept(K_ALL))
	{
		n->kind = VAR_RESET_ALL;
		return reinterpret_cast<Node *>(n);
	}
	if (Tok() == K_TIME && Tok(1) == K_ZONE)
	{
		Advance();
		Advance();
		n->name = pstrdup("timezone");
		return reinterpret_cast<Node *>(n);
	}
	if (Tok() == K_TRANSACTION && Tok(1) == K_ISOLATION)
	{
		Advance();
		Advance();
		Expect(K_LEVEL);
		n->name = pstrdup("transaction_isolation");
		return reinterpret_cast<Node *>(n);
	}
	if (Tok() == K_SESSION && Tok(1) == K_AUTHORIZATION)
	{
		Advance();
		Advance();
		n->name = pstrdup("session_authorization");
		return reinterpret_cast<Node *>(n);
	}
	n->name = ParseVarName();
	return reinterpret_cast<Node *>(n);
}

/* SHOW var | ALL | TIME ZONE | TRANSACTION ISOLATION LEVEL |
 * SESSION AUTHORIZATION */
Node *Parser::ParseShow()
{
	Expect(K_SHOW);
	VariableShowStmt *n = makeNode(VariableShowStmt);
	if (Accept(K_ALL))
		n->name = pstrdup("all");
	else if (Tok() == K_TIME && Tok(1) == K_ZONE)
	{
		Advance();
		Advance();
		n->name = pstrdup("timezone");
	}
	else if (Tok() == K_TRANSACTION && Tok(1) == K_ISOLATION)
	{
		Advance();
		Advance();
		Expect(K_LEVEL);
		n->name = pstrdup("transaction_isolation");
	}
	else if (Tok() == K_SESSION && Tok(1) == K_AUTHORIZATION)
	{
		Advance();
		Advance();
		n->name = pstrdup("session_authorization");
	}
	else
		n->name = ParseVarName();
	return reinterpret_cast<Node *>(n);
}

/* ---------------------------------------------------------------- EXPLAIN */

/* utility_option_list: name [arg] [, …] */
List *Parser::ParseUtilityOptionList()
{
	List *result = NIL;
	do
	{
		int loc = Loc();
		char *name;
		if (Tok() == K_ANALYZE || Tok() == K_ANALYSE)
		{
			Advance();
			name = pstrdup("analyze");
		}
		else
			name = ParseNonReservedWord();
		Node *arg = nullptr;
		int t = Tok();
		if (StartsNumericOnly(t, Tok(1)))
			arg = ParseNumericOnly();
		else if (t == K_TRUE || t == K_FALSE || t == K_ON)
		{
			Advance();
			arg = reinterpret_cast<Node *>(makeString(pstrdup(GetKeyword(t).name)));
		}
		else if (t == SCONST || IsNonReservedWordTok(t))
			arg = reinterpret_cast<Node *>(makeString(ParseNonReservedWordOrSconst()));
		result = lappend(result, MakeDefElem(name, arg, loc));
	} while (Accept(','));
	return result;
}

/* ExplainableStmt */
Node *Parser::ParseExplainableStmt()
{
	switch (Tok())
	{
		case K_DECLARE:
			return ParseDeclareCursor();
		case K_EXECUTE:
			return ParseExecute();
		case K_CREATE:
		{
			/* CREATE [TEMP|UNLOGGED] TABLE … AS … only */
			Advance();
			char persistence = RELPERSISTENCE_PERMANENT;
			switch (Tok())
			{
				case K_TEMP:
				case K_TEMPORARY:
					Advance();
					persistence = RELPERSISTENCE_TEMP;
					break;
				case K_LOCAL:
				case K_GLOBAL:
					Advance();
					if (!Accept(K_TEMP))
						Expect(K_TEMPORARY);
					persistence = RELPERSISTENCE_TEMP;
					break;
				case K_UNLOGGED:
					Advance();
					persistence = RELPERSISTENCE_UNLOGGED;
					break;
				default:
					break;
			}
			if (Tok() == K_MATERIALIZED)
				return SkipUnsupportedStmt("CREATE MATERIALIZED VIEW");
			Expect(K_TABLE);
			bool ine = ACCEPT_IF_NOT_EXISTS();
			RangeVar *rel = ParseQualifiedName();
			rel->relpersistence = persistence;
			return ParseCreateTableAs(rel, ine, -1);
		}
		case K_REFRESH:
			return SkipUnsupportedStmt("REFRESH MATERIALIZED VIEW");
		default:
			return ParsePreparableStmt();
	}
}

Node *Parser::ParseExplain()
{
	Expect(K_EXPLAIN);
	ExplainStmt *n = makeNode(ExplainStmt);
	if (Tok() == '(' && !StartsSelect(1) && Tok(1) != '(')
	{
		Advance();
		n->options = ParseUtilityOptionList();
		Expect(')');
	}
	else if (Tok() == K_ANALYZE || Tok() == K_ANALYSE)
	{
		n->options = list_make1(MakeDefElem("analyze", nullptr, Loc()));
		Advance();
		if (Tok() == K_VERBOSE)
		{
			n->options = lappend(n->options, MakeDefElem("verbose", nullptr, Loc()));
			Advance();
		}
	}
	else if (Tok() == K_VERBOSE)
	{
		n->options = list_make1(MakeDefElem("verbose", nullptr, Loc()));
		Advance();
	}
	n->query = ParseExplainableStmt();
	if (n->query == nullptr)
		return nullptr;
	return reinterpret_cast<Node *>(n);
}

/* ------------------------------------------- PREPARE, EXECUTE, DEALLOCATE */

Node *Parser::ParsePrepare()
{
	Expect(K_PREPARE);
	PrepareStmt *n = makeNode(PrepareStmt);
	n->name = ParseColId();
	if (Accept('('))
	{
		n->argtypes = ParseTypeList();
		Expect(')');
	}
	Expect(K_AS);
	n->query = ParsePreparableStmt();
	if (n->query == nullptr)
		return nullptr;
	return reinterpret_cast<Node *>(n);
}

Node *Parser::ParseExecute()
{
	Expect(K_EXECUTE);
	ExecuteStmt *n = makeNode(ExecuteStmt);
	n->name = ParseColId();
	if (Accept('('))
	{
		n->params = ParseExprList();
		Expect(')');
	}
	return reinterpret_cast<Node *>(n);
}

Node *Parser::ParseDeallocate()
{
	Expect(K_DEALLOCATE);
	DeallocateStmt *n = makeNode(DeallocateStmt);
	if (Tok() == K_PREPARE && (Tok(1) == K_ALL || IsColIdTok(Tok(1))))
		Advance();
	if (Accept(K_ALL))
		n->name = nullptr;
	else
		n->name = ParseColId();
	return reinterpret_cast<Node *>(n);
}

/* ------------------------------------------------------------------- COPY */

Node *Parser::ParseCopy()
{
	Expect(K_COPY);
	CopyStmt *n = makeNode(CopyStmt);
	auto file_name = [&]() -> char * {
		if (Accept(K_STDIN) || Accept(K_STDOUT))
			return nullptr;
		return ParseSconst();
	};
	auto copy_options = [&]() -> List * {
		if (Tok() == '(')
		{
			Advance();
			List *result = NIL;
			do
			{
				int loc = Loc();
				char *name = ParseColLabel();
				Node *arg = nullptr;
				int t = Tok();
				if (StartsNumericOnly(t, Tok(1)))
					arg = ParseNumericOnly();
				else if (t == K_TRUE || t == K_FALSE || t == K_ON)
				{
					Advance();
					arg = reinterpret_cast<Node *>(makeString(pstrdup(GetKeyword(t).name)));
				}
				else if (t == SCONST || IsNonReservedWordTok(t))
					arg = reinterpret_cast<Node *>(makeString(ParseNonReservedWordOrSconst()));
				else if (Accept('*'))
					arg = reinterpret_cast<Node *>(makeNode(A_Star));
				else if (Accept('('))
				{
					List *items = NIL;
					do
					{
						int it = Tok();
						if (it == K_TRUE || it == K_FALSE || it == K_ON)
						{
							Advance();
							items = lappend(items, makeString(pstrdup(GetKeyword(it).name)));
						}
						else
							items = lappend(items, makeString(ParseNonReservedWordOrSconst()));
					} while (Accept(','));
					Expect(')');
					arg = reinterpret_cast<Node *>(items);
				}
				result = lappend(result, MakeDefElem(name, arg, loc));
			} while (Accept(','));
			Expect(')');
			return result;
		}
		List *result = NIL;
		for (;;)
		{
			int loc = Loc();
			switch (Tok())
			{
				case K_BINARY:
					Advance();
					result = lappend(result,
									 MakeDefElem("format",
												 reinterpret_cast<Node *>(
													 makeString(pstrdup("binary"))),
												 loc));
					break;
				case K_FREEZE:
					Advance();
					result = lappend(result,
									 MakeDefElem("freeze",
												 reinterpret_cast<Node *>(makeBoolean(true)), loc));
					break;
				case K_CSV:
					Advance();
					result = lappend(result,
									 MakeDefElem("format",
												 reinterpret_cast<Node *>(
													 makeString(pstrdup("csv"))),
												 loc));
					break;
				case K_HEADER:
					Advance();
					result = lappend(result,
									 MakeDefElem("header",
												 reinterpret_cast<Node *>(makeBoolean(true)), loc));
					break;
				case K_DELIMITER:
				case K_NULL:
				case K_QUOTE:
				case K_ESCAPE:
				{
					int t = Tok();
					Advance();
					Accept(K_AS);
					const char *name = t == K_DELIMITER ? "delimiter"
						: t == K_NULL					? "null"
						: t == K_QUOTE					? "quote"
														: "escape";
					result = lappend(result,
									 MakeDefElem(name,
												 reinterpret_cast<Node *>(
													 makeString(ParseSconst())),
												 loc));
					break;
				}
				case K_ENCODING:
					Advance();
					result = lappend(result,
									 MakeDefElem("encoding",
												 reinterpret_cast<Node *>(
													 makeString(ParseSconst())),
												 loc));
					break;
				case K_FORCE:
					Advance();
					if (Accept(K_QUOTE))
					{
						if (Accept('*'))
							result = lappend(result,
											 MakeDefElem("force_quote",
														 reinterpret_cast<Node *>(makeNode(A_Star)),
														 loc));
						else
							result = lappend(result,
											 MakeDefElem("force_quote",
														 reinterpret_cast<Node *>(ParseNameList()),
														 loc));
					}
					else if (Accept(K_NOT))
					{
						Expect(K_NULL);
						result = lappend(result,
										 MakeDefElem("force_not_null",
													 reinterpret_cast<Node *>(ParseNameList()),
													 loc));
					}
					else
					{
						Expect(K_NULL);
						result = lappend(result,
										 MakeDefElem("force_null",
													 reinterpret_cast<Node *>(ParseNameList()),
													 loc));
					}
					break;
				default:
					return result;
			}
		}
	};
	if (Tok() == '(')
	{
		Advance();
		n->query = ParsePreparableStmt();
		if (n->query == nullptr)
			return nullptr;
		Expect(')');
		int to_loc = Expect(K_TO);
		n->is_program = Accept(K_PROGRAM);
		n->filename = file_name();
		if (n->is_program && n->filename == nullptr)
			ErrorAt(ERRCODE_SYNTAX_ERROR, to_loc, "STDIN/STDOUT not allowed with PROGRAM");
		if (Tok() == K_WITH || Tok() == WITH_LA)
			Advance();
		n->options = copy_options();
		return reinterpret_cast<Node *>(n);
	}
	DefElem *binary = nullptr;
	if (Tok() == K_BINARY)
	{
		binary = MakeDefElem("format", reinterpret_cast<Node *>(makeString(pstrdup("binary"))),
							 Loc());
		Advance();
	}
	n->relation = ParseQualifiedName();
	if (Accept('('))
	{
		n->attlist = ParseNameList();
		Expect(')');
	}
	if (Accept(K_FROM))
		n->is_from = true;
	else
		Expect(K_TO);
	n->is_program = Accept(K_PROGRAM);
	n->filename = file_name();
	DefElem *delim = nullptr;
	int delim_loc = -1;
	if (Tok() == K_USING || Tok() == K_DELIMITERS)
	{
		if (Accept(K_USING))
			delim_loc = pos_ > 0 ? toks_[pos_ - 1].loc : -1;
		int dloc = Loc();
		Expect(K_DELIMITERS);
		delim = MakeDefElem("delimiter", reinterpret_cast<Node *>(makeString(ParseSconst())), dloc);
	}
	if (Tok() == K_WITH || Tok() == WITH_LA)
		Advance();
	List *options = copy_options();
	int where_loc = Loc();
	n->whereClause = ParseWhereClause();
	if (n->is_program && n->filename == nullptr)
		ErrorAt(ERRCODE_SYNTAX_ERROR, delim_loc, "STDIN/STDOUT not allowed with PROGRAM");
	if (!n->is_from && n->whereClause != nullptr)
		ErrorAt(ERRCODE_SYNTAX_ERROR, where_loc, "WHERE clause not allowed with COPY TO");
	if (binary != nullptr)
		n->options = lappend(n->options, binary);
	if (delim != nullptr)
		n->options = lappend(n->options, delim);
	n->options = list_concat(n->options, options);
	return reinterpret_cast<Node *>(n);
}

/* --------------------------------------------------------- VACUUM, ANALYZE */

List *Parser::ParseVacuumRelationList()
{
	List *result = NIL;
	if (!IsColIdTok(Tok()))
		return NIL;
	do
	{
		VacuumRelation *v = makeNode(VacuumRelation);
		v->relation = ParseQualifiedName();
		v->va_cols = ParseOptNameList();
		result = lappend(result, v);
	} while (Accept(','));
	return result;
}

Node *Parser::ParseVacuum()
{
	Expect(K_VACUUM);
	VacuumStmt *n = makeNode(VacuumStmt);
	n->is_vacuumcmd = true;
	if (Accept('('))
	{
		n->options = ParseUtilityOptionList();
		Expect(')');
	}
	else
	{
		if (Tok() == K_FULL)
		{
			n->options = lappend(n->options, MakeDefElem("full", nullptr, Loc()));
			Advance();
		}
		if (Tok() == K_FREEZE)
		{
			n->options = lappend(n->options, MakeDefElem("freeze", nullptr, Loc()));
			Advance();
		}
		if (Tok() == K_VERBOSE)
		{
			n->options = lappend(n->options, MakeDefElem("verbose", nullptr, Loc()));
			Advance();
		}
		if (Tok() == K_ANALYZE || Tok() == K_ANALYSE)
		{
			n->options = lappend(n->options, MakeDefElem("analyze", nullptr, Loc()));
			Advance();
		}
	}
	n->rels = ParseVacuumRelationList();
	return reinterpret_cast<Node *>(n);
}

Node *Parser::ParseAnalyze()
{
	Advance(); /* ANALYZE or ANALYSE */
	VacuumStmt *n = makeNode(VacuumStmt);
	n->is_vacuumcmd = false;
	if (Accept('('))
	{
		n->options = ParseUtilityOptionList();
		Expect(')');
	}
	else if (Tok() == K_VERBOSE)
	{
		n->options = list_make1(MakeDefElem("verbose", nullptr, Loc()));
		Advance();
	}
	n->rels = ParseVacuumRelationList();
	return reinterpret_cast<Node *>(n);
}

/* ------------------------------------------------------- LOCK, DISCARD … */

/* LOCK [TABLE] rels [IN lockmode MODE] [NOWAIT] */
Node *Parser::ParseLock()
{
	Expect(K_LOCK);
	Accept(K_TABLE);
	LockStmt *n = makeNode(LockStmt);
	n->relations = ParseRelationExprList();
	n->mode = AccessExclusiveLock;
	if (Accept(K_IN))
	{
		switch (Tok())
		{
			case K_ACCESS:
				Advance();
				if (Accept(K_SHARE))
					n->mode = AccessShareLock;
				else
				{
					Expect(K_EXCLUSIVE);
					n->mode = AccessExclusiveLock;
				}
				break;
			case K_ROW:
				Advance();
				if (Accept(K_SHARE))
					n->mode = RowShareLock;
				else
				{
					Expect(K_EXCLUSIVE);
					n->mode = RowExclusiveLock;
				}
				break;
			case K_SHARE:
				Advance();
				if (Accept(K_UPDATE))
				{
					Expect(K_EXCLUSIVE);
					n->mode = ShareUpdateExclusiveLock;
				}
				else if (Accept(K_ROW))
				{
					Expect(K_EXCLUSIVE);
					n->mode = ShareRowExclusiveLock;
				}
				else
					n->mode = ShareLock;
				break;
			case K_EXCLUSIVE:
				Advance();
				n->mode = ExclusiveLock;
				break;
			default:
				SyntaxError();
		}
		Expect(K_MODE);
	}
	n->nowait = Accept(K_NOWAIT);
	return reinterpret_cast<Node *>(n);
}

Node *Parser::ParseDiscard()
{
	Expect(K_DISCARD);
	DiscardStmt *n = makeNode(DiscardStmt);
	switch (Tok())
	{
		case K_ALL:
			n->target = DISCARD_ALL;
			break;
		case K_TEMP:
		case K_TEMPORARY:
			n->target = DISCARD_TEMP;
			break;
		case K_PLANS:
			n->target = DISCARD_PLANS;
			break;
		case K_SEQUENCES:
			n->target = DISCARD_SEQUENCES;
			break;
		default:
			SyntaxError();
	}
	Advance();
	return reinterpret_cast<Node *>(n);
}

/* ---------------------------------------------------------------- cursors */

/* DECLARE name [options] CURSOR [WITH|WITHOUT HOLD] FOR SelectStmt */
Node *Parser::ParseDeclareCursor()
{
	Expect(K_DECLARE);
	DeclareCursorStmt *n = makeNode(DeclareCursorStmt);
	n->portalname = ParseColId();
	int options = 0;
	for (;;)
	{
		if (Tok() == K_NO)
		{
			Advance();
			Expect(K_SCROLL);
			options |= CURSOR_OPT_NO_SCROLL;
		}
		else if (Accept(K_SCROLL))
			options |= CURSOR_OPT_SCROLL;
		else if (Accept(K_BINARY))
			options |= CURSOR_OPT_BINARY;
		else if (Accept(K_ASENSITIVE))
			options |= CURSOR_OPT_ASENSITIVE;
		else if (Accept(K_INSENSITIVE))
			options |= CURSOR_OPT_INSENSITIVE;
		else
			break;
	}
	Expect(K_CURSOR);
	if (Tok() == K_WITH)
	{
		Advance();
		Expect(K_HOLD);
		options |= CURSOR_OPT_HOLD;
	}
	else if (Accept(K_WITHOUT))
		Expect(K_HOLD);
	Expect(K_FOR);
	n->options = options | CURSOR_OPT_FAST_PLAN;
	n->query = ParseSelectStmt();
	return reinterpret_cast<Node *>(n);
}

/* FETCH | MOVE [direction] [FROM|IN] cursor */
Node *Parser::ParseFetch(bool ismove)
{
	Advance();
	FetchStmt *n = makeNode(FetchStmt);
	n->ismove = ismove;
	n->direction = FETCH_FORWARD;
	n->howMany = 1;
	auto at_end = [&]() { return Tok() == ';' || Tok() == TOK_EOF; };
	auto signed_count = [&]() -> long { return ParseSignedIconst(); };
	int t = Tok();
	bool direction = !(at_end() ? true : false);
	switch (t)
	{
		case K_NEXT:
		case K_PRIOR:
		case K_FIRST:
		case K_LAST:
		case K_FORWARD:
		case K_BACKWARD:
		case K_ABSOLUTE:
		case K_RELATIVE:
			Advance();
			if (at_end())
			{
				/* the word is the cursor's name */
				pos_--;
				direction = false;
				break;
			}
			switch (t)
			{
				case K_NEXT:
					break;
				case K_PRIOR:
					n->direction = FETCH_BACKWARD;
					break;
				case K_FIRST:
					n->direction = FETCH_ABSOLUTE;
					break;
				case K_LAST:
					n->direction = FETCH_ABSOLUTE;
					n->howMany = -1;
					break;
				case K_ABSOLUTE:
					n->direction = FETCH_ABSOLUTE;
					n->howMany = signed_count();
					break;
				case K_RELATIVE:
					n->direction = FETCH_RELATIVE;
					n->howMany = signed_count();
					break;
				case K_FORWARD:
				case K_BACKWARD:
					n->direction = t == K_FORWARD ? FETCH_FORWARD : FETCH_BACKWARD;
					if (Accept(K_ALL))
						n->howMany = FETCH_ALL;
					else if (Tok() == ICONST ||
							 ((Tok() == '+' || Tok() == '-') && Tok(1) == ICONST))
						n->howMany = signed_count();
					break;
				default:
					break;
			}
			break;
		case K_ALL:
			Advance();
			n->howMany = FETCH_ALL;
			break;
		case ICONST:
		case '+':
		case '-':
			n->howMany = signed_count();
			break;
		case K_FROM:
		case K_IN:
			break;
		default:
			direction = false;
			break;
	}
	(void) direction;
	if (!Accept(K_FROM))
		Accept(K_IN);
	n->portalname = ParseColId();
	return reinterpret_cast<Node *>(n);
}

/* CLOSE name | ALL */
Node *Parser::ParseClose()
{
	Expect(K_CLOSE);
	ClosePortalStmt *n = makeNode(ClosePortalStmt);
	if (!Accept(K_ALL))
		n->portalname = ParseColId();
	return reinterpret_cast<Node *>(n);
}

}  // namespace tusk::parser
