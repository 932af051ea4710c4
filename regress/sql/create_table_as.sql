--
-- CREATE TABLE AS and SELECT INTO
--
CREATE TABLE ctas_src (a int, b text, c numeric(8,3), d varchar(5));
INSERT INTO ctas_src VALUES (1, 'one', 1.5, 'x'), (2, 'two', 2.25, 'yy'), (3, NULL, NULL, NULL);

CREATE TABLE ctas_1 AS SELECT * FROM ctas_src;
-- the command tag is SELECT n: psql's ROW_COUNT reads it
\echo :ROW_COUNT
SELECT * FROM ctas_1 ORDER BY a;
SELECT attname, atttypid::regtype, atttypmod, attnotnull FROM pg_attribute
  WHERE attrelid = 'ctas_1'::regclass AND attnum > 0 ORDER BY attnum;

CREATE TABLE ctas_2 (x, y) AS SELECT a * 10, b FROM ctas_src WHERE a < 3 ORDER BY a;
SELECT * FROM ctas_2;
CREATE TABLE ctas_3 AS SELECT 'lit' AS l, 1 + 1 AS two, count(*) AS n FROM ctas_src;
SELECT * FROM ctas_3;
SELECT attname, atttypid::regtype FROM pg_attribute
  WHERE attrelid = 'ctas_3'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE ctas_4 AS SELECT a FROM ctas_src WITH NO DATA;
\echo :ROW_COUNT
SELECT count(*) FROM ctas_4;
CREATE TABLE ctas_5 AS SELECT a FROM ctas_src WITH DATA;
SELECT count(*) FROM ctas_5;
CREATE TABLE IF NOT EXISTS ctas_5 AS SELECT 1;
CREATE TABLE ctas_5 AS SELECT 1;
CREATE TABLE ctas_6 AS SELECT a FROM ctas_src WHERE false;
SELECT count(*) FROM ctas_6;
CREATE TABLE ctas_7 AS VALUES (1, 'a'), (2, 'b');
SELECT * FROM ctas_7 ORDER BY 1;
CREATE TABLE ctas_8 AS SELECT a FROM ctas_src UNION ALL SELECT x FROM ctas_2;
SELECT * FROM ctas_8 ORDER BY a;

-- the new table is an ordinary table
INSERT INTO ctas_1 VALUES (4, 'four', 4, 'z');
UPDATE ctas_1 SET b = 'uno' WHERE a = 1;
DELETE FROM ctas_1 WHERE a = 3;
SELECT * FROM ctas_1 ORDER BY a;
CREATE INDEX ON ctas_1 (a);

-- errors
CREATE TABLE ctas_bad (p, q, r) AS SELECT 1, 2;
CREATE TABLE ctas_bad AS SELECT 1 AS a, 2 AS a;
CREATE TABLE ctas_bad AS SELECT nope FROM ctas_src;
SELECT relname FROM pg_class WHERE relname = 'ctas_bad';

-- SELECT INTO
SELECT a, b INTO ctas_9 FROM ctas_src WHERE a >= 2;
\echo :ROW_COUNT
SELECT * FROM ctas_9 ORDER BY a;
SELECT * INTO TABLE ctas_10 FROM ctas_src;
SELECT count(*) FROM ctas_10;
SELECT a INTO ctas_11 FROM ctas_src UNION SELECT 10;
SELECT * FROM ctas_11 ORDER BY a;
SELECT 1 INTO ctas_9;

-- in a transaction that aborts, the table goes away
BEGIN;
CREATE TABLE ctas_12 AS SELECT * FROM ctas_src;
SELECT count(*) FROM ctas_12;
ROLLBACK;
SELECT count(*) FROM ctas_12;

-- A collatable column needs a collation; no pseudo-types
CREATE TABLE ctas_coll AS
  SELECT a || b AS c FROM (SELECT 'x' COLLATE "C" AS a, 'y' COLLATE "POSIX" AS b) s;
CREATE TABLE ctas_rec AS SELECT ROW(1, 2) AS r;
CREATE TABLE ctas_rec AS SELECT ARRAY[ROW(1, 2)] AS r;

DROP TABLE ctas_1, ctas_2, ctas_3, ctas_4, ctas_5, ctas_6, ctas_7, ctas_8, ctas_9, ctas_10,
  ctas_11, ctas_src;
