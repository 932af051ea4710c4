--
-- Mathematical functions: trigonometry (radians and degrees), hyperbolic
-- functions, gcd/lcm, width_bucket(float8), and the statistics aggregates
-- (stddev, variance, covariance, correlation, regression) over every
-- input type, bool_and/bool_or.
--
SET extra_float_digits = 0;

-- trigonometric functions in radians
SELECT sin(0), cos(0), tan(0), asin(0), acos(1), atan(0), atan2(0, 1);
SELECT sin(pi() / 2), cos(pi()), tan(pi() / 4), cot(pi() / 4);
SELECT asin(1), acos(-1), atan(1), atan2(1, -1), atan2(-1, -1);
SELECT sin('NaN'), cos('NaN'), tan('NaN'), cot('NaN'), asin('NaN'), acos('NaN'), atan('NaN'),
       atan2('NaN', 1), atan2(1, 'NaN');
SELECT atan('Infinity'), atan('-Infinity'), atan2('Infinity', 'Infinity');
SELECT cot(0);
SELECT sin('Infinity');
SELECT cos('-Infinity');
SELECT tan('Infinity');
SELECT cot('Infinity');
SELECT asin(1.1);
SELECT acos(-1.0000001);
SET extra_float_digits = 1;
SELECT x, sin(x), cos(x), tan(x), atan(x) FROM (VALUES (0.5::float8), (1), (2), (-3.25), (100)) v(x);
SET extra_float_digits = 0;

-- degree variants: exact at the special angles
SELECT x,
       sind(x),
       sind(x) IN (-1,-0.5,0,0.5,1) AS sind_exact
FROM (VALUES (0), (30), (90), (150), (180),
      (210), (270), (330), (360)) AS t(x);
SELECT x,
       cosd(x),
       cosd(x) IN (-1,-0.5,0,0.5,1) AS cosd_exact
FROM (VALUES (0), (60), (90), (120), (180),
      (240), (270), (300), (360)) AS t(x);
SELECT x,
       tand(x),
       tand(x) IN ('-Infinity'::float8,-1,0,
                   1,'Infinity'::float8) AS tand_exact,
       cotd(x),
       cotd(x) IN ('-Infinity'::float8,-1,0,
                   1,'Infinity'::float8) AS cotd_exact
FROM (VALUES (0), (45), (90), (135), (180),
      (225), (270), (315), (360)) AS t(x);
SELECT x,
       asind(x),
       asind(x) IN (-90,-30,0,30,90) AS asind_exact,
       acosd(x),
       acosd(x) IN (0,60,90,120,180) AS acosd_exact
FROM (VALUES (-1), (-0.5), (0), (0.5), (1)) AS t(x);
SELECT x,
       atand(x),
       atand(x) IN (-90,-45,0,45,90) AS atand_exact
FROM (VALUES ('-Infinity'::float8), (-1), (0), (1),
      ('Infinity'::float8)) AS t(x);
SELECT x, y,
       atan2d(y, x),
       atan2d(y, x) IN (-90,0,90,180) AS atan2d_exact
FROM (SELECT 10*cosd(a), 10*sind(a)
      FROM generate_series(0, 360, 90) AS t(a)) AS t(x,y);
SELECT sind(-30), cosd(-60), tand(-45), cotd(-45), sind(390), cosd(720), tand(-180), cotd(-90);
SELECT sind('NaN'), cosd('NaN'), tand('NaN'), cotd('NaN'), asind('NaN'), acosd('NaN'),
       atand('NaN'), atan2d('NaN', 1);
SELECT sind('Infinity');
SELECT cosd('-Infinity');
SELECT tand('Infinity');
SELECT cotd('-Infinity');
SELECT asind(2);
SELECT acosd(-1.5);
SET extra_float_digits = 1;
SELECT sind(10), cosd(10), tand(10), cotd(10), asind(0.1), acosd(0.1), atand(0.1), atan2d(2, 3);
SELECT degrees(1), radians(45), degrees(pi()), radians(180) = pi();
SET extra_float_digits = 0;

-- hyperbolic functions
SELECT sinh(1), cosh(1), tanh(1), asinh(1), acosh(2), atanh(0.5);
SELECT sinh(0), cosh(0), tanh(0), asinh(0), acosh(1), atanh(0);
SELECT sinh('Infinity'), sinh('-Infinity'), cosh('-Infinity'), tanh('Infinity'),
       tanh('-Infinity'), asinh('Infinity'), acosh('Infinity'), atanh(1), atanh(-1);
