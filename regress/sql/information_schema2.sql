--
-- information_schema, part 2: who sees what, NOT NULL constraints, the
-- _pg_* helper functions, routines, parameters, element_types and the
-- other views ORMs and GUI tools read; all over objects made here
--
CREATE SCHEMA isch2;
CREATE DOMAIN isch2.posint AS integer DEFAULT 1 CONSTRAINT posint_positive CHECK (VALUE > 0);
CREATE DOMAIN isch2.codes AS varchar(4)[] NOT NULL;
CREATE TABLE isch2.kinds (
    id integer PRIMARY KEY,
    c1 character(7),
    c2 character varying,
    c3 bit(3),
    c4 numeric,
    c5 numeric(12),
    c6 real,
    c7 time(2) without time zone,
    c8 time with time zone,
    c9 timestamp(0),
    c10 date,
    c11 interval second(3),
    c12 interval,
    c13 int8 NOT NULL,
    c14 isch2.posint,
    c15 isch2.codes,
    c16 numeric(5,2)[],
    c17 isch2.posint[],
    c18 text[][],
    CONSTRAINT kinds_c13_check CHECK (c13 > 0),
    UNIQUE (c1, c2)
);
CREATE TABLE isch2.refs (
    k integer NOT NULL REFERENCES isch2.kinds,
    pos isch2.posint NOT NULL
);
CREATE VIEW isch2.kinds_v AS SELECT id, c13, c16 FROM isch2.kinds;
CREATE SEQUENCE isch2.seq;

-- NOT NULL columns are CHECK constraints named schema_table_column_not_null
-- (by OIDs: shown here by name)
SELECT split_part(constraint_name, '_', 1)::oid::regnamespace AS nsp,
       split_part(constraint_name, '_', 2)::oid::regclass AS rel,
       split_part(constraint_name, '_', 3) AS attnum,
       constraint_schema, table_name, constraint_type, is_deferrable, initially_deferred,
       enforced, nulls_distinct
  FROM information_schema.table_constraints
 WHERE table_schema = 'isch2' AND constraint_name LIKE '%not_null'
 ORDER BY rel, attnum;
SELECT constraint_name, table_name, constraint_type
  FROM information_schema.table_constraints
 WHERE table_schema = 'isch2' AND constraint_name NOT LIKE '%not_null'
 ORDER BY constraint_name;
SELECT split_part(constraint_name, '_', 2)::oid::regclass AS rel, constraint_schema,
       check_clause
  FROM information_schema.check_constraints
 WHERE constraint_schema = 'isch2' AND constraint_name LIKE '%not_null'
 ORDER BY rel, check_clause;
SELECT constraint_name, check_clause
  FROM information_schema.check_constraints
 WHERE constraint_schema = 'isch2' AND constraint_name NOT LIKE '%not_null'
 ORDER BY constraint_name;

-- the helper functions
SELECT p.proname, pg_get_function_arguments(p.oid) AS args,
       pg_get_function_result(p.oid) AS result, p.provolatile, p.proisstrict, p.proparallel
  FROM pg_proc p
 WHERE p.pronamespace = 'information_schema'::regnamespace AND p.proname <> '_pg_expandarray'
 ORDER BY p.proname;
SELECT information_schema._pg_char_max_length(1043, 14), information_schema._pg_char_max_length(1562, 5),
       information_schema._pg_char_max_length(25, -1), information_schema._pg_char_max_length(23, 8);
SELECT information_schema._pg_char_octet_length(1042, 9), information_schema._pg_char_octet_length(25, -1),
       information_schema._pg_char_octet_length(23, -1);
SELECT information_schema._pg_numeric_precision(1700, 655366), information_schema._pg_numeric_precision(1700, -1),
       information_schema._pg_numeric_precision(20, -1), information_schema._pg_numeric_precision(701, -1),
       information_schema._pg_numeric_precision(25, -1);
SELECT information_schema._pg_numeric_precision_radix(1700, -1), information_schema._pg_numeric_precision_radix(21, -1),
       information_schema._pg_numeric_precision_radix(16, -1);
SELECT information_schema._pg_numeric_scale(1700, 655366), information_schema._pg_numeric_scale(1700, -1),
       information_schema._pg_numeric_scale(23, -1), information_schema._pg_numeric_scale(700, -1);
