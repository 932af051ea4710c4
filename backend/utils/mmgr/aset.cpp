/*
 * aset.cpp — the AllocSet: the memory context kind behind every context
 * (utils/memutils.h), made for many small allocations freed all at once.
 *
 * Principal entry point: AllocSetContextCreateInternal; the rest is
 * reached through MemoryContextMethods from mcxt.cpp.
 *
 * Design (see doc/utils/mmgr/README.md for the why):
 *   - Memory comes from malloc in blocks.  The first block is allocated
 *     together with the context header and is the "keeper": a reset frees
 *     every other block and keeps it, so a context that is reset once per
 *     statement or per tuple touches malloc only when it outgrows it.
 *   - Later blocks double in size from initBlockSize up to maxBlockSize, so
 *     a context that grows big needs few mallocs.
 *   - A request of at most chunk_limit bytes (8 kB, less for contexts with
 *     small blocks) is rounded up to a power of two from 8 bytes and cut
 *     from the current block; pfree puts the chunk on the free list of its
 *     size, where the next request of that size finds it.  When the
 *     current block cannot hold a chunk, what is left of it is cut into
 *     free chunks before a new block is started.
 *   - A larger request gets a block of its own, returned to malloc by pfree
 *     and resized with realloc by repalloc.
 *   - Each chunk is preceded by a 16-byte header: its size (the power of
 *     two, or the exact MAXALIGN'd size of a big chunk) and its context,
 *     which is NULL while the chunk is free.  The context word comes last,
 *     right before the chunk, where GetMemoryChunkContext looks for it.
 *   - Built with AddressSanitizer, free chunks, the unused tail of each
 *     chunk and the free space of blocks are poisoned (utils/memdebug.h),
 *     so touching memory after its pfree or its context's reset is caught
 *     even though the allocator keeps it for reuse.
 */
#include "postgres.h"

#include <type_traits>

#include "utils/memdebug.h"
#include "utils/memutils.h"

