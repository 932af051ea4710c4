/*
 * regex.cpp — PostgreSQL's ARE regular expressions compiled with PCRE2.
 *
 * PostgreSQL has its own regex engine (Henry Spencer's); Tusk uses PCRE2,
 * a well-kept library, and translates: the ARE pattern is parsed here,
 * checked with PostgreSQL's error texts, and written out as a PCRE2
 * pattern meaning the same thing.  What the translation handles:
 *   - the directors ***= (literal pattern) and ***: and the embedded
 *     options (?bceimnpqstwx) at the start;
 *   - the flags: case-insensitivity, the newline-sensitive modes n, p and
 *     w (. and [^...] stop at newlines; ^ and $ match at lines), expanded
 *     syntax x (white space and #comments dropped here);
 *   - escapes whose meaning differs from Perl's: \b is backspace, \B a
 *     backslash, \m \M \y \Y \A \Z the ARE constraints, [[:<:]] and
 *     [[:>:]] word boundaries, \e \cX \uXXXX \UXXXXXXXX \xHH and octal
 *     escapes, \N backreferences (with octal fallback as in ARE);
 *   - ARE's limits: quantifiers only on atoms (so a*+ and a** are errors,
 *     not possessive), bounds at most 255, no named groups, groups inside
 *     lookaround constraints not capturing and no backreferences there.
 * $ matches only at the very end (PCRE2 would match before a final
 * newline), and text is matched as UTF-8 characters.
 *
 * The per-backend cache keeps the kMaxCachedRegexes most recently used
 * patterns (like PostgreSQL's RE_compile_and_cache) with a match-data block
 * each, so matching allocates nothing.
 *
 * Entry points: ParseRegexFlags, RegexCompile (regex_internal.h).
 */
#include "postgres.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "adt_utf8.h"
#include "regex_internal.h"

namespace tusk::adt {

namespace {

/* As PostgreSQL: a query rarely uses more patterns than this at once. */
constexpr size_t kMaxCachedRegexes = 32;

/* ARE's largest repetition bound (DUPMAX). */
constexpr int kMaxRepeat = 255;

[[noreturn]] void RegexError(const char *what)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_REGULAR_EXPRESSION),
			errmsg("invalid regular expression: %s", what));
	pg_unreachable();
}

bool IsHex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int HexValue(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c - 'A' + 10;
}

bool IsAsciiAlnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Append code point cp to a PCRE2 pattern as a literal. */
void AppendLiteral(std::string &out, uint32 cp)
{
	if (cp < 0x80)
	{
		char c = static_cast<char>(cp);
		if (IsAsciiAlnum(c) || c == '_')
			out += c;
		else if (cp < 0x20 || cp == 0x7F)
		{
			char buf[16];
			snprintf(buf, sizeof(buf), "\\x{%x}", cp);
			out += buf;
		}
		else
		{
			out += '\\';
			out += c;
		}
		return;
	}
	char buf[16];
	snprintf(buf, sizeof(buf), "\\x{%x}", cp);
	out += buf;
}

/*
 * The translator: one pass over the ARE, writing the PCRE2 pattern.  It
 * tracks what a quantifier may follow and which groups exist so it can
 * report PostgreSQL's errors itself.
 */
class Translator
{
  public:
	Translator(const char *p, int len, uint32 options) : p_(p), end_(p + len), options_(options) {}

	/* The PCRE2 pattern; options_ then holds the options in effect
	 * (embedded options included). */
	std::string Run();

	uint32 Options() const { return options_; }

  private:
	struct Group
	{
		int number; /* capturing group number, 0 if not capturing */
		bool lookaround;
	};

	void Prefix();
	void Atom();
	void Quantifier();
	void Bracket();
	void Escape();
	/* A character escape at p_ (after the backslash), inside or outside
	 * brackets; returns false when the escape is not a character. */
	bool CharEscape(uint32 *cp);
	void SkipExpandedSpace();

	bool AtEnd() const { return p_ >= end_; }

	uint32 NextChar()
	{
		int n = Utf8CharLen(static_cast<unsigned char>(*p_));
		if (n > end_ - p_)
			n = static_cast<int>(end_ - p_);
		uint32 cp = Utf8Decode(p_, n);
		p_ += n;
		return cp;
	}

