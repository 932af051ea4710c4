/*
 * pg_lzcompress.cpp — see pg_lzcompress.h for the format.
 *
 * The compressor walks the input once.  At each position it looks up the
 * positions seen earlier whose next four bytes hash alike (a chain per
 * hash bucket, newest first, at most 4095 bytes back), takes the longest
 * match of at least 3 bytes, and otherwise emits a literal; every
 * position passed is added to the history.  The history holds the last
 * 4096 positions: when full, the oldest entry is unlinked from its chain
 * and reused.  The number of buckets grows with the input (512 for under
 * 128 bytes … 8192 from 1 kB), and the search of a chain stops once the
 * best match is "good", a bar lowered by match_size_drop percent after
 * every candidate — the choices PostgreSQL makes, so the output is the
 * same bytes.
 */
#include "common/pg_lzcompress.h"

#include <limits.h>
#include <string.h>

#include <vector>

namespace {

constexpr int kHistorySize = 4096; /* positions remembered */
constexpr int kMaxBuckets = 8192;
constexpr int kMaxMatch = 273;	   /* 18 + 255 */
constexpr int kMaxOffset = 0x0fff; /* 12 bits; 4095 itself is not used */
constexpr int16_t kNoEntry = 0;	   /* entry 0 is a sentinel, never a position */

const PGLZ_Strategy kDefault = {32, INT_MAX, 25, 1024, 128, 10};
const PGLZ_Strategy kAlways = {0, INT_MAX, 0, INT_MAX, 128, 6};

/* One remembered position, linked into its bucket's chain by index. */
struct HistoryEntry
{
	int16_t next; /* older entry of the same bucket, or kNoEntry */
	int16_t prev; /* newer entry, or -1 when this one heads the chain */
	int bucket;
	const char *pos;
};

class History
{
  public:
	History(int buckets) : mask_(buckets - 1), heads_(buckets, kNoEntry), entries_(kHistorySize + 1)
	{}

	/* The bucket of the four bytes at s (fewer near the end).  The bytes
	 * are taken as signed chars, as PostgreSQL's hash does, so that the
	 * same inputs land in the same buckets. */
	int Bucket(const char *s, const char *end) const
	{
		auto b = [s](int i) { return static_cast<int>(static_cast<signed char>(s[i])); };
		int h = end - s < 4 ? b(0) : (b(0) << 6) ^ (b(1) << 4) ^ (b(2) << 2) ^ b(3);
		return h & mask_;
	}

	void Add(const char *s, const char *end)
	{
		int bucket = Bucket(s, end);
		HistoryEntry &e = entries_[next_];
		if (recycling_)
		{
			if (e.prev < 0)
				heads_[e.bucket] = e.next;
			else
				entries_[e.prev].next = e.next;
			/* May touch the sentinel: harmless, nothing reads its prev. */
			entries_[e.next].prev = e.prev;
		}
		e.next = heads_[bucket];
		e.prev = -1;
		e.bucket = bucket;
		e.pos = s;
		entries_[heads_[bucket]].prev = static_cast<int16_t>(next_);
		heads_[bucket] = static_cast<int16_t>(next_);
		if (++next_ > kHistorySize)
		{
			next_ = 1;
			recycling_ = true;
		}
	}

	/* The longest earlier match for the bytes at input (3 bytes at
	 * least): true with its length and offset. */
	bool FindMatch(const char *input, const char *end, int good_match, int good_drop, int *lenp,
				   int *offp) const
	{
		int len = 0;
		int off = 0;
		int16_t i = heads_[Bucket(input, end)];
		while (i != kNoEntry)
		{
			const HistoryEntry &e = entries_[i];
			int thisoff = static_cast<int>(input - e.pos);
			if (thisoff >= kMaxOffset)
				break; /* the chain only gets older */
			const char *ip = input;
			const char *hp = e.pos;
			int thislen = 0;
			/* Past 16 bytes, a candidate must at least equal the best so
			 * far to be worth extending. */
			if (len >= 16)
			{
				if (memcmp(ip, hp, len) == 0)
				{
					thislen = len;
					ip += len;
					hp += len;
				}
				else
					ip = end; /* no better: skip the extension below */
			}
			while (ip < end && *ip == *hp && thislen < kMaxMatch)
			{
				thislen++;
				ip++;
				hp++;
			}
			if (thislen > len)
			{
				len = thislen;
				off = thisoff;
			}
			i = e.next;
			if (i != kNoEntry)
			{
				if (len >= good_match)
					break;
				good_match -= (good_match * good_drop) / 100;
			}
		}
		if (len <= 2)
			return false;
		*lenp = len;
		*offp = off;
		return true;
	}

  private:
	int mask_;
	std::vector<int16_t> heads_;
	std::vector<HistoryEntry> entries_;
	int next_ = 1;
	bool recycling_ = false;
};

/* Writes items and their control bytes. */
class Output
{
  public:
	explicit Output(unsigned char *dest) : start_(dest), p_(dest) {}

