/*
 * rewrite/rewriteHandler.h — the rewriter: views in a query become
 * subqueries (PostgreSQL's rewriteHandler.h, fireRIRrules).
 */
#ifndef TUSK_REWRITE_REWRITEHANDLER_H
#define TUSK_REWRITE_REWRITEHANDLER_H

#include "nodes/parsenodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Replace, at every level of query (subqueries in FROM and in
 * expressions, WITH queries), each range-table entry of a view by a
 * subquery holding a copy of the view's stored query, views inside it
 * expanded too.  The target of INSERT/UPDATE/DELETE being a view is an
 * ERROR (Tusk has no updatable views yet).  A view defined, through
 * others, in terms of itself is 42P17.  Modifies query in place.
 */
extern void QueryRewriteViews(Query *query);

/* The query stored as view viewoid's _RETURN rule (a fresh copy). */
extern Query *get_view_query_by_oid(Oid viewoid);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_REWRITE_REWRITEHANDLER_H */
