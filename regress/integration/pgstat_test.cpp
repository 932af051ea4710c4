/*
 * pgstat_test.cpp — the cumulative statistics across sessions and
 * restarts (utils/activity/pgstat.cpp, doc/utils/pgstat/README.md): one
 * session inserts, updates, deletes and scans, another reads the counters
 * once they are flushed; a rollback's rows become dead tuples; VACUUM and
 * ANALYZE set the live and dead counts; the counters survive a clean
 * restart and are gone after an immediate stop (crash recovery);
 * pg_stat_reset and pg_stat_reset_single_table_counters; the per-database
 * counters; stats_fetch_consistency.
 */
#include <catch2/catch.hpp>

#include <string>

#include "harness.h"

using namespace tusk::test;

namespace {

std::string Value(Session &s, const std::string &sql)
{
	SqlOutcome o = s.Exec(sql);
	INFO(sql << ": " << o.message);
	REQUIRE(o.ok());
	return o.value;
}

/* Columns of t's pg_stat_user_tables row, as one text, read by s in a
 * transaction of its own (the default cache lasts one transaction). */
std::string TableStats(Session &s, const std::string &table, const std::string &cols)
{
	return Value(s,
				 "select concat_ws(',', " + cols + ") from pg_stat_user_tables where relname = '" +
					 table + "'");
}

/* Wait until the other session's counters show up (a backend flushes when
 * it goes idle; pg_stat_force_next_flush makes that immediate). */
bool TableStatsBecome(Session &s, const std::string &table, const std::string &cols,
					  const std::string &want)
{
	return WaitUntil([&] { return TableStats(s, table, cols) == want; }, 15000);
}

const char *const kCounts = "n_tup_ins, n_tup_upd, n_tup_del, n_live_tup, n_dead_tup";

}  // namespace

TEST_CASE("Another session sees a table's inserts, updates, deletes and scans once committed",
		  "[pgstat]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	REQUIRE(a.Exec("create table t (id int primary key, v int)").ok());
	REQUIRE(a.Exec("insert into t select g, g from generate_series(1, 10) g").ok());
	REQUIRE(a.Exec("update t set v = v + 1 where id <= 3").ok());
	REQUIRE(a.Exec("delete from t where id = 10").ok());
	REQUIRE(a.Exec("select pg_stat_force_next_flush()").ok());
	CHECK(TableStatsBecome(b, "t", kCounts, "10,3,1,9,4"));

	/* A transaction still open shows nothing yet. */
	REQUIRE(a.Exec("begin").ok());
	REQUIRE(a.Exec("insert into t values (100, 100)").ok());
	REQUIRE(Value(a, "select pg_stat_get_xact_tuples_inserted('t'::regclass)") == "1");
	REQUIRE(a.Exec("select pg_stat_force_next_flush()").ok());
	CHECK(TableStats(b, "t", "n_tup_ins") == "10");
	REQUIRE(a.Exec("commit").ok());
	REQUIRE(a.Exec("select pg_stat_force_next_flush()").ok());
	CHECK(TableStatsBecome(b, "t", "n_tup_ins, n_live_tup", "11,10"));

	/* Scans: a sequential scan reads every live row; an index scan
	 * fetches one. */
	std::string seq_before = TableStats(b, "t", "seq_scan");
	REQUIRE(a.Exec("set enable_indexscan = off").ok());
	REQUIRE(Value(a, "select count(*) from t") == "10");
	REQUIRE(a.Exec("reset enable_indexscan").ok());
	REQUIRE(a.Exec("set enable_seqscan = off").ok());
	REQUIRE(Value(a, "select v from t where id = 5") == "5");
	REQUIRE(a.Exec("select pg_stat_force_next_flush()").ok());
	CHECK(WaitUntil(
		[&] {
			return TableStats(b, "t", "seq_scan") == std::to_string(std::stoll(seq_before) + 1);
		},
		15000));
	CHECK(Value(b,
				"select idx_scan >= 1 and idx_tup_fetch >= 1 from pg_stat_user_tables "
				"where relname = 't'") == "t");
	CHECK(Value(b,
				"select idx_scan >= 1 and idx_tup_read >= 1 and idx_tup_fetch >= 1 "
				"from pg_stat_user_indexes where indexrelname = 't_pkey'") == "t");
	CHECK(Value(b,
				"select heap_blks_hit + heap_blks_read > 0 and idx_blks_hit + idx_blks_read > 0 "
				"from pg_statio_user_tables where relname = 't'") == "t");
}

