--
-- Cumulative statistics (doc/utils/pgstat/README.md): the views' columns,
-- and the counters of tables only this test touches, read after
-- pg_stat_force_next_flush() (the flush happens when the session goes
-- idle after that statement).  Counters that depend on plans or on other
-- sessions (catalog scans, database totals) are not shown.
--
SHOW track_counts;
SHOW stats_fetch_consistency;

-- The views' columns, in order, with their types.
SELECT c.relname,
       string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', '
                  ORDER BY a.attnum) AS columns
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
 WHERE c.relnamespace = 'pg_catalog'::regnamespace
   AND c.relname IN ('pg_stat_all_tables', 'pg_stat_user_tables', 'pg_stat_sys_tables',
                     'pg_stat_xact_all_tables', 'pg_stat_xact_user_tables',
                     'pg_stat_xact_sys_tables', 'pg_statio_all_tables',
                     'pg_statio_user_tables', 'pg_statio_sys_tables', 'pg_stat_all_indexes',
                     'pg_stat_user_indexes', 'pg_stat_sys_indexes', 'pg_statio_all_indexes',
                     'pg_statio_user_indexes', 'pg_statio_sys_indexes',
                     'pg_statio_all_sequences', 'pg_statio_user_sequences',
                     'pg_statio_sys_sequences', 'pg_stat_database',
                     'pg_stat_database_conflicts')
   AND a.attnum > 0
 GROUP BY c.relname
 ORDER BY c.relname;

-- Row changes: inserted, updated (HOT: no indexed column changes),
-- deleted; live and dead tuples.
CREATE TABLE pgstat_t (id int PRIMARY KEY, v int);
INSERT INTO pgstat_t SELECT g, g FROM generate_series(1, 10) g;
UPDATE pgstat_t SET v = v + 1 WHERE id <= 3;
DELETE FROM pgstat_t WHERE id = 10;
SELECT pg_stat_force_next_flush();
SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, n_tup_hot_upd, n_live_tup, n_dead_tup,
       n_mod_since_analyze, n_ins_since_vacuum
  FROM pg_stat_user_tables WHERE relname = 'pgstat_t';

-- A transaction's own counts, before it ends; a rollback's inserts are
-- dead, its deletes undone.
BEGIN;
INSERT INTO pgstat_t VALUES (11, 11), (12, 12);
DELETE FROM pgstat_t WHERE id = 1;
SELECT n_tup_ins, n_tup_del FROM pg_stat_xact_user_tables WHERE relname = 'pgstat_t';
ROLLBACK;
SELECT pg_stat_force_next_flush();
SELECT n_tup_ins, n_tup_del, n_live_tup, n_dead_tup
  FROM pg_stat_user_tables WHERE relname = 'pgstat_t';

-- A subtransaction rolled back inside a committed transaction.
BEGIN;
INSERT INTO pgstat_t VALUES (20, 20);
SAVEPOINT s;
INSERT INTO pgstat_t VALUES (21, 21), (22, 22);
ROLLBACK TO SAVEPOINT s;
COMMIT;
SELECT pg_stat_force_next_flush();
SELECT n_tup_ins, n_live_tup, n_dead_tup
  FROM pg_stat_user_tables WHERE relname = 'pgstat_t';

-- VACUUM: dead tuples gone, the time and count recorded.
SELECT last_vacuum IS NULL AS never_vacuumed, vacuum_count
  FROM pg_stat_user_tables WHERE relname = 'pgstat_t';
VACUUM pgstat_t;
SELECT n_live_tup, n_dead_tup, n_ins_since_vacuum, last_vacuum IS NOT NULL AS vacuumed,
       vacuum_count, last_autovacuum, autovacuum_count
  FROM pg_stat_user_tables WHERE relname = 'pgstat_t';

