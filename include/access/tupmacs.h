/*
 * access/tupmacs.h — how column values sit in a tuple: alignment, and
 * fetching or storing one value (PostgreSQL's tupmacs.h rules).
 *
 * A column is aligned to its attalign ('c' 1, 's' 2, 'i' 4, 'd' 8 bytes)
 * from the start of the tuple's data, except a varlena with a 1-byte
 * header, which needs no alignment: so a reader seeing a non-zero byte
 * where a varlena might start (pad bytes are zero) knows it is a short
 * header and takes it as is (att_align_pointer).
 */
#ifndef TUSK_ACCESS_TUPMACS_H
#define TUSK_ACCESS_TUPMACS_H

#include "postgres.h"

#define TYPALIGN_CHAR 'c'
#define TYPALIGN_SHORT 's'
#define TYPALIGN_INT 'i'
#define TYPALIGN_DOUBLE 'd'
#define TYPSTORAGE_PLAIN 'p'
#define TYPSTORAGE_EXTERNAL 'e'
#define TYPSTORAGE_EXTENDED 'x'
#define TYPSTORAGE_MAIN 'm'

#define att_isnull(ATT, BITS) (!((BITS)[(ATT) >> 3] & (1 << ((ATT) &0x07))))

static inline uintptr_t att_align_nominal(uintptr_t cur_offset, char attalign)
{
	switch (attalign)
	{
		case TYPALIGN_INT:
			return INTALIGN(cur_offset);
		case TYPALIGN_CHAR:
			return cur_offset;
		case TYPALIGN_DOUBLE:
			return DOUBLEALIGN(cur_offset);
		default:
			return SHORTALIGN(cur_offset);
	}
}

/* Offset of a value at cur_offset (ptr points there): a short varlena is
 * not aligned. */
static inline uintptr_t att_align_pointer(uintptr_t cur_offset, char attalign, int attlen,
										  const char *ptr)
{
	if (attlen == -1 && VARATT_NOT_PAD_BYTE(ptr))
		return cur_offset;
	return att_align_nominal(cur_offset, attalign);
}

/* The value's Datum: by value (1, 2, 4 or 8 bytes) or a pointer to it. */
static inline Datum fetch_att(const void *T, bool attbyval, int attlen)
{
	if (attbyval)
	{
		switch (attlen)
		{
			case 1:
				return CharGetDatum(*(const char *) T);
			case 2:
				return Int16GetDatum(*(const int16 *) T);
			case 4:
				return Int32GetDatum(*(const int32 *) T);
			default:
				return Int64GetDatum(*(const int64 *) T);
		}
	}
	return PointerGetDatum(T);
}

/* The offset just past a value of this column at cur_offset. */
static inline uintptr_t att_addlength_pointer(uintptr_t cur_offset, int attlen, const char *ptr)
{
	if (attlen > 0)
		return cur_offset + attlen;
	if (attlen == -1)
		return cur_offset + VARSIZE_ANY(ptr);
	return cur_offset + strlen(ptr) + 1;
}

static inline uintptr_t att_addlength_datum(uintptr_t cur_offset, int attlen, Datum value)
{
	return att_addlength_pointer(cur_offset, attlen, DatumGetPointer(value));
}

/* Store a by-value Datum of attlen bytes at T. */
static inline void store_att_byval(void *T, Datum newdatum, int attlen)
{
	switch (attlen)
	{
		case 1:
			*(char *) T = DatumGetChar(newdatum);
			break;
		case 2:
			*(int16 *) T = DatumGetInt16(newdatum);
			break;
		case 4:
			*(int32 *) T = DatumGetInt32(newdatum);
			break;
		default:
			*(int64 *) T = DatumGetInt64(newdatum);
			break;
	}
}

#endif /* TUSK_ACCESS_TUPMACS_H */
