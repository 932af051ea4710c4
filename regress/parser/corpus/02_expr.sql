# Expressions: operators, precedence and associativity, special forms.
select a + b * c - d / e % f ^ g
select (a + b) * c
select a ^ b ^ c, a - b - c, a / b / c
select - a, + a, - - a, - 1, - 1.5, -(1), - -1, -'1', +1
select -2147483648, -9223372036854775808, - 0.0
select a = b, a < b, a > b, a <= b, a >= b, a <> b, a != b
select a = b = c
select a < b < c
select a = b < c
select a + b = c + d
select a = b is null
select a is null = b
select a is null is null
select a isnull, a notnull, a isnull isnull
select a is true, a is not true, a is false, a is not false, a is unknown, a is not unknown
select a is not null, a is distinct from b, a is not distinct from b
select a is distinct from b is distinct from c
select a is distinct from b = c
select a = b is distinct from c
select a is normalized, a is nfc normalized, a is not nfkd normalized
select a is document
select not a, not not a, not a = b, not a and b, not (a and b)
select a and b or c, a or b and c, a or b or c, a and b and c
select (a or b) and (c or d)
select a and not b or not c
select a between 1 and 2, a not between 1 and 2
select a between symmetric 1 and 2, a not between symmetric 2 and 1, a between asymmetric 1 and 2
select a between b and c between d and e
select a between b + 1 and c * 2
select a between b < c and d
select a between b and c and d
select a between b and c or d
select a < b between c and d
select a between b and c < d
select a between b is null and c
select a in (1, 2, 3), a not in (1, 2), a in (select 1), a not in (select 1)
select a in (1) in (2)
select a in ()
select a in 1
select a in ((1), 2)
select a in ((select 1))
select a in ((select 1), 2)
select a in ((select 1) union (select 2))
select a in ((select 1) order by 1)
select a like 'x', a not like 'x', a ilike 'x', a not ilike 'x'
select a like 'x' escape '!', a not like 'x' escape '!', a ilike 'x' escape '#'
select a similar to 'x', a not similar to 'x', a similar to 'x' escape '!'
select a like b like c
select a like b escape c like d
select a like b escape c escape d
select a similar 'x'
select a not similar 'x'
select a = any(b), a = some(b), a = all(b), a <> all (select 1)
select a < any(array[1]), a >= all ('{1}'), a + any(b)
select a like any (b), a not like all (b), a ilike any (b), a not ilike any(b)
select a @> any(b), a operator(pg_catalog.=) any(b)
select a = any(1, 2)
select a = any((select 1))
select a = any((1))
select a = any(b) = true
select a < b = any(c)
select a = ANY
select a similar to any(b)
select a @ b, @ a, a @, a ~~ b
select a ! b
select a operator(+) b, operator(+) a, a operator(pg_catalog.+) b, a operator(s.t.+) b
select a operator(=) b, a operator(<>) b, a operator(~~) b, a operator(*) b
select a operator(a) b
select a operator (+ b
select 1 operator
select a || b || c, a @@ b @@ c, a || b + c, a + b || c
select a || b = c
select a = b || c
select a && b, a <-> b, a ->> 'x', a -> 'y' ->> 'z', a #> b, a #>> b
select a ?| b, a ?& b, a ? b
select a at time zone 'UTC', a at time zone b at time zone c
select a + b at time zone c, a at time zone b + c
select a at time zone
select a at time
select - a at time zone b
select a collate "C", a collate pg_catalog."default", a collate "C" collate "POSIX"
select a || b collate "C", - a collate "C", a::text collate "C"
select a collate "C"::text
select a::int, a::int::text, a::int[], a::int[3][4], a::numeric(10,2), a::varchar(5)
select a::double precision, a::timestamp with time zone, a::time(3) without time zone
select a::interval day to second(2), a::interval(3), a::interval year to month
select a::character varying(10), a::bit varying(5), a::bit, a::char, a::national character(2)
select a::foo.bar, a::foo.bar(1,2), a::"Foo", a::public.t[]
select a::int array, a::int array[3], a::setof int
select - a::int, (- a)::int
select a::
select a::int(
select cast(a as int), cast(a as text[]), cast(a + b as numeric(10, 2))
select cast(a as)
select cast a as int
select case when a then b end
select case when a then b when c then d else e end
select case a when 1 then 'x' when 2 then 'y' end
select case a when 1 then 'x' else case when b then 1 end end
select case end
select case when a end
select case when a then b else c
select coalesce(a, b, c), nullif(a, b), greatest(a, b), least(a, b, c)
select coalesce(), nullif(a), nullif(a, b, c)
select coalesce, nullif, greatest
select exists(select 1), not exists (select 1 from t)
select exists (1)
select exists
select array[1, 2, 3], array[[1, 2], [3, 4]], array[], array[]::int[], array(select 1)
select array[1, [2]]
select array[[1], 2]
select array
select array(1)
select row(1, 2), row(1), row(), (1, 2), (1, 2, 3)
select row, row + 1
select (1, 2) = (3, 4), (a, b) in ((1, 2), (3, 4)), row(a, b) < row(1, 2)
select (1, 2).x
select (a).b, (a).b.c, (a).*, (a)[1], (a)[1:2], (a)[:2], (a)[1:], (a)[:]
select a[1], a[1][2], a[1:2], a.b[1].c, a.b.c.d, t.*, a.*.b
select a.b.*
select $1[1], $1.f, $1.*
select (select 1), (select 1)[1], (select 1).a, ((select 1))
select ((select 1) + 1), ((select 1), 2)
select ((select 1) union (select 2))
select ((select 1) order by 1)
select ((select 1) limit 1), ((select 1) for update)
select (((select 1)))
select (((select 1)) + 1)
select (((1)))
select ((1, 2))
select (1, 2)::t
select (1 + 2)::int
select (a)::int
select 'a' || 'b', 'a' 'b'
select int '1', integer '1', smallint '1', bigint '1', real '1', float '1', float(10) '1', float(30) '1'
select double precision '1', decimal '1', dec '1', numeric '1', numeric(10) '1', numeric(10, 2) '1'
select boolean 'true', bit '1', bit(3) '101', bit varying '1', bit varying(3) '1'
select char 'x', char(3) 'x', character 'x', character varying 'x', varchar 'x', varchar(3) 'x'
select national character 'x', nchar 'x', national char varying 'x'
select timestamp 'x', timestamp(3) 'x', timestamp with time zone 'x', timestamp without time zone 'x'
select time 'x', time(2) 'x', time with time zone 'x', timestamp(3) with time zone 'x'
select interval '1', interval '1' year, interval '1' month, interval '1' day, interval '1' hour
select interval '1' minute, interval '1' second, interval '1' second(3), interval '1' year to month
select interval '1' day to hour, interval '1' day to minute, interval '1' day to second, interval '1' day to second(3)
select interval '1' hour to minute, interval '1' hour to second, interval '1' minute to second(2)
select interval(3) '1', interval(3) '1' day
select interval '1' year to day
select int, integer, smallint, bigint, real, float, double, decimal, numeric, boolean, bit, char
select int + 1, time, timestamp, interval, varchar, character, national, nchar
select numeric(1, 2)
select double precision
select char(3)
select timestamp(3)
select time with
select interval
select interval 1
select float(0) '1'
select float(54) '1'
select foo 'x', foo.bar 'x', "foo" 'x', foo(1) 'x', foo.bar(1, 2) 'x'
select foo(1) 'x' 'y'
select foo(a => 1) 'x'
select foo(1 order by 2) 'x'
select foo() 'x'
select foo(*) 'x'
select foo(distinct 1) 'x'
select left 'x'
select left(a, 2), right(a, 2), "left"(a)
select left
select left.x
select coalesce 'x'
select f(), f(1), f(1, 2), f(a := 1), f(a => 1, b => 2), f(1, b => 2)
select f(*), count(*), count(distinct a), count(all a), sum(a order by b), string_agg(a, ',' order by a desc)
select f(variadic a), f(1, variadic a), f(variadic a order by b)
select f(variadic a, 1)
select f(distinct a, b order by c), f(all a order by b)
select f(distinct *)
select f(*, 1)
select f(a order by b) within group (order by c)
select percentile_cont(0.5) within group (order by a)
select f(distinct a) within group (order by b)
select f(variadic a) within group (order by b)
select count(*) filter (where a > 1), sum(a) filter (where b)
select count(*) filter where a
select count(*) over (), row_number() over w, sum(a) over (partition by b order by c)
select sum(a) filter (where b) over (w)
select rank() within group (order by a) filter (where b) over ()
select f(x) over (w partition by a)
select f(x) over (partition by a, b order by c rows between unbounded preceding and current row)
select f(x) over (order by a rows unbounded preceding)
select f(x) over (order by a range between 1 preceding and 1 following)
select f(x) over (order by a groups between current row and unbounded following exclude ties)
select f(x) over (rows current row exclude current row), f(x) over (rows 1 preceding exclude group), f(x) over (rows 2 preceding exclude no others)
select f(x) over (rows unbounded following)
select f(x) over (rows 1 following)
select f(x) over (rows between unbounded following and current row)
select f(x) over (rows between current row and unbounded preceding)
select f(x) over (rows between current row and 1 preceding)
select f(x) over (rows between 1 following and current row)
select f(x) over (rows between 1 following and 1 preceding)
select f(x) over (rows between 1 and 2)
select f(x) over (rows between a + 1 preceding and b following)
select f(x) over (partition by a rows between 1 preceding and 1 following exclude current row)
select f(x) over (range a)
select f(x) over w1, f(y) over ()
select f(x) over (partition)
select f(x) over (rows)
select f(x) over (order by a nulls first)
select f(x) over (foo order by a)
select f(x) within
select f(x) filter
select f(x) over
select f(x)[1]
select f(x).y
select (f(x)).y, (f(x))[1]
select grouping(a, b), grouping(a)
select grouping, grouping + 1
select current_date, current_time, current_time(3), current_timestamp, current_timestamp(0)
select localtime, localtime(2), localtimestamp, localtimestamp(6)
select current_role, current_user, session_user, user, current_catalog, current_schema
select current_schema(), current_date(), current_user()
select user()
select current_time(a)
select collation for (a), collation for ('x')
select collation(a)
select collation
select extract(year from a), extract(epoch from a), extract('hour' from a), extract(month from a), extract(day from a), extract(minute from a), extract(second from a)
select extract(a)
select extract(foo bar from a)
select extract(century from a)
select extract
select position('a' in 'abc'), position(a || b in c)
select position(a in b in c)
select position(a)
select substring('abc' from 2), substring('abc' from 2 for 1), substring('abc' for 1), substring('abc' for 2 from 1)
select substring('abc', 1, 2), substring(a similar b escape c), substring(), substring(a => 1)
select substring(a from b from c)
select substring(a similar b)
select substring(a not similar b escape c)
select substring(a similar to b)
select trim(a), trim(both a), trim(leading a from b), trim(trailing from b), trim(both 'x' from b), trim(a, b), trim(from a, b)
select trim(leading)
select overlay(a placing b from 1), overlay(a placing b from 1 for 2), overlay(a, b), overlay()
select overlay(a placing b)
select normalize(a), normalize(a, nfc), normalize(a, nfkd)
select normalize(a, xyz)
select treat(a as int), treat(a as foo.bar)
select xmlelement(name foo), xmlconcat(a, b)
select unique (select 1)
select default
select a + default
select f(default)
select a from t where a = default
select 1 isnull + 1
select a notnull = true
select ()
select (1,)
select (,1)
select 1 +
select * 1
select 1 2
select a b c
select a.
select a..b
select .a
select 'a'::
select $1::int, $1 + $2
