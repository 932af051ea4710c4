/*
 * orderedsetaggs.cpp — the ordered-set and hypothetical-set aggregates'
 * support functions (PostgreSQL's orderedsetaggs.c): percentile_cont
 * (float8 and interval, one percentile or an array), percentile_disc,
 * mode, and the hypothetical rank, dense_rank, percent_rank and
 * cume_dist.
 *
 * Tusk's Agg node sorts an aggregate's inputs on its ORDER BY (here the
 * WITHIN GROUP clause) before feeding them to the transition function,
 * as it does for any aggregate with ORDER BY.  So the transition
 * functions (ordered_set_transition for one aggregated column, whose
 * NULLs are dropped; ordered_set_transition_multi for several, NULLs
 * kept) only append each row to an "internal" state in the aggregate's
 * memory, and the final functions find the rows in WITHIN GROUP order.
 * The sort operators, collation and types come from the Aggref the Agg
 * node sets as the functions' fn_expr.
 */
#include "postgres.h"

#include <cmath>

#include "catalog/pg_type_d.h"
#include "nodes/nodeFuncs.h"
#include "nodes/primnodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"

namespace {

/* The rows of one group, in WITHIN GROUP order: ncols values each. */
struct OrderedSetState
{
	Aggref *aggref;
	int ncols;
	int64 nrows;
	int64 capacity;
	Datum *values; /* nrows × ncols */
	bool *nulls;
	int16 *typlen;
	bool *typbyval;
	Oid *types;
};

Aggref *CallingAggref(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo == nullptr || fcinfo->flinfo->fn_expr == nullptr ||
		!IsA(fcinfo->flinfo->fn_expr, Aggref))
		elog(ERROR, "ordered-set aggregate support function called in non-aggregate context");
	return reinterpret_cast<Aggref *>(fcinfo->flinfo->fn_expr);
}

Datum Transition(FunctionCallInfo fcinfo, bool multi)
{
	MemoryContext aggcontext;
	if (AggCheckCallContext(fcinfo, &aggcontext) == 0)
		elog(ERROR, "ordered-set aggregate called in non-aggregate context");
	OrderedSetState *state;
	if (PG_ARGISNULL(0))
	{
		Aggref *aggref = CallingAggref(fcinfo);
		state = static_cast<OrderedSetState *>(
			MemoryContextAllocZero(aggcontext, sizeof(OrderedSetState)));
		state->aggref = aggref;
		state->ncols = list_length(aggref->args);
		state->typlen = static_cast<int16 *>(
			MemoryContextAlloc(aggcontext, state->ncols * sizeof(int16)));
		state->typbyval = static_cast<bool *>(
			MemoryContextAlloc(aggcontext, state->ncols * sizeof(bool)));
		state->types = static_cast<Oid *>(
			MemoryContextAlloc(aggcontext, state->ncols * sizeof(Oid)));
		int i = 0;
		ListCell *lc;
		foreach (lc, aggref->args)
		{
			Oid type = exprType(
				reinterpret_cast<Node *>(static_cast<TargetEntry *>(lfirst(lc))->expr));
			state->types[i] = type;
			get_typlenbyval(type, &state->typlen[i], &state->typbyval[i]);
			i++;
		}
	}
	else
		state = reinterpret_cast<OrderedSetState *>(PG_GETARG_POINTER(0));
	/* One aggregated column: its NULLs do not count. */
	if (!multi && PG_ARGISNULL(1))
		PG_RETURN_POINTER(state);
	if (state->nrows == state->capacity)
	{
		int64 cap = Max(state->capacity * 2, 16);
		Size vsize = cap * state->ncols * sizeof(Datum);
		Size nsize = cap * state->ncols * sizeof(bool);
		state->values = static_cast<Datum *>(state->values == nullptr
												 ? MemoryContextAlloc(aggcontext, vsize)
												 : repalloc(state->values, vsize));
		state->nulls = static_cast<bool *>(state->nulls == nullptr
											   ? MemoryContextAlloc(aggcontext, nsize)
											   : repalloc(state->nulls, nsize));
		state->capacity = cap;
	}
	MemoryContext old = MemoryContextSwitchTo(aggcontext);
	for (int c = 0; c < state->ncols; c++)
	{
		int64 k = state->nrows * state->ncols + c;
		state->nulls[k] = PG_ARGISNULL(c + 1);
		state->values[k] = state->nulls[k]
			? 0
			: datumCopy(PG_GETARG_DATUM(c + 1), state->typbyval[c], state->typlen[c]);
	}
	MemoryContextSwitchTo(old);
	state->nrows++;
	PG_RETURN_POINTER(state);
}

