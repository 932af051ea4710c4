--
-- SELECT without FROM: literals, operators, output column names
--
SELECT 1;
SELECT 1 AS one, 2 AS two;
SELECT 'hello' AS greeting;
SELECT 'hello', 'world';
SELECT 2 + 3 * 4, (2 + 3) * 4, 7 / 2, 7 % 3, -5, - -5;
SELECT 2147483647 AS maxint, -2147483648 AS minint;
SELECT 9223372036854775807 AS maxbig;
SELECT true, false, true AND false, true OR false, NOT true;
SELECT NULL;
SELECT NULL AS n, 1 AS one;
SELECT 'a' || 'b' || 'c' AS abc;
SELECT 'abc' = 'abc', 'abc' < 'abd', 'b' > 'abc';
SELECT 1 < 2, 2 <= 2, 3 <> 3, 3 != 4, 5 >= 6;
SELECT '42'::int + 1;
SELECT CAST('7' AS integer) * 6;
SELECT 3::text || 'x';
SELECT 10::int2 + 1, 10::int8 * 3;
SELECT '1.5'::float8 * 2, '0.1'::float8 + '0.2'::float8;
SELECT 'true'::boolean, 'no'::bool, 't'::bool AND 'yes'::bool;
SELECT 'abc'::varchar, 'abc'::char(5) || '|';
SELECT length('hello'), upper('abc'), lower('ABC');
SELECT substr('hello world', 7), substr('hello world', 1, 5);
SELECT abs(-7), abs(-7::int8);
SELECT int4(3), int8(5);
SELECT 1 WHERE true;
SELECT 1 WHERE false;
-- errors
SELECT 1/0;
SELECT 2147483647 + 1;
SELECT 'abc'::int;
SELECT '99999999999'::int;
SELECT nosuchcolumn;
SELECT nosuchfunction(1);
SELECT 1 + 'abc';
SELECT 'abc' + 1;
SELECT true + 1;
SELECT * ;
-- settings
SET search_path = public;
SHOW search_path;
SET DateStyle = 'ISO, MDY';
SHOW datestyle;
RESET datestyle;
SHOW DateStyle;
SHOW nosuch_setting;
SET nosuch_setting = 1;
-- literals at the edge of integer, and column names of casts
SELECT -2147483648 AS minint, pg_typeof(-2147483648), pg_typeof(2147483648), pg_typeof(-2147483649);
SELECT 1::numeric::int8, 'x'::text, 2::int4 AS two, (3)::int8, CASE WHEN true THEN 1 END, CASE WHEN true THEN 1 ELSE 2::int8 END;
