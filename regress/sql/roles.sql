--
-- roles: CREATE / ALTER / DROP ROLE (USER, GROUP), passwords, membership
-- (GRANT / REVOKE role), SET ROLE, SET SESSION AUTHORIZATION, per-role
-- settings, pg_has_role, and who may do what.  Every role is named
-- regress_roles_* and dropped at the end.
--
SET TimeZone = 'UTC';
CREATE ROLE regress_roles_a;
CREATE USER regress_roles_u CONNECTION LIMIT 3 VALID UNTIL '2030-01-01 00:00:00+00';
CREATE GROUP regress_roles_g;
CREATE ROLE regress_roles_all WITH SUPERUSER CREATEDB CREATEROLE NOINHERIT LOGIN REPLICATION
    BYPASSRLS CONNECTION LIMIT 10;
SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,
       rolconnlimit, rolpassword, rolvaliduntil, rolbypassrls, rolconfig
  FROM pg_roles WHERE rolname LIKE 'regress_roles%' ORDER BY 1;
SELECT usename, usecreatedb, usesuper, userepl, usebypassrls, passwd, valuntil
  FROM pg_user WHERE usename LIKE 'regress_roles%' ORDER BY 1;
ALTER ROLE regress_roles_all NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT NOLOGIN NOREPLICATION
    NOBYPASSRLS CONNECTION LIMIT -1;
SELECT rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,
       rolconnlimit, rolbypassrls
  FROM pg_roles WHERE rolname = 'regress_roles_all';
DROP ROLE regress_roles_all;

-- errors
CREATE ROLE regress_roles_a;
CREATE ROLE pg_regress_roles;
CREATE ROLE public;
CREATE ROLE none;
CREATE ROLE current_user;
CREATE ROLE regress_roles_x FOOBAR;
CREATE ROLE regress_roles_x LOGIN NOLOGIN;
CREATE ROLE regress_roles_x CONNECTION LIMIT -2;
CREATE ROLE regress_roles_x UNENCRYPTED PASSWORD 'x';
CREATE ROLE regress_roles_x VALID UNTIL 'not a time';
ALTER ROLE regress_roles_nosuch LOGIN;
DROP ROLE regress_roles_nosuch;
DROP ROLE IF EXISTS regress_roles_nosuch, regress_roles_nosuch2;
DROP ROLE current_user;

-- passwords: a SCRAM-SHA-256 verifier by default, md5 on request, a
-- verifier given as the password stored as given
ALTER ROLE regress_roles_u PASSWORD 'secret';
SELECT rolpassword ~ '^SCRAM-SHA-256\$4096:[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$'
  AS scram
  FROM pg_authid WHERE rolname = 'regress_roles_u';
SHOW password_encryption;
SET password_encryption = 'md5';
CREATE ROLE regress_roles_md5 PASSWORD 'secret';
SELECT rolpassword FROM pg_authid WHERE rolname = 'regress_roles_md5';
RESET password_encryption;
ALTER ROLE regress_roles_md5 RENAME TO regress_roles_md5b;
SELECT rolpassword IS NULL AS cleared FROM pg_authid WHERE rolname = 'regress_roles_md5b';
DROP ROLE regress_roles_md5b;
ALTER ROLE regress_roles_a PASSWORD 'SCRAM-SHA-256$4096:c2FsdHNhbHRzYWx0c2FsdA==$mXNTv3p2DQtaEq6Frb7w7UuRxXe+BkB4qOJ4B/q3L8c=:VXwuFzDZeJ8dwR3VV0XapEGAuEBGW+GTPyW8lHzH9Xo=';
SELECT rolpassword FROM pg_authid WHERE rolname = 'regress_roles_a';
ALTER ROLE regress_roles_a PASSWORD 'md5fb9ebad31e8cbe8c9d4bcd0e9c0a6fc1';
SELECT rolpassword FROM pg_authid WHERE rolname = 'regress_roles_a';
ALTER ROLE regress_roles_a PASSWORD '';
ALTER ROLE regress_roles_a PASSWORD NULL;
SELECT rolpassword IS NULL AS no_password FROM pg_authid WHERE rolname = 'regress_roles_a';
ALTER ROLE regress_roles_a ENCRYPTED PASSWORD 'x';
SELECT rolpassword LIKE 'SCRAM-SHA-256$%' AS scram FROM pg_authid WHERE rolname = 'regress_roles_a';

