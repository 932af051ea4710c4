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
    SELECT a.rolname, a.rolsuper, a.rolinherit, a.rolcreaterole, a.rolcreatedb,
           a.rolcanlogin, a.rolreplication, a.rolconnlimit,
           '********'::text AS rolpassword,
           a.rolvaliduntil, a.rolbypassrls,
           s.setconfig AS rolconfig,
           a.oid
      FROM pg_catalog.pg_authid a
           LEFT JOIN pg_catalog.pg_db_role_setting s
                  ON a.oid = s.setrole AND s.setdatabase = 0;

CREATE VIEW pg_catalog.pg_shadow AS
    SELECT a.rolname AS usename, a.oid AS usesysid, a.rolcreatedb AS usecreatedb,
           a.rolsuper AS usesuper, a.rolreplication AS userepl,
           a.rolbypassrls AS usebypassrls, a.rolpassword AS passwd,
           a.rolvaliduntil AS valuntil, s.setconfig AS useconfig
      FROM pg_catalog.pg_authid a
           LEFT JOIN pg_catalog.pg_db_role_setting s
                  ON a.oid = s.setrole AND s.setdatabase = 0
     WHERE a.rolcanlogin;

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

-- Security labels of the objects Tusk has (relations, columns, functions,
-- types, schemas; databases and roles in pg_shseclabel), with PostgreSQL
-- 15's columns.  Tusk has no label providers, so both catalogs are empty
-- until SECURITY LABEL exists; pg_dump reads the view regardless.
CREATE VIEW pg_catalog.pg_seclabels AS
    SELECT l.objoid, l.classoid, l.objsubid,
           CASE WHEN rel.relkind IN ('r', 'p') THEN 'table'::text
                WHEN rel.relkind = 'v' THEN 'view'::text
                WHEN rel.relkind = 'm' THEN 'materialized view'::text
                WHEN rel.relkind = 'S' THEN 'sequence'::text
                WHEN rel.relkind = 'f' THEN 'foreign table'::text END AS objtype,
           rel.relnamespace AS objnamespace,
           CASE WHEN pg_catalog.pg_table_is_visible(rel.oid)
                THEN pg_catalog.quote_ident(rel.relname)
                ELSE pg_catalog.quote_ident(nsp.nspname) || '.' || pg_catalog.quote_ident(rel.relname)
           END AS objname,
           l.provider, l.label
      FROM pg_catalog.pg_seclabel l
           JOIN pg_catalog.pg_class rel ON l.classoid = rel.tableoid AND l.objoid = rel.oid
           JOIN pg_catalog.pg_namespace nsp ON rel.relnamespace = nsp.oid
     WHERE l.objsubid = 0
    UNION ALL
    SELECT l.objoid, l.classoid, l.objsubid, 'column'::text,
           rel.relnamespace,
           CASE WHEN pg_catalog.pg_table_is_visible(rel.oid)
                THEN pg_catalog.quote_ident(rel.relname)
                ELSE pg_catalog.quote_ident(nsp.nspname) || '.' || pg_catalog.quote_ident(rel.relname)
           END || '.' || att.attname,
           l.provider, l.label
      FROM pg_catalog.pg_seclabel l
           JOIN pg_catalog.pg_class rel ON l.classoid = rel.tableoid AND l.objoid = rel.oid
           JOIN pg_catalog.pg_attribute att ON rel.oid = att.attrelid AND l.objsubid = att.attnum
           JOIN pg_catalog.pg_namespace nsp ON rel.relnamespace = nsp.oid
     WHERE l.objsubid != 0
    UNION ALL
    SELECT l.objoid, l.classoid, l.objsubid,
           CASE pro.prokind WHEN 'a' THEN 'aggregate'::text WHEN 'f' THEN 'function'::text
                            WHEN 'p' THEN 'procedure'::text WHEN 'w' THEN 'window'::text END,
           pro.pronamespace,
           CASE WHEN pg_catalog.pg_function_is_visible(pro.oid)
                THEN pg_catalog.quote_ident(pro.proname)
                ELSE pg_catalog.quote_ident(nsp.nspname) || '.' || pg_catalog.quote_ident(pro.proname)
           END || '(' || pg_catalog.pg_get_function_arguments(pro.oid) || ')',
           l.provider, l.label
      FROM pg_catalog.pg_seclabel l
           JOIN pg_catalog.pg_proc pro ON l.classoid = pro.tableoid AND l.objoid = pro.oid
           JOIN pg_catalog.pg_namespace nsp ON pro.pronamespace = nsp.oid
     WHERE l.objsubid = 0
    UNION ALL
    SELECT l.objoid, l.classoid, l.objsubid,
           CASE WHEN typ.typtype = 'd' THEN 'domain'::text ELSE 'type'::text END,
           typ.typnamespace,
           CASE WHEN pg_catalog.pg_type_is_visible(typ.oid)
                THEN pg_catalog.quote_ident(typ.typname)
                ELSE pg_catalog.quote_ident(nsp.nspname) || '.' || pg_catalog.quote_ident(typ.typname)
           END,
           l.provider, l.label
      FROM pg_catalog.pg_seclabel l
           JOIN pg_catalog.pg_type typ ON l.classoid = typ.tableoid AND l.objoid = typ.oid
           JOIN pg_catalog.pg_namespace nsp ON typ.typnamespace = nsp.oid
     WHERE l.objsubid = 0
    UNION ALL
    SELECT l.objoid, l.classoid, l.objsubid, 'schema'::text,
           nsp.oid, pg_catalog.quote_ident(nsp.nspname), l.provider, l.label
      FROM pg_catalog.pg_seclabel l
           JOIN pg_catalog.pg_namespace nsp ON l.classoid = nsp.tableoid AND l.objoid = nsp.oid
     WHERE l.objsubid = 0
    UNION ALL
    SELECT l.objoid, l.classoid, 0::int4, 'database'::text,
           NULL::oid, pg_catalog.quote_ident(dat.datname), l.provider, l.label
      FROM pg_catalog.pg_shseclabel l
           JOIN pg_catalog.pg_database dat ON l.classoid = dat.tableoid AND l.objoid = dat.oid
    UNION ALL
    SELECT l.objoid, l.classoid, 0::int4, 'role'::text,
           NULL::oid, pg_catalog.quote_ident(rol.rolname), l.provider, l.label
      FROM pg_catalog.pg_shseclabel l
           JOIN pg_catalog.pg_authid rol ON l.classoid = rol.tableoid AND l.objoid = rol.oid;

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

-- last_value is shown where PostgreSQL checks has_sequence_privilege(…,
-- 'SELECT,USAGE'); Tusk has no object privileges yet, so the test is the
-- one they would reduce to: the user owns the sequence or is a superuser
-- (a join rather than a sublink, which pg_get_viewdef cannot print yet).
CREATE VIEW pg_catalog.pg_sequences AS
    SELECT n.nspname AS schemaname, c.relname AS sequencename,
           pg_catalog.pg_get_userbyid(c.relowner) AS sequenceowner,
           s.seqtypid::pg_catalog.regtype AS data_type,
           s.seqstart AS start_value, s.seqmin AS min_value,
           s.seqmax AS max_value, s.seqincrement AS increment_by,
           s.seqcycle AS cycle, s.seqcache AS cache_size,
           CASE
               WHEN u.rolsuper OR u.oid = c.relowner
                   THEN pg_catalog.pg_sequence_last_value(c.oid)
               ELSE NULL
           END AS last_value
      FROM pg_catalog.pg_sequence s
           JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
           JOIN pg_catalog.pg_authid u ON u.rolname = CURRENT_USER
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
