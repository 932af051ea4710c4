/*
 * bufmgr.cpp — the shared buffer pool.  See storage/bufmgr.h for the
 * interface and doc/storage/buffer/README.md for the protocol.
 *
 * Principal entry points: ReadBufferWithoutRelcache, ReleaseBuffer,
 * LockBuffer, MarkBufferDirty, FlushRelationBuffers, FlushAllBuffers,
 * DropRelFileNodeBuffers, InitBufferPool.
 *
 * Finding a page: hash its tag, look it up in the mapping table under the
 * partition's lock (shared), and pin the buffer before releasing that lock
 * — a pinned buffer cannot be given to another page.  Not there: the clock
 * sweep picks an unpinned buffer whose usage count has run down to zero,
 * writes it out if dirty, and then, holding the old and new partitions'
 * locks exclusively and the header lock, checks that nobody pinned or
 * dirtied it meanwhile before retagging it.  Reading and writing are
 * marked by BM_IO_IN_PROGRESS and the buffer's io_lock, which the process
 * doing the I/O holds; others wait by taking io_lock in shared mode.
 * An error during I/O (a failed read, a checksum failure) clears
 * BM_IO_IN_PROGRESS and sets BM_IO_ERROR, so the next reader tries again.
 */
#include "postgres.h"

#include <string.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "access/rmgr.h"
#include "access/xlog.h"
#include "access/xloginsert.h"
#include "catalog/pg_control.h"
#include "miscadmin.h"
#include "postmaster/bgwriter.h"
#include "storage/buffer/buf_internals.h"
#include "storage/bufmgr.h"
#include "storage/ipc.h"
#include "storage/proc.h"
#include "storage/shmem.h"
#include "storage/smgr.h"
#include "storage/spin.h"
#include "utils/errcodes.h"

using namespace tusk::buffer;

