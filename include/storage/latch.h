/*
 * storage/latch.h — latches: the one way a server process sleeps.
 *
 * A latch is a boolean that one process waits on and any process (or a
 * signal handler) sets.  WaitLatch sleeps until the latch is set, a socket
 * becomes ready, the timeout passes or the postmaster dies — whichever
 * comes first — and returns which of them happened.  The usual loop:
 *
 *		for (;;)
 *		{
 *			ResetLatch(MyLatch);
 *			if (work to do) do it;
 *			(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT |
 *							 WL_EXIT_ON_PM_DEATH, 1000L, PG_WAIT_EXTENSION);
 *			CHECK_FOR_INTERRUPTS();
 *		}
 *
 * Resetting before checking for work is what makes it race-free: a
 * SetLatch after the check leaves the latch set, and WaitLatch returns at
 * once.  A shared latch (the one in every PGPROC) lives in shared memory
 * and is owned by one process at a time; SetLatch wakes its owner with
 * SIGURG, which the owner receives through a signalfd watched by the same
 * poll() as the socket and the postmaster-death pipe.  SetLatch is
 * async-signal-safe.
 */
#ifndef TUSK_STORAGE_LATCH_H
#define TUSK_STORAGE_LATCH_H

#include <signal.h>

#include "c.h"

typedef struct Latch
{
	sig_atomic_t is_set;
	sig_atomic_t maybe_sleeping; /* owner is in (or entering) WaitLatch */
	bool is_shared;
	int owner_pid;
} Latch;

#define WL_LATCH_SET (1 << 0)
#define WL_SOCKET_READABLE (1 << 1)
#define WL_SOCKET_WRITEABLE (1 << 2)
#define WL_TIMEOUT (1 << 3)
#define WL_POSTMASTER_DEATH (1 << 4)
#define WL_EXIT_ON_PM_DEATH (1 << 5)
#define WL_SOCKET_CONNECTED WL_SOCKET_WRITEABLE
#define WL_SOCKET_CLOSED (1 << 7)
#define WL_SOCKET_MASK \
	(WL_SOCKET_READABLE | WL_SOCKET_WRITEABLE | WL_SOCKET_CONNECTED | WL_SOCKET_CLOSED)

#ifdef __cplusplus
extern "C" {
#endif

extern void InitializeLatchSupport(void);
extern void InitLatch(Latch *latch);
extern void InitSharedLatch(Latch *latch);
extern void OwnLatch(Latch *latch);
extern void DisownLatch(Latch *latch);
extern void SetLatch(Latch *latch);
extern void ResetLatch(Latch *latch);
extern int WaitLatch(Latch *latch, int wakeEvents, long timeout, uint32 wait_event_info);
extern int WaitLatchOrSocket(Latch *latch, int wakeEvents, pgsocket sock, long timeout,
							 uint32 wait_event_info);

/* MyLatch: a process-local latch at first, the PGPROC's once it has one. */
extern void InitProcessLocalLatch(void);
extern void SwitchToSharedLatch(void);
extern void SwitchBackToLocalLatch(void);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_STORAGE_LATCH_H */
