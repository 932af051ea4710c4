/*
 * index.cpp — indexes in the catalogs (catalog/index.h): creating one
 * (its catalog rows, its file, its entries for the table's rows) and
 * dropping one.
 *
 * Principal entry points: index_create, index_drop, BuildIndexInfo,
 * FormIndexDatum, IndexPredicateHolds.
 *
 * An index is a pg_class row (relkind 'i', relam btree; its OID is also
 * its file number), one pg_attribute row per index column (the table
 * column's type, the column's collation), and a pg_index row (indkey,
 * indclass, indcollation, indoption, indpred), as PostgreSQL writes them.
 * Building reads every row of the table no transaction can see as
 * removed yet (live, recently dead, or being inserted or deleted) and
 * inserts its entry; the unique check against the heap then finds only
 * rows still live, so a deleted duplicate does not stop the build.
 * (Expression columns are not supported yet.)
 */
#include "postgres.h"

#include <vector>

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/nbtree.h"
#include "access/relation.h"
#include "access/xact.h"
#include "catalog/heap.h"
#include "catalog/index.h"
#include "catalog/indexing.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_attribute_d.h"
#include "catalog/pg_class_d.h"
#include "catalog/pg_constraint_d.h"
#include "catalog/pg_index_d.h"
#include "catalog/storage.h"
#include "executor/executor.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "nodes/execnodes.h"
#include "storage/bufmgr.h"
#include "storage/bufpage.h"
#include "storage/procarray.h"
#include "storage/smgr.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

