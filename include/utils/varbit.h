/*
 * utils/varbit.h — the bit string types bit(n) and bit varying(n).
 *
 * A value is a varlena: the header, the number of bits (int32), then the
 * bits, most significant first, eight to a byte; the unused low bits of
 * the last byte are zero (so byte-wise comparison and hashing work).
 * This is PostgreSQL's layout, so modules read values with its macros.
 *
 * The functions are in backend/utils/adt/varbit.cpp.
 */
#ifndef TUSK_UTILS_VARBIT_H
#define TUSK_UTILS_VARBIT_H

#include <limits.h>

#include "fmgr.h"

#ifndef BITS_PER_BYTE
#define BITS_PER_BYTE 8
#endif

typedef struct
{
	int32 vl_len_; /* varlena header (do not touch directly!) */
	int32 bit_len; /* number of valid bits */
	bits8 bit_dat[FLEXIBLE_ARRAY_MEMBER];
} VarBit;

#define DatumGetVarBitP(X) ((VarBit *) PG_DETOAST_DATUM(X))
#define DatumGetVarBitPCopy(X) ((VarBit *) PG_DETOAST_DATUM_COPY(X))
#define VarBitPGetDatum(X) PointerGetDatum(X)
#define PG_GETARG_VARBIT_P(n) DatumGetVarBitP(PG_GETARG_DATUM(n))
#define PG_GETARG_VARBIT_P_COPY(n) DatumGetVarBitPCopy(PG_GETARG_DATUM(n))
#define PG_RETURN_VARBIT_P(x) return VarBitPGetDatum(x)

/* Header overhead *in addition to* VARHDRSZ. */
#define VARBITHDRSZ ((int32) sizeof(int32))
#define VARBITLEN(PTR) (((VarBit *) (PTR))->bit_len)
#define VARBITS(PTR) (((VarBit *) (PTR))->bit_dat)
#define VARBITBYTES(PTR) ((int) (VARSIZE(PTR) - VARHDRSZ - VARBITHDRSZ))
#define VARBITPAD(PTR) (VARBITBYTES(PTR) * BITS_PER_BYTE - VARBITLEN(PTR))
#define VARBITTOTALLEN(BITLEN) \
	(((BITLEN) + BITS_PER_BYTE - 1) / BITS_PER_BYTE + VARHDRSZ + VARBITHDRSZ)
/* The longest bit string whose total length fits an int32. */
#define VARBITMAXLEN (INT_MAX - BITS_PER_BYTE + 1)
#define VARBITEND(PTR) (((bits8 *) (PTR)) + VARSIZE(PTR))
#define BITMASK 0xFF

#endif /* TUSK_UTILS_VARBIT_H */
