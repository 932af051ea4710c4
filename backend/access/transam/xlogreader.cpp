/*
 * xlogreader.cpp — reading and decoding WAL records (see access/xlogreader.h).
 *
 * Principal entry points: XLogReaderAllocate, XLogBeginRead,
 * XLogReadRecord, RestoreBlockImage.
 *
 * The reader pulls 8 kB pages straight from the segment files (recovery
 * runs before anyone writes WAL, and tests read what was flushed), checks
 * each page header against the position it was read from, reassembles a
 * record that continues over pages, then checks the record's length,
 * resource manager, back link and CRC before decoding it.  Any failure
 * ends reading with PostgreSQL's message for it: past the last complete
 * record a crash leaves zeroes, a torn record or stale bytes, and every
 * one of those must look like the end of the log, never like a record.
 *
 * A reader lives in a memory context of its own below the one current at
 * XLogReaderAllocate.  Its buffers are C++ containers and it holds an open
 * segment file, so the context carries a reset callback that runs the
 * reader's destructor and closes the file: XLogReaderFree deletes the
 * context, and a reader abandoned by an ERROR goes, file and all, when the
 * context it was allocated under is reset or deleted.
 */
#include "postgres.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <string>
#include <vector>

#include "access/rmgr.h"
#include "access/xlog_internal.h"
#include "access/xlogreader.h"
#include "common/crc32c.h"
#include "utils/memutils.h"

struct XLogReaderState
{
	int segsize;
	std::string waldir;
	uint64 sysid;

	XLogRecPtr next;							 /* where the next record starts */
	XLogRecPtr prev;							 /* the record before it (0: unknown) */
	XLogRecPtr read_rec_ptr = InvalidXLogRecPtr; /* the record last read */
	XLogRecPtr end_rec_ptr = InvalidXLogRecPtr;

	/* One cached page. */
	XLogRecPtr page_addr = InvalidXLogRecPtr;
	bool page_valid = false;
	alignas(8) char page[XLOG_BLCKSZ];
	int fd = -1;
	XLogSegNo fd_segno = 0;

	std::vector<char> record;	 /* the whole record, reassembled */
	std::vector<uint64> aligned; /* block and main data, each MAXALIGN'd */
	std::array<DecodedBkpBlock, XLR_MAX_BLOCK_ID + 1> blocks;
	int max_block_id = -1;
	const char *main_data = nullptr;
	uint32 main_data_len = 0;
	std::string errormsg;

	MemoryContext context; /* the reader's own; deleting it frees the reader */
	MemoryContextCallback cleanup;
};

