/*
 * utils/memutils.h — memory contexts: the tree of arenas that every palloc
 * allocates in (see utils/palloc.h for palloc itself).
 *
 * A context is a named arena with a parent.  Resetting it frees everything
 * allocated in it and deletes its children; deleting it does that and
 * removes it.  A server process's contexts form a tree rooted at
 * TopMemoryContext, and each phase of work allocates in the context whose
 * lifetime matches it (a message, a transaction, a tuple), so ending or
 * failing the phase frees its memory with one reset.
 *
 * The well-known contexts:
 *   TopMemoryContext       the process's lifetime; never reset
 *   ErrorContext           for reporting errors; keeps 8 kB in reserve so an
 *                          out-of-memory error can still be reported; reset
 *                          after each report (FlushErrorState)
 *   PostmasterContext      the postmaster's working memory; deleted in each
 *                          child right after fork
 *   MessageContext         one client message; reset by the backend's main
 *                          loop before it reads the next
 *   TopTransactionContext  one top-level transaction; deleted at commit or
 *   CurTransactionContext  abort (the same context until subtransactions
 *                          exist)
 *   CacheMemoryContext     the backend's life: caches, and what modules
 *                          keep there (made by InitPostgres, or the first
 *                          catalog cache lookup; cache resets free only
 *                          the catalog caches' own child context)
 *   PortalContext          declared for modules
 *
 * Names and signatures are PostgreSQL 15's.  The one kind of context Tusk
 * has is the AllocSet (AllocSetContextCreate), described in
 * backend/utils/mmgr/aset.cpp and doc/utils/mmgr/README.md.
 *
 * Not thread-safe: a context belongs to one thread of one process.
 */
#ifndef TUSK_UTILS_MEMUTILS_H
#define TUSK_UTILS_MEMUTILS_H

#include "c.h"
#include "utils/palloc.h"

/* Largest ordinary request: 1 GB - 1 (it must fit a varlena header). */
#define MaxAllocSize ((Size) 0x3fffffff)
#define AllocSizeIsValid(size) ((Size) (size) <= MaxAllocSize)

/* Largest request with MCXT_ALLOC_HUGE. */
#define MaxAllocHugeSize (SIZE_MAX / 2)
#define AllocHugeSizeIsValid(size) ((Size) (size) <= MaxAllocHugeSize)

/* What MemoryContextStats reports for one context (or a sum of them). */
typedef struct MemoryContextCounters
{
	Size nblocks;	 /* blocks obtained from malloc */
	Size freechunks; /* chunks on free lists */
	Size totalspace; /* bytes obtained from malloc */
	Size freespace;	 /* of which unused */
} MemoryContextCounters;

typedef void (*MemoryStatsPrintFunc)(MemoryContext context, void *passthru,
									 const char *stats_string, bool print_to_stderr);

/* What a kind of context implements; mcxt.cpp does the rest. */
typedef struct MemoryContextMethods
{
	void *(*alloc)(MemoryContext context, Size size); /* NULL: out of memory */
	void (*free_p)(MemoryContext context, void *pointer);
	void *(*realloc)(MemoryContext context, void *pointer, Size size);
	void (*reset)(MemoryContext context);
	void (*delete_context)(MemoryContext context);
	Size (*get_chunk_space)(MemoryContext context, void *pointer);
	bool (*is_empty)(MemoryContext context);
	void (*stats)(MemoryContext context, MemoryStatsPrintFunc printfunc, void *passthru,
				  MemoryContextCounters *totals, bool print_to_stderr);
} MemoryContextMethods;

/* The kinds of context (MemoryContextData.type). */
typedef enum MemoryContextType
{
	T_AllocSetContext = 0x41534554 /* "ASET" */
} MemoryContextType;

/*
 * The part every kind of context shares (PostgreSQL's field names).  Code
 * outside mmgr reads name and ident, and otherwise uses the functions.
 */
typedef struct MemoryContextData
{
	MemoryContextType type;
	bool isReset;			 /* nothing allocated since the last reset */
	bool allowInCritSection; /* may allocate inside a critical section */
	Size mem_allocated;		 /* bytes obtained from malloc for this context */
	const MemoryContextMethods *methods;
	MemoryContext parent;	  /* NULL for a top-level context */
	MemoryContext firstchild; /* children: a doubly linked list */
	MemoryContext prevchild;
	MemoryContext nextchild;
	const char *name;				  /* a constant string */
	const char *ident;				  /* optional identifier, for statistics */
	MemoryContextCallback *reset_cbs; /* to run at reset/delete, newest first */
} MemoryContextData;

