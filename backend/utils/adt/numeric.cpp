/*
 * numeric.cpp — the type numeric: exact decimal numbers of up to 131072
 * digits before the point and 16383 after it, with NaN, Infinity and
 * -Infinity, as PostgreSQL 15 has them.
 *
 * The stored layout is PostgreSQL's, byte for byte.  After the varlena
 * header comes a 16-bit header word:
 *
 *   top bits 10  short form: bit 13 sign, bits 7-12 display scale (0..63),
 *                bits 0-6 weight (a 7-bit two's complement, -64..63);
 *   top bits 00  long form, positive; 01 long form, negative: bits 0-13
 *                display scale (0..16383), then an int16 weight;
 *   top bits 11  special: the whole word is 0xC000 NaN, 0xD000 Infinity,
 *                0xF000 -Infinity, and nothing follows.
 *
 * Then the digits: int16 values 0..9999, base 10000, most significant
 * first, the first worth 10000^weight, without leading or trailing zero
 * digits (zero has none, weight 0 and a positive sign).  The short form is
 * used whenever the weight and display scale fit it.  The display scale is
 * how many digits after the point the value prints with.
 *
 * Arithmetic is numeric_math.cpp's; this file applies PostgreSQL's rules
 * for the display scale of results (select_div_scale for division, the
 * significant-digit rules of sqrt, exp, ln, log and power), the special
 * values (NaN equals itself and sorts above everything, Infinity above
 * every finite value), the type modifier numeric(precision, scale), and
 * PostgreSQL's errors and messages.
 *
 * Principal entry points: the SQL-callable functions (utils/fmgrprotos.h)
 * and the C interface of utils/numeric.h.  The aggregates' transition and
 * final functions are in numeric_agg.cpp.
 */
#include "postgres.h"

#include <ctype.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "adt_internal.h"
#include "numeric_internal.h"
#include "utils/array.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

namespace num = tusk::adt::numeric;
using num::Decimal;
using num::NbaseForm;
using num::NumericDigit;
using num::NumericKind;
using tusk::adt::ReportDivisionByZero;

/* The varlena; its fields are read through Unpack and written by MakeNumeric. */
struct NumericData
{
	int32 vl_len_;
	uint16 n_header;
};

namespace {

/* ---- the header word (see the file comment) ---- */

constexpr uint16 kSignMask = 0xC000;
constexpr uint16 kLongPositive = 0x0000;
constexpr uint16 kLongNegative = 0x4000;
constexpr uint16 kShortFlag = 0x8000;
constexpr uint16 kSpecialFlag = 0xC000;

constexpr uint16 kNaNHeader = 0xC000;
constexpr uint16 kPosInfHeader = 0xD000;
constexpr uint16 kNegInfHeader = 0xF000;
constexpr uint16 kInfSignBit = 0x2000;

constexpr uint16 kShortSignBit = 0x2000;
constexpr uint16 kShortDscaleMask = 0x1F80;
constexpr int kShortDscaleShift = 7;
constexpr int kShortDscaleMax = kShortDscaleMask >> kShortDscaleShift;
constexpr uint16 kShortWeightSignBit = 0x0040;
constexpr uint16 kShortWeightMask = 0x003F;
constexpr int kShortWeightMax = kShortWeightMask;
constexpr int kShortWeightMin = -(kShortWeightMask + 1);

constexpr uint16 kLongDscaleMask = 0x3FFF;
constexpr int kDscaleMax = kLongDscaleMask;
constexpr int kWeightMax = PG_INT16_MAX;
constexpr int kWeightMin = PG_INT16_MIN;

constexpr int kShortHeaderSize = VARHDRSZ + sizeof(uint16);
constexpr int kLongHeaderSize = VARHDRSZ + sizeof(uint16) + sizeof(int16);

/* log10(e), as PostgreSQL's scale rules use it. */
constexpr double kLog10E = 0.434294481903252;
/* exp() of an argument this large overflows (and of its negation, rounds
 * to zero): NUMERIC_MAX_RESULT_SCALE * 3. */
constexpr double kExpArgumentLimit = NUMERIC_MAX_RESULT_SCALE * 3;

uint16 HeaderOf(Numeric num)
{
	return num->n_header;
}

const char *BodyOf(Numeric num)
{
	return reinterpret_cast<const char *>(num) + VARHDRSZ;
}

bool IsSpecial(Numeric num)
{
	return (HeaderOf(num) & kSignMask) == kSpecialFlag;
}

bool IsNaN(Numeric num)
{
	return HeaderOf(num) == kNaNHeader;
}

bool IsPosInf(Numeric num)
{
	return HeaderOf(num) == kPosInfHeader;
}

bool IsNegInf(Numeric num)
{
	return HeaderOf(num) == kNegInfHeader;
}

bool IsInf(Numeric num)
{
	return IsPosInf(num) || IsNegInf(num);
}

/* A finite stored value's fields, the digits in place. */
struct Unpacked
{
	bool negative;
	int weight;
	int dscale;
	const NumericDigit *digits;
	int ndigits;
};

Unpacked Unpack(Numeric num)
{
	Assert(!IsSpecial(num));
	uint16 header = HeaderOf(num);
	int body = VARSIZE(num) - VARHDRSZ;
	Unpacked u;
	if ((header & kSignMask) == kShortFlag)
	{
		u.negative = (header & kShortSignBit) != 0;
		u.dscale = (header & kShortDscaleMask) >> kShortDscaleShift;
		u.weight = (header & kShortWeightMask) |
			((header & kShortWeightSignBit) ? ~kShortWeightMask : 0);
		u.digits = reinterpret_cast<const NumericDigit *>(BodyOf(num) + sizeof(uint16));
		u.ndigits = (body - static_cast<int>(sizeof(uint16))) / sizeof(NumericDigit);
	}
	else
	{
		int16 weight;
		memcpy(&weight, BodyOf(num) + sizeof(uint16), sizeof(int16));
		u.negative = (header & kSignMask) == kLongNegative;
		u.dscale = header & kLongDscaleMask;
		u.weight = weight;
		u.digits = reinterpret_cast<const NumericDigit *>(BodyOf(num) + 2 * sizeof(uint16));
		u.ndigits = (body - 2 * static_cast<int>(sizeof(uint16))) / sizeof(NumericDigit);
	}
	return u;
}

NbaseForm NbaseOf(Numeric num)
{
	Unpacked u = Unpack(num);
	int first = 0;
	while (first < u.ndigits && u.digits[first] == 0)
		first++;
	int last = u.ndigits;
	while (last > first && u.digits[last - 1] == 0)
		last--;
	NbaseForm n;
	n.dscale = u.dscale;
	if (first == last)
		return n;
	n.negative = u.negative;
	n.weight = u.weight - first;
	n.digits.assign(u.digits + first, u.digits + last);
	return n;
}

/* -1, 0 or 1 for a finite stored value (its sign). */
int SignOf(Numeric num)
{
	if (IsSpecial(num))
	{
		Assert(!IsNaN(num));
		return IsPosInf(num) ? 1 : -1;
	}
	Unpacked u = Unpack(num);
	for (int i = 0; i < u.ndigits; i++)
	{
		if (u.digits[i] != 0)
			return u.negative ? -1 : 1;
	}
	return 0;
}

/* No digits after the point (infinities count as integral, NaN not). */
bool IsIntegral(Numeric num)
{
	if (IsSpecial(num))
		return !IsNaN(num);
	NbaseForm n = NbaseOf(num);
	return n.digits.empty() || static_cast<int>(n.digits.size()) <= n.weight + 1;
}

Numeric Duplicate(Numeric num)
{
	auto *copy = static_cast<Numeric>(palloc(VARSIZE(num)));
	memcpy(copy, num, VARSIZE(num));
	return copy;
}

Numeric MakeNaN()
{
	return num::MakeSpecialNumeric(NumericKind::kNaN);
}

Numeric MakePosInf()
{
	return num::MakeSpecialNumeric(NumericKind::kPosInf);
}

Numeric MakeNegInf()
{
	return num::MakeSpecialNumeric(NumericKind::kNegInf);
}

Decimal DecimalInt(__int128 v)
{
	return num::DecimalFromInt128(v);
}

Numeric MakeInt(__int128 v)
{
	return num::MakeNumeric(DecimalInt(v));
}

Decimal ZeroWithScale(int dscale)
{
	Decimal zero;
	zero.dscale = dscale;
	return zero;
}

[[noreturn]] void ReportOverflow()
{
	ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			errmsg("value overflows numeric format"));
	pg_unreachable();
}

[[noreturn]] void ReportSyntax(const char *str)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("invalid input syntax for type %s: \"%s\"", "numeric", str));
	pg_unreachable();
}

