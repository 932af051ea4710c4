/*
 * numeric_agg.cpp — the aggregates whose results are numeric: avg and sum
 * over smallint, integer, bigint and numeric, and var_pop, var_samp,
 * variance, stddev_pop, stddev_samp and stddev over the same types; their
 * transition, inverse transition (moving aggregates), combine,
 * serialization and final functions, with PostgreSQL 15's C names
 * (pg_aggregate.dat).
 *
 * States, as PostgreSQL keeps them:
 *   - numeric input and the sums of squares of bigint: NumericAggState,
 *     counts and exact running sums (and the sum of squares where needed),
 *     with NaN and the infinities counted apart;
 *   - avg/sum of bigint and the variances of smallint and integer: a
 *     128-bit count-and-sums state (Int128AggState);
 *   - avg of smallint and integer, and moving sums of them: a two-element
 *     bigint array {count, sum} (not `internal`, so it may be copied).
 * An `internal` state lives in the aggregate's memory context, which
 * AggCheckCallContext gives (the executor's aggregation defines it); the
 * state is flat, its sums palloc'd there, so a context reset frees it all.
 * Called outside an aggregate, the functions needing that context raise
 * "aggregate function called in non-aggregate context".

 *
 * The serialized states (for combining partial aggregates) are Tusk's own
 * layout: they only pass between processes of one server.
 *
 * Principal entry points: the SQL-callable functions (utils/fmgrprotos.h).
 */
#include "postgres.h"

#include <string.h>

#include <string>

#include "numeric_internal.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

namespace num = tusk::adt::numeric;
using num::Decimal;
using num::NumericKind;

