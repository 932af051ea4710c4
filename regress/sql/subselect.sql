-- Subqueries: in FROM, scalar, EXISTS, IN / NOT IN (with NULLs), ANY/ALL,
-- ARRAY(…), correlated at one and two levels, and their errors.
CREATE TABLE emp (id int, name text, dept int, salary numeric);
INSERT INTO emp VALUES (1, 'alice', 10, 5000), (2, 'bob', 20, 4000), (3, 'carol', 10, 6000),
  (4, 'dave', 30, 3000), (5, 'erin', NULL, 3500), (6, 'frank', 20, 4500);
CREATE TABLE dept (id int, title text);
INSERT INTO dept VALUES (10, 'eng'), (20, 'sales'), (40, 'empty');

-- subqueries in FROM
SELECT * FROM (SELECT name, salary FROM emp WHERE salary > 4000) AS rich ORDER BY salary;
SELECT r.n FROM (SELECT name AS n FROM emp) r WHERE r.n LIKE '%a%' ORDER BY 1;
SELECT * FROM (SELECT dept, count(*) FROM emp GROUP BY dept) AS d (dept, cnt) ORDER BY dept;
SELECT d.title, s.total FROM dept d JOIN (SELECT dept, sum(salary) AS total FROM emp GROUP BY dept) s
  ON s.dept = d.id ORDER BY d.title;
SELECT * FROM (SELECT * FROM (SELECT id, name FROM emp) a WHERE id < 4) b ORDER BY id;
SELECT count(*) FROM (SELECT 1 FROM emp, dept) x;
SELECT * FROM (VALUES (1, 'one'), (2, 'two')) AS v (n, word) ORDER BY n DESC;
SELECT x FROM (SELECT 1 AS x UNION ALL SELECT 2) s ORDER BY x;
SELECT * FROM (SELECT name FROM emp) s (a, b);
SELECT * FROM (SELECT name FROM emp);
SELECT s.salary FROM (SELECT name FROM emp) s;

-- scalar subqueries
SELECT name, (SELECT title FROM dept WHERE dept.id = emp.dept) FROM emp ORDER BY id;
SELECT (SELECT max(salary) FROM emp) AS top, (SELECT min(salary) FROM emp) AS bottom;
SELECT name FROM emp WHERE salary = (SELECT max(salary) FROM emp);
SELECT name, salary - (SELECT avg(salary) FROM emp e2 WHERE e2.dept = emp.dept) AS diff
  FROM emp WHERE dept IS NOT NULL ORDER BY id;
SELECT (SELECT name FROM emp WHERE id = 99) IS NULL AS missing;
SELECT (SELECT name FROM emp);
SELECT (SELECT id, name FROM emp WHERE id = 1);
SELECT name FROM emp WHERE id = (SELECT id FROM emp WHERE dept = 10);
SELECT (SELECT 1) + (SELECT 2);

-- EXISTS
SELECT title FROM dept WHERE EXISTS (SELECT 1 FROM emp WHERE emp.dept = dept.id) ORDER BY 1;
SELECT title FROM dept WHERE NOT EXISTS (SELECT 1 FROM emp WHERE emp.dept = dept.id) ORDER BY 1;
SELECT EXISTS (SELECT 1 FROM emp WHERE salary > 10000), EXISTS (SELECT * FROM emp);
SELECT name FROM emp e WHERE EXISTS (SELECT 1 FROM emp o WHERE o.dept = e.dept AND o.salary > e.salary)
  ORDER BY 1;

-- IN and NOT IN, with NULLs
SELECT name FROM emp WHERE dept IN (SELECT id FROM dept) ORDER BY 1;
SELECT name FROM emp WHERE dept NOT IN (SELECT id FROM dept) ORDER BY 1;
SELECT title FROM dept WHERE id NOT IN (SELECT dept FROM emp) ORDER BY 1;
SELECT title FROM dept WHERE id NOT IN (SELECT dept FROM emp WHERE dept IS NOT NULL) ORDER BY 1;
SELECT 1 IN (SELECT NULL::int), 1 NOT IN (SELECT NULL::int), NULL::int IN (SELECT 1);
SELECT 1 IN (SELECT 1 WHERE false), 1 NOT IN (SELECT 1 WHERE false);
SELECT (1, 'x') IN (SELECT 1, 'x'), (1, 'y') IN (SELECT 1, 'x');
SELECT name FROM emp WHERE (dept, salary) IN (SELECT dept, max(salary) FROM emp GROUP BY dept)
  ORDER BY 1;
