/*
 * worker_spi_test.cpp — contrib/worker_spi, PostgreSQL 15's sample
 * background worker, on a real server: its own SQL test (sql/worker_spi.sql
 * of the sample, with the PL/pgSQL polling loops replaced by WaitUntil),
 * the static workers, their totals across a clean and a crash restart, a
 * launch with no free slot, pg_stat_activity, SIGTERM, and the module built
 * out of tree with its unchanged PGXS Makefile.
 *
 * What PostgreSQL 15 does in each case was checked by running its own
 * worker_spi (built with its PGXS) the same way: worker_spi_launch returns
 * NULL when no slot is free; static workers (BGW_NEVER_RESTART) are not
 * started again after SIGTERM nor after a crash restart; the tables and
 * totals they made survive both restarts.  Every cluster runs with
 * worker_spi.naptime = 1 so that a round takes a second.
 */
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "harness.h"

using namespace tusk::test;

namespace {

/* How long a worker may take to do what it does every second (the
 * machine running the tests may be busy). */
constexpr int kPatienceMs = 30000;

/* A cluster preloading worker_spi with naptime 1 and these settings. */
void StartWorkerSpi(Cluster &cluster, const std::vector<std::string> &conf = {})
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	cluster.AppendConf("shared_preload_libraries = 'worker_spi'");
	cluster.AppendConf("worker_spi.naptime = 1");
	for (const auto &line : conf)
		cluster.AppendConf(line);
	CommandResult r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

std::string Value(Session &s, const std::string &sql)
{
	SqlOutcome o = s.Exec(sql);
	INFO(sql << ": " << o.sqlstate << " " << o.message);
	REQUIRE(o.ok());
	return o.value;
}

void Ok(Session &s, const std::string &sql)
{
	(void) Value(s, sql);
}

/* Whether schemaN.counted exists (the worker's initialization is done). */
bool TableExists(const Cluster &cluster, int n)
{
	Session s(cluster);
	std::string sql = "select count(*) from pg_class c join pg_namespace n on "
					  "n.oid = c.relnamespace where n.nspname = 'schema";
	sql += std::to_string(n);
	sql += "' and c.relname = 'counted'";
	return s.Exec(sql).value == "1";
}

/* Lines of the server log containing needle. */
int CountLogLines(const Cluster &cluster, const std::string &needle)
{
	std::istringstream in(cluster.Log());
	std::string line;
	int n = 0;
	while (std::getline(in, line))
		if (line.find(needle) != std::string::npos)
			n++;
	return n;
}

/* The value of schemaN's total row once no delta is left ("" if none). */
std::string FoldedTotal(const Cluster &cluster, int n)
{
	std::string table = "schema";
	table += std::to_string(n);
	table += ".counted";
	std::string deltas = "select count(*) from ";
	deltas += table;
	deltas += " where type = 'delta'";
	std::string total = "select value from ";
	total += table;
	total += " where type = 'total'";
	Session s(cluster);
	bool folded = WaitUntil([&] { return s.Exec(deltas).value == "0"; }, kPatienceMs);
	INFO(cluster.Log());
	REQUIRE(folded);
	return s.Exec(total).value;
}

/* The pids of the worker_spi workers pg_stat_activity shows. */
std::vector<int> WorkerPids(Session &s)
{
	std::string list = s.Exec("select string_agg(pid::text, ' ' order by pid) from "
							  "pg_stat_activity where backend_type = 'worker_spi'")
						   .value;
	std::vector<int> pids;
	std::istringstream in(list);
	int pid;
	while (in >> pid)
		pids.push_back(pid);
	return pids;
}

std::string LibDir()
{
	CommandResult r = Run({TuskBin("pg_config"), "--pkglibdir"});
	REQUIRE(r.exit_code == 0);
	return r.out.substr(0, r.out.find('\n'));
}

std::string ExtensionDir()
{
	CommandResult r = Run({TuskBin("pg_config"), "--sharedir"});
	REQUIRE(r.exit_code == 0);
	std::string dir = r.out.substr(0, r.out.find('\n'));
	dir += "/extension";
	return dir;
}

}  // namespace

