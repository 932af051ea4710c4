-- The json type: input (kept verbatim) and PostgreSQL's errors, the
-- operators and functions that take documents apart, and the functions
-- that build json from SQL values.

-- valid input, kept as written
SELECT '""'::json, '"abc"'::json, '1'::json, '-1.5e10'::json, 'true'::json, 'null'::json;
SELECT '{ "a" :  [1, 2 ,3], "a": {"b" :null} }'::json;
SELECT '[]'::json, '{}'::json, ' [ ] '::json;
SELECT '"\u0000"'::json, '"\ud83d\ude00"'::json, '"\ud83d"'::json;
SELECT '"\n\"\\\/\b\f\r\t"'::json;

-- invalid input: PostgreSQL's DETAIL and CONTEXT lines
SELECT ''::json;
SELECT '   '::json;
SELECT '{'::json;
SELECT '{"a"'::json;
SELECT '{"a" 1}'::json;
SELECT '{"a": 1,}'::json;
SELECT '{1: 1}'::json;
SELECT '{"a": 1 "b": 2}'::json;
SELECT '[1, 2'::json;
SELECT '[1 2]'::json;
SELECT '[1,]'::json;
SELECT '[}'::json;
SELECT '1 2'::json;
SELECT 'tru'::json;
SELECT 'trues'::json;
SELECT '01'::json;
SELECT '1.'::json;
SELECT '.5'::json;
SELECT '1e'::json;
SELECT '-'::json;
SELECT '1.5x'::json;
SELECT '"abc'::json;
SELECT '"\q"'::json;
SELECT '"\u00"'::json;
SELECT '"\u00g0"'::json;
SELECT E'"a\tb"'::json;
SELECT E'"a\nb"'::json;
SELECT '@'::json;
SELECT 'NaN'::json;
SELECT E'{"a": 1,\n "b": [1, 2,\n  3 x]}'::json;
SELECT '{"the key": "a rather long string value that goes on and on", "bad": nope}'::json;
SELECT '["ab", "é€", qq]'::json;

-- -> ->> #> #>>
SELECT '{"a": [1, {"b": "x\ty"}], "c": null, "d": 2.50}'::json -> 'a';
SELECT '{"a": [1,  {"b": "x"}]}'::json -> 'a' -> 1;
SELECT '{"a": 1, "a": 2}'::json -> 'a';
SELECT '{"a": "x\ty", "c": null, "d": 2.50, "e": {"f" : 1}}'::json ->> 'a',
       '{"a": "x", "c": null}'::json ->> 'c',
       '{"d": 2.50}'::json ->> 'd',
       '{"e": {"f" : 1}}'::json ->> 'e';
SELECT '[1, 2, 3]'::json -> 0, '[1, 2, 3]'::json -> -1, '[1, 2, 3]'::json -> 3, '[1, 2, 3]'::json -> -4;
SELECT '[1, "two", 3]'::json ->> 1, '{"a": 1}'::json -> 0, '[1]'::json -> 'a', '1'::json -> 'a';
SELECT '{"a": [1, {"b": "x"}]}'::json #> '{a,1,b}', '{"a": [1, {"b": "x"}]}'::json #>> '{a,1,b}';
SELECT '{"a": [1, {"b": "x"}]}'::json #> '{a,-1}', '{"a": [1]}'::json #> '{a,x}',
       '{"a": 1}'::json #> '{}', '{"a": 1}'::json #>> '{}', '{"a": 1}'::json #> '{a,b}',
       '{"a": 1}'::json #> '{NULL}';
SELECT json_extract_path('{"a": {"b": [10, 20]}}', 'a', 'b', '1'),
       json_extract_path_text('{"a": {"b": ["10", 20]}}', 'a', 'b', '0'),
       json_extract_path_text('{"a": null}', 'a');

-- functions that take documents apart
SELECT * FROM json_each('{"a": 1, "b": [1, 2], "c": "x", "d": null, "a": 2}');
SELECT * FROM json_each_text('{"a": 1, "b": [1, 2], "c": "x\"y", "d": null}');
SELECT json_each('{"k": true}');
SELECT * FROM json_each('[1]');
SELECT * FROM json_each('1');
SELECT * FROM json_array_elements('[1, "two", [3], {"four": 4}, null]');
SELECT * FROM json_array_elements_text('[1, "two", [3], {"four": 4}, null]');
SELECT json_array_elements('{}');
SELECT json_array_elements_text('1');
SELECT json_object_keys('{"b": 1, "a": 2, "b": 3}');
SELECT json_object_keys('[1]');
SELECT json_object_keys('"x"');
SELECT json_array_length('[1, [2, 3], {}]'), json_array_length('[]');
SELECT json_array_length('{}');
SELECT json_array_length('1');
SELECT json_typeof('{}'), json_typeof('[]'), json_typeof('"x"'), json_typeof('1.5'),
       json_typeof('true'), json_typeof('null'), json_typeof(NULL);