-- rename
ALTER ROLE regress_roles_a RENAME TO regress_roles_b;
SELECT rolname FROM pg_roles WHERE rolname LIKE 'regress_roles_b%';
ALTER USER regress_roles_b RENAME TO regress_roles_a;
ALTER ROLE regress_roles_a RENAME TO pg_regress_roles;
ALTER ROLE regress_roles_a RENAME TO regress_roles_u;
ALTER ROLE pg_monitor RENAME TO regress_roles_mon;

-- membership
GRANT regress_roles_g TO regress_roles_a, regress_roles_u;
GRANT regress_roles_g TO regress_roles_a;
GRANT regress_roles_a TO regress_roles_g;
GRANT regress_roles_g TO regress_roles_g;
GRANT regress_roles_nosuch TO regress_roles_a;
GRANT regress_roles_g TO regress_roles_nosuch;
GRANT regress_roles_g (a) TO regress_roles_a;
SELECT r.rolname AS role, m.rolname AS member, a.admin_option
  FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
 WHERE r.rolname LIKE 'regress_roles%' ORDER BY 1, 2;
REVOKE regress_roles_g FROM regress_roles_u;
REVOKE regress_roles_g FROM regress_roles_u;
GRANT regress_roles_g TO regress_roles_u WITH ADMIN OPTION;
SELECT admin_option FROM pg_auth_members
 WHERE roleid = 'regress_roles_g'::regrole AND member = 'regress_roles_u'::regrole;
REVOKE ADMIN OPTION FOR regress_roles_g FROM regress_roles_u;
SELECT admin_option FROM pg_auth_members
 WHERE roleid = 'regress_roles_g'::regrole AND member = 'regress_roles_u'::regrole;
GRANT regress_roles_g TO regress_roles_u WITH ADMIN OPTION;
ALTER GROUP regress_roles_g DROP USER regress_roles_a;
ALTER GROUP regress_roles_g ADD USER regress_roles_a;
CREATE ROLE regress_roles_c IN ROLE regress_roles_g ROLE regress_roles_a ADMIN regress_roles_u;
SELECT r.rolname AS role, m.rolname AS member, a.admin_option
  FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
 WHERE r.rolname LIKE 'regress_roles%' ORDER BY 1, 2;
GRANT pg_database_owner TO regress_roles_a;
GRANT regress_roles_g TO pg_database_owner;
-- pg_has_role: USAGE follows INHERIT, MEMBER any membership
SELECT pg_has_role('regress_roles_a', 'regress_roles_g', 'MEMBER') AS member,
       pg_has_role('regress_roles_a', 'regress_roles_g', 'USAGE') AS usage,
       pg_has_role('regress_roles_a', 'regress_roles_g', 'USAGE WITH ADMIN OPTION') AS admin,
       pg_has_role('regress_roles_u', 'regress_roles_g', 'MEMBER WITH ADMIN OPTION') AS u_admin,
       pg_has_role('regress_roles_u', 'regress_roles_a', 'member, usage') AS u_a;
ALTER ROLE regress_roles_a NOINHERIT;
SELECT pg_has_role('regress_roles_a', 'regress_roles_g', 'MEMBER') AS member,
       pg_has_role('regress_roles_a', 'regress_roles_g', 'USAGE') AS usage,
       pg_has_role('regress_roles_a'::regrole::oid, 'regress_roles_g'::regrole::oid, 'USAGE') AS by_oid,
       pg_has_role('regress_roles_g', 'MEMBER') AS superuser_is_member;
ALTER ROLE regress_roles_a INHERIT;
SELECT pg_has_role('regress_roles_a', 'regress_roles_g', 'FOO');
SELECT pg_has_role(0::oid, 'MEMBER');

