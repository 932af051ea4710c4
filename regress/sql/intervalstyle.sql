--
-- IntervalStyle: interval output in each of the four styles, and input
-- (including the forms only one style reads, such as SQL-standard signs and
-- ISO 8601 durations) under each of them.
--
CREATE TABLE ivs (label text, i interval);
INSERT INTO ivs VALUES
  ('zero', '0'),
  ('secs', '1.5 seconds'),
  ('neg secs', '-1.5 seconds'),
  ('micro', '0.000001 sec'),
  ('hms', '10:20:30'),
  ('neg hms', '-10:20:30'),
  ('days', '3 days'),
  ('days hms', '3 days 04:05:06'),
  ('ym', '1 year 2 months'),
  ('neg ym', '-1 year -2 months'),
  ('all', '1 year 2 months 3 days 04:05:06.789'),
  ('all neg', '-1 year -2 months -3 days -04:05:06.789'),
  ('mixed', '1 year -2 months 3 days -04:05:06'),
  ('mixed 2', '-1 year 2 months -3 days 04:05:06'),
  ('day neg time', '1 day -00:00:01'),
  ('hours', '100 hours'),
  ('ago', '1 day 2 hours ago'),
  ('centuries', '2 centuries 3 decades'),
  ('big', '178000000 years'),
  ('weeks', '2 weeks 1.5 days');

SET IntervalStyle TO postgres;
SHOW IntervalStyle;
SELECT label, i FROM ivs ORDER BY label;

SET IntervalStyle TO postgres_verbose;
SHOW IntervalStyle;
SELECT label, i FROM ivs ORDER BY label;

SET IntervalStyle TO sql_standard;
SHOW IntervalStyle;
SELECT label, i FROM ivs ORDER BY label;

SET IntervalStyle TO iso_8601;
SHOW IntervalStyle;
SELECT label, i FROM ivs ORDER BY label;

-- Output of each style read back under every style gives the same value.
CREATE TABLE ivs_text (style text, label text, t text);
SET IntervalStyle TO postgres;
INSERT INTO ivs_text SELECT 'postgres', label, i::text FROM ivs;
SET IntervalStyle TO postgres_verbose;
INSERT INTO ivs_text SELECT 'postgres_verbose', label, i::text FROM ivs;
SET IntervalStyle TO iso_8601;
INSERT INTO ivs_text SELECT 'iso_8601', label, i::text FROM ivs;
SET IntervalStyle TO sql_standard;
INSERT INTO ivs_text SELECT 'sql_standard', label, i::text FROM ivs;
-- sql_standard output is read back under sql_standard (where a leading
-- minus applies to every field), the others under postgres.
SET IntervalStyle TO postgres;
SELECT t.style, t.label, t.t::interval = v.i AS same
  FROM ivs_text t JOIN ivs v USING (label)
  WHERE t.style <> 'sql_standard'
  ORDER BY 1, 2;
SET IntervalStyle TO sql_standard;
SELECT t.label, t.t::interval = v.i AS same
  FROM ivs_text t JOIN ivs v USING (label)
  WHERE t.style = 'sql_standard'
  ORDER BY 1;

-- Input forms under each style.
SET IntervalStyle TO postgres;
SELECT '-1 2:03:04'::interval, '+1 -2:03:04'::interval, '1-2'::interval,
       '-1-2 3 4:05:06'::interval, 'P1Y2M3DT4H5M6S'::interval,
       'P0001-02-03T04:05:06'::interval, 'PT1.5S'::interval, 'P1.5W'::interval,
       '@ 1 year 2 mons ago'::interval;
SET IntervalStyle TO sql_standard;
-- A leading minus applies to every field under sql_standard.
SELECT '-1 2:03:04'::interval, '+1 -2:03:04'::interval, '1-2'::interval,
       '-1-2 3 4:05:06'::interval, 'P1Y2M3DT4H5M6S'::interval,
       '-1 day 2 hours'::interval, '- 1 2:03:04'::interval;
SET IntervalStyle TO postgres;
SELECT '-1 2:03:04'::interval, '-1-2 3 4:05:06'::interval;

-- Field-restricted input and typmods print in each style.
SET IntervalStyle TO iso_8601;
SELECT interval '1 2:03' day to minute, interval '1-2' year to month,
       interval '12.345' second(2), '-0.5 sec'::interval, '0.5 sec'::interval;
SET IntervalStyle TO sql_standard;
SELECT interval '1 2:03' day to minute, interval '1-2' year to month,
       interval '12.345' second(2), '-0.5 sec'::interval, '1 day'::interval,
       '1 mon'::interval, '-1 day'::interval;
SET IntervalStyle TO postgres_verbose;
SELECT interval '1 2:03' day to minute, '-0.5 sec'::interval, '-1 day'::interval,
       '1 day 1 sec'::interval;

-- Justification and arithmetic results print in the session's style.
SET IntervalStyle TO iso_8601;
SELECT justify_interval('1 mon -1 hour'), interval '1 day' * 1.5,
       timestamp '2020-03-01' - timestamp '2020-01-15 12:00';

-- Arrays of intervals use the style too.
SET IntervalStyle TO sql_standard;
SELECT ARRAY['1 day', '-1 year 2 mons', '1 sec']::interval[];
SET IntervalStyle TO iso_8601;
SELECT ARRAY['1 day', '-1 year 2 mons', '1 sec']::interval[];

-- Bad input.  (A bad setting is left out: PostgreSQL names the parameter
-- as the user spelled it, "intervalstyle", Tusk by its canonical name.)
SET IntervalStyle TO iso_8601;
SELECT 'P1Y2X'::interval;
SELECT 'PT'::interval;
SELECT 'P'::interval;
SELECT 'P1Y2M3DT4H5M6S7'::interval;
RESET IntervalStyle;
SHOW IntervalStyle;
DROP TABLE ivs, ivs_text;
