/*
 * timestamp.cpp — the types timestamp, timestamp with time zone and
 * interval.
 *
 * Input and output through utils/datetime.h's decoders and encoders,
 * type modifiers (timestamp(3), interval day to second(2)), comparisons
 * and btree support, arithmetic (timestamp +/- interval in the session's
 * time zone for timestamptz, timestamp - timestamp, interval * and /
 * float8), age, justify_*, date_trunc, date_part / extract, make_*,
 * to_timestamp(float8), AT TIME ZONE, the current-time functions (now()
 * and CURRENT_TIMESTAMP are the transaction's start, as in PostgreSQL)
 * and the casts between the three types.
 *
 * Principal entry points: the SQL-callable functions (utils/fmgrprotos.h);
 * timestamp2tm / tm2timestamp, GetCurrentTimestamp (utils/timestamp.h).
 */
#include "postgres.h"

#include <ctype.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#include <algorithm>
#include <tuple>

#include "access/xact.h"
#include "adt_internal.h"
#include "datetime_internal.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

using tusk::adt::Compare3;

/* ---- the current time and time_t ---- */

TimestampTz GetCurrentTimestamp(void)
{
	struct timeval tv;
	gettimeofday(&tv, nullptr);
	return (static_cast<TimestampTz>(tv.tv_sec) - POSTGRES_EPOCH_UNIX_SECONDS) * USECS_PER_SEC +
		tv.tv_usec;
}

pg_time_t timestamptz_to_time_t(TimestampTz t)
{
	return t / USECS_PER_SEC + POSTGRES_EPOCH_UNIX_SECONDS;
}

TimestampTz time_t_to_timestamptz(pg_time_t tm)
{
	return (tm - POSTGRES_EPOCH_UNIX_SECONDS) * USECS_PER_SEC;
}

const char *timestamptz_to_str_utc(TimestampTz t, char *buf, size_t len)
{
	time_t secs = static_cast<time_t>(timestamptz_to_time_t(t));
	int usecs = static_cast<int>(t % USECS_PER_SEC);
	if (usecs < 0)
	{
		usecs += USECS_PER_SEC;
		secs--;
	}
	struct tm tm;
	gmtime_r(&secs, &tm);
	char base[32];
	strftime(base, sizeof base, "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(buf, len, "%s.%06d+00", base, usecs);
	return buf;
}

bool TimestampDifferenceExceeds(TimestampTz start_time, TimestampTz stop_time, int msec)
{
	return stop_time - start_time >= static_cast<int64>(msec) * 1000;
}

long TimestampDifferenceMilliseconds(TimestampTz start_time, TimestampTz stop_time)
{
	if (stop_time <= start_time)
		return 0;
	return static_cast<long>((stop_time - start_time + 999) / 1000);
}

namespace {

[[noreturn]] void TimestampOutOfRange()
{
	ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE), errmsg("timestamp out of range"));
	pg_unreachable();
}

[[noreturn]] void IntervalOutOfRange()
{
	ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE), errmsg("interval out of range"));
	pg_unreachable();
}

int64 FloorDiv(int64 a, int64 b)
{
	int64 q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

Interval *NewInterval()
{
	return static_cast<Interval *>(palloc(sizeof(Interval)));
}

/* The session zone's offset (seconds east) at the instant t (a
 * TimestampTz). */
long OffsetAt(pg_tz *zone, TimestampTz t, int *isdst, const char **abbr)
{
	long off;
	int64 secs = FloorDiv(t, USECS_PER_SEC) + POSTGRES_EPOCH_UNIX_SECONDS;
	pg_tz_lookup_utc(zone, secs, &off, isdst, abbr);
	return off;
}

/* Rounds *time to typmod fractional digits of seconds (typmod < 0: none),
 * half away from zero, as PostgreSQL does. */
void RoundToPrecision(int64 *time, int32 typmod)
{
	static const int64 kScales[MAX_TIMESTAMP_PRECISION + 1] =
		{INT64CONST(1000000), INT64CONST(100000), INT64CONST(10000), INT64CONST(1000),
		 INT64CONST(100),	  INT64CONST(10),	  INT64CONST(1)};
	if (typmod < 0 || typmod >= MAX_TIMESTAMP_PRECISION)
		return;
	int64 scale = kScales[typmod], offset = scale / 2;
	if (*time >= 0)
		*time = ((*time + offset) / scale) * scale;
	else
		*time = -((((-*time) + offset) / scale) * scale);
}

/* The type modifier of timestamp(p) / time(p): name is "TIMESTAMP" or
 * "TIME". */
int32 PrecisionTypmodIn(ArrayType *ta, const char *name, bool istz, int max)
{
	int n;
	int32 *tl = ArrayGetIntegerTypmods(ta, &n);
	if (n != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("invalid type modifier"));
	int32 p = tl[0];
	if (p < 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s(%d)%s precision must not be negative", name, p,
					   istz ? " WITH TIME ZONE" : ""));
	if (p > max)
	{
		ereport(WARNING, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s(%d)%s precision reduced to maximum allowed, %d", name, p,
					   istz ? " WITH TIME ZONE" : "", max));
		p = max;
	}
	return p;
}

char *PrecisionTypmodOut(int32 typmod, bool istz)
{
	const char *tz = istz ? " with time zone" : " without time zone";
	if (typmod >= 0)
		return psprintf("(%d)%s", typmod, tz);
	return pstrdup(tz);
}

/* Local time (a Timestamp) in zone for the instant t. */
Timestamp ToLocal(TimestampTz t, pg_tz *zone)
{
	int isdst;
	const char *abbr;
	long off = OffsetAt(zone, t, &isdst, &abbr);
	return t + off * USECS_PER_SEC;
}

/* The instant of local time ts in zone; errors if out of range. */
TimestampTz FromLocal(Timestamp ts, pg_tz *zone)
{
	pg_tm tm;
	fsec_t fsec;
	if (timestamp2tm(ts, nullptr, &tm, &fsec, nullptr, nullptr) != 0)
		TimestampOutOfRange();
	int tz = DetermineTimeZoneOffset(&tm, zone);
	TimestampTz result;
	if (tm2timestamp(&tm, fsec, &tz, &result) != 0)
		TimestampOutOfRange();
	return result;
}

}  // namespace

bool AdjustTimestampForTypmod(Timestamp *time, int32 typmod)
{
	if (TIMESTAMP_NOT_FINITE(*time) || typmod < 0 || typmod > MAX_TIMESTAMP_PRECISION)
		return true;
	RoundToPrecision(time, typmod);
	return IS_VALID_TIMESTAMP(*time);
}

void AdjustIntervalForTypmod(Interval *interval, int32 typmod)
{
	if (typmod < 0)
		return;
	int range = INTERVAL_RANGE(typmod);
	int precision = INTERVAL_PRECISION(typmod);
	/* ranges ending in SECOND keep every time field (only the precision
	 * below applies) */
	bool keeps_seconds = range == INTERVAL_FULL_RANGE || range == INTERVAL_MASK(SECOND) ||
		range == (INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND)) ||
		range == (INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND)) ||
		range ==
			(INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE) |
			 INTERVAL_MASK(SECOND));
	if (keeps_seconds)
	{
		/* nothing to drop */
	}
	else if (range == INTERVAL_MASK(YEAR))
	{
		interval->month = (interval->month / MONTHS_PER_YEAR) * MONTHS_PER_YEAR;
		interval->day = 0;
		interval->time = 0;
	}
	else if (range == INTERVAL_MASK(MONTH) || range == (INTERVAL_MASK(YEAR) | INTERVAL_MASK(MONTH)))
	{
		interval->day = 0;
		interval->time = 0;
	}
	else if (range == INTERVAL_MASK(DAY))
		interval->time = 0;
	else if (range == INTERVAL_MASK(HOUR) || range == (INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR)))
		interval->time = (interval->time / USECS_PER_HOUR) * USECS_PER_HOUR;
	else if (range == INTERVAL_MASK(MINUTE) ||
			 range == (INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE)) ||
			 range == (INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE)))
		interval->time = (interval->time / USECS_PER_MINUTE) * USECS_PER_MINUTE;
	else
		elog(ERROR, "unrecognized interval typmod: %d", typmod);

	if (precision != INTERVAL_FULL_PRECISION)
	{
		if (precision < 0 || precision > MAX_INTERVAL_PRECISION)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("interval(%d) precision must be between %d and %d", precision, 0,
						   MAX_INTERVAL_PRECISION));
		RoundToPrecision(&interval->time, precision);
	}
}

/* ---- broken-down time ---- */

void dt2time(Timestamp jd, int *hour, int *min, int *sec, fsec_t *fsec)
{
	TimeADT time = jd;
	*hour = static_cast<int>(time / USECS_PER_HOUR);
	time -= static_cast<int64>(*hour) * USECS_PER_HOUR;
	*min = static_cast<int>(time / USECS_PER_MINUTE);
	time -= static_cast<int64>(*min) * USECS_PER_MINUTE;
	*sec = static_cast<int>(time / USECS_PER_SEC);
	*fsec = static_cast<fsec_t>(time - static_cast<int64>(*sec) * USECS_PER_SEC);
}

