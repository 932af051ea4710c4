/*
 * formatting.cpp — to_char of timestamps and intervals, and to_date /
 * to_timestamp(text, text): PostgreSQL's date/time templates.
 *
 * A template is split into nodes: keywords (YYYY, MM, DD, HH24, MI, SS, MS,
 * US, FF1-FF6, Month, Mon, Day, Dy, AM, BC, TZ, J, Q, IW, ...), each with
 * its modifiers (FM: no padding; TH/th: ordinal suffix; TM: accepted, as
 * the C locale's names are the translated ones), and literal characters
 * (text in double quotes and backslash-escaped characters are literal too).
 * to_char writes each node; to_date and to_timestamp read the input by the
 * same nodes, PostgreSQL's way: spaces and separators are flexible unless
 * FX is given, numbers take their field's width unless FM or a separator
 * follows.
 *
 * Principal entry points: timestamp_to_char, timestamptz_to_char,
 * interval_to_char, to_date, to_timestamp (utils/fmgrprotos.h).
 */
#include "postgres.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <string>
#include <vector>

#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

namespace {

enum class Key
{
	k_A_D,
	k_A_M,
	k_AD,
	k_AM,
	k_B_C,
	k_BC,
	k_CC,
	k_DAY,
	k_DDD,
	k_DD,
	k_DY,
	k_Day,
	k_Dy,
	k_D,
	k_FF1,
	k_FF2,
	k_FF3,
	k_FF4,
	k_FF5,
	k_FF6,
	k_FX,
	k_HH24,
	k_HH12,
	k_HH,
	k_IDDD,
	k_ID,
	k_IW,
	k_IYYY,
	k_IYY,
	k_IY,
	k_I,
	k_J,
	k_MI,
	k_MM,
	k_MONTH,
	k_MON,
	k_MS,
	k_Month,
	k_Mon,
	k_OF,
	k_P_M,
	k_PM,
	k_Q,
	k_RM,
	k_SSSSS,
	k_SSSS,
	k_SS,
	k_TZH,
	k_TZM,
	k_TZ,
	k_US,
	k_WW,
	k_W,
	k_Y_YYY,
	k_YYYY,
	k_YYY,
	k_YY,
	k_Y,
	k_a_d,
	k_a_m,
	k_ad,
	k_am,
	k_b_c,
	k_bc,
	k_day,
	k_dy,
	k_month,
	k_mon,
	k_p_m,
	k_pm,
	k_rm,
	k_tz,
};

struct KeyWord
{
	const char *name;
	Key key;
	bool is_digit; /* reads and writes a number */
};

/* Longer names before their prefixes, so the first match is the longest. */
const KeyWord kKeyWords[] = {
	{"A.D.", Key::k_A_D, false},	{"A.M.", Key::k_A_M, false},	{"AD", Key::k_AD, false},
	{"AM", Key::k_AM, false},		{"B.C.", Key::k_B_C, false},	{"BC", Key::k_BC, false},
	{"CC", Key::k_CC, true},		{"DAY", Key::k_DAY, false},		{"DDD", Key::k_DDD, true},
	{"DD", Key::k_DD, true},		{"DY", Key::k_DY, false},		{"Day", Key::k_Day, false},
	{"Dy", Key::k_Dy, false},		{"D", Key::k_D, true},			{"FF1", Key::k_FF1, true},
	{"FF2", Key::k_FF2, true},		{"FF3", Key::k_FF3, true},		{"FF4", Key::k_FF4, true},
	{"FF5", Key::k_FF5, true},		{"FF6", Key::k_FF6, true},		{"FX", Key::k_FX, false},
	{"HH24", Key::k_HH24, true},	{"HH12", Key::k_HH12, true},	{"HH", Key::k_HH, true},
	{"IDDD", Key::k_IDDD, true},	{"ID", Key::k_ID, true},		{"IW", Key::k_IW, true},
	{"IYYY", Key::k_IYYY, true},	{"IYY", Key::k_IYY, true},		{"IY", Key::k_IY, true},
	{"I", Key::k_I, true},			{"J", Key::k_J, true},			{"MI", Key::k_MI, true},
	{"MM", Key::k_MM, true},		{"MONTH", Key::k_MONTH, false}, {"MON", Key::k_MON, false},
	{"MS", Key::k_MS, true},		{"Month", Key::k_Month, false}, {"Mon", Key::k_Mon, false},
	{"OF", Key::k_OF, false},		{"P.M.", Key::k_P_M, false},	{"PM", Key::k_PM, false},
	{"Q", Key::k_Q, true},			{"RM", Key::k_RM, false},		{"SSSSS", Key::k_SSSSS, true},
	{"SSSS", Key::k_SSSS, true},	{"SS", Key::k_SS, true},		{"TZH", Key::k_TZH, false},
	{"TZM", Key::k_TZM, true},		{"TZ", Key::k_TZ, false},		{"US", Key::k_US, true},
	{"WW", Key::k_WW, true},		{"W", Key::k_W, true},			{"Y,YYY", Key::k_Y_YYY, true},
	{"YYYY", Key::k_YYYY, true},	{"YYY", Key::k_YYY, true},		{"YY", Key::k_YY, true},
	{"Y", Key::k_Y, true},			{"a.d.", Key::k_a_d, false},	{"a.m.", Key::k_a_m, false},
	{"ad", Key::k_ad, false},		{"am", Key::k_am, false},		{"b.c.", Key::k_b_c, false},
	{"bc", Key::k_bc, false},		{"cc", Key::k_CC, true},		{"day", Key::k_day, false},
	{"ddd", Key::k_DDD, true},		{"dd", Key::k_DD, true},		{"dy", Key::k_dy, false},
	{"d", Key::k_D, true},			{"ff1", Key::k_FF1, true},		{"ff2", Key::k_FF2, true},
	{"ff3", Key::k_FF3, true},		{"ff4", Key::k_FF4, true},		{"ff5", Key::k_FF5, true},
	{"ff6", Key::k_FF6, true},		{"fx", Key::k_FX, false},		{"hh24", Key::k_HH24, true},
	{"hh12", Key::k_HH12, true},	{"hh", Key::k_HH, true},		{"iddd", Key::k_IDDD, true},
	{"id", Key::k_ID, true},		{"iw", Key::k_IW, true},		{"iyyy", Key::k_IYYY, true},
	{"iyy", Key::k_IYY, true},		{"iy", Key::k_IY, true},		{"i", Key::k_I, true},
	{"j", Key::k_J, true},			{"mi", Key::k_MI, true},		{"mm", Key::k_MM, true},
	{"month", Key::k_month, false}, {"mon", Key::k_mon, false},		{"ms", Key::k_MS, true},
	{"of", Key::k_OF, false},		{"p.m.", Key::k_p_m, false},	{"pm", Key::k_pm, false},
	{"q", Key::k_Q, true},			{"rm", Key::k_rm, false},		{"sssss", Key::k_SSSSS, true},
	{"ssss", Key::k_SSSS, true},	{"ss", Key::k_SS, true},		{"tzh", Key::k_TZH, false},
	{"tzm", Key::k_TZM, true},		{"tz", Key::k_tz, false},		{"us", Key::k_US, true},
	{"ww", Key::k_WW, true},		{"w", Key::k_W, true},			{"y,yyy", Key::k_Y_YYY, true},
	{"yyyy", Key::k_YYYY, true},	{"yyy", Key::k_YYY, true},		{"yy", Key::k_YY, true},
	{"y", Key::k_Y, true},
};

const char *const kMonthsFull[] = {"January",	"February", "March",	"April",
								   "May",		"June",		"July",		"August",
								   "September", "October",	"November", "December"};
const char *const kMonthsShort[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
									"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char *const kDaysFull[] = {"Sunday",	 "Monday", "Tuesday", "Wednesday",
								 "Thursday", "Friday", "Saturday"};
const char *const kDaysShort[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char *const kRomanMonths[] = {"XII", "XI", "X",  "IX",  "VIII", "VII",
									"VI",  "V",	 "IV", "III", "II",	  "I"};

struct FormatNode
{
	bool is_key = false;
	const KeyWord *kw = nullptr;
	bool fm = false;		/* FM: no padding */
	int th = 0;				/* 1: TH, 2: th */
	std::string text;		/* a literal node's characters */
	bool separator = false; /* a literal that is one space or punctuation */
};

/* Splits a template into nodes. */
std::vector<FormatNode> ParseFormat(const char *fmt)
{
	std::vector<FormatNode> nodes;
	const char *p = fmt;
	while (*p != '\0')
	{
		bool fm = false;
		/* prefix modifiers */
		for (;;)
		{
			if (strncmp(p, "FM", 2) == 0 || strncmp(p, "fm", 2) == 0)
			{
				fm = true;
				p += 2;
			}
			else if (strncmp(p, "TM", 2) == 0 || strncmp(p, "tm", 2) == 0)
				p += 2;
			else
				break;
		}
		const KeyWord *match = nullptr;
		for (const KeyWord &kw : kKeyWords)
			if (strncmp(p, kw.name, strlen(kw.name)) == 0)
			{
				match = &kw;
				break;
			}
		if (match != nullptr)
		{
			FormatNode n;
			n.is_key = true;
			n.kw = match;
			n.fm = fm;
			p += strlen(match->name);
			if (strncmp(p, "TH", 2) == 0)
			{
				n.th = 1;
				p += 2;
			}
			else if (strncmp(p, "th", 2) == 0)
			{
				n.th = 2;
				p += 2;
			}
			nodes.push_back(n);
			continue;
		}
		if (fm)
			continue; /* a modifier before nothing: dropped */
		if (*p == '"')
		{
			/* quoted text: literal up to the closing quote, \" inside */
			p++;
			while (*p != '\0' && *p != '"')
			{
				if (*p == '\\' && p[1] != '\0')
					p++;
				FormatNode n;
				n.text = std::string(1, *p);
				nodes.push_back(n);
				p++;
			}
			if (*p == '"')
				p++;
			continue;
		}
		FormatNode n;
		if (*p == '\\' && p[1] == '"')
			p++;
		n.text = std::string(1, *p);
		n.separator = isspace(static_cast<unsigned char>(*p)) ||
			ispunct(static_cast<unsigned char>(*p));
		nodes.push_back(n);
		p++;
	}
	return nodes;
}

/* "1st", "2nd", "3rd", "11th": the ordinal suffix of the number in s. */
void AppendOrdinal(std::string &s, int th)
{
	size_t len = s.size();
	const char *suffix = "th";
	if (len > 0 && isdigit(static_cast<unsigned char>(s[len - 1])))
	{
		char last = s[len - 1];
		bool teen = len > 1 && s[len - 2] == '1';
		if (!teen && last == '1')
			suffix = "st";
		else if (!teen && last == '2')
			suffix = "nd";
		else if (!teen && last == '3')
			suffix = "rd";
	}
	if (th == 1)
		s += suffix[0] == 's' ? "ST" : suffix[0] == 'n' ? "ND" : suffix[0] == 'r' ? "RD" : "TH";
	else
		s += suffix;
}

std::string Printf(const char *fmt, long long v, int width)
{
	char buf[64];
	snprintf(buf, sizeof buf, fmt, width, v);
	return buf;
}

/* What to_char formats: broken-down time, fraction, zone. */
struct CharInput
{
	pg_tm tm;
	fsec_t fsec = 0;
	const char *tzn = nullptr;
	bool is_interval = false;
	int64 hours = 0; /* an interval's hours may pass 24 */
};

int AdjustYear(int year, bool is_interval)
{
	if (is_interval)
		return year;
	return year <= 0 ? -(year - 1) : year;
}

[[noreturn]] void InvalidForInterval()
{
	ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
			errmsg("invalid format specification for an interval value"),
			errhint("Intervals are not tied to specific calendar dates."));
	pg_unreachable();
}

std::string ToChar(const std::vector<FormatNode> &nodes, CharInput &in)
{
	pg_tm &tm = in.tm;
	std::string out;
	for (const FormatNode &n : nodes)
	{
		if (!n.is_key)
		{
			out += n.text;
			continue;
		}
		std::string s;
		bool numeric = n.kw->is_digit;
		/* zero-padded to width, counting a minus sign in it or not */
		auto pad = [&](int width, long long v, bool sign_in_width = false) {
			return Printf("%0*lld", v, n.fm ? 0 : (v >= 0 || sign_in_width ? width : width + 1));
		};
		auto name = [&](const char *v, int width, int casing) {
			std::string r = v;
			if (casing == 1)
				for (char &c : r)
					c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
			else if (casing == 2)
				for (char &c : r)
					c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
			if (!n.fm && static_cast<int>(r.size()) < width)
				r.append(width - r.size(), ' ');
			return r;
		};
		bool pm = tm.tm_hour % HOURS_PER_DAY >= HOURS_PER_DAY / 2;
		int year = AdjustYear(tm.tm_year, in.is_interval);
		auto iso_year = [&]() {
			return AdjustYear(date2isoyear(tm.tm_year, tm.tm_mon, tm.tm_mday), in.is_interval);
		};
		switch (n.kw->key)
		{
			case Key::k_A_M:
			case Key::k_P_M:
				s = pm ? "P.M." : "A.M.";
				break;
			case Key::k_AM:
			case Key::k_PM:
				s = pm ? "PM" : "AM";
				break;
			case Key::k_a_m:
			case Key::k_p_m:
				s = pm ? "p.m." : "a.m.";
				break;
			case Key::k_am:
			case Key::k_pm:
				s = pm ? "pm" : "am";
				break;
			case Key::k_HH:
			case Key::k_HH12:
			{
				int64 h = in.hours % (HOURS_PER_DAY / 2);
				s = pad(2, h == 0 ? HOURS_PER_DAY / 2 : h);
				break;
			}
			case Key::k_HH24:
				s = pad(2, in.hours);
				break;
			case Key::k_MI:
				s = pad(2, tm.tm_min);
				break;
			case Key::k_SS:
				s = pad(2, tm.tm_sec);
				break;
			case Key::k_FF1:
				s = Printf("%0*lld", in.fsec / 100000, 1);
				break;
			case Key::k_FF2:
				s = Printf("%0*lld", in.fsec / 10000, 2);
				break;
			case Key::k_FF3:
			case Key::k_MS:
				s = Printf("%0*lld", in.fsec / 1000, 3);
				break;
			case Key::k_FF4:
				s = Printf("%0*lld", in.fsec / 100, 4);
				break;
			case Key::k_FF5:
				s = Printf("%0*lld", in.fsec / 10, 5);
				break;
			case Key::k_FF6:
			case Key::k_US:
				s = Printf("%0*lld", in.fsec, 6);
				break;
			case Key::k_SSSS:
			case Key::k_SSSSS:
				s = std::to_string(in.hours * SECS_PER_HOUR + tm.tm_min * SECS_PER_MINUTE +
								   tm.tm_sec);
				break;
			case Key::k_tz:
			case Key::k_TZ:
				if (in.is_interval)
					InvalidForInterval();
				if (in.tzn != nullptr)
					s = name(in.tzn, 0, n.kw->key == Key::k_tz ? 2 : 0);
				break;
			case Key::k_TZH:
				if (in.is_interval)
					InvalidForInterval();
				s = std::string(1, tm.tm_gmtoff >= 0 ? '+' : '-') +
					Printf("%0*lld", labs(tm.tm_gmtoff) / SECS_PER_HOUR, 2);
				break;
			case Key::k_TZM:
				if (in.is_interval)
					InvalidForInterval();
				s = Printf("%0*lld", (labs(tm.tm_gmtoff) % SECS_PER_HOUR) / SECS_PER_MINUTE, 2);
				break;
			case Key::k_OF:
				if (in.is_interval)
					InvalidForInterval();
				s = std::string(1, tm.tm_gmtoff >= 0 ? '+' : '-') +
					Printf("%0*lld", labs(tm.tm_gmtoff) / SECS_PER_HOUR, n.fm ? 0 : 2);
				if (labs(tm.tm_gmtoff) % SECS_PER_HOUR != 0)
					s += Printf(":%0*lld", (labs(tm.tm_gmtoff) % SECS_PER_HOUR) / SECS_PER_MINUTE,
								2);
				break;
			case Key::k_A_D:
			case Key::k_B_C:
				if (in.is_interval)
					InvalidForInterval();
				s = tm.tm_year <= 0 ? "B.C." : "A.D.";
				break;
			case Key::k_AD:
			case Key::k_BC:
				if (in.is_interval)
					InvalidForInterval();
				s = tm.tm_year <= 0 ? "BC" : "AD";
				break;
			case Key::k_a_d:
			case Key::k_b_c:
				if (in.is_interval)
					InvalidForInterval();
				s = tm.tm_year <= 0 ? "b.c." : "a.d.";
				break;
			case Key::k_ad:
			case Key::k_bc:
				if (in.is_interval)
					InvalidForInterval();
				s = tm.tm_year <= 0 ? "bc" : "ad";
				break;
			case Key::k_MONTH:
			case Key::k_Month:
			case Key::k_month:
				if (in.is_interval)
					InvalidForInterval();
				if (tm.tm_mon != 0)
					s = name(kMonthsFull[tm.tm_mon - 1], 9,
							 n.kw->key == Key::k_MONTH		 ? 1
								 : n.kw->key == Key::k_month ? 2
															 : 0);
				break;
			case Key::k_MON:
			case Key::k_Mon:
			case Key::k_mon:
				if (in.is_interval)
					InvalidForInterval();
				if (tm.tm_mon != 0)
					s = name(kMonthsShort[tm.tm_mon - 1], 0,
							 n.kw->key == Key::k_MON	   ? 1
								 : n.kw->key == Key::k_mon ? 2
														   : 0);
				break;
			case Key::k_MM:
				s = pad(2, tm.tm_mon);
				break;
			case Key::k_DAY:
			case Key::k_Day:
			case Key::k_day:
				if (in.is_interval)
					InvalidForInterval();
				s = name(kDaysFull[tm.tm_wday], 9,
						 n.kw->key == Key::k_DAY	   ? 1
							 : n.kw->key == Key::k_day ? 2
													   : 0);
				break;
			case Key::k_DY:
			case Key::k_Dy:
			case Key::k_dy:
				if (in.is_interval)
					InvalidForInterval();
				s = name(kDaysShort[tm.tm_wday], 0,
						 n.kw->key == Key::k_DY		  ? 1
							 : n.kw->key == Key::k_dy ? 2
													  : 0);
				break;
			case Key::k_DDD:
				s = pad(3, tm.tm_yday, true);
				break;
			case Key::k_IDDD:
			{
				int day = date2j(tm.tm_year, tm.tm_mon, tm.tm_mday);
				int iy = date2isoyear(tm.tm_year, tm.tm_mon, tm.tm_mday);
				int jan4 = date2j(iy, 1, 4);
				int week1 = jan4 - (j2day(jan4) + 6) % 7;
				s = pad(3, day - week1 + 1, true);
				break;
			}
			case Key::k_DD:
				s = pad(2, tm.tm_mday, true);
				break;
			case Key::k_D:
				if (in.is_interval)
					InvalidForInterval();
				s = std::to_string(tm.tm_wday + 1);
				break;
			case Key::k_ID:
				if (in.is_interval)
					InvalidForInterval();
				s = std::to_string(tm.tm_wday == 0 ? 7 : tm.tm_wday);
				break;
			case Key::k_WW:
				s = pad(2, (tm.tm_yday - 1) / 7 + 1, true);
				break;
			case Key::k_IW:
				s = pad(2, date2isoweek(tm.tm_year, tm.tm_mon, tm.tm_mday), true);
				break;
			case Key::k_Q:
				if (tm.tm_mon != 0)
					s = std::to_string((tm.tm_mon - 1) / 3 + 1);
				break;
			case Key::k_CC:
			{
				int c;
				if (in.is_interval)
					c = tm.tm_year / 100;
				else if (tm.tm_year > 0)
					c = (tm.tm_year - 1) / 100 + 1;
				else
					c = tm.tm_year / 100 - 1;
				s = (c <= 99 && c >= -99) ? pad(2, c) : std::to_string(c);
				break;
			}
			case Key::k_Y_YYY:
			{
				int th = year / 1000;
				s = Printf("%0*lld", th, 0) + "," + Printf("%0*lld", year - th * 1000, 3);
				break;
			}
			case Key::k_YYYY:
				s = pad(4, year);
				break;
			case Key::k_IYYY:
				s = pad(4, iso_year());
				break;
			case Key::k_YYY:
				s = pad(3, year % 1000);
				break;
			case Key::k_IYY:
				s = pad(3, iso_year() % 1000);
				break;
			case Key::k_YY:
				s = pad(2, year % 100);
				break;
			case Key::k_IY:
				s = pad(2, iso_year() % 100);
				break;
			case Key::k_Y:
				s = std::to_string(year % 10);
				break;
			case Key::k_I:
				s = std::to_string(iso_year() % 10);
				break;
			case Key::k_RM:
			case Key::k_rm:
			{
				if (tm.tm_mon == 0 && tm.tm_year == 0)
					break;
				int idx;
				if (tm.tm_mon == 0)
					idx = tm.tm_year >= 0 ? 0 : MONTHS_PER_YEAR - 1;
				else if (tm.tm_mon < 0)
					idx = -1 * (tm.tm_mon + 1);
				else
					idx = MONTHS_PER_YEAR - tm.tm_mon;
				s = name(kRomanMonths[idx], 4, n.kw->key == Key::k_rm ? 2 : 0);
				break;
			}
			case Key::k_W:
				s = std::to_string((tm.tm_mday - 1) / 7 + 1);
				break;
			case Key::k_J:
				s = std::to_string(date2j(tm.tm_year, tm.tm_mon, tm.tm_mday));
				break;
			case Key::k_FX:
				break;
		}
		if (numeric && n.th != 0 && !s.empty())
			AppendOrdinal(s, n.th);
		out += s;
	}
	return out;
}

Datum ToCharResult(text *fmt, CharInput &in, FunctionCallInfo fcinfo)
{
	char *f = text_to_cstring(fmt);
	if (*f == '\0')
		PG_RETURN_NULL();
	std::vector<FormatNode> nodes = ParseFormat(f);
	std::string out = ToChar(nodes, in);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data(), static_cast<int>(out.size())));
}

