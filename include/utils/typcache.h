/*
 * utils/typcache.h — row types: the columns of a composite type, and the
 * backend's registry of anonymous record types.
 *
 * A composite value (a table's row type, or "record") carries its type
 * OID and typmod in its own header (access/htup_details.h).  For a
 * table's row type the columns are the table's; for RECORDOID the typmod
 * is an index into this backend's registry of record descriptors, which
 * assign_record_type_typmod fills as PostgreSQL's does: an anonymous row
 * type (ROW(1, 'a'), a whole-row reference to a subquery) gets a typmod
 * the first time a value of it is built, equal descriptors share one,
 * and registrations last as long as the backend.  Such values therefore
 * mean something only inside the backend that built them.
 *
 * Principal entry points: lookup_rowtype_tupdesc_copy, BlessTupleDesc,
 * assign_record_type_typmod, type_is_rowtype.
 */
#ifndef TUSK_UTILS_TYPCACHE_H
#define TUSK_UTILS_TYPCACHE_H

#include "access/tupdesc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Register tupdesc's shape (a RECORDOID descriptor) if it is new and set
 * its tdtypmod to the shape's typmod. */
extern void assign_record_type_typmod(TupleDesc tupdesc);
/* tupdesc itself, with a typmod assigned when it is an anonymous record
 * type without one (so values built from it can be read back). */
extern TupleDesc BlessTupleDesc(TupleDesc tupdesc);
/* The columns of a composite type (a table's row type, or RECORDOID with
 * a registered typmod), copied into CurrentMemoryContext.  Fails with
 * "type %s is not composite" or "record type has not been registered". */
extern TupleDesc lookup_rowtype_tupdesc_copy(Oid type_id, int32 typmod);
/* The same, or NULL when type_id is not composite (no error). */
extern TupleDesc lookup_rowtype_tupdesc_noerror(Oid type_id, int32 typmod);
/* Whether type_id is a composite type or RECORDOID. */
extern bool type_is_rowtype(Oid type_id);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_TYPCACHE_H */
