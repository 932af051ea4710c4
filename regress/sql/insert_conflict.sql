-- INSERT … ON CONFLICT DO NOTHING | DO UPDATE
CREATE TABLE ic_kv (k int PRIMARY KEY, v text, n int DEFAULT 0);

-- DO NOTHING, with and without a conflict target
INSERT INTO ic_kv VALUES (1, 'one');
INSERT INTO ic_kv VALUES (1, 'uno') ON CONFLICT DO NOTHING;
INSERT INTO ic_kv VALUES (1, 'uno'), (2, 'two') ON CONFLICT (k) DO NOTHING;
SELECT * FROM ic_kv ORDER BY k;
-- duplicates within one statement: the second is skipped
INSERT INTO ic_kv VALUES (3, 'three'), (3, 'tres') ON CONFLICT DO NOTHING;
SELECT * FROM ic_kv ORDER BY k;
INSERT INTO ic_kv VALUES (1, 'x') ON CONFLICT DO NOTHING RETURNING *;
INSERT INTO ic_kv VALUES (4, 'four') ON CONFLICT DO NOTHING RETURNING k, v;

-- DO UPDATE with EXCLUDED, the existing row and DEFAULT
INSERT INTO ic_kv VALUES (1, 'uno') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
INSERT INTO ic_kv AS t VALUES (1, 'ein') ON CONFLICT (k) DO UPDATE SET v = t.v || '/' || excluded.v, n = t.n + 1
  RETURNING *;
INSERT INTO ic_kv VALUES (2, 'deux', 7) ON CONFLICT (k) DO UPDATE SET n = DEFAULT, v = EXCLUDED.v || EXCLUDED.n::text
  RETURNING k, v, n;
INSERT INTO ic_kv VALUES (5, 'five') ON CONFLICT (k) DO UPDATE SET v = 'never' RETURNING *;
SELECT * FROM ic_kv ORDER BY k;
-- the target table's own name qualifies the existing row
INSERT INTO ic_kv VALUES (5, 'cinq') ON CONFLICT (k) DO UPDATE SET n = ic_kv.n + 10 RETURNING *;

-- WHERE: only rows it accepts are updated (and counted)
INSERT INTO ic_kv VALUES (1, 'a'), (2, 'b'), (6, 'six') ON CONFLICT (k)
  DO UPDATE SET v = excluded.v WHERE ic_kv.n > 0 RETURNING *;
INSERT INTO ic_kv AS t VALUES (3, 'c') ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE t.v = 'three';
SELECT * FROM ic_kv ORDER BY k;

-- one statement proposing two rows for the same key
INSERT INTO ic_kv VALUES (7, 'a'), (7, 'b') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
INSERT INTO ic_kv VALUES (1, 'a'), (1, 'b') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
SELECT * FROM ic_kv WHERE k IN (1, 7) ORDER BY k;

-- INSERT … SELECT
INSERT INTO ic_kv SELECT g, 'g' || g::text FROM (VALUES (5), (6), (7), (8), (9)) s (g)
  ON CONFLICT (k) DO UPDATE SET n = ic_kv.n + 100;
SELECT * FROM ic_kv ORDER BY k;

-- ON CONSTRAINT
INSERT INTO ic_kv VALUES (9, 'nine') ON CONFLICT ON CONSTRAINT ic_kv_pkey DO UPDATE SET v = excluded.v;
INSERT INTO ic_kv VALUES (9, 'neun') ON CONFLICT ON CONSTRAINT ic_kv_pkey DO NOTHING;
SELECT * FROM ic_kv WHERE k = 9;