TEST_CASE("A rolled-back transaction's inserts count as inserted and dead, its deletes undone",
		  "[pgstat]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	REQUIRE(a.Exec("create table r (id int)").ok());
	REQUIRE(a.Exec("insert into r select generate_series(1, 5)").ok());
	REQUIRE(a.Exec("begin").ok());
	REQUIRE(a.Exec("insert into r select generate_series(6, 8)").ok());
	REQUIRE(a.Exec("delete from r where id = 1").ok());
	REQUIRE(a.Exec("rollback").ok());
	/* A subtransaction rolled back, its parent committed. */
	REQUIRE(a.Exec("begin").ok());
	REQUIRE(a.Exec("insert into r values (20)").ok());
	REQUIRE(a.Exec("savepoint s").ok());
	REQUIRE(a.Exec("insert into r values (21), (22)").ok());
	REQUIRE(a.Exec("rollback to savepoint s").ok());
	REQUIRE(a.Exec("commit").ok());
	REQUIRE(a.Exec("select pg_stat_force_next_flush()").ok());
	/* ins 5 + 3 + 1 + 2; del 1 (attempted); live 5 + 1; dead 3 + 2. */
	CHECK(TableStatsBecome(b, "r", kCounts, "11,0,1,6,5"));
	CHECK(Value(b,
				"select xact_rollback > 0 and xact_commit > 0 from pg_stat_database "
				"where datname = current_database()") == "t");
}

TEST_CASE("VACUUM and ANALYZE set live and dead tuples and record when they ran", "[pgstat]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	REQUIRE(a.Exec("create table v (id int)").ok());
	REQUIRE(a.Exec("insert into v select generate_series(1, 100)").ok());
	REQUIRE(a.Exec("delete from v where id <= 40").ok());
	REQUIRE(a.Exec("select pg_stat_force_next_flush()").ok());
	CHECK(TableStatsBecome(b, "v", "n_live_tup, n_dead_tup, vacuum_count, last_vacuum is null",
						   "60,40,0,t"));
	REQUIRE(a.Exec("vacuum v").ok());
	CHECK(TableStats(b, "v",
					 "n_live_tup, n_dead_tup, n_ins_since_vacuum, vacuum_count, "
					 "last_vacuum is not null, autovacuum_count, last_autovacuum is null") ==
		  "60,0,0,1,t,0,t");
	REQUIRE(a.Exec("insert into v select generate_series(1, 10)").ok());
	/* The insert reaches shared memory before ANALYZE sets the counts. */
	REQUIRE(a.Exec("select pg_stat_force_next_flush()").ok());
	REQUIRE(a.Exec("analyze v").ok());
	REQUIRE(a.Exec("select pg_stat_force_next_flush()").ok());
	CHECK(
		TableStatsBecome(b, "v",
						 "n_live_tup, n_mod_since_analyze, analyze_count, last_analyze is not null",
						 "70,0,1,t"));
}

TEST_CASE("The counters survive a clean restart and are reset by crash recovery", "[pgstat]")
{
	Cluster cluster;
	InitAndStart(cluster);
	{
		Session a(cluster);
		REQUIRE(a.Exec("create table k (id int)").ok());
		REQUIRE(a.Exec("insert into k select generate_series(1, 7)").ok());
	}
	/* The session's exit flushed its counters; a clean stop writes them. */
	{
		Session b(cluster);
		CHECK(TableStatsBecome(b, "k", "n_tup_ins, n_live_tup", "7,7"));
	}
	REQUIRE(cluster.Stop("fast").exit_code == 0);
	auto started = cluster.Start();
	INFO(started.output() << cluster.Log());
	REQUIRE(started.exit_code == 0);
	{
		Session b(cluster);
		CHECK(TableStats(b, "k", "n_tup_ins, n_live_tup") == "7,7");
		CHECK(Value(b,
					"select xact_commit > 0 from pg_stat_database "
					"where datname = current_database()") == "t");
	}
	REQUIRE(cluster.Stop("immediate").exit_code == 0);
	started = cluster.Start();
	INFO(started.output() << cluster.Log());
	REQUIRE(started.exit_code == 0);
	{
		Session b(cluster);
		CHECK(TableStats(b, "k", "n_tup_ins, n_live_tup, seq_scan") == "0,0,0");
		CHECK(Value(b, "select count(*) from k") == "7");
	}
}

