/*
 * storage/procsignal.h — SIGUSR1 in server processes.
 *
 * The postmaster tells a process that a background worker it waits for
 * started or stopped by sending SIGUSR1 (bgw_notify_pid); the handler sets
 * the process latch so that WaitForBackgroundWorkerStartup/Shutdown look
 * again.  PostgreSQL multiplexes more reasons over the same signal; Tusk
 * will add them here.
 */
#ifndef TUSK_STORAGE_PROCSIGNAL_H
#define TUSK_STORAGE_PROCSIGNAL_H

#ifdef __cplusplus
extern "C" {
#endif

extern void procsignal_sigusr1_handler(int postgres_signal_arg);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_STORAGE_PROCSIGNAL_H */
