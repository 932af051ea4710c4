--
-- interval: the postgres, verbose, SQL-standard and ISO 8601 notations in
-- and out, type modifiers, arithmetic, justify_*, parts and errors
--
CREATE TABLE interval_tbl (f1 interval);
INSERT INTO interval_tbl VALUES ('@ 1 minute'), ('@ 5 hour'), ('@ 10 day'), ('@ 34 year'),
  ('@ 3 months'), ('@ 14 seconds ago'), ('1 day 2 hours 3 minutes 4 seconds'), ('6 years'),
  ('5 months'), ('5 months 12 hours'), ('1-2'), ('-1 2:03:04'), ('P1Y2M3DT4H5M6S'),
  ('P0.5Y'), ('PT1.5S'), ('P0001-02-03T04:05:06'), ('1.5 weeks'), ('1.5 months'), ('0.7 years'),
  ('1 decade 2 centuries 3 millennia'), ('100 ms 20 us'), ('1 day -1 hour'), ('-1 day +1 hour'),
  ('2 days ago'), ('1 year 2 mons 3 days 04:05:06.789');
SELECT f1 FROM interval_tbl;
SELECT f1 FROM interval_tbl WHERE f1 > interval '1 day' ORDER BY f1;
SELECT min(f1), max(f1) FROM interval_tbl;

SELECT interval '1 2:03:04', interval '1 2:03', interval '2:03', interval '2:03:04.5',
  interval '-2:03', interval '3 4', interval '+1 -2:03:04';
SELECT interval '1 day 1 day';
SELECT interval 'garbage';
SELECT interval '1 fortnight';
SELECT interval '2147483648 days';
SELECT interval '2147483647 years';
SELECT interval '1:60:00';
SELECT interval 'P1Y2M3DT4H5M6.5S', interval 'PT36H', interval 'P-1Y-2M3D', interval 'P1W';
SELECT interval 'P1Q';

-- output in each IntervalStyle
SET IntervalStyle TO postgres;
SELECT interval '1 year 2 mons 3 days 04:05:06.789', interval '-1 year -2 mons +3 days -04:05:06',
  interval '0', interval '-1 days +02:03:00', interval '1 day -00:00:01';
SET IntervalStyle TO postgres_verbose;
SELECT interval '1 year 2 mons 3 days 04:05:06.789', interval '-1 year -2 mons +3 days -04:05:06',
  interval '0', interval '-1 days +02:03:00', interval '1 day -00:00:01', interval '-0.5 seconds',
  interval '1 second';
SET IntervalStyle TO sql_standard;
SELECT interval '1 year 2 mons 3 days 04:05:06.789', interval '-1 year -2 mons +3 days -04:05:06',
  interval '0', interval '1-2', interval '-1-2', interval '1 2:03:04', interval '-1 2:03:04',
  interval '2:03:04.5';
SELECT interval '-1 2:03:04', interval '- 1 2:03:04';
SET IntervalStyle TO iso_8601;
SELECT interval '1 year 2 mons 3 days 04:05:06.789', interval '-1 year -2 mons +3 days -04:05:06',
  interval '0', interval '-0.5 seconds', interval '10 minutes';
SHOW IntervalStyle;
RESET IntervalStyle;

-- type modifiers
SELECT interval '1 year 2 months 3 days 4:05:06.789' year, interval '1 year 2 months 3 days 4:05:06.789' month,
  interval '1 year 2 months 3 days 4:05:06.789' day, interval '1 year 2 months 3 days 4:05:06.789' hour;
SELECT interval '1 year 2 months 3 days 4:05:06.789' minute, interval '1 year 2 months 3 days 4:05:06.789' second,
  interval '1 year 2 months 3 days 4:05:06.789' year to month, interval '1 year 2 months 3 days 4:05:06.789' day to hour;
SELECT interval '1 year 2 months 3 days 4:05:06.789' day to minute,
  interval '1 year 2 months 3 days 4:05:06.789' day to second(1),
  interval '1 year 2 months 3 days 4:05:06.789' hour to minute,
  interval '1 year 2 months 3 days 4:05:06.789' minute to second(0);
