--
-- to_char of numbers (numeric, integer, bigint, real, double precision)
-- and to_number
--
CREATE TABLE to_char_fmt (id int, f text);
INSERT INTO to_char_fmt VALUES
  (1, '9G999G999G999G999G999'), (2, '9G999G999G999G999G999D999G999G999G999G999'),
  (3, '9999999999999999.999999999999999PR'), (4, '9999999999999999.999999999999999S'),
  (5, 'MI9999999999999999.999999999999999'), (6, 'FMS9999999999999999.999999999999999'),
  (7, 'FM9999999999999999.999999999999999THPR'), (8, 'SG9999999999999999.999999999999999th'),
  (9, '0999999999999999.999999999999999'), (10, 'S0999999999999999.999999999999999'),
  (11, 'FM0999999999999999.999999999999999'), (12, 'FM9999999999999999.099999999999999'),
  (13, 'FM9999999999990999.990999999999999'), (14, 'FM0999999999999999.999909999999999'),
  (15, 'FM9999999990999999.099999999999999'), (16, 'L9999999999999999.099999999999999'),
  (17, 'FM9999999999999999.99999999999999'),
  (18, 'S 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 . 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9'),
  (19, 'FMS 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 . 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9'),
  (20, E'99999 "text" 9999 "9999" 999 "\\"text between quote marks\\"" 9999'),
  (21, '999999SG9999999999'), (22, 'FM9999999999999999.999999999999999'),
  (23, '9.999EEEE'), (24, '999'), (25, '9.99'), (26, 'FM9.99'), (27, '00000'),
  (28, 'FM00000'), (29, '99.9PL'), (30, 'S999'), (31, '999S'), (32, 'FM999MI'),
  (33, 'PL999'), (34, 'SG999'), (35, '999PR'), (36, 'FM999PR'), (37, 'RN'), (38, 'FMRN'),
  (39, 'rn'), (40, '999th'), (41, 'FM999TH'), (42, '99V99'), (43, '9999V9'), (44, 'B999'),
  (45, '9,999.99'), (46, 'FM9,999.99'), (47, '0.00'), (48, 'FM0.00'), (49, '.99'),
  (50, 'D99'), (51, '9D9'), (52, 'L999'), (53, 'C999SP'), (54, '99.99EEEE'), (55, '9EEEE'),
  (56, 'FM990.0'), (57, '0999.90'), (58, '"Value: "999'), (59, 'x\"y9'), (60, '9.999');
CREATE TABLE to_char_val (v numeric);
INSERT INTO to_char_val VALUES (0), (1), (-1), (0.5), (-0.5), (12.345), (-12.345), (100),
  (1234.5678), (-34338492.215397047), (4.31), (7799461.4119), (16397.038491), (93901.57763026),
  (-83028485), (74881), (-24926804.045047420), (0.0001), (999.999), (3999), (4000), (22),
  (11), (113);

SELECT v, id, f, to_char(v, f) FROM to_char_val, to_char_fmt ORDER BY v, id;
SELECT v, id, f, to_char(v::float8, f) FROM to_char_val, to_char_fmt ORDER BY v, id;
SELECT v, id, f, to_char(v::float4, f) FROM to_char_val, to_char_fmt ORDER BY v, id;
SELECT v, id, f, to_char(trunc(v, 0)::int4, f) FROM to_char_val, to_char_fmt ORDER BY v, id;
SELECT v, id, f, to_char(trunc(v, 0)::int8, f) FROM to_char_val, to_char_fmt ORDER BY v, id;

-- specials and extremes
SELECT to_char('NaN'::numeric, '999.9'), to_char('Infinity'::numeric, '99999999.9'),
       to_char('-Infinity'::numeric, '9.99EEEE'), to_char('NaN'::float8, '999.9'),
       to_char('Infinity'::float8, '9999999999'), to_char('Infinity'::float4, '9.9EEEE');
SELECT to_char(9223372036854775807, '9999999999999999999'),
       to_char(-9223372036854775808, '9999999999999999999'),
       to_char(2147483647, 'FM9,999,999,999'), to_char(-2147483648, 'S9999999999');
