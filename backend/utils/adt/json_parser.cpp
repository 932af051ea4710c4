/*
 * json_parser.cpp — the JSON lexer and recursive-descent parser behind
 * json_in, jsonb_in and every function that reads a json value.
 *
 * Hand-written rather than a library because PostgreSQL's behaviour is
 * part of the interface: numbers keep their exact text (json) or become
 * numerics (jsonb) of any size, the grammar stops at the first bad token
 * with one-token lookahead exactly as PostgreSQL's parser does, and the
 * error names that token in PostgreSQL's DETAIL ("Token \"x\" is
 * invalid.", "Expected \":\", but found \"1\".", …) and shows the line
 * up to it in a CONTEXT line ("JSON data, line 1: {\"a\" 1..."), which no
 * packaged JSON library reports.
 *
 * Principal entry points: ParseJson, ValidateJson (json_internal.h).
 */
#include "json_internal.h"

#include <cstring>

#include "adt_utf8.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

namespace tusk::adt::json {

namespace {

enum class Tok : uint8
{
	ObjectStart,
	ObjectEnd,
	ArrayStart,
	ArrayEnd,
	Comma,
	Colon,
	String,
	Number,
	True,
	False,
	Null,
	End,
};

/* PostgreSQL's JsonParseErrorType, each with its DETAIL text. */
enum class Err : uint8
{
	EscapingInvalid,
	EscapingRequired,
	ExpectedEnd,
	ExpectedArrayFirst,
	ExpectedArrayNext,
	ExpectedColon,
	ExpectedJson,
	ExpectedMore,
	ExpectedObjectFirst,
	ExpectedObjectNext,
	ExpectedString,
	InvalidToken,
	CodePointZero,
	UnicodeEscapeFormat,
	HighSurrogate,
	LowSurrogate,
};

/* What the parser expected when a token did not fit (report_parse_error). */
enum class Expect : uint8
{
	End,
	Value,
	String,
	ArrayStart,
	ArrayNext,
	ObjectStart,
	ObjectLabel,
	ObjectNext,
};

bool IsAlnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
		(static_cast<unsigned char>(c) & 0x80) != 0;
}

int HexDigit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

class Parser
{
  public:
	Parser(std::string_view text, const ParseOptions &options, bool build)
		: in_(text.data()), len_(static_cast<int>(text.size())), options_(options), build_(build)
	{}

	JsonValue Parse()
	{
		Lex();
		JsonValue root = ParseValue();
		ExpectToken(Expect::End, Tok::End);
		return root;
	}

