/*
 * test_spi.cpp — a background worker that connects to a database and
 * exercises the Server Programming Interface (executor/spi.h), for
 * regress/integration/spi_test.cpp.
 *
 * The static worker "test_spi" (BGWORKER_BACKEND_DATABASE_CONNECTION,
 * database test_spi.database, default postgres) runs a fixed sequence of
 * transactions, each as PostgreSQL's worker_spi does (StartTransaction-
 * Command, SetCurrentStatementStartTimestamp, SPI_connect,
 * PushActiveSnapshot(GetTransactionSnapshot()), pgstat_report_activity …),
 * and logs what it observes as "test_spi: <check>: <observation>" lines;
 * the integration test compares them with what PostgreSQL 15 gives.  It
 * ends with "test_spi: done" and exits 0 (never restarted).  With
 * test_spi.noflag = on, "test_spi noflag" tries to connect without having
 * asked for a database connection at registration.
 *
 * Errors inside SPI are caught with PG_TRY (so the module is C++; the
 * header itself is also compiled as C11 by the header test), reported,
 * and the transaction aborted with AbortCurrentTransaction; the next
 * transaction must work.
 */
extern "C" {
#include "postgres.h"

#include "access/relation.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type_d.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "storage/ipc.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "utils/snapmgr.h"
}

#include <string>

PG_MODULE_MAGIC;

extern "C" {
void _PG_init(void);
PGDLLEXPORT void test_spi_main(Datum arg);
PGDLLEXPORT void test_spi_noflag_main(Datum arg);
}

