/*
 * utils/rel.h — an open relation.
 *
 * A RelationData is what code holds while it works on a table or index:
 * its OID, where its files are, and per-backend state.  Until the system
 * catalogs exist there is no relation cache behind it: relation_open
 * derives the files from the OID, as PostgreSQL assigns a new relation's
 * file number equal to its OID (base/<database>/<oid>).
 */
#ifndef TUSK_UTILS_REL_H
#define TUSK_UTILS_REL_H

#include "c.h"
#include "storage/block.h"
#include "storage/relfilenode.h"

typedef struct RelationData
{
	Oid rd_id;				  /* the relation's OID */
	RelFileNode rd_node;	  /* its files */
	BlockNumber rd_targblock; /* where this backend last inserted, or invalid */
} RelationData;

typedef RelationData *Relation;

#define RelationGetRelid(relation) ((relation)->rd_id)

#endif /* TUSK_UTILS_REL_H */
