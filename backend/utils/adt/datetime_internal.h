/*
 * datetime_internal.h — what the date/time files of backend/utils/adt share
 * and nothing else needs.
 *
 * Entry points: TimePartDatum (date_part / extract of a time of day).
 */
#ifndef TUSK_BACKEND_UTILS_ADT_DATETIME_INTERNAL_H
#define TUSK_BACKEND_UTILS_ADT_DATETIME_INTERNAL_H

#include "fmgr.h"
#include "utils/date.h"

/* date_part (numeric false: float8) or extract (numeric) of the field
 * named by argument 0 of a time of day; tz is the zone of a timetz (seconds
 * west), nullptr for a time. */
Datum TimePartDatum(FunctionCallInfo fcinfo, bool numeric, TimeADT time, const int *tz);

#endif	// TUSK_BACKEND_UTILS_ADT_DATETIME_INTERNAL_H
