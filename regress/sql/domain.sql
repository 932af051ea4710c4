--
-- Domains: CREATE / ALTER / DROP DOMAIN, constraint checks, coercions
--
CREATE SCHEMA dom;
SET search_path = dom, public;

-- CREATE DOMAIN with every kind of constraint
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE DOMAIN us_zip text CONSTRAINT zip_format CHECK (VALUE ~ '^[0-9]{5}$') NOT NULL;
CREATE DOMAIN shortname varchar(5) COLLATE "C" DEFAULT 'anon';
CREATE DOMAIN evenpos AS posint CHECK (mod(VALUE, 2) = 0);
CREATE DOMAIN maybe_null int NULL;
CREATE DOMAIN twochecks int CONSTRAINT b_less CHECK (VALUE < 100) CONSTRAINT a_more CHECK (VALUE > 10);
CREATE DOMAIN ints int[] CHECK (array_length(VALUE, 1) <= 3);

-- errors while creating
CREATE DOMAIN posint AS int;
CREATE DOMAIN bad1 AS int DEFAULT 1 DEFAULT 2;
CREATE DOMAIN bad2 AS int NULL NOT NULL;
CREATE DOMAIN bad3 AS int NOT NULL NULL;
CREATE DOMAIN bad4 AS int UNIQUE;
CREATE DOMAIN bad5 AS int PRIMARY KEY;
CREATE DOMAIN bad6 AS int REFERENCES nothing;
CREATE DOMAIN bad7 AS int CHECK (VALUE > 0) NO INHERIT;
CREATE DOMAIN bad8 AS int DEFERRABLE;
CREATE DOMAIN bad9 AS int COLLATE "C";
CREATE DOMAIN bad10 AS record;
CREATE DOMAIN bad11 AS nosuchtype;
CREATE DOMAIN bad12 AS int CHECK (nosuchcol > 0);
CREATE DOMAIN bad13 AS int CHECK (VALUE);
CREATE DOMAIN bad14 AS int DEFAULT 'x';
CREATE DOMAIN bad15 AS int CHECK (VALUE > (SELECT 1));

-- the catalog rows
SELECT typname, typtype, typbasetype::regtype, typtypmod, typnotnull, typndims,
       typdefault, typcollation <> 0 AS has_collation, typlen, typbyval, typalign,
       typinput::regproc, typoutput::regproc, typreceive::regproc, typsend::regproc,
       typcategory
  FROM pg_type WHERE typnamespace = 'dom'::regnamespace AND typtype = 'd'
  ORDER BY typname;
SELECT t.typname, e.typname AS elem
  FROM pg_type t JOIN pg_type e ON t.typelem = e.oid
  WHERE t.typnamespace = 'dom'::regnamespace AND e.typtype = 'd' ORDER BY 1;
SELECT conname, contype, contypid::regtype, conrelid, convalidated,
       pg_get_constraintdef(oid) AS def
  FROM pg_constraint WHERE connamespace = 'dom'::regnamespace ORDER BY contypid::regtype::text, conname;
SELECT format_type('posint'::regtype, -1), format_type('shortname'::regtype, -1),
       'posint'::regtype, 'evenpos[]'::regtype;

-- casts check the constraints
SELECT 5::posint, '7'::posint, 4::evenpos;
SELECT 0::posint;
SELECT '-3'::posint;
SELECT 3::evenpos;
SELECT (-2)::evenpos;
SELECT NULL::posint IS NULL AS is_null;
SELECT NULL::us_zip;
SELECT '12345'::us_zip, '1234'::us_zip;
SELECT 'abcdefgh'::shortname;
SELECT 50::twochecks;
SELECT 5::twochecks;
SELECT 500::twochecks;
SELECT '{1,2,3}'::ints;
SELECT '{1,2,3,4}'::ints;
SELECT ARRAY[1,2]::posint[];
SELECT ARRAY[1,-2]::posint[];
SELECT '{3,4}'::posint[];
SELECT '{3,0}'::posint[];
SELECT pg_typeof(5::posint), pg_typeof(5::posint + 1), pg_typeof('{1}'::posint[]);

-- a domain value works as its base type: operators, functions, casts
SELECT 5::posint + 3, 5::posint = 5, 5::posint > 2::posint, abs(5::posint),
       (5::posint)::text, (5::posint)::bigint, ('12345'::us_zip) || '-0000',
       length('12345'::us_zip), upper('abc'::shortname);
SELECT '5'::posint::evenpos;
SELECT 6::posint::evenpos;
SELECT greatest(3::posint, 7), coalesce(NULL::posint, 4);
SELECT CASE WHEN true THEN 1::posint ELSE 2 END;

