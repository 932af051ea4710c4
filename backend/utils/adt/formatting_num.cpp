/*
 * formatting_num.cpp — to_char for numbers (numeric, integer, bigint,
 * real, double precision) and to_number, with PostgreSQL's template
 * language: 9 0 . , D G S MI PL SG PR FM B L V EEEE RN rn TH th, quoted
 * text and other characters copied.
 *
 * A template is first parsed into nodes and a description of the number
 * it lays out (digits before and after the decimal point, which sign
 * style, fill mode, V's multiplier, …), with PostgreSQL's errors for
 * contradictory patterns (42601 "multiple decimal points", "cannot use
 * \"S\" twice", …).  to_char then renders the value's digits (rounded to
 * the template's decimals; '#'s when the integer part does not fit) and
 * walks the nodes, placing the sign, blanks, zeros, separators and
 * digits as PostgreSQL's NUM_processor does, so the output matches it
 * byte for byte.  to_number walks the same nodes over the input,
 * collecting the digits, the decimal point and the sign, and reads the
 * result as numeric(precision, scale) of the template.
 *
 * The server's locale is C: D is ".", G ",", L a blank, S "+"/"-".
 *
 * Principal entry points: numeric_to_char, int4_to_char, int8_to_char,
 * float4_to_char, float8_to_char, numeric_to_number.
 */
#include "postgres.h"

#include <ctype.h>
#include <float.h>
#include <math.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "adt_internal.h"
#include "adt_utf8.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

using tusk::adt::ReportOutOfRange;
using tusk::adt::Utf8CharLen;

namespace {

enum class Key
{
	kComma,
	kDec,
	k0,
	k9,
	kB,
	kC,
	kD,
	kE,
	kFM,
	kG,
	kL,
	kMI,
	kPL,
	kPR,
	kRN,
	krn,
	kSG,
	kSP,
	kS,
	kTH,
	kth,
	kV,
};

struct Keyword
{
	const char *name;
	Key key;
};

/* Longer names before their prefixes ("SG" before "S"). */
constexpr Keyword kKeywords[] = {
	{",", Key::kComma}, {".", Key::kDec}, {"0", Key::k0},	 {"9", Key::k9},	{"B", Key::kB},
	{"C", Key::kC},		{"D", Key::kD},	  {"EEEE", Key::kE}, {"FM", Key::kFM},	{"G", Key::kG},
	{"L", Key::kL},		{"MI", Key::kMI}, {"PL", Key::kPL},	 {"PR", Key::kPR},	{"RN", Key::kRN},
	{"SG", Key::kSG},	{"SP", Key::kSP}, {"S", Key::kS},	 {"TH", Key::kTH},	{"V", Key::kV},
	{"b", Key::kB},		{"c", Key::kC},	  {"d", Key::kD},	 {"eeee", Key::kE}, {"fm", Key::kFM},
	{"g", Key::kG},		{"l", Key::kL},	  {"mi", Key::kMI},	 {"pl", Key::kPL},	{"pr", Key::kPR},
	{"rn", Key::krn},	{"sg", Key::kSG}, {"sp", Key::kSP},	 {"s", Key::kS},	{"th", Key::kth},
	{"v", Key::kV},
};

struct TemplateNode
{
	bool action;
	Key key;		  /* action */
	std::string text; /* otherwise: the character(s) copied */
};

enum Flag : unsigned
{
	kDecimal = 1u << 1,
	kLDecimal = 1u << 2,
	kZero = 1u << 3,
	kBlank = 1u << 4,
	kFillMode = 1u << 5,
	kLSign = 1u << 6,
	kBracket = 1u << 7,
	kMinus = 1u << 8,
	kPlus = 1u << 9,
	kRoman = 1u << 10,
	kMulti = 1u << 11,
	kPlusPost = 1u << 12,
	kMinusPost = 1u << 13,
	kEEEE = 1u << 14,
};

enum class LSign
{
	kNone,
	kPre,
	kPost,
};

/* What the template says about the number. */
struct NumDesc
{
	int pre = 0;  /* digits before the decimal point */
	int post = 0; /* digits after it */
	LSign lsign = LSign::kNone;
	unsigned flag = 0;
	int pre_lsign_num = 0; /* digits before S when S comes first */
	int multi = 0;		   /* V's power of ten */
	int zero_start = 0;	   /* the first 0 (1-based), 0: none */
	int zero_end = 0;

