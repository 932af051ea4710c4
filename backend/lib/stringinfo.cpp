/*
 * stringinfo.cpp — growable buffers (lib/stringinfo.h).
 *
 * The buffer doubles when it fills, so appending n bytes one at a time
 * costs O(n).  A buffer never exceeds MaxAllocSize (1 GB - 1), the
 * largest chunk palloc hands out; asking for more is an ERROR (54000),
 * as in PostgreSQL.
 */
#include "postgres.h"

#include <cstdio>

#include "lib/stringinfo.h"
#include "utils/memutils.h"

namespace {

constexpr int kInitialSize = 1024;

}  // namespace

StringInfo makeStringInfo(void)
{
	auto *res = static_cast<StringInfo>(palloc(sizeof(StringInfoData)));
	initStringInfo(res);
	return res;
}

void initStringInfo(StringInfo str)
{
	str->data = static_cast<char *>(palloc(kInitialSize));
	str->maxlen = kInitialSize;
	resetStringInfo(str);
}

void resetStringInfo(StringInfo str)
{
	str->data[0] = '\0';
	str->len = 0;
	str->cursor = 0;
}

int appendStringInfoVA(StringInfo str, const char *fmt, va_list args)
{
	int avail = str->maxlen - str->len;
	if (avail < 16)
		return 32;
	int n = vsnprintf(str->data + str->len, static_cast<size_t>(avail), fmt, args);
	if (n < 0)
		elog(ERROR, "vsnprintf failed: %m");
	if (n < avail)
	{
		str->len += n;
		return 0;
	}
	/* Did not fit: the caller grows the buffer by what is missing. */
	str->data[str->len] = '\0';
	return n + 1;
}

void appendStringInfo(StringInfo str, const char *fmt, ...)
{
	for (;;)
	{
		va_list args;
		va_start(args, fmt);
		int needed = appendStringInfoVA(str, fmt, args);
		va_end(args);
		if (needed == 0)
			return;
		enlargeStringInfo(str, needed);
	}
}

void appendStringInfoString(StringInfo str, const char *s)
{
	appendBinaryStringInfo(str, s, static_cast<int>(strlen(s)));
}

void appendStringInfoChar(StringInfo str, char ch)
{
	if (str->len + 1 >= str->maxlen)
		enlargeStringInfo(str, 1);
	str->data[str->len] = ch;
	str->len++;
	str->data[str->len] = '\0';
}

void appendStringInfoSpaces(StringInfo str, int count)
{
	if (count <= 0)
		return;
	enlargeStringInfo(str, count);
	memset(str->data + str->len, ' ', static_cast<size_t>(count));
	str->len += count;
	str->data[str->len] = '\0';
}

void appendBinaryStringInfo(StringInfo str, const void *data, int datalen)
{
	appendBinaryStringInfoNT(str, data, datalen);
	str->data[str->len] = '\0';
}

void appendBinaryStringInfoNT(StringInfo str, const void *data, int datalen)
{
	enlargeStringInfo(str, datalen);
	if (datalen > 0)
		memcpy(str->data + str->len, data, static_cast<size_t>(datalen));
	str->len += datalen;
}

void enlargeStringInfo(StringInfo str, int needed)
{
	if (needed < 0)
		elog(ERROR, "invalid string enlargement request size: %d", needed);
	if (static_cast<Size>(needed) >= MaxAllocSize - static_cast<Size>(str->len))
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED), errmsg("out of memory"),
				errdetail("Cannot enlarge string buffer containing %d bytes by %d more bytes.",
						  str->len, needed));
	Size want = static_cast<Size>(str->len) + static_cast<Size>(needed) + 1;
	if (want <= static_cast<Size>(str->maxlen))
		return;
	Size newlen = 2 * static_cast<Size>(str->maxlen);
	while (newlen < want)
		newlen *= 2;
	if (newlen > MaxAllocSize)
		newlen = MaxAllocSize;
	str->data = static_cast<char *>(repalloc(str->data, newlen));
	str->maxlen = static_cast<int>(newlen);
}