SELECT information_schema._pg_datetime_precision(1082, -1), information_schema._pg_datetime_precision(1114, 3),
       information_schema._pg_datetime_precision(1266, -1), information_schema._pg_datetime_precision(1186, -1),
       information_schema._pg_datetime_precision(25, 5);
SELECT a.attname, information_schema._pg_datetime_precision(a.atttypid, a.atttypmod),
       information_schema._pg_interval_type(a.atttypid, a.atttypmod)
  FROM pg_attribute a
 WHERE a.attrelid = 'isch2.kinds'::regclass AND a.attname IN ('c7', 'c11', 'c12', 'c13')
 ORDER BY a.attnum;
SELECT information_schema._pg_interval_type(1186, -1), information_schema._pg_interval_type(1700, -1);
SELECT information_schema._pg_char_max_length(NULL, 5) IS NULL AS strict;
SELECT a.attname, information_schema._pg_truetypid(a, t)::regtype,
       information_schema._pg_truetypmod(a, t)
  FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
 WHERE a.attrelid = 'isch2.refs'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT information_schema._pg_index_position('isch2.kinds_c1_c2_key'::regclass, 3::smallint),
       information_schema._pg_index_position('isch2.kinds_c1_c2_key'::regclass, 2::smallint),
       information_schema._pg_index_position('isch2.kinds_c1_c2_key'::regclass, 5::smallint);
\x on
SELECT * FROM information_schema.columns WHERE table_schema = 'isch2' AND table_name = 'kinds'
 ORDER BY ordinal_position;
\x off
SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision,
       domain_name, udt_name, dtd_identifier
  FROM information_schema.columns WHERE table_schema = 'isch2' AND table_name <> 'kinds'
 ORDER BY table_name, ordinal_position;
SELECT sequence_name, data_type, numeric_precision FROM information_schema.sequences
 WHERE sequence_schema = 'isch2';

-- routines and their parameters: every argument mode, defaults, domains,
-- arrays, sets; specific_name is the name _ the function's OID
CREATE TYPE isch2.pair AS (l integer, r varchar(5)[], s text COLLATE "C");
CREATE FUNCTION isch2.f_in(a integer, b text DEFAULT 'x', c numeric[] DEFAULT '{1.5}')
    RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS 'select $1';
CREATE FUNCTION isch2.f_out(integer, OUT b integer) LANGUAGE sql STABLE AS 'select $1 + 1';
CREATE FUNCTION isch2.f_inout(INOUT a isch2.posint) LANGUAGE sql AS 'select a';
CREATE FUNCTION isch2.f_var(VARIADIC v numeric[]) RETURNS numeric
    LANGUAGE sql AS 'select sum(x) from unnest(v) x';
CREATE FUNCTION isch2.f_set(n integer) RETURNS SETOF text[]
    LANGUAGE sql AS 'select array[''a'', ''b'']';
CREATE FUNCTION isch2.f_tab(n integer) RETURNS TABLE (v integer[])
    LANGUAGE sql AS 'select array[n]';
CREATE FUNCTION isch2.f_void(p isch2.pair) RETURNS void LANGUAGE sql AS '';
CREATE FUNCTION isch2.f_dom(d isch2.codes) RETURNS isch2.codes LANGUAGE sql AS 'select d';
SELECT r.specific_name = (p.proname || '_' || p.oid) AS specific_ok, r.specific_schema,
       r.routine_schema, r.routine_name, r.routine_type, r.data_type, r.type_udt_schema,
       r.type_udt_name, r.dtd_identifier, r.routine_body, r.routine_definition,
       r.external_name, r.external_language, r.parameter_style, r.is_deterministic,
       r.sql_data_access, r.is_null_call, r.security_type, r.schema_level_routine,
       r.max_dynamic_result_sets, r.as_locator, r.is_udt_dependent
  FROM information_schema.routines r
       JOIN pg_proc p ON r.specific_name = p.proname || '_' || p.oid
 WHERE r.routine_schema = 'isch2' ORDER BY r.routine_name;
