--
-- information_schema._pg_expandarray, which pgjdbc's getPrimaryKeys and
-- getIndexInfo call: the elements of an array's first dimension with their
-- positions, in FROM and in the select list, its polymorphic columns
-- resolved from the argument.
--
SELECT * FROM information_schema._pg_expandarray(ARRAY[5, 6]);
SELECT (information_schema._pg_expandarray(ARRAY['a', 'b'])).x;
SELECT x, n, pg_typeof(x) FROM information_schema._pg_expandarray(ARRAY[1.5, NULL, 2.5]);
SELECT information_schema._pg_expandarray(ARRAY[[1, 2], [3, 4]]);
SELECT information_schema._pg_expandarray('{}'::int[]);
SELECT information_schema._pg_expandarray(NULL::int[]);
SELECT * FROM information_schema._pg_expandarray('[3:4]={7,8}'::int[]);
CREATE TABLE expand_t (a int, b text, c int, PRIMARY KEY (c, a));
SELECT a.attname, (k.keys).n
  FROM (SELECT information_schema._pg_expandarray(i.indkey) AS keys, i.indrelid
          FROM pg_index i WHERE i.indrelid = 'expand_t'::regclass AND i.indisprimary) k
  JOIN pg_attribute a ON a.attrelid = k.indrelid AND a.attnum = (k.keys).x
 ORDER BY 2;
DROP TABLE expand_t;
