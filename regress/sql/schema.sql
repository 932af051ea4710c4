--
-- CREATE SCHEMA / DROP SCHEMA, with schema elements and dependencies
--
CREATE SCHEMA sch_a;
CREATE SCHEMA sch_a;
CREATE SCHEMA IF NOT EXISTS sch_a;
CREATE SCHEMA pg_mine;
CREATE SCHEMA sch_b AUTHORIZATION no_such_role;
CREATE SCHEMA IF NOT EXISTS sch_c CREATE TABLE t (a int);
SELECT nspname FROM pg_namespace WHERE nspname LIKE 'sch\_%' ORDER BY 1;

-- objects in a schema
CREATE TABLE sch_a.items (id int PRIMARY KEY, label text DEFAULT 'none');
INSERT INTO sch_a.items (id) VALUES (1), (2);
SELECT * FROM sch_a.items ORDER BY id;
SELECT * FROM items;
SELECT * FROM sch_a.nothing;
SELECT * FROM no_schema.items;
SELECT relname, relnamespace::regnamespace FROM pg_class
  WHERE relnamespace = 'sch_a'::regnamespace ORDER BY relname;
SELECT 'sch_a.items'::regclass;

-- the search path finds it; new objects go into the first schema
SET search_path = sch_a, public;
SELECT * FROM items ORDER BY id;
CREATE TABLE more_items (x int);
SELECT relnamespace::regnamespace FROM pg_class WHERE relname = 'more_items';
SELECT 'items'::regclass;
RESET search_path;
SELECT 'sch_a.more_items'::regclass;

-- schema elements, as worker_spi sends them
CREATE SCHEMA sch_spi
  CREATE TABLE counted (type text, value integer)
  CREATE UNIQUE INDEX counted_unique_total ON counted (type) WHERE type = 'total';
INSERT INTO sch_spi.counted VALUES ('total', 1), ('delta', 2), ('delta', 3);
INSERT INTO sch_spi.counted VALUES ('total', 4);
SELECT * FROM sch_spi.counted ORDER BY value;
SELECT relname FROM pg_class WHERE relnamespace = 'sch_spi'::regnamespace ORDER BY 1;
-- an index element may come before its table
CREATE SCHEMA sch_order
  CREATE INDEX late_idx ON late (a)
  CREATE TABLE late (a int, b int);
SELECT relname FROM pg_class WHERE relnamespace = 'sch_order'::regnamespace ORDER BY 1;
-- an element naming another schema
CREATE SCHEMA sch_bad CREATE TABLE sch_a.t (a int);
CREATE SCHEMA sch_bad CREATE TABLE sch_bad.t (a int) CREATE TABLE public.u (b int);
SELECT count(*) FROM pg_namespace WHERE nspname = 'sch_bad';
-- the whole statement is one: a failing element leaves no schema
CREATE SCHEMA sch_bad CREATE TABLE t (a int) CREATE TABLE t (b int);
SELECT count(*) FROM pg_namespace WHERE nspname = 'sch_bad';

-- transactional
BEGIN;
CREATE SCHEMA sch_tx;
CREATE TABLE sch_tx.t (a int);
ROLLBACK;
SELECT count(*) FROM pg_namespace WHERE nspname = 'sch_tx';
SELECT * FROM sch_tx.t;

-- DROP SCHEMA
DROP SCHEMA no_such_schema;
DROP SCHEMA IF EXISTS no_such_schema;
DROP SCHEMA pg_catalog;
DROP SCHEMA sch_a;
DROP SCHEMA sch_a RESTRICT;
DROP SCHEMA sch_spi CASCADE;
SELECT * FROM sch_spi.counted;
DROP SCHEMA sch_a, sch_order CASCADE;
SELECT count(*) FROM pg_class WHERE relname IN ('items', 'more_items', 'late', 'late_idx', 'items_pkey');
SELECT nspname FROM pg_namespace WHERE nspname LIKE 'sch\_%' ORDER BY 1;
-- an empty schema goes without CASCADE
CREATE SCHEMA sch_empty;
DROP SCHEMA sch_empty;
CREATE SCHEMA sch_one;
CREATE TABLE sch_one.t (a int);
DROP SCHEMA IF EXISTS sch_one, no_such_schema CASCADE;
SELECT nspname FROM pg_namespace WHERE nspname LIKE 'sch\_%' ORDER BY 1;
