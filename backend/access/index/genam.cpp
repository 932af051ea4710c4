/*
 * genam.cpp — catalog scans through an index or the heap
 * (access/genam.h).
 *
 * Principal entry points: systable_beginscan, systable_getnext,
 * systable_endscan.
 *
 * The caller's keys name catalog columns and carry an operator's function,
 * as PostgreSQL's do.  An index scan needs them in the index's terms: the
 * index column holding the catalog column, and the column's ordering
 * function (Tusk's B-tree compares with support function 1), so the keys
 * are translated once at the start.  The heap scan applies the operator
 * functions to each row.
 */
#include "postgres.h"

#include <vector>

#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/nbtree.h"
#include "access/relation.h"
#include "catalog/pg_index.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"

struct SysScanDescData
{
	Relation heap;
	Relation index;	   /* nullptr: a heap scan */
	bool index_locked; /* opened with AccessShareLock (not a catalog index) */
	Snapshot snapshot;
	bool registered; /* snapshot is ours */
	BTScan btscan;
	HeapScanDesc heapscan;
	int nkeys;
	ScanKey keys; /* the caller's, for the heap scan */
};

namespace {

/* The index keys for the caller's keys, or false when the index cannot
 * serve them (a key column the index does not have). */
bool TranslateKeys(Relation index, const BTIndexInfo *info, int nkeys, const ScanKeyData *keys,
				   ScanKey out)
{
	Form_pg_index form = index->rd_index;
	for (int k = 0; k < nkeys; k++)
	{
		int col = -1;
		for (int i = 0; i < form->indnkeyatts; i++)
			if (form->indkey.values[i] == keys[k].sk_attno)
				col = i;
		if (col < 0)
			return false;
		out[k] = keys[k];
		out[k].sk_attno = static_cast<AttrNumber>(col + 1);
		out[k].sk_subtype = InvalidOid;
		out[k].sk_collation = index->rd_indcollation[col];
		out[k].sk_func = info->orderproc[col];
	}
	return true;
}

bool HeapKeysMatch(SysScanDesc scan, HeapTuple tuple)
{
	TupleDesc desc = RelationGetDescr(scan->heap);
	for (int k = 0; k < scan->nkeys; k++)
	{
		ScanKey key = &scan->keys[k];
		bool isnull;
		Datum value = heap_getattr(tuple, key->sk_attno, desc, &isnull);
		if (isnull || (key->sk_flags & SK_ISNULL))
			return false;
		if (!DatumGetBool(
				FunctionCall2Coll(&key->sk_func, key->sk_collation, value, key->sk_argument)))
			return false;
	}
	return true;
}

}  // namespace

SysScanDesc systable_beginscan(Relation heapRelation, Oid indexId, bool indexOK, Snapshot snapshot,
							   int nkeys, ScanKey key)
{
	auto *scan = palloc0_object(SysScanDescData);
	scan->heap = heapRelation;
	scan->nkeys = nkeys;
	scan->keys = palloc_array(ScanKeyData, Max(nkeys, 1));
	for (int k = 0; k < nkeys; k++)
		scan->keys[k] = key[k];
	if (snapshot == nullptr)
	{
		snapshot = RegisterSnapshot(GetLatestSnapshot());
		scan->registered = true;
	}
	scan->snapshot = snapshot;

	/* Before the backend has its database (connection start), only the
	 * shared catalogs' indexes are where the relation cache looks. */
	if (indexOK && OidIsValid(indexId) && (RelationCacheHasCatalogs || IsSharedRelation(indexId)))
	{
		/* A catalog's own indexes are never dropped or rebuilt: no lock. */
		bool catalog_index = IsCatalogRelationOid(indexId);
		Relation index = relation_open(indexId, catalog_index ? NoLock : AccessShareLock);
		const BTIndexInfo *info = RelationGetBTIndexInfo(index);
		std::vector<ScanKeyData> ikeys(static_cast<size_t>(Max(nkeys, 1)));
		if (TranslateKeys(index, info, nkeys, key, ikeys.data()))
		{
			scan->index = index;
			scan->index_locked = !catalog_index;
			scan->btscan = btbeginscan(index, info, heapRelation, snapshot, nkeys, ikeys.data(),
									   ForwardScanDirection);
			return scan;
		}
		relation_close(index, catalog_index ? NoLock : AccessShareLock);
	}
	scan->heapscan = heap_beginscan(heapRelation, snapshot);
	return scan;
}

HeapTuple systable_getnext(SysScanDesc scan)
{
	if (scan->btscan != nullptr)
		return btgettuple(scan->btscan);
	while (HeapTuple tuple = heap_getnext(scan->heapscan, ForwardScanDirection))
		if (HeapKeysMatch(scan, tuple))
			return tuple;
	return nullptr;
}

void systable_endscan(SysScanDesc scan)
{
	if (scan->btscan != nullptr)
	{
		btendscan(scan->btscan);
		relation_close(scan->index, scan->index_locked ? AccessShareLock : NoLock);
	}
	if (scan->heapscan != nullptr)
		heap_endscan(scan->heapscan);
	if (scan->registered)
		UnregisterSnapshot(scan->snapshot);
	pfree(scan->keys);
	pfree(scan);
}

bool systable_uses_index(SysScanDesc scan)
{
	return scan->btscan != nullptr;
}
