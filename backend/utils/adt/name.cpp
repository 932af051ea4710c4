/*
 * name.cpp — the type name: a NAMEDATALEN-byte, NUL-padded identifier.
 *
 * Input longer than NAMEDATALEN - 1 bytes is cut at the last whole UTF-8
 * character that fits, silently, as PostgreSQL does.  Names compare as
 * the C collation: byte-wise (see utils/builtins.h on collations).
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h), namestrcpy, namestrcmp.
 */
#include "postgres.h"

#include "adt_utf8.h"
#include "libpq/pqformat.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"

namespace {

/* The length of s[0..len) cut to at most limit bytes on a character
 * boundary. */
int ClipToCharBoundary(const char *s, int len, int limit)
{
	int clipped = 0;
	while (clipped < len)
	{
		int n = tusk::adt::Utf8CharLen(static_cast<unsigned char>(s[clipped]));
		if (clipped + n > limit)
			break;
		clipped += n;
	}
	return clipped;
}

int NameCompare(Name a, Name b)
{
	return strncmp(NameStr(*a), NameStr(*b), NAMEDATALEN);
}

int NameCompareArgs(FunctionCallInfo fcinfo)
{
	return NameCompare(PG_GETARG_NAME(0), PG_GETARG_NAME(1));
}

/* A name holding s[0..len), cut to fit on a character boundary. */
Name MakeName(const char *s, int len)
{
	if (len >= NAMEDATALEN)
		len = ClipToCharBoundary(s, len, NAMEDATALEN - 1);
	auto result = static_cast<Name>(palloc0(NAMEDATALEN));
	memcpy(NameStr(*result), s, len);
	return result;
}

}  // namespace

Datum namein(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	PG_RETURN_NAME(MakeName(s, static_cast<int>(strlen(s))));
}

Datum nameout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(NameStr(*PG_GETARG_NAME(0))));
}

Datum nameeq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(NameCompareArgs(fcinfo) == 0);
}

Datum namene(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(NameCompareArgs(fcinfo) != 0);
}

Datum namelt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(NameCompareArgs(fcinfo) < 0);
}

Datum namele(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(NameCompareArgs(fcinfo) <= 0);
}

Datum namegt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(NameCompareArgs(fcinfo) > 0);
}

Datum namege(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(NameCompareArgs(fcinfo) >= 0);
}

Datum btnamecmp(PG_FUNCTION_ARGS)
{
	int c = NameCompareArgs(fcinfo);
	PG_RETURN_INT32(c < 0 ? -1 : (c > 0 ? 1 : 0));
}

/* text::name */
Datum text_name(PG_FUNCTION_ARGS)
{
	text *t = PG_GETARG_TEXT_PP(0);
	PG_RETURN_NAME(MakeName(VARDATA_ANY(t), static_cast<int>(VARSIZE_ANY_EXHDR(t))));
}

/* name::text */
Datum name_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(NameStr(*PG_GETARG_NAME(0))));
}

/* Copies str into name, NUL-padding it (at most NAMEDATALEN - 1 bytes are
 * kept; unlike namein this does not respect character boundaries). */
void namestrcpy(Name name, const char *str)
{
	strncpy(NameStr(*name), str, NAMEDATALEN);
	NameStr(*name)[NAMEDATALEN - 1] = '\0';
}

int namestrcmp(Name name, const char *str)
{
	if (name == nullptr && str == nullptr)
		return 0;
	if (name == nullptr)
		return -1;
	if (str == nullptr)
		return 1;
	return strncmp(NameStr(*name), str, NAMEDATALEN);
}

/* Binary form: the bytes of the name, without padding or terminator. */
Datum namerecv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	int nbytes;
	char *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	if (nbytes >= NAMEDATALEN)
		ereport(ERROR, errcode(ERRCODE_NAME_TOO_LONG), errmsg("identifier too long"),
				errdetail("Identifier must be less than %d characters.", NAMEDATALEN));
	auto *result = static_cast<Name>(palloc0(NAMEDATALEN));
	memcpy(NameStr(*result), str, static_cast<size_t>(nbytes));
	PG_RETURN_NAME(result);
}

Datum namesend(PG_FUNCTION_ARGS)
{
	Name name = PG_GETARG_NAME(0);
	StringInfoData buf;
	pq_begintypsend(&buf);
	pq_sendtext(&buf, NameStr(*name), static_cast<int>(strlen(NameStr(*name))));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* nameconcatoid(name, oid): name || '_' || oid as a name, the name cut on a
 * character boundary when the whole would not fit (information_schema's
 * specific_name of a routine). */
Datum nameconcatoid(PG_FUNCTION_ARGS)
{
	Name name = PG_GETARG_NAME(0);
	Oid oid = PG_GETARG_OID(1);
	char suffix[16];
	int suffix_len = snprintf(suffix, sizeof(suffix), "_%u", oid);
	int name_len = static_cast<int>(strlen(NameStr(*name)));
	if (name_len + suffix_len > NAMEDATALEN - 1)
		name_len = ClipToCharBoundary(NameStr(*name), name_len, NAMEDATALEN - 1 - suffix_len);
	auto *result = static_cast<Name>(palloc0(NAMEDATALEN));
	memcpy(NameStr(*result), NameStr(*name), static_cast<size_t>(name_len));
	memcpy(NameStr(*result) + name_len, suffix, static_cast<size_t>(suffix_len));
	PG_RETURN_NAME(result);
}