namespace {

BufferDescPadded *descriptors = nullptr;
char	   *blocks = nullptr;
pg_atomic_uint32 *next_victim = nullptr;

/* This process's pins, per buffer. */
std::vector<int32> private_refcount;
pid_t		access_initialized_pid = 0;

BufferDesc *GetDesc(int id)
{
	return &descriptors[id].bufferdesc;
}

char *GetBlock(int id)
{
	return blocks + static_cast<Size>(id) * BLCKSZ;
}

BufferDesc *DescOf(Buffer buffer)
{
	if (buffer < 1 || buffer > NBuffers)
		elog(ERROR, "bad buffer ID: %d", buffer);
	return GetDesc(buffer - 1);
}

void EnsureAccess()
{
	if (static_cast<int>(private_refcount.size()) != NBuffers)
		private_refcount.assign(NBuffers, 0);
}

/* The header lock is a spinlock in all but name: waiting for it backs
 * off, and PANICs when stuck, exactly as s_lock does. */
uint32 LockBufHdr(BufferDesc *b)
{
	SpinDelayStatus delay;
	init_local_spin_delay(&delay);
	for (;;)
	{
		uint32		old = pg_atomic_fetch_or_u32(&b->state, BM_LOCKED);
		if (!(old & BM_LOCKED))
			return old | BM_LOCKED;
		perform_spin_delay(&delay);
	}
}

void UnlockBufHdr(BufferDesc *b, uint32 state)
{
	pg_write_barrier();
	pg_atomic_write_u32(&b->state, state & ~BM_LOCKED);
}

uint32 WaitBufHdrUnlocked(BufferDesc *b)
{
	SpinDelayStatus delay;
	init_local_spin_delay(&delay);
	uint32		state = pg_atomic_read_u32(&b->state);
	while (state & BM_LOCKED)
	{
		perform_spin_delay(&delay);
		state = pg_atomic_read_u32(&b->state);
	}
	return state;
}

/* Pin; returns whether the buffer holds valid data. */
bool PinBuffer(BufferDesc *b)
{
	int32	   &ref = private_refcount[b->buf_id];
	bool		valid;
	if (ref == 0)
	{
		uint32		old = pg_atomic_read_u32(&b->state);
		for (;;)
		{
			if (old & BM_LOCKED)
				old = WaitBufHdrUnlocked(b);
			uint32		desired = old + BUF_REFCOUNT_ONE;
			if (BUF_STATE_GET_USAGECOUNT(desired) < BM_MAX_USAGE_COUNT)
				desired += BUF_USAGECOUNT_ONE;
			if (pg_atomic_compare_exchange_u32(&b->state, &old, desired))
			{
				valid = (desired & BM_VALID) != 0;
				break;
			}
		}
	}
	else
		valid = (pg_atomic_read_u32(&b->state) & BM_VALID) != 0;
	ref++;
	return valid;
}

/* Pin a buffer whose header we hold locked (and which we do not pin yet). */
void PinBufferLocked(BufferDesc *b, uint32 state)
{
	UnlockBufHdr(b, state + BUF_REFCOUNT_ONE);
	private_refcount[b->buf_id]++;
}

void UnpinBuffer(BufferDesc *b)
{
	int32	   &ref = private_refcount[b->buf_id];
	if (ref <= 0)
		elog(ERROR, "buffer %d is not pinned", b->buf_id + 1);
	if (--ref > 0)
		return;
	uint32		old = pg_atomic_read_u32(&b->state);
	for (;;)
	{
		if (old & BM_LOCKED)
			old = WaitBufHdrUnlocked(b);
		if (pg_atomic_compare_exchange_u32(&b->state, &old, old - BUF_REFCOUNT_ONE))
			return;
	}
}

void WaitIO(BufferDesc *b)
{
	for (;;)
	{
		uint32		state = LockBufHdr(b);
		UnlockBufHdr(b, state);
		if (!(state & BM_IO_IN_PROGRESS))
			return;
		/* The process doing the I/O holds io_lock until it is done. */
		LWLockAcquire(&b->io_lock, LW_SHARED);
		LWLockRelease(&b->io_lock);
	}
}

/* Begin I/O on a pinned buffer; false if it is no longer needed (someone
 * else read it, or wrote it out). */
bool StartBufferIO(BufferDesc *b, bool for_input)
{
	uint32		state;
	for (;;)
	{
		LWLockAcquire(&b->io_lock, LW_EXCLUSIVE);
		state = LockBufHdr(b);
		if (!(state & BM_IO_IN_PROGRESS))
			break;
		UnlockBufHdr(b, state);
		LWLockRelease(&b->io_lock);
		WaitIO(b);
	}
	if (for_input ? (state & BM_VALID) != 0 : (state & BM_DIRTY) == 0)
	{
		UnlockBufHdr(b, state);
		LWLockRelease(&b->io_lock);
		return false;
	}
	UnlockBufHdr(b, state | BM_IO_IN_PROGRESS);
	return true;
}

void TerminateBufferIO(BufferDesc *b, bool clear_dirty, uint32 set_flags)
{
	uint32		state = LockBufHdr(b);
	state &= ~(BM_IO_IN_PROGRESS | BM_IO_ERROR);
	if (clear_dirty && !(state & BM_JUST_DIRTIED))
		state &= ~BM_DIRTY;
	state |= set_flags;
	UnlockBufHdr(b, state);
	LWLockRelease(&b->io_lock);
}

/* After a failed read or write: let the next process try again. */
void AbortBufferIO(BufferDesc *b)
{
	uint32		state = LockBufHdr(b);
	state &= ~BM_IO_IN_PROGRESS;
	state |= BM_IO_ERROR;
	UnlockBufHdr(b, state);
	if (LWLockHeldByMe(&b->io_lock))
		LWLockRelease(&b->io_lock);
}

std::string RelationPathOf(const BufferTag &tag)
{
	char	   *p = GetRelationPath(tag.rnode, tag.forkNum);
	std::string s = p;
	pfree(p);
	return s;
}

/* Write a pinned, share-locked buffer out (if it is still dirty). */
void FlushBuffer(BufferDesc *b)
{
	if (!StartBufferIO(b, false))
		return;
	try
	{
		char	   *page = GetBlock(b->buf_id);
		/* The LSN under the header lock: a hint-bit image may move it
		 * while we hold only a share lock on the contents. */
		uint32		state = LockBufHdr(b);
		XLogRecPtr	lsn = PageGetLSN(page);
		UnlockBufHdr(b, state & ~BM_JUST_DIRTIED);
		/* The write-ahead rule: the WAL that describes the page first. */
		if (state & BM_PERMANENT)
			XLogFlush(lsn);
		/* Checksum a copy: others may set hint bits in the shared page while
		 * we write, which would invalidate a checksum set in place. */
		alignas(8) char copy[BLCKSZ];
		memcpy(copy, page, BLCKSZ);
		PageSetChecksumInplace(copy, b->tag.blockNum);
		smgrwrite(smgropen(b->tag.rnode), b->tag.forkNum, b->tag.blockNum, copy, false);
	}
	catch (...)
	{
		AbortBufferIO(b);
		throw;
	}
	TerminateBufferIO(b, true, 0);
}

/* The clock sweep: an unpinned buffer whose usage count is zero, returned
 * with its header locked. */
BufferDesc *StrategyGetBuffer(uint32 *state_out)
{
	int			trycounter = NBuffers;
	for (;;)
	{
		int			id = static_cast<int>(pg_atomic_fetch_add_u32(next_victim, 1) %
										  static_cast<uint32>(NBuffers));
		BufferDesc *b = GetDesc(id);
		uint32		state = LockBufHdr(b);
		if (BUF_STATE_GET_REFCOUNT(state) == 0)
		{
			if (BUF_STATE_GET_USAGECOUNT(state) == 0)
			{
				*state_out = state;
				return b;
			}
			UnlockBufHdr(b, state - BUF_USAGECOUNT_ONE);
			trycounter = NBuffers;
			continue;
		}
		UnlockBufHdr(b, state);
		if (--trycounter == 0)
			ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_RESOURCES),
					errmsg("no unpinned buffers available"));
	}
}

