/*
 * indexing.cpp — writing catalog rows (catalog/indexing.h).
 *
 * Catalog rows are written with the current command id, so the
 * statement's later commands see them after CommandCounterIncrement;
 * each write marks the catalog caches for invalidation (utils/inval.h).
 * Every new row version gets its entries in the catalog's indexes (the
 * bootstrap data's), the unique ones checking for a live duplicate as a
 * user table's unique index does (23505 naming the catalog index); a
 * deleted row's entries stay until VACUUM, and scans skip them by
 * visibility, as for any B-tree.
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/nbtree.h"
#include "access/relation.h"
#include "access/tupdesc.h"
#include "access/xact.h"
#include "catalog/bootstrap_data.h"
#include "catalog/indexing.h"
#include "utils/relcache.h"
#include "utils/inval.h"

#include <memory>

namespace {

/* The new row version tup (its t_self set) into every index of its catalog. */
void CatalogIndexInsert(Relation heapRel, HeapTuple tup)
{
	const tusk::catalog::BootstrapCatalog *cat = tusk::catalog::FindBootstrapCatalog(
		RelationGetRelid(heapRel));
	if (cat == nullptr)
		elog(ERROR, "relation %u is not a system catalog", RelationGetRelid(heapRel));
	TupleDesc desc = RelationGetDescr(heapRel);
	for (int i = 0; i < cat->nindexes; i++)
	{
		const tusk::catalog::BootstrapIndex &ix = cat->indexes[i];
		Datum values[INDEX_MAX_KEYS];
		bool isnull[INDEX_MAX_KEYS];
		for (int k = 0; k < ix.nkeys; k++)
			values[k] = heap_getattr(tup, ix.keys[k], desc, &isnull[k]);
		/* Catalog indexes are never dropped or rebuilt: no lock. */
		Relation index = relation_open(ix.oid, NoLock);
		btinsert(index, RelationGetBTIndexInfo(index), values, isnull, &tup->t_self, heapRel,
				 ix.unique ? UNIQUE_CHECK_YES : UNIQUE_CHECK_NO, nullptr);
		relation_close(index, NoLock);
	}
}

}  // namespace

void CatalogTupleInsert(Relation heapRel, HeapTuple tup)
{
	heap_insert(heapRel, tup, GetCurrentCommandId(true), 0, nullptr);
	CatalogIndexInsert(heapRel, tup);
	CacheInvalidateCatalog();
}

void CatalogTupleUpdate(Relation heapRel, ItemPointer otid, HeapTuple tup)
{
	TM_FailureData tmfd;
	TM_Result result = heap_update(heapRel, otid, tup, GetCurrentCommandId(true), true, &tmfd);
	if (result != TM_Ok)
		ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
				errmsg("tuple concurrently updated"));
	if (!HeapTupleIsHeapOnly(tup))
		CatalogIndexInsert(heapRel, tup);
	CacheInvalidateCatalog();
}

void CatalogTupleDelete(Relation heapRel, ItemPointer tid)
{
	TM_FailureData tmfd;
	TM_Result result = heap_delete(heapRel, tid, GetCurrentCommandId(true), true, &tmfd);
	if (result != TM_Ok)
		ereport(ERROR, errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
				errmsg("tuple concurrently deleted"));
	CacheInvalidateCatalog();
}

CatalogRow::CatalogRow(Relation catalog)
	: catalog_(catalog), values_(RelationGetDescr(catalog)->natts),
	  isnull_(RelationGetDescr(catalog)->natts, 1), isset_(RelationGetDescr(catalog)->natts, 0),
	  names_(RelationGetDescr(catalog)->natts)
{}

CatalogRow &CatalogRow::Set(int attnum, Datum value)
{
	values_[attnum - 1] = value;
	isnull_[attnum - 1] = 0;
	isset_[attnum - 1] = 1;
	return *this;
}

CatalogRow &CatalogRow::SetName(int attnum, const char *name)
{
	memset(&names_[attnum - 1], 0, sizeof(NameData));
	strlcpy(names_[attnum - 1].data, name, NAMEDATALEN);
	return Set(attnum, PointerGetDatum(&names_[attnum - 1]));
}

CatalogRow &CatalogRow::SetNull(int attnum)
{
	isnull_[attnum - 1] = 1;
	isset_[attnum - 1] = 1;
	return *this;
}

HeapTuple CatalogRow::Form() const
{
	TupleDesc desc = RelationGetDescr(catalog_);
	for (int i = 0; i < desc->natts; i++)
		if (!isset_[i] && TupleDescAttr(desc, i)->attnotnull)
			elog(ERROR, "catalog row of %s has no value for NOT NULL column %s",
				 RelationGetRelationName(catalog_), NameStr(TupleDescAttr(desc, i)->attname));
	std::vector<bool> nulls(isnull_.begin(), isnull_.end());
	auto isnull = std::make_unique<bool[]>(desc->natts);
	for (int i = 0; i < desc->natts; i++)
		isnull[i] = isnull_[i] != 0;
	return heap_form_tuple(desc, values_.data(), isnull.get());
}
