/*
 * date.cpp — the types date, time and time with time zone.
 *
 * Input and output through utils/datetime.h, type modifiers (time(3)),
 * comparisons (also of a date with a timestamp: the date is its midnight,
 * in the session's zone for timestamptz), arithmetic (date +/- integer,
 * date - date, date/time +/- interval, time - time), make_date, make_time,
 * date_part / extract of times, OVERLAPS, AT TIME ZONE for timetz, and the
 * casts among dates, times and timestamps.
 *
 * Principal entry points: the SQL-callable functions (utils/fmgrprotos.h);
 * the conversion helpers of utils/date.h.
 */
#include "postgres.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include <algorithm>

#include "access/xact.h"
#include "adt_internal.h"
#include "catalog/pg_type.h"
#include "datetime_internal.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"

using tusk::adt::Compare3;

namespace {

[[noreturn]] void DateOutOfRange()
{
	ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE), errmsg("date out of range"));
	pg_unreachable();
}

[[noreturn]] void DateOutOfRangeForTimestamp()
{
	ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			errmsg("date out of range for timestamp"));
	pg_unreachable();
}

[[noreturn]] void TimestampOutOfRange()
{
	ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE), errmsg("timestamp out of range"));
	pg_unreachable();
}

pg_tz *SessionZone()
{
	return session_timezone != nullptr ? session_timezone : pg_tzset("GMT");
}

int32 TimeTypmodIn(ArrayType *ta, bool istz)
{
	int n;
	int32 *tl = ArrayGetIntegerTypmods(ta, &n);
	if (n != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("invalid type modifier"));
	return anytime_typmod_check(istz, tl[0]);
}

char *TimeTypmodOut(int32 typmod, bool istz)
{
	const char *tz = istz ? " with time zone" : " without time zone";
	if (typmod >= 0)
		return psprintf("(%d)%s", typmod, tz);
	return pstrdup(tz);
}

int64 FloorDiv(int64 a, int64 b)
{
	int64 q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

/* Wraps a time of day into [0, 24:00). */
TimeADT WrapTime(int64 t)
{
	t -= FloorDiv(t, USECS_PER_DAY) * USECS_PER_DAY;
	return t;
}

TimeTzADT *NewTimeTz(TimeADT time, int32 zone)
{
	auto *r = static_cast<TimeTzADT *>(palloc(sizeof(TimeTzADT)));
	r->time = time;
	r->zone = zone;
	return r;
}

}  // namespace

int32 anytime_typmod_check(bool istz, int32 typmod)
{
	if (typmod < 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("TIME(%d)%s precision must not be negative", typmod,
					   istz ? " WITH TIME ZONE" : ""));
	if (typmod > MAX_TIME_PRECISION)
	{
		ereport(WARNING, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("TIME(%d)%s precision reduced to maximum allowed, %d", typmod,
					   istz ? " WITH TIME ZONE" : "", MAX_TIME_PRECISION));
		typmod = MAX_TIME_PRECISION;
	}
	return typmod;
}

void AdjustTimeForTypmod(TimeADT *time, int32 typmod)
{
	static const int64 kScales[MAX_TIME_PRECISION + 1] = {INT64CONST(1000000), INT64CONST(100000),
														  INT64CONST(10000),   INT64CONST(1000),
														  INT64CONST(100),	   INT64CONST(10),
														  INT64CONST(1)};
	if (typmod < 0 || typmod >= MAX_TIME_PRECISION)
		return;
	int64 scale = kScales[typmod];
	if (*time >= 0)
		*time = ((*time + scale / 2) / scale) * scale;
	else
		*time = -((((-*time) + scale / 2) / scale) * scale);
}

bool time_overflows(int hour, int min, int sec, fsec_t fsec)
{
	if (hour < 0 || hour > HOURS_PER_DAY || min < 0 || min >= MINS_PER_HOUR || sec < 0 ||
		sec > SECS_PER_MINUTE || fsec < 0 || fsec > USECS_PER_SEC)
		return true;
	return (((static_cast<int64>(hour) * MINS_PER_HOUR + min) * SECS_PER_MINUTE) + sec) *
			USECS_PER_SEC +
		fsec >
		USECS_PER_DAY;
}

