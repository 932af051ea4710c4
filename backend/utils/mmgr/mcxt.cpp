/*
 * mcxt.cpp — memory contexts, the part every kind of context shares: the
 * tree, reset and delete, reset callbacks, statistics, and palloc with its
 * family (utils/palloc.h, utils/memutils.h).
 *
 * Principal entry points: MemoryContextInit, MemoryContextReset,
 * MemoryContextDelete, MemoryContextSetParent,
 * MemoryContextRegisterResetCallback, MemoryContextStats, palloc,
 * palloc_extended, repalloc, pfree, pstrdup, psprintf.
 *
 * A context's kind supplies the MemoryContextMethods (aset.cpp has the only
 * kind so far); this file keeps the tree and the rules PostgreSQL gives
 * them: resetting deletes the children first, then runs the context's reset
 * callbacks (newest first), then frees its memory; deleting does the same
 * and unlinks the context.  It also keeps CurrentMemoryContext from ever
 * pointing into a context being deleted (it moves to the deleted context's
 * parent), so that an error path that deletes a phase's context leaves the
 * process allocating somewhere valid.
 *
 * The allocation functions check the request size (ERROR "invalid memory
 * alloc request size"), call the context's alloc method, and turn its NULL
 * into ERROR 53200 "out of memory" naming the context, after writing the
 * contexts' statistics to stderr as PostgreSQL does (unless the caller
 * asked for MCXT_ALLOC_NO_OOM).
 */
#include "postgres.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "miscadmin.h"
#include "utils/memdebug.h"
#include "utils/memutils.h"

MemoryContext CurrentMemoryContext = nullptr;
MemoryContext TopMemoryContext = nullptr;
MemoryContext ErrorContext = nullptr;
MemoryContext PostmasterContext = nullptr;
MemoryContext CacheMemoryContext = nullptr;
MemoryContext MessageContext = nullptr;
MemoryContext TopTransactionContext = nullptr;
MemoryContext CurTransactionContext = nullptr;
MemoryContext PortalContext = nullptr;