\x on
SELECT
       specific_catalog, specific_schema, routine_catalog, routine_schema, routine_name, 
       routine_type, module_catalog, module_schema, module_name, udt_catalog, udt_schema, 
       udt_name, data_type, character_maximum_length, character_octet_length, 
       character_set_catalog, character_set_schema, character_set_name, collation_catalog, 
       collation_schema, collation_name, numeric_precision, numeric_precision_radix, 
       numeric_scale, datetime_precision, interval_type, interval_precision, type_udt_catalog, 
       type_udt_schema, type_udt_name, scope_catalog, scope_schema, scope_name, 
       maximum_cardinality, dtd_identifier, routine_body, routine_definition, external_name, 
       external_language, parameter_style, is_deterministic, sql_data_access, is_null_call, 
       sql_path, schema_level_routine, max_dynamic_result_sets, is_user_defined_cast, 
       is_implicitly_invocable, security_type, to_sql_specific_catalog, 
       to_sql_specific_schema, to_sql_specific_name, as_locator, created, last_altered, 
       new_savepoint_level, is_udt_dependent, result_cast_from_data_type, 
       result_cast_as_locator, result_cast_char_max_length, result_cast_char_octet_length, 
       result_cast_char_set_catalog, result_cast_char_set_schema, result_cast_char_set_name, 
       result_cast_collation_catalog, result_cast_collation_schema, 
       result_cast_collation_name, result_cast_numeric_precision, 
       result_cast_numeric_precision_radix, result_cast_numeric_scale, 
       result_cast_datetime_precision, result_cast_interval_type, 
       result_cast_interval_precision, result_cast_type_udt_catalog, 
       result_cast_type_udt_schema, result_cast_type_udt_name, result_cast_scope_catalog, 
       result_cast_scope_schema, result_cast_scope_name, result_cast_maximum_cardinality, 
       result_cast_dtd_identifier
  FROM information_schema.routines
 WHERE routine_schema = 'isch2' AND routine_name = 'f_in';
\x off
SELECT p.proname, x.ordinal_position, x.parameter_mode, x.is_result, x.as_locator,
       x.parameter_name, x.data_type, x.udt_schema, x.udt_name, x.dtd_identifier,
       x.parameter_default
  FROM information_schema.parameters x
       JOIN pg_proc p ON x.specific_name = p.proname || '_' || p.oid
 WHERE x.specific_schema = 'isch2' ORDER BY p.proname, x.ordinal_position;
SELECT count(*) FROM information_schema.parameters x
 WHERE x.specific_schema = 'isch2' AND x.character_maximum_length IS NULL
   AND x.numeric_precision IS NULL AND x.collation_name IS NULL;

-- built-in functions: internal language, several OUT parameters, VARIADIC
SELECT r.routine_name, r.data_type, r.routine_body, r.external_name, r.external_language,
       r.is_deterministic, r.is_null_call
  FROM information_schema.routines r
 WHERE r.routine_schema = 'pg_catalog'
   AND r.routine_name IN ('pg_get_keywords', 'generate_subscripts', 'concat_ws')
 ORDER BY r.routine_name, r.specific_name;
SELECT r.routine_name, p.ordinal_position, p.parameter_name, p.parameter_mode, p.data_type,
       p.udt_name
  FROM information_schema.parameters p
       JOIN information_schema.routines r USING (specific_schema, specific_name)
 WHERE r.routine_schema = 'pg_catalog' AND r.routine_name IN ('pg_get_keywords', 'concat_ws')
 ORDER BY r.routine_name, p.ordinal_position;

-- the new views' columns, as PostgreSQL 15 has them
SELECT table_name, ordinal_position, column_name, data_type, domain_name
  FROM information_schema.columns
 WHERE table_schema = 'information_schema'
   AND table_name IN ('routines', 'parameters', 'element_types', 'domains', 'attributes',
                      'data_type_privileges')
 ORDER BY table_name, ordinal_position;

-- domains and composite types
SELECT * FROM information_schema.domains WHERE domain_schema = 'isch2' ORDER BY domain_name;
SELECT * FROM information_schema.attributes WHERE udt_schema = 'isch2'
 ORDER BY udt_name, ordinal_position;

-- element types, joined to their owners as JDBC drivers and GUI tools do
SELECT c.table_name, c.column_name, c.data_type, c.dtd_identifier, e.data_type AS element_type,
       e.udt_schema, e.udt_name, e.collation_name, e.dtd_identifier AS element_dtd
  FROM information_schema.columns c
       LEFT JOIN information_schema.element_types e
              ON ((c.table_catalog, c.table_schema, c.table_name, 'TABLE', c.dtd_identifier)
                  = (e.object_catalog, e.object_schema, e.object_name, e.object_type,
                     e.collection_type_identifier))
 WHERE c.table_schema = 'isch2'
 ORDER BY c.table_name, c.ordinal_position;
