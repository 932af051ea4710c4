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
/* ALTER TABLE: its subcommands run in PostgreSQL's pass order under
 * AccessExclusiveLock (tablecmds.cpp, alter_table.cpp); those Tusk does
 * not do yet are 0A000 before anything changes. */
extern void AlterTable(AlterTableStmt *stmt, const char *queryString);
/* The ALTER [COLUMN] subcommands and DROP COLUMN, SET STATISTICS, SET
 * (storage parameters) (alter_table.cpp), on table relid, locked. */
extern void AlterTableColumnCmd(Oid relid, AlterTableCmd *cmd, const char *queryString);
/* ALTER TABLE/VIEW/INDEX/SEQUENCE … RENAME (alter_table.cpp). */
extern void ExecRenameStmt(RenameStmt *stmt);
/* ALTER TABLE/VIEW/SEQUENCE … SET SCHEMA: the relation with its row
 * type, indexes, constraints and owned sequences (set_schema.cpp). */
extern void AlterTableNamespace(AlterObjectSchemaStmt *stmt);

/* TRUNCATE: every named table (and its indexes) emptied, transactionally
 * (truncate.cpp). */
extern void ExecuteTruncate(TruncateStmt *stmt);
/* Gives relation relid a new, empty file (PostgreSQL's
 * RelationSetNewRelfilenode): created and logged now, dropped if the
 * transaction aborts; the old file goes if it commits.  The relation
 * cache sees it after CommandCounterIncrement. */
extern void SetNewRelfilenode(Oid relid);

/* DROP TABLE/VIEW/INDEX/SEQUENCE …. */
extern void RemoveRelations(DropStmt *drop);

#ifdef __cplusplus
}

extern "C++" {
#include <functional>
#include <vector>

#include "access/tupdesc.h"
#include "nodes/execnodes.h"

/* Rewrites table relid (PostgreSQL's ATRewriteTable) after a change of
 * its columns: every visible row, read as olddesc describes it (the
 * descriptor before the change), is handed to fill in
 * econtext->ecxt_scantuple; fill sets the new row's values (all NULL on
 * entry) under the table's current descriptor.  The rows go into a new
 * file, and every index is rebuilt in a new file too (both replaced at
 * commit, kept on abort).  The rows are held in memory meanwhile. */
extern void RewriteTable(Oid relid, TupleDesc olddesc,
						 const std::function<void(ExprContext *, Datum *, bool *)> &fill);

/* Empty the tables (locked AccessExclusive by the caller) and their
 * indexes, transactionally: TRUNCATE's work without its checks
 * (truncate.cpp; ON COMMIT DELETE ROWS). */
extern void TruncateRelids(const std::vector<Oid> &relids);
}
#endif

#endif /* TUSK_COMMANDS_TABLECMDS_H */