namespace {

/* ErrorContext's reserve: allocated at start, kept across resets. */
constexpr Size kErrorContextReserve = 8 * 1024;

/* How many children of one context MemoryContextStats lists by name. */
constexpr int kStatsMaxChildren = 100;

/*
 * glibc's malloc returns memory to the kernel when a block at least
 * M_MMAP_THRESHOLD big (128 kB at first) is freed, or when more than
 * M_TRIM_THRESHOLD (twice the former) is free at the top of the heap.  A
 * context's blocks double, so one that grows to a few hundred kB and is
 * reset — a statement's, once per message — frees about twice its
 * largest block each time: just over the trim threshold.  Every reset
 * then gave the memory back and the next statement page-faulted it in
 * again, which made palloc plus reset ten times slower than malloc/free
 * (regress/bench).  So blocks up to twice the largest a context makes
 * (ALLOCSET_DEFAULT_MAXSIZE) come from the heap, and the heap keeps that
 * much free at its top.
 */
constexpr int kMmapThreshold = 2 * ALLOCSET_DEFAULT_MAXSIZE;
constexpr int kTrimThreshold = 4 * ALLOCSET_DEFAULT_MAXSIZE;

/* Whether context is ancestor or one of its descendants. */
bool IsWithin(MemoryContext context, MemoryContext ancestor)
{
	for (MemoryContext c = context; c != nullptr; c = c->parent)
		if (c == ancestor)
			return true;
	return false;
}

void CallResetCallbacks(MemoryContext context)
{
	/* Unlinked before it runs, so a callback that fails is not run again. */
	MemoryContextCallback *cb;
	while ((cb = context->reset_cbs) != nullptr)
	{
		context->reset_cbs = cb->next;
		cb->func(cb->arg);
	}
}

[[noreturn]] void InvalidSize(Size size)
{
	elog(ERROR, "invalid memory alloc request size %zu", size);
	pg_unreachable();
}

[[noreturn]] void OutOfMemory(MemoryContext context, Size size)
{
	MemoryContextStats(TopMemoryContext);
	ereport(ERROR, errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory"),
			errdetail("Failed on request of size %zu in memory context \"%s\".", size,
					  context->name));
	pg_unreachable();
}

MemoryContext ChunkContext(void *pointer, const char *caller)
{
	if (pointer == nullptr || pointer != reinterpret_cast<void *>(MAXALIGN(pointer)))
		elog(ERROR, "%s called with invalid pointer %p", caller, pointer);
	MemoryContext context = GetMemoryChunkContext(pointer);
	/* A freed chunk has no context: this catches most double frees. */
	if (!MemoryContextIsValid(context))
		elog(ERROR, "%s called with invalid pointer %p", caller, pointer);
	return context;
}

/* Allocation common to every entry point; NULL only with NO_OOM. */
inline void *AllocIn(MemoryContext context, Size size, int flags)
{
	if ((flags & MCXT_ALLOC_HUGE) ? !AllocHugeSizeIsValid(size) : !AllocSizeIsValid(size))
		InvalidSize(size);
	Assert(CritSectionCount == 0 || context->allowInCritSection);
	context->isReset = false;
	void *ret = context->methods->alloc(context, size);
	if (unlikely(ret == nullptr))
	{
		if (flags & MCXT_ALLOC_NO_OOM)
			return nullptr;
		OutOfMemory(context, size);
	}
	if (flags & MCXT_ALLOC_ZERO)
		memset(ret, 0, size);
	return ret;
}

void *ReallocIn(void *pointer, Size size, int flags)
{
	if ((flags & MCXT_ALLOC_HUGE) ? !AllocHugeSizeIsValid(size) : !AllocSizeIsValid(size))
		InvalidSize(size);
	MemoryContext context = ChunkContext(pointer, "repalloc");
	Assert(CritSectionCount == 0 || context->allowInCritSection);
	void *ret = context->methods->realloc(context, pointer, size);
	if (unlikely(ret == nullptr))
	{
		if (flags & MCXT_ALLOC_NO_OOM)
			return nullptr;
		OutOfMemory(context, size);
	}
	return ret;
}

struct StatsLevel
{
	int level;
};

void Indent(int level)
{
	for (int i = 0; i < level; i++)
		fputs("  ", stderr);
}

/* One context's line: "name: stats[: ident]", indented by depth. */
void PrintStatsLine(MemoryContext context, void *passthru, const char *stats_string,
					bool print_to_stderr)
{
	int level = static_cast<StatsLevel *>(passthru)->level;
	char ident[110] = "";
	if (context->ident != nullptr)
	{
		/* Identifiers can be long (a query): cut at 100 bytes and flatten
		 * control characters, so one context stays one line. */
		size_t len = strlen(context->ident);
		bool cut = len > 100;
		if (cut)
			len = 100;
		size_t o = 0;
		ident[o++] = ':';
		ident[o++] = ' ';
		for (size_t i = 0; i < len; i++)
		{
			unsigned char c = static_cast<unsigned char>(context->ident[i]);
			ident[o++] = c < ' ' ? ' ' : static_cast<char>(c);
		}
		ident[o] = '\0';
		if (cut)
			strcat(ident, "...");
	}
	if (print_to_stderr)
	{
		Indent(level);
		fprintf(stderr, "%s: %s%s\n", context->name, stats_string, ident);
	}
	else
		ereport(LOG_SERVER_ONLY, errhidestmt(true), errhidecontext(true),
				errmsg_internal("level: %d; %s: %s%s", level, context->name, stats_string, ident));
}

void AddCounters(MemoryContextCounters *to, const MemoryContextCounters &from)
{
	to->nblocks += from.nblocks;
	to->freechunks += from.freechunks;
	to->totalspace += from.totalspace;
	to->freespace += from.freespace;
}

void StatsInternal(MemoryContext context, int level, bool print, int max_children,
				   MemoryContextCounters *totals, bool print_to_stderr)
{
	StatsLevel passthru{level};
	context->methods->stats(context, print ? PrintStatsLine : nullptr, &passthru, totals,
							print_to_stderr);
	/* The first max_children children by name, the rest as one sum. */
	MemoryContextCounters rest = {};
	int nchildren = 0;
	for (MemoryContext child = context->firstchild; child != nullptr; child = child->nextchild)
	{
		if (nchildren < max_children)
			StatsInternal(child, level + 1, print, max_children, totals, print_to_stderr);
		else
			StatsInternal(child, level + 1, false, max_children, &rest, print_to_stderr);
		nchildren++;
	}
	if (nchildren <= max_children)
		return;
	if (print)
	{
		if (print_to_stderr)
		{
			Indent(level + 1);
			fprintf(stderr,
					"%d more child contexts containing %zu total in %zu blocks; %zu free (%zu "
					"chunks); %zu used\n",
					nchildren - max_children, rest.totalspace, rest.nblocks, rest.freespace,
					rest.freechunks, rest.totalspace - rest.freespace);
		}
		else
			ereport(LOG_SERVER_ONLY, errhidestmt(true), errhidecontext(true),
					errmsg_internal("level: %d; %d more child contexts containing %zu total in "
									"%zu blocks; %zu free (%zu chunks); %zu used",
									level, nchildren - max_children, rest.totalspace, rest.nblocks,
									rest.freespace, rest.freechunks,
									rest.totalspace - rest.freespace));
	}
	if (totals != nullptr)
		AddCounters(totals, rest);
}

}  // namespace

