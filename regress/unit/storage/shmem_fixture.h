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
#include <cstdint>
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

/* fn in a forked process with a PGPROC, as a backend; its exit status. */
int RunInBackend(const std::function<int()> &fn);

/* Processes of a test meeting on an int in shared memory. */
void SetStep(volatile int *step, int value);
void WaitStep(volatile int *step, int at_least);

/* The system identifier MakeSegmentWithWal's log carries. */
constexpr uint64_t kTestSystemIdentifier = 7000000000000000001ULL;

/* Where a replay stopped. */
struct Replayed
{
	int			records = 0;
	uint64_t	last = 0;		/* start of the last record replayed */
	uint64_t	end = 0;		/* and its end */
};

/*
 * A crash and recovery, in this process: files (relative to the scratch
 * data directory) and the commit log are lost, shared memory is made anew
 * with nbuffers buffers, and the WAL from start is replayed through the
 * resource managers (stopping after a record stop_after accepts, if
 * given).  Recovery is left in progress.
 */
Replayed	CrashAndReplay(uint64_t start, const std::vector<std::string> &lost_files, int nbuffers,
						   const std::function<bool(XLogReaderState *)> &stop_after = {});

/* Milliseconds on a monotonic clock. */
long NowMs();
void SleepMs(long ms);
/* Poll cond every millisecond until it holds or timeout_ms passes. */
bool WaitFor(const std::function<bool()> &cond, long timeout_ms);

}  // namespace tusk::test

#endif
