/*
 * xloginsert.cpp — assembling WAL records (see access/xloginsert.h).
 *
 * Principal entry points: XLogBeginInsert, XLogRegisterData,
 * XLogRegisterBuffer, XLogRegisterBufData, XLogInsert.
 *
 * What the caller registers is kept in this process until XLogInsert,
 * which lays the record out (access/xlogrecord.h), decides which pages
 * need a full-page image — a page whose LSN is at or before the redo point
 * of the last checkpoint was not changed since, so a torn write of it
 * could not be repaired from the WAL after that point — and hands the
 * pieces to xlog.cpp.  If a checkpoint moves the redo point while the
 * record is being assembled, xlog.cpp refuses it and the record is
 * assembled again with the images now needed.
 *
 * All of this runs inside critical sections, where an allocation that
 * fails would be a PANIC, so it allocates nothing: every piece of state —
 * the registered blocks, the list of data pieces, the header scratch
 * area, one compression buffer per block and zlib's own working memory —
 * is static storage sized for the largest record (XLR_MAX_BLOCK_ID + 1
 * blocks, kMaxRdatas data pieces).  Registered data is referenced, not
 * copied; an uncompressed page image is referenced in two pieces around
 * its hole.  Static storage costs only the pages a process touches.
 */
#include "postgres.h"

#include <zlib.h>

#include <span>

#include "access/transam/xlog_insert_internal.h"
#include "access/xlog.h"
#include "access/xact.h"
#include "access/xloginsert.h"
#include "access/xlogrecord.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/bufpage.h"

namespace {

using tusk::xlog::Chunk;

constexpr int kMaxBlocks = XLR_MAX_BLOCK_ID + 1;

/* Data pieces (XLogRegisterData and XLogRegisterBufData calls) one record
 * may have; far more than any record of Tusk's has. */
constexpr int kMaxRdatas = 256;

/* The largest header area: the record header, each block's headers (with
 * an image header and its relation) and the main-data length. */
constexpr size_t kMaxHeaderSize = SizeOfXLogRecord +
	kMaxBlocks *
		(SizeOfXLogRecordBlockHeader + SizeOfXLogRecordBlockImageHeader + sizeof(RelFileNode) +
		 sizeof(BlockNumber)) +
	1 + sizeof(uint32);

/* One registered data piece, in a singly linked list per block (and one
 * for the main data). */
struct RData
{
	Chunk chunk;
	int next; /* index into InsertState::rdatas, or -1 */
};

struct DataList
{
	int head = -1;
	int tail = -1;
	uint32 len = 0;
};

struct RegisteredBuffer
{
	bool in_use = false;
	uint8 flags = 0;
	RelFileNode rnode{};
	ForkNumber forknum = MAIN_FORKNUM;
	BlockNumber block = InvalidBlockNumber;
	const char *page = nullptr;
	DataList data;
};

struct InsertState
{
	bool begun = false;
	RegisteredBuffer buffers[kMaxBlocks];
	int max_block_id = -1;
	RData rdatas[kMaxRdatas];
	int num_rdatas = 0;
	DataList main_data;
	FullTransactionId xid = InvalidFullTransactionId;
	bool xid_set = false; /* XLogSetRecordXid was called */

