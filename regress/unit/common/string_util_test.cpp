/*
 * string_util_test.cpp — splitting setting lists and parsing integers.
 */
#include "unit_test.h"

#include "common/string_util.h"

using tusk::common::ParseInteger;
using tusk::common::SplitList;

TEST_CASE("SplitList trims items and keeps quoted commas", "[common]")
{
	auto items = SplitList(" a, \"b,c\" ,d ", false);
	REQUIRE(items.has_value());
	REQUIRE(*items == std::vector<std::string>{"a", "b,c", "d"});
}

TEST_CASE("SplitList downcases unquoted identifiers only when asked", "[common]")
{
	REQUIRE(*SplitList("Foo, \"Bar\"", true) == std::vector<std::string>{"foo", "Bar"});
	REQUIRE(*SplitList("Foo", false) == std::vector<std::string>{"Foo"});
}

TEST_CASE("SplitList rejects empty items and unterminated quotes", "[common]")
{
	REQUIRE_FALSE(SplitList("a,,b", false).has_value());
	REQUIRE_FALSE(SplitList("\"a", false).has_value());
	REQUIRE(SplitList("   ", false)->empty());
}

TEST_CASE("ParseInteger accepts whole decimal numbers only", "[common]")
{
	REQUIRE(ParseInteger(" 42 ") == 42);
	REQUIRE(ParseInteger("-7") == -7);
	REQUIRE_FALSE(ParseInteger("4x").has_value());
	REQUIRE_FALSE(ParseInteger("").has_value());
}
