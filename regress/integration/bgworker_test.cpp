/*
 * bgworker_test.cpp — background workers on the real server, driven by the
 * test_bgw module (regress/modules/test_bgw) through its settings, observed
 * through the server log, the process titles and the module's dump of the
 * registry.
 */
#include <catch2/catch.hpp>

#include <dirent.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <libpq-fe.h>

#include "harness.h"

using namespace tusk::test;

namespace {

/* A cluster that preloads test_bgw with these extra settings.  Its
 * cluster_name is unique, so its processes can be found by title. */
struct WorkerCluster
{
	Cluster cluster;
	std::string name;

	explicit WorkerCluster(const std::vector<std::string> &conf, bool start = true)
	{
		name = "bgwtest" + std::to_string(cluster.Port());
		REQUIRE(cluster.InitDb().exit_code == 0);
		cluster.AppendConf("shared_preload_libraries = 'test_bgw'");
		cluster.AppendConf("cluster_name = '" + name + "'");
		for (const auto &line : conf)
			cluster.AppendConf(line);
		if (start)
		{
			auto r = cluster.Start();
			INFO(r.output() << cluster.Log());
			REQUIRE(r.exit_code == 0);
		}
	}
};

std::vector<std::string> LogLinesWith(const Cluster &cluster, const std::string &needle)
{
	std::vector<std::string> out;
	std::istringstream in(cluster.Log());
	std::string line;
	while (std::getline(in, line))
		if (line.find(needle) != std::string::npos)
			out.push_back(line);
	return out;
}

size_t CountLog(const Cluster &cluster, const std::string &needle)
{
	return LogLinesWith(cluster, needle).size();
}

bool WaitForCount(const Cluster &cluster, const std::string &needle, size_t n, int timeout_ms)
{
	return WaitUntil([&] { return CountLog(cluster, needle) >= n; }, timeout_ms);
}

/* Milliseconds of a log line's %m timestamp ("2026-11-25 03:04:09.145 UTC"). */
long long LineMs(const std::string &line)
{
	struct tm tm = {};
	int ms = 0;
	REQUIRE(sscanf(line.c_str(), "%d-%d-%d %d:%d:%d.%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
				   &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &ms) == 7);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return static_cast<long long>(timegm(&tm)) * 1000 + ms;
}

/* Pids of processes whose title starts with "postgres: <cluster>: <prefix>". */
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

bool Accepts(const Cluster &cluster)
{
	PGconn *c = PQconnectdb(cluster.ConnString().c_str());
	bool ok = PQstatus(c) == CONNECTION_OK;
	PQfinish(c);
	return ok;
}

}  // namespace

TEST_CASE("Static workers start at server start, with their process titles", "[bgworker]")
{
	WorkerCluster wc({"max_worker_processes = 60", "test_bgw.sleepers = 50"});
	/* The postmaster serves connections while it starts 50 workers. */
	REQUIRE(Accepts(wc.cluster));
	REQUIRE(WaitForCount(wc.cluster, "test_bgw sleeper", 50, 20000));
	REQUIRE(WaitUntil([&] { return ProcessesTitled(wc.name, "test_bgw sleeper ").size() == 50; },
					  10000));
	for (int i : {1, 25, 50})
		REQUIRE(CountLog(wc.cluster, "test_bgw sleeper " + std::to_string(i) + " started") == 1);
	REQUIRE(Accepts(wc.cluster));
}

