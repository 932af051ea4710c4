/*
 * main.cpp — entry point of the `postgres` binary.
 *
 * Handles the options that do not start a server (--version, --help,
 * --describe-config, -C name), refuses to run as root, and hands over to
 * the postmaster.
 */
#include "postgres.h"

#include <unistd.h>

#include "miscadmin.h"
#include "catalog/bootstrap.h"
#include "postmaster/postmaster.h"
#include "tusk_config.h"
#include "utils/error/error.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/misc/guc_internal.h"
#include "utils/misc/ps_status.h"

namespace {

void Help(const char *progname)
{
	printf("%s is the PostgreSQL-compatible server of Tusk.\n\n", progname);
	printf("Usage:\n  %s [OPTION]...\n\n", progname);
	printf("Options:\n");
	printf("  -B NBUFFERS        number of shared buffers\n");
	printf("  -c NAME=VALUE      set run-time parameter\n");
	printf("  -C NAME            print value of run-time parameter, then exit\n");
	printf("  -d 1-5             debugging level\n");
	printf("  -D DATADIR         database directory\n");
	printf("  -h HOSTNAME        host name or IP address to listen on\n");
	printf("  -k DIRECTORY       Unix-domain socket location\n");
	printf("  -N MAX-CONNECT     maximum number of allowed connections\n");
	printf("  -p PORT            port number to listen on\n");
	printf("  -V, --version      output version information, then exit\n");
	printf("  --NAME=VALUE       set run-time parameter\n");
	printf("  --describe-config  describe configuration parameters, then exit\n");
	printf("  -?, --help         show this help, then exit\n");
}

/* The server must not run with root's powers: a compromised backend would
 * own the machine. */
void CheckRoot(const char *progname)
{
	if (geteuid() == 0)
	{
		fprintf(stderr,
				"\"root\" execution of the PostgreSQL server is not permitted.\n"
				"The server must be started under an unprivileged user ID to prevent\n"
				"possible system security compromise.  See the documentation for\n"
				"more information on how to properly start the server.\n");
		exit(1);
	}
	if (getuid() != geteuid())
	{
		fprintf(stderr, "%s: real and effective user IDs must match\n", progname);
		exit(1);
	}
}

}  // namespace

int main(int argc, char *argv[])
{
	const char *progname = "postgres";
	/* Before anything can palloc. */
	MemoryContextInit();
	/* Recursion depth is measured from here (check_stack_depth). */
	set_stack_base();
	/* No exception ends any server process without a word. */
	tusk::error::InstallTerminateHandler();
	/* Before anything reads argv: the process title reuses its memory. */
	argv = tusk::ps::SaveArgv(argc, argv);
	if (argc > 1)
	{
		if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-?") == 0)
		{
			Help(progname);
			return 0;
		}
		if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
		{
			printf("postgres (PostgreSQL) %s (Tusk %s)\n", PG_VERSION, TUSK_VERSION);
			return 0;
		}
	}
	/* Describing the settings touches nothing: root may do it, as with
	 * PostgreSQL. */
	if (argc > 1 && strcmp(argv[1], "--describe-config") == 0)
	{
		MyProcPid = getpid();
		InitializeGUCOptions();
		tusk::guc::DescribeConfig(stdout);
		return 0;
	}
	CheckRoot(progname);
	if (argc > 1 && strcmp(argv[1], "--boot") == 0)
		BootstrapModeMain(argc, argv);
	tusk::postmaster::PostmasterMain(argc, argv);
}
