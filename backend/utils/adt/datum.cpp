/*
 * datum.cpp — Datums whose type is known only by length (utils/datum.h).
 */
#include "utils/datum.h"

#include <string.h>

Size datumGetSize(Datum value, bool typByVal, int typLen)
{
	if (typByVal)
		return typLen;
	const char *p = DatumGetPointer(value);
	if (typLen > 0)
		return typLen;
	if (typLen == -1)
		return VARSIZE_ANY(p);
	return strlen(p) + 1;
}

Datum datumCopy(Datum value, bool typByVal, int typLen)
{
	if (typByVal)
		return value;
	Size size = datumGetSize(value, typByVal, typLen);
	char *copy = static_cast<char *>(palloc(size));
	memcpy(copy, DatumGetPointer(value), size);
	return PointerGetDatum(copy);
}