namespace {

char *database = nullptr;
char *role = nullptr;
bool bypass_allowconn = false;
bool noflag = false;

void Report(const std::string &check, const std::string &what)
{
	elog(LOG, "test_spi: %s: %s", check.c_str(), what.c_str());
}

std::string Code(int code)
{
	return SPI_result_code_string(code);
}

std::string Value(HeapTuple tuple, TupleDesc desc, int col)
{
	char *v = SPI_getvalue(tuple, desc, col);
	return v == nullptr ? "NULL" : v;
}

/* Every row of SPI_tuptable, "a|b,c|d". */
std::string Rows()
{
	if (SPI_tuptable == nullptr)
		return "(no table)";
	std::string out;
	for (uint64 i = 0; i < SPI_tuptable->numvals; i++)
	{
		if (i > 0)
			out += ",";
		for (int c = 1; c <= SPI_tuptable->tupdesc->natts; c++)
		{
			if (c > 1)
				out += "|";
			out += Value(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, c);
		}
	}
	return out;
}

/* code, processed and rows of the last statement. */
std::string Result(int code)
{
	return Code(code) + " processed=" + std::to_string(SPI_processed) + " rows=" + Rows();
}

void Begin(const char *what)
{
	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	int rc = SPI_connect();
	if (rc != SPI_OK_CONNECT)
		elog(FATAL, "test_spi: SPI_connect returned %d", rc);
	PushActiveSnapshot(GetTransactionSnapshot());
	pgstat_report_activity(STATE_RUNNING, what);
}

void End()
{
	SPI_finish();
	PopActiveSnapshot();
	CommitTransactionCommand();
	debug_query_string = nullptr;
	pgstat_report_activity(STATE_IDLE, nullptr);
}

/* Runs sql expecting an ERROR: reports its SQLSTATE and message, aborts
 * the transaction. */
void ExpectError(const std::string &check, const char *sql, bool read_only)
{
	MemoryContext cxt = CurrentMemoryContext;
	PG_TRY();
	{
		int rc = SPI_execute(sql, read_only, 0);
		Report(check, std::string("no error: ") + Code(rc));
		End();
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		ErrorData *edata = CopyErrorData();
		FlushErrorState();
		char state[6];
		for (int i = 0; i < 5; i++)
			state[i] = static_cast<char>(PGUNSIXBIT(edata->sqlerrcode >> (6 * i)));
		state[5] = '\0';
		Report(check, std::string(state) + " " + edata->message);
		Report(check + " context", edata->context != nullptr ? edata->context : "(none)");
		FreeErrorData(edata);
		AbortCurrentTransaction();
		debug_query_string = nullptr;
		pgstat_report_activity(STATE_IDLE, nullptr);
	}
	PG_END_TRY();
}

void Basics()
{
	Begin("basics");
	int rc = SPI_execute("CREATE TABLE spi_t (id int PRIMARY KEY, name text, v int);"
						 "INSERT INTO spi_t VALUES (1, 'a', 10), (2, 'b', 20), (3, NULL, 30)",
						 false, 0);
	Report("create and insert", Result(rc));
	/* Read-only: the caller's snapshot, taken before the insert. */
	rc = SPI_execute("SELECT id, name, v FROM spi_t ORDER BY id", true, 0);
	Report("read-only select", Result(rc));
	rc = SPI_execute("SELECT id, name, v FROM spi_t ORDER BY id", false, 0);
	Report("select", Result(rc));
	SPITupleTable *tt = SPI_tuptable;
	Report("numvals", std::to_string(tt->numvals));
	Report("fname 2", SPI_fname(tt->tupdesc, 2));
	Report("fnumber v", std::to_string(SPI_fnumber(tt->tupdesc, "v")));
	Report("fnumber ctid", std::to_string(SPI_fnumber(tt->tupdesc, "ctid")));
	Report("fnumber nope", std::to_string(SPI_fnumber(tt->tupdesc, "nope")));
	Report("gettype 1", SPI_gettype(tt->tupdesc, 1));
	Report("gettypeid 2", std::to_string(SPI_gettypeid(tt->tupdesc, 2)));
	bool isnull;
	Datum d = SPI_getbinval(tt->vals[1], tt->tupdesc, 3, &isnull);
	Report("getbinval row 2 v",
		   std::to_string(DatumGetInt32(d)) + (isnull ? " null" : " not null"));
	(void) SPI_getbinval(tt->vals[2], tt->tupdesc, 2, &isnull);
	Report("getbinval row 3 name", isnull ? "null" : "not null");
	char *none = SPI_getvalue(tt->vals[0], tt->tupdesc, 4);
	Report("getvalue column 4",
		   std::string(none == nullptr ? "NULL " : "value ") + Code(SPI_result));
	char *fname = SPI_fname(tt->tupdesc, 0);
	Report("fname 0", std::string(fname == nullptr ? "NULL " : "name ") + Code(SPI_result));
	Report("gettypeid 9", std::to_string(SPI_gettypeid(tt->tupdesc, 9)) + " " + Code(SPI_result));

	rc = SPI_execute("SELECT id FROM spi_t ORDER BY id", false, 2);
	Report("tcount 2", Result(rc));
	rc = SPI_execute("UPDATE spi_t SET v = v + 1 WHERE id <= 2 RETURNING id, v", false, 0);
	Report("update returning", Result(rc));
	rc = SPI_execute("INSERT INTO spi_t VALUES (4, 'd', 40) RETURNING name", false, 0);
	Report("insert returning", Result(rc));
	rc = SPI_execute("DELETE FROM spi_t WHERE id = 4 RETURNING id", false, 0);
	Report("delete returning", Result(rc));
	rc = SPI_execute("UPDATE spi_t SET v = v WHERE id > 100", false, 0);
	Report("update none", Result(rc));
	rc = SPI_execute("DELETE FROM spi_t WHERE id = 3", false, 0);
	Report("delete", Result(rc));
	rc = SPI_execute("INSERT INTO spi_t VALUES (3, NULL, 30)", false, 0);
	Report("insert", Result(rc));
	rc = SPI_execute("CREATE INDEX spi_t_v ON spi_t (v)", false, 0);
	Report("create index", Result(rc));
	rc = SPI_execute("SHOW search_path", false, 0);
	Report("show", Result(rc));
	rc = SPI_execute("CREATE TABLE spi_ctas AS SELECT * FROM spi_t", false, 0);
	Report("create table as", Result(rc));
	rc = SPI_execute("SELECT * INTO spi_into FROM spi_t WHERE id < 3", false, 0);
	Report("select into", Result(rc));
	rc = SPI_execute("INSERT INTO spi_t VALUES (10, 'x', 1); UPDATE spi_t SET v = 5 WHERE id = 10;"
					 " SELECT count(*), sum(v) FROM spi_t",
					 false, 0);
	Report("several statements", Result(rc));
	rc = SPI_execute("SELECT 1; DELETE FROM spi_t WHERE id = 10", false, 0);
	Report("last statement sets result", Result(rc));
	rc = SPI_execute("", false, 0);
	Report("empty string", Result(rc));
	rc = SPI_execute("COMMIT", false, 0);
	Report("commit", Code(rc));
	rc = SPI_execute("BEGIN", false, 0);
	Report("begin", Code(rc));
	rc = SPI_execute(nullptr, false, 0);
	Report("null string", Code(rc));
	rc = SPI_execute("SELECT 1", false, -1);
	Report("negative tcount", Code(rc));
	rc = SPI_exec("SELECT 2 AS two", 0);
	Report("SPI_exec", Result(rc));

	Oid types[3] = {INT4OID, TEXTOID, INT4OID};
	Datum values[3] = {Int32GetDatum(20), PointerGetDatum(nullptr), Int32GetDatum(7)};
	rc = SPI_execute_with_args("INSERT INTO spi_t VALUES ($1, $2, $3)", 3, types, values, " n ",
							   false, 0);
	Report("with args and a null", Result(rc));
	rc = SPI_execute_with_args("SELECT id, name IS NULL, v FROM spi_t WHERE id = $1", 1, types,
							   values, nullptr, false, 0);
	Report("with args read back", Result(rc));
	rc = SPI_execute_with_args("SELECT $1", 1, nullptr, values, nullptr, true, 0);
	Report("with args no types", Code(rc));
	rc = SPI_execute_with_args("SELECT $1::int IS NULL", 1, types, values, "n", true, 0);
	Report("with args null only", Result(rc));

	Report("code 999", SPI_result_code_string(999));
	Report("code strings",
		   Code(SPI_OK_UPDATE_RETURNING) + " " + Code(SPI_ERROR_NOOUTFUNC) + " " +
			   Code(SPI_OK_MERGE) + " " + Code(SPI_ERROR_REL_NOT_FOUND));

	/* Relation names. */
	Oid relid = RelnameGetRelid("spi_t");
	Relation rel = relation_open(relid, AccessShareLock);
	Report("relation", std::string(SPI_getnspname(rel)) + "." + SPI_getrelname(rel));
	relation_close(rel, AccessShareLock);
	End();
}

void Memory()
{
	MemoryContext upper = CurrentMemoryContext;
	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	MemoryContext caller = CurrentMemoryContext;
	SPI_connect();
	MemoryContext proc = CurrentMemoryContext;
	Report("connect switches context", proc != caller ? "yes" : "no");
	PushActiveSnapshot(GetTransactionSnapshot());
	SPI_execute("SELECT id, name FROM spi_t WHERE id = 1", true, 0);
	HeapTuple copy = SPI_copytuple(SPI_tuptable->vals[0]);
	Report("copytuple in caller context", GetMemoryChunkContext(copy) == caller ? "yes" : "no");
	char *value = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	Report("getvalue in procedure context", GetMemoryChunkContext(value) == proc ? "yes" : "no");
	auto *kept = static_cast<char *>(SPI_palloc(strlen(value) + 1));
	strcpy(kept, value);
	Report("palloc in caller context", GetMemoryChunkContext(kept) == caller ? "yes" : "no");
	Report("tuptable in procedure context",
		   MemoryContextGetParent(GetMemoryChunkContext(SPI_tuptable)) == proc ? "yes" : "no");
	Report("finish", Code(SPI_finish()));
	Report("finish restores context", CurrentMemoryContext == caller ? "yes" : "no");
	Report("palloc survives finish", kept);
	Report("tuptable after finish", SPI_tuptable == nullptr ? "NULL" : "set");
	Report("finish again", Code(SPI_finish()));
	Report("execute unconnected", Code(SPI_execute("SELECT 1", false, 0)));
	HeapTuple unconnected = SPI_copytuple(copy);
	Report("copytuple unconnected",
		   std::string(unconnected == nullptr ? "NULL " : "copied ") + Code(SPI_result));
	PopActiveSnapshot();
	CommitTransactionCommand();
	MemoryContextSwitchTo(upper);
}

void Nested()
{
	Begin("nested");
	SPI_execute("SELECT g FROM generate_series(1, 3) g", true, 0);
	SPITupleTable *outer = SPI_tuptable;
	Report("nested connect", Code(SPI_connect()));
	Report("inner starts empty",
		   std::to_string(SPI_processed) + (SPI_tuptable == nullptr ? " NULL" : " set"));
	int rc = SPI_execute("SELECT 'inner'", true, 0);
	Report("inner", Result(rc));
	Report("inner finish", Code(SPI_finish()));
	Report("outer restored",
		   std::to_string(SPI_processed) + (SPI_tuptable == outer ? " same" : " other") +
			   " rows=" + Rows());
	End();
}

void Errors()
{
	/* An error inside SPI_execute: the transaction is aborted and the
	 * insert before it undone; the next transaction works. */
	Begin("division");
	debug_query_string = "SELECT 1/0 -- test_spi";
	SPI_execute("INSERT INTO spi_t VALUES (100, 'lost', 0)", false, 0);
	ExpectError("division by zero", "SELECT 1/0", false);

	Begin("syntax");
	ExpectError("syntax error", "SELEC 1", false);

	Begin("read only");
	ExpectError("read-only insert", "INSERT INTO spi_t VALUES (101, 'ro', 0)", true);
	Begin("read only update");
	ExpectError("read-only update", "UPDATE spi_t SET v = 0", true);
	Begin("read only ddl");
	ExpectError("read-only create", "CREATE TABLE spi_ro (a int)", true);
	Begin("read only for update");
	ExpectError("read-only for update", "SELECT * FROM spi_t FOR UPDATE", true);

	Begin("after errors");
	int rc = SPI_execute("SELECT count(*) FROM spi_t WHERE id >= 100", true, 0);
	Report("after errors", Result(rc));
	End();

	/* A connection left open at commit: a WARNING, and the stack is
	 * clean for the next transaction. */
	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	SPI_connect();
	SPI_connect();
	CommitTransactionCommand();
	Report("finish after commit", Code(SPI_finish()));
}

/* An error inside an internal subtransaction (PL exception blocks work
 * so): rolling it back pops the connection opened inside it and keeps
 * the outer one and its transaction usable. */
void Subtransactions()
{
	Begin("subtransactions");
	SPI_execute("INSERT INTO spi_t VALUES (60, 'outer', 0)", false, 0);
	MemoryContext cxt = CurrentMemoryContext;
	ResourceOwner owner = CurrentResourceOwner;
	BeginInternalSubTransaction(nullptr);
	PG_TRY();
	{
		SPI_connect();
		SPI_execute("INSERT INTO spi_t VALUES (61, 'inner', 0)", false, 0);
		SPI_execute("SELECT 1/0", false, 0);
		Report("subtransaction", "no error");
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(cxt);
		CurrentResourceOwner = owner;
		Report("subtransaction", "rolled back");
	}
	PG_END_TRY();
	int rc = SPI_execute("SELECT string_agg(id::text, ',' ORDER BY id) FROM spi_t WHERE id >= 60",
						 false, 0);
	Report("after subtransaction", Result(rc));
	rc = SPI_execute("DELETE FROM spi_t WHERE id = 60", false, 0);
	Report("outer connection still works", Result(rc));
	End();

	/* A subtransaction committed with its connection open: a WARNING. */
	Begin("subtransaction commit");
	cxt = CurrentMemoryContext;
	owner = CurrentResourceOwner;
	BeginInternalSubTransaction(nullptr);
	SPI_connect();
	ReleaseCurrentSubTransaction();
	MemoryContextSwitchTo(cxt);
	CurrentResourceOwner = owner;
	rc = SPI_execute("SELECT 'outer'", false, 0);
	Report("after subtransaction commit", Result(rc));
	End();
}

void PlansNext(SPIPlanPtr plan, SPIPlanPtr ins)
{
	Begin("execute plan");
	Datum args[2] = {Int32GetDatum(2), PointerGetDatum(nullptr)};
	int rc = SPI_execute_plan(plan, args, nullptr, true, 0);
	Report("execute kept plan", Result(rc) + " type=" + SPI_gettype(SPI_tuptable->tupdesc, 1));
	Datum insargs[2] = {Int32GetDatum(30), PointerGetDatum(nullptr)};
	rc = SPI_execute_plan(ins, insargs, " n", false, 0);
	Report("execute plan with null", Result(rc));
	rc = SPI_execute("SELECT name IS NULL FROM spi_t WHERE id = 30", false, 0);
	Report("plan null read back", Result(rc));
	rc = SPI_execute_plan(plan, nullptr, nullptr, true, 0);
	Report("execute plan without values", Code(rc));
	rc = SPI_execute_plan(nullptr, args, nullptr, true, 0);
	Report("execute null plan", Code(rc));
	End();

	Begin("alter");
	rc = SPI_execute("ALTER TABLE spi_t ALTER COLUMN v TYPE bigint", false, 0);
	Report("alter table", Code(rc));
	End();

	Begin("execute plan again");
	Report("plan valid after alter", SPI_plan_is_valid(plan) ? "yes" : "no");
	rc = SPI_execute_plan(plan, args, nullptr, true, 0);
	Report("execute replanned", Result(rc) + " type=" + SPI_gettype(SPI_tuptable->tupdesc, 1));
	int freed = SPI_freeplan(plan);
	Report("freeplan", std::to_string(freed));
	freed = SPI_freeplan(ins);
	Report("freeplan insert", std::to_string(freed));
	End();
}

void Cursors()
{
	Begin("cursors");
	Oid int4[1] = {INT4OID};
	SPIPlanPtr plan = SPI_prepare("SELECT g, g * 10 FROM generate_series(1, $1) g", 1, int4);
	Datum n = Int32GetDatum(10);
	Portal portal = SPI_cursor_open("spi_cur", plan, &n, nullptr, true);
	Report("cursor name", portal->name);
	Report("cursor find", SPI_cursor_find("spi_cur") == portal ? "same" : "other");
	for (int i = 1; i <= 4; i++)
	{
		SPI_cursor_fetch(portal, true, 4);
		Report(std::string("fetch ") + std::to_string(i),
			   std::string("processed=") + std::to_string(SPI_processed) + " rows=" + Rows());
	}
	SPI_cursor_close(portal);
	Report("cursor closed", SPI_cursor_find("spi_cur") == nullptr ? "gone" : "still there");

	portal = SPI_cursor_open(nullptr, plan, &n, nullptr, false);
	SPI_cursor_move(portal, true, 7);
	Report("move", std::to_string(SPI_processed));
	SPI_cursor_fetch(portal, true, FETCH_ALL);
	Report("fetch all after move",
		   std::string("processed=") + std::to_string(SPI_processed) + " rows=" + Rows());
	SPI_cursor_close(portal);

	Datum lim = Int32GetDatum(3);
	portal = SPI_cursor_open_with_args(nullptr, "SELECT id FROM spi_t WHERE id <= $1 ORDER BY id",
									   1, int4, &lim, nullptr, true, 0);
	SPI_cursor_fetch(portal, true, 2);
	Report("cursor with args",
		   std::string("processed=") + std::to_string(SPI_processed) + " rows=" + Rows());
	SPI_cursor_fetch(portal, true, 2);
	Report("cursor with args rest",
		   std::string("processed=") + std::to_string(SPI_processed) + " rows=" + Rows());
	End();

	/* An open cursor of a committed transaction is gone. */
	Begin("cursor errors");
	SPIPlanPtr ins = SPI_prepare("INSERT INTO spi_t VALUES (50, 'c', 0)", 0, nullptr);
	MemoryContext cxt = CurrentMemoryContext;
	PG_TRY();
	{
		(void) SPI_cursor_open(nullptr, ins, nullptr, nullptr, false);
		Report("cursor on insert", "opened");
		End();
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		ErrorData *edata = CopyErrorData();
		FlushErrorState();
		Report("cursor on insert", edata->message);
		FreeErrorData(edata);
		AbortCurrentTransaction();
	}
	PG_END_TRY();
}

}  // namespace