  private:
	[[noreturn]] void Fail(Err e)
	{
		std::string token;
		if (token_start_ >= 0 && token_end_ >= token_start_)
			token.assign(in_ + token_start_, static_cast<size_t>(token_end_ - token_start_));
		std::string detail;
		auto found = [&](const char *what) {
			detail = "Expected ";
			detail += what;
			detail += ", but found \"";
			detail += token;
			detail += "\".";
		};
		switch (e)
		{
			case Err::EscapingInvalid:
				detail = "Escape sequence \"\\";
				detail += token;
				detail += "\" is invalid.";
				break;
			case Err::EscapingRequired:
			{
				char buf[64];
				snprintf(buf, sizeof(buf), "Character with value 0x%02x must be escaped.",
						 static_cast<unsigned char>(in_[token_end_]));
				detail = buf;
				break;
			}
			case Err::ExpectedEnd:
				found("end of input");
				break;
			case Err::ExpectedArrayFirst:
				found("array element or \"]\"");
				break;
			case Err::ExpectedArrayNext:
				found("\",\" or \"]\"");
				break;
			case Err::ExpectedColon:
				found("\":\"");
				break;
			case Err::ExpectedJson:
				found("JSON value");
				break;
			case Err::ExpectedMore:
				detail = "The input string ended unexpectedly.";
				break;
			case Err::ExpectedObjectFirst:
				found("string or \"}\"");
				break;
			case Err::ExpectedObjectNext:
				found("\",\" or \"}\"");
				break;
			case Err::ExpectedString:
				found("string");
				break;
			case Err::InvalidToken:
				detail = "Token \"";
				detail += token;
				detail += "\" is invalid.";
				break;
			case Err::CodePointZero:
				detail = "\\u0000 cannot be converted to text.";
				break;
			case Err::UnicodeEscapeFormat:
				detail = "\"\\u\" must be followed by four hexadecimal digits.";
				break;
			case Err::HighSurrogate:
				detail = "Unicode high surrogate must not follow a high surrogate.";
				break;
			case Err::LowSurrogate:
				detail = "Unicode low surrogate must follow a high surrogate.";
				break;
		}
		std::string context = Context();
		if (e == Err::CodePointZero)
			ereport(ERROR,
					(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
					 errmsg("unsupported Unicode escape sequence"),
					 errdetail_internal("%s", detail.c_str()), errcontext("%s", context.c_str())));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s", "json"),
				 errdetail_internal("%s", detail.c_str()), errcontext("%s", context.c_str())));
	}

	/* "JSON data, line N: …": the current line up to the point of the error,
	 * at most about 50 bytes of it (report_json_context). */
	std::string Context() const
	{
		int context_end = token_end_;
		int context_start = line_start_;
		while (context_end - context_start >= 50)
		{
			int n = Utf8CharLen(static_cast<unsigned char>(in_[context_start]));
			context_start += Min(Max(n, 1), context_end - context_start);
		}
		if (context_start - line_start_ <= 3)
			context_start = line_start_;
		/* Built piecewise: GCC 12 -O3 warns falsely on "literal" + std::string. */
		std::string out = "JSON data, line ";
		out += std::to_string(line_number_);
		out += ": ";
		if (context_start > line_start_)
			out += "...";
		out.append(in_ + context_start, static_cast<size_t>(context_end - context_start));
		if (tok_ != Tok::End && context_end < len_ && in_[context_end] != '\n' &&
			in_[context_end] != '\r')
			out += "...";
		return out;
	}

	[[noreturn]] void FailParse(Expect ctx)
	{
		if (token_start_ < 0 || tok_ == Tok::End)
			Fail(Err::ExpectedMore);
		switch (ctx)
		{
			case Expect::End:
				Fail(Err::ExpectedEnd);
			case Expect::Value:
				Fail(Err::ExpectedJson);
			case Expect::String:
				Fail(Err::ExpectedString);
			case Expect::ArrayStart:
				Fail(Err::ExpectedArrayFirst);
			case Expect::ArrayNext:
				Fail(Err::ExpectedArrayNext);
			case Expect::ObjectStart:
				Fail(Err::ExpectedObjectFirst);
			case Expect::ObjectLabel:
				Fail(Err::ExpectedColon);
			case Expect::ObjectNext:
				Fail(Err::ExpectedObjectNext);
		}
		Fail(Err::ExpectedJson);
	}

	void ExpectToken(Expect ctx, Tok t)
	{
		if (tok_ != t)
			FailParse(ctx);
		Lex();
	}

	/* Ends a token at index end (token_terminator). */
	void Token(Tok t, int end)
	{
		token_end_ = end;
		tok_ = t;
	}

	void Lex()
	{
		int s = token_end_;
		while (s < len_ && (in_[s] == ' ' || in_[s] == '\t' || in_[s] == '\n' || in_[s] == '\r'))
		{
			if (in_[s++] == '\n')
			{
				++line_number_;
				line_start_ = s;
			}
		}
		token_start_ = s;
		if (s >= len_)
		{
			token_start_ = -1;
			Token(Tok::End, s);
			return;
		}
		switch (in_[s])
		{
			case '{':
				Token(Tok::ObjectStart, s + 1);
				return;
			case '}':
				Token(Tok::ObjectEnd, s + 1);
				return;
			case '[':
				Token(Tok::ArrayStart, s + 1);
				return;
			case ']':
				Token(Tok::ArrayEnd, s + 1);
				return;
			case ',':
				Token(Tok::Comma, s + 1);
				return;
			case ':':
				Token(Tok::Colon, s + 1);
				return;
			case '"':
				LexString();
				return;
			case '-':
				LexNumber(s + 1);
				return;
			default:
				break;
		}
		if (in_[s] >= '0' && in_[s] <= '9')
		{
			LexNumber(s);
			return;
		}
		int p = s;
		while (p < len_ && IsAlnum(in_[p]))
			p++;
		if (p == s)
		{
			token_end_ = s + 1;
			Fail(Err::InvalidToken);
		}
		token_end_ = p;
		std::string_view word(in_ + s, static_cast<size_t>(p - s));
		if (word == "true")
			tok_ = Tok::True;
		else if (word == "null")
			tok_ = Tok::Null;
		else if (word == "false")
			tok_ = Tok::False;
		else
			Fail(Err::InvalidToken);
	}

	void LexNumber(int s)
	{
		bool error = false;
		if (s < len_ && in_[s] == '0')
			s++;
		else if (s < len_ && in_[s] >= '1' && in_[s] <= '9')
		{
			do
				s++;
			while (s < len_ && in_[s] >= '0' && in_[s] <= '9');
		}
		else
			error = true;
		if (s < len_ && in_[s] == '.')
		{
			s++;
			if (s == len_ || in_[s] < '0' || in_[s] > '9')
				error = true;
			else
			{
				do
					s++;
				while (s < len_ && in_[s] >= '0' && in_[s] <= '9');
			}
		}
		if (s < len_ && (in_[s] == 'e' || in_[s] == 'E'))
		{
			s++;
			if (s < len_ && (in_[s] == '+' || in_[s] == '-'))
				s++;
			if (s == len_ || in_[s] < '0' || in_[s] > '9')
				error = true;
			else
			{
				do
					s++;
				while (s < len_ && in_[s] >= '0' && in_[s] <= '9');
			}
		}
		for (; s < len_ && IsAlnum(in_[s]); s++)
			error = true;
		token_end_ = s;
		if (error)
			Fail(Err::InvalidToken);
		tok_ = Tok::Number;
	}

	/* Fails with token_terminator just past the character at s. */
	[[noreturn]] void FailAtCharEnd(int s, Err e)
	{
		int n = Max(Utf8CharLen(static_cast<unsigned char>(in_[s])), 1);
		token_end_ = Min(s + n, len_);
		Fail(e);
	}

	void AppendCodePoint(uint32 cp)
	{
		char buf[8];
		int n = Utf8Encode(cp, buf);
		strval_.append(buf, static_cast<size_t>(n));
	}

	void LexString()
	{
		const bool decode = options_.need_escapes;
		strval_.clear();
		int s = token_start_;
		int hi_surrogate = -1;
		for (;;)
		{
			s++;
			if (s >= len_)
			{
				token_end_ = s;
				Fail(Err::InvalidToken);
			}
			char c = in_[s];
			if (c == '"')
				break;
			if (static_cast<unsigned char>(c) < 32)
			{
				token_end_ = s;
				Fail(Err::EscapingRequired);
			}
			if (c != '\\')
			{
				if (decode)
				{
					if (hi_surrogate != -1)
						FailAtCharEnd(s, Err::LowSurrogate);
					strval_ += c;
				}
				continue;
			}
			s++;
			if (s >= len_)
			{
				token_end_ = s;
				Fail(Err::InvalidToken);
			}
			if (in_[s] == 'u')
			{
				int ch = 0;
				for (int i = 1; i <= 4; i++)
				{
					s++;
					if (s >= len_)
					{
						token_end_ = s;
						Fail(Err::InvalidToken);
					}
					int d = HexDigit(in_[s]);
					if (d < 0)
						FailAtCharEnd(s, Err::UnicodeEscapeFormat);
					ch = ch * 16 + d;
				}
				if (!decode)
					continue;
				if (ch >= 0xD800 && ch <= 0xDBFF)
				{
					if (hi_surrogate != -1)
						FailAtCharEnd(s, Err::HighSurrogate);
					hi_surrogate = ch;
					continue;
				}
				if (ch >= 0xDC00 && ch <= 0xDFFF)
				{
					if (hi_surrogate == -1)
						FailAtCharEnd(s, Err::LowSurrogate);
					ch = ((hi_surrogate & 0x3FF) << 10) + (ch & 0x3FF) + 0x10000;
					hi_surrogate = -1;
				}
				if (hi_surrogate != -1)
					FailAtCharEnd(s, Err::LowSurrogate);
				if (ch == 0)
					FailAtCharEnd(s, Err::CodePointZero);
				AppendCodePoint(static_cast<uint32>(ch));
				continue;
			}
			if (decode && hi_surrogate != -1)
				FailAtCharEnd(s, Err::LowSurrogate);
			char out;
			switch (in_[s])
			{
				case '"':
				case '\\':
				case '/':
					out = in_[s];
					break;
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
					token_start_ = s;
					FailAtCharEnd(s, Err::EscapingInvalid);
			}
			if (decode)
				strval_ += out;
		}
		if (decode && hi_surrogate != -1)
		{
			token_end_ = s + 1;
			Fail(Err::LowSurrogate);
		}
		if (!decode && build_)
			strval_.assign(in_ + token_start_ + 1, static_cast<size_t>(s - token_start_ - 1));
		token_end_ = s + 1;
		tok_ = Tok::String;
	}

	JsonValue ParseValue()
	{
		switch (tok_)
		{
			case Tok::ObjectStart:
				return ParseObject();
			case Tok::ArrayStart:
				return ParseArray();
			default:
				return ParseScalar();
		}
	}

	JsonValue ParseScalar()
	{
		JsonValue v;
		v.start = token_start_;
		v.end = token_end_;
		switch (tok_)
		{
			case Tok::String:
				v.kind = JsonKind::String;
				if (build_)
					v.str = strval_;
				break;
			case Tok::Number:
				v.kind = JsonKind::Number;
				if (build_)
				{
					std::string digits(in_ + token_start_,
									   static_cast<size_t>(token_end_ - token_start_));
					if (options_.numeric)
					{
						Datum num = DirectFunctionCall3(numeric_in, CStringGetDatum(digits.c_str()),
														ObjectIdGetDatum(InvalidOid),
														Int32GetDatum(-1));
						const auto *p = reinterpret_cast<const char *>(DatumGetPointer(num));
						v.str.assign(p, VARSIZE(p));
					}
					else
						v.str = std::move(digits);
				}
				break;
			case Tok::True:
			case Tok::False:
				v.kind = JsonKind::Bool;
				v.boolean = tok_ == Tok::True;
				break;
			case Tok::Null:
				v.kind = JsonKind::Null;
				break;
			default:
				FailParse(Expect::Value);
		}
		Lex();
		return v;
	}

	JsonValue ParseObject()
	{
		check_stack_depth();
		JsonValue v;
		v.kind = JsonKind::Object;
		v.start = token_start_;
		Lex();
		if (tok_ == Tok::String)
		{
			ParseField(&v);
			while (tok_ == Tok::Comma)
			{
				Lex();
				ParseField(&v);
			}
		}
		else if (tok_ != Tok::ObjectEnd)
			FailParse(Expect::ObjectStart);
		v.end = token_end_;
		ExpectToken(Expect::ObjectNext, Tok::ObjectEnd);
		return v;
	}

	void ParseField(JsonValue *object)
	{
		if (tok_ != Tok::String)
			FailParse(Expect::String);
		std::string key = build_ ? strval_ : std::string();
		Lex();
		ExpectToken(Expect::ObjectLabel, Tok::Colon);
		JsonValue value = ParseValue();
		if (build_)
		{
			object->keys.push_back(std::move(key));
			object->elems.push_back(std::move(value));
		}
	}

	JsonValue ParseArray()
	{
		check_stack_depth();
		JsonValue v;
		v.kind = JsonKind::Array;
		v.start = token_start_;
		Lex();
		if (tok_ != Tok::ArrayEnd)
		{
			AddElement(&v, ParseValue());
			while (tok_ == Tok::Comma)
			{
				Lex();
				AddElement(&v, ParseValue());
			}
		}
		v.end = token_end_;
		ExpectToken(Expect::ArrayNext, Tok::ArrayEnd);
		return v;
	}

	void AddElement(JsonValue *array, JsonValue &&value)
	{
		if (build_)
			array->elems.push_back(std::move(value));
	}

	const char *in_;
	int len_;
	ParseOptions options_;
	bool build_;
	int token_start_ = 0; /* -1 at the end of the input */
	int token_end_ = 0;
	int line_number_ = 1;
	int line_start_ = 0;
	Tok tok_ = Tok::ObjectStart;
	std::string strval_;
};

}  // namespace

JsonValue ParseJson(std::string_view text, const ParseOptions &options)
{
	Parser parser(text, options, true);
	return parser.Parse();
}

void ValidateJson(std::string_view text)
{
	ParseOptions options;
	options.need_escapes = false;
	Parser parser(text, options, false);
	parser.Parse();
}

}  // namespace tusk::adt::json
