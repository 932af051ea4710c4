--
-- CREATE [OR REPLACE] VIEW, querying views, DROP VIEW
--
CREATE TABLE cv_t (a int, b text, c numeric(10,2));
INSERT INTO cv_t VALUES (1, 'one', 1.5), (2, 'two', 2.5), (3, 'three', 3.5);
CREATE TABLE cv_u (a int, d date);
INSERT INTO cv_u VALUES (1, '2020-01-01'), (3, '2021-06-30');

-- definitions
CREATE VIEW cv_v1 AS SELECT a, b FROM cv_t WHERE a > 1;
CREATE VIEW cv_v2 (x, y) AS SELECT a, c * 2 FROM cv_t;
CREATE VIEW cv_v3 AS SELECT 'lit' AS l, 42 AS n, NULL::int AS z;
CREATE VIEW cv_vj AS SELECT t.a, t.b, u.d FROM cv_t t JOIN cv_u u ON t.a = u.a;
CREATE VIEW cv_vv AS SELECT a, upper(b) AS ub FROM cv_v1;
CREATE VIEW cv_vagg AS SELECT count(*) AS n, sum(c) AS s FROM cv_t;
SELECT relname, relkind, relnatts, relhasrules, relpersistence, relam = 0 AS noam,
       relfilenode = 0 AS nofile
  FROM pg_class WHERE relname LIKE 'cv\_v%' ORDER BY relname;
SELECT attname, atttypid::regtype, atttypmod, attnum FROM pg_attribute
  WHERE attrelid = 'cv_v2'::regclass ORDER BY attnum;
SELECT attname, atttypid::regtype FROM pg_attribute
  WHERE attrelid = 'cv_v3'::regclass ORDER BY attnum;
SELECT rulename, ev_class::regclass, ev_type, ev_enabled, is_instead, ev_qual
  FROM pg_rewrite WHERE ev_class = 'cv_v1'::regclass;
SELECT typname, typtype, typrelid = 'cv_v1'::regclass AS ok FROM pg_type WHERE typname = 'cv_v1';

-- errors
CREATE VIEW cv_v1 AS SELECT 1;
CREATE VIEW cv_bad (p, q, r) AS SELECT a, b FROM cv_t;
CREATE VIEW cv_bad AS SELECT a, b AS a FROM cv_t;
CREATE VIEW cv_bad AS SELECT nope FROM cv_t;
CREATE VIEW cv_bad AS SELECT * FROM cv_missing;
CREATE VIEW cv_bad AS SELECT 1 INTO cv_x;
CREATE UNLOGGED VIEW cv_bad AS SELECT 1;

-- querying
SELECT * FROM cv_v1 ORDER BY a;
SELECT x, y FROM cv_v2 ORDER BY x;
SELECT * FROM cv_v3;
SELECT * FROM cv_vj ORDER BY a;
SELECT * FROM cv_vv ORDER BY a;
SELECT * FROM cv_vagg;
SELECT v.b, u.d FROM cv_v1 v LEFT JOIN cv_u u USING (a) ORDER BY v.a;
SELECT a FROM cv_t WHERE a IN (SELECT a FROM cv_v1) ORDER BY a;
SELECT (SELECT count(*) FROM cv_vv) AS n;
SELECT * FROM (SELECT ub FROM cv_vv WHERE a = 3) s;
WITH w AS (SELECT * FROM cv_v1) SELECT count(*) FROM w;
SELECT v.* FROM cv_v2 v WHERE v.x = 2;
SELECT count(*) FROM cv_v1 a, cv_v1 b;
INSERT INTO cv_t VALUES (4, 'four', 4.5);
SELECT * FROM cv_v1 ORDER BY a;
SELECT nope FROM cv_v1;

-- a prepared statement re-plans after the view is replaced
PREPARE cv_p AS SELECT * FROM cv_v1 ORDER BY a;
EXECUTE cv_p;
CREATE OR REPLACE VIEW cv_v1 AS SELECT a, b FROM cv_t WHERE a < 3;
EXECUTE cv_p;
DEALLOCATE cv_p;

