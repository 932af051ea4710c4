--
-- system_views.sql — initdb's post-bootstrap script: the system views.
--
-- Run by `postgres --boot -s` in template1 (tcop/standalone.cpp), before
-- template0 and postgres are copied from it, so every database has these
-- views.  Each view has PostgreSQL 15's name, schema (pg_catalog), column
-- names, types and order; the rows come from the same catalogs.
--
-- pg_settings has no rules (Tusk's rewriter has none): UPDATE pg_settings
-- fails with 0A000; set_config() and SET do what it would do.
--

CREATE VIEW pg_catalog.pg_roles AS
    SELECT
        rolname,
        rolsuper,
        rolinherit,
        rolcreaterole,
        rolcreatedb,
        rolcanlogin,
        rolreplication,
        rolconnlimit,
        '********'::text as rolpassword,
        rolvaliduntil,
        rolbypassrls,
        setconfig as rolconfig,
        pg_authid.oid
    FROM pg_authid LEFT JOIN pg_db_role_setting s
    ON (pg_authid.oid = setrole AND setdatabase = 0);

CREATE VIEW pg_catalog.pg_shadow AS
    SELECT
        rolname AS usename,
        pg_authid.oid AS usesysid,
        rolcreatedb AS usecreatedb,
        rolsuper AS usesuper,
        rolreplication AS userepl,
        rolbypassrls AS usebypassrls,
        rolpassword AS passwd,
        rolvaliduntil AS valuntil,
        setconfig AS useconfig
    FROM pg_authid LEFT JOIN pg_db_role_setting s
    ON (pg_authid.oid = setrole AND setdatabase = 0)
    WHERE rolcanlogin;

CREATE VIEW pg_catalog.pg_user AS
    SELECT usename, usesysid, usecreatedb, usesuper, userepl, usebypassrls,
           '********'::text AS passwd,
           valuntil, useconfig
      FROM pg_catalog.pg_shadow;

CREATE VIEW pg_catalog.pg_tables AS
    SELECT n.nspname AS schemaname, c.relname AS tablename,
           pg_catalog.pg_get_userbyid(c.relowner) AS tableowner,
           t.spcname AS tablespace,
           c.relhasindex AS hasindexes, c.relhasrules AS hasrules,
           c.relhastriggers AS hastriggers, c.relrowsecurity AS rowsecurity
      FROM pg_catalog.pg_class c
           LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           LEFT JOIN pg_catalog.pg_tablespace t ON t.oid = c.reltablespace
     WHERE c.relkind IN ('r', 'p');

CREATE VIEW pg_catalog.pg_views AS
    SELECT n.nspname AS schemaname, c.relname AS viewname,
           pg_catalog.pg_get_userbyid(c.relowner) AS viewowner,
           pg_catalog.pg_get_viewdef(c.oid) AS definition
      FROM pg_catalog.pg_class c
           LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'v';

CREATE VIEW pg_catalog.pg_matviews AS
    SELECT n.nspname AS schemaname, c.relname AS matviewname,
           pg_catalog.pg_get_userbyid(c.relowner) AS matviewowner,
           t.spcname AS tablespace,
           c.relhasindex AS hasindexes, c.relispopulated AS ispopulated,
           pg_catalog.pg_get_viewdef(c.oid) AS definition
      FROM pg_catalog.pg_class c
           LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           LEFT JOIN pg_catalog.pg_tablespace t ON t.oid = c.reltablespace
     WHERE c.relkind = 'm';

CREATE VIEW pg_catalog.pg_indexes AS
    SELECT n.nspname AS schemaname, c.relname AS tablename,
           i.relname AS indexname, t.spcname AS tablespace,
           pg_catalog.pg_get_indexdef(i.oid) AS indexdef
      FROM pg_catalog.pg_index x
           JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
           JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
           LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           LEFT JOIN pg_catalog.pg_tablespace t ON t.oid = i.reltablespace
     WHERE c.relkind IN ('r', 'm', 'p') AND i.relkind IN ('i', 'I');

CREATE VIEW pg_catalog.pg_sequences AS
    SELECT n.nspname AS schemaname, c.relname AS sequencename,
           pg_catalog.pg_get_userbyid(c.relowner) AS sequenceowner,
           s.seqtypid::pg_catalog.regtype AS data_type,
           s.seqstart AS start_value, s.seqmin AS min_value,
           s.seqmax AS max_value, s.seqincrement AS increment_by,
           s.seqcycle AS cycle, s.seqcache AS cache_size,
           CASE
               WHEN pg_catalog.has_sequence_privilege(c.oid, 'SELECT,USAGE'::text)
                   THEN pg_catalog.pg_sequence_last_value(c.oid)
               ELSE NULL
           END AS last_value
      FROM pg_catalog.pg_sequence s
           JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
           LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE NOT pg_catalog.pg_is_other_temp_schema(n.oid)
           AND c.relkind = 'S';

CREATE VIEW pg_catalog.pg_settings AS
    SELECT * FROM pg_catalog.pg_show_all_settings() AS a;

CREATE VIEW pg_catalog.pg_locks AS
    SELECT * FROM pg_catalog.pg_lock_status() AS l;

CREATE VIEW pg_catalog.pg_prepared_statements AS
    SELECT * FROM pg_catalog.pg_prepared_statement() AS p;

CREATE VIEW pg_catalog.pg_timezone_abbrevs AS
    SELECT * FROM pg_catalog.pg_timezone_abbrevs();

CREATE VIEW pg_catalog.pg_timezone_names AS
    SELECT * FROM pg_catalog.pg_timezone_names();

CREATE VIEW pg_catalog.pg_stat_activity AS
    SELECT s.datid, d.datname, s.pid, s.leader_pid, s.usesysid,
           u.rolname AS usename, s.application_name, s.client_addr,
           s.client_hostname, s.client_port, s.backend_start, s.xact_start,
           s.query_start, s.state_change, s.wait_event_type, s.wait_event,
           s.state, s.backend_xid, s.backend_xmin, s.query_id, s.query,
           s.backend_type
      FROM pg_catalog.pg_stat_get_activity(NULL) s
           LEFT JOIN pg_catalog.pg_database d ON s.datid = d.oid
           LEFT JOIN pg_catalog.pg_authid u ON s.usesysid = u.oid;

CREATE VIEW pg_catalog.pg_available_extensions AS
    SELECT e.name, e.default_version, x.extversion AS installed_version,
           e.comment
      FROM pg_catalog.pg_available_extensions() AS e
           LEFT JOIN pg_catalog.pg_extension AS x ON e.name = x.extname;

CREATE VIEW pg_catalog.pg_available_extension_versions AS
    SELECT e.name, e.version, (x.extname IS NOT NULL) AS installed,
           e.superuser, e.trusted, e.relocatable,
           e.schema, e.requires, e.comment
      FROM pg_catalog.pg_available_extension_versions() AS e
           LEFT JOIN pg_catalog.pg_extension AS x
             ON e.name = x.extname AND e.version = x.extversion;

-- Tusk's own (PostgreSQL has no such view): one row per registered
-- background worker, static and dynamic, running or not (doc/bgworker.md).
CREATE VIEW pg_catalog.pg_stat_bgworker AS
    SELECT s.name, s.type, s.library, s.function, s.start_time,
           s.restart_time, s.dynamic, s.state, s.pid, s.starts, s.last_start,
           s.last_exit_code, s.last_exit_signal, s.last_exit_time,
           s.early_exits, s.next_start
      FROM pg_catalog.pg_stat_get_bgworker() s;

-- The cumulative statistics views (doc/utils/pgstat/README.md): PostgreSQL
-- 15's definitions, over the pg_stat_get_* functions (utils/adt/pgstatfuncs.cpp).

CREATE VIEW pg_catalog.pg_stat_all_tables AS
    SELECT
            C.oid AS relid,
            N.nspname AS schemaname,
            C.relname AS relname,
            pg_stat_get_numscans(C.oid) AS seq_scan,
            pg_stat_get_tuples_returned(C.oid) AS seq_tup_read,
            sum(pg_stat_get_numscans(I.indexrelid))::bigint AS idx_scan,
            sum(pg_stat_get_tuples_fetched(I.indexrelid))::bigint +
            pg_stat_get_tuples_fetched(C.oid) AS idx_tup_fetch,
            pg_stat_get_tuples_inserted(C.oid) AS n_tup_ins,
            pg_stat_get_tuples_updated(C.oid) AS n_tup_upd,
            pg_stat_get_tuples_deleted(C.oid) AS n_tup_del,
            pg_stat_get_tuples_hot_updated(C.oid) AS n_tup_hot_upd,
            pg_stat_get_live_tuples(C.oid) AS n_live_tup,
            pg_stat_get_dead_tuples(C.oid) AS n_dead_tup,
            pg_stat_get_mod_since_analyze(C.oid) AS n_mod_since_analyze,
            pg_stat_get_ins_since_vacuum(C.oid) AS n_ins_since_vacuum,
            pg_stat_get_last_vacuum_time(C.oid) as last_vacuum,
            pg_stat_get_last_autovacuum_time(C.oid) as last_autovacuum,
            pg_stat_get_last_analyze_time(C.oid) as last_analyze,
            pg_stat_get_last_autoanalyze_time(C.oid) as last_autoanalyze,
            pg_stat_get_vacuum_count(C.oid) AS vacuum_count,
            pg_stat_get_autovacuum_count(C.oid) AS autovacuum_count,
            pg_stat_get_analyze_count(C.oid) AS analyze_count,
            pg_stat_get_autoanalyze_count(C.oid) AS autoanalyze_count
    FROM pg_class C LEFT JOIN
         pg_index I ON C.oid = I.indrelid
         LEFT JOIN pg_namespace N ON (N.oid = C.relnamespace)
    WHERE C.relkind IN ('r', 't', 'm', 'p')
    GROUP BY C.oid, N.nspname, C.relname;

CREATE VIEW pg_catalog.pg_stat_xact_all_tables AS
    SELECT
            C.oid AS relid,
            N.nspname AS schemaname,
            C.relname AS relname,
            pg_stat_get_xact_numscans(C.oid) AS seq_scan,
            pg_stat_get_xact_tuples_returned(C.oid) AS seq_tup_read,
            sum(pg_stat_get_xact_numscans(I.indexrelid))::bigint AS idx_scan,
            sum(pg_stat_get_xact_tuples_fetched(I.indexrelid))::bigint +
            pg_stat_get_xact_tuples_fetched(C.oid) AS idx_tup_fetch,
            pg_stat_get_xact_tuples_inserted(C.oid) AS n_tup_ins,
            pg_stat_get_xact_tuples_updated(C.oid) AS n_tup_upd,
            pg_stat_get_xact_tuples_deleted(C.oid) AS n_tup_del,
            pg_stat_get_xact_tuples_hot_updated(C.oid) AS n_tup_hot_upd
    FROM pg_class C LEFT JOIN
         pg_index I ON C.oid = I.indrelid
         LEFT JOIN pg_namespace N ON (N.oid = C.relnamespace)
    WHERE C.relkind IN ('r', 't', 'm', 'p')
    GROUP BY C.oid, N.nspname, C.relname;

CREATE VIEW pg_catalog.pg_stat_sys_tables AS
    SELECT * FROM pg_stat_all_tables
    WHERE schemaname IN ('pg_catalog', 'information_schema') OR
          schemaname ~ '^pg_toast';

CREATE VIEW pg_catalog.pg_stat_xact_sys_tables AS
    SELECT * FROM pg_stat_xact_all_tables
    WHERE schemaname IN ('pg_catalog', 'information_schema') OR
          schemaname ~ '^pg_toast';

CREATE VIEW pg_catalog.pg_stat_user_tables AS
    SELECT * FROM pg_stat_all_tables
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND
          schemaname !~ '^pg_toast';

CREATE VIEW pg_catalog.pg_stat_xact_user_tables AS
    SELECT * FROM pg_stat_xact_all_tables
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND
          schemaname !~ '^pg_toast';

-- Tusk: PostgreSQL sums the index blocks in LATERAL subqueries, which
-- pg_get_viewdef cannot print yet (pg_views would fail); this is the same
-- result by GROUP BY (a TOAST table has one index), so pg_views shows this
-- text instead of PostgreSQL's.
CREATE VIEW pg_catalog.pg_statio_all_tables AS
    SELECT
            C.oid AS relid,
            N.nspname AS schemaname,
            C.relname AS relname,
            pg_stat_get_blocks_fetched(C.oid) -
                    pg_stat_get_blocks_hit(C.oid) AS heap_blks_read,
            pg_stat_get_blocks_hit(C.oid) AS heap_blks_hit,
            I.idx_blks_read AS idx_blks_read,
            I.idx_blks_hit AS idx_blks_hit,
            pg_stat_get_blocks_fetched(T.oid) -
                    pg_stat_get_blocks_hit(T.oid) AS toast_blks_read,
            pg_stat_get_blocks_hit(T.oid) AS toast_blks_hit,
            X.idx_blks_read AS tidx_blks_read,
            X.idx_blks_hit AS tidx_blks_hit
    FROM pg_class C LEFT JOIN
            pg_class T ON C.reltoastrelid = T.oid
            LEFT JOIN pg_namespace N ON (N.oid = C.relnamespace)
            LEFT JOIN LATERAL (
              SELECT sum(pg_stat_get_blocks_fetched(indexrelid) -
                         pg_stat_get_blocks_hit(indexrelid))::bigint
                     AS idx_blks_read,
                     sum(pg_stat_get_blocks_hit(indexrelid))::bigint
                     AS idx_blks_hit
              FROM pg_index WHERE indrelid = C.oid ) I ON true
            LEFT JOIN LATERAL (
              SELECT sum(pg_stat_get_blocks_fetched(indexrelid) -
                         pg_stat_get_blocks_hit(indexrelid))::bigint
                     AS idx_blks_read,
                     sum(pg_stat_get_blocks_hit(indexrelid))::bigint
                     AS idx_blks_hit
              FROM pg_index WHERE indrelid = T.oid ) X ON true
    WHERE C.relkind IN ('r', 't', 'm');

CREATE VIEW pg_catalog.pg_statio_sys_tables AS
    SELECT * FROM pg_statio_all_tables
    WHERE schemaname IN ('pg_catalog', 'information_schema') OR
          schemaname ~ '^pg_toast';

CREATE VIEW pg_catalog.pg_statio_user_tables AS
    SELECT * FROM pg_statio_all_tables
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND
          schemaname !~ '^pg_toast';

CREATE VIEW pg_catalog.pg_stat_all_indexes AS
    SELECT
            C.oid AS relid,
            I.oid AS indexrelid,
            N.nspname AS schemaname,
            C.relname AS relname,
            I.relname AS indexrelname,
            pg_stat_get_numscans(I.oid) AS idx_scan,
            pg_stat_get_tuples_returned(I.oid) AS idx_tup_read,
            pg_stat_get_tuples_fetched(I.oid) AS idx_tup_fetch
    FROM pg_class C JOIN
            pg_index X ON C.oid = X.indrelid JOIN
            pg_class I ON I.oid = X.indexrelid
            LEFT JOIN pg_namespace N ON (N.oid = C.relnamespace)
    WHERE C.relkind IN ('r', 't', 'm');

CREATE VIEW pg_catalog.pg_stat_sys_indexes AS
    SELECT * FROM pg_stat_all_indexes
    WHERE schemaname IN ('pg_catalog', 'information_schema') OR
          schemaname ~ '^pg_toast';

CREATE VIEW pg_catalog.pg_stat_user_indexes AS
    SELECT * FROM pg_stat_all_indexes
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND
          schemaname !~ '^pg_toast';

CREATE VIEW pg_catalog.pg_statio_all_indexes AS
    SELECT
            C.oid AS relid,
            I.oid AS indexrelid,
            N.nspname AS schemaname,
            C.relname AS relname,
            I.relname AS indexrelname,
            pg_stat_get_blocks_fetched(I.oid) -
                    pg_stat_get_blocks_hit(I.oid) AS idx_blks_read,
            pg_stat_get_blocks_hit(I.oid) AS idx_blks_hit
    FROM pg_class C JOIN
            pg_index X ON C.oid = X.indrelid JOIN
            pg_class I ON I.oid = X.indexrelid
            LEFT JOIN pg_namespace N ON (N.oid = C.relnamespace)
    WHERE C.relkind IN ('r', 't', 'm');

CREATE VIEW pg_catalog.pg_statio_sys_indexes AS
    SELECT * FROM pg_statio_all_indexes
    WHERE schemaname IN ('pg_catalog', 'information_schema') OR
          schemaname ~ '^pg_toast';

CREATE VIEW pg_catalog.pg_statio_user_indexes AS
    SELECT * FROM pg_statio_all_indexes
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND
          schemaname !~ '^pg_toast';

CREATE VIEW pg_catalog.pg_statio_all_sequences AS
    SELECT
            C.oid AS relid,
            N.nspname AS schemaname,
            C.relname AS relname,
            pg_stat_get_blocks_fetched(C.oid) -
                    pg_stat_get_blocks_hit(C.oid) AS blks_read,
            pg_stat_get_blocks_hit(C.oid) AS blks_hit
    FROM pg_class C
            LEFT JOIN pg_namespace N ON (N.oid = C.relnamespace)
    WHERE C.relkind = 'S';

CREATE VIEW pg_catalog.pg_statio_sys_sequences AS
    SELECT * FROM pg_statio_all_sequences
    WHERE schemaname IN ('pg_catalog', 'information_schema') OR
          schemaname ~ '^pg_toast';

CREATE VIEW pg_catalog.pg_statio_user_sequences AS
    SELECT * FROM pg_statio_all_sequences
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND
          schemaname !~ '^pg_toast';

-- Tusk: PostgreSQL adds the row for shared objects (datid 0) with a
-- UNION ALL subquery in FROM, which pg_get_viewdef cannot print yet
-- (pg_views would fail); the same rows come from generate_series here, so
-- pg_views shows this text instead of PostgreSQL's.
CREATE VIEW pg_catalog.pg_stat_database AS
    SELECT
            D.oid AS datid,
            D.datname AS datname,
                CASE
                    WHEN (D.oid = (0)::oid) THEN 0
                    ELSE pg_stat_get_db_numbackends(D.oid)
                END AS numbackends,
            pg_stat_get_db_xact_commit(D.oid) AS xact_commit,
            pg_stat_get_db_xact_rollback(D.oid) AS xact_rollback,
            pg_stat_get_db_blocks_fetched(D.oid) -
                    pg_stat_get_db_blocks_hit(D.oid) AS blks_read,
            pg_stat_get_db_blocks_hit(D.oid) AS blks_hit,
            pg_stat_get_db_tuples_returned(D.oid) AS tup_returned,
            pg_stat_get_db_tuples_fetched(D.oid) AS tup_fetched,
            pg_stat_get_db_tuples_inserted(D.oid) AS tup_inserted,
            pg_stat_get_db_tuples_updated(D.oid) AS tup_updated,
            pg_stat_get_db_tuples_deleted(D.oid) AS tup_deleted,
            pg_stat_get_db_conflict_all(D.oid) AS conflicts,
            pg_stat_get_db_temp_files(D.oid) AS temp_files,
            pg_stat_get_db_temp_bytes(D.oid) AS temp_bytes,
            pg_stat_get_db_deadlocks(D.oid) AS deadlocks,
            pg_stat_get_db_checksum_failures(D.oid) AS checksum_failures,
            pg_stat_get_db_checksum_last_failure(D.oid) AS checksum_last_failure,
            pg_stat_get_db_blk_read_time(D.oid) AS blk_read_time,
            pg_stat_get_db_blk_write_time(D.oid) AS blk_write_time,
            pg_stat_get_db_session_time(D.oid) AS session_time,
            pg_stat_get_db_active_time(D.oid) AS active_time,
            pg_stat_get_db_idle_in_transaction_time(D.oid) AS idle_in_transaction_time,
            pg_stat_get_db_sessions(D.oid) AS sessions,
            pg_stat_get_db_sessions_abandoned(D.oid) AS sessions_abandoned,
            pg_stat_get_db_sessions_fatal(D.oid) AS sessions_fatal,
            pg_stat_get_db_sessions_killed(D.oid) AS sessions_killed,
            pg_stat_get_db_stat_reset_time(D.oid) AS stats_reset
    FROM (
        SELECT 0 AS oid, NULL::name AS datname
        UNION ALL
        SELECT oid, datname FROM pg_database
    ) D;

CREATE VIEW pg_catalog.pg_stat_database_conflicts AS
    SELECT
            D.oid AS datid,
            D.datname AS datname,
            pg_stat_get_db_conflict_tablespace(D.oid) AS confl_tablespace,
            pg_stat_get_db_conflict_lock(D.oid) AS confl_lock,
            pg_stat_get_db_conflict_snapshot(D.oid) AS confl_snapshot,
            pg_stat_get_db_conflict_bufferpin(D.oid) AS confl_bufferpin,
            pg_stat_get_db_conflict_startup_deadlock(D.oid) AS confl_deadlock
    FROM pg_database D;


-- PostgreSQL 15's definition (pg_views deparses it as PostgreSQL does).
CREATE VIEW pg_catalog.pg_group AS
    SELECT
        rolname AS groname,
        oid AS grosysid,
        ARRAY(SELECT member FROM pg_auth_members WHERE roleid = oid) AS grolist
    FROM pg_authid
    WHERE NOT rolcanlogin;

-- Security labels, with PostgreSQL 15's definition.  Tusk has no label
-- providers, so both catalogs stay empty until SECURITY LABEL exists;
-- pg_dump reads the view regardless.
CREATE VIEW pg_catalog.pg_seclabels AS
SELECT
    l.objoid, l.classoid, l.objsubid,
    CASE WHEN rel.relkind IN ('r', 'p') THEN 'table'::text
         WHEN rel.relkind = 'v' THEN 'view'::text
         WHEN rel.relkind = 'm' THEN 'materialized view'::text
         WHEN rel.relkind = 'S' THEN 'sequence'::text
         WHEN rel.relkind = 'f' THEN 'foreign table'::text END AS objtype,
    rel.relnamespace AS objnamespace,
    CASE WHEN pg_table_is_visible(rel.oid)
         THEN quote_ident(rel.relname)
         ELSE quote_ident(nsp.nspname) || '.' || quote_ident(rel.relname)
         END AS objname,
    l.provider, l.label
FROM
    pg_seclabel l
    JOIN pg_class rel ON l.classoid = rel.tableoid AND l.objoid = rel.oid
    JOIN pg_namespace nsp ON rel.relnamespace = nsp.oid
WHERE
    l.objsubid = 0
UNION ALL
SELECT
    l.objoid, l.classoid, l.objsubid,
    'column'::text AS objtype,
    rel.relnamespace AS objnamespace,
    CASE WHEN pg_table_is_visible(rel.oid)
         THEN quote_ident(rel.relname)
         ELSE quote_ident(nsp.nspname) || '.' || quote_ident(rel.relname)
         END || '.' || att.attname AS objname,
    l.provider, l.label
FROM
    pg_seclabel l
    JOIN pg_class rel ON l.classoid = rel.tableoid AND l.objoid = rel.oid
    JOIN pg_attribute att
         ON rel.oid = att.attrelid AND l.objsubid = att.attnum
    JOIN pg_namespace nsp ON rel.relnamespace = nsp.oid
WHERE
    l.objsubid != 0
UNION ALL
SELECT
    l.objoid, l.classoid, l.objsubid,
    CASE pro.prokind
            WHEN 'a' THEN 'aggregate'::text
            WHEN 'f' THEN 'function'::text
            WHEN 'p' THEN 'procedure'::text
            WHEN 'w' THEN 'window'::text END AS objtype,
    pro.pronamespace AS objnamespace,
    CASE WHEN pg_function_is_visible(pro.oid)
         THEN quote_ident(pro.proname)
         ELSE quote_ident(nsp.nspname) || '.' || quote_ident(pro.proname)
    END || '(' || pg_catalog.pg_get_function_arguments(pro.oid) || ')' AS objname,
    l.provider, l.label
FROM
    pg_seclabel l
    JOIN pg_proc pro ON l.classoid = pro.tableoid AND l.objoid = pro.oid
    JOIN pg_namespace nsp ON pro.pronamespace = nsp.oid
WHERE
    l.objsubid = 0
UNION ALL
SELECT
    l.objoid, l.classoid, l.objsubid,
    CASE WHEN typ.typtype = 'd' THEN 'domain'::text
    ELSE 'type'::text END AS objtype,
    typ.typnamespace AS objnamespace,
    CASE WHEN pg_type_is_visible(typ.oid)
    THEN quote_ident(typ.typname)
    ELSE quote_ident(nsp.nspname) || '.' || quote_ident(typ.typname)
    END AS objname,
    l.provider, l.label
FROM
    pg_seclabel l
    JOIN pg_type typ ON l.classoid = typ.tableoid AND l.objoid = typ.oid
    JOIN pg_namespace nsp ON typ.typnamespace = nsp.oid
WHERE
    l.objsubid = 0
UNION ALL
SELECT
    l.objoid, l.classoid, l.objsubid,
    'large object'::text AS objtype,
    NULL::oid AS objnamespace,
    l.objoid::text AS objname,
    l.provider, l.label
FROM
    pg_seclabel l
    JOIN pg_largeobject_metadata lom ON l.objoid = lom.oid
WHERE
    l.classoid = 'pg_catalog.pg_largeobject'::regclass AND l.objsubid = 0
UNION ALL
SELECT
    l.objoid, l.classoid, l.objsubid,
    'language'::text AS objtype,
    NULL::oid AS objnamespace,
    quote_ident(lan.lanname) AS objname,
    l.provider, l.label
FROM
    pg_seclabel l
    JOIN pg_language lan ON l.classoid = lan.tableoid AND l.objoid = lan.oid
WHERE
    l.objsubid = 0
UNION ALL
SELECT
    l.objoid, l.classoid, l.objsubid,
    'schema'::text AS objtype,
    nsp.oid AS objnamespace,
    quote_ident(nsp.nspname) AS objname,
    l.provider, l.label
FROM
    pg_seclabel l
    JOIN pg_namespace nsp ON l.classoid = nsp.tableoid AND l.objoid = nsp.oid
WHERE
    l.objsubid = 0
UNION ALL
SELECT
    l.objoid, l.classoid, l.objsubid,
    'event trigger'::text AS objtype,
    NULL::oid AS objnamespace,
    quote_ident(evt.evtname) AS objname,
    l.provider, l.label
FROM
    pg_seclabel l
    JOIN pg_event_trigger evt ON l.classoid = evt.tableoid
        AND l.objoid = evt.oid
WHERE
    l.objsubid = 0
UNION ALL
SELECT
    l.objoid, l.classoid, l.objsubid,
    'publication'::text AS objtype,
    NULL::oid AS objnamespace,
    quote_ident(p.pubname) AS objname,
    l.provider, l.label
FROM
    pg_seclabel l
    JOIN pg_publication p ON l.classoid = p.tableoid AND l.objoid = p.oid
WHERE
    l.objsubid = 0
UNION ALL
SELECT
    l.objoid, l.classoid, 0::int4 AS objsubid,
    'subscription'::text AS objtype,
    NULL::oid AS objnamespace,
    quote_ident(s.subname) AS objname,
    l.provider, l.label
FROM
    pg_shseclabel l
    JOIN pg_subscription s ON l.classoid = s.tableoid AND l.objoid = s.oid
UNION ALL
SELECT
    l.objoid, l.classoid, 0::int4 AS objsubid,
    'database'::text AS objtype,
    NULL::oid AS objnamespace,
    quote_ident(dat.datname) AS objname,
    l.provider, l.label
FROM
    pg_shseclabel l
    JOIN pg_database dat ON l.classoid = dat.tableoid AND l.objoid = dat.oid
UNION ALL
SELECT
    l.objoid, l.classoid, 0::int4 AS objsubid,
    'tablespace'::text AS objtype,
    NULL::oid AS objnamespace,
    quote_ident(spc.spcname) AS objname,
    l.provider, l.label
FROM
    pg_shseclabel l
    JOIN pg_tablespace spc ON l.classoid = spc.tableoid AND l.objoid = spc.oid
UNION ALL
SELECT
    l.objoid, l.classoid, 0::int4 AS objsubid,
    'role'::text AS objtype,
    NULL::oid AS objnamespace,
    quote_ident(rol.rolname) AS objname,
    l.provider, l.label
FROM
    pg_shseclabel l
    JOIN pg_authid rol ON l.classoid = rol.tableoid AND l.objoid = rol.oid;

-- The session's open cursors (pg_cursor(): utils/mmgr/portalmem.cpp).
CREATE VIEW pg_catalog.pg_cursors AS
    SELECT * FROM pg_catalog.pg_cursor() AS c;

-- Planner statistics per column, with PostgreSQL 15's definition but for
-- WITH (security_barrier), which Tusk's views cannot have yet (view options
-- are 0A000).
CREATE VIEW pg_catalog.pg_stats AS
    SELECT
        nspname AS schemaname,
        relname AS tablename,
        attname AS attname,
        stainherit AS inherited,
        stanullfrac AS null_frac,
        stawidth AS avg_width,
        stadistinct AS n_distinct,
        CASE
            WHEN stakind1 = 1 THEN stavalues1
            WHEN stakind2 = 1 THEN stavalues2
            WHEN stakind3 = 1 THEN stavalues3
            WHEN stakind4 = 1 THEN stavalues4
            WHEN stakind5 = 1 THEN stavalues5
        END AS most_common_vals,
        CASE
            WHEN stakind1 = 1 THEN stanumbers1
            WHEN stakind2 = 1 THEN stanumbers2
            WHEN stakind3 = 1 THEN stanumbers3
            WHEN stakind4 = 1 THEN stanumbers4
            WHEN stakind5 = 1 THEN stanumbers5
        END AS most_common_freqs,
        CASE
            WHEN stakind1 = 2 THEN stavalues1
            WHEN stakind2 = 2 THEN stavalues2
            WHEN stakind3 = 2 THEN stavalues3
            WHEN stakind4 = 2 THEN stavalues4
            WHEN stakind5 = 2 THEN stavalues5
        END AS histogram_bounds,
        CASE
            WHEN stakind1 = 3 THEN stanumbers1[1]
            WHEN stakind2 = 3 THEN stanumbers2[1]
            WHEN stakind3 = 3 THEN stanumbers3[1]
            WHEN stakind4 = 3 THEN stanumbers4[1]
            WHEN stakind5 = 3 THEN stanumbers5[1]
        END AS correlation,
        CASE
            WHEN stakind1 = 4 THEN stavalues1
            WHEN stakind2 = 4 THEN stavalues2
            WHEN stakind3 = 4 THEN stavalues3
            WHEN stakind4 = 4 THEN stavalues4
            WHEN stakind5 = 4 THEN stavalues5
        END AS most_common_elems,
        CASE
            WHEN stakind1 = 4 THEN stanumbers1
            WHEN stakind2 = 4 THEN stanumbers2
            WHEN stakind3 = 4 THEN stanumbers3
            WHEN stakind4 = 4 THEN stanumbers4
            WHEN stakind5 = 4 THEN stanumbers5
        END AS most_common_elem_freqs,
        CASE
            WHEN stakind1 = 5 THEN stanumbers1
            WHEN stakind2 = 5 THEN stanumbers2
            WHEN stakind3 = 5 THEN stanumbers3
            WHEN stakind4 = 5 THEN stanumbers4
            WHEN stakind5 = 5 THEN stanumbers5
        END AS elem_count_histogram
    FROM pg_statistic s JOIN pg_class c ON (c.oid = s.starelid)
         JOIN pg_attribute a ON (c.oid = attrelid AND attnum = s.staattnum)
         LEFT JOIN pg_namespace n ON (n.oid = c.relnamespace)
    WHERE NOT attisdropped
    AND has_column_privilege(c.oid, a.attnum, 'select')
    AND (c.relrowsecurity = false OR NOT row_security_active(c.oid));

