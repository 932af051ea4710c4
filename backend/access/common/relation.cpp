/*
 * relation.cpp — relation_open and relation_close (see access/relation.h).
 */
#include "postgres.h"

#include "access/relation.h"
#include "miscadmin.h"
#include "storage/lmgr.h"

Relation relation_open(Oid relationId, LOCKMODE lockmode)
{
	if (!OidIsValid(relationId))
		elog(ERROR, "could not open relation with OID %u", relationId);
	if (lockmode != NoLock)
		LockRelationOid(relationId, lockmode);
	auto	   *rel = new RelationData;
	rel->rd_id = relationId;
	rel->rd_node = RelFileNode{DEFAULTTABLESPACE_OID, MyDatabaseId, relationId};
	rel->rd_targblock = InvalidBlockNumber;
	return rel;
}

void relation_close(Relation relation, LOCKMODE lockmode)
{
	Oid			relid = relation->rd_id;
	delete relation;
	if (lockmode != NoLock)
		UnlockRelationOid(relid, lockmode);
}
