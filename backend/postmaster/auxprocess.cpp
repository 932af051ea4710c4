/*
 * auxprocess.cpp — the postmaster's helper processes: the startup process
 * and the checkpointer.
 *
 * Principal entry points: StartupProcessMain, CheckpointerMain,
 * RequestCheckpoint.
 *
 * The startup process runs StartupXLOG (replay after a crash) and exits 0;
 * the postmaster then opens for connections.  Any other exit means the
 * database cannot be brought up, and the postmaster gives up, as
 * PostgreSQL's does.
 *
 * The checkpointer writes a checkpoint every checkpoint_timeout (when
 * there was WAL activity since the last), when the WAL written since the
 * last one passes half of max_wal_size, when asked (RequestCheckpoint),
 * and at shutdown: the postmaster sends SIGUSR2 once every other process
 * is gone, and the checkpointer writes the shutdown checkpoint and exits.
 * It also flushes WAL left unflushed by asynchronous commits every
 * 200 ms, the job of PostgreSQL's WAL writer.
 *
 * Sync requests (storage/sync.h) reach the checkpointer through a queue in
 * its shared memory, NBuffers entries long as in PostgreSQL, under
 * CheckpointerCommLock.  Writers append; the checkpointer empties it into
 * its own table on every loop, while writing buffers and before syncing.
 * When the queue is full, the writer first squeezes out duplicate entries
 * (keeping the latest of each) and only if that frees nothing fsyncs the
 * file itself.
 */
#include "postgres.h"

#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <set>
#include <tuple>
#include <type_traits>
#include <vector>

#include "access/xlog.h"
#include "access/xlog_control.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "port/atomics.h"
#include "postmaster/auxprocess.h"
#include "postmaster/bgwriter.h"
#include "postmaster/interrupt.h"
#include "storage/bufmgr.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "storage/spin.h"
#include "utils/error/error.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/misc/ps_status.h"
#include "pgstat.h"

namespace {

constexpr long kWalFlushIntervalMs = 200;

struct CheckpointerRequest
{
	FileTag tag;
	SyncRequestType type;
};
static_assert(std::is_trivially_copyable_v<CheckpointerRequest>);

struct CheckpointerShmemData
{
	slock_t lock;
	pid_t pid;	  /* the checkpointer, 0 if none */
	Latch *latch; /* its latch, to hurry it when the queue fills */
	int requested_flags;
	uint32 started; /* checkpoints begun */
	uint32 done;	/* checkpoints finished (or failed) */
	bool failed;

	/* The sync request queue, under CheckpointerCommLock. */
	int num_requests;
	int max_requests;
	CheckpointerRequest requests[];
};
static_assert(std::is_trivially_copyable_v<CheckpointerShmemData>);

CheckpointerShmemData *shared = nullptr;

volatile sig_atomic_t checkpoint_requested = false;

void HandleCheckpointRequest(int)
{
	int save_errno = errno;
	checkpoint_requested = true;
	SetLatch(MyLatch);
	errno = save_errno;
}

void InitAuxProcess(BackendType type, const char *title)
{
	MyBackendType = type;
	tusk::ps::InitDisplay(title);
	InitAuxiliaryProcess();
	SwitchToSharedLatch();
}

/* With CheckpointerCommLock held: drop every request that a later
 * identical one makes redundant.  False if there were none. */
bool CompactCheckpointerRequestQueue()
{
	using Key = std::tuple<int16, int16, Oid, Oid, Oid, uint64, int>;
	int n = shared->num_requests;
	std::set<Key> seen;
	std::vector<bool> keep(static_cast<size_t>(n));
	for (int i = n - 1; i >= 0; i--)
	{
		const CheckpointerRequest &r = shared->requests[i];
		keep[static_cast<size_t>(i)] = seen.emplace(r.tag.handler, r.tag.forknum,
													r.tag.rnode.spcNode, r.tag.rnode.dbNode,
													r.tag.rnode.relNode, r.tag.segno, r.type)
										   .second;
	}
	int kept = 0;
	for (int i = 0; i < n; i++)
		if (keep[static_cast<size_t>(i)])
			shared->requests[kept++] = shared->requests[i];
	if (kept == n)
		return false;
	shared->num_requests = kept;
	ereport(DEBUG1,
			errmsg_internal("compacted fsync request queue from %d entries to %d entries", n,
							kept));
	return true;
}

/* One checkpoint the checkpointer runs, as those who requested it see it:
 * begun when made; when the scope ends, done — and failed, unless
 * Succeeded() was called (an error left CreateCheckPoint). */
class CheckpointRun
{
  public:
	CheckpointRun()
	{
		tusk::SpinLockGuard guard(&shared->lock);
		shared->started++;
		shared->failed = false;
	}
	~CheckpointRun()
	{
		tusk::SpinLockGuard guard(&shared->lock);
		shared->failed = !succeeded_;
		shared->done++;
	}
	CheckpointRun(const CheckpointRun &) = delete;
	CheckpointRun &operator=(const CheckpointRun &) = delete;

