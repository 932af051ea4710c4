/*
 * commands/view.h — CREATE [OR REPLACE] VIEW (PostgreSQL's view.h) and
 * CREATE TABLE AS / SELECT INTO (PostgreSQL's createas.h).
 */
#ifndef TUSK_COMMANDS_VIEW_H
#define TUSK_COMMANDS_VIEW_H

#include "nodes/parsenodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * CREATE [OR REPLACE] VIEW: the relation (relkind 'v', no file), its
 * columns and row type, and its _RETURN rule in pg_rewrite holding the
 * analyzed query, which depends on every table and column it reads.
 * Returns the view's OID.
 */
extern Oid DefineView(ViewStmt *stmt, const char *queryString);

/* What ExecCreateTableAs returns when it counted no rows (IF NOT EXISTS
 * found the name taken, or WITH NO DATA): the command tag is then
 * CREATE TABLE AS rather than SELECT n, as in PostgreSQL. */
#define CREATEAS_NO_ROWS (~(uint64) 0)

/*
 * CREATE TABLE … AS query [WITH [NO] DATA] and SELECT … INTO: a table
 * with the query's output columns, filled with its rows.  Returns the
 * number of rows inserted, or CREATEAS_NO_ROWS.
 */
extern uint64 ExecCreateTableAs(CreateTableAsStmt *stmt, const char *queryString);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_VIEW_H */
