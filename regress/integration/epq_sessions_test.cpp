/*
 * epq_sessions_test.cpp — concurrent UPDATE and DELETE of the same rows
 * as PostgreSQL does them: READ COMMITTED waits for the other writer and
 * re-checks the newest version of the row (EvalPlanQual), REPEATABLE
 * READ fails with 40001, and two transactions waiting for each other's
 * rows get 40P01.
 */
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"

using namespace tusk::test;

namespace {

/* Session a changes a row of table and keeps its transaction open. */
void HoldChange(Session &a, const std::string &sql)
{
	REQUIRE(a.Exec("begin").ok());
	REQUIRE(a.Exec(sql).ok());
}

/* b's statement blocks on a's row until a commits; its outcome. */
SqlOutcome AfterCommitOf(Session &a, Session &b, const std::string &sql)
{
	b.Send(sql);
	REQUIRE(b.Waits());
	REQUIRE(a.Exec("commit").ok());
	return b.Finish();
}

}  // namespace

TEST_CASE("READ COMMITTED: two concurrent increments of one row both take effect", "[sql][epq]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster), b(cluster);
	/* Found through the primary key's index and through a scan. */
	REQUIRE(a.Exec("create table epq_acc (id int primary key, bal int)").ok());
	REQUIRE(a.Exec("create table epq_heap (id int, bal int)").ok());
	REQUIRE(a.Exec("insert into epq_acc values (1, 0), (2, 0)").ok());
	REQUIRE(a.Exec("insert into epq_heap values (1, 0), (2, 0)").ok());
	for (std::string t : {"epq_acc", "epq_heap"})
	{
		HoldChange(a, "update " + t + " set bal = bal + 1 where id = 1");
		SqlOutcome o = AfterCommitOf(a, b, "update " + t + " set bal = bal + 1 where id = 1");
		INFO(t << ": " << o.message);
		REQUIRE(o.ok());
		REQUIRE(a.Exec("select bal from " + t + " where id = 1").value == "2");
		REQUIRE(a.Exec("select bal from " + t + " where id = 2").value == "0");
	}
}

TEST_CASE("READ COMMITTED: a row that no longer qualifies after the other commit is skipped",
		  "[sql][epq]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster), b(cluster);
	REQUIRE(a.Exec("create table epq_acc (id int primary key, bal int)").ok());
	REQUIRE(a.Exec("insert into epq_acc values (1, 0), (2, 0)").ok());
	HoldChange(a, "update epq_acc set bal = 1 where id = 1");
	SqlOutcome o = AfterCommitOf(a, b, "update epq_acc set bal = 100 where bal = 0 returning id");
	REQUIRE(o.ok());
	REQUIRE(o.value == "2");
	REQUIRE(a.Exec("select bal from epq_acc where id = 1").value == "1");
	REQUIRE(a.Exec("select bal from epq_acc where id = 2").value == "100");
	/* The index condition is checked on the new version too. */
	HoldChange(a, "update epq_acc set id = 3 where id = 1");
	o = AfterCommitOf(a, b, "update epq_acc set bal = -1 where id = 1");
	REQUIRE(o.ok());
	REQUIRE(a.Exec("select count(*) from epq_acc where bal = -1").value == "0");
	/* A row deleted meanwhile is skipped. */
	HoldChange(a, "delete from epq_acc where id = 3");
	o = AfterCommitOf(a, b, "update epq_acc set bal = bal + 1 where id = 3 returning bal");
	REQUIRE(o.ok());
	REQUIRE(o.value.empty());
	REQUIRE(a.Exec("select count(*) from epq_acc").value == "1");
}

TEST_CASE("READ COMMITTED: DELETE and DELETE RETURNING re-check the updated row", "[sql][epq]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster), b(cluster);
	REQUIRE(a.Exec("create table epq_q (id int, v int)").ok());
	REQUIRE(a.Exec("insert into epq_q values (1, 10), (2, 20)").ok());
	/* Still qualifies: deleted, RETURNING shows the version deleted. */
	HoldChange(a, "update epq_q set v = v + 1 where id = 1");
	SqlOutcome o = AfterCommitOf(a, b, "delete from epq_q where v < 15 returning v");
	REQUIRE(o.ok());
	REQUIRE(o.value == "11");
	/* No longer qualifies: kept. */
	HoldChange(a, "update epq_q set v = 30 where id = 2");
	o = AfterCommitOf(a, b, "delete from epq_q where v = 20");
	REQUIRE(o.ok());
	REQUIRE(a.Exec("select v from epq_q").value == "30");
}