namespace {

std::string Format(const char *fmt, ...) pg_attribute_printf(1, 2);

std::string Format(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return buf;
}

std::string SegName(const XLogReaderState *s, XLogSegNo segno)
{
	char name[MAXFNAMELEN];
	XLogFileName(name, 1, segno, s->segsize);
	return name;
}

/* Read the page at page_addr into the cache and check its header. */
bool ReadPage(XLogReaderState *s, XLogRecPtr page_addr)
{
	if (s->page_valid && s->page_addr == page_addr)
		return true;
	s->page_valid = false;
	XLogSegNo segno = XLByteToSeg(page_addr, s->segsize);
	uint32 offset = static_cast<uint32>(XLogSegmentOffset(page_addr, s->segsize));
	if (s->fd < 0 || s->fd_segno != segno)
	{
		if (s->fd >= 0)
			close(s->fd);
		std::string path = s->waldir + "/" + SegName(s, segno);
		s->fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
		if (s->fd < 0)
		{
			s->errormsg = Format("could not open file \"%s\": %s", path.c_str(), strerror(errno));
			return false;
		}
		s->fd_segno = segno;
	}
	ssize_t n = pread(s->fd, s->page, XLOG_BLCKSZ, offset);
	if (n != XLOG_BLCKSZ)
	{
		s->errormsg = Format("could not read from WAL segment %s, offset %u: read %zd of %d",
							 SegName(s, segno).c_str(), offset, n, XLOG_BLCKSZ);
		return false;
	}
	auto *hdr = reinterpret_cast<XLogPageHeader>(s->page);
	if (hdr->xlp_magic != XLOG_PAGE_MAGIC)
	{
		s->errormsg = Format("invalid magic number %04X in WAL segment %s, offset %u",
							 hdr->xlp_magic, SegName(s, segno).c_str(), offset);
		return false;
	}
	if ((hdr->xlp_info & ~XLP_ALL_FLAGS) != 0)
	{
		s->errormsg = Format("invalid info bits %04X in WAL segment %s, offset %u", hdr->xlp_info,
							 SegName(s, segno).c_str(), offset);
		return false;
	}
	if (hdr->xlp_pageaddr != page_addr)
	{
		s->errormsg = Format("unexpected pageaddr %X/%X in WAL segment %s, offset %u",
							 LSN_FORMAT_ARGS(hdr->xlp_pageaddr), SegName(s, segno).c_str(), offset);
		return false;
	}
	if (offset == 0)
	{
		auto *lhdr = reinterpret_cast<XLogLongPageHeader>(s->page);
		if (!(hdr->xlp_info & XLP_LONG_HEADER))
		{
			s->errormsg = Format("invalid info bits %04X in WAL segment %s, offset %u",
								 hdr->xlp_info, SegName(s, segno).c_str(), offset);
			return false;
		}
		if (s->sysid == 0)
			s->sysid = lhdr->xlp_sysid;
		if (lhdr->xlp_sysid != s->sysid)
		{
			s->errormsg = Format("WAL file is from different database system: WAL file database "
								 "system identifier is %llu, pg_control database system "
								 "identifier is %llu",
								 static_cast<unsigned long long>(lhdr->xlp_sysid),
								 static_cast<unsigned long long>(s->sysid));
			return false;
		}
		if (lhdr->xlp_seg_size != static_cast<uint32>(s->segsize))
		{
			s->errormsg = "WAL file is from different database system: incorrect segment size "
						  "in page header";
			return false;
		}
		if (lhdr->xlp_xlog_blcksz != XLOG_BLCKSZ)
		{
			s->errormsg = "WAL file is from different database system: incorrect XLOG_BLCKSZ in "
						  "page header";
			return false;
		}
	}
	s->page_addr = page_addr;
	s->page_valid = true;
	return true;
}

Size HeaderSize(const XLogReaderState *s, XLogRecPtr page_addr)
{
	return XLogSegmentOffset(page_addr, s->segsize) == 0 ? SizeOfXLogLongPHD : SizeOfXLogShortPHD;
}

bool Decode(XLogReaderState *s)
{
	const char *p = s->record.data() + SizeOfXLogRecord;
	const char *end = s->record.data() + s->record.size();
	uint64 payload = 0;
	XLogRecPtr at = s->read_rec_ptr;
	const RelFileNode *prev_rnode = nullptr;
	for (auto &b : s->blocks)
		b.in_use = false;
	s->max_block_id = -1;
	s->main_data = nullptr;
	s->main_data_len = 0;

	auto take = [&](void *dst, size_t len) {
		if (static_cast<size_t>(end - p) < len)
			return false;
		memcpy(dst, p, len);
		p += len;
		return true;
	};
	auto short_record = [&]() {
		s->errormsg = Format("record with invalid length at %X/%X", LSN_FORMAT_ARGS(at));
		return false;
	};

	while (p < end - payload)
	{
		uint8 id = static_cast<uint8>(*p);
		if (id == XLR_BLOCK_ID_DATA_SHORT || id == XLR_BLOCK_ID_DATA_LONG)
		{
			p++;
			if (id == XLR_BLOCK_ID_DATA_SHORT)
			{
				uint8 len;
				if (!take(&len, 1))
					return short_record();
				s->main_data_len = len;
			}
			else if (!take(&s->main_data_len, sizeof(uint32)))
				return short_record();
			payload += s->main_data_len;
			break; /* the main data header comes last */
		}
		if (id > XLR_MAX_BLOCK_ID)
		{
			s->errormsg = Format("invalid block_id %u at %X/%X", id, LSN_FORMAT_ARGS(at));
			return false;
		}
		if (static_cast<int>(id) <= s->max_block_id)
		{
			s->errormsg = Format("out-of-order block_id %u at %X/%X", id, LSN_FORMAT_ARGS(at));
			return false;
		}
		XLogRecordBlockHeader bh;
		if (!take(&bh, SizeOfXLogRecordBlockHeader))
			return short_record();
		DecodedBkpBlock &b = s->blocks[id];
		b = DecodedBkpBlock{};
		b.in_use = true;
		s->max_block_id = id;
		b.flags = bh.fork_flags;
		b.forknum = static_cast<ForkNumber>(bh.fork_flags & BKPBLOCK_FORK_MASK);
		b.has_data = (bh.fork_flags & BKPBLOCK_HAS_DATA) != 0;
		b.data_len = bh.data_length;
		if (b.has_data != (b.data_len > 0))
		{
			s->errormsg = Format("BKPBLOCK_HAS_DATA and data length %u disagree at %X/%X",
								 b.data_len, LSN_FORMAT_ARGS(at));
			return false;
		}
		payload += b.data_len;
		if (bh.fork_flags & BKPBLOCK_HAS_IMAGE)
		{
			XLogRecordBlockImageHeader ih;
			if (!take(&ih, SizeOfXLogRecordBlockImageHeader))
				return short_record();
			b.has_image = true;
			b.bimg_len = ih.length;
			b.hole_offset = ih.hole_offset;
			b.hole_length = ih.hole_length;
			b.bimg_info = ih.bimg_info;
			b.apply_image = (ih.bimg_info & BKPIMAGE_APPLY) != 0;
			bool compressed = (ih.bimg_info & BKPIMAGE_COMPRESS_ZLIB) != 0;
			bool has_hole = (ih.bimg_info & BKPIMAGE_HAS_HOLE) != 0;
			if (has_hole != (ih.hole_length > 0) ||
				static_cast<uint32>(ih.hole_offset) + ih.hole_length > BLCKSZ ||
				(!compressed && ih.length != BLCKSZ - ih.hole_length) ||
				(compressed && ih.length >= BLCKSZ - ih.hole_length))
			{
				s->errormsg = Format("invalid full-page image (length %u, hole offset %u, hole "
									 "length %u) at %X/%X",
									 ih.length, ih.hole_offset, ih.hole_length,
									 LSN_FORMAT_ARGS(at));
				return false;
			}
			payload += ih.length;
		}
		if (!(bh.fork_flags & BKPBLOCK_SAME_REL))
		{
			if (!take(&b.rnode, sizeof(RelFileNode)))
				return short_record();
			prev_rnode = &b.rnode;
		}
		else
		{
			if (prev_rnode == nullptr)
			{
				s->errormsg = Format("BKPBLOCK_SAME_REL set but no previous rel at %X/%X",
									 LSN_FORMAT_ARGS(at));
				return false;
			}
			b.rnode = *prev_rnode;
		}
		if (!take(&b.blkno, sizeof(BlockNumber)))
			return short_record();
	}
	if (static_cast<uint64>(end - p) != payload)
		return short_record();

	/* The payloads, in header order.  Block and main data are copied to
	 * MAXALIGN'd places, so redo functions may read structs from them in
	 * place, as PostgreSQL's decoder allows. */
	Size need = MAXALIGN(s->main_data_len);
	for (int id = 0; id <= s->max_block_id; id++)
		if (s->blocks[id].in_use && s->blocks[id].has_data)
			need += MAXALIGN(s->blocks[id].data_len);
	s->aligned.assign(need / sizeof(uint64) + 1, 0);
	char *out = reinterpret_cast<char *>(s->aligned.data());
	for (int id = 0; id <= s->max_block_id; id++)
	{
		DecodedBkpBlock &b = s->blocks[id];
		if (!b.in_use)
			continue;
		if (b.has_image)
		{
			b.bkp_image = p;
			p += b.bimg_len;
		}
		if (b.has_data)
		{
			memcpy(out, p, b.data_len);
			b.data = out;
			out += MAXALIGN(b.data_len);
			p += b.data_len;
		}
	}
	if (s->main_data_len > 0)
	{
		memcpy(out, p, s->main_data_len);
		s->main_data = out;
		p += s->main_data_len;
	}
	return true;
}

/* The reader's context is going: close the file, destroy the members. */
void XLogReaderCleanup(void *arg)
{
	auto *s = static_cast<XLogReaderState *>(arg);
	if (s->fd >= 0)
		close(s->fd);
	s->~XLogReaderState();
}

}  // namespace

