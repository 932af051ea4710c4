/*
 * utils/date.h — date, time and time with time zone as PostgreSQL
 * represents them.
 *
 * A DateADT is an int32 count of days since 2000-01-01 (the extreme values
 * stand for -infinity and infinity); a TimeADT an int64 count of
 * microseconds since midnight; a TimeTzADT a time plus the zone's offset
 * in seconds west of UTC (12 bytes, passed by reference).
 *
 * Entry points: the Datum conversion macros, time2tm / tm2time and
 * timetz2tm / tm2timetz, date2timestamp_opt_overflow and friends.  The
 * SQL-callable functions are in utils/fmgrprotos.h.
 */
#ifndef TUSK_UTILS_DATE_H
#define TUSK_UTILS_DATE_H

#include "utils/timestamp.h"

typedef int32 DateADT;
typedef int64 TimeADT;

typedef struct
{
	TimeADT time; /* microseconds since midnight */
	int32 zone;	  /* seconds west of UTC */
} TimeTzADT;

#define MAX_TIME_PRECISION 6

#define DATEVAL_NOBEGIN ((DateADT) PG_INT32_MIN)
#define DATEVAL_NOEND ((DateADT) PG_INT32_MAX)
#define DATE_NOBEGIN(j) ((j) = DATEVAL_NOBEGIN)
#define DATE_IS_NOBEGIN(j) ((j) == DATEVAL_NOBEGIN)
#define DATE_NOEND(j) ((j) = DATEVAL_NOEND)
#define DATE_IS_NOEND(j) ((j) == DATEVAL_NOEND)
#define DATE_NOT_FINITE(j) (DATE_IS_NOBEGIN(j) || DATE_IS_NOEND(j))

#define DatumGetDateADT(X) ((DateADT) DatumGetInt32(X))
#define DatumGetTimeADT(X) ((TimeADT) DatumGetInt64(X))
#define DatumGetTimeTzADTP(X) ((TimeTzADT *) DatumGetPointer(X))
#define DateADTGetDatum(X) Int32GetDatum(X)
#define TimeADTGetDatum(X) Int64GetDatum(X)
#define TimeTzADTPGetDatum(X) PointerGetDatum(X)
#define PG_GETARG_DATEADT(n) DatumGetDateADT(PG_GETARG_DATUM(n))
#define PG_GETARG_TIMEADT(n) DatumGetTimeADT(PG_GETARG_DATUM(n))
#define PG_GETARG_TIMETZADT_P(n) DatumGetTimeTzADTP(PG_GETARG_DATUM(n))
#define PG_RETURN_DATEADT(x) return DateADTGetDatum(x)
#define PG_RETURN_TIMEADT(x) return TimeADTGetDatum(x)
#define PG_RETURN_TIMETZADT_P(x) return TimeTzADTPGetDatum(x)

#ifdef __cplusplus
extern "C" {
#endif

extern int32 anytime_typmod_check(bool istz, int32 typmod);
extern Timestamp date2timestamp_opt_overflow(DateADT dateVal, int *overflow);
extern TimestampTz date2timestamptz_opt_overflow(DateADT dateVal, int *overflow);
extern int32 date_cmp_timestamp_internal(DateADT dateVal, Timestamp dt2);
extern int32 date_cmp_timestamptz_internal(DateADT dateVal, TimestampTz dt2);
extern void EncodeSpecialDate(DateADT dt, char *str);
extern int time2tm(TimeADT time, struct pg_tm *tm, fsec_t *fsec);
extern int timetz2tm(TimeTzADT *time, struct pg_tm *tm, fsec_t *fsec, int *tzp);
extern int tm2time(struct pg_tm *tm, fsec_t fsec, TimeADT *result);
extern int tm2timetz(struct pg_tm *tm, fsec_t fsec, int tz, TimeTzADT *result);
extern bool time_overflows(int hour, int min, int sec, fsec_t fsec);
extern bool float_time_overflows(int hour, int min, double sec);
extern void AdjustTimeForTypmod(TimeADT *time, int32 typmod);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_DATE_H */
