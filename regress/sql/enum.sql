--
-- Enum types: CREATE TYPE … AS ENUM, ALTER TYPE … ADD/RENAME VALUE,
-- DROP TYPE, values, ordering, indexes, functions and the catalogs
--
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
SELECT 'ok'::mood, 'happy'::mood::text, 'sad'::text::mood;
SELECT 'x'::mood;
SELECT 'Sad'::mood;
SELECT ''::mood;
SELECT typname, typlen, typbyval, typtype, typcategory, typdelim, typinput, typoutput,
       typreceive, typsend, typalign, typstorage, typarray <> 0 AS has_array
  FROM pg_type WHERE typname IN ('mood', '_mood') ORDER BY typname;
SELECT t.typname, e.typname AS elem, t.typalign, t.typcategory
  FROM pg_type t JOIN pg_type e ON t.typelem = e.oid WHERE e.typname = 'mood';
SELECT enumlabel, enumsortorder FROM pg_enum
  WHERE enumtypid = 'mood'::regtype ORDER BY enumsortorder;
COMMENT ON TYPE mood IS 'how one feels';
SELECT obj_description('mood'::regtype, 'pg_type');
SELECT format_type('mood'::regtype, NULL), format_type('_mood'::regtype, NULL),
       'mood[]'::regtype, pg_typeof('ok'::mood);

-- comparison in declared order
SELECT 'sad'::mood < 'happy'::mood, 'happy'::mood > 'ok'::mood, 'ok'::mood = 'ok'::mood,
       'ok'::mood <> 'sad'::mood, 'ok'::mood <= 'ok'::mood, 'sad'::mood >= 'ok'::mood,
       enum_cmp('sad', 'ok'::mood), enum_cmp('ok'::mood, 'ok');
CREATE TABLE person (name text, current_mood mood);
INSERT INTO person VALUES ('Moe', 'happy'), ('Larry', 'sad'), ('Curly', 'ok'),
  ('Shemp', NULL), ('Joe', 'happy');
INSERT INTO person VALUES ('Bad', 'grumpy');
SELECT * FROM person ORDER BY current_mood, name;
SELECT * FROM person ORDER BY current_mood DESC NULLS LAST, name;
SELECT * FROM person WHERE current_mood > 'sad' ORDER BY name;
SELECT min(current_mood), max(current_mood) FROM person;
SELECT current_mood, count(*) FROM person GROUP BY current_mood ORDER BY current_mood;
SELECT DISTINCT current_mood FROM person ORDER BY 1;
SELECT name FROM person WHERE current_mood IN ('ok', 'happy') ORDER BY name;
SELECT current_mood::text || '!' FROM person WHERE name = 'Moe';

-- functions
SELECT enum_first(NULL::mood), enum_last(NULL::mood), enum_range(NULL::mood);
SELECT enum_range('ok'::mood, NULL), enum_range(NULL, 'ok'::mood),
       enum_range('ok'::mood, 'happy'::mood), enum_range('happy'::mood, 'sad'::mood);
SELECT array_agg(current_mood ORDER BY current_mood) FROM person;
SELECT '{sad,happy}'::mood[], ARRAY['ok'::mood, 'sad'], ('{ok,x}'::mood[]);

-- indexes
CREATE INDEX person_mood_idx ON person (current_mood);
SET enable_seqscan = off;
SELECT name FROM person WHERE current_mood = 'happy' ORDER BY name;
SELECT name FROM person WHERE current_mood < 'happy' ORDER BY name;
RESET enable_seqscan;
CREATE TABLE mood_pk (m mood PRIMARY KEY);
INSERT INTO mood_pk VALUES ('ok'), ('sad');
INSERT INTO mood_pk VALUES ('ok');
SELECT * FROM mood_pk ORDER BY m;

