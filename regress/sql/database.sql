--
-- CREATE DATABASE and DROP DATABASE
--
-- The regression database (postgres) is the connected one; every database
-- made here is named regress_db_* and dropped again.
--
CREATE DATABASE regress_db_a;
SELECT datname, encoding, datistemplate, datallowconn, datconnlimit, datcollate, datctype
  FROM pg_database WHERE datname LIKE 'regress_db_%' ORDER BY datname;
-- its catalogs are the template's, and what is made in it stays there
\c regress_db_a
SELECT current_database();
CREATE TABLE regress_db_t (a int PRIMARY KEY, b text);
INSERT INTO regress_db_t VALUES (1, 'one');
SELECT * FROM regress_db_t;
\c postgres
SELECT * FROM regress_db_t;
SELECT count(*) FROM pg_class WHERE relname = 'regress_db_t';
-- a copy of a database that is not a template (allowed to its owner)
CREATE DATABASE regress_db_b TEMPLATE regress_db_a;
\c regress_db_b
SELECT * FROM regress_db_t;
\c postgres
-- options
CREATE DATABASE regress_db_c WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE = 'C'
  CONNECTION LIMIT = 5 IS_TEMPLATE = false ALLOW_CONNECTIONS = false STRATEGY = file_copy;
CREATE DATABASE regress_db_d OWNER = regress TEMPLATE template1 STRATEGY wal_log
  LC_COLLATE 'C' LC_CTYPE 'C' TABLESPACE pg_default;
CREATE DATABASE regress_db_e ENCODING 'SQL_ASCII' TEMPLATE template0;
SELECT datname, encoding, datistemplate, datallowconn, datconnlimit, datcollate, datctype
  FROM pg_database WHERE datname LIKE 'regress_db_%' ORDER BY datname;
-- (connecting to regress_db_c, which allows no connections, or to a dropped
-- database fails with a FATAL error: see the integration tests, since psql
-- ends a script there)
-- errors
CREATE DATABASE regress_db_a;
CREATE DATABASE regress_db_x TEMPLATE regress_db_nosuch;
CREATE DATABASE regress_db_x TEMPLATE template0 TEMPLATE template1;
CREATE DATABASE regress_db_x BOGUS = 1;
CREATE DATABASE regress_db_x OWNER regress_nosuch_role;
CREATE DATABASE regress_db_x STRATEGY = bogus;
CREATE DATABASE regress_db_x CONNECTION LIMIT = -2;
CREATE DATABASE regress_db_x ENCODING 'SQL_ASCII';
CREATE DATABASE regress_db_x LC_COLLATE 'regress_bogus_locale';
CREATE DATABASE regress_db_x TABLESPACE pg_global;
CREATE DATABASE regress_db_x TABLESPACE regress_nosuch_space;
CREATE DATABASE regress_db_x IS_TEMPLATE = maybe;
BEGIN;
CREATE DATABASE regress_db_x;
ROLLBACK;
SELECT count(*) FROM pg_database WHERE datname = 'regress_db_x';
-- DROP DATABASE
DROP DATABASE regress_db_nosuch;
DROP DATABASE IF EXISTS regress_db_nosuch;
DROP DATABASE postgres;
DROP DATABASE template0;
DROP DATABASE template1;
DROP DATABASE regress_db_a (BOGUS);
BEGIN;
DROP DATABASE regress_db_a;
ROLLBACK;
DROP DATABASE regress_db_a;
DROP DATABASE regress_db_b WITH (FORCE);
DROP DATABASE IF EXISTS regress_db_c;
DROP DATABASE regress_db_d, regress_db_e;
DROP DATABASE regress_db_d;
DROP DATABASE regress_db_e;
SELECT datname FROM pg_database WHERE datname LIKE 'regress_db_%' ORDER BY datname;
