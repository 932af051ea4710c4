-- bit(n) and bit varying(n): literals, input/output, typmods, casts,
-- operators, functions, ordering and indexes.
SELECT B'101', X'1F', B'', X'';
SELECT '101'::bit(3), '101'::varbit, '101'::varbit(5), 'x1f'::varbit, 'XaB'::bit(12);
SELECT B'101'::bit(5), B'10101'::bit(3), B'10101'::varbit(3);
SELECT pg_typeof(B'1'), pg_typeof(B'1' || B'0');
-- a literal cast is explicit: padded or truncated
SELECT '101'::bit(4);
SELECT '10101'::bit varying(3);
-- errors
SELECT B'102';
SELECT X'1G';
SELECT 'é'::varbit;
SELECT '101'::bit;
SELECT 1::bit(0);
CREATE TABLE bit_t (b bit(4), v varbit(6));
INSERT INTO bit_t VALUES (B'1010', B'11');
INSERT INTO bit_t VALUES (B'101', B'11');
INSERT INTO bit_t VALUES (B'1010', B'1111111');
INSERT INTO bit_t VALUES (B'0110', B'110011'), (B'1111', B''), (NULL, B'0'), (B'0000', B'1');
SELECT b, v, length(b), length(v), octet_length(v), bit_count(v) FROM bit_t ORDER BY b, v;
SELECT v FROM bit_t ORDER BY v DESC;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute
  WHERE attrelid = 'bit_t'::regclass AND attnum > 0 ORDER BY attnum;
CREATE INDEX bit_t_v ON bit_t (v);
SET enable_seqscan = off;
SELECT v FROM bit_t WHERE v > B'1' ORDER BY v;
RESET enable_seqscan;
-- comparisons
SELECT B'101' = B'101', B'101' = B'1010', B'101' < B'1010', B'11' > B'1010',
       B'0' < B'00', B'' < B'0', B'1' <> B'1', B'10' <= B'10', B'10' >= B'11';
SELECT bitcmp(B'101', B'101'), varbitcmp(B'10', B'100') < 0, varbitcmp(B'11', B'100') > 0;
-- bitwise operators
SELECT B'1100' & B'1010', B'1100' | B'1010', B'1100' # B'1010', ~ B'1100', ~ B'101';
SELECT B'101' & B'10';
SELECT B'101' | B'10';
SELECT B'101' # B'10';
SELECT B'10110' << 2, B'10110' >> 2, B'10110' << -1, B'10110' >> -1, B'10110' << 9,
       B'10110' >> 5, B'1' << 0;
SELECT B'101' || B'0011', B'' || B'1', X'F' || B'0';
-- functions
SELECT substring(B'1101011' FROM 2 FOR 3), substring(B'1101011' FROM 3),
       substring(B'1101011' FROM 0 FOR 3), substring(B'1101011' FROM 8),
       substring(B'1101011' FROM -5 FOR 3);
SELECT substring(B'1101011' FROM 2 FOR -1);
SELECT overlay(B'11111111' PLACING B'000' FROM 3), overlay(B'11111111' PLACING B'000' FROM 3 FOR 1),
       overlay(B'1111' PLACING B'00' FROM 4 FOR 5);
SELECT overlay(B'1111' PLACING B'00' FROM 0);
SELECT position(B'011' IN B'110110'), position(B'111' IN B'110110'), position(B'' IN B'1'),
       position(B'1' IN B''), position(B'1101101' IN B'11');
SELECT get_bit(B'10110', 0), get_bit(B'10110', 4), set_bit(B'10110', 1, 1), set_bit(B'10110', 0, 0);
SELECT get_bit(B'10110', 5);
SELECT get_bit(B'10110', -1);
SELECT set_bit(B'10110', 9, 1);
SELECT set_bit(B'10110', 1, 2);
SELECT length(B'10110'), octet_length(B'101101101'), bit_count(X'FF0F');
-- integer casts
SELECT 5::bit(8), (-1)::bit(4), 5::bit(3), 300::bit(4), (-2)::bit(40), 1::bit, 5::int8::bit(6);
SELECT 5::bigint::bit(70);
SELECT B'101'::int4, B'11111111111111111111111111111111'::int4, X'FF'::int8,
       X'FFFFFFFFFFFFFFFF'::int8, B''::int4;
SELECT X'1FFFFFFFF'::int4;
SELECT X'1FFFFFFFFFFFFFFFF'::int8;
-- bit <-> varbit
SELECT B'101'::varbit(2), B'101'::varbit(5), '101'::varbit::bit(5), '101'::varbit::bit(2);
SELECT CAST(B'1' AS bit varying) || B'0';
-- aggregates
SELECT bit_and(b), bit_or(b), bit_xor(b) FROM bit_t;
-- type modifiers
SELECT NULL::bit(0);
SELECT NULL::varbit(0);
SELECT NULL::bit(3, 4);
SELECT NULL::bit(83886080);
SELECT NULL::bit(83886081);
-- binary output: the bit count, then the bytes
SELECT bit_send(B'10110'), varbit_send(B'101101101'), varbit_send(B'');
-- a view prints one cast per conversion
CREATE VIEW bit_v AS SELECT 5::bit(8) AS a, 7::bigint::bit(4) AS c, v::bit(3) AS d,
  b::varbit(2) AS e FROM bit_t;
SELECT pg_get_viewdef('bit_v'::regclass);
SELECT format_type(atttypid, atttypmod) FROM pg_attribute
  WHERE attrelid = 'bit_v'::regclass AND attnum > 0 ORDER BY attnum;
DROP VIEW bit_v;
DROP TABLE bit_t;
