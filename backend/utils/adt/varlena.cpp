/*
 * varlena.cpp — the types text and bytea, and the text functions that
 * are not Oracle-compatibility ones (those are in oracle_compat.cpp).
 *
 * text is UTF-8 and compares as the C collation: bytes, then length.
 * Functions that take positions or lengths count characters (substr,
 * strpos, left, right, reverse).  bytea input takes the hex form \x0a0b
 * (whitespace between digit pairs allowed) or the traditional escape
 * form (\\ and \ooo); output follows bytea_output, hex by default.
 *
 * concat() and concat_ws() print their arguments with each argument
 * type's output function, found from the calling expression's argument
 * types (get_fn_expr_argtype).
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h); cstring_to_text, cstring_to_text_with_len,
 * text_to_cstring, text_to_cstring_buffer, varstr_cmp.
 */
#include "postgres.h"

#include "utils/lsyscache.h"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <string>
#include <vector>

#include "adt_internal.h"
#include "adt_utf8.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

using tusk::adt::Utf8Advance;
using tusk::adt::Utf8CharLen;
using tusk::adt::Utf8StrLen;

int bytea_output = BYTEA_OUTPUT_HEX;

/* ---- C strings and text ---- */

text *cstring_to_text(const char *s)
{
	return cstring_to_text_with_len(s, static_cast<int>(strlen(s)));
}

text *cstring_to_text_with_len(const char *s, int len)
{
	auto *result = static_cast<text *>(palloc(len + VARHDRSZ));
	SET_VARSIZE(result, len + VARHDRSZ);
	memcpy(VARDATA(result), s, len);
	return result;
}

char *text_to_cstring(const text *t)
{
	auto *unpacked = reinterpret_cast<text *>(pg_detoast_datum_packed(const_cast<text *>(t)));
	Size len = VARSIZE_ANY_EXHDR(unpacked);
	char *result = static_cast<char *>(palloc(len + 1));
	memcpy(result, VARDATA_ANY(unpacked), len);
	result[len] = '\0';
	if (unpacked != t)
		pfree(unpacked);
	return result;
}

void text_to_cstring_buffer(const text *src, char *dst, size_t dst_len)
{
	if (dst_len == 0)
		return;
	auto *unpacked = reinterpret_cast<text *>(pg_detoast_datum_packed(const_cast<text *>(src)));
	size_t len = VARSIZE_ANY_EXHDR(unpacked);
	if (len >= dst_len)
	{
		/* cut on a character boundary */
		len = 0;
		const char *s = VARDATA_ANY(unpacked);
		while (true)
		{
			size_t n = Utf8CharLen(static_cast<unsigned char>(s[len]));
			if (len + n > dst_len - 1)
				break;
			len += n;
		}
	}
	memcpy(dst, VARDATA_ANY(unpacked), len);
	dst[len] = '\0';
	if (unpacked != src)
		pfree(unpacked);
}

/* The C collation: bytes, and a proper prefix sorts first.  (collid is
 * accepted for PostgreSQL's signature; every collation is "C" for now.) */
int varstr_cmp(const char *arg1, int len1, const char *arg2, int len2, Oid collid)
{
	(void) collid;
	int result = memcmp(arg1, arg2, Min(len1, len2));
	if (result == 0 && len1 != len2)
		return len1 < len2 ? -1 : 1;
	return result < 0 ? -1 : (result > 0 ? 1 : 0);
}