TEST_CASE("pg_stat_reset and pg_stat_reset_single_table_counters clear the counters", "[pgstat]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	REQUIRE(a.Exec("create table x (id int)").ok());
	REQUIRE(a.Exec("create table y (id int)").ok());
	REQUIRE(a.Exec("insert into x values (1), (2)").ok());
	REQUIRE(a.Exec("insert into y values (1), (2), (3)").ok());
	REQUIRE(a.Exec("select pg_stat_force_next_flush()").ok());
	CHECK(TableStatsBecome(b, "y", "n_tup_ins", "3"));
	CHECK(TableStatsBecome(b, "x", "n_tup_ins", "2"));
	REQUIRE(b.Exec("select pg_stat_reset_single_table_counters('x'::regclass)").ok());
	CHECK(TableStats(b, "x", "n_tup_ins") == "0");
	CHECK(TableStats(b, "y", "n_tup_ins") == "3");
	std::string reset_before = Value(b,
									 "select stats_reset from pg_stat_database "
									 "where datname = current_database()");
	REQUIRE(b.Exec("select pg_stat_reset()").ok());
	CHECK(TableStats(b, "y", "n_tup_ins") == "0");
	/* (b's own commits since are pending in b, a has nothing pending.) */
	CHECK(Value(b,
				"select tup_inserted from pg_stat_database "
				"where datname = current_database()") == "0");
	CHECK(Value(b,
				"select stats_reset from pg_stat_database "
				"where datname = current_database()") != reset_before);
}

TEST_CASE("stats_fetch_consistency: cache and snapshot keep values for the transaction, none "
		  "does not",
		  "[pgstat]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session a(cluster);
	Session b(cluster);
	REQUIRE(a.Exec("create table c (id int)").ok());
	REQUIRE(a.Exec("insert into c values (1)").ok());
	REQUIRE(a.Exec("select pg_stat_force_next_flush()").ok());
	CHECK(TableStatsBecome(b, "c", "n_tup_ins", "1"));
	for (const char *mode : {"cache", "snapshot", "none"})
	{
		INFO(mode);
		REQUIRE(b.Exec(std::string("set stats_fetch_consistency = ") + mode).ok());
		REQUIRE(b.Exec("begin").ok());
		std::string first = TableStats(b, "c", "n_tup_ins");
		REQUIRE(a.Exec("insert into c values (1)").ok());
		REQUIRE(a.Exec("select pg_stat_force_next_flush()").ok());
		REQUIRE(a.Exec("select 1").ok()); /* idle again: flushed */
		bool changed = WaitUntil([&] { return TableStats(b, "c", "n_tup_ins") != first; },
								 std::string(mode) == "none" ? 15000 : 1500);
		CHECK(changed == (std::string(mode) == "none"));
		REQUIRE(b.Exec("select pg_stat_clear_snapshot()").ok());
		CHECK(WaitUntil([&] { return TableStats(b, "c", "n_tup_ins") != first; }, 15000));
		REQUIRE(b.Exec("commit").ok());
	}
}

TEST_CASE("pg_stat_database counts sessions, backends and transactions", "[pgstat]")
{
	Cluster cluster;
	InitAndStart(cluster);
	Session b(cluster);
	{
		Session a(cluster);
		REQUIRE(Value(b,
					  "select numbackends from pg_stat_database "
					  "where datname = current_database()") == "2");
	}
	CHECK(WaitUntil(
		[&] {
			return Value(b,
						 "select sessions >= 2 and session_time > 0 and numbackends = 1 "
						 "from pg_stat_database where datname = current_database()") == "t";
		},
		15000));
	CHECK(Value(b, "select count(*) from pg_stat_database where datid = 0 and datname is null") ==
		  "1");
}