namespace {

/* Free lists for chunks of 8, 16, …, 8192 bytes. */
constexpr int kNumFreeLists = 11;
constexpr int kMinChunkShift = 3;
constexpr Size kMaxSmallChunk = Size{1} << (kNumFreeLists - 1 + kMinChunkShift);
/* A small chunk takes at most this fraction of a maximal block, so that
 * rounding and leftover space waste little of it. */
constexpr Size kChunkFraction = 4;
/* When malloc refuses a big block, try smaller ones down to this size. */
constexpr Size kMinRetryBlockSize = 1024 * 1024;
/* The smallest block sizes accepted. */
constexpr Size kMinBlockSize = 1024;

struct AllocSetContext;

struct AllocBlockData
{
	AllocSetContext *set;
	AllocBlockData *prev; /* blocks: a doubly linked list */
	AllocBlockData *next;
	char *freeptr; /* start of the block's unused space */
	char *endptr;  /* end of the block */
};

struct AllocChunkHeader
{
	Size size;			   /* usable bytes after the header */
	MemoryContext context; /* owner; NULL while on a free list */
};

constexpr Size kBlockHeaderSize = MAXALIGN(sizeof(AllocBlockData));
constexpr Size kChunkHeaderSize = MAXALIGN(sizeof(AllocChunkHeader));
static_assert(kChunkHeaderSize == sizeof(AllocChunkHeader),
			  "the context pointer must be the word right before the chunk");

struct AllocSetContext
{
	MemoryContextData header; /* first: a MemoryContext points here */
	AllocBlockData *blocks;	  /* the block being carved, then the others */
	AllocChunkHeader *freelist[kNumFreeLists];
	Size init_block_size;
	Size max_block_size;
	Size next_block_size;	/* size of the next ordinary block */
	Size chunk_limit;		/* larger requests get their own block */
	Size keeper_alloc_size; /* bytes of the malloc holding the header */
	AllocBlockData *keeper; /* allocated with the header, kept on reset */
};

static_assert(std::is_standard_layout_v<AllocSetContext>);

constexpr Size kContextHeaderSize = MAXALIGN(sizeof(AllocSetContext));

AllocSetContext *AsSet(MemoryContext context)
{
	return reinterpret_cast<AllocSetContext *>(context);
}

AllocChunkHeader *ChunkOf(void *pointer)
{
	return reinterpret_cast<AllocChunkHeader *>(static_cast<char *>(pointer) - kChunkHeaderSize);
}

void *DataOf(AllocChunkHeader *chunk)
{
	return reinterpret_cast<char *>(chunk) + kChunkHeaderSize;
}

/* The free list for a small request: the smallest class that holds it. */
int FreeListIndex(Size size)
{
	if (size <= (Size{1} << kMinChunkShift))
		return 0;
	int bits = 64 - __builtin_clzll(static_cast<unsigned long long>(size - 1));
	return bits - kMinChunkShift;
}

Size ClassSize(int fidx)
{
	return Size{1} << (fidx + kMinChunkShift);
}

/* A free chunk's link to the next one lives in its (poisoned) data. */
AllocChunkHeader *NextFree(AllocChunkHeader *chunk)
{
	auto **link = static_cast<AllocChunkHeader **>(DataOf(chunk));
	VALGRIND_MAKE_MEM_DEFINED(link, sizeof(*link));
	AllocChunkHeader *next = *link;
	VALGRIND_MAKE_MEM_NOACCESS(link, sizeof(*link));
	return next;
}

void PushFree(AllocSetContext *set, AllocChunkHeader *chunk)
{
	int fidx = FreeListIndex(chunk->size);
	chunk->context = nullptr;
	auto **link = static_cast<AllocChunkHeader **>(DataOf(chunk));
	VALGRIND_MAKE_MEM_UNDEFINED(link, sizeof(*link));
	*link = set->freelist[fidx];
	VALGRIND_MAKE_MEM_NOACCESS(DataOf(chunk), chunk->size);
	set->freelist[fidx] = chunk;
}

/* The caller may use size bytes of the chunk; the rest stays poisoned. */
void MarkInUse(AllocChunkHeader *chunk, Size size)
{
	VALGRIND_MAKE_MEM_UNDEFINED(DataOf(chunk), size);
	if (size < chunk->size)
		VALGRIND_MAKE_MEM_NOACCESS(static_cast<char *>(DataOf(chunk)) + size, chunk->size - size);
}

void LinkBlockAtHead(AllocSetContext *set, AllocBlockData *block)
{
	block->prev = nullptr;
	block->next = set->blocks;
	if (block->next != nullptr)
		block->next->prev = block;
	set->blocks = block;
}

/* Big blocks go second, so the block being carved stays at the head. */
void LinkBlockSecond(AllocSetContext *set, AllocBlockData *block)
{
	AllocBlockData *head = set->blocks;
	if (head == nullptr)
	{
		LinkBlockAtHead(set, block);
		return;
	}
	block->prev = head;
	block->next = head->next;
	if (block->next != nullptr)
		block->next->prev = block;
	head->next = block;
}

void UnlinkBlock(AllocSetContext *set, AllocBlockData *block)
{
	if (block->prev != nullptr)
		block->prev->next = block->next;
	else
		set->blocks = block->next;
	if (block->next != nullptr)
		block->next->prev = block->prev;
}

/* The single-chunk block of a big chunk, checked for sanity. */
AllocBlockData *BigChunkBlock(AllocSetContext *set, AllocChunkHeader *chunk)
{
	auto *block = reinterpret_cast<AllocBlockData *>(reinterpret_cast<char *>(chunk) -
													 kBlockHeaderSize);
	if (block->set != set || block->freeptr != block->endptr ||
		static_cast<char *>(DataOf(chunk)) + chunk->size != block->endptr)
		elog(ERROR, "could not find block containing chunk %p", static_cast<void *>(chunk));
	return block;
}

/* Cut what is left of the current block into free chunks, largest first. */
void CarveRemainder(AllocSetContext *set, AllocBlockData *block)
{
	for (;;)
	{
		Size left = static_cast<Size>(block->endptr - block->freeptr);
		if (left < kChunkHeaderSize + ClassSize(0))
			break;
		Size avail = left - kChunkHeaderSize;
		int fidx = 63 - __builtin_clzll(static_cast<unsigned long long>(avail)) - kMinChunkShift;
		if (fidx >= kNumFreeLists)
			fidx = kNumFreeLists - 1;
		auto *chunk = reinterpret_cast<AllocChunkHeader *>(block->freeptr);
		VALGRIND_MAKE_MEM_UNDEFINED(chunk, kChunkHeaderSize);
		chunk->size = ClassSize(fidx);
		block->freeptr += kChunkHeaderSize + chunk->size;
		PushFree(set, chunk);
	}
}

/* A new block to carve chunks from, able to hold need bytes; NULL if
 * malloc refuses. */
AllocBlockData *NewBlock(AllocSetContext *set, Size need)
{
	Size blksize = set->next_block_size;
	set->next_block_size = Min(set->next_block_size * 2, set->max_block_size);
	Size required = need + kBlockHeaderSize;
	while (blksize < required)
		blksize <<= 1;
	void *mem = malloc(blksize);
	/* A big block may fail where a smaller one, still able to hold the
	 * chunk, would not. */
	while (mem == nullptr && blksize > kMinRetryBlockSize && blksize / 2 >= required)
	{
		blksize >>= 1;
		mem = malloc(blksize);
	}
	if (mem == nullptr)
		return nullptr;
	auto *block = static_cast<AllocBlockData *>(mem);
	block->set = set;
	block->freeptr = static_cast<char *>(mem) + kBlockHeaderSize;
	block->endptr = static_cast<char *>(mem) + blksize;
	VALGRIND_MAKE_MEM_NOACCESS(block->freeptr, blksize - kBlockHeaderSize);
	set->header.mem_allocated += blksize;
	LinkBlockAtHead(set, block);
	return block;
}

void *AllocLarge(AllocSetContext *set, Size size)
{
	Size chunk_size = MAXALIGN(size);
	Size blksize = chunk_size + kBlockHeaderSize + kChunkHeaderSize;
	void *mem = malloc(blksize);
	if (mem == nullptr)
		return nullptr;
	auto *block = static_cast<AllocBlockData *>(mem);
	block->set = set;
	block->freeptr = block->endptr = static_cast<char *>(mem) + blksize;
	auto *chunk = reinterpret_cast<AllocChunkHeader *>(static_cast<char *>(mem) + kBlockHeaderSize);
	chunk->size = chunk_size;
	chunk->context = &set->header;
	set->header.mem_allocated += blksize;
	LinkBlockSecond(set, block);
	MarkInUse(chunk, size);
	return DataOf(chunk);
}

void *AllocSetAlloc(MemoryContext context, Size size)
{
	AllocSetContext *set = AsSet(context);
	if (size > set->chunk_limit)
		return AllocLarge(set, size);

	int fidx = FreeListIndex(size);
	AllocChunkHeader *chunk = set->freelist[fidx];
	if (chunk != nullptr)
	{
		set->freelist[fidx] = NextFree(chunk);
		chunk->context = context;
		MarkInUse(chunk, size);
		return DataOf(chunk);
	}

	Size chunk_size = ClassSize(fidx);
	Size need = kChunkHeaderSize + chunk_size;
	AllocBlockData *block = set->blocks;
	if (block == nullptr || static_cast<Size>(block->endptr - block->freeptr) < need)
	{
		if (block != nullptr)
			CarveRemainder(set, block);
		block = NewBlock(set, need);
		if (block == nullptr)
			return nullptr;
	}
	chunk = reinterpret_cast<AllocChunkHeader *>(block->freeptr);
	VALGRIND_MAKE_MEM_UNDEFINED(chunk, kChunkHeaderSize);
	block->freeptr += need;
	chunk->size = chunk_size;
	chunk->context = context;
	MarkInUse(chunk, size);
	return DataOf(chunk);
}

void AllocSetFree(MemoryContext context, void *pointer)
{
	AllocSetContext *set = AsSet(context);
	AllocChunkHeader *chunk = ChunkOf(pointer);
	if (chunk->size > set->chunk_limit)
	{
		AllocBlockData *block = BigChunkBlock(set, chunk);
		UnlinkBlock(set, block);
		Size blksize = static_cast<Size>(block->endptr - reinterpret_cast<char *>(block));
		set->header.mem_allocated -= blksize;
		free(block);
		return;
	}
	PushFree(set, chunk);
}

void *AllocSetRealloc(MemoryContext context, void *pointer, Size size)
{
	AllocSetContext *set = AsSet(context);
	AllocChunkHeader *chunk = ChunkOf(pointer);
	Size oldsize = chunk->size;

	if (oldsize > set->chunk_limit)
	{
		/* A big chunk stays in a block of its own, resized by realloc; it
		 * keeps a size above chunk_limit even when shrunk, which is how
		 * pfree tells it from a small one. */
		AllocBlockData *block = BigChunkBlock(set, chunk);
		Size chunk_size = MAXALIGN(Max(size, set->chunk_limit + 1));
		Size blksize = chunk_size + kBlockHeaderSize + kChunkHeaderSize;
		Size oldblksize = static_cast<Size>(block->endptr - reinterpret_cast<char *>(block));
		AllocBlockData *prev = block->prev;
		AllocBlockData *next = block->next;
		VALGRIND_MAKE_MEM_DEFINED(pointer, oldsize);
		auto *moved = static_cast<AllocBlockData *>(realloc(block, blksize));
		if (moved == nullptr)
		{
			VALGRIND_MAKE_MEM_NOACCESS(static_cast<char *>(pointer) + Min(size, oldsize),
									   oldsize - Min(size, oldsize));
			return nullptr;
		}
		set->header.mem_allocated += blksize;
		set->header.mem_allocated -= oldblksize;
		if (prev != nullptr)
			prev->next = moved;
		else
			set->blocks = moved;
		if (next != nullptr)
			next->prev = moved;
		moved->freeptr = moved->endptr = reinterpret_cast<char *>(moved) + blksize;
		chunk = reinterpret_cast<AllocChunkHeader *>(reinterpret_cast<char *>(moved) +
													 kBlockHeaderSize);
		chunk->size = chunk_size;
		MarkInUse(chunk, size);
		return DataOf(chunk);
	}

	if (size <= oldsize)
	{
		/* Still fits its size class: nothing moves. */
		MarkInUse(chunk, size);
		return pointer;
	}

	/* A bigger small chunk, or a big one: allocate, copy, free. */
	void *newpointer = AllocSetAlloc(context, size);
	if (newpointer == nullptr)
		return nullptr;
	VALGRIND_MAKE_MEM_DEFINED(pointer, oldsize);
	memcpy(newpointer, pointer, oldsize);
	AllocSetFree(context, pointer);
	return newpointer;
}

/* Give every block but the keeper back to malloc. */
void FreeBlocksButKeeper(AllocSetContext *set)
{
	AllocBlockData *block = set->blocks;
	while (block != nullptr)
	{
		AllocBlockData *next = block->next;
		if (block != set->keeper)
			free(block);
		block = next;
	}
}

void AllocSetReset(MemoryContext context)
{
	AllocSetContext *set = AsSet(context);
	FreeBlocksButKeeper(set);
	AllocBlockData *keeper = set->keeper;
	keeper->prev = keeper->next = nullptr;
	keeper->freeptr = reinterpret_cast<char *>(keeper) + kBlockHeaderSize;
	VALGRIND_MAKE_MEM_NOACCESS(keeper->freeptr, keeper->endptr - keeper->freeptr);
	set->blocks = keeper;
	for (auto &head : set->freelist)
		head = nullptr;
	set->next_block_size = set->init_block_size;
	set->header.mem_allocated = set->keeper_alloc_size;
}

void AllocSetDelete(MemoryContext context)
{
	AllocSetContext *set = AsSet(context);
	FreeBlocksButKeeper(set);
	/* The header and the keeper are one allocation. */
	free(set);
}

Size AllocSetGetChunkSpace(MemoryContext, void *pointer)
{
	return ChunkOf(pointer)->size + kChunkHeaderSize;
}

bool AllocSetIsEmpty(MemoryContext context)
{
	/* Nothing allocated since the last reset: as empty as it gets. */
	return context->isReset;
}

void AllocSetStats(MemoryContext context, MemoryStatsPrintFunc printfunc, void *passthru,
				   MemoryContextCounters *totals, bool print_to_stderr)
{
	AllocSetContext *set = AsSet(context);
	Size nblocks = 0;
	Size freechunks = 0;
	Size freespace = 0;
	for (AllocBlockData *block = set->blocks; block != nullptr; block = block->next)
	{
		nblocks++;
		freespace += static_cast<Size>(block->endptr - block->freeptr);
	}
	for (AllocChunkHeader *chunk : set->freelist)
	{
		for (; chunk != nullptr; chunk = NextFree(chunk))
		{
			freechunks++;
			freespace += chunk->size + kChunkHeaderSize;
		}
	}
	Size totalspace = context->mem_allocated;
	if (printfunc != nullptr)
	{
		char line[200];
		snprintf(line, sizeof line, "%zu total in %zu blocks; %zu free (%zu chunks); %zu used",
				 totalspace, nblocks, freespace, freechunks, totalspace - freespace);
		printfunc(context, passthru, line, print_to_stderr);
	}
	if (totals != nullptr)
	{
		totals->nblocks += nblocks;
		totals->freechunks += freechunks;
		totals->totalspace += totalspace;
		totals->freespace += freespace;
	}
}

const MemoryContextMethods kAllocSetMethods = {
	AllocSetAlloc,	AllocSetFree,		   AllocSetRealloc, AllocSetReset,
	AllocSetDelete, AllocSetGetChunkSpace, AllocSetIsEmpty, AllocSetStats,
};

}  // namespace

