/*
 * test_storage.cpp — a workload for the crash tests of the storage engine
 * (issue 4), run by background workers through the storage interfaces
 * (there is no SQL yet).
 *
 * test_storage.mode = 'inserts': test_storage.writers workers each insert
 * rows (worker, seq) with seq = 1, 2, 3, … one transaction per row, and
 * after each commit append seq to their acknowledgement file
 * (test_storage/ack_<worker> in the data directory), fsynced: a line
 * there is a commit the client was told about.
 *
 * test_storage.mode = 'ledger': test_storage.accounts accounts start with
 * 1000 each; writers move random amounts between two random accounts,
 * one transfer per transaction, updating both rows under READ COMMITTED
 * (waiting for and re-reading rows others changed, retrying after a
 * deadlock).  Money is never created or lost.
 *
 * The verifier worker runs first after every start (and crash restart):
 * it creates the tables if needed, then checks — with a snapshot taken
 * after reading the acknowledgement files — that every acknowledged row
 * is present exactly once and no row appears twice (inserts), or that
 * the accounts still hold their total (ledger).  It writes the outcome to
 * test_storage/report ("ok …" or "FAIL …", written atomically), logs it,
 * and only then lets the writers go.
 *
 * The tables live in base/1 (template1's directory) until catalogs and
 * database connections exist for workers.
 */
extern "C" {
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "access/heapam.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/storage.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "storage/bufmgr.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lwlock.h"
#include "storage/pmsignal.h"
#include "storage/shmem.h"
#include "storage/smgr.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
#include "utils/snapmgr.h"
}

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>

PG_MODULE_MAGIC;

extern "C" {
void _PG_init(void);
PGDLLEXPORT void test_storage_verifier_main(Datum arg);
PGDLLEXPORT void test_storage_writer_main(Datum arg);
}

namespace {

constexpr Oid kDatabase = 1;
constexpr Oid kInserts = 16384;
constexpr Oid kAccounts = 16385;
constexpr int64 kInitialBalance = 1000;

int writers = 0;
char *mode = nullptr;
int accounts = 20;

struct Shared
{
	volatile int verified;
};

Shared *shared = nullptr;
shmem_request_hook_type prev_request = nullptr;
shmem_startup_hook_type prev_startup = nullptr;

struct InsertRow
{
	int32 worker;
	int32 pad;
	int64 seq;
};

struct AccountRow
{
	int64 id;
	int64 balance;
};

bool Ledger()
{
	return mode != nullptr && strcmp(mode, "ledger") == 0;
}

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
	shared = static_cast<Shared *>(ShmemInitStruct("test_storage", sizeof(Shared), &found));
	if (!found)
		shared->verified = 0;
}

void Setup()
{
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	MyDatabaseId = kDatabase;
	mkdir("test_storage", 0700);
}

void CheckAlive()
{
	CHECK_FOR_INTERRUPTS();
	if (!PostmasterIsAlive())
		proc_exit(1);
}

RelFileNode Node(Oid relid)
{
	return RelFileNode{DEFAULTTABLESPACE_OID, kDatabase, relid};
}

std::string AckPath(int worker)
{
	return "test_storage/ack_" + std::to_string(worker);
}

template <typename Row>
Row RowOf(HeapTuple t)
{
	uint32 len;
	const char *data = heap_tuple_data(t, &len);
	Row row;
	if (len != sizeof row)
		elog(ERROR, "test_storage: tuple of %u bytes, expected %zu", len, sizeof row);
	memcpy(&row, data, sizeof row);
	return row;
}

template <typename Row>
void InsertRowInto(Relation rel, const Row &row)
{
	HeapTuple t = heap_form_raw_tuple(&row, sizeof row, 2);
	heap_insert(rel, t, GetCurrentCommandId(true), 0, nullptr);
	heap_freetuple(t);
}

void WriteReport(const std::string &text)
{
	std::string tmp = "test_storage/report.tmp";
	int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		elog(ERROR, "test_storage: could not create %s: %m", tmp.c_str());
	std::string line = text + "\n";
	if (write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()) || fsync(fd) != 0)
		elog(ERROR, "test_storage: could not write %s: %m", tmp.c_str());
	close(fd);
	if (rename(tmp.c_str(), "test_storage/report") != 0)
		elog(ERROR, "test_storage: could not rename %s: %m", tmp.c_str());
}

