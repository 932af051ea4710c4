--
-- VACUUM: the statement, its options and restrictions, and the sizes it
-- records in pg_class.
--
create table vac_digits(d int);
insert into vac_digits values (0),(1),(2),(3),(4),(5),(6),(7),(8),(9);
create table vac_t(a int primary key, b text);
insert into vac_t select t.d * 10 + u.d, 'row ' || (t.d * 10 + u.d)::text
  from vac_digits t, vac_digits u;
-- never vacuumed: no size recorded
select relpages, reltuples, relallvisible from pg_class where relname = 'vac_t';
delete from vac_t where a >= 40;
vacuum vac_t;
-- the live rows only; the index has an entry per remaining row
select relname, relpages, reltuples from pg_class
  where relname in ('vac_t', 'vac_t_pkey') order by relname;
select count(*) from vac_t;
select count(*) from vac_t where a = 7;
-- the freed space is reused
insert into vac_t select a + 100, b from vac_t;
vacuum vac_t;
select relpages, reltuples from pg_class where relname = 'vac_t';
update vac_t set b = 'changed' where a < 10;
vacuum vac_t;
select relpages, reltuples from pg_class where relname = 'vac_t';
select count(*), count(*) filter (where b = 'changed') from vac_t;

-- options
vacuum freeze vac_t;
vacuum analyze vac_t;
vacuum (analyze) vac_t;
vacuum (analyze true, freeze false) vac_t;
vacuum (disable_page_skipping) vac_t;
vacuum (skip_locked) vac_t;
vacuum (index_cleanup auto) vac_t;
vacuum (index_cleanup on, truncate true, process_toast true) vac_t;
vacuum (parallel 2) vac_t;
vacuum (parallel) vac_t;
vacuum (parallel 5000) vac_t;
vacuum (foo) vac_t;
vacuum (analyze maybe) vac_t;
vacuum (analyze 'off') vac_t;
-- VERBOSE reports as INFO messages whose figures (and details) vary:
-- not exercised here.
-- VACUUM FULL rewrites the table in PostgreSQL; Tusk refuses it (0A000),
-- so it is not exercised here.

-- tables and columns
vacuum vac_t, vac_digits;
vacuum public.vac_t;
vacuum vac_nosuch;
vacuum nosuch_schema.vac_t;
vacuum vac_t (a);
vacuum analyze vac_t (a, b);
vacuum analyze vac_t (a, nosuch);
vacuum vac_t_pkey;
vacuum analyze vac_t_pkey;
-- every table of the database
vacuum;
select relpages, reltuples from pg_class where relname = 'vac_digits';

-- not inside a transaction block, nor with other statements
begin;
vacuum vac_t;
rollback;
begin;
select 1;
vacuum;
commit;
select 1 \; vacuum vac_t;
vacuum vac_t \; select 2;
-- an empty table, vacuumed
create table vac_empty(x int);
vacuum vac_empty;
select relpages, reltuples from pg_class where relname = 'vac_empty';
drop table vac_t, vac_digits, vac_empty;