XLogReaderState *XLogReaderAllocate(int wal_segment_size, const char *waldir,
									uint64 system_identifier)
{
	MemoryContext context = AllocSetContextCreate(CurrentMemoryContext, "WAL reader",
												  ALLOCSET_SMALL_SIZES);
	XLogReaderState *s;
	try
	{
		// NOLINTNEXTLINE(cppcoreguidelines-owning-memory): the context owns it; its reset callback runs the destructor
		s = new (MemoryContextAlloc(context, sizeof(XLogReaderState))) XLogReaderState();
	}
	catch (...)
	{
		MemoryContextDelete(context);
		throw;
	}
	s->context = context;
	s->cleanup.func = XLogReaderCleanup;
	s->cleanup.arg = s;
	MemoryContextRegisterResetCallback(context, &s->cleanup);
	s->segsize = wal_segment_size;
	s->waldir = waldir;
	s->sysid = system_identifier;
	s->next = InvalidXLogRecPtr;
	s->prev = InvalidXLogRecPtr;
	return s;
}

void XLogReaderFree(XLogReaderState *state)
{
	if (state == nullptr)
		return;
	/* The callback closes the file and destroys the reader. */
	MemoryContextDelete(state->context);
}

void XLogBeginRead(XLogReaderState *state, XLogRecPtr RecPtr)
{
	state->next = RecPtr;
	state->prev = InvalidXLogRecPtr;
	state->read_rec_ptr = InvalidXLogRecPtr;
	state->end_rec_ptr = InvalidXLogRecPtr;
}

