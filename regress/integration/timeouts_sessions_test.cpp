/*
 * timeouts_sessions_test.cpp — lock_timeout, idle_in_transaction_session_timeout
 * and idle_session_timeout between real sessions.
 */
#include <catch2/catch.hpp>

#include "harness.h"

using namespace tusk::test;

TEST_CASE("lock_timeout ends a wait for a lock, and only a wait", "[timeouts]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	Session a(cluster);
	Session b(cluster);
	REQUIRE(a.Exec("CREATE TABLE lt (id int PRIMARY KEY, v int)").ok());
	REQUIRE(a.Exec("INSERT INTO lt VALUES (1, 0)").ok());

	REQUIRE(a.Exec("BEGIN").ok());
	REQUIRE(a.Exec("LOCK TABLE lt IN ACCESS EXCLUSIVE MODE").ok());
	REQUIRE(b.Exec("SET lock_timeout = '200ms'").ok());
	SqlOutcome r = b.Exec("SELECT * FROM lt");
	CHECK(r.sqlstate == "55P03");
	CHECK(r.message == "canceling statement due to lock timeout");
	/* A row lock's wait is a lock wait too. */
	REQUIRE(a.Exec("ROLLBACK").ok());
	REQUIRE(a.Exec("BEGIN").ok());
	REQUIRE(a.Exec("UPDATE lt SET v = 1 WHERE id = 1").ok());
	r = b.Exec("UPDATE lt SET v = 2 WHERE id = 1");
	CHECK(r.sqlstate == "55P03");
	CHECK(r.message == "canceling statement due to lock timeout");
	/* A statement that does not wait is not limited by it. */
	REQUIRE(b.Exec("SELECT pg_sleep(0.4)").ok());
	/* Without the timeout, b waits until a is done. */
	REQUIRE(b.Exec("SET lock_timeout = 0").ok());
	b.Send("UPDATE lt SET v = 2 WHERE id = 1");
	CHECK(b.Waits(500));
	REQUIRE(a.Exec("COMMIT").ok());
	CHECK(b.Finish().ok());
	CHECK(a.Exec("SELECT v FROM lt").value == "2");
}

TEST_CASE("An idle session past idle_in_transaction_session_timeout or idle_session_timeout is "
		  "ended, and its transaction rolled back",
		  "[timeouts]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	Session watcher(cluster);
	REQUIRE(watcher.Exec("CREATE TABLE it (a int)").ok());
	{
		Session s(cluster);
		int pid = s.BackendPid();
		REQUIRE(s.Exec("SET idle_in_transaction_session_timeout = '300ms'").ok());
		/* Outside a transaction the session may idle. */
		REQUIRE(s.Exec("SELECT pg_sleep(0.6)").ok());
		REQUIRE(s.Exec("SELECT 1").ok());
		REQUIRE(s.Exec("BEGIN").ok());
		REQUIRE(s.Exec("INSERT INTO it VALUES (1)").ok());
		/* Busy is not idle: a long statement inside the transaction runs. */
		REQUIRE(s.Exec("SELECT pg_sleep(0.6)").ok());
		CHECK(
			cluster.WaitForLog("FATAL:  terminating connection due to idle-in-transaction timeout",
							   10000));
		CHECK(WaitUntil(
			[&] {
				return watcher
						   .Exec("SELECT count(*) FROM pg_stat_activity WHERE pid = " +
								 std::to_string(pid))
						   .value == "0";
			},
			10000));
		CHECK_FALSE(s.Exec("SELECT 1").ok());
	}
	CHECK(watcher.Exec("SELECT count(*) FROM it").value == "0");

	{
		Session s(cluster);
		int pid = s.BackendPid();
		REQUIRE(s.Exec("SET idle_session_timeout = '300ms'").ok());
		/* In a transaction, idle_session_timeout does not apply. */
		REQUIRE(s.Exec("BEGIN").ok());
		REQUIRE(watcher.Exec("SELECT pg_sleep(0.6)").ok());
		REQUIRE(s.Exec("INSERT INTO it VALUES (2)").ok());
		REQUIRE(s.Exec("COMMIT").ok());
		CHECK(cluster.WaitForLog("FATAL:  terminating connection due to idle-session timeout",
								 10000));
		CHECK(WaitUntil(
			[&] {
				return watcher
						   .Exec("SELECT count(*) FROM pg_stat_activity WHERE pid = " +
								 std::to_string(pid))
						   .value == "0";
			},
			10000));
	}
	CHECK(watcher.Exec("SELECT count(*) FROM it").value == "1");
}
