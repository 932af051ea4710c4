-- The jsonb type: input as PostgreSQL stores it (keys sorted and
-- deduplicated, numbers as numeric), its errors, output spacing,
-- ordering, hashing, indexes, casts, operators and functions.

-- input and output
SELECT '{"b": 1, "a": 2, "aa": 3, "a": 4}'::jsonb;
SELECT '{"key": [1, 2.50, -0.0, 1e3, 1.5E-3, 12345678901234567890.123], "x": {"z": null, "y": true}}'::jsonb;
SELECT '  [ ]'::jsonb, '{}'::jsonb, '"a\u0041\n\t\"\\"'::jsonb, '"\ud83d\ude00"'::jsonb, '"é"'::jsonb;
SELECT '1'::jsonb, '-1.50'::jsonb, 'null'::jsonb, 'false'::jsonb, '"x"'::jsonb;
SELECT '{"a": 1,}'::jsonb;
SELECT '[1, 2'::jsonb;
SELECT 'nul'::jsonb;
SELECT '"\u0000"'::jsonb;
SELECT '"\ud83d"'::jsonb;
SELECT '"\ude00"'::jsonb;
SELECT '"\ud83d\ud83d"'::jsonb;
SELECT '"\ud83dx"'::jsonb;
SELECT E'{"a":\n  [1,\n   2 3]}'::jsonb;

-- jsonb_typeof, jsonb_pretty
SELECT jsonb_typeof('{}'), jsonb_typeof('[]'), jsonb_typeof('"x"'), jsonb_typeof('1.5'),
       jsonb_typeof('true'), jsonb_typeof('null');
SELECT jsonb_pretty('{"a": [1, {"b": null, "c": []}], "d": {}, "e": "x"}');
SELECT jsonb_pretty('[]'), jsonb_pretty('1'), jsonb_pretty('"s"');

-- equality and ordering: null < string < number < boolean < array < object,
-- arrays and objects by size first
SELECT '1'::jsonb = '1.00'::jsonb, '{"a": 1, "b": 2}'::jsonb = '{"b": 2, "a": 1}'::jsonb,
       '[1, 2]'::jsonb = '[2, 1]'::jsonb, '"a"'::jsonb <> '"b"'::jsonb;
CREATE TABLE jsonb_order (j jsonb);
INSERT INTO jsonb_order VALUES ('null'), ('"b"'), ('"a"'), ('"ab"'), ('1'), ('-1'), ('1.5'), ('true'),
  ('false'), ('[]'), ('[1]'), ('[2]'), ('[1, 2]'), ('[[1]]'), ('[null]'), ('[{}]'), ('{}'),
  ('{"a": 1}'), ('{"b": 0}'), ('{"a": 2}'), ('{"a": 1, "b": 1}'), ('{"aa": 1}'), ('[true]'), ('["x"]');
SELECT j FROM jsonb_order ORDER BY j;
SELECT j FROM jsonb_order ORDER BY j DESC LIMIT 3;
SELECT jsonb_cmp('[1]', '1'), jsonb_cmp('[]', 'null'), jsonb_cmp('{}', '[1, 2, 3]'),
       '[1]'::jsonb > '"x"'::jsonb, '{"a": 1}'::jsonb < '{"a": 1, "b": 0}'::jsonb;
SELECT min(j), max(j) FROM jsonb_order WHERE jsonb_typeof(j) <> 'object';

-- hashing: equal values hash alike (1 and 1.0); hash joins, DISTINCT, GROUP BY
SELECT jsonb_hash('1') = jsonb_hash('1.0'), jsonb_hash('{"a": [1, "x"]}'), jsonb_hash('[]'),
       jsonb_hash('null'), jsonb_hash('"x"'), jsonb_hash('{"a": true, "b": null}'),
       jsonb_hash_extended('{"a": [1, "x"]}', 0), jsonb_hash_extended('[1]', 1), jsonb_hash_extended('{}', 7);
SELECT count(DISTINCT j) FROM jsonb_order;
SELECT j, count(*) FROM (VALUES ('1'::jsonb), ('1.0'), ('{"a":1}'), ('{"a":1.00}'), ('[]')) v(j) GROUP BY j ORDER BY j;

