/*
 * common/crc32c.h — CRC-32C (Castagnoli), for WAL records and page checksums.
 *
 * The same polynomial PostgreSQL uses for WAL (and iSCSI and ext4 use),
 * computed with the CPU's crc32 instruction where there is one and with a
 * table elsewhere; both give identical results.  Usage, as with
 * PostgreSQL's macros: crc = Crc32cInit(); crc = Crc32cUpdate(crc, data,
 * len) as often as needed; crc = Crc32cFinish(crc).
 */
#ifndef TUSK_COMMON_CRC32C_H
#define TUSK_COMMON_CRC32C_H

#include <stddef.h>
#include <stdint.h>

namespace tusk::common {

constexpr uint32_t Crc32cInit()
{
	return 0xFFFFFFFFu;
}

uint32_t Crc32cUpdate(uint32_t crc, const void *data, size_t len);

constexpr uint32_t Crc32cFinish(uint32_t crc)
{
	return crc ^ 0xFFFFFFFFu;
}

/* The table-driven path, whatever the CPU (tests compare the two). */
uint32_t Crc32cUpdateWithTableForTests(uint32_t crc, const void *data, size_t len);

/* The whole computation over one buffer. */
inline uint32_t Crc32c(const void *data, size_t len)
{
	return Crc32cFinish(Crc32cUpdate(Crc32cInit(), data, len));
}

}  // namespace tusk::common

#endif	// TUSK_COMMON_CRC32C_H
