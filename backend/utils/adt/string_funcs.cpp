/*
 * string_funcs.cpp — more of the text functions of PostgreSQL's tables
 * 9.9 and 9.10: format, overlay, translate, quote_nullable, to_hex,
 * unistr, parse_ident and to_ascii.
 *
 * format(fmt, args…) follows PostgreSQL's format(): %s, %I (as
 * quote_identifier), %L (as quote_literal, NULL as the word NULL), %%, an
 * argument position n$, the - flag, a width or * (the width from the next
 * argument, or from n$); each argument is printed by its type's output
 * function, and a VARIADIC array's elements are the arguments.  Widths
 * count characters.  Errors are PostgreSQL's (22023 for a bad specifier or
 * too few arguments, 22004 for a NULL %I, 22003 for a width out of range).
 *
 * Principal entry points: the SQL-callable functions below.
 */
#include "postgres.h"

#include <ctype.h>

#include <limits>
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "adt_utf8.h"
#include "catalog/pg_type_d.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"

using tusk::adt::Utf8CharLen;
using tusk::adt::Utf8Encode;
using tusk::adt::Utf8StrLen;

namespace {

/* The bytes of a text argument. */
std::string_view ArgText(FunctionCallInfo fcinfo, int n)
{
	text *t = PG_GETARG_TEXT_PP(n);
	return {VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)};
}

/* The length of the character at p, never past end. */
int CharLen(const char *p, const char *end)
{
	return std::min<int>(Utf8CharLen(static_cast<unsigned char>(*p)), static_cast<int>(end - p));
}

/* ---- format() ---- */

[[noreturn]] void FormatError(const char *msg)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("%s", msg));
	pg_unreachable();
}

/* The arguments of format(): the call's own, or a VARIADIC array's
 * elements, with a cached output function per type. */
struct FormatArgs
{
	FunctionCallInfo fcinfo;
	bool variadic = false;
	int nargs = 0; /* counting the format string as 0 */
	Datum *elements = nullptr;
	bool *nulls = nullptr;
	Oid element_type = InvalidOid;
	Oid out_type = InvalidOid;
	FmgrInfo out_finfo{};

	void Get(int arg, Datum *value, bool *isnull, Oid *type) const
	{
		if (variadic)
		{
			*value = elements[arg - 1];
			*isnull = nulls[arg - 1];
			*type = element_type;
		}
		else
		{
			*value = fcinfo->args[arg].value;
			*isnull = fcinfo->args[arg].isnull;
			*type = get_fn_expr_argtype(fcinfo->flinfo, arg);
		}
		if (!OidIsValid(*type))
			elog(ERROR, "could not determine data type of format() input");
	}

	char *Output(Oid type, Datum value)
	{
		if (type != out_type)
		{
			Oid func;
			bool is_varlena;
			getTypeOutputInfo(type, &func, &is_varlena);
			fmgr_info(func, &out_finfo);
			out_type = type;
		}
		return OutputFunctionCall(&out_finfo, value);
	}
};

/* Steps past one character of the format; the specifier may not end. */
void Advance(const char **cp, const char *end)
{
	if (++*cp >= end)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unterminated format() type specifier"),
				errhint("For a single \"%%\" use \"%%%%\"."));
}

bool ParseDigits(const char **cp, const char *end, int *value)
{
	bool found = false;
	int v = 0;
	while (**cp >= '0' && **cp <= '9')
	{
		if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, **cp - '0', &v))
			ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("number is out of range"));
		Advance(cp, end);
		found = true;
	}
	*value = v;
	return found;
}

struct Spec
{
	int argpos = -1;   /* -1: the next argument */
	int widthpos = -1; /* -1: no width argument; 0: the next one */
	bool minus = false;
	int width = 0;
};

/* [argpos$][-…][width | *[n$]] before the conversion character. */
Spec ParseSpec(const char **cp, const char *end)
{
	Spec s;
	int n;
	if (ParseDigits(cp, end, &n))
	{
		if (**cp != '$')
		{
			s.width = n;
			return s;
		}
		if (n == 0)
			FormatError("format specifies argument 0, but arguments are numbered from 1");
		s.argpos = n;
		Advance(cp, end);
	}
	while (**cp == '-')
	{
		s.minus = true;
		Advance(cp, end);
	}
	if (**cp == '*')
	{
		Advance(cp, end);
		if (ParseDigits(cp, end, &n))
		{
			if (**cp != '$')
				FormatError("width argument position must be ended by \"$\"");
			if (n == 0)
				FormatError("format specifies argument 0, but arguments are numbered from 1");
			s.widthpos = n;
			Advance(cp, end);
		}
		else
			s.widthpos = 0;
	}
	else if (ParseDigits(cp, end, &n))
		s.width = n;
	return s;
}

