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
 * Pins are counted per process.  C++ code holds pins and content locks
 * through the guards at the end of this header (tusk::BufferPin,
 * tusk::BufferLock, tusk::LockedBuffer), which release them when their
 * scope ends, error or not.  Every pin is also remembered by the current
 * resource owner (utils/resowner.h), if there is one: a pin that outlives
 * its C++ scope (a scan's current page, a pin returned to the caller) is
 * released with its owner — at the latest when the transaction ends, with
 * a WARNING at commit ("buffer refcount leak").  A process's remaining
 * pins and content locks are released when it exits.
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
	RBM_NORMAL,		   /* read the page; verify it */
	RBM_ZERO_AND_LOCK, /* don't read: zero the page, return it locked exclusively */
	RBM_ZERO_ON_ERROR  /* read; a page that fails verification reads as zeroes
								 * (for pages that are only hints: the free space map) */
} ReadBufferMode;

/* Buffer access strategies (ring buffers for bulk scans) come later; NULL
 * means the normal clock sweep. */
typedef struct BufferAccessStrategyData *BufferAccessStrategy;

#define P_NEW InvalidBlockNumber /* extend the relation by one page */

#define BUFFER_LOCK_UNLOCK 0
#define BUFFER_LOCK_SHARE 1
#define BUFFER_LOCK_EXCLUSIVE 2

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT int NBuffers;

/* How many blocks this process has read from disk (or added to a
 * relation) into shared buffers, PostgreSQL's pgBufferUsage.
 * shared_blks_read: a caller that compares it before and after a
 * ReadBuffer call learns whether that was a hit (statistics). */
extern PGDLLIMPORT uint64 BufferBlocksRead;

extern Buffer ReadBufferWithoutRelcache(RelFileNode rnode, ForkNumber forkNum, BlockNumber blockNum,
										ReadBufferMode mode, BufferAccessStrategy strategy,
										bool permanent);
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
/* The same lock only if it needs no wait and no one else (nor another of
 * this process's own pins) holds the buffer: on-access pruning, which can
 * skip a busy page. */
extern bool ConditionalLockBufferForCleanup(Buffer buffer);
extern BlockNumber BufferGetBlockNumber(Buffer buffer);
extern Page BufferGetPage(Buffer buffer);
extern void BufferGetTag(Buffer buffer, RelFileNode *rnode, ForkNumber *forknum,
						 BlockNumber *blknum);
extern void FlushRelationBuffers(RelFileNode rnode);
extern void FlushAllBuffers(void);
/* A checkpoint's write of every dirty buffer; returns how many. */
extern int CheckPointBuffers(void);
extern void DropRelFileNodeBuffers(RelFileNode rnode, ForkNumber forkNum,
								   BlockNumber firstDelBlock);

/* Per process: reset the private pin counts (a new child) and release
 * every pin at exit. */
extern void InitBufferPoolAccess(void);
extern void AtProcExit_Buffers(int code, Datum arg);
/* Release every pin this process holds, whoever tracked it (the main
 * loops' last resort after an error; resource owners forget theirs). */
extern void ReleaseAllBufferPins(void);
/* The WARNING for a pin still held when its owner is released at commit. */
extern void PrintBufferLeakWarning(Buffer buffer);

extern Size BufferShmemSize(void);
extern void InitBufferPool(void);

#ifdef __cplusplus
}