-- columns of domain types
CREATE TABLE addr (id int, zip us_zip, n posint, name shortname, e evenpos, tags ints);
INSERT INTO addr VALUES (1, '12345', 1, 'bob', 2, '{1}');
INSERT INTO addr VALUES (2, '98765', 2, DEFAULT, 4, NULL);
INSERT INTO addr (id, zip, n) VALUES (3, '11111', 3);
INSERT INTO addr VALUES (4, 'x1234', 1, 'a', 2, NULL);
INSERT INTO addr VALUES (5, NULL, 1, 'a', 2, NULL);
INSERT INTO addr (id, n) VALUES (6, 1);
INSERT INTO addr VALUES (7, '22222', 0, 'a', 2, NULL);
INSERT INTO addr VALUES (8, '22222', 1, 'a', 3, NULL);
INSERT INTO addr VALUES (9, '22222', 1, 'a', -2, NULL);
INSERT INTO addr VALUES (10, '22222', 1, 'abcdefg', 2, NULL);
INSERT INTO addr VALUES (11, '22222', 1, 'a', 2, '{1,2,3,4,5}');
SELECT * FROM addr ORDER BY id;
UPDATE addr SET n = n + 10 WHERE id = 1;
UPDATE addr SET n = n - 10 WHERE id = 2;
UPDATE addr SET zip = NULL WHERE id = 1;
UPDATE addr SET name = DEFAULT WHERE id = 1;
SELECT * FROM addr ORDER BY id;
SELECT n, count(*) FROM addr GROUP BY n ORDER BY n;
SELECT * FROM addr WHERE zip = '98765';
SELECT * FROM addr WHERE n = 2 AND n > 1::posint;
SELECT sum(n), max(n), min(zip) FROM addr;
SELECT a.id FROM addr a JOIN addr b ON a.n = b.n ORDER BY 1;
CREATE INDEX addr_n ON addr (n);
SELECT id FROM addr WHERE n = 11;
INSERT INTO addr SELECT 20, '33333', n + 100, 'x', 8, NULL FROM addr WHERE id = 1;
INSERT INTO addr SELECT 21, '33333', n - 100, 'x', 8, NULL FROM addr WHERE id = 1;
COPY addr (id, zip, n, name, e) FROM stdin;
30	44444	5	cp	6
\.
COPY addr (id, zip, n, name, e) FROM stdin;
31	4444	5	cp	6
\.
COPY addr (id, zip, n, name, e) FROM stdin;
32	44444	-5	cp	6
\.
COPY addr (id, zip, n, name, e) FROM stdin;
33	\N	5	cp	6
\.
SELECT * FROM addr WHERE id >= 20 ORDER BY id;
COPY (SELECT id, zip, n FROM addr WHERE id = 30) TO stdout;

-- \d shows the domain names
\d addr
\dD dom.*
\dD+ dom.us_zip

-- a table CHECK and a view over domain columns
CREATE TABLE t2 (a posint CHECK (a < 50), b evenpos DEFAULT 2);
INSERT INTO t2 (a) VALUES (10);
INSERT INTO t2 VALUES (60, 4);
SELECT * FROM t2;
CREATE VIEW v2 AS SELECT a, b, a::int + 1 AS c, 3::posint AS d FROM t2;
SELECT * FROM v2;
\d v2

-- functions taking and returning domains
CREATE FUNCTION double_it(posint) RETURNS posint LANGUAGE sql AS 'SELECT $1 * 2';
SELECT double_it(4), double_it('5');
SELECT double_it(0);
CREATE FUNCTION plus1(int) RETURNS int LANGUAGE sql AS 'SELECT $1 + 1';
SELECT plus1(4::posint), plus1(n) FROM addr WHERE id = 1;
CREATE FUNCTION neg(int) RETURNS posint LANGUAGE sql AS 'SELECT -$1';
SELECT neg(-3);
SELECT neg(3);

-- ALTER DOMAIN
ALTER DOMAIN posint SET DEFAULT 7;
CREATE TABLE t3 (a posint, b int);
INSERT INTO t3 (b) VALUES (1);
SELECT * FROM t3;
ALTER DOMAIN posint DROP DEFAULT;
INSERT INTO t3 (b) VALUES (2);
SELECT * FROM t3 ORDER BY b;
ALTER DOMAIN posint SET NOT NULL;
DELETE FROM t3 WHERE a IS NULL;
ALTER DOMAIN posint SET NOT NULL;
UPDATE addr SET e = 10 WHERE e IS NULL;
ALTER DOMAIN posint SET NOT NULL;
INSERT INTO t3 (b) VALUES (3);
INSERT INTO t3 VALUES (NULL, 3);
ALTER DOMAIN posint DROP NOT NULL;
INSERT INTO t3 VALUES (NULL, 3);
SELECT * FROM t3 ORDER BY b;
ALTER DOMAIN posint ADD CONSTRAINT small CHECK (VALUE < 1000);
ALTER DOMAIN posint ADD CONSTRAINT tiny CHECK (VALUE < 5);
ALTER DOMAIN posint ADD CONSTRAINT tiny CHECK (VALUE < 5) NOT VALID;
SELECT 6::posint;
INSERT INTO t3 VALUES (6, 4);
ALTER DOMAIN posint VALIDATE CONSTRAINT tiny;
ALTER DOMAIN posint ADD CONSTRAINT small CHECK (VALUE < 10);
ALTER DOMAIN posint DROP CONSTRAINT tiny;
ALTER DOMAIN posint DROP CONSTRAINT tiny;
ALTER DOMAIN posint DROP CONSTRAINT IF EXISTS tiny;
ALTER DOMAIN posint ADD CHECK (VALUE <> 13);
ALTER DOMAIN posint ADD CHECK (VALUE <> 14) NOT VALID;
SELECT conname, convalidated, pg_get_constraintdef(oid) FROM pg_constraint
  WHERE contypid = 'posint'::regtype ORDER BY conname;
