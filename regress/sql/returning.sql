-- RETURNING, INSERT … SELECT, UPDATE … FROM, DELETE … USING and
-- data-modifying WITH queries (as worker_spi's counting statement).
CREATE TABLE r (id int, name text, qty int DEFAULT 1);
INSERT INTO r VALUES (1, 'a', 5) RETURNING *;
INSERT INTO r (id, name) VALUES (2, 'b'), (3, 'c') RETURNING id, qty * 2 AS double_qty;
INSERT INTO r VALUES (4, 'd', 7) RETURNING name || '!', r.id;
UPDATE r SET qty = qty + 10 WHERE id <= 2 RETURNING id, qty;
UPDATE r SET qty = 0 WHERE id = 99 RETURNING *;
DELETE FROM r WHERE id = 4 RETURNING name, qty;
SELECT * FROM r ORDER BY id;
INSERT INTO r VALUES (5, 'e') RETURNING qty, (SELECT count(*) FROM r);
INSERT INTO r VALUES (6, 'f') RETURNING missing;
INSERT INTO r VALUES (6, 'f') RETURNING sum(qty);

-- INSERT … SELECT
CREATE TABLE r2 (id int, name text, qty int);
INSERT INTO r2 SELECT * FROM r WHERE id < 3;
INSERT INTO r2 (id, name) SELECT id + 100, upper(name) FROM r WHERE id >= 3 ORDER BY id LIMIT 2;
INSERT INTO r2 SELECT id, name FROM r WHERE id = 5 RETURNING *;
SELECT * FROM r2 ORDER BY id;
INSERT INTO r2 (id) SELECT id, name FROM r;
INSERT INTO r2 (id, name, qty) SELECT id FROM r;
INSERT INTO r2 SELECT 1 UNION SELECT 2 RETURNING id;
INSERT INTO r2 (qty) SELECT 'x';

-- UPDATE … FROM and DELETE … USING
CREATE TABLE prices (name text, price int);
INSERT INTO prices VALUES ('a', 100), ('b', 200), ('z', 999);
UPDATE r SET qty = r.qty + p.price FROM prices p WHERE p.name = r.name RETURNING r.id, r.qty, p.price;
SELECT * FROM r ORDER BY id;
DELETE FROM r USING prices p WHERE p.name = r.name AND p.price > 150 RETURNING r.*, p.price;
SELECT * FROM r ORDER BY id;
UPDATE r SET qty = 1 FROM prices WHERE prices.name = 'nope';
UPDATE r SET qty = x.n FROM (SELECT count(*) AS n FROM prices) x WHERE r.id = 1 RETURNING qty;

-- data-modifying WITH
CREATE TABLE counted (type text, value int);
INSERT INTO counted VALUES ('total', 10), ('delta', 1), ('delta', 2), ('delta', 3);
WITH deleted AS (DELETE FROM counted WHERE type = 'delta' RETURNING value),
     total AS (SELECT coalesce(sum(value), 0) AS sum FROM deleted)
  UPDATE counted SET value = counted.value + total.sum FROM total WHERE type = 'total'
  RETURNING counted.value;
SELECT * FROM counted ORDER BY type;
WITH deleted AS (DELETE FROM counted WHERE type = 'delta' RETURNING value),
     total AS (SELECT coalesce(sum(value), 0) AS sum FROM deleted)
  UPDATE counted SET value = counted.value + total.sum FROM total WHERE type = 'total'
  RETURNING counted.value;
WITH ins AS (INSERT INTO counted VALUES ('delta', 5), ('delta', 6) RETURNING *) SELECT count(*), sum(value) FROM ins;
WITH ins AS (INSERT INTO counted VALUES ('delta', 100)) SELECT 1;
SELECT type, value FROM counted ORDER BY type, value;
WITH moved AS (DELETE FROM counted WHERE type = 'delta' RETURNING *) INSERT INTO r2 (name, qty) SELECT type, value FROM moved;
SELECT name, qty FROM r2 WHERE name = 'delta' ORDER BY qty;
WITH d AS (DELETE FROM counted) SELECT * FROM d;
SELECT (WITH d AS (DELETE FROM counted RETURNING *) SELECT count(*) FROM d);
WITH t AS (SELECT random() AS x) SELECT count(*) FROM (SELECT x FROM t UNION SELECT x FROM t) s;
WITH t AS MATERIALIZED (SELECT 1 AS one) SELECT one + 1 FROM t;
