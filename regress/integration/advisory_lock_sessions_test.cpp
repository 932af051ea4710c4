/*
 * advisory_lock_sessions_test.cpp — advisory locks between real sessions:
 * a held lock makes another session's pg_advisory_lock wait until it is
 * released (by pg_advisory_unlock, by the end of the transaction for
 * the _xact_ forms, or by the holder's disconnection), the try_ forms
 * return false instead of waiting, shared locks coexist, and two
 * sessions waiting for each other's locks end in 40P01.
 */
#include <catch2/catch.hpp>

#include <memory>

#include "harness.h"

using namespace tusk::test;

TEST_CASE("A session lock blocks another session until it is unlocked", "[advisory]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	REQUIRE(a.Exec("select pg_advisory_lock(42)").ok());
	REQUIRE(b.Exec("select pg_try_advisory_lock(42)").value == "f");
	REQUIRE(b.Exec("select pg_try_advisory_lock_shared(42)").value == "f");
	/* The int4 pair (0, 42) is another lock. */
	REQUIRE(b.Exec("select pg_try_advisory_lock(0, 42)").value == "t");
	b.Send("select pg_advisory_lock(42)");
	REQUIRE(b.Waits());
	REQUIRE(a.Exec("select pg_advisory_unlock(42)").value == "t");
	REQUIRE(b.Finish().ok());
	REQUIRE(a.Exec("select pg_try_advisory_lock(42)").value == "f");
	REQUIRE(b.Exec("select pg_advisory_unlock(42)").value == "t");
	REQUIRE(a.Exec("select pg_try_advisory_lock(42)").value == "t");
}

TEST_CASE("Shared advisory locks coexist and keep out an exclusive one", "[advisory]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	REQUIRE(a.Exec("select pg_advisory_lock_shared(1, 2)").ok());
	REQUIRE(b.Exec("select pg_try_advisory_lock_shared(1, 2)").value == "t");
	REQUIRE(b.Exec("select pg_advisory_unlock_shared(1, 2)").value == "t");
	b.Send("select pg_advisory_lock(1, 2)");
	REQUIRE(b.Waits());
	REQUIRE(a.Exec("select pg_advisory_unlock_all()").ok());
	REQUIRE(b.Finish().ok());
}

TEST_CASE("A transaction-level advisory lock is held until the transaction ends", "[advisory]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	REQUIRE(a.Exec("begin").ok());
	REQUIRE(a.Exec("select pg_advisory_xact_lock(7)").ok());
	b.Send("select pg_advisory_xact_lock(7)");
	REQUIRE(b.Waits());
	REQUIRE(a.Exec("commit").ok());
	REQUIRE(b.Finish().ok());
	/* b's own statement was its transaction: the lock is free again. */
	REQUIRE(a.Exec("select pg_try_advisory_xact_lock(7)").value == "t");
}

TEST_CASE("A session's advisory locks are released when it disconnects", "[advisory]")
{
	Cluster cluster;
	InitAndStart(cluster);
	auto a = std::make_unique<Session>(cluster);
	Session b(cluster);
	REQUIRE(a->Exec("select pg_advisory_lock(99)").ok());
	REQUIRE(a->Exec("select pg_advisory_lock_shared(100)").ok());
	b.Send("select pg_advisory_lock(99)");
	REQUIRE(b.Waits());
	a.reset();
	SqlOutcome o = b.Finish();
	INFO(o.message);
	REQUIRE(o.ok());
	/* The ending session lets go of its locks one after another (as
	 * PostgreSQL's does): 100 follows 99 a moment later. */
	REQUIRE(
		WaitUntil([&] { return b.Exec("select pg_try_advisory_lock(100)").value == "t"; }, 10000));
}

TEST_CASE("Two sessions waiting for each other's advisory locks: the first to check gets 40P01",
		  "[advisory]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	REQUIRE(a.Exec("select pg_advisory_lock(1)").ok());
	REQUIRE(b.Exec("select pg_advisory_lock(2)").ok());
	a.Send("select pg_advisory_lock(2)");
	REQUIRE(a.Waits(200));
	b.Send("select pg_advisory_lock(1)");
	/* a has waited longest, so its deadlock check comes first and finds
	 * the cycle; b waits on, since a keeps its session lock 1. */
	SqlOutcome oa = a.Finish();
	REQUIRE(oa.sqlstate == "40P01");
	REQUIRE(b.Waits(200));
	REQUIRE(a.Exec("select pg_advisory_unlock(1)").value == "t");
	REQUIRE(b.Finish().ok());
}

/* Not an advisory lock, but a function of the same family of system
 * functions that needs a real postmaster: pg_reload_conf signals it, and
 * every session then sees the configuration file's new value. */
TEST_CASE("pg_reload_conf makes the server reread postgresql.conf", "[advisory][reload]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	REQUIRE(a.Exec("show work_mem").value == "4MB");
	SqlOutcome before = a.Exec("select pg_conf_load_time()");
	cluster.AppendConf("work_mem = '8MB'");
	REQUIRE(a.Exec("select pg_reload_conf()").value == "t");
	REQUIRE(WaitUntil([&] { return a.Exec("show work_mem").value == "8MB"; }, 10000));
	REQUIRE(WaitUntil([&] { return a.Exec("select pg_conf_load_time()").value != before.value; },
					  10000));
	Session b(cluster);
	REQUIRE(b.Exec("show work_mem").value == "8MB");
}
