/*
 * savepoint_sessions_test.cpp — subtransactions seen from other sessions
 * and from recovery: a released savepoint's rows appear to others only
 * when the top-level transaction commits; a row updated in a
 * subtransaction makes other writers wait for the top level (or for the
 * subtransaction's rollback); after an immediate stop, a committed
 * transaction's released-savepoint rows are back and its rolled-back ones
 * are not.
 */
#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include <libpq-fe.h>

#include "harness.h"

using namespace tusk::test;

namespace {

struct PgConnDeleter
{
	void operator()(PGconn *c) const { PQfinish(c); }
};
using Conn = std::unique_ptr<PGconn, PgConnDeleter>;

Conn Connect(const Cluster &cluster)
{
	Conn c(PQconnectdb(cluster.ConnString().c_str()));
	REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
	return c;
}

/* A statement's status, its rows joined by ',' (first column) and SQLSTATE. */
struct Outcome
{
	ExecStatusType status;
	std::string value;
	std::string sqlstate;
};

Outcome Exec(PGconn *c, const std::string &sql)
{
	PGresult *res = PQexec(c, sql.c_str());
	Outcome o{PQresultStatus(res), "", ""};
	for (int i = 0; o.status == PGRES_TUPLES_OK && i < PQntuples(res); i++)
	{
		if (i > 0)
			o.value += ',';
		o.value += PQgetvalue(res, i, 0);
	}
	if (const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE))
		o.sqlstate = state;
	PQclear(res);
	return o;
}

void Ok(PGconn *c, const std::string &sql)
{
	Outcome o = Exec(c, sql);
	INFO(sql << ": " << PQerrorMessage(c));
	REQUIRE((o.status == PGRES_COMMAND_OK || o.status == PGRES_TUPLES_OK));
}

void Start(Cluster &cluster)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

/* Whether a query sent with PQsendQuery is still waiting after ms. */
bool StillWaiting(PGconn *c, int ms)
{
	std::this_thread::sleep_for(std::chrono::milliseconds(ms));
	REQUIRE(PQconsumeInput(c) == 1);
	return PQisBusy(c) == 1;
}

/* The outcome of a query sent with PQsendQuery (waits for it). */
Outcome Finish(PGconn *c)
{
	Outcome o{PGRES_EMPTY_QUERY, "", ""};
	while (PGresult *res = PQgetResult(c))
	{
		o.status = PQresultStatus(res);
		if (o.status == PGRES_TUPLES_OK && PQntuples(res) > 0)
			o.value = PQgetvalue(res, 0, 0);
		if (const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE))
			o.sqlstate = state;
		PQclear(res);
	}
	return o;
}

}  // namespace

TEST_CASE("Another session sees a released savepoint's rows only when the top level commits",
		  "[savepoint]")
{
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	Ok(a.get(), "create table sp_vis (x int)");
	Ok(a.get(), "begin");
	Ok(a.get(), "insert into sp_vis values (1)");
	Ok(a.get(), "savepoint s1");
	Ok(a.get(), "insert into sp_vis values (2)");
	Ok(a.get(), "savepoint s2");
	Ok(a.get(), "insert into sp_vis values (3)");
	Ok(a.get(), "release s2");
	Ok(a.get(), "savepoint s3");
	Ok(a.get(), "insert into sp_vis values (4)");
	Ok(a.get(), "rollback to s3");
	Ok(a.get(), "release s1");
	REQUIRE(Exec(a.get(), "select x from sp_vis order by x").value == "1,2,3");
	/* b's snapshots list a's top-level and subtransaction ids as running. */
	REQUIRE(Exec(b.get(), "select count(*) from sp_vis").value == "0");
	Ok(b.get(), "set default_transaction_isolation = 'repeatable read'");
	Ok(b.get(), "begin");
	REQUIRE(Exec(b.get(), "select count(*) from sp_vis").value == "0");
	Ok(a.get(), "commit");
	/* The old snapshot still does not see them; a new one sees all three,
	 * never the rolled-back row. */
	REQUIRE(Exec(b.get(), "select count(*) from sp_vis").value == "0");
	Ok(b.get(), "commit");
	Ok(b.get(), "reset default_transaction_isolation");
	REQUIRE(Exec(b.get(), "select x from sp_vis order by x").value == "1,2,3");

	/* A transaction that rolls back takes its released savepoints along. */
	Ok(a.get(), "begin");
	Ok(a.get(), "savepoint s1");
	Ok(a.get(), "insert into sp_vis values (5)");
	Ok(a.get(), "release s1");
	Ok(a.get(), "rollback");
	REQUIRE(Exec(b.get(), "select x from sp_vis order by x").value == "1,2,3");
}

