/*
 * initdb.cpp — create a Tusk data directory.
 *
 * Output, refusals and exit codes follow PostgreSQL 15's initdb, for the
 * steps Tusk really performs: there are no catalogs to bootstrap yet, so
 * initdb creates the directory tree the storage uses, PG_VERSION, and the
 * configuration files.  postgresql.conf lists every setting the server
 * knows — taken from `postgres --describe-config` of this installation,
 * so the file can never mention a setting the server would reject — each
 * commented out with its default, except the few initdb chooses.
 *
 * If initdb fails after creating (or filling) the directory, it removes
 * what it made, as PostgreSQL does.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "common/paths.h"
#include "fe_common/fe_common.h"
#include "tusk_config.h"

using namespace tusk;

namespace {

/* What PostgreSQL 15's initdb creates; the storage will use them. */
const char *const kSubdirs[] = {
	"global",
	"pg_wal",
	"pg_wal/archive_status",
	"pg_commit_ts",
	"pg_dynshmem",
	"pg_notify",
	"pg_serial",
	"pg_snapshots",
	"pg_subtrans",
	"pg_twophase",
	"pg_multixact",
	"pg_multixact/members",
	"pg_multixact/offsets",
	"base",
	"base/1",
	"pg_replslot",
	"pg_tblspc",
	"pg_stat",
	"pg_stat_tmp",
	"pg_xact",
	"pg_logical",
	"pg_logical/snapshots",
	"pg_logical/mappings",
};

/* Authentication methods the server implements (see doc/libpq/README.md). */
const char *const kSupportedAuth[] = {"trust", "reject", "peer"};
/* Methods PostgreSQL accepts; Tusk refuses them clearly instead. */
const char *const kPgAuth[] = {"md5",	"password", "scram-sha-256", "gss",	   "sspi",
							   "ident", "pam",		"ldap",			 "radius", "cert"};

std::string pg_data;
bool made_new_dir = false;
bool found_existing_dir = false;
bool success = false;
bool do_sync = true;
int wal_segment_mb = 16; /* --wal-segsize */

void RemoveOnFailure()
{
	if (success || pg_data.empty())
		return;
	std::error_code ec;
	if (made_new_dir)
	{
		fprintf(stderr, "%s: removing data directory \"%s\"\n", fe::ProgName(), pg_data.c_str());
		std::filesystem::remove_all(pg_data, ec);
		if (ec)
			fe::LogError("failed to remove data directory");
	}
	else if (found_existing_dir)
	{
		fprintf(stderr, "%s: removing contents of data directory \"%s\"\n", fe::ProgName(),
				pg_data.c_str());
		for (const auto &entry : std::filesystem::directory_iterator(pg_data, ec))
			std::filesystem::remove_all(entry.path(), ec);
		if (ec)
			fe::LogError("failed to remove contents of data directory");
	}
}

[[noreturn]] void Fail()
{
	RemoveOnFailure();
	exit(1);
}

void Step(const char *what)
{
	printf("%s ... ", what);
	fflush(stdout);
}

void Ok()
{
	printf("ok\n");
	fflush(stdout);
}

void WriteFile(const std::string &relpath, const std::string &text)
{
	std::string path = pg_data + "/" + relpath;
	int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0)
	{
		fe::LogError("could not open file \"%s\" for writing: %s", path.c_str(), strerror(errno));
		Fail();
	}
	size_t done = 0;
	while (done < text.size())
	{
		ssize_t n = write(fd, text.data() + done, text.size() - done);
		if (n < 0)
		{
			fe::LogError("could not write file \"%s\": %s", path.c_str(), strerror(errno));
			close(fd);
			Fail();
		}
		done += static_cast<size_t>(n);
	}
	if (close(fd) != 0)
	{
		fe::LogError("could not close file \"%s\": %s", path.c_str(), strerror(errno));
		Fail();
	}
}