TEST_CASE("worker_spi's own SQL test: a launched worker folds the deltas into the total",
		  "[worker_spi]")
{
	Cluster cluster;
	StartWorkerSpi(cluster);
	Session s(cluster);

	Ok(s, "CREATE EXTENSION worker_spi");
	REQUIRE(Value(s, "SELECT worker_spi_launch(4) IS NOT NULL") == "t");
	/* wait until the worker completes its initialization */
	REQUIRE(WaitUntil([&] { return TableExists(cluster, 4); }, kPatienceMs));
	Ok(s, "INSERT INTO schema4.counted VALUES ('total', 0), ('delta', 1)");
	REQUIRE(Value(s, "SELECT pg_reload_conf()") == "t");
	/* wait until the worker has processed the tuple we just inserted */
	CHECK(FoldedTotal(cluster, 4) == "1");
	CHECK(Value(s, "SELECT string_agg(type || ' ' || value, ', ') FROM schema4.counted") ==
		  "total 1");
	CHECK(cluster.WaitForLog("worker_spi worker 4 initialized with schema4.counted", 1000));
	CHECK(cluster.WaitForLog("worker_spi worker 4: count in schema4.counted is now 1", 5000));
	/* the function is the extension's, as in PostgreSQL */
	CHECK(Value(s,
				"SELECT prorettype::regtype || ' ' || proisstrict::text || ' ' || prosrc || "
				"' ' || probin FROM pg_proc WHERE proname = 'worker_spi_launch'") ==
		  "integer true worker_spi_launch $libdir/worker_spi");
	CHECK(Value(s,
				"SELECT count(*) FROM pg_depend WHERE deptype = 'e' AND objid = "
				"'worker_spi_launch'::regproc") == "1");
}

TEST_CASE("worker_spi picks up a new naptime at pg_reload_conf()", "[worker_spi]")
{
	Cluster cluster;
	StartWorkerSpi(cluster);
	REQUIRE(WaitUntil([&] { return TableExists(cluster, 1); }, kPatienceMs));
	Session s(cluster);
	Ok(s, "INSERT INTO schema1.counted VALUES ('total', 0), ('delta', 2)");
	REQUIRE(FoldedTotal(cluster, 1) == "2");

	/* An hour between rounds: SIGHUP wakes the worker, which reloads and
	 * runs one round, then sleeps; a delta inserted after that stays. */
	cluster.AppendConf("worker_spi.naptime = 3600");
	REQUIRE(Value(s, "SELECT pg_reload_conf()") == "t");
	sleep(3);
	/* this backend reloaded too, before running its next statement */
	CHECK(Value(s, "SHOW worker_spi.naptime") == "3600");
	int rounds = CountLogLines(cluster, "worker_spi worker 1: count in schema1.counted");
	Ok(s, "INSERT INTO schema1.counted VALUES ('delta', 3)");
	sleep(3);
	CHECK(Value(s, "SELECT count(*) FROM schema1.counted WHERE type = 'delta'") == "1");
	CHECK(CountLogLines(cluster, "worker_spi worker 1: count in schema1.counted") == rounds);

	/* Back to one second: the reload wakes it, and it folds the delta. */
	cluster.AppendConf("worker_spi.naptime = 1");
	REQUIRE(Value(s, "SELECT pg_reload_conf()") == "t");
	CHECK(FoldedTotal(cluster, 1) == "5");
	CHECK(cluster.WaitForLog("worker_spi worker 1: count in schema1.counted is now 5", 5000));
}

TEST_CASE("Static workers start with the server, connect and create their tables", "[worker_spi]")
{
	Cluster cluster;
	StartWorkerSpi(cluster, {"worker_spi.total_workers = 3"});
	REQUIRE(WaitUntil([&] { return TableExists(cluster, 3); }, kPatienceMs));
	REQUIRE(
		WaitUntil([&] { return TableExists(cluster, 1) && TableExists(cluster, 2); }, kPatienceMs));
	CHECK(cluster.WaitForLog("worker_spi worker 1 initialized with schema1.counted", 1000));
	CHECK(cluster.WaitForLog("worker_spi worker 2 initialized with schema2.counted", 1000));
	CHECK(cluster.WaitForLog("worker_spi worker 3 initialized with schema3.counted", 1000));
	CHECK_FALSE(TableExists(cluster, 4));

	Session s(cluster);
	/* the table, its check constraint and the unique index on the total */
	CHECK(Value(s,
				"SELECT string_agg(attname || ':' || atttypid::regtype, ',' ORDER BY attnum) "
				"FROM pg_attribute WHERE attrelid = 'schema2.counted'::regclass AND "
				"attnum > 0") == "type:text,value:integer");
	SqlOutcome bad = s.Exec("INSERT INTO schema2.counted VALUES ('other', 1)");
	CHECK(bad.sqlstate == "23514");
	Ok(s, "INSERT INTO schema2.counted VALUES ('total', 10)");
	SqlOutcome twice = s.Exec("INSERT INTO schema2.counted VALUES ('total', 0)");
	CHECK(twice.sqlstate == "23505");
	CHECK(twice.message ==
		  "duplicate key value violates unique constraint \"counted_unique_total\"");
	Ok(s, "INSERT INTO schema2.counted VALUES ('delta', 5), ('delta', -1)");
	CHECK(FoldedTotal(cluster, 2) == "14");
	CHECK(cluster.WaitForLog("worker_spi worker 2: count in schema2.counted is now 14", 5000));
	/* without a total row the deltas are deleted all the same (PostgreSQL's
	 * statement: the DELETE in WITH runs whether or not the UPDATE finds a
	 * row), and nothing is logged */
	Ok(s, "INSERT INTO schema3.counted VALUES ('delta', 7)");
	CHECK(WaitUntil([&] { return Value(s, "SELECT count(*) FROM schema3.counted") == "0"; },
					kPatienceMs));
	CHECK(CountLogLines(cluster, "count in schema3.counted") == 0);
}