TEST_CASE("A row updated in a subtransaction makes other writers wait for its top level",
		  "[savepoint]")
{
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	Ok(a.get(), "create table sp_lock (id int, v int)");
	Ok(a.get(), "insert into sp_lock values (1, 0), (2, 0)");

	SECTION("released: b waits until a's top level ends")
	{
		Ok(a.get(), "begin");
		Ok(a.get(), "savepoint s1");
		Ok(a.get(), "update sp_lock set v = 1 where id = 1");
		Ok(a.get(), "release s1");
		REQUIRE(PQsendQuery(b.get(), "update sp_lock set v = 2 where id = 1") == 1);
		REQUIRE(StillWaiting(b.get(), 500));
		/* More work at the top level does not free the row. */
		Ok(a.get(), "update sp_lock set v = 1 where id = 2");
		REQUIRE(StillWaiting(b.get(), 300));
		Ok(a.get(), "rollback");
		Outcome o = Finish(b.get());
		REQUIRE(o.status == PGRES_COMMAND_OK);
		REQUIRE(Exec(b.get(), "select v from sp_lock order by id").value == "2,0");
	}

	SECTION("rolled back to: b goes on as soon as the subtransaction aborts")
	{
		Ok(a.get(), "begin");
		Ok(a.get(), "update sp_lock set v = 10 where id = 2");
		Ok(a.get(), "savepoint s1");
		Ok(a.get(), "update sp_lock set v = 11 where id = 1");
		REQUIRE(PQsendQuery(b.get(), "update sp_lock set v = 20 where id = 1") == 1);
		REQUIRE(StillWaiting(b.get(), 500));
		Ok(a.get(), "rollback to s1");
		Outcome o = Finish(b.get());
		REQUIRE(o.status == PGRES_COMMAND_OK);
		/* a's top level still holds row 2. */
		REQUIRE(PQsendQuery(b.get(), "update sp_lock set v = 21 where id = 2") == 1);
		REQUIRE(StillWaiting(b.get(), 500));
		Ok(a.get(), "rollback");
		REQUIRE(Finish(b.get()).status == PGRES_COMMAND_OK);
		REQUIRE(Exec(a.get(), "select v from sp_lock order by id").value == "20,21");
	}
}

