/*
 * postmaster.cpp — the postmaster's main loop and state machine.
 *
 * Principal entry points: PostmasterMain, InitPostmasterChild,
 * ProcessCancelRequest.
 *
 * Shape (see doc/postmaster/README.md for the why):
 *   - start-up: settings, data directory checks, postmaster.pid,
 *     shared memory, listening sockets; then the state machine runs.
 *   - ServerLoop: poll() on the listening sockets and a self-pipe.  Signal
 *     handlers only set a flag and write a byte to the self-pipe; all work
 *     (reload, shutdown, reaping children, pmsignals) happens in the loop,
 *     so no handler ever races with another or with the loop.
 *   - one child per connection, forked without exec; the child reads the
 *     startup packet itself so that a slow client never stalls the loop.
 *   - a child that dies abnormally (signal, exit status other than 0/1,
 *     or exit while still marked active in its child slot) causes a crash
 *     restart: SIGQUIT to everyone else, wait (SIGKILL after 5 s), then
 *     shared memory is re-created and connections are accepted again.
 */
#include "postgres.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <list>
#include <random>
#include <string>

#include "access/xlog_control.h"
#include "access/xlogutils.h"
#include "common/paths.h"
#include "common/pidfile.h"
#include "libpq/hba.h"
#include "libpq/pqcomm.h"
#include "miscadmin.h"
#include "postmaster/auxprocess.h"
#include "postmaster/bgworker_internals.h"
#include "postmaster/postmaster.h"
#include "storage/ipc.h"
#include "storage/ipc/ipci.h"
#include "storage/latch.h"
#include "storage/pmsignal.h"
#include "storage/proc.h"
#include "tcop/backend_main.h"
#include "tcop/tcopprot.h"
#include "tusk_config.h"
#include "utils/error/error.h"
#include "utils/guc.h"
#include "utils/relcache.h"
#include "utils/memutils.h"

