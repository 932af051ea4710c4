-- Subqueries in FROM and views: simple ones are pulled up into the query
-- (planned as their tables, indexes included); the conditions of WHERE
-- are pushed down into those that stay (grouping, set operations, window
-- functions, DISTINCT), unless that would change the result.
CREATE TABLE sp_t (id int PRIMARY KEY, grp int NOT NULL, val text);
CREATE TABLE sp_u (id int PRIMARY KEY, t_id int, amount int);
INSERT INTO sp_t SELECT g, g % 10, 'v' || g FROM generate_series(1, 1000) g;
INSERT INTO sp_u SELECT g, (g * 7) % 1000 + 1, g % 13 FROM generate_series(1, 2000) g;
CREATE INDEX sp_u_t_id ON sp_u (t_id);
ANALYZE sp_t;
ANALYZE sp_u;
CREATE VIEW sp_v AS SELECT id, grp, val FROM sp_t WHERE grp > 2;
CREATE VIEW sp_vv AS SELECT id, val, grp + 1 AS grp1 FROM sp_v WHERE val <> 'v13';
CREATE VIEW sp_j AS
  SELECT t.id, t.val, u.id AS u_id, u.amount FROM sp_t t JOIN sp_u u ON u.t_id = t.id;

-- A view over an indexed table is the table: an index scan, the view's
-- WHERE a filter.
EXPLAIN (COSTS OFF) SELECT * FROM sp_v WHERE id = 5;
SELECT * FROM sp_v WHERE id = 5;
SELECT * FROM sp_v WHERE id = 2;
-- A view over a view, with an expression column.
EXPLAIN (COSTS OFF) SELECT * FROM sp_vv WHERE id = 14;
SELECT * FROM sp_vv WHERE id IN (13, 14, 15) ORDER BY id;
EXPLAIN (COSTS OFF) SELECT id, grp1 * 2 FROM sp_vv WHERE grp1 = 5 AND id = 994;
SELECT id, grp1 * 2 FROM sp_vv WHERE grp1 = 5 AND id IN (994, 995) ORDER BY id;
-- A subquery in FROM, its columns expressions.
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT id, val, grp * 2 AS g2 FROM sp_t) s WHERE s.id = 10;
SELECT * FROM (SELECT id, val, grp * 2 AS g2 FROM sp_t) s WHERE s.id = 10;
EXPLAIN (COSTS OFF) SELECT s.val FROM (SELECT * FROM sp_t) s WHERE s.id = 7;
-- The same name inside and outside.
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT * FROM sp_t WHERE grp = 4) sp_t WHERE id = 4;
-- A join view, and a view joined.
EXPLAIN (COSTS OFF) SELECT * FROM sp_j WHERE u_id = 3;
SELECT * FROM sp_j WHERE u_id = 3;
EXPLAIN (COSTS OFF) SELECT v.id, u.amount FROM sp_u u JOIN sp_v v ON v.id = u.t_id WHERE u.id = 5;
SELECT v.id, u.amount FROM sp_u u JOIN sp_v v ON v.id = u.t_id WHERE u.id IN (5, 6, 7) ORDER BY 1;
-- Under an outer join's nullable side: a column that is a Var (or a
-- strict expression of one) goes NULL with its row.
EXPLAIN (COSTS OFF)
SELECT u.id, v.val FROM sp_u u LEFT JOIN sp_v v ON v.id = u.t_id WHERE u.id = 2;
SELECT u.id, u.t_id, v.val FROM sp_u u LEFT JOIN sp_v v ON v.id = u.t_id WHERE u.id < 4 ORDER BY 1;
SELECT u.id, s.g FROM sp_u u LEFT JOIN (SELECT id, grp + 100 AS g FROM sp_t WHERE grp < 5) s
  ON s.id = u.t_id WHERE u.id < 6 ORDER BY 1;
-- A column that would not go NULL (a constant, COALESCE): the subquery
-- stays, and still null-extends.
SELECT u.id, s.one, s.c FROM sp_u u
  LEFT JOIN (SELECT id, 1 AS one, coalesce(val, 'none') AS c FROM sp_t WHERE grp < 5) s
  ON s.id = u.t_id WHERE u.id < 6 ORDER BY 1;
