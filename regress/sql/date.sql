--
-- date: input in every style PostgreSQL reads, output under each DateStyle,
-- comparisons, arithmetic and errors
--
CREATE TABLE date_tbl (f1 date);
INSERT INTO date_tbl VALUES ('1957-04-09'), ('1957-06-13'), ('1996-02-28'), ('1996-02-29'),
  ('1996-03-01'), ('1996-03-02'), ('1997-02-28'), ('1997-03-01'), ('1997-03-02'),
  ('2000-04-01'), ('2000-04-02'), ('2000-04-03'), ('2038-04-08'), ('2039-04-09'),
  ('2040-04-10'), ('2040-04-10 BC');
SELECT f1 FROM date_tbl ORDER BY f1;
SELECT f1 FROM date_tbl WHERE f1 < '2000-01-01' ORDER BY f1;
SELECT f1 FROM date_tbl WHERE f1 BETWEEN '2000-01-01' AND '2001-01-01' ORDER BY f1;
SELECT min(f1), max(f1) FROM date_tbl;

-- ISO, SQL, Postgres and German input; month names; julian days; BC
SET datestyle TO iso;
SELECT date '1999-01-08';
SELECT date 'January 8, 1999';
SELECT date '1999-Jan-08';
SELECT date '08-Jan-1999';
SELECT date 'Jan-08-1999';
SELECT date '1/8/1999';
SELECT date '1/18/1999';
SELECT date '1999.008';
SELECT date '19990108';
SELECT date '990108';
SELECT date 'J2451187';
SELECT date 'January 8, 99 BC';
SELECT date '99-Jan-08';
SELECT date '1999 Jan 08';
SELECT date 'Jan 08 1999';
SELECT date '08 Jan 1999';
SELECT date '1999 08 Jan';
SELECT date 'epoch', date 'infinity', date '-infinity';
SELECT date '2000-02-29';
SELECT date '2001-02-29';
SELECT date '1/18/1999';
SELECT date '18/1/1999';
SELECT date 'garbage';
SELECT date '0000-01-01';
SELECT date '5874897-12-31';
SELECT date '5874898-01-01';
SELECT date '4714-11-24 BC';
SELECT date '4714-11-23 BC';

SET datestyle TO dmy;
SELECT date '1/8/1999';
SELECT date '18/1/1999';
SELECT date '01/02/03';
SELECT date '1999-01-08';
SET datestyle TO ymd;
SELECT date '01/02/03';
SELECT date '99-01-08';
SET datestyle TO mdy;
SELECT date '01/02/03';

-- output in each style
SET datestyle TO 'ISO, MDY';
SELECT f1 FROM date_tbl WHERE f1 < '1997-01-01' ORDER BY f1;
SET datestyle TO 'SQL, MDY';
SELECT f1 FROM date_tbl WHERE f1 < '1997-01-01' ORDER BY f1;
SET datestyle TO 'SQL, DMY';
SELECT date '2001-02-03';
SET datestyle TO 'Postgres, MDY';
SELECT f1 FROM date_tbl WHERE f1 < '1997-01-01' ORDER BY f1;
SET datestyle TO 'Postgres, DMY';
SELECT date '2001-02-03';
SET datestyle TO German;
SELECT f1 FROM date_tbl WHERE f1 < '1997-01-01' ORDER BY f1;
SHOW datestyle;
RESET datestyle;
SHOW datestyle;

-- arithmetic
SET datestyle TO iso;
SELECT date '1999-01-08' - date '1998-01-08' AS days;
SELECT date '2000-03-01' - 1 AS d, date '2000-02-28' + 1 AS e;
SELECT date '1999-01-31' + interval '1 month';
SELECT date '1999-01-08' - interval '1 day 2 hours';
SELECT date 'infinity' + 1, date '-infinity' - 1;
SELECT date 'infinity' - date '2000-01-01';
SELECT date '5874897-12-31' + 1;
SELECT isfinite(date '2000-01-01'), isfinite(date 'infinity');

-- comparisons with timestamps
SELECT date '2000-01-01' = timestamp '2000-01-01 00:00', date '2000-01-01' < timestamp '2000-01-01 00:00:01';
SELECT date '2000-01-01' > timestamptz '1999-12-31 23:59 UTC';
SELECT date 'infinity' > timestamp '294276-12-31';

-- make_date and extract
SELECT make_date(2013, 7, 15), make_date(-44, 3, 15);
SELECT make_date(2013, 2, 30);
SELECT make_date(2013, 13, 1);
SELECT make_date(0, 7, 15);
SELECT extract(year FROM date '2020-08-11'), extract(month FROM date '2020-08-11'),
  extract(day FROM date '2020-08-11'), extract(doy FROM date '2020-08-11'),
  extract(dow FROM date '2020-08-11'), extract(isodow FROM date '2020-08-09'),
  extract(week FROM date '2020-08-11'), extract(quarter FROM date '2020-08-11');
SELECT extract(decade FROM date '2020-08-11'), extract(century FROM date '2020-08-11'),
  extract(millennium FROM date '2020-08-11'), extract(isoyear FROM date '2021-01-01'),
  extract(epoch FROM date '2020-08-11'), extract(julian FROM date '2020-08-11');
SELECT extract(year FROM date '0044-03-15 BC'), extract(century FROM date '0101-01-01 BC');
SELECT extract(hour FROM date '2020-08-11');
SELECT extract(foo FROM date '2020-08-11');
SELECT extract(year FROM date 'infinity'), extract(day FROM date 'infinity');

-- casts
SELECT '2000-01-01'::date::timestamp, '2000-01-01'::date::timestamptz;
SELECT timestamp '2000-01-01 23:59:59'::date, timestamptz '2000-01-01 23:59:59+00'::date;
SELECT '2000-01-01'::date::text, cast('  2000-01-02  ' as date);
DROP TABLE date_tbl;
