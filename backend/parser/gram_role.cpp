/*
 * gram_role.cpp — role statements: CREATE ROLE / USER / GROUP, ALTER ROLE /
 * USER / GROUP (options, RENAME TO, SET / RESET [IN DATABASE]), DROP ROLE /
 * USER / GROUP, and GRANT / REVOKE of role membership.
 *
 * The nodes and their DefElem names are PostgreSQL's (CreateRoleStmt,
 * AlterRoleStmt, AlterRoleSetStmt, DropRoleStmt, GrantRoleStmt; options
 * "superuser", "password", "connectionlimit", "validUntil", "addroleto",
 * "rolemembers", "adminmembers" …), so commands/user.cpp reads them as
 * PostgreSQL's user.c does.  GRANT / REVOKE of privileges on objects are
 * recognized (an ON clause before TO / FROM) and reported as not supported.
 *
 * Principal entry points: Parser::ParseCreateRole, ParseAlterRole,
 * ParseDropRole, ParseGrantRevoke.
 */
#include "postgres.h"

#include "gram.h"

namespace tusk::parser {

/* RoleId: a RoleSpec that must be a plain name. */
char *Parser::ParseRoleId()
{
	int loc = Loc();
	RoleSpec *spec = ParseRoleSpec();
	switch (spec->roletype)
	{
		case ROLESPEC_CSTRING:
			return spec->rolename;
		case ROLESPEC_PUBLIC:
			ErrorAt(ERRCODE_RESERVED_NAME, loc, "role name \"%s\" is reserved", "public");
		case ROLESPEC_SESSION_USER:
			ErrorAt(ERRCODE_RESERVED_NAME, loc, "%s cannot be used as a role name here",
					"SESSION_USER");
		case ROLESPEC_CURRENT_USER:
			ErrorAt(ERRCODE_RESERVED_NAME, loc, "%s cannot be used as a role name here",
					"CURRENT_USER");
		case ROLESPEC_CURRENT_ROLE:
			ErrorAt(ERRCODE_RESERVED_NAME, loc, "%s cannot be used as a role name here",
					"CURRENT_ROLE");
	}
	return spec->rolename;
}

/* role_list: RoleSpec (',' RoleSpec)* */
List *Parser::ParseRoleList()
{
	List *roles = list_make1(ParseRoleSpec());
	while (Accept(','))
		roles = lappend(roles, ParseRoleSpec());
	return roles;
}

/* Whether a role option (AlterOptRoleElem, or CreateOptRoleElem when
 * create) starts here. */
bool Parser::StartsRoleOption(bool create)
{
	switch (Tok())
	{
		case K_PASSWORD:
		case K_ENCRYPTED:
		case K_UNENCRYPTED:
		case K_INHERIT:
		case K_CONNECTION:
		case K_VALID:
		case K_USER:
		case IDENT:
			return true;
		case K_SYSID:
		case K_ADMIN:
		case K_ROLE:
		case K_IN:
			return create;
		default:
			return false;
	}
}

/* AlterOptRoleElem | (create) SYSID n | ADMIN role_list | ROLE role_list |
 * IN ROLE|GROUP role_list */
DefElem *Parser::ParseRoleOption(bool create)
{
	(void) create; /* StartsRoleOption admitted only what create allows */
	int loc = Loc();
	switch (Tok())
	{
		case K_PASSWORD:
			Advance();
			if (Accept(K_NULL))
				return MakeDefElem("password", nullptr, loc);
			return MakeDefElem("password", reinterpret_cast<Node *>(makeString(ParseSconst())),
							   loc);
		case K_ENCRYPTED:
			Advance();
			Expect(K_PASSWORD);
			return MakeDefElem("password", reinterpret_cast<Node *>(makeString(ParseSconst())),
							   loc);
		case K_UNENCRYPTED:
			Advance();
			Expect(K_PASSWORD);
			(void) ParseSconst();
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("UNENCRYPTED PASSWORD is no longer supported"),
					errhint("Remove UNENCRYPTED to store the password in encrypted form instead."),
					errposition(CharPos(loc)));
			return nullptr;
		case K_INHERIT:
			Advance();
			return MakeDefElem("inherit", reinterpret_cast<Node *>(makeBoolean(true)), loc);
		case K_CONNECTION:
		{
			Advance();
			Expect(K_LIMIT);
			int n = ParseSignedIconst();
			return MakeDefElem("connectionlimit", reinterpret_cast<Node *>(makeInteger(n)), loc);
		}
		case K_VALID:
			Advance();
			Expect(K_UNTIL);
			return MakeDefElem("validUntil", reinterpret_cast<Node *>(makeString(ParseSconst())),
							   loc);
		case K_USER:
			Advance();
			return MakeDefElem("rolemembers", reinterpret_cast<Node *>(ParseRoleList()), loc);
		case K_SYSID:
		{
			Advance();
			int n = ParseIconst();
			return MakeDefElem("sysid", reinterpret_cast<Node *>(makeInteger(n)), loc);
		}
		case K_ADMIN:
			Advance();
			return MakeDefElem("adminmembers", reinterpret_cast<Node *>(ParseRoleList()), loc);
		case K_ROLE:
			Advance();
			return MakeDefElem("rolemembers", reinterpret_cast<Node *>(ParseRoleList()), loc);
		case K_IN:
			Advance();
			if (!Accept(K_ROLE))
				Expect(K_GROUP);
			return MakeDefElem("addroleto", reinterpret_cast<Node *>(ParseRoleList()), loc);
		case IDENT:
			break;
		default:
			SyntaxError();
	}
	/* The attribute words are plain identifiers, as in PostgreSQL. */
	static const struct
	{
		const char *word;
		const char *option;
		bool value;
	} kWords[] = {
		{"superuser", "superuser", true},
		{"nosuperuser", "superuser", false},
		{"createrole", "createrole", true},
		{"nocreaterole", "createrole", false},
		{"replication", "isreplication", true},
		{"noreplication", "isreplication", false},
		{"createdb", "createdb", true},
		{"nocreatedb", "createdb", false},
		{"login", "canlogin", true},
		{"nologin", "canlogin", false},
		{"bypassrls", "bypassrls", true},
		{"nobypassrls", "bypassrls", false},
		{"noinherit", "inherit", false},
	};
	char *word = TokenText(Peek());
	for (const auto &w : kWords)
		if (strcmp(word, w.word) == 0)
		{
			Advance();
			return MakeDefElem(w.option, reinterpret_cast<Node *>(makeBoolean(w.value)), loc);
		}
	ErrorAt(ERRCODE_SYNTAX_ERROR, loc, "unrecognized role option \"%s\"", word);
}

