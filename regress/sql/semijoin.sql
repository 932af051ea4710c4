--
-- IN, EXISTS and NOT EXISTS in WHERE pulled up into semi and anti joins
--
CREATE TABLE sj_l (id int, k int, t text);
CREATE TABLE sj_r (id int, k int, v int);
INSERT INTO sj_l VALUES (1, 1, 'one'), (2, 2, 'two'), (3, 3, 'three'), (4, NULL, 'null'),
  (5, 5, 'five'), (6, 1, 'one again');
INSERT INTO sj_r VALUES (10, 1, 100), (11, 1, 101), (12, 1, 102), (13, 3, 300), (14, NULL, 0),
  (15, 7, 700);

-- a semi join does not duplicate outer rows for duplicate matches
SELECT * FROM sj_l WHERE k IN (SELECT k FROM sj_r) ORDER BY id;
SELECT * FROM sj_l l WHERE EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k) ORDER BY id;
SELECT * FROM sj_l l WHERE NOT EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k) ORDER BY id;
-- NOT IN keeps its NULL semantics (a SubPlan): no row, the subquery has a NULL
SELECT * FROM sj_l WHERE k NOT IN (SELECT k FROM sj_r) ORDER BY id;
SELECT * FROM sj_l WHERE k NOT IN (SELECT k FROM sj_r WHERE k IS NOT NULL) ORDER BY id;
-- conditions on either side inside the subquery
SELECT * FROM sj_l l WHERE EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k AND r.v > 100)
  ORDER BY id;
SELECT * FROM sj_l l WHERE EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k AND l.id > 1)
  ORDER BY id;
SELECT * FROM sj_l l WHERE NOT EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k AND l.id > 1)
  ORDER BY id;
SELECT * FROM sj_l l WHERE NOT EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k AND r.v > 100)
  ORDER BY id;
SELECT * FROM sj_l l WHERE EXISTS (SELECT 1 FROM sj_r r WHERE r.v > l.id * 100) ORDER BY id;
SELECT * FROM sj_l l WHERE NOT EXISTS (SELECT 1 FROM sj_r r WHERE r.v > l.id * 100)
  ORDER BY id;
-- a row comparison, an expression, a cross-type comparison
SELECT * FROM sj_l WHERE (id, k) IN (SELECT id - 9, k FROM sj_r) ORDER BY id;
SELECT * FROM sj_l WHERE k + 1 IN (SELECT k FROM sj_r) ORDER BY id;
SELECT * FROM sj_l WHERE k IN (SELECT k::int8 FROM sj_r) ORDER BY id;
SELECT * FROM sj_l WHERE k = ANY (SELECT k FROM sj_r WHERE v < 200) ORDER BY id;
SELECT * FROM sj_l WHERE k < ANY (SELECT k FROM sj_r) ORDER BY id;
-- a subquery that is not simple stays whole
SELECT * FROM sj_l WHERE k IN (SELECT DISTINCT k FROM sj_r) ORDER BY id;
SELECT * FROM sj_l WHERE k IN (SELECT max(k) FROM sj_r GROUP BY v > 200) ORDER BY id;
SELECT * FROM sj_l WHERE k IN (SELECT k FROM sj_r ORDER BY k LIMIT 4) ORDER BY id;
-- EXISTS with LIMIT, GROUP BY, DISTINCT: they do not matter
SELECT * FROM sj_l l WHERE EXISTS (SELECT r.k FROM sj_r r WHERE r.k = l.k LIMIT 1) ORDER BY id;
SELECT * FROM sj_l l WHERE EXISTS (SELECT r.k FROM sj_r r WHERE r.k = l.k GROUP BY r.k)
  ORDER BY id;
SELECT * FROM sj_l l WHERE NOT EXISTS (SELECT DISTINCT r.v FROM sj_r r WHERE r.k = l.k)
  ORDER BY id;
-- several at once, with joins and other conditions
SELECT l.id, l2.id FROM sj_l l, sj_l l2
WHERE l.k = l2.k AND l.id <> l2.id AND l.k IN (SELECT k FROM sj_r)
  AND NOT EXISTS (SELECT 1 FROM sj_r r WHERE r.id = l2.id + 9)
