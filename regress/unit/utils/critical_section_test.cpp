/*
 * critical_section_test.cpp — a critical section cannot be escaped, and
 * every exception a main loop catches becomes a report.
 *
 * What the unit-test program's operator new adds (alloc_guard.cpp): any
 * allocation inside any critical section the other tests reach aborts.
 */
#include "unit_test.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <new>
#include <stdexcept>
#include <string>

#include "miscadmin.h"
#include "utils/error/error.h"

using tusk::error::CaughtErrorData;
using tusk::error::UnpackSqlState;

namespace {

struct ChildResult
{
	int status;
	std::string stderr_text;
};

/* Runs body in a child whose stderr is captured; the child _exit(0)s if
 * body returns. */
template <typename F>
ChildResult RunChild(F body)
{
	int fds[2];
	REQUIRE(pipe(fds) == 0);
	pid_t pid = fork();
	REQUIRE(pid >= 0);
	if (pid == 0)
	{
		close(fds[0]);
		dup2(fds[1], STDERR_FILENO);
		/* The abort must kill the child, not wake Catch2's crash reporter. */
		signal(SIGABRT, SIG_DFL);
		body();
		_exit(0);
	}
	close(fds[1]);
	ChildResult r{0, {}};
	char buf[4096];
	ssize_t n;
	while ((n = read(fds[0], buf, sizeof buf)) > 0)
		r.stderr_text.append(buf, static_cast<size_t>(n));
	close(fds[0]);
	REQUIRE(waitpid(pid, &r.status, 0) == pid);
	return r;
}

/* Throwable inside a critical section: constructing it allocates nothing
 * (alloc_guard.cpp refuses allocations there). */
struct HalfDone : std::exception
{
	const char *what() const noexcept override { return "half done"; }
};

bool AbortedWithPanic(const ChildResult &r)
{
	return WIFSIGNALED(r.status) && WTERMSIG(r.status) == SIGABRT &&
		r.stderr_text.find("PANIC:  an exception escaped a critical section") != std::string::npos;
}

}  // namespace

TEST_CASE("std::bad_alloc thrown inside a critical section is a PANIC, even if a caller catches it",
		  "[crit]")
{
	ChildResult r = RunChild([] {
		try
		{
			tusk::CriticalSection crit;
			throw std::bad_alloc();
		}
		catch (...)
		{
			_exit(3); /* must never be reached */
		}
	});
	CAPTURE(r.stderr_text);
	REQUIRE(AbortedWithPanic(r));
}

TEST_CASE("Any other exception leaving a critical section is a PANIC too", "[crit]")
{
	ChildResult r = RunChild([] {
		tusk::CriticalSection crit;
		throw HalfDone();
	});
	CAPTURE(r.stderr_text);
	REQUIRE(AbortedWithPanic(r));
}

TEST_CASE("ereport(ERROR) inside a critical section scope is a PANIC before anything unwinds",
		  "[crit]")
{
	ChildResult r = RunChild([] {
		tusk::CriticalSection crit;
		elog(ERROR, "page half changed");
	});
	CAPTURE(r.stderr_text);
	REQUIRE(WIFSIGNALED(r.status));
	REQUIRE(WTERMSIG(r.status) == SIGABRT);
	REQUIRE(r.stderr_text.find("PANIC:  page half changed") != std::string::npos);
}

TEST_CASE("Exceptions thrown and caught inside a critical section, or after End(), are ordinary",
		  "[crit]")
{
	uint32 before = CritSectionCount;
	{
		tusk::CriticalSection crit;
		REQUIRE(CritSectionCount == before + 1);
		try
		{
			throw HalfDone();
		}
		catch (const HalfDone &)
		{}
		REQUIRE(CritSectionCount == before + 1);
	}
	REQUIRE(CritSectionCount == before);

	bool caught = false;
	try
	{
		tusk::CriticalSection crit;
		crit.End();
		REQUIRE(CritSectionCount == before);
		throw std::runtime_error("after the critical part");
	}
	catch (const std::runtime_error &)
	{
		caught = true;
	}
	REQUIRE(caught);
	REQUIRE(CritSectionCount == before);
}

TEST_CASE("Critical sections nest: the count returns to where it was", "[crit]")
{
	uint32 before = CritSectionCount;
	{
		tusk::CriticalSection outer;
		{
			tusk::CriticalSection inner;
			REQUIRE(CritSectionCount == before + 2);
		}
		REQUIRE(CritSectionCount == before + 1);
	}
	REQUIRE(CritSectionCount == before);
}

TEST_CASE("A caught exception becomes a report: ereport data, out of memory, or what() and type",
		  "[crit][elog]")
{
	try
	{
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED), errmsg("not yet"));
	}
	catch (...)
	{
		tusk::error::ErrorData d = CaughtErrorData();
		REQUIRE(d.elevel == ERROR);
		REQUIRE(UnpackSqlState(d.sqlerrcode) == "0A000");
		REQUIRE(d.message == "not yet");
	}

	try
	{
		throw std::bad_alloc();
	}
	catch (...)
	{
		tusk::error::ErrorData d = CaughtErrorData();
		REQUIRE(d.elevel == ERROR);
		REQUIRE(UnpackSqlState(d.sqlerrcode) == "53200");
		REQUIRE(d.message == "out of memory");
		REQUIRE(d.output_to_server);
	}

	try
	{
		throw std::length_error("vector too long");
	}
	catch (...)
	{
		tusk::error::ErrorData d = CaughtErrorData(FATAL);
		REQUIRE(d.elevel == FATAL);
		REQUIRE(UnpackSqlState(d.sqlerrcode) == "XX000");
		REQUIRE(d.message == "vector too long");
		REQUIRE(d.detail == "C++ exception of type std::length_error.");
	}

	try
	{
		throw 42;
	}
	catch (...)
	{
		tusk::error::ErrorData d = CaughtErrorData();
		REQUIRE(d.message == "unexpected C++ exception");
		REQUIRE(d.detail == "C++ exception of type int.");
	}
}

TEST_CASE("std::terminate reports the exception it was called for before aborting", "[crit]")
{
	ChildResult r = RunChild([] {
		tusk::error::InstallTerminateHandler();
		struct Thrower
		{
			static void Run() noexcept(false) { throw std::logic_error("nobody catches this"); }
		};
		/* An exception leaving a noexcept function calls std::terminate. */
		[]() noexcept { Thrower::Run(); }();  // NOLINT(bugprone-exception-escape): on purpose
	});
	CAPTURE(r.stderr_text);
	REQUIRE(WIFSIGNALED(r.status));
	REQUIRE(WTERMSIG(r.status) == SIGABRT);
	REQUIRE(r.stderr_text.find("PANIC:  std::terminate called in process") != std::string::npos);
	REQUIRE(r.stderr_text.find("nobody catches this") != std::string::npos);
}