/* ---- reading: to_date and to_timestamp ---- */

struct FromChar
{
	int year = 0, yysz = 0, bc = 0, cc = 0;
	int mm = 0, dd = 0, ddd = 0;
	int hh = 0, mi = 0, ss = 0, ssss = 0;
	int pm = 0, clock12 = 0;
	int ms = 0, us = 0;
	int j = 0;
	int ww = 0, w = 0, d = 0; /* week of year, week of month, day of week */
	bool iso = false;		  /* ISO week-numbering fields (IYYY, IW, ID, IDDD) */
	bool gregorian = false;	  /* Gregorian ones (MM, DD, DDD, WW, D, ...) */
	bool have_tz = false;
	int tzsign = 0, tzh = 0, tzm = 0;
};

[[noreturn]] void FormatError(const char *msg, const char *detail = nullptr,
							  const char *hint = nullptr)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT), errmsg("%s", msg),
			detail != nullptr ? errdetail("%s", detail) : 0,
			hint != nullptr ? errhint("%s", hint) : 0);
	pg_unreachable();
}

void SetField(int *dest, int value, const FormatNode &n)
{
	if (*dest != 0 && *dest != value)
		ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				errmsg("conflicting values for \"%s\" field in formatting string", n.kw->name),
				errdetail("This value contradicts a previous setting for the same field type."));
	*dest = value;
}

