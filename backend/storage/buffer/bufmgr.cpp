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
#include <utility>
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
#include "utils/resowner.h"
#include "utils/resowner/resowner_private.h"

using namespace tusk::buffer;
using tusk::BufferLock;
using tusk::BufferPin;
using tusk::LWLockGuard;

uint64 BufferBlocksRead = 0;

namespace {

BufferDescPadded *descriptors = nullptr;
char *blocks = nullptr;
pg_atomic_uint32 *next_victim = nullptr;

/* This process's pins, per buffer. */
std::vector<int32> private_refcount;
pid_t access_initialized_pid = 0;

BufferDesc *GetDesc(int id)
{
	return &descriptors[id].bufferdesc;
}

char *GetBlock(int id)
{
	return blocks + static_cast<Size>(id) * BLCKSZ;
}

Buffer BufferOf(const BufferDesc *b)
{
	return b->buf_id + 1;
}

BufferDesc *DescOf(Buffer buffer)
{
	if (buffer < 1 || buffer > NBuffers)
		elog(ERROR, "bad buffer ID: %d", buffer);
	return GetDesc(buffer - 1);
}

/* Start counting this process's pins afresh; no owner holds any. */
void ResetPrivateRefcounts()
{
	private_refcount.assign(NBuffers, 0);
	tusk::resowner::ForgetAllBuffers();
}

void EnsureAccess()
{
	if (static_cast<int>(private_refcount.size()) != NBuffers)
		ResetPrivateRefcounts();
}

/* The header lock is a spinlock in all but name: waiting for it backs
 * off, and PANICs when stuck, exactly as s_lock does.  Unlike the other
 * locks here it is paired by hand, as in PostgreSQL: UnlockBufHdr takes
 * the new state word (the release is the update), and what lies between
 * is a few loads, stores and comparisons that cannot throw. */
uint32 LockBufHdr(BufferDesc *b)
{
	SpinDelayStatus delay;
	init_local_spin_delay(&delay);
	for (;;)
	{
		uint32 old = pg_atomic_fetch_or_u32(&b->state, BM_LOCKED);
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
	uint32 state = pg_atomic_read_u32(&b->state);
	while (state & BM_LOCKED)
	{
		perform_spin_delay(&delay);
		state = pg_atomic_read_u32(&b->state);
	}
	return state;
}

/* Pin, remembered by the current resource owner; returns whether the
 * buffer holds valid data. */
bool PinBuffer(BufferDesc *b)
{
	ResourceOwnerEnlargeBuffers(CurrentResourceOwner);
	int32 &ref = private_refcount[b->buf_id];
	bool valid;
	if (ref == 0)
	{
		uint32 old = pg_atomic_read_u32(&b->state);
		for (;;)
		{
			if (old & BM_LOCKED)
				old = WaitBufHdrUnlocked(b);
			uint32 desired = old + BUF_REFCOUNT_ONE;
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
	ResourceOwnerRememberBuffer(CurrentResourceOwner, BufferOf(b));
	return valid;
}

/* Pin a buffer whose header we hold locked, and unlock it.  No allocation
 * is allowed under the header lock: the caller has called
 * ResourceOwnerEnlargeBuffers before locking it. */
void PinBufferLocked(BufferDesc *b, uint32 state)
{
	int32 &ref = private_refcount[b->buf_id];
	UnlockBufHdr(b, ref == 0 ? state + BUF_REFCOUNT_ONE : state);
	ref++;
	ResourceOwnerRememberBuffer(CurrentResourceOwner, BufferOf(b));
}

/* Give one pin back to the buffer (not to its resource owner). */
void DropPin(BufferDesc *b)
{
	int32 &ref = private_refcount[b->buf_id];
	if (--ref > 0)
		return;
	uint32 old = pg_atomic_read_u32(&b->state);
	for (;;)
	{
		if (old & BM_LOCKED)
			old = WaitBufHdrUnlocked(b);
		if (pg_atomic_compare_exchange_u32(&b->state, &old, old - BUF_REFCOUNT_ONE))
			return;
	}
}

void UnpinBuffer(BufferDesc *b)
{
	if (private_refcount[b->buf_id] <= 0)
		elog(ERROR, "buffer %d is not pinned", b->buf_id + 1);
	ResourceOwnerForgetBuffer(CurrentResourceOwner, BufferOf(b));
	DropPin(b);
}

void WaitIO(BufferDesc *b)
{
	for (;;)
	{
		uint32 state = LockBufHdr(b);
		UnlockBufHdr(b, state);
		if (!(state & BM_IO_IN_PROGRESS))
			return;
		/* The process doing the I/O holds io_lock until it is done: taking
		 * it (and letting go at once) is the wait. */
		LWLockGuard(&b->io_lock, LW_SHARED).Release();
	}
}

/*
 * I/O on a pinned buffer: BM_IO_IN_PROGRESS set and io_lock held from
 * Start() to Terminate().  Destroyed without Terminate() — an error
 * during the read or write — it sets BM_IO_ERROR and clears
 * BM_IO_IN_PROGRESS, so that the next process tries again.
 */
class BufferIO
{
  public:
	/* Begin I/O; started() is false if it is no longer needed (someone
	 * else read the page in, or wrote it out). */
	static BufferIO Start(BufferDesc *b, bool for_input)
	{
		for (;;)
		{
			LWLockGuard io_lock(&b->io_lock, LW_EXCLUSIVE);
			uint32 state = LockBufHdr(b);
			if (!(state & BM_IO_IN_PROGRESS))
			{
				if (for_input ? (state & BM_VALID) != 0 : (state & BM_DIRTY) == 0)
				{
					UnlockBufHdr(b, state);
					return BufferIO(nullptr, LWLockGuard());
				}
				UnlockBufHdr(b, state | BM_IO_IN_PROGRESS);
				return BufferIO(b, std::move(io_lock));
			}
			UnlockBufHdr(b, state);
			io_lock.Release();
			WaitIO(b);
		}
	}
	~BufferIO()
	{
		if (b_ == nullptr)
			return;
		uint32 state = LockBufHdr(b_);
		state &= ~BM_IO_IN_PROGRESS;
		state |= BM_IO_ERROR;
		UnlockBufHdr(b_, state);
	}
	BufferIO(BufferIO &&other) noexcept : b_(other.b_), io_lock_(std::move(other.io_lock_))
	{
		other.b_ = nullptr;
	}
	BufferIO &operator=(BufferIO &&) = delete;
	BufferIO(const BufferIO &) = delete;
	BufferIO &operator=(const BufferIO &) = delete;

	bool started() const { return b_ != nullptr; }

	/* The I/O succeeded: clear the flags (BM_DIRTY too, if asked and the
	 * page was not dirtied again meanwhile), set set_flags. */
	void Terminate(bool clear_dirty, uint32 set_flags)
	{
		uint32 state = LockBufHdr(b_);
		state &= ~(BM_IO_IN_PROGRESS | BM_IO_ERROR);
		if (clear_dirty && !(state & BM_JUST_DIRTIED))
			state &= ~BM_DIRTY;
		state |= set_flags;
		UnlockBufHdr(b_, state);
		b_ = nullptr;
		io_lock_.Release();
	}

  private:
	BufferIO(BufferDesc *b, LWLockGuard io_lock) : b_(b), io_lock_(std::move(io_lock)) {}

	BufferDesc *b_;
	LWLockGuard io_lock_;
};

std::string RelationPathOf(const BufferTag &tag)
{
	char *p = GetRelationPath(tag.rnode, tag.forkNum);
	std::string s = p;
	pfree(p);
	return s;
}

/* Write a pinned, share-locked buffer out (if it is still dirty). */
void FlushBuffer(BufferDesc *b)
{
	BufferIO io = BufferIO::Start(b, false);
	if (!io.started())
		return;
	char *page = GetBlock(b->buf_id);
	/* The LSN under the header lock: a hint-bit image may move it
	 * while we hold only a share lock on the contents. */
	uint32 state = LockBufHdr(b);
	XLogRecPtr lsn = PageGetLSN(page);
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
	io.Terminate(true, 0);
}

/* The clock sweep: an unpinned buffer whose usage count is zero, returned
 * with its header locked. */
BufferDesc *StrategyGetBuffer(uint32 *state_out)
{
	int trycounter = NBuffers;
	for (;;)
	{
		int id = static_cast<int>(pg_atomic_fetch_add_u32(next_victim, 1) %
								  static_cast<uint32>(NBuffers));
		BufferDesc *b = GetDesc(id);
		uint32 state = LockBufHdr(b);
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

/* Two mapping-partition locks, held exclusively (one, if they are the
 * same lock). */
struct PartitionLockPair
{
	LWLockGuard first;
	LWLockGuard second;
};

/* Both locks, in address order, so that two processes doing this cannot
 * deadlock. */
PartitionLockPair LockTwo(LWLock *a, LWLock *b)
{
	if (a == b)
		return {LWLockGuard(a, LW_EXCLUSIVE), LWLockGuard()};
	if (b < a)
		std::swap(a, b);
	return {LWLockGuard(a, LW_EXCLUSIVE), LWLockGuard(b, LW_EXCLUSIVE)};
}

/* A pin on a buffer for tag: the one already holding it, or a victim
 * retagged for it (not yet valid). */
BufferPin BufferAlloc(const BufferTag &tag, uint32 hash, bool permanent)
{
	LWLock *new_lock = BufMappingPartitionLock(hash);
	for (;;)
	{
		uint32 state;
		ResourceOwnerEnlargeBuffers(CurrentResourceOwner);
		BufferDesc *b = StrategyGetBuffer(&state);
		PinBufferLocked(b, state);
		BufferPin pin(BufferOf(b));

		if (state & BM_DIRTY)
		{
			/* Someone holding it exclusively is changing it: pick another. */
			LWLockGuard content = LWLockGuard::TryAcquire(&b->content_lock, LW_SHARED);
			if (!content.held())
				continue;
			FlushBuffer(b);
		}

		bool had_tag = (state & BM_TAG_VALID) != 0;
		BufferTag old_tag = b->tag;
		uint32 old_hash = had_tag ? BufTableHashCode(old_tag) : 0;
		LWLock *old_lock = had_tag ? BufMappingPartitionLock(old_hash) : new_lock;
		PartitionLockPair partitions = LockTwo(new_lock, old_lock);

		int existing = BufTableInsert(tag, hash, b->buf_id);
		if (existing >= 0)
		{
			/* Another process mapped the page while we looked for a victim;
			 * pin it before the partition lock goes. */
			pin.Release();
			BufferDesc *other = GetDesc(existing);
			(void) PinBuffer(other);
			return BufferPin(BufferOf(other));
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
			return pin;
		}
		/* Pinned or dirtied again meanwhile: give it back (the partition
		 * locks, then the pin) and start over. */
		UnlockBufHdr(b, state);
		BufTableDelete(tag, hash);
	}
}

/* Read the page (or zero it) into the buffer whose I/O io has begun. */
void ReadPageIntoBuffer(BufferIO &io, BufferDesc *b, ReadBufferMode mode)
{
	char *page = GetBlock(b->buf_id);
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
	io.Terminate(false, BM_VALID);
}

Buffer ReadBlock(RelFileNode rnode, ForkNumber forkNum, BlockNumber blockNum, ReadBufferMode mode,
				 bool permanent);
Buffer ExtendRelation(RelFileNode rnode, ForkNumber forkNum, ReadBufferMode mode, bool permanent);

}  // namespace

Size BufferShmemSize(void)
{
	Size size = mul_size(NBuffers, sizeof(BufferDescPadded));
	size = add_size(size, mul_size(NBuffers, BLCKSZ));
	size = add_size(size, BufTableShmemSize(NBuffers));
	size = add_size(size, sizeof(pg_atomic_uint32));
	return size;
}

void InitBufferPool(void)
{
	bool found;
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
	tusk::resowner::ForgetAllBuffers();
}

void InitBufferPoolAccess(void)
{
	ResetPrivateRefcounts();
	if (access_initialized_pid != getpid())
	{
		access_initialized_pid = getpid();
		on_shmem_exit(AtProcExit_Buffers, 0);
	}
}

void ReleaseAllBufferPins(void)
{
	tusk::resowner::ForgetAllBuffers();
	for (int id = 0; id < static_cast<int>(private_refcount.size()); id++)
		while (private_refcount[id] > 0)
			DropPin(GetDesc(id));
}

void PrintBufferLeakWarning(Buffer buffer)
{
	BufferDesc *b = DescOf(buffer);
	uint32 state = pg_atomic_read_u32(&b->state);
	elog(WARNING, "buffer refcount leak: [%03d] (rel=%s, blockNum=%u, flags=0x%x, refcount=%u %d)",
		 buffer, RelationPathOf(b->tag).c_str(), b->tag.blockNum, state & BUF_FLAG_MASK,
		 BUF_STATE_GET_REFCOUNT(state), private_refcount[b->buf_id]);
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

/* The buffer for an existing block, read in if needed: pinned, and locked
 * if mode is RBM_ZERO_AND_LOCK. */
Buffer ReadBlock(RelFileNode rnode, ForkNumber forkNum, BlockNumber blockNum, ReadBufferMode mode,
				 bool permanent)
{
	BufferTag tag = {rnode, forkNum, blockNum};
	uint32 hash = BufTableHashCode(tag);

	BufferPin pin;
	bool valid = false;
	{
		LWLockGuard partition(BufMappingPartitionLock(hash), LW_SHARED);
		int id = BufTableLookup(tag, hash);
		if (id >= 0)
		{
			valid = PinBuffer(GetDesc(id));
			pin = BufferPin(id + 1);
		}
	}
	if (!pin.valid())
	{
		pin = BufferAlloc(tag, hash, permanent);
		valid = (pg_atomic_read_u32(&DescOf(pin.get())->state) & BM_VALID) != 0;
	}
	if (!valid)
	{
		BufferDesc *b = DescOf(pin.get());
		BufferIO io = BufferIO::Start(b, true);
		if (io.started())
		{
			BufferBlocksRead++;
			ReadPageIntoBuffer(io, b, mode);
		}
	}
	/* Returned locked, if asked: the caller's to unlock. */
	if (mode == RBM_ZERO_AND_LOCK)
		LockBuffer(pin.get(), BUFFER_LOCK_EXCLUSIVE);
	return pin.Detach();
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
	LWLockGuard extension(RelationExtensionLock, LW_EXCLUSIVE);
	BlockNumber blockNum = smgrnblocks(reln, forkNum);
	if (blockNum == InvalidBlockNumber)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("cannot extend relation %s beyond %u blocks",
					   RelationPathOf(BufferTag{rnode, forkNum, 0}).c_str(), MaxBlockNumber));
	BufferPin pin(ReadBlock(rnode, forkNum, blockNum, RBM_ZERO_AND_LOCK, permanent));
	BufferLock lock = BufferLock::Adopt(pin.get());
	if (mode != RBM_ZERO_AND_LOCK)
		lock.Release();
	alignas(8) char zero[BLCKSZ] = {};
	smgrextend(reln, forkNum, blockNum, zero, false);
	/* The caller takes over the pin, and the lock if it asked for one. */
	if (lock.held())
		(void) lock.Detach();
	return pin.Detach();
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
		BufferLock lock(buffer, BUFFER_LOCK_EXCLUSIVE);
		uint32 state = LockBufHdr(b);
		bool alone = BUF_STATE_GET_REFCOUNT(state) == 1;
		UnlockBufHdr(b, state);
		if (alone)
		{
			(void) lock.Detach(); /* the caller's to release */
			return;
		}
		/* Someone else still has it pinned (a scan reading its tuples):
		 * let go and look again shortly. */
		lock.Release();
		CHECK_FOR_INTERRUPTS();
		usleep(1000);
	}
}

bool ConditionalLockBufferForCleanup(Buffer buffer)
{
	BufferDesc *b = DescOf(buffer);
	if (private_refcount[b->buf_id] != 1 || !ConditionalLockBuffer(buffer))
		return false;
	uint32 state = LockBufHdr(b);
	bool alone = BUF_STATE_GET_REFCOUNT(state) == 1;
	UnlockBufHdr(b, state);
	if (!alone)
		LockBuffer(buffer, BUFFER_LOCK_UNLOCK);
	return alone;
}

void MarkBufferDirty(Buffer buffer)
{
	BufferDesc *b = DescOf(buffer);
	if (!LWLockHeldByMeInMode(&b->content_lock, LW_EXCLUSIVE))
		elog(ERROR, "buffer %d is not locked exclusively", buffer);
	uint32 old = pg_atomic_read_u32(&b->state);
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
	uint32 state = LockBufHdr(b);
	XLogRecPtr lsn = PageGetLSN(GetBlock(b->buf_id));
	UnlockBufHdr(b, state);
	return lsn;
}

void MarkBufferDirtyHint(Buffer buffer, bool buffer_std)
{
	BufferDesc *b = DescOf(buffer);
	if (!LWLockHeldByMe(&b->content_lock))
		elog(ERROR, "buffer %d is not locked", buffer);
	uint32 state = pg_atomic_read_u32(&b->state);
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
	XLogRecPtr lsn = InvalidXLogRecPtr;
	tusk::CheckpointDelay delay;
	if (state & BM_PERMANENT)
	{
		if (RecoveryInProgress())
			return;
		if (XLogCheckBufferNeedsBackup(buffer))
		{
			delay = tusk::CheckpointDelay::Begin();
			alignas(8) char copy[BLCKSZ];
			state = LockBufHdr(b);
			memcpy(copy, GetBlock(b->buf_id), BLCKSZ);
			UnlockBufHdr(b, state);
			XLogBeginInsert();
			XLogRegisterBlock(0, &b->tag.rnode, b->tag.forkNum, b->tag.blockNum, copy,
							  REGBUF_FORCE_IMAGE | (buffer_std ? REGBUF_STANDARD : 0));
			lsn = XLogInsert(RM_XLOG_ID, XLOG_FPI_FOR_HINT);
		}
	}
	state = LockBufHdr(b);
	if (lsn != InvalidXLogRecPtr)
		PageSetLSN(GetBlock(b->buf_id), lsn);
	UnlockBufHdr(b, state | BM_DIRTY | BM_JUST_DIRTIED);
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
	int written = 0;
	for (int id = 0; id < NBuffers; id++)
	{
		BufferDesc *b = GetDesc(id);
		ResourceOwnerEnlargeBuffers(CurrentResourceOwner);
		uint32 state = LockBufHdr(b);
		if ((state & (BM_VALID | BM_DIRTY)) != (BM_VALID | BM_DIRTY) || !match(b->tag))
		{
			UnlockBufHdr(b, state);
			continue;
		}
		PinBufferLocked(b, state);
		{
			BufferPin pin(BufferOf(b));
			LWLockGuard content(&b->content_lock, LW_SHARED);
			FlushBuffer(b);
		}
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
		uint32 state = LockBufHdr(b);
		bool match = (state & BM_TAG_VALID) && RelFileNodeEquals(b->tag.rnode, rnode) &&
			b->tag.forkNum == forkNum && b->tag.blockNum >= firstDelBlock;
		UnlockBufHdr(b, state);
		if (!match)
			continue;
		BufferTag tag = b->tag;
		uint32 hash = BufTableHashCode(tag);
		LWLockGuard partition(BufMappingPartitionLock(hash), LW_EXCLUSIVE);
		state = LockBufHdr(b);
		if (!(state & BM_TAG_VALID) || !TagsEqual(b->tag, tag))
		{
			UnlockBufHdr(b, state); /* reused meanwhile: not ours any more */
			continue;
		}
		if (BUF_STATE_GET_REFCOUNT(state) != 0)
		{
			UnlockBufHdr(b, state);
			elog(ERROR, "buffer %d of relation %s is pinned while the relation is dropped", id + 1,
				 RelationPathOf(tag).c_str());
		}
		memset(&b->tag, 0, sizeof b->tag);
		UnlockBufHdr(b,
					 state &
						 ~(BM_TAG_VALID | BM_VALID | BM_DIRTY | BM_JUST_DIRTIED | BM_IO_ERROR |
						   BM_PERMANENT | BUF_USAGECOUNT_MASK));
		BufTableDelete(tag, hash);
	}
}