TEST_CASE("worker_spi.database names the workers' database; worker_spi.* is reserved",
		  "[worker_spi]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	{
		Session s(cluster);
		Ok(s, "CREATE DATABASE wsdb");
	}
	REQUIRE(cluster.Stop().exit_code == 0);
	cluster.AppendConf("shared_preload_libraries = 'worker_spi'");
	cluster.AppendConf("worker_spi.naptime = 1");
	cluster.AppendConf("worker_spi.database = 'wsdb'");
	cluster.AppendConf("worker_spi.naptiem = 3");
	CommandResult r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);

	auto in_wsdb = [&](const std::string &sql) {
		CommandResult q = cluster.Psql({"-d", "wsdb", "-Atc", sql});
		INFO(q.output());
		REQUIRE(q.exit_code == 0);
		return q.out;
	};
	REQUIRE(WaitUntil(
		[&] {
			return in_wsdb("select count(*) from pg_namespace where nspname in "
						   "('schema1', 'schema2')") == "2\n";
		},
		kPatienceMs));
	CHECK_FALSE(TableExists(cluster, 1));
	Session s(cluster);
	CHECK(Value(s,
				"SELECT string_agg(datname, ',') FROM pg_stat_activity WHERE backend_type "
				"= 'worker_spi'") == "wsdb,wsdb");
	(void) in_wsdb("INSERT INTO schema1.counted VALUES ('total', 1), ('delta', 1)");
	CHECK(WaitUntil([&] { return in_wsdb("SELECT value FROM schema1.counted") == "2\n"; },
					kPatienceMs));
	/* a misspelt worker_spi.* setting is dropped with PostgreSQL's warning */
	CHECK(cluster.WaitForLog("WARNING:  invalid configuration parameter name "
							 "\"worker_spi.naptiem\", removing it",
							 1000));
	CHECK(cluster.WaitForLog("DETAIL:  \"worker_spi\" is now a reserved prefix.", 1000));
}

TEST_CASE("The workers are in pg_stat_activity, connected to their database", "[worker_spi]")
{
	Cluster cluster;
	StartWorkerSpi(cluster);
	REQUIRE(
		WaitUntil([&] { return TableExists(cluster, 1) && TableExists(cluster, 2); }, kPatienceMs));
	Session s(cluster);
	/* After a round, each shows its statement, idle, waiting on its latch. */
	bool idle = WaitUntil(
		[&] {
			return s.Exec("SELECT count(*) FROM pg_stat_activity WHERE backend_type = "
						  "'worker_spi' AND state = 'idle' AND query LIKE 'WITH deleted AS "
						  "(DELETE FROM schema_.counted %'")
					   .value == "2";
		},
		kPatienceMs);
	INFO(s.Exec("SELECT string_agg(pid || ' ' || coalesce(state, '-') || ' ' || "
				"coalesce(query, '-'), E'\\n') FROM pg_stat_activity")
			 .value);
	CHECK(idle);
	CHECK(Value(s,
				"SELECT string_agg(DISTINCT datname || ' ' || (usename = current_user)::text "
				"|| ' ' || wait_event_type || '/' || wait_event, ',') FROM "
				"pg_stat_activity WHERE backend_type = 'worker_spi'") ==
		  "postgres true Extension/Extension");
	CHECK(WorkerPids(s).size() == 2);

	/* A dynamic worker joins them. */
	Ok(s, "CREATE EXTENSION worker_spi");
	std::string pid = Value(s, "SELECT worker_spi_launch(7)");
	REQUIRE_FALSE(pid.empty());
	CHECK(WaitUntil(
		[&] {
			return s.Exec(std::string("SELECT backend_type FROM pg_stat_activity WHERE pid = ") +
						  pid)
					   .value == "worker_spi";
		},
		kPatienceMs));
	CHECK(WorkerPids(s).size() == 3);
}

