-- FULL [OUTER] JOIN: with ON, USING (the merged column is
-- COALESCE(left, right)) and NATURAL; the hash join PostgreSQL picks, the
-- merge join when hash joins are off; conditions that can do neither.
CREATE TABLE fj_l (k int, lv text);
CREATE TABLE fj_r (k int, rv text);
INSERT INTO fj_l VALUES (1, 'l1'), (2, 'l2'), (2, 'l2b'), (4, 'l4'), (NULL, 'lnull'), (6, 'l6');
INSERT INTO fj_r VALUES (2, 'r2'), (3, 'r3'), (4, 'r4'), (4, 'r4b'), (NULL, 'rnull'), (7, 'r7');
ANALYZE fj_l;
ANALYZE fj_r;
EXPLAIN (COSTS OFF) SELECT * FROM fj_l FULL JOIN fj_r ON fj_l.k = fj_r.k;
SELECT * FROM fj_l FULL JOIN fj_r ON fj_l.k = fj_r.k ORDER BY fj_l.k, lv, fj_r.k, rv;
SELECT * FROM fj_l FULL OUTER JOIN fj_r USING (k) ORDER BY k, lv, rv;
EXPLAIN (COSTS OFF) SELECT k FROM fj_l FULL JOIN fj_r USING (k);
SELECT * FROM fj_l NATURAL FULL JOIN fj_r ORDER BY 1, 2, 3;
SELECT k, lv, rv FROM fj_l FULL JOIN fj_r USING (k) WHERE k IS NULL ORDER BY 2, 3;
SELECT * FROM fj_l FULL JOIN fj_r ON fj_l.k = fj_r.k AND rv <> 'r4b' ORDER BY 1, 2, 3, 4;
SELECT * FROM fj_l FULL JOIN fj_r ON fj_l.k = fj_r.k WHERE lv IS NULL OR rv IS NULL ORDER BY 1, 2, 3, 4;
-- merge full join
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT * FROM fj_l FULL JOIN fj_r ON fj_l.k = fj_r.k;
SELECT * FROM fj_l FULL JOIN fj_r ON fj_l.k = fj_r.k ORDER BY fj_l.k, lv, fj_r.k, rv;
SELECT * FROM fj_l FULL JOIN fj_r USING (k) ORDER BY k, lv, rv;
-- an extra condition: not mergeable, hashed despite enable_hashjoin
EXPLAIN (COSTS OFF) SELECT * FROM fj_l FULL JOIN fj_r ON fj_l.k = fj_r.k AND rv <> 'r4b';
SELECT * FROM fj_l FULL JOIN fj_r ON fj_l.k = fj_r.k AND rv <> 'r4b' ORDER BY 1, 2, 3, 4;
RESET enable_hashjoin;
-- three tables
SELECT * FROM fj_l FULL JOIN fj_r USING (k) FULL JOIN fj_l l2 USING (k) ORDER BY 1, 2, 3, 4;
-- neither mergeable nor hashable
SELECT * FROM fj_l FULL JOIN fj_r ON fj_l.k < fj_r.k;
SELECT * FROM fj_l FULL JOIN fj_r ON true;
DROP TABLE fj_l, fj_r;
