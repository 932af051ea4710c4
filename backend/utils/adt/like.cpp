/*
 * like.cpp — LIKE and ILIKE for text, name, character(n) and bytea, and
 * like_escape (LIKE ... ESCAPE).
 *
 * Patterns use PostgreSQL's rules: % matches any run of characters, _
 * exactly one character, and a backslash makes the next character
 * literal.  A pattern whose escape has nothing after it is 22025 "LIKE
 * pattern must not end with escape character" — reported, as in
 * PostgreSQL, only when matching reaches that point (so 'abc' LIKE 'x\'
 * is simply false).  ESCAPE 'c' is rewritten to the backslash form by
 * like_escape; an empty ESCAPE turns escaping off.
 *
 * Text is matched by UTF-8 characters for _ and %, byte for byte
 * otherwise (safe because UTF-8 is self-synchronising); bytea byte for
 * byte.  ILIKE lower-cases both sides first, ASCII letters only (the C
 * collation; see oracle_compat.cpp).
 *
 * Principal entry points: the SQL-callable functions below (declared in
 * utils/builtins.h).
 */
#include "postgres.h"

#include "adt_utf8.h"
#include "utils/builtins.h"

namespace {

enum class Match
{
	kTrue,
	kFalse,
	/* no match here, and none at any later text position either: the
	 * text ran out before the pattern did */
	kAbort,
};

struct Span
{
	const char *p;
	int len;

	void SkipByte()
	{
		p++;
		len--;
	}

	/* Step over one character (one byte when multibyte is false). */
	void SkipChar(bool multibyte)
	{
		int n = multibyte ? Min(tusk::adt::Utf8CharLen(static_cast<unsigned char>(*p)), len) : 1;
		p += n;
		len -= n;
	}
};

[[noreturn]] void TrailingEscape()
{
	ereport(ERROR, errcode(ERRCODE_INVALID_ESCAPE_SEQUENCE),
			errmsg("LIKE pattern must not end with escape character"));
	pg_unreachable();
}

/*
 * Match text t against pattern pat.  Literal pattern characters are
 * compared byte by byte; wildcards consume whole characters of the text.
 * For %, runs of % and _ are collapsed first (N _'s and any %'s match at
 * least N characters), then each text position where the next literal
 * byte matches is tried in turn.
 */
Match MatchLike(Span t, Span pat, bool multibyte)
{
	if (pat.len == 1 && *pat.p == '%')
		return Match::kTrue;

	while (t.len > 0 && pat.len > 0)
	{
		if (*pat.p == '\\')
		{
			pat.SkipByte();
			if (pat.len <= 0)
				TrailingEscape();
			if (*pat.p != *t.p)
				return Match::kFalse;
		}
		else if (*pat.p == '%')
		{
			pat.SkipByte();
			while (pat.len > 0)
			{
				if (*pat.p == '%')
					pat.SkipByte();
				else if (*pat.p == '_')
				{
					if (t.len <= 0)
						return Match::kAbort;
					t.SkipChar(multibyte);
					pat.SkipByte();
				}
				else
					break;
			}
			if (pat.len <= 0)
				return Match::kTrue; /* a trailing % takes the rest */

			char first;
			if (*pat.p == '\\')
			{
				if (pat.len < 2)
					TrailingEscape();
				first = pat.p[1];
			}
			else
				first = *pat.p;
			while (t.len > 0)
			{
				if (*t.p == first)
				{
					Match m = MatchLike(t, pat, multibyte);
					if (m != Match::kFalse)
						return m;
				}
				t.SkipChar(multibyte);
			}
			return Match::kAbort;
		}
		else if (*pat.p == '_')
		{
			t.SkipChar(multibyte);
			pat.SkipByte();
			continue;
		}
		else if (*pat.p != *t.p)
			return Match::kFalse;

		/* the bytes matched: text and pattern stay in step byte by byte */
		t.SkipByte();
		pat.SkipByte();
	}

	if (t.len > 0)
		return Match::kFalse;
	while (pat.len > 0 && *pat.p == '%')
		pat.SkipByte();
	return pat.len <= 0 ? Match::kTrue : Match::kAbort;
}

Span ArgSpan(FunctionCallInfo fcinfo, int n)
{
	text *v = PG_GETARG_TEXT_PP(n);
	return {VARDATA_ANY(v), static_cast<int>(VARSIZE_ANY_EXHDR(v))};
}

Span NameSpan(FunctionCallInfo fcinfo, int n)
{
	Name name = PG_GETARG_NAME(n);
	return {NameStr(*name), static_cast<int>(strnlen(NameStr(*name), NAMEDATALEN))};
}

bool Like(Span t, Span pat, bool multibyte)
{
	return MatchLike(t, pat, multibyte) == Match::kTrue;
}

/* The bytes of s with ASCII letters lower-cased, in palloc'd memory. */
Span Lowered(Span s)
{
	char *copy = static_cast<char *>(palloc(s.len + 1));
	for (int i = 0; i < s.len; i++)
	{
		char c = s.p[i];
		copy[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
	}
	return {copy, s.len};
}

bool ILike(Span t, Span pat)
{
	return Like(Lowered(t), Lowered(pat), true);
}

/*
 * Rewrite pat, written with escape character esc (empty: none), to use
 * backslash escapes: esc becomes \, a backslash becomes \\ unless esc
 * precedes it.  esc must be one character: 22025 otherwise.
 */
text *RewriteEscapes(Span pat, Span esc, bool multibyte)
{
	auto *result = static_cast<text *>(palloc(VARHDRSZ + static_cast<Size>(pat.len) * 2));
	char *r = VARDATA(result);

	if (esc.len == 0)
	{
		while (pat.len > 0)
		{
			if (*pat.p == '\\')
				*r++ = '\\';
			*r++ = *pat.p;
			pat.SkipByte();
		}
	}
	else
	{
		Span rest = esc;
		rest.SkipChar(multibyte);
		if (rest.len != 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_ESCAPE_SEQUENCE),
					errmsg("invalid escape string"),
					errhint("Escape string must be empty or one character."));
		if (*esc.p == '\\')
			return cstring_to_text_with_len(pat.p, pat.len);

		bool after_escape = false;
		while (pat.len > 0)
		{
			Span ch = pat;
			ch.SkipChar(multibyte);
			int n = pat.len - ch.len;
			if (n == esc.len && memcmp(pat.p, esc.p, n) == 0 && !after_escape)
			{
				*r++ = '\\';
				after_escape = true;
			}
			else if (*pat.p == '\\')
			{
				*r++ = '\\';
				if (!after_escape)
					*r++ = '\\';
				after_escape = false;
			}
			else
			{
				memcpy(r, pat.p, n);
				r += n;
				after_escape = false;
			}
			pat = ch;
		}
	}
	SET_VARSIZE(result, r - reinterpret_cast<char *>(result));
	return result;
}

}  // namespace

