/*
 * commands/portalcmds.h — SQL cursors: DECLARE, FETCH/MOVE and CLOSE
 * (PostgreSQL's portalcmds.h).
 *
 * A cursor is a named portal (utils/portal.h) running one SELECT, read
 * forward in pieces by FETCH and MOVE until CLOSE or the end of its
 * transaction.  What Tusk does not do yet fails with 0A000: SCROLL, WITH
 * HOLD and BINARY cursors, and FETCH in any direction but forward.
 *
 * Principal entry points: PerformCursorOpen, PerformPortalFetch,
 * PerformPortalClose.
 */
#ifndef TUSK_COMMANDS_PORTALCMDS_H
#define TUSK_COMMANDS_PORTALCMDS_H

#include "nodes/parsenodes.h"
#include "tcop/dest.h"
#include "utils/portal.h"

#ifdef __cplusplus
extern "C++" {
#include <string>

/* DECLARE: plan the analyzed query in stmt (with the statement's params)
 * into a new portal and start it.  ERROR 42P03 if the name is taken,
 * 25P01 outside a transaction block. */
void PerformCursorOpen(DeclareCursorStmt *stmt, ParamListInfo params, const char *queryString);
/* FETCH (rows to dest) or MOVE (rows counted only); returns the command
 * tag ("FETCH 3", "MOVE 0").  ERROR 34000 if there is no such cursor. */
std::string PerformPortalFetch(FetchStmt *stmt, DestReceiver *dest);
/* CLOSE name, or CLOSE ALL when name is NULL. */
void PerformPortalClose(const char *name);
/* The rows FETCH from the named cursor returns, or NULL (no such cursor,
 * or MOVE): for Describe and RowDescription before the FETCH runs. */
TupleDesc CursorFetchTupleDesc(FetchStmt *stmt);
}
#endif

#endif /* TUSK_COMMANDS_PORTALCMDS_H */
