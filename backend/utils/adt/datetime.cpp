/*
 * datetime.cpp — dates, times and intervals as text: the calendar, the
 * field splitter and decoders PostgreSQL's input functions share, and the
 * encoders its output functions use under DateStyle and IntervalStyle.
 *
 * Input: ParseDateTime splits text into fields of a few kinds (a number,
 * a word, a date such as 2000-01-02 or 1/2/2000, a time such as 04:05:06,
 * a signed offset such as -08 or +05:30).  DecodeDateTime and
 * DecodeTimeOnly then decide what each field is: numbers are placed by
 * what is already known and by DateOrder (01/02/03 is January 2 under MDY,
 * February 1 under DMY), words are months, weekdays, AM/PM, AD/BC,
 * specials ('now', 'today', 'epoch', 'infinity', 'allballs'), time-zone
 * abbreviations (tz_abbrevs.inc) or zone names.  DecodeInterval reads the
 * postgres, verbose, SQL-standard and ISO 8601 interval notations.
 *
 * Output: EncodeDateOnly, EncodeTimeOnly, EncodeDateTime and
 * EncodeInterval write PostgreSQL's text, byte for byte.
 *
 * pg_timezone_abbrevs lists the abbreviations input accepts (the view
 * pg_timezone_abbrevs).
 *
 * The calendar is the proleptic Gregorian one, counted in julian day
 * numbers (day 0 is 4714-11-24 BC).
 */
#include "postgres.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <algorithm>
#include <iterator>

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"

int DateStyle = USE_ISO_DATES;
int DateOrder = DATEORDER_MDY;
int IntervalStyle = INTSTYLE_POSTGRES;

const int day_tab[2][13] = {{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0},
							{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0}};

namespace {

const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
							   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char *const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

/* ---- the words date/time input knows ---- */

enum class Tok
{
	Reserved, /* a special value: value is a DTK_* code */
	Month,
	Dow,
	AmPm,
	AdBc,
	Ignore,
	Units,	 /* value is a Unit */
	IsoTime, /* the 'T' between an ISO date and time */
	Ago,
};

constexpr int kAm = 0;
constexpr int kPm = 1;
constexpr int kHr24 = 2;
constexpr int kAd = 0;
constexpr int kBc = 1;

struct Keyword
{
	const char *word;
	Tok type;
	int value;
};

/* Words of date/time input (sorted for binary search). */
const Keyword kDateWords[] = {
	{"-infinity", Tok::Reserved, DTK_EARLY},
	{"ad", Tok::AdBc, kAd},
	{"allballs", Tok::Reserved, DTK_ZULU},
	{"am", Tok::AmPm, kAm},
	{"apr", Tok::Month, 4},
	{"april", Tok::Month, 4},
	{"at", Tok::Ignore, 0},
	{"aug", Tok::Month, 8},
	{"august", Tok::Month, 8},
	{"bc", Tok::AdBc, kBc},
	{"d", Tok::Units, U_DAY},
	{"dec", Tok::Month, 12},
	{"december", Tok::Month, 12},
	{"dow", Tok::Units, U_DOW},
	{"doy", Tok::Units, U_DOY},
	{"epoch", Tok::Reserved, DTK_EPOCH},
	{"feb", Tok::Month, 2},
	{"february", Tok::Month, 2},
	{"fri", Tok::Dow, 5},
	{"friday", Tok::Dow, 5},
	{"h", Tok::Units, U_HOUR},
	{"infinity", Tok::Reserved, DTK_LATE},
	{"isodow", Tok::Units, U_ISODOW},
	{"isoyear", Tok::Units, U_ISOYEAR},
	{"j", Tok::Units, U_JULIAN},
	{"jan", Tok::Month, 1},
	{"january", Tok::Month, 1},
	{"jd", Tok::Units, U_JULIAN},
	{"jul", Tok::Month, 7},
	{"julian", Tok::Units, U_JULIAN},
	{"july", Tok::Month, 7},
	{"jun", Tok::Month, 6},
	{"june", Tok::Month, 6},
	{"m", Tok::Units, U_MONTH},
	{"mar", Tok::Month, 3},
	{"march", Tok::Month, 3},
	{"may", Tok::Month, 5},
	{"mm", Tok::Units, U_MINUTE},
	{"mon", Tok::Dow, 1},
	{"monday", Tok::Dow, 1},
	{"nov", Tok::Month, 11},
	{"november", Tok::Month, 11},
	{"now", Tok::Reserved, DTK_NOW},
	{"oct", Tok::Month, 10},
	{"october", Tok::Month, 10},
	{"on", Tok::Ignore, 0},
	{"pm", Tok::AmPm, kPm},
	{"s", Tok::Units, U_SECOND},
	{"sat", Tok::Dow, 6},
	{"saturday", Tok::Dow, 6},
	{"sep", Tok::Month, 9},
	{"sept", Tok::Month, 9},
	{"september", Tok::Month, 9},
	{"sun", Tok::Dow, 0},
	{"sunday", Tok::Dow, 0},
	{"t", Tok::IsoTime, 0},
	{"thu", Tok::Dow, 4},
	{"thur", Tok::Dow, 4},
	{"thurs", Tok::Dow, 4},
	{"thursday", Tok::Dow, 4},
	{"today", Tok::Reserved, DTK_TODAY},
	{"tomorrow", Tok::Reserved, DTK_TOMORROW},
	{"tue", Tok::Dow, 2},
	{"tues", Tok::Dow, 2},
	{"tuesday", Tok::Dow, 2},
	{"wed", Tok::Dow, 3},
	{"wednesday", Tok::Dow, 3},
	{"weds", Tok::Dow, 3},
	{"y", Tok::Units, U_YEAR},
	{"yesterday", Tok::Reserved, DTK_YESTERDAY},
};

/* Words of interval input and of extract/date_trunc field names (sorted;
 * compared on at most kTokMaxLen characters, so "microseconds" is
 * "microsecon"). */
const Keyword kDeltaWords[] = {
	{"@", Tok::Ignore, 0},
	{"ago", Tok::Ago, 0},
	{"c", Tok::Units, U_CENTURY},
	{"cent", Tok::Units, U_CENTURY},
	{"centuries", Tok::Units, U_CENTURY},
	{"century", Tok::Units, U_CENTURY},
	{"d", Tok::Units, U_DAY},
	{"day", Tok::Units, U_DAY},
	{"days", Tok::Units, U_DAY},
	{"dec", Tok::Units, U_DECADE},
	{"decade", Tok::Units, U_DECADE},
	{"decades", Tok::Units, U_DECADE},
	{"decs", Tok::Units, U_DECADE},
	{"h", Tok::Units, U_HOUR},
	{"hour", Tok::Units, U_HOUR},
	{"hours", Tok::Units, U_HOUR},
	{"hr", Tok::Units, U_HOUR},
	{"hrs", Tok::Units, U_HOUR},
	{"m", Tok::Units, U_MINUTE},
	{"microsecon", Tok::Units, U_MICROSEC},
	{"mil", Tok::Units, U_MILLENNIUM},
	{"millennia", Tok::Units, U_MILLENNIUM},
	{"millennium", Tok::Units, U_MILLENNIUM},
	{"millisecon", Tok::Units, U_MILLISEC},
	{"mils", Tok::Units, U_MILLENNIUM},
	{"min", Tok::Units, U_MINUTE},
	{"mins", Tok::Units, U_MINUTE},
	{"minute", Tok::Units, U_MINUTE},
	{"minutes", Tok::Units, U_MINUTE},
	{"mon", Tok::Units, U_MONTH},
	{"mons", Tok::Units, U_MONTH},
	{"month", Tok::Units, U_MONTH},
	{"months", Tok::Units, U_MONTH},
	{"ms", Tok::Units, U_MILLISEC},
	{"msec", Tok::Units, U_MILLISEC},
	{"mseconds", Tok::Units, U_MILLISEC},
	{"msecs", Tok::Units, U_MILLISEC},
	{"qtr", Tok::Units, U_QUARTER},
	{"quarter", Tok::Units, U_QUARTER},
	{"s", Tok::Units, U_SECOND},
	{"sec", Tok::Units, U_SECOND},
	{"second", Tok::Units, U_SECOND},
	{"seconds", Tok::Units, U_SECOND},
	{"secs", Tok::Units, U_SECOND},
	{"timezone", Tok::Units, U_TZ},
	{"timezone_h", Tok::Units, U_TZ_HOUR},
	{"timezone_m", Tok::Units, U_TZ_MINUTE},
	{"us", Tok::Units, U_MICROSEC},
	{"usec", Tok::Units, U_MICROSEC},
	{"useconds", Tok::Units, U_MICROSEC},
	{"usecs", Tok::Units, U_MICROSEC},
	{"w", Tok::Units, U_WEEK},
	{"week", Tok::Units, U_WEEK},
	{"weeks", Tok::Units, U_WEEK},
	{"y", Tok::Units, U_YEAR},
	{"year", Tok::Units, U_YEAR},
	{"years", Tok::Units, U_YEAR},
	{"yr", Tok::Units, U_YEAR},
	{"yrs", Tok::Units, U_YEAR},
};

constexpr size_t kTokMaxLen = 10;

template <size_t N>
const Keyword *FindWord(const Keyword (&table)[N], const char *word)
{
	const Keyword *lo = table, *hi = table + N;
	while (lo < hi)
	{
		const Keyword *mid = lo + (hi - lo) / 2;
		int c = strncmp(word, mid->word, kTokMaxLen);
		if (c == 0)
			return mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return nullptr;
}

struct Abbrev
{
	const char *abbr;
	int offset; /* seconds east */
	bool is_dst;
	const char *zone; /* when the meaning depends on the date */
};

const Abbrev kAbbrevs[] = {
#include "tz_abbrevs.inc"
};

const Abbrev *FindAbbrev(const char *word)
{
	auto it = std::lower_bound(std::begin(kAbbrevs), std::end(kAbbrevs), word,
							   [](const Abbrev &a, const char *w) {
								   return strcmp(a.abbr, w) < 0;
							   });
	if (it != std::end(kAbbrevs) && strcmp(it->abbr, word) == 0)
		return &*it;
	return nullptr;
}

/* Bits of what a decoder has seen (fmask). */
constexpr int F_YEAR = 1 << 0; /* the three date bits are DTK_DATE_M */
constexpr int F_MONTH = 1 << 1;
constexpr int F_DAY = 1 << 2;
constexpr int F_HOUR = 1 << 3;
constexpr int F_MINUTE = 1 << 4;
constexpr int F_SECOND = 1 << 5;
constexpr int F_TZ = 1 << 6;
constexpr int F_DOW = 1 << 7;
constexpr int F_AMPM = 1 << 8;
constexpr int F_ADBC = 1 << 9;
constexpr int F_DOY = 1 << 10;
constexpr int F_SPECIAL = 1 << 11;
constexpr int F_DATE = F_YEAR | F_MONTH | F_DAY;
constexpr int F_TIME = F_HOUR | F_MINUTE | F_SECOND;

bool AllDigits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!isdigit(static_cast<unsigned char>(*s)))
			return false;
	return true;
}

