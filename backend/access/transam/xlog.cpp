/*
 * xlog.cpp — the write-ahead log: WAL buffers, insertion, writing and
 * flushing (see access/xlog.h and doc/access/transam/README.md).
 *
 * Principal entry points: tusk::xlog::InsertRecord (for xloginsert.cpp),
 * XLogFlush, XLogStartInsertingAt, XLOGShmemInit.
 *
 * Shared state (XLogCtl) and its locks:
 *   WALInsertLock  the insert position and the previous record; held while
 *                  a record is placed and copied into the buffers, so
 *                  records enter the log one at a time, in LSN order.
 *   WALWriteLock   writing and syncing segment files; held by one process
 *                  at a time.  A flusher writes everything inserted so
 *                  far, so concurrent committers share its sync (group
 *                  commit).
 *   info_lck       a spinlock over the published write/flush positions,
 *                  so that "is my record flushed?" needs no LWLock.
 *   flush_gen      a counter bumped (and its futex woken) whenever the
 *                  holder of WALWriteLock is done.  A committer that finds
 *                  a flush under way sleeps on it rather than queueing for
 *                  the lock: when the flush ends, every committer whose
 *                  record it covered returns at once, and only one of the
 *                  others becomes the next flusher — instead of all of them
 *                  taking the lock in turn just to see they are done, which
 *                  on a busy machine kept the next flush from gathering
 *                  many commits (PostgreSQL's LWLockAcquireOrWait serves
 *                  the same purpose).
 * Lock order: WALInsertLock before WALWriteLock (an inserter that needs a
 * buffer still holding unwritten WAL writes it out); a flusher never takes
 * WALInsertLock.
 *
 * The WAL buffers are a ring of XLOGbuffers pages; page p of the log lives
 * in slot p % XLOGbuffers, and xlblocks[slot] is the end position of the
 * page the slot holds.  Pages are written whole, from the page holding the
 * current write position to the page holding the target.
 */
#include "postgres.h"

#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <string>
#include <type_traits>
#include <utility>

#include "access/xlog.h"
#include "access/xlog_internal.h"
#include "access/xlogrecord.h"
#include "access/transam/xlog_insert_internal.h"
#include "miscadmin.h"
#include "port/atomics.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "storage/spin.h"
#include "utils/errcodes.h"
#include "utils/guc.h"

int wal_segment_size = DEFAULT_XLOG_SEG_SIZE;
int XLOGbuffers = -1;
int sync_method = SYNC_METHOD_FDATASYNC;
bool fullPageWrites = true;
int wal_compression = WAL_COMPRESSION_NONE;
XLogRecPtr ProcLastRecPtr = InvalidXLogRecPtr;
XLogRecPtr XactLastRecEnd = InvalidXLogRecPtr;

namespace {

constexpr TimeLineID kTimeLine = 1;

struct XLogCtlData
{
	/* Under WALInsertLock. */
	XLogRecPtr insert_pos;	/* where the next record goes (MAXALIGN'd) */
	XLogRecPtr prev_record; /* start of the last record inserted */
	XLogRecPtr redo;		/* redo point of the last checkpoint */

	/* Everything before this is complete in the buffers (atomic). */
	pg_atomic_uint64 inserted_upto;
	/* During recovery: the end of the last record replayed (atomic). */
	pg_atomic_uint64 replay_end;
	/* Bumped when a holder of WALWriteLock is done (futex word). */
	pg_atomic_uint32 flush_gen;

	/* Under info_lck; changed only by the holder of WALWriteLock. */
	slock_t info_lck;
	XLogRecPtr write_pos; /* written up to here */
	XLogRecPtr flush_pos; /* and synced up to here */
	XLogRecPtr redo_copy; /* a copy of redo readable without WALInsertLock */

	uint64 system_identifier;
	/* Nonzero until the startup process has replayed the log; read by
	 * every process without a lock (InRecovery / SetInRecovery). */
	pg_atomic_uint32 in_recovery;
	int nbuffers;

	pg_atomic_uint64 records;
	pg_atomic_uint64 fpi;
	pg_atomic_uint64 bytes;
	pg_atomic_uint64 buffers_full;
	pg_atomic_uint64 writes;
	pg_atomic_uint64 syncs;
	pg_atomic_uint64 segments_created;

