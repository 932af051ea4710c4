--
-- Composite types: CREATE TYPE … AS (…), use as column, argument and
-- result types, row values, field selection, DROP TYPE and dependencies
--
CREATE TYPE complex AS (r float8, i float8);
CREATE TYPE inventory_item AS (name text, supplier_id integer, price numeric(10,2));
SELECT relname, relkind, relnatts, relhasindex, relpersistence
  FROM pg_class WHERE relname IN ('complex', 'inventory_item') ORDER BY relname;
SELECT t.typname, t.typtype, t.typcategory, t.typlen, t.typalign, t.typstorage,
       t.typrelid = c.oid AS relid_ok, c.reltype = t.oid AS reltype_ok
  FROM pg_type t JOIN pg_class c ON c.relname = t.typname
  WHERE t.typname IN ('complex', 'inventory_item') ORDER BY t.typname;
SELECT a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), a.attnotnull
  FROM pg_attribute a JOIN pg_class c ON a.attrelid = c.oid
  WHERE c.relname = 'inventory_item' ORDER BY a.attnum;
SELECT t.typname, e.typname AS elem, t.typcategory
  FROM pg_type t JOIN pg_type e ON t.typelem = e.oid WHERE e.typname = 'complex';
SELECT format_type('complex'::regtype, NULL), 'complex[]'::regtype;
COMMENT ON TYPE complex IS 'a complex number';
SELECT obj_description('complex'::regtype, 'pg_type');

-- values
SELECT ROW(1.5, 2)::complex, '(3,4)'::complex, ('(1,2)'::complex).r;
SELECT (ROW('fuzzy dice', 42, 1.99)::inventory_item).name;
SELECT ('(x,1,2.5)'::inventory_item).*;
SELECT '(1,2,3)'::complex;
SELECT '(1'::complex;
SELECT ROW(1, 2, 3)::complex;

CREATE TABLE on_hand (item inventory_item, count integer);
INSERT INTO on_hand VALUES (ROW('fuzzy dice', 42, 1.99), 1000),
  (('widget', 7, 0.5), 10), (NULL, 0);
SELECT * FROM on_hand ORDER BY count;
SELECT (item).name, (item).price * count AS value FROM on_hand WHERE (item).price > 1.0;
SELECT (on_hand.item).supplier_id FROM on_hand ORDER BY 1;
UPDATE on_hand SET item = ROW('widget', 8, 0.75) WHERE (item).name = 'widget';
SELECT item FROM on_hand ORDER BY count;
SELECT item IS NULL, item = ROW('widget', 8, 0.75)::inventory_item FROM on_hand ORDER BY count;
SELECT array_agg(item ORDER BY count) FROM on_hand WHERE item IS NOT NULL;
SELECT ARRAY[ROW(1, 2)::complex, ROW(3, 4)::complex];

-- functions taking and returning the type
-- (SQL functions returning a composite type are not in Tusk yet: 0A000)
CREATE FUNCTION complex_abs(c complex) RETURNS float8
  LANGUAGE sql AS 'SELECT sqrt((c).r * (c).r + (c).i * (c).i)';
SELECT complex_abs(ROW(3, 4)), complex_abs('(6,8)');
SELECT complex_abs(ROW(3, 4)::complex);

-- errors
CREATE TYPE complex AS (x int);
CREATE TYPE on_hand AS (x int);
CREATE TYPE dupcol AS (a int, a text);
CREATE TYPE badcol AS (a nosuchtype);
CREATE TYPE empty_composite AS ();
SELECT ROW()::empty_composite;

-- DROP TYPE and dependencies
DROP TYPE inventory_item;
DROP FUNCTION complex_abs(complex);
DROP TYPE complex, inventory_item;
DROP TYPE inventory_item CASCADE;
DROP TYPE complex CASCADE;
SELECT count(*) FROM pg_class WHERE relname IN ('complex', 'inventory_item');
SELECT * FROM on_hand ORDER BY count;
DROP TABLE on_hand;
DROP TYPE empty_composite;
-- a table's row type goes only with its table
CREATE TABLE rowtype_tbl (a int);
DROP TYPE rowtype_tbl;
DROP TABLE rowtype_tbl;