extern "C" {

/*
 * Create an AllocSet under parent (NULL: a top-level context).  The block
 * sizes must be MAXALIGN'd, at least 1 kB, and initBlockSize <=
 * maxBlockSize; minContextSize is 0 or between 1 kB and maxBlockSize.
 * Raises ERROR "out of memory" if the first block cannot be had.
 */
MemoryContext AllocSetContextCreateInternal(MemoryContext parent, const char *name,
											Size minContextSize, Size initBlockSize,
											Size maxBlockSize)
{
	if (initBlockSize != MAXALIGN(initBlockSize) || initBlockSize < kMinBlockSize ||
		maxBlockSize != MAXALIGN(maxBlockSize) || maxBlockSize < initBlockSize ||
		!AllocHugeSizeIsValid(maxBlockSize) ||
		(minContextSize != 0 &&
		 (minContextSize != MAXALIGN(minContextSize) || minContextSize < kMinBlockSize ||
		  minContextSize > maxBlockSize)))
		elog(ERROR, "invalid block sizes for memory context \"%s\": min %zu, init %zu, max %zu",
			 name, minContextSize, initBlockSize, maxBlockSize);

	Size first_size = kContextHeaderSize + kBlockHeaderSize + kChunkHeaderSize;
	first_size = Max(first_size, minContextSize != 0 ? minContextSize : initBlockSize);
	void *mem = malloc(first_size);
	if (mem == nullptr)
	{
		if (TopMemoryContext != nullptr)
			MemoryContextStats(TopMemoryContext);
		ereport(ERROR, errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory"),
				errdetail("Failed while creating memory context \"%s\".", name));
	}

	auto *set = static_cast<AllocSetContext *>(mem);
	memset(set, 0, sizeof(AllocSetContext));
	auto *keeper = reinterpret_cast<AllocBlockData *>(static_cast<char *>(mem) +
													  kContextHeaderSize);
	keeper->set = set;
	keeper->prev = keeper->next = nullptr;
	keeper->freeptr = reinterpret_cast<char *>(keeper) + kBlockHeaderSize;
	keeper->endptr = static_cast<char *>(mem) + first_size;
	VALGRIND_MAKE_MEM_NOACCESS(keeper->freeptr, keeper->endptr - keeper->freeptr);
	set->blocks = keeper;
	set->keeper = keeper;
	set->keeper_alloc_size = first_size;
	set->init_block_size = initBlockSize;
	set->max_block_size = maxBlockSize;
	set->next_block_size = initBlockSize;

	/* Small chunks must stay a small part of a maximal block. */
	set->chunk_limit = kMaxSmallChunk;
	while (set->chunk_limit + kChunkHeaderSize > (maxBlockSize - kBlockHeaderSize) / kChunkFraction)
		set->chunk_limit >>= 1;

	MemoryContextCreate(&set->header, T_AllocSetContext, &kAllocSetMethods, parent, name);
	set->header.mem_allocated = first_size;
	return &set->header;
}

}  // extern "C"
