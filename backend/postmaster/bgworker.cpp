/*
 * bgworker.cpp — the background-worker registry: registration, the shared
 * slots, the worker side, and the postmaster's bookkeeping.
 *
 * Principal entry points: RegisterBackgroundWorker,
 * RegisterDynamicBackgroundWorker, GetBackgroundWorkerPid,
 * WaitForBackgroundWorkerStartup/Shutdown, TerminateBackgroundWorker,
 * GetBackgroundWorkerStatuses, and for the postmaster (bgworker_internals.h)
 * BackgroundWorkerStateChange, NextWorkerToStart, ReportWorkerStarted,
 * ReportWorkerExit, StartBackgroundWorker.
 *
 * Who writes what in a shared slot: a registering backend fills a free
 * slot (worker, generation, pid = InvalidPid) under BackgroundWorkerLock
 * and sets in_use last; TerminateBackgroundWorker sets terminate.  The
 * postmaster — which never takes locks — reads in_use with a read barrier
 * before the rest, and writes pid and the status fields; it frees a slot by
 * clearing in_use after a write barrier.  Status fields are guarded by a
 * sequence counter (odd while the postmaster writes) so readers copy them
 * consistently without making the postmaster wait.
 */
#include "postgres.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <algorithm>
#include <exception>
#include <string>
#include <type_traits>
#include <vector>

#include "fmgr.h"
#include "miscadmin.h"
#include "port/atomics.h"
#include "postmaster/bgworker.h"
#include "postmaster/bgworker_internals.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lwlock.h"
#include "storage/pmsignal.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "storage/procsignal.h"
#include "storage/shmem.h"
#include "tcop/tcopprot.h"
#include "utils/errcodes.h"
#include "utils/error/error.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/misc/ps_status.h"
#include "utils/portal.h"
#include "utils/timestamp.h"
#include "utils/wait_event.h"

BackgroundWorker *MyBgworkerEntry = nullptr;
bool bgworker_restart_backoff = false;
int bgworker_max_restart_delay = 300;

struct BackgroundWorkerHandle
{
	int slot;
	uint64 generation;
};

namespace tusk::bgworker {

namespace {

struct BackgroundWorkerSlot
{
	volatile bool in_use;
	volatile bool terminate;
	volatile pid_t pid; /* InvalidPid: not started yet; 0: not running */
	volatile uint64 generation;
	BackgroundWorker worker;
	/* Set by the running worker when the database it connects to does not
	 * exist; the postmaster then does not restart it (and clears this). */
	volatile bool database_gone;