	/* Then xlblocks[nbuffers], then the pages (aligned). */
};
static_assert(std::is_trivially_copyable_v<XLogCtlData>);

XLogCtlData *XLogCtl = nullptr;

/* This process's open segment file, for writing. */
int open_fd = -1;
XLogSegNo open_segno = 0;

/* Whether recovery is still going on.  The read is followed by an acquire
 * barrier, so a process that sees recovery over also sees everything the
 * startup process did before ending it. */
bool InRecovery()
{
	bool in_recovery = pg_atomic_read_u32(&XLogCtl->in_recovery) != 0;
	pg_read_barrier();
	return in_recovery;
}

/* A full barrier on both sides (the exchange is sequentially consistent). */
void SetInRecovery(bool in_recovery)
{
	(void) pg_atomic_exchange_u32(&XLogCtl->in_recovery, in_recovery ? 1 : 0);
}

int NumBuffers()
{
	if (XLOGbuffers > 0)
		return Max(XLOGbuffers, 4);
	/* PostgreSQL's automatic choice: shared_buffers / 32, at least 64 kB,
	 * at most one segment. */
	int n = NBuffers / 32;
	n = Min(n, wal_segment_size / XLOG_BLCKSZ);
	return Max(n, 8);
}

XLogRecPtr *XLBlocks()
{
	return reinterpret_cast<XLogRecPtr *>(reinterpret_cast<char *>(XLogCtl) +
										  MAXALIGN(sizeof(XLogCtlData)));
}

char *Pages()
{
	char *p = reinterpret_cast<char *>(XLBlocks()) +
		MAXALIGN(sizeof(XLogRecPtr) * static_cast<Size>(XLogCtl->nbuffers));
	return reinterpret_cast<char *>(TYPEALIGN(XLOG_BLCKSZ, p));
}

int SlotOf(XLogRecPtr pos)
{
	return static_cast<int>((pos / XLOG_BLCKSZ) % static_cast<uint64>(XLogCtl->nbuffers));
}

char *PageOfSlot(int slot)
{
	return Pages() + static_cast<Size>(slot) * XLOG_BLCKSZ;
}

struct Positions
{
	XLogRecPtr write;
	XLogRecPtr flush;
};

Positions ReadPositions()
{
	tusk::SpinLockGuard info(&XLogCtl->info_lck);
	return Positions{XLogCtl->write_pos, XLogCtl->flush_pos};
}

/* A path in pg_wal, built without allocating: segments are opened and
 * created while writing WAL, which happens inside critical sections. */
struct WalPath
{
	char path[MAXPGPATH];

	const char *c_str() const { return path; }
};

WalPath SegmentPath(XLogSegNo segno)
{
	char name[MAXFNAMELEN];
	XLogFileName(name, kTimeLine, segno, wal_segment_size);
	WalPath p;
	snprintf(p.path, sizeof p.path, "%s/%s", XLOGDIR, name);
	return p;
}

int OpenFlags()
{
	int flags = O_RDWR | O_CLOEXEC;
	if (enableFsync && sync_method == SYNC_METHOD_OPEN)
		flags |= O_SYNC;
	else if (enableFsync && sync_method == SYNC_METHOD_OPEN_DSYNC)
		flags |= O_DSYNC;
	return flags;
}

void FsyncDirectory(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		ereport(PANIC, errcode_for_file_access(), errmsg("could not open file \"%s\": %m", path));
	if (enableFsync && fsync(fd) != 0)
	{
		int save_errno = errno;
		close(fd);
		errno = save_errno;
		ereport(PANIC, errcode_for_file_access(), errmsg("could not fsync file \"%s\": %m", path));
	}
	close(fd);
}

/* Create a segment filled with zeroes (under a temporary name, then
 * renamed into place, so a crash never leaves a short segment). */
void CreateSegment(XLogSegNo segno)
{
	WalPath tmp;
	snprintf(tmp.path, sizeof tmp.path, "%s/xlogtemp.%d", XLOGDIR, MyProcPid);
	unlink(tmp.c_str());
	int fd = open(tmp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not create file \"%s\": %m", tmp.c_str()));
	alignas(8) static char zeroes[XLOG_BLCKSZ * 16];
	for (off_t off = 0; off < wal_segment_size;)
	{
		size_t n = Min(sizeof zeroes, static_cast<size_t>(wal_segment_size - off));
		ssize_t w = pwrite(fd, zeroes, n, off);
		if (w <= 0)
		{
			int save_errno = w < 0 ? errno : ENOSPC;
			close(fd);
			unlink(tmp.c_str());
			errno = save_errno;
			ereport(ERROR, errcode_for_file_access(),
					errmsg("could not write to file \"%s\": %m", tmp.c_str()));
		}
		off += w;
	}
	if (enableFsync && fsync(fd) != 0)
	{
		int save_errno = errno;
		close(fd);
		errno = save_errno;
		ereport(PANIC, errcode_for_file_access(),
				errmsg("could not fsync file \"%s\": %m", tmp.c_str()));
	}
	close(fd);
	WalPath path = SegmentPath(segno);
	if (rename(tmp.c_str(), path.c_str()) != 0)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not rename file \"%s\" to \"%s\": %m", tmp.c_str(), path.c_str()));
	FsyncDirectory(XLOGDIR);
	pg_atomic_fetch_add_u64(&XLogCtl->segments_created, 1);
}

