--
-- LATERAL: subqueries and functions in FROM reading the columns of FROM
-- items to their left, run once per row of those (a nested loop passing
-- the row's columns as parameters).  PostgreSQL pulls simple subqueries
-- up into the join; Tusk does not, so plans are shown only where they
-- are the same.
--
CREATE TABLE lt_a (id int PRIMARY KEY, n int, arr int[]);
CREATE TABLE lt_b (k int, v text);
INSERT INTO lt_a VALUES (1, 2, '{1,2}'), (2, 0, '{}'), (3, 3, '{7,8,9}'), (4, NULL, NULL);
INSERT INTO lt_b SELECT g % 5, 'b' || g::text FROM generate_series(1, 20) g;
ANALYZE lt_a;
ANALYZE lt_b;

-- A function in FROM is implicitly LATERAL.
SELECT a.id, g FROM lt_a a, generate_series(1, a.n) g ORDER BY 1, 2;
SELECT a.id, g FROM lt_a a, LATERAL generate_series(1, a.n) AS g ORDER BY 1, 2;
SELECT a.id, u FROM lt_a a, unnest(a.arr) u ORDER BY 1, 2;
SELECT a.id, u, o FROM lt_a a, unnest(a.arr) WITH ORDINALITY AS t(u, o) ORDER BY 1, 3;
SELECT a.id, g FROM lt_a a CROSS JOIN generate_series(a.id, 3) g ORDER BY 1, 2;
SELECT a.id, g FROM lt_a a LEFT JOIN LATERAL generate_series(1, a.n) g ON true ORDER BY 1, 2;
SELECT a.id, g FROM lt_a a LEFT JOIN generate_series(1, a.n) g ON g > 1 ORDER BY 1, 2;
SELECT count(*) FROM lt_a a1, lt_a a2, generate_series(a1.n, a2.n) g;
EXPLAIN (COSTS OFF) SELECT a.id, g FROM lt_a a, generate_series(1, a.n) g;

-- Subqueries.
SELECT a.id, s.cnt FROM lt_a a, LATERAL (SELECT count(*) AS cnt FROM lt_b b WHERE b.k = a.id) s
  ORDER BY a.id;
-- (No EXPLAIN: PostgreSQL puts a Memoize above the subquery; Tusk has none.)
SELECT a.id, s.v FROM lt_a a,
  LATERAL (SELECT b.v FROM lt_b b WHERE b.k = a.id ORDER BY b.v DESC LIMIT 2) s
  ORDER BY a.id, s.v;
SELECT a.id, s.v FROM lt_a a JOIN LATERAL
  (SELECT b.v FROM lt_b b WHERE b.k = a.n ORDER BY b.v LIMIT 1) s ON s.v <> 'b2'
  ORDER BY a.id;
SELECT a.id, s.v FROM lt_a a LEFT JOIN LATERAL
  (SELECT b.v FROM lt_b b WHERE b.k = a.n ORDER BY b.v LIMIT 1) s ON true
  ORDER BY a.id;
SELECT a.id, s.m FROM lt_a a LEFT JOIN LATERAL
  (SELECT max(b.v) AS m FROM lt_b b WHERE b.k = a.id GROUP BY b.k) s ON true
  ORDER BY a.id;
-- Two levels: a lateral subquery reading two FROM items, and one
-- reading another lateral item.
SELECT a.id, x.s, y.t FROM lt_a a, LATERAL (SELECT a.id * 10 AS s) x,
  LATERAL (SELECT x.s + a.id AS t) y ORDER BY a.id;
SELECT a1.id, a2.id, s.z FROM lt_a a1, lt_a a2,
  LATERAL (SELECT a1.id * 10 + a2.id AS z) s WHERE a1.id < a2.id ORDER BY 1, 2;
-- A lateral reference inside a sublink of the subquery.
SELECT a.id, s.e FROM lt_a a,
  LATERAL (SELECT EXISTS (SELECT 1 FROM lt_b b WHERE b.k = a.n) AS e) s ORDER BY a.id;
-- Lateral subquery inside a subquery, reading an outer query's column too.
SELECT a.id, (SELECT sum(t.q) FROM lt_b b, LATERAL (SELECT b.k * a.id AS q) t WHERE b.k = 1)
  FROM lt_a a ORDER BY a.id;
-- VALUES reading the row, and a lateral subquery inside EXISTS.
SELECT a.id, v.x FROM lt_a a, LATERAL (VALUES (a.n), (a.id * 10)) v(x) ORDER BY 1, 2;
SELECT a.id FROM lt_a a WHERE EXISTS (SELECT 1 FROM LATERAL (SELECT a.n) s WHERE s.n > 2);
-- Joined further after the lateral item.
SELECT a.id, s.v, b2.v FROM lt_a a
  JOIN LATERAL (SELECT b.k, b.v FROM lt_b b WHERE b.k = a.n ORDER BY b.v LIMIT 1) s ON true
  JOIN lt_b b2 ON b2.k = s.k AND b2.v < s.v ORDER BY 1, 3;

-- Errors.
SELECT * FROM lt_a a, (SELECT a.id) s;
SELECT * FROM lt_a a, (SELECT id) s;
SELECT * FROM LATERAL (SELECT a.id) s, lt_a a;
SELECT * FROM generate_series(1, a.n), lt_a a;
SELECT * FROM lt_a a FULL JOIN LATERAL (SELECT a.id) s ON true;
SELECT * FROM lt_a a RIGHT JOIN LATERAL (SELECT n) s ON true;
SELECT * FROM lt_a a RIGHT JOIN generate_series(1, a.n) g ON true;

DROP TABLE lt_a, lt_b;
