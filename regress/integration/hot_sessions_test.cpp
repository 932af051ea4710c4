/*
 * hot_sessions_test.cpp — heap-only tuples (HOT) across real sessions.
 *
 * An older snapshot keeps seeing the version of a row it saw, through the
 * index, while other sessions update the row hundreds of times and prune
 * its page; an index built over a HOT chain such a snapshot still sees is
 * not used by that snapshot (indcheckxmin), since the index holds only the
 * chain's newer values; and all of it survives an immediate stop.
 */
#include <catch2/catch.hpp>

#include <string>

#include "harness.h"

using namespace tusk::test;

namespace {

void Start(Cluster &cluster)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

void Ok(Session &s, const std::string &sql)
{
	SqlOutcome o = s.Exec(sql);
	INFO(sql << ": " << o.message);
	REQUIRE(o.ok());
}

std::string Value(Session &s, const std::string &sql)
{
	SqlOutcome o = s.Exec(sql);
	INFO(sql << ": " << o.message);
	REQUIRE(o.ok());
	return o.value;
}

}  // namespace

TEST_CASE("A snapshot keeps its version of a row through the index while others HOT-update and "
		  "prune it",
		  "[sql][hot]")
{
	Cluster cluster;
	Start(cluster);
	Session a(cluster);
	Session b(cluster);
	Ok(b, "create table h (id int primary key, v int, pad text)");
	Ok(b, "insert into h select g, 0, repeat('x', 100) from generate_series(1, 20) g");
	Ok(a, "set enable_seqscan = off");
	Ok(a, "begin isolation level repeatable read");
	REQUIRE(Value(a, "select v from h where id = 2") == "0");
	for (int i = 0; i < 300; i++)
		Ok(b, "update h set v = v + 1 where id = 2");
	/* The versions a still sees could not be pruned away. */
	REQUIRE(Value(a, "select v from h where id = 2") == "0");
	REQUIRE(Value(a, "select count(*) from h where id between 1 and 20") == "20");
	Ok(a, "commit");
	REQUIRE(Value(a, "select v from h where id = 2") == "300");

	/* Now nothing holds them: more updates prune the page as they go, and
	 * the table stops growing. */
	std::string pages = Value(b, "select pg_relation_size('h') / 8192");
	for (int i = 0; i < 300; i++)
		Ok(b, "update h set v = v + 1 where id = 3");
	REQUIRE(Value(b, "select pg_relation_size('h') / 8192") == pages);
	REQUIRE(Value(a, "select v from h where id = 3") == "300");
	REQUIRE(Value(a, "select sum(v) from h where id > 0") == "600");
	Ok(b, "vacuum h");
	REQUIRE(Value(a, "select sum(v) from h where id > 0") == "600");

	/* Replay rebuilds the chains and the prunings. */
	for (int i = 0; i < 100; i++)
		Ok(b, "update h set v = v + 1 where id = " + std::to_string(i % 20 + 1));
	auto r = cluster.PgCtl({"stop", "-m", "immediate"});
	INFO(r.output());
	REQUIRE(r.exit_code == 0);
	r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	Session c(cluster);
	REQUIRE(Value(c, "select sum(v) from h") == "700");
	Ok(c, "set enable_seqscan = off");
	REQUIRE(Value(c, "select sum(v) from h where id > 0") == "700");
	REQUIRE(Value(c, "select v from h where id = 3") == "305");
	REQUIRE(Value(c, "select count(*) from h where id between 1 and 20") == "20");
}

TEST_CASE("An index built over a HOT chain an older snapshot still sees is not used by it",
		  "[sql][hot]")
{
	Cluster cluster;
	Start(cluster);
	Session a(cluster);
	Session b(cluster);
	Ok(b, "create table h (id int primary key, v int)");
	Ok(b, "insert into h values (1, 1), (2, 1)");
	Ok(a, "set enable_seqscan = off");
	Ok(a, "begin isolation level repeatable read");
	REQUIRE(Value(a, "select count(*) from h") == "2");
	/* A HOT update: a still sees the old version, v = 1. */
	Ok(b, "update h set v = 2 where id = 1");
	Ok(b, "create index h_v on h (v)");
	REQUIRE(Value(b, "select indcheckxmin from pg_index where indexrelid = 'h_v'::regclass") ==
			"t");
	/* The index has the chain's newest value only; a must not use it. */
	REQUIRE(Value(a, "select count(*) from h where v = 1") == "2");
	REQUIRE(Value(a, "select count(*) from h where v = 2") == "0");
	REQUIRE(Value(a, "explain (costs off) select * from h where v = 2") == "Seq Scan on h");
	Ok(a, "commit");
	/* A newer transaction uses it and sees the new value. */
	REQUIRE(Value(a, "select count(*) from h where v = 1") == "1");
	REQUIRE(Value(a, "select count(*) from h where v = 2") == "1");
	REQUIRE(Value(a, "explain (costs off) select * from h where v = 2") ==
			"Index Scan using h_v on h");
}
