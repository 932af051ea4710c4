/*
 * open_files_test.cpp — a backend that touches more relations than
 * max_files_per_process allows keeps no more segment files open than that,
 * closing the least recently used and reopening them when needed.
 */
#include <catch2/catch.hpp>

#include <dirent.h>

#include <string>

#include "harness.h"

using namespace tusk::test;

namespace {

/* How many file descriptors a process has open (it runs as our user or we are root). */
int OpenFds(int pid)
{
	DIR *d = opendir(("/proc/" + std::to_string(pid) + "/fd").c_str());
	REQUIRE(d != nullptr);
	int n = 0;
	while (struct dirent *de = readdir(d))
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

}  // namespace

TEST_CASE("A session over many tables stays within max_files_per_process", "[storage][sql]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	cluster.AppendConf("max_files_per_process = 64");
	{
		auto r = cluster.Start();
		INFO(r.output() << cluster.Log());
		REQUIRE(r.exit_code == 0);
	}
	Session s(cluster);
	REQUIRE(s.Exec("SHOW max_files_per_process").value == "64");
	constexpr int kTables = 150; /* each a heap and an index: 300 files and more */
	for (int i = 0; i < kTables; i++)
	{
		std::string t = "many_" + std::to_string(i);
		auto r = s.Exec("CREATE TABLE " + t + " (a int PRIMARY KEY, b text)");
		INFO(r.message);
		REQUIRE(r.ok());
		r = s.Exec("INSERT INTO " + t + " VALUES (" + std::to_string(i) + ", 'x')");
		INFO(r.message);
		REQUIRE(r.ok());
	}
	/* Read every table through its index and by a scan, twice over: files reopen. */
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < kTables; i++)
		{
			std::string t = "many_" + std::to_string(i);
			auto r = s.Exec("SELECT b FROM " + t + " WHERE a = " + std::to_string(i));
			INFO(t << ": " << r.message);
			REQUIRE(r.value == "x");
			r = s.Exec("SELECT count(*) FROM " + t);
			REQUIRE(r.value == "1");
		}
	int fds = OpenFds(s.BackendPid());
	CAPTURE(fds);
	CHECK(fds <= 64);
	/* Writes to files closed meanwhile still reach the disk after a checkpoint. */
	REQUIRE(s.Exec("UPDATE many_0 SET b = 'y'").ok());
	REQUIRE(s.Exec("CHECKPOINT").ok());
	REQUIRE(cluster.Stop("immediate").exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	Session s2(cluster);
	REQUIRE(s2.Exec("SELECT b FROM many_0").value == "y");
	REQUIRE(s2.Exec("SELECT sum(a) FROM (SELECT a FROM many_149 UNION ALL SELECT a FROM many_7) x")
				.value == "156");
}
