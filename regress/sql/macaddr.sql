--
-- macaddr and macaddr8: every input notation PostgreSQL accepts and the
-- errors for the rest, output, comparison and btree/hash indexes, trunc,
-- the bitwise operators, macaddr8_set7bit and the casts between them.
--
SELECT '08:00:2b:01:02:03'::macaddr;
SELECT '08-00-2b-01-02-03'::macaddr;
SELECT '08002b:010203'::macaddr;
SELECT '08002b-010203'::macaddr;
SELECT '0800.2b01.0203'::macaddr;
SELECT '0800-2b01-0203'::macaddr;
SELECT '08002b010203'::macaddr;
SELECT 'AB:CD:EF:0A:0B:0C'::macaddr;
SELECT '8:0:2b:1:2:3'::macaddr;
SELECT '  08:00:2b:01:02:03  '::macaddr;
SELECT '0x8:0:2b:1:2:3'::macaddr;
SELECT ' 8 : 0 :2b:1:2:3'::macaddr;
-- Errors.
SELECT '08:00:2b:01:02'::macaddr;
SELECT '08:00:2b:01:02:03:04'::macaddr;
SELECT '08:00:2b:01:02:0g'::macaddr;
SELECT '08:00:2b:01:02:03 x'::macaddr;
SELECT '08:00:2b:01:02:100'::macaddr;
SELECT '08:00:2b:01:02:-1'::macaddr;
SELECT '08.00.2b.01.02.03'::macaddr;
SELECT '0800:2b01:0203'::macaddr;
SELECT ''::macaddr;

SELECT '08:00:2b:01:02:03:04:05'::macaddr8;
SELECT '08-00-2b-01-02-03-04-05'::macaddr8;
SELECT '08.00.2b.01.02.03.04.05'::macaddr8;
SELECT '08002b0102030405'::macaddr8;
SELECT '0800:2b01:0203:0405'::macaddr8;
SELECT '0800.2b01.0203.0405'::macaddr8;
SELECT '08002b:0102030405'::macaddr8;
SELECT '08:00:2b:01:02:03'::macaddr8;
SELECT '08002b010203'::macaddr8;
SELECT '  08:00:2B:01:02:03:04:05  '::macaddr8;
SELECT '08:00:2b:01:02:03 '::macaddr8;
-- Errors.
SELECT '08:00:2b:01:02:03:04'::macaddr8;
SELECT '08:00:2b:01:02:03:04:05:06'::macaddr8;
SELECT '08:00-2b:01:02:03:04:05'::macaddr8;
SELECT '08:00:2b:01:02:03 04'::macaddr8;
SELECT '08:00:2b:01:02:0x:04:05'::macaddr8;
SELECT '8:0:2b:1:2:3'::macaddr8;
SELECT ''::macaddr8;
SELECT '08:00:2b:01:02:03:04:05:'::macaddr8;

CREATE TABLE mac_t (id int, a macaddr, b macaddr8);
INSERT INTO mac_t VALUES
  (1, '08:00:2b:01:02:03', '08:00:2b:01:02:03:04:05'),
  (2, '08:00:2b:01:02:04', '08:00:2b:ff:fe:01:02:03'),
  (3, '08:00:2a:01:02:03', '08:00:2a:01:02:03:04:05'),
  (4, 'ff:ff:ff:ff:ff:ff', 'ff:ff:ff:ff:ff:ff:ff:ff'),
  (5, '00:00:00:00:00:00', '00:00:00:00:00:00:00:00'),
  (6, NULL, NULL),
  (7, '08:00:2b:01:02:03', '08:00:2b:01:02:03:04:06');
