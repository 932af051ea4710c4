/*
 * procsignal.cpp — the SIGUSR1 handler of server processes (see
 * storage/procsignal.h).
 */
#include "postgres.h"

#include <errno.h>

#include "miscadmin.h"
#include "storage/latch.h"
#include "storage/procsignal.h"

void procsignal_sigusr1_handler(int)
{
	int save_errno = errno;
	if (MyLatch != nullptr)
		SetLatch(MyLatch);
	errno = save_errno;
}
