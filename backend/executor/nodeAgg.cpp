/*
 * nodeAgg.cpp — aggregation: count(*), sum(x), … over all rows
 * (AGG_PLAIN) or per group of rows that arrive sorted by the GROUP BY
 * keys (AGG_SORTED).
 *
 * Principal entry points: ExecInitAgg, ExecEndAgg, AggCheckCallContext.
 *
 * Each aggregate is its pg_aggregate row: a transition function called
 * once per input row with (state, arguments…), an initial state (the
 * text initval, or NULL), and an optional final function.  PostgreSQL's
 * rules hold: with a strict transition function, NULL inputs are skipped
 * and, when the initial state is NULL, the first non-NULL input becomes
 * the state; a strict final function is not called on a NULL state.
 * States live in aggcontext, reset per group; a by-reference state the
 * transition function returns in other memory is copied into it.
 * Transition functions with "internal" states find aggcontext through
 * AggCheckCallContext, as in PostgreSQL.
 *
 * The Agg node's projection (its target list and HAVING) reads each
 * aggregate's result through the Aggref steps (ecxt_aggvalues) and the
 * group's columns from its first row.
 */
#include "postgres.h"

#include <vector>

#include "access/htup_details.h"
#include "catalog/pg_aggregate_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "utils/builtins.h"
#include "executor/executor.h"
#include "executor/instrument.h"
#include "miscadmin.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

struct AggStatePerAggData
{
	Aggref *aggref;
	FmgrInfo transfn;
	FmgrInfo finalfn;
	bool has_finalfn;
	int numArgs; /* inputs (0 for count(*)) */
	Oid transtype;
	int16 transtypeLen;
	bool transtypeByVal;
	Datum initValue;
	bool initValueIsNull;
	std::vector<ExprState *> *args; /* evaluated against each input row */
	ExprState *filter;
	FunctionCallInfo transfn_fcinfo;
	/* per group */
	Datum transValue;
	bool transValueIsNull;
	bool noTransValue; /* strict, NULL initval, no input yet */
};

struct AggGroupingData
{
	std::vector<int> columns; /* 0-based input columns */
	std::vector<FmgrInfo> eqfns;
	std::vector<Oid> collations;
	TupleTableSlot *next; /* the first row of the next group (sorted) */
};

int AggCheckCallContext(FunctionCallInfo fcinfo, MemoryContext *aggcontext)
{
	if (fcinfo->context != nullptr && IsA(fcinfo->context, AggState))
	{
		if (aggcontext != nullptr)
			*aggcontext = reinterpret_cast<AggState *>(fcinfo->context)->aggcontext;
		return AGG_CONTEXT_AGGREGATE;
	}
	if (aggcontext != nullptr)
		*aggcontext = nullptr;
	return 0;
}

