--
-- Prepared statements: PREPARE, EXECUTE, DEALLOCATE, and plans that
-- follow the tables they use
--
CREATE TABLE prep_t (id int, name text, amount numeric);
INSERT INTO prep_t VALUES (1, 'one', 1.5), (2, 'two', 2.25), (3, 'three', NULL);
-- declared parameter types
PREPARE by_id(int) AS SELECT name, amount FROM prep_t WHERE id = $1;
EXECUTE by_id(2);
EXECUTE by_id(3);
EXECUTE by_id(4);
-- arguments are expressions, cast to the parameter type by assignment
EXECUTE by_id(1 + 1);
EXECUTE by_id('1');
EXECUTE by_id(2.0);
-- many executions: custom plans first, then the generic plan; same rows
EXECUTE by_id(1);
EXECUTE by_id(1);
EXECUTE by_id(1);
EXECUTE by_id(1);
EXECUTE by_id(1);
EXECUTE by_id(1);
EXECUTE by_id(2);
-- parameter types inferred from use
PREPARE by_name AS SELECT id FROM prep_t WHERE name = $1;
EXECUTE by_name('three');
PREPARE casted AS SELECT $1::int + 1 AS next, $2::text || '!' AS shout;
EXECUTE casted(41, 'hey');
-- a parameter that is selected only is text
PREPARE echo AS SELECT $1 AS echoed;
EXECUTE echo('x');
-- data-changing statements
PREPARE ins(int, text, numeric) AS INSERT INTO prep_t VALUES ($1, $2, $3);
EXECUTE ins(4, 'four', 4.75);
EXECUTE ins(5, NULL, NULL);
PREPARE upd AS UPDATE prep_t SET amount = amount * $1 WHERE id = $2;
EXECUTE upd(2, 4);
PREPARE del(int) AS DELETE FROM prep_t WHERE id = $1;
EXECUTE del(5);
SELECT * FROM prep_t ORDER BY id;
-- errors at EXECUTE
EXECUTE by_id;
EXECUTE by_id(1, 2);
EXECUTE by_id('x');
EXECUTE by_id(true);
EXECUTE nosuch;
EXECUTE nosuch(1);
-- errors at PREPARE
PREPARE by_id AS SELECT 1;
PREPARE bad AS SELECT nosuch FROM prep_t;
PREPARE bad(nosuchtype) AS SELECT $1;
PREPARE bad AS SELECT $2::int;
PREPARE bad AS SELECT $1 + $2;
PREPARE bad(int) AS SELECT $2;
PREPARE bad AS CREATE TABLE prep_bad (a int);
-- DEALLOCATE
DEALLOCATE by_name;
EXECUTE by_name('one');
DEALLOCATE by_name;
DEALLOCATE PREPARE casted;
EXECUTE casted(1, 'a');
-- a prepared statement outlives the transaction that made it, even a
-- rolled-back one
BEGIN;
PREPARE in_tx AS SELECT count(*) FROM prep_t;
ROLLBACK;
EXECUTE in_tx;
-- and runs inside a transaction block
BEGIN;
EXECUTE ins(6, 'six', 6);
EXECUTE in_tx;
ROLLBACK;
EXECUTE in_tx;
-- a failed block refuses EXECUTE too
BEGIN;
SELECT 1/0;
EXECUTE in_tx;
ROLLBACK;
-- the plan follows the table: dropped and re-created, the statement is
-- analyzed again at its next use
PREPARE all_rows AS SELECT id, name FROM prep_t ORDER BY id;
EXECUTE all_rows;
DROP TABLE prep_t;
EXECUTE all_rows;
CREATE TABLE prep_t (id int, name text);
INSERT INTO prep_t VALUES (10, 'ten');
EXECUTE all_rows;
-- a different result shape is refused
DROP TABLE prep_t;
CREATE TABLE prep_t (id int, name text, extra int);
EXECUTE by_id(10);
EXECUTE all_rows;
DROP TABLE prep_t;
CREATE TABLE prep_t (id text, name text);
EXECUTE all_rows;
DISCARD PLANS;
DEALLOCATE ALL;
EXECUTE all_rows;
EXECUTE in_tx;
DROP TABLE prep_t;