namespace tusk::postmaster {

namespace {

/* PostgreSQL's postmaster states, as far as Tusk has the processes yet. */
enum class PMState
{
	kInit,				 /* the startup process is running (recovery); not accepting */
	kRun,				 /* normal running */
	kStopBackends,		 /* shutdown: need to signal the remaining children */
	kWaitBackends,		 /* waiting for children other than the checkpointer to exit */
	kShutdownCheckpoint, /* the checkpointer writes the shutdown checkpoint */
	kNoChildren,		 /* all children gone: exit or reinitialize */
};

enum class ShutdownMode
{
	kNone,
	kSmart,
	kFast,
	kImmediate,
};

/* After a crash or an immediate shutdown, children that ignore SIGQUIT for
 * this long get SIGKILL (PostgreSQL: SIGKILL_CHILDREN_AFTER_SECS). */
constexpr int kSigkillChildrenAfterSecs = 5;
/* Housekeeping period of the server loop (lock-file checks). */
constexpr int kServerLoopTimeoutMs = 60 * 1000;

struct Child
{
	pid_t pid;
	int child_slot; /* pmsignal slot; 0 for dead-end children */
	int32 cancel_key;
	BackendType type;
	bool dead_end;	  /* only tells the client why it cannot connect */
	std::string name; /* for log messages: "server process", "background worker …" */
};

std::list<Child> children;
pid_t startup_pid = 0;
pid_t checkpointer_pid = 0;

void StartStartupProcess();
void StartCheckpointer();
void ReportReady();
PMState pm_state = PMState::kInit;
ShutdownMode shutdown_mode = ShutdownMode::kNone;
bool fatal_error = false;  /* a crash is being handled */
bool conns_allowed = true; /* false once a smart shutdown begins */
time_t abort_start_time = 0;
std::vector<int> listen_sockets;

/* Self-pipe and the flags its signal handlers set. */
int wakeup_pipe[2] = {-1, -1};
volatile sig_atomic_t pending_reload = false;
volatile sig_atomic_t pending_child_exit = false;
volatile sig_atomic_t pending_pmsignal = false;
volatile sig_atomic_t pending_shutdown = 0; /* highest ShutdownMode asked */

void WakeServerLoop()
{
	char c = 0;
	(void) !write(wakeup_pipe[1], &c, 1);
}

void HandleSighup(int)
{
	pending_reload = true;
	WakeServerLoop();
}

void HandleShutdownSignal(int signo)
{
	ShutdownMode mode = signo == SIGTERM ? ShutdownMode::kSmart
		: signo == SIGINT				 ? ShutdownMode::kFast
										 : ShutdownMode::kImmediate;
	if (static_cast<int>(mode) > pending_shutdown)
		pending_shutdown = static_cast<int>(mode);
	WakeServerLoop();
}

void HandleSigchld(int)
{
	pending_child_exit = true;
	WakeServerLoop();
}

void HandleSigusr1(int)
{
	pending_pmsignal = true;
	WakeServerLoop();
}

[[noreturn]] void ExitPostmaster(int status)
{
	proc_exit(status);
}

void RemoveSocketFilesAtExit(int, Datum)
{
	libpq::RemoveSocketFiles();
}

void RemoveExternalPidFile(int, Datum)
{
	if (external_pid_file != nullptr && external_pid_file[0] != '\0')
		unlink(external_pid_file);
}

/* postmaster.opts: how the server was started, for pg_ctl restart/status. */
void WriteOptsFile(int argc, char *argv[])
{
	std::ofstream out("postmaster.opts", std::ios::trunc);
	if (!out)
	{
		ereport(LOG, errcode_for_file_access(),
				errmsg("could not create file \"%s\": %m", "postmaster.opts"));
		return;
	}
	out << my_exec_path;
	for (int i = 1; i < argc; i++)
		out << " \"" << argv[i] << "\"";
	out << "\n";
}

void WriteExternalPidFile()
{
	if (external_pid_file == nullptr || external_pid_file[0] == '\0')
		return;
	FILE *f = fopen(external_pid_file, "w");
	if (f == nullptr)
	{
		ereport(LOG, errmsg("could not write external PID file \"%s\": %m", external_pid_file));
		return;
	}
	fprintf(f, "%d\n", MyProcPid);
	fclose(f);
	on_proc_exit(RemoveExternalPidFile, 0);
}

/* Send a signal to a child and to its process group (children call
 * setsid(), so anything they started goes too). */
void SignalChild(pid_t pid, int signo)
{
	if (kill(pid, signo) < 0)
		ereport(DEBUG3, errmsg_internal("kill(%ld,%d) failed: %m", static_cast<long>(pid), signo));
	if (signo == SIGQUIT || signo == SIGKILL || signo == SIGABRT)
		(void) kill(-pid, signo);
}

void SignalAllChildren(int signo, bool include_dead_end)
{
	for (const Child &c : children)
		if (include_dead_end || !c.dead_end)
			SignalChild(c.pid, signo);
}

int CountChildren(bool include_dead_end)
{
	int n = 0;
	for (const Child &c : children)
		if (include_dead_end || !c.dead_end)
			++n;
	return n;
}

int CountClientBackends()
{
	int n = 0;
	for (const Child &c : children)
		if (!c.dead_end && c.type == B_BACKEND)
			++n;
	return n;
}

void LogChildExit(int elevel, const char *procname, pid_t pid, int status)
{
	if (WIFEXITED(status))
		ereport(elevel,
				errmsg("%s (PID %d) exited with exit code %d", procname, static_cast<int>(pid),
					   WEXITSTATUS(status)));
	else if (WIFSIGNALED(status))
		ereport(elevel,
				errmsg("%s (PID %d) was terminated by signal %d: %s", procname,
					   static_cast<int>(pid), WTERMSIG(status), strsignal(WTERMSIG(status))));
	else
		ereport(elevel,
				errmsg("%s (PID %d) exited with unrecognized status %d", procname,
					   static_cast<int>(pid), status));
}

const char *ProcessName(const Child &c)
{
	return c.name.c_str();
}

/* A child died in a way that may have corrupted shared memory. */
void HandleChildCrash(const Child &dead, int status)
{
	bool take_action = !fatal_error && shutdown_mode != ShutdownMode::kImmediate;
	if (take_action)
	{
		LogChildExit(LOG, ProcessName(dead), dead.pid, status);
		ereport(LOG, errmsg("terminating any other active server processes"));
		SetQuitSignalReason(PMQUIT_FOR_CRASH);
		for (const Child &c : children)
			if (c.pid != dead.pid)
				SignalChild(c.pid, SIGQUIT);
		abort_start_time = time(nullptr);
	}
	fatal_error = true;
	if (pm_state == PMState::kRun || pm_state == PMState::kInit ||
		pm_state == PMState::kStopBackends || pm_state == PMState::kShutdownCheckpoint)
		pm_state = PMState::kWaitBackends;
}

void CleanupChild(std::list<Child>::iterator it, int status)
{
	Child child = *it;
	children.erase(it);
	bool normal_exit = WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1);
	/* A child that exits while still marked active in its slot died
	 * somewhere it could not clean up after itself: treat as a crash. */
	bool slot_clean = child.dead_end || ReleasePostmasterChildSlot(child.child_slot);
	if (child.type == B_STARTUP)
	{
		startup_pid = 0;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && slot_clean)
		{
			if (fatal_error || shutdown_mode != ShutdownMode::kNone)
				return; /* the state machine takes it from here */
			/* Recovery is over: the database is consistent and running. */
			StartCheckpointer();
			ReportReady();
			return;
		}
		if (fatal_error || shutdown_mode != ShutdownMode::kNone)
			return; /* we stopped it */
		LogChildExit(LOG, ProcessName(child), child.pid, status);
		ereport(LOG, errmsg("aborting startup due to startup process failure"));
		SignalAllChildren(SIGQUIT, true);
		ExitPostmaster(1);
	}
	if (child.type == B_CHECKPOINTER)
	{
		checkpointer_pid = 0;
		if (pm_state == PMState::kShutdownCheckpoint && WIFEXITED(status) &&
			WEXITSTATUS(status) == 0 && slot_clean)
		{
			pm_state = PMState::kNoChildren;
			return;
		}
		/* Any other exit of the checkpointer is a crash, as in PostgreSQL. */
		HandleChildCrash(child, status);
		return;
	}
	if (child.type == B_BG_WORKER)
	{
		auto &workers = bgworker::Workers();
		auto rw = workers.begin();
		while (rw != workers.end() && rw->pid != child.pid)
			++rw;
		if (rw != workers.end())
		{
			if (!normal_exit || !slot_clean)
				bgworker::MarkWorkerCrashed(*rw, status, !fatal_error);
			else
			{
				/* Status 1 is how a worker asks to be restarted: worth a LOG
				 * line, as in PostgreSQL; status 0 is routine. */
				LogChildExit(WEXITSTATUS(status) == 0 ? DEBUG1 : LOG, ProcessName(child), child.pid,
							 status);
				bgworker::ReportWorkerExit(rw, status);
				return;
			}
		}
	}
	if (!normal_exit || !slot_clean)
	{
		HandleChildCrash(child, status);
		return;
	}
	LogChildExit(DEBUG2, ProcessName(child), child.pid, status);
}

