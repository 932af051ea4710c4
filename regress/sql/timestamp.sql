--
-- timestamp without time zone
--
CREATE TABLE timestamp_tbl (d1 timestamp(2) without time zone);
INSERT INTO timestamp_tbl VALUES ('-infinity'), ('infinity'), ('epoch'),
  ('Mon Feb 10 17:32:01 1997 PST'), ('Mon Feb 10 17:32:01.000001 1997 PST'),
  ('Mon Feb 10 17:32:01.999999 1997 PST'), ('Mon Feb 10 17:32:01.4 1997 PST'),
  ('Mon Feb 10 17:32:01.5 1997 PST'), ('Mon Feb 10 17:32:01.6 1997 PST'),
  ('1997-01-02'), ('1997-01-02 03:04:05'), ('1997-02-10 17:32:01-08'),
  ('1997-02-10 17:32:01-0800'), ('1997-02-10 17:32:01 -08:00'), ('19970210 173201 -0800'),
  ('1997-06-10 17:32:01 -07:00'), ('2001-09-22T18:19:20'), ('2000-03-15 08:14:01 GMT+8'),
  ('2000-03-15 13:14:02 GMT-1'), ('2000-03-15 12:14:03 GMT-2'), ('2000-03-15 03:14:04 PST+8'),
  ('2000-03-15 02:14:05 MST+7:00'), ('Feb 10 17:32:01 1997 -0800'), ('Feb 10 17:32:01 1997'),
  ('Feb 10 5:32PM 1997'), ('1997/02/10 17:32:01-0800'), ('1997-02-10 17:32:01 PST'),
  ('Feb-10-1997 17:32:01 PST'), ('02-10-1997 17:32:01 PST'), ('19970210 173201 PST'),
  ('1997.041 17:32:01 UTC'), ('19970210 173201 America/New_York'),
  ('1997-06-10 18:32:01 PDT'), ('Feb 10 17:32:01 1997'), ('Feb 11 17:32:01 1997'),
  ('Feb 29 17:32:01 1996'), ('Dec 31 17:32:01 1996'), ('Jan 01 17:32:01 1997'),
  ('Feb 16 17:32:01 0097 BC'), ('Feb 16 17:32:01 0097'), ('Feb 16 17:32:01 1697'),
  ('Feb 16 17:32:01 1997'), ('Feb 16 17:32:01 2097'), ('Jan 01 17:32:01 2001');
SELECT d1 FROM timestamp_tbl ORDER BY d1;
SELECT d1 FROM timestamp_tbl WHERE d1 > timestamp '1997-01-02' AND d1 < '1997-02-11' ORDER BY d1;
SELECT count(*), min(d1), max(d1) FROM timestamp_tbl;

SELECT timestamp 'Feb 29 17:32:01 1997';
SELECT timestamp '1997-13-01';
SELECT timestamp '1997-01-01 25:00';
SELECT timestamp 'J2451187 04:05-08';
SELECT timestamp '2000-01-01 24:00';
SELECT timestamp 'garbage';
SELECT timestamp '294277-01-01 00:00:00';
SELECT timestamp '4714-11-24 00:00:00 BC', timestamp '294276-12-31 23:59:59';
SELECT timestamp '4714-11-23 23:59:59 BC';
SELECT timestamp(0) '2000-01-01 12:34:56.5', timestamp(3) '2000-01-01 12:34:56.1234567';
SELECT '2000-01-01 12:34:56.123456'::timestamp(1);
SELECT timestamp '2000-01-01 allballs';
SELECT timestamp 'today' = date 'today', timestamp 'tomorrow' - timestamp 'yesterday';

-- output under each DateStyle
SET datestyle TO iso;
SELECT d1 FROM timestamp_tbl WHERE d1 BETWEEN '1997-01-01' AND '1997-02-11' ORDER BY d1 LIMIT 4;
SET datestyle TO sql;
SELECT d1 FROM timestamp_tbl WHERE d1 BETWEEN '1997-01-01' AND '1997-02-11' ORDER BY d1 LIMIT 4;
SET datestyle TO 'sql, dmy';
SELECT d1 FROM timestamp_tbl WHERE d1 BETWEEN '1997-01-01' AND '1997-02-11' ORDER BY d1 LIMIT 4;
SET datestyle TO german;
SELECT d1 FROM timestamp_tbl WHERE d1 BETWEEN '1997-01-01' AND '1997-02-11' ORDER BY d1 LIMIT 4;
SET datestyle TO 'postgres, dmy';
SELECT d1 FROM timestamp_tbl WHERE d1 BETWEEN '1997-01-01' AND '1997-02-11' ORDER BY d1 LIMIT 4;
SET datestyle TO iso;
SELECT timestamp '0097-02-16 17:32:01 BC', timestamp '10000-01-01';

-- arithmetic
SELECT d1 - timestamp '1997-01-02' AS diff FROM timestamp_tbl
  WHERE d1 BETWEEN '1902-01-01' AND '2038-01-01' ORDER BY d1;
SELECT timestamp '1997-01-31' + interval '1 month', timestamp '1996-02-29' + interval '1 year',
  timestamp '2000-01-01' - interval '1 day 2 hours 3 minutes', timestamp '2000-01-01' + interval '-1 mon';
