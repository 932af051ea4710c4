/*
 * utils/backend_status.h — what this backend reports it is doing
 * (PostgreSQL's backend_status.h): a state and the text of the query it
 * runs, which pg_stat_activity shows.
 *
 * A background worker that runs SQL reports STATE_RUNNING with the query
 * before it and STATE_IDLE after, as PostgreSQL's worker_spi does.
 */
#ifndef TUSK_UTILS_BACKEND_STATUS_H
#define TUSK_UTILS_BACKEND_STATUS_H

#include "c.h"

/* PostgreSQL's states, in its order. */
typedef enum BackendState
{
	STATE_UNDEFINED,
	STATE_IDLE,
	STATE_RUNNING,
	STATE_IDLEINTRANSACTION,
	STATE_FASTPATH,
	STATE_IDLEINTRANSACTION_ABORTED,
	STATE_DISABLED
} BackendState;

#ifdef __cplusplus
extern "C" {
#endif

/* Record the backend's state and the query it is running (NULL: keep the
 * last one, as PostgreSQL does for STATE_IDLE). */
extern void pgstat_report_activity(BackendState state, const char *cmd_str);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_BACKEND_STATUS_H */