void ReapChildren()
{
	for (;;)
	{
		int status;
		pid_t pid = waitpid(-1, &status, WNOHANG);
		if (pid <= 0)
			break;
		auto it = children.begin();
		while (it != children.end() && it->pid != pid)
			++it;
		if (it == children.end())
		{
			/* Not one of ours (should not happen): log, and be careful. */
			LogChildExit(LOG, "untracked process", pid, status);
			continue;
		}
		CleanupChild(it, status);
	}
}

void ReportReady()
{
	ereport(LOG, errmsg("database system is ready to accept connections"));
	AddToDataDirLockFile(common::kPidFileLinePmStatus, common::kPmStatusReady);
	pm_state = PMState::kRun;
}

/* (Re)create shared memory.  After a crash the old segment is discarded
 * whole: nothing in it can be trusted. */
void ResetSharedMemory()
{
	CreateSharedMemoryAndSemaphores();
}

/* Advance the state machine after anything that may have changed it. */
void PostmasterStateMachine()
{
	if (pm_state == PMState::kRun && !conns_allowed && CountClientBackends() == 0)
		pm_state = PMState::kStopBackends; /* smart shutdown: clients are gone */
	if (pm_state == PMState::kInit && shutdown_mode != ShutdownMode::kNone && startup_pid == 0)
		pm_state = PMState::kStopBackends; /* shut down once recovery ended */

	if (pm_state == PMState::kStopBackends)
	{
		SignalAllChildren(SIGTERM, false);
		pm_state = PMState::kWaitBackends;
	}

	if (pm_state == PMState::kWaitBackends)
	{
		int others = CountChildren(true) - (checkpointer_pid != 0 ? 1 : 0);
		if (others == 0)
		{
			if (checkpointer_pid != 0 && !fatal_error && shutdown_mode != ShutdownMode::kNone &&
				shutdown_mode != ShutdownMode::kImmediate)
			{
				/* Everyone else is gone: the shutdown checkpoint. */
				SignalChild(checkpointer_pid, SIGUSR2);
				pm_state = PMState::kShutdownCheckpoint;
			}
			else if (checkpointer_pid == 0)
				pm_state = PMState::kNoChildren;
		}
	}

	if (pm_state != PMState::kNoChildren)
		return;

	if (shutdown_mode != ShutdownMode::kNone)
	{
		if (fatal_error)
		{
			ereport(LOG, errmsg("abnormal database system shutdown"));
			ExitPostmaster(1);
		}
		if (shutdown_mode != ShutdownMode::kImmediate)
			ereport(LOG, errmsg("database system is shut down"));
		ExitPostmaster(0);
	}

	if (fatal_error)
	{
		if (!restart_after_crash)
		{
			ereport(LOG, errmsg("shutting down because restart_after_crash is off"));
			ExitPostmaster(1);
		}
		ereport(LOG, errmsg("all server processes terminated; reinitializing"));
		shmem_exit(1);
		bgworker::ResetBackgroundWorkerCrashTimes();
		ResetSharedMemory();
		fatal_error = false;
		abort_start_time = 0;
		SetQuitSignalReason(PMQUIT_NOT_SENT);
		pm_state = PMState::kInit;
		StartStartupProcess();
	}
}

