/*
 * tcop/portal_store.h — the rows a scrollable or held cursor keeps
 * (the part of PostgreSQL's tuplestore a portal's holdStore uses).
 *
 * Tusk's executor runs plans forward only.  A scrollable cursor therefore
 * keeps the rows its executor has produced in a store, and moves back and
 * forth in it: rows past the last one stored are pulled from the executor
 * when a forward move reaches them.  A cursor whose plan PostgreSQL could
 * run backward gets its store only at its first backward move (its plan
 * is run again from the start, with the same snapshot, up to where the
 * cursor is), so one only ever read forward keeps no rows; one that
 * PostgreSQL would materialize (SCROLL over a join, an aggregate …) keeps
 * them from the start, computing each row once as PostgreSQL's Material
 * node does.  A WITH HOLD cursor's store
 * is filled to the end at the commit that holds it, and then serves the
 * cursor alone (PostgreSQL's PersistHoldablePortal).
 *
 * The store has a read position with the executor's semantics (and the
 * tuplestore's): 0 is before the first row, k (1 … n) is on row k, and
 * "past the end" follows the last row once a forward move found no more.
 * A forward move of one row returns the row after the position, a
 * backward move the row before it; either stops, returning nothing, at the
 * store's ends.  Rows are copied with their out-of-line (TOASTed) values
 * fetched, so a held store needs no snapshot; they live in the portal's
 * holdContext and go with the portal.
 *
 * Principal entry points: PortalCreateRowStore, PortalRowStoreRun,
 * PortalRowStoreRewind, PortalRowStoreFillAll.
 */
#ifndef TUSK_TCOP_PORTAL_STORE_H
#define TUSK_TCOP_PORTAL_STORE_H

#include "tcop/dest.h"
#include "utils/portal.h"

/* Give portal an empty store (and its holdContext).  With fromExecutor,
 * rows past the stored ones come from portal->queryDesc as they are
 * needed; without, the store is complete as filled. */
extern void PortalCreateRowStore(Portal portal, bool fromExecutor);

/* Move up to count rows (0: as many as there are) forward or backward
 * from the read position, sending each row moved onto to dest (between
 * its rStartup and rShutdown, which it always gets).  Returns the number
 * of rows moved over.  Runs the executor (with the caller's snapshot,
 * resource owner and memory set up) when a forward move passes the
 * stored rows. */
extern uint64 PortalRowStoreRun(Portal portal, bool forward, uint64 count, DestReceiver *dest);

/* Back to before the first row. */
extern void PortalRowStoreRewind(Portal portal);

/* Pull every remaining row of the executor into the store; afterwards the
 * store no longer needs the executor.  The read position stays. */
extern void PortalRowStoreFillAll(Portal portal);

/* Run the portal's plan again from its start (PostgreSQL's
 * ExecutorRewind), with the caller's snapshot set. */
extern void PortalExecutorRewind(Portal portal);

/* Give a cursor that has so far been read forward by its executor a store
 * holding the rows it has read, by running its plan again from the start
 * (with the same snapshot: the same rows); the read position is where the
 * cursor is. */
extern void PortalRowStoreFromStart(Portal portal);

/* Fill a new store with the executor's rows not yet read (a NO SCROLL
 * cursor being held): its read position is before the first of them. */
extern void PortalRowStoreFillRest(Portal portal);

#endif /* TUSK_TCOP_PORTAL_STORE_H */
