--
-- Dependencies between objects (pg_depend) and DROP … RESTRICT / CASCADE
--
CREATE TABLE dep_t (a int PRIMARY KEY, b text DEFAULT 'x', c int UNIQUE);
CREATE INDEX dep_t_b_idx ON dep_t (b);
CREATE INDEX dep_t_part_idx ON dep_t (c) WHERE c > 0;

-- What depends on what.  (dep_t's TOAST table, which depends on it
-- internally, is left out: its name holds its OID, which differs
-- between servers; toast.sql checks it.)
SELECT pg_describe_object(classid, objid, objsubid) AS object,
       pg_describe_object(refclassid, refobjid, refobjsubid) AS referenced,
       deptype
  FROM pg_depend
 WHERE ((refclassid = 'pg_class'::regclass AND refobjid = 'dep_t'::regclass)
        OR (classid = 'pg_class'::regclass AND objid = 'dep_t'::regclass)
        OR (classid = 'pg_class'::regclass AND objid IN ('dep_t_pkey'::regclass, 'dep_t_c_key'::regclass)))
   AND pg_describe_object(classid, objid, objsubid) NOT LIKE 'toast table %'
 ORDER BY 1, 2;
SELECT pg_describe_object('pg_class'::regclass, 'dep_t'::regclass, 0);
SELECT pg_describe_object('pg_class'::regclass, 'dep_t'::regclass, 2);
SELECT pg_describe_object('pg_class'::regclass, 'dep_t_b_idx'::regclass, 0);
SELECT pg_describe_object('pg_namespace'::regclass, 'public'::regnamespace, 0);
SELECT pg_describe_object('pg_class'::regclass, 0, 0);
SELECT pg_describe_object('pg_type'::regclass, 'int4'::regtype, 0);

-- a constraint's index goes only with its constraint
DROP INDEX dep_t_pkey;
DROP INDEX dep_t_c_key;
DROP INDEX dep_t_b_idx;
SELECT count(*) FROM pg_class WHERE relname = 'dep_t_b_idx';
-- initdb's objects cannot be dropped at all
DROP TABLE pg_class;

-- DROP TABLE takes its indexes, constraints, defaults and row type along
DROP TABLE dep_t;
SELECT count(*) FROM pg_class WHERE relname LIKE 'dep\_t%';
SELECT count(*) FROM pg_type WHERE typname = 'dep_t';
SELECT count(*) FROM pg_constraint WHERE conname LIKE 'dep\_t%';
SELECT count(*) FROM pg_attrdef d WHERE NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = d.adrelid);
SELECT count(*) FROM pg_depend d
 WHERE d.classid = 'pg_class'::regclass AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = d.objid);

-- several tables at once, one missing
CREATE TABLE dep_x (a int);
CREATE TABLE dep_y (a int);
DROP TABLE dep_x, dep_missing;
DROP TABLE IF EXISTS dep_x, dep_missing, dep_y;
SELECT count(*) FROM pg_class WHERE relname IN ('dep_x', 'dep_y');

-- objects in a schema depend on it
CREATE SCHEMA dep_s;
CREATE TABLE dep_s.t1 (a int PRIMARY KEY);
CREATE TABLE dep_s.t2 (b text DEFAULT 'y');
CREATE INDEX ON dep_s.t2 (b);
DROP SCHEMA dep_s;
DROP SCHEMA dep_s RESTRICT;
-- a table dropped first no longer holds the schema back
DROP TABLE dep_s.t1;
DROP SCHEMA dep_s CASCADE;
SELECT count(*) FROM pg_class WHERE relname IN ('t1', 't2', 't1_pkey', 't2_b_idx');

-- many dependents: the NOTICE lists them all
CREATE SCHEMA dep_many;
CREATE TABLE dep_many.t1 (a int);
CREATE TABLE dep_many.t2 (a int);
CREATE TABLE dep_many.t3 (a int);
CREATE TABLE dep_many.t4 (a int);
DROP SCHEMA dep_many CASCADE;
-- a rolled-back DROP keeps everything
CREATE SCHEMA dep_rb;
CREATE TABLE dep_rb.t (a int);
INSERT INTO dep_rb.t VALUES (1);
BEGIN;
DROP SCHEMA dep_rb CASCADE;
ROLLBACK;
SELECT * FROM dep_rb.t;
DROP SCHEMA dep_rb CASCADE;
