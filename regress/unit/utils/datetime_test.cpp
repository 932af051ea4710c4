/*
 * datetime_test.cpp — the date/time types' text forms ([datetime]): the
 * calendar, the field splitter, reading dates under each DateOrder,
 * writing under each DateStyle and IntervalStyle, time zones (named, fixed,
 * daylight-saving changes), type modifiers and the errors with their
 * SQLSTATEs.
 *
 * Every expected string was checked against PostgreSQL 15 with psql.
 * Each test sets the session variables it depends on and restores them.
 */
#include "adt_test_util.h"

#include <string.h>

#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/timestamp.h"

using tusk::adt_test::InError;
using tusk::adt_test::RoundTrip;
using tusk::adt_test::ScratchContext;

namespace {

/* Sets DateStyle, DateOrder, IntervalStyle and the zone for one test. */
class Session
{
  public:
	Session(int style, int order, const char *zone, int interval_style = INTSTYLE_POSTGRES)
		: style_(DateStyle), order_(DateOrder), istyle_(IntervalStyle), zone_(session_timezone)
	{
		DateStyle = style;
		DateOrder = order;
		IntervalStyle = interval_style;
		session_timezone = pg_tzset(zone);
	}
	~Session()
	{
		DateStyle = style_;
		DateOrder = order_;
		IntervalStyle = istyle_;
		session_timezone = zone_;
	}
	Session(const Session &) = delete;
	Session &operator=(const Session &) = delete;

  private:
	int style_, order_, istyle_;
	pg_tz *zone_;
};

std::string Date(const char *s)
{
	return RoundTrip(date_in, date_out, s);
}

std::string Ts(const char *s, int32 typmod = -1)
{
	return RoundTrip(timestamp_in, timestamp_out, s, typmod);
}

std::string Tstz(const char *s)
{
	return RoundTrip(timestamptz_in, timestamptz_out, s);
}

std::string Iv(const char *s, int32 typmod = -1)
{
	return RoundTrip(interval_in, interval_out, s, typmod);
}

std::string Time(const char *s)
{
	return RoundTrip(time_in, time_out, s);
}

std::string TimeTz(const char *s)
{
	return RoundTrip(timetz_in, timetz_out, s);
}

}  // namespace

TEST_CASE("julian day numbers follow the proleptic Gregorian calendar", "[datetime]")
{
	CHECK(date2j(2000, 1, 1) == POSTGRES_EPOCH_JDATE);
	CHECK(date2j(1970, 1, 1) == UNIX_EPOCH_JDATE);
	CHECK(date2j(-4713, 11, 24) == 0);
	CHECK(date2j(294277, 1, 1) == TIMESTAMP_END_JULIAN);
	CHECK(date2j(JULIAN_MAXYEAR, 1, 1) == DATE_END_JULIAN);
	int y, m, d;
	j2date(date2j(1900, 2, 28) + 1, &y, &m, &d); /* 1900 is not a leap year */
	CHECK((y == 1900 && m == 3 && d == 1));
	j2date(date2j(2000, 2, 28) + 1, &y, &m, &d); /* 2000 is */
	CHECK((y == 2000 && m == 2 && d == 29));
	CHECK(j2day(date2j(2000, 1, 1)) == 6); /* a Saturday */
	for (int jd = 0; jd < 3000000; jd += 997)
	{
		j2date(jd, &y, &m, &d);
		REQUIRE(date2j(y, m, d) == jd);
	}
}

TEST_CASE("ISO 8601 weeks start on the Monday of the week with January 4", "[datetime]")
{
	CHECK(date2isoweek(2021, 1, 1) == 53);
	CHECK(date2isoyear(2021, 1, 1) == 2020);
	CHECK(date2isoweek(2020, 12, 31) == 53);
	CHECK(date2isoweek(2008, 12, 29) == 1);
	CHECK(date2isoyear(2008, 12, 29) == 2009);
}