void ProcessShutdownRequest(ShutdownMode mode)
{
	if (mode <= shutdown_mode)
		return;
	shutdown_mode = mode;
	AddToDataDirLockFile(common::kPidFileLinePmStatus, common::kPmStatusStopping);
	switch (mode)
	{
		case ShutdownMode::kSmart:
			ereport(LOG, errmsg("received smart shutdown request"));
			conns_allowed = false;
			break;
		case ShutdownMode::kFast:
			ereport(LOG, errmsg("received fast shutdown request"));
			conns_allowed = false;
			if (pm_state == PMState::kRun || pm_state == PMState::kInit)
			{
				if (CountClientBackends() > 0)
					ereport(LOG, errmsg("aborting any active transactions"));
				pm_state = PMState::kStopBackends;
			}
			break;
		case ShutdownMode::kImmediate:
			ereport(LOG, errmsg("received immediate shutdown request"));
			conns_allowed = false;
			SetQuitSignalReason(PMQUIT_FOR_STOP);
			SignalAllChildren(SIGQUIT, true);
			pm_state = PMState::kWaitBackends;
			abort_start_time = time(nullptr);
			break;
		case ShutdownMode::kNone:
			break;
	}
}

void ProcessReload()
{
	if (shutdown_mode > ShutdownMode::kSmart)
		return;
	ereport(LOG, errmsg("received SIGHUP, reloading configuration files"));
	ProcessConfigFile(PGC_SIGHUP);
	if (!libpq::LoadHba())
		ereport(LOG, errmsg("%s was not reloaded", "pg_hba.conf"));
	SignalAllChildren(SIGHUP, false);
}

CacState CanAcceptConnections()
{
	if (pm_state != PMState::kRun)
	{
		if (shutdown_mode != ShutdownMode::kNone)
			return CacState::kShutdown;
		if (!fatal_error && pm_state == PMState::kInit)
			return CacState::kStartup;
		return CacState::kRecovery;
	}
	if (!conns_allowed)
		return CacState::kShutdown;
	/* Room for children still exiting; max_connections itself is
	 * enforced by the backend when it looks for a free PGPROC. */
	if (CountChildren(true) >= MaxLivePostmasterChildren())
		return CacState::kTooMany;
	return CacState::kOk;
}

int32 NewCancelKey()
{
	static std::random_device rd;
	return static_cast<int32>(rd());
}

/*
 * Fork a server child.  Every signal is blocked across the fork so no
 * handler of the postmaster runs in the child; the child becomes a server
 * process (InitPostmasterChild) and gets the postmaster's mask back —
 * with SIGURG still blocked, as latches read it through a signalfd —
 * unless keep_blocked (background workers unblock later themselves).
 * Returns the pid, or -1 with errno set.
 */