namespace {

/* A string argument's bytes. */
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

Bytes NameBytes(FunctionCallInfo fcinfo, int n)
{
	Name name = PG_GETARG_NAME(n);
	return {NameStr(*name), static_cast<int>(strnlen(NameStr(*name), NAMEDATALEN))};
}

int Compare(Bytes a, Bytes b)
{
	return varstr_cmp(a.data, a.len, b.data, b.len, InvalidOid);
}

bool Equal(Bytes a, Bytes b)
{
	return a.len == b.len && memcmp(a.data, b.data, a.len) == 0;
}

int CompareArgs(FunctionCallInfo fcinfo)
{
	return Compare(ArgBytes(fcinfo, 0), ArgBytes(fcinfo, 1));
}

text *MakeText(Bytes b)
{
	return cstring_to_text_with_len(b.data, b.len);
}

/* The byte offset of the first occurrence of needle in haystack at or
 * after byte from, or -1.  (Matching bytes finds only whole characters:
 * UTF-8 never has a character's first byte inside another.) */
int FindBytes(Bytes haystack, Bytes needle, int from)
{
	if (needle.len == 0)
		return from <= haystack.len ? from : -1;
	for (int i = from; i + needle.len <= haystack.len; i++)
	{
		if (haystack.data[i] == needle.data[0] &&
			memcmp(haystack.data + i, needle.data, needle.len) == 0)
			return i;
	}
	return -1;
}

/*
 * substr(s, start [, length]) in characters.  Positions before 1 count
 * against the length (substr('abc', 0, 2) is 'a'); a negative length is
 * 22011.
 */
text *Substring(Bytes s, int32 start, int32 length, bool length_given)
{
	int64 first = Max(start, 1);
	int64 count = -1; /* to the end */
	if (length_given)
	{
		if (length < 0)
			ereport(ERROR, errcode(ERRCODE_SUBSTRING_ERROR),
					errmsg("negative substring length not allowed"));
		int64 end = static_cast<int64>(start) + length; /* exclusive */
		if (end < 1)
			return cstring_to_text("");
		count = end - first;
	}
	int off = Utf8Advance(s.data, s.len, first - 1);
	int stop = count < 0 ? s.len : off + Utf8Advance(s.data + off, s.len - off, count);
	return cstring_to_text_with_len(s.data + off, stop - off);
}

int HexValue(const char *p)
{
	char c = *p;
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode hex digit pairs (blanks between pairs allowed) into dst; the
 * number of bytes written. */
int DecodeHex(const char *src, int len, char *dst)
{
	const char *end = src + len;
	char *out = dst;
	for (const char *p = src; p < end;)
	{
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		{
			p++;
			continue;
		}
		int hi = HexValue(p);
		if (hi < 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("invalid hexadecimal digit: \"%.*s\"",
						   Min(Utf8CharLen(static_cast<unsigned char>(*p)),
							   static_cast<int>(end - p)),
						   p));
		p++;
		if (p >= end)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("invalid hexadecimal data: odd number of digits"));
		int lo = HexValue(p);
		if (lo < 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("invalid hexadecimal digit: \"%.*s\"",
						   Min(Utf8CharLen(static_cast<unsigned char>(*p)),
							   static_cast<int>(end - p)),
						   p));
		p++;
		*out++ = static_cast<char>((hi << 4) | lo);
	}
	return static_cast<int>(out - dst);
}

bool IsOctal(char c)
{
	return c >= '0' && c <= '7';
}

/* Whether p starts a \ooo escape of a byte (first digit 0-3). */
bool IsByteEscape(const char *p)
{
	return p[0] == '\\' && p[1] >= '0' && p[1] <= '3' && IsOctal(p[2]) && IsOctal(p[3]);
}

[[noreturn]] void InvalidByteaSyntax()
{
	ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("invalid input syntax for type %s", "bytea"));
	pg_unreachable();
}

text *Md5Hex(const char *data, size_t len)
{
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int digest_len = 0;
	if (EVP_Digest(data, len, digest, &digest_len, EVP_md5(), nullptr) != 1)
	{
		unsigned long err = ERR_get_error();
		ereport(ERROR, errcode(ERRCODE_INTERNAL_ERROR),
				errmsg("could not compute %s hash: %s", "MD5",
					   err != 0 ? ERR_reason_error_string(err) : "unknown error"));
	}
	static const char kHexDigits[] = "0123456789abcdef";
	char hex[2 * EVP_MAX_MD_SIZE];
	for (unsigned int i = 0; i < digest_len; i++)
	{
		hex[2 * i] = kHexDigits[digest[i] >> 4];
		hex[2 * i + 1] = kHexDigits[digest[i] & 0xF];
	}
	return cstring_to_text_with_len(hex, static_cast<int>(2 * digest_len));
}