TEST_CASE("the splitter types fields as numbers, words, dates, times and offsets", "[datetime]")
{
	char buf[MAXDATELEN + MAXDATEFIELDS];
	char *field[MAXDATEFIELDS];
	int ftype[MAXDATEFIELDS];
	int nf;
	REQUIRE(ParseDateTime("1999-01-08 04:05:06.5-8:00 PST America/New_York", buf, sizeof buf, field,
						  ftype, MAXDATEFIELDS, &nf) == 0);
	REQUIRE(nf == 5);
	CHECK(std::string(field[0]) == "1999-01-08");
	CHECK(ftype[0] == DTK_DATE);
	CHECK(std::string(field[1]) == "04:05:06.5");
	CHECK(ftype[1] == DTK_TIME);
	CHECK(std::string(field[2]) == "-8:00");
	CHECK(ftype[2] == DTK_TZ);
	CHECK(std::string(field[3]) == "pst");
	CHECK(ftype[3] == DTK_STRING);
	CHECK(std::string(field[4]) == "america/new_york");
	CHECK(ftype[4] == DTK_DATE);
	/* a keyword before digits stays a word: j2451187, t0405 */
	REQUIRE(ParseDateTime("J2451187", buf, sizeof buf, field, ftype, MAXDATEFIELDS, &nf) == 0);
	CHECK(nf == 2);
	CHECK(ftype[0] == DTK_STRING);
	CHECK(ftype[1] == DTK_NUMBER);
	/* too many fields */
	CHECK(ParseDateTime("1 2 3 4", buf, sizeof buf, field, ftype, 3, &nf) == DTERR_BAD_FORMAT);
}

TEST_CASE("dates read under each DateOrder", "[datetime]")
{
	ScratchContext cxt;
	{
		Session s(USE_ISO_DATES, DATEORDER_MDY, "UTC");
		CHECK(Date("01/02/03") == "2003-01-02");
		CHECK(Date("1/18/1999") == "1999-01-18");
		CHECK(Date("January 8, 99 BC") == "0099-01-08 BC");
		CHECK(Date("08 Jan 1999") == "1999-01-08");
		CHECK(Date("1999 08 Jan") == "1999-01-08");
		CHECK(Date("1999.008") == "1999-01-08");
		CHECK(Date("19990108") == "1999-01-08");
		CHECK(Date("990108") == "1999-01-08");
		CHECK(Date("J2451187") == "1999-01-08");
		CHECK(Date("01/02/69") == "2069-01-02");
		CHECK(Date("01/02/70") == "1970-01-02");
		CHECK(InError(date_in, "18/1/1999") ==
			  "22008: date/time field value out of range: \"18/1/1999\"");
	}
	{
		Session s(USE_ISO_DATES, DATEORDER_DMY, "UTC");
		CHECK(Date("01/02/03") == "2003-02-01");
		CHECK(Date("18/1/1999") == "1999-01-18");
	}
	{
		Session s(USE_ISO_DATES, DATEORDER_YMD, "UTC");
		CHECK(Date("01/02/03") == "2001-02-03");
	}
}

TEST_CASE("dates and timestamps write in each DateStyle", "[datetime]")
{
	ScratchContext cxt;
	const char *ts = "2001-02-03 04:05:06.78";
	{
		Session s(USE_ISO_DATES, DATEORDER_MDY, "UTC");
		CHECK(Ts(ts) == "2001-02-03 04:05:06.78");
		CHECK(Date("2001-02-03") == "2001-02-03");
		CHECK(Ts("0044-03-15 12:00 BC") == "0044-03-15 12:00:00 BC");
		CHECK(Ts("10000-01-01") == "10000-01-01 00:00:00");
	}
	{
		Session s(USE_SQL_DATES, DATEORDER_MDY, "UTC");
		CHECK(Ts(ts) == "02/03/2001 04:05:06.78");
		CHECK(Date("2001-02-03") == "02/03/2001");
	}
	{
		Session s(USE_SQL_DATES, DATEORDER_DMY, "UTC");
		CHECK(Ts(ts) == "03/02/2001 04:05:06.78");
	}
	{
		Session s(USE_GERMAN_DATES, DATEORDER_DMY, "UTC");
		CHECK(Ts(ts) == "03.02.2001 04:05:06.78");
		CHECK(Date("2001-02-03") == "03.02.2001");
	}
	{
		Session s(USE_POSTGRES_DATES, DATEORDER_MDY, "UTC");
		CHECK(Ts(ts) == "Sat Feb 03 04:05:06.78 2001");
		CHECK(Date("2001-02-03") == "02-03-2001");
	}
	{
		Session s(USE_POSTGRES_DATES, DATEORDER_DMY, "UTC");
		CHECK(Ts(ts) == "Sat 03 Feb 04:05:06.78 2001");
		CHECK(Date("2001-02-03") == "03-02-2001");
	}
}

