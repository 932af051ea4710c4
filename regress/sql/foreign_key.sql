--
-- FOREIGN KEY constraints: definition, checks on both sides, actions
--
CREATE TABLE fk_p (id int PRIMARY KEY, name text);
CREATE TABLE fk_c (cid int PRIMARY KEY, pid int REFERENCES fk_p);
SELECT conname, contype, confupdtype, confdeltype, confmatchtype, conkey, confkey,
       conrelid::regclass, confrelid::regclass, conindid::regclass, convalidated
  FROM pg_constraint WHERE conrelid = 'fk_c'::regclass ORDER BY conname;
INSERT INTO fk_p VALUES (1, 'one'), (2, 'two'), (3, 'three');
INSERT INTO fk_c VALUES (10, 1), (11, 1), (12, NULL);
INSERT INTO fk_c VALUES (13, 5);
UPDATE fk_c SET pid = 7 WHERE cid = 10;
UPDATE fk_c SET pid = 2 WHERE cid = 10;
UPDATE fk_c SET cid = 20 WHERE cid = 10;
SELECT * FROM fk_c ORDER BY cid;
-- referenced side: NO ACTION
DELETE FROM fk_p WHERE id = 1;
UPDATE fk_p SET id = 100 WHERE id = 1;
UPDATE fk_p SET name = 'uno' WHERE id = 1;
DELETE FROM fk_p WHERE id = 3;
SELECT * FROM fk_p ORDER BY id;
-- a statement may remove a parent and its child together
DELETE FROM fk_c WHERE pid = 2;
DELETE FROM fk_p WHERE id = 2;
-- dropping the referenced table
DROP TABLE fk_p;
DROP TABLE fk_p CASCADE;
SELECT conname FROM pg_constraint WHERE conrelid = 'fk_c'::regclass ORDER BY conname;
INSERT INTO fk_c VALUES (30, 999);
DROP TABLE fk_c;

-- table constraints, names, actions
CREATE TABLE fk_pk (a int, b int, c text, PRIMARY KEY (a, b), UNIQUE (c));
CREATE TABLE fk_ref (
    id int,
    x int,
    y int,
    t text DEFAULT 'dflt',
    CONSTRAINT fk_ref_xy FOREIGN KEY (x, y) REFERENCES fk_pk ON DELETE CASCADE ON UPDATE CASCADE,
    FOREIGN KEY (t) REFERENCES fk_pk (c) ON DELETE SET NULL ON UPDATE SET DEFAULT
);
SELECT conname, confupdtype, confdeltype, conkey, confkey
  FROM pg_constraint WHERE conrelid = 'fk_ref'::regclass ORDER BY conname;
INSERT INTO fk_pk VALUES (1, 1, 'a'), (1, 2, 'b'), (2, 1, 'dflt');
INSERT INTO fk_ref VALUES (1, 1, 1, 'a'), (2, 1, 1, 'b'), (3, 1, 2, NULL), (4, NULL, 5, 'a');
INSERT INTO fk_ref VALUES (5, 1, 3, NULL);
-- CASCADE
UPDATE fk_pk SET b = 20 WHERE a = 1 AND b = 2;
SELECT * FROM fk_ref ORDER BY id;
DELETE FROM fk_pk WHERE a = 1 AND b = 1;
SELECT * FROM fk_ref ORDER BY id;
-- SET DEFAULT on update, SET NULL on delete
INSERT INTO fk_ref VALUES (6, NULL, NULL, 'b');
UPDATE fk_pk SET c = 'bb' WHERE c = 'b';
SELECT * FROM fk_ref ORDER BY id;
DELETE FROM fk_pk WHERE c = 'dflt';
SELECT * FROM fk_ref ORDER BY id;
DROP TABLE fk_ref, fk_pk;

