# Transactions, SET/SHOW, EXPLAIN, PREPARE/EXECUTE, COPY, VACUUM, LOCK,
# cursors and other utility statements.
begin
begin work
begin transaction
begin isolation level serializable
begin transaction isolation level read committed, read only
begin read write, not deferrable
begin isolation level repeatable read read only deferrable
begin isolation level read uncommitted
begin isolation level
begin read
begin ,
begin read only,
start transaction
start transaction isolation level serializable, read write
start
commit
commit work
commit transaction
commit and chain
commit and no chain
commit prepared 'x'
end
end work
end transaction and chain
rollback
rollback work
abort
abort transaction and no chain
rollback and chain
rollback prepared 'x'
rollback to s
rollback to savepoint s
rollback work to savepoint s
rollback to
rollback to savepoint
savepoint s
savepoint
release s
release savepoint s
release
prepare transaction 'x'
set a = 1
set a to 1
set a to default
set a = default
set a = 'x', 'y', 1, -2.5, on, true, false
set a.b = 1
set a.b.c to x
set local a = 1
set session a = 1
set session = 1
set local = 1
set session.x = 1
set a from current
set time zone 'UTC'
set time zone utc
set time zone local
set time zone default
set time zone -8
set time zone 1.5
set time zone interval '+00:00' hour to minute
set time zone interval '1' day
set time zone interval(3) '1'
set time zone true
set schema 'public'
set schema = 'x'
set names 'UTF8'
set names default
set names
set names = 'x'
set role r
set role 'r'
set role none
set role = r
set session authorization u
set session authorization 'u'
set session authorization default
set transaction isolation level serializable
set transaction read only, isolation level read committed
set transaction snapshot '0001'
set transaction = 1
set transaction
set session characteristics as transaction isolation level serializable
set xml option document
set xml option content
set catalog 'x'
set local time zone 'UTC'
set
set a
set a =
set a = select
set search_path to public, "$user", 'x'
set statement_timeout = 0
set work_mem to '64MB'
set datestyle to iso, mdy
reset a
reset a.b
reset all
reset time zone
reset transaction isolation level
reset session authorization
reset
reset role
show a
show a.b
show all
show time zone
show transaction isolation level
show session authorization
show
show search_path
explain select 1
explain analyze select 1
explain analyse verbose select 1
explain verbose select 1
explain (analyze, buffers false, format json, costs off, timing 1, settings on) select 1
explain (analyze) insert into t values (1)
explain update t set a = 1
explain delete from t
explain execute p (1)
explain declare c cursor for select 1
explain create table t as select 1
explain create temp table if not exists t as select 1
explain create table t (a int)
explain create index i on t (a)
explain (select 1)
explain ((select 1))
explain ()
explain (analyze select 1
explain
explain verbose analyze select 1
explain with x as (select 1) select * from x
explain values (1)
explain table t
prepare p as select 1
prepare p (int, text) as select $1, $2
prepare p (int[], numeric(10,2)) as insert into t values ($1, $2)
prepare p as update t set a = $1
prepare p as delete from t where a = $1
prepare p as with x as (select 1) select * from x
prepare p select 1
prepare p as
prepare p () as select 1
execute p
execute p (1, 'x', $1)
execute p ()
execute
deallocate p
deallocate prepare p
deallocate all
deallocate prepare all
deallocate prepare
deallocate
copy t from stdin
copy t to stdout
copy t (a, b) from stdin with (format csv, header true, delimiter ',')
copy t from '/tmp/x' with (format 'csv', force_quote *, force_not_null (a, b), null '', encoding 'UTF8')
copy t to stdout with csv header
copy t to stdout csv header delimiter as ',' null as '' quote '"' escape '\' force quote a, b encoding 'x'
copy t from stdin binary
copy binary t from stdin
copy t from stdin freeze
copy t to stdout (format binary)
copy t from stdin with (freeze)
copy t from stdin using delimiters ','
copy t from stdin delimiters '|'
copy t from stdin where a > 1
copy t to stdout where a > 1
copy t from program 'cat x'
copy t to program 'gzip > x'
copy t from program stdin
copy (select 1) to stdout
copy (select * from t where a > 1) to stdout with (format csv)
copy (insert into t values (1) returning *) to stdout
copy (select 1) to program stdout
copy (select 1) from stdin
copy t (a from stdin
copy t
copy t from
copy t from stdin with (format)
copy t to stdout force quote *
copy t from stdin force not null a
copy t from stdin force null a
copy t to stdout (force_quote (a, b))
vacuum
vacuum t
vacuum full
vacuum full freeze verbose analyze t, u
vacuum verbose t (a, b)
vacuum analyze t
vacuum (full, analyze, verbose false, parallel 4, index_cleanup auto) t
vacuum (analyze) t (a)
vacuum ()
vacuum freeze full t
vacuum t (a
analyze
analyze t
analyse t
analyze verbose t (a), u
analyze (verbose, skip_locked) t
analyze t u
lock t
lock table t
lock t, u in access share mode
lock t in row share mode
lock t in row exclusive mode
lock t in share update exclusive mode
lock t in share mode nowait
lock t in share row exclusive mode
lock t in exclusive mode
lock t in access exclusive mode
lock only t
lock t in share
lock t in update mode
lock
discard all
discard plans
discard sequences
discard temp
discard temporary
discard
discard foo
checkpoint
checkpoint now
declare c cursor for select 1
declare c no scroll cursor with hold for select 1
declare c binary insensitive scroll cursor without hold for select 1
declare c asensitive cursor for select 1
declare c cursor for values (1)
declare c cursor for insert into t values (1)
declare c for select 1
fetch c
fetch next from c
fetch prior c
fetch first in c
fetch last c
fetch absolute 5 c
fetch relative -2 from c
fetch 10 c
fetch -1 c
fetch all c
fetch forward c
fetch forward 3 c
fetch forward all from c
fetch backward c
fetch backward 2 c
fetch backward all c
fetch from c
fetch in c
fetch next
fetch
fetch absolute c
move c
move next from c
move all in c
close c
close all
close
grant select on t to u
revoke all on t from u
create function f() returns int as 'select 1' language sql
create function f() returns int language sql begin atomic select 1; select 2; end
create or replace procedure p() language plpgsql as $$ begin end $$
create trigger tr before insert on t for each row execute function f()
create type t as enum ('a', 'b')
create domain d as int check (value > 0)
create extension if not exists hstore
create role r login
create user u with password 'x'
create materialized view mv as select 1
create rule r as on insert to t do nothing
create aggregate a (int) (sfunc = f, stype = int)
create policy p on t using (true)
do $$ begin end $$
call p(1)
listen ch
notify ch, 'x'
unlisten *
load 'x'
cluster t using i
reindex table t
refresh materialized view mv
security label on table t is 'x'
reassign owned by a to b
import foreign schema s from server x into y
alter system set x = 1
alter role r set x = 1
alter database d set x = 1
drop function f(int)
merge into t using u on true when matched then do nothing
select 1; grant select on t to u; select 2
select 1; grant select on t to u; select 2 2
grant; select (
foo
foo bar
1
(
)
# SET CONSTRAINTS and COMMENT ON CONSTRAINT … ON DOMAIN
set constraints all deferred
set constraints a, b.c immediate
set constraints = 1
set constraints constraints = 1
set constraints.x to 1
comment on constraint c on domain is 'x'
comment on constraint c on domain d is 'x'
comment on constraint c on domain.t is 'x'