pid_t ForkChild(int slot, bool keep_blocked, const std::function<void()> &child_main)
{
	sigset_t all, old;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	pid_t pid = fork();
	if (pid == 0)
	{
		MyPMChildSlot = slot;
		InitPostmasterChild();
		if (!keep_blocked)
		{
			sigaddset(&old, SIGURG);
			sigprocmask(SIG_SETMASK, &old, nullptr);
		}
		try
		{
			child_main();
		}
		catch (...)
		{
			/* Whatever a child's main loop does not handle ends the child,
			 * reported, as an uncaught ERROR would (destructors have run). */
			error::ReportCaughtException(FATAL);
			proc_exit(1);
		}
		proc_exit(0); /* child mains do not return */
	}
	int save_errno = errno;
	sigprocmask(SIG_SETMASK, &old, nullptr);
	errno = save_errno;
	return pid;
}

/* Fork a child for an accepted connection. */
void BackendStartup(Port *port)
{
	CacState cac = CanAcceptConnections();
	bool dead_end = cac != CacState::kOk;
	int slot = dead_end ? 0 : AssignPostmasterChildSlot();
	int32 key = NewCancelKey();

	pid_t pid = ForkChild(slot, false, [&] {
		MyCancelKey = key;
		tcop::BackendMain(port, cac);
	});
	if (pid < 0)
	{
		int save_errno = errno;
		if (!dead_end)
			(void) ReleasePostmasterChildSlot(slot);
		errno = save_errno;
		ereport(LOG, errmsg("could not fork new process for connection: %m"));
		return;
	}
	ereport(DEBUG2,
			errmsg_internal("forked new backend, pid=%d socket=%d", static_cast<int>(pid),
							port->sock));
	children.push_back(Child{pid, slot, key, B_BACKEND, dead_end, "server process"});
}

void AcceptConnections(int listen_fd)
{
	Port port = {};
	port.sock = -1;
	if (!libpq::AcceptConnection(listen_fd, &port))
		return;
	BackendStartup(&port);
	close(port.sock);
}

void HousekeepingIfDue(time_t now, time_t *last_lockfile_check, time_t *last_touch)
{
	/* Someone removed or replaced our postmaster.pid: another server may be
	 * starting in this directory; stop at once rather than share it. */
	if (now - *last_lockfile_check >= 60)
	{
		*last_lockfile_check = now;
		if (!RecheckDataDirLockFile())
		{
			ereport(LOG,
					errmsg("performing immediate shutdown because data directory lock "
						   "file is invalid"));
			kill(MyProcPid, SIGQUIT);
		}
	}
	/* Keep tmp cleaners away from the socket lock files. */
	if (now - *last_touch >= 58 * 60)
	{
		*last_touch = now;
		TouchSocketLockFiles();
	}
}

/* Fork the startup process or the checkpointer. */
pid_t StartAuxProcess(BackendType type)
{
	int slot = AssignPostmasterChildSlot();
	pid_t pid = ForkChild(slot, false, [type] {
		if (type == B_STARTUP)
			StartupProcessMain();
		CheckpointerMain();
	});
	const char *name = type == B_STARTUP ? "startup process" : "checkpointer process";
	if (pid < 0)
	{
		int save_errno = errno;
		(void) ReleasePostmasterChildSlot(slot);
		errno = save_errno;
		ereport(LOG, errmsg("could not fork %s: %m", name));
		return 0;
	}
	children.push_back(Child{pid, slot, 0, type, false, name});
	return pid;
}

void StartStartupProcess()
{
	startup_pid = StartAuxProcess(B_STARTUP);
	if (startup_pid == 0)
	{
		/* Without it the database cannot come up. */
		ereport(LOG, errmsg("aborting startup due to startup process failure"));
		ExitPostmaster(1);
	}
}

void StartCheckpointer()
{
	checkpointer_pid = StartAuxProcess(B_CHECKPOINTER);
	if (checkpointer_pid == 0)
		ereport(LOG, errmsg("the server runs without a checkpointer until the next restart"));
}

