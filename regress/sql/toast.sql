--
-- TOAST: values compressed inline and moved out of line
--
CREATE TABLE toast_t (id int PRIMARY KEY, t text, b bytea, n int);
-- Every table that can hold a large value has its TOAST table, named
-- after the table's OID, in pg_toast.
SELECT reltoastrelid <> 0 AS has_toast FROM pg_class WHERE relname = 'toast_t';
SELECT c.relname = 'pg_toast_' || (SELECT oid FROM pg_class WHERE relname = 'toast_t')::text
         AS named_after_table,
       c.relkind, n.nspname
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.oid = (SELECT reltoastrelid FROM pg_class WHERE relname = 'toast_t');
SELECT a.attname, a.atttypid::regtype, a.attstorage
  FROM pg_attribute a
 WHERE a.attrelid = (SELECT reltoastrelid FROM pg_class WHERE relname = 'toast_t')
   AND a.attnum > 0
 ORDER BY a.attnum;
SELECT i.relname = 'pg_toast_' || (SELECT oid FROM pg_class WHERE relname = 'toast_t')::text
         || '_index' AS index_named_after_table,
       x.indisunique, x.indnatts
  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
 WHERE x.indrelid = (SELECT reltoastrelid FROM pg_class WHERE relname = 'toast_t');
-- Fixed-width and short bounded columns need none.
CREATE TABLE toast_small (a int, b varchar(10), c char(5));
SELECT reltoastrelid = 0 AS no_toast FROM pg_class WHERE relname = 'toast_small';

-- Rows 1..1280 in order, for data that does not compress: the md5 of
-- each number.  (Built by doubling rather than with generate_series,
-- which Tusk does not have yet.)
CREATE TABLE toast_seed (i int);
INSERT INTO toast_seed VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10);
INSERT INTO toast_seed SELECT i + 10 FROM toast_seed;
INSERT INTO toast_seed SELECT i + 20 FROM toast_seed;
INSERT INTO toast_seed SELECT i + 40 FROM toast_seed;
INSERT INTO toast_seed SELECT i + 80 FROM toast_seed;
INSERT INTO toast_seed SELECT i + 160 FROM toast_seed;
INSERT INTO toast_seed SELECT i + 320 FROM toast_seed;
INSERT INTO toast_seed SELECT i + 640 FROM toast_seed;
SELECT count(*), min(i), max(i) FROM toast_seed;
-- 4160 characters that do not compress: pglz looks back at most 4095
-- bytes, so repeating them does not help either.  (A literal expression:
-- Tusk has no string_agg or generate_series yet.)
CREATE TABLE toast_rand (x text);
INSERT INTO toast_rand VALUES (
       md5('1') || md5('2') || md5('3') || md5('4') || md5('5') || md5('6') || md5('7') || md5('8') || md5('9') || md5('10') ||
       md5('11') || md5('12') || md5('13') || md5('14') || md5('15') || md5('16') || md5('17') || md5('18') || md5('19') || md5('20') ||
       md5('21') || md5('22') || md5('23') || md5('24') || md5('25') || md5('26') || md5('27') || md5('28') || md5('29') || md5('30') ||
       md5('31') || md5('32') || md5('33') || md5('34') || md5('35') || md5('36') || md5('37') || md5('38') || md5('39') || md5('40') ||
       md5('41') || md5('42') || md5('43') || md5('44') || md5('45') || md5('46') || md5('47') || md5('48') || md5('49') || md5('50') ||
       md5('51') || md5('52') || md5('53') || md5('54') || md5('55') || md5('56') || md5('57') || md5('58') || md5('59') || md5('60') ||
       md5('61') || md5('62') || md5('63') || md5('64') || md5('65') || md5('66') || md5('67') || md5('68') || md5('69') || md5('70') ||
       md5('71') || md5('72') || md5('73') || md5('74') || md5('75') || md5('76') || md5('77') || md5('78') || md5('79') || md5('80') ||
       md5('81') || md5('82') || md5('83') || md5('84') || md5('85') || md5('86') || md5('87') || md5('88') || md5('89') || md5('90') ||
       md5('91') || md5('92') || md5('93') || md5('94') || md5('95') || md5('96') || md5('97') || md5('98') || md5('99') || md5('100') ||
       md5('101') || md5('102') || md5('103') || md5('104') || md5('105') || md5('106') || md5('107') || md5('108') || md5('109') || md5('110') ||
       md5('111') || md5('112') || md5('113') || md5('114') || md5('115') || md5('116') || md5('117') || md5('118') || md5('119') || md5('120') ||
       md5('121') || md5('122') || md5('123') || md5('124') || md5('125') || md5('126') || md5('127') || md5('128') || md5('129') || md5('130'));
