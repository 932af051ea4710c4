--
-- Queries a B-tree index can answer give the same rows as without it:
-- each query runs with the indexes, then after they are dropped.
-- (EXPLAIN is not implemented yet, so the plans are not shown.)
--
CREATE TABLE ix (id int8, a int, b text, c int);
INSERT INTO ix VALUES
  (1, 1, 'k07', 13),
  (2, 2, 'k14', 26),
  (3, 3, 'k21', 39),
  (4, 4, 'k28', 52),
  (5, 5, 'k35', 65),
  (6, 6, 'k42', 78),
  (7, 7, 'k49', 91),
  (8, 8, 'k06', 3),
  (9, 9, 'k13', 16),
  (10, 10, 'k20', 29),
  (11, 11, 'k27', 42),
  (12, 12, 'k34', 55),
  (13, 13, 'k41', 68),
  (14, 14, 'k48', 81),
  (15, 15, 'k05', 94),
  (16, 16, 'k12', 6),
  (17, 17, 'k19', 19),
  (18, 18, 'k26', 32),
  (19, 19, 'k33', 45),
  (20, 0, 'k40', 58),
  (21, 1, 'k47', 71),
  (22, 2, 'k04', 84),
  (23, 3, 'k11', 97),
  (24, 4, 'k18', 9),
  (25, 5, 'k25', 22),
  (26, 6, 'k32', 35),
  (27, 7, 'k39', 48),
  (28, 8, 'k46', 61),
  (29, 9, 'k03', 74),
  (30, 10, 'k10', 87),
  (31, 11, 'k17', 100),
  (32, 12, 'k24', 12),
  (33, 13, 'k31', 25),
  (34, 14, 'k38', 38),
  (35, 15, 'k45', 51),
  (36, 16, 'k02', 64),
  (37, NULL, 'k09', 77),
  (38, 18, 'k16', 90),
  (39, 19, 'k23', 2),
  (40, 0, 'k30', 15),
  (41, 1, 'k37', 28),
  (42, 2, 'k44', 41),
  (43, 3, 'k01', 54),
  (44, 4, 'k08', 67),
  (45, 5, 'k15', 80),
  (46, 6, 'k22', 93),
  (47, 7, 'k29', 5),
  (48, 8, 'k36', 18),
  (49, 9, 'k43', 31),
  (50, 10, 'k00', 44),
  (51, 11, 'k07', 57),
  (52, 12, 'k14', 70),
  (53, 13, NULL, 83),
  (54, 14, 'k28', 96),
  (55, 15, 'k35', 8),
  (56, 16, 'k42', 21),
  (57, 17, 'k49', 34),
  (58, 18, 'k06', 47),
  (59, 19, 'k13', 60),
  (60, 0, 'k20', 73),
  (61, 1, 'k27', 86),
  (62, 2, 'k34', 99),
  (63, 3, 'k41', 11),
  (64, 4, 'k48', 24),
  (65, 5, 'k05', 37),
  (66, 6, 'k12', 50),
  (67, 7, 'k19', 63),
  (68, 8, 'k26', 76),
  (69, 9, 'k33', 89),
  (70, 10, 'k40', 1),
  (71, 11, 'k47', 14),
  (72, 12, 'k04', 27),
  (73, 13, 'k11', 40),
  (74, NULL, 'k18', 53),
  (75, 15, 'k25', 66),
  (76, 16, 'k32', 79),
  (77, 17, 'k39', 92),
  (78, 18, 'k46', 4),
  (79, 19, 'k03', 17),
  (80, 0, 'k10', 30),
  (81, 1, 'k17', 43),
  (82, 2, 'k24', 56),
  (83, 3, 'k31', 69),
  (84, 4, 'k38', 82),
  (85, 5, 'k45', 95),
  (86, 6, 'k02', 7),
  (87, 7, 'k09', 20),
  (88, 8, 'k16', 33),
  (89, 9, 'k23', 46),
  (90, 10, 'k30', 59),
  (91, 11, 'k37', 72),
  (92, 12, 'k44', 85),
  (93, 13, 'k01', 98),
  (94, 14, 'k08', 10),
  (95, 15, 'k15', 23),
  (96, 16, 'k22', 36),
  (97, 17, 'k29', 49),
  (98, 18, 'k36', 62),
  (99, 19, 'k43', 75),
  (100, 0, 'k00', 88),
  (101, 1, 'k07', 0),
  (102, 2, 'k14', 13),
  (103, 3, 'k21', 26),
  (104, 4, 'k28', 39),
  (105, 5, 'k35', 52),
  (106, 6, NULL, 65),
  (107, 7, 'k49', 78),
  (108, 8, 'k06', 91),
  (109, 9, 'k13', 3),
  (110, 10, 'k20', 16),
  (111, NULL, 'k27', 29),
  (112, 12, 'k34', 42),
  (113, 13, 'k41', 55),
  (114, 14, 'k48', 68),
  (115, 15, 'k05', 81),
  (116, 16, 'k12', 94),
  (117, 17, 'k19', 6),
  (118, 18, 'k26', 19),
  (119, 19, 'k33', 32),
  (120, 0, 'k40', 45),
  (121, 1, 'k47', 58),
  (122, 2, 'k04', 71),
  (123, 3, 'k11', 84),
  (124, 4, 'k18', 97),
  (125, 5, 'k25', 9),
  (126, 6, 'k32', 22),
  (127, 7, 'k39', 35),
  (128, 8, 'k46', 48),
  (129, 9, 'k03', 61),
  (130, 10, 'k10', 74),
  (131, 11, 'k17', 87),
  (132, 12, 'k24', 100),
  (133, 13, 'k31', 12),
  (134, 14, 'k38', 25),
  (135, 15, 'k45', 38),
  (136, 16, 'k02', 51),
  (137, 17, 'k09', 64),
  (138, 18, 'k16', 77),
  (139, 19, 'k23', 90),
  (140, 0, 'k30', 2),
  (141, 1, 'k37', 15),
  (142, 2, 'k44', 28),
  (143, 3, 'k01', 41),
  (144, 4, 'k08', 54),
  (145, 5, 'k15', 67),
  (146, 6, 'k22', 80),
  (147, 7, 'k29', 93),
  (148, NULL, 'k36', 5),
  (149, 9, 'k43', 18),
  (150, 10, 'k00', 31),
  (151, 11, 'k07', 44),
  (152, 12, 'k14', 57),
  (153, 13, 'k21', 70),
  (154, 14, 'k28', 83),
  (155, 15, 'k35', 96),
  (156, 16, 'k42', 8),
  (157, 17, 'k49', 21),
  (158, 18, 'k06', 34),
  (159, 19, NULL, 47),
  (160, 0, 'k20', 60),
  (161, 1, 'k27', 73),
  (162, 2, 'k34', 86),
  (163, 3, 'k41', 99),
  (164, 4, 'k48', 11),
  (165, 5, 'k05', 24),
  (166, 6, 'k12', 37),
  (167, 7, 'k19', 50),
  (168, 8, 'k26', 63),
  (169, 9, 'k33', 76),
  (170, 10, 'k40', 89),
  (171, 11, 'k47', 1),
  (172, 12, 'k04', 14),
  (173, 13, 'k11', 27),
  (174, 14, 'k18', 40),
  (175, 15, 'k25', 53),
  (176, 16, 'k32', 66),
  (177, 17, 'k39', 79),
  (178, 18, 'k46', 92),
  (179, 19, 'k03', 4),
  (180, 0, 'k10', 17),
  (181, 1, 'k17', 30),
  (182, 2, 'k24', 43),
  (183, 3, 'k31', 56),
  (184, 4, 'k38', 69),
  (185, NULL, 'k45', 82),
  (186, 6, 'k02', 95),
  (187, 7, 'k09', 7),
  (188, 8, 'k16', 20),
  (189, 9, 'k23', 33),
  (190, 10, 'k30', 46),
  (191, 11, 'k37', 59),
  (192, 12, 'k44', 72),
  (193, 13, 'k01', 85),
  (194, 14, 'k08', 98),
  (195, 15, 'k15', 10),
  (196, 16, 'k22', 23),
  (197, 17, 'k29', 36),
  (198, 18, 'k36', 49),
  (199, 19, 'k43', 62),
  (200, 0, 'k00', 75),
  (201, 1, 'k07', 88),
  (202, 2, 'k14', 0),
  (203, 3, 'k21', 13),
  (204, 4, 'k28', 26),
  (205, 5, 'k35', 39),
  (206, 6, 'k42', 52),
  (207, 7, 'k49', 65),
  (208, 8, 'k06', 78),
  (209, 9, 'k13', 91),
  (210, 10, 'k20', 3),
  (211, 11, 'k27', 16),
  (212, 12, NULL, 29),
  (213, 13, 'k41', 42),
  (214, 14, 'k48', 55),
  (215, 15, 'k05', 68),
  (216, 16, 'k12', 81),
  (217, 17, 'k19', 94),
  (218, 18, 'k26', 6),
  (219, 19, 'k33', 19),
  (220, 0, 'k40', 32),
  (221, 1, 'k47', 45),
  (222, NULL, 'k04', 58),
  (223, 3, 'k11', 71),
  (224, 4, 'k18', 84),
  (225, 5, 'k25', 97),
  (226, 6, 'k32', 9),
  (227, 7, 'k39', 22),
  (228, 8, 'k46', 35),
  (229, 9, 'k03', 48),
  (230, 10, 'k10', 61),
  (231, 11, 'k17', 74),
  (232, 12, 'k24', 87),
  (233, 13, 'k31', 100),
  (234, 14, 'k38', 12),
  (235, 15, 'k45', 25),
  (236, 16, 'k02', 38),
  (237, 17, 'k09', 51),
  (238, 18, 'k16', 64),
  (239, 19, 'k23', 77),
  (240, 0, 'k30', 90),
  (241, 1, 'k37', 2),
  (242, 2, 'k44', 15),
  (243, 3, 'k01', 28),
  (244, 4, 'k08', 41),
  (245, 5, 'k15', 54),
  (246, 6, 'k22', 67),
  (247, 7, 'k29', 80),
  (248, 8, 'k36', 93),
  (249, 9, 'k43', 5),
  (250, 10, 'k00', 18),
  (251, 11, 'k07', 31),
  (252, 12, 'k14', 44),
  (253, 13, 'k21', 57),
  (254, 14, 'k28', 70),
  (255, 15, 'k35', 83),
  (256, 16, 'k42', 96),
  (257, 17, 'k49', 8),
  (258, 18, 'k06', 21),
  (259, NULL, 'k13', 34),
  (260, 0, 'k20', 47),
  (261, 1, 'k27', 60),
  (262, 2, 'k34', 73),
  (263, 3, 'k41', 86),
  (264, 4, 'k48', 99),
  (265, 5, NULL, 11),
  (266, 6, 'k12', 24),
  (267, 7, 'k19', 37),
  (268, 8, 'k26', 50),
  (269, 9, 'k33', 63),
  (270, 10, 'k40', 76),
  (271, 11, 'k47', 89),
  (272, 12, 'k04', 1),
  (273, 13, 'k11', 14),
  (274, 14, 'k18', 27),
  (275, 15, 'k25', 40),
  (276, 16, 'k32', 53),
  (277, 17, 'k39', 66),
  (278, 18, 'k46', 79),
  (279, 19, 'k03', 92),
  (280, 0, 'k10', 4),
  (281, 1, 'k17', 17),
  (282, 2, 'k24', 30),
  (283, 3, 'k31', 43),
  (284, 4, 'k38', 56),
  (285, 5, 'k45', 69),
  (286, 6, 'k02', 82),
  (287, 7, 'k09', 95),
  (288, 8, 'k16', 7),
  (289, 9, 'k23', 20),
  (290, 10, 'k30', 33),
  (291, 11, 'k37', 46),
  (292, 12, 'k44', 59),
  (293, 13, 'k01', 72),
  (294, 14, 'k08', 85),
  (295, 15, 'k15', 98),
  (296, NULL, 'k22', 10),
  (297, 17, 'k29', 23),
  (298, 18, 'k36', 36),
  (299, 19, 'k43', 49),
  (300, 0, 'k00', 62),
  (301, 1, 'k07', 75),
  (302, 2, 'k14', 88),
  (303, 3, 'k21', 0),
  (304, 4, 'k28', 13),
  (305, 5, 'k35', 26),
  (306, 6, 'k42', 39),
  (307, 7, 'k49', 52),
  (308, 8, 'k06', 65),
  (309, 9, 'k13', 78),
  (310, 10, 'k20', 91),
  (311, 11, 'k27', 3),
  (312, 12, 'k34', 16),
  (313, 13, 'k41', 29),
  (314, 14, 'k48', 42),
  (315, 15, 'k05', 55),
  (316, 16, 'k12', 68),
  (317, 17, 'k19', 81),
  (318, 18, NULL, 94),
  (319, 19, 'k33', 6),
  (320, 0, 'k40', 19),
  (321, 1, 'k47', 32),
  (322, 2, 'k04', 45),
  (323, 3, 'k11', 58),
  (324, 4, 'k18', 71),
  (325, 5, 'k25', 84),
  (326, 6, 'k32', 97),
  (327, 7, 'k39', 9),
  (328, 8, 'k46', 22),
  (329, 9, 'k03', 35),
  (330, 10, 'k10', 48),
  (331, 11, 'k17', 61),
  (332, 12, 'k24', 74),
  (333, NULL, 'k31', 87),
  (334, 14, 'k38', 100),
  (335, 15, 'k45', 12),
  (336, 16, 'k02', 25),
  (337, 17, 'k09', 38),
  (338, 18, 'k16', 51),
  (339, 19, 'k23', 64),
  (340, 0, 'k30', 77),
  (341, 1, 'k37', 90),
  (342, 2, 'k44', 2),
  (343, 3, 'k01', 15),
  (344, 4, 'k08', 28),
  (345, 5, 'k15', 41),
  (346, 6, 'k22', 54),
  (347, 7, 'k29', 67),
  (348, 8, 'k36', 80),
  (349, 9, 'k43', 93),
  (350, 10, 'k00', 5),
  (351, 11, 'k07', 18),
  (352, 12, 'k14', 31),
  (353, 13, 'k21', 44),
  (354, 14, 'k28', 57),
  (355, 15, 'k35', 70),
  (356, 16, 'k42', 83),
  (357, 17, 'k49', 96),
  (358, 18, 'k06', 8),
  (359, 19, 'k13', 21),
  (360, 0, 'k20', 34),
  (361, 1, 'k27', 47),
  (362, 2, 'k34', 60),
  (363, 3, 'k41', 73),
  (364, 4, 'k48', 86),
  (365, 5, 'k05', 99),
  (366, 6, 'k12', 11),
  (367, 7, 'k19', 24),
  (368, 8, 'k26', 37),
  (369, 9, 'k33', 50),
  (370, NULL, 'k40', 63),
  (371, 11, NULL, 76),
  (372, 12, 'k04', 89),
  (373, 13, 'k11', 1),
  (374, 14, 'k18', 14),
  (375, 15, 'k25', 27),
  (376, 16, 'k32', 40),
  (377, 17, 'k39', 53),
  (378, 18, 'k46', 66),
  (379, 19, 'k03', 79),
  (380, 0, 'k10', 92),
  (381, 1, 'k17', 4),
  (382, 2, 'k24', 17),
  (383, 3, 'k31', 30),
  (384, 4, 'k38', 43),
  (385, 5, 'k45', 56),
  (386, 6, 'k02', 69),
  (387, 7, 'k09', 82),
  (388, 8, 'k16', 95),
  (389, 9, 'k23', 7),
  (390, 10, 'k30', 20),
  (391, 11, 'k37', 33),
  (392, 12, 'k44', 46),
  (393, 13, 'k01', 59),
  (394, 14, 'k08', 72),
  (395, 15, 'k15', 85),
  (396, 16, 'k22', 98),
  (397, 17, 'k29', 10),
  (398, 18, 'k36', 23),
  (399, 19, 'k43', 36),
  (400, 0, 'k00', 49);