/* Fork one background worker. */
void StartBgWorker(bgworker::RegisteredBgWorker &rw)
{
	int slot = AssignPostmasterChildSlot();
	ereport(DEBUG1,
			errmsg_internal("starting background worker process \"%s\"", rw.worker.bgw_name));
	/* Signals stay blocked until the worker unblocks them
	 * (BackgroundWorkerUnblockSignals), as in PostgreSQL. */
	pid_t pid = ForkChild(slot, true,
						  [&rw] { bgworker::StartBackgroundWorker(rw.worker, rw.shmem_slot); });
	if (pid < 0)
	{
		int save_errno = errno;
		(void) ReleasePostmasterChildSlot(slot);
		errno = save_errno;
		ereport(LOG, errmsg("could not fork worker process: %m"));
		bgworker::ReportWorkerStarted(rw, -1, 0);
		return;
	}
	children.push_back(Child{pid, slot, 0, B_BG_WORKER, false, bgworker::ProcessName(rw)});
	bgworker::ReportWorkerStarted(rw, pid, slot);
}

/* Start at most one background worker whose time has come, so that a
 * long list of workers never delays accepting connections.  Returns how
 * long the server loop may sleep before it must look again (-1: until
 * something happens). */
long MaybeStartBgWorker()
{
	if ((pm_state != PMState::kRun && pm_state != PMState::kInit) || fatal_error ||
		shutdown_mode != ShutdownMode::kNone)
		return -1;
	/* During crash recovery only PostmasterStart workers may run; as in
	 * PostgreSQL without hot standby, consistency and the end of recovery
	 * are both reached when the startup process finishes. */
	bool running = pm_state == PMState::kRun;
	long wait_ms = -1;
	bgworker::RegisteredBgWorker *rw = bgworker::NextWorkerToStart(running, running, &wait_ms);
	if (rw == nullptr)
		return wait_ms;
	StartBgWorker(*rw);
	long ignored = -1;
	return bgworker::NextWorkerToStart(running, running, &ignored) != nullptr ? 0 : wait_ms;
}

[[noreturn]] void ServerLoop()
{
	time_t last_lockfile_check = time(nullptr);
	time_t last_touch = last_lockfile_check;
	std::vector<struct pollfd> fds;
	long next_worker_wait_ms = 0; /* start the first workers at once */
	for (;;)
	{
		fds.clear();
		fds.push_back({wakeup_pipe[0], POLLIN, 0});
		bool accepting = pm_state == PMState::kRun || pm_state == PMState::kInit ||
			pm_state == PMState::kWaitBackends || pm_state == PMState::kStopBackends;
		if (accepting)
			for (int fd : listen_sockets)
				fds.push_back({fd, POLLIN, 0});

		int timeout = kServerLoopTimeoutMs;
		if (abort_start_time != 0)
			timeout = 1000;
		if (next_worker_wait_ms >= 0 && next_worker_wait_ms < timeout)
			timeout = static_cast<int>(next_worker_wait_ms);
		int rc = poll(fds.data(), fds.size(), timeout);
		if (rc < 0 && errno != EINTR)
			ereport(LOG, errcode_for_socket_access(),
					errmsg("%s() failed in postmaster: %m", "poll"));

		if (fds[0].revents & POLLIN)
		{
			char buf[64];
			while (read(wakeup_pipe[0], buf, sizeof buf) > 0)
				;
		}

		if (pending_shutdown != 0)
		{
			ShutdownMode mode = static_cast<ShutdownMode>(static_cast<int>(pending_shutdown));
			pending_shutdown = 0;
			ProcessShutdownRequest(mode);
		}
		if (pending_reload)
		{
			pending_reload = false;
			ProcessReload();
		}
		if (pending_child_exit)
		{
			pending_child_exit = false;
			ReapChildren();
		}
		if (pending_pmsignal)
		{
			pending_pmsignal = false;
			if (CheckPostmasterSignal(PMSIGNAL_BACKGROUND_WORKER_CHANGE))
				bgworker::BackgroundWorkerStateChange();
			/* The state machine runs next in any case. */
			(void) CheckPostmasterSignal(PMSIGNAL_ADVANCE_STATE_MACHINE);
		}
		PostmasterStateMachine();
		long worker_wait_ms = MaybeStartBgWorker();

		if (rc > 0)
			for (size_t i = 1; i < fds.size(); i++)
				if (fds[i].revents & POLLIN)
					AcceptConnections(fds[i].fd);

		time_t now = time(nullptr);
		if (abort_start_time != 0 && now - abort_start_time >= kSigkillChildrenAfterSecs)
		{
			if (!children.empty())
			{
				ereport(LOG, errmsg("issuing SIGKILL to recalcitrant children"));
				SignalAllChildren(SIGKILL, true);
			}
			abort_start_time = 0;
		}
		HousekeepingIfDue(now, &last_lockfile_check, &last_touch);
		next_worker_wait_ms = worker_wait_ms;
	}
}