-- MATCH FULL
CREATE TABLE fk_mp (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE fk_mf (a int, b int, FOREIGN KEY (a, b) REFERENCES fk_mp MATCH FULL);
INSERT INTO fk_mp VALUES (1, 1);
INSERT INTO fk_mf VALUES (1, 1), (NULL, NULL);
INSERT INTO fk_mf VALUES (1, NULL);
INSERT INTO fk_mf VALUES (2, 2);
DROP TABLE fk_mf, fk_mp;

-- RESTRICT, SET NULL (columns), self-reference
CREATE TABLE fk_tree (id int PRIMARY KEY, parent int REFERENCES fk_tree ON DELETE CASCADE);
INSERT INTO fk_tree VALUES (2, 1), (1, NULL);
INSERT INTO fk_tree VALUES (3, 2), (4, 3), (5, 1);
INSERT INTO fk_tree VALUES (6, 60);
DELETE FROM fk_tree WHERE id = 2;
SELECT * FROM fk_tree ORDER BY id;
UPDATE fk_tree SET id = 10 WHERE id = 1;
DROP TABLE fk_tree;
CREATE TABLE fk_rp (id int PRIMARY KEY);
CREATE TABLE fk_rc (id int REFERENCES fk_rp ON DELETE RESTRICT ON UPDATE RESTRICT);
INSERT INTO fk_rp VALUES (1), (2);
INSERT INTO fk_rc VALUES (1);
DELETE FROM fk_rp WHERE id = 1;
UPDATE fk_rp SET id = 3 WHERE id = 1;
DELETE FROM fk_rp WHERE id = 2;
CREATE TABLE fk_sn (t int, a int, b int,
    FOREIGN KEY (t, a) REFERENCES fk_sp ON DELETE SET NULL (a));
CREATE TABLE fk_sp (t int, id int, PRIMARY KEY (t, id));
CREATE TABLE fk_sn (t int, a int, b int,
    FOREIGN KEY (t, a) REFERENCES fk_sp ON DELETE SET NULL (a));
CREATE TABLE fk_sn2 (t int, a int, FOREIGN KEY (t, a) REFERENCES fk_sp ON DELETE SET NULL (b));
INSERT INTO fk_sp VALUES (1, 1), (1, 2);
INSERT INTO fk_sn VALUES (1, 1, 1), (1, 2, 2);
DELETE FROM fk_sp WHERE id = 1;
SELECT * FROM fk_sn ORDER BY b;
DROP TABLE fk_sn, fk_sp, fk_rc, fk_rp;

-- errors in the definition
CREATE TABLE fk_ep (id int PRIMARY KEY, u int UNIQUE, v int, w text);
CREATE TABLE fk_ec (a int REFERENCES fk_ep (v));
CREATE TABLE fk_ec (a int REFERENCES fk_ep (nope));
CREATE TABLE fk_ec (a int, FOREIGN KEY (b) REFERENCES fk_ep);
CREATE TABLE fk_ec (a int, b int, FOREIGN KEY (a, b) REFERENCES fk_ep);
CREATE TABLE fk_ec (a text REFERENCES fk_ep);
CREATE TABLE fk_ec (a int REFERENCES fk_nope);
-- (DEFERRABLE foreign keys are 0A000 in Tusk, so they are not tried here)
CREATE TABLE fk_ec (a int REFERENCES fk_ep (u), b bigint REFERENCES fk_ep, c smallint REFERENCES fk_ep);
INSERT INTO fk_ep VALUES (1, 10), (2, 20);
INSERT INTO fk_ec VALUES (10, 1, 2);
INSERT INTO fk_ec VALUES (1, 1, 2);
INSERT INTO fk_ec VALUES (10, 3, 2);
INSERT INTO fk_ec VALUES (10, 1, 3);
DELETE FROM fk_ep WHERE id = 1;
-- dropping the referenced index
ALTER TABLE fk_ep DROP CONSTRAINT fk_ep_u_key;
ALTER TABLE fk_ep DROP CONSTRAINT fk_ep_u_key CASCADE;
ALTER TABLE fk_ec DROP CONSTRAINT fk_ec_b_fkey;
SELECT conname FROM pg_constraint WHERE conrelid = 'fk_ec'::regclass ORDER BY conname;
DROP TABLE fk_ec, fk_ep;

-- ALTER TABLE ADD FOREIGN KEY on existing rows
CREATE TABLE fk_ap (id int PRIMARY KEY);
CREATE TABLE fk_ac (id int, pid int, qid int);
INSERT INTO fk_ap VALUES (1), (2);
INSERT INTO fk_ac VALUES (1, 1, NULL), (2, 2, 7), (3, NULL, NULL);
ALTER TABLE fk_ac ADD FOREIGN KEY (pid) REFERENCES fk_ap;
ALTER TABLE fk_ac ADD CONSTRAINT fk_ac_q FOREIGN KEY (qid) REFERENCES fk_ap;
ALTER TABLE fk_ac ADD CONSTRAINT fk_ac_q FOREIGN KEY (qid) REFERENCES fk_ap NOT VALID;
ALTER TABLE fk_ac ADD CONSTRAINT fk_ac_q FOREIGN KEY (qid) REFERENCES fk_ap;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'fk_ac'::regclass ORDER BY conname;
INSERT INTO fk_ac VALUES (4, 1, 8);
UPDATE fk_ac SET id = 20 WHERE id = 2;
DROP TABLE fk_ap CASCADE;
DROP TABLE fk_ac;

-- TRUNCATE and COPY
CREATE TABLE fk_tp (id int PRIMARY KEY);
CREATE TABLE fk_tc (pid int REFERENCES fk_tp);
CREATE TABLE fk_tg (pid int REFERENCES fk_tp);
INSERT INTO fk_tp VALUES (1), (2);
INSERT INTO fk_tc VALUES (1);
TRUNCATE fk_tp;
TRUNCATE fk_tp, fk_tc;
TRUNCATE fk_tp, fk_tc, fk_tg;
INSERT INTO fk_tp VALUES (1), (2);
INSERT INTO fk_tc VALUES (1), (2);
TRUNCATE fk_tp CASCADE;
SELECT count(*) FROM fk_tc;
TRUNCATE fk_tc;
INSERT INTO fk_tp VALUES (1), (2);
COPY fk_tc FROM stdin;
1
2
\.
COPY fk_tc FROM stdin;
1
3
\N
\.
SELECT * FROM fk_tc ORDER BY pid;
DROP TABLE fk_tc, fk_tg, fk_tp;

-- cascades through several levels; transactions undo them
CREATE TABLE fk_l1 (id int PRIMARY KEY);
CREATE TABLE fk_l2 (id int PRIMARY KEY, p int REFERENCES fk_l1 ON DELETE CASCADE ON UPDATE CASCADE);
CREATE TABLE fk_l3 (id int, p int REFERENCES fk_l2 ON DELETE CASCADE);
CREATE TABLE fk_l4 (p int REFERENCES fk_l2);
INSERT INTO fk_l1 VALUES (1), (2);
INSERT INTO fk_l2 VALUES (10, 1), (20, 2), (21, 2);
INSERT INTO fk_l3 VALUES (100, 10), (200, 20), (201, 21);
INSERT INTO fk_l4 VALUES (21);
BEGIN;
DELETE FROM fk_l1 WHERE id = 1;
SELECT * FROM fk_l2 ORDER BY id;
SELECT * FROM fk_l3 ORDER BY id;
ROLLBACK;
SELECT count(*) FROM fk_l3;
DELETE FROM fk_l1 WHERE id = 2;
UPDATE fk_l1 SET id = 3 WHERE id = 2;
SELECT * FROM fk_l2 ORDER BY id;
DELETE FROM fk_l4;
DELETE FROM fk_l1;
SELECT count(*) FROM fk_l2;
SELECT count(*) FROM fk_l3;
DROP TABLE fk_l4, fk_l3, fk_l2, fk_l1;

-- pg_get_constraintdef, as psql's \d shows constraints (\d itself is not
-- tried here: its name pattern uses COLLATE, which Tusk does not parse yet)
CREATE TABLE fk_dp (a int, b int, c text, PRIMARY KEY (a, b), UNIQUE (c) INCLUDE (a));
CREATE TABLE fk_dc (
    id int PRIMARY KEY CHECK (id > 0),
    x int, y int, z text,
    FOREIGN KEY (x, y) REFERENCES fk_dp MATCH FULL ON UPDATE CASCADE ON DELETE SET NULL (y),
    CONSTRAINT fk_dc_z FOREIGN KEY (z) REFERENCES fk_dp (c) ON DELETE RESTRICT,
    CHECK (x <> y AND z IS NOT NULL)
);
ALTER TABLE fk_dc ADD FOREIGN KEY (id) REFERENCES fk_dc NOT VALID;
SELECT conname, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true)
  FROM pg_constraint WHERE conrelid IN ('fk_dp'::regclass, 'fk_dc'::regclass) ORDER BY conname;