-- Referenced from a sublink, and with a sublink of its own.
SELECT u.id, (SELECT s.val FROM (SELECT id, val FROM sp_v) s WHERE s.id = u.t_id) FROM sp_u u
  WHERE u.id < 4 ORDER BY 1;
SELECT * FROM (SELECT * FROM sp_t WHERE id IN (SELECT t_id FROM sp_u WHERE id < 3)) s
  WHERE s.grp > 0 ORDER BY id;
-- An inlined WITH query is pulled up too.
EXPLAIN (COSTS OFF) WITH c AS (SELECT * FROM sp_t WHERE grp = 1) SELECT * FROM c WHERE id = 11;
WITH c AS (SELECT * FROM sp_t WHERE grp = 1) SELECT * FROM c WHERE id = 11;

-- Subqueries that stay.  A volatile output: the condition on another
-- column still goes down.
EXPLAIN (COSTS OFF) SELECT id, val FROM (SELECT id, val, random() AS r FROM sp_t) s WHERE id = 3;
-- LIMIT: nothing goes down.
EXPLAIN (COSTS OFF)
SELECT * FROM (SELECT * FROM sp_t ORDER BY id LIMIT 10) s WHERE s.grp = 3;
SELECT * FROM (SELECT * FROM sp_t ORDER BY id LIMIT 10) s WHERE s.grp = 3;
-- Grouping: a condition on a grouping column goes to WHERE, one on an
-- aggregate to HAVING.
EXPLAIN (COSTS OFF)
SELECT * FROM (SELECT grp, count(*) AS n FROM sp_t GROUP BY grp) s WHERE s.grp < 3 AND s.n > 5;
SELECT * FROM (SELECT grp, count(*) AS n FROM sp_t GROUP BY grp) s
  WHERE s.grp < 3 AND s.n > 5 ORDER BY grp;
EXPLAIN (COSTS OFF) SELECT grp, max(id) FROM sp_t GROUP BY grp HAVING grp > 7;
SELECT grp, max(id) FROM sp_t GROUP BY grp HAVING grp > 7 ORDER BY grp;
SELECT count(*) FROM sp_t HAVING 1 < 2;
-- UNION ALL and UNION: into each operand.
EXPLAIN (COSTS OFF)
SELECT * FROM (SELECT id, val FROM sp_t UNION ALL SELECT id, 'u' || amount FROM sp_u) s
  WHERE s.id = 3;
SELECT * FROM (SELECT id, val FROM sp_t UNION ALL SELECT id, 'u' || amount FROM sp_u) s
  WHERE s.id = 3 ORDER BY 2;
SELECT * FROM (SELECT grp FROM sp_t UNION SELECT amount FROM sp_u) s WHERE s.grp > 8 ORDER BY 1;
-- An operand the condition empties is left out; one operand left is the
-- plan, none left a Result with a false One-Time Filter.
EXPLAIN (COSTS OFF)
SELECT * FROM (SELECT id, val FROM sp_t UNION ALL SELECT 0, 'z') s WHERE s.id = 3;
SELECT * FROM (SELECT id, val FROM sp_t UNION ALL SELECT 0, 'z') s WHERE s.id = 3;
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT 1 AS id UNION ALL SELECT 0) s WHERE s.id = 3;
SELECT * FROM (SELECT 1 AS id UNION ALL SELECT 0) s WHERE s.id = 3;
SELECT * FROM (SELECT 1 AS id UNION ALL SELECT 0 UNION ALL SELECT 1) s WHERE s.id = 1;
-- EXCEPT: not into its operands.
SELECT * FROM (SELECT grp FROM sp_t EXCEPT SELECT amount FROM sp_u WHERE amount < 5) s
  WHERE s.grp > 3 ORDER BY 1;
-- Window functions: only a condition on a PARTITION BY column goes down.
EXPLAIN (COSTS OFF)
SELECT * FROM (SELECT grp, id, row_number() OVER (PARTITION BY grp ORDER BY id) AS rn FROM sp_t) s
  WHERE s.grp < 2 AND s.id > 900;
SELECT * FROM (SELECT grp, id, row_number() OVER (PARTITION BY grp ORDER BY id) AS rn FROM sp_t) s
  WHERE s.grp = 2 AND s.rn < 3;
SELECT * FROM (SELECT grp, id, row_number() OVER (ORDER BY id) AS rn FROM sp_t) s
  WHERE s.grp = 2 AND s.rn < 30 ORDER BY id;