namespace {

void InsertIndexAttribute(Relation pg_attribute, Oid indexoid, int attnum, const char *name,
						  const FormData_pg_attribute &heapatt, Oid collation)
{
	CatalogRow row(pg_attribute);
	row.Set(Anum_pg_attribute_attrelid, ObjectIdGetDatum(indexoid))
		.SetName(Anum_pg_attribute_attname, name)
		.Set(Anum_pg_attribute_atttypid, ObjectIdGetDatum(heapatt.atttypid))
		.Set(Anum_pg_attribute_attstattarget, Int32GetDatum(-1))
		.Set(Anum_pg_attribute_attlen, Int16GetDatum(heapatt.attlen))
		.Set(Anum_pg_attribute_attnum, Int16GetDatum(static_cast<int16>(attnum)))
		.Set(Anum_pg_attribute_attndims, Int32GetDatum(heapatt.attndims))
		.Set(Anum_pg_attribute_attcacheoff, Int32GetDatum(-1))
		.Set(Anum_pg_attribute_atttypmod, Int32GetDatum(heapatt.atttypmod))
		.Set(Anum_pg_attribute_attbyval, BoolGetDatum(heapatt.attbyval))
		.Set(Anum_pg_attribute_attalign, CharGetDatum(heapatt.attalign))
		.Set(Anum_pg_attribute_attstorage, CharGetDatum(heapatt.attstorage))
		.Set(Anum_pg_attribute_attcompression, CharGetDatum('\0'))
		.Set(Anum_pg_attribute_attnotnull, BoolGetDatum(false))
		.Set(Anum_pg_attribute_atthasdef, BoolGetDatum(false))
		.Set(Anum_pg_attribute_atthasmissing, BoolGetDatum(false))
		.Set(Anum_pg_attribute_attidentity, CharGetDatum('\0'))
		.Set(Anum_pg_attribute_attgenerated, CharGetDatum('\0'))
		.Set(Anum_pg_attribute_attisdropped, BoolGetDatum(false))
		.Set(Anum_pg_attribute_attislocal, BoolGetDatum(true))
		.Set(Anum_pg_attribute_attinhcount, Int32GetDatum(0))
		.Set(Anum_pg_attribute_attcollation, ObjectIdGetDatum(collation));
	CatalogTupleInsert(pg_attribute, row.Form());
}

void InsertClassRow(Oid indexoid, const char *name, Relation heap, int natts)
{
	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogRow row(pg_class);
	row.Set(Anum_pg_class_oid, ObjectIdGetDatum(indexoid))
		.SetName(Anum_pg_class_relname, name)
		.Set(Anum_pg_class_relnamespace, ObjectIdGetDatum(RelationGetNamespace(heap)))
		.Set(Anum_pg_class_reltype, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_class_reloftype, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_class_relowner, ObjectIdGetDatum(heap->rd_rel->relowner))
		.Set(Anum_pg_class_relam, ObjectIdGetDatum(BTREE_AM_OID))
		.Set(Anum_pg_class_relfilenode, ObjectIdGetDatum(indexoid))
		.Set(Anum_pg_class_reltablespace, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_class_relpages, Int32GetDatum(0))
		.Set(Anum_pg_class_reltuples, Float4GetDatum(-1))
		.Set(Anum_pg_class_relallvisible, Int32GetDatum(0))
		.Set(Anum_pg_class_reltoastrelid, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_class_relhasindex, BoolGetDatum(false))
		.Set(Anum_pg_class_relisshared, BoolGetDatum(false))
		.Set(Anum_pg_class_relpersistence, CharGetDatum(heap->rd_rel->relpersistence))
		.Set(Anum_pg_class_relkind, CharGetDatum(RELKIND_INDEX))
		.Set(Anum_pg_class_relnatts, Int16GetDatum(static_cast<int16>(natts)))
		.Set(Anum_pg_class_relchecks, Int16GetDatum(0))
		.Set(Anum_pg_class_relhasrules, BoolGetDatum(false))
		.Set(Anum_pg_class_relhastriggers, BoolGetDatum(false))
		.Set(Anum_pg_class_relhassubclass, BoolGetDatum(false))
		.Set(Anum_pg_class_relrowsecurity, BoolGetDatum(false))
		.Set(Anum_pg_class_relforcerowsecurity, BoolGetDatum(false))
		.Set(Anum_pg_class_relispopulated, BoolGetDatum(true))
		.Set(Anum_pg_class_relreplident, CharGetDatum('n'))
		.Set(Anum_pg_class_relispartition, BoolGetDatum(false))
		.Set(Anum_pg_class_relrewrite, ObjectIdGetDatum(InvalidOid))
		.Set(Anum_pg_class_relfrozenxid, TransactionIdGetDatum(InvalidTransactionId))
		.Set(Anum_pg_class_relminmxid, TransactionIdGetDatum(InvalidTransactionId));
	CatalogTupleInsert(pg_class, row.Form());
	relation_close(pg_class, RowExclusiveLock);
}

void InsertIndexRow(Oid indexoid, Oid heapoid, int natts, int nkeys, const IndexColumn *columns,
					Node *predicate, bool isunique, bool isprimary)
{
	std::vector<int16> indkey(static_cast<size_t>(natts));
	std::vector<Oid> indclass(static_cast<size_t>(nkeys));
	std::vector<Oid> indcoll(static_cast<size_t>(nkeys));
	std::vector<int16> indoption(static_cast<size_t>(nkeys));
	for (int i = 0; i < natts; i++)
		indkey[static_cast<size_t>(i)] = columns[i].attnum;
	for (int i = 0; i < nkeys; i++)
	{
		indclass[static_cast<size_t>(i)] = columns[i].opclass;
		indcoll[static_cast<size_t>(i)] = columns[i].collation;
		indoption[static_cast<size_t>(i)] = columns[i].option;
	}
	Relation pg_index = relation_open(IndexRelationId, RowExclusiveLock);
	CatalogRow row(pg_index);
	row.Set(Anum_pg_index_indexrelid, ObjectIdGetDatum(indexoid))
		.Set(Anum_pg_index_indrelid, ObjectIdGetDatum(heapoid))
		.Set(Anum_pg_index_indnatts, Int16GetDatum(static_cast<int16>(natts)))
		.Set(Anum_pg_index_indnkeyatts, Int16GetDatum(static_cast<int16>(nkeys)))
		.Set(Anum_pg_index_indisunique, BoolGetDatum(isunique))
		.Set(Anum_pg_index_indnullsnotdistinct, BoolGetDatum(false))
		.Set(Anum_pg_index_indisprimary, BoolGetDatum(isprimary))
		.Set(Anum_pg_index_indisexclusion, BoolGetDatum(false))
		.Set(Anum_pg_index_indimmediate, BoolGetDatum(true))
		.Set(Anum_pg_index_indisclustered, BoolGetDatum(false))
		.Set(Anum_pg_index_indisvalid, BoolGetDatum(true))
		.Set(Anum_pg_index_indcheckxmin, BoolGetDatum(false))
		.Set(Anum_pg_index_indisready, BoolGetDatum(true))
		.Set(Anum_pg_index_indislive, BoolGetDatum(true))
		.Set(Anum_pg_index_indisreplident, BoolGetDatum(false))
		.Set(Anum_pg_index_indkey, PointerGetDatum(buildint2vector(indkey.data(), natts)))
		.Set(Anum_pg_index_indcollation, PointerGetDatum(buildoidvector(indcoll.data(), nkeys)))
		.Set(Anum_pg_index_indclass, PointerGetDatum(buildoidvector(indclass.data(), nkeys)))
		.Set(Anum_pg_index_indoption, PointerGetDatum(buildint2vector(indoption.data(), nkeys)))
		.SetNull(Anum_pg_index_indexprs);
	if (predicate != nullptr)
		row.Set(Anum_pg_index_indpred, PointerGetDatum(cstring_to_text(nodeToString(predicate))));
	else
		row.SetNull(Anum_pg_index_indpred);
	CatalogTupleInsert(pg_index, row.Form());
	relation_close(pg_index, RowExclusiveLock);
}

void SetRelHasIndex(Oid heapoid)
{
	HeapTuple tup = SearchSysCacheCopy1(RELOID, ObjectIdGetDatum(heapoid));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for relation %u", heapoid);
	auto *form = reinterpret_cast<Form_pg_class>(GETSTRUCT(tup));
	if (form->relhasindex)
		return;
	form->relhasindex = true;
	Relation pg_class = relation_open(RelationRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_class, &tup->t_self, tup);
	relation_close(pg_class, RowExclusiveLock);
}

/*
 * Every row of the table that may still be seen, into the index: each HOT
 * chain once, under its root's TID, with the values of its members that
 * are not dead (PostgreSQL's heapam_index_build_range_scan).  A recently
 * dead member that was HOT-updated is left out — its successor stands for
 * the chain — and the chain is "broken" for this index if the two differ
 * in its columns; returns whether that may have happened, so the index is
 * kept from snapshots that could still see such a member (indcheckxmin).
 */
bool BuildFromHeap(Relation heap, Relation index)
{
	const BTIndexInfo *btinfo = RelationGetBTIndexInfo(index);
	IndexInfo *ii = BuildIndexInfo(index);
	EState *estate = CreateExecutorState();
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	ExprContext *econtext = CreateExprContext(estate);
	TupleTableSlot *slot = ExecInitExtraTupleSlot(estate, RelationGetDescr(heap));
	FullTransactionId horizon = GetOldestNonRemovableFullTransactionId();
	BlockNumber nblocks = smgrnblocks(smgropen(heap->rd_node), MAIN_FORKNUM);
	std::vector<OffsetNumber> roots(MaxOffsetNumber);
	Datum values[INDEX_MAX_KEYS];
	bool isnull[INDEX_MAX_KEYS];
	bool broken = false;
	for (BlockNumber blk = 0; blk < nblocks; blk++)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(econtext);
		/* The page's rows are copied out (into the per-tuple memory) under
		 * its share lock, then indexed without it: a unique check reads
		 * the heap. */
		struct Row
		{
			ItemPointerData tid;
			HeapTuple tuple;
		};
		std::vector<Row> rows;
		{
			tusk::BufferPin pin(ReadBufferWithoutRelcache(heap->rd_node, MAIN_FORKNUM, blk,
														  RBM_NORMAL, nullptr, true));
			tusk::BufferLock lock(pin.get(), BUFFER_LOCK_SHARE);
			Page page = BufferGetPage(pin.get());
			if (PageIsNew(page))
				continue;
			heap_get_root_tuples(page, roots.data());
			MemoryContext tuple_cxt = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
			for (OffsetNumber off = FirstOffsetNumber; off <= PageGetMaxOffsetNumber(page); off++)
			{
				ItemId lp = PageGetItemId(page, off);
				if (!ItemIdIsNormal(lp))
					continue;
				HeapTupleData t;
				t.t_data = reinterpret_cast<HeapTupleHeader>(PageGetItem(page, lp));
				t.t_len = ItemIdGetLength(lp);
				ItemPointerSet(&t.t_self, blk, off);
				t.t_tableOid = RelationGetRelid(heap);
				HTSV_Result state = HeapTupleSatisfiesVacuum(&t, horizon, pin.get());
				if (state == HEAPTUPLE_DEAD)
					continue;
				if ((state == HEAPTUPLE_RECENTLY_DEAD || state == HEAPTUPLE_DELETE_IN_PROGRESS) &&
					HeapTupleIsHotUpdated(&t))
				{
					broken = true;
					continue;
				}
				if (roots[off - 1] == InvalidOffsetNumber)
					ereport(ERROR, errcode(ERRCODE_DATA_CORRUPTED),
							errmsg("failed to find parent tuple for heap-only tuple at (%u,%u) in "
								   "table \"%s\"",
								   blk, off, RelationGetRelationName(heap)));
				Row row;
				ItemPointerSet(&row.tid, blk, roots[off - 1]);
				row.tuple = heap_copytuple(&t);
				rows.push_back(row);
			}
			MemoryContextSwitchTo(tuple_cxt);
		}
		for (Row &row : rows)
		{
			ExecStoreHeapTuple(row.tuple, slot, false);
			if (!IndexPredicateHolds(ii, slot, econtext))
				continue;
			FormIndexDatum(ii, slot, values, isnull);
			btinsert(index, btinfo, values, isnull, &row.tid, heap,
					 ii->ii_Unique ? UNIQUE_CHECK_BUILD : UNIQUE_CHECK_NO, nullptr);
		}
		ExecClearTuple(slot);
	}
	MemoryContextSwitchTo(old);
	FreeExecutorState(estate);
	return broken;
}

