/*
 * parse_locking.h — SELECT's FOR UPDATE/SHARE clauses (parse_locking.cpp).
 */
#ifndef TUSK_PARSER_PARSE_LOCKING_H
#define TUSK_PARSER_PARSE_LOCKING_H

#include "parser/parse_node.h"

/*
 * The locking clauses of a plain SELECT, after its other clauses were
 * analyzed: PostgreSQL's restrictions (0A000 with DISTINCT, GROUP BY,
 * HAVING, aggregates, window functions, set-returning functions), each
 * locked table's RowMarkClause in qry->rowMarks, and RowShareLock on it.
 */
void TransformLockingClauses(ParseState *pstate, Query *qry, List *lockingClause);

/* "FOR UPDATE", "FOR NO KEY UPDATE", "FOR SHARE" or "FOR KEY SHARE". */
const char *LockClauseStrengthName(LockClauseStrength strength);

#endif