/* v limited to [lo, hi]. */
int Clamp(int v, int lo, int hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

/* The display-scale rule shared by division and the functions: at least
 * floor digits, no less than the inputs' dscales, within the display
 * limits. */
int ResultScale(int wanted, int dscale1, int dscale2 = 0)
{
	int rscale = Max(wanted, dscale1);
	rscale = Max(rscale, dscale2);
	return Clamp(rscale, NUMERIC_MIN_DISPLAY_SCALE, NUMERIC_MAX_DISPLAY_SCALE);
}

/* ---- text ---- */

/* Whether s starts with word, ignoring ASCII case. */
bool StartsWithNoCase(const char *s, const char *word)
{
	for (; *word != '\0'; s++, word++)
	{
		if (tolower(static_cast<unsigned char>(*s)) != tolower(static_cast<unsigned char>(*word)))
			return false;
	}
	return true;
}

/* A natural number from a run of decimal digits. */
num::BigNat NatFromDigits(const std::string &digits)
{
	num::BigNat n;
	n.limbs.reserve(digits.size() / num::kDecDigits + 1);
	int end = static_cast<int>(digits.size());
	while (end > 0)
	{
		int begin = Max(end - num::kDecDigits, 0);
		uint32 limb = 0;
		for (int i = begin; i < end; i++)
			limb = limb * 10 + (digits[i] - '0');
		n.limbs.push_back(limb);
		end = begin;
	}
	while (!n.limbs.empty() && n.limbs.back() == 0)
		n.limbs.pop_back();
	return n;
}

/* Parse [+-]digits[.digits][e[+-]digits] at cp (str is the whole input,
 * for the error message); *endp is where parsing stopped.  The display
 * scale is the digits after the point less the exponent, at least 0. */
Decimal ParseNumber(const char *str, const char *cp, const char **endp)
{
	bool negative = false;
	if (*cp == '+')
		cp++;
	else if (*cp == '-')
	{
		negative = true;
		cp++;
	}
	bool have_point = false;
	if (*cp == '.')
	{
		have_point = true;
		cp++;
	}
	if (!isdigit(static_cast<unsigned char>(*cp)))
		ReportSyntax(str);

	std::string digits;
	long fraction_digits = 0;
	for (;;)
	{
		if (isdigit(static_cast<unsigned char>(*cp)))
		{
			digits.push_back(*cp++);
			if (have_point)
				fraction_digits++;
		}
		else if (*cp == '.')
		{
			if (have_point)
				ReportSyntax(str);
			have_point = true;
			cp++;
		}
		else
			break;
	}

	long exponent = 0;
	if (*cp == 'e' || *cp == 'E')
	{
		/* as strtol reads it: spaces, a sign, at least one digit */
		const char *p = cp + 1;
		while (isspace(static_cast<unsigned char>(*p)))
			p++;
		bool exp_negative = false;
		if (*p == '+' || *p == '-')
			exp_negative = *p++ == '-';
		if (!isdigit(static_cast<unsigned char>(*p)))
			ReportSyntax(str);
		for (; isdigit(static_cast<unsigned char>(*p)); p++)
		{
			if (exponent < LONG_MAX / 10)
				exponent = exponent * 10 + (*p - '0');
		}
		if (exp_negative)
			exponent = -exponent;
		cp = p;
		/* Keeps the weight and scale arithmetic below in int range; a
		 * value this far out cannot be stored anyway. */
		if (exponent >= INT_MAX / 2 || exponent <= -(INT_MAX / 2))
			ReportOverflow();
	}
	*endp = cp;

	Decimal d;
	d.mag = NatFromDigits(digits);
	d.negative = negative && !num::IsZero(d.mag);
	d.scale = static_cast<int>(fraction_digits - exponent);
	d.dscale = Max(d.scale, 0);
	return d;
}

/* Fail unless only white space is left at cp. */
void CheckTrailing(const char *str, const char *cp)
{
	for (; *cp != '\0'; cp++)
	{
		if (!isspace(static_cast<unsigned char>(*cp)))
			ReportSyntax(str);
	}
}

/* ---- the type modifier ---- */

/* (precision << 16 | scale's low 11 bits) + VARHDRSZ; below VARHDRSZ is
 * "no modifier". */
bool IsValidTypmod(int32 typmod)
{
	return typmod >= static_cast<int32>(VARHDRSZ);
}

int TypmodPrecision(int32 typmod)
{
	return ((typmod - VARHDRSZ) >> 16) & 0xffff;
}

/* The scale is an 11-bit two's complement number. */
int TypmodScale(int32 typmod)
{
	return (((typmod - VARHDRSZ) & 0x7ff) ^ 1024) - 1024;
}

int32 MakeTypmod(int precision, int scale)
{
	return ((precision << 16) | (scale & 0x7ff)) + VARHDRSZ;
}

/* Round a to the modifier's scale and check it has at most precision -
 * scale digits before the point (22003 otherwise). */
void ApplyTypmod(Decimal *a, int32 typmod)
{
	if (!IsValidTypmod(typmod))
		return;
	int precision = TypmodPrecision(typmod);
	int scale = TypmodScale(typmod);
	int maxdigits = precision - scale;
	num::RoundTo(a, scale);
	if (a->dscale < 0)
		a->dscale = 0;
	if (!num::IsZero(*a) && num::DecimalWeight(*a) + 1 > maxdigits)
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("numeric field overflow"),
				errdetail("A field with precision %d, scale %d must round to an absolute value "
						  "less than %s%d.",
						  precision, scale, maxdigits ? "10^" : "", maxdigits ? maxdigits : 1));
}

/* NaN fits any modifier; an infinity fits none. */
void ApplyTypmodSpecial(Numeric value, int32 typmod)
{
	Assert(IsSpecial(value));
	if (IsNaN(value) || !IsValidTypmod(typmod))
		return;
	ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE), errmsg("numeric field overflow"),
			errdetail("A field with precision %d, scale %d cannot hold an infinite value.",
					  TypmodPrecision(typmod), TypmodScale(typmod)));
}

/* ---- comparison and hashing ---- */

/* Finite values compared by sign, weight and digits. */
int CompareFinite(Numeric a, Numeric b)
{
	NbaseForm x = NbaseOf(a);
	NbaseForm y = NbaseOf(b);
	int sx = x.digits.empty() ? 0 : (x.negative ? -1 : 1);
	int sy = y.digits.empty() ? 0 : (y.negative ? -1 : 1);
	if (sx != sy)
		return sx < sy ? -1 : 1;
	if (sx == 0)
		return 0;
	int c = 0;
	if (x.weight != y.weight)
		c = x.weight < y.weight ? -1 : 1;
	else
	{
		size_t n = Max(x.digits.size(), y.digits.size());
		for (size_t i = 0; i < n && c == 0; i++)
		{
			int dx = i < x.digits.size() ? x.digits[i] : 0;
			int dy = i < y.digits.size() ? y.digits[i] : 0;
			if (dx != dy)
				c = dx < dy ? -1 : 1;
		}
	}
	return sx < 0 ? -c : c;
}

/* NaN = NaN, above everything; -Infinity below and Infinity above every
 * other value. */
int CompareNumerics(Numeric a, Numeric b)
{
	auto rank = [](Numeric n) {
		if (IsNaN(n))
			return 2;
		if (IsPosInf(n))
			return 1;
		if (IsNegInf(n))
			return -1;
		return 0;
	};
	int ra = rank(a);
	int rb = rank(b);
	if (ra != 0 || rb != 0)
		return ra == rb ? 0 : (ra < rb ? -1 : 1);
	return CompareFinite(a, b);
}

/* ---- conversions ---- */

/* a rounded to an integer, if it fits in 128 bits. */
bool DecimalToInt128(const Decimal &a, __int128 *out)
{
	Decimal r = a;
	num::RoundTo(&r, 0);
	if (!num::IsZero(r) && num::DecimalWeight(r) > 39) /* 10^39 > 2^127 */
		return false;
	num::BigNat mag = r.scale < 0 ? num::MulPow10(r.mag, -r.scale) : r.mag;
	unsigned __int128 u;
	if (mag.limbs.size() > 10 || !num::NatToUint128(mag, &u))
		return false;
	const unsigned __int128 limit = static_cast<unsigned __int128>(1) << 127;
	if (r.negative ? u > limit : u >= limit)
		return false;
	*out = r.negative ? static_cast<__int128>(0 - u) : static_cast<__int128>(u);
	return true;
}

bool DecimalToInt64(const Decimal &a, int64 *out)
{
	__int128 v;
	if (!DecimalToInt128(a, &v) || v < PG_INT64_MIN || v > PG_INT64_MAX)
		return false;
	*out = static_cast<int64>(v);
	return true;
}

/* 0A000 for converting NaN or an infinity to type_name. */
[[noreturn]] void ReportSpecialConversion(Numeric value, const char *type_name)
{
	ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			errmsg("cannot convert %s to %s", IsNaN(value) ? "NaN" : "infinity", type_name));
	pg_unreachable();
}

/* The value printed with %.*g at digits significant digits, read back as
 * numeric (as PostgreSQL converts float4 and float8). */