	/* The registry: written by the postmaster only. */
	pg_atomic_uint32 status_seq; /* odd while being written */
	bool has_history;			 /* keep showing it after it is forgotten */
	bool dynamic;
	BgWorkerState state;
	pid_t status_pid;
	TimestampTz restart_at;
	TimestampTz started_at;
	int starts;
	int early_exits;
	int last_exit_code;
	int last_exit_signal;
	TimestampTz last_exit_time;
};
static_assert(std::is_trivially_copyable_v<BackgroundWorkerSlot>);

struct BackgroundWorkerArray
{
	int total_slots;
	BackgroundWorkerSlot slot[];
};
static_assert(std::is_trivially_copyable_v<BackgroundWorkerArray>);

BackgroundWorkerArray *array = nullptr;

/* In a worker: its slot (for database_gone); -1 elsewhere. */
int my_slot = -1;

/* A run shorter than this counts as "soon after starting" for backoff. */
constexpr int kQuickExitSeconds = 10;

BackgroundWorkerSlot *SlotOf(const RegisteredBgWorker &rw)
{
	if (array == nullptr || rw.shmem_slot < 0 || rw.shmem_slot >= array->total_slots)
		return nullptr;
	return &array->slot[rw.shmem_slot];
}

/* Postmaster: publish rw's status in its slot. */
void Publish(const RegisteredBgWorker &rw, BgWorkerState state)
{
	BackgroundWorkerSlot *slot = SlotOf(rw);
	if (slot == nullptr)
		return;
	uint32 seq = pg_atomic_read_u32(&slot->status_seq);
	pg_atomic_write_u32(&slot->status_seq, seq + 1);
	pg_write_barrier();
	slot->has_history = true;
	slot->dynamic = rw.dynamic;
	slot->state = state;
	slot->status_pid = rw.pid;
	slot->restart_at = rw.restart_at;
	slot->started_at = rw.started_at;
	slot->starts = rw.starts;
	slot->early_exits = rw.quick_failures;
	slot->last_exit_code = rw.last_exit_code;
	slot->last_exit_signal = rw.last_exit_signal;
	slot->last_exit_time = rw.last_exit_time;
	pg_write_barrier();
	pg_atomic_write_u32(&slot->status_seq, seq + 2);
}

void NotifyRegistrant(const RegisteredBgWorker &rw)
{
	if (rw.worker.bgw_notify_pid != 0)
		(void) kill(rw.worker.bgw_notify_pid, SIGUSR1);
}

/* Copy a registration so that every string is terminated and nothing past
 * a terminator survives: garbage in the caller's struct goes no further. */
BackgroundWorker CopyWorker(const BackgroundWorker &in)
{
	BackgroundWorker out;
	memset(&out, 0, sizeof out);
	auto copy_str = [](char *dst, const char *src, size_t size) {
		size_t n = strnlen(src, size);
		memcpy(dst, src, Min(n, size - 1));
	};
	copy_str(out.bgw_name, in.bgw_name, BGW_MAXLEN);
	copy_str(out.bgw_type, in.bgw_type, BGW_MAXLEN);
	copy_str(out.bgw_library_name, in.bgw_library_name, BGW_MAXLEN);
	copy_str(out.bgw_function_name, in.bgw_function_name, BGW_MAXLEN);
	memcpy(out.bgw_extra, in.bgw_extra, BGW_EXTRALEN);
	out.bgw_flags = in.bgw_flags;
	out.bgw_start_time = in.bgw_start_time;
	out.bgw_restart_time = in.bgw_restart_time;
	out.bgw_main_arg = in.bgw_main_arg;
	out.bgw_notify_pid = in.bgw_notify_pid;
	return out;
}

/* PostgreSQL's checks, plus Tusk's for unterminated strings.  `in` is the
 * caller's struct (to see whether its strings fit); `w` the copy, whose
 * empty bgw_type becomes bgw_name. */
bool SanityCheck(const BackgroundWorker &in, BackgroundWorker *w, int elevel)
{
	struct
	{
		const char *field;
		const char *value;
	} strings[] = {
		{"bgw_name", in.bgw_name},
		{"bgw_type", in.bgw_type},
		{"bgw_library_name", in.bgw_library_name},
		{"bgw_function_name", in.bgw_function_name},
	};
	for (const auto &s : strings)
		if (strnlen(s.value, BGW_MAXLEN) >= BGW_MAXLEN)
		{
			ereport(elevel, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("background worker \"%s\": %s is too long", w->bgw_name, s.field),
					errdetail("It must be shorter than %d bytes.", BGW_MAXLEN));
			return false;
		}
	if (!(w->bgw_flags & BGWORKER_SHMEM_ACCESS))
	{
		ereport(elevel, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("background worker \"%s\": background workers without shared memory "
					   "access are not supported",
					   w->bgw_name));
		return false;
	}
	if ((w->bgw_flags & BGWORKER_BACKEND_DATABASE_CONNECTION) &&
		w->bgw_start_time == BgWorkerStart_PostmasterStart)
	{
		ereport(elevel, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("background worker \"%s\": cannot request database access if starting "
					   "at postmaster start",
					   w->bgw_name));
		return false;
	}
	if ((w->bgw_restart_time < 0 && w->bgw_restart_time != BGW_NEVER_RESTART) ||
		w->bgw_restart_time > USECS_PER_DAY / 1000)
	{
		ereport(elevel, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("background worker \"%s\": invalid restart interval", w->bgw_name));
		return false;
	}
	if (w->bgw_restart_time != BGW_NEVER_RESTART && (w->bgw_flags & BGWORKER_CLASS_PARALLEL))
	{
		ereport(elevel, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("background worker \"%s\": parallel workers may not be configured for "
					   "restart",
					   w->bgw_name));
		return false;
	}
	if (w->bgw_start_time < BgWorkerStart_PostmasterStart ||
		w->bgw_start_time > BgWorkerStart_RecoveryFinished)
	{
		ereport(elevel, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("background worker \"%s\": invalid start time", w->bgw_name));
		return false;
	}
	if (w->bgw_type[0] == '\0')
		memcpy(w->bgw_type, w->bgw_name, BGW_MAXLEN);
	return true;
}

/* Postmaster: workers it forgot, most recent first, with the state they
 * ended in, so that the registry still shows them after a crash restart
 * (in slots no live worker needs).  At most max_worker_processes. */
std::list<std::pair<RegisteredBgWorker, BgWorkerState>> &History()
{
	static std::list<std::pair<RegisteredBgWorker, BgWorkerState>> history;
	return history;
}

/* Postmaster: drop a worker from the list; its slot shows it stopped (or
 * crashed) until a new registration takes the slot. */
void Forget(std::list<RegisteredBgWorker>::iterator it, BgWorkerState final_state = BGWS_STOPPED)
{
	it->pid = 0;
	Publish(*it, final_state);
	History().emplace_front(*it, final_state);
	while (static_cast<int>(History().size()) > Max(max_worker_processes, 0))
		History().pop_back();
	if (BackgroundWorkerSlot *slot = SlotOf(*it))
	{
		slot->pid = 0;
		pg_write_barrier();
		slot->in_use = false;
	}
	ereport(DEBUG1, errmsg_internal("unregistering background worker \"%s\"", it->worker.bgw_name));
	Workers().erase(it);
}

struct SlotCounts
{
	int static_workers = 0;
	int dynamic_running = 0;
	int dynamic_waiting = 0;
};

/* Who holds the slots, for the message when none is free.  Caller holds
 * BackgroundWorkerLock. */
SlotCounts CountSlots()
{
	SlotCounts c;
	for (int i = 0; i < array->total_slots; i++)
	{
		BackgroundWorkerSlot &s = array->slot[i];
		if (!s.in_use)
			continue;
		if (!s.dynamic && s.generation == 0)
			c.static_workers++;
		else if (s.pid > 0)
			c.dynamic_running++;
		else
			c.dynamic_waiting++;
	}
	return c;
}

}  // namespace

std::list<RegisteredBgWorker> &Workers()
{
	static std::list<RegisteredBgWorker> workers;
	return workers;
}

std::string ProcessName(const RegisteredBgWorker &rw)
{
	return "background worker \"" + std::string(rw.worker.bgw_type) + "\"";
}

Size BackgroundWorkerShmemSize()
{
	return add_size(offsetof(BackgroundWorkerArray, slot),
					mul_size(max_worker_processes, sizeof(BackgroundWorkerSlot)));
}

void BackgroundWorkerShmemInit()
{
	bool found;
	array = static_cast<BackgroundWorkerArray *>(
		ShmemInitStruct("Background Worker Data", BackgroundWorkerShmemSize(), &found));
	if (found)
		return;
	memset(static_cast<void *>(array), 0, BackgroundWorkerShmemSize());
	array->total_slots = max_worker_processes;
	/* Workers the postmaster knows (static ones, and after a crash restart
	 * the dynamic ones that restart) take the first slots. */
	int next = 0;
	for (RegisteredBgWorker &rw : Workers())
	{
		if (next >= array->total_slots)
			break; /* cannot happen: registration is bounded */
		rw.shmem_slot = next++;
		BackgroundWorkerSlot *slot = &array->slot[rw.shmem_slot];
		slot->worker = rw.worker;
		slot->pid = rw.pid != 0 ? rw.pid : InvalidPid;
		slot->generation = 0;
		slot->in_use = true;
		Publish(rw,
				rw.pid != 0				 ? BGWS_RUNNING
					: rw.crashed		 ? BGWS_CRASHED
					: rw.restart_at != 0 ? BGWS_WAITING_TO_RESTART
										 : BGWS_WAITING_FOR_START);
	}
	/* Then what the registry showed of forgotten workers, in free slots
	 * (a new registration may take them). */
	for (auto &[old, state] : History())
	{
		if (next >= array->total_slots)
			break;
		RegisteredBgWorker shown = old;
		shown.shmem_slot = next++;
		array->slot[shown.shmem_slot].worker = shown.worker;
		Publish(shown, state);
	}
}

void BackgroundWorkerStateChange()
{
	if (array == nullptr)
		return;
	for (int i = 0; i < array->total_slots; i++)
	{
		BackgroundWorkerSlot *slot = &array->slot[i];
		if (!slot->in_use)
			continue;
		pg_read_barrier(); /* in_use before the rest of the slot */

		RegisteredBgWorker *known = nullptr;
		for (RegisteredBgWorker &rw : Workers())
			if (rw.shmem_slot == i)
				known = &rw;
		if (known != nullptr)
		{
			if (slot->terminate && !known->terminate)
			{
				known->terminate = true;
				if (known->pid != 0)
					(void) kill(known->pid, SIGTERM);
			}
			continue;
		}

		/* A new dynamic registration.  Terminated before it ever ran? */
		if (slot->terminate)
		{
			pid_t notify = slot->worker.bgw_notify_pid;
			slot->pid = 0;
			pg_write_barrier();
			slot->in_use = false;
			if (notify != 0)
				(void) kill(notify, SIGUSR1);
			continue;
		}
		BackgroundWorker copy = CopyWorker(slot->worker);
		if (!SanityCheck(slot->worker, &copy, LOG))
		{
			slot->pid = 0;
			pg_write_barrier();
			slot->in_use = false;
			continue;
		}
		RegisteredBgWorker rw;
		rw.worker = copy;
		rw.shmem_slot = i;
		rw.dynamic = true;
		Workers().push_back(rw);
		Publish(Workers().back(), BGWS_WAITING_FOR_START);
	}
}

RegisteredBgWorker *NextWorkerToStart(bool allow_consistent, bool allow_finished, long *wait_ms)
{
	TimestampTz now = GetCurrentTimestamp();
	for (auto it = Workers().begin(); it != Workers().end();)
	{
		RegisteredBgWorker &rw = *it;
		if (rw.pid != 0)
		{
			++it;
			continue;
		}
		if (rw.terminate)
		{
			auto doomed = it++;
			NotifyRegistrant(*doomed);
			Forget(doomed);
			continue;
		}
		bool allowed = rw.worker.bgw_start_time == BgWorkerStart_PostmasterStart ||
			(rw.worker.bgw_start_time == BgWorkerStart_ConsistentState && allow_consistent) ||
			(rw.worker.bgw_start_time == BgWorkerStart_RecoveryFinished && allow_finished);
		if (!allowed)
		{
			++it;
			continue;
		}
		if (rw.restart_at > now)
		{
			long ms = static_cast<long>((rw.restart_at - now + 999) / 1000);
			if (*wait_ms < 0 || ms < *wait_ms)
				*wait_ms = ms;
			++it;
			continue;
		}
		return &rw;
	}
	return nullptr;
}

void ReportWorkerStarted(RegisteredBgWorker &rw, pid_t pid, int child_slot)
{
	TimestampTz now = GetCurrentTimestamp();
	if (pid < 0)
	{
		/* Could not fork: try again in a moment. */
		rw.restart_at = now + USECS_PER_SEC;
		Publish(rw, BGWS_WAITING_TO_RESTART);
		return;
	}
	rw.pid = pid;
	rw.child_slot = child_slot;
	rw.starts++;
	rw.crashed = false;
	rw.started_at = now;
	rw.restart_at = 0;
	Publish(rw, BGWS_RUNNING);
	if (BackgroundWorkerSlot *slot = SlotOf(rw))
	{
		pg_write_barrier(); /* the registry first: waiters watch pid */
		slot->pid = pid;
	}
	NotifyRegistrant(rw);
}

void ReportWorkerExit(std::list<RegisteredBgWorker>::iterator it, int status)
{
	RegisteredBgWorker &rw = *it;
	TimestampTz now = GetCurrentTimestamp();
	int code = WEXITSTATUS(status);
	rw.pid = 0;
	rw.last_exit_code = code;
	rw.last_exit_signal = 0;
	rw.last_exit_time = now;

	/*
	 * Waiters watch the slot's pid, so the registry must already show the
	 * new state when it drops to zero, and the registrant hears last.
	 */
	bool database_gone = false;
	if (BackgroundWorkerSlot *slot = SlotOf(rw))
	{
		database_gone = slot->database_gone;
		slot->database_gone = false;
	}
	if (database_gone && code != 0 && !rw.terminate &&
		rw.worker.bgw_restart_time != BGW_NEVER_RESTART)
		ereport(LOG,
				errmsg("%s will not be restarted: its database does not exist",
					   ProcessName(rw).c_str()));
	if (code == 0 || rw.terminate || database_gone ||
		rw.worker.bgw_restart_time == BGW_NEVER_RESTART)
	{
		pid_t notify_pid = rw.worker.bgw_notify_pid;
		Forget(it);
		if (notify_pid != 0)
			(void) kill(notify_pid, SIGUSR1);
		return;
	}

	long delay = rw.worker.bgw_restart_time;
	if (bgworker_restart_backoff)
	{
		if (now - rw.started_at < static_cast<TimestampTz>(kQuickExitSeconds) * USECS_PER_SEC)
		{
			rw.quick_failures++;
			long base = Max(delay, 1L);
			long cap = Max(static_cast<long>(bgworker_max_restart_delay), base);
			delay = base;
			for (int i = 1; i < rw.quick_failures && delay < cap; i++)
				delay *= 2;
			delay = Min(delay, cap);
			if (rw.quick_failures > 1)
				ereport(LOG,
						errmsg("background worker \"%s\" exited soon after starting %d times in a "
							   "row; restarting it in %ld s",
							   rw.worker.bgw_name, rw.quick_failures, delay));
		}
		else
			rw.quick_failures = 0;
	}
	rw.restart_at = now + delay * USECS_PER_SEC;
	Publish(rw, BGWS_WAITING_TO_RESTART);
	if (BackgroundWorkerSlot *slot = SlotOf(rw))
	{
		pg_write_barrier();
		slot->pid = 0;
	}
	NotifyRegistrant(rw);
}

void MarkWorkerCrashed(RegisteredBgWorker &rw, int status, bool caused_crash)
{
	rw.pid = 0;
	rw.crashed = caused_crash;
	rw.last_exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	rw.last_exit_signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	rw.last_exit_time = GetCurrentTimestamp();
	rw.restart_at = 0;
	if (BackgroundWorkerSlot *slot = SlotOf(rw))
		slot->pid = 0;
	Publish(rw, caused_crash ? BGWS_CRASHED : BGWS_WAITING_TO_RESTART);
}

void ResetBackgroundWorkerCrashTimes()
{
	for (auto it = Workers().begin(); it != Workers().end();)
	{
		auto cur = it++;
		if (cur->worker.bgw_restart_time == BGW_NEVER_RESTART)
		{
			/* Those that died in the crash show how they ended. */
			Forget(cur, cur->crashed ? BGWS_CRASHED : BGWS_STOPPED);
			continue;
		}
		cur->restart_at = 0;
		cur->quick_failures = 0;
		/* Whoever waited for it belongs to the old generation of processes. */
		cur->worker.bgw_notify_pid = 0;
		cur->shmem_slot = -1;
	}
}

RegisteredBgWorker *FindWorker(pid_t pid)
{
	for (RegisteredBgWorker &rw : Workers())
		if (rw.pid == pid)
			return &rw;
	return nullptr;
}

namespace {

void BgworkerDie(int)
{
	/* PostgreSQL's default SIGTERM handler for workers that install none:
	 * signals stay blocked until the worker unblocks them, so this runs
	 * only where the worker allows it. */
	sigset_t all;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, nullptr);
	ereport(FATAL, errcode(ERRCODE_ADMIN_SHUTDOWN),
			errmsg("terminating background worker \"%s\" due to administrator command",
				   MyBgworkerEntry->bgw_type));
}

bgworker_main_type LookupWorkerFunction(const char *library, const char *function)
{
	if (strcmp(library, "postgres") == 0)
		ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
				errmsg("internal function \"%s\" not found", function));
	return reinterpret_cast<bgworker_main_type>(
		load_external_function(library, function, true, nullptr));
}

}  // namespace

