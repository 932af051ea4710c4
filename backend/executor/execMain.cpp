/*
 * execMain.cpp — running one planned statement (executor/executor.h).
 *
 * Principal entry points: ExecutorStart, ExecutorRun, ExecutorFinish,
 * ExecutorEnd, CreateQueryDesc.
 *
 * ExecutorStart makes the EState (the query's memory context), opens the
 * range table's relations lazily as nodes ask for them, and builds the
 * PlanState tree; ExecutorRun pulls rows from the top node and hands
 * each to the DestReceiver; ExecutorEnd takes the tree down and frees
 * the query's memory in one step.  Relation locks were taken by the
 * analyzer and are held to the end of the transaction.
 */
#include "postgres.h"

#include <string>

#include "access/relation.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "executor/executor.h"
#include "executor/instrument.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "nodes/plannodes.h"
#include "utils/lsyscache.h"
#include "utils/relcache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

QueryDesc *CreateQueryDesc(PlannedStmt *plannedstmt, const char *sourceText, Snapshot snapshot,
						   DestReceiver *dest, ParamListInfo params, int instrument_options)
{
	auto *qd = static_cast<QueryDesc *>(palloc0(sizeof(QueryDesc)));
	qd->operation = plannedstmt->commandType;
	qd->plannedstmt = plannedstmt;
	qd->sourceText = sourceText;
	qd->snapshot = snapshot;
	qd->dest = dest;
	qd->params = params;
	qd->instrument_options = instrument_options;
	return qd;
}

void FreeQueryDesc(QueryDesc *qdesc)
{
	pfree(qdesc);
}

namespace {

/* A statement that writes, in a read-only transaction: 25006 naming it
 * as PostgreSQL's ExecCheckXactReadOnly does (its command tag). */
void CheckXactReadOnly(PlannedStmt *stmt)
{
	const char *name = nullptr;
	switch (stmt->commandType)
	{
		case CMD_INSERT:
			name = "INSERT";
			break;
		case CMD_UPDATE:
			name = "UPDATE";
			break;
		case CMD_DELETE:
			name = "DELETE";
			break;
		default:
		{
			/* SELECT … FOR UPDATE: a LockRows node, under a Limit if any. */
			List *rowMarks = stmt->rowMarks;
			for (Plan *plan = stmt->planTree; plan != nullptr && rowMarks == NIL;
				 plan = plan->lefttree)
			{
				if (IsA(plan, LockRows))
					rowMarks = reinterpret_cast<LockRows *>(plan)->rowMarks;
				else if (!IsA(plan, Limit))
					break;
			}
			if (rowMarks != NIL)
			{
				switch (static_cast<PlanRowMark *>(linitial(rowMarks))->strength)
				{
					case LCS_FORKEYSHARE:
						name = "SELECT FOR KEY SHARE";
						break;
					case LCS_FORSHARE:
						name = "SELECT FOR SHARE";
						break;
					case LCS_FORNOKEYUPDATE:
						name = "SELECT FOR NO KEY UPDATE";
						break;
					default:
						name = "SELECT FOR UPDATE";
						break;
				}
			}
			else if (stmt->hasModifyingCTE)
				name = "SELECT";
			break;
		}
	}
	/* Writing only this session's temporary tables is allowed, as in
	 * PostgreSQL's ExecCheckXactReadOnly. */
	if (name != nullptr && stmt->commandType != CMD_SELECT && !stmt->hasModifyingCTE &&
		stmt->resultRelations != NIL)
	{
		bool all_temp = true;
		ListCell *lc;
		foreach (lc, stmt->resultRelations)
		{
			auto *rte = static_cast<RangeTblEntry *>(list_nth(stmt->rtable, lfirst_int(lc) - 1));
			all_temp = all_temp && isTempNamespace(get_rel_namespace(rte->relid));
		}
		if (all_temp)
			name = nullptr;
	}
	if (name != nullptr)
		PreventCommandIfReadOnly(name);
}

}  // namespace

