/*
 * nodeAgg.cpp — aggregation: count(*), sum(x), … over all rows
 * (AGG_PLAIN), per group of rows that arrive sorted by the GROUP BY
 * keys (AGG_SORTED), or per group of a hash table of every group
 * (AGG_HASHED: the whole input is read first, each row advancing its
 * group's states; the groups are then emitted in the order PostgreSQL's
 * hash table would give them, its hashes and layout being reproduced.
 * The table stays in memory: the planner chooses hashing
 * only when PostgreSQL's estimate of its size fits in work_mem times
 * hash_mem_multiplier, and does not spill to disk as PostgreSQL 13+ can).
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
 * An aggregate with DISTINCT or ORDER BY inside its call (aggdistinct,
 * aggorder) does not advance its state row by row: as in PostgreSQL,
 * each row's inputs (the arguments, then the ORDER BY expressions that
 * are not arguments) are kept until the group ends, then sorted on the
 * sort clauses' operators (stable, in memory), rows equal on every
 * DISTINCT column to the one before dropped, and the rest fed to the
 * transition function in that order.  Rows a FILTER rejects, and rows
 * whose arguments hold a NULL for a strict transition function, are not
 * kept.  The planner never hashes such aggregates.
 *
 * The Agg node's projection (its target list and HAVING) reads each
 * aggregate's result through the Aggref steps (ecxt_aggvalues) and the
 * group's columns from its first row.
 */
#include "postgres.h"

#include <algorithm>
#include <vector>

#include "access/htup_details.h"
#include "catalog/pg_aggregate_d.h"
#include "catalog/pg_proc_d.h"
#include "catalog/pg_type_d.h"
#include "utils/builtins.h"
#include "executor/executor.h"
#include "executor/instrument.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

/* One sort column of an aggregate's DISTINCT or ORDER BY. */
struct AggSortKey
{
	int column; /* 0-based, in the aggregate's inputs */
	FmgrInfo lt;
	FmgrInfo eq;
	Oid collation;
	bool nulls_first;
};

/* The kept inputs of an aggregate with DISTINCT or ORDER BY, for the
 * current group: each row is numInputs values then numInputs null
 * flags, in sortcontext. */
struct AggSortedInputs
{
	std::vector<AggSortKey> keys;
	int numDistinctCols = 0; /* the first keys, compared with "=" (DISTINCT) */
	std::vector<int16> typlens;
	std::vector<bool> typbyvals;
	std::vector<Datum *> rows;
	MemoryContext sortcontext = nullptr;
};

struct AggStatePerAggData
{
	Aggref *aggref;
	FmgrInfo transfn;
	FmgrInfo finalfn;
	bool has_finalfn;
	int numArgs;		/* inputs (0 for count(*)), with ORDER BY's junk ones */
	int numTransInputs; /* the arguments: what the transition function gets */
	Oid transtype;
	int16 transtypeLen;
	bool transtypeByVal;
	Datum initValue;
	bool initValueIsNull;
	std::vector<ExprState *> *args; /* evaluated against each input row */
	ExprState *filter;
	FunctionCallInfo transfn_fcinfo;
	AggSortedInputs *sorted; /* DISTINCT / ORDER BY inside the call, or NULL */
	/* an ordered-set aggregate's direct arguments (NULL for others),
	 * evaluated at the group's first row for the final function */
	std::vector<ExprState *> *directargs;
	/* per group */
	Datum transValue;
	bool transValueIsNull;
	bool noTransValue; /* strict, NULL initval, no input yet */
};

/* One group of a hashed aggregation: its first row and the transition
 * states of its aggregates (in aggcontext). */
struct AggHashGroup
{
	uint32 hash;
	HeapTuple firstRow;
	Datum *transValues;
	bool *transNulls;
	bool *noTransValues;
};