TEST_CASE("After an immediate stop, released savepoints' rows are back and rolled-back ones not",
		  "[savepoint][recovery]")
{
	Cluster cluster;
	Start(cluster);
	{
		Conn a = Connect(cluster);
		Conn b = Connect(cluster);
		Ok(a.get(), "create table sp_crash (x int)");
		/* Committed, with released, rolled-back and nested savepoints. */
		Ok(a.get(), "begin");
		Ok(a.get(), "insert into sp_crash values (1)");
		Ok(a.get(), "savepoint s1");
		Ok(a.get(), "insert into sp_crash values (2)");
		Ok(a.get(), "savepoint s2");
		Ok(a.get(), "insert into sp_crash values (3)");
		Ok(a.get(), "release s2");
		Ok(a.get(), "release s1");
		Ok(a.get(), "savepoint s3");
		Ok(a.get(), "insert into sp_crash values (4)");
		Ok(a.get(), "savepoint s4");
		Ok(a.get(), "insert into sp_crash values (5)");
		Ok(a.get(), "release s4");
		Ok(a.get(), "rollback to s3");
		Ok(a.get(), "insert into sp_crash values (6)");
		Ok(a.get(), "savepoint s5");
		Ok(a.get(), "delete from sp_crash where x = 1");
		REQUIRE(Exec(a.get(), "select 1/0 from sp_crash").sqlstate == "22012");
		Ok(a.get(), "rollback to s5");
		Ok(a.get(), "commit");
		/* Still running at the crash, a released savepoint included. */
		Ok(b.get(), "begin");
		Ok(b.get(), "savepoint s1");
		Ok(b.get(), "insert into sp_crash values (7)");
		Ok(b.get(), "release s1");
		REQUIRE(Exec(a.get(), "select x from sp_crash order by x").value == "1,2,3,6");
		REQUIRE(cluster.Stop("immediate").exit_code == 0);
	}
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	Conn c = Connect(cluster);
	REQUIRE(Exec(c.get(), "select x from sp_crash order by x").value == "1,2,3,6");
	/* New transaction ids do not collide with the replayed ones. */
	Ok(c.get(), "begin");
	Ok(c.get(), "savepoint s1");
	Ok(c.get(), "insert into sp_crash values (8)");
	Ok(c.get(), "release s1");
	Ok(c.get(), "commit");
	REQUIRE(Exec(c.get(), "select x from sp_crash order by x").value == "1,2,3,6,8");
}

TEST_CASE("Past 64 subtransactions that wrote, other sessions still see the transaction rightly",
		  "[savepoint]")
{
	/* A backend's cache of running subtransaction ids holds 64; past that
	 * it overflows and readers climb pg_subtrans to the top-level id. */
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	Conn c = Connect(cluster);
	Ok(a.get(), "create table sp_many (x int)");
	Ok(a.get(), "insert into sp_many values (1000)");
	Ok(c.get(), "begin isolation level repeatable read");
	REQUIRE(Exec(c.get(), "select count(*) from sp_many").value == "1");

	Ok(a.get(), "begin");
	int kept = 0;
	for (int i = 1; i <= 200; i++)
	{
		Ok(a.get(), "savepoint s");
		Ok(a.get(), "insert into sp_many values (" + std::to_string(i) + ")");
		if (i % 3 == 0)
			Ok(a.get(), "rollback to s");
		else
			kept++;
		Ok(a.get(), "release s");
		if (i == 150)
		{
			/* A row changed deep past the cache: writers wait for the top level. */
			Ok(a.get(), "savepoint deep");
			Ok(a.get(), "update sp_many set x = 1001 where x = 1000");
			Ok(a.get(), "release deep");
		}
	}
	/* A checkpoint meanwhile keeps what running transactions need. */
	Ok(b.get(), "checkpoint");
	REQUIRE(Exec(b.get(), "select count(*) from sp_many").value == "1");
	REQUIRE(Exec(b.get(), "select x from sp_many").value == "1000");
	REQUIRE(PQsendQuery(b.get(), "update sp_many set x = x + 1 where x >= 1000") == 1);
	REQUIRE(StillWaiting(b.get(), 500));
	Ok(a.get(), "commit");
	Outcome o = Finish(b.get());
	REQUIRE(o.status == PGRES_COMMAND_OK);
	REQUIRE(Exec(b.get(), "select x from sp_many where x >= 1000").value == "1002");
	REQUIRE(Exec(b.get(), "select count(*) from sp_many").value == std::to_string(kept + 1));
	REQUIRE(Exec(b.get(), "select count(*) from sp_many where x % 3 = 0 and x < 1000").value ==
			"0");
	/* The snapshot taken before a began still does not see its rows. */
	REQUIRE(Exec(c.get(), "select count(*) from sp_many").value == "1");
	REQUIRE(Exec(c.get(), "select x from sp_many").value == "1000");
	Ok(c.get(), "commit");

	/* And after a crash, the committed subtransactions' rows are all there. */
	Ok(a.get(), "begin");
	for (int i = 1; i <= 100; i++)
	{
		Ok(a.get(), "savepoint s");
		Ok(a.get(), "insert into sp_many values (" + std::to_string(2000 + i) + ")");
		Ok(a.get(), "release s");
	}
	Ok(a.get(), "commit");
	a.reset();
	b.reset();
	c.reset();
	REQUIRE(cluster.Stop("immediate").exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	Conn d = Connect(cluster);
	REQUIRE(Exec(d.get(), "select count(*) from sp_many where x > 2000").value == "100");
	REQUIRE(Exec(d.get(), "select count(*) from sp_many").value == std::to_string(kept + 101));
}

TEST_CASE("Savepoints work through the extended query protocol", "[savepoint]")
{
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	/* PQexecParams: Parse, Bind, Execute, Sync for every statement, each
	 * in its own portal. */
	auto x = [&a](const std::string &sql) {
		PGresult *res = PQexecParams(a.get(), sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr,
									 0);
		Outcome o{PQresultStatus(res), "", ""};
		for (int i = 0; o.status == PGRES_TUPLES_OK && i < PQntuples(res); i++)
		{
			if (i > 0)
				o.value += ',';
			o.value += PQgetvalue(res, i, 0);
		}
		if (const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE))
			o.sqlstate = state;
		PQclear(res);
		return o;
	};
	REQUIRE(x("create table sp_ext (x int)").status == PGRES_COMMAND_OK);
	REQUIRE(x("begin").status == PGRES_COMMAND_OK);
	REQUIRE(x("insert into sp_ext values (1)").status == PGRES_COMMAND_OK);
	REQUIRE(x("savepoint a").status == PGRES_COMMAND_OK);
	REQUIRE(x("insert into sp_ext values (2)").status == PGRES_COMMAND_OK);
	REQUIRE(x("select 1/0").sqlstate == "22012");
	REQUIRE(x("select 1").sqlstate == "25P02");
	REQUIRE(PQtransactionStatus(a.get()) == PQTRANS_INERROR);
	REQUIRE(x("rollback to a").status == PGRES_COMMAND_OK);
	REQUIRE(PQtransactionStatus(a.get()) == PQTRANS_INTRANS);
	REQUIRE(x("insert into sp_ext values (3)").status == PGRES_COMMAND_OK);
	REQUIRE(x("savepoint b").status == PGRES_COMMAND_OK);
	REQUIRE(x("insert into sp_ext values (4)").status == PGRES_COMMAND_OK);
	REQUIRE(x("release a").status == PGRES_COMMAND_OK);
	REQUIRE(x("select x from sp_ext order by x").value == "1,3,4");
	REQUIRE(x("commit").status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "select x from sp_ext order by x").value == "1,3,4");
}

