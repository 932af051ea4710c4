/*
 * catalog/toasting.h — a table's TOAST table: pg_toast.pg_toast_<oid>
 * (relkind 't'; chunk_id oid, chunk_seq int4, chunk_data bytea, all of
 * storage plain) and its unique index pg_toast.pg_toast_<oid>_index on
 * (chunk_id, chunk_seq), recorded in the table's pg_class.reltoastrelid
 * and dependent on the table (INTERNAL), so that DROP takes it along.
 * See backend/catalog/toasting.cpp.
 */
#ifndef TUSK_CATALOG_TOASTING_H
#define TUSK_CATALOG_TOASTING_H

#include "c.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Give table relid (ordinary or materialized view, already in pg_class,
 * locked by the caller) a TOAST table if it has none and a row of it could
 * exceed TOAST_TUPLE_THRESHOLD (PostgreSQL's needs_toast_table: some
 * column of non-plain storage whose values are not bounded small enough).
 * Used by CREATE TABLE, CREATE TABLE AS, CREATE MATERIALIZED VIEW and
 * ALTER TABLE ADD COLUMN.
 */
extern void AlterTableCreateToastTable(Oid relid);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_CATALOG_TOASTING_H */