/*
 * concat() and concat_ws(): the arguments from argidx on, NULLs skipped,
 * each printed by its type's output function, joined by sep.  The output
 * functions are looked up once per call site and kept in fn_extra.
 */
text *ConcatArguments(const char *sep, int argidx, FunctionCallInfo fcinfo)
{
	FmgrInfo *flinfo = fcinfo->flinfo;
	if (flinfo == nullptr)
		elog(ERROR, "could not determine data type of concat() input");
	if (get_fn_expr_variadic(flinfo))
	{
		/* VARIADIC arr: the caller has checked that the array is not NULL */
		ArrayType *arr = PG_GETARG_ARRAYTYPE_P(argidx);
		Oid elemtype = ARR_ELEMTYPE(arr);
		int16 elmlen;
		bool elmbyval;
		char elmalign;
		get_typlenbyvalalign(elemtype, &elmlen, &elmbyval, &elmalign);
		Datum *elems;
		bool *nulls;
		int nelems;
		deconstruct_array(arr, elemtype, elmlen, elmbyval, elmalign, &elems, &nulls, &nelems);
		Oid outfunc;
		bool is_varlena;
		getTypeOutputInfo(elemtype, &outfunc, &is_varlena);
		std::string result;
		bool first = true;
		for (int i = 0; i < nelems; i++)
		{
			if (nulls[i])
				continue;
			if (!first)
				result += sep;
			first = false;
			result += OidOutputFunctionCall(outfunc, elems[i]);
		}
		return cstring_to_text_with_len(result.data(), static_cast<int>(result.size()));
	}

	auto *outfuncs = static_cast<FmgrInfo *>(flinfo->fn_extra);
	if (outfuncs == nullptr)
	{
		outfuncs = static_cast<FmgrInfo *>(
			MemoryContextAlloc(flinfo->fn_mcxt, PG_NARGS() * sizeof(FmgrInfo)));
		for (int i = argidx; i < PG_NARGS(); i++)
		{
			Oid type = get_fn_expr_argtype(flinfo, i);
			if (!OidIsValid(type))
				elog(ERROR, "could not determine data type of concat() input");
			Oid outfunc;
			bool is_varlena;
			getTypeOutputInfo(type, &outfunc, &is_varlena);
			fmgr_info_cxt(outfunc, &outfuncs[i], flinfo->fn_mcxt);
		}
		flinfo->fn_extra = outfuncs;
	}

	std::string result;
	bool first = true;
	for (int i = argidx; i < PG_NARGS(); i++)
	{
		if (PG_ARGISNULL(i))
			continue;
		if (!first)
			result += sep;
		first = false;
		char *s = OutputFunctionCall(&outfuncs[i], PG_GETARG_DATUM(i));
		result += s;
		pfree(s);
	}
	return cstring_to_text_with_len(result.data(), static_cast<int>(result.size()));
}

}  // namespace

/* ---- text input and output ---- */

Datum textin(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(PG_GETARG_CSTRING(0)));
}

Datum textout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(text_to_cstring(reinterpret_cast<text *>(PG_GETARG_POINTER(0))));
}

/* ---- text comparisons (C collation) ---- */

Datum texteq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Equal(ArgBytes(fcinfo, 0), ArgBytes(fcinfo, 1)));
}

Datum textne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Equal(ArgBytes(fcinfo, 0), ArgBytes(fcinfo, 1)));
}

Datum text_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) < 0);
}

Datum text_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) <= 0);
}

Datum text_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) > 0);
}

Datum text_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) >= 0);
}

Datum bttextcmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CompareArgs(fcinfo));
}

/* text_pattern_ops: byte-wise order, which the "C" collation every text
 * comparison uses already is. */
Datum text_pattern_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) < 0);
}

Datum text_pattern_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) <= 0);
}

Datum text_pattern_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) >= 0);
}

Datum text_pattern_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) > 0);
}

Datum bttext_pattern_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CompareArgs(fcinfo));
}

