--
-- COLLATE: expressions, column collations, derivation errors.  Tusk has
-- PostgreSQL's built-in collations "default", "C" and "POSIX"; all order
-- strings by their bytes (the databases here are created with locale C).
--
CREATE TABLE coll (a text, b text COLLATE "C", c text COLLATE "POSIX", d varchar(10) COLLATE "C",
  i int);
INSERT INTO coll VALUES ('b', 'B', 'bb', 'x', 1), ('a', 'A', 'aa', 'y', 2), ('C', 'c', 'CC', 'z', 3);
SELECT attname, collname FROM pg_attribute a LEFT JOIN pg_collation c ON c.oid = a.attcollation
 WHERE attrelid = 'coll'::regclass AND attnum > 0 ORDER BY attnum;
SELECT a COLLATE "C" AS a FROM coll ORDER BY a COLLATE "C";
SELECT a FROM coll ORDER BY a COLLATE "POSIX" DESC;
SELECT a FROM coll ORDER BY a COLLATE "default";
SELECT a FROM coll ORDER BY a COLLATE pg_catalog."C";
SELECT a FROM coll WHERE a COLLATE "C" < 'b' ORDER BY 1;
SELECT a FROM coll WHERE a < 'b' COLLATE "C" ORDER BY 1;
SELECT 'a' COLLATE "C" < 'b' COLLATE "C" AS t, 'a' COLLATE "C" COLLATE "POSIX" AS x;
SELECT b || c AS cat FROM coll ORDER BY i;
SELECT b COLLATE "C" < c AS lt FROM coll ORDER BY i;
SELECT b < c COLLATE "POSIX" AS lt FROM coll ORDER BY i;
SELECT (b || 'x') COLLATE "POSIX" < c AS lt FROM coll ORDER BY i;
SELECT a < b AS default_and_c, a < c AS default_and_posix FROM coll ORDER BY i;
SELECT upper(b COLLATE "C"), lower(c) COLLATE "C", length(a COLLATE "POSIX") FROM coll ORDER BY i;
SELECT max(b COLLATE "C"), min(c) FROM coll;
SELECT d COLLATE "POSIX" FROM coll ORDER BY i;
SELECT 'x'::name COLLATE "C", 'x'::char(3) COLLATE "POSIX";
SELECT relname FROM pg_class WHERE relname OPERATOR(pg_catalog.~) '^(coll)$' COLLATE pg_catalog.default;
SELECT relname FROM pg_class WHERE relname = 'coll' COLLATE "C";
-- views print the COLLATE clauses
CREATE VIEW collv AS
  SELECT a COLLATE "C" AS ac, b, a < 'x' COLLATE "POSIX" AS lt, (a || b) COLLATE "C" AS cat
    FROM coll WHERE a COLLATE "C" > 'a' ORDER BY a COLLATE "POSIX";
SELECT pg_get_viewdef('collv'::regclass, true);
SELECT * FROM collv;
DROP VIEW collv;
ALTER TABLE coll ADD COLUMN e text COLLATE "POSIX";
SELECT attname, collname FROM pg_attribute a LEFT JOIN pg_collation c ON c.oid = a.attcollation
 WHERE attrelid = 'coll'::regclass AND attname = 'e';
CREATE TABLE coll3 AS SELECT b, b COLLATE "POSIX" AS bp, a || b AS ab FROM coll;
SELECT attname, collname FROM pg_attribute a LEFT JOIN pg_collation c ON c.oid = a.attcollation
 WHERE attrelid = 'coll3'::regclass AND attnum > 0 ORDER BY attnum;
DROP TABLE coll3;

-- errors
\set VERBOSITY sqlstate
SELECT 1 COLLATE "C";
\set VERBOSITY default
SELECT i COLLATE "C" FROM coll;
SELECT a COLLATE "foo" FROM coll;
SELECT a COLLATE pg_catalog.foo FROM coll;
SELECT a COLLATE public."C" FROM coll;
SELECT a COLLATE "c" FROM coll;
SELECT b COLLATE "C" < c COLLATE "POSIX" FROM coll;
SELECT 'a' COLLATE "default" = 'a' COLLATE "C";
SELECT (b || 'x') COLLATE "POSIX" < c COLLATE "C" FROM coll;
CREATE TABLE coll2 (x int COLLATE "C");
CREATE TABLE coll2 (x text COLLATE "en_US");
CREATE TABLE coll2 (x text COLLATE "C" COLLATE "POSIX");
ALTER TABLE coll ADD COLUMN f int COLLATE "C";
ALTER TABLE coll ADD COLUMN f text COLLATE "nosuch";
DROP TABLE coll;