	const char *p_;
	const char *end_;
	uint32 options_;
	std::string out_;
	std::vector<Group> open_;
	std::vector<bool> closed_; /* closed_[n]: group n is complete */
	int groups_ = 0;
	int lookaround_depth_ = 0;
	bool can_quantify_ = false;
};

std::string Translator::Run()
{
	Prefix();
	if ((options_ & (kRegexBasic | kRegexExtended)) != 0)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("POSIX basic and extended regular expressions (options \"b\" and \"e\") "
					   "are not supported"));
	closed_.push_back(false);
	if ((options_ & kRegexQuote) != 0)
	{
		while (!AtEnd())
			AppendLiteral(out_, NextChar());
		return out_;
	}
	for (;;)
	{
		if ((options_ & kRegexExpanded) != 0)
			SkipExpandedSpace();
		if (AtEnd())
			break;
		char c = *p_;
		if (c == '*' || c == '+' || c == '?' ||
			(c == '{' && p_ + 1 < end_ && *(p_ + 1) >= '0' && *(p_ + 1) <= '9'))
			Quantifier();
		else
			Atom();
	}
	if (!open_.empty())
		RegexError("parentheses () not balanced");
	return out_;
}

/* ***= and ***: directors, then embedded options (ARE only). */
void Translator::Prefix()
{
	if (end_ - p_ >= 4 && strncmp(p_, "***", 3) == 0)
	{
		if (p_[3] == '=')
		{
			p_ += 4;
			options_ |= kRegexQuote;
			return;
		}
		if (p_[3] == ':')
			p_ += 4;
	}
	if ((options_ & kRegexQuote) != 0)
		return;
	if (end_ - p_ >= 3 && p_[0] == '(' && p_[1] == '?' && p_[2] != '#' && p_[2] != ':' &&
		p_[2] != '=' && p_[2] != '!' && p_[2] != '<')
	{
		p_ += 2;
		for (;;)
		{
			if (AtEnd())
				RegexError("invalid embedded option");
			char c = *p_++;
			if (c == ')')
				break;
			switch (c)
			{
				case 'b':
					options_ = (options_ & ~kRegexExtended) | kRegexBasic;
					break;
				case 'c':
					options_ &= ~kRegexIcase;
					break;
				case 'e':
					options_ = (options_ & ~kRegexBasic) | kRegexExtended;
					break;
				case 'i':
					options_ |= kRegexIcase;
					break;
				case 'm':
				case 'n':
					options_ |= kRegexNlStop | kRegexNlAnch;
					break;
				case 'p':
					options_ = (options_ | kRegexNlStop) & ~kRegexNlAnch;
					break;
				case 'q':
					options_ |= kRegexQuote;
					break;
				case 's':
					options_ &= ~(kRegexNlStop | kRegexNlAnch);
					break;
				case 't':
					options_ &= ~kRegexExpanded;
					break;
				case 'w':
					options_ = (options_ | kRegexNlAnch) & ~kRegexNlStop;
					break;
				case 'x':
					options_ |= kRegexExpanded;
					break;
				default:
					RegexError("invalid embedded option");
			}
		}
	}
}

void Translator::SkipExpandedSpace()
{
	while (!AtEnd())
	{
		char c = *p_;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
			p_++;
		else if (c == '#')
		{
			while (!AtEnd() && *p_ != '\n')
				p_++;
		}
		else
			break;
	}
}

