/*
 * resowner_test.cpp — resource owners: a pin an owner holds is released
 * with the owner (silently at abort, with PostgreSQL's WARNING at commit),
 * children before parents, callbacks in every phase; the transaction's
 * own owner does the same at COMMIT and ROLLBACK; ReleaseAllBufferPins
 * leaves owners holding nothing; an owner refuses to forget a pin it does
 * not hold, and to be deleted while it holds one.
 */
#include "unit_test.h"

#include <string>
#include <utility>
#include <vector>

#include "access/xact.h"
#include "storage/buffer/buf_internals.h"
#include "storage/bufmgr.h"
#include "storage/shmem_fixture.h"
#include "storage/smgr.h"
#include "utils/error/error.h"
#include "utils/resowner.h"

using tusk::buffer::PrivateRefCount;
using tusk::error::PgError;
using tusk::test::MakeSegment;
using tusk::test::MakeSegmentWithWal;
using tusk::test::RunInBackend;
using tusk::test::ScratchDataDir;

namespace {

const RelFileNode kRel = {DEFAULTTABLESPACE_OID, 5, 16500};

/* A relation of n zeroed pages. */
void MakeRelation(int n)
{
	smgrcreate(smgropen(kRel), MAIN_FORKNUM, false);
	for (int i = 0; i < n; i++)
		UnlockReleaseBuffer(ReadBufferWithoutRelcache(kRel, MAIN_FORKNUM, P_NEW, RBM_ZERO_AND_LOCK,
													  nullptr, false));
}

Buffer Read(BlockNumber blk)
{
	return ReadBufferWithoutRelcache(kRel, MAIN_FORKNUM, blk, RBM_NORMAL, nullptr, false);
}

int PinsHeld()
{
	int n = 0;
	for (Buffer b = 1; b <= NBuffers; b++)
		n += PrivateRefCount(b);
	return n;
}

/* The WARNINGs reported while it lives (through the client channel). */
class WarningCapture
{
  public:
	WarningCapture()
	{
		warnings().clear();
		tusk::error::SetFrontendEmitter([](const tusk::error::ErrorData &e) {
			if (e.elevel == WARNING)
				warnings().push_back(e.message);
		});
	}
	~WarningCapture() { tusk::error::SetFrontendEmitter(nullptr); }
	WarningCapture(const WarningCapture &) = delete;
	WarningCapture &operator=(const WarningCapture &) = delete;

	static std::vector<std::string> &warnings()
	{
		static std::vector<std::string> w;
		return w;
	}
};

std::string ErrorOf(void (*f)(Buffer), Buffer arg)
{
	try
	{
		f(arg);
	}
	catch (const PgError &e)
	{
		return e.data().message;
	}
	return "(no error)";
}

void ReleaseAll(ResourceOwner owner, bool isCommit)
{
	ResourceOwnerRelease(owner, RESOURCE_RELEASE_BEFORE_LOCKS, isCommit, true);
	ResourceOwnerRelease(owner, RESOURCE_RELEASE_LOCKS, isCommit, true);
	ResourceOwnerRelease(owner, RESOURCE_RELEASE_AFTER_LOCKS, isCommit, true);
}

}  // namespace

TEST_CASE("A pin held by a resource owner is released at abort, silently", "[resowner]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 8);
	InitBufferPoolAccess();
	MakeRelation(3);
	ResourceOwner owner = ResourceOwnerCreate(nullptr, "Portal");
	CurrentResourceOwner = owner;
	Buffer kept = Read(1); /* a scan's current page, say */
	(void) Read(1);		   /* pinned twice */
	Buffer other = Read(2);
	ReleaseBuffer(Read(0)); /* taken and given back: nothing to do */
	REQUIRE(PinsHeld() == 3);

	WarningCapture capture;
	ReleaseAll(owner, false);
	REQUIRE(PinsHeld() == 0);
	REQUIRE(PrivateRefCount(kept) == 0);
	REQUIRE(PrivateRefCount(other) == 0);
	REQUIRE(WarningCapture::warnings().empty());
	REQUIRE(CurrentResourceOwner == owner);
	ResourceOwnerDelete(owner);
	REQUIRE(CurrentResourceOwner == nullptr);
}

TEST_CASE("A pin leaked past commit is reported as PostgreSQL reports it, then released",
		  "[resowner]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 8);
	InitBufferPoolAccess();
	MakeRelation(4);
	ResourceOwner owner = ResourceOwnerCreate(nullptr, "TopTransaction");
	CurrentResourceOwner = owner;
	Buffer leaked = Read(3);
	WarningCapture capture;
	ReleaseAll(owner, true);
	REQUIRE(PrivateRefCount(leaked) == 0);
	const std::vector<std::string> &w = WarningCapture::warnings();
	REQUIRE(w.size() == 1);
	/* [buffer] (rel=path, blockNum=, flags=state & BUF_FLAG_MASK,
	 * refcount=shared private): BM_TAG_VALID | BM_VALID, one pin. */
	char expected[200];
	snprintf(expected, sizeof expected,
			 "buffer refcount leak: [%03d] (rel=base/5/16500, blockNum=3, flags=0x%x, "
			 "refcount=1 1)",
			 leaked, BM_TAG_VALID | BM_VALID);
	REQUIRE(w[0] == expected);
	ResourceOwnerDelete(owner);
}