void SyncOpenSegment()
{
	if (!enableFsync || sync_method == SYNC_METHOD_OPEN || sync_method == SYNC_METHOD_OPEN_DSYNC)
		return;
	int rc = sync_method == SYNC_METHOD_FSYNC ? fsync(open_fd) : fdatasync(open_fd);
	if (rc != 0)
	{
		/* The kernel may have dropped the pages it failed to write: the
		 * only safe course is to crash and replay from the last checkpoint. */
		ereport(PANIC, errcode_for_file_access(),
				errmsg("could not fsync file \"%s\": %m", SegmentPath(open_segno).c_str()));
	}
	pg_atomic_fetch_add_u64(&XLogCtl->syncs, 1);
}

void CloseSegment()
{
	if (open_fd >= 0)
	{
		close(open_fd);
		open_fd = -1;
	}
}

void OpenSegment(XLogSegNo segno)
{
	CloseSegment();
	WalPath path = SegmentPath(segno);
	int fd = open(path.c_str(), OpenFlags());
	if (fd < 0 && errno == ENOENT)
	{
		CreateSegment(segno);
		fd = open(path.c_str(), OpenFlags());
	}
	if (fd < 0)
		ereport(PANIC, errcode_for_file_access(),
				errmsg("could not open file \"%s\": %m", path.c_str()));
	open_fd = fd;
	open_segno = segno;
}

/*
 * Write the WAL buffers from the write position up to target (bytes
 * before target must be complete in the buffers), then sync if asked.
 * A segment that is finished is synced before it is closed, so a sync
 * request only ever concerns the open segment.  Caller holds WALWriteLock.
 */
void XLogWrite(XLogRecPtr target, bool flush)
{
	Positions pos = ReadPositions();
	XLogRecPtr write = pos.write;
	bool wrote_since_sync = pos.flush < write;

	while (write < target)
	{
		XLogRecPtr page = write - write % XLOG_BLCKSZ;
		XLogSegNo segno = XLByteToSeg(page, wal_segment_size);
		XLogRecPtr seg_end = XLogSegNoOffsetToRecPtr(segno + 1, 0, wal_segment_size);
		if (open_fd < 0 || open_segno != segno)
			OpenSegment(segno);

		/* Contiguous pages: within the segment and the ring. */
		int first = SlotOf(page);
		XLogRecPtr end = page;
		int npages = 0;
		while (end < target && end < seg_end && first + npages < XLogCtl->nbuffers)
		{
			Assert(XLBlocks()[first + npages] == end + XLOG_BLCKSZ);
			end += XLOG_BLCKSZ;
			npages++;
		}
		off_t offset = static_cast<off_t>(XLogSegmentOffset(page, wal_segment_size));
		const char *from = PageOfSlot(first);
		Size len = static_cast<Size>(npages) * XLOG_BLCKSZ;
		while (len > 0)
		{
			ssize_t w = pwrite(open_fd, from, len, offset);
			if (w <= 0)
			{
				if (w < 0 && errno == EINTR)
					continue;
				if (w == 0)
					errno = ENOSPC;
				ereport(PANIC, errcode_for_file_access(),
						errmsg("could not write to log file %s at offset %u, length %zu: %m",
							   SegmentPath(segno).c_str() + strlen(XLOGDIR) + 1,
							   static_cast<unsigned>(offset), len));
			}
			from += w;
			offset += w;
			len -= static_cast<Size>(w);
		}
		pg_atomic_fetch_add_u64(&XLogCtl->writes, 1);
		write = Min(end, target);
		wrote_since_sync = true;

		if (write == seg_end)
		{
			/* A finished segment is synced now: later syncs only see the
			 * open one. */
			SyncOpenSegment();
			wrote_since_sync = false;
			{
				tusk::SpinLockGuard info(&XLogCtl->info_lck);
				XLogCtl->write_pos = write;
				XLogCtl->flush_pos = Max(XLogCtl->flush_pos, write);
			}
			CloseSegment();
		}
	}

	XLogRecPtr flushed = pos.flush;
	if (flush && wrote_since_sync)
	{
		if (open_fd < 0 || open_segno != XLByteToSeg(write - 1, wal_segment_size))
			OpenSegment(XLByteToSeg(write - 1, wal_segment_size));
		SyncOpenSegment();
		flushed = write;
	}
	else if (flush)
		flushed = write;
	tusk::SpinLockGuard info(&XLogCtl->info_lck);
	XLogCtl->write_pos = Max(XLogCtl->write_pos, write);
	XLogCtl->flush_pos = Max(XLogCtl->flush_pos, flushed);
}

