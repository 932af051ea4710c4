-- What pg_dump and the scripts it writes need beyond plain SQL: the
-- settings they set (with their effects where Tusk has them) and the
-- catalog functions its queries call.
SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
SET default_tablespace = '';
SET default_table_access_method = heap;
SET synchronize_seqscans TO off;
SET search_path = public;
SHOW lock_timeout;
SHOW idle_in_transaction_session_timeout;
SHOW idle_session_timeout;
SHOW check_function_bodies;
SHOW xmloption;
SHOW row_security;
SHOW default_tablespace;
SHOW default_table_access_method;
SHOW synchronize_seqscans;
SET lock_timeout = '2s';
SHOW lock_timeout;
SET idle_session_timeout = '1min';
SHOW idle_session_timeout;
RESET lock_timeout;
RESET idle_session_timeout;
RESET client_min_messages;

-- Bad values.
SET lock_timeout = -1;
SET xmloption = fragment;
SET default_tablespace = nosuchspace;
SET default_table_access_method = nosucham;
SET default_table_access_method = '';
SET row_security = maybe;

-- With check_function_bodies off, an SQL function's body is not checked
-- when it is created (objects it names may be created later).
CREATE FUNCTION dump_settings_later() RETURNS bigint LANGUAGE sql
  AS 'SELECT count(*) FROM dump_settings_t';
CREATE TABLE dump_settings_t (a int);
INSERT INTO dump_settings_t VALUES (1), (2);
SELECT dump_settings_later();
SET check_function_bodies = on;
CREATE FUNCTION dump_settings_bad() RETURNS bigint LANGUAGE sql
  AS 'SELECT count(*) FROM dump_settings_missing';
CREATE FUNCTION dump_settings_syntax() RETURNS int LANGUAGE sql AS 'SELEC 1';
SET check_function_bodies = off;
CREATE FUNCTION dump_settings_syntax() RETURNS int LANGUAGE sql AS 'SELEC 1';
SELECT proname FROM pg_proc WHERE proname LIKE 'dump_settings%' ORDER BY 1;
RESET check_function_bodies;
DROP FUNCTION dump_settings_later(), dump_settings_syntax();
DROP TABLE dump_settings_t;
RESET search_path;

-- name, a fixed-length array of char, subscripted from 0 (pg_dump's
-- typname[0] = '_'); out of range is NULL; slices are refused.
SELECT typname, typname[0] AS first, typname[2] AS third, typname[63] AS last,
       typname[64] AS past, typname[-1] AS before
FROM pg_type WHERE oid = 'int4'::regtype;
SELECT typname FROM pg_type WHERE typname[0] = '_' AND typelem = 'int4'::regtype;
SELECT typname[0:1] FROM pg_type WHERE oid = 'int4'::regtype;
SELECT typname[1][1] FROM pg_type WHERE oid = 'int4'::regtype;

-- Generic options arrays as name/value rows.
SELECT * FROM pg_options_to_table('{a=1,b,c=x=y,=z}');
SELECT * FROM pg_options_to_table(NULL);
SELECT * FROM pg_options_to_table('{a=1,NULL}');
SELECT count(*) FROM pg_attribute a, pg_options_to_table(a.attfdwoptions);


-- A function that is never reached is never called: over no rows, or in
-- a CASE branch no row takes.
SELECT to_tsvector(relname::text) FROM pg_class WHERE relname = 'no such relation';
SELECT CASE WHEN relname = 'no such relation' THEN to_tsvector(relname::text)::text ELSE 'none' END
FROM pg_class WHERE relname = 'pg_class';
