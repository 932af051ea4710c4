/*
 * access/reloptions.h — a table's storage parameters (pg_class.reloptions):
 * CREATE TABLE … WITH (name = value, …) and ALTER TABLE … SET / RESET
 * (name, …), as PostgreSQL stores them (a text[] of "name=value").
 *
 * Tusk knows PostgreSQL's fillfactor, autovacuum_enabled,
 * parallel_workers and toast_tuple_target, checks their values as
 * PostgreSQL does (22023) and stores them; none changes how Tusk stores
 * rows yet.  Any other name is 22023 "unrecognized parameter".
 */
#ifndef TUSK_ACCESS_RELOPTIONS_H
#define TUSK_ACCESS_RELOPTIONS_H

#include "nodes/pg_list.h"

#ifdef __cplusplus
extern "C" {
#endif

/* oldOptions (a text[] Datum, or 0 for none) with defList's DefElems
 * set — or, when isReset, removed — validated; the new text[] Datum, or
 * 0 when none is left.  WITH (oids = false) is accepted and dropped, as
 * PostgreSQL does. */
extern Datum transformRelOptions(Datum oldOptions, List *defList, bool isReset);

/* Store options (0: none) as relation relid's pg_class.reloptions. */
extern void SetRelationOptions(Oid relid, Datum options);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_RELOPTIONS_H */