SELECT p.proname, x.ordinal_position, x.parameter_mode, e.data_type AS element_type, e.udt_name
  FROM information_schema.parameters x
       JOIN pg_proc p ON x.specific_name = p.proname || '_' || p.oid
       LEFT JOIN information_schema.element_types e
              ON ((x.specific_catalog, x.specific_schema, x.specific_name, 'ROUTINE',
                   x.dtd_identifier)
                  = (e.object_catalog, e.object_schema, e.object_name, e.object_type,
                     e.collection_type_identifier))
 WHERE x.specific_schema = 'isch2' ORDER BY p.proname, x.ordinal_position;
SELECT r.routine_name, r.data_type, e.data_type AS element_type, e.udt_name
  FROM information_schema.routines r
       LEFT JOIN information_schema.element_types e
              ON ((r.specific_catalog, r.specific_schema, r.specific_name, 'ROUTINE',
                   r.dtd_identifier)
                  = (e.object_catalog, e.object_schema, e.object_name, e.object_type,
                     e.collection_type_identifier))
 WHERE r.routine_schema = 'isch2' ORDER BY r.routine_name;
SELECT object_schema, object_name, object_type, collection_type_identifier, data_type,
       collation_name, udt_name, dtd_identifier
  FROM information_schema.element_types
 WHERE object_schema = 'isch2' AND object_type <> 'ROUTINE'
 ORDER BY object_name, object_type, collection_type_identifier;
SELECT object_schema, object_name, object_type, dtd_identifier
  FROM information_schema.data_type_privileges
 WHERE object_schema = 'isch2' AND object_type <> 'ROUTINE'
 ORDER BY object_name, object_type, dtd_identifier::integer;
SELECT count(*) FROM information_schema.data_type_privileges
 WHERE object_schema = 'isch2' AND object_type = 'ROUTINE';

-- routines' specific names: name _ OID, the name cut to fit 63 bytes
SELECT nameconcatoid('f', 16384), nameconcatoid(repeat('x', 70)::name, 4294967295),
       length(nameconcatoid(repeat('é', 40)::name, 4294967295)) AS chars,
       octet_length(nameconcatoid(repeat('é', 40)::name, 4294967295)::text) AS bytes;

-- domain constraints and the columns of domain types
SELECT constraint_schema, constraint_name, domain_schema, domain_name, is_deferrable,
       initially_deferred
  FROM information_schema.domain_constraints
 WHERE domain_schema = 'isch2' ORDER BY domain_name, constraint_name;
SELECT * FROM information_schema.column_domain_usage WHERE domain_schema = 'isch2'
 ORDER BY table_name, column_name;
SELECT * FROM information_schema.user_defined_types WHERE user_defined_type_schema = 'isch2';

-- what views read
CREATE FUNCTION isch2.twice(integer) RETURNS integer LANGUAGE sql AS 'select $1 * 2';
CREATE VIEW isch2.v2 AS
    SELECT k.id, isch2.twice(r.k) AS t, v.c13
      FROM isch2.kinds k JOIN isch2.refs r ON r.k = k.id JOIN isch2.kinds_v v ON v.id = k.id;
SELECT * FROM information_schema.view_table_usage WHERE view_schema = 'isch2'
 ORDER BY view_name, table_name;
SELECT * FROM information_schema.view_column_usage WHERE view_schema = 'isch2'
 ORDER BY view_name, table_name, column_name;
SELECT table_schema, table_name, specific_schema, specific_name LIKE 'twice\_%' AS named
  FROM information_schema.view_routine_usage WHERE table_schema = 'isch2';
-- a view over a join depends on the columns it uses (and a USING column's
-- both sides), not on every column of the joined tables
CREATE TABLE isch2.j1 (a int, b int, unused1 int);
CREATE TABLE isch2.j2 (a int, c int, unused2 int);
CREATE VIEW isch2.jv AS SELECT a, j1.b FROM isch2.j1 JOIN isch2.j2 USING (a);
SELECT table_name, column_name FROM information_schema.view_column_usage
 WHERE view_schema = 'isch2' AND view_name = 'jv' ORDER BY table_name, column_name;