SELECT length(x), md5(x) FROM toast_rand;
-- Compressible: stored compressed inline.  Incompressible: out of line.
INSERT INTO toast_t VALUES (1, repeat('x', 100000), NULL, 1);
INSERT INTO toast_t SELECT 2, repeat(x, 8), NULL, 2 FROM toast_rand;
INSERT INTO toast_t VALUES (3, NULL, repeat('ab', 50000)::bytea, 3);
INSERT INTO toast_t SELECT 4, repeat('abc', 300000), repeat(x, 4)::bytea, 4 FROM toast_rand;
INSERT INTO toast_t VALUES (5, 'short', '\x0102', 5);
SELECT id, length(t), octet_length(t), pg_column_size(t), pg_column_compression(t),
       length(b), pg_column_size(b), pg_column_compression(b)
  FROM toast_t ORDER BY id;
SELECT id, md5(t), md5(b), substr(t, 31990, 20), left(t, 10), right(t, 5)
  FROM toast_t ORDER BY id;
SELECT t = repeat('x', 100000) AS same FROM toast_t WHERE id = 1;
SELECT t = repeat('abc', 300000) AS same, t > repeat('abc', 299999) AS greater
  FROM toast_t WHERE id = 4;

-- Comparison, hashing, sorting and grouping read the values.
SELECT a.id, b.id FROM toast_t a JOIN toast_t b ON a.t = b.t ORDER BY 1;
SELECT id FROM toast_t ORDER BY t, id;
SELECT md5(t), count(*) FROM toast_t GROUP BY t ORDER BY 1;
SELECT length(t || t), length(upper(t)), strpos(t, 'abd') FROM toast_t WHERE id = 2;

-- UPDATE of another column keeps the value (and its chunks).
UPDATE toast_t SET n = n + 10 WHERE id IN (1, 2, 4);
SELECT id, n, length(t), pg_column_size(t), md5(t), pg_column_size(b), md5(b)
  FROM toast_t ORDER BY id;
-- UPDATE of the value itself stores the new one.
UPDATE toast_t SET t = t || 'y' WHERE id = 2;
UPDATE toast_t SET b = b || '\xff'::bytea WHERE id = 4;
SELECT id, length(t), pg_column_size(t), md5(t), length(b), md5(b)
  FROM toast_t WHERE id IN (2, 4) ORDER BY id;
DELETE FROM toast_t WHERE id = 3;
SELECT id FROM toast_t ORDER BY id;
BEGIN;
INSERT INTO toast_t VALUES (6, repeat(md5('a'), 5000), NULL, 6);
SELECT length(t) FROM toast_t WHERE id = 6;
ROLLBACK;
SELECT count(*) FROM toast_t;
VACUUM toast_t;
SELECT id, length(t), md5(t) FROM toast_t ORDER BY id;

-- Copying rows copies the values, not the pointers.
CREATE TABLE toast_copy (id int, t text, b bytea, n int);
INSERT INTO toast_copy SELECT * FROM toast_t;
CREATE TABLE toast_ctas AS SELECT id, t FROM toast_t;
SELECT reltoastrelid <> 0 AS has_toast FROM pg_class WHERE relname = 'toast_ctas';
DROP TABLE toast_t;
SELECT id, length(t), md5(t), md5(b) FROM toast_copy ORDER BY id;
SELECT id, length(t), md5(t) FROM toast_ctas ORDER BY id;
-- COPY TO and client output of a value stored out of line.
CREATE TABLE toast_out (t text);
INSERT INTO toast_out SELECT left(x, 2240) FROM toast_rand;
SELECT pg_column_size(t), pg_column_compression(t) FROM toast_out;
COPY toast_out TO STDOUT;
SELECT * FROM toast_out;

-- TRUNCATE empties the TOAST table with the table.
TRUNCATE toast_copy;
INSERT INTO toast_copy VALUES (7, repeat('z', 5000) || md5('q'), NULL, 7);
SELECT id, length(t), pg_column_size(t) FROM toast_copy;

-- Arrays are toasted like any varlena.
CREATE TABLE toast_arr (a int[]);
INSERT INTO toast_arr SELECT ('{' || repeat('12345,', 2000) || '6}')::int[];
SELECT pg_column_size(a), pg_column_compression(a), length(a::text), md5(a::text)
  FROM toast_arr;

-- Index entries hold the values, never TOAST pointers: a large value is
-- compressed into the entry, one that stays too large is refused.
CREATE TABLE toast_idx (k text);
CREATE INDEX toast_idx_k ON toast_idx (k);
INSERT INTO toast_idx VALUES (repeat('a', 5000)), (repeat('b', 100000)), ('c');
SELECT length(k) FROM toast_idx WHERE k = repeat('b', 100000);
SELECT length(k) FROM toast_idx WHERE k > 'b' ORDER BY k;
INSERT INTO toast_idx SELECT left(x, 3200) FROM toast_rand;

DROP TABLE toast_seed, toast_rand, toast_small, toast_copy, toast_ctas, toast_out, toast_arr, toast_idx;