/* An int from the digits at s (no sign), stopping at the first non-digit:
 * false on overflow or no digits. */
bool ReadInt(const char *s, char **end, int *val)
{
	errno = 0;
	long v = strtol(s, end, 10);
	if (*end == s)
		return false;
	if (errno == ERANGE || v > INT_MAX || v < INT_MIN)
	{
		*val = 0;
		errno = ERANGE;
		return false;
	}
	*val = static_cast<int>(v);
	return true;
}

/* ".123456789" to microseconds, rounded; DTERR_BAD_FORMAT if not a
 * fraction. */
int ParseFraction(const char *s, fsec_t *fsec)
{
	if (*s != '.')
		return DTERR_BAD_FORMAT;
	char *end;
	errno = 0;
	double f = strtod(s, &end);
	if (*end != '\0' || errno != 0)
		return DTERR_BAD_FORMAT;
	*fsec = static_cast<fsec_t>(rint(f * 1000000));
	return 0;
}

/* "hh:mm", "hh:mm:ss", "hh:mm:ss.ffffff" (and, for an interval with a
 * MINUTE TO SECOND range or a fraction on the second part, "mm:ss.ff"). */
int DecodeTime(const char *str, int range, int *tmask, pg_tm *tm, fsec_t *fsec)
{
	char *cp;
	*tmask = F_TIME;
	if (!ReadInt(str, &cp, &tm->tm_hour))
		return errno == ERANGE ? DTERR_FIELD_OVERFLOW : DTERR_BAD_FORMAT;
	if (*cp != ':')
		return DTERR_BAD_FORMAT;
	if (!ReadInt(cp + 1, &cp, &tm->tm_min))
		return errno == ERANGE ? DTERR_FIELD_OVERFLOW : DTERR_BAD_FORMAT;
	*fsec = 0;
	tm->tm_sec = 0;
	if (*cp == '\0')
	{
		if (range == (INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND)))
		{
			/* mm:ss */
			tm->tm_sec = tm->tm_min;
			tm->tm_min = tm->tm_hour;
			tm->tm_hour = 0;
		}
	}
	else if (*cp == '.')
	{
		/* mm:ss.ff */
		int dterr = ParseFraction(cp, fsec);
		if (dterr)
			return dterr;
		tm->tm_sec = tm->tm_min;
		tm->tm_min = tm->tm_hour;
		tm->tm_hour = 0;
	}
	else if (*cp == ':')
	{
		if (!ReadInt(cp + 1, &cp, &tm->tm_sec))
			return errno == ERANGE ? DTERR_FIELD_OVERFLOW : DTERR_BAD_FORMAT;
		if (*cp == '.')
		{
			int dterr = ParseFraction(cp, fsec);
			if (dterr)
				return dterr;
		}
		else if (*cp != '\0')
			return DTERR_BAD_FORMAT;
	}
	else
		return DTERR_BAD_FORMAT;

	if (tm->tm_hour < 0 || tm->tm_min < 0 || tm->tm_min > MINS_PER_HOUR - 1 || tm->tm_sec < 0 ||
		tm->tm_sec > SECS_PER_MINUTE || *fsec < 0 || *fsec > USECS_PER_SEC)
		return DTERR_FIELD_OVERFLOW;
	return 0;
}

/* An interval's time of day, "h:mm[:ss[.f]]" (or "mm:ss.f", and "mm:ss"
 * under a MINUTE TO SECOND range), as microseconds: hours may pass 24 and
 * int's range. */
int DecodeIntervalTime(const char *str, int range, int64 *usec)
{
	char *cp;
	errno = 0;
	long long hour = strtoll(str, &cp, 10);
	if (cp == str)
		return DTERR_BAD_FORMAT;
	if (errno == ERANGE)
		return DTERR_FIELD_OVERFLOW;
	if (*cp != ':')
		return DTERR_BAD_FORMAT;
	int min, sec = 0;
	fsec_t fsec = 0;
	if (!ReadInt(cp + 1, &cp, &min))
		return errno == ERANGE ? DTERR_FIELD_OVERFLOW : DTERR_BAD_FORMAT;
	if (*cp == '\0')
	{
		if (range == (INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND)))
		{
			sec = min;
			min = static_cast<int>(hour);
			hour = 0;
		}
	}
	else if (*cp == '.')
	{
		/* mm:ss.ff */
		int dterr = ParseFraction(cp, &fsec);
		if (dterr)
			return dterr;
		sec = min;
		min = static_cast<int>(hour);
		hour = 0;
	}
	else if (*cp == ':')
	{
		if (!ReadInt(cp + 1, &cp, &sec))
			return errno == ERANGE ? DTERR_FIELD_OVERFLOW : DTERR_BAD_FORMAT;
		if (*cp == '.')
		{
			int dterr = ParseFraction(cp, &fsec);
			if (dterr)
				return dterr;
		}
		else if (*cp != '\0')
			return DTERR_BAD_FORMAT;
	}
	else
		return DTERR_BAD_FORMAT;
	if (hour < 0 || min < 0 || min > MINS_PER_HOUR - 1 || sec < 0 || sec > SECS_PER_MINUTE ||
		fsec < 0 || fsec > USECS_PER_SEC)
		return DTERR_FIELD_OVERFLOW;
	int64 t;
	if (__builtin_mul_overflow(static_cast<int64>(hour), USECS_PER_HOUR, &t) ||
		__builtin_add_overflow(t,
							   (static_cast<int64>(min) * SECS_PER_MINUTE + sec) * USECS_PER_SEC +
								   fsec,
							   &t))
		return DTERR_FIELD_OVERFLOW;
	*usec = t;
	return 0;
}

/* A run of digits standing for several fields: YYYYMMDD or YYMMDD when the
 * date is not known yet, else hhmmss or hhmm; an optional fraction is of
 * seconds. */
int DecodeNumberField(int len, char *str, int fmask, int *tmask, pg_tm *tm, fsec_t *fsec,
					  bool *is2digits)
{
	char *cp = strchr(str, '.');
	if (cp != nullptr)
	{
		int dterr = ParseFraction(cp, fsec);
		if (dterr)
			return dterr;
		*cp = '\0';
		len = static_cast<int>(strlen(str));
	}
	if ((fmask & F_DATE) == 0 && len >= 6)
	{
		*tmask = F_DATE;
		tm->tm_mday = atoi(str + len - 2);
		str[len - 2] = '\0';
		tm->tm_mon = atoi(str + len - 4);
		str[len - 4] = '\0';
		tm->tm_year = atoi(str);
		if (len - 4 == 2)
			*is2digits = true;
		return 0;
	}
	if ((fmask & F_TIME) != F_TIME)
	{
		if (len == 6)
		{
			*tmask = F_TIME;
			tm->tm_sec = atoi(str + 4);
			str[4] = '\0';
			tm->tm_min = atoi(str + 2);
			str[2] = '\0';
			tm->tm_hour = atoi(str);
			return 0;
		}
		if (len == 4)
		{
			*tmask = F_TIME;
			tm->tm_sec = 0;
			tm->tm_min = atoi(str + 2);
			str[2] = '\0';
			tm->tm_hour = atoi(str);
			return 0;
		}
	}
	return DTERR_BAD_FORMAT;
}

/* One number of a date: which field it is depends on what is already
 * known and on DateOrder. */
int DecodeNumber(int flen, char *str, bool have_text_month, int fmask, int *tmask, pg_tm *tm,
				 fsec_t *fsec, bool *is2digits)
{
	*tmask = 0;
	char *cp;
	int val;
	if (!ReadInt(str, &cp, &val))
		return errno == ERANGE ? DTERR_FIELD_OVERFLOW : DTERR_BAD_FORMAT;
	if (*cp == '.')
	{
		/* Several digits and a fraction: concatenated fields. */
		if (cp - str > 2)
			return DecodeNumberField(flen, str, fmask | F_DATE, tmask, tm, fsec, is2digits);
		int dterr = ParseFraction(cp, fsec);
		if (dterr)
			return dterr;
	}
	else if (*cp != '\0')
		return DTERR_BAD_FORMAT;

	/* yyyy ddd: day of the year. */
	if (flen == 3 && (fmask & F_DATE) == F_YEAR && val >= 1 && val <= 366)
	{
		*tmask = F_DOY | F_MONTH | F_DAY;
		tm->tm_yday = val;
		return 0;
	}

	switch (fmask & F_DATE)
	{
		case 0:
			if (flen >= 3 || DateOrder == DATEORDER_YMD)
			{
				*tmask = F_YEAR;
				tm->tm_year = val;
			}
			else if (DateOrder == DATEORDER_DMY)
			{
				*tmask = F_DAY;
				tm->tm_mday = val;
			}
			else
			{
				*tmask = F_MONTH;
				tm->tm_mon = val;
			}
			break;
		case F_YEAR:
			*tmask = F_MONTH;
			tm->tm_mon = val;
			break;
		case F_MONTH:
			if (have_text_month && (flen >= 3 || DateOrder == DATEORDER_YMD))
			{
				*tmask = F_YEAR;
				tm->tm_year = val;
			}
			else
			{
				*tmask = F_DAY;
				tm->tm_mday = val;
			}
			break;
		case F_YEAR | F_MONTH:
			if (have_text_month && flen >= 3 && *is2digits)
			{
				/* "01 Feb 2000" read year first: the 01 was the day. */
				*tmask = F_DAY;
				tm->tm_mday = tm->tm_year;
				tm->tm_year = val;
				*is2digits = false;
			}
			else
			{
				*tmask = F_DAY;
				tm->tm_mday = val;
			}
			break;
		case F_DAY:
			*tmask = F_MONTH;
			tm->tm_mon = val;
			break;
		case F_MONTH | F_DAY:
			*tmask = F_YEAR;
			tm->tm_year = val;
			break;
		case F_DATE:
			return DecodeNumberField(flen, str, fmask, tmask, tm, fsec, is2digits);
		default:
			return DTERR_BAD_FORMAT;
	}
	if (*tmask == F_YEAR)
		*is2digits = flen <= 2;
	return 0;
}

