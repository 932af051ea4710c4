/*
 * utils/timestamp.h — timestamp, timestamp with time zone and interval as
 * PostgreSQL represents them.
 *
 * A Timestamp or TimestampTz is an int64 count of microseconds since
 * 2000-01-01 00:00:00 (UTC for TimestampTz, local wall-clock time for
 * Timestamp); the extreme values stand for -infinity and infinity.  An
 * Interval keeps months, days and microseconds apart because their lengths
 * are not fixed (a month has 28 to 31 days, a day 23 to 25 hours across a
 * daylight-saving change).
 *
 * Entry points: the Datum conversion macros, GetCurrentTimestamp,
 * timestamp2tm / tm2timestamp (broken-down time), the range checks, and
 * the conversions to and from time_t.  Parsing and formatting are in
 * utils/datetime.h; the SQL-callable functions in utils/fmgrprotos.h.
 */
#ifndef TUSK_UTILS_TIMESTAMP_H
#define TUSK_UTILS_TIMESTAMP_H

#include <time.h>

#include "c.h"
#include "fmgr.h"

typedef int64 Timestamp;
typedef int32 fsec_t; /* fractional seconds, in microseconds */

typedef struct Interval
{
	int64 time;	 /* microseconds, all time-of-day units */
	int32 day;	 /* days, apart from months and time */
	int32 month; /* months and years */
} Interval;

#define MAX_TIMESTAMP_PRECISION 6
#define MAX_INTERVAL_PRECISION 6

#define DAYS_PER_YEAR 365.25
#define MONTHS_PER_YEAR 12
#define DAYS_PER_MONTH 30
#define HOURS_PER_DAY 24
#define SECS_PER_YEAR (36525 * 864) /* 365.25 days */
#define SECS_PER_DAY 86400
#define SECS_PER_HOUR 3600
#define SECS_PER_MINUTE 60
#define MINS_PER_HOUR 60

#define USECS_PER_DAY INT64CONST(86400000000)
#define USECS_PER_HOUR INT64CONST(3600000000)
#define USECS_PER_MINUTE INT64CONST(60000000)
#define USECS_PER_SEC INT64CONST(1000000)

/* Seconds from the Unix epoch (1970) to PostgreSQL's (2000). */
#define POSTGRES_EPOCH_UNIX_SECONDS INT64CONST(946684800)

/* Julian day numbers of the two epochs. */
#define UNIX_EPOCH_JDATE 2440588
#define POSTGRES_EPOCH_JDATE 2451545

/* The range of dates and timestamps: from 4714-11-24 BC (julian day 0) to
 * 5874897-12-31 for dates and to 294276-12-31 for timestamps. */
#define JULIAN_MINYEAR (-4713)
#define JULIAN_MINMONTH 11
#define JULIAN_MINDAY 24
#define JULIAN_MAXYEAR 5874898
#define JULIAN_MAXMONTH 6
#define JULIAN_MAXDAY 3
#define DATETIME_MIN_JULIAN 0
#define DATE_END_JULIAN 2147483494	   /* == date2j(JULIAN_MAXYEAR, 1, 1) */
#define TIMESTAMP_END_JULIAN 109203528 /* == date2j(294277, 1, 1) */
#define MIN_TIMESTAMP INT64CONST(-211813488000000000)
#define END_TIMESTAMP INT64CONST(9223371331200000000)

#define IS_VALID_JULIAN(y, m, d) \
	(((y) > JULIAN_MINYEAR || ((y) == JULIAN_MINYEAR && ((m) >= JULIAN_MINMONTH))) && \
	 ((y) < JULIAN_MAXYEAR || ((y) == JULIAN_MAXYEAR && ((m) < JULIAN_MAXMONTH))))
#define IS_VALID_DATE(d) \
	((DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE) <= (d) && \
	 (d) < (DATE_END_JULIAN - POSTGRES_EPOCH_JDATE))
#define IS_VALID_TIMESTAMP(t) (MIN_TIMESTAMP <= (t) && (t) < END_TIMESTAMP)

#define DT_NOBEGIN PG_INT64_MIN
#define DT_NOEND PG_INT64_MAX
#define TIMESTAMP_NOBEGIN(j) ((j) = DT_NOBEGIN)
#define TIMESTAMP_IS_NOBEGIN(j) ((j) == DT_NOBEGIN)
#define TIMESTAMP_NOEND(j) ((j) = DT_NOEND)
#define TIMESTAMP_IS_NOEND(j) ((j) == DT_NOEND)
#define TIMESTAMP_NOT_FINITE(j) (TIMESTAMP_IS_NOBEGIN(j) || TIMESTAMP_IS_NOEND(j))