std::string VerifyInserts()
{
	/* Acknowledgements first: every one of them committed before our
	 * snapshot is taken. */
	std::set<std::pair<int, int64>> acked;
	for (int w = 0; w < writers; w++)
	{
		std::ifstream in(AckPath(w));
		std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
		size_t pos = 0;
		while (true)
		{
			size_t nl = all.find('\n', pos);
			if (nl == std::string::npos)
				break; /* a torn last line was never acknowledged */
			acked.emplace(w, std::stoll(all.substr(pos, nl - pos)));
			pos = nl + 1;
		}
	}
	StartTransactionCommand();
	Relation rel = table_open(kInserts, AccessShareLock);
	std::map<std::pair<int, int64>, int> present;
	HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		InsertRow row = RowOf<InsertRow>(t);
		present[{row.worker, row.seq}]++;
	}
	heap_endscan(scan);
	table_close(rel, NoLock);
	CommitTransactionCommand();
	for (const auto &[key, count] : present)
		if (count != 1)
			return "FAIL row (" + std::to_string(key.first) + "," + std::to_string(key.second) +
				") present " + std::to_string(count) + " times";
	for (const auto &key : acked)
		if (present.count(key) == 0)
			return "FAIL acknowledged row (" + std::to_string(key.first) + "," +
				std::to_string(key.second) + ") missing";
	return "ok rows=" + std::to_string(present.size()) + " acked=" + std::to_string(acked.size());
}

std::string VerifyLedger()
{
	StartTransactionCommand();
	Relation rel = table_open(kAccounts, AccessShareLock);
	std::map<int64, int> seen;
	int64 sum = 0;
	HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		AccountRow row = RowOf<AccountRow>(t);
		seen[row.id]++;
		sum += row.balance;
	}
	heap_endscan(scan);
	table_close(rel, NoLock);
	CommitTransactionCommand();
	if (static_cast<int>(seen.size()) != accounts)
		return "FAIL " + std::to_string(seen.size()) + " accounts";
	for (const auto &[id, count] : seen)
		if (count != 1)
			return "FAIL account " + std::to_string(id) + " seen " + std::to_string(count) +
				" times";
	if (sum != accounts * kInitialBalance)
		return "FAIL total " + std::to_string(sum);
	return "ok accounts=" + std::to_string(accounts) + " sum=" + std::to_string(sum);
}

void CreateTables()
{
	for (Oid relid : {kInserts, kAccounts})
		if (!smgrexists(smgropen(Node(relid)), MAIN_FORKNUM))
			RelationCreateStorage(Node(relid));
	if (!Ledger())
		return;
	StartTransactionCommand();
	Relation rel = table_open(kAccounts, ShareRowExclusiveLock);
	HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
	bool empty = heap_getnext(scan, ForwardScanDirection) == nullptr;
	heap_endscan(scan);
	if (empty)
		for (int64 id = 0; id < accounts; id++)
			InsertRowInto(rel, AccountRow{id, kInitialBalance});
	table_close(rel, NoLock);
	CommitTransactionCommand();
}

/* UPDATE accounts SET balance = balance + delta WHERE id = id, as READ
 * COMMITTED runs it. */
void Transfer(Relation rel, int64 id, int64 delta)
{
	HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
	ItemPointerData tid;
	AccountRow row{-1, 0};
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		row = RowOf<AccountRow>(t);
		if (row.id == id)
		{
			tid = t->t_self;
			break;
		}
	}
	heap_endscan(scan);
	if (row.id != id)
		elog(ERROR, "test_storage: account %lld not found", static_cast<long long>(id));
	for (;;)
	{
		AccountRow updated{id, row.balance + delta};
		HeapTuple newtup = heap_form_raw_tuple(&updated, sizeof updated, 2);
		TM_FailureData tmfd;
		TM_Result result = heap_update(rel, &tid, newtup, GetCurrentCommandId(true), true, &tmfd);
		heap_freetuple(newtup);
		if (result == TM_Ok)
			break;
		if (result != TM_Updated)
			elog(ERROR, "test_storage: unexpected update result %d", static_cast<int>(result));
		/* Someone committed a newer version: redo the change on it. */
		Snapshot latest = GetLatestSnapshot();
		tid = tmfd.ctid;
		heap_get_latest_tid(rel, latest, &tid);
		HeapTupleData again;
		again.t_self = tid;
		Buffer buf;
		if (!heap_fetch(rel, latest, &again, &buf))
			elog(ERROR, "test_storage: newest version of account %lld not visible",
				 static_cast<long long>(id));
		row = RowOf<AccountRow>(&again);
		ReleaseBuffer(buf);
	}
	CommandCounterIncrement();
}

void WaitVerified()
{
	while (__atomic_load_n(&shared->verified, __ATOMIC_SEQ_CST) == 0)
	{
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 10,
						 PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
	}
}

