/*
 * scan.cpp — the SQL lexer: PostgreSQL 15's lexical rules, hand-written.
 *
 * The rules are those of PostgreSQL's scan.l and of the token filter in
 * its parser.c, restated as code (see scan.h for the interface):
 *
 *   - whitespace is [ \t\n\r\f]; "--" runs to the end of the line; slash-
 *     star comments nest; an unterminated one is an error at its start.
 *   - identifiers start with a letter, '_' or any byte >= 0x80 and go on
 *     with those, digits and '$'.  Keywords are matched case-insensitively
 *     (ASCII); other identifiers are downcased (ASCII only: the server
 *     encoding is UTF-8) and truncated to NAMEDATALEN-1 bytes at a
 *     character boundary, with PostgreSQL's NOTICE.
 *   - "…" identifiers ("" for a quote) are neither downcased nor allowed
 *     empty; U&"…" ones take Unicode escapes, as do U&'…' strings, with an
 *     optional UESCAPE 'c' after them.
 *   - '…' strings ('' for a quote) follow standard_conforming_strings;
 *     E'…' strings take backslash escapes; B'…' and X'…' are bit strings;
 *     N'…' is NCHAR followed by a string.  A string continues in another
 *     quoted part after whitespace that contains a newline.
 *   - $tag$…$tag$ strings take nothing literally but their end.
 *   - numbers: integers that fit in int32 are ICONST, other integers,
 *     decimals and exponents FCONST with their text; a number directly
 *     followed by an identifier character is "trailing junk".  "1..5" is
 *     1, DOT_DOT, 5.
 *   - operators are runs of ~!@#^&|`?+-*"/"%<>=, cut before a comment
 *     start, and losing trailing '+'/'-' unless they contain one of
 *     ~!@#%^&|`? (so "=-" is "=" then "-"); "<>" and "!=" are both
 *     NOT_EQUALS.
 *
 * The lexer runs on demand, one token ahead of the parser at most (two
 * after NOT, NULLS, WITH and U& literals, as PostgreSQL's filter does), so
 * errors and notices come in the order PostgreSQL gives them.
 *
 * Principal entry points: Lexer::Next, SyntaxErrorAt, CharPosition.
 */
#include "postgres.h"

#include <cerrno>

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "parser/parser.h"
#include "scan.h"

/* The settings the lexer reads (parser/parser.h), with PostgreSQL's
 * defaults; the settings table binds them to their GUCs. */
bool standard_conforming_strings = true;
bool escape_string_warning = true;
int backslash_quote = BACKSLASH_QUOTE_SAFE_ENCODING;