ALTER TABLE isch2.j1 DROP COLUMN unused1;
ALTER TABLE isch2.j2 DROP COLUMN unused2;
ALTER TABLE isch2.j2 DROP COLUMN c;
ALTER TABLE isch2.j2 DROP COLUMN a;
SELECT * FROM isch2.jv;
DROP VIEW isch2.jv;
DROP TABLE isch2.j1, isch2.j2;

-- privileges: the owner's implicit ones
SELECT grantor, grantee, table_schema, table_name, privilege_type, is_grantable,
       with_hierarchy
  FROM information_schema.table_privileges WHERE table_schema = 'isch2'
 ORDER BY table_name, privilege_type;
SELECT grantor, grantee, table_name, privilege_type, is_grantable
  FROM information_schema.role_table_grants WHERE table_schema = 'isch2' AND table_name = 'refs'
 ORDER BY privilege_type;
SELECT grantor, grantee, table_name, column_name, privilege_type, is_grantable
  FROM information_schema.column_privileges WHERE table_schema = 'isch2' AND table_name = 'refs'
 ORDER BY column_name, privilege_type;

-- roles, the catalog, character sets, collations, triggers
CREATE ROLE regress_isch2_a;
CREATE ROLE regress_isch2_b;
GRANT regress_isch2_a TO regress_isch2_b WITH ADMIN OPTION;
SELECT * FROM information_schema.applicable_roles WHERE grantee LIKE 'regress_isch2%'
 ORDER BY grantee, role_name;
SELECT * FROM information_schema.administrable_role_authorizations
 WHERE grantee LIKE 'regress_isch2%';
SELECT role_name FROM information_schema.enabled_roles WHERE role_name = current_user;
SET ROLE regress_isch2_b;
SELECT role_name FROM information_schema.enabled_roles ORDER BY role_name;
SELECT grantee, role_name FROM information_schema.applicable_roles ORDER BY role_name;
RESET ROLE;
DROP ROLE regress_isch2_b;
DROP ROLE regress_isch2_a;
SELECT catalog_name = current_database() AS is_current FROM information_schema.information_schema_catalog_name;
SELECT character_set_catalog, character_set_schema, character_set_name, character_repertoire,
       form_of_use, default_collate_catalog = current_database() AS current
  FROM information_schema.character_sets;
SELECT * FROM information_schema.collations WHERE collation_name IN ('C', 'POSIX', 'default')
 ORDER BY collation_name;
SELECT * FROM information_schema.collation_character_set_applicability
 WHERE collation_name IN ('C', 'POSIX') ORDER BY collation_name;
SELECT * FROM information_schema.triggers WHERE trigger_schema = 'isch2';

-- type and table usage, routine and type privileges
SELECT * FROM information_schema.column_udt_usage WHERE table_schema = 'isch2'
 ORDER BY table_name, column_name;
SELECT * FROM information_schema.domain_udt_usage WHERE domain_schema = 'isch2'
 ORDER BY domain_name;
SELECT * FROM information_schema.constraint_table_usage WHERE constraint_schema = 'isch2'
 ORDER BY table_name, constraint_name;
SELECT grantor, grantee, table_name, column_name, privilege_type, is_grantable
  FROM information_schema.role_column_grants WHERE table_schema = 'isch2' AND table_name = 'refs'
 ORDER BY column_name, privilege_type;
SELECT grantor, grantee, specific_name LIKE 'f\_in\_%' AS named, routine_schema, routine_name,
       privilege_type, is_grantable
  FROM information_schema.routine_privileges WHERE routine_schema = 'isch2'
 ORDER BY routine_name, grantee;
SELECT grantor, grantee, routine_name, privilege_type, is_grantable
  FROM information_schema.role_routine_grants WHERE routine_schema = 'isch2'
 ORDER BY routine_name, grantee;
SELECT * FROM information_schema.udt_privileges WHERE udt_schema = 'isch2'
 ORDER BY grantee, udt_name;
SELECT * FROM information_schema.role_udt_grants WHERE udt_schema = 'isch2'
 ORDER BY grantee, udt_name;

