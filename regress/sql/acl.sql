--
-- acl: the aclitem type (text form, errors, equality, hashing, arrays),
-- acldefault, aclexplode, aclcontains, makeaclitem, and the
-- has_*_privilege functions in every form, as a superuser and as
-- ordinary roles (owner or not, PUBLIC's defaults).  Every role is named
-- regress_acl_* and dropped at the end.
--
CREATE ROLE regress_acl_owner;
CREATE ROLE regress_acl_other;
CREATE ROLE regress_acl_member IN ROLE regress_acl_owner;
CREATE ROLE regress_acl_noinherit NOINHERIT IN ROLE regress_acl_owner;
CREATE ROLE "regress acl Quoted""x";

-- aclitem input and output
SELECT 'regress_acl_owner=arwdDxt/regress'::aclitem;
SELECT '=r/regress'::aclitem;
SELECT 'regress_acl_owner=r*w*a/regress_acl_other'::aclitem;
SELECT ' regress_acl_owner = X / regress '::aclitem;
SELECT 'regress_acl_owner=arwdDxtXUCTcsA/regress'::aclitem;
SELECT 'regress_acl_owner=a*r*w*d*D*x*t*X*U*C*T*c*s*A*/regress'::aclitem;
SELECT '"regress acl Quoted""x"=U/regress'::aclitem;
SELECT 'regress_acl_owner=U/"regress acl Quoted""x"'::aclitem;
SELECT '"regress_acl_owner"=U/regress'::aclitem;
SELECT 'group regress_acl_owner=U/regress'::aclitem;
SELECT 'user regress_acl_owner=U/regress'::aclitem;
SELECT 'regress_acl_owner=/regress'::aclitem;
SELECT 'regress_acl_owner=rR/regress'::aclitem;
SELECT 'regress_acl_owner=r**/regress'::aclitem;
SELECT 'regress_acl_owner=r'::aclitem;
SELECT '=r'::aclitem;
-- errors
SELECT 'regress_acl_owner=q/regress'::aclitem;
SELECT 'regress_acl_owner=r/regress junk'::aclitem;
SELECT 'regress_acl_owner r/regress'::aclitem;
SELECT 'group =r/regress'::aclitem;
SELECT 'group'::aclitem;
SELECT 'regress_acl_owner=r/'::aclitem;
SELECT 'regress_acl_nosuch=r/regress'::aclitem;
SELECT 'regress_acl_owner=r/regress_acl_nosuch'::aclitem;
SELECT repeat('x', 70) || '=r/regress'::aclitem;
SELECT (repeat('x', 70) || '=r/regress')::aclitem;
SELECT '"regress_acl_owner=r/regress'::aclitem;
SELECT ''::aclitem;

-- equality, hashing, containment
SELECT 'regress_acl_owner=r/regress'::aclitem = 'regress_acl_owner=r/regress'::aclitem AS same,
       'regress_acl_owner=r/regress'::aclitem = 'regress_acl_owner=r*/regress'::aclitem AS goption,
       'regress_acl_owner=r/regress'::aclitem = 'regress_acl_other=r/regress'::aclitem AS grantee,
       'regress_acl_owner=r/regress'::aclitem = 'regress_acl_owner=r/regress_acl_other'::aclitem AS grantor;
SELECT hash_aclitem('=r/regress'), hash_aclitem('=arwdDxt/regress'),
       hash_aclitem_extended('=r/regress', 0), hash_aclitem_extended('=r/regress', 1);
SELECT '{=r/regress,regress_acl_owner=arw/regress}'::aclitem[] @> '=r/regress'::aclitem AS a,
       '{=r/regress,regress_acl_owner=arw/regress}'::aclitem[] @> 'regress_acl_owner=ar/regress'::aclitem AS b,
       '{=r/regress,regress_acl_owner=arw/regress}'::aclitem[] @> 'regress_acl_owner=ar*/regress'::aclitem AS c,
       '{=r/regress,regress_acl_owner=arw/regress}'::aclitem[] @> 'regress_acl_owner=d/regress'::aclitem AS d,
       '{=r/regress,regress_acl_owner=arw/regress}'::aclitem[] @> 'regress_acl_owner=r/regress_acl_other'::aclitem AS e;
SELECT aclcontains('{}', '=r/regress');
SELECT aclcontains(acldefault('c', 10), '=r/regress');
SELECT '{=r/regress}'::aclitem[] + '=w/regress'::aclitem;
SELECT aclremove('{=r/regress}', '=r/regress');
SELECT aclcontains('{{=r/regress}}', '=r/regress');
SELECT aclcontains('{=r/regress,NULL}', '=r/regress');

-- arrays
SELECT '{}'::aclitem[] AS empty, '{=r/regress}'::aclitem[] AS one,
       '{=r/regress,regress_acl_owner=arwdDxt/regress}'::aclitem[] AS two;
SELECT ARRAY['"regress acl Quoted""x"=U*/regress'::aclitem, '=r/regress'];
SELECT '{"\"regress acl Quoted\"\"x\"=U*/regress"}'::aclitem[];
SELECT '{=r/regress,regress_acl_owner=w/regress}'::aclitem[] = '{=r/regress,regress_acl_owner=w/regress}'::aclitem[] AS eq,
       '{=r/regress,regress_acl_owner=w/regress}'::aclitem[] = '{regress_acl_owner=w/regress,=r/regress}'::aclitem[] AS ordered;
SELECT array_length('{=r/regress,=w/regress}'::aclitem[], 1), ('{=r/regress,=w/regress}'::aclitem[])[2];
SELECT unnest('{=r/regress,regress_acl_owner=w*/regress}'::aclitem[]);
SELECT pg_typeof('{}'::aclitem[]), pg_typeof(acldefault('r', 10));

-- acldefault for every kind of object
SELECT k, acldefault(k, 10) FROM unnest(ARRAY['c','r','s','d','f','l','L','n','p','t','F','S','T']::"char"[]) AS k;
SELECT acldefault('r', 'regress_acl_owner'::regrole), acldefault('d', 'regress_acl_owner'::regrole);
SELECT acldefault('x', 10);
SELECT acldefault('r', NULL) IS NULL;

-- aclexplode
SELECT grantor::regrole, grantee, privilege_type, is_grantable
  FROM aclexplode(acldefault('d', 10));
SELECT grantor::regrole, grantee::regrole, privilege_type, is_grantable
  FROM aclexplode('{regress_acl_owner=arwdDxtXUCTcsA/regress}');
SELECT grantor::regrole, grantee::regrole, privilege_type, is_grantable
  FROM aclexplode('{regress_acl_owner=r*w/regress_acl_other,regress_acl_other=U*C/regress}');
SELECT count(*) FROM aclexplode(acldefault('c', 10));
SELECT * FROM aclexplode('{}');
SELECT * FROM aclexplode('{{=r/regress}}');
SELECT * FROM aclexplode('{=r/regress,NULL}');
SELECT (aclexplode(acldefault('f', 10))).privilege_type;

-- makeaclitem
SELECT makeaclitem('regress_acl_owner'::regrole, 10, 'SELECT', false);
SELECT makeaclitem('regress_acl_owner'::regrole, 10, 'select', true);
SELECT makeaclitem(0, 10, 'Temporary', true), makeaclitem(0, 10, 'TEMP', false),
       makeaclitem(0, 10, 'alter system', true), makeaclitem(0, 10, 'rule', true);
SELECT makeaclitem(0, 10, 'SELECT, INSERT', false);
SELECT makeaclitem(0, 10, 'foo', false);
SELECT makeaclitem(0, 10, ' select', false);
SELECT makeaclitem(0, 10, 'SELECT', false) = '=r/regress' AS eq;

-- catalog ACL columns are aclitem[] (NULL: nothing is granted yet)
SELECT pg_typeof(relacl) FROM pg_class WHERE relname = 'pg_class';
SELECT pg_typeof(nspacl) FROM pg_namespace WHERE nspname = 'pg_catalog';
SELECT attname, atttypid::regtype FROM pg_attribute
  WHERE attname IN ('relacl', 'nspacl', 'proacl', 'typacl', 'datacl', 'lanacl', 'attacl', 'spcacl')
    AND attrelid < 16384 AND attrelid::regclass::text LIKE 'pg\_%'
  ORDER BY 1, attrelid::regclass::text COLLATE "C";

-- objects owned by a role: a schema it owns, and inside it what it creates
CREATE SCHEMA regress_acl_s AUTHORIZATION regress_acl_owner;
SET ROLE regress_acl_owner;
CREATE TABLE regress_acl_s.t (a int, b text, c int);
ALTER TABLE regress_acl_s.t DROP COLUMN c;
CREATE SEQUENCE regress_acl_s.seq;
CREATE VIEW regress_acl_s.v AS SELECT a FROM regress_acl_s.t;
CREATE FUNCTION regress_acl_s.f(int) RETURNS int LANGUAGE sql AS 'SELECT $1';
CREATE TYPE regress_acl_s.e AS ENUM ('x', 'y');
RESET ROLE;
CREATE TABLE regress_acl_super_t (a int);
SELECT relacl FROM pg_class WHERE relname = 'regress_acl_super_t';

-- has_table_privilege, all forms
SELECT has_table_privilege('regress_acl_owner', 'regress_acl_s.t', 'SELECT') AS owner_sel,
       has_table_privilege('regress_acl_owner', 'regress_acl_s.t', 'insert, update, delete, truncate, references, trigger') AS owner_all,
       has_table_privilege('regress_acl_owner', 'regress_acl_s.t', 'SELECT WITH GRANT OPTION') AS owner_grant,
       has_table_privilege('regress_acl_member', 'regress_acl_s.t', 'SELECT') AS member,
       has_table_privilege('regress_acl_member', 'regress_acl_s.t', 'select with grant option') AS member_grant,
       has_table_privilege('regress_acl_noinherit', 'regress_acl_s.t', 'SELECT') AS noinherit,
       has_table_privilege('regress_acl_other', 'regress_acl_s.t', 'SELECT') AS other,
       has_table_privilege('public', 'regress_acl_s.t', 'SELECT') AS public,
       has_table_privilege('regress', 'regress_acl_s.t', 'SELECT') AS super;
SELECT has_table_privilege('regress_acl_owner', 'regress_acl_s.t'::regclass, 'SELECT') AS name_id,
       has_table_privilege('regress_acl_owner'::regrole, 'regress_acl_s.t', 'SELECT') AS id_name,
       has_table_privilege('regress_acl_other'::regrole, 'regress_acl_s.t'::regclass, 'SELECT') AS id_id,
       has_table_privilege('regress_acl_s.t', 'SELECT') AS cur_name,
       has_table_privilege('regress_acl_s.t'::regclass, 'SELECT') AS cur_id;
SELECT has_table_privilege('regress_acl_owner', 'regress_acl_s.t', 'RULE') AS rule,
       has_table_privilege('regress', 'regress_acl_s.t', 'rule with grant option') AS rule_super,
       has_table_privilege('regress_acl_owner', 'regress_acl_s.seq', 'SELECT') AS seq,
       has_table_privilege('regress_acl_owner', 'regress_acl_s.v', 'SELECT') AS view,
       has_table_privilege('regress_acl_owner', 'pg_class', 'UPDATE') AS catalog_upd,
       has_table_privilege('regress', 'pg_class', 'UPDATE') AS catalog_super,
       has_table_privilege('regress_acl_owner', 'regress_acl_super_t', 'SELECT') AS super_t;
SELECT has_table_privilege('regress_acl_other', 0::oid, 'SELECT') AS missing_oid,
       has_table_privilege(0::oid, 'SELECT') AS missing_oid_cur,
       has_table_privilege(999999::oid, 'regress_acl_s.t', 'SELECT') AS missing_user_oid;
-- errors
SELECT has_table_privilege('regress_acl_owner', 'regress_acl_s.nosuch', 'SELECT');
SELECT has_table_privilege('regress_acl_owner', 'nosuch_schema.t', 'SELECT');
SELECT has_table_privilege('regress_acl_nosuch', 'regress_acl_s.t', 'SELECT');
SELECT has_table_privilege('regress_acl_s.t', 'SELEC');
SELECT has_table_privilege('regress_acl_s.t', 'SELECT,');
SELECT has_table_privilege('regress_acl_s.t', 'SELECT  WITH GRANT OPTION');
SELECT has_table_privilege('regress_acl_s.t', 'USAGE');
SELECT has_table_privilege('regress_acl_s.t'::regclass, 'bogus');
SELECT has_table_privilege('regress_acl_nosuch', 0::oid, 'bogus');
SELECT has_table_privilege('a.b.c.d', 'SELECT');
SELECT has_table_privilege('"unterminated', 'SELECT');
SELECT has_table_privilege('regress_acl_s.nosuch', 'bogus');

-- as the roles themselves (by OID: looking names up in regress_acl_s needs USAGE on it)
SELECT 'regress_acl_s.t'::regclass::oid AS t_oid, 'regress_acl_s.f(int)'::regprocedure::oid AS f_oid
\gset
SET ROLE regress_acl_other;
SELECT current_user, has_table_privilege(:t_oid, 'SELECT') AS t,
       has_schema_privilege('regress_acl_s', 'USAGE') AS schema,
       has_function_privilege(:f_oid, 'EXECUTE') AS func,
       has_database_privilege(current_database(), 'CONNECT, TEMP') AS db,
       has_database_privilege(current_database(), 'CREATE') AS db_create;
SET ROLE regress_acl_member;
SELECT current_user, has_table_privilege('regress_acl_s.t', 'SELECT') AS t,
       has_table_privilege('regress_acl_s.t', 'SELECT WITH GRANT OPTION') AS t_grant,
       has_schema_privilege('regress_acl_s', 'CREATE') AS schema;
RESET ROLE;
SELECT current_user, has_table_privilege('regress_acl_s.t', 'SELECT') AS t;

-- has_sequence_privilege
SELECT has_sequence_privilege('regress_acl_owner', 'regress_acl_s.seq', 'USAGE') AS owner,
       has_sequence_privilege('regress_acl_other', 'regress_acl_s.seq', 'SELECT') AS other,
       has_sequence_privilege('regress_acl_owner', 'regress_acl_s.seq'::regclass, 'UPDATE WITH GRANT OPTION') AS name_id,
       has_sequence_privilege('regress_acl_member'::regrole, 'regress_acl_s.seq', 'usage') AS id_name,
       has_sequence_privilege('regress_acl_other'::regrole, 'regress_acl_s.seq'::regclass, 'usage') AS id_id,
       has_sequence_privilege('regress_acl_s.seq', 'USAGE') AS cur_name,
       has_sequence_privilege('regress_acl_s.seq'::regclass, 'USAGE') AS cur_id,
       has_sequence_privilege(0::oid, 'USAGE') AS missing;
SELECT has_sequence_privilege('regress_acl_s.t', 'USAGE');
SELECT has_sequence_privilege('regress_acl_s.t'::regclass, 'USAGE');
SELECT has_sequence_privilege('regress_acl_s.seq', 'DELETE');
SELECT has_sequence_privilege('regress_acl_s.nosuch', 'DELETE');

-- has_any_column_privilege and has_column_privilege
SELECT has_any_column_privilege('regress_acl_owner', 'regress_acl_s.t', 'SELECT') AS owner,
       has_any_column_privilege('regress_acl_other', 'regress_acl_s.t', 'SELECT') AS other,
       has_any_column_privilege('regress_acl_owner', 'regress_acl_s.t'::regclass, 'INSERT') AS name_id,
       has_any_column_privilege('regress_acl_other'::regrole, 'regress_acl_s.t', 'UPDATE') AS id_name,
       has_any_column_privilege('regress_acl_member'::regrole, 'regress_acl_s.t'::regclass, 'REFERENCES') AS id_id,
       has_any_column_privilege('regress_acl_s.t', 'SELECT') AS cur_name,
       has_any_column_privilege('regress_acl_s.t'::regclass, 'SELECT') AS cur_id,
       has_any_column_privilege(0::oid, 'SELECT') AS missing;
SELECT has_any_column_privilege('regress_acl_s.t', 'DELETE');
SELECT has_column_privilege('regress_acl_owner', 'regress_acl_s.t', 'a', 'SELECT') AS nnn,
       has_column_privilege('regress_acl_other', 'regress_acl_s.t', 2::int2, 'SELECT') AS nna,
       has_column_privilege('regress_acl_owner', 'regress_acl_s.t'::regclass, 'b', 'UPDATE') AS nin,
       has_column_privilege('regress_acl_member', 'regress_acl_s.t'::regclass, 1::int2, 'insert') AS nia,
       has_column_privilege('regress_acl_other'::regrole, 'regress_acl_s.t', 'a', 'REFERENCES') AS inn,
       has_column_privilege('regress_acl_owner'::regrole, 'regress_acl_s.t', 1::int2, 'REFERENCES') AS ina,
       has_column_privilege('regress_acl_owner'::regrole, 'regress_acl_s.t'::regclass, 'a', 'SELECT') AS iin,
       has_column_privilege('regress_acl_other'::regrole, 'regress_acl_s.t'::regclass, 1::int2, 'SELECT') AS iia,
       has_column_privilege('regress_acl_s.t', 'a', 'SELECT') AS nn,
       has_column_privilege('regress_acl_s.t', 1::int2, 'SELECT') AS na,
       has_column_privilege('regress_acl_s.t'::regclass, 'b', 'SELECT') AS i_n,
       has_column_privilege('regress_acl_s.t'::regclass, 2::int2, 'SELECT') AS ia;
SELECT has_column_privilege('regress_acl_s.t', 'ctid', 'SELECT') AS sys,
       has_column_privilege('regress_acl_s.t', -1::int2, 'SELECT') AS sys_num,
       has_column_privilege('regress_acl_s.t', 3::int2, 'SELECT') AS dropped,
       has_column_privilege('regress_acl_s.t', 9::int2, 'SELECT') AS no_attnum,
       has_column_privilege(0::oid, 'a', 'SELECT') AS no_table,
       has_column_privilege(0::oid, 1::int2, 'SELECT') AS no_table_attnum;
SELECT has_column_privilege('regress_acl_s.t', 'nosuch', 'SELECT');
SELECT has_column_privilege('regress_acl_s.t', 'a', 'DELETE');
SELECT has_column_privilege('regress_acl_s.nosuch', 'a', 'SELECT');

-- has_database_privilege
SELECT has_database_privilege('regress_acl_other', current_database(), 'CONNECT') AS connect,
       has_database_privilege('regress_acl_other', current_database(), 'TEMPORARY') AS temporary,
       has_database_privilege('regress_acl_other', current_database(), 'create') AS "create",
       has_database_privilege('public', current_database(), 'temp') AS public_temp,
       has_database_privilege('regress_acl_other', (SELECT oid FROM pg_database WHERE datname = current_database()), 'CONNECT WITH GRANT OPTION') AS name_id,
       has_database_privilege('regress_acl_other'::regrole, current_database(), 'CONNECT') AS id_name,
       has_database_privilege('regress_acl_other'::regrole, (SELECT oid FROM pg_database WHERE datname = current_database()), 'CONNECT') AS id_id,
       has_database_privilege(current_database(), 'CREATE') AS cur_name,
       has_database_privilege((SELECT oid FROM pg_database WHERE datname = current_database()), 'CREATE') AS cur_id,
       has_database_privilege(0::oid, 'CREATE') AS missing;
SELECT has_database_privilege('regress_acl_nosuch_db', 'CONNECT');
SELECT has_database_privilege(current_database(), 'USAGE');

-- has_function_privilege
SELECT has_function_privilege('regress_acl_other', 'regress_acl_s.f(int)', 'EXECUTE') AS other,
       has_function_privilege('regress_acl_other', 'regress_acl_s.f(integer)', 'EXECUTE WITH GRANT OPTION') AS other_grant,
       has_function_privilege('regress_acl_member', 'regress_acl_s.f(int4)', 'execute with grant option') AS member_grant,
       has_function_privilege('regress_acl_other', 'regress_acl_s.f(int)'::regprocedure, 'EXECUTE') AS name_id,
       has_function_privilege('regress_acl_other'::regrole, 'lower(text)', 'EXECUTE') AS id_name,
       has_function_privilege('regress_acl_other'::regrole, 'lower(text)'::regprocedure, 'EXECUTE') AS id_id,
       has_function_privilege('regress_acl_s.f(int)', 'EXECUTE') AS cur_name,
       has_function_privilege('regress_acl_s.f(int)'::regprocedure, 'EXECUTE') AS cur_id,
       has_function_privilege(0::oid, 'EXECUTE') AS missing;
SELECT has_function_privilege('regress_acl_s.f(text)', 'EXECUTE');
SELECT has_function_privilege('regress_acl_s.f', 'EXECUTE');
SELECT has_function_privilege('lower(text)', 'USAGE');

-- has_language_privilege
SELECT lanname, has_language_privilege('regress_acl_other', lanname, 'USAGE') AS other,
       has_language_privilege('regress_acl_other', oid, 'USAGE WITH GRANT OPTION') AS other_grant,
       has_language_privilege('regress_acl_other'::regrole, lanname, 'usage') AS id_name,
       has_language_privilege('regress_acl_other'::regrole, oid, 'usage') AS id_id,
       has_language_privilege(lanname, 'USAGE') AS cur_name,
       has_language_privilege(oid, 'USAGE') AS cur_id
  FROM pg_language WHERE lanname IN ('internal', 'c', 'sql') ORDER BY lanname;
SELECT has_language_privilege(0::oid, 'USAGE');
SELECT has_language_privilege('nosuch', 'USAGE');
SELECT has_language_privilege('sql', 'EXECUTE');

-- has_schema_privilege
SELECT nspname, has_schema_privilege('regress_acl_other', nspname, 'USAGE') AS other_usage,
       has_schema_privilege('regress_acl_other', oid, 'CREATE') AS other_create,
       has_schema_privilege('regress_acl_owner'::regrole, nspname, 'CREATE') AS owner_create,
       has_schema_privilege('regress_acl_member'::regrole, oid, 'CREATE WITH GRANT OPTION') AS member_grant,
       has_schema_privilege(nspname, 'USAGE') AS cur_name,
       has_schema_privilege(oid, 'CREATE') AS cur_id
  FROM pg_namespace
  WHERE nspname IN ('regress_acl_s', 'pg_toast')
  ORDER BY nspname;
SELECT has_schema_privilege(0::oid, 'USAGE');
SELECT has_schema_privilege('regress_acl_nosuch', 'USAGE');
SELECT has_schema_privilege('public', 'SELECT');

-- has_tablespace_privilege
SELECT spcname, has_tablespace_privilege('regress_acl_other', spcname, 'CREATE') AS other,
       has_tablespace_privilege('regress_acl_other', oid, 'CREATE') AS other_id,
       has_tablespace_privilege('regress_acl_other'::regrole, spcname, 'create with grant option') AS id_name,
       has_tablespace_privilege('regress_acl_other'::regrole, oid, 'CREATE') AS id_id,
       has_tablespace_privilege(spcname, 'CREATE') AS cur_name,
       has_tablespace_privilege(oid, 'CREATE') AS cur_id
  FROM pg_tablespace ORDER BY spcname;
SELECT has_tablespace_privilege(0::oid, 'CREATE');
SELECT has_tablespace_privilege('regress_acl_nosuch', 'CREATE');
SELECT has_tablespace_privilege('pg_default', 'USAGE');

-- has_type_privilege
SELECT has_type_privilege('regress_acl_other', 'regress_acl_s.e', 'USAGE') AS other,
       has_type_privilege('regress_acl_other', 'regress_acl_s.e', 'USAGE WITH GRANT OPTION') AS other_grant,
       has_type_privilege('regress_acl_owner', 'regress_acl_s.e[]', 'USAGE WITH GRANT OPTION') AS owner_array,
       has_type_privilege('regress_acl_other', 'regress_acl_s.e'::regtype, 'USAGE') AS name_id,
       has_type_privilege('regress_acl_other'::regrole, 'int4', 'USAGE') AS id_name,
       has_type_privilege('regress_acl_other'::regrole, 'int4'::regtype, 'USAGE') AS id_id,
       has_type_privilege('double precision', 'USAGE') AS cur_name,
       has_type_privilege('int4multirange'::regtype, 'USAGE') AS cur_id,
       has_type_privilege(0::oid, 'USAGE') AS missing;
SELECT has_type_privilege('regress_acl_nosuch_type', 'USAGE');
SELECT has_type_privilege('int4', 'EXECUTE');

-- has_foreign_data_wrapper_privilege and has_server_privilege (none exist)
SELECT has_foreign_data_wrapper_privilege(0::oid, 'USAGE') AS fdw_id,
       has_foreign_data_wrapper_privilege('regress_acl_other', 0::oid, 'USAGE') AS fdw_name_id,
       has_foreign_data_wrapper_privilege('regress_acl_other'::regrole, 0::oid, 'usage with grant option') AS fdw_id_id,
       has_server_privilege(0::oid, 'USAGE') AS srv_id,
       has_server_privilege('regress_acl_other', 0::oid, 'USAGE') AS srv_name_id,
       has_server_privilege('regress_acl_other'::regrole, 0::oid, 'USAGE') AS srv_id_id;
SELECT has_foreign_data_wrapper_privilege('regress_acl_nosuch', 'USAGE');
SELECT has_foreign_data_wrapper_privilege('regress_acl_other', 'regress_acl_nosuch', 'USAGE');
SELECT has_foreign_data_wrapper_privilege('regress_acl_other'::regrole, 'regress_acl_nosuch', 'USAGE');
SELECT has_foreign_data_wrapper_privilege(0::oid, 'CONNECT');
SELECT has_server_privilege('regress_acl_nosuch', 'USAGE');
SELECT has_server_privilege('regress_acl_other', 'regress_acl_nosuch', 'USAGE');
SELECT has_server_privilege('regress_acl_other'::regrole, 'regress_acl_nosuch', 'USAGE');
SELECT has_server_privilege(0::oid, 'SELECT');

-- has_parameter_privilege (nothing granted: only superusers)
SELECT has_parameter_privilege('regress', 'work_mem', 'SET') AS super,
       has_parameter_privilege('regress_acl_other', 'work_mem', 'SET') AS other,
       has_parameter_privilege('public', 'Work_Mem', 'set, alter system') AS public,
       has_parameter_privilege('regress_acl_other'::regrole, 'sort_mem', 'ALTER SYSTEM WITH GRANT OPTION') AS id,
       has_parameter_privilege('regress', 'regress_acl.nosuch', 'SET') AS unknown_super,
       has_parameter_privilege('regress_acl_other', 'regress_acl.nosuch', 'SET') AS unknown,
       has_parameter_privilege('work_mem', 'SET') AS cur;
SET ROLE regress_acl_other;
SELECT has_parameter_privilege('work_mem', 'SET') AS cur_other;
RESET ROLE;
SELECT has_parameter_privilege('work_mem', 'USAGE');
SELECT has_parameter_privilege('regress_acl_nosuch', 'work_mem', 'USAGE');
SELECT has_parameter_privilege('regress_acl_nosuch', 'work_mem', 'SET');

-- the predefined roles that read and write every table
GRANT pg_read_all_data TO regress_acl_other;
SELECT has_table_privilege('regress_acl_other', 'regress_acl_s.t', 'SELECT') AS sel,
       has_table_privilege('regress_acl_other', 'regress_acl_s.t', 'INSERT') AS ins,
       has_schema_privilege('regress_acl_other', 'regress_acl_s', 'USAGE') AS usage,
       has_schema_privilege('regress_acl_other', 'regress_acl_s', 'CREATE') AS "create";
REVOKE pg_read_all_data FROM regress_acl_other;
GRANT pg_write_all_data TO regress_acl_other;
SELECT has_table_privilege('regress_acl_other', 'regress_acl_s.t', 'SELECT') AS sel,
       has_table_privilege('regress_acl_other', 'regress_acl_s.t', 'INSERT, UPDATE') AS ins,
       has_table_privilege('regress_acl_other', 'regress_acl_s.t', 'TRUNCATE') AS trunc,
       has_table_privilege('regress_acl_other', 'pg_class', 'INSERT') AS catalog,
       has_schema_privilege('regress_acl_other', 'regress_acl_s', 'USAGE') AS usage;
REVOKE pg_write_all_data FROM regress_acl_other;

-- the privileges psql's \dp shows (none granted: empty)
\dp regress_acl_s.*

-- the catalogs' initial privileges: what initdb grants PUBLIC and what not
SELECT c AS catalog, has_table_privilege('regress_acl_other', c, 'SELECT') AS sel,
       has_table_privilege('regress_acl_other', c, 'UPDATE') AS upd
  FROM unnest(ARRAY['pg_class', 'pg_proc', 'pg_roles', 'pg_stat_activity', 'pg_authid',
                    'pg_statistic', 'pg_shadow', 'pg_settings', 'pg_user_mapping',
                    'pg_catalog.pg_subscription']) AS c;
SELECT has_column_privilege('regress_acl_other', 'pg_subscription', 'subname', 'SELECT') AS subname,
       has_column_privilege('regress_acl_other', 'pg_subscription', 'subconninfo', 'SELECT')
         AS subconninfo;
SELECT f AS function, has_function_privilege('regress_acl_other', f, 'EXECUTE') AS exec,
       has_function_privilege('pg_monitor', f, 'EXECUTE') AS monitor
  FROM unnest(ARRAY['pg_reload_conf()', 'pg_stat_reset()', 'pg_ls_waldir()',
                    'pg_read_file(text)', 'now()', 'pg_backend_pid()']) AS f;
SELECT d AS database, has_database_privilege('regress_acl_other', d, 'CONNECT') AS conn,
       has_database_privilege('regress_acl_other', d, 'TEMP') AS temp
  FROM unnest(ARRAY['template0', 'template1', 'postgres']) AS d;
SELECT i.classoid::regclass, i.objoid::regclass, i.objsubid, i.privtype,
       i.initprivs = c.relacl AS as_now
  FROM pg_init_privs i JOIN pg_class c ON c.oid = i.objoid
 WHERE i.classoid = 'pg_class'::regclass AND i.objsubid = 0
   AND i.objoid IN ('pg_class'::regclass, 'pg_authid'::regclass, 'pg_settings'::regclass)
 ORDER BY 2;
SELECT count(*) AS subscription_columns FROM pg_init_privs
 WHERE objoid = 'pg_subscription'::regclass AND objsubid > 0;
SELECT i.objoid::regprocedure, i.initprivs = p.proacl AS as_now
  FROM pg_init_privs i JOIN pg_proc p ON p.oid = i.objoid
 WHERE i.classoid = 'pg_proc'::regclass
   AND i.objoid IN ('pg_reload_conf()'::regprocedure, 'pg_ls_waldir()'::regprocedure)
 ORDER BY 1::text;

-- superuser-only settings: for members of pg_read_all_settings, as the current role
SET ROLE regress_acl_other;
SELECT name FROM pg_settings WHERE name IN ('data_directory', 'config_file', 'work_mem')
 ORDER BY 1;
SHOW data_directory;
SHOW Config_File;
SELECT current_setting('hba_file');
SELECT current_setting('hba_file', true);
SELECT current_setting('no_such_setting', true) IS NULL AS missing;
SHOW work_mem;
RESET ROLE;
GRANT pg_read_all_settings TO regress_acl_other;
SET ROLE regress_acl_other;
SELECT name FROM pg_settings WHERE name IN ('data_directory', 'config_file', 'work_mem')
 ORDER BY 1;
SELECT current_setting('data_directory') <> '' AS shown;
RESET ROLE;
REVOKE pg_read_all_settings FROM regress_acl_other;

DROP TABLE regress_acl_super_t;
DROP SCHEMA regress_acl_s CASCADE;
DROP ROLE regress_acl_owner, regress_acl_other, regress_acl_member, regress_acl_noinherit,
    "regress acl Quoted""x";
