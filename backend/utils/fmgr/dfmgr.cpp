/*
 * dfmgr.cpp — loading modules: shared_preload_libraries, the magic block,
 * _PG_init, and finding functions in modules.
 *
 * Principal entry points: process_shared_preload_libraries, load_file,
 * load_external_function, lookup_external_function.
 *
 * A module is found as PostgreSQL finds it: a name without a slash is
 * looked for in the directories of dynamic_library_path (by default
 * "$libdir", the package library directory), with and without ".so";
 * "$libdir/x" means the package library directory; a path is used as
 * given.
 * Before anything in the module runs, its magic block must match this
 * server's (same major version, same ABI, same compile-time limits);
 * otherwise it is refused with PostgreSQL's message and unloaded.  Loaded
 * modules are remembered by file identity, so loading twice is harmless,
 * and children inherit them (and this list) through fork.
 */
#include "postgres.h"

#include <dlfcn.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "common/string_util.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/errcodes.h"
#include "utils/guc.h"

bool process_shared_preload_libraries_in_progress = false;
bool process_shared_preload_libraries_done = false;

namespace {

constexpr const char *kDlSuffix = ".so";

struct LoadedModule
{
	std::string path;
	dev_t device;
	ino_t inode;
	void *handle;
};

std::vector<LoadedModule> &LoadedModules()
{
	static std::vector<LoadedModule> modules;
	return modules;
}

bool FileExists(const std::string &path)
{
	struct stat st;
	return stat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode);
}

/* "$libdir" at the start of name → the package library directory; any
 * other "$macro" is an error, as in PostgreSQL. */
std::string SubstituteLibpathMacro(const std::string &name)
{
	if (name.empty() || name[0] != '$')
		return name;
	size_t sep = name.find('/');
	if (name.compare(0, sep, "$libdir") != 0)
		ereport(ERROR, errcode(ERRCODE_INVALID_NAME),
				errmsg("invalid macro name in dynamic library path: %s", name.c_str()));
	std::string result = pkglib_path;
	if (sep != std::string::npos)
		result += name.substr(sep);
	return result;
}

/* The first directory of dynamic_library_path holding basename, or "". */
std::string FindInDynamicLibpath(const std::string &basename)
{
	std::string path = Dynamic_library_path != nullptr ? Dynamic_library_path : "";
	if (path.empty())
		return "";
	size_t pos = 0;
	for (;;)
	{
		size_t colon = path.find(':', pos);
		std::string piece = path.substr(pos, colon == std::string::npos ? colon : colon - pos);
		if (piece.empty())
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("zero-length component in parameter \"dynamic_library_path\""));
		std::string dir = SubstituteLibpathMacro(piece);
		if (dir[0] != '/')
			ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("component in parameter \"dynamic_library_path\" is not an absolute "
						   "path"));
		while (dir.size() > 1 && dir.back() == '/')
			dir.pop_back();
		std::string full = dir;
		full += "/";
		full += basename;
		if (FileExists(full))
			return full;
		if (colon == std::string::npos)
			return "";
		pos = colon + 1;
	}
}

/* The file a module name means, as PostgreSQL finds it: a name without a
 * slash is looked for along dynamic_library_path, a path has "$libdir"
 * substituted; each as given, then with the suffix.  Otherwise the name
 * unchanged (and the caller's stat reports it as missing). */
std::string ExpandLibraryName(const std::string &name)
{
	bool has_slash = name.find('/') != std::string::npos;
	for (const std::string &candidate : {name, name + kDlSuffix})
	{
		if (!has_slash)
		{
			std::string full = FindInDynamicLibpath(candidate);
			if (!full.empty())
				return full;
		}
		else
		{
			std::string full = SubstituteLibpathMacro(candidate);
			if (FileExists(full))
				return full;
		}
	}
	return name;
}

