-- Casts between array types (ArrayCoerceExpr: the element cast per element).
SELECT '{1,2,NULL}'::int[]::text[] AS int_to_text, '{1,2,3}'::text[]::int[] AS text_to_int,
       '{1.4,2.6}'::numeric[]::int[] AS numeric_to_int, '{1,2}'::int[]::bigint[] AS to_bigint;
SELECT '{{1,2},{3,4}}'::int[]::float8[] AS multidim, '[0:1]={1,2}'::int[]::text[] AS bounds,
       '{}'::int[]::text[] AS empty, NULL::int[]::text[] AS null_array;
SELECT CAST(ARRAY[1,2] AS numeric[]) AS cast_syntax, ARRAY[1,2]::text[] AS array_ctor,
       ARRAY[[1,2],[3,4]]::text[] AS ctor_multidim, '{a,b}'::varchar[]::text[] AS relabel;
SELECT ARRAY[[1,2],[3.5,4]] AS common_type, ARRAY['{1,2}'::int[], '{3.5,4}'::numeric[]] AS sub_arrays;
SELECT pg_typeof('{1}'::int[] || '{2.5}'::numeric[]) AS implicit, '{1}'::int[] || '{2.5}'::numeric[] AS concat;
SELECT ('{1,2}'::int[]::text[])[2] || 'x' AS subscript_after_cast;
CREATE TABLE arrcast (i int[], t text[], n numeric[]);
INSERT INTO arrcast VALUES ('{1,2}'::bigint[], '{1,2}'::int[], '{3,4}'::int[]);
INSERT INTO arrcast (i) VALUES ('{1.5,2.5}'::numeric[]);
SELECT * FROM arrcast;
UPDATE arrcast SET t = i WHERE t IS NOT NULL;
SELECT * FROM arrcast;
CREATE VIEW arrcast_v AS SELECT i::text[] AS ti, n::int[] AS ni FROM arrcast;
SELECT pg_get_viewdef('arrcast_v'::regclass);
SELECT * FROM arrcast_v;
DROP VIEW arrcast_v;
DROP TABLE arrcast;
-- errors
SELECT '{a,b}'::text[]::int[];
SELECT '{1,2}'::int[]::date[];
SELECT '{99999999999}'::int8[]::int[];
CREATE TABLE arrcast2 (d date[]);
INSERT INTO arrcast2 VALUES ('{1,2}'::int[]);
DROP TABLE arrcast2;
