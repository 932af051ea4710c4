--
-- timestamp with time zone: input with zone names, abbreviations and
-- offsets, output in the session's TimeZone, daylight-saving changes
--
CREATE TABLE timestamptz_tbl (d1 timestamp(2) with time zone);
INSERT INTO timestamptz_tbl VALUES ('-infinity'), ('infinity'), ('epoch'),
  ('Mon Feb 10 17:32:01 1997 PST'), ('Mon Feb 10 17:32:01.000001 1997 PST'),
  ('Mon Feb 10 17:32:01.5 1997 PST'), ('1997-01-02'), ('1997-01-02 03:04:05'),
  ('1997-02-10 17:32:01-08'), ('1997-02-10 17:32:01-0800'), ('1997-02-10 17:32:01 -08:00'),
  ('19970210 173201 -0800'), ('1997-06-10 17:32:01 -07:00'), ('2001-09-22T18:19:20'),
  ('2000-03-15 08:14:01 GMT+8'), ('2000-03-15 13:14:02 GMT-1'), ('2000-03-15 12:14:03 GMT-2'),
  ('2000-03-15 03:14:04 PST+8'), ('2000-03-15 02:14:05 MST+7:00'), ('Feb 10 17:32:01 1997 -0800'),
  ('Feb 10 5:32PM 1997'), ('1997/02/10 17:32:01-0800'), ('1997-02-10 17:32:01 PST'),
  ('Feb-10-1997 17:32:01 PST'), ('02-10-1997 17:32:01 PST'), ('19970210 173201 PST'),
  ('1997.041 17:32:01 UTC'), ('19970210 173201 America/New_York'),
  ('1997-06-10 18:32:01 PDT'), ('Feb 16 17:32:01 0097 BC'), ('Feb 16 17:32:01 1697'),
  ('Jan 01 17:32:01 2001'), ('20500710 173201 Europe/Helsinki'), ('20500110 173201 Europe/Helsinki'),
  ('1997-02-10 17:32:01 MSK'), ('2003-02-01 12:00 MSK'), ('2014-11-01 12:00 MSK');
SELECT d1 FROM timestamptz_tbl ORDER BY d1;
SELECT count(*), min(d1), max(d1) FROM timestamptz_tbl;

SELECT timestamptz '2003-02-31 12:00 PST';
SELECT timestamptz '2003-01-01 12:00 Mars/Olympus_Mons';
SELECT timestamptz '2003-01-01 12:00 -16:00';
SELECT timestamptz '2003-01-01 12:00 XYZ';

-- time zones in every form
SET datestyle TO iso;
SET TIME ZONE 'America/New_York';
SHOW TIME ZONE;
SELECT timestamptz '2014-03-09 01:59:59', timestamptz '2014-03-09 02:30', timestamptz '2014-03-09 03:00';
SELECT timestamptz '2014-11-02 00:59:59', timestamptz '2014-11-02 01:30', timestamptz '2014-11-02 02:00';
SELECT timestamptz '2014-11-02 01:30 EDT', timestamptz '2014-11-02 01:30 EST';
SELECT timestamptz '1850-01-01 00:00';
SET TIME ZONE 'europe/london';
SHOW TIME ZONE;
SELECT timestamptz '2000-06-01 12:00 UTC', timestamptz '2000-01-01 12:00 UTC';
SET TIME ZONE 'Asia/Kolkata';
SELECT timestamptz '2000-01-01 00:00 UTC';
SET TIME ZONE -7;
SHOW TIME ZONE;
SELECT timestamptz '2000-01-01 00:00 UTC';
SET TIME ZONE 5.5;
SHOW TIME ZONE;
SELECT timestamptz '2000-01-01 00:00 UTC';
SET TIME ZONE 'UTC+5';
SELECT timestamptz '2000-01-01 00:00 UTC';
SET TIME ZONE 'EST5EDT';
SELECT timestamptz '2000-07-01 00:00 UTC';
SET TIME ZONE '+02:00';
SHOW TIME ZONE;
SELECT timestamptz '2000-01-01 00:00 UTC';
SET TIME ZONE 'Mars/Olympus_Mons';
SET TIME ZONE 'UTC';
SHOW TIME ZONE;
SELECT timestamptz '2000-01-01 00:00+05:30';
SET TIME ZONE 'PST8PDT';