CREATE UNIQUE INDEX ix_id ON ix (id);
CREATE INDEX ix_a_b ON ix (a, b);
CREATE INDEX ix_c_desc ON ix (c DESC NULLS LAST);
SELECT * FROM ix WHERE id = 77;
SELECT * FROM ix WHERE id = 77::int8;
SELECT * FROM ix WHERE 77 = id;
SELECT * FROM ix WHERE id = 1000;
SELECT * FROM ix WHERE id = NULL;
SELECT id FROM ix WHERE id > 390 ORDER BY id;
SELECT id FROM ix WHERE id >= 5 AND id < 12 ORDER BY id;
SELECT id FROM ix WHERE id BETWEEN 100 AND 105 ORDER BY id;
SELECT id FROM ix WHERE id > 5000000000 ORDER BY id;
SELECT id FROM ix WHERE id < -5000000000 ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 3 ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 3 AND b = 'k21' ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 3 AND b > 'k30' ORDER BY id;
SELECT id, a, b FROM ix WHERE a >= 18 AND b <= 'k05' ORDER BY id;
SELECT id, a, b FROM ix WHERE b = 'k07' ORDER BY id;
SELECT id, a, b FROM ix WHERE a IS NULL ORDER BY id;
SELECT id, a, b FROM ix WHERE a IS NULL AND b IS NULL ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 8 AND b IS NULL ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 8 AND b IS NOT NULL AND id > 300 ORDER BY id;
SELECT id, c FROM ix WHERE c = 50 ORDER BY id;
SELECT id, c FROM ix WHERE c > 97 ORDER BY id;
SELECT id, c FROM ix WHERE c < 3 ORDER BY id;
SELECT count(*) FROM ix WHERE a < 10;
SELECT count(*), sum(c) FROM ix WHERE a = 0 OR id = 2;
SELECT x.id, y.id FROM ix x JOIN ix y ON y.id = x.c WHERE x.id < 8 ORDER BY x.id;
-- Changes keep the indexes right.
UPDATE ix SET a = 100 + a WHERE id % 10 = 0;
DELETE FROM ix WHERE id % 7 = 0;
INSERT INTO ix VALUES (1001, 3, 'k21', 50), (1002, NULL, NULL, NULL);
UPDATE ix SET id = id + 2000 WHERE id BETWEEN 50 AND 60;
SELECT id, a, b FROM ix WHERE a = 3 AND b = 'k21' ORDER BY id;
SELECT id, a FROM ix WHERE a >= 110 ORDER BY id;
SELECT id FROM ix WHERE id > 2040 ORDER BY id;
SELECT id FROM ix WHERE id = 55;
SELECT id, c FROM ix WHERE c IS NULL ORDER BY id;
-- Inside a transaction: rows of this transaction, and a rolled-back change.
BEGIN;
INSERT INTO ix VALUES (3000, 7, 'new', 1);
SELECT id, a, b FROM ix WHERE a = 7 AND b = 'new';
UPDATE ix SET b = 'newer' WHERE id = 3000;
SELECT id, a, b FROM ix WHERE a = 7 AND b >= 'new' ORDER BY b;
ROLLBACK;
SELECT id FROM ix WHERE id = 3000;
-- The same questions without the indexes.
DROP INDEX ix_id, ix_a_b, ix_c_desc;
SELECT id, a, b FROM ix WHERE a = 3 AND b = 'k21' ORDER BY id;
SELECT id, a FROM ix WHERE a >= 110 ORDER BY id;
SELECT id FROM ix WHERE id > 2040 ORDER BY id;
SELECT id FROM ix WHERE id = 55;
SELECT id, c FROM ix WHERE c IS NULL ORDER BY id;
-- (the first questions, on the changed rows)
SELECT * FROM ix WHERE id = 77;
SELECT * FROM ix WHERE id = 77::int8;
SELECT * FROM ix WHERE 77 = id;
SELECT * FROM ix WHERE id = 1000;
SELECT * FROM ix WHERE id = NULL;
SELECT id FROM ix WHERE id > 390 ORDER BY id;
SELECT id FROM ix WHERE id >= 5 AND id < 12 ORDER BY id;
SELECT id FROM ix WHERE id BETWEEN 100 AND 105 ORDER BY id;
SELECT id FROM ix WHERE id > 5000000000 ORDER BY id;
SELECT id FROM ix WHERE id < -5000000000 ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 3 ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 3 AND b = 'k21' ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 3 AND b > 'k30' ORDER BY id;
SELECT id, a, b FROM ix WHERE a >= 18 AND b <= 'k05' ORDER BY id;
SELECT id, a, b FROM ix WHERE b = 'k07' ORDER BY id;
SELECT id, a, b FROM ix WHERE a IS NULL ORDER BY id;
SELECT id, a, b FROM ix WHERE a IS NULL AND b IS NULL ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 8 AND b IS NULL ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 8 AND b IS NOT NULL AND id > 300 ORDER BY id;
SELECT id, c FROM ix WHERE c = 50 ORDER BY id;
SELECT id, c FROM ix WHERE c > 97 ORDER BY id;
SELECT id, c FROM ix WHERE c < 3 ORDER BY id;
SELECT count(*) FROM ix WHERE a < 10;
SELECT count(*), sum(c) FROM ix WHERE a = 0 OR id = 2;
SELECT x.id, y.id FROM ix x JOIN ix y ON y.id = x.c WHERE x.id < 8 ORDER BY x.id;
-- and again with the indexes built over the changed rows.
CREATE UNIQUE INDEX ix_id ON ix (id);
CREATE INDEX ix_a_b ON ix (a, b);
CREATE INDEX ix_c_desc ON ix (c DESC NULLS LAST);
SELECT * FROM ix WHERE id = 77;
SELECT * FROM ix WHERE id = 77::int8;
SELECT * FROM ix WHERE 77 = id;
SELECT * FROM ix WHERE id = 1000;
SELECT * FROM ix WHERE id = NULL;
SELECT id FROM ix WHERE id > 390 ORDER BY id;
SELECT id FROM ix WHERE id >= 5 AND id < 12 ORDER BY id;
SELECT id FROM ix WHERE id BETWEEN 100 AND 105 ORDER BY id;
SELECT id FROM ix WHERE id > 5000000000 ORDER BY id;
SELECT id FROM ix WHERE id < -5000000000 ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 3 ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 3 AND b = 'k21' ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 3 AND b > 'k30' ORDER BY id;
SELECT id, a, b FROM ix WHERE a >= 18 AND b <= 'k05' ORDER BY id;
SELECT id, a, b FROM ix WHERE b = 'k07' ORDER BY id;
SELECT id, a, b FROM ix WHERE a IS NULL ORDER BY id;
SELECT id, a, b FROM ix WHERE a IS NULL AND b IS NULL ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 8 AND b IS NULL ORDER BY id;
SELECT id, a, b FROM ix WHERE a = 8 AND b IS NOT NULL AND id > 300 ORDER BY id;
SELECT id, c FROM ix WHERE c = 50 ORDER BY id;
SELECT id, c FROM ix WHERE c > 97 ORDER BY id;
SELECT id, c FROM ix WHERE c < 3 ORDER BY id;
SELECT count(*) FROM ix WHERE a < 10;
SELECT count(*), sum(c) FROM ix WHERE a = 0 OR id = 2;
SELECT x.id, y.id FROM ix x JOIN ix y ON y.id = x.c WHERE x.id < 8 ORDER BY x.id;
DROP TABLE ix;
-- Partial indexes answer only queries that include their predicate.
CREATE TABLE pp (a int, b int, c text);
INSERT INTO pp VALUES (1, 1, 'x'), (2, -1, 'y'), (3, 5, 'z'), (4, 0, NULL), (1, -5, 'w');
CREATE INDEX pp_part ON pp (a) WHERE b > 0;
CREATE INDEX pp_part2 ON pp (c) WHERE b > 0 AND c IS NOT NULL;
SELECT * FROM pp WHERE a = 1 ORDER BY b;
SELECT * FROM pp WHERE a = 1 AND b > 0;
SELECT * FROM pp WHERE b > 0 AND a >= 1 ORDER BY a;
SELECT * FROM pp WHERE c = 'z' AND c IS NOT NULL AND b > 0;
SELECT * FROM pp WHERE c = 'w' AND b < 0;
UPDATE pp SET b = 10 WHERE a = 2;
SELECT * FROM pp WHERE b > 0 AND a = 2;
DROP TABLE pp;
