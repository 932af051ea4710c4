-- unnest(anyarray): a polymorphic set-returning function, in FROM and in the target list
SELECT unnest(ARRAY[1, 2, 3]);
SELECT unnest('{a,NULL,c}'::text[]) AS u;
SELECT * FROM unnest(ARRAY['x', 'y']) AS t(v);
SELECT * FROM unnest(ARRAY[10, 20, 30]) WITH ORDINALITY AS t(v, n);
SELECT pg_typeof(u) FROM unnest(ARRAY[1.5, 2.5]) AS u;
SELECT count(*) FROM unnest('{}'::int[]);
SELECT unnest(ARRAY[1, 2]), generate_series(1, 3);
SELECT sum(x) FROM unnest(ARRAY[1, 2, 3, NULL]) AS x;
CREATE TABLE unnest_t (id int, tags text[]);
INSERT INTO unnest_t VALUES (1, '{red,green}'), (2, '{blue}'), (3, '{}'), (4, NULL);
SELECT id, unnest(tags) FROM unnest_t ORDER BY id, 2;
SELECT u FROM unnest(NULL::int[]) AS u;
SELECT unnest(1);
DROP TABLE unnest_t;