int64 NextSeq(int worker)
{
	StartTransactionCommand();
	Relation rel = table_open(kInserts, AccessShareLock);
	int64 max = 0;
	HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
	while (HeapTuple t = heap_getnext(scan, ForwardScanDirection))
	{
		InsertRow row = RowOf<InsertRow>(t);
		if (row.worker == worker && row.seq > max)
			max = row.seq;
	}
	heap_endscan(scan);
	table_close(rel, NoLock);
	CommitTransactionCommand();
	return max + 1;
}

void InsertLoop(int worker)
{
	int64 seq = NextSeq(worker);
	int fd = open(AckPath(worker).c_str(), O_WRONLY | O_APPEND | O_CREAT, 0600);
	if (fd < 0)
		elog(ERROR, "test_storage: could not open %s: %m", AckPath(worker).c_str());
	for (;; seq++)
	{
		CheckAlive();
		StartTransactionCommand();
		Relation rel = table_open(kInserts, RowExclusiveLock);
		InsertRowInto(rel, InsertRow{worker, 0, seq});
		table_close(rel, NoLock);
		CommitTransactionCommand();
		std::string line = std::to_string(seq) + "\n";
		if (write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()) ||
			fsync(fd) != 0)
			elog(ERROR, "test_storage: could not write acknowledgement: %m");
	}
}

void LedgerLoop(int worker)
{
	std::mt19937 rng(static_cast<unsigned>(MyProcPid) * 7919u + static_cast<unsigned>(worker));
	std::uniform_int_distribution<int64> pick(0, accounts - 1);
	std::uniform_int_distribution<int64> amount(1, 100);
	for (;;)
	{
		CheckAlive();
		int64 from = pick(rng);
		int64 to = pick(rng);
		if (from == to)
			continue;
		int64 amt = amount(rng);
		PG_TRY();
		{
			StartTransactionCommand();
			Relation rel = table_open(kAccounts, RowExclusiveLock);
			Transfer(rel, from, -amt);
			Transfer(rel, to, amt);
			table_close(rel, NoLock);
			CommitTransactionCommand();
		}
		PG_CATCH();
		{
			/* A deadlock (or any error): log it, roll back, carry on. */
			EmitErrorReport();
			FlushErrorState();
			AbortCurrentTransaction();
		}
		PG_END_TRY();
	}
}

}  // namespace

void test_storage_verifier_main(Datum)
{
	Setup();
	CreateTables();
	std::string outcome = Ledger() ? VerifyLedger() : VerifyInserts();
	WriteReport(outcome);
	ereport(LOG, errmsg("test_storage verified: %s", outcome.c_str()));
	__atomic_store_n(&shared->verified, 1, __ATOMIC_SEQ_CST);
	/* Stay, so that every crash restart brings the verifier back first. */
	for (;;)
	{
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, 1000,
						 PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
	}
}

void test_storage_writer_main(Datum arg)
{
	Setup();
	WaitVerified();
	int worker = DatumGetInt32(arg);
	if (Ledger())
		LedgerLoop(worker);
	else
		InsertLoop(worker);
}

void _PG_init(void)
{
	if (!process_shared_preload_libraries_in_progress)
		return;
	DefineCustomIntVariable("test_storage.writers", "Writer workers to run.", NULL, &writers, 0, 0,
							64, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("test_storage.mode", "Workload: inserts or ledger.", NULL, &mode,
							   "inserts", PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("test_storage.accounts", "Accounts of the ledger workload.", NULL,
							&accounts, 20, 2, 100000, PGC_POSTMASTER, 0, NULL, NULL, NULL);
	MarkGUCPrefixReserved("test_storage");

	prev_request = shmem_request_hook;
	shmem_request_hook = RequestHook;
	prev_startup = shmem_startup_hook;
	shmem_startup_hook = StartupHook;

	if (writers == 0)
		return;
	BackgroundWorker worker;
	memset(&worker, 0, sizeof worker);
	worker.bgw_flags = BGWORKER_SHMEM_ACCESS;
	worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker.bgw_restart_time = 1;
	snprintf(worker.bgw_library_name, BGW_MAXLEN, "test_storage");
	snprintf(worker.bgw_function_name, BGW_MAXLEN, "test_storage_verifier_main");
	snprintf(worker.bgw_name, BGW_MAXLEN, "test_storage verifier");
	snprintf(worker.bgw_type, BGW_MAXLEN, "test_storage");
	RegisterBackgroundWorker(&worker);
	snprintf(worker.bgw_function_name, BGW_MAXLEN, "test_storage_writer_main");
	for (int i = 0; i < writers; i++)
	{
		snprintf(worker.bgw_name, BGW_MAXLEN, "test_storage writer %d", i);
		worker.bgw_main_arg = Int32GetDatum(i);
		RegisterBackgroundWorker(&worker);
	}
}