void AppendPadded(std::string *out, const char *str, bool minus, int width)
{
	if (width == 0)
	{
		*out += str;
		return;
	}
	bool left = minus;
	if (width < 0)
	{
		if (width == std::numeric_limits<int>::min())
			ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("number is out of range"));
		left = true;
		width = -width;
	}
	int len = Utf8StrLen(str, static_cast<int>(strlen(str)));
	int pad = len < width ? width - len : 0;
	if (!left)
		out->append(pad, ' ');
	*out += str;
	if (left)
		out->append(pad, ' ');
}

}  // namespace

Datum text_format(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	FormatArgs args;
	args.fcinfo = fcinfo;
	if (get_fn_expr_variadic(fcinfo->flinfo))
	{
		int nitems = 0;
		if (!PG_ARGISNULL(1))
		{
			ArrayType *arr = PG_GETARG_ARRAYTYPE_P(1);
			args.element_type = ARR_ELEMTYPE(arr);
			int16 elmlen;
			bool elmbyval;
			char elmalign;
			get_typlenbyvalalign(args.element_type, &elmlen, &elmbyval, &elmalign);
			deconstruct_array(arr, args.element_type, elmlen, elmbyval, elmalign, &args.elements,
							  &args.nulls, &nitems);
		}
		args.variadic = true;
		args.nargs = nitems + 1;
	}
	else
		args.nargs = PG_NARGS();

	std::string_view fmt = ArgText(fcinfo, 0);
	const char *end = fmt.data() + fmt.size();
	std::string out;
	int arg = 1;
	for (const char *cp = fmt.data(); cp < end; cp++)
	{
		if (*cp != '%')
		{
			out += *cp;
			continue;
		}
		Advance(&cp, end);
		if (*cp == '%')
		{
			out += '%';
			continue;
		}
		Spec spec = ParseSpec(&cp, end);
		if (strchr("sIL", *cp) == nullptr)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("unrecognized format() type specifier \"%.*s\"", CharLen(cp, end), cp),
					errhint("For a single \"%%\" use \"%%%%\"."));
		Datum value;
		bool isnull;
		Oid type;
		int width = spec.width;
		if (spec.widthpos >= 0)
		{
			if (spec.widthpos > 0)
				arg = spec.widthpos;
			if (arg >= args.nargs)
				FormatError("too few arguments for format()");
			args.Get(arg, &value, &isnull, &type);
			arg++;
			if (isnull)
				width = 0;
			else if (type == INT4OID)
				width = DatumGetInt32(value);
			else if (type == INT2OID)
				width = DatumGetInt16(value);
			else
			{
				/* another type: through its text form */
				Oid func;
				bool is_varlena;
				getTypeOutputInfo(type, &func, &is_varlena);
				width = pg_strtoint32(OidOutputFunctionCall(func, value));
			}
		}
		if (spec.argpos > 0)
			arg = spec.argpos;
		if (arg >= args.nargs)
			FormatError("too few arguments for format()");
		args.Get(arg, &value, &isnull, &type);
		arg++;
		char conversion = *cp;
		if (isnull)
		{
			if (conversion == 'I')
				ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						errmsg("null values cannot be formatted as an SQL identifier"));
			AppendPadded(&out, conversion == 'L' ? "NULL" : "", spec.minus, width);
			continue;
		}
		char *str = args.Output(type, value);
		if (conversion == 'I')
			AppendPadded(&out, quote_identifier(str), spec.minus, width);
		else if (conversion == 'L')
			AppendPadded(&out, quote_literal_cstr(str), spec.minus, width);
		else
			AppendPadded(&out, str, spec.minus, width);
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data(), static_cast<int>(out.size())));
}

Datum text_format_nv(PG_FUNCTION_ARGS)
{
	return text_format(fcinfo);
}

/* ---- overlay, translate ---- */

namespace {

/* overlay(s placing r from start for count): s's first start-1
 * characters, r, then s from start+count on. */
Datum Overlay(Datum s, Datum r, int32 start, int32 count)
{
	/* (start - 1 characters first: a negative length) */
	if (start <= 0)
		ereport(ERROR, errcode(ERRCODE_SUBSTRING_ERROR),
				errmsg("negative substring length not allowed"));
	int32 after;
	if (__builtin_add_overflow(start, count, &after))
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE), errmsg("integer out of range"));
	Datum head = DirectFunctionCall3(text_substr, s, Int32GetDatum(1), Int32GetDatum(start - 1));
	Datum tail = DirectFunctionCall2(text_substr_no_len, s, Int32GetDatum(after));
	return DirectFunctionCall2(textcat, DirectFunctionCall2(textcat, head, r), tail);
}

}  // namespace

