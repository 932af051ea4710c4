/*
 * harness.cpp — see harness.h.
 */
#include "harness.h"

#include <catch2/catch.hpp>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "common/pidfile.h"

#include <libpq-fe.h>

namespace tusk::test {

namespace {

constexpr const char *kUnprivilegedUser = "tusk_test";

long NowMs()
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

bool IsRoot()
{
	return geteuid() == 0;
}

struct Identity
{
	uid_t uid;
	gid_t gid;
	std::string name;
};

/* Looked up once; created (as a system user) when running as root. */
const Identity &TestIdentity()
{
	static Identity id = [] {
		if (!IsRoot())
		{
			struct passwd *pw = getpwuid(geteuid());
			return Identity{geteuid(), getegid(), pw ? pw->pw_name : "unknown"};
		}
		if (getpwnam(kUnprivilegedUser) == nullptr)
		{
			std::string cmd = std::string("useradd --system --no-create-home --shell "
										  "/usr/sbin/nologin ") +
				kUnprivilegedUser + " >/dev/null 2>&1";
			/* Test programs run side by side (test.sh's shards) may race to
			 * create it: a useradd that fails while another's succeeds. */
			if (system(cmd.c_str()) != 0 &&
				!WaitUntil([] { return getpwnam(kUnprivilegedUser) != nullptr; }, 10000))
				FAIL("could not create user " << kUnprivilegedUser);
		}
		struct passwd *pw = getpwnam(kUnprivilegedUser);
		REQUIRE(pw != nullptr);
		return Identity{pw->pw_uid, pw->pw_gid, pw->pw_name};
	}();
	return id;
}

void ChownToTestUser(const std::string &path)
{
	if (!IsRoot())
		return;
	const Identity &id = TestIdentity();
	REQUIRE(chown(path.c_str(), id.uid, id.gid) == 0);
}

std::string ReadFile(const std::string &path)
{
	std::ifstream in(path);
	std::stringstream ss;
	ss << in.rdbuf();
	return ss.str();
}

int ParentPid(int pid)
{
	std::string stat = ReadFile("/proc/" + std::to_string(pid) + "/stat");
	size_t close_paren = stat.rfind(')');
	if (close_paren == std::string::npos)
		return -1;
	char state;
	int ppid;
	if (sscanf(stat.c_str() + close_paren + 1, " %c %d", &state, &ppid) != 2)
		return -1;
	return state == 'Z' ? -1 : ppid;
}

}  // namespace

std::string InstallDir()
{
	const char *dir = getenv("TUSK_INSTALL_DIR");
	if (dir == nullptr || dir[0] == '\0')
		FAIL("TUSK_INSTALL_DIR is not set (the --prefix of a Tusk installation)");
	return dir;
}

std::string TuskBin(const std::string &prog)
{
	return InstallDir() + "/bin/" + prog;
}

std::string PgBin(const std::string &prog)
{
	return "/usr/lib/postgresql/15/bin/" + prog;
}

std::string SourceDir()
{
	const char *dir = getenv("TUSK_SOURCE_DIR");
	return dir != nullptr && dir[0] != '\0' ? dir : TUSK_SOURCE_DIR;
}

std::string TestUser()
{
	return TestIdentity().name;
}

CommandResult Run(const std::vector<std::string> &argv, const RunOptions &opts)
{
	REQUIRE(!argv.empty());
	bool drop = IsRoot() && !opts.as_root;
	const Identity *id = drop ? &TestIdentity() : nullptr;
	int out_pipe[2], err_pipe[2], in_pipe[2];
	REQUIRE(pipe2(out_pipe, O_CLOEXEC) == 0);
	REQUIRE(pipe2(err_pipe, O_CLOEXEC) == 0);
	REQUIRE(pipe2(in_pipe, O_CLOEXEC) == 0);
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	REQUIRE(pid >= 0);
	if (pid == 0)
	{
		setpgid(0, 0);
		dup2(in_pipe[0], 0);
		dup2(out_pipe[1], 1);
		dup2(err_pipe[1], 2);
		if (drop)
		{
			if (setgroups(0, nullptr) != 0 || setgid(id->gid) != 0 || setuid(id->uid) != 0)
				_exit(126);
		}
		const char *dir = opts.cwd.empty() ? "/" : opts.cwd.c_str();
		if (chdir(dir) != 0)
			_exit(126);
		if (drop)
		{
			setenv("HOME", dir, 1);
			setenv("USER", id->name.c_str(), 1);
			setenv("LOGNAME", id->name.c_str(), 1);
		}
		for (const auto &[k, v] : opts.env)
			setenv(k.c_str(), v.c_str(), 1);
		std::vector<char *> args;
		for (const auto &a : argv)
			args.push_back(const_cast<char *>(a.c_str()));
		args.push_back(nullptr);
		execvp(args[0], args.data());
		fprintf(stderr, "could not execute \"%s\": %s\n", args[0], strerror(errno));
		_exit(127);
	}
	close(in_pipe[0]);
	close(out_pipe[1]);
	close(err_pipe[1]);
	if (!opts.stdin_data.empty())
	{
		signal(SIGPIPE, SIG_IGN);
		(void) !write(in_pipe[1], opts.stdin_data.data(), opts.stdin_data.size());
	}
	close(in_pipe[1]);

	CommandResult result;
	long deadline = NowMs() + opts.timeout_sec * 1000L;
	bool exited = false;
	long drain_deadline = 0;
	int status = 0;
	struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
	int open_fds = 2;
	while (open_fds > 0)
	{
		if (!exited && waitpid(pid, &status, WNOHANG) == pid)
		{
			exited = true;
			/* A server it started may still hold the pipes: collect what is
			 * already there, then stop listening. */
			drain_deadline = NowMs() + 300;
		}
		long now = NowMs();
		if (exited && now >= drain_deadline)
			break;
		if (!exited && now >= deadline)
		{
			kill(-pid, SIGKILL);
			result.timed_out = true;
			waitpid(pid, &status, 0);
			exited = true;
			break;
		}
		int rc = poll(fds, 2, 20);
		if (rc <= 0)
			continue;
		for (int i = 0; i < 2; i++)
		{
			if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			char buf[4096];
			ssize_t n = read(fds[i].fd, buf, sizeof buf);
			if (n > 0)
				(i == 0 ? result.out : result.err).append(buf, static_cast<size_t>(n));
			else
			{
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
			}
		}
	}
	for (auto &f : fds)
		if (f.fd >= 0)
			close(f.fd);
	if (!exited)
		waitpid(pid, &status, 0);
	if (WIFEXITED(status) && !result.timed_out)
		result.exit_code = WEXITSTATUS(status);
	else if (WIFSIGNALED(status))
		result.term_signal = WTERMSIG(status);
	return result;
}

bool CanRunAsUserIdZero()
{
	static const bool can = IsRoot() ||
		Run({"unshare", "--user", "--map-root-user", "true"}).exit_code == 0;
	return can;
}

CommandResult RunAsUserIdZero(const std::vector<std::string> &argv)
{
	RunOptions opts;
	opts.as_root = true;
	if (IsRoot())
		return Run(argv, opts);
	if (!CanRunAsUserIdZero())
		FAIL("cannot run a program as user id 0: not root, and unshare --user --map-root-user "
			 "fails (leave out the [root] tests with ~[root])");
	std::vector<std::string> in_namespace = {"unshare", "--user", "--map-root-user"};
	in_namespace.insert(in_namespace.end(), argv.begin(), argv.end());
	return Run(in_namespace, opts);
}

namespace {

bool PortIsFree(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	REQUIRE(fd >= 0);
	int on = 1;
	(void) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on); /* as servers bind */
	struct sockaddr_in addr = {};
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = htons(static_cast<uint16_t>(port));
	bool free = bind(fd, reinterpret_cast<struct sockaddr *>(&addr), sizeof addr) == 0;
	close(fd);
	return free;
}

}  // namespace

