-- Named and mixed notation in function calls: name => value
CREATE FUNCTION na_f(a int, b int DEFAULT 10, c text DEFAULT 'x') RETURNS text
  LANGUAGE sql AS $$ SELECT a || '/' || b || '/' || c $$;
SELECT na_f(1);
SELECT na_f(a => 1);
SELECT na_f(c => 'z', a => 2);
SELECT na_f(3, c => 'w');
SELECT na_f(4, 5, c => 'v');
SELECT na_f(b => 7, a => 8, c => 'u');
SELECT na_f(1, a => 2);
SELECT na_f(b => 2);
SELECT na_f(a => 1, a => 2);
SELECT na_f(a => 1, 2);
SELECT na_f(d => 1);
SELECT na_f(A => 1);
SELECT na_f("a" => 1), na_f(a := 5);
SELECT make_interval(days => 10);
SELECT make_interval(hours => 2, mins => 30);
SELECT make_interval(1, days => 3);
SELECT make_timestamp(year => 2020, month => 2, mday => 29, hour => 12, min => 0, sec => 1.5);
-- polymorphic parameters take their types by name too
CREATE FUNCTION na_poly(x anyelement, y anyelement DEFAULT NULL) RETURNS anyelement
  LANGUAGE sql AS $$ SELECT coalesce(y, x) $$;
SELECT na_poly(y => 2, x => 1), na_poly(x => 'a'::text), pg_typeof(na_poly(x => 1.5));
SELECT na_poly(y => 'b', x => 1);
-- stored in a view and shown as written
CREATE VIEW na_v AS SELECT na_f(c => 'q', a => 9) AS r, make_interval(days => 1) AS i;
SELECT * FROM na_v;
SELECT pg_get_viewdef('na_v'::regclass, true);
-- in FROM, in a prepared statement, with a parameter
SELECT * FROM na_f(b => 0, a => 0) AS t(r);
PREPARE na_p(int) AS SELECT na_f(c => 'p', a => $1);
EXECUTE na_p(42);
-- re-analyzed after a change to a table it reads
CREATE TABLE na_t (x int);
PREPARE na_q AS
  SELECT na_f(c => CASE WHEN count(*) > 0 THEN 'y' ELSE 'n' END, a => 1) FROM na_t;
EXECUTE na_q;
ALTER TABLE na_t ADD COLUMN y int;
INSERT INTO na_t VALUES (1, 2);
EXECUTE na_q;
DROP TABLE na_t;
-- an aggregate cannot take them; a variadic function only with VARIADIC
SELECT count(a => 1);
CREATE FUNCTION na_var(a int, VARIADIC v int[]) RETURNS int LANGUAGE sql AS $$ SELECT a + array_length(v, 1) $$;
SELECT na_var(a => 1, v => ARRAY[1, 2]);
SELECT na_var(a => 1, VARIADIC v => ARRAY[1, 2, 3]);
SELECT na_var(1, VARIADIC v => ARRAY[1]);
DROP VIEW na_v;
DROP FUNCTION na_f, na_poly, na_var;