-- SET ROLE, SET SESSION AUTHORIZATION
SHOW role;
SET ROLE regress_roles_a;
SELECT current_user, current_role, session_user = current_user AS same;
SHOW role;
SHOW is_superuser;
SET ROLE regress_roles_g;
SELECT current_user;
SET ROLE NONE;
SELECT session_user = current_user AS same;
SET ROLE regress_roles_nosuch;
BEGIN;
SET LOCAL ROLE regress_roles_u;
SELECT current_user;
ROLLBACK;
SELECT session_user = current_user AS same;
SET SESSION AUTHORIZATION regress_roles_a;
SELECT current_user, session_user;
SHOW is_superuser;
SET ROLE regress_roles_g;
SELECT current_user, session_user;
SET ROLE regress_roles_u;
RESET ROLE;
SELECT current_user;
-- without CREATEROLE
CREATE ROLE regress_roles_x;
ALTER ROLE regress_roles_u CREATEDB;
ALTER ROLE regress_roles_a PASSWORD 'mine';
ALTER ROLE regress_roles_a SET work_mem = '2MB';
ALTER ROLE regress_roles_u SET work_mem = '2MB';
DROP ROLE regress_roles_u;
GRANT regress_roles_a TO regress_roles_u;
GRANT regress_roles_c TO regress_roles_g;
RESET SESSION AUTHORIZATION;
SELECT session_user = current_user AS same;
SHOW is_superuser;
-- with CREATEROLE
CREATE ROLE regress_roles_cr CREATEROLE;
SET ROLE regress_roles_cr;
CREATE ROLE regress_roles_c2 LOGIN;
CREATE ROLE regress_roles_c3 SUPERUSER;
CREATE ROLE regress_roles_c3 REPLICATION;
CREATE ROLE regress_roles_c3 BYPASSRLS;
ALTER ROLE regress_roles_c2 NOLOGIN CONNECTION LIMIT 5;
GRANT regress_roles_g TO regress_roles_c2;
ALTER ROLE regress_roles_c2 SUPERUSER;
DROP ROLE regress_roles_c2;
DROP ROLE regress_roles_cr;
RESET ROLE;
DROP ROLE regress_roles_cr;

-- per-role settings (pg_db_role_setting)
ALTER ROLE regress_roles_a SET work_mem = '1MB';
ALTER ROLE regress_roles_a SET search_path = a, b;
ALTER ROLE regress_roles_a SET work_mem TO '3MB';
ALTER ROLE regress_roles_a IN DATABASE postgres SET statement_timeout = 1000;
ALTER ROLE ALL IN DATABASE postgres SET regress_roles.setting = 'on';
SELECT s.setdatabase <> 0 AS in_database, r.rolname, s.setconfig
  FROM pg_db_role_setting s LEFT JOIN pg_roles r ON r.oid = s.setrole
 WHERE r.rolname LIKE 'regress_roles%' OR (s.setrole = 0 AND s.setdatabase <> 0)
 ORDER BY 1, 2;
SELECT rolconfig FROM pg_roles WHERE rolname = 'regress_roles_a';
ALTER ROLE regress_roles_a SET regress_roles_nosuch_param = 1;
ALTER ROLE regress_roles_a SET work_mem = 'lots';
ALTER ROLE regress_roles_a RESET work_mem;
SELECT rolconfig FROM pg_roles WHERE rolname = 'regress_roles_a';
ALTER ROLE regress_roles_a RESET ALL;
ALTER ROLE regress_roles_a IN DATABASE postgres RESET ALL;
ALTER ROLE ALL IN DATABASE postgres RESET regress_roles.setting;
ALTER ROLE regress_roles_a IN DATABASE regress_roles_nosuch SET work_mem = '1MB';
SELECT count(*) FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
 WHERE r.rolname LIKE 'regress_roles%';

-- psql's lists
\du regress_roles*
\dg regress_roles_g
ALTER ROLE regress_roles_a SET work_mem = '1MB';
\drds regress_roles*
ALTER ROLE regress_roles_a RESET ALL;

-- objects a role owns keep it from being dropped
CREATE SCHEMA regress_roles_s AUTHORIZATION regress_roles_a;
SET ROLE regress_roles_a;
CREATE TABLE regress_roles_s.t (a int);
CREATE VIEW regress_roles_s.v AS SELECT a FROM regress_roles_s.t;
RESET ROLE;
SELECT tableowner FROM pg_tables WHERE schemaname = 'regress_roles_s';
SELECT relname, relowner::regrole FROM pg_class
 WHERE relnamespace = 'regress_roles_s'::regnamespace ORDER BY 1;
SELECT nspowner::regrole FROM pg_namespace WHERE nspname = 'regress_roles_s';
DROP ROLE regress_roles_a;
DROP SCHEMA regress_roles_s CASCADE;
DROP ROLE regress_roles_a;
SELECT count(*) FROM pg_auth_members
 WHERE roleid = 'regress_roles_g'::regrole OR member = 'regress_roles_g'::regrole;
DROP ROLE regress_roles_u, regress_roles_c, regress_roles_g;
SELECT count(*) FROM pg_roles WHERE rolname LIKE 'regress_roles%';
