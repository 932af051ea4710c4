--
-- DISCARD ALL | PLANS | TEMP | SEQUENCES, RESET ALL
--
-- RESET ALL: settings back to their session defaults
SET datestyle = 'SQL, DMY';
SET intervalstyle = 'sql_standard';
SET statement_timeout = '5min';
SET enable_hashjoin = off;
SHOW datestyle;
RESET ALL;
SHOW datestyle;
SHOW intervalstyle;
SHOW statement_timeout;
SHOW enable_hashjoin;
-- RESET ALL is undone by a rollback, like SET and RESET
SET datestyle = 'German';
BEGIN;
RESET ALL;
SHOW datestyle;
ROLLBACK;
SHOW datestyle;
BEGIN;
RESET datestyle;
ROLLBACK;
SHOW datestyle;
-- and kept by a commit
BEGIN;
RESET ALL;
COMMIT;
SHOW datestyle;
-- transaction settings are not touched by RESET ALL
BEGIN ISOLATION LEVEL REPEATABLE READ;
RESET ALL;
SHOW transaction_isolation;
COMMIT;
-- SET LOCAL then RESET ALL in the same transaction
BEGIN;
SET LOCAL datestyle = 'Postgres';
RESET ALL;
SHOW datestyle;
COMMIT;
SHOW datestyle;

-- DISCARD SEQUENCES forgets currval and lastval
CREATE SEQUENCE discard_seq;
SELECT nextval('discard_seq');
SELECT currval('discard_seq'), lastval();
DISCARD SEQUENCES;
SELECT currval('discard_seq');
SELECT lastval();
SELECT nextval('discard_seq');
-- it may run in a transaction block
BEGIN;
DISCARD SEQUENCES;
SELECT currval('discard_seq');
ROLLBACK;

-- DISCARD PLANS
PREPARE discard_q AS SELECT 1 AS one;
DISCARD PLANS;
EXECUTE discard_q;

-- DISCARD TEMP
CREATE TEMP TABLE discard_tmp (a int);
INSERT INTO discard_tmp VALUES (1);
BEGIN;
DISCARD TEMP;
SELECT * FROM discard_tmp;
ROLLBACK;
SELECT * FROM discard_tmp;
DISCARD TEMP;
SELECT * FROM discard_tmp;

-- DISCARD ALL: settings, prepared statements, temporary tables, sequences
SET datestyle = 'SQL, DMY';
SET search_path = pg_catalog;
SELECT nextval('public.discard_seq');
CREATE TEMP TABLE discard_tmp (a int);
PREPARE discard_q2 AS SELECT 2 AS two;
DISCARD ALL;
SHOW datestyle;
SHOW search_path;
EXECUTE discard_q;
EXECUTE discard_q2;
SELECT * FROM discard_tmp;
SELECT currval('discard_seq');
SELECT lastval();
-- not in a transaction block
BEGIN;
DISCARD ALL;
ROLLBACK;
-- nor in a multi-statement query (an implicit block)
SELECT 1 \; DISCARD ALL;
DROP SEQUENCE discard_seq;
