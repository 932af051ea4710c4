--
-- ANALYZE: the statistics it stores in pg_statistic.  The tables are
-- smaller than the sample (30000 rows), so every row is read and the
-- statistics are exactly PostgreSQL's.
--
create table anl_digits(d int);
insert into anl_digits values (0),(1),(2),(3),(4),(5),(6),(7),(8),(9);
create table anl_t(
  id int, i2 int2, i8 int8, f4 real, f8 float8, n numeric, t text,
  vc varchar(20), c char(3), b bool, d date, ts timestamp, nul int, few int);
insert into anl_t
  select g, (g % 13)::int2, (g * g) % 101, (g % 17) / 4.0, g / 7.0, (g % 250) / 8.0,
         'text ' || (g % 43)::text, 'v' || ((g * 7) % 150)::text, (g % 3)::text,
         g % 5 = 0, date '2020-01-01' + (g % 60), timestamp '2021-06-01 12:00' + g * interval '1 hour',
         case when g % 10 = 0 then g end, g % 4
  from (select a.d * 100 + b.d * 10 + c.d as g
        from anl_digits a, anl_digits b, anl_digits c) s
  order by g;
insert into anl_t (id) values (null), (null);
-- never analyzed: no statistics
select count(*) from pg_statistic where starelid = 'anl_t'::regclass;
analyze anl_t;
select relpages > 0 as has_pages, reltuples from pg_class where relname = 'anl_t';
select a.attname, s.stainherit, s.stanullfrac, s.stawidth, s.stadistinct,
       s.stakind1, s.stakind2, s.stakind3, s.stakind4, s.stakind5,
       s.staop1, s.staop2, s.staop3, s.stacoll1, s.stacoll2, s.stacoll3
  from pg_statistic s join pg_attribute a on a.attrelid = s.starelid and a.attnum = s.staattnum
  where s.starelid = 'anl_t'::regclass order by a.attnum;
select a.attname, s.stanumbers1::text, s.stavalues1::text
  from pg_statistic s join pg_attribute a on a.attrelid = s.starelid and a.attnum = s.staattnum
  where s.starelid = 'anl_t'::regclass order by a.attnum;
select a.attname, s.stanumbers2::text, s.stavalues2::text
  from pg_statistic s join pg_attribute a on a.attrelid = s.starelid and a.attnum = s.staattnum
  where s.starelid = 'anl_t'::regclass order by a.attnum;
select a.attname, s.stanumbers3::text, s.stavalues3::text
  from pg_statistic s join pg_attribute a on a.attrelid = s.starelid and a.attnum = s.staattnum
  where s.starelid = 'anl_t'::regclass order by a.attnum;

-- a smaller statistics target: fewer most common values and histogram bounds
set default_statistics_target = 5;
show default_statistics_target;
analyze anl_t (f8, t, few);
select a.attname, s.stadistinct, s.stakind1, s.stanumbers1::text, s.stavalues1::text,
       s.stakind2, s.stavalues2::text
  from pg_statistic s join pg_attribute a on a.attrelid = s.starelid and a.attnum = s.staattnum
  where s.starelid = 'anl_t'::regclass and a.attname in ('f8', 't', 'few') order by a.attnum;
reset default_statistics_target;
set default_statistics_target = 0;
set default_statistics_target = 10001;

-- a new ANALYZE replaces the rows: one per column
delete from anl_t where id >= 500;
analyze anl_t;
select staattnum, count(*) from pg_statistic where starelid = 'anl_t'::regclass
  group by staattnum having count(*) > 1;
select count(*) from pg_statistic where starelid = 'anl_t'::regclass;
select reltuples from pg_class where relname = 'anl_t';
select a.attname, s.stanullfrac, s.stadistinct, s.stavalues1::text
  from pg_statistic s join pg_attribute a on a.attrelid = s.starelid and a.attnum = s.staattnum
  where s.starelid = 'anl_t'::regclass and a.attname in ('id', 'few', 'nul') order by a.attnum;

-- VERBOSE
analyze verbose anl_digits;
analyze (verbose) anl_digits (d);
analyze (verbose false, skip_locked) anl_digits;
-- errors
analyze (foo) anl_t;
analyze (analyze) anl_t;
analyze anl_nosuch;
analyze anl_t (nosuch);
analyze anl_t (id, id);

-- an empty table has no statistics; an all-null column has some
create table anl_empty(x int, y text);
analyze anl_empty;
select count(*) from pg_statistic where starelid = 'anl_empty'::regclass;
select relpages, reltuples from pg_class where relname = 'anl_empty';
insert into anl_empty values (null, null), (null, null), (null, 'a');
analyze anl_empty;
select a.attname, s.stanullfrac, s.stawidth, s.stadistinct, s.stakind1, s.stavalues1::text
  from pg_statistic s join pg_attribute a on a.attrelid = s.starelid and a.attnum = s.staattnum
  where s.starelid = 'anl_empty'::regclass order by a.attnum;

-- ANALYZE may run inside a transaction block, and sees its own rows
begin;
create table anl_tx(x int);
insert into anl_tx select d % 3 from anl_digits;
analyze anl_tx;
select s.stadistinct, s.stanumbers1::text, s.stavalues1::text
  from pg_statistic s where s.starelid = 'anl_tx'::regclass;
commit;
select reltuples from pg_class where relname = 'anl_tx';

-- statistics go with their table
select count(*) > 0 as has_stats from pg_statistic where starelid = 'anl_tx'::regclass;
create table anl_oids(o oid);
insert into anl_oids select 'anl_tx'::regclass::oid;
drop table anl_tx;
select count(*) from pg_statistic where starelid = (select o from anl_oids);
drop table anl_oids;
-- a table larger than the sample (300 rows at target 1): every page is
-- read, the rows are sampled; what does not depend on the sample
set default_statistics_target = 1;
create table anl_big(u int, c int, n int);
insert into anl_big select g, 5, null
  from (select a.d * 1000 + b.d * 100 + c.d * 10 + e.d as g
        from anl_digits a, anl_digits b, anl_digits c, anl_digits e where a.d < 3) s;
analyze anl_big;
select reltuples from pg_class where relname = 'anl_big';
select a.attname, s.stanullfrac, s.stawidth, s.stadistinct, s.stakind1, s.stakind2, s.stakind3
  from pg_statistic s join pg_attribute a on a.attrelid = s.starelid and a.attnum = s.staattnum
  where s.starelid = 'anl_big'::regclass order by a.attnum;
select s.stanumbers1::text, s.stavalues1::text
  from pg_statistic s join pg_attribute a on a.attrelid = s.starelid and a.attnum = s.staattnum
  where s.starelid = 'anl_big'::regclass and a.attname = 'c';
reset default_statistics_target;
drop table anl_big;

-- every table of the database
analyze;
select count(*) > 0 as has_stats from pg_statistic where starelid = 'anl_digits'::regclass;
drop table anl_t, anl_digits, anl_empty;
