/*
 * windowfuncs.cpp — the built-in window functions (PostgreSQL's
 * windowfuncs.c): row_number, rank, dense_rank, percent_rank, cume_dist,
 * ntile, lag, lead, first_value, last_value, nth_value.
 *
 * Each is called once per row of a partition, in order, by the WindowAgg
 * node, and reads what it needs through the WindowObject API
 * (windowapi.h): positions, peers, its arguments at other rows.  The
 * ranking functions keep their running rank in partition-local memory;
 * the value functions read their argument at the row the frame or the
 * offset designates.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "windowapi.h"

namespace {

/* The running rank of the ranking functions. */
struct RankContext
{
	int64 rank; /* the current peer group's rank */
};

/* Whether the current row starts a new peer group (the first row does). */
bool RankUp(WindowObject winobj)
{
	int64 curpos = WinGetCurrentPosition(winobj);
	auto *context = static_cast<RankContext *>(
		WinGetPartitionLocalMemory(winobj, sizeof(RankContext)));
	bool up = false;
	if (context->rank == 0)
	{
		/* The first call: the first row of the partition. */
		context->rank = 1;
	}
	else if (!WinRowsArePeers(winobj, curpos - 1, curpos))
		up = true;
	WinSetMarkPosition(winobj, curpos);
	return up;
}

/* lag and lead: the value offset rows before/after, or the default. */
Datum LeadLagCommon(FunctionCallInfo fcinfo, bool forward, bool withoffset, bool withdefault)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	int32 offset = 1;
	bool isnull;
	if (withoffset)
	{
		offset = DatumGetInt32(WinGetFuncArgCurrent(winobj, 1, &isnull));
		if (isnull)
			PG_RETURN_NULL();
	}
	bool isout;
	Datum result = WinGetFuncArgInPartition(winobj, 0, forward ? offset : -offset,
											WINDOW_SEEK_CURRENT, false, &isnull, &isout);
	if (isout)
	{
		if (withdefault)
			result = WinGetFuncArgCurrent(winobj, 2, &isnull);
		else
			isnull = true;
	}
	if (isnull)
		PG_RETURN_NULL();
	return result;
}

}  // namespace

Datum window_row_number(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	int64 curpos = WinGetCurrentPosition(winobj);
	WinSetMarkPosition(winobj, curpos);
	PG_RETURN_INT64(curpos + 1);
}

Datum window_rank(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	bool up = RankUp(winobj);
	auto *context = static_cast<RankContext *>(
		WinGetPartitionLocalMemory(winobj, sizeof(RankContext)));
	if (up)
		context->rank = WinGetCurrentPosition(winobj) + 1;
	PG_RETURN_INT64(context->rank);
}

Datum window_dense_rank(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	bool up = RankUp(winobj);
	auto *context = static_cast<RankContext *>(
		WinGetPartitionLocalMemory(winobj, sizeof(RankContext)));
	if (up)
		context->rank++;
	PG_RETURN_INT64(context->rank);
}

/* (rank - 1) / (rows - 1), 0 for a single row. */
Datum window_percent_rank(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	int64 totalrows = WinGetPartitionRowCount(winobj);
	bool up = RankUp(winobj);
	auto *context = static_cast<RankContext *>(
		WinGetPartitionLocalMemory(winobj, sizeof(RankContext)));
	if (up)
		context->rank = WinGetCurrentPosition(winobj) + 1;
	if (totalrows <= 1)
		PG_RETURN_FLOAT8(0.0);
	PG_RETURN_FLOAT8(static_cast<float8>(context->rank - 1) / static_cast<float8>(totalrows - 1));
}

/* The fraction of the partition's rows up to the current row's last
 * peer. */
Datum window_cume_dist(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	int64 totalrows = WinGetPartitionRowCount(winobj);
	bool up = RankUp(winobj);
	auto *context = static_cast<RankContext *>(
		WinGetPartitionLocalMemory(winobj, sizeof(RankContext)));
	int64 curpos = WinGetCurrentPosition(winobj);
	if (up || curpos == 0)
	{
		/* A new peer group: count it. */
		int64 row = curpos + 1;
		while (row < totalrows && WinRowsArePeers(winobj, curpos, row))
			row++;
		context->rank = row;
	}
	PG_RETURN_FLOAT8(static_cast<float8>(context->rank) / static_cast<float8>(totalrows));
}

/* The bucket (1..n) of the current row when the partition is split into
 * n as equal parts as possible, the first ones one row larger; n is the
 * argument's value at the partition's first row. */
Datum window_ntile(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	struct NtileContext
	{
		bool initialized;
		bool isnull;
		int32 buckets;
	};
	auto *context = static_cast<NtileContext *>(
		WinGetPartitionLocalMemory(winobj, sizeof(NtileContext)));
	if (!context->initialized)
	{
		bool isnull;
		context->buckets = DatumGetInt32(WinGetFuncArgCurrent(winobj, 0, &isnull));
		context->isnull = isnull;
		if (!isnull && context->buckets <= 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_NTILE),
					errmsg("argument of ntile must be greater than zero"));
		context->initialized = true;
	}
	if (context->isnull)
		PG_RETURN_NULL();
	int64 total = WinGetPartitionRowCount(winobj);
	int64 curpos = WinGetCurrentPosition(winobj);
	int64 per = total / context->buckets;
	int64 remainder = total % context->buckets;
	/* The first `remainder` buckets hold per + 1 rows. */
	int64 big = remainder * (per + 1);
	int64 bucket = curpos < big ? curpos / (per + 1) + 1 : remainder + (curpos - big) / per + 1;
	PG_RETURN_INT32(static_cast<int32>(bucket));
}

Datum window_lag(PG_FUNCTION_ARGS)
{
	return LeadLagCommon(fcinfo, false, false, false);
}

Datum window_lag_with_offset(PG_FUNCTION_ARGS)
{
	return LeadLagCommon(fcinfo, false, true, false);
}

Datum window_lag_with_offset_and_default(PG_FUNCTION_ARGS)
{
	return LeadLagCommon(fcinfo, false, true, true);
}

Datum window_lead(PG_FUNCTION_ARGS)
{
	return LeadLagCommon(fcinfo, true, false, false);
}

Datum window_lead_with_offset(PG_FUNCTION_ARGS)
{
	return LeadLagCommon(fcinfo, true, true, false);
}

Datum window_lead_with_offset_and_default(PG_FUNCTION_ARGS)
{
	return LeadLagCommon(fcinfo, true, true, true);
}

Datum window_first_value(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	bool isnull;
	Datum result = WinGetFuncArgInFrame(winobj, 0, 0, WINDOW_SEEK_HEAD, true, &isnull, nullptr);
	if (isnull)
		PG_RETURN_NULL();
	return result;
}

Datum window_last_value(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	bool isnull;
	Datum result = WinGetFuncArgInFrame(winobj, 0, 0, WINDOW_SEEK_TAIL, true, &isnull, nullptr);
	if (isnull)
		PG_RETURN_NULL();
	return result;
}

Datum window_nth_value(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	bool isnull;
	int32 nth = DatumGetInt32(WinGetFuncArgCurrent(winobj, 1, &isnull));
	if (isnull)
		PG_RETURN_NULL();
	if (nth <= 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_NTH_VALUE),
				errmsg("argument of nth_value must be greater than zero"));
	Datum result = WinGetFuncArgInFrame(winobj, 0, nth - 1, WINDOW_SEEK_HEAD, false, &isnull,
										nullptr);
	if (isnull)
		PG_RETURN_NULL();
	return result;
}