Numeric FloatToNumeric(double value, int digits)
{
	if (isnan(value))
		return MakeNaN();
	if (isinf(value))
		return value < 0 ? MakeNegInf() : MakePosInf();
	char buf[DBL_DIG + 100];
	snprintf(buf, sizeof(buf), "%.*g", digits, value);
	const char *end;
	Decimal d = ParseNumber(buf, buf, &end);
	return num::MakeNumeric(d);
}

/* ---- the functions' scale rules ---- */

/* PostgreSQL's estimate of the decimal weight of ln(a): from a - 1 when a
 * is within [0.9, 1.1], else from a's first two base-10000 digits; 0 for
 * a <= 0. */
int EstimateLnDweight(const Decimal &a)
{
	if (a.negative)
		return 0;
	Decimal point_nine = num::DecimalFromInt128(9);
	point_nine.scale = 1;
	Decimal one_point_one = num::DecimalFromInt128(11);
	one_point_one.scale = 1;
	if (num::Compare(a, point_nine) >= 0 && num::Compare(a, one_point_one) <= 0)
	{
		NbaseForm x = num::ToNbase(num::Sub(a, DecimalInt(1)));
		if (x.digits.empty())
			return 0;
		return x.weight * num::kDecDigits + static_cast<int>(log10(x.digits[0]));
	}
	NbaseForm n = num::ToNbase(a);
	if (n.digits.empty())
		return 0;
	int digits = n.digits[0];
	int dweight = n.weight * num::kDecDigits;
	if (n.digits.size() > 1)
	{
		digits = digits * num::kNbase + n.digits[1];
		dweight -= num::kDecDigits;
	}
	double ln_value = log(static_cast<double>(digits)) + dweight * 2.302585092994046;
	return static_cast<int>(log10(fabs(ln_value)));
}

/* ln(a) for numeric_ln and log(): 2201E for zero and negative a. */
void CheckLnArgument(const Decimal &a)
{
	if (num::IsZero(a))
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
				errmsg("cannot take logarithm of zero"));
	if (a.negative)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
				errmsg("cannot take logarithm of a negative number"));
}

/* e^x at rscale, with exp_var's range check: 22003 when x is 6000 or
 * more, zero at -6000 or less. */
Decimal ExpChecked(const Decimal &x, int rscale)
{
	double val = num::DecimalToDouble(x);
	if (fabs(val) >= kExpArgumentLimit)
	{
		if (val > 0)
			ReportOverflow();
		return ZeroWithScale(rscale);
	}
	return num::Exp(x, rscale);
}

/* base^exponent for an integer exponent, rounded at rscale (power_var_int). */
Decimal PowerInt(const Decimal &base, int exponent, int rscale)
{
	switch (exponent)
	{
		case 0:
		{
			Decimal one = DecimalInt(1);
			one.dscale = rscale;
			return one;
		}
		case 1:
		{
			Decimal r = base;
			num::RoundTo(&r, rscale);
			return r;
		}
		case -1:
			return num::Div(DecimalInt(1), base, rscale, true);
		case 2:
		{
			Decimal r = num::Mul(base, base);
			num::RoundTo(&r, rscale);
			return r;
		}
		default:
			break;
	}
	if (num::IsZero(base))
	{
		if (exponent < 0)
			ReportDivisionByZero();
		return ZeroWithScale(rscale);
	}

	/* PostgreSQL's estimate of log10 of the result, from the base's first
	 * (up to four) base-10000 digits, decides overflow and underflow. */
	NbaseForm b = num::ToNbase(base);
	double f = b.digits[0];
	int p = b.weight * num::kDecDigits;
	for (size_t i = 1; i < b.digits.size() && i * num::kDecDigits < 16; i++)
	{
		f = f * num::kNbase + b.digits[i];
		p -= num::kDecDigits;
	}
	f = exponent * (log10(f) + p);
	if (f > 3 * kWeightMax * num::kDecDigits)
		ReportOverflow();
	if (f + 1 < -rscale || f + 1 < -NUMERIC_MAX_DISPLAY_SCALE)
		return ZeroWithScale(rscale);

	/* |base|^|exponent| by squaring, keeping enough significant digits for
	 * rscale (exact while the product is shorter than that); the relative
	 * error grows with |exponent|, hence its digits in the guard. */
	bool negative_exp = exponent < 0;
	uint32 mask = negative_exp ? static_cast<uint32>(0) - static_cast<uint32>(exponent)
							   : static_cast<uint32>(exponent);
	int exp_digits = static_cast<int>(log10(static_cast<double>(mask))) + 1;
	int sig = Max(1 + rscale + static_cast<int>(f), 1) + 12 + exp_digits;
	/* A value of weight above the stored format's limit overflows (or
	 * underflows to zero when the exponent is negative). */
	const int max_dweight = (kWeightMax + 1) * num::kDecDigits;
	Decimal factor = base;
	factor.negative = false;
	Decimal result = (mask & 1) ? factor : DecimalInt(1);
	while ((mask >>= 1) != 0)
	{
		factor = num::Mul(factor, factor);
		num::TruncSignificant(&factor, sig);
		if (mask & 1)
		{
			result = num::Mul(result, factor);
			num::TruncSignificant(&result, sig);
		}
		if ((!num::IsZero(factor) && num::DecimalWeight(factor) >= max_dweight) ||
			(!num::IsZero(result) && num::DecimalWeight(result) >= max_dweight))
		{
			if (!negative_exp)
				ReportOverflow();
			return ZeroWithScale(rscale);
		}
	}
	if (negative_exp)
		result = num::Div(DecimalInt(1), result, rscale, true);
	else
		num::RoundTo(&result, rscale);
	result.negative = base.negative && (exponent & 1) != 0 && !num::IsZero(result);
	return result;
}

/* base^exponent for finite values, base not zero when exponent < 0
 * (power_var): its own result scale. */
Decimal Power(const Decimal &base, const Decimal &exponent)
{
	NbaseForm e = num::ToNbase(exponent);
	bool integral = e.digits.empty() || static_cast<int>(e.digits.size()) <= e.weight + 1;
	if (integral)
	{
		int64 e64;
		if (DecimalToInt64(exponent, &e64) && e64 >= PG_INT32_MIN && e64 <= PG_INT32_MAX)
		{
			int rscale = ResultScale(NUMERIC_MIN_SIG_DIGITS, base.dscale);
			return PowerInt(base, static_cast<int>(e64), rscale);
		}
	}
	if (num::IsZero(base))
		return ZeroWithScale(NUMERIC_MIN_SIG_DIGITS);

	bool negative_result = false;
	Decimal abs_base = base;
	if (base.negative)
	{
		if (!integral)
			ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
					errmsg("a negative number raised to a non-integer power yields a complex "
						   "result"));
		negative_result = static_cast<int>(e.digits.size()) == e.weight + 1 &&
			(e.digits.back() & 1);
		abs_base.negative = false;
	}

	/* PostgreSQL's scale choice: a low-precision exponent * ln(base) gives
	 * the result's decimal weight, and with it overflow and the scale. */
	int ln_dweight = EstimateLnDweight(abs_base);
	int local_rscale = Max(8 - ln_dweight, NUMERIC_MIN_DISPLAY_SCALE);
	Decimal ln_num = num::Mul(num::Ln(abs_base, local_rscale), exponent);
	num::RoundTo(&ln_num, local_rscale);
	double val = num::DecimalToDouble(ln_num);
	if (fabs(val) > NUMERIC_MAX_RESULT_SCALE * 3.01)
	{
		if (val > 0)
			ReportOverflow();
		return ZeroWithScale(NUMERIC_MAX_DISPLAY_SCALE);
	}
	val *= kLog10E;
	int rscale = ResultScale(NUMERIC_MIN_SIG_DIGITS - static_cast<int>(val), abs_base.dscale,
							 exponent.dscale);
	int sig_digits = Max(rscale + static_cast<int>(val), 0);

	/* exponent * ln(base) to absolute precision 10^-(sig_digits + guard):
	 * that is the relative precision of e^it. */
	int t_scale = sig_digits + 12;
	int ln_scale = t_scale + (num::IsZero(exponent) ? 0 : Max(num::DecimalWeight(exponent) + 1, 0));
	Decimal t = num::Mul(num::LnTruncated(abs_base, ln_scale), exponent);
	num::TruncTo(&t, t_scale + 2);
	Decimal result = ExpChecked(t, rscale);
	result.negative = negative_result && !num::IsZero(result);
	return result;
}

/* Floor of x (ceil when up), dscale 0. */
Decimal FloorOrCeil(const Decimal &x, bool up)
{
	Decimal t = x;
	num::TruncTo(&t, 0);
	if (num::Compare(t, x) != 0 && x.negative != up)
		t = num::Add(t, DecimalInt(up ? 1 : -1));
	t.dscale = 0;
	return t;
}

/* x - trunc(x / y) * y, dscale max of theirs. */
Decimal Mod(const Decimal &x, const Decimal &y)
{
	Decimal q = num::Div(x, y, 0, false);
	return num::Sub(x, num::Mul(y, q));
}