	bool Is(unsigned f) const { return (flag & f) != 0; }
};

[[noreturn]] void TemplateError(const char *msg)
{
	ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("%s", msg));
	pg_unreachable();
}

/* Accounts for one pattern in the description (PostgreSQL's
 * NUMDesc_prepare), with its errors. */
void Describe(NumDesc *num, Key key)
{
	if (num->Is(kEEEE) && key != Key::kE)
		TemplateError("\"EEEE\" must be the last pattern used");
	switch (key)
	{
		case Key::k9:
			if (num->Is(kBracket))
				TemplateError("\"9\" must be ahead of \"PR\"");
			if (num->Is(kMulti))
				++num->multi;
			else if (num->Is(kDecimal))
				++num->post;
			else
				++num->pre;
			break;
		case Key::k0:
			if (num->Is(kBracket))
				TemplateError("\"0\" must be ahead of \"PR\"");
			if (!num->Is(kZero) && !num->Is(kDecimal))
			{
				num->flag |= kZero;
				num->zero_start = num->pre + 1;
			}
			if (!num->Is(kDecimal))
				++num->pre;
			else
				++num->post;
			num->zero_end = num->pre + num->post;
			break;
		case Key::kB:
			if (num->pre == 0 && num->post == 0 && !num->Is(kZero))
				num->flag |= kBlank;
			break;
		case Key::kD:
			num->flag |= kLDecimal;
			[[fallthrough]];
		case Key::kDec:
			if (num->Is(kDecimal))
				TemplateError("multiple decimal points");
			if (num->Is(kMulti))
				TemplateError("cannot use \"V\" and decimal point together");
			num->flag |= kDecimal;
			break;
		case Key::kFM:
			num->flag |= kFillMode;
			break;
		case Key::kS:
			if (num->Is(kLSign))
				TemplateError("cannot use \"S\" twice");
			if (num->Is(kPlus) || num->Is(kMinus) || num->Is(kBracket))
				TemplateError("cannot use \"S\" and \"PL\"/\"MI\"/\"SG\"/\"PR\" together");
			if (!num->Is(kDecimal))
			{
				num->lsign = LSign::kPre;
				num->pre_lsign_num = num->pre;
				num->flag |= kLSign;
			}
			else if (num->lsign == LSign::kNone)
			{
				num->lsign = LSign::kPost;
				num->flag |= kLSign;
			}
			break;
		case Key::kMI:
			if (num->Is(kLSign))
				TemplateError("cannot use \"S\" and \"MI\" together");
			num->flag |= kMinus;
			if (num->Is(kDecimal))
				num->flag |= kMinusPost;
			break;
		case Key::kPL:
			if (num->Is(kLSign))
				TemplateError("cannot use \"S\" and \"PL\" together");
			num->flag |= kPlus;
			if (num->Is(kDecimal))
				num->flag |= kPlusPost;
			break;
		case Key::kSG:
			if (num->Is(kLSign))
				TemplateError("cannot use \"S\" and \"SG\" together");
			num->flag |= kMinus | kPlus;
			break;
		case Key::kPR:
			if (num->Is(kLSign) || num->Is(kPlus) || num->Is(kMinus))
				TemplateError("cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together");
			num->flag |= kBracket;
			break;
		case Key::kRN:
		case Key::krn:
			num->flag |= kRoman;
			break;
		case Key::kV:
			if (num->Is(kDecimal))
				TemplateError("cannot use \"V\" and decimal point together");
			num->flag |= kMulti;
			break;
		case Key::kE:
			if (num->Is(kEEEE))
				TemplateError("cannot use \"EEEE\" twice");
			if (num->Is(kBlank) || num->Is(kFillMode) || num->Is(kLSign) || num->Is(kBracket) ||
				num->Is(kMinus) || num->Is(kPlus) || num->Is(kRoman) || num->Is(kMulti))
				ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
						errmsg("\"EEEE\" is incompatible with other formats"),
						errdetail("\"EEEE\" may only be used together with digit and decimal "
								  "point patterns."));
			num->flag |= kEEEE;
			break;
		default:
			break;
	}
}