void IncompatibleModule(const std::string &path, const Pg_magic_struct *theirs)
{
	static const Pg_magic_struct ours = PG_MODULE_MAGIC_DATA;
	if (theirs->len != ours.len || theirs->version != ours.version)
	{
		char version[32];
		if (theirs->len >= static_cast<int>(offsetof(Pg_magic_struct, funcmaxargs)))
		{
			if (theirs->version >= 1000)
				snprintf(version, sizeof version, "%d", theirs->version / 100);
			else
				snprintf(version, sizeof version, "%d.%d", theirs->version / 100,
						 theirs->version % 100);
		}
		else
			snprintf(version, sizeof version, "unknown");
		ereport(ERROR, errmsg("incompatible library \"%s\": version mismatch", path.c_str()),
				errdetail("Server is version %d, library is version %s.", ours.version / 100,
						  version));
	}
	std::string details;
	auto mismatch = [&](const char *what, int server, int library) {
		if (server == library)
			return;
		if (!details.empty())
			details += "\n";
		details += "Server has " + std::string(what) + " = " + std::to_string(server) +
			", library has " + std::to_string(library) + ".";
	};
	if (strncmp(ours.abi_extra, theirs->abi_extra, sizeof ours.abi_extra) != 0)
		details = "Server has ABI \"" + std::string(ours.abi_extra) + "\", library has \"" +
			std::string(theirs->abi_extra, strnlen(theirs->abi_extra, sizeof theirs->abi_extra)) +
			"\".";
	mismatch("FUNC_MAX_ARGS", ours.funcmaxargs, theirs->funcmaxargs);
	mismatch("INDEX_MAX_KEYS", ours.indexmaxkeys, theirs->indexmaxkeys);
	mismatch("NAMEDATALEN", ours.namedatalen, theirs->namedatalen);
	mismatch("FLOAT8PASSBYVAL", ours.float8byval, theirs->float8byval);
	if (details.empty())
		details = "Magic block has unexpected length or padding difference.";
	ereport(ERROR, errmsg("incompatible library \"%s\": magic block mismatch", path.c_str()),
			errdetail_internal("%s", details.c_str()));
}

/* Load (once) and return the module's handle; runs _PG_init on first load. */
void *LoadLibrary(const std::string &name)
{
	std::string path = ExpandLibraryName(name);
	struct stat st;
	if (stat(path.c_str(), &st) != 0)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not access file \"%s\": %m", path.c_str()));
	for (const LoadedModule &m : LoadedModules())
		if (m.device == st.st_dev && m.inode == st.st_ino)
			return m.handle;

	void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
	if (handle == nullptr)
	{
		const char *why = dlerror();
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not load library \"%s\": %s", path.c_str(),
					   why ? why : "unknown error"));
	}

	auto magic_func = reinterpret_cast<PGModuleMagicFunction>(
		dlsym(handle, PG_MAGIC_FUNCTION_NAME_STRING));
	if (magic_func == nullptr)
	{
		dlclose(handle);
		ereport(ERROR, errmsg("incompatible library \"%s\": missing magic block", path.c_str()),
				errhint("Extension libraries are required to use the PG_MODULE_MAGIC macro."));
	}
	const Pg_magic_struct *theirs = magic_func();
	static const Pg_magic_struct ours = PG_MODULE_MAGIC_DATA;
	if (theirs->len != ours.len || memcmp(theirs, &ours, sizeof ours) != 0)
	{
		/* A short (older or broken) block leaves the rest zero, not garbage. */
		Pg_magic_struct copy{};
		memcpy(&copy, theirs, Min(sizeof copy, static_cast<size_t>(Max(theirs->len, 0))));
		copy.len = theirs->len;
		dlclose(handle);
		IncompatibleModule(path, &copy);
	}

	/* Remember it before _PG_init runs, so that a module loading itself
	 * again from its own init finds it. */
	LoadedModules().push_back(LoadedModule{path, st.st_dev, st.st_ino, handle});
	auto init = reinterpret_cast<PG_init_t>(dlsym(handle, "_PG_init"));
	if (init != nullptr)
		init();
	return handle;
}

}  // namespace

void load_file(const char *filename, bool restricted)
{
	(void) restricted; /* only shared_preload_libraries loads modules so far */
	(void) LoadLibrary(filename);
}

void *load_external_function(const char *filename, const char *funcname, bool signalNotFound,
							 void **filehandle)
{
	void *handle = LoadLibrary(filename);
	if (filehandle)
		*filehandle = handle;
	void *fn = dlsym(handle, funcname);
	if (fn == nullptr && signalNotFound)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("could not find function \"%s\" in file \"%s\"", funcname,
					   ExpandLibraryName(filename).c_str()));
	return fn;
}

void *lookup_external_function(void *filehandle, const char *funcname)
{
	return dlsym(filehandle, funcname);
}

void process_shared_preload_libraries(void)
{
	const char *list = shared_preload_libraries_string;
	if (list != nullptr && list[0] != '\0')
	{
		auto names = tusk::common::SplitList(list, false);
		if (!names)
			ereport(LOG, errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("invalid list syntax in parameter \"%s\"", "shared_preload_libraries"));
		else
		{
			process_shared_preload_libraries_in_progress = true;
			for (const std::string &name : *names)
			{
				load_file(name.c_str(), false);
				ereport(DEBUG1, errmsg_internal("loaded library \"%s\"", name.c_str()));
			}
			process_shared_preload_libraries_in_progress = false;
		}
	}
	process_shared_preload_libraries_done = true;
}
