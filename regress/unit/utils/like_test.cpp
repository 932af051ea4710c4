/*
 * like_test.cpp — LIKE, ILIKE and LIKE ... ESCAPE: wildcards over UTF-8
 * characters, escapes, the trailing-escape error (raised only when
 * matching reaches it), name and bytea variants.
 */
#include "adt_test_util.h"

using tusk::adt_test::ErrorOf;
using tusk::adt_test::In;
using tusk::adt_test::ScratchContext;
using tusk::adt_test::Str;
using tusk::adt_test::Text;

namespace {

bool Like(const char *s, const char *pattern)
{
	return DatumGetBool(DirectFunctionCall2(textlike, Text(s), Text(pattern)));
}

bool ILike(const char *s, const char *pattern)
{
	return DatumGetBool(DirectFunctionCall2(texticlike, Text(s), Text(pattern)));
}

std::string Escape(const char *pattern, const char *esc)
{
	return Str(DirectFunctionCall2(like_escape, Text(pattern), Text(esc)));
}

/* LIKE pattern ESCAPE esc, as the parser rewrites it. */
bool LikeEscape(const char *s, const char *pattern, const char *esc)
{
	return DatumGetBool(
		DirectFunctionCall2(textlike, Text(s),
							DirectFunctionCall2(like_escape, Text(pattern), Text(esc))));
}

}  // namespace

TEST_CASE("LIKE wildcards match whole UTF-8 characters", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(Like("ab", "a_"));
	REQUIRE(Like("héllo", "h_llo"));
	REQUIRE(Like("héllo", "h%o"));
	REQUIRE(Like("%", "\\%"));
	REQUIRE(Like("a", "\\a"));
	REQUIRE(Like("", "%"));
	REQUIRE_FALSE(Like("", "_"));
	REQUIRE(Like("abcd", "%b_d"));
	REQUIRE(Like("abc", "%%%"));
	REQUIRE(Like("abc", "_%_%_"));
	REQUIRE_FALSE(Like("ab", "_%_%_"));
	REQUIRE(Like("a_c", "a\\_c"));
	REQUIRE_FALSE(Like("abc", "a\\_c"));
	REQUIRE(Like("é", "_"));
	REQUIRE(DatumGetBool(DirectFunctionCall2(textnlike, Text("abc"), Text("x%"))));
}

TEST_CASE("a pattern ending in an escape fails only when matching reaches the escape", "[adt]")
{
	ScratchContext cxt;
	const std::string error = "22025: LIKE pattern must not end with escape character";
	REQUIRE_FALSE(Like("abc", "x\\")); /* mismatch before the escape */
	REQUIRE_FALSE(Like("x", "x\\"));   /* the text ends first */
	REQUIRE_FALSE(Like("abc", "a%x\\"));
	REQUIRE(ErrorOf([] { Like("xa", "x\\"); }) == error);
	REQUIRE(ErrorOf([] { Like("ab", "a\\"); }) == error);
	REQUIRE(ErrorOf([] { Like("abc", "a%\\"); }) == error);
	REQUIRE(ErrorOf([] { Like("a", "%\\"); }) == error);
}

TEST_CASE("ILIKE folds ASCII letters only (the C collation)", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(ILike("ABC", "abc"));
	REQUIRE(ILike("abc", "A_C"));
	REQUIRE_FALSE(ILike("ÄB", "äb"));
	REQUIRE(ILike("Äb", "Ä%"));
	REQUIRE(DatumGetBool(DirectFunctionCall2(texticnlike, Text("ABC"), Text("x%"))));
}

TEST_CASE("name and bytea LIKE", "[adt]")
{
	ScratchContext cxt;
	Datum name = In(namein, "abc");
	REQUIRE(DatumGetBool(DirectFunctionCall2(namelike, name, Text("a%"))));
	REQUIRE(DatumGetBool(DirectFunctionCall2(nameiclike, name, Text("A%"))));
	REQUIRE(DatumGetBool(DirectFunctionCall2(namenlike, name, Text("b%"))));
	REQUIRE(DatumGetBool(DirectFunctionCall2(bytealike, In(byteain, "\\x6162"), Text("a%"))));
	REQUIRE(DatumGetBool(DirectFunctionCall2(bytealike, In(byteain, "\\xff"), Text("_"))));
	/* bytea's _ is one byte: é is two */
	REQUIRE_FALSE(DatumGetBool(DirectFunctionCall2(bytealike, In(byteain, "é"), Text("_"))));
}

TEST_CASE("like_escape rewrites ESCAPE to backslashes", "[adt]")
{
	ScratchContext cxt;
	REQUIRE(Escape("a\\_b", "\\") == "a\\_b");
	REQUIRE(Escape("a#_\\b", "#") == "a\\_\\\\b");
	REQUIRE(Escape("a##\\b", "#") == "a\\#\\\\b");
	REQUIRE(Escape("a#\\b", "#") == "a\\\\b");
	REQUIRE(Escape("é_é", "é") == "\\_\\");
	REQUIRE(Escape("a\\b", "") == "a\\\\b");
	REQUIRE(ErrorOf([] { Escape("ab", "xy"); }) == "22025: invalid escape string");
	REQUIRE(LikeEscape("a%b", "a#%b", "#"));
	REQUIRE_FALSE(LikeEscape("axb", "a#%b", "#"));
	REQUIRE(LikeEscape("x_y", "xé_y", "é"));
	REQUIRE_FALSE(LikeEscape("xay", "xé_y", "é"));
	REQUIRE(LikeEscape("a\\b", "a\\b", ""));
	REQUIRE_FALSE(LikeEscape("ab", "a\\b", ""));
}
