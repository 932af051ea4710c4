/*
 * string_util.cpp — see string_util.h.
 */
#include "common/string_util.h"

#include <cctype>
#include <charconv>

namespace tusk::common {

std::string_view Trim(std::string_view s)
{
	while (!s.empty() && isspace(static_cast<unsigned char>(s.front())))
		s.remove_prefix(1);
	while (!s.empty() && isspace(static_cast<unsigned char>(s.back())))
		s.remove_suffix(1);
	return s;
}

std::optional<std::vector<std::string>> SplitList(std::string_view list, bool downcase)
{
	std::vector<std::string> out;
	size_t i = 0;
	auto skip_space = [&] {
		while (i < list.size() && isspace(static_cast<unsigned char>(list[i])))
			++i;
	};
	skip_space();
	if (i == list.size())
		return out;
	for (;;)
	{
		std::string item;
		if (i < list.size() && list[i] == '"')
		{
			++i;
			for (;;)
			{
				if (i >= list.size())
					return std::nullopt;
				if (list[i] == '"')
				{
					if (i + 1 < list.size() && list[i + 1] == '"')
					{
						item += '"';
						i += 2;
						continue;
					}
					++i;
					break;
				}
				item += list[i++];
			}
		}
		else
		{
			while (i < list.size() && list[i] != ',')
			{
				char c = list[i++];
				item += downcase ? static_cast<char>(tolower(static_cast<unsigned char>(c))) : c;
			}
			item = std::string(Trim(item));
		}
		if (item.empty())
			return std::nullopt;
		out.push_back(item);
		skip_space();
		if (i == list.size())
			return out;
		if (list[i] != ',')
			return std::nullopt;
		++i;
		skip_space();
	}
}

std::optional<long long> ParseInteger(std::string_view s)
{
	s = Trim(s);
	if (s.empty())
		return std::nullopt;
	long long value = 0;
	auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
	if (ec != std::errc() || ptr != s.data() + s.size())
		return std::nullopt;
	return value;
}

}  // namespace tusk::common
