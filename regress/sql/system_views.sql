--
-- System views made by initdb's post-bootstrap script (system_views.sql):
-- their columns, and their rows for objects this test creates or for
-- stable built-in ones; pg_stat_activity for this session;
-- pg_cancel_backend / pg_terminate_backend errors.
-- pg_settings, pg_sequences, pg_locks and the other views over
-- set-returning functions are tested in sysviews.sql.

-- Each view's columns: names, types, order.
SELECT c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'v'
   AND c.relname IN ('pg_roles', 'pg_shadow', 'pg_user', 'pg_tables', 'pg_views',
                     'pg_matviews', 'pg_stat_activity')
   AND a.attnum > 0
 ORDER BY c.relname, a.attnum;

-- The views are system objects below FirstNormalObjectId.
SELECT relname, oid < 16384 AS system_oid, relowner
  FROM pg_class
 WHERE relnamespace = 'pg_catalog'::regnamespace
   AND relname IN ('pg_roles', 'pg_shadow', 'pg_user', 'pg_tables', 'pg_views',
                   'pg_matviews', 'pg_stat_activity')
 ORDER BY relname;

-- Built-in roles.
SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin,
       rolreplication, rolconnlimit, rolpassword, rolvaliduntil, rolbypassrls, rolconfig, oid
  FROM pg_roles WHERE rolname LIKE 'pg\_%' ORDER BY oid;
-- The bootstrap superuser (its name is initdb's -U).
SELECT rolname = current_user AS me, rolsuper, rolcanlogin, rolpassword, oid
  FROM pg_roles WHERE oid = 10;
SELECT usename = current_user AS me, usesysid, usecreatedb, usesuper, userepl, usebypassrls,
       passwd, valuntil, useconfig
  FROM pg_user WHERE usesysid = 10;
SELECT usename = current_user AS me, usesysid, passwd IS NULL AS no_password
  FROM pg_shadow WHERE usesysid = 10;

-- Tables and views this test creates.
CREATE SCHEMA sysviews;
CREATE TABLE sysviews.t1 (a int PRIMARY KEY, b text);
CREATE TABLE sysviews.t2 (a int, b int);
CREATE VIEW sysviews.v1 AS SELECT a, b FROM sysviews.t1 WHERE a > 1;
CREATE VIEW sysviews.v2 AS SELECT t2.a + 1 AS c FROM sysviews.t2;
SELECT schemaname, tablename, tableowner = current_user AS owner_me, tablespace, hasindexes,
       hasrules, hastriggers, rowsecurity
  FROM pg_tables WHERE schemaname = 'sysviews' ORDER BY tablename;
SELECT schemaname, viewname, viewowner = current_user AS owner_me, definition
  FROM pg_views WHERE schemaname = 'sysviews' ORDER BY viewname;
SELECT count(*) FROM pg_matviews WHERE schemaname = 'sysviews';
-- A view over a function in FROM.
SELECT definition FROM pg_views WHERE viewname = 'pg_stat_activity';
-- Shared and local catalogs.
SELECT schemaname, tablename, tablespace, hasindexes
  FROM pg_tables
 WHERE schemaname = 'pg_catalog' AND tablename IN ('pg_class', 'pg_database', 'pg_authid')
 ORDER BY tablename;
DROP TABLE sysviews.t2 CASCADE;
SELECT tablename FROM pg_tables WHERE schemaname = 'sysviews';
SELECT viewname FROM pg_views WHERE schemaname = 'sysviews';

-- This session in pg_stat_activity.
SELECT datname = current_database() AS db, pid = pg_backend_pid() AS pid,
       usesysid = 10 AS usesysid, usename = current_user AS usename, leader_pid,
       application_name, client_hostname, wait_event_type, wait_event, state,
       backend_xid, backend_xmin IS NOT NULL AS has_xmin, query_id, query, backend_type
  FROM pg_stat_activity WHERE pid = pg_backend_pid();
SET application_name = 'sysviews test';
SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid();
RESET application_name;
BEGIN;
SELECT xact_start = now() AS xact_start, query_start >= xact_start AS query_start,
       state_change >= query_start AS state_change, backend_start <= xact_start AS started
  FROM pg_stat_activity WHERE pid = pg_backend_pid();
COMMIT;
SELECT xact_start IS NOT NULL AS in_xact FROM pg_stat_activity WHERE pid = pg_backend_pid();
-- The function under the view: one backend (-1 or NULL: all of them).
SELECT pid = pg_backend_pid() AS me, backend_type, ssl, gss_auth, gss_enc
  FROM pg_stat_get_activity(pg_backend_pid());
SELECT count(*) FROM pg_stat_get_activity(0);
SELECT count(*) FROM pg_stat_get_activity(-1) WHERE pid = pg_backend_pid();
-- Some processes are no client backends.
SELECT count(*) > 0 AS others FROM pg_stat_activity WHERE backend_type <> 'client backend';
SELECT backend_type, datid, usesysid, state, query
  FROM pg_stat_activity WHERE backend_type = 'checkpointer';

-- Signalling: no such backend, bad timeout, NULL.
SELECT pg_cancel_backend(0);
-- (pg_terminate_backend(pid) alone needs the analyzer to insert the
-- default timeout, which Tusk cannot do yet: it is called with both.)
SELECT pg_terminate_backend(0, 0);
SELECT pg_terminate_backend(0, 100);
SELECT pg_terminate_backend(pg_backend_pid(), -1);
SELECT pg_cancel_backend(NULL);
SELECT pg_terminate_backend(NULL, 0);

DROP SCHEMA sysviews CASCADE;