namespace {

/* 128-bit integers aligned as palloc aligns (8 bytes, as PostgreSQL
 * declares int128), so a state holding them may sit in palloc'd memory. */
typedef __int128 Int128 __attribute__((aligned(8)));

/* ---- the aggregate context ---- */

/* The aggregate's memory context; ERROR if not called as an aggregate. */
MemoryContext RequireAggContext(FunctionCallInfo fcinfo)
{
	MemoryContext cxt = nullptr;
	if (AggCheckCallContext(fcinfo, &cxt) == 0)
		elog(ERROR, "aggregate function called in non-aggregate context");
	return cxt;
}

bool InAggregate(FunctionCallInfo fcinfo)
{
	return AggCheckCallContext(fcinfo, nullptr) != 0;
}

/* ---- running sums ---- */

/* An exact sum kept flat in the aggregate's memory (a Decimal's fields,
 * the limbs palloc'd). */
struct SumAccum
{
	bool negative;
	int32 scale;
	int32 dscale;
	int32 nlimbs;
	uint32 *limbs;
};

Decimal AccumValue(const SumAccum &acc)
{
	Decimal d;
	d.negative = acc.negative;
	d.scale = acc.scale;
	d.dscale = acc.dscale;
	d.mag.limbs.assign(acc.limbs, acc.limbs + acc.nlimbs);
	return d;
}

void AccumStore(SumAccum *acc, const Decimal &d, MemoryContext cxt)
{
	if (acc->limbs != nullptr)
		pfree(acc->limbs);
	acc->limbs = nullptr;
	acc->nlimbs = static_cast<int32>(d.mag.limbs.size());
	if (acc->nlimbs > 0)
	{
		acc->limbs = static_cast<uint32 *>(MemoryContextAlloc(cxt, acc->nlimbs * sizeof(uint32)));
		memcpy(acc->limbs, d.mag.limbs.data(), acc->nlimbs * sizeof(uint32));
	}
	acc->negative = d.negative;
	acc->scale = d.scale;
	acc->dscale = d.dscale;
}

/* Add x; the sum's dscale is the largest of the values added. */
void AccumAdd(SumAccum *acc, const Decimal &x, MemoryContext cxt)
{
	AccumStore(acc, num::Add(AccumValue(*acc), x), cxt);
}

void AccumReset(SumAccum *acc)
{
	if (acc->limbs != nullptr)
		pfree(acc->limbs);
	memset(acc, 0, sizeof(*acc));
}

/* ---- NumericAggState ---- */

struct NumericAggState
{
	bool calc_sum_x2;		   /* keep the sum of squares */
	MemoryContext agg_context; /* where the state and its sums live */
	int64 n;				   /* finite values */
	SumAccum sum_x;
	SumAccum sum_x2;
	int max_scale;		   /* the largest dscale of a finite value */
	int64 max_scale_count; /* how many had it */
	int64 nan_count;	   /* these three not counted in n */
	int64 pinf_count;
	int64 ninf_count;
};

int64 TotalCount(const NumericAggState *s)
{
	return s->n + s->nan_count + s->pinf_count + s->ninf_count;
}

NumericAggState *MakeNumericAggStateIn(MemoryContext cxt, bool calc_sum_x2)
{
	auto *state = static_cast<NumericAggState *>(
		MemoryContextAllocZero(cxt, sizeof(NumericAggState)));
	state->calc_sum_x2 = calc_sum_x2;
	state->agg_context = cxt;
	return state;
}

NumericAggState *MakeNumericAggState(FunctionCallInfo fcinfo, bool calc_sum_x2)
{
	return MakeNumericAggStateIn(RequireAggContext(fcinfo), calc_sum_x2);
}

void DoNumericAccum(NumericAggState *state, Numeric value)
{
	switch (num::KindOf(value))
	{
		case NumericKind::kNaN:
			state->nan_count++;
			return;
		case NumericKind::kPosInf:
			state->pinf_count++;
			return;
		case NumericKind::kNegInf:
			state->ninf_count++;
			return;
		case NumericKind::kFinite:
			break;
	}
	Decimal x = num::DecimalOf(value);
	/* the largest input dscale, for the inverse transition */
	if (x.dscale > state->max_scale)
	{
		state->max_scale = x.dscale;
		state->max_scale_count = 1;
	}
	else if (x.dscale == state->max_scale)
		state->max_scale_count++;
	state->n++;
	AccumAdd(&state->sum_x, x, state->agg_context);
	if (state->calc_sum_x2)
		AccumAdd(&state->sum_x2, num::Mul(x, x), state->agg_context);
}

/* Take value out of the state; false when that cannot be done exactly:
 * removing the last value of the largest dscale would leave the sum's
 * dscale unknown, so the caller must recompute from scratch. */
bool DoNumericDiscard(NumericAggState *state, Numeric value)
{
	switch (num::KindOf(value))
	{
		case NumericKind::kNaN:
			state->nan_count--;
			return true;
		case NumericKind::kPosInf:
			state->pinf_count--;
			return true;
		case NumericKind::kNegInf:
			state->ninf_count--;
			return true;
		case NumericKind::kFinite:
			break;
	}
	Decimal x = num::DecimalOf(value);
	if (x.dscale == state->max_scale)
	{
		if (state->max_scale_count > 1 || state->max_scale == 0)
			state->max_scale_count--;
		else if (state->n == 1)
		{
			state->max_scale = 0;
			state->max_scale_count = 0;
		}
		else
			return false;
	}
	if (state->n-- > 1)
	{
		Decimal x2 = num::Mul(x, x);
		x.negative = !x.negative && !num::IsZero(x);
		AccumAdd(&state->sum_x, x, state->agg_context);
		if (state->calc_sum_x2)
		{
			x2.negative = !num::IsZero(x2);
			AccumAdd(&state->sum_x2, x2, state->agg_context);
		}
	}
	else
	{
		AccumReset(&state->sum_x);
		if (state->calc_sum_x2)
			AccumReset(&state->sum_x2);
	}
	return true;
}

NumericAggState *NumericStateArg(FunctionCallInfo fcinfo, int n)
{
	return PG_ARGISNULL(n) ? nullptr : reinterpret_cast<NumericAggState *>(PG_GETARG_POINTER(n));
}

/* state1 + state2 (combine), state1 created in the aggregate context when
 * null. */
NumericAggState *CombineNumeric(FunctionCallInfo fcinfo, bool calc_sum_x2)
{
	MemoryContext cxt = RequireAggContext(fcinfo);
	NumericAggState *state1 = NumericStateArg(fcinfo, 0);
	NumericAggState *state2 = NumericStateArg(fcinfo, 1);
	if (state2 == nullptr)
		return state1;
	if (state1 == nullptr)
	{
		state1 = MakeNumericAggStateIn(cxt, calc_sum_x2);
		state1->n = state2->n;
		state1->nan_count = state2->nan_count;
		state1->pinf_count = state2->pinf_count;
		state1->ninf_count = state2->ninf_count;
		state1->max_scale = state2->max_scale;
		state1->max_scale_count = state2->max_scale_count;
		AccumStore(&state1->sum_x, AccumValue(state2->sum_x), cxt);
		AccumStore(&state1->sum_x2, AccumValue(state2->sum_x2), cxt);
		return state1;
	}
	state1->n += state2->n;
	state1->nan_count += state2->nan_count;
	state1->pinf_count += state2->pinf_count;
	state1->ninf_count += state2->ninf_count;
	if (state2->n > 0)
	{
		if (state2->max_scale > state1->max_scale)
		{
			state1->max_scale = state2->max_scale;
			state1->max_scale_count = state2->max_scale_count;
		}
		else if (state2->max_scale == state1->max_scale)
			state1->max_scale_count += state2->max_scale_count;
		AccumAdd(&state1->sum_x, AccumValue(state2->sum_x), cxt);
		AccumAdd(&state1->sum_x2, AccumValue(state2->sum_x2), cxt);
	}
	return state1;
}

/* NaN if any NaN or both infinities were summed, else the infinity, else
 * null for an ordinary sum. */
Numeric SpecialSum(const NumericAggState *state)
{
	if (state->nan_count > 0 || (state->pinf_count > 0 && state->ninf_count > 0))
		return num::MakeSpecialNumeric(NumericKind::kNaN);
	if (state->pinf_count > 0)
		return num::MakeSpecialNumeric(NumericKind::kPosInf);
	if (state->ninf_count > 0)
		return num::MakeSpecialNumeric(NumericKind::kNegInf);
	return nullptr;
}

/* Variance or standard deviation, sample or population, from n, sum and
 * sum of squares: (n sumX2 - sumX^2) / (n (n - 1)) or / n^2 at division's
 * scale, the square root at the same scale.  Null when undefined (no
 * values; one, for the sample statistics). */
Numeric StddevInternal(const NumericAggState *state, bool variance, bool sample, bool *is_null)
{
	int64 total = state == nullptr ? 0 : TotalCount(state);
	*is_null = total == 0 || (sample && total <= 1);
	if (*is_null)
		return nullptr;
	/* as for float8: any NaN or infinity makes the result NaN */
	if (state->nan_count > 0 || state->pinf_count > 0 || state->ninf_count > 0)
		return num::MakeSpecialNumeric(NumericKind::kNaN);

	Decimal n = num::DecimalFromInt128(state->n);
	Decimal sum_x = AccumValue(state->sum_x);
	Decimal sum_x2 = AccumValue(state->sum_x2);
	Decimal numerator = num::Sub(num::Mul(n, sum_x2), num::Mul(sum_x, sum_x));
	numerator.dscale = 2 * sum_x.dscale;
	if (numerator.negative || num::IsZero(numerator))
		return num::MakeNumeric(num::DecimalFromInt128(0)); /* (rounding can go below zero) */
	Decimal denominator = num::Mul(n,
								   sample ? num::DecimalFromInt128(state->n - 1)
										  : num::DecimalFromInt128(state->n));
	int rscale = num::SelectDivScale(numerator, denominator);
	Decimal result = num::Div(numerator, denominator, rscale, true);
	if (!variance)
		result = num::Sqrt(result, rscale);
	return num::MakeNumeric(result);
}

/* ---- Int128AggState ---- */

struct Int128AggState
{
	bool calc_sum_x2;
	int64 n;
	Int128 sum_x;
	Int128 sum_x2;
};

Int128AggState *MakeInt128AggStateIn(MemoryContext cxt, bool calc_sum_x2)
{
	auto *state = static_cast<Int128AggState *>(
		MemoryContextAllocZero(cxt, sizeof(Int128AggState)));
	state->calc_sum_x2 = calc_sum_x2;
	return state;
}

Int128AggState *Int128StateArg(FunctionCallInfo fcinfo, int n)
{
	return PG_ARGISNULL(n) ? nullptr : reinterpret_cast<Int128AggState *>(PG_GETARG_POINTER(n));
}

/* The transition shared by int2_accum, int4_accum and int8_avg_accum. */
Datum Int128Accum(FunctionCallInfo fcinfo, bool calc_sum_x2, __int128 value, bool have_value)
{
	Int128AggState *state = Int128StateArg(fcinfo, 0);
	if (state == nullptr)
		state = MakeInt128AggStateIn(RequireAggContext(fcinfo), calc_sum_x2);
	if (have_value)
	{
		if (state->calc_sum_x2)
			state->sum_x2 += value * value;
		state->sum_x += value;
		state->n++;
	}
	PG_RETURN_POINTER(state);
}

Datum Int128Discard(FunctionCallInfo fcinfo, const char *name, __int128 value, bool have_value)
{
	Int128AggState *state = Int128StateArg(fcinfo, 0);
	if (state == nullptr)
		elog(ERROR, "%s called with NULL state", name);
	if (have_value)
	{
		if (state->calc_sum_x2)
			state->sum_x2 -= value * value;
		state->sum_x -= value;
		state->n--;
	}
	PG_RETURN_POINTER(state);
}

Int128AggState *CombineInt128(FunctionCallInfo fcinfo, bool calc_sum_x2)
{
	MemoryContext cxt = RequireAggContext(fcinfo);
	Int128AggState *state1 = Int128StateArg(fcinfo, 0);
	Int128AggState *state2 = Int128StateArg(fcinfo, 1);
	if (state2 == nullptr)
		return state1;
	if (state1 == nullptr)
	{
		state1 = MakeInt128AggStateIn(cxt, calc_sum_x2);
		state1->n = state2->n;
		state1->sum_x = state2->sum_x;
		state1->sum_x2 = state2->sum_x2;
		return state1;
	}
	if (state2->n > 0)
	{
		state1->n += state2->n;
		state1->sum_x += state2->sum_x;
		state1->sum_x2 += state2->sum_x2;
	}
	return state1;
}

Numeric Int128StddevInternal(const Int128AggState *state, bool variance, bool sample, bool *is_null)
{
	NumericAggState numstate;
	memset(&numstate, 0, sizeof(numstate));
	if (state != nullptr)
	{
		MemoryContext cxt = CurrentMemoryContext;
		numstate.n = state->n;
		AccumStore(&numstate.sum_x, num::DecimalFromInt128(state->sum_x), cxt);
		AccumStore(&numstate.sum_x2, num::DecimalFromInt128(state->sum_x2), cxt);
	}
	return StddevInternal(&numstate, variance, sample, is_null);
}

/* ---- serialization: a byte string of big-endian fields ---- */

class StateWriter
{
  public:
	void Int64(int64 v)
	{
		for (int shift = 56; shift >= 0; shift -= 8)
			bytes_.push_back(static_cast<char>((static_cast<uint64>(v) >> shift) & 0xff));
	}
	void Int128Value(__int128 v)
	{
		Int64(static_cast<int64>(v >> 64));
		Int64(static_cast<int64>(static_cast<uint64>(v)));
	}
	void Sum(const SumAccum &acc)
	{
		Int64(acc.negative ? 1 : 0);
		Int64(acc.scale);
		Int64(acc.dscale);
		Int64(acc.nlimbs);
		for (int i = 0; i < acc.nlimbs; i++)
			Int64(acc.limbs[i]);
	}
	bytea *Finish() const
	{
		auto *result = static_cast<bytea *>(palloc(VARHDRSZ + bytes_.size()));
		SET_VARSIZE(result, VARHDRSZ + bytes_.size());
		memcpy(VARDATA(result), bytes_.data(), bytes_.size());
		return result;
	}

