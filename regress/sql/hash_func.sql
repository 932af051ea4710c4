-- The hash support functions: the same values as PostgreSQL (hash joins,
-- hash indexes and partitioning depend on them).
SELECT hashint4(0), hashint4(1), hashint4(-1), hashint4(123456789);
SELECT hashint8(1), hashint8(-1), hashint8(5000000000), hashint2(7::int2);
SELECT hashtext(''), hashtext('a'), hashtext('hello world'), hashtext('abcdefghijklmnopqrstuvwxyz');
SELECT hashbpchar('ab  '::char(4)), hashname('pg_class'), hashoid(1259), hashchar('x');
SELECT hashfloat8(0), hashfloat8(-0.0), hashfloat8(1.5), hashfloat4(1.5), hashfloat8('NaN');
SELECT hashint4extended(1, 0), hashint4extended(1, 42), hashtextextended('abc', 7), hashint8extended(-5, 3);
SELECT hash_numeric(1.5), hash_numeric(0);
-- date/time types: as integers, timetz with its zone, interval by its comparison value
SELECT hashint4('2024-02-29'::date - '2000-01-01'::date), time_hash('12:34:56.789'), timetz_hash('12:34:56+05:30');
SELECT timestamp_hash('2024-02-29 12:00:00'), timestamp_hash_extended('2024-02-29 12:00:00', 7);
SELECT interval_hash('1 mon'), interval_hash('30 days'), interval_hash('1 day -3 hours 5.5 seconds');
SELECT interval_hash_extended('1 year', 1), time_hash_extended('23:59:59', 3), timetz_hash_extended('00:00:01-08', 2);
