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
RESET ROLE;

DROP SCHEMA isch2_own CASCADE;
DROP SCHEMA isch2 CASCADE;
DROP ROLE regress_isch2_user;
DROP ROLE regress_isch2_group;
