--
-- The system views over set-returning functions and pg_sequences:
-- pg_settings (with SHOW, current_setting, set_config and psql's
-- \dconfig), pg_sequences, pg_prepared_statements, pg_locks,
-- pg_timezone_names and pg_timezone_abbrevs.  Only values that do not
-- vary between runs or installations are shown.
--
-- Deliberate differences, kept out of this file:
-- * UPDATE pg_settings: PostgreSQL runs set_config through rules on the
--   view; Tusk has no rules and refuses it with 0A000
--   (regress/integration/sysviews_test.cpp checks that).
-- * pg_locks.fastpath is always false (Tusk has no fast-path locks),
--   virtualtransaction and waitstart are NULL, and there are no
--   virtualxid locks (Tusk has no virtual transaction ids).
-- * pg_indexes needs pg_get_indexdef, not in Tusk yet; pg_cursors is not
--   there yet.
--

-- Each view's columns: names, types, order.
SELECT c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'v'
   AND c.relname IN ('pg_settings', 'pg_sequences', 'pg_indexes', 'pg_locks',
                     'pg_prepared_statements', 'pg_timezone_names',
                     'pg_timezone_abbrevs')
   AND a.attnum > 0
 ORDER BY c.relname, a.attnum;

--
-- pg_settings
--
SELECT name, setting, unit, category, short_desc, extra_desc, context, vartype,
       source, min_val, max_val, enumvals, boot_val, reset_val, pending_restart
  FROM pg_settings
 WHERE name IN ('work_mem', 'enable_seqscan', 'IntervalStyle', 'statement_timeout',
                'extra_float_digits', 'search_path', 'block_size', 'deadlock_timeout',
                'checkpoint_timeout', 'log_min_messages',
                'default_transaction_isolation', 'bytea_output')
 ORDER BY name;

-- Units as PostgreSQL names them.
SELECT name, unit FROM pg_settings
 WHERE name IN ('shared_buffers', 'wal_buffers', 'work_mem', 'max_wal_size',
                'statement_timeout', 'authentication_timeout', 'checkpoint_timeout')
 ORDER BY name;

-- Every row has a name, setting, category, context, type and source.
SELECT count(*) AS incomplete FROM pg_settings
 WHERE name IS NULL OR setting IS NULL OR category IS NULL OR context IS NULL
    OR vartype IS NULL OR source IS NULL OR short_desc IS NULL;
SELECT DISTINCT vartype FROM pg_settings
 WHERE name IN ('work_mem', 'enable_seqscan', 'IntervalStyle', 'search_path')
 ORDER BY 1;
-- Numbers have limits, enums their values, and nothing else has either.
SELECT name FROM pg_settings
 WHERE (vartype IN ('integer', 'real')) <> (min_val IS NOT NULL AND max_val IS NOT NULL)
    OR (vartype = 'enum') <> (enumvals IS NOT NULL);
-- Settings from the configuration file say so.
SELECT name, source, sourcefile IS NOT NULL AS has_file, sourceline > 0 AS has_line
  FROM pg_settings WHERE name IN ('max_connections', 'shared_buffers') ORDER BY name;

-- SET, set_config and current_setting agree with pg_settings.
SET work_mem = '8MB';
SELECT setting, unit, source, reset_val FROM pg_settings WHERE name = 'work_mem';
SELECT current_setting('work_mem');
SHOW work_mem;
SELECT set_config('work_mem', '16MB', false);
SELECT setting, source FROM pg_settings WHERE name = 'work_mem';
BEGIN;
SELECT set_config('work_mem', '32MB', true);
SELECT setting FROM pg_settings WHERE name = 'work_mem';
ROLLBACK;
SELECT setting FROM pg_settings WHERE name = 'work_mem';
RESET work_mem;
SELECT setting, source FROM pg_settings WHERE name = 'work_mem';
SET enable_seqscan = off;
SELECT name, setting, source, boot_val, reset_val FROM pg_settings WHERE name = 'enable_seqscan';
RESET enable_seqscan;
SET IntervalStyle = 'sql_standard';
SELECT name, setting FROM pg_settings WHERE name = 'IntervalStyle';
RESET IntervalStyle;
SELECT current_setting('no_such_setting', true) IS NULL AS missing;
SELECT current_setting('no_such_setting');
SELECT set_config('no_such_setting', 'x', false);
SELECT set_config('block_size', '4096', false);
-- A custom (placeholder) setting is not a row of pg_settings.
SET my.custom = 'value';
SELECT current_setting('my.custom');
SELECT count(*) FROM pg_settings WHERE name = 'my.custom';

-- psql's \dconfig reads pg_settings.
\dconfig work_mem
\dconfig enable_hash*
\dconfig+ deadlock_timeout