/* WALWriteLock, held until the end of the scope; letting go of it also
 * wakes those who wait for a flush to end. */
class WALWriteGuard
{
  public:
	explicit WALWriteGuard(tusk::LWLockGuard lock) : lock_(std::move(lock)) {}
	~WALWriteGuard()
	{
		if (!lock_.held())
			return;
		pg_atomic_fetch_add_u32(&XLogCtl->flush_gen, 1);
		lock_.Release();
		(void) syscall(SYS_futex, &XLogCtl->flush_gen.value, FUTEX_WAKE, INT_MAX, nullptr, nullptr,
					   0);
	}
	WALWriteGuard(const WALWriteGuard &) = delete;
	WALWriteGuard &operator=(const WALWriteGuard &) = delete;

	bool held() const { return lock_.held(); }

  private:
	tusk::LWLockGuard lock_;
};

/* Sleep until flush_gen differs from gen (or a short while has passed). */
void WaitForFlushEnd(uint32 gen)
{
	struct timespec timeout = {0, 10 * 1000 * 1000};
	(void) syscall(SYS_futex, &XLogCtl->flush_gen.value, FUTEX_WAIT, gen, &timeout, nullptr, 0);
}

/*
 * Make the ring slot for the page starting at page_start hold that page,
 * zeroed, with its header.  If the slot still holds an older page that is
 * not written, write it (and everything before it) first.  Caller holds
 * WALInsertLock and has copied everything before page_start.
 */
char *InitPage(XLogRecPtr page_start, uint32 rem_len)
{
	int slot = SlotOf(page_start);
	XLogRecPtr old_end = XLBlocks()[slot];
	if (old_end != 0 && old_end > ReadPositions().write)
	{
		pg_atomic_fetch_add_u64(&XLogCtl->buffers_full, 1);
		WALWriteGuard write_lock{tusk::LWLockGuard(WALWriteLock, LW_EXCLUSIVE)};
		if (old_end > ReadPositions().write)
			XLogWrite(old_end, false);
	}
	char *page = PageOfSlot(slot);
	memset(page, 0, XLOG_BLCKSZ);
	auto *hdr = reinterpret_cast<XLogPageHeader>(page);
	hdr->xlp_magic = XLOG_PAGE_MAGIC;
	hdr->xlp_tli = kTimeLine;
	hdr->xlp_pageaddr = page_start;
	hdr->xlp_rem_len = rem_len;
	if (rem_len > 0)
		hdr->xlp_info |= XLP_FIRST_IS_CONTRECORD;
	if (XLogSegmentOffset(page_start, wal_segment_size) == 0)
	{
		auto *lhdr = reinterpret_cast<XLogLongPageHeader>(page);
		hdr->xlp_info |= XLP_LONG_HEADER;
		lhdr->xlp_sysid = XLogCtl->system_identifier;
		lhdr->xlp_seg_size = static_cast<uint32>(wal_segment_size);
		lhdr->xlp_xlog_blcksz = XLOG_BLCKSZ;
	}
	XLBlocks()[slot] = page_start + XLOG_BLCKSZ;
	return page;
}

Size PageHeaderSize(XLogRecPtr page_start)
{
	return XLogSegmentOffset(page_start, wal_segment_size) == 0 ? SizeOfXLogLongPHD
																: SizeOfXLogShortPHD;
}

/* Where a record placed at insert position pos would start: past a page
 * header, or on the next page if its header would not fit on this one. */