/* An index built over broken HOT chains is not used by snapshots older
 * than its pg_index row (PostgreSQL's indcheckxmin; the planner checks). */
void BuildIndex(Relation heap, Relation index)
{
	btbuildempty(index);
	if (!BuildFromHeap(heap, index))
		return;
	HeapTuple tup = SearchSysCacheCopy1(INDEXRELID, ObjectIdGetDatum(RelationGetRelid(index)));
	if (tup == nullptr)
		elog(ERROR, "cache lookup failed for index %u", RelationGetRelid(index));
	auto *form = reinterpret_cast<Form_pg_index>(GETSTRUCT(tup));
	if (form->indcheckxmin)
		return;
	form->indcheckxmin = true;
	Relation pg_index = relation_open(IndexRelationId, RowExclusiveLock);
	CatalogTupleUpdate(pg_index, &tup->t_self, tup);
	relation_close(pg_index, RowExclusiveLock);
}

}  // namespace

IndexInfo *BuildIndexInfo(Relation index)
{
	Form_pg_index form = index->rd_index;
	auto *ii = palloc0_object(IndexInfo);
	ii->ii_NumIndexAttrs = form->indnatts;
	ii->ii_NumIndexKeyAttrs = form->indnkeyatts;
	for (int i = 0; i < form->indnatts; i++)
		ii->ii_IndexAttrNumbers[i] = form->indkey.values[i];
	ii->ii_Unique = form->indisunique;
	bool isnull;
	Relation pg_index = relation_open(IndexRelationId, AccessShareLock);
	Datum pred = heap_getattr(index->rd_indextuple, Anum_pg_index_indpred,
							  RelationGetDescr(pg_index), &isnull);
	relation_close(pg_index, AccessShareLock);
	if (!isnull)
	{
		Node *expr = static_cast<Node *>(stringToNode(TextDatumGetCString(pred)));
		ii->ii_Predicate = IsA(expr, List) ? reinterpret_cast<List *>(expr) : list_make1(expr);
	}
	return ii;
}