  private:
	std::string bytes_;
};

class StateReader
{
  public:
	explicit StateReader(const bytea *b)
		: data_(reinterpret_cast<const unsigned char *>(VARDATA_ANY(b))), len_(VARSIZE_ANY_EXHDR(b))
	{}
	int64 Int64()
	{
		if (len_ - pos_ < 8)
			elog(ERROR, "insufficient data left in message");
		uint64 v = 0;
		for (int i = 0; i < 8; i++)
			v = (v << 8) | data_[pos_++];
		return static_cast<int64>(v);
	}
	__int128 Int128Value()
	{
		__int128 high = Int64();
		uint64 low = static_cast<uint64>(Int64());
		return static_cast<__int128>((static_cast<unsigned __int128>(high) << 64) | low);
	}
	void Sum(SumAccum *acc, MemoryContext cxt)
	{
		Decimal d;
		d.negative = Int64() != 0;
		d.scale = static_cast<int>(Int64());
		d.dscale = static_cast<int>(Int64());
		int64 nlimbs = Int64();
		if (nlimbs < 0 || nlimbs > static_cast<int64>(len_ / 8))
			elog(ERROR, "invalid aggregate state");
		for (int64 i = 0; i < nlimbs; i++)
		{
			int64 limb = Int64();
			if (limb < 0 || limb >= num::kNbase)
				elog(ERROR, "invalid aggregate state");
			d.mag.limbs.push_back(static_cast<uint32>(limb));
		}
		AccumStore(acc, d, cxt);
	}
	void End() const
	{
		if (pos_ != len_)
			elog(ERROR, "incorrect binary data format");
	}

