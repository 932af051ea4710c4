--
-- inet and cidr: input and output, casts, functions, operators, indexes
--
CREATE TABLE inet_tbl (c cidr, i inet);
INSERT INTO inet_tbl (c, i) VALUES
  ('192.168.1', '192.168.1.226/24'),
  ('192.168.1.0/26', '192.168.1.226'),
  ('192.168.1', '192.168.1.0/24'),
  ('192.168.1', '192.168.1.0/25'),
  ('192.168.1', '192.168.1.255/24'),
  ('192.168.1', '192.168.1.255/25'),
  ('10', '10.1.2.3/8'),
  ('10.0.0.0', '10.1.2.3/8'),
  ('10.1.2.3', '10.1.2.3/32'),
  ('10.1.2', '10.1.2.3/24'),
  ('10.1', '10.1.2.3/16'),
  ('10', '10.1.2.3/8'),
  ('10', '11.1.2.3/8'),
  ('10', '9.1.2.3/8'),
  ('10:23::f1', '10:23::f1/64'),
  ('10:23::8000/113', '10:23::ffff'),
  ('::ffff:1.2.3.4', '::4.3.2.1/24');
SELECT c AS cidr, i AS inet FROM inet_tbl;

-- input forms
SELECT '1.2.3.4'::inet, '1.2.3.4/31'::inet, '1.2.3.4/0'::inet, '1.2.3.4.'::inet;
SELECT '10'::cidr, '128'::cidr, '192'::cidr, '224'::cidr, '224.1'::cidr, '240'::cidr;
SELECT '10.1.2.0/24'::cidr, '0x0a'::cidr, '0.0.0.0/0'::cidr, '1.2.3.4'::cidr;
SELECT '::'::inet, '::1'::inet, '::2'::inet, '1::'::inet, '1::2'::inet, '1:0:0:2::3'::inet;
SELECT '::ffff:10.1.2.3'::inet, '::10.1.2.3/120'::inet, 'ABCD:EF01::'::inet,
       '1:2:3:4:5:6:7:8'::inet, '1:0:2:0:3:0:4:0'::inet, 'fe80::1:0:0:0:1/64'::inet;
SELECT '2001:db8::/32'::cidr, '::/0'::cidr, '::ffff:0:0/96'::cidr;
SELECT ''::inet;
SELECT '1.2.3'::inet;
SELECT '1.2.3.4/33'::inet;
SELECT '1.2.3.256'::inet;
SELECT '1.2.3.4/'::inet;
SELECT 'foo'::inet;
SELECT '1:2:3:4:5:6:7:8:9'::inet;
SELECT '1::2::3'::inet;
SELECT '::1/129'::inet;
SELECT '1.2.3.4 '::inet;
SELECT '192.168.1.2/24'::cidr;
SELECT '1:2::1/64'::cidr;
SELECT '10.1.2.3/16'::cidr;
SELECT 'x'::cidr;

-- functions
SELECT c, i, host(i), text(i), text(c), masklen(i), family(i), abbrev(i), abbrev(c)
  FROM inet_tbl ORDER BY c, i;
SELECT i, network(i), broadcast(i), netmask(i), hostmask(i) FROM inet_tbl ORDER BY i;
SELECT abbrev('10.1.0.0/16'::cidr), abbrev('10.1.128.0/17'::cidr), abbrev('0.0.0.0/0'::cidr),
       abbrev('2001:db8::/32'::cidr), abbrev('::/0'::cidr), abbrev('1:2:3:4::/64'::cidr),
       abbrev('::ffff:1.2.0.0/112'::cidr), abbrev('1:0:2::/48'::cidr);
SELECT set_masklen('192.168.1.5/24'::inet, 16), set_masklen('192.168.1.5'::inet, -1),
       set_masklen('192.168.1.0/24'::cidr, 16), set_masklen('::1'::inet, 64),
       set_masklen('2001:db8::/32'::cidr, -1);
SELECT set_masklen('1.2.3.4'::inet, 33);
SELECT set_masklen('::'::cidr, 129);
SELECT cidr('192.168.1.5/24'::inet), cidr('::1/64'::inet), '1.2.3.4/8'::inet::cidr;
SELECT '10.0.0.0/8'::cidr::inet, '1.2.3.4/8'::inet::text, '1.2.3.4'::inet::varchar,
       '1.2.3.0/24'::cidr::text, '1.2.3.4/8'::text::inet;
