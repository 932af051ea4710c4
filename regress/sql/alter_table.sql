--
-- ALTER TABLE: columns, defaults, NOT NULL, renames
--

--
-- ADD COLUMN
--
CREATE TABLE at_t (a int, b text);
INSERT INTO at_t VALUES (1, 'one'), (2, 'two');
ALTER TABLE at_t ADD COLUMN c int;
ALTER TABLE at_t ADD d int DEFAULT 42;
ALTER TABLE at_t ADD COLUMN e text DEFAULT 'x' || 'y', ADD COLUMN f numeric(5,2) DEFAULT 1.5;
SELECT * FROM at_t ORDER BY a;
INSERT INTO at_t (a) VALUES (3);
INSERT INTO at_t VALUES (4, 'four', 4, 4, 'four', 4.25);
SELECT * FROM at_t ORDER BY a;
UPDATE at_t SET b = b || '!' WHERE a = 1;
SELECT * FROM at_t WHERE d = 42 ORDER BY a;
SELECT a, d FROM at_t WHERE e = 'xy' ORDER BY a;
SELECT attnum, attname, atttypid::regtype, attnotnull, atthasdef, atthasmissing, attisdropped FROM pg_attribute WHERE attrelid = 'at_t'::regclass AND attnum > 0 ORDER BY attnum;
-- a default that is NULL stores no missing value
ALTER TABLE at_t ADD COLUMN g int DEFAULT NULL;
SELECT attname, atthasmissing FROM pg_attribute WHERE attrelid = 'at_t'::regclass AND attname = 'g';
-- errors
ALTER TABLE at_t ADD COLUMN a int;
ALTER TABLE at_t ADD COLUMN IF NOT EXISTS a int;
ALTER TABLE at_t ADD COLUMN ctid int;
ALTER TABLE at_t ADD COLUMN h int NOT NULL;
ALTER TABLE at_t ADD COLUMN h int DEFAULT 'z';
ALTER TABLE at_t ADD COLUMN h int DEFAULT a;
ALTER TABLE at_t ADD COLUMN h nosuchtype;
ALTER TABLE at_t ADD COLUMN h int DEFAULT 1 DEFAULT 2;
ALTER TABLE at_nosuch ADD COLUMN h int;
ALTER TABLE IF EXISTS at_nosuch ADD COLUMN h int;
-- NOT NULL with a default is fine
ALTER TABLE at_t ADD COLUMN h int NOT NULL DEFAULT 7;
SELECT a, h FROM at_t ORDER BY a;
INSERT INTO at_t (a, h) VALUES (5, NULL);
-- constraints on the new column, checked against the rows
ALTER TABLE at_t ADD COLUMN i int CHECK (i > 0) DEFAULT 0;
ALTER TABLE at_t ADD COLUMN i int CONSTRAINT at_i_pos CHECK (i > 0) DEFAULT 1;
INSERT INTO at_t (a, i) VALUES (6, -1);
ALTER TABLE at_t ADD COLUMN j int UNIQUE DEFAULT 3;
ALTER TABLE at_t ADD COLUMN j int UNIQUE;
INSERT INTO at_t (a, j) VALUES (7, 1), (8, 1);
ALTER TABLE at_t ADD COLUMN k int PRIMARY KEY;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'at_t'::regclass ORDER BY conname;
-- a volatile default rewrites the table: each row its own value
CREATE TABLE at_s (a int);
INSERT INTO at_s VALUES (1), (2), (3), (4), (5);
CREATE INDEX at_s_a ON at_s (a);
ALTER TABLE at_s ADD COLUMN id serial;
SELECT * FROM at_s ORDER BY a;
ALTER TABLE at_s ADD COLUMN ident bigint GENERATED ALWAYS AS IDENTITY (START WITH 10);
SELECT * FROM at_s ORDER BY a;
INSERT INTO at_s (a) VALUES (6);
SELECT * FROM at_s WHERE a = 6;
SELECT a, id FROM at_s WHERE a = 3;
ALTER TABLE at_s ADD COLUMN pk int PRIMARY KEY DEFAULT 1;
SELECT attnum, attname, atttypid::regtype, attnotnull, atthasdef, atthasmissing, attisdropped FROM pg_attribute WHERE attrelid = 'at_s'::regclass AND attnum > 0 ORDER BY attnum;
-- REFERENCES on a new column
CREATE TABLE at_ref (id int PRIMARY KEY);
INSERT INTO at_ref VALUES (1);
ALTER TABLE at_s ADD COLUMN r int REFERENCES at_ref DEFAULT 2;
ALTER TABLE at_s ADD COLUMN r int REFERENCES at_ref DEFAULT 1;
INSERT INTO at_s (a, r) VALUES (7, 3);
-- ADD COLUMN inside a transaction that rolls back leaves nothing
BEGIN;
ALTER TABLE at_t ADD COLUMN z int DEFAULT 9;
SELECT count(*) FROM at_t WHERE z = 9;
ROLLBACK;
SELECT count(*) FROM pg_attribute WHERE attrelid = 'at_t'::regclass AND attname = 'z';

