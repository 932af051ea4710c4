--
-- Polymorphic built-in functions and operators: anyelement, anyarray,
-- anynonarray, anycompatible and anycompatiblearray resolved from the
-- arguments, as PostgreSQL does.  (Tusk cannot create functions yet, so
-- only the catalog's built-ins are exercised.)
--
-- anycompatiblearray / anycompatible: the common type of the inputs
SELECT array_append(ARRAY[1,2], 3) AS a, pg_typeof(array_append(ARRAY[1,2], 3)) AS t;
SELECT array_append(ARRAY[1::int8,2], 3) AS a, pg_typeof(array_append(ARRAY[1::int8,2], 3)) AS t;
SELECT array_prepend(0, ARRAY[1,2]) AS a;
SELECT array_append('{1,2}', 3) AS a, pg_typeof(array_append('{1,2}', 3)) AS t;
SELECT array_append(ARRAY['a','b'], 'c') AS a;
SELECT pg_typeof(array_append('{a}', 'b'));
SELECT array_cat(ARRAY[1], ARRAY['a']);
SELECT array_append(ARRAY[1,2], 'x');
SELECT array_append(1, 2);
-- anyarray: the argument must be an array
SELECT array_length(ARRAY[1,2,3], 1), array_ndims(ARRAY['x']), array_dims(ARRAY[true, false]);
SELECT array_length(1, 1);
SELECT array_length('{1,2}', 1);
-- anyelement with an int[] dimension list
SELECT array_fill(7, ARRAY[3]) AS a, pg_typeof(array_fill('x'::text, ARRAY[2])) AS t;
SELECT array_fill('x', ARRAY[2]);
SELECT array_fill(1.5, ARRAY[2], ARRAY[4]) AS a, array_dims(array_fill(1.5, ARRAY[2], ARRAY[4])) AS d;
-- operators with anyarray operands
SELECT ARRAY[1,2] = ARRAY[1,2] AS eq, ARRAY[1,2] <> ARRAY[1,3] AS ne, ARRAY[1,2] < ARRAY[1,3] AS lt;
SELECT ARRAY[1,2] = ARRAY['1','2'];
SELECT ARRAY[1,2] = ARRAY[1.0,2.0];
-- aggregates over polymorphic types
CREATE TABLE poly_t (a int, b text, c int[]);
INSERT INTO poly_t VALUES (1, 'one', '{1}'), (2, 'two', '{1,2}'), (3, NULL, '{3}'), (NULL, 'four', NULL);
SELECT array_agg(a) AS a, array_agg(b) AS b, pg_typeof(array_agg(b)) AS t FROM poly_t;
SELECT max(c) AS max, min(c) AS min FROM poly_t;
SELECT array_agg(a) FROM poly_t WHERE a > 10;
SELECT b, array_agg(a) FROM poly_t GROUP BY b ORDER BY b;
DROP TABLE poly_t;