void MakeDir(const std::string &path)
{
	if (mkdir(path.c_str(), 0700) != 0)
	{
		fe::LogError("could not create directory \"%s\": %s", path.c_str(), strerror(errno));
		Fail();
	}
}

/* Creates pg_data, or checks that it is empty; PostgreSQL's refusals. */
void CreateDataDirectory()
{
	DIR *dir = opendir(pg_data.c_str());
	if (dir == nullptr)
	{
		if (errno != ENOENT)
		{
			fe::LogError("could not access directory \"%s\": %s", pg_data.c_str(), strerror(errno));
			exit(1);
		}
		printf("creating directory %s ... ", pg_data.c_str());
		fflush(stdout);
		std::error_code ec;
		std::filesystem::create_directories(std::filesystem::path(pg_data).parent_path(), ec);
		if (mkdir(pg_data.c_str(), 0700) != 0)
		{
			fe::LogError("could not create directory \"%s\": %s", pg_data.c_str(), strerror(errno));
			exit(1);
		}
		made_new_dir = true;
		Ok();
		return;
	}
	bool empty = true;
	while (struct dirent *de = readdir(dir))
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			empty = false;
	closedir(dir);
	if (!empty)
	{
		fe::LogError("directory \"%s\" exists but is not empty", pg_data.c_str());
		fe::LogHint("If you want to create a new database system, either remove or empty the "
					"directory \"%s\" or run %s with an argument other than \"%s\".",
					pg_data.c_str(), fe::ProgName(), pg_data.c_str());
		exit(1);
	}
	printf("fixing permissions on existing directory %s ... ", pg_data.c_str());
	fflush(stdout);
	if (chmod(pg_data.c_str(), 0700) != 0)
	{
		fe::LogError("could not change permissions of directory \"%s\": %s", pg_data.c_str(),
					 strerror(errno));
		exit(1);
	}
	found_existing_dir = true;
	Ok();
}

struct Setting
{
	std::string name, context, group, type, boot, min, max, desc, long_desc, conf;
};

/* postgres --boot on the new directory: the catalogs of template1, then the
 * post-bootstrap script (the system views), then template0 and postgres as
 * copies of template1. */
void RunBootstrap(const std::string &username, const std::string &locale)
{
	fe::ProgramResult boot = fe::RunProgram({fe::ServerBinary(), "--boot", "-F", "-X",
											 std::to_string(static_cast<long>(wal_segment_mb) *
															1024 * 1024),
											 "-D", pg_data, "-U", username, "-L", locale, "-s",
											 common::GetInstallDir(common::InstallDir::kShare) +
												 "/system_views.sql",
											 "-s",
											 common::GetInstallDir(common::InstallDir::kShare) +
												 "/information_schema.sql"},
											true);
	if (!boot.ok)
	{
		printf("\n");
		fputs(boot.output.c_str(), stderr);
		fe::LogError("bootstrap of the data directory failed");
		Fail();
	}
}

/* Every setting of this installation's server, from --describe-config. */
std::vector<Setting> DescribeServerSettings(const char *argv0)
{
	std::string server = fe::ServerBinary();
	if (access(server.c_str(), X_OK) != 0)
	{
		fe::LogError("program \"postgres\" is needed by %s but was not found in the same "
					 "directory as \"%s\"",
					 fe::ProgName(), common::FindMyExec().c_str());
		fe::LogHint("Check your installation.");
		(void) argv0;
		Fail();
	}
	fe::ProgramResult described = fe::RunProgram({server, "--describe-config"}, false);
	std::vector<Setting> out;
	std::stringstream lines(described.output);
	std::string line;
	while (std::getline(lines, line))
	{
		std::vector<std::string> f;
		std::stringstream ss(line);
		std::string field;
		while (std::getline(ss, field, '\t'))
			f.push_back(field);
		while (f.size() < 10)
			f.emplace_back();
		out.push_back(Setting{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]});
	}
	if (!described.ok || out.empty())
	{
		fe::LogError("\"%s\" --describe-config failed", server.c_str());
		Fail();
	}
	return out;
}