void LockTwo(LWLock *a, LWLock *b)
{
	if (a == b)
		LWLockAcquire(a, LW_EXCLUSIVE);
	else if (a < b)
	{
		LWLockAcquire(a, LW_EXCLUSIVE);
		LWLockAcquire(b, LW_EXCLUSIVE);
	}
	else
	{
		LWLockAcquire(b, LW_EXCLUSIVE);
		LWLockAcquire(a, LW_EXCLUSIVE);
	}
}

void ReleaseTwo(LWLock *a, LWLock *b)
{
	LWLockRelease(a);
	if (a != b)
		LWLockRelease(b);
}

/* A pinned buffer for tag: the one already holding it, or a victim
 * retagged for it (not yet valid). */
BufferDesc *BufferAlloc(const BufferTag &tag, uint32 hash, bool permanent)
{
	LWLock	   *new_lock = BufMappingPartitionLock(hash);
	for (;;)
	{
		uint32		state;
		BufferDesc *b = StrategyGetBuffer(&state);
		PinBufferLocked(b, state);

		if (state & BM_DIRTY)
		{
			/* Someone holding it exclusively is changing it: pick another. */
			if (!LWLockConditionalAcquire(&b->content_lock, LW_SHARED))
			{
				UnpinBuffer(b);
				continue;
			}
			try
			{
				FlushBuffer(b);
			}
			catch (...)
			{
				LWLockRelease(&b->content_lock);
				UnpinBuffer(b);
				throw;
			}
			LWLockRelease(&b->content_lock);
		}

		bool		had_tag = (state & BM_TAG_VALID) != 0;
		BufferTag	old_tag = b->tag;
		uint32		old_hash = had_tag ? BufTableHashCode(old_tag) : 0;
		LWLock	   *old_lock = had_tag ? BufMappingPartitionLock(old_hash) : new_lock;
		LockTwo(new_lock, old_lock);

		int			existing = BufTableInsert(tag, hash, b->buf_id);
		if (existing >= 0)
		{
			/* Another process mapped the page while we looked for a victim. */
			if (old_lock != new_lock)
				LWLockRelease(old_lock);
			UnpinBuffer(b);
			BufferDesc *other = GetDesc(existing);
			(void) PinBuffer(other);
			LWLockRelease(new_lock);
			return other;
		}

		state = LockBufHdr(b);
		if (BUF_STATE_GET_REFCOUNT(state) == 1 && !(state & BM_DIRTY))
		{
			b->tag = tag;
			state &= ~(BM_VALID | BM_DIRTY | BM_JUST_DIRTIED | BM_IO_ERROR | BM_PERMANENT |
					   BUF_USAGECOUNT_MASK);
			state |= BM_TAG_VALID | BUF_USAGECOUNT_ONE | (permanent ? BM_PERMANENT : 0);
			UnlockBufHdr(b, state);
			if (had_tag)
				BufTableDelete(old_tag, old_hash);
			ReleaseTwo(new_lock, old_lock);
			return b;
		}
		/* Pinned or dirtied again meanwhile: give it back and start over. */
		UnlockBufHdr(b, state);
		BufTableDelete(tag, hash);
		ReleaseTwo(new_lock, old_lock);
		UnpinBuffer(b);
	}
}

