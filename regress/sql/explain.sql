-- EXPLAIN: plan shapes, detail lines, options and their errors.
--
-- Costs depend on statistics and size estimates that Tusk does not have
-- yet (PostgreSQL assumes 10 pages for a small never-vacuumed table and
-- estimates an int column 4 bytes wide), so plans are shown with COSTS
-- OFF.  Tusk has no hash or merge joins or hashed aggregation: PostgreSQL
-- is told not to use them either.  Queries whose plan is still shaped
-- differently in Tusk are kept in comments, with the reason.
SET enable_hashjoin = off;
SET enable_hashagg = off;
SET enable_mergejoin = off;
CREATE TABLE ex1 (a int, b text, c numeric);
CREATE TABLE ex2 (x int, y int);
INSERT INTO ex1 VALUES (1, 'one', 1.5), (2, 'two', 2.5), (3, NULL, NULL);
INSERT INTO ex2 VALUES (1, 10), (2, 20), (2, 21), (4, 40);

-- scans and filters; constants print with PostgreSQL's casts
EXPLAIN (COSTS OFF) SELECT * FROM ex1;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 e WHERE a > 1;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE a > -1 AND c > 1.5;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE c < -2.5 OR b = 'x';
EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE (a > 1) IS TRUE;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE a IS DISTINCT FROM 2;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE coalesce(a, 0) + 1 > 2 * a;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE nullif(a, 1) IS NOT NULL;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE CASE WHEN a > 1 THEN b ELSE 'z' END = 'two';
EXPLAIN (COSTS OFF) SELECT 1;
EXPLAIN (COSTS OFF) VALUES (1, 'a'), (2, 'b');
-- PostgreSQL simplifies NOT (a <> 2) to (a = 2); Tusk prints the NOT:
--   EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE b IS NULL OR NOT (a <> 2);
--   EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE b IS NULL OR NOT a < 2;
-- PostgreSQL evaluates the cheaper condition first (order_qual_clauses);
-- Tusk keeps the written order:
--   EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE b::int > 0 AND a::bigint < '5';
--   EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE length(b) = 3 AND upper(b) LIKE 'T%';
-- a VALUES list in FROM: its Subquery Scan only passes the rows on, so
-- setrefs removes it (PostgreSQL never makes one)
EXPLAIN (COSTS OFF) SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s);

-- a constant-false WHERE: a Result with a One-Time Filter, no scan
EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE false;

-- joins
EXPLAIN (COSTS OFF) SELECT * FROM ex1, ex2 WHERE a = x;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 e1, ex1 e2 WHERE e1.a < e2.a;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 e1, ex1 WHERE e1.a = ex1.a;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 JOIN ex2 ON a = x AND y > 15;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 LEFT JOIN ex2 ON a = x;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 LEFT JOIN ex2 ON a = x WHERE y IS NULL;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 CROSS JOIN ex2;

-- sorting, grouping, DISTINCT, LIMIT
EXPLAIN (COSTS OFF) SELECT * FROM ex1 ORDER BY a;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 ORDER BY a DESC, b NULLS FIRST;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 ORDER BY a DESC NULLS LAST, c DESC NULLS FIRST;
EXPLAIN (COSTS OFF) SELECT a + 1 FROM ex1 ORDER BY 1;
EXPLAIN (COSTS OFF) SELECT count(*) FROM ex1;
EXPLAIN (COSTS OFF) SELECT count(*), sum(a) FILTER (WHERE a > 1) FROM ex1 HAVING count(*) > 1;
EXPLAIN (COSTS OFF) SELECT b, count(*) FROM ex1 GROUP BY b;
EXPLAIN (COSTS OFF) SELECT DISTINCT b FROM ex1;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 LIMIT 2;
EXPLAIN (COSTS OFF) SELECT * FROM ex1 ORDER BY a LIMIT 2 OFFSET 1;
-- PostgreSQL needs no second Sort for ORDER BY on the GROUP BY key; Tusk
-- sorts the groups again:
--   EXPLAIN (COSTS OFF) SELECT b, max(a) FROM ex1 GROUP BY b HAVING max(a) > 1 ORDER BY b;

-- set operations: an operand's Subquery Scan that only passes its rows
-- on is removed, as in PostgreSQL
EXPLAIN (COSTS OFF) SELECT a FROM ex1 UNION ALL SELECT x FROM ex2;
EXPLAIN (COSTS OFF) SELECT a FROM ex1 UNION SELECT x FROM ex2;
-- PostgreSQL puts no Result above INTERSECT/EXCEPT (whose operands keep
-- their Subquery Scans, which add the flag column); Tusk does:
--   EXPLAIN (COSTS OFF) SELECT a FROM ex1 INTERSECT SELECT x FROM ex2;
--   EXPLAIN (COSTS OFF) SELECT a FROM ex1 EXCEPT ALL SELECT x FROM ex2;

