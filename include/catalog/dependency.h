/*
 * catalog/dependency.h — dependencies between database objects (pg_depend)
 * and dropping an object with what depends on it (PostgreSQL's
 * performDeletion).
 */
#ifndef TUSK_CATALOG_DEPENDENCY_H
#define TUSK_CATALOG_DEPENDENCY_H

#include "catalog/objectaddress.h"
#include "nodes/parsenodes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* pg_depend.deptype: how the depender depends on the referenced object. */
typedef enum DependencyType
{
	DEPENDENCY_NORMAL = 'n',		 /* dropped only by CASCADE */
	DEPENDENCY_AUTO = 'a',			 /* dropped silently with the referenced object */
	DEPENDENCY_INTERNAL = 'i',		 /* part of the referenced object's implementation */
	DEPENDENCY_PARTITION_PRI = 'P',	 /* (partitions: not in Tusk) */
	DEPENDENCY_PARTITION_SEC = 'S',	 /* (partitions: not in Tusk) */
	DEPENDENCY_EXTENSION = 'e',		 /* a member of an extension */
	DEPENDENCY_AUTO_EXTENSION = 'x', /* dropped with the extension */
} DependencyType;

/* performDeletion flags (PostgreSQL's values). */
#define PERFORM_DELETION_INTERNAL 0x0001	  /* internal action, not the user's DROP */
#define PERFORM_DELETION_QUIETLY 0x0004		  /* no NOTICE for cascaded objects */
#define PERFORM_DELETION_SKIP_ORIGINAL 0x0008 /* keep the named object itself */

/* Initdb's objects (OIDs below 12000) are pinned: nothing records a
 * dependency on them and they cannot be dropped — except the public
 * schema and databases, as in PostgreSQL. */
extern bool IsPinnedObject(Oid classId, Oid objectId);

extern void recordDependencyOn(const ObjectAddress *depender, const ObjectAddress *referenced,
							   DependencyType behavior);
extern void recordMultipleDependencies(const ObjectAddress *depender,
									   const ObjectAddress *referenced, int nreferenced,
									   DependencyType behavior);

/*
 * The objects an expression refers to — functions, operators, types of
 * constants and casts, relations named by regclass constants, and for
 * Vars of rel (varno 1) its columns — recorded as dependencies of
 * depender: self_behavior for rel's own columns, behavior for the rest.
 */
extern void recordDependencyOnSingleRelExpr(const ObjectAddress *depender, Node *expr, Oid relId,
											DependencyType behavior, DependencyType self_behavior);

/* The sequence behind identity column attnum of relid (ERROR if none). */
extern Oid getIdentitySequence(Oid relid, AttrNumber attnum);

/* The objects a query refers to — the relations it reads, the table
 * columns its Vars name at any level, and what its expressions name —
 * recorded as dependencies of depender (a view's rule). */
extern void recordDependencyOnQuery(const ObjectAddress *depender, Query *query,
									DependencyType behavior);
/* While an extension's script runs (commands/extension.h), record the
 * new object as a member of it (PostgreSQL's
 * recordDependencyOnCurrentExtension), called wherever an object that can
 * be a member is created.  isReplace: the object existed (CREATE OR
 * REPLACE) and must already be a member of that extension (55000
 * otherwise). */
extern void recordDependencyOnCurrentExtension(const ObjectAddress *object, bool isReplace);
/* The extension the object is a member of, or InvalidOid. */
extern Oid getExtensionOfObject(Oid classId, Oid objectId);

/* Delete the object's dependencies of one type on objects of one catalog
 * (a sequence's OWNED BY: its automatic dependency on a table column). */
extern long deleteDependencyRecordsForClass(Oid classId, Oid objectId, Oid refclassId,
											char deptype);

/* Delete the pg_depend rows in which the object is the depender. */
extern long deleteDependencyRecordsFor(Oid classId, Oid objectId, bool skipExtensionDeps);
/* The dependency rows of one column of relation relid (as depender). */
extern long deleteDependencyRecordsForColumn(Oid relid, int32 attnum);

/*
 * Drop the object and, for DROP_CASCADE, everything that depends on it
 * (NOTICE "drop cascades to …"); DROP_RESTRICT refuses with 2BP01 when a
 * normal dependency exists.  Objects that depend automatically or
 * internally go with it silently.
 */
extern void performDeletion(const ObjectAddress *object, DropBehavior behavior, int flags);

#ifdef __cplusplus
}

extern "C++" {
#include <functional>
#include <vector>

#include "catalog/pg_depend_d.h"
#include "storage/itemptr.h"

/* Each pg_depend row in which (classId, objectId) is the depender
 * (referenced false) or the referenced object, read through the matching
 * index: f(row, its TID). */
extern void ScanDependRows(bool referenced, Oid classId, Oid objectId,
						   const std::function<void(Form_pg_depend, ItemPointer)> &f);

/* Drop several objects in one go (DROP TABLE a, b): the dependencies among
 * them do not count as reasons to refuse. */
extern void performMultipleDeletions(const std::vector<ObjectAddress> &objects,
									 DropBehavior behavior, int flags);

/* The sequences a table's columns own (serial columns' and OWNED BY). */
extern std::vector<Oid> getOwnedSequences(Oid relid);
}
#endif

#endif /* TUSK_CATALOG_DEPENDENCY_H */