/* Whether what follows node i is known not to be a digit. */
bool NextIsSeparator(const std::vector<FormatNode> &nodes, size_t i)
{
	if (nodes[i].th != 0)
		return true;
	if (i + 1 >= nodes.size())
		return true;
	const FormatNode &next = nodes[i + 1];
	if (next.is_key)
		return !next.kw->is_digit;
	return !(next.text.size() == 1 && isdigit(static_cast<unsigned char>(next.text[0])));
}

/* Reads the integer of node i (its width len unless FM or a separator
 * follows); returns the number of digits read. */
int ReadInt(const std::vector<FormatNode> &nodes, size_t i, const char **src, int len, int *dest)
{
	const FormatNode &n = nodes[i];
	while (isspace(static_cast<unsigned char>(**src)))
		(*src)++;
	const char *init = *src;
	char copy[32];
	snprintf(copy, sizeof copy, "%.*s", len, *src);
	long result;
	int used;
	if (n.fm || NextIsSeparator(nodes, i))
	{
		char *end;
		errno = 0;
		result = strtol(init, &end, 10);
		*src = end;
		used = static_cast<int>(end - init);
	}
	else
	{
		int avail = static_cast<int>(strlen(copy));
		if (avail < len)
		{
			char detail[100];
			snprintf(detail, sizeof detail, "Field requires %d characters, but only %d remain.",
					 len, avail);
			char msg[100];
			snprintf(msg, sizeof msg, "source string too short for \"%s\" formatting field",
					 n.kw->name);
			FormatError(msg, detail,
						"If your source string is not fixed-width, try using the \"FM\" modifier.");
		}
		char *last;
		errno = 0;
		result = strtol(copy, &last, 10);
		used = static_cast<int>(last - copy);
		if (used > 0 && used < len)
		{
			char detail[100];
			snprintf(detail, sizeof detail,
					 "Field requires %d characters, but only %d could be parsed.", len, used);
			std::string msg = std::string("invalid value \"") + copy + "\" for \"" + n.kw->name +
				"\"";
			FormatError(msg.c_str(), detail,
						"If your source string is not fixed-width, try using the \"FM\" modifier.");
		}
		*src += used;
	}
	if (*src == init)
	{
		std::string msg = std::string("invalid value \"") + copy + "\" for \"" + n.kw->name + "\"";
		FormatError(msg.c_str(), "Value must be an integer.");
	}
	if (errno == ERANGE || result < INT_MIN || result > INT_MAX)
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("value for \"%s\" in source string is out of range", n.kw->name),
				errdetail("Value must be in the range %d to %d.", INT_MIN, INT_MAX));
	if (dest != nullptr)
		SetField(dest, static_cast<int>(result), n);
	/* an ordinal suffix after the number (21st, 3RD) */
	if (n.th != 0 && (*src)[0] != '\0' && (*src)[1] != '\0')
		*src += 2;
	return used;
}

