/*
 * alloc_guard.cpp — the unit-test program's operator new refuses to
 * allocate inside a critical section.
 *
 * Code inside a critical section must allocate nothing (an allocation that
 * fails there is a PANIC; see tusk::CriticalSection in miscadmin.h).  The
 * unit tests run heap, B-tree, WAL and transaction code in this process,
 * so replacing the global allocation functions here checks that rule on
 * every critical section they reach: an allocation inside one aborts the
 * test program with the size and a message, instead of passing unnoticed.
 * Only the throwing single-object forms are replaced; libstdc++ routes
 * operator new[] and the nothrow forms through them.  Not under
 * AddressSanitizer, which has allocation functions of its own that these
 * would only half replace (it then reports new/free mismatches); the
 * plain and release builds check the rule.
 */
#include "unit_test.h"

#include <execinfo.h>
#include <stdlib.h>
#include <unistd.h>

#include <new>

#include "miscadmin.h"
#include "utils/error/error.h"

#ifndef __SANITIZE_ADDRESS__

namespace {

void *Allocate(size_t size)
{
	/* Reporting an error may allocate: inside a critical section the
	 * report is a PANIC, and PostgreSQL allows its ErrorContext there too. */
	if (CritSectionCount > 0 && !tusk::error::ErrorReportInProgress())
	{
		char buf[160];
		int len = snprintf(buf, sizeof buf,
						   "alloc_guard: operator new(%zu) inside a critical section\n", size);
		(void) !write(STDERR_FILENO, buf, static_cast<size_t>(len));
		void *frames[32];
		backtrace_symbols_fd(frames, backtrace(frames, 32), STDERR_FILENO);
		abort();
	}
	void *p = malloc(size == 0 ? 1 : size);
	if (p == nullptr)
		throw std::bad_alloc();
	return p;
}

}  // namespace

void *operator new(size_t size)
{
	return Allocate(size);
}

void operator delete(void *p) noexcept
{
	free(p);
}

void operator delete(void *p, size_t) noexcept
{
	free(p);
}

#endif /* !__SANITIZE_ADDRESS__ */