	/* Scratch for XLogInsert: the headers, the pieces handed to xlog.cpp,
	 * and each block's compressed image. */
	alignas(MAXIMUM_ALIGNOF) char header[kMaxHeaderSize];
	size_t header_len = 0;
	Chunk chunks[1 + 2 * kMaxBlocks + kMaxRdatas];
	alignas(MAXIMUM_ALIGNOF) char compressed[kMaxBlocks][BLCKSZ];
};

InsertState state;

/*
 * zlib's working memory comes from a static arena too: deflateInit2 takes
 * what it needs once (window and hash tables for an 8 kB window), and each
 * image after the first only resets the stream.  If the arena were ever too
 * small, images are simply stored uncompressed.
 */
constexpr int kDeflateWindowBits = 13; /* 8 kB: a page is the whole input */
constexpr int kDeflateMemLevel = 8;
constexpr size_t kDeflateArenaSize = 256 * 1024;

struct DeflateState
{
	alignas(MAXIMUM_ALIGNOF) char arena[kDeflateArenaSize];
	size_t used = 0;
	z_stream stream{};
	bool initialized = false;
	bool failed = false;
};

DeflateState deflate_state;

voidpf ArenaAlloc(voidpf, uInt items, uInt size)
{
	size_t want = MAXALIGN(static_cast<size_t>(items) * size);
	if (want > kDeflateArenaSize - deflate_state.used)
		return Z_NULL;
	void *p = deflate_state.arena + deflate_state.used;
	deflate_state.used += want;
	return p;
}

void ArenaFree(voidpf, voidpf)
{
	/* The arena lives as long as the process. */
}

/* A deflate stream ready for a new image, or nullptr if zlib could not be
 * set up (the images then go uncompressed). */
z_stream *ResetDeflate()
{
	DeflateState &d = deflate_state;
	if (d.failed)
		return nullptr;
	if (!d.initialized)
	{
		d.stream.zalloc = ArenaAlloc;
		d.stream.zfree = ArenaFree;
		d.stream.opaque = Z_NULL;
		if (deflateInit2(&d.stream, Z_BEST_SPEED, Z_DEFLATED, kDeflateWindowBits, kDeflateMemLevel,
						 Z_DEFAULT_STRATEGY) != Z_OK)
		{
			d.failed = true;
			return nullptr;
		}
		d.initialized = true;
		return &d.stream;
	}
	if (deflateReset(&d.stream) != Z_OK)
	{
		d.failed = true;
		return nullptr;
	}
	return &d.stream;
}

/* Compress the two pieces of a page image into out (smaller than their
 * sum, or not at all).  Returns the compressed length, 0 if not smaller. */
uint32 CompressImage(std::span<const Chunk, 2> pieces, char *out, uint32 raw_len)
{
	z_stream *z = ResetDeflate();
	if (z == nullptr || raw_len < 2)
		return 0;
	z->next_out = reinterpret_cast<Bytef *>(out);
	z->avail_out = raw_len - 1;
	int rc = Z_OK;
	for (int i = 0; i < 2 && rc == Z_OK; i++)
	{
		z->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(pieces[i].data));
		z->avail_in = pieces[i].len;
		rc = deflate(z, i == 1 ? Z_FINISH : Z_NO_FLUSH);
	}
	if (rc != Z_STREAM_END)
		return 0;
	return static_cast<uint32>(z->total_out);
}

void AppendHeader(const void *data, size_t len)
{
	Assert(state.header_len + len <= kMaxHeaderSize);
	memcpy(state.header + state.header_len, data, len);
	state.header_len += len;
}

template <typename T>
void AppendHeader(const T &value)
{
	AppendHeader(&value, sizeof(T));
}

/*
 * The image of a registered page: its two pieces around the hole (or the
 * whole page and an empty piece), compressed into the block's buffer when
 * that makes it smaller.  Appends the image's chunks to the output.
 */
