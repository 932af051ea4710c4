/*
 * postmaster/interrupt.h — standard signal handlers for server processes
 * and background workers (PostgreSQL's names).
 *
 * A worker's main loop typically does:
 *
 *     pqsignal(SIGHUP, SignalHandlerForConfigReload);
 *     pqsignal(SIGTERM, die);
 *     BackgroundWorkerUnblockSignals();
 *     for (;;) {
 *         (void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH,
 *                          1000L, PG_WAIT_EXTENSION);
 *         ResetLatch(MyLatch);
 *         CHECK_FOR_INTERRUPTS();
 *         if (ConfigReloadPending) {
 *             ConfigReloadPending = false;
 *             ProcessConfigFile(PGC_SIGHUP);
 *         }
 *     }
 */
#ifndef TUSK_POSTMASTER_INTERRUPT_H
#define TUSK_POSTMASTER_INTERRUPT_H

#include <signal.h>

#include "c.h"

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT volatile sig_atomic_t ConfigReloadPending;
extern PGDLLIMPORT volatile sig_atomic_t ShutdownRequestPending;

/* SIGHUP: set ConfigReloadPending and the latch. */
extern void SignalHandlerForConfigReload(int postgres_signal_arg);
/* SIGTERM for auxiliary processes: set ShutdownRequestPending and the latch. */
extern void SignalHandlerForShutdownRequest(int postgres_signal_arg);
/* SIGQUIT for processes with no client: exit at once with status 2. */
pg_noreturn extern void SignalHandlerForCrashExit(int postgres_signal_arg);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_POSTMASTER_INTERRUPT_H */
