/*
 * utils/datetime.h — reading and writing dates, times and intervals as
 * text, PostgreSQL's way, and the session settings that govern it.
 *
 * Text input goes in two steps, as in PostgreSQL: ParseDateTime splits a
 * string into typed fields (numbers, words, dates like 2000-01-02, times
 * like 04:05:06, signed offsets), then DecodeDateTime, DecodeTimeOnly or
 * DecodeInterval give the fields meaning (which number is the year under
 * DateOrder, what a word is: month, weekday, time-zone abbreviation or
 * name, special value).  Failures come back as a DTERR_* code that
 * DateTimeParseError turns into PostgreSQL's error and SQLSTATE.  Output
 * is EncodeDateOnly / EncodeTimeOnly / EncodeDateTime under DateStyle and
 * EncodeInterval under IntervalStyle.
 *
 * Time zones (struct pg_tz) are the system's zoneinfo database read through
 * the cctz library (see utils/pgtz.cpp); session_timezone is the TimeZone
 * setting.
 *
 * Entry points: the functions below; date2j / j2date / j2day (the
 * proleptic Gregorian calendar as julian day numbers).
 */
#ifndef TUSK_UTILS_DATETIME_H
#define TUSK_UTILS_DATETIME_H

#include "utils/timestamp.h"

/* Broken-down time.  Unlike C's struct tm, tm_year is the full year (0 or
 * negative for BC: 1 BC is 0) and tm_mon counts from 1. */
struct pg_tm
{
	int tm_sec;
	int tm_min;
	int tm_hour;
	int tm_mday;
	int tm_mon;
	int tm_year;
	int tm_wday;
	int tm_yday;
	int tm_isdst;
	long int tm_gmtoff; /* seconds east of UTC */
	const char *tm_zone;
};

/* An interval broken down (hours may pass int's range). */
struct pg_itm
{
	int tm_usec;
	int tm_sec;
	int tm_min;
	int64 tm_hour;
	int tm_mday;
	int tm_mon;
	int tm_year;
};

/* A time zone of the zoneinfo database, or a fixed offset. */
struct pg_tz;
typedef struct pg_tz pg_tz;

/* DateStyle: how values are written. */
#define USE_POSTGRES_DATES 0
#define USE_ISO_DATES 1
#define USE_SQL_DATES 2
#define USE_GERMAN_DATES 3
#define USE_XSD_DATES 4

/* DateStyle's second half: how ambiguous input like 01/02/03 is read. */
#define DATEORDER_YMD 0
#define DATEORDER_DMY 1
#define DATEORDER_MDY 2

/* IntervalStyle. */
#define INTSTYLE_POSTGRES 0
#define INTSTYLE_POSTGRES_VERBOSE 1
#define INTSTYLE_SQL_STANDARD 2
#define INTSTYLE_ISO_8601 3

/* The field kinds of an interval type modifier (interval year to month,
 * day to second, ...), as bit numbers: PostgreSQL's values, which are also
 * its DTK_* field numbers. */
#define MONTH 1
#define YEAR 2
#define DAY 3
#define HOUR 10
#define MINUTE 11
#define SECOND 12
#define INTERVAL_MASK(b) (1 << (b))

/* The date fields, as ValidateDate's fmask. */
#define DTK_DATE_M 7

/* Field types ParseDateTime produces. */
#define DTK_NUMBER 0
#define DTK_STRING 1
#define DTK_DATE 2
#define DTK_TIME 3
#define DTK_TZ 4
#define DTK_SPECIAL 6

/* Errors of the decoders (DateTimeParseError reports them). */
#define DTERR_BAD_FORMAT (-1)
#define DTERR_FIELD_OVERFLOW (-2)
#define DTERR_MD_FIELD_OVERFLOW (-3) /* triggers a hint about DateStyle */
#define DTERR_INTERVAL_OVERFLOW (-4)
#define DTERR_TZDISP_OVERFLOW (-5)
/* Tusk's: every field fits but the interval they make does not (22008
 * "interval out of range", as PostgreSQL reports it). */
#define DTERR_INTERVAL_RESULT_OVERFLOW (-6)

/* What a decoded string stands for (the *dtype of DecodeDateTime). */
#define DTK_EPOCH 11
#define DTK_INVALID 7
#define DTK_LATE 9
#define DTK_EARLY 10
#define DTK_NOW 12
#define DTK_YESTERDAY 13
#define DTK_TODAY 14
#define DTK_TOMORROW 15
#define DTK_ZULU 16
#define DTK_DELTA 17

/* Units of intervals and of extract / date_part / date_trunc. */
enum DateUnit
{
	U_NONE = 0,
	U_JULIAN,
	U_YEAR,
	U_MONTH,
	U_DAY,
	U_HOUR,
	U_MINUTE,
	U_SECOND,
	U_MILLISEC,
	U_MICROSEC,
	U_WEEK,
	U_DECADE,
	U_CENTURY,
	U_MILLENNIUM,
	U_QUARTER,
	U_DOW,
	U_DOY,
	U_ISODOW,
	U_ISOYEAR,
	U_TZ,
	U_TZ_HOUR,
	U_TZ_MINUTE,
	U_EPOCH,
};

#define MAXDATELEN 128
#define MAXDATEFIELDS 25
#define MAXTZLEN 10

