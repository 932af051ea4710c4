/*
 * bytea_funcs.cpp — the binary-string functions of PostgreSQL's table
 * 9.11/9.12: substring/substr, overlay, position, btrim/ltrim/rtrim,
 * get_byte/set_byte, get_bit/set_bit, bit_count, encode/decode (hex,
 * base64, escape) and sha224/sha256/sha384/sha512.
 *
 * Positions count bytes from 1, bits from 0 with bit 0 the lowest of the
 * first byte, as in PostgreSQL.  The SHA-2 digests come from OpenSSL (as
 * md5 does, varlena.cpp).  encode's base64 breaks lines after 76
 * characters, as PostgreSQL's does; decode skips whitespace in hex and
 * base64.
 *
 * Principal entry points: the SQL-callable functions below.
 */
#include "postgres.h"

#include <strings.h>

#include <algorithm>
#include <string>
#include <string_view>

#include <openssl/err.h>
#include <openssl/evp.h>

#include "adt_utf8.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

using tusk::adt::Utf8CharLen;

namespace {

std::string_view ArgBytea(FunctionCallInfo fcinfo, int n)
{
	bytea *b = PG_GETARG_BYTEA_PP(n);
	return {VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)};
}

bytea *MakeBytea(const char *data, size_t len)
{
	auto *result = static_cast<bytea *>(palloc(VARHDRSZ + len));
	SET_VARSIZE(result, VARHDRSZ + len);
	if (len > 0)
		memcpy(VARDATA(result), data, len);
	return result;
}

bytea *MakeBytea(const std::string &s)
{
	return MakeBytea(s.data(), s.size());
}

/* substring(b from start [for length]) in bytes; start before 1 counts
 * against the length, a negative length is 22011. */
std::string_view Substring(std::string_view b, int32 start, int32 length, bool length_given)
{
	int64 first = std::max<int64>(start, 1);
	int64 stop = static_cast<int64>(b.size()) + 1; /* exclusive, 1-based */
	if (length_given)
	{
		if (length < 0)
			ereport(ERROR, errcode(ERRCODE_SUBSTRING_ERROR),
					errmsg("negative substring length not allowed"));
		stop = std::min(stop, static_cast<int64>(start) + length);
	}
	if (first > static_cast<int64>(b.size()) || stop <= first)
		return {};
	return b.substr(first - 1, stop - first);
}

}  // namespace

Datum bytea_substr(PG_FUNCTION_ARGS)
{
	std::string_view r = Substring(ArgBytea(fcinfo, 0), PG_GETARG_INT32(1), PG_GETARG_INT32(2),
								   true);
	PG_RETURN_BYTEA_P(MakeBytea(r.data(), r.size()));
}

Datum bytea_substr_no_len(PG_FUNCTION_ARGS)
{
	std::string_view r = Substring(ArgBytea(fcinfo, 0), PG_GETARG_INT32(1), 0, false);
	PG_RETURN_BYTEA_P(MakeBytea(r.data(), r.size()));
}

namespace {

bytea *Overlay(std::string_view b, std::string_view r, int32 start, int32 count)
{
	if (start <= 0)
		ereport(ERROR, errcode(ERRCODE_SUBSTRING_ERROR),
				errmsg("negative substring length not allowed"));
	int32 after;
	if (__builtin_add_overflow(start, count, &after))
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE), errmsg("integer out of range"));
	std::string out(Substring(b, 1, start - 1, true));
	out += r;
	out += Substring(b, after, 0, false);
	return MakeBytea(out);
}

}  // namespace

Datum byteaoverlay(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(
		Overlay(ArgBytea(fcinfo, 0), ArgBytea(fcinfo, 1), PG_GETARG_INT32(2), PG_GETARG_INT32(3)));
}

Datum byteaoverlay_no_len(PG_FUNCTION_ARGS)
{
	std::string_view r = ArgBytea(fcinfo, 1);
	PG_RETURN_BYTEA_P(
		Overlay(ArgBytea(fcinfo, 0), r, PG_GETARG_INT32(2), static_cast<int32>(r.size())));
}

