/*
 * globals.cpp — the process-wide variables declared in miscadmin.h.
 *
 * Each process has its own copy (fork copies them); nothing here is in
 * shared memory.  Settings that many subsystems read are defined here and
 * bound to their names by the settings table (backend/utils/misc).
 */
#include "postgres.h"

#include "miscadmin.h"

volatile sig_atomic_t InterruptPending = false;
volatile sig_atomic_t QueryCancelPending = false;
volatile sig_atomic_t ProcDiePending = false;
volatile uint32 InterruptHoldoffCount = 0;
volatile uint32 CritSectionCount = 0;

BackendType MyBackendType = B_INVALID;
pid_t PostmasterPid = 0;
bool IsPostmasterEnvironment = false;
bool IsUnderPostmaster = false;
bool IsBackgroundWorker = false;
int MyProcPid = 0;
pg_time_t MyStartTime = 0;
TimestampTz MyStartTimestamp = 0;
int32 MyCancelKey = 0;
int MyPMChildSlot = 0;
struct Port *MyProcPort = nullptr;
struct Latch *MyLatch = nullptr;
char *DataDir = nullptr;
char my_exec_path[MAXPGPATH] = "";
char pkglib_path[MAXPGPATH] = "";

int MaxConnections = 100;
int max_worker_processes = 8;
int MaxBackends = 0;
int PostPortNumber = 5432;
int NBuffers = 16384;
bool enableFsync = true;

Oid MyDatabaseId = InvalidOid;
