--
-- generate_series over integers, numeric and timestamps
--
SELECT * FROM generate_series(1, 5);
SELECT * FROM generate_series(5, 1);
SELECT * FROM generate_series(5, 1, -2);
SELECT * FROM generate_series(1, 10, 3);
SELECT * FROM generate_series(1, 1);
SELECT * FROM generate_series(-3, 3, 2) AS g;
SELECT * FROM generate_series(1, 3, 0);
SELECT * FROM generate_series(2147483645, 2147483647);
SELECT * FROM generate_series(2147483645, 2147483647, 2);
SELECT * FROM generate_series(-2147483646, -2147483648, -1);
SELECT * FROM generate_series(1, NULL);
SELECT * FROM generate_series(NULL, 3, 1);
-- int8
SELECT * FROM generate_series(4294967296, 4294967299);
SELECT * FROM generate_series(1::int8, 10::int8, 4::int8);
SELECT * FROM generate_series(9223372036854775806, 9223372036854775807);
SELECT * FROM generate_series(1::int8, 2::int8, 0::int8);
SELECT pg_typeof(g) FROM generate_series(1::int8, 1::int8) g;
-- numeric
SELECT * FROM generate_series(1.5, 4);
SELECT * FROM generate_series(0.0, 1, 0.25);
SELECT * FROM generate_series(1, 2, 0.3);
SELECT * FROM generate_series(3, 1.1, -0.5);
SELECT * FROM generate_series(1::numeric, 3::numeric);
SELECT * FROM generate_series('NaN'::numeric, 3);
SELECT * FROM generate_series(1, 'NaN'::numeric);
SELECT * FROM generate_series(1, 3, 'NaN'::numeric);
SELECT * FROM generate_series('-infinity'::numeric, 3);
SELECT * FROM generate_series(1, 'infinity'::numeric);
SELECT * FROM generate_series(1, 3, 'infinity'::numeric);
SELECT * FROM generate_series(1.0, 3.0, 0.0);
-- timestamps
SELECT * FROM generate_series('2024-01-30'::timestamp, '2024-05-01', '1 month');
SELECT * FROM generate_series('2024-01-01 00:00'::timestamp, '2024-01-01 03:00', '45 minutes');
SELECT * FROM generate_series('2024-01-03'::timestamp, '2024-01-01', '-1 day');
SELECT * FROM generate_series('2024-01-01'::timestamp, '2024-01-03', '0 days');
SET TimeZone = 'UTC';
SELECT * FROM generate_series('2024-03-01 00:00+00'::timestamptz, '2024-03-01 02:00+00', '30 minutes');
SET TimeZone = 'America/New_York';
SELECT * FROM generate_series('2024-03-09 12:00'::timestamptz, '2024-03-12 12:00', '1 day');
SELECT * FROM generate_series('2024-03-09'::timestamptz, '2024-03-10', '0 hours');
RESET TimeZone;
-- in the target list, and with aggregates
SELECT generate_series(1, 4);
SELECT sum(g), count(*), min(g), max(g) FROM generate_series(1, 100) g;
SELECT count(*) FROM generate_series(1, 100000);
SELECT g, g * 2 AS twice FROM generate_series(1, 3) AS g ORDER BY g DESC;
-- the planner's row estimates (PostgreSQL's support functions for int4/int8)
EXPLAIN (COSTS OFF) SELECT * FROM generate_series(1, 10);
EXPLAIN SELECT * FROM generate_series(1, 10);
EXPLAIN SELECT * FROM generate_series(1::int8, 100::int8, 7::int8);
EXPLAIN SELECT * FROM generate_series(10, 1);
EXPLAIN SELECT * FROM generate_series(1.0, 10.0);
