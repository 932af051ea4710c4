--
-- SELECT from tables: WHERE, ORDER BY, LIMIT/OFFSET, several tables
--
CREATE TABLE emp (id int NOT NULL, name text, dept int, salary int);
INSERT INTO emp VALUES
  (1, 'alice', 10, 5000),
  (2, 'bob', 20, 4000),
  (3, 'carol', 10, 7000),
  (4, 'dave', NULL, 3000),
  (5, 'eve', 30, NULL);
SELECT * FROM emp ORDER BY id;
SELECT name FROM emp WHERE dept = 10 ORDER BY name;
SELECT name, salary FROM emp WHERE salary > 4000 ORDER BY salary DESC;
SELECT name FROM emp WHERE dept IS NULL OR salary IS NULL ORDER BY 1;
SELECT name, salary * 12 AS yearly FROM emp WHERE salary BETWEEN 3000 AND 5000 ORDER BY yearly;
SELECT name FROM emp WHERE name LIKE '%a%' ORDER BY name;
SELECT name FROM emp WHERE dept IN (20, 30) ORDER BY id DESC;
SELECT id, name FROM emp ORDER BY salary NULLS FIRST, id;
SELECT id, name FROM emp ORDER BY salary DESC NULLS LAST;
SELECT id FROM emp ORDER BY id LIMIT 2;
SELECT id FROM emp ORDER BY id LIMIT 2 OFFSET 2;
SELECT id FROM emp ORDER BY id OFFSET 4;
SELECT id FROM emp ORDER BY id FETCH FIRST 1 ROW ONLY;
SELECT e.name, e.dept FROM emp e WHERE e.id = 3;
SELECT emp.name FROM emp WHERE emp.salary < 5000 ORDER BY emp.name;
SELECT name, id FROM emp ORDER BY dept, name;
CREATE TABLE dept (id int, title text);
INSERT INTO dept VALUES (10, 'eng'), (20, 'sales'), (40, 'empty');
SELECT emp.name, dept.title FROM emp, dept WHERE emp.dept = dept.id ORDER BY emp.name;
SELECT e.name, d.title FROM emp e, dept d WHERE e.dept = d.id AND d.title <> 'eng' ORDER BY 1;
SELECT count_of_rows FROM emp;
SELECT d.id, e.id FROM dept d, emp e WHERE d.id = 40;
SELECT * FROM emp WHERE id = 1;
SELECT xmin IS NOT NULL AS has_xmin, tableoid > 0 AS has_tableoid FROM emp WHERE id = 1;
-- errors
SELECT name FROM emp WHERE salary;
SELECT name FROM emp WHERE nosuch = 1;
SELECT nosuch.name FROM emp;
SELECT id FROM emp, dept;
SELECT name FROM emp ORDER BY 5;
SELECT name FROM emp LIMIT -1;
SELECT name FROM emp LIMIT 'x';
SELECT * FROM emp e, emp e;
SELECT nam FROM emp;
DROP TABLE emp;
DROP TABLE dept;