TEST_CASE("Exit status 1 restarts after bgw_restart_time; 0 and BGW_NEVER_RESTART do not",
		  "[bgworker]")
{
	WorkerCluster wc({"test_bgw.exit1 = on", "test_bgw.restart_time = 2", "test_bgw.never = on",
					  "test_bgw.exit0 = on"});
	REQUIRE(WaitForCount(wc.cluster, "test_bgw exit1 started", 3, 15000));
	auto starts = LogLinesWith(wc.cluster, "test_bgw exit1 started");
	for (size_t i = 1; i < starts.size(); i++)
	{
		long long gap = LineMs(starts[i]) - LineMs(starts[i - 1]);
		INFO(starts[i - 1] << "\n" << starts[i]);
		REQUIRE(gap >= 1990); /* not before its restart time */
		REQUIRE(gap < 3000);  /* and within a second after */
	}
	std::string log = wc.cluster.Log();
	INFO(log);
	REQUIRE(log.find("background worker \"test_bgw exit1\" (PID ") != std::string::npos);
	REQUIRE(log.find(") exited with exit code 1") != std::string::npos);
	REQUIRE(CountLog(wc.cluster, "test_bgw never started") == 1);
	REQUIRE(CountLog(wc.cluster, "test_bgw exit0 started") == 1);
}

TEST_CASE("A worker killed by a signal causes a crash restart; workers come back", "[bgworker]")
{
	WorkerCluster wc({"test_bgw.sleepers = 2", "test_bgw.persistent = on"});
	int postmaster = wc.cluster.PostmasterPid();
	REQUIRE(WaitForCount(wc.cluster, "test_bgw persistent started", 1, 10000));
	REQUIRE(WaitForCount(wc.cluster, "test_bgw sleeper 2 started", 1, 10000));
	auto victims = ProcessesTitled(wc.name, "test_bgw sleeper 1");
	REQUIRE(victims.size() == 1);
	REQUIRE(kill(victims[0], SIGKILL) == 0);

	REQUIRE(wc.cluster.WaitForLog("all server processes terminated; reinitializing", 15000));
	std::string log = wc.cluster.Log();
	INFO(log);
	REQUIRE(log.find("background worker \"test_bgw\" (PID " + std::to_string(victims[0]) +
					 ") was terminated by signal 9: Killed") != std::string::npos);
	REQUIRE(log.find("terminating any other active server processes") != std::string::npos);
	/* Static workers and the restartable dynamic one come back; the
	 * launcher (BGW_NEVER_RESTART) does not. */
	REQUIRE(WaitForCount(wc.cluster, "test_bgw sleeper 1 started", 2, 15000));
	REQUIRE(WaitForCount(wc.cluster, "test_bgw sleeper 2 started", 2, 15000));
	REQUIRE(WaitForCount(wc.cluster, "test_bgw persistent started", 2, 15000));
	REQUIRE(CountLog(wc.cluster, "test_bgw launcher started") == 1);
	REQUIRE(wc.cluster.PostmasterPid() == postmaster);
	REQUIRE(kill(postmaster, 0) == 0);
	REQUIRE(Accepts(wc.cluster));
}

