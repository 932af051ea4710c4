/*
 * elog.cpp — ereport()/elog() and the server log.
 *
 * Principal entry points: errstart/errfinish (behind the ereport macro),
 * the errXXX field setters, EmitErrorReport, FormatLogLinePrefix.
 *
 * An ereport builds an ErrorData on a small per-process stack (reports can
 * nest: a message can be formatted while another is being built).  At
 * errfinish the report is emitted (levels below ERROR), thrown (ERROR), or
 * emitted followed by proc_exit(1) (FATAL) or abort() (PANIC).  Log lines
 * go to stderr, which pg_ctl -l redirects; each line carries
 * log_line_prefix.  See doc/utils/error/README.md.
 *
 * Reports are emitted with ErrorContext current, whose reserve lets a
 * report be written when memory is short; FlushErrorState, called by the
 * main loops once an ERROR is reported, resets it.
 */
#include "postgres.h"

#include <errno.h>
#include <sys/time.h>
#include <unistd.h>

#include <array>
#include <cxxabi.h>
#include <new>
#include <cstdarg>
#include <string>

#include "miscadmin.h"
#include "storage/ipc.h"
#include "utils/error/error.h"
#include "utils/guc.h"
#include "utils/memutils.h"

const char *debug_query_string = nullptr;

namespace tusk::error {

bool client_auth_in_progress = false;

namespace {

/* Deep enough for a report raised while formatting another one. */
constexpr int kErrorStackSize = 5;

std::array<ErrorData, kErrorStackSize> error_stack;
int error_stack_depth = -1;
int handler_depth = 0;
int reports_in_progress = 0; /* between errstart and the end of errfinish */
FrontendEmitter frontend_emitter = nullptr;
long log_line_number = 0;
int log_line_pid = -1;

ErrorData &Current()
{
	return error_stack[error_stack_depth];
}

/* Expand printf arguments, with %m replaced by strerror(saved_errno). */
std::string FormatV(const char *fmt, va_list args, int saved_errno)
{
	std::string expanded;
	for (const char *p = fmt; *p; ++p)
	{
		if (p[0] == '%' && p[1] == '%')
		{
			expanded += "%%";
			++p;
		}
		else if (p[0] == '%' && p[1] == 'm')
		{
			for (const char *e = strerror(saved_errno); *e; ++e)
			{
				if (*e == '%')
					expanded += '%';
				expanded += *e;
			}
			++p;
		}
		else
			expanded += *p;
	}
	va_list copy;
	va_copy(copy, args);
	int len = vsnprintf(nullptr, 0, expanded.c_str(), copy);
	va_end(copy);
	if (len < 0)
		return expanded;
	std::string out(static_cast<size_t>(len), '\0');
	vsnprintf(out.data(), out.size() + 1, expanded.c_str(), args);
	return out;
}

bool ShouldOutputToClient(int elevel)
{
	if (frontend_emitter == nullptr || elevel == LOG_SERVER_ONLY)
		return false;
	if (client_auth_in_progress)
		return elevel >= ERROR;
	return elevel >= client_min_messages || elevel == INFO;
}

void AppendPadded(std::string &out, const std::string &value, int padding)
{
	if (padding == 0)
	{
		out += value;
		return;
	}
	size_t width = static_cast<size_t>(padding < 0 ? -padding : padding);
	if (value.size() >= width)
	{
		out += value;
		return;
	}
	std::string pad(width - value.size(), ' ');
	out += padding > 0 ? pad + value : value + pad;
}

std::string FormatTimestamp(bool with_millis)
{
	struct timeval tv;
	gettimeofday(&tv, nullptr);
	time_t secs = tv.tv_sec;
	struct tm tm;
	localtime_r(&secs, &tm);
	char base[64];
	strftime(base, sizeof base, "%Y-%m-%d %H:%M:%S", &tm);
	char zone[16];
	strftime(zone, sizeof zone, "%Z", &tm);
	char buf[128];
	if (with_millis)
		snprintf(buf, sizeof buf, "%s.%03d %s", base, static_cast<int>(tv.tv_usec / 1000), zone);
	else
		snprintf(buf, sizeof buf, "%s %s", base, zone);
	return buf;
}

std::string FormatStartTime()
{
	time_t secs = static_cast<time_t>(MyStartTime);
	struct tm tm;
	localtime_r(&secs, &tm);
	char buf[64];
	strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %Z", &tm);
	return buf;
}

void WriteToServerLog(const ErrorData &edata)
{
	std::string prefix = FormatLogLinePrefix(Log_line_prefix, edata.sqlerrcode);
	std::string out;
	out += prefix;
	out += SeverityName(edata.elevel);
	out += ":  ";
	out += edata.message.empty() ? "missing error text" : edata.message;
	out += '\n';
	auto add = [&](const char *label, const std::string &text) {
		if (text.empty())
			return;
		out += prefix;
		out += label;
		out += ":  ";
		out += text;
		out += '\n';
	};
	add("DETAIL", edata.detail_log.empty() ? edata.detail : edata.detail_log);
	add("HINT", edata.hint);
	if (!edata.hide_ctx)
		add("CONTEXT", edata.context);
	if (debug_query_string != nullptr && !edata.hide_stmt &&
		IsLogLevelOutput(edata.elevel, log_min_error_statement))
		add("STATEMENT", debug_query_string);
	/* One write(2) per report, so reports of concurrent processes do not
	 * interleave mid-line in a shared log file. */
	const char *p = out.data();
	size_t left = out.size();
	while (left > 0)
	{
		ssize_t n = write(STDERR_FILENO, p, left);
		if (n <= 0)
		{
			if (n < 0 && errno == EINTR)
				continue;
			break;
		}
		p += n;
		left -= static_cast<size_t>(n);
	}
}

}  // namespace

ErrorHandlerScope::ErrorHandlerScope()
{
	++handler_depth;
}

ErrorHandlerScope::~ErrorHandlerScope()
{
	--handler_depth;
}

void SetFrontendEmitter(FrontendEmitter emitter)
{
	frontend_emitter = emitter;
}

const char *SeverityName(int elevel)
{
	switch (elevel)
	{
		case DEBUG1:
		case DEBUG2:
		case DEBUG3:
		case DEBUG4:
		case DEBUG5:
			return "DEBUG";
		case LOG:
		case LOG_SERVER_ONLY:
			return "LOG";
		case INFO:
			return "INFO";
		case NOTICE:
			return "NOTICE";
		case WARNING:
		case WARNING_CLIENT_ONLY:
			return "WARNING";
		case ERROR:
			return "ERROR";
		case FATAL:
			return "FATAL";
		case PANIC:
			return "PANIC";
		default:
			return "???";
	}
}

std::string UnpackSqlState(int sqlerrcode)
{
	std::string s(5, '0');
	for (int i = 0; i < 5; i++)
	{
		s[static_cast<size_t>(i)] = static_cast<char>(PGUNSIXBIT(sqlerrcode));
		sqlerrcode >>= 6;
	}
	return s;
}

bool IsLogLevelOutput(int elevel, int log_min_level)
{
	if (elevel == LOG || elevel == LOG_SERVER_ONLY)
	{
		if (log_min_level == LOG || log_min_level <= ERROR)
			return true;
	}
	else if (elevel == WARNING_CLIENT_ONLY)
		return false;
	else if (log_min_level == LOG)
		return elevel >= FATAL;
	return elevel >= log_min_level;
}

SessionInfo &CurrentSession()
{
	static SessionInfo session;
	return session;
}

std::string FormatLogLinePrefix(const char *format, int sqlerrcode)
{
	std::string out;
	if (format == nullptr)
		return out;
	if (log_line_pid != MyProcPid)
	{
		log_line_number = 0;
		log_line_pid = MyProcPid;
	}
	++log_line_number;
	const SessionInfo &session = CurrentSession();
	bool in_session = MyProcPort != nullptr;
	for (const char *p = format; *p; ++p)
	{
		if (*p != '%')
		{
			out += *p;
			continue;
		}
		++p;
		if (*p == '\0')
			break;
		/* Optional padding: %-10a or %10a. */
		int padding = 0;
		if (*p == '-' || (*p >= '0' && *p <= '9'))
		{
			char *end;
			padding = static_cast<int>(strtol(p, &end, 10));
			p = end;
			if (*p == '\0')
				break;
		}
		switch (*p)
		{
			case 'a':
				if (in_session)
					AppendPadded(out, application_name ? application_name : "", padding);
				else if (padding)
					AppendPadded(out, "", padding);
				break;
			case 'b':
				AppendPadded(out, GetBackendTypeDesc(MyBackendType), padding);
				break;
			case 'u':
				AppendPadded(out, in_session ? session.user : "", padding);
				break;
			case 'd':
				AppendPadded(out, in_session ? session.database : "", padding);
				break;
			case 'r':
				if (in_session)
					AppendPadded(out,
								 session.remote_port.empty()
									 ? session.remote_host
									 : session.remote_host + "(" + session.remote_port + ")",
								 padding);
				else if (padding)
					AppendPadded(out, "", padding);
				break;
			case 'h':
				AppendPadded(out, in_session ? session.remote_host : "", padding);
				break;
			case 'p':
				AppendPadded(out, std::to_string(MyProcPid), padding);
				break;
			case 'P':
				AppendPadded(out, "", padding);
				break;
			case 'l':
				AppendPadded(out, std::to_string(log_line_number), padding);
				break;
			case 'm':
				AppendPadded(out, FormatTimestamp(true), padding);
				break;
			case 't':
				AppendPadded(out, FormatTimestamp(false), padding);
				break;
			case 'n':
			{
				struct timeval tv;
				gettimeofday(&tv, nullptr);
				char buf[64];
				snprintf(buf, sizeof buf, "%ld.%03d", static_cast<long>(tv.tv_sec),
						 static_cast<int>(tv.tv_usec / 1000));
				AppendPadded(out, buf, padding);
				break;
			}
			case 's':
				AppendPadded(out, FormatStartTime(), padding);
				break;
			case 'c':
			{
				char buf[64];
				snprintf(buf, sizeof buf, "%lx.%x", static_cast<long>(MyStartTime), MyProcPid);
				AppendPadded(out, buf, padding);
				break;
			}
			case 'e':
				AppendPadded(out, UnpackSqlState(sqlerrcode), padding);
				break;
			case 'i':
			case 'v':
				AppendPadded(out, "", padding);
				break;
			case 'x':
				AppendPadded(out, "0", padding);
				break;
			case 'q':
				if (!in_session)
					return out;
				break;
			case '%':
				out += '%';
				break;
			default:
				/* Unknown escapes are ignored, as PostgreSQL does. */
				break;
		}
	}
	return out;
}

void EmitErrorReport(const ErrorData &edata)
{
	/* In the reserve, for what writing the report allocates; the caller's
	 * context is back afterwards, by exception too. */
	tusk::MemoryContextScope in(ErrorContext != nullptr ? ErrorContext : CurrentMemoryContext);
	if (edata.output_to_server)
		WriteToServerLog(edata);
	if (edata.output_to_client && frontend_emitter != nullptr)
		frontend_emitter(edata);
}

}  // namespace tusk::error