SELECT name FROM emp WHERE id IN (SELECT id, name FROM emp);
SELECT name FROM emp WHERE (id, name) IN (SELECT id FROM emp);
SELECT 'a' IN (SELECT 1);

-- ANY / SOME / ALL
SELECT name FROM emp WHERE salary > ALL (SELECT salary FROM emp WHERE dept = 20) ORDER BY 1;
SELECT name FROM emp WHERE salary < ANY (SELECT salary FROM emp WHERE dept = 30) ORDER BY 1;
SELECT name FROM emp WHERE salary = SOME (SELECT salary FROM emp WHERE dept = 10) ORDER BY 1;
SELECT 5 > ALL (SELECT 1 WHERE false), 5 > ANY (SELECT 1 WHERE false);
SELECT 5 > ALL (SELECT x FROM (VALUES (1), (NULL)) v (x)), 0 > ALL (SELECT x FROM (VALUES (1), (NULL)) v (x));
SELECT 5 < ANY (SELECT x FROM (VALUES (1), (NULL)) v (x)), 0 < ANY (SELECT x FROM (VALUES (1), (NULL)) v (x));
SELECT name FROM emp WHERE salary <> ALL (SELECT salary FROM emp WHERE dept = 10) ORDER BY 1;

-- ARRAY(subquery)
SELECT ARRAY(SELECT name FROM emp WHERE dept = 10 ORDER BY name);
SELECT title, ARRAY(SELECT id FROM emp WHERE emp.dept = dept.id ORDER BY id) FROM dept ORDER BY 1;
SELECT ARRAY(SELECT 1 WHERE false);
SELECT ARRAY(SELECT id, name FROM emp);

-- correlated through two levels, and in other clauses
SELECT d.title FROM dept d WHERE EXISTS (
  SELECT 1 FROM emp e WHERE e.dept = d.id AND e.salary > (SELECT avg(salary) FROM emp e2 WHERE e2.dept = d.id))
  ORDER BY 1;
SELECT name FROM emp ORDER BY (SELECT title FROM dept WHERE dept.id = emp.dept) NULLS LAST, name;
SELECT dept, count(*) FROM emp GROUP BY dept HAVING count(*) > (SELECT count(*) FROM dept WHERE id > 30)
  ORDER BY dept;
SELECT name FROM emp LIMIT (SELECT count(*) FROM dept) - 1;
SELECT CASE WHEN EXISTS (SELECT 1 FROM dept WHERE id = emp.dept) THEN 'known' ELSE 'unknown' END, name
  FROM emp ORDER BY name;

-- in DML
CREATE TABLE bonus (name text, amount numeric);
INSERT INTO bonus VALUES ((SELECT name FROM emp WHERE id = 1), (SELECT max(salary) / 10 FROM emp));
UPDATE emp SET salary = salary + (SELECT amount FROM bonus WHERE bonus.name = emp.name)
  WHERE name IN (SELECT name FROM bonus);
SELECT name, salary FROM emp WHERE id = 1;
DELETE FROM emp WHERE dept NOT IN (SELECT id FROM dept WHERE id IS NOT NULL) OR dept IS NULL;
SELECT name FROM emp ORDER BY id;

-- A join's column named without a table from a sublink: the reference is
-- to the outer query's join, one level up (pg_dump's column query does this).
CREATE TABLE sub_ja (id int, a text[]);
CREATE TABLE sub_jb (id int, b int);
INSERT INTO sub_ja VALUES (1, '{x,y}'), (2, NULL), (3, '{z}');
INSERT INTO sub_jb VALUES (1, 10), (3, 30), (4, 40);
SELECT id, array_to_string(ARRAY(SELECT o FROM unnest(a) o ORDER BY o DESC), ',') AS a,
       (SELECT b + 1 WHERE b > 10) AS b1
FROM sub_ja JOIN sub_jb USING (id) ORDER BY id;
SELECT id, (SELECT count(*) FROM unnest(ARRAY[1, 2, 3, 4]) u WHERE u <= id) AS n
FROM sub_ja FULL JOIN sub_jb USING (id) ORDER BY id;
SELECT (SELECT max(v) FROM (SELECT b * 2 AS v) s) FROM sub_ja LEFT JOIN sub_jb ON sub_ja.id = sub_jb.id
ORDER BY 1;
DROP TABLE sub_ja, sub_jb;
