--
-- Regular expressions: the ~ ~* !~ !~* operators, SIMILAR TO, substring
-- and the regexp_* functions.  Tusk compiles PostgreSQL's ARE syntax with
-- PCRE2 (see doc/utils/adt/README.md for what still differs: notably
-- PostgreSQL's longest-match rule for alternations and greediness of a
-- whole pattern, which these tests avoid).
--

-- operators on text, name and character(n)
SELECT 'abc' ~ 'b' AS t, 'abc' ~ '^b' AS f, 'abc' !~ 'x' AS t, 'ABC' ~* 'b' AS t, 'ABC' !~* 'b' AS f;
SELECT 'abc'::name ~ 'b.' AS t, 'abc'::name !~ 'b.' AS f, 'ABC'::name ~* 'abc' AS t,
       'ABC'::name !~* 'x' AS t;
SELECT 'ab  '::char(4) ~ 'b  $' AS t, 'ab'::char(4) ~* 'AB' AS t, 'ab'::char(4) !~ 'a' AS f,
       'AB'::char(4) !~* 'a' AS f;
SELECT NULL::text ~ 'a' AS n, 'a' ~ NULL AS n;
CREATE TABLE rx (id int, s text);
INSERT INTO rx VALUES (1, 'apple'), (2, 'banana'), (3, 'cherry'), (4, 'Apricot'), (5, NULL),
  (6, E'line1\nline2');
SELECT id, s FROM rx WHERE s ~ '^a' ORDER BY id;
SELECT id, s FROM rx WHERE s ~* '^a' ORDER BY id;
SELECT id, s FROM rx WHERE s !~ 'an' ORDER BY id;
SELECT id, s ~ '(an){2}' AS two_an FROM rx ORDER BY id;
-- the pattern can come from a column too
SELECT a.id, b.id FROM rx a, rx b WHERE a.s ~ ('^' || left(b.s, 1)) AND a.id <> b.id ORDER BY 1, 2;
-- psql's describe commands send this shape
SELECT relname FROM pg_catalog.pg_class c
 WHERE c.relname OPERATOR(pg_catalog.~) '^(rx)$' COLLATE pg_catalog.default;

-- ARE syntax
SELECT 'abc' ~ '^a.c$' AS t, 'a.c' ~ '^a\.c$' AS t, 'abc' ~ '^a\.c$' AS f;
SELECT 'aaa' ~ '^a{3}$' AS t, 'aa' ~ '^a{3}$' AS f, 'aaaa' ~ '^a{2,3}$' AS f, 'aaaa' ~ '^a{2,}$' AS t;
SELECT 'a{,3}' ~ 'a{,3}' AS t, 'a}' ~ 'a}' AS t, 'a]' ~ 'a]' AS t;
SELECT 'ab' ~ 'a|x' AS t, 'x' ~ '^(a|b|)$' AS f, '' ~ '^(a|b|)$' AS t;
SELECT 'foo bar' ~ '\mbar' AS t, 'foobar' ~ '\mbar' AS f, 'foo bar' ~ 'foo\M' AS t,
       'foo bar' ~ '\yba' AS t, 'foobar' ~ 'o\Yb' AS t, 'foo bar' ~ '[[:<:]]bar[[:>:]]' AS t;
SELECT 'abc' ~ '\Aabc\Z' AS t, E'abc\n' ~ 'abc\Z' AS f, E'abc\n' ~ 'abc$' AS f;
SELECT '5' ~ '^\d$' AS t, 'x' ~ '^\D$' AS t, ' ' ~ '^\s$' AS t, '_' ~ '^\w$' AS t,
       'é' ~ '^\w$' AS f, '-' ~ '^\W$' AS t, '5' ~ '^[\d]$' AS t;
SELECT 'a1' ~ '^[[:alpha:]][[:digit:]]$' AS t, 'B' ~ '^[[:upper:]]$' AS t, 'b' ~ '^[[:upper:]]$' AS f,
       ' ' ~ '[[:space:]]' AS t, 'x' ~ '[[:punct:]]' AS f, '_' ~ '^[[:word:]]$' AS t;
