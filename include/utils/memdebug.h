/*
 * utils/memdebug.h — telling a memory checker which bytes may be touched.
 *
 * PostgreSQL's memory contexts mark freed chunks and reset blocks as
 * inaccessible to Valgrind through these macros.  Tusk maps them onto
 * AddressSanitizer's manual poisoning when the code is built with ASan,
 * so a use of memory after its pfree or its context's reset is reported
 * there too (malloc'd blocks are checked by ASan anyway; the macros cover
 * the memory a context keeps for reuse).  Without ASan they do nothing.
 *
 *   VALGRIND_MAKE_MEM_NOACCESS(addr, size)   poison
 *   VALGRIND_MAKE_MEM_UNDEFINED(addr, size)  unpoison (contents undefined)
 *   VALGRIND_MAKE_MEM_DEFINED(addr, size)    unpoison
 *
 * Module code may use them the same way.
 */
#ifndef TUSK_UTILS_MEMDEBUG_H
#define TUSK_UTILS_MEMDEBUG_H

#include "c.h"

#if defined(__SANITIZE_ADDRESS__)
#define TUSK_USE_ASAN_POISONING 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TUSK_USE_ASAN_POISONING 1
#endif
#endif

#ifdef TUSK_USE_ASAN_POISONING
#include <sanitizer/asan_interface.h>
#define VALGRIND_MAKE_MEM_NOACCESS(addr, size) \
	__asan_poison_memory_region((const void *) (addr), (size_t) (size))
#define VALGRIND_MAKE_MEM_UNDEFINED(addr, size) \
	__asan_unpoison_memory_region((const void *) (addr), (size_t) (size))
#define VALGRIND_MAKE_MEM_DEFINED(addr, size) \
	__asan_unpoison_memory_region((const void *) (addr), (size_t) (size))
#else
#define VALGRIND_MAKE_MEM_NOACCESS(addr, size) ((void) 0)
#define VALGRIND_MAKE_MEM_UNDEFINED(addr, size) ((void) 0)
#define VALGRIND_MAKE_MEM_DEFINED(addr, size) ((void) 0)
#endif

#endif /* TUSK_UTILS_MEMDEBUG_H */
