/*
 * tcop/pquery.h — running a portal's statements into a DestReceiver
 * (PostgreSQL's pquery.h).
 *
 * One path for every statement, however it arrived: PortalStart decides
 * the strategy and, for a SELECT, starts the executor (which then keeps
 * its state between PortalRun calls, so Execute with a row limit can stop
 * and resume); PortalRun sends up to count rows (0 or FETCH_ALL: all) and
 * says whether the portal is finished, filling the command tag when it
 * is.  Utility statements run through ProcessUtility.
 *
 * Rows of INSERT/UPDATE/DELETE … RETURNING and of SHOW are sent all at
 * once: the statement runs to completion at its first PortalRun,
 * whatever the row limit (PostgreSQL stores them and hands them out in
 * pieces; Tusk has no tuplestore yet).
 *
 * Principal entry points: ChoosePortalStrategy, PortalStart, PortalRun,
 * PortalRunFetch, FetchPortalTargetList.
 */
#ifndef TUSK_TCOP_PQUERY_H
#define TUSK_TCOP_PQUERY_H

#include "nodes/parsenodes.h" /* FETCH_ALL */
#include "utils/portal.h"

#ifdef __cplusplus
extern "C" {
#endif

extern PortalStrategy ChoosePortalStrategy(List *stmts);
/* Ready the portal to run with params (copied into it).  For a SELECT the
 * executor starts here, with snapshot or, if InvalidSnapshot, a new one. */
extern void PortalStart(Portal portal, ParamListInfo params, int eflags, Snapshot snapshot);
/* Run: up to count rows to dest (count <= 0 or FETCH_ALL: all).  Returns
 * true when the portal has finished, and then completionTag (at least
 * COMPLETION_TAG_BUFSIZE bytes, or NULL) holds its command tag. */
extern bool PortalRun(Portal portal, long count, bool isTopLevel, DestReceiver *dest,
					  DestReceiver *altdest, char *completionTag);
/* FETCH/MOVE: count rows in direction (FETCH_ALL: all; ABSOLUTE and
 * RELATIVE: to that row) of a cursor's SELECT to dest; the rows sent, or
 * for MOVE (dest None_Receiver) moved over.  Backward moves need a
 * scrollable cursor (55000 "cursor can only scan forward").  The portal
 * stays ready for more. */
extern uint64 PortalRunFetch(Portal portal, FetchDirection direction, long count,
							 DestReceiver *dest);
/* The target list whose columns the portal's rows have (RowDescription's
 * column origins), or NIL. */
extern List *FetchPortalTargetList(Portal portal);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_TCOP_PQUERY_H */