SELECT * FROM mac_t ORDER BY a, id;
SELECT * FROM mac_t ORDER BY b DESC, id;
SELECT a, count(*) FROM mac_t GROUP BY a ORDER BY a;
SELECT DISTINCT b FROM mac_t ORDER BY 1;
SELECT x.id, y.id FROM mac_t x JOIN mac_t y ON x.a = y.a AND x.id < y.id;
SELECT id FROM mac_t WHERE a < '08:00:2b:01:02:04' ORDER BY id;
SELECT id FROM mac_t WHERE b >= '08:00:2b:01:02:03:04:05' ORDER BY id;
SELECT a = '08:00:2b:01:02:03' AS eq, a <> '08:00:2b:01:02:03' AS ne,
       a < '08:00:2b:01:02:03' AS lt, a <= '08:00:2b:01:02:03' AS le,
       a > '08:00:2b:01:02:03' AS gt, a >= '08:00:2b:01:02:03' AS ge
  FROM mac_t WHERE id IN (1, 2, 3) ORDER BY id;
SELECT macaddr_cmp('08:00:2b:01:02:03', '08:00:2b:01:02:04'),
       macaddr_cmp('08:00:2b:01:02:04', '08:00:2b:01:02:03'),
       macaddr_cmp('08:00:2b:01:02:03', '08:00:2b:01:02:03');
SELECT macaddr8_cmp('08:00:2b:01:02:03:04:05', '08:00:2b:01:02:03:04:06'),
       macaddr8_cmp('ff:00:2b:01:02:03:04:05', '08:00:2b:01:02:03:04:06');

-- Hashes are PostgreSQL's.
SELECT hashmacaddr('08:00:2b:01:02:03'), hashmacaddrextended('08:00:2b:01:02:03', 0),
       hashmacaddrextended('08:00:2b:01:02:03', 42);
SELECT hashmacaddr8('08:00:2b:01:02:03:04:05'),
       hashmacaddr8extended('08:00:2b:01:02:03:04:05', 0),
       hashmacaddr8extended('08:00:2b:01:02:03:04:05', 42);

-- Indexes.
CREATE INDEX mac_t_a ON mac_t (a);
CREATE UNIQUE INDEX mac_t_b ON mac_t (b);
SET enable_seqscan = off;
SELECT id FROM mac_t WHERE a = '08:00:2b:01:02:03' ORDER BY id;
SELECT id, b FROM mac_t WHERE b > '08:00:2b:00:00:00:00:00' ORDER BY b;
RESET enable_seqscan;
INSERT INTO mac_t VALUES (8, NULL, '08:00:2b:01:02:03:04:05');

-- trunc, bitwise operators, set7bit.
SELECT trunc(a), trunc(b) FROM mac_t WHERE id = 1;
SELECT ~a, a & '0f:0f:0f:0f:0f:0f', a | 'f0:00:00:00:00:01' FROM mac_t WHERE id = 1;
SELECT ~b, b & '0f:0f:0f:0f:0f:0f:0f:0f', b | 'f0:00:00:00:00:00:00:01' FROM mac_t WHERE id = 1;
SELECT macaddr8_set7bit('00:08:2b:01:02:03:04:05'), macaddr8_set7bit('02:08:2b:01:02:03:04:05');

-- Casts both ways.
SELECT a::macaddr8 FROM mac_t WHERE id IN (1, 4) ORDER BY id;
SELECT '08:00:2b:ff:fe:01:02:03'::macaddr8::macaddr;
SELECT '08:00:2b:01:02:03:04:05'::macaddr8::macaddr;
SELECT macaddr8('12:34:56:78:9a:bc'::macaddr), macaddr('12:34:56:ff:fe:78:9a:bc'::macaddr8);
SELECT id FROM mac_t WHERE b = a ORDER BY id;
SELECT a::text, b::text, 'ab:cd:ef:01:02:03'::text::macaddr FROM mac_t WHERE id = 1;
SELECT ARRAY['08:00:2b:01:02:03', '0800.2b01.0204']::macaddr[];
SELECT pg_typeof('08:00:2b:01:02:03'::macaddr), pg_typeof('08:00:2b:01:02:03'::macaddr8);

DROP TABLE mac_t;
