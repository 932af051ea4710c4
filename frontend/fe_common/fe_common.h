/*
 * fe_common.h — what initdb and pg_ctl share: messages in PostgreSQL's
 * frontend style ("initdb: error: …"), the root refusal, and locating the
 * server binary next to the tool itself.
 */
#ifndef TUSK_FRONTEND_FE_COMMON_H
#define TUSK_FRONTEND_FE_COMMON_H

#include <string>

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

}  // namespace tusk::fe

#endif  // TUSK_FRONTEND_FE_COMMON_H
