/*
 * xlog_test.cpp — the write-ahead log: records of every size read back
 * exactly across pages and segments, damage and stale bytes end the log
 * with PostgreSQL's messages, full-page images (with holes, compressed or
 * not) restore the page, processes inserting at once lose nothing, and
 * committers flushing together share one sync.
 */
#include "unit_test.h"

#include <fcntl.h>
#include <unistd.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "access/rmgr.h"
#include "access/xlog.h"
#include "access/xlog_internal.h"
#include "access/xloginsert.h"
#include "access/xlogreader.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/bufpage.h"
#include "storage/lwlock.h"
#include "storage/shmem_fixture.h"
#include "storage/smgr.h"

using tusk::test::ChildProcess;
using tusk::test::MakeSegment;
using tusk::test::ScratchDataDir;

namespace {

constexpr uint64 kSysid = 7000000000000000001ULL;
const RelFileNode kRel = {DEFAULTTABLESPACE_OID, 5, 16384};

/* A fresh log in a scratch directory, 1 MB segments, starting at segment 1. */
XLogRecPtr StartLog(int nbuffers = 64)
{
	return tusk::test::MakeSegmentWithWal(nbuffers);
}

struct Expected
{
	uint8 info;
	uint64 xid;
	std::string main;
	std::map<uint8, std::pair<BlockNumber, std::string>> blocks;
};

std::string Payload(std::mt19937 &rng, size_t len)
{
	std::string s(len, '\0');
	for (auto &c : s)
		c = static_cast<char>(rng());
	return s;
}

XLogRecPtr InsertExpected(const Expected &e)
{
	XLogBeginInsert();
	XLogSetRecordXid(e.xid);
	for (const auto &[id, blk] : e.blocks)
	{
		XLogRegisterBlock(id, &kRel, MAIN_FORKNUM, blk.first, nullptr, REGBUF_NO_IMAGE);
		if (!blk.second.empty())
			XLogRegisterBufData(id, blk.second.data(), static_cast<uint32>(blk.second.size()));
	}
	if (!e.main.empty())
		XLogRegisterData(e.main.data(), static_cast<uint32>(e.main.size()));
	return XLogInsert(RM_EXPERIMENTAL_ID, e.info);
}

void CheckRecord(XLogReaderState *r, const Expected &e)
{
	REQUIRE(XLogRecGetRmid(r) == RM_EXPERIMENTAL_ID);
	REQUIRE(XLogRecGetInfo(r) == e.info);
	REQUIRE(U64FromFullTransactionId(XLogRecGetFullXid(r)) == e.xid);
	REQUIRE(std::string(XLogRecGetData(r) ? XLogRecGetData(r) : "", XLogRecGetDataLen(r)) ==
			e.main);
	for (uint8 id = 0; id <= XLR_MAX_BLOCK_ID; id++)
	{
		auto it = e.blocks.find(id);
		REQUIRE(XLogRecHasBlockRef(r, id) == (it != e.blocks.end()));
		if (it == e.blocks.end())
			continue;
		RelFileNode rnode;
		ForkNumber fork;
		BlockNumber blk;
		REQUIRE(XLogRecGetBlockTag(r, id, &rnode, &fork, &blk));
		REQUIRE(RelFileNodeEquals(rnode, kRel));
		REQUIRE(fork == MAIN_FORKNUM);
		REQUIRE(blk == it->second.first);
		Size len;
		const char *data = XLogRecGetBlockData(r, id, &len);
		REQUIRE(std::string(data ? data : "", len) == it->second.second);
	}
}

std::string SegmentPath(XLogRecPtr lsn)
{
	char name[MAXFNAMELEN];
	XLogFileName(name, 1, XLByteToSeg(lsn, wal_segment_size), wal_segment_size);
	return std::string("pg_wal/") + name;
}

void FlipByteOnDisk(XLogRecPtr lsn)
{
	int fd = open(SegmentPath(lsn).c_str(), O_RDWR);
	REQUIRE(fd >= 0);
	off_t off = static_cast<off_t>(XLogSegmentOffset(lsn, wal_segment_size));
	char c;
	REQUIRE(pread(fd, &c, 1, off) == 1);
	c ^= 0x20;
	REQUIRE(pwrite(fd, &c, 1, off) == 1);
	close(fd);
}

/* A standard page with a few items, so it has a hole. */
void MakePage(char *page, int items)
{
	PageInit(page, BLCKSZ, 0);
	for (int i = 0; i < items; i++)
	{
		std::string item = "item number " + std::to_string(i) + std::string(40, 'x');
		REQUIRE(PageAddItemExtended(page, item.data(), item.size(), InvalidOffsetNumber, 0) !=
				InvalidOffsetNumber);
	}
}

}  // namespace