/* OptRoleList / AlterOptRoleList, after an optional WITH */
List *Parser::ParseRoleOptions(bool create)
{
	if (Tok() == K_WITH || Tok() == WITH_LA)
		Advance();
	List *options = NIL;
	while (StartsRoleOption(create))
		options = lappend(options, ParseRoleOption(create));
	return options;
}

/* CREATE ROLE|USER|GROUP RoleId [WITH] OptRoleList (after CREATE) */
Node *Parser::ParseCreateRole()
{
	CreateRoleStmt *n = makeNode(CreateRoleStmt);
	int t = Tok();
	Advance();
	n->stmt_type = t == K_ROLE ? ROLESTMT_ROLE : t == K_USER ? ROLESTMT_USER : ROLESTMT_GROUP;
	n->role = ParseRoleId();
	n->options = ParseRoleOptions(true);
	return reinterpret_cast<Node *>(n);
}

/* SetResetClause of ALTER ROLE … [IN DATABASE d] SET … | RESET … */
Node *Parser::ParseRoleSetClause(RoleSpec *role, char *database)
{
	AlterRoleSetStmt *n = makeNode(AlterRoleSetStmt);
	n->role = role;
	n->database = database;
	Node *set = Tok() == K_SET ? ParseSet() : ParseReset();
	if (!IsA(set, VariableSetStmt))
		SyntaxError();
	n->setstmt = reinterpret_cast<VariableSetStmt *>(set);
	return reinterpret_cast<Node *>(n);
}

