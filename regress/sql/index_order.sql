--
-- ORDER BY answered by a B-tree index's order (forward or backward)
-- instead of a sort: the rows must come out as a sort would give them.
--
CREATE TABLE ob (id int, a int, b text);
INSERT INTO ob VALUES
  (1, 7, 's05'),
  (2, 14, 's10'),
  (3, 21, 's15'),
  (4, 5, 's03'),
  (5, 12, 's08'),
  (6, 19, 's13'),
  (7, 3, 's01'),
  (8, 10, 's06'),
  (9, 17, 's11'),
  (10, 1, 's16'),
  (11, NULL, 's04'),
  (12, 15, 's09'),
  (13, 22, NULL),
  (14, 6, 's02'),
  (15, 13, 's07'),
  (16, 20, 's12'),
  (17, 4, 's00'),
  (18, 11, 's05'),
  (19, 18, 's10'),
  (20, 2, 's15'),
  (21, 9, 's03'),
  (22, NULL, 's08'),
  (23, 0, 's13'),
  (24, 7, 's01'),
  (25, 14, 's06'),
  (26, 21, NULL),
  (27, 5, 's16'),
  (28, 12, 's04'),
  (29, 19, 's09'),
  (30, 3, 's14'),
  (31, 10, 's02'),
  (32, 17, 's07'),
  (33, NULL, 's12'),
  (34, 8, 's00'),
  (35, 15, 's05'),
  (36, 22, 's10'),
  (37, 6, 's15'),
  (38, 13, 's03'),
  (39, 20, NULL),
  (40, 4, 's13'),
  (41, 11, 's01'),
  (42, 18, 's06'),
  (43, 2, 's11'),
  (44, NULL, 's16'),
  (45, 16, 's04'),
  (46, 0, 's09'),
  (47, 7, 's14'),
  (48, 14, 's02'),
  (49, 21, 's07'),
  (50, 5, 's12'),
  (51, 12, 's00'),
  (52, 19, NULL),
  (53, 3, 's10'),
  (54, 10, 's15'),
  (55, NULL, 's03'),
  (56, 1, 's08'),
  (57, 8, 's13'),
  (58, 15, 's01'),
  (59, 22, 's06'),
  (60, 6, 's11');
CREATE UNIQUE INDEX ob_id ON ob (id);
CREATE INDEX ob_a_b ON ob (a, b);
CREATE INDEX ob_b_desc ON ob (b DESC);
SELECT id FROM ob WHERE id > 50 ORDER BY id;
SELECT id FROM ob WHERE id > 50 ORDER BY id DESC;
SELECT id FROM ob WHERE id < 8 ORDER BY id DESC NULLS LAST;
SELECT id FROM ob ORDER BY id LIMIT 5;
SELECT id FROM ob ORDER BY id DESC LIMIT 5;
SELECT id FROM ob ORDER BY id LIMIT 3 OFFSET 10;
SELECT a, b, id FROM ob WHERE a = 5 ORDER BY b, id;
SELECT a, b FROM ob WHERE a = 5 ORDER BY b;
SELECT a, b FROM ob WHERE a = 5 ORDER BY b DESC;
SELECT a, b FROM ob WHERE a = 5 ORDER BY a, b;
SELECT a, b FROM ob WHERE a >= 20 ORDER BY a, b;
SELECT a, b FROM ob WHERE a >= 20 ORDER BY a DESC, b DESC;
SELECT a, b FROM ob WHERE a >= 20 ORDER BY a DESC, b;
SELECT a, b FROM ob WHERE a IS NULL ORDER BY b;
SELECT a, b FROM ob WHERE a IS NULL ORDER BY b NULLS FIRST;
SELECT a, b FROM ob ORDER BY a, b LIMIT 8;
SELECT a, b FROM ob ORDER BY a DESC, b DESC LIMIT 8;
SELECT a, b FROM ob ORDER BY a NULLS FIRST, b LIMIT 8;
SELECT b FROM ob WHERE b > 's12' ORDER BY b DESC;
SELECT b FROM ob WHERE b > 's12' ORDER BY b;
SELECT b FROM ob WHERE b < 's03' ORDER BY b NULLS FIRST;
SELECT b FROM ob ORDER BY b DESC LIMIT 6;
SELECT b FROM ob ORDER BY b LIMIT 6;
SELECT id, a FROM ob WHERE id BETWEEN 10 AND 20 ORDER BY a, id;
DROP TABLE ob;