Datum text_larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(CompareArgs(fcinfo) > 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

Datum text_smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(CompareArgs(fcinfo) < 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

/* ---- name against text ---- */

Datum nameeqtext(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Equal(NameBytes(fcinfo, 0), ArgBytes(fcinfo, 1)));
}

Datum namenetext(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Equal(NameBytes(fcinfo, 0), ArgBytes(fcinfo, 1)));
}

Datum namelttext(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare(NameBytes(fcinfo, 0), ArgBytes(fcinfo, 1)) < 0);
}

Datum nameletext(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare(NameBytes(fcinfo, 0), ArgBytes(fcinfo, 1)) <= 0);
}

Datum namegttext(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare(NameBytes(fcinfo, 0), ArgBytes(fcinfo, 1)) > 0);
}

Datum namegetext(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare(NameBytes(fcinfo, 0), ArgBytes(fcinfo, 1)) >= 0);
}

Datum btnametextcmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare(NameBytes(fcinfo, 0), ArgBytes(fcinfo, 1)));
}

Datum texteqname(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Equal(ArgBytes(fcinfo, 0), NameBytes(fcinfo, 1)));
}

Datum textnename(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Equal(ArgBytes(fcinfo, 0), NameBytes(fcinfo, 1)));
}

Datum textltname(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare(ArgBytes(fcinfo, 0), NameBytes(fcinfo, 1)) < 0);
}

Datum textlename(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare(ArgBytes(fcinfo, 0), NameBytes(fcinfo, 1)) <= 0);
}

Datum textgtname(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare(ArgBytes(fcinfo, 0), NameBytes(fcinfo, 1)) > 0);
}

Datum textgename(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Compare(ArgBytes(fcinfo, 0), NameBytes(fcinfo, 1)) >= 0);
}

Datum bttextnamecmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(Compare(ArgBytes(fcinfo, 0), NameBytes(fcinfo, 1)));
}

/* ---- text functions ---- */

/* text || text */
Datum textcat(PG_FUNCTION_ARGS)
{
	Bytes a = ArgBytes(fcinfo, 0);
	Bytes b = ArgBytes(fcinfo, 1);
	auto *result = static_cast<text *>(palloc(VARHDRSZ + a.len + b.len));
	SET_VARSIZE(result, VARHDRSZ + a.len + b.len);
	memcpy(VARDATA(result), a.data, a.len);
	memcpy(VARDATA(result) + a.len, b.data, b.len);
	PG_RETURN_TEXT_P(result);
}

/* length(text), char_length: characters. */
Datum textlen(PG_FUNCTION_ARGS)
{
	Bytes s = ArgBytes(fcinfo, 0);
	PG_RETURN_INT32(Utf8StrLen(s.data, s.len));
}

Datum textoctetlen(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ArgBytes(fcinfo, 0).len);
}

/* substr(text, start, length) */
Datum text_substr(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(Substring(ArgBytes(fcinfo, 0), PG_GETARG_INT32(1), PG_GETARG_INT32(2), true));
}

/* substr(text, start) */
Datum text_substr_no_len(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(Substring(ArgBytes(fcinfo, 0), PG_GETARG_INT32(1), 0, false));
}

/* strpos(haystack, needle), position(needle in haystack): the character
 * position of the first match, 0 if none, 1 for an empty needle. */
Datum textpos(PG_FUNCTION_ARGS)
{
	Bytes haystack = ArgBytes(fcinfo, 0);
	Bytes needle = ArgBytes(fcinfo, 1);
	if (needle.len == 0)
		PG_RETURN_INT32(1);
	int at = FindBytes(haystack, needle, 0);
	PG_RETURN_INT32(at < 0 ? 0 : Utf8StrLen(haystack.data, at) + 1);
}