TEST_CASE(
	"Dynamic workers: register, wait for startup, terminate, wait for shutdown; slots run out "
	"cleanly",
	"[bgworker]")
{
	WorkerCluster wc({"max_worker_processes = 4", "test_bgw.sleepers = 1", "test_bgw.dynamic = 3"});
	REQUIRE(wc.cluster.WaitForLog("test_bgw launcher: done", 20000));
	std::string log = wc.cluster.Log();
	INFO(log);
	for (int i : {0, 1})
	{
		auto lines = LogLinesWith(wc.cluster,
								  "test_bgw launcher: dynamic worker " + std::to_string(i) +
									  " status 0 pid ");
		REQUIRE(lines.size() == 1);
		int pid = atoi(lines[0].substr(lines[0].rfind(' ') + 1).c_str());
		REQUIRE(pid > 0);
		/* The pid WaitForBackgroundWorkerStartup gave is the worker's own. */
		REQUIRE(log.find("test_bgw dynamic " + std::to_string(i) + " started (argument " +
						 std::to_string(i) + ", pid " + std::to_string(pid) + ")") !=
				std::string::npos);
		REQUIRE(log.find("test_bgw launcher: dynamic worker " + std::to_string(i) + " stopped") !=
				std::string::npos);
	}
	/* The third does not fit, and the log says who holds the slots. */
	REQUIRE(log.find("test_bgw launcher: registration 2 refused") != std::string::npos);
	REQUIRE(log.find("could not register background worker \"test_bgw dynamic 2\": all 4 "
					 "background worker slots are in use") != std::string::npos);
	REQUIRE(log.find("DETAIL:  2 are taken by workers registered at server start, 2 by running "
					 "dynamic workers, 0 by dynamic workers waiting to start or restart.") !=
			std::string::npos);
	REQUIRE(log.find("HINT:  Consider increasing the configuration parameter "
					 "\"max_worker_processes\".") != std::string::npos);
	/* The registry showed them running, then stopped. */
	REQUIRE(log.find("test_bgw registry: name=\"test_bgw dynamic 0\" type=\"test_bgw dynamic\" "
					 "function=test_bgw_sleeper_main state=running") != std::string::npos);
	REQUIRE(log.find("test_bgw registry: name=\"test_bgw dynamic 1\" type=\"test_bgw dynamic\" "
					 "function=test_bgw_sleeper_main state=stopped pid=0 starts=1 dynamic=1") !=
			std::string::npos);
	REQUIRE(log.find("test_bgw registry: name=\"test_bgw sleeper 1\" type=\"test_bgw\" "
					 "function=test_bgw_sleeper_main state=running") != std::string::npos);
	/* Terminated dynamic workers are not restarted. */
	REQUIRE(CountLog(wc.cluster, "test_bgw dynamic 0 started") == 1);
}

TEST_CASE("Smart, fast and immediate shutdown leave no worker running", "[bgworker]")
{
	WorkerCluster wc({"test_bgw.sleepers = 3"}, false);
	size_t expected = 0;
	for (const char *mode : {"smart", "fast", "immediate"})
	{
		CAPTURE(mode);
		auto r = wc.cluster.Start();
		REQUIRE(r.exit_code == 0);
		expected += 3;
		REQUIRE(WaitForCount(wc.cluster, "test_bgw sleeper", expected, 10000));
		REQUIRE(ProcessesTitled(wc.name, "test_bgw sleeper ").size() == 3);
		r = wc.cluster.Stop(mode);
		INFO(r.output() << wc.cluster.Log());
		REQUIRE(r.exit_code == 0);
		REQUIRE(WaitUntil([&] { return ProcessesTitled(wc.name, "").empty(); }, 5000));
	}
}

TEST_CASE("SIGHUP reaches workers: a changed setting is seen after pg_ctl reload", "[bgworker]")
{
	WorkerCluster wc({"test_bgw.sleepers = 2", "test_bgw.message = 'one'"});
	REQUIRE(WaitForCount(wc.cluster, "test_bgw sleeper", 2, 10000));
	wc.cluster.AppendConf("test_bgw.message = 'two'");
	REQUIRE(wc.cluster.PgCtl({"reload"}).exit_code == 0);
	REQUIRE(wc.cluster.WaitForLog("test_bgw sleeper 1: message=two", 10000));
	REQUIRE(wc.cluster.WaitForLog("test_bgw sleeper 2: message=two", 10000));
	REQUIRE(wc.cluster.Log().find("removed from configuration file") == std::string::npos);
}

TEST_CASE("Crash-loop backoff doubles restart delays up to the cap", "[bgworker]")
{
	WorkerCluster wc({"test_bgw.exit1 = on", "test_bgw.restart_time = 1",
					  "bgworker_restart_backoff = on", "bgworker_max_restart_delay = 4s"});
	REQUIRE(WaitForCount(wc.cluster, "test_bgw exit1 started", 5, 30000));
	auto starts = LogLinesWith(wc.cluster, "test_bgw exit1 started");
	const long long expected[] = {1000, 2000, 4000, 4000};
	for (size_t i = 1; i < 5; i++)
	{
		long long gap = LineMs(starts[i]) - LineMs(starts[i - 1]);
		INFO(starts[i - 1] << "\n" << starts[i]);
		REQUIRE(gap >= expected[i - 1] - 10);
		REQUIRE(gap < expected[i - 1] + 1000);
	}
	REQUIRE(wc.cluster.Log().find("background worker \"test_bgw exit1\" exited soon after starting "
								  "3 times in a row; restarting it in 4 s") != std::string::npos);
}

