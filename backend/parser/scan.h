/*
 * backend/parser/scan.h — the SQL lexer's interface inside backend/parser:
 * token codes, the Token record and the Lexer class.
 *
 * The lexer follows PostgreSQL 15's lexical rules (scan.l and the token
 * filter in parser.c): it turns the query string into tokens on demand,
 * each carrying its byte location and end.  Its token stream is already
 * filtered as PostgreSQL's parser sees it: NOT, NULLS and WITH become
 * NOT_LA, NULLS_LA and WITH_LA when the next token calls for it, and
 * U&'…' / U&"…" literals (with an optional UESCAPE clause) arrive as plain
 * SCONST / IDENT tokens with their escapes resolved.
 *
 * Errors are deferred: a lexical error becomes a TOK_ERROR token carrying
 * the report, and the parser raises it only when the parse reaches that
 * token — so, as in PostgreSQL, a syntax error earlier in the string is
 * reported first.  NOTICEs (identifier truncation) and WARNINGs (escapes
 * in plain strings when standard_conforming_strings is off) are emitted
 * as the token is scanned.
 *
 * Principal entry points: Lexer::Lexer, Lexer::Next, LexError::Raise,
 * KeywordLookup, CharPosition.
 */
#ifndef TUSK_BACKEND_PARSER_SCAN_H
#define TUSK_BACKEND_PARSER_SCAN_H

#include "postgres.h"

namespace tusk::parser {

/* Token codes.  1..255 are single characters ('(', ',', '+' …) and any
 * other byte the lexer returns as itself; keywords follow the others. */
enum TokenCode : int
{
	TOK_EOF = 0,
	IDENT = 256,
	FCONST,			/* str: the number's text */
	SCONST,			/* str: the string's value */
	BCONST,			/* str: "b" followed by the bits as written */
	XCONST,			/* str: "x" followed by the hex digits as written */
	ICONST,			/* ival */
	PARAM,			/* ival: n of $n */
	OP,				/* str: a multi-character or non-SQL operator */
	TYPECAST,		/* :: */
	DOT_DOT,		/* .. */
	COLON_EQUALS,	/* := */
	EQUALS_GREATER, /* => */
	LESS_EQUALS,	/* <= */
	GREATER_EQUALS, /* >= */
	NOT_EQUALS,		/* <> or != */
	NOT_LA,			/* NOT before BETWEEN, IN, LIKE, ILIKE or SIMILAR */
	NULLS_LA,		/* NULLS before FIRST or LAST */
	WITH_LA,		/* WITH before TIME or ORDINALITY */
	UIDENT,			/* lexer-internal: U&"…" before its escapes are resolved */
	USCONST,		/* lexer-internal: U&'…' before its escapes are resolved */
	TOK_ERROR,		/* a deferred lexical error (Token::error) */
#define TUSK_KEYWORD(word, WORD, category, label) K_##WORD,
#include "kwlist.h"
	TOK_LAST
};

constexpr int kFirstKeyword = K_ABORT;
constexpr int kNumKeywords = TOK_LAST - kFirstKeyword;

inline bool IsKeyword(int tok)
{
	return tok >= kFirstKeyword && tok < TOK_LAST;
}

/* Keyword categories, as in PostgreSQL (parser/keywords.h). */
enum KeywordCategory : uint8
{
	kUnreserved = 0,
	kColName = 1,
	kTypeFuncName = 2,
	kReserved = 3
};

struct KeywordInfo
{
	const char *name; /* lower case */
	uint8 category;	  /* KeywordCategory */
	bool bare_label;  /* may be a column label without AS */
};

/* Facts about a keyword token. */
const KeywordInfo &GetKeyword(int tok);

/* The keyword token for text[0..len) (ASCII case-insensitive), or -1. */
int KeywordLookup(const char *text, int len);

/* A lexical error, raised when the parser reaches its token. */
struct LexError
{
	int sqlerrcode;
	const char *message; /* without " at or near …" */
	const char *detail;	 /* or NULL */
	const char *hint;	 /* or NULL */
	int location;		 /* byte offset for the cursor, -1 for none */
	bool near_text;		 /* append PostgreSQL's " at or near "…"" */
	int near_end;		 /* end of the text quoted after "at or near" */

	[[noreturn]] void Raise(const char *source) const;
};

struct Token
{
	int type; /* TokenCode */
	int loc;  /* byte offset of the token's first character */
	int end;  /* byte offset just past it (for "at or near" texts) */
	union
	{
		int ival;
		const char *str;
		const LexError *error;
	};

	/* Copied field by field: a token is built by separate stores and
	 * copied soon after, which a block copy (wider loads over narrower
	 * stores) would make wait for the stores to retire. */
	Token() = default;
	Token(const Token &o) : type(o.type), loc(o.loc), end(o.end), str(o.str) {}
	Token &operator=(const Token &o)
	{
		type = o.type;
		loc = o.loc;
		end = o.end;
		str = o.str;
		return *this;
	}
};

/* The 1-based character position of byte offset loc in source (the
 * cursor position PostgreSQL reports, counting UTF-8 characters). */
int CharPosition(const char *source, int loc);

/* ERROR 42601 "syntax error at or near …" / "… at end of input" for the
 * token, or the lexical error it carries. */
[[noreturn]] void SyntaxErrorAt(const char *source, const Token &tok);

/* An error with PostgreSQL's "%s at or near "…"" form at the token. */
[[noreturn]] void ErrorAtOrNear(const char *source, const Token &tok, const char *message);

class Lexer
{
  public:
	explicit Lexer(const char *source);
	Lexer(const Lexer &) = delete;
	Lexer &operator=(const Lexer &) = delete;

	/* The next filtered token.  After TOK_EOF or TOK_ERROR, the same token
	 * again. */
	Token Next();

	const char *source() const { return src_; }
	int length() const { return len_; }

  private:
	Token RawNext();
	Token Scan();
	Token ScanAfterFilter(Token tok);
	Token UnicodeToken(Token tok);

	/* scanning helpers */
	void SkipWhitespace(bool *saw_newline);
	bool QuoteContinues(int *pos);
	Token ScanQuoted(int start, int body, int kind);
	Token ScanDollar(int start, int delim_len);
	Token ScanDelimitedIdent(int start, int body, bool unicode);
	Token ScanNumber(int start);
	Token ScanOperator(int start);
	Token ScanIdentifier(int start);
	Token Error(int errcode, const char *message, int location, bool near_text, int near_end,
				const char *hint = nullptr, const char *detail = nullptr);

	/* the literal buffer */
	void LitReset() { litlen_ = 0; }
	void LitAdd(const char *s, int n);
	void LitAddChar(char c);
	char *LitDup() const;

	const char *src_;
	int len_;
	int pos_ = 0;
	bool have_lookahead_ = false;
	Token lookahead_{};
	Token sticky_{}; /* the EOF or error token, once reached */
	bool done_ = false;
	char *lit_ = nullptr;
	int litlen_ = 0;
	int litalloc_ = 0;
};

}  // namespace tusk::parser

#endif /* TUSK_BACKEND_PARSER_SCAN_H */