TEST_CASE("Children are released before their parent, and callbacks run in every phase",
		  "[resowner]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 8);
	InitBufferPoolAccess();
	MakeRelation(2);
	static std::vector<std::string> events;
	events.clear();
	ResourceOwner parent = ResourceOwnerCreate(nullptr, "TopTransaction");
	ResourceOwner child = ResourceOwnerCreate(parent, "Portal");
	REQUIRE(ResourceOwnerGetParent(child) == parent);
	CurrentResourceOwner = child;
	Buffer in_child = Read(0);
	CurrentResourceOwner = parent;
	Buffer in_parent = Read(1);
	auto callback = [](ResourceReleasePhase phase, bool isCommit, bool, void *arg) {
		events.push_back(std::string(static_cast<const char *>(arg)) + " phase " +
						 std::to_string(static_cast<int>(phase)) + (isCommit ? " commit" : ""));
	};
	RegisterResourceReleaseCallback(callback, const_cast<char *>("cb"));
	ResourceOwnerRelease(parent, RESOURCE_RELEASE_BEFORE_LOCKS, false, true);
	REQUIRE(PrivateRefCount(in_child) == 0);
	REQUIRE(PrivateRefCount(in_parent) == 0);
	ResourceOwnerRelease(parent, RESOURCE_RELEASE_LOCKS, false, true);
	UnregisterResourceReleaseCallback(callback, const_cast<char *>("cb"));
	ResourceOwnerRelease(parent, RESOURCE_RELEASE_AFTER_LOCKS, false, true);
	/* Once per owner per phase while registered: child first. */
	REQUIRE(events ==
			std::vector<std::string>{"cb phase 0", "cb phase 0", "cb phase 1", "cb phase 1"});
	ResourceOwnerDelete(parent); /* and the child with it */
	REQUIRE(CurrentResourceOwner == nullptr);
}

TEST_CASE("A transaction's resource owner releases its pins at ROLLBACK and at COMMIT",
		  "[resowner][xact]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal(8);
	MakeRelation(2);
	REQUIRE(RunInBackend([] {
				REQUIRE(CurrentResourceOwner == nullptr);
				StartTransactionCommand();
				if (CurrentResourceOwner == nullptr ||
					CurrentResourceOwner != TopTransactionResourceOwner ||
					CurTransactionResourceOwner != TopTransactionResourceOwner)
					return 1;
				Buffer buf = Read(0); /* left pinned by a failed command */
				{
					WarningCapture capture;
					AbortCurrentTransaction();
					if (PrivateRefCount(buf) != 0 || !WarningCapture::warnings().empty())
						return 2;
				}
				if (CurrentResourceOwner != nullptr || TopTransactionResourceOwner != nullptr)
					return 3;

				StartTransactionCommand();
				buf = Read(1); /* forgotten by careless code */
				{
					WarningCapture capture;
					CommitTransactionCommand();
					if (PrivateRefCount(buf) != 0 || WarningCapture::warnings().size() != 1 ||
						WarningCapture::warnings()[0].rfind("buffer refcount leak: ", 0) != 0)
						return 4;
				}
				/* Pins taken and given back within the transaction: no warning. */
				StartTransactionCommand();
				ReleaseBuffer(Read(1));
				{
					WarningCapture capture;
					CommitTransactionCommand();
					if (!WarningCapture::warnings().empty())
						return 5;
				}
				return PinsHeld() == 0 ? 0 : 6;
			}) == 0);
}

TEST_CASE("ReleaseAllBufferPins leaves every owner holding nothing", "[resowner]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 8);
	InitBufferPoolAccess();
	MakeRelation(2);
	ResourceOwner owner = ResourceOwnerCreate(nullptr, "TopTransaction");
	CurrentResourceOwner = owner;
	(void) Read(0);
	(void) Read(1);
	ReleaseAllBufferPins();
	REQUIRE(PinsHeld() == 0);
	/* Nothing left to release, nothing to warn about, nothing in the way
	 * of deleting it. */
	WarningCapture capture;
	ReleaseAll(owner, true);
	REQUIRE(WarningCapture::warnings().empty());
	ResourceOwnerDelete(owner);
}

TEST_CASE("An owner refuses to forget a pin it does not hold, and to go while holding one",
		  "[resowner]")
{
	ScratchDataDir dir;
	MakeSegment(5, 2, 8);
	InitBufferPoolAccess();
	MakeRelation(1);
	Buffer untracked = Read(0); /* no current owner */
	ResourceOwner owner = ResourceOwnerCreate(nullptr, "Portal");
	CurrentResourceOwner = owner;
	char expected[100];
	snprintf(expected, sizeof expected, "buffer %d is not owned by resource owner Portal",
			 untracked);
	REQUIRE(ErrorOf(ReleaseBuffer, untracked) == expected);
	REQUIRE(PrivateRefCount(untracked) == 1); /* nothing changed */

	Buffer tracked = Read(0);
	REQUIRE(ErrorOf([](Buffer) { ResourceOwnerDelete(CurrentResourceOwner); }, tracked) ==
			"resource owner Portal still holds resources");
	ReleaseBuffer(tracked);
	ResourceOwnerDelete(owner);
	REQUIRE(CurrentResourceOwner == nullptr);
	ReleaseBuffer(untracked);
	REQUIRE(PinsHeld() == 0);
}
