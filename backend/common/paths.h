/*
 * common/paths.h — where an installed Tusk finds its own pieces.
 *
 * Installed binaries are relocatable: every directory (bin, the module
 * directory, share, the server headers) is found relative to the running
 * executable, never through $PATH, so two installations side by side never
 * mix (this matters: PostgreSQL's own postgres and pg_ctl may be on $PATH).
 */
#ifndef TUSK_COMMON_PATHS_H
#define TUSK_COMMON_PATHS_H

#include <string>

namespace tusk::common {

enum class InstallDir
{
	kBin,
	kLib,
	kPkgLib,
	kShare,
	kIncludeServer,
};

/* Absolute, symlink-free path of the running executable. */
std::string FindMyExec();

/* Absolute path of an installation directory, derived from the path of the
 * running executable and the layout fixed at configure time. */
std::string GetInstallDir(InstallDir which);

/* Directory part of a path ("/a/b/c" -> "/a/b"; "c" -> "."). */
std::string DirName(const std::string &path);

/* Make a path absolute against the current directory, and canonicalize
 * "." and ".." components and duplicate slashes lexically. */
std::string MakeAbsolutePath(const std::string &path);

}  // namespace tusk::common

#endif	// TUSK_COMMON_PATHS_H