void StartBackgroundWorker(const BackgroundWorker &worker, int shmem_slot)
{
	static BackgroundWorker entry;
	entry = worker;
	my_slot = shmem_slot;
	MyBgworkerEntry = &entry;
	IsBackgroundWorker = true;
	MyBackendType = B_BG_WORKER;
	ps::InitDisplay(entry.bgw_name);

	/* Signals stay blocked (as the postmaster left them) until the worker
	 * calls BackgroundWorkerUnblockSignals, so these run only then. */
	pqsignal(SIGINT, SIG_IGN);
	pqsignal(SIGUSR1, procsignal_sigusr1_handler);
	pqsignal(SIGTERM, BgworkerDie);
	pqsignal(SIGQUIT, SignalHandlerForCrashExit);
	pqsignal(SIGHUP, SIG_IGN);
	pqsignal(SIGPIPE, SIG_IGN);
	pqsignal(SIGUSR2, SIG_IGN);
	pqsignal(SIGCHLD, SIG_DFL);

	InitProcess();

	/* An ERROR (or any other exception) that escapes the worker's code is
	 * logged and ends the worker with status 1: its restart policy
	 * applies, and C++ destructors have run on the way out. */
	error::ErrorHandlerScope handler;
	try
	{
		bgworker_main_type entrypt = LookupWorkerFunction(entry.bgw_library_name,
														  entry.bgw_function_name);
		entrypt(entry.bgw_main_arg);
	}
	catch (...)
	{
		/* Not in a context the failed code may have been deleting. */
		MemoryContextSwitchTo(TopMemoryContext);
		error::ReportCaughtException(ERROR);
		proc_exit(1);
	}
	proc_exit(0);
}

}  // namespace tusk::bgworker