/*
 * Without $TUSK_TEST_PORT_BASE, a port the kernel hands out for bind(0).
 * With it, the next free one of the 1000 ports from that base: test
 * programs run side by side get bases 1000 apart (test.sh's shards), below
 * the kernel's ephemeral range, so one never takes a port another was just
 * given and has not yet bound.
 */
int FreePort()
{
	static const int base = [] {
		const char *env = getenv("TUSK_TEST_PORT_BASE");
		return env != nullptr && env[0] != '\0' ? atoi(env) : 0;
	}();
	static int next = 0;
	if (base > 0)
	{
		for (int tries = 0; tries < 1000; tries++)
		{
			int port = base + next;
			next = (next + 1) % 1000;
			if (PortIsFree(port))
				return port;
		}
		FAIL("no free port from TUSK_TEST_PORT_BASE " << base);
	}
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	REQUIRE(fd >= 0);
	struct sockaddr_in addr = {};
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = 0;
	REQUIRE(bind(fd, reinterpret_cast<struct sockaddr *>(&addr), sizeof addr) == 0);
	socklen_t len = sizeof addr;
	REQUIRE(getsockname(fd, reinterpret_cast<struct sockaddr *>(&addr), &len) == 0);
	close(fd);
	return ntohs(addr.sin_port);
}