#define MemoryContextIsValid(context) ((context) != NULL && (context)->type == T_AllocSetContext)

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT MemoryContext TopMemoryContext;
extern PGDLLIMPORT MemoryContext ErrorContext;
extern PGDLLIMPORT MemoryContext PostmasterContext;
extern PGDLLIMPORT MemoryContext CacheMemoryContext;
extern PGDLLIMPORT MemoryContext MessageContext;
extern PGDLLIMPORT MemoryContext TopTransactionContext;
extern PGDLLIMPORT MemoryContext CurTransactionContext;
extern PGDLLIMPORT MemoryContext PortalContext;

/* Resetting a context deletes its children too, as PostgreSQL has it. */
#define MemoryContextResetAndDeleteChildren(ctx) MemoryContextReset(ctx)

/* Create TopMemoryContext and ErrorContext and make TopMemoryContext
 * current.  Called once at process start; later calls do nothing. */
extern void MemoryContextInit(void);
/* Delete the children, then free the context's own memory (running its
 * reset callbacks first).  The context stays usable. */
extern void MemoryContextReset(MemoryContext context);
/* Delete the children, run the callbacks, free the memory and the context
 * itself.  Must not be CurrentMemoryContext. */
extern void MemoryContextDelete(MemoryContext context);
/* Free the context's own memory; its children are left alone. */
extern void MemoryContextResetOnly(MemoryContext context);
/* Reset every descendant, keeping them all. */
extern void MemoryContextResetChildren(MemoryContext context);
extern void MemoryContextDeleteChildren(MemoryContext context);
extern void MemoryContextSetIdentifier(MemoryContext context, const char *id);
/* Move context under new_parent (NULL: make it top-level); it then goes
 * when new_parent goes. */
extern void MemoryContextSetParent(MemoryContext context, MemoryContext new_parent);
/* Bytes a chunk occupies, header included. */
extern Size GetMemoryChunkSpace(void *pointer);
extern MemoryContext MemoryContextGetParent(MemoryContext context);
extern bool MemoryContextIsEmpty(MemoryContext context);
/* Bytes obtained from malloc for the context (and its descendants). */
extern Size MemoryContextMemAllocated(MemoryContext context, bool recurse);
/* Print the context's tree to stderr, one line per context. */
extern void MemoryContextStats(MemoryContext context);
extern void MemoryContextStatsDetail(MemoryContext context, int max_children, bool print_to_stderr);
extern void MemoryContextAllowInCriticalSection(MemoryContext context, bool allow);
/* Whether pointer is a chunk allocated (and not freed) in context. */
extern bool MemoryContextContains(MemoryContext context, void *pointer);

#define MemoryContextCopyAndSetIdentifier(cxt, id) \
	MemoryContextSetIdentifier(cxt, MemoryContextStrdup(cxt, id))

/*
 * The context a chunk was allocated in: every chunk is preceded by a
 * header whose last word points at its context (NULL once it is freed).
 */
static inline MemoryContext GetMemoryChunkContext(void *pointer)
{
	return *(MemoryContext *) (((char *) pointer) - sizeof(void *));
}

/* For new kinds of context: link node (already allocated) into the tree. */
extern void MemoryContextCreate(MemoryContext node, MemoryContextType tag,
								const MemoryContextMethods *methods, MemoryContext parent,
								const char *name);

/*
 * An AllocSet: chunks of power-of-two sizes from blocks growing from
 * initBlockSize to maxBlockSize; minContextSize bytes (or initBlockSize,
 * if 0) are allocated with the context and kept across resets.  name must
 * be a string that outlives the context (normally a literal).
 */
extern MemoryContext AllocSetContextCreateInternal(MemoryContext parent, const char *name,
												   Size minContextSize, Size initBlockSize,
												   Size maxBlockSize);
#define AllocSetContextCreate AllocSetContextCreateInternal

#ifdef __cplusplus
}
#endif

