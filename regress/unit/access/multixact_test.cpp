/*
 * multixact_test.cpp — multixact ids: members read back as created
 * (across member pages), creation WAL-logged and replayed after shared
 * memory and the pg_multixact files are lost, and truncation at a
 * checkpoint of segments no running transaction and no updater needs.
 */
#include "unit_test.h"

#include <filesystem>
#include <vector>

#include "access/multixact.h"
#include "access/xlog.h"
#include "storage/shmem_fixture.h"
#include "utils/error/error.h"

using tusk::error::PgError;
using tusk::test::CrashAndReplay;
using tusk::test::MakeSegmentWithWal;
using tusk::test::RunInBackend;
using tusk::test::ScratchDataDir;

namespace {

/* Multixact i (from 0) has i % 7 + 1 members, with ids and statuses
 * derived from i, so any of them can be checked alone. */
std::vector<MultiXactMember> MembersFor(int i)
{
	std::vector<MultiXactMember> out;
	int n = i % 7 + 1;
	for (int k = 0; k < n; k++)
	{
		auto status = static_cast<MultiXactStatus>(k == 0 && i % 3 == 0 ? MultiXactStatusUpdate
																		: (i + k) % 4);
		uint64 xid = 1000 + static_cast<uint64>(i) * 10 + static_cast<uint64>(k);
		out.push_back(MultiXactMember{FullTransactionIdFromU64(xid), status});
	}
	return out;
}

bool SameMembers(MultiXactId multi, const std::vector<MultiXactMember> &want)
{
	MultiXactMember *got;
	int n = GetMultiXactIdMembers(multi, &got, false);
	if (n != static_cast<int>(want.size()))
		return false;
	for (int k = 0; k < n; k++)
		if (!FullTransactionIdEquals(got[k].xid, want[static_cast<size_t>(k)].xid) ||
			got[k].status != want[static_cast<size_t>(k)].status)
			return false;
	return true;
}

constexpr int kMultis = 400; /* about 1600 members: several member pages */

int CreateMany()
{
	for (int i = 0; i < kMultis; i++)
	{
		std::vector<MultiXactMember> m = MembersFor(i);
		MultiXactId multi = MultiXactIdCreateFromMembers(static_cast<int>(m.size()), m.data());
		CHILD_REQUIRE(multi == FirstMultiXactId + static_cast<uint64>(i));
	}
	return 0;
}

}  // namespace

TEST_CASE("A multixact's members read back as created, across member pages", "[multixact]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	BootStrapMultiXact();
	REQUIRE(RunInBackend([] {
				CHILD_REQUIRE(CreateMany() == 0);
				for (int i = 0; i < kMultis; i++)
					CHILD_REQUIRE(
						SameMembers(FirstMultiXactId + static_cast<uint64>(i), MembersFor(i)));
				/* Only multixacts with an updater name one. */
				CHILD_REQUIRE(FullTransactionIdEquals(MultiXactIdGetUpdateXid(FirstMultiXactId),
													  MembersFor(0)[0].xid));
				CHILD_REQUIRE(
					!FullTransactionIdIsValid(MultiXactIdGetUpdateXid(FirstMultiXactId + 1)));
				/* None of these made-up members is running. */
				CHILD_REQUIRE(!MultiXactIdIsRunning(FirstMultiXactId + 5, false));
				/* One not created yet is an error. */
				MultiXactMember *m;
				bool failed = false;
				try
				{
					(void) GetMultiXactIdMembers(FirstMultiXactId + kMultis, &m, true);
				}
				catch (const PgError &)
				{
					failed = true;
				}
				CHILD_REQUIRE(failed);
				CheckPointMultiXact();
				return 0;
			}) == 0);
	REQUIRE(std::filesystem::exists("pg_multixact/offsets/000000000000000"));
	REQUIRE(std::filesystem::exists("pg_multixact/members/000000000000000"));
}

TEST_CASE("Replay rebuilds multixacts lost with shared memory and pg_multixact", "[multixact]")
{
	ScratchDataDir dir;
	XLogRecPtr start = MakeSegmentWithWal();
	BootStrapMultiXact();
	REQUIRE(RunInBackend([] { return CreateMany(); }) == 0);
	XLogFlush(GetXLogInsertRecPtr());
	/* The crash: nothing of pg_multixact reached disk. */
	std::filesystem::remove_all("pg_multixact");
	BootStrapMultiXact();
	REQUIRE(CrashAndReplay(start, {}, 16).records > kMultis);
	MultiXactId next, oldest, oldest_update;
	MultiXactOffset next_offset;
	MultiXactGetCheckptMulti(&next, &next_offset, &oldest, &oldest_update);
	REQUIRE(next == FirstMultiXactId + kMultis);
	REQUIRE(oldest_update == FirstMultiXactId); /* the first has an updater */
	REQUIRE(RunInBackend([] {
				for (int i = 0; i < kMultis; i++)
					CHILD_REQUIRE(
						SameMembers(FirstMultiXactId + static_cast<uint64>(i), MembersFor(i)));
				return 0;
			}) == 0);
}

TEST_CASE("A checkpoint truncates whole segments of multixacts no one needs", "[multixact]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(64);
	BootStrapMultiXact();
	/* Two segments' worth of lock-only multixacts of ended members (512
	 * offsets entries a page, 32 pages a segment), then one with an
	 * updater, then more. */
	constexpr int kPerSegment = 512 * 32;
	REQUIRE(RunInBackend([] {
				MultiXactMember locker{FullTransactionIdFromU64(5000), MultiXactStatusForShare};
				for (int i = 0; i < 2 * kPerSegment + 10; i++)
					(void) MultiXactIdCreateFromMembers(1, &locker);
				MultiXactMember update{FullTransactionIdFromU64(5001), MultiXactStatusUpdate};
				(void) MultiXactIdCreateFromMembers(1, &update);
				for (int i = 0; i < kPerSegment; i++)
					(void) MultiXactIdCreateFromMembers(1, &locker);
				CheckPointMultiXact();
				TruncateMultiXact();
				return 0;
			}) == 0);
	/* The first two segments went; the one with the updater stays. */
	REQUIRE(!std::filesystem::exists("pg_multixact/offsets/000000000000000"));
	REQUIRE(!std::filesystem::exists("pg_multixact/offsets/000000000000001"));
	REQUIRE(std::filesystem::exists("pg_multixact/offsets/000000000000002"));
	MultiXactId next, oldest, oldest_update;
	MultiXactOffset next_offset;
	MultiXactGetCheckptMulti(&next, &next_offset, &oldest, &oldest_update);
	REQUIRE(oldest == oldest_update);
	REQUIRE(RunInBackend([] {
				/* A truncated lock-only multixact has no members; the one
				 * with the updater still names it. */
				MultiXactMember *m;
				CHILD_REQUIRE(GetMultiXactIdMembers(FirstMultiXactId, &m, true) == 0);
				CHILD_REQUIRE(!MultiXactIdIsRunning(FirstMultiXactId, true));
				CHILD_REQUIRE(FullTransactionIdEquals(MultiXactIdGetUpdateXid(FirstMultiXactId +
																			  2 * kPerSegment + 10),
													  FullTransactionIdFromU64(5001)));
				return 0;
			}) == 0);
}
