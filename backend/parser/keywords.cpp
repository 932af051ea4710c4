/*
 * keywords.cpp — the keyword table: from a word to its token code,
 * category and label rule (kwlist.h).
 *
 * The lexer looks up every identifier-shaped word, so the lookup is a
 * hash table built at compile time: the word is lowered (ASCII only, as
 * PostgreSQL does) and hashed in one pass, and a probe or two of an
 * open-addressing table with four times as many slots as keywords finds
 * it or proves it absent, with one memcmp.
 *
 * Principal entry points: KeywordLookup, GetKeyword (scan.h);
 * ScanKeywordCategory, ScanKeywordIsBareLabel (parser/keywords.h).
 */
#include "postgres.h"

#include <array>
#include <string_view>

#include "parser/keywords.h"
#include "scan.h"

namespace tusk::parser {

namespace {

#define TUSK_CATEGORY_UNRESERVED kUnreserved
#define TUSK_CATEGORY_COL_NAME kColName
#define TUSK_CATEGORY_TYPE_FUNC_NAME kTypeFuncName
#define TUSK_CATEGORY_RESERVED kReserved
#define TUSK_LABEL_BARE_LABEL true
#define TUSK_LABEL_AS_LABEL false

constexpr KeywordInfo kKeywords[] = {
#define TUSK_KEYWORD(word, WORD, category, label) \
	{#word, TUSK_CATEGORY_##category, TUSK_LABEL_##label},
#include "kwlist.h"
};
static_assert(sizeof(kKeywords) / sizeof(kKeywords[0]) == kNumKeywords);

/* The longest keyword ("current_timestamp" and friends); longer words are
 * not looked up at all. */
constexpr int kMaxKeywordLength = 17;
constexpr int kTableSize = 2048; /* a power of two, about 4x the keywords */
constexpr uint32 kFnvBasis = 2166136261u;
constexpr uint32 kFnvPrime = 16777619u;

constexpr uint32 HashStep(uint32 h, unsigned char c)
{
	return (h ^ c) * kFnvPrime;
}

constexpr uint32 Mix(uint32 h)
{
	return h ^ (h >> 15);
}

struct KeywordTable
{
	std::array<int16, kTableSize> slot;
	std::array<uint8, kNumKeywords> length;
};

constexpr KeywordTable BuildTable()
{
	KeywordTable t{};
	for (auto &s : t.slot)
		s = -1;
	for (int i = 0; i < kNumKeywords; i++)
	{
		std::string_view name(kKeywords[i].name);
		uint32 h = kFnvBasis;
		for (char c : name)
			h = HashStep(h, static_cast<unsigned char>(c));
		uint32 s = Mix(h) & (kTableSize - 1);
		while (t.slot[s] >= 0)
			s = (s + 1) & (kTableSize - 1);
		t.slot[s] = static_cast<int16>(i);
		t.length[i] = static_cast<uint8>(name.size());
	}
	return t;
}

constexpr KeywordTable kTable = BuildTable();

constexpr bool LengthsFit()
{
	for (int i = 0; i < kNumKeywords; i++)
		if (kTable.length[i] > kMaxKeywordLength)
			return false;
	return true;
}
static_assert(LengthsFit());

}  // namespace

const KeywordInfo &GetKeyword(int tok)
{
	Assert(IsKeyword(tok));
	return kKeywords[tok - kFirstKeyword];
}

int KeywordLookup(const char *text, int len)
{
	if (len <= 0 || len > kMaxKeywordLength)
		return -1;
	char lower[kMaxKeywordLength];
	uint32 h = kFnvBasis;
	for (int i = 0; i < len; i++)
	{
		char c = text[i];
		if (c >= 'A' && c <= 'Z')
			c = static_cast<char>(c + ('a' - 'A'));
		lower[i] = c;
		h = HashStep(h, static_cast<unsigned char>(c));
	}
	for (uint32 s = Mix(h) & (kTableSize - 1);; s = (s + 1) & (kTableSize - 1))
	{
		int i = kTable.slot[s];
		if (i < 0)
			return -1;
		if (kTable.length[i] == len && memcmp(kKeywords[i].name, lower, len) == 0)
			return kFirstKeyword + i;
	}
}

}  // namespace tusk::parser

int ScanKeywordCategory(const char *word)
{
	int tok = tusk::parser::KeywordLookup(word, static_cast<int>(strlen(word)));
	return tok < 0 ? -1 : tusk::parser::GetKeyword(tok).category;
}

bool ScanKeywordIsBareLabel(const char *word)
{
	int tok = tusk::parser::KeywordLookup(word, static_cast<int>(strlen(word)));
	return tok >= 0 && tusk::parser::GetKeyword(tok).bare_label;
}
