SELECT abalance FROM pgbench_accounts WHERE aid = $1
UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2
INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)
BEGIN
select l_returnflag, l_linestatus, sum(l_quantity) as sum_qty, sum(l_extendedprice * (1 - l_discount)) as sum_disc_price, avg(l_discount) as avg_disc, count(*) as count_order from lineitem where l_shipdate <= date '1998-12-01' - interval '90' day group by l_returnflag, l_linestatus order by l_returnflag, l_linestatus
select c.relname, n.nspname, a.attname, format_type(a.atttypid, a.atttypmod) from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped where c.relkind in ('r', 'v', 'm') and n.nspname !~ '^pg_' and pg_catalog.pg_table_is_visible(c.oid) order by 1, 2, a.attnum
create table pgbench_accounts (aid int not null primary key, bid int references pgbench_branches, abalance int default 0, filler char(84)) with (fillfactor = 100)
select * from t where id in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50)