-- ALTER TYPE … ADD VALUE
ALTER TYPE mood ADD VALUE 'ecstatic';
ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';
ALTER TYPE mood ADD VALUE 'fine' AFTER 'ok';
ALTER TYPE mood ADD VALUE 'miserable' BEFORE 'sad';
ALTER TYPE mood ADD VALUE 'ok';
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';
ALTER TYPE mood ADD VALUE 'x' BEFORE 'nope';
ALTER TYPE mood ADD VALUE 'x' AFTER 'nope';
ALTER TYPE mood ADD VALUE 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
SELECT enum_range(NULL::mood);
SELECT enumlabel, enumsortorder FROM pg_enum
  WHERE enumtypid = 'mood'::regtype ORDER BY enumsortorder;
SELECT 'fine'::mood > 'ok'::mood, 'meh'::mood < 'ok'::mood, 'miserable'::mood < 'sad'::mood;
-- many values squeezed between two neighbors force a renumbering
CREATE TYPE squeeze AS ENUM ('a', 'z');
ALTER TYPE squeeze ADD VALUE 'v1' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v2' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v3' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v4' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v5' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v6' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v7' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v8' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v9' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v10' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v11' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v12' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v13' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v14' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v15' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v16' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v17' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v18' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v19' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v20' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v21' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v22' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v23' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v24' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v25' BEFORE 'z';
ALTER TYPE squeeze ADD VALUE 'v26' BEFORE 'z';
SELECT enum_range(NULL::squeeze);
SELECT count(*), count(DISTINCT enumsortorder) FROM pg_enum WHERE enumtypid = 'squeeze'::regtype;

-- ALTER TYPE … RENAME VALUE
ALTER TYPE mood RENAME VALUE 'ok' TO 'okay';
SELECT * FROM person ORDER BY current_mood, name;
ALTER TYPE mood RENAME VALUE 'nope' TO 'x';
ALTER TYPE mood RENAME VALUE 'sad' TO 'happy';
ALTER TYPE text ADD VALUE 'x';
ALTER TYPE nosuchtype ADD VALUE 'x';

-- CREATE errors and edge cases
CREATE TYPE mood AS ENUM ('a');
-- (terse: the DETAIL names the new type's OID)
\set VERBOSITY terse
CREATE TYPE dup AS ENUM ('a', 'b', 'a');
\set VERBOSITY default
CREATE TYPE toolong AS ENUM ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
CREATE TYPE empty_enum AS ENUM ();
SELECT enum_range(NULL::empty_enum);
SELECT enum_first(NULL::empty_enum);
ALTER TYPE empty_enum ADD VALUE 'only';
SELECT enum_range(NULL::empty_enum);
CREATE SCHEMA enum_schema;
CREATE TYPE enum_schema.color AS ENUM ('red', 'green');
SELECT 'green'::enum_schema.color, enum_range(NULL::enum_schema.color);
CREATE TYPE person AS ENUM ('a');

-- DROP TYPE and dependencies
DROP TYPE mood;
DROP TYPE mood RESTRICT;
DROP TYPE _mood;
DROP TYPE person;
DROP TYPE nosuch;
DROP TYPE IF EXISTS nosuch;
DROP TYPE IF EXISTS nosuchschema.nosuch;
DROP TYPE IF EXISTS nosuch, empty_enum;
DROP TABLE mood_pk;
DROP TYPE mood CASCADE;
SELECT * FROM person ORDER BY name;
SELECT count(*) FROM pg_type WHERE typname IN ('mood', '_mood');
SELECT count(*) FROM pg_enum e LEFT JOIN pg_type t ON t.oid = e.enumtypid WHERE t.oid IS NULL;
DROP TYPE squeeze, enum_schema.color;
DROP SCHEMA enum_schema;
DROP TABLE person;

-- a transaction that creates a type and rolls back leaves nothing
BEGIN;
CREATE TYPE rolled AS ENUM ('a');
SELECT 'a'::rolled;
ROLLBACK;
SELECT 'a'::rolled;
