--
-- Sequences: CREATE/ALTER/DROP SEQUENCE, nextval, currval, setval,
-- lastval, serial columns
--
CREATE SEQUENCE seq_a;
SELECT nextval('seq_a'), nextval('seq_a'), currval('seq_a');
SELECT lastval();
SELECT * FROM seq_a;
SELECT seqtypid::regtype, seqstart, seqincrement, seqmax, seqmin, seqcache, seqcycle
  FROM pg_sequence WHERE seqrelid = 'seq_a'::regclass;
SELECT relkind FROM pg_class WHERE relname = 'seq_a';
CREATE SEQUENCE seq_a;
CREATE SEQUENCE IF NOT EXISTS seq_a;

-- options
CREATE SEQUENCE seq_b AS integer INCREMENT BY 5 MINVALUE 10 MAXVALUE 30 START WITH 12 CYCLE;
SELECT nextval('seq_b') FROM (VALUES (1), (2), (3), (4), (5), (6)) v(x);
SELECT seqtypid::regtype, seqstart, seqincrement, seqmax, seqmin, seqcache, seqcycle
  FROM pg_sequence WHERE seqrelid = 'seq_b'::regclass;
CREATE SEQUENCE seq_down INCREMENT -2 MINVALUE -5 MAXVALUE 3;
SELECT nextval('seq_down'), nextval('seq_down'), nextval('seq_down'), nextval('seq_down'),
       nextval('seq_down');
SELECT nextval('seq_down');
CREATE SEQUENCE seq_small AS smallint;
SELECT seqmax, seqmin FROM pg_sequence WHERE seqrelid = 'seq_small'::regclass;
CREATE SEQUENCE seq_cache CACHE 10;
SELECT nextval('seq_cache'), nextval('seq_cache');
SELECT last_value, is_called FROM seq_cache;

-- bad options
CREATE SEQUENCE seq_e INCREMENT 0;
CREATE SEQUENCE seq_e AS text;
CREATE SEQUENCE seq_e MINVALUE 10 MAXVALUE 5;
CREATE SEQUENCE seq_e START 100 MAXVALUE 50;
CREATE SEQUENCE seq_e START -1;
CREATE SEQUENCE seq_e AS smallint MAXVALUE 100000;
CREATE SEQUENCE seq_e CACHE 0;
CREATE SEQUENCE seq_e INCREMENT 1 INCREMENT 2;
CREATE SEQUENCE seq_e OWNED BY nothing;

-- limits
CREATE SEQUENCE seq_lim MAXVALUE 2;
SELECT nextval('seq_lim'), nextval('seq_lim');
SELECT nextval('seq_lim');

-- currval, lastval, setval
CREATE SEQUENCE seq_c;
SELECT currval('seq_c');
SELECT setval('seq_c', 42);
SELECT nextval('seq_c');
SELECT setval('seq_c', 100, false);
SELECT nextval('seq_c');
SELECT currval('seq_c');
SELECT setval('seq_c', 0);
SELECT setval('seq_c', 9223372036854775807);
SELECT lastval();
SELECT nextval('no_such_seq');
CREATE TABLE seq_not (a int);
SELECT nextval('seq_not');

-- nextval is not rolled back
BEGIN;
SELECT nextval('seq_c');
ROLLBACK;
SELECT nextval('seq_c');

-- ALTER SEQUENCE
ALTER SEQUENCE seq_c RESTART;
SELECT nextval('seq_c');
ALTER SEQUENCE seq_c RESTART WITH 500;
SELECT nextval('seq_c');
ALTER SEQUENCE seq_c INCREMENT BY 10;
SELECT nextval('seq_c');
ALTER SEQUENCE seq_c MAXVALUE 100;
ALTER SEQUENCE IF EXISTS no_such_seq RESTART;
ALTER SEQUENCE seq_c AS smallint;
SELECT seqtypid::regtype, seqmax FROM pg_sequence WHERE seqrelid = 'seq_c'::regclass;

-- serial columns
CREATE TABLE seq_t (id serial PRIMARY KEY, big bigserial, small smallserial, label text);
INSERT INTO seq_t (label) VALUES ('a'), ('b');
INSERT INTO seq_t (id, label) VALUES (10, 'c');
INSERT INTO seq_t (label) VALUES ('d');
INSERT INTO seq_t (label) VALUES ('e') RETURNING *;
SELECT * FROM seq_t ORDER BY id;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'seq_t'::regclass ORDER BY adnum;
SELECT attname, atttypid::regtype, attnotnull FROM pg_attribute
 WHERE attrelid = 'seq_t'::regclass AND attnum > 0 ORDER BY attnum;
SELECT relname FROM pg_class WHERE relname LIKE 'seq\_t\_%' ORDER BY 1;
SELECT currval('seq_t_id_seq');
SELECT pg_describe_object(classid, objid, objsubid) AS object,
       pg_describe_object(refclassid, refobjid, refobjsubid) AS referenced, deptype
  FROM pg_depend
 WHERE (refobjid = 'seq_t'::regclass OR objid = 'seq_t_id_seq'::regclass
        OR refobjid = 'seq_t_id_seq'::regclass)
   -- (seq_t's TOAST table is left out: its name holds an OID)
   AND pg_describe_object(classid, objid, objsubid) NOT LIKE 'toast table %'
 ORDER BY 1, 2, 3;
CREATE TABLE seq_t2 (id serial[]);
CREATE TABLE seq_t2 (id serial DEFAULT 1);
-- the name is taken: the next one
CREATE SEQUENCE seq_t3_id_seq;
CREATE TABLE seq_t3 (id serial);
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'seq_t3'::regclass;

-- dropping
DROP SEQUENCE seq_t_id_seq;
DROP TABLE seq_t;
SELECT count(*) FROM pg_class WHERE relname LIKE 'seq\_t\_%';
DROP SEQUENCE seq_not;
DROP TABLE seq_not;
DROP SEQUENCE seq_a, seq_b, seq_down, seq_small, seq_cache, seq_lim, seq_c;
DROP SEQUENCE seq_a;
DROP SEQUENCE IF EXISTS seq_a;
SELECT count(*) FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relname LIKE 'seq\_%';
-- a sequence a default uses goes only with CASCADE
CREATE SEQUENCE seq_used;
CREATE TABLE seq_user (a int DEFAULT nextval('seq_used'));
DROP SEQUENCE seq_used;
DROP SEQUENCE seq_used CASCADE;
INSERT INTO seq_user DEFAULT VALUES;
SELECT * FROM seq_user;
DROP TABLE seq_user, seq_t3;
DROP SEQUENCE seq_t3_id_seq;