namespace {

Datum CopyDatum(Datum value, bool byval, int16 len)
{
	if (byval)
		return value;
	const char *p = DatumGetPointer(value);
	Size size = len > 0 ? len : len == -1 ? VARSIZE_ANY(p) : strlen(p) + 1;
	char *copy = static_cast<char *>(palloc(size));
	memcpy(copy, p, size);
	return PointerGetDatum(copy);
}

void InitializeGroup(AggState *aggstate)
{
	MemoryContextReset(aggstate->aggcontext);
	for (int i = 0; i < aggstate->numaggs; i++)
	{
		AggStatePerAggData &pa = aggstate->peragg[i];
		if (pa.initValueIsNull)
			pa.transValue = pa.initValue;
		else
		{
			MemoryContext old = MemoryContextSwitchTo(aggstate->aggcontext);
			pa.transValue = CopyDatum(pa.initValue, pa.transtypeByVal, pa.transtypeLen);
			MemoryContextSwitchTo(old);
		}
		pa.transValueIsNull = pa.initValueIsNull;
		pa.noTransValue = pa.initValueIsNull;
	}
}

/* Feed the row in tmpcontext's outer slot to every aggregate. */
void AdvanceAggregates(AggState *aggstate)
{
	ExprContext *tmp = aggstate->tmpcontext;
	for (int i = 0; i < aggstate->numaggs; i++)
	{
		AggStatePerAggData &pa = aggstate->peragg[i];
		if (pa.filter != nullptr && !ExecQual(pa.filter, tmp))
			continue;
		FunctionCallInfo fcinfo = pa.transfn_fcinfo;
		bool anynull = false;
		for (int a = 0; a < pa.numArgs; a++)
		{
			fcinfo->args[a + 1].value = ExecEvalExprSwitchContext((*pa.args)[a], tmp,
																  &fcinfo->args[a + 1].isnull);
			anynull |= fcinfo->args[a + 1].isnull;
		}
		if (pa.transfn.fn_strict)
		{
			if (anynull)
				continue;
			if (pa.noTransValue)
			{
				/* The first input becomes the state. */
				MemoryContext old = MemoryContextSwitchTo(aggstate->aggcontext);
				pa.transValue = CopyDatum(fcinfo->args[1].value, pa.transtypeByVal,
										  pa.transtypeLen);
				MemoryContextSwitchTo(old);
				pa.transValueIsNull = false;
				pa.noTransValue = false;
				continue;
			}
			if (pa.transValueIsNull)
				continue; /* a strict function gave NULL: it stays NULL */
		}
		fcinfo->args[0].value = pa.transValue;
		fcinfo->args[0].isnull = pa.transValueIsNull;
		fcinfo->isnull = false;
		MemoryContext old = MemoryContextSwitchTo(tmp->ecxt_per_tuple_memory);
		Datum newVal = FunctionCallInvoke(fcinfo);
		MemoryContextSwitchTo(old);
		if (!pa.transtypeByVal && pa.transtype != INTERNALOID && !fcinfo->isnull &&
			DatumGetPointer(newVal) != DatumGetPointer(pa.transValue))
		{
			/* Keep the new state in the group's memory: it may point into
			 * the input row (max(text) returns its argument) or the
			 * per-tuple memory.  (An "internal" state is made in the
			 * group's memory by its function.)  The old state was ours. */
			old = MemoryContextSwitchTo(aggstate->aggcontext);
			newVal = CopyDatum(newVal, false, pa.transtypeLen);
			MemoryContextSwitchTo(old);
			if (!pa.transValueIsNull)
				pfree(DatumGetPointer(pa.transValue));
		}
		pa.transValue = newVal;
		pa.transValueIsNull = fcinfo->isnull;
	}
}

/* Every aggregate's result into the projection's ecxt_aggvalues. */
void FinalizeAggregates(AggState *aggstate)
{
	ExprContext *econtext = aggstate->ps.ps_ExprContext;
	for (int i = 0; i < aggstate->numaggs; i++)
	{
		AggStatePerAggData &pa = aggstate->peragg[i];
		int aggno = pa.aggref->aggno;
		if (!pa.has_finalfn)
		{
			econtext->ecxt_aggvalues[aggno] = pa.transValue;
			econtext->ecxt_aggnulls[aggno] = pa.transValueIsNull;
			continue;
		}
		if (pa.finalfn.fn_strict && pa.transValueIsNull)
		{
			econtext->ecxt_aggvalues[aggno] = 0;
			econtext->ecxt_aggnulls[aggno] = true;
			continue;
		}
		int nargs = pa.finalfn.fn_nargs;
		LOCAL_FCINFO(fcinfo, FUNC_MAX_ARGS);
		InitFunctionCallInfoData(*fcinfo, &pa.finalfn, static_cast<short>(nargs),
								 pa.aggref->inputcollid, reinterpret_cast<fmNodePtr>(aggstate),
								 nullptr);
		fcinfo->args[0].value = pa.transValue;
		fcinfo->args[0].isnull = pa.transValueIsNull;
		/* Extra arguments (aggfinalextra) are NULLs of the input types. */
		for (int a = 1; a < nargs; a++)
		{
			fcinfo->args[a].value = 0;
			fcinfo->args[a].isnull = true;
		}
		MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
		Datum result = FunctionCallInvoke(fcinfo);
		MemoryContextSwitchTo(old);
		econtext->ecxt_aggvalues[aggno] = result;
		econtext->ecxt_aggnulls[aggno] = fcinfo->isnull;
	}
}

/* Whether two rows belong to the same group. */
bool SameGroup(AggGroupingData *grouping, TupleTableSlot *a, TupleTableSlot *b)
{
	for (size_t i = 0; i < grouping->columns.size(); i++)
	{
		int col = grouping->columns[i];
		bool anull;
		bool bnull;
		Datum av = slot_getattr(a, col + 1, &anull);
		Datum bv = slot_getattr(b, col + 1, &bnull);
		if (anull || bnull)
		{
			if (anull != bnull)
				return false;
			continue; /* NULLs group together */
		}
		if (!DatumGetBool(FunctionCall2Coll(&grouping->eqfns[i], grouping->collations[i], av, bv)))
			return false;
	}
	return true;
}

/* The projection of the finished group (NULL if HAVING rejects it). */
TupleTableSlot *ProjectGroup(AggState *aggstate, TupleTableSlot *firstRow)
{
	ExprContext *econtext = aggstate->ps.ps_ExprContext;
	econtext->ecxt_outertuple = firstRow;
	econtext->ecxt_scantuple = firstRow;
	if (!ExecQual(aggstate->ps.qual, econtext))
	{
		InstrCountFiltered1(aggstate, 1);
		return nullptr;
	}
	return ExecProject(aggstate->ps.ps_ProjInfo);
}

TupleTableSlot *ExecAgg(PlanState *pstate)
{
	auto *aggstate = reinterpret_cast<AggState *>(pstate);
	PlanState *outer = outerPlanState(aggstate);
	while (!aggstate->agg_done)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(pstate->ps_ExprContext);
		InitializeGroup(aggstate);
		TupleTableSlot *first = aggstate->grp_firstTuple;
		ExecClearTuple(first);
		if (aggstate->aggstrategy == AGG_PLAIN)
		{
			for (;;)
			{
				ResetExprContext(aggstate->tmpcontext);
				TupleTableSlot *slot = ExecProcNode(outer);
				if (TupIsNull(slot))
					break;
				if (TupIsNull(first))
					ExecCopySlot(first, slot);
				aggstate->tmpcontext->ecxt_outertuple = slot;
				aggstate->tmpcontext->ecxt_scantuple = slot;
				AdvanceAggregates(aggstate);
			}
			aggstate->agg_done = true;
			/* No rows: one result from the initial states, columns NULL. */
			if (TupIsNull(first))
				ExecStoreAllNullTuple(first);
		}
		else
		{
			AggGroupingData *grouping = aggstate->grouping;
			if (TupIsNull(grouping->next))
			{
				if (aggstate->input_done)
					return nullptr;
				TupleTableSlot *slot = ExecProcNode(outer);
				if (TupIsNull(slot))
				{
					aggstate->agg_done = true;
					return nullptr;
				}
				ExecCopySlot(grouping->next, slot);
			}
			ExecCopySlot(first, grouping->next);
			ExecClearTuple(grouping->next);
			aggstate->tmpcontext->ecxt_outertuple = first;
			aggstate->tmpcontext->ecxt_scantuple = first;
			AdvanceAggregates(aggstate);
			for (;;)
			{
				ResetExprContext(aggstate->tmpcontext);
				TupleTableSlot *slot = ExecProcNode(outer);
				if (TupIsNull(slot))
				{
					aggstate->input_done = true;
					aggstate->agg_done = true;
					break;
				}
				if (!SameGroup(grouping, first, slot))
				{
					ExecCopySlot(grouping->next, slot);
					break;
				}
				aggstate->tmpcontext->ecxt_outertuple = slot;
				aggstate->tmpcontext->ecxt_scantuple = slot;
				AdvanceAggregates(aggstate);
			}
			if (aggstate->agg_done && !TupIsNull(grouping->next))
				aggstate->agg_done = false;
		}
		FinalizeAggregates(aggstate);
		if (TupleTableSlot *result = ProjectGroup(aggstate, first))
			return result;
	}
	return nullptr;
}

