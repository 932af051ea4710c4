--
-- Data-modifying WITH queries feeding the statement they belong to
--
CREATE TABLE wd_a (id int PRIMARY KEY, v text);
CREATE TABLE wd_b (id int PRIMARY KEY, v text, n int DEFAULT 0);
CREATE TABLE wd_log (id int, what text);
INSERT INTO wd_a VALUES (1, 'a1'), (2, 'a2'), (3, 'a3');
INSERT INTO wd_b VALUES (1, 'b1'), (2, 'b2'), (4, 'b4');

-- DELETE … RETURNING feeding an UPDATE … FROM
WITH d AS (DELETE FROM wd_a WHERE id <= 2 RETURNING *)
UPDATE wd_b SET v = wd_b.v || '+' || d.v, n = n + 1 FROM d WHERE wd_b.id = d.id
RETURNING wd_b.*;
SELECT * FROM wd_a ORDER BY id;

-- INSERT … RETURNING feeding an INSERT … SELECT
WITH i AS (INSERT INTO wd_a VALUES (5, 'a5'), (6, 'a6') RETURNING id)
INSERT INTO wd_log SELECT id, 'inserted' FROM i;
SELECT * FROM wd_log ORDER BY id;

-- UPDATE … RETURNING feeding a DELETE … USING
WITH u AS (UPDATE wd_b SET n = n + 10 WHERE id = 4 RETURNING id)
DELETE FROM wd_log USING u WHERE wd_log.id + 1 = u.id * 3 / 2 RETURNING wd_log.*;

-- the main statement does not see the WITH query's changes to its table
WITH d AS (DELETE FROM wd_b WHERE id = 1 RETURNING id)
UPDATE wd_b SET n = -1 WHERE id IN (SELECT id FROM d) RETURNING *;
SELECT * FROM wd_b ORDER BY id;

-- several, one feeding another's statement through the main one
WITH d AS (DELETE FROM wd_a WHERE id = 5 RETURNING id, v),
     i AS (INSERT INTO wd_b SELECT id, v FROM d RETURNING *)
INSERT INTO wd_log SELECT id, 'moved ' || v FROM i;
SELECT * FROM wd_b ORDER BY id;
SELECT * FROM wd_log ORDER BY id, what;

-- a WITH query not read still runs to completion
WITH d AS (DELETE FROM wd_log RETURNING *)
SELECT 1 AS one;
SELECT count(*) FROM wd_log;

-- in a prepared statement
PREPARE wd_p(int) AS
  WITH i AS (INSERT INTO wd_a VALUES ($1, 'p') RETURNING id)
  UPDATE wd_b SET n = n + i.id FROM i WHERE wd_b.id = 2 RETURNING wd_b.*;
EXECUTE wd_p(7);
EXECUTE wd_p(8);
DEALLOCATE wd_p;

DROP TABLE wd_a, wd_b, wd_log;