void ReadPageIntoBuffer(BufferDesc *b, ReadBufferMode mode)
{
	char	   *page = GetBlock(b->buf_id);
	try
	{
		if (mode == RBM_ZERO_AND_LOCK)
			memset(page, 0, BLCKSZ);
		else
		{
			smgrread(smgropen(b->tag.rnode), b->tag.forkNum, b->tag.blockNum, page);
			if (!PageIsVerifiedExtended(page, b->tag.blockNum, PIV_LOG_WARNING))
			{
				if (mode != RBM_ZERO_ON_ERROR)
					ereport(ERROR, errcode(ERRCODE_DATA_CORRUPTED),
							errmsg("invalid page in block %u of relation %s", b->tag.blockNum,
								   RelationPathOf(b->tag).c_str()));
				ereport(WARNING, errcode(ERRCODE_DATA_CORRUPTED),
						errmsg("invalid page in block %u of relation %s; zeroing out page",
							   b->tag.blockNum, RelationPathOf(b->tag).c_str()));
				memset(page, 0, BLCKSZ);
			}
		}
	}
	catch (...)
	{
		AbortBufferIO(b);
		throw;
	}
	TerminateBufferIO(b, false, BM_VALID);
}

Buffer		ReadBlock(RelFileNode rnode, ForkNumber forkNum, BlockNumber blockNum,
					  ReadBufferMode mode, bool permanent);
Buffer		ExtendRelation(RelFileNode rnode, ForkNumber forkNum, ReadBufferMode mode,
						   bool permanent);

}  // namespace

Size BufferShmemSize(void)
{
	Size		size = mul_size(NBuffers, sizeof(BufferDescPadded));
	size = add_size(size, mul_size(NBuffers, BLCKSZ));
	size = add_size(size, BufTableShmemSize(NBuffers));
	size = add_size(size, sizeof(pg_atomic_uint32));
	return size;
}

void InitBufferPool(void)
{
	bool		found;
	descriptors = static_cast<BufferDescPadded *>(
		ShmemInitStruct("Buffer Descriptors", mul_size(NBuffers, sizeof(BufferDescPadded)),
						&found));
	blocks = static_cast<char *>(
		ShmemInitStruct("Buffer Blocks", mul_size(NBuffers, BLCKSZ), &found));
	next_victim = static_cast<pg_atomic_uint32 *>(
		ShmemInitStruct("Buffer Strategy Status", sizeof(pg_atomic_uint32), &found));
	pg_atomic_init_u32(next_victim, 0);
	for (int i = 0; i < NBuffers; i++)
	{
		BufferDesc *b = GetDesc(i);
		memset(&b->tag, 0, sizeof b->tag);
		b->buf_id = i;
		pg_atomic_init_u32(&b->state, 0);
		LWLockInitialize(&b->content_lock, LWTRANCHE_BUFFER_CONTENT);
		LWLockInitialize(&b->io_lock, LWTRANCHE_BUFFER_IO);
	}
	InitBufTable(NBuffers);
	private_refcount.clear();
}

void InitBufferPoolAccess(void)
{
	private_refcount.assign(NBuffers, 0);
	if (access_initialized_pid != getpid())
	{
		access_initialized_pid = getpid();
		on_shmem_exit(AtProcExit_Buffers, 0);
	}
}

void ReleaseAllBufferPins(void)
{
	for (int id = 0; id < static_cast<int>(private_refcount.size()); id++)
		while (private_refcount[id] > 0)
			UnpinBuffer(GetDesc(id));
}

void AtProcExit_Buffers(int, Datum)
{
	/* Content locks first: a pin may be released only after its lock. */
	LWLockReleaseAll();
	ReleaseAllBufferPins();
}

Buffer ReadBufferWithoutRelcache(RelFileNode rnode, ForkNumber forkNum, BlockNumber blockNum,
								 ReadBufferMode mode, BufferAccessStrategy strategy, bool permanent)
{
	if (strategy != nullptr)
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("buffer access strategies are not supported yet"));
	EnsureAccess();
	if (blockNum == P_NEW)
		return ExtendRelation(rnode, forkNum, mode, permanent);
	return ReadBlock(rnode, forkNum, blockNum, mode, permanent);
}

