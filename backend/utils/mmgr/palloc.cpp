/*
 * palloc.cpp — palloc and friends for module code (see utils/palloc.h).
 *
 * Allocation failure raises ERROR "out of memory" (53200) instead of
 * returning NULL, which is what PostgreSQL modules rely on.
 */
#include "postgres.h"

#include <cstdarg>

namespace {

[[noreturn]] void OutOfMemory(Size size)
{
	ereport(ERROR, errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory"),
			errdetail("Failed on request of size %zu.", size));
	pg_unreachable();
}

}  // namespace

extern "C" {

void *
palloc(Size size)
{
	void *p = malloc(size == 0 ? 1 : size);
	if (p == nullptr)
		OutOfMemory(size);
	return p;
}

void *
palloc0(Size size)
{
	void *p = calloc(1, size == 0 ? 1 : size);
	if (p == nullptr)
		OutOfMemory(size);
	return p;
}

void *
repalloc(void *pointer, Size size)
{
	void *p = realloc(pointer, size == 0 ? 1 : size);
	if (p == nullptr)
		OutOfMemory(size);
	return p;
}

void
pfree(void *pointer)
{
	free(pointer);
}

char *
pstrdup(const char *in)
{
	size_t len = strlen(in);
	char *out = static_cast<char *>(palloc(len + 1));
	memcpy(out, in, len + 1);
	return out;
}

char *
psprintf(const char *fmt, ...)
{
	va_list args;
	va_start(args, fmt);
	va_list copy;
	va_copy(copy, args);
	int len = vsnprintf(nullptr, 0, fmt, copy);
	va_end(copy);
	if (len < 0)
	{
		va_end(args);
		elog(ERROR, "vsnprintf failed: %m");
	}
	char *out = static_cast<char *>(palloc(static_cast<Size>(len) + 1));
	vsnprintf(out, static_cast<size_t>(len) + 1, fmt, args);
	va_end(args);
	return out;
}

}  // extern "C"
