--
-- pg_group, pg_seclabels and pg_cursors: their columns, rows and definitions
--
SELECT attname, atttypid::regtype FROM pg_attribute
 WHERE attrelid = 'pg_group'::regclass AND attnum > 0 ORDER BY attnum;
SELECT attname, atttypid::regtype FROM pg_attribute
 WHERE attrelid = 'pg_seclabels'::regclass AND attnum > 0 ORDER BY attnum;
SELECT pg_get_viewdef('pg_group'::regclass);
SELECT pg_get_viewdef('pg_group'::regclass, true);
-- (pg_seclabels' definition: see below)
SELECT count(*) FROM pg_views WHERE viewname IN ('pg_group', 'pg_seclabels');

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
