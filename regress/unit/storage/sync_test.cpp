/*
 * sync_test.cpp — files written by other processes reach the checkpointer
 * through the request queue and are synced once per checkpoint; forgotten
 * files are not synced; a full queue squeezes out duplicates before it
 * refuses; without a checkpointer, writers sync for themselves.
 */
#include "unit_test.h"

#include <string.h>

#include <vector>

#include "miscadmin.h"
#include "postmaster/bgwriter.h"
#include "storage/shmem_fixture.h"
#include "storage/smgr.h"
#include "storage/sync.h"

using tusk::test::ChildProcess;
using tusk::test::MakeSegment;
using tusk::test::ScratchDataDir;

namespace {

RelFileNode Rel(Oid relnode)
{
	return RelFileNode{DEFAULTTABLESPACE_OID, 5, relnode};
}

FileTag Tag(Oid relnode)
{
	FileTag tag;
	memset(&tag, 0, sizeof tag);
	tag.handler = SYNC_HANDLER_MD;
	tag.forknum = MAIN_FORKNUM;
	tag.rnode = Rel(relnode);
	tag.segno = 0;
	return tag;
}

struct Block
{
	alignas(8) char data[BLCKSZ];
	explicit Block(char fill) { memset(data, fill, BLCKSZ); }
};

/* The test process plays the checkpointer for one test case. */
class AsCheckpointer
{
  public:
	AsCheckpointer() : saved_(MyBackendType) { SetCheckpointerProcess(); }
	~AsCheckpointer() { MyBackendType = saved_; }

  private:
	BackendType saved_;
};

/* Run fn in a forked process that forwards its requests, as a backend. */
int InBackend(const std::function<int()> &fn)
{
	ChildProcess child([&fn] {
		IsUnderPostmaster = true;
		MyBackendType = B_BACKEND;
		int rc = fn();
		smgrcloseall();
		return rc;
	});
	return child.Wait();
}

void CreateRelations(Oid first, int n)
{
	for (int i = 0; i < n; i++)
	{
		SMgrRelation r = smgropen(Rel(first + static_cast<Oid>(i)));
		smgrcreate(r, MAIN_FORKNUM, false);
		Block b('a');
		smgrextend(r, MAIN_FORKNUM, 0, b.data, false);
	}
}

}  // namespace

TEST_CASE("Files written by other processes are synced once by the checkpointer", "[sync]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 64);
	AsCheckpointer checkpointer;
	CreateRelations(16384, 3);
	REQUIRE(ProcessSyncRequests() == 3);
	REQUIRE(ProcessSyncRequests() == 0);

	/* Two writers, overlapping on one file. */
	REQUIRE(InBackend([] {
				Block b('b');
				smgrwrite(smgropen(Rel(16384)), MAIN_FORKNUM, 0, b.data, false);
				smgrwrite(smgropen(Rel(16385)), MAIN_FORKNUM, 0, b.data, false);
				return 0;
			}) == 0);
	REQUIRE(InBackend([] {
				Block b('c');
				smgrwrite(smgropen(Rel(16385)), MAIN_FORKNUM, 0, b.data, false);
				smgrextend(smgropen(Rel(16386)), MAIN_FORKNUM, 1, b.data, false);
				/* Writes that need no sync are not queued. */
				smgrwrite(smgropen(Rel(16386)), MAIN_FORKNUM, 0, b.data, true);
				return 0;
			}) == 0);
	REQUIRE(ProcessSyncRequests() == 3);
	REQUIRE(ProcessSyncRequests() == 0);

	REQUIRE(InBackend([] {
				Block b('d');
				smgrwrite(smgropen(Rel(16386)), MAIN_FORKNUM, 0, b.data, true);
				return 0;
			}) == 0);
	REQUIRE(ProcessSyncRequests() == 0);
	smgrcloseall();
}

TEST_CASE("A file forgotten before its removal is not synced", "[sync]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 64);
	AsCheckpointer checkpointer;
	REQUIRE(InBackend([] {
				CreateRelations(16390, 2);
				smgrunlink(smgropen(Rel(16390)), MAIN_FORKNUM, false);
				return 0;
			}) == 0);
	/* Only the surviving file; the removed one would fail to open. */
	REQUIRE(ProcessSyncRequests() == 1);

	/* Forgotten while remembered locally, then written again: synced. */
	CreateRelations(16392, 1);
	FileTag tag = Tag(16392);
	REQUIRE(RegisterSyncRequest(&tag, SYNC_FORGET_REQUEST, true));
	REQUIRE(ProcessSyncRequests() == 0);
	CreateRelations(16393, 1);
	REQUIRE(RegisterSyncRequest(&tag, SYNC_FORGET_REQUEST, true));
	REQUIRE(RegisterSyncRequest(&tag, SYNC_REQUEST, true));
	REQUIRE(ProcessSyncRequests() == 2);
	smgrcloseall();
}

TEST_CASE("A full request queue drops duplicates before it refuses", "[sync]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 16); /* a queue of 16 */
	AsCheckpointer checkpointer;
	CreateRelations(16400, 17);
	REQUIRE(ProcessSyncRequests() == 17);

	REQUIRE(InBackend([] {
				/* Eight files, twice each: full. */
				for (int round = 0; round < 2; round++)
					for (Oid i = 0; i < 8; i++)
					{
						FileTag tag = Tag(16400 + i);
						CHILD_REQUIRE(RegisterSyncRequest(&tag, SYNC_REQUEST, false));
					}
				/* Room is made by dropping the duplicates, up to 16 distinct. */
				for (Oid i = 8; i < 16; i++)
				{
					FileTag tag = Tag(16400 + i);
					CHILD_REQUIRE(RegisterSyncRequest(&tag, SYNC_REQUEST, false));
				}
				/* Sixteen distinct files: nothing left to drop. */
				FileTag tag = Tag(16416);
				CHILD_REQUIRE(!RegisterSyncRequest(&tag, SYNC_REQUEST, false));
				return 0;
			}) == 0);
	REQUIRE(ProcessSyncRequests() == 16);
	smgrcloseall();
}

TEST_CASE("Without a checkpointer, writers sync their own files", "[sync]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 64);
	CreateRelations(16420, 1);
	REQUIRE(ProcessSyncRequests() == 1); /* the test process: standalone */
	REQUIRE(InBackend([] {
				FileTag tag = Tag(16420);
				/* Nobody to take it: the caller must sync. */
				CHILD_REQUIRE(!RegisterSyncRequest(&tag, SYNC_REQUEST, false));
				/* Nothing to forget: done at once. */
				CHILD_REQUIRE(RegisterSyncRequest(&tag, SYNC_FORGET_REQUEST, true));
				Block b('e');
				smgrwrite(smgropen(Rel(16420)), MAIN_FORKNUM, 0, b.data, false);
				return 0;
			}) == 0);
	REQUIRE(ProcessSyncRequests() == 0);
	smgrcloseall();
}