SELECT sinh('NaN'), cosh('NaN'), tanh('NaN'), asinh('NaN'), acosh('NaN'), atanh('NaN');
SELECT sinh(1000), cosh(-1000);
SELECT acosh(0.5);
SELECT atanh(1.5);
SELECT atanh(-2);
SET extra_float_digits = 1;

-- gcd and lcm
SELECT a, b, gcd(a, b), gcd(a, -b), gcd(b, a), gcd(-b, a)
FROM (VALUES (0::int4, 0::int4),
             (0::int4, 6410818::int4),
             (61866666::int4, 6410818::int4),
             (-61866666::int4, 6410818::int4),
             ((-2147483648)::int4, 1::int4),
             ((-2147483648)::int4, 2147483647::int4),
             ((-2147483648)::int4, 1073741824::int4)) AS v(a, b);
SELECT gcd((-2147483648)::int4, 0::int4);
SELECT gcd((-2147483648)::int4, (-2147483648)::int4);
SELECT a, b, gcd(a, b), gcd(a, -b), gcd(b, a), gcd(-b, a)
FROM (VALUES (0::int8, 0::int8),
             (0::int8, 29893644334::int8),
             (288484263558::int8, 29893644334::int8),
             (-288484263558::int8, 29893644334::int8),
             ((-9223372036854775808)::int8, 1::int8),
             ((-9223372036854775808)::int8, 9223372036854775807::int8),
             ((-9223372036854775808)::int8, 4611686018427387904::int8)) AS v(a, b);
SELECT gcd((-9223372036854775808)::int8, 0::int8);
SELECT gcd((-9223372036854775808)::int8, (-9223372036854775808)::int8);
SELECT a, b, lcm(a, b), lcm(a, -b), lcm(b, a), lcm(-b, a)
FROM (VALUES (0::int4, 0::int4),
             (0::int4, 42::int4),
             (42::int4, 42::int4),
             (330::int4, 462::int4),
             (-330::int4, 462::int4),
             ((-2147483648)::int4, 0::int4)) AS v(a, b);
SELECT lcm((-2147483648)::int4, 1::int4);
SELECT lcm(2147483647::int4, 2147483646::int4);
SELECT a, b, lcm(a, b), lcm(a, -b), lcm(b, a), lcm(-b, a)
FROM (VALUES (0::int8, 0::int8),
             (0::int8, 29893644334::int8),
             (29893644334::int8, 29893644334::int8),
             (288484263558::int8, 29893644334::int8),
             (-288484263558::int8, 29893644334::int8),
             ((-9223372036854775808)::int8, 0::int8)) AS v(a, b);
SELECT lcm((-9223372036854775808)::int8, 1::int8);
SELECT lcm(9223372036854775807::int8, 9223372036854775806::int8);
SELECT gcd(12, 18::bigint), lcm(4::smallint, 6), gcd(12.0, 18), lcm(4.5, 6);

-- width_bucket(float8)
SELECT operand, width_bucket(operand, 0, 10, 5) AS wb_1, width_bucket(operand, 10, 0, 5) AS wb_2,
       width_bucket(operand, 2, 8, 4) AS wb_3, width_bucket(operand, -25, 25, 10) AS wb_4
FROM (VALUES (-5.2::float8), (-0.0000000001), (0), (0.000000000001), (1), (1.99999999999999),
             (2), (2.00000000000001), (3), (4), (4.5), (5), (5.5), (6), (7), (8), (9),
             (9.99999999999999), (10), (10.0000000000001), ('Infinity'), ('-Infinity')) v(operand);
SELECT width_bucket(5.0::float8, 3.0::float8, 4.0::float8, 2147483647);
SELECT width_bucket(5.0::float8, 3.0::float8, 4.0::float8, 0);
SELECT width_bucket(5.0::float8, 3.0::float8, 4.0::float8, -5);
SELECT width_bucket(3.5::float8, 3.0::float8, 3.0::float8, 888);
SELECT width_bucket('NaN'::float8, 3.0::float8, 4.0::float8, 888);
SELECT width_bucket(0::float8, '-Infinity', 4.0::float8, 888);
SELECT width_bucket(0::float8, 1, 'Infinity', 888);
SELECT width_bucket(5.5, 0, 10, 4), width_bucket(5.5::float8, 0, 10, 4);

