/*
 * execOnConflict.cpp — the arbiter indexes of INSERT … ON CONFLICT:
 * their insertion locks and the search for a conflicting row (see
 * onconflict.h for the scheme and why it is safe).
 *
 * Principal entry points: ExecLockArbiters, ExecUnlockArbiters,
 * ExecCheckArbiters, ExecInsertArbitratedIndexTuples.  The rest of ON CONFLICT (skipping, locking and
 * updating the conflicting row) is in nodeModifyTable.cpp.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/nbtree.h"
#include "access/stratnum.h"
#include "catalog/index.h"
#include "executor/execIndexing.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "onconflict.h"
#include "storage/lock.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/snapmgr.h"

namespace {

void ArbiterLockTag(LOCKTAG *tag, Relation index)
{
	tag->locktag_field1 = MyDatabaseId;
	tag->locktag_field2 = RelationGetRelid(index);
	tag->locktag_field3 = 0;
	tag->locktag_field4 = 0;
	tag->locktag_type = LOCKTAG_SPECULATIVE_TOKEN;
	tag->locktag_lockmethodid = DEFAULT_LOCKMETHOD;
}

}  // namespace

bool ExecIsArbiterIndex(ResultRelInfo *resultRelInfo, int i, List *arbiters)
{
	Relation index = resultRelInfo->ri_IndexRelationDescs[i];
	if (arbiters == NIL)
		return resultRelInfo->ri_IndexRelationInfo[i]->ii_Unique;
	return list_member_oid(arbiters, RelationGetRelid(index));
}

void ExecLockArbiters(ResultRelInfo *resultRelInfo, List *arbiters)
{
	for (int i = 0; i < resultRelInfo->ri_NumIndices; i++)
		if (ExecIsArbiterIndex(resultRelInfo, i, arbiters))
		{
			LOCKTAG tag;
			ArbiterLockTag(&tag, resultRelInfo->ri_IndexRelationDescs[i]);
			(void) LockAcquire(&tag, ExclusiveLock, false, false);
		}
}

void ExecUnlockArbiters(ResultRelInfo *resultRelInfo, List *arbiters)
{
	for (int i = resultRelInfo->ri_NumIndices - 1; i >= 0; i--)
		if (ExecIsArbiterIndex(resultRelInfo, i, arbiters))
		{
			LOCKTAG tag;
			ArbiterLockTag(&tag, resultRelInfo->ri_IndexRelationDescs[i]);
			LockRelease(&tag, ExclusiveLock, false);
		}
}

bool ExecCheckArbiters(ResultRelInfo *resultRelInfo, TupleTableSlot *slot, EState *estate,
					   List *arbiters, ItemPointer conflict, FullTransactionId *wait)
{
	*wait = InvalidFullTransactionId;
	Relation heap = resultRelInfo->ri_RelationDesc;
	for (int i = 0; i < resultRelInfo->ri_NumIndices; i++)
	{
		if (!ExecIsArbiterIndex(resultRelInfo, i, arbiters))
			continue;
		Relation index = resultRelInfo->ri_IndexRelationDescs[i];
		IndexInfo *ii = resultRelInfo->ri_IndexRelationInfo[i];
		if (!ExecRowInIndex(ii, slot, estate))
			continue;
		Datum values[INDEX_MAX_KEYS];
		bool isnull[INDEX_MAX_KEYS];
		FormIndexDatum(ii, slot, values, isnull);
		const BTIndexInfo *info = RelationGetBTIndexInfo(index);
		bool has_null = false;
		ScanKeyData keys[INDEX_MAX_KEYS];
		for (int k = 0; k < info->nkeyatts; k++)
		{
			has_null |= isnull[k];
			/* sk_func: the column's ordering function (access/skey.h). */
			ScanKeyEntryInitialize(&keys[k], 0, static_cast<AttrNumber>(k + 1),
								   BTEqualStrategyNumber, InvalidOid, info->collation[k],
								   info->orderproc[k].fn_oid, values[k]);
		}
		if (has_null)
			continue; /* NULLs never conflict */
		SnapshotData dirty;
		InitDirtySnapshot(dirty);
		BTScan scan = btbeginscan(index, info, heap, &dirty, info->nkeyatts, keys,
								  ForwardScanDirection);
		HeapTuple found = btgettuple(scan);
		if (found != nullptr)
		{
			FullTransactionId running = FullTransactionIdIsValid(dirty.xmin) ? dirty.xmin
																			 : dirty.xmax;
			if (FullTransactionIdIsValid(running))
				*wait = running;
			else
				*conflict = found->t_self;
		}
		btendscan(scan);
		if (found != nullptr)
			return !FullTransactionIdIsValid(*wait);
	}
	return false;
}

bool ExecInsertArbitratedIndexTuples(ResultRelInfo *resultRelInfo, TupleTableSlot *slot,
									 ItemPointer tid, EState *estate, List *arbiters,
									 FullTransactionId *xwait)
{
	*xwait = InvalidFullTransactionId;
	for (int i = 0; i < resultRelInfo->ri_NumIndices; i++)
		if (ExecIsArbiterIndex(resultRelInfo, i, arbiters) &&
			!ExecInsertIndexTuple(resultRelInfo, i, slot, tid, estate, UNIQUE_CHECK_SPECULATIVE,
								  xwait))
			return false;
	for (int i = 0; i < resultRelInfo->ri_NumIndices; i++)
		if (!ExecIsArbiterIndex(resultRelInfo, i, arbiters))
			(void) ExecInsertIndexTuple(resultRelInfo, i, slot, tid, estate, UNIQUE_CHECK_YES,
										nullptr);
	return true;
}