-- multi-column keys and a second unique index
CREATE TABLE ic_multi (a int, b int, c text, d int UNIQUE, UNIQUE (a, b));
INSERT INTO ic_multi VALUES (1, 1, 'x', 10), (1, 2, 'y', 20);
INSERT INTO ic_multi VALUES (1, 1, 'z', 30) ON CONFLICT (b, a) DO UPDATE SET c = excluded.c;
INSERT INTO ic_multi VALUES (1, 3, 'w', 20) ON CONFLICT (d) DO UPDATE SET c = excluded.c || '!';
-- a conflict on an index that does not arbitrate is an error
INSERT INTO ic_multi VALUES (1, 4, 'v', 20) ON CONFLICT (a, b) DO NOTHING;
-- without a target every unique index arbitrates
INSERT INTO ic_multi VALUES (1, 4, 'v', 20) ON CONFLICT DO NOTHING;
-- NULLs never conflict
INSERT INTO ic_multi VALUES (NULL, 1, 'n1', NULL), (NULL, 1, 'n2', NULL) ON CONFLICT (a, b) DO NOTHING;
SELECT * FROM ic_multi ORDER BY a, b, c;

-- partial unique index inference
CREATE TABLE ic_part (id int, email text, active boolean);
CREATE UNIQUE INDEX ic_part_email ON ic_part (email) WHERE active;
INSERT INTO ic_part VALUES (1, 'a@x', true), (2, 'a@x', false);
INSERT INTO ic_part VALUES (3, 'a@x', true) ON CONFLICT (email) WHERE active DO UPDATE SET id = excluded.id;
INSERT INTO ic_part VALUES (4, 'a@x', false) ON CONFLICT (email) WHERE active DO NOTHING;
SELECT * FROM ic_part ORDER BY id;
-- without the predicate the partial index is not inferred
INSERT INTO ic_part VALUES (5, 'a@x', true) ON CONFLICT (email) DO NOTHING;

-- constraints still apply to the new version
CREATE TABLE ic_chk (k int PRIMARY KEY, v int CHECK (v < 100) NOT NULL);
INSERT INTO ic_chk VALUES (1, 1);
INSERT INTO ic_chk VALUES (1, 2) ON CONFLICT (k) DO UPDATE SET v = ic_chk.v + 200;
INSERT INTO ic_chk VALUES (1, 2) ON CONFLICT (k) DO UPDATE SET v = NULL;
INSERT INTO ic_chk VALUES (1, NULL) ON CONFLICT (k) DO NOTHING;
INSERT INTO ic_chk VALUES (1, 5) ON CONFLICT (k) DO UPDATE SET v = excluded.v * 3 RETURNING *;

-- in a transaction: rows of earlier statements conflict
BEGIN;
INSERT INTO ic_chk VALUES (2, 1);
INSERT INTO ic_chk VALUES (2, 1) ON CONFLICT (k) DO UPDATE SET v = ic_chk.v + excluded.v;
INSERT INTO ic_chk VALUES (2, 1) ON CONFLICT (k) DO UPDATE SET v = ic_chk.v + excluded.v RETURNING *;
COMMIT;

-- errors
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT DO UPDATE SET v = 'b';
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (v) DO NOTHING;
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (k, v) DO NOTHING;
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (nosuch) DO NOTHING;
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT ON CONSTRAINT nosuch DO NOTHING;
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (k DESC) DO NOTHING;
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (k NULLS FIRST) DO NOTHING;
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET nosuch = 1;
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = excluded.nosuch;
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = 'x', v = 'y';
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = 'x' WHERE 1;
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (excluded.k) DO NOTHING;
INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (k) DO NOTHING RETURNING excluded.k;
CREATE TABLE ic_nokey (a int);
INSERT INTO ic_nokey VALUES (1) ON CONFLICT DO NOTHING;
INSERT INTO ic_nokey VALUES (1) ON CONFLICT (a) DO NOTHING;
ALTER TABLE ic_nokey ADD CONSTRAINT ic_nokey_check CHECK (a > 0);
INSERT INTO ic_nokey VALUES (1) ON CONFLICT ON CONSTRAINT ic_nokey_check DO NOTHING;
SELECT * FROM ic_nokey;

