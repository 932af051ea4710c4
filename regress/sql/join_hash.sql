-- Joins on equalities (hash joins when the tables are big enough):
-- FULL JOIN, NULL keys, duplicates, several keys, cross-type keys,
-- text keys, and outer joins with extra conditions.
CREATE TABLE digits (d int);
INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
CREATE TABLE big1 (id int, grp int, label text);
INSERT INTO big1 SELECT a.d * 100 + b.d * 10 + c.d, c.d, 'x' || (a.d * 100 + b.d * 10 + c.d)::text
  FROM digits a, digits b, digits c;
CREATE TABLE big2 (id bigint, val int);
INSERT INTO big2 SELECT (a.d * 100 + b.d * 10 + c.d) * 2, a.d FROM digits a, digits b, digits c;
INSERT INTO big2 VALUES (NULL, 99), (4, 42);

SELECT count(*) FROM big1 JOIN big2 ON big1.id = big2.id;
SELECT count(*), sum(big2.val) FROM big1 JOIN big2 ON big2.id = big1.id WHERE big1.grp = 4;
SELECT big1.id, big2.val FROM big1 JOIN big2 ON big1.id = big2.id WHERE big1.id < 10 ORDER BY 1, 2;
SELECT count(*) FROM big1 LEFT JOIN big2 ON big1.id = big2.id;
SELECT count(*) FROM big1 LEFT JOIN big2 ON big1.id = big2.id WHERE big2.id IS NULL;
SELECT count(*) FROM big1 FULL JOIN big2 ON big1.id = big2.id;
SELECT count(*) FROM big1 FULL JOIN big2 ON big1.id = big2.id WHERE big1.id IS NULL;
SELECT big2.val FROM big1 FULL JOIN big2 ON big1.id = big2.id WHERE big1.id IS NULL ORDER BY 1;
SELECT count(*) FROM big1 b1 JOIN big1 b2 ON b1.grp = b2.grp AND b1.label = b2.label;
SELECT count(*) FROM big1 b1 JOIN big1 b2 ON b1.grp = b2.grp;
SELECT count(*) FROM big1 b1 JOIN big1 b2 ON b1.label = b2.label AND b1.id < b2.id;
SELECT count(*) FROM big1 LEFT JOIN big2 ON big1.id = big2.id AND big2.val > 5;
SELECT count(*) FROM big1 JOIN big2 ON big1.id = big2.id JOIN digits ON digits.d = big1.grp;

-- small tables, every row checked
CREATE TABLE jl (k int, lv text);
CREATE TABLE jr (k int, rv text);
INSERT INTO jl VALUES (1, 'l1'), (2, 'l2'), (2, 'l2b'), (NULL, 'lnull'), (5, 'l5');
INSERT INTO jr VALUES (2, 'r2'), (3, 'r3'), (NULL, 'rnull'), (5, 'r5'), (5, 'r5b');
SELECT * FROM jl FULL JOIN jr ON jl.k = jr.k ORDER BY jl.k, lv, jr.k, rv;
SELECT * FROM jl FULL OUTER JOIN jr USING (k) ORDER BY k, lv, rv;
SELECT * FROM jl NATURAL FULL JOIN jr ORDER BY k, lv, rv;
SELECT * FROM jl FULL JOIN jr ON jl.k = jr.k AND jr.rv <> 'r5' ORDER BY jl.k, lv, jr.k, rv;
SELECT * FROM jl FULL JOIN jr ON jl.k = jr.k WHERE jl.k IS NULL OR jr.k IS NULL ORDER BY lv, rv;
SELECT * FROM jl FULL JOIN jr ON jl.k > jr.k;
SELECT * FROM jl RIGHT JOIN jr ON jl.k = jr.k ORDER BY jr.k, rv, lv;
SELECT coalesce(jl.k, jr.k) AS k, count(*) FROM jl FULL JOIN jr ON jl.k = jr.k GROUP BY 1 ORDER BY 1;