/* Every Aggref below node, in order. */
bool CollectAggrefs(Node *node, void *arg)
{
	if (node == nullptr)
		return false;
	if (IsA(node, Aggref))
	{
		static_cast<std::vector<Aggref *> *>(arg)->push_back(reinterpret_cast<Aggref *>(node));
		return false; /* aggregates do not nest */
	}
	return node_children_walker(node, CollectAggrefs, arg);
}

void InitPerAgg(AggState *aggstate, AggStatePerAggData &pa, Aggref *aggref)
{
	pa.aggref = aggref;
	HeapTuple aggtup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(aggref->aggfnoid));
	if (aggtup == nullptr)
		elog(ERROR, "cache lookup failed for aggregate %u", aggref->aggfnoid);
	auto *aggform = reinterpret_cast<Form_pg_aggregate>(GETSTRUCT(aggtup));
	pa.transtype = aggform->aggtranstype;
	get_typlenbyval(pa.transtype, &pa.transtypeLen, &pa.transtypeByVal);
	fmgr_info(aggform->aggtransfn, &pa.transfn);
	pa.has_finalfn = OidIsValid(aggform->aggfinalfn);
	if (pa.has_finalfn)
		fmgr_info(aggform->aggfinalfn, &pa.finalfn);
	bool isnull;
	Datum initval = SysCacheGetAttr(AGGFNOID, aggtup, Anum_pg_aggregate_agginitval, &isnull);
	pa.initValueIsNull = isnull;
	pa.initValue = 0;
	if (!isnull)
	{
		Oid typinput;
		Oid typioparam;
		getTypeInputInfo(pa.transtype, &typinput, &typioparam);
		char *initstr = TextDatumGetCString(initval);
		pa.initValue = OidInputFunctionCall(typinput, initstr, typioparam, -1);
	}
	pa.numArgs = list_length(aggref->args);
	/* PostgreSQL's rule: a strict transition function with no initial
	 * value takes its first input as the state, so the types must match. */
	if (pa.transfn.fn_strict && pa.initValueIsNull && pa.numArgs > 0 &&
		list_nth_oid(aggref->aggargtypes, 0) != pa.transtype &&
		!(pa.transtypeByVal == false && pa.transtypeLen == -1))
		ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				errmsg("aggregate %u needs to have compatible input type and transition type",
					   aggref->aggfnoid));
	pa.args = tusk::NewInContext<std::vector<ExprState *>>(CurrentMemoryContext);
	ListCell *lc;
	foreach (lc, aggref->args)
		pa.args->push_back(
			ExecInitExpr(static_cast<TargetEntry *>(lfirst(lc))->expr, &aggstate->ps));
	pa.filter = aggref->aggfilter != nullptr
		? ExecInitQual(list_make1(aggref->aggfilter), &aggstate->ps)
		: nullptr;
	pa.transfn.fn_expr = reinterpret_cast<fmNodePtr>(aggref);
	pa.transfn_fcinfo = static_cast<FunctionCallInfo>(
		palloc0(SizeForFunctionCallInfo(pa.numArgs + 1)));
	InitFunctionCallInfoData(*pa.transfn_fcinfo, &pa.transfn, static_cast<short>(pa.numArgs + 1),
							 aggref->inputcollid, reinterpret_cast<fmNodePtr>(aggstate), nullptr);
}

}  // namespace

