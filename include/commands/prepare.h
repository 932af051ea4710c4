/*
 * commands/prepare.h — named prepared statements, shared by SQL's
 * PREPARE/EXECUTE/DEALLOCATE and the protocol's Parse/Bind/Close
 * (PostgreSQL's prepare.h).
 *
 * A prepared statement is a name for a saved CachedPlanSource
 * (utils/plancache.h); it lasts until DEALLOCATE, Close or the end of the
 * session, whatever happens to transactions.
 *
 * Principal entry points: PrepareQuery, ExecuteQueryWithTag,
 * DeallocateQuery, StorePreparedStatement, FetchPreparedStatement,
 * DropPreparedStatement, DropAllPreparedStatements.
 */
#ifndef TUSK_COMMANDS_PREPARE_H
#define TUSK_COMMANDS_PREPARE_H

#include "nodes/parsenodes.h"
#include "tcop/dest.h"
#include "utils/plancache.h"
#include "utils/timestamp.h"

typedef struct PreparedStatement
{
	char stmt_name[NAMEDATALEN];
	CachedPlanSource *plansource;
	bool from_sql; /* PREPARE (true) or Parse (false) */
	TimestampTz prepare_time;
} PreparedStatement;

#ifdef __cplusplus
extern "C" {
#endif

/* PREPARE name [(types)] AS statement. */
extern void PrepareQuery(PrepareStmt *stmt, const char *queryString, int stmt_location,
						 int stmt_len);
/* DEALLOCATE [PREPARE] name | ALL. */
extern void DeallocateQuery(DeallocateStmt *stmt);
/* Save plansource under name; ERROR 42P05 if the name is taken. */
extern void StorePreparedStatement(const char *stmt_name, CachedPlanSource *plansource,
								   bool from_sql);
/* The statement, or NULL (or ERROR 26000 if throwError) if none. */
extern PreparedStatement *FetchPreparedStatement(const char *stmt_name, bool throwError);
/* Forget the statement (ERROR 26000 if none and showError). */
extern void DropPreparedStatement(const char *stmt_name, bool showError);
extern void DropAllPreparedStatements(void);
/* The shape of the statement's rows, or NULL. */
extern TupleDesc FetchPreparedStatementResultDesc(PreparedStatement *stmt);

#ifdef __cplusplus
}

extern "C++" {
#include <string>

/* EXECUTE name [(args)]: runs the statement into dest and returns its
 * command tag (the prepared statement's, as in PostgreSQL: "SELECT 3"). */
std::string ExecuteQueryWithTag(ExecuteStmt *stmt, const char *queryString, ParamListInfo params,
								DestReceiver *dest);
}
#endif

#endif /* TUSK_COMMANDS_PREPARE_H */
