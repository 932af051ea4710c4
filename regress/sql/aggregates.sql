--
-- Aggregates, GROUP BY and HAVING
--
CREATE TABLE agg (k text, v int, w int, b bool);
INSERT INTO agg VALUES
  ('a', 1, 10, true), ('b', 2, 20, false), ('a', 3, NULL, true),
  (NULL, 4, 40, NULL), ('b', NULL, 50, true), ('c', 7, 70, false);
SELECT count(*) FROM agg;
SELECT count(*), count(v), count(w), count(k), count(b) FROM agg;
SELECT max(v), min(v), max(k), min(k), max(w) - min(w) AS spread FROM agg;
SELECT bool_and(b), bool_or(b), every(v > 0) FROM agg;
SELECT count(*) FROM agg WHERE v > 100;
SELECT max(v), min(k) FROM agg WHERE v > 100;
SELECT count(*);
SELECT count(*) WHERE false;
SELECT count(1), max(2) FROM agg;
SELECT k, count(*) FROM agg GROUP BY k ORDER BY k;
SELECT k, count(*), max(v), min(w) FROM agg GROUP BY k ORDER BY k DESC;
SELECT k, count(*) FROM agg GROUP BY 1 ORDER BY 1 NULLS FIRST;
SELECT k AS key, max(v) FROM agg GROUP BY key ORDER BY key;
SELECT k FROM agg GROUP BY k ORDER BY k;
SELECT count(*) FROM agg GROUP BY k ORDER BY 1;
SELECT k, count(*) FROM agg GROUP BY k HAVING count(*) > 1 ORDER BY k;
SELECT k, max(v) FROM agg GROUP BY k HAVING max(v) IS NULL OR max(v) > 2 ORDER BY k;
SELECT k, min(v) + max(v) AS total FROM agg GROUP BY k ORDER BY total DESC NULLS LAST, k;
SELECT v > 2 AS big, count(*) FROM agg GROUP BY v > 2 ORDER BY 1;
SELECT b, count(*), max(k) FROM agg GROUP BY b ORDER BY b;
SELECT k, b, count(*) FROM agg GROUP BY k, b ORDER BY k, b;
SELECT count(*) FILTER (WHERE v > 1), count(*) FILTER (WHERE k = 'a') FROM agg;
SELECT k, count(v) FILTER (WHERE w > 15) FROM agg GROUP BY k ORDER BY k;
SELECT max(k) FROM agg HAVING count(*) > 3;
SELECT max(k) FROM agg HAVING count(*) > 30;
SELECT 1 AS one FROM agg HAVING max(v) > 0;
CREATE TABLE agg2 (k text, label text);
INSERT INTO agg2 VALUES ('a', 'alpha'), ('b', 'beta'), ('d', 'delta');
SELECT agg2.label, count(*), max(agg.v) FROM agg, agg2 WHERE agg.k = agg2.k GROUP BY agg2.label ORDER BY 1;
-- sums and averages (numeric and integer states)
CREATE TABLE aggn (g int, i int, b bigint, n numeric, f float8);
INSERT INTO aggn VALUES (1, 1, 10, 1.5, '0.5'), (1, 2, 20, 2.25, '1.5'), (2, 3, NULL, NULL, '2'), (2, NULL, 40, 4, NULL);
SELECT sum(i), sum(b), sum(n), avg(i), avg(b), avg(n) FROM aggn;
SELECT g, sum(i), avg(n), count(n) FROM aggn GROUP BY g ORDER BY g;
SELECT sum(i) FROM aggn WHERE false;
SELECT avg(n) FROM aggn WHERE g = 3;
DROP TABLE aggn;
-- errors
SELECT k, v FROM agg GROUP BY k;
SELECT v, count(*) FROM agg;
SELECT count(*) FROM agg WHERE count(*) > 1;
SELECT count(max(v)) FROM agg;
SELECT k FROM agg GROUP BY 3;
SELECT k, count(*) FROM agg GROUP BY k HAVING v > 1;
SELECT lower(*) FROM agg;
SELECT upper(DISTINCT k) FROM agg;
INSERT INTO agg VALUES (count(*));
DROP TABLE agg;
DROP TABLE agg2;

-- max/min of text keep their own copy of the state (it may point into a row)
CREATE TABLE agg_text (a int, b text);
INSERT INTO agg_text VALUES (1, 'new'), (2, 'new'), (3, 'old'), (4, NULL), (5, 'a');
SELECT count(*), min(b), max(b), min(a), max(a) FROM agg_text;
SELECT a % 2 AS k, min(b), max(b) FROM agg_text GROUP BY 1 ORDER BY 1;
DROP TABLE agg_text;
