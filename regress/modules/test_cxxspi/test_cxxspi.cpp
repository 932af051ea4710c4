/*
 * test_cxxspi.cpp — a background worker that exercises the C++ SPI API
 * (tusk/spi.hpp), for regress/integration/cxxspi_test.cpp.
 *
 * The static worker "test_cxxspi" connects to the postgres database, runs
 * a fixed sequence of transactions through tusk::spi and logs what it
 * observes as "test_cxxspi: <check>: <observation>" lines, ending with
 * "test_cxxspi: done: ok" (never restarted).  Errors it provokes are
 * caught as tusk::spi::Error and logged as "SQLSTATE message".
 */
#include "tusk/spi.hpp"

extern "C" {
#include "fmgr.h"
#include "miscadmin.h"
#include "postmaster/bgworker.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
}

#include <optional>
#include <stdexcept>
#include <string>

PG_MODULE_MAGIC;

extern "C" {
void _PG_init(void);
PGDLLEXPORT void test_cxxspi_main(Datum arg);
PG_FUNCTION_INFO_V1(test_cxxspi_try);
PG_FUNCTION_INFO_V1(test_cxxspi_value);
}

namespace spi = tusk::spi;

namespace {

void Report(const std::string &check, const std::string &what)
{
	elog(LOG, "test_cxxspi: %s: %s", check.c_str(), what.c_str());
}

std::string Describe(const spi::Error &e)
{
	return e.sqlstate() + " " + e.message();
}

/* Runs f; reports the Error it raised (or "no error").  The caller
 * provides the rollback (a Subtransaction around, or attempt()). */
template <typename F>
void Expect(const std::string &check, F &&f)
{
	std::optional<spi::Error> e = spi::attempt(std::forward<F>(f));
	Report(check, e.has_value() ? Describe(*e) : "no error");
}

/* "a|b,c|d": every row of r, columns as text, NULL as NULL. */
std::string Rows(const spi::Result &r)
{
	std::string out;
	for (const spi::Row &row : r)
	{
		if (!out.empty())
			out += ",";
		for (int c = 0; c < row.size(); c++)
		{
			if (c > 0)
				out += "|";
			std::optional<std::string> v = row.get<std::optional<std::string>>(c);
			out += v.value_or("NULL");
		}
	}
	return out;
}

void Basics()
{
	spi::run_transaction("basics", [](spi::Connection &conn) {
		spi::Result r = conn.execute(
			"CREATE TABLE cx (id int PRIMARY KEY, name text, big bigint, f float8, ok bool)");
		Report("create", r.code_name());
		r = conn.execute("INSERT INTO cx VALUES ($1, $2, $3, $4, $5)", 1, "one",
						 int64_t{10000000000}, 1.5, true);
		Report("insert typed", std::string(r.code_name()) + " " + std::to_string(r.processed()));
		std::string two = "two";
		conn.execute("INSERT INTO cx VALUES ($1, $2, $3, $4, $5)", int16_t{2}, two,
					 std::optional<int64_t>(), 2.25F, false);
		conn.execute("INSERT INTO cx VALUES ($1, $2, NULL, NULL, NULL)", 3,
					 std::optional<std::string>());
		r = conn.execute("SELECT id, name, big, f, ok FROM cx ORDER BY id");
		Report("select",
			   std::string(r.code_name()) + " size=" + std::to_string(r.size()) +
				   " columns=" + std::to_string(r.columns()) + " rows=" + Rows(r));
		Report("column name 1", r.column_name(1));
		Report("column number big", std::to_string(r.column_number("big")));
		Report("column type 2", std::to_string(r.column_type(2)));
		const spi::Row row = r[0];
		Report("get by name",
			   std::to_string(row.get<int32_t>("id")) + " " + row.get<std::string>("name") + " " +
				   std::to_string(row.get<int64_t>("big")) + " " +
				   std::to_string(row.get<double>("f")) + " " +
				   (row.get<bool>("ok") ? "true" : "false"));
		Report("get by number",
			   std::to_string(row.get<int64_t>(0)) + " " + row.get<std::string>(2) + " " +
				   row.get<std::string>(4));
		std::optional<int64_t> big = r[1].get<std::optional<int64_t>>("big");
		Report("optional null", big.has_value() ? "value" : "nullopt");
		Report("is_null",
			   std::string(r[2].is_null("name") ? "t" : "f") + (r[2].is_null(0) ? "t" : "f"));
		std::optional<std::string> name = r.at(1).get<std::optional<std::string>>(1);
		Report("optional value", name.value_or("nullopt"));
		int32_t sum = 0;
		for (const spi::Row &each : r)
			sum += each.get<int32_t>(0);
		Report("iterate", std::to_string(sum));
		Report("value", std::to_string(conn.execute("SELECT count(*) FROM cx").value<int64_t>()));
		r = conn.execute("UPDATE cx SET f = f * 2 WHERE f IS NOT NULL");
		Report("update",
			   std::string(r.code_name()) + " processed=" + std::to_string(r.processed()) +
				   " has_rows=" + (r.has_rows() ? "yes" : "no"));
		r = conn.execute_read_only("SELECT $1::date + 1", spi::Typed(DATEOID, "2024-02-28"));
		Report("typed param", r.value<std::string>());
		r = conn.execute("SELECT $1::int + $2", std::string("41"), 1);
		Report("text cast param", r.value<std::string>());
	});
}

void Errors()
{
	spi::Transaction tx("errors");
	spi::Connection conn;
	conn.execute("INSERT INTO cx VALUES (10, 'kept', 0, 0, true)");
	/* A statement's error: only its subtransaction is rolled back. */
	Expect("division by zero", [&] {
		conn.execute("INSERT INTO cx VALUES (11, 'lost', 0, 0, true)");
		conn.execute("SELECT 1/0");
	});
	Report("next statement", std::to_string(conn.execute("SELECT 1 + 1").value<int32_t>()));
	Report("after rollback",
		   conn.execute("SELECT string_agg(id::text, ',' ORDER BY id) FROM cx WHERE id >= 10")
			   .value<std::string>());
	/* An Error carries SQLSTATE, message, detail and hint. */
	std::optional<spi::Error> dup = spi::attempt(
		[&] { conn.execute("INSERT INTO cx (id) VALUES (1)"); });
	Report("unique violation", dup.has_value() ? Describe(*dup) : "no error");
	Report("unique violation detail", dup.has_value() ? dup->detail() : "");
	Expect("syntax error", [&] { conn.execute("SELEC 1"); });
	Expect("transaction control", [&] { conn.execute("COMMIT"); });
	/* The API's own errors are ereports too. */
	spi::Result r = conn.execute("SELECT id, name, big FROM cx WHERE id IN (1, 2) ORDER BY id");
	Expect("wrong type", [&] { (void) r[0].get<int32_t>("name"); });
	Expect("wider column",
		   [&] { (void) conn.execute("SELECT 5::bigint AS b")[0].get<int32_t>(0); });
	std::optional<spi::Error> null = spi::attempt([&] { (void) r[1].get<int64_t>("big"); });
	Report("null", null.has_value() ? Describe(*null) + " / " + null->hint() : "no error");
	Expect("no such column", [&] { (void) r[0].get<int32_t>("nope"); });
	Expect("column out of range", [&] { (void) r[0].get<int32_t>(3); });
	Expect("row out of range", [&] { (void) r.at(2); });
	Expect("no rows", [&] { (void) conn.execute("SELECT 1 WHERE false").value<int32_t>(); });
	Expect("two rows",
		   [&] { (void) conn.execute("SELECT 1 UNION ALL SELECT 2").value<int32_t>(); });
	Expect("two columns", [&] { (void) conn.execute("SELECT 1, 2").value<int32_t>(); });
	Expect("read-only insert", [&] { conn.execute_read_only("INSERT INTO cx (id) VALUES (99)"); });
	/* Another exception is not swallowed: it rolls back and propagates. */
	try
	{
		(void) spi::attempt([&] {
			conn.execute("INSERT INTO cx (id) VALUES (12)");
			throw std::runtime_error("not an SQL error");
		});
		Report("other exception", "swallowed");
	}
	catch (const std::runtime_error &e)
	{
		Report("other exception", e.what());
	}
	Report("after other exception",
		   std::to_string(conn.execute("SELECT count(*) FROM cx WHERE id = 12").value<int64_t>()));
	Report("connection still active", conn.active() ? "yes" : "no");
	conn.finish();
	tx.commit();
	Report("row 10 committed", "ok");
}

/* SPI state after errors: connections opened inside a rolled-back
 * subtransaction are gone, the outer one works, nothing is left at the
 * end of the transaction. */
void StackClean()
{
	spi::Transaction tx("stack");
	spi::Connection outer;
	spi::Result kept = outer.execute("SELECT 'outer' AS o");
	std::optional<spi::Connection> leaked;
	Expect("error in inner connection", [&] {
		spi::Connection inner;
		inner.execute("SELECT 1/0");
	});
	Report("outer active after inner error", outer.active() ? "yes" : "no");
	Report("outer result kept", kept[0].get<std::string>("o"));
	/* A Connection object outliving its subtransaction does not finish
	 * the outer one and refuses to run statements. */
	{
		spi::Subtransaction sub;
		leaked.emplace();
		leaked->execute("SELECT 1");
		sub.rollback();
	}
	Report("leaked connection active", leaked->active() ? "yes" : "no");
	Expect("leaked connection execute", [&] { leaked->execute("SELECT 1"); });
	leaked.reset();
	Report("outer active after leaked", outer.active() ? "yes" : "no");
	Report("outer still runs", std::to_string(outer.execute("SELECT 7").value<int32_t>()));
	/* A subtransaction that commits keeps its work. */
	{
		spi::Subtransaction sub;
		outer.execute("INSERT INTO cx (id, name) VALUES (20, 'sub')");
		sub.commit();
	}
	Report("committed subtransaction",
		   outer.execute("SELECT name FROM cx WHERE id = 20").value<std::string>());
	outer.finish();
	tx.commit();
	/* No connection left: SPI_finish outside finds none. */
	spi::Transaction check("check");
	Report("stack after commit", SPI_result_code_string(SPI_finish()));
	check.commit();
}

/* A Transaction left by an exception is aborted; the next one works. */
void TransactionGuard()
{
	MemoryContext before = CurrentMemoryContext;
	try
	{
		spi::run_transaction("aborted", [](spi::Connection &conn) {
			conn.execute("INSERT INTO cx (id, name) VALUES (30, 'aborted')");
			conn.execute("SELECT 1/0");
		});
		Report("transaction error", "no error");
	}
	catch (const spi::Error &e)
	{
		Report("transaction error", Describe(e));
	}
	Report("context restored", CurrentMemoryContext == before ? "yes" : "no");
	try
	{
		spi::run_transaction("thrown", [](spi::Connection &conn) {
			conn.execute("INSERT INTO cx (id, name) VALUES (31, 'thrown')");
			throw std::runtime_error("worker gave up");
		});
	}
	catch (const std::runtime_error &e)
	{
		Report("transaction exception", e.what());
	}
	spi::run_transaction("after abort", [](spi::Connection &conn) {
		Report("after abort",
			   std::to_string(
				   conn.execute("SELECT count(*) FROM cx WHERE id IN (30, 31)").value<int64_t>()));
		Report("stack depth 1 in new transaction", conn.active() ? "yes" : "no");
	});
}

/* Results give their rows back when destroyed: a long loop in one
 * connection does not grow its memory. */
void ResultMemory()
{
	spi::run_transaction("memory", [](spi::Connection &conn) {
		MemoryContext proc = CurrentMemoryContext;
		(void) conn.execute("SELECT g, repeat('x', 100) FROM generate_series(1, 100) g");
		Size before = MemoryContextMemAllocated(proc, true);
		int64_t total = 0;
		for (int i = 0; i < 2000; i++)
		{
			spi::Result r = conn.execute(
				"SELECT g, repeat('x', 100) FROM generate_series(1, 100) g");
			total += static_cast<int64_t>(r.size());
		}
		Size after = MemoryContextMemAllocated(proc, true);
		Report("loop rows", std::to_string(total));
		/* 200000 rows of ~130 bytes kept would be 26 MB. */
		std::string grew = "grew by ";
		grew += std::to_string(after - before);
		Report("loop memory", after < before + 1024 * 1024 ? "bounded" : grew);
	});
}

void Nested()
{
	spi::run_transaction("nested", [](spi::Connection &outer) {
		spi::Result r = outer.execute("SELECT g FROM generate_series(1, 3) g");
		{
			spi::Connection inner;
			Report("outer active while inner open", outer.active() ? "yes" : "no");
			Expect("outer used while inner open", [&] { outer.execute("SELECT 1"); });
			Report("inner",
				   std::to_string(inner.execute("SELECT 'x' || $1", 5).size()) + " " +
					   inner.execute("SELECT 'x' || $1", 5).value<std::string>());
		}
		Report("outer after inner",
			   std::string(outer.active() ? "active " : "inactive ") + Rows(r));
	});
}

void Statements()
{
	spi::Statement by_id;
	spi::Statement ins;
	spi::run_transaction("prepare", [&](spi::Connection &conn) {
		by_id = conn.prepare<int32_t>("SELECT name, big FROM cx WHERE id = $1");
		ins = conn.prepare<int32_t, std::string>("INSERT INTO cx (id, name) VALUES ($1, $2)");
		Report("prepared",
			   std::to_string(by_id.param_types().size()) + " " +
				   std::to_string(ins.param_types()[1]));
	});
	spi::run_transaction("execute kept", [&](spi::Connection &conn) {
		Report("kept across transactions", conn.execute(by_id, 1)[0].get<std::string>("name"));
		/* Arguments are converted to the declared types. */
		conn.execute(ins, int64_t{40}, "forty");
		conn.execute(ins, std::string("41"), std::optional<std::string>());
		Report("converted arguments",
			   Rows(conn.execute("SELECT id, name FROM cx WHERE id >= 40 ORDER BY id")));
		Expect("out of range argument", [&] { conn.execute(ins, int64_t{1} << 40, "big"); });
		Expect("wrong argument count", [&] { conn.execute(ins, 42); });
		Expect("wrong argument type", [&] { conn.execute(ins, true, "x"); });
	});
	spi::run_transaction("alter", [](spi::Connection &conn) {
		conn.execute("ALTER TABLE cx ALTER COLUMN big TYPE numeric");
	});
	spi::run_transaction("execute replanned", [&](spi::Connection &conn) {
		Report("valid after alter", by_id.valid() ? "yes" : "no");
		spi::Result r = conn.execute(by_id, 1);
		Report("replanned", r.column_type(1) == NUMERICOID ? "numeric" : "other");
		Report("replanned value", r[0].get<std::string>(1));
	});
}

void Cursors()
{
	spi::run_transaction("cursors", [](spi::Connection &conn) {
		spi::Cursor c = conn.open_cursor("SELECT g, g * 10 FROM generate_series(1, $1) g", 10);
		std::string fetched;
		for (;;)
		{
			spi::Result r = c.fetch(4);
			fetched += std::to_string(r.size()) + ":" + Rows(r) + " ";
			if (r.empty())
				break;
		}
		Report("fetch in pieces", fetched);
		std::string name = c.name();
		c.close();
		Report("closed", SPI_cursor_find(name.c_str()) == nullptr ? "gone" : "open");
		spi::Statement stmt = conn.prepare<int32_t>("SELECT id FROM cx WHERE id < $1 ORDER BY id");
		spi::Cursor d = conn.open_cursor(stmt, 100);
		Report("move", std::to_string(d.move(2)));
		Report("fetch rest", Rows(d.fetch(FETCH_ALL)));
		name = d.name();
		{
			spi::Cursor moved = std::move(d);
			Report("moved cursor", Rows(moved.fetch(1)) + "(empty)");
		}
		Report("closed by destructor", SPI_cursor_find(name.c_str()) == nullptr ? "gone" : "open");
		Expect("cursor on insert", [&] { conn.open_cursor("INSERT INTO cx (id) VALUES (77)"); });
	});
}

}  // namespace

