-- Expressions printed back as SQL (ruleutils): column defaults through
-- pg_get_expr, plain and pretty, and expressions in EXPLAIN VERBOSE.
CREATE TABLE rd (
  a int DEFAULT 10,
  b text DEFAULT 'abc',
  c numeric DEFAULT 1.5,
  d bigint DEFAULT 2,
  e int DEFAULT -5,
  f boolean DEFAULT true,
  h numeric DEFAULT -2.5,
  i int DEFAULT (1 + 2) * 3,
  j text DEFAULT upper('x'),
  k varchar(10) DEFAULT 'q',
  l int DEFAULT abs(-3 + 1),
  m int8 DEFAULT 5::int8 + 1,
  n text DEFAULT current_user,
  o boolean DEFAULT (NOT (1 > 2)),
  p int DEFAULT coalesce(NULL, 3),
  r int DEFAULT nullif(1, 2),
  s text DEFAULT CASE WHEN 1 > 2 THEN 'x' END,
  t text DEFAULT CASE WHEN 1 > 2 THEN 'x' WHEN 2 > 1 THEN 'y' ELSE 'z' END,
  u float8 DEFAULT 1e10,
  v numeric(5,2) DEFAULT 3.14159,
  w int DEFAULT '7',
  x text DEFAULT 'it''s',
  y boolean DEFAULT (1 IS NULL OR 2 IS NOT NULL),
  z int DEFAULT 2 - (3 - 4) * -(5)
);
SELECT attname, pg_get_expr(adbin, adrelid) FROM pg_attrdef
  JOIN pg_attribute ON attrelid = adrelid AND attnum = adnum
  WHERE adrelid = 'rd'::regclass ORDER BY adnum;
SELECT attname, pg_get_expr(adbin, adrelid, true) FROM pg_attrdef
  JOIN pg_attribute ON attrelid = adrelid AND attnum = adnum
  WHERE adrelid = 'rd'::regclass ORDER BY adnum;
-- no relation: NULL
SELECT pg_get_expr(adbin, 0::oid) IS NULL AS nul FROM pg_attrdef WHERE adrelid = 'rd'::regclass AND adnum = 1;
SELECT pg_get_expr(adbin, 1::oid) IS NULL AS nul FROM pg_attrdef WHERE adrelid = 'rd'::regclass AND adnum = 1;

-- in plans: operators parenthesized, implicit casts of operands shown
EXPLAIN (VERBOSE, COSTS OFF)
  SELECT a * 2 + 1, (a + 1) * 2, -a, a IS NULL, b IS NOT NULL, f IS TRUE, f IS NOT UNKNOWN,
         a IS DISTINCT FROM 3, NOT f, f OR (a > 1 AND a < 5), a::text, b::int, c::int, d::int,
         b || 'x', length(b), c > a, current_user, coalesce(b, 'n'), nullif(a, 2)
  FROM rd;
EXPLAIN (VERBOSE, COSTS OFF)
  SELECT CASE WHEN a > 1 THEN 'big' WHEN a < 0 THEN 'neg' END, CASE WHEN f THEN 1 ELSE 0 END FROM rd;
EXPLAIN (VERBOSE, COSTS OFF) SELECT a FROM rd ORDER BY a + 1;
EXPLAIN (COSTS OFF)
  SELECT count(*) FROM rd HAVING sum(a) FILTER (WHERE a > 1) > 0 AND max(b) <> 'x' OR count(*) = 0;

DROP TABLE rd;
