/*
 * shmem_fixture.h — what the storage unit tests share: a fresh segment per
 * test, and forked children that behave like server processes.
 *
 * Every child is waited for (ChildProcess's destructor kills and reaps one
 * a failed REQUIRE left behind), so no test leaks a process.
 */
#ifndef TUSK_REGRESS_UNIT_STORAGE_SHMEM_FIXTURE_H
#define TUSK_REGRESS_UNIT_STORAGE_SHMEM_FIXTURE_H

#include <functional>
#include <string>

#include <sys/types.h>

namespace tusk::test {

/* Sizes the PGPROC array and the buffer pool from the arguments and
 * builds a new segment. */
void MakeSegment(int max_connections = 5, int max_workers = 2, int nbuffers = 64);

/* MakeSegment, then a fresh WAL in the working directory (1 MB segments,
 * starting at segment 1, full-page writes on, no compression); returns
 * where insertion starts. */
uint64 MakeSegmentWithWal(int nbuffers = 64);

/* A forked child running fn(); its exit status is fn's return value, 98
 * if fn threw a PgError, 99 for anything else thrown. */
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
	pid_t		pid_;
	int			status_ = -1;
};

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

/* Milliseconds on a monotonic clock. */
long NowMs();
void SleepMs(long ms);
/* Poll cond every millisecond until it holds or timeout_ms passes. */
bool WaitFor(const std::function<bool()> &cond, long timeout_ms);

}  // namespace tusk::test

#endif