-- OR REPLACE rules
CREATE OR REPLACE VIEW cv_v1 AS SELECT a, b, c FROM cv_t WHERE a < 3;
SELECT * FROM cv_v1 ORDER BY a;
CREATE OR REPLACE VIEW cv_v1 AS SELECT a, b FROM cv_t;
CREATE OR REPLACE VIEW cv_v1 AS SELECT a, b AS bb, c FROM cv_t;
CREATE OR REPLACE VIEW cv_v1 AS SELECT a, b::varchar AS b, c FROM cv_t;
CREATE OR REPLACE VIEW cv_v1 AS SELECT a::bigint AS a, b, c FROM cv_t;
CREATE OR REPLACE VIEW cv_t AS SELECT 1 AS a;
CREATE OR REPLACE VIEW cv_new AS SELECT 1 AS one;
SELECT * FROM cv_new;

-- what a view cannot do
SELECT ctid FROM cv_v1;
VACUUM cv_v1;
ANALYZE cv_v1;
TRUNCATE cv_v1;
COPY cv_v1 TO STDOUT;
COPY (SELECT * FROM cv_v1 ORDER BY a) TO STDOUT;
CREATE INDEX ON cv_v1 (a);
COMMENT ON VIEW cv_v1 IS 'a view';
SELECT description FROM pg_description WHERE objoid = 'cv_v1'::regclass;

-- INSERT/UPDATE/DELETE on views
INSERT INTO cv_vagg VALUES (1, 2);
UPDATE cv_vj SET b = 'x';
DELETE FROM cv_vagg;

-- DROP and dependencies
DROP TABLE cv_t;
DROP TABLE cv_u;
DROP VIEW cv_v1;
DROP VIEW cv_t;
DROP TABLE cv_vagg;
DROP VIEW IF EXISTS cv_nope, cv_new;
DROP VIEW cv_nope;
DROP VIEW cv_vagg, cv_v3;
SELECT relname FROM pg_class WHERE relname LIKE 'cv\_v%' ORDER BY relname;
DROP TABLE cv_t CASCADE;
SELECT relname FROM pg_class WHERE relname LIKE 'cv\_%' ORDER BY relname;
SELECT count(*) FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
  WHERE c.relname LIKE 'cv\_%';
DROP VIEW cv_vj;
DROP TABLE cv_u;

-- transactions: a view created in an aborted transaction is gone
BEGIN;
CREATE TABLE cv_r (a int);
CREATE VIEW cv_rv AS SELECT a FROM cv_r;
SELECT * FROM cv_rv;
ROLLBACK;
SELECT * FROM cv_rv;

-- a view whose definition loops
CREATE TABLE cv_l (a int);
CREATE VIEW cv_l1 AS SELECT a FROM cv_l;
CREATE VIEW cv_l2 AS SELECT a FROM cv_l1;
CREATE OR REPLACE VIEW cv_l1 AS SELECT a FROM cv_l2;
SELECT * FROM cv_l1;
DROP TABLE cv_l CASCADE;
DROP VIEW cv_l1 CASCADE;

-- pg_get_viewdef
CREATE TABLE cv_g (a int, b text, c numeric);
CREATE VIEW cv_g1 AS SELECT a, b AS bb, a + 1 AS a1 FROM cv_g WHERE a > 1 AND b <> 'x';
CREATE VIEW cv_g2 AS SELECT DISTINCT b, count(*) FROM cv_g t GROUP BY b HAVING count(*) > 1
  ORDER BY b DESC LIMIT 5 OFFSET 1;
