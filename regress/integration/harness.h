/*
 * harness.h — running the installed Tusk binaries (and PostgreSQL 15's
 * clients) from integration tests.
 *
 * Every server a test starts lives in a private temporary directory, on a
 * port that was free a moment before, and is stopped (and every process it
 * started killed) by the Cluster destructor, even when a REQUIRE failed.
 * When the test program runs as root, everything that touches a server runs
 * as the unprivileged user TestUser() (created if missing): PostgreSQL
 * servers refuse root, and so does Tusk.
 */
#ifndef TUSK_REGRESS_INTEGRATION_HARNESS_H
#define TUSK_REGRESS_INTEGRATION_HARNESS_H

#include <functional>
#include <string>
#include <utility>
#include <vector>

struct pg_conn; /* libpq's PGconn */

namespace tusk::test {

/* $TUSK_INSTALL_DIR: the --prefix of the installation under test. */
std::string InstallDir();
std::string TuskBin(const std::string &prog); /* InstallDir()/bin/prog */
std::string PgBin(const std::string &prog);	  /* PostgreSQL 15's client programs */
/* The source tree: $TUSK_SOURCE_DIR, by default the one this test program
 * was built from (meson's project root). */
std::string SourceDir();

/* The user servers run as: the current one, or an unprivileged one when root. */
std::string TestUser();

struct RunOptions
{
	std::vector<std::pair<std::string, std::string>> env; /* added or replaced */
	int timeout_sec = 60;
	std::string cwd; /* default: "/" */
	std::string stdin_data;
	bool as_root = false; /* keep root's identity (to test refusals) */
};

struct CommandResult
{
	int exit_code = -1; /* -1 if killed by a signal or timed out */
	int term_signal = 0;
	bool timed_out = false;
	std::string out, err;
	std::string output() const { return out + err; }
};

CommandResult Run(const std::vector<std::string> &argv, const RunOptions &opts = {});

/*
 * Running a program with user id 0, to see it refuse: as root when the test
 * program is root, otherwise in a new user namespace that maps the current
 * user to 0 (unshare --user --map-root-user), which the program cannot tell
 * from root.  Without root and without unprivileged user namespaces neither
 * works: the test cases that need one are tagged [root], and test.sh leaves
 * them out then and counts them as skipped.  RunAsUserIdZero fails the test
 * case when CanRunAsUserIdZero is false.
 */
bool CanRunAsUserIdZero();
CommandResult RunAsUserIdZero(const std::vector<std::string> &argv);

/* A TCP port on 127.0.0.1 that is free now. */
int FreePort();

/* A private directory (owned by TestUser()), removed with its contents. */
class TempDir
{
  public:
	TempDir();
	~TempDir();
	TempDir(const TempDir &) = delete;
	TempDir &operator=(const TempDir &) = delete;
	const std::string &path() const { return path_; }

  private:
	std::string path_;
};

/* One private server: data directory, socket directory and log in a TempDir. */
class Cluster
{
  public:
	Cluster();
	~Cluster();
	Cluster(const Cluster &) = delete;
	Cluster &operator=(const Cluster &) = delete;

	/* initdb --no-sync EXTRA into DataDir(); without EXTRA, a copy of the one
	 * data directory the test program's first such call made. */
	CommandResult InitDb(const std::vector<std::string> &extra = {});
	void AppendConf(const std::string &line);
	/* pg_ctl -w start with this cluster's port, socket directory and log. */
	CommandResult Start(const std::vector<std::string> &extra_pg_ctl_args = {});
	CommandResult Stop(const std::string &mode = "fast");
	CommandResult PgCtl(const std::vector<std::string> &args); /* pg_ctl -D data ARGS */
	CommandResult Psql(const std::vector<std::string> &args);  /* real psql, this server */
	std::string Log() const;
	bool WaitForLog(const std::string &needle, int timeout_ms) const;
	int PostmasterPid() const; /* from postmaster.pid; 0 if none */
	std::string DataDir() const;
	std::string SocketDir() const;
	std::string LogFile() const;
	int Port() const { return port_; }
	/* libpq conninfo: socket directory, port, dbname=postgres, the test user. */
	std::string ConnString() const;

  private:
	TempDir dir_;
	int port_;
};

/* A started cluster (initdb, pg_ctl start), the test failing otherwise. */
void InitAndStart(Cluster &cluster);

/* One statement's status, first value (if any), SQLSTATE, message and DETAIL. */
struct SqlOutcome
{
	int status = -1; /* ExecStatusType */
	std::string value;
	std::string sqlstate;
	std::string message;
	std::string detail;
	bool ok() const; /* PGRES_COMMAND_OK or PGRES_TUPLES_OK */
};

/*
 * A libpq session on a cluster, for tests of concurrent transactions:
 * Exec runs a statement and waits for it; Send starts one without
 * waiting, Waits says whether it is still blocked after a moment, and
 * Finish waits for its outcome.  The connection closes with the object.
 */
class Session
{
  public:
	explicit Session(const Cluster &cluster);
	~Session();
	Session(const Session &) = delete;
	Session &operator=(const Session &) = delete;

	SqlOutcome Exec(const std::string &sql);
	void Send(const std::string &sql);
	/* After waiting ms, whether the sent statement has not finished. */
	bool Waits(int ms = 500);
	SqlOutcome Finish();
	int BackendPid() const;

  private:
	::pg_conn *conn_;
};

/* Poll cond every 10 ms until it holds or timeout_ms passes. */
bool WaitUntil(const std::function<bool()> &cond, int timeout_ms);

/* Every live process descended from pid (children, grandchildren…). */
std::vector<int> Descendants(int pid);

/*
 * One run of a test module's worker that logs "<module>: <check>:
 * <observation>" lines and ends with "<module>: done: ok": a fresh
 * cluster preloading the module, waited for (and, when exit_line is not
 * empty, for that line too), query's value read by a client, stopped.
 */
struct ModuleRun
{
	std::string module;
	std::string log;
	std::string value; /* query's first value */
	bool finished = false;
	bool exited = false;
};
ModuleRun RunModuleWorker(const std::string &module, const std::string &query,
						  const std::string &exit_line = "");
/* The observation the run logged for check, or "(missing)". */
std::string Observed(const ModuleRun &run, const std::string &check);

}  // namespace tusk::test

#endif
