--
-- SQL-language functions: the built-ins whose pg_proc rows are LANGUAGE
-- sql, inlining, and (below) CREATE/DROP FUNCTION ... LANGUAGE sql.
--
-- Tusk stores the bodies of PostgreSQL's system_functions.sql as SQL text
-- in prosrc (PostgreSQL keeps a parsed tree in prosqlbody), so prosrc and
-- prosqlbody of those rows are not shown here.

-- built-in SQL functions
SELECT round(2.5::numeric), round(-2.5::numeric), trunc(2.7::numeric), trunc(-2.7::numeric);
SELECT log(100::numeric), log10(1000::numeric);
SELECT 'v' || 1, 1 || 'v', 'x' || 2.5 || 'y', 'n' || NULL::int;
SELECT bit_length('abc'::text), bit_length('\x0102'::bytea);
SELECT lpad('ab', 5), rpad('ab', 5) || '|';
SELECT date_part('year', '2024-03-05'::date), timestamptz '2024-01-01 00:00+00' IS NOT NULL;
SELECT quote_literal(42), quote_literal(2.5);
SELECT round(NULL::numeric) IS NULL AS strict_null;
SELECT p.proname, p.prolang = 14 AS is_sql, p.provolatile, p.proisstrict
  FROM pg_proc p WHERE p.oid IN (1708, 2003, 1215, 1216) ORDER BY p.oid;

-- descriptions
CREATE TABLE sqlf_t (a int, b text);
COMMENT ON TABLE sqlf_t IS 'a table';
COMMENT ON COLUMN sqlf_t.b IS 'column b';
SELECT obj_description('sqlf_t'::regclass, 'pg_class'), obj_description('sqlf_t'::regclass),
       col_description('sqlf_t'::regclass, 2), col_description('sqlf_t'::regclass, 1);
SELECT obj_description(NULL, 'pg_class') IS NULL AS strict;

-- a built-in in a query over rows
INSERT INTO sqlf_t VALUES (1, 'one'), (2, 'two'), (3, NULL);
SELECT a, b || a AS ba, a || '!' AS a_bang, round(a / 2.0) FROM sqlf_t ORDER BY a;

-- inlining: the call is replaced by its body
EXPLAIN (VERBOSE, COSTS OFF) SELECT b || a FROM sqlf_t;
EXPLAIN (VERBOSE, COSTS OFF) SELECT round(a::numeric) FROM sqlf_t;
EXPLAIN (VERBOSE, COSTS OFF) SELECT round(1.5::numeric), 'a' || 1;