TEST_CASE("Modules without a magic block, missing libraries and late registrations are refused",
		  "[bgworker]")
{
	{
		Cluster cluster;
		REQUIRE(cluster.InitDb().exit_code == 0);
		cluster.AppendConf("shared_preload_libraries = 'test_nomagic'");
		auto r = cluster.Start();
		REQUIRE(r.exit_code == 1);
		std::string log = cluster.Log();
		INFO(log);
		REQUIRE(log.find("FATAL:  incompatible library \"") != std::string::npos);
		REQUIRE(log.find("/test_nomagic.so\": missing magic block") != std::string::npos);
		REQUIRE(log.find("HINT:  Extension libraries are required to use the PG_MODULE_MAGIC "
						 "macro.") != std::string::npos);
		REQUIRE(log.find("_PG_init ran") == std::string::npos);
	}
	{
		Cluster cluster;
		REQUIRE(cluster.InitDb().exit_code == 0);
		cluster.AppendConf("shared_preload_libraries = 'nonexistent_lib'");
		auto r = cluster.Start();
		REQUIRE(r.exit_code == 1);
		REQUIRE(
			r.err.find("could not access file \"nonexistent_lib\": No such file or directory") !=
			std::string::npos);
	}
	{
		WorkerCluster wc({"test_bgw.register_late = on", "test_bgw.sleepers = 1"});
		REQUIRE(wc.cluster.WaitForLog("background worker \"test_bgw late\": must be registered in "
									  "shared_preload_libraries",
									  10000));
		REQUIRE(WaitForCount(wc.cluster, "test_bgw sleeper 1 started", 1, 10000));
		REQUIRE(CountLog(wc.cluster, "test_bgw late started") == 0);
	}
}

TEST_CASE("pg_config describes the installation; an out-of-tree module builds and loads",
		  "[bgworker]")
{
	auto r = Run({TuskBin("pg_config"), "--pkglibdir"});
	REQUIRE(r.exit_code == 0);
	std::string pkglibdir = r.out.substr(0, r.out.find('\n'));
	REQUIRE(pkglibdir.rfind(InstallDir(), 0) == 0);
	REQUIRE(access((pkglibdir + "/test_bgw.so").c_str(), F_OK) == 0);
	r = Run({TuskBin("pg_config"), "--includedir-server"});
	std::string inc = r.out.substr(0, r.out.find('\n'));
	REQUIRE(access((inc + "/postgres.h").c_str(), F_OK) == 0);
	REQUIRE(access((inc + "/postmaster/bgworker.h").c_str(), F_OK) == 0);
	r = Run({TuskBin("pg_config"), "--version"});
	REQUIRE(r.out.rfind("PostgreSQL 15", 0) == 0);

	/* A module written outside the tree, built with pg_config's flags. */
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	std::string src = cluster.SocketDir() + "/outside.c";
	std::string so = cluster.SocketDir() + "/outside.so";
	{
		std::ofstream out(src);
		out << "#include \"postgres.h\"\n#include \"fmgr.h\"\n"
			   "#include \"postmaster/bgworker.h\"\n#include \"storage/ipc.h\"\n"
			   "PG_MODULE_MAGIC;\nvoid _PG_init(void);\n"
			   "PGDLLEXPORT void outside_main(Datum arg);\n"
			   "void outside_main(Datum arg) { (void) arg; BackgroundWorkerUnblockSignals();\n"
			   "  elog(LOG, \"outside worker ran\"); proc_exit(0); }\n"
			   "void _PG_init(void) { BackgroundWorker w; memset(&w, 0, sizeof(w));\n"
			   "  snprintf(w.bgw_name, BGW_MAXLEN, \"outside\");\n"
			   "  snprintf(w.bgw_library_name, BGW_MAXLEN, \"%s\", \"" +
				so +
				"\");\n"
				"  snprintf(w.bgw_function_name, BGW_MAXLEN, \"outside_main\");\n"
				"  w.bgw_flags = BGWORKER_SHMEM_ACCESS; w.bgw_start_time = "
				"BgWorkerStart_RecoveryFinished;\n"
				"  w.bgw_restart_time = BGW_NEVER_RESTART; RegisterBackgroundWorker(&w); }\n";
	}
	auto flags = [](const std::string &opt) {
		auto res = Run({TuskBin("pg_config"), opt});
		return res.out.substr(0, res.out.find('\n'));
	};
	r = Run({"/bin/sh", "-c",
			 "cc " + flags("--cppflags") + " " + flags("--cflags") + " " + flags("--ldflags_sl") +
				 " -o " + so + " " + src});
	INFO(r.output());
	REQUIRE(r.exit_code == 0);
	cluster.AppendConf("shared_preload_libraries = '" + so + "'");
	r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	REQUIRE(cluster.WaitForLog("outside worker ran", 10000));
}

