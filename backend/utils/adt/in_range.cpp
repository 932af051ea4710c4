/*
 * in_range.cpp — the in_range support functions of the btree operator
 * families (pg_amproc number 3), which RANGE frames with an offset use:
 * in_range(val, base, offset, sub, less) is whether val <= base ± offset
 * (less) or val >= base ± offset (!less), subtracting when sub.  As in
 * PostgreSQL, a negative (or NaN) offset is an error, and a sum beyond
 * the type's range compares as the infinitely large value it stands for
 * (integers) or is computed without overflow checks (datetimes).
 * in_range_numeric_numeric lives in numeric.cpp.
 */
#include "postgres.h"

#include <cmath>

#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

namespace {

[[noreturn]] void InvalidOffset()
{
	ereport(ERROR, errcode(ERRCODE_INVALID_PRECEDING_OR_FOLLOWING_SIZE),
			errmsg("invalid preceding or following size in window function"));
}

/* Integers: exact arithmetic in 128 bits, so no sum overflows. */
Datum InRangeInteger(int64 val, int64 base, int64 offset, bool sub, bool less)
{
	if (offset < 0)
		InvalidOffset();
	__int128 sum = sub ? static_cast<__int128>(base) - offset
					   : static_cast<__int128>(base) + offset;
	return BoolGetDatum(less ? val <= sum : val >= sum);
}

Datum InRangeFloat(float8 val, float8 base, float8 offset, bool sub, bool less)
{
	if (std::isnan(offset) || offset < 0)
		InvalidOffset();
	/* NaN sorts after everything and equals itself. */
	if (std::isnan(val))
		return BoolGetDatum(std::isnan(base) ? true : !less);
	if (std::isnan(base))
		return BoolGetDatum(less);
	/* Infinite base and offset: base ∓ offset would be NaN, but the
	 * answer is that val is within range. */
	if (std::isinf(offset) && std::isinf(base) && (sub ? base > 0 : base < 0))
		return BoolGetDatum(true);
	float8 sum = sub ? base - offset : base + offset;
	return BoolGetDatum(less ? val <= sum : val >= sum);
}

bool IntervalIsNegative(Interval *offset)
{
	Interval zero{};
	return DatumGetInt32(DirectFunctionCall2(interval_cmp, IntervalPGetDatum(offset),
											 IntervalPGetDatum(&zero))) < 0;
}

Datum InRangeTimestamp(PGFunction pl, PGFunction mi, Datum val, Datum base, Interval *offset,
					   bool sub, bool less)
{
	if (IntervalIsNegative(offset))
		InvalidOffset();
	Timestamp sum = DatumGetTimestamp(
		DirectFunctionCall2(sub ? mi : pl, base, IntervalPGetDatum(offset)));
	Timestamp v = DatumGetTimestamp(val);
	return BoolGetDatum(less ? v <= sum : v >= sum);
}

}  // namespace

Datum in_range_int8_int8(PG_FUNCTION_ARGS)
{
	return InRangeInteger(PG_GETARG_INT64(0), PG_GETARG_INT64(1), PG_GETARG_INT64(2),
						  PG_GETARG_BOOL(3), PG_GETARG_BOOL(4));
}

Datum in_range_int4_int8(PG_FUNCTION_ARGS)
{
	return InRangeInteger(PG_GETARG_INT32(0), PG_GETARG_INT32(1), PG_GETARG_INT64(2),
						  PG_GETARG_BOOL(3), PG_GETARG_BOOL(4));
}

Datum in_range_int4_int4(PG_FUNCTION_ARGS)
{
	return InRangeInteger(PG_GETARG_INT32(0), PG_GETARG_INT32(1), PG_GETARG_INT32(2),
						  PG_GETARG_BOOL(3), PG_GETARG_BOOL(4));
}

Datum in_range_int4_int2(PG_FUNCTION_ARGS)
{
	return InRangeInteger(PG_GETARG_INT32(0), PG_GETARG_INT32(1), PG_GETARG_INT16(2),
						  PG_GETARG_BOOL(3), PG_GETARG_BOOL(4));
}

Datum in_range_int2_int8(PG_FUNCTION_ARGS)
{
	return InRangeInteger(PG_GETARG_INT16(0), PG_GETARG_INT16(1), PG_GETARG_INT64(2),
						  PG_GETARG_BOOL(3), PG_GETARG_BOOL(4));
}

