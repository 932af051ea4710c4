/*
 * ipci.cpp — sizing and building the shared segment.
 *
 * Principal entry points: InitializeMaxBackends, process_shmem_requests,
 * RequestAddinShmemSpace, CalculateShmemSize,
 * CreateSharedMemoryAndSemaphores.
 *
 * Order at postmaster start: settings are final → InitializeMaxBackends()
 * → process_shmem_requests() (modules' shmem_request_hook asks for space
 * and LWLock tranches) → CreateSharedMemoryAndSemaphores().  After a crash
 * restart only the last step runs again: the requests were recorded once
 * and are reused, and shmem_startup_hook runs on the new segment.
 */
#include "postgres.h"

#include "access/clog.h"
#include "access/multixact.h"
#include "access/subtrans.h"
#include "access/transam.h"
#include "access/xlog.h"
#include "access/xlog_control.h"
#include "miscadmin.h"
#include "postmaster/bgworker_internals.h"
#include "postmaster/bgwriter.h"
#include "storage/bufmgr.h"
#include "storage/ipc.h"
#include "storage/ipc/ipci.h"
#include "utils/inval.h"
#include "storage/lock.h"
#include "storage/lwlock.h"
#include "storage/pmsignal.h"
#include "storage/proc.h"
#include "utils/backend_status.h"
#include "pgstat.h"
#include "storage/procarray.h"
#include "storage/shmem.h"

bool process_shmem_requests_in_progress = false;

namespace {

Size total_addin_request = 0;

/* Slack for the allocator's alignment and small structures of modules
 * that did not ask for space beforehand, as PostgreSQL leaves. */
constexpr Size kSlack = 100000;

}  // namespace

void InitializeMaxBackends(void)
{
	MaxBackends = MaxConnections + max_worker_processes;
	if (MaxBackends > (1 << 18) - 1)
		elog(ERROR, "too many backends configured");
}

void process_shmem_requests(void)
{
	process_shmem_requests_in_progress = true;
	if (shmem_request_hook != nullptr)
		shmem_request_hook();
	process_shmem_requests_in_progress = false;
}

void RequestAddinShmemSpace(Size size)
{
	if (!process_shmem_requests_in_progress)
		elog(FATAL, "cannot request additional shared memory outside shmem_request_hook");
	total_addin_request = add_size(total_addin_request, size);
}

Size CalculateShmemSize(void)
{
	Size size = kSlack;
	size = add_size(size, tusk::storage::ShmemIndexSize());
	size = add_size(size, LWLockShmemSize());
	size = add_size(size, BufferShmemSize());
	size = add_size(size, XLOGShmemSize());
	size = add_size(size, VarsupShmemSize());
	size = add_size(size, CheckpointerShmemSize());
	size = add_size(size, CLOGShmemSize());
	size = add_size(size, SUBTRANSShmemSize());
	size = add_size(size, MultiXactShmemSize());
	size = add_size(size, ProcGlobalShmemSize());
	size = add_size(size, BackendStatusShmemSize());
	size = add_size(size, PgStatShmemSize());
	size = add_size(size, ProcArrayShmemSize());
	size = add_size(size, LockShmemSize());
	size = add_size(size, PMSignalShmemSize());
	size = add_size(size, SharedInvalShmemSize());
	size = add_size(size, tusk::bgworker::BackgroundWorkerShmemSize());
	size = add_size(size, total_addin_request);
	return size;
}

void CreateSharedMemoryAndSemaphores(void)
{
	tusk::storage::CreateShmemSegment(CalculateShmemSize());
	CreateLWLocks();
	InitBufferPool();
	XLOGShmemInit();
	VarsupShmemInit();
	CheckpointerShmemInit();
	CLOGShmemInit();
	SUBTRANSShmemInit();
	MultiXactShmemInit();
	InitProcGlobal();
	BackendStatusShmemInit();
	PgStatShmemInit();
	CreateSharedProcArray();
	InitLocks();
	PMSignalShmemInit();
	SharedInvalShmemInit();
	tusk::bgworker::BackgroundWorkerShmemInit();
	if (shmem_startup_hook != nullptr)
		shmem_startup_hook();
}