/* For ordinary contexts that may hold a lot of data. */
#define ALLOCSET_DEFAULT_MINSIZE 0
#define ALLOCSET_DEFAULT_INITSIZE (8 * 1024)
#define ALLOCSET_DEFAULT_MAXSIZE (8 * 1024 * 1024)
#define ALLOCSET_DEFAULT_SIZES \
	ALLOCSET_DEFAULT_MINSIZE, ALLOCSET_DEFAULT_INITSIZE, ALLOCSET_DEFAULT_MAXSIZE

/* For contexts never expected to hold much (a plan, a cache entry). */
#define ALLOCSET_SMALL_MINSIZE 0
#define ALLOCSET_SMALL_INITSIZE (1 * 1024)
#define ALLOCSET_SMALL_MAXSIZE (8 * 1024)
#define ALLOCSET_SMALL_SIZES ALLOCSET_SMALL_MINSIZE, ALLOCSET_SMALL_INITSIZE, ALLOCSET_SMALL_MAXSIZE

/* Start small, may grow big. */
#define ALLOCSET_START_SMALL_SIZES \
	ALLOCSET_SMALL_MINSIZE, ALLOCSET_SMALL_INITSIZE, ALLOCSET_DEFAULT_MAXSIZE

/* A request above this is certain to get a block of its own. */
#define ALLOCSET_SEPARATE_THRESHOLD 8192

#ifdef __cplusplus
extern "C++" {
#include <new>
namespace tusk {

/*
 * Makes a context current for a C++ scope and restores the previous one
 * when the scope ends, by exception too:
 *
 *     tusk::MemoryContextScope in(MessageContext);
 */
class MemoryContextScope
{
  public:
	explicit MemoryContextScope(MemoryContext context) : old_(MemoryContextSwitchTo(context)) {}
	~MemoryContextScope() { MemoryContextSwitchTo(old_); }
	MemoryContextScope(const MemoryContextScope &) = delete;
	MemoryContextScope &operator=(const MemoryContextScope &) = delete;

  private:
	MemoryContext old_;
};

/*
 * Owns a context: deletes it (and so everything allocated in it) when the
 * owner goes out of scope — a C++ function's short-lived arena.  Unless
 * released, the context is deleted on the way out of an ERROR too.
 */
class OwnedMemoryContext
{
  public:
	OwnedMemoryContext(MemoryContext parent, const char *name)
		: context_(AllocSetContextCreate(parent, name, ALLOCSET_DEFAULT_SIZES))
	{}
	~OwnedMemoryContext()
	{
		if (context_ == nullptr)
			return;
		/* Never leave CurrentMemoryContext pointing at freed memory. */
		if (CurrentMemoryContext == context_)
			CurrentMemoryContext = context_->parent;
		MemoryContextDelete(context_);
	}
	OwnedMemoryContext(const OwnedMemoryContext &) = delete;
	OwnedMemoryContext &operator=(const OwnedMemoryContext &) = delete;

	MemoryContext get() const { return context_; }
	/* Give up ownership (the context lives on under its parent). */
	MemoryContext release()
	{
		MemoryContext c = context_;
		context_ = nullptr;
		return c;
	}

  private:
	MemoryContext context_;
};

/*
 * A C++ object (with a destructor: std::vector members, say) living in a
 * memory context: constructed in the context's memory and destroyed when
 * the context is reset or deleted — on the error path too, so executor
 * state that needs C++ containers leaks nothing when a query fails.
 *
 *     auto *data = tusk::NewInContext<SortData>(estate->es_query_cxt);
 */
template <typename T, typename... Args>
T *NewInContext(MemoryContext context, Args &&...args)
{
	struct Holder
	{
		MemoryContextCallback callback;
		alignas(T) char storage[sizeof(T)];
	};
	auto *holder = static_cast<Holder *>(MemoryContextAllocZero(context, sizeof(Holder)));
	/* NOLINTNEXTLINE(cppcoreguidelines-owning-memory): the context owns it (callback) */
	T *object = new (holder->storage) T(static_cast<Args &&>(args)...);
	holder->callback.func = [](void *arg) { static_cast<T *>(arg)->~T(); };
	holder->callback.arg = object;
	MemoryContextRegisterResetCallback(context, &holder->callback);
	return object;
}

}  // namespace tusk
}
#endif /* __cplusplus */

#endif /* TUSK_UTILS_MEMUTILS_H */