extern "C++" {
namespace tusk {

/*
 * C++ code holds pins and content locks through these guards (see
 * doc/storage/buffer/README.md, "Guards"): each releases what it holds
 * when its scope ends, error or not.  All are move-only — ownership passes
 * with std::move, a moved-from guard holds nothing — and have Release()
 * to let go early.  Their constructors are [[nodiscard]]: a temporary such
 * as `BufferLock(buf, BUFFER_LOCK_SHARE);` would lock and unlock at once.
 * Pin before lock: declare the BufferPin first, so that it is destroyed
 * after the BufferLock (or use LockedBuffer, which holds both in that
 * order).  (static_cast<T &&> is std::move without <utility>: this header
 * is also read as C, and includes nothing of C++'s.)
 */

/* One pin: takes over a pin the caller already holds (what
 * ReadBufferWithoutRelcache returned), and releases it at the end. */
class BufferPin
{
  public:
	BufferPin() : buffer_(InvalidBuffer) {}
	[[nodiscard]] explicit BufferPin(Buffer buffer) : buffer_(buffer) {}
	~BufferPin()
	{
		if (BufferIsValid(buffer_))
			ReleaseBuffer(buffer_);
	}
	BufferPin(BufferPin &&other) noexcept : buffer_(other.buffer_)
	{
		other.buffer_ = InvalidBuffer;
	}
	BufferPin &operator=(BufferPin &&other) noexcept
	{
		if (this != &other)
		{
			if (BufferIsValid(buffer_))
				ReleaseBuffer(buffer_);
			buffer_ = other.buffer_;
			other.buffer_ = InvalidBuffer;
		}
		return *this;
	}
	BufferPin(const BufferPin &) = delete;
	BufferPin &operator=(const BufferPin &) = delete;

	/* Unpin now; the guard then holds nothing. */
	void Release()
	{
		Buffer buffer = buffer_;
		buffer_ = InvalidBuffer;
		if (BufferIsValid(buffer))
			ReleaseBuffer(buffer);
	}
	/* Hand the pin to the caller, who must release it (a C interface
	 * returning a pinned buffer); the guard then holds nothing. */
	[[nodiscard]] Buffer Detach()
	{
		Buffer buffer = buffer_;
		buffer_ = InvalidBuffer;
		return buffer;
	}
	bool valid() const { return BufferIsValid(buffer_); }
	Buffer get() const { return buffer_; }
	Page page() const { return BufferGetPage(buffer_); }

  private:
	Buffer buffer_;
};

/* The content lock of a buffer the caller keeps pinned meanwhile. */
class BufferLock
{
  public:
	BufferLock() : buffer_(InvalidBuffer) {}
	/* Waits for the lock; mode is BUFFER_LOCK_SHARE or BUFFER_LOCK_EXCLUSIVE. */
	[[nodiscard]] BufferLock(Buffer buffer, int mode) : buffer_(buffer)
	{
		LockBuffer(buffer, mode);
	}
	/* Exclusive, only if that needs no wait (ConditionalLockBuffer); test
	 * held() for the outcome. */
	[[nodiscard]] static BufferLock TryExclusive(Buffer buffer)
	{
		return BufferLock(ConditionalLockBuffer(buffer) ? buffer : InvalidBuffer);
	}
	/* Exclusive while nobody else has it pinned (LockBufferForCleanup). */
	[[nodiscard]] static BufferLock ForCleanup(Buffer buffer)
	{
		LockBufferForCleanup(buffer);
		return BufferLock(buffer);
	}
	/* The cleanup lock only if it needs no wait
	 * (ConditionalLockBufferForCleanup); test held() for the outcome. */
	[[nodiscard]] static BufferLock TryForCleanup(Buffer buffer)
	{
		return BufferLock(ConditionalLockBufferForCleanup(buffer) ? buffer : InvalidBuffer);
	}
	/* Takes charge of a lock this process already holds (a buffer read
	 * with RBM_ZERO_AND_LOCK, or by XLogReadBufferForRedo). */
	[[nodiscard]] static BufferLock Adopt(Buffer buffer) { return BufferLock(buffer); }
	~BufferLock()
	{
		if (BufferIsValid(buffer_))
			LockBuffer(buffer_, BUFFER_LOCK_UNLOCK);
	}
	BufferLock(BufferLock &&other) noexcept : buffer_(other.buffer_)
	{
		other.buffer_ = InvalidBuffer;
	}
	BufferLock &operator=(BufferLock &&other) noexcept
	{
		if (this != &other)
		{
			if (BufferIsValid(buffer_))
				LockBuffer(buffer_, BUFFER_LOCK_UNLOCK);
			buffer_ = other.buffer_;
			other.buffer_ = InvalidBuffer;
		}
		return *this;
	}
	BufferLock(const BufferLock &) = delete;
	BufferLock &operator=(const BufferLock &) = delete;

	/* Unlock now (the pin stays with its owner). */
	void Release()
	{
		Buffer buffer = buffer_;
		buffer_ = InvalidBuffer;
		if (BufferIsValid(buffer))
			LockBuffer(buffer, BUFFER_LOCK_UNLOCK);
	}
	/* Leave the lock held for the caller to release (a C interface
	 * returning a locked buffer); the guard then holds nothing. */
	[[nodiscard]] Buffer Detach()
	{
		Buffer buffer = buffer_;
		buffer_ = InvalidBuffer;
		return buffer;
	}
	bool held() const { return BufferIsValid(buffer_); }
	Buffer get() const { return buffer_; }

  private:
	explicit BufferLock(Buffer locked) : buffer_(locked) {}

	Buffer buffer_;
};

/* A pinned buffer and its content lock, released in that order's reverse:
 * what code that reads or changes one page at a time holds (BusTub's page
 * guard).  Move it to hand a page from one step of a walk to the next. */
class LockedBuffer
{
  public:
	LockedBuffer() = default;
	/* Takes over pin and locks the buffer in mode. */
	[[nodiscard]] LockedBuffer(BufferPin pin, int mode)
		: pin_(static_cast<BufferPin &&>(pin)), lock_(pin_.get(), mode)
	{}
	/* Takes over a buffer this process holds pinned and locked. */
	[[nodiscard]] static LockedBuffer Adopt(Buffer buffer)
	{
		LockedBuffer b;
		b.pin_ = BufferPin(buffer);
		b.lock_ = BufferLock::Adopt(buffer);
		return b;
	}
	/* Takes over pin, whose buffer the caller has just locked. */
	[[nodiscard]] static LockedBuffer Adopt(BufferPin pin, BufferLock lock)
	{
		LockedBuffer b;
		b.pin_ = static_cast<BufferPin &&>(pin);
		b.lock_ = static_cast<BufferLock &&>(lock);
		return b;
	}
	LockedBuffer(LockedBuffer &&) noexcept = default;
	/* Members are assigned in order, so a page held before is unpinned
	 * before its lock goes: release it first. */
	LockedBuffer &operator=(LockedBuffer &&other) noexcept
	{
		if (this != &other)
		{
			Release();
			pin_ = static_cast<BufferPin &&>(other.pin_);
			lock_ = static_cast<BufferLock &&>(other.lock_);
		}
		return *this;
	}
	LockedBuffer(const LockedBuffer &) = delete;
	LockedBuffer &operator=(const LockedBuffer &) = delete;

	/* Unlock and unpin now. */
	void Release()
	{
		lock_.Release();
		pin_.Release();
	}
	/* Hand pin and lock to the caller (a C interface returning a locked
	 * buffer), who must UnlockReleaseBuffer it. */
	[[nodiscard]] Buffer Detach()
	{
		(void) lock_.Detach();
		return pin_.Detach();
	}
	/* Unlock, keeping the pin (to return the page's tuples). */
	[[nodiscard]] BufferPin Unlock()
	{
		lock_.Release();
		return static_cast<BufferPin &&>(pin_);
	}
	bool valid() const { return pin_.valid(); }
	Buffer get() const { return pin_.get(); }
	Page page() const { return pin_.page(); }

  private:
	/* Declared pin first: destroyed last. */
	BufferPin pin_;
	BufferLock lock_;
};

}  // namespace tusk
}
#endif

#endif /* TUSK_STORAGE_BUFMGR_H */
