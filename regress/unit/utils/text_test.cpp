/*
 * text_test.cpp — text, name, character(n), character varying(n) and
 * bytea: I/O, comparisons in the C collation, UTF-8 aware string
 * functions, quoting, length coercions and bytea's hex and escape forms.
 */
#include "adt_test_util.h"

#include <algorithm>

using tusk::adt_test::ErrorOf;
using tusk::adt_test::In;
using tusk::adt_test::InError;
using tusk::adt_test::Out;
using tusk::adt_test::RoundTrip;
using tusk::adt_test::ScratchContext;
using tusk::adt_test::Str;
using tusk::adt_test::Text;

namespace {

std::string Call1(PGFunction fn, const char *a)
{
	return Str(DirectFunctionCall1(fn, Text(a)));
}

std::string Call2(PGFunction fn, const char *a, const char *b)
{
	return Str(DirectFunctionCall2(fn, Text(a), Text(b)));
}

std::string Call2(PGFunction fn, const char *a, int32 n)
{
	return Str(DirectFunctionCall2(fn, Text(a), Int32GetDatum(n)));
}

std::string Call3(PGFunction fn, const char *a, int32 n, int32 m)
{
	return Str(DirectFunctionCall3(fn, Text(a), Int32GetDatum(n), Int32GetDatum(m)));
}

std::string Call3(PGFunction fn, const char *a, const char *b, const char *c)
{
	return Str(DirectFunctionCall3(fn, Text(a), Text(b), Text(c)));
}

std::string Call3(PGFunction fn, const char *a, int32 n, const char *c)
{
	return Str(DirectFunctionCall3(fn, Text(a), Int32GetDatum(n), Text(c)));
}

int32 Int1(PGFunction fn, const char *a)
{
	return DatumGetInt32(DirectFunctionCall1(fn, Text(a)));
}

bool Bool2(PGFunction fn, const char *a, const char *b)
{
	return DatumGetBool(DirectFunctionCall2(fn, Text(a), Text(b)));
}

/* A text value with a 1-byte header, as short values are stored in tuples. */
Datum ShortText(const char *s)
{
	size_t len = strlen(s);
	char *v = static_cast<char *>(palloc(len + 1));
	SET_VARSIZE_SHORT(v, len + 1);
	std::copy_n(s, len, v + 1);
	return PointerGetDatum(v);
}

}  // namespace

TEST_CASE("text length, substr, strpos, left, right and reverse count UTF-8 characters", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(Int1(textlen, "héllo") == 5);
	REQUIRE(Int1(textoctetlen, "héllo") == 6);
	REQUIRE(Call3(text_substr, "héllo", 2, 3) == "éll");
	REQUIRE(Call3(text_substr, "héllo", 0, 2) == "h");
	REQUIRE(Call3(text_substr, "héllo", -5, 7) == "h");
	REQUIRE(Call2(text_substr_no_len, "héllo", 3) == "llo");
	REQUIRE(Call2(text_substr_no_len, "héllo", 10) == "");
	REQUIRE(Call3(text_substr, "abc", 2, PG_INT32_MAX) == "bc");
	REQUIRE(Call3(text_substr, "abc", PG_INT32_MIN, PG_INT32_MAX) == "");
	REQUIRE(ErrorOf([] { Call3(text_substr, "abc", 1, -1); }) ==
			"22011: negative substring length not allowed");

	REQUIRE(DatumGetInt32(DirectFunctionCall2(textpos, Text("héllo wörld"), Text("wö"))) == 7);
	REQUIRE(DatumGetInt32(DirectFunctionCall2(textpos, Text("abc"), Text(""))) == 1);
	REQUIRE(DatumGetInt32(DirectFunctionCall2(textpos, Text(""), Text("a"))) == 0);
	REQUIRE(DatumGetInt32(DirectFunctionCall2(textpos, Text("abc"), Text("d"))) == 0);

	REQUIRE(Call2(text_left, "héllo", 2) == "hé");
	REQUIRE(Call2(text_left, "héllo", -2) == "hél");
	REQUIRE(Call2(text_left, "héllo", -10) == "");
	REQUIRE(Call2(text_right, "héllo", 2) == "lo");
	REQUIRE(Call2(text_right, "héllo", -2) == "llo");
	REQUIRE(Call2(text_right, "héllo", 10) == "héllo");
	REQUIRE(Call1(text_reverse, "héllo") == "olléh");
	REQUIRE(Call1(text_reverse, "") == "");
}

