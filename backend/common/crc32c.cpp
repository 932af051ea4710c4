/*
 * crc32c.cpp — see crc32c.h.
 *
 * The table is the reflected Castagnoli polynomial 0x82F63B78, generated
 * at start-up.  On x86-64 with SSE 4.2 the crc32 instruction processes 8
 * bytes per step; the choice is made once, by asking the CPU.
 */
#include "common/crc32c.h"

#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>
#endif

namespace tusk::common {

namespace {

struct Table
{
	uint32_t entries[256];

	Table()
	{
		for (uint32_t i = 0; i < 256; i++)
		{
			uint32_t c = i;
			for (int k = 0; k < 8; k++)
				c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
			entries[i] = c;
		}
	}
};

uint32_t UpdateWithTable(uint32_t crc, const unsigned char *p, size_t len)
{
	static const Table table;
	while (len-- > 0)
		crc = table.entries[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
	return crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) uint32_t UpdateWithSse42(uint32_t crc, const unsigned char *p,
														   size_t len)
{
	uint64_t c = crc;
	while (len >= 8)
	{
		uint64_t word;
		memcpy(&word, p, 8);
		c = _mm_crc32_u64(c, word);
		p += 8;
		len -= 8;
	}
	uint32_t c32 = static_cast<uint32_t>(c);
	while (len-- > 0)
		c32 = _mm_crc32_u8(c32, *p++);
	return c32;
}
#endif

using UpdateFn = uint32_t (*)(uint32_t, const unsigned char *, size_t);

UpdateFn Choose()
{
#if defined(__x86_64__)
	if (__builtin_cpu_supports("sse4.2"))
		return UpdateWithSse42;
#endif
	return UpdateWithTable;
}

}  // namespace

uint32_t Crc32cUpdate(uint32_t crc, const void *data, size_t len)
{
	static const UpdateFn update = Choose();
	return update(crc, static_cast<const unsigned char *>(data), len);
}

/* For tests: the portable path, whatever the CPU. */
uint32_t Crc32cUpdateWithTableForTests(uint32_t crc, const void *data, size_t len)
{
	return UpdateWithTable(crc, static_cast<const unsigned char *>(data), len);
}

}  // namespace tusk::common