namespace {

/* The buffer for an existing block, read in if needed. */
Buffer ReadBlock(RelFileNode rnode, ForkNumber forkNum, BlockNumber blockNum, ReadBufferMode mode,
				 bool permanent)
{
	BufferTag	tag = {rnode, forkNum, blockNum};
	uint32		hash = BufTableHashCode(tag);
	LWLock	   *part = BufMappingPartitionLock(hash);

	BufferDesc *b = nullptr;
	bool		valid = false;
	LWLockAcquire(part, LW_SHARED);
	int			id = BufTableLookup(tag, hash);
	if (id >= 0)
	{
		b = GetDesc(id);
		valid = PinBuffer(b);
	}
	LWLockRelease(part);
	if (b == nullptr)
	{
		b = BufferAlloc(tag, hash, permanent);
		valid = (pg_atomic_read_u32(&b->state) & BM_VALID) != 0;
	}
	if (!valid)
	{
		try
		{
			if (StartBufferIO(b, true))
				ReadPageIntoBuffer(b, mode);
		}
		catch (...)
		{
			UnpinBuffer(b);
			throw;
		}
	}
	Buffer		buffer = b->buf_id + 1;
	if (mode == RBM_ZERO_AND_LOCK)
		LockBuffer(buffer, BUFFER_LOCK_EXCLUSIVE);
	return buffer;
}

/*
 * Add a zero page at the end of the fork.  Its buffer is made (zeroed,
 * valid, and locked if asked) before the file grows, under the extension
 * lock: whoever sees the new length and reads the block finds that buffer
 * and waits for its lock, instead of reading the zero page from disk into
 * a buffer of its own and filling it while the extender does the same.
 */
Buffer ExtendRelation(RelFileNode rnode, ForkNumber forkNum, ReadBufferMode mode, bool permanent)
{
	SMgrRelation reln = smgropen(rnode);
	LWLockAcquire(RelationExtensionLock, LW_EXCLUSIVE);
	Buffer		buffer = InvalidBuffer;
	try
	{
		BlockNumber blockNum = smgrnblocks(reln, forkNum);
		if (blockNum == InvalidBlockNumber)
			ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					errmsg("cannot extend relation %s beyond %u blocks",
						   RelationPathOf(BufferTag{rnode, forkNum, 0}).c_str(), MaxBlockNumber));
		buffer = ReadBlock(rnode, forkNum, blockNum, RBM_ZERO_AND_LOCK, permanent);
		if (mode != RBM_ZERO_AND_LOCK)
			LockBuffer(buffer, BUFFER_LOCK_UNLOCK);
		alignas(8) char zero[BLCKSZ] = {};
		smgrextend(reln, forkNum, blockNum, zero, false);
	}
	catch (...)
	{
		if (BufferIsValid(buffer))
		{
			if (mode == RBM_ZERO_AND_LOCK)
				LockBuffer(buffer, BUFFER_LOCK_UNLOCK);
			ReleaseBuffer(buffer);
		}
		LWLockRelease(RelationExtensionLock);
		throw;
	}
	LWLockRelease(RelationExtensionLock);
	return buffer;
}

}  // namespace

void ReleaseBuffer(Buffer buffer)
{
	UnpinBuffer(DescOf(buffer));
}

void UnlockReleaseBuffer(Buffer buffer)
{
	LockBuffer(buffer, BUFFER_LOCK_UNLOCK);
	ReleaseBuffer(buffer);
}

void LockBuffer(Buffer buffer, int mode)
{
	BufferDesc *b = DescOf(buffer);
	if (mode == BUFFER_LOCK_UNLOCK)
		LWLockRelease(&b->content_lock);
	else if (mode == BUFFER_LOCK_SHARE)
		LWLockAcquire(&b->content_lock, LW_SHARED);
	else if (mode == BUFFER_LOCK_EXCLUSIVE)
		LWLockAcquire(&b->content_lock, LW_EXCLUSIVE);
	else
		elog(ERROR, "unrecognized buffer lock mode: %d", mode);
}