TEST_CASE("READ COMMITTED: an UPDATE with a join re-checks the join against the new version",
		  "[sql][epq]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster), b(cluster);
	REQUIRE(a.Exec("create table epq_acc (id int primary key, bal int)").ok());
	REQUIRE(a.Exec("create table epq_add (id int, k int)").ok());
	REQUIRE(a.Exec("insert into epq_acc values (1, 0), (2, 0)").ok());
	REQUIRE(a.Exec("insert into epq_add values (1, 10), (2, 20)").ok());
	HoldChange(a, "update epq_acc set bal = bal + 5 where id = 1");
	SqlOutcome o = AfterCommitOf(
		a, b, "update epq_acc set bal = epq_acc.bal + d.k from epq_add d where d.id = epq_acc.id");
	REQUIRE(o.ok());
	REQUIRE(a.Exec("select bal from epq_acc where id = 1").value == "15");
	REQUIRE(a.Exec("select bal from epq_acc where id = 2").value == "20");
	/* The join key changed: the new version joins no row, and is skipped. */
	HoldChange(a, "update epq_acc set id = 7 where id = 1");
	o = AfterCommitOf(
		a, b, "update epq_acc set bal = 0 from epq_add d where d.id = epq_acc.id and d.k = 10");
	REQUIRE(o.ok());
	REQUIRE(a.Exec("select bal from epq_acc where id = 7").value == "15");
	/* The other table's row is the one first joined (PostgreSQL's
	 * ROW_MARK_REFERENCE), not any row matching the new version. */
	REQUIRE(a.Exec("create table epq_t (k int, v int)").ok());
	REQUIRE(a.Exec("insert into epq_t values (1, 0)").ok());
	REQUIRE(a.Exec("insert into epq_add values (7, 70)").ok());
	HoldChange(a, "update epq_t set k = 7");
	o = AfterCommitOf(a, b, "update epq_t set v = d.k from epq_add d where d.id = epq_t.k");
	REQUIRE(o.ok());
	REQUIRE(a.Exec("select v from epq_t").value == "0");
	HoldChange(a, "update epq_t set v = 1");
	o = AfterCommitOf(a, b, "delete from epq_t using epq_add d where d.id = epq_t.k returning d.k");
	REQUIRE(o.ok());
	REQUIRE(o.value == "70");
	REQUIRE(a.Exec("select count(*) from epq_t").value == "0");
}

TEST_CASE("REPEATABLE READ: a row changed by a concurrent commit is 40001", "[sql][epq]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster), b(cluster);
	REQUIRE(a.Exec("create table epq_acc (id int primary key, bal int)").ok());
	REQUIRE(a.Exec("insert into epq_acc values (1, 0), (2, 0)").ok());
	REQUIRE(b.Exec("set default_transaction_isolation = 'repeatable read'").ok());
	struct Case
	{
		std::string other, mine, message;
	};
	std::vector<Case> cases = {
		{"update epq_acc set bal = bal + 1 where id = 1", "update epq_acc set bal = 5 where id = 1",
		 "could not serialize access due to concurrent update"},
		{"update epq_acc set bal = bal + 1 where id = 1", "delete from epq_acc where id = 1",
		 "could not serialize access due to concurrent update"},
		{"delete from epq_acc where id = 2", "update epq_acc set bal = 5 where id = 2",
		 "could not serialize access due to concurrent delete"},
	};
	for (const Case &c : cases)
	{
		REQUIRE(b.Exec("begin").ok());
		REQUIRE(b.Exec("select count(*) from epq_acc").ok()); /* takes the snapshot */
		HoldChange(a, c.other);
		SqlOutcome o = AfterCommitOf(a, b, c.mine);
		REQUIRE(o.sqlstate == "40001");
		REQUIRE(o.message == c.message);
		REQUIRE(b.Exec("rollback").ok());
	}
	/* A writer that rolls back does not make the row fail. */
	REQUIRE(b.Exec("begin").ok());
	REQUIRE(b.Exec("select count(*) from epq_acc").ok());
	HoldChange(a, "update epq_acc set bal = 100 where id = 1");
	b.Send("update epq_acc set bal = bal + 1 where id = 1");
	REQUIRE(b.Waits());
	REQUIRE(a.Exec("rollback").ok());
	REQUIRE(b.Finish().ok());
	REQUIRE(b.Exec("commit").ok());
	REQUIRE(a.Exec("select bal from epq_acc where id = 1").value == "3");
}

