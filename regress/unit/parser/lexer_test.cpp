/*
 * lexer_test.cpp — the SQL lexer (backend/parser/scan.cpp): PostgreSQL
 * 15's lexical rules, token by token, and its errors with their positions.
 */
#include "unit_test.h"

#include <string>
#include <vector>

#include "parser/keywords.h"
#include "parser/parser.h"
#include "parser/scan.h"
#include "utils/error/error.h"
#include "utils/memutils.h"

using tusk::error::PgError;
using namespace tusk::parser;

namespace {

struct ScratchContext
{
	MemoryContext cxt = AllocSetContextCreate(TopMemoryContext, "lexer test",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	~ScratchContext()
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(cxt);
	}
};

/* The tokens of sql up to the end or the first error token. */
std::vector<Token> Lex(const char *sql)
{
	std::vector<Token> result;
	Lexer lex(sql);
	for (;;)
	{
		Token t = lex.Next();
		if (t.type == TOK_EOF)
			break;
		result.push_back(t);
		if (t.type == TOK_ERROR)
			break;
	}
	return result;
}

/* A token's value as text, for comparisons. */
std::string Value(const Token &t)
{
	switch (t.type)
	{
		case ICONST:
		case PARAM:
			return std::to_string(t.ival);
		case IDENT:
		case FCONST:
		case SCONST:
		case BCONST:
		case XCONST:
		case OP:
			return t.str;
		default:
			if (IsKeyword(t.type))
				return GetKeyword(t.type).name;
			return std::string(1, static_cast<char>(t.type));
	}
}

/* The error a string's lexing ends with: "message@position". */
std::string LexErrorOf(const char *sql)
{
	auto toks = Lex(sql);
	if (toks.empty() || toks.back().type != TOK_ERROR)
		return "no error";
	try
	{
		toks.back().error->Raise(sql);
	}
	catch (const PgError &e)
	{
		return e.data().message + "@" + std::to_string(e.data().cursorpos);
	}
	return "did not raise";
}

std::vector<std::string> g_notices;

void CaptureNotice(const tusk::error::ErrorData &edata)
{
	g_notices.push_back(edata.message);
}

}  // namespace

TEST_CASE("keywords are matched case-insensitively and other identifiers are downcased", "[parser]")
{
	ScratchContext scratch;
	auto t = Lex("SeLeCt FooBar, \"FooBar\", from_x, _a$1");
	REQUIRE(t.size() == 8);
	REQUIRE(t[0].type == K_SELECT);
	REQUIRE(t[1].type == IDENT);
	REQUIRE(Value(t[1]) == "foobar");
	REQUIRE(t[2].type == ',');
	REQUIRE(t[3].type == IDENT);
	REQUIRE(Value(t[3]) == "FooBar");
	REQUIRE(Value(t[5]) == "from_x");
	REQUIRE(Value(t[7]) == "_a$1");
	/* only ASCII letters are folded (the server encoding is UTF-8) */
	auto u = Lex("ÄbC");
	REQUIRE(Value(u[0]) == "Äbc");
}

TEST_CASE("every token carries the byte offsets of its start and end", "[parser]")
{
	ScratchContext scratch;
	auto t = Lex("select  é, 'x'\n'y' -- c\n + 12");
	REQUIRE(t[0].loc == 0);
	REQUIRE(t[0].end == 6);
	REQUIRE(t[1].loc == 8); /* é is two bytes */
	REQUIRE(t[1].end == 10);
	REQUIRE(t[3].type == SCONST);
	REQUIRE(Value(t[3]) == "xy");
	REQUIRE(t[3].loc == 12);
	REQUIRE(t[3].end == 19);
	REQUIRE(t[4].type == '+');
	REQUIRE(t[5].loc == 28);
}

TEST_CASE("quoted identifiers keep their case, double their quotes and may not be empty",
		  "[parser]")
{
	ScratchContext scratch;
	auto t = Lex("\"a\"\"B\" \"select\"");
	REQUIRE(Value(t[0]) == "a\"B");
	REQUIRE(t[1].type == IDENT);
	REQUIRE(Value(t[1]) == "select");
	REQUIRE(LexErrorOf("select \"\"") == "zero-length delimited identifier at or near \"\"\"\"@8");
	REQUIRE(LexErrorOf("select \"abc") == "unterminated quoted identifier at or near \"\"abc\"@8");
}