/* Reads one of the words (case-insensitively); returns its index. */
int ReadWord(const FormatNode &n, const char **src, const char *const *words, int count)
{
	for (int k = 0; k < count; k++)
	{
		size_t len = strlen(words[k]);
		if (strncasecmp(*src, words[k], len) == 0)
		{
			*src += len;
			return k;
		}
	}
	std::string msg = std::string("invalid value \"") + std::string(*src).substr(0, 32) +
		"\" for \"" + n.kw->name + "\"";
	FormatError(msg.c_str(),
				"The given value did not match any of the allowed values for this field.");
}

void FromCharParse(const std::vector<FormatNode> &nodes, const char *in, FromChar *out)
{
	const char *s = in;
	bool fx = false;
	for (size_t i = 0; i < nodes.size() && *s != '\0'; i++)
	{
		const FormatNode &n = nodes[i];
		if (!fx && (n.is_key && n.kw->key != Key::k_FX))
			while (isspace(static_cast<unsigned char>(*s)))
				s++;
		if (!n.is_key)
		{
			if (n.separator)
			{
				/* a separator in the template matches one separator or space */
				if (fx || isspace(static_cast<unsigned char>(*s)) ||
					ispunct(static_cast<unsigned char>(*s)))
					s++;
			}
			else
				s++; /* other text: one character, not compared */
			continue;
		}
		switch (n.kw->key)
		{
			case Key::k_FX:
				fx = true;
				break;
			case Key::k_A_M:
			case Key::k_P_M:
			case Key::k_a_m:
			case Key::k_p_m:
			{
				static const char *const kWords[] = {"a.m.", "p.m."};
				SetField(&out->pm, ReadWord(n, &s, kWords, 2) + 1, n);
				out->clock12 = 1;
				break;
			}
			case Key::k_AM:
			case Key::k_PM:
			case Key::k_am:
			case Key::k_pm:
			{
				static const char *const kWords[] = {"am", "pm"};
				SetField(&out->pm, ReadWord(n, &s, kWords, 2) + 1, n);
				out->clock12 = 1;
				break;
			}
			case Key::k_HH:
			case Key::k_HH12:
				ReadInt(nodes, i, &s, 2, &out->hh);
				out->clock12 = 1;
				break;
			case Key::k_HH24:
				ReadInt(nodes, i, &s, 2, &out->hh);
				break;
			case Key::k_MI:
				ReadInt(nodes, i, &s, 2, &out->mi);
				break;
			case Key::k_SS:
				ReadInt(nodes, i, &s, 2, &out->ss);
				break;
			case Key::k_MS:
			{
				int len = ReadInt(nodes, i, &s, 3, &out->ms);
				/* "MS" of 5 is 500 milliseconds: a fraction, scaled */
				out->ms *= len == 1 ? 100 : len == 2 ? 10 : 1;
				break;
			}
			case Key::k_FF1:
			case Key::k_FF2:
			case Key::k_FF3:
			case Key::k_FF4:
			case Key::k_FF5:
			case Key::k_FF6:
			case Key::k_US:
			{
				int width = n.kw->key == Key::k_US ? 6 : n.kw->name[2] - '0';
				int len = ReadInt(nodes, i, &s, width, &out->us);
				for (int k = len; k < 6; k++)
					out->us *= 10;
				break;
			}
			case Key::k_SSSS:
			case Key::k_SSSSS:
				ReadInt(nodes, i, &s, 5, &out->ssss);
				break;
			case Key::k_tz:
			case Key::k_TZ:
			case Key::k_OF:
			{
				std::string msg = std::string("formatting field \"") + n.kw->name +
					"\" is only supported in to_char";
				ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED), errmsg("%s", msg.c_str()));
				break;
			}
			case Key::k_TZH:
			{
				/* a sign, or a space standing for +, then hours */
				if (*s == '+' || *s == '-' || *s == ' ')
				{
					out->tzsign = *s == '-' ? -1 : 1;
					s++;
				}
				else
					out->tzsign = 1;
				ReadInt(nodes, i, &s, 2, &out->tzh);
				out->have_tz = true;
				break;
			}
			case Key::k_TZM:
				if (out->tzsign == 0)
					out->tzsign = 1;
				ReadInt(nodes, i, &s, 2, &out->tzm);
				out->have_tz = true;
				break;
			case Key::k_A_D:
			case Key::k_B_C:
			case Key::k_a_d:
			case Key::k_b_c:
			{
				static const char *const kWords[] = {"a.d.", "b.c."};
				SetField(&out->bc, ReadWord(n, &s, kWords, 2), n);
				break;
			}
			case Key::k_AD:
			case Key::k_BC:
			case Key::k_ad:
			case Key::k_bc:
			{
				static const char *const kWords[] = {"ad", "bc"};
				SetField(&out->bc, ReadWord(n, &s, kWords, 2), n);
				break;
			}
			case Key::k_MONTH:
			case Key::k_Month:
			case Key::k_month:
				SetField(&out->mm, ReadWord(n, &s, kMonthsFull, 12) + 1, n);
				break;
			case Key::k_MON:
			case Key::k_Mon:
			case Key::k_mon:
				SetField(&out->mm, ReadWord(n, &s, kMonthsShort, 12) + 1, n);
				break;
			case Key::k_MM:
				ReadInt(nodes, i, &s, 2, &out->mm);
				out->gregorian = true;
				break;
			case Key::k_DAY:
			case Key::k_Day:
			case Key::k_day:
				(void) ReadWord(n, &s, kDaysFull, 7);
				break;
			case Key::k_DY:
			case Key::k_Dy:
			case Key::k_dy:
				(void) ReadWord(n, &s, kDaysShort, 7);
				break;
			case Key::k_DDD:
				ReadInt(nodes, i, &s, 3, &out->ddd);
				out->gregorian = true;
				break;
			case Key::k_DD:
				ReadInt(nodes, i, &s, 2, &out->dd);
				out->gregorian = true;
				break;
			case Key::k_D:
				ReadInt(nodes, i, &s, 1, &out->d);
				out->gregorian = true;
				break;
			case Key::k_Q:
				/* read; a quarter alone does not make a date */
				ReadInt(nodes, i, &s, 1, nullptr);
				break;
			case Key::k_W:
				ReadInt(nodes, i, &s, 1, &out->w);
				out->gregorian = true;
				break;
			case Key::k_WW:
				ReadInt(nodes, i, &s, 2, &out->ww);
				out->gregorian = true;
				break;
			case Key::k_IW:
				ReadInt(nodes, i, &s, 2, &out->ww);
				out->iso = true;
				break;
			case Key::k_ID:
				ReadInt(nodes, i, &s, 1, &out->d);
				out->iso = true;
				break;
			case Key::k_IDDD:
				ReadInt(nodes, i, &s, 3, &out->ddd);
				out->iso = true;
				break;
			case Key::k_IYYY:
			case Key::k_IYY:
			case Key::k_IY:
			case Key::k_I:
			{
				int width = static_cast<int>(strlen(n.kw->name));
				int len = ReadInt(nodes, i, &s, width, &out->year);
				if (width < 4 && len < 4)
				{
					if (width == 1)
						out->year += 2000;
					else if (width == 2)
						out->year = out->year < 70 ? out->year + 2000 : out->year + 1900;
					else
						out->year = out->year < 70
							? out->year + 2000
							: (out->year < 100 ? out->year + 1900 : out->year + 1000);
				}
				out->yysz = width;
				out->iso = true;
				break;
			}
			case Key::k_CC:
				ReadInt(nodes, i, &s, 2, &out->cc);
				break;
			case Key::k_Y_YYY:
			{
				int thousands;
				char *end;
				errno = 0;
				thousands = static_cast<int>(strtol(s, &end, 10));
				if (end == s || *end != ',')
				{
					std::string msg = std::string("invalid input string for \"Y,YYY\"");
					FormatError(msg.c_str());
				}
				s = end + 1;
				int rest = static_cast<int>(strtol(s, &end, 10));
				if (end - s != 3)
					FormatError("invalid input string for \"Y,YYY\"");
				s = end;
				SetField(&out->year, thousands * 1000 + rest, n);
				out->yysz = 4;
				if (n.th != 0 && s[0] != '\0' && s[1] != '\0')
					s += 2;
				break;
			}
			case Key::k_YYYY:
			{
				int len = ReadInt(nodes, i, &s, 4, &out->year);
				out->yysz = len <= 2 ? len : 4;
				break;
			}
			case Key::k_YYY:
			{
				int len = ReadInt(nodes, i, &s, 3, &out->year);
				if (len < 4)
					out->year = out->year < 70
						? out->year + 2000
						: (out->year < 100 ? out->year + 1900 : out->year + 1000);
				out->yysz = 3;
				break;
			}
			case Key::k_YY:
			{
				int len = ReadInt(nodes, i, &s, 2, &out->year);
				if (len < 4)
					out->year = out->year < 70 ? out->year + 2000
											   : (out->year < 100 ? out->year + 1900 : out->year);
				out->yysz = 2;
				break;
			}
			case Key::k_Y:
			{
				int len = ReadInt(nodes, i, &s, 1, &out->year);
				if (len < 4)
					out->year += 2000;
				out->yysz = 1;
				break;
			}
			case Key::k_J:
				ReadInt(nodes, i, &s, 7, &out->j);
				break;
			case Key::k_RM:
			case Key::k_rm:
			{
				static const char *const kWords[] = {"XII", "XI", "X",	"IX",  "VIII", "VII",
													 "VI",	"V",  "IV", "III", "II",   "I"};
				SetField(&out->mm, MONTHS_PER_YEAR - ReadWord(n, &s, kWords, 12), n);
				break;
			}
		}
		if (out->iso && out->gregorian)
			FormatError("invalid combination of date conventions", nullptr,
						"Do not mix Gregorian and ISO week date conventions in a formatting "
						"template.");
	}
	/* Trailing input beyond the template is an error in FX mode only. */
	if (fx && *s != '\0')
		FormatError("trailing characters remain in input string after datetime format");
}