void InstallPostmasterSignalHandlers()
{
	if (pipe2(wakeup_pipe, O_NONBLOCK | O_CLOEXEC) < 0)
		ereport(FATAL, errmsg_internal("could not create self-pipe: %m"));
	pqsignal(SIGHUP, HandleSighup);
	pqsignal(SIGINT, HandleShutdownSignal);
	pqsignal(SIGTERM, HandleShutdownSignal);
	pqsignal(SIGQUIT, HandleShutdownSignal);
	pqsignal(SIGCHLD, HandleSigchld);
	pqsignal(SIGUSR1, HandleSigusr1);
	pqsignal(SIGPIPE, SIG_IGN);
	pqsignal(SIGUSR2, SIG_IGN);
	pqsignal(SIGALRM, SIG_IGN);
}

[[noreturn]] void UsageError(const char *progname)
{
	fprintf(stderr, "Try \"%s --help\" for more information.\n", progname);
	ExitPostmaster(1);
}

/* Set by -C NAME: print that setting and exit instead of starting. */
const char *output_config_variable = nullptr;

/* Apply the command line; returns the -D directory (or nullptr). */
const char *ParseCommandLine(int argc, char *argv[], const char *progname)
{
	const char *userDoption = nullptr;
	static const struct option long_options[] = {{nullptr, 0, nullptr, 0}};
	int c;
	opterr = 0;
	optind = 1;
	auto set = [](const char *name, const char *value) {
		SetConfigOption(name, value, PGC_POSTMASTER, PGC_S_ARGV);
	};
	while ((c = getopt_long(argc, argv, "B:C:c:D:d:h:k:N:p:-:", long_options, nullptr)) != -1)
	{
		switch (c)
		{
			case 'B':
				set("shared_buffers", optarg);
				break;
			case 'C':
				output_config_variable = strdup(optarg);
				break;
			case 'D':
				userDoption = strdup(optarg);
				break;
			case 'd':
			{
				/* -d N: debug level N, i.e. log_min_messages = debugN. */
				int level = atoi(optarg);
				std::string value = level > 0 ? "debug" + std::to_string(Min(level, 5)) : "notice";
				set("log_min_messages", value.c_str());
				break;
			}
			case 'h':
				set("listen_addresses", optarg);
				break;
			case 'k':
				set("unix_socket_directories", optarg);
				break;
			case 'N':
				set("max_connections", optarg);
				break;
			case 'p':
				set("port", optarg);
				break;
			case 'c':
			case '-':
			{
				char *name;
				char *value;
				ParseLongOption(optarg, &name, &value);
				if (value == nullptr)
				{
					if (c == '-')
						ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
								errmsg("--%s requires a value", optarg));
					else
						ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
								errmsg("-c %s requires a value", optarg));
				}
				set(name, value);
				free(name);
				free(value);
				break;
			}
			default:
				fprintf(stderr, "%s: invalid argument: \"%s\"\n", progname,
						argv[optind - 1] ? argv[optind - 1] : "");
				UsageError(progname);
		}
	}
	if (optind < argc)
	{
		fprintf(stderr, "%s: invalid argument: \"%s\"\n", progname, argv[optind]);
		UsageError(progname);
	}
	return userDoption;
}

}  // namespace

