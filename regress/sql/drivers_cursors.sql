--
-- SQL cursors as drivers use them (psycopg's named cursors): DECLARE,
-- FETCH and MOVE forward, CLOSE, and their errors.  SCROLL, WITH HOLD and
-- backward fetches are not in Tusk yet (0A000) and are left out here.
--
CREATE TABLE cur_t (id int PRIMARY KEY, name text);
INSERT INTO cur_t SELECT g, 'n' || g FROM generate_series(1, 12) g;

-- Outside a transaction block.
DECLARE c CURSOR FOR SELECT * FROM cur_t;

BEGIN;
DECLARE c CURSOR FOR SELECT id, name FROM cur_t ORDER BY id;
FETCH c;
FETCH NEXT FROM c;
FETCH 3 FROM c;
FETCH FORWARD 2 IN c;
MOVE 2 FROM c;
MOVE FORWARD 1 IN c;
FETCH ALL c;
FETCH c;
FETCH FORWARD ALL FROM c;
MOVE ALL IN c;
-- A second cursor, also without a FROM list, and a duplicate name.
DECLARE d NO SCROLL CURSOR WITHOUT HOLD FOR SELECT g * 2 AS twice FROM generate_series(1, 3) g;
DECLARE c CURSOR FOR SELECT 1;
ROLLBACK;

BEGIN;
DECLARE d CURSOR FOR SELECT g * 2 AS twice FROM generate_series(1, 5) g;
DECLARE e CURSOR FOR SELECT name FROM cur_t WHERE id > 10 ORDER BY id;
FETCH 2 FROM d;
FETCH 10 FROM e;
CLOSE d;
FETCH d;
ROLLBACK;

-- The cursor sees the data as of its DECLARE.
BEGIN;
DECLARE s CURSOR FOR SELECT count(*) FROM cur_t;
INSERT INTO cur_t VALUES (100, 'later');
FETCH s;
SELECT count(*) FROM cur_t;
CLOSE ALL;
FETCH s;
ROLLBACK;

-- Cursors end with their transaction.
BEGIN;
DECLARE gone CURSOR FOR SELECT 1;
COMMIT;
FETCH gone;
CLOSE gone;
BEGIN;
DECLARE gone CURSOR FOR SELECT 1;
SAVEPOINT sp;
FETCH gone;
ROLLBACK TO sp;
FETCH gone;
COMMIT;

-- A cursor over a view, a join and an aggregate.
CREATE VIEW cur_v AS SELECT id, upper(name) AS up FROM cur_t WHERE id % 3 = 0;
BEGIN;
DECLARE v CURSOR FOR SELECT v.up, t.name FROM cur_v v JOIN cur_t t USING (id) ORDER BY id;
FETCH 2 FROM v;
FETCH ALL FROM v;
DECLARE a CURSOR FOR SELECT id % 2 AS odd, count(*) FROM cur_t GROUP BY 1 ORDER BY 1;
FETCH ALL FROM a;
COMMIT;

-- Errors inside a cursor's query surface at DECLARE or at FETCH.
BEGIN;
DECLARE bad CURSOR FOR SELECT * FROM no_such_table;
ROLLBACK;
BEGIN;
DECLARE z CURSOR FOR SELECT 1 / (id - 3) FROM cur_t;
FETCH 2 FROM z;
FETCH 1 FROM z;
ROLLBACK;
DROP VIEW cur_v;
DROP TABLE cur_t;
