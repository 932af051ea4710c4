/*
 * utils/wait_event.h — what a process is waiting for, as pg_stat_activity
 * shows it.
 *
 * A wait event is a 32-bit value: the class in the top byte (PG_WAIT_*),
 * the event within the class below it, with PostgreSQL's numbering so that
 * modules pass the same constants they pass to PostgreSQL (WaitLatch(...,
 * PG_WAIT_EXTENSION)).  pgstat_report_wait_start/end store the value where
 * the process's PGPROC publishes it; before a process has a PGPROC they
 * store it in a process-local word.
 */
#ifndef TUSK_UTILS_WAIT_EVENT_H
#define TUSK_UTILS_WAIT_EVENT_H

#include "c.h"

#define PG_WAIT_LWLOCK 0x01000000U
#define PG_WAIT_LOCK 0x03000000U
#define PG_WAIT_BUFFER_PIN 0x04000000U
#define PG_WAIT_ACTIVITY 0x05000000U
#define PG_WAIT_CLIENT 0x06000000U
#define PG_WAIT_EXTENSION 0x07000000U
#define PG_WAIT_IPC 0x08000000U
#define PG_WAIT_TIMEOUT 0x09000000U
#define PG_WAIT_IO 0x0A000000U

/* Background processes with nothing to do, numbered as in PostgreSQL 15. */
typedef enum
{
	WAIT_EVENT_CHECKPOINTER_MAIN = PG_WAIT_ACTIVITY + 4
} WaitEventActivity;

typedef enum
{
	WAIT_EVENT_CLIENT_READ = PG_WAIT_CLIENT,
	WAIT_EVENT_CLIENT_WRITE
} WaitEventClient;

/* Inter-process waits, numbered as in PostgreSQL 15. */
typedef enum
{
	WAIT_EVENT_BACKEND_TERMINATION = PG_WAIT_IPC + 3,
	WAIT_EVENT_BGWORKER_SHUTDOWN = PG_WAIT_IPC + 5,
	WAIT_EVENT_BGWORKER_STARTUP = PG_WAIT_IPC + 6
} WaitEventIPC;

/* Timed waits, numbered as in PostgreSQL 15. */
typedef enum
{
	WAIT_EVENT_PG_SLEEP = PG_WAIT_TIMEOUT + 2,
	WAIT_EVENT_REGISTER_SYNC_REQUEST = PG_WAIT_TIMEOUT + 5
} WaitEventTimeout;

#ifdef __cplusplus
extern "C" {
#endif

/* Points at MyProc->wait_event_info once the process has a PGPROC. */
extern PGDLLIMPORT volatile uint32 *my_wait_event_info;

#ifdef __cplusplus
}
#endif

static inline void pgstat_report_wait_start(uint32 wait_event_info)
{
	*my_wait_event_info = wait_event_info;
}

static inline void pgstat_report_wait_end(void)
{
	*my_wait_event_info = 0;
}

#endif /* TUSK_UTILS_WAIT_EVENT_H */
