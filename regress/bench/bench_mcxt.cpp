/*
 * bench_mcxt.cpp — memory contexts against malloc/free on a
 * statement-shaped workload (issue "foundations", part 1).
 *
 * One "statement" makes N allocations of mixed sizes (60% of 8–64 bytes,
 * 30% of 65–512, 9% of 513–4096, 1% of 8–32 kB: parse nodes, strings,
 * tuples, the odd sort buffer), writing to each, and frees a quarter of
 * them along the way.  The malloc side then frees what is left one by
 * one; the context side resets its context, as the backend resets
 * MessageContext after each message.  Both replay the same precomputed
 * sequence of sizes and frees.  Rounds alternate between the two and the
 * fastest round of each counts, so a noisy neighbour on the machine hurts
 * both alike.
 *
 *   bench_mcxt [ALLOCATIONS_PER_STATEMENT [STATEMENTS]]
 *
 * Prints a line per statement size (by default 100, 1000 and 10000
 * allocations, 10 million allocations in all for each): nanoseconds per
 * allocation (free or reset included) for each side and their ratio.
 * regress/bench/mcxt.sh builds it in a release build and runs it.
 */
#include "postgres.h"

#include <stdint.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <vector>

#include "utils/memutils.h"

namespace {

struct Workload
{
	std::vector<uint32_t> sizes;
	/* After allocation i, free allocation free_after[i] (-1: none). */
	std::vector<int32_t> free_after;
};

uint64_t NextRandom(uint64_t *state)
{
	/* xorshift64: fast, deterministic, good enough for picking sizes. */
	uint64_t x = *state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	return x;
}

uint32_t Between(uint64_t *state, uint32_t lo, uint32_t hi)
{
	return lo + static_cast<uint32_t>(NextRandom(state) % (hi - lo + 1));
}

Workload MakeWorkload(int n)
{
	Workload w;
	uint64_t state = 0x9E3779B97F4A7C15ULL;
	std::vector<int32_t> live;
	for (int i = 0; i < n; i++)
	{
		uint32_t kind = static_cast<uint32_t>(NextRandom(&state) % 100);
		uint32_t size = kind < 60 ? Between(&state, 8, 64)
			: kind < 90			  ? Between(&state, 65, 512)
			: kind < 99			  ? Between(&state, 513, 4096)
								  : Between(&state, 8192, 32768);
		w.sizes.push_back(size);
		/* A quarter of the time, free one of the earlier allocations. */
		int32_t victim = -1;
		if (NextRandom(&state) % 4 == 0 && !live.empty())
		{
			size_t at = NextRandom(&state) % live.size();
			victim = live[at];
			live[at] = live.back();
			live.pop_back();
		}
		w.free_after.push_back(victim);
		live.push_back(i);
	}
	return w;
}

/* Keeps the writes observable, so no allocation is optimized away. */
volatile uint64_t sink;

using Clock = std::chrono::steady_clock;

double RunMalloc(const Workload &w, int statements)
{
	size_t n = w.sizes.size();
	std::vector<char *> ptrs(n);
	uint64_t sum = 0;
	auto start = Clock::now();
	for (int s = 0; s < statements; s++)
	{
		for (size_t i = 0; i < n; i++)
		{
			auto *p = static_cast<char *>(malloc(w.sizes[i]));
			if (p == nullptr)
				abort();
			p[0] = static_cast<char>(i);
			ptrs[i] = p;
			int32_t victim = w.free_after[i];
			if (victim >= 0)
			{
				sum += static_cast<unsigned char>(ptrs[victim][0]);
				free(ptrs[victim]);
				ptrs[victim] = nullptr;
			}
		}
		for (size_t i = 0; i < n; i++)
			if (ptrs[i] != nullptr)
			{
				sum += static_cast<unsigned char>(ptrs[i][0]);
				free(ptrs[i]);
			}
	}
	auto end = Clock::now();
	sink = sum;
	return std::chrono::duration<double, std::nano>(end - start).count();
}

double RunContext(const Workload &w, int statements)
{
	size_t n = w.sizes.size();
	std::vector<char *> ptrs(n);
	uint64_t sum = 0;
	MemoryContext statement = AllocSetContextCreate(TopMemoryContext, "statement",
													ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(statement);
	auto start = Clock::now();
	for (int s = 0; s < statements; s++)
	{
		for (size_t i = 0; i < n; i++)
		{
			auto *p = static_cast<char *>(palloc(w.sizes[i]));
			p[0] = static_cast<char>(i);
			ptrs[i] = p;
			int32_t victim = w.free_after[i];
			if (victim >= 0)
			{
				sum += static_cast<unsigned char>(ptrs[victim][0]);
				pfree(ptrs[victim]);
				ptrs[victim] = nullptr;
			}
		}
		for (size_t i = 0; i < n; i++)
			if (ptrs[i] != nullptr)
				sum += static_cast<unsigned char>(ptrs[i][0]);
		MemoryContextReset(statement);
	}
	auto end = Clock::now();
	MemoryContextSwitchTo(old);
	MemoryContextDelete(statement);
	sink = sum;
	return std::chrono::duration<double, std::nano>(end - start).count();
}

/* Run both sides on statements of per_statement allocations; print a line. */
void Measure(int per_statement, int statements)
{
	Workload w = MakeWorkload(per_statement);
	constexpr int kRounds = 5;
	double best_malloc = 0;
	double best_context = 0;
	for (int r = 0; r < kRounds; r++)
	{
		double m = RunMalloc(w, statements);
		double c = RunContext(w, statements);
		best_malloc = r == 0 ? m : std::min(best_malloc, m);
		best_context = r == 0 ? c : std::min(best_context, c);
	}
	double allocs = static_cast<double>(statements) * per_statement;
	printf("bench_mcxt: allocs_per_statement=%d statements=%d malloc_free_ns_per_alloc=%.1f "
		   "palloc_reset_ns_per_alloc=%.1f malloc_over_context=%.2f\n",
		   per_statement, statements, best_malloc / allocs, best_context / allocs,
		   best_malloc / best_context);
	fflush(stdout);
}

}  // namespace

int main(int argc, char *argv[])
{
	MemoryContextInit();
	constexpr int kTotalAllocations = 10 * 1000 * 1000;
	if (argc > 1)
	{
		int per_statement = atoi(argv[1]);
		int statements = argc > 2 ? atoi(argv[2]) : kTotalAllocations / Max(per_statement, 1);
		if (per_statement <= 1 || statements <= 0)
		{
			fprintf(stderr, "usage: %s [ALLOCATIONS_PER_STATEMENT [STATEMENTS]]\n", argv[0]);
			return 2;
		}
		Measure(per_statement, statements);
		return 0;
	}
	for (int per_statement : {100, 1000, 10000})
		Measure(per_statement, kTotalAllocations / per_statement);
	return 0;
}