SELECT ']' ~ '^[]a]$' AS t, 'a' ~ '^[]a]$' AS t, '-' ~ '^[a-]$' AS t, 'b' ~ '^[^]a]$' AS t,
       'c' ~ '^[a-c]$' AS t, 'd' ~ '^[a-c]$' AS f, 'a' ~ '[[.a.]]' AS t, 'a' ~ '[[=a=]]' AS t;
SELECT E'\t' ~ '^\t$' AS t, E'\n' ~ '^\n$' AS t, 'A' ~ '^\x41$' AS t, 'A' ~ '^\u0041$' AS t,
       'é' ~ '^\u00e9$' AS t, 'A' ~ '^\101$' AS t, E'\\' ~ '^\B$' AS t, E'\x1b' ~ '^\e$' AS t,
       E'\x01' ~ '^\cA$' AS t;
SELECT 'abab' ~ '^(ab)\1$' AS t, 'abac' ~ '^(ab)\1$' AS f, 'aA' ~* '^(a)\1$' AS t,
       E'a\t' ~ '^(a)\11$' AS t;
SELECT 'abc' ~ 'a(?=b)' AS t, 'abc' ~ 'a(?!b)' AS f, 'abc' ~ '(?<=a)b' AS t, 'abc' ~ '(?<!a)b' AS f,
       'ab' ~ '^(?:a)(b)$' AS t, 'a' ~ '(?#a comment)a' AS t;
SELECT 'a' ~ '' AS t, '' ~ '' AS t, 'é' ~ '^.$' AS t, 'éa' ~ '^[é]a$' AS t, 'Ω' ~ '^[Α-Ω]$' AS t;
-- directors and embedded options
SELECT 'a.b' ~ '***=a.b' AS t, 'axb' ~ '***=a.b' AS f, 'A' ~ '***:(?i)a' AS t, 'A' ~ '(?i)a' AS t,
       'A' ~* '(?c)a' AS f, 'ab' ~ '(?x) a  b  # comment' AS t, 'a b' ~ '(?x)a\ b' AS t,
       'a.b' ~ '(?q)a.b' AS t;
-- newline sensitivity: by default . and [^x] match a newline, ^ and $ only the ends
SELECT E'a\nb' ~ 'a.b' AS t, E'a\nb' ~ '(?n)a.b' AS f, E'a\nb' ~ '^b' AS f, E'a\nb' ~ '(?n)^b' AS t,
       E'a\nb' ~ 'a[^x]b' AS t, E'a\nb' ~ '(?n)a[^x]b' AS f, E'a\nb' ~ '(?p)a.b' AS f,
       E'a\nb' ~ '(?p)^b' AS f, E'a\nb' ~ '(?w)^b' AS t, E'a\nb' ~ '(?w)a.b' AS t,
       E'a\nb' ~ '(?s)a.b' AS t, E'a\n' ~ '(?n)a$' AS t, E'a\n\n' ~ '(?n)^$' AS t;