TEST_CASE("replace, split_part, repeat, md5 and starts_with", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(Call3(replace_text, "abcabc", "bc", "X") == "aXaX");
	REQUIRE(Call3(replace_text, "aaa", "aa", "b") == "ba");
	REQUIRE(Call3(replace_text, "", "a", "b") == "");
	REQUIRE(Call3(replace_text, "abc", "", "x") == "abc");

	auto split = [](const char *s, const char *sep, int n) {
		return Str(DirectFunctionCall3(split_part, Text(s), Text(sep), Int32GetDatum(n)));
	};
	REQUIRE(split("a,b,c", ",", 2) == "b");
	REQUIRE(split("a,b,c", ",", -1) == "c");
	REQUIRE(split("a,b,c", ",", -3) == "a");
	REQUIRE(split("a,b,c", ",", 4) == "");
	REQUIRE(split("a,b,c", ",", -4) == "");
	REQUIRE(split("", ",", 1) == "");
	REQUIRE(split("abc", "", 1) == "abc");
	REQUIRE(split("abc", "", 2) == "");
	REQUIRE(split("abc", "x", -1) == "abc");
	REQUIRE(split("a,,b", ",", 2) == "");
	REQUIRE(ErrorOf([&] { split("a", ",", 0); }) == "22023: field position must not be zero");

	REQUIRE(Call2(repeat, "ab", -1) == "");
	REQUIRE(Call2(repeat, "é", 3) == "ééé");
	REQUIRE(ErrorOf([] { Call2(repeat, "ab", 1000000000); }) ==
			"54000: requested length too large");

	REQUIRE(Call1(md5_text, "") == "d41d8cd98f00b204e9800998ecf8427e");
	REQUIRE(Call1(md5_text, "héllo") == "be50e8478cf24ff3595bc7307fb91b50");
	REQUIRE(Bool2(text_starts_with, "héllo", "hé"));
	REQUIRE_FALSE(Bool2(text_starts_with, "a", "ab"));
	REQUIRE(Call2(textcat, "ab", "cd") == "abcd");
}

TEST_CASE("upper, lower and initcap change ASCII letters only (the C collation)", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(Call1(initcap, "hello wORLD élan-x2b ñu") == "Hello World éLan-X2b ñU");
	REQUIRE(Call1(upper, "äbc") == "äBC");
	REQUIRE(Call1(lower, "ÄBC") == "Äbc");
}

TEST_CASE("lpad, rpad and the trims count characters", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(Call3(lpad, "hi", 5, "xy") == "xyxhi");
	REQUIRE(Call3(lpad, "hello", 3, "x") == "hel");
	REQUIRE(Call3(rpad, "hi", 5, "äb") == "hiäbä");
	REQUIRE(Call3(lpad, "hi", 5, "") == "hi");
	REQUIRE(Call3(lpad, "hi", -1, "x") == "");
	REQUIRE(Call3(rpad, "héllo", 2, " ") == "hé");
	REQUIRE(ErrorOf([] { Call3(lpad, "x", 300000000, "y"); }) ==
			"54000: requested length too large");

	REQUIRE(Call1(btrim1, "  xx  ") == "xx");
	REQUIRE(Call2(ltrim, "xxyxzx", "x") == "yxzx");
	REQUIRE(Call2(rtrim, "xxyxzx", "xz") == "xxy");
	REQUIRE(Call2(btrim, "ééaéé", "é") == "a");
	REQUIRE(Call2(btrim, "abc", "") == "abc");
	REQUIRE(Call1(rtrim1, "ab  ") == "ab");
	REQUIRE(Call1(ltrim1, "  ab ") == "ab ");
}

TEST_CASE("ascii and chr use Unicode code points", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(Int1(ascii, "") == 0);
	REQUIRE(Int1(ascii, "é") == 233);
	REQUIRE(Int1(ascii, "€") == 8364);
	REQUIRE(Int1(ascii, "😀") == 128512);
	auto chr_of = [](int32 n) { return Str(DirectFunctionCall1(chr, Int32GetDatum(n))); };
	REQUIRE(chr_of(233) == "é");
	REQUIRE(chr_of(128512) == "😀");
	REQUIRE(chr_of(65) == "A");
	REQUIRE(ErrorOf([&] { chr_of(0); }) == "54000: null character not permitted");
	REQUIRE(ErrorOf([&] { chr_of(-1); }) == "22023: character number must be positive");
	REQUIRE(ErrorOf([&] { chr_of(1114112); }) ==
			"54000: requested character too large for encoding: 1114112");
	REQUIRE(ErrorOf([&] { chr_of(55296); }) ==
			"54000: requested character not valid for encoding: 55296");
}