using tusk::error::Current;

extern "C" {

bool errstart(int elevel, const char *)
{
	using namespace tusk::error;
	/* An ERROR inside a critical section, or with nobody to catch it,
	 * becomes more severe, as in PostgreSQL. */
	if (elevel == ERROR && (CritSectionCount > 0 || handler_depth == 0 || proc_exit_inprogress))
		elevel = (CritSectionCount > 0) ? PANIC : FATAL;
	if (elevel >= FATAL && CritSectionCount > 0)
		elevel = PANIC;

	bool to_server = IsLogLevelOutput(elevel, log_min_messages);
	bool to_client = ShouldOutputToClient(elevel);
	if (elevel < ERROR && !to_server && !to_client)
		return false;

	if (error_stack_depth + 1 >= kErrorStackSize)
	{
		/* Runaway recursion while reporting: give up loudly. */
		error_stack_depth = -1;
		write(STDERR_FILENO, "PANIC:  ERRORDATA_STACK_SIZE exceeded\n", 38);
		abort();
	}
	++error_stack_depth;
	++reports_in_progress;
	tusk::error::ErrorData &e = Current();
	e = tusk::error::ErrorData{};
	e.elevel = elevel;
	e.output_to_server = to_server;
	e.output_to_client = to_client;
	e.saved_errno = errno;
	if (elevel >= ERROR)
		e.sqlerrcode = ERRCODE_INTERNAL_ERROR;
	else if (elevel >= WARNING)
		e.sqlerrcode = ERRCODE_WARNING;
	else
		e.sqlerrcode = ERRCODE_SUCCESSFUL_COMPLETION;
	return true;
}

bool errstart_cold(int elevel, const char *domain)
{
	return errstart(elevel, domain);
}

ErrorContextCallback *error_context_stack = nullptr;

void errfinish(const char *filename, int lineno, const char *funcname)
{
	using namespace tusk::error;
	/* Whoever is on the context stack adds its CONTEXT line or position;
	 * a callback's own error would recurse, so the stack is unhooked
	 * while they run. */
	if (ErrorContextCallback *stack = error_context_stack)
	{
		error_context_stack = nullptr;
		struct Restore
		{
			ErrorContextCallback *saved;
			~Restore() { error_context_stack = saved; }
		} restore{stack};
		for (ErrorContextCallback *e = stack; e != nullptr; e = e->previous)
			e->callback(e->arg);
	}
	tusk::error::ErrorData edata = std::move(Current());
	edata.filename = filename;
	edata.lineno = lineno;
	edata.funcname = funcname;
	--error_stack_depth;
	errno = edata.saved_errno;

	{
		/* The report is over once thrown or emitted, even if emitting it
		 * throws (a client gone away). */
		struct EndOfReport
		{
			~EndOfReport() { --reports_in_progress; }
		} end_of_report;
		if (edata.elevel == ERROR)
			throw PgError(std::move(edata));
		EmitErrorReport(edata);
	}

	if (edata.elevel == FATAL)
		proc_exit(1);
	if (edata.elevel >= PANIC)
	{
		fflush(stderr);
		abort();
	}
}

int errcode(int sqlerrcode)
{
	Current().sqlerrcode = sqlerrcode;
	return 0;
}

int errcode_for_file_access(void)
{
	tusk::error::ErrorData &e = Current();
	switch (e.saved_errno)
	{
		case EPERM:
		case EACCES:
		case EROFS:
			e.sqlerrcode = ERRCODE_INSUFFICIENT_PRIVILEGE;
			break;
		case ENOENT:
			e.sqlerrcode = ERRCODE_UNDEFINED_FILE;
			break;
		case EEXIST:
			e.sqlerrcode = ERRCODE_DUPLICATE_FILE;
			break;
		case ENOSPC:
			e.sqlerrcode = MAKE_SQLSTATE('5', '3', '1', '0', '0');
			break;
		case EMFILE:
		case ENFILE:
			e.sqlerrcode = ERRCODE_INSUFFICIENT_RESOURCES;
			break;
		default:
			e.sqlerrcode = ERRCODE_IO_ERROR;
			break;
	}
	return 0;
}

int errcode_for_socket_access(void)
{
	tusk::error::ErrorData &e = Current();
	switch (e.saved_errno)
	{
		case EPIPE:
		case ECONNRESET:
		case ECONNABORTED:
		case EHOSTUNREACH:
		case ENETUNREACH:
			e.sqlerrcode = ERRCODE_CONNECTION_FAILURE;
			break;
		default:
			e.sqlerrcode = ERRCODE_INTERNAL_ERROR;
			break;
	}
	return 0;
}

#define FORMAT_INTO(field, fmt) FORMAT_INTO_AFTER(field, fmt, fmt)

/* Format the variadic arguments following `last` with format `fmt`. */
#define FORMAT_INTO_AFTER(field, fmt, last) \
	do \
	{ \
		va_list args_; \
		va_start(args_, last); \
		Current().field = tusk::error::FormatV(fmt, args_, Current().saved_errno); \
		va_end(args_); \
	} while (0)

int errmsg(const char *fmt, ...)
{
	FORMAT_INTO(message, fmt);
	return 0;
}

int errmsg_internal(const char *fmt, ...)
{
	FORMAT_INTO(message, fmt);
	return 0;
}

int errmsg_plural(const char *fmt_singular, const char *fmt_plural, unsigned long n, ...)
{
	FORMAT_INTO_AFTER(message, n == 1 ? fmt_singular : fmt_plural, n);
	return 0;
}

int errdetail_plural(const char *fmt_singular, const char *fmt_plural, unsigned long n, ...)
{
	FORMAT_INTO_AFTER(detail, n == 1 ? fmt_singular : fmt_plural, n);
	return 0;
}

int errdetail(const char *fmt, ...)
{
	FORMAT_INTO(detail, fmt);
	return 0;
}

int errdetail_internal(const char *fmt, ...)
{
	FORMAT_INTO(detail, fmt);
	return 0;
}

int errdetail_log(const char *fmt, ...)
{
	FORMAT_INTO(detail_log, fmt);
	return 0;
}

int err_generic_string(int field, const char *str)
{
	if (str == nullptr)
		return 0;
	switch (field)
	{
		case PG_DIAG_SCHEMA_NAME:
			Current().schema_name = str;
			break;
		case PG_DIAG_TABLE_NAME:
			Current().table_name = str;
			break;
		case PG_DIAG_COLUMN_NAME:
			Current().column_name = str;
			break;
		case PG_DIAG_DATATYPE_NAME:
			Current().datatype_name = str;
			break;
		case PG_DIAG_CONSTRAINT_NAME:
			Current().constraint_name = str;
			break;
		default:
			elog(ERROR, "unsupported ErrorData field id: %d", field);
	}
	return 0;
}

int errhint(const char *fmt, ...)
{
	FORMAT_INTO(hint, fmt);
	return 0;
}

int errcontext_msg(const char *fmt, ...)
{
	va_list args;
	va_start(args, fmt);
	std::string text = tusk::error::FormatV(fmt, args, Current().saved_errno);
	va_end(args);
	std::string &ctx = Current().context;
	if (!ctx.empty())
		ctx += '\n';
	ctx += text;
	return 0;
}

int errhidestmt(bool hide_stmt)
{
	Current().hide_stmt = hide_stmt;
	return 0;
}

int errhidecontext(bool hide_ctx)
{
	Current().hide_ctx = hide_ctx;
	return 0;
}

int geterrposition(void)
{
	return Current().cursorpos;
}

int errposition(int cursorpos)
{
	Current().cursorpos = cursorpos;
	return 0;
}

int geterrcode(void)
{
	return Current().sqlerrcode;
}

bool message_level_is_interesting(int elevel)
{
	return elevel >= ERROR || tusk::error::IsLogLevelOutput(elevel, log_min_messages) ||
		tusk::error::ShouldOutputToClient(elevel);
}

void ExceptionalCondition(const char *conditionName, const char *fileName, int lineNumber)
{
	fprintf(stderr, "TRAP: failed Assert(\"%s\"), File: \"%s\", Line: %d, PID: %d\n",
			conditionName ? conditionName : "", fileName ? fileName : "", lineNumber,
			static_cast<int>(getpid()));
	fflush(stderr);
	abort();
}

}  // extern "C"