--
-- pg_sequences
--
CREATE SEQUENCE sv_seq1 START 5 INCREMENT 2;
CREATE SEQUENCE sv_seq2 AS smallint CACHE 10 CYCLE;
CREATE SEQUENCE sv_seq3 INCREMENT -1;
CREATE TABLE sv_tab (id serial PRIMARY KEY, note text UNIQUE,
                     ident bigint GENERATED ALWAYS AS IDENTITY);
SELECT schemaname, sequencename, sequenceowner, data_type, start_value, min_value,
       max_value, increment_by, cycle, cache_size, last_value
  FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename;
SELECT nextval('sv_seq1'), nextval('sv_seq1'), nextval('sv_seq3');
INSERT INTO sv_tab (note) VALUES ('a'), ('b');
SELECT sequencename, last_value FROM pg_sequences
 WHERE schemaname = 'public' ORDER BY sequencename;
SELECT setval('sv_seq1', 100, false);
SELECT setval('sv_seq3', -50);
SELECT sequencename, last_value FROM pg_sequences
 WHERE schemaname = 'public' ORDER BY sequencename;
SELECT pg_sequence_last_value('sv_seq1'), pg_sequence_last_value('sv_seq3');
SELECT pg_sequence_last_value('sv_tab');

--
-- pg_prepared_statements
--
SELECT count(*) FROM pg_prepared_statements;
PREPARE sv_p1 (int, text) AS SELECT $1, $2;
PREPARE sv_p2 AS SELECT count(*) FROM sv_tab;
PREPARE sv_p3 (numeric[], date) AS SELECT $1, $2;
SELECT name, statement, parameter_types, from_sql, generic_plans, custom_plans
  FROM pg_prepared_statements ORDER BY name;
EXECUTE sv_p1 (1, 'x');
EXECUTE sv_p2;
EXECUTE sv_p2;
SELECT name, generic_plans, custom_plans FROM pg_prepared_statements ORDER BY name;
SELECT name, prepare_time <= now() AS prepared_before FROM pg_prepared_statements
 ORDER BY name;
DEALLOCATE sv_p1;
SELECT name FROM pg_prepared_statements ORDER BY name;
DEALLOCATE ALL;
SELECT count(*) FROM pg_prepared_statements;

--
-- pg_locks
--
BEGIN;
LOCK TABLE sv_tab IN SHARE MODE;
SELECT locktype, database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AS this_db, relation::regclass, page, tuple, virtualxid, transactionid,
       classid, objid, objsubid, mode, granted, waitstart
  FROM pg_locks
 WHERE locktype = 'relation' AND pid = pg_backend_pid() AND relation = 'sv_tab'::regclass;
SELECT pg_advisory_xact_lock(1, 2), pg_advisory_xact_lock_shared(42);
SELECT locktype, classid, objid, objsubid, mode, granted
  FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()
 ORDER BY objid;
-- A transaction id holds its own ExclusiveLock once it has one.
INSERT INTO sv_tab (note) VALUES ('c');
SELECT locktype, mode, granted, transactionid = pg_current_xact_id()::xid AS own_xid
  FROM pg_locks WHERE locktype = 'transactionid' AND pid = pg_backend_pid();
COMMIT;
SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid();
SELECT pg_advisory_lock(7);
SELECT locktype, objid, objsubid, mode, granted FROM pg_locks
 WHERE locktype = 'advisory' AND pid = pg_backend_pid();
SELECT pg_advisory_unlock(7);

--
-- pg_timezone_names and pg_timezone_abbrevs (zones without daylight-saving
-- time, so the rows do not depend on the date)
--
SELECT name, abbrev, utc_offset, is_dst FROM pg_timezone_names
 WHERE name IN ('UTC', 'Asia/Tokyo', 'Asia/Kolkata', 'posix/Asia/Kolkata',
                'Etc/GMT+5', 'Asia/Kathmandu', 'right/UTC', 'zone.tab')
 ORDER BY name;
SELECT count(*) > 400 AS many FROM pg_timezone_names;
SELECT count(DISTINCT name) = count(*) AS unique_names FROM pg_timezone_names;
SELECT abbrev, utc_offset, is_dst FROM pg_timezone_abbrevs
 WHERE abbrev IN ('UTC', 'JST', 'EST', 'EDT', 'CEST', 'IST', 'NZDT', 'Z')
 ORDER BY abbrev;
SELECT count(*) FROM pg_timezone_abbrevs;
SELECT count(*) FROM pg_timezone_abbrevs WHERE abbrev <> upper(abbrev);

DROP TABLE sv_tab;
DROP SEQUENCE sv_seq1, sv_seq2, sv_seq3;