SELECT timestamp 'infinity' + interval '1 day', timestamp '-infinity' - interval '1 day';
SELECT timestamp 'infinity' - timestamp '2000-01-01';
SELECT timestamp '294276-12-31' + interval '1 day';
SELECT age(timestamp '2001-04-10', timestamp '1957-06-13'),
  age(timestamp '1957-06-13', timestamp '2001-04-10'),
  age(timestamp '2000-03-01', timestamp '2000-01-31'),
  age(timestamp '2001-04-10 12:00', timestamp '2001-04-09 18:30:15.5');

-- date_trunc and date_part
SELECT date_trunc('microseconds', timestamp '2004-02-29 15:44:17.71393'),
  date_trunc('milliseconds', timestamp '2004-02-29 15:44:17.71393'),
  date_trunc('second', timestamp '2004-02-29 15:44:17.71393'),
  date_trunc('minute', timestamp '2004-02-29 15:44:17.71393');
SELECT date_trunc('hour', timestamp '2004-02-29 15:44:17.71393'),
  date_trunc('day', timestamp '2004-02-29 15:44:17.71393'),
  date_trunc('week', timestamp '2004-02-29 15:44:17.71393'),
  date_trunc('month', timestamp '2004-02-29 15:44:17.71393');
SELECT date_trunc('quarter', timestamp '2004-08-29 15:44:17.71393'),
  date_trunc('year', timestamp '2004-02-29 15:44:17.71393'),
  date_trunc('decade', timestamp '2004-02-29 15:44:17.71393'),
  date_trunc('century', timestamp '2004-02-29 15:44:17.71393'),
  date_trunc('millennium', timestamp '2004-02-29 15:44:17.71393');
SELECT date_trunc('century', timestamp '0055-08-10 BC'), date_trunc('decade', timestamp '0002-12-31 BC'),
  date_trunc('millennium', timestamp '1970-03-20');
SELECT date_trunc('timezone', timestamp '2004-02-29 15:44:17');
SELECT date_trunc('foo', timestamp '2004-02-29 15:44:17');
SELECT d1, date_part('year', d1) AS year, date_part('month', d1) AS month, date_part('day', d1) AS day,
  date_part('hour', d1) AS hour, date_part('minute', d1) AS minute, date_part('second', d1) AS second
  FROM timestamp_tbl ORDER BY d1 LIMIT 8;
SELECT d1, extract(quarter FROM d1) AS quarter, extract(msec FROM d1) AS msec,
  extract(usec FROM d1) AS usec, extract(epoch FROM d1) AS epoch, extract(julian FROM d1) AS julian
  FROM timestamp_tbl ORDER BY d1 LIMIT 8;
SELECT d1, extract(isoyear FROM d1), extract(week FROM d1), extract(isodow FROM d1),
  extract(dow FROM d1), extract(doy FROM d1), extract(decade FROM d1), extract(century FROM d1),
  extract(millennium FROM d1) FROM timestamp_tbl ORDER BY d1 LIMIT 8;
SELECT extract(timezone FROM timestamp '2000-01-01');
SELECT extract(fortnight FROM timestamp '2000-01-01');

SELECT make_timestamp(2014, 12, 28, 6, 30, 45.887), make_timestamp(1, 1, 1, 0, 0, 0);
SELECT make_timestamp(-44, 3, 15, 12, 30, 15);
SELECT make_timestamp(2014, 12, 28, 6, 30, 61);
SELECT isfinite(timestamp '2000-01-01'), isfinite(timestamp 'infinity');
SELECT (timestamp '2000-01-01', timestamp '2000-01-03') OVERLAPS (timestamp '2000-01-02', timestamp '2000-01-05'),
  (timestamp '2000-01-01', NULL) OVERLAPS (timestamp '1999-01-02', timestamp '2001-01-01');
SELECT timestamp '2000-01-01 12:00'::time, timestamp '2000-01-01 12:00'::date,
  timestamp '2000-01-01 12:00'::text, date '2000-01-01' + time '03:04:05';
DROP TABLE timestamp_tbl;
SELECT date_bin('15 minutes', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01'),
  date_bin('15 minutes', timestamp '2020-02-11 15:44:17', timestamp '2001-01-01 00:02:30'),
  date_bin('1 day 2 hours', timestamptz '2020-02-11 15:44:17.71393', timestamptz '2001-01-01'),
  date_bin('5 min', timestamp '1999-12-31 23:58', timestamp '2000-01-01 00:01');
SELECT date_bin('1 month', timestamp '2020-02-11', timestamp '2001-01-01');
SELECT date_bin('0 days', timestamp '2020-02-11', timestamp '2001-01-01');
SELECT date_bin('-2 days', timestamp '2020-02-11', timestamp '2001-01-01');
SELECT date_bin('1 day', timestamp 'infinity', timestamp '2001-01-01');
SELECT date_bin('1 day', timestamp '2020-01-01', timestamp 'infinity');
SELECT date_bin('365000 days', '4400-01-01 BC'::timestamp, '4000-01-01 BC'::timestamp);