bool ConditionalLockBuffer(Buffer buffer)
{
	return LWLockConditionalAcquire(&DescOf(buffer)->content_lock, LW_EXCLUSIVE);
}

void LockBufferForCleanup(Buffer buffer)
{
	BufferDesc *b = DescOf(buffer);
	if (private_refcount[b->buf_id] != 1)
		elog(ERROR, "incorrect local pin count: %d", private_refcount[b->buf_id]);
	for (;;)
	{
		LockBuffer(buffer, BUFFER_LOCK_EXCLUSIVE);
		uint32		state = LockBufHdr(b);
		bool		alone = BUF_STATE_GET_REFCOUNT(state) == 1;
		UnlockBufHdr(b, state);
		if (alone)
			return;
		/* Someone else still has it pinned (a scan reading its tuples):
		 * let go and look again shortly. */
		LockBuffer(buffer, BUFFER_LOCK_UNLOCK);
		CHECK_FOR_INTERRUPTS();
		usleep(1000);
	}
}

void MarkBufferDirty(Buffer buffer)
{
	BufferDesc *b = DescOf(buffer);
	if (!LWLockHeldByMeInMode(&b->content_lock, LW_EXCLUSIVE))
		elog(ERROR, "buffer %d is not locked exclusively", buffer);
	uint32		old = pg_atomic_read_u32(&b->state);
	for (;;)
	{
		if (old & BM_LOCKED)
			old = WaitBufHdrUnlocked(b);
		if (pg_atomic_compare_exchange_u32(&b->state, &old, old | BM_DIRTY | BM_JUST_DIRTIED))
			return;
	}
}

XLogRecPtr BufferGetLSNAtomic(Buffer buffer)
{
	BufferDesc *b = DescOf(buffer);
	uint32		state = LockBufHdr(b);
	XLogRecPtr	lsn = PageGetLSN(GetBlock(b->buf_id));
	UnlockBufHdr(b, state);
	return lsn;
}

void MarkBufferDirtyHint(Buffer buffer, bool buffer_std)
{
	BufferDesc *b = DescOf(buffer);
	if (!LWLockHeldByMe(&b->content_lock))
		elog(ERROR, "buffer %d is not locked", buffer);
	uint32		state = pg_atomic_read_u32(&b->state);
	/* Dirty already, and not being written: nothing to do. */
	if ((state & (BM_DIRTY | BM_JUST_DIRTIED)) == (BM_DIRTY | BM_JUST_DIRTIED))
		return;

	/*
	 * Every page is checksummed, so a hint-bit change torn by a crash would
	 * fail verification: like any change it needs a full-page image if the
	 * page has none since the redo point.  Only a share lock is held, so
	 * others may be setting bits too: the image is taken from a copy made
	 * under the header lock.  During recovery no WAL can be written: the
	 * bits stay in memory and the page is not dirtied for them.
	 */
	XLogRecPtr	lsn = InvalidXLogRecPtr;
	bool		delayed = false;
	if (state & BM_PERMANENT)
	{
		if (RecoveryInProgress())
			return;
		if (XLogCheckBufferNeedsBackup(buffer))
		{
			StartDelayingCheckpoint();
			delayed = true;
			alignas(8) char copy[BLCKSZ];
			state = LockBufHdr(b);
			memcpy(copy, GetBlock(b->buf_id), BLCKSZ);
			UnlockBufHdr(b, state);
			try
			{
				XLogBeginInsert();
				XLogRegisterBlock(0, &b->tag.rnode, b->tag.forkNum, b->tag.blockNum, copy,
								  REGBUF_FORCE_IMAGE | (buffer_std ? REGBUF_STANDARD : 0));
				lsn = XLogInsert(RM_XLOG_ID, XLOG_FPI_FOR_HINT);
			}
			catch (...)
			{
				EndDelayingCheckpoint();
				throw;
			}
		}
	}
	state = LockBufHdr(b);
	if (lsn != InvalidXLogRecPtr)
		PageSetLSN(GetBlock(b->buf_id), lsn);
	UnlockBufHdr(b, state | BM_DIRTY | BM_JUST_DIRTIED);
	if (delayed)
		EndDelayingCheckpoint();
}

BlockNumber BufferGetBlockNumber(Buffer buffer)
{
	return DescOf(buffer)->tag.blockNum;
}

