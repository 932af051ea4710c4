/*
 * utils/relcache.h — the relation cache: one RelationData per relation a
 * process has opened, with its pg_class row and tuple descriptor.
 *
 * Entries are built on first open and rebuilt after the catalogs changed
 * (RelationCacheInvalidate, called when invalidations arrive) once no
 * one holds them open.  Catalogs are described from the bootstrap data.
 */
#ifndef TUSK_UTILS_RELCACHE_H
#define TUSK_UTILS_RELCACHE_H

#include "c.h"
#include "utils/rel.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Set once the process is connected to a database whose catalogs it may
 * read (InitPostgres); before that, relations are only their files. */
extern PGDLLIMPORT bool RelationCacheHasCatalogs;

/* Whether a relation lives in global/ (pg_database, pg_authid, …). */
extern bool IsSharedRelation(Oid relationId);
/* Whether the OID is a system catalog's (from the bootstrap data). */
extern bool IsCatalogRelationOid(Oid relationId);

/* In the postmaster, before it forks: form what describing a system
 * catalog or catalog index takes from the bootstrap data (their pg_class
 * and pg_index rows, the table of catalog indexes), which never changes,
 * so that every child inherits it instead of forming it again at each
 * connection.  Touches no shared memory and takes no lock. */
extern void RelationCachePreloadCatalogs(void);

/* Mark every entry stale: each is rebuilt at its next open by nobody
 * else holding it. */
extern void RelationCacheInvalidate(void);
extern void RelationCacheInvalidateEntry(Oid relationId);

/* At abort: the opens the failed command did not close are forgotten,
 * so that invalidated entries are rebuilt at their next open. */
extern void AtAbort_RelationCache(void);

/* The OIDs of a table's indexes, in OID order (a new List in
 * CurrentMemoryContext; NIL when it has none). */
extern struct List *RelationGetIndexList(Relation relation);

/* How a B-tree index's entries are formed and ordered (access/nbtree.h),
 * built from its catalog rows; valid as long as the relation is open. */
extern const struct BTIndexInfo *RelationGetBTIndexInfo(Relation index);

/* For ereport: name rel (its schema and table), a column of it (attnum),
 * or a constraint on it in the error's fields (PostgreSQL's). */
extern int errtable(Relation rel);
extern int errtablecol(Relation rel, int attnum);
extern int errtableconstraint(Relation rel, const char *conname);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_RELCACHE_H */