SELECT to_char('12345678901'::float8, 'FM9999999999D9999900000000000000000');
SELECT to_char(1.5::float8, '9.999999999999999999'), to_char(123456789012345.6::float8, '999999999999999.99');
SELECT to_char('1.2345e' || e, '9.999EEEE') FROM generate_series(-5, 5) e;
SELECT to_char('1.2345e' || e, '9.999EEEE')::text || '|' || to_char(('1.2345e' || e)::float8, '9.999EEEE')
FROM (VALUES (-400), (-30), (30), (400)) v(e);
SELECT to_char('100'::numeric, 'FM999.9'), to_char('100'::numeric, 'FM999.'), to_char('100'::numeric, 'FM999');
SELECT to_char('100'::numeric, 'foo999'), to_char('100'::numeric, 'f\oo999'),
       to_char('100'::numeric, 'f\\oo999'), to_char('100'::numeric, 'f\"oo999'),
       to_char('100'::numeric, 'f\\"oo999'), to_char('100'::numeric, 'f"ool"999'),
       to_char('100'::numeric, 'f"\ool"999'), to_char('100'::numeric, 'f"\\ool"999'),
       to_char('100'::numeric, 'f"ool\"999'), to_char('100'::numeric, 'f"ool\\"999');
SELECT to_char(1, ''), to_char(1, '""'), to_char(485, 'é999ü'), to_char(3, 'RN999'), to_char(3, 'SGRN');
SELECT to_char(123.456, '999V999'), to_char(12, '99V9999'), to_char(12::float4, '99V99');
SELECT to_char(1234567, '9V99'), to_char(0.1, '0.9'), to_char(-0.1, '9.9'), to_char(-0.1, 'FM9.9');
SELECT to_char(5, '9th'), to_char(12, '99th'), to_char(21, '99th'), to_char(102, '999TH'), to_char(-3, '9TH');

-- template errors
SELECT to_char(1, '9.9.9');
SELECT to_char(1, '9D9.9');
SELECT to_char(1, 'SS9');
SELECT to_char(1, 'S9MI');
SELECT to_char(1, 'MIS9');
SELECT to_char(1, 'S9PL');
SELECT to_char(1, 'S9SG');
SELECT to_char(1, '9PRS');
SELECT to_char(1, '9PR9');
SELECT to_char(1, '9PR0');
SELECT to_char(1, '9V9.9');
SELECT to_char(1, '9.9V9');
SELECT to_char(1, '9EEEE9');
SELECT to_char(1, '9EEEEEEEE');
SELECT to_char(1, 'FM9EEEE');
SELECT to_char(1, 'S9EEEE');
SELECT to_char(1, 'RN9EEEE');
SELECT to_char(1, '9V9EEEE');
SELECT to_char(5000000000, 'RN');
SELECT to_char(10::int8, '99V99999999999999999999');

-- to_number
SELECT to_number('-34,338,492', '99G999G999');
SELECT to_number('-34,338,492.654,878', '99G999G999D999G999');
SELECT to_number('<564646.654564>', '999999.999999PR');
SELECT to_number('0.00001-', '9.999999S');
SELECT to_number('5.01-', 'FM9.999999S');
SELECT to_number('5.01-', 'FM9.999999MI');
SELECT to_number('5 4 4 4 4 8 . 7 8', '9 9 9 9 9 9 . 9 9');
SELECT to_number('.01', 'FM9.99');
SELECT to_number('.0', '99999999.99999999');
SELECT to_number('0', '99.99');
SELECT to_number('.-01', 'S99.99');
SELECT to_number('.01-', '99.99S');
SELECT to_number(' . 0 1-', ' 9 9 . 9 9 S');
SELECT to_number('34,50','999,99');
SELECT to_number('123,000','999G');
SELECT to_number('123456','999G999');
SELECT to_number('$1234.56','L9,999.99');
SELECT to_number('$1234.56','L99,999.99');
SELECT to_number('$1,234.56','L99,999.99');
SELECT to_number('1234.56','L99,999.99');
SELECT to_number('1,234.56','L99,999.99');
SELECT to_number('42nd', '99th');
SELECT to_number('12.3456', '99.99'), to_number('-12', 'S99'), to_number('+12', 'SG99'),
       to_number('12-', '99MI'), to_number('12+', '99PL'), to_number('1234', '99V99'),
       to_number('123', '9V99'), to_number('abc12', 'xyz99'), to_number('1 2 3', '9 9 9'),
       to_number('12', '9999'), to_number('12.5', 'FM99.99');
SELECT to_number('123', '') IS NULL;
SELECT to_number('123', '99');
SELECT to_number('', '999');
SELECT to_number('x', '999');
SELECT to_number('1', '9.9EEEE');
SELECT to_number('X', 'RN');
SELECT to_number('1', '9.9.9');

DROP TABLE to_char_fmt;
DROP TABLE to_char_val;
