/*
 * lib/stringinfo.h — a growable byte buffer in the current memory context
 * (PostgreSQL's StringInfo, same fields and functions).
 *
 * data is always NUL-terminated at data[len], so a StringInfo holding text
 * can be used as a C string; it may also hold binary data with embedded
 * NULs.  cursor is free for readers (pq_getmsg*, typreceive functions).
 * Memory comes from the context current at initStringInfo/makeStringInfo
 * and is never freed piecewise by callers: it goes with its context.
 *
 * Principal entry points: initStringInfo, appendStringInfo,
 * appendBinaryStringInfo, enlargeStringInfo.  See also libpq/pqformat.h.
 */
#ifndef TUSK_LIB_STRINGINFO_H
#define TUSK_LIB_STRINGINFO_H

#include <stdarg.h>

#include "c.h"

typedef struct StringInfoData
{
	char *data;
	int len;
	int maxlen;
	int cursor;
} StringInfoData;

typedef StringInfoData *StringInfo;

#ifdef __cplusplus
extern "C" {
#endif

/* A new, empty StringInfo (both the struct and its buffer are palloc'd). */
extern StringInfo makeStringInfo(void);
/* Empty str and give it a buffer of its own. */
extern void initStringInfo(StringInfo str);
/* Empty str, keeping its buffer. */
extern void resetStringInfo(StringInfo str);
/* Append printf-formatted text; grows as needed. */
extern void appendStringInfo(StringInfo str, const char *fmt, ...) pg_attribute_printf(2, 3);
/* One try at appending: 0 when done, else the space needed (grow and retry). */
extern int appendStringInfoVA(StringInfo str, const char *fmt, va_list args)
	pg_attribute_printf(2, 0);
extern void appendStringInfoString(StringInfo str, const char *s);
extern void appendStringInfoChar(StringInfo str, char ch);
extern void appendStringInfoSpaces(StringInfo str, int count);
/* Append datalen bytes, then a NUL that len does not count. */
extern void appendBinaryStringInfo(StringInfo str, const void *data, int datalen);
/* The same without the trailing NUL (for binary buffers). */
extern void appendBinaryStringInfoNT(StringInfo str, const void *data, int datalen);
/* Make room for needed more bytes (plus the NUL); ERROR past 1 GB. */
extern void enlargeStringInfo(StringInfo str, int needed);

#ifdef __cplusplus
}
#endif

#define appendStringInfoCharMacro(str, ch) \
	(((str)->len + 1 >= (str)->maxlen) \
		 ? appendStringInfoChar(str, ch) \
		 : (void) ((str)->data[(str)->len] = (ch), (str)->data[++(str)->len] = '\0'))

#endif /* TUSK_LIB_STRINGINFO_H */
