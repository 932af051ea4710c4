-- What a pg_dump script needs from the server beyond its statements: the
-- sequence of an identity or serial column added to another role's table
-- belongs to that role (pg_dump sets a table's owner before it adds the
-- identity), defaults and constraints print as PostgreSQL prints them
-- when search_path is empty (functions schema-qualified, bpchar constants
-- as ::bpchar), and the schemas have PostgreSQL's initial ACLs, with which
-- pg_dump compares them.
CREATE ROLE dump_restore_owner;
CREATE SCHEMA dr;
CREATE FUNCTION dr.ten() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 10 $$;
CREATE TABLE dr.t (
    a integer NOT NULL,
    c char(2) DEFAULT 'NL',
    n integer DEFAULT dr.ten(),
    CONSTRAINT t_c_check CHECK (c <> 'XX')
);
ALTER TABLE dr.t OWNER TO dump_restore_owner;
ALTER TABLE dr.t ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME dr.t_a_seq);
ALTER TABLE dr.t ADD COLUMN s serial;
SELECT c.relname, c.relkind, pg_get_userbyid(c.relowner) AS owner
FROM pg_class c WHERE c.relnamespace = 'dr'::regnamespace ORDER BY 1;
INSERT INTO dr.t (c) VALUES ('AB');
SELECT * FROM dr.t;

SELECT pg_catalog.set_config('search_path', '', false);
SELECT adnum, pg_catalog.pg_get_expr(adbin, adrelid)
FROM pg_catalog.pg_attrdef WHERE adrelid = 'dr.t'::pg_catalog.regclass ORDER BY 1;
SELECT pg_catalog.pg_get_constraintdef(oid)
FROM pg_catalog.pg_constraint WHERE conrelid = 'dr.t'::pg_catalog.regclass;
SET search_path = dr;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'dr.t'::regclass AND adnum = 3;
RESET search_path;
SELECT format_type('bpchar'::regtype, NULL) AS no_typmod,
       format_type('bpchar'::regtype, -1) AS minus_one,
       format_type('bpchar'::regtype, 6) AS six,
       format_type('_bpchar'::regtype, -1) AS array_minus_one,
       format_type('_bpchar'::regtype, NULL) AS array_no_typmod;
SELECT 'x'::bpchar AS c, pg_typeof('x'::bpchar);

SELECT nspname, nspacl FROM pg_namespace
WHERE nspname IN ('pg_catalog', 'public') ORDER BY 1;
SELECT objoid::regnamespace, privtype, initprivs FROM pg_init_privs
WHERE classoid = 'pg_namespace'::regclass ORDER BY 1;

-- pg_dumpall -g writes COMMENT ON ROLE; DROP ROLE takes the comment along.
COMMENT ON ROLE dump_restore_owner IS 'owns dr';
SELECT shobj_description('dump_restore_owner'::regrole, 'pg_authid');
COMMENT ON ROLE dump_restore_nobody IS 'x';
SET ROLE dump_restore_owner;
COMMENT ON ROLE dump_restore_owner IS 'mine';
RESET ROLE;

SET client_min_messages = warning;
DROP SCHEMA dr CASCADE;
RESET client_min_messages;
SELECT count(*) FROM pg_shdescription WHERE classoid = 'pg_authid'::regclass
  AND objoid = 'dump_restore_owner'::regrole;
DROP ROLE dump_restore_owner;
SELECT count(*) FROM pg_shdescription d WHERE classoid = 'pg_authid'::regclass
  AND NOT EXISTS (SELECT 1 FROM pg_authid a WHERE a.oid = d.objoid);
