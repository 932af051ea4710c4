/*
 * execIndexing.cpp — index entries for the rows INSERT and UPDATE write
 * (executor/execIndexing.h).
 *
 * Principal entry points: ExecOpenIndices, ExecInsertIndexTuples,
 * ExecCloseIndices.
 *
 * Every new row version gets an entry in every index of its table (Tusk
 * has no HOT updates yet, so an UPDATE's new version is a new entry too);
 * the old version's entries stay until VACUUM removes them with the row.
 * Unique indexes check at insertion (PostgreSQL's immediate constraints;
 * deferrable ones are not supported).
 */
#include "postgres.h"

#include "access/nbtree.h"
#include "access/relation.h"
#include "catalog/index.h"
#include "executor/execIndexing.h"
#include "executor/executor.h"
#include "storage/lmgr.h"
#include "utils/memutils.h"
#include "utils/relcache.h"

void ExecOpenIndices(ResultRelInfo *resultRelInfo, EState *estate)
{
	Relation rel = resultRelInfo->ri_RelationDesc;
	resultRelInfo->ri_NumIndices = 0;
	if (!rel->rd_rel->relhasindex)
		return;
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	List *indexes = RelationGetIndexList(rel);
	int n = list_length(indexes);
	if (n > 0)
	{
		resultRelInfo->ri_IndexRelationDescs = palloc_array(Relation, n);
		resultRelInfo->ri_IndexRelationInfo = palloc_array(IndexInfo *, n);
		int i = 0;
		ListCell *lc;
		foreach (lc, indexes)
		{
			Relation index = relation_open(lfirst_oid(lc), RowExclusiveLock);
			resultRelInfo->ri_IndexRelationDescs[i] = index;
			resultRelInfo->ri_IndexRelationInfo[i] = BuildIndexInfo(index);
			i++;
		}
		resultRelInfo->ri_NumIndices = n;
	}
	MemoryContextSwitchTo(old);
}

void ExecCloseIndices(ResultRelInfo *resultRelInfo)
{
	for (int i = 0; i < resultRelInfo->ri_NumIndices; i++)
		relation_close(resultRelInfo->ri_IndexRelationDescs[i], NoLock);
	resultRelInfo->ri_NumIndices = 0;
}

bool ExecRowInIndex(IndexInfo *ii, TupleTableSlot *slot, EState *estate)
{
	if (ii->ii_Predicate == NIL)
		return true;
	/* The predicate's compiled form and context live as long as the
	 * query; what one row's evaluation allocates, one row. */
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	if (ii->ii_Context == nullptr)
		ii->ii_Context = CreateExprContext(estate);
	bool holds = IndexPredicateHolds(ii, slot, ii->ii_Context);
	MemoryContextSwitchTo(old);
	ResetExprContext(ii->ii_Context);
	return holds;
}

bool ExecInsertIndexTuple(ResultRelInfo *resultRelInfo, int i, TupleTableSlot *slot,
						  ItemPointer tid, EState *estate, IndexUniqueCheck check,
						  FullTransactionId *xwait)
{
	IndexInfo *ii = resultRelInfo->ri_IndexRelationInfo[i];
	if (!ExecRowInIndex(ii, slot, estate))
		return true;
	Relation index = resultRelInfo->ri_IndexRelationDescs[i];
	Datum values[INDEX_MAX_KEYS];
	bool isnull[INDEX_MAX_KEYS];
	FormIndexDatum(ii, slot, values, isnull);
	return btinsert(index, RelationGetBTIndexInfo(index), values, isnull, tid,
					resultRelInfo->ri_RelationDesc, ii->ii_Unique ? check : UNIQUE_CHECK_NO, xwait);
}

void ExecInsertIndexTuples(ResultRelInfo *resultRelInfo, TupleTableSlot *slot, ItemPointer tid,
						   EState *estate)
{
	for (int i = 0; i < resultRelInfo->ri_NumIndices; i++)
		(void) ExecInsertIndexTuple(resultRelInfo, i, slot, tid, estate, UNIQUE_CHECK_YES, nullptr);
}