void Translator::Quantifier()
{
	if (!can_quantify_)
		RegexError("quantifier operand invalid");
	char c = *p_++;
	if (c != '{')
		out_ += c;
	else
	{
		auto number = [this]() {
			int n = 0;
			bool any = false;
			while (!AtEnd() && *p_ >= '0' && *p_ <= '9')
			{
				n = n * 10 + (*p_ - '0');
				if (n > kMaxRepeat)
					n = kMaxRepeat + 1;
				p_++;
				any = true;
			}
			return any ? n : -1;
		};
		int lo = number();
		int hi = lo;
		if (!AtEnd() && *p_ == ',')
		{
			p_++;
			hi = number(); /* -1: no upper bound */
		}
		if (AtEnd() || *p_ != '}')
			RegexError("braces {} not balanced");
		p_++;
		if (lo > kMaxRepeat || hi > kMaxRepeat || (hi >= 0 && lo > hi))
			RegexError("invalid repetition count(s)");
		out_ += '{';
		out_ += std::to_string(lo);
		if (hi != lo)
		{
			out_ += ',';
			if (hi >= 0)
				out_ += std::to_string(hi);
		}
		out_ += '}';
	}
	if (!AtEnd() && *p_ == '?')
	{
		out_ += '?';
		p_++;
	}
	can_quantify_ = false;
}

void Translator::Atom()
{
	char c = *p_;
	switch (c)
	{
		case '(':
		{
			p_++;
			Group g{0, false};
			if (!AtEnd() && *p_ == '?')
			{
				const char *q = p_ + 1;
				if (q < end_ && *q == '#')
				{
					/* a comment */
					while (!AtEnd() && *p_ != ')')
						p_++;
					if (AtEnd())
						RegexError("parentheses () not balanced");
					p_++;
					return;
				}
				if (q < end_ && *q == ':')
				{
					out_ += "(?:";
					p_ += 2;
				}
				else if (q < end_ && (*q == '=' || *q == '!'))
				{
					out_ += "(?";
					out_ += *q;
					p_ += 2;
					g.lookaround = true;
				}
				else if (q + 1 < end_ && *q == '<' && (q[1] == '=' || q[1] == '!'))
				{
					out_ += "(?<";
					out_ += q[1];
					p_ += 3;
					g.lookaround = true;
				}
				else
					RegexError("quantifier operand invalid");
			}
			else if (lookaround_depth_ > 0)
				out_ += "(?:";
			else
			{
				g.number = ++groups_;
				closed_.push_back(false);
				out_ += '(';
			}
			if (g.lookaround)
				lookaround_depth_++;
			open_.push_back(g);
			can_quantify_ = false;
			return;
		}
		case ')':
		{
			p_++;
			if (open_.empty())
				RegexError("parentheses () not balanced");
			Group g = open_.back();
			open_.pop_back();
			if (g.number > 0)
				closed_[g.number] = true;
			if (g.lookaround)
				lookaround_depth_--;
			out_ += ')';
			can_quantify_ = !g.lookaround;
			return;
		}
		case '|':
			p_++;
			out_ += '|';
			can_quantify_ = false;
			return;
		case '^':
		case '$':
			p_++;
			out_ += c;
			can_quantify_ = false;
			return;
		case '.':
			p_++;
			out_ += (options_ & kRegexNlStop) != 0 ? "[^\\n]" : ".";
			can_quantify_ = true;
			return;
		case '[':
			if (end_ - p_ >= 7 && strncmp(p_, "[[:<:]]", 7) == 0)
			{
				p_ += 7;
				out_ += "\\b(?=\\w)";
				can_quantify_ = false;
				return;
			}
			if (end_ - p_ >= 7 && strncmp(p_, "[[:>:]]", 7) == 0)
			{
				p_ += 7;
				out_ += "\\b(?<=\\w)";
				can_quantify_ = false;
				return;
			}
			Bracket();
			can_quantify_ = true;
			return;
		case '\\':
			Escape();
			return;
		default:
			AppendLiteral(out_, NextChar());
			can_quantify_ = true;
			return;
	}
}

