-- DISTINCT and ORDER BY inside aggregate calls: results over many rows,
-- groups and NULLs, with FILTER, in plain, sorted and (never) hashed
-- aggregation, under HAVING, in EXPLAIN, in view definitions, and
-- PostgreSQL's errors.  ORDER BY keys are unique where the order of
-- the aggregated values shows (ties come out in the sort's order).
-- Ordered-set aggregates (WITHIN GROUP) are a different feature that
-- Tusk refuses with 0A000, so they are not tested here.
CREATE TABLE ad_t (i int, g int, a int, b text, x numeric);
INSERT INTO ad_t SELECT i, i % 5, i % 7, 'v' || (i % 11)::text, (i % 3) * 1.5
  FROM generate_series(1, 1000) i;
INSERT INTO ad_t VALUES (1001, NULL, NULL, NULL, NULL), (1002, 1, NULL, 'v1', NULL),
  (1003, 2, 3, NULL, 1.5), (1004, NULL, 4, 'w', 2), (1005, 3, NULL, NULL, NULL);
ANALYZE ad_t;

-- plain aggregation
SELECT count(DISTINCT a), count(DISTINCT b), count(DISTINCT x), count(*), count(a) FROM ad_t;
SELECT sum(DISTINCT a), sum(a), avg(DISTINCT x), sum(DISTINCT x), max(DISTINCT b) FROM ad_t;
SELECT count(DISTINCT a), count(DISTINCT a), count(a) FROM ad_t;
SELECT string_agg(DISTINCT b, ',' ORDER BY b) FROM ad_t;
SELECT string_agg(DISTINCT b, ',' ORDER BY b DESC) FROM ad_t;
SELECT string_agg(DISTINCT b, ',') FROM ad_t;
-- array_agg is not strict: a NULL input is kept, once
SELECT array_agg(DISTINCT a) FROM ad_t;
SELECT array_agg(DISTINCT a ORDER BY a DESC NULLS LAST) FROM ad_t;
SELECT array_agg(DISTINCT a ORDER BY a NULLS FIRST) FROM ad_t;
SELECT array_agg(DISTINCT a ORDER BY a DESC) FROM ad_t;
SELECT array_agg(DISTINCT b ORDER BY b) FILTER (WHERE a IS NULL OR b IS NULL) FROM ad_t;
SELECT array_agg(i ORDER BY i DESC) FILTER (WHERE i < 20) FROM ad_t;
SELECT array_agg(x ORDER BY i DESC NULLS LAST) FILTER (WHERE i > 995) FROM ad_t;
SELECT array_agg(a ORDER BY a NULLS FIRST, i DESC) FILTER (WHERE i > 990) FROM ad_t;
SELECT string_agg(b, ',' ORDER BY a, i) FILTER (WHERE i < 30) FROM ad_t;
SELECT string_agg(b, ',' ORDER BY b DESC, i) FILTER (WHERE i BETWEEN 100 AND 130) FROM ad_t;
SELECT string_agg(DISTINCT b, ',' ORDER BY b) FILTER (WHERE a = 3) FROM ad_t;
SELECT count(DISTINCT a) FILTER (WHERE i % 2 = 0), sum(DISTINCT i % 13) FILTER (WHERE g = 1)
  FROM ad_t;
-- expressions as arguments and sort keys, sort keys of other types
SELECT array_agg(DISTINCT a + 1 ORDER BY a + 1 DESC) FROM ad_t;
SELECT array_agg(DISTINCT a % 3 * 10) FROM ad_t;
SELECT array_agg(i ORDER BY x DESC, b, i) FILTER (WHERE i < 12) FROM ad_t;
SELECT array_agg(b ORDER BY -i) FILTER (WHERE i < 8) FROM ad_t;
SELECT string_agg(DISTINCT b::varchar, ',' ORDER BY b::varchar) FROM ad_t;
SELECT array_agg(i ORDER BY b::varchar, i) FILTER (WHERE i < 15) FROM ad_t;
SELECT array_agg(i ORDER BY 'foo', i) FILTER (WHERE i < 5) FROM ad_t;
SELECT array_agg(i ORDER BY i USING >) FILTER (WHERE i < 10),
       array_agg(DISTINCT a ORDER BY a USING <) FROM ad_t;
SELECT array_agg(i ORDER BY i, i DESC) FILTER (WHERE i < 6) FROM ad_t;
-- several arguments: DISTINCT compares all of them
SELECT string_agg(DISTINCT b, CASE WHEN a > 3 THEN '+' ELSE '-' END) FILTER (WHERE i < 40)
  FROM ad_t;
-- string_agg: text, varchar arguments, bytea, NULL delimiters
SELECT string_agg(DISTINCT b::varchar, ',' ORDER BY b::varchar DESC) FILTER (WHERE i < 30)
  FROM ad_t;
SELECT string_agg(b::bytea, '\x2c'::bytea ORDER BY i) FILTER (WHERE i < 5) FROM ad_t;
SELECT string_agg(DISTINCT b, NULL ORDER BY b) FILTER (WHERE i < 5) FROM ad_t;
-- a prepared statement: the parameter in FILTER, run twice
PREPARE ad_p(int) AS
  SELECT array_agg(DISTINCT a ORDER BY a) FILTER (WHERE i >= $1), count(DISTINCT b)
  FROM ad_t WHERE i > 990;
EXECUTE ad_p(999);
EXECUTE ad_p(0);
DEALLOCATE ad_p;
-- untyped literals are compared and sorted as text
SELECT count(DISTINCT 'foo'), count(DISTINCT NULL), string_agg(DISTINCT 'x', 'y' ORDER BY 'x')
  FROM ad_t;
-- no rows
SELECT count(DISTINCT a), array_agg(a ORDER BY a), string_agg(DISTINCT b, ',') FROM ad_t
  WHERE false;

-- grouped: GROUP BY never hashes an aggregate with DISTINCT or ORDER BY
EXPLAIN (COSTS OFF) SELECT g, count(*) FROM ad_t GROUP BY g;
EXPLAIN (COSTS OFF) SELECT g, count(DISTINCT a) FROM ad_t GROUP BY g;
EXPLAIN (COSTS OFF) SELECT g, array_agg(i ORDER BY i) FROM ad_t GROUP BY g;
EXPLAIN (COSTS OFF) SELECT count(DISTINCT a), string_agg(b, ',' ORDER BY i) FROM ad_t;
-- (on a table of just the columns read: Tusk's scan lists only those)
CREATE TABLE ad_s AS SELECT i, a, b FROM ad_t;
EXPLAIN (VERBOSE, COSTS OFF)
  SELECT array_agg(i ORDER BY a USING >, i NULLS FIRST),
         string_agg(DISTINCT b, ',' ORDER BY b DESC) FILTER (WHERE a > 2)
  FROM ad_s;
SELECT g, count(DISTINCT a), count(DISTINCT b), sum(DISTINCT x), count(*) FROM ad_t
  GROUP BY g ORDER BY g;
SELECT g, string_agg(DISTINCT b, ',' ORDER BY b) FROM ad_t GROUP BY g ORDER BY g;
SELECT g, array_agg(DISTINCT a ORDER BY a DESC NULLS LAST) FROM ad_t GROUP BY g ORDER BY g;
SELECT g, array_agg(i ORDER BY i DESC) FILTER (WHERE i > 985) FROM ad_t GROUP BY g ORDER BY g;
SELECT a, string_agg(b, ',' ORDER BY i) FILTER (WHERE i < 40), count(DISTINCT g)
  FROM ad_t GROUP BY a ORDER BY a;
SELECT g, a, count(DISTINCT b), array_agg(DISTINCT x) FROM ad_t
  WHERE i < 300 GROUP BY g, a ORDER BY g, a;
-- without sorts: still no hashing
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT g, count(DISTINCT a) FROM ad_t GROUP BY g;
SELECT g, count(DISTINCT a) FROM ad_t GROUP BY g ORDER BY g;
RESET enable_sort;
-- under HAVING (and only there)
SELECT g, count(*) FROM ad_t GROUP BY g HAVING count(DISTINCT a) > 6 ORDER BY g;
SELECT g FROM ad_t GROUP BY g
  HAVING string_agg(DISTINCT b, ',' ORDER BY b) LIKE '%w%' ORDER BY g;
SELECT a, count(DISTINCT b) FROM ad_t GROUP BY a
  HAVING array_agg(DISTINCT g ORDER BY g) = '{0,1,2,3,4}' ORDER BY a;
-- in a correlated subquery: the aggregation runs again per outer row
SELECT o.g, (SELECT string_agg(DISTINCT b, ',' ORDER BY b) FROM ad_t t
             WHERE t.g = o.g AND t.i < 40)
  FROM (VALUES (1), (2), (7)) o(g);
-- in a subquery in FROM and in the ORDER BY of the outer query
SELECT * FROM (SELECT g, count(DISTINCT a) AS n FROM ad_t GROUP BY g) s ORDER BY n DESC, g;
SELECT g FROM ad_t GROUP BY g ORDER BY count(DISTINCT b), g;

-- deparsed as PostgreSQL prints them
-- (several small views: Tusk does not TOAST a long pg_rewrite row yet)
CREATE VIEW ad_v AS
  SELECT g, string_agg(DISTINCT b, ',' ORDER BY b DESC) FILTER (WHERE a > 0) AS s,
         count(DISTINCT a) AS c, sum(DISTINCT x) AS sx
  FROM ad_t GROUP BY g;
SELECT pg_get_viewdef('ad_v'::regclass);
-- the pretty form, as psql's \d+ shows it (\d+ itself needs COLLATE, which
-- Tusk does not parse yet)
SELECT pg_get_viewdef('ad_v'::regclass, true);
SELECT * FROM ad_v ORDER BY g;
CREATE VIEW ad_v2 AS
  SELECT array_agg(i ORDER BY a USING >, b NULLS FIRST) AS a1,
         array_agg(b ORDER BY a USING <, i DESC) AS a2
  FROM ad_t WHERE i < 20;
SELECT pg_get_viewdef('ad_v2'::regclass);
SELECT * FROM ad_v2;
CREATE VIEW ad_v3 AS
  SELECT g, array_agg(DISTINCT b ORDER BY b USING >) AS a3,
         array_agg(DISTINCT a + 1 ORDER BY a + 1) AS a5, count(DISTINCT 'foo') AS c2
  FROM ad_t GROUP BY g;
SELECT pg_get_viewdef('ad_v3'::regclass);
SELECT * FROM ad_v3 ORDER BY g;
CREATE VIEW ad_v4 AS
  SELECT array_agg(a ORDER BY b NULLS FIRST, a DESC NULLS LAST) AS a4
  FROM ad_t WHERE i > 995;
SELECT pg_get_viewdef('ad_v4'::regclass);
SELECT * FROM ad_v4;

-- errors
SELECT string_agg(DISTINCT b, ',' ORDER BY a) FROM ad_t;
SELECT string_agg(DISTINCT b, ',' ORDER BY b || 'q') FROM ad_t;
SELECT array_agg(DISTINCT b::varchar ORDER BY b) FROM ad_t;
SELECT count(DISTINCT point(a, a)) FROM ad_t;
SELECT count(DISTINCT i::text::xid) FROM ad_t;
SELECT array_agg(a ORDER BY point(a, a)) FROM ad_t;
SELECT array_agg(a ORDER BY a USING <<) FROM ad_t;
SELECT array_agg(a ORDER BY a USING =) FROM ad_t;
SELECT array_agg(a ORDER BY a USING ~<~) FROM ad_t;
SELECT sum(a ORDER BY count(*)) FROM ad_t;
SELECT array_agg(a ORDER BY generate_series(1, 2)) FROM ad_t;
SELECT array_agg(a ORDER BY nosuchcolumn) FROM ad_t;
SELECT count(DISTINCT *) FROM ad_t;
SELECT lower(DISTINCT b) FROM ad_t;
SELECT lower(b ORDER BY b) FROM ad_t;
SELECT a FROM ad_t WHERE count(DISTINCT a) > 1;

DROP VIEW ad_v, ad_v2, ad_v3, ad_v4;
DROP TABLE ad_t, ad_s;
