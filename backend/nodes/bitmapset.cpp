/*
 * bitmapset.cpp — sets of small non-negative integers (nodes/bitmapset.h).
 *
 * A set is an array of 64-bit words long enough for its highest member;
 * results are trimmed so that an empty set is always NULL, which keeps
 * bms_equal a plain comparison.
 */
#include "postgres.h"

#include <bit>

#include "nodes/bitmapset.h"

namespace {

constexpr int WordNum(int x)
{
	return x / BITS_PER_BITMAPWORD;
}
constexpr int BitNum(int x)
{
	return x % BITS_PER_BITMAPWORD;
}

Bitmapset *Allocate(int nwords)
{
	auto *result = static_cast<Bitmapset *>(
		palloc0(offsetof(Bitmapset, words) + nwords * sizeof(bitmapword)));
	result->nwords = nwords;
	return result;
}

/* NULL if the set has no members; else the set with trailing zero words
 * dropped. */
Bitmapset *Trim(Bitmapset *a)
{
	if (a == nullptr)
		return nullptr;
	int n = a->nwords;
	while (n > 0 && a->words[n - 1] == 0)
		n--;
	if (n == 0)
	{
		pfree(a);
		return nullptr;
	}
	a->nwords = n;
	return a;
}

void CheckMember(int x)
{
	if (x < 0)
		elog(ERROR, "negative bitmapset member not allowed");
}

}  // namespace

Bitmapset *bms_copy(const Bitmapset *a)
{
	if (a == nullptr)
		return nullptr;
	Bitmapset *result = Allocate(a->nwords);
	memcpy(result->words, a->words, a->nwords * sizeof(bitmapword));
	return result;
}

bool bms_equal(const Bitmapset *a, const Bitmapset *b)
{
	if (a == nullptr || b == nullptr)
		return bms_is_empty(a) && bms_is_empty(b);
	int n = Max(a->nwords, b->nwords);
	for (int i = 0; i < n; i++)
	{
		bitmapword wa = i < a->nwords ? a->words[i] : 0;
		bitmapword wb = i < b->nwords ? b->words[i] : 0;
		if (wa != wb)
			return false;
	}
	return true;
}

int bms_compare(const Bitmapset *a, const Bitmapset *b)
{
	int na = a ? a->nwords : 0;
	int nb = b ? b->nwords : 0;
	for (int i = Max(na, nb) - 1; i >= 0; i--)
	{
		bitmapword wa = i < na ? a->words[i] : 0;
		bitmapword wb = i < nb ? b->words[i] : 0;
		if (wa != wb)
			return wa > wb ? 1 : -1;
	}
	return 0;
}

Bitmapset *bms_make_singleton(int x)
{
	CheckMember(x);
	Bitmapset *result = Allocate(WordNum(x) + 1);
	result->words[WordNum(x)] = bitmapword(1) << BitNum(x);
	return result;
}

void bms_free(Bitmapset *a)
{
	if (a != nullptr)
		pfree(a);
}

Bitmapset *bms_union(const Bitmapset *a, const Bitmapset *b)
{
	if (a == nullptr)
		return bms_copy(b);
	if (b == nullptr)
		return bms_copy(a);
	const Bitmapset *longer = a->nwords >= b->nwords ? a : b;
	const Bitmapset *shorter = longer == a ? b : a;
	Bitmapset *result = bms_copy(longer);
	for (int i = 0; i < shorter->nwords; i++)
		result->words[i] |= shorter->words[i];
	return result;
}

Bitmapset *bms_intersect(const Bitmapset *a, const Bitmapset *b)
{
	if (a == nullptr || b == nullptr)
		return nullptr;
	Bitmapset *result = bms_copy(a->nwords <= b->nwords ? a : b);
	const Bitmapset *other = result->nwords == a->nwords ? b : a;
	for (int i = 0; i < result->nwords; i++)
		result->words[i] &= other->words[i];
	return Trim(result);
}

