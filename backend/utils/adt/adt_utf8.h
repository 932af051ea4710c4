/*
 * adt_utf8.h — UTF-8 character arithmetic for the string functions
 * (private to backend/utils/adt).
 *
 * The server encoding is UTF8, so length(), substr(), lpad() and the rest
 * count characters, not bytes.  Like PostgreSQL's pg_utf_mblen, a byte
 * that cannot start a sequence counts as a one-byte character: stored
 * text was validated when it entered the server, and a function must not
 * run past the end of its value whatever the bytes are (every helper
 * here is bounded by the value's length).
 *
 * Entry points: Utf8CharLen, Utf8StrLen, Utf8Advance, Utf8Decode,
 * Utf8Encode.
 */
#ifndef TUSK_BACKEND_UTILS_ADT_ADT_UTF8_H
#define TUSK_BACKEND_UTILS_ADT_ADT_UTF8_H

#include "c.h"

namespace tusk::adt {

/* The largest code point UTF-8 can carry (Unicode's limit). */
constexpr uint32 kMaxCodePoint = 0x10FFFF;

/* Bytes in the character that starts with byte c (1 for a byte that cannot
 * start a sequence). */
inline int Utf8CharLen(unsigned char c)
{
	if ((c & 0x80) == 0)
		return 1;
	if ((c & 0xE0) == 0xC0)
		return 2;
	if ((c & 0xF0) == 0xE0)
		return 3;
	if ((c & 0xF8) == 0xF0)
		return 4;
	return 1;
}

/* The number of characters in s[0..len). */
inline int Utf8StrLen(const char *s, int len)
{
	int n = 0;
	int i = 0;
	while (i < len)
	{
		i += Utf8CharLen(static_cast<unsigned char>(s[i]));
		n++;
	}
	return n;
}

/* The byte offset nchars characters into s[0..len), at most len. */
inline int Utf8Advance(const char *s, int len, int64 nchars)
{
	int i = 0;
	while (nchars > 0 && i < len)
	{
		i += Utf8CharLen(static_cast<unsigned char>(s[i]));
		nchars--;
	}
	return i < len ? i : len;
}

/* The code point of the character at s (at most avail bytes are read). */
inline uint32 Utf8Decode(const char *s, int avail)
{
	const auto *u = reinterpret_cast<const unsigned char *>(s);
	int n = Utf8CharLen(u[0]);
	if (n > avail)
		n = 1;
	switch (n)
	{
		case 2:
			return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
		case 3:
			return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
		case 4:
			return ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) |
				(u[3] & 0x3Fu);
		default:
			return u[0];
	}
}

/* Write code point cp (<= kMaxCodePoint) as UTF-8 at out; the byte count. */
inline int Utf8Encode(uint32 cp, char *out)
{
	auto *u = reinterpret_cast<unsigned char *>(out);
	if (cp < 0x80)
	{
		u[0] = static_cast<unsigned char>(cp);
		return 1;
	}
	if (cp < 0x800)
	{
		u[0] = static_cast<unsigned char>(0xC0 | (cp >> 6));
		u[1] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		u[0] = static_cast<unsigned char>(0xE0 | (cp >> 12));
		u[1] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
		u[2] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = static_cast<unsigned char>(0xF0 | (cp >> 18));
	u[1] = static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F));
	u[2] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
	u[3] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
	return 4;
}

}  // namespace tusk::adt

#endif	// TUSK_BACKEND_UTILS_ADT_ADT_UTF8_H