XLogRecPtr NextRecordStart(XLogRecPtr pos)
{
	if (pos % XLOG_BLCKSZ != 0 && XLOG_BLCKSZ - pos % XLOG_BLCKSZ < SizeOfXLogRecord)
		pos += XLOG_BLCKSZ - pos % XLOG_BLCKSZ;
	if (pos % XLOG_BLCKSZ == 0)
		pos += PageHeaderSize(pos);
	return pos;
}

}  // namespace

XLogRecPtr tusk::xlog::BeginCheckpointRedo()
{
	tusk::LWLockGuard insert(WALInsertLock, LW_EXCLUSIVE);
	XLogRecPtr redo = NextRecordStart(XLogCtl->insert_pos);
	XLogCtl->redo = redo;
	tusk::SpinLockGuard info(&XLogCtl->info_lck);
	XLogCtl->redo_copy = redo;
	return redo;
}

Size XLOGShmemSize(void)
{
	/* As PostgreSQL: SHOW wal_buffers tells what -1 came to. */
	if (XLOGbuffers == -1 && IsPostmasterEnvironment)
	{
		std::string value = std::to_string(NumBuffers());
		SetConfigOption("wal_buffers", value.c_str(), PGC_POSTMASTER, PGC_S_DYNAMIC_DEFAULT);
		if (XLOGbuffers == -1)
			SetConfigOption("wal_buffers", value.c_str(), PGC_POSTMASTER, PGC_S_OVERRIDE);
	}
	Size size = MAXALIGN(sizeof(XLogCtlData));
	size = add_size(size, MAXALIGN(sizeof(XLogRecPtr) * static_cast<Size>(NumBuffers())));
	size = add_size(size, XLOG_BLCKSZ); /* alignment of the pages */
	size = add_size(size, mul_size(NumBuffers(), XLOG_BLCKSZ));
	return size;
}

void XLOGShmemInit(void)
{
	bool found;
	XLogCtl = static_cast<XLogCtlData *>(ShmemInitStruct("XLOG Ctl", XLOGShmemSize(), &found));
	if (found)
		return;
	memset(XLogCtl, 0, sizeof(XLogCtlData));
	SpinLockInit(&XLogCtl->info_lck);
	XLogCtl->nbuffers = NumBuffers();
	pg_atomic_init_u64(&XLogCtl->inserted_upto, 0);
	pg_atomic_init_u64(&XLogCtl->replay_end, 0);
	pg_atomic_init_u32(&XLogCtl->flush_gen, 0);
	for (pg_atomic_uint64 *c :
		 {&XLogCtl->records, &XLogCtl->fpi, &XLogCtl->bytes, &XLogCtl->buffers_full,
		  &XLogCtl->writes, &XLogCtl->syncs, &XLogCtl->segments_created})
		pg_atomic_init_u64(c, 0);
	memset(XLBlocks(), 0, sizeof(XLogRecPtr) * static_cast<Size>(XLogCtl->nbuffers));
	/* Until the startup process says where the log ends, nothing may be
	 * inserted. */
	pg_atomic_init_u32(&XLogCtl->in_recovery, 1);
	/* This process's file belongs to the previous segment's life. */
	open_fd = -1;
}

void XLogStartInsertingAt(uint64 system_identifier, XLogRecPtr end_of_log, XLogRecPtr last_record,
						  XLogRecPtr redo)
{
	tusk::LWLockGuard insert(WALInsertLock, LW_EXCLUSIVE);
	XLogCtl->system_identifier = system_identifier;
	XLogCtl->insert_pos = end_of_log;
	XLogCtl->prev_record = last_record;
	XLogCtl->redo = redo;
	memset(XLBlocks(), 0, sizeof(XLogRecPtr) * static_cast<Size>(XLogCtl->nbuffers));

	/* The page holding the end of the log continues to be filled: put its
	 * on-disk beginning in the buffer (pages are written whole), zeroes
	 * after the end, so whatever a torn write left there is overwritten. */
	if (end_of_log % XLOG_BLCKSZ != 0)
	{
		XLogRecPtr page_start = end_of_log - end_of_log % XLOG_BLCKSZ;
		int slot = SlotOf(page_start);
		char *page = PageOfSlot(slot);
		memset(page, 0, XLOG_BLCKSZ);
		WalPath path = SegmentPath(XLByteToSeg(page_start, wal_segment_size));
		int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			ereport(PANIC, errcode_for_file_access(),
					errmsg("could not open file \"%s\": %m", path.c_str()));
		Size keep = end_of_log - page_start;
		ssize_t n = pread(fd, page, keep,
						  static_cast<off_t>(XLogSegmentOffset(page_start, wal_segment_size)));
		int save_errno = errno;
		close(fd);
		if (n != static_cast<ssize_t>(keep))
		{
			errno = n < 0 ? save_errno : EIO;
			ereport(PANIC, errcode_for_file_access(),
					errmsg("could not read file \"%s\": %m", path.c_str()));
		}
		XLBlocks()[slot] = page_start + XLOG_BLCKSZ;
	}
	pg_atomic_write_u64(&XLogCtl->inserted_upto, end_of_log);
	{
		tusk::SpinLockGuard info(&XLogCtl->info_lck);
		XLogCtl->write_pos = end_of_log;
		XLogCtl->flush_pos = end_of_log;
		XLogCtl->redo_copy = redo;
	}
	SetInRecovery(false);
}