XLogRecord *XLogReadRecord(XLogReaderState *s, char **errormsg)
{
	*errormsg = nullptr;
	s->errormsg.clear();
	XLogRecPtr pos = s->next;
	bool ok = [&]() {
		/* Step over a page header, or a page tail too short for a header. */
		if (pos % XLOG_BLCKSZ != 0 && XLOG_BLCKSZ - pos % XLOG_BLCKSZ < SizeOfXLogRecord)
			pos += XLOG_BLCKSZ - pos % XLOG_BLCKSZ;
		XLogRecPtr page_addr = pos - pos % XLOG_BLCKSZ;
		if (!ReadPage(s, page_addr))
			return false;
		auto *ph = reinterpret_cast<XLogPageHeader>(s->page);
		if (pos == page_addr)
		{
			pos += HeaderSize(s, page_addr);
			/* A record that starts a page cannot be a continuation. */
			if (ph->xlp_info & XLP_FIRST_IS_CONTRECORD)
				pos += MAXALIGN(ph->xlp_rem_len);
			if (pos - page_addr > XLOG_BLCKSZ - SizeOfXLogRecord)
			{
				/* The continuation filled the page; try the next one. */
				s->errormsg = Format("contrecord is requested by %X/%X", LSN_FORMAT_ARGS(pos));
				return false;
			}
		}
		s->read_rec_ptr = pos;
		XLogRecord hdr;
		memcpy(&hdr, s->page + pos % XLOG_BLCKSZ, SizeOfXLogRecord);
		if (hdr.xl_tot_len < SizeOfXLogRecord)
		{
			s->errormsg = Format("invalid record length at %X/%X: wanted %u, got %u",
								 LSN_FORMAT_ARGS(pos), static_cast<unsigned>(SizeOfXLogRecord),
								 hdr.xl_tot_len);
			return false;
		}
		if (hdr.xl_tot_len > XLogRecordMaxSize)
		{
			s->errormsg = Format("record length %u at %X/%X too long", hdr.xl_tot_len,
								 LSN_FORMAT_ARGS(pos));
			return false;
		}
		if (!RmgrIdIsBuiltin(hdr.xl_rmid) && !RmgrIdIsCustom(hdr.xl_rmid))
		{
			s->errormsg = Format("invalid resource manager ID %u at %X/%X", hdr.xl_rmid,
								 LSN_FORMAT_ARGS(pos));
			return false;
		}
		if (s->prev != InvalidXLogRecPtr && hdr.xl_prev != s->prev)
		{
			s->errormsg = Format("record with incorrect prev-link %X/%X at %X/%X",
								 LSN_FORMAT_ARGS(hdr.xl_prev), LSN_FORMAT_ARGS(pos));
			return false;
		}

		/* Gather the record, page by page. */
		s->record.resize(hdr.xl_tot_len);
		uint32 got = 0;
		while (got < hdr.xl_tot_len)
		{
			if (pos % XLOG_BLCKSZ == 0)
			{
				if (!ReadPage(s, pos))
					return false;
				auto *cph = reinterpret_cast<XLogPageHeader>(s->page);
				if (!(cph->xlp_info & XLP_FIRST_IS_CONTRECORD))
				{
					s->errormsg = Format("there is no contrecord flag at %X/%X",
										 LSN_FORMAT_ARGS(pos));
					return false;
				}
				if (cph->xlp_rem_len != hdr.xl_tot_len - got)
				{
					s->errormsg = Format("invalid contrecord length %u (expected %lld) at %X/%X",
										 cph->xlp_rem_len,
										 static_cast<long long>(hdr.xl_tot_len - got),
										 LSN_FORMAT_ARGS(pos));
					return false;
				}
				pos += HeaderSize(s, pos);
			}
			uint32 n = Min(static_cast<uint32>(XLOG_BLCKSZ - pos % XLOG_BLCKSZ),
						   hdr.xl_tot_len - got);
			memcpy(s->record.data() + got, s->page + pos % XLOG_BLCKSZ, n);
			got += n;
			pos += n;
		}

		auto *rec = reinterpret_cast<XLogRecord *>(s->record.data());
		pg_crc32c crc = tusk::common::Crc32cInit();
		crc = tusk::common::Crc32cUpdate(crc, s->record.data() + SizeOfXLogRecord,
										 hdr.xl_tot_len - SizeOfXLogRecord);
		crc = tusk::common::Crc32cUpdate(crc, rec, offsetof(XLogRecord, xl_crc));
		if (tusk::common::Crc32cFinish(crc) != rec->xl_crc)
		{
			s->errormsg = Format("incorrect resource manager data checksum in record at %X/%X",
								 LSN_FORMAT_ARGS(s->read_rec_ptr));
			return false;
		}
		return Decode(s);
	}();
	if (!ok)
	{
		*errormsg = s->errormsg.data();
		return nullptr;
	}
	s->end_rec_ptr = MAXALIGN(pos);
	s->prev = s->read_rec_ptr;
	s->next = s->end_rec_ptr;
	return reinterpret_cast<XLogRecord *>(s->record.data());
}

