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
#include "utils/palloc.h"

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

	/* A table's indexes (RelationGetIndexList), found on first use. */
	bool rd_indexvalid;
	int rd_nindexes;
	Oid *rd_indexoids; /* in OID order, as PostgreSQL's list */

	/* An index's (relkind 'i'), from its pg_index row and operator
	 * classes; PostgreSQL's names.  Arrays have one entry per key column. */
	MemoryContext rd_indexcxt;			 /* where the fields below live */
	struct HeapTupleData *rd_indextuple; /* the pg_index row */
	struct FormData_pg_index *rd_index;	 /* its fixed part */
	Oid *rd_opfamily;
	Oid *rd_opcintype;
	RegProcedure *rd_support; /* B-tree support function 1 of each column */
	int16 *rd_indoption;
	Oid *rd_indcollation;
	void *rd_amcache; /* the access method's: a B-tree's BTIndexInfo */

	/* This process's pending statistics entry (pgstat.h), from the first
	 * count after a flush until the next flush; NULL otherwise. */
	struct PgStat_TableStatus *rd_pgstat_info;
} RelationData;

typedef RelationData *Relation;

#define RelationGetRelid(relation) ((relation)->rd_id)
/* Another session's temporary relation: its contents are not ours to
 * read or write (PostgreSQL keeps them in that session's local buffers). */
#define RELATION_IS_OTHER_TEMP(relation) \
	((relation)->rd_rel != NULL && (relation)->rd_rel->relpersistence == 't' && \
	 !(relation)->rd_islocaltemp)
#define RelationGetDescr(relation) ((relation)->rd_att)
#define RelationGetForm(relation) ((relation)->rd_rel)
#define RelationGetRelationName(relation) (NameStr((relation)->rd_rel->relname))
#define RelationGetNamespace(relation) ((relation)->rd_rel->relnamespace)
#define RelationGetNumberOfAttributes(relation) ((relation)->rd_rel->relnatts)
#define IndexRelationGetNumberOfAttributes(relation) ((relation)->rd_index->indnatts)
#define IndexRelationGetNumberOfKeyAttributes(relation) ((relation)->rd_index->indnkeyatts)

#endif /* TUSK_UTILS_REL_H */