TEST_CASE("Every installed server header compiles as C11 and as C++20 inside extern C",
		  "[bgworker][headers]")
{
	auto r = Run({TuskBin("pg_config"), "--includedir-server"});
	std::string inc = r.out.substr(0, r.out.find('\n'));
	TempDir tmp;
	r = Run({"/bin/sh", "-c", "cd '" + inc + "' && find . -name '*.h' | sed 's|^./||' | sort"});
	REQUIRE(r.exit_code == 0);
	std::istringstream listing(r.out);
	std::vector<std::string> headers;
	for (std::string header; std::getline(listing, header);)
		headers.push_back(header);
	REQUIRE(headers.size() > 50);

	/* One file per header and language, compiled by make on every processor;
	 * a header is good when both of its ".ok" markers were made. */
	std::ofstream mk(tmp.path() + "/Makefile");
	std::string all = "all:";
	for (size_t i = 0; i < headers.size(); i++)
	{
		std::string n = "h"; /* (piecewise: GCC 12 -O3 warns falsely on "h" + string) */
		n += std::to_string(i);
		std::ofstream(tmp.path() + "/" + n + ".c")
			<< "#include \"postgres.h\"\n#include \"" << headers[i] << "\"\n";
		std::ofstream(tmp.path() + "/" + n + ".cpp")
			<< "extern \"C\" {\n#include \"postgres.h\"\n#include \"" << headers[i] << "\"\n}\n";
		mk << n << ".c.ok:\n\tcc -std=c11 -Wall -Wextra -Werror -fsyntax-only -I'" << inc << "' "
		   << n << ".c && touch $@\n";
		mk << n << ".cpp.ok:\n\tc++ -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I'" << inc
		   << "' " << n << ".cpp && touch $@\n";
		all += " " + n + ".c.ok " + n + ".cpp.ok";
	}
	mk << all << "\n.DEFAULT_GOAL := all\n";
	mk.close();
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
	RunOptions slow;
	slow.timeout_sec = 900;
	auto made = Run({"make", "-k", "-s", "-j", std::to_string(jobs > 0 ? jobs : 1), "-C",
					 tmp.path()},
					slow);
	INFO(made.output());
	for (size_t i = 0; i < headers.size(); i++)
	{
		CAPTURE(headers[i]);
		std::string n = tmp.path() + "/h" + std::to_string(i);
		CHECK(access((n + ".c.ok").c_str(), F_OK) == 0);
		CHECK(access((n + ".cpp.ok").c_str(), F_OK) == 0);
	}
	REQUIRE(made.exit_code == 0);
}

