-- The uuid type: input spellings, output, comparisons, indexes, hashing,
-- gen_random_uuid().
CREATE TABLE guid1 (guid_field uuid, text_field text DEFAULT(now()));
CREATE TABLE guid2 (guid_field uuid, text_field text DEFAULT(now()));

-- inputs too long, too short, with misplaced hyphens or bad characters
INSERT INTO guid1(guid_field) VALUES('11111111-1111-1111-1111-111111111111F');
INSERT INTO guid1(guid_field) VALUES('{11111111-1111-1111-1111-11111111111}');
INSERT INTO guid1(guid_field) VALUES('11111111-1111-1111-G111-111111111111');
INSERT INTO guid1(guid_field) VALUES('11+11111-1111-1111-1111-111111111111');
INSERT INTO guid1(guid_field) VALUES('{11111111-1111-1111-1111-111111111111');
INSERT INTO guid1(guid_field) VALUES('111-11111-1111-1111-1111-111111111111');
INSERT INTO guid1(guid_field) VALUES('');
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-'::uuid;
SELECT '-a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid;

-- the accepted spellings
SELECT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid;
SELECT '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::uuid;
SELECT 'a0eebc999c0b4ef8bb6d6bb9bd380a11'::uuid;
SELECT 'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11'::uuid;
SELECT '{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}'::uuid;

-- inserting valid values
INSERT INTO guid1(guid_field) VALUES('11111111-1111-1111-1111-111111111111');
INSERT INTO guid1(guid_field) VALUES('{22222222-2222-2222-2222-222222222222}');
INSERT INTO guid1(guid_field) VALUES('3f3e3c3b3a3039383736353433a2313e');
SELECT guid_field FROM guid1 ORDER BY guid_field ASC;
SELECT guid_field FROM guid1 ORDER BY guid_field DESC;

-- comparisons
SELECT COUNT(*) FROM guid1 WHERE guid_field = '3f3e3c3b-3a30-3938-3736-353433a2313e';
SELECT COUNT(*) FROM guid1 WHERE guid_field <> '11111111111111111111111111111111';
SELECT COUNT(*) FROM guid1 WHERE guid_field < '22222222-2222-2222-2222-222222222222';
SELECT COUNT(*) FROM guid1 WHERE guid_field <= '22222222-2222-2222-2222-222222222222';
SELECT COUNT(*) FROM guid1 WHERE guid_field > '22222222-2222-2222-2222-222222222222';
SELECT COUNT(*) FROM guid1 WHERE guid_field >= '22222222-2222-2222-2222-222222222222';
SELECT uuid_cmp('11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222'),
       uuid_cmp('ffffffff-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222'),
       uuid_cmp('ffffffff-1111-1111-1111-111111111111', 'FFFFFFFF-1111-1111-1111-111111111111');

-- btree and hash indexes
CREATE INDEX guid1_btree ON guid1 USING BTREE (guid_field);
-- (no hash index: Tusk has no hash access method yet; the hash opclass serves hash joins
-- and hashed aggregation below)
CREATE UNIQUE INDEX guid1_unique_BTREE ON guid1 USING BTREE (guid_field);
INSERT INTO guid1(guid_field) VALUES('11111111-1111-1111-1111-111111111111');
SET enable_seqscan = off;
SELECT COUNT(*) FROM guid1 WHERE guid_field = '11111111-1111-1111-1111-111111111111';
SELECT guid_field FROM guid1 WHERE guid_field > '11111111-1111-1111-1111-111111111111' ORDER BY 1;
RESET enable_seqscan;

-- a uuid primary key and a join
CREATE TABLE uuid_pk (id uuid PRIMARY KEY, note text);
INSERT INTO uuid_pk VALUES ('11111111-1111-1111-1111-111111111111', 'one'),
  ('22222222-2222-2222-2222-222222222222', 'two');
INSERT INTO uuid_pk VALUES ('{11111111111111111111111111111111}', 'again');
INSERT INTO guid2(guid_field) VALUES('11111111-1111-1111-1111-111111111111');
INSERT INTO guid2(guid_field) VALUES('{22222222-2222-2222-2222-222222222222}');
INSERT INTO guid2(guid_field) VALUES('3f3e3c3b3a3039383736353433a2313e');
SELECT COUNT(*) FROM guid1 g1 INNER JOIN guid2 g2 ON g1.guid_field = g2.guid_field;
SELECT COUNT(*) FROM guid1 g1 LEFT JOIN guid2 g2 ON g1.guid_field = g2.guid_field WHERE g2.guid_field IS NULL;
SELECT p.note, g.guid_field FROM uuid_pk p JOIN guid2 g ON g.guid_field = p.id ORDER BY p.note;

-- hashing (hash joins, DISTINCT, GROUP BY) and the hash functions' values
SELECT uuid_hash('11111111-1111-1111-1111-111111111111'),
       uuid_hash_extended('11111111-1111-1111-1111-111111111111', 0),
       uuid_hash_extended('11111111-1111-1111-1111-111111111111', 1);
SELECT guid_field, count(*) FROM (SELECT guid_field FROM guid1 UNION ALL SELECT guid_field FROM guid2) s
  GROUP BY guid_field ORDER BY guid_field;
SELECT DISTINCT guid_field FROM guid1 ORDER BY 1;

-- gen_random_uuid: version 4, variant 10, a new value each call
TRUNCATE guid1;
INSERT INTO guid1 (guid_field) VALUES (gen_random_uuid());
INSERT INTO guid1 (guid_field) VALUES (gen_random_uuid());
SELECT count(DISTINCT guid_field) FROM guid1;
SELECT substr(guid_field::text, 15, 1) AS version,
       substr(guid_field::text, 20, 1) IN ('8', '9', 'a', 'b') AS variant_ok,
       length(guid_field::text) FROM guid1;

-- casts to and from text, arrays of uuid
SELECT '11111111-1111-1111-1111-111111111111'::uuid::text,
       'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::text::uuid;
SELECT ARRAY['11111111-1111-1111-1111-111111111111', '{A0EEBC999C0B4EF8BB6D6BB9BD380A11}']::uuid[];
SELECT '{11111111-1111-1111-1111-111111111111,NULL}'::uuid[];
SELECT (ARRAY['11111111-1111-1111-1111-111111111111']::uuid[])[1] = '11111111-1111-1111-1111-111111111111';
SELECT '{bogus}'::uuid[];
SELECT pg_typeof(gen_random_uuid()), max(guid_field::text) IS NOT NULL FROM guid1;

DROP TABLE guid1, guid2, uuid_pk CASCADE;