/* Euclid's algorithm on the values; dscale the larger of theirs. */
Decimal Gcd(const Decimal &x, const Decimal &y)
{
	Decimal a = x;
	Decimal b = y;
	a.negative = b.negative = false;
	while (!num::IsZero(b))
	{
		Decimal r = Mod(a, b);
		a = b;
		b = r;
	}
	a.dscale = Max(x.dscale, y.dscale);
	return a;
}

}  // namespace

/* ---- the bridge for numeric_agg.cpp ---- */

namespace tusk::adt::numeric {

NumericKind KindOf(Numeric value)
{
	if (IsNaN(value))
		return NumericKind::kNaN;
	if (IsPosInf(value))
		return NumericKind::kPosInf;
	if (IsNegInf(value))
		return NumericKind::kNegInf;
	return NumericKind::kFinite;
}

Decimal DecimalOf(Numeric value)
{
	Unpacked u = Unpack(value);
	return FromNbase(u.negative, u.weight, u.dscale, u.digits, u.ndigits);
}

Numeric MakeNumeric(const Decimal &a)
{
	NbaseForm n = ToNbase(a);
	if (n.weight > kWeightMax || n.weight < kWeightMin || n.dscale > kDscaleMax || n.dscale < 0)
		ReportOverflow();
	int ndigits = static_cast<int>(n.digits.size());
	bool short_form = n.dscale <= kShortDscaleMax && n.weight <= kShortWeightMax &&
		n.weight >= kShortWeightMin;
	int header_size = short_form ? kShortHeaderSize : kLongHeaderSize;
	Size len = header_size + ndigits * sizeof(NumericDigit);
	auto *result = static_cast<Numeric>(palloc(len));
	SET_VARSIZE(result, len);
	char *body = reinterpret_cast<char *>(result) + VARHDRSZ;
	if (short_form)
	{
		uint16 header = kShortFlag | (n.negative ? kShortSignBit : 0) |
			(n.dscale << kShortDscaleShift) | (n.weight < 0 ? kShortWeightSignBit : 0) |
			(n.weight & kShortWeightMask);
		memcpy(body, &header, sizeof(header));
	}
	else
	{
		uint16 header = (n.negative ? kLongNegative : kLongPositive) | (n.dscale & kLongDscaleMask);
		int16 weight = static_cast<int16>(n.weight);
		memcpy(body, &header, sizeof(header));
		memcpy(body + sizeof(header), &weight, sizeof(weight));
	}
	if (ndigits > 0)
		memcpy(reinterpret_cast<char *>(result) + header_size, n.digits.data(),
			   ndigits * sizeof(NumericDigit));
	return result;
}

Numeric MakeSpecialNumeric(NumericKind kind)
{
	uint16 header = kind == NumericKind::kNaN ? kNaNHeader
		: kind == NumericKind::kPosInf		  ? kPosInfHeader
											  : kNegInfHeader;
	auto *result = static_cast<Numeric>(palloc(kShortHeaderSize));
	SET_VARSIZE(result, kShortHeaderSize);
	result->n_header = header;
	return result;
}

int SelectDivScale(const Decimal &a, const Decimal &b)
{
	/* weight and first base-10000 digit of each (0 and 0 for zero) */
	NbaseForm x = ToNbase(a);
	NbaseForm y = ToNbase(b);
	int weight1 = x.digits.empty() ? 0 : x.weight;
	int first1 = x.digits.empty() ? 0 : x.digits[0];
	int weight2 = y.digits.empty() ? 0 : y.weight;
	int first2 = y.digits.empty() ? 0 : y.digits[0];
	/* The quotient's weight; with equal first digits assume a < b. */
	int qweight = weight1 - weight2;
	if (first1 <= first2)
		qweight--;
	return ResultScale(NUMERIC_MIN_SIG_DIGITS - qweight * kDecDigits, a.dscale, b.dscale);
}

}  // namespace tusk::adt::numeric

/* ---- the C interface (utils/numeric.h) ---- */

bool numeric_is_nan(Numeric value)
{
	return IsNaN(value);
}

bool numeric_is_inf(Numeric value)
{
	return IsInf(value);
}

int32 numeric_maximum_size(int32 typmod)
{
	if (!IsValidTypmod(typmod))
		return -1;
	/* The first base-10000 digit may hold a single decimal digit, so the
	 * worst case needs one digit more than an even split. */
	int precision = TypmodPrecision(typmod);
	int numeric_digits = (precision + 2 * (num::kDecDigits - 1)) / num::kDecDigits;
	return kLongHeaderSize + numeric_digits * static_cast<int>(sizeof(NumericDigit));
}

char *numeric_out_sci(Numeric value, int scale)
{
	if (IsSpecial(value))
		return pstrdup(IsNaN(value) ? "NaN" : (IsPosInf(value) ? "Infinity" : "-Infinity"));
	Decimal x = num::DecimalOf(value);
	if (scale < 0)
		scale = 0;
	int exponent = num::IsZero(x) ? 0 : num::DecimalWeight(x);
	/* x / 10^exponent, rounded at scale */
	Decimal divisor = DecimalInt(1);
	divisor.scale = -exponent;
	divisor.dscale = Max(-exponent, 0);
	std::string sig = num::FormatDecimal(num::Div(x, divisor, scale, true));
	return psprintf("%se%+03d", sig.c_str(), exponent);
}

char *numeric_normalize(Numeric value)
{
	char *str = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(value)));
	if (IsSpecial(value) || strchr(str, '.') == nullptr)
		return str;
	size_t last = strlen(str) - 1;
	while (str[last] == '0')
		last--;
	if (str[last] == '.')
		last--;
	str[last + 1] = '\0';
	return str;
}

Numeric int64_to_numeric(int64 val)
{
	return MakeInt(val);
}

Numeric int64_div_fast_to_numeric(int64 val1, int log10val2)
{
	Decimal d = DecimalInt(val1);
	d.scale = log10val2;
	d.dscale = Max(log10val2, 0);
	return num::MakeNumeric(d);
}

Numeric numeric_add_opt_error(Numeric num1, Numeric num2, bool *have_error)
{
	if (have_error != nullptr)
		*have_error = false;
	if (IsSpecial(num1) || IsSpecial(num2))
	{
		if (IsNaN(num1) || IsNaN(num2))
			return MakeNaN();
		/* Infinity + -Infinity is NaN; otherwise an infinity wins */
		if (IsInf(num1) && IsInf(num2) && IsPosInf(num1) != IsPosInf(num2))
			return MakeNaN();
		Numeric inf = IsInf(num1) ? num1 : num2;
		return IsPosInf(inf) ? MakePosInf() : MakeNegInf();
	}
	Decimal r = num::Add(num::DecimalOf(num1), num::DecimalOf(num2));
	if (have_error != nullptr)
	{
		NbaseForm n = num::ToNbase(r);
		if (n.weight > kWeightMax || n.dscale > kDscaleMax)
		{
			*have_error = true;
			return nullptr;
		}
	}
	return num::MakeNumeric(r);
}

Numeric numeric_sub_opt_error(Numeric num1, Numeric num2, bool *have_error)
{
	if (have_error != nullptr)
		*have_error = false;
	if (IsSpecial(num1) || IsSpecial(num2))
	{
		if (IsNaN(num1) || IsNaN(num2))
			return MakeNaN();
		/* Infinity - Infinity is NaN; otherwise num1's infinity, or num2's negated */
		if (IsInf(num1) && IsInf(num2) && IsPosInf(num1) == IsPosInf(num2))
			return MakeNaN();
		if (IsInf(num1))
			return IsPosInf(num1) ? MakePosInf() : MakeNegInf();
		return IsPosInf(num2) ? MakeNegInf() : MakePosInf();
	}
	Decimal r = num::Sub(num::DecimalOf(num1), num::DecimalOf(num2));
	if (have_error != nullptr)
	{
		NbaseForm n = num::ToNbase(r);
		if (n.weight > kWeightMax || n.dscale > kDscaleMax)
		{
			*have_error = true;
			return nullptr;
		}
	}
	return num::MakeNumeric(r);
}

Numeric numeric_mul_opt_error(Numeric num1, Numeric num2, bool *have_error)
{
	if (have_error != nullptr)
		*have_error = false;
	if (IsSpecial(num1) || IsSpecial(num2))
	{
		if (IsNaN(num1) || IsNaN(num2))
			return MakeNaN();
		/* an infinity times zero is NaN; otherwise the signs multiply */
		int s = SignOf(num1) * SignOf(num2);
		if (s == 0)
			return MakeNaN();
		return s > 0 ? MakePosInf() : MakeNegInf();
	}
	Decimal r = num::Mul(num::DecimalOf(num1), num::DecimalOf(num2));
	/* The exact product may have more digits after the point than a
	 * numeric holds: then it is rounded to the most it can. */
	if (r.dscale > kDscaleMax)
		num::RoundTo(&r, kDscaleMax);
	if (have_error != nullptr)
	{
		NbaseForm n = num::ToNbase(r);
		if (n.weight > kWeightMax)
		{
			*have_error = true;
			return nullptr;
		}
	}
	return num::MakeNumeric(r);
}