using tusk::bgworker::array;
using tusk::bgworker::BackgroundWorkerSlot;
using tusk::bgworker::RegisteredBgWorker;

void RegisterBackgroundWorker(BackgroundWorker *worker)
{
	if (!process_shared_preload_libraries_in_progress &&
		strcmp(worker->bgw_library_name, "postgres") != 0)
	{
		ereport(LOG, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("background worker \"%s\": must be registered in "
					   "shared_preload_libraries",
					   std::string(worker->bgw_name, strnlen(worker->bgw_name, BGW_MAXLEN))
						   .c_str()));
		return;
	}
	BackgroundWorker copy = tusk::bgworker::CopyWorker(*worker);
	if (!tusk::bgworker::SanityCheck(*worker, &copy, LOG))
		return;
	auto &workers = tusk::bgworker::Workers();
	if (static_cast<int>(workers.size()) >= max_worker_processes)
	{
		ereport(LOG, errcode(ERRCODE_CONFIGURATION_LIMIT_EXCEEDED),
				errmsg("too many background workers"),
				errdetail_plural("Up to %d background worker can be registered with the current "
								 "settings.",
								 "Up to %d background workers can be registered with the current "
								 "settings.",
								 max_worker_processes, max_worker_processes),
				errhint("Consider increasing the configuration parameter "
						"\"max_worker_processes\"."));
		return;
	}
	ereport(DEBUG1, errmsg_internal("registering background worker \"%s\"", copy.bgw_name));
	RegisteredBgWorker rw;
	rw.worker = copy;
	workers.push_back(rw);
}