TEST_CASE("identifiers of 64 bytes or more are truncated at a character boundary with a NOTICE",
		  "[parser]")
{
	ScratchContext scratch;
	tusk::error::SetFrontendEmitter(CaptureNotice);
	g_notices.clear();
	std::string long_name(70, 'a');
	auto t = Lex(long_name.c_str());
	REQUIRE(Value(t[0]) == std::string(63, 'a'));
	REQUIRE(g_notices.size() == 1);
	REQUIRE(g_notices[0] ==
			"identifier \"" + long_name + "\" will be truncated to \"" + std::string(63, 'a') +
				"\"");
	/* a two-byte character that would straddle byte 63 is dropped whole */
	std::string wide = std::string(62, 'b') + "é" + "cc";
	auto w = Lex(("\"" + wide + "\"").c_str());
	REQUIRE(Value(w[0]) == std::string(62, 'b'));
	tusk::error::SetFrontendEmitter(nullptr);
}

TEST_CASE("comments are whitespace and slash-star comments nest", "[parser]")
{
	ScratchContext scratch;
	auto t = Lex("a -- line\nb /* x /* nested */ still */ c/**/d");
	REQUIRE(t.size() == 4);
	REQUIRE(Value(t[3]) == "d");
	REQUIRE(LexErrorOf("select /* open /* inner */") ==
			"unterminated /* comment at or near \"/* open /* inner */\"@8");
	/* an operator stops where a comment starts */
	auto op = Lex("1 +/*c*/ 2 *--c\n 3");
	REQUIRE(op[1].type == '+');
	REQUIRE(op[3].type == '*');
}

TEST_CASE("string constants: doubled quotes, continuation after a newline, B'', X'' and N''",
		  "[parser]")
{
	ScratchContext scratch;
	auto t = Lex("'it''s' 'a'\n  'b' B'101' x'1F' N'n'");
	REQUIRE(Value(t[0]) == "it's");
	REQUIRE(Value(t[1]) == "ab");
	REQUIRE(t[2].type == BCONST);
	REQUIRE(Value(t[2]) == "b101");
	REQUIRE(t[3].type == XCONST);
	REQUIRE(Value(t[3]) == "x1F");
	REQUIRE(t[4].type == K_NCHAR);
	REQUIRE(Value(t[5]) == "n");
	/* on one line, two literals stay two tokens */
	REQUIRE(Lex("'a' 'b'").size() == 2);
	REQUIRE(LexErrorOf("select 'abc") == "unterminated quoted string at or near \"'abc\"@8");
	REQUIRE(LexErrorOf("select b'10") == "unterminated bit string literal at or near \"b'10\"@8");
	REQUIRE(LexErrorOf("select x'1") ==
			"unterminated hexadecimal string literal at or near \"x'1\"@8");
}

TEST_CASE("E'' strings take backslash escapes", "[parser]")
{
	ScratchContext scratch;
	auto t = Lex("E'a\\nb\\t\\\\\\'' e'\\x41\\101\\u00e9\\U0001F600\\q'");
	REQUIRE(Value(t[0]) == "a\nb\t\\'");
	REQUIRE(Value(t[1]) == "AAé\xF0\x9F\x98\x80q");
	auto pair = Lex("E'\\uD83D\\uDE00'");
	REQUIRE(Value(pair[0]) == "\xF0\x9F\x98\x80");
}

TEST_CASE("E'' escape errors have PostgreSQL's messages and positions", "[parser]")
{
	ScratchContext scratch;
	REQUIRE(LexErrorOf("select E'\\u00'") == "invalid Unicode escape@10");
	REQUIRE(LexErrorOf("select E'\\uDC00'") ==
			"invalid Unicode surrogate pair at or near \"\\uDC00\"@10");
	REQUIRE(LexErrorOf("select E'\\uD800x'") ==
			"invalid Unicode surrogate pair at or near \"x\"@16");
	REQUIRE(LexErrorOf("select E'\\u0000'") ==
			"invalid Unicode escape value at or near \"\\u0000\"@10");
	REQUIRE(LexErrorOf("select E'\\UFFFFFFFF'") ==
			"invalid Unicode escape value at or near \"\\UFFFFFFFF\"@10");
	/* bytes that are not UTF-8 are caught once the literal is complete */
	ScratchContext inner;
	try
	{
		Lex("select E'\\xff'");
		FAIL("no error");
	}
	catch (const PgError &e)
	{
		REQUIRE(e.data().message == "invalid byte sequence for encoding \"UTF8\": 0xff");
	}
}