TEST_CASE("Two transactions updating two rows in opposite order: one gets 40P01", "[sql][epq]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster), b(cluster);
	REQUIRE(a.Exec("create table epq_acc (id int primary key, bal int)").ok());
	REQUIRE(a.Exec("insert into epq_acc values (1, 0), (2, 0)").ok());
	HoldChange(a, "update epq_acc set bal = bal + 1 where id = 1");
	HoldChange(b, "update epq_acc set bal = bal + 1 where id = 2");
	a.Send("update epq_acc set bal = bal + 1 where id = 2");
	REQUIRE(a.Waits());
	b.Send("update epq_acc set bal = bal + 1 where id = 1");
	/* The first whose deadlock_timeout expires finds the cycle and fails
	 * (a, which waited first); the other then goes on. */
	SqlOutcome oa = a.Finish();
	SqlOutcome ob = b.Finish();
	REQUIRE((oa.sqlstate == "40P01") != (ob.sqlstate == "40P01"));
	SqlOutcome &victim = oa.sqlstate == "40P01" ? oa : ob;
	REQUIRE((oa.sqlstate == "40P01" ? ob : oa).ok());
	REQUIRE(victim.message == "deadlock detected");
	/* PostgreSQL's DETAIL: each process, the transaction it waits for,
	 * and who holds it. */
	INFO(victim.detail);
	for (auto [waiter, holder] : {std::pair{&a, &b}, std::pair{&b, &a}})
	{
		std::string line = "Process " + std::to_string(waiter->BackendPid()) +
			" waits for ShareLock on transaction ";
		size_t at = victim.detail.find(line);
		REQUIRE(at != std::string::npos);
		std::string blocked = "; blocked by process " + std::to_string(holder->BackendPid()) + ".";
		REQUIRE(victim.detail.find(blocked, at) != std::string::npos);
	}
	REQUIRE(a.Exec("commit").ok());
	REQUIRE(b.Exec("commit").ok());
	/* The survivor's two increments stay, the victim's are gone. */
	REQUIRE(a.Exec("select sum(bal) from epq_acc").value == "2");
}

TEST_CASE("READ COMMITTED: many sessions incrementing one row lose no update", "[sql][epq]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session setup(cluster);
	REQUIRE(setup.Exec("create table epq_branches (bid int primary key, bbalance int)").ok());
	REQUIRE(setup.Exec("insert into epq_branches values (1, 0), (2, 0)").ok());
	constexpr int kSessions = 4;
	constexpr int kRounds = 50;
	std::vector<std::unique_ptr<Session>> sessions;
	for (int i = 0; i < kSessions; i++)
		sessions.push_back(std::make_unique<Session>(cluster));
	std::vector<int> failures(kSessions, 0);
	std::vector<std::thread> threads;
	for (int i = 0; i < kSessions; i++)
		threads.emplace_back([&, i] {
			for (int r = 0; r < kRounds; r++)
			{
				Session &s = *sessions[i];
				bool ok = s.Exec("begin").ok() &&
					s.Exec("update epq_branches set bbalance = bbalance + 1 where bid = 1").ok() &&
					s.Exec("update epq_branches set bbalance = bbalance + 2 where bid = 2").ok() &&
					s.Exec("commit").ok();
				if (!ok)
					failures[i]++;
			}
		});
	for (std::thread &t : threads)
		t.join();
	for (int f : failures)
		REQUIRE(f == 0);
	REQUIRE(setup.Exec("select bbalance from epq_branches where bid = 1").value ==
			std::to_string(kSessions * kRounds));
	REQUIRE(setup.Exec("select bbalance from epq_branches where bid = 2").value ==
			std::to_string(2 * kSessions * kRounds));
}