bool Translator::CharEscape(uint32 *cp)
{
	char c = *p_;
	switch (c)
	{
		case 'a':
			*cp = 0x07;
			break;
		case 'b':
			*cp = 0x08;
			break;
		case 'B':
			*cp = '\\';
			break;
		case 'e':
			*cp = 0x1B;
			break;
		case 'f':
			*cp = '\f';
			break;
		case 'n':
			*cp = '\n';
			break;
		case 'r':
			*cp = '\r';
			break;
		case 't':
			*cp = '\t';
			break;
		case 'v':
			*cp = '\v';
			break;
		case 'c':
			p_++;
			if (AtEnd())
				RegexError("invalid escape \\ sequence");
			*cp = static_cast<unsigned char>(*p_) & 0x1F;
			break;
		case 'u':
		case 'U':
		{
			int digits = c == 'u' ? 4 : 8;
			uint32 v = 0;
			for (int i = 1; i <= digits; i++)
			{
				if (p_ + i >= end_ || !IsHex(p_[i]))
					RegexError("invalid escape \\ sequence");
				v = v * 16 + HexValue(p_[i]);
			}
			if (v > kMaxCodePoint)
				RegexError("invalid escape \\ sequence");
			p_ += digits;
			*cp = v;
			break;
		}
		case 'x':
		{
			uint32 v = 0;
			int n = 0;
			while (p_ + 1 < end_ && IsHex(p_[1]))
			{
				v = v * 16 + HexValue(p_[1]);
				if (v > kMaxCodePoint)
					RegexError("invalid escape \\ sequence");
				p_++;
				n++;
			}
			if (n == 0)
				RegexError("invalid escape \\ sequence");
			*cp = v;
			break;
		}
		case '0':
		{
			uint32 v = 0;
			while (p_ + 1 < end_ && p_[1] >= '0' && p_[1] <= '7')
			{
				v = v * 8 + (p_[1] - '0');
				p_++;
			}
			*cp = v;
			break;
		}
		default:
			if (IsAsciiAlnum(c))
				return false;
			*cp = NextChar();
			return true;
	}
	p_++;
	return true;
}

void Translator::Escape()
{
	p_++;
	if (AtEnd())
		RegexError("invalid escape \\ sequence");
	char c = *p_;
	const char *constraint = nullptr;
	switch (c)
	{
		case 'A':
			constraint = "\\A";
			break;
		case 'Z':
			constraint = "\\z";
			break;
		case 'm':
			constraint = "\\b(?=\\w)";
			break;
		case 'M':
			constraint = "\\b(?<=\\w)";
			break;
		case 'y':
			constraint = "\\b";
			break;
		case 'Y':
			constraint = "\\B";
			break;
		case 'd':
		case 'D':
		case 's':
		case 'S':
		case 'w':
		case 'W':
			p_++;
			out_ += '\\';
			out_ += c;
			can_quantify_ = true;
			return;
		default:
			break;
	}
	if (constraint != nullptr)
	{
		p_++;
		out_ += constraint;
		can_quantify_ = false;
		return;
	}
	if (c >= '1' && c <= '9')
	{
		/* \N is a backreference; \NN.. one if that group exists so far,
		 * else an octal escape (ARE's rule) */
		const char *start = p_;
		int n = 0;
		while (!AtEnd() && *p_ >= '0' && *p_ <= '9' && n <= 999)
			n = n * 10 + (*p_++ - '0');
		bool single = p_ - start == 1;
		if (single || n <= groups_)
		{
			if (n > groups_ || !closed_[n] || lookaround_depth_ > 0)
				RegexError("invalid backreference number");
			out_ += "(?:\\";
			out_ += std::to_string(n);
			out_ += ')';
			can_quantify_ = true;
			return;
		}
		p_ = start;
		uint32 v = 0;
		while (!AtEnd() && *p_ >= '0' && *p_ <= '7')
			v = v * 8 + (*p_++ - '0');
		if (p_ == start)
			RegexError("invalid escape \\ sequence");
		AppendLiteral(out_, v);
		can_quantify_ = true;
		return;
	}
	uint32 cp;
	if (!CharEscape(&cp))
		RegexError("invalid escape \\ sequence");
	AppendLiteral(out_, cp);
	can_quantify_ = true;
}

