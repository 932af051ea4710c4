/*
 * recovery_test.cpp — checkpoints and crash recovery as an operator sees
 * them: what initdb writes, the shutdown checkpoint, recovery after an
 * immediate stop and after a crashed checkpointer, and a damaged or
 * missing pg_control refusing to start.
 */
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "harness.h"

using namespace tusk::test;

namespace {

off_t FileSize(const std::string &path)
{
	struct stat st;
	return stat(path.c_str(), &st) == 0 ? st.st_size : -1;
}

/* Each needle appears after the previous one, starting at from. */
bool InOrder(const std::string &log, size_t from, const std::vector<std::string> &needles)
{
	size_t pos = from;
	for (const std::string &n : needles)
	{
		pos = log.find(n, pos);
		if (pos == std::string::npos)
			return false;
		pos += n.size();
	}
	return true;
}

void FlipByte(const std::string &path, off_t offset)
{
	std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
	REQUIRE(f.good());
	f.seekg(offset);
	char c;
	f.get(c);
	c ^= 0x10;
	f.seekp(offset);
	f.put(c);
}

}  // namespace

TEST_CASE("initdb bootstraps pg_control, the first WAL segment and the commit log", "[recovery]")
{
	Cluster cluster;
	auto r = cluster.InitDb({"--wal-segsize=1"});
	INFO(r.output());
	REQUIRE(r.exit_code == 0);
	REQUIRE(r.output().find("running bootstrap script ... ok") != std::string::npos);
	REQUIRE(FileSize(cluster.DataDir() + "/global/pg_control") == 8192);
	/* Bootstrap WAL-logs the catalog indexes and ends with a checkpoint,
	 * which may recycle the first segments: every segment left is whole. */
	int segments = 0;
	for (const auto &entry : std::filesystem::directory_iterator(cluster.DataDir() + "/pg_wal"))
		if (entry.path().filename().string().size() == 24)
		{
			segments++;
			REQUIRE(FileSize(entry.path().string()) == 1024 * 1024);
		}
	REQUIRE(segments >= 1);
	REQUIRE(FileSize(cluster.DataDir() + "/pg_xact/000000000000000") == 8192);

	Cluster bad;
	auto b = bad.InitDb({"--wal-segsize=3"});
	REQUIRE(b.exit_code == 1);
	REQUIRE(b.output().find("argument of --wal-segsize must be a power of 2 between 1 and 1024") !=
			std::string::npos);
}

TEST_CASE("A clean shutdown writes a checkpoint; the next start needs no recovery", "[recovery]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	REQUIRE(cluster.Stop("fast").exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	std::string log = cluster.Log();
	INFO(log);
	REQUIRE(InOrder(log, 0,
					{"database system was shut down at ",
					 "database system is ready to accept connections",
					 "received fast shutdown request", "shutting down",
					 "checkpoint starting: shutdown immediate", "checkpoint complete: wrote ",
					 "database system is shut down", "database system was shut down at ",
					 "database system is ready to accept connections"}));
	REQUIRE(log.find("automatic recovery in progress") == std::string::npos);
	/* The checkpointer runs while the server does. */
	REQUIRE(WaitUntil(
		[&] {
			for (int pid : Descendants(cluster.PostmasterPid()))
			{
				std::ifstream cmd("/proc/" + std::to_string(pid) + "/cmdline");
				std::string title;
				std::getline(cmd, title);
				if (title.find("checkpointer") != std::string::npos)
					return true;
			}
			return false;
		},
		5000));
}

TEST_CASE("After an immediate stop or a crashed checkpointer the server recovers", "[recovery]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	REQUIRE(cluster.Stop("immediate").exit_code == 0);
	REQUIRE(cluster.Start().exit_code == 0);
	std::string log = cluster.Log();
	INFO(log);
	size_t second = log.find("received immediate shutdown request");
	REQUIRE(second != std::string::npos);
	REQUIRE(
		InOrder(log, second,
				{"database system was interrupted; last known up at ",
				 "database system was not properly shut down; automatic recovery in progress",
				 "redo is not required", "checkpoint starting: end-of-recovery immediate wait",
				 "checkpoint complete: wrote ", "database system is ready to accept connections"}));

	/* The checkpointer dies: crash restart, recovery, a new checkpointer. */
	int postmaster = cluster.PostmasterPid();
	int checkpointer = 0;
	/* "ready to accept connections" may come before the checkpointer has
	 * set its title: look until it has. */
	REQUIRE(WaitUntil(
		[&] {
			for (int pid : Descendants(postmaster))
			{
				std::ifstream cmd("/proc/" + std::to_string(pid) + "/cmdline");
				std::string title;
				std::getline(cmd, title);
				if (title.find("checkpointer") != std::string::npos)
					checkpointer = pid;
			}
			return checkpointer > 0;
		},
		15000));
	size_t before = cluster.Log().size();
	REQUIRE(kill(checkpointer, SIGKILL) == 0);
	REQUIRE(WaitUntil(
		[&] {
			std::string l = cluster.Log();
			return l.find("database system is ready to accept connections", before) !=
				std::string::npos;
		},
		15000));
	log = cluster.Log();
	REQUIRE(InOrder(log, before,
					{"checkpointer process (PID " + std::to_string(checkpointer) +
						 ") was terminated by signal 9: Killed",
					 "terminating any other active server processes",
					 "all server processes terminated; reinitializing",
					 "automatic recovery in progress", "checkpoint starting: end-of-recovery",
					 "database system is ready to accept connections"}));
	REQUIRE(cluster.PostmasterPid() == postmaster);
	REQUIRE(cluster.Stop("fast").exit_code == 0);
}

TEST_CASE("A damaged or missing pg_control stops the server from starting", "[recovery]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	std::string control = cluster.DataDir() + "/global/pg_control";

	SECTION("damaged")
	{
		FlipByte(control, 40);
		auto r = cluster.Start();
		INFO(r.output() << cluster.Log());
		REQUIRE(r.exit_code != 0);
		REQUIRE(cluster.Log().find("FATAL:  incorrect checksum in control file") !=
				std::string::npos);
	}
	SECTION("missing")
	{
		REQUIRE(unlink(control.c_str()) == 0);
		auto r = cluster.Start();
		INFO(r.output() << cluster.Log());
		REQUIRE(r.exit_code != 0);
		REQUIRE(cluster.Log().find("PANIC:  could not open file \"global/pg_control\": No such "
								   "file or directory") != std::string::npos);
	}
}
