/*
 * pidfile.cpp — reading postmaster.pid.  See pidfile.h for the format.
 */
#include "common/pidfile.h"

#include <fstream>

namespace tusk::common {

std::optional<std::vector<std::string>> ReadPidFileLines(const std::string &path)
{
	std::ifstream in(path);
	if (!in)
		return std::nullopt;
	std::vector<std::string> lines;
	std::string line;
	while (std::getline(in, line))
		lines.push_back(line);
	return lines;
}

std::string PidFileField(const std::vector<std::string> &lines, PidFileLine line)
{
	size_t index = static_cast<size_t>(line) - 1;
	return index < lines.size() ? lines[index] : std::string();
}

}  // namespace tusk::common
