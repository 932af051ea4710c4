# INSERT, UPDATE, DELETE.
insert into t values (1)
insert into t values (1, 2), (3, 4)
insert into t (a, b) values (1, 2)
insert into t (a) select 1
insert into t select * from u
insert into t (select 1)
insert into t ((select 1))
insert into t (values (1))
insert into t (values) values (1)
insert into t (a, values) values (1, 2)
insert into t default values
insert into t (a) default values
insert into t values (default), (1)
insert into s.t as x values (1)
insert into t x values (1)
insert into t (a[1], b.c) values (1, 2)
insert into t (a.*) values (1)
insert into t (a.*.b) values (1)
insert into t overriding system value values (1)
insert into t (a) overriding user value select 1
insert into t overriding value values (1)
insert into t values (1) returning *
insert into t values (1) returning a, b as c, d e
insert into t values (1) returning
insert into t values (1) on conflict do nothing
insert into t values (1) on conflict (a) do nothing
insert into t values (1) on conflict (a, b) do update set c = 1
insert into t values (1) on conflict (a) where b > 0 do update set c = excluded.c where t.d < 5
insert into t values (1) on conflict on constraint t_pkey do nothing
insert into t values (1) on conflict ((lower(a))) do nothing
insert into t values (1) on conflict (a collate "C" text_pattern_ops) do nothing
insert into t values (1) on conflict (a) do update set (b, c) = (1, 2)
insert into t values (1) on conflict (a) do update set b = 1 returning *
insert into t values (1) on conflict do update set a = 1
insert into t values (1) on conflict (a)
insert into t values (1) on conflict
insert into t select 1 on conflict do nothing
insert into t select 1 and on conflict do nothing
insert into t select 1 returning *
insert into t
insert into t values
insert t values (1)
insert into t (a values (1)
insert into t () values (1)
with w as (select 1) insert into t select * from w returning *
update t set a = 1
update t set a = 1, b = 2 where c = 3
update t set a = default
update t as x set a = 1
update t x set a = 1
update t set set a = 1
update t set a.b = 1, c[1] = 2, d[1:2] = 3
update t set (a, b) = (1, 2), (c) = (select 1), (d, e) = row(1, 2)
update t set (a, b) = (select 1, 2) where c
update t set a = 1 from u, v where t.x = u.x returning t.*
update t set a = 1 returning a
update only t set a = 1
update t * set a = 1
update t set
update t set a
update t set a = 
update t set (a) = 1
update t set a = 1 from
update t where a = 1
delete from t
delete from t where a = 1
delete from t as x where x.a = 1
delete from t x
delete from only t
delete from t using u, v where t.a = u.a returning *
delete from t returning a, b
delete from t where
delete t
delete from
delete from t set
delete from t as set
merge into t using u on t.a = u.a when matched then delete
