/*
 * commands/tablecmds.h — CREATE TABLE and DROP (PostgreSQL's
 * tablecmds.h).
 */
#ifndef TUSK_COMMANDS_TABLECMDS_H
#define TUSK_COMMANDS_TABLECMDS_H

#include "nodes/parsenodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CREATE TABLE; returns the new table's OID (InvalidOid after IF NOT
 * EXISTS found one). */
extern Oid DefineRelation(CreateStmt *stmt, const char *queryString);
/* ALTER TABLE: ADD [CONSTRAINT name] PRIMARY KEY | UNIQUE | CHECK |
 * FOREIGN KEY and DROP CONSTRAINT only, so far; other subcommands are
 * 0A000. */
extern void AlterTable(AlterTableStmt *stmt, const char *queryString);

/* TRUNCATE: every named table (and its indexes) emptied, transactionally
 * (truncate.cpp). */
extern void ExecuteTruncate(TruncateStmt *stmt);

/* DROP TABLE/VIEW/INDEX/SEQUENCE …. */
extern void RemoveRelations(DropStmt *drop);

#ifdef __cplusplus
}

extern "C++" {
#include <vector>

/* Empty the tables (locked AccessExclusive by the caller) and their
 * indexes, transactionally: TRUNCATE's work without its checks
 * (truncate.cpp; ON COMMIT DELETE ROWS). */
extern void TruncateRelids(const std::vector<Oid> &relids);
}
#endif

#endif /* TUSK_COMMANDS_TABLECMDS_H */
