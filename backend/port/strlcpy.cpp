/*
 * strlcpy.cpp — strlcpy (port.h), for C libraries that lack it.
 */
#include "c.h"

#include <string.h>

size_t strlcpy(char *dst, const char *src, size_t siz)
{
	size_t len = strlen(src);
	if (siz > 0)
	{
		size_t n = len < siz - 1 ? len : siz - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
