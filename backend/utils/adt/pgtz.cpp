/*
 * pgtz.cpp — time zones: the system's zoneinfo database (/usr/share/zoneinfo,
 * Debian's tzdata) read through the cctz library, plus fixed offsets.
 *
 * A pg_tz is loaded once per backend and kept for its life (zones are few
 * and small); lookups of a name are case-insensitive and give the
 * database's spelling, as PostgreSQL's are.  Besides zone names, POSIX
 * zone specifications are zones too: fixed ones (UTC+5, <+03>-3, an offset
 * alone), whose offset counts west of UTC as POSIX says, and ones with
 * daylight-saving rules (EST5EDT4,M3.2.0/02:00,M11.1.0/02:00), evaluated
 * here.
 *
 * Principal entry points: pg_tzset, pg_tzset_offset, pg_tzset_setting,
 * pg_tz_lookup_utc, pg_tz_local_offset (utils/datetime.h); pg_timezone_names
 * (the view pg_timezone_names).
 */
#include "postgres.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <strings.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <cctz/civil_time.h>
#include <cctz/time_zone.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"
#include "utils/fmgrprotos.h"

/* When a POSIX rule of a zone's daylight-saving time takes effect: a day
 * of the year (Jn counts 1-365 without February 29, n 0-365 with it) or the
 * d'th weekday of week w (5: the last) of month m, at a local time. */
struct PosixRule
{
	enum class Kind
	{
		kJulian1,
		kJulian0,
		kMonthWeekDay,
	} kind = Kind::kMonthWeekDay;
	int day = 0;
	int week = 0;
	int month = 0;
	long time = 7200; /* seconds after local midnight; 02:00 by default */
};

/* A POSIX zone with daylight-saving time ("EST5EDT,M3.2.0,M11.1.0"). */
struct PosixZone
{
	std::string std_abbr, dst_abbr;
	long std_east = 0, dst_east = 0;
	PosixRule start, end;
};

struct pg_tz
{
	std::string name;
	bool fixed = false;
	long fixed_gmtoff = 0; /* seconds east, when fixed */
	std::string fixed_abbr;
	bool posix = false; /* rules in posix_zone rather than the database */
	PosixZone posix_zone;
	cctz::time_zone zone;
};

pg_tz *session_timezone = nullptr;
pg_tz *log_timezone = nullptr;

