/*
 * access/toast_compression.h — compressing varlena values inline (the
 * first step of TOAST), PostgreSQL's format: a 4-byte header whose low
 * bits say "compressed", then va_tcinfo (the raw data size in 30 bits,
 * the method in the top 2), then the compressed stream.
 *
 * Only pglz (method 0) is written; a value compressed with lz4 (method 1,
 * as a PostgreSQL built with lz4 might have written) is refused with
 * PostgreSQL's 0A000.  See backend/access/common/toast_compression.cpp.
 */
#ifndef TUSK_ACCESS_TOAST_COMPRESSION_H
#define TUSK_ACCESS_TOAST_COMPRESSION_H

#include "c.h"
#include "postgres.h"

/* The method ids stored in va_tcinfo and va_extinfo (PostgreSQL's). */
typedef enum ToastCompressionId
{
	TOAST_PGLZ_COMPRESSION_ID = 0,
	TOAST_LZ4_COMPRESSION_ID = 1,
	TOAST_INVALID_COMPRESSION_ID = 2
} ToastCompressionId;

/* pg_attribute.attcompression: '\0' means default_toast_compression. */
#define TOAST_PGLZ_COMPRESSION 'p'
#define TOAST_LZ4_COMPRESSION 'l'
#define InvalidCompressionMethod '\0'

#ifdef __cplusplus
extern "C" {
#endif

/*
 * value (neither external nor already compressed) compressed with
 * cmethod (an attcompression; invalid: pglz), palloc'd; or NULL when it
 * does not compress well enough — a saving of more than 2 bytes overall,
 * the rule PostgreSQL applies so that a short value never grows.
 */
extern Datum toast_compress_datum(Datum value, char cmethod);

/* A compressed value's data, decompressed into a palloc'd plain
 * varlena; ERROR XX001 when the stream is corrupt. */
extern struct varlena *toast_decompress_datum(struct varlena *attr);

/* How a value is compressed (external or inline), or
 * TOAST_INVALID_COMPRESSION_ID when it is not. */
extern ToastCompressionId toast_get_compression_id(struct varlena *attr);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_TOAST_COMPRESSION_H */