/* A bracket expression, written out as a PCRE2 class of escaped members. */
void Translator::Bracket()
{
	static const char *const kClasses[] = {"alnum", "alpha", "ascii", "blank", "cntrl",
										   "digit", "graph", "lower", "print", "punct",
										   "space", "upper", "word",  "xdigit"};
	p_++;
	std::string cls = "[";
	bool negated = false;
	if (!AtEnd() && *p_ == '^')
	{
		negated = true;
		cls += '^';
		p_++;
	}
	bool first = true;
	/* the previous member, a single character that may start a range */
	int64 prev = -1;
	for (;;)
	{
		if (AtEnd())
			RegexError("brackets [] not balanced");
		char c = *p_;
		if (c == ']' && !first)
		{
			p_++;
			break;
		}
		first = false;
		int64 member = -1; /* a single character, or -1 for a class */
		if (c == '[' && p_ + 1 < end_ && (p_[1] == ':' || p_[1] == '.' || p_[1] == '='))
		{
			char kind = p_[1];
			const char *name = p_ + 2;
			const char *q = name;
			while (q + 1 < end_ && !(q[0] == kind && q[1] == ']'))
				q++;
			if (q + 1 >= end_)
				RegexError("brackets [] not balanced");
			std::string word(name, q);
			p_ = q + 2;
			if (kind == ':')
			{
				bool known = false;
				for (const char *k : kClasses)
					known = known || word == k;
				if (!known)
					RegexError("invalid character class");
				cls += "[:" + word + ":]";
			}
			else
			{
				int wl = static_cast<int>(word.size());
				if (wl == 0 || Utf8CharLen(static_cast<unsigned char>(word[0])) != wl)
					RegexError("invalid collating element");
				member = Utf8Decode(word.data(), wl);
			}
		}
		else if (c == '\\')
		{
			p_++;
			if (AtEnd())
				RegexError("brackets [] not balanced");
			char e = *p_;
			if (e == 'd' || e == 's' || e == 'w' || e == 'D' || e == 'S' || e == 'W')
			{
				p_++;
				cls += '\\';
				cls += e;
			}
			else
			{
				uint32 cp;
				if (!CharEscape(&cp))
					RegexError("invalid escape \\ sequence");
				member = cp;
			}
		}
		else if (c == '-' && prev >= 0 && p_ + 1 < end_ && p_[1] != ']')
		{
			/* a range prev-hi */
			p_++;
			int64 hi;
			if (*p_ == '\\')
			{
				p_++;
				uint32 cp;
				if (AtEnd() || !CharEscape(&cp))
					RegexError("invalid character range");
				hi = cp;
			}
			else if (*p_ == '[' && p_ + 1 < end_ && (p_[1] == '.' || p_[1] == '='))
				RegexError("invalid character range");
			else
				hi = NextChar();
			if (hi < prev)
				RegexError("invalid character range");
			cls += '-';
			AppendLiteral(cls, static_cast<uint32>(hi));
			prev = -1;
			continue;
		}
		else
			member = NextChar();
		if (member >= 0)
			AppendLiteral(cls, static_cast<uint32>(member));
		prev = member;
	}
	if (negated && (options_ & kRegexNlStop) != 0)
		cls += "\\n";
	cls += ']';
	out_ += cls;
}

struct CodeDeleter
{
	void operator()(pcre2_code *c) const { pcre2_code_free(c); }
};
struct MatchDataDeleter
{
	void operator()(pcre2_match_data *m) const { pcre2_match_data_free(m); }
};

class Pcre2Regex final : public Regex
{
  public:
	Pcre2Regex(std::string source, uint32 options, pcre2_code *code)
		: source_(std::move(source)), options_(options), code_(code),
		  match_(pcre2_match_data_create_from_pattern(code, nullptr))
	{
		uint32 n = 0;
		pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &n);
		groups_ = static_cast<int>(n);
		if (match_ == nullptr)
			ereport(ERROR, errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory"));
	}

	bool Is(const char *pattern, int len, uint32 options) const
	{
		return options == options_ && source_.size() == static_cast<size_t>(len) &&
			memcmp(source_.data(), pattern, len) == 0;
	}