int timestamp2tm(Timestamp dt, int *tzp, pg_tm *tm, fsec_t *fsec, const char **tzn,
				 pg_tz *attimezone)
{
	if (tzp != nullptr)
	{
		pg_tz *zone = attimezone != nullptr ? attimezone : session_timezone;
		if (zone == nullptr)
			zone = pg_tzset("GMT");
		int isdst;
		const char *abbr;
		long off = OffsetAt(zone, dt, &isdst, &abbr);
		if (__builtin_add_overflow(dt, off * USECS_PER_SEC, &dt))
			return -1;
		*tzp = static_cast<int>(-off);
		tm->tm_isdst = isdst;
		tm->tm_gmtoff = off;
		tm->tm_zone = abbr;
		if (tzn != nullptr)
			*tzn = abbr;
	}
	else
	{
		tm->tm_isdst = -1;
		tm->tm_gmtoff = 0;
		tm->tm_zone = nullptr;
		if (tzn != nullptr)
			*tzn = nullptr;
	}
	int64 date = FloorDiv(dt, USECS_PER_DAY);
	int64 time = dt - date * USECS_PER_DAY;
	date += POSTGRES_EPOCH_JDATE;
	/* a local time may fall just before julian day 0 (4714-11-23 BC) */
	if (date < -POSTGRES_EPOCH_JDATE || date > INT_MAX)
		return -1;
	j2date(static_cast<int>(date), &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
	dt2time(time, &tm->tm_hour, &tm->tm_min, &tm->tm_sec, fsec);
	tm->tm_wday = j2day(static_cast<int>(date));
	tm->tm_yday = static_cast<int>(date) - date2j(tm->tm_year, 1, 1) + 1;
	return 0;
}

int tm2timestamp(pg_tm *tm, fsec_t fsec, int *tzp, Timestamp *result)
{
	if (!IS_VALID_JULIAN(tm->tm_year, tm->tm_mon, tm->tm_mday))
	{
		*result = 0;
		return -1;
	}
	int64 date = date2j(tm->tm_year, tm->tm_mon, tm->tm_mday) - POSTGRES_EPOCH_JDATE;
	int64 time = ((static_cast<int64>(tm->tm_hour) * MINS_PER_HOUR + tm->tm_min) * SECS_PER_MINUTE +
				  tm->tm_sec) *
			USECS_PER_SEC +
		fsec;
	if (__builtin_mul_overflow(date, USECS_PER_DAY, result) ||
		__builtin_add_overflow(*result, time, result))
	{
		*result = 0;
		return -1;
	}
	if (tzp != nullptr &&
		__builtin_add_overflow(*result, static_cast<int64>(*tzp) * USECS_PER_SEC, result))
	{
		*result = 0;
		return -1;
	}
	if (!IS_VALID_TIMESTAMP(*result))
	{
		*result = 0;
		return -1;
	}
	return 0;
}

int interval2tm(Interval span, pg_tm *tm, fsec_t *fsec)
{
	tm->tm_year = span.month / MONTHS_PER_YEAR;
	tm->tm_mon = span.month % MONTHS_PER_YEAR;
	tm->tm_mday = span.day;
	int64 time = span.time;
	int64 hours = time / USECS_PER_HOUR;
	if (hours > INT_MAX || hours < INT_MIN)
		return -1;
	tm->tm_hour = static_cast<int>(hours);
	time -= hours * USECS_PER_HOUR;
	tm->tm_min = static_cast<int>(time / USECS_PER_MINUTE);
	time -= tm->tm_min * USECS_PER_MINUTE;
	tm->tm_sec = static_cast<int>(time / USECS_PER_SEC);
	*fsec = static_cast<fsec_t>(time - tm->tm_sec * USECS_PER_SEC);
	return 0;
}

void interval2itm(Interval span, pg_itm *itm)
{
	itm->tm_year = span.month / MONTHS_PER_YEAR;
	itm->tm_mon = span.month % MONTHS_PER_YEAR;
	itm->tm_mday = span.day;
	int64 time = span.time;
	itm->tm_hour = time / USECS_PER_HOUR;
	time -= itm->tm_hour * USECS_PER_HOUR;
	itm->tm_min = static_cast<int>(time / USECS_PER_MINUTE);
	time -= itm->tm_min * USECS_PER_MINUTE;
	itm->tm_sec = static_cast<int>(time / USECS_PER_SEC);
	itm->tm_usec = static_cast<int>(time - itm->tm_sec * USECS_PER_SEC);
}

int tm2interval(pg_tm *tm, fsec_t fsec, Interval *span)
{
	double total_months = static_cast<double>(tm->tm_year) * MONTHS_PER_YEAR + tm->tm_mon;
	if (total_months > INT_MAX || total_months < INT_MIN)
		return -1;
	span->month = static_cast<int32>(total_months);
	span->day = tm->tm_mday;
	span->time = (((static_cast<int64>(tm->tm_hour) * MINS_PER_HOUR) + tm->tm_min) *
					  SECS_PER_MINUTE +
				  tm->tm_sec) *
			USECS_PER_SEC +
		fsec;
	return 0;
}

Timestamp SetEpochTimestamp(void)
{
	return -POSTGRES_EPOCH_UNIX_SECONDS * USECS_PER_SEC;
}

void GetEpochTime(pg_tm *tm)
{
	memset(tm, 0, sizeof *tm);
	tm->tm_year = 1970;
	tm->tm_mon = 1;
	tm->tm_mday = 1;
}

int timestamp_cmp_internal(Timestamp dt1, Timestamp dt2)
{
	return Compare3(dt1, dt2);
}

int32 anytimestamp_typmod_check(bool istz, int32 typmod)
{
	if (typmod < 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("TIMESTAMP(%d)%s precision must not be negative", typmod,
					   istz ? " WITH TIME ZONE" : ""));
	if (typmod > MAX_TIMESTAMP_PRECISION)
	{
		ereport(WARNING, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("TIMESTAMP(%d)%s precision reduced to maximum allowed, %d", typmod,
					   istz ? " WITH TIME ZONE" : "", MAX_TIMESTAMP_PRECISION));
		typmod = MAX_TIMESTAMP_PRECISION;
	}
	return typmod;
}

TimestampTz timestamp2timestamptz_opt_overflow(Timestamp timestamp, int *overflow)
{
	if (overflow != nullptr)
		*overflow = 0;
	if (TIMESTAMP_NOT_FINITE(timestamp))
		return timestamp;
	pg_tm tm;
	fsec_t fsec;
	if (timestamp2tm(timestamp, nullptr, &tm, &fsec, nullptr, nullptr) == 0)
	{
		int tz = DetermineTimeZoneOffset(&tm, session_timezone);
		TimestampTz result;
		if (tm2timestamp(&tm, fsec, &tz, &result) == 0)
			return result;
		if (overflow != nullptr)
		{
			*overflow = result < 0 || timestamp < 0 ? -1 : 1;
			return timestamp < 0 ? DT_NOBEGIN : DT_NOEND;
		}
	}
	TimestampOutOfRange();
}

int32 timestamp_cmp_timestamptz_internal(Timestamp timestampVal, TimestampTz dt2)
{
	int overflow;
	TimestampTz dt1 = timestamp2timestamptz_opt_overflow(timestampVal, &overflow);
	if (overflow > 0)
		return 1;
	if (overflow < 0)
		return -1;
	return timestamp_cmp_internal(dt1, dt2);
}

const char *timestamptz_to_str(TimestampTz t)
{
	char buf[MAXDATELEN + 1];
	pg_tm tm;
	fsec_t fsec;
	int tz;
	const char *tzn;
	if (TIMESTAMP_NOT_FINITE(t))
		EncodeSpecialTimestamp(t, buf);
	else if (timestamp2tm(t, &tz, &tm, &fsec, &tzn, nullptr) == 0)
		EncodeDateTime(&tm, fsec, true, tz, tzn, USE_ISO_DATES, buf);
	else
		strcpy(buf, "(timestamp out of range)");
	return pstrdup(buf);
}

/* ---- input and output ---- */

namespace {

Timestamp ReadTimestamp(const char *str, int32 typmod, bool with_tz)
{
	char workbuf[MAXDATELEN + MAXDATEFIELDS];
	char *field[MAXDATEFIELDS];
	int ftype[MAXDATEFIELDS];
	int nf, dtype, tz = 0;
	pg_tm tm;
	fsec_t fsec;
	int dterr = ParseDateTime(str, workbuf, sizeof workbuf, field, ftype, MAXDATEFIELDS, &nf);
	if (dterr == 0)
		dterr = DecodeDateTime(field, ftype, nf, &dtype, &tm, &fsec, &tz);
	if (dterr != 0)
		DateTimeParseError(dterr, str, with_tz ? "timestamp with time zone" : "timestamp");
	Timestamp result;
	switch (dtype)
	{
		case DTK_DATE:
			if (tm2timestamp(&tm, fsec, with_tz ? &tz : nullptr, &result) != 0)
				ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
						errmsg("timestamp out of range: \"%s\"", str));
			break;
		case DTK_LATE:
			result = DT_NOEND;
			break;
		case DTK_EARLY:
			result = DT_NOBEGIN;
			break;
		default:
			elog(ERROR, "unexpected dtype %d while parsing timestamp \"%s\"", dtype, str);
	}
	if (!AdjustTimestampForTypmod(&result, typmod))
		TimestampOutOfRange();
	return result;
}

}  // namespace

Datum timestamp_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMP(ReadTimestamp(PG_GETARG_CSTRING(0), PG_GETARG_INT32(2), false));
}

Datum timestamptz_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(ReadTimestamp(PG_GETARG_CSTRING(0), PG_GETARG_INT32(2), true));
}

Datum timestamp_out(PG_FUNCTION_ARGS)
{
	Timestamp t = PG_GETARG_TIMESTAMP(0);
	char buf[MAXDATELEN + 1];
	pg_tm tm;
	fsec_t fsec;
	if (TIMESTAMP_NOT_FINITE(t))
		EncodeSpecialTimestamp(t, buf);
	else if (timestamp2tm(t, nullptr, &tm, &fsec, nullptr, nullptr) == 0)
		EncodeDateTime(&tm, fsec, false, 0, nullptr, DateStyle, buf);
	else
		TimestampOutOfRange();
	PG_RETURN_CSTRING(pstrdup(buf));
}

Datum timestamptz_out(PG_FUNCTION_ARGS)
{
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(0);
	char buf[MAXDATELEN + 1];
	pg_tm tm;
	fsec_t fsec;
	int tz;
	const char *tzn;
	if (TIMESTAMP_NOT_FINITE(t))
		EncodeSpecialTimestamp(t, buf);
	else if (timestamp2tm(t, &tz, &tm, &fsec, &tzn, nullptr) == 0)
		EncodeDateTime(&tm, fsec, true, tz, tzn, DateStyle, buf);
	else
		TimestampOutOfRange();
	PG_RETURN_CSTRING(pstrdup(buf));
}

Datum timestamptypmodin(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(
		PrecisionTypmodIn(PG_GETARG_ARRAYTYPE_P(0), "TIMESTAMP", false, MAX_TIMESTAMP_PRECISION));
}

Datum timestamptypmodout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(PrecisionTypmodOut(PG_GETARG_INT32(0), false));
}

Datum timestamptztypmodin(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(
		PrecisionTypmodIn(PG_GETARG_ARRAYTYPE_P(0), "TIMESTAMP", true, MAX_TIMESTAMP_PRECISION));
}

Datum timestamptztypmodout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(PrecisionTypmodOut(PG_GETARG_INT32(0), true));
}

Datum timestamp_scale(PG_FUNCTION_ARGS)
{
	Timestamp t = PG_GETARG_TIMESTAMP(0);
	if (!AdjustTimestampForTypmod(&t, PG_GETARG_INT32(1)))
		TimestampOutOfRange();
	PG_RETURN_TIMESTAMP(t);
}

Datum timestamptz_scale(PG_FUNCTION_ARGS)
{
	return timestamp_scale(fcinfo);
}

Datum interval_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	int32 typmod = PG_GETARG_INT32(2);
	int range = typmod >= 0 ? INTERVAL_RANGE(typmod) : INTERVAL_FULL_RANGE;
	char workbuf[256];
	char *field[MAXDATEFIELDS];
	int ftype[MAXDATEFIELDS];
	int nf, dtype;
	Interval *result = NewInterval();
	int dterr = ParseDateTime(str, workbuf, sizeof workbuf, field, ftype, MAXDATEFIELDS, &nf);
	if (dterr == 0)
		dterr = DecodeInterval(field, ftype, nf, range, &dtype, result);
	if (dterr == DTERR_BAD_FORMAT)
	{
		char *copy = pstrdup(str);
		dterr = DecodeISO8601Interval(copy, &dtype, result);
	}
	if (dterr != 0)
	{
		if (dterr == DTERR_FIELD_OVERFLOW)
			dterr = DTERR_INTERVAL_OVERFLOW;
		DateTimeParseError(dterr, str, "interval");
	}
	AdjustIntervalForTypmod(result, typmod);
	PG_RETURN_INTERVAL_P(result);
}

