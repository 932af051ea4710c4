/*
 * postgres.h — the first header every server-side module includes.
 *
 * Pulls in the fundamental types (c.h) and error reporting (utils/elog.h),
 * as PostgreSQL's postgres.h does, plus the Datum conversion helpers.
 */
#ifndef TUSK_POSTGRES_H
#define TUSK_POSTGRES_H

#include "c.h"
#include "utils/elog.h"
#include "utils/palloc.h"

#define DatumGetBool(X) ((bool) ((X) != 0))
#define BoolGetDatum(X) ((Datum) ((X) ? 1 : 0))
#define DatumGetInt32(X) ((int32) (X))
#define Int32GetDatum(X) ((Datum) (X))
#define DatumGetUInt32(X) ((uint32) (X))
#define UInt32GetDatum(X) ((Datum) (X))
#define DatumGetInt64(X) ((int64) (X))
#define Int64GetDatum(X) ((Datum) (X))
#define DatumGetObjectId(X) ((Oid) (X))
#define ObjectIdGetDatum(X) ((Datum) (X))
#define DatumGetPointer(X) ((Pointer) (X))
#define PointerGetDatum(X) ((Datum) (X))

#endif /* TUSK_POSTGRES_H */