TEST_CASE("The workers in pg_stat_bgworker; DROP DATABASE ends them for good", "[worker_spi]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	{
		Session s(cluster);
		Ok(s, "CREATE DATABASE wsdrop");
		Ok(s, "CREATE EXTENSION worker_spi");
	}
	REQUIRE(cluster.Stop().exit_code == 0);
	cluster.AppendConf("shared_preload_libraries = 'worker_spi'");
	cluster.AppendConf("worker_spi.naptime = 1");
	cluster.AppendConf("worker_spi.database = 'wsdrop'");
	CommandResult r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	Session s(cluster);
	REQUIRE(WaitUntil(
		[&] {
			return s.Exec("SELECT count(*) FROM pg_stat_activity WHERE backend_type = "
						  "'worker_spi' AND datname = 'wsdrop'")
					   .value == "2";
		},
		kPatienceMs));
	/* A dynamic one (launched from postgres, connected to wsdrop too). */
	std::string dyn = Value(s, "SELECT worker_spi_launch(3)");
	REQUIRE_FALSE(dyn.empty());

	/* The registry: the two static workers and the dynamic one, running,
	 * with the pids pg_stat_activity shows. */
	CHECK(Value(s,
				"SELECT string_agg(name || '|' || type || '|' || library || '|' || function || "
				"'|' || start_time || '|' || coalesce(restart_time::text, 'never') || '|' || "
				"dynamic || '|' || state || '|' || starts, E'\n' ORDER BY name) FROM "
				"pg_stat_bgworker WHERE type = 'worker_spi'") ==
		  "worker_spi worker 1|worker_spi|worker_spi|worker_spi_main|recovery "
		  "finished|never|false|running|1\n"
		  "worker_spi worker 2|worker_spi|worker_spi|worker_spi_main|recovery "
		  "finished|never|false|running|1\n"
		  "worker_spi worker 3|worker_spi|worker_spi|worker_spi_main|recovery "
		  "finished|never|true|running|1");
	CHECK(WaitUntil(
		[&] {
			return s.Exec("SELECT count(*) FROM pg_stat_bgworker b JOIN pg_stat_activity a "
						  "USING (pid) WHERE b.type = 'worker_spi' AND a.datname = 'wsdrop'")
					   .value == "3";
		},
		kPatienceMs));

	/* DROP DATABASE is not blocked by them (PostgreSQL refuses with 55006
	 * "is being accessed by other users"): they are terminated, say why,
	 * and do not come back. */
	SqlOutcome o = s.Exec("DROP DATABASE wsdrop");
	INFO(o.message << cluster.Log());
	REQUIRE(o.ok());
	CHECK(CountLogLines(cluster, "terminating background worker \"worker_spi\" (PID ") == 3);
	CHECK(CountLogLines(cluster, "because database \"wsdrop\" is being dropped") == 3);
	CHECK(Value(s, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'worker_spi'") ==
		  "0");
	CHECK(WaitUntil(
		[&] {
			return s.Exec("SELECT string_agg(state, ',') FROM pg_stat_bgworker WHERE type = "
						  "'worker_spi'")
					   .value == "stopped,stopped,stopped";
		},
		kPatienceMs));
	usleep(2500 * 1000); /* more than a naptime */
	CHECK(Value(s,
				"SELECT string_agg(DISTINCT state || '|' || starts, ',') FROM "
				"pg_stat_bgworker WHERE type = 'worker_spi'") == "stopped|1");
}

