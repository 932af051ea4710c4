--
-- Constant folding in the planner (eval_const_expressions): expressions
-- of constants are computed at plan time, so EXPLAIN shows their values,
-- indexes answer folded conditions, and constant quals become a
-- Result's One-Time Filter.
--
CREATE TABLE cf_t (id int PRIMARY KEY, a int, b bool, d date, s text);
CREATE UNIQUE INDEX cf_t_d ON cf_t (d);
INSERT INTO cf_t VALUES (1, 1, true, '2024-01-01', 'one'), (2, 2, false, '2024-01-02', 'two'),
  (3, NULL, NULL, '2024-01-03', NULL), (4, 4, true, NULL, 'four');

-- operators and functions of constants
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE a = 1 + 1;
SELECT * FROM cf_t WHERE a = 1 + 1;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE id = 1 + 2;
SELECT * FROM cf_t WHERE id = 1 + 2;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE id = length('abcd');
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE d = '2024-01-01'::date + 1;
SELECT id FROM cf_t WHERE d = '2024-01-01'::date + 1;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE s = 'tw' || 'o';
EXPLAIN (VERBOSE, COSTS OFF)
  SELECT 2 + 3 * 4, length('abc'), upper('x') || 'y', '2024-01-01'::date, 'abc'::varchar(2)::text,
         abs(-5)::text, 10 / 4.0, ARRAY[1, 2, 3], ARRAY['a', 'b' || 'c'] FROM cf_t;
SELECT 2 + 3 * 4, length('abc'), upper('x') || 'y', 'abc'::varchar(2)::text, 10 / 4.0,
       ARRAY[1, 2, 3] FROM cf_t WHERE id = 1;
-- strict functions of NULL are NULL
EXPLAIN (VERBOSE, COSTS OFF) SELECT abs(NULL::int), NULL::int + a, length(NULL) FROM cf_t;
-- x = ANY(array): the array becomes a constant, the comparison stays
EXPLAIN (VERBOSE, COSTS OFF) SELECT a = ANY('{1,2}'), a = ANY(ARRAY[1, 2]), 1 = ANY('{1,2}') FROM cf_t;
SELECT id FROM cf_t WHERE a = ANY(ARRAY[1, 1 + 1]) ORDER BY id;

-- AND, OR, NOT with constants
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE true;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE a = 1 OR true;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE a = 1 OR false;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE a > 1 AND true AND (a < 5 AND s <> 'x');
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE a = 1 AND NULL;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE a = 1 OR NULL;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE (a > 1 OR NULL) AND (s < 'x' OR false);
-- a qual's OR arms sharing a clause: it is factored out
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE (a > 1 AND s > 'a') OR (a > 1 AND s < 'b');
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE (a > 1 AND s > 'a') OR a > 1;
SELECT id FROM cf_t WHERE (a > 1 AND s > 'g') OR (a > 1 AND s < 'b') ORDER BY id;
-- but not in a target list, where NULL is a value
EXPLAIN (VERBOSE, COSTS OFF) SELECT a > 1 OR NULL, (a > 1 AND b) OR (a > 1 AND s < 'b') FROM cf_t;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE NOT (a = 1);
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE NOT (a = 1 AND a > 3);
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE NOT (a < 1 OR s = 'x');
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE NOT NOT (a >= 2);
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE NOT (b IS TRUE);
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE NOT b;
SELECT id FROM cf_t WHERE NOT (a = 1 AND a > 3) ORDER BY id;
SELECT id FROM cf_t WHERE NOT (a < 2 OR s = 'x') ORDER BY id;
-- b = true is b
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE b = true;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE b = false;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE true = b;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE b <> true;
SELECT id FROM cf_t WHERE b = false ORDER BY id;
EXPLAIN (VERBOSE, COSTS OFF) SELECT NOT true, NOT NULL::bool, true AND NULL, false AND NULL,
  true OR NULL, NULL OR false FROM cf_t;

-- constant quals: false (or NULL) plans no scan, others run once
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE false;
SELECT * FROM cf_t WHERE false;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE NULL;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE a = 1 AND 1 > 2;
EXPLAIN (COSTS OFF) SELECT 1 WHERE false;
EXPLAIN (COSTS OFF) SELECT 1 WHERE 1 = 1;
EXPLAIN (COSTS OFF) SELECT count(*) FROM cf_t WHERE false;
SELECT count(*) FROM cf_t WHERE false;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t t1 JOIN cf_t t2 ON t1.a = t2.a AND false;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t t1, cf_t t2 WHERE t1.a = t2.a AND NULL::bool;
-- a LEFT JOIN's constantly false ON condition null-extends every row
-- (PostgreSQL plans its inner side as a Result with One-Time Filter:
-- false, Tusk scans it: results only)
SELECT t1.id, t2.id FROM cf_t t1 LEFT JOIN cf_t t2 ON t1.a = t2.a AND 1 > 2 ORDER BY 1;
-- a FULL JOIN's constantly false ON: a merge join on no key, each row
-- null-extended (Tusk sorts both sides on no key, PostgreSQL does not:
-- results only)
SELECT t1.id, t2.id FROM cf_t t1 FULL JOIN cf_t t2 ON 1 > 2 ORDER BY 1, 2;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE now() > '2000-01-01';
SELECT count(*) FROM cf_t WHERE now() > '2000-01-01';
SELECT count(*) FROM cf_t WHERE now() < '2000-01-01';
EXPLAIN (COSTS OFF) SELECT * FROM cf_t t1 JOIN cf_t t2 ON t1.id = t2.id WHERE now() > '2000-01-01';
-- a One-Time Filter passes its input's order on
CREATE TABLE cf_o (id int PRIMARY KEY, v int);
INSERT INTO cf_o SELECT g, g FROM generate_series(1, 1000) g;
ANALYZE cf_o;
EXPLAIN (COSTS OFF) SELECT * FROM cf_o WHERE now() > '2000-01-01' ORDER BY id LIMIT 3;
SELECT * FROM cf_o WHERE now() > '2000-01-01' ORDER BY id LIMIT 3;
DROP TABLE cf_o;
EXPLAIN (COSTS OFF) UPDATE cf_t SET a = 0 WHERE false;
UPDATE cf_t SET a = 0 WHERE false;
EXPLAIN (COSTS OFF) DELETE FROM cf_t WHERE 1 = 0;
DELETE FROM cf_t WHERE 1 = 0;