-- width_bucket(operand, thresholds)
SELECT op, width_bucket(op::numeric, ARRAY[1, 3, 5, 10.0]::numeric[]) AS wb_n1,
       width_bucket(op::numeric, ARRAY[0, 5.5, 9.99]::numeric[]) AS wb_n2,
       width_bucket(op::numeric, ARRAY[-6, -5, 2.0]::numeric[]) AS wb_n3,
       width_bucket(op::float8, ARRAY[1, 3, 5, 10.0]::float8[]) AS wb_f1,
       width_bucket(op::float8, ARRAY[0, 5.5, 9.99]::float8[]) AS wb_f2,
       width_bucket(op::float8, ARRAY[-6, -5, 2.0]::float8[]) AS wb_f3
FROM (VALUES (-5.2), (-0.0000000001), (0.000000000001), (1), (1.99999999999999), (2),
  (2.00000000000001), (3), (4), (4.5), (5), (5.5), (6), (7), (8), (9), (9.99999999999999),
  (10), (10.0000000000001)) v(op);
SELECT width_bucket(5, ARRAY[3]), width_bucket(5, ARRAY[5]), width_bucket(5, '{}'::int[]);
SELECT width_bucket('5'::text, ARRAY[3, 4]::text[]), width_bucket(now(), array['yesterday', 'today', 'tomorrow']::timestamptz[]);
SELECT width_bucket(5, ARRAY[3, 4, NULL]);
SELECT width_bucket(5, ARRAY[ARRAY[1, 2], ARRAY[3, 4]]);
SELECT width_bucket('1'::xid, ARRAY['2'::xid]);
SELECT width_bucket(array[2], array[array[1], array[3]]);

