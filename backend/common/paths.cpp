/*
 * paths.cpp — locating the installation from the running executable.
 * See paths.h.
 */
#include "common/paths.h"

#include <limits.h>
#include <unistd.h>

#include <vector>

#include "tusk_config.h"

namespace tusk::common {

namespace {

/* Strip the relative directory `rel` (e.g. "bin") from the end of `dir`;
 * what remains is the installation prefix.  If `dir` does not end in
 * `rel` (a binary run from the build tree), its parent is used. */
std::string PrefixFromBinDir(const std::string &dir, const std::string &rel)
{
	if (!rel.empty() && rel[0] == '/')
		return DirName(dir);
	std::string suffix = "/" + rel;
	if (dir.size() > suffix.size() &&
		dir.compare(dir.size() - suffix.size(), suffix.size(), suffix) == 0)
		return dir.substr(0, dir.size() - suffix.size());
	return DirName(dir);
}

std::string Join(const std::string &prefix, const char *rel)
{
	if (rel[0] == '/')
		return rel;
	return prefix + "/" + rel;
}

}  // namespace

std::string FindMyExec()
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	if (n <= 0)
		return {};
	buf[n] = '\0';
	return buf;
}

std::string DirName(const std::string &path)
{
	size_t slash = path.find_last_of('/');
	if (slash == std::string::npos)
		return ".";
	if (slash == 0)
		return "/";
	return path.substr(0, slash);
}

std::string MakeAbsolutePath(const std::string &path)
{
	std::string full = path;
	if (full.empty() || full[0] != '/')
	{
		char cwd[PATH_MAX];
		if (getcwd(cwd, sizeof cwd) == nullptr)
			return path;
		full = std::string(cwd) + "/" + path;
	}
	std::vector<std::string> parts;
	size_t pos = 0;
	while (pos <= full.size())
	{
		size_t next = full.find('/', pos);
		if (next == std::string::npos)
			next = full.size();
		std::string part = full.substr(pos, next - pos);
		if (part == "..")
		{
			if (!parts.empty())
				parts.pop_back();
		}
		else if (!part.empty() && part != ".")
			parts.push_back(part);
		pos = next + 1;
	}
	std::string out;
	for (const auto &p : parts)
		out += "/" + p;
	return out.empty() ? "/" : out;
}

std::string GetInstallDir(InstallDir which)
{
	std::string prefix = PrefixFromBinDir(DirName(FindMyExec()), TUSK_BINDIR);
	switch (which)
	{
		case InstallDir::kBin:
			return Join(prefix, TUSK_BINDIR);
		case InstallDir::kLib:
			return Join(prefix, TUSK_LIBDIR);
		case InstallDir::kPkgLib:
			return Join(prefix, TUSK_PKGLIBDIR);
		case InstallDir::kShare:
			return Join(prefix, TUSK_SHAREDIR);
		case InstallDir::kIncludeServer:
			return Join(prefix, TUSK_INCLUDEDIR_SERVER);
	}
	return prefix;
}

}  // namespace tusk::common
