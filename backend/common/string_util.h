/*
 * common/string_util.h — small string helpers shared by server and tools.
 */
#ifndef TUSK_COMMON_STRING_UTIL_H
#define TUSK_COMMON_STRING_UTIL_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tusk::common {

/* Remove leading and trailing ASCII whitespace. */
std::string_view Trim(std::string_view s);

/* Split a comma-separated list as PostgreSQL's SplitDirectoriesString and
 * SplitIdentifierString do for settings such as listen_addresses,
 * unix_socket_directories and shared_preload_libraries: items are trimmed,
 * an item may be double-quoted (with "" for a quote), and unquoted items
 * keep their case when `downcase` is false.  nullopt on a syntax error
 * (unterminated quote, empty item). */
std::optional<std::vector<std::string>> SplitList(std::string_view list, bool downcase);

/* Parse a whole string as a decimal integer; nullopt on any junk. */
std::optional<long long> ParseInteger(std::string_view s);

}  // namespace tusk::common

#endif	// TUSK_COMMON_STRING_UTIL_H