/* The template's nodes; *num describes the number. */
std::vector<TemplateNode> ParseTemplate(std::string_view fmt, NumDesc *num)
{
	std::vector<TemplateNode> nodes;
	size_t i = 0;
	const char *end = fmt.data() + fmt.size();
	auto char_len = [&](size_t at) {
		return std::min<size_t>(Utf8CharLen(static_cast<unsigned char>(fmt[at])),
								static_cast<size_t>(end - (fmt.data() + at)));
	};
	while (i < fmt.size())
	{
		const Keyword *found = nullptr;
		for (const Keyword &k : kKeywords)
		{
			size_t len = strlen(k.name);
			if (fmt.compare(i, len, k.name) == 0)
			{
				found = &k;
				break;
			}
		}
		if (found != nullptr)
		{
			nodes.push_back(TemplateNode{true, found->key, {}});
			Describe(num, found->key);
			i += strlen(found->name);
			continue;
		}
		if (fmt[i] == '"')
		{
			/* quoted text, a backslash quoting the next character */
			i++;
			while (i < fmt.size())
			{
				if (fmt[i] == '"')
				{
					i++;
					break;
				}
				if (fmt[i] == '\\' && i + 1 < fmt.size())
					i++;
				size_t len = char_len(i);
				nodes.push_back(TemplateNode{false, Key::kC, std::string(fmt.substr(i, len))});
				i += len;
			}
			continue;
		}
		/* outside quotes a backslash only escapes a double quote */
		if (fmt[i] == '\\' && i + 1 < fmt.size() && fmt[i + 1] == '"')
			i++;
		size_t len = char_len(i);
		nodes.push_back(TemplateNode{false, Key::kC, std::string(fmt.substr(i, len))});
		i += len;
	}
	return nodes;
}