/* position(needle in b): 1-based, 0 when absent, 1 for an empty needle. */
Datum byteapos(PG_FUNCTION_ARGS)
{
	std::string_view b = ArgBytea(fcinfo, 0);
	std::string_view needle = ArgBytea(fcinfo, 1);
	size_t pos = b.find(needle);
	PG_RETURN_INT32(pos == std::string_view::npos ? 0 : static_cast<int32>(pos) + 1);
}

namespace {

/* b without the leading and/or trailing bytes that occur in set. */
bytea *Trim(std::string_view b, std::string_view set, bool leading, bool trailing)
{
	size_t first = 0;
	size_t last = b.size();
	if (leading)
		while (first < last && set.find(b[first]) != std::string_view::npos)
			first++;
	if (trailing)
		while (last > first && set.find(b[last - 1]) != std::string_view::npos)
			last--;
	return MakeBytea(b.data() + first, last - first);
}

}  // namespace

Datum byteatrim(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(Trim(ArgBytea(fcinfo, 0), ArgBytea(fcinfo, 1), true, true));
}

Datum bytealtrim(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(Trim(ArgBytea(fcinfo, 0), ArgBytea(fcinfo, 1), true, false));
}

Datum byteartrim(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(Trim(ArgBytea(fcinfo, 0), ArgBytea(fcinfo, 1), false, true));
}

/* ---- bytes and bits ---- */

Datum byteaGetByte(PG_FUNCTION_ARGS)
{
	std::string_view b = ArgBytea(fcinfo, 0);
	int32 n = PG_GETARG_INT32(1);
	int32 len = static_cast<int32>(b.size());
	if (n < 0 || n >= len)
		ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("index %d out of valid range, 0..%d", n, len - 1));
	PG_RETURN_INT32(static_cast<unsigned char>(b[n]));
}

Datum byteaSetByte(PG_FUNCTION_ARGS)
{
	std::string_view b = ArgBytea(fcinfo, 0);
	bytea *res = MakeBytea(b.data(), b.size());
	int32 n = PG_GETARG_INT32(1);
	int32 value = PG_GETARG_INT32(2);
	int32 len = static_cast<int32>(VARSIZE(res) - VARHDRSZ);
	if (n < 0 || n >= len)
		ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("index %d out of valid range, 0..%d", n, len - 1));
	reinterpret_cast<unsigned char *>(VARDATA(res))[n] = static_cast<unsigned char>(value);
	PG_RETURN_BYTEA_P(res);
}

Datum byteaGetBit(PG_FUNCTION_ARGS)
{
	std::string_view b = ArgBytea(fcinfo, 0);
	int64 n = PG_GETARG_INT64(1);
	int64 nbits = static_cast<int64>(b.size()) * 8;
	if (n < 0 || n >= nbits)
		ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("index %lld out of valid range, 0..%lld", static_cast<long long>(n),
					   static_cast<long long>(nbits - 1)));
	auto byte = static_cast<unsigned char>(b[n / 8]);
	PG_RETURN_INT32((byte >> (n % 8)) & 1);
}

Datum byteaSetBit(PG_FUNCTION_ARGS)
{
	std::string_view b = ArgBytea(fcinfo, 0);
	bytea *res = MakeBytea(b.data(), b.size());
	int64 n = PG_GETARG_INT64(1);
	int32 bit = PG_GETARG_INT32(2);
	int64 nbits = static_cast<int64>(VARSIZE(res) - VARHDRSZ) * 8;
	if (n < 0 || n >= nbits)
		ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("index %lld out of valid range, 0..%lld", static_cast<long long>(n),
					   static_cast<long long>(nbits - 1)));
	if (bit != 0 && bit != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("new bit must be 0 or 1"));
	auto *bytes = reinterpret_cast<unsigned char *>(VARDATA(res));
	auto mask = static_cast<unsigned char>(1u << (n % 8));
	if (bit == 0)
		bytes[n / 8] &= static_cast<unsigned char>(~mask);
	else
		bytes[n / 8] |= mask;
	PG_RETURN_BYTEA_P(res);
}