namespace {

constexpr const char *kZoneDir = "/usr/share/zoneinfo";

/* Every zone this backend has loaded, by lower-cased name; never freed. */
std::map<std::string, std::unique_ptr<pg_tz>> &ZoneCache()
{
	static std::map<std::string, std::unique_ptr<pg_tz>> cache;
	return cache;
}

std::string Lower(std::string s)
{
	for (char &c : s)
		c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
	return s;
}

bool IsRegularFile(const std::string &path)
{
	struct stat st;
	return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

/* The database's spelling of name (matched case-insensitively one path
 * component at a time), or "" if there is no such zone file. */
std::string CanonicalZoneName(const std::string &name)
{
	if (name.empty() || name[0] == '/' || name.find("..") != std::string::npos)
		return "";
	if (IsRegularFile(std::string(kZoneDir) + "/" + name))
	{
		/* Still look for the canonical case: the file system may not care. */
	}
	std::string dir = kZoneDir, result;
	size_t start = 0;
	while (start <= name.size())
	{
		size_t slash = name.find('/', start);
		std::string part = name.substr(start,
									   slash == std::string::npos ? std::string::npos
																  : slash - start);
		DIR *d = opendir(dir.c_str());
		if (d == nullptr)
			return "";
		std::string found;
		while (struct dirent *e = readdir(d))
			if (strcasecmp(e->d_name, part.c_str()) == 0)
			{
				found = e->d_name;
				if (found == part)
					break;
			}
		closedir(d);
		if (found.empty())
			return "";
		dir += "/" + found;
		result += (result.empty() ? "" : "/") + found;
		if (slash == std::string::npos)
			break;
		start = slash + 1;
	}
	return IsRegularFile(dir) ? result : "";
}

/* A POSIX zone's abbreviation: three or more letters, or anything in
 * angle brackets. */
bool ParsePosixAbbr(const char **pp, std::string *abbr)
{
	const char *p = *pp;
	if (*p == '<')
	{
		const char *end = strchr(p, '>');
		if (end == nullptr || end == p + 1)
			return false;
		abbr->assign(p + 1, end - p - 1);
		*pp = end + 1;
		return true;
	}
	while (isalpha(static_cast<unsigned char>(*p)))
		p++;
	if (p - *pp < 3)
		return false;
	abbr->assign(*pp, p - *pp);
	*pp = p;
	return true;
}

/* [+-]hh[:mm[:ss]]: seconds, with the sign as written. */
bool ParsePosixTime(const char **pp, long *seconds, int max_hours)
{
	const char *p = *pp;
	int sign = 1;
	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	if (!isdigit(static_cast<unsigned char>(*p)))
		return false;
	long parts[3] = {0, 0, 0};
	for (int i = 0; i < 3; i++)
	{
		if (!isdigit(static_cast<unsigned char>(*p)))
			return false;
		long v = 0;
		int digits = 0;
		while (isdigit(static_cast<unsigned char>(*p)) && digits < 3)
		{
			v = v * 10 + (*p++ - '0');
			digits++;
		}
		parts[i] = v;
		if (*p != ':')
			break;
		p++;
	}
	if (parts[0] > max_hours || parts[1] > 59 || parts[2] > 59)
		return false;
	*seconds = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
	*pp = p;
	return true;
}

/* ",Jn[/time]", ",n[/time]" or ",Mm.w.d[/time]". */
bool ParsePosixRule(const char **pp, PosixRule *rule)
{
	const char *p = *pp;
	auto number = [&p](int *v) {
		if (!isdigit(static_cast<unsigned char>(*p)))
			return false;
		*v = 0;
		while (isdigit(static_cast<unsigned char>(*p)))
			*v = *v * 10 + (*p++ - '0');
		return true;
	};
	if (*p == 'J')
	{
		p++;
		rule->kind = PosixRule::Kind::kJulian1;
		if (!number(&rule->day) || rule->day < 1 || rule->day > 365)
			return false;
	}
	else if (*p == 'M')
	{
		p++;
		rule->kind = PosixRule::Kind::kMonthWeekDay;
		if (!number(&rule->month) || *p++ != '.' || !number(&rule->week) || *p++ != '.' ||
			!number(&rule->day))
			return false;
		if (rule->month < 1 || rule->month > 12 || rule->week < 1 || rule->week > 5 ||
			rule->day > 6)
			return false;
	}
	else
	{
		rule->kind = PosixRule::Kind::kJulian0;
		if (!number(&rule->day) || rule->day > 365)
			return false;
	}
	rule->time = 7200;
	if (*p == '/' && (p++, !ParsePosixTime(&p, &rule->time, 167)))
		return false;
	*pp = p;
	return true;
}

/* A POSIX zone specification: "ABBR[+-]hh[:mm[:ss]]" (fixed; the offset
 * counts west of UTC), an offset alone ("+02:00": PostgreSQL leaves its
 * abbreviation empty), or with daylight-saving time "STDoff DST[off]
 * [,start[/time],end[/time]]" (without rules, the United States' current
 * ones, M3.2.0,M11.1.0, as PostgreSQL's default rules give). */
bool ParsePosix(const char *s, pg_tz *tz)
{
	const char *p = s;
	std::string std_abbr;
	bool numeric_only = *p == '+' || *p == '-' || isdigit(static_cast<unsigned char>(*p));
	if (!numeric_only && !ParsePosixAbbr(&p, &std_abbr))
		return false;
	long std_west;
	if (!ParsePosixTime(&p, &std_west, 24))
		return false;
	if (*p == '\0')
	{
		tz->fixed = true;
		tz->fixed_gmtoff = -std_west;
		tz->fixed_abbr = std_abbr;
		return true;
	}
	if (numeric_only)
		return false;
	PosixZone z;
	z.std_abbr = std_abbr;
	z.std_east = -std_west;
	if (!ParsePosixAbbr(&p, &z.dst_abbr))
		return false;
	long dst_west = std_west - 3600;
	if (*p != ',' && *p != '\0' && !ParsePosixTime(&p, &dst_west, 24))
		return false;
	z.dst_east = -dst_west;
	if (*p == '\0')
	{
		z.start.month = 3;
		z.start.week = 2;
		z.end.month = 11;
		z.end.week = 1;
	}
	else
	{
		if (*p++ != ',' || !ParsePosixRule(&p, &z.start) || *p++ != ',' ||
			!ParsePosixRule(&p, &z.end) || *p != '\0')
			return false;
	}
	tz->posix = true;
	tz->posix_zone = z;
	return true;
}

/* Days since 1970-01-01 of a civil date. */
int64 DaysFromCivil(int64 y, int m, int d)
{
	return static_cast<int64>(date2j(static_cast<int>(y), m, d)) - UNIX_EPOCH_JDATE;
}

/* The local midnight (seconds since 1970 as if UTC) of the rule's day in
 * year, plus the rule's time. */
int64 RuleLocalTime(const PosixRule &r, int64 year)
{
	int64 day;
	bool leap = isleap(year);
	switch (r.kind)
	{
		case PosixRule::Kind::kJulian1:
			/* 1-365, February 29 never counted */
			day = DaysFromCivil(year, 1, 1) + r.day - 1 + (leap && r.day >= 60 ? 1 : 0);
			break;
		case PosixRule::Kind::kJulian0:
			day = DaysFromCivil(year, 1, 1) + r.day;
			break;
		default:
		{
			int64 first = DaysFromCivil(year, r.month, 1);
			int wday = j2day(static_cast<int>(first + UNIX_EPOCH_JDATE));
			int64 d = first + (r.day - wday + 7) % 7 + (r.week - 1) * 7;
			int64 month_end = first + day_tab[leap ? 1 : 0][r.month - 1];
			while (d >= month_end)
				d -= 7;
			day = d;
			break;
		}
	}
	return day * SECS_PER_DAY + r.time;
}

/* Whether the instant t (seconds since 1970) is in daylight-saving time. */
bool PosixIsDst(const PosixZone &z, int64 t)
{
	int64 local_std = t + z.std_east;
	int64 days = local_std / SECS_PER_DAY - (local_std % SECS_PER_DAY < 0 ? 1 : 0);
	int y, m, d;
	j2date(static_cast<int>(days + UNIX_EPOCH_JDATE), &y, &m, &d);
	/* the start is given in standard time, the end in daylight time */
	int64 start = RuleLocalTime(z.start, y) - z.std_east;
	int64 end = RuleLocalTime(z.end, y) - z.dst_east;
	if (start < end)
		return t >= start && t < end;
	/* southern hemisphere: daylight time spans the new year */
	return !(t >= end && t < start);
}

pg_tz *Remember(const std::string &key, std::unique_ptr<pg_tz> tz)
{
	pg_tz *p = tz.get();
	ZoneCache()[key] = std::move(tz);
	return p;
}

}  // namespace

pg_tz *pg_tzset(const char *name)
{
	if (name == nullptr || *name == '\0' || strlen(name) > 255)
		return nullptr;
	std::string key = Lower(name);
	auto it = ZoneCache().find(key);
	if (it != ZoneCache().end())
		return it->second.get();

	auto tz = std::make_unique<pg_tz>();
	/* UTC and GMT are always there, whatever the database holds. */
	if (key == "utc" || key == "gmt")
	{
		tz->name = key == "utc" ? "UTC" : "GMT";
		tz->fixed = true;
		tz->fixed_abbr = tz->name;
		return Remember(key, std::move(tz));
	}
	std::string canon = CanonicalZoneName(name);
	if (!canon.empty())
	{
		if (!cctz::load_time_zone(canon, &tz->zone))
			return nullptr;
		tz->name = canon;
		return Remember(key, std::move(tz));
	}
	if (ParsePosix(name, tz.get()))
	{
		tz->name = name;
		return Remember(key, std::move(tz));
	}
	return nullptr;
}

pg_tz *pg_tzset_offset(long gmtoffset)
{
	long east = -gmtoffset;
	long a = east < 0 ? -east : east;
	char abbr[32], name[64];
	int h = static_cast<int>(a / 3600), m = static_cast<int>(a / 60 % 60),
		s = static_cast<int>(a % 60);
	char sign = east < 0 ? '-' : '+';
	if (s != 0)
		snprintf(abbr, sizeof abbr, "%c%02d:%02d:%02d", sign, h, m, s);
	else if (m != 0)
		snprintf(abbr, sizeof abbr, "%c%02d:%02d", sign, h, m);
	else
		snprintf(abbr, sizeof abbr, "%c%02d", sign, h);
	/* The POSIX spelling PostgreSQL shows: the offset west, sign flipped. */
	char west_sign = east < 0 ? '+' : '-';
	if (s != 0)
		snprintf(name, sizeof name, "<%s>%c%02d:%02d:%02d", abbr, west_sign, h, m, s);
	else if (m != 0)
		snprintf(name, sizeof name, "<%s>%c%02d:%02d", abbr, west_sign, h, m);
	else
		snprintf(name, sizeof name, "<%s>%c%02d", abbr, west_sign, h);
	std::string key = Lower(name);
	auto it = ZoneCache().find(key);
	if (it != ZoneCache().end())
		return it->second.get();
	auto tz = std::make_unique<pg_tz>();
	tz->name = name;
	tz->fixed = true;
	tz->fixed_gmtoff = east;
	tz->fixed_abbr = abbr;
	return Remember(key, std::move(tz));
}

const char *pg_get_timezone_name(pg_tz *tz)
{
	return tz == nullptr ? nullptr : tz->name.c_str();
}

bool pg_get_timezone_offset(const pg_tz *tz, long *gmtoff)
{
	if (tz == nullptr || !tz->fixed)
		return false;
	*gmtoff = tz->fixed_gmtoff;
	return true;
}

void pg_tz_lookup_utc(pg_tz *tz, int64 t, long *gmtoff, int *isdst, const char **abbr)
{
	if (tz->fixed)
	{
		*gmtoff = tz->fixed_gmtoff;
		*isdst = 0;
		if (abbr != nullptr)
			*abbr = tz->fixed_abbr.c_str();
		return;
	}
	if (tz->posix)
	{
		const PosixZone &z = tz->posix_zone;
		bool dst = PosixIsDst(z, t);
		*gmtoff = dst ? z.dst_east : z.std_east;
		*isdst = dst ? 1 : 0;
		if (abbr != nullptr)
			*abbr = dst ? z.dst_abbr.c_str() : z.std_abbr.c_str();
		return;
	}
	auto tp = std::chrono::time_point<std::chrono::system_clock, cctz::seconds>(cctz::seconds(t));
	cctz::time_zone::absolute_lookup al = tz->zone.lookup(tp);
	*gmtoff = al.offset;
	*isdst = al.is_dst ? 1 : 0;
	if (abbr != nullptr)
		*abbr = al.abbr;
}

long pg_tz_local_offset(pg_tz *tz, int64 local, int *isdst)
{
	if (tz->fixed)
	{
		*isdst = 0;
		return tz->fixed_gmtoff;
	}
	if (tz->posix)
	{
		/* standard time unless that instant is in daylight time and the
		 * daylight reading is consistent (so a skipped time reads as
		 * standard time, the offset before the change, and a repeated one
		 * as standard time, the later instant) */
		const PosixZone &z = tz->posix_zone;
		bool std_ok = !PosixIsDst(z, local - z.std_east);
		bool dst_ok = PosixIsDst(z, local - z.dst_east);
		bool dst = !std_ok && dst_ok;
		*isdst = dst ? 1 : 0;
		return dst ? z.dst_east : z.std_east;
	}
	/* Split the local seconds into a civil time. */
	int64 days = local / SECS_PER_DAY, secs = local % SECS_PER_DAY;
	if (secs < 0)
	{
		secs += SECS_PER_DAY;
		days--;
	}
	cctz::civil_second cs = cctz::civil_second(1970, 1, 1) + days * SECS_PER_DAY + secs;
	cctz::time_zone::civil_lookup cl = tz->zone.lookup(cs);
	/* A time skipped by a change reads with the offset before it; one
	 * repeated reads as the later (after the change) instant. */
	auto tp = cl.kind == cctz::time_zone::civil_lookup::REPEATED ? cl.post : cl.pre;
	int64 utc = tp.time_since_epoch().count();
	long off;
	const char *abbr;
	pg_tz_lookup_utc(tz, utc, &off, isdst, &abbr);
	return static_cast<long>(local - utc);
}

/* The TimeZone setting's value, as PostgreSQL reads it: "INTERVAL '...'"
 * (what SET TIME ZONE INTERVAL '-08:00' HOUR TO MINUTE becomes), a number
 * of hours east of UTC (SET TIME ZONE -7), or a zone name. */
pg_tz *pg_tzset_setting(const char *value, const char **detail)
{
	*detail = nullptr;
	if (strncasecmp(value, "interval", 8) == 0)
	{
		const char *p = value + 8;
		while (isspace(static_cast<unsigned char>(*p)))
			p++;
		if (*p != '\'')
			return nullptr;
		std::string body(p + 1);
		size_t end = body.rfind('\'');
		if (end == std::string::npos)
			return nullptr;
		body.resize(end);
		Datum d = DirectFunctionCall3(interval_in, CStringGetDatum(body.c_str()),
									  ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
		const Interval *iv = DatumGetIntervalP(d);
		if (iv->month != 0)
		{
			*detail = "Cannot specify months in time zone interval.";
			return nullptr;
		}
		if (iv->day != 0)
		{
			*detail = "Cannot specify days in time zone interval.";
			return nullptr;
		}
		return pg_tzset_offset(-(iv->time / USECS_PER_SEC));
	}
	char *end;
	errno = 0;
	double hours = strtod(value, &end);
	if (end != value && *end == '\0' && errno == 0)
	{
		if (hours > 15 || hours < -15)
			return nullptr;
		return pg_tzset_offset(static_cast<long>(-hours * SECS_PER_HOUR));
	}
	return pg_tzset(value);
}

namespace {

/* Whether path is a zone file of the database that pg_timezone_names
 * lists: TZif data without leap seconds (PostgreSQL accepts no
 * leap-second zone, such as Debian's right/). */
bool ListableZoneFile(const std::string &path)
{
	constexpr size_t kHeaderSize = 44;	/* magic, version, 15 reserved, six counts */
	constexpr size_t kLeapCountAt = 28; /* the third count: tzh_leapcnt */
	FILE *f = fopen(path.c_str(), "rb");
	if (f == nullptr)
		return false;
	unsigned char header[kHeaderSize];
	size_t got = fread(header, 1, sizeof header, f);
	fclose(f);
	if (got != sizeof header || memcmp(header, "TZif", 4) != 0)
		return false;
	const unsigned char *leap = header + kLeapCountAt;
	return (leap[0] | leap[1] | leap[2] | leap[3]) == 0;
}

/* The zone names under dir (relative to the database's root, prefix),
 * depth first, in the directory's order, as PostgreSQL enumerates them. */
void CollectZoneNames(const std::string &dir, const std::string &prefix,
					  std::vector<std::string> &names)
{
	DIR *d = opendir(dir.c_str());
	if (d == nullptr)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not open directory \"%s\": %m", dir.c_str()));
	std::vector<std::string> entries;
	while (struct dirent *e = readdir(d))
		if (e->d_name[0] != '.')
			entries.emplace_back(e->d_name);
	closedir(d);
	for (const std::string &entry : entries)
	{
		std::string full = dir + "/" + entry;
		struct stat st;
		if (stat(full.c_str(), &st) != 0)
			ereport(ERROR, errcode_for_file_access(),
					errmsg("could not stat \"%s\": %m", full.c_str()));
		if (S_ISDIR(st.st_mode))
			CollectZoneNames(full, prefix + entry + "/", names);
		else if (ListableZoneFile(full))
			names.push_back(prefix + entry);
	}
}

}  // namespace