/* to_timestamp / to_date: the broken-down time the text says. */
void DoToTimestamp(text *date_txt, text *fmt, pg_tm *tm, fsec_t *fsec, int *tz, bool *have_tz)
{
	char *date_str = text_to_cstring(date_txt);
	char *fmt_str = text_to_cstring(fmt);
	FromChar fc;
	std::vector<FormatNode> nodes = ParseFormat(fmt_str);
	FromCharParse(nodes, date_str, &fc);

	memset(tm, 0, sizeof *tm);
	tm->tm_mday = 1;
	tm->tm_mon = 1;
	*fsec = 0;
	if (fc.ssss != 0)
	{
		int x = fc.ssss;
		tm->tm_hour = x / SECS_PER_HOUR;
		x %= SECS_PER_HOUR;
		tm->tm_min = x / SECS_PER_MINUTE;
		tm->tm_sec = x % SECS_PER_MINUTE;
	}
	if (fc.ss != 0)
		tm->tm_sec = fc.ss;
	if (fc.mi != 0)
		tm->tm_min = fc.mi;
	if (fc.hh != 0)
		tm->tm_hour = fc.hh;
	if (fc.clock12)
	{
		if (tm->tm_hour < 1 || tm->tm_hour > HOURS_PER_DAY / 2)
			ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
					errmsg("hour \"%d\" is invalid for the 12-hour clock", tm->tm_hour),
					errhint("Use the 24-hour clock, or give an hour between 1 and 12."));
		if (fc.pm == 2 && tm->tm_hour < HOURS_PER_DAY / 2)
			tm->tm_hour += HOURS_PER_DAY / 2;
		else if (fc.pm != 2 && tm->tm_hour == HOURS_PER_DAY / 2)
			tm->tm_hour = 0;
	}
	if (fc.year != 0)
	{
		/* a century with a year of at most two digits: the year in it */
		if (fc.cc != 0 && fc.yysz <= 2)
		{
			if (fc.bc)
				fc.cc = -fc.cc;
			tm->tm_year = fc.year % 100;
			if (tm->tm_year)
			{
				if (fc.cc >= 0)
					tm->tm_year += (fc.cc - 1) * 100;
				else
					tm->tm_year = (fc.cc + 1) * 100 - tm->tm_year + 1;
			}
			else
				tm->tm_year = fc.cc >= 0 ? fc.cc * 100 : fc.cc * 100 + 1;
		}
		else
		{
			tm->tm_year = fc.year;
			if (fc.bc)
				tm->tm_year = -tm->tm_year;
			if (tm->tm_year < 0)
				tm->tm_year++; /* there is no year 0 */
		}
	}
	else if (fc.cc != 0)
	{
		if (fc.bc)
			fc.cc = -fc.cc;
		tm->tm_year = fc.cc >= 0 ? (fc.cc - 1) * 100 + 1 : fc.cc * 100 + 1;
	}
	if (fc.j != 0)
		j2date(fc.j, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
	if (fc.iso)
	{
		/* the year is an ISO week-numbering year: weeks from the Monday of
		 * the week with January 4 */
		int jan4 = date2j(tm->tm_year, 1, 4);
		int week1 = jan4 - (j2day(jan4) + 6) % 7;
		int jd = 0;
		if (fc.ww != 0)
			jd = week1 + (fc.ww - 1) * 7 + (fc.d != 0 ? fc.d - 1 : 0);
		else if (fc.ddd != 0)
			jd = week1 + fc.ddd - 1;
		else if (fc.d != 0)
			jd = week1 + fc.d - 1;
		if (jd != 0)
			j2date(jd, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
		fc.ddd = 0;
	}
	else
	{
		/* week of the year and of the month count from day 1 */
		if (fc.ww != 0 && fc.ddd == 0)
			fc.ddd = (fc.ww - 1) * 7 + 1;
		if (fc.w != 0 && fc.dd == 0)
			fc.dd = (fc.w - 1) * 7 + 1;
	}
	if (fc.ddd != 0 && (fc.mm <= 1 || fc.dd <= 1))
	{
		if (fc.year == 0 && fc.cc == 0)
			FormatError("cannot calculate day of year without year information");
		if (fc.ddd < 1 || fc.ddd > (isleap(tm->tm_year) ? 366 : 365))
			DateTimeParseError(DTERR_FIELD_OVERFLOW, date_str, "timestamp");
		j2date(date2j(tm->tm_year, 1, 1) + fc.ddd - 1, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
	}
	if (fc.mm != 0)
		tm->tm_mon = fc.mm;
	if (fc.dd != 0)
		tm->tm_mday = fc.dd;
	*fsec = fc.ms * 1000 + fc.us;

	/* the same range checks as text input */
	int dterr = ValidateDate(DTK_DATE_M, true, false, false, tm);
	if (dterr == 0 &&
		(tm->tm_hour < 0 || tm->tm_hour >= HOURS_PER_DAY || tm->tm_min < 0 ||
		 tm->tm_min >= MINS_PER_HOUR || tm->tm_sec < 0 || tm->tm_sec >= SECS_PER_MINUTE ||
		 *fsec < 0 || *fsec >= USECS_PER_SEC))
		dterr = DTERR_FIELD_OVERFLOW;
	if (dterr != 0)
		DateTimeParseError(dterr == DTERR_MD_FIELD_OVERFLOW ? DTERR_FIELD_OVERFLOW : dterr,
						   date_str, "timestamp");
	*have_tz = fc.have_tz;
	if (fc.have_tz)
	{
		if (fc.tzh < 0 || fc.tzh > 15 || fc.tzm < 0 || fc.tzm >= 60)
			DateTimeParseError(DTERR_TZDISP_OVERFLOW, date_str, "timestamp");
		*tz = -fc.tzsign * (fc.tzh * SECS_PER_HOUR + fc.tzm * SECS_PER_MINUTE);
	}
}

}  // namespace

Datum timestamp_to_char(PG_FUNCTION_ARGS)
{
	Timestamp t = PG_GETARG_TIMESTAMP(0);
	if (TIMESTAMP_NOT_FINITE(t))
		PG_RETURN_NULL();
	CharInput in;
	if (timestamp2tm(t, nullptr, &in.tm, &in.fsec, nullptr, nullptr) != 0)
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("timestamp out of range"));
	in.hours = in.tm.tm_hour;
	return ToCharResult(PG_GETARG_TEXT_PP(1), in, fcinfo);
}