TEST_CASE("A C++ worker's exception or ERROR ends it with status 1, not a crash restart",
		  "[bgworker]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	cluster.AppendConf("shared_preload_libraries = 'test_bgw_cpp'");
	REQUIRE(cluster.Start().exit_code == 0);
	REQUIRE(cluster.WaitForLog("cpp thrower started (run 3)", 15000));
	std::string log = cluster.Log();
	INFO(log);
	/* Reported as any main loop reports an exception: its what(), its type. */
	REQUIRE(log.find("ERROR:  boom from C++") != std::string::npos);
	REQUIRE(log.find("DETAIL:  C++ exception of type std::runtime_error.") != std::string::npos);
	REQUIRE(log.find("ERROR:  boom via ereport in run 2") != std::string::npos);
	REQUIRE(log.find("background worker \"cpp thrower\" (PID ") != std::string::npos);
	REQUIRE(log.find("exited with exit code 1") != std::string::npos);
	REQUIRE(log.find("is still held") == std::string::npos);
	REQUIRE(log.find("reinitializing") == std::string::npos);
}

TEST_CASE("std::bad_alloc inside a worker's critical section is a PANIC and a crash restart",
		  "[bgworker]")
{
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	cluster.AppendConf("shared_preload_libraries = 'test_bgw_cpp'");
	cluster.AppendConf("test_bgw_cpp.crit_thrower = on");
	REQUIRE(cluster.Start().exit_code == 0);
	REQUIRE(cluster.WaitForLog("cpp crit thrower: back after the crash restart", 20000));
	std::string log = cluster.Log();
	INFO(log);
	size_t thrown = log.find("throwing std::bad_alloc inside a critical section");
	REQUIRE(thrown != std::string::npos);
	size_t panic = log.find("PANIC:  an exception escaped a critical section", thrown);
	REQUIRE(panic != std::string::npos);
	size_t killed = log.find("background worker \"cpp crit thrower\" (PID ", panic);
	REQUIRE(killed != std::string::npos);
	REQUIRE(log.find("was terminated by signal 6", killed) != std::string::npos);
	size_t restart = log.find("all server processes terminated; reinitializing", killed);
	REQUIRE(restart != std::string::npos);
	REQUIRE(log.find("database system is ready to accept connections", restart) !=
			std::string::npos);
	/* Not an ordinary exit that would leave the half-made change in place. */
	REQUIRE(log.find("exited with exit code 1") == std::string::npos);
}

TEST_CASE("A worker exiting with a status other than 0 or 1 causes a crash restart", "[bgworker]")
{
	WorkerCluster wc({"test_bgw.exit_code = 3", "test_bgw.sleepers = 1"});
	REQUIRE(wc.cluster.WaitForLog("all server processes terminated; reinitializing", 15000));
	std::string log = wc.cluster.Log();
	INFO(log);
	REQUIRE(log.find("background worker \"test_bgw exit3\" (PID ") != std::string::npos);
	REQUIRE(log.find(") exited with exit code 3") != std::string::npos);
	REQUIRE(log.find("terminating any other active server processes") != std::string::npos);
	REQUIRE(WaitForCount(wc.cluster, "test_bgw sleeper 1 started", 2, 15000));
}

TEST_CASE("Invalid registrations are refused with PostgreSQL's messages", "[bgworker]")
{
	WorkerCluster wc({"test_bgw.invalid = on", "test_bgw.sleepers = 1"});
	REQUIRE(WaitForCount(wc.cluster, "test_bgw sleeper 1 started", 1, 10000));
	std::string log = wc.cluster.Log();
	INFO(log);
	REQUIRE(log.find("background worker \"test_bgw no shmem\": background workers without shared "
					 "memory access are not supported") != std::string::npos);
	REQUIRE(log.find("background worker \"test_bgw early db\": cannot request database access if "
					 "starting at postmaster start") != std::string::npos);
	REQUIRE(log.find("background worker \"test_bgw bad restart\": invalid restart interval") !=
			std::string::npos);
	REQUIRE(log.find(": bgw_name is too long") != std::string::npos);
	REQUIRE(log.find("nnnnnnnnnn started") == std::string::npos);
	REQUIRE(CountLog(wc.cluster, "test_bgw no shmem started") == 0);
}