std::string Upper(std::string s)
{
	for (char &c : s)
		c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
	return s;
}

std::string Lower(std::string s)
{
	for (char &c : s)
		c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
	return s;
}

std::string PostgresqlConf(const std::vector<Setting> &settings,
						   const std::map<std::string, std::string> &chosen)
{
	/* PostgreSQL's section order; sections it does not know come last. */
	static const char *const kOrder[] = {
		"File Locations",
		"Connections and Authentication",
		"Resource Usage",
		"Write-Ahead Log",
		"Replication",
		"Query Tuning",
		"Reporting and Logging",
		"Statistics",
		"Autovacuum",
		"Client Connection Defaults",
		"Lock Management",
		"Version and Platform Compatibility",
		"Error Handling",
	};
	std::map<std::string, std::map<std::string, std::vector<const Setting *>>> by_group;
	std::vector<std::string> tops;
	for (const char *t : kOrder)
		tops.push_back(t);
	for (const Setting &s : settings)
	{
		std::string top = s.group, sub;
		size_t slash = s.group.find(" / ");
		if (slash != std::string::npos)
		{
			top = s.group.substr(0, slash);
			sub = s.group.substr(slash + 3);
		}
		if (std::find(tops.begin(), tops.end(), top) == tops.end())
			tops.push_back(top);
		by_group[top][sub].push_back(&s);
	}

	std::string out =
		"# -----------------------------\n"
		"# PostgreSQL configuration file\n"
		"# -----------------------------\n"
		"#\n"
		"# This file consists of lines of the form:\n"
		"#\n"
		"#   name = value\n"
		"#\n"
		"# (The \"=\" is optional.)  Whitespace may be used.  Comments are introduced with\n"
		"# \"#\" anywhere on a line.  The complete list of parameter names and allowed\n"
		"# values can be found in the Tusk documentation (doc/settings.md).\n"
		"#\n"
		"# The commented-out settings shown in this file represent the default values.\n"
		"# Re-commenting a setting is NOT sufficient to revert it to the default value;\n"
		"# you need to reload the server.\n"
		"#\n"
		"# This file is read on server startup and when the server receives a SIGHUP\n"
		"# signal.  If you edit the file on a running system, you have to SIGHUP the\n"
		"# server for the changes to take effect, run \"pg_ctl reload\", or execute\n"
		"# \"SELECT pg_reload_conf()\".  Some parameters, which are marked below,\n"
		"# require a server shutdown and restart to take effect.\n"
		"#\n"
		"# Any parameter can also be given as a command-line option to the server, e.g.,\n"
		"# \"postgres -c log_connections=on\".  Some parameters can be changed at run time\n"
		"# with the \"SET\" SQL command.\n"
		"#\n"
		"# Memory units:  B  = bytes            Time units:  us  = microseconds\n"
		"#                kB = kilobytes                     ms  = milliseconds\n"
		"#                MB = megabytes                     s   = seconds\n"
		"#                GB = gigabytes                     min = minutes\n"
		"#                TB = terabytes                     h   = hours\n"
		"#                                                   d   = days\n";
	for (const std::string &top : tops)
	{
		auto it = by_group.find(top);
		if (it == by_group.end())
			continue;
		out +=
			"\n\n#------------------------------------------------------------------------------\n";
		out += "# " + Upper(top) + "\n";
		out += "#------------------------------------------------------------------------------\n";
		for (const auto &[sub, list] : it->second)
		{
			if (!sub.empty())
				out += "\n# - " + sub + " -\n\n";
			else
				out += "\n";
			for (const Setting *s : list)
			{
				auto c = chosen.find(Lower(s->name));
				std::string line = c != chosen.end() ? Lower(s->name) + " = " + c->second
													 : "#" + s->name + " = " + s->conf;
				if (line.size() < 40)
					line += std::string(40 - line.size(), ' ');
				line += "\t# " + s->desc;
				if (s->context == "postmaster")
					line += "\n" + std::string(40, ' ') + "\t# (change requires restart)";
				out += line + "\n";
			}
		}
	}
	out += "\n\n#------------------------------------------------------------------------------\n"
		   "# CONFIG FILE INCLUDES\n"
		   "#------------------------------------------------------------------------------\n\n"
		   "# These options allow settings to be loaded from files other than the\n"
		   "# default postgresql.conf.  Note that these are directives, not variable\n"
		   "# assignments, so they can usefully be given more than once.\n\n"
		   "#include_dir = '...'\t\t\t# include files ending in '.conf' from\n"
		   "\t\t\t\t\t# a directory, e.g., 'conf.d'\n"
		   "#include_if_exists = '...'\t\t# include file only if it exists\n"
		   "#include = '...'\t\t\t# include file\n";
	return out;
}

