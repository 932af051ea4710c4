/*
 * commands/extension.h — CREATE EXTENSION and DROP EXTENSION (PostgreSQL's
 * commands/extension.h): installing an extension from its control file
 * and SQL script in the installation's share/extension directory, and the
 * state that makes the objects a script creates members of it.
 *
 * See backend/commands/extension.cpp and doc/extensions.md.
 */
#ifndef TUSK_COMMANDS_EXTENSION_H
#define TUSK_COMMANDS_EXTENSION_H

#include "catalog/objectaddress.h"
#include "nodes/parsenodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* True while an extension's script runs; CurrentExtensionObject is then
 * the extension's OID, and every object created is recorded as its member
 * (recordDependencyOnCurrentExtension, catalog/dependency.h). */
extern PGDLLIMPORT bool creating_extension;
extern PGDLLIMPORT Oid CurrentExtensionObject;

/* CREATE EXTENSION: reads the control file, inserts the pg_extension row
 * and runs the script (and update scripts) in the target schema.  Returns
 * the extension's address (InvalidOid with IF NOT EXISTS when it exists). */
extern ObjectAddress CreateExtension(CreateExtensionStmt *stmt);

/* ALTER EXTENSION name UPDATE [TO version]: runs the update scripts of
 * the shortest path from the installed version.  Returns the extension's
 * address (InvalidOid when the version is already installed). */
extern ObjectAddress ExecAlterExtensionStmt(AlterExtensionStmt *stmt);

/* Delete an extension's pg_extension row (its members are dropped first
 * through their dependencies).  ERROR while its own script runs. */
extern void RemoveExtensionById(Oid extId);

/* The extension's OID by name: InvalidOid when missing and missing_ok,
 * else 42704 "extension … does not exist". */
extern Oid get_extension_oid(const char *extname, bool missing_ok);
/* The extension's name, or NULL when there is no such extension. */
extern char *get_extension_name(Oid ext_oid);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_EXTENSION_H */