void InitPostmasterChild()
{
	IsUnderPostmaster = true;
	MyProcPid = getpid();
	MyStartTime = time(nullptr);
	on_exit_reset();
	/* The postmaster's working memory is no business of a child's (as in
	 * PostgreSQL, which also keeps it from what the child may expose). */
	MemoryContextSwitchTo(TopMemoryContext);
	if (PostmasterContext != nullptr)
	{
		MemoryContextDelete(PostmasterContext);
		PostmasterContext = nullptr;
	}
	/* Own process group, so the postmaster can signal everything this
	 * child starts (and a terminal's ^C reaches only the postmaster). */
	(void) setsid();
	ClosePostmasterDeathWatchWriteEnd();
	libpq::CloseListenSocketsInChild();
	close(wakeup_pipe[0]);
	close(wakeup_pipe[1]);
	for (int s : {SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM})
		pqsignal(s, SIG_DFL);
	pqsignal(SIGPIPE, SIG_IGN);
	InitializeLatchSupport();
	InitProcessLocalLatch();
}

void ProcessCancelRequest(int backend_pid, int32 cancel_key)
{
	for (const Child &c : children)
	{
		if (c.pid != backend_pid || c.dead_end)
			continue;
		if (c.cancel_key == cancel_key)
		{
			ereport(DEBUG2,
					errmsg_internal("processing cancel request: sending SIGINT to process %d",
									backend_pid));
			SignalChild(c.pid, SIGINT);
		}
		else
			ereport(LOG, errmsg("wrong key in cancel request for process %d", backend_pid));
		return;
	}
	ereport(LOG, errmsg("PID %d in cancel request did not match any process", backend_pid));
}

void PostmasterMain(int argc, char *argv[])
{
	const char *progname = "postgres";
	MyBackendType = B_POSTMASTER;
	IsPostmasterEnvironment = true;
	PostmasterPid = MyProcPid = getpid();
	MyStartTime = time(nullptr);
	umask(S_IRWXG | S_IRWXO);

	/* The postmaster allocates here; each child deletes it
	 * (InitPostmasterChild). */
	PostmasterContext = AllocSetContextCreate(TopMemoryContext, "Postmaster",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContextSwitchTo(PostmasterContext);

	std::string exec = common::FindMyExec();
	snprintf(my_exec_path, sizeof my_exec_path, "%s", exec.c_str());
	snprintf(pkglib_path, sizeof pkglib_path, "%s",
			 common::GetInstallDir(common::InstallDir::kPkgLib).c_str());

	InitializeGUCOptions();
	const char *userDoption = ParseCommandLine(argc, argv, progname);
	if (!SelectConfigFiles(userDoption, progname))
		ExitPostmaster(2);

	if (output_config_variable != nullptr)
	{
		/* Like PostgreSQL: answers even while a server runs on the directory. */
		const char *value = GetConfigOption(output_config_variable, false, false);
		puts(value ? value : "");
		ExitPostmaster(0);
	}

	checkDataDir();
	ChangeToDataDir();
	CreateDataDirLockFile(true);
	WriteOptsFile(argc, argv);

	ereport(LOG, errmsg("starting %s", PG_VERSION_STR));

	/* pg_control first: it fixes sizes shared memory depends on. */
	LocalProcessControlFile();
	InitBuiltinRmgrs();

	/* Modules load before shared memory is sized: they may ask for some,
	 * register workers and resource managers. */
	process_shared_preload_libraries();

	if (!libpq::LoadHba())
		ereport(FATAL, errmsg("could not load %s", "pg_hba.conf"));

	/* What every connection's first catalog lookups would otherwise form
	 * again from the compiled-in bootstrap data: formed once here, each
	 * child inherits it with the fork. */
	RelationCachePreloadCatalogs();

	InitializeMaxBackends();
	process_shmem_requests();
	InitPostmasterDeathWatchHandle();
	CreateSharedMemoryAndSemaphores();

	listen_sockets = libpq::CreateListenSockets();
	on_proc_exit(RemoveSocketFilesAtExit, 0);
	unsigned long interlock_key;
	unsigned long interlock_id;
	storage::CreateShmemInterlock(&interlock_key, &interlock_id);
	char keyline[64];
	snprintf(keyline, sizeof keyline, "%9lu %9lu", interlock_key, interlock_id);
	AddToDataDirLockFile(common::kPidFileLineShmemKey, keyline);
	AddToDataDirLockFile(common::kPidFileLinePmStatus, common::kPmStatusStarting);
	WriteExternalPidFile();
	InstallPostmasterSignalHandlers();

	/* The startup process replays WAL if the last shutdown was not clean;
	 * connections are accepted once it is done. */
	StartStartupProcess();
	ServerLoop();
}

}  // namespace tusk::postmaster
