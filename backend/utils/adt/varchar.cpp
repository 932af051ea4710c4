/*
 * varchar.cpp — the types character(n) (bpchar) and character varying(n)
 * (varchar).
 *
 * The type modifier is n + VARHDRSZ (PostgreSQL's encoding, which
 * clients know), -1 for no limit; n counts characters.  A value longer
 * than n is 22001 "value too long for type character(n)" / "...
 * character varying(n)" unless the excess is all spaces, which are cut;
 * an explicit cast cuts silently.  character(n) pads with spaces to n,
 * and its trailing spaces do not count in comparisons, length() or the
 * conversion to name.  Comparisons are the C collation's.
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h).
 */
#include "postgres.h"

#include "adt_utf8.h"
#include "utils/array.h"
#include "libpq/pqformat.h"
#include "utils/fmgrprotos.h"
#include "utils/builtins.h"

using tusk::adt::Utf8Advance;
using tusk::adt::Utf8StrLen;

namespace {

/* The longest length a character type may declare (PostgreSQL's
 * MaxAttrSize: 10 MB). */
constexpr int32 kMaxAttrSize = 10 * 1024 * 1024;

[[noreturn]] void ValueTooLong(const char *type_name, int32 maxlen)
{
	ereport(ERROR, errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
			errmsg("value too long for type %s(%d)", type_name, maxlen));
	pg_unreachable();
}

/* The byte length of s cut to maxchars characters; 22001 if what is cut
 * is not all spaces (unless explicit). */
int CutToLength(const char *s, int len, int32 maxchars, bool is_explicit, const char *type_name)
{
	int cut = Utf8Advance(s, len, maxchars);
	if (!is_explicit)
	{
		for (int i = cut; i < len; i++)
		{
			if (s[i] != ' ')
				ValueTooLong(type_name, maxchars);
		}
	}
	return cut;
}

/* character(n) from s[0..len): cut (spaces only) or padded to n. */
BpChar *MakeBpchar(const char *s, int len, int32 typmod, bool is_explicit)
{
	int data_len = len;	 /* bytes of s kept */
	int total_len = len; /* bytes with padding */
	if (typmod >= static_cast<int32>(VARHDRSZ))
	{
		int32 maxchars = typmod - VARHDRSZ;
		int nchars = Utf8StrLen(s, len);
		if (nchars > maxchars)
			data_len = total_len = CutToLength(s, len, maxchars, is_explicit, "character");
		else
			total_len = len + (maxchars - nchars);
	}
	auto *result = static_cast<BpChar *>(palloc(VARHDRSZ + total_len));
	SET_VARSIZE(result, VARHDRSZ + total_len);
	memcpy(VARDATA(result), s, data_len);
	memset(VARDATA(result) + data_len, ' ', total_len - data_len);
	return result;
}

/* character varying(n) from s[0..len): cut (spaces only) to n. */
VarChar *MakeVarchar(const char *s, int len, int32 typmod, bool is_explicit)
{
	int32 maxchars = typmod - VARHDRSZ;
	/* n characters take at least n bytes: only a longer value can be too long */
	if (typmod >= static_cast<int32>(VARHDRSZ) && len > maxchars)
		len = CutToLength(s, len, maxchars, is_explicit, "character varying");
	return cstring_to_text_with_len(s, len);
}

struct Bytes
{
	const char *data;
	int len;
};

/* A character(n) argument without its trailing spaces. */
Bytes BpcharArg(FunctionCallInfo fcinfo, int n)
{
	BpChar *v = PG_GETARG_BPCHAR_PP(n);
	const char *s = VARDATA_ANY(v);
	int len = static_cast<int>(VARSIZE_ANY_EXHDR(v));
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return {s, len};
}

int CompareBpchars(FunctionCallInfo fcinfo)
{
	Bytes a = BpcharArg(fcinfo, 0);
	Bytes b = BpcharArg(fcinfo, 1);
	return varstr_cmp(a.data, a.len, b.data, b.len, PG_GET_COLLATION());
}

bool BpcharsEqual(FunctionCallInfo fcinfo)
{
	Bytes a = BpcharArg(fcinfo, 0);
	Bytes b = BpcharArg(fcinfo, 1);
	return a.len == b.len && memcmp(a.data, b.data, a.len) == 0;
}

/* The typmod of char(n)/varchar(n) from its modifier list. */
int32 CharTypmodIn(ArrayType *ta, const char *type_name)
{
	int n;
	int32 *tl = ArrayGetIntegerTypmods(ta, &n);
	if (n != 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("invalid type modifier"));
	if (*tl < 1)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("length for type %s must be at least 1", type_name));
	if (*tl > kMaxAttrSize)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("length for type %s cannot exceed %d", type_name, kMaxAttrSize));
	return VARHDRSZ + *tl;
}