OrderedSetState *FinalState(FunctionCallInfo fcinfo)
{
	if (AggCheckCallContext(fcinfo, nullptr) == 0)
		elog(ERROR, "ordered-set aggregate called in non-aggregate context");
	return PG_ARGISNULL(0) ? nullptr : reinterpret_cast<OrderedSetState *>(PG_GETARG_POINTER(0));
}

void CheckPercentile(float8 p)
{
	if (p < 0 || p > 1 || std::isnan(p))
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("percentile value %g is not between 0 and 1", p));
}

Datum Value(OrderedSetState *state, int64 row)
{
	return state->values[row * state->ncols];
}

/* percentile_disc: the first value whose position reaches p. */
Datum DiscreteAt(OrderedSetState *state, float8 p)
{
	CheckPercentile(p);
	int64 rownum = static_cast<int64>(std::ceil(p * static_cast<float8>(state->nrows)));
	return Value(state, rownum > 0 ? rownum - 1 : 0);
}

/* percentile_cont: interpolated between the two values around p. */
Datum ContinuousAt(OrderedSetState *state, float8 p, bool interval)
{
	CheckPercentile(p);
	float8 pos = p * static_cast<float8>(state->nrows - 1);
	auto first = static_cast<int64>(std::floor(pos));
	auto second = static_cast<int64>(std::ceil(pos));
	Datum lo = Value(state, first);
	if (second <= first)
		return lo;
	Datum hi = Value(state, second);
	float8 frac = pos - static_cast<float8>(first);
	if (!interval)
	{
		float8 l = DatumGetFloat8(lo);
		float8 h = DatumGetFloat8(hi);
		return Float8GetDatum(l + (h - l) * frac);
	}
	Datum diff = DirectFunctionCall2(interval_mi, hi, lo);
	Datum scaled = DirectFunctionCall2(interval_mul, diff, Float8GetDatum(frac));
	return DirectFunctionCall2(interval_pl, scaled, lo);
}

enum class Percentile
{
	kDiscrete,
	kContinuous,
	kContinuousInterval
};

Datum PercentileSingle(FunctionCallInfo fcinfo, Percentile kind)
{
	OrderedSetState *state = FinalState(fcinfo);
	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	float8 p = PG_GETARG_FLOAT8(1);
	/* A group of no rows (or only NULLs) has no percentile. */
	if (state == nullptr || state->nrows == 0)
	{
		CheckPercentile(p);
		PG_RETURN_NULL();
	}
	if (kind == Percentile::kDiscrete)
		return DiscreteAt(state, p);
	return ContinuousAt(state, p, kind == Percentile::kContinuousInterval);
}

