-- Hashed aggregation: HashAggregate for GROUP BY and DISTINCT where
-- PostgreSQL picks it (the plan shapes after ANALYZE), results (the rows
-- of a HashAggregate come out in PostgreSQL's hash table order, so even
-- queries without ORDER BY match), enable_hashagg and work_mem.
CREATE TABLE ha_digits (d int);
INSERT INTO ha_digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
CREATE TABLE ha_t (a int, b int, c text, n numeric);
INSERT INTO ha_t SELECT i % 10, i % 7, 'x' || (i % 13)::text, (i % 4) * 1.5
  FROM (SELECT x.d * 100 + y.d * 10 + z.d + 1 AS i
          FROM ha_digits x, ha_digits y, ha_digits z) s
  ORDER BY i;
INSERT INTO ha_t VALUES (NULL, NULL, NULL, NULL), (NULL, 1, NULL, 2);
ANALYZE ha_t;

-- GROUP BY: hashed when the input is not sorted
EXPLAIN (COSTS OFF) SELECT a, count(*) FROM ha_t GROUP BY a;
SELECT a, count(*) FROM ha_t GROUP BY a;
SELECT a, count(*), sum(b), max(c), avg(n) FROM ha_t GROUP BY a ORDER BY a;
EXPLAIN (COSTS OFF) SELECT a, count(*) FROM ha_t GROUP BY a ORDER BY a;
SELECT a, count(*) FROM ha_t GROUP BY a ORDER BY a;
-- several keys, text keys, more groups than the table was sized for
EXPLAIN (COSTS OFF) SELECT a, b, sum(n) FROM ha_t GROUP BY a, b;
SELECT a, b, sum(n) FROM ha_t GROUP BY a, b;
SELECT c, count(*), min(a) FROM ha_t GROUP BY c;
SELECT c, a, count(*) FROM ha_t WHERE b < 3 GROUP BY c, a;
SELECT n, count(*) FROM ha_t GROUP BY n;
SELECT a + b AS s, count(*) FROM ha_t GROUP BY a + b;
-- HAVING
SELECT b, count(*) FROM ha_t GROUP BY b HAVING count(*) > 142;
EXPLAIN (COSTS OFF) SELECT b, count(*) FROM ha_t GROUP BY b HAVING count(*) > 142;
-- aggregates with internal and by-reference states
SELECT b, avg(n), max(c), sum(n), min(c) FROM ha_t GROUP BY b;
-- a grouped subquery
SELECT count(*), sum(cnt) FROM (SELECT c, count(*) AS cnt FROM ha_t GROUP BY c) s;
-- joins under a HashAggregate
SELECT x.d, count(*) FROM ha_digits x JOIN ha_t ON ha_t.a = x.d GROUP BY x.d ORDER BY x.d;

-- DISTINCT
EXPLAIN (COSTS OFF) SELECT DISTINCT a FROM ha_t;
SELECT DISTINCT a FROM ha_t;
SELECT DISTINCT b, a FROM ha_t WHERE a < 3;
SELECT DISTINCT c FROM ha_t;
EXPLAIN (COSTS OFF) SELECT DISTINCT a FROM ha_t ORDER BY a;
SELECT DISTINCT a FROM ha_t ORDER BY a;
SELECT DISTINCT count(*) > 100 FROM ha_t GROUP BY a;
EXPLAIN (COSTS OFF) SELECT DISTINCT count(*) > 100 FROM ha_t GROUP BY a;
-- DISTINCT ON is never hashed
EXPLAIN (COSTS OFF) SELECT DISTINCT ON (a) a, b FROM ha_t ORDER BY a, b;
SELECT DISTINCT ON (a) a, b FROM ha_t ORDER BY a, b;

-- enable_hashagg off: sorting
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT a, count(*) FROM ha_t GROUP BY a;
EXPLAIN (COSTS OFF) SELECT DISTINCT a FROM ha_t;
SELECT a, count(*) FROM ha_t GROUP BY a;
RESET enable_hashagg;

-- work_mem: a table too big to hash is sorted
SHOW work_mem;
SET work_mem = '64kB';
EXPLAIN (COSTS OFF) SELECT b, a, c, count(*) FROM ha_t GROUP BY b, a, c;
RESET work_mem;
EXPLAIN (COSTS OFF) SELECT b, a, c, count(*) FROM ha_t GROUP BY b, a, c;
SET work_mem = '10kB';
SET work_mem = 63;

-- in a correlated subquery (rescanned)
SELECT d, (SELECT count(*) FROM (SELECT a FROM ha_t WHERE b = d GROUP BY a) s) FROM ha_digits;

DROP TABLE ha_t, ha_digits;