bool RegisterDynamicBackgroundWorker(BackgroundWorker *worker, BackgroundWorkerHandle **handle)
{
	if (!IsUnderPostmaster || array == nullptr)
		return false;
	BackgroundWorker copy = tusk::bgworker::CopyWorker(*worker);
	if (!tusk::bgworker::SanityCheck(*worker, &copy, ERROR))
		return false;

	int slotno = -1;
	uint64 generation = 0;
	tusk::bgworker::SlotCounts counts;
	tusk::LWLockGuard lock(BackgroundWorkerLock, LW_EXCLUSIVE);
	/* A slot that shows no stopped worker first, so that the registry keeps
	 * showing those as long as it can. */
	for (int i = 0; i < array->total_slots && slotno < 0; i++)
		if (!array->slot[i].in_use && !array->slot[i].has_history)
			slotno = i;
	for (int i = 0; i < array->total_slots && slotno < 0; i++)
		if (!array->slot[i].in_use)
			slotno = i;
	if (slotno >= 0)
	{
		BackgroundWorkerSlot *slot = &array->slot[slotno];
		slot->worker = copy;
		slot->pid = InvalidPid;
		slot->generation = slot->generation + 1;
		slot->terminate = false;
		slot->has_history = false; /* the postmaster no longer writes a free slot */
		generation = slot->generation;
		pg_write_barrier(); /* everything before in_use */
		slot->in_use = true;
	}
	if (slotno < 0)
		counts = tusk::bgworker::CountSlots();
	lock.Release();

	if (slotno < 0)
	{
		ereport(LOG, errcode(ERRCODE_CONFIGURATION_LIMIT_EXCEEDED),
				errmsg("could not register background worker \"%s\": all %d background worker "
					   "slots are in use",
					   copy.bgw_name, array->total_slots),
				errdetail("%d are taken by workers registered at server start, %d by running "
						  "dynamic workers, %d by dynamic workers waiting to start or restart.",
						  counts.static_workers, counts.dynamic_running, counts.dynamic_waiting),
				errhint("Consider increasing the configuration parameter "
						"\"max_worker_processes\"."));
		return false;
	}
	SendPostmasterSignal(PMSIGNAL_BACKGROUND_WORKER_CHANGE);
	if (handle != nullptr)
	{
		*handle = static_cast<BackgroundWorkerHandle *>(palloc(sizeof(BackgroundWorkerHandle)));
		(*handle)->slot = slotno;
		(*handle)->generation = generation;
	}
	return true;
}