--
-- DROP COLUMN
--
CREATE TABLE at_d (a int, b text DEFAULT 'b', c int, d int);
INSERT INTO at_d VALUES (1, 'x', 10, 100), (2, 'y', 20, 200);
CREATE INDEX at_d_c ON at_d (c);
ALTER TABLE at_d DROP COLUMN b;
SELECT * FROM at_d ORDER BY a;
INSERT INTO at_d VALUES (3, 30, 300);
INSERT INTO at_d (a, d) VALUES (4, 400);
SELECT * FROM at_d ORDER BY a;
SELECT attnum, attname, atttypid::regtype, attnotnull, atthasdef, atthasmissing, attisdropped FROM pg_attribute WHERE attrelid = 'at_d'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE at_d DROP COLUMN c;
SELECT relname FROM pg_class WHERE relname = 'at_d_c';
SELECT * FROM at_d ORDER BY a;
COPY at_d TO stdout;
COPY at_d FROM stdin;
5	500
\.
SELECT * FROM at_d ORDER BY a;
-- the dropped name can be used again
ALTER TABLE at_d ADD COLUMN b text;
SELECT * FROM at_d ORDER BY a;
-- errors
ALTER TABLE at_d DROP COLUMN nosuch;
ALTER TABLE at_d DROP COLUMN IF EXISTS nosuch;
ALTER TABLE at_d DROP COLUMN xmin;
-- what depends on the column
CREATE VIEW at_dv AS SELECT a, d FROM at_d;
ALTER TABLE at_d DROP COLUMN d;
ALTER TABLE at_d DROP COLUMN d RESTRICT;
ALTER TABLE at_d DROP COLUMN d CASCADE;
SELECT relname FROM pg_class WHERE relname = 'at_dv';
CREATE TABLE at_pk (a int PRIMARY KEY, b int CHECK (b > 0), c int);
ALTER TABLE at_pk DROP COLUMN a;
ALTER TABLE at_pk DROP COLUMN b;
SELECT conname FROM pg_constraint WHERE conrelid = 'at_pk'::regclass;
-- the last column: a table of no columns
ALTER TABLE at_pk DROP COLUMN c;
SELECT * FROM at_pk;
SELECT count(*) FROM at_pk;
ALTER TABLE at_pk ADD COLUMN n int DEFAULT 5;
INSERT INTO at_pk VALUES (6);
SELECT * FROM at_pk;