TEST_CASE("timestamps with time zone use the session's zone and its rules", "[datetime]")
{
	ScratchContext cxt;
	{
		Session s(USE_ISO_DATES, DATEORDER_MDY, "America/New_York");
		/* a skipped time reads with the offset before the change, a repeated
		 * one as standard time */
		CHECK(Tstz("2014-03-09 02:30") == "2014-03-09 03:30:00-04");
		CHECK(Tstz("2014-11-02 01:30") == "2014-11-02 01:30:00-05");
		CHECK(Tstz("2014-11-02 01:30 EDT") == "2014-11-02 01:30:00-04");
		CHECK(Tstz("2000-01-01 00:00 UTC") == "1999-12-31 19:00:00-05");
		/* local mean time before the zone's first rule */
		CHECK(Tstz("1850-01-01") == "1850-01-01 00:00:00-04:56:02");
		CHECK(Tstz("2000-01-01 00:00 Europe/Helsinki") == "1999-12-31 17:00:00-05");
	}
	{
		Session s(USE_POSTGRES_DATES, DATEORDER_MDY, "PST8PDT");
		CHECK(Tstz("1997-07-01 12:00") == "Tue Jul 01 12:00:00 1997 PDT");
		CHECK(Tstz("1997-01-01 12:00+00") == "Wed Jan 01 04:00:00 1997 PST");
	}
	{
		Session s(USE_ISO_DATES, DATEORDER_MDY, "Asia/Kolkata");
		CHECK(Tstz("2000-01-01 00:00 UTC") == "2000-01-01 05:30:00+05:30");
	}
	CHECK(InError(timestamptz_in, "2000-01-01 Mars/Olympus") ==
		  "22023: time zone \"mars/olympus\" not recognized");
}

TEST_CASE("time zone settings accept names, offsets and intervals", "[datetime]")
{
	ScratchContext cxt;
	const char *detail;
	CHECK(std::string(pg_get_timezone_name(pg_tzset_setting("america/new_york", &detail))) ==
		  "America/New_York");
	CHECK(std::string(pg_get_timezone_name(pg_tzset_setting("-7", &detail))) == "<-07>+07");
	CHECK(std::string(pg_get_timezone_name(pg_tzset_setting("5.5", &detail))) == "<+05:30>-05:30");
	CHECK(std::string(pg_get_timezone_name(pg_tzset_setting("INTERVAL '-08:00'", &detail))) ==
		  "<-08>+08");
	CHECK(std::string(pg_get_timezone_name(pg_tzset_setting("UTC+5", &detail))) == "UTC+5");
	CHECK(pg_tzset_setting("INTERVAL '1 day'", &detail) == nullptr);
	CHECK(pg_tzset_setting("Nowhere/Special", &detail) == nullptr);
	CHECK(pg_tzset_setting("../../etc/passwd", &detail) == nullptr);
	long off;
	CHECK(pg_get_timezone_offset(pg_tzset("UTC+5"), &off));
	CHECK(off == -5 * 3600);
}

TEST_CASE("times of day read and write with and without zone", "[datetime]")
{
	ScratchContext cxt;
	Session s(USE_ISO_DATES, DATEORDER_MDY, "UTC");
	CHECK(Time("04:05:06.789") == "04:05:06.789");
	CHECK(Time("040506") == "04:05:06");
	CHECK(Time("4:05 PM") == "16:05:00");
	CHECK(Time("12:00 AM") == "00:00:00");
	CHECK(Time("allballs") == "00:00:00");
	CHECK(Time("24:00") == "24:00:00");
	CHECK(InError(time_in, "24:00:01") ==
		  "22008: date/time field value out of range: \"24:00:01\"");
	CHECK(InError(time_in, "13:00 PM") ==
		  "22008: date/time field value out of range: \"13:00 PM\"");
	CHECK(TimeTz("04:05:06-00:53:28") == "04:05:06-00:53:28");
	CHECK(TimeTz("04:05+05:30") == "04:05:00+05:30");
	CHECK(InError(timetz_in, "10:00+16") ==
		  "22009: time zone displacement out of range: \"10:00+16\"");
}

