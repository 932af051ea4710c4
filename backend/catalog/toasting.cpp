/*
 * toasting.cpp — creating a table's TOAST table (catalog/toasting.h).
 *
 * Principal entry point: AlterTableCreateToastTable.
 *
 * PostgreSQL's create_toast_table: the TOAST table is an ordinary heap
 * (relkind 't', no row type) in the pg_toast schema named after the
 * table's OID, with a unique B-tree on (chunk_id, chunk_seq) through
 * which values are read in chunk order.  Its columns are of storage plain
 * so that its own rows are never toasted.  The table records it in
 * reltoastrelid; pg_depend makes it an INTERNAL part of the table (DROP
 * TABLE drops it, nothing else may) and the index an AUTO dependent of
 * it.  TRUNCATE gives it new files along with the table, and VACUUM of
 * the table vacuums it too (commands/truncate.cpp, commands/vacuum.cpp).
 */
#include "postgres.h"

#include "access/heaptoast.h"
#include "access/htup_details.h"
#include "access/relation.h"
#include "access/tupdesc.h"
#include "access/tupmacs.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/index.h"
#include "catalog/indexing.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_namespace_d.h"
#include "catalog/pg_opclass_d.h"
#include "catalog/pg_type_d.h"
#include "catalog/toasting.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/syscache.h"

namespace {

/* The largest a value of the type can be, header included, or -1 when
 * unbounded (PostgreSQL's type_maximum_size, for UTF8). */
int32 TypeMaximumSize(Oid type, int32 typmod)
{
	constexpr int32 kMaxBytesPerChar = 4; /* UTF8 */
	if (typmod < 0)
		return -1;
	switch (type)
	{
		case BPCHAROID:
		case VARCHAROID:
			return (typmod - VARHDRSZ) * kMaxBytesPerChar + VARHDRSZ;
		case BITOID:
		case VARBITOID:
			return (typmod + 7) / 8 + 2 * static_cast<int32>(sizeof(int32));
		default:
			return -1;
	}
}

/* PostgreSQL's needs_toast_table: could a row exceed the threshold
 * through a toastable column? */
bool NeedsToastTable(TupleDesc desc)
{
	Size data_length = 0;
	bool maxlength_unknown = false;
	bool has_toastable = false;
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		if (att->attisdropped)
			continue;
		data_length = att_align_nominal(data_length, att->attalign);
		if (att->attlen > 0)
		{
			data_length += static_cast<Size>(att->attlen);
			continue;
		}
		int32 maxlen = TypeMaximumSize(att->atttypid, att->atttypmod);
		if (maxlen < 0)
			maxlength_unknown = true;
		else
			data_length += static_cast<Size>(maxlen);
		if (att->attstorage != TYPSTORAGE_PLAIN)
			has_toastable = true;
	}
	if (!has_toastable)
		return false;
	if (maxlength_unknown)
		return true;
	Size tuple_length = MAXALIGN(SizeofHeapTupleHeader + BITMAPLEN(desc->natts)) +
		MAXALIGN(data_length);
	return tuple_length > TOAST_TUPLE_THRESHOLD;
}

}  // namespace

void AlterTableCreateToastTable(Oid relid)
{
	Relation rel = relation_open(relid, NoLock);
	char relkind = rel->rd_rel->relkind;
	bool needed = (relkind == RELKIND_RELATION || relkind == RELKIND_MATVIEW) &&
		!OidIsValid(rel->rd_rel->reltoastrelid) && NeedsToastTable(RelationGetDescr(rel));
	char relpersistence = rel->rd_rel->relpersistence;
	relation_close(rel, NoLock);
	if (!needed)
		return;

	TupleDesc desc = CreateTemplateTupleDesc(3);
	TupleDescInitEntry(desc, 1, "chunk_id", OIDOID, -1, 0);
	TupleDescInitEntry(desc, 2, "chunk_seq", INT4OID, -1, 0);
	TupleDescInitEntry(desc, 3, "chunk_data", BYTEAOID, -1, 0);
	for (int i = 0; i < 3; i++)
		TupleDescAttr(desc, i)->attstorage = TYPSTORAGE_PLAIN;
	char name[NAMEDATALEN];
	snprintf(name, sizeof name, "pg_toast_%u", relid);
	Oid toastid = heap_create_with_catalog(name, PG_TOAST_NAMESPACE, desc, RELKIND_TOASTVALUE,
										   relpersistence);
	CommandCounterIncrement();

	char indexname[NAMEDATALEN];
	snprintf(indexname, sizeof indexname, "pg_toast_%u_index", relid);
	const IndexColumn columns[2] = {{"chunk_id", 1, OID_BTREE_OPS_OID, InvalidOid, 0},
									{"chunk_seq", 2, INT4_BTREE_OPS_OID, InvalidOid, 0}};
	Relation toastrel = relation_open(toastid, AccessExclusiveLock);
	Oid indexid = index_create(toastrel, indexname, 2, 2, columns, nullptr, true, false);
	relation_close(toastrel, NoLock);

	ObjectAddress table;
	ObjectAddress toast;
	ObjectAddress index;
	ObjectAddressSet(table, RelationRelationId, relid);
	ObjectAddressSet(toast, RelationRelationId, toastid);
	ObjectAddressSet(index, RelationRelationId, indexid);
	recordDependencyOn(&toast, &table, DEPENDENCY_INTERNAL);
	recordDependencyOn(&index, &toast, DEPENDENCY_AUTO);

	HeapTuple classtup = SearchSysCacheCopy1(RELOID, ObjectIdGetDatum(relid));
	if (classtup == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", relid);
	reinterpret_cast<Form_pg_class>(GETSTRUCT(classtup))->reltoastrelid = toastid;
	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_class, &classtup->t_self, classtup);
	relation_close(pg_class, RowExclusiveLock);
	RelationCacheInvalidateEntry(relid);
	CommandCounterIncrement();
}
