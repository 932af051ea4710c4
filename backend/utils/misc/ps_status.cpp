/*
 * ps_status.cpp — setting the process title.  See ps_status.h.
 *
 * The argv strings and, right after them, the environment strings form
 * one contiguous block; ps reads the title from there.  SaveArgv moves
 * the environment and the arguments to new memory so the whole block can
 * be overwritten; prctl(PR_SET_NAME) also sets the short name top shows.
 */
#include "postgres.h"

#include <sys/prctl.h>
#include <unistd.h>

#include <string>

#include "utils/guc.h"
#include "utils/misc/ps_status.h"

extern char **environ;

namespace tusk::ps {

namespace {

char *title_area = nullptr; /* start of the original argv block */
size_t title_area_size = 0;
std::string fixed_part;
std::string current;

void Write()
{
	if (title_area == nullptr || title_area_size == 0)
		return;
	size_t n = Min(current.size(), title_area_size - 1);
	// NOLINTNEXTLINE(bugprone-not-null-terminated-result): n < size; the memset terminates it
	memcpy(title_area, current.data(), n);
	memset(title_area + n, 0, title_area_size - n);
}

}  // namespace

char **SaveArgv(int argc, char **argv)
{
	if (argc <= 0 || argv == nullptr || argv[0] == nullptr)
		return argv;
	char *end = argv[0] + strlen(argv[0]);
	for (int i = 1; i < argc; i++)
		if (argv[i] == end + 1)
			end = argv[i] + strlen(argv[i]);
	for (int i = 0; environ[i] != nullptr; i++)
		if (environ[i] == end + 1)
			end = environ[i] + strlen(environ[i]);
	title_area = argv[0];
	title_area_size = static_cast<size_t>(end - argv[0]);

	/* Move the environment away: it lives in the block we will overwrite. */
	int envc = 0;
	while (environ[envc] != nullptr)
		envc++;
	char **new_environ = static_cast<char **>(
		malloc(sizeof(char *) * (static_cast<size_t>(envc) + 1)));
	for (int i = 0; i < envc; i++)
		new_environ[i] = strdup(environ[i]);
	new_environ[envc] = nullptr;
	environ = new_environ;

	char **new_argv = static_cast<char **>(
		malloc(sizeof(char *) * (static_cast<size_t>(argc) + 1)));
	for (int i = 0; i < argc; i++)
		new_argv[i] = strdup(argv[i]);
	new_argv[argc] = nullptr;
	return new_argv;
}

void InitDisplay(const char *fixed)
{
	fixed_part = "postgres: ";
	if (cluster_name != nullptr && cluster_name[0] != '\0')
		fixed_part += std::string(cluster_name) + ": ";
	fixed_part += fixed;
	current = fixed_part;
	Write();
	/* The kernel's 15-character name, shown by top and in /proc/PID/comm. */
	std::string comm = std::string("postgres: ") + fixed;
	prctl(PR_SET_NAME, comm.substr(0, 15).c_str(), 0, 0, 0);
}

void SetDisplay(const char *activity)
{
	if (!update_process_title)
		return;
	current = fixed_part;
	if (activity != nullptr && activity[0] != '\0')
	{
		current += ' ';
		current += activity;
	}
	Write();
}

const char *GetDisplay()
{
	return current.c_str();
}

}  // namespace tusk::ps