/* "(n)", or "" for no modifier. */
char *CharTypmodOut(int32 typmod)
{
	char *result = static_cast<char *>(palloc(64));
	if (typmod > VARHDRSZ)
		snprintf(result, 64, "(%d)", static_cast<int>(typmod - VARHDRSZ));
	else
		result[0] = '\0';
	return result;
}

}  // namespace

/* ---- character(n) ---- */

Datum bpcharin(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	PG_RETURN_BPCHAR_P(MakeBpchar(s, static_cast<int>(strlen(s)), PG_GETARG_INT32(2), false));
}

Datum bpcharout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(text_to_cstring(reinterpret_cast<text *>(PG_GETARG_POINTER(0))));
}

/* bpchar(value, typmod, is_explicit): the length coercion to character(n). */
Datum bpchar(PG_FUNCTION_ARGS)
{
	BpChar *source = PG_GETARG_BPCHAR_PP(0);
	int32 typmod = PG_GETARG_INT32(1);
	bool is_explicit = PG_GETARG_BOOL(2);
	if (typmod < static_cast<int32>(VARHDRSZ))
		PG_RETURN_BPCHAR_P(source);
	const char *s = VARDATA_ANY(source);
	int len = static_cast<int>(VARSIZE_ANY_EXHDR(source));
	if (Utf8StrLen(s, len) == typmod - static_cast<int32>(VARHDRSZ))
		PG_RETURN_BPCHAR_P(source);
	PG_RETURN_BPCHAR_P(MakeBpchar(s, len, typmod, is_explicit));
}

/* "char" to character(1) */
Datum char_bpchar(PG_FUNCTION_ARGS)
{
	char c = PG_GETARG_CHAR(0);
	PG_RETURN_BPCHAR_P(cstring_to_text_with_len(&c, 1));
}

/* character(n) to name: cut to fit, trailing spaces dropped. */
Datum bpchar_name(PG_FUNCTION_ARGS)
{
	BpChar *v = PG_GETARG_BPCHAR_PP(0);
	const char *s = VARDATA_ANY(v);
	int len = static_cast<int>(VARSIZE_ANY_EXHDR(v));
	if (len >= NAMEDATALEN)
	{
		int clipped = 0;
		while (clipped < len)
		{
			int n = tusk::adt::Utf8CharLen(static_cast<unsigned char>(s[clipped]));
			if (clipped + n > NAMEDATALEN - 1)
				break;
			clipped += n;
		}
		len = clipped;
	}
	while (len > 0 && s[len - 1] == ' ')
		len--;
	auto result = static_cast<Name>(palloc0(NAMEDATALEN));
	memcpy(NameStr(*result), s, len);
	PG_RETURN_NAME(result);
}

Datum name_bpchar(PG_FUNCTION_ARGS)
{
	PG_RETURN_BPCHAR_P(cstring_to_text(NameStr(*PG_GETARG_NAME(0))));
}

Datum bpchartypmodin(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CharTypmodIn(PG_GETARG_ARRAYTYPE_P(0), "char"));
}

Datum bpchartypmodout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(CharTypmodOut(PG_GETARG_INT32(0)));
}

