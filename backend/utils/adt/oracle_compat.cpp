/*
 * oracle_compat.cpp — the string functions PostgreSQL took from Oracle:
 * upper, lower, initcap, lpad, rpad, btrim, ltrim, rtrim, ascii, chr,
 * repeat.
 *
 * Case mapping is the C collation's: only the ASCII letters change, so
 * upper('äbc') is 'äBC'; initcap starts a word after any character that
 * is not an ASCII letter or digit.  (Other collations will bring
 * Unicode case mapping.)  Lengths and trim sets count UTF-8 characters;
 * ascii and chr use code points.
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h).
 */
#include "postgres.h"

#include <string>
#include <vector>

#include "adt_utf8.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

using tusk::adt::kMaxCodePoint;
using tusk::adt::Utf8Advance;
using tusk::adt::Utf8CharLen;
using tusk::adt::Utf8Encode;
using tusk::adt::Utf8StrLen;

namespace {

/* Each character of the UTF-8 encoding takes at most this many bytes. */
constexpr int kMaxCharBytes = 4;

struct Bytes
{
	const char *data;
	int len;
};

Bytes ArgBytes(FunctionCallInfo fcinfo, int n)
{
	text *t = PG_GETARG_TEXT_PP(n);
	return {VARDATA_ANY(t), static_cast<int>(VARSIZE_ANY_EXHDR(t))};
}

char AsciiUpper(char c)
{
	return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

char AsciiLower(char c)
{
	return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsAsciiAlnum(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* A copy of the argument with fn applied to each byte. */
template <typename Fn>
text *MapBytes(Bytes s, Fn fn)
{
	text *result = cstring_to_text_with_len(s.data, s.len);
	char *p = VARDATA(result);
	for (int i = 0; i < s.len; i++)
		p[i] = fn(p[i]);
	return result;
}

/* 54000 unless a result of len characters can be allocated. */
void CheckResultLength(int64 bytes)
{
	if (bytes + VARHDRSZ > static_cast<int64>(MaxAllocSize))
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("requested length too large"));
}

/*
 * lpad/rpad: s cut to len characters, or padded to len characters with
 * copies of fill (on the left or right); no padding if fill is empty.
 */
text *Pad(Bytes s, int32 len, Bytes fill, bool left)
{
	if (len < 0)
		len = 0;
	int s_chars = Min(Utf8StrLen(s.data, s.len), len);
	if (fill.len == 0)
		len = s_chars;
	CheckResultLength(static_cast<int64>(len) * kMaxCharBytes);

	int s_bytes = Utf8Advance(s.data, s.len, s_chars);
	std::string padding;
	int fill_at = 0;
	for (int m = len - s_chars; m > 0; m--)
	{
		int n = Min(Utf8CharLen(static_cast<unsigned char>(fill.data[fill_at])),
					fill.len - fill_at);
		padding.append(fill.data + fill_at, n);
		fill_at += n;
		if (fill_at >= fill.len)
			fill_at = 0;
	}

	std::string kept(s.data, s_bytes);
	std::string result = left ? padding + kept : kept + padding;
	return cstring_to_text_with_len(result.data(), static_cast<int>(result.size()));
}

/* The characters of set, each as its bytes. */
std::vector<std::string> CharsOf(Bytes set)
{
	std::vector<std::string> chars;
	for (int i = 0; i < set.len;)
	{
		int n = Min(Utf8CharLen(static_cast<unsigned char>(set.data[i])), set.len - i);
		chars.emplace_back(set.data + i, n);
		i += n;
	}
	return chars;
}

bool InSet(const std::vector<std::string> &set, const char *c, int n)
{
	for (const auto &s : set)
	{
		if (static_cast<int>(s.size()) == n && memcmp(s.data(), c, n) == 0)
			return true;
	}
	return false;
}

/* s without the leading (left) and/or trailing (right) characters that
 * are in set. */
text *Trim(Bytes s, Bytes set_bytes, bool left, bool right)
{
	std::vector<std::string> set = CharsOf(set_bytes);
	int begin = 0;
	int end = s.len;
	if (left)
	{
		while (begin < end)
		{
			int n = Min(Utf8CharLen(static_cast<unsigned char>(s.data[begin])), end - begin);
			if (!InSet(set, s.data + begin, n))
				break;
			begin += n;
		}
	}
	if (right && begin < end)
	{
		/* the start of each remaining character, to step back by one */
		std::vector<int> starts;
		for (int i = begin; i < end;)
		{
			starts.push_back(i);
			i += Utf8CharLen(static_cast<unsigned char>(s.data[i]));
		}
		while (!starts.empty())
		{
			int at = starts.back();
			if (!InSet(set, s.data + at, end - at))
				break;
			end = at;
			starts.pop_back();
		}
	}
	return cstring_to_text_with_len(s.data + begin, end - begin);
}

const Bytes kSpace{" ", 1};

}  // namespace

Datum upper(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(MapBytes(ArgBytes(fcinfo, 0), AsciiUpper));
}

Datum lower(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(MapBytes(ArgBytes(fcinfo, 0), AsciiLower));
}

/* initcap: upper case after a non-alphanumeric character, lower case
 * after an alphanumeric one. */
Datum initcap(PG_FUNCTION_ARGS)
{
	bool after_alnum = false;
	PG_RETURN_TEXT_P(MapBytes(ArgBytes(fcinfo, 0), [&after_alnum](char c) {
		char mapped = after_alnum ? AsciiLower(c) : AsciiUpper(c);
		after_alnum = IsAsciiAlnum(mapped);
		return mapped;
	}));
}

Datum lpad(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(Pad(ArgBytes(fcinfo, 0), PG_GETARG_INT32(1), ArgBytes(fcinfo, 2), true));
}

Datum rpad(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(Pad(ArgBytes(fcinfo, 0), PG_GETARG_INT32(1), ArgBytes(fcinfo, 2), false));
}

/* btrim(s, chars) */
Datum btrim(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(Trim(ArgBytes(fcinfo, 0), ArgBytes(fcinfo, 1), true, true));
}

/* btrim(s): spaces */
Datum btrim1(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(Trim(ArgBytes(fcinfo, 0), kSpace, true, true));
}

Datum ltrim(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(Trim(ArgBytes(fcinfo, 0), ArgBytes(fcinfo, 1), true, false));
}

Datum ltrim1(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(Trim(ArgBytes(fcinfo, 0), kSpace, true, false));
}

Datum rtrim(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(Trim(ArgBytes(fcinfo, 0), ArgBytes(fcinfo, 1), false, true));
}

/* rtrim(s); also the cast from character(n) to text, which drops the
 * padding. */
Datum rtrim1(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(Trim(ArgBytes(fcinfo, 0), kSpace, false, true));
}

/* ascii(s): the code point of the first character, 0 for ''. */
Datum ascii(PG_FUNCTION_ARGS)
{
	Bytes s = ArgBytes(fcinfo, 0);
	if (s.len == 0)
		PG_RETURN_INT32(0);
	PG_RETURN_INT32(static_cast<int32>(tusk::adt::Utf8Decode(s.data, s.len)));
}

/* chr(n): the character with code point n; not 0, not a surrogate, not
 * beyond U+10FFFF. */
Datum chr(PG_FUNCTION_ARGS)
{
	int32 arg = PG_GETARG_INT32(0);
	if (arg < 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("character number must be positive"));
	if (arg == 0)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("null character not permitted"));
	auto cp = static_cast<uint32>(arg);
	if (cp > kMaxCodePoint)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("requested character too large for encoding: %u", cp));
	if (cp >= 0xD800 && cp <= 0xDFFF)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("requested character not valid for encoding: %u", cp));
	char buf[kMaxCharBytes];
	int n = Utf8Encode(cp, buf);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, n));
}

/* repeat(s, n): n copies (none for n <= 0). */
Datum repeat(PG_FUNCTION_ARGS)
{
	Bytes s = ArgBytes(fcinfo, 0);
	int64 count = Max(PG_GETARG_INT32(1), 0);
	int64 total = count * s.len;
	if (total > PG_INT32_MAX - VARHDRSZ)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("requested length too large"));
	CheckResultLength(total);
	auto *result = static_cast<text *>(palloc(VARHDRSZ + total));
	SET_VARSIZE(result, VARHDRSZ + total);
	char *p = VARDATA(result);
	for (int64 i = 0; i < count; i++, p += s.len)
		memcpy(p, s.data, s.len);
	PG_RETURN_TEXT_P(result);
}