TempDir::TempDir()
{
	char tmpl[] = "/tmp/tusk_it_XXXXXX";
	REQUIRE(mkdtemp(tmpl) != nullptr);
	path_ = tmpl;
	ChownToTestUser(path_);
}

TempDir::~TempDir()
{
	std::error_code ec;
	std::filesystem::remove_all(path_, ec);
}

ModuleRun RunModuleWorker(const std::string &module, const std::string &query,
						  const std::string &exit_line)
{
	ModuleRun run;
	run.module = module;
	Cluster cluster;
	REQUIRE(cluster.InitDb().exit_code == 0);
	std::string preload = "shared_preload_libraries = '";
	preload += module;
	preload += "'";
	cluster.AppendConf(preload);
	CommandResult r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
	std::string done = module;
	done += ": done: ok";
	run.finished = cluster.WaitForLog(done, 60000);
	run.exited = exit_line.empty() || cluster.WaitForLog(exit_line, 20000);
	{
		Session s(cluster);
		run.value = s.Exec(query).value;
	}
	cluster.Stop();
	run.log = cluster.Log();
	return run;
}

std::string Observed(const ModuleRun &run, const std::string &check)
{
	std::string needle = run.module;
	needle += ": ";
	needle += check;
	needle += ": ";
	std::istringstream in(run.log);
	std::string line;
	while (std::getline(in, line))
	{
		size_t at = line.find(needle);
		if (at != std::string::npos)
			return line.substr(at + needle.size());
	}
	return "(missing)";
}

bool WaitUntil(const std::function<bool()> &cond, int timeout_ms)
{
	long deadline = NowMs() + timeout_ms;
	while (!cond())
	{
		if (NowMs() >= deadline)
			return false;
		struct timespec ts = {0, 10 * 1000000};
		nanosleep(&ts, nullptr);
	}
	return true;
}

std::vector<int> Descendants(int root)
{
	std::map<int, std::vector<int>> children;
	DIR *d = opendir("/proc");
	if (d == nullptr)
		return {};
	while (struct dirent *de = readdir(d))
	{
		int pid = atoi(de->d_name);
		if (pid <= 0)
			continue;
		int ppid = ParentPid(pid);
		if (ppid > 0)
			children[ppid].push_back(pid);
	}
	closedir(d);
	std::vector<int> out;
	std::vector<int> todo = {root};
	while (!todo.empty())
	{
		int p = todo.back();
		todo.pop_back();
		for (int c : children[p])
		{
			out.push_back(c);
			todo.push_back(c);
		}
	}
	return out;
}

Cluster::Cluster() : port_(FreePort()) {}

Cluster::~Cluster()
{
	int pid = PostmasterPid();
	if (pid > 0 && kill(pid, 0) == 0)
	{
		RunOptions quick;
		quick.timeout_sec = 20;
		(void) Run({TuskBin("pg_ctl"), "-D", DataDir(), "-m", "immediate", "-w", "-t", "15",
					"stop"},
				   quick);
		if (kill(pid, 0) == 0)
		{
			for (int child : Descendants(pid))
				kill(child, SIGKILL);
			kill(pid, SIGKILL);
		}
	}
	/* Children of a postmaster that was killed outright have no parent to
	 * follow; they leave on their own when they notice (WL_EXIT_ON_PM_DEATH),
	 * but a test must not leave them even briefly. */
	if (pid > 0)
		WaitUntil([pid] { return kill(pid, 0) != 0; }, 5000);
}

std::string Cluster::DataDir() const
{
	return dir_.path() + "/data";
}

std::string Cluster::SocketDir() const
{
	return dir_.path();
}

std::string Cluster::LogFile() const
{
	return dir_.path() + "/server.log";
}

namespace {

std::vector<std::string> InitDbArgv(const std::string &datadir,
									const std::vector<std::string> &extra)
{
	std::vector<std::string> argv = {TuskBin("initdb"), "-D", datadir, "--no-sync"};
	argv.insert(argv.end(), extra.begin(), extra.end());
	return argv;
}

/*
 * The data directory initdb makes without options, made once per test
 * program: most test cases want exactly that, and a copy costs a tenth of
 * an initdb (far less under the sanitizers).  Its initdb's result is kept,
 * so a failing initdb fails every test case that asks for one, as before.
 */
struct InitDbTemplate
{
	TempDir dir;
	CommandResult made;

	InitDbTemplate() : made(Run(InitDbArgv(dir.path() + "/data", {}))) {}
	std::string DataDir() const { return dir.path() + "/data"; }
};

}  // namespace

