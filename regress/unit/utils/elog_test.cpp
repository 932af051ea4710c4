/*
 * elog_test.cpp — ereport levels, SQLSTATE packing, log_line_prefix.
 */
#include "unit_test.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>

#include <unistd.h>

#include "miscadmin.h"
#include "utils/error/error.h"
#include "utils/guc.h"

using tusk::error::FormatLogLinePrefix;
using tusk::error::IsLogLevelOutput;
using tusk::error::PgError;
using tusk::error::UnpackSqlState;

TEST_CASE("SQLSTATE codes pack into six bits per character and unpack again", "[elog]")
{
	REQUIRE(UnpackSqlState(ERRCODE_FEATURE_NOT_SUPPORTED) == "0A000");
	REQUIRE(UnpackSqlState(ERRCODE_TOO_MANY_CONNECTIONS) == "53300");
	REQUIRE(UnpackSqlState(ERRCODE_ADMIN_SHUTDOWN) == "57P01");
	REQUIRE(UnpackSqlState(MAKE_SQLSTATE('X', 'X', '0', '0', '1')) == "XX001");
}

TEST_CASE("ereport(ERROR) throws with code, message, detail, hint and position", "[elog]")
{
	try
	{
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED), errmsg("cannot %s", "fly"),
				errdetail("Wings are %d.", 0), errhint("Walk."), errposition(7));
		FAIL("ereport(ERROR) returned");
	}
	catch (const PgError &e)
	{
		REQUIRE(e.data().elevel == ERROR);
		REQUIRE(e.data().sqlerrcode == ERRCODE_FEATURE_NOT_SUPPORTED);
		REQUIRE(e.data().message == "cannot fly");
		REQUIRE(e.data().detail == "Wings are 0.");
		REQUIRE(e.data().hint == "Walk.");
		REQUIRE(e.data().cursorpos == 7);
		REQUIRE(e.data().lineno > 0);
	}
}

TEST_CASE("An ERROR without an explicit code is an internal error (XX000)", "[elog]")
{
	try
	{
		elog(ERROR, "something %s", "broke");
		FAIL("elog(ERROR) returned");
	}
	catch (const PgError &e)
	{
		REQUIRE(UnpackSqlState(e.data().sqlerrcode) == "XX000");
		REQUIRE(e.data().message == "something broke");
	}
}

TEST_CASE("%m in a message expands to the errno at the time of the report", "[elog]")
{
	errno = ENOENT;
	try
	{
		ereport(ERROR, errcode_for_file_access(), errmsg("could not open file \"%s\": %m", "x"));
	}
	catch (const PgError &e)
	{
		REQUIRE(e.data().message == "could not open file \"x\": No such file or directory");
		REQUIRE(UnpackSqlState(e.data().sqlerrcode) == "58P01");
	}
}

TEST_CASE("An ERROR inside a critical section is promoted to PANIC (the process aborts)", "[elog]")
{
	pid_t pid = fork();
	REQUIRE(pid >= 0);
	if (pid == 0)
	{
		/* Keep the child's report out of the test output, and let the abort
		 * kill it rather than wake Catch2's crash reporter. */
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, STDERR_FILENO);
		dup2(devnull, STDOUT_FILENO);
		signal(SIGABRT, SIG_DFL);
		START_CRIT_SECTION();
		elog(ERROR, "in critical section");
		_exit(0);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	REQUIRE(WIFSIGNALED(status));
	REQUIRE(WTERMSIG(status) == SIGABRT);
}

TEST_CASE("FATAL ends the process with exit status 1", "[elog]")
{
	pid_t pid = fork();
	REQUIRE(pid >= 0);
	if (pid == 0)
	{
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, STDERR_FILENO);
		ereport(FATAL, errmsg("bye"));
		_exit(0);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	REQUIRE(WIFEXITED(status));
	REQUIRE(WEXITSTATUS(status) == 1);
}

TEST_CASE("log_min_messages filters as PostgreSQL does, LOG ranking above ERROR", "[elog]")
{
	REQUIRE(IsLogLevelOutput(LOG, WARNING));
	REQUIRE(IsLogLevelOutput(LOG, ERROR));
	REQUIRE_FALSE(IsLogLevelOutput(LOG, FATAL));
	REQUIRE(IsLogLevelOutput(WARNING, WARNING));
	REQUIRE_FALSE(IsLogLevelOutput(NOTICE, WARNING));
	REQUIRE(IsLogLevelOutput(DEBUG2, DEBUG5));
	REQUIRE_FALSE(IsLogLevelOutput(ERROR, LOG));
	REQUIRE(IsLogLevelOutput(FATAL, LOG));
	REQUIRE_FALSE(IsLogLevelOutput(WARNING_CLIENT_ONLY, DEBUG5));
}

TEST_CASE("log_line_prefix expands pid, session id, sqlstate, literal percent and padding",
		  "[elog]")
{
	MyProcPid = 4242;
	MyStartTime = 0x5f000000;
	REQUIRE(FormatLogLinePrefix("[%p] ", 0) == "[4242] ");
	REQUIRE(FormatLogLinePrefix("%c", 0) == "5f000000.1092");
	REQUIRE(FormatLogLinePrefix("%e", ERRCODE_TOO_MANY_CONNECTIONS) == "53300");
	REQUIRE(FormatLogLinePrefix("100%%", 0) == "100%");
	REQUIRE(FormatLogLinePrefix("<%6p>", 0) == "<  4242>");
	REQUIRE(FormatLogLinePrefix("<%-6p>", 0) == "<4242  >");
	MyProcPid = getpid();
}

TEST_CASE("log_line_prefix %m gives a millisecond timestamp with the zone", "[elog]")
{
	std::string s = FormatLogLinePrefix("%m", 0);
	/* 2026-11-24 15:25:42.331 UTC */
	REQUIRE(s.size() >= 23);
	REQUIRE(s[4] == '-');
	REQUIRE(s[10] == ' ');
	REQUIRE(s[19] == '.');
	REQUIRE(s[23] == ' ');
}

TEST_CASE("log_line_prefix session escapes are empty outside a session, and %q stops there",
		  "[elog]")
{
	REQUIRE(MyProcPort == nullptr);
	REQUIRE(FormatLogLinePrefix("a%ub%dc", 0) == "abc");
	REQUIRE(FormatLogLinePrefix("x%qy%u", 0) == "x");
}