TEST_CASE("U&'' strings and U&\"\" identifiers resolve Unicode escapes, with UESCAPE", "[parser]")
{
	ScratchContext scratch;
	auto t = Lex("U&'d\\0061t\\+000061' U&\"!0041\" UESCAPE '!' x");
	REQUIRE(t[0].type == SCONST);
	REQUIRE(Value(t[0]) == "data");
	REQUIRE(t[1].type == IDENT);
	REQUIRE(Value(t[1]) == "A");
	REQUIRE(Value(t[2]) == "x");
	REQUIRE(LexErrorOf("select U&'\\04'") == "invalid Unicode escape@11");
	REQUIRE(LexErrorOf("select U&'x' UESCAPE 1") ==
			"UESCAPE must be followed by a simple string literal at or near \"1\"@22");
	REQUIRE(LexErrorOf("select U&'x' UESCAPE '+'") ==
			"invalid Unicode escape character at or near \"'+'\"@22");
	REQUIRE(LexErrorOf("select U&'\\D800'") == "invalid Unicode surrogate pair@16");
	/* "U&" not followed by a quote is the identifier u */
	auto u = Lex("U&x");
	REQUIRE(Value(u[0]) == "u");
	REQUIRE(u[1].type == OP);
}

TEST_CASE("dollar-quoted strings take their contents literally", "[parser]")
{
	ScratchContext scratch;
	auto t = Lex("$$a'b$$ $x$ $y$ $x$ $1 $");
	REQUIRE(Value(t[0]) == "a'b");
	REQUIRE(Value(t[1]) == " $y$ ");
	REQUIRE(t[2].type == PARAM);
	REQUIRE(t[3].type == '$');
	REQUIRE(LexErrorOf("select $q$ abc") ==
			"unterminated dollar-quoted string at or near \"$q$ abc\"@8");
}

TEST_CASE("numbers: int32 integers are ICONST, other numbers FCONST text", "[parser]")
{
	ScratchContext scratch;
	auto t = Lex("2147483647 2147483648 1.5 .5 5. 1e10 1.5E-3 007 1..5");
	REQUIRE(t[0].type == ICONST);
	REQUIRE(t[0].ival == 2147483647);
	REQUIRE(t[1].type == FCONST);
	REQUIRE(Value(t[1]) == "2147483648");
	REQUIRE(Value(t[2]) == "1.5");
	REQUIRE(Value(t[3]) == ".5");
	REQUIRE(Value(t[4]) == "5.");
	REQUIRE(Value(t[5]) == "1e10");
	REQUIRE(Value(t[6]) == "1.5E-3");
	REQUIRE(t[7].ival == 7);
	REQUIRE(t[8].type == ICONST);
	REQUIRE(t[9].type == DOT_DOT);
	REQUIRE(t[10].ival == 5);
	REQUIRE(LexErrorOf("select 123abc") ==
			"trailing junk after numeric literal at or near \"123abc\"@8");
	REQUIRE(LexErrorOf("select 1e+") == "trailing junk after numeric literal at or near \"1e+\"@8");
	REQUIRE(LexErrorOf("select 0x1F") ==
			"trailing junk after numeric literal at or near \"0x1F\"@8");
}

TEST_CASE("parameters are $n; letters right after them are an error", "[parser]")
{
	ScratchContext scratch;
	auto t = Lex("$1 $23");
	REQUIRE(t[0].type == PARAM);
	REQUIRE(t[1].ival == 23);
	REQUIRE(LexErrorOf("select $1a") == "trailing junk after parameter at or near \"$1a\"@8");
}