bool float_time_overflows(int hour, int min, double sec)
{
	if (hour < 0 || hour > HOURS_PER_DAY || min < 0 || min >= MINS_PER_HOUR)
		return true;
	/* rounded to microseconds first, so 59.9999999 counts as 60 */
	if (isnan(sec))
		return true;
	sec = rint(sec * USECS_PER_SEC);
	if (sec < 0 || sec > SECS_PER_MINUTE * USECS_PER_SEC)
		return true;
	return ((static_cast<int64>(hour) * MINS_PER_HOUR + min) * SECS_PER_MINUTE) * USECS_PER_SEC +
		static_cast<int64>(sec) >
		USECS_PER_DAY;
}

int time2tm(TimeADT time, pg_tm *tm, fsec_t *fsec)
{
	dt2time(time, &tm->tm_hour, &tm->tm_min, &tm->tm_sec, fsec);
	return 0;
}

int tm2time(pg_tm *tm, fsec_t fsec, TimeADT *result)
{
	*result = ((static_cast<int64>(tm->tm_hour) * MINS_PER_HOUR + tm->tm_min) * SECS_PER_MINUTE +
			   tm->tm_sec) *
			USECS_PER_SEC +
		fsec;
	return 0;
}

int timetz2tm(TimeTzADT *time, pg_tm *tm, fsec_t *fsec, int *tzp)
{
	dt2time(time->time, &tm->tm_hour, &tm->tm_min, &tm->tm_sec, fsec);
	if (tzp != nullptr)
		*tzp = time->zone;
	return 0;
}

int tm2timetz(pg_tm *tm, fsec_t fsec, int tz, TimeTzADT *result)
{
	tm2time(tm, fsec, &result->time);
	result->zone = tz;
	return 0;
}

Timestamp date2timestamp_opt_overflow(DateADT dateVal, int *overflow)
{
	if (overflow != nullptr)
		*overflow = 0;
	if (DATE_IS_NOBEGIN(dateVal))
		return DT_NOBEGIN;
	if (DATE_IS_NOEND(dateVal))
		return DT_NOEND;
	if (dateVal >= (TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE))
	{
		if (overflow != nullptr)
		{
			*overflow = 1;
			return DT_NOEND;
		}
		DateOutOfRangeForTimestamp();
	}
	return static_cast<int64>(dateVal) * USECS_PER_DAY;
}

TimestampTz date2timestamptz_opt_overflow(DateADT dateVal, int *overflow)
{
	if (overflow != nullptr)
		*overflow = 0;
	if (DATE_IS_NOBEGIN(dateVal))
		return DT_NOBEGIN;
	if (DATE_IS_NOEND(dateVal))
		return DT_NOEND;
	if (dateVal >= (TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE))
	{
		if (overflow != nullptr)
		{
			*overflow = 1;
			return DT_NOEND;
		}
		DateOutOfRangeForTimestamp();
	}
	pg_tm tm = {};
	j2date(dateVal + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	int tz = DetermineTimeZoneOffset(&tm, SessionZone());
	TimestampTz result = static_cast<int64>(dateVal) * USECS_PER_DAY +
		static_cast<int64>(tz) * USECS_PER_SEC;
	if (!IS_VALID_TIMESTAMP(result))
	{
		if (overflow != nullptr)
		{
			*overflow = result < MIN_TIMESTAMP ? -1 : 1;
			return result < MIN_TIMESTAMP ? DT_NOBEGIN : DT_NOEND;
		}
		DateOutOfRangeForTimestamp();
	}
	return result;
}

int32 date_cmp_timestamp_internal(DateADT dateVal, Timestamp dt2)
{
	int overflow;
	Timestamp dt1 = date2timestamp_opt_overflow(dateVal, &overflow);
	if (overflow > 0)
		return 1;
	return Compare3(dt1, dt2);
}

int32 date_cmp_timestamptz_internal(DateADT dateVal, TimestampTz dt2)
{
	int overflow;
	TimestampTz dt1 = date2timestamptz_opt_overflow(dateVal, &overflow);
	if (overflow > 0)
		return 1;
	if (overflow < 0)
		return -1;
	return Compare3(dt1, dt2);
}

void EncodeSpecialDate(DateADT dt, char *str)
{
	if (DATE_IS_NOBEGIN(dt))
		strcpy(str, "-infinity");
	else if (DATE_IS_NOEND(dt))
		strcpy(str, "infinity");
	else
		elog(ERROR, "invalid argument for EncodeSpecialDate");
}

/* ---- date ---- */

Datum date_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	char workbuf[MAXDATELEN + 1];
	char *field[MAXDATEFIELDS];
	int ftype[MAXDATEFIELDS];
	int nf, dtype, tz;
	pg_tm tm;
	fsec_t fsec;
	int dterr = ParseDateTime(str, workbuf, sizeof workbuf, field, ftype, MAXDATEFIELDS, &nf);
	if (dterr == 0)
		dterr = DecodeDateTime(field, ftype, nf, &dtype, &tm, &fsec, &tz);
	if (dterr != 0)
		DateTimeParseError(dterr, str, "date");
	switch (dtype)
	{
		case DTK_DATE:
			break;
		case DTK_LATE:
			PG_RETURN_DATEADT(DATEVAL_NOEND);
		case DTK_EARLY:
			PG_RETURN_DATEADT(DATEVAL_NOBEGIN);
		default:
			DateTimeParseError(DTERR_BAD_FORMAT, str, "date");
	}
	if (!IS_VALID_JULIAN(tm.tm_year, tm.tm_mon, tm.tm_mday))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("date out of range: \"%s\"", str));
	DateADT date = date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(date))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("date out of range: \"%s\"", str));
	PG_RETURN_DATEADT(date);
}

