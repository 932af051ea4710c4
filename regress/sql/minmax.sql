--
-- GREATEST and LEAST
--
SELECT greatest(1, 2, 3), least(1, 2, 3);
SELECT greatest(3), least(3);
SELECT greatest(1, NULL, 3), least(NULL, 2, 1);
SELECT greatest(NULL, NULL) IS NULL AS all_null, least(NULL::int) IS NULL AS one_null;
SELECT greatest(1, 2.5, 2::bigint), pg_typeof(greatest(1, 2.5, 2::bigint));
SELECT least(1::smallint, 2::int), pg_typeof(least(1::smallint, 2::int));
SELECT greatest(1.5::float4, 2), pg_typeof(greatest(1.5::float4, 2));
SELECT greatest('abc', 'abd', 'ab'), least('abc', 'abd', 'ab');
SELECT pg_typeof(greatest('a', 'b'));
SELECT greatest('a'::varchar(3), 'bcd'::text), pg_typeof(greatest('a'::varchar(3), 'bcd'::text));
SELECT greatest(date '2020-01-01', date '2021-06-01'), least(timestamp '2020-01-01 10:00', date '2020-01-01');
SELECT greatest(interval '1 day', interval '23 hours'), least(interval '1 day', interval '25 hours');
SELECT greatest(true, false), least(true, false);
SELECT greatest(array[1,2], array[1,3]), least(array[1,2], array[1,2,0]);
SELECT greatest('NaN'::float8, 1e308), least('NaN'::numeric, -1);
SELECT greatest(0.0, -0.0, 0), least(1.50, 1.5);
SELECT greatest(1, '2'), least('10', 9);
SELECT greatest(x, y), least(x, y) FROM (VALUES (1, 2), (4, 3), (NULL, 5), (6, NULL), (NULL, NULL)) v(x, y);
SELECT x, greatest(x, 3, 5 - x) AS g FROM generate_series(0, 6) x ORDER BY g, x;
SELECT count(*) FROM generate_series(1, 10) x WHERE greatest(x, 5) = 5;
SELECT greatest(x, 2) AS g, count(*) FROM generate_series(1, 4) x GROUP BY greatest(x, 2) ORDER BY 1;
SELECT greatest(generate_series(1, 3), 2);
SELECT greatest(least(5, 7), least(6, 9)), least(greatest(1, 2), greatest(0, 1));
SELECT greatest('b' COLLATE "C", 'a'), least('b', 'a' COLLATE "POSIX");
SELECT CASE WHEN greatest(1, 2) = 2 THEN 'yes' ELSE 'no' END;
PREPARE mm(int, int) AS SELECT greatest($1, $2, 0), least($1, $2, 0);
EXECUTE mm(5, -5);
EXECUTE mm(NULL, 1);
DEALLOCATE mm;

-- result column names
SELECT greatest(1, 2), least(1, 2), greatest(1, 2) AS g;

-- in tables, views and EXPLAIN
CREATE TABLE minmax_t (a int, b int, c text);
INSERT INTO minmax_t VALUES (1, 10, 'x'), (20, 2, 'y'), (NULL, 3, NULL), (4, NULL, 'z');
SELECT a, b, greatest(a, b) AS g, least(a, b) AS l, greatest(c, 'w') AS gc FROM minmax_t ORDER BY a;
SELECT * FROM minmax_t WHERE greatest(a, b) > 5 ORDER BY a;
UPDATE minmax_t SET b = least(a, b) WHERE a IS NOT NULL AND b IS NOT NULL;
SELECT * FROM minmax_t ORDER BY a;
EXPLAIN (VERBOSE, COSTS OFF) SELECT greatest(a, b, 5), least(c, 'q') FROM minmax_t;
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM minmax_t WHERE greatest(a, 3) = least(b, 7);
-- constant arguments are folded
EXPLAIN (VERBOSE, COSTS OFF) SELECT greatest(1, 2, 3), least('a', 'b'), greatest(a, 1 + 1) FROM minmax_t;
CREATE VIEW minmax_v AS SELECT greatest(a, b, 0) AS g, least(c, 'm'::text) AS l FROM minmax_t;
SELECT pg_get_viewdef('minmax_v'::regclass);
SELECT * FROM minmax_v ORDER BY g;
DROP VIEW minmax_v;
DROP TABLE minmax_t;

-- errors
SELECT greatest(1, 'a');
SELECT least(1, true);
SELECT greatest(1, now());
SELECT greatest('1'::xid, '2'::xid);
SELECT greatest();
