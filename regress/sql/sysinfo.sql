-- System information functions.  Sizes, OIDs and paths differ between
-- servers: their properties are tested, not their values.
CREATE TABLE sysinfo_t (a int PRIMARY KEY, b text);
CREATE INDEX sysinfo_t_b ON sysinfo_t (b);
INSERT INTO sysinfo_t SELECT g, repeat('x', 100) FROM generate_series(1, 500) g;
CHECKPOINT;
-- (pg_relation_size(regclass) is a LANGUAGE sql function: the two-argument
-- form is used here)
SELECT pg_relation_size('sysinfo_t', 'main') > 0 AS main, pg_relation_size('sysinfo_t', 'main') % 8192 AS whole_pages,
       pg_relation_size('sysinfo_t', 'init') AS init;
SELECT pg_relation_size('sysinfo_t', 'bogus');
SELECT pg_table_size('sysinfo_t') >= pg_relation_size('sysinfo_t', 'main') AS table_size,
       pg_indexes_size('sysinfo_t') >= pg_relation_size('sysinfo_t_pkey', 'main') + pg_relation_size('sysinfo_t_b', 'main') AS indexes,
       pg_total_relation_size('sysinfo_t') = pg_table_size('sysinfo_t') + pg_indexes_size('sysinfo_t') AS total,
       pg_indexes_size('sysinfo_t_b') AS index_of_index;
SELECT pg_relation_size(0::oid::regclass, 'main'), pg_table_size(0::oid::regclass),
       pg_indexes_size(0::oid::regclass), pg_total_relation_size(0::oid::regclass);
CREATE VIEW sysinfo_v AS SELECT 1 AS x;
SELECT pg_relation_size('sysinfo_v', 'main'), pg_table_size('sysinfo_v'), pg_relation_filenode('sysinfo_v'),
       pg_relation_filepath('sysinfo_v');
SELECT pg_relation_filenode('sysinfo_t') = (SELECT relfilenode FROM pg_class WHERE relname = 'sysinfo_t') AS filenode,
       pg_relation_filepath('sysinfo_t') = 'base/' || (SELECT oid FROM pg_database WHERE datname = current_database())::text
         || '/' || pg_relation_filenode('sysinfo_t')::text AS filepath,
       pg_relation_filenode(0), pg_relation_filepath(0);
SELECT pg_database_size(current_database()) > 0 AS by_name,
       pg_database_size((SELECT oid FROM pg_database WHERE datname = current_database())) > 0 AS by_oid,
       pg_database_size(0::oid) AS no_such_oid;
SELECT pg_database_size('no_such_database');
-- pg_size_pretty and pg_size_bytes
SELECT size, pg_size_pretty(size), pg_size_pretty(-size)
  FROM (VALUES (0::bigint), (10239), (10240), (10752), (20971519), (20971520), (1073741824),
               (10995116277760), (1125899906842624), (9223372036854775807)) v(size);
SELECT size, pg_size_pretty(size), pg_size_pretty(-size)
  FROM (VALUES (10.5::numeric), (10240.7), (20971520), (1125899906842624000),
               (123456789012345678901234567890)) v(size);
SELECT s, pg_size_bytes(s) FROM (VALUES ('1'), ('123bytes'), ('1kB'), ('1 MB'), (' 1 GB '), ('1.5 TB'),
  ('1PB'), ('-1.5 kb'), ('1e3'), ('1e3 kB'), ('.5 kB'), ('+2 mb')) v(s);
SELECT pg_size_bytes('1 EB');
SELECT pg_size_bytes('kB');
SELECT pg_size_bytes('1 foo');
SELECT pg_size_bytes('');
SELECT pg_size_bytes('10000000000 PB');
-- encodings
SELECT getdatabaseencoding(), pg_client_encoding(), pg_encoding_to_char(6), pg_encoding_to_char(0),
       pg_encoding_to_char(41), pg_encoding_to_char(42) = '', pg_encoding_to_char(-1) = '';
SELECT pg_char_to_encoding('UTF8'), pg_char_to_encoding('utf-8'), pg_char_to_encoding('unicode'),
       pg_char_to_encoding('LATIN1'), pg_char_to_encoding('iso-8859-1'), pg_char_to_encoding('sql_ascii'),
       pg_char_to_encoding('SHIFT_JIS_2004'), pg_char_to_encoding('nonsense');
-- users, queries
SELECT pg_get_userbyid(10) = (SELECT rolname FROM pg_authid WHERE oid = 10) AS bootstrap_user,
       pg_get_userbyid(0), pg_get_userbyid(4294967295);
SELECT current_query();
-- VARIADIC "any": each argument of its own type, or an array after VARIADIC
SELECT num_nulls(1, NULL, 'a'::text, NULL::date), num_nonnulls(1, NULL, 'a'::text, NULL::date);
SELECT num_nulls(VARIADIC ARRAY[1, NULL, 3]), num_nonnulls(VARIADIC ARRAY[1, NULL, 3]),
       num_nulls(VARIADIC NULL::int[]), num_nulls(VARIADIC '{}'::int[]);
SELECT num_nulls();
-- the server and the transaction
SELECT pg_is_in_recovery(), pg_conf_load_time() > '2020-01-01' AND pg_conf_load_time() <= clock_timestamp() AS conf_loaded;
BEGIN;
SELECT pg_current_xact_id_if_assigned() IS NULL AS none_yet;
SELECT pg_current_xact_id() IS NOT NULL AS assigned;
SELECT pg_current_xact_id() = pg_current_xact_id_if_assigned() AS same;
COMMIT;
SELECT pg_reload_conf();
DROP VIEW sysinfo_v;
DROP TABLE sysinfo_t;