-- btree and hash indexes on a jsonb column
CREATE INDEX jsonb_order_btree ON jsonb_order (j);
-- (no hash index: Tusk has no hash access method yet; the hash opclass serves hash joins
-- and hashed aggregation below)
SET enable_seqscan = off;
SELECT j FROM jsonb_order WHERE j = '{"a": 1}';
SELECT j FROM jsonb_order WHERE j > '{"a": 1}' ORDER BY j;
RESET enable_seqscan;
CREATE TABLE jsonb_pk (doc jsonb PRIMARY KEY);
INSERT INTO jsonb_pk VALUES ('{"a": 1, "b": [1, 2]}');
INSERT INTO jsonb_pk VALUES ('{"b": [1, 2.0], "a": 1.0}');

-- casts
SELECT '12.50'::jsonb::numeric, '3'::jsonb::int2, '3'::jsonb::int4, '-3'::jsonb::int8,
       '1.5'::jsonb::float4, '1e3'::jsonb::float8, 'true'::jsonb::bool;
SELECT '"x"'::jsonb::int;
SELECT '1.5'::jsonb::bool;
SELECT 'null'::jsonb::numeric;
SELECT '[]'::jsonb::float8;
SELECT '{}'::jsonb::bool;
SELECT '3.7'::jsonb::int;
SELECT '70000'::jsonb::int2;
SELECT '{"a": 1}'::jsonb::json, '{"b":1, "a":1}'::json::jsonb, '"x"'::jsonb::text;

-- -> ->> #> #>>
SELECT '{"a": [1, {"b": "x"}], "c": null, "d": 2.50}'::jsonb -> 'a', '{"a": {"b": 1}}'::jsonb -> 'a' -> 'b',
       '{"a": "x"}'::jsonb ->> 'a', '{"c": null}'::jsonb ->> 'c', '{"c": null}'::jsonb -> 'c',
       '{"d": 2.50}'::jsonb ->> 'd', '{"e": {"f": [1]}}'::jsonb ->> 'e', '{"a": 1}'::jsonb -> 'z';
SELECT '[1, "2", [3]]'::jsonb -> 1, '[1, "2", [3]]'::jsonb ->> 1, '[1, 2]'::jsonb -> -1,
       '[1, 2]'::jsonb -> 2, '[1, 2]'::jsonb -> -3, '{"a": 1}'::jsonb -> 0, '1'::jsonb -> 'a', '[1]'::jsonb ->> 'a';
SELECT '{"a": [1, {"b": "x"}]}'::jsonb #> '{a,1}', '{"a": [1, {"b": "x"}]}'::jsonb #>> '{a,1,b}',
       '{"a": [1, {"b": "x"}]}'::jsonb #> '{a,-1,b}', '{"a": [1]}'::jsonb #> '{a,x}',
       '{"a": 1}'::jsonb #> '{}', '"x"'::jsonb #>> '{}', '{"a": 1}'::jsonb #> '{a,b}', '{"a": 1}'::jsonb #> '{NULL}';
SELECT jsonb_extract_path('{"a": {"b": [10, 20]}}', 'a', 'b', '1'),
       jsonb_extract_path_text('{"a": {"b": ["10", 20]}}', 'a', 'b', '0'),
       jsonb_extract_path_text('{"a": null}', 'a'), jsonb_extract_path('{"a": 1}');

-- containment and existence
SELECT '{"a": 1, "b": [1, 2, {"c": 3}]}'::jsonb @> '{"b": [{"c": 3}]}',
       '{"a": 1, "b": [1, 2]}'::jsonb @> '{"b": [2, 1, 1]}',
       '{"a": 1}'::jsonb @> '{"a": 1, "b": 2}',
       '{"a": {"b": 1}}'::jsonb @> '{"a": {}}',
       '{"a": {"b": 1}}'::jsonb @> '{"a": []}',
       '[1, [2, 3]]'::jsonb @> '[[3]]', '[1, [2, 3]]'::jsonb @> '[3]',
       '["foo", "bar"]'::jsonb @> '"foo"', '"foo"'::jsonb @> '["foo"]', '"foo"'::jsonb @> '"foo"',
       '1'::jsonb @> '1.0', '{}'::jsonb @> '{}', '[]'::jsonb @> '{}';
SELECT '{"b": 2}'::jsonb <@ '{"a": 1, "b": 2}', '[1, 2]'::jsonb <@ '[1]';
SELECT '{"a": 1, "b": null}'::jsonb ? 'b', '{"a": 1}'::jsonb ? 'c', '["a", "b", 1]'::jsonb ? 'b',
       '["a", "b", 1]'::jsonb ? '1', '"a"'::jsonb ? 'a', '{"x": {"a": 1}}'::jsonb ? 'a';