  private:
	const unsigned char *data_;
	size_t len_;
	size_t pos_ = 0;
};

void WriteNumericState(StateWriter *w, const NumericAggState *state, bool with_sum_x2)
{
	w->Int64(state->n);
	w->Sum(state->sum_x);
	if (with_sum_x2)
		w->Sum(state->sum_x2);
	w->Int64(state->max_scale);
	w->Int64(state->max_scale_count);
	w->Int64(state->nan_count);
	w->Int64(state->pinf_count);
	w->Int64(state->ninf_count);
}

NumericAggState *ReadNumericState(const bytea *b, bool with_sum_x2)
{
	NumericAggState *state = MakeNumericAggStateIn(CurrentMemoryContext, false);
	StateReader r(b);
	state->n = r.Int64();
	r.Sum(&state->sum_x, CurrentMemoryContext);
	if (with_sum_x2)
		r.Sum(&state->sum_x2, CurrentMemoryContext);
	state->max_scale = static_cast<int>(r.Int64());
	state->max_scale_count = r.Int64();
	state->nan_count = r.Int64();
	state->pinf_count = r.Int64();
	state->ninf_count = r.Int64();
	r.End();
	return state;
}

/* ---- the {count, sum} bigint arrays ---- */

struct Int8TransTypeData
{
	int64 count;
	int64 sum;
};

/* The array's {count, sum}; ERROR unless it is a 2-element int8 array. */
Int8TransTypeData *TransData(ArrayType *transarray)
{
	if (ARR_HASNULL(transarray) ||
		ARR_SIZE(transarray) != ARR_OVERHEAD_NONULLS(1) + sizeof(Int8TransTypeData))
		elog(ERROR, "expected 2-element int8 array");
	return reinterpret_cast<Int8TransTypeData *>(ARR_DATA_PTR(transarray));
}

/* Add value to (or, with sign -1, take it from) the array: in place when
 * called as an aggregate, which owns the state, else on a copy. */
Datum AvgArrayStep(FunctionCallInfo fcinfo, int64 value, int sign)
{
	ArrayType *transarray = InAggregate(fcinfo) ? PG_GETARG_ARRAYTYPE_P(0)
												: PG_GETARG_ARRAYTYPE_P_COPY(0);
	Int8TransTypeData *data = TransData(transarray);
	data->count += sign;
	data->sum = static_cast<int64>(static_cast<uint64>(data->sum) +
								   static_cast<uint64>(sign > 0 ? value : -value));
	PG_RETURN_ARRAYTYPE_P(transarray);
}

/* sum(smallint) and sum(integer): a bigint, null until the first value
 * (these are not strict). */
Datum IntSum(FunctionCallInfo fcinfo, int64 value)
{
	if (PG_ARGISNULL(0))
	{
		if (PG_ARGISNULL(1))
			PG_RETURN_NULL();
		PG_RETURN_INT64(value);
	}
	int64 oldsum = PG_GETARG_INT64(0);
	if (PG_ARGISNULL(1))
		PG_RETURN_INT64(oldsum);
	/* wraps on overflow, as PostgreSQL's does */
	PG_RETURN_INT64(static_cast<int64>(static_cast<uint64>(oldsum) + static_cast<uint64>(value)));
}

Datum NumericFinal(FunctionCallInfo fcinfo, Numeric res, bool is_null)
{
	if (is_null)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(res);
}

}  // namespace