constexpr const char *kRoman1[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
constexpr const char *kRoman10[] = {"X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
constexpr const char *kRoman100[] = {"C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
/* what RN prints for a number outside 1..3999 */
constexpr int kRomanWidth = 15;

std::string ToRoman(int number)
{
	if (number > 3999 || number < 1)
		return std::string(kRomanWidth, '#');
	std::string result(number / 1000, 'M');
	int hundreds = number / 100 % 10;
	int tens = number / 10 % 10;
	int ones = number % 10;
	if (hundreds > 0)
		result += kRoman100[hundreds - 1];
	if (tens > 0)
		result += kRoman10[tens - 1];
	if (ones > 0)
		result += kRoman1[ones - 1];
	return result;
}

/* The ordinal suffix of the number whose digits are num. */
const char *OrdinalSuffix(const std::string &num, bool upper)
{
	char last = num.empty() ? '\0' : num.back();
	if (!isdigit(static_cast<unsigned char>(last)))
		ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("\"%s\" is not a number", num.c_str()));
	if (num.size() > 1 && num[num.size() - 2] == '1')
		last = '0'; /* 11th, 12th, 13th */
	switch (last)
	{
		case '1':
			return upper ? "ST" : "st";
		case '2':
			return upper ? "ND" : "nd";
		case '3':
			return upper ? "RD" : "rd";
		default:
			return upper ? "TH" : "th";
	}
}

/* to_char's walk over the nodes (PostgreSQL's NUM_processor for output). */
class NumToChar
{
  public:
	NumToChar(NumDesc num, std::string number, int out_pre_spaces, char sign)
		: num_(num), number_(std::move(number)), out_pre_spaces_(out_pre_spaces), sign_(sign)
	{}

	std::string Run(const std::vector<TemplateNode> &nodes)
	{
		if (num_.zero_start > 0)
			--num_.zero_start;
		if (num_.Is(kEEEE))
			return number_;
		if (num_.Is(kRoman))
		{
			num_.lsign = LSign::kNone;
			num_.pre_lsign_num = num_.post = num_.pre = out_pre_spaces_ = 0;
			sign_ = 0;
			num_.flag = (num_.Is(kFillMode) ? unsigned{kFillMode} : 0u) | kRoman;
		}
		if (num_.Is(kPlus) || num_.Is(kMinus))
			/* MI/PL/SG write the sign themselves, except PL alone */
			sign_wrote_ = !(num_.Is(kPlus) && !num_.Is(kMinus));
		else
		{
			if (sign_ != '-')
			{
				if (num_.Is(kBracket) && num_.Is(kFillMode))
					num_.flag &= ~kBracket;
				if (num_.Is(kMinus))
					num_.flag &= ~kMinus;
			}
			else if (sign_ != '+' && num_.Is(kPlus))
				num_.flag &= ~kPlus;
			sign_wrote_ = sign_ == '+' && num_.Is(kFillMode) && !num_.Is(kLSign);
			if (num_.lsign == LSign::kPre && num_.pre == num_.pre_lsign_num)
				num_.lsign = LSign::kPost;
		}
		num_count_ = num_.post + num_.pre - 1;
		if (num_.Is(kFillMode) && num_.Is(kDecimal))
		{
			last_relevant_ = LastRelevantDecimal();
			if (last_relevant_ >= 0 && num_.zero_end > out_pre_spaces_)
			{
				/* keep the digits 0 asks for, within the digits there are */
				int last_zero = std::min(static_cast<int>(number_.size()) - 1,
										 num_.zero_end - out_pre_spaces_);
				if (last_relevant_ < last_zero)
					last_relevant_ = last_zero;
			}
		}
		if (!sign_wrote_ && out_pre_spaces_ == 0)
			++num_count_;

		for (const TemplateNode &n : nodes)
		{
			if (!n.action)
			{
				out_ += n.text;
				continue;
			}
			switch (n.key)
			{
				case Key::k9:
				case Key::k0:
				case Key::kDec:
				case Key::kD:
					NumPart(n.key);
					break;
				case Key::kComma:
				case Key::kG:
					if (num_in_)
						out_ += ',';
					else if (!num_.Is(kFillMode))
						out_ += ' ';
					break;
				case Key::kL:
					out_ += ' ';
					break;
				case Key::kRN:
				case Key::krn:
				{
					std::string roman = number_.substr(number_p_);
					if (n.key == Key::krn)
						for (char &c : roman)
							c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
					if (!num_.Is(kFillMode) && roman.size() < kRomanWidth)
						out_.append(kRomanWidth - roman.size(), ' ');
					out_ += roman;
					break;
				}
				case Key::kTH:
				case Key::kth:
					if (num_.Is(kRoman) || (!number_.empty() && number_[0] == '#') ||
						sign_ == '-' || num_.Is(kDecimal))
						break;
					out_ += OrdinalSuffix(number_, n.key == Key::kTH);
					break;
				case Key::kMI:
					if (sign_ == '-')
						out_ += '-';
					else if (!num_.Is(kFillMode))
						out_ += ' ';
					break;
				case Key::kPL:
					if (sign_ == '+')
						out_ += '+';
					else if (!num_.Is(kFillMode))
						out_ += ' ';
					break;
				case Key::kSG:
					/* (no sign at all, as with RN, ends the output there) */
					if (sign_ == 0)
						return out_;
					out_ += sign_;
					break;
				default:
					break;
			}
		}
		return out_;
	}

  private:
	/* The position of the last significant decimal ("12.0500": the 5,
	 * "12.000": the point), -1 without a decimal point. */
	int LastRelevantDecimal() const
	{
		size_t point = number_.find('.');
		if (point == std::string::npos)
			return -1;
		int result = static_cast<int>(point);
		for (size_t i = point + 1; i < number_.size(); i++)
			if (number_[i] != '0')
				result = static_cast<int>(i);
		return result;
	}

	char CurrentChar() const { return number_p_ < number_.size() ? number_[number_p_] : '\0'; }

	/* "0.1" under 9.9 prints " .1": a leading zero before decimals. */
	bool PreDecimalSpace() const
	{
		return !num_.Is(kZero) && number_p_ == 0 && !number_.empty() && number_[0] == '0' &&
			num_.post != 0;
	}

	bool LastRelevantIsPoint() const
	{
		return last_relevant_ >= 0 && number_[last_relevant_] == '.';
	}

	void NumPart(Key id)
	{
		if (num_.Is(kRoman))
			return;
		num_in_ = false;
		/* the sign goes before the first digit that is printed */
		if (!sign_wrote_ &&
			(num_curr_ >= out_pre_spaces_ || (num_.Is(kZero) && num_.zero_start == num_curr_)) &&
			(!PreDecimalSpace() || LastRelevantIsPoint()))
		{
			if (num_.Is(kLSign))
			{
				if (num_.lsign == LSign::kPre)
				{
					out_ += sign_ == '-' ? '-' : '+';
					sign_wrote_ = true;
				}
			}
			else if (num_.Is(kBracket))
			{
				out_ += sign_ == '+' ? ' ' : '<';
				sign_wrote_ = true;
			}
			else if (sign_ == '+')
			{
				if (!num_.Is(kFillMode))
					out_ += ' ';
				sign_wrote_ = true;
			}
			else if (sign_ == '-')
			{
				out_ += '-';
				sign_wrote_ = true;
			}
		}

		if (num_curr_ < out_pre_spaces_ && (num_.zero_start > num_curr_ || !num_.Is(kZero)))
		{
			if (!num_.Is(kFillMode))
				out_ += ' ';
		}
		else if (num_.Is(kZero) && num_curr_ < out_pre_spaces_ && num_.zero_start <= num_curr_)
		{
			out_ += '0';
			num_in_ = true;
		}
		else
		{
			if (CurrentChar() == '.')
				out_ += '.';
			else if (last_relevant_ >= 0 && static_cast<int>(number_p_) > last_relevant_ &&
					 id != Key::k0)
			{
				/* FM: trailing decimal zeros are dropped */
			}
			else if (PreDecimalSpace())
			{
				if (!num_.Is(kFillMode))
					out_ += ' ';
				else if (LastRelevantIsPoint())
					out_ += '0';
			}
			else
			{
				out_ += CurrentChar();
				num_in_ = true;
			}
			if (number_p_ < number_.size())
				++number_p_;
		}

		int end = num_count_ + (out_pre_spaces_ ? 1 : 0) + (num_.Is(kDecimal) ? 1 : 0);
		if (last_relevant_ >= 0 && last_relevant_ == static_cast<int>(number_p_))
			end = num_curr_;
		if (num_curr_ + 1 == end)
		{
			if (sign_wrote_ && num_.Is(kBracket))
				out_ += sign_ == '+' ? ' ' : '>';
			else if (num_.Is(kLSign) && num_.lsign == LSign::kPost)
				out_ += sign_ == '-' ? '-' : '+';
		}
		++num_curr_;
	}

	NumDesc num_;
	std::string number_;
	size_t number_p_ = 0;
	int out_pre_spaces_;
	char sign_;
	bool sign_wrote_ = false;
	bool num_in_ = false;
	int num_curr_ = 0;
	int num_count_ = 0;
	int last_relevant_ = -1;
	std::string out_;
};

/* The parsed template of a to_char call; empty when the template is. */
struct Template
{
	std::vector<TemplateNode> nodes;
	NumDesc num;
};

Template GetTemplate(FunctionCallInfo fcinfo)
{
	text *fmt = PG_GETARG_TEXT_PP(1);
	Template t;
	t.nodes = ParseTemplate(std::string_view(VARDATA_ANY(fmt), VARSIZE_ANY_EXHDR(fmt)), &t.num);
	return t;
}

text *Finish(const Template &t, std::string number, int out_pre_spaces, char sign)
{
	std::string out = NumToChar(t.num, std::move(number), out_pre_spaces, sign).Run(t.nodes);
	return cstring_to_text_with_len(out.data(), static_cast<int>(out.size()));
}

/* Splits off the sign of a printed number. */
char TakeSign(std::string *s)
{
	if (!s->empty() && (*s)[0] == '-')
	{
		s->erase(0, 1);
		return '-';
	}
	return '+';
}

int IntegerDigits(const std::string &s)
{
	size_t point = s.find('.');
	return static_cast<int>(point == std::string::npos ? s.size() : point);
}

/* What a number that does not fit prints: '#' for every digit, with
 * the decimal point in its place. */
std::string Overflowed(const NumDesc &num)
{
	std::string s(num.pre + num.post + 1, '#');
	s[num.pre] = '.';
	return s;
}

/* The same for EEEE (NaN and the infinities). */
std::string OverflowedSci(const NumDesc &num)
{
	std::string s(num.pre + num.post + 6, '#');
	s[0] = ' ';
	s[num.pre + 1] = '.';
	return s;
}

/* The printed digits laid out for num: *out_pre_spaces blanks before
 * them, or all '#' when the integer part does not fit. */
std::string FitDigits(std::string digits, const NumDesc &num, int *out_pre_spaces)
{
	int pre_len = IntegerDigits(digits);
	if (pre_len < num.pre)
		*out_pre_spaces = num.pre - pre_len;
	else if (pre_len > num.pre)
		return Overflowed(num);
	return digits;
}

/* Integers: the digits with post zeros after a point. */
std::string IntegerNumber(std::string digits, const NumDesc &num, int *out_pre_spaces)
{
	int pre_len = static_cast<int>(digits.size());
	if (num.post > 0)
	{
		digits += '.';
		digits.append(num.post, '0');
	}
	if (pre_len < num.pre)
		*out_pre_spaces = num.pre - pre_len;
	else if (pre_len > num.pre)
		return Overflowed(num);
	return digits;
}

/* printf("%+.*e") with PostgreSQL's spelling of the infinities and NaN,
 * a leading '+' turned into a blank. */
std::string Scientific(double value, int post)
{
	char buf[512];
	snprintf(buf, sizeof(buf), "%+.*e", post, value);
	if (buf[0] == '+')
		buf[0] = ' ';
	return buf;
}

/* printf's %.*f, with PostgreSQL's spelling of the specials. */
std::string Fixed(double value, int post)
{
	if (std::isnan(value))
		return "NaN";
	if (std::isinf(value))
		return value < 0 ? "-Infinity" : "Infinity";
	int len = snprintf(nullptr, 0, "%.*f", post, value);
	std::string s(len, '\0');
	snprintf(s.data(), len + 1, "%.*f", post, value);
	return s;
}

/* The float cases: at most digits significant digits are printed;
 * V's multiplication is done in the argument's own type. */
template <typename T>
text *FloatToChar(FunctionCallInfo fcinfo, T value, int digits)
{
	Template t = GetTemplate(fcinfo);
	if (t.nodes.empty())
		return cstring_to_text("");
	int out_pre_spaces = 0;
	char sign = 0;
	std::string number;
	if (t.num.Is(kRoman))
		number = ToRoman(static_cast<int>(rint(value)));
	else if (t.num.Is(kEEEE))
	{
		if (std::isnan(value) || std::isinf(value))
			number = OverflowedSci(t.num);
		else
			number = Scientific(value, t.num.post);
	}
	else
	{
		T val = value;
		if (t.num.Is(kMulti))
		{
			val = value * static_cast<T>(pow(10.0, t.num.multi));
			t.num.pre += t.num.multi;
		}
		int pre_len = static_cast<int>(Fixed(fabs(val), 0).size());
		if (pre_len >= digits)
			t.num.post = 0;
		else if (pre_len + t.num.post > digits)
			t.num.post = digits - pre_len;
		number = Fixed(val, t.num.post);
		sign = TakeSign(&number);
		number = FitDigits(number, t.num, &out_pre_spaces);
	}
	return Finish(t, number, out_pre_spaces, sign);
}

/* A scientific form with a blank in front where a minus sign would be. */
std::string SignPlace(const std::string &sci)
{
	if (!sci.empty() && sci[0] == '-')
		return sci;
	std::string s(1, ' ');
	s += sci;
	return s;
}

std::string NumericOut(Datum n)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out, n));
}

