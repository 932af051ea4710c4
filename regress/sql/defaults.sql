--
-- Column defaults
--
CREATE TABLE df (id int NOT NULL DEFAULT 0, name text DEFAULT 'anon', n int DEFAULT 2 + 3, f float8 DEFAULT '1.5', note text);
INSERT INTO df VALUES (1);
INSERT INTO df (name) VALUES ('bob');
INSERT INTO df DEFAULT VALUES;
INSERT INTO df VALUES (2, DEFAULT, DEFAULT, DEFAULT, 'explicit');
INSERT INTO df (id, n) VALUES (3, NULL), (4, DEFAULT);
SELECT * FROM df ORDER BY id, name;
UPDATE df SET name = DEFAULT, n = DEFAULT WHERE id = 3;
UPDATE df SET note = DEFAULT WHERE id = 2;
SELECT * FROM df ORDER BY id, name;
CREATE TABLE df2 (a int DEFAULT '7', b varchar(3) DEFAULT 'abc', c bool DEFAULT true);
INSERT INTO df2 DEFAULT VALUES;
SELECT * FROM df2;
-- errors
CREATE TABLE df3 (a int DEFAULT 'x');
CREATE TABLE df3 (a int DEFAULT true);
CREATE TABLE df3 (a int, b int DEFAULT a);
CREATE TABLE df3 (a int DEFAULT count(*));
CREATE TABLE df3 (a int DEFAULT 1 DEFAULT 2);
CREATE TABLE df3 (a varchar(2) DEFAULT 'abc');
INSERT INTO df3 DEFAULT VALUES;
DROP TABLE df;
DROP TABLE df2;
DROP TABLE IF EXISTS df3;