ORDER BY 1, 2;
SELECT * FROM sj_l l
WHERE EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k)
  AND EXISTS (SELECT 1 FROM sj_r r WHERE r.v = l.id * 100 + l.k - 1)
ORDER BY id;
SELECT l.id, r.id FROM sj_l l LEFT JOIN sj_r r ON r.id = l.id + 9
WHERE NOT EXISTS (SELECT 1 FROM sj_r r2 WHERE r2.k = r.k)
ORDER BY 1, 2;
SELECT l.id FROM sj_l l
WHERE EXISTS (SELECT 1 FROM sj_r r, sj_l l2 WHERE r.k = l2.k AND l2.id = l.id + 1)
ORDER BY id;
-- nested: an EXISTS inside an EXISTS
SELECT * FROM sj_l l WHERE EXISTS
  (SELECT 1 FROM sj_r r WHERE r.k = l.k AND EXISTS (SELECT 1 FROM sj_l l2 WHERE l2.id = r.k))
ORDER BY id;
-- correlated IN, EXISTS under OR, uncorrelated EXISTS, sublinks in the target list: SubPlans
SELECT * FROM sj_l l WHERE k IN (SELECT k FROM sj_r r WHERE r.v > l.id) ORDER BY id;
SELECT * FROM sj_l l WHERE id = 5 OR EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k)
  ORDER BY id;
SELECT * FROM sj_l l WHERE EXISTS (SELECT 1 FROM sj_r r WHERE r.k = 7) ORDER BY id;
SELECT id, EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k) FROM sj_l l ORDER BY id;
-- empty sides
SELECT * FROM sj_l l WHERE EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k AND false);
SELECT count(*) FROM sj_l l WHERE NOT EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k AND false);
SELECT * FROM sj_l l WHERE l.id > 100 AND EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k);

-- plans, on analyzed tables
CREATE TABLE sj_big (id int, k int, pad text);
CREATE TABLE sj_small (id int, k int);
INSERT INTO sj_big SELECT i, i % 500, repeat('x', 20) FROM generate_series(1, 10000) i;
INSERT INTO sj_small SELECT i, i * 3 FROM generate_series(1, 50) i;
ANALYZE sj_big;
ANALYZE sj_small;
EXPLAIN (COSTS OFF) SELECT * FROM sj_big b WHERE EXISTS (SELECT 1 FROM sj_small s WHERE s.k = b.k);
EXPLAIN (COSTS OFF) SELECT * FROM sj_big b WHERE NOT EXISTS (SELECT 1 FROM sj_small s WHERE s.k = b.k);
EXPLAIN (COSTS OFF) SELECT * FROM sj_small s WHERE NOT EXISTS (SELECT 1 FROM sj_big b WHERE s.k = b.k);
EXPLAIN (COSTS OFF) SELECT * FROM sj_small s WHERE EXISTS (SELECT 1 FROM sj_big b WHERE b.id < s.id);
EXPLAIN (COSTS OFF) SELECT * FROM sj_small s WHERE NOT EXISTS (SELECT 1 FROM sj_big b WHERE b.id < s.id);
EXPLAIN (COSTS OFF) SELECT * FROM sj_big b WHERE b.k IN (SELECT k FROM sj_small);
EXPLAIN (COSTS OFF) SELECT * FROM sj_small s WHERE s.k IN (SELECT k FROM sj_big);
EXPLAIN (COSTS OFF) SELECT * FROM sj_small s WHERE s.k IN (SELECT k FROM sj_big WHERE id < 100);
EXPLAIN (COSTS OFF) SELECT * FROM sj_small s WHERE EXISTS (SELECT 1 FROM sj_big b WHERE b.k = s.k AND b.id < 100);
EXPLAIN (COSTS OFF) SELECT * FROM sj_small s WHERE NOT EXISTS (SELECT 1 FROM sj_small s2 WHERE s2.k = s.k + 3);
EXPLAIN (COSTS OFF) SELECT * FROM sj_small s WHERE EXISTS (SELECT 1 FROM sj_small s2 WHERE s2.k = s.k + 3);
SELECT count(*) FROM sj_big b WHERE EXISTS (SELECT 1 FROM sj_small s WHERE s.k = b.k);
SELECT count(*) FROM sj_big b WHERE NOT EXISTS (SELECT 1 FROM sj_small s WHERE s.k = b.k);
SELECT count(*) FROM sj_small s WHERE NOT EXISTS (SELECT 1 FROM sj_big b WHERE s.k = b.k);
SELECT count(*) FROM sj_small s WHERE EXISTS (SELECT 1 FROM sj_big b WHERE b.id < s.id);
SELECT count(*) FROM sj_big b WHERE b.k IN (SELECT k FROM sj_small);
SELECT count(*) FROM sj_small s WHERE s.k IN (SELECT k FROM sj_big);
-- merge and nested-loop semi and anti joins
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT * FROM sj_big b WHERE EXISTS (SELECT 1 FROM sj_small s WHERE s.k = b.k);
EXPLAIN (COSTS OFF) SELECT * FROM sj_big b WHERE NOT EXISTS (SELECT 1 FROM sj_small s WHERE s.k = b.k);
SELECT count(*) FROM sj_big b WHERE EXISTS (SELECT 1 FROM sj_small s WHERE s.k = b.k);
SELECT count(*) FROM sj_big b WHERE NOT EXISTS (SELECT 1 FROM sj_small s WHERE s.k = b.k);
SELECT * FROM sj_l WHERE k IN (SELECT k FROM sj_r) ORDER BY id;
SELECT * FROM sj_l l WHERE NOT EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k) ORDER BY id;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT * FROM sj_small s WHERE EXISTS (SELECT 1 FROM sj_small s2 WHERE s2.k = s.k + 3);
EXPLAIN (COSTS OFF) SELECT * FROM sj_small s WHERE NOT EXISTS (SELECT 1 FROM sj_small s2 WHERE s2.k = s.k + 3);
SELECT count(*) FROM sj_small s WHERE EXISTS (SELECT 1 FROM sj_small s2 WHERE s2.k = s.k + 3);
SELECT count(*) FROM sj_small s WHERE NOT EXISTS (SELECT 1 FROM sj_small s2 WHERE s2.k = s.k + 3);
SELECT * FROM sj_l WHERE k IN (SELECT k FROM sj_r) ORDER BY id;
SELECT * FROM sj_l l WHERE NOT EXISTS (SELECT 1 FROM sj_r r WHERE r.k = l.k) ORDER BY id;
RESET enable_hashjoin;
RESET enable_mergejoin;
-- an IN over a WITH query inlined into it
WITH w AS (SELECT k FROM sj_r WHERE v > 100)
SELECT * FROM sj_l WHERE k IN (SELECT k FROM w) ORDER BY id;