Datum interval_out(PG_FUNCTION_ARGS)
{
	Interval *span = PG_GETARG_INTERVAL_P(0);
	pg_itm itm;
	char buf[MAXDATELEN + 1];
	interval2itm(*span, &itm);
	EncodeInterval(&itm, IntervalStyle, buf);
	PG_RETURN_CSTRING(pstrdup(buf));
}

Datum intervaltypmodin(PG_FUNCTION_ARGS)
{
	int n;
	int32 *tl = ArrayGetIntegerTypmods(PG_GETARG_ARRAYTYPE_P(0), &n);
	if (n < 1 || n > 2)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid INTERVAL type modifier"));
	switch (tl[0])
	{
		case INTERVAL_MASK(YEAR):
		case INTERVAL_MASK(MONTH):
		case INTERVAL_MASK(DAY):
		case INTERVAL_MASK(HOUR):
		case INTERVAL_MASK(MINUTE):
		case INTERVAL_MASK(SECOND):
		case INTERVAL_MASK(YEAR) | INTERVAL_MASK(MONTH):
		case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR):
		case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
		case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE) |
			INTERVAL_MASK(SECOND):
		case INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
		case INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
		case INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
		case INTERVAL_FULL_RANGE:
			break;
		default:
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("invalid INTERVAL type modifier"));
	}
	int32 typmod;
	if (n == 1)
		typmod = tl[0] == INTERVAL_FULL_RANGE ? -1
											  : INTERVAL_TYPMOD(INTERVAL_FULL_PRECISION, tl[0]);
	else
	{
		int p = tl[1];
		if (p < 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("INTERVAL(%d) precision must not be negative", p));
		if (p > MAX_INTERVAL_PRECISION)
		{
			ereport(WARNING, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("INTERVAL(%d) precision reduced to maximum allowed, %d", p,
						   MAX_INTERVAL_PRECISION));
			p = MAX_INTERVAL_PRECISION;
		}
		typmod = INTERVAL_TYPMOD(p, tl[0]);
	}
	PG_RETURN_INT32(typmod);
}

Datum intervaltypmodout(PG_FUNCTION_ARGS)
{
	int32 typmod = PG_GETARG_INT32(0);
	if (typmod < 0)
		PG_RETURN_CSTRING(pstrdup(""));
	int range = INTERVAL_RANGE(typmod), precision = INTERVAL_PRECISION(typmod);
	const char *fields;
	switch (range)
	{
		case INTERVAL_MASK(YEAR):
			fields = " year";
			break;
		case INTERVAL_MASK(MONTH):
			fields = " month";
			break;
		case INTERVAL_MASK(DAY):
			fields = " day";
			break;
		case INTERVAL_MASK(HOUR):
			fields = " hour";
			break;
		case INTERVAL_MASK(MINUTE):
			fields = " minute";
			break;
		case INTERVAL_MASK(SECOND):
			fields = " second";
			break;
		case INTERVAL_MASK(YEAR) | INTERVAL_MASK(MONTH):
			fields = " year to month";
			break;
		case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR):
			fields = " day to hour";
			break;
		case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
			fields = " day to minute";
			break;
		case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE) |
			INTERVAL_MASK(SECOND):
			fields = " day to second";
			break;
		case INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
			fields = " hour to minute";
			break;
		case INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
			fields = " hour to second";
			break;
		case INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
			fields = " minute to second";
			break;
		default:
			fields = "";
			break;
	}
	if (precision != INTERVAL_FULL_PRECISION)
		PG_RETURN_CSTRING(psprintf("%s(%d)", fields, precision));
	PG_RETURN_CSTRING(pstrdup(fields));
}

Datum interval_scale(PG_FUNCTION_ARGS)
{
	Interval *result = NewInterval();
	*result = *PG_GETARG_INTERVAL_P(0);
	AdjustIntervalForTypmod(result, PG_GETARG_INT32(1));
	PG_RETURN_INTERVAL_P(result);
}

/* ---- comparisons ---- */

#define TIMESTAMP_CMP_FUNCS(prefix, T1, get1, T2, get2, cmpexpr) \
	Datum prefix##_eq##T2(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_BOOL((cmpexpr) == 0); \
	} \
	Datum prefix##_ne##T2(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_BOOL((cmpexpr) != 0); \
	} \
	Datum prefix##_lt##T2(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_BOOL((cmpexpr) < 0); \
	} \
	Datum prefix##_le##T2(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_BOOL((cmpexpr) <= 0); \
	} \
	Datum prefix##_gt##T2(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_BOOL((cmpexpr) > 0); \
	} \
	Datum prefix##_ge##T2(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_BOOL((cmpexpr) >= 0); \
	} \
	Datum prefix##_cmp##T2(PG_FUNCTION_ARGS) \
	{ \
		PG_RETURN_INT32(cmpexpr); \
	}

Datum timestamp_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_TIMESTAMP(0) == PG_GETARG_TIMESTAMP(1));
}

Datum timestamp_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_TIMESTAMP(0) != PG_GETARG_TIMESTAMP(1));
}

Datum timestamp_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_TIMESTAMP(0) < PG_GETARG_TIMESTAMP(1));
}

Datum timestamp_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_TIMESTAMP(0) <= PG_GETARG_TIMESTAMP(1));
}

Datum timestamp_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_TIMESTAMP(0) > PG_GETARG_TIMESTAMP(1));
}

Datum timestamp_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_TIMESTAMP(0) >= PG_GETARG_TIMESTAMP(1));
}

Datum timestamp_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare3(PG_GETARG_TIMESTAMP(0), PG_GETARG_TIMESTAMP(1)));
}

Datum timestamp_larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMP(std::max(PG_GETARG_TIMESTAMP(0), PG_GETARG_TIMESTAMP(1)));
}

Datum timestamp_smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMP(std::min(PG_GETARG_TIMESTAMP(0), PG_GETARG_TIMESTAMP(1)));
}

/* timestamp against timestamptz: the timestamp read in the session's zone. */
#define CMP_TS_TSTZ \
	timestamp_cmp_timestamptz_internal(PG_GETARG_TIMESTAMP(0), PG_GETARG_TIMESTAMPTZ(1))
#define CMP_TSTZ_TS \
	(-timestamp_cmp_timestamptz_internal(PG_GETARG_TIMESTAMP(1), PG_GETARG_TIMESTAMPTZ(0)))

// clang-format off
Datum timestamp_eq_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TS_TSTZ == 0); }
Datum timestamp_ne_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TS_TSTZ != 0); }
Datum timestamp_lt_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TS_TSTZ < 0); }
Datum timestamp_le_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TS_TSTZ <= 0); }
Datum timestamp_gt_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TS_TSTZ > 0); }
Datum timestamp_ge_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TS_TSTZ >= 0); }
Datum timestamp_cmp_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_INT32(CMP_TS_TSTZ); }
Datum timestamptz_eq_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TSTZ_TS == 0); }
Datum timestamptz_ne_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TSTZ_TS != 0); }
Datum timestamptz_lt_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TSTZ_TS < 0); }
Datum timestamptz_le_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TSTZ_TS <= 0); }
Datum timestamptz_gt_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TSTZ_TS > 0); }
Datum timestamptz_ge_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TSTZ_TS >= 0); }
Datum timestamptz_cmp_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(CMP_TSTZ_TS); }
// clang-format on

namespace {

/* Intervals compare as if a month were 30 days and a day 24 hours. */
__int128 IntervalCmpValue(const Interval *iv)
{
	__int128 days = static_cast<__int128>(iv->month) * DAYS_PER_MONTH + iv->day;
	return days * USECS_PER_DAY + iv->time;
}

int IntervalCmp(const Interval *a, const Interval *b)
{
	return Compare3(IntervalCmpValue(a), IntervalCmpValue(b));
}

}  // namespace

#define CMP_IV IntervalCmp(PG_GETARG_INTERVAL_P(0), PG_GETARG_INTERVAL_P(1))
// clang-format off
Datum interval_eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_IV == 0); }
Datum interval_ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_IV != 0); }
Datum interval_lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_IV < 0); }
Datum interval_le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_IV <= 0); }
Datum interval_gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_IV > 0); }
Datum interval_ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_IV >= 0); }
Datum interval_cmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(CMP_IV); }
// clang-format on

Datum interval_smaller(PG_FUNCTION_ARGS)
{
	Interval *a = PG_GETARG_INTERVAL_P(0), *b = PG_GETARG_INTERVAL_P(1);
	PG_RETURN_INTERVAL_P(IntervalCmp(a, b) < 0 ? a : b);
}

Datum interval_larger(PG_FUNCTION_ARGS)
{
	Interval *a = PG_GETARG_INTERVAL_P(0), *b = PG_GETARG_INTERVAL_P(1);
	PG_RETURN_INTERVAL_P(IntervalCmp(a, b) > 0 ? a : b);
}

Datum timestamp_finite(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!TIMESTAMP_NOT_FINITE(PG_GETARG_TIMESTAMP(0)));
}

Datum interval_finite(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_BOOL(true);
}

/* ---- arithmetic ---- */

