/*
 * miscinit.cpp — data directory handling and process identity.
 *
 * Principal entry points: SetDataDir, ChangeToDataDir, GetBackendTypeDesc.
 */
#include "postgres.h"

#include <unistd.h>

#include "common/paths.h"
#include "miscadmin.h"

extern "C" {

const char *
GetBackendTypeDesc(BackendType backendType)
{
	switch (backendType)
	{
		case B_INVALID:
			return "not initialized";
		case B_BACKEND:
			return "client backend";
		case B_BG_WORKER:
			return "background worker";
		case B_CHECKPOINTER:
			return "checkpointer";
		case B_STARTUP:
			return "startup";
		case B_POSTMASTER:
			return "postmaster";
		case B_STANDALONE:
			return "standalone backend";
	}
	return "unknown process type";
}

void
SetDataDir(const char *dir)
{
	std::string abs = tusk::common::MakeAbsolutePath(dir);
	free(DataDir);
	DataDir = strdup(abs.c_str());
}

void
ChangeToDataDir(void)
{
	if (chdir(DataDir) < 0)
		ereport(FATAL, errcode_for_file_access(),
				errmsg("could not change directory to \"%s\": %m", DataDir));
}

}  // extern "C"