Datum in_range_int2_int4(PG_FUNCTION_ARGS)
{
	return InRangeInteger(PG_GETARG_INT16(0), PG_GETARG_INT16(1), PG_GETARG_INT32(2),
						  PG_GETARG_BOOL(3), PG_GETARG_BOOL(4));
}

Datum in_range_int2_int2(PG_FUNCTION_ARGS)
{
	return InRangeInteger(PG_GETARG_INT16(0), PG_GETARG_INT16(1), PG_GETARG_INT16(2),
						  PG_GETARG_BOOL(3), PG_GETARG_BOOL(4));
}

Datum in_range_float8_float8(PG_FUNCTION_ARGS)
{
	return InRangeFloat(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
						PG_GETARG_BOOL(3), PG_GETARG_BOOL(4));
}

Datum in_range_float4_float8(PG_FUNCTION_ARGS)
{
	return InRangeFloat(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1), PG_GETARG_FLOAT8(2),
						PG_GETARG_BOOL(3), PG_GETARG_BOOL(4));
}

Datum in_range_timestamp_interval(PG_FUNCTION_ARGS)
{
	return InRangeTimestamp(timestamp_pl_interval, timestamp_mi_interval, PG_GETARG_DATUM(0),
							PG_GETARG_DATUM(1), PG_GETARG_INTERVAL_P(2), PG_GETARG_BOOL(3),
							PG_GETARG_BOOL(4));
}

Datum in_range_timestamptz_interval(PG_FUNCTION_ARGS)
{
	return InRangeTimestamp(timestamptz_pl_interval, timestamptz_mi_interval, PG_GETARG_DATUM(0),
							PG_GETARG_DATUM(1), PG_GETARG_INTERVAL_P(2), PG_GETARG_BOOL(3),
							PG_GETARG_BOOL(4));
}

/* Dates compare as the timestamps of their midnights. */
Datum in_range_date_interval(PG_FUNCTION_ARGS)
{
	Datum val = DirectFunctionCall1(date_timestamp, PG_GETARG_DATUM(0));
	Datum base = DirectFunctionCall1(date_timestamp, PG_GETARG_DATUM(1));
	return InRangeTimestamp(timestamp_pl_interval, timestamp_mi_interval, val, base,
							PG_GETARG_INTERVAL_P(2), PG_GETARG_BOOL(3), PG_GETARG_BOOL(4));
}

Datum in_range_interval_interval(PG_FUNCTION_ARGS)
{
	Interval *offset = PG_GETARG_INTERVAL_P(2);
	bool sub = PG_GETARG_BOOL(3);
	bool less = PG_GETARG_BOOL(4);
	if (IntervalIsNegative(offset))
		InvalidOffset();
	Datum sum = DirectFunctionCall2(sub ? interval_mi : interval_pl, PG_GETARG_DATUM(1),
									IntervalPGetDatum(offset));
	int32 cmp = DatumGetInt32(DirectFunctionCall2(interval_cmp, PG_GETARG_DATUM(0), sum));
	return BoolGetDatum(less ? cmp <= 0 : cmp >= 0);
}

/* Times: only the offset's time part counts (as time_pl_interval), and
 * the sum does not wrap around midnight. */
Datum in_range_time_interval(PG_FUNCTION_ARGS)
{
	TimeADT val = PG_GETARG_TIMEADT(0);
	TimeADT base = PG_GETARG_TIMEADT(1);
	Interval *offset = PG_GETARG_INTERVAL_P(2);
	bool sub = PG_GETARG_BOOL(3);
	bool less = PG_GETARG_BOOL(4);
	if (offset->time < 0)
		InvalidOffset();
	TimeADT sum = sub ? base - offset->time : base + offset->time;
	return BoolGetDatum(less ? val <= sum : val >= sum);
}

Datum in_range_timetz_interval(PG_FUNCTION_ARGS)
{
	TimeTzADT *base = PG_GETARG_TIMETZADT_P(1);
	Interval *offset = PG_GETARG_INTERVAL_P(2);
	bool sub = PG_GETARG_BOOL(3);
	bool less = PG_GETARG_BOOL(4);
	if (offset->time < 0)
		InvalidOffset();
	auto *sum = static_cast<TimeTzADT *>(palloc(sizeof(TimeTzADT)));
	sum->time = sub ? base->time - offset->time : base->time + offset->time;
	sum->zone = base->zone;
	int32 cmp = DatumGetInt32(
		DirectFunctionCall2(timetz_cmp, PG_GETARG_DATUM(0), PointerGetDatum(sum)));
	return BoolGetDatum(less ? cmp <= 0 : cmp >= 0);
}
