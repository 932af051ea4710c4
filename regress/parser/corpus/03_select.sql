# SELECT: target lists, FROM and joins, WHERE, GROUP BY, HAVING, WINDOW,
# ORDER BY, LIMIT/OFFSET/FETCH, locking, set operations, WITH, VALUES, TABLE.
select
select *
select * from t
select a, b as c, d e, f "G", 1 as x, 2 y from t
select a as from from t
select a as select, b as order from t
select a from, b from t
select a and, b or, c is, d in, e like, f between, g at, h collate, i not, j similar, k ilike from t
select a is, b is from t
select a order from t
select a not from t
select a not in from t
select a is not from t
select 1 and from t
select 1 and and
select a left from t
select a over from t
select a as over from t
select a filter, b within from t
select a over
select all a from t
select distinct a from t
select distinct on (a) a, b from t
select distinct on (a, b) * from t
select distinct
select distinct from t
select distinct on a from t
select all
select all from t
select from t
select t.* from t
select * from t1, t2, t3
select * from only t, only (u), v *
select * from s.t, c.s.t, "S"."T"
select * from a.b.c.d
select * from t[1]
select * from t as x, u y, v as w (a, b), z z2 (c)
select * from t as
select * from t x y
select * from t join u on t.a = u.a
select * from t inner join u on true
select * from t left join u on true, t left outer join u using (a)
select * from t right join u using (a, b), t right outer join u using (a)
select * from t full join u using (a) as j, t full outer join u on x
select * from t cross join u, t natural join u, t natural left join u, t natural full outer join u
select * from t join u
select * from t join u using ()
select * from t join u on
select * from t cross join u on true
select * from t natural join u using (a)
select * from a join b join c on x on y
select * from a join b on x join c on y
select * from a cross join b join c on x
select * from a join b cross join c on x
select * from a natural join b join c on x
select * from a join b natural join c on x
select * from a left join b left join c on x on y
select * from (a join b on x)
select * from (a join b on x) j
select * from (a join b on x) as j (c1, c2)
select * from ((a join b on x))
select * from ((a join b on x) j)
select * from ((a join b on x) join c on y)
select * from (a join (b join c on y) on x)
select * from (a)
select * from (a x)
select * from ((a))
select * from (select 1) x
select * from (select 1) as x(a)
select * from (select 1)
select * from (values (1))
select * from (values (1)) v
select * from (values (1), (2)) as v (a)
select * from ((select 1)) x
select * from ((select 1) union (select 2)) x
select * from ((select 1) x)
select * from ((select 1) x join t on true)
select * from ((select 1) order by 1) x
select * from lateral (select 1) x, lateral f(x)
select * from t, lateral (select t.a) x
select * from lateral t
select * from t join lateral (select 1) s on true
select * from f(), f(1) as x, f(1) x (a, b), f() as (a int, b text), f() as x (a int), f() x (a int collate "C")
select * from f() with ordinality, f() with ordinality as x (a, b)
select * from rows from (f(), g()) as x, rows from (f() as (a int), g())
select * from rows from (f() as (a int)) with ordinality
select * from s.f(), s.t.f()
select * from current_date, cast(1 as int), coalesce(1, 2)
select * from f() as x(a, b int)
select * from f() as x(a int, b)
select * from f(1) 'x'
select * from left(a, 1), "left"(a)
select * from left
select * from f() over ()
select * from t tablesample system (10), t tablesample bernoulli (5) repeatable (1)
select * from t as x tablesample system (10)
select * from t tablesample s.m (1, 2)
select * from t tablesample system
select * from xmltable('x' passing y columns a int)
select * from t where a
select * from t where
select * from t where a = 1 where b = 2
select a, count(*) from t group by a
select a from t group by a, b having count(*) > 1
select from t group by ()
select from t group by rollup (a, b), cube (c), grouping sets ((a), (b, c), ())
select from t group by grouping sets (rollup (a), cube (b), grouping sets (c))
select from t group by all a, b
select from t group by distinct a, rollup (b)
select from t group by cube
select from t group by rollup + 1
select from t group by cube(a) + 1
select from t group by grouping sets
select from t group by (a, b), (a)
select from t group by
select from t having a
select a from t window w as (partition by a)
select a from t window w as (), w2 as (w order by b), w3 as (w2 rows 1 preceding)
select a from t window w as (partition by a) window v as ()
select a from t window w
select a from t order by a
select a from t order by a asc, b desc, c using <, d using >, e using ~<~ nulls first, f nulls last
select a from t order by a using operator(pg_catalog.<)
select a from t order by a desc nulls first, b asc nulls last
select a from t order by a nulls
select a from t order by
select a from t order by a, 
select a from t limit 10
select a from t limit all
select a from t limit 10 offset 5
select a from t offset 5 limit 10
select a from t offset 5
select a from t offset 5 rows
select a from t offset 5 row
select a from t offset -5 rows
select a from t offset a + 1 rows
select a from t offset (a + 1) rows
select a from t limit 1, 2
select a from t limit 1 limit 2
select a from t offset 1 offset 2
select a from t fetch first 5 rows only
select a from t fetch next 1 row only
select a from t fetch first rows only
select a from t fetch first row with ties
select a from t order by a fetch first 2 rows with ties
select a from t fetch first 2 rows with ties
select a from t order by a offset 1 rows fetch next 2 rows only
select a from t fetch first -1 rows only
select a from t fetch first +2.5 rows only
select a from t fetch first a + 1 rows only
select a from t fetch first (a + 1) rows only
select a from t fetch first 1
select a from t fetch 1 rows only
select a from t for update
select a from t for update of t, s.u nowait
select a from t for no key update skip locked
select a from t for share of t for key share
select a from t for read only
select a from t for update limit 1
select a from t limit 1 for update
select a from t for update for share
select a from t for
select a from t for update of
select a from t order by a for update limit 1 offset 2
select 1 union select 2
select 1 union all select 2 union distinct select 3
select 1 intersect select 2 union select 3
select 1 union select 2 intersect select 3
select 1 except select 2 except all select 3
select 1 union (select 2 union select 3)
select 1 intersect all select 2 intersect select 3 except select 4
(select 1) union (select 2)
(select 1) union select 2 order by 1 limit 1
select 1 union select 2 order by 1
(select 1 order by 1) order by 1
(select 1 limit 1) limit 2
(select 1 offset 1) offset 2
(select 1 order by 1 fetch first 1 rows with ties) fetch first 2 rows only
(select 1 for update) for share
(select 1 for update skip locked) order by 1 fetch first 1 rows with ties
((select 1))
(((select 1)))
((select 1) union (select 2)) order by 1
(select 1
select 1)
select 1 union
union select 1
select 1 union select 2 union
values (1)
values (1, 2), (3, 4)
values (1), (2) order by 1 limit 1
values (1) union values (2)
values (default), (a + 1)
values
values ()
values (1) (2)
table t
table only t
table s.t *
table t union table u order by 1
table
select * from t where a in (values (1), (2))
with x as (select 1) select * from x
with x (a, b) as (select 1, 2) select * from x
with recursive x as (select 1 union all select * from x) select * from x
with x as materialized (select 1), y as not materialized (select 2) select 1
with x as (insert into t values (1) returning *) select * from x
with x as (update t set a = 1 returning a) select * from x
with x as (delete from t returning *) select * from x
with x as (select 1) insert into t select * from x
with x as (select 1) update t set a = 1
with x as (select 1) delete from t
with x as (select 1) (select * from x)
with x as (select 1) values (1)
with x as (select 1) table x
with x as (select 1) select 1 union select 2 order by 1
with time as (select 1) select * from time
with ordinality as (select 1) select 1
with x as (select 1) with y as (select 2) select 1
with x as (select 1)
with x as select 1 select 2
with x select 1
with recursive x (n) as (select 1 union all select n + 1 from x where n < 10) search depth first by n set ord select * from x
with recursive x (n) as (select 1) search breadth first by n, m set ord select * from x
with recursive x (n) as (select 1) cycle n set is_cycle using path select * from x
with recursive x (n) as (select 1) cycle n set is_cycle to true default false using path select * from x
with recursive x (n) as (select 1) cycle n, m set c to 'Y' default 'N' using p select * from x
with recursive x (n) as (select 1) search depth first by n set ord cycle n set c using p select * from x
with x as (select 1) search depth first by a set b select 1
with x as (select 1) cycle a set b to 1 default using c select 1
select 1 into t
select a into temp t from u
select a into temporary table t, b from u
select a into unlogged t from u
select a into table t from u
select a into local temp t from u
select a into global temporary t from u
select a from t into x
select 1 union select 2 into t
select * from t where current of c
delete from t where current of c
update t set a = 1 where current of c
select (select a from t) + 1 from (select 1) x where exists (select 1 from u where u.a = x.a)
select a from t where a in (select b from u where c in (select d from v))
select case when exists (select 1) then (select 2) else array(select 3) end
select count(*) over w from t window w as (partition by a order by b range between unbounded preceding and unbounded following)
select a, b, c from t1 join t2 using (a) left join t3 on t3.b = t2.b where a > 0 group by a, b, c having sum(d) > 10 order by a desc limit 10 offset 20
select t1.a, t2.b from t1, t2 where t1.id = t2.id and t1.x between 1 and 10 or t2.y is null
select distinct on (a) a, b from t order by a, b desc
select * from t for update of t nowait for share of u skip locked
# COLLATION FOR and type_function_name keywords in FROM; BETWEEN as a name in frames
select * from collation for (1) c
select * from collation(1)
select * from collation
select sum(a) over (range between ::int8 preceding) from t
select sum(a) over (range between not 1 preceding and current row) from t
select sum(a) over (range between at time zone 'x' preceding) from t
select sum(a) over (range between [1] preceding) from t
select * from lateral values(1)
select * from lateral int x(1)
select current_schema 'x', current_schema, current_schema()