/* A date field: numbers and month names separated by '-', '/' or '.'. */
int DecodeDate(char *str, int fmask, int *tmask, bool *is2digits, pg_tm *tm)
{
	char *parts[MAXDATEFIELDS];
	int nparts = 0;
	*tmask = 0;
	while (*str != '\0' && nparts < MAXDATEFIELDS)
	{
		while (*str != '\0' && !isalnum(static_cast<unsigned char>(*str)))
			str++;
		if (*str == '\0')
			return DTERR_BAD_FORMAT;
		parts[nparts++] = str;
		if (isdigit(static_cast<unsigned char>(*str)))
			while (isdigit(static_cast<unsigned char>(*str)))
				str++;
		else
			while (isalpha(static_cast<unsigned char>(*str)))
				str++;
		if (*str != '\0')
			*str++ = '\0';
	}
	/* Month names first: they make the numbers' meaning clearer. */
	bool have_text_month = false;
	bool used[MAXDATEFIELDS] = {};
	for (int i = 0; i < nparts; i++)
	{
		if (!isalpha(static_cast<unsigned char>(*parts[i])))
			continue;
		const Keyword *kw = FindWord(kDateWords, parts[i]);
		if (kw == nullptr || kw->type != Tok::Month || (fmask & F_MONTH))
			return DTERR_BAD_FORMAT;
		tm->tm_mon = kw->value;
		fmask |= F_MONTH;
		*tmask |= F_MONTH;
		have_text_month = true;
		used[i] = true;
	}
	for (int i = 0; i < nparts; i++)
	{
		if (used[i])
			continue;
		int len = static_cast<int>(strlen(parts[i]));
		if (len <= 0)
			return DTERR_BAD_FORMAT;
		int dmask;
		fsec_t fsec = 0;
		int dterr = DecodeNumber(len, parts[i], have_text_month, fmask, &dmask, tm, &fsec,
								 is2digits);
		if (dterr)
			return dterr;
		if (fmask & dmask)
			return DTERR_BAD_FORMAT;
		fmask |= dmask;
		*tmask |= dmask;
	}
	if ((fmask & ~(F_DOY | F_TZ)) != F_DATE)
		return DTERR_BAD_FORMAT;
	return 0;
}

/* "+hh", "-hhmm", "+hh:mm", "-hh:mm:ss": *tzp gets seconds west. */
int DecodeTimezone(const char *str, int *tzp)
{
	if (*str != '+' && *str != '-')
		return DTERR_BAD_FORMAT;
	char *cp;
	int hr, min = 0, sec = 0;
	if (!ReadInt(str + 1, &cp, &hr))
		return errno == ERANGE ? DTERR_TZDISP_OVERFLOW : DTERR_BAD_FORMAT;
	if (*cp == ':')
	{
		if (!ReadInt(cp + 1, &cp, &min))
			return errno == ERANGE ? DTERR_TZDISP_OVERFLOW : DTERR_BAD_FORMAT;
		if (*cp == ':')
		{
			if (!ReadInt(cp + 1, &cp, &sec))
				return errno == ERANGE ? DTERR_TZDISP_OVERFLOW : DTERR_BAD_FORMAT;
		}
	}
	else if (*cp == '\0' && strlen(str) > 3)
	{
		/* hhmm or hhmmss run together */
		if (strlen(str) > 5)
		{
			sec = hr % 100;
			hr /= 100;
		}
		min = hr % 100;
		hr /= 100;
	}
	if (*cp != '\0')
		return DTERR_BAD_FORMAT;
	if (hr < 0 || hr > 15)
		return DTERR_TZDISP_OVERFLOW;
	if (min < 0 || min >= MINS_PER_HOUR)
		return DTERR_TZDISP_OVERFLOW;
	if (sec < 0 || sec >= SECS_PER_MINUTE)
		return DTERR_TZDISP_OVERFLOW;
	int tz = (hr * MINS_PER_HOUR + min) * SECS_PER_MINUTE + sec;
	*tzp = *str == '-' ? tz : -tz;
	return 0;
}

/* The current transaction time broken down in the session's zone. */
void CurrentDateTime(pg_tm *tm, fsec_t *fsec, int *tzp)
{
	TimestampTz now = GetCurrentTransactionStartTimestamp();
	int tz;
	if (timestamp2tm(now, &tz, tm, fsec, nullptr, nullptr) != 0)
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("timestamp out of range"));
	if (tzp != nullptr)
		*tzp = tz;
}

/* Applies a zone abbreviation whose meaning depends on the date: the
 * offset the zone had at tm when it used that abbreviation. */
int DynamicAbbrevOffset(pg_tm *tm, const Abbrev *ab, int *tzp)
{
	pg_tz *zone = pg_tzset(ab->zone);
	if (zone == nullptr)
		ereport(ERROR, errcode(ERRCODE_CONFIG_FILE_ERROR),
				errmsg("time zone \"%s\" not found", ab->zone));
	int64 day = date2j(tm->tm_year, tm->tm_mon, tm->tm_mday) - UNIX_EPOCH_JDATE;
	int64 local = day * SECS_PER_DAY + tm->tm_hour * SECS_PER_HOUR + tm->tm_min * SECS_PER_MINUTE +
		tm->tm_sec;
	/* Prefer an instant near tm at which the zone used this abbreviation. */
	for (int64 delta : {INT64CONST(0), INT64CONST(-43200), INT64CONST(43200),
						INT64CONST(-86400 * 183), INT64CONST(86400 * 183)})
	{
		long off;
		int isdst;
		const char *abbr;
		int64 guess = local + delta;
		pg_tz_lookup_utc(zone, guess - pg_tz_local_offset(zone, guess, &isdst), &off, &isdst,
						 &abbr);
		if (strcasecmp(abbr, ab->abbr) == 0)
		{
			*tzp = static_cast<int>(-off);
			tm->tm_isdst = isdst;
			return 0;
		}
	}
	*tzp = DetermineTimeZoneOffset(tm, zone);
	return 0;
}

