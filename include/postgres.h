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

/* ---- Datum: a value as the executor passes it ----
 * Types of up to 8 bytes with typbyval travel by value; everything else
 * as a pointer to its bytes (for varlena types: to the header). */
#define DatumGetBool(X) ((bool) ((X) != 0))
#define BoolGetDatum(X) ((Datum) ((X) ? 1 : 0))
#define DatumGetChar(X) ((char) (X))
#define CharGetDatum(X) ((Datum) (X))
#define DatumGetInt16(X) ((int16) (X))
#define Int16GetDatum(X) ((Datum) (X))
#define DatumGetUInt16(X) ((uint16) (X))
#define UInt16GetDatum(X) ((Datum) (X))
#define DatumGetInt32(X) ((int32) (X))
#define Int32GetDatum(X) ((Datum) (X))
#define DatumGetUInt32(X) ((uint32) (X))
#define UInt32GetDatum(X) ((Datum) (X))
#define DatumGetInt64(X) ((int64) (X))
#define Int64GetDatum(X) ((Datum) (X))
#define DatumGetUInt64(X) ((uint64) (X))
#define UInt64GetDatum(X) ((Datum) (X))
#define DatumGetObjectId(X) ((Oid) (X))
#define ObjectIdGetDatum(X) ((Datum) (X))
#define DatumGetTransactionId(X) ((TransactionId) (X))
#define TransactionIdGetDatum(X) ((Datum) (X))
#define DatumGetCommandId(X) ((CommandId) (X))
#define CommandIdGetDatum(X) ((Datum) (X))
#define DatumGetPointer(X) ((Pointer) (X))
#define PointerGetDatum(X) ((Datum) (X))
#define DatumGetCString(X) ((char *) DatumGetPointer(X))
#define CStringGetDatum(X) PointerGetDatum(X)
#define DatumGetName(X) ((Name) DatumGetPointer(X))
#define NameGetDatum(X) CStringGetDatum(NameStr(*(X)))
#define DatumGetTimestampTz(X) ((TimestampTz) (X))
#define TimestampTzGetDatum(X) ((Datum) (X))

static inline float4 DatumGetFloat4(Datum X)
{
	union
	{
		int32 value;
		float4 retval;
	} myunion;
	myunion.value = DatumGetInt32(X);
	return myunion.retval;
}
static inline Datum Float4GetDatum(float4 X)
{
	union
	{
		float4 value;
		int32 retval;
	} myunion;
	myunion.value = X;
	return Int32GetDatum(myunion.retval);
}
static inline float8 DatumGetFloat8(Datum X)
{
	union
	{
		int64 value;
		float8 retval;
	} myunion;
	myunion.value = DatumGetInt64(X);
	return myunion.retval;
}
static inline Datum Float8GetDatum(float8 X)
{
	union
	{
		float8 value;
		int64 retval;
	} myunion;
	myunion.value = X;
	return Int64GetDatum(myunion.retval);
}

/* ---- varlena headers (little-endian layouts, as PostgreSQL's) ----
 * 4-byte header: length << 2; low bits 00 = plain, 10 = compressed inline.
 * 1-byte header: length << 1 | 1 (length includes the header, max 127).
 * 0x01 then a tag byte: a TOAST pointer (external).  A value handed to a
 * function is 4-byte-headered unless the function accepts packed values
 * (the _ANY macros); tuples store short values with 1-byte headers. */
typedef union
{
	struct
	{
		uint32 va_header;
		char va_data[FLEXIBLE_ARRAY_MEMBER];
	} va_4byte;
	struct
	{
		uint32 va_header;
		uint32 va_tcinfo;
		char va_data[FLEXIBLE_ARRAY_MEMBER];
	} va_compressed;
} varattrib_4b;

typedef struct
{
	uint8 va_header;
	char va_data[FLEXIBLE_ARRAY_MEMBER];
} varattrib_1b;

typedef struct
{
	uint8 va_header; /* always 0x01 */
	uint8 va_tag;
	char va_data[FLEXIBLE_ARRAY_MEMBER];
} varattrib_1b_e;

