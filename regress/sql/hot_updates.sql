-- Heap-only tuples (HOT): an update that changes no indexed column keeps
-- the new version on the page without new index entries, and pruning
-- keeps the page from filling with dead versions.  What SQL can see of it:
-- the table and its index stay small under many updates of one row, every
-- way to reach a row (index scans, sequential scans) finds its newest
-- version, and updates of indexed columns, rollbacks, deletes, VACUUM and
-- CREATE INDEX over HOT chains all keep the indexes right.
CREATE TABLE hot (id int PRIMARY KEY, k int, v int, note text);
CREATE INDEX hot_k ON hot (k);
INSERT INTO hot SELECT g, g * 10, 0, 'row ' || g FROM generate_series(1, 20) g;

-- 2000 updates of one row's unindexed column, one statement each.
SELECT 'UPDATE hot SET v = v + 1 WHERE id = 7' FROM generate_series(1, 2000) \gexec
SELECT v FROM hot WHERE id = 7;
-- Pruned as it went: one page of table, and the indexes got no entries.
SELECT pg_relation_size('hot') / 8192 AS table_pages,
       pg_relation_size('hot_pkey') / 8192 AS pkey_pages,
       pg_relation_size('hot_k') / 8192 AS k_pages;
-- The newest version is on the row's page (block 0).
SELECT ltrim(split_part(ctid::text, ',', 1), '(') AS block FROM hot WHERE id = 7;

-- Every way to the rows agrees.
SET enable_seqscan = off;
SELECT id, k, v FROM hot WHERE id IN (6, 7, 8) ORDER BY id;
SELECT id, v FROM hot WHERE k = 70;
SELECT count(*), sum(v) FROM hot WHERE id > 0;
RESET enable_seqscan;
SET enable_indexscan = off;
SELECT count(*), sum(v) FROM hot;
RESET enable_indexscan;

-- An update of an indexed column is not heap-only: the new key is found,
-- the old one is not.
UPDATE hot SET k = 71 WHERE id = 7;
SET enable_seqscan = off;
SELECT id, v FROM hot WHERE k = 71;
SELECT id, v FROM hot WHERE k = 70;
RESET enable_seqscan;

-- Several HOT updates of a row in one transaction, seen by that
-- transaction through the index; a rollback leaves the last committed one.
BEGIN;
UPDATE hot SET v = 100 WHERE id = 3;
UPDATE hot SET v = 101 WHERE id = 3;
UPDATE hot SET note = 'changed' WHERE id = 3;
SET LOCAL enable_seqscan = off;
SELECT id, v, note FROM hot WHERE id = 3;
ROLLBACK;
SET enable_seqscan = off;
SELECT id, v, note FROM hot WHERE id = 3;
-- The same inside a savepoint.
BEGIN;
UPDATE hot SET v = 5 WHERE id = 4;
SAVEPOINT s;
UPDATE hot SET v = 6 WHERE id = 4;
ROLLBACK TO SAVEPOINT s;
SELECT id, v FROM hot WHERE id = 4;
COMMIT;
SELECT id, v FROM hot WHERE id = 4;

-- A row deleted at the end of a HOT chain is gone from the index too.
UPDATE hot SET v = v + 1 WHERE id = 5;
UPDATE hot SET v = v + 1 WHERE id = 5;
DELETE FROM hot WHERE id = 5;
SELECT count(*) FROM hot WHERE id = 5;
INSERT INTO hot VALUES (5, 50, 9, 'again');
SELECT id, k, v, note FROM hot WHERE id = 5;
RESET enable_seqscan;

-- VACUUM removes what pruning left (dead line pointers and their index
-- entries) and keeps the chains' redirects: rows are still found.
VACUUM hot;
SET enable_seqscan = off;
SELECT id, v FROM hot WHERE id IN (3, 4, 5, 7) ORDER BY id;
SELECT count(*), sum(v) FROM hot WHERE id > 0;
RESET enable_seqscan;

-- An index made over HOT chains points at their roots.
SELECT 'UPDATE hot SET v = v + 1 WHERE id = ' || (g % 20 + 1) FROM generate_series(1, 200) g \gexec
CREATE INDEX hot_v ON hot (v);
SET enable_seqscan = off;
SELECT id, v FROM hot WHERE v = (SELECT v FROM hot WHERE id = 7);
SELECT count(*) FROM hot WHERE v >= 0;
RESET enable_seqscan;

-- A unique index over HOT chains: a duplicate of a live key is refused,
-- a key that only an older version of a row had is free.
UPDATE hot SET note = 'x' WHERE id = 9;
UPDATE hot SET id = 100 WHERE id = 9;
INSERT INTO hot VALUES (9, 90, 0, 'new nine');
INSERT INTO hot VALUES (100, 0, 0, 'dup');
SELECT id, note FROM hot WHERE id IN (9, 100) ORDER BY id;

DROP TABLE hot;