-- errors (2201B, with PostgreSQL's texts)
\set VERBOSITY sqlstate
SELECT 'a' ~ '(' AS e;
\set VERBOSITY default
SELECT 'a' ~ ')' AS e;
SELECT 'a' ~ '(?:a' AS e;
SELECT 'a' ~ '[' AS e;
SELECT 'a' ~ '[a' AS e;
SELECT 'a' ~ 'a{1' AS e;
SELECT 'a' ~ 'a{2,1}' AS e;
SELECT 'a' ~ 'a{256}' AS e;
SELECT 'a' ~ '*' AS e;
SELECT 'a' ~ 'a**' AS e;
SELECT 'a' ~ 'a*+' AS e;
SELECT 'a' ~ 'a{1,2}{2}' AS e;
SELECT 'a' ~ '(*)' AS e;
SELECT 'a' ~ 'a|*' AS e;
SELECT 'a' ~ '^*' AS e;
SELECT 'a' ~ '\y*' AS e;
SELECT 'a' ~ '(?=a)*' AS e;
SELECT 'a' ~ '\1' AS e;
SELECT 'a' ~ '(a)\2' AS e;
SELECT 'a' ~ '(a\1)' AS e;
SELECT 'a' ~ '(a)(?=\1)' AS e;
SELECT 'a' ~ '\q' AS e;
SELECT 'a' ~ 'a\' AS e;
SELECT 'a' ~ '\x' AS e;
SELECT 'a' ~ '\u12' AS e;
SELECT 'a' ~ '[z-a]' AS e;
SELECT 'a' ~ '[[:foo:]]' AS e;
SELECT 'a' ~ '[[.foo.]]' AS e;
SELECT 'a' ~ '(?z)a' AS e;
SELECT 'a' ~ '(?i' AS e;
SELECT 'a' ~ 'a(?i)' AS e;
SELECT 'a' ~ '(?<x>a)' AS e;
SELECT id FROM rx WHERE s ~ '(' ORDER BY id;

-- SIMILAR TO
SELECT 'abc' SIMILAR TO 'abc' AS t, 'abc' SIMILAR TO 'a' AS f, 'abc' SIMILAR TO '%(b|d)%' AS t,
       'abc' SIMILAR TO '(b|c)%' AS f, 'abc' NOT SIMILAR TO 'a_c' AS f, 'a.c' SIMILAR TO 'a.c' AS t,
       'abc' SIMILAR TO 'a.c' AS f, 'ab' SIMILAR TO '[a-b]*' AS t, 'a+' SIMILAR TO 'a+' AS t;
SELECT 'a%c' SIMILAR TO 'a#%c' ESCAPE '#' AS t, 'abc' SIMILAR TO 'a#%c' ESCAPE '#' AS f,
       'a\c' SIMILAR TO 'a\c' ESCAPE '' AS t, 'a_' SIMILAR TO 'a\_' AS t, 'ab' SIMILAR TO 'a\_' AS f;
SELECT id, s FROM rx WHERE s SIMILAR TO '(a|b)%' ORDER BY id;
SELECT similar_to_escape('a%b_c'), similar_to_escape('a#"b%#"c', '#'),
       similar_to_escape('a[b%]c.d\e$f^g|h*(i)'), similar_to_escape('a\%b', ''),
       similar_to_escape('[]a]%'), similar_to_escape('[^]a]%'), similar_to_escape('[a\]b]%'),
       similar_to_escape('aé%', 'é');
SELECT similar_escape('a%', NULL), similar_escape(NULL, '#') IS NULL AS t, similar_escape('a#%', '#');
SELECT 'abc' SIMILAR TO 'abc' ESCAPE 'xy';
SELECT similar_to_escape('a#"b#"c#"d', '#');

-- substring
SELECT substring('Thomas' from '...$'), substring('Thomas' from '(o)(m)'),
       substring('Thomas' from 'x') IS NULL AS t, substring('Thomas' from 'T(x)?') IS NULL AS t,
       substring('Thomas' similar '%#"o_a#"_' escape '#'),
       substring('Thomas' similar 'T#"h%#"' escape '#'),
       substring('Thomas' similar '%#"x#"%' escape '#') IS NULL AS t,
       substring('Thomas' similar '%#"o_a#"_' escape NULL) IS NULL AS t;

-- regexp_replace
SELECT regexp_replace('foobarbaz', 'b..', 'X'), regexp_replace('foobarbaz', 'b..', 'X', 'g'),
       regexp_replace('fooBarbaz', 'b..', 'X', 'gi'),
       regexp_replace('foobarbaz', 'b(..)', E'X\\1Y', 'g'),
       regexp_replace('abc', 'b', '[\&\1\\\x]'), regexp_replace('abc', '(b)', '[\&\1\2\\\x]'),
       regexp_replace('abc', 'x*', '-', 'g'), regexp_replace('aaa', '^a', 'x', 'g'),
       regexp_replace('', '^', 'x');
SELECT regexp_replace('abcbdb', 'b', 'x', 2), regexp_replace('abcbdb', 'b', 'x', 3, 2),
       regexp_replace('abcbdb', 'b', 'x', 1, 0), regexp_replace('abcbdb', 'B', 'x', 1, 3, 'i'),
       regexp_replace('abcbdb', 'b', 'x', 1, 2, 'g'), regexp_replace('abcbdb', 'b', 'x', 9),
       regexp_replace('éaéa', 'a', 'x', 3);
SELECT regexp_replace('abc', 'b', 'x', 0);
SELECT regexp_replace('abc', 'b', 'x', 1, -1);
SELECT regexp_replace('abc', 'b', 'x', '2');
SELECT regexp_replace('abc', 'b', 'x', 'z');

-- regexp_match and regexp_matches
SELECT regexp_match('foobarbequebaz', 'bar.*que'), regexp_match('foobarbequebaz', '(bar)(beque)'),
       regexp_match('abc', '(a)|(b)'), regexp_match('abc', 'x') IS NULL AS t,
       regexp_match('ABC', 'b', 'i'), regexp_match('', '');
SELECT regexp_match('abc', 'b', 'g');
SELECT regexp_match('abc', 'b', 'z');
SELECT regexp_matches('foobarbequebazilbarfbonk', '(b[^b]+)(b[^b]+)', 'g');
SELECT regexp_matches('abcabc', '(b)|(x)', 'g');
SELECT regexp_matches('abc', 'b');
SELECT regexp_matches('ab', '', 'g');
SELECT regexp_matches('abc', 'x', 'g');
SELECT id, regexp_matches(s, '(an)', 'g') FROM rx ORDER BY id;

-- regexp_split_to_table and regexp_split_to_array
SELECT regexp_split_to_table('the quick  brown fox', '\s+');
SELECT regexp_split_to_table('abc', '');
SELECT regexp_split_to_table('aXbxc', 'x', 'i');
SELECT regexp_split_to_array('the quick  brown fox', '\s+'), regexp_split_to_array('abc', ''),
       regexp_split_to_array('a,b,,c', ','), regexp_split_to_array('abc', 'x*'),
       regexp_split_to_array('', 'x'), regexp_split_to_array(',a,', ',');
SELECT regexp_split_to_array('abc', 'b', 'g');
SELECT regexp_split_to_table('abc', 'b', 'g');

-- regexp_count, regexp_instr, regexp_like, regexp_substr (PostgreSQL 15)
SELECT regexp_count('ABCABCAXYaxy', 'A.'), regexp_count('ABCABCAXYaxy', 'A.', 1, 'i'),
       regexp_count('ABCABCAXYaxy', 'A.', 4), regexp_count('abc', 'b', 10),
       regexp_count('abc', '', 4), regexp_count('abc', ''), regexp_count('ééé', 'é', 2);
SELECT regexp_instr('ABCABCAXYaxy', 'A.'), regexp_instr('abcabc', 'b', 3),
       regexp_instr('abcabc', '(b)(c)', 1, 2, 1, '', 2), regexp_instr('abcabc', 'x'),
       regexp_instr('abcabc', 'b', 1, 3), regexp_instr('abcabc', '(b)', 1, 1, 0, '', 2),
       regexp_instr('ébé', 'é', 2), regexp_instr('abcabc', 'B', 1, 1, 1, 'i');
SELECT regexp_like('Hello World', 'world'), regexp_like('Hello World', 'world', 'i'),
       regexp_like('abc', '^b');
SELECT regexp_substr('ABCABCAXYaxy', 'A.'), regexp_substr('abcabc', '(b)(c)', 1, 2, '', 2),
       regexp_substr('abcabc', '(b)(c)', 1, 2, '', 3) IS NULL AS t,
       regexp_substr('abcabc', 'b', 10) IS NULL AS t, regexp_substr('abcabc', 'b', 3),
       regexp_substr('aBc', 'b', 1, 1, 'i');
SELECT regexp_count('abc', 'b', 0);
SELECT regexp_count('abc', 'b', 1, 'g');
SELECT regexp_instr('abc', 'b', 1, 0);
SELECT regexp_instr('abc', 'b', 1, 1, 2);
SELECT regexp_instr('abc', 'b', 1, 1, 0, '', -1);
SELECT regexp_instr('abc', 'b', 1, 1, 0, 'g');
SELECT regexp_like('abc', 'b', 'g');
SELECT regexp_substr('abc', 'b', 1, -1);
SELECT regexp_substr('abc', 'b', 1, 1, 'g');

-- a pattern per row, and the same pattern many times (compiled once, cached)
SELECT count(*) FROM generate_series(1, 1000) g WHERE g::text ~ '^1.*0$';
SELECT id, s FROM rx WHERE s ~ ('^' || substr('abc', id % 3 + 1, 1)) ORDER BY id;

DROP TABLE rx;
