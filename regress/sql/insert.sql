--
-- INSERT … VALUES
--
CREATE TABLE ins (a int NOT NULL, b text, c float8);
INSERT INTO ins VALUES (1, 'one', '1.5');
INSERT INTO ins VALUES (2, 'two', 2), (3, 'three', 3);
INSERT INTO ins (a, b) VALUES (4, 'four');
INSERT INTO ins (b, a) VALUES ('five', 5);
INSERT INTO ins VALUES (6);
INSERT INTO ins (a, c) VALUES (7, 7), (8, '8.25');
SELECT * FROM ins;
-- coercions on assignment
INSERT INTO ins VALUES ('9', 9, '9');
INSERT INTO ins VALUES (10::int8, 'ten');
SELECT a, b, c FROM ins WHERE a >= 9;
-- errors
INSERT INTO ins VALUES (NULL, 'null a');
INSERT INTO ins (b) VALUES ('no a');
INSERT INTO ins VALUES (11, 'eleven', 11, 'extra');
INSERT INTO ins (a, b) VALUES (12);
INSERT INTO ins (a, a) VALUES (13, 13);
INSERT INTO ins (nosuch) VALUES (1);
INSERT INTO ins VALUES ('x');
INSERT INTO ins VALUES (true);
INSERT INTO nosuch VALUES (1);
INSERT INTO ins VALUES (14, 'a'), (15);
SELECT count_is_not_needed FROM ins;
SELECT * FROM ins;