SELECT interval '1' year, interval '2' month, interval '3' day, interval '4' hour, interval '5' minute,
  interval '6' second, interval '1:2' minute to second, interval '1:2' hour to minute;
SELECT interval(2) '1.23456 seconds', '1.23456 seconds'::interval(0), interval '1.23456' second(3);
SELECT interval(7) '1 second';
SELECT '1 day 02:03:04.5'::interval(1)::text;

-- arithmetic
SELECT interval '1 day' + interval '2 hours', interval '1 day' - interval '2 hours', - interval '1 year 2 days',
  interval '1 month' * 1.5, 2 * interval '1 hour 30 minutes', interval '1 day' / 3, interval '1 year' / 7;
SELECT interval '1 month' * 0.3, interval '3 days 4 hours' * -0.5, interval '1 mon 1 day' / 2;
SELECT interval '1 day' / 0;
SELECT interval '2147483647 days' + interval '1 day';
SELECT interval '1 day' = interval '24 hours', interval '1 month' = interval '30 days',
  interval '1 year' > interval '360 days', interval '1 year' < interval '366 days';
SELECT justify_days(interval '35 days'), justify_days(interval '-35 days'), justify_hours(interval '27 hours'),
  justify_hours(interval '-27 hours'), justify_interval(interval '1 mon -1 hour'),
  justify_interval(interval '-1 mon 1 hour'), justify_interval(interval '36 days 27 hours');
-- all arguments by position, some by name (the others' defaults are 0)
SELECT make_interval(days => 10), make_interval(0, 1, secs => 2.5), make_interval();
SELECT make_interval(1, 2, 3, 4, 5, 6, 7.5), make_interval(0, 0, 0, 10, 0, 0, 0),
  make_interval(0, 0, 0, 0, 0, 0, 1.5), make_interval(-1, 0, 0, 0, 25, 0, 0);
SELECT make_interval(2147483647, 0, 0, 0, 0, 0, 0);

-- parts
SELECT f1, date_part('year', f1) AS year, date_part('month', f1) AS month, date_part('day', f1) AS day,
  date_part('hour', f1) AS hour, date_part('minute', f1) AS minute, date_part('second', f1) AS second,
  date_part('epoch', f1) AS epoch FROM interval_tbl;
SELECT extract(millisecond FROM interval '1 day 2 hours 3 minutes 4.5 seconds'),
  extract(microsecond FROM interval '4.5 seconds'), extract(quarter FROM interval '7 months'),
  extract(decade FROM interval '25 years'), extract(century FROM interval '-250 years'),
  extract(millennium FROM interval '2500 years'), extract(epoch FROM interval '1 year');
SELECT extract(dow FROM interval '1 day');
SELECT extract(foo FROM interval '1 day');
SELECT date_trunc('hour', interval '1 day 2:34:56'), date_trunc('year', interval '3 years 5 months'),
  date_trunc('quarter', interval '3 years 5 months'), date_trunc('decade', interval '23 years');
SELECT date_trunc('week', interval '1 day');
SELECT interval '1 day 2:03:04'::time, time '12:34'::interval, interval '-1 hour'::time, interval '26 hours'::time;
SELECT interval '1 day 2:03:04'::text, isfinite(interval '1 day');
DROP TABLE interval_tbl;

-- repeated and combined units, SQL-standard day-time with fields, ISO 8601's
-- alternative forms, and the extremes
SELECT interval '5.5 seconds 3 milliseconds';
SELECT interval '1:20:05 5 microseconds';
SELECT interval '1 2' day to hour, interval '123 11' day to hour, interval '1 2:03' day to minute;
SELECT interval 'P00021015T103020', interval 'P0002-10-15T10:30:20', interval 'P0002T1S',
  interval 'PT10', interval 'PT10:30', interval 'P10.5e4Y';
SELECT interval '2562047788:00:54.775807', interval '-2562047788:00:54.775808';
SELECT interval '2562047788.01521550194 hours';
SELECT interval '2147483647 months 1 year';
SELECT justify_days(interval '2147483647 months 30 days');
SELECT justify_hours(interval '2147483647 days 24 hrs');
SELECT interval '1 ago';
