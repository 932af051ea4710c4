-- psql's other everyday meta-commands against the server: \x, \gset,
-- \gexec, \crosstabview, \copy both ways, \encoding, and — through a
-- second psql whose output a filter cleans of what varies between runs
-- (times, the socket directory and port, the \watch timestamp, and the
-- LOCATION line of \errverbose, which names Tusk's own source file
-- rather than PostgreSQL's: a deliberate difference) — \timing,
-- \conninfo, \watch and \errverbose.
CREATE TABLE pc (id int PRIMARY KEY, name text, qty numeric);
INSERT INTO pc VALUES (1, 'apple', 3), (2, 'pear', NULL), (3, 'fig', 1.5);

-- \x: expanded output, on, off and auto
\x on
SELECT * FROM pc ORDER BY id;
SELECT * FROM pc WHERE false;
\x off
SELECT * FROM pc ORDER BY id LIMIT 1;
\x auto
SELECT * FROM pc ORDER BY id LIMIT 1;
\x off

-- \gset: results into variables, with a prefix; errors for no row and
-- for more than one
SELECT name, qty FROM pc WHERE id = 1 \gset
\echo :name :qty
SELECT id AS v, name FROM pc WHERE id = 3 \gset my_
\echo :my_v :my_name
SELECT id FROM pc WHERE false \gset
SELECT id FROM pc \gset

-- \gexec: each cell of the result run as a statement
SELECT format('CREATE TABLE pc_gx%s (a int)', i) FROM generate_series(1, 2) i \gexec
SELECT format('INSERT INTO pc_gx%s VALUES (%s)', i, i * 10),
       format('SELECT a FROM pc_gx%s', i) FROM generate_series(1, 2) i \gexec
DROP TABLE pc_gx1, pc_gx2;

-- \crosstabview
SELECT v.r, v.c, v.val FROM (VALUES ('a', 'x', 1), ('a', 'y', 2), ('b', 'x', 3), ('c', 'y', 4))
  AS v(r, c, val) \crosstabview
SELECT v.r, v.c, v.val, v.s FROM (VALUES ('a', 'x', 1, 2), ('b', 'y', 3, 1)) AS v(r, c, val, s)
  ORDER BY r DESC \crosstabview r c val s
SELECT 1 AS a, 2 AS b \crosstabview a b c

-- \copy both ways: to stdout (text, CSV with a header, a query), from
-- the script and from a program
\copy pc TO stdout
\copy pc (name, id) TO stdout WITH (FORMAT csv, HEADER)
\copy (SELECT id, upper(name) FROM pc WHERE qty IS NOT NULL ORDER BY id) TO stdout WITH CSV
\copy pc FROM stdin
4	kiwi	7
5	\N	0.25
\.
\copy pc (id, name) FROM stdin WITH (FORMAT csv)
6,"plum, red"
\.
\copy pc FROM PROGRAM 'printf "7\tlime\t2\n"'
SELECT * FROM pc ORDER BY id;
\copy pc FROM stdin
8	bad	not-a-number
\.

-- \encoding
\encoding
\echo :ENCODING
\encoding SQL_ASCII
\encoding
SHOW client_encoding;
\encoding UTF8
\encoding NOSUCH
\encoding

-- \timing, \conninfo, \watch and \errverbose in a second psql
\! printf '%s\n' '\timing on' 'SELECT count(*) FROM pc;' '\timing off' 'SELECT 1 AS done;' | /usr/lib/postgresql/15/bin/psql -X 2>&1 | sed -e 's/^Time: [0-9.]* ms$/Time: (elided)/'
\! /usr/lib/postgresql/15/bin/psql -X -c '\conninfo' 2>&1 | sed -e 's/socket in "[^"]*" at port "[0-9]*"/socket in (elided)/'
CREATE SEQUENCE pc_watch;
\! printf '%s\n' 'SELECT 10 / (3 - nextval($$pc_watch$$)::int) AS x \watch 0.01' | /usr/lib/postgresql/15/bin/psql -X 2>&1 | sed -e 's/^.* (every 0.01s)$/(timestamp) (every 0.01s)/'
\! printf '%s\n' 'SELECT * FROM pc_nosuch;' '\errverbose' 'SELECT 1/0;' '\set VERBOSITY verbose' '\errverbose' 'SELECT 1;' '\errverbose' | /usr/lib/postgresql/15/bin/psql -X 2>&1 | grep -v '^LOCATION:'

DROP SEQUENCE pc_watch;
DROP TABLE pc;
