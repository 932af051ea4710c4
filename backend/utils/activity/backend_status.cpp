/*
 * backend_status.cpp — pgstat_report_activity: this backend's state and
 * query text (utils/backend_status.h).
 *
 * Kept in process-local memory for now: there is no shared status array
 * yet, so nothing outside the process can read it.  pg_stat_activity will
 * replace this with PostgreSQL's shared per-backend entries; the entry
 * point stays the same.
 *
 * Principal entry point: pgstat_report_activity.
 */
#include "postgres.h"

#include "utils/activity/backend_status.h"

namespace tusk::activity {

namespace {

BackendState my_state = STATE_UNDEFINED;

std::string &Query()
{
	static std::string query;
	return query;
}

}  // namespace

BackendState MyActivityState()
{
	return my_state;
}

const std::string &MyActivityQuery()
{
	return Query();
}

}  // namespace tusk::activity

void pgstat_report_activity(BackendState state, const char *cmd_str)
{
	tusk::activity::my_state = state;
	if (cmd_str != nullptr)
		tusk::activity::Query() = cmd_str;
}