namespace {

/* ts + span, with months and days applied to the wall-clock time in zone
 * (nullptr: ts is a timestamp without time zone). */
Timestamp AddInterval(Timestamp ts, const Interval *span, pg_tz *zone)
{
	if (TIMESTAMP_NOT_FINITE(ts))
		return ts;
	if (span->month != 0 || span->day != 0)
	{
		pg_tm tm;
		fsec_t fsec;
		int tz;
		if (timestamp2tm(ts, zone != nullptr ? &tz : nullptr, &tm, &fsec, nullptr, zone) != 0)
			TimestampOutOfRange();
		if (span->month != 0)
		{
			int64 months = static_cast<int64>(tm.tm_year) * MONTHS_PER_YEAR + (tm.tm_mon - 1) +
				span->month;
			int64 y = FloorDiv(months, MONTHS_PER_YEAR);
			if (y > INT_MAX || y < INT_MIN)
				TimestampOutOfRange();
			tm.tm_year = static_cast<int>(y);
			tm.tm_mon = static_cast<int>(months - y * MONTHS_PER_YEAR) + 1;
			/* the 31st plus a month is the last day of the next month */
			int last = day_tab[isleap(tm.tm_year) ? 1 : 0][tm.tm_mon - 1];
			if (tm.tm_mday > last)
				tm.tm_mday = last;
		}
		if (span->day != 0)
		{
			int64 jd = static_cast<int64>(date2j(tm.tm_year, tm.tm_mon, tm.tm_mday)) + span->day;
			if (jd < 0 || jd > INT_MAX)
				TimestampOutOfRange();
			j2date(static_cast<int>(jd), &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
		}
		if (zone != nullptr)
			tz = DetermineTimeZoneOffset(&tm, zone);
		if (tm2timestamp(&tm, fsec, zone != nullptr ? &tz : nullptr, &ts) != 0)
			TimestampOutOfRange();
	}
	if (__builtin_add_overflow(ts, span->time, &ts) || !IS_VALID_TIMESTAMP(ts))
		TimestampOutOfRange();
	return ts;
}

Interval Negate(const Interval *span)
{
	Interval r;
	if (span->time == PG_INT64_MIN || span->day == INT_MIN || span->month == INT_MIN)
		IntervalOutOfRange();
	r.time = -span->time;
	r.day = -span->day;
	r.month = -span->month;
	return r;
}

Interval *JustifyHours(const Interval *span)
{
	Interval *r = NewInterval();
	r->month = span->month;
	int64 days = span->day + span->time / USECS_PER_DAY;
	r->time = span->time % USECS_PER_DAY;
	if (days > 0 && r->time < 0)
	{
		r->time += USECS_PER_DAY;
		days--;
	}
	else if (days < 0 && r->time > 0)
	{
		r->time -= USECS_PER_DAY;
		days++;
	}
	if (days > INT_MAX || days < INT_MIN)
		IntervalOutOfRange();
	r->day = static_cast<int32>(days);
	return r;
}

Interval *JustifyDays(const Interval *span)
{
	Interval *r = NewInterval();
	r->time = span->time;
	int64 months = static_cast<int64>(span->month) + span->day / DAYS_PER_MONTH;
	r->day = span->day % DAYS_PER_MONTH;
	if (months > 0 && r->day < 0)
	{
		r->day += DAYS_PER_MONTH;
		months--;
	}
	else if (months < 0 && r->day > 0)
	{
		r->day -= DAYS_PER_MONTH;
		months++;
	}
	if (months > INT_MAX || months < INT_MIN)
		IntervalOutOfRange();
	r->month = static_cast<int32>(months);
	return r;
}

pg_tz *SessionZone()
{
	return session_timezone != nullptr ? session_timezone : pg_tzset("GMT");
}

}  // namespace

Datum timestamp_pl_interval(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMP(AddInterval(PG_GETARG_TIMESTAMP(0), PG_GETARG_INTERVAL_P(1), nullptr));
}

Datum timestamp_mi_interval(PG_FUNCTION_ARGS)
{
	Interval neg = Negate(PG_GETARG_INTERVAL_P(1));
	PG_RETURN_TIMESTAMP(AddInterval(PG_GETARG_TIMESTAMP(0), &neg, nullptr));
}

Datum timestamptz_pl_interval(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(
		AddInterval(PG_GETARG_TIMESTAMPTZ(0), PG_GETARG_INTERVAL_P(1), SessionZone()));
}

Datum timestamptz_mi_interval(PG_FUNCTION_ARGS)
{
	Interval neg = Negate(PG_GETARG_INTERVAL_P(1));
	PG_RETURN_TIMESTAMPTZ(AddInterval(PG_GETARG_TIMESTAMPTZ(0), &neg, SessionZone()));
}

Datum timestamp_mi(PG_FUNCTION_ARGS)
{
	Timestamp a = PG_GETARG_TIMESTAMP(0), b = PG_GETARG_TIMESTAMP(1);
	if (TIMESTAMP_NOT_FINITE(a) || TIMESTAMP_NOT_FINITE(b))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("cannot subtract infinite timestamps"));
	Interval diff;
	if (__builtin_sub_overflow(a, b, &diff.time))
		IntervalOutOfRange();
	diff.day = 0;
	diff.month = 0;
	/* whole days come out as days, as PostgreSQL's subtraction does */
	PG_RETURN_INTERVAL_P(JustifyHours(&diff));
}

Datum interval_um(PG_FUNCTION_ARGS)
{
	Interval *r = NewInterval();
	*r = Negate(PG_GETARG_INTERVAL_P(0));
	PG_RETURN_INTERVAL_P(r);
}

Datum interval_pl(PG_FUNCTION_ARGS)
{
	Interval *a = PG_GETARG_INTERVAL_P(0), *b = PG_GETARG_INTERVAL_P(1);
	Interval *r = NewInterval();
	if (__builtin_add_overflow(a->month, b->month, &r->month) ||
		__builtin_add_overflow(a->day, b->day, &r->day) ||
		__builtin_add_overflow(a->time, b->time, &r->time))
		IntervalOutOfRange();
	PG_RETURN_INTERVAL_P(r);
}

Datum interval_mi(PG_FUNCTION_ARGS)
{
	Interval *a = PG_GETARG_INTERVAL_P(0), *b = PG_GETARG_INTERVAL_P(1);
	Interval *r = NewInterval();
	if (__builtin_sub_overflow(a->month, b->month, &r->month) ||
		__builtin_sub_overflow(a->day, b->day, &r->day) ||
		__builtin_sub_overflow(a->time, b->time, &r->time))
		IntervalOutOfRange();
	PG_RETURN_INTERVAL_P(r);
}

namespace {

/* Rounds to microsecond precision, as the product's fractions are. */
double RoundToUsec(double x)
{
	return rint(x * 1000000.0) / 1000000.0;
}

bool FitsInt32(double x)
{
	return !isnan(x) && x >= static_cast<double>(INT_MIN) && x < -static_cast<double>(INT_MIN);
}

/* span * factor: months and days scaled separately, their fractions
 * carried down (a month as 30 days, a day as 24 hours). */
Interval *MultiplyInterval(const Interval *span, double factor)
{
	Interval *r = NewInterval();
	double months = span->month * factor;
	if (!FitsInt32(months))
		IntervalOutOfRange();
	r->month = static_cast<int32>(months);
	double days = span->day * factor;
	if (!FitsInt32(days))
		IntervalOutOfRange();
	r->day = static_cast<int32>(days);
	double month_rest_days = RoundToUsec((months - r->month) * DAYS_PER_MONTH);
	double sec_rest = RoundToUsec(
		(days - r->day + month_rest_days - static_cast<int>(month_rest_days)) * SECS_PER_DAY);
	if (fabs(sec_rest) >= SECS_PER_DAY)
	{
		int whole = static_cast<int>(sec_rest / SECS_PER_DAY);
		if (__builtin_add_overflow(r->day, whole, &r->day))
			IntervalOutOfRange();
		sec_rest -= whole * static_cast<double>(SECS_PER_DAY);
	}
	if (__builtin_add_overflow(r->day, static_cast<int>(month_rest_days), &r->day))
		IntervalOutOfRange();
	double t = rint(static_cast<double>(span->time) * factor + sec_rest * USECS_PER_SEC);
	if (isnan(t) || t < -9223372036854775808.0 || t >= 9223372036854775808.0)
		IntervalOutOfRange();
	r->time = static_cast<int64>(t);
	return r;
}

}  // namespace

Datum interval_mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_INTERVAL_P(MultiplyInterval(PG_GETARG_INTERVAL_P(0), PG_GETARG_FLOAT8(1)));
}

Datum mul_d_interval(PG_FUNCTION_ARGS)
{
	PG_RETURN_INTERVAL_P(MultiplyInterval(PG_GETARG_INTERVAL_P(1), PG_GETARG_FLOAT8(0)));
}

Datum interval_div(PG_FUNCTION_ARGS)
{
	Interval *span = PG_GETARG_INTERVAL_P(0);
	double factor = PG_GETARG_FLOAT8(1);
	if (factor == 0.0)
		ereport(ERROR, errcode(ERRCODE_DIVISION_BY_ZERO), errmsg("division by zero"));
	Interval *r = NewInterval();
	double months = span->month / factor, days = span->day / factor;
	if (!FitsInt32(months) || !FitsInt32(days))
		IntervalOutOfRange();
	r->month = static_cast<int32>(months);
	r->day = static_cast<int32>(days);
	double month_rest_days = RoundToUsec((span->month / factor - r->month) * DAYS_PER_MONTH);
	double sec_rest = RoundToUsec(
		(span->day / factor - r->day + month_rest_days - static_cast<int>(month_rest_days)) *
		SECS_PER_DAY);
	if (fabs(sec_rest) >= SECS_PER_DAY)
	{
		int whole = static_cast<int>(sec_rest / SECS_PER_DAY);
		r->day += whole;
		sec_rest -= whole * static_cast<double>(SECS_PER_DAY);
	}
	r->day += static_cast<int>(month_rest_days);
	double t = rint(static_cast<double>(span->time) / factor + sec_rest * USECS_PER_SEC);
	if (isnan(t) || t < -9223372036854775808.0 || t >= 9223372036854775808.0)
		IntervalOutOfRange();
	r->time = static_cast<int64>(t);
	PG_RETURN_INTERVAL_P(r);
}

Datum interval_justify_hours(PG_FUNCTION_ARGS)
{
	PG_RETURN_INTERVAL_P(JustifyHours(PG_GETARG_INTERVAL_P(0)));
}

Datum interval_justify_days(PG_FUNCTION_ARGS)
{
	PG_RETURN_INTERVAL_P(JustifyDays(PG_GETARG_INTERVAL_P(0)));
}

Datum interval_justify_interval(PG_FUNCTION_ARGS)
{
	const Interval *span = PG_GETARG_INTERVAL_P(0);
	Interval *r = NewInterval();
	r->month = span->month;
	r->day = span->day;
	r->time = span->time;
	/* days from the time, months from the days, then make the signs agree */
	int64 days = static_cast<int64>(r->day) + r->time / USECS_PER_DAY;
	r->time %= USECS_PER_DAY;
	int64 months = r->month + days / DAYS_PER_MONTH;
	days %= DAYS_PER_MONTH;
	if (months > 0 && (days < 0 || (days == 0 && r->time < 0)))
	{
		days += DAYS_PER_MONTH;
		months--;
	}
	else if (months < 0 && (days > 0 || (days == 0 && r->time > 0)))
	{
		days -= DAYS_PER_MONTH;
		months++;
	}
	if (days > 0 && r->time < 0)
	{
		r->time += USECS_PER_DAY;
		days--;
	}
	else if (days < 0 && r->time > 0)
	{
		r->time -= USECS_PER_DAY;
		days++;
	}
	if (months > INT_MAX || months < INT_MIN)
		IntervalOutOfRange();
	r->month = static_cast<int32>(months);
	r->day = static_cast<int32>(days);
	PG_RETURN_INTERVAL_P(r);
}

/* ---- age ---- */

