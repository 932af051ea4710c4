/*
 * access/detoast.h — turning a stored varlena value (compressed, moved
 * out of line into a TOAST table, or with a 1-byte header) back into a
 * plain one.  fmgr's pg_detoast_datum family calls these; so does any
 * code that keeps a value beyond its tuple.  See
 * backend/access/common/detoast.cpp and doc/access/README.md ("TOAST").
 */
#ifndef TUSK_ACCESS_DETOAST_H
#define TUSK_ACCESS_DETOAST_H

#include "c.h"
#include "postgres.h"

/* The size of a TOAST pointer in a tuple: 2-byte tag header + 16. */
#define TOAST_POINTER_SIZE (VARHDRSZ_EXTERNAL + sizeof(varatt_external))

#ifdef __cplusplus
extern "C" {
#endif

/*
 * An out-of-line value fetched from its TOAST table, palloc'd, still
 * compressed if it was stored compressed; any other value is returned
 * as is.  Chunks are read with the TOAST snapshot: every chunk whose
 * inserter did not abort, so a value stays readable for as long as a
 * tuple pointing to it can be seen (VACUUM removes chunks only once no
 * snapshot can see a row referencing them).  ERROR XX001 when chunks are
 * missing or malformed.
 */
extern struct varlena *detoast_external_attr(struct varlena *attr);

/*
 * A plain (4-byte header, uncompressed, inline) value: fetched,
 * decompressed and unpacked as needed.  Returns attr itself when it is
 * already plain, else a palloc'd copy in CurrentMemoryContext.
 */
extern struct varlena *detoast_attr(struct varlena *attr);

/* The size the value has once detoasted, header included. */
extern Size toast_raw_datum_size(Datum value);
/* The bytes the value occupies where it is stored (pg_column_size): for
 * an out-of-line value, its data in the TOAST table. */
extern Size toast_datum_size(Datum value);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_DETOAST_H */
