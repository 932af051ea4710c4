/*
 * storage/off.h — offset numbers: 1-based positions of line pointers on a page.
 */
#ifndef TUSK_STORAGE_OFF_H
#define TUSK_STORAGE_OFF_H

#include "c.h"
#include "storage/itemid.h"

typedef uint16 OffsetNumber;

#define InvalidOffsetNumber ((OffsetNumber) 0)
#define FirstOffsetNumber ((OffsetNumber) 1)
#define MaxOffsetNumber ((OffsetNumber) (BLCKSZ / sizeof(ItemIdData)))
#define OffsetNumberIsValid(offsetNumber) \
	((bool) (((offsetNumber) != InvalidOffsetNumber) && ((offsetNumber) <= MaxOffsetNumber)))
#define OffsetNumberNext(offsetNumber) ((OffsetNumber) (1 + (offsetNumber)))
#define OffsetNumberPrev(offsetNumber) ((OffsetNumber) (-1 + (offsetNumber)))

#endif /* TUSK_STORAGE_OFF_H */
