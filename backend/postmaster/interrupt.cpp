/*
 * interrupt.cpp — standard signal handlers (see postmaster/interrupt.h).
 *
 * Handlers only set a flag and the process latch; the process acts on the
 * flag at a safe point.  SignalHandlerForCrashExit is the exception: the
 * postmaster sends SIGQUIT when shared memory may be corrupt, so the
 * process leaves at once with _exit(2), running no exit callbacks.
 */
#include "postgres.h"

#include <unistd.h>

#include "miscadmin.h"
#include "postmaster/interrupt.h"
#include "storage/latch.h"

volatile sig_atomic_t ConfigReloadPending = false;
volatile sig_atomic_t ShutdownRequestPending = false;

extern "C" {

void SignalHandlerForConfigReload(int)
{
	ConfigReloadPending = true;
	if (MyLatch != nullptr)
		SetLatch(MyLatch);
}

void SignalHandlerForShutdownRequest(int)
{
	ShutdownRequestPending = true;
	if (MyLatch != nullptr)
		SetLatch(MyLatch);
}

void SignalHandlerForCrashExit(int)
{
	_exit(2);
}

}  // extern "C"
