-- The hash support functions: the same values as PostgreSQL (hash joins,
-- hash indexes and partitioning depend on them).
SELECT hashint4(0), hashint4(1), hashint4(-1), hashint4(123456789);
SELECT hashint8(1), hashint8(-1), hashint8(5000000000), hashint2(7::int2);
SELECT hashtext(''), hashtext('a'), hashtext('hello world'), hashtext('abcdefghijklmnopqrstuvwxyz');
SELECT hashbpchar('ab  '::char(4)), hashname('pg_class'), hashoid(1259), hashchar('x');
SELECT hashfloat8(0), hashfloat8(-0.0), hashfloat8(1.5), hashfloat4(1.5), hashfloat8('NaN');
SELECT hashint4extended(1, 0), hashint4extended(1, 42), hashtextextended('abc', 7), hashint8extended(-5, 3);
SELECT hash_numeric(1.5), hash_numeric(0);
