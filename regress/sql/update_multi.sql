--
-- UPDATE … SET (a, b, …) = row-valued source: a parenthesized list,
-- ROW(…), or a sub-SELECT (evaluated once per row), mixed with single
-- assignments and DEFAULT
--
CREATE TABLE um (id int PRIMARY KEY, a int, b text, c int DEFAULT 42);
INSERT INTO um VALUES (1, 1, 'one', 1), (2, 2, 'two', 2), (3, 3, 'three', 3);
CREATE TABLE um_src (id int, x int, y text);
INSERT INTO um_src VALUES (1, 10, 'ten'), (2, 20, 'twenty'), (2, 21, 'dup'), (4, 40, 'forty');

-- parenthesized list and ROW()
UPDATE um SET (a, b) = (11, 'uno') WHERE id = 1;
UPDATE um SET (b, a) = ROW('dos', a + 100) WHERE id = 2;
SELECT * FROM um ORDER BY id;

-- mixed with single assignments; DEFAULT inside the list
UPDATE um SET c = 7, (a, b, c) = (a * 2, b || '!', DEFAULT) WHERE id = 3 RETURNING *;
UPDATE um SET c = 7, (a, b) = (a * 2, b || '!') WHERE id = 3 RETURNING *;
UPDATE um SET (a, b, c) = (a * 2, b || '!', DEFAULT) WHERE id = 3 RETURNING *;
UPDATE um SET (c) = ROW(DEFAULT), a = -a WHERE id = 1 RETURNING *;

-- a single column needs ROW(): (x) alone is just x
UPDATE um SET (a) = ROW(5) WHERE id = 1 RETURNING a;

-- a sub-SELECT, correlated: once per row, its columns to each target;
-- no row gives NULLs
UPDATE um SET (a, b) = (SELECT x, y FROM um_src s WHERE s.id = um.id AND s.x <> 21)
 RETURNING *;
-- uncorrelated, with another assignment after it
UPDATE um SET (b, a) = (SELECT y, x FROM um_src WHERE id = 4), c = c + 1 WHERE id = 3
 RETURNING *;
-- two sub-SELECTs in one statement
UPDATE um SET (a) = (SELECT max(x) FROM um_src), (b, c) = (SELECT 'z', count(*)::int FROM um_src)
 WHERE id = 1 RETURNING *;
-- a cast to the column's type on assignment
UPDATE um SET (c, b) = (SELECT '99', 123) WHERE id = 2 RETURNING *;
-- more than one row
UPDATE um SET (a, b) = (SELECT x, y FROM um_src WHERE um_src.id = um.id);
-- with FROM
UPDATE um SET (a, b) = (s.x, s.y) FROM um_src s WHERE s.id = um.id AND s.id = 1 RETURNING um.*;
SELECT * FROM um ORDER BY id;

-- in a prepared statement, with parameters
PREPARE um_p(int, text) AS UPDATE um SET (a, b) = ($1, $2) WHERE id = 2 RETURNING *;
EXECUTE um_p(1000, 'p');
EXECUTE um_p(2000, 'q');
DEALLOCATE um_p;

-- ON CONFLICT DO UPDATE takes the same forms
INSERT INTO um VALUES (1, 0, 'x', 0)
 ON CONFLICT (id) DO UPDATE SET (a, b) = (excluded.a - 1, excluded.b || um.b) RETURNING *;
INSERT INTO um VALUES (2, 0, 'x', 0)
 ON CONFLICT (id) DO UPDATE SET (a, c) = (SELECT x, excluded.c FROM um_src WHERE id = 4)
 RETURNING *;

-- errors
UPDATE um SET (a, b) = (1);
UPDATE um SET (a) = (1);
UPDATE um SET (a, b) = 3;
UPDATE um SET (a, b) = (1, 'x', 3);
UPDATE um SET (a, b, c) = ROW(1, 'x');
UPDATE um SET (a, b) = (SELECT x FROM um_src);
UPDATE um SET (a, b) = (SELECT x, y, id FROM um_src);
UPDATE um SET (a, a) = (1, 2);
UPDATE um SET a = 1, (b, a) = ('x', 2);
UPDATE um SET (a, nosuch) = (1, 2);
UPDATE um SET (a, b) = (1, 2);
UPDATE um SET (a, b) = (SELECT 'x', 'y');
UPDATE um SET (a, b) = ARRAY[1, 2];
SELECT * FROM um ORDER BY id;

CREATE TABLE um_id (id int GENERATED ALWAYS AS IDENTITY, v text);
INSERT INTO um_id (v) VALUES ('a');
UPDATE um_id SET (id, v) = (5, 'b');
UPDATE um_id SET (id, v) = (DEFAULT, 'b') RETURNING *;

DROP TABLE um, um_src, um_id;