-- DISTINCT ON: a condition on a column outside the DISTINCT ON list stays.
EXPLAIN (COSTS OFF)
SELECT * FROM (SELECT DISTINCT ON (grp) grp, id FROM sp_t ORDER BY grp, id DESC) s
  WHERE s.id < 995;
SELECT * FROM (SELECT DISTINCT ON (grp) grp, id FROM sp_t ORDER BY grp, id DESC) s
  WHERE s.id < 995 ORDER BY grp;
EXPLAIN (COSTS OFF)
SELECT * FROM (SELECT DISTINCT ON (grp) grp, id FROM sp_t ORDER BY grp, id DESC) s
  WHERE s.grp < 3;
SELECT * FROM (SELECT DISTINCT ON (grp) grp, id FROM sp_t ORDER BY grp, id DESC) s
  WHERE s.grp < 3;
-- A volatile condition stays above DISTINCT (it would run per input
-- row), and one without the subquery's columns too.
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT DISTINCT grp FROM sp_t) s WHERE s.grp + random() > 8;
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT DISTINCT grp, val FROM sp_t) s
  WHERE s.grp = 3 AND random() < 2;
-- A set-returning output: a condition on it stays.
EXPLAIN (COSTS OFF)
SELECT * FROM (SELECT grp, generate_series(1, 2) AS n FROM sp_t) s WHERE s.grp = 3 AND s.n = 1;
SELECT count(*) FROM (SELECT grp, generate_series(1, 2) AS n FROM sp_t) s
  WHERE s.grp = 3 AND s.n = 1;
-- Operands whose types are the operation's.
EXPLAIN (COSTS OFF)
SELECT * FROM (SELECT grp::int8 AS g FROM sp_t UNION ALL SELECT id::int8 FROM sp_u) s WHERE g = 5;
-- A grouped subquery semi-joined.
EXPLAIN (COSTS OFF)
SELECT * FROM (SELECT grp, count(*) FROM sp_t GROUP BY grp) s
  WHERE s.grp IN (SELECT amount FROM sp_u WHERE id < 5);
SELECT * FROM (SELECT grp, count(*) FROM sp_t GROUP BY grp) s
  WHERE s.grp IN (SELECT amount FROM sp_u WHERE id < 5) ORDER BY grp;
-- Subqueries with nothing to scan, VALUES, INSERT … SELECT, FULL JOIN.
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT 1 AS x) s;
EXPLAIN (COSTS OFF) SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s);
EXPLAIN (COSTS OFF) INSERT INTO sp_u SELECT id + 5000, id, grp FROM sp_t WHERE id < 3;
INSERT INTO sp_u SELECT id + 5000, id, grp FROM sp_t WHERE id < 3;
SELECT * FROM sp_u WHERE id > 5000 ORDER BY id;
SELECT count(*), count(a.id), count(b.id)
  FROM (SELECT * FROM sp_t WHERE grp = 1) a FULL JOIN (SELECT * FROM sp_u WHERE amount = 2) b
  ON a.id = b.t_id;

-- Outputs that are not NULL for NULL input (a row constructor, a row
-- comparison, a window function) stay below a nullable side: unmatched rows
-- read NULL, not "()"; and a strict SQL function comparing rows is not
-- inlined into a non-NULL result.
SELECT t.id, s.r, s.r IS NULL AS r_null, s.cmp
  FROM sp_t t LEFT JOIN (SELECT id, ROW(grp) AS r, ROW(id, grp) < ROW(0, 0) AS cmp
                           FROM sp_t WHERE id = 1) s ON t.id = s.id
 WHERE t.id < 4 ORDER BY t.id;
SELECT t.id, s.n
  FROM sp_t t LEFT JOIN (SELECT id, count(*) OVER () AS n FROM sp_t WHERE id = 2) s
       ON t.id = s.id
 WHERE t.id < 4 ORDER BY t.id;
CREATE FUNCTION sp_rowcmp(int) RETURNS boolean STRICT LANGUAGE sql
  AS 'SELECT ROW(1, $1) < ROW(2, 2)';
SELECT sp_rowcmp(NULL) IS NULL AS strict_null, sp_rowcmp(5) AS five;
DROP FUNCTION sp_rowcmp(int);

DROP VIEW sp_j, sp_vv, sp_v;
DROP TABLE sp_t, sp_u;