#define VARHDRSZ ((int32) sizeof(int32))
#define VARHDRSZ_SHORT offsetof(varattrib_1b, va_data)
#define VARHDRSZ_EXTERNAL offsetof(varattrib_1b_e, va_data)
#define VARATT_SHORT_MAX 0x7F

#define VARATT_IS_4B(PTR) ((((const varattrib_1b *) (PTR))->va_header & 0x01) == 0x00)
#define VARATT_IS_4B_U(PTR) ((((const varattrib_1b *) (PTR))->va_header & 0x03) == 0x00)
#define VARATT_IS_4B_C(PTR) ((((const varattrib_1b *) (PTR))->va_header & 0x03) == 0x02)
#define VARATT_IS_1B(PTR) ((((const varattrib_1b *) (PTR))->va_header & 0x01) == 0x01)
#define VARATT_IS_1B_E(PTR) ((((const varattrib_1b *) (PTR))->va_header) == 0x01)
#define VARATT_NOT_PAD_BYTE(PTR) (*((const uint8 *) (PTR)) != 0)

#define VARSIZE_4B(PTR) ((((const varattrib_4b *) (PTR))->va_4byte.va_header >> 2) & 0x3FFFFFFF)
#define VARSIZE_1B(PTR) ((((const varattrib_1b *) (PTR))->va_header >> 1) & 0x7F)
#define VARTAG_1B_E(PTR) (((const varattrib_1b_e *) (PTR))->va_tag)
#define SET_VARSIZE_4B(PTR, len) \
	(((varattrib_4b *) (PTR))->va_4byte.va_header = (((uint32) (len)) << 2))
#define SET_VARSIZE_4B_C(PTR, len) \
	(((varattrib_4b *) (PTR))->va_4byte.va_header = (((uint32) (len)) << 2) | 0x02)
#define SET_VARSIZE_1B(PTR, len) \
	(((varattrib_1b *) (PTR))->va_header = (((uint8) (len)) << 1) | 0x01)
#define SET_VARTAG_1B_E(PTR, tag) \
	(((varattrib_1b_e *) (PTR))->va_header = 0x01, ((varattrib_1b_e *) (PTR))->va_tag = (tag))

#define VARDATA_4B(PTR) (((varattrib_4b *) (PTR))->va_4byte.va_data)
#define VARDATA_4B_C(PTR) (((varattrib_4b *) (PTR))->va_compressed.va_data)
#define VARDATA_1B(PTR) (((varattrib_1b *) (PTR))->va_data)
#define VARDATA_1B_E(PTR) (((varattrib_1b_e *) (PTR))->va_data)

#define VARDATA(PTR) VARDATA_4B(PTR)
#define VARSIZE(PTR) VARSIZE_4B(PTR)
#define VARSIZE_SHORT(PTR) VARSIZE_1B(PTR)
#define VARDATA_SHORT(PTR) VARDATA_1B(PTR)
#define VARDATA_EXTERNAL(PTR) VARDATA_1B_E(PTR)
#define VARATT_IS_COMPRESSED(PTR) VARATT_IS_4B_C(PTR)
#define VARATT_IS_EXTERNAL(PTR) VARATT_IS_1B_E(PTR)
#define VARATT_IS_SHORT(PTR) VARATT_IS_1B(PTR)
#define VARATT_IS_EXTENDED(PTR) (!VARATT_IS_4B_U(PTR))
#define SET_VARSIZE(PTR, len) SET_VARSIZE_4B(PTR, len)
#define SET_VARSIZE_SHORT(PTR, len) SET_VARSIZE_1B(PTR, len)
#define SET_VARSIZE_COMPRESSED(PTR, len) SET_VARSIZE_4B_C(PTR, len)

/* The external (TOAST pointer) tags and their sizes. */
typedef enum vartag_external
{
	VARTAG_INDIRECT = 1,
	VARTAG_EXPANDED_RO = 2,
	VARTAG_EXPANDED_RW = 3,
	VARTAG_ONDISK = 18
} vartag_external;