TEST_CASE("WAL records of every size read back exactly, across pages and segments", "[xlog]")
{
	ScratchDataDir dir;
	XLogRecPtr start = StartLog();
	std::mt19937 rng(42);
	std::vector<Expected> expected;
	std::vector<XLogRecPtr> ends;
	for (int i = 0; i < 1500; i++)
	{
		Expected e;
		e.info = static_cast<uint8>((rng() % 16) << 4);
		e.xid = (rng() % 3 == 0) ? 0 : (UINT64CONST(1) << 33) + i; /* beyond 32 bits */
		/* Mostly small, sometimes several pages, a few larger than the ring. */
		size_t len = rng() % 10 == 0 ? rng() % 40000 : rng() % 300;
		if (i % 500 == 7)
			len = 700 * 1024;
		e.main = Payload(rng, len);
		int nblocks = static_cast<int>(rng() % 4);
		for (int b = 0; b < nblocks; b++)
			e.blocks[static_cast<uint8>(b * 3)] = {static_cast<BlockNumber>(rng() % 1000),
												   Payload(rng, rng() % 200)};
		ends.push_back(InsertExpected(e));
		REQUIRE(ends.back() % MAXIMUM_ALIGNOF == 0);
		expected.push_back(std::move(e));
	}
	XLogFlush(ends.back());
	REQUIRE(GetFlushRecPtr(nullptr) >= ends.back());
	/* The log spans several 1 MB segments. */
	REQUIRE(XLByteToSeg(ends.back(), wal_segment_size) > 3);

	XLogReaderState *r = XLogReaderAllocate(wal_segment_size, "pg_wal", kSysid);
	XLogBeginRead(r, start + SizeOfXLogLongPHD);
	char *err = nullptr;
	for (size_t i = 0; i < expected.size(); i++)
	{
		CAPTURE(i);
		XLogRecord *rec = XLogReadRecord(r, &err);
		std::string why = err ? err : "";
		CAPTURE(why);
		REQUIRE(rec != nullptr);
		CheckRecord(r, expected[i]);
		REQUIRE(XLogReaderGetEndRecPtr(r) == ends[i]);
	}
	/* After the last record: zeroes, and PostgreSQL's message for them. */
	REQUIRE(XLogReadRecord(r, &err) == nullptr);
	REQUIRE(std::string(err).starts_with("invalid record length at "));
	REQUIRE(std::string(err).ends_with(": wanted 28, got 0"));
	XLogReaderFree(r);
	XLogCloseFiles();
}

