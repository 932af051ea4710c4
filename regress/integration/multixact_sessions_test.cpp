/*
 * multixact_sessions_test.cpp — several holders of one row (multixacts),
 * across real sessions: compatible row locks do not wait for each other
 * and conflicting ones wait for every holder; a non-key update proceeds
 * past FOR KEY SHARE lockers (so foreign-key checks of children of one
 * parent run concurrently) while a key update waits; SKIP LOCKED and
 * NOWAIT see multixact holders; sessions incrementing a row that
 * foreign-key checks keep locking lose no update; after an immediate stop
 * with multixacts in flight, the rows they locked are free again.
 */
#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

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

/* A statement that must complete at once (not wait). */
void Immediately(PGconn *c, const std::string &sql)
{
	REQUIRE(PQsendQuery(c, sql.c_str()) == 1);
	INFO(sql);
	REQUIRE_FALSE(StillWaiting(c, 300));
	Outcome o = Finish(c);
	INFO(PQerrorMessage(c));
	REQUIRE((o.status == PGRES_COMMAND_OK || o.status == PGRES_TUPLES_OK));
}

}  // namespace

TEST_CASE("Two FOR SHARE lockers do not wait for each other; an UPDATE waits for both",
		  "[multixact]")
{
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	Conn c = Connect(cluster);
	Ok(a.get(), "create table mx_share (id int primary key, v int)");
	Ok(a.get(), "insert into mx_share values (1, 0)");
	Ok(a.get(), "begin");
	Ok(a.get(), "select * from mx_share where id = 1 for share");
	Ok(b.get(), "begin");
	Immediately(b.get(), "select * from mx_share where id = 1 for share");
	/* A third compatible locker joins the multixact. */
	Ok(c.get(), "begin");
	Immediately(c.get(), "select * from mx_share where id = 1 for key share");
	Ok(c.get(), "commit");
	/* Readers are not affected. */
	REQUIRE(Exec(c.get(), "select v from mx_share").value == "0");

	REQUIRE(PQsendQuery(c.get(), "update mx_share set v = 1 where id = 1") == 1);
	REQUIRE(StillWaiting(c.get(), 500));
	Ok(a.get(), "commit");
	/* Still held by b. */
	REQUIRE(StillWaiting(c.get(), 500));
	Ok(b.get(), "rollback");
	Outcome o = Finish(c.get());
	REQUIRE(o.status == PGRES_COMMAND_OK);
	REQUIRE(Exec(a.get(), "select v from mx_share").value == "1");
	/* FOR UPDATE under two share lockers waits too, and the lockers
	 * leave no trace once ended. */
	Ok(a.get(), "begin");
	Ok(a.get(), "select * from mx_share for share");
	Ok(b.get(), "begin");
	Immediately(b.get(), "select * from mx_share for share");
	REQUIRE(PQsendQuery(c.get(), "select v from mx_share for update") == 1);
	REQUIRE(StillWaiting(c.get(), 500));
	Ok(a.get(), "commit");
	Ok(b.get(), "commit");
	REQUIRE(Finish(c.get()).value == "1");
}

TEST_CASE("FOR KEY SHARE lets a non-key UPDATE through; a key UPDATE or DELETE waits",
		  "[multixact]")
{
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	Conn c = Connect(cluster);
	Ok(a.get(), "create table mx_key (id int primary key, v int)");
	Ok(a.get(), "insert into mx_key values (1, 0)");
	Ok(a.get(), "begin");
	Ok(a.get(), "select * from mx_key where id = 1 for key share");
	Ok(b.get(), "begin");
	Immediately(b.get(), "update mx_key set v = 1 where id = 1");

	SECTION("the key-share lock stays on the new version")
	{
		Ok(b.get(), "commit");
		REQUIRE(Exec(c.get(), "select v from mx_key").value == "1");
		/* A key update of the new version still waits for a. */
		REQUIRE(PQsendQuery(c.get(), "update mx_key set id = 2 where id = 1") == 1);
		REQUIRE(StillWaiting(c.get(), 500));
		Ok(a.get(), "commit");
		REQUIRE(Finish(c.get()).status == PGRES_COMMAND_OK);
		REQUIRE(Exec(a.get(), "select id * 100 + v from mx_key").value == "201");
	}

	SECTION("a non-key update that waited for another rechecks the newer version past a's lock")
	{
		REQUIRE(PQsendQuery(c.get(), "update mx_key set v = v + 10 where id = 1") == 1);
		REQUIRE(StillWaiting(c.get(), 500));
		Ok(b.get(), "commit");
		/* c locks b's version as a non-key update needs: a's key-share
		 * lock does not hold it up. */
		REQUIRE_FALSE(StillWaiting(c.get(), 500));
		REQUIRE(Finish(c.get()).status == PGRES_COMMAND_OK);
		REQUIRE(Exec(c.get(), "select v from mx_key").value == "11");
		Ok(a.get(), "commit");
	}

	SECTION("a second non-key update waits for the first; a delete for both")
	{
		REQUIRE(PQsendQuery(c.get(), "update mx_key set v = 2 where id = 1") == 1);
		REQUIRE(StillWaiting(c.get(), 500));
		Ok(b.get(), "rollback");
		/* b's update aborted: c updates past a's key-share lock. */
		REQUIRE(Finish(c.get()).status == PGRES_COMMAND_OK);
		REQUIRE(PQsendQuery(b.get(), "delete from mx_key where id = 1") == 1);
		REQUIRE(StillWaiting(b.get(), 500));
		Ok(a.get(), "commit");
		/* The delete waited for a's key-share lock on c's version. */
		REQUIRE(Finish(b.get()).status == PGRES_COMMAND_OK);
		REQUIRE(Exec(a.get(), "select count(*) from mx_key").value == "0");
	}
}

