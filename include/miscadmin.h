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
	do \
	{ \
		if (unlikely(InterruptPending)) \
			ProcessInterrupts(); \
	} while (0)
#define HOLD_INTERRUPTS() (InterruptHoldoffCount = InterruptHoldoffCount + 1)
#define RESUME_INTERRUPTS() (InterruptHoldoffCount = InterruptHoldoffCount - 1)
/* C code's critical sections (PostgreSQL's macros); Tusk's own code uses
 * the tusk::CriticalSection scope below. */
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
extern PGDLLIMPORT bool enableFsync; /* fsync */
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
extern PGDLLIMPORT Oid MyDatabaseTableSpace;
/* The current user (pg_authid OID), once connected: the role SET ROLE
 * chose, else the session user.  New objects are owned by it. */
extern PGDLLIMPORT Oid MyUserId;
/* The session user: the login role, or SET SESSION AUTHORIZATION's. */
extern PGDLLIMPORT Oid SessionUserId;
/* The role the client authenticated as (never changes). */
extern PGDLLIMPORT Oid AuthenticatedUserId;
/* PostgreSQL's accessors (MyUserId, SessionUserId). */
extern Oid GetUserId(void);
extern Oid GetOuterUserId(void);
extern Oid GetSessionUserId(void);
/* The is_superuser setting: whether the current user is a superuser. */
extern bool is_superuser;
/* Connect to a database as a role (utils/init/postinit.cpp): FATAL if
 * either does not exist or may not be used. */
extern void InitPostgres(const char *in_dbname, const char *username);
/* The same for a background worker: the database by name, or by OID when
 * in_dbname is NULL; the role by name, or by OID when username is NULL
 * (InvalidOid: the bootstrap superuser); override_allow_connections
 * ignores pg_database.datallowconn (BGWORKER_BYPASS_ALLOWCONN). */
extern void InitPostgresExt(const char *in_dbname, Oid dboid, const char *username, Oid useroid,
							bool override_allow_connections);

/* Recursion guard (utils/misc/stack_depth.cpp): ERROR 54001 "stack depth
 * limit exceeded" when the stack has grown past max_stack_depth kB from
 * where set_stack_base() was called (at process start). */
extern PGDLLIMPORT int max_stack_depth;
extern void set_stack_base(void);
extern bool stack_is_too_deep(void);
extern void check_stack_depth(void);
#define CHECK_STACK_DEPTH() check_stack_depth()

extern void SetDataDir(const char *dir);
extern void ChangeToDataDir(void);
extern void checkDataDir(void);

/* Lock files: postmaster.pid and the .s.PGSQL.nnnn.lock of each socket. */
extern void CreateDataDirLockFile(bool amPostmaster);
extern void CreateSocketLockFile(const char *socketfile, bool amPostmaster, const char *socketDir);
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

#ifdef __cplusplus
/* C++ linkage even when this header is included inside extern "C". */
extern "C++" {
#include <exception>
}

/*
 * A critical section as a scope (C++ only, and C++ linkage even inside
 * extern "C" { … }):
 *
 *     LockBuffer(...);              // locks, pins: taken before
 *     tusk::CriticalSection crit;
 *     ...change the page...
 *     XLogInsert(...);              // allocates nothing
 *     PageSetLSN(...);
 *     crit.End();                   // or the end of the scope
 *
 * Inside one, a change to shared memory is under way that only its WAL
 * record makes recoverable, so it must not be abandoned half-done: an
 * ereport(ERROR) there is promoted to PANIC (elog.cpp), and so is an
 * exception of any other kind that would leave the scope — std::bad_alloc
 * from an allocation nobody reserved, say.  The destructor sees such an
 * exit and PANICs before any outer guard releases a buffer lock, so no
 * other process can write the half-changed page out; the postmaster then
 * restarts the server and recovery replays the WAL.  Code inside one
 * allocates nothing (reserve before entering, as XLogInsert does) and
 * does no I/O that can fail short of a PANIC anyway.
 */
extern "C++" {
namespace tusk {

class CriticalSection
{
  public:
	CriticalSection() : exceptions_at_entry_(std::uncaught_exceptions()) { START_CRIT_SECTION(); }
	// NOLINTNEXTLINE(bugprone-exception-escape): it only PANICs, which aborts
	~CriticalSection()
	{
		if (!ended_)
		{
			if (std::uncaught_exceptions() > exceptions_at_entry_)
				CriticalSectionEscaped();
			END_CRIT_SECTION();
		}
	}
	/* Leave the critical section before the end of the scope. */
	void End()
	{
		if (!ended_)
			END_CRIT_SECTION();
		ended_ = true;
	}
	CriticalSection(const CriticalSection &) = delete;
	CriticalSection &operator=(const CriticalSection &) = delete;

  private:
	/* PANIC: an exception is unwinding through a critical section. */
	// NOLINTNEXTLINE(bugprone-exception-escape): ereport(PANIC) aborts, it never throws
	[[noreturn]] static void CriticalSectionEscaped() noexcept;

	int exceptions_at_entry_;
	bool ended_ = false;
};

}  // namespace tusk
}
#endif /* __cplusplus */

#endif /* TUSK_MISCADMIN_H */