-- ANALYZE.
UPDATE pgstat_t SET v = 0 WHERE id = 2;
SELECT pg_stat_force_next_flush();
SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relname = 'pgstat_t';
ANALYZE pgstat_t;
SELECT n_live_tup, n_mod_since_analyze, last_analyze IS NOT NULL AS analyzed, analyze_count,
       last_autoanalyze, autoanalyze_count
  FROM pg_stat_user_tables WHERE relname = 'pgstat_t';

-- Reset one table's and one index's counters, then scan.
SELECT pg_stat_reset_single_table_counters('pgstat_t'::regclass);
SELECT pg_stat_reset_single_table_counters('pgstat_t_pkey'::regclass);
SELECT seq_scan, seq_tup_read, idx_scan, idx_tup_fetch, n_tup_ins, n_live_tup, vacuum_count
  FROM pg_stat_user_tables WHERE relname = 'pgstat_t';
SELECT count(*) FROM pgstat_t;
SET enable_seqscan = off;
SELECT v FROM pgstat_t WHERE id = 5;
RESET enable_seqscan;
SELECT pg_stat_force_next_flush();
SELECT seq_scan, seq_tup_read, idx_scan, idx_tup_fetch
  FROM pg_stat_user_tables WHERE relname = 'pgstat_t';
SELECT relname, indexrelname, idx_scan, idx_tup_read, idx_tup_fetch
  FROM pg_stat_user_indexes WHERE relname = 'pgstat_t';
SELECT heap_blks_hit + heap_blks_read > 0 AS heap_blocks,
       idx_blks_hit + idx_blks_read > 0 AS index_blocks,
       toast_blks_read, toast_blks_hit
  FROM pg_statio_user_tables WHERE relname = 'pgstat_t';
SELECT indexrelname, idx_blks_hit + idx_blks_read > 0 AS index_blocks
  FROM pg_statio_user_indexes WHERE relname = 'pgstat_t';

-- TRUNCATE: live and dead tuples start again from 0.
INSERT INTO pgstat_t VALUES (30, 30);
TRUNCATE pgstat_t;
INSERT INTO pgstat_t VALUES (31, 31);
SELECT pg_stat_force_next_flush();
SELECT n_tup_ins, n_live_tup, n_dead_tup FROM pg_stat_user_tables WHERE relname = 'pgstat_t';

-- stats_fetch_consistency = cache: values read once stay for the
-- transaction, until pg_stat_clear_snapshot().
SET stats_fetch_consistency = cache;
BEGIN;
SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'pgstat_t';
SELECT pg_stat_reset_single_table_counters('pgstat_t'::regclass);
SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'pgstat_t';
SELECT pg_stat_clear_snapshot();
SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'pgstat_t';
COMMIT;
SET stats_fetch_consistency = snapshot;
BEGIN;
SELECT pg_stat_get_snapshot_timestamp() IS NULL AS no_snapshot;
SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'pgstat_t';
SELECT pg_stat_get_snapshot_timestamp() IS NOT NULL AS snapshot_taken;
COMMIT;
RESET stats_fetch_consistency;

-- A table never touched reads as zeros; a dropped one is gone.
CREATE TABLE pgstat_u (a int);
SELECT seq_scan, n_tup_ins, n_live_tup, last_vacuum, last_analyze
  FROM pg_stat_user_tables WHERE relname = 'pgstat_u';
DROP TABLE pgstat_u;
SELECT pg_stat_get_numscans(0), pg_stat_get_live_tuples(0), pg_stat_get_last_vacuum_time(0);

-- pg_stat_database: the row for shared objects and this database's.
SELECT datid, datname, numbackends FROM pg_stat_database WHERE datid = 0;
SELECT numbackends >= 1 AS connected, conflicts, temp_files, temp_bytes, deadlocks,
       checksum_last_failure, blk_read_time, blk_write_time
  FROM pg_stat_database WHERE datname = current_database();
SELECT confl_tablespace, confl_lock, confl_snapshot, confl_bufferpin, confl_deadlock
  FROM pg_stat_database_conflicts WHERE datname = current_database();

DROP TABLE pgstat_t;