namespace {

/* a - b field by field (years, months, days, time), each negative field
 * borrowing from the next larger one; a borrowed month has the length of
 * the earlier value's month. */
Interval *Age(const pg_tm &a, fsec_t fa, const pg_tm &b, fsec_t fb, bool a_is_earlier)
{
	int64 fsec = fa - fb;
	int64 sec = a.tm_sec - b.tm_sec;
	int64 min = a.tm_min - b.tm_min;
	int64 hour = a.tm_hour - b.tm_hour;
	int64 mday = a.tm_mday - b.tm_mday;
	int64 mon = a.tm_mon - b.tm_mon;
	int64 year = static_cast<int64>(a.tm_year) - b.tm_year;
	auto flip = [&]() {
		fsec = -fsec;
		sec = -sec;
		min = -min;
		hour = -hour;
		mday = -mday;
		mon = -mon;
		year = -year;
	};
	/* work on the positive difference and restore the sign at the end */
	if (a_is_earlier)
		flip();
	const pg_tm &earlier = a_is_earlier ? a : b;
	while (fsec < 0)
	{
		fsec += USECS_PER_SEC;
		sec--;
	}
	while (sec < 0)
	{
		sec += SECS_PER_MINUTE;
		min--;
	}
	while (min < 0)
	{
		min += MINS_PER_HOUR;
		hour--;
	}
	while (hour < 0)
	{
		hour += HOURS_PER_DAY;
		mday--;
	}
	while (mday < 0)
	{
		mday += day_tab[isleap(earlier.tm_year) ? 1 : 0][earlier.tm_mon - 1];
		mon--;
	}
	while (mon < 0)
	{
		mon += MONTHS_PER_YEAR;
		year--;
	}
	if (a_is_earlier)
		flip();
	Interval *r = NewInterval();
	int64 months = year * MONTHS_PER_YEAR + mon;
	if (months > INT_MAX || months < INT_MIN)
		IntervalOutOfRange();
	r->month = static_cast<int32>(months);
	r->day = static_cast<int32>(mday);
	r->time = ((hour * MINS_PER_HOUR + min) * SECS_PER_MINUTE + sec) * USECS_PER_SEC + fsec;
	return r;
}

Interval *AgeOf(Timestamp a, Timestamp b, bool with_tz)
{
	pg_tm ta, tb;
	fsec_t fa, fb;
	int tza, tzb;
	if (TIMESTAMP_NOT_FINITE(a) || TIMESTAMP_NOT_FINITE(b))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("cannot subtract infinite timestamps"));
	/* local times; a change of offset between them is ignored, as in
	 * PostgreSQL */
	if (timestamp2tm(a, with_tz ? &tza : nullptr, &ta, &fa, nullptr, nullptr) != 0 ||
		timestamp2tm(b, with_tz ? &tzb : nullptr, &tb, &fb, nullptr, nullptr) != 0)
		TimestampOutOfRange();
	return Age(ta, fa, tb, fb, a < b);
}

}  // namespace

Datum timestamp_age(PG_FUNCTION_ARGS)
{
	PG_RETURN_INTERVAL_P(AgeOf(PG_GETARG_TIMESTAMP(0), PG_GETARG_TIMESTAMP(1), false));
}

Datum timestamptz_age(PG_FUNCTION_ARGS)
{
	PG_RETURN_INTERVAL_P(AgeOf(PG_GETARG_TIMESTAMPTZ(0), PG_GETARG_TIMESTAMPTZ(1), true));
}

/* ---- current time ---- */

Datum now(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_TIMESTAMPTZ(GetCurrentTransactionStartTimestamp());
}

Datum statement_timestamp(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_TIMESTAMPTZ(GetCurrentStatementStartTimestamp());
}

Datum clock_timestamp(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_TIMESTAMPTZ(GetCurrentTimestamp());
}

Datum pg_postmaster_start_time(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_TIMESTAMPTZ(MyStartTimestamp);
}

/* timeofday(): the wall clock as text, "Wed Dec 02 01:18:28.123456 2026 UTC". */
Datum timeofday(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	TimestampTz now = GetCurrentTimestamp();
	pg_tm tm;
	fsec_t fsec;
	int tz;
	const char *tzn;
	if (timestamp2tm(now, &tz, &tm, &fsec, &tzn, nullptr) != 0)
		TimestampOutOfRange();
	static const char *const kDayNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const kMonNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
											"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	char buf[128];
	snprintf(buf, sizeof buf, "%s %s %02d %02d:%02d:%02d.%06d %d %s", kDayNames[tm.tm_wday],
			 kMonNames[tm.tm_mon - 1], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, fsec,
			 tm.tm_year, tzn);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

Datum float8_timestamptz(PG_FUNCTION_ARGS)
{
	double seconds = PG_GETARG_FLOAT8(0);
	if (isnan(seconds))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("timestamp cannot be NaN"));
	if (isinf(seconds))
		PG_RETURN_TIMESTAMPTZ(seconds < 0 ? DT_NOBEGIN : DT_NOEND);
	/* the range check in seconds before converting, to avoid overflow */
	double min = static_cast<double>(MIN_TIMESTAMP) / USECS_PER_SEC + POSTGRES_EPOCH_UNIX_SECONDS;
	double end = static_cast<double>(END_TIMESTAMP) / USECS_PER_SEC + POSTGRES_EPOCH_UNIX_SECONDS;
	if (seconds < min || seconds >= end)
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("timestamp out of range: \"%g\"", seconds));
	seconds -= POSTGRES_EPOCH_UNIX_SECONDS;
	TimestampTz result = static_cast<TimestampTz>(rint(seconds * USECS_PER_SEC));
	if (!IS_VALID_TIMESTAMP(result))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("timestamp out of range: \"%g\"", PG_GETARG_FLOAT8(0)));
	PG_RETURN_TIMESTAMPTZ(result);
}

/* ---- casts ---- */

Datum timestamp_timestamptz(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(timestamp2timestamptz_opt_overflow(PG_GETARG_TIMESTAMP(0), nullptr));
}

Datum timestamptz_timestamp(PG_FUNCTION_ARGS)
{
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(0);
	if (TIMESTAMP_NOT_FINITE(t))
		PG_RETURN_TIMESTAMP(t);
	pg_tm tm;
	fsec_t fsec;
	int tz;
	Timestamp result;
	if (timestamp2tm(t, &tz, &tm, &fsec, nullptr, nullptr) != 0 ||
		tm2timestamp(&tm, fsec, nullptr, &result) != 0)
		TimestampOutOfRange();
	PG_RETURN_TIMESTAMP(result);
}

/* ---- AT TIME ZONE ---- */

/* timezone(zone, timestamp): the local time ts in zone, as an instant. */
Datum timestamp_zone(PG_FUNCTION_ARGS)
{
	char *zone_name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	Timestamp ts = PG_GETARG_TIMESTAMP(1);
	if (TIMESTAMP_NOT_FINITE(ts))
		PG_RETURN_TIMESTAMPTZ(ts);
	int tz;
	pg_tz *zone;
	DecodeTimezoneArgument(zone_name, false, &tz, &zone);
	if (zone != nullptr)
		PG_RETURN_TIMESTAMPTZ(FromLocal(ts, zone));
	TimestampTz result;
	if (__builtin_add_overflow(ts, static_cast<int64>(tz) * USECS_PER_SEC, &result) ||
		!IS_VALID_TIMESTAMP(result))
		TimestampOutOfRange();
	PG_RETURN_TIMESTAMPTZ(result);
}

/* timezone(zone, timestamptz): the wall-clock time in zone. */
Datum timestamptz_zone(PG_FUNCTION_ARGS)
{
	char *zone_name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	TimestampTz ts = PG_GETARG_TIMESTAMPTZ(1);
	if (TIMESTAMP_NOT_FINITE(ts))
		PG_RETURN_TIMESTAMP(ts);
	int tz;
	pg_tz *zone;
	DecodeTimezoneArgument(zone_name, false, &tz, &zone);
	Timestamp result;
	if (zone != nullptr)
		result = ToLocal(ts, zone);
	else
		result = ts - static_cast<int64>(tz) * USECS_PER_SEC;
	if (!IS_VALID_TIMESTAMP(result))
		TimestampOutOfRange();
	PG_RETURN_TIMESTAMP(result);
}

namespace {

int64 IntervalZoneOffset(const Interval *zone)
{
	if (zone->month != 0 || zone->day != 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("interval time zone \"%s\" must not include months or days",
					   DatumGetCString(
						   DirectFunctionCall1(interval_out, IntervalPGetDatum(zone)))));
	return zone->time;
}

}  // namespace

Datum timestamp_izone(PG_FUNCTION_ARGS)
{
	int64 off = IntervalZoneOffset(PG_GETARG_INTERVAL_P(0));
	Timestamp ts = PG_GETARG_TIMESTAMP(1);
	if (TIMESTAMP_NOT_FINITE(ts))
		PG_RETURN_TIMESTAMPTZ(ts);
	TimestampTz result = ts - off;
	if (!IS_VALID_TIMESTAMP(result))
		TimestampOutOfRange();
	PG_RETURN_TIMESTAMPTZ(result);
}

Datum timestamptz_izone(PG_FUNCTION_ARGS)
{
	int64 off = IntervalZoneOffset(PG_GETARG_INTERVAL_P(0));
	TimestampTz ts = PG_GETARG_TIMESTAMPTZ(1);
	if (TIMESTAMP_NOT_FINITE(ts))
		PG_RETURN_TIMESTAMP(ts);
	Timestamp result = ts + off;
	if (!IS_VALID_TIMESTAMP(result))
		TimestampOutOfRange();
	PG_RETURN_TIMESTAMP(result);
}

/* ---- make_* ---- */

namespace {

Timestamp MakeTimestampInternal(int year, int month, int mday, int hour, int min, double sec)
{
	pg_tm tm = {};
	tm.tm_year = year;
	tm.tm_mon = month;
	tm.tm_mday = mday;
	/* negative years are BC */
	bool bc = false;
	if (tm.tm_year < 0)
	{
		bc = true;
		tm.tm_year = -tm.tm_year;
	}
	if (ValidateDate(DTK_DATE_M, false, false, bc, &tm) != 0)
		ereport(ERROR, errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
				errmsg("date field value out of range: %d-%02d-%02d", year, month, mday));
	if (!IS_VALID_JULIAN(tm.tm_year, tm.tm_mon, tm.tm_mday))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("date out of range: %d-%02d-%02d", year, month, mday));
	int64 date = date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
	if (float_time_overflows(hour, min, sec))
		ereport(ERROR, errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
				errmsg("time field value out of range: %d:%02d:%02g", hour, min, sec));
	int64 time = ((static_cast<int64>(hour) * MINS_PER_HOUR + min) * SECS_PER_MINUTE) *
			USECS_PER_SEC +
		static_cast<int64>(rint(sec * USECS_PER_SEC));
	Timestamp result;
	if (__builtin_mul_overflow(date, USECS_PER_DAY, &result) ||
		__builtin_add_overflow(result, time, &result) || !IS_VALID_TIMESTAMP(result))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("timestamp out of range: %d-%02d-%02d %d:%02d:%02g", year, month, mday, hour,
					   min, sec));
	return result;
}

}  // namespace

Datum make_timestamp(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMP(MakeTimestampInternal(PG_GETARG_INT32(0), PG_GETARG_INT32(1),
											  PG_GETARG_INT32(2), PG_GETARG_INT32(3),
											  PG_GETARG_INT32(4), PG_GETARG_FLOAT8(5)));
}

Datum make_timestamptz(PG_FUNCTION_ARGS)
{
	Timestamp ts = MakeTimestampInternal(PG_GETARG_INT32(0), PG_GETARG_INT32(1), PG_GETARG_INT32(2),
										 PG_GETARG_INT32(3), PG_GETARG_INT32(4),
										 PG_GETARG_FLOAT8(5));
	PG_RETURN_TIMESTAMPTZ(timestamp2timestamptz_opt_overflow(ts, nullptr));
}