TEST_CASE("Two transactions inserting children of one parent do not wait for each other",
		  "[multixact]")
{
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	Conn c = Connect(cluster);
	Ok(a.get(), "create table mx_parent (id int primary key, name text)");
	Ok(a.get(), "create table mx_child (id int, parent int references mx_parent)");
	Ok(a.get(), "insert into mx_parent values (1, 'one')");
	Ok(a.get(), "begin");
	Ok(a.get(), "insert into mx_child values (1, 1)");
	Ok(b.get(), "begin");
	Immediately(b.get(), "insert into mx_child values (2, 1)");
	/* A non-key update of the parent proceeds too; deleting it waits. */
	Ok(c.get(), "begin");
	Immediately(c.get(), "update mx_parent set name = 'uno' where id = 1");
	Ok(c.get(), "commit");
	REQUIRE(PQsendQuery(c.get(), "delete from mx_parent where id = 1") == 1);
	REQUIRE(StillWaiting(c.get(), 500));
	Ok(a.get(), "commit");
	REQUIRE(StillWaiting(c.get(), 300));
	Ok(b.get(), "commit");
	Outcome o = Finish(c.get());
	/* The children exist now: the delete fails on the foreign key. */
	REQUIRE(o.sqlstate == "23503");
	REQUIRE(Exec(a.get(), "select count(*) from mx_child").value == "2");
	REQUIRE(Exec(a.get(), "select name from mx_parent").value == "uno");
}

TEST_CASE("Sessions incrementing a parent row while others add its children lose no update",
		  "[multixact][epq]")
{
	Cluster cluster;
	Start(cluster);
	Conn setup = Connect(cluster);
	Ok(setup.get(), "create table mx_counter (id int primary key, n int)");
	Ok(setup.get(), "create table mx_counted (id int, counter int references mx_counter)");
	Ok(setup.get(), "insert into mx_counter values (1, 0), (2, 0)");
	/* Plain increments of row 1 (non-key updates, rechecked on the newest
	 * version when another got there first), and transactions that add a
	 * child of row 1 — the foreign-key check's FOR KEY SHARE lock — and
	 * then increment it too: row 1's xmax is often a multixact of
	 * key-share lockers and an updater, which the incrementers must wait
	 * for exactly as for a plain updater. */
	constexpr int kIncrementers = 3;
	constexpr int kIncrements = 150;
	constexpr int kAdders = 2;
	constexpr int kAdds = 100;
	std::vector<Conn> conns;
	for (int i = 0; i < kIncrementers + kAdders; i++)
		conns.push_back(Connect(cluster));
	std::vector<std::string> errors(conns.size());
	std::vector<std::thread> threads;
	for (int i = 0; i < kIncrementers + kAdders; i++)
		threads.emplace_back([&, i] {
			PGconn *c = conns[static_cast<size_t>(i)].get();
			auto ok = [&](const std::string &sql) {
				Outcome o = Exec(c, sql);
				if (o.status == PGRES_COMMAND_OK || o.status == PGRES_TUPLES_OK)
					return true;
				errors[static_cast<size_t>(i)] = sql + ": " + PQerrorMessage(c);
				return false;
			};
			if (i < kIncrementers)
			{
				for (int r = 0; r < kIncrements; r++)
					if (!ok("update mx_counter set n = n + 1 where id = 1"))
						return;
				return;
			}
			for (int r = 0; r < kAdds; r++)
			{
				/* (Built piecewise: GCC 12 -O3 warns on "literal" + string.) */
				std::string insert = "insert into mx_counted values (";
				insert += std::to_string(i * 1000 + r);
				insert += ", 1)";
				if (!ok("begin") || !ok(insert) ||
					!ok("update mx_counter set n = n + 1 where id = 1") ||
					!ok("update mx_counter set n = n + 1 where id = 2") || !ok("commit"))
					return;
			}
		});
	for (std::thread &t : threads)
		t.join();
	for (const std::string &e : errors)
		REQUIRE(e.empty());
	REQUIRE(Exec(setup.get(), "select n from mx_counter order by id").value ==
			std::to_string(kIncrementers * kIncrements + kAdders * kAdds) + "," +
				std::to_string(kAdders * kAdds));
	REQUIRE(Exec(setup.get(), "select count(*) from mx_counted").value ==
			std::to_string(kAdders * kAdds));
}