--
-- RENAME
--
CREATE TABLE at_r (a int PRIMARY KEY, b text CONSTRAINT at_r_b_check CHECK (b <> ''));
INSERT INTO at_r VALUES (1, 'one');
CREATE VIEW at_rv AS SELECT a, b FROM at_r;
ALTER TABLE at_r RENAME COLUMN b TO bb;
ALTER TABLE at_r RENAME a TO aa;
SELECT * FROM at_r;
SELECT * FROM at_rv;
SELECT aa, bb FROM at_r WHERE aa = 1;
INSERT INTO at_r (aa, bb) VALUES (2, 'two');
SELECT * FROM at_rv ORDER BY a;
ALTER TABLE at_r RENAME COLUMN nosuch TO x;
ALTER TABLE at_r RENAME COLUMN aa TO bb;
ALTER TABLE at_r RENAME COLUMN aa TO xmin;
ALTER TABLE at_r RENAME COLUMN ctid TO x;
ALTER TABLE at_r RENAME CONSTRAINT at_r_b_check TO at_r_bb_check;
ALTER TABLE at_r RENAME CONSTRAINT at_r_pkey TO at_r_pk;
ALTER TABLE at_r RENAME CONSTRAINT nosuch TO x;
ALTER TABLE at_r RENAME CONSTRAINT at_r_pk TO at_r_bb_check;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'at_r'::regclass ORDER BY conname;
SELECT relname FROM pg_class WHERE relname LIKE 'at\_r%' ORDER BY relname;
INSERT INTO at_r VALUES (2, 'dup');
ALTER TABLE at_r RENAME TO at_r2;
SELECT * FROM at_r2 ORDER BY aa;
SELECT * FROM at_r;
SELECT typname FROM pg_type WHERE typname LIKE 'at\_r%' ORDER BY typname;
ALTER TABLE at_r2 RENAME TO at_t;
ALTER TABLE at_nosuch RENAME TO at_x;
ALTER TABLE IF EXISTS at_nosuch RENAME TO at_x;
ALTER INDEX at_r_pk RENAME TO at_r2_pkey;
SELECT conname FROM pg_constraint WHERE conrelid = 'at_r2'::regclass AND contype = 'p';
-- (ALTER INDEX and ALTER TABLE rename any relation)
ALTER INDEX at_r2 RENAME TO at_x;
ALTER TABLE at_x RENAME TO at_r2;
ALTER VIEW at_rv RENAME TO at_rv2;
SELECT * FROM at_rv2 ORDER BY a;
ALTER VIEW at_rv2 RENAME COLUMN a TO va;
SELECT va FROM at_rv2 ORDER BY va;
ALTER VIEW at_r2 RENAME TO at_x;
CREATE SEQUENCE at_seq;
ALTER SEQUENCE at_seq RENAME TO at_seq2;
SELECT nextval('at_seq2');
ALTER SEQUENCE at_r2 RENAME TO at_x;
ALTER TABLE at_seq2 RENAME TO at_seq3;
SELECT nextval('at_seq3');

--
-- ALTER COLUMN: defaults, NOT NULL, statistics
--
CREATE TABLE at_c (a int, b text, c int NOT NULL, d serial);
INSERT INTO at_c VALUES (1, 'x', 1);
ALTER TABLE at_c ALTER COLUMN a SET DEFAULT 10;
ALTER TABLE at_c ALTER b SET DEFAULT 'bee';
INSERT INTO at_c (c) VALUES (2);
SELECT * FROM at_c ORDER BY c;
ALTER TABLE at_c ALTER COLUMN a SET DEFAULT 11, ALTER COLUMN b DROP DEFAULT;
INSERT INTO at_c (c) VALUES (3);
SELECT * FROM at_c ORDER BY c;
ALTER TABLE at_c ALTER COLUMN a DROP DEFAULT;
ALTER TABLE at_c ALTER COLUMN a DROP DEFAULT;
SELECT attname, atthasdef FROM pg_attribute WHERE attrelid = 'at_c'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE at_c ALTER COLUMN a SET DEFAULT 'x';
ALTER TABLE at_c ALTER COLUMN a SET DEFAULT b;
ALTER TABLE at_c ALTER COLUMN nosuch SET DEFAULT 1;
ALTER TABLE at_c ALTER COLUMN xmin SET DEFAULT 1;
-- NOT NULL
ALTER TABLE at_c ALTER COLUMN a SET NOT NULL;
UPDATE at_c SET a = 0 WHERE a IS NULL;
ALTER TABLE at_c ALTER COLUMN a SET NOT NULL;
INSERT INTO at_c (a, c) VALUES (NULL, 4);
ALTER TABLE at_c ALTER COLUMN c DROP NOT NULL;
INSERT INTO at_c (a, c) VALUES (5, NULL);
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'at_c'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE at_r2 ALTER COLUMN aa DROP NOT NULL;
ALTER TABLE at_c ALTER COLUMN nosuch SET NOT NULL;
-- the sequence of a serial column goes with its default only on DROP COLUMN
ALTER TABLE at_c ALTER COLUMN d DROP DEFAULT;
SELECT relname FROM pg_class WHERE relname = 'at_c_d_seq';
-- SET STATISTICS
ALTER TABLE at_c ALTER COLUMN a SET STATISTICS 500;
ALTER TABLE at_c ALTER COLUMN b SET STATISTICS 20000;
ALTER TABLE at_c ALTER COLUMN b SET STATISTICS -5;
ALTER TABLE at_c ALTER COLUMN 1 SET STATISTICS 5;
SELECT attname, attstattarget FROM pg_attribute WHERE attrelid = 'at_c'::regclass AND attnum > 0 ORDER BY attnum;
-- passes: DROP runs before ADD, whatever the order written
ALTER TABLE at_c ADD COLUMN e int DEFAULT 1, DROP COLUMN b;
SELECT * FROM at_c ORDER BY c;
-- a prepared statement sees the new shape
PREPARE at_p AS SELECT * FROM at_c ORDER BY c;
EXECUTE at_p;
ALTER TABLE at_c ADD COLUMN f text DEFAULT 'f';
EXECUTE at_p;
DEALLOCATE at_p;

