/*
 * storage_crash_test.cpp — the storage engine survives SIGKILL.
 *
 * The test_storage module's workers run transactions through the storage
 * interfaces and acknowledge each commit in a file they fsync (inserts),
 * or move money between accounts (ledger).  Each cycle kills a process at
 * a random moment — a writer in the middle of its work, the checkpointer,
 * or the postmaster itself — and after the restart and crash recovery
 * the module's verifier must find every acknowledged row exactly once and
 * no row twice, or the accounts' total unchanged.  Each cycle's outcome
 * is read from the verifier's report.
 */
#include <catch2/catch.hpp>

#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "harness.h"

using namespace tusk::test;

namespace {

std::vector<int> ProcessesTitled(const std::string &cluster_name, const std::string &prefix)
{
	std::vector<int> pids;
	std::string want = "postgres: " + cluster_name + ": " + prefix;
	DIR *d = opendir("/proc");
	while (struct dirent *de = readdir(d))
	{
		int pid = atoi(de->d_name);
		if (pid <= 0)
			continue;
		std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline");
		std::string cmd;
		std::getline(in, cmd, '\0');
		if (cmd.rfind(want, 0) == 0)
			pids.push_back(pid);
	}
	closedir(d);
	return pids;
}

struct StorageCluster
{
	Cluster cluster;
	std::string name;

	explicit StorageCluster(const std::vector<std::string> &conf)
	{
		name = "stgtest" + std::to_string(cluster.Port());
		REQUIRE(cluster.InitDb().exit_code == 0);
		cluster.AppendConf("shared_preload_libraries = 'test_storage'");
		cluster.AppendConf("cluster_name = '" + name + "'");
		cluster.AppendConf("restart_after_crash = on");
		for (const auto &line : conf)
			cluster.AppendConf(line);
		auto r = cluster.Start();
		INFO(r.output() << cluster.Log());
		REQUIRE(r.exit_code == 0);
	}

	std::string ReportPath() const { return cluster.DataDir() + "/test_storage/report"; }

	/* The verifier's next report (the old one is removed first). */
	std::string WaitForReport()
	{
		std::string report;
		bool got = WaitUntil(
			[&] {
				std::ifstream in(ReportPath());
				return static_cast<bool>(std::getline(in, report)) && !report.empty();
			},
			60000);
		INFO(cluster.Log());
		REQUIRE(got);
		return report;
	}

	void RemoveReport() { unlink(ReportPath().c_str()); }
};

long Field(const std::string &report, const std::string &key)
{
	size_t pos = report.find(key + "=");
	REQUIRE(pos != std::string::npos);
	return std::stol(report.substr(pos + key.size() + 1));
}

/* Kill something at a random moment; return once the server runs again. */
void KillAndRecover(StorageCluster &sc, int cycle, std::mt19937 &rng)
{
	std::uniform_int_distribution<int> pause_ms(300, 900);
	usleep(static_cast<useconds_t>(pause_ms(rng)) * 1000);
	sc.RemoveReport();
	int victim_kind = cycle % 3;
	if (victim_kind == 0)
	{
		auto writers = ProcessesTitled(sc.name, "test_storage writer");
		REQUIRE_FALSE(writers.empty());
		REQUIRE(kill(writers[rng() % writers.size()], SIGKILL) == 0);
	}
	else if (victim_kind == 1)
	{
		auto checkpointer = ProcessesTitled(sc.name, "checkpointer");
		REQUIRE(checkpointer.size() == 1);
		REQUIRE(kill(checkpointer[0], SIGKILL) == 0);
	}
	else
	{
		int pm = sc.cluster.PostmasterPid();
		REQUIRE(kill(pm, SIGKILL) == 0);
		/* Its children notice and leave; then start it again. */
		REQUIRE(WaitUntil([&] { return kill(pm, 0) != 0 && ProcessesTitled(sc.name, "").empty(); },
						  30000));
		auto r = sc.cluster.Start();
		INFO(r.output() << sc.cluster.Log());
		REQUIRE(r.exit_code == 0);
	}
}

}  // namespace

TEST_CASE("Acknowledged commits survive SIGKILL of workers, the checkpointer and the postmaster",
		  "[crash]")
{
	StorageCluster sc({"test_storage.writers = 3", "test_storage.mode = 'inserts'",
					   "checkpoint_timeout = 30s", "max_wal_size = 32MB"});
	std::string first = sc.WaitForReport();
	REQUIRE(first.rfind("ok", 0) == 0);
	std::mt19937 rng(12345);
	long last_acked = 0;
	for (int cycle = 0; cycle < 6; cycle++)
	{
		CAPTURE(cycle);
		KillAndRecover(sc, cycle, rng);
		std::string report = sc.WaitForReport();
		INFO(report << "\n" << sc.cluster.Log());
		REQUIRE(report.rfind("ok", 0) == 0);
		long acked = Field(report, "acked");
		REQUIRE(acked >= last_acked);
		last_acked = acked;
	}
	REQUIRE(last_acked > 100);
	/* Recovery ran, and a clean stop and start find the same. */
	REQUIRE(sc.cluster.Log().find("database system was not properly shut down; automatic recovery "
								  "in progress") != std::string::npos);
	REQUIRE(sc.cluster.Stop("fast").exit_code == 0);
	sc.RemoveReport();
	REQUIRE(sc.cluster.Start().exit_code == 0);
	std::string final_report = sc.WaitForReport();
	REQUIRE(final_report.rfind("ok", 0) == 0);
	REQUIRE(Field(final_report, "acked") >= last_acked);
}

TEST_CASE("The ledger's total is unchanged by concurrent transfers and crashes", "[crash]")
{
	StorageCluster sc({"test_storage.writers = 4", "test_storage.mode = 'ledger'",
					   "test_storage.accounts = 6", "deadlock_timeout = 50ms"});
	std::string first = sc.WaitForReport();
	REQUIRE(first == "ok accounts=6 sum=6000");
	std::mt19937 rng(54321);
	for (int cycle = 0; cycle < 4; cycle++)
	{
		CAPTURE(cycle);
		KillAndRecover(sc, cycle, rng);
		std::string report = sc.WaitForReport();
		INFO(sc.cluster.Log());
		REQUIRE(report == "ok accounts=6 sum=6000");
	}
	/* Transfers in opposite orders deadlock; the loser rolls back. */
	INFO(sc.cluster.Log());
	REQUIRE(sc.cluster.Log().find("ERROR:  deadlock detected") != std::string::npos);
}
