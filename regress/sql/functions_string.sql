--
-- String and binary-string functions: format, overlay, translate,
-- quote_nullable, to_hex, unistr, parse_ident, to_ascii, and the bytea
-- functions (substring, overlay, position, trims, get/set byte and bit,
-- bit_count, encode/decode, sha2).
--

-- format()
SELECT format(NULL);
SELECT format('Hello');
SELECT format('Hello %s', 'World');
SELECT format('Hello %%');
SELECT format('Hello %%%%');
SELECT format('%s%s%s', 'Hello', NULL, 'World');
SELECT format('INSERT INTO %I VALUES(%L,%L)', 'mytab', 10, 'Hello');
SELECT format('INSERT INTO %I VALUES(%L,%L)', 'mytab', 10, NULL);
SELECT format('INSERT INTO %I VALUES(%L,%L)', 'my tab', 'it''s', E'back\\slash');
SELECT format('%s, %s', 1, 2.5::numeric);
SELECT format('%1$s %3$s', 1, 2, 3);
SELECT format('%1$s %12$s', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
SELECT format('%1$s %1$s %s', 'a', 'b');
SELECT format('%s %1$s %s', 'a', 'b');
SELECT format('>>%10s<<', 'Hello');
SELECT format('>>%-10s<<', 'Hello');
SELECT format('>>%10s<<', NULL);
SELECT format('>>%-10L<<', NULL);
SELECT format('>>%*s<<', 10, 'Hello');
SELECT format('>>%*s<<', -10, 'Hello');
SELECT format('>>%-*s<<', 10, 'Hello');
SELECT format('>>%*1$s<<', 10, 'Hello');
SELECT format('>>%*s<<', NULL, 'Hello');
SELECT format('>>%*s<<', 3::smallint, 'Hello');
SELECT format('>>%*s<<', 12::bigint, 'Hello');
SELECT format('>>%3s<<', 'Hello');
SELECT format('>>%8s<<', 'héllo');
SELECT format('%2$s, %1$s', variadic array['first', 'second']);
SELECT format('%2$s, %1$s', variadic array[1, 2]);
SELECT format('Hello', variadic NULL::int[]);
SELECT format('%s', true), format('%L', 42), format('%I', 'Select');
-- format() errors
SELECT format('%s %s', 'a');
SELECT format('%1$s %4$s', 1, 2, 3);
SELECT format('%0$s', 'a');
SELECT format('%*0$s', 'a');
SELECT format('%1$*3s', 'a', 1);
SELECT format('%x', 1);
SELECT format('%é', 1);
SELECT format('Hello %');
SELECT format('%1$', 1);
SELECT format('%1', 1);
SELECT format('%I', NULL);
SELECT format('%99999999999s', 'a');
SELECT format('%*s', 'x', 'a');

-- overlay, translate, quote_nullable, to_hex
SELECT overlay('Txxxxas' placing 'hom' from 2 for 4);
SELECT overlay('Txxxxas' placing 'hom' from 2);
SELECT overlay('abcdef' placing 'XY' from 1 for 0);
SELECT overlay('abcdef' placing 'XY' from 10);
SELECT overlay('héllo wörld' placing 'ö' from 2 for 1);
SELECT overlay('abc' placing 'X' from 0);
SELECT overlay('abc' placing 'X' from 2 for -1);
SELECT overlay('abc' placing 'X' from 2 for 2147483647);
SELECT translate('12345', '143', 'ax');
SELECT translate('hello', 'l', 'L'), translate('hello', 'lo', ''), translate('', 'a', 'b');
SELECT translate('héllo', 'é', 'e'), translate('abcabc', 'aab', 'xyz');
SELECT quote_nullable(NULL), quote_nullable('abc'), quote_nullable('O''Reilly'),
       quote_nullable(E'a\\b');
SELECT to_hex(256), to_hex(-1), to_hex(0), to_hex(2147483647), to_hex(-2147483648);
SELECT to_hex(256::bigint), to_hex(-1::bigint), to_hex(9223372036854775807);

-- unistr
SELECT unistr('\0064at\+0000610');
SELECT unistr('d\u0061t\U000000610');
SELECT unistr('a\\b'), unistr('\D83D\DE00'), unistr('\u00e9\+01F600');
SELECT unistr('wrong: \db99');
SELECT unistr('wrong: \db99\0061');
SELECT unistr('wrong: \+00db99\+000061');
SELECT unistr('wrong: \+2FFFFF');
SELECT unistr('wrong: \udb99\u0061');
SELECT unistr('wrong: \U0000db99\U00000061');
SELECT unistr('wrong: \U002FFFFF');
SELECT unistr('wrong: \xyz');
SELECT unistr('wrong: \0000');
SELECT unistr('\DE00');

-- parse_ident (Tusk's pg_proc row has no default for strict, which PostgreSQL
-- sets in system_functions.sql: the calls pass it)
SELECT parse_ident('Schemax.Tabley', true);
SELECT parse_ident('"SchemaX"."TableY"', true);
SELECT parse_ident('foo.boo', true);
SELECT parse_ident('foo.boo[]', true);
SELECT parse_ident('foo.boo[]', false);
SELECT parse_ident(' first . "  second  " ."   third   ". "  ' || repeat('x',66) || '"', true);
SELECT parse_ident('"c".X XXXX', false);
SELECT parse_ident('"a""b".c', true);
SELECT parse_ident('  a_1$  ', true);
SELECT parse_ident(' ', true);
SELECT parse_ident(' .aaa', true);
SELECT parse_ident(' aaa . ', true);
SELECT parse_ident('aaa.a%b', true);
SELECT parse_ident('X' || repeat('"', 1), true);
SELECT parse_ident('"x', true);
SELECT parse_ident('""', true);
SELECT parse_ident('1020', true);
SELECT parse_ident('10.20', true);
SELECT parse_ident('.', true);
SELECT parse_ident('.1020', true);
SELECT parse_ident('xxx.1020', true);

-- to_ascii (the server encoding, UTF8, is not one it converts from)
SELECT to_ascii('abc');

-- bytea: substring, overlay, position, trims
SELECT substring('\x1234567890'::bytea from 3), substring('\x1234567890'::bytea from 2 for 3),
       substring('\x1234567890'::bytea from 0 for 3), substring('\x1234567890'::bytea from 7),
       substring('\x1234567890'::bytea from -5 for 3), substr('\x1234567890'::bytea, 4),
       substr('\x1234567890'::bytea, 2, 2147483647);
SELECT substr('\x1234567890'::bytea, 2, -1);
SELECT overlay('\x1234567890'::bytea placing '\002\003'::bytea from 2 for 3);
SELECT overlay('\x1234567890'::bytea placing '\x0203'::bytea from 2);
SELECT overlay('\x1234567890'::bytea placing '\x0203'::bytea from 6);
SELECT overlay('\x1234567890'::bytea placing '\x0203'::bytea from 0);
SELECT position('\x5678'::bytea in '\x1234567890'::bytea), position('\x5679'::bytea in '\x1234567890'::bytea),
       position(''::bytea in '\x1234'::bytea), position('\x12'::bytea in ''::bytea);
SELECT btrim('\x1234567812'::bytea, '\x12'::bytea), ltrim('\x1234567812'::bytea, '\x1234'::bytea),
       rtrim('\x1234567812'::bytea, '\x1278'::bytea), btrim('\x1212'::bytea, '\x12'::bytea),
       btrim('\x1234'::bytea, ''::bytea);
SELECT trim(E'\\000'::bytea from E'\\000Tom\\000'::bytea);
SELECT trim(leading E'\\000'::bytea from E'\\000Tom\\000'::bytea);
SELECT trim(trailing E'\\000'::bytea from E'\\000Tom\\000'::bytea);

-- bytes and bits
SELECT get_byte('\x1234567890'::bytea, 4), get_byte('\x1234567890'::bytea, 0);
SELECT get_byte('\x1234567890'::bytea, 5);
SELECT get_byte(''::bytea, 0);
SELECT set_byte('\x1234567890'::bytea, 4, 64), set_byte('\x12'::bytea, 0, 257);
SELECT set_byte('\x1234567890'::bytea, 7, 11);
SELECT get_bit('\x1234567890'::bytea, 30), get_bit('\x1234567890'::bytea, 0),
       get_bit('\x01'::bytea, 0), get_bit('\x80'::bytea, 7);
SELECT get_bit('\x1234567890'::bytea, 40);
SELECT get_bit('\x12'::bytea, -1);
SELECT set_bit('\x1234567890'::bytea, 30, 1), set_bit('\x1234567890'::bytea, 4, 0);
SELECT set_bit('\x1234567890'::bytea, 99, 0);
SELECT set_bit('\x1234567890'::bytea, 3, 2);
SELECT bit_count('\x1234567890'::bytea), bit_count(''::bytea), bit_count('\xffff'::bytea);

-- encode / decode
SELECT encode('\x1234567890abcdef00'::bytea, 'hex'), encode('\x1234567890abcdef00'::bytea, 'HEX');
SELECT encode('\x1234567890abcdef00'::bytea, 'base64'), encode(''::bytea, 'base64'),
       encode('a'::bytea, 'base64'), encode('ab'::bytea, 'base64'), encode('abc'::bytea, 'base64');
SELECT encode(repeat('x', 57)::bytea, 'base64');
SELECT encode(repeat('xyz', 40)::bytea, 'base64');
SELECT encode('\x1234567890abcdef00'::bytea, 'escape'), encode(E'a\\\\b\\000c'::bytea, 'escape');
SELECT decode(encode('\x1234567890abcdef00'::bytea, 'hex'), 'hex'),
       decode(encode('\x1234567890abcdef00'::bytea, 'base64'), 'base64'),
       decode(encode('\x1234567890abcdef00'::bytea, 'escape'), 'escape');
SELECT decode('12 34'||chr(10)||'5678', 'hex'), decode('AbCd', 'hex'), decode('', 'hex');
SELECT decode('YWJj', 'base64'), decode('YWI=', 'base64'), decode('YQ==', 'base64'),
       decode(E'YW\nJj', 'base64'), decode('YQ==YWJj', 'base64');
SELECT decode(E'a\\\\b\\101', 'escape');
SELECT encode(decode(encode(repeat('xyz', 40)::bytea, 'base64'), 'base64'), 'escape') = repeat('xyz', 40);
SELECT encode('\x12'::bytea, 'base32');
SELECT decode('12', 'rot13');
SELECT decode('123', 'hex');
SELECT decode('12x4', 'hex');
SELECT decode('12é4', 'hex');
SELECT decode('YWJ', 'base64');
SELECT decode('Y===', 'base64');
SELECT decode('YW!j', 'base64');
SELECT decode('=YWJ', 'base64');
SELECT decode(E'a\\', 'escape');
SELECT decode(E'a\\8', 'escape');

-- sha2
SELECT sha224(''), sha224('The quick brown fox jumps over the lazy dog.');
SELECT sha256(''), sha256('The quick brown fox jumps over the lazy dog.');
SELECT sha384(''), sha384('The quick brown fox jumps over the lazy dog.');
SELECT sha512(''), sha512('The quick brown fox jumps over the lazy dog.');
SELECT md5('abc'::bytea) = encode(decode(md5('abc'), 'hex'), 'hex');