/* The shared body of DecodeDateTime and DecodeTimeOnly. */
int DecodeFields(char **field, int *ftype, int nf, bool time_only, int *dtype, pg_tm *tm,
				 fsec_t *fsec, int *tzp)
{
	int fmask = 0;
	int unit = U_NONE;
	bool isjulian = false, is2digits = false, bc = false, have_text_month = false;
	int mer = kHr24;
	pg_tz *named_tz = nullptr;
	const Abbrev *dyn_abbrev = nullptr;
	bool special_time = false; /* 'allballs' or 'now' set the time */

	*dtype = DTK_DATE;
	tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
	tm->tm_year = tm->tm_mon = tm->tm_mday = 0;
	tm->tm_isdst = -1;
	tm->tm_yday = 0;
	*fsec = 0;

	for (int i = 0; i < nf; i++)
	{
		int tmask = 0;
		int dterr;
		switch (ftype[i])
		{
			case DTK_DATE:
				if (isalpha(static_cast<unsigned char>(*field[i])) &&
					(fmask & (F_MONTH | F_DAY)) == (F_MONTH | F_DAY))
				{
					/* With the date known, a zone name such as
					 * america/new_york or est5edt. */
					if (tzp == nullptr)
						return DTERR_BAD_FORMAT;
					named_tz = pg_tzset(field[i]);
					if (named_tz == nullptr)
						ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								errmsg("time zone \"%s\" not recognized", field[i]));
					tmask = F_TZ;
				}
				else if (unit == U_JULIAN)
				{
					/* J2452271-08: a julian day with its zone */
					if (tzp == nullptr)
						return DTERR_BAD_FORMAT;
					char *cp;
					int val;
					if (!ReadInt(field[i], &cp, &val) || val < 0)
						return DTERR_FIELD_OVERFLOW;
					j2date(val, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
					isjulian = true;
					int tz;
					dterr = DecodeTimezone(cp, &tz);
					if (dterr)
						return dterr;
					*tzp = tz;
					tmask = F_DATE | F_TZ;
				}
				else if (isdigit(static_cast<unsigned char>(*field[i])) &&
						 (fmask & (F_MONTH | F_DAY)) == (F_MONTH | F_DAY))
				{
					/* hhmmss-zz after the date: a run-together time and zone */
					if (tzp == nullptr || (fmask & F_TIME) == F_TIME)
						return DTERR_BAD_FORMAT;
					char *cp = strchr(field[i], '-');
					if (cp == nullptr)
						return DTERR_BAD_FORMAT;
					int tz;
					dterr = DecodeTimezone(cp, &tz);
					if (dterr)
						return dterr;
					*tzp = tz;
					*cp = '\0';
					dterr = DecodeNumberField(static_cast<int>(strlen(field[i])), field[i], fmask,
											  &tmask, tm, fsec, &is2digits);
					if (dterr)
						return dterr;
					tmask |= F_TZ;
				}
				else
				{
					dterr = DecodeDate(field[i], fmask, &tmask, &is2digits, tm);
					if (dterr)
						return dterr;
				}
				unit = U_NONE;
				break;
			case DTK_TIME:
				if (unit != U_NONE && unit != U_HOUR)
					return DTERR_BAD_FORMAT;
				unit = U_NONE;
				dterr = DecodeTime(field[i], INTERVAL_FULL_RANGE, &tmask, tm, fsec);
				if (dterr)
					return dterr;
				/* 24:00:00 is the only time past 23:59:59.999999 */
				if (time_overflows(tm->tm_hour, tm->tm_min, tm->tm_sec, *fsec))
					return DTERR_FIELD_OVERFLOW;
				break;
			case DTK_TZ:
			{
				if (tzp == nullptr)
					return DTERR_BAD_FORMAT;
				int tz;
				dterr = DecodeTimezone(field[i], &tz);
				if (dterr)
					return dterr;
				*tzp = tz;
				tmask = F_TZ;
				break;
			}
			case DTK_NUMBER:
			{
				int flen = static_cast<int>(strlen(field[i]));
				if (unit != U_NONE)
				{
					char *cp;
					int val;
					if (!ReadInt(field[i], &cp, &val))
						return errno == ERANGE ? DTERR_FIELD_OVERFLOW : DTERR_BAD_FORMAT;
					if (unit == U_JULIAN)
					{
						if (*cp != '\0')
							return DTERR_BAD_FORMAT;
						if (val < 0)
							return DTERR_FIELD_OVERFLOW;
						tmask = F_DATE;
						j2date(val, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
						isjulian = true;
					}
					else
						return DTERR_BAD_FORMAT;
					unit = U_NONE;
					break;
				}
				char *dot = strchr(field[i], '.');
				if (time_only)
				{
					/* a number in a time of day is hhmm, hhmmss or hhmmss.fff */
					if (dot != nullptr && dot - field[i] <= 2)
						return DTERR_BAD_FORMAT;
					dterr = DecodeNumberField(flen, field[i], fmask | F_DATE, &tmask, tm, fsec,
											  &is2digits);
					if (dterr)
						return dterr;
				}
				else if (dot != nullptr && (fmask & F_DATE) == 0)
				{
					/* yyyy.ddd and the like */
					dterr = DecodeDate(field[i], fmask, &tmask, &is2digits, tm);
					if (dterr)
						return dterr;
				}
				else if (dot != nullptr && dot - field[i] > 2)
				{
					dterr = DecodeNumberField(flen, field[i], fmask, &tmask, tm, fsec, &is2digits);
					if (dterr)
						return dterr;
				}
				else if (flen >= 6 && AllDigits(field[i]) &&
						 ((fmask & F_DATE) == 0 || (fmask & F_TIME) != F_TIME))
				{
					/* hhmmss for a time of day, else yyyymmdd first */
					dterr = DecodeNumberField(flen, field[i], time_only ? (fmask | F_DATE) : fmask,
											  &tmask, tm, fsec, &is2digits);
					if (dterr)
						return dterr;
				}
				else
				{
					dterr = DecodeNumber(flen, field[i], have_text_month, fmask, &tmask, tm, fsec,
										 &is2digits);
					if (dterr)
						return dterr;
				}
				break;
			}
			case DTK_STRING:
			case DTK_SPECIAL:
			{
				const Keyword *kw = FindWord(kDateWords, field[i]);
				if (kw == nullptr)
				{
					const Abbrev *ab = FindAbbrev(field[i]);
					if (ab != nullptr)
					{
						if (tzp == nullptr)
							return DTERR_BAD_FORMAT;
						tmask = F_TZ;
						if (ab->zone != nullptr)
							dyn_abbrev = ab;
						else
						{
							*tzp = -ab->offset;
							tm->tm_isdst = ab->is_dst ? 1 : 0;
						}
						break;
					}
					/* Last chance: an all-letters zone name (utc, japan). */
					if (tzp != nullptr && ftype[i] == DTK_STRING)
						named_tz = pg_tzset(field[i]);
					if (named_tz == nullptr)
						return DTERR_BAD_FORMAT;
					tmask = F_TZ;
					break;
				}
				switch (kw->type)
				{
					case Tok::Reserved:
						/* a time of day takes 'now' and 'allballs' only */
						if (time_only && kw->value != DTK_NOW && kw->value != DTK_ZULU)
							return DTERR_BAD_FORMAT;
						tmask = F_SPECIAL;
						switch (kw->value)
						{
							case DTK_NOW:
							{
								tmask = F_DATE | F_TIME | F_TZ;
								int tz;
								CurrentDateTime(tm, fsec, &tz);
								if (tzp != nullptr)
									*tzp = tz;
								special_time = true;
								break;
							}
							case DTK_YESTERDAY:
							case DTK_TODAY:
							case DTK_TOMORROW:
							{
								tmask = F_DATE;
								pg_tm cur;
								fsec_t f;
								CurrentDateTime(&cur, &f, nullptr);
								int delta = kw->value == DTK_YESTERDAY
									? -1
									: (kw->value == DTK_TOMORROW ? 1 : 0);
								j2date(date2j(cur.tm_year, cur.tm_mon, cur.tm_mday) + delta,
									   &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
								break;
							}
							case DTK_ZULU:
								/* allballs: midnight UTC */
								tmask = F_TIME | F_TZ;
								tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
								*fsec = 0;
								if (tzp != nullptr)
									*tzp = 0;
								special_time = true;
								break;
							default:
								if (kw->value == DTK_EPOCH)
								{
									/* 1970-01-01 00:00:00 UTC */
									tmask = F_DATE | F_TIME | F_TZ;
									tm->tm_year = 1970;
									tm->tm_mon = 1;
									tm->tm_mday = 1;
									tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
									*fsec = 0;
									if (tzp != nullptr)
										*tzp = 0;
									special_time = true;
									break;
								}
								/* infinity, -infinity: the other fields do not
								 * matter (PostgreSQL ignores them too) */
								*dtype = kw->value;
								break;
						}
						break;
					case Tok::Month:
						/* A number read as the month was the day. */
						if ((fmask & F_MONTH) && !have_text_month && !(fmask & F_DAY) &&
							tm->tm_mon >= 1 && tm->tm_mon <= 31)
						{
							tm->tm_mday = tm->tm_mon;
							tmask = F_DAY;
						}
						else
							tmask = F_MONTH;
						have_text_month = true;
						tm->tm_mon = kw->value;
						break;
					case Tok::Dow:
						tmask = F_DOW;
						tm->tm_wday = kw->value;
						break;
					case Tok::AmPm:
						tmask = F_AMPM;
						mer = kw->value;
						break;
					case Tok::AdBc:
						tmask = F_ADBC;
						bc = kw->value == kBc;
						break;
					case Tok::Ignore:
						break;
					case Tok::Units:
						if (kw->value != U_JULIAN || unit != U_NONE)
							return DTERR_BAD_FORMAT;
						unit = kw->value;
						break;
					case Tok::IsoTime:
						/* The 'T' of ISO 8601: a time must follow, after a date. */
						if (i >= nf - 1 ||
							(ftype[i + 1] != DTK_TIME && ftype[i + 1] != DTK_NUMBER &&
							 !(ftype[i + 1] == DTK_DATE &&
							   isdigit(static_cast<unsigned char>(*field[i + 1])))))
							return DTERR_BAD_FORMAT;
						if (ftype[i + 1] == DTK_NUMBER)
						{
							/* t040506: hhmmss */
							int len = static_cast<int>(strlen(field[i + 1]));
							int nmask;
							dterr = DecodeNumberField(len, field[i + 1], fmask | F_DATE, &nmask, tm,
													  fsec, &is2digits);
							if (dterr)
								return dterr;
							if (fmask & nmask)
								return DTERR_BAD_FORMAT;
							fmask |= nmask;
							i++;
						}
						break;
					case Tok::Ago:
						return DTERR_BAD_FORMAT;
				}
				break;
			}
			default:
				return DTERR_BAD_FORMAT;
		}
		if (tmask & fmask)
			return DTERR_BAD_FORMAT;
		fmask |= tmask;
	}
	if (unit != U_NONE)
		return DTERR_BAD_FORMAT;

	if (*dtype != DTK_DATE)
		return 0;

	if ((fmask & F_AMPM) && tm->tm_hour > 12)
		return DTERR_FIELD_OVERFLOW;
	if (mer == kAm && tm->tm_hour == 12)
		tm->tm_hour = 0;
	else if (mer == kPm && tm->tm_hour != 12)
		tm->tm_hour += 12;

	int dterr = ValidateDate(fmask, isjulian, is2digits, bc, tm);
	if (dterr)
		return dterr;

	if (time_only)
	{
		if ((fmask & F_TIME) == 0 && !special_time)
			return DTERR_BAD_FORMAT;
		if ((fmask & F_TIME) != F_TIME && !special_time)
			return DTERR_BAD_FORMAT;
		if (time_overflows(tm->tm_hour, tm->tm_min, tm->tm_sec, *fsec))
			return DTERR_FIELD_OVERFLOW;
		if (tzp != nullptr && (named_tz != nullptr || dyn_abbrev != nullptr || !(fmask & F_TZ)))
		{
			/* The offset depends on the date: the given one or today. */
			pg_tm tt = *tm;
			if ((fmask & F_DATE) != F_DATE)
			{
				fsec_t f;
				pg_tm cur;
				CurrentDateTime(&cur, &f, nullptr);
				tt.tm_year = cur.tm_year;
				tt.tm_mon = cur.tm_mon;
				tt.tm_mday = cur.tm_mday;
			}
			if (dyn_abbrev != nullptr)
				DynamicAbbrevOffset(&tt, dyn_abbrev, tzp);
			else
				*tzp = DetermineTimeZoneOffset(&tt,
											   named_tz != nullptr ? named_tz : session_timezone);
			tm->tm_isdst = tt.tm_isdst;
		}
		return 0;
	}

	if ((fmask & F_DATE) != F_DATE)
		return DTERR_BAD_FORMAT;
	if (tzp != nullptr)
	{
		if (named_tz != nullptr)
			*tzp = DetermineTimeZoneOffset(tm, named_tz);
		else if (dyn_abbrev != nullptr)
			DynamicAbbrevOffset(tm, dyn_abbrev, tzp);
		else if (!(fmask & F_TZ))
			*tzp = DetermineTimeZoneOffset(tm, session_timezone);
	}
	return 0;
}

/* ---- intervals ---- */

/* An interval being read: years and months apart until the end, so that
 * an overflow of their sum is "interval out of range" and not a field's
 * error. Each Add* is false on overflow. */
struct IntervalParts
{
	int64 usec = 0;
	int32 day = 0;
	int32 month = 0;
	int32 year = 0;
};

bool AddFractMicros(IntervalParts *p, double frac, int64 scale)
{
	if (frac == 0)
		return true;
	double f = rint(frac * static_cast<double>(scale));
	if (isnan(f) || f < -9223372036854775808.0 || f >= 9223372036854775808.0)
		return false;
	return !__builtin_add_overflow(p->usec, static_cast<int64>(f), &p->usec);
}

bool AddMicros(IntervalParts *p, int64 val, double frac, int64 scale)
{
	int64 t;
	if (__builtin_mul_overflow(val, scale, &t) || __builtin_add_overflow(p->usec, t, &p->usec))
		return false;
	return AddFractMicros(p, frac, scale);
}

bool AddDays(IntervalParts *p, int64 val, int mult)
{
	int64 d;
	if (__builtin_mul_overflow(val, static_cast<int64>(mult), &d) || d > INT_MAX || d < INT_MIN)
		return false;
	return !__builtin_add_overflow(p->day, static_cast<int32>(d), &p->day);
}

/* A fraction of scale days: whole days, the rest as time. */
bool AddFractDays(IntervalParts *p, double frac, int scale)
{
	if (frac == 0)
		return true;
	double f = frac * scale;
	if (f < INT_MIN || f > INT_MAX)
		return false;
	int whole = static_cast<int>(f);
	if (!AddDays(p, whole, 1))
		return false;
	return AddFractMicros(p, f - whole, USECS_PER_DAY);
}

bool AddMonths(IntervalParts *p, int64 val)
{
	if (val > INT_MAX || val < INT_MIN)
		return false;
	return !__builtin_add_overflow(p->month, static_cast<int32>(val), &p->month);
}

bool AddYears(IntervalParts *p, int64 val, int mult)
{
	int64 y;
	if (__builtin_mul_overflow(val, static_cast<int64>(mult), &y) || y > INT_MAX || y < INT_MIN)
		return false;
	return !__builtin_add_overflow(p->year, static_cast<int32>(y), &p->year);
}

/* A fraction of scale years: whole months, rounded. */
bool AddFractYears(IntervalParts *p, double frac, int scale)
{
	if (frac == 0)
		return true;
	double m = rint(frac * scale * MONTHS_PER_YEAR);
	if (m < INT_MIN || m > INT_MAX)
		return false;
	return AddMonths(p, static_cast<int64>(m));
}

/* The interval the parts make, or DTERR_INTERVAL_RESULT_OVERFLOW. */
int FinishInterval(const IntervalParts &p, Interval *result)
{
	int64 months = static_cast<int64>(p.year) * MONTHS_PER_YEAR + p.month;
	if (months > INT_MAX || months < INT_MIN)
		return DTERR_INTERVAL_RESULT_OVERFLOW;
	result->month = static_cast<int32>(months);
	result->day = p.day;
	result->time = p.usec;
	return 0;
}

/* Applies val (and its fraction) in the given unit; false on overflow,
 * *bad set if the unit is not one of an interval. */
bool ApplyUnit(IntervalParts *p, int unit, int64 val, double frac, bool *bad)
{
	*bad = false;
	switch (unit)
	{
		case U_MICROSEC:
			return AddMicros(p, val, frac, 1);
		case U_MILLISEC:
			return AddMicros(p, val, frac, 1000);
		case U_SECOND:
			return AddMicros(p, val, frac, USECS_PER_SEC);
		case U_MINUTE:
			return AddMicros(p, val, frac, USECS_PER_MINUTE);
		case U_HOUR:
			return AddMicros(p, val, frac, USECS_PER_HOUR);
		case U_DAY:
			return AddDays(p, val, 1) && AddFractMicros(p, frac, USECS_PER_DAY);
		case U_WEEK:
			return AddDays(p, val, 7) && AddFractDays(p, frac, 7);
		case U_MONTH:
			return AddMonths(p, val) && AddFractDays(p, frac, DAYS_PER_MONTH);
		case U_YEAR:
			return AddYears(p, val, 1) && AddFractYears(p, frac, 1);
		case U_DECADE:
			return AddYears(p, val, 10) && AddFractYears(p, frac, 10);
		case U_CENTURY:
			return AddYears(p, val, 100) && AddFractYears(p, frac, 100);
		case U_MILLENNIUM:
			return AddYears(p, val, 1000) && AddFractYears(p, frac, 1000);
		default:
			*bad = true;
			return false;
	}
}

int DefaultUnit(int range)
{
	switch (range)
	{
		case INTERVAL_MASK(YEAR):
			return U_YEAR;
		case INTERVAL_MASK(MONTH):
		case INTERVAL_MASK(YEAR) | INTERVAL_MASK(MONTH):
			return U_MONTH;
		case INTERVAL_MASK(DAY):
			return U_DAY;
		case INTERVAL_MASK(HOUR):
		case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR):
			return U_HOUR;
		case INTERVAL_MASK(MINUTE):
		case INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
		case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
			return U_MINUTE;
		default:
			return U_SECOND;
	}
}

}  // namespace

