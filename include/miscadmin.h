/*
 * miscadmin.h — process-wide globals and interrupt handling.
 *
 * The variables every server process has (its pid, start time, data
 * directory, whether it runs under the postmaster, its latch) and the
 * interrupt protocol: signal handlers only set the *Pending flags and the
 * latch; code checks them at safe points with CHECK_FOR_INTERRUPTS().
 */
#ifndef TUSK_MISCADMIN_H
#define TUSK_MISCADMIN_H

#include <signal.h>
#include <time.h>

#include "c.h"


#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT volatile sig_atomic_t InterruptPending;
extern PGDLLIMPORT volatile sig_atomic_t QueryCancelPending;
extern PGDLLIMPORT volatile sig_atomic_t ProcDiePending;
extern PGDLLIMPORT volatile uint32 InterruptHoldoffCount;
extern PGDLLIMPORT volatile uint32 CritSectionCount;

extern void ProcessInterrupts(void);

#define CHECK_FOR_INTERRUPTS() \
	do { if (unlikely(InterruptPending)) ProcessInterrupts(); } while (0)
#define HOLD_INTERRUPTS() (InterruptHoldoffCount = InterruptHoldoffCount + 1)
#define RESUME_INTERRUPTS() (InterruptHoldoffCount = InterruptHoldoffCount - 1)
#define START_CRIT_SECTION() (CritSectionCount = CritSectionCount + 1)
#define END_CRIT_SECTION() (CritSectionCount = CritSectionCount - 1)

/* Which kind of process this is; names as pg_stat_activity.backend_type. */
typedef enum BackendType
{
	B_INVALID = 0,
	B_BACKEND,
	B_BG_WORKER,
	B_CHECKPOINTER,
	B_STARTUP,
	B_POSTMASTER,
	B_STANDALONE
} BackendType;

extern PGDLLIMPORT BackendType MyBackendType;
extern const char *GetBackendTypeDesc(BackendType backendType);

extern PGDLLIMPORT pid_t PostmasterPid;
extern PGDLLIMPORT bool IsPostmasterEnvironment;
extern PGDLLIMPORT bool IsUnderPostmaster;
extern PGDLLIMPORT bool IsBackgroundWorker;
extern PGDLLIMPORT bool enableFsync;	/* fsync */
extern PGDLLIMPORT int MyProcPid;
extern PGDLLIMPORT pg_time_t MyStartTime;
extern PGDLLIMPORT TimestampTz MyStartTimestamp;
extern PGDLLIMPORT int32 MyCancelKey;
extern PGDLLIMPORT int MyPMChildSlot;

/* A pid that no process has: "not started yet" in worker slots. */
#define InvalidPid (-1)

extern PGDLLIMPORT struct Port *MyProcPort;
extern PGDLLIMPORT struct Latch *MyLatch;
extern PGDLLIMPORT char *DataDir;
extern PGDLLIMPORT char my_exec_path[MAXPGPATH];
extern PGDLLIMPORT char pkglib_path[MAXPGPATH];

/* Settings read by many subsystems (defined in utils/init/globals). */
extern PGDLLIMPORT int MaxConnections;
extern PGDLLIMPORT int max_worker_processes;
extern PGDLLIMPORT int MaxBackends;
extern PGDLLIMPORT int PostPortNumber;
extern PGDLLIMPORT int NBuffers;

/* Current database and user of a backend, once known. */
extern PGDLLIMPORT Oid MyDatabaseId;

extern void SetDataDir(const char *dir);
extern void ChangeToDataDir(void);
extern void checkDataDir(void);

/* Lock files: postmaster.pid and the .s.PGSQL.nnnn.lock of each socket. */
extern void CreateDataDirLockFile(bool amPostmaster);
extern void CreateSocketLockFile(const char *socketfile, bool amPostmaster,
								 const char *socketDir);
extern void TouchSocketLockFiles(void);
extern void AddToDataDirLockFile(int target_line, const char *str);
extern bool RecheckDataDirLockFile(void);

/* Shared-memory requests of preloaded modules (storage/ipc/ipci.cpp):
 * RequestAddinShmemSpace and RequestNamedLWLockTranche are accepted only
 * while process_shmem_requests() runs the modules' shmem_request_hook. */
extern PGDLLIMPORT bool process_shmem_requests_in_progress;
extern void process_shmem_requests(void);

/* Modules of shared_preload_libraries (utils/fmgr/dfmgr.cpp): loaded by the
 * postmaster before shared memory is sized; background workers may be
 * registered statically only while this is in progress. */
extern PGDLLIMPORT bool process_shared_preload_libraries_in_progress;
extern PGDLLIMPORT bool process_shared_preload_libraries_done;
extern void process_shared_preload_libraries(void);

#ifdef __cplusplus
}
#endif

#endif							/* TUSK_MISCADMIN_H */