	void Succeeded() { succeeded_ = true; }

  private:
	bool succeeded_ = false;
};

}  // namespace

Size CheckpointerShmemSize(void)
{
	return add_size(offsetof(CheckpointerShmemData, requests),
					mul_size(static_cast<Size>(NBuffers), sizeof(CheckpointerRequest)));
}

void SetCheckpointerProcess(void)
{
	MyBackendType = B_CHECKPOINTER;
	tusk::SpinLockGuard guard(&shared->lock);
	shared->pid = MyProcPid;
	shared->latch = MyLatch;
}

bool ForwardSyncRequest(const FileTag *ftag, SyncRequestType type)
{
	tusk::LWLockGuard comm(CheckpointerCommLock, LW_EXCLUSIVE);
	pid_t pid;
	Latch *latch;
	{
		tusk::SpinLockGuard guard(&shared->lock);
		pid = shared->pid;
		latch = shared->latch;
	}
	if (pid == 0)
		return type != SYNC_REQUEST;
	if (shared->num_requests >= shared->max_requests && !CompactCheckpointerRequestQueue())
		return false;
	shared->requests[shared->num_requests++] = CheckpointerRequest{*ftag, type};
	bool too_full = shared->num_requests >= shared->max_requests / 2;
	comm.Release();
	if (too_full)
		SetLatch(latch);
	return true;
}

void AbsorbSyncRequests(void)
{
	if (MyBackendType != B_CHECKPOINTER)
		return;
	std::vector<CheckpointerRequest> requests;
	{
		tusk::LWLockGuard comm(CheckpointerCommLock, LW_EXCLUSIVE);
		requests.assign(shared->requests, shared->requests + shared->num_requests);
		shared->num_requests = 0;
	}
	for (const CheckpointerRequest &r : requests)
		RememberSyncRequest(&r.tag, r.type);
}

void CheckpointerShmemInit(void)
{
	bool found;
	shared = static_cast<CheckpointerShmemData *>(
		ShmemInitStruct("Checkpointer Data", CheckpointerShmemSize(), &found));
	if (!found)
	{
		memset(shared, 0, offsetof(CheckpointerShmemData, requests));
		SpinLockInit(&shared->lock);
		shared->max_requests = NBuffers;
	}
}

void RequestCheckpoint(int flags)
{
	pid_t pid;
	uint32 started_before;
	{
		tusk::SpinLockGuard guard(&shared->lock);
		pid = shared->pid;
		started_before = shared->started;
		shared->requested_flags |= flags;
	}
	if (pid == 0)
	{
		if (IsUnderPostmaster)
			ereport(ERROR, errmsg("could not request checkpoint because checkpointer not running"));
		CreateCheckPoint(flags | CHECKPOINT_IMMEDIATE);
		return;
	}
	if (kill(pid, SIGINT) != 0)
		ereport(ERROR, errmsg("could not signal for checkpoint: %m"));
	if (!(flags & CHECKPOINT_WAIT))
		return;
	/* Wait for a checkpoint that began after our request to end. */
	for (;;)
	{
		uint32 started;
		uint32 done;
		bool failed;
		{
			tusk::SpinLockGuard guard(&shared->lock);
			started = shared->started;
			done = shared->done;
			failed = shared->failed;
		}
		if (started != started_before && static_cast<int32>(done - (started_before + 1)) >= 0)
		{
			if (failed)
				ereport(ERROR, errmsg("checkpoint request failed"),
						errhint("Consult recent messages in the server log for details."));
			return;
		}
		CHECK_FOR_INTERRUPTS();
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 10,
						 PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
	}
}

