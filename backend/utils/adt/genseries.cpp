/*
 * genseries.cpp — generate_series: the built-in set-returning functions
 * counting from a start to a stop value by a step, for int4, int8,
 * numeric, timestamp and timestamp with time zone (PostgreSQL 15's
 * functions, errors and end conditions).
 *
 * Each is a value-per-call function (funcapi.h): the first call checks
 * the arguments and keeps the current value, the stop and the step in the
 * multi-call memory; every call returns the current value and advances
 * it.  A set counts up while the value is <= stop for a positive step, down
 * while it is >= stop for a negative one; an integer series ends instead of
 * overflowing.
 *
 * Principal entry points: generate_series_int4, generate_series_step_int4,
 * generate_series_int8, generate_series_step_int8, generate_series_numeric,
 * generate_series_step_numeric, generate_series_timestamp,
 * generate_series_timestamptz, array_unnest, generate_subscripts(_nodir).
 */
#include "postgres.h"

#include "funcapi.h"
#include "utils/array.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

namespace {

template <typename T>
struct IntSeries
{
	T current;
	T finish;
	T step;
	bool done; /* the last step would have overflowed */
};

[[noreturn]] void StepIsZero()
{
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("step size cannot equal zero"));
}

/* One call of an integer series; step is 1 without a third argument. */
template <typename T>
Datum IntegerSeries(FunctionCallInfo fcinfo, T start, T finish, T step)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		if (step == 0)
			StepIsZero();
		funcctx = SRF_FIRSTCALL_INIT();
		auto *state = static_cast<IntSeries<T> *>(
			MemoryContextAlloc(funcctx->multi_call_memory_ctx, sizeof(IntSeries<T>)));
		state->current = start;
		state->finish = finish;
		state->step = step;
		state->done = false;
		funcctx->user_fctx = state;
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *state = static_cast<IntSeries<T> *>(funcctx->user_fctx);
	T result = state->current;
	if (!state->done &&
		((state->step > 0 && result <= state->finish) ||
		 (state->step < 0 && result >= state->finish)))
	{
		state->done = __builtin_add_overflow(state->current, state->step, &state->current);
		if constexpr (sizeof(T) == sizeof(int32))
			SRF_RETURN_NEXT(funcctx, Int32GetDatum(result));
		else
			SRF_RETURN_NEXT(funcctx, Int64GetDatum(result));
	}
	SRF_RETURN_DONE(funcctx);
}

struct NumericSeries
{
	Datum current;
	Datum finish;
	Datum step;
	bool up;
};

void RejectSpecial(Numeric value, const char *what)
{
	if (numeric_is_nan(value))
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s cannot be NaN", what));
	if (numeric_is_inf(value))
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s cannot be infinity", what));
}

Datum NumericSeriesCall(FunctionCallInfo fcinfo, bool has_step)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		Numeric start = PG_GETARG_NUMERIC(0);
		Numeric finish = PG_GETARG_NUMERIC(1);
		RejectSpecial(start, "start value");
		RejectSpecial(finish, "stop value");
		Datum step = DirectFunctionCall1(int4_numeric, Int32GetDatum(1));
		if (has_step)
		{
			Numeric s = PG_GETARG_NUMERIC(2);
			RejectSpecial(s, "step size");
			step = NumericGetDatum(s);
		}
		Datum zero = DirectFunctionCall1(int4_numeric, Int32GetDatum(0));
		int sign = DatumGetInt32(DirectFunctionCall2(numeric_cmp, step, zero));
		if (sign == 0)
			StepIsZero();
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		auto *state = static_cast<NumericSeries *>(palloc(sizeof(NumericSeries)));
		state->current = PointerGetDatum(DatumGetNumericCopy(NumericGetDatum(start)));
		state->finish = PointerGetDatum(DatumGetNumericCopy(NumericGetDatum(finish)));
		state->step = PointerGetDatum(DatumGetNumericCopy(step));
		state->up = sign > 0;
		MemoryContextSwitchTo(old);
		funcctx->user_fctx = state;
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *state = static_cast<NumericSeries *>(funcctx->user_fctx);
	int cmp = DatumGetInt32(DirectFunctionCall2(numeric_cmp, state->current, state->finish));
	if ((state->up && cmp <= 0) || (!state->up && cmp >= 0))
	{
		/* The caller gets a copy: the state's value is replaced below. */
		Datum result = PointerGetDatum(DatumGetNumericCopy(state->current));
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		Datum next = DirectFunctionCall2(numeric_add, state->current, state->step);
		MemoryContextSwitchTo(old);
		pfree(DatumGetPointer(state->current));
		state->current = next;
		SRF_RETURN_NEXT(funcctx, result);
	}
	SRF_RETURN_DONE(funcctx);
}

struct TimestampSeries
{
	Timestamp current;
	Timestamp finish;
	Interval step;
	int sign; /* of step */
};

