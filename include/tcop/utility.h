/*
 * tcop/utility.h — running utility statements (DDL, transaction control,
 * SET/SHOW, …) and naming statements (PostgreSQL's utility.h and
 * cmdtag.h).
 */
#ifndef TUSK_TCOP_UTILITY_H
#define TUSK_TCOP_UTILITY_H

#include "nodes/parsenodes.h"
#include "nodes/plannodes.h"
#include "tcop/dest.h"
/* As in PostgreSQL, which modules rely on (debug_query_string, die, the
 * GUC API come with it). */
#include "tcop/tcopprot.h"

#ifdef __cplusplus
extern "C++" {
#include <string>

/* The CommandComplete tag of a finished statement ("INSERT 0 3",
 * "CREATE TABLE", …) from the statement and its row count. */
std::string CommandCompleteTag(Node *parsetree, CmdType commandType, uint64 processed);
/* The statement's name for messages ("CREATE TABLE"). */
const char *CreateCommandName(Node *parsetree);
/* SET's value as text ("a, b" for a list), palloc'd; NULL unless
 * VAR_SET_VALUE (PostgreSQL's ExtractSetVariableArgs). */
char *ExtractSetVariableArgs(VariableSetStmt *stmt);
}

extern "C" {
#endif

/* A utility statement; rows it returns (SHOW) go to dest.  Sets
 * *processed for the command tag. */
extern void ProcessUtility(PlannedStmt *pstmt, const char *queryString, DestReceiver *dest,
						   uint64 *processed);
/* Whether a statement may run in a failed transaction block (ROLLBACK,
 * ROLLBACK TO, COMMIT, …), as PostgreSQL's IsTransactionExitStmt. */
extern bool IsTransactionExitStmt(Node *parsetree);
/* Whether analyzing or running the statement takes a snapshot: not
 * transaction control, SET, SHOW and LOCK (PostgreSQL's
 * PlannedStmtRequiresSnapshot) — so that SET TRANSACTION ISOLATION LEVEL
 * and LOCK TABLE can come before the transaction's first snapshot. */
extern bool StatementRequiresSnapshot(Node *parsetree);
/* Whether the utility statement sends rows (SHOW, EXECUTE of a query),
 * and their shape (NULL if none). */
extern bool UtilityReturnsTuples(Node *parsetree);
extern TupleDesc UtilityTupleDescriptor(Node *parsetree);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_TCOP_UTILITY_H */