/* replace(s, from, to): every non-overlapping occurrence, left to right. */
Datum replace_text(PG_FUNCTION_ARGS)
{
	Bytes src = ArgBytes(fcinfo, 0);
	Bytes from = ArgBytes(fcinfo, 1);
	Bytes to = ArgBytes(fcinfo, 2);
	if (src.len == 0 || from.len == 0)
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	int at = FindBytes(src, from, 0);
	if (at < 0)
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));

	std::string result;
	int done = 0;
	while (at >= 0)
	{
		result.append(src.data + done, at - done);
		result.append(to.data, to.len);
		done = at + from.len;
		at = FindBytes(src, from, done);
	}
	result.append(src.data + done, src.len - done);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(result.data(), static_cast<int>(result.size())));
}

/* left(s, n): the first n characters; n < 0: all but the last -n. */
Datum text_left(PG_FUNCTION_ARGS)
{
	Bytes s = ArgBytes(fcinfo, 0);
	int64 n = PG_GETARG_INT32(1);
	if (n < 0)
		n = Max(Utf8StrLen(s.data, s.len) + n, 0);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(s.data, Utf8Advance(s.data, s.len, n)));
}

/* right(s, n): the last n characters; n < 0: all but the first -n. */
Datum text_right(PG_FUNCTION_ARGS)
{
	Bytes s = ArgBytes(fcinfo, 0);
	int64 n = PG_GETARG_INT32(1);
	int64 skip = n < 0 ? -n : Utf8StrLen(s.data, s.len) - n;
	int off = Utf8Advance(s.data, s.len, skip);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(s.data + off, s.len - off));
}

/* reverse(s), by characters. */
Datum text_reverse(PG_FUNCTION_ARGS)
{
	Bytes s = ArgBytes(fcinfo, 0);
	auto *result = static_cast<text *>(palloc(VARHDRSZ + s.len));
	SET_VARSIZE(result, VARHDRSZ + s.len);
	char *dst = VARDATA(result) + s.len;
	for (int i = 0; i < s.len;)
	{
		int n = Min(Utf8CharLen(static_cast<unsigned char>(s.data[i])), s.len - i);
		dst -= n;
		memcpy(dst, s.data + i, n);
		i += n;
	}
	PG_RETURN_TEXT_P(result);
}

/*
 * split_part(s, delimiter, n): field n (from 1), or counted from the end
 * when n < 0; the empty string for a field that does not exist.  An empty
 * delimiter makes the whole string one field.
 */
Datum split_part(PG_FUNCTION_ARGS)
{
	Bytes s = ArgBytes(fcinfo, 0);
	Bytes sep = ArgBytes(fcinfo, 1);
	int field = PG_GETARG_INT32(2);
	if (field == 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("field position must not be zero"));
	if (s.len == 0)
		PG_RETURN_TEXT_P(cstring_to_text(""));
	if (sep.len == 0 || FindBytes(s, sep, 0) < 0)
	{
		if (field == 1 || field == -1)
			PG_RETURN_TEXT_P(MakeText(s));
		PG_RETURN_TEXT_P(cstring_to_text(""));
	}

	/* the start of each field */
	std::vector<int> starts{0};
	for (int at = FindBytes(s, sep, 0); at >= 0; at = FindBytes(s, sep, at + sep.len))
		starts.push_back(at + sep.len);
	auto nfields = static_cast<int64>(starts.size());
	int64 index = field > 0 ? field - 1 : nfields + field;
	if (index < 0 || index >= nfields)
		PG_RETURN_TEXT_P(cstring_to_text(""));
	int begin = starts[index];
	int end = index + 1 < nfields ? starts[index + 1] - sep.len : s.len;
	PG_RETURN_TEXT_P(cstring_to_text_with_len(s.data + begin, end - begin));
}