Bitmapset *bms_difference(const Bitmapset *a, const Bitmapset *b)
{
	if (a == nullptr)
		return nullptr;
	Bitmapset *result = bms_copy(a);
	if (b != nullptr)
		for (int i = 0; i < Min(a->nwords, b->nwords); i++)
			result->words[i] &= ~b->words[i];
	return Trim(result);
}

bool bms_is_subset(const Bitmapset *a, const Bitmapset *b)
{
	if (a == nullptr)
		return true;
	for (int i = 0; i < a->nwords; i++)
	{
		bitmapword wb = (b != nullptr && i < b->nwords) ? b->words[i] : 0;
		if ((a->words[i] & ~wb) != 0)
			return false;
	}
	return true;
}

bool bms_is_member(int x, const Bitmapset *a)
{
	CheckMember(x);
	if (a == nullptr || WordNum(x) >= a->nwords)
		return false;
	return (a->words[WordNum(x)] & (bitmapword(1) << BitNum(x))) != 0;
}

bool bms_overlap(const Bitmapset *a, const Bitmapset *b)
{
	if (a == nullptr || b == nullptr)
		return false;
	for (int i = 0; i < Min(a->nwords, b->nwords); i++)
		if ((a->words[i] & b->words[i]) != 0)
			return true;
	return false;
}

bool bms_is_empty(const Bitmapset *a)
{
	if (a == nullptr)
		return true;
	for (int i = 0; i < a->nwords; i++)
		if (a->words[i] != 0)
			return false;
	return true;
}

int bms_num_members(const Bitmapset *a)
{
	int n = 0;
	if (a != nullptr)
		for (int i = 0; i < a->nwords; i++)
			n += std::popcount(a->words[i]);
	return n;
}

int bms_singleton_member(const Bitmapset *a)
{
	if (bms_num_members(a) != 1)
		elog(ERROR, "bitmapset has multiple members");
	return bms_next_member(a, -1);
}

int bms_next_member(const Bitmapset *a, int prevbit)
{
	if (a == nullptr)
		return -2;
	int x = prevbit + 1;
	for (int w = WordNum(x); w < a->nwords; w++)
	{
		bitmapword word = a->words[w];
		if (w == WordNum(x))
			word &= ~bitmapword(0) << BitNum(x);
		if (word != 0)
			return w * BITS_PER_BITMAPWORD + std::countr_zero(word);
	}
	return -2;
}

Bitmapset *bms_add_member(Bitmapset *a, int x)
{
	CheckMember(x);
	if (a == nullptr)
		return bms_make_singleton(x);
	if (WordNum(x) >= a->nwords)
	{
		Bitmapset *grown = Allocate(WordNum(x) + 1);
		memcpy(grown->words, a->words, a->nwords * sizeof(bitmapword));
		pfree(a);
		a = grown;
	}
	a->words[WordNum(x)] |= bitmapword(1) << BitNum(x);
	return a;
}

Bitmapset *bms_del_member(Bitmapset *a, int x)
{
	CheckMember(x);
	if (a != nullptr && WordNum(x) < a->nwords)
		a->words[WordNum(x)] &= ~(bitmapword(1) << BitNum(x));
	return Trim(a);
}

Bitmapset *bms_add_members(Bitmapset *a, const Bitmapset *b)
{
	Bitmapset *result = bms_union(a, b);
	bms_free(a);
	return result;
}

Bitmapset *bms_del_members(Bitmapset *a, const Bitmapset *b)
{
	if (a != nullptr && b != nullptr)
		for (int i = 0; i < Min(a->nwords, b->nwords); i++)
			a->words[i] &= ~b->words[i];
	return Trim(a);
}

Bitmapset *bms_int_members(Bitmapset *a, const Bitmapset *b)
{
	if (a == nullptr)
		return nullptr;
	for (int i = 0; i < a->nwords; i++)
		a->words[i] &= (b != nullptr && i < b->nwords) ? b->words[i] : 0;
	return Trim(a);
}