TEST_CASE("ConsistentState and RecoveryFinished workers start only after crash recovery",
		  "[bgworker]")
{
	WorkerCluster wc({"test_bgw.start_times = on"});
	for (const char *w : {"postmaster start", "consistent state", "recovery finished"})
		REQUIRE(WaitForCount(wc.cluster, std::string("test_bgw at ") + w + " started", 1, 10000));
	/* Crash: the checkpointer dies, recovery runs, the workers come back. */
	int postmaster = wc.cluster.PostmasterPid();
	auto victims = ProcessesTitled(wc.name, "checkpointer");
	REQUIRE(victims.size() == 1);
	REQUIRE(kill(victims[0], SIGKILL) == 0);
	for (const char *w : {"postmaster start", "consistent state", "recovery finished"})
		REQUIRE(WaitForCount(wc.cluster, std::string("test_bgw at ") + w + " started", 2, 15000));

	std::string log = wc.cluster.Log();
	INFO(log);
	size_t crash = log.find("checkpointer process (PID " + std::to_string(victims[0]) +
							") was terminated by signal 9: Killed");
	REQUIRE(crash != std::string::npos);
	size_t recovery = log.find("automatic recovery in progress", crash);
	size_t recovered = log.find("checkpoint starting: end-of-recovery immediate wait", crash);
	size_t ready = log.find("database system is ready to accept connections", crash);
	REQUIRE(recovery != std::string::npos);
	REQUIRE(recovered != std::string::npos);
	REQUIRE(ready != std::string::npos);
	REQUIRE(recovery < recovered);
	REQUIRE(recovered < ready);
	for (const char *w : {"consistent state", "recovery finished"})
	{
		size_t started = log.find(std::string("test_bgw at ") + w + " started", crash);
		REQUIRE(started != std::string::npos);
		REQUIRE(started > ready);
	}
	REQUIRE(wc.cluster.PostmasterPid() == postmaster);
	REQUIRE(Accepts(wc.cluster));
}

TEST_CASE("A new postmaster refuses to start while children of a killed one live on", "[bgworker]")
{
	WorkerCluster wc({"test_bgw.sleepers = 1"});
	std::vector<int> sleepers;
	REQUIRE(WaitUntil(
		[&] {
			sleepers = ProcessesTitled(wc.name, "test_bgw sleeper");
			return sleepers.size() == 1;
		},
		10000));
	/* A child that cannot notice its postmaster's death for now. */
	REQUIRE(kill(sleepers[0], SIGSTOP) == 0);
	int pm = wc.cluster.PostmasterPid();
	REQUIRE(kill(pm, SIGKILL) == 0);
	REQUIRE(WaitUntil([&] { return kill(pm, 0) != 0; }, 10000));

	auto refused = wc.cluster.Start();
	bool interlocked = wc.cluster.Log().find("pre-existing shared memory block") !=
			std::string::npos &&
		wc.cluster.Log().find("is still in use") != std::string::npos &&
		wc.cluster.Log().find("HINT:  Terminate any old server processes associated with data "
							  "directory") != std::string::npos;
	REQUIRE(kill(sleepers[0], SIGCONT) == 0);
	INFO(refused.output() << wc.cluster.Log());
	REQUIRE(refused.exit_code != 0);
	REQUIRE(interlocked);

	/* Once the old child has gone, the server starts (and recovers). */
	REQUIRE(WaitUntil([&] { return kill(sleepers[0], 0) != 0; }, 10000));
	auto r = wc.cluster.Start();
	INFO(r.output() << wc.cluster.Log());
	REQUIRE(r.exit_code == 0);
	REQUIRE(Accepts(wc.cluster));
}