struct AggGroupingData
{
	std::vector<int> columns; /* 0-based input columns */
	std::vector<FmgrInfo> eqfns;
	std::vector<Oid> collations;
	TupleTableSlot *next; /* the first row of the next group (sorted) */
	/* AGG_HASHED: each column's hash function, the groups, and the hash
	 * table of their indexes (-1: empty), laid out as PostgreSQL's
	 * simplehash lays out its TupleHashTable (open addressing, linear
	 * probing, Robin Hood insertion, doubled at 90% full), so that the
	 * groups come out in PostgreSQL's order. */
	std::vector<FmgrInfo> hashfns;
	std::vector<AggHashGroup> groups;
	std::vector<int64> slots;
	uint64 sizemask = 0;
	uint64 grow_threshold = 0;
	uint64 initial_size = 2;
	bool table_built = false;
	uint64 next_slot = 0; /* emitting: the next slot to look at, going down */
	uint64 slots_left = 0;
	TupleTableSlot *probe; /* a stored group's first row, to compare */
};

int AggCheckCallContext(FunctionCallInfo fcinfo, MemoryContext *aggcontext)
{
	if (fcinfo->context != nullptr && IsA(fcinfo->context, AggState))
	{
		if (aggcontext != nullptr)
			*aggcontext = reinterpret_cast<AggState *>(fcinfo->context)->aggcontext;
		return AGG_CONTEXT_AGGREGATE;
	}
	if (fcinfo->context != nullptr && IsA(fcinfo->context, WindowAggState))
	{
		if (aggcontext != nullptr)
			*aggcontext = reinterpret_cast<WindowAggState *>(fcinfo->context)->curaggcontext;
		return AGG_CONTEXT_WINDOW;
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
		if (pa.sorted != nullptr)
		{
			pa.sorted->rows.clear();
			MemoryContextReset(pa.sorted->sortcontext);
		}
	}
}

/* Advance pa's state with the arguments in its transfn_fcinfo (from
 * args[1]), by PostgreSQL's strictness rules; tmpcontext's per-tuple
 * memory holds the call's garbage. */