	bool Match(const char *subject, int len, int start, int *offsets) const override
	{
		int rc = pcre2_match(code_.get(), reinterpret_cast<PCRE2_SPTR>(subject), len, start,
							 PCRE2_NO_UTF_CHECK, match_.get(), nullptr);
		if (rc == PCRE2_ERROR_NOMATCH)
			return false;
		if (rc < 0)
		{
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(rc, msg, sizeof(msg));
			ereport(ERROR, errcode(ERRCODE_INVALID_REGULAR_EXPRESSION),
					errmsg("regular expression failed: %s", reinterpret_cast<char *>(msg)));
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(match_.get());
		for (int i = 0; i <= groups_; i++)
		{
			bool set = i < rc && ov[2 * i] != PCRE2_UNSET;
			offsets[2 * i] = set ? static_cast<int>(ov[2 * i]) : -1;
			offsets[2 * i + 1] = set ? static_cast<int>(ov[2 * i + 1]) : -1;
		}
		return true;
	}

	int Groups() const override { return groups_; }

  private:
	std::string source_;
	uint32 options_;
	std::unique_ptr<pcre2_code, CodeDeleter> code_;
	std::unique_ptr<pcre2_match_data, MatchDataDeleter> match_;
	int groups_ = 0;
};

/* Most recently used first. */
std::vector<std::unique_ptr<Pcre2Regex>> &Cache()
{
	static std::vector<std::unique_ptr<Pcre2Regex>> cache;
	return cache;
}

}  // namespace

RegexFlags ParseRegexFlags(const char *flags, int len)
{
	RegexFlags result;
	for (int i = 0; i < len; i++)
	{
		switch (flags[i])
		{
			case 'g':
				result.glob = true;
				break;
			case 'b':
				result.options = (result.options & ~kRegexExtended) | kRegexBasic;
				break;
			case 'c':
				result.options &= ~kRegexIcase;
				break;
			case 'e':
				result.options = (result.options & ~kRegexBasic) | kRegexExtended;
				break;
			case 'i':
				result.options |= kRegexIcase;
				break;
			case 'm':
			case 'n':
				result.options |= kRegexNlStop | kRegexNlAnch;
				break;
			case 'p':
				result.options = (result.options | kRegexNlStop) & ~kRegexNlAnch;
				break;
			case 'q':
				result.options |= kRegexQuote;
				break;
			case 's':
				result.options &= ~(kRegexNlStop | kRegexNlAnch);
				break;
			case 't':
				result.options &= ~kRegexExpanded;
				break;
			case 'w':
				result.options = (result.options | kRegexNlAnch) & ~kRegexNlStop;
				break;
			case 'x':
				result.options |= kRegexExpanded;
				break;
			default:
				ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("invalid regular expression option: \"%.*s\"",
							   Min(Utf8CharLen(static_cast<unsigned char>(flags[i])), len - i),
							   flags + i));
		}
	}
	return result;
}

const Regex &RegexCompile(const char *pattern, int len, uint32 options)
{
	auto &cache = Cache();
	for (size_t i = 0; i < cache.size(); i++)
	{
		if (cache[i]->Is(pattern, len, options))
		{
			if (i > 0)
				std::rotate(cache.begin(), cache.begin() + static_cast<long>(i),
							cache.begin() + static_cast<long>(i) + 1);
			return *cache.front();
		}
	}
	Translator translator(pattern, len, options);
	std::string translated = translator.Run();
	uint32 effective = translator.Options();
	uint32 pcre_options = PCRE2_UTF | PCRE2_NO_UTF_CHECK;
	if ((effective & kRegexIcase) != 0)
		pcre_options |= PCRE2_CASELESS;
	if ((effective & kRegexNlAnch) != 0)
		pcre_options |= PCRE2_MULTILINE | PCRE2_ALT_CIRCUMFLEX;
	else
		pcre_options |= PCRE2_DOLLAR_ENDONLY;
	if ((effective & kRegexNlStop) == 0)
		pcre_options |= PCRE2_DOTALL;
	int errorcode = 0;
	PCRE2_SIZE erroroffset = 0;
	pcre2_code *code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(translated.data()),
									 translated.size(), pcre_options, &errorcode, &erroroffset,
									 nullptr);
	if (code == nullptr)
	{
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errorcode, msg, sizeof(msg));
		RegexError(reinterpret_cast<char *>(msg));
	}
	auto entry = std::make_unique<Pcre2Regex>(std::string(pattern, len), options, code);
	if (cache.size() >= kMaxCachedRegexes)
		cache.pop_back();
	cache.insert(cache.begin(), std::move(entry));
	return *cache.front();
}

}  // namespace tusk::adt
