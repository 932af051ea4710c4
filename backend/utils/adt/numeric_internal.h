/*
 * numeric_internal.h — the exact decimal arithmetic behind the numeric
 * type (private to backend/utils/adt: numeric.cpp, numeric_agg.cpp and the
 * unit tests).
 *
 * Two layers.  BigNat is a natural number in base 10000, little-endian
 * limbs, with schoolbook multiplication and Knuth's long division.
 * Decimal is a signed finite value mag * 10^-scale with a display scale
 * (dscale, PostgreSQL's number of digits shown after the point); NaN and
 * the infinities never reach this layer.  Addition, subtraction and
 * multiplication are exact; division, square root, exp and ln give the
 * value rounded (half away from zero) or truncated at a requested number
 * of decimal places.  Division and square root are exact before that
 * rounding; exp and ln carry enough guard digits that the rounding is
 * the true value's except when the true value lies within about 1e-8 of
 * a unit in the last place of a rounding boundary.
 *
 * NbaseForm is the stored layout's view of a Decimal: base-10000 digits
 * aligned at the decimal point, most significant first, without leading
 * or trailing zero digits, and the weight of the first (PostgreSQL's
 * NumericVar without the special values).  The scale rules PostgreSQL
 * applies (select_div_scale and its kin) are stated on this form, so the
 * callers compute them from it.
 *
 * Errors: Div raises 22012 "division by zero"; nothing else here raises
 * an error, and the callers check ranges (the stored format's limits are
 * numeric.cpp's business).  Memory: std::vector, freed by destructors,
 * also when an ERROR unwinds.
 *
 * Entry points: BigNat and its operations, Decimal and its operations
 * (Add, Sub, Mul, Div, RoundTo, TruncTo, Sqrt, Exp, Ln, Compare),
 * ToNbase and FromNbase, FormatDecimal, DecimalToDouble; and, defined in
 * numeric.cpp, the bridge to stored values (KindOf, DecimalOf,
 * MakeNumeric, MakeSpecialNumeric) and SelectDivScale.
 */
#ifndef TUSK_BACKEND_UTILS_ADT_NUMERIC_INTERNAL_H
#define TUSK_BACKEND_UTILS_ADT_NUMERIC_INTERNAL_H

#include "postgres.h"

#include <string>
#include <vector>

#include "utils/numeric.h"