Datum PowerOfTen(int exponent)
{
	return DirectFunctionCall2(numeric_power, NumericGetDatum(int64_to_numeric(10)),
							   NumericGetDatum(int64_to_numeric(exponent)));
}

}  // namespace

Datum numeric_to_char(PG_FUNCTION_ARGS)
{
	Datum value = PG_GETARG_DATUM(0);
	Template t = GetTemplate(fcinfo);
	if (t.nodes.empty())
		PG_RETURN_TEXT_P(cstring_to_text(""));
	int out_pre_spaces = 0;
	char sign = 0;
	std::string number;
	if (t.num.Is(kRoman))
	{
		Datum rounded = DirectFunctionCall2(numeric_round, value, Int32GetDatum(0));
		number = ToRoman(DatumGetInt32(DirectFunctionCall1(numeric_int4, rounded)));
	}
	else if (t.num.Is(kEEEE))
	{
		std::string sci = numeric_out_sci(DatumGetNumeric(value), t.num.post);
		if (sci == "NaN" || sci == "Infinity" || sci == "-Infinity")
			number = OverflowedSci(t.num);
		else
			number = SignPlace(sci);
	}
	else
	{
		Datum val = value;
		if (t.num.Is(kMulti))
		{
			val = DirectFunctionCall2(numeric_mul, value, PowerOfTen(t.num.multi));
			t.num.pre += t.num.multi;
		}
		number = NumericOut(DirectFunctionCall2(numeric_round, val, Int32GetDatum(t.num.post)));
		sign = TakeSign(&number);
		number = FitDigits(number, t.num, &out_pre_spaces);
	}
	PG_RETURN_TEXT_P(Finish(t, number, out_pre_spaces, sign));
}

