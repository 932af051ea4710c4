/*
 * pg_ctl.cpp — start, stop, restart, reload and report on a Tusk server.
 *
 * Command line, messages and exit codes are PostgreSQL 15's pg_ctl's, so
 * scripts written for it work unchanged.  The server is started detached
 * (its own session, stdin from /dev/null, output appended to -l FILE)
 * through `/bin/sh -c "exec postgres -D DIR OPTIONS"`, as PostgreSQL does,
 * so that -o options are split and quoted the way a shell would.  Waiting
 * (-w, the default) watches postmaster.pid: the server is up when the file
 * names the process we started, is no older than this run, and its status
 * line says "ready"; it failed if that process exits first.  When it fails
 * and there is a log file, the last lines of the log are printed too.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <deque>
#include <fstream>
#include <optional>
#include <string>

#include "common/pidfile.h"
#include "common/string_util.h"
#include "fe_common/fe_common.h"
#include "tusk_config.h"

using namespace tusk;

namespace {

enum class Mode
{
	kNone,
	kStart,
	kStop,
	kRestart,
	kReload,
	kStatus
};

constexpr int kWaitsPerSecond = 10;

Mode mode = Mode::kNone;
std::string pg_data;
std::string log_file;
std::string post_opts;
bool post_opts_given = false;
bool do_wait = true;
bool silent = false;
int wait_seconds = 60;
int shutdown_signal = SIGINT; /* fast */
bool shutdown_smart = false;
time_t start_time;

std::string PidFile()
{
	return pg_data + "/" + common::kPidFileName;
}

void Msg(const char *text)
{
	if (!silent)
	{
		fputs(text, stdout);
		fflush(stdout);
	}
}

