--
-- PRIMARY KEY and UNIQUE constraints: in CREATE TABLE (column and table
-- constraints) and ALTER TABLE ADD, their indexes and pg_constraint rows,
-- and the errors of INSERT and UPDATE that break them.
--
CREATE TABLE pk (id int PRIMARY KEY, code text UNIQUE, x int, y int, UNIQUE (x, y));
SELECT conname, contype, conkey, conindid::regclass FROM pg_constraint
 WHERE conrelid = 'pk'::regclass ORDER BY conname;
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'pk'::regclass AND attnum > 0 ORDER BY attnum;
INSERT INTO pk VALUES (1, 'a', 1, 1), (2, 'b', 1, 2), (3, NULL, NULL, NULL), (4, NULL, NULL, NULL);
INSERT INTO pk VALUES (1, 'c', 5, 5);
INSERT INTO pk VALUES (NULL, 'c', 5, 5);
INSERT INTO pk VALUES (5, 'a', 5, 5);
INSERT INTO pk VALUES (5, 'c', 1, 2);
INSERT INTO pk VALUES (5, 'c', 1, NULL), (6, 'd', 1, NULL);
UPDATE pk SET id = 2 WHERE id = 1;
UPDATE pk SET id = id + 100;
UPDATE pk SET code = 'b' WHERE id = 101;
SELECT * FROM pk ORDER BY id;
-- The same key again after its row was deleted, or in a rolled-back transaction.
DELETE FROM pk WHERE id = 101;
INSERT INTO pk VALUES (101, 'a', 1, 1);
BEGIN;
INSERT INTO pk VALUES (200, 'z', 9, 9);
ROLLBACK;
INSERT INTO pk VALUES (200, 'z', 9, 9);
-- Within one statement too.
INSERT INTO pk VALUES (300, 'p', 30, 30), (300, 'q', 31, 31);
-- Named constraints, several columns, INCLUDE.
CREATE TABLE pk2 (a int, b int, c text, CONSTRAINT pk2_main PRIMARY KEY (a, b), CONSTRAINT pk2_c UNIQUE (c) INCLUDE (a));
SELECT conname, contype, conkey FROM pg_constraint WHERE conrelid = 'pk2'::regclass ORDER BY conname;
INSERT INTO pk2 VALUES (1, 1, 'x'), (1, 2, 'y');
INSERT INTO pk2 VALUES (1, 2, 'z');
INSERT INTO pk2 VALUES (1, 3, 'x');
-- Errors of the definitions.
CREATE TABLE bad (a int PRIMARY KEY, b int PRIMARY KEY);
CREATE TABLE bad (a int, PRIMARY KEY (nosuch));
CREATE TABLE bad (a int UNIQUE, UNIQUE (a));
SELECT conname FROM pg_constraint WHERE conrelid = 'bad'::regclass;
DROP TABLE bad;
-- ALTER TABLE … ADD PRIMARY KEY / UNIQUE, as pgbench -i sends it.
CREATE TABLE pgbench_branches (bid int NOT NULL, bbalance int, filler char(88));
INSERT INTO pgbench_branches (bid, bbalance) VALUES (1, 0), (2, 0);
alter table pgbench_branches add primary key (bid);
INSERT INTO pgbench_branches (bid, bbalance) VALUES (1, 0);
CREATE TABLE al (a int, b int);
INSERT INTO al VALUES (1, NULL), (1, 2);
ALTER TABLE al ADD PRIMARY KEY (b);
ALTER TABLE al ADD UNIQUE (a);
ALTER TABLE al ADD CONSTRAINT al_b_uniq UNIQUE (b);
ALTER TABLE al ADD UNIQUE (b);
ALTER TABLE al ADD PRIMARY KEY (a);
DELETE FROM al WHERE b IS NULL;
ALTER TABLE al ADD PRIMARY KEY (a);
ALTER TABLE al ADD PRIMARY KEY (b);
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'al'::regclass ORDER BY conname;
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'al'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE al ADD UNIQUE (a, nosuch);
ALTER TABLE nosuch ADD PRIMARY KEY (a);
ALTER TABLE IF EXISTS nosuch ADD PRIMARY KEY (a);
-- The index of a constraint goes with the constraint, not alone.
DROP INDEX al_pkey;
DROP TABLE al;
DROP TABLE pk, pk2, pgbench_branches;
SELECT count(*) FROM pg_constraint WHERE conname LIKE 'pk%' OR conname LIKE 'al%';