/* concat(VARIADIC "any"): NULLs are skipped. */
Datum text_concat(PG_FUNCTION_ARGS)
{
	if (get_fn_expr_variadic(fcinfo->flinfo) && PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(ConcatArguments("", 0, fcinfo));
}

/* concat_ws(sep, VARIADIC "any"): NULL if sep is NULL. */
Datum text_concat_ws(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	if (get_fn_expr_variadic(fcinfo->flinfo) && PG_ARGISNULL(1))
		PG_RETURN_NULL();
	char *sep = text_to_cstring(PG_GETARG_TEXT_PP(0));
	PG_RETURN_TEXT_P(ConcatArguments(sep, 1, fcinfo));
}

/* md5(text): 32 lower-case hex digits. */
Datum md5_text(PG_FUNCTION_ARGS)
{
	Bytes s = ArgBytes(fcinfo, 0);
	PG_RETURN_TEXT_P(Md5Hex(s.data, s.len));
}

Datum md5_bytea(PG_FUNCTION_ARGS)
{
	Bytes s = ArgBytes(fcinfo, 0);
	PG_RETURN_TEXT_P(Md5Hex(s.data, s.len));
}

/* starts_with(s, prefix) */
Datum text_starts_with(PG_FUNCTION_ARGS)
{
	Bytes s = ArgBytes(fcinfo, 0);
	Bytes prefix = ArgBytes(fcinfo, 1);
	PG_RETURN_BOOL(prefix.len <= s.len && memcmp(s.data, prefix.data, prefix.len) == 0);
}

/* ---- bytea ---- */

/* "\x" then hex digit pairs, else the escape form: bytes as themselves,
 * "\\" for a backslash, "\ooo" (first digit 0-3) for any byte. */
Datum byteain(PG_FUNCTION_ARGS)
{
	const char *in = PG_GETARG_CSTRING(0);
	if (in[0] == '\\' && in[1] == 'x')
	{
		int len = static_cast<int>(strlen(in)) - 2;
		auto *result = static_cast<bytea *>(palloc(VARHDRSZ + len / 2));
		int n = DecodeHex(in + 2, len, VARDATA(result));
		SET_VARSIZE(result, VARHDRSZ + n);
		PG_RETURN_BYTEA_P(result);
	}

	int n = 0;
	for (const char *p = in; *p != '\0'; n++)
	{
		if (p[0] != '\\')
			p++;
		else if (IsByteEscape(p))
			p += 4;
		else if (p[1] == '\\')
			p += 2;
		else
			InvalidByteaSyntax();
	}
	auto *result = static_cast<bytea *>(palloc(VARHDRSZ + n));
	SET_VARSIZE(result, VARHDRSZ + n);
	char *out = VARDATA(result);
	for (const char *p = in; *p != '\0';)
	{
		if (p[0] != '\\')
			*out++ = *p++;
		else if (IsByteEscape(p))
		{
			*out++ = static_cast<char>(((p[1] - '0') << 6) | ((p[2] - '0') << 3) | (p[3] - '0'));
			p += 4;
		}
		else
		{
			*out++ = '\\';
			p += 2;
		}
	}
	PG_RETURN_BYTEA_P(result);
}

Datum byteaout(PG_FUNCTION_ARGS)
{
	Bytes b = ArgBytes(fcinfo, 0);
	const auto *u = reinterpret_cast<const unsigned char *>(b.data);
	if (bytea_output == BYTEA_OUTPUT_HEX)
	{
		static const char kHexDigits[] = "0123456789abcdef";
		char *result = static_cast<char *>(palloc(static_cast<Size>(b.len) * 2 + 3));
		char *p = result;
		*p++ = '\\';
		*p++ = 'x';
		for (int i = 0; i < b.len; i++)
		{
			*p++ = kHexDigits[u[i] >> 4];
			*p++ = kHexDigits[u[i] & 0xF];
		}
		*p = '\0';
		PG_RETURN_CSTRING(result);
	}

	/* escape: printable ASCII as itself, \\ and \ooo for the rest */
	uint64 len = 1;
	for (int i = 0; i < b.len; i++)
		len += u[i] == '\\' ? 2 : (u[i] < 0x20 || u[i] > 0x7e ? 4 : 1);
	if (len > MaxAllocSize)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg_internal("result of bytea output conversion is too large"));
	char *result = static_cast<char *>(palloc(len));
	char *p = result;
	for (int i = 0; i < b.len; i++)
	{
		if (u[i] == '\\')
		{
			*p++ = '\\';
			*p++ = '\\';
		}
		else if (u[i] < 0x20 || u[i] > 0x7e)
		{
			*p++ = '\\';
			*p++ = static_cast<char>('0' + (u[i] >> 6));
			*p++ = static_cast<char>('0' + ((u[i] >> 3) & 07));
			*p++ = static_cast<char>('0' + (u[i] & 07));
		}
		else
			*p++ = static_cast<char>(u[i]);
	}
	*p = '\0';
	PG_RETURN_CSTRING(result);
}

