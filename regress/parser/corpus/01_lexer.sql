# Lexical rules: whitespace, comments, identifiers, strings, numbers,
# parameters and operators.  One case per line; a line starting with "\"
# decodes \n \t \r and \\ (see regress/parser/differential.h).
select 1
SELECT 1
SeLeCt 1
select 1;
select 1;;
;
;;;
select 1; select 2
select 1; ; select 2;
select 1 -- comment
select -- comment\nselect
\select 1 -- comment\n, 2
select /* comment */ 1
select /* nested /* comment */ still */ 1
select /* unterminated
select /* nested /* only one */ closed
select /**/ 1
select 1/**/+/**/2
select 1 +/*c*/ 2
select 1 --c
select a -- comment without newline
select "Foo", foo, FOO, "foo bar", "a""b"
select ""
select "" from t
select "unterminated
select U&"d\0061t\+000061"
select U&"d!0061t!+000061" UESCAPE '!'
select U&"a" UESCAPE 'xx'
select U&"a" UESCAPE '+'
select U&"a" UESCAPE
select U&"a" UESCAPE 1
select U&'\0041'
select U&'\0041' UESCAPE '#'
select U&'#0041' UESCAPE '#'
select U&'\004'
select U&'\D800'
select U&'\D800\DC00'
select U&'\DC00'
select U&'\0000'
select U&'\+110000'
select U&'\D800x'
select U&'a\\b'
select u&'a'
select u & 'a'
select U&x
select 'abc'
select 'it''s'
select ''
select ''''
select 'unterminated
\select 'a'\n'b'
\select 'a' \n 'b'
select 'a' 'b'
\select 'a' -- c\n'b'
\select 'a'\n-- c\n'b'
\select 'a'\r'b'
select E'a\nb'
select E'\t\b\f\r\\'
select E'\''
select E'\x41\x4'
select E'\x'
select E'\101\1'
select E'\u0041'
select E'\U00000041'
select E'\u004'
select E'\U0000004'
select E'\uD800\uDC00'
select E'\uD800'
select E'\uDC00'
select E'\uD800\u0041'
select E'\uD800x'
select E'\u0000'
select E'\UFFFFFFFF'
select E'\000'
select E'\xff'
select E'\
select E'abc\
select e'x'
select B'1010', b'', X'1F', x'ff'
select B'10' '01'
\select B'10'\n'01'
select B'102'
select B'unterminated
select X'unterminated
select N'national'
select n'x' || 'y'
select $$dollar$$
select $$$$
select $a$dollar$a$
select $a$ x $b$ y $b$ z $a$
select $a$ unterminated
select $$ unterminated
select $abc
select $
select $1, $2, $10
select $1a
select $1.5
select $0
select 123
select 0
select 007
select 2147483647, 2147483648, -2147483648, 9223372036854775807, 99999999999999999999
select 1.5, .5, 5., 1e10, 1.5e-3, 1E+2, 1.e5
select 1e
select 1e+
select 1.5e
select 123abc
select 1.2.3
select 1..5
select 1...5
select 0x1F
select 1_000
select 1a
select 1.x
select .
select 1 .. 2
select a.b.c
select 1 + 2, 1 - 2, 1 * 2, 1 / 2, 1 % 2, 1 ^ 2
select 1 < 2, 1 > 2, 1 = 2, 1 <= 2, 1 >= 2, 1 <> 2, 1 != 2
select 1 =- 2
select 1 +- 2
select 1 @- 2
select 1 ~ 2, 1 !~ 2, 1 ~* 2
select 1 || 2, 1 <-> 2, 1 @@ 2
select 1 +/2
select 1 */ 2
select 1 <=> 2
select a::int, a :: text
select a:b
select a := 1
select a => 1
select f(a => 1)
select f(a := 1)
select 1 #- 2
select 1 ?- 2
select 1 ` 2
select ! 1
select @ 1
select 1 ++++ 2
select 1 ---- 2
select 1 -/**/- 2
select 1 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ 2
select 1 ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ 2
select {
select }
select \
select ?
select 1 ? 2
select aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
select "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
select ééééééééééééééééééééééééééééééééééééééééééé
select é, "é", 'é'
select é + 1 +
select 'é' é
select a$b, a$$b, _x, x1
select tab	1
select 1
\select\t1
\select\f1
\select\v1
select 1e400, 1e-400
select 00000000000000000000000000000001
select 1ee2
select 1e2e3
select 1.5.e3
