/*
 * bgworker_internals.h — the background-worker registry as the postmaster
 * sees it.
 *
 * The postmaster keeps its own list of registered workers (RegisteredBgWorker)
 * and trusts only that: a crashed child may have scribbled on shared memory.
 * Shared memory holds one slot per possible worker (max_worker_processes):
 * backends write new dynamic registrations and termination requests there
 * under BackgroundWorkerLock; the postmaster copies them into its list when
 * signalled (PMSIGNAL_BACKGROUND_WORKER_CHANGE), after checking them, and
 * publishes each worker's pid and status back into its slot with plain
 * stores and barriers (it never takes a lock).
 */
#ifndef TUSK_BACKEND_POSTMASTER_BGWORKER_INTERNALS_H
#define TUSK_BACKEND_POSTMASTER_BGWORKER_INTERNALS_H

#include <list>
#include <string>

#include "postgres.h"
#include "postmaster/bgworker.h"

/* Settings (Tusk's own): crash-loop backoff for workers that exit with
 * status 1 soon after starting. */
extern bool bgworker_restart_backoff;
extern int bgworker_max_restart_delay;

namespace tusk::bgworker {

struct RegisteredBgWorker
{
	BackgroundWorker worker;
	pid_t pid = 0; /* 0 when not running */
	int child_slot = 0;
	int shmem_slot = -1;
	bool dynamic = false;
	bool terminate = false;		/* stop it and forget it */
	TimestampTz restart_at = 0; /* not before this (0: as soon as allowed) */
	TimestampTz started_at = 0;
	int starts = 0;
	int quick_failures = 0; /* consecutive early exits (backoff) */
	bool crashed = false;	/* its last run ended the server's run (crash restart) */
	int last_exit_code = -1;
	int last_exit_signal = 0;
	TimestampTz last_exit_time = 0;
};

/* The postmaster's list, in registration order. */
std::list<RegisteredBgWorker> &Workers();

/* Shared memory (ipci.cpp): one slot per max_worker_processes. */
Size BackgroundWorkerShmemSize();
void BackgroundWorkerShmemInit();

/* Postmaster: take in new dynamic registrations and termination requests. */
void BackgroundWorkerStateChange();
/* Postmaster: the next worker that may start now, given which start times
 * the server's state allows; nullptr if none.  *wait_ms becomes the time
 * until a worker waiting to restart is due (left alone if none). */
RegisteredBgWorker *NextWorkerToStart(bool allow_consistent, bool allow_finished, long *wait_ms);
/* Postmaster: a worker was forked (pid) or failed to fork (pid < 0). */
void ReportWorkerStarted(RegisteredBgWorker &rw, pid_t pid, int child_slot);
/* Postmaster: a worker exited; for status 0 and 1 only (others crash the
 * server).  Applies the restart policy; may forget the worker. */
void ReportWorkerExit(std::list<RegisteredBgWorker>::iterator it, int status);
/* Postmaster: a worker died in (or because of) a crash; caused_crash
 * when its own death starts the crash restart (the registry then shows it
 * crashed). */
void MarkWorkerCrashed(RegisteredBgWorker &rw, int status, bool caused_crash);
/* Postmaster, after a crash restart: workers that may restart start again
 * at once; BGW_NEVER_RESTART ones are forgotten. */
void ResetBackgroundWorkerCrashTimes();
/* Postmaster: the registered worker running as pid, if any. */
RegisteredBgWorker *FindWorker(pid_t pid);

/* A backend dropping database dboid (dbname): every background worker
 * connected to it is asked to stop for good — the postmaster sends it
 * SIGTERM and unregisters it when it exits — with a LOG line each.
 * Returns how many were asked. */
int TerminateBackgroundWorkersForDatabase(Oid dboid, const char *dbname);

/* In the forked child: become the worker and run it; never returns. */
[[noreturn]] void StartBackgroundWorker(const BackgroundWorker &worker, int shmem_slot);

/* "background worker \"type\"", for log messages about the process. */
std::string ProcessName(const RegisteredBgWorker &rw);

}  // namespace tusk::bgworker

#endif	// TUSK_BACKEND_POSTMASTER_BGWORKER_INTERNALS_H