-- what constraints and routines use; usage privileges
CREATE FUNCTION isch2.is_even(bigint) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'select $1 % 2 = 0';
CREATE TABLE isch2.evens (n bigint CONSTRAINT evens_even CHECK (isch2.is_even(n)));
SELECT constraint_schema, constraint_name, specific_schema, specific_name LIKE 'is\_even\_%' AS named
  FROM information_schema.check_constraint_routine_usage WHERE constraint_schema = 'isch2';
SELECT * FROM information_schema.column_column_usage WHERE table_schema = 'isch2';
SELECT count(*) FROM information_schema.routine_column_usage WHERE specific_schema = 'isch2';
SELECT count(*) FROM information_schema.routine_routine_usage WHERE specific_schema = 'isch2';
SELECT count(*) FROM information_schema.routine_sequence_usage WHERE specific_schema = 'isch2';
SELECT count(*) FROM information_schema.routine_table_usage WHERE specific_schema = 'isch2';
SELECT * FROM information_schema.triggered_update_columns WHERE trigger_schema = 'isch2';
SELECT * FROM information_schema.usage_privileges
 WHERE object_schema = 'isch2' OR (object_type = 'COLLATION' AND object_name IN ('C', 'POSIX'))
 ORDER BY object_type, object_name, grantee;
SELECT * FROM information_schema.role_usage_grants
 WHERE object_schema = 'isch2' ORDER BY object_type, object_name, grantee;

-- SQL/MED and transforms: none made here
SELECT count(*) FROM information_schema.foreign_data_wrappers WHERE foreign_data_wrapper_name LIKE 'isch2%';
SELECT count(*) FROM information_schema.foreign_servers WHERE foreign_server_name LIKE 'isch2%';
SELECT count(*) FROM information_schema.foreign_tables WHERE foreign_table_schema = 'isch2';
SELECT count(*) FROM information_schema.column_options WHERE table_schema = 'isch2';
SELECT count(*) FROM information_schema.user_mappings WHERE foreign_server_name LIKE 'isch2%';
SELECT count(*) FROM information_schema.transforms WHERE udt_schema = 'isch2';

-- these views' columns, as PostgreSQL 15 has them
SELECT table_name, ordinal_position, column_name, data_type, domain_name
  FROM information_schema.columns
 WHERE table_schema = 'information_schema'
   AND table_name IN ('domain_constraints', 'column_domain_usage', 'user_defined_types',
                      'view_table_usage', 'view_column_usage', 'view_routine_usage',
                      'table_privileges', 'role_table_grants', 'column_privileges',
                      'applicable_roles', 'administrable_role_authorizations', 'enabled_roles',
                      'information_schema_catalog_name', 'character_sets', 'collations',
                      'collation_character_set_applicability', 'triggers',
                      'column_udt_usage', 'domain_udt_usage', 'constraint_table_usage',
                      'role_column_grants', 'routine_privileges', 'role_routine_grants',
                      'udt_privileges', 'role_udt_grants', 'check_constraint_routine_usage',
                      'column_column_usage', 'routine_column_usage', 'routine_routine_usage',
                      'routine_sequence_usage', 'routine_table_usage',
                      'triggered_update_columns', 'usage_privileges', 'role_usage_grants',
                      'transforms', 'column_options', 'foreign_data_wrapper_options',
                      'foreign_data_wrappers', 'foreign_server_options', 'foreign_servers',
                      'foreign_table_options', 'foreign_tables', 'user_mapping_options',
                      'user_mappings', '_pg_foreign_table_columns', '_pg_foreign_data_wrappers',
                      '_pg_foreign_servers', '_pg_foreign_tables', '_pg_user_mappings')
 ORDER BY table_name, ordinal_position;

-- who sees what: a role sees the objects of the roles it is a member of,
-- and those it holds a privilege on (functions and types: PUBLIC may use
-- them by default)
CREATE ROLE regress_isch2_user;
CREATE ROLE regress_isch2_group;
GRANT regress_isch2_group TO regress_isch2_user;
CREATE SCHEMA isch2_own AUTHORIZATION regress_isch2_user;
CREATE TABLE isch2.given (a int NOT NULL PRIMARY KEY, b int CHECK (b > 0));
ALTER TABLE isch2.given OWNER TO regress_isch2_group;
CREATE SEQUENCE isch2.seq_given;
ALTER SEQUENCE isch2.seq_given OWNER TO regress_isch2_group;
SET ROLE regress_isch2_user;
CREATE TABLE isch2_own.mine (x int PRIMARY KEY, y int REFERENCES isch2_own.mine, z text NOT NULL);
CREATE VIEW isch2_own.mine_v AS SELECT x FROM isch2_own.mine;
CREATE SEQUENCE isch2_own.mine_seq;
SELECT schema_name, schema_owner FROM information_schema.schemata
 WHERE schema_name LIKE 'isch2%' ORDER BY schema_name;