-- row estimates of semi and anti joins (the top node's rows=, through a
-- file: Tusk's costs differ from PostgreSQL's)
\getenv sj_port PGPORT
\setenv SJ_OUT /tmp/tusk_semijoin_:sj_port.out
\o /tmp/tusk_semijoin_:sj_port.out
EXPLAIN SELECT * FROM sj_big b WHERE EXISTS (SELECT 1 FROM sj_small s WHERE s.k = b.k);
\o
\! grep -o -m1 'rows=[0-9]*' $SJ_OUT
\o /tmp/tusk_semijoin_:sj_port.out
EXPLAIN SELECT * FROM sj_big b WHERE NOT EXISTS (SELECT 1 FROM sj_small s WHERE s.k = b.k);
\o
\! grep -o -m1 'rows=[0-9]*' $SJ_OUT
\o /tmp/tusk_semijoin_:sj_port.out
EXPLAIN SELECT * FROM sj_small s WHERE NOT EXISTS (SELECT 1 FROM sj_big b WHERE s.k = b.k);
\o
\! grep -o -m1 'rows=[0-9]*' $SJ_OUT
\o /tmp/tusk_semijoin_:sj_port.out
EXPLAIN SELECT * FROM sj_small s WHERE EXISTS (SELECT 1 FROM sj_big b WHERE b.id < s.id);
\o
\! grep -o -m1 'rows=[0-9]*' $SJ_OUT
\o /tmp/tusk_semijoin_:sj_port.out
EXPLAIN SELECT * FROM sj_big b WHERE b.k IN (SELECT k FROM sj_small WHERE id < 10);
\o
\! grep -o -m1 'rows=[0-9]*' $SJ_OUT
\! rm -f $SJ_OUT

DROP TABLE sj_l, sj_r, sj_big, sj_small;