/* length(character(n)): characters, trailing spaces not counted. */
Datum bpcharlen(PG_FUNCTION_ARGS)
{
	Bytes b = BpcharArg(fcinfo, 0);
	PG_RETURN_INT32(Utf8StrLen(b.data, b.len));
}

/* octet_length(character(n)): bytes, padding included. */
Datum bpcharoctetlen(PG_FUNCTION_ARGS)
{
	BpChar *v = PG_GETARG_BPCHAR_PP(0);
	PG_RETURN_INT32(static_cast<int32>(VARSIZE_ANY_EXHDR(v)));
}

Datum bpchareq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(BpcharsEqual(fcinfo));
}

Datum bpcharne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!BpcharsEqual(fcinfo));
}

Datum bpcharlt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareBpchars(fcinfo) < 0);
}

Datum bpcharle(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareBpchars(fcinfo) <= 0);
}

Datum bpchargt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareBpchars(fcinfo) > 0);
}

Datum bpcharge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareBpchars(fcinfo) >= 0);
}

Datum bpcharcmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CompareBpchars(fcinfo));
}

/* bpchar_pattern_ops: byte-wise order without the trailing blanks, which
 * is what the "C" collation's comparison above does. */
Datum bpchar_pattern_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareBpchars(fcinfo) < 0);
}

Datum bpchar_pattern_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareBpchars(fcinfo) <= 0);
}

Datum bpchar_pattern_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareBpchars(fcinfo) >= 0);
}

Datum bpchar_pattern_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareBpchars(fcinfo) > 0);
}

Datum btbpchar_pattern_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CompareBpchars(fcinfo));
}

Datum bpchar_larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(CompareBpchars(fcinfo) >= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

Datum bpchar_smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(CompareBpchars(fcinfo) <= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

/* ---- character varying(n) ---- */

Datum varcharin(PG_FUNCTION_ARGS)
{
	const char *s = PG_GETARG_CSTRING(0);
	PG_RETURN_VARCHAR_P(MakeVarchar(s, static_cast<int>(strlen(s)), PG_GETARG_INT32(2), false));
}

Datum varcharout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(text_to_cstring(reinterpret_cast<text *>(PG_GETARG_POINTER(0))));
}

/* varchar(value, typmod, is_explicit): the length coercion. */
Datum varchar(PG_FUNCTION_ARGS)
{
	VarChar *source = PG_GETARG_VARCHAR_PP(0);
	int32 typmod = PG_GETARG_INT32(1);
	bool is_explicit = PG_GETARG_BOOL(2);
	int len = static_cast<int>(VARSIZE_ANY_EXHDR(source));
	int32 maxlen = typmod - VARHDRSZ;
	if (maxlen < 0 || len <= maxlen)
		PG_RETURN_VARCHAR_P(source);
	PG_RETURN_VARCHAR_P(MakeVarchar(VARDATA_ANY(source), len, typmod, is_explicit));
}

Datum varchartypmodin(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CharTypmodIn(PG_GETARG_ARRAYTYPE_P(0), "varchar"));
}

Datum varchartypmodout(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(CharTypmodOut(PG_GETARG_INT32(0)));
}

/* character(n) and varchar(n) travel as their bytes; receiving applies the
 * typmod as input does (PostgreSQL's bpcharrecv / varcharrecv). */
Datum bpcharrecv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	int32 typmod = PG_GETARG_INT32(2);
	int nbytes;
	char *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_POINTER(MakeBpchar(str, nbytes, typmod, false));
}

Datum bpcharsend(PG_FUNCTION_ARGS)
{
	return textsend(fcinfo);
}

Datum varcharrecv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	int32 typmod = PG_GETARG_INT32(2);
	int nbytes;
	char *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_POINTER(MakeVarchar(str, nbytes, typmod, false));
}

Datum varcharsend(PG_FUNCTION_ARGS)
{
	return textsend(fcinfo);
}