--
-- ALTER COLUMN TYPE: the table rewritten, indexes remade
--
CREATE TABLE at_ty (a int PRIMARY KEY, b text DEFAULT '7', c varchar(10), d int);
CREATE INDEX at_ty_c ON at_ty (c DESC);
CREATE INDEX at_ty_d ON at_ty (d);
INSERT INTO at_ty VALUES (1, '10', 'abc', 5), (2, '20', 'defgh', 6);
ALTER TABLE at_ty ALTER COLUMN a TYPE bigint;
ALTER TABLE at_ty ALTER b TYPE int USING b::int;
ALTER TABLE at_ty ALTER COLUMN c SET DATA TYPE varchar(3);
ALTER TABLE at_ty ALTER COLUMN c TYPE text, ALTER COLUMN d TYPE numeric(6,1);
SELECT * FROM at_ty ORDER BY a;
SELECT attname, atttypid::regtype, atttypmod, atthasdef FROM pg_attribute WHERE attrelid = 'at_ty'::regclass AND attnum > 0 ORDER BY attnum;
SELECT c.relname, a.atttypid::regtype FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
  JOIN pg_attribute a ON a.attrelid = i.indexrelid WHERE i.indrelid = 'at_ty'::regclass ORDER BY 1;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'at_ty'::regclass;
INSERT INTO at_ty (a, c, d) VALUES (3, 'x', 1.25);
SELECT * FROM at_ty ORDER BY a;
INSERT INTO at_ty (a) VALUES (3);
SELECT * FROM at_ty WHERE a = 2;
SELECT * FROM at_ty WHERE c = 'abc';
ALTER TABLE at_ty ALTER COLUMN c TYPE int;
ALTER TABLE at_ty ALTER COLUMN c TYPE int USING c || 'x';
ALTER TABLE at_ty ALTER COLUMN c TYPE int USING c::int;
ALTER TABLE at_ty ALTER COLUMN b TYPE date;
ALTER TABLE at_ty ALTER COLUMN nosuch TYPE int;
ALTER TABLE at_ty ALTER COLUMN a TYPE nosuchtype;
-- a view reading the column refuses it
CREATE VIEW at_tyv AS SELECT a, b FROM at_ty;
ALTER TABLE at_ty ALTER COLUMN b TYPE bigint;
ALTER TABLE at_ty ALTER COLUMN d TYPE int;
SELECT * FROM at_ty ORDER BY a;
DROP VIEW at_tyv;
DROP TABLE at_ty;