/* One result per element of the percentile array, of the same shape. */
Datum PercentileMulti(FunctionCallInfo fcinfo, Percentile kind)
{
	OrderedSetState *state = FinalState(fcinfo);
	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	if (state == nullptr || state->nrows == 0)
		PG_RETURN_NULL();
	ArrayType *param = PG_GETARG_ARRAYTYPE_P(1);
	Datum *pcts;
	bool *pnulls;
	int n;
	deconstruct_array(param, FLOAT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &pcts, &pnulls, &n);
	Oid restype = kind == Percentile::kDiscrete ? state->types[0]
		: kind == Percentile::kContinuous		? FLOAT8OID
												: INTERVALOID;
	if (n == 0)
		PG_RETURN_POINTER(construct_empty_array(restype));
	auto *results = static_cast<Datum *>(palloc(n * sizeof(Datum)));
	auto *rnulls = static_cast<bool *>(palloc(n * sizeof(bool)));
	for (int i = 0; i < n; i++)
	{
		rnulls[i] = pnulls[i];
		results[i] = 0;
		if (pnulls[i])
			continue;
		float8 p = DatumGetFloat8(pcts[i]);
		results[i] = kind == Percentile::kDiscrete
			? DiscreteAt(state, p)
			: ContinuousAt(state, p, kind == Percentile::kContinuousInterval);
	}
	int16 typlen;
	bool typbyval;
	char typalign;
	get_typlenbyvalalign(restype, &typlen, &typbyval, &typalign);
	PG_RETURN_POINTER(construct_md_array(results, rnulls, ARR_NDIM(param), ARR_DIMS(param),
										 ARR_LBOUND(param), restype, typlen, typbyval, typalign));
}

/* How row r compares with the hypothetical row (the direct arguments)
 * under the WITHIN GROUP sort: < 0 before it, 0 a peer, > 0 after. */
int CompareWithHypothetical(FunctionCallInfo fcinfo, OrderedSetState *state, int64 r)
{
	Aggref *aggref = state->aggref;
	ListCell *lc;
	foreach (lc, aggref->aggorder)
	{
		auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		/* The ORDER BY items are the arguments, in order. */
		int col = static_cast<int>(sgc->tleSortGroupRef) - 1;
		int64 k = r * state->ncols + col;
		bool rnull = state->nulls[k];
		bool hnull = PG_ARGISNULL(col + 1);
		if (rnull || hnull)
		{
			if (rnull && hnull)
				continue;
			/* NULLS FIRST puts the NULL one first. */
			return (rnull == sgc->nulls_first) ? -1 : 1;
		}
		Datum rv = state->values[k];
		Datum hv = PG_GETARG_DATUM(col + 1);
		RegProcedure ltproc = get_opcode(sgc->sortop);
		if (DatumGetBool(OidFunctionCall2Coll(ltproc, aggref->inputcollid, rv, hv)))
			return -1;
		if (DatumGetBool(OidFunctionCall2Coll(ltproc, aggref->inputcollid, hv, rv)))
			return 1;
	}
	return 0;
}

/* Rows before the hypothetical row (*before) and its peers (*peers). */
void HypotheticalCounts(FunctionCallInfo fcinfo, OrderedSetState *state, int64 *before,
						int64 *peers)
{
	*before = 0;
	*peers = 0;
	if (state == nullptr)
		return;
	if (list_length(state->aggref->aggorder) != state->ncols)
		elog(ERROR, "hypothetical-set aggregate ordering columns do not match its arguments");
	for (int64 r = 0; r < state->nrows; r++)
	{
		int cmp = CompareWithHypothetical(fcinfo, state, r);
		if (cmp < 0)
			(*before)++;
		else if (cmp == 0)
			(*peers)++;
	}
}

/* Whether rows a and b are equal on every column ("=" of the ORDER BY
 * items' types; NULLs equal). */
bool RowsEqual(OrderedSetState *state, int64 a, int64 b)
{
	ListCell *lc;
	foreach (lc, state->aggref->aggorder)
	{
		auto *sgc = static_cast<SortGroupClause *>(lfirst(lc));
		int col = static_cast<int>(sgc->tleSortGroupRef) - 1;
		bool an = state->nulls[a * state->ncols + col];
		bool bn = state->nulls[b * state->ncols + col];
		if (an || bn)
		{
			if (an != bn)
				return false;
			continue;
		}
		if (!DatumGetBool(OidFunctionCall2Coll(get_opcode(sgc->eqop), state->aggref->inputcollid,
											   state->values[a * state->ncols + col],
											   state->values[b * state->ncols + col])))
			return false;
	}
	return true;
}

}  // namespace