XLogRecPtr XLogReaderGetReadRecPtr(const XLogReaderState *state)
{
	return state->read_rec_ptr;
}

XLogRecPtr XLogReaderGetEndRecPtr(const XLogReaderState *state)
{
	return state->end_rec_ptr;
}

const XLogRecord *XLogReaderGetRecord(const XLogReaderState *state)
{
	return reinterpret_cast<const XLogRecord *>(state->record.data());
}

const char *XLogRecGetDataPtr(const XLogReaderState *state)
{
	return state->main_data;
}

uint32 XLogRecGetDataLength(const XLogReaderState *state)
{
	return state->main_data_len;
}

int XLogRecMaxBlockId(const XLogReaderState *state)
{
	return state->max_block_id;
}

const DecodedBkpBlock *XLogRecGetBlock(const XLogReaderState *state, uint8 block_id)
{
	if (static_cast<int>(block_id) > state->max_block_id || !state->blocks[block_id].in_use)
		return nullptr;
	return &state->blocks[block_id];
}

bool XLogRecGetBlockTag(const XLogReaderState *state, uint8 block_id, RelFileNode *rnode,
						ForkNumber *forknum, BlockNumber *blknum)
{
	const DecodedBkpBlock *b = XLogRecGetBlock(state, block_id);
	if (b == nullptr)
		return false;
	if (rnode)
		*rnode = b->rnode;
	if (forknum)
		*forknum = b->forknum;
	if (blknum)
		*blknum = b->blkno;
	return true;
}

const char *XLogRecGetBlockData(const XLogReaderState *state, uint8 block_id, Size *len)
{
	const DecodedBkpBlock *b = XLogRecGetBlock(state, block_id);
	if (b == nullptr || !b->has_data)
	{
		if (len)
			*len = 0;
		return nullptr;
	}
	if (len)
		*len = b->data_len;
	return b->data;
}

bool RestoreBlockImage(XLogReaderState *state, uint8 block_id, char *page)
{
	const DecodedBkpBlock *b = XLogRecGetBlock(state, block_id);
	if (b == nullptr || !b->has_image)
	{
		state->errormsg = Format("could not restore image at %X/%X with invalid block %d specified",
								 LSN_FORMAT_ARGS(state->read_rec_ptr), block_id);
		return false;
	}
	alignas(8) char raw[BLCKSZ];
	const char *image = b->bkp_image;
	Size image_len = BLCKSZ - b->hole_length;
	if (b->bimg_info & BKPIMAGE_COMPRESS_ZLIB)
	{
		uLongf out = static_cast<uLongf>(image_len);
		if (uncompress(reinterpret_cast<Bytef *>(raw), &out,
					   reinterpret_cast<const Bytef *>(b->bkp_image), b->bimg_len) != Z_OK ||
			out != image_len)
		{
			state->errormsg = Format("could not decompress image at %X/%X, block %d",
									 LSN_FORMAT_ARGS(state->read_rec_ptr), block_id);
			return false;
		}
		image = raw;
	}
	memcpy(page, image, b->hole_offset);
	memset(page + b->hole_offset, 0, b->hole_length);
	memcpy(page + b->hole_offset + b->hole_length, image + b->hole_offset,
		   BLCKSZ - (b->hole_offset + b->hole_length));
	return true;
}