TEST_CASE("A damaged or stale WAL record ends the log", "[xlog]")
{
	ScratchDataDir dir;
	XLogRecPtr start = StartLog();
	std::mt19937 rng(7);
	std::vector<Expected> recs(3);
	std::vector<XLogRecPtr> ends;
	for (auto &e : recs)
	{
		e.info = 0x10;
		e.main = Payload(rng, 12000); /* each spans pages */
		ends.push_back(InsertExpected(e));
	}
	XLogFlush(ends.back());
	XLogRecPtr first = start + SizeOfXLogLongPHD;

	auto read_all = [&](std::string *why) {
		XLogReaderState *r = XLogReaderAllocate(wal_segment_size, "pg_wal", kSysid);
		XLogBeginRead(r, first);
		int n = 0;
		char *err = nullptr;
		while (XLogReadRecord(r, &err) != nullptr)
			n++;
		*why = err ? err : "";
		XLogReaderFree(r);
		return n;
	};
	std::string why;
	REQUIRE(read_all(&why) == 3);

	SECTION("a flipped bit in the data fails the CRC")
	{
		FlipByteOnDisk(ends[0] + 5000); /* inside the second record */
		REQUIRE(read_all(&why) == 1);
		char buf[64];
		snprintf(buf, sizeof buf, "%X/%X", LSN_FORMAT_ARGS(ends[0]));
		REQUIRE(why == std::string("incorrect resource manager data checksum in record at ") + buf);
	}
	SECTION("a damaged page header stops the reader there")
	{
		/* The page after the second record's first page. */
		XLogRecPtr page = ends[0] - ends[0] % XLOG_BLCKSZ + XLOG_BLCKSZ;
		FlipByteOnDisk(page); /* xlp_magic */
		REQUIRE(read_all(&why) == 1);
		REQUIRE(why.starts_with("invalid magic number "));
	}
	SECTION("a record whose back link is wrong is not part of the log")
	{
		/* Overwrite the third record's xl_prev with the first's start. */
		int fd = open(SegmentPath(ends[1]).c_str(), O_RDWR);
		REQUIRE(fd >= 0);
		XLogRecPtr bogus = first;
		off_t off = static_cast<off_t>(XLogSegmentOffset(ends[1], wal_segment_size)) +
			offsetof(XLogRecord, xl_prev);
		REQUIRE(pwrite(fd, &bogus, sizeof bogus, off) == sizeof bogus);
		close(fd);
		REQUIRE(read_all(&why) == 2);
		REQUIRE(why.starts_with("record with incorrect prev-link "));
	}
	SECTION("another cluster's WAL is refused")
	{
		XLogReaderState *r = XLogReaderAllocate(wal_segment_size, "pg_wal", kSysid + 1);
		XLogBeginRead(r, first);
		char *err = nullptr;
		REQUIRE(XLogReadRecord(r, &err) == nullptr);
		REQUIRE(std::string(err).starts_with("WAL file is from different database system"));
		XLogReaderFree(r);
	}
	XLogCloseFiles();
}

TEST_CASE("Full-page images: first change after the redo point, holes, zlib", "[xlog]")
{
	ScratchDataDir dir;
	StartLog();
	alignas(8) char page[BLCKSZ];
	MakePage(page, 20);
	XLogRecPtr first = XLogSegNoOffsetToRecPtr(1, 0, wal_segment_size) + SizeOfXLogLongPHD;

	auto log_change = [&](uint8 flags) {
		XLogBeginInsert();
		XLogRegisterBlock(0, &kRel, MAIN_FORKNUM, 3, page, flags);
		XLogRegisterBufData(0, "change", 6);
		XLogRecPtr end = XLogInsert(RM_EXPERIMENTAL_ID, 0x20);
		PageSetLSN(page, end);
		return end;
	};
	XLogRecPtr e1 = log_change(REGBUF_STANDARD); /* LSN 0 ≤ redo: image */
	XLogRecPtr e2 = log_change(REGBUF_STANDARD); /* changed since: none */
	XLogSetRedoRecPtr(e2);						 /* a checkpoint */
	wal_compression = WAL_COMPRESSION_ZLIB;
	XLogRecPtr e3 = log_change(REGBUF_STANDARD);	/* image again, compressed */
	XLogRecPtr e4 = log_change(REGBUF_FORCE_IMAGE); /* forced; no hole: not standard */
	(void) e1;
	(void) e3;
	XLogFlush(e4);
	WalUsageStats stats;
	GetWalUsageStats(&stats);
	REQUIRE(stats.wal_fpi == 3);
	REQUIRE(stats.wal_records == 4);

	XLogReaderState *r = XLogReaderAllocate(wal_segment_size, "pg_wal", kSysid);
	XLogBeginRead(r, first);
	char *err = nullptr;
	alignas(8) char restored[BLCKSZ];
	for (int i = 1; i <= 4; i++)
	{
		CAPTURE(i);
		REQUIRE(XLogReadRecord(r, &err) != nullptr);
		const DecodedBkpBlock *b = XLogRecGetBlock(r, 0);
		REQUIRE(b != nullptr);
		REQUIRE(b->has_image == (i != 2));
		/* With an image the block data is dropped (no REGBUF_KEEP_DATA). */
		REQUIRE(b->has_data == (i == 2));
		if (!b->has_image)
			continue;
		REQUIRE(b->apply_image);
		REQUIRE(((b->bimg_info & BKPIMAGE_COMPRESS_ZLIB) != 0) == (i >= 3));
		REQUIRE((b->hole_length > 0) == (i != 4));
		if (i >= 3)
			REQUIRE(b->bimg_len < BLCKSZ / 4);
		REQUIRE(RestoreBlockImage(r, 0, restored));
		/* The image is the page as it was before this change's LSN. */
		alignas(8) char want[BLCKSZ];
		memcpy(want, page, BLCKSZ);
		PageSetLSN(want, i == 1 ? 0 : (i == 3 ? e2 : e3));
		REQUIRE(memcmp(restored, want, BLCKSZ) == 0);
	}
	XLogReaderFree(r);
	XLogCloseFiles();
}