-- The initial privileges of the schemas PostgreSQL's initdb grants on
-- (GRANT USAGE ON SCHEMA pg_catalog, public, information_schema TO PUBLIC: the owner's
-- default privileges plus USAGE for PUBLIC), recorded in pg_init_privs as
-- its initdb records them.  pg_dump compares a schema's ACL with these (for
-- public with this value whatever pg_init_privs says), so without them
-- every dump would REVOKE USAGE ON SCHEMA public FROM PUBLIC.  (PostgreSQL's
-- initdb records no pg_init_privs row for information_schema.)
UPDATE pg_catalog.pg_namespace
   SET nspacl = pg_catalog.acldefault('n', nspowner) ||
                pg_catalog.makeaclitem(0, nspowner, 'USAGE', false)
 WHERE nspname IN ('pg_catalog', 'public', 'information_schema');
INSERT INTO pg_catalog.pg_init_privs (objoid, classoid, objsubid, privtype, initprivs)
SELECT oid, 'pg_catalog.pg_namespace'::pg_catalog.regclass, 0, 'i', nspacl
  FROM pg_catalog.pg_namespace
 WHERE nspname IN ('pg_catalog', 'public');

-- The catalogs' and system views' initial privileges, as PostgreSQL's initdb
-- leaves them: SELECT for PUBLIC on every table, view and sequence of
-- pg_catalog, except those that hold passwords, statistics on data, or the
-- server's files (owner only), pg_settings (PUBLIC may also UPDATE it),
-- and two views for pg_read_all_stats.  pg_subscription's columns but its
-- connection string are readable by PUBLIC.  Functions that read files,
-- reset statistics or control the server are the owner's (and some
-- pg_monitor's or pg_read_all_stats's) to execute.  The template databases
-- give PUBLIC CONNECT only.  pg_init_privs records all of it, so pg_dump
-- dumps only what changes afterwards.  (Nothing is enforced yet but
-- CREATE on schemas and databases: has_*_privilege and psql's \dp read it.)
UPDATE pg_catalog.pg_class
   SET relacl = pg_catalog.acldefault((CASE WHEN relkind = 'S' THEN 's' ELSE 'r' END)::"char", relowner) ||
       CASE WHEN relname IN ('pg_authid', 'pg_largeobject', 'pg_statistic',
                             'pg_statistic_ext_data', 'pg_subscription', 'pg_user_mapping',
                             'pg_config', 'pg_file_settings', 'pg_hba_file_rules',
                             'pg_ident_file_mappings', 'pg_replication_origin_status',
                             'pg_shadow')
                 THEN '{}'::pg_catalog.aclitem[]
            WHEN relname = 'pg_settings'
                 THEN ARRAY[('=rw/' || pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(relowner)))::pg_catalog.aclitem]
            WHEN relname IN ('pg_backend_memory_contexts', 'pg_shmem_allocations')
                 THEN ARRAY[pg_catalog.makeaclitem('pg_read_all_stats'::pg_catalog.regrole, relowner, 'SELECT', false)]
            ELSE ARRAY[pg_catalog.makeaclitem(0, relowner, 'SELECT', false)]
       END
 WHERE relnamespace = 'pg_catalog'::pg_catalog.regnamespace
   AND relkind IN ('r', 'v', 'm', 'S') AND relacl IS NULL;
