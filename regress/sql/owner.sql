--
-- Object owners: ALTER ... OWNER TO, ownership checks, pg_shdepend,
-- DROP ROLE, DROP OWNED, REASSIGN OWNED
--
CREATE ROLE regress_own1;
CREATE ROLE regress_own2;
CREATE ROLE regress_own3;

-- objects made by a role are owned by it, with a pg_shdepend row each
CREATE SCHEMA regress_owns AUTHORIZATION regress_own1;
SET search_path = regress_owns, public;
SET ROLE regress_own1;
CREATE TABLE t (a serial, b int GENERATED ALWAYS AS IDENTITY, c text);
CREATE INDEX t_c_idx ON t (c);
CREATE VIEW v AS SELECT a, c FROM t;
CREATE SEQUENCE sq;
CREATE TYPE e AS ENUM ('x', 'y');
CREATE TYPE c AS (x int, y text);
CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'SELECT $1';
RESET ROLE;

CREATE VIEW public.regress_own_objects AS
  SELECT 'class' AS kind, relname AS name, relkind::text AS sub, relowner::regrole AS owner
    FROM pg_class WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'regress_owns')
  UNION ALL
  SELECT 'type', typname, typtype::text, typowner::regrole
    FROM pg_type WHERE typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'regress_owns')
  UNION ALL
  SELECT 'proc', proname, prokind::text, proowner::regrole
    FROM pg_proc WHERE pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'regress_owns')
  UNION ALL
  SELECT 'schema', nspname, '', nspowner::regrole
    FROM pg_namespace WHERE nspname LIKE 'regress_own%';
CREATE VIEW public.regress_own_shdepend AS
  SELECT pg_describe_object(classid, objid, objsubid) AS object,
         refclassid::regclass AS refclass, refobjid::regrole AS owner, deptype
    FROM pg_shdepend
   WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
     AND refobjid IN (SELECT oid FROM pg_roles WHERE rolname LIKE 'regress_own%');

SELECT * FROM regress_own_objects ORDER BY 1, 2;
SELECT * FROM regress_own_shdepend ORDER BY 1;

-- ALTER TABLE: the row type, array type, indexes and owned sequences follow
ALTER TABLE t OWNER TO regress_own2;
SELECT * FROM regress_own_objects ORDER BY 1, 2;
SELECT * FROM regress_own_shdepend ORDER BY 1;
ALTER TABLE t ALTER COLUMN c SET STATISTICS 50, OWNER TO regress_own2;
-- giving an object to its owner changes nothing
ALTER TABLE t OWNER TO regress_own2;
-- an index or a linked sequence cannot change owner alone
ALTER INDEX t_c_idx OWNER TO regress_own1;
ALTER INDEX t_c_idx OWNER TO regress_own2;
ALTER SEQUENCE t_a_seq OWNER TO regress_own1;
ALTER SEQUENCE t_b_seq OWNER TO regress_own1;
ALTER SEQUENCE sq OWNER TO regress_own2;
ALTER VIEW v OWNER TO regress_own2;
ALTER TABLE v OWNER TO regress_own1;
ALTER TABLE sq OWNER TO regress_own1;
-- the statement's kind must match
ALTER VIEW t OWNER TO regress_own1;
ALTER SEQUENCE t OWNER TO regress_own1;
ALTER INDEX t OWNER TO regress_own1;
ALTER TABLE c OWNER TO regress_own1;
ALTER TABLE nosuch OWNER TO regress_own1;
ALTER TABLE IF EXISTS nosuch OWNER TO regress_own1;
ALTER TABLE t OWNER TO regress_nosuch;
ALTER TABLE t OWNER TO public;
ALTER TABLE pg_class OWNER TO regress_own1;

-- types: the array type follows; row types and array types are refused
ALTER TYPE e OWNER TO regress_own2;
ALTER TYPE c OWNER TO regress_own2;
ALTER TYPE t OWNER TO regress_own1;
ALTER TYPE _e OWNER TO regress_own1;
ALTER TYPE nosuch OWNER TO regress_own1;
ALTER DOMAIN e OWNER TO regress_own1;