TEST_CASE("SELECT FOR UPDATE waits for a writer, then returns the newest version if it qualifies",
		  "[sql][epq][forupdate]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster), b(cluster);
	REQUIRE(a.Exec("create table epq_acc (id int primary key, bal int)").ok());
	REQUIRE(a.Exec("insert into epq_acc values (1, 0), (2, 0)").ok());
	HoldChange(a, "update epq_acc set bal = bal + 100 where id = 1");
	SqlOutcome o = AfterCommitOf(a, b, "select bal from epq_acc where id = 1 for update");
	REQUIRE(o.ok());
	REQUIRE(o.value == "100");
	/* Re-checked: the new version no longer satisfies WHERE. */
	HoldChange(a, "update epq_acc set bal = 5 where id = 2");
	o = AfterCommitOf(a, b, "select id from epq_acc where bal = 0 order by id for update");
	REQUIRE(o.ok());
	REQUIRE(o.value.empty());
	/* A locked row blocks an UPDATE of another session until the locker ends. */
	REQUIRE(b.Exec("begin").ok());
	REQUIRE(b.Exec("select * from epq_acc where id = 1 for update").ok());
	a.Send("update epq_acc set bal = bal + 1 where id = 1");
	REQUIRE(a.Waits());
	/* … but not a plain reader. */
	REQUIRE(b.Exec("select bal from epq_acc where id = 1").value == "100");
	REQUIRE(b.Exec("commit").ok());
	REQUIRE(a.Finish().ok());
	REQUIRE(a.Exec("select bal from epq_acc where id = 1").value == "101");
}

TEST_CASE("FOR UPDATE NOWAIT fails with 55P03 on a row another transaction holds",
		  "[sql][epq][forupdate]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster), b(cluster);
	REQUIRE(a.Exec("create table epq_acc (id int primary key, bal int)").ok());
	REQUIRE(a.Exec("insert into epq_acc values (1, 0), (2, 0)").ok());
	for (std::string held : {"update epq_acc set bal = 1 where id = 1",
							 "select * from epq_acc where id = 1 for share"})
	{
		HoldChange(a, held);
		SqlOutcome o = b.Exec("select * from epq_acc where id = 1 for update nowait");
		REQUIRE(o.sqlstate == "55P03");
		REQUIRE(o.message == "could not obtain lock on row in relation \"epq_acc\"");
		/* Other rows are free. */
		REQUIRE(b.Exec("select id from epq_acc where id = 2 for update nowait").value == "2");
		REQUIRE(a.Exec("commit").ok());
	}
}

TEST_CASE("FOR UPDATE SKIP LOCKED: two sessions take different rows of a queue",
		  "[sql][epq][forupdate]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster), b(cluster), c(cluster);
	REQUIRE(a.Exec("create table epq_jobs (id int primary key, done bool)").ok());
	REQUIRE(a.Exec("insert into epq_jobs values (1, false), (2, false), (3, false)").ok());
	const std::string take =
		"select id from epq_jobs where not done order by id for update skip locked limit 1";
	REQUIRE(a.Exec("begin").ok());
	REQUIRE(a.Exec(take).value == "1");
	REQUIRE(b.Exec("begin").ok());
	REQUIRE(b.Exec(take).value == "2");
	REQUIRE(c.Exec(take).value == "3");
	REQUIRE(a.Exec("update epq_jobs set done = true where id = 1").ok());
	REQUIRE(a.Exec("commit").ok());
	REQUIRE(b.Exec("commit").ok());
	REQUIRE(c.Exec(take).value == "2");
}

TEST_CASE("REPEATABLE READ: FOR UPDATE of a row changed by a concurrent commit is 40001",
		  "[sql][epq][forupdate]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster), b(cluster);
	REQUIRE(a.Exec("create table epq_acc (id int primary key, bal int)").ok());
	REQUIRE(a.Exec("insert into epq_acc values (1, 0), (2, 0)").ok());
	REQUIRE(b.Exec("set default_transaction_isolation = 'repeatable read'").ok());
	for (std::string other :
		 {"update epq_acc set bal = 1 where id = 1", "delete from epq_acc where id = 1"})
	{
		REQUIRE(b.Exec("begin").ok());
		REQUIRE(b.Exec("select count(*) from epq_acc").ok());
		HoldChange(a, other);
		SqlOutcome o = AfterCommitOf(a, b, "select * from epq_acc where id = 1 for update");
		REQUIRE(o.sqlstate == "40001");
		/* PostgreSQL's LockRows says "update" for a concurrent delete too. */
		REQUIRE(o.message == "could not serialize access due to concurrent update");
		REQUIRE(b.Exec("rollback").ok());
	}
}