/* 22012 for an infinity divided by zero, or have_error. */
static Numeric DivideSpecial(Numeric num1, Numeric num2, bool *have_error)
{
	if (IsNaN(num1) || IsNaN(num2))
		return MakeNaN();
	if (IsInf(num1))
	{
		if (IsSpecial(num2))
			return MakeNaN(); /* [-]Infinity / [-]Infinity */
		int s = SignOf(num2);
		if (s == 0)
		{
			if (have_error != nullptr)
			{
				*have_error = true;
				return nullptr;
			}
			ReportDivisionByZero();
		}
		return (s > 0) == IsPosInf(num1) ? MakePosInf() : MakeNegInf();
	}
	/* finite / infinity: no underflow in numeric, just zero */
	return MakeInt(0);
}

Numeric numeric_div_opt_error(Numeric num1, Numeric num2, bool *have_error)
{
	if (have_error != nullptr)
		*have_error = false;
	if (IsSpecial(num1) || IsSpecial(num2))
		return DivideSpecial(num1, num2, have_error);
	Decimal a = num::DecimalOf(num1);
	Decimal b = num::DecimalOf(num2);
	int rscale = num::SelectDivScale(a, b);
	if (have_error != nullptr && num::IsZero(b))
	{
		*have_error = true;
		return nullptr;
	}
	Decimal r = num::Div(a, b, rscale, true);
	if (have_error != nullptr)
	{
		NbaseForm n = num::ToNbase(r);
		if (n.weight > kWeightMax)
		{
			*have_error = true;
			return nullptr;
		}
	}
	return num::MakeNumeric(r);
}

Numeric numeric_mod_opt_error(Numeric num1, Numeric num2, bool *have_error)
{
	if (have_error != nullptr)
		*have_error = false;
	if (IsSpecial(num1) || IsSpecial(num2))
	{
		if (IsNaN(num1) || IsNaN(num2))
			return MakeNaN();
		if (IsInf(num1))
		{
			if (SignOf(num2) == 0)
			{
				if (have_error != nullptr)
				{
					*have_error = true;
					return nullptr;
				}
				ReportDivisionByZero();
			}
			return MakeNaN(); /* as fmod: Infinity % y is NaN */
		}
		return Duplicate(num1); /* x % [-]Infinity = x */
	}
	Decimal a = num::DecimalOf(num1);
	Decimal b = num::DecimalOf(num2);
	if (have_error != nullptr && num::IsZero(b))
	{
		*have_error = true;
		return nullptr;
	}
	return num::MakeNumeric(Mod(a, b));
}

int32 numeric_int4_opt_error(Numeric value, bool *have_error)
{
	if (have_error != nullptr)
		*have_error = false;
	if (IsSpecial(value))
	{
		if (have_error != nullptr)
		{
			*have_error = true;
			return 0;
		}
		ReportSpecialConversion(value, "integer");
	}
	int64 v;
	if (!DecimalToInt64(num::DecimalOf(value), &v) || v < PG_INT32_MIN || v > PG_INT32_MAX)
	{
		if (have_error != nullptr)
		{
			*have_error = true;
			return 0;
		}
		tusk::adt::ReportOutOfRange("integer");
	}
	return static_cast<int32>(v);
}

/* ---- input and output ---- */

Datum numeric_in(PG_FUNCTION_ARGS)
{
	char *str = PG_GETARG_CSTRING(0);
	int32 typmod = PG_GETARG_INT32(2);
	const char *cp = str;
	while (*cp != '\0' && isspace(static_cast<unsigned char>(*cp)))
		cp++;

	/* The spellings float8in accepts, longest first where one is a prefix
	 * of another. */
	static const struct
	{
		const char *word;
		NumericKind kind;
	} kSpecials[] = {
		{"NaN", NumericKind::kNaN},			 {"Infinity", NumericKind::kPosInf},
		{"+Infinity", NumericKind::kPosInf}, {"-Infinity", NumericKind::kNegInf},
		{"inf", NumericKind::kPosInf},		 {"+inf", NumericKind::kPosInf},
		{"-inf", NumericKind::kNegInf},
	};
	for (const auto &s : kSpecials)
	{
		if (StartsWithNoCase(cp, s.word))
		{
			CheckTrailing(str, cp + strlen(s.word));
			Numeric res = num::MakeSpecialNumeric(s.kind);
			ApplyTypmodSpecial(res, typmod);
			PG_RETURN_NUMERIC(res);
		}
	}

	const char *end;
	Decimal value = ParseNumber(str, cp, &end);
	/* syntax errors before the modifier's */
	CheckTrailing(str, end);
	ApplyTypmod(&value, typmod);
	PG_RETURN_NUMERIC(num::MakeNumeric(value));
}

Datum numeric_out(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
		PG_RETURN_CSTRING(
			pstrdup(IsNaN(value) ? "NaN" : (IsPosInf(value) ? "Infinity" : "-Infinity")));
	PG_RETURN_CSTRING(pstrdup(num::FormatNbase(NbaseOf(value)).c_str()));
}

/* numeric(value, typmod): the length coercion, applying the modifier. */
Datum numeric(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	int32 typmod = PG_GETARG_INT32(1);
	if (IsSpecial(value))
	{
		ApplyTypmodSpecial(value, typmod);
		PG_RETURN_NUMERIC(Duplicate(value));
	}
	if (!IsValidTypmod(typmod))
		PG_RETURN_NUMERIC(Duplicate(value));
	Decimal d = num::DecimalOf(value);
	ApplyTypmod(&d, typmod);
	PG_RETURN_NUMERIC(num::MakeNumeric(d));
}

Datum numerictypmodin(PG_FUNCTION_ARGS)
{
	ArrayType *ta = PG_GETARG_ARRAYTYPE_P(0);
	int n;
	int32 *tl = ArrayGetIntegerTypmods(ta, &n);
	if (n != 1 && n != 2)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid NUMERIC type modifier"));
	if (tl[0] < 1 || tl[0] > NUMERIC_MAX_PRECISION)
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("NUMERIC precision %d must be between 1 and %d", tl[0],
					   NUMERIC_MAX_PRECISION));
	int scale = 0;
	if (n == 2)
	{
		scale = tl[1];
		if (scale < NUMERIC_MIN_SCALE || scale > NUMERIC_MAX_SCALE)
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("NUMERIC scale %d must be between %d and %d", scale, NUMERIC_MIN_SCALE,
						   NUMERIC_MAX_SCALE));
	}
	PG_RETURN_INT32(MakeTypmod(tl[0], scale));
}

Datum numerictypmodout(PG_FUNCTION_ARGS)
{
	int32 typmod = PG_GETARG_INT32(0);
	if (!IsValidTypmod(typmod))
		PG_RETURN_CSTRING(pstrdup(""));
	PG_RETURN_CSTRING(psprintf("(%d,%d)", TypmodPrecision(typmod), TypmodScale(typmod)));
}

/* ---- sign, rounding and scale ---- */

Datum numeric_abs(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	Numeric res = Duplicate(value);
	uint16 header = HeaderOf(value);
	if (IsSpecial(value))
		res->n_header = header & ~kInfSignBit; /* -Infinity becomes Infinity; NaN stays */
	else if ((header & kSignMask) == kShortFlag)
		res->n_header = header & ~kShortSignBit;
	else
		res->n_header = kLongPositive | (header & kLongDscaleMask);
	PG_RETURN_NUMERIC(res);
}

Datum numeric_uminus(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	Numeric res = Duplicate(value);
	uint16 header = HeaderOf(value);
	if (IsSpecial(value))
	{
		if (!IsNaN(value))
			res->n_header = header ^ kInfSignBit;
	}
	else if (SignOf(value) != 0) /* zero stays positive */
	{
		if ((header & kSignMask) == kShortFlag)
			res->n_header = header ^ kShortSignBit;
		else
			res->n_header = ((header & kSignMask) == kLongPositive ? kLongNegative
																   : kLongPositive) |
				(header & kLongDscaleMask);
	}
	PG_RETURN_NUMERIC(res);
}

Datum numeric_uplus(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(Duplicate(PG_GETARG_NUMERIC(0)));
}

Datum numeric_sign(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsNaN(value))
		PG_RETURN_NUMERIC(MakeNaN());
	PG_RETURN_NUMERIC(MakeInt(SignOf(value)));
}

Datum numeric_round(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	int32 scale = PG_GETARG_INT32(1);
	if (IsSpecial(value))
		PG_RETURN_NUMERIC(Duplicate(value));
	/* Limits that keep the arithmetic in range: all digits a numeric can
	 * have after the point, before it plus one for a carry out of the top. */
	scale = Max(scale, -(kWeightMax + 1) * num::kDecDigits - 1);
	scale = Min(scale, kDscaleMax);
	Decimal d = num::DecimalOf(value);
	num::RoundTo(&d, scale);
	if (scale < 0)
		d.dscale = 0;
	PG_RETURN_NUMERIC(num::MakeNumeric(d));
}

