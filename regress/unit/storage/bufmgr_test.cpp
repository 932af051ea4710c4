/*
 * bufmgr_test.cpp — the shared buffer pool with a handful of buffers, so
 * every test evicts: pages survive write-back and re-reading, damage on
 * disk is refused, pins are honoured, the write-ahead rule is enforced,
 * and processes updating the same page under its content lock lose
 * nothing.
 */
#include "unit_test.h"

#include <string.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "miscadmin.h"
#include "storage/lwlock.h"
#include "storage/buffer/buf_internals.h"
#include "storage/bufmgr.h"
#include "storage/shmem_fixture.h"
#include "storage/smgr.h"
#include "utils/error/error.h"

using tusk::error::PgError;
using tusk::test::ChildProcess;
using tusk::test::MakeSegment;
using tusk::test::ScratchDataDir;

namespace {

const RelFileNode kRel = {DEFAULTTABLESPACE_OID, 5, 16384};

Buffer Read(BlockNumber blk, bool permanent = false)
{
	return ReadBufferWithoutRelcache(kRel, MAIN_FORKNUM, blk, RBM_NORMAL, nullptr, permanent);
}

/* A relation of n pages, page i holding the item "block i". */
void MakeRelation(int n)
{
	smgrcreate(smgropen(kRel), MAIN_FORKNUM, false);
	for (int i = 0; i < n; i++)
	{
		Buffer buf = Read(P_NEW);
		REQUIRE(BufferGetBlockNumber(buf) == static_cast<BlockNumber>(i));
		LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
		Page page = BufferGetPage(buf);
		PageInit(page, BLCKSZ, 0);
		std::string item = "block " + std::to_string(i);
		REQUIRE(PageAddItem(page, item.c_str(), item.size(), InvalidOffsetNumber, false) == 1);
		MarkBufferDirty(buf);
		UnlockReleaseBuffer(buf);
	}
}

std::string FirstItem(Page page)
{
	ItemId id = PageGetItemId(page, FirstOffsetNumber);
	return std::string(PageGetItem(page, id), ItemIdGetLength(id));
}

std::string ErrorOf(const std::function<void()> &f)
{
	try
	{
		f();
	}
	catch (const PgError &e)
	{
		return e.data().message;
	}
	return "(no error)";
}

}  // namespace

TEST_CASE("Pages survive eviction, write-back and re-reading", "[bufmgr]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 8);
	InitBufferPoolAccess();
	MakeRelation(40);
	REQUIRE(smgrnblocks(smgropen(kRel), MAIN_FORKNUM) == 40);
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 40; i++)
		{
			tusk::BufferPin pin(Read(i));
			LockBuffer(pin.get(), BUFFER_LOCK_SHARE);
			REQUIRE(FirstItem(pin.page()) == "block " + std::to_string(i));
			LockBuffer(pin.get(), BUFFER_LOCK_UNLOCK);
		}
	FlushAllBuffers();
	/* On disk, with a valid checksum. */
	alignas(8) char raw[BLCKSZ];
	smgrread(smgropen(kRel), MAIN_FORKNUM, 39, raw);
	REQUIRE(PageIsVerifiedExtended(raw, 39, 0));
	REQUIRE(FirstItem(raw) == "block 39");
	REQUIRE(reinterpret_cast<PageHeader>(raw)->pd_checksum != 0);

	/* RBM_ZERO_AND_LOCK gives a zeroed page, locked exclusively. */
	Buffer buf = ReadBufferWithoutRelcache(kRel, MAIN_FORKNUM, P_NEW, RBM_ZERO_AND_LOCK, nullptr,
										   false);
	REQUIRE(PageIsNew(BufferGetPage(buf)));
	REQUIRE_FALSE(ConditionalLockBuffer(buf)); /* we hold it exclusively */
	MarkBufferDirty(buf);
	UnlockReleaseBuffer(buf);
}

TEST_CASE("A page damaged on disk is refused when read", "[bufmgr]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 8);
	InitBufferPoolAccess();
	MakeRelation(10);
	FlushAllBuffers();
	DropRelFileNodeBuffers(kRel, MAIN_FORKNUM, 0);

	SMgrRelation rel = smgropen(kRel);
	alignas(8) char raw[BLCKSZ];
	smgrread(rel, MAIN_FORKNUM, 3, raw);
	raw[BLCKSZ - 2] ^= 0x40;
	smgrwrite(rel, MAIN_FORKNUM, 3, raw, true);

	for (int attempt = 0; attempt < 2; attempt++)
		REQUIRE(ErrorOf([] { Read(3); }) == "invalid page in block 3 of relation base/5/16384");
	/* The failed read's guards let go of its I/O lock and its pin. */
	REQUIRE_FALSE(LWLockAnyHeldByMe());
	/* Its neighbours are fine, and nothing stayed pinned. */
	Buffer ok = Read(4);
	LockBuffer(ok, BUFFER_LOCK_SHARE);
	REQUIRE(FirstItem(BufferGetPage(ok)) == "block 4");
	UnlockReleaseBuffer(ok);
	for (int i = 0; i < 8; i++)
		ReleaseBuffer(Read(i == 3 ? 9 : i));
}

