--
-- Syntax errors and their positions
--
SELECT FROM WHERE;
SELEC 1;
SELECT 1 +;
SELECT (1;
SELECT 'unterminated;
SELECT 1 1;
INSERT INTO VALUES (1);
CREATE TABLE (a int);
SELECT * FROM;
SELECT 1,
  2,
  3 4;
/* a comment */ SELECT /* another */ 1 -- and a trailing one
;
SELECT $$dollar quoted$$, $t$tagged$t$;
SELECT E'esc\tape', U&'\0041B';
SELECT 1 AS "Quoted Ident";