Datum numeric_trunc(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	int32 scale = PG_GETARG_INT32(1);
	if (IsSpecial(value))
		PG_RETURN_NUMERIC(Duplicate(value));
	scale = Max(scale, -(kWeightMax + 1) * num::kDecDigits);
	scale = Min(scale, kDscaleMax);
	Decimal d = num::DecimalOf(value);
	num::TruncTo(&d, scale);
	if (scale < 0)
		d.dscale = 0;
	PG_RETURN_NUMERIC(num::MakeNumeric(d));
}

Datum numeric_ceil(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
		PG_RETURN_NUMERIC(Duplicate(value));
	PG_RETURN_NUMERIC(num::MakeNumeric(FloorOrCeil(num::DecimalOf(value), true)));
}

Datum numeric_floor(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
		PG_RETURN_NUMERIC(Duplicate(value));
	PG_RETURN_NUMERIC(num::MakeNumeric(FloorOrCeil(num::DecimalOf(value), false)));
}

Datum numeric_scale(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
		PG_RETURN_NULL();
	PG_RETURN_INT32(Unpack(value).dscale);
}

/* The fewest digits after the point that show the value exactly. */
static int MinScale(Numeric value)
{
	NbaseForm n = NbaseOf(value);
	if (n.digits.empty())
		return 0;
	int last = static_cast<int>(n.digits.size()) - 1;
	int min_scale = (last - n.weight) * num::kDecDigits;
	if (min_scale <= 0)
		return 0;
	for (int d = n.digits[last]; d % 10 == 0; d /= 10)
		min_scale--;
	return min_scale;
}

Datum numeric_min_scale(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
		PG_RETURN_NULL();
	PG_RETURN_INT32(MinScale(value));
}

Datum numeric_trim_scale(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
		PG_RETURN_NUMERIC(Duplicate(value));
	Decimal d = num::DecimalOf(value);
	d.dscale = MinScale(value);
	PG_RETURN_NUMERIC(num::MakeNumeric(d));
}

/* ---- comparison ---- */

Datum numeric_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(CompareNumerics(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1)));
}

Datum numeric_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareNumerics(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1)) == 0);
}

Datum numeric_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareNumerics(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1)) != 0);
}

Datum numeric_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareNumerics(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1)) < 0);
}

Datum numeric_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareNumerics(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1)) <= 0);
}

Datum numeric_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareNumerics(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1)) > 0);
}

Datum numeric_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(CompareNumerics(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1)) >= 0);
}

Datum numeric_smaller(PG_FUNCTION_ARGS)
{
	Numeric a = PG_GETARG_NUMERIC(0);
	Numeric b = PG_GETARG_NUMERIC(1);
	PG_RETURN_NUMERIC(CompareNumerics(a, b) < 0 ? a : b);
}

Datum numeric_larger(PG_FUNCTION_ARGS)
{
	Numeric a = PG_GETARG_NUMERIC(0);
	Numeric b = PG_GETARG_NUMERIC(1);
	PG_RETURN_NUMERIC(CompareNumerics(a, b) > 0 ? a : b);
}

/* RANGE offset PRECEDING/FOLLOWING: whether val <= base -/+ offset (less)
 * or val >= it, with NaN above everything. */
Datum in_range_numeric_numeric(PG_FUNCTION_ARGS)
{
	Numeric val = PG_GETARG_NUMERIC(0);
	Numeric base = PG_GETARG_NUMERIC(1);
	Numeric offset = PG_GETARG_NUMERIC(2);
	bool sub = PG_GETARG_BOOL(3);
	bool less = PG_GETARG_BOOL(4);

	if (IsNaN(offset) || IsNegInf(offset) || (!IsSpecial(offset) && SignOf(offset) < 0))
		ereport(ERROR, errcode(ERRCODE_INVALID_PRECEDING_OR_FOLLOWING_SIZE),
				errmsg("invalid preceding or following size in window function"));
	if (IsNaN(val))
		PG_RETURN_BOOL(IsNaN(base) ? true : !less);
	if (IsNaN(base))
		PG_RETURN_BOOL(less);
	if (IsPosInf(offset))
	{
		/* base -/+ Infinity: NaN when base is that same infinity (any val
		 * passes), else -Infinity or Infinity */
		if (sub ? IsPosInf(base) : IsNegInf(base))
			PG_RETURN_BOOL(true);
		if (sub)
			PG_RETURN_BOOL(less ? IsNegInf(val) : true);
		PG_RETURN_BOOL(less ? true : IsPosInf(val));
	}
	if (IsSpecial(val))
	{
		if (IsPosInf(val))
			PG_RETURN_BOOL(IsPosInf(base) ? true : !less);
		PG_RETURN_BOOL(IsNegInf(base) ? true : less);
	}
	if (IsSpecial(base))
		PG_RETURN_BOOL(IsNegInf(base) ? !less : less);
	Decimal b = num::DecimalOf(base);
	Decimal o = num::DecimalOf(offset);
	Decimal bound = sub ? num::Sub(b, o) : num::Add(b, o);
	int c = num::Compare(num::DecimalOf(val), bound);
	PG_RETURN_BOOL(less ? c <= 0 : c >= 0);
}

/* The hash of the significant digits' bytes, XORed with the weight: equal
 * values hash alike whatever their display scale. */
Datum hash_numeric(PG_FUNCTION_ARGS)
{
	Numeric key = PG_GETARG_NUMERIC(0);
	if (IsSpecial(key))
		PG_RETURN_UINT32(0);
	NbaseForm n = NbaseOf(key);
	if (n.digits.empty())
		PG_RETURN_UINT32(static_cast<uint32>(-1));
	uint32 c = hash_bytes(reinterpret_cast<const unsigned char *>(n.digits.data()),
						  static_cast<int>(n.digits.size() * sizeof(NumericDigit)));
	PG_RETURN_DATUM(static_cast<Datum>(static_cast<uint64>(c) ^
									   static_cast<uint64>(static_cast<int64>(n.weight))));
}

Datum hash_numeric_extended(PG_FUNCTION_ARGS)
{
	Numeric key = PG_GETARG_NUMERIC(0);
	uint64 seed = static_cast<uint64>(PG_GETARG_INT64(1));
	if (IsSpecial(key))
		PG_RETURN_INT64(static_cast<int64>(seed));
	NbaseForm n = NbaseOf(key);
	if (n.digits.empty())
		PG_RETURN_INT64(static_cast<int64>(seed - 1));
	uint64 h = hash_bytes_extended(reinterpret_cast<const unsigned char *>(n.digits.data()),
								   static_cast<int>(n.digits.size() * sizeof(NumericDigit)), seed);
	PG_RETURN_INT64(static_cast<int64>(h ^ static_cast<uint64>(static_cast<int64>(n.weight))));
}

/* ---- arithmetic ---- */

Datum numeric_add(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(numeric_add_opt_error(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1), nullptr));
}

Datum numeric_sub(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(numeric_sub_opt_error(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1), nullptr));
}

Datum numeric_mul(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(numeric_mul_opt_error(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1), nullptr));
}

Datum numeric_div(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(numeric_div_opt_error(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1), nullptr));
}

/* div(a, b): the quotient truncated to an integer. */
Datum numeric_div_trunc(PG_FUNCTION_ARGS)
{
	Numeric num1 = PG_GETARG_NUMERIC(0);
	Numeric num2 = PG_GETARG_NUMERIC(1);
	if (IsSpecial(num1) || IsSpecial(num2))
		PG_RETURN_NUMERIC(DivideSpecial(num1, num2, nullptr));
	PG_RETURN_NUMERIC(
		num::MakeNumeric(num::Div(num::DecimalOf(num1), num::DecimalOf(num2), 0, false)));
}

Datum numeric_mod(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(numeric_mod_opt_error(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1), nullptr));
}

Datum numeric_inc(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
		PG_RETURN_NUMERIC(Duplicate(value));
	PG_RETURN_NUMERIC(num::MakeNumeric(num::Add(num::DecimalOf(value), DecimalInt(1))));
}

Datum numeric_gcd(PG_FUNCTION_ARGS)
{
	Numeric num1 = PG_GETARG_NUMERIC(0);
	Numeric num2 = PG_GETARG_NUMERIC(1);
	if (IsSpecial(num1) || IsSpecial(num2))
		PG_RETURN_NUMERIC(MakeNaN());
	PG_RETURN_NUMERIC(num::MakeNumeric(Gcd(num::DecimalOf(num1), num::DecimalOf(num2))));
}

/* lcm(x, y) = |x / gcd(x, y) * y|, zero if either is; dscale the larger of
 * theirs. */
Datum numeric_lcm(PG_FUNCTION_ARGS)
{
	Numeric num1 = PG_GETARG_NUMERIC(0);
	Numeric num2 = PG_GETARG_NUMERIC(1);
	if (IsSpecial(num1) || IsSpecial(num2))
		PG_RETURN_NUMERIC(MakeNaN());
	Decimal x = num::DecimalOf(num1);
	Decimal y = num::DecimalOf(num2);
	Decimal r;
	if (!num::IsZero(x) && !num::IsZero(y))
	{
		r = num::Mul(y, num::Div(x, Gcd(x, y), 0, false));
		r.negative = false;
	}
	r.dscale = Max(x.dscale, y.dscale);
	PG_RETURN_NUMERIC(num::MakeNumeric(r));
}