Datum make_timestamptz_at_timezone(PG_FUNCTION_ARGS)
{
	Timestamp ts = MakeTimestampInternal(PG_GETARG_INT32(0), PG_GETARG_INT32(1), PG_GETARG_INT32(2),
										 PG_GETARG_INT32(3), PG_GETARG_INT32(4),
										 PG_GETARG_FLOAT8(5));
	char *zone_name = text_to_cstring(PG_GETARG_TEXT_PP(6));
	int tz;
	pg_tz *zone;
	DecodeTimezoneArgument(zone_name, true, &tz, &zone);
	if (zone != nullptr)
		PG_RETURN_TIMESTAMPTZ(FromLocal(ts, zone));
	TimestampTz result = ts + static_cast<int64>(tz) * USECS_PER_SEC;
	if (!IS_VALID_TIMESTAMP(result))
		TimestampOutOfRange();
	PG_RETURN_TIMESTAMPTZ(result);
}

Datum make_interval(PG_FUNCTION_ARGS)
{
	int32 years = PG_GETARG_INT32(0), months = PG_GETARG_INT32(1), weeks = PG_GETARG_INT32(2),
		  days = PG_GETARG_INT32(3), hours = PG_GETARG_INT32(4), mins = PG_GETARG_INT32(5);
	double secs = PG_GETARG_FLOAT8(6);
	if (isinf(secs) || isnan(secs))
		IntervalOutOfRange();
	/* PostgreSQL 15 combines the fields with wrapping arithmetic (so
	 * make_interval(2147483647) is -1 years); so does Tusk, for the same
	 * answers. */
	Interval *r = NewInterval();
	r->month = static_cast<int32>(static_cast<uint32>(years) * MONTHS_PER_YEAR +
								  static_cast<uint32>(months));
	r->day = static_cast<int32>(static_cast<uint32>(weeks) * 7 + static_cast<uint32>(days));
	double usecs = rint(secs * USECS_PER_SEC);
	if (!(usecs > -9223372036854775808.0 && usecs < 9223372036854775808.0))
		IntervalOutOfRange();
	r->time = static_cast<int64>(static_cast<uint64>(hours) * static_cast<uint64>(USECS_PER_HOUR) +
								 static_cast<uint64>(mins) * static_cast<uint64>(USECS_PER_MINUTE) +
								 static_cast<uint64>(static_cast<int64>(usecs)));
	PG_RETURN_INTERVAL_P(r);
}

/* ---- ISO weeks ---- */

namespace {

/* Julian day of the Monday of ISO week 1 of year (the week of Jan 4). */
int IsoWeek1(int year)
{
	int jan4 = date2j(year, 1, 4);
	return jan4 - (j2day(jan4) + 6) % 7;
}

}  // namespace

int date2isoweek(int year, int mon, int mday)
{
	int day = date2j(year, mon, mday);
	int start = IsoWeek1(year);
	if (day < start)
		start = IsoWeek1(year - 1);
	else if (day >= IsoWeek1(year + 1))
		start = IsoWeek1(year + 1);
	return (day - start) / 7 + 1;
}

int date2isoyear(int year, int mon, int mday)
{
	int day = date2j(year, mon, mday);
	if (day < IsoWeek1(year))
		return year - 1;
	if (day >= IsoWeek1(year + 1))
		return year + 1;
	return year;
}

/* ---- date_trunc ---- */

namespace {

const char *TypeName(Oid type)
{
	switch (type)
	{
		case TIMESTAMPOID:
			return "timestamp without time zone";
		case TIMESTAMPTZOID:
			return "timestamp with time zone";
		case INTERVALOID:
			return "interval";
		case DATEOID:
			return "date";
		case TIMEOID:
			return "time without time zone";
		case TIMETZOID:
			return "time with time zone";
		default:
			return "?";
	}
}

char *LowerUnits(text *units)
{
	char *s = text_to_cstring(units);
	for (char *p = s; *p; p++)
		*p = static_cast<char>(tolower(static_cast<unsigned char>(*p)));
	return s;
}

[[noreturn]] void UnitNotSupported(const char *units, Oid type)
{
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("unit \"%s\" not supported for type %s", units, TypeName(type)));
	pg_unreachable();
}

[[noreturn]] void UnitNotRecognized(const char *units, Oid type)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("unit \"%s\" not recognized for type %s", units, TypeName(type)));
	pg_unreachable();
}

/* Truncates the broken-down time to the unit (date_trunc's rules). */
void TruncateTm(const char *units, int unit, Oid type, pg_tm *tm, fsec_t *fsec)
{
	switch (unit)
	{
		case U_WEEK:
		{
			int monday = IsoWeek1(date2isoyear(tm->tm_year, tm->tm_mon, tm->tm_mday)) +
				(date2isoweek(tm->tm_year, tm->tm_mon, tm->tm_mday) - 1) * 7;
			j2date(monday, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
			tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
			*fsec = 0;
			return;
		}
		case U_MILLENNIUM:
			if (tm->tm_year > 0)
				tm->tm_year = ((tm->tm_year + 999) / 1000) * 1000 - 999;
			else
				tm->tm_year = -((999 - (tm->tm_year - 1)) / 1000) * 1000 + 1;
			[[fallthrough]];
		case U_CENTURY:
			if (unit == U_CENTURY)
			{
				if (tm->tm_year > 0)
					tm->tm_year = ((tm->tm_year + 99) / 100) * 100 - 99;
				else
					tm->tm_year = -((99 - (tm->tm_year - 1)) / 100) * 100 + 1;
			}
			[[fallthrough]];
		case U_DECADE:
			if (unit == U_DECADE)
			{
				if (tm->tm_year > 0)
					tm->tm_year = (tm->tm_year / 10) * 10;
				else
					tm->tm_year = -((8 - (tm->tm_year - 1)) / 10) * 10;
			}
			[[fallthrough]];
		case U_YEAR:
			tm->tm_mon = 1;
			[[fallthrough]];
		case U_QUARTER:
			tm->tm_mon = 3 * ((tm->tm_mon - 1) / 3) + 1;
			[[fallthrough]];
		case U_MONTH:
			tm->tm_mday = 1;
			[[fallthrough]];
		case U_DAY:
			tm->tm_hour = 0;
			[[fallthrough]];
		case U_HOUR:
			tm->tm_min = 0;
			[[fallthrough]];
		case U_MINUTE:
			tm->tm_sec = 0;
			[[fallthrough]];
		case U_SECOND:
			*fsec = 0;
			break;
		case U_MILLISEC:
			*fsec = (*fsec / 1000) * 1000;
			break;
		case U_MICROSEC:
			break;
		default:
			UnitNotSupported(units, type);
	}
}

TimestampTz TruncTimestampTz(const char *units, TimestampTz t, pg_tz *zone)
{
	int unit = DecodeUnitName(units);
	if (unit == U_NONE)
		UnitNotRecognized(units, TIMESTAMPTZOID);
	if (TIMESTAMP_NOT_FINITE(t))
		return t;
	pg_tm tm;
	fsec_t fsec;
	int tz;
	if (timestamp2tm(t, &tz, &tm, &fsec, nullptr, zone) != 0)
		TimestampOutOfRange();
	TruncateTm(units, unit, TIMESTAMPTZOID, &tm, &fsec);
	/* Units of a day or more: the zone's offset at the new local time;
	 * smaller ones keep the offset (a truncated time is never moved
	 * across a change of offset). */
	if (unit != U_HOUR && unit != U_MINUTE && unit != U_SECOND && unit != U_MILLISEC &&
		unit != U_MICROSEC)
		tz = DetermineTimeZoneOffset(&tm, zone != nullptr ? zone : SessionZone());
	TimestampTz result;
	if (tm2timestamp(&tm, fsec, &tz, &result) != 0)
		TimestampOutOfRange();
	return result;
}

}  // namespace

Datum timestamp_trunc(PG_FUNCTION_ARGS)
{
	char *units = LowerUnits(PG_GETARG_TEXT_PP(0));
	Timestamp t = PG_GETARG_TIMESTAMP(1);
	int unit = DecodeUnitName(units);
	if (unit == U_NONE)
		UnitNotRecognized(units, TIMESTAMPOID);
	if (TIMESTAMP_NOT_FINITE(t))
		PG_RETURN_TIMESTAMP(t);
	pg_tm tm;
	fsec_t fsec;
	if (timestamp2tm(t, nullptr, &tm, &fsec, nullptr, nullptr) != 0)
		TimestampOutOfRange();
	TruncateTm(units, unit, TIMESTAMPOID, &tm, &fsec);
	Timestamp result;
	if (tm2timestamp(&tm, fsec, nullptr, &result) != 0)
		TimestampOutOfRange();
	PG_RETURN_TIMESTAMP(result);
}

Datum timestamptz_trunc(PG_FUNCTION_ARGS)
{
	char *units = LowerUnits(PG_GETARG_TEXT_PP(0));
	PG_RETURN_TIMESTAMPTZ(TruncTimestampTz(units, PG_GETARG_TIMESTAMPTZ(1), nullptr));
}

Datum timestamptz_trunc_zone(PG_FUNCTION_ARGS)
{
	char *units = LowerUnits(PG_GETARG_TEXT_PP(0));
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(1);
	char *zone_name = text_to_cstring(PG_GETARG_TEXT_PP(2));
	int tz;
	pg_tz *zone;
	DecodeTimezoneArgument(zone_name, false, &tz, &zone);
	if (zone == nullptr)
		zone = pg_tzset_offset(tz);
	PG_RETURN_TIMESTAMPTZ(TruncTimestampTz(units, t, zone));
}

Datum interval_trunc(PG_FUNCTION_ARGS)
{
	char *units = LowerUnits(PG_GETARG_TEXT_PP(0));
	Interval *span = PG_GETARG_INTERVAL_P(1);
	int unit = DecodeUnitName(units);
	if (unit == U_NONE)
		UnitNotRecognized(units, INTERVALOID);
	int64 year = span->month / MONTHS_PER_YEAR, mon = span->month % MONTHS_PER_YEAR;
	int64 day = span->day, time = span->time;
	auto trunc_time = [&](int64 unit_usecs) { time = (time / unit_usecs) * unit_usecs; };
	switch (unit)
	{
		case U_MILLENNIUM:
			year = (year / 1000) * 1000;
			mon = day = time = 0;
			break;
		case U_CENTURY:
			year = (year / 100) * 100;
			mon = day = time = 0;
			break;
		case U_DECADE:
			year = (year / 10) * 10;
			mon = day = time = 0;
			break;
		case U_YEAR:
			mon = day = time = 0;
			break;
		case U_QUARTER:
			mon = 3 * (mon / 3);
			day = time = 0;
			break;
		case U_MONTH:
			day = time = 0;
			break;
		case U_DAY:
			time = 0;
			break;
		case U_HOUR:
			trunc_time(USECS_PER_HOUR);
			break;
		case U_MINUTE:
			trunc_time(USECS_PER_MINUTE);
			break;
		case U_SECOND:
			trunc_time(USECS_PER_SEC);
			break;
		case U_MILLISEC:
			trunc_time(1000);
			break;
		case U_MICROSEC:
			break;
		case U_WEEK:
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("unit \"%s\" not supported for type %s", units, "interval"),
					errdetail("Months usually have fractional weeks."));
			break;
		default:
			UnitNotSupported(units, INTERVALOID);
	}
	Interval *r = NewInterval();
	r->month = static_cast<int32>(year * MONTHS_PER_YEAR + mon);
	r->day = static_cast<int32>(day);
	r->time = time;
	PG_RETURN_INTERVAL_P(r);
}

