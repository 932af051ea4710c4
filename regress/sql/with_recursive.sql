-- WITH RECURSIVE: recursive queries, their checks, and their plans.
-- Table names start with wr_ so they clash with no other test.

-- A series, and the sum of one.
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10)
SELECT * FROM t;
WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 100)
SELECT sum(n), count(*) FROM t;

-- Fibonacci; LIMIT on the outer query stops an endless recursion.
WITH RECURSIVE fib(a, b) AS (
    SELECT 0::numeric, 1::numeric
  UNION ALL
    SELECT b, a + b FROM fib
)
SELECT a FROM fib LIMIT 15;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t)
SELECT n FROM t WHERE n % 7 = 0 LIMIT 3;

-- UNION drops rows already returned, which ends this one.
WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT (n * 2) % 11 FROM t)
SELECT * FROM t ORDER BY n;
WITH RECURSIVE t(a, b) AS (SELECT 1, NULL::int UNION SELECT a, b FROM t)
SELECT * FROM t;

-- The non-recursive term's column types are the query's; an unknown
-- literal is text.
WITH RECURSIVE t(x) AS (SELECT 'a' UNION ALL SELECT x || 'b' FROM t WHERE length(x) < 4)
SELECT x, pg_typeof(x) FROM t;
WITH RECURSIVE t AS (SELECT 1 AS depth, 'x'::varchar AS s UNION ALL SELECT depth + 1, s FROM t WHERE depth < 3)
SELECT * FROM t;

-- A tree.
CREATE TABLE wr_tree (id int PRIMARY KEY, parent int, name text);
INSERT INTO wr_tree VALUES
  (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 2, 'a2'),
  (6, 3, 'b1'), (7, 6, 'b1x'), (8, NULL, 'other');
WITH RECURSIVE sub(id, name, depth) AS (
    SELECT id, name, 0 FROM wr_tree WHERE id = 1
  UNION ALL
    SELECT c.id, c.name, s.depth + 1 FROM wr_tree c JOIN sub s ON c.parent = s.id
)
SELECT * FROM sub ORDER BY depth, id;
-- The path from a node up to its root.
WITH RECURSIVE up(id, parent, path) AS (
    SELECT id, parent, name FROM wr_tree WHERE id = 7
  UNION ALL
    SELECT t.id, t.parent, t.name || '/' || u.path FROM wr_tree t, up u WHERE t.id = u.parent
)
SELECT path FROM up WHERE parent IS NULL;
-- Counting each node's descendants: the recursive query in a correlated
-- subquery, computed again for each outer row.
SELECT t.name,
       (WITH RECURSIVE d(id) AS (SELECT t.id UNION ALL SELECT c.id FROM wr_tree c, d WHERE c.parent = d.id)
        SELECT count(*) - 1 FROM d) AS descendants
FROM wr_tree t ORDER BY t.id;

-- A graph with a cycle: UNION stops at rows seen before.
CREATE TABLE wr_edge (src int, dst int);
INSERT INTO wr_edge VALUES (1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (6, 7);
WITH RECURSIVE reach(node) AS (
    SELECT 1
  UNION
    SELECT e.dst FROM wr_edge e JOIN reach r ON e.src = r.node
)
SELECT node FROM reach ORDER BY node;
-- With a depth, UNION ALL needs a bound.
WITH RECURSIVE walk(node, depth) AS (
    SELECT 1, 0
  UNION ALL
    SELECT e.dst, w.depth + 1 FROM wr_edge e JOIN walk w ON e.src = w.node WHERE w.depth < 6
)
SELECT depth, count(*) FROM walk GROUP BY depth ORDER BY depth;
-- A recursive query read twice, and WITH items referring to each other
-- in any order.
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3)
SELECT a.n, b.n FROM t a, t b WHERE a.n <= b.n ORDER BY 1, 2;
WITH RECURSIVE
  y AS (SELECT n * 10 AS m FROM x),
  x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x WHERE n < 4)
SELECT * FROM y;
WITH RECURSIVE
  a(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM a WHERE n < 3),
  b(n) AS (SELECT n FROM a UNION ALL SELECT n * 2 FROM b WHERE n < 10)
SELECT * FROM b ORDER BY n;
-- An inner WITH of the same name hides the recursive one.
WITH RECURSIVE t(n) AS (
    SELECT 1
  UNION ALL
    SELECT n + 1 FROM t WHERE n < (WITH t AS (SELECT 3 AS n) SELECT n FROM t)
)
SELECT * FROM t;
-- Non-recursive items of a WITH RECURSIVE are ordinary.
WITH RECURSIVE q AS (SELECT 42 AS v) SELECT * FROM q;

-- In INSERT, and in a subquery in FROM.
CREATE TABLE wr_nums (n int);
INSERT INTO wr_nums WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT n FROM t;
SELECT * FROM wr_nums;
SELECT s.total FROM (WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 4) SELECT sum(n) AS total FROM t) s;

-- Errors.
WITH RECURSIVE t(n) AS (SELECT 1 INTERSECT SELECT n + 1 FROM t) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT n FROM t) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT n FROM t UNION ALL SELECT 1) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n FROM t, t AS t2) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT (SELECT n FROM t)) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT 1 WHERE EXISTS (SELECT 1 FROM t)) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n FROM wr_nums LEFT JOIN t ON true) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n FROM t RIGHT JOIN wr_nums ON true) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n FROM t FULL JOIN wr_nums ON true) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (SELECT n FROM wr_nums EXCEPT SELECT n FROM t)) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (SELECT n FROM t INTERSECT ALL SELECT n FROM wr_nums)) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t ORDER BY 1) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t LIMIT 10) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t OFFSET 1) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1::bigint FROM t WHERE n < 3) SELECT * FROM t;
WITH RECURSIVE t(a, b) AS (SELECT 1 UNION ALL SELECT a + 1 FROM t WHERE a < 3) SELECT * FROM t;
WITH RECURSIVE
  a AS (SELECT * FROM b),
  b AS (SELECT * FROM a)
SELECT * FROM a;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3), t(m) AS (SELECT 2) SELECT * FROM t;
WITH RECURSIVE t(n) AS (INSERT INTO wr_nums SELECT n FROM t RETURNING n) SELECT * FROM t;
-- Without RECURSIVE, a query cannot name itself.
WITH t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT * FROM t;

-- Plans.
EXPLAIN (COSTS OFF)
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT * FROM t;
EXPLAIN (COSTS OFF)
WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n + 1 FROM t WHERE n < 5) SELECT * FROM t WHERE n > 2;
EXPLAIN (COSTS OFF)
WITH RECURSIVE sub(id, depth) AS (
    SELECT id, 0 FROM wr_tree WHERE parent IS NULL
  UNION ALL
    SELECT c.id, s.depth + 1 FROM sub s, wr_tree c WHERE c.parent = s.id
)
SELECT * FROM sub;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT * FROM t;

DROP TABLE wr_tree, wr_edge, wr_nums;