Datum numeric_fac(PG_FUNCTION_ARGS)
{
	int64 n = PG_GETARG_INT64(0);
	if (n < 0)
		ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("factorial of a negative number is undefined"));
	/* 32178! has more digits than a numeric holds */
	if (n > 32177)
		ReportOverflow();
	/* Multiply the factors pairwise, so the operands stay balanced. */
	std::vector<num::BigNat> terms;
	for (int64 i = 2; i <= n; i++)
		terms.push_back(num::NatFromUint128(static_cast<unsigned __int128>(i)));
	while (terms.size() > 1)
	{
		std::vector<num::BigNat> next;
		for (size_t i = 0; i + 1 < terms.size(); i += 2)
			next.push_back(num::Mul(terms[i], terms[i + 1]));
		if (terms.size() % 2 == 1)
			next.push_back(std::move(terms.back()));
		terms = std::move(next);
	}
	Decimal r = DecimalInt(1);
	if (!terms.empty())
		r.mag = std::move(terms[0]);
	PG_RETURN_NUMERIC(num::MakeNumeric(r));
}

Datum numeric_sqrt(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
	{
		if (IsNegInf(value))
			ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
					errmsg("cannot take square root of a negative number"));
		PG_RETURN_NUMERIC(Duplicate(value));
	}
	Decimal x = num::DecimalOf(value);
	/* At least NUMERIC_MIN_SIG_DIGITS significant digits: the root's decimal
	 * weight is about half the argument's. */
	int sweight = (NbaseOf(value).weight + 1) * num::kDecDigits / 2 - 1;
	int rscale = ResultScale(NUMERIC_MIN_SIG_DIGITS - sweight, x.dscale);
	if (x.negative)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
				errmsg("cannot take square root of a negative number"));
	PG_RETURN_NUMERIC(num::MakeNumeric(num::Sqrt(x, rscale)));
}

Datum numeric_exp(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
	{
		if (IsNegInf(value))
			PG_RETURN_NUMERIC(MakeInt(0)); /* exp(-Infinity) = 0 */
		PG_RETURN_NUMERIC(Duplicate(value));
	}
	Decimal x = num::DecimalOf(value);
	/* the result's decimal weight is about x * log10(e) */
	double val = num::DecimalToDouble(x) * kLog10E;
	val = Max(val, -NUMERIC_MAX_RESULT_SCALE);
	val = Min(val, NUMERIC_MAX_RESULT_SCALE);
	int rscale = ResultScale(NUMERIC_MIN_SIG_DIGITS - static_cast<int>(val), x.dscale);
	PG_RETURN_NUMERIC(num::MakeNumeric(ExpChecked(x, rscale)));
}

Datum numeric_ln(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
	{
		if (IsNegInf(value))
			ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
					errmsg("cannot take logarithm of a negative number"));
		PG_RETURN_NUMERIC(Duplicate(value));
	}
	Decimal x = num::DecimalOf(value);
	int rscale = ResultScale(NUMERIC_MIN_SIG_DIGITS - EstimateLnDweight(x), x.dscale);
	CheckLnArgument(x);
	PG_RETURN_NUMERIC(num::MakeNumeric(num::Ln(x, rscale)));
}

/* log(base, x) */
Datum numeric_log(PG_FUNCTION_ARGS)
{
	Numeric num1 = PG_GETARG_NUMERIC(0);
	Numeric num2 = PG_GETARG_NUMERIC(1);
	if (IsSpecial(num1) || IsSpecial(num2))
	{
		if (IsNaN(num1) || IsNaN(num2))
			PG_RETURN_NUMERIC(MakeNaN());
		int sign1 = SignOf(num1);
		int sign2 = SignOf(num2);
		if (sign1 < 0 || sign2 < 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
					errmsg("cannot take logarithm of a negative number"));
		if (sign1 == 0 || sign2 == 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
					errmsg("cannot take logarithm of zero"));
		if (IsPosInf(num1))
			PG_RETURN_NUMERIC(IsPosInf(num2) ? MakeNaN() : MakeInt(0));
		PG_RETURN_NUMERIC(MakePosInf()); /* log(finite, Infinity) */
	}
	Decimal base = num::DecimalOf(num1);
	Decimal x = num::DecimalOf(num2);
	int ln_base_dweight = EstimateLnDweight(base);
	int ln_num_dweight = EstimateLnDweight(x);
	int result_dweight = ln_num_dweight - ln_base_dweight;
	int rscale = ResultScale(NUMERIC_MIN_SIG_DIGITS - result_dweight, base.dscale, x.dscale);
	CheckLnArgument(base);
	CheckLnArgument(x);
	/* Each logarithm with more significant digits than the quotient needs
	 * (the estimates may be one off, hence the guard). */
	int base_scale = Max(rscale + result_dweight - ln_base_dweight + 14, 0);
	int num_scale = Max(rscale + result_dweight - ln_num_dweight + 14, 0);
	Decimal ln_base = num::LnTruncated(base, base_scale);
	Decimal ln_num = num::LnTruncated(x, num_scale);
	PG_RETURN_NUMERIC(num::MakeNumeric(num::Div(ln_num, ln_base, rscale, true)));
}

Datum numeric_power(PG_FUNCTION_ARGS)
{
	Numeric num1 = PG_GETARG_NUMERIC(0);
	Numeric num2 = PG_GETARG_NUMERIC(1);
	if (IsSpecial(num1) || IsSpecial(num2))
	{
		/* POSIX pow(): NaN^0 = 1 and 1^NaN = 1, any other NaN gives NaN */
		if (IsNaN(num1))
			PG_RETURN_NUMERIC(!IsSpecial(num2) && SignOf(num2) == 0 ? MakeInt(1) : MakeNaN());
		if (IsNaN(num2))
		{
			bool one = !IsSpecial(num1) && num::Compare(num::DecimalOf(num1), DecimalInt(1)) == 0;
			PG_RETURN_NUMERIC(one ? MakeInt(1) : MakeNaN());
		}
		int sign1 = SignOf(num1);
		int sign2 = SignOf(num2);
		if (sign1 == 0 && sign2 < 0)
			ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
					errmsg("zero raised to a negative power is undefined"));
		if (sign1 < 0 && !IsIntegral(num2))
			ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
					errmsg("a negative number raised to a non-integer power yields a complex "
						   "result"));
		/* The rest is POSIX pow() with infinite arguments. */
		if (!IsSpecial(num1) && num::Compare(num::DecimalOf(num1), DecimalInt(1)) == 0)
			PG_RETURN_NUMERIC(MakeInt(1));
		if (sign2 == 0)
			PG_RETURN_NUMERIC(MakeInt(1));
		if (sign1 == 0 && sign2 > 0)
			PG_RETURN_NUMERIC(MakeInt(0));
		if (IsInf(num2))
		{
			bool abs_x_gt_one = true;
			if (!IsSpecial(num1))
			{
				Decimal x = num::DecimalOf(num1);
				if (num::Compare(x, DecimalInt(-1)) == 0)
					PG_RETURN_NUMERIC(MakeInt(1));
				abs_x_gt_one = num::CompareAbs(x, DecimalInt(1)) > 0;
			}
			PG_RETURN_NUMERIC(abs_x_gt_one == (sign2 > 0) ? MakePosInf() : MakeInt(0));
		}
		if (IsPosInf(num1))
			PG_RETURN_NUMERIC(sign2 > 0 ? MakePosInf() : MakeInt(0));
		/* -Infinity to a finite power */
		if (sign2 < 0)
			PG_RETURN_NUMERIC(MakeInt(0));
		NbaseForm e = NbaseOf(num2);
		bool odd = !e.digits.empty() && static_cast<int>(e.digits.size()) == e.weight + 1 &&
			(e.digits.back() & 1);
		PG_RETURN_NUMERIC(odd ? MakeNegInf() : MakePosInf());
	}
	/* SQL wants 2201F here, not a division by zero */
	if (SignOf(num1) == 0 && SignOf(num2) < 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
				errmsg("zero raised to a negative power is undefined"));
	PG_RETURN_NUMERIC(num::MakeNumeric(Power(num::DecimalOf(num1), num::DecimalOf(num2))));
}

/* width_bucket(operand, low, high, count): 0 below low, count + 1 at or
 * above high, else 1 + floor((operand - low) * count / (high - low)). */