-- output under each DateStyle
SET datestyle TO iso;
SELECT d1 FROM timestamptz_tbl WHERE d1 BETWEEN '1997-01-01' AND '1997-02-11' ORDER BY d1 LIMIT 4;
SET datestyle TO sql;
SELECT d1 FROM timestamptz_tbl WHERE d1 BETWEEN '1997-01-01' AND '1997-02-11' ORDER BY d1 LIMIT 4;
SET datestyle TO german;
SELECT d1 FROM timestamptz_tbl WHERE d1 BETWEEN '1997-01-01' AND '1997-02-11' ORDER BY d1 LIMIT 4;
SET datestyle TO 'postgres, dmy';
SELECT d1 FROM timestamptz_tbl WHERE d1 BETWEEN '1997-01-01' AND '1997-02-11' ORDER BY d1 LIMIT 4;
SET datestyle TO iso;

-- AT TIME ZONE
SELECT timestamptz '2000-01-01 12:00 UTC' AT TIME ZONE 'America/New_York',
  timestamptz '2000-07-01 12:00 UTC' AT TIME ZONE 'America/New_York',
  timestamptz '2000-01-01 12:00 UTC' AT TIME ZONE 'EST',
  timestamptz '2000-01-01 12:00 UTC' AT TIME ZONE '+05',
  timestamptz '2000-01-01 12:00 UTC' AT TIME ZONE interval '-02:00';
SELECT timestamp '2000-01-01 12:00' AT TIME ZONE 'America/New_York',
  timestamp '2000-07-01 12:00' AT TIME ZONE 'Europe/Berlin',
  timestamp '2000-01-01 12:00' AT TIME ZONE 'UTC',
  timezone('Asia/Tokyo', timestamp '2000-01-01 12:00');
SELECT timestamptz '2000-01-01 12:00 UTC' AT TIME ZONE 'Nowhere/Special';
SELECT timestamptz '2000-01-01 12:00 UTC' AT TIME ZONE interval '1 day';

-- arithmetic across daylight-saving changes
SET TIME ZONE 'America/New_York';
SELECT timestamptz '2014-03-08 12:00' + interval '1 day', timestamptz '2014-03-08 12:00' + interval '24 hours',
  timestamptz '2014-11-01 12:00' + interval '1 day', timestamptz '2014-01-31 12:00' + interval '1 month';
SELECT timestamptz '2014-03-10 12:00' - timestamptz '2014-03-08 12:00';
SELECT age(timestamptz '2014-03-10 12:00', timestamptz '2014-03-08 13:00');
SELECT date_trunc('day', timestamptz '2014-03-09 12:00'), date_trunc('hour', timestamptz '2014-11-02 01:30 EST'),
  date_trunc('month', timestamptz '2014-03-09 12:00'), date_trunc('week', timestamptz '2014-03-09 12:00');
SELECT date_trunc('day', timestamptz '2014-03-09 12:00 UTC', 'Asia/Tokyo'),
  date_trunc('day', timestamptz '2014-03-09 12:00 UTC', 'UTC');
SELECT extract(timezone FROM timestamptz '2014-07-01 12:00'), extract(timezone_hour FROM timestamptz '2014-01-01 12:00'),
  extract(epoch FROM timestamptz '2014-07-01 12:00'), extract(hour FROM timestamptz '2014-07-01 12:00 UTC'),
  date_part('day', timestamptz '2014-07-01 01:00 UTC');
SELECT timestamptz '2014-07-01 12:00'::date, timestamptz '2014-07-01 12:00'::time,
  timestamptz '2014-07-01 12:00'::timetz, timestamptz '2014-07-01 12:00'::timestamp,
  timestamp '2014-07-01 12:00'::timestamptz, date '2014-07-01'::timestamptz;
SELECT timestamp '2014-07-01 12:00' = timestamptz '2014-07-01 12:00', timestamp '2014-07-01 12:00' < timestamptz '2014-07-01 12:00 UTC';
SELECT make_timestamptz(1973, 7, 15, 8, 15, 55.33), make_timestamptz(1973, 7, 15, 8, 15, 55.33, 'Europe/Paris'),
  make_timestamptz(1973, 7, 15, 8, 15, 55.33, '+2'), make_timestamptz(2014, 12, 10, 10, 10, 10, 'PST8PDT');
