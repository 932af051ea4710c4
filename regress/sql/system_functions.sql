--
-- System information functions and the OID alias types
--
SELECT current_user = session_user AS same_user, current_database();
SELECT current_schema(), current_schemas(false), current_schemas(true);
SELECT pg_backend_pid() > 0 AS has_pid;
SELECT version() LIKE 'PostgreSQL 15%' AS is_15;
SELECT pg_typeof(1), pg_typeof('a'::text), pg_typeof(1.5), pg_typeof(NULL::bool), pg_typeof(2::int8 + 1);
SELECT current_setting('search_path'), current_setting('nosuch', true);
SELECT set_config('search_path', 'public', false);
SHOW search_path;
SELECT 'pg_class'::regclass, 'pg_catalog.pg_type'::regclass, 'pg_class'::regclass::oid;
SELECT 1259::regclass, 0::regclass, 99999999::regclass;
SELECT 'integer'::regtype, 'double precision'::regtype, 'int4[]'::regtype, 'varchar(10)'::regtype, 25::regtype;
SELECT 'pg_catalog'::regnamespace, 11::regnamespace, 'public'::regnamespace::oid > 0 AS has_public;
SELECT 'now'::regproc, 'int4pl'::regproc::oid;
CREATE TABLE sysf (a int);

SELECT 'sysf'::regclass;
DROP TABLE sysf;
-- errors
SELECT 'nosuch'::regclass;
SELECT 'nosuch'::regtype;
SELECT 'nosuch'::regnamespace;
SELECT 'nosuchfn'::regproc;
SELECT 'abs'::regproc;
SELECT current_setting('nosuch');
