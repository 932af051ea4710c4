/*
 * smgr_test.cpp — relation files: create, extend, read, write, count,
 * truncate and unlink, across a 1 GB segment boundary (with sparse files),
 * and PostgreSQL's error texts.
 */
#include "unit_test.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <string>

#include "storage/bufpage.h"
#include "storage/shmem_fixture.h"
#include "storage/smgr.h"
#include "storage/sync.h"
#include "utils/error/error.h"

using tusk::error::PgError;
using DataDirScope = tusk::test::ScratchDataDir;

namespace {

struct Block
{
	alignas(8) char data[BLCKSZ];
	explicit Block(char fill) { memset(data, fill, BLCKSZ); }
};

std::string MessageOf(const std::function<void()> &f)
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

const RelFileNode kRel = {DEFAULTTABLESPACE_OID, 5, 16384};

}  // namespace

TEST_CASE("Relation paths follow PostgreSQL's layout", "[smgr]")
{
	REQUIRE(std::string(GetRelationPath(kRel, MAIN_FORKNUM)) == "base/5/16384");
	REQUIRE(std::string(GetRelationPath(kRel, FSM_FORKNUM)) == "base/5/16384_fsm");
	REQUIRE(std::string(GetRelationPath(kRel, VISIBILITYMAP_FORKNUM)) == "base/5/16384_vm");
	REQUIRE(std::string(GetRelationPath(kRel, INIT_FORKNUM)) == "base/5/16384_init");
	RelFileNode shared = {GLOBALTABLESPACE_OID, 0, 1262};
	REQUIRE(std::string(GetRelationPath(shared, MAIN_FORKNUM)) == "global/1262");
	RelFileNode other = {99999, 5, 1};
	REQUIRE_THROWS_AS(GetRelationPath(other, MAIN_FORKNUM), PgError);
}

TEST_CASE("Create, extend, read, overwrite and count blocks", "[smgr]")
{
	DataDirScope scope;
	SMgrRelation rel = smgropen(kRel);
	REQUIRE(smgropen(kRel) == rel);
	REQUIRE_FALSE(smgrexists(rel, MAIN_FORKNUM));
	smgrcreate(rel, MAIN_FORKNUM, false);
	REQUIRE(smgrexists(rel, MAIN_FORKNUM));
	REQUIRE(smgrnblocks(rel, MAIN_FORKNUM) == 0);
	REQUIRE(MessageOf([&] { smgrcreate(rel, MAIN_FORKNUM, false); }) ==
			"could not create file \"base/5/16384\": File exists");
	smgrcreate(rel, MAIN_FORKNUM, true); /* redo of a creation: fine */

	for (BlockNumber b = 0; b < 3; b++)
	{
		Block blk(static_cast<char>('a' + b));
		smgrextend(rel, MAIN_FORKNUM, b, blk.data, false);
	}
	REQUIRE(smgrnblocks(rel, MAIN_FORKNUM) == 3);
	Block in(0);
	smgrread(rel, MAIN_FORKNUM, 1, in.data);
	REQUIRE(in.data[0] == 'b');
	REQUIRE(in.data[BLCKSZ - 1] == 'b');
	Block out('z');
	smgrwrite(rel, MAIN_FORKNUM, 1, out.data, false);
	smgrread(rel, MAIN_FORKNUM, 1, in.data);
	REQUIRE(in.data[100] == 'z');
	smgrimmedsync(rel, MAIN_FORKNUM);
	REQUIRE(ProcessSyncRequests() == 1); /* a standalone process keeps its own requests */
	REQUIRE(ProcessSyncRequests() == 0);

	REQUIRE(MessageOf([&] { smgrread(rel, MAIN_FORKNUM, 5, in.data); }) ==
			"could not read block 5 in file \"base/5/16384\": read only 0 of 8192 bytes");

	/* A fresh handle (another process, in effect) sees the same file. */
	smgrclose(rel);
	rel = smgropen(kRel);
	REQUIRE(smgrnblocks(rel, MAIN_FORKNUM) == 3);
	smgrread(rel, MAIN_FORKNUM, 2, in.data);
	REQUIRE(in.data[7] == 'c');

	/* Other forks are other files. */
	REQUIRE_FALSE(smgrexists(rel, FSM_FORKNUM));
	smgrcreate(rel, FSM_FORKNUM, false);
	REQUIRE(access("base/5/16384_fsm", F_OK) == 0);
}

TEST_CASE("Blocks past 1 GB go to the next segment file", "[smgr]")
{
	DataDirScope scope;
	SMgrRelation rel = smgropen(kRel);
	smgrcreate(rel, MAIN_FORKNUM, false);
	Block blk('q');
	/* Sparse: only the written blocks take disk space. */
	smgrextend(rel, MAIN_FORKNUM, RELSEG_SIZE - 1, blk.data, true);
	smgrextend(rel, MAIN_FORKNUM, RELSEG_SIZE, blk.data, true);
	blk.data[0] = 'r';
	smgrextend(rel, MAIN_FORKNUM, RELSEG_SIZE + 1, blk.data, true);
	REQUIRE(smgrnblocks(rel, MAIN_FORKNUM) == RELSEG_SIZE + 2);
	struct stat st;
	REQUIRE(stat("base/5/16384", &st) == 0);
	REQUIRE(st.st_size == static_cast<off_t>(RELSEG_SIZE) * BLCKSZ);
	REQUIRE(stat("base/5/16384.1", &st) == 0);
	REQUIRE(st.st_size == 2 * BLCKSZ);
	Block in(0);
	smgrread(rel, MAIN_FORKNUM, RELSEG_SIZE + 1, in.data);
	REQUIRE(in.data[0] == 'r');
	smgrread(rel, MAIN_FORKNUM, 5, in.data); /* the hole reads as zeroes */
	REQUIRE(in.data[0] == 0);

	/* Truncating below the boundary removes the second segment. */
	smgrtruncate(rel, MAIN_FORKNUM, RELSEG_SIZE - 10);
	REQUIRE(smgrnblocks(rel, MAIN_FORKNUM) == RELSEG_SIZE - 10);
	REQUIRE(access("base/5/16384.1", F_OK) != 0);
	REQUIRE(MessageOf([&] { smgrtruncate(rel, MAIN_FORKNUM, RELSEG_SIZE); }) ==
			"could not truncate file \"base/5/16384\" to 131072 blocks: it's only 131062 blocks "
			"now");
	smgrtruncate(rel, MAIN_FORKNUM, 0);
	REQUIRE(smgrnblocks(rel, MAIN_FORKNUM) == 0);

	smgrunlink(rel, MAIN_FORKNUM, false);
	REQUIRE_FALSE(smgrexists(rel, MAIN_FORKNUM));
	REQUIRE(access("base/5/16384", F_OK) != 0);
}
