-- The OID alias types read by name, the to_regX functions, regclass(text)
-- and the pg_X_is_visible functions.
SELECT 'sum(int4)'::regprocedure, 'pg_catalog.sum(bigint)'::regprocedure,
       'now()'::regprocedure, 'int4pl(integer, "int4")'::regprocedure,
       'array_length(anyarray,integer)'::regprocedure;
SELECT 'sum(int4)'::regprocedure::oid = 2108 AS oid_ok, 'now'::regproc, 'pg_catalog.int4pl'::regproc;
SELECT 'sum(text)'::regprocedure;
SELECT 'sum'::regprocedure;
SELECT 'sum(int4'::regprocedure;
SELECT 'nosuchfunc'::regproc;
SELECT 'sum'::regproc;
SELECT '||/'::regoper, '+(int4,int4)'::regoperator, '-(NONE,int4)'::regoperator,
       '=(text, text)'::regoperator::oid = 98 AS oid_ok, '||/'::regoper::oid = 597 AS oper_oid_ok;
SELECT '+'::regoper;
SELECT '+++'::regoper;
SELECT '+(int4)'::regoperator;
SELECT '+(int4,int4,int4)'::regoperator;
SELECT '+(text,text)'::regoperator;
SELECT 'pg_class'::regclass, 'pg_catalog.pg_class'::regclass, '"pg_class"'::regclass,
       regclass('pg_type'), 'pg_type'::text::regclass;
SELECT 'no_such_table'::regclass;
SELECT regclass('no_such_table'::text);
SELECT 'int4'::regtype, 'double precision'::regtype, 'int[]'::regtype,
       'character varying(10)'::regtype, 'pg_catalog.text'::regtype;
SELECT 'no_such_type'::regtype;
SELECT 'pg_catalog'::regnamespace, 'public'::regnamespace;
SELECT 'no_such_schema'::regnamespace;
SELECT '"C"'::regcollation, 'default'::regcollation, 'pg_catalog.POSIX'::regcollation;
SELECT 'no_such_coll'::regcollation;
SELECT 'no_such_role'::regrole;
SELECT 'a.b'::regrole;
-- to_regX: NULL instead of the missing-object error
SELECT to_regclass('pg_class'), to_regclass('no_such_table'), to_regclass('no_such_schema.t'),
       to_regtype('int4'), to_regtype('no_such_type'), to_regtype('int4[]'),
       to_regproc('now'), to_regproc('no_such_func'),
       to_regprocedure('sum(int4)'), to_regprocedure('sum(text)'),
       to_regoper('||/'), to_regoper('+++'),
       to_regoperator('+(int4,int4)'), to_regoperator('+(text,text)');
SELECT to_regnamespace('pg_catalog'), to_regnamespace('no_such_schema'),
       to_regrole('no_such_role'), to_regcollation('"C"'), to_regcollation('no_such_coll');
-- ambiguity is NULL too; syntax is still an error
SELECT to_regproc('sum'), to_regoper('+');
SELECT to_regclass('a.b.c.d');
-- visibility
CREATE SCHEMA regtypes_s;
CREATE TABLE regtypes_s.t (a int);
SELECT pg_function_is_visible('sum(int4)'::regprocedure),
       pg_type_is_visible('int4'::regtype), pg_type_is_visible('regtypes_s.t'::regclass::oid),
       pg_operator_is_visible('+(int4,int4)'::regoperator),
       pg_collation_is_visible('"C"'::regcollation),
       pg_opclass_is_visible((SELECT oid FROM pg_opclass WHERE opcname = 'int4_ops' AND opcmethod = 403)),
       pg_opfamily_is_visible((SELECT oid FROM pg_opfamily WHERE opfname = 'integer_ops' AND opfmethod = 403)),
       pg_conversion_is_visible((SELECT min(oid) FROM pg_conversion)),
       pg_table_is_visible('regtypes_s.t'::regclass);
SELECT pg_function_is_visible(0), pg_type_is_visible(0), pg_operator_is_visible(0),
       pg_collation_is_visible(0), pg_opclass_is_visible(0), pg_opfamily_is_visible(0),
       pg_conversion_is_visible(0);
SELECT 'regtypes_s.t'::regclass;
SET search_path = regtypes_s, public;
SELECT 't'::regclass, pg_table_is_visible('t'::regclass), pg_type_is_visible('t'::regtype);
SELECT 'pg_catalog.pg_class'::regclass;
RESET search_path;
DROP SCHEMA regtypes_s CASCADE;

-- Only true arrays show as their element type with []: not the fixed-size
-- vectors subscripted like arrays
SELECT format_type('int2vector'::regtype, NULL) AS int2vector,
       format_type('oidvector'::regtype, NULL) AS oidvector,
       format_type('point'::regtype, NULL) AS point,
       format_type('_record'::regtype, NULL) AS recarr,
       format_type('_int2vector'::regtype, NULL) AS int2vecarr,
       format_type('_name'::regtype, 42) AS namearr;
