/*
 * utils/timestamp.h — timestamps as PostgreSQL represents them:
 * microseconds since 2000-01-01 00:00:00 UTC in a TimestampTz.
 */
#ifndef TUSK_UTILS_TIMESTAMP_H
#define TUSK_UTILS_TIMESTAMP_H

#include <time.h>

#include "c.h"

#define USECS_PER_SEC INT64CONST(1000000)
#define USECS_PER_DAY INT64CONST(86400000000)
/* Seconds from the Unix epoch (1970) to PostgreSQL's (2000). */
#define POSTGRES_EPOCH_UNIX_SECONDS INT64CONST(946684800)

#ifdef __cplusplus
extern "C" {
#endif

extern TimestampTz GetCurrentTimestamp(void);
extern pg_time_t timestamptz_to_time_t(TimestampTz t);
extern TimestampTz time_t_to_timestamptz(pg_time_t tm);
/* "2026-11-24 15:25:42.331+00"-style text in UTC, into buf (>= 40 bytes). */
extern const char *timestamptz_to_str_utc(TimestampTz t, char *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_TIMESTAMP_H */
