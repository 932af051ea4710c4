/*
 * keywords.cpp — the keyword table: from a word to its token code,
 * category and label rule (kwlist.h).
 *
 * The lexer looks up every identifier-shaped word, so the lookup is a
 * hash table built at compile time: the hash reads the word's length and
 * four of its characters (case-folded), and a probe or two of an
 * open-addressing table with four times as many slots as keywords finds
 * the word or proves it absent, comparing with ASCII case folding as
 * PostgreSQL does.
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

/* The hash looks at the length and four characters (the first two and the
 * last two), with ASCII letters folded to lower case by setting bit 0x20,
 * so that it costs the same for every word; the comparison then checks
 * the whole word. */
constexpr uint32 Fold(char c)
{
	return static_cast<unsigned char>(c) | 0x20u;
}

constexpr uint32 KeyHash(const char *w, int len)
{
	uint32 h = static_cast<uint32>(len) * 0x9E3779B1u;
	h ^= Fold(w[0]) * 0x85EBCA77u;
	h ^= Fold(w[1]) * 0xC2B2AE3Du;
	h ^= Fold(w[len - 1]) * 0x27D4EB2Fu;
	h ^= Fold(w[len - 2]) * 0x165667B1u;
	return (h ^ (h >> 16)) & (kTableSize - 1);
}

struct KeywordTable
{
	std::array<int16, kTableSize> slot;
	std::array<uint8, kNumKeywords> length;
	int max_probes;
};

constexpr KeywordTable BuildTable()
{
	KeywordTable t{};
	for (auto &s : t.slot)
		s = -1;
	t.max_probes = 0;
	for (int i = 0; i < kNumKeywords; i++)
	{
		std::string_view name(kKeywords[i].name);
		int len = static_cast<int>(name.size());
		uint32 s = KeyHash(name.data(), len);
		int probes = 1;
		while (t.slot[s] >= 0)
		{
			s = (s + 1) & (kTableSize - 1);
			probes++;
		}
		t.slot[s] = static_cast<int16>(i);
		t.length[i] = static_cast<uint8>(len);
		if (probes > t.max_probes)
			t.max_probes = probes;
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
static_assert(kTable.max_probes <= 4, "keyword hash: too many collisions");

}  // namespace

const KeywordInfo &GetKeyword(int tok)
{
	Assert(IsKeyword(tok));
	return kKeywords[tok - kFirstKeyword];
}

int KeywordLookup(const char *text, int len)
{
	if (len < 2 || len > kMaxKeywordLength)
		return -1;
	for (uint32 s = KeyHash(text, len);; s = (s + 1) & (kTableSize - 1))
	{
		int i = kTable.slot[s];
		if (i < 0)
			return -1;
		if (kTable.length[i] != len)
			continue;
		const char *name = kKeywords[i].name;
		int k = 0;
		for (; k < len; k++)
		{
			char c = text[k];
			if (c >= 'A' && c <= 'Z')
				c = static_cast<char>(c + ('a' - 'A'));
			if (c != name[k])
				break;
		}
		if (k == len)
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