TEST_CASE("worker_spi_launch returns NULL when no background worker slot is free", "[worker_spi]")
{
	Cluster cluster;
	/* two static workers and one slot left */
	StartWorkerSpi(cluster, {"max_worker_processes = 3"});
	Session s(cluster);
	Ok(s, "CREATE EXTENSION worker_spi");
	std::string pid = Value(s, "SELECT worker_spi_launch(3)");
	CHECK_FALSE(pid.empty());
	SqlOutcome full = s.Exec("SELECT worker_spi_launch(4) IS NULL");
	CHECK(full.ok());
	CHECK(full.value == "t");
	/* STRICT: a NULL argument starts nothing */
	CHECK(Value(s, "SELECT worker_spi_launch(NULL) IS NULL") == "t");
	REQUIRE(WaitUntil([&] { return TableExists(cluster, 3); }, kPatienceMs));
	CHECK_FALSE(TableExists(cluster, 4));

	/* A slot frees when a worker exits: then a launch works again. */
	CHECK(kill(std::stoi(pid), SIGTERM) == 0);
	bool launched =
		WaitUntil([&] { return s.Exec("SELECT worker_spi_launch(4) IS NOT NULL").value == "t"; },
				  kPatienceMs);
	CHECK(launched);
	CHECK(WaitUntil([&] { return TableExists(cluster, 4); }, kPatienceMs));
}

TEST_CASE("SIGTERM ends a worker cleanly and it is not restarted", "[worker_spi]")
{
	Cluster cluster;
	StartWorkerSpi(cluster);
	REQUIRE(
		WaitUntil([&] { return TableExists(cluster, 1) && TableExists(cluster, 2); }, kPatienceMs));
	Session s(cluster);
	REQUIRE(WaitUntil([&] { return WorkerPids(s).size() == 2; }, kPatienceMs));
	/* worker 1: the one whose round (after its first naptime) names schema1 */
	std::string victim_pid;
	REQUIRE(WaitUntil(
		[&] {
			victim_pid = Value(s,
							   "SELECT pid FROM pg_stat_activity WHERE backend_type = "
							   "'worker_spi' AND query LIKE '%schema1%'");
			return !victim_pid.empty();
		},
		kPatienceMs));
	int victim = std::stoi(victim_pid);
	int postmaster = cluster.PostmasterPid();
	REQUIRE(kill(victim, SIGTERM) == 0);
	REQUIRE(WaitUntil([&] { return WorkerPids(s).size() == 1; }, kPatienceMs));
	CHECK(cluster.WaitForLog(
		"FATAL:  terminating background worker \"worker_spi\" due to administrator command", 5000));
	CHECK(cluster.WaitForLog(std::string("(PID ") + std::to_string(victim) +
								 ") exited with exit code 1",
							 5000));
	/* no crash restart, no new worker 1; worker 2 goes on */
	sleep(3);
	CHECK(cluster.PostmasterPid() == postmaster);
	CHECK(CountLogLines(cluster, "terminating any other active server processes") == 0);
	CHECK(CountLogLines(cluster, "worker_spi worker 1 initialized") == 1);
	CHECK(WorkerPids(s).size() == 1);
	Ok(s, "INSERT INTO schema2.counted VALUES ('total', 0), ('delta', 4)");
	CHECK(FoldedTotal(cluster, 2) == "4");
	/* and nobody folds schema1's deltas any more */
	Ok(s, "INSERT INTO schema1.counted VALUES ('total', 0), ('delta', 4)");
	sleep(2);
	CHECK(Value(s, "SELECT count(*) FROM schema1.counted WHERE type = 'delta'") == "1");
}

TEST_CASE("The totals survive a clean restart; the workers find their tables", "[worker_spi]")
{
	Cluster cluster;
	StartWorkerSpi(cluster);
	REQUIRE(WaitUntil([&] { return TableExists(cluster, 1); }, kPatienceMs));
	{
		Session s(cluster);
		Ok(s, "INSERT INTO schema1.counted VALUES ('total', 0), ('delta', 5)");
	}
	REQUIRE(FoldedTotal(cluster, 1) == "5");
	REQUIRE(cluster.Stop().exit_code == 0);
	CommandResult r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	/* both runs initialized; the second found the schema and created nothing */
	REQUIRE(
		WaitUntil([&] { return CountLogLines(cluster, "worker_spi worker 1 initialized") == 2; },
				  kPatienceMs));
	{
		Session s(cluster);
		CHECK(Value(s, "SELECT value FROM schema1.counted WHERE type = 'total'") == "5");
		Ok(s, "INSERT INTO schema1.counted VALUES ('delta', 2)");
	}
	CHECK(FoldedTotal(cluster, 1) == "7");
	CHECK(cluster.WaitForLog("worker_spi worker 1: count in schema1.counted is now 7", 5000));
	CHECK(CountLogLines(cluster, "ERROR") == 0);
}

