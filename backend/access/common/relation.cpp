/*
 * relation.cpp — relation_open and relation_close (see access/relation.h).
 *
 * Until a relation cache exists, this file keeps what code relies on from
 * PostgreSQL's: one RelationData per relation a process has opened (per
 * database), owned by value in a process-lifetime table, so a Relation
 * stays valid after the transaction that opened it (code may hold one
 * across transactions, as PostgreSQL allows) and an ERROR that skips
 * relation_close leaks nothing: opening the relation again finds the same
 * entry.  The per-backend state (rd_targblock) starts afresh when the
 * relation is opened while nobody holds it open.  Locks are the lock
 * manager's, released at transaction end.
 */
#include "postgres.h"

#include <map>
#include <type_traits>
#include <utility>

#include "access/relation.h"
#include "miscadmin.h"
#include "storage/lmgr.h"

namespace {

struct RelationEntry
{
	RelationData rel; /* first: a Relation points here */
	int refcount = 0; /* opens not yet closed */
};

static_assert(std::is_standard_layout_v<RelationEntry>, "a Relation converts to its entry");

/* Keyed by (database, relation).  A map's elements never move. */
std::map<std::pair<Oid, Oid>, RelationEntry> &Relations()
{
	static std::map<std::pair<Oid, Oid>, RelationEntry> relations;
	return relations;
}

}  // namespace

Relation relation_open(Oid relationId, LOCKMODE lockmode)
{
	if (!OidIsValid(relationId))
		elog(ERROR, "could not open relation with OID %u", relationId);
	if (lockmode != NoLock)
		LockRelationOid(relationId, lockmode);
	RelationEntry &entry = Relations()[{MyDatabaseId, relationId}];
	if (entry.refcount <= 0)
	{
		entry.refcount = 0;
		entry.rel.rd_id = relationId;
		entry.rel.rd_node = RelFileNode{DEFAULTTABLESPACE_OID, MyDatabaseId, relationId};
		entry.rel.rd_targblock = InvalidBlockNumber;
	}
	entry.refcount++;
	return &entry.rel;
}

void relation_close(Relation relation, LOCKMODE lockmode)
{
	Oid relid = relation->rd_id;
	reinterpret_cast<RelationEntry *>(relation)->refcount--;
	if (lockmode != NoLock)
		UnlockRelationOid(relid, lockmode);
}