void AdvanceTransition(AggState *aggstate, AggStatePerAggData &pa)
{
	ExprContext *tmp = aggstate->tmpcontext;
	FunctionCallInfo fcinfo = pa.transfn_fcinfo;
	if (pa.transfn.fn_strict)
	{
		for (int a = 0; a < pa.numTransInputs; a++)
			if (fcinfo->args[a + 1].isnull)
				return;
		if (pa.noTransValue)
		{
			/* The first input becomes the state. */
			MemoryContext old = MemoryContextSwitchTo(aggstate->aggcontext);
			pa.transValue = CopyDatum(fcinfo->args[1].value, pa.transtypeByVal, pa.transtypeLen);
			MemoryContextSwitchTo(old);
			pa.transValueIsNull = false;
			pa.noTransValue = false;
			return;
		}
		if (pa.transValueIsNull)
			return; /* a strict function gave NULL: it stays NULL */
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

/* Keep the inputs of an aggregate with DISTINCT or ORDER BY (evaluated
 * into its transfn_fcinfo) for the end of the group, unless a strict
 * transition function would skip them anyway. */
void KeepSortedInput(AggStatePerAggData &pa)
{
	FunctionCallInfo fcinfo = pa.transfn_fcinfo;
	if (pa.transfn.fn_strict)
		for (int a = 0; a < pa.numTransInputs; a++)
			if (fcinfo->args[a + 1].isnull)
				return;
	AggSortedInputs &si = *pa.sorted;
	MemoryContext old = MemoryContextSwitchTo(si.sortcontext);
	auto *row = static_cast<Datum *>(palloc(pa.numArgs * (sizeof(Datum) + sizeof(bool))));
	bool *nulls = reinterpret_cast<bool *>(row + pa.numArgs);
	for (int a = 0; a < pa.numArgs; a++)
	{
		nulls[a] = fcinfo->args[a + 1].isnull;
		row[a] = nulls[a] ? 0
						  : CopyDatum(fcinfo->args[a + 1].value, si.typbyvals[a], si.typlens[a]);
	}
	MemoryContextSwitchTo(old);
	si.rows.push_back(row);
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
		for (int a = 0; a < pa.numArgs; a++)
			fcinfo->args[a + 1].value = ExecEvalExprSwitchContext((*pa.args)[a], tmp,
																  &fcinfo->args[a + 1].isnull);
		if (pa.sorted != nullptr)
			KeepSortedInput(pa);
		else
			AdvanceTransition(aggstate, pa);
	}
}

/* At the end of a group: each DISTINCT / ORDER BY aggregate's kept
 * inputs, sorted and (DISTINCT) without duplicates, through its
 * transition function. */
void ProcessSortedAggregates(AggState *aggstate)
{
	ExprContext *tmp = aggstate->tmpcontext;
	for (int i = 0; i < aggstate->numaggs; i++)
	{
		AggStatePerAggData &pa = aggstate->peragg[i];
		if (pa.sorted == nullptr)
			continue;
		AggSortedInputs &si = *pa.sorted;
		int n = pa.numArgs;
		auto isnull = [n](const Datum *row, int col) {
			return reinterpret_cast<const bool *>(row + n)[col];
		};
		std::stable_sort(si.rows.begin(), si.rows.end(), [&](const Datum *a, const Datum *b) {
			for (AggSortKey &k : si.keys)
			{
				bool an = isnull(a, k.column);
				bool bn = isnull(b, k.column);
				if (an || bn)
				{
					if (an && bn)
						continue;
					return an ? k.nulls_first : !k.nulls_first;
				}
				Datum av = a[k.column];
				Datum bv = b[k.column];
				if (DatumGetBool(FunctionCall2Coll(&k.lt, k.collation, av, bv)))
					return true;
				if (DatumGetBool(FunctionCall2Coll(&k.lt, k.collation, bv, av)))
					return false;
			}
			return false;
		});
		const Datum *prev = nullptr;
		for (const Datum *row : si.rows)
		{
			CHECK_FOR_INTERRUPTS();
			if (prev != nullptr && si.numDistinctCols > 0)
			{
				bool same = true;
				for (int k = 0; k < si.numDistinctCols && same; k++)
				{
					AggSortKey &key = si.keys[k];
					bool an = isnull(prev, key.column);
					bool bn = isnull(row, key.column);
					if (an || bn)
						same = an && bn;
					else
						same = DatumGetBool(FunctionCall2Coll(&key.eq, key.collation,
															  prev[key.column], row[key.column]));
				}
				if (same)
					continue;
			}
			prev = row;
			ResetExprContext(tmp);
			FunctionCallInfo fcinfo = pa.transfn_fcinfo;
			for (int a = 0; a < pa.numTransInputs; a++)
			{
				fcinfo->args[a + 1].value = row[a];
				fcinfo->args[a + 1].isnull = isnull(row, a);
			}
			AdvanceTransition(aggstate, pa);
		}
		si.rows.clear();
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
		int ndirect = pa.directargs != nullptr ? static_cast<int>(pa.directargs->size()) : 0;
		/* An ordered-set final function gets the state, the direct
		 * arguments (a VARIADIC "any" one takes them all), then NULLs. */
		nargs = Max(nargs, 1 + ndirect);
		LOCAL_FCINFO(fcinfo, FUNC_MAX_ARGS);
		InitFunctionCallInfoData(*fcinfo, &pa.finalfn, static_cast<short>(nargs),
								 pa.aggref->inputcollid, reinterpret_cast<fmNodePtr>(aggstate),
								 nullptr);
		fcinfo->args[0].value = pa.transValue;
		fcinfo->args[0].isnull = pa.transValueIsNull;
		if (ndirect > 0)
		{
			econtext->ecxt_outertuple = aggstate->grp_firstTuple;
			econtext->ecxt_scantuple = aggstate->grp_firstTuple;
		}
		for (int a = 0; a < ndirect; a++)
			fcinfo->args[a + 1].value = ExecEvalExprSwitchContext((*pa.directargs)[a], econtext,
																  &fcinfo->args[a + 1].isnull);
		/* Extra arguments (aggfinalextra) are NULLs of the input types. */
		for (int a = 1 + ndirect; a < nargs; a++)
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

/* ---- AGG_HASHED: every input row is read first, into a table of groups ---- */

/* The hash of slot's grouping columns, combined and finished as
 * PostgreSQL's TupleHashTableHash does (a NULL adds nothing). */
uint32 HashGroupKey(AggGroupingData *grouping, TupleTableSlot *slot)
{
	uint32 h = 0;
	for (size_t i = 0; i < grouping->columns.size(); i++)
	{
		bool isnull;
		Datum v = slot_getattr(slot, grouping->columns[i] + 1, &isnull);
		h = (h << 1) | (h >> 31);
		if (!isnull)
			h ^= DatumGetUInt32(
				FunctionCall1Coll(&grouping->hashfns[i], grouping->collations[i], v));
	}
	/* murmurhash32's finalizer */
	h ^= h >> 16;
	h *= 0x85ebca6b;
	h ^= h >> 13;
	h *= 0xc2b2ae35;
	h ^= h >> 16;
	return h;
}

/* The group's transition states into peragg (to advance or finish). */
void LoadGroupStates(AggState *aggstate, const AggHashGroup &g)
{
	for (int i = 0; i < aggstate->numaggs; i++)
	{
		AggStatePerAggData &pa = aggstate->peragg[i];
		pa.transValue = g.transValues[i];
		pa.transValueIsNull = g.transNulls[i];
		pa.noTransValue = g.noTransValues[i];
	}
}

void SaveGroupStates(AggState *aggstate, AggHashGroup &g)
{
	for (int i = 0; i < aggstate->numaggs; i++)
	{
		AggStatePerAggData &pa = aggstate->peragg[i];
		g.transValues[i] = pa.transValue;
		g.transNulls[i] = pa.transValueIsNull;
		g.noTransValues[i] = pa.noTransValue;
	}
}

/* Size the table for size slots (a power of two, at least 2). */
void ResizeSlots(AggGroupingData *grouping, uint64 size)
{
	uint64 pow2 = 2;
	while (pow2 < size)
		pow2 <<= 1;
	grouping->slots.assign(pow2, -1);
	grouping->sizemask = pow2 - 1;
	grouping->grow_threshold = static_cast<uint64>(static_cast<double>(pow2) * 0.9);
}

/* Double the table: the groups are re-placed in slot order, starting at
 * the first slot that is empty or holds a group at its bucket, with
 * plain linear probing (simplehash's grow). */
void GrowSlots(AggGroupingData *grouping)
{
	std::vector<int64> old = std::move(grouping->slots);
	uint64 oldmask = grouping->sizemask;
	ResizeSlots(grouping, old.size() * 2);
	/* (simplehash compares with the bucket in the new size) */
	uint64 start = 0;
	for (uint64 i = 0; i < old.size(); i++)
		if (old[i] < 0 || (grouping->groups[old[i]].hash & grouping->sizemask) == i)
		{
			start = i;
			break;
		}
	for (uint64 n = 0, i = start; n < old.size(); n++, i = (i + 1) & oldmask)
	{
		if (old[i] < 0)
			continue;
		uint64 pos = grouping->groups[old[i]].hash & grouping->sizemask;
		while (grouping->slots[pos] >= 0)
			pos = (pos + 1) & grouping->sizemask;
		grouping->slots[pos] = old[i];
	}
}

/* The index of the group of slot's row, made (with the aggregates'
 * initial states) if new, placed as simplehash's insert places it. */
size_t LookupGroup(AggState *aggstate, TupleTableSlot *slot)
{
	AggGroupingData *grouping = aggstate->grouping;
	uint32 hash = HashGroupKey(grouping, slot);
restart:
	if (grouping->groups.size() >= grouping->grow_threshold)
		GrowSlots(grouping);
	uint64 size = grouping->sizemask + 1;
	uint64 cur = hash & grouping->sizemask;
	uint64 insertdist = 0;
	auto distance = [&](uint64 optimal, uint64 pos) {
		return optimal <= pos ? pos - optimal : size + pos - optimal;
	};
	for (;;)
	{
		int64 idx = grouping->slots[cur];
		if (idx < 0)
			break;
		AggHashGroup &g = grouping->groups[idx];
		if (g.hash == hash)
		{
			ExecStoreHeapTuple(g.firstRow, grouping->probe, false);
			if (SameGroup(grouping, grouping->probe, slot))
				return static_cast<size_t>(idx);
		}
		if (insertdist > distance(g.hash & grouping->sizemask, cur))
		{
			/* Robin Hood: the new group takes this slot, the run of
			 * groups up to the next empty slot moves down one. */
			uint64 empty = cur;
			uint64 moves = 0;
			for (;;)
			{
				empty = (empty + 1) & grouping->sizemask;
				if (grouping->slots[empty] < 0)
					break;
				if (++moves > 150 &&
					static_cast<double>(grouping->groups.size()) / static_cast<double>(size) >= 0.1)
				{
					GrowSlots(grouping);
					goto restart;
				}
			}
			for (uint64 pos = empty; pos != cur; pos = (pos - 1) & grouping->sizemask)
				grouping->slots[pos] = grouping->slots[(pos - 1) & grouping->sizemask];
			break;
		}
		cur = (cur + 1) & grouping->sizemask;
		if (++insertdist > 25 &&
			static_cast<double>(grouping->groups.size()) / static_cast<double>(size) >= 0.1)
		{
			GrowSlots(grouping);
			goto restart;
		}
	}
	MemoryContext old = MemoryContextSwitchTo(aggstate->aggcontext);
	AggHashGroup g{};
	g.hash = hash;
	g.firstRow = ExecCopySlotHeapTuple(slot);
	int n = Max(aggstate->numaggs, 1);
	g.transValues = static_cast<Datum *>(palloc0(sizeof(Datum) * n));
	g.transNulls = static_cast<bool *>(palloc0(sizeof(bool) * n));
	g.noTransValues = static_cast<bool *>(palloc0(sizeof(bool) * n));
	for (int i = 0; i < aggstate->numaggs; i++)
	{
		AggStatePerAggData &pa = aggstate->peragg[i];
		g.transValues[i] = pa.initValueIsNull
			? pa.initValue
			: CopyDatum(pa.initValue, pa.transtypeByVal, pa.transtypeLen);
		g.transNulls[i] = pa.initValueIsNull;
		g.noTransValues[i] = pa.initValueIsNull;
	}
	MemoryContextSwitchTo(old);
	grouping->groups.push_back(g);
	grouping->slots[cur] = static_cast<int64>(grouping->groups.size() - 1);
	return grouping->groups.size() - 1;
}

/* Read the whole input into the table of groups. */
void BuildHashTable(AggState *aggstate)
{
	AggGroupingData *grouping = aggstate->grouping;
	PlanState *outer = outerPlanState(aggstate);
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		ResetExprContext(aggstate->tmpcontext);
		TupleTableSlot *slot = ExecProcNode(outer);
		if (TupIsNull(slot))
			break;
		size_t idx = LookupGroup(aggstate, slot);
		LoadGroupStates(aggstate, grouping->groups[idx]);
		aggstate->tmpcontext->ecxt_outertuple = slot;
		aggstate->tmpcontext->ecxt_scantuple = slot;
		AdvanceAggregates(aggstate);
		SaveGroupStates(aggstate, grouping->groups[idx]);
	}
	grouping->table_built = true;
	/* Emitted as simplehash iterates: downwards from the first empty
	 * slot, around the table. */
	uint64 start = 0;
	while (start <= grouping->sizemask && grouping->slots[start] >= 0)
		start++;
	grouping->next_slot = start;
	grouping->slots_left = grouping->sizemask + 1;
}

/* The next group of the table that HAVING accepts, projected. */
TupleTableSlot *ExecAggHashed(AggState *aggstate)
{
	AggGroupingData *grouping = aggstate->grouping;
	if (!grouping->table_built)
		BuildHashTable(aggstate);
	while (grouping->slots_left > 0)
	{
		CHECK_FOR_INTERRUPTS();
		int64 idx = grouping->slots[grouping->next_slot];
		grouping->next_slot = (grouping->next_slot - 1) & grouping->sizemask;
		grouping->slots_left--;
		if (idx < 0)
			continue;
		AggHashGroup &g = grouping->groups[idx];
		ResetExprContext(aggstate->ps.ps_ExprContext);
		LoadGroupStates(aggstate, g);
		FinalizeAggregates(aggstate);
		TupleTableSlot *first = ExecStoreHeapTuple(g.firstRow, aggstate->grp_firstTuple, false);
		if (TupleTableSlot *result = ProjectGroup(aggstate, first))
			return result;
	}
	aggstate->agg_done = true;
	return nullptr;
}

TupleTableSlot *ExecAgg(PlanState *pstate)
{
	auto *aggstate = reinterpret_cast<AggState *>(pstate);
	if (aggstate->aggstrategy == AGG_HASHED)
		return aggstate->agg_done ? nullptr : ExecAggHashed(aggstate);
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
		ProcessSortedAggregates(aggstate);
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
	/* A transition type of the input's kind (min(anyenum), called on an
	 * enum) is the input's type, as PostgreSQL's
	 * resolve_aggregate_transtype makes it. */
	if ((pa.transtype == ANYENUMOID || pa.transtype == ANYELEMENTOID ||
		 pa.transtype == ANYNONARRAYOID) &&
		aggref->aggargtypes != NIL)
		pa.transtype = list_nth_oid(aggref->aggargtypes, 0);
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
	pa.numTransInputs = list_length(aggref->aggargtypes);
	pa.directargs = nullptr;
	if (aggref->aggkind != 'n')
	{
		/* Ordered-set: the transition function gets the aggregated
		 * arguments (in ORDER BY order), the final one the direct ones. */
		pa.numTransInputs = pa.numArgs;
		pa.directargs = tusk::NewInContext<std::vector<ExprState *>>(CurrentMemoryContext);
		ListCell *d;
		foreach (d, aggref->aggdirectargs)
			pa.directargs->push_back(ExecInitExpr(static_cast<Expr *>(lfirst(d)), &aggstate->ps));
	}
	/* PostgreSQL's rule: a strict transition function with no initial
	 * value takes its first input as the state, so the types must match. */
	if (pa.transfn.fn_strict && pa.initValueIsNull && pa.numTransInputs > 0 &&
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
	List *sortlist = aggref->aggdistinct != NIL ? aggref->aggdistinct : aggref->aggorder;
	if (sortlist != NIL)
	{
		if (aggstate->aggstrategy == AGG_HASHED)
			elog(ERROR, "aggregates with DISTINCT or ORDER BY cannot be hashed");
		auto *si = tusk::NewInContext<AggSortedInputs>(CurrentMemoryContext);
		si->sortcontext = AllocSetContextCreate(CurrentMemoryContext, "AggSortedInputs",
												ALLOCSET_DEFAULT_SIZES);
		si->numDistinctCols = aggref->aggdistinct != NIL ? list_length(sortlist) : 0;
		foreach (lc, aggref->args)
		{
			int16 len;
			bool byval;
			get_typlenbyval(exprType(reinterpret_cast<Node *>(
								static_cast<TargetEntry *>(lfirst(lc))->expr)),
							&len, &byval);
			si->typlens.push_back(len);
			si->typbyvals.push_back(byval);
		}
		foreach (lc, sortlist)
		{
			auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
			TargetEntry *tle = nullptr;
			ListCell *t;
			foreach (t, aggref->args)
				if (static_cast<TargetEntry *>(lfirst(t))->ressortgroupref == sgc->tleSortGroupRef)
					tle = static_cast<TargetEntry *>(lfirst(t));
			if (tle == nullptr)
				elog(ERROR, "aggregate's ORDER BY or DISTINCT item not found in its arguments");
			AggSortKey key;
			key.column = tle->resno - 1;
			fmgr_info(get_opcode(sgc->sortop), &key.lt);
			fmgr_info(get_opcode(sgc->eqop), &key.eq);
			key.collation = exprCollation(reinterpret_cast<Node *>(tle->expr));
			key.nulls_first = sgc->nulls_first;
			si->keys.push_back(key);
		}
		pa.sorted = si;
	}
	pa.transfn.fn_expr = reinterpret_cast<fmNodePtr>(aggref);
	if (pa.has_finalfn)
		pa.finalfn.fn_expr = reinterpret_cast<fmNodePtr>(aggref);
	pa.transfn_fcinfo = static_cast<FunctionCallInfo>(
		palloc0(SizeForFunctionCallInfo(pa.numArgs + 1)));
	InitFunctionCallInfoData(*pa.transfn_fcinfo, &pa.transfn,
							 static_cast<short>(pa.numTransInputs + 1), aggref->inputcollid,
							 reinterpret_cast<fmNodePtr>(aggstate), nullptr);
}

}  // namespace

PlanState *ExecInitAgg(Agg *node, EState *estate, int eflags)
{
	AggState *aggstate = makeNode(AggState);
	aggstate->ps.plan = &node->plan;
	aggstate->ps.state = estate;
	aggstate->ps.ExecProcNode = ExecAgg;
	aggstate->aggstrategy = node->aggstrategy;
	if (node->aggstrategy == AGG_MIXED)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("mixed aggregation is not supported yet"));
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
	if (node->aggstrategy == AGG_SORTED || node->aggstrategy == AGG_HASHED)
	{
		auto *grouping = tusk::NewInContext<AggGroupingData>(estate->es_query_cxt);
		for (int i = 0; i < node->numCols; i++)
		{
			grouping->columns.push_back(list_nth_int(node->grpColIdx, i) - 1);
			FmgrInfo eq;
			fmgr_info(get_opcode(list_nth_oid(node->grpOperators, i)), &eq);
			grouping->eqfns.push_back(eq);
			grouping->collations.push_back(list_nth_oid(node->grpCollations, i));
			if (node->aggstrategy == AGG_HASHED)
			{
				/* The hash function of the "=" operator's hash family. */
				RegProcedure lhs;
				RegProcedure rhs;
				if (!get_op_hash_functions(list_nth_oid(node->grpOperators, i), &lhs, &rhs))
					elog(ERROR, "could not find hash function for hash operator %u",
						 list_nth_oid(node->grpOperators, i));
				FmgrInfo hf;
				fmgr_info(lhs, &hf);
				grouping->hashfns.push_back(hf);
			}
		}
		grouping->next = MakeTupleTableSlot(inputdesc);
		estate->es_tupleTable = lappend(estate->es_tupleTable, grouping->next);
		grouping->probe = MakeTupleTableSlot(inputdesc);
		estate->es_tupleTable = lappend(estate->es_tupleTable, grouping->probe);
		/* PostgreSQL's initial size: the estimated groups at 90% full. */
		grouping->initial_size = static_cast<uint64>(std::max(1.0, std::min(node->numGroups, 1e9)) /
													 0.9);
		ResizeSlots(grouping, grouping->initial_size);
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
	{
		ExecClearTuple(node->grouping->next);
		if (node->aggstrategy == AGG_HASHED)
		{
			/* The input may change (parameters): build the table again. */
			AggGroupingData *grouping = node->grouping;
			grouping->groups.clear();
			ResizeSlots(grouping, grouping->initial_size);
			grouping->table_built = false;
			MemoryContextReset(node->aggcontext);
		}
	}
}
