/*
 * bootstrap.cpp — `postgres --boot`: the first life of a data directory.
 *
 * Principal entry point: BootstrapModeMain.
 *
 * initdb creates the directory tree and the configuration files, then
 * runs the server binary in bootstrap mode, which writes what only the
 * server knows how to write: pg_control, the first WAL segment holding a
 * shutdown checkpoint, the first commit-log page, and the system catalogs
 * of template1 (bootstrap_catalogs.cpp).  With -s, the same process then
 * runs initdb's post-bootstrap SQL script (system views …) in template1
 * through the normal SQL pipeline (tcop/standalone.cpp), giving its
 * objects OIDs from PostgreSQL's post-bootstrap range (12000 up to
 * FirstNormalObjectId).  Last, template0 and postgres become copies of
 * template1.
 *
 * Usage: postgres --boot -D DATADIR [-X WAL_SEGMENT_BYTES] [-F]
 *                        [-U SUPERUSER] [-L LOCALE] [-s SCRIPT]
 */
#include "postgres.h"

#include <unistd.h>

#include <string>
#include <vector>

#include "access/transam.h"
#include "access/xlog.h"
#include "access/xlog_control.h"
#include "access/xlog_internal.h"
#include "access/xlogutils.h"
#include "catalog/bootstrap.h"
#include "miscadmin.h"
#include "storage/ipc/ipci.h"
#include "utils/guc.h"

void BootstrapModeMain(int argc, char *argv[])
{
	MyProcPid = getpid();
	MyBackendType = B_STANDALONE;
	InitializeGUCOptions();

	const char *datadir = getenv("PGDATA");
	int seg_size = DEFAULT_XLOG_SEG_SIZE;
	BootstrapSettings settings;
	std::vector<std::string> scripts;
	for (int i = 2; i < argc; i++)
	{
		std::string arg = argv[i];
		if (arg == "-D" && i + 1 < argc)
			datadir = argv[++i];
		else if (arg == "-X" && i + 1 < argc)
		{
			char *end;
			long v = strtol(argv[++i], &end, 10);
			if (*end != '\0' || v > INT32_MAX || !IsValidWalSegSize(static_cast<int>(v)))
				ereport(FATAL, errmsg("-X requires a power of two value between 1 MB and 1 GB"));
			seg_size = static_cast<int>(v);
		}
		else if (arg == "-U" && i + 1 < argc)
			settings.superuser = argv[++i];
		else if (arg == "-L" && i + 1 < argc)
			settings.locale = argv[++i];
		else if (arg == "-s" && i + 1 < argc)
			scripts.emplace_back(argv[++i]);
		else if (arg == "-F")
			SetConfigOption("fsync", "false", PGC_POSTMASTER, PGC_S_ARGV);
		else
			ereport(FATAL, errmsg("invalid command-line argument for server process: %s", argv[i]));
	}
	if (datadir == nullptr)
		ereport(FATAL, errmsg("no data directory given (use -D or PGDATA)"));
	SetDataDir(datadir);
	ChangeToDataDir();

	/* A small segment of our own: nobody else attaches to it. */
	NBuffers = 128;
	InitializeMaxBackends();
	CreateSharedMemoryAndSemaphores();
	InitBuiltinRmgrs();
	BootStrapXLOG(seg_size);
	BootstrapCreateCatalogs(settings);
	if (!scripts.empty())
	{
		SetNextObjectId(FirstUnpinnedObjectId);
		RunPostBootstrapScript(scripts, settings.superuser);
		/* The server's own objects start where PostgreSQL's do. */
		SetNextObjectId(FirstNormalObjectId);
	}
	BootstrapCopyTemplate1();
	exit(0);
}