CREATE VIEW cv_g3 AS SELECT 1 AS one, 'x'::text AS x, 'y' AS y;
CREATE VIEW cv_g4 AS SELECT t.a, u.b FROM cv_g t, cv_g u WHERE t.a = u.a ORDER BY 1, u.b NULLS FIRST;
CREATE VIEW cv_g5 AS SELECT g.a, cv_g.c FROM cv_g g, cv_g WHERE g.c IS NOT NULL;
CREATE VIEW cv_g6 AS SELECT a, b FROM cv_g1 ORDER BY a + 1 DESC;
SELECT pg_get_viewdef('cv_g1'::regclass);
SELECT pg_get_viewdef('cv_g1'::regclass, true);
SELECT pg_get_viewdef('cv_g2');
SELECT pg_get_viewdef('cv_g2', true);
SELECT pg_get_viewdef('cv_g3'::regclass);
SELECT pg_get_viewdef('cv_g4'::regclass, true);
SELECT pg_get_viewdef('cv_g5'::regclass);
SELECT pg_get_viewdef('cv_g6'::regclass);
SELECT pg_get_viewdef('cv_g6'::regclass, true);
CREATE SCHEMA cv_s CREATE VIEW cv_sv AS SELECT a FROM public.cv_g;
SELECT pg_get_viewdef('cv_s.cv_sv'::regclass);
SET search_path = cv_s;
SELECT pg_get_viewdef('cv_sv', true);
RESET search_path;
DROP SCHEMA cv_s CASCADE;
CREATE TABLE cv_h (a int, e text);
CREATE VIEW cv_j1 AS SELECT g.a, g.b, h.e FROM cv_g g JOIN cv_h h ON g.a = h.a WHERE h.e <> 'z';
CREATE VIEW cv_j2 AS SELECT g.b, h.e FROM cv_g g LEFT JOIN cv_h h ON g.a = h.a AND h.e IS NOT NULL
  JOIN cv_g g2 ON g2.a = g.a;
CREATE VIEW cv_j3 AS SELECT cv_g.b, cv_h.e FROM cv_g CROSS JOIN cv_h;
SELECT pg_get_viewdef('cv_j1'::regclass);
SELECT pg_get_viewdef('cv_j1'::regclass, true);
SELECT pg_get_viewdef('cv_j2'::regclass);
SELECT pg_get_viewdef('cv_j2'::regclass, true);
SELECT pg_get_viewdef('cv_j3'::regclass);
DROP TABLE cv_h CASCADE;
SELECT pg_get_viewdef('cv_g'::regclass) IS NULL AS not_a_view;
SELECT pg_get_viewdef('cv_nope');

-- EXPLAIN shows the view's plan.  Tusk keeps a view it cannot merge into
-- the query as a Subquery Scan, as PostgreSQL does; but PostgreSQL also
-- pulls simple views (no LIMIT, aggregates, DISTINCT …) up into the
-- query, where Tusk's planner still shows a Subquery Scan, so only views
-- that neither can pull up are explained here.
CREATE VIEW cv_g7 AS SELECT a, b FROM cv_g ORDER BY a LIMIT 10;
CREATE VIEW cv_g8 AS SELECT a FROM cv_g7 WHERE b <> 'x' LIMIT 5;
EXPLAIN (COSTS OFF) SELECT * FROM cv_g7 WHERE a > 1;
EXPLAIN (COSTS OFF) SELECT a + 1 FROM cv_g7;
EXPLAIN (COSTS OFF) SELECT * FROM cv_g8 WHERE a < 5;
DROP TABLE cv_g CASCADE;

-- A view column may not be of a pseudo-type, and a collatable one needs a
-- collation its expression settles
CREATE VIEW cv_rec AS SELECT ROW(1, 2) AS r;
CREATE VIEW cv_recarr AS SELECT ARRAY[ROW(1, 2)] AS r;
CREATE VIEW cv_coll AS
  SELECT a || b AS c FROM (SELECT 'x' COLLATE "C" AS a, 'y' COLLATE "POSIX" AS b) s;
CREATE VIEW cv_coll2 AS
  SELECT (a || b) COLLATE "C" AS c FROM (SELECT 'x' COLLATE "C" AS a, 'y' COLLATE "POSIX" AS b) s;
SELECT * FROM cv_coll2;
CREATE VIEW cv_grow AS SELECT 1 AS a;
CREATE OR REPLACE VIEW cv_grow AS SELECT 1 AS a, ROW(1) AS r;
CREATE OR REPLACE VIEW cv_grow AS SELECT 1 AS a, 'z'::text AS t;
SELECT * FROM cv_grow;
DROP VIEW cv_coll2, cv_grow;
