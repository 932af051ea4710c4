/*
 * shmem_fixture.cpp — see shmem_fixture.h.
 */
/* Catch2's AssertionResult, to tell the parent which REQUIRE failed in a
 * child. */
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "unit_test.h"

#include "storage/shmem_fixture.h"

#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <exception>
#include <filesystem>
#include <string>

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
	XLogRecPtr start = XLogSegNoOffsetToRecPtr(1, 0, wal_segment_size);
	XLogStartInsertingAt(kTestSystemIdentifier, start, InvalidXLogRecPtr, InvalidXLogRecPtr);
	return start;
}

namespace {

/* Room for a child's failure report: one page, shared with the parent. */
constexpr size_t kReportSize = 4096;

/* Set in the child by ChildProcess. */
bool in_child_process = false;

}  // namespace

void ChildRequireFailed(const char *file, int line, const std::string &what)
{
	std::string message = std::string(file) + ":" + std::to_string(line) + ": " + what;
	if (!in_child_process)
		FAIL(message);
	throw ChildRequireFailure{message};
}

ChildProcess::ChildProcess(const std::function<int()> &fn)
{
	void *page = mmap(nullptr, kReportSize, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1,
					  0);
	REQUIRE(page != MAP_FAILED);
	report_ = static_cast<char *>(page);
	report_[0] = '\0';
	fflush(stdout);
	fflush(stderr);
	pid_ = fork();
	REQUIRE(pid_ >= 0);
	if (pid_ != 0)
		return;

	/* In the child: a server process of its own, with none of the test
	 * program's exit callbacks. */
	in_child_process = true;
	MyProcPid = getpid();
	on_exit_reset();
	MyProc = nullptr; /* the parent's PGPROC is not ours */
	InitializeLatchSupport();
	InitProcessLocalLatch();
	int code;
	std::string failure;
	try
	{
		code = fn();
	}
	catch (const ChildRequireFailure &f)
	{
		failure = f.message;
		code = kChildRequireFailed;
	}
	catch (const error::PgError &e)
	{
		failure = "uncaught ERROR: " + e.data().message;
		code = kChildPgError;
	}
	catch (const Catch::TestFailureException &)
	{
		/* A Catch2 assertion in the child: say which, for the parent.  (Its
		 * expansion was printed by the child's reporter; the operands it
		 * would be rebuilt from are gone with the unwound frames.) */
		const Catch::AssertionResult *r = Catch::getResultCapture().getLastResult();
		failure = "a Catch2 assertion failed";
		if (r != nullptr)
		{
			Catch::SourceLineInfo where = r->getSourceInfo();
			failure = std::string(where.file) + ":" + std::to_string(where.line) + ": " +
				(r->hasExpression() ? r->getExpressionInMacro() + " failed" : r->getMessage());
		}
		code = kChildOtherException;
	}
	catch (const std::exception &e)
	{
		failure = std::string("uncaught exception: ") + e.what();
		code = kChildOtherException;
	}
	catch (...)
	{
		failure = "uncaught exception of unknown type";
		code = kChildOtherException;
	}
	if (!failure.empty())
	{
		fprintf(stderr, "child %d: %s\n", MyProcPid, failure.c_str());
		snprintf(report_, kReportSize, "%s", failure.c_str());
	}
	fflush(stdout);
	fflush(stderr);
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
		(void) Reap();
	}
	munmap(report_, kReportSize);
}

int ChildProcess::Reap()
{
	if (status_ != -1)
		return status_;
	int st;
	while (waitpid(pid_, &st, 0) < 0)
		;
	status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return status_;
}

int ChildProcess::Wait()
{
	int status = Reap();
	if (status != 0 && !failure_reported_ && report_[0] != '\0')
	{
		/* Shown with the caller's next assertion if that one fails. */
		UNSCOPED_INFO("child " << pid_ << " exited with " << status << ": " << report_);
		failure_reported_ = true;
	}
	return status;
}

void ChildProcess::Kill(int signo)
{
	kill(pid_, signo);
}

ScratchDataDir::ScratchDataDir()
{
	char tmpl[] = "/tmp/tusk_data_XXXXXX";
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
	bool save_fsync = enableFsync;
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
	char *err = nullptr;
	Replayed out;
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
	long deadline = NowMs() + timeout_ms;
	while (!cond())
	{
		if (NowMs() >= deadline)
			return false;
		SleepMs(1);
	}
	return true;
}

}  // namespace tusk::test