uint32 AddImage(int id, XLogRecordBlockImageHeader *ih, Chunk *out, int *nout)
{
	RegisteredBuffer &rb = state.buffers[id];
	uint16 hole_offset = 0;
	uint16 hole_length = 0;
	if (rb.flags & REGBUF_STANDARD)
	{
		auto *ph = reinterpret_cast<const PageHeaderData *>(rb.page);
		uint16 lower = ph->pd_lower;
		uint16 upper = ph->pd_upper;
		if (lower >= SizeOfPageHeaderData && upper > lower && upper <= BLCKSZ)
		{
			hole_offset = lower;
			hole_length = static_cast<uint16>(upper - lower);
		}
	}
	const Chunk pieces[2] = {
		Chunk{rb.page, hole_offset},
		Chunk{rb.page + hole_offset + hole_length,
			  static_cast<uint32>(BLCKSZ - hole_offset - hole_length)},
	};
	uint32 raw_len = BLCKSZ - hole_length;

	ih->hole_offset = hole_offset;
	ih->hole_length = hole_length;
	ih->bimg_info = BKPIMAGE_APPLY | (hole_length > 0 ? BKPIMAGE_HAS_HOLE : 0);
	uint32 len = raw_len;
	uint32 packed = 0;
	if (wal_compression == WAL_COMPRESSION_ZLIB)
		packed = CompressImage(pieces, state.compressed[id], raw_len);
	if (packed > 0)
	{
		ih->bimg_info |= BKPIMAGE_COMPRESS_ZLIB;
		out[(*nout)++] = Chunk{state.compressed[id], packed};
		len = packed;
	}
	else
	{
		for (const Chunk &piece : pieces)
			if (piece.len > 0)
				out[(*nout)++] = piece;
	}
	ih->length = static_cast<uint16>(len);
	return len;
}

void AppendData(const DataList &list, Chunk *out, int *nout)
{
	for (int i = list.head; i >= 0; i = state.rdatas[i].next)
		if (state.rdatas[i].chunk.len > 0)
			out[(*nout)++] = state.rdatas[i].chunk;
}

/* Lay the record out into state.header and state.chunks (chunks[0] is the
 * header area); returns the number of chunks. */
