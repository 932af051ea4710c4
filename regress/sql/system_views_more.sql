--
-- pg_group, pg_seclabels and pg_cursors: their columns, rows and definitions
--
SELECT attname, atttypid::regtype FROM pg_attribute
 WHERE attrelid = 'pg_group'::regclass AND attnum > 0 ORDER BY attnum;
SELECT attname, atttypid::regtype FROM pg_attribute
 WHERE attrelid = 'pg_seclabels'::regclass AND attnum > 0 ORDER BY attnum;
SELECT pg_get_viewdef('pg_group'::regclass);
SELECT pg_get_viewdef('pg_group'::regclass, true);
SELECT pg_get_viewdef('pg_seclabels'::regclass, true);
SELECT count(*) FROM pg_views WHERE viewname IN ('pg_group', 'pg_seclabels');
-- other views whose definitions are PostgreSQL's own
SELECT pg_get_viewdef('pg_roles'::regclass, true);
SELECT pg_get_viewdef('pg_shadow'::regclass, true);
SELECT pg_get_viewdef('pg_statio_all_tables'::regclass, true);

-- pg_group lists roles that cannot log in, with their members
CREATE ROLE sv_grp;
CREATE ROLE sv_member1 LOGIN;
CREATE ROLE sv_member2;
GRANT sv_grp TO sv_member1, sv_member2;
SELECT groname, cardinality(grolist) AS members,
       (SELECT array_agg(rolname ORDER BY rolname) FROM pg_authid
         WHERE oid = ANY (grolist)) AS names
  FROM pg_group WHERE groname LIKE 'sv\_%' ORDER BY groname;
SELECT count(*) FROM pg_group WHERE groname = 'sv_member1';
DROP ROLE sv_member1, sv_member2, sv_grp;

-- no security label providers: no labels
SELECT count(*) FROM pg_seclabels;

-- pg_cursors: the session's DECLAREd cursors (not the statement asking)
SELECT attname, atttypid::regtype FROM pg_attribute
 WHERE attrelid = 'pg_cursors'::regclass AND attnum > 0 ORDER BY attnum;
SELECT pg_get_viewdef('pg_cursors'::regclass, true);
SELECT count(*) FROM pg_cursors;
CREATE TABLE sv_t (a int);
INSERT INTO sv_t VALUES (1), (2);
BEGIN;
DECLARE sv_c1 NO SCROLL CURSOR FOR SELECT a FROM sv_t ORDER BY a;
DECLARE "sv C2" NO SCROLL CURSOR FOR SELECT 1;
SELECT name, statement, is_holdable, is_binary, is_scrollable,
       creation_time BETWEEN now() AND statement_timestamp() AS created
  FROM pg_cursors ORDER BY name;
FETCH 1 FROM sv_c1;
CLOSE "sv C2";
SELECT name FROM pg_cursors;
COMMIT;
SELECT count(*) FROM pg_cursors;
DROP TABLE sv_t;

-- pg_stats: what ANALYZE gathered, per column
SELECT attname, atttypid::regtype FROM pg_attribute
 WHERE attrelid = 'pg_stats'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE sv_s (a int, b text, c int);
INSERT INTO sv_s SELECT g, 'x' || (g % 3), NULL FROM generate_series(1, 100) g;
ANALYZE sv_s;
SELECT attname, inherited, null_frac, avg_width, n_distinct,
       most_common_vals::text, most_common_freqs, histogram_bounds::text, correlation,
       most_common_elems::text, most_common_elem_freqs, elem_count_histogram
  FROM pg_stats WHERE schemaname = 'public' AND tablename = 'sv_s' ORDER BY attname;
DROP TABLE sv_s;
