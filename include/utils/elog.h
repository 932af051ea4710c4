/*
 * utils/elog.h — error reporting: ereport(), elog() and their levels.
 *
 * The same interface as PostgreSQL's:
 *
 *     ereport(ERROR,
 *             errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
 *             errmsg("cannot do %s", what),
 *             errhint("Try something else."));
 *
 * Levels below ERROR are emitted at once (server log and/or client, as
 * log_min_messages and client_min_messages say) and execution continues.
 * ERROR throws a C++ exception that the process's main loop catches: it
 * aborts the current command and reports to the client.  An ERROR raised
 * where no main loop is catching is promoted to FATAL.  FATAL reports and
 * ends the process with proc_exit(1).  PANIC reports and aborts, which the
 * postmaster answers with a crash restart.
 *
 * The exception unwinds through C module frames too (they carry unwind
 * tables on every supported platform); a module must not catch it with
 * setjmp/longjmp.
 */
#ifndef TUSK_UTILS_ELOG_H
#define TUSK_UTILS_ELOG_H

#include "c.h"
#include "utils/errcodes.h"

/* Error levels, with PostgreSQL 15's numbering. */
#define DEBUG5 10
#define DEBUG4 11
#define DEBUG3 12
#define DEBUG2 13
#define DEBUG1 14
#define LOG 15
#define LOG_SERVER_ONLY 16
#define COMMERROR LOG_SERVER_ONLY
#define INFO 17
#define NOTICE 18
#define WARNING 19
#define PGWARNING 19
#define WARNING_CLIENT_ONLY 20
#define ERROR 21
#define PGERROR 21
#define FATAL 22
#define PANIC 23

#ifndef TEXTDOMAIN
#define TEXTDOMAIN NULL
#endif

#ifdef __cplusplus
extern "C" {
#endif

extern bool errstart(int elevel, const char *domain);
extern void errfinish(const char *filename, int lineno, const char *funcname);
extern bool errstart_cold(int elevel, const char *domain);

extern int errcode(int sqlerrcode);
extern int errcode_for_file_access(void);
extern int errcode_for_socket_access(void);
extern int errmsg(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errmsg_internal(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errmsg_plural(const char *fmt_singular, const char *fmt_plural, unsigned long n, ...)
	pg_attribute_printf(1, 4) pg_attribute_printf(2, 4);
extern int errdetail(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errdetail_plural(const char *fmt_singular, const char *fmt_plural, unsigned long n, ...)
	pg_attribute_printf(1, 4) pg_attribute_printf(2, 4);
extern int errdetail_internal(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errdetail_log(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errhint(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errcontext_msg(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errhidestmt(bool hide_stmt);
extern int errhidecontext(bool hide_ctx);
extern int errposition(int cursorpos);
/* The fields naming the object an error is about (PostgreSQL's
 * postgres_ext.h codes, sent in ErrorResponse); utils/relcache.h has
 * errtable, errtablecol and errtableconstraint to fill them. */
#define PG_DIAG_SCHEMA_NAME 's'
#define PG_DIAG_TABLE_NAME 't'
#define PG_DIAG_COLUMN_NAME 'c'
#define PG_DIAG_DATATYPE_NAME 'd'
#define PG_DIAG_CONSTRAINT_NAME 'n'
extern int err_generic_string(int field, const char *str);
/* For context callbacks: the position the report has so far (0: none). */
extern int geterrposition(void);

/* Callbacks run while any report is being finished, innermost first, to
 * add CONTEXT lines (errcontext) or a position: push one on entering a
 * phase (parsing a literal, copying row 7, …) and pop it on leaving. */
typedef struct ErrorContextCallback
{
	struct ErrorContextCallback *previous;
	void (*callback)(void *arg);
	void *arg;
} ErrorContextCallback;
extern PGDLLIMPORT ErrorContextCallback *error_context_stack;
extern int geterrcode(void);

/* Whether a message at elevel would be written to the server log. */
extern bool message_level_is_interesting(int elevel);

/* An error as PG_CATCH code sees it (PostgreSQL's struct, the fields Tusk
 * fills). */
typedef struct ErrorData
{
	int elevel;
	bool output_to_server;
	bool output_to_client;
	const char *filename;
	int lineno;
	const char *funcname;
	int sqlerrcode;
	char *message;
	char *detail;
	char *detail_log;
	char *hint;
	char *context;
	int cursorpos;
	int saved_errno;
} ErrorData;

#ifdef __cplusplus
}
#endif

#ifdef __cplusplus
/*
 * PG_TRY / PG_CATCH / PG_END_TRY, for C++ modules (Tusk's errors are C++
 * exceptions, which C code cannot catch; C modules let errors propagate):
 *
 *     PG_TRY();
 *     {
 *         ...code that may ereport(ERROR)...
 *     }
 *     PG_CATCH();
 *     {
 *         ErrorData *edata = CopyErrorData();   // only inside PG_CATCH
 *         FlushErrorState();
 *         ...; FreeErrorData(edata);            // or PG_RE_THROW();
 *     }
 *     PG_END_TRY();
 *
 * Inside PG_TRY an ERROR is thrown to the PG_CATCH block instead of
 * ending the process; the PG_CATCH block also sees any other C++
 * exception (as an internal error).  As in PostgreSQL, the catching code
 * must abort the transaction (AbortCurrentTransaction) or re-throw before
 * doing anything else with shared state.
 */
extern "C++" {
namespace tusk {

/* While one lives, ERRORs are thrown rather than promoted to FATAL. */
class ErrorCatchScope
{
  public:
	ErrorCatchScope();
	~ErrorCatchScope();
	ErrorCatchScope(const ErrorCatchScope &) = delete;
	ErrorCatchScope &operator=(const ErrorCatchScope &) = delete;
};

}  // namespace tusk
}

/*
 * The three macros open and close braces between them, which clang-format
 * cannot follow: it is kept off their definitions.
 */
/* clang-format off */
#define PG_TRY() \
	do { \
		try { \
			::tusk::ErrorCatchScope pg_error_catch_scope_;
#define PG_CATCH() \
		} catch (...) {
#define PG_END_TRY() \
		} \
	} while (0)
/* clang-format on */
#define PG_RE_THROW() throw

extern "C" {
/* Inside PG_CATCH: a palloc'd copy of the error being handled. */
extern ErrorData *CopyErrorData(void);
extern void FreeErrorData(ErrorData *edata);
/* Inside PG_CATCH: the error is handled; frees what reporting it took
 * (resets ErrorContext).  The exception itself carries the error. */
extern void FlushErrorState(void);
/* Inside PG_CATCH: write the error being handled to the log (and client). */
extern void EmitErrorReport(void);
}
#endif /* __cplusplus */

#define errcontext errcontext_msg

#define ereport_domain(elevel, domain, ...) \
	do \
	{ \
		const int elevel_ = (elevel); \
		if (errstart(elevel_, domain)) \
			__VA_ARGS__, errfinish(__FILE__, __LINE__, __func__); \
		if (elevel_ >= ERROR) \
			pg_unreachable(); \
	} while (0)

#define ereport(elevel, ...) ereport_domain(elevel, TEXTDOMAIN, __VA_ARGS__)

#define elog(elevel, ...) ereport(elevel, errmsg_internal(__VA_ARGS__))

#endif /* TUSK_UTILS_ELOG_H */