-- statistics aggregates over each input type
CREATE TABLE math_t (i2 int2, i4 int4, i8 int8, f4 float4, f8 float8, n numeric, b bool);
INSERT INTO math_t VALUES
  (1, 10, 100, 1.5, 0.25, 1.5, true),
  (2, 20, 300, 2.5, -3.5, 2.25, true),
  (4, 30, 700, -1.25, 10.125, 7, false),
  (NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (7, 45, 1100, 8.75, 4, -0.5, true);
SELECT stddev(i2), stddev(i4), stddev(i8), stddev(f4), stddev(f8), stddev(n) FROM math_t;
SELECT stddev_samp(i2), stddev_samp(i4), stddev_samp(i8), stddev_samp(f4), stddev_samp(f8), stddev_samp(n) FROM math_t;
SELECT stddev_pop(i2), stddev_pop(i4), stddev_pop(i8), stddev_pop(f4), stddev_pop(f8), stddev_pop(n) FROM math_t;
SELECT variance(i2), variance(i4), variance(i8), variance(f4), variance(f8), variance(n) FROM math_t;
SELECT var_samp(i2), var_samp(i4), var_samp(i8), var_samp(f4), var_samp(f8), var_samp(n) FROM math_t;
SELECT var_pop(i2), var_pop(i4), var_pop(i8), var_pop(f4), var_pop(f8), var_pop(n) FROM math_t;
SELECT avg(f4), avg(f8), sum(f4), sum(f8) FROM math_t;
SELECT pg_typeof(stddev(i2)), pg_typeof(stddev(i8)), pg_typeof(stddev(f4)), pg_typeof(variance(f8)),
       pg_typeof(var_pop(n)) FROM math_t LIMIT 1;
-- one row: the sample statistics are NULL, the population ones zero
SELECT stddev_samp(f8), var_samp(f8), stddev_pop(f8), var_pop(f8), stddev(i4), var_pop(i4)
FROM math_t WHERE i2 = 1;
-- no rows
SELECT stddev(f8), variance(f4), var_pop(i4), avg(f8), corr(f8, f4) FROM math_t WHERE false;
-- infinities and NaN
SELECT var_pop(x), var_samp(x), stddev_pop(x) FROM (VALUES ('1'::float8), ('infinity')) v(x);
SELECT var_pop(x), var_samp(x) FROM (VALUES ('infinity'::float8), ('1')) v(x);
SELECT var_pop(x), var_samp(x) FROM (VALUES ('NaN'::float8), ('1')) v(x);
SELECT var_pop(x), var_samp(x) FROM (VALUES ('infinity'::float4)) v(x);
SELECT var_pop(x::float8) FROM (VALUES (1e308), (-1e308)) v(x);
-- Youngs-Cramer keeps precision with a large offset
SELECT avg(x), var_pop(x), var_samp(x)
FROM (VALUES (100000003::float8), (100000004), (100000006), (100000007)) v(x);
SELECT var_pop(x), var_samp(x), stddev_pop(x)
FROM (VALUES (7000000000005::float8), (7000000000007)) v(x);

-- two-variable aggregates: regr_*(y, x), covar_*, corr
SELECT regr_count(f8, f4), regr_sxx(f8, f4), regr_syy(f8, f4), regr_sxy(f8, f4) FROM math_t;
SELECT regr_avgx(f8, f4), regr_avgy(f8, f4), regr_r2(f8, f4) FROM math_t;
SELECT regr_slope(f8, f4), regr_intercept(f8, f4) FROM math_t;
SELECT covar_pop(f8, f4), covar_samp(f8, f4), corr(f8, f4) FROM math_t;
SELECT corr(i4, i8), covar_pop(i2, i4), regr_slope(i8, i4), regr_intercept(i8, i4) FROM math_t;
SELECT regr_count(y, x) FROM (VALUES (1, NULL), (NULL, 2), (3, 4)) v(y, x);
-- exact lines and constants
SELECT regr_slope(y, x), regr_intercept(y, x), regr_r2(y, x), corr(y, x)
FROM (VALUES (1, 3), (2, 5), (3, 7)) v(x, y);
SELECT regr_slope(y, x), regr_r2(y, x), corr(y, x) FROM (VALUES (1, 4), (2, 4), (3, 4)) v(x, y);
SELECT regr_slope(y, x), regr_r2(y, x), corr(y, x) FROM (VALUES (2, 4), (2, 5)) v(x, y);
SELECT covar_samp(y, x), covar_pop(y, x), regr_sxx(y, x) FROM (VALUES (1, 2)) v(x, y);
SELECT regr_sxx(y, x), regr_syy(y, x), regr_sxy(y, x), corr(y, x)
FROM (VALUES (1, 'infinity'::float8), (2, 3)) v(x, y);
SELECT regr_sxx(y, x), regr_syy(y, x), regr_sxy(y, x), regr_avgx(y, x)
FROM (VALUES ('NaN'::float8, 1), (2, 3)) v(x, y);
-- grouped
SELECT b, stddev(f8), var_pop(i4), corr(f8, f4), regr_count(f8, f4)
FROM math_t GROUP BY b ORDER BY b;
-- the transition functions called directly
SELECT float8_accum('{4,140,2900}'::float8[], 100);
SELECT float4_accum('{4,140,2900}'::float8[], 100);
SELECT float8_combine('{3,60,200}'::float8[], '{0,0,0}'::float8[]);
SELECT float8_combine('{0,0,0}'::float8[], '{2,180,200}'::float8[]);
SELECT float8_combine('{3,60,200}'::float8[], '{2,180,200}'::float8[]);
SELECT float8_regr_accum('{4,140,2900,1290,83075,15050}'::float8[], 200, 100);
SELECT float8_regr_combine('{3,60,200,750,20000,2000}'::float8[], '{2,180,200,740,57800,-3400}'::float8[]);
SELECT float8_var_pop('{4,140,2900}'::float8[]), float8_stddev_samp('{4,140,2900}'::float8[]),
       float8_avg('{4,140,2900}'::float8[]), float8_regr_sxx('{4,140,2900,1290,83075,15050}'::float8[]);
SELECT float8_accum('{4,140}'::float8[], 100);
SELECT float8_var_pop('{1,2,3,4}'::float8[]);

-- bool_and, bool_or, every
SELECT bool_and(b), bool_or(b), every(b) FROM math_t;
SELECT bool_and(b), bool_or(b) FROM math_t WHERE b;
SELECT bool_and(b), bool_or(b) FROM math_t WHERE NOT b;
SELECT bool_and(b) IS NULL, bool_or(b) IS NULL FROM math_t WHERE false;
DROP TABLE math_t;
