--
-- JOIN syntax: INNER, LEFT, RIGHT, CROSS; ON, USING, NATURAL
--
CREATE TABLE ja (id int, name text);
CREATE TABLE jb (id int, val text);
INSERT INTO ja VALUES (1, 'one'), (2, 'two'), (3, 'three');
INSERT INTO jb VALUES (1, 'x'), (3, 'y'), (3, 'z'), (4, 'w');
SELECT * FROM ja JOIN jb ON ja.id = jb.id ORDER BY ja.id, jb.val;
SELECT ja.name, jb.val FROM ja INNER JOIN jb ON ja.id = jb.id AND jb.val <> 'y' ORDER BY 1, 2;
SELECT * FROM ja JOIN jb USING (id) ORDER BY id, val;
SELECT id, name, val FROM ja NATURAL JOIN jb ORDER BY id, val;
SELECT * FROM ja LEFT JOIN jb ON ja.id = jb.id ORDER BY ja.id, jb.val;
SELECT * FROM ja LEFT JOIN jb USING (id) ORDER BY id, val;
SELECT ja.id, jb.val FROM ja LEFT OUTER JOIN jb ON ja.id = jb.id WHERE jb.val IS NULL;
SELECT * FROM ja RIGHT JOIN jb ON ja.id = jb.id ORDER BY jb.id, jb.val;
SELECT * FROM ja RIGHT JOIN jb USING (id) ORDER BY id, val;
SELECT ja.id, jb.id FROM ja CROSS JOIN jb WHERE ja.id = 1 ORDER BY 2;
SELECT count(*) FROM ja CROSS JOIN jb;
SELECT a.name, b.val FROM ja AS a JOIN jb AS b ON a.id = b.id ORDER BY 1, 2;
SELECT j.id, j.name FROM (ja JOIN jb USING (id)) AS j ORDER BY 1, 2;
SELECT * FROM ja LEFT JOIN jb ON ja.id = jb.id AND ja.id > 1 ORDER BY ja.id, jb.val;
SELECT * FROM ja LEFT JOIN jb ON ja.id = jb.id WHERE ja.id <> 2 ORDER BY ja.id, jb.val;
CREATE TABLE jc (id int, note text);
INSERT INTO jc VALUES (3, 'c3'), (1, 'c1');
SELECT ja.id, jb.val, jc.note FROM ja JOIN jb ON ja.id = jb.id JOIN jc ON jc.id = jb.id ORDER BY 1, 2;
SELECT ja.id, jb.val, jc.note FROM ja LEFT JOIN jb ON ja.id = jb.id LEFT JOIN jc ON jc.id = ja.id ORDER BY 1, 2;
SELECT ja.id, jc.note FROM ja, jb JOIN jc USING (id) WHERE ja.id = jb.id ORDER BY 1, 2;
SELECT name, count(val) FROM ja LEFT JOIN jb USING (id) GROUP BY name ORDER BY name;
-- errors
SELECT * FROM ja JOIN jb USING (nosuch);
SELECT id FROM ja JOIN jb ON true;
SELECT * FROM ja JOIN jb ON ja.id;
SELECT * FROM ja JOIN jb ON ja.id = jc.id;
SELECT * FROM ja JOIN ja ON true;
SELECT ja.id FROM (ja JOIN jb USING (id)) AS j;
-- JOIN ... USING (...) AS alias names the merged columns, and only them
SELECT u.id, id, name, val FROM ja JOIN jb USING (id) AS u ORDER BY 1, 4;
SELECT u.* FROM ja FULL JOIN jb USING (id) AS u ORDER BY 1;
SELECT u FROM ja FULL JOIN jb USING (id) AS u ORDER BY 1;
SELECT u.id FROM ja RIGHT JOIN jb USING (id) AS u ORDER BY 1;
SELECT u.id FROM ja JOIN jb USING (id) AS u JOIN jc AS c2 USING (id);
SELECT u.id, l.w FROM ja LEFT JOIN jb USING (id) AS u, LATERAL (SELECT u.id + 1 AS w) l
 ORDER BY 1, 2;
SELECT (SELECT u.id) FROM ja JOIN jb USING (id) AS u ORDER BY 1;
SELECT j.id FROM (ja JOIN jb USING (id) AS u) AS j ORDER BY 1;
SELECT u.name FROM ja JOIN jb USING (id) AS u;
SELECT * FROM ja JOIN jb USING (id) AS ja;
SELECT u.id FROM (ja JOIN jb USING (id) AS u) AS j;
SELECT 1 FROM ja JOIN jb USING (id) AS u FOR UPDATE OF u;
DROP TABLE ja;
DROP TABLE jb;
DROP TABLE jc;
