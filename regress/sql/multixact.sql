--
-- Several holders of one row (multixacts), as one session can make them:
-- a row locked by a transaction and again by its subtransactions, in
-- different strengths, then updated, deleted, rolled back to savepoints
-- and vacuumed.  Sessions waiting for each other are tested in
-- regress/integration/multixact_sessions_test.cpp.
--
CREATE TABLE mx_parent (id int PRIMARY KEY, name text);
CREATE TABLE mx_child (id int, parent int REFERENCES mx_parent);
INSERT INTO mx_parent VALUES (1, 'one'), (2, 'two'), (3, 'three');

-- A key-share lock, then a share lock in a subtransaction: both held.
BEGIN;
SELECT id FROM mx_parent WHERE id = 1 FOR KEY SHARE;
SAVEPOINT s1;
SELECT id FROM mx_parent WHERE id = 1 FOR SHARE;
SAVEPOINT s2;
SELECT id FROM mx_parent WHERE id = 1 FOR NO KEY UPDATE;
ROLLBACK TO s2;
SELECT id, name FROM mx_parent WHERE id = 1 FOR UPDATE;
UPDATE mx_parent SET name = 'uno' WHERE id = 1;
RELEASE s1;
SELECT id, name FROM mx_parent ORDER BY id;
COMMIT;
SELECT id, name FROM mx_parent ORDER BY id;

-- Children inserted in subtransactions lock their parent each time.
BEGIN;
INSERT INTO mx_child VALUES (1, 2);
SAVEPOINT s1;
INSERT INTO mx_child VALUES (2, 2);
SAVEPOINT s2;
INSERT INTO mx_child VALUES (3, 2);
ROLLBACK TO s2;
UPDATE mx_parent SET name = 'dos' WHERE id = 2;
COMMIT;
SELECT id, parent FROM mx_child ORDER BY id;
SELECT id, name FROM mx_parent ORDER BY id;
-- The parent is referenced: its key cannot change, nor can it go.
UPDATE mx_parent SET id = 20 WHERE id = 2;
DELETE FROM mx_parent WHERE id = 2;

-- A lock rolled back with its subtransaction leaves the row free.
BEGIN;
SAVEPOINT s1;
SELECT id FROM mx_parent WHERE id = 3 FOR SHARE;
SAVEPOINT s2;
SELECT id FROM mx_parent WHERE id = 3 FOR KEY SHARE;
ROLLBACK TO s1;
DELETE FROM mx_parent WHERE id = 3;
SELECT id FROM mx_parent ORDER BY id;
ROLLBACK;

-- SKIP LOCKED and NOWAIT do not skip a row only this transaction holds.
BEGIN;
SELECT id FROM mx_parent ORDER BY id FOR SHARE;
SAVEPOINT s1;
SELECT id FROM mx_parent ORDER BY id FOR KEY SHARE SKIP LOCKED;
SELECT id FROM mx_parent ORDER BY id FOR UPDATE NOWAIT;
COMMIT;

-- VACUUM with ended multixacts about; the rows stay as they are.
VACUUM mx_parent;
SELECT id, name FROM mx_parent ORDER BY id;
UPDATE mx_parent SET name = name || '!';
SELECT id, name FROM mx_parent ORDER BY id;

DROP TABLE mx_child;
DROP TABLE mx_parent;
