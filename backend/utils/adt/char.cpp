/*
 * char.cpp — the one-byte type "char" (pg_type.typtype and friends).
 *
 * Bytes 0x01..0x7F print as themselves, 0x00 as the empty string and
 * 0x80..0xFF as \ooo (three octal digits, bytea's escape form); input
 * takes those forms back, and otherwise the first byte of the string.
 * Comparisons are of unsigned bytes.
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h).
 */
#include "postgres.h"

#include <limits.h>

#include "libpq/pqformat.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"

namespace {

bool IsOctal(char c)
{
	return c >= '0' && c <= '7';
}

/* "\ooo" at s (len bytes) as its byte; false if s is not that form. */
bool ParseOctalEscape(const char *s, size_t len, char *out)
{
	if (len != 4 || s[0] != '\\' || !IsOctal(s[1]) || !IsOctal(s[2]) || !IsOctal(s[3]))
		return false;
	*out = static_cast<char>(((s[1] - '0') << 6) + ((s[2] - '0') << 3) + (s[3] - '0'));
	return true;
}

/* The text form of c at out (room for 5 bytes); its length. */
int FormatChar(char c, char *out)
{
	auto u = static_cast<unsigned char>(c);
	if (u >= 0x80)
	{
		out[0] = '\\';
		out[1] = static_cast<char>('0' + (u >> 6));
		out[2] = static_cast<char>('0' + ((u >> 3) & 07));
		out[3] = static_cast<char>('0' + (u & 07));
		out[4] = '\0';
		return 4;
	}
	out[0] = c;
	out[1] = '\0';
	return c == '\0' ? 0 : 1;
}

}  // namespace

/* A multibyte character not in \ooo form keeps only its first byte. */
Datum charin(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	char c;
	if (ParseOctalEscape(s, strlen(s), &c))
		PG_RETURN_CHAR(c);
	PG_RETURN_CHAR(s[0]);
}

Datum charout(PG_FUNCTION_ARGS)
{
	char *result = static_cast<char *>(palloc(5));
	FormatChar(PG_GETARG_CHAR(0), result);
	PG_RETURN_CSTRING(result);
}

Datum chareq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(static_cast<uint8>(PG_GETARG_CHAR(0)) == static_cast<uint8>(PG_GETARG_CHAR(1)));
}

Datum charne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(static_cast<uint8>(PG_GETARG_CHAR(0)) != static_cast<uint8>(PG_GETARG_CHAR(1)));
}

Datum charlt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(static_cast<uint8>(PG_GETARG_CHAR(0)) < static_cast<uint8>(PG_GETARG_CHAR(1)));
}

Datum charle(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(static_cast<uint8>(PG_GETARG_CHAR(0)) <= static_cast<uint8>(PG_GETARG_CHAR(1)));
}

Datum chargt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(static_cast<uint8>(PG_GETARG_CHAR(0)) > static_cast<uint8>(PG_GETARG_CHAR(1)));
}

Datum charge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(static_cast<uint8>(PG_GETARG_CHAR(0)) >= static_cast<uint8>(PG_GETARG_CHAR(1)));
}

Datum btcharcmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(static_cast<int32>(static_cast<uint8>(PG_GETARG_CHAR(0))) -
					static_cast<int32>(static_cast<uint8>(PG_GETARG_CHAR(1))));
}

/* "char"::integer takes the byte as signed. */
Datum chartoi4(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(static_cast<int32>(static_cast<int8>(PG_GETARG_CHAR(0))));
}

Datum i4tochar(PG_FUNCTION_ARGS)
{
	int32 a = PG_GETARG_INT32(0);
	if (a < SCHAR_MIN || a > SCHAR_MAX)
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("\"char\" out of range"));
	PG_RETURN_CHAR(static_cast<char>(a));
}

/* text::"char": as charin, but the empty string gives 0x00. */
Datum text_char(PG_FUNCTION_ARGS)
{
	text *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	size_t len = VARSIZE_ANY_EXHDR(t);
	char c;
	if (!ParseOctalEscape(s, len, &c))
		c = len > 0 ? s[0] : '\0';
	PG_RETURN_CHAR(c);
}

/* "char"::text: as charout, 0x00 giving the empty string. */
Datum char_text(PG_FUNCTION_ARGS)
{
	char buf[5];
	int len = FormatChar(PG_GETARG_CHAR(0), buf);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, len));
}

/* Binary form: the byte itself. */
Datum charrecv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	PG_RETURN_CHAR(static_cast<char>(pq_getmsgbyte(buf)));
}

Datum charsend(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, static_cast<uint8>(PG_GETARG_CHAR(0)));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