TEST_CASE("intervals read every notation and write in each IntervalStyle", "[datetime]")
{
	ScratchContext cxt;
	const char *v = "1 year 2 mons -3 days +04:05:06.789";
	{
		Session s(USE_ISO_DATES, DATEORDER_MDY, "UTC", INTSTYLE_POSTGRES);
		CHECK(Iv(v) == "1 year 2 mons -3 days +04:05:06.789");
		CHECK(Iv("@ 1 hour 2 mins ago") == "-01:02:00");
		CHECK(Iv("1-2") == "1 year 2 mons");
		CHECK(Iv("-1 2:03:04") == "-1 days +02:03:04");
		CHECK(Iv("P1Y2M3DT4H5M6.5S") == "1 year 2 mons 3 days 04:05:06.5");
		CHECK(Iv("P0001-02-03T04:05:06") == "1 year 2 mons 3 days 04:05:06");
		CHECK(Iv("1.5 months") == "1 mon 15 days");
		CHECK(Iv("0.7 years") == "8 mons");
		CHECK(Iv("1 microsecond") == "00:00:00.000001");
		CHECK(Iv("0") == "00:00:00");
	}
	{
		Session s(USE_ISO_DATES, DATEORDER_MDY, "UTC", INTSTYLE_POSTGRES_VERBOSE);
		CHECK(Iv(v) == "@ 1 year 2 mons -3 days 4 hours 5 mins 6.789 secs");
		CHECK(Iv("-1 day -2 hours") == "@ 1 day 2 hours ago");
		CHECK(Iv("0") == "@ 0");
	}
	{
		Session s(USE_ISO_DATES, DATEORDER_MDY, "UTC", INTSTYLE_SQL_STANDARD);
		CHECK(Iv(v) == "+1-2 -3 +4:05:06.789");
		CHECK(Iv("1 2:03:04") == "1 2:03:04");
		CHECK(Iv("-1 2:03:04") == "-1 2:03:04");
		CHECK(Iv("-1-2") == "-1-2");
		CHECK(Iv("0") == "0");
	}
	{
		Session s(USE_ISO_DATES, DATEORDER_MDY, "UTC", INTSTYLE_ISO_8601);
		CHECK(Iv(v) == "P1Y2M-3DT4H5M6.789S");
		CHECK(Iv("-0.5 seconds") == "PT-0.5S");
		CHECK(Iv("0") == "PT0S");
	}
	CHECK(InError(interval_in, "1 fortnight") ==
		  "22007: invalid input syntax for type interval: \"1 fortnight\"");
	CHECK(InError(interval_in, "2147483648 days") ==
		  "22015: interval field value out of range: \"2147483648 days\"");
}

TEST_CASE("type modifiers round seconds and drop the fields outside the range", "[datetime]")
{
	ScratchContext cxt;
	Session s(USE_ISO_DATES, DATEORDER_MDY, "UTC");
	CHECK(Ts("2000-01-01 12:34:56.5", 0) == "2000-01-01 12:34:57");
	CHECK(Ts("2000-01-01 12:34:56.123456", 3) == "2000-01-01 12:34:56.123");
	const char *v = "1 year 2 months 3 days 4:05:06.789";
	CHECK(Iv(v, INTERVAL_TYPMOD(INTERVAL_FULL_PRECISION, INTERVAL_MASK(YEAR))) == "1 year");
	CHECK(
		Iv(v, INTERVAL_TYPMOD(INTERVAL_FULL_PRECISION, INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR))) ==
		"1 year 2 mons 3 days 04:00:00");
	CHECK(Iv(v, INTERVAL_TYPMOD(1, INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND))) ==
		  "1 year 2 mons 3 days 04:05:06.8");
	/* a lone number is the range's last field */
	CHECK(Iv("1", INTERVAL_TYPMOD(INTERVAL_FULL_PRECISION, INTERVAL_MASK(YEAR))) == "1 year");
	CHECK(Iv("1:2",
			 INTERVAL_TYPMOD(INTERVAL_FULL_PRECISION,
							 INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND))) == "00:01:02");
}

TEST_CASE("out-of-range and malformed values report PostgreSQL's errors", "[datetime]")
{
	ScratchContext cxt;
	Session s(USE_ISO_DATES, DATEORDER_MDY, "UTC");
	CHECK(InError(date_in, "garbage") == "22007: invalid input syntax for type date: \"garbage\"");
	CHECK(InError(date_in, "2001-02-29") ==
		  "22008: date/time field value out of range: \"2001-02-29\"");
	CHECK(InError(date_in, "0000-01-01") ==
		  "22008: date/time field value out of range: \"0000-01-01\"");
	CHECK(InError(date_in, "5874898-01-01") == "22008: date out of range: \"5874898-01-01\"");
	CHECK(InError(timestamp_in, "294277-01-01") ==
		  "22008: timestamp out of range: \"294277-01-01\"");
	CHECK(Date("4714-11-24 BC") == "4714-11-24 BC");
	CHECK(InError(date_in, "4714-11-23 BC") == "22008: date out of range: \"4714-11-23 BC\"");
	CHECK(Date("infinity") == "infinity");
	CHECK(Ts("-infinity") == "-infinity");
	CHECK(Date("epoch") == "1970-01-01");
}