Datum ordered_set_transition(PG_FUNCTION_ARGS)
{
	return Transition(fcinfo, false);
}

Datum ordered_set_transition_multi(PG_FUNCTION_ARGS)
{
	return Transition(fcinfo, true);
}

Datum percentile_disc_final(PG_FUNCTION_ARGS)
{
	return PercentileSingle(fcinfo, Percentile::kDiscrete);
}

Datum percentile_cont_float8_final(PG_FUNCTION_ARGS)
{
	return PercentileSingle(fcinfo, Percentile::kContinuous);
}

Datum percentile_cont_interval_final(PG_FUNCTION_ARGS)
{
	return PercentileSingle(fcinfo, Percentile::kContinuousInterval);
}

Datum percentile_disc_multi_final(PG_FUNCTION_ARGS)
{
	return PercentileMulti(fcinfo, Percentile::kDiscrete);
}

Datum percentile_cont_float8_multi_final(PG_FUNCTION_ARGS)
{
	return PercentileMulti(fcinfo, Percentile::kContinuous);
}

Datum percentile_cont_interval_multi_final(PG_FUNCTION_ARGS)
{
	return PercentileMulti(fcinfo, Percentile::kContinuousInterval);
}

/* The most frequent value; among equally frequent ones the first in
 * WITHIN GROUP order. */
Datum mode_final(PG_FUNCTION_ARGS)
{
	OrderedSetState *state = FinalState(fcinfo);
	if (state == nullptr || state->nrows == 0)
		PG_RETURN_NULL();
	int64 best = 0;
	int64 best_freq = 0;
	int64 run_start = 0;
	for (int64 r = 1; r <= state->nrows; r++)
	{
		if (r < state->nrows && RowsEqual(state, run_start, r))
			continue;
		if (r - run_start > best_freq)
		{
			best_freq = r - run_start;
			best = run_start;
		}
		run_start = r;
	}
	return Value(state, best);
}

Datum hypothetical_rank_final(PG_FUNCTION_ARGS)
{
	int64 before;
	int64 peers;
	HypotheticalCounts(fcinfo, FinalState(fcinfo), &before, &peers);
	PG_RETURN_INT64(before + 1);
}

Datum hypothetical_percent_rank_final(PG_FUNCTION_ARGS)
{
	OrderedSetState *state = FinalState(fcinfo);
	int64 before;
	int64 peers;
	HypotheticalCounts(fcinfo, state, &before, &peers);
	int64 rows = state != nullptr ? state->nrows : 0;
	if (rows == 0)
		PG_RETURN_FLOAT8(0);
	PG_RETURN_FLOAT8(static_cast<float8>(before) / static_cast<float8>(rows));
}

Datum hypothetical_cume_dist_final(PG_FUNCTION_ARGS)
{
	OrderedSetState *state = FinalState(fcinfo);
	int64 before;
	int64 peers;
	HypotheticalCounts(fcinfo, state, &before, &peers);
	int64 rows = state != nullptr ? state->nrows : 0;
	PG_RETURN_FLOAT8(static_cast<float8>(before + peers + 1) / static_cast<float8>(rows + 1));
}

/* 1 + the number of distinct rows before the hypothetical row. */
Datum hypothetical_dense_rank_final(PG_FUNCTION_ARGS)
{
	OrderedSetState *state = FinalState(fcinfo);
	int64 before;
	int64 peers;
	HypotheticalCounts(fcinfo, state, &before, &peers);
	int64 distinct = 0;
	/* The rows before it are the first `before` ones (sorted). */
	for (int64 r = 0; r < before; r++)
		if (r == 0 || !RowsEqual(state, r - 1, r))
			distinct++;
	PG_RETURN_INT64(distinct + 1);
}