std::string HbaConf(const std::string &local, const std::string &host)
{
	auto row = [](const std::string &type, const std::string &db, const std::string &addr,
				  const std::string &method) {
		char buf[256];
		snprintf(buf, sizeof buf, "%-7s %-15s %-15s %-23s %s\n", type.c_str(), db.c_str(), "all",
				 addr.c_str(), method.c_str());
		return std::string(buf);
	};
	std::string out =
		"# PostgreSQL Client Authentication Configuration File\n"
		"# ===================================================\n"
		"#\n"
		"# Each record is one line: TYPE  DATABASE  USER  [ADDRESS]  METHOD.\n"
		"# TYPE is \"local\" (Unix-domain socket) or \"host\" (TCP/IP); DATABASE and\n"
		"# USER may be \"all\" or a name; ADDRESS is an IP address with a CIDR mask.\n"
		"# Tusk implements the methods \"trust\", \"peer\" and \"reject\".\n"
		"#\n"
		"# This file is read on server startup and when the server receives a SIGHUP\n"
		"# signal.\n"
		"\n"
		"# TYPE  DATABASE        USER            ADDRESS                 METHOD\n"
		"\n"
		"# \"local\" is for Unix domain socket connections only\n";
	out += row("local", "all", "", local);
	out += "# IPv4 local connections:\n";
	out += row("host", "all", "127.0.0.1/32", host);
	out += "# IPv6 local connections:\n";
	out += row("host", "all", "::1/128", host);
	out += "# Allow replication connections from localhost, by a user with the\n"
		   "# replication privilege.\n";
	out += row("local", "replication", "", local);
	out += row("host", "replication", "127.0.0.1/32", host);
	out += row("host", "replication", "::1/128", host);
	return out;
}

const char *const kIdentConf = "# PostgreSQL User Name Maps\n"
							   "# =========================\n"
							   "#\n"
							   "# Maps operating-system user names to database user names, for\n"
							   "# authentication methods that support them.\n"
							   "\n"
							   "# MAPNAME       SYSTEM-USERNAME         PG-USERNAME\n";

