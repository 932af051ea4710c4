-- Array subscripts and slices: fetching, and assignment in UPDATE and INSERT.
SELECT (ARRAY[10,20,30])[2] AS elem, ('{10,20,30}'::int[])[0] AS below, ('{10,20,30}'::int[])[4] AS above;
SELECT ('{10,20,30}'::int[])[NULL] AS null_subscript, (NULL::int[])[1] AS null_array;
SELECT ('{10,20,30}'::int[])[1:2] AS s12, ('{10,20,30}'::int[])[:2] AS to2,
       ('{10,20,30}'::int[])[2:] AS from2, ('{10,20,30}'::int[])[:] AS whole;
SELECT ('{10,20,30}'::int[])[3:1] AS reversed, ('{10,20,30}'::int[])[5:9] AS beyond,
       ('{10,20,30}'::int[])[0:1] AS clipped, ('{10,20,30}'::int[])[1:NULL] AS null_bound;
SELECT ('[0:2]={a,b,c}'::text[])[0] AS lb0, ('[0:2]={a,b,c}'::text[])[1:2] AS slice_lb0;
SELECT ('{{1,2,3},{4,5,6}}'::int[])[2][3] AS e23, ('{{1,2,3},{4,5,6}}'::int[])[2] AS one_subscript,
       ('{{1,2,3},{4,5,6}}'::int[])[1:2][2:3] AS box, ('{{1,2,3},{4,5,6}}'::int[])[2:2] AS row2,
       ('{{1,2,3},{4,5,6}}'::int[])[2][2:3] AS mixed;
SELECT ('{1,2,3}'::int[])[1][1] AS too_many, ('{1,2,3}'::int[])[1:2][1:1] AS too_many_slice;
SELECT ('{1,2,3}'::int[])['2'] AS text_literal, ('{1,2,3}'::int[])[2.6] AS numeric_subscript,
       ('{1,2,3}'::int[])[2::int8] AS int8_subscript;
SELECT ('{a,b,c}'::text[])[2] || 'x' AS concat, upper(('{a,b,c}'::varchar[])[3]) AS upper;
SELECT a[2] AS second, a[2:3] AS tail FROM (VALUES ('{1,2,3}'::int[]), ('{4}'), (NULL)) v(a);
-- errors
SELECT (1)[1];
SELECT ('abc'::text)[1];
SELECT ('{1,2,3}'::int[])['x'];
SELECT ('{1,2,3}'::int[])[true];
SELECT ('{1}'::int[])[1][1][1][1][1][1][1];

CREATE TABLE arrsub (id int, a int[], t text[]);
INSERT INTO arrsub VALUES (1, '{1,2,3}', '{a,b}'), (2, NULL, NULL), (3, '{}', '{}');
UPDATE arrsub SET a[2] = 20 WHERE id = 1;
UPDATE arrsub SET a[5] = 50 WHERE id = 1;
SELECT id, a, array_dims(a) FROM arrsub ORDER BY id;
UPDATE arrsub SET a[-1] = -10 WHERE id = 1;
SELECT id, a, array_dims(a) FROM arrsub WHERE id = 1;
UPDATE arrsub SET a[1:2] = '{7,8}' WHERE id = 1;
SELECT id, a FROM arrsub WHERE id = 1;
UPDATE arrsub SET a[2] = 5, t[1] = 'x' WHERE id = 2;
UPDATE arrsub SET a[3:4] = '{30,40}', t[2] = 'y' WHERE id = 3;
SELECT id, a, array_dims(a), t FROM arrsub ORDER BY id;
UPDATE arrsub SET a[1] = 1, a[2] = 2 WHERE id = 2;
SELECT id, a FROM arrsub WHERE id = 2;
UPDATE arrsub SET a[1] = NULL WHERE id = 2;
SELECT id, a FROM arrsub WHERE id = 2;
UPDATE arrsub SET a[1:2] = NULL WHERE id = 2;
SELECT id, a FROM arrsub WHERE id = 2;
UPDATE arrsub SET a[1] = '42' WHERE id = 2;
UPDATE arrsub SET a[2] = 2.7 WHERE id = 2;
SELECT id, a FROM arrsub WHERE id = 2;
UPDATE arrsub SET a[10:12] = '{1,2,3}' WHERE id = 2;
SELECT id, a, array_dims(a) FROM arrsub WHERE id = 2;
-- assignment errors
UPDATE arrsub SET a[NULL] = 1 WHERE id = 1;
UPDATE arrsub SET a[1] = 'x'::text WHERE id = 1;
UPDATE arrsub SET a[1:2] = '{1}' WHERE id = 1;
UPDATE arrsub SET a[1][1] = 1 WHERE id = 1;
UPDATE arrsub SET a = '{1}', a[1] = 2 WHERE id = 1;
UPDATE arrsub SET a[:2] = '{1,2}' WHERE id = 3 AND false;
INSERT INTO arrsub (id, a[:2]) VALUES (9, '{1,2}');
INSERT INTO arrsub (id, a, a[1]) VALUES (9, '{1}', 2);
-- INSERT into subscripts
INSERT INTO arrsub (id, a[2], t[1]) VALUES (4, 5, 'p');
INSERT INTO arrsub (id, a[1], a[3]) VALUES (5, 1, 3);
INSERT INTO arrsub (id, a[2:3]) VALUES (6, '{6,7}');
INSERT INTO arrsub (id, a[1]) SELECT 7, 70;
SELECT id, a, array_dims(a), t FROM arrsub WHERE id >= 4 ORDER BY id;
-- multidimensional assignment
CREATE TABLE arrsub2 (m int[]);
INSERT INTO arrsub2 VALUES ('{{1,2},{3,4}}');
UPDATE arrsub2 SET m[2][1] = 30;
UPDATE arrsub2 SET m[1:1][1:2] = '{{10,20}}';
SELECT m FROM arrsub2;
UPDATE arrsub2 SET m[3][1] = 5;
UPDATE arrsub2 SET m[1] = 5;
UPDATE arrsub2 SET m[1:3][1:1] = '{{1},{2},{3}}';
INSERT INTO arrsub2 (m[1][1]) VALUES (1);
INSERT INTO arrsub2 (m[1:2][2:3]) VALUES ('{{1,2},{3,4}}');
INSERT INTO arrsub2 (m[1:2][2:3]) VALUES ('{1,2,3}');
SELECT m, array_dims(m) FROM arrsub2;
-- subscripts in other clauses
SELECT id FROM arrsub WHERE a[1] = 7 ORDER BY id;
SELECT a[1], count(*) FROM arrsub GROUP BY a[1] ORDER BY 1;
CREATE VIEW arrsub_v AS SELECT a[1] AS first, a[2:3] AS mid, a[:1] AS head FROM arrsub;
SELECT pg_get_viewdef('arrsub_v'::regclass);
DROP VIEW arrsub_v;
DROP TABLE arrsub, arrsub2;