-- routines
ALTER FUNCTION f(int) OWNER TO regress_own2;
ALTER FUNCTION f OWNER TO regress_own2;
ALTER ROUTINE f(integer) OWNER TO regress_own2;
ALTER PROCEDURE f(int) OWNER TO regress_own1;
ALTER FUNCTION nosuch(int) OWNER TO regress_own1;

-- schemas
ALTER SCHEMA regress_owns OWNER TO regress_own2;
ALTER SCHEMA regress_nosuch OWNER TO regress_own2;

SELECT * FROM regress_own_objects ORDER BY 1, 2;
SELECT * FROM regress_own_shdepend ORDER BY 1;

-- to the bootstrap superuser (pinned): no pg_shdepend row
ALTER FUNCTION f(int) OWNER TO CURRENT_USER;
SELECT proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) AS mine
  FROM pg_proc WHERE proname = 'f' AND pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'regress_owns');
SELECT * FROM regress_own_shdepend WHERE object LIKE 'function%';
ALTER FUNCTION f(int) OWNER TO SESSION_USER;
ALTER FUNCTION f(int) OWNER TO regress_own2;

-- DROP ROLE refuses while the role owns something
DROP ROLE regress_own2;
DROP ROLE regress_own1;

-- checks for non-owners (objects in public, which every role can use)
CREATE TABLE public.regress_ownt (a int);
ALTER TABLE public.regress_ownt OWNER TO regress_own1;
CREATE FUNCTION public.regress_ownf() RETURNS int LANGUAGE sql AS 'SELECT 1';
ALTER FUNCTION public.regress_ownf() OWNER TO regress_own1;
CREATE TYPE public.regress_owne AS ENUM ('a');
ALTER TYPE public.regress_owne OWNER TO regress_own1;
CREATE SCHEMA regress_owns2 AUTHORIZATION regress_own1;
SET ROLE regress_own3;
ALTER TABLE regress_ownt OWNER TO regress_own3;
ALTER TABLE regress_ownt ADD COLUMN b int;
ALTER TABLE regress_ownt RENAME TO regress_ownt2;
CREATE INDEX ON regress_ownt (a);
COMMENT ON TABLE regress_ownt IS 'no';
DROP TABLE regress_ownt;
ALTER FUNCTION regress_ownf() OWNER TO regress_own3;
COMMENT ON FUNCTION regress_ownf() IS 'no';
DROP FUNCTION regress_ownf();
ALTER TYPE regress_owne OWNER TO regress_own3;
ALTER TYPE regress_owne ADD VALUE 'b';
DROP TYPE regress_owne;
ALTER SCHEMA regress_owns2 OWNER TO regress_own3;
COMMENT ON SCHEMA regress_owns2 IS 'no';
DROP SCHEMA regress_owns2;
VACUUM regress_ownt;
ANALYZE regress_ownt;
VACUUM (ANALYZE) regress_ownt;
DROP OWNED BY regress_own1;
REASSIGN OWNED BY regress_own1 TO regress_own3;
RESET ROLE;

-- the owner must be able to become the new owner, who must be able to
-- create in the schema
SET ROLE regress_own1;
ALTER TABLE regress_ownt OWNER TO regress_own3;
RESET ROLE;
GRANT regress_own3 TO regress_own1;
SET ROLE regress_own1;
ALTER TABLE regress_ownt OWNER TO regress_own3;
ALTER FUNCTION regress_ownf() OWNER TO regress_own3;
ALTER TYPE regress_owne OWNER TO regress_own3;
ALTER SCHEMA regress_owns2 OWNER TO regress_own3;
RESET ROLE;
CREATE SCHEMA regress_owns3 AUTHORIZATION regress_own3;
ALTER TABLE regress_ownt SET SCHEMA regress_owns3;
SET ROLE regress_own1;
ALTER TABLE regress_owns3.regress_ownt OWNER TO regress_own3;
RESET ROLE;
SELECT relname, relowner::regrole FROM pg_class WHERE relname = 'regress_ownt';