TEST_CASE("SKIP LOCKED and NOWAIT see every holder of a multixact", "[multixact]")
{
	Cluster cluster;
	Start(cluster);
	Conn a = Connect(cluster);
	Conn b = Connect(cluster);
	Conn c = Connect(cluster);
	Ok(a.get(), "create table mx_skip (id int primary key)");
	Ok(a.get(), "insert into mx_skip values (1), (2), (3)");
	Ok(a.get(), "begin");
	Ok(a.get(), "select * from mx_skip where id <= 2 for share");
	Ok(b.get(), "begin");
	Ok(b.get(), "select * from mx_skip where id = 1 for share");
	/* Row 1's xmax is a multixact of a and b; row 2 is a's alone. */
	Ok(c.get(), "begin");
	REQUIRE(Exec(c.get(), "select id from mx_skip order by id for update skip locked").value ==
			"3");
	REQUIRE(Exec(c.get(), "select id from mx_skip order by id for share skip locked").value ==
			"1,2,3");
	Ok(c.get(), "commit");
	REQUIRE(Exec(c.get(), "select id from mx_skip where id = 1 for update nowait").sqlstate ==
			"55P03");
	Ok(a.get(), "commit");
	/* Still b's. */
	REQUIRE(Exec(c.get(), "select id from mx_skip where id = 1 for update nowait").sqlstate ==
			"55P03");
	REQUIRE(Exec(c.get(), "select id from mx_skip where id = 2 for update nowait").value == "2");
	Ok(b.get(), "commit");
	REQUIRE(Exec(c.get(), "select id from mx_skip where id = 1 for update nowait").value == "1");
}

TEST_CASE("After an immediate stop, rows locked by multixacts are free and keep their values",
		  "[multixact][recovery]")
{
	Cluster cluster;
	Start(cluster);
	{
		Conn a = Connect(cluster);
		Conn b = Connect(cluster);
		Conn c = Connect(cluster);
		Ok(a.get(), "create table mx_crash (id int primary key, v int)");
		Ok(a.get(), "insert into mx_crash select g, 0 from generate_series(1, 3) g");
		Ok(a.get(), "checkpoint");
		/* Row 1: a multixact whose members committed. */
		Ok(a.get(), "begin");
		Ok(a.get(), "select * from mx_crash where id = 1 for share");
		Ok(b.get(), "begin");
		Ok(b.get(), "select * from mx_crash where id = 1 for share");
		Ok(a.get(), "commit");
		Ok(b.get(), "commit");
		/* Row 2: key-share lockers and a committed non-key update. */
		Ok(a.get(), "begin");
		Ok(a.get(), "select * from mx_crash where id = 2 for key share");
		Ok(b.get(), "begin");
		Ok(b.get(), "select * from mx_crash where id = 2 for key share");
		Ok(c.get(), "update mx_crash set v = 2 where id = 2");
		Ok(a.get(), "rollback");
		/* Row 3: a multixact still running at the crash (b holds row 2's
		 * new version too). */
		Ok(a.get(), "begin");
		Ok(a.get(), "select * from mx_crash where id = 3 for share");
		Ok(b.get(), "select * from mx_crash where id = 3 for share");
		REQUIRE(cluster.Stop("immediate").exit_code == 0);
	}
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	Conn c = Connect(cluster);
	Conn d = Connect(cluster);
	REQUIRE(Exec(c.get(), "select v from mx_crash order by id").value == "0,2,0");
	/* A key update: it would wait for any locker still running. */
	Immediately(c.get(), "update mx_crash set id = id + 10, v = v + 1");
	REQUIRE(Exec(c.get(), "select id * 100 + v from mx_crash order by id").value ==
			"1101,1203,1301");
	/* New multixacts do not collide with the replayed ones. */
	Ok(c.get(), "begin");
	Ok(c.get(), "select * from mx_crash for share");
	Ok(d.get(), "begin");
	Immediately(d.get(), "select * from mx_crash for share");
	Ok(c.get(), "commit");
	Ok(d.get(), "commit");
	/* A checkpoint and VACUUM with ended multixacts about. */
	Ok(c.get(), "checkpoint");
	Ok(c.get(), "vacuum mx_crash");
	Immediately(c.get(), "update mx_crash set v = 0");
	REQUIRE(Exec(c.get(), "select sum(v) from mx_crash").value == "0");
}
