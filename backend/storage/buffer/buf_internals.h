/*
 * buf_internals.h — the buffer pool's shared structures (see
 * storage/bufmgr.h for the interface and doc/storage/buffer/README.md for the
 * protocol).
 *
 * A buffer's state is one atomic word: reference count (bits 0–17), usage
 * count for the clock sweep (bits 18–21) and flags (22–31), PostgreSQL's
 * layout.  BM_LOCKED is the buffer-header spinlock: whoever sets it (by
 * compare-and-swap) may change the tag and the flags; pins and unpins
 * change the counts with compare-and-swap without taking it, but wait
 * while it is set.
 */
#ifndef TUSK_BACKEND_STORAGE_BUFFER_BUF_INTERNALS_H
#define TUSK_BACKEND_STORAGE_BUFFER_BUF_INTERNALS_H

#include "postgres.h"

#include <type_traits>

#include "port/atomics.h"
#include "storage/block.h"
#include "storage/buf.h"
#include "storage/lwlock.h"
#include "storage/relfilenode.h"

#define BUF_REFCOUNT_ONE 1
#define BUF_REFCOUNT_MASK ((1U << 18) - 1)
#define BUF_USAGECOUNT_MASK 0x003C0000U
#define BUF_USAGECOUNT_ONE (1U << 18)
#define BUF_USAGECOUNT_SHIFT 18
#define BUF_STATE_GET_REFCOUNT(state) ((state) & (BUF_REFCOUNT_MASK))
#define BUF_STATE_GET_USAGECOUNT(state) (((state) & (BUF_USAGECOUNT_MASK)) >> BUF_USAGECOUNT_SHIFT)

#define BM_LOCKED (1U << 22)		 /* buffer header is locked */
#define BM_DIRTY (1U << 23)			 /* data needs writing */
#define BM_VALID (1U << 24)			 /* data is valid */
#define BM_TAG_VALID (1U << 25)		 /* tag is assigned (in the mapping table) */
#define BM_IO_IN_PROGRESS (1U << 26) /* read or write in progress */
#define BM_IO_ERROR (1U << 27)		 /* previous I/O failed */
#define BM_JUST_DIRTIED (1U << 28)	 /* dirtied since the write started */
#define BM_PERMANENT (1U << 31)		 /* WAL-logged relation */
#define BUF_FLAG_MASK 0xFFC00000U	 /* the flag bits, BM_LOCKED and up */

#define BM_MAX_USAGE_COUNT 5

#define NUM_BUFFER_PARTITIONS 128

typedef struct BufferTag
{
	RelFileNode rnode;
	ForkNumber forkNum;
	BlockNumber blockNum;
} BufferTag;

typedef struct BufferDesc
{
	BufferTag tag;
	int buf_id; /* 0-based */
	pg_atomic_uint32 state;
	LWLock content_lock; /* to read or change the page */
	LWLock io_lock;		 /* held by whoever does I/O on it */
} BufferDesc;

#define BUFFERDESC_PAD_TO_SIZE 64

typedef union BufferDescPadded
{
	BufferDesc bufferdesc;
	char pad[BUFFERDESC_PAD_TO_SIZE];
} BufferDescPadded;

static_assert(std::is_trivially_copyable_v<BufferDesc>);
static_assert(std::is_trivially_copyable_v<BufferDescPadded>);

namespace tusk::buffer {

/* The mapping from tags to buffers (buf_table.cpp): a hash table in
 * shared memory, partitioned; the caller holds the partition's lock. */
uint32 BufTableHashCode(const BufferTag &tag);
LWLock *BufMappingPartitionLock(uint32 hashcode);
int BufTableLookup(const BufferTag &tag, uint32 hashcode);
/* Returns -1 if inserted, or the buffer already mapped to the tag. */
int BufTableInsert(const BufferTag &tag, uint32 hashcode, int buf_id);
void BufTableDelete(const BufferTag &tag, uint32 hashcode);
Size BufTableShmemSize(int size);
void InitBufTable(int size);

bool TagsEqual(const BufferTag &a, const BufferTag &b);

/* bufmgr.cpp: the descriptor of buffer id + 1; how many pins this
 * process holds on buffer. */
BufferDesc *GetBufferDescriptor(int id);
int32 PrivateRefCount(Buffer buffer);

}  // namespace tusk::buffer

#endif	// TUSK_BACKEND_STORAGE_BUFFER_BUF_INTERNALS_H
