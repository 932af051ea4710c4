/*
 * utils/rel.h — an open relation.
 *
 * A RelationData is what code holds while it works on a table or index:
 * its OID, where its files are, its pg_class row and tuple descriptor,
 * and per-backend state.  The relation cache (utils/cache/relcache.cpp)
 * builds it once per process and keeps it until the catalogs change:
 * a Relation stays valid after the transaction that opened it.
 *
 * The system catalogs' own descriptors come from the bootstrap data
 * compiled into the server (PostgreSQL's "nailed" relations), so reading
 * pg_class never needs pg_class to be read first.
 */
#ifndef TUSK_UTILS_REL_H
#define TUSK_UTILS_REL_H

#include "c.h"
#include "storage/block.h"
#include "storage/relfilenode.h"
#include "catalog/pg_class_d.h"

typedef struct RelationData
{
	Oid rd_id;						  /* the relation's OID */
	RelFileNode rd_node;			  /* its files */
	BlockNumber rd_targblock;		  /* where this backend last inserted, or invalid */
	struct FormData_pg_class *rd_rel; /* its pg_class row (fixed part), or NULL
									   * for relations opened below the catalogs
									   * (storage-level tests) */
	struct TupleDescData *rd_att;	  /* its columns, or NULL likewise */
	bool rd_islocaltemp;			  /* a temporary table of this session */
} RelationData;

typedef RelationData *Relation;

#define RelationGetRelid(relation) ((relation)->rd_id)
#define RelationGetDescr(relation) ((relation)->rd_att)
#define RelationGetForm(relation) ((relation)->rd_rel)
#define RelationGetRelationName(relation) (NameStr((relation)->rd_rel->relname))
#define RelationGetNamespace(relation) ((relation)->rd_rel->relnamespace)
#define RelationGetNumberOfAttributes(relation) ((relation)->rd_rel->relnatts)

#endif /* TUSK_UTILS_REL_H */