TEST_CASE("XLogRegisterBuffer logs the buffer's page and tag", "[xlog]")
{
	ScratchDataDir dir;
	StartLog();
	smgrcreate(smgropen(kRel), MAIN_FORKNUM, false);
	Buffer buf = ReadBufferWithoutRelcache(kRel, MAIN_FORKNUM, P_NEW, RBM_ZERO_AND_LOCK, nullptr,
										   true);
	MakePage(BufferGetPage(buf), 5);
	REQUIRE(XLogCheckBufferNeedsBackup(buf));
	XLogBeginInsert();
	XLogRegisterBuffer(0, buf, REGBUF_STANDARD);
	XLogRecPtr end = XLogInsert(RM_EXPERIMENTAL_ID, 0);
	PageSetLSN(BufferGetPage(buf), end);
	REQUIRE_FALSE(XLogCheckBufferNeedsBackup(buf));
	MarkBufferDirty(buf);
	UnlockReleaseBuffer(buf);
	/* Writing the page out flushes the WAL first (the write-ahead rule). */
	REQUIRE(GetFlushRecPtr(nullptr) < end);
	FlushRelationBuffers(kRel);
	REQUIRE(GetFlushRecPtr(nullptr) >= end);

	XLogReaderState *r = XLogReaderAllocate(wal_segment_size, "pg_wal", kSysid);
	XLogBeginRead(r, XLogSegNoOffsetToRecPtr(1, 0, wal_segment_size) + SizeOfXLogLongPHD);
	char *err = nullptr;
	REQUIRE(XLogReadRecord(r, &err) != nullptr);
	RelFileNode rnode;
	BlockNumber blk;
	REQUIRE(XLogRecGetBlockTag(r, 0, &rnode, nullptr, &blk));
	REQUIRE(RelFileNodeEquals(rnode, kRel));
	REQUIRE(blk == 0);
	REQUIRE(XLogRecHasBlockImage(r, 0));
	XLogReaderFree(r);
	XLogCloseFiles();
}

TEST_CASE("Misuse of the insertion API is an error, not a bad record", "[xlog]")
{
	ScratchDataDir dir;
	StartLog();
	REQUIRE_THROWS_WITH(XLogRegisterData("x", 1), "XLogBeginInsert was not called");
	XLogBeginInsert();
	REQUIRE_THROWS_WITH(XLogBeginInsert(), "XLogBeginInsert was already called");
	XLogRegisterBlock(1, &kRel, MAIN_FORKNUM, 0, nullptr, REGBUF_NO_IMAGE);
	REQUIRE_THROWS_WITH(XLogRegisterBlock(1, &kRel, MAIN_FORKNUM, 0, nullptr, REGBUF_NO_IMAGE),
						"block 1 registered twice in one WAL record");
	REQUIRE_THROWS_WITH(XLogRegisterBufData(2, "x", 1),
						"no block with id 2 registered with WAL insertion");
	XLogResetInsertion();
	/* A flush beyond what was ever inserted. */
	REQUIRE_THROWS_WITH(XLogFlush(XLogSegNoOffsetToRecPtr(9, 0, wal_segment_size)),
						"xlog flush request 0/900000 is not satisfied --- flushed only to "
						"0/100000");
	XLogCloseFiles();
}

