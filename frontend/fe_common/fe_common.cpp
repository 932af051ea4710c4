/*
 * fe_common.cpp — see fe_common.h.
 */
#include "fe_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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
	va_list		ap;
	va_start(ap, fmt);
	Log("error", fmt, ap);
	va_end(ap);
}

void LogWarning(const char *fmt, ...)
{
	va_list		ap;
	va_start(ap, fmt);
	Log("warning", fmt, ap);
	va_end(ap);
}

void LogHint(const char *fmt, ...)
{
	va_list		ap;
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

}  // namespace tusk::fe
