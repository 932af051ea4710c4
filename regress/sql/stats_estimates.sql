--
-- Row estimates from the statistics ANALYZE gathers: after ANALYZE,
-- EXPLAIN's rows= figures are PostgreSQL's for scans with equality and
-- range filters, IS NULL, booleans, joins and GROUP BY/DISTINCT.
--
-- The tables fit in one page, where Tusk's costs are PostgreSQL's too.
-- For joins and grouping, whose costs and plan shapes differ (Tusk's
-- hash join may hash the other side, and Tusk has no HashAggregate), only
-- the top node's rows= figure is printed, through a file: psql's \o,
-- then grep.  Before ANALYZE, tables of more than one page differ in
-- size (Tusk's tuple headers are larger), so their estimates are not
-- compared here.
--
\getenv se_port PGPORT
\setenv SE_OUT /tmp/tusk_stats_estimates_:se_port.out
create table se_digits(d int);
insert into se_digits values (0),(1),(2),(3),(4),(5),(6),(7),(8),(9);
-- never analyzed: PostgreSQL's defaults (1/ndistinct for a small table,
-- a third for an inequality, 1/200 for IS NULL)
explain select * from se_digits where d = 3;
explain select * from se_digits where d < 3;
explain select * from se_digits where d is null;
explain select * from se_digits where d > 2 and d < 5;

create table se_t(id int primary key, k int, grp int, f float8, t text, flag bool,
                  d date, nul int);
insert into se_t
  select g, g % 10, g % 40 / 10, g / 3.0, 'name ' || (g % 25)::text, g % 4 = 0,
         date '2022-01-01' + (g % 60), case when g % 5 = 0 then null else g end
  from (select a.d * 10 + b.d as g from se_digits a, se_digits b) s order by 1;
insert into se_t values (100, 1, 1, 1.5, 'name 1', true, '2022-01-01', null),
  (101, 1, 1, 2.5, 'name 1', false, '2022-01-02', null);
create table se_u(k int, name text);
insert into se_u select g % 20, 'u' || g::text
  from (select a.d * 10 + b.d as g from se_digits a, se_digits b where a.d < 5) s order by 1;
analyze se_t;
analyze se_u;
analyze se_digits;
explain select * from se_t;
-- equality: a most common value, another value, inequality
explain select * from se_t where k = 1;
explain select * from se_t where grp = 1;
explain select * from se_t where k = 42;
explain select * from se_t where k <> 1;
explain select * from se_t where t = 'name 1';
explain select * from se_t where t = 'nobody';
-- a unique column
explain select * from se_t where id = 7;
-- ranges: histogram interpolation, MCVs, both bounds
explain select * from se_t where id < 30;
explain select * from se_t where id >= 90;
explain select * from se_t where 50 > id;
explain select * from se_t where f > float8 '10' and f < float8 '20';
explain select * from se_t where f between float8 '10' and float8 '20';
explain select * from se_t where id > 1000;
explain select * from se_t where k < 3;
explain select * from se_t where k <= 3;
explain select * from se_t where t < 'name 2';
explain select * from se_t where d < date '2022-01-20';
explain select * from se_t where d >= '2022-02-15';
-- NULLs and booleans
explain select * from se_t where nul is null;
explain select * from se_t where nul is not null;
explain select * from se_t where flag;
explain select * from se_t where not flag;
-- combinations
explain select * from se_t where k = 1 and grp = 1;
explain select * from se_t where k = 1 or grp = 2;
explain select * from se_t where id < 50 and k = 1;

-- joins
\o /tmp/tusk_stats_estimates_:se_port.out
explain select * from se_t t join se_u u on t.k = u.k;
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT
\o /tmp/tusk_stats_estimates_:se_port.out
explain select * from se_t t join se_u u on t.grp = u.k;
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT
\o /tmp/tusk_stats_estimates_:se_port.out
explain select * from se_t t join se_digits x on t.k = x.d where t.grp = 1;
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT
\o /tmp/tusk_stats_estimates_:se_port.out
explain select * from se_t t left join se_u u on t.id = u.k;
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT

-- GROUP BY and DISTINCT
\o /tmp/tusk_stats_estimates_:se_port.out
explain select grp, count(*) from se_t group by grp;
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT
\o /tmp/tusk_stats_estimates_:se_port.out
explain select k, grp, count(*) from se_t group by k, grp;
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT
\o /tmp/tusk_stats_estimates_:se_port.out
explain select t, count(*) from se_t where id < 50 group by t;
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT
\o /tmp/tusk_stats_estimates_:se_port.out
explain select distinct k from se_t;
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT

-- a table of several pages (its costs differ: rows only)
create table se_big(a int, b int, c text);
insert into se_big select g, g % 37, 'c' || (g % 300)::text
  from (select x.d * 1000 + y.d * 100 + z.d * 10 + w.d as g
        from se_digits x, se_digits y, se_digits z, se_digits w where x.d < 3) s order by 1;
analyze se_big;
\o /tmp/tusk_stats_estimates_:se_port.out
explain select * from se_big;
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT
\o /tmp/tusk_stats_estimates_:se_port.out
explain select * from se_big where b = 5;
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT
\o /tmp/tusk_stats_estimates_:se_port.out
explain select * from se_big where a between 100 and 1200 and c > 'c2';
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT
\o /tmp/tusk_stats_estimates_:se_port.out
explain select * from se_big x join se_t t on x.b = t.k;
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT
\o /tmp/tusk_stats_estimates_:se_port.out
explain select b, c, count(*) from se_big group by b, c;
\o
\! grep -o -m1 'rows=[0-9]*' $SE_OUT
\! rm -f $SE_OUT
drop table se_t, se_u, se_digits, se_big;
