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

-- CREATE FUNCTION ... LANGUAGE sql
CREATE FUNCTION sqlf_add(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE STRICT
  AS 'SELECT a + b';
SELECT sqlf_add(1, 2), sqlf_add(NULL, 2), sqlf_add(a, a) FROM sqlf_t ORDER BY a;
CREATE FUNCTION sqlf_dollar(int) RETURNS text AS $$ SELECT 'n=' || $1 $$ LANGUAGE sql;
SELECT sqlf_dollar(5), sqlf_dollar(NULL);
CREATE FUNCTION sqlf_ret(x numeric) RETURNS numeric RETURN x * 2;
SELECT sqlf_ret(2.5);
CREATE FUNCTION sqlf_atomic(x int) RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
  SELECT count(*) FROM sqlf_t WHERE a <= x;
END;
SELECT sqlf_atomic(2), sqlf_atomic(0);
-- the result is coerced to the declared type by assignment
CREATE FUNCTION sqlf_coerce() RETURNS numeric LANGUAGE sql AS 'SELECT 1';
SELECT sqlf_coerce(), pg_typeof(sqlf_coerce());
-- void, and several statements: the last one's first row is the result
CREATE TABLE sqlf_log (msg text);
CREATE FUNCTION sqlf_log(m text) RETURNS void LANGUAGE sql AS $$ INSERT INTO sqlf_log VALUES (m) $$;
SELECT sqlf_log('hello');
CREATE FUNCTION sqlf_multi(m text) RETURNS text LANGUAGE sql AS $$
  INSERT INTO sqlf_log VALUES (m);
  INSERT INTO sqlf_log VALUES (m || '2');
  SELECT msg FROM sqlf_log ORDER BY msg DESC;
$$;
SELECT sqlf_multi('zz');
SELECT * FROM sqlf_log ORDER BY msg;
CREATE FUNCTION sqlf_nothing() RETURNS int LANGUAGE sql AS 'SELECT a FROM sqlf_t WHERE false';
SELECT sqlf_nothing() IS NULL AS no_row_is_null;
CREATE FUNCTION sqlf_ins_ret(m text) RETURNS text LANGUAGE sql
  AS $$ INSERT INTO sqlf_log VALUES (m) RETURNING upper(msg) $$;
SELECT sqlf_ins_ret('ret');

-- SETOF and RETURNS TABLE, in FROM and in the select list
CREATE FUNCTION sqlf_series(n int) RETURNS SETOF int LANGUAGE sql
  AS 'SELECT g FROM generate_series(1, n) g';
SELECT * FROM sqlf_series(3);
SELECT sqlf_series(2), 'x';
SELECT a, sqlf_series(a) FROM sqlf_t ORDER BY a, 2;
CREATE FUNCTION sqlf_tab(lim int) RETURNS TABLE (b text) LANGUAGE sql
  AS 'SELECT b FROM sqlf_t WHERE a <= lim ORDER BY a';
SELECT * FROM sqlf_tab(2);
SELECT count(*) FROM sqlf_series(0);
SELECT * FROM sqlf_series(NULL);

-- polymorphic arguments and results
CREATE FUNCTION sqlf_first(anyarray) RETURNS anyelement LANGUAGE sql AS 'SELECT $1[1]';
SELECT sqlf_first(ARRAY[3, 4]), sqlf_first(ARRAY['p', 'q']);

-- volatile functions see their own changes; stable ones may not write
CREATE FUNCTION sqlf_stable_write() RETURNS int STABLE LANGUAGE sql
  AS 'INSERT INTO sqlf_log VALUES (''no''); SELECT 1';
SELECT sqlf_stable_write();
CREATE FUNCTION sqlf_commit() RETURNS int LANGUAGE sql AS 'COMMIT; SELECT 1';
SELECT sqlf_commit();

-- errors raised inside a body have a CONTEXT line
CREATE FUNCTION sqlf_div(int) RETURNS int LANGUAGE sql AS 'SELECT 10 / $1';
SELECT sqlf_div(5);
SELECT sqlf_div(0);
CREATE FUNCTION sqlf_div2(int) RETURNS int LANGUAGE sql AS 'SELECT 1; SELECT 10 / $1';
SELECT sqlf_div2(0);

-- invalid bodies are refused at CREATE
CREATE FUNCTION sqlf_bad1() RETURNS int LANGUAGE sql AS 'SELECT ''a''::text';
CREATE FUNCTION sqlf_bad2() RETURNS int LANGUAGE sql AS 'SELECT 1, 2';
CREATE FUNCTION sqlf_bad3() RETURNS int LANGUAGE sql AS 'DELETE FROM sqlf_log';
CREATE FUNCTION sqlf_bad4() RETURNS int LANGUAGE sql AS 'SELECT nosuch FROM sqlf_t';
CREATE FUNCTION sqlf_bad5() RETURNS int LANGUAGE sql AS $$SELECT 1 FROM nosuch$$;
CREATE FUNCTION sqlf_bad6() RETURNS int RETURN nosuch;
CREATE FUNCTION sqlf_bad7(int) RETURNS int LANGUAGE sql;
CREATE FUNCTION sqlf_bad8(int) LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION sqlf_bad9(int) RETURNS int AS 'SELECT 1';
CREATE FUNCTION sqlf_bad10(a int, a int) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION sqlf_bad11(int) RETURNS int LANGUAGE nosuchlang AS 'SELECT 1';
CREATE FUNCTION sqlf_add(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT 0';
CREATE FUNCTION sqlf_bad12(a int DEFAULT 1, b int) RETURNS int LANGUAGE sql AS 'SELECT 0';

-- OR REPLACE
CREATE OR REPLACE FUNCTION sqlf_add(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE STRICT
  AS 'SELECT a + b + 100';
SELECT sqlf_add(1, 2);
CREATE OR REPLACE FUNCTION sqlf_add(a int, b int) RETURNS bigint LANGUAGE sql AS 'SELECT 1::bigint';

-- the catalog row (\df reads these columns); prosrc of RETURN and BEGIN
-- ATOMIC bodies is left out: Tusk keeps their SQL text there, PostgreSQL
-- their parse tree in prosqlbody
SELECT proname, pronargs, pronargdefaults, prorettype::regtype, proretset, provolatile,
       proisstrict, proparallel, prokind, procost, prorows, proargtypes::regtype[],
       proallargtypes::regtype[], proargmodes, proargnames
  FROM pg_proc WHERE proname LIKE 'sqlf\_%' ORDER BY proname, pronargs;
SELECT proname, prosrc FROM pg_proc
  WHERE proname LIKE 'sqlf\_%' AND proname NOT IN ('sqlf_atomic', 'sqlf_ret')
  ORDER BY proname, pronargs;
SELECT pg_describe_object(classid, objid, objsubid) AS obj,
       pg_describe_object(refclassid, refobjid, refobjsubid) AS ref, deptype
  FROM pg_depend WHERE classid = 'pg_proc'::regclass AND objid = 'sqlf_add'::regproc
  ORDER BY 1, 2;

-- inlining of user functions
EXPLAIN (VERBOSE, COSTS OFF) SELECT sqlf_add(a, 1) FROM sqlf_t;
EXPLAIN (VERBOSE, COSTS OFF) SELECT sqlf_ret(a) FROM sqlf_t;
EXPLAIN (VERBOSE, COSTS OFF) SELECT sqlf_dollar(a) FROM sqlf_t;
CREATE FUNCTION sqlf_twice(x int) RETURNS int LANGUAGE sql AS 'SELECT x + x';
EXPLAIN (VERBOSE, COSTS OFF) SELECT sqlf_twice(a), sqlf_twice(a * 2), sqlf_twice(random()::int) FROM sqlf_t;
CREATE FUNCTION sqlf_strict_unused(x int, y int) RETURNS int LANGUAGE sql STRICT AS 'SELECT x';
EXPLAIN (VERBOSE, COSTS OFF) SELECT sqlf_strict_unused(a, a) FROM sqlf_t;
CREATE FUNCTION sqlf_immutable_now() RETURNS timestamptz LANGUAGE sql IMMUTABLE AS 'SELECT now()';
EXPLAIN (VERBOSE, COSTS OFF) SELECT sqlf_immutable_now() > '2000-01-01' FROM sqlf_t;

-- DROP FUNCTION
DROP FUNCTION sqlf_twice(int);
DROP FUNCTION sqlf_twice(int);
DROP FUNCTION IF EXISTS sqlf_twice(int);
DROP FUNCTION IF EXISTS nosuchschema.f();
DROP FUNCTION sqlf_dollar;
DROP FUNCTION sqlf_add(int), sqlf_add(int, int);
CREATE VIEW sqlf_v AS SELECT sqlf_ret(a) AS r FROM sqlf_t;
SELECT * FROM sqlf_v ORDER BY r;
DROP FUNCTION sqlf_ret(numeric);
DROP FUNCTION sqlf_ret(numeric) CASCADE;
CREATE SCHEMA sqlf_s;
CREATE FUNCTION sqlf_s.f() RETURNS int LANGUAGE sql AS 'SELECT 42';
SELECT sqlf_s.f();
DROP SCHEMA sqlf_s;
DROP SCHEMA sqlf_s CASCADE;

-- Functions of other languages (c, internal, plpgsql) are not supported
-- yet: CREATE FUNCTION fails with 0A000 naming the language, where
-- PostgreSQL would create them, so they are not tested here.

-- COMMENT ON FUNCTION
CREATE FUNCTION sqlf_commented(int) RETURNS int LANGUAGE sql AS 'SELECT $1';
COMMENT ON FUNCTION sqlf_commented(int) IS 'a commented function';
SELECT obj_description('sqlf_commented'::regproc, 'pg_proc');
COMMENT ON FUNCTION sqlf_commented IS 'by name alone';
SELECT obj_description('sqlf_commented'::regproc);
COMMENT ON FUNCTION sqlf_commented(text) IS 'no such';
DROP FUNCTION sqlf_commented(int);
SELECT count(*) FROM pg_description WHERE description = 'by name alone';

-- parameter defaults are stored (calls that omit them are not supported
-- yet in Tusk)
CREATE FUNCTION sqlf_defaults(a int, b int DEFAULT 10, c text = 'x') RETURNS text
  LANGUAGE sql AS 'SELECT a + b || c';
SELECT sqlf_defaults(1, 2, 'y');
SELECT pronargs, pronargdefaults FROM pg_proc WHERE proname = 'sqlf_defaults';
DROP FUNCTION sqlf_defaults;

-- built-in functions cannot be dropped
DROP FUNCTION round(numeric);
