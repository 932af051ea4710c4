--
-- pg_get_viewdef, \sv and \d+ for every shape of query a view can have
--
CREATE SCHEMA vd;
SET search_path = vd, public;
CREATE TABLE vd_t (a int, b text, c numeric(10,2), arr int[]);
CREATE TABLE vd_u (a int, d date, e text);
CREATE TABLE vd_w (x int, y int);
INSERT INTO vd_t VALUES (1, 'one', 1.5, '{1,2}'), (2, 'two', 2.5, '{3}'), (3, NULL, NULL, NULL);
INSERT INTO vd_u VALUES (1, '2020-01-01', 'x'), (3, '2021-06-30', 'y');
INSERT INTO vd_w VALUES (1, 10), (2, 20);

-- sublinks: EXISTS, IN, NOT IN, scalar, ANY/ALL, ARRAY, correlated
CREATE VIEW vd_exists AS
  SELECT a, b FROM vd_t WHERE EXISTS (SELECT 1 FROM vd_u WHERE vd_u.a = vd_t.a);
CREATE VIEW vd_in AS
  SELECT a FROM vd_t WHERE a IN (SELECT a FROM vd_u) AND a NOT IN (SELECT x FROM vd_w WHERE y > 15);
CREATE VIEW vd_scalar AS
  SELECT a, (SELECT max(d) FROM vd_u u WHERE u.a = t.a) AS maxd,
         (SELECT count(*) FROM vd_w) + 1 AS n
    FROM vd_t t;
CREATE VIEW vd_anyall AS
  SELECT a FROM vd_t WHERE a > ANY (SELECT x FROM vd_w) OR a <= ALL (SELECT y FROM vd_w);
CREATE VIEW vd_array AS
  SELECT a, ARRAY(SELECT x FROM vd_w WHERE x <= vd_t.a ORDER BY x) AS xs FROM vd_t;
CREATE VIEW vd_rowin AS
  SELECT a FROM vd_t WHERE (a, a) IN (SELECT x, x FROM vd_w);
CREATE VIEW vd_selfref AS
  SELECT a FROM vd_t WHERE NOT EXISTS (SELECT 1 FROM vd_t WHERE vd_t.a > 2);
SELECT pg_get_viewdef('vd_exists'::regclass);
SELECT pg_get_viewdef('vd_exists'::regclass, true);
SELECT pg_get_viewdef('vd_in'::regclass);
SELECT pg_get_viewdef('vd_in'::regclass, true);
SELECT pg_get_viewdef('vd_scalar'::regclass);
SELECT pg_get_viewdef('vd_scalar'::regclass, true);
SELECT pg_get_viewdef('vd_anyall'::regclass);
SELECT pg_get_viewdef('vd_anyall'::regclass, true);
SELECT pg_get_viewdef('vd_array'::regclass);
SELECT pg_get_viewdef('vd_array'::regclass, true);
SELECT pg_get_viewdef('vd_rowin'::regclass);
SELECT pg_get_viewdef('vd_selfref'::regclass, true);
SELECT * FROM vd_exists ORDER BY a;
SELECT * FROM vd_scalar ORDER BY a;

-- set operations
CREATE VIEW vd_union AS SELECT a FROM vd_t UNION SELECT x FROM vd_w;
CREATE VIEW vd_unionall AS
  SELECT a, b FROM vd_t UNION ALL SELECT a, e FROM vd_u UNION ALL SELECT x, 'w' FROM vd_w;
CREATE VIEW vd_intersect AS SELECT a FROM vd_t INTERSECT SELECT a FROM vd_u;
CREATE VIEW vd_except AS SELECT a FROM vd_t EXCEPT ALL SELECT x FROM vd_w;
CREATE VIEW vd_setmix AS
  (SELECT a FROM vd_t UNION SELECT a FROM vd_u) EXCEPT (SELECT x FROM vd_w INTERSECT SELECT 2)
  ORDER BY 1 LIMIT 5;
