--
-- LANGUAGE C functions: CREATE FUNCTION ... LANGUAGE C AS 'module', 'symbol',
-- calls through the function manager, set-returning C functions, errors.
-- The functions live in regress/modules/test_cfuncs, which Tusk's build
-- installs into its $libdir; the expected output comes from PostgreSQL 15
-- running the same module built against its own headers
-- (regress/modules/test_cfuncs/build_pg.sh).
--
CREATE FUNCTION cf_init_count() RETURNS int4
  AS '$libdir/test_cfuncs' LANGUAGE C;
-- no symbol given: the function's name
CREATE FUNCTION add_one(int4) RETURNS int4
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT IMMUTABLE;
CREATE FUNCTION cf_add(int4) RETURNS int4
  AS '$libdir/test_cfuncs', 'add_one' LANGUAGE C STRICT;
CREATE FUNCTION sum_nonstrict(int4, int4) RETURNS int8
  AS '$libdir/test_cfuncs' LANGUAGE C;
CREATE FUNCTION sum_nonstrict3(int4, int4, int4) RETURNS int8
  AS '$libdir/test_cfuncs', 'sum_nonstrict' LANGUAGE C;
CREATE FUNCTION half_or_null(int8) RETURNS float8
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT;
CREATE FUNCTION text_join(text, text, text) RETURNS text
  AS '$libdir/test_cfuncs' LANGUAGE C;
CREATE FUNCTION text_reverse(text) RETURNS text
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT;
CREATE FUNCTION quote_ident_c(text) RETURNS text
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT;
CREATE FUNCTION bytea_xor(bytea, int4) RETURNS bytea
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT;
CREATE FUNCTION int_array_sum(int4[]) RETURNS int8
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT;
CREATE FUNCTION int_array_range(int4, int4) RETURNS int4[]
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT;
CREATE FUNCTION raise_error(text) RETURNS void
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT;
CREATE FUNCTION direct_calls(float8) RETURNS float8
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT;
CREATE FUNCTION call_by_oid(regprocedure, int4) RETURNS int4
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT;
CREATE FUNCTION int_series(int4, int4) RETURNS SETOF int4
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT;
CREATE FUNCTION int_series(int4, int4, int4) RETURNS SETOF int4
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT;
CREATE FUNCTION squares(int4, OUT n int4, OUT square int8, OUT label text)
  RETURNS SETOF record
  AS '$libdir/test_cfuncs' LANGUAGE C STRICT;

-- the catalog rows, as PostgreSQL stores them
SELECT proname, prolang, prosrc, probin, proisstrict, provolatile, proretset, procost, prorows
  FROM pg_proc WHERE probin = '$libdir/test_cfuncs' ORDER BY proname, pronargs;

-- _PG_init ran once, when the module was loaded
SELECT cf_init_count();
SELECT cf_init_count();

-- integers, STRICT and not
SELECT add_one(41), cf_add(-1), add_one(NULL) IS NULL AS strict_null;
SELECT add_one(i) FROM generate_series(1, 3) i;
SELECT sum_nonstrict(1, 2), sum_nonstrict(NULL, 5), sum_nonstrict(NULL, NULL) IS NULL AS both_null;
SELECT sum_nonstrict3(1, 2, 3);
SELECT half_or_null(7), half_or_null(-7) IS NULL AS is_null, half_or_null(NULL) IS NULL AS strict;

-- text and bytea
SELECT text_join('left', 'right', ' + '), text_join('a', 'b', NULL);
SELECT text_reverse('hello, world'), text_reverse(''), text_reverse(repeat('ab', 100)) = repeat('ba', 100);
SELECT quote_ident_c('plain'), quote_ident_c('Mixed Case'), quote_ident_c('select');
SELECT bytea_xor('\x00ff10', 255), bytea_xor('', 1);

-- arrays
SELECT int_array_sum(ARRAY[1, 2, 3, NULL, 10]), int_array_sum('{}');
SELECT int_array_range(3, 7), int_array_range(5, 1), array_length(int_array_range(1, 1000), 1);

-- calls of built-ins and of other functions from C
SELECT direct_calls(16);
SELECT call_by_oid('add_one(int4)'::regprocedure, 10);
SELECT call_by_oid('int4abs(int4)'::regprocedure, -5);

-- set-returning C functions, in FROM and in the select list
SELECT * FROM int_series(1, 5);
SELECT * FROM int_series(1, 10, 3) WITH ORDINALITY AS s(v, ord);
SELECT int_series(1, 3), int_series(10, 12);
SELECT count(*), sum(v) FROM int_series(1, 10000) v;
SELECT * FROM int_series(1, 100) v LIMIT 3;
SELECT * FROM int_series(NULL, 5);
SELECT * FROM int_series(5, 1);
SELECT * FROM int_series(1, 5, 0);
-- rows of a record type, in the select list
SELECT squares(4);
SELECT (s).n, (s).square, (s).label FROM (SELECT squares(5) AS s) q;
SELECT squares(0);
-- a row of a table's row type, not a set
CREATE TABLE cf_pair (a int4, b text);
CREATE FUNCTION make_pair(int4, text) RETURNS cf_pair
  AS '$libdir/test_cfuncs' LANGUAGE C;
CREATE FUNCTION pair_from_strings(text, text) RETURNS cf_pair
  AS '$libdir/test_cfuncs' LANGUAGE C;
