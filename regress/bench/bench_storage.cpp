/*
 * bench_storage.cpp — the storage engine's own figures (issue 4), run by
 * background workers in a real server until Tusk has SQL:
 *
 *   commits   bench_storage.committers workers each commit
 *             bench_storage.commits one-row insert transactions at once;
 *             reported: commits per second and WAL syncs per commit (group
 *             commit should keep it well below 1).
 *   inserts   one worker inserts bench_storage.rows rows (two int8
 *             columns' worth of data) in one transaction; reported: rows
 *             per second and WAL bytes per row.
 *   scan      a fresh snapshot counts them; reported: rows per second.
 *
 * The results are logged and written to bench_storage.result in the data
 * directory.  regress/bench/storage.sh builds this module with Tusk's
 * pg_config and runs PostgreSQL 15 beside it on the same work through SQL.
 */
extern "C" {
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "access/heapam.h"
#include "access/table.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "catalog/storage.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "storage/smgr.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
#include "utils/snapmgr.h"
}

#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <string>

PG_MODULE_MAGIC;

extern "C" {
void _PG_init(void);
PGDLLEXPORT void bench_storage_runner_main(Datum arg);
PGDLLEXPORT void bench_storage_committer_main(Datum arg);
}

namespace {

constexpr Oid kDatabase = 1;
constexpr Oid kCommitTable = 16400;
constexpr Oid kBulkTable = 16401;

char *library = nullptr;
int committers = 8;
int commits = 1000;
int rows = 1000000;

struct Shared
{
	volatile int go;
	volatile int done;
};

Shared *shared = nullptr;
shmem_request_hook_type prev_request = nullptr;
shmem_startup_hook_type prev_startup = nullptr;

struct Row
{
	int64 a;
	int64 b;
};

void RequestHook()
{
	if (prev_request)
		prev_request();
	RequestAddinShmemSpace(MAXALIGN(sizeof(Shared)));
}

void StartupHook()
{
	if (prev_startup)
		prev_startup();
	tusk::LWLockGuard guard(AddinShmemInitLock, LW_EXCLUSIVE);
	bool found;
	shared = static_cast<Shared *>(ShmemInitStruct("bench_storage", sizeof(Shared), &found));
	if (!found)
	{
		shared->go = 0;
		shared->done = 0;
	}
}

double Now()
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

void Setup()
{
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	MyDatabaseId = kDatabase;
}

void Sleep10ms()
{
	(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 10,
					 PG_WAIT_EXTENSION);
	ResetLatch(MyLatch);
	CHECK_FOR_INTERRUPTS();
}

void InsertRow(Relation rel, int64 a, int64 b)
{
	Row row{a, b};
	HeapTuple t = heap_form_raw_tuple(&row, sizeof row, 2);
	heap_insert(rel, t, GetCurrentCommandId(true), 0, nullptr);
	heap_freetuple(t);
}

}  // namespace

void bench_storage_committer_main(Datum arg)
{
	Setup();
	while (__atomic_load_n(&shared->go, __ATOMIC_SEQ_CST) == 0)
		Sleep10ms();
	int64 me = DatumGetInt32(arg);
	for (int i = 0; i < commits; i++)
	{
		StartTransactionCommand();
		Relation rel = table_open(kCommitTable, RowExclusiveLock);
		InsertRow(rel, me, i);
		table_close(rel, NoLock);
		CommitTransactionCommand();
	}
	__atomic_add_fetch(&shared->done, 1, __ATOMIC_SEQ_CST);
	for (;;)
		Sleep10ms();
}

