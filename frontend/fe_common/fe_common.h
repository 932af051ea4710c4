/*
 * fe_common.h — what initdb and pg_ctl share: messages in PostgreSQL's
 * frontend style ("initdb: error: …"), the root refusal, and locating the
 * server binary next to the tool itself.
 */
#ifndef TUSK_FRONTEND_FE_COMMON_H
#define TUSK_FRONTEND_FE_COMMON_H

#include <string>
#include <vector>

namespace tusk::fe {

/* The program name used in messages ("initdb", "pg_ctl"). */
void SetProgName(const char *name);
const char *ProgName();

/* "prog: error: …", "prog: warning: …", "prog: hint: …" on stderr. */
void LogError(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void LogWarning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void LogHint(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* `Try "prog --help" for more information.` and exit(1). */
[[noreturn]] void TryHelp();

/* The `postgres` binary of this installation: <bindir>/postgres, never a
 * PATH lookup (another PostgreSQL may be installed beside Tusk). */
std::string ServerBinary();

/* What a program run by RunProgram printed, and how it ended. */
struct ProgramResult
{
	bool ok;			/* started, and exited with status 0 */
	std::string output; /* its stdout, and its stderr if merge_stderr */
};

/* Runs argv[0] with the arguments argv (no shell: nothing is quoted or
 * expanded) and collects its output.  stderr joins stdout when
 * merge_stderr, else it goes to ours. */
ProgramResult RunProgram(const std::vector<std::string> &argv, bool merge_stderr);

}  // namespace tusk::fe

#endif	// TUSK_FRONTEND_FE_COMMON_H
