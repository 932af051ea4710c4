/*
 * timestamp.cpp — the current time as a TimestampTz, and conversions.
 *
 * Principal entry points: GetCurrentTimestamp, timestamptz_to_time_t,
 * time_t_to_timestamptz, timestamptz_to_str_utc.
 */
#include "postgres.h"

#include <stdio.h>
#include <sys/time.h>

#include "utils/timestamp.h"

TimestampTz GetCurrentTimestamp(void)
{
	struct timeval tv;
	gettimeofday(&tv, nullptr);
	return (static_cast<TimestampTz>(tv.tv_sec) - POSTGRES_EPOCH_UNIX_SECONDS) * USECS_PER_SEC +
		tv.tv_usec;
}

pg_time_t timestamptz_to_time_t(TimestampTz t)
{
	return t / USECS_PER_SEC + POSTGRES_EPOCH_UNIX_SECONDS;
}

TimestampTz time_t_to_timestamptz(pg_time_t tm)
{
	return (tm - POSTGRES_EPOCH_UNIX_SECONDS) * USECS_PER_SEC;
}

const char *timestamptz_to_str_utc(TimestampTz t, char *buf, size_t len)
{
	time_t secs = static_cast<time_t>(timestamptz_to_time_t(t));
	int usecs = static_cast<int>(t % USECS_PER_SEC);
	if (usecs < 0)
	{
		usecs += USECS_PER_SEC;
		secs--;
	}
	struct tm tm;
	gmtime_r(&secs, &tm);
	char base[32];
	strftime(base, sizeof base, "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(buf, len, "%s.%06d+00", base, usecs);
	return buf;
}
