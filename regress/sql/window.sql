--
-- Window functions: OVER, WINDOW, frames, the built-in window functions,
-- aggregates as window functions, EXPLAIN shapes and errors.
-- Orderings are complete (ties broken) wherever rows are shown: Tusk's
-- sort is stable, PostgreSQL's is not, so rows equal on every sort key
-- may come out in a different order.
--
CREATE TABLE empsalary (depname varchar, empno bigint, salary int, enroll_date date);
INSERT INTO empsalary VALUES
  ('develop', 10, 5200, '2007-08-01'), ('sales', 1, 5000, '2006-10-01'),
  ('personnel', 5, 3500, '2007-12-10'), ('sales', 4, 4800, '2007-08-08'),
  ('personnel', 2, 3900, '2006-12-23'), ('develop', 7, 4200, '2008-01-01'),
  ('develop', 9, 4500, '2008-01-01'), ('sales', 3, 4800, '2007-08-01'),
  ('develop', 8, 6000, '2006-10-01'), ('develop', 11, 5200, '2007-08-15');

-- partitions, peers and the default frame
SELECT depname, empno, salary, sum(salary) OVER (PARTITION BY depname)
  FROM empsalary ORDER BY depname, salary, empno;
SELECT depname, empno, salary, sum(salary) OVER (PARTITION BY depname ORDER BY salary)
  FROM empsalary ORDER BY depname, salary, empno;
SELECT depname, empno, salary, rank() OVER (PARTITION BY depname ORDER BY salary)
  FROM empsalary ORDER BY depname, salary, empno;
SELECT row_number() OVER (ORDER BY empno), empno FROM empsalary;
SELECT x, row_number() OVER (), count(*) OVER () FROM generate_series(1, 3) x;
SELECT count(*) OVER () FROM empsalary WHERE salary > 9999;

-- named windows, shared and copied
SELECT depname, empno, sum(salary) OVER w, avg(salary) OVER w, count(*) OVER w
  FROM empsalary WINDOW w AS (PARTITION BY depname ORDER BY salary, empno)
  ORDER BY depname, salary, empno;
SELECT empno, sum(salary) OVER (w ORDER BY empno), max(salary) OVER w
  FROM empsalary WINDOW w AS (PARTITION BY depname) ORDER BY empno;
SELECT empno, count(*) OVER (w ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)
  FROM empsalary WINDOW w AS (ORDER BY empno) ORDER BY empno;
SELECT empno, rank() OVER w FROM empsalary WINDOW w AS (ORDER BY salary DESC), unused AS (ORDER BY depname)
  ORDER BY salary DESC, empno;

-- ranking and distribution functions
SELECT empno, salary, rank() OVER w, dense_rank() OVER w, percent_rank() OVER w, cume_dist() OVER w
  FROM empsalary WINDOW w AS (ORDER BY salary) ORDER BY salary, empno;
SELECT empno, percent_rank() OVER (), cume_dist() OVER (), rank() OVER () FROM empsalary WHERE empno = 1;
SELECT empno, ntile(3) OVER (ORDER BY empno), ntile(4) OVER (ORDER BY empno), ntile(20) OVER (ORDER BY empno)
  FROM empsalary ORDER BY empno;
SELECT ntile(NULL) OVER (ORDER BY empno) FROM empsalary LIMIT 2;

-- lag and lead in every arity
SELECT empno, lag(empno) OVER w, lead(empno) OVER w, lag(empno, 2) OVER w, lead(empno, 3) OVER w,
       lag(salary, 1, 0) OVER w, lead(salary, -1, -5) OVER w, lag(empno, NULL) OVER w
  FROM empsalary WINDOW w AS (PARTITION BY depname ORDER BY empno) ORDER BY depname, empno;
SELECT empno, lag(empno, 1, 0.5) OVER (ORDER BY empno) FROM empsalary ORDER BY empno LIMIT 3;
SELECT lead(depname, 1, 'none') OVER (ORDER BY empno), empno FROM empsalary ORDER BY empno;

