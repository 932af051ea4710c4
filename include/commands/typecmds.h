/*
 * commands/typecmds.h — CREATE TYPE … AS ENUM / AS (…) and ALTER TYPE …
 * ADD VALUE / RENAME VALUE (PostgreSQL's typecmds.h).  DROP TYPE is
 * RemoveObjects (commands/defrem.h).
 */
#ifndef TUSK_COMMANDS_TYPECMDS_H
#define TUSK_COMMANDS_TYPECMDS_H

#include "nodes/parsenodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CREATE TYPE name AS ENUM (…): the pg_type row, its array type and the
 * pg_enum rows.  Returns the type's OID. */
extern Oid DefineEnum(CreateEnumStmt *stmt);
/* CREATE TYPE name AS (…): a pg_class row of relkind 'c' with its
 * pg_attribute rows, its pg_type row and array type.  Returns the type's
 * OID. */
extern Oid DefineCompositeType(CompositeTypeStmt *stmt, const char *queryString);
/* CREATE DOMAIN: the pg_type row (typtype 'd'), its array type, its
 * CHECK constraints' pg_constraint rows.  Returns the domain's OID. */
extern Oid DefineDomain(CreateDomainStmt *stmt, const char *queryString);
/* ALTER DOMAIN … SET/DROP DEFAULT, SET/DROP NOT NULL, ADD/DROP/VALIDATE
 * CONSTRAINT (stored values checked where PostgreSQL checks them). */
extern void AlterDomain(AlterDomainStmt *stmt, const char *queryString);
/* ALTER DOMAIN … RENAME TO (the array type too) / RENAME CONSTRAINT. */
extern void RenameDomain(RenameStmt *stmt);
/* A domain's dependencies on its schema, base type, collation (when not
 * the base type's) and what its default uses. */
extern void RecordDomainDependencies(Oid domainOid, Oid nsp, Oid baseType, Oid collation,
									 Node *defaultExpr);
/* ALTER TYPE name ADD VALUE … / RENAME VALUE …. */
extern void AlterEnum(AlterEnumStmt *stmt);
/* The type a DROP TYPE or ALTER TYPE names (with [] for its array type),
 * or InvalidOid when missing_ok and there is none (the NOTICE is the
 * caller's). */
extern Oid LookupTypeNameForDrop(TypeName *typname, bool missing_ok);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_TYPECMDS_H */
