/*
 * pg_config.cpp — where this Tusk installation keeps things, and how to
 * build a module for it.
 *
 * PostgreSQL's pg_config options, answered for the installation pg_config
 * itself belongs to (paths are found from its own location, so a moved
 * installation answers for its new place).  An out-of-tree module builds
 * with `$(pg_config --cppflags)` / `--cflags` / `--cxxflags` and links with
 * `--ldflags_sl`, then installs into `--pkglibdir`; see doc/bgworker.md.
 * `--pgxs` names Tusk's PGXS makefile, with which an extension's ordinary
 * PGXS Makefile builds and installs (doc/extensions.md).
 */
#include <stdio.h>
#include <string.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "common/paths.h"
#include "tusk_config.h"

using tusk::common::GetInstallDir;
using tusk::common::InstallDir;

namespace {

struct Item
{
	const char *option; /* "--bindir" */
	const char *name;	/* "BINDIR", for the listing without options */
	std::function<std::string()> value;
};

std::string IncludeServer()
{
	return GetInstallDir(InstallDir::kIncludeServer);
}

const std::vector<Item> &Items()
{
	static const std::vector<Item> items = {
		{"--bindir", "BINDIR", [] { return GetInstallDir(InstallDir::kBin); }},
		{"--includedir-server", "INCLUDEDIR-SERVER", IncludeServer},
		{"--libdir", "LIBDIR", [] { return GetInstallDir(InstallDir::kLib); }},
		{"--pkglibdir", "PKGLIBDIR", [] { return GetInstallDir(InstallDir::kPkgLib); }},
		{"--sharedir", "SHAREDIR", [] { return GetInstallDir(InstallDir::kShare); }},
		{"--docdir", "DOCDIR", [] { return GetInstallDir(InstallDir::kShare) + "/doc"; }},
		{"--pgxs", "PGXS",
		 [] { return GetInstallDir(InstallDir::kPkgLib) + "/pgxs/src/makefiles/pgxs.mk"; }},
		{"--cc", "CC", [] { return std::string(TUSK_CC); }},
		{"--cxx", "CXX", [] { return std::string(TUSK_CXX); }},
		{"--cppflags", "CPPFLAGS", [] { return "-I" + IncludeServer() + " -D_GNU_SOURCE"; }},
		{"--cflags", "CFLAGS", [] { return std::string("-std=gnu11 -fPIC -Wall"); }},
		{"--cxxflags", "CXXFLAGS", [] { return std::string("-std=c++20 -fPIC -Wall"); }},
		{"--cflags_sl", "CFLAGS_SL", [] { return std::string("-fPIC"); }},
		{"--ldflags_sl", "LDFLAGS_SL", [] { return std::string("-shared"); }},
		{"--version", "VERSION",
		 [] { return std::string("PostgreSQL " PG_VERSION " (Tusk " TUSK_VERSION ")"); }},
	};
	return items;
}

void Usage()
{
	printf("\npg_config provides information about the installed version of Tusk.\n\n");
	printf("Usage:\n  pg_config [OPTION]...\n\nOptions:\n");
	for (const Item &i : Items())
		printf("  %s\n", i.option);
	printf("  -?, --help            show this help, then exit\n\n");
	printf("With no arguments, all known items are shown.\n");
}

}  // namespace

int main(int argc, char *argv[])
{
	if (argc == 1)
	{
		for (const Item &i : Items())
			printf("%s = %s\n", i.name, i.value().c_str());
		return 0;
	}
	for (int a = 1; a < argc; a++)
	{
		if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-?") == 0)
		{
			Usage();
			return 0;
		}
		bool found = false;
		for (const Item &i : Items())
			if (strcmp(argv[a], i.option) == 0)
			{
				printf("%s\n", i.value().c_str());
				found = true;
			}
		if (!found)
		{
			fprintf(stderr, "pg_config: invalid argument: %s\n", argv[a]);
			fprintf(stderr, "Try \"pg_config --help\" for more information.\n");
			return 1;
		}
	}
	return 0;
}