-- first_value, last_value, nth_value over frames
SELECT empno, first_value(empno) OVER w, last_value(empno) OVER w, nth_value(empno, 2) OVER w,
       nth_value(empno, 4) OVER w
  FROM empsalary WINDOW w AS (ORDER BY empno ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING) ORDER BY empno;
SELECT empno, salary, first_value(empno) OVER w, last_value(empno) OVER w
  FROM empsalary WINDOW w AS (ORDER BY salary, empno) ORDER BY salary, empno;
SELECT empno, last_value(empno) OVER (ORDER BY empno ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
  FROM empsalary ORDER BY empno LIMIT 3;
SELECT empno, nth_value(empno, NULL) OVER (ORDER BY empno) FROM empsalary ORDER BY empno LIMIT 2;

-- ROWS frames
SELECT empno,
       sum(empno) OVER (ORDER BY empno ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) AS prev2,
       sum(empno) OVER (ORDER BY empno ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) AS next3,
       sum(empno) OVER (ORDER BY empno ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS rest,
       sum(empno) OVER (ORDER BY empno ROWS 2 PRECEDING) AS last3,
       sum(empno) OVER (ORDER BY empno ROWS BETWEEN 5 FOLLOWING AND 20 FOLLOWING) AS far
  FROM empsalary ORDER BY empno;
SELECT empno,
       sum(empno) OVER (ORDER BY empno ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW),
       sum(empno) OVER (ORDER BY empno ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE NO OTHERS),
       first_value(empno) OVER (ORDER BY empno ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING EXCLUDE CURRENT ROW)
  FROM empsalary ORDER BY empno;

-- RANGE frames, with offsets through the in_range support functions
SELECT salary, empno,
       sum(empno) OVER (ORDER BY salary RANGE BETWEEN 300 PRECEDING AND 200 FOLLOWING),
       count(*) OVER (ORDER BY salary RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING),
       count(*) OVER (ORDER BY salary RANGE BETWEEN 100 FOLLOWING AND 1000 FOLLOWING),
       count(*) OVER (ORDER BY salary RANGE BETWEEN UNBOUNDED PRECEDING AND 500 PRECEDING)
  FROM empsalary ORDER BY salary, empno;
SELECT salary, empno, sum(salary) OVER (ORDER BY salary DESC RANGE BETWEEN 500 PRECEDING AND CURRENT ROW)
  FROM empsalary ORDER BY salary DESC, empno;
SELECT enroll_date, empno,
       count(*) OVER (ORDER BY enroll_date RANGE BETWEEN '1 year'::interval PRECEDING AND '1 month' FOLLOWING)
  FROM empsalary ORDER BY enroll_date, empno;
SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING)
  FROM (VALUES (1::int2), (2::int2), (4::int2), (NULL::int2)) v(x) ORDER BY x;
SELECT x, count(*) OVER (ORDER BY x NULLS FIRST RANGE BETWEEN 2 PRECEDING AND CURRENT ROW)
  FROM (VALUES (1::int8), (3::int8), (NULL::int8), (NULL::int8), (4::int8)) v(x) ORDER BY x NULLS FIRST;
SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 1.5 PRECEDING AND 0.5 FOLLOWING)
  FROM (VALUES (1.0::float8), (2.0), (2.5), ('infinity'), ('NaN')) v(x) ORDER BY x;
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 1.5 PRECEDING AND 1 FOLLOWING)
  FROM (VALUES (1.0::numeric), (2.0), (3.5)) v(x) ORDER BY x;
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN '1 hour' PRECEDING AND CURRENT ROW)
  FROM (VALUES ('2020-01-01 10:00'::timestamp), ('2020-01-01 10:30'), ('2020-01-01 12:00')) v(x) ORDER BY x;
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN '1 hour' PRECEDING AND CURRENT ROW)
  FROM (VALUES ('2020-01-01 10:00+00'::timestamptz), ('2020-01-01 10:30+00'), ('2020-01-01 12:00+00')) v(x) ORDER BY x;
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN '1 day' PRECEDING AND '1 day' FOLLOWING)
  FROM (VALUES ('1 day'::interval), ('2 days'), ('5 days')) v(x) ORDER BY x;
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN '2 hours' PRECEDING AND CURRENT ROW)
  FROM (VALUES ('10:00'::time), ('11:00'), ('13:30')) v(x) ORDER BY x;
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN '2 hours' PRECEDING AND CURRENT ROW)
  FROM (VALUES ('10:00+01'::timetz), ('11:00+01'), ('13:30+01')) v(x) ORDER BY x;