/* ALTER ROLE|USER|GROUP … (after ALTER) */
Node *Parser::ParseAlterRole()
{
	int t = Tok();
	Advance();
	if (t != K_GROUP && Tok() == K_ALL)
	{
		/* ALTER ROLE ALL [IN DATABASE d] SetResetClause */
		Advance();
		char *database = nullptr;
		if (Accept(K_IN))
		{
			Expect(K_DATABASE);
			database = ParseColId();
		}
		if (Tok() != K_SET && Tok() != K_RESET)
			SyntaxError();
		return ParseRoleSetClause(nullptr, database);
	}
	if (Tok(1) == K_RENAME)
	{
		char *oldname = ParseRoleId();
		Expect(K_RENAME);
		Expect(K_TO);
		RenameStmt *r = makeNode(RenameStmt);
		r->renameType = OBJECT_ROLE;
		r->subname = oldname;
		r->newname = ParseRoleId();
		r->missing_ok = false;
		return reinterpret_cast<Node *>(r);
	}
	RoleSpec *role = ParseRoleSpec();
	if (t == K_GROUP)
	{
		/* ALTER GROUP g ADD|DROP USER role_list */
		AlterRoleStmt *n = makeNode(AlterRoleStmt);
		n->role = role;
		int loc = Loc();
		if (Accept(K_ADD))
			n->action = +1;
		else
		{
			Expect(K_DROP);
			n->action = -1;
		}
		Expect(K_USER);
		n->options = list_make1(
			MakeDefElem("rolemembers", reinterpret_cast<Node *>(ParseRoleList()), loc));
		return reinterpret_cast<Node *>(n);
	}
	if (Tok() == K_IN)
	{
		Advance();
		Expect(K_DATABASE);
		char *database = ParseColId();
		if (Tok() != K_SET && Tok() != K_RESET)
			SyntaxError();
		return ParseRoleSetClause(role, database);
	}
	if (Tok() == K_SET || Tok() == K_RESET)
		return ParseRoleSetClause(role, nullptr);
	AlterRoleStmt *n = makeNode(AlterRoleStmt);
	n->role = role;
	n->action = +1;
	n->options = ParseRoleOptions(false);
	return reinterpret_cast<Node *>(n);
}

/* DROP ROLE|USER|GROUP [IF EXISTS] role_list (after DROP) */
Node *Parser::ParseDropRole()
{
	Advance();
	DropRoleStmt *n = makeNode(DropRoleStmt);
	if (Tok() == K_IF && Tok(1) == K_EXISTS)
	{
		Advance();
		Advance();
		n->missing_ok = true;
	}
	n->roles = ParseRoleList();
	return reinterpret_cast<Node *>(n);
}

/*
 * GRANT role_list TO role_list [WITH ADMIN OPTION] [GRANTED BY r] and
 * REVOKE [ADMIN OPTION FOR] role_list FROM role_list [GRANTED BY r]
 * [CASCADE | RESTRICT].  A privilege grant (an ON clause) is not in Tusk
 * yet: it is skipped and reported as unsupported, never recorded.
 */
Node *Parser::ParseGrantRevoke(bool is_grant)
{
	/* Look ahead for ON before TO / FROM (outside parentheses). */
	for (int k = 1, parens = 0;; k++)
	{
		int t = Tok(k);
		if (t == TOK_EOF || t == ';' || t == TOK_ERROR)
			break;
		if (t == '(')
			parens++;
		else if (t == ')')
			parens--;
		else if (parens == 0 && t == K_ON)
			return SkipUnsupportedStmt(is_grant ? "GRANT on objects" : "REVOKE on objects");
		else if (parens == 0 && (t == K_TO || t == K_FROM))
			break;
	}
	Advance();
	GrantRoleStmt *n = makeNode(GrantRoleStmt);
	n->is_grant = is_grant;
	n->behavior = DROP_RESTRICT;
	if (!is_grant && Tok() == K_ADMIN && Tok(1) == K_OPTION && Tok(2) == K_FOR)
	{
		pos_ += 3;
		n->admin_opt = true;
	}
	/* privilege: SELECT | REFERENCES | CREATE | ColId, each with an
	 * optional column list (refused when the statement runs) */
	do
	{
		AccessPriv *priv = makeNode(AccessPriv);
		if (Tok() == K_SELECT || Tok() == K_REFERENCES || Tok() == K_CREATE)
		{
			priv->priv_name = pstrdup(GetKeyword(Tok()).name);
			Advance();
		}
		else
			priv->priv_name = ParseColId();
		priv->cols = ParseOptNameList();
		n->granted_roles = lappend(n->granted_roles, priv);
	} while (Accept(','));
	Expect(is_grant ? K_TO : K_FROM);
	n->grantee_roles = ParseRoleList();
	if (is_grant && (Tok() == K_WITH || Tok() == WITH_LA))
	{
		Advance();
		Expect(K_ADMIN);
		Expect(K_OPTION);
		n->admin_opt = true;
	}
	if (Tok() == K_GRANTED)
	{
		Advance();
		Expect(K_BY);
		n->grantor = ParseRoleSpec();
	}
	if (!is_grant)
	{
		if (Accept(K_CASCADE))
			n->behavior = DROP_CASCADE;
		else
			Accept(K_RESTRICT);
	}
	return reinterpret_cast<Node *>(n);
}

}  // namespace tusk::parser