-- subqueries
EXPLAIN (COSTS OFF) SELECT a, (SELECT max(y) FROM ex2 WHERE x = a) FROM ex1;
EXPLAIN (COSTS OFF) SELECT * FROM (SELECT a, b FROM ex1 ORDER BY a LIMIT 2) s WHERE s.b <> 'x';
-- PostgreSQL turns EXISTS into a join; Tusk runs it as a SubPlan:
--   EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE EXISTS (SELECT 1 FROM ex2 WHERE x = a);
-- An uncorrelated subquery is an InitPlan in PostgreSQL ("InitPlan 1
-- (returns $0)", referenced as $0); Tusk prints it as "SubPlan 1":
--   EXPLAIN (COSTS OFF) SELECT * FROM ex1 WHERE a = (SELECT max(x) FROM ex2);

-- INSERT, UPDATE, DELETE
EXPLAIN (COSTS OFF) INSERT INTO ex1 VALUES (4, 'four', 4);
EXPLAIN (COSTS OFF) UPDATE ex1 SET a = a + 1 WHERE b IS NULL;
EXPLAIN (COSTS OFF) DELETE FROM ex1 WHERE a = 3;

-- VERBOSE: output columns, qualified names
EXPLAIN (VERBOSE, COSTS OFF) SELECT ex1.a, ex2.y FROM ex1 JOIN ex2 ON a = x;
EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM ex1 e1, ex1 e2 WHERE e1.a = e2.a;
EXPLAIN (VERBOSE, COSTS OFF) SELECT a::text, (a + 1)::numeric, c::int, b || '!' FROM ex1;
EXPLAIN (VERBOSE, COSTS OFF) DELETE FROM ex1 WHERE a = 1;
-- the cast of a constant is folded (c > '0'::numeric)
EXPLAIN (VERBOSE, COSTS OFF) SELECT a * 2, b || '!' FROM ex1 WHERE c > 0;
-- PostgreSQL's Sort below a GroupAggregate outputs each column once, and
-- an UPDATE's scan outputs only the new values and ctid; Tusk's more:
--   EXPLAIN (VERBOSE, COSTS OFF) SELECT b, count(*), sum(a) FROM ex1 GROUP BY b ORDER BY b;
--   EXPLAIN (VERBOSE, COSTS OFF) UPDATE ex1 SET b = 'z' WHERE a = 1;
-- A scan below an Agg outputs all of the table's columns in PostgreSQL
-- (a physical target list); only those needed in Tusk:
--   EXPLAIN (VERBOSE, COSTS OFF) SELECT count(*), sum(a) FROM ex1 WHERE b IS NOT NULL;

-- ANALYZE runs the statement: rows and loops per node
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM ex1 WHERE a > 1;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM ex1, ex2 WHERE a = x;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT count(*) FROM ex2 WHERE y > 15;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM ex2 LIMIT 1;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
  SELECT a, (SELECT max(y) FROM ex2 WHERE x = a) FROM ex1;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
  SELECT * FROM ex1 LEFT JOIN ex2 ON a = x WHERE y IS NULL;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM ex1 JOIN ex2 ON a = x AND y > 20;
BEGIN;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) INSERT INTO ex1 VALUES (9, 'nine', 9);
SELECT count(*) FROM ex1;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) DELETE FROM ex1 WHERE a = 9;
SELECT count(*) FROM ex1;
ROLLBACK;
-- (A Sort under ANALYZE prints "Sort Method: quicksort  Memory: 25kB" in
-- PostgreSQL; Tusk's sort does not report its method and memory.)

-- JSON
EXPLAIN (FORMAT JSON, COSTS OFF) SELECT * FROM ex1 WHERE a = 1;
EXPLAIN (FORMAT JSON, COSTS OFF, VERBOSE) SELECT x + 1 FROM ex2 WHERE y > 1;
EXPLAIN (FORMAT JSON, COSTS OFF) SELECT b, count(*) FROM ex1 GROUP BY b;
EXPLAIN (FORMAT JSON, COSTS OFF, ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM ex1, ex2 WHERE a = x;

-- old syntax and option spellings
EXPLAIN (COSTS false, VERBOSE on) SELECT 1;
EXPLAIN (COSTS 0, FORMAT text) SELECT 1;
EXPLAIN (COSTS OFF, BUFFERS) SELECT 1;
EXPLAIN (COSTS OFF, SUMMARY OFF) SELECT 1;

-- errors
EXPLAIN (NOSUCH) SELECT 1;
EXPLAIN (FORMAT) SELECT 1;
EXPLAIN (FORMAT nosuch) SELECT 1;
EXPLAIN (ANALYZE 'maybe') SELECT 1;
EXPLAIN (COSTS 2) SELECT 1;
EXPLAIN (TIMING) SELECT 1;
EXPLAIN (WAL) SELECT 1;
EXPLAIN SELECT * FROM nosuch;
EXPLAIN SELECT nosuch FROM ex1;

DROP TABLE ex1, ex2;
