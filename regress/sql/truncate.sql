--
-- TRUNCATE
--
CREATE TABLE tr_a (id int PRIMARY KEY, v text);
CREATE TABLE tr_b (n int);
INSERT INTO tr_a VALUES (1, 'one'), (2, 'two'), (3, 'three');
INSERT INTO tr_b VALUES (10), (20);

-- rolled back: the rows are still there, the index still finds them
BEGIN;
TRUNCATE tr_a;
SELECT count(*) FROM tr_a;
INSERT INTO tr_a VALUES (1, 'new one');
SELECT * FROM tr_a;
ROLLBACK;
SELECT * FROM tr_a ORDER BY id;
SELECT v FROM tr_a WHERE id = 2;

-- committed: empty, and the primary key accepts the old keys again
TRUNCATE TABLE tr_a;
SELECT count(*) FROM tr_a;
INSERT INTO tr_a VALUES (2, 'again'), (1, 'first');
SELECT * FROM tr_a WHERE id = 1;
INSERT INTO tr_a VALUES (1, 'dup');

-- several tables at once, ONLY, RESTART/CONTINUE IDENTITY, RESTRICT
TRUNCATE tr_a, tr_b;
SELECT (SELECT count(*) FROM tr_a) AS a, (SELECT count(*) FROM tr_b) AS b;
INSERT INTO tr_b VALUES (1);
TRUNCATE ONLY tr_b RESTART IDENTITY;
INSERT INTO tr_b VALUES (2);
TRUNCATE TABLE tr_b, tr_b CONTINUE IDENTITY RESTRICT;
SELECT count(*) FROM tr_b;

-- a truncate and new rows in one transaction, then COPY FREEZE
BEGIN;
INSERT INTO tr_b VALUES (3);
TRUNCATE tr_b;
INSERT INTO tr_b VALUES (4);
COPY tr_b FROM stdin WITH (FREEZE);
5
\.
COMMIT;
SELECT * FROM tr_b ORDER BY n;

-- errors
TRUNCATE tr_nosuch;
TRUNCATE tr_a, tr_nosuch;
CREATE INDEX tr_b_n ON tr_b (n);
TRUNCATE tr_b_n;
TRUNCATE pg_class;
BEGIN;
TRUNCATE tr_b;
SELECT 1/0;
ROLLBACK;
SELECT * FROM tr_b ORDER BY n;

DROP TABLE tr_a, tr_b;
