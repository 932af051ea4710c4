/*
 * storage/ipc.h — process exit and shared-memory lifecycle callbacks.
 *
 * proc_exit() is the one way a server process ends normally: it runs the
 * registered callbacks (before_shmem_exit, then on_shmem_exit, then
 * on_proc_exit, each list newest first) so that shared state the process
 * owned (its PGPROC, its child slot, locks) is released before exit().
 * The exit code matters: the postmaster treats 0 and 1 as normal exits of a
 * backend and anything else as a crash (see doc/postmaster/README.md).
 */
#ifndef TUSK_STORAGE_IPC_H
#define TUSK_STORAGE_IPC_H

#include "c.h"

typedef void (*pg_on_exit_callback)(int code, Datum arg);
typedef void (*shmem_startup_hook_type)(void);
typedef void (*shmem_request_hook_type)(void);

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT bool proc_exit_inprogress;
extern PGDLLIMPORT bool shmem_exit_inprogress;

pg_noreturn extern void proc_exit(int code);
extern void shmem_exit(int code);
extern void on_proc_exit(pg_on_exit_callback function, Datum arg);
extern void on_shmem_exit(pg_on_exit_callback function, Datum arg);
extern void before_shmem_exit(pg_on_exit_callback function, Datum arg);
extern void cancel_before_shmem_exit(pg_on_exit_callback function, Datum arg);
/* Forget every callback: a freshly forked child must not run its parent's. */
extern void on_exit_reset(void);
extern void check_on_shmem_exit_lists_are_empty(void);

extern PGDLLIMPORT shmem_startup_hook_type shmem_startup_hook;
extern PGDLLIMPORT shmem_request_hook_type shmem_request_hook;

#ifdef __cplusplus
}
#endif

#endif /* TUSK_STORAGE_IPC_H */