Datum date_out(PG_FUNCTION_ARGS)
{
	DateADT date = PG_GETARG_DATEADT(0);
	char buf[MAXDATELEN + 1];
	if (DATE_NOT_FINITE(date))
		EncodeSpecialDate(date, buf);
	else
	{
		pg_tm tm = {};
		j2date(date + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
		EncodeDateOnly(&tm, DateStyle, buf);
	}
	PG_RETURN_CSTRING(pstrdup(buf));
}

// clang-format off
Datum date_eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_DATEADT(0) == PG_GETARG_DATEADT(1)); }
Datum date_ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_DATEADT(0) != PG_GETARG_DATEADT(1)); }
Datum date_lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_DATEADT(0) < PG_GETARG_DATEADT(1)); }
Datum date_le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_DATEADT(0) <= PG_GETARG_DATEADT(1)); }
Datum date_gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_DATEADT(0) > PG_GETARG_DATEADT(1)); }
Datum date_ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_DATEADT(0) >= PG_GETARG_DATEADT(1)); }
Datum date_cmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(Compare3(PG_GETARG_DATEADT(0), PG_GETARG_DATEADT(1))); }
Datum date_larger(PG_FUNCTION_ARGS) { PG_RETURN_DATEADT(std::max(PG_GETARG_DATEADT(0), PG_GETARG_DATEADT(1))); }
Datum date_smaller(PG_FUNCTION_ARGS) { PG_RETURN_DATEADT(std::min(PG_GETARG_DATEADT(0), PG_GETARG_DATEADT(1))); }
Datum date_finite(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(!DATE_NOT_FINITE(PG_GETARG_DATEADT(0))); }

#define CMP_D_TS date_cmp_timestamp_internal(PG_GETARG_DATEADT(0), PG_GETARG_TIMESTAMP(1))
#define CMP_TS_D (-date_cmp_timestamp_internal(PG_GETARG_DATEADT(1), PG_GETARG_TIMESTAMP(0)))
#define CMP_D_TSTZ date_cmp_timestamptz_internal(PG_GETARG_DATEADT(0), PG_GETARG_TIMESTAMPTZ(1))
#define CMP_TSTZ_D (-date_cmp_timestamptz_internal(PG_GETARG_DATEADT(1), PG_GETARG_TIMESTAMPTZ(0)))
Datum date_eq_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_D_TS == 0); }
Datum date_ne_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_D_TS != 0); }
Datum date_lt_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_D_TS < 0); }
Datum date_le_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_D_TS <= 0); }
Datum date_gt_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_D_TS > 0); }
Datum date_ge_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_D_TS >= 0); }
Datum date_cmp_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(CMP_D_TS); }
Datum timestamp_eq_date(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TS_D == 0); }
Datum timestamp_ne_date(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TS_D != 0); }
Datum timestamp_lt_date(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TS_D < 0); }
Datum timestamp_le_date(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TS_D <= 0); }
Datum timestamp_gt_date(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TS_D > 0); }
Datum timestamp_ge_date(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TS_D >= 0); }
Datum timestamp_cmp_date(PG_FUNCTION_ARGS) { PG_RETURN_INT32(CMP_TS_D); }
Datum date_eq_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_D_TSTZ == 0); }
Datum date_ne_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_D_TSTZ != 0); }
Datum date_lt_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_D_TSTZ < 0); }
Datum date_le_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_D_TSTZ <= 0); }
Datum date_gt_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_D_TSTZ > 0); }
Datum date_ge_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_D_TSTZ >= 0); }
Datum date_cmp_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_INT32(CMP_D_TSTZ); }
Datum timestamptz_eq_date(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TSTZ_D == 0); }
Datum timestamptz_ne_date(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TSTZ_D != 0); }
Datum timestamptz_lt_date(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TSTZ_D < 0); }
Datum timestamptz_le_date(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TSTZ_D <= 0); }
Datum timestamptz_gt_date(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TSTZ_D > 0); }
Datum timestamptz_ge_date(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TSTZ_D >= 0); }
Datum timestamptz_cmp_date(PG_FUNCTION_ARGS) { PG_RETURN_INT32(CMP_TSTZ_D); }
// clang-format on

