/*
 * numeric_math.cpp — exact decimal arithmetic for the numeric type:
 * natural numbers in base 10000 (BigNat) and signed decimals with a
 * display scale (Decimal), as numeric_internal.h describes.
 *
 * Division is Knuth's algorithm D (The Art of Computer Programming,
 * vol. 2, 4.3.1) in base 10000.  The integer square root is Newton's
 * iteration started above the root from a floating-point estimate, so it
 * descends to floor(sqrt(a)) exactly.  exp and ln work in fixed point with
 * guard digits: exp(x) = exp(x / 2^n)^(2^n) with a Taylor series for the
 * small argument; ln(x) = e ln 10 + 2^(k+1) atanh((m - 1) / (m + 1)) where
 * x = m 10^e and m is brought near 1 by k square roots; ln 10 comes from
 * 6 atanh(1/3) + 2 atanh(1/9).  How many guard digits each step needs is
 * said where it is chosen.
 *
 * Principal entry points: see numeric_internal.h.
 */
#include "postgres.h"

#include <math.h>
#include <stdlib.h>

#include <algorithm>

#include "adt_internal.h"
#include "numeric_internal.h"

namespace tusk::adt::numeric {

namespace {

constexpr uint32 kPow10[kDecDigits] = {1, 10, 100, 1000};

/* Drop zero limbs at the top, so equal numbers have equal limbs. */
void Trim(BigNat *a)
{
	while (!a->limbs.empty() && a->limbs.back() == 0)
		a->limbs.pop_back();
}

BigNat NatOne()
{
	BigNat one;
	one.limbs.push_back(1);
	return one;
}

/* a * 2^k, k >= 0. */
BigNat MulPow2(BigNat a, int k)
{
	while (k > 0)
	{
		int step = std::min(k, 18); /* 2^18 * 9999 stays far below 2^32 */
		a = MulSmall(a, 1u << step);
		k -= step;
	}
	return a;
}

/* a * 5^k, k >= 0. */
BigNat MulPow5(BigNat a, int k)
{
	while (k > 0)
	{
		int step = std::min(k, 13); /* 5^13 < 2^32 */
		uint32 m = 1;
		for (int i = 0; i < step; i++)
			m *= 5;
		a = MulSmall(a, m);
		k -= step;
	}
	return a;
}

/* A decimal with the given magnitude and scale; dscale = max(scale, 0). */
Decimal MakeDecimal(BigNat mag, int scale, bool negative)
{
	Decimal d;
	d.negative = negative && !IsZero(mag);
	d.mag = std::move(mag);
	d.scale = scale;
	d.dscale = std::max(scale, 0);
	return d;
}

/* A rough double for a (any size): for estimates only. */
double ApproxDouble(const Decimal &a)
{
	if (IsZero(a))
		return 0;
	int nd = DecimalDigits(a.mag);
	int drop = std::max(0, nd - 18);
	BigNat top = DivPow10(a.mag, drop);
	unsigned __int128 v = 0;
	NatToUint128(top, &v);
	double r = static_cast<double>(v) * pow(10.0, drop - a.scale);
	return a.negative ? -r : r;
}

/* a / d keeping a's scale, truncating toward zero. */
Decimal DivInt(const Decimal &a, uint32 d)
{
	return MakeDecimal(DivSmall(a.mag, d), a.scale, a.negative);
}

/* a * b truncated (toward zero) at scale places. */
Decimal MulTrunc(const Decimal &a, const Decimal &b, int scale)
{
	Decimal p = Mul(a, b);
	TruncTo(&p, scale);
	return p;
}

Decimal DecimalOne()
{
	return MakeDecimal(NatOne(), 0, false);
}

/* sum over odd j of 1 / (j q^j), times 10^scale, truncated: atanh(1/q).
 * floor(floor(x) / n) = floor(x / n), so every power is exact and each
 * term is off by less than one unit. */
BigNat AtanhInverse(uint32 q, int scale)
{
	BigNat p = DivSmall(MulPow10(NatOne(), scale), q);
	BigNat sum = p;
	for (uint32 j = 3;; j += 2)
	{
		p = DivSmall(p, q * q);
		if (IsZero(p))
			break;
		sum = Add(sum, DivSmall(p, j));
	}
	return sum;
}

/* ln 10 at scale places, error below one unit there: 10 = 2^3 * 1.25, and
 * ln 2 = 2 atanh(1/3), ln 1.25 = 2 atanh(1/9).  The guard digits cover one
 * unit of error per series term (about scale of them). */
Decimal LnTen(int scale)
{
	int guard = 6 + DecimalDigits(NatFromUint128(static_cast<unsigned __int128>(scale) + 1));
	int work = scale + guard;
	BigNat sum = Add(MulSmall(AtanhInverse(3, work), 6), MulSmall(AtanhInverse(9, work), 2));
	Decimal r = MakeDecimal(std::move(sum), work, false);
	TruncTo(&r, scale);
	return r;
}

/* A signed remainder for SqrtRem: (negative ? -1 : 1) * mag. */
struct Signed
{
	bool negative = false;
	BigNat mag;
};

Signed SignedAdd(const Signed &x, const BigNat &y)
{
	if (!x.negative)
		return {false, Add(x.mag, y)};
	if (Compare(x.mag, y) > 0)
		return {true, Sub(x.mag, y)};
	return {false, Sub(y, x.mag)};
}

Signed SignedSub(const Signed &x, const BigNat &y)
{
	if (x.negative)
		return {true, Add(x.mag, y)};
	if (Compare(x.mag, y) >= 0)
		return {false, Sub(x.mag, y)};
	return {true, Sub(y, x.mag)};
}

/* limbs [from, from + count) of a, as a number */
BigNat LimbSlice(const BigNat &a, size_t from, size_t count)
{
	BigNat r;
	if (from < a.limbs.size())
		r.limbs.assign(a.limbs.begin() + from,
					   a.limbs.begin() + std::min(a.limbs.size(), from + count));
	Trim(&r);
	return r;
}

/* a * B^k */
BigNat ShiftLimbs(const BigNat &a, size_t k)
{
	if (IsZero(a))
		return a;
	BigNat r;
	r.limbs.assign(k, 0);
	r.limbs.insert(r.limbs.end(), a.limbs.begin(), a.limbs.end());
	return r;
}

/* floor(sqrt(a)) and a - its square: Zimmermann's Karatsuba square root
 * ("Karatsuba Square Root", INRIA RR-3805, 1999).  With a = H B^2k +
 * a1 B^k + a0 (a1, a0 below B^k) and s'^2 + r' = H, the root is s' B^k + q
 * for q = floor((r' B^k + a1) / 2s'), off by at most one or two; the
 * remainder r = u B^k + a0 - q^2 (u the division's remainder) says which
 * way.  k at most (limbs - 1) / 4 keeps s' >= B^k / 2, which bounds q. */
void SqrtRem(const BigNat &a, BigNat *root, BigNat *rem)
{
	size_t n = a.limbs.size();
	if (n <= 4)
	{
		/* below 10^16 < 2^54: a double's root, then corrected */
		unsigned __int128 v128 = 0;
		NatToUint128(a, &v128);
		uint64 v = static_cast<uint64>(v128);
		uint64 s = static_cast<uint64>(sqrt(static_cast<double>(v)));
		while (s * s > v)
			s--;
		while ((s + 1) * (s + 1) <= v)
			s++;
		*root = NatFromUint128(s);
		if (rem != nullptr)
			*rem = NatFromUint128(v - s * s);
		return;
	}
	size_t k = (n - 1) / 4;
	BigNat s1;
	BigNat r1;
	SqrtRem(LimbSlice(a, 2 * k, n), &s1, &r1);
	BigNat q;
	BigNat u;
	DivMod(Add(ShiftLimbs(r1, k), LimbSlice(a, k, k)), MulSmall(s1, 2), &q, &u);
	BigNat s = Add(ShiftLimbs(s1, k), q);
	Signed r = SignedSub({false, Add(ShiftLimbs(u, k), LimbSlice(a, 0, k))}, Mul(q, q));
	while (r.negative && !IsZero(r.mag))
	{
		/* (s - 1)^2 = s^2 - 2s + 1 */
		r = SignedAdd(r, Sub(MulSmall(s, 2), NatOne()));
		s = Sub(s, NatOne());
	}
	for (;;)
	{
		/* (s + 1)^2 = s^2 + 2s + 1 */
		BigNat step = Add(MulSmall(s, 2), NatOne());
		if (Compare(r.mag, step) < 0)
			break;
		r = SignedSub(r, step);
		s = Add(s, NatOne());
	}
	*root = std::move(s);
	if (rem != nullptr)
		*rem = std::move(r.mag);
}

}  // namespace

/* ---- BigNat ---- */

BigNat NatFromUint128(unsigned __int128 v)
{
	BigNat r;
	while (v != 0)
	{
		r.limbs.push_back(static_cast<uint32>(v % kNbase));
		v /= kNbase;
	}
	return r;
}

int Compare(const BigNat &a, const BigNat &b)
{
	if (a.limbs.size() != b.limbs.size())
		return a.limbs.size() < b.limbs.size() ? -1 : 1;
	for (size_t i = a.limbs.size(); i-- > 0;)
	{
		if (a.limbs[i] != b.limbs[i])
			return a.limbs[i] < b.limbs[i] ? -1 : 1;
	}
	return 0;
}

BigNat Add(const BigNat &a, const BigNat &b)
{
	const BigNat &longer = a.limbs.size() >= b.limbs.size() ? a : b;
	const BigNat &shorter = a.limbs.size() >= b.limbs.size() ? b : a;
	BigNat r;
	r.limbs.resize(longer.limbs.size() + 1);
	uint32 carry = 0;
	for (size_t i = 0; i < longer.limbs.size(); i++)
	{
		uint32 v = longer.limbs[i] + carry + (i < shorter.limbs.size() ? shorter.limbs[i] : 0);
		carry = v >= kNbase ? 1 : 0;
		r.limbs[i] = v - carry * kNbase;
	}
	r.limbs[longer.limbs.size()] = carry;
	Trim(&r);
	return r;
}

BigNat Sub(const BigNat &a, const BigNat &b)
{
	Assert(Compare(a, b) >= 0);
	BigNat r;
	r.limbs.resize(a.limbs.size());
	int32 borrow = 0;
	for (size_t i = 0; i < a.limbs.size(); i++)
	{
		int32 v = static_cast<int32>(a.limbs[i]) - borrow -
			(i < b.limbs.size() ? static_cast<int32>(b.limbs[i]) : 0);
		borrow = v < 0 ? 1 : 0;
		r.limbs[i] = static_cast<uint32>(v + borrow * kNbase);
	}
	Trim(&r);
	return r;
}

BigNat Mul(const BigNat &a, const BigNat &b)
{
	if (IsZero(a) || IsZero(b))
		return {};
	/* Each product is below 10^8, so a column of them fits in 64 bits
	 * until well past any size a numeric reaches. */
	std::vector<uint64> acc(a.limbs.size() + b.limbs.size(), 0);
	for (size_t i = 0; i < a.limbs.size(); i++)
	{
		uint64 ai = a.limbs[i];
		if (ai == 0)
			continue;
		uint64 *col = acc.data() + i;
		for (size_t j = 0; j < b.limbs.size(); j++)
			col[j] += ai * b.limbs[j];
	}
	BigNat r;
	r.limbs.resize(acc.size());
	uint64 carry = 0;
	for (size_t k = 0; k < acc.size(); k++)
	{
		uint64 v = acc[k] + carry;
		r.limbs[k] = static_cast<uint32>(v % kNbase);
		carry = v / kNbase;
	}
	Assert(carry == 0);
	Trim(&r);
	return r;
}

BigNat MulSmall(const BigNat &a, uint32 m)
{
	if (IsZero(a) || m == 0)
		return {};
	BigNat r;
	r.limbs.reserve(a.limbs.size() + 3);
	uint64 carry = 0;
	for (uint32 limb : a.limbs)
	{
		uint64 v = static_cast<uint64>(limb) * m + carry;
		r.limbs.push_back(static_cast<uint32>(v % kNbase));
		carry = v / kNbase;
	}
	while (carry != 0)
	{
		r.limbs.push_back(static_cast<uint32>(carry % kNbase));
		carry /= kNbase;
	}
	return r;
}

BigNat DivSmall(const BigNat &a, uint32 d, uint32 *rem)
{
	Assert(d != 0);
	BigNat q;
	q.limbs.resize(a.limbs.size());
	uint64 r = 0;
	for (size_t i = a.limbs.size(); i-- > 0;)
	{
		r = r * kNbase + a.limbs[i];
		q.limbs[i] = static_cast<uint32>(r / d);
		r %= d;
	}
	Trim(&q);
	if (rem != nullptr)
		*rem = static_cast<uint32>(r);
	return q;
}

void DivMod(const BigNat &a, const BigNat &b, BigNat *quot, BigNat *rem)
{
	Assert(!IsZero(b));
	if (Compare(a, b) < 0)
	{
		if (rem != nullptr)
			*rem = a;
		if (quot != nullptr)
			*quot = {};
		return;
	}
	if (b.limbs.size() == 1)
	{
		uint32 r;
		BigNat q = DivSmall(a, b.limbs[0], &r);
		if (rem != nullptr)
			*rem = NatFromUint128(r);
		if (quot != nullptr)
			*quot = std::move(q);
		return;
	}

	/* Scale both so the divisor's top limb is at least kNbase / 2; then
	 * the trial quotient digit is at most two too large. */
	uint32 norm = kNbase / (b.limbs.back() + 1);
	BigNat v = MulSmall(b, norm);
	BigNat un = MulSmall(a, norm);
	size_t n = v.limbs.size();
	std::vector<int64> u(un.limbs.begin(), un.limbs.end());
	if (u.size() == a.limbs.size())
		u.push_back(0);
	u.push_back(0);
	size_t m = u.size() - n - 1; /* quotient limbs: m */
	BigNat q;
	q.limbs.assign(m, 0);
	const int64 vtop = v.limbs[n - 1];
	const int64 vnext = v.limbs[n - 2];
	for (size_t j = m; j-- > 0;)
	{
		int64 num = u[j + n] * kNbase + u[j + n - 1];
		int64 qhat = num / vtop;
		int64 rhat = num % vtop;
		while (qhat >= kNbase || qhat * vnext > rhat * kNbase + u[j + n - 2])
		{
			qhat--;
			rhat += vtop;
			if (rhat >= kNbase)
				break;
		}
		/* u[j .. j+n] -= qhat * v */
		int64 borrow = 0;
		for (size_t i = 0; i < n; i++)
		{
			int64 t = u[i + j] - borrow - qhat * static_cast<int64>(v.limbs[i]);
			/* floor division by kNbase, t may be negative */
			int64 carry = t >= 0 ? t / kNbase : -((-t + kNbase - 1) / kNbase);
			u[i + j] = t - carry * kNbase;
			borrow = -carry;
		}
		int64 top = u[j + n] - borrow;
		if (top < 0)
		{
			/* qhat was one too large: add v back */
			qhat--;
			int64 carry = 0;
			for (size_t i = 0; i < n; i++)
			{
				int64 t = u[i + j] + static_cast<int64>(v.limbs[i]) + carry;
				carry = t >= kNbase ? 1 : 0;
				u[i + j] = t - carry * kNbase;
			}
			top += carry;
		}
		u[j + n] = top;
		q.limbs[j] = static_cast<uint32>(qhat);
	}
	Trim(&q);
	if (rem != nullptr)
	{
		BigNat r;
		r.limbs.resize(n);
		for (size_t i = 0; i < n; i++)
			r.limbs[i] = static_cast<uint32>(u[i]);
		Trim(&r);
		*rem = DivSmall(r, norm);
	}
	if (quot != nullptr)
		*quot = std::move(q);
}

BigNat MulPow10(const BigNat &a, int k)
{
	Assert(k >= 0);
	if (IsZero(a) || k == 0)
		return a;
	BigNat r;
	r.limbs.assign(k / kDecDigits, 0);
	r.limbs.insert(r.limbs.end(), a.limbs.begin(), a.limbs.end());
	if (k % kDecDigits != 0)
		r = MulSmall(r, kPow10[k % kDecDigits]);
	return r;
}

BigNat DivPow10(const BigNat &a, int k)
{
	Assert(k >= 0);
	size_t drop = k / kDecDigits;
	if (drop >= a.limbs.size())
		return {};
	BigNat r;
	r.limbs.assign(a.limbs.begin() + drop, a.limbs.end());
	if (k % kDecDigits != 0)
		r = DivSmall(r, kPow10[k % kDecDigits]);
	return r;
}

BigNat ISqrt(const BigNat &a)
{
	BigNat root;
	SqrtRem(a, &root, nullptr);
	return root;
}

int DecimalDigits(const BigNat &a)
{
	if (IsZero(a))
		return 0;
	uint32 top = a.limbs.back();
	int d = 1;
	while (d < kDecDigits && top >= kPow10[d])
		d++;
	return static_cast<int>(a.limbs.size() - 1) * kDecDigits + d;
}

bool NatToUint128(const BigNat &a, unsigned __int128 *out)
{
	const unsigned __int128 max = ~static_cast<unsigned __int128>(0);
	unsigned __int128 v = 0;
	for (size_t i = a.limbs.size(); i-- > 0;)
	{
		if (v > (max - a.limbs[i]) / kNbase)
			return false;
		v = v * kNbase + a.limbs[i];
	}
	*out = v;
	return true;
}

/* ---- Decimal ---- */

Decimal DecimalFromInt128(__int128 v)
{
	bool neg = v < 0;
	unsigned __int128 u = neg
		? static_cast<unsigned __int128>(0) - static_cast<unsigned __int128>(v)
		: static_cast<unsigned __int128>(v);
	return MakeDecimal(NatFromUint128(u), 0, neg);
}

int DecimalWeight(const Decimal &a)
{
	Assert(!IsZero(a));
	return DecimalDigits(a.mag) - 1 - a.scale;
}

int CompareAbs(const Decimal &a, const Decimal &b)
{
	if (IsZero(a) || IsZero(b))
		return IsZero(a) ? (IsZero(b) ? 0 : -1) : 1;
	int wa = DecimalWeight(a);
	int wb = DecimalWeight(b);
	if (wa != wb)
		return wa < wb ? -1 : 1;
	/* Same leading position: align the scales (the shift is bounded by the
	 * longer one's digits) and compare. */
	int s = std::max(a.scale, b.scale);
	return Compare(MulPow10(a.mag, s - a.scale), MulPow10(b.mag, s - b.scale));
}

int Compare(const Decimal &a, const Decimal &b)
{
	if (a.negative != b.negative)
		return a.negative ? -1 : 1;
	int c = CompareAbs(a, b);
	return a.negative ? -c : c;
}

Decimal Add(const Decimal &a, const Decimal &b)
{
	int s = std::max(a.scale, b.scale);
	BigNat am = MulPow10(a.mag, s - a.scale);
	BigNat bm = MulPow10(b.mag, s - b.scale);
	Decimal r;
	if (a.negative == b.negative)
		r = MakeDecimal(Add(am, bm), s, a.negative);
	else if (Compare(am, bm) >= 0)
		r = MakeDecimal(Sub(am, bm), s, a.negative);
	else
		r = MakeDecimal(Sub(bm, am), s, b.negative);
	r.dscale = std::max(a.dscale, b.dscale);
	return r;
}

Decimal Sub(const Decimal &a, const Decimal &b)
{
	Decimal nb = b;
	nb.negative = !b.negative && !IsZero(b);
	return Add(a, nb);
}

Decimal Mul(const Decimal &a, const Decimal &b)
{
	Decimal r = MakeDecimal(Mul(a.mag, b.mag), a.scale + b.scale, a.negative != b.negative);
	r.dscale = a.dscale + b.dscale;
	return r;
}

Decimal Div(const Decimal &a, const Decimal &b, int rscale, bool round)
{
	if (IsZero(b))
		ReportDivisionByZero();
	/* floor(|a| / |b| * 10^s) = floor(A * 10^(s - sa + sb) / B); one more
	 * place than asked when rounding, whose digit decides the rounding. */
	int s = rscale + (round ? 1 : 0);
	long shift = static_cast<long>(s) - a.scale + b.scale;
	BigNat q;
	if (shift >= 0)
		DivMod(MulPow10(a.mag, static_cast<int>(shift)), b.mag, &q, nullptr);
	else
		DivMod(a.mag, MulPow10(b.mag, static_cast<int>(-shift)), &q, nullptr);
	Decimal r = MakeDecimal(std::move(q), s, a.negative != b.negative);
	if (round)
		RoundTo(&r, rscale);
	r.dscale = rscale;
	return r;
}

void RoundTo(Decimal *a, int rscale)
{
	if (a->scale > rscale)
	{
		int k = a->scale - rscale;
		/* half away from zero: add half a unit of the kept place to |a| */
		BigNat half = MulPow10(NatFromUint128(5), k - 1);
		a->mag = DivPow10(Add(a->mag, half), k);
		a->scale = rscale;
		a->negative = a->negative && !IsZero(a->mag);
	}
	a->dscale = rscale;
}

void TruncTo(Decimal *a, int rscale)
{
	if (a->scale > rscale)
	{
		a->mag = DivPow10(a->mag, a->scale - rscale);
		a->scale = rscale;
		a->negative = a->negative && !IsZero(a->mag);
	}
	a->dscale = rscale;
}

void TruncSignificant(Decimal *a, int digits)
{
	int nd = DecimalDigits(a->mag);
	if (nd > digits)
	{
		int drop = nd - digits;
		a->mag = DivPow10(a->mag, drop);
		a->scale -= drop;
	}
}

Decimal Sqrt(const Decimal &a, int rscale)
{
	Assert(!a.negative);
	/* floor(sqrt(a) * 10^s) = isqrt(floor(a * 10^2s)); s one place beyond
	 * rscale so that digit decides the rounding. */
	int s = std::max(rscale + 1, 0);
	long shift = 2L * s - a.scale;
	BigNat n = shift >= 0 ? MulPow10(a.mag, static_cast<int>(shift))
						  : DivPow10(a.mag, static_cast<int>(-shift));
	Decimal r = MakeDecimal(ISqrt(n), s, false);
	RoundTo(&r, rscale);
	return r;
}

Decimal Exp(const Decimal &a, int rscale)
{
	double x = ApproxDouble(a);
	double lg = x * M_LOG10E; /* log10 of the result */
	if (lg < -(rscale + 2.0))
	{
		/* below 10^-(rscale+2): rounds to zero */
		Decimal zero;
		zero.dscale = rscale;
		return zero;
	}
	/* Significant digits wanted, one beyond rscale for the rounding. */
	int sig = std::max(static_cast<int>(floor(lg)) + rscale + 2, 1);

	/* exp(a) = exp(a / 2^n)^(2^n) with |a / 2^n| below 10^-r: each series
	 * term then gains r digits, each squaring costs one multiplication. */
	int r = std::max(1, static_cast<int>(sqrt(sig / 2.0)));
	double ax = fabs(x) * pow(10.0, r);
	int n = ax > 1.0 ? static_cast<int>(ceil(log2(ax))) : 0;
	/* Squaring n times multiplies the relative error by 2^n. */
	int work = sig + 12 + static_cast<int>(n * 0.302);

	/* y = a / 2^n = a * 5^n / 10^n, exactly, then cut to the working scale */
	Decimal y = MakeDecimal(MulPow5(a.mag, n), a.scale + n, a.negative);
	TruncTo(&y, work + 2);

	Decimal sum = MakeDecimal(MulPow10(NatOne(), work), work, false);
	Decimal term = sum;
	for (uint32 i = 1;; i++)
	{
		term = DivInt(MulTrunc(term, y, work), i);
		if (IsZero(term))
			break;
		sum = Add(sum, term);
	}
	for (int i = 0; i < n; i++)
	{
		sum = Mul(sum, sum);
		TruncSignificant(&sum, work + 2);
	}
	sum.negative = false;
	RoundTo(&sum, rscale);
	return sum;
}

Decimal LnTruncated(const Decimal &a, int scale)
{
	Assert(!a.negative && !IsZero(a));
	/* a = m * 10^e with 1 <= m < 10 */
	int e = DecimalWeight(a);
	Decimal m = a;
	m.scale += e;
	Decimal one = DecimalOne();

	/* Bring m within 10^-target of 1 by k square roots: each halves ln m
	 * and the series then gains 2 * target digits a term. */
	int target = std::clamp(static_cast<int>(sqrt(std::max(scale, 1)) / 3), 2, 40);
	double lnm = fabs(log1p(ApproxDouble(Sub(m, one))));
	double threshold = 0.9 * pow(10.0, -target);
	int k = lnm > threshold ? static_cast<int>(ceil(log2(lnm / threshold))) : 0;
	int edigits = e == 0 ? 0 : DecimalDigits(NatFromUint128(static_cast<unsigned>(abs(e))));
	/* Guard digits: the series' and the roots' truncations, the factor
	 * 2^(k+1) and e multiplying ln 10 all enlarge the error. */
	int work = scale + 12 + edigits + static_cast<int>((k + 1) * 0.302);

	for (int i = 0; i < k; i++)
		m = Sqrt(m, work);

	/* ln m = 2 atanh(z), z = (m - 1) / (m + 1) */
	Decimal z = Div(Sub(m, one), Add(m, one), work, false);
	Decimal z2 = MulTrunc(z, z, work);
	Decimal sum = z;
	Decimal power = z;
	for (uint32 j = 3;; j += 2)
	{
		power = MulTrunc(power, z2, work);
		Decimal t = DivInt(power, j);
		if (IsZero(t))
			break;
		sum = Add(sum, t);
	}
	Decimal result = MakeDecimal(MulPow2(sum.mag, k + 1), sum.scale, sum.negative);
	if (e != 0)
		result = Add(result, Mul(LnTen(work + edigits), DecimalFromInt128(e)));
	TruncTo(&result, scale);
	return result;
}

Decimal Ln(const Decimal &a, int rscale)
{
	Decimal r = LnTruncated(a, rscale + 8);
	RoundTo(&r, rscale);
	return r;
}

/* ---- the stored layout ---- */

NbaseForm ToNbase(const Decimal &a)
{
	NbaseForm n;
	n.dscale = a.dscale;
	if (IsZero(a))
		return n;
	n.negative = a.negative;
	/* Align at the point: a scale that is a multiple of four makes the limbs
	 * the stored digits. */
	int rem = a.scale % kDecDigits;
	if (rem < 0)
		rem += kDecDigits;
	int pad = (kDecDigits - rem) % kDecDigits;
	BigNat mag = MulPow10(a.mag, pad);
	long scale = static_cast<long>(a.scale) + pad;
	size_t nlimbs = mag.limbs.size();
	n.weight = static_cast<int>(static_cast<long>(nlimbs) - 1 - scale / kDecDigits);
	size_t low = 0;
	while (mag.limbs[low] == 0)
		low++;
	n.digits.reserve(nlimbs - low);
	for (size_t i = nlimbs; i-- > low;)
		n.digits.push_back(static_cast<NumericDigit>(mag.limbs[i]));
	return n;
}

Decimal FromNbase(bool negative, int weight, int dscale, const NumericDigit *digits, int ndigits)
{
	int first = 0;
	while (first < ndigits && digits[first] == 0)
		first++;
	int last = ndigits;
	while (last > first && digits[last - 1] == 0)
		last--;
	Decimal d;
	d.dscale = dscale;
	if (first == last)
		return d;
	weight -= first;
	int n = last - first;
	d.mag.limbs.resize(n);
	for (int i = 0; i < n; i++)
		d.mag.limbs[n - 1 - i] = static_cast<uint32>(digits[first + i]);
	d.scale = kDecDigits * (n - 1 - weight);
	d.negative = negative;
	return d;
}

std::string FormatNbase(const NbaseForm &n)
{
	std::string s;
	s.reserve((n.weight > 0 ? n.weight + 1 : 1) * kDecDigits + n.dscale + 2);
	if (n.negative)
		s.push_back('-');
	auto digit_at = [&n](int d) -> int {
		return d >= 0 && d < static_cast<int>(n.digits.size()) ? n.digits[d] : 0;
	};
	if (n.weight < 0)
		s.push_back('0');
	else
	{
		/* the first base-10000 digit without its leading zeros */
		s += std::to_string(digit_at(0));
		for (int d = 1; d <= n.weight; d++)
		{
			int dig = digit_at(d);
			for (int p = kDecDigits - 1; p >= 0; p--)
				s.push_back(static_cast<char>('0' + dig / kPow10[p] % 10));
		}
	}
	if (n.dscale > 0)
	{
		s.push_back('.');
		for (int i = 0; i < n.dscale; i++)
		{
			int dig = digit_at(n.weight + 1 + i / kDecDigits);
			s.push_back(
				static_cast<char>('0' + dig / kPow10[kDecDigits - 1 - i % kDecDigits] % 10));
		}
	}
	return s;
}

double DecimalToDouble(const Decimal &a)
{
	std::string s = FormatDecimal(a);
	return strtod(s.c_str(), nullptr);
}

}  // namespace tusk::adt::numeric