TEST_CASE("ROLLBACK TO releases the locks the subtransaction took; RELEASE keeps them",
		  "[savepoint]")
{
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	Ok(a.get(), "create table sp_rel (x int)");
	Ok(a.get(), "insert into sp_rel values (1)");
	Ok(a.get(), "begin");
	Ok(a.get(), "savepoint s1");
	Ok(a.get(), "drop table sp_rel");
	REQUIRE(PQsendQuery(b.get(), "select count(*) from sp_rel") == 1);
	REQUIRE(StillWaiting(b.get(), 500));
	/* The drop is undone and its AccessExclusiveLock goes with it, while
	 * a's transaction goes on. */
	Ok(a.get(), "rollback to s1");
	Outcome o = Finish(b.get());
	REQUIRE(o.status == PGRES_TUPLES_OK);
	REQUIRE(o.value == "1");
	/* Released, the lock is the parent's: held until a ends. */
	Ok(a.get(), "savepoint s2");
	Ok(a.get(), "drop table sp_rel");
	Ok(a.get(), "release s2");
	REQUIRE(PQsendQuery(b.get(), "select count(*) from sp_rel") == 1);
	REQUIRE(StillWaiting(b.get(), 500));
	Ok(a.get(), "rollback");
	o = Finish(b.get());
	REQUIRE(o.status == PGRES_TUPLES_OK);
	REQUIRE(o.value == "1");
}