SELECT make_pair(1, 'one'), make_pair(2, NULL), (make_pair(3, 'three')).b;
SELECT pair_from_strings('42', 'forty-two'), pair_from_strings(NULL, 'x');
SELECT pair_from_strings('x', 'y');
INSERT INTO cf_pair SELECT (make_pair(i, 'v' || i)).* FROM generate_series(1, 3) i;
SELECT * FROM cf_pair ORDER BY a;
-- a composite argument
CREATE FUNCTION pair_label(cf_pair) RETURNS text
  AS '$libdir/test_cfuncs' LANGUAGE C;
SELECT pair_label(p) FROM cf_pair p ORDER BY a;
SELECT pair_label(ROW(7, NULL)::cf_pair), pair_label(ROW(NULL, 'x')::cf_pair), pair_label(NULL) IS NULL;

-- an error raised in a C function ends the statement, not the session
SELECT raise_error('boom');
SELECT add_one(1);
BEGIN;
SELECT add_one(2);
SELECT raise_error('in a transaction');
SELECT add_one(3);
ROLLBACK;
SELECT add_one(4);

-- CREATE OR REPLACE points the function at another symbol: the next call
-- finds the new one
CREATE FUNCTION cf_replaced(int4) RETURNS int4
  AS '$libdir/test_cfuncs', 'add_one' LANGUAGE C STRICT;
SELECT cf_replaced(21);
CREATE OR REPLACE FUNCTION cf_replaced(int4) RETURNS int4
  AS '$libdir/test_cfuncs', 'times_two' LANGUAGE C STRICT;
SELECT cf_replaced(21);
SELECT prosrc FROM pg_proc WHERE proname = 'cf_replaced';
DROP FUNCTION cf_replaced(int4);
SELECT cf_replaced(21);
-- the symbol "-" means the function's name
CREATE FUNCTION times_two(int4) RETURNS int4
  AS '$libdir/test_cfuncs', '-' LANGUAGE C STRICT;
SELECT times_two(8), prosrc FROM pg_proc WHERE proname = 'times_two';

-- errors at CREATE time, from the language's validator
CREATE FUNCTION cf_nofile(int4) RETURNS int4
  AS '$libdir/no_such_module', 'add_one' LANGUAGE C;
CREATE FUNCTION cf_nofile(int4) RETURNS int4
  AS 'no_such_module' LANGUAGE C;
CREATE FUNCTION cf_nofile(int4) RETURNS int4
  AS '/nonexistent/dir/no_such_module.so', 'add_one' LANGUAGE C;
CREATE FUNCTION no_finfo(int4) RETURNS int4
  AS '$libdir/test_cfuncs' LANGUAGE C;
CREATE FUNCTION cf_sql_body(int4) RETURNS int4 LANGUAGE C
  RETURN $1 + 1;
SELECT count(*) FROM pg_proc WHERE proname IN ('cf_nofile', 'no_finfo', 'cf_sql_body');
-- a module named without a directory is looked for along dynamic_library_path
SHOW dynamic_library_path;
SET dynamic_library_path = '/nonexistent/dir:$libdir';
CREATE FUNCTION cf_path(int4) RETURNS int4 AS 'test_cfuncs', 'add_one' LANGUAGE C STRICT;
SELECT cf_path(1);
DROP FUNCTION cf_path(int4);
SET dynamic_library_path = '/nonexistent/dir';
CREATE FUNCTION cf_path(int4) RETURNS int4 AS 'test_cfuncs', 'add_one' LANGUAGE C;
SET dynamic_library_path = 'relative/dir';
CREATE FUNCTION cf_path(int4) RETURNS int4 AS 'test_cfuncs', 'add_one' LANGUAGE C;
SET dynamic_library_path = '$libdir::/tmp';
CREATE FUNCTION cf_path(int4) RETURNS int4 AS 'no_such_module', 'add_one' LANGUAGE C;
SET dynamic_library_path = '$pkglib';
CREATE FUNCTION cf_path(int4) RETURNS int4 AS 'test_cfuncs', 'add_one' LANGUAGE C;
RESET dynamic_library_path;
CREATE FUNCTION cf_path(int4) RETURNS int4 AS '$nosuchmacro/test_cfuncs', 'add_one' LANGUAGE C;
-- These messages name the module's full path, which differs between
-- servers and installations: only their SQLSTATE is compared here.
\set VERBOSITY sqlstate
-- a missing symbol (42883)
CREATE FUNCTION cf_nosym(int4) RETURNS int4
  AS '$libdir/test_cfuncs', 'no_such_symbol' LANGUAGE C;
-- a module without PG_MODULE_MAGIC (XX000)
CREATE FUNCTION cf_nomagic(int4) RETURNS int4
  AS '$libdir/test_nomagic', 'add_one' LANGUAGE C;
\set VERBOSITY default

DROP FUNCTION cf_init_count(), add_one(int4), cf_add(int4), sum_nonstrict(int4, int4),
  sum_nonstrict3(int4, int4, int4), half_or_null(int8), text_join(text, text, text),
  text_reverse(text), quote_ident_c(text), bytea_xor(bytea, int4), int_array_sum(int4[]),
  int_array_range(int4, int4), raise_error(text), direct_calls(float8),
  call_by_oid(regprocedure, int4), int_series(int4, int4), int_series(int4, int4, int4),
  squares(int4), times_two(int4), make_pair(int4, text), pair_from_strings(text, text), pair_label(cf_pair);
DROP TABLE cf_pair;
