--
-- UPDATE and DELETE
--
CREATE TABLE ud (id int NOT NULL, name text, n int);
INSERT INTO ud VALUES (1, 'one', 10), (2, 'two', 20), (3, 'three', 30), (4, 'four', NULL);
UPDATE ud SET n = n + 1 WHERE id = 1;
SELECT * FROM ud ORDER BY id;
UPDATE ud SET n = n * 2, name = upper(name) WHERE n > 15;
SELECT * FROM ud ORDER BY id;
UPDATE ud SET name = 'none' WHERE id > 100;
UPDATE ud SET n = 0;
SELECT * FROM ud ORDER BY id;
UPDATE ud SET n = DEFAULT WHERE id = 4;
UPDATE ud SET id = id + 10, n = id WHERE id <= 2;
SELECT * FROM ud ORDER BY id;
UPDATE ud AS u SET name = u.name || '!' WHERE u.id = 3;
SELECT * FROM ud ORDER BY id;
DELETE FROM ud WHERE id = 3;
SELECT * FROM ud ORDER BY id;
DELETE FROM ud WHERE name IS NULL;
DELETE FROM ud WHERE n IS NULL;
SELECT * FROM ud ORDER BY id;
BEGIN;
DELETE FROM ud;
SELECT count(*) FROM ud;
ROLLBACK;
SELECT count(*) FROM ud;
-- a row updated twice in one transaction
BEGIN;
UPDATE ud SET n = 1 WHERE id = 11;
UPDATE ud SET n = n + 1 WHERE id = 11;
SELECT id, n FROM ud WHERE id = 11;
COMMIT;
SELECT id, n FROM ud ORDER BY id;
-- errors
UPDATE ud SET nosuch = 1;
UPDATE ud SET n = 1, n = 2;
UPDATE ud SET id = NULL;
UPDATE ud SET n = 'x';
UPDATE ud SET n = 1 WHERE nosuch = 1;
UPDATE nosuch SET n = 1;
UPDATE ud SET n = count(*);
DELETE FROM ud WHERE n;
DELETE FROM nosuch;
DELETE FROM ud WHERE count(*) > 0;
DELETE FROM ud;
SELECT * FROM ud;
DROP TABLE ud;
