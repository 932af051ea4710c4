--
-- One-dimensional arrays: constructors, the array functions and
-- operators, and x op ANY|ALL (array).  Multidimensional arrays are not
-- supported by Tusk yet (0A000), so they are not exercised here.
--
CREATE TABLE arr_t (id int, a int[], t text[]);
INSERT INTO arr_t VALUES
  (1, '{1,2,3}', '{a,b,c}'),
  (2, '{}', '{}'),
  (3, '{1,NULL,3}', '{x,NULL}'),
  (4, NULL, NULL),
  (5, '[0:2]={7,8,9}', '{"a b","c,d"}');
-- constructors
SELECT ARRAY[1,2,3] AS a, ARRAY['x','y'] AS b, ARRAY[1, 2.5] AS c, ARRAY[NULL::int, 1] AS d;
SELECT ARRAY[]::int[] AS e, pg_typeof(ARRAY[]::text[]) AS t, ARRAY[1,2]::bigint[] AS f;
SELECT ARRAY[];
SELECT ARRAY[1, 'x'];
SELECT ARRAY[1, true];
SELECT ARRAY[id, id * 10] FROM arr_t ORDER BY id;
-- dimensions
SELECT id, array_length(a, 1) AS len, array_lower(a, 1) AS lo, array_upper(a, 1) AS hi,
       array_ndims(a) AS nd, array_dims(a) AS dims, cardinality(a) AS card,
       array_length(a, 2) AS len2
  FROM arr_t ORDER BY id;
-- append, prepend, concatenate
SELECT id, array_append(a, 4), array_prepend(0, a), a || 5, 6 || a, a || ARRAY[10,11] FROM arr_t ORDER BY id;
SELECT array_cat(NULL::int[], NULL::int[]) IS NULL AS n, array_cat(ARRAY[1], NULL) AS c,
       array_append(NULL::int[], 1) AS ap, array_prepend(NULL, ARRAY[1]) AS pp;
SELECT ARRAY['a'] || 'b'::text AS a, 'z' || ARRAY['a'] AS b, ARRAY[1] || ARRAY[2] || 3 AS c;
-- searching
SELECT id, array_position(a, 3) AS p3, array_position(a, NULL) AS pnull,
       array_positions(a, 1) AS ps, array_position(a, 3, 3) AS from3
  FROM arr_t ORDER BY id;
SELECT array_position(ARRAY['a','b','a'], 'a', 2), array_positions(ARRAY[1,2,1,NULL], NULL);
SELECT array_position(ARRAY[1,2], 1, NULL);
-- removing and replacing
SELECT id, array_remove(a, 1) AS r1, array_remove(a, NULL) AS rnull, array_replace(a, 3, 30) AS rep,
       array_replace(a, NULL, 0) AS repnull
  FROM arr_t ORDER BY id;
-- text conversions
SELECT id, array_to_string(a, ',') AS s, array_to_string(a, '-', '*') AS s2,
       array_to_string(t, '|') AS s3
  FROM arr_t ORDER BY id;
SELECT string_to_array('a,b,,c', ',') AS a, string_to_array('a,b,,c', ',', '') AS b,
       string_to_array('abc', NULL) AS c, string_to_array('abc', '') AS d,
       string_to_array('', ',') AS e, string_to_array(NULL, ',') AS f,
       string_to_array('1<>2<>3', '<>') AS g;
SELECT array_to_string(string_to_array('x y z', ' '), '+');
-- comparison
SELECT id, a = '{1,2,3}' AS eq, a < '{1,3}' AS lt, a >= '{1,2}' AS ge, a <> '{}' AS ne
  FROM arr_t ORDER BY id;
SELECT ARRAY[1,2] < ARRAY[1,2,3] AS shorter, ARRAY[1,NULL] > ARRAY[1,2] AS nulls_last,
       ARRAY[NULL::int] = ARRAY[NULL::int] AS null_eq, '[0:1]={1,2}'::int[] = '{1,2}'::int[] AS lb;
SELECT id, a FROM arr_t ORDER BY a, id;
SELECT id, t FROM arr_t ORDER BY t DESC, id;
SELECT DISTINCT a FROM arr_t ORDER BY a;
SELECT a, count(*) FROM arr_t GROUP BY a ORDER BY a;
SELECT ARRAY[1] = ARRAY['a'];
-- containment and overlap
SELECT id, a @> '{1}' AS c1, a <@ '{1,2,3,4}' AS c2, a && '{3,9}' AS o FROM arr_t ORDER BY id;
SELECT ARRAY[1,NULL] @> ARRAY[NULL::int] AS n1, ARRAY[1,1,2] <@ ARRAY[1,2] AS dup,
       '{}'::int[] <@ ARRAY[1] AS empty;
-- x op ANY|SOME|ALL (array)
SELECT id FROM arr_t WHERE 3 = ANY (a) ORDER BY id;
SELECT id FROM arr_t WHERE 1 = SOME (a) ORDER BY id;
SELECT id FROM arr_t WHERE 0 < ALL (a) ORDER BY id;
SELECT id, 3 = ANY (a) AS any3, 3 <> ALL (a) AS all3, NULL::int = ANY (a) AS anynull FROM arr_t ORDER BY id;
SELECT 1 = ANY ('{1,2}'), 'b' = ANY ('{a,b}'), 5 > ALL ('{1,2,3}'), 2 = ANY (ARRAY[1, NULL]);
SELECT 1 = ANY ('{}'::int[]) AS any_empty, 1 = ALL ('{}'::int[]) AS all_empty,
       NULL::int = ANY ('{}'::int[]) AS null_empty, 1 = ANY (NULL::int[]) AS null_array;
SELECT id FROM arr_t WHERE id = ANY (ARRAY[1, 3, 5]) ORDER BY id;
SELECT id FROM arr_t WHERE id <> ALL ('{1,2}') ORDER BY id;
SELECT 'abc' LIKE ANY (ARRAY['a%', 'x%']) AS l, 'abc' ILIKE ALL (ARRAY['A%', '%C']) AS il;
SELECT 1 = ANY (1);
SELECT 1 = ANY ('{a}');
SELECT 1 + ANY (ARRAY[1,2]);
SELECT 'a' = ANY (ARRAY[1,2]);
PREPARE arr_q(int[]) AS SELECT id FROM arr_t WHERE id = ANY ($1) ORDER BY id;
EXECUTE arr_q('{2,4,6}');
EXECUTE arr_q(ARRAY[1]);
DEALLOCATE arr_q;
EXPLAIN (COSTS OFF) SELECT id FROM arr_t WHERE id = ANY ('{1,2,3}');
-- (Tusk does not fold constants yet: a constant ARRAY[1, 2] would stay ARRAY[…] in EXPLAIN,
-- where PostgreSQL shows '{1,2}'::integer[].)
EXPLAIN (COSTS OFF) SELECT id FROM arr_t WHERE a = '{1,2}' AND id <> ALL (ARRAY[1, id + 1]);
CREATE VIEW arr_v AS SELECT id, a || 1 AS a1, 2 = ANY (a) AS has2, ARRAY[id, 1] AS pair FROM arr_t;
SELECT * FROM arr_v ORDER BY id;
SELECT pg_get_viewdef('arr_v'::regclass);
DROP VIEW arr_v;
DROP TABLE arr_t;