SELECT json_strip_nulls('{"a": 1, "b": null, "c": [null, {"d": null, "e": "\u0041"}]}'),
       json_strip_nulls('[null]'), json_strip_nulls('null');

-- building json from SQL values
SELECT to_json(1), to_json(1.50), to_json(-2::int8), to_json(1.5::float4), to_json('NaN'::float8),
       to_json('Infinity'::numeric), to_json(true), to_json('a"b\c'::text), to_json(E'tab\there'::text);
SELECT to_json('2020-01-02'::date), to_json('2020-01-02 03:04:05.5'::timestamp),
       to_json('2020-01-02 03:04:05+02'::timestamptz), to_json('infinity'::date),
       to_json('-infinity'::timestamp), to_json('12:30'::time), to_json('1 day 2 hours'::interval);
SELECT to_json(ARRAY[1, 2, NULL]), to_json(ARRAY[[1, 2], [3, 4]]), to_json('{}'::int[]),
       to_json(ARRAY['a', 'b"c']), to_json('{"a": 1}'::json), to_json('{"b": 2, "a": 1}'::jsonb);
SELECT to_json(ROW(1, 'x', NULL, ARRAY[true]));
SELECT row_to_json(t) FROM (SELECT 1 AS id, 'a'::text AS name, '2021-05-06'::date AS day
  UNION ALL SELECT 2, NULL, NULL) AS t;
SELECT row_to_json(t, true) FROM (SELECT 1 AS id, 'a' AS name, ARRAY[1, 2] AS nums) AS t;
SELECT array_to_json(ARRAY[ROW(1, 'a'), ROW(2, 'b')]), array_to_json(ARRAY[[1, 2], [3, 4]], true),
       array_to_json(ARRAY[ROW(1, 'a'), ROW(2, 'b')], true);
SELECT json_build_object('a', 1, 'b', 'two', 'c', NULL, 'd', ARRAY[1, 2], 'e', '{"x": 1}'::json);
SELECT json_build_object(1, 2, true, false, 2.5, 'x', '2020-01-01'::date, 'd');
SELECT json_build_object('a', ROW(1, 'x'), 'b', '{"k": [1]}'::jsonb);
SELECT json_build_object(), json_build_array(), json_build_array(1, 'a', NULL, ARRAY['x'], ROW(1));
SELECT json_build_object('a');
SELECT json_build_object(NULL, 1);
SELECT json_build_object(ARRAY[1], 1);
SELECT json_build_object('{"a": 1}'::json, 1);
SELECT json_build_object(VARIADIC ARRAY['a', 'b', 'c', 'd']), json_build_array(VARIADIC ARRAY[1, 2]);
SELECT json_object('{a, 1, b, 2, c, NULL}'), json_object('{{a, 1}, {b, "x y"}}'),
       json_object('{a, b}', '{1, 2}'), json_object('{}');
SELECT json_object('{a, 1, b}');
SELECT json_object('{{a, 1, 2}}');
SELECT json_object('{a, b}', '{1}');
SELECT json_object('{NULL, 1}');

-- aggregates
CREATE TABLE json_rows (id int, name text, tags text[], born date);
INSERT INTO json_rows VALUES (1, 'ann', '{a,b}', '1990-01-02'), (2, 'bob', NULL, NULL), (3, NULL, '{}', '2000-02-29');
SELECT json_agg(id ORDER BY id), json_agg(name ORDER BY id), json_agg(tags ORDER BY id) FROM json_rows;
SELECT json_agg(t ORDER BY id) FROM json_rows t;
SELECT json_object_agg(id, name ORDER BY id), json_object_agg(coalesce(name, 'none'), born ORDER BY id) FROM json_rows;
SELECT json_agg(id) FROM json_rows WHERE false;
SELECT json_object_agg(name, id) FROM json_rows;
SELECT name, json_agg(x ORDER BY x) FROM json_rows, generate_series(1, id) x GROUP BY name ORDER BY name;

-- casts and arrays of json
SELECT '{"b": 1, "a": [1, 2.0]}'::json::jsonb, '{"b": 1,  "a": 2}'::jsonb::json;
SELECT '{"a": 1}'::json::text, '[1,2]'::text::json;
SELECT ARRAY['{"a": 1}', '[2]']::json[], '{"{\"a\": 1}",null}'::json[];
SELECT ('{"{\"a\": 1}"}'::json[])[1] -> 'a';
SELECT '{"{\"a\" 1}"}'::json[];

-- a json column
CREATE TABLE json_docs (id int, doc json);
INSERT INTO json_docs VALUES (1, '{"name": "x", "n": 1}'), (2, '{"name": "y", "n": [1, 2]}'), (3, NULL);
INSERT INTO json_docs VALUES (4, '{"name": }');
SELECT id, doc ->> 'name' AS name, doc -> 'n' AS n, json_typeof(doc -> 'n') FROM json_docs ORDER BY id;
SELECT id FROM json_docs WHERE doc ->> 'name' = 'y';
DROP TABLE json_rows, json_docs;
