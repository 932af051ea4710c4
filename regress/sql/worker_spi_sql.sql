--
-- The statements contrib/worker_spi sends through SPI, run as a client
-- would: the schema check, the CREATE SCHEMA that makes the table and a
-- partial unique index in one statement, and the data-modifying WITH that
-- folds the deltas into the total.  (contrib/worker_spi itself is tested
-- in regress/integration/worker_spi_test.cpp.)
--
select count(*) from pg_namespace where nspname = 'schema7';
CREATE SCHEMA "schema7" CREATE TABLE "counted" (		type text CHECK (type IN ('total', 'delta')), 		value	integer)CREATE UNIQUE INDEX "counted_unique_total" ON "counted" (type) WHERE type = 'total';
select count(*) from pg_namespace where nspname = 'schema7';
-- what it made
SELECT c.relname, c.relkind, i.indisunique, i.indpred IS NOT NULL AS partial
  FROM pg_class c LEFT JOIN pg_index i ON i.indexrelid = c.oid
 WHERE c.relnamespace = 'schema7'::regnamespace ORDER BY c.relname;
-- (not pg_get_constraintdef: Tusk keeps IN (…) as an OR of equalities where
-- PostgreSQL makes it = ANY (ARRAY[…]), which shows in its text)
SELECT conname, contype FROM pg_constraint
 WHERE conrelid = 'schema7.counted'::regclass;
-- the check constraint and the unique partial index
INSERT INTO schema7.counted VALUES ('other', 1);
INSERT INTO schema7.counted VALUES ('total', 0);
INSERT INTO schema7.counted VALUES ('total', 0);
INSERT INTO schema7.counted VALUES ('delta', 1), ('delta', 2);
-- a round: no row without deltas either
WITH deleted AS (DELETE FROM schema7.counted WHERE type = 'delta' RETURNING value), total AS (SELECT coalesce(sum(value), 0) as sum FROM deleted) UPDATE schema7.counted SET value = counted.value + total.sum FROM total WHERE type = 'total' RETURNING counted.value;
SELECT * FROM schema7.counted ORDER BY type;
WITH deleted AS (DELETE FROM schema7.counted WHERE type = 'delta' RETURNING value), total AS (SELECT coalesce(sum(value), 0) as sum FROM deleted) UPDATE schema7.counted SET value = counted.value + total.sum FROM total WHERE type = 'total' RETURNING counted.value;
INSERT INTO schema7.counted VALUES ('delta', 10), ('delta', -4), ('delta', NULL);
WITH deleted AS (DELETE FROM schema7.counted WHERE type = 'delta' RETURNING value), total AS (SELECT coalesce(sum(value), 0) as sum FROM deleted) UPDATE schema7.counted SET value = counted.value + total.sum FROM total WHERE type = 'total' RETURNING counted.value;
SELECT * FROM schema7.counted ORDER BY type;
-- without the total row the round returns nothing, and the deltas go
DELETE FROM schema7.counted WHERE type = 'total';
INSERT INTO schema7.counted VALUES ('delta', 3);
WITH deleted AS (DELETE FROM schema7.counted WHERE type = 'delta' RETURNING value), total AS (SELECT coalesce(sum(value), 0) as sum FROM deleted) UPDATE schema7.counted SET value = counted.value + total.sum FROM total WHERE type = 'total' RETURNING counted.value;
SELECT count(*) FROM schema7.counted;
-- the worker quotes its names once the schema exists
SELECT quote_ident('schema7'), quote_ident('counted'), quote_ident('Schema 7');
DROP SCHEMA schema7 CASCADE;