BgwHandleStatus GetBackgroundWorkerPid(BackgroundWorkerHandle *handle, pid_t *pidp)
{
	BackgroundWorkerSlot *slot = &array->slot[handle->slot];
	pid_t pid = 0;
	{
		tusk::LWLockGuard lock(BackgroundWorkerLock, LW_SHARED);
		if (slot->generation == handle->generation && slot->in_use)
			pid = slot->pid;
	}
	*pidp = pid;
	if (pid == 0)
		return BGWH_STOPPED;
	if (pid == InvalidPid)
		return BGWH_NOT_YET_STARTED;
	return BGWH_STARTED;
}

BgwHandleStatus WaitForBackgroundWorkerStartup(BackgroundWorkerHandle *handle, pid_t *pidp)
{
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		pid_t pid;
		BgwHandleStatus status = GetBackgroundWorkerPid(handle, &pid);
		if (status == BGWH_STARTED)
			*pidp = pid;
		if (status != BGWH_NOT_YET_STARTED)
			return status;
		int rc = WaitLatch(MyLatch, WL_LATCH_SET | WL_POSTMASTER_DEATH, 0,
						   WAIT_EVENT_BGWORKER_STARTUP);
		if (rc & WL_POSTMASTER_DEATH)
			return BGWH_POSTMASTER_DIED;
		ResetLatch(MyLatch);
	}
}