namespace tusk::parser {

namespace {

constexpr int kNameDataLen = NAMEDATALEN;

bool IsSpace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool IsNewline(char c)
{
	return c == '\n' || c == '\r';
}

bool IsDigit(char c)
{
	return c >= '0' && c <= '9';
}

bool IsHexDigit(char c)
{
	return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int HexValue(char c)
{
	if (IsDigit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c - 'A' + 10;
}

bool IsIdentStart(char c)
{
	unsigned char u = static_cast<unsigned char>(c);
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80;
}

bool IsIdentCont(char c)
{
	return IsIdentStart(c) || IsDigit(c) || c == '$';
}

/* ~!@#^&|`?+-*"/"%<>= */
bool IsOpChar(char c)
{
	switch (c)
	{
		case '~':
		case '!':
		case '@':
		case '#':
		case '^':
		case '&':
		case '|':
		case '`':
		case '?':
		case '+':
		case '-':
		case '*':
		case '/':
		case '%':
		case '<':
		case '>':
		case '=':
			return true;
		default:
			return false;
	}
}

/* Characters returned as single-character tokens ("self" in scan.l). */
bool IsSelfChar(char c)
{
	return c != '\0' && strchr(",()[].;:+-*/%^<>=", c) != nullptr;
}

/* PostgreSQL's pg_utf_mblen: a character's length from its first byte. */
int Utf8CharLength(unsigned char c)
{
	if ((c & 0x80) == 0)
		return 1;
	if ((c & 0xe0) == 0xc0)
		return 2;
	if ((c & 0xf0) == 0xe0)
		return 3;
	if ((c & 0xf8) == 0xf0)
		return 4;
	return 1;
}

/* pg_utf8_islegal */
bool Utf8IsLegal(const unsigned char *s, int length)
{
	unsigned char a;
	switch (length)
	{
		default:
			return false;
		case 4:
			a = s[3];
			if (a < 0x80 || a > 0xBF)
				return false;
			[[fallthrough]];
		case 3:
			a = s[2];
			if (a < 0x80 || a > 0xBF)
				return false;
			[[fallthrough]];
		case 2:
			a = s[1];
			switch (*s)
			{
				case 0xE0:
					if (a < 0xA0 || a > 0xBF)
						return false;
					break;
				case 0xED:
					if (a < 0x80 || a > 0x9F)
						return false;
					break;
				case 0xF0:
					if (a < 0x90 || a > 0xBF)
						return false;
					break;
				case 0xF4:
					if (a < 0x80 || a > 0x8F)
						return false;
					break;
				default:
					if (a < 0x80 || a > 0xBF)
						return false;
					break;
			}
			[[fallthrough]];
		case 1:
			a = *s;
			if (a >= 0x80 && a < 0xC2)
				return false;
			if (a > 0xF4)
				return false;
			break;
	}
	return true;
}

/* The length of the longest prefix of str[0..len) that is valid UTF-8
 * without NUL bytes; *badlen: the bytes of the invalid sequence there. */
int Utf8ValidPrefix(const char *str, int len, int *badlen)
{
	const unsigned char *s = reinterpret_cast<const unsigned char *>(str);
	int pos = 0;
	while (pos < len)
	{
		int l = 1;
		bool ok;
		if (s[pos] != 0 && (s[pos] & 0x80) == 0)
			ok = true;
		else if (s[pos] == 0)
			ok = false;
		else
		{
			l = Utf8CharLength(s[pos]);
			ok = len - pos >= l && Utf8IsLegal(s + pos, l);
		}
		if (!ok)
		{
			*badlen = l;
			return pos;
		}
		pos += l;
	}
	return len;
}

/* pg_verifymbstr(…, noError = false) for UTF-8: ERROR 22021 at the first
 * invalid sequence (NUL bytes included), quoting its bytes. */
void VerifyUtf8(const char *str, int len)
{
	int l = 0;
	int pos = Utf8ValidPrefix(str, len, &l);
	if (pos == len)
		return;
	const unsigned char *s = reinterpret_cast<const unsigned char *>(str) + pos;
	char buf[8 * 5 + 1];
	char *p = buf;
	int jlimit = Min(Min(l, len - pos), 8);
	for (int j = 0; j < jlimit; j++)
	{
		p += snprintf(p, buf + sizeof buf - p, "0x%02x", s[j]);
		if (j < jlimit - 1)
			*p++ = ' ';
	}
	*p = '\0';
	ereport(ERROR, errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
			errmsg("invalid byte sequence for encoding \"%s\": %s", "UTF8", buf));
}

/* pg_mbcliplen: bytes of the longest prefix of whole characters that is at
 * most limit bytes. */
int ClipLength(const char *s, int len, int limit)
{
	int clen = 0;
	while (len > 0 && *s)
	{
		int l = Utf8CharLength(static_cast<unsigned char>(*s));
		if (clen + l > limit)
			break;
		clen += l;
		if (clen == limit)
			break;
		len -= l;
		s += l;
	}
	return clen;
}

/* A code point as UTF-8 (at most 4 bytes); returns the length. */
int EncodeUtf8(uint32 c, char *out)
{
	if (c <= 0x7F)
	{
		out[0] = static_cast<char>(c);
		return 1;
	}
	if (c <= 0x7FF)
	{
		out[0] = static_cast<char>(0xC0 | (c >> 6));
		out[1] = static_cast<char>(0x80 | (c & 0x3F));
		return 2;
	}
	if (c <= 0xFFFF)
	{
		out[0] = static_cast<char>(0xE0 | (c >> 12));
		out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
		out[2] = static_cast<char>(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = static_cast<char>(0xF0 | (c >> 18));
	out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
	out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
	out[3] = static_cast<char>(0x80 | (c & 0x3F));
	return 4;
}

bool IsValidCodePoint(uint32 c)
{
	return c > 0 && c <= 0x10FFFF;
}

bool IsSurrogateFirst(uint32 c)
{
	return c >= 0xD800 && c <= 0xDBFF;
}

bool IsSurrogateSecond(uint32 c)
{
	return c >= 0xDC00 && c <= 0xDFFF;
}

uint32 SurrogatePairToCodePoint(uint32 first, uint32 second)
{
	return ((first & 0x3FF) << 10) + 0x10000 + (second & 0x3FF);
}

/* truncate_identifier: clip to NAMEDATALEN-1 bytes, with the NOTICE. */
void TruncateIdentifier(char *ident, int len)
{
	if (len < kNameDataLen)
		return;
	int cut = ClipLength(ident, len, kNameDataLen - 1);
	ereport(NOTICE, errcode(ERRCODE_NAME_TOO_LONG),
			errmsg("identifier \"%s\" will be truncated to \"%.*s\"", ident, cut, ident));
	ident[cut] = '\0';
}

/* downcase_truncate_identifier for UTF-8: ASCII letters only. */
char *DowncaseIdentifier(const char *text, int len)
{
	char *result = static_cast<char *>(palloc(len + 1));
	for (int i = 0; i < len; i++)
	{
		char c = text[i];
		if (c >= 'A' && c <= 'Z')
			c = static_cast<char>(c + ('a' - 'A'));
		result[i] = c;
	}
	result[len] = '\0';
	TruncateIdentifier(result, len);
	return result;
}

/* Kinds of quoted literal (the flex states of scan.l). */
enum QuoteKind
{
	kPlain,	  /* '…' with standard_conforming_strings */
	kEscape,  /* E'…', or '…' without standard_conforming_strings */
	kUnicode, /* U&'…' */
	kBit,	  /* B'…' */
	kHex	  /* X'…' */
};

}  // namespace

int CharPosition(const char *source, int loc)
{
	int chars = 0;
	const char *p = source;
	int limit = loc;
	while (limit > 0 && *p)
	{
		int l = Utf8CharLength(static_cast<unsigned char>(*p));
		limit -= l;
		p += l;
		chars++;
	}
	return chars + 1;
}

void LexError::Raise(const char *source) const
{
	int pos = location >= 0 ? CharPosition(source, location) : 0;
	if (near_text)
	{
		if (source[location] == '\0')
			ereport(ERROR, errcode(sqlerrcode), errmsg("%s at end of input", message),
					errposition(pos));
		ereport(ERROR, errcode(sqlerrcode),
				errmsg("%s at or near \"%.*s\"", message, near_end - location, source + location),
				errposition(pos));
	}
	if (hint != nullptr)
		ereport(ERROR, errcode(sqlerrcode), errmsg_internal("%s", message), errhint("%s", hint),
				pos > 0 ? errposition(pos) : 0);
	ereport(ERROR, errcode(sqlerrcode), errmsg_internal("%s", message),
			detail != nullptr ? errdetail("%s", detail) : 0, pos > 0 ? errposition(pos) : 0);
}

void ErrorAtOrNear(const char *source, const Token &tok, const char *message)
{
	LexError e{ERRCODE_SYNTAX_ERROR, message, nullptr, nullptr, tok.loc, true, tok.end};
	e.Raise(source);
}

void SyntaxErrorAt(const char *source, const Token &tok)
{
	if (tok.type == TOK_ERROR)
		tok.error->Raise(source);
	ErrorAtOrNear(source, tok, "syntax error");
}

Lexer::Lexer(const char *source) : src_(source), len_(static_cast<int>(strlen(source))) {}

void Lexer::LitAdd(const char *s, int n)
{
	if (litlen_ + n >= litalloc_)
	{
		int want = Max(litalloc_ * 2, 64);
		while (want <= litlen_ + n)
			want *= 2;
		lit_ = static_cast<char *>(lit_ == nullptr ? palloc(want) : repalloc(lit_, want));
		litalloc_ = want;
	}
	memcpy(lit_ + litlen_, s, n);
	litlen_ += n;
}

void Lexer::LitAddChar(char c)
{
	LitAdd(&c, 1);
}

char *Lexer::LitDup() const
{
	char *s = static_cast<char *>(palloc(litlen_ + 1));
	if (litlen_ > 0)
		memcpy(s, lit_, litlen_);
	s[litlen_] = '\0';
	return s;
}

Token Lexer::Error(int errcode, const char *message, int location, bool near_text, int near_end,
				   const char *hint, const char *detail)
{
	LexError *e = static_cast<LexError *>(palloc(sizeof(LexError)));
	*e = LexError{errcode, message, detail, hint, location, near_text, near_end};
	Token t{};
	t.type = TOK_ERROR;
	t.loc = location >= 0 ? location : pos_;
	t.end = t.loc;
	t.error = e;
	sticky_ = t;
	done_ = true;
	return t;
}

Token Lexer::Next()
{
	Token tok;
	if (have_lookahead_)
	{
		tok = lookahead_;
		have_lookahead_ = false;
	}
	else
		tok = RawNext();

	switch (tok.type)
	{
		case K_NOT:
		case K_NULLS:
		case K_WITH:
		case UIDENT:
		case USCONST:
			break;
		default:
			return tok;
	}

	/* These need the next token to decide (PostgreSQL's base_yylex); a
	 * lexical error there is reported before this token is seen. */
	Token next = RawNext();
	if (next.type == TOK_ERROR)
		return next;
	lookahead_ = next;
	have_lookahead_ = true;
	switch (tok.type)
	{
		case K_NOT:
			if (next.type == K_BETWEEN || next.type == K_IN || next.type == K_LIKE ||
				next.type == K_ILIKE || next.type == K_SIMILAR)
				tok.type = NOT_LA;
			return tok;
		case K_NULLS:
			if (next.type == K_FIRST || next.type == K_LAST)
				tok.type = NULLS_LA;
			return tok;
		case K_WITH:
			if (next.type == K_TIME || next.type == K_ORDINALITY)
				tok.type = WITH_LA;
			return tok;
		default:
			return UnicodeToken(tok);
	}
}

/*
 * Resolve the escapes of a U&"…" or U&'…' token (its lookahead is in
 * lookahead_): with the escape character of a following UESCAPE 'c', or
 * '\'.  Errors point at the offending escape, counted (as PostgreSQL
 * does) in the literal's de-quoted text from the token's start plus 3.
 */
Token Lexer::UnicodeToken(Token tok)
{
	char escape = '\\';
	int end = tok.end;
	if (lookahead_.type == K_UESCAPE)
	{
		Token third = RawNext();
		if (third.type == TOK_ERROR)
			return third;
		if (third.type != SCONST)
			return Error(ERRCODE_SYNTAX_ERROR,
						 "UESCAPE must be followed by a simple string literal", third.loc, true,
						 third.end);
		const char *esc = third.str;
		if (strlen(esc) != 1 || IsHexDigit(esc[0]) || esc[0] == '+' || esc[0] == '\'' ||
			esc[0] == '"' || IsSpace(esc[0]))
			return Error(ERRCODE_SYNTAX_ERROR, "invalid Unicode escape character", third.loc, true,
						 third.end);
		escape = esc[0];
		end = third.end;
		have_lookahead_ = false;
	}

	const char *str = tok.str;
	int base = tok.loc + 3; /* 3 for U&" */
	int n = static_cast<int>(strlen(str));
	char *out = static_cast<char *>(palloc(n + 5));
	int o = 0;
	uint32 pair_first = 0;
	int i = 0;
	while (i < n)
	{
		if (str[i] != escape)
		{
			if (pair_first != 0)
				return Error(ERRCODE_SYNTAX_ERROR, "invalid Unicode surrogate pair", base + i,
							 false, 0);
			out[o++] = str[i++];
			continue;
		}
		uint32 code;
		int step;
		if (str[i + 1] == escape)
		{
			if (pair_first != 0)
				return Error(ERRCODE_SYNTAX_ERROR, "invalid Unicode surrogate pair", base + i,
							 false, 0);
			out[o++] = escape;
			i += 2;
			continue;
		}
		if (IsHexDigit(str[i + 1]) && IsHexDigit(str[i + 2]) && IsHexDigit(str[i + 3]) &&
			IsHexDigit(str[i + 4]))
		{
			code = 0;
			for (int k = 1; k <= 4; k++)
				code = (code << 4) + HexValue(str[i + k]);
			step = 5;
		}
		else if (str[i + 1] == '+' && IsHexDigit(str[i + 2]) && IsHexDigit(str[i + 3]) &&
				 IsHexDigit(str[i + 4]) && IsHexDigit(str[i + 5]) && IsHexDigit(str[i + 6]) &&
				 IsHexDigit(str[i + 7]))
		{
			code = 0;
			for (int k = 2; k <= 7; k++)
				code = (code << 4) + HexValue(str[i + k]);
			step = 8;
		}
		else
			return Error(ERRCODE_SYNTAX_ERROR, "invalid Unicode escape", base + i, false, 0,
						 "Unicode escapes must be \\XXXX or \\+XXXXXX.");
		if (!IsValidCodePoint(code))
			return Error(ERRCODE_SYNTAX_ERROR, "invalid Unicode escape value", base + i, false, 0);
		if (pair_first != 0)
		{
			if (!IsSurrogateSecond(code))
				return Error(ERRCODE_SYNTAX_ERROR, "invalid Unicode surrogate pair", base + i,
							 false, 0);
			code = SurrogatePairToCodePoint(pair_first, code);
			pair_first = 0;
		}
		else if (IsSurrogateSecond(code))
			return Error(ERRCODE_SYNTAX_ERROR, "invalid Unicode surrogate pair", base + i, false,
						 0);
		if (IsSurrogateFirst(code))
			pair_first = code;
		else
			o += EncodeUtf8(code, out + o);
		i += step;
	}
	if (pair_first != 0)
		return Error(ERRCODE_SYNTAX_ERROR, "invalid Unicode surrogate pair", base + i, false, 0);
	out[o] = '\0';

	tok.str = out;
	tok.end = end;
	if (tok.type == UIDENT)
	{
		TruncateIdentifier(out, o);
		tok.type = IDENT;
	}
	else
		tok.type = SCONST;
	return tok;
}

Token Lexer::RawNext()
{
	if (done_)
		return sticky_;
	return Scan();
}

/* Skip whitespace and comments; an unterminated slash-star comment is an
 * error token (returned through pos_ = -1 convention below). */
Token Lexer::Scan()
{
	for (;;)
	{
		char c = src_[pos_];
		if (IsSpace(c))
		{
			pos_++;
			continue;
		}
		if (c == '-' && src_[pos_ + 1] == '-')
		{
			while (pos_ < len_ && !IsNewline(src_[pos_]))
				pos_++;
			continue;
		}
		if (c == '/' && src_[pos_ + 1] == '*')
		{
			int start = pos_;
			int depth = 0;
			pos_ += 2;
			for (;;)
			{
				if (pos_ >= len_)
					return Error(ERRCODE_SYNTAX_ERROR, "unterminated /* comment", start, true,
								 len_);
				if (src_[pos_] == '/' && src_[pos_ + 1] == '*')
				{
					depth++;
					pos_ += 2;
				}
				else if (src_[pos_] == '*' && src_[pos_ + 1] == '/')
				{
					pos_ += 2;
					if (depth == 0)
						break;
					depth--;
				}
				else
					pos_++;
			}
			continue;
		}
		break;
	}

	int start = pos_;
	Token t{};
	t.loc = start;
	if (start >= len_)
	{
		t.type = TOK_EOF;
		t.end = len_;
		sticky_ = t;
		done_ = true;
		return t;
	}

	char c = src_[start];
	char c1 = src_[start + 1];
	switch (c)
	{
		case 'b':
		case 'B':
			if (c1 == '\'')
				return ScanQuoted(start, start + 2, kBit);
			return ScanIdentifier(start);
		case 'x':
		case 'X':
			if (c1 == '\'')
				return ScanQuoted(start, start + 2, kHex);
			return ScanIdentifier(start);
		case 'e':
		case 'E':
			if (c1 == '\'')
				return ScanQuoted(start, start + 2, kEscape);
			return ScanIdentifier(start);
		case 'n':
		case 'N':
			if (c1 == '\'')
			{
				/* N'…': the keyword NCHAR, then the string on its own. */
				pos_ = start + 1;
				t.type = K_NCHAR;
				t.end = pos_;
				t.str = GetKeyword(K_NCHAR).name;
				return t;
			}
			return ScanIdentifier(start);
		case 'u':
		case 'U':
			if (c1 == '&')
			{
				if (src_[start + 2] == '\'')
				{
					if (!standard_conforming_strings)
						return Error(ERRCODE_FEATURE_NOT_SUPPORTED,
									 "unsafe use of string constant with Unicode escapes", start,
									 false, 0, nullptr,
									 "String constants with Unicode escapes cannot be used when "
									 "standard_conforming_strings is off.");
					return ScanQuoted(start, start + 3, kUnicode);
				}
				if (src_[start + 2] == '"')
					return ScanDelimitedIdent(start, start + 3, true);
				/* "U&" not followed by a quote: the identifier "u". */
				pos_ = start + 1;
				t.type = IDENT;
				t.end = pos_;
				t.str = DowncaseIdentifier(src_ + start, 1);
				return t;
			}
			return ScanIdentifier(start);
		case '\'':
			return ScanQuoted(start, start + 1, standard_conforming_strings ? kPlain : kEscape);
		case '"':
			return ScanDelimitedIdent(start, start + 1, false);
		case '$':
		{
			if (IsDigit(c1))
			{
				int p = start + 1;
				while (IsDigit(src_[p]))
					p++;
				if (IsIdentStart(src_[p]))
				{
					int q = p;
					while (IsIdentCont(src_[q]))
						q++;
					return Error(ERRCODE_SYNTAX_ERROR, "trailing junk after parameter", start, true,
								 q);
				}
				pos_ = p;
				t.type = PARAM;
				t.end = p;
				t.ival = static_cast<int>(strtol(src_ + start + 1, nullptr, 10));
				return t;
			}
			int p = start + 1;
			if (IsIdentStart(src_[p]))
			{
				while (IsIdentCont(src_[p]) && src_[p] != '$')
					p++;
			}
			if (src_[p] == '$')
				return ScanDollar(start, p + 1 - start);
			/* A '$' that starts no dollar quote is a token by itself. */
			pos_ = start + 1;
			t.type = '$';
			t.end = pos_;
			return t;
		}
		case ':':
			if (c1 == ':')
			{
				pos_ = start + 2;
				t.type = TYPECAST;
			}
			else if (c1 == '=')
			{
				pos_ = start + 2;
				t.type = COLON_EQUALS;
			}
			else
			{
				pos_ = start + 1;
				t.type = ':';
			}
			t.end = pos_;
			return t;
		case '.':
			if (IsDigit(c1))
				return ScanNumber(start);
			if (c1 == '.')
			{
				pos_ = start + 2;
				t.type = DOT_DOT;
			}
			else
			{
				pos_ = start + 1;
				t.type = '.';
			}
			t.end = pos_;
			return t;
		default:
			break;
	}
	if (IsDigit(c))
		return ScanNumber(start);
	if (IsIdentStart(c))
		return ScanIdentifier(start);
	if (IsOpChar(c))
		return ScanOperator(start);
	/* self characters that are not operator characters, and anything else */
	pos_ = start + 1;
	t.type = static_cast<unsigned char>(c);
	t.end = pos_;
	return t;
}

/* After a closing quote at *pos: whitespace with a newline in it, then a
 * quote, continues the literal (and *pos moves past that quote). */
bool Lexer::QuoteContinues(int *pos)
{
	int p = *pos;
	for (;;)
	{
		char c = src_[p];
		if (c == ' ' || c == '\t' || c == '\f')
			p++;
		else if (c == '-' && src_[p + 1] == '-')
		{
			while (p < len_ && !IsNewline(src_[p]))
				p++;
		}
		else
			break;
	}
	if (!IsNewline(src_[p]))
		return false;
	p++;
	for (;;)
	{
		char c = src_[p];
		if (IsSpace(c))
			p++;
		else if (c == '-' && src_[p + 1] == '-')
		{
			int q = p;
			while (q < len_ && !IsNewline(src_[q]))
				q++;
			if (q >= len_)
				return false;
			p = q + 1;
		}
		else
			break;
	}
	if (src_[p] != '\'')
		return false;
	*pos = p + 1;
	return true;
}

Token Lexer::ScanQuoted(int start, int body, int kind)
{
	bool warn_on_first_escape = kind == kEscape && src_[start] == '\'';
	bool saw_non_ascii = false;
	int p = body;
	LitReset();
	if (kind == kBit)
		LitAddChar('b');
	else if (kind == kHex)
		LitAddChar('x');
	for (;;)
	{
		if (p >= len_)
		{
			const char *msg = kind == kBit ? "unterminated bit string literal"
				: kind == kHex			   ? "unterminated hexadecimal string literal"
										   : "unterminated quoted string";
			return Error(ERRCODE_SYNTAX_ERROR, msg, start, true, len_);
		}
		char c = src_[p];
		if (c == '\'')
		{
			if (src_[p + 1] == '\'' && kind != kBit && kind != kHex)
			{
				LitAddChar('\'');
				p += 2;
				continue;
			}
			p++;
			if (QuoteContinues(&p))
				continue;
			break;
		}
		if (c != '\\' || kind != kEscape)
		{
			int q = p + 1;
			while (q < len_ && src_[q] != '\'' && !(src_[q] == '\\' && kind == kEscape))
				q++;
			LitAdd(src_ + p, q - p);
			p = q;
			continue;
		}

		/* A backslash escape of E'…' (or of '…' without standard strings). */
		char n = src_[p + 1];
		if (n == '\0' && p + 1 >= len_)
		{
			LitAddChar('\\');
			p++;
			continue;
		}
		if (warn_on_first_escape && escape_string_warning)
		{
			const char *msg = "nonstandard use of escape in a string literal";
			const char *hint = "Use the escape string syntax for escapes, e.g., E'\\r\\n'.";
			if (n == '\'')
			{
				msg = "nonstandard use of \\' in a string literal";
				hint = "Use '' to write quotes in strings, or use the escape string syntax "
					   "(E'...').";
			}
			else if (n == '\\')
			{
				msg = "nonstandard use of \\\\ in a string literal";
				hint = "Use the escape string syntax for backslashes, e.g., E'\\\\'.";
			}
			ereport(WARNING, errcode(ERRCODE_NONSTANDARD_USE_OF_ESCAPE_CHARACTER),
					errmsg_internal("%s", msg), errhint("%s", hint),
					errposition(CharPosition(src_, start)));
		}
		warn_on_first_escape = false;
		if (n == 'u' || n == 'U')
		{
			int want = n == 'u' ? 4 : 8;
			int have = 0;
			while (have < want && IsHexDigit(src_[p + 2 + have]))
				have++;
			if (have < want)
				return Error(ERRCODE_INVALID_ESCAPE_SEQUENCE, "invalid Unicode escape", p, false, 0,
							 "Unicode escapes must be \\uXXXX or \\UXXXXXXXX.");
			uint32 code = 0;
			for (int k = 0; k < want; k++)
				code = (code << 4) + HexValue(src_[p + 2 + k]);
			int esc_end = p + 2 + want;
			if (IsSurrogateFirst(code))
			{
				/* The second half must follow at once. */
				int q = esc_end;
				if (src_[q] == '\\' && (src_[q + 1] == 'u' || src_[q + 1] == 'U'))
				{
					int want2 = src_[q + 1] == 'u' ? 4 : 8;
					int have2 = 0;
					while (have2 < want2 && IsHexDigit(src_[q + 2 + have2]))
						have2++;
					if (have2 < want2)
						return Error(ERRCODE_INVALID_ESCAPE_SEQUENCE, "invalid Unicode escape", q,
									 false, 0, "Unicode escapes must be \\uXXXX or \\UXXXXXXXX.");
					uint32 second = 0;
					for (int k = 0; k < want2; k++)
						second = (second << 4) + HexValue(src_[q + 2 + k]);
					if (!IsSurrogateSecond(second))
						return Error(ERRCODE_SYNTAX_ERROR, "invalid Unicode surrogate pair", q,
									 true, q + 2 + want2);
					code = SurrogatePairToCodePoint(code, second);
					esc_end = q + 2 + want2;
				}
				else
					return Error(ERRCODE_SYNTAX_ERROR, "invalid Unicode surrogate pair", q, true,
								 Min(q + 1, len_));
			}
			else if (IsSurrogateSecond(code))
				return Error(ERRCODE_SYNTAX_ERROR, "invalid Unicode surrogate pair", p, true,
							 esc_end);
			else if (!IsValidCodePoint(code))
				return Error(ERRCODE_SYNTAX_ERROR, "invalid Unicode escape value", p, true,
							 esc_end);
			char buf[4];
			LitAdd(buf, EncodeUtf8(code, buf));
			p = esc_end;
			continue;
		}
		if (n >= '0' && n <= '7')
		{
			int v = 0;
			int k = 1;
			while (k <= 3 && src_[p + k] >= '0' && src_[p + k] <= '7')
			{
				v = v * 8 + (src_[p + k] - '0');
				k++;
			}
			unsigned char b = static_cast<unsigned char>(v);
			LitAddChar(static_cast<char>(b));
			if (b == 0 || (b & 0x80) != 0)
				saw_non_ascii = true;
			p += k;
			continue;
		}
		if (n == 'x' && IsHexDigit(src_[p + 2]))
		{
			int v = HexValue(src_[p + 2]);
			int k = 3;
			if (IsHexDigit(src_[p + 3]))
			{
				v = v * 16 + HexValue(src_[p + 3]);
				k = 4;
			}
			unsigned char b = static_cast<unsigned char>(v);
			LitAddChar(static_cast<char>(b));
			if (b == 0 || (b & 0x80) != 0)
				saw_non_ascii = true;
			p += k;
			continue;
		}
		if (n == '\'' && backslash_quote == BACKSLASH_QUOTE_OFF)
			return Error(ERRCODE_NONSTANDARD_USE_OF_ESCAPE_CHARACTER,
						 "unsafe use of \\' in a string literal", start, false, 0,
						 "Use '' to write quotes in strings. \\' is insecure in client-only "
						 "encodings.");
		char out;
		switch (n)
		{
			case 'b':
				out = '\b';
				break;
			case 'f':
				out = '\f';
				break;
			case 'n':
				out = '\n';
				break;
			case 'r':
				out = '\r';
				break;
			case 't':
				out = '\t';
				break;
			default:
				out = n;
				if ((static_cast<unsigned char>(n) & 0x80) != 0)
					saw_non_ascii = true;
				break;
		}
		LitAddChar(out);
		p += 2;
	}

	pos_ = p;
	Token t{};
	t.loc = start;
	/* The token ends at its last quote (p is past it, and past nothing else). */
	t.end = p;
	switch (kind)
	{
		case kBit:
			t.type = BCONST;
			break;
		case kHex:
			t.type = XCONST;
			break;
		case kUnicode:
			t.type = USCONST;
			break;
		default:
			if (saw_non_ascii)
				VerifyUtf8(lit_, litlen_);
			t.type = SCONST;
			break;
	}
	t.str = LitDup();
	return t;
}

Token Lexer::ScanDollar(int start, int delim_len)
{
	const char *delim = src_ + start;
	int body = start + delim_len;
	const char *found = nullptr;
	for (const char *p = src_ + body; (p = strchr(p, '$')) != nullptr; p++)
	{
		if (strncmp(p, delim, delim_len) == 0)
		{
			found = p;
			break;
		}
	}
	if (found == nullptr)
		return Error(ERRCODE_SYNTAX_ERROR, "unterminated dollar-quoted string", start, true, len_);
	int content_end = static_cast<int>(found - src_);
	pos_ = content_end + delim_len;
	Token t{};
	t.type = SCONST;
	t.loc = start;
	t.end = pos_;
	t.str = pnstrdup(src_ + body, content_end - body);
	return t;
}

Token Lexer::ScanDelimitedIdent(int start, int body, bool unicode)
{
	int p = body;
	LitReset();
	for (;;)
	{
		if (p >= len_)
			return Error(ERRCODE_SYNTAX_ERROR, "unterminated quoted identifier", start, true, len_);
		if (src_[p] == '"')
		{
			if (src_[p + 1] == '"')
			{
				LitAddChar('"');
				p += 2;
				continue;
			}
			p++;
			break;
		}
		int q = p + 1;
		while (q < len_ && src_[q] != '"')
			q++;
		LitAdd(src_ + p, q - p);
		p = q;
	}
	if (litlen_ == 0)
		return Error(ERRCODE_SYNTAX_ERROR, "zero-length delimited identifier", start, true, p);
	pos_ = p;
	Token t{};
	t.loc = start;
	t.end = p;
	char *ident = LitDup();
	if (unicode)
		t.type = UIDENT; /* truncated once its escapes are resolved */
	else
	{
		TruncateIdentifier(ident, litlen_);
		t.type = IDENT;
	}
	t.str = ident;
	return t;
}

Token Lexer::ScanNumber(int start)
{
	int p = start;
	while (IsDigit(src_[p]))
		p++;
	int int_digits = p - start;
	bool is_float = false;
	Token t{};
	t.loc = start;

	if (src_[p] == '.')
	{
		if (src_[p + 1] == '.' && int_digits > 0)
		{
			/* "1..": the integer, then DOT_DOT */
		}
		else
		{
			p++;
			while (IsDigit(src_[p]))
				p++;
			is_float = true;
		}
	}
	if (src_[p] == 'e' || src_[p] == 'E')
	{
		int q = p + 1;
		if (src_[q] == '+' || src_[q] == '-')
			q++;
		if (IsDigit(src_[q]))
		{
			while (IsDigit(src_[q]))
				q++;
			p = q;
			is_float = true;
		}
		else if (q == p + 2)
		{
			/* "1e+" with no digits */
			return Error(ERRCODE_SYNTAX_ERROR, "trailing junk after numeric literal", start, true,
						 q);
		}
	}
	if (IsIdentStart(src_[p]))
	{
		int q = p;
		while (IsIdentCont(src_[q]))
			q++;
		return Error(ERRCODE_SYNTAX_ERROR, "trailing junk after numeric literal", start, true, q);
	}
	pos_ = p;
	t.end = p;
	if (!is_float)
	{
		/* an int32, or else the text as a Float (PostgreSQL's strtoint) */
		int64 v = 0;
		int q = start;
		while (q < p && src_[q] == '0')
			q++;
		if (p - q <= 10)
		{
			for (; q < p; q++)
				v = v * 10 + (src_[q] - '0');
			if (v <= PG_INT32_MAX)
			{
				t.type = ICONST;
				t.ival = static_cast<int>(v);
				return t;
			}
		}
	}
	t.type = FCONST;
	t.str = pnstrdup(src_ + start, p - start);
	return t;
}

Token Lexer::ScanOperator(int start)
{
	int end = start;
	while (IsOpChar(src_[end]))
		end++;
	int n = end - start;
	const char *s = src_ + start;
	Token t{};
	t.loc = start;

	if (n == 2)
	{
		int type = 0;
		if (s[0] == '=' && s[1] == '>')
			type = EQUALS_GREATER;
		else if (s[0] == '<' && s[1] == '=')
			type = LESS_EQUALS;
		else if (s[0] == '>' && s[1] == '=')
			type = GREATER_EQUALS;
		else if ((s[0] == '<' && s[1] == '>') || (s[0] == '!' && s[1] == '='))
			type = NOT_EQUALS;
		if (type != 0)
		{
			pos_ = end;
			t.type = type;
			t.end = end;
			return t;
		}
	}

	int nchars = n;
	/* A comment start inside the run ends the operator there. */
	for (int i = 0; i + 1 < n; i++)
	{
		if ((s[i] == '/' && s[i + 1] == '*') || (s[i] == '-' && s[i + 1] == '-'))
		{
			nchars = i;
			break;
		}
	}
	/* Trailing + and - belong to the next token unless the operator has a
	 * character SQL's own operators lack. */
	if (nchars > 1 && (s[nchars - 1] == '+' || s[nchars - 1] == '-'))
	{
		int ic;
		for (ic = nchars - 2; ic >= 0; ic--)
		{
			char ch = s[ic];
			if (ch == '~' || ch == '!' || ch == '@' || ch == '#' || ch == '^' || ch == '&' ||
				ch == '|' || ch == '`' || ch == '?' || ch == '%')
				break;
		}
		if (ic < 0)
		{
			do
				nchars--;
			while (nchars > 1 && (s[nchars - 1] == '+' || s[nchars - 1] == '-'));
		}
	}
	pos_ = start + nchars;
	t.end = pos_;
	if (nchars == 1 && IsSelfChar(s[0]))
	{
		t.type = static_cast<unsigned char>(s[0]);
		return t;
	}
	if (nchars < n && nchars == 2)
	{
		if (s[0] == '=' && s[1] == '>')
			t.type = EQUALS_GREATER;
		else if (s[0] == '>' && s[1] == '=')
			t.type = GREATER_EQUALS;
		else if (s[0] == '<' && s[1] == '=')
			t.type = LESS_EQUALS;
		else if ((s[0] == '<' && s[1] == '>') || (s[0] == '!' && s[1] == '='))
			t.type = NOT_EQUALS;
		if (t.type != 0)
			return t;
	}
	if (nchars >= kNameDataLen)
		return Error(ERRCODE_SYNTAX_ERROR, "operator too long", start, true, start + nchars);
	t.type = OP;
	t.str = pnstrdup(s, nchars);
	return t;
}

Token Lexer::ScanIdentifier(int start)
{
	int p = start + 1;
	while (IsIdentCont(src_[p]))
		p++;
	pos_ = p;
	Token t{};
	t.loc = start;
	t.end = p;
	int kw = KeywordLookup(src_ + start, p - start);
	if (kw >= 0)
	{
		t.type = kw;
		t.str = GetKeyword(kw).name;
		return t;
	}
	t.type = IDENT;
	t.str = DowncaseIdentifier(src_ + start, p - start);
	return t;
}

}  // namespace tusk::parser

bool pg_verifymbstr(const char *mbstr, int len, bool noError)
{
	if (!noError)
	{
		tusk::parser::VerifyUtf8(mbstr, len);
		return true;
	}
	int badlen = 0;
	return tusk::parser::Utf8ValidPrefix(mbstr, len, &badlen) == len;
}