SELECT to_timestamp(0), to_timestamp(946684800.5), to_timestamp(-62135596800), to_timestamp('Infinity'::float8);
SELECT to_timestamp('NaN'::float8);
SELECT to_timestamp(1e20);
SET TIME ZONE 'PST8PDT';

-- the current time: the transaction's start, as PostgreSQL's
SELECT now() = current_timestamp, now() = transaction_timestamp(), now() <= statement_timestamp(),
  statement_timestamp() <= clock_timestamp(), now() > '2020-01-01', current_date = now()::date,
  localtimestamp = now()::timestamp, current_time = now()::timetz, localtime = now()::time;
SELECT date_part('microseconds', current_timestamp(0))::int % 1000000 = 0,
  length(timeofday()) > 20, 'now'::timestamptz = now(), 'today'::timestamptz <= now();
BEGIN;
CREATE TABLE t_now (t timestamptz);
INSERT INTO t_now VALUES (now());
SELECT pg_sleep(0.01);
SELECT now() = t, clock_timestamp() > t FROM t_now;
COMMIT;
DROP TABLE t_now;

-- the ends of the range, the run-together and julian forms
SELECT '4714-11-24 00:00:00+00 BC'::timestamptz, 'Sun Nov 23 16:00:00 4714 PST BC'::timestamptz;
SELECT '4714-11-23 23:59:59+00 BC'::timestamptz;
SELECT '294276-12-31 23:59:59+00'::timestamptz;
SELECT '294277-01-01 00:00:00+00'::timestamptz;
SELECT date_part('epoch', '294270-01-01 00:00:00+00'::timestamptz),
  extract(epoch FROM '294270-01-01 00:00:00+00'::timestamptz);
SELECT timestamptz '20011227 040506-08', timestamptz '20011227T040506-08', timestamptz 'J2452271-08',
  timestamptz 'J2452271 04:05:06-08';
SELECT make_timestamptz(2014, 12, 10, 10, 10, 10, '2');
SELECT make_timestamptz(2014, 12, 10, 10, 10, 10, '+16');
SELECT make_timestamptz(2014, 12, 10, 10, 10, 10, '-05:30');
DROP TABLE timestamptz_tbl;

-- POSIX zone specifications with daylight-saving rules
SET TIME ZONE 'CST7CDT,M4.1.0,M10.5.0';
SHOW TIME ZONE;
SELECT timestamptz '2005-04-03 12:00' , timestamptz '2005-04-02 12:00', timestamptz '2005-11-01 12:00', timestamptz '2005-10-30 01:30';
SELECT timestamptz '2005-04-03 02:30', timestamptz '2005-04-03 01:59:59';
SET TIME ZONE 'FOO8BAR';
SELECT timestamptz '2014-07-01 12:00', timestamptz '2014-01-01 12:00', timestamptz '2014-03-09 02:30', timestamptz '2014-11-02 01:30';
SET TIME ZONE 'AEST-10AEDT,M10.1.0,M4.1.0/3';
SELECT timestamptz '2014-07-01 12:00', timestamptz '2014-01-01 12:00', timestamptz '2014-04-06 02:30', timestamptz '2014-10-05 02:30';
SET TIME ZONE '<+0330>-3:30<+0430>,J79/24,J263/24';
SELECT timestamptz '2014-07-01 12:00', timestamptz '2014-01-01 12:00';
SET TIME ZONE 'EST5EDT4,M3.2.0/02:00:00,M11.1.0/02:00:00';
SELECT timestamptz '2014-07-01 12:00', timestamptz '2014-01-01 12:00';
SELECT make_timestamptz(2014, 12, 10, 10, 10, 10, 'FOO8BAR'), make_timestamptz(2014, 12, 10, 10, 10, 10, 'PST8PDT,M3.2.0,M11.1.0');
SELECT timestamptz '2014-07-01 12:00 UTC' AT TIME ZONE 'CET-1CEST,M3.5.0,M10.5.0/3';
RESET TIME ZONE;
SET datestyle TO iso;