/* An interval type modifier: the fields allowed (a mask of the
 * INTERVAL_MASK bits) in the high 16 bits, the seconds' precision in the
 * low ones. */
#define INTERVAL_FULL_RANGE 0x7FFF
#define INTERVAL_RANGE_MASK 0x7FFF
#define INTERVAL_FULL_PRECISION 0xFFFF
#define INTERVAL_PRECISION_MASK 0xFFFF
#define INTERVAL_TYPMOD(p, r) ((((r) &INTERVAL_RANGE_MASK) << 16) | ((p) &INTERVAL_PRECISION_MASK))
#define INTERVAL_PRECISION(t) ((t) &INTERVAL_PRECISION_MASK)
#define INTERVAL_RANGE(t) (((t) >> 16) & INTERVAL_RANGE_MASK)

#define DatumGetTimestamp(X) ((Timestamp) DatumGetInt64(X))
#define DatumGetIntervalP(X) ((Interval *) DatumGetPointer(X))
#define TimestampGetDatum(X) Int64GetDatum(X)
#define IntervalPGetDatum(X) PointerGetDatum(X)
#define PG_GETARG_TIMESTAMP(n) DatumGetTimestamp(PG_GETARG_DATUM(n))
#define PG_GETARG_TIMESTAMPTZ(n) DatumGetTimestampTz(PG_GETARG_DATUM(n))
#define PG_GETARG_INTERVAL_P(n) DatumGetIntervalP(PG_GETARG_DATUM(n))
#define PG_RETURN_TIMESTAMP(x) return TimestampGetDatum(x)
#define PG_RETURN_TIMESTAMPTZ(x) return TimestampTzGetDatum(x)
#define PG_RETURN_INTERVAL_P(x) return IntervalPGetDatum(x)

#define TimestampTzPlusMilliseconds(tz, ms) ((tz) + ((ms) * (int64) 1000))

struct pg_tm;
struct pg_tz;

#ifdef __cplusplus
extern "C" {
#endif

/* Round to a column's precision (typmod); false if it leaves the range. */
extern bool AdjustTimestampForTypmod(Timestamp *time, int32 typmod);
extern void AdjustIntervalForTypmod(Interval *interval, int32 typmod);

extern TimestampTz GetCurrentTimestamp(void);
/* When this process last loaded the configuration files (pg_conf_load_time). */
extern PGDLLIMPORT TimestampTz PgReloadTime;
extern pg_time_t timestamptz_to_time_t(TimestampTz t);
extern TimestampTz time_t_to_timestamptz(pg_time_t tm);
/* "2026-11-24 15:25:42.331+00"-style text in UTC, into buf (>= 40 bytes). */
extern const char *timestamptz_to_str_utc(TimestampTz t, char *buf, size_t len);
/* The value in the session's DateStyle and time zone; palloc'd. */
extern const char *timestamptz_to_str(TimestampTz t);

/* Broken-down time to a timestamp: *tzp is the zone's offset in seconds
 * west of UTC, or NULL for a timestamp without time zone.  Returns -1 if
 * out of range. */
extern int tm2timestamp(struct pg_tm *tm, fsec_t fsec, int *tzp, Timestamp *result);
/* A timestamp to broken-down time.  With tzp, the value is a TimestampTz
 * shown in attimezone (the session's zone when NULL): *tzp gets its offset
 * (seconds west) and *tzn, if given, its abbreviation.  Returns -1 if out of
 * range. */
extern int timestamp2tm(Timestamp dt, int *tzp, struct pg_tm *tm, fsec_t *fsec, const char **tzn,
						struct pg_tz *attimezone);
extern void dt2time(Timestamp dt, int *hour, int *min, int *sec, fsec_t *fsec);
extern int interval2tm(Interval span, struct pg_tm *tm, fsec_t *fsec);
extern int tm2interval(struct pg_tm *tm, fsec_t fsec, Interval *span);
extern Timestamp SetEpochTimestamp(void);
extern void GetEpochTime(struct pg_tm *tm);
extern int timestamp_cmp_internal(Timestamp dt1, Timestamp dt2);
extern int32 anytimestamp_typmod_check(bool istz, int32 typmod);
extern TimestampTz timestamp2timestamptz_opt_overflow(Timestamp timestamp, int *overflow);
extern int32 timestamp_cmp_timestamptz_internal(Timestamp timestampVal, TimestampTz dt2);
/* ISO 8601 week number and week-numbering year of a date. */
extern int date2isoweek(int year, int mon, int mday);
extern int date2isoyear(int year, int mon, int mday);
extern bool TimestampDifferenceExceeds(TimestampTz start_time, TimestampTz stop_time, int msec);
extern long TimestampDifferenceMilliseconds(TimestampTz start_time, TimestampTz stop_time);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_TIMESTAMP_H */