SELECT '{"a": 1, "b": 2}'::jsonb ?| '{b, z}', '{"a": 1, "b": 2}'::jsonb ?| '{y, z}',
       '{"a": 1, "b": 2}'::jsonb ?& '{a, b}', '{"a": 1, "b": 2}'::jsonb ?& '{a, z}',
       '{"a": 1}'::jsonb ?| '{}', '{"a": 1}'::jsonb ?& '{}', '["a"]'::jsonb ?& ARRAY['a', NULL];

-- changes: || - #- jsonb_set jsonb_insert jsonb_strip_nulls
SELECT '[1, 2]'::jsonb || '3', '{"a": 1}'::jsonb || '[1]', '1'::jsonb || '2',
       '{"a": 1, "b": 2}'::jsonb || '{"a": {"x": 0}, "c": 3}', '[1]'::jsonb || '{"a": 1}',
       '{"a": 1}'::jsonb || '1', '[]'::jsonb || '[]';
SELECT '{"a": 1, "b": 2}'::jsonb - 'a', '["a", "b", 1, "a"]'::jsonb - 'a', '{"a": 1}'::jsonb - 'z',
       '{"a": 1, "b": 2, "c": 3}'::jsonb - '{a, c, z}'::text[], '["a", "b"]'::jsonb - '{a}'::text[],
       '{"a": 1}'::jsonb - '{}'::text[];
SELECT '[1, 2, 3]'::jsonb - 0, '[1, 2, 3]'::jsonb - -1, '[1, 2, 3]'::jsonb - 5, '[]'::jsonb - 0;
SELECT '1'::jsonb - 'a';
SELECT '"a"'::jsonb - '{a}'::text[];
SELECT '{"a": 1}'::jsonb - 0;
SELECT '2'::jsonb - 0;
SELECT '{"a": {"b": 1, "c": 2}}'::jsonb #- '{a,b}', '[1, [2, 3]]'::jsonb #- '{1,-1}',
       '{"a": 1}'::jsonb #- '{}', '{"a": 1}'::jsonb #- '{z,y}', '[1, 2]'::jsonb #- '{5}', '{}'::jsonb #- '{NULL}';
SELECT '1'::jsonb #- '{a}';
SELECT '[1]'::jsonb #- '{x}';
SELECT jsonb_set('{"a": [1, 2], "b": 1}', '{a,0}', '"x"'), jsonb_set('{"a": 1}', '{b}', '[2]'),
       jsonb_set('{"a": 1}', '{b}', '[2]', false), jsonb_set('{"a": 1}', '{b,c}', '0'),
       jsonb_set('[1, 2]', '{-5}', '0'), jsonb_set('[1, 2]', '{5}', '0'), jsonb_set('[1, 2]', '{-1}', '0'),
       jsonb_set('{"a": {"b": {"c": 1}}}', '{a,b,c}', '{"d": 2}'), jsonb_set('{"a": 1}', '{}', '2'),
       jsonb_set('{"a": "x"}', '{a,b}', '2'), jsonb_set('[]', '{0}', '1'), jsonb_set('{}', '{k}', '1', false);
SELECT jsonb_set('1', '{a}', '2');
SELECT jsonb_set('{"a": [1, 2]}', '{a,x}', '2');
SELECT jsonb_set('{"a": [1, 2]}', '{a,NULL}', '2');
SELECT jsonb_set('{"a": [1, 2]}', '{{a}}', '2');
SELECT jsonb_set('{"a": 1}', '{a}', NULL);
-- jsonb_set_lax: what an SQL NULL replacement does
SELECT jsonb_set_lax('{"a": 1, "b": 2}', '{b}', NULL);
SELECT jsonb_set_lax('{"a": 1, "b": 2}', '{b}', NULL, true, 'use_json_null');
SELECT jsonb_set_lax('{"a": 1, "b": 2}', '{b}', NULL, true, 'delete_key');
SELECT jsonb_set_lax('{"a": 1, "b": 2}', '{b}', NULL, true, 'return_target');
SELECT jsonb_set_lax('{"a": 1, "b": 2}', '{b}', NULL, true, 'raise_exception');
SELECT jsonb_set_lax('{"a": 1, "b": 2}', '{b}', NULL, true, 'nonsense');
SELECT jsonb_set_lax('{"a": 1, "b": 2}', '{b}', '3', true, NULL);
SELECT jsonb_set_lax('{"a": 1, "b": 2}', '{b}', '3', true, 'raise_exception');
SELECT jsonb_set_lax('{"a": 1}', '{c}', NULL);
SELECT jsonb_set_lax('{"a": 1}', '{c}', NULL, false);
SELECT jsonb_set_lax('{"a": [1, 2]}', '{a,0}', NULL, true, 'delete_key');
SELECT jsonb_set_lax('5', '{a}', NULL, true, 'delete_key');
SELECT jsonb_set_lax('5', '{a}', NULL);
SELECT jsonb_set_lax(NULL, '{a}', NULL) IS NULL AS a, jsonb_set_lax('{}', NULL, '1') IS NULL AS b,
       jsonb_set_lax('{}', '{a}', '1', NULL) IS NULL AS c;