/* ---- the calendar ---- */

/* Julian day number of a proleptic Gregorian date (year 0 is 1 BC): the
 * count of days from March 1 of a year shifted so leap days fall last. */
int date2j(int year, int month, int day)
{
	int64 y = year, m = month;
	if (m > 2)
		m -= 3;
	else
	{
		m += 9;
		y -= 1;
	}
	/* Days: 365 per year plus leap days, from 4800 BC to stay positive. */
	y += 4800;
	int64 jd = day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
	return static_cast<int>(jd);
}

void j2date(int jd, int *year, int *month, int *day)
{
	int64 a = static_cast<int64>(jd) + 32044;
	int64 b = (4 * a + 3) / 146097;
	int64 c = a - 146097 * b / 4;
	int64 d = (4 * c + 3) / 1461;
	int64 e = c - 1461 * d / 4;
	int64 m = (5 * e + 2) / 153;
	*day = static_cast<int>(e - (153 * m + 2) / 5 + 1);
	*month = static_cast<int>(m + 3 - 12 * (m / 10));
	*year = static_cast<int>(100 * b + d - 4800 + m / 10);
}

/* Day of the week, 0 = Sunday. */
int j2day(int jd)
{
	int d = (jd + 1) % 7;
	return d < 0 ? d + 7 : d;
}

int ValidateDate(int fmask, bool isjulian, bool is2digits, bool bc, pg_tm *tm)
{
	if (fmask & F_YEAR)
	{
		if (isjulian)
		{
			/* already a full year */
		}
		else if (bc)
		{
			if (tm->tm_year <= 0)
				return DTERR_FIELD_OVERFLOW;
			tm->tm_year = -(tm->tm_year - 1);
		}
		else if (is2digits)
		{
			if (tm->tm_year < 0)
				return DTERR_FIELD_OVERFLOW;
			if (tm->tm_year < 70)
				tm->tm_year += 2000;
			else if (tm->tm_year < 100)
				tm->tm_year += 1900;
		}
		else if (tm->tm_year <= 0)
			return DTERR_FIELD_OVERFLOW;
	}
	if (fmask & F_DOY)
		j2date(date2j(tm->tm_year, 1, 1) + tm->tm_yday - 1, &tm->tm_year, &tm->tm_mon,
			   &tm->tm_mday);
	if ((fmask & F_MONTH) && (tm->tm_mon < 1 || tm->tm_mon > MONTHS_PER_YEAR))
		return DTERR_MD_FIELD_OVERFLOW;
	if ((fmask & F_DAY) && (tm->tm_mday < 1 || tm->tm_mday > 31))
		return DTERR_MD_FIELD_OVERFLOW;
	if ((fmask & F_DATE) == F_DATE &&
		tm->tm_mday > day_tab[isleap(tm->tm_year) ? 1 : 0][tm->tm_mon - 1])
		return DTERR_FIELD_OVERFLOW;
	return 0;
}

void GetCurrentDateTime(pg_tm *tm)
{
	fsec_t fsec;
	CurrentDateTime(tm, &fsec, nullptr);
}

void GetCurrentTimeUsec(pg_tm *tm, fsec_t *fsec, int *tzp)
{
	CurrentDateTime(tm, fsec, tzp);
}

/* ---- splitting text into fields ---- */

int ParseDateTime(const char *timestr, char *workbuf, size_t buflen, char **field, int *ftype,
				  int maxfields, int *numfields)
{
	int nf = 0;
	const char *cp = timestr;
	char *bufp = workbuf;
	char *bufend = workbuf + buflen;
	auto put = [&](char c) -> bool {
		if (bufp >= bufend - 1)
			return false;
		*bufp++ = static_cast<char>(tolower(static_cast<unsigned char>(c)));
		return true;
	};
	auto isdig = [](char c) { return isdigit(static_cast<unsigned char>(c)) != 0; };
	auto isalph = [](char c) { return isalpha(static_cast<unsigned char>(c)) != 0; };

	while (*cp != '\0')
	{
		if (isspace(static_cast<unsigned char>(*cp)))
		{
			cp++;
			continue;
		}
		if (nf >= maxfields)
			return DTERR_BAD_FORMAT;
		field[nf] = bufp;
		if (isdig(*cp))
		{
			while (isdig(*cp))
				if (!put(*cp++))
					return DTERR_BAD_FORMAT;
			if (*cp == ':')
			{
				ftype[nf] = DTK_TIME;
				while (isdig(*cp) || *cp == ':' || *cp == '.')
					if (!put(*cp++))
						return DTERR_BAD_FORMAT;
			}
			else if (*cp == '-' || *cp == '/' || *cp == '.')
			{
				char delim = *cp;
				if (!put(*cp++))
					return DTERR_BAD_FORMAT;
				if (isdig(*cp))
				{
					ftype[nf] = delim == '.' ? DTK_NUMBER : DTK_DATE;
					while (isdig(*cp))
						if (!put(*cp++))
							return DTERR_BAD_FORMAT;
					if (*cp == delim)
					{
						ftype[nf] = DTK_DATE;
						if (!put(*cp++))
							return DTERR_BAD_FORMAT;
						while (isdig(*cp) || *cp == delim)
							if (!put(*cp++))
								return DTERR_BAD_FORMAT;
					}
				}
				else
				{
					ftype[nf] = DTK_DATE;
					while (isalnum(static_cast<unsigned char>(*cp)) || *cp == delim)
						if (!put(*cp++))
							return DTERR_BAD_FORMAT;
				}
			}
			else
				ftype[nf] = DTK_NUMBER;
		}
		else if (*cp == '.')
		{
			if (!put(*cp++))
				return DTERR_BAD_FORMAT;
			while (isdig(*cp))
				if (!put(*cp++))
					return DTERR_BAD_FORMAT;
			ftype[nf] = DTK_NUMBER;
		}
		else if (isalph(*cp))
		{
			ftype[nf] = DTK_STRING;
			while (isalph(*cp))
				if (!put(*cp++))
					return DTERR_BAD_FORMAT;
			/* A word followed by a separator or digits may be a zone name
			 * (america/new_york, est5edt, etc/gmt+3) unless it is a word
			 * of date input (j2451187, t0405). */
			bool is_date = false;
			if (*cp == '-' || *cp == '/' || *cp == '.')
				is_date = true;
			else if (*cp == '+' || isdig(*cp))
			{
				*bufp = '\0';
				is_date = FindWord(kDateWords, field[nf]) == nullptr;
			}
			if (is_date)
			{
				ftype[nf] = DTK_DATE;
				while (*cp == '+' || *cp == '-' || *cp == '/' || *cp == '_' || *cp == '.' ||
					   *cp == ':' || isalnum(static_cast<unsigned char>(*cp)))
					if (!put(*cp++))
						return DTERR_BAD_FORMAT;
			}
		}
		else if (*cp == '+' || *cp == '-')
		{
			if (!put(*cp++))
				return DTERR_BAD_FORMAT;
			while (isspace(static_cast<unsigned char>(*cp)))
				cp++;
			if (isdig(*cp))
			{
				ftype[nf] = DTK_TZ;
				while (isdig(*cp) || *cp == ':' || *cp == '.' || *cp == '-')
					if (!put(*cp++))
						return DTERR_BAD_FORMAT;
			}
			else if (isalph(*cp))
			{
				ftype[nf] = DTK_SPECIAL;
				while (isalph(*cp))
					if (!put(*cp++))
						return DTERR_BAD_FORMAT;
			}
			else
				return DTERR_BAD_FORMAT;
		}
		else if (ispunct(static_cast<unsigned char>(*cp)))
		{
			/* other punctuation separates fields */
			cp++;
			continue;
		}
		else
			return DTERR_BAD_FORMAT;
		if (bufp >= bufend)
			return DTERR_BAD_FORMAT;
		*bufp++ = '\0';
		nf++;
	}
	*numfields = nf;
	return 0;
}

int DecodeDateTime(char **field, int *ftype, int nf, int *dtype, pg_tm *tm, fsec_t *fsec, int *tzp)
{
	return DecodeFields(field, ftype, nf, false, dtype, tm, fsec, tzp);
}

int DecodeTimeOnly(char **field, int *ftype, int nf, int *dtype, pg_tm *tm, fsec_t *fsec, int *tzp)
{
	return DecodeFields(field, ftype, nf, true, dtype, tm, fsec, tzp);
}

int DetermineTimeZoneOffset(pg_tm *tm, pg_tz *tzp)
{
	if (tzp == nullptr)
		tzp = session_timezone;
	if (tzp == nullptr)
	{
		tm->tm_isdst = 0;
		return 0;
	}
	int64 day = static_cast<int64>(date2j(tm->tm_year, tm->tm_mon, tm->tm_mday)) - UNIX_EPOCH_JDATE;
	int64 local = day * SECS_PER_DAY + tm->tm_hour * SECS_PER_HOUR + tm->tm_min * SECS_PER_MINUTE +
		tm->tm_sec;
	int isdst;
	long off = pg_tz_local_offset(tzp, local, &isdst);
	tm->tm_isdst = isdst;
	return static_cast<int>(-off);
}

