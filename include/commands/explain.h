/*
 * commands/explain.h — EXPLAIN (PostgreSQL's explain.h).
 */
#ifndef TUSK_COMMANDS_EXPLAIN_H
#define TUSK_COMMANDS_EXPLAIN_H

#include "access/tupdesc.h"
#include "nodes/parsenodes.h"
#include "tcop/dest.h"

#ifdef __cplusplus
extern "C" {
#endif

/* EXPLAIN [ANALYZE] …: plans (and with ANALYZE runs) stmt->query and
 * sends the plan to dest as rows of one column "QUERY PLAN" (one row
 * per line in TEXT format, one json value in JSON format).  queryString
 * is the whole statement's text, for error positions. */
extern void ExplainQuery(ExplainStmt *stmt, const char *queryString, DestReceiver *dest);

/* The row type EXPLAIN returns: one column "QUERY PLAN", json for FORMAT
 * JSON, else text (for describing a prepared EXPLAIN before it runs). */
extern TupleDesc ExplainResultDesc(ExplainStmt *stmt);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_COMMANDS_EXPLAIN_H */
