--
-- CREATE INDEX and DROP INDEX: catalog rows, default names, options,
-- errors, building over existing rows, partial indexes.
--
CREATE TABLE ci (a int, b text, c int8, d numeric, e bool);
INSERT INTO ci VALUES (1, 'one', 10, 1.5, true), (2, 'two', 20, 2.5, false),
  (3, 'three', 30, NULL, NULL), (NULL, NULL, NULL, NULL, NULL);
CREATE INDEX ON ci (a);
CREATE INDEX ON ci (a);
CREATE INDEX ON ci (b DESC, a NULLS FIRST);
CREATE INDEX ci_named ON ci USING btree (c DESC NULLS LAST) INCLUDE (d);
CREATE INDEX ON ci (a, a);
CREATE INDEX IF NOT EXISTS ci_named ON ci (a);
CREATE INDEX ON ci (d);
CREATE INDEX ON ci (e);
CREATE UNIQUE INDEX ci_b_unique ON ci (b);
CREATE INDEX ci_partial ON ci (a) WHERE c > 15;
SELECT c.relname, c.relkind, c.relam, c.relnatts, i.indnatts, i.indnkeyatts,
       i.indisunique, i.indisprimary, i.indkey, i.indoption, i.indpred IS NOT NULL AS partial
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'ci'::regclass
 ORDER BY c.relname;
SELECT relname, relhasindex FROM pg_class WHERE relname = 'ci';
SELECT c.relname, a.attnum, a.attname, a.atttypid::regtype
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relname IN ('ci_a_a1_idx', 'ci_named', 'ci_b_a_idx')
 ORDER BY c.relname, a.attnum;
-- Errors.
CREATE INDEX ci_named ON ci (a);
CREATE INDEX ON ci (nosuch);
CREATE INDEX ON nosuch (a);
CREATE INDEX ON ci USING nosuch (a);
CREATE INDEX ON ci (a) INCLUDE (b DESC);
CREATE INDEX ON ci (b int4_ops);
CREATE INDEX ON ci (a nosuch_ops);
CREATE INDEX ON ci (ctid);
CREATE INDEX ON pg_class (relname);
CREATE UNIQUE INDEX ON ci (e);
INSERT INTO ci VALUES (4, 'four', 40, 4, true);
CREATE UNIQUE INDEX ci_e_key ON ci (e);
-- Index names that collide with tables, and long names.
CREATE TABLE ci_a_idx2 (x int);
CREATE INDEX ON ci (a);
CREATE TABLE a_table_with_a_rather_long_name_that_goes_on_and_on_and_on (a_column_with_a_long_name int, b int);
CREATE INDEX ON a_table_with_a_rather_long_name_that_goes_on_and_on_and_on (a_column_with_a_long_name, b);
CREATE INDEX ON a_table_with_a_rather_long_name_that_goes_on_and_on_and_on (a_column_with_a_long_name, b);
SELECT relname FROM pg_class WHERE relname LIKE 'a_table%' ORDER BY relname;
DROP TABLE a_table_with_a_rather_long_name_that_goes_on_and_on_and_on;
-- DROP INDEX.
DROP INDEX ci_a_idx1;
DROP INDEX ci_a_idx1;
DROP INDEX IF EXISTS ci_a_idx1;
DROP INDEX ci;
DROP TABLE ci_named;
DROP INDEX ci_named, ci_partial;
SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'ci'::regclass ORDER BY c.relname;
-- Rows inserted and updated after the indexes exist.
INSERT INTO ci VALUES (5, 'five', 50, 5, NULL);
UPDATE ci SET a = a + 100 WHERE a > 3;
SELECT * FROM ci ORDER BY a;
-- A unique index on text refuses duplicates; NULLs never conflict.
INSERT INTO ci VALUES (6, 'one', 60, 6, NULL);
INSERT INTO ci VALUES (7, NULL, 70, 7, NULL), (8, NULL, 80, 8, NULL);
UPDATE ci SET b = 'two' WHERE a = 1;
-- A partial unique index only covers the rows of its predicate.
CREATE TABLE cp (k int, active bool);
CREATE UNIQUE INDEX cp_active ON cp (k) WHERE active;
INSERT INTO cp VALUES (1, true), (1, false), (1, false);
INSERT INTO cp VALUES (1, true);
UPDATE cp SET active = true WHERE NOT active;
SELECT * FROM cp ORDER BY k, active;
CREATE UNIQUE INDEX cp_all ON cp (k);
DROP TABLE cp;
-- DROP TABLE drops its indexes.
DROP TABLE ci;
SELECT count(*) FROM pg_class WHERE relname LIKE 'ci%';
DROP TABLE ci_a_idx2;
-- Operator classes named explicitly.
CREATE TABLE tp (s text, c char(5), v varchar(10));
INSERT INTO tp VALUES ('abc', 'ab', 'x'), ('abd', 'ab ', 'y'), ('b', 'zz', 'x'), (NULL, NULL, NULL);
CREATE INDEX tp_s ON tp (s text_pattern_ops);
CREATE INDEX tp_c ON tp (c bpchar_pattern_ops);
CREATE INDEX tp_v ON tp (v);
SELECT s FROM tp WHERE s ~>=~ 'abd' ORDER BY s;
SELECT s FROM tp WHERE s = 'abc';
SELECT s, c FROM tp WHERE c = 'ab' ORDER BY s;
SELECT s, v FROM tp WHERE v = 'x' ORDER BY s;
SELECT c.relname, i.indclass FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'tp'::regclass ORDER BY c.relname;
CREATE UNIQUE INDEX ON tp (c);
DROP TABLE tp;
