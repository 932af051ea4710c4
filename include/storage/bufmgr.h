/*
 * storage/bufmgr.h — the shared buffer pool: every page read or written
 * goes through it.
 *
 * shared_buffers pages live in shared memory.  To use a page a process
 * pins its buffer (ReadBuffer…; a pinned buffer is never evicted), locks
 * its content (LockBuffer: shared to read, exclusive to change), changes
 * it, marks it dirty, unlocks and unpins (UnlockReleaseBuffer).  A dirty
 * page is written back when its buffer is chosen for another page (clock
 * sweep), or by FlushRelationBuffers/FlushAllBuffers — never before the
 * WAL describing it is flushed (the write-ahead rule: XLogFlush up to the
 * page's LSN).  Reading verifies the page checksum; writing sets it.
 *
 * Pins are counted per process; a process's pins and content locks are
 * released when it exits, and content locks on error (LWLockReleaseAll).
 * C++ code can hold a pin with tusk::BufferPin (RAII).
 */
#ifndef TUSK_STORAGE_BUFMGR_H
#define TUSK_STORAGE_BUFMGR_H

#include "c.h"
#include "storage/block.h"
#include "storage/buf.h"
#include "storage/bufpage.h"
#include "storage/relfilenode.h"

typedef enum ReadBufferMode
{
	RBM_NORMAL,					/* read the page; verify it */
	RBM_ZERO_AND_LOCK,			/* don't read: zero the page, return it locked exclusively */
	RBM_ZERO_ON_ERROR			/* read; a page that fails verification reads as zeroes
								 * (for pages that are only hints: the free space map) */
} ReadBufferMode;

/* Buffer access strategies (ring buffers for bulk scans) come later; NULL
 * means the normal clock sweep. */
typedef struct BufferAccessStrategyData *BufferAccessStrategy;

#define P_NEW InvalidBlockNumber	/* extend the relation by one page */

#define BUFFER_LOCK_UNLOCK 0
#define BUFFER_LOCK_SHARE 1
#define BUFFER_LOCK_EXCLUSIVE 2

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT int NBuffers;

extern Buffer ReadBufferWithoutRelcache(RelFileNode rnode, ForkNumber forkNum,
										BlockNumber blockNum, ReadBufferMode mode,
										BufferAccessStrategy strategy, bool permanent);
extern void ReleaseBuffer(Buffer buffer);
extern void UnlockReleaseBuffer(Buffer buffer);
extern void MarkBufferDirty(Buffer buffer);
/* A change that need not be WAL-logged (hint bits) with the content lock
 * held in either mode; buffer_std: a standard page (image without hole). */
extern void MarkBufferDirtyHint(Buffer buffer, bool buffer_std);
/* The page LSN, safe against a concurrent MarkBufferDirtyHint. */
extern XLogRecPtr BufferGetLSNAtomic(Buffer buffer);
extern void LockBuffer(Buffer buffer, int mode);
extern bool ConditionalLockBuffer(Buffer buffer);
/* An exclusive lock while nobody else has the buffer pinned: the page's
 * items may then be moved (VACUUM).  The caller holds exactly one pin. */
extern void LockBufferForCleanup(Buffer buffer);
extern BlockNumber BufferGetBlockNumber(Buffer buffer);
extern Page BufferGetPage(Buffer buffer);
extern void BufferGetTag(Buffer buffer, RelFileNode *rnode, ForkNumber *forknum,
						 BlockNumber *blknum);
extern void FlushRelationBuffers(RelFileNode rnode);
extern void FlushAllBuffers(void);
/* A checkpoint's write of every dirty buffer; returns how many. */
extern int	CheckPointBuffers(void);
extern void DropRelFileNodeBuffers(RelFileNode rnode, ForkNumber forkNum,
								   BlockNumber firstDelBlock);

/* Per process: reset the private pin counts (a new child) and release
 * every pin at exit. */
extern void InitBufferPoolAccess(void);
extern void AtProcExit_Buffers(int code, Datum arg);
/* Release every pin this process holds (error recovery). */
extern void ReleaseAllBufferPins(void);

extern Size BufferShmemSize(void);
extern void InitBufferPool(void);

#ifdef __cplusplus
}

extern "C++" {
namespace tusk {

/* Holds one pin for a scope; releases it on the way out, error or not. */
class BufferPin
{
  public:
	explicit BufferPin(Buffer buffer) : buffer_(buffer) {}
	~BufferPin()
	{
		if (BufferIsValid(buffer_))
			ReleaseBuffer(buffer_);
	}
	BufferPin(const BufferPin &) = delete;
	BufferPin &operator=(const BufferPin &) = delete;
	Buffer get() const { return buffer_; }
	Page page() const { return BufferGetPage(buffer_); }

  private:
	Buffer		buffer_;
};

}  // namespace tusk
}
#endif

#endif							/* TUSK_STORAGE_BUFMGR_H */
