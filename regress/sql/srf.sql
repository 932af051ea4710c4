--
-- Set-returning functions in FROM and in the target list
--
CREATE TABLE srf_t (x int, y text);
INSERT INTO srf_t VALUES (1, 'one'), (2, 'two'), (3, 'three'), (0, 'zero');
-- FROM: column and table names
SELECT * FROM generate_series(1, 3);
SELECT * FROM generate_series(1, 3) g;
SELECT * FROM generate_series(1, 3) AS g(n);
SELECT g.* FROM generate_series(1, 2) AS g;
SELECT generate_series FROM generate_series(1, 2);
SELECT generate_series.generate_series FROM generate_series(1, 2);
SELECT n FROM generate_series(1, 2) AS g(n) WHERE g.n > 1;
SELECT * FROM generate_series(1, 3) AS g(a, b);
SELECT * FROM generate_series(1, 2) AS g(n int);
-- scalar functions in FROM give one row
SELECT * FROM abs(-7);
SELECT * FROM abs(-7) AS a;
SELECT * FROM lower('ABC') AS l(v);
SELECT * FROM upper(NULL::text);
SELECT * FROM CAST(3 AS text);
-- WITH ORDINALITY
SELECT * FROM generate_series(10, 13) WITH ORDINALITY;
SELECT * FROM generate_series(10, 13) WITH ORDINALITY AS g(v, n);
SELECT n, v FROM generate_series(5, 1, -2) WITH ORDINALITY AS g(v, n) ORDER BY n DESC;
SELECT * FROM abs(-1) WITH ORDINALITY;
SELECT pg_typeof(ordinality) FROM generate_series(1, 1) WITH ORDINALITY;
-- ROWS FROM: functions side by side, the shorter padded with NULLs
SELECT * FROM ROWS FROM (generate_series(1, 3), generate_series(10, 11));
SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(10, 14, 2)) WITH ORDINALITY;
SELECT * FROM ROWS FROM (generate_series(1, 2), lower('X')) AS r(a, b);
SELECT * FROM ROWS FROM (generate_series(1, 2)) AS r;
SELECT * FROM ROWS FROM (generate_series(1, 0), generate_series(1, 0));
-- functions in FROM joined with tables
SELECT t.y, g FROM srf_t t, generate_series(1, 2) g WHERE t.x = g ORDER BY 1, 2;
SELECT t.y, g FROM srf_t t JOIN generate_series(1, 5) g ON g = t.x ORDER BY g;
SELECT t.x, g FROM generate_series(0, 4) g LEFT JOIN srf_t t ON t.x = g ORDER BY g;
SELECT count(*) FROM generate_series(1, 10) a, generate_series(1, 10) b;
SELECT g FROM generate_series(1, 10) g WHERE g % 3 = 0;
SELECT g FROM generate_series(1, 100) g ORDER BY g DESC LIMIT 3;
SELECT * FROM (SELECT * FROM generate_series(1, 5) g) s WHERE g > 3;
-- arguments from the outer query (a correlated subquery)
SELECT x, (SELECT sum(g) FROM generate_series(1, t.x) g) FROM srf_t t ORDER BY x;
SELECT x FROM srf_t t WHERE EXISTS (SELECT 1 FROM generate_series(1, 2) g WHERE g = t.x) ORDER BY x;
-- errors
SELECT * FROM generate_series(1, 2, 3, 4);
SELECT * FROM nosuchfunc(1);
SELECT * FROM abs(generate_series(1, 2));
SELECT * FROM generate_series(1, count(*));
-- target list: PostgreSQL 10 semantics
SELECT generate_series(1, 3);
SELECT generate_series(1, 3) AS n, 'x' AS c;
SELECT generate_series(1, 3), generate_series(1, 2);
SELECT generate_series(1, 2), generate_series(1, 0);
SELECT generate_series(1, 0);
SELECT x, generate_series(1, x) FROM srf_t ORDER BY x, 2;
SELECT y, generate_series(x, 2) AS g FROM srf_t ORDER BY y, g;
SELECT generate_series(1, 3) AS g ORDER BY g DESC;
SELECT DISTINCT generate_series(1, 3) % 2 AS m ORDER BY 1;
SELECT generate_series(1, 3) * 10 + x AS v FROM srf_t WHERE x < 2 ORDER BY v;
SELECT generate_series(1, 2) + generate_series(1, 3) AS s;
SELECT -generate_series(1, 2) AS neg, generate_series(1, 3)::text || '!' AS t;
SELECT generate_series(1, 4) LIMIT 2;
SELECT count(*), generate_series(1, 3) FROM srf_t;
SELECT generate_series(1, count(*)::int) FROM srf_t;
SELECT x, generate_series(1, 2) FROM srf_t WHERE x > 1 ORDER BY 1, 2;
SELECT * FROM (SELECT generate_series(1, 3) AS g) s WHERE g <> 2;
INSERT INTO srf_t SELECT generate_series(5, 6), 'many';
SELECT * FROM srf_t WHERE y = 'many' ORDER BY x;
-- where set-returning functions are not allowed
SELECT * FROM srf_t WHERE x = generate_series(1, 2);
SELECT * FROM srf_t a JOIN srf_t b ON a.x = generate_series(1, 2);
SELECT sum(generate_series(1, 3));
SELECT x FROM srf_t GROUP BY x HAVING generate_series(1, 2) > 1;
SELECT 1 LIMIT generate_series(1, 2);
UPDATE srf_t SET x = generate_series(1, 2);
VALUES (1), (generate_series(1, 2));
SELECT CASE WHEN x > 1 THEN generate_series(1, 2) END FROM srf_t;
SELECT coalesce(generate_series(1, 2), 0);
-- EXPLAIN shapes
EXPLAIN (COSTS OFF) SELECT * FROM generate_series(1, 3) g WHERE g > 1;
EXPLAIN (COSTS OFF) SELECT * FROM ROWS FROM (generate_series(1, 3), abs(-1)) WITH ORDINALITY AS r;
EXPLAIN (COSTS OFF) SELECT generate_series(1, 3);
EXPLAIN (COSTS OFF) SELECT x, generate_series(1, x) FROM srf_t;
EXPLAIN (COSTS OFF) SELECT generate_series(1, 3) AS g ORDER BY g DESC;
EXPLAIN (COSTS OFF) SELECT generate_series(1, 3) * 2;
EXPLAIN SELECT generate_series(1, 3);
EXPLAIN SELECT * FROM generate_series(1, 3) WITH ORDINALITY;
DROP TABLE srf_t;
