/*
 * datetime_binary.cpp — the date/time types' binary wire forms (their
 * typsend/typreceive) and hash support functions, with PostgreSQL's
 * formats and values.
 *
 * Binary forms (big-endian): date an int32 of days since 2000-01-01;
 * time and timestamp[tz] an int64 of microseconds; timetz that and an
 * int32 zone (seconds west of UTC); interval an int64 of microseconds,
 * an int32 of days and an int32 of months.  A received value is range
 * checked and rounded to the column's precision as input would be.
 *
 * Hashes: date, time and timestamp hash as the integer they are (hashint4
 * and hashint8), so they agree with integer hashing; timetz mixes the
 * zone in; interval hashes its comparison value (months as 30 days, days
 * as 24 hours), so intervals that compare equal hash alike.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

namespace {

/* PostgreSQL's limit of a time zone displacement: 16 hours, exclusive. */
constexpr int32 kTzDispLimit = 16 * 60 * 60;

StringInfo ArgBuffer(FunctionCallInfo fcinfo)
{
	return reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
}

int32 TypmodArg(FunctionCallInfo fcinfo)
{
	return PG_NARGS() > 2 ? PG_GETARG_INT32(2) : -1;
}

void CheckTime(TimeADT t)
{
	if (t < 0 || t > USECS_PER_DAY)
		ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT), errmsg("time out of range"));
}

Timestamp ReceiveTimestamp(FunctionCallInfo fcinfo)
{
	Timestamp t = pq_getmsgint64(ArgBuffer(fcinfo));
	if (!TIMESTAMP_NOT_FINITE(t) && !IS_VALID_TIMESTAMP(t))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("timestamp out of range"));
	if (!AdjustTimestampForTypmod(&t, TypmodArg(fcinfo)))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("timestamp out of range"));
	return t;
}

Datum SendInt64(int64 v)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint64(&buf, static_cast<uint64>(v));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* An interval's comparison value, as interval_cmp orders them. */
__int128 IntervalSpan(const Interval *iv)
{
	__int128 days = static_cast<__int128>(iv->month) * 30 + iv->day;
	return days * USECS_PER_DAY + iv->time;
}

/* An int64's hash and extended hash: hashint8's, so values equal as
 * integers hash alike. */
uint32 HashInt64(int64 v)
{
	return DatumGetUInt32(DirectFunctionCall1(hashint8, Int64GetDatum(v)));
}

uint64 HashInt64Extended(int64 v, uint64 seed)
{
	return DatumGetUInt64(DirectFunctionCall2(hashint8extended, Int64GetDatum(v),
											  Int64GetDatum(static_cast<int64>(seed))));
}

}  // namespace

Datum date_recv(PG_FUNCTION_ARGS)
{
	DateADT d = static_cast<DateADT>(pq_getmsgint(ArgBuffer(fcinfo), 4));
	if (!DATE_NOT_FINITE(d) && !IS_VALID_DATE(d))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE), errmsg("date out of range"));
	PG_RETURN_DATEADT(d);
}

Datum date_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint32(&buf, static_cast<uint32>(PG_GETARG_DATEADT(0)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum time_recv(PG_FUNCTION_ARGS)
{
	TimeADT t = pq_getmsgint64(ArgBuffer(fcinfo));
	CheckTime(t);
	AdjustTimeForTypmod(&t, TypmodArg(fcinfo));
	PG_RETURN_TIMEADT(t);
}

Datum time_send(PG_FUNCTION_ARGS)
{
	return SendInt64(PG_GETARG_TIMEADT(0));
}

Datum timetz_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = ArgBuffer(fcinfo);
	auto *r = static_cast<TimeTzADT *>(palloc(sizeof(TimeTzADT)));
	r->time = pq_getmsgint64(buf);
	CheckTime(r->time);
	r->zone = static_cast<int32>(pq_getmsgint(buf, 4));
	if (r->zone <= -kTzDispLimit || r->zone >= kTzDispLimit)
		ereport(ERROR, errcode(ERRCODE_INVALID_TIME_ZONE_DISPLACEMENT_VALUE),
				errmsg("time zone displacement out of range"));
	AdjustTimeForTypmod(&r->time, TypmodArg(fcinfo));
	PG_RETURN_TIMETZADT_P(r);
}

Datum timetz_send(PG_FUNCTION_ARGS)
{
	TimeTzADT *t = PG_GETARG_TIMETZADT_P(0);
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint64(&buf, static_cast<uint64>(t->time));
	pq_sendint32(&buf, static_cast<uint32>(t->zone));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum timestamp_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMP(ReceiveTimestamp(fcinfo));
}

Datum timestamp_send(PG_FUNCTION_ARGS)
{
	return SendInt64(PG_GETARG_TIMESTAMP(0));
}

Datum timestamptz_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(ReceiveTimestamp(fcinfo));
}

Datum timestamptz_send(PG_FUNCTION_ARGS)
{
	return SendInt64(PG_GETARG_TIMESTAMPTZ(0));
}

Datum interval_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = ArgBuffer(fcinfo);
	auto *iv = static_cast<Interval *>(palloc(sizeof(Interval)));
	iv->time = pq_getmsgint64(buf);
	iv->day = static_cast<int32>(pq_getmsgint(buf, 4));
	iv->month = static_cast<int32>(pq_getmsgint(buf, 4));
	AdjustIntervalForTypmod(iv, TypmodArg(fcinfo));
	PG_RETURN_INTERVAL_P(iv);
}

Datum interval_send(PG_FUNCTION_ARGS)
{
	Interval *iv = PG_GETARG_INTERVAL_P(0);
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendint64(&buf, static_cast<uint64>(iv->time));
	pq_sendint32(&buf, static_cast<uint32>(iv->day));
	pq_sendint32(&buf, static_cast<uint32>(iv->month));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum time_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32(HashInt64(PG_GETARG_TIMEADT(0)));
}

Datum time_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT64(
		HashInt64Extended(PG_GETARG_TIMEADT(0), static_cast<uint64>(PG_GETARG_INT64(1))));
}

Datum timestamp_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32(HashInt64(PG_GETARG_TIMESTAMP(0)));
}

Datum timestamp_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT64(
		HashInt64Extended(PG_GETARG_TIMESTAMP(0), static_cast<uint64>(PG_GETARG_INT64(1))));
}

Datum timetz_hash(PG_FUNCTION_ARGS)
{
	TimeTzADT *t = PG_GETARG_TIMETZADT_P(0);
	uint32 h = HashInt64(t->time);
	h ^= hash_bytes_uint32(static_cast<uint32>(t->zone));
	PG_RETURN_UINT32(h);
}

Datum timetz_hash_extended(PG_FUNCTION_ARGS)
{
	TimeTzADT *t = PG_GETARG_TIMETZADT_P(0);
	uint64 seed = static_cast<uint64>(PG_GETARG_INT64(1));
	uint64 h = HashInt64Extended(t->time, seed);
	h ^= hash_bytes_uint32_extended(static_cast<uint32>(t->zone), seed);
	PG_RETURN_UINT64(h);
}

Datum interval_hash(PG_FUNCTION_ARGS)
{
	/* The comparison value, cut to 64 bits as PostgreSQL cuts it. */
	PG_RETURN_UINT32(HashInt64(static_cast<int64>(IntervalSpan(PG_GETARG_INTERVAL_P(0)))));
}

Datum interval_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT64(HashInt64Extended(static_cast<int64>(IntervalSpan(PG_GETARG_INTERVAL_P(0))),
									   static_cast<uint64>(PG_GETARG_INT64(1))));
}