void _PG_init(void)
{
	if (!process_shared_preload_libraries_in_progress)
		return;
	DefineCustomStringVariable("test_spi.database", "Database the test_spi worker connects to.",
							   nullptr, &database, "postgres", PGC_POSTMASTER, 0, nullptr, nullptr,
							   nullptr);
	DefineCustomStringVariable("test_spi.role",
							   "Role the test_spi worker connects as (empty: the "
							   "bootstrap superuser).",
							   nullptr, &role, "", PGC_POSTMASTER, 0, nullptr, nullptr, nullptr);
	DefineCustomBoolVariable("test_spi.bypass_allowconn", "Connect with BGWORKER_BYPASS_ALLOWCONN.",
							 nullptr, &bypass_allowconn, false, PGC_POSTMASTER, 0, nullptr, nullptr,
							 nullptr);
	DefineCustomBoolVariable("test_spi.noflag",
							 "Also start a worker that connects without having asked to.", nullptr,
							 &noflag, false, PGC_POSTMASTER, 0, nullptr, nullptr, nullptr);
	BackgroundWorker worker;
	memset(&worker, 0, sizeof(worker));
	snprintf(worker.bgw_name, BGW_MAXLEN, "test_spi");
	snprintf(worker.bgw_type, BGW_MAXLEN, "test_spi");
	snprintf(worker.bgw_library_name, BGW_MAXLEN, "test_spi");
	snprintf(worker.bgw_function_name, BGW_MAXLEN, "test_spi_main");
	worker.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker.bgw_restart_time = BGW_NEVER_RESTART;
	RegisterBackgroundWorker(&worker);
	if (noflag)
	{
		snprintf(worker.bgw_name, BGW_MAXLEN, "test_spi noflag");
		snprintf(worker.bgw_function_name, BGW_MAXLEN, "test_spi_noflag_main");
		worker.bgw_flags = BGWORKER_SHMEM_ACCESS;
		RegisterBackgroundWorker(&worker);
	}
}