BgwHandleStatus WaitForBackgroundWorkerShutdown(BackgroundWorkerHandle *handle)
{
	for (;;)
	{
		CHECK_FOR_INTERRUPTS();
		pid_t pid;
		if (GetBackgroundWorkerPid(handle, &pid) == BGWH_STOPPED)
			return BGWH_STOPPED;
		int rc = WaitLatch(MyLatch, WL_LATCH_SET | WL_POSTMASTER_DEATH, 0,
						   WAIT_EVENT_BGWORKER_SHUTDOWN);
		if (rc & WL_POSTMASTER_DEATH)
			return BGWH_POSTMASTER_DIED;
		ResetLatch(MyLatch);
	}
}

void TerminateBackgroundWorker(BackgroundWorkerHandle *handle)
{
	BackgroundWorkerSlot *slot = &array->slot[handle->slot];
	bool signal_postmaster = false;
	{
		tusk::LWLockGuard lock(BackgroundWorkerLock, LW_EXCLUSIVE);
		if (slot->generation == handle->generation && slot->in_use)
		{
			slot->terminate = true;
			signal_postmaster = true;
		}
	}
	if (signal_postmaster)
		SendPostmasterSignal(PMSIGNAL_BACKGROUND_WORKER_CHANGE);
}

int tusk::bgworker::TerminateBackgroundWorkersForDatabase(Oid dboid, const char *dbname)
{
	if (array == nullptr)
		return 0;
	std::vector<int> pids(static_cast<size_t>(Max(max_worker_processes, 1)));
	int n = GetDBBackgroundWorkerPids(dboid, pids.data(), static_cast<int>(pids.size()));
	pids.resize(static_cast<size_t>(Min(n, static_cast<int>(pids.size()))));
	if (pids.empty())
		return 0;

	struct Stopping
	{
		std::string type;
		int pid;
	};
	std::vector<Stopping> stopping;
	{
		tusk::LWLockGuard lock(BackgroundWorkerLock, LW_EXCLUSIVE);
		for (int i = 0; i < array->total_slots; i++)
		{
			BackgroundWorkerSlot *slot = &array->slot[i];
			if (!slot->in_use || slot->pid <= 0)
				continue;
			auto it = std::find(pids.begin(), pids.end(), static_cast<int>(slot->pid));
			if (it == pids.end())
				continue;
			slot->terminate = true;
			stopping.push_back(
				{std::string(slot->worker.bgw_type, strnlen(slot->worker.bgw_type, BGW_MAXLEN)),
				 *it});
			pids.erase(it);
		}
	}
	for (const Stopping &w : stopping)
		ereport(LOG,
				errmsg("terminating background worker \"%s\" (PID %d) because database "
					   "\"%s\" is being dropped",
					   w.type.c_str(), w.pid, dbname));
	if (!stopping.empty())
		SendPostmasterSignal(PMSIGNAL_BACKGROUND_WORKER_CHANGE);
	/* A worker the registry does not show with its pid yet (it has only
	 * just been forked): SIGTERM straight away; should it be restarted, it
	 * finds no database and is not restarted again. */
	for (int pid : pids)
	{
		ereport(LOG,
				errmsg("terminating background worker process %d because database \"%s\" "
					   "is being dropped",
					   pid, dbname));
		(void) kill(pid, SIGTERM);
	}
	return static_cast<int>(stopping.size() + pids.size());
}

const char *GetBackgroundWorkerTypeByPid(pid_t pid)
{
	static char result[BGW_MAXLEN];
	if (array == nullptr)
		return nullptr;
	tusk::LWLockGuard lock(BackgroundWorkerLock, LW_SHARED);
	for (int i = 0; i < array->total_slots; i++)
	{
		BackgroundWorkerSlot *slot = &array->slot[i];
		if (slot->in_use && slot->pid > 0 && slot->pid == pid)
		{
			memcpy(result, slot->worker.bgw_type, BGW_MAXLEN);
			result[BGW_MAXLEN - 1] = '\0';
			return result;
		}
	}
	return nullptr;
}