bool DetermineTimeZoneAbbrevOffset(pg_tm *tm, const char *abbr, int *offset)
{
	char lower[64];
	size_t n = 0;
	for (; abbr[n] != '\0' && n < sizeof lower - 1; n++)
		lower[n] = static_cast<char>(tolower(static_cast<unsigned char>(abbr[n])));
	lower[n] = '\0';
	const Abbrev *ab = FindAbbrev(lower);
	if (ab == nullptr)
		return false;
	if (ab->zone != nullptr)
		DynamicAbbrevOffset(tm, ab, offset);
	else
	{
		*offset = -ab->offset;
		tm->tm_isdst = ab->is_dst ? 1 : 0;
	}
	return true;
}

void DecodeTimezoneArgument(const char *name, bool iso_sign, int *tz, pg_tz **zone)
{
	*zone = nullptr;
	/* A bare offset: ISO's sign (+02 is east) when iso_sign, else a POSIX
	 * zone's (hours west of UTC, so -03:00 is three hours east). */
	if (iso_sign && isdigit(static_cast<unsigned char>(*name)))
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid input syntax for type %s: \"%s\"", "numeric time zone", name),
				errhint("Numeric time zones must have \"-\" or \"+\" as first character."));
	if (*name == '+' || *name == '-')
	{
		int west;
		int dterr = DecodeTimezone(name, &west);
		if (dterr == 0)
		{
			*tz = iso_sign ? west : -west;
			return;
		}
		if (iso_sign && dterr == DTERR_TZDISP_OVERFLOW)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("numeric time zone \"%s\" out of range", name));
		if (iso_sign)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("time zone \"%s\" not recognized", name));
	}
	char lower[MAXDATELEN + 1];
	size_t n = 0;
	for (; name[n] != '\0' && n < MAXDATELEN; n++)
		lower[n] = static_cast<char>(tolower(static_cast<unsigned char>(name[n])));
	lower[n] = '\0';
	const Abbrev *ab = FindAbbrev(lower);
	if (ab != nullptr && ab->zone == nullptr)
	{
		*tz = -ab->offset;
		return;
	}
	if (ab != nullptr)
	{
		*zone = pg_tzset(ab->zone);
		if (*zone != nullptr)
			return;
	}
	*zone = pg_tzset(name);
	if (*zone == nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("time zone \"%s\" not recognized", name));
}

/* ---- intervals ---- */

int DecodeInterval(char **field, int *ftype, int nf, int range, int *dtype, Interval *result)
{
	/* Which fields were given, to reject repeats ("1 day 2 days"). */
	constexpr int kYear = 1 << 0, kMonth = 1 << 1, kDay = 1 << 2, kWeek = 1 << 3, kHour = 1 << 4,
				  kMinute = 1 << 5, kSecond = 1 << 6, kMilli = 1 << 7, kMicro = 1 << 8,
				  kDecade = 1 << 9, kCentury = 1 << 10, kMillennium = 1 << 11;
	constexpr int kAllSecs = kSecond | kMilli | kMicro;
	constexpr int kTime = kHour | kMinute | kAllSecs;
	constexpr int kNoUnit = -1; /* after "ago": a number needs its unit */

	*dtype = DTK_DELTA;
	IntervalParts parts;
	int fmask = 0;
	bool ago = false;
	int unit = U_NONE;

	/* SQL standard: a leading minus applies to every field, unless another
	 * field has its own sign. */
	bool force_negative = false;
	if (IntervalStyle == INTSTYLE_SQL_STANDARD && nf > 0 && *field[0] == '-')
	{
		force_negative = true;
		for (int i = 1; i < nf; i++)
			if (*field[i] == '-' || *field[i] == '+')
				force_negative = false;
	}

	/* Read backwards: a unit word names the number before it. */
	for (int i = nf - 1; i >= 0; i--)
	{
		char *f = field[i];
		int tmask = 0;
		bool is_time = ftype[i] == DTK_TIME;
		int64 t = 0;
		if (is_time)
		{
			int dterr = DecodeIntervalTime(f, range, &t);
			if (dterr)
				return dterr;
		}
		else if (ftype[i] == DTK_TZ && strchr(f + 1, ':') != nullptr)
		{
			/* a signed time, -04:05:06; if it is not one, the number's
			 * rules below reject it */
			is_time = DecodeIntervalTime(f + 1, range, &t) == 0;
		}
		if (is_time)
		{
			if (ftype[i] == DTK_TZ && *f == '-')
				t = -t;
			if (force_negative && t > 0)
				t = -t;
			if (__builtin_add_overflow(parts.usec, t, &parts.usec))
				return DTERR_FIELD_OVERFLOW;
			tmask = kTime;
			unit = U_DAY; /* a number before a time of day is days */
		}
		else if (ftype[i] == DTK_TZ || ftype[i] == DTK_DATE || ftype[i] == DTK_NUMBER)
		{
			if (unit == U_NONE)
				unit = DefaultUnit(range);
			char *cp;
			errno = 0;
			long long v = strtoll(f, &cp, 10);
			if (errno == ERANGE)
				return DTERR_FIELD_OVERFLOW;
			if (cp == f || (cp == f + 1 && (*f == '-' || *f == '+')))
			{
				if (*cp != '.')
					return DTERR_BAD_FORMAT;
			}
			int64 val = v;
			double frac = 0;
			if (*cp == '-')
			{
				/* SQL year-month: 1-2 */
				errno = 0;
				long m = strtol(cp + 1, &cp, 10);
				if (errno == ERANGE || m < 0 || m >= MONTHS_PER_YEAR)
					return DTERR_FIELD_OVERFLOW;
				if (*cp != '\0')
					return DTERR_BAD_FORMAT;
				unit = U_MONTH;
				if (*f == '-')
					m = -m;
				if (__builtin_mul_overflow(val, static_cast<int64>(MONTHS_PER_YEAR), &val) ||
					__builtin_add_overflow(val, static_cast<int64>(m), &val))
					return DTERR_FIELD_OVERFLOW;
			}
			else if (*cp == '.')
			{
				char *end;
				errno = 0;
				/* "." alone is a zero fraction, as in PostgreSQL */
				frac = cp[1] == '\0' ? 0 : strtod(cp, &end);
				if ((cp[1] != '\0' && *end != '\0') || errno != 0)
					return DTERR_BAD_FORMAT;
				if (*f == '-')
					frac = -frac;
			}
			else if (*cp != '\0')
				return DTERR_BAD_FORMAT;
			if (ftype[i] == DTK_DATE && unit != U_MONTH)
				return DTERR_BAD_FORMAT;
			if (force_negative)
			{
				if (val > 0)
					val = -val;
				if (frac > 0)
					frac = -frac;
			}
			bool bad;
			if (unit == kNoUnit)
				return DTERR_BAD_FORMAT;
			if (!ApplyUnit(&parts, unit, val, frac, &bad))
				return bad ? DTERR_BAD_FORMAT : DTERR_FIELD_OVERFLOW;
			switch (unit)
			{
				case U_MICROSEC:
					tmask = kMicro;
					break;
				case U_MILLISEC:
					tmask = kMilli;
					break;
				case U_SECOND:
					/* a fraction of a second counts as its smaller units too */
					tmask = frac == 0 ? kSecond : kAllSecs;
					break;
				case U_MINUTE:
					tmask = kMinute;
					break;
				case U_HOUR:
					tmask = kHour;
					unit = U_DAY; /* 1 2 hour to ...: the 1 is days */
					break;
				case U_DAY:
					tmask = kDay;
					break;
				case U_WEEK:
					tmask = kWeek;
					break;
				case U_MONTH:
					tmask = kMonth;
					break;
				case U_YEAR:
					tmask = kYear;
					break;
				case U_DECADE:
					tmask = kDecade;
					break;
				case U_CENTURY:
					tmask = kCentury;
					break;
				default:
					tmask = kMillennium;
					break;
			}
		}
		else if (ftype[i] == DTK_STRING || ftype[i] == DTK_SPECIAL)
		{
			const Keyword *kw = FindWord(kDeltaWords, f);
			if (kw == nullptr)
				return DTERR_BAD_FORMAT;
			if (kw->type == Tok::Ignore)
				continue;
			if (kw->type == Tok::Ago)
			{
				ago = true;
				unit = kNoUnit;
			}
			else if (kw->type == Tok::Units)
				unit = kw->value;
			else
				return DTERR_BAD_FORMAT;
		}
		else
			return DTERR_BAD_FORMAT;
		if (tmask & fmask)
			return DTERR_BAD_FORMAT;
		fmask |= tmask;
	}
	if (fmask == 0)
		return DTERR_BAD_FORMAT;
	if (ago)
	{
		if (parts.usec == PG_INT64_MIN || parts.day == INT_MIN || parts.month == INT_MIN ||
			parts.year == INT_MIN)
			return DTERR_FIELD_OVERFLOW;
		parts.usec = -parts.usec;
		parts.day = -parts.day;
		parts.month = -parts.month;
		parts.year = -parts.year;
	}
	return FinishInterval(parts, result);
}

namespace {

/* A number of ISO 8601 interval input: strtod's syntax, at most 1e15, split
 * into its integer part and fraction. */
int ReadIsoNumber(char *str, char **end, int64 *ipart, double *fpart)
{
	if (!(isdigit(static_cast<unsigned char>(*str)) || *str == '-' || *str == '+' || *str == '.'))
		return DTERR_BAD_FORMAT;
	errno = 0;
	double v = strtod(str, end);
	if (*end == str || errno != 0)
		return DTERR_BAD_FORMAT;
	if (fabs(v) > 1.0e15)
		return DTERR_FIELD_OVERFLOW;
	*ipart = static_cast<int64>(v);
	*fpart = v - static_cast<double>(*ipart);
	return 0;
}

/* The digits of the integer part (after a sign). */
int IsoIntegerWidth(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	int n = 0;
	while (isdigit(static_cast<unsigned char>(s[n])))
		n++;
	return n;
}

}  // namespace