-- CASE, COALESCE, NULLIF, IS [NOT] NULL, IS [NOT] TRUE …
EXPLAIN (VERBOSE, COSTS OFF)
  SELECT CASE WHEN a > 1 THEN 'x' WHEN true THEN 'y' ELSE 'z' END,
         CASE WHEN false THEN 1 ELSE a END,
         CASE WHEN NULL THEN 1 WHEN a = 2 THEN 2 END,
         CASE WHEN 1 > 2 THEN 1 END,
         CASE WHEN 2 > 1 THEN 'yes' ELSE 'no' END
  FROM cf_t;
EXPLAIN (VERBOSE, COSTS OFF)
  SELECT coalesce(NULL, a, 2, a), coalesce(NULL, 3, a), coalesce(NULL::int, NULL),
         coalesce(a, NULL, s::int), nullif(2, 3), nullif(2, 2), nullif(a, 1 + 1)
  FROM cf_t;
SELECT id, coalesce(NULL, a, 2, a), nullif(a, 1 + 1) FROM cf_t ORDER BY id;
EXPLAIN (VERBOSE, COSTS OFF)
  SELECT 1 IS NULL, NULL::int IS NULL, 'x' IS NOT NULL, true IS UNKNOWN, NULL::bool IS NOT TRUE,
         false IS FALSE, (1 > 2) IS NOT FALSE, 1 IS DISTINCT FROM 2, NULL::int IS DISTINCT FROM 1,
         NULL::int IS NOT DISTINCT FROM NULL, a IS DISTINCT FROM 1 + 1
  FROM cf_t;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE a IS NULL IS NOT NULL;
EXPLAIN (COSTS OFF) SELECT * FROM cf_t WHERE (1 + 1) IS NULL;

-- LIMIT and OFFSET
EXPLAIN (VERBOSE, COSTS OFF) SELECT id, a FROM cf_t ORDER BY id LIMIT 1 + 1 OFFSET 2 - 1;
SELECT id, a FROM cf_t ORDER BY id LIMIT 1 + 1 OFFSET 2 - 1;

-- volatile functions are never computed; stable ones only when run
EXPLAIN (VERBOSE, COSTS OFF) SELECT random() > 2, random() * 0 FROM cf_t;
CREATE SEQUENCE cf_s;
EXPLAIN (VERBOSE, COSTS OFF) SELECT nextval('cf_s') + 1 FROM cf_t;
EXPLAIN (VERBOSE, COSTS OFF) SELECT now() > '2000-01-01', now() - now() FROM cf_t;

-- subqueries: each level is folded (Tusk's EXPLAIN shows an uncorrelated
-- subquery as a SubPlan, PostgreSQL's as an InitPlan: results only)
SELECT (SELECT 1 + 1), id FROM cf_t WHERE a = (SELECT 2 * 2);
SELECT id FROM cf_t WHERE a IN (SELECT x FROM (VALUES (1 + 1), (NULL)) v (x) WHERE x > 0 OR NULL);
SELECT id FROM cf_t WHERE EXISTS (SELECT 1 WHERE false) OR a = 1 + 1;

-- errors raised while folding are raised at plan time, as in PostgreSQL:
-- even when no row would be computed
SELECT 1 / 0 WHERE false;
SELECT 1 / 0 FROM cf_t WHERE false;
SELECT CASE WHEN a > 100 THEN 1 / 0 ELSE 0 END FROM cf_t;
SELECT coalesce(a, 1 / 0) FROM cf_t;
-- but not from arms that can never be reached
SELECT CASE WHEN false THEN 1 / 0 ELSE 1 END;
SELECT CASE WHEN true THEN 1 ELSE 1 / 0 END;
SELECT coalesce(1, 1 / 0);
SELECT 'abc'::int WHERE false;
SELECT CASE WHEN id > 10 THEN 'x'::date END FROM cf_t;

-- $n of a custom plan is a constant
PREPARE cf_p(int) AS SELECT 1 / $1 FROM cf_t WHERE false;
EXECUTE cf_p(1);
EXECUTE cf_p(0);
PREPARE cf_q(int) AS SELECT id FROM cf_t WHERE id = $1 + 1;
EXECUTE cf_q(1);
EXECUTE cf_q(NULL);
DEALLOCATE cf_p;
DEALLOCATE cf_q;

DROP SEQUENCE cf_s;
DROP TABLE cf_t;