UPDATE pg_catalog.pg_attribute
   SET attacl = ARRAY[pg_catalog.makeaclitem(0, 10, 'SELECT', false)]
 WHERE attrelid = 'pg_catalog.pg_subscription'::pg_catalog.regclass
   AND attname IN ('oid', 'subdbid', 'subskiplsn', 'subname', 'subowner', 'subenabled',
                   'subbinary', 'substream', 'subtwophasestate', 'subdisableonerr',
                   'subslotname', 'subsynccommit', 'subpublications');
UPDATE pg_catalog.pg_proc p
   SET proacl = ARRAY[pg_catalog.makeaclitem(p.proowner, p.proowner, 'EXECUTE', false)] ||
       CASE WHEN r.role IS NULL THEN '{}'::pg_catalog.aclitem[]
            ELSE ARRAY[pg_catalog.makeaclitem(r.role::pg_catalog.regrole, p.proowner, 'EXECUTE', false)]
       END
  FROM (VALUES (3353, 'pg_monitor'), (3354, 'pg_monitor'), (5029, 'pg_monitor'),
               (5030, 'pg_monitor'), (5031, 'pg_monitor'), (6270, 'pg_monitor'),
               (6271, 'pg_monitor'), (6272, 'pg_monitor'),
               (2282, 'pg_read_all_stats'), (5052, 'pg_read_all_stats'),
               (764, NULL), (765, NULL), (767, NULL), (2172, NULL), (2274, NULL), (2307, NULL),
               (2621, NULL), (2622, NULL), (2623, NULL), (2624, NULL), (2625, NULL), (2739, NULL),
               (2848, NULL), (3071, NULL), (3072, NULL), (3098, NULL), (3293, NULL), (3295, NULL),
               (3297, NULL), (3307, NULL), (3329, NULL), (3400, NULL), (3401, NULL), (3436, NULL),
               (3775, NULL), (3776, NULL), (3777, NULL), (3800, NULL), (3801, NULL), (3826, NULL),
               (3827, NULL), (3828, NULL), (4543, NULL), (6003, NULL), (6004, NULL), (6005, NULL),
               (6006, NULL), (6007, NULL), (6008, NULL), (6009, NULL), (6010, NULL), (6011, NULL),
               (6012, NULL), (6013, NULL), (6014, NULL), (6170, NULL), (6230, NULL), (6232, NULL),
               (6250, NULL)) AS r (oid, role)
 WHERE p.oid = r.oid;
UPDATE pg_catalog.pg_database
   SET datacl = ARRAY[pg_catalog.makeaclitem(0, datdba, 'CONNECT', false),
                      (pg_catalog.acldefault('d', datdba))[2]]
 WHERE datname IN ('template0', 'template1');
INSERT INTO pg_catalog.pg_init_privs (objoid, classoid, objsubid, privtype, initprivs)
SELECT oid, 'pg_catalog.pg_class'::pg_catalog.regclass, 0, 'i', relacl
  FROM pg_catalog.pg_class
 WHERE relacl IS NOT NULL AND relkind IN ('r', 'v', 'm', 'S')
UNION ALL
SELECT attrelid, 'pg_catalog.pg_class'::pg_catalog.regclass, attnum, 'i', attacl
  FROM pg_catalog.pg_attribute
 WHERE attacl IS NOT NULL
UNION ALL
SELECT oid, 'pg_catalog.pg_proc'::pg_catalog.regclass, 0, 'i', proacl
  FROM pg_catalog.pg_proc
 WHERE proacl IS NOT NULL;