namespace tusk {

ErrorCatchScope::ErrorCatchScope()
{
	++tusk::error::handler_depth;
}

ErrorCatchScope::~ErrorCatchScope()
{
	--tusk::error::handler_depth;
}

}  // namespace tusk

namespace {

char *CopyOrNull(const std::string &s)
{
	return s.empty() ? nullptr : pstrdup(s.c_str());
}

}  // namespace

extern "C" {

ErrorData *CopyErrorData(void)
{
	if (std::current_exception() == nullptr)
		elog(ERROR, "CopyErrorData called outside PG_CATCH");
	tusk::error::ErrorData d = tusk::error::CaughtErrorData();
	auto *out = static_cast<ErrorData *>(palloc0(sizeof(ErrorData)));
	out->elevel = d.elevel;
	out->output_to_server = d.output_to_server;
	out->output_to_client = d.output_to_client;
	out->filename = d.filename;
	out->lineno = d.lineno;
	out->funcname = d.funcname;
	out->sqlerrcode = d.sqlerrcode;
	out->message = CopyOrNull(d.message);
	out->detail = CopyOrNull(d.detail);
	out->detail_log = CopyOrNull(d.detail_log);
	out->hint = CopyOrNull(d.hint);
	out->context = CopyOrNull(d.context);
	out->cursorpos = d.cursorpos;
	out->saved_errno = d.saved_errno;
	return out;
}

void FreeErrorData(ErrorData *edata)
{
	for (char *p : {edata->message, edata->detail, edata->detail_log, edata->hint, edata->context})
		if (p != nullptr)
			pfree(p);
	pfree(edata);
}

void FlushErrorState(void)
{
	/* Whatever reporting the error took is not needed any more. */
	if (ErrorContext != nullptr)
		MemoryContextReset(ErrorContext);
}

void EmitErrorReport(void)
{
	tusk::error::EmitErrorReport(tusk::error::CaughtErrorData());
}
}

