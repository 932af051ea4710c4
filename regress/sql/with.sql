-- WITH queries (non-recursive): referenced once or several times, column
-- aliases, nesting, visibility rules, MATERIALIZED, and the errors.
CREATE TABLE w (k int, v int);
INSERT INTO w VALUES (1, 10), (2, 20), (3, 30), (3, 31);

WITH t AS (SELECT k, sum(v) AS total FROM w GROUP BY k) SELECT * FROM t ORDER BY k;
WITH t (key, amount) AS (SELECT k, v FROM w WHERE v > 15) SELECT key, amount FROM t ORDER BY amount;
WITH a AS (SELECT k FROM w), b AS (SELECT k * 2 AS k2 FROM a) SELECT k2 FROM b ORDER BY 1;
WITH t AS (SELECT DISTINCT k FROM w) SELECT x.k, y.k FROM t x JOIN t y ON x.k < y.k ORDER BY 1, 2;
WITH t AS MATERIALIZED (SELECT k FROM w WHERE k < 3) SELECT count(*) FROM t;
WITH t AS NOT MATERIALIZED (SELECT k FROM w WHERE k < 3) SELECT count(*) FROM t;
WITH t AS (SELECT 1 AS one) SELECT (SELECT one FROM t) + 1;
WITH t AS (SELECT k FROM w) SELECT * FROM w WHERE k IN (SELECT k FROM t WHERE k > 2) ORDER BY v;
WITH t AS (SELECT max(v) AS m FROM w) SELECT k FROM w, t WHERE v = m;
WITH outer_cte AS (SELECT 5 AS n) SELECT (WITH inner_cte AS (SELECT n + 1 AS m FROM outer_cte) SELECT m FROM inner_cte);
SELECT (WITH c AS (SELECT w2.v AS x) SELECT x FROM c) FROM w w2 ORDER BY 1;
WITH t AS (SELECT k FROM w) SELECT k FROM t UNION SELECT 100 ORDER BY 1;
WITH t AS (SELECT 1 AS x), t AS (SELECT 2 AS x) SELECT * FROM t;
WITH t (a, b, c) AS (SELECT k, v FROM w) SELECT * FROM t;
WITH t AS (SELECT k FROM w) SELECT missing FROM t;
WITH a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a;
WITH t AS (SELECT k FROM w) SELECT * FROM t AS renamed (kk) ORDER BY kk;
