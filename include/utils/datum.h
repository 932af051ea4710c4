/*
 * utils/datum.h — Datums whose type is known only by length
 * (PostgreSQL's datum.h).
 */
#ifndef TUSK_UTILS_DATUM_H
#define TUSK_UTILS_DATUM_H

#include "postgres.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The bytes a Datum of this length points at (-1 varlena, -2 cstring). */
extern Size datumGetSize(Datum value, bool typByVal, int typLen);
/* A palloc'd copy (in CurrentMemoryContext) of a by-reference Datum;
 * a by-value Datum is returned as it is. */
extern Datum datumCopy(Datum value, bool typByVal, int typLen);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_DATUM_H */