namespace tusk::error {

namespace {

/* The demangled name of the type of the exception being handled. */
std::string CaughtTypeName()
{
	const std::type_info *type = abi::__cxa_current_exception_type();
	if (type == nullptr)
		return "unknown type";
	int status = 0;
	char *demangled = abi::__cxa_demangle(type->name(), nullptr, nullptr, &status);
	std::string name = (status == 0 && demangled != nullptr) ? demangled : type->name();
	free(demangled);
	return name;
}

}  // namespace

ErrorData CaughtErrorData(int min_elevel)
{
	ErrorData d;
	try
	{
		throw;
	}
	catch (const PgError &e)
	{
		d = e.data();
	}
	catch (const std::bad_alloc &)
	{
		/* Formatting nothing here: the report must not need much memory. */
		d.elevel = ERROR;
		d.sqlerrcode = ERRCODE_OUT_OF_MEMORY;
		d.message = "out of memory";
	}
	catch (const std::exception &e)
	{
		d.elevel = ERROR;
		d.sqlerrcode = ERRCODE_INTERNAL_ERROR;
		d.message = e.what();
		d.detail = "C++ exception of type " + CaughtTypeName() + ".";
	}
	catch (...)
	{
		d.elevel = ERROR;
		d.sqlerrcode = ERRCODE_INTERNAL_ERROR;
		d.message = "unexpected C++ exception";
		d.detail = "C++ exception of type " + CaughtTypeName() + ".";
	}
	if (d.elevel < min_elevel)
	{
		d.elevel = min_elevel;
		d.output_to_server = false;
		d.output_to_client = false;
	}
	/* A report made here (not by ereport) decides its own destinations. */
	if (!d.output_to_server && !d.output_to_client)
	{
		d.output_to_server = IsLogLevelOutput(d.elevel, log_min_messages);
		d.output_to_client = ShouldOutputToClient(d.elevel);
	}
	return d;
}

bool ErrorReportInProgress()
{
	return reports_in_progress > 0;
}

void ReportCaughtException(int min_elevel)
{
	EmitErrorReport(CaughtErrorData(min_elevel));
}

namespace {

/*
 * std::terminate's handler: the last word of a process in which an
 * exception found no handler (or escaped a noexcept function).  It writes
 * what it can with write(2) — the heap may be the very thing that failed —
 * and aborts, which the postmaster answers with a crash restart.
 */
[[noreturn]] void TerminateHandler()
{
	char buf[512];
	const char *what = "no exception";
	const char *type = "";
	if (std::exception_ptr ex = std::current_exception())
	{
		const std::type_info *ti = abi::__cxa_current_exception_type();
		// NOLINTNEXTLINE(clang-analyzer-deadcode.DeadStores): read below, after the catch
		type = ti != nullptr ? ti->name() : "";
		try
		{
			std::rethrow_exception(ex);
		}
		catch (const std::exception &e)
		{
			what = e.what();
		}
		catch (...)
		{
			what = "exception of unknown type";
		}
	}
	int len = snprintf(buf, sizeof buf,
					   "PANIC:  std::terminate called in process %d: %s (type %s)\n",
					   static_cast<int>(getpid()), what, type);
	if (len > 0)
		(void) !write(STDERR_FILENO, buf, Min(static_cast<size_t>(len), sizeof buf - 1));
	abort();
}

}  // namespace

void InstallTerminateHandler()
{
	std::set_terminate(TerminateHandler);
}

}  // namespace tusk::error

// NOLINTNEXTLINE(bugprone-exception-escape): ereport(PANIC) aborts, it never throws
void tusk::CriticalSection::CriticalSectionEscaped() noexcept
{
	/* Still counted as inside: the report below is a PANIC in any case. */
	ereport(PANIC, errcode(ERRCODE_INTERNAL_ERROR),
			errmsg_internal("an exception escaped a critical section"),
			errdetail_internal("Shared memory may hold a change that was not WAL-logged."));
	pg_unreachable();
}