/* Julian day of the year 0 (1 BC) and friends for date arithmetic. */
#define isleap(y) (((y) % 4) == 0 && (((y) % 100) != 0 || ((y) % 400) == 0))

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT int DateStyle;
extern PGDLLIMPORT int DateOrder;
extern PGDLLIMPORT int IntervalStyle;
extern PGDLLIMPORT pg_tz *session_timezone;
extern PGDLLIMPORT pg_tz *log_timezone;

extern const int day_tab[2][13];

extern int date2j(int year, int month, int day);
extern void j2date(int jd, int *year, int *month, int *day);
extern int j2day(int jd);

/* The session's time zone as a time of day starts: the broken-down current
 * transaction time in it. */
extern void GetCurrentDateTime(struct pg_tm *tm);
extern void GetCurrentTimeUsec(struct pg_tm *tm, fsec_t *fsec, int *tzp);

/* Splits timestr into at most maxfields fields (pointers into workbuf,
 * lower-cased, NUL-terminated).  Returns 0 or DTERR_BAD_FORMAT. */
extern int ParseDateTime(const char *timestr, char *workbuf, size_t buflen, char **field,
						 int *ftype, int maxfields, int *numfields);
/* Fields to a date and time: *dtype is DTK_DATE for an ordinary value or a
 * special's kind (DTK_EPOCH, DTK_LATE, ...); *tzp gets the offset if the
 * text named a zone (else it is left alone and the caller decides). */
extern int DecodeDateTime(char **field, int *ftype, int nf, int *dtype, struct pg_tm *tm,
						  fsec_t *fsec, int *tzp);
extern int DecodeTimeOnly(char **field, int *ftype, int nf, int *dtype, struct pg_tm *tm,
						  fsec_t *fsec, int *tzp);
/* Fields to an interval; range is the type modifier's field mask, which
 * says what a lone number means. */
extern int DecodeInterval(char **field, int *ftype, int nf, int range, int *dtype,
						  Interval *result);
extern int DecodeISO8601Interval(char *str, int *dtype, Interval *result);
/* Raises the error that dterr stands for (22007, 22008 or 22015), naming
 * the type and quoting the input. */
pg_noreturn extern void DateTimeParseError(int dterr, const char *str, const char *datatype);

/* The offset (seconds west) tzp's zone has at the local time tm, using the
 * rules PostgreSQL does for times skipped or repeated by a change of
 * offset; also sets tm->tm_isdst. */
extern int DetermineTimeZoneOffset(struct pg_tm *tm, pg_tz *tzp);
/* The offset of a zone abbreviation (fixed, or a zone's at that time) at
 * the local time tm; false if abbr is not a known abbreviation. */
extern bool DetermineTimeZoneAbbrevOffset(struct pg_tm *tm, const char *abbr, int *offset);
/* A zone given by name, abbreviation or offset, as AT TIME ZONE and the
 * zone arguments of make_timestamptz and date_trunc take it: either *tz (a
 * fixed offset, seconds west) or *zone is set.  A bare offset (+05:30) has
 * ISO's sign when iso_sign (make_timestamptz), else POSIX's.  Raises 22023
 * if unknown. */
extern void DecodeTimezoneArgument(const char *name, bool iso_sign, int *tz, pg_tz **zone);

/* The unit a field name of extract, date_part or date_trunc stands for
 * ("year", "years", "y", "epoch", "dow", ...), or U_NONE. */
extern int DecodeUnitName(const char *name);

extern void EncodeDateOnly(struct pg_tm *tm, int style, char *str);
extern void EncodeTimeOnly(struct pg_tm *tm, fsec_t fsec, bool print_tz, int tz, int style,
						   char *str);
extern void EncodeDateTime(struct pg_tm *tm, fsec_t fsec, bool print_tz, int tz, const char *tzn,
						   int style, char *str);
extern void EncodeInterval(struct pg_itm *itm, int style, char *str);
extern void interval2itm(Interval span, struct pg_itm *itm);
extern void EncodeSpecialTimestamp(Timestamp dt, char *str);

extern int ValidateDate(int fmask, bool isjulian, bool is2digits, bool bc, struct pg_tm *tm);

/* Time zones (pgtz.cpp). */
/* The named zone, loaded once and kept; NULL if the database lacks it. */
extern pg_tz *pg_tzset(const char *name);
/* A zone of fixed offset (seconds west of UTC). */
extern pg_tz *pg_tzset_offset(long gmtoffset);
/* The zone a TimeZone setting names (a zone, a number of hours east, or
 * "INTERVAL '...'"); NULL if none, with *detail possibly saying why. */
extern pg_tz *pg_tzset_setting(const char *value, const char **detail);
extern const char *pg_get_timezone_name(pg_tz *tz);
/* The zone's offset (seconds east), daylight-saving flag and abbreviation
 * at the instant t (seconds since 1970). */
extern void pg_tz_lookup_utc(pg_tz *tz, int64 t, long *gmtoff, int *isdst, const char **abbr);
/* The offset (seconds east) in force at the local time (seconds since
 * 1970 read as if UTC), PostgreSQL's choice for skipped or repeated times. */
extern long pg_tz_local_offset(pg_tz *tz, int64 local, int *isdst);
/* If the zone has a fixed offset, true and *gmtoff (seconds east). */
extern bool pg_get_timezone_offset(const pg_tz *tz, long *gmtoff);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_DATETIME_H */