SELECT table_schema, table_name, table_type FROM information_schema.tables
 WHERE table_schema LIKE 'isch2%' ORDER BY table_schema, table_name;
SELECT table_schema, table_name, view_definition FROM information_schema.views
 WHERE table_schema LIKE 'isch2%' ORDER BY table_schema, table_name;
SELECT table_schema, table_name, column_name FROM information_schema.columns
 WHERE table_schema LIKE 'isch2%' ORDER BY table_schema, table_name, ordinal_position;
SELECT table_schema, table_name, constraint_type, constraint_name LIKE '%not_null' AS not_null
  FROM information_schema.table_constraints
 WHERE table_schema LIKE 'isch2%' ORDER BY table_schema, table_name, constraint_type, constraint_name;
SELECT constraint_schema, check_clause FROM information_schema.check_constraints
 WHERE constraint_schema LIKE 'isch2%' ORDER BY constraint_schema, check_clause;
SELECT table_schema, table_name, column_name, constraint_name FROM information_schema.key_column_usage
 WHERE table_schema LIKE 'isch2%' ORDER BY table_schema, table_name, constraint_name, column_name;
SELECT table_schema, table_name, column_name, constraint_name
  FROM information_schema.constraint_column_usage
 WHERE table_schema LIKE 'isch2%' ORDER BY table_schema, table_name, constraint_name, column_name;
SELECT constraint_schema, constraint_name FROM information_schema.referential_constraints
 WHERE constraint_schema LIKE 'isch2%' ORDER BY constraint_schema, constraint_name;
SELECT sequence_schema, sequence_name FROM information_schema.sequences
 WHERE sequence_schema LIKE 'isch2%' ORDER BY sequence_schema, sequence_name;
-- functions and types: everyone may use them, so they show (but not a
-- routine's or parameter default's text, which is the owner's)
CREATE FUNCTION isch2_own.mine_f(a int DEFAULT 3) RETURNS int[] LANGUAGE sql AS 'select array[a]';
SELECT routine_schema, routine_name, routine_definition FROM information_schema.routines
 WHERE routine_schema LIKE 'isch2%' ORDER BY routine_schema, routine_name;
SELECT specific_schema, parameter_name, parameter_default FROM information_schema.parameters
 WHERE specific_schema LIKE 'isch2%' ORDER BY specific_schema, specific_name, ordinal_position;
SELECT domain_schema, domain_name FROM information_schema.domains
 WHERE domain_schema LIKE 'isch2%' ORDER BY domain_schema, domain_name;
SELECT udt_schema, udt_name, attribute_name FROM information_schema.attributes
 WHERE udt_schema LIKE 'isch2%' ORDER BY udt_schema, udt_name, ordinal_position;
SELECT object_schema, object_type, collection_type_identifier, data_type
  FROM information_schema.element_types
 WHERE object_schema LIKE 'isch2%'
 ORDER BY object_schema, object_name, object_type, collection_type_identifier;
-- the information schema's own views: everyone may read them
SELECT table_name, table_type FROM information_schema.tables
 WHERE table_schema = 'information_schema' AND table_name IN ('tables', 'routines', 'element_types')
 ORDER BY table_name;
SELECT has_table_privilege('information_schema.columns', 'SELECT') AS can_read,
       has_table_privilege('information_schema.columns', 'INSERT') AS can_insert;
RESET ROLE;
SELECT relname, relacl FROM pg_class
 WHERE relnamespace = 'information_schema'::regnamespace
   AND relname IN ('tables', 'columns', 'transforms', '_pg_foreign_servers')
 ORDER BY relname;

DROP SCHEMA isch2_own CASCADE;
DROP SCHEMA isch2 CASCADE;
DROP ROLE regress_isch2_user;
DROP ROLE regress_isch2_group;