/*
 * SQL-callable, in a client's transaction:
 *   test_cxxspi_try(sql text) RETURNS text — runs sql in a subtransaction:
 *     its first value (or rows processed), or "error: SQLSTATE message";
 *   test_cxxspi_value(sql text) RETURNS int4 — value<int32_t>() of sql,
 *     errors left to reach the client.
 */
Datum test_cxxspi_try(PG_FUNCTION_ARGS)
{
	std::string sql = text_to_cstring(PG_GETARG_TEXT_PP(0));
	std::string out;
	{
		spi::Connection conn;
		std::optional<spi::Error> e = spi::attempt([&] {
			spi::Result r = conn.execute(sql);
			if (r.has_rows() && !r.empty())
				out = r[0].get<std::optional<std::string>>(0).value_or("NULL");
			else
				out = std::to_string(r.processed());
		});
		if (e.has_value())
		{
			out = "error: ";
			out += Describe(*e);
		}
		conn.finish();
	}
	PG_RETURN_TEXT_P(cstring_to_text(out.c_str()));
}

Datum test_cxxspi_value(PG_FUNCTION_ARGS)
{
	std::string sql = text_to_cstring(PG_GETARG_TEXT_PP(0));
	int32_t v = 0;
	{
		spi::Connection conn;
		v = conn.execute_read_only(sql).value<int32_t>();
	}
	PG_RETURN_INT32(v);
}

void _PG_init(void)
{
	if (!process_shared_preload_libraries_in_progress)
		return;
	BackgroundWorker worker;
	memset(&worker, 0, sizeof(worker));
	snprintf(worker.bgw_name, BGW_MAXLEN, "test_cxxspi");
	snprintf(worker.bgw_type, BGW_MAXLEN, "test_cxxspi");
	snprintf(worker.bgw_library_name, BGW_MAXLEN, "test_cxxspi");
	snprintf(worker.bgw_function_name, BGW_MAXLEN, "test_cxxspi_main");
	worker.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker.bgw_restart_time = BGW_NEVER_RESTART;
	RegisterBackgroundWorker(&worker);
}

void test_cxxspi_main(Datum)
{
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnection("postgres", nullptr, 0);
	Basics();
	Errors();
	StackClean();
	TransactionGuard();
	ResultMemory();
	Nested();
	Statements();
	Cursors();
	/* The last one: an Error nobody catches ends the worker as any
	 * ERROR does (logged, status 1). */
	spi::run_transaction("uncaught", [](spi::Connection &conn) {
		Report("done", "ok");
		conn.execute("SELECT 'uncaught'::int");
	});
}