int DecodeISO8601Interval(char *str, int *dtype, Interval *result)
{
	*dtype = DTK_DELTA;
	IntervalParts p;
	if (strlen(str) < 2 || str[0] != 'P')
		return DTERR_BAD_FORMAT;
	str++;
	bool datepart = true, havefield = false;
	int64 val;
	double frac;
	int dterr;
	while (*str != '\0')
	{
		if (*str == 'T')
		{
			datepart = false;
			havefield = false;
			str++;
			continue;
		}
		char *start = str;
		if ((dterr = ReadIsoNumber(str, &str, &val, &frac)) != 0)
			return dterr;
		char unit = *str++;
		if (datepart)
		{
			switch (unit)
			{
				case 'Y':
					if (!AddYears(&p, val, 1) || !AddFractYears(&p, frac, 1))
						return DTERR_FIELD_OVERFLOW;
					break;
				case 'M':
					if (!AddMonths(&p, val) || !AddFractDays(&p, frac, DAYS_PER_MONTH))
						return DTERR_FIELD_OVERFLOW;
					break;
				case 'W':
					if (!AddDays(&p, val, 7) || !AddFractDays(&p, frac, 7))
						return DTERR_FIELD_OVERFLOW;
					break;
				case 'D':
					if (!AddDays(&p, val, 1) || !AddFractMicros(&p, frac, USECS_PER_DAY))
						return DTERR_FIELD_OVERFLOW;
					break;
				case 'T':
				case '\0':
				case '-':
					/* the alternative format: PYYYYMMDD or PYYYY-MM-DD */
					if (unit != '-' && IsoIntegerWidth(start) == 8 && !havefield)
					{
						if (!AddYears(&p, val / 10000, 1) || !AddMonths(&p, (val / 100) % 100) ||
							!AddDays(&p, val % 100, 1) || !AddFractMicros(&p, frac, USECS_PER_DAY))
							return DTERR_FIELD_OVERFLOW;
						if (unit == '\0')
							return FinishInterval(p, result);
						datepart = false;
						havefield = false;
						continue;
					}
					if (havefield)
						return DTERR_BAD_FORMAT;
					if (!AddYears(&p, val, 1) || !AddFractYears(&p, frac, 1))
						return DTERR_FIELD_OVERFLOW;
					if (unit == '\0')
						return FinishInterval(p, result);
					if (unit == 'T')
					{
						datepart = false;
						havefield = false;
						continue;
					}
					if ((dterr = ReadIsoNumber(str, &str, &val, &frac)) != 0)
						return dterr;
					if (!AddMonths(&p, val) || !AddFractDays(&p, frac, DAYS_PER_MONTH))
						return DTERR_FIELD_OVERFLOW;
					if (*str == '\0')
						return FinishInterval(p, result);
					if (*str == 'T')
					{
						datepart = false;
						havefield = false;
						str++;
						continue;
					}
					if (*str != '-')
						return DTERR_BAD_FORMAT;
					str++;
					if ((dterr = ReadIsoNumber(str, &str, &val, &frac)) != 0)
						return dterr;
					if (!AddDays(&p, val, 1) || !AddFractMicros(&p, frac, USECS_PER_DAY))
						return DTERR_FIELD_OVERFLOW;
					if (*str == '\0')
						return FinishInterval(p, result);
					if (*str == 'T')
					{
						datepart = false;
						havefield = false;
						str++;
						continue;
					}
					return DTERR_BAD_FORMAT;
				default:
					return DTERR_BAD_FORMAT;
			}
		}
		else
		{
			switch (unit)
			{
				case 'H':
					if (!AddMicros(&p, val, frac, USECS_PER_HOUR))
						return DTERR_FIELD_OVERFLOW;
					break;
				case 'M':
					if (!AddMicros(&p, val, frac, USECS_PER_MINUTE))
						return DTERR_FIELD_OVERFLOW;
					break;
				case 'S':
					if (!AddMicros(&p, val, frac, USECS_PER_SEC))
						return DTERR_FIELD_OVERFLOW;
					break;
				case '\0':
				case ':':
					/* the alternative format: Thhmmss or Thh:mm:ss */
					if (unit == '\0' && IsoIntegerWidth(start) == 6 && !havefield)
					{
						if (!AddMicros(&p, val / 10000, 0, USECS_PER_HOUR) ||
							!AddMicros(&p, (val / 100) % 100, 0, USECS_PER_MINUTE) ||
							!AddMicros(&p, val % 100, 0, USECS_PER_SEC) ||
							!AddFractMicros(&p, frac, 1))
							return DTERR_FIELD_OVERFLOW;
						return FinishInterval(p, result);
					}
					if (havefield)
						return DTERR_BAD_FORMAT;
					if (!AddMicros(&p, val, frac, USECS_PER_HOUR))
						return DTERR_FIELD_OVERFLOW;
					if (unit == '\0')
						return FinishInterval(p, result);
					if ((dterr = ReadIsoNumber(str, &str, &val, &frac)) != 0)
						return dterr;
					if (!AddMicros(&p, val, frac, USECS_PER_MINUTE))
						return DTERR_FIELD_OVERFLOW;
					if (*str == '\0')
						return FinishInterval(p, result);
					if (*str != ':')
						return DTERR_BAD_FORMAT;
					str++;
					if ((dterr = ReadIsoNumber(str, &str, &val, &frac)) != 0)
						return dterr;
					if (!AddMicros(&p, val, frac, USECS_PER_SEC))
						return DTERR_FIELD_OVERFLOW;
					if (*str == '\0')
						return FinishInterval(p, result);
					return DTERR_BAD_FORMAT;
				default:
					return DTERR_BAD_FORMAT;
			}
		}
		havefield = true;
	}
	return FinishInterval(p, result);
}

void DateTimeParseError(int dterr, const char *str, const char *datatype)
{
	switch (dterr)
	{
		case DTERR_FIELD_OVERFLOW:
			ereport(ERROR, errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					errmsg("date/time field value out of range: \"%s\"", str));
			break;
		case DTERR_MD_FIELD_OVERFLOW:
			ereport(ERROR, errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					errmsg("date/time field value out of range: \"%s\"", str),
					errhint("Perhaps you need a different \"datestyle\" setting."));
			break;
		case DTERR_INTERVAL_OVERFLOW:
			ereport(ERROR, errcode(ERRCODE_INTERVAL_FIELD_OVERFLOW),
					errmsg("interval field value out of range: \"%s\"", str));
			break;
		case DTERR_INTERVAL_RESULT_OVERFLOW:
			ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					errmsg("interval out of range"));
			break;
		case DTERR_TZDISP_OVERFLOW:
			ereport(ERROR, errcode(ERRCODE_INVALID_TIME_ZONE_DISPLACEMENT_VALUE),
					errmsg("time zone displacement out of range: \"%s\"", str));
			break;
		default:
			ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					errmsg("invalid input syntax for type %s: \"%s\"", datatype, str));
			break;
	}
	pg_unreachable();
}

/* ---- output ---- */

namespace {

char *PutZeroPadded(char *str, int64 value, int width)
{
	return str + sprintf(str, "%0*lld", width, static_cast<long long>(value));
}

/* Seconds, zero-padded to two digits if asked, and up to precision
 * fractional digits without trailing zeros. */
char *AppendSeconds(char *cp, int sec, fsec_t fsec, int precision, bool fillzeros)
{
	cp += sprintf(cp, fillzeros ? "%02d" : "%d", abs(sec));
	if (fsec != 0)
	{
		int value = abs(fsec);
		char digits[16];
		snprintf(digits, sizeof digits, "%0*d", precision, value);
		int len = static_cast<int>(strlen(digits));
		while (len > 0 && digits[len - 1] == '0')
			len--;
		*cp++ = '.';
		memcpy(cp, digits, len);
		cp += len;
	}
	*cp = '\0';
	return cp;
}

int PrintYear(int year)
{
	return year > 0 ? year : -(year - 1);
}

char *EncodeTimezone(char *str, int tz, int style)
{
	int sec = abs(tz);
	int min = sec / SECS_PER_MINUTE;
	sec -= min * SECS_PER_MINUTE;
	int hour = min / MINS_PER_HOUR;
	min -= hour * MINS_PER_HOUR;
	*str++ = tz <= 0 ? '+' : '-';
	if (sec != 0)
		str += sprintf(str, "%02d:%02d:%02d", hour, min, sec);
	else if (min != 0 || style == USE_XSD_DATES)
		str += sprintf(str, "%02d:%02d", hour, min);
	else
		str += sprintf(str, "%02d", hour);
	*str = '\0';
	return str;
}

}  // namespace

void EncodeDateOnly(pg_tm *tm, int style, char *str)
{
	int y = PrintYear(tm->tm_year);
	switch (style)
	{
		case USE_ISO_DATES:
		case USE_XSD_DATES:
			str += sprintf(str, "%04d-%02d-%02d", y, tm->tm_mon, tm->tm_mday);
			break;
		case USE_SQL_DATES:
			if (DateOrder == DATEORDER_DMY)
				str += sprintf(str, "%02d/%02d/%04d", tm->tm_mday, tm->tm_mon, y);
			else
				str += sprintf(str, "%02d/%02d/%04d", tm->tm_mon, tm->tm_mday, y);
			break;
		case USE_GERMAN_DATES:
			str += sprintf(str, "%02d.%02d.%04d", tm->tm_mday, tm->tm_mon, y);
			break;
		default:
			if (DateOrder == DATEORDER_DMY)
				str += sprintf(str, "%02d-%02d-%04d", tm->tm_mday, tm->tm_mon, y);
			else
				str += sprintf(str, "%02d-%02d-%04d", tm->tm_mon, tm->tm_mday, y);
			break;
	}
	if (tm->tm_year <= 0)
		strcpy(str, " BC");
}

void EncodeTimeOnly(pg_tm *tm, fsec_t fsec, bool print_tz, int tz, int, char *str)
{
	str = PutZeroPadded(str, tm->tm_hour, 2);
	*str++ = ':';
	str = PutZeroPadded(str, tm->tm_min, 2);
	*str++ = ':';
	str = AppendSeconds(str, tm->tm_sec, fsec, MAX_TIME_PRECISION, true);
	if (print_tz)
		EncodeTimezone(str, tz, USE_ISO_DATES);
}

void EncodeDateTime(pg_tm *tm, fsec_t fsec, bool print_tz, int tz, const char *tzn, int style,
					char *str)
{
	if (tm->tm_isdst < 0)
		print_tz = false;
	int y = PrintYear(tm->tm_year);
	auto zone = [&](char *s, bool space_before_offset) {
		if (!print_tz)
			return s;
		if (tzn != nullptr)
			return s + sprintf(s, " %.*s", MAXTZLEN, tzn);
		if (space_before_offset)
			*s++ = ' ';
		return EncodeTimezone(s, tz, style);
	};
	switch (style)
	{
		case USE_ISO_DATES:
		case USE_XSD_DATES:
			str += sprintf(str, "%04d-%02d-%02d%c%02d:%02d:", y, tm->tm_mon, tm->tm_mday,
						   style == USE_ISO_DATES ? ' ' : 'T', tm->tm_hour, tm->tm_min);
			str = AppendSeconds(str, tm->tm_sec, fsec, MAX_TIMESTAMP_PRECISION, true);
			if (print_tz)
				str = EncodeTimezone(str, tz, style);
			break;
		case USE_SQL_DATES:
			if (DateOrder == DATEORDER_DMY)
				str += sprintf(str, "%02d/%02d", tm->tm_mday, tm->tm_mon);
			else
				str += sprintf(str, "%02d/%02d", tm->tm_mon, tm->tm_mday);
			str += sprintf(str, "/%04d %02d:%02d:", y, tm->tm_hour, tm->tm_min);
			str = AppendSeconds(str, tm->tm_sec, fsec, MAX_TIMESTAMP_PRECISION, true);
			str = zone(str, false);
			break;
		case USE_GERMAN_DATES:
			str += sprintf(str, "%02d.%02d.%04d %02d:%02d:", tm->tm_mday, tm->tm_mon, y,
						   tm->tm_hour, tm->tm_min);
			str = AppendSeconds(str, tm->tm_sec, fsec, MAX_TIMESTAMP_PRECISION, true);
			str = zone(str, false);
			break;
		default:
		{
			int wday = j2day(date2j(tm->tm_year, tm->tm_mon, tm->tm_mday));
			tm->tm_wday = wday;
			if (DateOrder == DATEORDER_DMY)
				str += sprintf(str, "%s %02d %s", kDays[wday], tm->tm_mday,
							   kMonths[tm->tm_mon - 1]);
			else
				str += sprintf(str, "%s %s %02d", kDays[wday], kMonths[tm->tm_mon - 1],
							   tm->tm_mday);
			str += sprintf(str, " %02d:%02d:", tm->tm_hour, tm->tm_min);
			str = AppendSeconds(str, tm->tm_sec, fsec, MAX_TIMESTAMP_PRECISION, true);
			str += sprintf(str, " %04d", y);
			str = zone(str, true);
			break;
		}
	}
	if (tm->tm_year <= 0)
		strcpy(str, " BC");
	else
		*str = '\0';
}

