/*
 * crc32c_test.cpp — CRC-32C against its published check value, and the
 * hardware path against the table.
 */
#include "unit_test.h"

#include <string>
#include <vector>

#include "common/crc32c.h"

using namespace tusk::common;

TEST_CASE("CRC-32C gives the standard check value and is incremental", "[crc32c]")
{
	/* The catalogue check value of CRC-32C over "123456789". */
	REQUIRE(Crc32c("123456789", 9) == 0xE3069283u);
	REQUIRE(Crc32c("", 0) == 0u);
	uint32_t crc = Crc32cInit();
	crc = Crc32cUpdate(crc, "1234", 4);
	crc = Crc32cUpdate(crc, "56789", 5);
	REQUIRE(Crc32cFinish(crc) == 0xE3069283u);
}

TEST_CASE("CRC-32C: the fast path agrees with the table at every length and offset", "[crc32c]")
{
	std::vector<unsigned char> data(1000);
	for (size_t i = 0; i < data.size(); i++)
		data[i] = static_cast<unsigned char>(i * 131 + 7);
	for (size_t off = 0; off < 9; off++)
		for (size_t len : {0, 1, 7, 8, 9, 63, 64, 65, 500})
		{
			uint32_t a = Crc32cUpdate(Crc32cInit(), data.data() + off, len);
			uint32_t b = Crc32cUpdateWithTableForTests(Crc32cInit(), data.data() + off, len);
			REQUIRE(a == b);
		}
	/* One flipped bit changes it. */
	uint32_t before = Crc32c(data.data(), data.size());
	data[500] ^= 0x10;
	REQUIRE(Crc32c(data.data(), data.size()) != before);
}