Datum date_mi(PG_FUNCTION_ARGS)
{
	DateADT a = PG_GETARG_DATEADT(0), b = PG_GETARG_DATEADT(1);
	if (DATE_NOT_FINITE(a) || DATE_NOT_FINITE(b))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("cannot subtract infinite dates"));
	PG_RETURN_INT32(a - b);
}

Datum date_pli(PG_FUNCTION_ARGS)
{
	DateADT date = PG_GETARG_DATEADT(0);
	int32 days = PG_GETARG_INT32(1);
	if (DATE_NOT_FINITE(date))
		PG_RETURN_DATEADT(date);
	DateADT result;
	if (__builtin_add_overflow(date, days, &result) || !IS_VALID_DATE(result))
		DateOutOfRange();
	PG_RETURN_DATEADT(result);
}

Datum date_mii(PG_FUNCTION_ARGS)
{
	DateADT date = PG_GETARG_DATEADT(0);
	int32 days = PG_GETARG_INT32(1);
	if (DATE_NOT_FINITE(date))
		PG_RETURN_DATEADT(date);
	DateADT result;
	if (__builtin_sub_overflow(date, days, &result) || !IS_VALID_DATE(result))
		DateOutOfRange();
	PG_RETURN_DATEADT(result);
}

Datum date_pl_interval(PG_FUNCTION_ARGS)
{
	Timestamp ts = date2timestamp_opt_overflow(PG_GETARG_DATEADT(0), nullptr);
	return DirectFunctionCall2(timestamp_pl_interval, TimestampGetDatum(ts), PG_GETARG_DATUM(1));
}

Datum date_mi_interval(PG_FUNCTION_ARGS)
{
	Timestamp ts = date2timestamp_opt_overflow(PG_GETARG_DATEADT(0), nullptr);
	return DirectFunctionCall2(timestamp_mi_interval, TimestampGetDatum(ts), PG_GETARG_DATUM(1));
}

Datum date_timestamp(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMP(date2timestamp_opt_overflow(PG_GETARG_DATEADT(0), nullptr));
}

Datum date_timestamptz(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMESTAMPTZ(date2timestamptz_opt_overflow(PG_GETARG_DATEADT(0), nullptr));
}

Datum timestamp_date(PG_FUNCTION_ARGS)
{
	Timestamp t = PG_GETARG_TIMESTAMP(0);
	if (TIMESTAMP_IS_NOBEGIN(t))
		PG_RETURN_DATEADT(DATEVAL_NOBEGIN);
	if (TIMESTAMP_IS_NOEND(t))
		PG_RETURN_DATEADT(DATEVAL_NOEND);
	PG_RETURN_DATEADT(static_cast<DateADT>(FloorDiv(t, USECS_PER_DAY)));
}

Datum timestamptz_date(PG_FUNCTION_ARGS)
{
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(0);
	if (TIMESTAMP_IS_NOBEGIN(t))
		PG_RETURN_DATEADT(DATEVAL_NOBEGIN);
	if (TIMESTAMP_IS_NOEND(t))
		PG_RETURN_DATEADT(DATEVAL_NOEND);
	pg_tm tm;
	fsec_t fsec;
	int tz;
	if (timestamp2tm(t, &tz, &tm, &fsec, nullptr, nullptr) != 0)
		TimestampOutOfRange();
	PG_RETURN_DATEADT(date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE);
}

Datum make_date(PG_FUNCTION_ARGS)
{
	int year = PG_GETARG_INT32(0), mon = PG_GETARG_INT32(1), mday = PG_GETARG_INT32(2);
	pg_tm tm = {};
	tm.tm_year = year;
	tm.tm_mon = mon;
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
				errmsg("date field value out of range: %d-%02d-%02d", year, mon, mday));
	if (!IS_VALID_JULIAN(tm.tm_year, tm.tm_mon, tm.tm_mday))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("date out of range: %d-%02d-%02d", year, mon, mday));
	DateADT date = date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(date))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("date out of range: %d-%02d-%02d", year, mon, mday));
	PG_RETURN_DATEADT(date);
}

