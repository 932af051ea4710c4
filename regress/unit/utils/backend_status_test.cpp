/*
 * backend_status_test.cpp — pgstat_report_activity records this backend's
 * state and query; debug_query_string is one variable for C and C++.
 */
#include "unit_test.h"

#include "pgstat.h"
#include "tcop/tcopprot.h"
#include "utils/activity/backend_status.h"
#include "utils/error/error.h"

using tusk::activity::MyActivityQuery;
using tusk::activity::MyActivityState;

TEST_CASE("pgstat_report_activity records the state and the query; NULL keeps the query",
		  "[backend_status]")
{
	pgstat_report_activity(STATE_RUNNING, "SELECT 1");
	REQUIRE(MyActivityState() == STATE_RUNNING);
	REQUIRE(MyActivityQuery() == "SELECT 1");
	pgstat_report_activity(STATE_IDLE, nullptr);
	REQUIRE(MyActivityState() == STATE_IDLE);
	REQUIRE(MyActivityQuery() == "SELECT 1");
	pgstat_report_activity(STATE_RUNNING, "SELECT 2");
	REQUIRE(MyActivityQuery() == "SELECT 2");
	pgstat_report_activity(STATE_IDLE, nullptr);
}

TEST_CASE("debug_query_string set by a module is the one error reports use", "[backend_status]")
{
	debug_query_string = "SELECT 3";
	REQUIRE(tusk::error::debug_query_string == debug_query_string);
	debug_query_string = nullptr;
	REQUIRE(tusk::error::debug_query_string == nullptr);
}