/* Registered without BGWORKER_BACKEND_DATABASE_CONNECTION: must be refused. */
void test_spi_noflag_main(Datum)
{
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnection("postgres", nullptr, 0);
	Report("noflag", "connected");
}

void test_spi_main(Datum)
{
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnection(database,
										 role != nullptr && *role != '\0' ? role : nullptr,
										 bypass_allowconn ? BGWORKER_BYPASS_ALLOWCONN : 0);
	Report("connected", "ok");
	/* What a module keeps in CacheMemoryContext lives as long as the
	 * backend, whatever DDL resets the caches meanwhile. */
	MemoryContext cache_at_start = CacheMemoryContext;
	char *kept = MemoryContextStrdup(CacheMemoryContext, "kept for the backend's life");
	Basics();
	Memory();
	Nested();
	Errors();
	Subtransactions();

	/* Plans kept across transactions and re-planned after ALTER TABLE. */
	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	SPI_connect();
	PushActiveSnapshot(GetTransactionSnapshot());
	Oid types[2] = {INT4OID, TEXTOID};
	SPIPlanPtr plan = SPI_prepare("SELECT v FROM spi_t WHERE id = $1", 1, types);
	Report("prepare", plan != nullptr ? "ok" : Code(SPI_result));
	Report("argcount",
		   std::to_string(SPI_getargcount(plan)) + " " + std::to_string(SPI_getargtypeid(plan, 0)));
	Report("is cursor plan", SPI_is_cursor_plan(plan) ? "yes" : "no");
	Report("keepplan", std::to_string(SPI_keepplan(plan)));
	Report("keepplan again", Code(SPI_keepplan(plan)));
	SPIPlanPtr ins = SPI_prepare("INSERT INTO spi_t VALUES ($1, $2, 0)", 2, types);
	SPI_keepplan(ins);
	Report("is cursor plan insert", SPI_is_cursor_plan(ins) ? "yes" : "no");
	SPIPlanPtr unkept = SPI_prepare("SELECT 1", 0, nullptr);
	Report("unkept plan", plan != nullptr && unkept != nullptr ? "ok" : "failed");
	SPIPlanPtr none = SPI_prepare(nullptr, 0, nullptr);
	Report("prepare null", std::string(none == nullptr ? "NULL " : "plan ") + Code(SPI_result));
	End();
	PlansNext(plan, ins);
	Report("cache memory context", CacheMemoryContext == cache_at_start ? "same" : "replaced");
	if (CacheMemoryContext == cache_at_start)
		Report("cache memory kept", kept);

	Cursors();
	Report("done", "ok");
}