void SleepMs(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* The postmaster's pid from postmaster.pid; 0 if there is no such file.
 * Exits, as PostgreSQL's pg_ctl does, when the directory is unusable. */
long GetPgPid(bool is_status_request)
{
	int bad_exit = is_status_request ? 4 : 1;
	struct stat st;
	if (stat(pg_data.c_str(), &st) != 0)
	{
		if (errno == ENOENT)
			fprintf(stderr, "%s: directory \"%s\" does not exist\n", fe::ProgName(),
					pg_data.c_str());
		else
			fprintf(stderr, "%s: could not access directory \"%s\": %s\n", fe::ProgName(),
					pg_data.c_str(), strerror(errno));
		exit(bad_exit);
	}
	if (stat((pg_data + "/PG_VERSION").c_str(), &st) != 0 && errno == ENOENT)
	{
		fprintf(stderr, "%s: directory \"%s\" is not a database cluster directory\n",
				fe::ProgName(), pg_data.c_str());
		exit(bad_exit);
	}
	FILE *f = fopen(PidFile().c_str(), "r");
	if (f == nullptr)
	{
		if (errno == ENOENT)
			return 0;
		fprintf(stderr, "%s: could not open PID file \"%s\": %s\n", fe::ProgName(),
				PidFile().c_str(), strerror(errno));
		exit(bad_exit);
	}
	long pid;
	if (fscanf(f, "%ld", &pid) != 1)
	{
		bool empty = ftell(f) == 0 && feof(f);
		fclose(f);
		/* A postmaster writes the file in one go; empty means it is being
		 * created right now or was left by a crash during creation. */
		if (empty)
			fprintf(stderr, "%s: the PID file \"%s\" is empty\n", fe::ProgName(),
					PidFile().c_str());
		else
			fprintf(stderr, "%s: invalid data in PID file \"%s\"\n", fe::ProgName(),
					PidFile().c_str());
		exit(bad_exit);
	}
	fclose(f);
	return pid;
}

bool PostmasterIsAlive(pid_t pid)
{
	if (pid == getpid() || pid == getppid())
		return false; /* a stale file naming us or our parent */
	return kill(pid, 0) == 0;
}

/* Single-quote s for /bin/sh. */
std::string ShellQuote(const std::string &s)
{
	std::string out = "'";
	for (char c : s)
	{
		if (c == '\'')
			out += "'\\''";
		else
			out += c;
	}
	return out + "'";
}

/* Options of the running server, from postmaster.opts (for restart);
 * true if they were read from there (and so already include -D). */
bool ReadPostOptsForRestart()
{
	if (post_opts_given)
		return false;
	std::ifstream in(pg_data + "/postmaster.opts");
	std::string line;
	if (!in || !std::getline(in, line))
	{
		fprintf(stderr, "%s: could not read file \"%s\"\n", fe::ProgName(),
				(pg_data + "/postmaster.opts").c_str());
		exit(1);
	}
	/* The first word is the server's path; the rest, already quoted for a
	 * shell, are its arguments (including -D). */
	size_t args = line.find(" \"");
	post_opts = args == std::string::npos ? "" : line.substr(args + 1);
	return args != std::string::npos;
}

pid_t StartPostmaster(bool opts_include_datadir)
{
	std::string cmd = "exec " + ShellQuote(fe::ServerBinary());
	if (!opts_include_datadir)
		cmd += " -D " + ShellQuote(pg_data);
	if (!post_opts.empty())
		cmd += " " + post_opts;
	cmd += " < /dev/null";
	if (!log_file.empty())
		cmd += " >> " + ShellQuote(log_file) + " 2>&1";

	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
	{
		fprintf(stderr, "%s: could not start server: %s\n", fe::ProgName(), strerror(errno));
		exit(1);
	}
	if (pid == 0)
	{
		/* Its own session: a terminal's ^C or hang-up must not reach the
		 * server started from it. */
		(void) setsid();
		execl("/bin/sh", "/bin/sh", "-c", cmd.c_str(), static_cast<char *>(nullptr));
		fprintf(stderr, "%s: could not start server: %s\n", fe::ProgName(), strerror(errno));
		_exit(1);
	}
	return pid;
}

enum class WaitResult
{
	kReady,
	kStillStarting,
	kFailed
};

WaitResult WaitForPostmasterStart(pid_t pm_pid)
{
	for (int i = 0; i < wait_seconds * kWaitsPerSecond; i++)
	{
		auto lines = common::ReadPidFileLines(PidFile());
		if (lines && lines->size() >= common::kPidFileLinePmStatus)
		{
			long pid = atol(common::PidFileField(*lines, common::kPidFileLinePid).c_str());
			long started = atol(
				common::PidFileField(*lines, common::kPidFileLineStartTime).c_str());
			std::string status = common::PidFileField(*lines, common::kPidFileLinePmStatus);
			/* Two seconds of slack for clock granularity, as PostgreSQL. */
			if (pid == pm_pid && started >= start_time - 2 &&
				(status == common::kPmStatusReady || status == common::kPmStatusStandby))
				return WaitResult::kReady;
		}
		int st;
		if (waitpid(pm_pid, &st, WNOHANG) == pm_pid)
			return WaitResult::kFailed;
		if (i % kWaitsPerSecond == 0)
			Msg(".");
		SleepMs(1000 / kWaitsPerSecond);
	}
	return WaitResult::kStillStarting;
}

/* The last lines of the server log, so a failed start explains itself. */
void PrintLogTail()
{
	if (log_file.empty())
		return;
	std::ifstream in(log_file);
	std::deque<std::string> tail;
	std::string line;
	while (std::getline(in, line))
	{
		tail.push_back(line);
		if (tail.size() > 10)
			tail.pop_front();
	}
	if (tail.empty())
		return;
	fprintf(stderr, "Last lines of \"%s\":\n", log_file.c_str());
	for (const auto &l : tail)
		fprintf(stderr, "  %s\n", l.c_str());
}

void DoStart(bool opts_include_datadir)
{
	long old_pid = GetPgPid(false);
	if (old_pid != 0)
		fprintf(stderr, "%s: another server might be running; trying to start server anyway\n",
				fe::ProgName());
	pid_t pm_pid = StartPostmaster(opts_include_datadir);
	if (!do_wait)
	{
		Msg("server starting\n");
		return;
	}
	Msg("waiting for server to start...");
	switch (WaitForPostmasterStart(pm_pid))
	{
		case WaitResult::kReady:
			Msg(" done\n");
			Msg("server started\n");
			return;
		case WaitResult::kStillStarting:
			Msg(" stopped waiting\n");
			fprintf(stderr, "%s: server did not start in time\n", fe::ProgName());
			exit(1);
		case WaitResult::kFailed:
			Msg(" stopped waiting\n");
			fprintf(stderr, "%s: could not start server\nExamine the log output.\n",
					fe::ProgName());
			PrintLogTail();
			exit(1);
	}
}

bool WaitForPostmasterStop()
{
	for (int i = 0; i < wait_seconds * kWaitsPerSecond; i++)
	{
		long pid = GetPgPid(false);
		if (pid == 0)
			return true; /* the pid file is gone */
		if (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
			return true; /* no pid file removal: crashed, but stopped */
		if (i % kWaitsPerSecond == 0)
			Msg(".");
		SleepMs(1000 / kWaitsPerSecond);
	}
	return false;
}

/* Send the stop signal and wait; shared by stop and restart. */
void StopServer(long pid)
{
	if (kill(static_cast<pid_t>(pid), shutdown_signal) != 0)
	{
		fprintf(stderr, "%s: could not send stop signal (PID: %ld): %s\n", fe::ProgName(), pid,
				strerror(errno));
		exit(1);
	}
	if (!do_wait)
	{
		Msg("server shutting down\n");
		return;
	}
	Msg("waiting for server to shut down...");
	if (!WaitForPostmasterStop())
	{
		Msg(" failed\n");
		fprintf(stderr, "%s: server does not shut down\n", fe::ProgName());
		if (shutdown_smart)
			fprintf(stderr,
					"HINT: The \"-m fast\" option immediately disconnects sessions "
					"rather than\nwaiting for session-initiated disconnection.\n");
		exit(1);
	}
	Msg(" done\n");
	Msg("server stopped\n");
}

void NoPidFile()
{
	fprintf(stderr, "%s: PID file \"%s\" does not exist\n", fe::ProgName(), PidFile().c_str());
	fprintf(stderr, "Is server running?\n");
}

void DoStop()
{
	long pid = GetPgPid(false);
	if (pid == 0)
	{
		NoPidFile();
		exit(1);
	}
	StopServer(pid);
}

void DoRestart()
{
	long pid = GetPgPid(false);
	if (pid == 0)
	{
		NoPidFile();
		fprintf(stderr, "trying to start server anyway\n");
		DoStart(false);
		return;
	}
	bool opts_from_file = ReadPostOptsForRestart();
	if (PostmasterIsAlive(static_cast<pid_t>(pid)))
		StopServer(pid);
	else
	{
		fprintf(stderr, "%s: old server process (PID: %ld) seems to be gone\n", fe::ProgName(),
				pid);
		fprintf(stderr, "starting server anyway\n");
	}
	DoStart(opts_from_file);
}

void DoReload()
{
	long pid = GetPgPid(false);
	if (pid == 0)
	{
		NoPidFile();
		exit(1);
	}
	if (kill(static_cast<pid_t>(pid), SIGHUP) != 0)
	{
		fprintf(stderr, "%s: could not send reload signal (PID: %ld): %s\n", fe::ProgName(), pid,
				strerror(errno));
		exit(1);
	}
	Msg("server signaled\n");
}

void DoStatus()
{
	long pid = GetPgPid(true);
	if (pid != 0 && PostmasterIsAlive(static_cast<pid_t>(pid)))
	{
		printf("%s: server is running (PID: %ld)\n", fe::ProgName(), pid);
		std::ifstream in(pg_data + "/postmaster.opts");
		std::string line;
		while (std::getline(in, line))
			printf("%s\n", line.c_str());
		return;
	}
	printf("%s: no server running\n", fe::ProgName());
	exit(3);
}

void Usage()
{
	printf("%s is a utility to initialize, start, stop, or control a PostgreSQL server.\n\n",
		   fe::ProgName());
	printf("Usage:\n");
	printf("  %s start      [-D DATADIR] [-l FILENAME] [-W] [-t SECS] [-s]\n"
		   "                    [-o OPTIONS]\n",
		   fe::ProgName());
	printf("  %s stop       [-D DATADIR] [-m SHUTDOWN-MODE] [-W] [-t SECS] [-s]\n", fe::ProgName());
	printf("  %s restart    [-D DATADIR] [-m SHUTDOWN-MODE] [-W] [-t SECS] [-s]\n"
		   "                    [-o OPTIONS]\n",
		   fe::ProgName());
	printf("  %s reload     [-D DATADIR] [-s]\n", fe::ProgName());
	printf("  %s status     [-D DATADIR]\n", fe::ProgName());
	printf("\nCommon options:\n");
	printf("  -D, --pgdata=DATADIR   location of the database storage area\n");
	printf("  -s, --silent           only print errors, no informational messages\n");
	printf("  -t, --timeout=SECS     seconds to wait when using -w option\n");
	printf("  -V, --version          output version information, then exit\n");
	printf("  -w, --wait             wait until operation completes (default)\n");
	printf("  -W, --no-wait          do not wait until operation completes\n");
	printf("  -?, --help             show this help, then exit\n");
	printf("If the -D option is omitted, the environment variable PGDATA is used.\n");
	printf("\nOptions for start or restart:\n");
	printf("  -l, --log=FILENAME     write (or append) server log to FILENAME\n");
	printf("  -o, --options=OPTIONS  command line options to pass to postgres\n"
		   "                         (PostgreSQL server executable)\n");
	printf("\nOptions for stop or restart:\n");
	printf("  -m, --mode=MODE        MODE can be \"smart\", \"fast\", or \"immediate\"\n");
	printf("\nShutdown modes are:\n");
	printf("  smart       quit after all clients have disconnected\n");
	printf("  fast        quit directly, with proper shutdown (default)\n");
	printf("  immediate   quit without complete shutdown; will lead to recovery on restart\n");
}

void SetMode(const char *arg)
{
	if (strcmp(arg, "smart") == 0 || strcmp(arg, "s") == 0)
	{
		shutdown_signal = SIGTERM;
		shutdown_smart = true;
	}
	else if (strcmp(arg, "fast") == 0 || strcmp(arg, "f") == 0)
		shutdown_signal = SIGINT;
	else if (strcmp(arg, "immediate") == 0 || strcmp(arg, "i") == 0)
		shutdown_signal = SIGQUIT;
	else
	{
		fprintf(stderr, "%s: unrecognized shutdown mode \"%s\"\n", fe::ProgName(), arg);
		fe::TryHelp();
	}
}

}  // namespace

int main(int argc, char *argv[])
{
	fe::SetProgName("pg_ctl");
	start_time = time(nullptr);
	if (argc > 1)
	{
		if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-?") == 0)
		{
			Usage();
			return 0;
		}
		if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
		{
			printf("pg_ctl (PostgreSQL) %s (Tusk %s)\n", PG_VERSION, TUSK_VERSION);
			return 0;
		}
	}
	if (geteuid() == 0)
	{
		fprintf(stderr,
				"%s: cannot be run as root\n"
				"Please log in (using, e.g., \"su\") as the (unprivileged) user that will\n"
				"own the server process.\n",
				fe::ProgName());
		return 1;
	}
	if (const char *env = getenv("PGDATA"); env != nullptr && env[0] != '\0')
		pg_data = env;

	static const struct option long_options[] = {
		{"help", no_argument, nullptr, '?'},
		{"version", no_argument, nullptr, 'V'},
		{"log", required_argument, nullptr, 'l'},
		{"mode", required_argument, nullptr, 'm'},
		{"pgdata", required_argument, nullptr, 'D'},
		{"options", required_argument, nullptr, 'o'},
		{"silent", no_argument, nullptr, 's'},
		{"timeout", required_argument, nullptr, 't'},
		{"wait", no_argument, nullptr, 'w'},
		{"no-wait", no_argument, nullptr, 'W'},
		{nullptr, 0, nullptr, 0},
	};
	/* Options may come before and after the operation word, as in PostgreSQL. */
	optind = 1;
	while (optind < argc)
	{
		int c;
		while ((c = getopt_long(argc, argv, "D:l:m:o:st:wW", long_options, nullptr)) != -1)
		{
			switch (c)
			{
				case 'D':
					pg_data = optarg;
					break;
				case 'l':
					log_file = optarg;
					break;
				case 'm':
					SetMode(optarg);
					break;
				case 'o':
					if (!post_opts.empty())
						post_opts += " ";
					post_opts += optarg;
					post_opts_given = true;
					break;
				case 's':
					silent = true;
					break;
				case 't':
				{
					auto secs = common::ParseInteger(optarg);
					if (!secs || *secs < 0 || *secs > INT32_MAX)
					{
						fprintf(stderr, "%s: invalid value \"%s\" for option -t\n", fe::ProgName(),
								optarg);
						fe::TryHelp();
					}
					wait_seconds = static_cast<int>(*secs);
					break;
				}
				case 'w':
					do_wait = true;
					break;
				case 'W':
					do_wait = false;
					break;
				default:
					fe::TryHelp();
			}
		}
		if (optind < argc)
		{
			if (mode != Mode::kNone)
			{
				fprintf(stderr, "%s: too many command-line arguments (first is \"%s\")\n",
						fe::ProgName(), argv[optind]);
				fe::TryHelp();
			}
			const char *op = argv[optind];
			if (strcmp(op, "start") == 0)
				mode = Mode::kStart;
			else if (strcmp(op, "stop") == 0)
				mode = Mode::kStop;
			else if (strcmp(op, "restart") == 0)
				mode = Mode::kRestart;
			else if (strcmp(op, "reload") == 0)
				mode = Mode::kReload;
			else if (strcmp(op, "status") == 0)
				mode = Mode::kStatus;
			else
			{
				fprintf(stderr, "%s: unrecognized operation mode \"%s\"\n", fe::ProgName(), op);
				fe::TryHelp();
			}
			optind++;
		}
	}

	if (mode == Mode::kNone)
	{
		fprintf(stderr, "%s: no operation specified\n", fe::ProgName());
		fe::TryHelp();
	}
	if (pg_data.empty())
	{
		fprintf(stderr,
				"%s: no database directory specified and environment variable PGDATA "
				"unset\n",
				fe::ProgName());
		fe::TryHelp();
	}

	switch (mode)
	{
		case Mode::kStart:
			DoStart(false);
			break;
		case Mode::kStop:
			DoStop();
			break;
		case Mode::kRestart:
			DoRestart();
			break;
		case Mode::kReload:
			DoReload();
			break;
		case Mode::kStatus:
			DoStatus();
			break;
		case Mode::kNone:
			break;
	}
	return 0;
}
