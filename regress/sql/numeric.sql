--
-- numeric: literals, input and output, type modifiers, arithmetic and its
-- result scales, the math functions, NaN and the infinities, conversions
--
-- literals and text input
SELECT 1.5, -0.000, 1e5, 1.5e-3, .5, 5., 0001.2300;
SELECT '  12.340  '::numeric AS a, '-1.5e-2'::numeric AS b, '+.5'::numeric AS c, '1e 2'::numeric AS d;
SELECT 'NaN'::numeric AS a, 'nan'::numeric AS b, 'Infinity'::numeric AS c, '-inf'::numeric AS d, ' +infinity '::numeric AS e;
SELECT '123456789012345678901234567890.123456789012345678901234567890'::numeric AS big;
SELECT 1e-20 AS tiny, 1e20 AS huge;
SELECT 'abc'::numeric;
SELECT ''::numeric;
SELECT '1.2.3'::numeric;
SELECT '1e'::numeric;
SELECT '+NaN'::numeric;
SELECT '1e1000000000'::numeric;
SELECT '1e-16384'::numeric;
SELECT '1e131072'::numeric;
-- type modifiers: rounding to the scale, overflow of the integer digits
SELECT 12.345::numeric(5,2) AS a, 999.994::numeric(5,2) AS b, (-999.995)::numeric(6,2) AS c;
SELECT 0.5::numeric(1,0) AS a, 2.5::numeric(2,0) AS b, 1234::numeric(3,-2) AS c, 0.00999::numeric(3,5) AS d;
SELECT 1.5::numeric(10,5) AS a, 'NaN'::numeric(3,1) AS b;
SELECT 999.995::numeric(5,2);
SELECT 123::numeric(2,0);
SELECT 0.995::numeric(2,2);
SELECT 0.01::numeric(3,5);
SELECT 1::numeric(1001);
SELECT 1::numeric(5,1001);
-- a table of numerics with modifiers
CREATE TABLE num_data (id int, a numeric(7,2), b numeric, c numeric(4,-2));
INSERT INTO num_data VALUES (1, 1.005, 1.005, 1234);
INSERT INTO num_data VALUES (2, -999.994, 'NaN', 50);
INSERT INTO num_data VALUES (3, 12345.678, 'Infinity', 999949);
INSERT INTO num_data VALUES (4, 0.001, '-Infinity', 0);
INSERT INTO num_data VALUES (5, 42, -0.5, -49);
INSERT INTO num_data VALUES (6, NULL, 1e-10, NULL);
INSERT INTO num_data VALUES (7, 100000, 1, 1);
INSERT INTO num_data VALUES (8, 1, 1, 999950);
INSERT INTO num_data VALUES (9, 1, 'Infinity'::numeric * -0.0, 1);
SELECT * FROM num_data ORDER BY id;
SELECT id, b FROM num_data ORDER BY b, id;
SELECT id, b FROM num_data ORDER BY b DESC, id;
SELECT id, a FROM num_data WHERE a > 1 ORDER BY a;
SELECT id, b FROM num_data WHERE b = 'NaN' OR b < 0 ORDER BY id;
SELECT id, a + b AS sum, a * b AS product, b - a AS diff FROM num_data WHERE id IN (1, 5, 7) ORDER BY id;
-- arithmetic: exact sums and products, division's result scale
SELECT 1.5 + 2.25 AS a, 1.5 - 2.25 AS b, 1.5 * 2.25 AS c, 0.1 + 0.2 AS d, 1.000 - 1 AS e;
SELECT 99999999999999999999 * 99999999999999999999 AS a, 1e-10 * 1e-10 AS b, -0.5 * 0 AS c;
SELECT 1.5 / 2.25 AS a, 10 / 3.0 AS b, 1 / 3::numeric AS c, 1.0 / 7 AS d, 1e20 / 3 AS e;
SELECT 0.000123 / 45.6 AS a, -17 / 0.003 AS b, 7 / 7.0 AS c, 12345678901234567890.123456789 / 9876543210.987654321 AS d;
SELECT 1 / 0.0000000000000000000000000000001 AS a;
SELECT 2::numeric / 3 AS a, (2::numeric / 3) * 3 AS b;
SELECT 5::numeric / 0;
SELECT 5::numeric % 0;
SELECT div(5::numeric, 0.0);
SELECT div(7.5, 2) AS a, div(-7.5, 2) AS b, mod(7.5, 2) AS c, mod(-7.5, 2) AS d, 7 % -2.5 AS e, 7.5 % 2.25 AS f;
SELECT 1e131071 * 10;
-- NaN and the infinities in arithmetic
SELECT 'NaN'::numeric + 1 AS a, 'Infinity'::numeric + 1 AS b, 'Infinity'::numeric + '-Infinity' AS c;
SELECT 'Infinity'::numeric - 'Infinity' AS a, 'Infinity'::numeric * 0 AS b, '-Infinity'::numeric * -2 AS c;
SELECT 1 / 'Infinity'::numeric AS a, 'Infinity'::numeric / 'Infinity' AS b, -5 % 'Infinity'::numeric AS c, 'Infinity'::numeric % 3 AS d;
SELECT 'Infinity'::numeric / 0;
-- comparisons: NaN equals NaN and sorts above everything
SELECT 1.0 = 1 AS a, 2.0 <> 2.00 AS b, 1.5 < 'NaN'::numeric AS c, 'NaN'::numeric = 'NaN'::numeric AS d, 'NaN'::numeric > 'Infinity'::numeric AS e, '-Infinity'::numeric < -1e100 AS f;
SELECT numeric_cmp(1, 2) AS a, numeric_cmp('NaN', 'NaN') AS b, numeric_cmp('Infinity', 'NaN') AS c, numeric_cmp(-0.0, 0) AS d;
SELECT numeric_larger(1, 2.0) AS a, numeric_smaller(1, 2.0) AS b, numeric_larger('NaN', 1) AS c, numeric_smaller('-Infinity', 1) AS d;
SELECT 1.5 BETWEEN 1 AND 2 AS a, 2.50 IN (2.5, 3) AS b, 'NaN'::numeric IN (1, 'NaN') AS c;
-- sign, rounding and the scale functions
SELECT abs(-1.50) AS a, -(1.5) AS b, +(1.5) AS c, sign(-2.5) AS d, sign(0.0) AS e, sign('NaN'::numeric) AS f, sign('-Infinity'::numeric) AS g;
SELECT round(2.5, 0) AS a, round(-2.5, 0) AS b, round(1.2345, 2) AS c, round(1234.5, -2) AS d, round(9.99, 1) AS e, round(0.5, -1) AS f;
SELECT trunc(-1.999, 2) AS a, trunc(1234.5, -2) AS b, trunc(1.5, 3) AS c, round('NaN'::numeric, 2) AS d;
SELECT ceil(1.1) AS a, ceil(-1.1) AS b, floor(-1.1) AS c, floor(1.9) AS d, ceiling(-0.5) AS e, floor('Infinity'::numeric) AS f;
SELECT scale(1.50) AS a, scale(0::numeric) AS b, scale('NaN'::numeric) AS c, min_scale(1.500) AS d, min_scale(100::numeric) AS e, trim_scale(1.500) AS f, trim_scale(100.00) AS g;
SELECT round(9e131071::numeric, -131072);
-- square root, exp, ln, log
SELECT sqrt(2::numeric) AS a, sqrt(2.0) AS b, sqrt(0.0001) AS c, sqrt(0::numeric) AS d, sqrt(16::numeric) AS e, sqrt(0.5) AS f;
SELECT sqrt(1e100) AS a, sqrt(1.00000000000000000000000001) AS b, sqrt('Infinity'::numeric) AS c;
SELECT sqrt(-1::numeric);
SELECT exp(1::numeric) AS a, exp(1.0) AS b, exp(0::numeric) AS c, exp(-1.0) AS d, exp(0.5) AS e, exp(1e-30) AS f;
SELECT exp(100::numeric) AS a, exp(-100::numeric) AS b, exp('-Infinity'::numeric) AS c;
SELECT exp(6000::numeric);
SELECT ln(2::numeric) AS a, ln(10::numeric) AS b, ln(1::numeric) AS c, ln(0.5) AS d, ln(1e100) AS e, ln(1.0000000001) AS f;
SELECT ln(0::numeric);
SELECT ln(-1::numeric);
SELECT log(2::numeric, 8) AS a, log(2.0, 1024) AS b, log(10::numeric, 2) AS c, log(0.5, 8) AS d, log(1.5, 2.25) AS e;
SELECT log('Infinity'::numeric, 2) AS a, log(2::numeric, 'Infinity') AS b;
SELECT log(1::numeric, 10);
SELECT log(0::numeric, 10);
-- power and its special cases
SELECT power(2::numeric, 10) AS a, power(2.0, 0.5) AS b, power(2::numeric, -2) AS c, power(-2::numeric, 3) AS d, power(1.5, 3) AS e;
SELECT power(0::numeric, 0) AS a, power(0.0, 2.5) AS b, 2::numeric ^ 100 AS c, 1.1 ^ 50 AS d, power(2.5, 2.5) AS e, power(-1.5, -3) AS f;
SELECT power('NaN'::numeric, 0) AS a, power(1, 'NaN'::numeric) AS b, power('Infinity'::numeric, -1) AS c, power(-1, 'Infinity'::numeric) AS d;
SELECT power(0.5, '-Infinity'::numeric) AS a, power('-Infinity'::numeric, 3) AS b, power('-Infinity'::numeric, 2) AS c, power(2, 'Infinity'::numeric) AS d;
SELECT power(0::numeric, -1);
SELECT power(-2::numeric, 0.5);
SELECT power(10::numeric, 131072);
SELECT power(10::numeric, -131072) AS a, power(0.5::numeric, 3.5) AS b;
-- gcd, lcm, factorial, width_bucket
SELECT gcd(12.0, 18) AS a, gcd(-12::numeric, 18) AS b, gcd(1.5, 0.25) AS c, lcm(4::numeric, 6) AS d, lcm(-4, 6.00) AS e, gcd('NaN'::numeric, 1) AS f;
SELECT factorial(20) AS a, factorial(0) AS b, factorial(25) AS c;
SELECT factorial(-1);
SELECT width_bucket(5.35, 0.024, 10.06, 5) AS a, width_bucket(10::numeric, 0, 10, 5) AS b, width_bucket(5::numeric, 10, 0, 4) AS c, width_bucket('Infinity'::numeric, 0, 10, 3) AS d;
SELECT width_bucket(1::numeric, 0, 'Infinity'::numeric, 3);
SELECT width_bucket(1::numeric, 1, 1, 3);
-- conversions to and from the integers and the floats
SELECT 1.5::int4 AS a, 2.5::int4 AS b, (-2.5)::int4 AS c, 1.49::int4 AS d, (-0.5)::int4 AS e, 2.5::int2 AS f, 2.5::int8 AS g;
SELECT 9223372036854775807::numeric::int8 AS a, (-9223372036854775808)::numeric::int8 AS b;
SELECT 12::int2::numeric AS a, 12::int4::numeric AS b, 12::int8::numeric AS c;
SELECT 2147483647.5::int4;
SELECT 32767.5::int2;
SELECT 9223372036854775807.5::int8;
SELECT 'NaN'::numeric::int4;
SELECT 'Infinity'::numeric::int8;
SELECT 1.5::float8 AS a, 0.1::float8 AS b, 1e308::numeric::float8 AS c, 1.5::float4 AS d, 'NaN'::numeric::float8 AS e, '-Infinity'::numeric::float4 AS f;
SELECT 1e309::numeric::float8;
SELECT 0.1::float8::numeric AS a, 1.0000000000000002::float8::numeric AS b, 0.1::float4::numeric AS c, 'NaN'::float8::numeric AS d, '-Infinity'::float8::numeric AS e;
-- hashing ignores the display scale
SELECT hash_numeric(1.5) AS a, hash_numeric(1.50) AS b, hash_numeric(0) AS c, hash_numeric('NaN') AS d, hash_numeric(12345678901234567890) AS e;
SELECT hash_numeric_extended(1.5, 0) AS a, hash_numeric_extended(1.5, 1) AS b, hash_numeric_extended(0, 7) AS c;
-- numeric with other types in one expression
SELECT 1 + 1.5 AS a, 2::int8 * 1.5 AS b, 10 / 4.0 AS c, 3 - 0.5 AS d, 5 % 1.5 AS e;
SELECT 1.5 = 1.5::float8 AS a, 2 < 2.5 AS b, 9223372036854775807 + 1.0 AS c;
DROP TABLE num_data;
