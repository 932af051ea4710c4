--
-- COMMENT ON and LOCK TABLE
--
CREATE TABLE cmt_t (a int PRIMARY KEY, b text CHECK (b <> ''));
CREATE SEQUENCE cmt_s;
CREATE INDEX cmt_t_b_idx ON cmt_t (b);
CREATE SCHEMA cmt_sch;
COMMENT ON TABLE cmt_t IS 'a table';
COMMENT ON COLUMN cmt_t.b IS 'a column';
COMMENT ON INDEX cmt_t_b_idx IS 'an index';
COMMENT ON SEQUENCE cmt_s IS 'a sequence';
COMMENT ON SCHEMA cmt_sch IS 'a schema';
COMMENT ON CONSTRAINT cmt_t_b_check ON cmt_t IS 'a constraint';
SELECT pg_describe_object(classoid, objoid, objsubid), description FROM pg_description
 WHERE objoid IN ('cmt_t'::regclass, 'cmt_s'::regclass, 'cmt_t_b_idx'::regclass,
                  'cmt_sch'::regnamespace)
    OR objoid IN (SELECT oid FROM pg_constraint WHERE conrelid = 'cmt_t'::regclass)
 ORDER BY 1;
-- replaced, removed
COMMENT ON TABLE cmt_t IS 'still a table';
COMMENT ON COLUMN cmt_t.b IS NULL;
COMMENT ON INDEX cmt_t_b_idx IS '';
SELECT pg_describe_object(classoid, objoid, objsubid), description FROM pg_description
 WHERE objoid = 'cmt_t'::regclass OR objoid = 'cmt_t_b_idx'::regclass ORDER BY 1;
-- refused
COMMENT ON TABLE cmt_missing IS 'x';
COMMENT ON TABLE cmt_s IS 'x';
COMMENT ON INDEX cmt_t IS 'x';
COMMENT ON COLUMN cmt_t.nope IS 'x';
COMMENT ON COLUMN cmt_t IS 'x';
COMMENT ON SCHEMA cmt_missing IS 'x';
COMMENT ON CONSTRAINT nope ON cmt_t IS 'x';
COMMENT ON DATABASE cmt_missing IS 'x';
-- dropping an object drops its comments
DROP TABLE cmt_t;
DROP SEQUENCE cmt_s;
DROP SCHEMA cmt_sch;
SELECT count(*) FROM pg_description d
 WHERE NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = d.objoid)
   AND d.classoid = 'pg_class'::regclass;
SELECT count(*) FROM pg_description WHERE description IN ('a schema', 'a constraint');

-- LOCK TABLE
CREATE TABLE lck_t (a int);
CREATE SEQUENCE lck_s;
LOCK TABLE lck_t;
BEGIN;
LOCK TABLE lck_t IN ACCESS SHARE MODE;
LOCK lck_t IN ROW EXCLUSIVE MODE NOWAIT;
LOCK TABLE lck_t, lck_t IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE ONLY lck_t IN EXCLUSIVE MODE;
LOCK TABLE lck_t IN ACCESS EXCLUSIVE MODE;
INSERT INTO lck_t VALUES (1);
COMMIT;
BEGIN;
LOCK TABLE lck_missing;
ROLLBACK;
BEGIN;
LOCK TABLE lck_s;
ROLLBACK;
SELECT * FROM lck_t;
DROP TABLE lck_t;
DROP SEQUENCE lck_s;

-- CHECKPOINT
CHECKPOINT;
BEGIN;
CHECKPOINT;
COMMIT;