Datum width_bucket_numeric(PG_FUNCTION_ARGS)
{
	Numeric operand = PG_GETARG_NUMERIC(0);
	Numeric bound1 = PG_GETARG_NUMERIC(1);
	Numeric bound2 = PG_GETARG_NUMERIC(2);
	int32 count = PG_GETARG_INT32(3);
	if (count <= 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
				errmsg("count must be greater than zero"));
	if (IsSpecial(operand) || IsSpecial(bound1) || IsSpecial(bound2))
	{
		if (IsNaN(operand) || IsNaN(bound1) || IsNaN(bound2))
			ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
					errmsg("operand, lower bound, and upper bound cannot be NaN"));
		if (IsInf(bound1) || IsInf(bound2))
			ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
					errmsg("lower and upper bounds must be finite"));
	}
	int bounds = CompareNumerics(bound1, bound2);
	if (bounds == 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
				errmsg("lower bound cannot equal upper bound"));
	bool reversed = bounds > 0;
	Decimal result;
	if (reversed ? CompareNumerics(operand, bound1) > 0 : CompareNumerics(operand, bound1) < 0)
		result = DecimalInt(0);
	else if (reversed ? CompareNumerics(operand, bound2) <= 0
					  : CompareNumerics(operand, bound2) >= 0)
		result = DecimalInt(static_cast<int64>(count) + 1);
	else
	{
		Decimal b1 = num::DecimalOf(bound1);
		Decimal b2 = num::DecimalOf(bound2);
		Decimal op = num::DecimalOf(operand);
		Decimal offset = reversed ? num::Sub(b1, op) : num::Sub(op, b1);
		Decimal width = reversed ? num::Sub(b1, b2) : num::Sub(b2, b1);
		/* multiply before dividing, to keep the rounding out */
		offset = num::Mul(offset, DecimalInt(count));
		result = num::Div(offset, width, num::SelectDivScale(offset, width), true);
		result = FloorOrCeil(num::Add(result, DecimalInt(1)), false);
	}
	int64 bucket;
	if (!DecimalToInt64(result, &bucket) || bucket > PG_INT32_MAX)
		tusk::adt::ReportOutOfRange("integer");
	PG_RETURN_INT32(static_cast<int32>(bucket));
}

/* ---- conversions ---- */

Datum int2_numeric(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(MakeInt(PG_GETARG_INT16(0)));
}

Datum int4_numeric(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(MakeInt(PG_GETARG_INT32(0)));
}

Datum int8_numeric(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(MakeInt(PG_GETARG_INT64(0)));
}

Datum numeric_int2(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
		ReportSpecialConversion(value, "smallint");
	int64 v;
	if (!DecimalToInt64(num::DecimalOf(value), &v) || v < PG_INT16_MIN || v > PG_INT16_MAX)
		tusk::adt::ReportOutOfRange("smallint");
	PG_RETURN_INT16(static_cast<int16>(v));
}

Datum numeric_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(numeric_int4_opt_error(PG_GETARG_NUMERIC(0), nullptr));
}

Datum numeric_int8(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
		ReportSpecialConversion(value, "bigint");
	int64 v;
	if (!DecimalToInt64(num::DecimalOf(value), &v))
		tusk::adt::ReportOutOfRange("bigint");
	PG_RETURN_INT64(v);
}

/* float8 and float4 become numeric through their text at DBL_DIG and
 * FLT_DIG significant digits, as in PostgreSQL. */
Datum float8_numeric(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(FloatToNumeric(PG_GETARG_FLOAT8(0), DBL_DIG));
}

Datum float4_numeric(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(FloatToNumeric(PG_GETARG_FLOAT4(0), FLT_DIG));
}

/* numeric to float through numeric's text and the float input function
 * (so its range errors). */
Datum numeric_float8(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
	{
		if (IsNaN(value))
			PG_RETURN_FLOAT8(NAN);
		PG_RETURN_FLOAT8(IsPosInf(value) ? INFINITY : -INFINITY);
	}
	char *text = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(value)));
	PG_RETURN_DATUM(DirectFunctionCall1(float8in, CStringGetDatum(text)));
}

Datum numeric_float4(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
	{
		if (IsNaN(value))
			PG_RETURN_FLOAT4(NAN);
		PG_RETURN_FLOAT4(IsPosInf(value) ? INFINITY : -INFINITY);
	}
	char *text = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(value)));
	PG_RETURN_DATUM(DirectFunctionCall1(float4in, CStringGetDatum(text)));
}

Datum numeric_float8_no_overflow(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
	{
		if (IsNaN(value))
			PG_RETURN_FLOAT8(NAN);
		PG_RETURN_FLOAT8(IsPosInf(value) ? HUGE_VAL : -HUGE_VAL);
	}
	PG_RETURN_FLOAT8(num::DecimalToDouble(num::DecimalOf(value)));
}

/* pg_lsn is an unsigned 64-bit position. */
Datum numeric_pg_lsn(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	if (IsSpecial(value))
		ReportSpecialConversion(value, "pg_lsn");
	__int128 v;
	if (!DecimalToInt128(num::DecimalOf(value), &v) || v < 0 ||
		v > static_cast<__int128>(UINT64_MAX))
		ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE), errmsg("pg_lsn out of range"));
	PG_RETURN_DATUM(static_cast<Datum>(static_cast<uint64>(v)));
}

/* ---- binary input and output ----
 *
 * PostgreSQL's external binary form: ndigits, weight, sign and dscale as
 * 16-bit integers, then ndigits base-10000 digits, most significant
 * first.  The sign word also marks NaN and the infinities (no digits).
 */

namespace {

constexpr uint16 kExternalPos = 0x0000;
constexpr uint16 kExternalNeg = 0x4000;
constexpr uint16 kExternalNaN = 0xC000;
constexpr uint16 kExternalPinf = 0xD000;
constexpr uint16 kExternalNinf = 0xF000;
constexpr uint16 kExternalDscaleMask = 0x3FFF;
constexpr int kNbase = 10000;
constexpr uint16 kInfinityExternalDscale = 32;

[[noreturn]] void InvalidExternal(const char *what)
{
	ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			errmsg("invalid %s in external \"numeric\" value", what));
	pg_unreachable();
}

}  // namespace

Datum numeric_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
	int32 typmod = PG_GETARG_INT32(2);
	int ndigits = static_cast<int>(pq_getmsgint(buf, 2));
	auto weight = static_cast<int16>(pq_getmsgint(buf, 2));
	auto sign = static_cast<uint16>(pq_getmsgint(buf, 2));
	auto dscale = static_cast<uint16>(pq_getmsgint(buf, 2));
	NumericKind kind = NumericKind::kFinite;
	switch (sign)
	{
		case kExternalPos:
		case kExternalNeg:
			break;
		case kExternalNaN:
			kind = NumericKind::kNaN;
			break;
		case kExternalPinf:
			kind = NumericKind::kPosInf;
			break;
		case kExternalNinf:
			kind = NumericKind::kNegInf;
			break;
		default:
			InvalidExternal("sign");
	}
	if ((dscale & kExternalDscaleMask) != dscale)
		InvalidExternal("scale");
	std::vector<NumericDigit> digits(static_cast<size_t>(ndigits));
	for (auto &d : digits)
	{
		auto digit = static_cast<int16>(pq_getmsgint(buf, 2));
		if (digit < 0 || digit >= kNbase)
			InvalidExternal("digit");
		d = static_cast<NumericDigit>(digit);
	}
	if (kind != NumericKind::kFinite)
	{
		Numeric res = num::MakeSpecialNumeric(kind);
		ApplyTypmodSpecial(res, typmod);
		PG_RETURN_NUMERIC(res);
	}
	Decimal value = num::FromNbase(sign == kExternalNeg, weight, dscale, digits.data(), ndigits);
	/* Digits beyond dscale are dropped, as PostgreSQL's trunc_var does. */
	num::TruncTo(&value, dscale);
	ApplyTypmod(&value, typmod);
	PG_RETURN_NUMERIC(num::MakeNumeric(value));
}

Datum numeric_send(PG_FUNCTION_ARGS)
{
	Numeric value = PG_GETARG_NUMERIC(0);
	StringInfoData buf;
	pq_begintypsend(&buf);
	if (IsSpecial(value))
	{
		NumericKind kind = num::KindOf(value);
		uint16 sign = kind == NumericKind::kNaN ? kExternalNaN
			: kind == NumericKind::kPosInf		? kExternalPinf
												: kExternalNinf;
		pq_sendint16(&buf, 0);
		pq_sendint16(&buf, 0);
		pq_sendint16(&buf, sign);
		/* PostgreSQL reads a special value's scale from header bits that
		 * are 0 for NaN and 32 for the infinities; clients see that. */
		pq_sendint16(&buf, kind == NumericKind::kNaN ? 0 : kInfinityExternalDscale);
		PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
	}
	NbaseForm n = num::ToNbase(num::DecimalOf(value));
	pq_sendint16(&buf, static_cast<uint16>(n.digits.size()));
	pq_sendint16(&buf, static_cast<uint16>(n.weight));
	pq_sendint16(&buf, n.negative ? kExternalNeg : kExternalPos);
	pq_sendint16(&buf, static_cast<uint16>(n.dscale));
	for (NumericDigit d : n.digits)
		pq_sendint16(&buf, static_cast<uint16>(d));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
