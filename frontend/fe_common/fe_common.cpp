/*
 * fe_common.cpp — see fe_common.h.
 */
#include "fe_common.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/paths.h"

namespace tusk::fe {

namespace {

const char *progname = "tusk";

void Log(const char *level, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: %s: ", progname, level);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

}  // namespace

void SetProgName(const char *name)
{
	progname = name;
}

const char *ProgName()
{
	return progname;
}

void LogError(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	Log("error", fmt, ap);
	va_end(ap);
}

void LogWarning(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	Log("warning", fmt, ap);
	va_end(ap);
}

void LogHint(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	Log("hint", fmt, ap);
	va_end(ap);
}

void TryHelp()
{
	fprintf(stderr, "Try \"%s --help\" for more information.\n", progname);
	exit(1);
}

std::string ServerBinary()
{
	return common::GetInstallDir(common::InstallDir::kBin) + "/postgres";
}

ProgramResult RunProgram(const std::vector<std::string> &argv, bool merge_stderr)
{
	ProgramResult result{false, {}};
	std::vector<char *> args;
	for (const std::string &a : argv)
		args.push_back(const_cast<char *>(a.c_str()));
	args.push_back(nullptr);

	int fds[2];
	if (argv.empty() || pipe(fds) != 0)
		return result;
	fflush(nullptr);
	pid_t pid = fork();
	if (pid < 0)
	{
		close(fds[0]);
		close(fds[1]);
		return result;
	}
	if (pid == 0)
	{
		dup2(fds[1], STDOUT_FILENO);
		if (merge_stderr)
			dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		close(fds[1]);
		execv(args[0], args.data());
		_exit(127);
	}
	close(fds[1]);
	char buf[8192];
	ssize_t n;
	while ((n = read(fds[0], buf, sizeof buf)) != 0)
	{
		if (n < 0)
		{
			if (errno == EINTR)
				continue;
			break;
		}
		result.output.append(buf, static_cast<size_t>(n));
	}
	close(fds[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0)
	{
		if (errno != EINTR)
			return result;
	}
	result.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	return result;
}

}  // namespace tusk::fe