Datum datetime_timestamp(PG_FUNCTION_ARGS)
{
	DateADT date = PG_GETARG_DATEADT(0);
	TimeADT time = PG_GETARG_TIMEADT(1);
	Timestamp result = date2timestamp_opt_overflow(date, nullptr);
	if (!TIMESTAMP_NOT_FINITE(result))
	{
		result += time;
		if (!IS_VALID_TIMESTAMP(result))
			TimestampOutOfRange();
	}
	PG_RETURN_TIMESTAMP(result);
}

Datum datetimetz_timestamptz(PG_FUNCTION_ARGS)
{
	DateADT date = PG_GETARG_DATEADT(0);
	TimeTzADT *time = PG_GETARG_TIMETZADT_P(1);
	if (DATE_IS_NOBEGIN(date))
		PG_RETURN_TIMESTAMPTZ(DT_NOBEGIN);
	if (DATE_IS_NOEND(date))
		PG_RETURN_TIMESTAMPTZ(DT_NOEND);
	if (date >= (TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE))
		DateOutOfRangeForTimestamp();
	TimestampTz result = static_cast<int64>(date) * USECS_PER_DAY + time->time +
		static_cast<int64>(time->zone) * USECS_PER_SEC;
	if (!IS_VALID_TIMESTAMP(result))
		DateOutOfRangeForTimestamp();
	PG_RETURN_TIMESTAMPTZ(result);
}

/* ---- time ---- */

namespace {

/* Reads a time or timetz; *tz gets the zone (seconds west). */
void ReadTime(const char *str, const char *type_name, pg_tm *tm, fsec_t *fsec, int *tz)
{
	char workbuf[MAXDATELEN + 1];
	char *field[MAXDATEFIELDS];
	int ftype[MAXDATEFIELDS];
	int nf, dtype;
	int dterr = ParseDateTime(str, workbuf, sizeof workbuf, field, ftype, MAXDATEFIELDS, &nf);
	if (dterr == 0)
		dterr = DecodeTimeOnly(field, ftype, nf, &dtype, tm, fsec, tz);
	if (dterr != 0)
		DateTimeParseError(dterr, str, type_name);
}

}  // namespace

Datum time_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	pg_tm tm;
	fsec_t fsec;
	int tz;
	ReadTime(str, "time", &tm, &fsec, &tz);
	TimeADT result;
	tm2time(&tm, fsec, &result);
	AdjustTimeForTypmod(&result, PG_GETARG_INT32(2));
	PG_RETURN_TIMEADT(result);
}

Datum time_out(PG_FUNCTION_ARGS)
{
	pg_tm tm;
	fsec_t fsec;
	char buf[MAXDATELEN + 1];
	time2tm(PG_GETARG_TIMEADT(0), &tm, &fsec);
	EncodeTimeOnly(&tm, fsec, false, 0, DateStyle, buf);
	PG_RETURN_CSTRING(pstrdup(buf));
}

Datum timetypmodin(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(TimeTypmodIn(PG_GETARG_ARRAYTYPE_P(0), false));
}

Datum timetypmodout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(TimeTypmodOut(PG_GETARG_INT32(0), false));
}

Datum time_scale(PG_FUNCTION_ARGS)
{
	TimeADT t = PG_GETARG_TIMEADT(0);
	AdjustTimeForTypmod(&t, PG_GETARG_INT32(1));
	PG_RETURN_TIMEADT(t);
}

// clang-format off
Datum time_eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_TIMEADT(0) == PG_GETARG_TIMEADT(1)); }
Datum time_ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_TIMEADT(0) != PG_GETARG_TIMEADT(1)); }
Datum time_lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_TIMEADT(0) < PG_GETARG_TIMEADT(1)); }
Datum time_le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_TIMEADT(0) <= PG_GETARG_TIMEADT(1)); }
Datum time_gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_TIMEADT(0) > PG_GETARG_TIMEADT(1)); }
Datum time_ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_TIMEADT(0) >= PG_GETARG_TIMEADT(1)); }
Datum time_cmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(Compare3(PG_GETARG_TIMEADT(0), PG_GETARG_TIMEADT(1))); }
Datum time_larger(PG_FUNCTION_ARGS) { PG_RETURN_TIMEADT(std::max(PG_GETARG_TIMEADT(0), PG_GETARG_TIMEADT(1))); }
Datum time_smaller(PG_FUNCTION_ARGS) { PG_RETURN_TIMEADT(std::min(PG_GETARG_TIMEADT(0), PG_GETARG_TIMEADT(1))); }
// clang-format on

