/*
 * commands/portalcmds.h — SQL cursors: DECLARE, FETCH/MOVE and CLOSE
 * (PostgreSQL's portalcmds.h).
 *
 * A cursor is a named portal (utils/portal.h) running one SELECT, read
 * in pieces by FETCH and MOVE, forward or — when it is scrollable —
 * backward and to any row (tcop/portal_store.h keeps the rows to scroll
 * through), until CLOSE or the end of its transaction; a WITH HOLD cursor
 * until CLOSE or the end of the session.  BINARY cursors fail with 0A000.
 *
 * Principal entry points: PerformCursorOpen, PerformPortalFetch,
 * PerformPortalClose, PersistHoldablePortal.
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
 * 25P01 outside a transaction block unless it is WITH HOLD. */
void PerformCursorOpen(DeclareCursorStmt *stmt, ParamListInfo params, const char *queryString);
/* FETCH (rows to dest) or MOVE (rows counted only); returns the command
 * tag ("FETCH 3", "MOVE 0").  ERROR 34000 if there is no such cursor. */
std::string PerformPortalFetch(FetchStmt *stmt, DestReceiver *dest);
/* At the commit of the transaction that declared a WITH HOLD cursor: its
 * remaining rows (a scrollable one's all rows) into its store, so that it
 * needs its executor no more; the caller then shuts the executor down.
 * An error (in computing the rows) fails the commit. */
void PersistHoldablePortal(Portal portal);
/* CLOSE name, or CLOSE ALL when name is NULL. */
void PerformPortalClose(const char *name);
/* The rows FETCH from the named cursor returns, or NULL (no such cursor,
 * or MOVE): for Describe and RowDescription before the FETCH runs. */
TupleDesc CursorFetchTupleDesc(FetchStmt *stmt);
}
#endif

#endif /* TUSK_COMMANDS_PORTALCMDS_H */
