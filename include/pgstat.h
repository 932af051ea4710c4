/*
 * pgstat.h — statistics and activity reporting.
 *
 * For now this is where modules find the wait-event constants
 * (PG_WAIT_EXTENSION and friends) and pgstat_report_activity, as
 * PostgreSQL modules do by including pgstat.h.
 */
#ifndef TUSK_PGSTAT_H
#define TUSK_PGSTAT_H

#include "utils/backend_status.h"
#include "utils/wait_event.h"

#endif /* TUSK_PGSTAT_H */
