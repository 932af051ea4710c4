/*
 * commands/schemacmds.h — CREATE SCHEMA and dropping a schema.
 */
#ifndef TUSK_COMMANDS_SCHEMACMDS_H
#define TUSK_COMMANDS_SCHEMACMDS_H

#include "nodes/parsenodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role] [elements]:
 * the pg_namespace row, then each element run as its own command with
 * the new schema first in the search path.  Returns the schema's OID
 * (InvalidOid when IF NOT EXISTS skipped it). */
extern Oid CreateSchemaCommand(CreateSchemaStmt *stmt, const char *queryString);

/* Delete a schema's pg_namespace row (its contents are dropped first
 * through their dependencies: catalog/dependency.h). */
extern void RemoveSchemaById(Oid schemaOid);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_SCHEMACMDS_H */