namespace tusk::adt::numeric {

/* One base-10000 digit of a stored numeric (NumericDigit). */
using NumericDigit = int16;

constexpr int kNbase = 10000;
constexpr int kDecDigits = 4; /* decimal digits per base-10000 digit */

/* ---- natural numbers ---- */

/* A natural number: limbs[i] * 10000^i summed, each limb below 10000,
 * no zero limb at the top (zero has no limbs). */
struct BigNat
{
	std::vector<uint32> limbs;
};

BigNat NatFromUint128(unsigned __int128 v);
inline bool IsZero(const BigNat &a)
{
	return a.limbs.empty();
}
/* -1, 0, 1 as a <, =, > b. */
int Compare(const BigNat &a, const BigNat &b);
BigNat Add(const BigNat &a, const BigNat &b);
/* a - b; a must be >= b. */
BigNat Sub(const BigNat &a, const BigNat &b);
BigNat Mul(const BigNat &a, const BigNat &b);
/* a * m, any m. */
BigNat MulSmall(const BigNat &a, uint32 m);
/* floor(a / d) for 0 < d; the remainder in *rem if rem is not null. */
BigNat DivSmall(const BigNat &a, uint32 d, uint32 *rem = nullptr);
/* Quotient floor(a / b) and remainder, b > 0; either output may be null. */
void DivMod(const BigNat &a, const BigNat &b, BigNat *quot, BigNat *rem);
/* a * 10^k and floor(a / 10^k), k >= 0. */
BigNat MulPow10(const BigNat &a, int k);
BigNat DivPow10(const BigNat &a, int k);
/* floor(sqrt(a)). */
BigNat ISqrt(const BigNat &a);
/* The number of decimal digits of a (0 for zero). */
int DecimalDigits(const BigNat &a);
/* a as an unsigned 128-bit integer; false if it does not fit. */
bool NatToUint128(const BigNat &a, unsigned __int128 *out);

/* ---- decimal values ---- */

/* (negative ? -1 : 1) * mag * 10^-scale, shown with dscale digits after the
 * point.  scale may be negative (trailing zeros before the point are not
 * stored) and need not equal dscale; zero is never negative. */
struct Decimal
{
	bool negative = false;
	BigNat mag;
	int scale = 0;
	int dscale = 0;
};

/* v with dscale 0. */
Decimal DecimalFromInt128(__int128 v);
inline bool IsZero(const Decimal &a)
{
	return a.mag.limbs.empty();
}
/* -1, 0, 1 as a <, =, > b, and the same for |a| and |b|. */
int Compare(const Decimal &a, const Decimal &b);
int CompareAbs(const Decimal &a, const Decimal &b);
/* floor(log10(|a|)) for a != 0: the decimal weight of the leading digit. */
int DecimalWeight(const Decimal &a);

/* Exact; dscale max(a, b) for the sum and difference, a + b for the product. */
Decimal Add(const Decimal &a, const Decimal &b);
Decimal Sub(const Decimal &a, const Decimal &b);
Decimal Mul(const Decimal &a, const Decimal &b);
/* a / b at rscale decimal places, rounded or truncated toward zero;
 * dscale rscale.  22012 if b is zero. */
Decimal Div(const Decimal &a, const Decimal &b, int rscale, bool round);
/* Round (half away from zero) or truncate at rscale decimal places
 * (rscale < 0: before the point); dscale becomes rscale. */
void RoundTo(Decimal *a, int rscale);
void TruncTo(Decimal *a, int rscale);
/* Keep at most digits significant digits, truncating (scale adjusts). */
void TruncSignificant(Decimal *a, int digits);

/* sqrt(a) for a >= 0, rounded at rscale (correctly: it is exact first). */
Decimal Sqrt(const Decimal &a, int rscale);
/* e^a rounded at rscale; zero when that rounds to zero.  |a| should be
 * below about 7000 (the callers' overflow checks see to it). */
Decimal Exp(const Decimal &a, int rscale);
/* ln(a) for a > 0, rounded at rscale (>= 0). */
Decimal Ln(const Decimal &a, int rscale);
/* ln(a) truncated at scale digits, with error below a unit there. */
Decimal LnTruncated(const Decimal &a, int scale);

/* ---- the stored layout ---- */

/* A finite value as base-10000 digits: digits[0] counts 10000^weight;
 * no leading or trailing zero digits; zero has none and weight 0. */
struct NbaseForm
{
	bool negative = false;
	int weight = 0;
	int dscale = 0;
	std::vector<NumericDigit> digits;
};

NbaseForm ToNbase(const Decimal &a);
Decimal FromNbase(bool negative, int weight, int dscale, const NumericDigit *digits, int ndigits);

/* The text numeric_out prints: every digit before the point ("0" if none)
 * and exactly dscale digits after it (dropping any stored beyond). */
std::string FormatNbase(const NbaseForm &n);
inline std::string FormatDecimal(const Decimal &a)
{
	return FormatNbase(ToNbase(a));
}
/* The text as strtod reads it, ignoring overflow (+-HUGE_VAL). */
double DecimalToDouble(const Decimal &a);

/* ---- stored values (numeric.cpp) ---- */

enum class NumericKind
{
	kFinite,
	kNaN,
	kPosInf,
	kNegInf,
};

NumericKind KindOf(Numeric num);
/* A finite stored value as a Decimal. */
Decimal DecimalOf(Numeric num);
/* The stored form of a, palloc'd: short header when the weight and
 * dscale allow it.  22003 "value overflows numeric format" if the weight
 * or dscale does not fit the format. */
Numeric MakeNumeric(const Decimal &a);
Numeric MakeSpecialNumeric(NumericKind kind);
/* PostgreSQL's result scale for a / b: at least NUMERIC_MIN_SIG_DIGITS
 * significant digits and no less than either input's dscale. */
int SelectDivScale(const Decimal &a, const Decimal &b);

}  // namespace tusk::adt::numeric

#endif	// TUSK_BACKEND_UTILS_ADT_NUMERIC_INTERNAL_H