Datum time_mi_time(PG_FUNCTION_ARGS)
{
	auto *r = static_cast<Interval *>(palloc(sizeof(Interval)));
	r->month = 0;
	r->day = 0;
	r->time = PG_GETARG_TIMEADT(0) - PG_GETARG_TIMEADT(1);
	PG_RETURN_INTERVAL_P(r);
}

Datum time_pl_interval(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMEADT(
		WrapTime(PG_GETARG_TIMEADT(0) + PG_GETARG_INTERVAL_P(1)->time % USECS_PER_DAY));
}

Datum time_mi_interval(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMEADT(
		WrapTime(PG_GETARG_TIMEADT(0) - PG_GETARG_INTERVAL_P(1)->time % USECS_PER_DAY));
}

Datum time_part(PG_FUNCTION_ARGS)
{
	return TimePartDatum(fcinfo, false, PG_GETARG_TIMEADT(1), nullptr);
}

Datum extract_time(PG_FUNCTION_ARGS)
{
	return TimePartDatum(fcinfo, true, PG_GETARG_TIMEADT(1), nullptr);
}

Datum make_time(PG_FUNCTION_ARGS)
{
	int hour = PG_GETARG_INT32(0), min = PG_GETARG_INT32(1);
	double sec = PG_GETARG_FLOAT8(2);
	if (float_time_overflows(hour, min, sec))
		ereport(ERROR, errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
				errmsg("time field value out of range: %d:%02d:%02g", hour, min, sec));
	PG_RETURN_TIMEADT(((static_cast<int64>(hour) * MINS_PER_HOUR + min) * SECS_PER_MINUTE) *
						  USECS_PER_SEC +
					  static_cast<int64>(rint(sec * USECS_PER_SEC)));
}

Datum timestamp_time(PG_FUNCTION_ARGS)
{
	Timestamp t = PG_GETARG_TIMESTAMP(0);
	if (TIMESTAMP_NOT_FINITE(t))
		PG_RETURN_NULL();
	PG_RETURN_TIMEADT(t - FloorDiv(t, USECS_PER_DAY) * USECS_PER_DAY);
}

Datum timestamptz_time(PG_FUNCTION_ARGS)
{
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(0);
	if (TIMESTAMP_NOT_FINITE(t))
		PG_RETURN_NULL();
	pg_tm tm;
	fsec_t fsec;
	int tz;
	if (timestamp2tm(t, &tz, &tm, &fsec, nullptr, nullptr) != 0)
		TimestampOutOfRange();
	TimeADT result;
	tm2time(&tm, fsec, &result);
	PG_RETURN_TIMEADT(result);
}

Datum interval_time(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMEADT(WrapTime(PG_GETARG_INTERVAL_P(0)->time % USECS_PER_DAY));
}

Datum time_interval(PG_FUNCTION_ARGS)
{
	auto *r = static_cast<Interval *>(palloc(sizeof(Interval)));
	r->time = PG_GETARG_TIMEADT(0);
	r->day = 0;
	r->month = 0;
	PG_RETURN_INTERVAL_P(r);
}

Datum time_timetz(PG_FUNCTION_ARGS)
{
	TimeADT time = PG_GETARG_TIMEADT(0);
	/* the session zone's offset today */
	pg_tm tm;
	GetCurrentDateTime(&tm);
	fsec_t fsec;
	time2tm(time, &tm, &fsec);
	int tz = DetermineTimeZoneOffset(&tm, SessionZone());
	PG_RETURN_TIMETZADT_P(NewTimeTz(time, tz));
}

