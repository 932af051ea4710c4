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
 */
#include "postgres.h"

#include <zlib.h>

#include <array>
#include <string>
#include <vector>

#include "access/transam/xlog_insert_internal.h"
#include "access/xlog.h"
#include "access/xact.h"
#include "access/xloginsert.h"
#include "access/xlogrecord.h"
#include "storage/bufmgr.h"
#include "storage/bufpage.h"

namespace {

using tusk::xlog::Chunk;

struct RegisteredBuffer
{
	bool		in_use = false;
	uint8		flags = 0;
	RelFileNode rnode{};
	ForkNumber	forknum = MAIN_FORKNUM;
	BlockNumber block = InvalidBlockNumber;
	const char *page = nullptr;
	std::vector<Chunk> data;
	uint32		data_len = 0;
	/* The image as stored: hole removed, maybe compressed. */
	std::vector<char> image;
};

struct InsertState
{
	bool		begun = false;
	std::array<RegisteredBuffer, XLR_MAX_BLOCK_ID + 1> buffers;
	int			max_block_id = -1;
	std::vector<Chunk> main_data;
	uint32		main_data_len = 0;
	FullTransactionId xid = InvalidFullTransactionId;
	bool		xid_set = false;	/* XLogSetRecordXid was called */
	std::vector<char> header;	/* scratch: the record's headers */
};

InsertState &State()
{
	static InsertState state;
	return state;
}

template <typename T>
void Append(std::vector<char> &out, const T &value, size_t len = sizeof(T))
{
	const char *p = reinterpret_cast<const char *>(&value);
	out.insert(out.end(), p, p + len);
}

/* The page minus its hole; compressed when that makes it smaller. */
void MakeImage(RegisteredBuffer &rb, XLogRecordBlockImageHeader *ih)
{
	uint16		hole_offset = 0;
	uint16		hole_length = 0;
	if (rb.flags & REGBUF_STANDARD)
	{
		auto	   *ph = reinterpret_cast<const PageHeaderData *>(rb.page);
		uint16		lower = ph->pd_lower;
		uint16		upper = ph->pd_upper;
		if (lower >= SizeOfPageHeaderData && upper > lower && upper <= BLCKSZ)
		{
			hole_offset = lower;
			hole_length = static_cast<uint16>(upper - lower);
		}
	}
	std::vector<char> raw;
	raw.reserve(BLCKSZ);
	raw.insert(raw.end(), rb.page, rb.page + hole_offset);
	raw.insert(raw.end(), rb.page + hole_offset + hole_length, rb.page + BLCKSZ);

	ih->hole_offset = hole_offset;
	ih->hole_length = hole_length;
	ih->bimg_info = BKPIMAGE_APPLY | (hole_length > 0 ? BKPIMAGE_HAS_HOLE : 0);
	rb.image = std::move(raw);
	if (wal_compression == WAL_COMPRESSION_ZLIB)
	{
		uLongf		len = compressBound(static_cast<uLong>(rb.image.size()));
		std::vector<char> packed(len);
		if (compress2(reinterpret_cast<Bytef *>(packed.data()), &len,
					  reinterpret_cast<const Bytef *>(rb.image.data()),
					  static_cast<uLong>(rb.image.size()), Z_BEST_SPEED) == Z_OK &&
			len < rb.image.size())
		{
			packed.resize(len);
			rb.image = std::move(packed);
			ih->bimg_info |= BKPIMAGE_COMPRESS_ZLIB;
		}
	}
	ih->length = static_cast<uint16>(rb.image.size());
}

/* Lay the record out; chunks[0] is the header area. */
std::vector<Chunk> Assemble(RmgrId rmid, uint8 info, XLogRecPtr *fpw_lsn, int *num_fpi,
							pg_crc32c *crc)
{
	InsertState &st = State();
	bool		do_fpw;
	XLogRecPtr	redo = tusk::xlog::GetRedoForInsert(&do_fpw);
	std::vector<char> &hdr = st.header;
	hdr.assign(SizeOfXLogRecord, 0);
	std::vector<Chunk> payload;
	uint64		payload_len = 0;
	*fpw_lsn = InvalidXLogRecPtr;
	*num_fpi = 0;
	const RelFileNode *prev_rnode = nullptr;

	for (int id = 0; id <= st.max_block_id; id++)
	{
		RegisteredBuffer &rb = st.buffers[id];
		if (!rb.in_use)
			continue;
		bool		needs_backup;
		if (rb.flags & REGBUF_FORCE_IMAGE)
			needs_backup = true;
		else if ((rb.flags & REGBUF_NO_IMAGE) || !do_fpw || rb.page == nullptr)
			needs_backup = false;
		else
		{
			XLogRecPtr	page_lsn = PageGetLSN(const_cast<char *>(rb.page));
			needs_backup = page_lsn <= redo;
			if (!needs_backup && (*fpw_lsn == InvalidXLogRecPtr || page_lsn < *fpw_lsn))
				*fpw_lsn = page_lsn;
		}
		bool		needs_data = rb.data_len > 0 && (!needs_backup || (rb.flags & REGBUF_KEEP_DATA));

		XLogRecordBlockHeader bh{};
		bh.id = static_cast<uint8>(id);
		bh.fork_flags = static_cast<uint8>(rb.forknum);
		if ((rb.flags & REGBUF_WILL_INIT) == REGBUF_WILL_INIT)
			bh.fork_flags |= BKPBLOCK_WILL_INIT;
		XLogRecordBlockImageHeader ih{};
		if (needs_backup)
		{
			MakeImage(rb, &ih);
			bh.fork_flags |= BKPBLOCK_HAS_IMAGE;
			payload.push_back(Chunk{rb.image.data(), static_cast<uint32>(rb.image.size())});
			payload_len += rb.image.size();
			(*num_fpi)++;
		}
		if (needs_data)
		{
			if (rb.data_len > UINT16_MAX)
				ereport(ERROR, errmsg_internal("too much WAL data"),
						errdetail_internal("%u out of %u bytes of data for block %d",
										   rb.data_len, static_cast<unsigned>(UINT16_MAX), id));
			bh.fork_flags |= BKPBLOCK_HAS_DATA;
			bh.data_length = static_cast<uint16>(rb.data_len);
			payload.insert(payload.end(), rb.data.begin(), rb.data.end());
			payload_len += rb.data_len;
		}
		bool		same_rel = prev_rnode != nullptr && RelFileNodeEquals(*prev_rnode, rb.rnode);
		if (same_rel)
			bh.fork_flags |= BKPBLOCK_SAME_REL;
		Append(hdr, bh, SizeOfXLogRecordBlockHeader);
		if (needs_backup)
			Append(hdr, ih, SizeOfXLogRecordBlockImageHeader);
		if (!same_rel)
			Append(hdr, rb.rnode);
		Append(hdr, rb.block);
		prev_rnode = &rb.rnode;
	}

	if (st.main_data_len > 0)
	{
		if (st.main_data_len <= UINT8_MAX)
		{
			hdr.push_back(static_cast<char>(XLR_BLOCK_ID_DATA_SHORT));
			hdr.push_back(static_cast<char>(st.main_data_len));
		}
		else
		{
			hdr.push_back(static_cast<char>(XLR_BLOCK_ID_DATA_LONG));
			Append(hdr, st.main_data_len);
		}
		payload.insert(payload.end(), st.main_data.begin(), st.main_data.end());
		payload_len += st.main_data_len;
	}

	uint64		total = hdr.size() + payload_len;
	if (total > XLogRecordMaxSize)
		ereport(ERROR, errmsg_internal("oversized WAL record"),
				errdetail_internal("WAL record would be %llu bytes (of maximum %u bytes); rmid %u "
								   "flags %u.",
								   static_cast<unsigned long long>(total), XLogRecordMaxSize,
								   rmid, info));
	auto	   *rec = reinterpret_cast<XLogRecord *>(hdr.data());
	rec->xl_tot_len = static_cast<uint32>(total);
	rec->xl_info = info;
	rec->xl_rmid = rmid;
	/* The record belongs to the running transaction unless told otherwise. */
	rec->xl_xid = st.xid_set ? st.xid : GetTopFullTransactionIdIfAny();

	pg_crc32c	c = tusk::common::Crc32cInit();
	c = tusk::common::Crc32cUpdate(c, hdr.data() + SizeOfXLogRecord, hdr.size() - SizeOfXLogRecord);
	for (const Chunk &ch : payload)
		c = tusk::common::Crc32cUpdate(c, ch.data, ch.len);
	*crc = c;

	std::vector<Chunk> chunks;
	chunks.reserve(payload.size() + 1);
	chunks.push_back(Chunk{hdr.data(), static_cast<uint32>(hdr.size())});
	for (const Chunk &ch : payload)
		if (ch.len > 0)
			chunks.push_back(ch);
	return chunks;
}

void CheckBegun()
{
	if (!State().begun)
		elog(ERROR, "XLogBeginInsert was not called");
}

RegisteredBuffer &Register(uint8 block_id, uint8 flags)
{
	CheckBegun();
	InsertState &st = State();
	if (block_id > XLR_MAX_BLOCK_ID)
		elog(ERROR, "too many registered buffers");
	RegisteredBuffer &rb = st.buffers[block_id];
	if (rb.in_use)
		elog(ERROR, "block %u registered twice in one WAL record", block_id);
	rb.in_use = true;
	rb.flags = flags;
	rb.data.clear();
	rb.data_len = 0;
	st.max_block_id = Max(st.max_block_id, static_cast<int>(block_id));
	return rb;
}

}  // namespace