Datum byteaoctetlen(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ArgBytes(fcinfo, 0).len);
}

Datum byteacat(PG_FUNCTION_ARGS)
{
	return textcat(fcinfo);
}

Datum byteaeq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Equal(ArgBytes(fcinfo, 0), ArgBytes(fcinfo, 1)));
}

Datum byteane(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Equal(ArgBytes(fcinfo, 0), ArgBytes(fcinfo, 1)));
}

Datum bytealt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) < 0);
}

Datum byteale(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) <= 0);
}

Datum byteagt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) > 0);
}

Datum byteage(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareArgs(fcinfo) >= 0);
}

Datum byteacmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CompareArgs(fcinfo));
}

/* text's binary form: its bytes. */
Datum textrecv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	int nbytes;
	char *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(str, nbytes));
}

Datum textsend(PG_FUNCTION_ARGS)
{
	text *t = PG_GETARG_TEXT_PP(0);
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendtext(&buf, VARDATA_ANY(t), static_cast<int>(VARSIZE_ANY_EXHDR(t)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* bytea's binary form: its bytes. */
Datum bytearecv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	int nbytes = buf->len - buf->cursor;
	auto *result = static_cast<bytea *>(palloc(static_cast<Size>(nbytes) + VARHDRSZ));
	SET_VARSIZE(result, nbytes + VARHDRSZ);
	pq_copymsgbytes(buf, VARDATA(result), nbytes);
	PG_RETURN_BYTEA_P(result);
}

Datum byteasend(PG_FUNCTION_ARGS)
{
	bytea *v = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(v), static_cast<int>(VARSIZE_ANY_EXHDR(v)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- string_agg(text, text) and string_agg(bytea, bytea) ----
 * The state is a StringInfo in the aggregate's memory, made at the first
 * non-NULL value; each later value is preceded by its row's delimiter
 * (none when that is NULL).  NULL values add nothing; no value at all
 * gives NULL.  (PostgreSQL's rules.) */

namespace {

Datum StringAggTransfn(FunctionCallInfo fcinfo, const char *name)
{
	MemoryContext aggcontext;
	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s called in non-aggregate context", name);
	StringInfo state = PG_ARGISNULL(0) ? nullptr
									   : reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	if (!PG_ARGISNULL(1))
	{
		if (state == nullptr)
		{
			MemoryContext old = MemoryContextSwitchTo(aggcontext);
			state = makeStringInfo();
			MemoryContextSwitchTo(old);
		}
		else if (!PG_ARGISNULL(2))
		{
			Bytes delim = ArgBytes(fcinfo, 2);
			appendBinaryStringInfo(state, delim.data, delim.len);
		}
		Bytes value = ArgBytes(fcinfo, 1);
		appendBinaryStringInfo(state, value.data, value.len);
	}
	if (state == nullptr)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(state);
}

Datum StringAggFinalfn(FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	auto *state = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	PG_RETURN_TEXT_P(cstring_to_text_with_len(state->data, state->len));
}

}  // namespace

Datum string_agg_transfn(PG_FUNCTION_ARGS)
{
	return StringAggTransfn(fcinfo, "string_agg_transfn");
}

Datum string_agg_finalfn(PG_FUNCTION_ARGS)
{
	return StringAggFinalfn(fcinfo);
}

Datum bytea_string_agg_transfn(PG_FUNCTION_ARGS)
{
	return StringAggTransfn(fcinfo, "bytea_string_agg_transfn");
}

Datum bytea_string_agg_finalfn(PG_FUNCTION_ARGS)
{
	return StringAggFinalfn(fcinfo);
}