void ExecutorStart(QueryDesc *queryDesc, int eflags)
{
	if (XactReadOnly && (eflags & EXEC_FLAG_EXPLAIN_ONLY) == 0)
		CheckXactReadOnly(queryDesc->plannedstmt);
	EState *estate = CreateExecutorState();
	queryDesc->estate = estate;
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	PlannedStmt *stmt = queryDesc->plannedstmt;
	estate->es_plannedstmt = stmt;
	estate->es_sourceText = queryDesc->sourceText;
	estate->es_snapshot = queryDesc->snapshot;
	estate->es_param_list_info = queryDesc->params;
	estate->es_range_table = stmt->rtable;
	estate->es_range_table_size = list_length(stmt->rtable);
	estate->es_relations = static_cast<Relation *>(
		palloc0(Max(estate->es_range_table_size, 1) * sizeof(Relation)));
	estate->es_top_eflags = eflags;
	estate->es_instrument = queryDesc->instrument_options != 0;
	estate->es_instrument_timer = (queryDesc->instrument_options & INSTRUMENT_TIMER) != 0;
	/* Data-changing statements write with a command id of their own. */
	estate->es_output_cid = GetCurrentCommandId(stmt->commandType != CMD_SELECT);
	/* The PARAM_EXEC slots, and the subplans of SubPlan expressions
	 * (before the plan whose expressions refer to them; a subplan only
	 * refers to subplans planned before it). */
	int nparams = list_length(stmt->paramExecTypes);
	estate->es_param_exec_vals = static_cast<ParamExecData *>(
		palloc0(Max(nparams, 1) * sizeof(ParamExecData)));
	for (int i = 0; i < nparams; i++)
		estate->es_param_exec_vals[i].isnull = true;
	estate->es_cte_stores = static_cast<CteStore *>(
		palloc0(Max(list_length(stmt->subplans), 1) * sizeof(CteStore)));
	ListCell *lc;
	foreach (lc, stmt->subplans)
		estate->es_subplanstates = lappend(estate->es_subplanstates,
										   ExecInitNode(static_cast<Plan *>(lfirst(lc)), estate,
														eflags));
	queryDesc->planstate = ExecInitNode(stmt->planTree, estate, eflags);
	/* What the client sees: the output without junk columns. */
	queryDesc->tupDesc = stmt->planTree->targetlist != NIL
		? ExecCleanTypeFromTL(stmt->planTree->targetlist)
		: CreateTemplateTupleDesc(0);
	MemoryContextSwitchTo(old);
}

void ExecutorRun(QueryDesc *queryDesc, ScanDirection, uint64 count)
{
	EState *estate = queryDesc->estate;
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	DestReceiver *dest = queryDesc->dest;
	bool sends = queryDesc->operation == CMD_SELECT || queryDesc->plannedstmt->hasReturning;
	if (sends)
		dest->rStartup(dest, queryDesc->operation, queryDesc->tupDesc);
	uint64 sent = 0;
	for (;;)
	{
		TupleTableSlot *slot = ExecProcNode(queryDesc->planstate);
		if (TupIsNull(slot))
			break;
		if (sends)
		{
			if (!dest->receiveSlot(slot, dest))
				break;
			if (queryDesc->operation == CMD_SELECT)
				estate->es_processed++;
		}
		if (count != 0 && ++sent >= count)
			break;
	}
	if (sends)
		dest->rShutdown(dest);
	MemoryContextSwitchTo(old);
}

void ExecutorFinish(QueryDesc *queryDesc)
{
	/* A data-modifying WITH query runs to its end even if nothing (or
	 * not everything) of its RETURNING was read. */
	EState *estate = queryDesc->estate;
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	ListCell *lc;
	foreach (lc, estate->es_plannedstmt->subplans)
		if (IsA(lfirst(lc), ModifyTable))
			ExecFillCteStore(estate, foreach_current_index(lc) + 1);
	MemoryContextSwitchTo(old);
}