Datum bytea_bit_count(PG_FUNCTION_ARGS)
{
	int64 count = 0;
	for (char c : ArgBytea(fcinfo, 0))
		count += __builtin_popcount(static_cast<unsigned char>(c));
	PG_RETURN_INT64(count);
}

/* ---- SHA-2 ---- */

namespace {

Datum Digest(FunctionCallInfo fcinfo, const EVP_MD *md, const char *name)
{
	std::string_view b = ArgBytea(fcinfo, 0);
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int digest_len = 0;
	if (EVP_Digest(b.data(), b.size(), digest, &digest_len, md, nullptr) != 1)
	{
		unsigned long err = ERR_get_error();
		ereport(ERROR, errcode(ERRCODE_INTERNAL_ERROR),
				errmsg("could not compute %s hash: %s", name,
					   err != 0 ? ERR_reason_error_string(err) : "unknown error"));
	}
	PG_RETURN_BYTEA_P(MakeBytea(reinterpret_cast<const char *>(digest), digest_len));
}

}  // namespace

Datum sha224_bytea(PG_FUNCTION_ARGS)
{
	return Digest(fcinfo, EVP_sha224(), "SHA224");
}

Datum sha256_bytea(PG_FUNCTION_ARGS)
{
	return Digest(fcinfo, EVP_sha256(), "SHA256");
}

Datum sha384_bytea(PG_FUNCTION_ARGS)
{
	return Digest(fcinfo, EVP_sha384(), "SHA384");
}

Datum sha512_bytea(PG_FUNCTION_ARGS)
{
	return Digest(fcinfo, EVP_sha512(), "SHA512");
}

/* ---- encode / decode ---- */

namespace {

enum class Encoding
{
	kHex,
	kBase64,
	kEscape,
};

Encoding FindEncoding(FunctionCallInfo fcinfo, int n)
{
	char *name = text_to_cstring(PG_GETARG_TEXT_PP(n));
	if (strcasecmp(name, "hex") == 0)
		return Encoding::kHex;
	if (strcasecmp(name, "base64") == 0)
		return Encoding::kBase64;
	if (strcasecmp(name, "escape") == 0)
		return Encoding::kEscape;
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("unrecognized encoding: \"%s\"", name));
	pg_unreachable();
}

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kBase64Digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/* base64 output is broken into lines of this many characters */
constexpr int kBase64LineLength = 76;

bool IsBlank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int HexDigit(const char *p, const char *end)
{
	char c = *p;
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("invalid hexadecimal digit: \"%.*s\"",
				   std::min<int>(Utf8CharLen(static_cast<unsigned char>(c)),
								 static_cast<int>(end - p)),
				   p));
	pg_unreachable();
}

std::string EncodeBase64(std::string_view b)
{
	std::string out;
	uint32 buf = 0;
	int pos = 2;
	size_t line_end = kBase64LineLength;
	for (char c : b)
	{
		buf |= static_cast<uint32>(static_cast<unsigned char>(c)) << (pos << 3);
		pos--;
		if (pos < 0)
		{
			out += kBase64Digits[(buf >> 18) & 0x3f];
			out += kBase64Digits[(buf >> 12) & 0x3f];
			out += kBase64Digits[(buf >> 6) & 0x3f];
			out += kBase64Digits[buf & 0x3f];
			pos = 2;
			buf = 0;
		}
		if (out.size() >= line_end)
		{
			out += '\n';
			line_end = out.size() + kBase64LineLength;
		}
	}
	if (pos != 2)
	{
		out += kBase64Digits[(buf >> 18) & 0x3f];
		out += kBase64Digits[(buf >> 12) & 0x3f];
		out += pos == 0 ? kBase64Digits[(buf >> 6) & 0x3f] : '=';
		out += '=';
	}
	return out;
}

int Base64Value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