SELECT jsonb_insert('{"a": [0, 1, 2]}', '{a,1}', '"new"'), jsonb_insert('{"a": [0, 1, 2]}', '{a,1}', '"new"', true),
       jsonb_insert('{"a": [0, 1, 2]}', '{a,-1}', '"new"', true), jsonb_insert('[1, 2]', '{0}', '0', true),
       jsonb_insert('{"a": 1}', '{b}', '2'), jsonb_insert('[1]', '{-9}', '0'), jsonb_insert('[1]', '{9}', '0');
SELECT jsonb_insert('{"a": 1}', '{a}', '2');
SELECT jsonb_strip_nulls('{"a": 1, "b": null, "c": [null, {"d": null, "e": 2}]}'), jsonb_strip_nulls('null'),
       jsonb_strip_nulls('[null]');

-- taking documents apart
SELECT * FROM jsonb_each('{"b": 1, "a": [1, 2], "c": "x", "d": null}');
SELECT * FROM jsonb_each_text('{"b": 1.50, "a": [1, 2], "c": "x\"y", "d": null, "e": false}');
SELECT jsonb_each('[1]');
SELECT * FROM jsonb_each_text('1');
SELECT * FROM jsonb_array_elements('[1, "two", [3], {"four": 4}, null]');
SELECT * FROM jsonb_array_elements_text('[1, "two", [3], {"four": 4}, null]');
SELECT jsonb_array_elements('{}');
SELECT jsonb_array_elements_text('"x"');
SELECT jsonb_object_keys('{"bb": 1, "a": 2, "c": 3}');
SELECT jsonb_object_keys('[]');
SELECT jsonb_object_keys('1');
SELECT jsonb_array_length('[1, [2, 3], {}]'), jsonb_array_length('[]');
SELECT jsonb_array_length('{}');
SELECT jsonb_array_length('1');

-- building jsonb from SQL values
SELECT to_jsonb(1), to_jsonb(1.50), to_jsonb('NaN'::float8), to_jsonb('Infinity'::numeric), to_jsonb(true),
       to_jsonb('a"b'::text), to_jsonb('2020-01-02'::date), to_jsonb('2020-01-02 03:04:05.5'::timestamp),
       to_jsonb('2020-01-02 03:04:05+02'::timestamptz), to_jsonb('12:30'::time);
SELECT to_jsonb(ARRAY[1, 2, NULL]), to_jsonb(ARRAY[[1, 2], [3, 4]]), to_jsonb('{}'::text[]),
       to_jsonb(ROW(1, 'x', NULL)), to_jsonb('{"b": 1,  "a": 2}'::json), to_jsonb('[1]'::jsonb);
SELECT jsonb_build_object('b', 1, 'a', 'two', 'c', NULL, 'd', ARRAY[1, 2], 'b', 3, 'e', '{"x": 1}'::json);
SELECT jsonb_build_object(1, 2, true, false, 2.5, 'x'), jsonb_build_object(), jsonb_build_array(),
       jsonb_build_array(1, 'a', NULL, ARRAY['x'], ROW(1), '{"a":1}'::jsonb);
SELECT jsonb_build_object('a');
SELECT jsonb_build_object(NULL, 1);
SELECT jsonb_build_object(ARRAY[1], 1);
SELECT jsonb_build_object(VARIADIC ARRAY['a', 'b']), jsonb_build_array(VARIADIC ARRAY[1, 2]);
SELECT jsonb_object('{b, 1, a, 2, c, NULL}'), jsonb_object('{{a, 1}, {b, "x y"}}'),
       jsonb_object('{a, b}', '{1, 2}'), jsonb_object('{}');
