/*
 * utils/palloc.h — memory allocation in memory contexts: palloc, pfree and
 * friends, the everyday half of the memory-context API.
 *
 * Every palloc'd chunk belongs to a memory context (utils/memutils.h has
 * the rest of the API: creating, resetting and deleting contexts).  palloc
 * allocates in CurrentMemoryContext; MemoryContextAlloc in a named one.
 * A chunk lives until it is pfree'd or its context is reset or deleted,
 * whichever comes first — so what a statement, a transaction or a failed
 * command allocated is freed by one reset of its context, and code need
 * not free it piece by piece.  pfree and repalloc find a chunk's context
 * from the chunk itself, whatever CurrentMemoryContext is.
 *
 * Failure behaviour is PostgreSQL's: a request the operating system cannot
 * satisfy raises ERROR "out of memory" (SQLSTATE 53200) with DETAIL
 * "Failed on request of size N in memory context "X".", never a NULL
 * return unless MCXT_ALLOC_NO_OOM was asked for; a request above
 * MaxAllocSize (1 GB - 1; MaxAllocHugeSize with MCXT_ALLOC_HUGE) is
 * refused with ERROR "invalid memory alloc request size N".
 *
 * See doc/utils/mmgr/README.md for the contexts a server process has and
 * how long each lives.
 */
#ifndef TUSK_UTILS_PALLOC_H
#define TUSK_UTILS_PALLOC_H

#include "c.h"

/* A context; its contents are in utils/memutils.h. */
typedef struct MemoryContextData *MemoryContext;

/*
 * A function to run when a context is reset or deleted, before its memory
 * goes (MemoryContextRegisterResetCallback).  The struct is normally
 * allocated in the context itself; it must live until the callback runs.
 */
typedef void (*MemoryContextCallbackFunction)(void *arg);

typedef struct MemoryContextCallback
{
	MemoryContextCallbackFunction func; /* what to run */
	void *arg;							/* its argument */
	struct MemoryContextCallback *next; /* the context's next callback */
} MemoryContextCallback;

/* Flags of palloc_extended and MemoryContextAllocExtended. */
#define MCXT_ALLOC_HUGE 0x01   /* allow sizes up to MaxAllocHugeSize */
#define MCXT_ALLOC_NO_OOM 0x02 /* return NULL instead of ERROR when out of memory */
#define MCXT_ALLOC_ZERO 0x04   /* zero the memory */

#ifdef __cplusplus
extern "C" {
#endif

/* Where palloc allocates.  Switch with MemoryContextSwitchTo. */
extern PGDLLIMPORT MemoryContext CurrentMemoryContext;

extern void *MemoryContextAlloc(MemoryContext context, Size size);
extern void *MemoryContextAllocZero(MemoryContext context, Size size);
extern void *MemoryContextAllocZeroAligned(MemoryContext context, Size size);
extern void *MemoryContextAllocExtended(MemoryContext context, Size size, int flags);

extern void *palloc(Size size);
extern void *palloc0(Size size);
extern void *palloc_extended(Size size, int flags);
/* Resize a chunk, in its own context; the contents move with it. */
extern void *repalloc(void *pointer, Size size);
extern void *repalloc_extended(void *pointer, Size size, int flags);
extern void pfree(void *pointer);

/* Overflow-checked size arithmetic: ERROR rather than wrap around. */
extern Size add_size(Size s1, Size s2);
extern Size mul_size(Size s1, Size s2);

extern void *palloc_mul(Size s1, Size s2);
extern void *palloc0_mul(Size s1, Size s2);
extern void *palloc_mul_extended(Size s1, Size s2, int flags);
extern void *repalloc_mul(void *p, Size s1, Size s2);
extern void *repalloc_mul_extended(void *p, Size s1, Size s2, int flags);

/* Typed allocation, as PostgreSQL 15's minor releases have it. */
#define palloc_object(type) ((type *) palloc(sizeof(type)))
#define palloc0_object(type) ((type *) palloc0(sizeof(type)))
#define palloc_array(type, count) ((type *) palloc_mul(sizeof(type), count))
#define palloc0_array(type, count) ((type *) palloc0_mul(sizeof(type), count))
#define palloc_array_extended(type, count, flags) \
	((type *) palloc_mul_extended(sizeof(type), count, flags))
#define repalloc_array(pointer, type, count) ((type *) repalloc_mul(pointer, sizeof(type), count))
#define repalloc_array_extended(pointer, type, count, flags) \
	((type *) repalloc_mul_extended(pointer, sizeof(type), count, flags))

#define palloc0fast(sz) MemoryContextAllocZero(CurrentMemoryContext, sz)

/* Sizes above MaxAllocSize (up to MaxAllocHugeSize). */
extern void *MemoryContextAllocHuge(MemoryContext context, Size size);
extern void *repalloc_huge(void *pointer, Size size);

/* Make context current; returns the one that was. */
static inline MemoryContext MemoryContextSwitchTo(MemoryContext context)
{
	MemoryContext old = CurrentMemoryContext;

	CurrentMemoryContext = context;
	return old;
}

/* Run cb->func(cb->arg) when context is next reset or deleted (callbacks
 * run last-registered first, before the memory is freed). */
extern void MemoryContextRegisterResetCallback(MemoryContext context, MemoryContextCallback *cb);

extern char *MemoryContextStrdup(MemoryContext context, const char *string);
extern char *pstrdup(const char *in);
/* At most len bytes of in (fewer if it ends sooner), NUL-terminated. */
extern char *pnstrdup(const char *in, Size len);
/* A copy without the trailing newlines. */
extern char *pchomp(const char *in);
extern char *psprintf(const char *fmt, ...) pg_attribute_printf(1, 2);
/* Format into buf (len bytes): the bytes written (without the NUL) if
 * they fit, else an estimate of the size needed, always more than len. */
extern size_t pvsnprintf(char *buf, size_t len, const char *fmt, va_list args)
	pg_attribute_printf(3, 0);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_UTILS_PALLOC_H */