int Assemble(RmgrId rmid, uint8 info, XLogRecPtr *fpw_lsn, int *num_fpi, pg_crc32c *crc)
{
	InsertState &st = state;
	bool do_fpw;
	XLogRecPtr redo = tusk::xlog::GetRedoForInsert(&do_fpw);
	st.header_len = 0;
	XLogRecord blank{};
	AppendHeader(&blank, SizeOfXLogRecord);
	Chunk *out = st.chunks;
	int nout = 1; /* chunks[0]: the header, filled in last */
	uint64 payload_len = 0;
	*fpw_lsn = InvalidXLogRecPtr;
	*num_fpi = 0;
	const RelFileNode *prev_rnode = nullptr;

	for (int id = 0; id <= st.max_block_id; id++)
	{
		RegisteredBuffer &rb = st.buffers[id];
		if (!rb.in_use)
			continue;
		bool needs_backup;
		if (rb.flags & REGBUF_FORCE_IMAGE)
			needs_backup = true;
		else if ((rb.flags & REGBUF_NO_IMAGE) || !do_fpw || rb.page == nullptr)
			needs_backup = false;
		else
		{
			XLogRecPtr page_lsn = PageGetLSN(const_cast<char *>(rb.page));
			needs_backup = page_lsn <= redo;
			if (!needs_backup && (*fpw_lsn == InvalidXLogRecPtr || page_lsn < *fpw_lsn))
				*fpw_lsn = page_lsn;
		}
		bool needs_data = rb.data.len > 0 && (!needs_backup || (rb.flags & REGBUF_KEEP_DATA));

		XLogRecordBlockHeader bh{};
		bh.id = static_cast<uint8>(id);
		bh.fork_flags = static_cast<uint8>(rb.forknum);
		if ((rb.flags & REGBUF_WILL_INIT) == REGBUF_WILL_INIT)
			bh.fork_flags |= BKPBLOCK_WILL_INIT;
		XLogRecordBlockImageHeader ih{};
		if (needs_backup)
		{
			payload_len += AddImage(id, &ih, out, &nout);
			bh.fork_flags |= BKPBLOCK_HAS_IMAGE;
			(*num_fpi)++;
		}
		if (needs_data)
		{
			if (rb.data.len > UINT16_MAX)
				ereport(ERROR, errmsg_internal("too much WAL data"),
						errdetail_internal("%u out of %u bytes of data for block %d", rb.data.len,
										   static_cast<unsigned>(UINT16_MAX), id));
			bh.fork_flags |= BKPBLOCK_HAS_DATA;
			bh.data_length = static_cast<uint16>(rb.data.len);
			AppendData(rb.data, out, &nout);
			payload_len += rb.data.len;
		}
		bool same_rel = prev_rnode != nullptr && RelFileNodeEquals(*prev_rnode, rb.rnode);
		if (same_rel)
			bh.fork_flags |= BKPBLOCK_SAME_REL;
		AppendHeader(&bh, SizeOfXLogRecordBlockHeader);
		if (needs_backup)
			AppendHeader(&ih, SizeOfXLogRecordBlockImageHeader);
		if (!same_rel)
			AppendHeader(rb.rnode);
		AppendHeader(rb.block);
		prev_rnode = &rb.rnode;
	}

	if (st.main_data.len > 0)
	{
		if (st.main_data.len <= UINT8_MAX)
		{
			const uint8 short_header[2] = {XLR_BLOCK_ID_DATA_SHORT,
										   static_cast<uint8>(st.main_data.len)};
			AppendHeader(short_header, sizeof short_header);
		}
		else
		{
			const uint8 long_id = XLR_BLOCK_ID_DATA_LONG;
			AppendHeader(long_id);
			AppendHeader(st.main_data.len);
		}
		AppendData(st.main_data, out, &nout);
		payload_len += st.main_data.len;
	}

	uint64 total = st.header_len + payload_len;
	if (total > XLogRecordMaxSize)
		ereport(ERROR, errmsg_internal("oversized WAL record"),
				errdetail_internal("WAL record would be %llu bytes (of maximum %u bytes); rmid %u "
								   "flags %u.",
								   static_cast<unsigned long long>(total), XLogRecordMaxSize, rmid,
								   info));
	auto *rec = reinterpret_cast<XLogRecord *>(st.header);
	rec->xl_tot_len = static_cast<uint32>(total);
	rec->xl_info = info;
	rec->xl_rmid = rmid;
	/* The record belongs to the running (sub)transaction unless told
	 * otherwise: heap replay stamps new tuples with this id, so a
	 * subtransaction's rows must carry its own. */
	rec->xl_xid = st.xid_set ? st.xid : GetCurrentFullTransactionIdIfAny();
	out[0] = Chunk{st.header, static_cast<uint32>(st.header_len)};

	pg_crc32c c = tusk::common::Crc32cInit();
	c = tusk::common::Crc32cUpdate(c, st.header + SizeOfXLogRecord,
								   st.header_len - SizeOfXLogRecord);
	for (int i = 1; i < nout; i++)
		c = tusk::common::Crc32cUpdate(c, out[i].data, out[i].len);
	*crc = c;
	return nout;
}

void CheckBegun()
{
	if (!state.begun)
		elog(ERROR, "XLogBeginInsert was not called");
}

/* Append a data piece to a list; ERROR (PANIC in a critical section, as in
 * PostgreSQL) beyond the record's capacity. */
void AddData(DataList &list, const char *data, uint32 len)
{
	if (state.num_rdatas >= kMaxRdatas)
		ereport(ERROR, errmsg_internal("too much WAL data"),
				errdetail_internal("%d out of %d data segments are already in use.",
								   state.num_rdatas, kMaxRdatas));
	int i = state.num_rdatas++;
	state.rdatas[i] = RData{Chunk{data, len}, -1};
	if (list.tail >= 0)
		state.rdatas[list.tail].next = i;
	else
		list.head = i;
	list.tail = i;
	list.len += len;
}

RegisteredBuffer &Register(uint8 block_id, uint8 flags)
{
	CheckBegun();
	if (block_id > XLR_MAX_BLOCK_ID)
		elog(ERROR, "too many registered buffers");
	RegisteredBuffer &rb = state.buffers[block_id];
	if (rb.in_use)
		elog(ERROR, "block %u registered twice in one WAL record", block_id);
	rb.in_use = true;
	rb.flags = flags;
	rb.data = DataList{};
	state.max_block_id = Max(state.max_block_id, static_cast<int>(block_id));
	return rb;
}

}  // namespace