/* ---- numeric input ---- */

Datum numeric_accum(PG_FUNCTION_ARGS)
{
	NumericAggState *state = NumericStateArg(fcinfo, 0);
	if (state == nullptr)
		state = MakeNumericAggState(fcinfo, true);
	if (!PG_ARGISNULL(1))
		DoNumericAccum(state, PG_GETARG_NUMERIC(1));
	PG_RETURN_POINTER(state);
}

Datum numeric_avg_accum(PG_FUNCTION_ARGS)
{
	NumericAggState *state = NumericStateArg(fcinfo, 0);
	if (state == nullptr)
		state = MakeNumericAggState(fcinfo, false);
	if (!PG_ARGISNULL(1))
		DoNumericAccum(state, PG_GETARG_NUMERIC(1));
	PG_RETURN_POINTER(state);
}

Datum numeric_combine(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(CombineNumeric(fcinfo, true));
}

Datum numeric_avg_combine(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(CombineNumeric(fcinfo, false));
}

Datum numeric_accum_inv(PG_FUNCTION_ARGS)
{
	NumericAggState *state = NumericStateArg(fcinfo, 0);
	if (state == nullptr)
		elog(ERROR, "numeric_accum_inv called with NULL state");
	if (!PG_ARGISNULL(1) && !DoNumericDiscard(state, PG_GETARG_NUMERIC(1)))
		PG_RETURN_NULL(); /* the aggregate must be recomputed */
	PG_RETURN_POINTER(state);
}

