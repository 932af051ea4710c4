/*
 * commands/owner.h — object owners: the checks that the current user owns
 * an object (PostgreSQL's pg_*_ownercheck and aclcheck_error for
 * ACLCHECK_NOT_OWNER), ALTER … OWNER TO (PostgreSQL's alter.c
 * ExecAlterOwnerStmt, ATExecChangeOwner, AlterTypeOwner, AlterSchemaOwner,
 * AlterDatabaseOwner), DROP OWNED and REASSIGN OWNED.
 *
 * Ownership means having the privileges of the owner role
 * (has_privs_of_role): superusers own everything, and members of the owner
 * role that inherit its privileges own its objects.
 *
 * Where PostgreSQL asks for CREATE on a schema or a database, the answer
 * is the object's ACL's (utils/acl.h: pg_namespace_aclcheck,
 * pg_database_aclcheck); Tusk grants nothing on objects yet, so that is the
 * default a NULL ACL gives (the owner and superusers), or the initial ACL
 * initdb writes for pg_catalog, public and information_schema.
 *
 * See backend/commands/owner.cpp and doc/commands/roles.md.
 */
#ifndef TUSK_COMMANDS_OWNER_H
#define TUSK_COMMANDS_OWNER_H

#include "nodes/parsenodes.h"

/* Whether roleid owns object (classId, objectId): it has the privileges
 * of its owner.  ERROR if the object does not exist. */
extern bool ObjectOwnerCheck(Oid classId, Oid objectId, Oid roleid);

/* ERROR 42501 "must be owner of <kind> <name>" (PostgreSQL's
 * aclcheck_error(ACLCHECK_NOT_OWNER, objtype, name)). */
extern void ReportNotOwner(ObjectType objtype, const char *name) pg_attribute_noreturn();

/* The object kind a relkind is named by in such messages (PostgreSQL's
 * get_relkind_objtype). */
extern ObjectType RelkindObjectType(char relkind);

/* ERROR unless the current user owns relation relid; name as written. */
extern void CheckRelationOwner(Oid relid, const char *name);

/* ERROR 42501 "must be member of role" unless member is a member of role
 * (PostgreSQL's check_is_member_of_role). */
extern void CheckIsMemberOfRole(Oid member, Oid role);

/* The role a RoleSpec names (CURRENT_USER, SESSION_USER …): ERROR 42704
 * for a role that does not exist and for PUBLIC. */
extern Oid RoleSpecGetOid(const RoleSpec *role);

/* Whether roleid may create objects in schema nspid (see above). */
extern bool NamespaceCreateAllowed(Oid nspid, Oid roleid);

/* ALTER FUNCTION | SCHEMA | DATABASE | TYPE | DOMAIN … OWNER TO. */
extern void ExecAlterOwnerStmt(AlterOwnerStmt *stmt);
/* Whether every subcommand of an ALTER TABLE | VIEW | SEQUENCE | INDEX is
 * OWNER TO; then AlterTableOwner runs it (for any kind of relation). */
extern bool AlterTableOnlyChangesOwner(const AlterTableStmt *stmt);
extern void AlterTableOwner(AlterTableStmt *stmt);

/*
 * The owner changes, with what follows it: a table's row type and array
 * type, indexes, TOAST table and the sequences its columns own; a type's
 * array type.  recursing (REASSIGN OWNED, or a table's parts): no
 * permission checks and no refusal of parts.
 */
extern void AlterRelationOwner(Oid relid, Oid newOwnerId, bool recursing);
/* hasDependEntry: the type has its own pg_shdepend row (not a row type
 * or array type). */
extern void AlterTypeOwnerByOid(Oid typid, Oid newOwnerId, bool hasDependEntry);
extern void AlterSchemaOwnerByOid(Oid nspid, Oid newOwnerId);
/* Functions, databases, extensions: one owner column (PostgreSQL's
 * AlterObjectOwner_internal), with its checks for non-superusers. */
extern void AlterObjectOwnerGeneric(Oid classId, Oid objectId, Oid newOwnerId);

extern void DropOwnedObjects(DropOwnedStmt *stmt);
extern void ReassignOwnedObjects(ReassignOwnedStmt *stmt);

#endif /* TUSK_COMMANDS_OWNER_H */