TEST_CASE("quote_ident quotes what is not a lower-case, unreserved identifier", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(Call1(quote_ident, "abc") == "abc");
	REQUIRE(Call1(quote_ident, "Abc") == "\"Abc\"");
	REQUIRE(Call1(quote_ident, "select") == "\"select\"");
	REQUIRE(Call1(quote_ident, "a\"b") == "\"a\"\"b\"");
	REQUIRE(Call1(quote_ident, "name") == "name"); /* an unreserved keyword */
	REQUIRE(Call1(quote_ident, "_x1") == "_x1");
	REQUIRE(Call1(quote_ident, "1x") == "\"1x\"");
	REQUIRE(Call1(quote_ident, "héllo") == "\"héllo\"");
	REQUIRE(Call1(quote_ident, "xmltable") == "\"xmltable\"");
	REQUIRE(Call1(quote_literal, "it's") == "'it''s'");
	REQUIRE(Call1(quote_literal, "a\\b") == "E'a\\\\b'");
	REQUIRE(std::string(quote_literal_cstr("x")) == "'x'");
}

TEST_CASE("text compares bytewise, a prefix first", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(Bool2(text_lt, "abc", "abd"));
	REQUIRE(Bool2(text_lt, "ab", "abc"));
	REQUIRE(Bool2(text_lt, "B", "a"));
	REQUIRE(Bool2(text_gt, "é", "z"));
	REQUIRE(Bool2(texteq, "a", "a"));
	REQUIRE(Bool2(textne, "a", "a ") == true);
	REQUIRE(DatumGetInt32(DirectFunctionCall2(bttextcmp, Text("b"), Text("a"))) > 0);
	REQUIRE(Call2(text_larger, "a", "b") == "b");
	REQUIRE(Call2(text_smaller, "a", "b") == "a");
	/* a value with a 1-byte header compares like any other */
	REQUIRE(DatumGetBool(DirectFunctionCall2(texteq, ShortText("same"), Text("same"))));
	REQUIRE(Str(ShortText("short")) == "short");
}

TEST_CASE("name input cuts to 63 bytes on a character boundary", "[adt]")
{
	ScratchContext cxt;
	std::string e40;
	for (int i = 0; i < 40; i++)
		e40 += "é";
	std::string cut = Out(nameout, In(namein, e40.c_str()));
	REQUIRE(cut.size() == 62);
	REQUIRE(Out(nameout, In(namein, std::string(70, 'a').c_str())) == std::string(63, 'a'));
	Datum n = In(namein, "abc");
	REQUIRE(DatumGetBool(DirectFunctionCall2(nameeqtext, n, Text("abc"))));
	REQUIRE(DatumGetBool(DirectFunctionCall2(namelt, n, In(namein, "abd"))));
	REQUIRE(DatumGetInt32(DirectFunctionCall2(btnamecmp, n, In(namein, "ab"))) > 0);
	REQUIRE(DatumGetBool(DirectFunctionCall2(textltname, Text("ab"), n)));
	REQUIRE(Str(DirectFunctionCall1(name_text, n)) == "abc");
	REQUIRE(Out(nameout, DirectFunctionCall1(text_name, Text("xyz"))) == "xyz");

	NameData buf;
	namestrcpy(&buf, "pg_class");
	REQUIRE(namestrcmp(&buf, "pg_class") == 0);
	REQUIRE(namestrcmp(&buf, "pg_type") < 0);
	REQUIRE(namestrcmp(nullptr, "x") < 0);
}

TEST_CASE("character(n) pads, and cuts only spaces unless the cast is explicit", "[adt]")
{
	ScratchContext cxt;
	const int32 typmod3 = 3 + VARHDRSZ;
	REQUIRE(RoundTrip(bpcharin, bpcharout, "ab", typmod3) == "ab ");
	REQUIRE(RoundTrip(bpcharin, bpcharout, "ab    ", typmod3) == "ab ");
	REQUIRE(RoundTrip(bpcharin, bpcharout, "éé", typmod3) == "éé ");
	REQUIRE(RoundTrip(bpcharin, bpcharout, "abcdef", -1) == "abcdef");
	REQUIRE(InError(bpcharin, "abcd", typmod3) == "22001: value too long for type character(3)");
	REQUIRE(InError(bpcharin, "ééééé", typmod3) == "22001: value too long for type character(3)");
	REQUIRE(Out(bpcharout,
				DirectFunctionCall3(bpchar, In(bpcharin, "abcdef"), Int32GetDatum(typmod3),
									BoolGetDatum(true))) == "abc");
	REQUIRE(ErrorOf([&] {
				DirectFunctionCall3(bpchar, In(bpcharin, "abcdef"), Int32GetDatum(typmod3),
									BoolGetDatum(false));
			}) == "22001: value too long for type character(3)");
	REQUIRE(Out(bpcharout,
				DirectFunctionCall3(bpchar, In(bpcharin, "a"), Int32GetDatum(typmod3),
									BoolGetDatum(false))) == "a  ");

	Datum padded = In(bpcharin, "ab", 5 + VARHDRSZ);
	REQUIRE(DatumGetInt32(DirectFunctionCall1(bpcharlen, padded)) == 2);
	REQUIRE(DatumGetInt32(DirectFunctionCall1(bpcharoctetlen, padded)) == 5);
	REQUIRE(DatumGetBool(DirectFunctionCall2(bpchareq, In(bpcharin, "ab  "), padded)));
	REQUIRE(DatumGetInt32(
				DirectFunctionCall2(bpcharcmp, In(bpcharin, "ab"), In(bpcharin, "ab\t"))) < 0);
	REQUIRE(Out(nameout, DirectFunctionCall1(bpchar_name, In(bpcharin, "ab  "))) == "ab");
	REQUIRE(Str(DirectFunctionCall1(rtrim1, padded)) == "ab"); /* the cast to text */
}