TEST_CASE("The totals survive a crash restart after a worker is killed", "[worker_spi]")
{
	Cluster cluster;
	StartWorkerSpi(cluster);
	REQUIRE(
		WaitUntil([&] { return TableExists(cluster, 1) && TableExists(cluster, 2); }, kPatienceMs));
	int victim = 0;
	{
		Session s(cluster);
		Ok(s, "INSERT INTO schema1.counted VALUES ('total', 0), ('delta', 5)");
		Ok(s, "INSERT INTO schema2.counted VALUES ('total', 100), ('delta', -1)");
		REQUIRE(FoldedTotal(cluster, 1) == "5");
		REQUIRE(FoldedTotal(cluster, 2) == "99");
		REQUIRE(WaitUntil([&] { return WorkerPids(s).size() == 2; }, kPatienceMs));
		victim = WorkerPids(s)[0];
	}
	int postmaster = cluster.PostmasterPid();
	REQUIRE(kill(victim, SIGKILL) == 0);
	REQUIRE(cluster.WaitForLog("was terminated by signal 9", kPatienceMs));
	REQUIRE(cluster.WaitForLog("all server processes terminated; reinitializing", kPatienceMs));
	bool back = WaitUntil(
		[&] {
			return CountLogLines(cluster, "database system is ready to accept connections") == 2;
		},
		kPatienceMs);
	INFO(cluster.Log());
	REQUIRE(back);
	CHECK(cluster.PostmasterPid() == postmaster);

	Session s(cluster);
	/* what the workers committed is there after recovery */
	CHECK(Value(s, "SELECT value FROM schema1.counted WHERE type = 'total'") == "5");
	CHECK(Value(s, "SELECT value FROM schema2.counted WHERE type = 'total'") == "99");
	/* BGW_NEVER_RESTART: as in PostgreSQL, the crash restart forgets them */
	sleep(2);
	CHECK(WorkerPids(s).empty());
	CHECK(CountLogLines(cluster, "worker_spi worker 1 initialized") == 1);
	/* a launched worker takes over schema1, and keeps its total */
	Ok(s, "CREATE EXTENSION worker_spi");
	CHECK(Value(s, "SELECT worker_spi_launch(1) IS NOT NULL") == "t");
	Ok(s, "INSERT INTO schema1.counted VALUES ('delta', 1)");
	CHECK(FoldedTotal(cluster, 1) == "6");
}

TEST_CASE("contrib/worker_spi builds out of tree with its unchanged PGXS Makefile",
		  "[worker_spi][installs]")
{
	namespace fs = std::filesystem;
	TempDir src;
	for (const char *file :
		 {"Makefile", "worker_spi.c", "worker_spi.control", "worker_spi--1.0.sql"})
	{
		fs::copy_file(SourceDir() + "/contrib/worker_spi/" + file, src.path() + "/" + file);
	}

	/* What meson installed goes: the server must load what make installs. */
	std::string so = LibDir() + "/worker_spi.so";
	std::string control = ExtensionDir() + "/worker_spi.control";
	std::string script = ExtensionDir() + "/worker_spi--1.0.sql";
	for (const auto &path : {so, control, script})
		fs::remove(path);

	RunOptions opts;
	opts.cwd = src.path();
	opts.as_root = true; /* installs into the installation under test */
	opts.timeout_sec = 120;
	std::string pg_config = "PG_CONFIG=";
	pg_config += TuskBin("pg_config");
	CommandResult make = Run({"make", pg_config}, opts);
	INFO(make.output());
	REQUIRE(make.exit_code == 0);
	CommandResult install = Run({"make", pg_config, "install"}, opts);
	INFO(install.output());
	REQUIRE(install.exit_code == 0);
	for (const auto &path : {so, control, script})
		REQUIRE(fs::exists(path));

	Cluster cluster;
	StartWorkerSpi(cluster);
	REQUIRE(
		WaitUntil([&] { return TableExists(cluster, 1) && TableExists(cluster, 2); }, kPatienceMs));
	Session s(cluster);
	Ok(s, "CREATE EXTENSION worker_spi");
	CHECK(Value(s, "SELECT worker_spi_launch(5) IS NOT NULL") == "t");
	CHECK(WaitUntil([&] { return TableExists(cluster, 5); }, kPatienceMs));
	Ok(s, "INSERT INTO schema5.counted VALUES ('total', 40), ('delta', 2)");
	CHECK(FoldedTotal(cluster, 5) == "42");
	CHECK(Run({"make", pg_config, "clean"}, opts).exit_code == 0);
}
