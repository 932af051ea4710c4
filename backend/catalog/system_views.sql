--
-- system_views.sql — initdb's post-bootstrap script: the system views.
--
-- Run by `postgres --boot -s` in template1 (tcop/standalone.cpp), before
-- template0 and postgres are copied from it, so every database has these
-- views.  Each view has PostgreSQL 15's name, schema (pg_catalog), column
-- names, types and order; the rows come from the same catalogs.
--
-- Not here yet: pg_indexes (needs pg_get_indexdef), pg_sequences (needs
-- has_sequence_privilege and pg_sequence_last_value).
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

CREATE VIEW pg_catalog.pg_group AS
    SELECT a.rolname AS groname, a.oid AS grosysid,
           ARRAY(SELECT m.member FROM pg_catalog.pg_auth_members m
                  WHERE m.roleid = a.oid) AS grolist
      FROM pg_catalog.pg_authid a
     WHERE NOT a.rolcanlogin;
