--
-- TOAST tables of the system catalogs: long view definitions (pg_rewrite),
-- long comments (pg_description) are stored as PostgreSQL stores them.
--
SELECT c.relname, t.relname AS toast, n.nspname, t.relkind,
       i.relname AS toast_index
  FROM pg_class c
  JOIN pg_class t ON t.oid = c.reltoastrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  JOIN pg_index x ON x.indrelid = t.oid
  JOIN pg_class i ON i.oid = x.indexrelid
 WHERE c.relname IN ('pg_rewrite', 'pg_proc', 'pg_description', 'pg_statistic',
                     'pg_attrdef', 'pg_constraint', 'pg_type', 'pg_database',
                     'pg_shdescription')
 ORDER BY 1;
-- pg_class and pg_attribute have none, as in PostgreSQL
SELECT relname, reltoastrelid FROM pg_class
 WHERE relname IN ('pg_class', 'pg_attribute', 'pg_index') ORDER BY 1;
SELECT attname, attstorage, atttypid::regtype FROM pg_attribute
 WHERE attrelid = 'pg_toast.pg_toast_2618'::regclass AND attnum > 0 ORDER BY attnum;

-- A view whose stored query is far larger than a page
CREATE TABLE ct_wide (c1 int, c2 int, c3 int, c4 int, c5 int, c6 int, c7 int, c8 int, c9 int, c10 int, c11 int, c12 int, c13 int, c14 int, c15 int, c16 int, c17 int, c18 int, c19 int, c20 int, c21 int, c22 int, c23 int, c24 int, c25 int, c26 int, c27 int, c28 int, c29 int, c30 int, c31 int, c32 int, c33 int, c34 int, c35 int, c36 int, c37 int, c38 int, c39 int, c40 int, c41 int, c42 int, c43 int, c44 int, c45 int, c46 int, c47 int, c48 int, c49 int, c50 int, c51 int, c52 int, c53 int, c54 int, c55 int, c56 int, c57 int, c58 int, c59 int, c60 int);
INSERT INTO ct_wide SELECT g + 1, g + 2, g + 3, g + 4, g + 5, g + 6, g + 7, g + 8, g + 9, g + 10, g + 11, g + 12, g + 13, g + 14, g + 15, g + 16, g + 17, g + 18, g + 19, g + 20, g + 21, g + 22, g + 23, g + 24, g + 25, g + 26, g + 27, g + 28, g + 29, g + 30, g + 31, g + 32, g + 33, g + 34, g + 35, g + 36, g + 37, g + 38, g + 39, g + 40, g + 41, g + 42, g + 43, g + 44, g + 45, g + 46, g + 47, g + 48, g + 49, g + 50, g + 51, g + 52, g + 53, g + 54, g + 55, g + 56, g + 57, g + 58, g + 59, g + 60 FROM generate_series(1, 3) g;
CREATE VIEW ct_wide_v AS SELECT c1, c1 + 1 AS d1, c1 * 2 AS e1, c2, c2 + 1 AS d2, c2 * 2 AS e2, c3, c3 + 1 AS d3, c3 * 2 AS e3, c4, c4 + 1 AS d4, c4 * 2 AS e4, c5, c5 + 1 AS d5, c5 * 2 AS e5, c6, c6 + 1 AS d6, c6 * 2 AS e6, c7, c7 + 1 AS d7, c7 * 2 AS e7, c8, c8 + 1 AS d8, c8 * 2 AS e8, c9, c9 + 1 AS d9, c9 * 2 AS e9, c10, c10 + 1 AS d10, c10 * 2 AS e10, c11, c11 + 1 AS d11, c11 * 2 AS e11, c12, c12 + 1 AS d12, c12 * 2 AS e12, c13, c13 + 1 AS d13, c13 * 2 AS e13, c14, c14 + 1 AS d14, c14 * 2 AS e14, c15, c15 + 1 AS d15, c15 * 2 AS e15, c16, c16 + 1 AS d16, c16 * 2 AS e16, c17, c17 + 1 AS d17, c17 * 2 AS e17, c18, c18 + 1 AS d18, c18 * 2 AS e18, c19, c19 + 1 AS d19, c19 * 2 AS e19, c20, c20 + 1 AS d20, c20 * 2 AS e20, c21, c21 + 1 AS d21, c21 * 2 AS e21, c22, c22 + 1 AS d22, c22 * 2 AS e22, c23, c23 + 1 AS d23, c23 * 2 AS e23, c24, c24 + 1 AS d24, c24 * 2 AS e24, c25, c25 + 1 AS d25, c25 * 2 AS e25, c26, c26 + 1 AS d26, c26 * 2 AS e26, c27, c27 + 1 AS d27, c27 * 2 AS e27, c28, c28 + 1 AS d28, c28 * 2 AS e28, c29, c29 + 1 AS d29, c29 * 2 AS e29, c30, c30 + 1 AS d30, c30 * 2 AS e30, c31, c31 + 1 AS d31, c31 * 2 AS e31, c32, c32 + 1 AS d32, c32 * 2 AS e32, c33, c33 + 1 AS d33, c33 * 2 AS e33, c34, c34 + 1 AS d34, c34 * 2 AS e34, c35, c35 + 1 AS d35, c35 * 2 AS e35, c36, c36 + 1 AS d36, c36 * 2 AS e36, c37, c37 + 1 AS d37, c37 * 2 AS e37, c38, c38 + 1 AS d38, c38 * 2 AS e38, c39, c39 + 1 AS d39, c39 * 2 AS e39, c40, c40 + 1 AS d40, c40 * 2 AS e40, c41, c41 + 1 AS d41, c41 * 2 AS e41, c42, c42 + 1 AS d42, c42 * 2 AS e42, c43, c43 + 1 AS d43, c43 * 2 AS e43, c44, c44 + 1 AS d44, c44 * 2 AS e44, c45, c45 + 1 AS d45, c45 * 2 AS e45, c46, c46 + 1 AS d46, c46 * 2 AS e46, c47, c47 + 1 AS d47, c47 * 2 AS e47, c48, c48 + 1 AS d48, c48 * 2 AS e48, c49, c49 + 1 AS d49, c49 * 2 AS e49, c50, c50 + 1 AS d50, c50 * 2 AS e50, c51, c51 + 1 AS d51, c51 * 2 AS e51, c52, c52 + 1 AS d52, c52 * 2 AS e52, c53, c53 + 1 AS d53, c53 * 2 AS e53, c54, c54 + 1 AS d54, c54 * 2 AS e54, c55, c55 + 1 AS d55, c55 * 2 AS e55, c56, c56 + 1 AS d56, c56 * 2 AS e56, c57, c57 + 1 AS d57, c57 * 2 AS e57, c58, c58 + 1 AS d58, c58 * 2 AS e58, c59, c59 + 1 AS d59, c59 * 2 AS e59, c60, c60 + 1 AS d60, c60 * 2 AS e60 FROM ct_wide WHERE c1 > 0;
SELECT length(ev_action::text) > 50000 AS long_tree FROM pg_rewrite
 WHERE ev_class = 'ct_wide_v'::regclass;