void XLogSetRedoRecPtr(XLogRecPtr redo)
{
	tusk::LWLockGuard insert(WALInsertLock, LW_EXCLUSIVE);
	XLogCtl->redo = redo;
	tusk::SpinLockGuard info(&XLogCtl->info_lck);
	XLogCtl->redo_copy = redo;
}

void XLogSetReplayEnd(XLogRecPtr end)
{
	pg_atomic_write_u64(&XLogCtl->replay_end, end);
}

void XLogSetRecoveryInProgress(bool in_recovery)
{
	SetInRecovery(in_recovery);
}

bool RecoveryInProgress(void)
{
	return XLogCtl == nullptr || InRecovery();
}

/*
 * Place a record in the log: chunks hold the record (its header first,
 * xl_prev and xl_crc to be filled in here; crc_so_far covers everything
 * after the header).  If the redo point moved past fpw_lsn since the
 * record was assembled, a page it references now needs an image: return
 * InvalidXLogRecPtr and the caller assembles again.
 */
XLogRecPtr tusk::xlog::InsertRecord(std::span<const Chunk> chunks, pg_crc32c crc_so_far,
									XLogRecPtr fpw_lsn, int num_fpi)
{
	if (InRecovery())
		elog(ERROR, "cannot make new WAL entries during recovery");
	auto *rec = reinterpret_cast<XLogRecord *>(const_cast<char *>(chunks[0].data));
	uint32 total = rec->xl_tot_len;

	tusk::LWLockGuard insert(WALInsertLock, LW_EXCLUSIVE);
	if (fpw_lsn != InvalidXLogRecPtr && fpw_lsn <= XLogCtl->redo)
		return InvalidXLogRecPtr;

	/* Where the record starts: never with its header split over pages. */
	XLogRecPtr pos = XLogCtl->insert_pos;
	char *page;
	if (NextRecordStart(pos) != pos)
	{
		pos -= pos % XLOG_BLCKSZ;
		if (pos < XLogCtl->insert_pos)
			pos += XLOG_BLCKSZ;
		page = InitPage(pos, 0);
		pos += PageHeaderSize(pos);
	}
	else
		page = PageOfSlot(SlotOf(pos));
	XLogRecPtr start = pos;

	rec->xl_prev = XLogCtl->prev_record;
	pg_crc32c crc = tusk::common::Crc32cUpdate(crc_so_far, rec, offsetof(XLogRecord, xl_crc));
	rec->xl_crc = tusk::common::Crc32cFinish(crc);

	/* Copy, starting new pages as the record crosses them. */
	uint32 left = total;
	for (const Chunk &c : chunks)
	{
		const char *from = c.data;
		uint32 len = c.len;
		while (len > 0)
		{
			if (pos % XLOG_BLCKSZ == 0)
			{
				page = InitPage(pos, left);
				pos += PageHeaderSize(pos);
			}
			uint32 room = static_cast<uint32>(XLOG_BLCKSZ - pos % XLOG_BLCKSZ);
			uint32 n = Min(room, len);
			memcpy(page + pos % XLOG_BLCKSZ, from, n);
			pos += n;
			from += n;
			len -= n;
			left -= n;
		}
	}
	Assert(left == 0);
	XLogRecPtr end = MAXALIGN(pos);
	XLogCtl->insert_pos = end;
	XLogCtl->prev_record = start;
	pg_atomic_write_u64(&XLogCtl->inserted_upto, end);
	insert.Release();
	ProcLastRecPtr = start;
	XactLastRecEnd = end;

	pg_atomic_fetch_add_u64(&XLogCtl->records, 1);
	pg_atomic_fetch_add_u64(&XLogCtl->fpi, static_cast<uint64>(num_fpi));
	pg_atomic_fetch_add_u64(&XLogCtl->bytes, total);
	return end;
}