SELECT jsonb_object('{a, 1, b}');
SELECT jsonb_object('{a}', '{1, 2}');

-- aggregates
CREATE TABLE jsonb_rows (id int, name text, doc jsonb);
INSERT INTO jsonb_rows VALUES (1, 'ann', '{"k": 1}'), (2, 'bob', NULL), (3, NULL, '[1, 2]'), (4, 'ann', '"x"');
SELECT jsonb_agg(id ORDER BY id), jsonb_agg(name ORDER BY id), jsonb_agg(doc ORDER BY id) FROM jsonb_rows;
SELECT jsonb_agg(t ORDER BY id) FROM jsonb_rows t;
SELECT jsonb_object_agg(id, doc ORDER BY id), jsonb_object_agg(coalesce(name, '?'), id ORDER BY id) FROM jsonb_rows;
SELECT jsonb_agg(id) FROM jsonb_rows WHERE false;
SELECT jsonb_object_agg(name, id) FROM jsonb_rows;
SELECT name, jsonb_agg(doc ORDER BY id) FROM jsonb_rows GROUP BY name ORDER BY name;

-- a jsonb column, its operators in WHERE, arrays of jsonb
CREATE TABLE jsonb_docs (id int PRIMARY KEY, doc jsonb);
INSERT INTO jsonb_docs VALUES (1, '{"name": "x", "tags": ["a", "b"], "n": 1}'), (2, '{"name": "y", "tags": ["b"], "n": 2.0}'),
  (3, '{"name": "z"}'), (4, NULL);
SELECT id FROM jsonb_docs WHERE doc @> '{"tags": ["b"]}' ORDER BY id;
SELECT id FROM jsonb_docs WHERE doc ? 'tags' AND (doc -> 'n')::numeric > 1;
SELECT id, doc ->> 'name', jsonb_typeof(doc -> 'n') FROM jsonb_docs ORDER BY doc, id;
UPDATE jsonb_docs SET doc = jsonb_set(doc, '{n}', to_jsonb(id * 10)) WHERE doc IS NOT NULL;
UPDATE jsonb_docs SET doc = doc || '{"extra": true}' WHERE id = 3;
SELECT * FROM jsonb_docs ORDER BY id;
SELECT ARRAY['{"b": 1, "a": 2}', '[1]']::jsonb[], '{"{\"a\": 1}",NULL}'::jsonb[];
SELECT ('{"{\"b\": 1, \"a\": 2}"}'::jsonb[])[1] ->> 'a';
SELECT '{"[1,"}'::jsonb[];
DROP TABLE jsonb_order, jsonb_pk, jsonb_rows, jsonb_docs;

-- nested ordering and containment, escapes, numbers, NULLs in aggregates
select '[[]]'::jsonb < '[1]'::jsonb, '[{}]'::jsonb > '[[1,2]]'::jsonb, '{"a":[]}'::jsonb < '{"a":null}'::jsonb, '{"b":1}'::jsonb > '{"aa":1}'::jsonb;
select '[1,[2,[3]]]'::jsonb @> '[[[3]]]', '{"a":{"b":[1,2]}}'::jsonb @> '{"a":{"b":[2]}}', '[1,2,[1]]'::jsonb @> '[[1], 1]', '[[1,2]]'::jsonb @> '[1]';
select '"abc"'::jsonb ? 'abc', '[["a"]]'::jsonb ? 'a', '{"a":null}'::jsonb ?& '{a}';
select to_json('{"a":"b"}'::text), to_jsonb(1e100::numeric), to_jsonb(-0.0::float8), to_json(1e100::float8), to_json('-Infinity'::float4);
select json_agg(x) from (values (null::int), (1)) t(x);
select jsonb_agg(x) from (values (null::jsonb), ('1')) t(x);
select json_object_agg(k, v) from (values ('a', null::json), ('b', '[1]')) t(k, v);
select '{"a":"\u00e9\u0041"}'::json ->> 'a', '["\ud83d\ude00"]'::json ->> 0, '{"a":"\u0000"}'::json -> 'a';
select '{"a":"\u0000"}'::json ->> 'a';
select jsonb_pretty('{"a":"x\ny"}'), '{"k": "\u001f"}'::jsonb;
select '1e5'::jsonb, '1E-5'::jsonb, '-0'::jsonb, '0.000'::jsonb, '123456789012345678901234567890'::jsonb;
