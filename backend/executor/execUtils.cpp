/*
 * execUtils.cpp — executor state and the helpers every node uses
 * (executor/executor.h): EState, ExprContexts, slots, projections, and
 * the query's relations.
 *
 * Everything is allocated in the query's memory context (es_query_cxt),
 * deleted whole by FreeExecutorState; per-row memory is each
 * ExprContext's per-tuple context, reset per row by the node using it.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/relation.h"
#include "executor/executor.h"
#include "nodes/nodeFuncs.h"
#include "nodes/parsenodes.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

EState *CreateExecutorState(void)
{
	MemoryContext qcontext = AllocSetContextCreate(CurrentMemoryContext, "ExecutorState",
												   ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(qcontext);
	EState *estate = makeNode(EState);
	estate->es_query_cxt = qcontext;
	MemoryContextSwitchTo(old);
	return estate;
}

void FreeExecutorState(EState *estate)
{
	ExecResetTupleTable(estate->es_tupleTable);
	estate->es_tupleTable = NIL;
	MemoryContextDelete(estate->es_query_cxt);
}

ExprContext *CreateExprContext(EState *estate)
{
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	ExprContext *econtext = makeNode(ExprContext);
	econtext->ecxt_per_query_memory = estate->es_query_cxt;
	econtext->ecxt_per_tuple_memory = AllocSetContextCreate(estate->es_query_cxt, "ExprContext",
															ALLOCSET_DEFAULT_SIZES);
	econtext->ecxt_param_list_info = estate->es_param_list_info;
	econtext->ecxt_estate = estate;
	estate->es_exprcontexts = lappend(estate->es_exprcontexts, econtext);
	MemoryContextSwitchTo(old);
	return econtext;
}

void ExecAssignExprContext(EState *estate, PlanState *planstate)
{
	planstate->ps_ExprContext = CreateExprContext(estate);
}

TupleTableSlot *ExecInitExtraTupleSlot(EState *estate, TupleDesc tupledesc)
{
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	TupleTableSlot *slot = MakeTupleTableSlot(tupledesc);
	estate->es_tupleTable = lappend(estate->es_tupleTable, slot);
	MemoryContextSwitchTo(old);
	return slot;
}

namespace {

TupleDesc TypeFromTL(List *targetList, bool skipjunk)
{
	int n = 0;
	ListCell *lc;
	foreach (lc, targetList)
		if (!skipjunk || !static_cast<TargetEntry *>(lfirst(lc))->resjunk)
			n++;
	TupleDesc desc = CreateTemplateTupleDesc(n);
	int i = 0;
	foreach (lc, targetList)
	{
		TargetEntry *tle = static_cast<TargetEntry *>(lfirst(lc));
		if (skipjunk && tle->resjunk)
			continue;
		Node *expr = reinterpret_cast<Node *>(tle->expr);
		TupleDescInitEntry(desc, static_cast<AttrNumber>(++i), tle->resname, exprType(expr),
						   exprTypmod(expr), 0);
		TupleDescInitEntryCollation(desc, static_cast<AttrNumber>(i), exprCollation(expr));
	}
	return desc;
}

}  // namespace

TupleDesc ExecTypeFromTL(List *targetList)
{
	return TypeFromTL(targetList, false);
}

TupleDesc ExecCleanTypeFromTL(List *targetList)
{
	return TypeFromTL(targetList, true);
}

void ExecInitResultTupleSlotTL(PlanState *planstate)
{
	MemoryContext old = MemoryContextSwitchTo(planstate->state->es_query_cxt);
	planstate->ps_ResultTupleDesc = ExecTypeFromTL(planstate->plan->targetlist);
	MemoryContextSwitchTo(old);
	planstate->ps_ResultTupleSlot = ExecInitExtraTupleSlot(planstate->state,
														   planstate->ps_ResultTupleDesc);
}

void ExecAssignProjectionInfo(PlanState *planstate)
{
	MemoryContext old = MemoryContextSwitchTo(planstate->state->es_query_cxt);
	planstate->ps_ProjInfo = ExecBuildProjectionInfo(planstate->plan->targetlist,
													 planstate->ps_ExprContext,
													 planstate->ps_ResultTupleSlot, planstate,
													 nullptr);
	MemoryContextSwitchTo(old);
}

Relation ExecGetRangeTableRelation(EState *estate, Index rti)
{
	Assert(rti > 0 && static_cast<int>(rti) <= estate->es_range_table_size);
	Relation rel = estate->es_relations[rti - 1];
	if (rel == nullptr)
	{
		RangeTblEntry *rte = static_cast<RangeTblEntry *>(
			list_nth(estate->es_range_table, rti - 1));
		/* The analyzer locked it already; the lock lasts the transaction. */
		rel = relation_open(rte->relid, NoLock);
		estate->es_relations[rti - 1] = rel;
	}
	return rel;
}

void ExecResetTupleTable(List *tupleTable)
{
	ListCell *lc;
	foreach (lc, tupleTable)
		ExecClearTuple(static_cast<TupleTableSlot *>(lfirst(lc)));
}

Datum GetAttributeByNum(HeapTupleHeader tuple, AttrNumber attrno, bool *isNull)
{
	if (attrno == 0)
		elog(ERROR, "invalid attribute number %d", attrno);
	if (isNull == nullptr)
		elog(ERROR, "a NULL isNull pointer was passed");
	if (tuple == nullptr)
	{
		/* A NULL composite: every column is NULL. */
		*isNull = true;
		return 0;
	}
	TupleDesc desc = lookup_rowtype_tupdesc_copy(HeapTupleHeaderGetTypeId(tuple),
												 HeapTupleHeaderGetTypMod(tuple));
	HeapTupleData tmp{};
	tmp.t_len = HeapTupleHeaderGetDatumLength(tuple);
	ItemPointerSetInvalid(&tmp.t_self);
	tmp.t_tableOid = InvalidOid;
	tmp.t_data = tuple;
	Datum result = heap_getattr(&tmp, attrno, desc, isNull);
	return result;
}

Datum GetAttributeByName(HeapTupleHeader tuple, const char *attname, bool *isNull)
{
	if (attname == nullptr)
		elog(ERROR, "invalid attribute name");
	if (isNull == nullptr)
		elog(ERROR, "a NULL isNull pointer was passed");
	if (tuple == nullptr)
	{
		*isNull = true;
		return 0;
	}
	TupleDesc desc = lookup_rowtype_tupdesc_copy(HeapTupleHeaderGetTypeId(tuple),
												 HeapTupleHeaderGetTypMod(tuple));
	AttrNumber attrno = 0; /* none */
	for (int i = 0; i < desc->natts; i++)
		if (strcmp(NameStr(TupleDescAttr(desc, i)->attname), attname) == 0)
		{
			attrno = static_cast<AttrNumber>(i + 1);
			break;
		}
	if (attrno == 0)
		elog(ERROR, "attribute \"%s\" does not exist", attname);
	return GetAttributeByNum(tuple, attrno, isNull);
}