void ExecutorEnd(QueryDesc *queryDesc)
{
	EState *estate = queryDesc->estate;
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	ExecEndNode(queryDesc->planstate);
	ListCell *lc;
	foreach (lc, estate->es_subplanstates)
		ExecEndNode(static_cast<PlanState *>(lfirst(lc)));
	for (int i = 0; i < estate->es_range_table_size; i++)
		if (estate->es_relations[i] != nullptr)
			relation_close(estate->es_relations[i], NoLock);
	MemoryContextSwitchTo(old);
	FreeExecutorState(estate);
	queryDesc->estate = nullptr;
	queryDesc->planstate = nullptr;
}

namespace {

/* "Failing row contains (…)": the row as its columns' output functions
 * print them, null for NULL, as PostgreSQL's constraint errors show it. */
std::string RowDescription(TupleDesc desc, TupleTableSlot *slot)
{
	std::string s = "(";
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		if (att->attisdropped)
			continue;
		if (s.size() > 1)
			s += ", ";
		if (slot->tts_isnull[i])
			s += "null";
		else
		{
			Oid typoutput;
			bool isvarlena;
			getTypeOutputInfo(att->atttypid, &typoutput, &isvarlena);
			s += OidOutputFunctionCall(typoutput, slot->tts_values[i]);
		}
	}
	return s + ")";
}

/* The first CHECK constraint the row fails (NULL counts as passing), or
 * nullptr. */
const char *ExecRelCheck(ResultRelInfo *rri, TupleTableSlot *slot, EState *estate)
{
	TupleConstr *constr = RelationGetDescr(rri->ri_RelationDesc)->constr;
	int ncheck = constr->num_check;
	if (rri->ri_CheckConstraintExprs == nullptr)
	{
		MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
		rri->ri_CheckConstraintExprs = static_cast<ExprState **>(
			palloc(ncheck * sizeof(ExprState *)));
		for (int i = 0; i < ncheck; i++)
		{
			Expr *expr = static_cast<Expr *>(stringToNode(constr->check[i].ccbin));
			rri->ri_CheckConstraintExprs[i] = ExecInitExpr(expr, nullptr);
		}
		rri->ri_CheckContext = CreateExprContext(estate);
		MemoryContextSwitchTo(old);
	}
	ExprContext *econtext = rri->ri_CheckContext;
	ResetExprContext(econtext);
	econtext->ecxt_scantuple = slot;
	for (int i = 0; i < ncheck; i++)
	{
		bool isnull;
		Datum ok = ExecEvalExprSwitchContext(rri->ri_CheckConstraintExprs[i], econtext, &isnull);
		if (!isnull && !DatumGetBool(ok))
			return constr->check[i].ccname;
	}
	return nullptr;
}

}  // namespace

void ExecConstraints(ResultRelInfo *resultRelInfo, TupleTableSlot *slot, EState *estate)
{
	Relation rel = resultRelInfo->ri_RelationDesc;
	TupleDesc desc = RelationGetDescr(rel);
	slot_getallattrs(slot);
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		if (att->attnotnull && !att->attisdropped && slot->tts_isnull[i])
			ereport(ERROR, errcode(ERRCODE_NOT_NULL_VIOLATION),
					errmsg("null value in column \"%s\" of relation \"%s\" violates not-null "
						   "constraint",
						   NameStr(att->attname), RelationGetRelationName(rel)),
					errdetail("Failing row contains %s.", RowDescription(desc, slot).c_str()),
					errtablecol(rel, i + 1));
	}
	if (desc->constr == nullptr || desc->constr->num_check == 0)
		return;
	if (const char *failed = ExecRelCheck(resultRelInfo, slot, estate))
		ereport(ERROR, errcode(ERRCODE_CHECK_VIOLATION),
				errmsg("new row for relation \"%s\" violates check constraint \"%s\"",
					   RelationGetRelationName(rel), failed),
				errdetail("Failing row contains %s.", RowDescription(desc, slot).c_str()),
				errtableconstraint(rel, failed));
}
