/*
 * catalog/pg_shdepend_fns.h — dependencies of objects on shared objects
 * (pg_shdepend): PostgreSQL's recordDependencyOnOwner and friends.
 *
 * A row (dbid, classid, objid, objsubid, refclassid, refobjid, deptype)
 * says that object (classid, objid) of database dbid (0 for a shared
 * object such as a database) depends on the shared object (refclassid,
 * refobjid) — for Tusk, always a role it is owned by (deptype 'o').  As in
 * PostgreSQL, objects owned by a pinned role (the bootstrap superuser) have
 * no row, and neither have parts of another object (indexes, TOAST tables,
 * row and array types): they follow their owner.
 *
 * DROP ROLE refuses while a role has rows (checkSharedDependencies);
 * DROP OWNED and REASSIGN OWNED act on the rows of the current database.
 *
 * See backend/catalog/pg_shdepend.cpp and doc/commands/roles.md.
 */
#ifndef TUSK_CATALOG_PG_SHDEPEND_FNS_H
#define TUSK_CATALOG_PG_SHDEPEND_FNS_H

#include "nodes/parsenodes.h"
#include "nodes/pg_list.h"

/* pg_shdepend.deptype (PostgreSQL's SharedDependencyType; Tusk records
 * only owners). */
typedef enum SharedDependencyType
{
	SHARED_DEPENDENCY_OWNER = 'o',
	SHARED_DEPENDENCY_ACL = 'a',
	SHARED_DEPENDENCY_POLICY = 'r',
	SHARED_DEPENDENCY_TABLESPACE = 't',
	SHARED_DEPENDENCY_INVALID = 0
} SharedDependencyType;

/* A new object of catalog classId is owned by owner: a row unless the
 * owner is pinned.  Locks the role (AccessShareLock, held to the end of
 * the transaction) so that a concurrent DROP ROLE waits and then sees
 * the row; ERROR if the role is gone. */
extern void recordDependencyOnOwner(Oid classId, Oid objectId, Oid owner);

/* The object's owner row now names newOwnerId (removed for a pinned
 * owner, inserted if there was none). */
extern void changeDependencyOnOwner(Oid classId, Oid objectId, Oid newOwnerId);

/* The object is being dropped: its rows go (all of a whole object's rows
 * when objectSubId is 0). */
extern void deleteSharedDependencyRecordsFor(Oid classId, Oid objectId, int32 objectSubId);

/* CREATE DATABASE: the new database's objects are the template's, so are
 * their rows.  DROP DATABASE: the rows of its objects, and of the database
 * itself, go. */
extern void copyTemplateDependencies(Oid templateDbId, Oid newDbId);
extern void dropDatabaseDependencies(Oid databaseId);

/* DROP OWNED BY roleids: the objects of the current database they own,
 * dropped together (performMultipleDeletions) with behavior.  ERROR 2BP01
 * for a pinned role. */
extern void shdepDropOwned(List *roleids, DropBehavior behavior);
/* REASSIGN OWNED BY roleids TO newrole: each object of the current
 * database and each shared object (database) they own changes owner as
 * ALTER … OWNER TO would, with its checks. */
extern void shdepReassignOwned(List *roleids, Oid newrole);

#ifdef __cplusplus
extern "C++" {
#include <string>

/*
 * Whether anything depends on the shared object (a role); if so *detail
 * gets the lines of DROP ROLE's DETAIL as PostgreSQL words them — "owner
 * of table t" for objects of the current database and shared ones (sorted
 * by OID), "N objects in database d" for each other database, at most 100
 * lines — and *detail_log every line.  ERROR 2BP01 for a pinned object.
 */
extern bool checkSharedDependencies(Oid classId, Oid objectId, std::string *detail,
									std::string *detail_log);
}
#endif

#endif /* TUSK_CATALOG_PG_SHDEPEND_FNS_H */