Datum int4_to_char(PG_FUNCTION_ARGS)
{
	int32 value = PG_GETARG_INT32(0);
	Template t = GetTemplate(fcinfo);
	if (t.nodes.empty())
		PG_RETURN_TEXT_P(cstring_to_text(""));
	int out_pre_spaces = 0;
	char sign = 0;
	std::string number;
	if (t.num.Is(kRoman))
		number = ToRoman(value);
	else if (t.num.Is(kEEEE))
		number = Scientific(static_cast<double>(value), t.num.post);
	else
	{
		int32 val = value;
		if (t.num.Is(kMulti))
		{
			/* (wraps around on overflow, as PostgreSQL's does) */
			auto factor = static_cast<int32>(pow(10.0, t.num.multi));
			val = static_cast<int32>(static_cast<uint32>(value) * static_cast<uint32>(factor));
			t.num.pre += t.num.multi;
		}
		number = std::to_string(val);
		sign = TakeSign(&number);
		number = IntegerNumber(number, t.num, &out_pre_spaces);
	}
	PG_RETURN_TEXT_P(Finish(t, number, out_pre_spaces, sign));
}

Datum int8_to_char(PG_FUNCTION_ARGS)
{
	int64 value = PG_GETARG_INT64(0);
	Template t = GetTemplate(fcinfo);
	if (t.nodes.empty())
		PG_RETURN_TEXT_P(cstring_to_text(""));
	int out_pre_spaces = 0;
	char sign = 0;
	std::string number;
	if (t.num.Is(kRoman))
	{
		if (value < std::numeric_limits<int32>::min() || value > std::numeric_limits<int32>::max())
			ReportOutOfRange("integer");
		number = ToRoman(static_cast<int32>(value));
	}
	else if (t.num.Is(kEEEE))
	{
		std::string sci = numeric_out_sci(int64_to_numeric(value), t.num.post);
		number = SignPlace(sci);
	}
	else
	{
		if (t.num.Is(kMulti))
		{
			double multi = pow(10.0, t.num.multi);
			if (!(multi < 9223372036854775808.0))
				ReportOutOfRange("bigint");
			if (__builtin_mul_overflow(value, static_cast<int64>(multi), &value))
				ReportOutOfRange("bigint");
			t.num.pre += t.num.multi;
		}
		number = std::to_string(value);
		sign = TakeSign(&number);
		number = IntegerNumber(number, t.num, &out_pre_spaces);
	}
	PG_RETURN_TEXT_P(Finish(t, number, out_pre_spaces, sign));
}

