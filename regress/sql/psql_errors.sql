-- How psql shows errors: the "LINE n:" excerpt with its caret under the
-- error position (in the first, a middle and the last line of a
-- statement, after tabs and multibyte characters, in long lines that
-- psql shortens around the position), DETAIL, HINT and CONTEXT lines,
-- and VERBOSITY terse, default and sqlstate.  (VERBOSITY verbose adds a
-- LOCATION line naming the server's source file, function and line,
-- which are Tusk's own: regress/integration/psql_test.cpp checks that.)
CREATE TABLE pe (id int PRIMARY KEY, v text NOT NULL, n int CHECK (n > 0));
INSERT INTO pe VALUES (1, 'a', 1);

SELECT nosuch FROM pe;
SELECT id,
       v,
       nosuch
  FROM pe;
SELECT id
  FROM pe
 WHERE nosuch = 1;
SELECT	'tab'	,	nosuch	FROM pe;
SELECT 'ünïcødé', 'ça', nosuch FROM pe;
SELECT 'a long line that keeps going and going past the width psql shows around the error', 'and more text here', nosuch, 'and after it still more text that psql cuts off at the end' FROM pe;
SELECT 1 +;
SELECT * FROM pe WHERE id = 'x';
SELECT * FROM nosuch_table;
SELECT upper(1, 2);
SELECT v::int FROM pe;
SELEC 1;

-- DETAIL and HINT
INSERT INTO pe VALUES (1, 'dup', 2);
INSERT INTO pe VALUES (2, NULL, 2);
INSERT INTO pe VALUES (3, 'c', 0);
SELECT * FROM pe p WHERE pe.id = 1;
SELECT upper(1);
-- A missing column's hint: the one or two columns in reach spelled most
-- nearly like it, a qualifier counting by its own spelling; a column
-- that is there but cannot be referenced from here
CREATE TABLE pe_h1 (abc int, name text);
CREATE TABLE pe_h2 (abd int, named text);
CREATE TABLE pe_h3 (abe int);
SELECT nme FROM pe;
SELECT pe.nme, p.vv FROM pe, pe AS p;
SELECT p.vv FROM pe, pe AS p;
SELECT abx FROM pe_h1, pe_h2;
SELECT abx FROM pe_h1, pe_h2, pe_h3;
SELECT pe_h2.abc FROM pe_h1, pe_h2;
SELECT pe_h1.nam FROM pe_h1, pe_h2;
SELECT x.nam FROM pe_h1 x, pe_h2 y;
SELECT y.nam FROM pe_h1 x, pe_h2 y;
SELECT * FROM pe_h1, (SELECT abc) s;
SELECT * FROM pe_h1, (SELECT ctid) s;
SELECT * FROM pe_h1, (SELECT pe_h1.abc) s;
SELECT completelydifferent FROM pe_h1;
SELECT (SELECT nme FROM pe_h3) FROM pe;
SELECT ab FROM pe_h1, pe_h2;
DROP TABLE pe_h1, pe_h2, pe_h3;
CREATE TABLE pe_ref (r int REFERENCES pe);
INSERT INTO pe_ref VALUES (99);
DROP TABLE pe;
DROP TABLE pe_ref;

-- CONTEXT: from an SQL function and from COPY
CREATE FUNCTION pe_div(a int) RETURNS int LANGUAGE sql AS 'SELECT 10 / a';
SELECT pe_div(0);
COPY pe FROM stdin;
5	e	zero
\.
\set SHOW_CONTEXT never
SELECT pe_div(0);
\set SHOW_CONTEXT errors
SELECT pe_div(0);
\unset SHOW_CONTEXT

-- VERBOSITY
\set VERBOSITY terse
SELECT nosuch FROM pe;
INSERT INTO pe VALUES (1, 'dup', 2);
\set VERBOSITY sqlstate
SELECT nosuch FROM pe;
INSERT INTO pe VALUES (1, 'dup', 2);
\set VERBOSITY default
SELECT nosuch FROM pe;

-- in a transaction block
BEGIN;
SELECT 1/0;
SELECT 1;
ROLLBACK;

-- notices and warnings
DROP TABLE IF EXISTS pe_nosuch;
ROLLBACK;

DROP FUNCTION pe_div(int);
DROP TABLE pe;
