/*
 * gram_owner.cpp — the statements about object owners (gram.y's
 * AlterOwnerStmt, DropOwnedStmt and ReassignOwnedStmt):
 *
 *   ALTER FUNCTION | PROCEDURE | ROUTINE function_with_argtypes OWNER TO RoleSpec
 *   ALTER SCHEMA name OWNER TO RoleSpec
 *   ALTER DATABASE name OWNER TO RoleSpec
 *   ALTER TYPE any_name OWNER TO RoleSpec
 *   ALTER DOMAIN any_name OWNER TO RoleSpec
 *   DROP OWNED BY role_list [CASCADE | RESTRICT]
 *   REASSIGN OWNED BY role_list TO RoleSpec
 *
 * (ALTER TABLE | VIEW | SEQUENCE | INDEX … OWNER TO is an ALTER TABLE
 * subcommand, AT_ChangeOwner, read by ParseAlterTableCmd.)
 *
 * The ALTER forms share their first words with statements Tusk reads
 * elsewhere or refuses as unsupported, so TryParseAlterOwner reads ahead
 * and, when no OWNER TO follows the object's name, puts the tokens back
 * for the other readers.
 */
#include "postgres.h"

#include "gram.h"

namespace tusk::parser {

Node *Parser::TryParseAlterOwner()
{
	int start = pos_;
	ObjectType kind;
	switch (Tok())
	{
		case K_FUNCTION:
			kind = OBJECT_FUNCTION;
			break;
		case K_PROCEDURE:
			kind = OBJECT_PROCEDURE;
			break;
		case K_ROUTINE:
			kind = OBJECT_ROUTINE;
			break;
		case K_SCHEMA:
			kind = OBJECT_SCHEMA;
			break;
		case K_DATABASE:
			kind = OBJECT_DATABASE;
			break;
		case K_TYPE:
			kind = OBJECT_TYPE;
			break;
		case K_DOMAIN:
			kind = OBJECT_DOMAIN;
			break;
		default:
			return nullptr;
	}
	Advance();
	Node *object;
	switch (kind)
	{
		case OBJECT_FUNCTION:
		case OBJECT_PROCEDURE:
		case OBJECT_ROUTINE:
			if (!IsTypeFunctionNameTok(Tok()) && !IsColIdTok(Tok()))
			{
				pos_ = start;
				return nullptr;
			}
			object = reinterpret_cast<Node *>(ParseFunctionWithArgTypes());
			break;
		case OBJECT_SCHEMA:
		case OBJECT_DATABASE:
			if (!IsColIdTok(Tok()))
			{
				pos_ = start;
				return nullptr;
			}
			object = reinterpret_cast<Node *>(makeString(ParseColId()));
			break;
		default:
			if (!IsColIdTok(Tok()))
			{
				pos_ = start;
				return nullptr;
			}
			object = reinterpret_cast<Node *>(ParseAnyName());
			break;
	}
	if (Tok() != K_OWNER || Tok(1) != K_TO)
	{
		pos_ = start;
		return nullptr;
	}
	Advance();
	Advance();
	AlterOwnerStmt *n = makeNode(AlterOwnerStmt);
	n->objectType = kind;
	n->object = object;
	n->newowner = ParseRoleSpec();
	return reinterpret_cast<Node *>(n);
}

Node *Parser::ParseDropOwned()
{
	Expect(K_OWNED);
	Expect(K_BY);
	DropOwnedStmt *n = makeNode(DropOwnedStmt);
	n->roles = ParseRoleList();
	n->behavior = DROP_RESTRICT;
	if (Accept(K_CASCADE))
		n->behavior = DROP_CASCADE;
	else
		Accept(K_RESTRICT);
	return reinterpret_cast<Node *>(n);
}

Node *Parser::ParseReassignOwned()
{
	Expect(K_REASSIGN);
	Expect(K_OWNED);
	Expect(K_BY);
	ReassignOwnedStmt *n = makeNode(ReassignOwnedStmt);
	n->roles = ParseRoleList();
	Expect(K_TO);
	n->newrole = ParseRoleSpec();
	return reinterpret_cast<Node *>(n);
}

}  // namespace tusk::parser