SELECT c1, d1, e60, d30 FROM ct_wide_v ORDER BY c1;
SELECT count(*) FROM pg_attribute WHERE attrelid = 'ct_wide_v'::regclass AND attnum > 0;
-- replaced by a still longer one, then read back by a new session
CREATE OR REPLACE VIEW ct_wide_v AS SELECT c1, c1 + 1 AS d1, c1 * 2 AS e1, c2, c2 + 1 AS d2, c2 * 2 AS e2, c3, c3 + 1 AS d3, c3 * 2 AS e3, c4, c4 + 1 AS d4, c4 * 2 AS e4, c5, c5 + 1 AS d5, c5 * 2 AS e5, c6, c6 + 1 AS d6, c6 * 2 AS e6, c7, c7 + 1 AS d7, c7 * 2 AS e7, c8, c8 + 1 AS d8, c8 * 2 AS e8, c9, c9 + 1 AS d9, c9 * 2 AS e9, c10, c10 + 1 AS d10, c10 * 2 AS e10, c11, c11 + 1 AS d11, c11 * 2 AS e11, c12, c12 + 1 AS d12, c12 * 2 AS e12, c13, c13 + 1 AS d13, c13 * 2 AS e13, c14, c14 + 1 AS d14, c14 * 2 AS e14, c15, c15 + 1 AS d15, c15 * 2 AS e15, c16, c16 + 1 AS d16, c16 * 2 AS e16, c17, c17 + 1 AS d17, c17 * 2 AS e17, c18, c18 + 1 AS d18, c18 * 2 AS e18, c19, c19 + 1 AS d19, c19 * 2 AS e19, c20, c20 + 1 AS d20, c20 * 2 AS e20, c21, c21 + 1 AS d21, c21 * 2 AS e21, c22, c22 + 1 AS d22, c22 * 2 AS e22, c23, c23 + 1 AS d23, c23 * 2 AS e23, c24, c24 + 1 AS d24, c24 * 2 AS e24, c25, c25 + 1 AS d25, c25 * 2 AS e25, c26, c26 + 1 AS d26, c26 * 2 AS e26, c27, c27 + 1 AS d27, c27 * 2 AS e27, c28, c28 + 1 AS d28, c28 * 2 AS e28, c29, c29 + 1 AS d29, c29 * 2 AS e29, c30, c30 + 1 AS d30, c30 * 2 AS e30, c31, c31 + 1 AS d31, c31 * 2 AS e31, c32, c32 + 1 AS d32, c32 * 2 AS e32, c33, c33 + 1 AS d33, c33 * 2 AS e33, c34, c34 + 1 AS d34, c34 * 2 AS e34, c35, c35 + 1 AS d35, c35 * 2 AS e35, c36, c36 + 1 AS d36, c36 * 2 AS e36, c37, c37 + 1 AS d37, c37 * 2 AS e37, c38, c38 + 1 AS d38, c38 * 2 AS e38, c39, c39 + 1 AS d39, c39 * 2 AS e39, c40, c40 + 1 AS d40, c40 * 2 AS e40, c41, c41 + 1 AS d41, c41 * 2 AS e41, c42, c42 + 1 AS d42, c42 * 2 AS e42, c43, c43 + 1 AS d43, c43 * 2 AS e43, c44, c44 + 1 AS d44, c44 * 2 AS e44, c45, c45 + 1 AS d45, c45 * 2 AS e45, c46, c46 + 1 AS d46, c46 * 2 AS e46, c47, c47 + 1 AS d47, c47 * 2 AS e47, c48, c48 + 1 AS d48, c48 * 2 AS e48, c49, c49 + 1 AS d49, c49 * 2 AS e49, c50, c50 + 1 AS d50, c50 * 2 AS e50, c51, c51 + 1 AS d51, c51 * 2 AS e51, c52, c52 + 1 AS d52, c52 * 2 AS e52, c53, c53 + 1 AS d53, c53 * 2 AS e53, c54, c54 + 1 AS d54, c54 * 2 AS e54, c55, c55 + 1 AS d55, c55 * 2 AS e55, c56, c56 + 1 AS d56, c56 * 2 AS e56, c57, c57 + 1 AS d57, c57 * 2 AS e57, c58, c58 + 1 AS d58, c58 * 2 AS e58, c59, c59 + 1 AS d59, c59 * 2 AS e59, c60, c60 + 1 AS d60, c60 * 2 AS e60, c1 + c2 AS extra FROM ct_wide WHERE c1 > 1;
\c -
SELECT c1, extra, e1 FROM ct_wide_v ORDER BY c1;
SELECT pg_get_viewdef('ct_wide_v'::regclass) LIKE '%(ct_wide.c60 * 2) AS e60,%' AS deparsed;

-- A long comment that does not compress (moved out of line)
SELECT string_agg(md5(i::text), '') AS longtext FROM generate_series(1, 400) i \gset
COMMENT ON TABLE ct_wide IS :'longtext';
SELECT length(description), md5(description) = md5(:'longtext') AS same
  FROM pg_description WHERE objoid = 'ct_wide'::regclass AND objsubid = 0;
COMMENT ON TABLE ct_wide IS 'short now';
SELECT description FROM pg_description WHERE objoid = 'ct_wide'::regclass;

DROP VIEW ct_wide_v;
DROP TABLE ct_wide;
SELECT count(*) FROM pg_rewrite WHERE ev_class NOT IN (SELECT oid FROM pg_class);
