--
-- Ordered-set aggregates (percentile_cont, percentile_disc, mode) and
-- hypothetical-set aggregates (rank, dense_rank, percent_rank,
-- cume_dist): f(direct arguments) WITHIN GROUP (ORDER BY ...).
--
CREATE TABLE osa (g int, x int, f float8, i interval, t text);
INSERT INTO osa VALUES
  (1, 1, 1.5, '1 hour', 'b'), (1, 2, 2.5, '2 hours', 'a'), (1, 3, NULL, '5 hours', 'c'),
  (1, 3, 10, NULL, 'a'), (2, 10, 0, '1 day', NULL), (2, NULL, 4, '3 days', 'z'),
  (3, NULL, NULL, NULL, NULL);

-- percentiles and mode, per group and over everything
SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY x),
       percentile_disc(0.5) WITHIN GROUP (ORDER BY x),
       mode() WITHIN GROUP (ORDER BY x)
  FROM osa GROUP BY g ORDER BY g;
SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY f),
       percentile_cont(0.75) WITHIN GROUP (ORDER BY i),
       percentile_disc(0.9) WITHIN GROUP (ORDER BY i DESC),
       percentile_disc(0) WITHIN GROUP (ORDER BY x),
       percentile_disc(1) WITHIN GROUP (ORDER BY x),
       percentile_cont(1) WITHIN GROUP (ORDER BY f)
  FROM osa;
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY t), mode() WITHIN GROUP (ORDER BY t),
       mode() WITHIN GROUP (ORDER BY t DESC)
  FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x::float8 * 2) FROM osa;
SELECT percentile_cont(0.3) WITHIN GROUP (ORDER BY v) FROM generate_series(1, 10) v;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM (VALUES ('1 day'::interval), ('3 days')) s(v);

-- several percentiles at once: an array of the same shape
SELECT percentile_cont(array[0, 0.25, 0.5, 1, NULL]) WITHIN GROUP (ORDER BY x),
       percentile_disc(array[[0.1, 0.9], [0.5, 0.6]]) WITHIN GROUP (ORDER BY x),
       percentile_cont(array[0.5]) WITHIN GROUP (ORDER BY i),
       percentile_disc(array[]::float8[]) WITHIN GROUP (ORDER BY t)
  FROM osa;
SELECT g, percentile_disc(array[0.5, 1]) WITHIN GROUP (ORDER BY t) FROM osa GROUP BY g ORDER BY g;

-- hypothetical-set aggregates
SELECT rank(3) WITHIN GROUP (ORDER BY x), dense_rank(3) WITHIN GROUP (ORDER BY x),
       percent_rank(3) WITHIN GROUP (ORDER BY x), cume_dist(3) WITHIN GROUP (ORDER BY x)
  FROM osa;
SELECT rank(3) WITHIN GROUP (ORDER BY x DESC), dense_rank(3) WITHIN GROUP (ORDER BY x DESC NULLS LAST),
       rank(NULL::int) WITHIN GROUP (ORDER BY x), rank(NULL::int) WITHIN GROUP (ORDER BY x NULLS FIRST)
  FROM osa;
SELECT g, rank(2, 1.5) WITHIN GROUP (ORDER BY x, f), rank(2, 2) WITHIN GROUP (ORDER BY x DESC, f),
       cume_dist('b') WITHIN GROUP (ORDER BY t), dense_rank(1.5) WITHIN GROUP (ORDER BY x)
  FROM osa GROUP BY g ORDER BY g;
SELECT rank(5) WITHIN GROUP (ORDER BY v), dense_rank(5) WITHIN GROUP (ORDER BY v),
       percent_rank(5) WITHIN GROUP (ORDER BY v), cume_dist(5) WITHIN GROUP (ORDER BY v)
  FROM (VALUES (1), (5), (5), (7), (9)) s(v);

-- no rows, NULL percentiles, FILTER, direct arguments from the group
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x), mode() WITHIN GROUP (ORDER BY x),
       percentile_disc(array[0.5]) WITHIN GROUP (ORDER BY x)
  FROM osa WHERE false;
SELECT rank(1) WITHIN GROUP (ORDER BY x), percent_rank(1) WITHIN GROUP (ORDER BY x),
       cume_dist(1) WITHIN GROUP (ORDER BY x)
  FROM osa WHERE false;
SELECT percentile_cont(NULL) WITHIN GROUP (ORDER BY x), percentile_disc(NULL::float8[]) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT mode() WITHIN GROUP (ORDER BY i) FILTER (WHERE g = 1),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FILTER (WHERE x > 1)
  FROM osa;
SELECT g, percentile_cont(g / 10.0) WITHIN GROUP (ORDER BY x) FROM osa GROUP BY g ORDER BY g;
SELECT g, percentile_disc(0.5) WITHIN GROUP (ORDER BY x), rank(2) WITHIN GROUP (ORDER BY x)
  FROM osa GROUP BY g HAVING percentile_disc(0.5) WITHIN GROUP (ORDER BY x) > 1 ORDER BY g;
SELECT sum(x), percentile_cont(0.5) WITHIN GROUP (ORDER BY x),
       array_agg(x ORDER BY x) FILTER (WHERE x IS NOT NULL)
  FROM osa;

-- plans
EXPLAIN (COSTS OFF) SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM osa GROUP BY g;
CREATE TABLE osa_xt AS SELECT x, t FROM osa;
EXPLAIN (COSTS OFF, VERBOSE) SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x DESC),
       rank(2) WITHIN GROUP (ORDER BY x), mode() WITHIN GROUP (ORDER BY t) FROM osa_xt;
DROP TABLE osa_xt;

-- errors
SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_disc(array[0.5, -1]) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_cont(0.5) FROM osa;
SELECT mode(x) FROM osa;
SELECT sum(x) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT rank(1, 2) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_cont(x) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) OVER () FROM osa;
SELECT row_number() WITHIN GROUP (ORDER BY x) OVER () FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY sum(x)) FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM osa WHERE percentile_cont(0.5) WITHIN GROUP (ORDER BY x) > 1;
SELECT count(DISTINCT x) WITHIN GROUP (ORDER BY x) FROM osa;

DROP TABLE osa;