namespace {

char *AddPostgresPart(char *cp, int64 value, const char *units, bool *is_zero, bool *is_before)
{
	if (value == 0)
		return cp;
	cp += sprintf(cp, "%s%s%lld %s%s", *is_zero ? "" : " ", (*is_before && value > 0) ? "+" : "",
				  static_cast<long long>(value), units, value != 1 ? "s" : "");
	/* each part's sign decides whether the next positive one gets a '+' */
	*is_before = value < 0;
	*is_zero = false;
	return cp;
}

char *AddVerbosePart(char *cp, int64 value, const char *units, bool *is_zero, bool *is_before)
{
	if (value == 0)
		return cp;
	/* the first part's sign becomes "ago"; later ones are relative to it */
	if (*is_zero)
	{
		*is_before = value < 0;
		value = value < 0 ? -value : value;
	}
	else if (*is_before)
		value = -value;
	cp += sprintf(cp, " %lld %s%s", static_cast<long long>(value), units, value == 1 ? "" : "s");
	*is_zero = false;
	return cp;
}

char *AddIsoPart(char *cp, int64 value, char units)
{
	if (value == 0)
		return cp;
	return cp + sprintf(cp, "%lld%c", static_cast<long long>(value), units);
}

}  // namespace

void EncodeInterval(pg_itm *itm, int style, char *str)
{
	char *cp = str;
	int year = itm->tm_year, mon = itm->tm_mon;
	int64 mday = itm->tm_mday;
	int64 hour = itm->tm_hour;
	int min = itm->tm_min, sec = itm->tm_sec;
	fsec_t fsec = itm->tm_usec;
	bool is_before = false, is_zero = true;
	*cp = '\0';
	switch (style)
	{
		case INTSTYLE_SQL_STANDARD:
		{
			bool has_negative = year < 0 || mon < 0 || mday < 0 || hour < 0 || min < 0 || sec < 0 ||
				fsec < 0;
			bool has_positive = year > 0 || mon > 0 || mday > 0 || hour > 0 || min > 0 || sec > 0 ||
				fsec > 0;
			bool has_year_month = year != 0 || mon != 0;
			bool has_day_time = mday != 0 || hour != 0 || min != 0 || sec != 0 || fsec != 0;
			bool sql_standard_value = !(has_negative && has_positive) &&
				!(has_year_month && has_day_time);
			if (has_negative && sql_standard_value)
			{
				/* one sign in front of the whole value */
				*cp++ = '-';
				year = -year;
				mon = -mon;
				mday = -mday;
				hour = -hour;
				min = -min;
				sec = -sec;
				fsec = -fsec;
			}
			if (!has_negative && !has_positive)
				strcpy(cp, "0");
			else if (!sql_standard_value)
			{
				char year_sign = (year < 0 || mon < 0) ? '-' : '+';
				char day_sign = mday < 0 ? '-' : '+';
				char sec_sign = (hour < 0 || min < 0 || sec < 0 || fsec < 0) ? '-' : '+';
				cp += sprintf(cp, "%c%d-%d %c%lld %c%lld:%02d:", year_sign, abs(year), abs(mon),
							  day_sign, static_cast<long long>(mday < 0 ? -mday : mday), sec_sign,
							  static_cast<long long>(hour < 0 ? -hour : hour), abs(min));
				AppendSeconds(cp, sec, fsec, MAX_INTERVAL_PRECISION, true);
			}
			else if (has_year_month)
				sprintf(cp, "%d-%d", year, mon);
			else if (mday != 0)
			{
				cp += sprintf(cp, "%lld %lld:%02d:", static_cast<long long>(mday),
							  static_cast<long long>(hour), min);
				AppendSeconds(cp, sec, fsec, MAX_INTERVAL_PRECISION, true);
			}
			else
			{
				cp += sprintf(cp, "%lld:%02d:", static_cast<long long>(hour), min);
				AppendSeconds(cp, sec, fsec, MAX_INTERVAL_PRECISION, true);
			}
			break;
		}
		case INTSTYLE_ISO_8601:
			if (year == 0 && mon == 0 && mday == 0 && hour == 0 && min == 0 && sec == 0 &&
				fsec == 0)
			{
				strcpy(cp, "PT0S");
				break;
			}
			*cp++ = 'P';
			cp = AddIsoPart(cp, year, 'Y');
			cp = AddIsoPart(cp, mon, 'M');
			cp = AddIsoPart(cp, mday, 'D');
			if (hour != 0 || min != 0 || sec != 0 || fsec != 0)
				*cp++ = 'T';
			cp = AddIsoPart(cp, hour, 'H');
			cp = AddIsoPart(cp, min, 'M');
			if (sec != 0 || fsec != 0)
			{
				if (sec < 0 || fsec < 0)
					*cp++ = '-';
				cp = AppendSeconds(cp, sec, fsec, MAX_INTERVAL_PRECISION, false);
				*cp++ = 'S';
			}
			*cp = '\0';
			break;
		case INTSTYLE_POSTGRES:
			cp = AddPostgresPart(cp, year, "year", &is_zero, &is_before);
			cp = AddPostgresPart(cp, mon, "mon", &is_zero, &is_before);
			cp = AddPostgresPart(cp, mday, "day", &is_zero, &is_before);
			if (is_zero || hour != 0 || min != 0 || sec != 0 || fsec != 0)
			{
				bool minus = hour < 0 || min < 0 || sec < 0 || fsec < 0;
				cp += sprintf(cp, "%s%s%02lld:%02d:", is_zero ? "" : " ",
							  minus ? "-" : (is_before ? "+" : ""),
							  static_cast<long long>(hour < 0 ? -hour : hour), abs(min));
				AppendSeconds(cp, sec, fsec, MAX_INTERVAL_PRECISION, true);
			}
			break;
		default:
			*cp++ = '@';
			*cp = '\0';
			cp = AddVerbosePart(cp, year, "year", &is_zero, &is_before);
			cp = AddVerbosePart(cp, mon, "mon", &is_zero, &is_before);
			cp = AddVerbosePart(cp, mday, "day", &is_zero, &is_before);
			cp = AddVerbosePart(cp, hour, "hour", &is_zero, &is_before);
			cp = AddVerbosePart(cp, min, "min", &is_zero, &is_before);
			if (sec != 0 || fsec != 0)
			{
				*cp++ = ' ';
				if (sec < 0 || (sec == 0 && fsec < 0))
				{
					if (is_zero)
						is_before = true;
					else if (!is_before)
						*cp++ = '-';
				}
				else if (is_before)
					*cp++ = '-';
				cp = AppendSeconds(cp, sec, fsec, MAX_INTERVAL_PRECISION, false);
				cp += sprintf(cp, " sec%s", (abs(sec) != 1 || fsec != 0) ? "s" : "");
				is_zero = false;
			}
			if (is_zero)
				strcat(cp, " 0");
			if (is_before)
				strcat(cp, " ago");
			break;
	}
}

int DecodeUnitName(const char *name)
{
	char lower[kTokMaxLen + 1];
	size_t n = 0;
	for (; name[n] != '\0' && n < kTokMaxLen; n++)
		lower[n] = static_cast<char>(tolower(static_cast<unsigned char>(name[n])));
	lower[n] = '\0';
	const Keyword *kw = FindWord(kDeltaWords, lower);
	if (kw != nullptr && kw->type == Tok::Units)
		return kw->value;
	kw = FindWord(kDateWords, lower);
	if (kw != nullptr && kw->type == Tok::Units)
		return kw->value;
	if (kw != nullptr && kw->type == Tok::Reserved && kw->value == DTK_EPOCH)
		return U_EPOCH;
	return U_NONE;
}

void EncodeSpecialTimestamp(Timestamp dt, char *str)
{
	if (TIMESTAMP_IS_NOBEGIN(dt))
		strcpy(str, "-infinity");
	else if (TIMESTAMP_IS_NOEND(dt))
		strcpy(str, "infinity");
	else
		elog(ERROR, "invalid argument for EncodeSpecialTimestamp");
}

/* pg_timezone_abbrevs(): the abbreviations datetime input accepts (the
 * Default set), upper-cased as PostgreSQL shows them, with their offset
 * east of UTC; one whose meaning changed over time gets the meaning its
 * zone gives it at the transaction's start. */
Datum pg_timezone_abbrevs(PG_FUNCTION_ARGS)
{
	constexpr int kColumns = 3;
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		TupleDesc desc = CreateTemplateTupleDesc(kColumns);
		TupleDescInitEntry(desc, 1, "abbrev", TEXTOID, -1, 0);
		TupleDescInitEntry(desc, 2, "utc_offset", INTERVALOID, -1, 0);
		TupleDescInitEntry(desc, 3, "is_dst", BOOLOID, -1, 0);
		funcctx->tuple_desc = BlessTupleDesc(desc);
		funcctx->max_calls = lengthof(kAbbrevs);
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr >= funcctx->max_calls)
		SRF_RETURN_DONE(funcctx);
	const Abbrev &ab = kAbbrevs[funcctx->call_cntr];
	int offset = ab.offset;
	bool is_dst = ab.is_dst;
	if (ab.zone != nullptr)
	{
		pg_tm tm;
		fsec_t fsec;
		int tz;
		GetCurrentTimeUsec(&tm, &fsec, nullptr);
		(void) DynamicAbbrevOffset(&tm, &ab, &tz);
		offset = -tz;
		is_dst = tm.tm_isdst > 0;
	}
	char upper[kTokMaxLen + 1];
	size_t n = 0;
	for (; ab.abbr[n] != '\0' && n < kTokMaxLen; n++)
		upper[n] = static_cast<char>(toupper(static_cast<unsigned char>(ab.abbr[n])));
	upper[n] = '\0';
	auto *interval = static_cast<Interval *>(palloc0(sizeof(Interval)));
	interval->time = static_cast<int64>(offset) * USECS_PER_SEC;
	Datum values[kColumns] = {PointerGetDatum(cstring_to_text(upper)), IntervalPGetDatum(interval),
							  BoolGetDatum(is_dst)};
	bool nulls[kColumns] = {};
	HeapTuple tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
	SRF_RETURN_NEXT(funcctx, heap_copy_tuple_as_datum(tuple, funcctx->tuple_desc));
}