PlanState *ExecInitAgg(Agg *node, EState *estate, int eflags)
{
	AggState *aggstate = makeNode(AggState);
	aggstate->ps.plan = &node->plan;
	aggstate->ps.state = estate;
	aggstate->ps.ExecProcNode = ExecAgg;
	aggstate->aggstrategy = node->aggstrategy;
	if (node->aggstrategy != AGG_PLAIN && node->aggstrategy != AGG_SORTED)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("hashed aggregation is not supported yet"));
	ExecAssignExprContext(estate, &aggstate->ps);
	aggstate->tmpcontext = CreateExprContext(estate);
	aggstate->ps.lefttree = ExecInitNode(outerPlan(node), estate, eflags);
	MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
	aggstate->aggcontext = AllocSetContextCreate(estate->es_query_cxt, "AggContext",
												 ALLOCSET_DEFAULT_SIZES);
	TupleDesc inputdesc = ExecTypeFromTL(outerPlan(node)->targetlist);
	MemoryContextSwitchTo(old);
	aggstate->grp_firstTuple = ExecInitExtraTupleSlot(estate, inputdesc);

	std::vector<Aggref *> aggrefs;
	CollectAggrefs(reinterpret_cast<Node *>(node->plan.targetlist), &aggrefs);
	CollectAggrefs(reinterpret_cast<Node *>(node->plan.qual), &aggrefs);
	int maxaggno = -1;
	for (Aggref *a : aggrefs)
		maxaggno = Max(maxaggno, a->aggno);
	old = MemoryContextSwitchTo(estate->es_query_cxt);
	aggstate->numaggs = maxaggno + 1;
	aggstate->peragg = static_cast<AggStatePerAggData *>(
		palloc0(Max(aggstate->numaggs, 1) * sizeof(AggStatePerAggData)));
	std::vector<bool> done(aggstate->numaggs, false);
	for (Aggref *a : aggrefs)
		if (!done[a->aggno])
		{
			InitPerAgg(aggstate, aggstate->peragg[a->aggno], a);
			done[a->aggno] = true;
		}
	ExprContext *econtext = aggstate->ps.ps_ExprContext;
	econtext->ecxt_aggvalues = static_cast<Datum *>(
		palloc0(Max(aggstate->numaggs, 1) * sizeof(Datum)));
	econtext->ecxt_aggnulls = static_cast<bool *>(
		palloc0(Max(aggstate->numaggs, 1) * sizeof(bool)));
	if (node->aggstrategy == AGG_SORTED)
	{
		auto *grouping = tusk::NewInContext<AggGroupingData>(estate->es_query_cxt);
		for (int i = 0; i < node->numCols; i++)
		{
			grouping->columns.push_back(list_nth_int(node->grpColIdx, i) - 1);
			FmgrInfo eq;
			fmgr_info(get_opcode(list_nth_oid(node->grpOperators, i)), &eq);
			grouping->eqfns.push_back(eq);
			grouping->collations.push_back(list_nth_oid(node->grpCollations, i));
		}
		grouping->next = MakeTupleTableSlot(inputdesc);
		estate->es_tupleTable = lappend(estate->es_tupleTable, grouping->next);
		aggstate->grouping = grouping;
	}
	MemoryContextSwitchTo(old);
	ExecInitResultTupleSlotTL(&aggstate->ps);
	ExecAssignProjectionInfo(&aggstate->ps);
	aggstate->ps.qual = ExecInitQual(node->plan.qual, &aggstate->ps);
	return &aggstate->ps;
}

void ExecEndAgg(AggState *node)
{
	ExecEndNode(outerPlanState(node));
}

void ExecReScanAgg(AggState *node)
{
	node->agg_done = false;
	node->input_done = false;
	if (node->grouping != nullptr)
		ExecClearTuple(node->grouping->next);
}