TEST_CASE("Pinned buffers are never evicted; when all are pinned, reads fail cleanly", "[bufmgr]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 4);
	InitBufferPoolAccess();
	MakeRelation(6);
	std::vector<Buffer> pinned;
	for (int i = 0; i < 4; i++)
		pinned.push_back(Read(i));
	REQUIRE(ErrorOf([] { Read(5); }) == "no unpinned buffers available");
	/* The pinned pages are intact and still where they were. */
	for (int i = 0; i < 4; i++)
		REQUIRE(BufferGetBlockNumber(pinned[i]) == static_cast<BlockNumber>(i));
	ReleaseBuffer(pinned[0]);
	Buffer b5 = Read(5);
	REQUIRE(b5 == pinned[0]); /* the only unpinned buffer */
	ReleaseBuffer(b5);
	ReleaseAllBufferPins();
	REQUIRE(ErrorOf([] { ReleaseBuffer(1); }) == "buffer 1 is not pinned");
}

TEST_CASE("A dirty page is not written before its WAL is flushed", "[bufmgr]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 8);
	InitBufferPoolAccess();
	smgrcreate(smgropen(kRel), MAIN_FORKNUM, false);
	Buffer buf = ReadBufferWithoutRelcache(kRel, MAIN_FORKNUM, P_NEW, RBM_ZERO_AND_LOCK, nullptr,
										   true);
	PageInit(BufferGetPage(buf), BLCKSZ, 0);
	PageSetLSN(BufferGetPage(buf), 0x10);
	MarkBufferDirty(buf);
	UnlockReleaseBuffer(buf);
	REQUIRE(ErrorOf([] { FlushAllBuffers(); }) ==
			"xlog flush request 0/10 is not satisfied --- flushed only to 0/0");
	/* Nothing reached the file. */
	alignas(8) char raw[BLCKSZ];
	smgrread(smgropen(kRel), MAIN_FORKNUM, 0, raw);
	REQUIRE(PageIsNew(raw));
	/* The failed write let go of everything it took: content and I/O
	 * locks, and its pin. */
	REQUIRE_FALSE(LWLockAnyHeldByMe());
	for (Buffer b = 1; b <= NBuffers; b++)
		REQUIRE(tusk::buffer::PrivateRefCount(b) == 0);
}

TEST_CASE("Processes updating one page under its content lock lose no update", "[bufmgr]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 8);
	InitBufferPoolAccess();
	MakeRelation(20);
	constexpr int kProcs = 4;
	constexpr int kIterations = 2000;
	std::vector<std::unique_ptr<ChildProcess>> children;
	for (int p = 0; p < kProcs; p++)
		children.push_back(std::make_unique<ChildProcess>([p] {
			InitBufferPoolAccess();
			for (int i = 0; i < kIterations; i++)
			{
				Buffer buf = Read(0);
				LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
				int64 *counter = reinterpret_cast<int64 *>(PageGetContents(BufferGetPage(buf)) +
														   1024);
				int64 v = *counter;
				*counter = v + 1;
				MarkBufferDirty(buf);
				UnlockReleaseBuffer(buf);
				/* Churn: other pages push buffers out of the pool. */
				Buffer other = Read(1 + (i * 7 + p) % 19);
				LockBuffer(other, BUFFER_LOCK_SHARE);
				bool ok = FirstItem(BufferGetPage(other)).rfind("block ", 0) == 0;
				UnlockReleaseBuffer(other);
				CHILD_REQUIRE(ok);
			}
			return 0;
		}));
	for (auto &c : children)
		REQUIRE(c->Wait() == 0);

	auto counter = [] {
		Buffer buf = Read(0);
		LockBuffer(buf, BUFFER_LOCK_SHARE);
		int64 v = *reinterpret_cast<int64 *>(PageGetContents(BufferGetPage(buf)) + 1024);
		UnlockReleaseBuffer(buf);
		return v;
	};
	REQUIRE(counter() == static_cast<int64>(kProcs) * kIterations);
	/* And from disk. */
	FlushAllBuffers();
	DropRelFileNodeBuffers(kRel, MAIN_FORKNUM, 0);
	REQUIRE(counter() == static_cast<int64>(kProcs) * kIterations);
}
