/*
 * postmaster/bgworker.h — background workers: processes a module asks the
 * postmaster to start, watch, restart and stop.
 *
 * A module registers a worker from its _PG_init while it is loaded through
 * shared_preload_libraries (RegisterBackgroundWorker), or later from a
 * running backend or worker (RegisterDynamicBackgroundWorker).  The
 * postmaster forks the worker when the server reaches the worker's start
 * time, calls bgw_function_name in bgw_library_name with bgw_main_arg, and
 * when it exits: status 0 — forget it; status 1 — start it again after
 * bgw_restart_time seconds (never for BGW_NEVER_RESTART); anything else, or
 * a signal — shared memory may be damaged: crash restart of the whole
 * server, as for a crashed backend.  doc/bgworker.md is the guide.
 *
 * PostgreSQL 15's API, plus Tusk's registry (BgWorkerStatus and
 * GetBackgroundWorkerStatuses): what every registered worker is doing.
 */
#ifndef TUSK_POSTMASTER_BGWORKER_H
#define TUSK_POSTMASTER_BGWORKER_H

#include <sys/types.h>

#include "c.h"

/* Required: the worker attaches to shared memory (always, since PG 15). */
#define BGWORKER_SHMEM_ACCESS 0x0001
/* The worker will connect to a database (BackgroundWorkerInitializeConnection). */
#define BGWORKER_BACKEND_DATABASE_CONNECTION 0x0002
/* Parallel-query workers (PostgreSQL's class; they may not restart). */
#define BGWORKER_CLASS_PARALLEL 0x0010

typedef void (*bgworker_main_type)(Datum main_arg);

/* When the postmaster may start the worker. */
typedef enum
{
	BgWorkerStart_PostmasterStart,
	BgWorkerStart_ConsistentState,
	BgWorkerStart_RecoveryFinished
} BgWorkerStartTime;

#define BGW_DEFAULT_RESTART_INTERVAL 60
#define BGW_NEVER_RESTART (-1)
#define BGW_MAXLEN 96
#define BGW_EXTRALEN 128

typedef struct BackgroundWorker
{
	char bgw_name[BGW_MAXLEN];
	char bgw_type[BGW_MAXLEN];
	int bgw_flags;
	BgWorkerStartTime bgw_start_time;
	int bgw_restart_time; /* in seconds, or BGW_NEVER_RESTART */
	char bgw_library_name[BGW_MAXLEN];
	char bgw_function_name[BGW_MAXLEN];
	Datum bgw_main_arg;
	char bgw_extra[BGW_EXTRALEN];
	pid_t bgw_notify_pid; /* SIGUSR1 this process on start and stop */
} BackgroundWorker;

typedef enum BgwHandleStatus
{
	BGWH_STARTED,		  /* running */
	BGWH_NOT_YET_STARTED, /* registered, not started yet */
	BGWH_STOPPED,		  /* exited (or never will run) */
	BGWH_POSTMASTER_DIED  /* the postmaster died; status unknown */
} BgwHandleStatus;

struct BackgroundWorkerHandle;
typedef struct BackgroundWorkerHandle BackgroundWorkerHandle;

/* What a worker is doing, as the registry shows it. */
typedef enum BgWorkerState
{
	BGWS_WAITING_FOR_START, /* the server has not reached its start time */
	BGWS_RUNNING,
	BGWS_WAITING_TO_RESTART, /* exited with status 1; restarts at restart_at */
	BGWS_STOPPED,			 /* exited and will not restart */
	BGWS_CRASHED			 /* its last run ended in a crash (a signal or a status
							  * other than 0 and 1) and it has not run since */
} BgWorkerState;

typedef struct BgWorkerStatus
{
	char bgw_name[BGW_MAXLEN];
	char bgw_type[BGW_MAXLEN];
	char bgw_library_name[BGW_MAXLEN];
	char bgw_function_name[BGW_MAXLEN];
	BgWorkerStartTime bgw_start_time;
	int bgw_restart_time;
	bool dynamic; /* registered at run time */
	BgWorkerState state;
	pid_t pid;					/* 0 when not running */
	TimestampTz restart_at;		/* for BGWS_WAITING_TO_RESTART */
	TimestampTz started_at;		/* its last start; 0: never started */
	int starts;					/* how many times it was started */
	int early_exits;			/* consecutive exits soon after starting (backoff) */
	int last_exit_code;			/* -1: none (or it died by a signal) */
	int last_exit_signal;		/* 0: none */
	TimestampTz last_exit_time; /* 0: it never exited */
} BgWorkerStatus;

#ifdef __cplusplus
extern "C" {
#endif

extern void RegisterBackgroundWorker(BackgroundWorker *worker);
extern bool RegisterDynamicBackgroundWorker(BackgroundWorker *worker,
											BackgroundWorkerHandle **handle);
extern BgwHandleStatus GetBackgroundWorkerPid(BackgroundWorkerHandle *handle, pid_t *pidp);
extern BgwHandleStatus WaitForBackgroundWorkerStartup(BackgroundWorkerHandle *handle, pid_t *pid);
extern BgwHandleStatus WaitForBackgroundWorkerShutdown(BackgroundWorkerHandle *handle);
extern const char *GetBackgroundWorkerTypeByPid(pid_t pid);
extern void TerminateBackgroundWorker(BackgroundWorkerHandle *handle);

/* The running worker's own registration (a copy, in the worker). */
extern PGDLLIMPORT BackgroundWorker *MyBgworkerEntry;

/* The worker becomes a backend of the database, as the role (NULL or
 * InvalidOid: the bootstrap superuser), so that it can run transactions
 * and SQL (executor/spi.h).  Only once, and only for a worker registered
 * with BGWORKER_BACKEND_DATABASE_CONNECTION; FATAL as a client's connection
 * when the database or role does not exist or the database does not accept
 * connections (unless BGWORKER_BYPASS_ALLOWCONN). */
extern void BackgroundWorkerInitializeConnection(const char *dbname, const char *username,
												 uint32 flags);
extern void BackgroundWorkerInitializeConnectionByOid(Oid dboid, Oid useroid, uint32 flags);
#define BGWORKER_BYPASS_ALLOWCONN 1

/* Workers start with signals blocked; unblock once handlers are set. */
extern void BackgroundWorkerBlockSignals(void);
extern void BackgroundWorkerUnblockSignals(void);

/* Tusk's registry: fills up to max entries, returns how many workers are
 * registered (which may exceed max). */
extern int GetBackgroundWorkerStatuses(BgWorkerStatus *out, int max);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_POSTMASTER_BGWORKER_H */
