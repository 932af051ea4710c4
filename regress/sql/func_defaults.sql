--
-- Calls that leave out parameters with default values
--
CREATE FUNCTION fd_add(a int, b int DEFAULT 10, c int DEFAULT 100) RETURNS int
  LANGUAGE sql IMMUTABLE AS 'SELECT a + b + c';
SELECT fd_add(1), fd_add(1, 2), fd_add(1, 2, 3);
-- not enough arguments, too many
SELECT fd_add();
SELECT fd_add(1, 2, 3, 4);
-- defaults of other types, coerced to the parameter's type
CREATE FUNCTION fd_label(n numeric, prefix text DEFAULT 'n=', scale int DEFAULT 2::smallint)
  RETURNS text LANGUAGE sql AS 'SELECT prefix || round(n, scale)';
SELECT fd_label(3.14159), fd_label(3.14159, 'pi: '), fd_label(3.14159, 'pi: ', 4);
-- a default that is an expression, evaluated at each call
CREATE FUNCTION fd_later(t timestamptz DEFAULT now()) RETURNS boolean
  LANGUAGE sql AS 'SELECT t = now()';
SELECT fd_later(), fd_later('2000-01-01');
-- the default of a parameter whose argument is an unknown literal
SELECT fd_add('5');
-- in a table's rows, in WHERE, in a column default
CREATE TABLE fd_t (x int, y int DEFAULT fd_add(0));
INSERT INTO fd_t (x) VALUES (1), (2);
INSERT INTO fd_t VALUES (3, fd_add(3, 0));
SELECT x, y, fd_add(x), fd_add(x, y) FROM fd_t WHERE fd_add(x) > 111 ORDER BY x;
-- a view keeps the call as written
CREATE VIEW fd_v AS SELECT fd_add(x) AS s, fd_add(x, 1) AS s1 FROM fd_t;
SELECT pg_get_viewdef('fd_v'::regclass);
SELECT * FROM fd_v ORDER BY s;
-- in a prepared statement, with a parameter
PREPARE fd_p(int) AS SELECT fd_add($1), fd_add($1, $1);
EXECUTE fd_p(7);
DEALLOCATE fd_p;
-- two functions the call matches equally: ambiguous
CREATE FUNCTION fd_amb(a int) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION fd_amb(a int, b int DEFAULT 0) RETURNS int LANGUAGE sql AS 'SELECT 2';
SELECT fd_amb(1);
SELECT fd_amb(1, 2);
-- an exact match in an earlier schema of the path wins
CREATE SCHEMA fd_s;
CREATE FUNCTION fd_s.fd_path(a int, b int DEFAULT 0) RETURNS text LANGUAGE sql AS 'SELECT ''fd_s''';
CREATE FUNCTION public.fd_path(a int) RETURNS text LANGUAGE sql AS 'SELECT ''public''';
SET search_path = fd_s, public;
SELECT fd_path(1);
SET search_path = public, fd_s;
SELECT fd_path(1);
RESET search_path;
-- a better type match beats fewer defaults
CREATE FUNCTION fd_type(a bigint) RETURNS text LANGUAGE sql AS 'SELECT ''bigint''';
CREATE FUNCTION fd_type(a int, b int DEFAULT 0) RETURNS text LANGUAGE sql AS 'SELECT ''int, default''';
SELECT fd_type(1), fd_type(1::bigint);
-- polymorphic parameters with defaults
CREATE FUNCTION fd_poly(a anyelement, b anyelement DEFAULT NULL) RETURNS anyelement
  LANGUAGE sql AS 'SELECT coalesce(b, a)';
SELECT fd_poly(1), fd_poly('x'::text), fd_poly(1, 2);
-- a built-in function's default (pg_terminate_backend's timeout): a pid that
-- is not a server process gets PostgreSQL's warning
SELECT pg_terminate_backend(0);
-- OR REPLACE may not remove defaults
CREATE OR REPLACE FUNCTION fd_add(a int, b int, c int DEFAULT 100) RETURNS int
  LANGUAGE sql IMMUTABLE AS 'SELECT a + b + c';
DROP VIEW fd_v;
DROP TABLE fd_t;
DROP FUNCTION fd_add(int, int, int), fd_label(numeric, text, int), fd_later(timestamptz),
  fd_amb(int), fd_amb(int, int), fd_path(int), fd_type(bigint), fd_type(int, int),
  fd_poly(anyelement, anyelement);
DROP SCHEMA fd_s CASCADE;