/* ---- date_part and extract ---- */

/* A field's value as date_part (float8) and extract (numeric) give it:
 * value / 10^scale, or a NULL or an infinity for infinite inputs. */
struct DatePart
{
	enum class Kind
	{
		Value,
		Null,
		PosInf,
		NegInf,
		Numeric, /* only num is set (julian days with a time) */
	} kind = Kind::Value;
	int64 value = 0;
	int scale = 0;
	double fvalue = 0; /* date_part's value where it is not value/10^scale */
	bool use_fvalue = false;
	Numeric num = nullptr;
};

namespace {

Datum PartAsFloat8(const DatePart &p, FunctionCallInfo fcinfo)
{
	switch (p.kind)
	{
		case DatePart::Kind::Null:
			PG_RETURN_NULL();
		case DatePart::Kind::PosInf:
			PG_RETURN_FLOAT8(INFINITY);
		case DatePart::Kind::NegInf:
			PG_RETURN_FLOAT8(-INFINITY);
		default:
			break;
	}
	if (p.use_fvalue)
		PG_RETURN_FLOAT8(p.fvalue);
	double scale = 1;
	for (int i = 0; i < p.scale; i++)
		scale *= 10.0;
	PG_RETURN_FLOAT8(static_cast<double>(p.value) / scale);
}

Datum PartAsNumeric(const DatePart &p, FunctionCallInfo fcinfo)
{
	switch (p.kind)
	{
		case DatePart::Kind::Null:
			PG_RETURN_NULL();
		case DatePart::Kind::PosInf:
			return DirectFunctionCall3(numeric_in, CStringGetDatum("Infinity"),
									   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
		case DatePart::Kind::NegInf:
			return DirectFunctionCall3(numeric_in, CStringGetDatum("-Infinity"),
									   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
		case DatePart::Kind::Numeric:
			PG_RETURN_NUMERIC(p.num);
		default:
			break;
	}
	if (p.scale == 0)
		PG_RETURN_NUMERIC(int64_to_numeric(p.value));
	PG_RETURN_NUMERIC(int64_div_fast_to_numeric(p.value, p.scale));
}

DatePart Int(int64 v)
{
	DatePart p;
	p.value = v;
	return p;
}

DatePart Scaled(int64 v, int scale)
{
	DatePart p;
	p.value = v;
	p.scale = scale;
	return p;
}

/* Units whose value grows with time give +-infinity for infinite input,
 * the others NULL. */
DatePart NonFinitePart(int unit, bool negative, const char *units, Oid type)
{
	DatePart p;
	switch (unit)
	{
		case U_MICROSEC:
		case U_MILLISEC:
		case U_SECOND:
		case U_MINUTE:
		case U_HOUR:
		case U_DAY:
		case U_MONTH:
		case U_QUARTER:
		case U_WEEK:
		case U_DOW:
		case U_ISODOW:
		case U_DOY:
		case U_TZ:
		case U_TZ_MINUTE:
		case U_TZ_HOUR:
			p.kind = DatePart::Kind::Null;
			return p;
		case U_YEAR:
		case U_DECADE:
		case U_CENTURY:
		case U_MILLENNIUM:
		case U_JULIAN:
		case U_ISOYEAR:
		case U_EPOCH:
			p.kind = negative ? DatePart::Kind::NegInf : DatePart::Kind::PosInf;
			return p;
		default:
			UnitNotSupported(units, type);
	}
}

/* The fields of a date (and time of day) shared by timestamps and dates. */
bool DateFieldPart(int unit, const pg_tm &tm, fsec_t fsec, DatePart *out)
{
	int year = tm.tm_year;
	switch (unit)
	{
		case U_DAY:
			*out = Int(tm.tm_mday);
			return true;
		case U_MONTH:
			*out = Int(tm.tm_mon);
			return true;
		case U_QUARTER:
			*out = Int((tm.tm_mon - 1) / 3 + 1);
			return true;
		case U_WEEK:
			*out = Int(date2isoweek(tm.tm_year, tm.tm_mon, tm.tm_mday));
			return true;
		case U_YEAR:
			/* there is no year 0: 1 BC is -1 */
			*out = Int(year > 0 ? year : year - 1);
			return true;
		case U_DECADE:
			*out = Int(year >= 0 ? year / 10 : -((8 - (year - 1)) / 10));
			return true;
		case U_CENTURY:
			*out = Int(year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100));
			return true;
		case U_MILLENNIUM:
			*out = Int(year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000));
			return true;
		case U_ISOYEAR:
		{
			int iy = date2isoyear(tm.tm_year, tm.tm_mon, tm.tm_mday);
			*out = Int(iy > 0 ? iy : iy - 1);
			return true;
		}
		case U_DOW:
		case U_ISODOW:
		{
			int dow = j2day(date2j(tm.tm_year, tm.tm_mon, tm.tm_mday));
			if (unit == U_ISODOW && dow == 0)
				dow = 7;
			*out = Int(dow);
			return true;
		}
		case U_DOY:
			*out = Int(date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - date2j(tm.tm_year, 1, 1) + 1);
			return true;
		case U_JULIAN:
		{
			int64 jd = date2j(tm.tm_year, tm.tm_mon, tm.tm_mday);
			int64 usecs = ((static_cast<int64>(tm.tm_hour) * MINS_PER_HOUR + tm.tm_min) *
							   SECS_PER_MINUTE +
						   tm.tm_sec) *
					USECS_PER_SEC +
				fsec;
			DatePart p;
			p.kind = DatePart::Kind::Numeric;
			p.num = numeric_add_opt_error(int64_to_numeric(jd),
										  numeric_div_opt_error(int64_to_numeric(usecs),
																int64_to_numeric(USECS_PER_DAY),
																nullptr),
										  nullptr);
			p.use_fvalue = true;
			p.fvalue = static_cast<double>(jd) +
				((tm.tm_hour * MINS_PER_HOUR + tm.tm_min) * SECS_PER_MINUTE + tm.tm_sec +
				 fsec / 1000000.0) /
					static_cast<double>(SECS_PER_DAY);
			*out = p;
			return true;
		}
		default:
			return false;
	}
}

bool TimeFieldPart(int unit, const pg_tm &tm, fsec_t fsec, DatePart *out)
{
	switch (unit)
	{
		case U_MICROSEC:
			*out = Int(tm.tm_sec * USECS_PER_SEC + fsec);
			return true;
		case U_MILLISEC:
			*out = Scaled(tm.tm_sec * USECS_PER_SEC + fsec, 3);
			out->use_fvalue = true;
			out->fvalue = tm.tm_sec * 1000.0 + fsec / 1000.0;
			return true;
		case U_SECOND:
			*out = Scaled(tm.tm_sec * USECS_PER_SEC + fsec, 6);
			out->use_fvalue = true;
			out->fvalue = tm.tm_sec + fsec / 1000000.0;
			return true;
		case U_MINUTE:
			*out = Int(tm.tm_min);
			return true;
		case U_HOUR:
			*out = Int(tm.tm_hour);
			return true;
		default:
			return false;
	}
}

bool ZoneFieldPart(int unit, int tz, DatePart *out)
{
	switch (unit)
	{
		case U_TZ:
			*out = Int(-tz);
			return true;
		case U_TZ_MINUTE:
			*out = Int((-tz / SECS_PER_MINUTE) % MINS_PER_HOUR);
			return true;
		case U_TZ_HOUR:
			*out = Int(-tz / SECS_PER_HOUR);
			return true;
		default:
			return false;
	}
}

DatePart TimestampPart(text *units_text, Timestamp t, bool with_tz)
{
	char *units = LowerUnits(units_text);
	Oid type = with_tz ? TIMESTAMPTZOID : TIMESTAMPOID;
	int unit = DecodeUnitName(units);
	if (unit == U_NONE)
		UnitNotRecognized(units, type);
	if (TIMESTAMP_NOT_FINITE(t))
	{
		if (!with_tz && (unit == U_TZ || unit == U_TZ_HOUR || unit == U_TZ_MINUTE))
			UnitNotSupported(units, type);
		return NonFinitePart(unit, TIMESTAMP_IS_NOBEGIN(t), units, type);
	}
	if (unit == U_EPOCH)
	{
		/* seconds since 1970-01-01 00:00:00 UTC (local time for timestamp) */
		int64 epoch = SetEpochTimestamp();
		DatePart p;
		int64 usecs;
		if (!__builtin_sub_overflow(t, epoch, &usecs))
			p = Scaled(usecs, 6);
		else
		{
			/* near the end of the range the difference passes int64 */
			p.kind = DatePart::Kind::Numeric;
			p.num = numeric_sub_opt_error(int64_div_fast_to_numeric(t, 6),
										  int64_div_fast_to_numeric(epoch, 6), nullptr);
		}
		p.use_fvalue = true;
		p.fvalue = (static_cast<double>(t) - static_cast<double>(epoch)) / 1000000.0;
		return p;
	}
	pg_tm tm;
	fsec_t fsec;
	int tz = 0;
	if (timestamp2tm(t, with_tz ? &tz : nullptr, &tm, &fsec, nullptr, nullptr) != 0)
		TimestampOutOfRange();
	DatePart p;
	if (TimeFieldPart(unit, tm, fsec, &p) || DateFieldPart(unit, tm, fsec, &p))
		return p;
	if (with_tz && ZoneFieldPart(unit, tz, &p))
		return p;
	UnitNotSupported(units, type);
}

DatePart IntervalPart(text *units_text, const Interval *span)
{
	char *units = LowerUnits(units_text);
	int unit = DecodeUnitName(units);
	if (unit == U_NONE)
		UnitNotRecognized(units, INTERVALOID);
	int64 year = span->month / MONTHS_PER_YEAR, mon = span->month % MONTHS_PER_YEAR;
	int64 time = span->time;
	int64 hour = time / USECS_PER_HOUR;
	time -= hour * USECS_PER_HOUR;
	int64 min = time / USECS_PER_MINUTE;
	time -= min * USECS_PER_MINUTE; /* seconds and microseconds */
	switch (unit)
	{
		case U_MICROSEC:
			return Int(time);
		case U_MILLISEC:
		{
			DatePart p = Scaled(time, 3);
			p.use_fvalue = true;
			int64 whole = time / USECS_PER_SEC, rest = time % USECS_PER_SEC;
			p.fvalue = static_cast<double>(whole) * 1000.0 + static_cast<double>(rest) / 1000.0;
			return p;
		}
		case U_SECOND:
		{
			DatePart p = Scaled(time, 6);
			p.use_fvalue = true;
			int64 whole = time / USECS_PER_SEC, rest = time % USECS_PER_SEC;
			p.fvalue = static_cast<double>(whole) + static_cast<double>(rest) / 1000000.0;
			return p;
		}
		case U_MINUTE:
			return Int(min);
		case U_HOUR:
			return Int(hour);
		case U_DAY:
			return Int(span->day);
		case U_MONTH:
			return Int(mon);
		case U_QUARTER:
			return Int(mon / 3 + 1);
		case U_YEAR:
			return Int(year);
		case U_DECADE:
			return Int(year / 10);
		case U_CENTURY:
			return Int(year / 100);
		case U_MILLENNIUM:
			return Int(year / 1000);
		case U_EPOCH:
		{
			/* a year as 365.25 days, a month as 30 */
			int64 secs = static_cast<int64>(DAYS_PER_YEAR * SECS_PER_DAY) * year +
				static_cast<int64>(DAYS_PER_MONTH) * SECS_PER_DAY * mon +
				static_cast<int64>(SECS_PER_DAY) * span->day;
			__int128 usecs = static_cast<__int128>(secs) * USECS_PER_SEC + span->time;
			DatePart p;
			if (usecs > INT64_MAX || usecs < INT64_MIN)
			{
				p.kind = DatePart::Kind::Numeric;
				p.num = numeric_add_opt_error(int64_to_numeric(secs),
											  int64_div_fast_to_numeric(span->time, 6), nullptr);
				p.use_fvalue = true;
				p.fvalue = static_cast<double>(secs) +
					static_cast<double>(span->time) / USECS_PER_SEC;
				return p;
			}
			p = Scaled(static_cast<int64>(usecs), 6);
			p.use_fvalue = true;
			/* added up in this order, as PostgreSQL's float result is */
			p.fvalue = span->time / 1000000.0;
			p.fvalue += (DAYS_PER_YEAR * SECS_PER_DAY) * static_cast<double>(year);
			p.fvalue += (static_cast<double>(DAYS_PER_MONTH) * SECS_PER_DAY) *
				static_cast<double>(mon);
			p.fvalue += static_cast<double>(SECS_PER_DAY) * span->day;
			return p;
		}
		default:
			UnitNotSupported(units, INTERVALOID);
	}
}

}  // namespace

