/*
 * array_internal.h — storing and fetching array elements, and the array
 * text format (private to backend/utils/adt; the unit tests use it too,
 * since array_in/array_out need catalog lookups).
 *
 * Elements are aligned by typalign, take typlen bytes (> 0), a varlena's
 * size (-1) or a C string's with its NUL (-2), and by-value elements are
 * kept in their typlen bytes.
 *
 * Entry points: AlignOffset, StoredSize, FetchElement, StoreElement,
 * ArrayTextIsSpace, ParseArrayLiteral, FormatArrayLiteral.
 */
#ifndef TUSK_BACKEND_UTILS_ADT_ARRAY_INTERNAL_H
#define TUSK_BACKEND_UTILS_ADT_ARRAY_INTERNAL_H

#include "postgres.h"

#include <string>
#include <vector>

#include "utils/array.h"

namespace tusk::adt {

/* An array literal, taken apart: its dimensions (ndim 0 for "{}"), their
 * lower bounds (1 unless "[m:n]..." gave them) and its elements as text in
 * storage order (last subscript fastest), NULL elements marked. */
struct ArrayLiteral
{
	int ndim = 0;
	int dims[MAXDIM] = {};
	int lbs[MAXDIM] = {};
	std::vector<std::string> elems;
	std::vector<bool> nulls;
};

/* Parse PostgreSQL's array text form (arrayfuncs.cpp): 22P02 "malformed
 * array literal" with PostgreSQL's details, 54000 for more than MAXDIM
 * dimensions. */
void ParseArrayLiteral(const char *str, char delim, ArrayLiteral *out);

/* The text form of an array of the given shape whose elements have the
 * given output texts (nullptr for NULL), in storage order: quoted where
 * needed, nested braces per dimension, "[m:n]..." in front if a lower
 * bound is not 1.  palloc'd. */
char *FormatArrayLiteral(int ndim, const int *dims, const int *lbs,
						 const std::vector<const char *> &elems, char delim);

/* offset rounded up to the alignment typalign names. */
inline Size AlignOffset(Size offset, char typalign)
{
	switch (typalign)
	{
		case TYPALIGN_SHORT:
			return SHORTALIGN(offset);
		case TYPALIGN_INT:
			return INTALIGN(offset);
		case TYPALIGN_DOUBLE:
			return DOUBLEALIGN(offset);
		default:
			return offset;
	}
}

/* The bytes element value takes in an array. */
inline Size StoredSize(Datum value, int typlen)
{
	if (typlen > 0)
		return typlen;
	if (typlen == -1)
		return VARSIZE_ANY(DatumGetPointer(value));
	return strlen(DatumGetCString(value)) + 1;
}

/* The element stored at p. */
inline Datum FetchElement(const char *p, int typlen, bool typbyval)
{
	if (!typbyval)
		return PointerGetDatum(p);
	switch (typlen)
	{
		case 1:
			return CharGetDatum(*p);
		case 2:
		{
			int16 v;
			memcpy(&v, p, sizeof(v));
			return Int16GetDatum(v);
		}
		case 4:
		{
			int32 v;
			memcpy(&v, p, sizeof(v));
			return Int32GetDatum(v);
		}
		default:
		{
			int64 v;
			memcpy(&v, p, sizeof(v));
			return Int64GetDatum(v);
		}
	}
}

/* Store value at p (already aligned); the bytes written. */
inline Size StoreElement(char *p, Datum value, int typlen, bool typbyval)
{
	if (typbyval)
	{
		switch (typlen)
		{
			case 1:
				*p = DatumGetChar(value);
				break;
			case 2:
			{
				int16 v = DatumGetInt16(value);
				memcpy(p, &v, sizeof(v));
				break;
			}
			case 4:
			{
				int32 v = DatumGetInt32(value);
				memcpy(p, &v, sizeof(v));
				break;
			}
			default:
			{
				int64 v = DatumGetInt64(value);
				memcpy(p, &v, sizeof(v));
				break;
			}
		}
		return typlen;
	}
	Size n = StoredSize(value, typlen);
	memmove(p, DatumGetPointer(value), n);
	return n;
}

/* The whitespace the array text format skips (not locale-dependent). */
inline bool ArrayTextIsSpace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace tusk::adt

#endif	// TUSK_BACKEND_UTILS_ADT_ARRAY_INTERNAL_H