	void Literal(unsigned char byte)
	{
		NextItem(false);
		*p_++ = byte;
	}

	void Match(int len, int off)
	{
		NextItem(true);
		if (len > 17)
		{
			p_[0] = static_cast<unsigned char>(((off & 0xf00) >> 4) | 0x0f);
			p_[1] = static_cast<unsigned char>(off & 0xff);
			p_[2] = static_cast<unsigned char>(len - 18);
			p_ += 3;
		}
		else
		{
			p_[0] = static_cast<unsigned char>(((off & 0xf00) >> 4) | (len - 3));
			p_[1] = static_cast<unsigned char>(off & 0xff);
			p_ += 2;
		}
	}

	/* Bytes written so far, the pending control byte included. */
	int32_t Size() const { return static_cast<int32_t>(p_ - start_); }

	void Finish()
	{
		if (ctrlp_ != nullptr)
			*ctrlp_ = ctrlb_;
	}

  private:
	void NextItem(bool is_match)
	{
		if (bit_ == 0)
		{
			Finish();
			ctrlp_ = p_++;
			ctrlb_ = 0;
			bit_ = 1;
		}
		if (is_match)
			ctrlb_ |= bit_;
		bit_ = static_cast<unsigned char>(bit_ << 1);
	}

	unsigned char *start_;
	unsigned char *p_;
	unsigned char *ctrlp_ = nullptr;
	unsigned char ctrlb_ = 0;
	unsigned char bit_ = 0; /* the next item's bit; 0: a new control byte */
};

int Clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

}  // namespace

const PGLZ_Strategy *const PGLZ_strategy_default = &kDefault;
const PGLZ_Strategy *const PGLZ_strategy_always = &kAlways;

int32_t pglz_compress(const char *source, int32_t slen, char *dest, const PGLZ_Strategy *strategy)
{
	if (strategy == nullptr)
		strategy = PGLZ_strategy_default;
	if (strategy->match_size_good <= 0 || slen < strategy->min_input_size ||
		slen > strategy->max_input_size)
		return -1;
	int good_match = Clamp(strategy->match_size_good, 17, kMaxMatch);
	int good_drop = Clamp(strategy->match_size_drop, 0, 100);
	int need_rate = Clamp(strategy->min_comp_rate, 0, 99);
	/* The largest result worth keeping, without overflowing int32. */
	int32_t result_max = slen > INT_MAX / 100 ? (slen / 100) * (100 - need_rate)
											  : (slen * (100 - need_rate)) / 100;
	int buckets = slen < 128 ? 512
		: slen < 256		 ? 1024
		: slen < 512		 ? 2048
		: slen < 1024		 ? 4096
							 : kMaxBuckets;
	History history(buckets);
	Output out(reinterpret_cast<unsigned char *>(dest));
	const char *dp = source;
	const char *end = source + slen;
	bool found_match = false;
	while (dp < end)
	{
		if (out.Size() >= result_max)
			return -1;
		if (!found_match && out.Size() >= strategy->first_success_by)
			return -1;
		int len;
		int off;
		if (history.FindMatch(dp, end, good_match, good_drop, &len, &off))
		{
			out.Match(len, off);
			for (int i = 0; i < len; i++)
				history.Add(dp++, end);
			found_match = true;
		}
		else
		{
			out.Literal(static_cast<unsigned char>(*dp));
			history.Add(dp++, end);
		}
	}
	out.Finish();
	if (out.Size() >= result_max)
		return -1;
	return out.Size();
}

int32_t pglz_decompress(const char *source, int32_t slen, char *dest, int32_t rawsize,
						bool check_complete)
{
	auto *sp = reinterpret_cast<const unsigned char *>(source);
	const unsigned char *send = sp + slen;
	auto *dstart = reinterpret_cast<unsigned char *>(dest);
	unsigned char *dp = dstart;
	unsigned char *dend = dp + rawsize;
	while (sp < send && dp < dend)
	{
		unsigned char ctrl = *sp++;
		for (int item = 0; item < 8 && sp < send && dp < dend; item++, ctrl >>= 1)
		{
			if ((ctrl & 1) == 0)
			{
				*dp++ = *sp++;
				continue;
			}
			if (send - sp < 2)
				return -1;
			int len = (sp[0] & 0x0f) + 3;
			int off = ((sp[0] & 0xf0) << 4) | sp[1];
			sp += 2;
			if (len == 18)
			{
				if (sp >= send)
					return -1;
				len += *sp++;
			}
			if (off == 0 || off > dp - dstart)
				return -1;
			if (len > dend - dp)
				len = static_cast<int>(dend - dp);
			/* An overlapping reference repeats the last off bytes: copy
			 * byte by byte (memmove would not repeat them). */
			const unsigned char *from = dp - off;
			for (int i = 0; i < len; i++)
				dp[i] = from[i];
			dp += len;
		}
	}
	if (check_complete && (dp != dend || sp != send))
		return -1;
	return static_cast<int32_t>(dp - dstart);
}