SELECT inet_same_family('1.2.3.4', '::1'), inet_same_family('1.2.3.4', '5.6.7.8');
SELECT inet_merge('192.168.1.5/24', '192.168.2.5/24'), inet_merge('10.0.0.1', '10.0.0.1'),
       inet_merge('2001:db8::1', '2001:db8:1::');
SELECT inet_merge('1.2.3.4', '::1');

-- operators
SELECT i, c, i < c AS lt, i <= c AS le, i = c AS eq, i >= c AS ge, i > c AS gt, i <> c AS ne,
       i << c AS sb, i <<= c AS sbe, i >> c AS sup, i >>= c AS spe, i && c AS ovr
  FROM inet_tbl ORDER BY i, c;
SELECT '10.1.2.3'::inet << '10.0.0.0/8', '10.0.0.0/8'::cidr >> '10.1.2.3',
       '::1'::inet << '10.0.0.0/8', '2001:db8::1'::inet <<= '2001:db8::/32';
SELECT ~'192.168.1.6'::inet, '192.168.1.6'::inet & '0.0.0.255', '192.168.1.6'::inet | '0.0.0.255',
       ~'::1'::inet, '::1'::inet & 'ffff::ffff', '::1'::inet | 'ffff::';
SELECT '1.2.3.4'::inet & '::1';
SELECT '1.2.3.4'::inet | '::1';
SELECT '192.168.1.6'::inet + 25, 25 + '192.168.1.6'::inet, '192.168.1.6'::inet - 6,
       '192.168.1.6/24'::inet + 300, '::1'::inet + 65535, '::ffff'::inet + 1, '10.0.0.0'::inet - -1;
SELECT '255.255.255.255'::inet + 1;
SELECT '0.0.0.0'::inet - 1;
SELECT 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'::inet + 1;
SELECT '::'::inet - 1;
SELECT '192.168.1.43'::inet - '192.168.1.19', '192.168.1.19'::inet - '192.168.1.43',
       '255.255.255.255'::inet - '0.0.0.0', '::ffff:ffff'::inet - '::1',
       '::1'::inet - '::8000:0:0:0';
SELECT '::1'::inet - '1:2::';
SELECT '1.2.3.4'::inet - '::1';

-- ordering, min/max, DISTINCT, comparison across families and masks
SELECT i FROM inet_tbl ORDER BY i DESC;
SELECT min(i), max(i), min(c), max(c) FROM inet_tbl;
SELECT DISTINCT c FROM inet_tbl ORDER BY 1;
SELECT '1.2.3.4/24'::inet < '1.2.3.4/25', '1.2.3.4'::inet < '::1',
       '1.2.3.5/24'::inet > '1.2.3.4/24', network_cmp('1.2.3.4', '1.2.3.4');

-- indexes
CREATE INDEX inet_tbl_i_idx ON inet_tbl (i);
CREATE INDEX inet_tbl_c_idx ON inet_tbl (c);
SET enable_seqscan = off;
SELECT i FROM inet_tbl WHERE i >= '10.1.2.3/8' AND i < '192.168.1.0/24' ORDER BY i;
SELECT i FROM inet_tbl WHERE c = '10.0.0.0/8' ORDER BY i;
RESET enable_seqscan;
CREATE TABLE inet_pk (a inet PRIMARY KEY, b cidr UNIQUE);
INSERT INTO inet_pk VALUES ('10.0.0.1', '10.0.0.0/8'), ('10.0.0.1/8', '10.0.0.0/16');
INSERT INTO inet_pk VALUES ('10.0.0.1', '11.0.0.0/8');
INSERT INTO inet_pk VALUES ('12.0.0.1', '10.0.0.0/16');
SELECT * FROM inet_pk ORDER BY a;
SELECT i, count(*) FROM inet_tbl GROUP BY i ORDER BY i;

-- arrays
SELECT '{1.2.3.4,::1/64,10.0.0.0/8}'::inet[], '{10/8,192.168.1}'::cidr[];

DROP TABLE inet_tbl, inet_pk;