--
-- storage parameters
--
CREATE TABLE at_ff (a int) WITH (fillfactor = 50);
SELECT reloptions FROM pg_class WHERE relname = 'at_ff';
ALTER TABLE at_ff SET (fillfactor = 70, autovacuum_enabled = false);
SELECT reloptions FROM pg_class WHERE relname = 'at_ff';
ALTER TABLE at_ff RESET (fillfactor);
SELECT reloptions FROM pg_class WHERE relname = 'at_ff';
ALTER TABLE at_ff RESET (autovacuum_enabled, fillfactor);
SELECT reloptions FROM pg_class WHERE relname = 'at_ff';
INSERT INTO at_ff VALUES (1);
SELECT * FROM at_ff;
ALTER TABLE at_ff SET (fillfactor = 5);
ALTER TABLE at_ff SET (fillfactor = 101);
ALTER TABLE at_ff SET (fillfactor = 'x');
ALTER TABLE at_ff SET (autovacuum_enabled = 'maybe');
ALTER TABLE at_ff SET (nosuch = 1);
ALTER TABLE at_ff SET (fillfactor = 20, fillfactor = 30);
ALTER TABLE at_ff RESET (fillfactor = 20);
CREATE TABLE at_ff2 (a int) WITH (fillfactor = 1);
CREATE TABLE at_ff2 (a int) WITH (oids = false);
CREATE TABLE at_ff3 (a int) WITH (oids = true);
SELECT relname, reloptions FROM pg_class WHERE relname LIKE 'at\_ff%' ORDER BY relname;
DROP TABLE at_ff, at_ff2;

--
-- identity columns
--
CREATE TABLE at_id (id int GENERATED BY DEFAULT AS IDENTITY, v text);
INSERT INTO at_id (v) VALUES ('a');
ALTER TABLE at_id ALTER COLUMN id SET GENERATED ALWAYS;
INSERT INTO at_id (id, v) VALUES (10, 'b');
ALTER TABLE at_id ALTER COLUMN id RESTART WITH 100;
INSERT INTO at_id (v) VALUES ('c');
ALTER TABLE at_id ALTER COLUMN id SET INCREMENT BY 5 SET GENERATED BY DEFAULT;
INSERT INTO at_id (v) VALUES ('d');
INSERT INTO at_id (id, v) VALUES (7, 'e');
SELECT * FROM at_id ORDER BY id;
SELECT attname, attidentity FROM pg_attribute WHERE attrelid = 'at_id'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE at_id ALTER COLUMN v SET GENERATED ALWAYS;
ALTER TABLE at_id ALTER COLUMN id SET GENERATED ALWAYS SET GENERATED BY DEFAULT;
ALTER TABLE at_id ALTER COLUMN v DROP IDENTITY;
ALTER TABLE at_id ALTER COLUMN v DROP IDENTITY IF EXISTS;
ALTER TABLE at_id ALTER COLUMN id DROP DEFAULT;
ALTER TABLE at_id ALTER COLUMN id DROP NOT NULL;
ALTER TABLE at_id ALTER COLUMN id DROP IDENTITY;
SELECT relname FROM pg_class WHERE relname = 'at_id_id_seq';
INSERT INTO at_id (v) VALUES ('f');
SELECT attname, attidentity, attnotnull FROM pg_attribute WHERE attrelid = 'at_id'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE at_id ALTER COLUMN id DROP IDENTITY;
DROP TABLE at_id;

-- A column's type: no pseudo-type, no row type containing the table's own
CREATE TABLE at_self (a int);
CREATE TYPE at_inner AS (x int, s at_self);
ALTER TABLE at_self ADD COLUMN s at_self;
ALTER TABLE at_self ADD COLUMN s at_self[];
ALTER TABLE at_self ADD COLUMN s at_inner;
ALTER TABLE at_self ADD COLUMN r record;
ALTER TABLE at_self ALTER COLUMN a TYPE record;
ALTER TABLE at_self ALTER COLUMN a TYPE at_self;
ALTER TABLE at_self ADD COLUMN ok at_s;
DROP TYPE at_inner;
DROP TABLE at_self;

DROP VIEW at_rv2;
DROP TABLE at_t, at_s, at_ref, at_d, at_pk, at_r2, at_c;
DROP SEQUENCE at_seq3;