DROP TABLE fk_dc, fk_dp;

-- a transaction's own changes; key types that differ; pg_get_constraintdef qualifies
-- a table the search path does not find
CREATE TABLE fk_s_p (id int PRIMARY KEY, name text);
CREATE TABLE fk_s_c (id int, pid int REFERENCES fk_s_p ON UPDATE CASCADE);
INSERT INTO fk_s_p VALUES (1, 'a'), (2, 'b');
BEGIN;
INSERT INTO fk_s_c VALUES (1, 1);
UPDATE fk_s_p SET name = 'x' WHERE id = 1;
UPDATE fk_s_p SET id = 10 WHERE id = 1;
SELECT * FROM fk_s_c;
DELETE FROM fk_s_p WHERE id = 2;
INSERT INTO fk_s_c VALUES (2, 10);
DELETE FROM fk_s_c;
DELETE FROM fk_s_p;
COMMIT;
SELECT * FROM fk_s_p;
-- update both key and back within one statement
INSERT INTO fk_s_p VALUES (1, 'a'), (2, 'b');
INSERT INTO fk_s_c VALUES (1, 1);
CREATE TABLE fk_s_c2 (pid int REFERENCES fk_s_p);
INSERT INTO fk_s_c2 VALUES (2);
UPDATE fk_s_p SET id = 3 - id;
SELECT * FROM fk_s_c ORDER BY id;
-- int8 referencing int4 and the other way round
CREATE TABLE fk_s_big (id bigint PRIMARY KEY);
CREATE TABLE fk_s_small (b int REFERENCES fk_s_big, c smallint REFERENCES fk_s_big);
INSERT INTO fk_s_big VALUES (5);
INSERT INTO fk_s_small VALUES (5, 5);
INSERT INTO fk_s_small VALUES (6, 5);
INSERT INTO fk_s_small VALUES (5, 6);
DELETE FROM fk_s_big;
CREATE TABLE fk_s_vc (v varchar(10) PRIMARY KEY);
CREATE TABLE fk_s_vt (t text REFERENCES fk_s_vc, u varchar REFERENCES fk_s_vc);
INSERT INTO fk_s_vc VALUES ('a');
INSERT INTO fk_s_vt VALUES ('a', 'a');
INSERT INTO fk_s_vt VALUES ('b', 'a');
CREATE TABLE fk_s_num (n numeric REFERENCES fk_s_big);
SET search_path = pg_catalog;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'public.fk_s_small'::regclass ORDER BY 1;
RESET search_path;
DROP TABLE fk_s_c, fk_s_c2, fk_s_p, fk_s_small, fk_s_big, fk_s_vt, fk_s_vc;
