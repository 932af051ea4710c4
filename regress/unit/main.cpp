/*
 * main.cpp — entry point of the unit-test program.
 *
 * Sets up what every server process has before its first ereport: memory
 * contexts, a pid, a start time, a latch, and a live error handler, so that
 * ereport(ERROR) in code under test throws tusk::error::PgError for REQUIRE_THROWS_AS to see
 * (instead of being promoted to FATAL and ending the test program).
 */
#define CATCH_CONFIG_RUNNER
#include "unit_test.h"

#include <time.h>
#include <unistd.h>

#include "miscadmin.h"
#include "storage/latch.h"
#include "utils/error/error.h"
#include "utils/memutils.h"

int main(int argc, char *argv[])
{
	MemoryContextInit();
	MyProcPid = getpid();
	MyStartTime = time(nullptr);
	InitializeLatchSupport();
	InitProcessLocalLatch();
	tusk::error::ErrorHandlerScope scope;
	return Catch::Session().run(argc, argv);
}