void bench_storage_runner_main(Datum)
{
	Setup();
	for (Oid relid : {kCommitTable, kBulkTable})
	{
		RelFileNode node{DEFAULTTABLESPACE_OID, kDatabase, relid};
		if (!smgrexists(smgropen(node), MAIN_FORKNUM))
			RelationCreateStorage(node);
	}

	/* Concurrent one-row commits. */
	WalUsageStats w0;
	GetWalUsageStats(&w0);
	double t0 = Now();
	__atomic_store_n(&shared->go, 1, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&shared->done, __ATOMIC_SEQ_CST) < committers)
		Sleep10ms();
	double t1 = Now();
	WalUsageStats w1;
	GetWalUsageStats(&w1);
	double total_commits = static_cast<double>(committers) * commits;

	/* One transaction of many inserts, then a scan. */
	WalUsageStats w2;
	GetWalUsageStats(&w2);
	double t2 = Now();
	StartTransactionCommand();
	Relation rel = table_open(kBulkTable, RowExclusiveLock);
	for (int i = 0; i < rows; i++)
		InsertRow(rel, i, i);
	table_close(rel, NoLock);
	CommitTransactionCommand();
	double t3 = Now();
	WalUsageStats w3;
	GetWalUsageStats(&w3);

	StartTransactionCommand();
	rel = table_open(kBulkTable, AccessShareLock);
	long seen = 0;
	HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
	while (heap_getnext(scan, ForwardScanDirection) != nullptr)
		seen++;
	heap_endscan(scan);
	table_close(rel, NoLock);
	CommitTransactionCommand();
	double t4 = Now();

	char buf[512];
	snprintf(buf, sizeof buf,
			 "bench_storage: committers=%d commits=%.0f commits_per_s=%.0f "
			 "wal_syncs_per_commit=%.3f "
			 "inserts=%d insert_s=%.3f wal_bytes_per_row=%.1f scanned=%ld scan_s=%.3f",
			 committers, total_commits, total_commits / (t1 - t0),
			 static_cast<double>(w1.wal_sync - w0.wal_sync) / total_commits, rows, t3 - t2,
			 static_cast<double>(w3.wal_bytes - w2.wal_bytes) / rows, seen, t4 - t3);
	ereport(LOG, errmsg("%s", buf));
	int fd = open("bench_storage.result", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0)
	{
		std::string line = std::string(buf) + "\n";
		(void) !write(fd, line.data(), line.size());
		close(fd);
	}
	for (;;)
		Sleep10ms();
}

void _PG_init(void)
{
	if (!process_shared_preload_libraries_in_progress)
		return;
	DefineCustomIntVariable("bench_storage.committers", "Concurrent committers.", NULL, &committers,
							8, 1, 64, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("bench_storage.commits", "Commits per committer.", NULL, &commits, 1000,
							1, 1000000, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("bench_storage.rows", "Rows inserted in one transaction.", NULL, &rows,
							1000000, 1, 100000000, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("bench_storage.path", "This module's file, for its workers.", NULL,
							   &library, "bench_storage", PGC_POSTMASTER, 0, NULL, NULL, NULL);
	MarkGUCPrefixReserved("bench_storage");
	prev_request = shmem_request_hook;
	shmem_request_hook = RequestHook;
	prev_startup = shmem_startup_hook;
	shmem_startup_hook = StartupHook;

	BackgroundWorker worker;
	memset(&worker, 0, sizeof worker);
	worker.bgw_flags = BGWORKER_SHMEM_ACCESS;
	worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker.bgw_restart_time = BGW_NEVER_RESTART;
	snprintf(worker.bgw_library_name, BGW_MAXLEN, "%s", library);
	snprintf(worker.bgw_function_name, BGW_MAXLEN, "bench_storage_runner_main");
	snprintf(worker.bgw_name, BGW_MAXLEN, "bench_storage runner");
	snprintf(worker.bgw_type, BGW_MAXLEN, "bench_storage");
	RegisterBackgroundWorker(&worker);
	snprintf(worker.bgw_function_name, BGW_MAXLEN, "bench_storage_committer_main");
	for (int i = 0; i < committers; i++)
	{
		snprintf(worker.bgw_name, BGW_MAXLEN, "bench_storage committer %d", i);
		worker.bgw_main_arg = Int32GetDatum(i);
		RegisterBackgroundWorker(&worker);
	}
}