Datum float4_to_char(PG_FUNCTION_ARGS)
{
	float4 value = PG_GETARG_FLOAT4(0);
	PG_RETURN_TEXT_P(FloatToChar<float4>(fcinfo, value, FLT_DIG));
}

Datum float8_to_char(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(FloatToChar<float8>(fcinfo, PG_GETARG_FLOAT8(0), DBL_DIG));
}

/* ---- to_number ---- */

namespace {

/* to_number's walk over the nodes (PostgreSQL's NUM_processor for
 * input): number collects a sign (first) and the digits read. */
class NumFromChar
{
  public:
	NumFromChar(NumDesc *num, std::string_view input) : num_(num), in_(input) {}

	std::string Run(const std::vector<TemplateNode> &nodes)
	{
		if (num_->Is(kEEEE))
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("\"EEEE\" not supported for input"));
		if (num_->Is(kRoman))
			ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					errmsg("\"RN\" not supported for input"));
		for (const TemplateNode &n : nodes)
		{
			if (AtEnd())
				break;
			if (!n.action)
			{
				/* one input character per literal template character */
				ip_ += CharLen();
				continue;
			}
			switch (n.key)
			{
				case Key::k9:
				case Key::k0:
				case Key::kDec:
				case Key::kD:
					NumPart(n.key);
					break;
				case Key::kComma:
				case Key::kG:
					if (num_->Is(kFillMode) || in_[ip_] != ',')
						continue;
					break;
				case Key::kL:
					EatNonData(1);
					continue;
				case Key::kTH:
				case Key::kth:
					if (num_->Is(kDecimal))
						continue;
					EatNonData(2);
					continue;
				case Key::kMI:
				case Key::kPL:
				case Key::kSG:
				{
					char c = in_[ip_];
					bool minus_ok = n.key != Key::kPL;
					bool plus_ok = n.key != Key::kMI;
					if ((c == '-' && minus_ok) || (c == '+' && plus_ok))
						number_[0] = c;
					else
					{
						EatNonData(1);
						continue;
					}
					break;
				}
				default:
					continue;
			}
			ip_++;
		}
		if (number_.size() > 1 && number_.back() == '.')
			number_.pop_back();
		num_->post = read_post_;
		return number_;
	}

  private:
	bool AtEnd() const { return ip_ >= in_.size(); }
	/* at least n bytes remain */
	bool Remain(size_t n) const { return ip_ + n <= in_.size(); }

	size_t CharLen() const
	{
		return std::min<size_t>(Utf8CharLen(static_cast<unsigned char>(in_[ip_])),
								in_.size() - ip_);
	}

	/* Skips up to n characters that cannot be part of the number. */
	void EatNonData(int n)
	{
		while (n-- > 0 && !AtEnd())
		{
			if (strchr("0123456789.,+-", in_[ip_]) != nullptr)
				break;
			ip_ += CharLen();
		}
	}

	void NumPart(Key id)
	{
		bool isread = false;
		if (AtEnd())
			return;
		if (in_[ip_] == ' ')
			ip_++;
		if (AtEnd())
			return;
		/* a sign before the number */
		if (number_[0] == ' ' && (id == Key::k0 || id == Key::k9) && read_pre_ + read_post_ == 0)
		{
			char c = in_[ip_];
			if (num_->Is(kLSign) && num_->lsign == LSign::kPre)
			{
				if (c == '-' || c == '+')
				{
					ip_++;
					number_[0] = c;
				}
			}
			else if (c == '-' || (num_->Is(kBracket) && c == '<'))
			{
				number_[0] = '-';
				ip_++;
			}
			else if (c == '+')
			{
				number_[0] = '+';
				ip_++;
			}
		}
		if (AtEnd())
			return;
		char c = in_[ip_];
		if (isdigit(static_cast<unsigned char>(c)))
		{
			if (read_dec_ && read_post_ == num_->post)
				return;
			number_ += c;
			if (read_dec_)
				read_post_++;
			else
				read_pre_++;
			isread = true;
		}
		else if (num_->Is(kDecimal) && !read_dec_ && c == '.')
		{
			number_ += '.';
			read_dec_ = true;
			isread = true;
		}
		if (AtEnd())
			return;
		/* a sign after the last digit */
		if (number_[0] == ' ' && read_pre_ + read_post_ > 0)
		{
			if (num_->Is(kLSign) && isread && ip_ + 1 < in_.size() &&
				!isdigit(static_cast<unsigned char>(in_[ip_ + 1])))
			{
				char next = in_[ip_ + 1];
				if (next == '-' || next == '+')
				{
					ip_++;
					number_[0] = next;
				}
			}
			else if (!isread && !num_->Is(kLSign) && (num_->Is(kPlus) || num_->Is(kMinus)))
			{
				if (c == '-' || c == '+')
					number_[0] = c;
			}
		}
	}

	NumDesc *num_;
	std::string_view in_;
	size_t ip_ = 0;
	std::string number_ = " "; /* the sign's place */
	int read_pre_ = 0;
	int read_post_ = 0;
	bool read_dec_ = false;
};

}  // namespace

Datum numeric_to_number(PG_FUNCTION_ARGS)
{
	text *value = PG_GETARG_TEXT_PP(0);
	text *fmt = PG_GETARG_TEXT_PP(1);
	if (VARSIZE_ANY_EXHDR(fmt) == 0)
		PG_RETURN_NULL();
	NumDesc num;
	std::vector<TemplateNode> nodes = ParseTemplate(std::string_view(VARDATA_ANY(fmt),
																	 VARSIZE_ANY_EXHDR(fmt)),
													&num);
	std::string number = NumFromChar(&num,
									 std::string_view(VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value)))
							 .Run(nodes);
	int scale = num.post;
	int precision = num.pre + num.multi + scale;
	Datum result = DirectFunctionCall3(numeric_in, CStringGetDatum(number.c_str()),
									   ObjectIdGetDatum(InvalidOid),
									   Int32GetDatum(((precision << 16) | scale) + VARHDRSZ));
	if (num.Is(kMulti))
		result = DirectFunctionCall2(numeric_mul, result, PowerOfTen(-num.multi));
	return result;
}