-- CREATE SCHEMA ... AUTHORIZATION: the elements are the owner's
CREATE SCHEMA regress_owns4 AUTHORIZATION regress_own1
  CREATE TABLE t4 (a int) CREATE VIEW v4 AS SELECT a FROM t4;
SELECT relname, relowner::regrole FROM pg_class
 WHERE relnamespace = 'regress_owns4'::regnamespace ORDER BY 1;

-- a database and objects in it
CREATE DATABASE regress_owndb OWNER regress_own1;
SELECT d.datname, s.refobjid::regrole, s.deptype
  FROM pg_shdepend s JOIN pg_database d ON d.oid = s.objid
 WHERE s.classid = 'pg_database'::regclass AND d.datname = 'regress_owndb';
ALTER DATABASE regress_owndb OWNER TO regress_own2;
SELECT d.datname, s.refobjid::regrole, s.deptype
  FROM pg_shdepend s JOIN pg_database d ON d.oid = s.objid
 WHERE s.classid = 'pg_database'::regclass AND d.datname = 'regress_owndb';
ALTER DATABASE regress_nosuchdb OWNER TO regress_own2;
SET ROLE regress_own3;
ALTER DATABASE regress_owndb OWNER TO regress_own3;
RESET ROLE;
\c regress_owndb
SET ROLE regress_own2;
CREATE TABLE other1 (a int);
CREATE TABLE other2 (a int);
RESET ROLE;
\c postgres
SET search_path = regress_owns, public;
DROP ROLE regress_own1;
DROP ROLE regress_own2;

-- REASSIGN OWNED: every object of this database, and shared objects
REASSIGN OWNED BY regress_own2 TO regress_own1;
SELECT * FROM regress_own_objects ORDER BY 1, 2;
SELECT datname, datdba::regrole FROM pg_database WHERE datname = 'regress_owndb';
REASSIGN OWNED BY regress_own1 TO regress_own2;
SELECT * FROM regress_own_shdepend ORDER BY 1;
REASSIGN OWNED BY CURRENT_USER TO regress_own1;
DROP OWNED BY CURRENT_USER;
REASSIGN OWNED BY regress_nosuch TO regress_own1;

-- what psql shows
\dn regress_own*
\dt regress_owns.*
\dv regress_owns.*
\ds regress_owns.*
\l regress_owndb

-- DROP OWNED: what depends on them needs CASCADE
ALTER VIEW v OWNER TO regress_own3;
DROP OWNED BY regress_own2;
DROP OWNED BY regress_own2 CASCADE;
SELECT * FROM regress_own_objects ORDER BY 1, 2;
SELECT * FROM regress_own_shdepend ORDER BY 1;
-- a database is not dropped by DROP OWNED
DROP ROLE regress_own2;
DROP DATABASE regress_owndb;
DROP OWNED BY regress_own1, regress_own3;
DROP ROLE regress_own1, regress_own2, regress_own3;
DROP VIEW regress_own_objects, regress_own_shdepend;
SELECT count(*) FROM pg_shdepend
 WHERE refobjid NOT IN (SELECT oid FROM pg_roles);

-- pg_database_owner: the current database's owner is implicitly its member,
-- so owns the public schema (owned by pg_database_owner)
CREATE ROLE regress_own_dba;
CREATE ROLE regress_own_dba_member IN ROLE regress_own_dba;
CREATE DATABASE regress_own_dbodb OWNER regress_own_dba;
\c regress_own_dbodb
SELECT r AS role, pg_has_role(r, 'pg_database_owner', 'MEMBER') AS member,
       pg_has_role(r, 'pg_database_owner', 'USAGE') AS usage,
       has_schema_privilege(r, 'public', 'CREATE') AS create_public
  FROM unnest(ARRAY['regress_own_dba', 'regress_own_dba_member', 'pg_monitor']) AS r;
SELECT nspname, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'public';
\c postgres
SELECT pg_has_role('regress_own_dba', 'pg_database_owner', 'MEMBER') AS member_elsewhere;
DROP DATABASE regress_own_dbodb;
DROP ROLE regress_own_dba_member, regress_own_dba;