namespace {

/* OVERLAPS over any ordered type: PostgreSQL's rules, NULL ends included. */
template <typename T, typename Less>
Datum Overlaps(FunctionCallInfo fcinfo, T (*get)(Datum), Less less)
{
	bool ts1null = PG_ARGISNULL(0), te1null = PG_ARGISNULL(1);
	bool ts2null = PG_ARGISNULL(2), te2null = PG_ARGISNULL(3);
	T ts1 = ts1null ? T() : get(PG_GETARG_DATUM(0));
	T te1 = te1null ? T() : get(PG_GETARG_DATUM(1));
	T ts2 = ts2null ? T() : get(PG_GETARG_DATUM(2));
	T te2 = te2null ? T() : get(PG_GETARG_DATUM(3));
	/* a NULL start takes the end's place; otherwise order each pair */
	if (ts1null)
	{
		if (te1null)
			PG_RETURN_NULL();
		ts1 = te1;
		te1null = true;
	}
	else if (!te1null && less(te1, ts1))
		std::swap(ts1, te1);
	if (ts2null)
	{
		if (te2null)
			PG_RETURN_NULL();
		ts2 = te2;
		te2null = true;
	}
	else if (!te2null && less(te2, ts2))
		std::swap(ts2, te2);

	if (less(ts2, ts1))
	{
		/* the second starts first: they overlap if it ends after ts1 */
		if (te2null)
			PG_RETURN_NULL();
		if (less(ts1, te2))
			PG_RETURN_BOOL(true);
		if (te1null)
			PG_RETURN_NULL();
		PG_RETURN_BOOL(false);
	}
	if (less(ts1, ts2))
	{
		if (te1null)
			PG_RETURN_NULL();
		if (less(ts2, te1))
			PG_RETURN_BOOL(true);
		if (te2null)
			PG_RETURN_NULL();
		PG_RETURN_BOOL(false);
	}
	/* same start: they overlap unless an end is unknown */
	if (te1null || te2null)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(true);
}

int64 GetInt64(Datum d)
{
	return DatumGetInt64(d);
}

TimeTzADT *GetTimeTz(Datum d)
{
	return DatumGetTimeTzADTP(d);
}

int TimeTzCmp(const TimeTzADT *a, const TimeTzADT *b)
{
	/* by the instant, then by zone */
	int64 t1 = a->time + static_cast<int64>(a->zone) * USECS_PER_SEC;
	int64 t2 = b->time + static_cast<int64>(b->zone) * USECS_PER_SEC;
	if (t1 != t2)
		return t1 < t2 ? -1 : 1;
	return Compare3(a->zone, b->zone);
}

}  // namespace

Datum overlaps_time(PG_FUNCTION_ARGS)
{
	return Overlaps<int64>(fcinfo, GetInt64, [](int64 a, int64 b) { return a < b; });
}

Datum overlaps_timestamp(PG_FUNCTION_ARGS)
{
	return Overlaps<int64>(fcinfo, GetInt64, [](int64 a, int64 b) { return a < b; });
}

Datum overlaps_timetz(PG_FUNCTION_ARGS)
{
	return Overlaps<TimeTzADT *>(fcinfo, GetTimeTz, [](const TimeTzADT *a, const TimeTzADT *b) {
		return TimeTzCmp(a, b) < 0;
	});
}

/* ---- time with time zone ---- */

Datum timetz_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	pg_tm tm;
	fsec_t fsec;
	int tz;
	ReadTime(str, "time with time zone", &tm, &fsec, &tz);
	auto *r = NewTimeTz(0, 0);
	tm2timetz(&tm, fsec, tz, r);
	AdjustTimeForTypmod(&r->time, PG_GETARG_INT32(2));
	PG_RETURN_TIMETZADT_P(r);
}

Datum timetz_out(PG_FUNCTION_ARGS)
{
	TimeTzADT *t = PG_GETARG_TIMETZADT_P(0);
	pg_tm tm;
	fsec_t fsec;
	int tz;
	char buf[MAXDATELEN + 1];
	timetz2tm(t, &tm, &fsec, &tz);
	EncodeTimeOnly(&tm, fsec, true, tz, DateStyle, buf);
	PG_RETURN_CSTRING(pstrdup(buf));
}

Datum timetztypmodin(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(TimeTypmodIn(PG_GETARG_ARRAYTYPE_P(0), true));
}

Datum timetztypmodout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(TimeTypmodOut(PG_GETARG_INT32(0), true));
}

Datum timetz_scale(PG_FUNCTION_ARGS)
{
	TimeTzADT *t = PG_GETARG_TIMETZADT_P(0);
	auto *r = NewTimeTz(t->time, t->zone);
	AdjustTimeForTypmod(&r->time, PG_GETARG_INT32(1));
	PG_RETURN_TIMETZADT_P(r);
}