-- foreign keys, subqueries, parameters, WITH, identity columns, catalogs
CREATE TABLE ic_p (id int PRIMARY KEY, name text);
CREATE TABLE ic_c (id int PRIMARY KEY, pid int REFERENCES ic_p ON UPDATE CASCADE);
INSERT INTO ic_p VALUES (1, 'a');
INSERT INTO ic_c VALUES (1, 1);
INSERT INTO ic_c VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET pid = excluded.pid;
INSERT INTO ic_c VALUES (2, 2) ON CONFLICT (id) DO NOTHING;
INSERT INTO ic_p VALUES (1, 'b') ON CONFLICT (id) DO UPDATE SET id = 10 RETURNING *;
SELECT * FROM ic_c;
INSERT INTO ic_p VALUES (10, 'c') ON CONFLICT (id) DO UPDATE SET name = (SELECT max(name) FROM ic_p) || excluded.name RETURNING *;
INSERT INTO ic_p VALUES (10, 'c') ON CONFLICT (id) DO UPDATE SET name = 'z' WHERE EXISTS (SELECT 1 FROM ic_c WHERE pid = excluded.id) RETURNING *;
PREPARE ic_ins(int, text) AS INSERT INTO ic_p VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = ic_p.name || $2;
EXECUTE ic_ins(10, 'x');
EXECUTE ic_ins(11, 'y');
EXECUTE ic_ins(11, 'y');
SELECT * FROM ic_p ORDER BY id;
WITH w AS (INSERT INTO ic_p VALUES (12, 'w') ON CONFLICT DO NOTHING RETURNING id) SELECT * FROM w;
INSERT INTO ic_p VALUES (13, 'q') ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE count(*) > 1;
INSERT INTO ic_p VALUES (13, 'q') ON CONFLICT (id) WHERE name > 'a' DO NOTHING;
INSERT INTO ic_p VALUES (13, 'q') ON CONFLICT (id) DO UPDATE SET name = excluded.name, id = excluded.id + 1;
INSERT INTO ic_p VALUES (13, 'q') ON CONFLICT (id) DO UPDATE SET name = excluded.name, id = excluded.id + 1 RETURNING *;
INSERT INTO pg_class SELECT * FROM pg_class ON CONFLICT DO NOTHING;
INSERT INTO ic_p VALUES (14, 'a') ON CONFLICT ((id)) DO NOTHING;
INSERT INTO ic_p VALUES (14, 'a') ON CONFLICT ((id + 1)) DO NOTHING;
CREATE TABLE ic_id (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text UNIQUE);
INSERT INTO ic_id (v) VALUES ('a') ON CONFLICT (v) DO UPDATE SET id = 5;
INSERT INTO ic_id (v) VALUES ('a') ON CONFLICT (v) DO UPDATE SET v = 'b' RETURNING *;
EXPLAIN (COSTS OFF, VERBOSE) INSERT INTO ic_p AS t VALUES (1, 'a') ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE t.name <> excluded.name;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) INSERT INTO ic_p AS t VALUES (1, 'a'), (50, 'b') ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE t.name <> 'zz';
DROP TABLE ic_c, ic_p, ic_id;

-- EXPLAIN
EXPLAIN (COSTS OFF) INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT DO NOTHING;
EXPLAIN (COSTS OFF) INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (k) DO NOTHING;
EXPLAIN (COSTS OFF) INSERT INTO ic_kv VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
EXPLAIN (COSTS OFF) INSERT INTO ic_kv AS t VALUES (1, 'a') ON CONFLICT (k)
  DO UPDATE SET v = excluded.v WHERE t.n > 0 AND excluded.v <> 'b';
EXPLAIN (COSTS OFF) INSERT INTO ic_multi VALUES (1, 1, 'a', 1) ON CONFLICT DO NOTHING;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) INSERT INTO ic_kv AS t VALUES (1, 'a'), (2, 'b'), (50, 'c')
  ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE t.k = 1;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) INSERT INTO ic_kv VALUES (1, 'a'), (51, 'c')
  ON CONFLICT DO NOTHING;

DROP TABLE ic_kv, ic_multi, ic_part, ic_chk, ic_nokey;