/* text LIKE text; also character(n) LIKE text (bpcharlike) */
Datum textlike(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Like(ArgSpan(fcinfo, 0), ArgSpan(fcinfo, 1), true));
}

Datum textnlike(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Like(ArgSpan(fcinfo, 0), ArgSpan(fcinfo, 1), true));
}

Datum texticlike(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ILike(ArgSpan(fcinfo, 0), ArgSpan(fcinfo, 1)));
}

Datum texticnlike(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!ILike(ArgSpan(fcinfo, 0), ArgSpan(fcinfo, 1)));
}

Datum namelike(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Like(NameSpan(fcinfo, 0), ArgSpan(fcinfo, 1), true));
}

Datum namenlike(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Like(NameSpan(fcinfo, 0), ArgSpan(fcinfo, 1), true));
}

Datum nameiclike(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ILike(NameSpan(fcinfo, 0), ArgSpan(fcinfo, 1)));
}

Datum nameicnlike(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!ILike(NameSpan(fcinfo, 0), ArgSpan(fcinfo, 1)));
}

Datum bytealike(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Like(ArgSpan(fcinfo, 0), ArgSpan(fcinfo, 1), false));
}

Datum byteanlike(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Like(ArgSpan(fcinfo, 0), ArgSpan(fcinfo, 1), false));
}

/* like_escape(pattern, escape): the pattern in backslash form. */
Datum like_escape(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(RewriteEscapes(ArgSpan(fcinfo, 0), ArgSpan(fcinfo, 1), true));
}

Datum like_escape_bytea(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(RewriteEscapes(ArgSpan(fcinfo, 0), ArgSpan(fcinfo, 1), false));
}