TEST_CASE("character varying(n) cuts only spaces unless the cast is explicit", "[adt]")
{
	ScratchContext cxt;
	const int32 typmod3 = 3 + VARHDRSZ;
	REQUIRE(RoundTrip(varcharin, varcharout, "ab    ", typmod3) == "ab ");
	REQUIRE(RoundTrip(varcharin, varcharout, "ééé", typmod3) == "ééé");
	REQUIRE(InError(varcharin, "abcd", typmod3) ==
			"22001: value too long for type character varying(3)");
	REQUIRE(Out(varcharout,
				DirectFunctionCall3(varchar, Text("héllo"), Int32GetDatum(2 + VARHDRSZ),
									BoolGetDatum(true))) == "hé");
	REQUIRE(ErrorOf([] {
				DirectFunctionCall3(varchar, Text("abcdef"), Int32GetDatum(3 + VARHDRSZ),
									BoolGetDatum(false));
			}) == "22001: value too long for type character varying(3)");
	REQUIRE(Out(varchartypmodout, Int32GetDatum(typmod3)) == "(3)");
	REQUIRE(Out(varchartypmodout, Int32GetDatum(-1)) == "");
}

TEST_CASE("bytea reads hex and escape forms and prints either", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(RoundTrip(byteain, byteaout, "\\x0aFF") == "\\x0aff");
	REQUIRE(RoundTrip(byteain, byteaout, "ab\\\\c\\001\\377") == "\\x61625c6301ff");
	REQUIRE(RoundTrip(byteain, byteaout, "\\x 0a 0b") == "\\x0a0b");
	REQUIRE(RoundTrip(byteain, byteaout, "") == "\\x");
	REQUIRE(RoundTrip(byteain, byteaout, "\\x") == "\\x");
	REQUIRE(InError(byteain, "\\xabc") == "22023: invalid hexadecimal data: odd number of digits");
	REQUIRE(InError(byteain, "\\xag") == "22023: invalid hexadecimal digit: \"g\"");
	REQUIRE(InError(byteain, "\\xé1") == "22023: invalid hexadecimal digit: \"é\"");
	REQUIRE(InError(byteain, "\\x0 a") == "22023: invalid hexadecimal digit: \" \"");
	REQUIRE(InError(byteain, "a\\") == "22P02: invalid input syntax for type bytea");
	REQUIRE(InError(byteain, "a\\4") == "22P02: invalid input syntax for type bytea");

	int saved = bytea_output;
	bytea_output = BYTEA_OUTPUT_ESCAPE;
	std::string escaped = RoundTrip(byteain, byteaout, "ab\\\\c\\001\\377 ~");
	std::string zero = RoundTrip(byteain, byteaout, "\\x00");
	std::string e_acute = RoundTrip(byteain, byteaout, "é");
	bytea_output = saved;
	REQUIRE(escaped == "ab\\\\c\\001\\377 ~");
	REQUIRE(zero == "\\000");
	REQUIRE(e_acute == "\\303\\251");

	REQUIRE(DatumGetInt32(DirectFunctionCall1(byteaoctetlen, In(byteain, "\\x0102"))) == 2);
	REQUIRE(
		DatumGetBool(DirectFunctionCall2(bytealt, In(byteain, "\\x01"), In(byteain, "\\x0100"))));
	REQUIRE(
		Out(byteaout, DirectFunctionCall2(byteacat, In(byteain, "\\x01"), In(byteain, "\\x02"))) ==
		"\\x0102");
}

TEST_CASE("concat needs its arguments' types, which a direct call cannot give", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(ErrorOf([] { DirectFunctionCall2(text_concat, Text("a"), Text("b")); }) ==
			"XX000: could not determine data type of concat() input");
}

TEST_CASE("text_to_cstring_buffer truncates on a character boundary", "[adt]")
{
	ScratchContext cxt;
	char buf[4];
	text_to_cstring_buffer(cstring_to_text("aéé"), buf, sizeof(buf));
	REQUIRE(std::string(buf) == "aé");
	text_to_cstring_buffer(cstring_to_text("ab"), buf, sizeof(buf));
	REQUIRE(std::string(buf) == "ab");
}