CREATE VIEW vd_setleaf AS
  (SELECT a FROM vd_t ORDER BY a LIMIT 2) UNION ALL SELECT x AS other FROM vd_w;
SELECT pg_get_viewdef('vd_union'::regclass);
SELECT pg_get_viewdef('vd_union'::regclass, true);
SELECT pg_get_viewdef('vd_unionall'::regclass);
SELECT pg_get_viewdef('vd_unionall'::regclass, true);
SELECT pg_get_viewdef('vd_intersect'::regclass);
SELECT pg_get_viewdef('vd_except'::regclass, true);
SELECT pg_get_viewdef('vd_setmix'::regclass);
SELECT pg_get_viewdef('vd_setmix'::regclass, true);
SELECT pg_get_viewdef('vd_setleaf'::regclass);
SELECT pg_get_viewdef('vd_setleaf'::regclass, true);
SELECT * FROM vd_setmix;

-- subqueries in FROM, LATERAL, VALUES, functions
CREATE VIEW vd_subfrom AS
  SELECT s.a, s.twice FROM (SELECT a, a * 2 AS twice FROM vd_t WHERE a > 1) s;
CREATE VIEW vd_subalias AS
  SELECT q.p, q.r FROM (SELECT a, b FROM vd_t) AS q(p, r);
CREATE VIEW vd_lateral AS
  SELECT t.a, l.d FROM vd_t t, LATERAL (SELECT u.d FROM vd_u u WHERE u.a = t.a) l;
CREATE VIEW vd_lateraljoin AS
  SELECT t.a, l.n FROM vd_t t LEFT JOIN LATERAL (SELECT count(*) AS n FROM vd_w WHERE x < t.a) l ON true;
CREATE VIEW vd_values AS VALUES (1, 'one'), (2, 'two');
CREATE VIEW vd_valuesfrom AS SELECT * FROM (VALUES (1, 'one'), (2, 'two')) AS v(n, name);
CREATE VIEW vd_srf AS SELECT g FROM generate_series(1, 3) g;
CREATE VIEW vd_srflateral AS SELECT t.a, u.x FROM vd_t t, unnest(t.arr) AS u(x);
SELECT pg_get_viewdef('vd_subfrom'::regclass);
SELECT pg_get_viewdef('vd_subfrom'::regclass, true);
SELECT pg_get_viewdef('vd_subalias'::regclass);
SELECT pg_get_viewdef('vd_lateral'::regclass);
SELECT pg_get_viewdef('vd_lateral'::regclass, true);
SELECT pg_get_viewdef('vd_lateraljoin'::regclass);
SELECT pg_get_viewdef('vd_lateraljoin'::regclass, true);
SELECT pg_get_viewdef('vd_values'::regclass);
SELECT pg_get_viewdef('vd_values'::regclass, true);
SELECT pg_get_viewdef('vd_valuesfrom'::regclass);
SELECT pg_get_viewdef('vd_valuesfrom'::regclass, true);
SELECT pg_get_viewdef('vd_srf'::regclass);
SELECT pg_get_viewdef('vd_srflateral'::regclass, true);
SELECT * FROM vd_lateraljoin ORDER BY a;

-- WITH
CREATE VIEW vd_cte AS
  WITH w AS (SELECT a, b FROM vd_t WHERE a > 1), w2 (k) AS MATERIALIZED (SELECT x FROM vd_w)
  SELECT w.a, w2.k FROM w, w2;
CREATE VIEW vd_cterec AS
  WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5)
  SELECT n FROM r;
CREATE VIEW vd_ctenot AS
  WITH w AS NOT MATERIALIZED (SELECT a FROM vd_t) SELECT * FROM w WHERE a IN (SELECT a FROM w);
SELECT pg_get_viewdef('vd_cte'::regclass);
SELECT pg_get_viewdef('vd_cte'::regclass, true);
SELECT pg_get_viewdef('vd_cterec'::regclass);
SELECT pg_get_viewdef('vd_cterec'::regclass, true);
SELECT pg_get_viewdef('vd_ctenot'::regclass, true);
SELECT * FROM vd_cterec;