TEST_CASE("operators follow PostgreSQL's multi-character rules", "[parser]")
{
	ScratchContext scratch;
	auto t = Lex("<> != <= >= => := :: .. =- @- !~~* +-");
	REQUIRE(t[0].type == NOT_EQUALS);
	REQUIRE(t[1].type == NOT_EQUALS);
	REQUIRE(t[2].type == LESS_EQUALS);
	REQUIRE(t[3].type == GREATER_EQUALS);
	REQUIRE(t[4].type == EQUALS_GREATER);
	REQUIRE(t[5].type == COLON_EQUALS);
	REQUIRE(t[6].type == TYPECAST);
	REQUIRE(t[7].type == DOT_DOT);
	/* '=-' is '=' then '-': + and - end an operator only after one of ~!@#%^&|`? */
	REQUIRE(t[8].type == '=');
	REQUIRE(t[9].type == '-');
	REQUIRE(t[10].type == OP);
	REQUIRE(Value(t[10]) == "@-");
	REQUIRE(Value(t[11]) == "!~~*");
	REQUIRE(t[12].type == '+');
	REQUIRE(t[13].type == '-');
	std::string long_op(64, '~');
	REQUIRE(LexErrorOf(("select 1 " + long_op).c_str()) ==
			"operator too long at or near \"" + long_op + "\"@10");
}

TEST_CASE("NOT, NULLS and WITH become lookahead tokens where the next token calls for it",
		  "[parser]")
{
	ScratchContext scratch;
	auto t = Lex("not in not x nulls first nulls x with time with ordinality with x");
	REQUIRE(t[0].type == NOT_LA);
	REQUIRE(t[2].type == K_NOT);
	REQUIRE(t[4].type == NULLS_LA);
	REQUIRE(t[6].type == K_NULLS);
	REQUIRE(t[8].type == WITH_LA);
	REQUIRE(t[10].type == WITH_LA);
	REQUIRE(t[12].type == K_WITH);
	/* a lexical error right after NOT is reported when NOT is read */
	auto e = Lex("not 'x");
	REQUIRE(e[0].type == TOK_ERROR);
}

TEST_CASE("without standard_conforming_strings, '' strings take escapes and warn", "[parser]")
{
	ScratchContext scratch;
	standard_conforming_strings = false;
	auto t = Lex("'a\\nb'");
	REQUIRE(Value(t[0]) == "a\nb");
	auto u = Lex("select U&'x'");
	standard_conforming_strings = true;
	REQUIRE(u[1].type == TOK_ERROR);
	try
	{
		u[1].error->Raise("select U&'x'");
	}
	catch (const PgError &e)
	{
		REQUIRE(e.data().message == "unsafe use of string constant with Unicode escapes");
		REQUIRE(tusk::error::UnpackSqlState(e.data().sqlerrcode) == "0A000");
	}
}

TEST_CASE("error positions count characters, not bytes", "[parser]")
{
	ScratchContext scratch;
	REQUIRE(CharPosition("éé x", 5) == 4);
	REQUIRE(LexErrorOf("select 'é' 'ab") == "unterminated quoted string at or near \"'ab\"@12");
}

TEST_CASE("ScanKeywordCategory gives PostgreSQL's keyword categories", "[parser]")
{
	REQUIRE(ScanKeywordCategory("select") == RESERVED_KEYWORD);
	REQUIRE(ScanKeywordCategory("SELECT") == RESERVED_KEYWORD);
	REQUIRE(ScanKeywordCategory("abort") == UNRESERVED_KEYWORD);
	REQUIRE(ScanKeywordCategory("integer") == COL_NAME_KEYWORD);
	REQUIRE(ScanKeywordCategory("left") == TYPE_FUNC_NAME_KEYWORD);
	REQUIRE(ScanKeywordCategory("current_timestamp") == RESERVED_KEYWORD);
	REQUIRE(ScanKeywordCategory("foo") == -1);
	REQUIRE(ScanKeywordCategory("") == -1);
	REQUIRE(ScanKeywordCategory("current_timestamps") == -1);
	REQUIRE(ScanKeywordIsBareLabel("and"));
	REQUIRE_FALSE(ScanKeywordIsBareLabel("over"));
	/* every keyword's own spelling finds it */
	for (int tok = kFirstKeyword; tok < TOK_LAST; tok++)
		REQUIRE(KeywordLookup(GetKeyword(tok).name,
							  static_cast<int>(strlen(GetKeyword(tok).name))) == tok);
}