void XLogBeginInsert(void)
{
	if (RecoveryInProgress())
		elog(ERROR, "cannot make new WAL entries during recovery");
	if (State().begun)
		elog(ERROR, "XLogBeginInsert was already called");
	State().begun = true;
}

void XLogResetInsertion(void)
{
	InsertState &st = State();
	for (int i = 0; i <= st.max_block_id; i++)
	{
		st.buffers[i].in_use = false;
		st.buffers[i].data.clear();
		st.buffers[i].data_len = 0;
	}
	st.max_block_id = -1;
	st.main_data.clear();
	st.main_data_len = 0;
	st.xid = InvalidFullTransactionId;
	st.xid_set = false;
	st.begun = false;
}

void XLogRegisterData(const char *data, uint32 len)
{
	CheckBegun();
	InsertState &st = State();
	st.main_data.push_back(Chunk{data, len});
	st.main_data_len += len;
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
	if (block_id > XLR_MAX_BLOCK_ID || !State().buffers[block_id].in_use)
		elog(ERROR, "no block with id %d registered with WAL insertion", block_id);
	RegisteredBuffer &rb = State().buffers[block_id];
	rb.data.push_back(Chunk{data, len});
	rb.data_len += len;
}

void XLogSetRecordXid(uint64 xid)
{
	CheckBegun();
	State().xid = FullTransactionIdFromU64(xid);
	State().xid_set = true;
}

XLogRecPtr XLogInsert(RmgrId rmid, uint8 info)
{
	CheckBegun();
	if (info & ~XLR_RMGR_INFO_MASK)
		elog(PANIC, "invalid xlog info mask %02X", info);
	XLogRecPtr	end;
	try
	{
		for (;;)
		{
			XLogRecPtr	fpw_lsn;
			int			num_fpi;
			pg_crc32c	crc;
			std::vector<Chunk> chunks = Assemble(rmid, info, &fpw_lsn, &num_fpi, &crc);
			end = tusk::xlog::InsertRecord(chunks, crc, fpw_lsn, num_fpi);
			if (end != InvalidXLogRecPtr)
				break;
		}
	}
	catch (...)
	{
		XLogResetInsertion();
		throw;
	}
	XLogResetInsertion();
	return end;
}

bool XLogCheckBufferNeedsBackup(Buffer buffer)
{
	bool		do_fpw;
	XLogRecPtr	redo = tusk::xlog::GetRedoForInsert(&do_fpw);
	return do_fpw && PageGetLSN(BufferGetPage(buffer)) <= redo;
}