Datum textoverlay(PG_FUNCTION_ARGS)
{
	return Overlay(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1), PG_GETARG_INT32(2), PG_GETARG_INT32(3));
}

Datum textoverlay_no_len(PG_FUNCTION_ARGS)
{
	std::string_view r = ArgText(fcinfo, 1);
	return Overlay(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1), PG_GETARG_INT32(2),
				   Utf8StrLen(r.data(), static_cast<int>(r.size())));
}

/* translate(s, from, to): each character of s found in from becomes the
 * character at the same position in to, or is dropped when to is
 * shorter; the first occurrence in from counts. */
Datum translate(PG_FUNCTION_ARGS)
{
	std::string_view s = ArgText(fcinfo, 0);
	std::string_view from = ArgText(fcinfo, 1);
	std::string_view to = ArgText(fcinfo, 2);
	const char *from_end = from.data() + from.size();
	const char *to_end = to.data() + to.size();
	const char *s_end = s.data() + s.size();
	std::string out;
	for (const char *p = s.data(); p < s_end;)
	{
		int len = CharLen(p, s_end);
		int index = 0;
		const char *f = from.data();
		while (f < from_end)
		{
			int flen = CharLen(f, from_end);
			if (flen == len && memcmp(f, p, len) == 0)
				break;
			f += flen;
			index++;
		}
		if (f < from_end)
		{
			const char *t = to.data();
			for (int i = 0; i < index && t < to_end; i++)
				t += CharLen(t, to_end);
			if (t < to_end)
				out.append(t, CharLen(t, to_end));
		}
		else
			out.append(p, len);
		p += len;
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data(), static_cast<int>(out.size())));
}

/* quote_nullable(s): quote_literal(s), or the word NULL. */
Datum quote_nullable(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_TEXT_P(cstring_to_text("NULL"));
	return DirectFunctionCall1(quote_literal, PG_GETARG_DATUM(0));
}

/* ---- to_hex ---- */

namespace {

text *ToHex(uint64 value)
{
	static const char kDigits[] = "0123456789abcdef";
	char buf[16];
	char *p = buf + sizeof(buf);
	do
	{
		*--p = kDigits[value & 0xF];
		value >>= 4;
	} while (value != 0);
	return cstring_to_text_with_len(p, static_cast<int>(buf + sizeof(buf) - p));
}

}  // namespace

Datum to_hex32(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(ToHex(static_cast<uint32>(PG_GETARG_INT32(0))));
}

Datum to_hex64(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(ToHex(static_cast<uint64>(PG_GETARG_INT64(0))));
}

/* ---- unistr ---- */

namespace {

bool HexDigits(const char *p, int n)
{
	for (int i = 0; i < n; i++)
		if (!isxdigit(static_cast<unsigned char>(p[i])))
			return false;
	return true;
}

uint32 HexValue(const char *p, int n)
{
	uint32 v = 0;
	for (int i = 0; i < n; i++)
	{
		char c = p[i];
		int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
		v = (v << 4) | static_cast<uint32>(d);
	}
	return v;
}

[[noreturn]] void InvalidSurrogatePair()
{
	ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("invalid Unicode surrogate pair"));
	pg_unreachable();
}

}  // namespace

/* unistr(s): \XXXX, \uXXXX, \+XXXXXX and \UXXXXXXXX become the
 * characters they name (UTF-16 surrogate pairs combined), \\ a
 * backslash. */
