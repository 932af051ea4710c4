-- FETCH FIRST … WITH TIES: the rows tied with the last one counted on
-- the ORDER BY columns come too.  Table names start with lt_.
CREATE TABLE lt_scores (name text, score int, team int);
INSERT INTO lt_scores VALUES
  ('a', 90, 1), ('b', 85, 1), ('c', 85, 2), ('d', 85, 2), ('e', 70, 1),
  ('f', NULL, 2), ('g', NULL, 1), ('h', 60, 2);

SELECT name, score FROM lt_scores ORDER BY score DESC NULLS LAST, name FETCH FIRST 2 ROWS ONLY;
SELECT score FROM lt_scores ORDER BY score DESC NULLS LAST FETCH FIRST 2 ROWS WITH TIES;
SELECT score FROM lt_scores ORDER BY score DESC NULLS LAST FETCH FIRST 4 ROWS WITH TIES;
SELECT score FROM lt_scores ORDER BY score DESC NULLS LAST FETCH FIRST 5 ROWS WITH TIES;
SELECT score FROM lt_scores ORDER BY score DESC NULLS LAST FETCH FIRST ROW WITH TIES;
-- NULLs are tied with each other.
SELECT score FROM lt_scores ORDER BY score NULLS FIRST FETCH FIRST 1 ROW WITH TIES;
-- Several ORDER BY columns: all must be equal.
SELECT team, score FROM lt_scores ORDER BY team, score DESC NULLS LAST FETCH FIRST 2 ROWS WITH TIES;
SELECT team, score FROM lt_scores ORDER BY team FETCH FIRST 3 ROWS WITH TIES;
-- With OFFSET, zero rows, more rows than there are.
SELECT score FROM lt_scores ORDER BY score DESC NULLS LAST OFFSET 1 ROWS FETCH FIRST 1 ROW WITH TIES;
SELECT score FROM lt_scores ORDER BY score FETCH FIRST 0 ROWS WITH TIES;
SELECT count(*) FROM (SELECT score FROM lt_scores ORDER BY score FETCH FIRST 100 ROWS WITH TIES) s;
-- In a subquery, and over a set operation.
SELECT count(*) FROM (SELECT * FROM lt_scores ORDER BY score DESC NULLS LAST FETCH FIRST 2 ROWS WITH TIES) s;
SELECT score FROM lt_scores UNION ALL SELECT 85 ORDER BY 1 DESC NULLS LAST FETCH FIRST 2 ROWS WITH TIES;
-- A parameter as the count.
PREPARE lt_top(bigint) AS SELECT score FROM lt_scores ORDER BY score DESC NULLS LAST FETCH FIRST $1 ROWS WITH TIES;
EXECUTE lt_top(2);
EXECUTE lt_top(3);
DEALLOCATE lt_top;

-- Errors.
SELECT score FROM lt_scores FETCH FIRST 2 ROWS WITH TIES;
SELECT score FROM lt_scores ORDER BY score FETCH FIRST NULL ROWS WITH TIES;
SELECT score FROM lt_scores ORDER BY score FETCH FIRST -1 ROWS WITH TIES;

EXPLAIN (COSTS OFF) SELECT score FROM lt_scores ORDER BY score FETCH FIRST 2 ROWS WITH TIES;

DROP TABLE lt_scores;