bool ZoneExists(const std::string &zone)
{
	if (zone.empty() || zone[0] == '/' || zone.find("..") != std::string::npos)
		return false;
	struct stat st;
	return stat(("/usr/share/zoneinfo/" + zone).c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

/* The system's time zone: TZ, /etc/timezone, or the /etc/localtime link. */
std::string SelectTimeZone()
{
	if (const char *tz = getenv("TZ"); tz != nullptr)
	{
		std::string z = tz[0] == ':' ? tz + 1 : tz;
		if (ZoneExists(z))
			return z;
	}
	std::ifstream in("/etc/timezone");
	std::string z;
	if (in && std::getline(in, z) && ZoneExists(z))
		return z;
	char link[1024];
	ssize_t n = readlink("/etc/localtime", link, sizeof link - 1);
	if (n > 0)
	{
		link[n] = '\0';
		const char *p = strstr(link, "zoneinfo/");
		if (p != nullptr && ZoneExists(p + strlen("zoneinfo/")))
			return p + strlen("zoneinfo/");
	}
	return "GMT";
}

void FsyncPath(const std::string &path, bool is_dir)
{
	int fd = open(path.c_str(), is_dir ? O_RDONLY | O_DIRECTORY : O_RDONLY);
	if (fd < 0)
	{
		fe::LogError("could not open file \"%s\": %s", path.c_str(), strerror(errno));
		Fail();
	}
	if (fsync(fd) != 0)
	{
		fe::LogError("could not fsync file \"%s\": %s", path.c_str(), strerror(errno));
		close(fd);
		Fail();
	}
	close(fd);
}

void SyncDataDirectory()
{
	for (const auto &entry : std::filesystem::recursive_directory_iterator(pg_data))
		FsyncPath(entry.path(), entry.is_directory());
	FsyncPath(pg_data, true);
	FsyncPath(common::DirName(pg_data), true);
}

bool IsOneOf(const std::string &m, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (m == list[i])
			return true;
	return false;
}

void CheckAuthMethod(const std::string &method, const char *conntype)
{
	if (IsOneOf(method, kSupportedAuth, std::size(kSupportedAuth)))
		return;
	if (IsOneOf(method, kPgAuth, std::size(kPgAuth)))
	{
		fe::LogError("authentication method \"%s\" is not supported by Tusk", method.c_str());
		fe::LogHint("Tusk implements the methods \"trust\", \"peer\" and \"reject\".");
		exit(1);
	}
	fe::LogError("invalid authentication method \"%s\" for \"%s\" connections", method.c_str(),
				 conntype);
	exit(1);
}

void Usage()
{
	printf("%s initializes a PostgreSQL database cluster.\n\n", fe::ProgName());
	printf("Usage:\n  %s [OPTION]... [DATADIR]\n\nOptions:\n", fe::ProgName());
	printf("  -A, --auth=METHOD         default authentication method for local connections\n");
	printf(
		"      --auth-host=METHOD    default authentication method for local TCP/IP connections\n");
	printf(
		"      --auth-local=METHOD   default authentication method for local-socket connections\n");
	printf(" [-D, --pgdata=]DATADIR     location for this database cluster\n");
	printf("  -E, --encoding=ENCODING   set default encoding for new databases (UTF8 only)\n");
	printf("      --locale=LOCALE       set default locale for new databases (C or C.UTF-8)\n");
	printf("      --pwfile=FILE         read password for the new superuser from file\n");
	printf("  -U, --username=NAME       database superuser name\n");
	printf("\nLess commonly used options:\n");
	printf("  -N, --no-sync             do not wait for changes to be written safely to disk\n");
	printf("      --wal-segsize=SIZE    size of WAL segments, in megabytes\n");
	printf("\nOther options:\n");
	printf("  -V, --version             output version information, then exit\n");
	printf("  -?, --help                show this help, then exit\n");
	printf("\nIf the data directory is not specified, the environment variable PGDATA\nis used.\n");
	printf("\nAuthentication methods Tusk implements: trust, peer, reject.\n");
}

}  // namespace

int main(int argc, char *argv[])
{
	fe::SetProgName("initdb");
	if (argc > 1)
	{
		if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-?") == 0)
		{
			Usage();
			return 0;
		}
		if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
		{
			printf("initdb (PostgreSQL) %s (Tusk %s)\n", PG_VERSION, TUSK_VERSION);
			return 0;
		}
	}

	static const struct option long_options[] = {
		{"pgdata", required_argument, nullptr, 'D'},
		{"encoding", required_argument, nullptr, 'E'},
		{"locale", required_argument, nullptr, 1},
		{"username", required_argument, nullptr, 'U'},
		{"auth", required_argument, nullptr, 'A'},
		{"auth-local", required_argument, nullptr, 2},
		{"auth-host", required_argument, nullptr, 3},
		{"pwfile", required_argument, nullptr, 4},
		{"no-sync", no_argument, nullptr, 'N'},
		{"wal-segsize", required_argument, nullptr, 5},
		{nullptr, 0, nullptr, 0},
	};
	std::string username, auth_local, auth_host, pwfile;
	std::string locale = "C";
	int c;
	while ((c = getopt_long(argc, argv, "A:D:E:NU:", long_options, nullptr)) != -1)
	{
		switch (c)
		{
			case 'A':
				auth_local = auth_host = optarg;
				break;
			case 2:
				auth_local = optarg;
				break;
			case 3:
				auth_host = optarg;
				break;
			case 'D':
				pg_data = optarg;
				break;
			case 'E':
			{
				std::string e = Lower(optarg);
				e.erase(std::remove(e.begin(), e.end(), '-'), e.end());
				if (e != "utf8" && e != "unicode")
				{
					fe::LogError("encoding \"%s\" is not supported", optarg);
					fe::LogHint("Tusk stores text as UTF8.");
					exit(1);
				}
				break;
			}
			case 1:
				if (strcmp(optarg, "C") != 0 && strcmp(optarg, "POSIX") != 0 &&
					strcmp(optarg, "C.UTF-8") != 0 && strcmp(optarg, "C.utf8") != 0)
				{
					fe::LogError("locale \"%s\" is not supported", optarg);
					fe::LogHint("Tusk compares text bytewise, as in the \"C\" locale.");
					exit(1);
				}
				locale = optarg;
				break;
			case 'U':
				username = optarg;
				break;
			case 4:
				pwfile = optarg;
				break;
			case 'N':
				do_sync = false;
				break;
			case 5:
			{
				char *end;
				long mb = strtol(optarg, &end, 10);
				if (end == optarg || *end != '\0')
				{
					fe::LogError("argument of --wal-segsize must be a number");
					exit(1);
				}
				if (mb < 1 || mb > 1024 || (mb & (mb - 1)) != 0)
				{
					fe::LogError(
						"argument of --wal-segsize must be a power of 2 between 1 and 1024");
					exit(1);
				}
				wal_segment_mb = static_cast<int>(mb);
				break;
			}
			default:
				fe::TryHelp();
		}
	}
	if (optind < argc && pg_data.empty())
		pg_data = argv[optind++];
	if (optind < argc)
	{
		fe::LogError("too many command-line arguments (first is \"%s\")", argv[optind]);
		fe::TryHelp();
	}

	if (geteuid() == 0)
	{
		fe::LogError("cannot be run as root");
		fe::LogHint("Please log in (using, e.g., \"su\") as the (unprivileged) user that will own "
					"the server process.");
		exit(1);
	}

	bool auth_warning = auth_local.empty() && auth_host.empty();
	if (auth_local.empty())
		auth_local = "trust";
	if (auth_host.empty())
		auth_host = "trust";
	CheckAuthMethod(auth_local, "local");
	CheckAuthMethod(auth_host, "host");

	if (pg_data.empty())
	{
		if (const char *env = getenv("PGDATA"); env != nullptr && env[0] != '\0')
			pg_data = env;
		else
		{
			fe::LogError("no data directory specified");
			fe::LogHint("You must identify the directory where the data for this database system "
						"will reside.  Do this with either the invocation option -D or the "
						"environment variable PGDATA.");
			exit(1);
		}
	}
	pg_data = common::MakeAbsolutePath(pg_data);
	while (pg_data.size() > 1 && pg_data.back() == '/')
		pg_data.pop_back();

	if (username.empty())
	{
		struct passwd *pw = getpwuid(geteuid());
		if (pw == nullptr)
		{
			fe::LogError("could not look up effective user ID %ld: %s",
						 static_cast<long>(geteuid()), strerror(errno));
			exit(1);
		}
		username = pw->pw_name;
	}
	if (username.rfind("pg_", 0) == 0)
	{
		fe::LogError("superuser name \"%s\" is disallowed; role names cannot begin with \"pg_\"",
					 username.c_str());
		exit(1);
	}
	if (!pwfile.empty())
	{
		std::ifstream in(pwfile);
		if (!in)
		{
			fe::LogError("could not open file \"%s\" for reading: %s", pwfile.c_str(),
						 strerror(errno));
			exit(1);
		}
		std::string first;
		if (!std::getline(in, first) || first.empty())
		{
			fe::LogError("password file \"%s\" is empty", pwfile.c_str());
			exit(1);
		}
	}

	/* Ask the server which settings exist before touching the disk. */
	std::vector<Setting> settings = DescribeServerSettings(argv[0]);

	printf("The files belonging to this database system will be owned by user \"%s\".\n"
		   "This user must also own the server process.\n\n",
		   getpwuid(geteuid()) ? getpwuid(geteuid())->pw_name : username.c_str());
	printf("The default database encoding has been set to \"UTF8\".\n\n");
	fflush(stdout);

	CreateDataDirectory();

	Step("creating subdirectories");
	for (const char *sub : kSubdirs)
		MakeDir(pg_data + "/" + sub);
	WriteFile("PG_VERSION", std::string(PG_MAJORVERSION) + "\n");
	WriteFile("base/1/PG_VERSION", std::string(PG_MAJORVERSION) + "\n");
	Ok();

	printf("selecting default max_connections ... 100\n");
	printf("selecting default shared_buffers ... 128MB\n");
	std::string zone = SelectTimeZone();
	printf("selecting default time zone ... %s\n", zone.c_str());

	Step("creating configuration files");
	std::map<std::string, std::string> chosen = {
		{"max_connections", "100"},			{"shared_buffers", "128MB"},
		{"log_timezone", "'" + zone + "'"}, {"timezone", "'" + zone + "'"},
		{"datestyle", "'iso, mdy'"},
	};
	for (auto it = chosen.begin(); it != chosen.end();)
	{
		bool known = false;
		for (const Setting &s : settings)
			known = known || Lower(s.name) == it->first;
		it = known ? std::next(it) : chosen.erase(it);
	}
	WriteFile("postgresql.conf", PostgresqlConf(settings, chosen));
	WriteFile("postgresql.auto.conf",
			  "# Do not edit this file manually!\n"
			  "# It will be overwritten by the ALTER SYSTEM command.\n");
	WriteFile("pg_hba.conf", HbaConf(auth_local, auth_host));
	WriteFile("pg_ident.conf", kIdentConf);
	Ok();

	/* The server writes pg_control, the first WAL segment and the commit
	 * log itself; syncing waits for the end, as in PostgreSQL. */
	Step("running bootstrap script");
	RunBootstrap(username, locale);
	Ok();

	if (!pwfile.empty())
		fe::LogWarning("Tusk has no password authentication yet; the password in \"%s\" was "
					   "checked but not stored",
					   pwfile.c_str());

	if (do_sync)
	{
		Step("syncing data to disk");
		SyncDataDirectory();
		Ok();
	}
	else
		printf("\nSync to disk skipped.\nThe data directory might become corrupt if the "
			   "operating system crashes.\n");

	success = true;
	if (auth_warning)
	{
		printf("\n");
		fflush(stdout);
		fe::LogWarning("enabling \"trust\" authentication for local connections");
		fe::LogHint("You can change this by editing pg_hba.conf or using the option -A, or "
					"--auth-local and --auth-host, the next time you run initdb.");
	}
	std::string pg_ctl = common::GetInstallDir(common::InstallDir::kBin) + "/pg_ctl";
	printf("\nSuccess. You can now start the database server using:\n\n"
		   "    %s -D %s -l logfile start\n\n",
		   pg_ctl.c_str(), pg_data.c_str());
	return 0;
}
