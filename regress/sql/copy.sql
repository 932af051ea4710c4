--
-- COPY FROM STDIN and COPY TO STDOUT, text and csv
--
CREATE TABLE cp_t (a int, b text, c varchar(5) DEFAULT 'dflt', d int NOT NULL DEFAULT 7);

-- text format: escapes, NULLs, a column list, defaults
COPY cp_t FROM stdin;
1	one	x	1
2	\N	\N	2
3	tab\there	y	3
4	back\\slash\nnew	z	4
5	\101\x42\x4a	o	5
\.
COPY cp_t (a, b) FROM stdin;
6	defaults
7	\N
\.
SELECT * FROM cp_t ORDER BY a;
COPY cp_t TO stdout;
COPY cp_t (b, a) TO stdout;

-- a trailing end marker is optional at the end of data; an empty line is a row of one empty field
CREATE TABLE cp_one (s text);
COPY cp_one FROM stdin;
first

\N
last
\.
SELECT s, s IS NULL AS isnull FROM cp_one;

-- delimiter and null string options, old and new syntax
COPY cp_t (a, b) FROM stdin WITH DELIMITER '|' NULL 'nil';
8|pipe
9|nil
\.
COPY cp_t (a, b) FROM stdin WITH (DELIMITER ',', NULL '');
10,comma
11,
\.
SELECT a, b, b IS NULL AS isnull FROM cp_t WHERE a >= 8 ORDER BY a;
COPY cp_t (a, b) TO stdout WITH DELIMITER '|' NULL 'nil';

-- csv
CREATE TABLE cp_csv (x int, y text, z text);
COPY cp_csv FROM stdin WITH CSV;
1,plain,"quoted"
2,"with,comma","with ""quotes"""
3,,""
4,"multi
line",end
\.
COPY cp_csv FROM stdin WITH (FORMAT csv, HEADER true);
x,y,z
5,after,header
\.
COPY cp_csv FROM stdin WITH (FORMAT csv, HEADER match);
x,y,z
6,matched,header
\.
COPY cp_csv FROM stdin WITH (FORMAT csv, QUOTE '''', ESCAPE '\');
7,'it\'s','a,b'
\.
COPY cp_csv FROM stdin WITH CSV HEADER DELIMITER ';';
x;y;z
8;semi;colon
\.
COPY cp_csv FROM stdin WITH (FORMAT csv, FORCE_NOT_NULL (y), FORCE_NULL (z));
9,,""
\.
SELECT x, y, z, y IS NULL AS ynull, z IS NULL AS znull FROM cp_csv ORDER BY x;
COPY cp_csv TO stdout WITH CSV;
COPY cp_csv TO stdout WITH (FORMAT csv, HEADER, FORCE_QUOTE (y));
COPY cp_csv TO stdout WITH (FORMAT csv, FORCE_QUOTE *, DELIMITER '|');
COPY cp_csv (y) TO stdout WITH (FORMAT csv, NULL 'N');
COPY cp_csv TO stdout WITH (FORMAT text, HEADER);

-- queries
COPY (SELECT x, y FROM cp_csv WHERE x < 4 ORDER BY x) TO stdout;
COPY (SELECT 1 AS one, NULL::text AS nothing, E'a\\b\tc' AS esc) TO stdout WITH CSV HEADER;
COPY (VALUES (1, 'v'), (2, 'w')) TO stdout;
COPY (SELECT '\.' AS marker) TO stdout WITH CSV;

-- rows go through the table's indexes and constraints
CREATE TABLE cp_u (id int PRIMARY KEY, v text);
COPY cp_u FROM stdin;
1	a
2	b
\.
COPY cp_u FROM stdin;
3	c
1	dup
\.
SELECT * FROM cp_u ORDER BY id;
SELECT * FROM cp_u WHERE id = 2;

-- bad rows: the whole COPY is undone
COPY cp_t (a, b) FROM stdin;
20	ok
x	bad
\.
COPY cp_t (a, b) FROM stdin;
21	ok
22
\.
COPY cp_t (a, b) FROM stdin;
23	ok	extra
\.
COPY cp_t (a, c) FROM stdin;
24	toolong
\.
COPY cp_t (a, d) FROM stdin;
25	\N
\.
COPY cp_csv FROM stdin WITH CSV;
1,"unterminated
\.
COPY cp_csv FROM stdin WITH (FORMAT csv, HEADER match);
x,y
\.
COPY cp_csv FROM stdin WITH (FORMAT csv, HEADER match);
x,why,z
\.
COPY cp_t (a, b) FROM stdin;
26	\xff
\.
COPY cp_t (a, b) FROM stdin;
27	\0
\.
COPY cp_t (a, b) FROM stdin;
28	\xc3\xa9
\.
SELECT count(*) FROM cp_t WHERE a >= 20;

-- a transaction keeps or drops copied rows with everything else
BEGIN;
COPY cp_one FROM stdin;
in transaction
\.
ROLLBACK;
SELECT count(*) FROM cp_one WHERE s = 'in transaction';

-- option and statement errors (not with FROM stdin: how psql goes on after a
-- COPY FROM stdin that fails before its data differs between psql 15's minor
-- versions; FROM a file fails the same way, its checks coming first)
COPY cp_nosuch TO stdout;
COPY cp_t (nosuch) TO stdout;
COPY cp_t (a, a) TO stdout;
COPY cp_t TO stdout WITH (FORMAT xml);
COPY cp_t TO stdout WITH (FORMAT csv, FORMAT text);
COPY cp_t TO stdout WITH (bogus true);
COPY cp_t TO stdout WITH (DELIMITER 'ab');
COPY cp_t TO stdout WITH (DELIMITER 'a');
COPY cp_t TO stdout WITH (QUOTE '"');
COPY cp_t TO stdout WITH (FORMAT csv, DELIMITER '"');
COPY cp_t FROM '/nonexistent/tusk-regress' WITH (FORMAT csv, FORCE_QUOTE (a));
COPY cp_t TO stdout WITH (FORMAT csv, FORCE_NOT_NULL (a));
COPY cp_t FROM '/nonexistent/tusk-regress' WITH (FORMAT csv, FORCE_NOT_NULL (nosuch));
COPY cp_t (a) FROM '/nonexistent/tusk-regress' WITH (FORMAT csv, FORCE_NOT_NULL (b));
COPY cp_t TO stdout WITH (NULL 'a\tb', DELIMITER E'\t');
COPY cp_t TO stdout WITH (ENCODING 'nosuch');
COPY cp_t TO stdout WITH (HEADER match);
COPY cp_t TO stdout WITH (HEADER maybe);
COPY cp_t TO stdout WITH (ENCODING 'UTF8', FORMAT csv);

-- FREEZE needs a table created or truncated in the same transaction
COPY cp_one FROM stdin WITH (FREEZE);
frozen
\.
BEGIN;
CREATE TABLE cp_frozen (s text);
COPY cp_frozen FROM stdin WITH (FREEZE);
frozen
\.
COMMIT;
SELECT * FROM cp_frozen;

DROP TABLE cp_t, cp_one, cp_csv, cp_u, cp_frozen;