/* timestamp and timestamptz series: plus is the type's "+ interval". */
Datum TimestampSeriesCall(FunctionCallInfo fcinfo, PGFunction plus)
{
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		Timestamp start = PG_GETARG_TIMESTAMP(0);
		Timestamp finish = PG_GETARG_TIMESTAMP(1);
		Interval *step = PG_GETARG_INTERVAL_P(2);
		Interval zero{};
		int sign = DatumGetInt32(
			DirectFunctionCall2(interval_cmp, IntervalPGetDatum(step), IntervalPGetDatum(&zero)));
		if (sign == 0)
			StepIsZero();
		funcctx = SRF_FIRSTCALL_INIT();
		auto *state = static_cast<TimestampSeries *>(
			MemoryContextAlloc(funcctx->multi_call_memory_ctx, sizeof(TimestampSeries)));
		state->current = start;
		state->finish = finish;
		state->step = *step;
		state->sign = sign;
		funcctx->user_fctx = state;
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *state = static_cast<TimestampSeries *>(funcctx->user_fctx);
	Timestamp result = state->current;
	if ((state->sign > 0 && result <= state->finish) ||
		(state->sign < 0 && result >= state->finish))
	{
		state->current = DatumGetTimestamp(
			DirectFunctionCall2(plus, TimestampGetDatum(result), IntervalPGetDatum(&state->step)));
		SRF_RETURN_NEXT(funcctx, TimestampGetDatum(result));
	}
	SRF_RETURN_DONE(funcctx);
}

}  // namespace

Datum generate_series_int4(PG_FUNCTION_ARGS)
{
	return IntegerSeries<int32>(fcinfo, PG_GETARG_INT32(0), PG_GETARG_INT32(1), 1);
}

Datum generate_series_step_int4(PG_FUNCTION_ARGS)
{
	return IntegerSeries<int32>(fcinfo, PG_GETARG_INT32(0), PG_GETARG_INT32(1), PG_GETARG_INT32(2));
}

Datum generate_series_int8(PG_FUNCTION_ARGS)
{
	return IntegerSeries<int64>(fcinfo, PG_GETARG_INT64(0), PG_GETARG_INT64(1), 1);
}

Datum generate_series_step_int8(PG_FUNCTION_ARGS)
{
	return IntegerSeries<int64>(fcinfo, PG_GETARG_INT64(0), PG_GETARG_INT64(1), PG_GETARG_INT64(2));
}

Datum generate_series_numeric(PG_FUNCTION_ARGS)
{
	return NumericSeriesCall(fcinfo, false);
}

Datum generate_series_step_numeric(PG_FUNCTION_ARGS)
{
	return NumericSeriesCall(fcinfo, true);
}

Datum generate_series_timestamp(PG_FUNCTION_ARGS)
{
	return TimestampSeriesCall(fcinfo, timestamp_pl_interval);
}

Datum generate_series_timestamptz(PG_FUNCTION_ARGS)
{
	return TimestampSeriesCall(fcinfo, timestamptz_pl_interval);
}

/* unnest(anyarray): the elements in storage order, NULLs included (a
 * multi-dimensional array's too, row by row, as PostgreSQL's). */
Datum array_unnest(PG_FUNCTION_ARGS)
{
	struct Elements
	{
		Datum *values;
		bool *nulls;
		int count;
	};
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		ArrayType *array = PG_GETARG_ARRAYTYPE_P_COPY(0);
		int16 typlen;
		bool typbyval;
		char typalign;
		get_typlenbyvalalign(ARR_ELEMTYPE(array), &typlen, &typbyval, &typalign);
		auto *elements = static_cast<Elements *>(palloc(sizeof(Elements)));
		deconstruct_array(array, ARR_ELEMTYPE(array), typlen, typbyval, typalign, &elements->values,
						  &elements->nulls, &elements->count);
		funcctx->user_fctx = elements;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *elements = static_cast<Elements *>(funcctx->user_fctx);
	if (funcctx->call_cntr >= static_cast<uint64>(elements->count))
		SRF_RETURN_DONE(funcctx);
	int i = static_cast<int>(funcctx->call_cntr);
	if (elements->nulls[i])
		SRF_RETURN_NEXT_NULL(funcctx);
	SRF_RETURN_NEXT(funcctx, elements->values[i]);
}

namespace {

/* generate_subscripts: the subscripts of dimension dim, lowest first or
 * (reverse) highest first; no rows for a dimension the array lacks. */
Datum GenerateSubscripts(FunctionCallInfo fcinfo, bool reverse)
{
	struct Range
	{
		int lower;
		int upper;
		bool reverse;
	};
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		ArrayType *array = PG_GETARG_ARRAYTYPE_P(0);
		int dim = PG_GETARG_INT32(1);
		if (ARR_NDIM(array) <= 0 || dim < 1 || dim > ARR_NDIM(array))
			SRF_RETURN_DONE(funcctx);
		auto *range = static_cast<Range *>(
			MemoryContextAlloc(funcctx->multi_call_memory_ctx, sizeof(Range)));
		range->lower = ARR_LBOUND(array)[dim - 1];
		range->upper = ARR_LBOUND(array)[dim - 1] + ARR_DIMS(array)[dim - 1] - 1;
		range->reverse = reverse;
		funcctx->user_fctx = range;
	}
	funcctx = SRF_PERCALL_SETUP();
	auto *range = static_cast<Range *>(funcctx->user_fctx);
	int64 n = static_cast<int64>(range->upper) - range->lower + 1;
	if (funcctx->call_cntr >= static_cast<uint64>(n))
		SRF_RETURN_DONE(funcctx);
	auto k = static_cast<int64>(funcctx->call_cntr);
	int value = static_cast<int>(range->reverse ? range->upper - k : range->lower + k);
	SRF_RETURN_NEXT(funcctx, Int32GetDatum(value));
}

}  // namespace

Datum generate_subscripts(PG_FUNCTION_ARGS)
{
	return GenerateSubscripts(fcinfo, PG_GETARG_BOOL(2));
}

Datum generate_subscripts_nodir(PG_FUNCTION_ARGS)
{
	return GenerateSubscripts(fcinfo, false);
}