TEST_CASE("Processes inserting at once lose no record and keep each one's order", "[xlog]")
{
	ScratchDataDir dir;
	XLogRecPtr start = StartLog(16); /* a small ring: inserters write it out */
	constexpr int kProcs = 4;
	constexpr int kEach = 400;
	std::vector<std::unique_ptr<ChildProcess>> kids;
	for (int p = 0; p < kProcs; p++)
		kids.push_back(std::make_unique<ChildProcess>([p]() {
			std::mt19937 rng(static_cast<unsigned>(p));
			for (int i = 0; i < kEach; i++)
			{
				std::string body = std::to_string(p) + ":" + std::to_string(i) + ":" +
					std::string(rng() % 3000, static_cast<char>('a' + p));
				XLogBeginInsert();
				XLogSetRecordXid(static_cast<uint64>(p) + 1);
				XLogRegisterData(body.data(), static_cast<uint32>(body.size()));
				XLogRecPtr end = XLogInsert(RM_EXPERIMENTAL_ID, 0);
				if (i % 10 == 0)
					XLogFlush(end);
			}
			XLogFlush(GetXLogInsertRecPtr());
			XLogCloseFiles();
			return 0;
		}));
	for (auto &k : kids)
		REQUIRE(k->Wait() == 0);

	XLogReaderState *r = XLogReaderAllocate(wal_segment_size, "pg_wal", kSysid);
	XLogBeginRead(r, start + SizeOfXLogLongPHD);
	std::vector<int> next(kProcs, 0);
	char *err = nullptr;
	int total = 0;
	while (XLogReadRecord(r, &err) != nullptr)
	{
		std::string body(XLogRecGetData(r), XLogRecGetDataLen(r));
		int p = std::stoi(body);
		int i = std::stoi(body.substr(body.find(':') + 1));
		REQUIRE(U64FromFullTransactionId(XLogRecGetFullXid(r)) == static_cast<uint64>(p + 1));
		REQUIRE(i == next[p]);
		next[p]++;
		total++;
	}
	REQUIRE(total == kProcs * kEach);
	XLogReaderFree(r);
}

TEST_CASE("Committers flushing together share one sync (group commit)", "[xlog]")
{
	ScratchDataDir dir;
	StartLog();
	constexpr int kCommitters = 8;
	WalUsageStats before;
	GetWalUsageStats(&before);

	/* Hold the write lock, as a committer in the middle of its sync would,
	 * while eight others insert their commit records and ask for a flush. */
	LWLockAcquire(WALWriteLock, LW_EXCLUSIVE);
	std::vector<std::unique_ptr<ChildProcess>> kids;
	for (int p = 0; p < kCommitters; p++)
		kids.push_back(std::make_unique<ChildProcess>([]() {
			XLogBeginInsert();
			XLogRegisterData("commit", 6);
			XLogRecPtr end = XLogInsert(RM_EXPERIMENTAL_ID, 0);
			XLogFlush(end);
			XLogCloseFiles();
			CHILD_REQUIRE(GetFlushRecPtr(nullptr) >= end);
			return 0;
		}));
	REQUIRE(tusk::test::WaitFor(
		[&]() {
			WalUsageStats s;
			GetWalUsageStats(&s);
			return s.wal_records == before.wal_records + kCommitters;
		},
		10000));
	LWLockRelease(WALWriteLock);
	for (auto &k : kids)
		REQUIRE(k->Wait() == 0);
	WalUsageStats after;
	GetWalUsageStats(&after);
	/* The first to get the lock wrote and synced all eight records. */
	REQUIRE(after.wal_sync - before.wal_sync == 1);
	REQUIRE(after.wal_write - before.wal_write == 1);
	XLogCloseFiles();
}
