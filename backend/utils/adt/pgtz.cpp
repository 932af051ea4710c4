/*
 * pgtz.cpp — time zones: the system's zoneinfo database (/usr/share/zoneinfo,
 * Debian's tzdata) read through the cctz library, plus fixed offsets.
 *
 * A pg_tz is loaded once per backend and kept for its life (zones are few
 * and small); lookups of a name are case-insensitive and give the
 * database's spelling, as PostgreSQL's are.  Besides zone names, a
 * POSIX-style "ABBR[+-]hh[:mm[:ss]]" without daylight-saving rules (UTC+5,
 * <+03>-3) is a fixed zone whose offset counts west of UTC, as POSIX
 * says.
 *
 * Principal entry points: pg_tzset, pg_tzset_offset, pg_tzset_setting,
 * pg_tz_lookup_utc, pg_tz_local_offset (utils/datetime.h).
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

#include "utils/datetime.h"
#include "utils/fmgrprotos.h"

struct pg_tz
{
	std::string name;
	bool fixed = false;
	long fixed_gmtoff = 0; /* seconds east, when fixed */
	std::string fixed_abbr;
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

/* "ABBR[+-]h[h][:mm[:ss]]" or "<ABBR>[+-]...": a POSIX zone without
 * daylight-saving rules.  The offset counts west of UTC. */
bool ParsePosixFixed(const char *s, std::string *abbr, long *gmtoff_east)
{
	const char *p = s;
	bool numeric_only = *p == '+' || *p == '-' || isdigit(static_cast<unsigned char>(*p));
	if (numeric_only)
	{
		/* an offset alone: "+02:00", "04:30" */
	}
	else if (*p == '<')
	{
		const char *end = strchr(p, '>');
		if (end == nullptr || end == p + 1)
			return false;
		abbr->assign(p + 1, end - p - 1);
		p = end + 1;
	}
	else
	{
		while (isalpha(static_cast<unsigned char>(*p)))
			p++;
		if (p - s < 3)
			return false;
		abbr->assign(s, p - s);
	}
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
	if (*p != '\0' || parts[0] > 24 || parts[1] > 59 || parts[2] > 59)
		return false;
	*gmtoff_east = -sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
	/* PostgreSQL's zone of an offset alone has an empty abbreviation */
	if (numeric_only)
		abbr->clear();
	return true;
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
	std::string abbr;
	long off;
	if (ParsePosixFixed(name, &abbr, &off))
	{
		tz->name = name;
		tz->fixed = true;
		tz->fixed_gmtoff = off;
		tz->fixed_abbr = abbr;
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
