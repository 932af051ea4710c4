/*
 * pg_lzcompress_test.cpp — the pglz format: round trips, data that does
 * not compress, corrupt input, and byte-for-byte agreement with streams
 * PostgreSQL 15 wrote (pglz_pg15_samples.h).
 */
#include "unit_test.h"

#include <string>
#include <vector>

#include "common/pg_lzcompress.h"
#include "pglz_pg15_samples.h"

namespace {

std::string Repeat(const std::string &s, int n)
{
	std::string r;
	for (int i = 0; i < n; i++)
		r += s;
	return r;
}

/* Compresses with the default strategy; empty when it declines. */
std::vector<unsigned char> Compress(const std::string &in)
{
	std::vector<unsigned char> out(PGLZ_MAX_OUTPUT(in.size()));
	int32_t n = pglz_compress(in.data(), static_cast<int32_t>(in.size()),
							  reinterpret_cast<char *>(out.data()), nullptr);
	if (n < 0)
		return {};
	out.resize(static_cast<size_t>(n));
	return out;
}

std::string Decompress(const unsigned char *data, size_t len, size_t rawsize)
{
	std::string out(rawsize, '\0');
	int32_t n = pglz_decompress(reinterpret_cast<const char *>(data), static_cast<int32_t>(len),
								out.data(), static_cast<int32_t>(rawsize), true);
	REQUIRE(n == static_cast<int32_t>(rawsize));
	return out;
}

/* A deterministic byte stream with no repeats worth a reference. */
std::string Noise(size_t n)
{
	std::string s(n, '\0');
	uint64_t x = 88172645463325252ull;
	for (size_t i = 0; i < n; i++)
	{
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		s[i] = static_cast<char>(x >> 32);
	}
	return s;
}

}  // namespace

TEST_CASE("pglz round-trips repetitive and mixed data", "[pglz]")
{
	for (const std::string &in :
		 {Repeat("x", 100000), Repeat("abcdefgh", 500), Repeat("hello, world; ", 300) + Noise(200),
		  Repeat("z", 3000) + Noise(3000)})
	{
		std::vector<unsigned char> c = Compress(in);
		REQUIRE(!c.empty());
		REQUIRE(c.size() < in.size());
		REQUIRE(Decompress(c.data(), c.size(), in.size()) == in);
	}
}

TEST_CASE("pglz declines data that does not compress, and short data", "[pglz]")
{
	REQUIRE(Compress(Noise(10000)).empty());
	/* No match within the first kilobyte of output: not worth going on. */
	REQUIRE(Compress(Noise(3000) + Repeat("z", 30000)).empty());
	REQUIRE(Compress(Repeat("a", 31)).empty()); /* under the 32-byte minimum */
	/* The "always" strategy takes anything that saves a byte. */
	std::string in = Repeat("a", 31);
	std::vector<char> out(PGLZ_MAX_OUTPUT(in.size()));
	int32_t n = pglz_compress(in.data(), 31, out.data(), PGLZ_strategy_always);
	REQUIRE(n > 0);
	REQUIRE(Decompress(reinterpret_cast<unsigned char *>(out.data()), static_cast<size_t>(n), 31) ==
			in);
}

TEST_CASE("pglz rejects corrupt input instead of reading outside its buffers", "[pglz]")
{
	std::string out(100, '\0');
	/* A reference before the start of the output. */
	const unsigned char back[] = {0x01, 0x00, 0x05};
	REQUIRE(pglz_decompress(reinterpret_cast<const char *>(back), 3, out.data(), 100, false) == -1);
	/* A reference cut short. */
	const unsigned char cut[] = {0x02, 'a', 0x00};
	REQUIRE(pglz_decompress(reinterpret_cast<const char *>(cut), 3, out.data(), 100, false) == -1);
	/* Complete input that yields less than promised. */
	const unsigned char lit[] = {0x00, 'a', 'b'};
	REQUIRE(pglz_decompress(reinterpret_cast<const char *>(lit), 3, out.data(), 100, true) == -1);
	REQUIRE(pglz_decompress(reinterpret_cast<const char *>(lit), 3, out.data(), 100, false) == 2);
}

TEST_CASE("pglz reads PostgreSQL 15's streams and writes the same bytes", "[pglz]")
{
	struct Sample
	{
		std::string value;
		const unsigned char *bytes;
		size_t len;
	};
	/* repeat('abcdefgh', 500); repeat('x', 100000);
	 * string_agg((i*i % 1000)::text || 'ab', '') over i in 1..3000;
	 * decode(repeat('0102030405fffefd80', 300) || repeat('c3a9e282ac', 200), 'hex')
	 * — the last with bytes above 0x7f, which the hash reads as signed. */
	std::string squares;
	for (int i = 1; i <= 3000; i++)
		squares += std::to_string(i * i % 1000) + "ab";
	std::string high = Repeat("\x01\x02\x03\x04\x05\xff\xfe\xfd\x80", 300) +
		Repeat("\xc3\xa9\xe2\x82\xac", 200);
	const Sample samples[] = {
		{Repeat("abcdefgh", 500), kPg15Sample1, sizeof kPg15Sample1},
		{Repeat("x", 100000), kPg15Sample3, sizeof kPg15Sample3},
		{squares, kPg15Sample5, sizeof kPg15Sample5},
		{high, kPg15Sample6, sizeof kPg15Sample6},
	};
	for (const Sample &s : samples)
	{
		REQUIRE(Decompress(s.bytes, s.len, s.value.size()) == s.value);
		std::vector<unsigned char> mine = Compress(s.value);
		REQUIRE(mine == std::vector<unsigned char>(s.bytes, s.bytes + s.len));
	}
}