Datum numeric_avg_serialize(PG_FUNCTION_ARGS)
{
	RequireAggContext(fcinfo);
	StateWriter w;
	WriteNumericState(&w, reinterpret_cast<NumericAggState *>(PG_GETARG_POINTER(0)), false);
	PG_RETURN_BYTEA_P(w.Finish());
}

Datum numeric_avg_deserialize(PG_FUNCTION_ARGS)
{
	RequireAggContext(fcinfo);
	PG_RETURN_POINTER(ReadNumericState(PG_GETARG_BYTEA_PP(0), false));
}

Datum numeric_serialize(PG_FUNCTION_ARGS)
{
	RequireAggContext(fcinfo);
	StateWriter w;
	WriteNumericState(&w, reinterpret_cast<NumericAggState *>(PG_GETARG_POINTER(0)), true);
	PG_RETURN_BYTEA_P(w.Finish());
}

Datum numeric_deserialize(PG_FUNCTION_ARGS)
{
	RequireAggContext(fcinfo);
	NumericAggState *state = ReadNumericState(PG_GETARG_BYTEA_PP(0), true);
	state->calc_sum_x2 = true;
	PG_RETURN_POINTER(state);
}

Datum numeric_sum(PG_FUNCTION_ARGS)
{
	NumericAggState *state = NumericStateArg(fcinfo, 0);
	if (state == nullptr || TotalCount(state) == 0)
		PG_RETURN_NULL();
	if (Numeric special = SpecialSum(state))
		PG_RETURN_NUMERIC(special);
	PG_RETURN_NUMERIC(num::MakeNumeric(AccumValue(state->sum_x)));
}

Datum numeric_avg(PG_FUNCTION_ARGS)
{
	NumericAggState *state = NumericStateArg(fcinfo, 0);
	if (state == nullptr || TotalCount(state) == 0)
		PG_RETURN_NULL();
	if (Numeric special = SpecialSum(state))
		PG_RETURN_NUMERIC(special);
	Datum sum = NumericGetDatum(num::MakeNumeric(AccumValue(state->sum_x)));
	PG_RETURN_DATUM(
		DirectFunctionCall2(numeric_div, sum, NumericGetDatum(int64_to_numeric(state->n))));
}

Datum numeric_var_samp(PG_FUNCTION_ARGS)
{
	bool is_null;
	Numeric res = StddevInternal(NumericStateArg(fcinfo, 0), true, true, &is_null);
	return NumericFinal(fcinfo, res, is_null);
}

Datum numeric_stddev_samp(PG_FUNCTION_ARGS)
{
	bool is_null;
	Numeric res = StddevInternal(NumericStateArg(fcinfo, 0), false, true, &is_null);
	return NumericFinal(fcinfo, res, is_null);
}

Datum numeric_var_pop(PG_FUNCTION_ARGS)
{
	bool is_null;
	Numeric res = StddevInternal(NumericStateArg(fcinfo, 0), true, false, &is_null);
	return NumericFinal(fcinfo, res, is_null);
}

Datum numeric_stddev_pop(PG_FUNCTION_ARGS)
{
	bool is_null;
	Numeric res = StddevInternal(NumericStateArg(fcinfo, 0), false, false, &is_null);
	return NumericFinal(fcinfo, res, is_null);
}

/* ---- integer input ---- */

Datum int2_accum(PG_FUNCTION_ARGS)
{
	bool have = !PG_ARGISNULL(1);
	return Int128Accum(fcinfo, true, have ? PG_GETARG_INT16(1) : 0, have);
}