/* pg_timezone_names(): every zone of the database with its abbreviation,
 * offset east of UTC and daylight-saving flag at the transaction's start.
 * The zones are loaded for this call only, not kept in the cache. */
Datum pg_timezone_names(PG_FUNCTION_ARGS)
{
	constexpr int kColumns = 4;
	constexpr size_t kMaxAbbrevLength = 31; /* longer: tzdata's "Factory" message */
	FuncCallContext *funcctx;
	if (SRF_IS_FIRSTCALL())
	{
		funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		TupleDesc desc = CreateTemplateTupleDesc(kColumns);
		TupleDescInitEntry(desc, 1, "name", TEXTOID, -1, 0);
		TupleDescInitEntry(desc, 2, "abbrev", TEXTOID, -1, 0);
		TupleDescInitEntry(desc, 3, "utc_offset", INTERVALOID, -1, 0);
		TupleDescInitEntry(desc, 4, "is_dst", BOOLOID, -1, 0);
		funcctx->tuple_desc = BlessTupleDesc(desc);
		std::vector<std::string> names;
		CollectZoneNames(kZoneDir, "", names);
		int64 now = GetCurrentTransactionStartTimestamp() / USECS_PER_SEC +
			(POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY;
		auto tp = std::chrono::time_point<std::chrono::system_clock, cctz::seconds>(
			cctz::seconds(now));
		List *rows = NIL;
		for (const std::string &name : names)
		{
			cctz::time_zone zone;
			if (!cctz::load_time_zone(name, &zone))
				continue;
			cctz::time_zone::absolute_lookup al = zone.lookup(tp);
			if (strlen(al.abbr) > kMaxAbbrevLength)
				continue;
			auto *interval = static_cast<Interval *>(palloc0(sizeof(Interval)));
			interval->time = static_cast<int64>(al.offset) * USECS_PER_SEC;
			Datum values[kColumns] = {PointerGetDatum(cstring_to_text(name.c_str())),
									  PointerGetDatum(cstring_to_text(al.abbr)),
									  IntervalPGetDatum(interval), BoolGetDatum(al.is_dst)};
			bool nulls[kColumns] = {};
			HeapTuple tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
			rows = lappend(rows,
						   DatumGetPointer(heap_copy_tuple_as_datum(tuple, funcctx->tuple_desc)));
		}
		funcctx->user_fctx = rows;
		funcctx->max_calls = static_cast<uint64>(list_length(rows));
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		/* Before SRF_RETURN_NEXT, which counts the call first. */
		List *rows = static_cast<List *>(funcctx->user_fctx);
		Datum row = PointerGetDatum(list_nth(rows, static_cast<int>(funcctx->call_cntr)));
		SRF_RETURN_NEXT(funcctx, row);
	}
	SRF_RETURN_DONE(funcctx);
}
