--
-- date/time values in queries: columns of every type, grouping, ordering,
-- aggregates, casts to and from text, and the settings that govern them
--
CREATE TABLE events (id int, d date, t time, tz timetz, ts timestamp, tstz timestamptz, iv interval);
INSERT INTO events VALUES
  (1, '2020-01-15', '08:30', '08:30+01', '2020-01-15 08:30', '2020-01-15 08:30+01', '1 hour'),
  (2, '2020-01-15', '17:45:10.5', '17:45-05', '2020-01-15 17:45:10.5', '2020-01-15 17:45-05', '2 days 3 hours'),
  (3, '2020-02-29', '23:59:59.999999', '00:00+14', '2020-02-29 23:59:59.999999', '2020-02-29 23:59:59.999999 UTC', '1 mon -1 day'),
  (4, '1999-12-31', '00:00', '12:00 PST', '1999-12-31 00:00', '1999-12-31 00:00 America/New_York', '-30 seconds'),
  (5, NULL, NULL, NULL, NULL, NULL, NULL),
  (6, 'infinity', '24:00', '24:00+00', 'infinity', '-infinity', '1 year');
SELECT * FROM events ORDER BY id;
SELECT d, count(*) FROM events GROUP BY d ORDER BY d;
SELECT id FROM events ORDER BY tstz DESC NULLS LAST, id;
SELECT id FROM events ORDER BY tz, id;
SELECT id FROM events ORDER BY iv, id;
SELECT min(d), max(d), min(t), max(t), min(tz), max(tz) FROM events;
SELECT min(ts), max(ts), min(tstz), max(tstz), min(iv), max(iv) FROM events;
SELECT sum(iv), avg(iv) FROM events;
SELECT avg(iv) FROM events WHERE id > 100;
SELECT sum(iv) FROM events WHERE id > 100;
SELECT id, d + 1 AS next_day, ts + iv AS later, tstz - iv AS earlier FROM events WHERE id < 5 ORDER BY id;
SELECT id, ts - tstz::timestamp AS diff, d - date '2000-01-01' AS days FROM events WHERE id < 5 ORDER BY id;
SELECT id, extract(epoch FROM tstz), extract(dow FROM d), date_trunc('month', ts) FROM events ORDER BY id;
SELECT id FROM events WHERE tstz BETWEEN '2020-01-01' AND '2020-12-31' ORDER BY id;
SELECT id FROM events WHERE d = ts::date AND t = ts::time ORDER BY id;
SELECT id FROM events WHERE d < ts ORDER BY id;
SELECT id FROM events WHERE tstz > ts ORDER BY id;
UPDATE events SET iv = iv * 2 WHERE id = 1;
SELECT iv FROM events WHERE id = 1;
DELETE FROM events WHERE d = '2020-01-15';
SELECT count(*) FROM events;

-- casts to and from text and between the types
SELECT d::text, ts::text, tstz::text, iv::text, t::text, tz::text FROM events WHERE id = 3;
SELECT '2020-01-15'::text::date, '12:00'::text::time, '1 day'::varchar::interval;
SELECT cast(d AS timestamp), cast(ts AS date), cast(tstz AS time), cast(t AS interval), cast(iv AS time)
  FROM events WHERE id = 3;

-- DateStyle and IntervalStyle are per session
SET DateStyle = 'German';
SET IntervalStyle = 'iso_8601';
SELECT d, ts, tstz, iv FROM events WHERE id = 3;
SET DateStyle = 'SQL, DMY';
SET IntervalStyle = 'sql_standard';
SELECT d, ts, tstz, iv FROM events WHERE id = 3;
RESET DateStyle;
RESET IntervalStyle;
SHOW DateStyle;
SHOW IntervalStyle;
SET DateStyle = 'ISO, YMD';
SHOW DateStyle;
SET DateStyle = 'Postgres, SQL';
SET DateStyle = 'nonsense';
RESET DateStyle;

-- the time zone
SET TIME ZONE INTERVAL '+05:30' HOUR TO MINUTE;
SHOW TIME ZONE;
SELECT tstz FROM events WHERE id = 3;
SET TIME ZONE INTERVAL '-08:00';
SHOW TIME ZONE;
SET TIME ZONE 'Australia/Adelaide';
SELECT tstz, tstz AT TIME ZONE 'UTC', tstz::date FROM events WHERE id = 3;
SET timezone = 'europe/paris';
SHOW timezone;
SET TIME ZONE DEFAULT;
SHOW TIME ZONE;
SET TIME ZONE 'Nowhere/Nothing';
RESET TIME ZONE;
SHOW TIME ZONE;
DROP TABLE events;

-- type modifiers as catalogs show them
CREATE TABLE typmods (a interval day to second(3), b timestamp(2) with time zone, c time(1),
  d interval year to month, e interval(4), f timetz(0), g timestamp(6));
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
  WHERE attrelid = 'typmods'::regclass AND attnum > 0 ORDER BY attnum;
INSERT INTO typmods VALUES ('1 day 2:03:04.56789', '2000-01-01 12:00:00.555', '12:00:00.55',
  '1 year 2 months 3 days', '1.234567 seconds', '12:00:00.5+02', '2000-01-01 12:00:00.1234567');
SELECT * FROM typmods;
DROP TABLE typmods;
SELECT current_timestamp(7) <= clock_timestamp(), localtime(9) IS NOT NULL, current_time(2) IS NOT NULL;