void BufferGetTag(Buffer buffer, RelFileNode *rnode, ForkNumber *forknum, BlockNumber *blknum)
{
	BufferDesc *b = DescOf(buffer);
	*rnode = b->tag.rnode;
	*forknum = b->tag.forkNum;
	*blknum = b->tag.blockNum;
}

BufferDesc *tusk::buffer::GetBufferDescriptor(int id)
{
	return GetDesc(id);
}

int32 tusk::buffer::PrivateRefCount(Buffer buffer)
{
	DescOf(buffer);
	EnsureAccess();
	return private_refcount[buffer - 1];
}

Page BufferGetPage(Buffer buffer)
{
	DescOf(buffer);
	return GetBlock(buffer - 1);
}

namespace {

/* Write out every valid dirty buffer that match() accepts (called with
 * the buffer header locked: it must be quick); after each write, call
 * written_one(). */
template <typename Match, typename AfterWrite>
int FlushMatching(Match match, AfterWrite written_one)
{
	EnsureAccess();
	int			written = 0;
	for (int id = 0; id < NBuffers; id++)
	{
		BufferDesc *b = GetDesc(id);
		uint32		state = LockBufHdr(b);
		if ((state & (BM_VALID | BM_DIRTY)) != (BM_VALID | BM_DIRTY) || !match(b->tag))
		{
			UnlockBufHdr(b, state);
			continue;
		}
		if (private_refcount[id] > 0)
		{
			UnlockBufHdr(b, state);
			private_refcount[id]++;
		}
		else
			PinBufferLocked(b, state);
		LWLockAcquire(&b->content_lock, LW_SHARED);
		try
		{
			FlushBuffer(b);
		}
		catch (...)
		{
			LWLockRelease(&b->content_lock);
			UnpinBuffer(b);
			throw;
		}
		LWLockRelease(&b->content_lock);
		UnpinBuffer(b);
		written++;
		written_one(written);
	}
	return written;
}

}  // namespace

int CheckPointBuffers(void)
{
	/* Writing many buffers takes a while: keep the sync request queue
	 * drained meanwhile, so that other writers need not fsync themselves. */
	return FlushMatching([](const BufferTag &) { return true; },
						 [](int written) {
							 if (written % 64 == 0)
								 AbsorbSyncRequests();
						 });
}

void FlushRelationBuffers(RelFileNode rnode)
{
	FlushMatching([&](const BufferTag &tag) { return RelFileNodeEquals(tag.rnode, rnode); },
				  [](int) {});
}

void FlushAllBuffers(void)
{
	FlushMatching([](const BufferTag &) { return true; }, [](int) {});
}

void DropRelFileNodeBuffers(RelFileNode rnode, ForkNumber forkNum, BlockNumber firstDelBlock)
{
	for (int id = 0; id < NBuffers; id++)
	{
		BufferDesc *b = GetDesc(id);
		uint32		state = LockBufHdr(b);
		bool		match = (state & BM_TAG_VALID) && RelFileNodeEquals(b->tag.rnode, rnode) &&
			b->tag.forkNum == forkNum && b->tag.blockNum >= firstDelBlock;
		UnlockBufHdr(b, state);
		if (!match)
			continue;
		BufferTag	tag = b->tag;
		uint32		hash = BufTableHashCode(tag);
		LWLock	   *part = BufMappingPartitionLock(hash);
		LWLockAcquire(part, LW_EXCLUSIVE);
		state = LockBufHdr(b);
		if (!(state & BM_TAG_VALID) || !TagsEqual(b->tag, tag))
		{
			UnlockBufHdr(b, state);	/* reused meanwhile: not ours any more */
			LWLockRelease(part);
			continue;
		}
		if (BUF_STATE_GET_REFCOUNT(state) != 0)
		{
			UnlockBufHdr(b, state);
			LWLockRelease(part);
			elog(ERROR, "buffer %d of relation %s is pinned while the relation is dropped",
				 id + 1, RelationPathOf(tag).c_str());
		}
		memset(&b->tag, 0, sizeof b->tag);
		UnlockBufHdr(b, state & ~(BM_TAG_VALID | BM_VALID | BM_DIRTY | BM_JUST_DIRTIED |
								  BM_IO_ERROR | BM_PERMANENT | BUF_USAGECOUNT_MASK));
		BufTableDelete(tag, hash);
		LWLockRelease(part);
	}
}