#define CMP_TTZ TimeTzCmp(PG_GETARG_TIMETZADT_P(0), PG_GETARG_TIMETZADT_P(1))
// clang-format off
Datum timetz_eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TTZ == 0); }
Datum timetz_ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TTZ != 0); }
Datum timetz_lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TTZ < 0); }
Datum timetz_le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TTZ <= 0); }
Datum timetz_gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TTZ > 0); }
Datum timetz_ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(CMP_TTZ >= 0); }
Datum timetz_cmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(CMP_TTZ); }
Datum timetz_larger(PG_FUNCTION_ARGS) { PG_RETURN_TIMETZADT_P(CMP_TTZ > 0 ? PG_GETARG_TIMETZADT_P(0) : PG_GETARG_TIMETZADT_P(1)); }
Datum timetz_smaller(PG_FUNCTION_ARGS) { PG_RETURN_TIMETZADT_P(CMP_TTZ < 0 ? PG_GETARG_TIMETZADT_P(0) : PG_GETARG_TIMETZADT_P(1)); }
// clang-format on

Datum timetz_pl_interval(PG_FUNCTION_ARGS)
{
	TimeTzADT *t = PG_GETARG_TIMETZADT_P(0);
	PG_RETURN_TIMETZADT_P(
		NewTimeTz(WrapTime(t->time + PG_GETARG_INTERVAL_P(1)->time % USECS_PER_DAY), t->zone));
}

Datum timetz_mi_interval(PG_FUNCTION_ARGS)
{
	TimeTzADT *t = PG_GETARG_TIMETZADT_P(0);
	PG_RETURN_TIMETZADT_P(
		NewTimeTz(WrapTime(t->time - PG_GETARG_INTERVAL_P(1)->time % USECS_PER_DAY), t->zone));
}

Datum timetz_part(PG_FUNCTION_ARGS)
{
	TimeTzADT *t = PG_GETARG_TIMETZADT_P(1);
	return TimePartDatum(fcinfo, false, t->time, &t->zone);
}

Datum extract_timetz(PG_FUNCTION_ARGS)
{
	TimeTzADT *t = PG_GETARG_TIMETZADT_P(1);
	return TimePartDatum(fcinfo, true, t->time, &t->zone);
}

Datum timetz_time(PG_FUNCTION_ARGS)
{
	PG_RETURN_TIMEADT(PG_GETARG_TIMETZADT_P(0)->time);
}

Datum timestamptz_timetz(PG_FUNCTION_ARGS)
{
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(0);
	if (TIMESTAMP_NOT_FINITE(t))
		PG_RETURN_NULL();
	pg_tm tm;
	fsec_t fsec;
	int tz;
	if (timestamp2tm(t, &tz, &tm, &fsec, nullptr, nullptr) != 0)
		TimestampOutOfRange();
	auto *r = NewTimeTz(0, 0);
	tm2timetz(&tm, fsec, tz, r);
	PG_RETURN_TIMETZADT_P(r);
}

/* timezone(zone, timetz): the same instant of the day in another zone; a
 * named zone's offset is the one it has now. */
Datum timetz_zone(PG_FUNCTION_ARGS)
{
	char *zone_name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	TimeTzADT *t = PG_GETARG_TIMETZADT_P(1);
	int tz;
	pg_tz *zone;
	DecodeTimezoneArgument(zone_name, false, &tz, &zone);
	if (zone != nullptr)
	{
		long off;
		int isdst;
		const char *abbr;
		TimestampTz now = GetCurrentTransactionStartTimestamp();
		pg_tz_lookup_utc(zone, now / USECS_PER_SEC + POSTGRES_EPOCH_UNIX_SECONDS, &off, &isdst,
						 &abbr);
		tz = static_cast<int>(-off);
	}
	PG_RETURN_TIMETZADT_P(
		NewTimeTz(WrapTime(t->time + static_cast<int64>(t->zone - tz) * USECS_PER_SEC), tz));
}

Datum timetz_izone(PG_FUNCTION_ARGS)
{
	Interval *zone = PG_GETARG_INTERVAL_P(0);
	TimeTzADT *t = PG_GETARG_TIMETZADT_P(1);
	if (zone->month != 0 || zone->day != 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("interval time zone \"%s\" must not include months or days",
					   DatumGetCString(
						   DirectFunctionCall1(interval_out, IntervalPGetDatum(zone)))));
	int tz = static_cast<int>(-(zone->time / USECS_PER_SEC));
	PG_RETURN_TIMETZADT_P(
		NewTimeTz(WrapTime(t->time + static_cast<int64>(t->zone - tz) * USECS_PER_SEC), tz));
}