std::string DecodeBase64(std::string_view s)
{
	std::string out;
	uint32 buf = 0;
	int pos = 0;
	int end = 0; /* 1 or 2 once "=" padding was seen */
	const char *s_end = s.data() + s.size();
	for (const char *p = s.data(); p < s_end; p++)
	{
		char c = *p;
		if (IsBlank(c))
			continue;
		int b = 0;
		if (c == '=')
		{
			if (end == 0)
			{
				if (pos == 2)
					end = 1;
				else if (pos == 3)
					end = 2;
				else
					ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							errmsg("unexpected \"=\" while decoding base64 sequence"));
			}
		}
		else
		{
			b = Base64Value(c);
			if (b < 0)
				ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("invalid symbol \"%.*s\" found while decoding base64 sequence",
							   std::min<int>(Utf8CharLen(static_cast<unsigned char>(c)),
											 static_cast<int>(s_end - p)),
							   p));
		}
		buf = (buf << 6) + static_cast<uint32>(b);
		pos++;
		if (pos == 4)
		{
			out += static_cast<char>((buf >> 16) & 255);
			if (end == 0 || end > 1)
				out += static_cast<char>((buf >> 8) & 255);
			if (end == 0 || end > 2)
				out += static_cast<char>(buf & 255);
			buf = 0;
			pos = 0;
		}
	}
	if (pos != 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid base64 end sequence"),
				errhint("Input data is missing padding, is truncated, or is otherwise corrupted."));
	return out;
}

bool IsOctal(char c)
{
	return c >= '0' && c <= '7';
}

std::string DecodeEscape(std::string_view s)
{
	std::string out;
	const char *end = s.data() + s.size();
	for (const char *p = s.data(); p < end;)
	{
		if (p[0] != '\\')
			out += *p++;
		else if (p + 3 < end && p[1] >= '0' && p[1] <= '3' && IsOctal(p[2]) && IsOctal(p[3]))
		{
			out += static_cast<char>(((p[1] - '0') << 6) | ((p[2] - '0') << 3) | (p[3] - '0'));
			p += 4;
		}
		else if (p + 1 < end && p[1] == '\\')
		{
			out += '\\';
			p += 2;
		}
		else
			ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s", "bytea"));
	}
	return out;
}

}  // namespace

Datum binary_encode(PG_FUNCTION_ARGS)
{
	std::string_view b = ArgBytea(fcinfo, 0);
	std::string out;
	switch (FindEncoding(fcinfo, 1))
	{
		case Encoding::kHex:
			for (char c : b)
			{
				out += kHexDigits[static_cast<unsigned char>(c) >> 4];
				out += kHexDigits[static_cast<unsigned char>(c) & 0xF];
			}
			break;
		case Encoding::kBase64:
			out = EncodeBase64(b);
			break;
		case Encoding::kEscape:
			for (char c : b)
			{
				auto u = static_cast<unsigned char>(c);
				if (u == 0 || u >= 0x80)
				{
					out += '\\';
					out += static_cast<char>('0' + (u >> 6));
					out += static_cast<char>('0' + ((u >> 3) & 7));
					out += static_cast<char>('0' + (u & 7));
				}
				else if (c == '\\')
					out += "\\\\";
				else
					out += c;
			}
			break;
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data(), static_cast<int>(out.size())));
}

Datum binary_decode(PG_FUNCTION_ARGS)
{
	text *t = PG_GETARG_TEXT_PP(0);
	std::string_view s(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	std::string out;
	switch (FindEncoding(fcinfo, 1))
	{
		case Encoding::kHex:
		{
			const char *end = s.data() + s.size();
			for (const char *p = s.data(); p < end;)
			{
				if (IsBlank(*p))
				{
					p++;
					continue;
				}
				int hi = HexDigit(p, end);
				p++;
				if (p >= end)
					ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							errmsg("invalid hexadecimal data: odd number of digits"));
				int lo = HexDigit(p, end);
				p++;
				out += static_cast<char>((hi << 4) | lo);
			}
			break;
		}
		case Encoding::kBase64:
			out = DecodeBase64(s);
			break;
		case Encoding::kEscape:
			out = DecodeEscape(s);
			break;
	}
	PG_RETURN_BYTEA_P(MakeBytea(out));
}