int GetBackgroundWorkerStatuses(BgWorkerStatus *out, int max)
{
	if (array == nullptr)
		return 0;
	int n = 0;
	tusk::LWLockGuard lock(BackgroundWorkerLock, LW_SHARED);
	for (int i = 0; i < array->total_slots; i++)
	{
		BackgroundWorkerSlot *slot = &array->slot[i];
		if (!slot->in_use && !slot->has_history)
			continue;
		if (n < max)
		{
			BgWorkerStatus &s = out[n];
			memset(&s, 0, sizeof s);
			memcpy(s.bgw_name, slot->worker.bgw_name, BGW_MAXLEN);
			memcpy(s.bgw_type, slot->worker.bgw_type, BGW_MAXLEN);
			memcpy(s.bgw_library_name, slot->worker.bgw_library_name, BGW_MAXLEN);
			memcpy(s.bgw_function_name, slot->worker.bgw_function_name, BGW_MAXLEN);
			s.bgw_start_time = slot->worker.bgw_start_time;
			s.bgw_restart_time = slot->worker.bgw_restart_time;
			for (;;)
			{
				uint32 before = pg_atomic_read_u32(&slot->status_seq);
				if (before & 1)
					continue; /* the postmaster is writing: a few stores */
				pg_read_barrier();
				s.dynamic = slot->dynamic;
				s.state = slot->has_history ? slot->state : BGWS_WAITING_FOR_START;
				s.pid = slot->status_pid;
				s.restart_at = slot->restart_at;
				s.started_at = slot->started_at;
				s.starts = slot->starts;
				s.early_exits = slot->early_exits;
				s.last_exit_code = slot->has_history ? slot->last_exit_code : -1;
				s.last_exit_signal = slot->last_exit_signal;
				s.last_exit_time = slot->last_exit_time;
				pg_read_barrier();
				if (pg_atomic_read_u32(&slot->status_seq) == before)
					break;
			}
			if (!slot->has_history)
				s.dynamic = true; /* registered, not yet seen by the postmaster */
		}
		n++;
	}
	return n;
}

namespace {

/* The common part of both ways of connecting (PostgreSQL's checks, then
 * InitPostgres as a client backend does it). */
void WorkerInitializeConnection(const char *dbname, Oid dboid, const char *username, Oid useroid,
								uint32 flags)
{
	if (MyBgworkerEntry == nullptr ||
		(MyBgworkerEntry->bgw_flags & BGWORKER_BACKEND_DATABASE_CONNECTION) == 0)
		ereport(FATAL, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("database connection requirement not indicated during registration"));
	if (OidIsValid(MyDatabaseId))
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("background worker is already connected to a database"));
	/* A database that does not exist (any more: DROP DATABASE) is no
	 * reason to come back: the postmaster will not restart the worker. */
	{
		tusk::error::ErrorContextScope note_missing_database(
			[](void *) {
				if (geterrcode() == ERRCODE_UNDEFINED_DATABASE && array != nullptr &&
					tusk::bgworker::my_slot >= 0 && tusk::bgworker::my_slot < array->total_slots)
					array->slot[tusk::bgworker::my_slot].database_gone = true;
			},
			nullptr);
		InitPostgresExt(dbname, dboid, username, useroid, (flags & BGWORKER_BYPASS_ALLOWCONN) != 0);
	}
	tusk::error::CurrentSession().database = dbname != nullptr ? dbname : "";
	if (username != nullptr)
		tusk::error::CurrentSession().user = username;
	/* Portals (SPI cursors) and their end-of-transaction cleanup. */
	EnablePortalManager();
}

}  // namespace

void BackgroundWorkerInitializeConnection(const char *dbname, const char *username, uint32 flags)
{
	WorkerInitializeConnection(dbname, InvalidOid, username, InvalidOid, flags);
}

void BackgroundWorkerInitializeConnectionByOid(Oid dboid, Oid useroid, uint32 flags)
{
	WorkerInitializeConnection(nullptr, dboid, nullptr, useroid, flags);
}

void BackgroundWorkerBlockSignals(void)
{
	sigset_t block;
	sigfillset(&block);
	sigprocmask(SIG_SETMASK, &block, nullptr);
}

void BackgroundWorkerUnblockSignals(void)
{
	/* Everything but SIGURG, which latches receive through a signalfd. */
	sigset_t unblock;
	sigemptyset(&unblock);
	sigaddset(&unblock, SIGURG);
	sigprocmask(SIG_SETMASK, &unblock, nullptr);
}