void StartupProcessMain(void)
{
	pqsignal(SIGHUP, SIG_IGN);
	pqsignal(SIGTERM, SignalHandlerForCrashExit); /* no point finishing replay */
	pqsignal(SIGQUIT, SignalHandlerForCrashExit);
	pqsignal(SIGINT, SIG_IGN);
	pqsignal(SIGUSR1, SIG_IGN);
	pqsignal(SIGUSR2, SIG_IGN);
	InitAuxProcess(B_STARTUP, "startup");
	StartupXLOG();
	proc_exit(0);
}

void CheckpointerMain(void)
{
	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	pqsignal(SIGINT, HandleCheckpointRequest);
	pqsignal(SIGTERM, SIG_IGN); /* shutdown is SIGUSR2, sent last */
	pqsignal(SIGQUIT, SignalHandlerForCrashExit);
	pqsignal(SIGUSR1, SIG_IGN);
	pqsignal(SIGUSR2, SignalHandlerForShutdownRequest);
	InitAuxProcess(B_CHECKPOINTER, "checkpointer");
	SetCheckpointerProcess();

	time_t last_checkpoint = time(nullptr);
	XLogRecPtr last_checkpoint_end = InvalidXLogRecPtr;
	/* The loop allocates here; an error resets it, so a failing
	 * checkpoint retried every second leaks nothing. */
	MemoryContext checkpointer_context = AllocSetContextCreate(TopMemoryContext, "Checkpointer",
															   ALLOCSET_DEFAULT_SIZES);
	MemoryContextSwitchTo(checkpointer_context);
	tusk::error::ErrorHandlerScope handler;
	for (;;)
	{
		try
		{
			ResetLatch(MyLatch);
			AbsorbSyncRequests();
			if (ConfigReloadPending)
			{
				ConfigReloadPending = false;
				ProcessConfigFile(PGC_SIGHUP);
			}
			if (ShutdownRequestPending)
			{
				/* Everyone else is gone: the last checkpoint, then exit. */
				ereport(LOG, errmsg("shutting down"));
				XLogFlush(GetXLogInsertRecPtr());
				CreateCheckPoint(CHECKPOINT_IS_SHUTDOWN | CHECKPOINT_IMMEDIATE);
				/* Every other process has flushed its counters and gone:
				 * the statistics survive the restart (pgstat.h). */
				pgstat_write_statsfile();
				proc_exit(0);
			}

			int flags = 0;
			if (checkpoint_requested)
			{
				checkpoint_requested = false;
				{
					tusk::SpinLockGuard guard(&shared->lock);
					flags = shared->requested_flags;
					shared->requested_flags = 0;
				}
				flags |= CHECKPOINT_IMMEDIATE;
			}
			time_t now = time(nullptr);
			XLogRecPtr insert = GetXLogInsertRecPtr();
			XLogRecPtr since_redo = insert - GetRedoRecPtr();
			if (flags == 0 && now - last_checkpoint >= CheckPointTimeout)
			{
				/* Nothing happened since the last one: skip, as PostgreSQL. */
				if (insert != last_checkpoint_end)
					flags = CHECKPOINT_CAUSE_TIME;
				else
					last_checkpoint = now;
			}
			if (flags == 0 &&
				since_redo >= static_cast<XLogRecPtr>(max_wal_size_mb) * 1024 * 1024 / 2)
				flags = CHECKPOINT_CAUSE_XLOG;
			if (flags != 0)
			{
				CheckpointRun run;
				CreateCheckPoint(flags);
				run.Succeeded();
				last_checkpoint = time(nullptr);
				last_checkpoint_end = XactLastRecEnd;
			}

			/* Asynchronous commits reach disk within this interval. */
			XLogFlush(GetXLogInsertRecPtr());

			long timeout_ms = kWalFlushIntervalMs;
			long to_timeout = (last_checkpoint + CheckPointTimeout - time(nullptr)) * 1000L;
			timeout_ms = Max(1L, Min(timeout_ms, to_timeout));
			(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, timeout_ms,
							 WAIT_EVENT_CHECKPOINTER_MAIN);
		}
		catch (...)
		{
			MemoryContextSwitchTo(checkpointer_context);
			tusk::error::ReportCaughtException(ERROR);
			FlushErrorState();
			MemoryContextReset(checkpointer_context);
			LWLockReleaseAll();
			ReleaseAllBufferPins();
			/* Do not hammer on a failing disk. */
			sleep(1);
		}
	}
}
