/*
 * shmem_fixture.h — what the storage unit tests share: a fresh segment per
 * test, and forked children that behave like server processes.
 *
 * Every child is waited for (ChildProcess's destructor kills and reaps one
 * a failed REQUIRE left behind), so no test leaks a process.
 */
#ifndef TUSK_REGRESS_UNIT_STORAGE_SHMEM_FIXTURE_H
#define TUSK_REGRESS_UNIT_STORAGE_SHMEM_FIXTURE_H

#include <cstdint>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <sys/types.h>

typedef struct XLogReaderState XLogReaderState;

namespace tusk::test {

/* Sizes the PGPROC array and the buffer pool from the arguments and
 * builds a new segment. */
void MakeSegment(int max_connections = 5, int max_workers = 2, int nbuffers = 64);

/* MakeSegment, then a fresh WAL in the working directory (1 MB segments,
 * starting at segment 1, full-page writes on, no compression); returns
 * where insertion starts. */
uint64 MakeSegmentWithWal(int nbuffers = 64);

/* Exit statuses of a ChildProcess whose fn did not return. */
constexpr int kChildRequireFailed = 97;	 /* a CHILD_REQUIRE failed */
constexpr int kChildPgError = 98;		 /* fn threw a PgError */
constexpr int kChildOtherException = 99; /* fn threw anything else */

/*
 * A forked child running fn(); its exit status is fn's return value, or
 * one of the codes above.  Why it failed (the CHILD_REQUIRE's file, line
 * and expression; the error's message) goes to stderr and to the parent:
 * Wait() attaches it to the parent's next assertion, so
 * REQUIRE(child.Wait() == 0) prints it instead of a bare "97 == 0".
 */
class ChildProcess
{
  public:
	explicit ChildProcess(const std::function<int()> &fn);
	~ChildProcess();
	ChildProcess(const ChildProcess &) = delete;
	ChildProcess &operator=(const ChildProcess &) = delete;

	pid_t pid() const { return pid_; }
	/* Exit status, or 128 + signal number if the child was killed. */
	int Wait();
	void Kill(int signo);

  private:
	int Reap();

	pid_t pid_;
	int status_ = -1;
	bool failure_reported_ = false;
	char *report_ = nullptr; /* a shared page the child writes its failure to */
};

/* Thrown by CHILD_REQUIRE: unwinds the child's frames (releasing what
 * their RAII guards hold, as a return would) up to ChildProcess, which
 * reports the message and exits with kChildRequireFailed.  Not a
 * std::exception, so no handler in the code under test catches it. */
struct ChildRequireFailure
{
	std::string message;
};

/* Throw ChildRequireFailure with "file:line: what"; in a process that is
 * not a ChildProcess, fail the current test case instead. */
[[noreturn]] void ChildRequireFailed(const char *file, int line, const std::string &what);

}  // namespace tusk::test

/* REQUIRE and FAIL for code running in a ChildProcess (or RunInBackend): a
 * failure ends the child with kChildRequireFailed and reports the file,
 * line and expression (or message) to the parent.  Outside a child they
 * fail the test case, as REQUIRE and FAIL do. */
#define CHILD_REQUIRE(expr) \
	do \
	{ \
		if (!(expr)) \
			::tusk::test::ChildRequireFailed(__FILE__, __LINE__, \
											 "CHILD_REQUIRE(" #expr ") failed"); \
	} while (0)

/* msg is streamed, as Catch2's FAIL takes it: CHILD_FAIL("got " << n). */
#define CHILD_FAIL(msg) \
	do \
	{ \
		std::ostringstream child_fail_msg_; \
		child_fail_msg_ << msg; /* NOLINT(bugprone-macro-parentheses): a stream, not an operand */ \
		::tusk::test::ChildRequireFailed(__FILE__, __LINE__, child_fail_msg_.str()); \
	} while (0)

namespace tusk::test {

/* A private data directory (with base/5, global, pg_xact and pg_wal), made the working
 * directory — as the data directory is for server processes — until the
 * scope ends; relation handles are closed then, and sync requests for its
 * files dropped. */
class ScratchDataDir
{
  public:
	ScratchDataDir();
	~ScratchDataDir();
	ScratchDataDir(const ScratchDataDir &) = delete;
	ScratchDataDir &operator=(const ScratchDataDir &) = delete;

  private:
	std::string dir_;
	std::string old_cwd_;
};

/* fn in a forked process with a PGPROC, as a backend; its exit status. */
int RunInBackend(const std::function<int()> &fn);

/* Processes of a test meeting on an int in shared memory. */
void SetStep(volatile int *step, int value);
void WaitStep(volatile int *step, int at_least);

/* A global the code under test reads (a setting), changed for one scope:
 * the old value comes back when the scope ends, even through a failed
 * REQUIRE, so no later test runs with it. */
template <typename T>
class ScopedGlobal
{
  public:
	ScopedGlobal(T &var, T value) : var_(var), saved_(var) { var_ = value; }
	~ScopedGlobal() { var_ = saved_; }
	ScopedGlobal(const ScopedGlobal &) = delete;
	ScopedGlobal &operator=(const ScopedGlobal &) = delete;

  private:
	T &var_;
	T saved_;
};

/* The system identifier MakeSegmentWithWal's log carries. */
constexpr uint64_t kTestSystemIdentifier = 7000000000000000001ULL;

/* Where a replay stopped. */
struct Replayed
{
	int records = 0;
	uint64_t last = 0; /* start of the last record replayed */
	uint64_t end = 0;  /* and its end */
};

/*
 * A crash and recovery, in this process: files (relative to the scratch
 * data directory) and the commit log are lost, shared memory is made anew
 * with nbuffers buffers, and the WAL from start is replayed through the
 * resource managers (stopping after a record stop_after accepts, if
 * given).  Recovery is left in progress.
 */
Replayed CrashAndReplay(uint64_t start, const std::vector<std::string> &lost_files, int nbuffers,
						const std::function<bool(XLogReaderState *)> &stop_after = {});

/* Milliseconds on a monotonic clock. */
long NowMs();
void SleepMs(long ms);
/* Poll cond every millisecond until it holds or timeout_ms passes. */
bool WaitFor(const std::function<bool()> &cond, long timeout_ms);

}  // namespace tusk::test

#endif
