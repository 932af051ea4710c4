-- Multidimensional arrays: text form, ARRAY[[…]], dimension functions,
-- comparison, unnest, and PostgreSQL's errors.
SELECT '{{1,2},{3,4}}'::int[] AS m, ' { { 1 , 2 } , { 3 , 4 } } '::int[] AS spaced,
       '{{{1},{2}},{{3},{4}}}'::int[] AS three;
SELECT '[0:1]={1,2}'::int[] AS lb0, '[1:2][0:0]={{1},{2}}'::int[] AS lbs,
       '[1:1][1:2]={{1,2}}'::int[] AS default_bounds, '[-2:-1]={a,b}'::text[] AS negative;
SELECT '{{a,"b c"},{NULL,"NULL"}}'::text[] AS quoted, '{{"{}",","},{"\\","\""}}'::text[] AS escaped;
SELECT ARRAY[[1,2],[3,4]] AS nested, ARRAY[ARRAY[1,2], ARRAY[3,4]] AS of_arrays,
       ARRAY[[[1,2]],[[3,4]]] AS three, ARRAY[['a','b'],['c',NULL]] AS text_nulls;
SELECT ARRAY['{1,2}'::int[], '{3,4}'::int[]] AS from_values, ARRAY[[1,2],[3.5,4]] AS common_type;
SELECT ARRAY[NULL::int[], '{1,2}'] AS null_sub, ARRAY['{}'::int[], '{}'] AS all_empty,
       ARRAY[[1,2],[3,4]]::text[] AS cast_text;
SELECT array_dims(m), array_ndims(m), array_lower(m, 1), array_upper(m, 2),
       array_length(m, 1), array_length(m, 2), array_length(m, 3), cardinality(m)
FROM (VALUES ('[0:1][2:4]={{1,2,3},{4,5,6}}'::int[])) v(m);
SELECT array_dims('{}'::int[]), array_ndims('{}'::int[]), cardinality('{}'::int[]);
SELECT '{{1,2},{3,4}}'::int[] = '{{1,2},{3,4}}' AS eq, '{{1,2},{3,4}}'::int[] = '{1,2,3,4}' AS flat_ne,
       '{{1,2},{3,4}}'::int[] < '{{1,2},{3,5}}' AS lt, '{{1,2}}'::int[] <> '[0:0][1:2]={{1,2}}' AS bounds_ne,
       '{{1,2},{3,4}}'::int[] > '{1,2,3}' AS more_elems;
SELECT x FROM unnest('{{1,2},{3,4}}'::int[]) x;
SELECT unnest(ARRAY[['a','b'],['c','d']]) AS u;
SELECT 3 = ANY('{{1,2},{3,4}}'::int[]) AS any3, 5 = ANY('{{1,2},{3,4}}'::int[]) AS any5;
SELECT '{{1,2},{3,4}}'::int[] @> '{4}' AS contains, array_to_string('{{1,2},{3,NULL}}'::int[], ',', '*') AS str;
CREATE TABLE md (id int, m int[]);
INSERT INTO md VALUES (1, '{{1,2},{3,4}}'), (2, ARRAY[[5,6],[7,8]]), (3, '{{1,2},{3,4}}');
SELECT id, m, m[2][1] FROM md ORDER BY m DESC, id;
SELECT m, count(*) FROM md GROUP BY m ORDER BY m;
SELECT DISTINCT m FROM md ORDER BY m;
DROP TABLE md;
-- errors
SELECT '{{1,2},{3}}'::int[];
SELECT '{{1},2}'::int[];
SELECT '{1,{2}}'::int[];
SELECT '{{}}'::int[];
SELECT '{{1,2} x}'::int[];
SELECT '{{1,2}{3}}'::int[];
SELECT '{{1,2},}'::int[];
SELECT '[1:2]={{1},{2}}'::int[];
SELECT '[1:2][1:2]={1,2}'::int[];
SELECT '[1:2]'::int[];
SELECT '{{{{{{{1}}}}}}}'::int[];
SELECT ARRAY[[1,2],[3]];
SELECT ARRAY[[1,2],3];
SELECT ARRAY[1,[2,3]];
SELECT ARRAY['{1,2}'::int[], '{{3,4}}'];
SELECT ARRAY['{}'::int[], '{1}'];
SELECT ARRAY['[0:1]={1,2}'::int[], '{3,4}'];
-- generate_subscripts and trim_array
SELECT generate_subscripts('{{1,2,3},{4,5,6}}'::int[], 1) AS d1;
SELECT generate_subscripts('[0:2]={a,b,c}'::text[], 1, true) AS rev;
SELECT s, ('[0:2]={a,b,c}'::text[])[s] FROM generate_subscripts('[0:2]={a,b,c}'::text[], 1) s;
SELECT generate_subscripts('{{1,2,3},{4,5,6}}'::int[], 2, false) AS d2;
SELECT count(*) FROM generate_subscripts('{1,2}'::int[], 2);
SELECT count(*) FROM generate_subscripts('{}'::int[], 1);
SELECT count(*) FROM generate_subscripts(NULL::int[], 1);
SELECT trim_array('{1,2,3,4}'::int[], 1) AS t1, trim_array('[0:3]={1,2,3,4}'::int[], 2) AS t2,
       trim_array('{1,2}'::int[], 2) AS all_gone, trim_array('{{1,2},{3,4},{5,6}}'::int[], 1) AS md;
SELECT trim_array('{1,2}'::int[], 3);
SELECT trim_array('{1,2}'::int[], -1);
SELECT array_fill(7, ARRAY[2,3]) AS two_dims, array_fill('x'::text, ARRAY[2,1], ARRAY[0,5]) AS with_bounds,
       array_fill(1, ARRAY[2,0]) AS zero_dim;
SELECT array_fill(1, ARRAY[1,1,1,1,1,1,1]);
SELECT array_fill(1, ARRAY[2,-1]);