/* On-disk TOAST pointer (PostgreSQL's varatt_external). */
typedef struct varatt_external
{
	int32 va_rawsize;
	uint32 va_extinfo;
	Oid va_valueid;
	Oid va_toastrelid;
} varatt_external;

#define VARTAG_SIZE(tag) ((tag) == VARTAG_ONDISK ? sizeof(varatt_external) : 0)
#define VARSIZE_EXTERNAL(PTR) (VARHDRSZ_EXTERNAL + VARTAG_SIZE(VARTAG_1B_E(PTR)))
#define VARATT_IS_EXTERNAL_ONDISK(PTR) \
	(VARATT_IS_EXTERNAL(PTR) && VARTAG_1B_E(PTR) == VARTAG_ONDISK)
#define SET_VARTAG_EXTERNAL(PTR, tag) SET_VARTAG_1B_E(PTR, tag)
/* A TOAST pointer is unaligned in a tuple: copy it out to read it. */
#define VARATT_EXTERNAL_GET_POINTER(toast_pointer, attr) \
	memcpy(&(toast_pointer), VARDATA_EXTERNAL(attr), sizeof(toast_pointer))

/* va_tcinfo of a compressed value and va_extinfo of a TOAST pointer:
 * the size in the low 30 bits, the compression method in the top 2. */
#define VARLENA_EXTSIZE_BITS 30
#define VARLENA_EXTSIZE_MASK ((1U << VARLENA_EXTSIZE_BITS) - 1)
#define VARHDRSZ_COMPRESSED offsetof(varattrib_4b, va_compressed.va_data)
#define VARDATA_COMPRESSED_GET_EXTSIZE(PTR) \
	(((const varattrib_4b *) (PTR))->va_compressed.va_tcinfo & VARLENA_EXTSIZE_MASK)
#define VARDATA_COMPRESSED_GET_COMPRESS_METHOD(PTR) \
	(((const varattrib_4b *) (PTR))->va_compressed.va_tcinfo >> VARLENA_EXTSIZE_BITS)
#define VARATT_EXTERNAL_GET_EXTSIZE(toast_pointer) \
	((toast_pointer).va_extinfo & VARLENA_EXTSIZE_MASK)
#define VARATT_EXTERNAL_GET_COMPRESS_METHOD(toast_pointer) \
	((toast_pointer).va_extinfo >> VARLENA_EXTSIZE_BITS)
#define VARATT_EXTERNAL_SET_SIZE_AND_COMPRESS_METHOD(toast_pointer, len, cm) \
	((toast_pointer).va_extinfo = (len) | ((uint32) (cm) << VARLENA_EXTSIZE_BITS))
/* Stored compressed: fewer bytes in the toast table than the raw data. */
#define VARATT_EXTERNAL_IS_COMPRESSED(toast_pointer) \
	(VARATT_EXTERNAL_GET_EXTSIZE(toast_pointer) < (uint32) ((toast_pointer).va_rawsize - VARHDRSZ))

/* Any header: the whole value's size, and its data. */
#define VARSIZE_ANY(PTR) \
	(VARATT_IS_1B_E(PTR) ? VARSIZE_EXTERNAL(PTR) \
						 : (VARATT_IS_1B(PTR) ? VARSIZE_1B(PTR) : VARSIZE_4B(PTR)))
#define VARSIZE_ANY_EXHDR(PTR) \
	(VARATT_IS_1B_E(PTR) \
		 ? VARSIZE_EXTERNAL(PTR) - VARHDRSZ_EXTERNAL \
		 : (VARATT_IS_1B(PTR) ? VARSIZE_1B(PTR) - VARHDRSZ_SHORT : VARSIZE_4B(PTR) - VARHDRSZ))
#define VARDATA_ANY(PTR) (VARATT_IS_1B(PTR) ? VARDATA_1B(PTR) : VARDATA_4B(PTR))

#endif /* TUSK_POSTGRES_H */
