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
