/*
 * onconflict_sessions_test.cpp — INSERT … ON CONFLICT between concurrent
 * sessions, as PostgreSQL behaves: two upserts of one key never fail with
 * 23505 and lose no increment; an upsert waits for a transaction inserting
 * the same key and then updates its row (or inserts, if it rolled back);
 * REPEATABLE READ refuses a conflict with a row its snapshot does not see
 * (40001).
 */
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"

using namespace tusk::test;

namespace {

/* Run each statement of sqls in session s; the failures' SQLSTATE and
 * message (checked by the caller: Catch2 is not used across threads). */
std::vector<std::string> RunAll(Session &s, const std::vector<std::string> &sqls)
{
	std::vector<std::string> failures;
	for (const std::string &sql : sqls)
	{
		SqlOutcome o = s.Exec(sql);
		if (!o.ok())
			failures.push_back(o.sqlstate + " " + o.message);
	}
	return failures;
}

}  // namespace

TEST_CASE("sessions upserting the same keys lose no update and never fail", "[sql][onconflict]")
{
	Cluster cluster;
	InitAndStart(cluster);
	constexpr int kSessions = 4;
	constexpr int kRounds = 200;
	std::vector<std::unique_ptr<Session>> sessions;
	for (int i = 0; i < kSessions; i++)
		sessions.push_back(std::make_unique<Session>(cluster));
	Session &a = *sessions[0];
	REQUIRE(a.Exec("create table oc_counter (k int primary key, n int not null)").ok());
	std::vector<std::string> sqls;
	for (int i = 0; i < kRounds; i++)
	{
		/* One hot key, first inserted by whichever session comes first … */
		sqls.push_back("insert into oc_counter values (1, 1) on conflict (k) do update set n = "
					   "oc_counter.n + 1");
		/* … and new keys, each inserted by every session at about the
		 * same time (where an unguarded check-then-insert gets 23505). */
		sqls.push_back("insert into oc_counter as t values (" + std::to_string(1000 + i) +
					   ", 1) on conflict (k) do update set n = t.n + excluded.n");
		sqls.push_back("insert into oc_counter values (" + std::to_string(5000 + i) +
					   ", 1) on conflict do nothing");
	}
	std::vector<std::vector<std::string>> failures(kSessions);
	std::vector<std::thread> threads;
	for (int i = 0; i < kSessions; i++)
		threads.emplace_back([&, i] {
			failures[static_cast<size_t>(i)] = RunAll(*sessions[static_cast<size_t>(i)], sqls);
		});
	for (std::thread &t : threads)
		t.join();
	for (const auto &f : failures)
	{
		INFO((f.empty() ? std::string() : f.front()));
		REQUIRE(f.empty());
	}
	REQUIRE(a.Exec("select n from oc_counter where k = 1").value ==
			std::to_string(kSessions * kRounds));
	REQUIRE(a.Exec("select count(*) from oc_counter where k >= 1000 and k < 5000 and n = " +
				   std::to_string(kSessions))
				.value == std::to_string(kRounds));
	REQUIRE(a.Exec("select count(*) from oc_counter where k >= 5000 and n = 1").value ==
			std::to_string(kRounds));
	REQUIRE(a.Exec("select count(*) from oc_counter").value == std::to_string(2 * kRounds + 1));
}

TEST_CASE("an upsert waits for the transaction inserting its key", "[sql][onconflict]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster), b(cluster);
	REQUIRE(a.Exec("create table oc_wait (k int primary key, n int)").ok());

	/* The inserter commits: the waiting upsert updates its row. */
	REQUIRE(a.Exec("begin").ok());
	REQUIRE(a.Exec("insert into oc_wait values (1, 10)").ok());
	b.Send("insert into oc_wait values (1, 1) on conflict (k) do update set n = oc_wait.n + 1 "
		   "returning n");
	REQUIRE(b.Waits());
	REQUIRE(a.Exec("commit").ok());
	SqlOutcome o = b.Finish();
	REQUIRE(o.ok());
	REQUIRE(o.value == "11");

	/* The inserter rolls back: the waiting upsert inserts. */
	REQUIRE(a.Exec("begin").ok());
	REQUIRE(a.Exec("insert into oc_wait values (2, 10)").ok());
	b.Send("insert into oc_wait values (2, 1) on conflict (k) do update set n = oc_wait.n + 1 "
		   "returning n");
	REQUIRE(b.Waits());
	REQUIRE(a.Exec("rollback").ok());
	o = b.Finish();
	REQUIRE(o.ok());
	REQUIRE(o.value == "1");

	/* A concurrent update of the conflicting row: READ COMMITTED waits,
	 * then updates the newest version. */
	REQUIRE(a.Exec("begin").ok());
	REQUIRE(a.Exec("update oc_wait set n = 100 where k = 1").ok());
	b.Send("insert into oc_wait values (1, 1) on conflict (k) do update set n = oc_wait.n + 1 "
		   "returning n");
	REQUIRE(b.Waits());
	REQUIRE(a.Exec("commit").ok());
	o = b.Finish();
	REQUIRE(o.ok());
	REQUIRE(o.value == "101");

	/* … and a concurrent delete of it: the upsert inserts. */
	REQUIRE(a.Exec("begin").ok());
	REQUIRE(a.Exec("delete from oc_wait where k = 1").ok());
	b.Send("insert into oc_wait values (1, 7) on conflict (k) do update set n = oc_wait.n + 1 "
		   "returning n");
	REQUIRE(b.Waits());
	REQUIRE(a.Exec("commit").ok());
	o = b.Finish();
	REQUIRE(o.ok());
	REQUIRE(o.value == "7");
}

TEST_CASE("REPEATABLE READ: a conflict with a row the snapshot does not see is 40001",
		  "[sql][onconflict]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster), b(cluster);
	REQUIRE(a.Exec("create table oc_rr (k int primary key, n int)").ok());
	REQUIRE(a.Exec("insert into oc_rr values (1, 0)").ok());
	for (std::string action : {"do nothing", "do update set n = oc_rr.n + 1"})
	{
		INFO(action);
		REQUIRE(b.Exec("begin isolation level repeatable read").ok());
		REQUIRE(b.Exec("select count(*) from oc_rr").ok());
		REQUIRE(a.Exec("insert into oc_rr values (2, 0)").ok());
		SqlOutcome o = b.Exec("insert into oc_rr values (2, 5) on conflict (k) " + action);
		REQUIRE(o.sqlstate == "40001");
		REQUIRE(o.message == "could not serialize access due to concurrent update");
		REQUIRE(b.Exec("rollback").ok());
		REQUIRE(a.Exec("delete from oc_rr where k = 2").ok());
	}
	/* A row updated since the snapshot was taken. */
	REQUIRE(b.Exec("begin isolation level repeatable read").ok());
	REQUIRE(b.Exec("select count(*) from oc_rr").ok());
	REQUIRE(a.Exec("update oc_rr set n = 5 where k = 1").ok());
	SqlOutcome o = b.Exec("insert into oc_rr values (1, 0) on conflict (k) do update set n = 9");
	REQUIRE(o.sqlstate == "40001");
	REQUIRE(b.Exec("rollback").ok());
	/* Rows the snapshot sees are fine. */
	REQUIRE(b.Exec("begin isolation level repeatable read").ok());
	o = b.Exec("insert into oc_rr values (1, 0) on conflict (k) do update set n = oc_rr.n + 1 "
			   "returning n");
	REQUIRE(o.ok());
	REQUIRE(o.value == "6");
	REQUIRE(b.Exec("commit").ok());
}