void FormIndexDatum(IndexInfo *indexInfo, TupleTableSlot *slot, Datum *values, bool *isnull)
{
	for (int i = 0; i < indexInfo->ii_NumIndexAttrs; i++)
		values[i] = slot_getattr(slot, indexInfo->ii_IndexAttrNumbers[i], &isnull[i]);
}

bool IndexPredicateHolds(IndexInfo *indexInfo, TupleTableSlot *slot, ExprContext *econtext)
{
	if (indexInfo->ii_Predicate == NIL)
		return true;
	if (indexInfo->ii_PredicateState == nullptr)
		indexInfo->ii_PredicateState = ExecInitQual(indexInfo->ii_Predicate, nullptr);
	econtext->ecxt_scantuple = slot;
	return ExecQual(indexInfo->ii_PredicateState, econtext);
}

Oid index_create(Relation heapRelation, const char *indexRelationName, int ncolumns,
				 int nkeycolumns, const IndexColumn *columns, Node *predicate, bool isunique,
				 bool isprimary)
{
	Oid indexoid = GetNewRelationOid();
	Oid heapoid = RelationGetRelid(heapRelation);
	RelFileNode rnode{DEFAULTTABLESPACE_OID, MyDatabaseId, indexoid};
	RelationCreateStorage(rnode);
	RelationDropStorageOnAbort(rnode);

	InsertClassRow(indexoid, indexRelationName, heapRelation, ncolumns);
	Relation pg_attribute = relation_open(AttributeRelationId, RowExclusiveLock);
	TupleDesc heapdesc = RelationGetDescr(heapRelation);
	for (int i = 0; i < ncolumns; i++)
		InsertIndexAttribute(pg_attribute, indexoid, i + 1, columns[i].name,
							 *TupleDescAttr(heapdesc, columns[i].attnum - 1),
							 i < nkeycolumns ? columns[i].collation : InvalidOid);
	relation_close(pg_attribute, RowExclusiveLock);
	InsertIndexRow(indexoid, heapoid, ncolumns, nkeycolumns, columns, predicate, isunique,
				   isprimary);
	SetRelHasIndex(heapoid);
	CommandCounterIncrement();

	Relation index = relation_open(indexoid, AccessExclusiveLock);
	BuildIndex(heapRelation, index);
	relation_close(index, NoLock);
	return indexoid;
}

void index_build(Relation heapRelation, Relation indexRelation)
{
	BuildIndex(heapRelation, indexRelation);
}

void index_drop(Oid indexId)
{
	HeapTuple tup = SearchSysCacheCopy1(INDEXRELID, ObjectIdGetDatum(indexId));
	if (tup != nullptr)
	{
		Relation pg_index = relation_open(IndexRelationId, RowExclusiveLock);
		CatalogTupleDelete(pg_index, &tup->t_self);
		relation_close(pg_index, RowExclusiveLock);
	}
	heap_drop_with_catalog(indexId);
}
