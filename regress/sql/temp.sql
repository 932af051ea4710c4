--
-- Temporary tables, sequences and views: the session's pg_temp_N schema
-- (outputs avoid printing N, which differs between servers)
--
-- a temporary table hides a permanent one of the same name
CREATE TABLE tmpt_shadow (a int);
INSERT INTO tmpt_shadow VALUES (1);
CREATE TEMP TABLE tmpt_shadow (a int, b text);
INSERT INTO tmpt_shadow VALUES (2, 'temp');
SELECT * FROM tmpt_shadow;
SELECT * FROM public.tmpt_shadow;
SELECT * FROM pg_temp.tmpt_shadow;
SELECT relpersistence, relnamespace = pg_my_temp_schema() AS in_temp
  FROM pg_class WHERE relname = 'tmpt_shadow' ORDER BY 1;
SELECT nspname LIKE 'pg_temp_%' AS temp_name FROM pg_namespace WHERE oid = pg_my_temp_schema();
SELECT pg_is_other_temp_schema(pg_my_temp_schema()), pg_is_other_temp_schema('public'::regnamespace);
SELECT pg_table_is_visible('tmpt_shadow'::regclass);
-- dropping the temporary one uncovers the permanent one
DROP TABLE tmpt_shadow;
SELECT * FROM tmpt_shadow;
DROP TABLE tmpt_shadow;

-- LOCAL TEMP and TEMPORARY are the same; serial, keys, checks, indexes
CREATE LOCAL TEMPORARY TABLE tmpt_items (
    id serial PRIMARY KEY,
    code text UNIQUE,
    qty int CHECK (qty > 0)
);
CREATE INDEX tmpt_items_qty ON tmpt_items (qty);
INSERT INTO tmpt_items (code, qty) VALUES ('a', 1), ('b', 2), ('c', 3);
INSERT INTO tmpt_items (code, qty) VALUES ('a', 5);
INSERT INTO tmpt_items (code, qty) VALUES ('d', 0);
UPDATE tmpt_items SET qty = qty * 10 WHERE code = 'b';
DELETE FROM tmpt_items WHERE code = 'c';
SELECT * FROM tmpt_items ORDER BY id;
SELECT relname, relkind, relpersistence FROM pg_class
  WHERE relnamespace = pg_my_temp_schema() ORDER BY relname;
-- a foreign key between temporary tables
CREATE TEMP TABLE tmpt_ref (item int REFERENCES tmpt_items (id));
INSERT INTO tmpt_ref VALUES (1);
INSERT INTO tmpt_ref VALUES (42);
-- a permanent table may not reference a temporary one
CREATE TABLE tmpt_perm_ref (item int REFERENCES tmpt_items (id));
-- nor a temporary table a permanent one
CREATE TABLE tmpt_perm (id int PRIMARY KEY);
CREATE TEMP TABLE tmpt_ref2 (id int REFERENCES tmpt_perm (id));
DROP TABLE tmpt_perm;

-- temporary sequences
CREATE TEMP SEQUENCE tmpt_seq START 10;
SELECT nextval('tmpt_seq'), nextval('tmpt_seq');
SELECT relpersistence FROM pg_class WHERE relname = 'tmpt_seq';

-- temporary views, and views that become temporary
CREATE TEMP VIEW tmpt_view AS SELECT code FROM tmpt_items;
SELECT * FROM tmpt_view ORDER BY 1;
CREATE VIEW tmpt_view2 AS SELECT id FROM tmpt_items;
SELECT relpersistence FROM pg_class WHERE relname IN ('tmpt_view', 'tmpt_view2');
CREATE TEMP VIEW tmpt_view3 AS SELECT 1 AS one;
SELECT relpersistence FROM pg_class WHERE relname = 'tmpt_view3';

-- CREATE TEMP TABLE AS, SELECT INTO TEMP
CREATE TEMP TABLE tmpt_copy AS SELECT id, code FROM tmpt_items;
SELECT * FROM tmpt_copy ORDER BY id;
SELECT code INTO TEMP tmpt_copy2 FROM tmpt_items WHERE id = 1;
SELECT * FROM tmpt_copy2;
SELECT relpersistence FROM pg_class WHERE relname IN ('tmpt_copy', 'tmpt_copy2');