CommandResult Cluster::InitDb(const std::vector<std::string> &extra)
{
	if (!extra.empty())
		return Run(InitDbArgv(DataDir(), extra));
	static const InitDbTemplate tmpl;
	if (tmpl.made.exit_code != 0)
		return tmpl.made;
	CommandResult r = Run({"cp", "-a", tmpl.DataDir(), DataDir()});
	if (r.exit_code == 0)
		r.out = tmpl.made.out; /* what initdb said */
	return r;
}

void Cluster::AppendConf(const std::string &line)
{
	std::ofstream out(DataDir() + "/postgresql.conf", std::ios::app);
	REQUIRE(out);
	out << line << "\n";
}

CommandResult Cluster::Start(const std::vector<std::string> &extra_pg_ctl_args)
{
	std::vector<std::string> argv = {TuskBin("pg_ctl"),
									 "-w",
									 "-t",
									 "30",
									 "-D",
									 DataDir(),
									 "-l",
									 LogFile(),
									 "-o",
									 "-p " + std::to_string(port_) + " -k " + SocketDir() +
										 " -c listen_addresses=127.0.0.1"};
	argv.insert(argv.end(), extra_pg_ctl_args.begin(), extra_pg_ctl_args.end());
	argv.push_back("start");
	return Run(argv);
}

CommandResult Cluster::Stop(const std::string &mode)
{
	return Run({TuskBin("pg_ctl"), "-D", DataDir(), "-m", mode, "-w", "-t", "30", "stop"});
}

CommandResult Cluster::PgCtl(const std::vector<std::string> &args)
{
	std::vector<std::string> argv = {TuskBin("pg_ctl"), "-D", DataDir()};
	argv.insert(argv.end(), args.begin(), args.end());
	return Run(argv);
}

CommandResult Cluster::Psql(const std::vector<std::string> &args)
{
	std::vector<std::string> argv = {PgBin("psql"),			"-X", "-h",		 SocketDir(), "-p",
									 std::to_string(port_), "-d", "postgres"};
	argv.insert(argv.end(), args.begin(), args.end());
	return Run(argv);
}

std::string Cluster::Log() const
{
	return ReadFile(LogFile());
}

bool Cluster::WaitForLog(const std::string &needle, int timeout_ms) const
{
	return WaitUntil([&] { return Log().find(needle) != std::string::npos; }, timeout_ms);
}

int Cluster::PostmasterPid() const
{
	auto lines = common::ReadPidFileLines(DataDir() + "/" + common::kPidFileName);
	if (!lines)
		return 0;
	return atoi(common::PidFileField(*lines, common::kPidFileLinePid).c_str());
}

std::string Cluster::ConnString() const
{
	return "host=" + SocketDir() + " port=" + std::to_string(port_) +
		" dbname=postgres user=" + TestUser() + " connect_timeout=10";
}

void InitAndStart(Cluster &cluster)
{
	REQUIRE(cluster.InitDb().exit_code == 0);
	auto r = cluster.Start();
	INFO(r.output() << cluster.Log());
	REQUIRE(r.exit_code == 0);
}

bool SqlOutcome::ok() const
{
	return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

namespace {

SqlOutcome Collect(PGresult *res)
{
	SqlOutcome o;
	o.status = PQresultStatus(res);
	if (o.status == PGRES_TUPLES_OK && PQntuples(res) > 0)
		o.value = PQgetvalue(res, 0, 0);
	if (const char *f = PQresultErrorField(res, PG_DIAG_SQLSTATE))
		o.sqlstate = f;
	if (const char *f = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY))
		o.message = f;
	if (const char *f = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL))
		o.detail = f;
	PQclear(res);
	return o;
}

}  // namespace

Session::Session(const Cluster &cluster) : conn_(PQconnectdb(cluster.ConnString().c_str()))
{
	INFO(PQerrorMessage(conn_));
	REQUIRE(PQstatus(conn_) == CONNECTION_OK);
}

Session::~Session()
{
	PQfinish(conn_);
}

SqlOutcome Session::Exec(const std::string &sql)
{
	return Collect(PQexec(conn_, sql.c_str()));
}

void Session::Send(const std::string &sql)
{
	REQUIRE(PQsendQuery(conn_, sql.c_str()) == 1);
}

bool Session::Waits(int ms)
{
	std::this_thread::sleep_for(std::chrono::milliseconds(ms));
	REQUIRE(PQconsumeInput(conn_) == 1);
	return PQisBusy(conn_) == 1;
}

SqlOutcome Session::Finish()
{
	SqlOutcome o = Collect(PQgetResult(conn_));
	while (PGresult *res = PQgetResult(conn_))
		PQclear(res);
	return o;
}

int Session::BackendPid() const
{
	return PQbackendPID(conn_);
}

}  // namespace tusk::test
