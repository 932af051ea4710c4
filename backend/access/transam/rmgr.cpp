/*
 * rmgr.cpp — the table of resource managers (see access/rmgr.h).
 *
 * Principal entry points: RegisterCustomRmgr, RegisterBuiltinRmgr, GetRmgr.
 *
 * The table is process-local: built-in managers are entered when the
 * server starts, modules' from _PG_init in the postmaster, and every child
 * inherits the table through fork.
 */
#include "postgres.h"

#include <strings.h>

#include <array>

#include "access/rmgr.h"
#include "miscadmin.h"
#include "utils/errcodes.h"

namespace {

std::array<RmgrData, RM_MAX_ID + 1> &Table()
{
	static std::array<RmgrData, RM_MAX_ID + 1> table{};
	return table;
}

}  // namespace

void RegisterBuiltinRmgr(RmgrId rmid, const RmgrData *rmgr)
{
	Assert(RmgrIdIsBuiltin(rmid));
	Table()[rmid] = *rmgr;
}

void RegisterCustomRmgr(RmgrId rmid, const RmgrData *rmgr)
{
	if (rmgr->rm_name == nullptr || rmgr->rm_name[0] == '\0')
		ereport(ERROR, errmsg("custom resource manager name is invalid"),
				errhint("Provide a non-empty name for the custom resource manager."));
	if (!RmgrIdIsCustom(rmid))
		ereport(ERROR, errmsg("custom resource manager ID %d is out of range", rmid),
				errhint("Provide a custom resource manager ID between %d and %d.", RM_MIN_CUSTOM_ID,
						RM_MAX_CUSTOM_ID));
	if (!process_shared_preload_libraries_in_progress)
		ereport(ERROR,
				errmsg("failed to register custom resource manager \"%s\" with ID %d",
					   rmgr->rm_name, rmid),
				errdetail("Custom resource manager must be registered while initializing modules "
						  "in shared_preload_libraries."));
	if (Table()[rmid].rm_name != nullptr)
		ereport(ERROR,
				errmsg("failed to register custom resource manager \"%s\" with ID %d",
					   rmgr->rm_name, rmid),
				errdetail("Custom resource manager \"%s\" already registered with the same ID.",
						  Table()[rmid].rm_name));
	for (int i = 0; i <= RM_MAX_ID; i++)
		if (Table()[i].rm_name != nullptr && strcasecmp(Table()[i].rm_name, rmgr->rm_name) == 0)
			ereport(ERROR,
					errmsg("failed to register custom resource manager \"%s\" with ID %d",
						   rmgr->rm_name, rmid),
					errdetail("Existing resource manager with ID %d has the same name.", i));
	Table()[rmid] = *rmgr;
	ereport(LOG,
			errmsg("registered custom resource manager \"%s\" with ID %d", rmgr->rm_name, rmid));
}

bool RmgrIdExists(RmgrId rmid)
{
	return Table()[rmid].rm_name != nullptr;
}

const RmgrData *GetRmgr(RmgrId rmid)
{
	if (!RmgrIdExists(rmid))
		ereport(PANIC, errmsg("resource manager with ID %d not registered", rmid),
				errhint("Include the extension module that implements this resource manager in "
						"shared_preload_libraries."));
	return &Table()[rmid];
}