Datum timestamp_part(PG_FUNCTION_ARGS)
{
	return PartAsFloat8(TimestampPart(PG_GETARG_TEXT_PP(0), PG_GETARG_TIMESTAMP(1), false), fcinfo);
}

Datum extract_timestamp(PG_FUNCTION_ARGS)
{
	return PartAsNumeric(TimestampPart(PG_GETARG_TEXT_PP(0), PG_GETARG_TIMESTAMP(1), false),
						 fcinfo);
}

Datum timestamptz_part(PG_FUNCTION_ARGS)
{
	return PartAsFloat8(TimestampPart(PG_GETARG_TEXT_PP(0), PG_GETARG_TIMESTAMPTZ(1), true),
						fcinfo);
}

Datum extract_timestamptz(PG_FUNCTION_ARGS)
{
	return PartAsNumeric(TimestampPart(PG_GETARG_TEXT_PP(0), PG_GETARG_TIMESTAMPTZ(1), true),
						 fcinfo);
}

Datum interval_part(PG_FUNCTION_ARGS)
{
	return PartAsFloat8(IntervalPart(PG_GETARG_TEXT_PP(0), PG_GETARG_INTERVAL_P(1)), fcinfo);
}

Datum extract_interval(PG_FUNCTION_ARGS)
{
	return PartAsNumeric(IntervalPart(PG_GETARG_TEXT_PP(0), PG_GETARG_INTERVAL_P(1)), fcinfo);
}

/* extract(field from date): the date's fields; time-of-day fields are
 * not supported, as in PostgreSQL. */
Datum extract_date(PG_FUNCTION_ARGS)
{
	char *units = LowerUnits(PG_GETARG_TEXT_PP(0));
	DateADT date = PG_GETARG_DATEADT(1);
	int unit = DecodeUnitName(units);
	if (unit == U_NONE)
		UnitNotRecognized(units, DATEOID);
	if (unit == U_HOUR || unit == U_MINUTE || unit == U_SECOND || unit == U_MILLISEC ||
		unit == U_MICROSEC || unit == U_TZ || unit == U_TZ_HOUR || unit == U_TZ_MINUTE)
		UnitNotSupported(units, DATEOID);
	if (DATE_NOT_FINITE(date))
		return PartAsNumeric(NonFinitePart(unit, DATE_IS_NOBEGIN(date), units, DATEOID), fcinfo);
	if (unit == U_EPOCH)
		return PartAsNumeric(Int((static_cast<int64>(date) + POSTGRES_EPOCH_JDATE -
								  UNIX_EPOCH_JDATE) *
								 SECS_PER_DAY),
							 fcinfo);
	if (unit == U_JULIAN)
		return PartAsNumeric(Int(static_cast<int64>(date) + POSTGRES_EPOCH_JDATE), fcinfo);
	pg_tm tm = {};
	j2date(date + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	DatePart p;
	if (!DateFieldPart(unit, tm, 0, &p))
		UnitNotSupported(units, DATEOID);
	return PartAsNumeric(p, fcinfo);
}

/* Time of day parts, shared with date.cpp. */
Datum TimePartDatum(FunctionCallInfo fcinfo, bool numeric, TimeADT time, const int *tz)
{
	char *units = LowerUnits(PG_GETARG_TEXT_PP(0));
	Oid type = tz != nullptr ? TIMETZOID : TIMEOID;
	int unit = DecodeUnitName(units);
	if (unit == U_NONE)
		UnitNotRecognized(units, type);
	DatePart p;
	pg_tm tm = {};
	fsec_t fsec;
	dt2time(time, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &fsec);
	if (unit == U_EPOCH)
	{
		int64 t = time + (tz != nullptr ? static_cast<int64>(*tz) * USECS_PER_SEC : 0);
		p = Scaled(t, 6);
	}
	else if (!TimeFieldPart(unit, tm, fsec, &p) && !(tz != nullptr && ZoneFieldPart(unit, *tz, &p)))
		UnitNotSupported(units, type);
	return numeric ? PartAsNumeric(p, fcinfo) : PartAsFloat8(p, fcinfo);
}

/* ---- avg(interval) ---- */

namespace {

/* avg(interval)'s state: an interval[] of two, the sum and the count (in
 * the second's time field), as PostgreSQL keeps it. */
void ReadAvgState(ArrayType *state, Interval *sum, Interval *count)
{
	Datum *elems;
	int n;
	deconstruct_array(state, INTERVALOID, sizeof(Interval), false, TYPALIGN_DOUBLE, &elems, nullptr,
					  &n);
	if (n != 2)
		elog(ERROR, "expected 2-element interval array");
	*sum = *DatumGetIntervalP(elems[0]);
	*count = *DatumGetIntervalP(elems[1]);
}

Datum MakeAvgState(const Interval &sum, const Interval &count)
{
	Datum elems[2] = {IntervalPGetDatum(&sum), IntervalPGetDatum(&count)};
	return PointerGetDatum(
		construct_array(elems, 2, INTERVALOID, sizeof(Interval), false, TYPALIGN_DOUBLE));
}

Interval AddIntervals(const Interval &a, const Interval &b, bool subtract)
{
	Datum r = DirectFunctionCall2(subtract ? interval_mi : interval_pl, IntervalPGetDatum(&a),
								  IntervalPGetDatum(&b));
	return *DatumGetIntervalP(r);
}

}  // namespace

Datum interval_accum(PG_FUNCTION_ARGS)
{
	Interval sum, count;
	ReadAvgState(PG_GETARG_ARRAYTYPE_P(0), &sum, &count);
	sum = AddIntervals(sum, *PG_GETARG_INTERVAL_P(1), false);
	count.time++;
	return MakeAvgState(sum, count);
}

Datum interval_accum_inv(PG_FUNCTION_ARGS)
{
	Interval sum, count;
	ReadAvgState(PG_GETARG_ARRAYTYPE_P(0), &sum, &count);
	sum = AddIntervals(sum, *PG_GETARG_INTERVAL_P(1), true);
	count.time--;
	return MakeAvgState(sum, count);
}

Datum interval_combine(PG_FUNCTION_ARGS)
{
	Interval sum1, count1, sum2, count2;
	ReadAvgState(PG_GETARG_ARRAYTYPE_P(0), &sum1, &count1);
	ReadAvgState(PG_GETARG_ARRAYTYPE_P(1), &sum2, &count2);
	sum1 = AddIntervals(sum1, sum2, false);
	count1.time += count2.time;
	return MakeAvgState(sum1, count1);
}

Datum interval_avg(PG_FUNCTION_ARGS)
{
	Interval sum, count;
	ReadAvgState(PG_GETARG_ARRAYTYPE_P(0), &sum, &count);
	/* no rows: NULL */
	if (count.time == 0)
		PG_RETURN_NULL();
	return DirectFunctionCall2(interval_div, IntervalPGetDatum(&sum),
							   Float8GetDatum(static_cast<double>(count.time)));
}

/* ---- date_bin ---- */

namespace {

/* The start of the stride-long bin (counted from origin) holding ts. */
Timestamp BinTimestamp(const Interval *stride, Timestamp ts, Timestamp origin)
{
	if (TIMESTAMP_NOT_FINITE(ts))
		return ts;
	if (TIMESTAMP_NOT_FINITE(origin))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE), errmsg("origin out of range"));
	if (stride->month != 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("timestamps cannot be binned into intervals containing months or years"));
	int64 stride_usecs;
	if (__builtin_mul_overflow(static_cast<int64>(stride->day), USECS_PER_DAY, &stride_usecs) ||
		__builtin_add_overflow(stride_usecs, stride->time, &stride_usecs))
		IntervalOutOfRange();
	if (stride_usecs <= 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("stride must be greater than zero"));
	int64 diff;
	if (__builtin_sub_overflow(ts, origin, &diff))
		IntervalOutOfRange();
	int64 modulo = diff % stride_usecs;
	Timestamp result = origin + (diff - modulo);
	/* round toward -infinity for times before the origin */
	if (modulo < 0 &&
		(__builtin_sub_overflow(result, stride_usecs, &result) || !IS_VALID_TIMESTAMP(result)))
		TimestampOutOfRange();
	return result;
}

}  // namespace

Datum timestamp_bin(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMP(
		BinTimestamp(PG_GETARG_INTERVAL_P(0), PG_GETARG_TIMESTAMP(1), PG_GETARG_TIMESTAMP(2)));
}

Datum timestamptz_bin(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(
		BinTimestamp(PG_GETARG_INTERVAL_P(0), PG_GETARG_TIMESTAMPTZ(1), PG_GETARG_TIMESTAMPTZ(2)));
}
