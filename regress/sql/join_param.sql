--
-- Parameterized nested loops: the inner side is an index scan run once
-- per outer row, the outer row's columns passed as parameters
-- (PostgreSQL's NestLoopParam).  Tables are analyzed so that the plan
-- choice is stable.  Outer join values are distinct so that PostgreSQL
-- does not put a Memoize node (not in Tusk) above the inner scan, and
-- queries read a non-indexed column so that it plans no Index Only Scan.
--
CREATE TABLE jp_a (id int PRIMARY KEY, x int, n int, name text);
CREATE TABLE jp_b (k int PRIMARY KEY, v text, g int);
CREATE TABLE jp_c (k1 int, k2 int, w int);
CREATE INDEX jp_c_k ON jp_c (k1, k2);
INSERT INTO jp_a SELECT g, (g * 7919) % 10000 + 1, g % 4, 'v' || ((g * 7919) % 10000 + 1)::text
  FROM generate_series(1, 10) g;
UPDATE jp_a SET name = 'other' WHERE id = 3;
INSERT INTO jp_b SELECT g, 'v' || g::text, g % 100 FROM generate_series(1, 10000) g;
INSERT INTO jp_c SELECT g / 100, g % 100, g FROM generate_series(1, 10000) g;
ANALYZE jp_a;
ANALYZE jp_b;
ANALYZE jp_c;

-- An equality join clause as the inner index scan's condition.
EXPLAIN (COSTS OFF) SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k = a.x;
SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k = a.x ORDER BY a.id;
-- Written the other way round, in WHERE, with a filter on the outer side.
EXPLAIN (COSTS OFF) SELECT a.id, b.v FROM jp_a a, jp_b b WHERE a.x = b.k AND a.id < 5;
SELECT a.id, b.v FROM jp_a a, jp_b b WHERE a.x = b.k AND a.id < 5 ORDER BY a.id;
-- An expression of the outer row.
EXPLAIN (COSTS OFF) SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k = a.x + 1;
SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k = a.x + 1 ORDER BY a.id;
-- Another join clause the index cannot answer filters the inner rows.
EXPLAIN (COSTS OFF) SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k = a.x AND b.v <> a.name;
SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k = a.x AND b.v <> a.name ORDER BY a.id;
-- And a condition of the inner table alone.
EXPLAIN (COSTS OFF) SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k = a.x WHERE b.g < 50;
SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k = a.x WHERE b.g < 50 ORDER BY a.id;
-- A range of the inner index per outer row.
EXPLAIN (COSTS OFF) SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k > a.x AND b.k < a.x + 3;
SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k > a.x AND b.k < a.x + 3 ORDER BY a.id, b.k;
-- Two key columns of a multi-column index.
EXPLAIN (COSTS OFF) SELECT a.id, c.w FROM jp_a a JOIN jp_c c ON c.k1 = a.x / 100 AND c.k2 = a.id;
SELECT a.id, c.w FROM jp_a a JOIN jp_c c ON c.k1 = a.x / 100 AND c.k2 = a.id ORDER BY a.id;
-- LEFT JOIN: the nullable side is parameterized by the outer side.
EXPLAIN (COSTS OFF) SELECT a.id, b.v FROM jp_a a LEFT JOIN jp_b b ON b.k = a.x * 2;
SELECT a.id, b.v FROM jp_a a LEFT JOIN jp_b b ON b.k = a.x * 2 ORDER BY a.id;
-- A WHERE condition above the LEFT JOIN stays above it.
EXPLAIN (COSTS OFF) SELECT a.id, b.v FROM jp_a a LEFT JOIN jp_b b ON b.k = a.x * 2
  WHERE b.v IS NULL;
SELECT a.id, b.v FROM jp_a a LEFT JOIN jp_b b ON b.k = a.x * 2 WHERE b.v IS NULL ORDER BY a.id;
-- EXPLAIN ANALYZE counts the inner scan's loops.
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
  SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k = a.x;
-- Three tables: each inner side parameterized by what is joined before
-- (no EXPLAIN: PostgreSQL's equivalence classes make it check one clause
-- as a join filter, where Tusk uses both as index conditions).
SELECT a.id, b.v, c.w FROM jp_a a JOIN jp_b b ON b.k = a.x
  JOIN jp_c c ON c.k1 = b.g AND c.k2 = a.id ORDER BY a.id;
-- Without a usable index, no parameterized scan.
EXPLAIN (COSTS OFF) SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.g = a.id;
-- Prepared with a parameter of its own as well.
PREPARE jp(int) AS SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k = a.x WHERE a.id <= $1;
EXECUTE jp(3);
DEALLOCATE jp;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT a.id, b.v FROM jp_a a JOIN jp_b b ON b.k = a.x;
RESET enable_nestloop;
DROP TABLE jp_a, jp_b, jp_c;
