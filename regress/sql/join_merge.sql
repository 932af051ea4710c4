-- Merge joins: where PostgreSQL picks one (hash joins disabled), their
-- plan shapes (Merge Join, Merge Cond, the Sort of each side), results
-- for inner, LEFT, RIGHT and FULL joins, NULL keys, duplicate keys on
-- both sides, several keys, cross-type keys, extra join conditions.
CREATE TABLE mj_digits (d int);
INSERT INTO mj_digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
CREATE TABLE mj_a (id int, k int, v text);
CREATE TABLE mj_b (id bigint, k int, w text);
INSERT INTO mj_a SELECT i, i % 50, 'a' || i::text
  FROM (SELECT x.d * 100 + y.d * 10 + z.d AS i FROM mj_digits x, mj_digits y, mj_digits z) s
  ORDER BY i;
INSERT INTO mj_b SELECT i * 2, i % 30, 'b' || i::text
  FROM (SELECT x.d * 100 + y.d * 10 + z.d AS i FROM mj_digits x, mj_digits y, mj_digits z) s
  WHERE i < 700 ORDER BY i;
INSERT INTO mj_a VALUES (NULL, NULL, 'a-null');
INSERT INTO mj_b VALUES (NULL, NULL, 'b-null');
ANALYZE mj_a;
ANALYZE mj_b;

SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM mj_a JOIN mj_b ON mj_a.id = mj_b.id;
SELECT count(*) FROM mj_a JOIN mj_b ON mj_a.id = mj_b.id;
SELECT mj_a.id, v, w FROM mj_a JOIN mj_b ON mj_a.id = mj_b.id WHERE mj_a.id < 20 ORDER BY 1;
EXPLAIN (COSTS OFF) SELECT count(*) FROM mj_a LEFT JOIN mj_b ON mj_a.id = mj_b.id;
SELECT count(*), count(w) FROM mj_a LEFT JOIN mj_b ON mj_a.id = mj_b.id;
SELECT count(*), count(v) FROM mj_a RIGHT JOIN mj_b ON mj_a.id = mj_b.id;
EXPLAIN (COSTS OFF) SELECT count(*) FROM mj_a FULL JOIN mj_b ON mj_a.id = mj_b.id;
SELECT count(*), count(v), count(w) FROM mj_a FULL JOIN mj_b ON mj_a.id = mj_b.id;
SELECT mj_a.id, mj_b.id, v, w FROM mj_a FULL JOIN mj_b ON mj_a.id = mj_b.id
  WHERE mj_a.id IS NULL OR mj_b.id IS NULL OR mj_a.id < 6
  ORDER BY 1, 2, 3, 4 LIMIT 20;
SELECT id, v, w FROM mj_a FULL JOIN mj_b USING (id) WHERE id > 1390 OR id IS NULL ORDER BY 1, 2, 3;
-- duplicate keys on both sides
SELECT count(*) FROM mj_a JOIN mj_b ON mj_a.k = mj_b.k;
SELECT mj_a.k, count(*) FROM mj_a JOIN mj_b ON mj_a.k = mj_b.k GROUP BY mj_a.k ORDER BY 1 LIMIT 5;
SELECT count(*), count(mj_a.k), count(mj_b.k) FROM mj_a FULL JOIN mj_b ON mj_a.k = mj_b.k;
-- several keys, an extra join condition, a filter
SELECT count(*) FROM mj_a JOIN mj_b ON mj_a.id = mj_b.id AND mj_a.k = mj_b.k;
SELECT count(*) FROM mj_a JOIN mj_b ON mj_a.k = mj_b.k AND mj_a.id < mj_b.id;
EXPLAIN (COSTS OFF) SELECT count(*) FROM mj_a LEFT JOIN mj_b ON mj_a.k = mj_b.k AND mj_b.id > mj_a.id;
SELECT count(*), count(w) FROM mj_a LEFT JOIN mj_b ON mj_a.k = mj_b.k AND mj_b.id > mj_a.id;
-- text keys
SELECT count(*) FROM mj_a JOIN mj_b ON substr(mj_a.v, 2) = substr(mj_b.w, 2);
-- FULL JOIN with a condition that cannot merge nor hash
SELECT count(*) FROM mj_a FULL JOIN mj_b ON mj_a.id > mj_b.id;
RESET enable_hashjoin;

-- enable_mergejoin off, enable_nestloop off
SET enable_hashjoin = off;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM mj_a JOIN mj_b ON mj_a.id = mj_b.id;
EXPLAIN (COSTS OFF) SELECT count(*) FROM mj_a FULL JOIN mj_b ON mj_a.id = mj_b.id;
RESET enable_mergejoin;
RESET enable_hashjoin;
SET enable_nestloop = off;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM mj_digits x JOIN mj_digits y ON x.d = y.d;
RESET enable_nestloop;
RESET enable_hashjoin;
SET enable_seqscan = off;
SHOW enable_seqscan;
RESET enable_seqscan;

DROP TABLE mj_a, mj_b, mj_digits;