XLogRecPtr tusk::xlog::GetRedoForInsert(bool *do_fpw)
{
	*do_fpw = fullPageWrites;
	tusk::SpinLockGuard info(&XLogCtl->info_lck);
	return XLogCtl->redo_copy;
}

void XLogFlush(XLogRecPtr record)
{
	if (record <= ReadPositions().flush)
		return;
	if (InRecovery())
	{
		/* Pages written during replay carry LSNs of WAL read from disk:
		 * anything replayed is durable already. */
		XLogRecPtr replayed = pg_atomic_read_u64(&XLogCtl->replay_end);
		if (record <= replayed)
			return;
		elog(ERROR, "xlog flush request %X/%X is not satisfied --- flushed only to %X/%X",
			 LSN_FORMAT_ARGS(record), LSN_FORMAT_ARGS(replayed));
	}
	while (record > ReadPositions().flush)
	{
		uint32 gen = pg_atomic_read_u32(&XLogCtl->flush_gen);
		WALWriteGuard write_lock{tusk::LWLockGuard::TryAcquire(WALWriteLock, LW_EXCLUSIVE)};
		if (!write_lock.held())
		{
			/* A flush is under way: most likely it takes our record too. */
			WaitForFlushEnd(gen);
			continue;
		}
		if (record > ReadPositions().flush)
		{
			/* Write and sync everything inserted so far: committers
			 * waiting meanwhile find their records flushed already. */
			XLogRecPtr target = pg_atomic_read_u64(&XLogCtl->inserted_upto);
			if (record > target)
				break; /* never inserted: reported below */
			XLogWrite(target, true);
		}
	}
	XLogRecPtr flushed = ReadPositions().flush;
	if (record > flushed)
		elog(ERROR, "xlog flush request %X/%X is not satisfied --- flushed only to %X/%X",
			 LSN_FORMAT_ARGS(record), LSN_FORMAT_ARGS(flushed));
}

bool XLogNeedsFlush(XLogRecPtr record)
{
	if (InRecovery())
		return false; /* replayed WAL is on disk already */
	return record > ReadPositions().flush;
}

XLogRecPtr GetFlushRecPtr(TimeLineID *insertTLI)
{
	if (insertTLI != nullptr)
		*insertTLI = kTimeLine;
	return XLogCtl == nullptr ? InvalidXLogRecPtr : ReadPositions().flush;
}

XLogRecPtr GetXLogInsertRecPtr(void)
{
	return pg_atomic_read_u64(&XLogCtl->inserted_upto);
}

XLogRecPtr GetRedoRecPtr(void)
{
	bool unused;
	return tusk::xlog::GetRedoForInsert(&unused);
}

uint64 GetSystemIdentifier(void)
{
	return XLogCtl->system_identifier;
}

void GetWalUsageStats(WalUsageStats *stats)
{
	stats->wal_records = pg_atomic_read_u64(&XLogCtl->records);
	stats->wal_fpi = pg_atomic_read_u64(&XLogCtl->fpi);
	stats->wal_bytes = pg_atomic_read_u64(&XLogCtl->bytes);
	stats->wal_buffers_full = pg_atomic_read_u64(&XLogCtl->buffers_full);
	stats->wal_write = pg_atomic_read_u64(&XLogCtl->writes);
	stats->wal_sync = pg_atomic_read_u64(&XLogCtl->syncs);
}

uint64 XLogSegmentsCreated(void)
{
	return pg_atomic_read_u64(&XLogCtl->segments_created);
}

void XLogCloseFiles(void)
{
	CloseSegment();
}

void XLogFileName(char *fname, TimeLineID tli, XLogSegNo segno, int wal_segsz_bytes)
{
	uint64 per_id = XLogSegmentsPerXLogId(static_cast<uint64>(wal_segsz_bytes));
	snprintf(fname, MAXFNAMELEN, "%08X%08X%08X", tli, static_cast<uint32>(segno / per_id),
			 static_cast<uint32>(segno % per_id));
}
