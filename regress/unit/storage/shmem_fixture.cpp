/*
 * shmem_fixture.cpp — see shmem_fixture.h.
 */
#include "unit_test.h"

#include "storage/shmem_fixture.h"

#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <filesystem>

#include "access/clog.h"
#include "access/rmgr.h"
#include "access/transam.h"
#include "access/xlog.h"
#include "access/xlog_internal.h"
#include "access/xlogreader.h"
#include "access/xlogutils.h"
#include "miscadmin.h"
#include "storage/ipc.h"
#include "storage/ipc/ipci.h"
#include "storage/latch.h"
#include "storage/proc.h"
#include "storage/smgr.h"
#include "storage/sync.h"
#include "utils/error/error.h"

namespace tusk::test {

void MakeSegment(int max_connections, int max_workers, int nbuffers)
{
	NBuffers = nbuffers;
	MaxConnections = max_connections;
	max_worker_processes = max_workers;
	InitializeMaxBackends();
	CreateSharedMemoryAndSemaphores();
}

uint64 MakeSegmentWithWal(int nbuffers)
{
	wal_segment_size = 1024 * 1024;
	XLOGbuffers = -1;
	wal_compression = WAL_COMPRESSION_NONE;
	fullPageWrites = true;
	enableFsync = true;
	MakeSegment(5, 2, nbuffers);
	XLogRecPtr	start = XLogSegNoOffsetToRecPtr(1, 0, wal_segment_size);
	XLogStartInsertingAt(kTestSystemIdentifier, start, InvalidXLogRecPtr, InvalidXLogRecPtr);
	return start;
}

ChildProcess::ChildProcess(const std::function<int()> &fn)
{
	fflush(stdout);
	fflush(stderr);
	pid_ = fork();
	REQUIRE(pid_ >= 0);
	if (pid_ != 0)
		return;

	/* In the child: a server process of its own, with none of the test
	 * program's exit callbacks. */
	MyProcPid = getpid();
	on_exit_reset();
	MyProc = nullptr;			/* the parent's PGPROC is not ours */
	InitializeLatchSupport();
	InitProcessLocalLatch();
	int			code;
	try
	{
		code = fn();
	}
	catch (const error::PgError &e)
	{
		fprintf(stderr, "child %d: %s\n", MyProcPid, e.data().message.c_str());
		code = 98;
	}
	catch (...)
	{
		code = 99;
	}
	/* Run the shared-memory exit callbacks (ProcKill…) as proc_exit would,
	 * but skip the C++ runtime's exit handlers, which belong to the parent. */
	shmem_exit(code);
	_exit(code);
}

ChildProcess::~ChildProcess()
{
	if (status_ == -1 && pid_ > 0)
	{
		kill(pid_, SIGKILL);
		Wait();
	}
}

int ChildProcess::Wait()
{
	if (status_ != -1)
		return status_;
	int			st;
	while (waitpid(pid_, &st, 0) < 0)
		;
	status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return status_;
}

void ChildProcess::Kill(int signo)
{
	kill(pid_, signo);
}

ScratchDataDir::ScratchDataDir()
{
	char		tmpl[] = "/tmp/tusk_data_XXXXXX";
	REQUIRE(mkdtemp(tmpl) != nullptr);
	dir_ = tmpl;
	std::filesystem::create_directories(dir_ + "/base/5");
	std::filesystem::create_directories(dir_ + "/global");
	std::filesystem::create_directories(dir_ + "/pg_xact");
	std::filesystem::create_directories(dir_ + "/pg_wal");
	old_cwd_ = std::filesystem::current_path();
	std::filesystem::current_path(dir_);
}

ScratchDataDir::~ScratchDataDir()
{
	/* Forget what this process was to sync here: the files are going. */
	bool		save_fsync = enableFsync;
	enableFsync = false;
	(void) ProcessSyncRequests();
	enableFsync = save_fsync;
	smgrcloseall();
	std::filesystem::current_path(old_cwd_);
	std::filesystem::remove_all(dir_);
}

int RunInBackend(const std::function<int()> &fn)
{
	ChildProcess child([&fn] {
		MyBackendType = B_BACKEND;
		InitProcess();
		return fn();
	});
	return child.Wait();
}

void SetStep(volatile int *step, int value)
{
	__atomic_store_n(step, value, __ATOMIC_SEQ_CST);
}

void WaitStep(volatile int *step, int at_least)
{
	while (__atomic_load_n(step, __ATOMIC_SEQ_CST) < at_least)
		usleep(200);
}

Replayed CrashAndReplay(uint64_t start, const std::vector<std::string> &lost_files, int nbuffers,
						const std::function<bool(XLogReaderState *)> &stop_after)
{
	for (const auto &f : lost_files)
		std::filesystem::remove(f);
	for (const auto &entry : std::filesystem::directory_iterator("pg_xact"))
		std::filesystem::remove(entry.path());
	MakeSegment(5, 2, nbuffers);
	InitBuiltinRmgrs();
	XLogSetRecoveryInProgress(true);
	SetNextFullTransactionId(FirstNormalFullTransactionId);
	ExtendCLOG(FirstNormalFullTransactionId);
	XLogReaderState *r = XLogReaderAllocate(wal_segment_size, "pg_wal", kTestSystemIdentifier);
	XLogBeginRead(r, start);
	char	   *err = nullptr;
	Replayed	out;
	while (XLogReadRecord(r, &err) != nullptr)
	{
		AdvanceNextFullTransactionIdPastXid(XLogRecGetFullXid(r));
		GetRmgr(XLogRecGetRmid(r))->rm_redo(r);
		out.records++;
		out.last = XLogReaderGetReadRecPtr(r);
		out.end = XLogReaderGetEndRecPtr(r);
		XLogSetReplayEnd(out.end);
		if (stop_after && stop_after(r))
			break;
	}
	XLogReaderFree(r);
	return out;
}

long NowMs()
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

void SleepMs(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
	while (nanosleep(&ts, &ts) != 0)
		;
}

bool WaitFor(const std::function<bool()> &cond, long timeout_ms)
{
	long		deadline = NowMs() + timeout_ms;
	while (!cond())
	{
		if (NowMs() >= deadline)
			return false;
		SleepMs(1);
	}
	return true;
}

}  // namespace tusk::test