void XLogBeginInsert(void)
{
	if (RecoveryInProgress())
		elog(ERROR, "cannot make new WAL entries during recovery");
	if (state.begun)
		elog(ERROR, "XLogBeginInsert was already called");
	state.begun = true;
}

void XLogResetInsertion(void)
{
	InsertState &st = state;
	for (int i = 0; i <= st.max_block_id; i++)
	{
		st.buffers[i].in_use = false;
		st.buffers[i].data = DataList{};
	}
	st.max_block_id = -1;
	st.num_rdatas = 0;
	st.main_data = DataList{};
	st.xid = InvalidFullTransactionId;
	st.xid_set = false;
	st.begun = false;
}

void XLogRegisterData(const char *data, uint32 len)
{
	CheckBegun();
	AddData(state.main_data, data, len);
}

void XLogRegisterBuffer(uint8 block_id, Buffer buffer, uint8 flags)
{
	RegisteredBuffer &rb = Register(block_id, flags);
	BufferGetTag(buffer, &rb.rnode, &rb.forknum, &rb.block);
	rb.page = BufferGetPage(buffer);
}

void XLogRegisterBlock(uint8 block_id, const RelFileNode *rnode, ForkNumber forknum,
					   BlockNumber blknum, const char *page, uint8 flags)
{
	if (page == nullptr && !(flags & REGBUF_NO_IMAGE))
		elog(ERROR, "a WAL block without a page must be registered with REGBUF_NO_IMAGE");
	RegisteredBuffer &rb = Register(block_id, flags);
	rb.rnode = *rnode;
	rb.forknum = forknum;
	rb.block = blknum;
	rb.page = page;
}

void XLogRegisterBufData(uint8 block_id, const char *data, uint32 len)
{
	CheckBegun();
	if (block_id > XLR_MAX_BLOCK_ID || !state.buffers[block_id].in_use)
		elog(ERROR, "no block with id %d registered with WAL insertion", block_id);
	AddData(state.buffers[block_id].data, data, len);
}

void XLogSetRecordXid(uint64 xid)
{
	CheckBegun();
	state.xid = FullTransactionIdFromU64(xid);
	state.xid_set = true;
}

XLogRecPtr XLogInsert(RmgrId rmid, uint8 info)
{
	CheckBegun();
	if (info & ~XLR_RMGR_INFO_MASK)
		elog(PANIC, "invalid xlog info mask %02X", info);
	/* The registered state is reset however this ends. */
	struct ResetAtExit
	{
		~ResetAtExit() { XLogResetInsertion(); }
	} reset;
	for (;;)
	{
		XLogRecPtr fpw_lsn;
		int num_fpi;
		pg_crc32c crc;
		int nchunks = Assemble(rmid, info, &fpw_lsn, &num_fpi, &crc);
		XLogRecPtr end = tusk::xlog::InsertRecord(std::span<const Chunk>(state.chunks, nchunks),
												  crc, fpw_lsn, num_fpi);
		if (end != InvalidXLogRecPtr)
			return end;
	}
}

void XLogEnsureRecordSpace(int max_block_id, int ndatas)
{
	/* The space is static (see the file comment): only check the request
	 * against it, outside any critical section, as PostgreSQL does. */
	if (CritSectionCount > 0)
		elog(ERROR, "XLogEnsureRecordSpace called inside a critical section");
	if (max_block_id > XLR_MAX_BLOCK_ID)
		elog(ERROR, "maximum number of WAL record block references exceeded");
	if (ndatas > kMaxRdatas)
		elog(ERROR, "maximum number of WAL record data segments exceeded");
}

bool XLogCheckBufferNeedsBackup(Buffer buffer)
{
	bool do_fpw;
	XLogRecPtr redo = tusk::xlog::GetRedoForInsert(&do_fpw);
	return do_fpw && PageGetLSN(BufferGetPage(buffer)) <= redo;
}