Datum timestamptz_to_char(PG_FUNCTION_ARGS)
{
	TimestampTz t = PG_GETARG_TIMESTAMPTZ(0);
	if (TIMESTAMP_NOT_FINITE(t))
		PG_RETURN_NULL();
	CharInput in;
	int tz;
	if (timestamp2tm(t, &tz, &in.tm, &in.fsec, &in.tzn, nullptr) != 0)
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("timestamp out of range"));
	in.hours = in.tm.tm_hour;
	return ToCharResult(PG_GETARG_TEXT_PP(1), in, fcinfo);
}

Datum interval_to_char(PG_FUNCTION_ARGS)
{
	Interval *span = PG_GETARG_INTERVAL_P(0);
	CharInput in;
	in.is_interval = true;
	memset(&in.tm, 0, sizeof in.tm);
	in.tm.tm_year = span->month / MONTHS_PER_YEAR;
	in.tm.tm_mon = span->month % MONTHS_PER_YEAR;
	in.tm.tm_mday = span->day;
	int64 time = span->time;
	in.hours = time / USECS_PER_HOUR;
	time -= in.hours * USECS_PER_HOUR;
	in.tm.tm_hour = static_cast<int>(in.hours % HOURS_PER_DAY);
	in.tm.tm_min = static_cast<int>(time / USECS_PER_MINUTE);
	time -= in.tm.tm_min * USECS_PER_MINUTE;
	in.tm.tm_sec = static_cast<int>(time / USECS_PER_SEC);
	in.fsec = static_cast<fsec_t>(time - in.tm.tm_sec * USECS_PER_SEC);
	/* day of the year as if months were 30 days */
	in.tm.tm_yday = (in.tm.tm_year * MONTHS_PER_YEAR + in.tm.tm_mon) * DAYS_PER_MONTH +
		in.tm.tm_mday;
	return ToCharResult(PG_GETARG_TEXT_PP(1), in, fcinfo);
}

Datum to_timestamp(PG_FUNCTION_ARGS)
{
	pg_tm tm;
	fsec_t fsec;
	int tz = 0;
	bool have_tz;
	DoToTimestamp(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1), &tm, &fsec, &tz, &have_tz);
	if (!have_tz)
		tz = DetermineTimeZoneOffset(&tm, session_timezone);
	TimestampTz result;
	if (tm2timestamp(&tm, fsec, &tz, &result) != 0)
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("timestamp out of range"));
	PG_RETURN_TIMESTAMPTZ(result);
}

Datum to_date(PG_FUNCTION_ARGS)
{
	pg_tm tm;
	fsec_t fsec;
	int tz = 0;
	bool have_tz;
	text *date_txt = PG_GETARG_TEXT_PP(0);
	DoToTimestamp(date_txt, PG_GETARG_TEXT_PP(1), &tm, &fsec, &tz, &have_tz);
	if (!IS_VALID_JULIAN(tm.tm_year, tm.tm_mon, tm.tm_mday))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("date out of range: \"%s\"", text_to_cstring(date_txt)));
	DateADT result = date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(result))
		ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("date out of range: \"%s\"", text_to_cstring(date_txt)));
	PG_RETURN_DATEADT(result);
}