ALTER DOMAIN posint VALIDATE CONSTRAINT posint_check1;
ALTER DOMAIN posint VALIDATE CONSTRAINT nosuch;
ALTER DOMAIN posint ADD UNIQUE (VALUE);
ALTER DOMAIN posint RENAME CONSTRAINT posint_check1 TO not14;
ALTER DOMAIN posint RENAME CONSTRAINT nosuch TO x;
ALTER DOMAIN posint RENAME CONSTRAINT not14 TO small;
SELECT 14::posint;
ALTER DOMAIN posint DROP CONSTRAINT not14;
ALTER DOMAIN addr SET NOT NULL;
ALTER DOMAIN int4 SET NOT NULL;
ALTER DOMAIN nosuch SET NOT NULL;
ALTER DOMAIN evenpos RENAME TO even_positive;
SELECT 'even_positive[]'::regtype, 8::even_positive;
ALTER DOMAIN even_positive RENAME TO posint;
ALTER DOMAIN even_positive RENAME TO evenpos;
-- a domain over a domain is checked by a new parent constraint too
ALTER DOMAIN posint ADD CONSTRAINT not_twenty CHECK (VALUE <> 20);
SELECT 20::evenpos;

-- COMMENT ON DOMAIN and its constraints
COMMENT ON DOMAIN us_zip IS 'five digits';
COMMENT ON CONSTRAINT zip_format ON DOMAIN us_zip IS 'the format';
SELECT obj_description('us_zip'::regtype, 'pg_type');
SELECT d.description FROM pg_description d JOIN pg_constraint c ON d.objoid = c.oid
  WHERE c.conname = 'zip_format';
COMMENT ON DOMAIN addr IS 'no';
COMMENT ON CONSTRAINT nosuch ON DOMAIN us_zip IS 'no';
COMMENT ON DOMAIN us_zip IS NULL;

-- DROP DOMAIN: columns, functions and other domains depend on it
DROP DOMAIN shortname;
DROP DOMAIN shortname CASCADE;
SELECT * FROM addr WHERE id = 1;
DROP DOMAIN nosuch;
DROP DOMAIN IF EXISTS nosuch;
DROP DOMAIN addr;
DROP DOMAIN int4;
DROP DOMAIN maybe_null, twochecks;
DROP TYPE ints CASCADE;
DROP DOMAIN posint;
DROP DOMAIN posint CASCADE;
\d t2

-- more places values become domain values
CREATE DOMAIN nn AS int NOT NULL CHECK (VALUE < 10);
PREPARE p(nn) AS SELECT $1 + 1;
EXECUTE p(3);
EXECUTE p(30);
EXECUTE p(NULL);
DEALLOCATE p;
CREATE TABLE t4 (a int);
INSERT INTO t4 VALUES (1), (2);
ALTER TABLE t4 ADD COLUMN b nn;
ALTER TABLE t4 ADD COLUMN b nn DEFAULT 5;
ALTER TABLE t4 ADD COLUMN c nn DEFAULT 50;
SELECT * FROM t4 ORDER BY a;
CREATE TABLE t5 (a nn[]);
INSERT INTO t5 VALUES ('{1,2}'), (ARRAY[3]);
INSERT INTO t5 VALUES ('{1,20}');
INSERT INTO t5 VALUES (ARRAY[1, NULL]);
SELECT * FROM t5;
SELECT x::nn FROM generate_series(7, 10) x;
SELECT 1::nn UNION SELECT 2 ORDER BY 1;
SELECT pg_typeof(v) FROM (SELECT 1::nn UNION ALL SELECT 2::nn) s(v) LIMIT 1;
SELECT pg_typeof(v) FROM (SELECT 1::nn UNION ALL SELECT 2) s(v) LIMIT 1;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN good_mood AS mood CHECK (VALUE > 'sad');
SELECT 'happy'::good_mood, 'ok'::good_mood < 'happy';
SELECT 'sad'::good_mood;
CREATE DOMAIN d_text AS text;
SELECT 'a'::d_text || 'b', '5'::nn = '5', 'x'::d_text = 'x', 'x'::d_text LIKE 'x%';
SELECT t.a FROM t4 t WHERE t.b = '5' ORDER BY 1;

DROP SCHEMA dom CASCADE;
RESET search_path;
