--
-- information_schema.sql — initdb's second post-bootstrap script: the SQL
-- standard's information schema, as PostgreSQL 15 presents it.
--
-- Run after system_views.sql by `postgres --boot -s … -s …` in template1
-- (tcop/standalone.cpp).  The schema, its domains, helper functions and
-- views have PostgreSQL 15's names, signatures, column names, types and
-- order, and show what PostgreSQL's show to the same user; the definitions
-- are Tusk's own, written from the standard's descriptions.
--
-- Differences from PostgreSQL (doc/sql.md, "System views"):
--   * Tusk's views are not updatable: is_insertable_into and is_updatable
--     are NO for views.
--   * routines.routine_definition is prosrc, which for a RETURN or BEGIN
--     ATOMIC body is its text in Tusk (empty in PostgreSQL).
--   * No sql_features, sql_implementation_info, sql_parts, sql_sizing.
--

-- The schema itself is a bootstrap row (catalog/data/pg_namespace.jsonl,
-- Tusk's OID 9090): the built-in _pg_expandarray lives in it.

-- Helper functions, PostgreSQL 15's names and signatures.  A "true" type is
-- a column's type, or a domain's base type for a column of a domain; the
-- others read a type's modifier the way its input function wrote it.

-- The position of table column $2 in index $1's key, NULL when absent.
CREATE FUNCTION information_schema._pg_index_position(oid, smallint) RETURNS integer
    LANGUAGE sql STRICT STABLE
BEGIN ATOMIC
    SELECT (k.e).n
      FROM (SELECT information_schema._pg_expandarray(i.indkey) AS e
              FROM pg_catalog.pg_index i
             WHERE i.indexrelid = $1) k
     WHERE (k.e).x = $2;
END;

CREATE FUNCTION information_schema._pg_truetypid(pg_catalog.pg_attribute, pg_catalog.pg_type)
    RETURNS oid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
RETURN (CASE WHEN $2.typtype = 'd' THEN $2.typbasetype ELSE $1.atttypid END);

CREATE FUNCTION information_schema._pg_truetypmod(pg_catalog.pg_attribute, pg_catalog.pg_type)
    RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
RETURN (CASE WHEN $2.typtype = 'd' THEN $2.typtypmod ELSE $1.atttypmod END);

-- character and character varying: the typmod is the length + 4 (the
-- varlena header); bit and bit varying: the length itself.
CREATE FUNCTION information_schema._pg_char_max_length(typid oid, typmod integer)
    RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
RETURN (CASE WHEN typmod = -1 THEN NULL
             WHEN typid IN (1042, 1043) THEN typmod - 4
             WHEN typid IN (1560, 1562) THEN typmod
        END);

-- Octets: characters times the database encoding's longest character; an
-- unlimited string may hold 1 GB.
CREATE FUNCTION information_schema._pg_char_octet_length(typid oid, typmod integer)
    RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
RETURN (CASE WHEN typid IN (25, 1042, 1043)
             THEN (CASE WHEN typmod = -1 THEN 1073741824
                        ELSE information_schema._pg_char_max_length(typid, typmod)
                             * pg_catalog.pg_encoding_max_length(
                                   pg_catalog.pg_char_to_encoding(pg_catalog.getdatabaseencoding()))
                   END)
        END);

-- Binary digits for the integer and floating-point types (float4 and
-- float8 mantissas: 24 and 53); decimal digits from numeric's typmod,
-- ((precision << 16) | scale) + 4.
CREATE FUNCTION information_schema._pg_numeric_precision(typid oid, typmod integer)
    RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
RETURN (CASE typid
             WHEN 21 THEN 16
             WHEN 23 THEN 32
             WHEN 20 THEN 64
             WHEN 700 THEN 24
             WHEN 701 THEN 53
             WHEN 1700 THEN (CASE WHEN typmod = -1 THEN NULL
                                  ELSE ((typmod - 4) >> 16) & 65535
                             END)
        END);

CREATE FUNCTION information_schema._pg_numeric_precision_radix(typid oid, typmod integer)
    RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
RETURN (CASE WHEN typid IN (21, 23, 20, 700, 701) THEN 2
             WHEN typid = 1700 THEN 10
        END);

CREATE FUNCTION information_schema._pg_numeric_scale(typid oid, typmod integer)
    RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
RETURN (CASE WHEN typid IN (21, 23, 20) THEN 0
             WHEN typid = 1700 THEN (CASE WHEN typmod = -1 THEN NULL
                                          ELSE (typmod - 4) & 65535
                                     END)
        END);

-- Fractional-second digits: date has none; time, timestamp and their
-- "with time zone" forms keep the typmod (6 by default); interval keeps it
-- in the low 16 bits (65535: not given).
CREATE FUNCTION information_schema._pg_datetime_precision(typid oid, typmod integer)
    RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
RETURN (CASE WHEN typid = 1082 THEN 0
             WHEN typid IN (1083, 1114, 1184, 1266)
                  THEN (CASE WHEN typmod < 0 THEN 6 ELSE typmod END)
             WHEN typid = 1186
                  THEN (CASE WHEN typmod < 0 OR typmod & 65535 = 65535 THEN 6
                             ELSE typmod & 65535
                        END)
        END);

-- An interval's fields ("HOUR TO MINUTE"), read off format_type's text.
CREATE FUNCTION information_schema._pg_interval_type(typid oid, mod integer)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
RETURN (CASE WHEN typid = 1186
             THEN pg_catalog.upper(substring(pg_catalog.format_type(typid, mod)
                                             similar 'interval[()0-9]* #"%#"' escape '#'))
        END);

-- The standard's domains.
CREATE DOMAIN information_schema.cardinal_number AS integer
    CONSTRAINT cardinal_number_domain_check CHECK (VALUE >= 0);

CREATE DOMAIN information_schema.character_data AS character varying COLLATE "C";

CREATE DOMAIN information_schema.sql_identifier AS name COLLATE "C";

CREATE DOMAIN information_schema.time_stamp AS timestamp(2) with time zone
    DEFAULT current_timestamp(2);

CREATE DOMAIN information_schema.yes_or_no AS character varying(3) COLLATE "C"
    CONSTRAINT yes_or_no_check CHECK (VALUE IN ('YES', 'NO'));

-- One row per schema.
CREATE VIEW information_schema.schemata AS
    SELECT current_database()::information_schema.sql_identifier AS catalog_name,
           n.nspname::information_schema.sql_identifier AS schema_name,
           u.rolname::information_schema.sql_identifier AS schema_owner,
           NULL::information_schema.sql_identifier AS default_character_set_catalog,
           NULL::information_schema.sql_identifier AS default_character_set_schema,
           NULL::information_schema.sql_identifier AS default_character_set_name,
           NULL::information_schema.character_data AS sql_path
      FROM pg_catalog.pg_namespace n
           JOIN pg_catalog.pg_authid u ON n.nspowner = u.oid
     WHERE pg_catalog.pg_has_role(n.nspowner, 'USAGE')
        OR pg_catalog.has_schema_privilege(n.oid, 'CREATE, USAGE');

-- One row per table, view and foreign table.
CREATE VIEW information_schema.tables AS
    SELECT current_database()::information_schema.sql_identifier AS table_catalog,
           nc.nspname::information_schema.sql_identifier AS table_schema,
           c.relname::information_schema.sql_identifier AS table_name,
           (CASE WHEN nc.oid = pg_catalog.pg_my_temp_schema() THEN 'LOCAL TEMPORARY'
                 WHEN c.relkind IN ('r', 'p') THEN 'BASE TABLE'
                 WHEN c.relkind = 'v' THEN 'VIEW'
                 WHEN c.relkind = 'f' THEN 'FOREIGN'
            END)::information_schema.character_data AS table_type,
           NULL::information_schema.sql_identifier AS self_referencing_column_name,
           NULL::information_schema.character_data AS reference_generation,
           (CASE WHEN t.typname IS NOT NULL THEN current_database()
            END)::information_schema.sql_identifier AS user_defined_type_catalog,
           nt.nspname::information_schema.sql_identifier AS user_defined_type_schema,
           t.typname::information_schema.sql_identifier AS user_defined_type_name,
           (CASE WHEN c.relkind IN ('r', 'p') THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS is_insertable_into,
           (CASE WHEN t.typname IS NOT NULL THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS is_typed,
           NULL::information_schema.character_data AS commit_action
      FROM pg_catalog.pg_namespace nc
           JOIN pg_catalog.pg_class c ON nc.oid = c.relnamespace
           LEFT JOIN pg_catalog.pg_type t ON c.reloftype = t.oid
           LEFT JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
     WHERE c.relkind IN ('r', 'v', 'f', 'p')
       AND NOT pg_catalog.pg_is_other_temp_schema(nc.oid)
       AND (pg_catalog.pg_has_role(c.relowner, 'USAGE')
            OR pg_catalog.has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
            OR pg_catalog.has_any_column_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES'));

-- One row per view, with its defining query.
CREATE VIEW information_schema.views AS
    SELECT current_database()::information_schema.sql_identifier AS table_catalog,
           nc.nspname::information_schema.sql_identifier AS table_schema,
           c.relname::information_schema.sql_identifier AS table_name,
           (CASE WHEN pg_catalog.pg_has_role(c.relowner, 'USAGE') THEN pg_catalog.pg_get_viewdef(c.oid)
            END)::information_schema.character_data AS view_definition,
           'NONE'::information_schema.character_data AS check_option,
           'NO'::information_schema.yes_or_no AS is_updatable,
           'NO'::information_schema.yes_or_no AS is_insertable_into,
           'NO'::information_schema.yes_or_no AS is_trigger_updatable,
           'NO'::information_schema.yes_or_no AS is_trigger_deletable,
           'NO'::information_schema.yes_or_no AS is_trigger_insertable_into
      FROM pg_catalog.pg_namespace nc
           JOIN pg_catalog.pg_class c ON nc.oid = c.relnamespace
     WHERE c.relkind = 'v'
       AND NOT pg_catalog.pg_is_other_temp_schema(nc.oid)
       AND (pg_catalog.pg_has_role(c.relowner, 'USAGE')
            OR pg_catalog.has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
            OR pg_catalog.has_any_column_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES'));

-- One row per column of a table, view or foreign table.  A column of a
-- domain describes the domain's base type and names the domain.
CREATE VIEW information_schema.columns AS
    SELECT current_database()::information_schema.sql_identifier AS table_catalog,
           nc.nspname::information_schema.sql_identifier AS table_schema,
           c.relname::information_schema.sql_identifier AS table_name,
           a.attname::information_schema.sql_identifier AS column_name,
           a.attnum::information_schema.cardinal_number AS ordinal_position,
           (CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)
            END)::information_schema.character_data AS column_default,
           (CASE WHEN a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) THEN 'NO' ELSE 'YES'
            END)::information_schema.yes_or_no AS is_nullable,
           (CASE WHEN coalesce(bt.typelem, t.typelem) <> 0
                      AND coalesce(bt.typlen, t.typlen) = -1 THEN 'ARRAY'
                 WHEN coalesce(nbt.nspname, nt.nspname) = 'pg_catalog'
                      THEN pg_catalog.format_type(coalesce(bt.oid, t.oid), NULL)
                 ELSE 'USER-DEFINED'
            END)::information_schema.character_data AS data_type,
           information_schema._pg_char_max_length(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.cardinal_number
               AS character_maximum_length,
           information_schema._pg_char_octet_length(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.cardinal_number
               AS character_octet_length,
           information_schema._pg_numeric_precision(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.cardinal_number
               AS numeric_precision,
           information_schema._pg_numeric_precision_radix(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.cardinal_number
               AS numeric_precision_radix,
           information_schema._pg_numeric_scale(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.cardinal_number
               AS numeric_scale,
           information_schema._pg_datetime_precision(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.cardinal_number
               AS datetime_precision,
           information_schema._pg_interval_type(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.character_data
               AS interval_type,
           NULL::information_schema.cardinal_number AS interval_precision,
           NULL::information_schema.sql_identifier AS character_set_catalog,
           NULL::information_schema.sql_identifier AS character_set_schema,
           NULL::information_schema.sql_identifier AS character_set_name,
           (CASE WHEN nco.nspname IS NOT NULL THEN current_database()
            END)::information_schema.sql_identifier AS collation_catalog,
           nco.nspname::information_schema.sql_identifier AS collation_schema,
           co.collname::information_schema.sql_identifier AS collation_name,
           (CASE WHEN t.typtype = 'd' THEN current_database()
            END)::information_schema.sql_identifier AS domain_catalog,
           (CASE WHEN t.typtype = 'd' THEN nt.nspname
            END)::information_schema.sql_identifier AS domain_schema,
           (CASE WHEN t.typtype = 'd' THEN t.typname
            END)::information_schema.sql_identifier AS domain_name,
           current_database()::information_schema.sql_identifier AS udt_catalog,
           coalesce(nbt.nspname, nt.nspname)::information_schema.sql_identifier AS udt_schema,
           coalesce(bt.typname, t.typname)::information_schema.sql_identifier AS udt_name,
           NULL::information_schema.sql_identifier AS scope_catalog,
           NULL::information_schema.sql_identifier AS scope_schema,
           NULL::information_schema.sql_identifier AS scope_name,
           NULL::information_schema.cardinal_number AS maximum_cardinality,
           a.attnum::information_schema.sql_identifier AS dtd_identifier,
           'NO'::information_schema.yes_or_no AS is_self_referencing,
           (CASE WHEN a.attidentity IN ('a', 'd') THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS is_identity,
           (CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT'
            END)::information_schema.character_data AS identity_generation,
           (CASE WHEN a.attidentity IN ('a', 'd') THEN seq.seqstart
            END)::information_schema.character_data AS identity_start,
           (CASE WHEN a.attidentity IN ('a', 'd') THEN seq.seqincrement
            END)::information_schema.character_data AS identity_increment,
           (CASE WHEN a.attidentity IN ('a', 'd') THEN seq.seqmax
            END)::information_schema.character_data AS identity_maximum,
           (CASE WHEN a.attidentity IN ('a', 'd') THEN seq.seqmin
            END)::information_schema.character_data AS identity_minimum,
           (CASE WHEN a.attidentity IN ('a', 'd') AND seq.seqcycle THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS identity_cycle,
           (CASE WHEN a.attgenerated <> '' THEN 'ALWAYS' ELSE 'NEVER'
            END)::information_schema.character_data AS is_generated,
           (CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)
            END)::information_schema.character_data AS generation_expression,
           (CASE WHEN c.relkind IN ('r', 'p') THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS is_updatable
      FROM pg_catalog.pg_attribute a
           JOIN pg_catalog.pg_class c ON a.attrelid = c.oid
           JOIN pg_catalog.pg_namespace nc ON c.relnamespace = nc.oid
           JOIN pg_catalog.pg_type t ON a.atttypid = t.oid
           JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
           LEFT JOIN pg_catalog.pg_attrdef ad ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
           LEFT JOIN pg_catalog.pg_type bt ON t.typtype = 'd' AND t.typbasetype = bt.oid
           LEFT JOIN pg_catalog.pg_namespace nbt ON bt.typnamespace = nbt.oid
           LEFT JOIN pg_catalog.pg_collation co ON a.attcollation = co.oid
                     AND NOT (co.collnamespace = 11 AND co.collname = 'default')
           LEFT JOIN pg_catalog.pg_namespace nco ON co.collnamespace = nco.oid
           LEFT JOIN pg_catalog.pg_depend dep
                  ON dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = c.oid
                 AND dep.refobjsubid = a.attnum AND dep.classid = 'pg_catalog.pg_class'::regclass
                 AND dep.deptype = 'i'
           LEFT JOIN pg_catalog.pg_sequence seq ON dep.objid = seq.seqrelid
     WHERE a.attnum > 0 AND NOT a.attisdropped
       AND c.relkind IN ('r', 'v', 'f', 'p')
       AND NOT pg_catalog.pg_is_other_temp_schema(nc.oid)
       AND (pg_catalog.pg_has_role(c.relowner, 'USAGE')
            OR pg_catalog.has_column_privilege(c.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES'));

-- One row per CHECK, PRIMARY KEY, UNIQUE and FOREIGN KEY constraint of a
-- table, and one CHECK per NOT NULL column.
CREATE VIEW information_schema.table_constraints AS
    SELECT current_database()::information_schema.sql_identifier AS constraint_catalog,
           nc.nspname::information_schema.sql_identifier AS constraint_schema,
           c.conname::information_schema.sql_identifier AS constraint_name,
           current_database()::information_schema.sql_identifier AS table_catalog,
           nr.nspname::information_schema.sql_identifier AS table_schema,
           r.relname::information_schema.sql_identifier AS table_name,
           (CASE c.contype WHEN 'c' THEN 'CHECK'
                           WHEN 'f' THEN 'FOREIGN KEY'
                           WHEN 'p' THEN 'PRIMARY KEY'
                           WHEN 'u' THEN 'UNIQUE'
            END)::information_schema.character_data AS constraint_type,
           (CASE WHEN c.condeferrable THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS is_deferrable,
           (CASE WHEN c.condeferred THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS initially_deferred,
           'YES'::information_schema.yes_or_no AS enforced,
           (CASE WHEN c.contype = 'u'
                 THEN CASE WHEN i.indnullsnotdistinct THEN 'NO' ELSE 'YES' END
            END)::information_schema.yes_or_no AS nulls_distinct
      FROM pg_catalog.pg_constraint c
           JOIN pg_catalog.pg_namespace nc ON c.connamespace = nc.oid
           JOIN pg_catalog.pg_class r ON c.conrelid = r.oid
           JOIN pg_catalog.pg_namespace nr ON r.relnamespace = nr.oid
           LEFT JOIN pg_catalog.pg_index i ON c.contype = 'u' AND i.indexrelid = c.conindid
     WHERE c.contype IN ('c', 'f', 'p', 'u')
       AND r.relkind IN ('r', 'p')
       AND NOT pg_catalog.pg_is_other_temp_schema(nr.oid)
       AND (pg_catalog.pg_has_role(r.relowner, 'USAGE')
            OR pg_catalog.has_table_privilege(r.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
            OR pg_catalog.has_any_column_privilege(r.oid, 'INSERT, UPDATE, REFERENCES'))
    UNION ALL
    -- a NOT NULL column is a CHECK constraint with a made-up name:
    -- schema OID _ table OID _ column number _not_null
    SELECT current_database()::information_schema.sql_identifier,
           nr.nspname::information_schema.sql_identifier,
           (nr.oid::text || '_' || r.oid::text || '_' || a.attnum::text
            || '_not_null')::information_schema.sql_identifier,
           current_database()::information_schema.sql_identifier,
           nr.nspname::information_schema.sql_identifier,
           r.relname::information_schema.sql_identifier,
           'CHECK'::information_schema.character_data,
           'NO'::information_schema.yes_or_no,
           'NO'::information_schema.yes_or_no,
           'YES'::information_schema.yes_or_no,
           NULL::information_schema.yes_or_no
      FROM pg_catalog.pg_attribute a
           JOIN pg_catalog.pg_class r ON a.attrelid = r.oid
           JOIN pg_catalog.pg_namespace nr ON r.relnamespace = nr.oid
     WHERE a.attnotnull AND a.attnum > 0 AND NOT a.attisdropped
       AND r.relkind IN ('r', 'p')
       AND NOT pg_catalog.pg_is_other_temp_schema(nr.oid)
       AND (pg_catalog.pg_has_role(r.relowner, 'USAGE')
            OR pg_catalog.has_table_privilege(r.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
            OR pg_catalog.has_any_column_privilege(r.oid, 'INSERT, UPDATE, REFERENCES'));

-- One row per CHECK constraint of a table or domain, and one per NOT NULL
-- column of a table (named as in table_constraints).
CREATE VIEW information_schema.check_constraints AS
    SELECT current_database()::information_schema.sql_identifier AS constraint_catalog,
           n.nspname::information_schema.sql_identifier AS constraint_schema,
           c.conname::information_schema.sql_identifier AS constraint_name,
           substring(pg_catalog.pg_get_constraintdef(c.oid) from 7)::information_schema.character_data
               AS check_clause
      FROM pg_catalog.pg_constraint c
           JOIN pg_catalog.pg_namespace n ON c.connamespace = n.oid
           LEFT JOIN pg_catalog.pg_class r ON c.conrelid = r.oid
           LEFT JOIN pg_catalog.pg_type t ON c.contypid = t.oid
     WHERE c.contype = 'c'
       AND pg_catalog.pg_has_role(coalesce(r.relowner, t.typowner), 'USAGE')
    UNION
    SELECT current_database()::information_schema.sql_identifier,
           n.nspname::information_schema.sql_identifier,
           (n.oid::text || '_' || r.oid::text || '_' || a.attnum::text
            || '_not_null')::information_schema.sql_identifier,
           (a.attname || ' IS NOT NULL')::information_schema.character_data
      FROM pg_catalog.pg_attribute a
           JOIN pg_catalog.pg_class r ON a.attrelid = r.oid
           JOIN pg_catalog.pg_namespace n ON r.relnamespace = n.oid
     WHERE a.attnotnull AND a.attnum > 0 AND NOT a.attisdropped
       AND r.relkind IN ('r', 'p')
       AND pg_catalog.pg_has_role(r.relowner, 'USAGE');

-- One row per column of a PRIMARY KEY, UNIQUE or FOREIGN KEY constraint,
-- in key order; a foreign key's column also says where its referenced
-- column is in the referenced key.
CREATE VIEW information_schema.key_column_usage AS
    SELECT current_database()::information_schema.sql_identifier AS constraint_catalog,
           nc.nspname::information_schema.sql_identifier AS constraint_schema,
           c.conname::information_schema.sql_identifier AS constraint_name,
           current_database()::information_schema.sql_identifier AS table_catalog,
           nr.nspname::information_schema.sql_identifier AS table_schema,
           r.relname::information_schema.sql_identifier AS table_name,
           a.attname::information_schema.sql_identifier AS column_name,
           pg_catalog.array_position(c.conkey, a.attnum)::information_schema.cardinal_number
               AS ordinal_position,
           (CASE WHEN c.contype = 'f'
                 THEN pg_catalog.array_position(i.indkey::smallint[],
                                                c.confkey[pg_catalog.array_position(c.conkey, a.attnum)])
                      - pg_catalog.array_lower(i.indkey::smallint[], 1) + 1
            END)::information_schema.cardinal_number AS position_in_unique_constraint
      FROM pg_catalog.pg_constraint c
           JOIN pg_catalog.pg_namespace nc ON c.connamespace = nc.oid
           JOIN pg_catalog.pg_class r ON c.conrelid = r.oid
           JOIN pg_catalog.pg_namespace nr ON r.relnamespace = nr.oid
           JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum = ANY (c.conkey)
           LEFT JOIN pg_catalog.pg_index i ON c.contype = 'f' AND i.indexrelid = c.conindid
     WHERE c.contype IN ('p', 'u', 'f')
       AND r.relkind IN ('r', 'p')
       AND NOT pg_catalog.pg_is_other_temp_schema(nr.oid)
       AND (pg_catalog.pg_has_role(r.relowner, 'USAGE')
            OR pg_catalog.has_column_privilege(r.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES'));

-- One row per FOREIGN KEY constraint: the key it references, how it
-- matches and what it does on UPDATE and DELETE.
CREATE VIEW information_schema.referential_constraints AS
    SELECT current_database()::information_schema.sql_identifier AS constraint_catalog,
           ncon.nspname::information_schema.sql_identifier AS constraint_schema,
           con.conname::information_schema.sql_identifier AS constraint_name,
           (CASE WHEN npkc.nspname IS NOT NULL THEN current_database()
            END)::information_schema.sql_identifier AS unique_constraint_catalog,
           npkc.nspname::information_schema.sql_identifier AS unique_constraint_schema,
           pkc.conname::information_schema.sql_identifier AS unique_constraint_name,
           (CASE con.confmatchtype WHEN 'f' THEN 'FULL'
                                   WHEN 'p' THEN 'PARTIAL'
                                   WHEN 's' THEN 'NONE'
            END)::information_schema.character_data AS match_option,
           (CASE con.confupdtype WHEN 'c' THEN 'CASCADE'
                                 WHEN 'n' THEN 'SET NULL'
                                 WHEN 'd' THEN 'SET DEFAULT'
                                 WHEN 'r' THEN 'RESTRICT'
                                 WHEN 'a' THEN 'NO ACTION'
            END)::information_schema.character_data AS update_rule,
           (CASE con.confdeltype WHEN 'c' THEN 'CASCADE'
                                 WHEN 'n' THEN 'SET NULL'
                                 WHEN 'd' THEN 'SET DEFAULT'
                                 WHEN 'r' THEN 'RESTRICT'
                                 WHEN 'a' THEN 'NO ACTION'
            END)::information_schema.character_data AS delete_rule
      FROM pg_catalog.pg_constraint con
           JOIN pg_catalog.pg_namespace ncon ON con.connamespace = ncon.oid
           JOIN pg_catalog.pg_class c ON con.conrelid = c.oid
           LEFT JOIN pg_catalog.pg_constraint pkc
                  ON pkc.conindid = con.conindid AND pkc.conrelid = con.confrelid
                 AND pkc.contype IN ('p', 'u')
           LEFT JOIN pg_catalog.pg_namespace npkc ON pkc.connamespace = npkc.oid
     WHERE con.contype = 'f'
       AND c.relkind IN ('r', 'p')
       AND NOT pg_catalog.pg_is_other_temp_schema(ncon.oid)
       AND (pg_catalog.pg_has_role(c.relowner, 'USAGE')
            OR pg_catalog.has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
            OR pg_catalog.has_any_column_privilege(c.oid, 'INSERT, UPDATE, REFERENCES'));

-- One row per sequence, with its parameters (an identity column's is part
-- of the column).
CREATE VIEW information_schema.sequences AS
    SELECT current_database()::information_schema.sql_identifier AS sequence_catalog,
           nc.nspname::information_schema.sql_identifier AS sequence_schema,
           c.relname::information_schema.sql_identifier AS sequence_name,
           pg_catalog.format_type(s.seqtypid, NULL)::information_schema.character_data AS data_type,
           information_schema._pg_numeric_precision(s.seqtypid, -1)::information_schema.cardinal_number
               AS numeric_precision,
           2::information_schema.cardinal_number AS numeric_precision_radix,
           0::information_schema.cardinal_number AS numeric_scale,
           s.seqstart::information_schema.character_data AS start_value,
           s.seqmin::information_schema.character_data AS minimum_value,
           s.seqmax::information_schema.character_data AS maximum_value,
           s.seqincrement::information_schema.character_data AS increment,
           (CASE WHEN s.seqcycle THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS cycle_option
      FROM pg_catalog.pg_namespace nc
           JOIN pg_catalog.pg_class c ON c.relnamespace = nc.oid
           JOIN pg_catalog.pg_sequence s ON c.oid = s.seqrelid
           LEFT JOIN pg_catalog.pg_depend d
                  ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                 AND d.deptype = 'i'
     WHERE c.relkind = 'S'
       AND d.objid IS NULL -- not an identity column's sequence
       AND NOT pg_catalog.pg_is_other_temp_schema(nc.oid)
       AND (pg_catalog.pg_has_role(c.relowner, 'USAGE')
            OR pg_catalog.has_sequence_privilege(c.oid, 'SELECT, UPDATE, USAGE'));

-- One row per column a table constraint uses: a CHECK's or key's own
-- columns, a FOREIGN KEY's referenced columns.
CREATE VIEW information_schema.constraint_column_usage AS
    SELECT current_database()::information_schema.sql_identifier AS table_catalog,
           nr.nspname::information_schema.sql_identifier AS table_schema,
           r.relname::information_schema.sql_identifier AS table_name,
           a.attname::information_schema.sql_identifier AS column_name,
           current_database()::information_schema.sql_identifier AS constraint_catalog,
           nc.nspname::information_schema.sql_identifier AS constraint_schema,
           c.conname::information_schema.sql_identifier AS constraint_name
      FROM pg_catalog.pg_constraint c
           JOIN pg_catalog.pg_namespace nc ON c.connamespace = nc.oid
           JOIN pg_catalog.pg_class r
             ON r.oid = (CASE WHEN c.contype = 'f' THEN c.confrelid ELSE c.conrelid END)
           JOIN pg_catalog.pg_namespace nr ON r.relnamespace = nr.oid
           JOIN pg_catalog.pg_attribute a
             ON a.attrelid = r.oid
            AND a.attnum = ANY (CASE WHEN c.contype = 'f' THEN c.confkey ELSE c.conkey END)
     WHERE c.contype IN ('c', 'f', 'p', 'u')
       AND NOT a.attisdropped
       AND r.relkind IN ('r', 'p')
       AND NOT pg_catalog.pg_is_other_temp_schema(nr.oid)
       AND pg_catalog.pg_has_role(r.relowner, 'USAGE');

-- One row per attribute of a composite type (CREATE TYPE … AS (…)).
CREATE VIEW information_schema.attributes AS
    SELECT current_database()::information_schema.sql_identifier AS udt_catalog,
           nc.nspname::information_schema.sql_identifier AS udt_schema,
           c.relname::information_schema.sql_identifier AS udt_name,
           a.attname::information_schema.sql_identifier AS attribute_name,
           a.attnum::information_schema.cardinal_number AS ordinal_position,
           pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)::information_schema.character_data
               AS attribute_default,
           (CASE WHEN a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) THEN 'NO' ELSE 'YES'
            END)::information_schema.yes_or_no AS is_nullable,
           (CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
                 WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(a.atttypid, NULL)
                 ELSE 'USER-DEFINED'
            END)::information_schema.character_data AS data_type,
           information_schema._pg_char_max_length(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.cardinal_number
               AS character_maximum_length,
           information_schema._pg_char_octet_length(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.cardinal_number
               AS character_octet_length,
           NULL::information_schema.sql_identifier AS character_set_catalog,
           NULL::information_schema.sql_identifier AS character_set_schema,
           NULL::information_schema.sql_identifier AS character_set_name,
           (CASE WHEN nco.nspname IS NOT NULL THEN current_database()
            END)::information_schema.sql_identifier AS collation_catalog,
           nco.nspname::information_schema.sql_identifier AS collation_schema,
           co.collname::information_schema.sql_identifier AS collation_name,
           information_schema._pg_numeric_precision(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.cardinal_number
               AS numeric_precision,
           information_schema._pg_numeric_precision_radix(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.cardinal_number
               AS numeric_precision_radix,
           information_schema._pg_numeric_scale(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.cardinal_number
               AS numeric_scale,
           information_schema._pg_datetime_precision(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.cardinal_number
               AS datetime_precision,
           information_schema._pg_interval_type(information_schema._pg_truetypid(a, t),
               information_schema._pg_truetypmod(a, t))::information_schema.character_data
               AS interval_type,
           NULL::information_schema.cardinal_number AS interval_precision,
           current_database()::information_schema.sql_identifier AS attribute_udt_catalog,
           nt.nspname::information_schema.sql_identifier AS attribute_udt_schema,
           t.typname::information_schema.sql_identifier AS attribute_udt_name,
           NULL::information_schema.sql_identifier AS scope_catalog,
           NULL::information_schema.sql_identifier AS scope_schema,
           NULL::information_schema.sql_identifier AS scope_name,
           NULL::information_schema.cardinal_number AS maximum_cardinality,
           a.attnum::information_schema.sql_identifier AS dtd_identifier,
           'NO'::information_schema.yes_or_no AS is_derived_reference_attribute
      FROM pg_catalog.pg_attribute a
           JOIN pg_catalog.pg_class c ON a.attrelid = c.oid
           JOIN pg_catalog.pg_namespace nc ON c.relnamespace = nc.oid
           JOIN pg_catalog.pg_type t ON a.atttypid = t.oid
           JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
           LEFT JOIN pg_catalog.pg_attrdef ad ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
           LEFT JOIN pg_catalog.pg_collation co ON a.attcollation = co.oid
                     AND NOT (co.collnamespace = 11 AND co.collname = 'default')
           LEFT JOIN pg_catalog.pg_namespace nco ON co.collnamespace = nco.oid
     WHERE a.attnum > 0 AND NOT a.attisdropped
       AND c.relkind = 'c'
       AND (pg_catalog.pg_has_role(c.relowner, 'USAGE')
            OR pg_catalog.has_type_privilege(c.reltype, 'USAGE'));

-- One row per domain; the data type columns describe its base type.
CREATE VIEW information_schema.domains AS
    SELECT current_database()::information_schema.sql_identifier AS domain_catalog,
           nt.nspname::information_schema.sql_identifier AS domain_schema,
           t.typname::information_schema.sql_identifier AS domain_name,
           (CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
                 WHEN nbt.nspname = 'pg_catalog' THEN pg_catalog.format_type(t.typbasetype, NULL)
                 ELSE 'USER-DEFINED'
            END)::information_schema.character_data AS data_type,
           information_schema._pg_char_max_length(t.typbasetype, t.typtypmod)
               ::information_schema.cardinal_number AS character_maximum_length,
           information_schema._pg_char_octet_length(t.typbasetype, t.typtypmod)
               ::information_schema.cardinal_number AS character_octet_length,
           NULL::information_schema.sql_identifier AS character_set_catalog,
           NULL::information_schema.sql_identifier AS character_set_schema,
           NULL::information_schema.sql_identifier AS character_set_name,
           (CASE WHEN nco.nspname IS NOT NULL THEN current_database()
            END)::information_schema.sql_identifier AS collation_catalog,
           nco.nspname::information_schema.sql_identifier AS collation_schema,
           co.collname::information_schema.sql_identifier AS collation_name,
           information_schema._pg_numeric_precision(t.typbasetype, t.typtypmod)
               ::information_schema.cardinal_number AS numeric_precision,
           information_schema._pg_numeric_precision_radix(t.typbasetype, t.typtypmod)
               ::information_schema.cardinal_number AS numeric_precision_radix,
           information_schema._pg_numeric_scale(t.typbasetype, t.typtypmod)
               ::information_schema.cardinal_number AS numeric_scale,
           information_schema._pg_datetime_precision(t.typbasetype, t.typtypmod)
               ::information_schema.cardinal_number AS datetime_precision,
           information_schema._pg_interval_type(t.typbasetype, t.typtypmod)
               ::information_schema.character_data AS interval_type,
           NULL::information_schema.cardinal_number AS interval_precision,
           t.typdefault::information_schema.character_data AS domain_default,
           current_database()::information_schema.sql_identifier AS udt_catalog,
           nbt.nspname::information_schema.sql_identifier AS udt_schema,
           bt.typname::information_schema.sql_identifier AS udt_name,
           NULL::information_schema.sql_identifier AS scope_catalog,
           NULL::information_schema.sql_identifier AS scope_schema,
           NULL::information_schema.sql_identifier AS scope_name,
           NULL::information_schema.cardinal_number AS maximum_cardinality,
           1::information_schema.sql_identifier AS dtd_identifier
      FROM pg_catalog.pg_type t
           JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
           JOIN pg_catalog.pg_type bt ON t.typbasetype = bt.oid
           JOIN pg_catalog.pg_namespace nbt ON bt.typnamespace = nbt.oid
           LEFT JOIN pg_catalog.pg_collation co ON t.typcollation = co.oid
                     AND NOT (co.collnamespace = 11 AND co.collname = 'default')
           LEFT JOIN pg_catalog.pg_namespace nco ON co.collnamespace = nco.oid
     WHERE t.typtype = 'd'
       AND (pg_catalog.pg_has_role(t.typowner, 'USAGE')
            OR pg_catalog.has_type_privilege(t.oid, 'USAGE'));

-- One row per argument of a function or procedure (OUT ones too), in
-- declaration order.  specific_name is the routine's name _ its OID.
CREATE VIEW information_schema.parameters AS
    SELECT current_database()::information_schema.sql_identifier AS specific_catalog,
           ss.nspname::information_schema.sql_identifier AS specific_schema,
           pg_catalog.nameconcatoid(ss.proname, ss.oid)::information_schema.sql_identifier
               AS specific_name,
           (ss.arg).n::information_schema.cardinal_number AS ordinal_position,
           (CASE WHEN ss.proargmodes IS NULL THEN 'IN'
                 WHEN ss.proargmodes[(ss.arg).n] IN ('i', 'v') THEN 'IN'
                 WHEN ss.proargmodes[(ss.arg).n] IN ('o', 't') THEN 'OUT'
                 WHEN ss.proargmodes[(ss.arg).n] = 'b' THEN 'INOUT'
            END)::information_schema.character_data AS parameter_mode,
           'NO'::information_schema.yes_or_no AS is_result,
           'NO'::information_schema.yes_or_no AS as_locator,
           nullif(ss.proargnames[(ss.arg).n], '')::information_schema.sql_identifier
               AS parameter_name,
           (CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
                 WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(t.oid, NULL)
                 ELSE 'USER-DEFINED'
            END)::information_schema.character_data AS data_type,
           NULL::information_schema.cardinal_number AS character_maximum_length,
           NULL::information_schema.cardinal_number AS character_octet_length,
           NULL::information_schema.sql_identifier AS character_set_catalog,
           NULL::information_schema.sql_identifier AS character_set_schema,
           NULL::information_schema.sql_identifier AS character_set_name,
           NULL::information_schema.sql_identifier AS collation_catalog,
           NULL::information_schema.sql_identifier AS collation_schema,
           NULL::information_schema.sql_identifier AS collation_name,
           NULL::information_schema.cardinal_number AS numeric_precision,
           NULL::information_schema.cardinal_number AS numeric_precision_radix,
           NULL::information_schema.cardinal_number AS numeric_scale,
           NULL::information_schema.cardinal_number AS datetime_precision,
           NULL::information_schema.character_data AS interval_type,
           NULL::information_schema.cardinal_number AS interval_precision,
           current_database()::information_schema.sql_identifier AS udt_catalog,
           nt.nspname::information_schema.sql_identifier AS udt_schema,
           t.typname::information_schema.sql_identifier AS udt_name,
           NULL::information_schema.sql_identifier AS scope_catalog,
           NULL::information_schema.sql_identifier AS scope_schema,
           NULL::information_schema.sql_identifier AS scope_name,
           NULL::information_schema.cardinal_number AS maximum_cardinality,
           (ss.arg).n::information_schema.sql_identifier AS dtd_identifier,
           (CASE WHEN pg_catalog.pg_has_role(ss.proowner, 'USAGE')
                 THEN pg_catalog.pg_get_function_arg_default(ss.oid, (ss.arg).n)
            END)::information_schema.character_data AS parameter_default
      FROM (SELECT n.nspname, p.proname, p.oid, p.proowner, p.proargnames, p.proargmodes,
                   information_schema._pg_expandarray(coalesce(p.proallargtypes,
                                                               p.proargtypes::oid[])) AS arg
              FROM pg_catalog.pg_proc p
                   JOIN pg_catalog.pg_namespace n ON p.pronamespace = n.oid
             WHERE pg_catalog.pg_has_role(p.proowner, 'USAGE')
                OR pg_catalog.has_function_privilege(p.oid, 'EXECUTE')) ss
           JOIN pg_catalog.pg_type t ON t.oid = (ss.arg).x
           JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid;

-- One row per function and procedure.  The data type columns describe a
-- function's result (dtd_identifier 0); most of the standard's columns
-- have no PostgreSQL counterpart and are NULL.
CREATE VIEW information_schema.routines AS
    SELECT current_database()::information_schema.sql_identifier AS specific_catalog,
           n.nspname::information_schema.sql_identifier AS specific_schema,
           pg_catalog.nameconcatoid(p.proname, p.oid)::information_schema.sql_identifier
               AS specific_name,
           current_database()::information_schema.sql_identifier AS routine_catalog,
           n.nspname::information_schema.sql_identifier AS routine_schema,
           p.proname::information_schema.sql_identifier AS routine_name,
           (CASE p.prokind WHEN 'f' THEN 'FUNCTION' WHEN 'p' THEN 'PROCEDURE'
            END)::information_schema.character_data AS routine_type,
           NULL::information_schema.sql_identifier AS module_catalog,
           NULL::information_schema.sql_identifier AS module_schema,
           NULL::information_schema.sql_identifier AS module_name,
           NULL::information_schema.sql_identifier AS udt_catalog,
           NULL::information_schema.sql_identifier AS udt_schema,
           NULL::information_schema.sql_identifier AS udt_name,
           (CASE WHEN p.prokind = 'p' THEN NULL
                 WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
                 WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(t.oid, NULL)
                 ELSE 'USER-DEFINED'
            END)::information_schema.character_data AS data_type,
           NULL::information_schema.cardinal_number AS character_maximum_length,
           NULL::information_schema.cardinal_number AS character_octet_length,
           NULL::information_schema.sql_identifier AS character_set_catalog,
           NULL::information_schema.sql_identifier AS character_set_schema,
           NULL::information_schema.sql_identifier AS character_set_name,
           NULL::information_schema.sql_identifier AS collation_catalog,
           NULL::information_schema.sql_identifier AS collation_schema,
           NULL::information_schema.sql_identifier AS collation_name,
           NULL::information_schema.cardinal_number AS numeric_precision,
           NULL::information_schema.cardinal_number AS numeric_precision_radix,
           NULL::information_schema.cardinal_number AS numeric_scale,
           NULL::information_schema.cardinal_number AS datetime_precision,
           NULL::information_schema.character_data AS interval_type,
           NULL::information_schema.cardinal_number AS interval_precision,
           (CASE WHEN nt.nspname IS NOT NULL THEN current_database()
            END)::information_schema.sql_identifier AS type_udt_catalog,
           nt.nspname::information_schema.sql_identifier AS type_udt_schema,
           t.typname::information_schema.sql_identifier AS type_udt_name,
           NULL::information_schema.sql_identifier AS scope_catalog,
           NULL::information_schema.sql_identifier AS scope_schema,
           NULL::information_schema.sql_identifier AS scope_name,
           NULL::information_schema.cardinal_number AS maximum_cardinality,
           (CASE WHEN p.prokind <> 'p' THEN 0
            END)::information_schema.sql_identifier AS dtd_identifier,
           (CASE WHEN l.lanname = 'sql' THEN 'SQL' ELSE 'EXTERNAL'
            END)::information_schema.character_data AS routine_body,
           (CASE WHEN pg_catalog.pg_has_role(p.proowner, 'USAGE') THEN p.prosrc
            END)::information_schema.character_data AS routine_definition,
           (CASE WHEN l.lanname = 'c' THEN p.prosrc
            END)::information_schema.character_data AS external_name,
           upper(l.lanname)::information_schema.character_data AS external_language,
           'GENERAL'::information_schema.character_data AS parameter_style,
           (CASE WHEN p.provolatile = 'i' THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS is_deterministic,
           'MODIFIES'::information_schema.character_data AS sql_data_access,
           (CASE WHEN p.prokind <> 'p' THEN (CASE WHEN p.proisstrict THEN 'YES' ELSE 'NO' END)
            END)::information_schema.yes_or_no AS is_null_call,
           NULL::information_schema.character_data AS sql_path,
           'YES'::information_schema.yes_or_no AS schema_level_routine,
           0::information_schema.cardinal_number AS max_dynamic_result_sets,
           NULL::information_schema.yes_or_no AS is_user_defined_cast,
           NULL::information_schema.yes_or_no AS is_implicitly_invocable,
           (CASE WHEN p.prosecdef THEN 'DEFINER' ELSE 'INVOKER'
            END)::information_schema.character_data AS security_type,
           NULL::information_schema.sql_identifier AS to_sql_specific_catalog,
           NULL::information_schema.sql_identifier AS to_sql_specific_schema,
           NULL::information_schema.sql_identifier AS to_sql_specific_name,
           'NO'::information_schema.yes_or_no AS as_locator,
           NULL::information_schema.time_stamp AS created,
           NULL::information_schema.time_stamp AS last_altered,
           NULL::information_schema.yes_or_no AS new_savepoint_level,
           'NO'::information_schema.yes_or_no AS is_udt_dependent,
           NULL::information_schema.character_data AS result_cast_from_data_type,
           NULL::information_schema.yes_or_no AS result_cast_as_locator,
           NULL::information_schema.cardinal_number AS result_cast_char_max_length,
           NULL::information_schema.cardinal_number AS result_cast_char_octet_length,
           NULL::information_schema.sql_identifier AS result_cast_char_set_catalog,
           NULL::information_schema.sql_identifier AS result_cast_char_set_schema,
           NULL::information_schema.sql_identifier AS result_cast_char_set_name,
           NULL::information_schema.sql_identifier AS result_cast_collation_catalog,
           NULL::information_schema.sql_identifier AS result_cast_collation_schema,
           NULL::information_schema.sql_identifier AS result_cast_collation_name,
           NULL::information_schema.cardinal_number AS result_cast_numeric_precision,
           NULL::information_schema.cardinal_number AS result_cast_numeric_precision_radix,
           NULL::information_schema.cardinal_number AS result_cast_numeric_scale,
           NULL::information_schema.cardinal_number AS result_cast_datetime_precision,
           NULL::information_schema.character_data AS result_cast_interval_type,
           NULL::information_schema.cardinal_number AS result_cast_interval_precision,
           NULL::information_schema.sql_identifier AS result_cast_type_udt_catalog,
           NULL::information_schema.sql_identifier AS result_cast_type_udt_schema,
           NULL::information_schema.sql_identifier AS result_cast_type_udt_name,
           NULL::information_schema.sql_identifier AS result_cast_scope_catalog,
           NULL::information_schema.sql_identifier AS result_cast_scope_schema,
           NULL::information_schema.sql_identifier AS result_cast_scope_name,
           NULL::information_schema.cardinal_number AS result_cast_maximum_cardinality,
           NULL::information_schema.sql_identifier AS result_cast_dtd_identifier
      FROM pg_catalog.pg_proc p
           JOIN pg_catalog.pg_namespace n ON p.pronamespace = n.oid
           JOIN pg_catalog.pg_language l ON p.prolang = l.oid
           LEFT JOIN pg_catalog.pg_type t ON p.prorettype = t.oid AND p.prokind <> 'p'
           LEFT JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
     WHERE pg_catalog.pg_has_role(p.proowner, 'USAGE')
        OR pg_catalog.has_function_privilege(p.oid, 'EXECUTE');

-- The data type descriptors the user may see: each object and
-- dtd_identifier the views above (and attributes) show.
CREATE VIEW information_schema.data_type_privileges AS
    SELECT current_database()::information_schema.sql_identifier AS object_catalog,
           d.object_schema::information_schema.sql_identifier AS object_schema,
           d.object_name::information_schema.sql_identifier AS object_name,
           d.object_type::information_schema.character_data AS object_type,
           d.dtd_identifier::information_schema.sql_identifier AS dtd_identifier
      FROM (SELECT udt_schema, udt_name, 'USER-DEFINED TYPE'::text, dtd_identifier
              FROM information_schema.attributes
            UNION ALL
            SELECT table_schema, table_name, 'TABLE'::text, dtd_identifier
              FROM information_schema.columns
            UNION ALL
            SELECT domain_schema, domain_name, 'DOMAIN'::text, dtd_identifier
              FROM information_schema.domains
            UNION ALL
            SELECT specific_schema, specific_name, 'ROUTINE'::text, dtd_identifier
              FROM information_schema.parameters
            UNION ALL
            SELECT specific_schema, specific_name, 'ROUTINE'::text, dtd_identifier
              FROM information_schema.routines)
           AS d (object_schema, object_name, object_type, dtd_identifier);

-- One row per array-typed data type descriptor (a column, composite
-- attribute, domain, parameter or result of an array type): its element
-- type.  collection_type_identifier matches the owner's dtd_identifier, so
-- columns LEFT JOIN element_types ON (table_catalog, table_schema,
-- table_name, 'TABLE', dtd_identifier) = (object_catalog, object_schema,
-- object_name, object_type, collection_type_identifier) gives a column's
-- element type.
CREATE VIEW information_schema.element_types AS
    SELECT current_database()::information_schema.sql_identifier AS object_catalog,
           n.nspname::information_schema.sql_identifier AS object_schema,
           x.objname::information_schema.sql_identifier AS object_name,
           x.objtype::information_schema.character_data AS object_type,
           x.objdtdid::information_schema.sql_identifier AS collection_type_identifier,
           (CASE WHEN nbt.nspname = 'pg_catalog' THEN pg_catalog.format_type(bt.oid, NULL)
                 ELSE 'USER-DEFINED'
            END)::information_schema.character_data AS data_type,
           NULL::information_schema.cardinal_number AS character_maximum_length,
           NULL::information_schema.cardinal_number AS character_octet_length,
           NULL::information_schema.sql_identifier AS character_set_catalog,
           NULL::information_schema.sql_identifier AS character_set_schema,
           NULL::information_schema.sql_identifier AS character_set_name,
           (CASE WHEN nco.nspname IS NOT NULL THEN current_database()
            END)::information_schema.sql_identifier AS collation_catalog,
           nco.nspname::information_schema.sql_identifier AS collation_schema,
           co.collname::information_schema.sql_identifier AS collation_name,
           NULL::information_schema.cardinal_number AS numeric_precision,
           NULL::information_schema.cardinal_number AS numeric_precision_radix,
           NULL::information_schema.cardinal_number AS numeric_scale,
           NULL::information_schema.cardinal_number AS datetime_precision,
           NULL::information_schema.character_data AS interval_type,
           NULL::information_schema.cardinal_number AS interval_precision,
           NULL::information_schema.character_data AS domain_default,
           current_database()::information_schema.sql_identifier AS udt_catalog,
           nbt.nspname::information_schema.sql_identifier AS udt_schema,
           bt.typname::information_schema.sql_identifier AS udt_name,
           NULL::information_schema.sql_identifier AS scope_catalog,
           NULL::information_schema.sql_identifier AS scope_schema,
           NULL::information_schema.sql_identifier AS scope_name,
           NULL::information_schema.cardinal_number AS maximum_cardinality,
           ('a' || x.objdtdid::text)::information_schema.sql_identifier AS dtd_identifier
      FROM (SELECT c.relnamespace, c.relname,
                   (CASE WHEN c.relkind = 'c' THEN 'USER-DEFINED TYPE' ELSE 'TABLE' END)::text,
                   a.attnum::integer, a.atttypid, a.attcollation
              FROM pg_catalog.pg_class c
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
             WHERE c.relkind IN ('r', 'v', 'f', 'c', 'p')
               AND a.attnum > 0 AND NOT a.attisdropped
            UNION ALL
            SELECT t.typnamespace, t.typname, 'DOMAIN'::text, 1, t.typbasetype, t.typcollation
              FROM pg_catalog.pg_type t
             WHERE t.typtype = 'd'
            UNION ALL
            SELECT ss.pronamespace, pg_catalog.nameconcatoid(ss.proname, ss.oid), 'ROUTINE'::text,
                   (ss.arg).n, (ss.arg).x, 0::oid
              FROM (SELECT p.pronamespace, p.proname, p.oid,
                           information_schema._pg_expandarray(coalesce(p.proallargtypes,
                                                                       p.proargtypes::oid[])) AS arg
                      FROM pg_catalog.pg_proc p) ss
            UNION ALL
            SELECT p.pronamespace, pg_catalog.nameconcatoid(p.proname, p.oid), 'ROUTINE'::text,
                   0, p.prorettype, 0::oid
              FROM pg_catalog.pg_proc p)
           AS x (objschema, objname, objtype, objdtdid, objtypeid, objcollation)
           JOIN pg_catalog.pg_namespace n ON n.oid = x.objschema
           JOIN pg_catalog.pg_type at ON at.oid = x.objtypeid
           JOIN pg_catalog.pg_type bt ON bt.oid = at.typelem
           JOIN pg_catalog.pg_namespace nbt ON nbt.oid = bt.typnamespace
           LEFT JOIN pg_catalog.pg_collation co ON x.objcollation = co.oid
                     AND NOT (co.collnamespace = 11 AND co.collname = 'default')
           LEFT JOIN pg_catalog.pg_namespace nco ON co.collnamespace = nco.oid
     WHERE at.typelem <> 0 AND at.typlen = -1
       AND EXISTS (SELECT 1 FROM information_schema.data_type_privileges d
                    WHERE d.object_schema = n.nspname
                      AND d.object_name = x.objname
                      AND d.object_type = x.objtype
                      AND d.dtd_identifier = x.objdtdid::information_schema.sql_identifier);

-- The current database: the catalog this information schema describes.
CREATE VIEW information_schema.information_schema_catalog_name AS
    SELECT current_database()::information_schema.sql_identifier AS catalog_name;

-- One row per membership (and the database owner's implicit membership in
-- pg_database_owner) of a role the current user is a member of.
CREATE VIEW information_schema.applicable_roles AS
    SELECT a.rolname::information_schema.sql_identifier AS grantee,
           b.rolname::information_schema.sql_identifier AS role_name,
           (CASE WHEN m.admin_option THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS is_grantable
      FROM (SELECT am.member, am.roleid, am.admin_option
              FROM pg_catalog.pg_auth_members am
            UNION
            SELECT d.datdba, r.oid, false
              FROM pg_catalog.pg_database d
                   JOIN pg_catalog.pg_authid r ON r.rolname = 'pg_database_owner'
             WHERE d.datname = current_database()) m
           JOIN pg_catalog.pg_authid a ON m.member = a.oid
           JOIN pg_catalog.pg_authid b ON m.roleid = b.oid
     WHERE pg_catalog.pg_has_role(a.oid, 'USAGE');

-- The memberships above that carry ADMIN OPTION.
CREATE VIEW information_schema.administrable_role_authorizations AS
    SELECT grantee, role_name, is_grantable
      FROM information_schema.applicable_roles
     WHERE is_grantable = 'YES';

-- The roles whose privileges the current user has (itself included).
CREATE VIEW information_schema.enabled_roles AS
    SELECT a.rolname::information_schema.sql_identifier AS role_name
      FROM pg_catalog.pg_authid a
     WHERE pg_catalog.pg_has_role(a.oid, 'USAGE');

-- The database encoding as the one character set, with the collation
-- matching the database's locale (the longest name when several do).
CREATE VIEW information_schema.character_sets AS
    SELECT NULL::information_schema.sql_identifier AS character_set_catalog,
           NULL::information_schema.sql_identifier AS character_set_schema,
           pg_catalog.getdatabaseencoding()::information_schema.sql_identifier
               AS character_set_name,
           (CASE WHEN pg_catalog.getdatabaseencoding() = 'UTF8' THEN 'UCS'
                 ELSE pg_catalog.getdatabaseencoding()
            END)::information_schema.sql_identifier AS character_repertoire,
           pg_catalog.getdatabaseencoding()::information_schema.sql_identifier AS form_of_use,
           current_database()::information_schema.sql_identifier AS default_collate_catalog,
           nc.nspname::information_schema.sql_identifier AS default_collate_schema,
           c.collname::information_schema.sql_identifier AS default_collate_name
      FROM pg_catalog.pg_database d
           LEFT JOIN pg_catalog.pg_collation c
                  ON d.datcollate = c.collcollate AND d.datctype = c.collctype
           LEFT JOIN pg_catalog.pg_namespace nc ON c.collnamespace = nc.oid
     WHERE d.datname = current_database()
     ORDER BY pg_catalog.char_length(c.collname) DESC, c.collname
     LIMIT 1;

-- The collations usable with the database encoding.
CREATE VIEW information_schema.collations AS
    SELECT current_database()::information_schema.sql_identifier AS collation_catalog,
           nc.nspname::information_schema.sql_identifier AS collation_schema,
           c.collname::information_schema.sql_identifier AS collation_name,
           'NO PAD'::information_schema.character_data AS pad_attribute
      FROM pg_catalog.pg_collation c
           JOIN pg_catalog.pg_namespace nc ON c.collnamespace = nc.oid
     WHERE c.collencoding IN (-1, (SELECT d.encoding FROM pg_catalog.pg_database d
                                    WHERE d.datname = current_database()));

-- Each of those collations applies to the database encoding.
CREATE VIEW information_schema.collation_character_set_applicability AS
    SELECT current_database()::information_schema.sql_identifier AS collation_catalog,
           nc.nspname::information_schema.sql_identifier AS collation_schema,
           c.collname::information_schema.sql_identifier AS collation_name,
           NULL::information_schema.sql_identifier AS character_set_catalog,
           NULL::information_schema.sql_identifier AS character_set_schema,
           pg_catalog.getdatabaseencoding()::information_schema.sql_identifier
               AS character_set_name
      FROM pg_catalog.pg_collation c
           JOIN pg_catalog.pg_namespace nc ON c.collnamespace = nc.oid
     WHERE c.collencoding IN (-1, (SELECT d.encoding FROM pg_catalog.pg_database d
                                    WHERE d.datname = current_database()));

-- One row per table column whose type is a domain the user owns.
CREATE VIEW information_schema.column_domain_usage AS
    SELECT current_database()::information_schema.sql_identifier AS domain_catalog,
           nt.nspname::information_schema.sql_identifier AS domain_schema,
           t.typname::information_schema.sql_identifier AS domain_name,
           current_database()::information_schema.sql_identifier AS table_catalog,
           nc.nspname::information_schema.sql_identifier AS table_schema,
           c.relname::information_schema.sql_identifier AS table_name,
           a.attname::information_schema.sql_identifier AS column_name
      FROM pg_catalog.pg_attribute a
           JOIN pg_catalog.pg_class c ON a.attrelid = c.oid
           JOIN pg_catalog.pg_namespace nc ON c.relnamespace = nc.oid
           JOIN pg_catalog.pg_type t ON a.atttypid = t.oid
           JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
     WHERE t.typtype = 'd'
       AND c.relkind IN ('r', 'v', 'f', 'p')
       AND a.attnum > 0 AND NOT a.attisdropped
       AND pg_catalog.pg_has_role(t.typowner, 'USAGE');

-- One row per constraint of a domain.
CREATE VIEW information_schema.domain_constraints AS
    SELECT current_database()::information_schema.sql_identifier AS constraint_catalog,
           nc.nspname::information_schema.sql_identifier AS constraint_schema,
           con.conname::information_schema.sql_identifier AS constraint_name,
           current_database()::information_schema.sql_identifier AS domain_catalog,
           nt.nspname::information_schema.sql_identifier AS domain_schema,
           t.typname::information_schema.sql_identifier AS domain_name,
           (CASE WHEN con.condeferrable THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS is_deferrable,
           (CASE WHEN con.condeferred THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS initially_deferred
      FROM pg_catalog.pg_constraint con
           JOIN pg_catalog.pg_namespace nc ON con.connamespace = nc.oid
           JOIN pg_catalog.pg_type t ON con.contypid = t.oid
           JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
     WHERE pg_catalog.pg_has_role(t.typowner, 'USAGE')
        OR pg_catalog.has_type_privilege(t.oid, 'USAGE');

-- One row per privilege granted on a table, view or foreign table (the
-- owner's implicit ones included), where the grantor or grantee is one of
-- the current user's roles, or the grantee is PUBLIC.
CREATE VIEW information_schema.table_privileges AS
    SELECT u_grantor.rolname::information_schema.sql_identifier AS grantor,
           grantee.rolname::information_schema.sql_identifier AS grantee,
           current_database()::information_schema.sql_identifier AS table_catalog,
           nc.nspname::information_schema.sql_identifier AS table_schema,
           c.relname::information_schema.sql_identifier AS table_name,
           c.prtype::information_schema.character_data AS privilege_type,
           (CASE WHEN pg_catalog.pg_has_role(grantee.oid, c.relowner, 'USAGE') OR c.grantable
                 THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS is_grantable,
           (CASE WHEN c.prtype = 'SELECT' THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS with_hierarchy
      FROM (SELECT r.oid, r.relname, r.relnamespace, r.relkind, r.relowner,
                   (pg_catalog.aclexplode(coalesce(r.relacl,
                                                   pg_catalog.acldefault('r', r.relowner)))).*
              FROM pg_catalog.pg_class r)
           AS c (oid, relname, relnamespace, relkind, relowner, grantor, grantee, prtype,
                 grantable)
           JOIN pg_catalog.pg_namespace nc ON c.relnamespace = nc.oid
           JOIN pg_catalog.pg_authid u_grantor ON c.grantor = u_grantor.oid
           JOIN (SELECT a.oid, a.rolname FROM pg_catalog.pg_authid a
                 UNION ALL
                 SELECT 0::oid, 'PUBLIC') AS grantee (oid, rolname)
             ON c.grantee = grantee.oid
     WHERE c.relkind IN ('r', 'v', 'f', 'p')
       AND c.prtype IN ('INSERT', 'SELECT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES',
                        'TRIGGER')
       AND (pg_catalog.pg_has_role(u_grantor.oid, 'USAGE')
            OR pg_catalog.pg_has_role(grantee.oid, 'USAGE')
            OR grantee.rolname = 'PUBLIC');

-- The table privileges granted by or to one of the current user's roles.
CREATE VIEW information_schema.role_table_grants AS
    SELECT grantor, grantee, table_catalog, table_schema, table_name, privilege_type,
           is_grantable, with_hierarchy
      FROM information_schema.table_privileges
     WHERE grantor IN (SELECT role_name FROM information_schema.enabled_roles)
        OR grantee IN (SELECT role_name FROM information_schema.enabled_roles);

-- One row per column privilege: those granted on the whole table hold for
-- every column, and those granted on the column itself.
CREATE VIEW information_schema.column_privileges AS
    SELECT u_grantor.rolname::information_schema.sql_identifier AS grantor,
           grantee.rolname::information_schema.sql_identifier AS grantee,
           current_database()::information_schema.sql_identifier AS table_catalog,
           nc.nspname::information_schema.sql_identifier AS table_schema,
           x.relname::information_schema.sql_identifier AS table_name,
           x.attname::information_schema.sql_identifier AS column_name,
           x.prtype::information_schema.character_data AS privilege_type,
           (CASE WHEN pg_catalog.pg_has_role(x.grantee, x.relowner, 'USAGE') OR x.grantable
                 THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS is_grantable
      FROM (SELECT pr_c.grantor, pr_c.grantee, a.attname, pr_c.relname, pr_c.relnamespace,
                   pr_c.prtype, pr_c.grantable, pr_c.relowner
              FROM (SELECT r.oid, r.relname, r.relnamespace, r.relowner,
                           (pg_catalog.aclexplode(coalesce(r.relacl,
                                                           pg_catalog.acldefault('r', r.relowner)))).*
                      FROM pg_catalog.pg_class r
                     WHERE r.relkind IN ('r', 'v', 'f', 'p'))
                   AS pr_c (oid, relname, relnamespace, relowner, grantor, grantee, prtype,
                            grantable)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = pr_c.oid
             WHERE a.attnum > 0 AND NOT a.attisdropped
            UNION
            SELECT pr_a.grantor, pr_a.grantee, pr_a.attname, c.relname, c.relnamespace,
                   pr_a.prtype, pr_a.grantable, c.relowner
              FROM (SELECT a.attrelid, a.attname,
                           (pg_catalog.aclexplode(coalesce(a.attacl,
                                                           pg_catalog.acldefault('c', cc.relowner)))).*
                      FROM pg_catalog.pg_attribute a
                           JOIN pg_catalog.pg_class cc ON a.attrelid = cc.oid
                     WHERE a.attnum > 0 AND NOT a.attisdropped)
                   AS pr_a (attrelid, attname, grantor, grantee, prtype, grantable)
                   JOIN pg_catalog.pg_class c ON pr_a.attrelid = c.oid
             WHERE c.relkind IN ('r', 'v', 'f', 'p')) x
           JOIN pg_catalog.pg_namespace nc ON x.relnamespace = nc.oid
           JOIN pg_catalog.pg_authid u_grantor ON x.grantor = u_grantor.oid
           JOIN (SELECT a.oid, a.rolname FROM pg_catalog.pg_authid a
                 UNION ALL
                 SELECT 0::oid, 'PUBLIC') AS grantee (oid, rolname)
             ON x.grantee = grantee.oid
     WHERE x.prtype IN ('INSERT', 'SELECT', 'UPDATE', 'REFERENCES')
       AND (pg_catalog.pg_has_role(u_grantor.oid, 'USAGE')
            OR pg_catalog.pg_has_role(grantee.oid, 'USAGE')
            OR grantee.rolname = 'PUBLIC');

-- One row per composite type (CREATE TYPE … AS (…)).
CREATE VIEW information_schema.user_defined_types AS
    SELECT current_database()::information_schema.sql_identifier AS user_defined_type_catalog,
           n.nspname::information_schema.sql_identifier AS user_defined_type_schema,
           c.relname::information_schema.sql_identifier AS user_defined_type_name,
           'STRUCTURED'::information_schema.character_data AS user_defined_type_category,
           'YES'::information_schema.yes_or_no AS is_instantiable,
           NULL::information_schema.yes_or_no AS is_final,
           NULL::information_schema.character_data AS ordering_form,
           NULL::information_schema.character_data AS ordering_category,
           NULL::information_schema.sql_identifier AS ordering_routine_catalog,
           NULL::information_schema.sql_identifier AS ordering_routine_schema,
           NULL::information_schema.sql_identifier AS ordering_routine_name,
           NULL::information_schema.character_data AS reference_type,
           NULL::information_schema.character_data AS data_type,
           NULL::information_schema.cardinal_number AS character_maximum_length,
           NULL::information_schema.cardinal_number AS character_octet_length,
           NULL::information_schema.sql_identifier AS character_set_catalog,
           NULL::information_schema.sql_identifier AS character_set_schema,
           NULL::information_schema.sql_identifier AS character_set_name,
           NULL::information_schema.sql_identifier AS collation_catalog,
           NULL::information_schema.sql_identifier AS collation_schema,
           NULL::information_schema.sql_identifier AS collation_name,
           NULL::information_schema.cardinal_number AS numeric_precision,
           NULL::information_schema.cardinal_number AS numeric_precision_radix,
           NULL::information_schema.cardinal_number AS numeric_scale,
           NULL::information_schema.cardinal_number AS datetime_precision,
           NULL::information_schema.character_data AS interval_type,
           NULL::information_schema.cardinal_number AS interval_precision,
           NULL::information_schema.sql_identifier AS source_dtd_identifier,
           NULL::information_schema.sql_identifier AS ref_dtd_identifier
      FROM pg_catalog.pg_class c
           JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid
           JOIN pg_catalog.pg_type t ON t.typrelid = c.oid
     WHERE c.relkind = 'c'
       AND (pg_catalog.pg_has_role(t.typowner, 'USAGE')
            OR pg_catalog.has_type_privilege(t.oid, 'USAGE'));

-- One row per table or view a view's query reads (from its rule's
-- dependencies), when the user owns the table.
CREATE VIEW information_schema.view_table_usage AS
    SELECT DISTINCT
           current_database()::information_schema.sql_identifier AS view_catalog,
           nv.nspname::information_schema.sql_identifier AS view_schema,
           v.relname::information_schema.sql_identifier AS view_name,
           current_database()::information_schema.sql_identifier AS table_catalog,
           nt.nspname::information_schema.sql_identifier AS table_schema,
           t.relname::information_schema.sql_identifier AS table_name
      FROM pg_catalog.pg_class v
           JOIN pg_catalog.pg_namespace nv ON v.relnamespace = nv.oid
           JOIN pg_catalog.pg_depend dv
             ON dv.refobjid = v.oid
            AND dv.refclassid = 'pg_catalog.pg_class'::regclass
            AND dv.classid = 'pg_catalog.pg_rewrite'::regclass
            AND dv.deptype = 'i'
           JOIN pg_catalog.pg_depend dt
             ON dt.objid = dv.objid
            AND dt.refobjid <> dv.refobjid
            AND dt.classid = 'pg_catalog.pg_rewrite'::regclass
            AND dt.refclassid = 'pg_catalog.pg_class'::regclass
           JOIN pg_catalog.pg_class t ON dt.refobjid = t.oid
           JOIN pg_catalog.pg_namespace nt ON t.relnamespace = nt.oid
     WHERE v.relkind = 'v'
       AND t.relkind IN ('r', 'v', 'f', 'p')
       AND pg_catalog.pg_has_role(t.relowner, 'USAGE');

-- One row per column of such a table the view's query uses.
CREATE VIEW information_schema.view_column_usage AS
    SELECT DISTINCT
           current_database()::information_schema.sql_identifier AS view_catalog,
           nv.nspname::information_schema.sql_identifier AS view_schema,
           v.relname::information_schema.sql_identifier AS view_name,
           current_database()::information_schema.sql_identifier AS table_catalog,
           nt.nspname::information_schema.sql_identifier AS table_schema,
           t.relname::information_schema.sql_identifier AS table_name,
           a.attname::information_schema.sql_identifier AS column_name
      FROM pg_catalog.pg_class v
           JOIN pg_catalog.pg_namespace nv ON v.relnamespace = nv.oid
           JOIN pg_catalog.pg_depend dv
             ON dv.refobjid = v.oid
            AND dv.refclassid = 'pg_catalog.pg_class'::regclass
            AND dv.classid = 'pg_catalog.pg_rewrite'::regclass
            AND dv.deptype = 'i'
           JOIN pg_catalog.pg_depend dt
             ON dt.objid = dv.objid
            AND dt.refobjid <> dv.refobjid
            AND dt.classid = 'pg_catalog.pg_rewrite'::regclass
            AND dt.refclassid = 'pg_catalog.pg_class'::regclass
           JOIN pg_catalog.pg_class t ON dt.refobjid = t.oid
           JOIN pg_catalog.pg_namespace nt ON t.relnamespace = nt.oid
           JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = dt.refobjsubid
     WHERE v.relkind = 'v'
       AND t.relkind IN ('r', 'v', 'f', 'p')
       AND pg_catalog.pg_has_role(t.relowner, 'USAGE');

-- One row per function a view's query calls, when the user owns it.
CREATE VIEW information_schema.view_routine_usage AS
    SELECT DISTINCT
           current_database()::information_schema.sql_identifier AS table_catalog,
           nv.nspname::information_schema.sql_identifier AS table_schema,
           v.relname::information_schema.sql_identifier AS table_name,
           current_database()::information_schema.sql_identifier AS specific_catalog,
           np.nspname::information_schema.sql_identifier AS specific_schema,
           pg_catalog.nameconcatoid(p.proname, p.oid)::information_schema.sql_identifier
               AS specific_name
      FROM pg_catalog.pg_class v
           JOIN pg_catalog.pg_namespace nv ON v.relnamespace = nv.oid
           JOIN pg_catalog.pg_depend dv
             ON dv.refobjid = v.oid
            AND dv.refclassid = 'pg_catalog.pg_class'::regclass
            AND dv.classid = 'pg_catalog.pg_rewrite'::regclass
            AND dv.deptype = 'i'
           JOIN pg_catalog.pg_depend dp
             ON dp.objid = dv.objid
            AND dp.classid = 'pg_catalog.pg_rewrite'::regclass
            AND dp.refclassid = 'pg_catalog.pg_proc'::regclass
           JOIN pg_catalog.pg_proc p ON dp.refobjid = p.oid
           JOIN pg_catalog.pg_namespace np ON p.pronamespace = np.oid
     WHERE v.relkind = 'v'
       AND pg_catalog.pg_has_role(p.proowner, 'USAGE');

-- One row per trigger and event (INSERT, DELETE, UPDATE) it fires on.
-- Tusk has no CREATE TRIGGER yet, so pg_trigger and this view are empty.
CREATE VIEW information_schema.triggers AS
    SELECT current_database()::information_schema.sql_identifier AS trigger_catalog,
           n.nspname::information_schema.sql_identifier AS trigger_schema,
           t.tgname::information_schema.sql_identifier AS trigger_name,
           em.text::information_schema.character_data AS event_manipulation,
           current_database()::information_schema.sql_identifier AS event_object_catalog,
           n.nspname::information_schema.sql_identifier AS event_object_schema,
           c.relname::information_schema.sql_identifier AS event_object_table,
           (rank() OVER (PARTITION BY n.nspname::information_schema.sql_identifier,
                                      c.relname::information_schema.sql_identifier,
                                      em.num, t.tgtype & 1, t.tgtype & 66
                         ORDER BY t.tgname))::information_schema.cardinal_number
               AS action_order,
           (CASE WHEN pg_catalog.pg_has_role(c.relowner, 'USAGE')
                 THEN (pg_catalog.regexp_match(pg_catalog.pg_get_triggerdef(t.oid),
                                               E'.{35,} WHEN \\((.+)\\) EXECUTE FUNCTION'))[1]
            END)::information_schema.character_data AS action_condition,
           substring(pg_catalog.pg_get_triggerdef(t.oid)
                     from position('EXECUTE FUNCTION' in
                                   substring(pg_catalog.pg_get_triggerdef(t.oid) from 48)) + 47)
               ::information_schema.character_data AS action_statement,
           (CASE t.tgtype & 1 WHEN 1 THEN 'ROW' ELSE 'STATEMENT'
            END)::information_schema.character_data AS action_orientation,
           (CASE t.tgtype & 66 WHEN 2 THEN 'BEFORE' WHEN 64 THEN 'INSTEAD OF' ELSE 'AFTER'
            END)::information_schema.character_data AS action_timing,
           t.tgoldtable::information_schema.sql_identifier AS action_reference_old_table,
           t.tgnewtable::information_schema.sql_identifier AS action_reference_new_table,
           NULL::information_schema.sql_identifier AS action_reference_old_row,
           NULL::information_schema.sql_identifier AS action_reference_new_row,
           NULL::information_schema.time_stamp AS created
      FROM pg_catalog.pg_trigger t
           JOIN pg_catalog.pg_class c ON t.tgrelid = c.oid
           JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid
           JOIN (VALUES (4, 'INSERT'), (8, 'DELETE'), (16, 'UPDATE')) AS em (num, text)
             ON t.tgtype & em.num <> 0
     WHERE NOT t.tgisinternal
       AND NOT pg_catalog.pg_is_other_temp_schema(n.oid)
       AND (pg_catalog.pg_has_role(c.relowner, 'USAGE')
            OR pg_catalog.has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
            OR pg_catalog.has_any_column_privilege(c.oid, 'INSERT, UPDATE, REFERENCES'));

-- One row per table column and the type it uses (a domain's base type for
-- a column of a domain), when the user owns that type.
CREATE VIEW information_schema.column_udt_usage AS
    SELECT current_database()::information_schema.sql_identifier AS udt_catalog,
           coalesce(nbt.nspname, nt.nspname)::information_schema.sql_identifier AS udt_schema,
           coalesce(bt.typname, t.typname)::information_schema.sql_identifier AS udt_name,
           current_database()::information_schema.sql_identifier AS table_catalog,
           nc.nspname::information_schema.sql_identifier AS table_schema,
           c.relname::information_schema.sql_identifier AS table_name,
           a.attname::information_schema.sql_identifier AS column_name
      FROM pg_catalog.pg_attribute a
           JOIN pg_catalog.pg_class c ON a.attrelid = c.oid
           JOIN pg_catalog.pg_namespace nc ON c.relnamespace = nc.oid
           JOIN pg_catalog.pg_type t ON a.atttypid = t.oid
           JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
           LEFT JOIN pg_catalog.pg_type bt ON t.typtype = 'd' AND t.typbasetype = bt.oid
           LEFT JOIN pg_catalog.pg_namespace nbt ON bt.typnamespace = nbt.oid
     WHERE a.attnum > 0 AND NOT a.attisdropped
       AND c.relkind IN ('r', 'v', 'f', 'p')
       AND pg_catalog.pg_has_role(coalesce(bt.typowner, t.typowner), 'USAGE');

-- One row per table a PRIMARY KEY or UNIQUE constraint is on, or a
-- FOREIGN KEY references, when the user owns the table.
CREATE VIEW information_schema.constraint_table_usage AS
    SELECT current_database()::information_schema.sql_identifier AS table_catalog,
           nr.nspname::information_schema.sql_identifier AS table_schema,
           r.relname::information_schema.sql_identifier AS table_name,
           current_database()::information_schema.sql_identifier AS constraint_catalog,
           nc.nspname::information_schema.sql_identifier AS constraint_schema,
           c.conname::information_schema.sql_identifier AS constraint_name
      FROM pg_catalog.pg_constraint c
           JOIN pg_catalog.pg_namespace nc ON c.connamespace = nc.oid
           JOIN pg_catalog.pg_class r
             ON (c.contype = 'f' AND c.confrelid = r.oid)
             OR (c.contype IN ('p', 'u') AND c.conrelid = r.oid)
           JOIN pg_catalog.pg_namespace nr ON r.relnamespace = nr.oid
     WHERE r.relkind IN ('r', 'p')
       AND pg_catalog.pg_has_role(r.relowner, 'USAGE');

-- One row per domain and its base type, when the user owns the base type.
CREATE VIEW information_schema.domain_udt_usage AS
    SELECT current_database()::information_schema.sql_identifier AS udt_catalog,
           nbt.nspname::information_schema.sql_identifier AS udt_schema,
           bt.typname::information_schema.sql_identifier AS udt_name,
           current_database()::information_schema.sql_identifier AS domain_catalog,
           nt.nspname::information_schema.sql_identifier AS domain_schema,
           t.typname::information_schema.sql_identifier AS domain_name
      FROM pg_catalog.pg_type t
           JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
           JOIN pg_catalog.pg_type bt ON t.typbasetype = bt.oid
           JOIN pg_catalog.pg_namespace nbt ON bt.typnamespace = nbt.oid
     WHERE t.typtype = 'd'
       AND pg_catalog.pg_has_role(bt.typowner, 'USAGE');

-- The column privileges granted by or to one of the current user's roles.
CREATE VIEW information_schema.role_column_grants AS
    SELECT grantor, grantee, table_catalog, table_schema, table_name, column_name,
           privilege_type, is_grantable
      FROM information_schema.column_privileges
     WHERE grantor IN (SELECT role_name FROM information_schema.enabled_roles)
        OR grantee IN (SELECT role_name FROM information_schema.enabled_roles);

-- One row per EXECUTE privilege on a function or procedure (PUBLIC's and
-- the owner's by default).
CREATE VIEW information_schema.routine_privileges AS
    SELECT u_grantor.rolname::information_schema.sql_identifier AS grantor,
           grantee.rolname::information_schema.sql_identifier AS grantee,
           current_database()::information_schema.sql_identifier AS specific_catalog,
           n.nspname::information_schema.sql_identifier AS specific_schema,
           pg_catalog.nameconcatoid(p.proname, p.oid)::information_schema.sql_identifier
               AS specific_name,
           current_database()::information_schema.sql_identifier AS routine_catalog,
           n.nspname::information_schema.sql_identifier AS routine_schema,
           p.proname::information_schema.sql_identifier AS routine_name,
           'EXECUTE'::information_schema.character_data AS privilege_type,
           (CASE WHEN pg_catalog.pg_has_role(grantee.oid, p.proowner, 'USAGE') OR p.grantable
                 THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS is_grantable
      FROM (SELECT f.oid, f.proname, f.proowner, f.pronamespace,
                   (pg_catalog.aclexplode(coalesce(f.proacl,
                                                   pg_catalog.acldefault('f', f.proowner)))).*
              FROM pg_catalog.pg_proc f)
           AS p (oid, proname, proowner, pronamespace, grantor, grantee, prtype, grantable)
           JOIN pg_catalog.pg_namespace n ON p.pronamespace = n.oid
           JOIN pg_catalog.pg_authid u_grantor ON p.grantor = u_grantor.oid
           JOIN (SELECT a.oid, a.rolname FROM pg_catalog.pg_authid a
                 UNION ALL
                 SELECT 0::oid, 'PUBLIC') AS grantee (oid, rolname)
             ON p.grantee = grantee.oid
     WHERE p.prtype = 'EXECUTE'
       AND (pg_catalog.pg_has_role(u_grantor.oid, 'USAGE')
            OR pg_catalog.pg_has_role(grantee.oid, 'USAGE')
            OR grantee.rolname = 'PUBLIC');

-- The routine privileges granted by or to one of the current user's roles.
CREATE VIEW information_schema.role_routine_grants AS
    SELECT grantor, grantee, specific_catalog, specific_schema, specific_name,
           routine_catalog, routine_schema, routine_name, privilege_type, is_grantable
      FROM information_schema.routine_privileges
     WHERE grantor IN (SELECT role_name FROM information_schema.enabled_roles)
        OR grantee IN (SELECT role_name FROM information_schema.enabled_roles);

-- One row per USAGE privilege on a composite type.
CREATE VIEW information_schema.udt_privileges AS
    SELECT u_grantor.rolname::information_schema.sql_identifier AS grantor,
           grantee.rolname::information_schema.sql_identifier AS grantee,
           current_database()::information_schema.sql_identifier AS udt_catalog,
           n.nspname::information_schema.sql_identifier AS udt_schema,
           t.typname::information_schema.sql_identifier AS udt_name,
           'TYPE USAGE'::information_schema.character_data AS privilege_type,
           (CASE WHEN pg_catalog.pg_has_role(grantee.oid, t.typowner, 'USAGE') OR t.grantable
                 THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no AS is_grantable
      FROM (SELECT y.oid, y.typname, y.typnamespace, y.typtype, y.typowner,
                   (pg_catalog.aclexplode(coalesce(y.typacl,
                                                   pg_catalog.acldefault('T', y.typowner)))).*
              FROM pg_catalog.pg_type y)
           AS t (oid, typname, typnamespace, typtype, typowner, grantor, grantee, prtype,
                 grantable)
           JOIN pg_catalog.pg_namespace n ON t.typnamespace = n.oid
           JOIN pg_catalog.pg_authid u_grantor ON t.grantor = u_grantor.oid
           JOIN (SELECT a.oid, a.rolname FROM pg_catalog.pg_authid a
                 UNION ALL
                 SELECT 0::oid, 'PUBLIC') AS grantee (oid, rolname)
             ON t.grantee = grantee.oid
     WHERE t.typtype = 'c'
       AND t.prtype = 'USAGE'
       AND (pg_catalog.pg_has_role(u_grantor.oid, 'USAGE')
            OR pg_catalog.pg_has_role(grantee.oid, 'USAGE')
            OR grantee.rolname = 'PUBLIC');

-- The type privileges granted by or to one of the current user's roles.
CREATE VIEW information_schema.role_udt_grants AS
    SELECT grantor, grantee, udt_catalog, udt_schema, udt_name, privilege_type, is_grantable
      FROM information_schema.udt_privileges
     WHERE grantor IN (SELECT role_name FROM information_schema.enabled_roles)
        OR grantee IN (SELECT role_name FROM information_schema.enabled_roles);

-- One row per function a CHECK constraint calls, when the user owns it.
CREATE VIEW information_schema.check_constraint_routine_usage AS
    SELECT DISTINCT
           current_database()::information_schema.sql_identifier AS constraint_catalog,
           nc.nspname::information_schema.sql_identifier AS constraint_schema,
           c.conname::information_schema.sql_identifier AS constraint_name,
           current_database()::information_schema.sql_identifier AS specific_catalog,
           np.nspname::information_schema.sql_identifier AS specific_schema,
           pg_catalog.nameconcatoid(p.proname, p.oid)::information_schema.sql_identifier
               AS specific_name
      FROM pg_catalog.pg_constraint c
           JOIN pg_catalog.pg_namespace nc ON c.connamespace = nc.oid
           JOIN pg_catalog.pg_depend d
             ON d.objid = c.oid
            AND d.classid = 'pg_catalog.pg_constraint'::regclass
            AND d.refclassid = 'pg_catalog.pg_proc'::regclass
           JOIN pg_catalog.pg_proc p ON d.refobjid = p.oid
           JOIN pg_catalog.pg_namespace np ON p.pronamespace = np.oid
     WHERE c.contype = 'c'
       AND pg_catalog.pg_has_role(p.proowner, 'USAGE');

-- One row per column a generated column is computed from.
CREATE VIEW information_schema.column_column_usage AS
    SELECT DISTINCT
           current_database()::information_schema.sql_identifier AS table_catalog,
           n.nspname::information_schema.sql_identifier AS table_schema,
           c.relname::information_schema.sql_identifier AS table_name,
           ac.attname::information_schema.sql_identifier AS column_name,
           ad.attname::information_schema.sql_identifier AS dependent_column
      FROM pg_catalog.pg_class c
           JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid
           JOIN pg_catalog.pg_attribute ad ON ad.attrelid = c.oid
           JOIN pg_catalog.pg_attrdef atd ON atd.adrelid = ad.attrelid AND atd.adnum = ad.attnum
           JOIN pg_catalog.pg_depend d
             ON d.objid = atd.oid
            AND d.classid = 'pg_catalog.pg_attrdef'::regclass
            AND d.refclassid = 'pg_catalog.pg_class'::regclass
           JOIN pg_catalog.pg_attribute ac
             ON ac.attrelid = c.oid AND d.refobjid = ac.attrelid AND d.refobjsubid = ac.attnum
     WHERE ac.attnum <> ad.attnum
       AND ad.attgenerated <> ''
       AND pg_catalog.pg_has_role(c.relowner, 'USAGE');

-- What routines use, from their recorded dependencies (PostgreSQL records
-- them for RETURN and BEGIN ATOMIC bodies; Tusk keeps such a body as text
-- and records none yet, so these views list nothing for it).
CREATE VIEW information_schema.routine_column_usage AS
    SELECT DISTINCT
           current_database()::information_schema.sql_identifier AS specific_catalog,
           np.nspname::information_schema.sql_identifier AS specific_schema,
           pg_catalog.nameconcatoid(p.proname, p.oid)::information_schema.sql_identifier
               AS specific_name,
           current_database()::information_schema.sql_identifier AS routine_catalog,
           np.nspname::information_schema.sql_identifier AS routine_schema,
           p.proname::information_schema.sql_identifier AS routine_name,
           current_database()::information_schema.sql_identifier AS table_catalog,
           nt.nspname::information_schema.sql_identifier AS table_schema,
           t.relname::information_schema.sql_identifier AS table_name,
           a.attname::information_schema.sql_identifier AS column_name
      FROM pg_catalog.pg_proc p
           JOIN pg_catalog.pg_namespace np ON p.pronamespace = np.oid
           JOIN pg_catalog.pg_depend d
             ON d.objid = p.oid
            AND d.classid = 'pg_catalog.pg_proc'::regclass
            AND d.refclassid = 'pg_catalog.pg_class'::regclass
           JOIN pg_catalog.pg_class t ON d.refobjid = t.oid
           JOIN pg_catalog.pg_namespace nt ON t.relnamespace = nt.oid
           JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     WHERE t.relkind IN ('r', 'v', 'f', 'p')
       AND pg_catalog.pg_has_role(t.relowner, 'USAGE');

CREATE VIEW information_schema.routine_routine_usage AS
    SELECT DISTINCT
           current_database()::information_schema.sql_identifier AS specific_catalog,
           np.nspname::information_schema.sql_identifier AS specific_schema,
           pg_catalog.nameconcatoid(p.proname, p.oid)::information_schema.sql_identifier
               AS specific_name,
           current_database()::information_schema.sql_identifier AS routine_catalog,
           np1.nspname::information_schema.sql_identifier AS routine_schema,
           pg_catalog.nameconcatoid(p1.proname, p1.oid)::information_schema.sql_identifier
               AS routine_name
      FROM pg_catalog.pg_proc p
           JOIN pg_catalog.pg_namespace np ON p.pronamespace = np.oid
           JOIN pg_catalog.pg_depend d
             ON d.objid = p.oid
            AND d.classid = 'pg_catalog.pg_proc'::regclass
            AND d.refclassid = 'pg_catalog.pg_proc'::regclass
           JOIN pg_catalog.pg_proc p1 ON d.refobjid = p1.oid
           JOIN pg_catalog.pg_namespace np1 ON p1.pronamespace = np1.oid
     WHERE p.prokind IN ('f', 'p') AND p1.prokind IN ('f', 'p')
       AND pg_catalog.pg_has_role(p1.proowner, 'USAGE');

CREATE VIEW information_schema.routine_sequence_usage AS
    SELECT DISTINCT
           current_database()::information_schema.sql_identifier AS specific_catalog,
           np.nspname::information_schema.sql_identifier AS specific_schema,
           pg_catalog.nameconcatoid(p.proname, p.oid)::information_schema.sql_identifier
               AS specific_name,
           current_database()::information_schema.sql_identifier AS routine_catalog,
           np.nspname::information_schema.sql_identifier AS routine_schema,
           p.proname::information_schema.sql_identifier AS routine_name,
           current_database()::information_schema.sql_identifier AS sequence_catalog,
           ns.nspname::information_schema.sql_identifier AS sequence_schema,
           s.relname::information_schema.sql_identifier AS sequence_name
      FROM pg_catalog.pg_proc p
           JOIN pg_catalog.pg_namespace np ON p.pronamespace = np.oid
           JOIN pg_catalog.pg_depend d
             ON d.objid = p.oid
            AND d.classid = 'pg_catalog.pg_proc'::regclass
            AND d.refclassid = 'pg_catalog.pg_class'::regclass
           JOIN pg_catalog.pg_class s ON d.refobjid = s.oid
           JOIN pg_catalog.pg_namespace ns ON s.relnamespace = ns.oid
     WHERE s.relkind = 'S'
       AND pg_catalog.pg_has_role(s.relowner, 'USAGE');

CREATE VIEW information_schema.routine_table_usage AS
    SELECT DISTINCT
           current_database()::information_schema.sql_identifier AS specific_catalog,
           np.nspname::information_schema.sql_identifier AS specific_schema,
           pg_catalog.nameconcatoid(p.proname, p.oid)::information_schema.sql_identifier
               AS specific_name,
           current_database()::information_schema.sql_identifier AS routine_catalog,
           np.nspname::information_schema.sql_identifier AS routine_schema,
           p.proname::information_schema.sql_identifier AS routine_name,
           current_database()::information_schema.sql_identifier AS table_catalog,
           nt.nspname::information_schema.sql_identifier AS table_schema,
           t.relname::information_schema.sql_identifier AS table_name
      FROM pg_catalog.pg_proc p
           JOIN pg_catalog.pg_namespace np ON p.pronamespace = np.oid
           JOIN pg_catalog.pg_depend d
             ON d.objid = p.oid
            AND d.classid = 'pg_catalog.pg_proc'::regclass
            AND d.refclassid = 'pg_catalog.pg_class'::regclass
           JOIN pg_catalog.pg_class t ON d.refobjid = t.oid
           JOIN pg_catalog.pg_namespace nt ON t.relnamespace = nt.oid
     WHERE t.relkind IN ('r', 'v', 'f', 'p')
       AND pg_catalog.pg_has_role(t.relowner, 'USAGE');

-- One row per column an UPDATE OF trigger lists (empty until Tusk has
-- triggers).
CREATE VIEW information_schema.triggered_update_columns AS
    SELECT current_database()::information_schema.sql_identifier AS trigger_catalog,
           n.nspname::information_schema.sql_identifier AS trigger_schema,
           t.tgname::information_schema.sql_identifier AS trigger_name,
           current_database()::information_schema.sql_identifier AS event_object_catalog,
           n.nspname::information_schema.sql_identifier AS event_object_schema,
           c.relname::information_schema.sql_identifier AS event_object_table,
           a.attname::information_schema.sql_identifier AS event_object_column
      FROM (SELECT tg.oid AS tgoid, information_schema._pg_expandarray(tg.tgattr) AS col
              FROM pg_catalog.pg_trigger tg) ta
           JOIN pg_catalog.pg_trigger t ON t.oid = ta.tgoid
           JOIN pg_catalog.pg_class c ON t.tgrelid = c.oid
           JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid
           JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = (ta.col).x
     WHERE NOT t.tgisinternal
       AND NOT pg_catalog.pg_is_other_temp_schema(n.oid)
       AND (pg_catalog.pg_has_role(c.relowner, 'USAGE')
            OR pg_catalog.has_column_privilege(c.oid, a.attnum, 'INSERT, UPDATE, REFERENCES'));

-- One row per USAGE privilege on a collation (every collation: PUBLIC's,
-- implicitly), domain, foreign-data wrapper, foreign server or sequence.
CREATE VIEW information_schema.usage_privileges AS
    SELECT u.rolname::information_schema.sql_identifier AS grantor,
           'PUBLIC'::information_schema.sql_identifier AS grantee,
           current_database()::information_schema.sql_identifier AS object_catalog,
           n.nspname::information_schema.sql_identifier AS object_schema,
           c.collname::information_schema.sql_identifier AS object_name,
           'COLLATION'::information_schema.character_data AS object_type,
           'USAGE'::information_schema.character_data AS privilege_type,
           'NO'::information_schema.yes_or_no AS is_grantable
      FROM pg_catalog.pg_collation c
           JOIN pg_catalog.pg_namespace n ON c.collnamespace = n.oid
           JOIN pg_catalog.pg_authid u ON c.collowner = u.oid
     WHERE c.collencoding IN (-1, (SELECT d.encoding FROM pg_catalog.pg_database d
                                    WHERE d.datname = current_database()))
    UNION ALL
    SELECT u_grantor.rolname::information_schema.sql_identifier,
           grantee.rolname::information_schema.sql_identifier,
           current_database()::information_schema.sql_identifier,
           n.nspname::information_schema.sql_identifier,
           t.typname::information_schema.sql_identifier,
           'DOMAIN'::information_schema.character_data,
           'USAGE'::information_schema.character_data,
           (CASE WHEN pg_catalog.pg_has_role(grantee.oid, t.typowner, 'USAGE') OR t.grantable
                 THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no
      FROM (SELECT y.oid, y.typname, y.typnamespace, y.typtype, y.typowner,
                   (pg_catalog.aclexplode(coalesce(y.typacl,
                                                   pg_catalog.acldefault('T', y.typowner)))).*
              FROM pg_catalog.pg_type y)
           AS t (oid, typname, typnamespace, typtype, typowner, grantor, grantee, prtype,
                 grantable)
           JOIN pg_catalog.pg_namespace n ON t.typnamespace = n.oid
           JOIN pg_catalog.pg_authid u_grantor ON t.grantor = u_grantor.oid
           JOIN (SELECT a.oid, a.rolname FROM pg_catalog.pg_authid a
                 UNION ALL
                 SELECT 0::oid, 'PUBLIC') AS grantee (oid, rolname)
             ON t.grantee = grantee.oid
     WHERE t.typtype = 'd'
       AND t.prtype = 'USAGE'
       AND (pg_catalog.pg_has_role(u_grantor.oid, 'USAGE')
            OR pg_catalog.pg_has_role(grantee.oid, 'USAGE')
            OR grantee.rolname = 'PUBLIC')
    UNION ALL
    SELECT u_grantor.rolname::information_schema.sql_identifier,
           grantee.rolname::information_schema.sql_identifier,
           current_database()::information_schema.sql_identifier,
           ''::information_schema.sql_identifier,
           fdw.fdwname::information_schema.sql_identifier,
           'FOREIGN DATA WRAPPER'::information_schema.character_data,
           'USAGE'::information_schema.character_data,
           (CASE WHEN pg_catalog.pg_has_role(grantee.oid, fdw.fdwowner, 'USAGE') OR fdw.grantable
                 THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no
      FROM (SELECT w.fdwname, w.fdwowner,
                   (pg_catalog.aclexplode(coalesce(w.fdwacl,
                                                   pg_catalog.acldefault('F', w.fdwowner)))).*
              FROM pg_catalog.pg_foreign_data_wrapper w)
           AS fdw (fdwname, fdwowner, grantor, grantee, prtype, grantable)
           JOIN pg_catalog.pg_authid u_grantor ON fdw.grantor = u_grantor.oid
           JOIN (SELECT a.oid, a.rolname FROM pg_catalog.pg_authid a
                 UNION ALL
                 SELECT 0::oid, 'PUBLIC') AS grantee (oid, rolname)
             ON fdw.grantee = grantee.oid
     WHERE fdw.prtype = 'USAGE'
       AND (pg_catalog.pg_has_role(u_grantor.oid, 'USAGE')
            OR pg_catalog.pg_has_role(grantee.oid, 'USAGE')
            OR grantee.rolname = 'PUBLIC')
    UNION ALL
    SELECT u_grantor.rolname::information_schema.sql_identifier,
           grantee.rolname::information_schema.sql_identifier,
           current_database()::information_schema.sql_identifier,
           ''::information_schema.sql_identifier,
           srv.srvname::information_schema.sql_identifier,
           'FOREIGN SERVER'::information_schema.character_data,
           'USAGE'::information_schema.character_data,
           (CASE WHEN pg_catalog.pg_has_role(grantee.oid, srv.srvowner, 'USAGE') OR srv.grantable
                 THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no
      FROM (SELECT s.srvname, s.srvowner,
                   (pg_catalog.aclexplode(coalesce(s.srvacl,
                                                   pg_catalog.acldefault('S', s.srvowner)))).*
              FROM pg_catalog.pg_foreign_server s)
           AS srv (srvname, srvowner, grantor, grantee, prtype, grantable)
           JOIN pg_catalog.pg_authid u_grantor ON srv.grantor = u_grantor.oid
           JOIN (SELECT a.oid, a.rolname FROM pg_catalog.pg_authid a
                 UNION ALL
                 SELECT 0::oid, 'PUBLIC') AS grantee (oid, rolname)
             ON srv.grantee = grantee.oid
     WHERE srv.prtype = 'USAGE'
       AND (pg_catalog.pg_has_role(u_grantor.oid, 'USAGE')
            OR pg_catalog.pg_has_role(grantee.oid, 'USAGE')
            OR grantee.rolname = 'PUBLIC')
    UNION ALL
    SELECT u_grantor.rolname::information_schema.sql_identifier,
           grantee.rolname::information_schema.sql_identifier,
           current_database()::information_schema.sql_identifier,
           n.nspname::information_schema.sql_identifier,
           c.relname::information_schema.sql_identifier,
           'SEQUENCE'::information_schema.character_data,
           'USAGE'::information_schema.character_data,
           (CASE WHEN pg_catalog.pg_has_role(grantee.oid, c.relowner, 'USAGE') OR c.grantable
                 THEN 'YES' ELSE 'NO'
            END)::information_schema.yes_or_no
      FROM (SELECT r.oid, r.relname, r.relnamespace, r.relkind, r.relowner,
                   (pg_catalog.aclexplode(coalesce(r.relacl,
                                                   pg_catalog.acldefault('r', r.relowner)))).*
              FROM pg_catalog.pg_class r)
           AS c (oid, relname, relnamespace, relkind, relowner, grantor, grantee, prtype,
                 grantable)
           JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid
           JOIN pg_catalog.pg_authid u_grantor ON c.grantor = u_grantor.oid
           JOIN (SELECT a.oid, a.rolname FROM pg_catalog.pg_authid a
                 UNION ALL
                 SELECT 0::oid, 'PUBLIC') AS grantee (oid, rolname)
             ON c.grantee = grantee.oid
     WHERE c.relkind = 'S'
       AND c.prtype = 'USAGE'
       AND (pg_catalog.pg_has_role(u_grantor.oid, 'USAGE')
            OR pg_catalog.pg_has_role(grantee.oid, 'USAGE')
            OR grantee.rolname = 'PUBLIC');

-- The USAGE privileges granted by or to one of the current user's roles.
CREATE VIEW information_schema.role_usage_grants AS
    SELECT grantor, grantee, object_catalog, object_schema, object_name, object_type,
           privilege_type, is_grantable
      FROM information_schema.usage_privileges
     WHERE grantor IN (SELECT role_name FROM information_schema.enabled_roles)
        OR grantee IN (SELECT role_name FROM information_schema.enabled_roles);


-- Transform functions (CREATE TRANSFORM), FROM SQL and TO SQL.
CREATE VIEW information_schema.transforms AS
    SELECT current_database()::information_schema.sql_identifier AS udt_catalog,
           nt.nspname::information_schema.sql_identifier AS udt_schema,
           t.typname::information_schema.sql_identifier AS udt_name,
           current_database()::information_schema.sql_identifier AS specific_catalog,
           np.nspname::information_schema.sql_identifier AS specific_schema,
           pg_catalog.nameconcatoid(p.proname, p.oid)::information_schema.sql_identifier
               AS specific_name,
           l.lanname::information_schema.sql_identifier AS group_name,
           'FROM SQL'::information_schema.character_data AS transform_type
      FROM pg_catalog.pg_transform x
           JOIN pg_catalog.pg_type t ON x.trftype = t.oid
           JOIN pg_catalog.pg_language l ON x.trflang = l.oid
           JOIN pg_catalog.pg_proc p ON x.trffromsql = p.oid
           JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
           JOIN pg_catalog.pg_namespace np ON p.pronamespace = np.oid
    UNION
    SELECT current_database()::information_schema.sql_identifier,
           nt.nspname::information_schema.sql_identifier,
           t.typname::information_schema.sql_identifier,
           current_database()::information_schema.sql_identifier,
           np.nspname::information_schema.sql_identifier,
           pg_catalog.nameconcatoid(p.proname, p.oid)::information_schema.sql_identifier,
           l.lanname::information_schema.sql_identifier,
           'TO SQL'::information_schema.character_data
      FROM pg_catalog.pg_transform x
           JOIN pg_catalog.pg_type t ON x.trftype = t.oid
           JOIN pg_catalog.pg_language l ON x.trflang = l.oid
           JOIN pg_catalog.pg_proc p ON x.trftosql = p.oid
           JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
           JOIN pg_catalog.pg_namespace np ON p.pronamespace = np.oid
     ORDER BY 1, 2, 3, 7, 8;

-- SQL/MED: foreign-data wrappers, servers, foreign tables, user mappings
-- and their options.  The _pg_ views are PostgreSQL's helpers (the ones
-- the user may see); Tusk cannot create any of these objects yet, so the
-- views are empty.
CREATE VIEW information_schema._pg_foreign_table_columns AS
    SELECT n.nspname, c.relname, a.attname, a.attfdwoptions
      FROM pg_catalog.pg_foreign_table t
           JOIN pg_catalog.pg_class c ON c.oid = t.ftrelid
           JOIN pg_catalog.pg_authid u ON u.oid = c.relowner
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
     WHERE c.relkind = 'f'
       AND a.attnum > 0
       AND (pg_catalog.pg_has_role(c.relowner, 'USAGE')
            OR pg_catalog.has_column_privilege(c.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES'));

CREATE VIEW information_schema.column_options AS
    SELECT current_database()::information_schema.sql_identifier AS table_catalog,
           c.nspname::information_schema.sql_identifier AS table_schema,
           c.relname::information_schema.sql_identifier AS table_name,
           c.attname::information_schema.sql_identifier AS column_name,
           o.option_name::information_schema.sql_identifier AS option_name,
           o.option_value::information_schema.character_data AS option_value
      FROM information_schema._pg_foreign_table_columns c,
           pg_catalog.pg_options_to_table(c.attfdwoptions) o;

CREATE VIEW information_schema._pg_foreign_data_wrappers AS
    SELECT w.oid, w.fdwowner, w.fdwoptions,
           current_database()::information_schema.sql_identifier AS foreign_data_wrapper_catalog,
           w.fdwname::information_schema.sql_identifier AS foreign_data_wrapper_name,
           u.rolname::information_schema.sql_identifier AS authorization_identifier,
           'c'::information_schema.character_data AS foreign_data_wrapper_language
      FROM pg_catalog.pg_foreign_data_wrapper w
           JOIN pg_catalog.pg_authid u ON u.oid = w.fdwowner
     WHERE pg_catalog.pg_has_role(w.fdwowner, 'USAGE')
        OR pg_catalog.has_foreign_data_wrapper_privilege(w.oid, 'USAGE');

CREATE VIEW information_schema.foreign_data_wrapper_options AS
    SELECT w.foreign_data_wrapper_catalog, w.foreign_data_wrapper_name,
           o.option_name::information_schema.sql_identifier AS option_name,
           o.option_value::information_schema.character_data AS option_value
      FROM information_schema._pg_foreign_data_wrappers w,
           pg_catalog.pg_options_to_table(w.fdwoptions) o;

CREATE VIEW information_schema.foreign_data_wrappers AS
    SELECT w.foreign_data_wrapper_catalog, w.foreign_data_wrapper_name,
           w.authorization_identifier,
           NULL::information_schema.character_data AS library_name,
           w.foreign_data_wrapper_language
      FROM information_schema._pg_foreign_data_wrappers w;

CREATE VIEW information_schema._pg_foreign_servers AS
    SELECT s.oid, s.srvoptions,
           current_database()::information_schema.sql_identifier AS foreign_server_catalog,
           s.srvname::information_schema.sql_identifier AS foreign_server_name,
           current_database()::information_schema.sql_identifier AS foreign_data_wrapper_catalog,
           w.fdwname::information_schema.sql_identifier AS foreign_data_wrapper_name,
           s.srvtype::information_schema.character_data AS foreign_server_type,
           s.srvversion::information_schema.character_data AS foreign_server_version,
           u.rolname::information_schema.sql_identifier AS authorization_identifier
      FROM pg_catalog.pg_foreign_server s
           JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
           JOIN pg_catalog.pg_authid u ON u.oid = s.srvowner
     WHERE pg_catalog.pg_has_role(s.srvowner, 'USAGE')
        OR pg_catalog.has_server_privilege(s.oid, 'USAGE');

CREATE VIEW information_schema.foreign_server_options AS
    SELECT s.foreign_server_catalog, s.foreign_server_name,
           o.option_name::information_schema.sql_identifier AS option_name,
           o.option_value::information_schema.character_data AS option_value
      FROM information_schema._pg_foreign_servers s,
           pg_catalog.pg_options_to_table(s.srvoptions) o;

CREATE VIEW information_schema.foreign_servers AS
    SELECT foreign_server_catalog, foreign_server_name, foreign_data_wrapper_catalog,
           foreign_data_wrapper_name, foreign_server_type, foreign_server_version,
           authorization_identifier
      FROM information_schema._pg_foreign_servers;

CREATE VIEW information_schema._pg_foreign_tables AS
    SELECT current_database()::information_schema.sql_identifier AS foreign_table_catalog,
           n.nspname::information_schema.sql_identifier AS foreign_table_schema,
           c.relname::information_schema.sql_identifier AS foreign_table_name,
           t.ftoptions AS ftoptions,
           current_database()::information_schema.sql_identifier AS foreign_server_catalog,
           s.srvname::information_schema.sql_identifier AS foreign_server_name,
           u.rolname::information_schema.sql_identifier AS authorization_identifier
      FROM pg_catalog.pg_foreign_table t
           JOIN pg_catalog.pg_class c ON c.oid = t.ftrelid
           JOIN pg_catalog.pg_foreign_server s ON s.oid = t.ftserver
           JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
           JOIN pg_catalog.pg_authid u ON u.oid = c.relowner
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'f'
       AND (pg_catalog.pg_has_role(c.relowner, 'USAGE')
            OR pg_catalog.has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
            OR pg_catalog.has_any_column_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES'));

CREATE VIEW information_schema.foreign_table_options AS
    SELECT t.foreign_table_catalog, t.foreign_table_schema, t.foreign_table_name,
           o.option_name::information_schema.sql_identifier AS option_name,
           o.option_value::information_schema.character_data AS option_value
      FROM information_schema._pg_foreign_tables t,
           pg_catalog.pg_options_to_table(t.ftoptions) o;

CREATE VIEW information_schema.foreign_tables AS
    SELECT foreign_table_catalog, foreign_table_schema, foreign_table_name,
           foreign_server_catalog, foreign_server_name
      FROM information_schema._pg_foreign_tables;

CREATE VIEW information_schema._pg_user_mappings AS
    SELECT um.oid, um.umoptions, um.umuser,
           coalesce(u.rolname, 'PUBLIC')::information_schema.sql_identifier
               AS authorization_identifier,
           s.foreign_server_catalog, s.foreign_server_name,
           s.authorization_identifier AS srvowner
      FROM pg_catalog.pg_user_mapping um
           LEFT JOIN pg_catalog.pg_authid u ON u.oid = um.umuser
           JOIN information_schema._pg_foreign_servers s ON s.oid = um.umserver;

-- An option's value shows to the mapping's own user, the server's owner
-- for a PUBLIC mapping, and superusers.
CREATE VIEW information_schema.user_mapping_options AS
    SELECT um.authorization_identifier, um.foreign_server_catalog, um.foreign_server_name,
           o.option_name::information_schema.sql_identifier AS option_name,
           (CASE WHEN (um.umuser <> 0 AND um.authorization_identifier = current_user)
                      OR (um.umuser = 0 AND pg_catalog.pg_has_role(um.srvowner, 'USAGE'))
                      OR (SELECT a.rolsuper FROM pg_catalog.pg_authid a
                           WHERE a.rolname = current_user)
                 THEN o.option_value
            END)::information_schema.character_data AS option_value
      FROM information_schema._pg_user_mappings um,
           pg_catalog.pg_options_to_table(um.umoptions) o;

CREATE VIEW information_schema.user_mappings AS
    SELECT authorization_identifier, foreign_server_catalog, foreign_server_name
      FROM information_schema._pg_user_mappings;

-- Everyone may read the views here (PostgreSQL's initdb grants SELECT on
-- each to PUBLIC but the _pg_ helpers and transforms): the owner's default
-- privileges plus SELECT for PUBLIC, so has_table_privilege, and thus the
-- tables and columns views, say so to any role.
UPDATE pg_catalog.pg_class
   SET relacl = pg_catalog.acldefault('r', relowner) ||
                pg_catalog.makeaclitem(0, relowner, 'SELECT', false)
 WHERE relnamespace = 'information_schema'::pg_catalog.regnamespace AND relkind = 'v'
   AND relname NOT LIKE '\_pg\_%' AND relname <> 'transforms';