Datum unistr(PG_FUNCTION_ARGS)
{
	std::string_view s = ArgText(fcinfo, 0);
	const char *p = s.data();
	int len = static_cast<int>(s.size());
	std::string out;
	uint32 pair_first = 0;
	while (len > 0)
	{
		if (p[0] != '\\')
		{
			if (pair_first != 0)
				InvalidSurrogatePair();
			out += *p++;
			len--;
			continue;
		}
		if (len >= 2 && p[1] == '\\')
		{
			if (pair_first != 0)
				InvalidSurrogatePair();
			out += '\\';
			p += 2;
			len -= 2;
			continue;
		}
		int offset;
		int ndigits;
		if (len >= 5 && HexDigits(p + 1, 4))
		{
			offset = 1;
			ndigits = 4;
		}
		else if (len >= 6 && p[1] == 'u' && HexDigits(p + 2, 4))
		{
			offset = 2;
			ndigits = 4;
		}
		else if (len >= 8 && p[1] == '+' && HexDigits(p + 2, 6))
		{
			offset = 2;
			ndigits = 6;
		}
		else if (len >= 10 && p[1] == 'U' && HexDigits(p + 2, 8))
		{
			offset = 2;
			ndigits = 8;
		}
		else
			ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("invalid Unicode escape"),
					errhint("Unicode escapes must be \\XXXX, \\+XXXXXX, \\uXXXX, or "
							"\\UXXXXXXXX."));
		uint32 cp = HexValue(p + offset, ndigits);
		if (cp == 0 || cp > tusk::adt::kMaxCodePoint)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("invalid Unicode code point: %04X", cp));
		bool first_half = cp >= 0xD800 && cp <= 0xDBFF;
		bool second_half = cp >= 0xDC00 && cp <= 0xDFFF;
		if (pair_first != 0)
		{
			if (!second_half)
				InvalidSurrogatePair();
			cp = ((pair_first & 0x3FF) << 10) + 0x10000 + (cp & 0x3FF);
			pair_first = 0;
		}
		else if (second_half)
			InvalidSurrogatePair();
		if (first_half)
			pair_first = cp;
		else
		{
			char buf[4];
			out.append(buf, Utf8Encode(cp, buf));
		}
		p += offset + ndigits;
		len -= offset + ndigits;
	}
	if (pair_first != 0)
		InvalidSurrogatePair();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data(), static_cast<int>(out.size())));
}

/* ---- parse_ident ---- */

namespace {

bool IsIdentStart(unsigned char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool IsIdentCont(unsigned char c)
{
	return (c >= '0' && c <= '9') || c == '$' || IsIdentStart(c);
}

bool IsScannerSpace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

[[noreturn]] void NotAnIdentifier(const char *qualname, const char *detail)
{
	if (detail != nullptr)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("string is not a valid identifier: \"%s\"", qualname),
				errdetail("%s", detail));
	ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("string is not a valid identifier: \"%s\"", qualname));
	pg_unreachable();
}

}  // namespace

/* parse_ident(qualname, strict): the names of a dotted SQL name, quoted
 * ones as written ("" a quote), unquoted ones in lower case; with strict
 * false anything after the last name is ignored. */
Datum parse_ident(PG_FUNCTION_ARGS)
{
	char *qualname = text_to_cstring(PG_GETARG_TEXT_PP(0));
	bool strict = PG_GETARG_BOOL(1);
	std::vector<Datum> parts;
	const char *p = qualname;
	bool after_dot = false;
	while (IsScannerSpace(*p))
		p++;
	for (;;)
	{
		bool missing = true;
		if (*p == '"')
		{
			std::string name;
			const char *q = p + 1;
			for (;;)
			{
				const char *close = strchr(q, '"');
				if (close == nullptr)
					NotAnIdentifier(qualname, "String has unclosed double quotes.");
				name.append(q, close - q);
				if (close[1] != '"')
				{
					p = close + 1;
					break;
				}
				name += '"';
				q = close + 2;
			}
			if (name.empty())
				NotAnIdentifier(qualname, "Quoted identifier must not be empty.");
			parts.push_back(PointerGetDatum(
				cstring_to_text_with_len(name.data(), static_cast<int>(name.size()))));
			missing = false;
		}
		else if (IsIdentStart(static_cast<unsigned char>(*p)))
		{
			std::string name;
			while (IsIdentCont(static_cast<unsigned char>(*p)))
			{
				char c = *p++;
				name += c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
			}
			parts.push_back(PointerGetDatum(
				cstring_to_text_with_len(name.data(), static_cast<int>(name.size()))));
			missing = false;
		}
		if (missing)
		{
			if (*p == '.')
				NotAnIdentifier(qualname, "No valid identifier before \".\".");
			if (after_dot)
				NotAnIdentifier(qualname, "No valid identifier after \".\".");
			NotAnIdentifier(qualname, nullptr);
		}
		while (IsScannerSpace(*p))
			p++;
		if (*p == '.')
		{
			after_dot = true;
			p++;
			while (IsScannerSpace(*p))
				p++;
		}
		else if (*p == '\0')
			break;
		else
		{
			if (strict)
				NotAnIdentifier(qualname, nullptr);
			break;
		}
	}
	PG_RETURN_ARRAYTYPE_P(
		construct_array(parts.data(), static_cast<int>(parts.size()), TEXTOID, -1, false, 'i'));
}

/* ---- to_ascii ---- */

/* The server encoding is UTF8, which PostgreSQL's to_ascii does not
 * convert from. */
Datum to_ascii_default(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("encoding conversion from %s to ASCII not supported", "UTF8"));
	PG_RETURN_NULL();
}