extern "C" {

void MemoryContextInit(void)
{
	if (TopMemoryContext != nullptr)
		return;
#ifdef __GLIBC__
	(void) mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
	(void) mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
#endif
	TopMemoryContext = AllocSetContextCreate(nullptr, "TopMemoryContext", ALLOCSET_DEFAULT_SIZES);
	CurrentMemoryContext = TopMemoryContext;
	/* Minimum, initial and maximum size all the reserve: the block is
	 * allocated now and kept by every reset, so reporting an error (out of
	 * memory included) can allocate this much without malloc. */
	ErrorContext = AllocSetContextCreate(TopMemoryContext, "ErrorContext", kErrorContextReserve,
										 kErrorContextReserve, kErrorContextReserve);
	MemoryContextAllowInCriticalSection(ErrorContext, true);
}

/* Link node, allocated by its kind's creation function, under parent. */
void MemoryContextCreate(MemoryContext node, MemoryContextType tag,
						 const MemoryContextMethods *methods, MemoryContext parent,
						 const char *name)
{
	node->type = tag;
	node->isReset = true;
	node->allowInCritSection = false;
	node->mem_allocated = 0;
	node->methods = methods;
	node->parent = parent;
	node->firstchild = nullptr;
	node->prevchild = nullptr;
	node->nextchild = nullptr;
	node->name = name;
	node->ident = nullptr;
	node->reset_cbs = nullptr;
	if (parent != nullptr)
	{
		node->nextchild = parent->firstchild;
		if (node->nextchild != nullptr)
			node->nextchild->prevchild = node;
		parent->firstchild = node;
		/* A child is as allowed in critical sections as its parent. */
		node->allowInCritSection = parent->allowInCritSection;
	}
}

void MemoryContextReset(MemoryContext context)
{
	if (context->firstchild != nullptr)
		MemoryContextDeleteChildren(context);
	if (!context->isReset)
		MemoryContextResetOnly(context);
}

void MemoryContextResetOnly(MemoryContext context)
{
	if (context->isReset)
		return;
	CallResetCallbacks(context);
	context->methods->reset(context);
	context->isReset = true;
}

void MemoryContextResetChildren(MemoryContext context)
{
	for (MemoryContext child = context->firstchild; child != nullptr; child = child->nextchild)
	{
		MemoryContextResetChildren(child);
		MemoryContextResetOnly(child);
	}
}

void MemoryContextDelete(MemoryContext context)
{
	Assert(context != TopMemoryContext);
	/* Whoever was allocating in what goes now allocates in its parent. */
	if (IsWithin(CurrentMemoryContext, context))
		CurrentMemoryContext = context->parent != nullptr ? context->parent : TopMemoryContext;
	MemoryContextDeleteChildren(context);
	CallResetCallbacks(context);
	MemoryContextSetParent(context, nullptr);
	context->ident = nullptr;
	context->methods->delete_context(context);
}

void MemoryContextDeleteChildren(MemoryContext context)
{
	while (context->firstchild != nullptr)
		MemoryContextDelete(context->firstchild);
}

void MemoryContextSetIdentifier(MemoryContext context, const char *id)
{
	context->ident = id;
}

void MemoryContextSetParent(MemoryContext context, MemoryContext new_parent)
{
	if (context->parent == new_parent)
		return;
	if (new_parent != nullptr && IsWithin(new_parent, context))
		elog(ERROR, "cannot make memory context \"%s\" a descendant of itself", context->name);
	MemoryContext parent = context->parent;
	if (parent != nullptr)
	{
		if (context->prevchild != nullptr)
			context->prevchild->nextchild = context->nextchild;
		else
			parent->firstchild = context->nextchild;
		if (context->nextchild != nullptr)
			context->nextchild->prevchild = context->prevchild;
	}
	context->parent = new_parent;
	context->prevchild = nullptr;
	context->nextchild = nullptr;
	if (new_parent != nullptr)
	{
		context->nextchild = new_parent->firstchild;
		if (context->nextchild != nullptr)
			context->nextchild->prevchild = context;
		new_parent->firstchild = context;
	}
}

void MemoryContextAllowInCriticalSection(MemoryContext context, bool allow)
{
	context->allowInCritSection = allow;
}

Size GetMemoryChunkSpace(void *pointer)
{
	MemoryContext context = ChunkContext(pointer, "GetMemoryChunkSpace");
	return context->methods->get_chunk_space(context, pointer);
}

MemoryContext MemoryContextGetParent(MemoryContext context)
{
	return context->parent;
}

bool MemoryContextIsEmpty(MemoryContext context)
{
	if (context->firstchild != nullptr)
		return false;
	return context->methods->is_empty(context);
}

Size MemoryContextMemAllocated(MemoryContext context, bool recurse)
{
	Size total = context->mem_allocated;
	if (recurse)
		for (MemoryContext child = context->firstchild; child != nullptr; child = child->nextchild)
			total += MemoryContextMemAllocated(child, true);
	return total;
}

void MemoryContextStats(MemoryContext context)
{
	MemoryContextStatsDetail(context, kStatsMaxChildren, true);
}

/*
 * Write the tree under context, one line per context (children indented
 * two spaces a level; past max_children of one parent, one summary line),
 * then a "Grand total:" line: to stderr, or to the server log at
 * LOG_SERVER_ONLY.
 */
void MemoryContextStatsDetail(MemoryContext context, int max_children, bool print_to_stderr)
{
	MemoryContextCounters grand = {};
	StatsInternal(context, 0, true, max_children, &grand, print_to_stderr);
	if (print_to_stderr)
		fprintf(stderr, "Grand total: %zu bytes in %zu blocks; %zu free (%zu chunks); %zu used\n",
				grand.totalspace, grand.nblocks, grand.freespace, grand.freechunks,
				grand.totalspace - grand.freespace);
	else
		ereport(LOG_SERVER_ONLY, errhidestmt(true), errhidecontext(true),
				errmsg_internal("Grand total: %zu bytes in %zu blocks; %zu free (%zu chunks); "
								"%zu used",
								grand.totalspace, grand.nblocks, grand.freespace, grand.freechunks,
								grand.totalspace - grand.freespace));
}

bool MemoryContextContains(MemoryContext context, void *pointer)
{
	if (pointer == nullptr || pointer != reinterpret_cast<void *>(MAXALIGN(pointer)))
		return false;
	return GetMemoryChunkContext(pointer) == context;
}

void MemoryContextRegisterResetCallback(MemoryContext context, MemoryContextCallback *cb)
{
	cb->next = context->reset_cbs;
	context->reset_cbs = cb;
	/* There is something to do at the next reset now. */
	context->isReset = false;
}

void *MemoryContextAlloc(MemoryContext context, Size size)
{
	return AllocIn(context, size, 0);
}

void *MemoryContextAllocZero(MemoryContext context, Size size)
{
	return AllocIn(context, size, MCXT_ALLOC_ZERO);
}

void *MemoryContextAllocZeroAligned(MemoryContext context, Size size)
{
	return AllocIn(context, size, MCXT_ALLOC_ZERO);
}

void *MemoryContextAllocExtended(MemoryContext context, Size size, int flags)
{
	return AllocIn(context, size, flags);
}

void *MemoryContextAllocHuge(MemoryContext context, Size size)
{
	return AllocIn(context, size, MCXT_ALLOC_HUGE);
}

void *palloc(Size size)
{
	return AllocIn(CurrentMemoryContext, size, 0);
}

void *palloc0(Size size)
{
	return AllocIn(CurrentMemoryContext, size, MCXT_ALLOC_ZERO);
}

void *palloc_extended(Size size, int flags)
{
	return AllocIn(CurrentMemoryContext, size, flags);
}

void *repalloc(void *pointer, Size size)
{
	return ReallocIn(pointer, size, 0);
}

void *repalloc_extended(void *pointer, Size size, int flags)
{
	return ReallocIn(pointer, size, flags);
}

void *repalloc_huge(void *pointer, Size size)
{
	return ReallocIn(pointer, size, MCXT_ALLOC_HUGE);
}

void pfree(void *pointer)
{
	MemoryContext context = ChunkContext(pointer, "pfree");
	context->methods->free_p(context, pointer);
}

void *palloc_mul(Size s1, Size s2)
{
	return palloc(mul_size(s1, s2));
}

void *palloc0_mul(Size s1, Size s2)
{
	return palloc0(mul_size(s1, s2));
}

void *palloc_mul_extended(Size s1, Size s2, int flags)
{
	return palloc_extended(mul_size(s1, s2), flags);
}

void *repalloc_mul(void *p, Size s1, Size s2)
{
	return repalloc(p, mul_size(s1, s2));
}

void *repalloc_mul_extended(void *p, Size s1, Size s2, int flags)
{
	return repalloc_extended(p, mul_size(s1, s2), flags);
}

char *MemoryContextStrdup(MemoryContext context, const char *string)
{
	Size len = strlen(string) + 1;
	auto *out = static_cast<char *>(MemoryContextAlloc(context, len));
	memcpy(out, string, len);
	return out;
}

char *pstrdup(const char *in)
{
	return MemoryContextStrdup(CurrentMemoryContext, in);
}

char *pnstrdup(const char *in, Size len)
{
	len = strnlen(in, len);
	auto *out = static_cast<char *>(palloc(len + 1));
	memcpy(out, in, len);
	out[len] = '\0';
	return out;
}

char *pchomp(const char *in)
{
	size_t n = strlen(in);
	while (n > 0 && in[n - 1] == '\n')
		n--;
	return pnstrdup(in, n);
}

size_t pvsnprintf(char *buf, size_t len, const char *fmt, va_list args)
{
	int saved_errno = errno;
	int nprinted = vsnprintf(buf, len, fmt, args);
	if (unlikely(nprinted < 0))
	{
		errno = saved_errno;
		elog(ERROR, "vsnprintf failed: %m with format string \"%s\"", fmt);
	}
	if (static_cast<size_t>(nprinted) < len)
		return static_cast<size_t>(nprinted);
	/* Too long to be allocated anyway: say so now, not after a loop. */
	if (static_cast<size_t>(nprinted) >= MaxAllocSize - 1)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED), errmsg("out of memory"));
	return static_cast<size_t>(nprinted) + 1;
}

char *psprintf(const char *fmt, ...)
{
	int saved_errno = errno;
	size_t len = 128;
	for (;;)
	{
		auto *out = static_cast<char *>(palloc(len));
		va_list args;
		va_start(args, fmt);
		errno = saved_errno; /* for %m */
		size_t needed = pvsnprintf(out, len, fmt, args);
		va_end(args);
		if (needed < len)
			return out;
		pfree(out);
		len = needed;
	}
}

}  // extern "C"
