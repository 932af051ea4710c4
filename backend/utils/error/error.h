/*
 * error.h — the C++ side of error reporting (backend only).
 *
 * utils/elog.h is the C interface modules use; this header is what the
 * server's own main loops need: the ErrorData an ereport() builds, the
 * exception that carries an ERROR to the nearest main loop, and the
 * emitter that writes a report to the server log and the client.
 *
 * Protocol for a main loop (postgres.cpp, a worker, the checkpointer):
 *
 *     tusk::error::ErrorHandlerScope scope;   // ERRORs now throw to us
 *     for (;;) {
 *         try { ...one command... }
 *         catch (...) {
 *             tusk::error::ReportCaughtException(ERROR);
 *             ...abort the command, clean up...
 *         }
 *     }
 *
 * A main loop catches everything, not only PgError: std::bad_alloc and any
 * other exception are reported too (ReportCaughtException), never
 * silently.  What escapes a process's main function altogether is caught
 * in the fork helper and reported as FATAL; what escapes even that (or a
 * noexcept function) reaches InstallTerminateHandler's handler.
 *
 * Without a live ErrorHandlerScope an ERROR is promoted to FATAL, as
 * PostgreSQL does when no sigsetjmp handler is established.
 */
#ifndef TUSK_BACKEND_UTILS_ERROR_ERROR_H
#define TUSK_BACKEND_UTILS_ERROR_ERROR_H

#include <exception>
#include <string>

#include "postgres.h"
#include "tcop/tcopprot.h"
#include "tusk/error.hpp"

namespace tusk::error {

/* ErrorData, the report an ereport() builds, and PgError, the exception
 * errfinish() throws for ERROR (caught only by main loops, and by C++
 * modules through tusk/spi.hpp), are in the installed tusk/error.hpp. */

/* Marks that a main loop is ready to catch PgError (see file comment). */
class ErrorHandlerScope
{
  public:
	ErrorHandlerScope();
	~ErrorHandlerScope();
	ErrorHandlerScope(const ErrorHandlerScope &) = delete;
	ErrorHandlerScope &operator=(const ErrorHandlerScope &) = delete;
};

/* A CONTEXT callback (PostgreSQL's ErrorContextCallback) pushed on
 * error_context_stack for the scope's life, popped also when an error
 * unwinds it. */
class ErrorContextScope
{
  public:
	ErrorContextScope(void (*callback)(void *), void *arg)
	{
		callback_.callback = callback;
		callback_.arg = arg;
		callback_.previous = error_context_stack;
		error_context_stack = &callback_;
	}
	~ErrorContextScope() { error_context_stack = callback_.previous; }
	ErrorContextScope(const ErrorContextScope &) = delete;
	ErrorContextScope &operator=(const ErrorContextScope &) = delete;

  private:
	ErrorContextCallback callback_{};
};

/* Write a report to the server log and/or the client, as its flags say. */
void EmitErrorReport(const ErrorData &edata);

/* Inside a catch handler: the exception being handled as a report.  An
 * ereport's PgError carries its own; std::bad_alloc becomes ERROR 53200
 * "out of memory"; any other exception ERROR XX000 with its what() as the
 * message and its type in the DETAIL.  The level is raised to min_elevel
 * (FATAL where the process ends because of it). */
ErrorData CaughtErrorData(int min_elevel = ERROR);

/* Whether an ereport is being built or emitted (for allocation checks:
 * reporting may allocate even inside a critical section, where the report
 * is a PANIC anyway). */
bool ErrorReportInProgress();

/* Inside a catch handler: EmitErrorReport(CaughtErrorData(min_elevel)). */
void ReportCaughtException(int min_elevel = ERROR);

/* Make std::terminate write what it knows to stderr (the server log) and
 * abort.  Every process installs it at start (main.cpp). */
void InstallTerminateHandler();

/* Sends one report to the client; installed by the protocol layer once a
 * client connection exists (nullptr: no client). */
using FrontendEmitter = void (*)(const ErrorData &edata);
void SetFrontendEmitter(FrontendEmitter emitter);

/* While true, only ERROR and above reach the client (PostgreSQL's
 * ClientAuthInProgress). */
extern bool client_auth_in_progress;

/* The statement being executed, for log_min_error_statement's STATEMENT
 * line: the C global of tcop/tcopprot.h, which modules set too. */
using ::debug_query_string;

/* "ERROR", "LOG", "DEBUG", ... — the non-localized severity word. */
const char *SeverityName(int elevel);
/* The five-character SQLSTATE of a packed code. */
std::string UnpackSqlState(int sqlerrcode);
/* PostgreSQL's rule for whether elevel passes a log_min_messages threshold. */
bool IsLogLevelOutput(int elevel, int log_min_level);

/* Log-line prefix expansion (log_line_prefix), exposed for tests. */
std::string FormatLogLinePrefix(const char *format, int sqlerrcode);

/* Per-connection facts log_line_prefix can show, set by the backend. */
struct SessionInfo
{
	std::string user;
	std::string database;
	std::string remote_host;
	std::string remote_port;
};
SessionInfo &CurrentSession();

}  // namespace tusk::error

#endif	// TUSK_BACKEND_UTILS_ERROR_ERROR_H