-- window functions
CREATE VIEW vd_window AS
  SELECT a, row_number() OVER (ORDER BY a DESC) AS rn,
         sum(a) OVER (PARTITION BY b ORDER BY a ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s,
         count(*) FILTER (WHERE a > 1) OVER w AS cw,
         rank() OVER (w ORDER BY c) AS r,
         avg(a) OVER (ORDER BY a RANGE BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING EXCLUDE TIES) AS av,
         first_value(a) OVER (ORDER BY a GROUPS 2 PRECEDING) AS fv
    FROM vd_t WINDOW w AS (PARTITION BY a > 1);
SELECT pg_get_viewdef('vd_window'::regclass);
SELECT pg_get_viewdef('vd_window'::regclass, true);

-- ORDER BY, LIMIT, OFFSET, FETCH, DISTINCT ON, GROUP BY, HAVING
CREATE VIEW vd_order AS
  SELECT DISTINCT ON (a) a, b FROM vd_t ORDER BY a, b DESC NULLS LAST OFFSET 1 LIMIT 10;
CREATE VIEW vd_fetch AS
  SELECT a FROM vd_t ORDER BY a FETCH FIRST 2 ROWS WITH TIES;
CREATE VIEW vd_fetchonly AS
  SELECT a FROM vd_t ORDER BY a NULLS FIRST FETCH FIRST 2 ROWS ONLY;
CREATE VIEW vd_group AS
  SELECT b, count(*) AS n, sum(a) FILTER (WHERE a > 1) AS s FROM vd_t
   GROUP BY b HAVING count(*) > 0 ORDER BY 2 DESC, b;
CREATE VIEW vd_groupexpr AS
  SELECT a + 1 AS a1, 'k' AS k, count(*) FROM vd_t GROUP BY a + 1, 2 ORDER BY 1;
SELECT pg_get_viewdef('vd_order'::regclass);
SELECT pg_get_viewdef('vd_order'::regclass, true);
SELECT pg_get_viewdef('vd_fetch'::regclass);
SELECT pg_get_viewdef('vd_fetch'::regclass, true);
SELECT pg_get_viewdef('vd_fetchonly'::regclass);
SELECT pg_get_viewdef('vd_group'::regclass);
SELECT pg_get_viewdef('vd_group'::regclass, true);
SELECT pg_get_viewdef('vd_groupexpr'::regclass);
SELECT pg_get_viewdef('vd_groupexpr'::regclass, true);

-- expressions
CREATE VIEW vd_expr AS
  SELECT CASE WHEN a = 1 THEN 'one' WHEN a = 2 THEN 'two' ELSE 'many' END AS word,
         CASE WHEN a > 1 THEN 10 END AS noelse,
         CASE a WHEN 1 THEN 10 END AS simple,
         CASE b WHEN 'one' THEN 1 WHEN 'two' THEN 2 ELSE 0 END AS simpletext,
         CASE a::int2 WHEN 1 THEN 'x' WHEN 2.5 THEN 'y' END AS simplecast,
         ROW(a, b)::text AS r,
         arr[1] AS first, arr[1:2] AS slice,
         a::text AS atext, CAST(c AS int) AS cint, b::varchar(3) AS bv,
         b COLLATE "C" AS bc,
         a IS DISTINCT FROM 2 AS dist, a IS NOT DISTINCT FROM 2 AS notdist,
         NULLIF(a, 1) AS ni, COALESCE(b, 'none') AS co, GREATEST(a, 2) AS gr,
         a BETWEEN 1 AND 2 AS btw, a NOT BETWEEN 1 AND 2 AS nbtw,
         b LIKE 'o%' AS lk, b IS NULL AS isn, (a > 1) IS TRUE AS ist,
         -a AS neg, a % 2 = 0 AND NOT (a > 2) OR b <> 'x' AS logic,
         ARRAY[a, 2] AS arrlit, a = ANY (arr) AS inarr,
         a IN (1, 2, 3) AS inlist, b NOT IN ('x', 'y') AS notinlist,
         a IN (1, 2, a + 1) AS inmixed, a IN (c::int) AS inone,
         'x'::text || b AS cat, now() - '1 day'::interval AS yesterday,
         current_date - 1 AS yesterday2, current_timestamp(2) AS ts2, current_time AS ct,
         localtime(1) AS lt, localtimestamp AS lts, date(now()) AS dn
    FROM vd_t;
SELECT pg_get_viewdef('vd_expr'::regclass);
SELECT pg_get_viewdef('vd_expr'::regclass, true);
SELECT word, noelse, simple, simpletext, simplecast, inlist, notinlist, inmixed, inone FROM vd_expr ORDER BY word;

-- joins: nested, aliased, USING, NATURAL, RIGHT, FULL, column aliases
CREATE VIEW vd_joins AS
  SELECT t.a, u.d, w.y
    FROM vd_t t
         JOIN vd_u u ON t.a = u.a
         LEFT JOIN vd_w w ON w.x = t.a
         CROSS JOIN vd_w w2;
CREATE VIEW vd_using AS
  SELECT a, t.b, u.d FROM vd_t t JOIN vd_u u USING (a);
CREATE VIEW vd_natural AS
  SELECT a, b, d FROM vd_t NATURAL JOIN vd_u;
CREATE VIEW vd_rightfull AS
  SELECT t.a, u.a AS ua, w.x
    FROM vd_t t RIGHT JOIN vd_u u ON t.a = u.a FULL JOIN vd_w w ON w.x = u.a;
CREATE VIEW vd_nested AS
  SELECT t.a, u.d FROM vd_t t JOIN (vd_u u JOIN vd_w w ON u.a = w.x) ON t.a = u.a;
CREATE VIEW vd_colalias AS
  SELECT t2.p, t2.q FROM vd_t AS t2(p, q);
CREATE VIEW vd_sametable AS
  SELECT vd_t.a, t.b FROM vd_t, vd_t t WHERE vd_t.a = t.a;
SELECT pg_get_viewdef('vd_joins'::regclass);
SELECT pg_get_viewdef('vd_joins'::regclass, true);
SELECT pg_get_viewdef('vd_using'::regclass);
SELECT pg_get_viewdef('vd_using'::regclass, true);
SELECT pg_get_viewdef('vd_natural'::regclass);
SELECT pg_get_viewdef('vd_rightfull'::regclass);
SELECT pg_get_viewdef('vd_rightfull'::regclass, true);
SELECT pg_get_viewdef('vd_nested'::regclass);
SELECT pg_get_viewdef('vd_nested'::regclass, true);
SELECT pg_get_viewdef('vd_colalias'::regclass);
SELECT pg_get_viewdef('vd_sametable'::regclass, true);

-- whole rows, renamed columns, deeper correlation, locking, wrapping, the rule
CREATE VIEW vd_wholerow AS SELECT t AS whole, t.a FROM vd_t t;
CREATE VIEW vd_renamed AS SELECT x, y, y + 1 AS y1 FROM vd_w WHERE y > 0;
ALTER TABLE vd_w RENAME COLUMN y TO yy;
CREATE VIEW vd_deep AS
  SELECT a FROM vd_t t
   WHERE EXISTS (SELECT 1 FROM vd_u u
                  WHERE u.a = t.a AND EXISTS (SELECT 1 FROM vd_w w WHERE w.x = t.a AND w.x = u.a));
CREATE VIEW vd_lock AS SELECT a FROM vd_t FOR UPDATE;
CREATE VIEW vd_lock2 AS SELECT t.a FROM vd_t t, vd_u u WHERE t.a = u.a FOR SHARE OF t NOWAIT;
SELECT pg_get_viewdef('vd_wholerow'::regclass);
SELECT pg_get_viewdef('vd_renamed'::regclass);
SELECT pg_get_viewdef('vd_deep'::regclass, true);
SELECT pg_get_viewdef('vd_lock'::regclass);
SELECT pg_get_viewdef('vd_lock2'::regclass);
SELECT pg_get_viewdef('vd_scalar'::regclass, 40);
SELECT pg_get_viewdef('vd_joins'::regclass, -1);
SELECT pg_get_viewdef('vd_unionall'::regclass, 200);
SELECT pg_get_ruledef(oid) FROM pg_rewrite WHERE ev_class = 'vd_union'::regclass;
SELECT pg_get_ruledef(oid, true) FROM pg_rewrite WHERE ev_class = 'vd_cte'::regclass;

-- psql's \sv and \d+
\sv vd_in
\sv vd_unionall
\sv vd_cte
\d+ vd_scalar
\d+ vd_setmix

-- String constants print for standard_conforming_strings, never as E'...'
CREATE VIEW vd_backslash AS
  SELECT 'a\b'::text AS plain, E'tab\there'::text AS escaped, 'it''s' AS quote
  WHERE 'x\y' <> 'z';
SELECT pg_get_viewdef('vd_backslash'::regclass, true);
CREATE TABLE vd_bs_checked (s text CHECK (s <> 'c:\dir'), t text DEFAULT 'a\b');
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'vd_bs_checked'::regclass;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'vd_bs_checked'::regclass;
SET standard_conforming_strings = off;
SELECT pg_get_viewdef('vd_backslash'::regclass, true);
SELECT 'a\\b' AS escaped, length('a\tb') AS len;
RESET standard_conforming_strings;

-- Columns named through a join print as written: the join's alias, or a
-- merged USING column's bare name
CREATE TABLE ja (x int, y int);
CREATE TABLE jb (x int, z int);
CREATE VIEW vd_joinalias AS
  SELECT j.x, j.y, j.z FROM (ja JOIN jb USING (x)) AS j;
CREATE VIEW vd_fullusing AS
  SELECT x, y, z FROM ja FULL JOIN jb USING (x);
CREATE VIEW vd_fullusing2 AS
  SELECT j.x, j.y FROM (ja FULL JOIN jb USING (x)) AS j WHERE j.x > 0 ORDER BY j.x;
CREATE VIEW vd_written AS
  SELECT x, ja.x AS ax, COALESCE(ja.x, jb.x) AS written, COALESCE(jb.x, ja.x) AS other
    FROM ja FULL JOIN jb USING (x);
CREATE VIEW vd_fullnested AS
  SELECT x, count(*) AS n FROM ja FULL JOIN jb USING (x) FULL JOIN vd_w USING (x)
   GROUP BY x;
CREATE VIEW vd_fullsub AS
  SELECT x FROM ja FULL JOIN jb USING (x)
   WHERE EXISTS (SELECT 1 FROM vd_t WHERE vd_t.a = x);
CREATE VIEW vd_joinusingalias AS
  SELECT u.x, ja.y FROM ja JOIN jb USING (x) AS u;
SELECT pg_get_viewdef('vd_joinalias'::regclass, true);
SELECT pg_get_viewdef('vd_fullusing'::regclass, true);
SELECT pg_get_viewdef('vd_fullusing2'::regclass, true);
SELECT pg_get_viewdef('vd_written'::regclass, true);
SELECT pg_get_viewdef('vd_fullnested'::regclass, true);
SELECT pg_get_viewdef('vd_fullsub'::regclass, true);
SELECT pg_get_viewdef('vd_joinusingalias'::regclass, true);
INSERT INTO ja VALUES (1, 10), (2, 20);
INSERT INTO jb VALUES (2, 200), (3, 300);
SELECT * FROM vd_fullusing ORDER BY x;
SELECT * FROM vd_fullusing2;
SELECT * FROM vd_written ORDER BY x;

-- pg_views deparses them all
SELECT viewname, length(definition) > 0 AS ok FROM pg_views WHERE schemaname = 'vd'
 ORDER BY viewname;

RESET search_path;
DROP SCHEMA vd CASCADE;