-- a table created in pg_temp is temporary
CREATE TABLE pg_temp.tmpt_explicit (a int);
SELECT relpersistence FROM pg_class WHERE relname = 'tmpt_explicit';
-- search_path may name pg_temp, first for creation
SET search_path = pg_temp, public;
CREATE TABLE tmpt_by_path (a int);
SELECT relpersistence FROM pg_class WHERE relname = 'tmpt_by_path';
RESET search_path;

-- errors
CREATE TEMP TABLE public.tmpt_bad (a int);
CREATE TEMP SEQUENCE public.tmpt_bad_seq;
CREATE TABLE tmpt_bad (a int) ON COMMIT DROP;
CREATE TABLE tmpt_bad (a int) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE tmpt_items (a int);
SELECT * FROM pg_temp.no_such_table;

-- ON COMMIT PRESERVE ROWS (the default)
CREATE TEMP TABLE tmpt_keep (a int) ON COMMIT PRESERVE ROWS;
INSERT INTO tmpt_keep VALUES (1);
SELECT * FROM tmpt_keep;

-- ON COMMIT DELETE ROWS
CREATE TEMP TABLE tmpt_del (a int PRIMARY KEY) ON COMMIT DELETE ROWS;
INSERT INTO tmpt_del VALUES (1);
SELECT * FROM tmpt_del;
BEGIN;
INSERT INTO tmpt_del VALUES (1), (2);
SELECT * FROM tmpt_del ORDER BY a;
SAVEPOINT s;
INSERT INTO tmpt_del VALUES (3);
ROLLBACK TO s;
SELECT * FROM tmpt_del ORDER BY a;
COMMIT;
SELECT * FROM tmpt_del;
INSERT INTO tmpt_del VALUES (1);

-- ON COMMIT DROP
BEGIN;
CREATE TEMP TABLE tmpt_drop (a int) ON COMMIT DROP;
INSERT INTO tmpt_drop VALUES (1);
SELECT * FROM tmpt_drop;
COMMIT;
SELECT * FROM tmpt_drop;
CREATE TEMP TABLE tmpt_drop2 ON COMMIT DROP AS SELECT 1 AS a;
SELECT * FROM tmpt_drop2;
-- rolled back: nothing to drop
BEGIN;
CREATE TEMP TABLE tmpt_drop3 (a int) ON COMMIT DROP;
ROLLBACK;
SELECT count(*) FROM pg_class WHERE relname LIKE 'tmpt_drop%';

-- a temporary table made in a rolled-back transaction is gone
BEGIN;
CREATE TEMP TABLE tmpt_gone (a int);
ROLLBACK;
SELECT * FROM tmpt_gone;

-- a temporary relation's row type is found through the path too
SELECT 'tmpt_copy2'::regtype::oid = (SELECT reltype FROM pg_class WHERE relname = 'tmpt_copy2');
SELECT format_type('tmpt_copy2'::regtype, NULL) = 'tmpt_copy2';

-- a read-only transaction may write this session's temporary tables and
-- sequences, not permanent ones
CREATE TABLE tmpt_ro_perm (a int);
BEGIN READ ONLY;
INSERT INTO tmpt_keep VALUES (2);
UPDATE tmpt_keep SET a = a + 10;
DELETE FROM tmpt_keep WHERE a = 11;
SELECT nextval('tmpt_seq');
SELECT setval('tmpt_seq', 100);
INSERT INTO tmpt_items (code, qty) VALUES ('ro', 1);
SELECT code FROM tmpt_items ORDER BY id;
SELECT * FROM tmpt_keep;
INSERT INTO tmpt_ro_perm VALUES (1);
ROLLBACK;
BEGIN READ ONLY;
INSERT INTO tmpt_ro_perm SELECT a FROM tmpt_keep;
ROLLBACK;
DROP TABLE tmpt_ro_perm;

-- VACUUM and ANALYZE of temporary tables
VACUUM tmpt_items;
ANALYZE tmpt_items;
SELECT reltuples FROM pg_class WHERE relname = 'tmpt_items';

-- DISCARD TEMP drops them all
DISCARD TEMP;
SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema();
SELECT * FROM tmpt_items;
-- the schema stays, empty, for the next temporary table
CREATE TEMP TABLE tmpt_after (a int);
INSERT INTO tmpt_after VALUES (7);
SELECT * FROM tmpt_after;
DISCARD TEMP;