Datum int4_accum(PG_FUNCTION_ARGS)
{
	bool have = !PG_ARGISNULL(1);
	return Int128Accum(fcinfo, true, have ? PG_GETARG_INT32(1) : 0, have);
}

/* bigint squares may overflow 128 bits: a numeric state */
Datum int8_accum(PG_FUNCTION_ARGS)
{
	NumericAggState *state = NumericStateArg(fcinfo, 0);
	if (state == nullptr)
		state = MakeNumericAggState(fcinfo, true);
	if (!PG_ARGISNULL(1))
		DoNumericAccum(state, int64_to_numeric(PG_GETARG_INT64(1)));
	PG_RETURN_POINTER(state);
}

Datum int8_avg_accum(PG_FUNCTION_ARGS)
{
	bool have = !PG_ARGISNULL(1);
	return Int128Accum(fcinfo, false, have ? PG_GETARG_INT64(1) : 0, have);
}

Datum int2_accum_inv(PG_FUNCTION_ARGS)
{
	bool have = !PG_ARGISNULL(1);
	return Int128Discard(fcinfo, "int2_accum_inv", have ? PG_GETARG_INT16(1) : 0, have);
}

Datum int4_accum_inv(PG_FUNCTION_ARGS)
{
	bool have = !PG_ARGISNULL(1);
	return Int128Discard(fcinfo, "int4_accum_inv", have ? PG_GETARG_INT32(1) : 0, have);
}

Datum int8_avg_accum_inv(PG_FUNCTION_ARGS)
{
	bool have = !PG_ARGISNULL(1);
	return Int128Discard(fcinfo, "int8_avg_accum_inv", have ? PG_GETARG_INT64(1) : 0, have);
}

Datum int8_accum_inv(PG_FUNCTION_ARGS)
{
	NumericAggState *state = NumericStateArg(fcinfo, 0);
	if (state == nullptr)
		elog(ERROR, "int8_accum_inv called with NULL state");
	/* every input has dscale 0, so this cannot fail */
	if (!PG_ARGISNULL(1) && !DoNumericDiscard(state, int64_to_numeric(PG_GETARG_INT64(1))))
		elog(ERROR, "do_numeric_discard failed unexpectedly");
	PG_RETURN_POINTER(state);
}

Datum numeric_poly_combine(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(CombineInt128(fcinfo, true));
}

Datum int8_avg_combine(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(CombineInt128(fcinfo, false));
}

Datum numeric_poly_serialize(PG_FUNCTION_ARGS)
{
	RequireAggContext(fcinfo);
	auto *state = reinterpret_cast<Int128AggState *>(PG_GETARG_POINTER(0));
	StateWriter w;
	w.Int64(state->n);
	w.Int128Value(state->sum_x);
	w.Int128Value(state->sum_x2);
	PG_RETURN_BYTEA_P(w.Finish());
}

Datum numeric_poly_deserialize(PG_FUNCTION_ARGS)
{
	RequireAggContext(fcinfo);
	Int128AggState *state = MakeInt128AggStateIn(CurrentMemoryContext, true);
	StateReader r(PG_GETARG_BYTEA_PP(0));
	state->n = r.Int64();
	state->sum_x = r.Int128Value();
	state->sum_x2 = r.Int128Value();
	r.End();
	PG_RETURN_POINTER(state);
}

Datum int8_avg_serialize(PG_FUNCTION_ARGS)
{
	RequireAggContext(fcinfo);
	auto *state = reinterpret_cast<Int128AggState *>(PG_GETARG_POINTER(0));
	StateWriter w;
	w.Int64(state->n);
	w.Int128Value(state->sum_x);
	PG_RETURN_BYTEA_P(w.Finish());
}

Datum int8_avg_deserialize(PG_FUNCTION_ARGS)
{
	RequireAggContext(fcinfo);
	Int128AggState *state = MakeInt128AggStateIn(CurrentMemoryContext, false);
	StateReader r(PG_GETARG_BYTEA_PP(0));
	state->n = r.Int64();
	state->sum_x = r.Int128Value();
	r.End();
	PG_RETURN_POINTER(state);
}

Datum numeric_poly_sum(PG_FUNCTION_ARGS)
{
	Int128AggState *state = Int128StateArg(fcinfo, 0);
	if (state == nullptr || state->n == 0)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(num::MakeNumeric(num::DecimalFromInt128(state->sum_x)));
}

