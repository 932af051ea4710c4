--
-- Operator resolution: an exact match of both input types is looked up
-- directly (name, left type, right type, schema by schema); everything
-- else goes through the candidate list.  Both paths, and their errors.
--
-- exact matches
SELECT 1 = 1 AS int4_eq, 2::int8 < 3::int8 AS int8_lt, 'a'::text || 'b' AS text_cat;
-- an unknown literal takes the other side's type
SELECT 42 = '42' AS int4_unknown, '7' > 5 AS unknown_int4;
-- both unknown: text
SELECT 'abc' = 'abc' AS both_unknown, 'a' < 'b' AS both_unknown_lt;
-- no exact match: resolved among the candidates
SELECT 1 = 1::int8 AS int4_int8, 1.5 > 1 AS numeric_int4, 2::int2 + 3::int8 AS int2_int8;
-- qualified
SELECT 3 OPERATOR(pg_catalog.+) 4 AS qualified, 3 OPERATOR(pg_catalog.=) 3::int8 AS qualified_cross;
SELECT 3 OPERATOR(nosuchschema.+) 4;
SELECT 3 OPERATOR(public.+) 4;
-- in WHERE against a column, and in a prepared statement
CREATE TEMP TABLE oe (id int4 PRIMARY KEY, v text);
INSERT INTO oe VALUES (1, 'one'), (2, 'two');
SELECT v FROM oe WHERE id = 2;
SELECT v FROM oe WHERE id = 2::int8;
SELECT v FROM oe WHERE v = 'one';
PREPARE oe_p(int4) AS SELECT v FROM oe WHERE id = $1;
EXECUTE oe_p(1);
-- errors
SELECT 1 = 'x'::text;
SELECT 'a'::text + 1;
SELECT 1::int4 @@@ 2;
DROP TABLE oe;
