--
-- CHECK constraints; ALTER TABLE … ADD CHECK / DROP CONSTRAINT
--
CREATE TABLE chk_t (
    a int CHECK (a > 0),
    b text,
    CHECK (b <> ''),
    CONSTRAINT ab_ok CHECK (a < 100 OR b = 'big')
);
SELECT conname, contype, conkey, convalidated, connoinherit
  FROM pg_constraint WHERE conrelid = 'chk_t'::regclass ORDER BY conname;
SELECT relchecks FROM pg_class WHERE relname = 'chk_t';
INSERT INTO chk_t VALUES (1, 'x');
INSERT INTO chk_t VALUES (0, 'x');
INSERT INTO chk_t VALUES (NULL, 'x');
INSERT INTO chk_t VALUES (5, '');
INSERT INTO chk_t VALUES (200, 'small');
INSERT INTO chk_t VALUES (200, 'big');
-- several fail: the first by name is reported
INSERT INTO chk_t VALUES (-5, '');
INSERT INTO chk_t VALUES (2, 'y'), (3, 'z'), (-1, 'w');
UPDATE chk_t SET a = -1 WHERE a = 1;
UPDATE chk_t SET a = a + 1;
UPDATE chk_t SET b = '' WHERE a IS NULL;
INSERT INTO chk_t SELECT a * 1000, b FROM chk_t WHERE a IS NOT NULL;
SELECT * FROM chk_t ORDER BY a, b;

-- PostgreSQL's names, numbered on collisions
CREATE TABLE chk_n (a int CHECK (a > 0), b int, CHECK (a < 10), CHECK (true), CHECK (1 < 2),
                    CHECK (b > a));
SELECT conname, conkey FROM pg_constraint WHERE conrelid = 'chk_n'::regclass ORDER BY conname;
-- names are unique in the schema
CREATE TABLE chk_n2 (a int CHECK (a > 0));
SELECT conname FROM pg_constraint WHERE conrelid = 'chk_n2'::regclass;

-- refused
CREATE TABLE chk_e (a int CHECK (a > (SELECT 1)));
CREATE TABLE chk_e (a int CHECK (count(*) > 0));
CREATE TABLE chk_e (a int CHECK (a + 1));
CREATE TABLE chk_e (a int CHECK (b > 0));
CREATE TABLE chk_e (a int, CONSTRAINT c1 CHECK (a > 0), CONSTRAINT c1 CHECK (a < 5));
CREATE TABLE chk_e (a int CHECK (chk_t.a > 0));
SELECT count(*) FROM pg_class WHERE relname = 'chk_e';

-- NOT VALID means nothing in CREATE TABLE
CREATE TABLE chk_nv (a int, CONSTRAINT pos CHECK (a > 0) NOT VALID);
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'chk_nv'::regclass;
INSERT INTO chk_nv VALUES (-1);

-- the CHECK worker_spi's table has
CREATE SCHEMA chk_spi
  CREATE TABLE counted (type text CHECK (type IN ('total', 'delta')), value integer)
  CREATE UNIQUE INDEX counted_unique_total ON counted (type) WHERE type = 'total';
INSERT INTO chk_spi.counted VALUES ('total', 1), ('delta', 2);
INSERT INTO chk_spi.counted VALUES ('other', 3);
SELECT * FROM chk_spi.counted ORDER BY value;
DROP SCHEMA chk_spi CASCADE;

-- ALTER TABLE … ADD CHECK checks the existing rows
CREATE TABLE chk_alt (a int, b int);
INSERT INTO chk_alt VALUES (1, 10), (2, 20), (NULL, 30);
ALTER TABLE chk_alt ADD CHECK (a < 2);
ALTER TABLE chk_alt ADD CONSTRAINT a_small CHECK (a < 5);
ALTER TABLE chk_alt ADD CONSTRAINT a_small CHECK (a < 6);
ALTER TABLE chk_alt ADD CHECK (b > a);
SELECT conname, conkey, convalidated FROM pg_constraint
 WHERE conrelid = 'chk_alt'::regclass ORDER BY conname;
INSERT INTO chk_alt VALUES (7, 70);
INSERT INTO chk_alt VALUES (3, 1);
-- NOT VALID skips the existing rows but binds new ones
ALTER TABLE chk_alt ADD CONSTRAINT b_big CHECK (b > 15) NOT VALID;
SELECT conname, convalidated FROM pg_constraint
 WHERE conrelid = 'chk_alt'::regclass AND conname = 'b_big';
INSERT INTO chk_alt VALUES (3, 12);
INSERT INTO chk_alt VALUES (3, 16);
SELECT * FROM chk_alt ORDER BY b;

-- DROP CONSTRAINT
ALTER TABLE chk_alt DROP CONSTRAINT a_small;
ALTER TABLE chk_alt DROP CONSTRAINT a_small;
ALTER TABLE chk_alt DROP CONSTRAINT IF EXISTS a_small;
INSERT INTO chk_alt VALUES (9, 90);
SELECT relchecks FROM pg_class WHERE relname = 'chk_alt';
ALTER TABLE chk_alt DROP CONSTRAINT chk_alt_b_check, DROP CONSTRAINT b_big;
SELECT relchecks FROM pg_class WHERE relname = 'chk_alt';
INSERT INTO chk_alt VALUES (4, 2);
-- a primary key's constraint takes its index with it
ALTER TABLE chk_alt ADD PRIMARY KEY (b);
SELECT count(*) FROM pg_class WHERE relname = 'chk_alt_pkey';
ALTER TABLE chk_alt DROP CONSTRAINT chk_alt_pkey;
SELECT count(*) FROM pg_class WHERE relname = 'chk_alt_pkey';
INSERT INTO chk_alt VALUES (1, 2);
SELECT * FROM chk_alt ORDER BY b, a;

-- a rolled-back ALTER keeps the old constraints
BEGIN;
ALTER TABLE chk_t DROP CONSTRAINT ab_ok;
INSERT INTO chk_t VALUES (500, 'small');
ROLLBACK;
INSERT INTO chk_t VALUES (500, 'small');

-- their dependencies
SELECT pg_describe_object(classid, objid, objsubid) AS object,
       pg_describe_object(refclassid, refobjid, refobjsubid) AS referenced, deptype
  FROM pg_depend
 WHERE classid = 'pg_constraint'::regclass
   AND objid IN (SELECT oid FROM pg_constraint WHERE conrelid = 'chk_n'::regclass)
 ORDER BY 1, 2, 3;
DROP TABLE chk_n;
SELECT count(*) FROM pg_constraint WHERE conname LIKE 'chk\_n\_%';
DROP TABLE chk_t, chk_n2, chk_nv, chk_alt;
