/*
 * c.h — fundamental types and macros of the extension API.
 *
 * Mirrors the names PostgreSQL's c.h gives to integer types, Size, Oid and
 * the attribute macros, so module code written for PostgreSQL compiles
 * unchanged.  Compiles as C11 and as C++20, also inside extern "C" { }.
 * Included first by postgres.h; modules do not include it directly.
 */
#ifndef TUSK_C_H
#define TUSK_C_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <signal.h>
#ifndef __cplusplus
#include <stdbool.h>
#endif

/* The last member of a struct whose size is decided at allocation. */
#define FLEXIBLE_ARRAY_MEMBER /* empty */

typedef int8_t int8;
typedef int16_t int16;
typedef int32_t int32;
typedef int64_t int64;
typedef uint8_t uint8;
typedef uint16_t uint16;
typedef uint32_t uint32;
typedef uint64_t uint64;
typedef uint8 bits8;
typedef uint16 bits16;
typedef uint32 bits32;
typedef size_t Size;
typedef unsigned int Oid;
typedef uintptr_t Datum;
typedef char *Pointer;
typedef int64 TimestampTz;
typedef int64 pg_time_t;

/* The last member of a struct whose size is decided at allocation. */
#define FLEXIBLE_ARRAY_MEMBER /* empty */
typedef uint32 TransactionId; /* (declared again in access/transam.h) */
typedef uint32 CommandId;
typedef int16 AttrNumber; /* a column number: 1…, or < 0 for system columns */
typedef Oid regproc;
typedef regproc RegProcedure;
typedef float float4;
typedef double float8;

/* The last member of a struct whose size is decided at allocation. */
#define FLEXIBLE_ARRAY_MEMBER /* empty */

/* A fixed-width name: the type "name" (NAMEDATALEN bytes, NUL-padded). */
#define NAMEDATALEN 64
typedef struct nameData
{
	char data[NAMEDATALEN];
} NameData;
typedef NameData *Name;
#define NameStr(name) ((name).data)

/*
 * A variable-length value ("varlena"): a header saying how long it is,
 * then the bytes.  The header has PostgreSQL's encodings (postgres.h):
 * 4 bytes (length << 2, low bits 00 plain, 10 compressed), 1 byte (length
 * << 1 | 1) for short values in tuples, or 0x01 + tag for TOAST pointers.
 */
struct varlena
{
	char vl_len_[4];
	char vl_dat[FLEXIBLE_ARRAY_MEMBER];
};
typedef struct varlena bytea;
typedef struct varlena text;
typedef struct varlena BpChar;
typedef struct varlena VarChar;

/* int2vector and oidvector: one-dimensional arrays without nulls, with
 * PostgreSQL's array header (used by pg_index and pg_proc). */
typedef struct
{
	int32 vl_len_;
	int ndim;
	int32 dataoffset;
	Oid elemtype;
	int dim1;
	int lbound1;
	int16 values[FLEXIBLE_ARRAY_MEMBER];
} int2vector;
typedef struct
{
	int32 vl_len_;
	int ndim;
	int32 dataoffset;
	Oid elemtype;
	int dim1;
	int lbound1;
	Oid values[FLEXIBLE_ARRAY_MEMBER];
} oidvector;

#define INT64CONST(x) INT64_C(x)
#define UINT64CONST(x) UINT64_C(x)

#define InvalidOid ((Oid) 0)
#define OidIsValid(objectId) ((bool) ((objectId) != InvalidOid))

#define MAXPGPATH 1024
#define BLCKSZ 8192

#define PG_INT16_MIN INT16_MIN
#define PG_INT16_MAX INT16_MAX
#define PG_INT32_MAX INT32_MAX
#define PG_INT32_MIN INT32_MIN
#define PG_INT64_MAX INT64_MAX
#define PG_INT64_MIN INT64_MIN
#define PG_UINT32_MAX UINT32_MAX

#define lengthof(array) (sizeof(array) / sizeof((array)[0]))
#define Min(x, y) ((x) < (y) ? (x) : (y))
#define Max(x, y) ((x) > (y) ? (x) : (y))

#define TYPEALIGN(ALIGNVAL, LEN) \
	(((uintptr_t) (LEN) + ((ALIGNVAL) -1)) & ~((uintptr_t) ((ALIGNVAL) -1)))
#define MAXIMUM_ALIGNOF 8
#define MAXALIGN(LEN) TYPEALIGN(MAXIMUM_ALIGNOF, (LEN))
#define TYPEALIGN_DOWN(ALIGNVAL, LEN) (((uintptr_t) (LEN)) & ~((uintptr_t) ((ALIGNVAL) -1)))
#define MAXALIGN_DOWN(LEN) TYPEALIGN_DOWN(MAXIMUM_ALIGNOF, (LEN))
#define ALIGNOF_SHORT 2
#define ALIGNOF_INT 4
#define ALIGNOF_DOUBLE 8
#define SHORTALIGN(LEN) TYPEALIGN(ALIGNOF_SHORT, (LEN))
#define INTALIGN(LEN) TYPEALIGN(ALIGNOF_INT, (LEN))
#define DOUBLEALIGN(LEN) TYPEALIGN(ALIGNOF_DOUBLE, (LEN))
#define PG_CACHE_LINE_SIZE 128
#define CACHELINEALIGN(LEN) TYPEALIGN(PG_CACHE_LINE_SIZE, (LEN))

#define PGDLLIMPORT
#define PGDLLEXPORT __attribute__((visibility("default")))
#define pg_attribute_printf(f, a) __attribute__((format(printf, f, a)))
#define pg_attribute_noreturn() __attribute__((noreturn))
#define pg_attribute_unused() __attribute__((unused))
#define pg_unreachable() __builtin_unreachable()
#define likely(x) __builtin_expect((x) != 0, 1)
#define unlikely(x) __builtin_expect((x) != 0, 0)

#ifdef __cplusplus
#define pg_noreturn [[noreturn]]
#else
#define pg_noreturn _Noreturn
#endif

#define CppAsString(identifier) #identifier
#define CppAsString2(x) CppAsString(x)

#ifdef USE_ASSERT_CHECKING
#define Assert(condition) \
	do \
	{ \
		if (!(condition)) \
			ExceptionalCondition(#condition, __FILE__, __LINE__); \
	} while (0)
#define AssertState(condition) Assert(condition)
#define AssertArg(condition) Assert(condition)
#else
#define Assert(condition) ((void) true)
#define AssertState(condition) ((void) true)
#define AssertArg(condition) ((void) true)
#endif
#define StaticAssertStmt(condition, errmessage) \
	do \
	{ \
		_Static_assert(condition, errmessage); \
	} while (0)

#ifdef __cplusplus
extern "C" {
#endif
pg_noreturn extern void ExceptionalCondition(const char *conditionName, const char *fileName,
											 int lineNumber);
#ifdef __cplusplus
}
#endif

#include "port.h"

#endif /* TUSK_C_H */