Datum numeric_poly_avg(PG_FUNCTION_ARGS)
{
	Int128AggState *state = Int128StateArg(fcinfo, 0);
	if (state == nullptr || state->n == 0)
		PG_RETURN_NULL();
	Datum sum = NumericGetDatum(num::MakeNumeric(num::DecimalFromInt128(state->sum_x)));
	PG_RETURN_DATUM(
		DirectFunctionCall2(numeric_div, sum, NumericGetDatum(int64_to_numeric(state->n))));
}

Datum numeric_poly_var_samp(PG_FUNCTION_ARGS)
{
	bool is_null;
	Numeric res = Int128StddevInternal(Int128StateArg(fcinfo, 0), true, true, &is_null);
	return NumericFinal(fcinfo, res, is_null);
}

Datum numeric_poly_stddev_samp(PG_FUNCTION_ARGS)
{
	bool is_null;
	Numeric res = Int128StddevInternal(Int128StateArg(fcinfo, 0), false, true, &is_null);
	return NumericFinal(fcinfo, res, is_null);
}

Datum numeric_poly_var_pop(PG_FUNCTION_ARGS)
{
	bool is_null;
	Numeric res = Int128StddevInternal(Int128StateArg(fcinfo, 0), true, false, &is_null);
	return NumericFinal(fcinfo, res, is_null);
}

Datum numeric_poly_stddev_pop(PG_FUNCTION_ARGS)
{
	bool is_null;
	Numeric res = Int128StddevInternal(Int128StateArg(fcinfo, 0), false, false, &is_null);
	return NumericFinal(fcinfo, res, is_null);
}

/* ---- sums of smallint, integer and (obsolete) bigint ---- */

Datum int2_sum(PG_FUNCTION_ARGS)
{
	return IntSum(fcinfo, PG_ARGISNULL(1) ? 0 : PG_GETARG_INT16(1));
}

Datum int4_sum(PG_FUNCTION_ARGS)
{
	return IntSum(fcinfo, PG_ARGISNULL(1) ? 0 : PG_GETARG_INT32(1));
}

/* Not used by sum(bigint) any more, kept as PostgreSQL keeps it. */
Datum int8_sum(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
	{
		if (PG_ARGISNULL(1))
			PG_RETURN_NULL();
		PG_RETURN_NUMERIC(int64_to_numeric(PG_GETARG_INT64(1)));
	}
	Numeric oldsum = PG_GETARG_NUMERIC(0);
	if (PG_ARGISNULL(1))
		PG_RETURN_NUMERIC(oldsum);
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_add, NumericGetDatum(oldsum),
										NumericGetDatum(int64_to_numeric(PG_GETARG_INT64(1)))));
}

/* ---- avg(smallint), avg(integer): {count, sum} arrays ---- */

Datum int2_avg_accum(PG_FUNCTION_ARGS)
{
	return AvgArrayStep(fcinfo, PG_GETARG_INT16(1), 1);
}

Datum int4_avg_accum(PG_FUNCTION_ARGS)
{
	return AvgArrayStep(fcinfo, PG_GETARG_INT32(1), 1);
}

Datum int2_avg_accum_inv(PG_FUNCTION_ARGS)
{
	return AvgArrayStep(fcinfo, PG_GETARG_INT16(1), -1);
}

Datum int4_avg_accum_inv(PG_FUNCTION_ARGS)
{
	return AvgArrayStep(fcinfo, PG_GETARG_INT32(1), -1);
}

Datum int4_avg_combine(PG_FUNCTION_ARGS)
{
	RequireAggContext(fcinfo);
	ArrayType *transarray1 = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType *transarray2 = PG_GETARG_ARRAYTYPE_P(1);
	Int8TransTypeData *state1 = TransData(transarray1);
	Int8TransTypeData *state2 = TransData(transarray2);
	state1->count += state2->count;
	state1->sum += state2->sum;
	PG_RETURN_ARRAYTYPE_P(transarray1);
}

Datum int8_avg(PG_FUNCTION_ARGS)
{
	Int8TransTypeData *data = TransData(PG_GETARG_ARRAYTYPE_P(0));
	if (data->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_div, NumericGetDatum(int64_to_numeric(data->sum)),
										NumericGetDatum(int64_to_numeric(data->count))));
}

Datum int2int4_sum(PG_FUNCTION_ARGS)
{
	Int8TransTypeData *data = TransData(PG_GETARG_ARRAYTYPE_P(0));
	if (data->count == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT64(data->sum);
}