SELECT x, count(*) OVER (ORDER BY x RANGE 1 PRECEDING)
  FROM (VALUES (1.5::float4), (2.0), (3.0)) v(x) ORDER BY x;

-- GROUPS frames and EXCLUDE
SELECT salary, empno,
       count(*) OVER (ORDER BY salary GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING),
       count(*) OVER (ORDER BY salary GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES),
       count(*) OVER (ORDER BY salary GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING EXCLUDE GROUP),
       sum(empno) OVER (ORDER BY salary GROUPS BETWEEN 2 FOLLOWING AND UNBOUNDED FOLLOWING),
       sum(empno) OVER (ORDER BY salary GROUPS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
  FROM empsalary ORDER BY salary, empno;
SELECT salary, empno,
       sum(empno) OVER (ORDER BY salary RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE TIES),
       sum(empno) OVER (ORDER BY salary RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE GROUP),
       last_value(empno) OVER (ORDER BY salary RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE GROUP)
  FROM empsalary WHERE depname <> 'develop' ORDER BY salary, empno;

-- aggregates as window functions: FILTER, several types, GROUP BY below
SELECT depname, empno, count(*) FILTER (WHERE salary > 4500) OVER (PARTITION BY depname),
       sum(salary) FILTER (WHERE empno < 9) OVER (PARTITION BY depname ORDER BY empno)
  FROM empsalary ORDER BY depname, empno;
SELECT empno, min(depname) OVER w, max(enroll_date) OVER w, avg(salary::numeric) OVER w,
       string_agg(depname, ',') OVER w, bool_and(salary > 4000) OVER w
  FROM empsalary WINDOW w AS (ORDER BY empno ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY empno;
SELECT depname, sum(salary), rank() OVER (ORDER BY sum(salary) DESC),
       sum(sum(salary)) OVER (), count(*) * 100 / sum(count(*)) OVER () AS pct
  FROM empsalary GROUP BY depname ORDER BY depname;
SELECT depname, max(salary) - min(salary) OVER (PARTITION BY depname) FROM empsalary GROUP BY depname, salary ORDER BY 1, 2;
SELECT empno, salary * 2 + rank() OVER (ORDER BY empno) AS expr FROM empsalary ORDER BY empno;
SELECT empno FROM empsalary ORDER BY row_number() OVER (ORDER BY salary DESC, empno) LIMIT 3;
SELECT DISTINCT depname, count(*) OVER (PARTITION BY depname) FROM empsalary ORDER BY depname;
SELECT * FROM (SELECT empno, row_number() OVER (ORDER BY empno DESC) AS rn FROM empsalary) s WHERE rn <= 3 ORDER BY rn;
SELECT empno, (SELECT count(*) FROM empsalary e2 WHERE e2.salary < e.salary) AS below,
       rank() OVER (ORDER BY salary) FROM empsalary e ORDER BY salary, empno;
SELECT empno, sum(salary) OVER (ORDER BY empno RANGE BETWEEN 2 PRECEDING AND 2 FOLLOWING) FROM empsalary ORDER BY empno;

-- rescans (a correlated subquery), set-returning functions, DISTINCT ON,
-- a sub-select as frame offset, NULLs and RANGE offsets
SELECT n, (SELECT sum(x) OVER (ORDER BY x) FROM generate_series(1, n) x ORDER BY x DESC LIMIT 1)
  FROM generate_series(1, 4) n;
SELECT generate_series(1, 2) AS g, row_number() OVER () FROM (VALUES (1), (2)) v(a);
SELECT row_number() OVER (ORDER BY a), generate_series(1, a) FROM (VALUES (1), (2)) v(a);
SELECT DISTINCT ON (a) a, b, rank() OVER (PARTITION BY a ORDER BY b DESC)
  FROM (VALUES (1, 1), (1, 2), (2, 5)) v(a, b) ORDER BY a, b;
SELECT a, sum(b) OVER (ORDER BY a ROWS BETWEEN (SELECT 1) PRECEDING AND CURRENT ROW)
  FROM (VALUES (1, 1), (2, 2), (3, 5)) v(a, b);
SELECT a, count(*) OVER (ORDER BY a RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING)
  FROM (VALUES ('2020-01-01'::date), ('2020-01-02'), ('2020-01-05')) v(a);
SELECT a, first_value(a) OVER (ORDER BY a RANGE BETWEEN 1 FOLLOWING AND 2 FOLLOWING)
  FROM (VALUES (1), (2), (4)) v(a);
SELECT a, array_agg(a) OVER (ORDER BY a DESC NULLS FIRST RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING)
  FROM (VALUES (1), (2), (4), (NULL)) v(a) ORDER BY a DESC NULLS FIRST;
SELECT a, array_agg(a) OVER (ORDER BY a NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
  FROM (VALUES (1), (2), (4), (NULL)) v(a) ORDER BY a NULLS FIRST;
SELECT sum(a) OVER (), avg(a::numeric) OVER (ORDER BY a ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING),
       stddev(a) OVER (ORDER BY a)
  FROM generate_series(1, 5) a;

-- in a view and a prepared statement
CREATE VIEW ranked AS SELECT empno, rank() OVER (PARTITION BY depname ORDER BY salary DESC) AS r FROM empsalary;
SELECT * FROM ranked WHERE r = 1 ORDER BY empno;
PREPARE w(int) AS SELECT empno, sum(empno) OVER (ORDER BY empno ROWS BETWEEN $1 PRECEDING AND CURRENT ROW)
  FROM empsalary ORDER BY empno LIMIT 4;
EXECUTE w(1);
EXECUTE w(3);
DEALLOCATE w;
DROP VIEW ranked;

-- plans: one WindowAgg per window, sorts shared where the order allows
EXPLAIN (COSTS OFF) SELECT depname, sum(salary) OVER (PARTITION BY depname), rank() OVER (ORDER BY salary),
       row_number() OVER (PARTITION BY depname ORDER BY salary) FROM empsalary;
EXPLAIN (COSTS OFF) SELECT depname, sum(salary) OVER (PARTITION BY depname ORDER BY salary),
       rank() OVER (PARTITION BY depname ORDER BY salary ROWS UNBOUNDED PRECEDING) FROM empsalary ORDER BY depname;
EXPLAIN (COSTS OFF) SELECT row_number() OVER () FROM empsalary;
EXPLAIN (COSTS OFF) SELECT empno, row_number() OVER (ORDER BY empno) FROM empsalary ORDER BY empno DESC;
EXPLAIN (COSTS OFF, VERBOSE) SELECT depname, sum(salary) OVER (PARTITION BY depname), rank() OVER (ORDER BY salary),
       row_number() OVER (PARTITION BY depname ORDER BY salary) FROM empsalary ORDER BY depname;
EXPLAIN (COSTS OFF, VERBOSE) SELECT empno, lag(salary, 1, 0) OVER w, count(*) FILTER (WHERE salary > 1) OVER w
  FROM empsalary WINDOW w AS (ORDER BY empno);
EXPLAIN (COSTS OFF) SELECT depname, sum(salary), rank() OVER (ORDER BY sum(salary) DESC)
  FROM empsalary GROUP BY depname;

-- errors
SELECT * FROM empsalary WHERE row_number() OVER (ORDER BY salary) < 10;
SELECT * FROM empsalary e1 JOIN empsalary e2 ON row_number() OVER (ORDER BY e1.salary) < 10;
SELECT count(*) FROM empsalary GROUP BY row_number() OVER (ORDER BY salary) < 10;
SELECT depname FROM empsalary GROUP BY depname HAVING rank() OVER (ORDER BY depname) < 2;
SELECT sum(row_number() OVER ()) FROM empsalary;
SELECT row_number() OVER (ORDER BY rank() OVER ()) FROM empsalary;
SELECT sum(rank() OVER (ORDER BY salary)) OVER () FROM empsalary;
SELECT count(*) FILTER (WHERE row_number() OVER () > 1) FROM empsalary;
SELECT count(*) OVER (PARTITION BY row_number() OVER ()) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary ROWS count(*) OVER () PRECEDING) FROM empsalary;
UPDATE empsalary SET salary = row_number() OVER ();
INSERT INTO empsalary VALUES ('x', 1, rank() OVER (), NULL);
SELECT empno FROM empsalary LIMIT row_number() OVER ();
SELECT empno FROM empsalary OFFSET rank() OVER ();
SELECT 1 FROM generate_series(1, row_number() OVER ());
SELECT rank() OVER w FROM empsalary WINDOW w AS (ORDER BY salary), w AS (ORDER BY empno);
SELECT rank() OVER nosuch FROM empsalary;
SELECT rank() OVER (nosuch ORDER BY salary) FROM empsalary;
SELECT rank() OVER (w PARTITION BY depname) FROM empsalary WINDOW w AS (ORDER BY salary);
SELECT rank() OVER (w ORDER BY empno) FROM empsalary WINDOW w AS (ORDER BY salary);
SELECT rank() OVER (w) FROM empsalary WINDOW w AS (ORDER BY salary ROWS UNBOUNDED PRECEDING);
SELECT rank() OVER (w ORDER BY salary) FROM empsalary WINDOW w AS (PARTITION BY depname ROWS UNBOUNDED PRECEDING);
SELECT rank() OVER w2 FROM empsalary WINDOW w1 AS (PARTITION BY depname), w2 AS (w1 PARTITION BY empno);
SELECT count(*) OVER (ORDER BY salary, empno RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM empsalary;
SELECT count(*) OVER (RANGE 1 PRECEDING) FROM empsalary;
SELECT count(*) OVER (GROUPS CURRENT ROW) FROM empsalary;
SELECT count(*) OVER (ORDER BY depname RANGE 1 PRECEDING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary RANGE 'x' PRECEDING) FROM empsalary;
SELECT count(*) OVER (ORDER BY enroll_date RANGE 1 PRECEDING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary ROWS salary PRECEDING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary GROUPS salary PRECEDING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary ROWS 'x' PRECEDING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary ROWS -1 PRECEDING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary ROWS BETWEEN 1 PRECEDING AND -1 FOLLOWING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary GROUPS -1 PRECEDING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary RANGE -1 PRECEDING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary::float8 RANGE BETWEEN CURRENT ROW AND 'NaN' FOLLOWING) FROM empsalary;
SELECT count(*) OVER (ORDER BY enroll_date RANGE '-1 day' PRECEDING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary ROWS NULL PRECEDING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary ROWS BETWEEN CURRENT ROW AND NULL FOLLOWING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary ROWS UNBOUNDED FOLLOWING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary ROWS BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING) FROM empsalary;
SELECT count(*) OVER (ORDER BY salary ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM empsalary;
SELECT ntile(0) OVER (ORDER BY empno) FROM empsalary;
SELECT nth_value(empno, 0) OVER (ORDER BY empno) FROM empsalary;
SELECT row_number() FROM empsalary;
SELECT abs(1) OVER () FROM empsalary;
SELECT count(DISTINCT empno) OVER () FROM empsalary;
SELECT count() OVER () FROM empsalary;
SELECT sum(salary ORDER BY empno) OVER () FROM empsalary;
SELECT rank() FILTER (WHERE salary > 1) OVER () FROM empsalary;
SELECT generate_series(1, 2) OVER () FROM empsalary;
SELECT sum(generate_series(1, 2)) OVER () FROM empsalary;
SELECT percentile_cont(0.5) OVER () FROM empsalary;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY salary) OVER () FROM empsalary;
SELECT depname, empno, rank() OVER (PARTITION BY depname ORDER BY salary) FROM empsalary GROUP BY depname;
SELECT depname, count(*) OVER (ORDER BY salary) FROM empsalary GROUP BY depname;

DROP TABLE empsalary;
