/*
 * mcxt_test.cpp — memory contexts (utils/memutils.h) and palloc
 * (utils/palloc.h): what a reset and a delete free, in which order reset
 * callbacks run, where a chunk belongs, how repalloc moves data between
 * size classes and big chunks, how much memory a context holds, the
 * allocation flags and failures (invalid size, out of memory with
 * PostgreSQL's SQLSTATE and DETAIL), the statistics format,
 * ErrorContext's reserve, the transaction's context, and the scans and
 * WAL readers that live in contexts.
 */
#include "unit_test.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "access/heapam.h"
#include "access/relation.h"
#include "access/table.h"
#include "access/xact.h"
#include "access/xlog.h"
#include "access/rmgr.h"
#include "access/xloginsert.h"
#include "access/xlogreader.h"
#include "catalog/storage.h"
#include "miscadmin.h"
#include "storage/shmem_fixture.h"
#include "utils/snapmgr.h"
#include "utils/error/error.h"
#include "utils/memdebug.h"
#include "utils/memutils.h"

using tusk::error::PgError;
using tusk::error::UnpackSqlState;
using tusk::test::ChildProcess;
using tusk::test::MakeSegmentWithWal;
using tusk::test::RunInBackend;
using tusk::test::ScratchDataDir;

namespace {

/* A context under TopMemoryContext for one test, deleted at its end. */
struct TestContext
{
	explicit TestContext(const char *name, Size min = ALLOCSET_DEFAULT_MINSIZE,
						 Size init = ALLOCSET_DEFAULT_INITSIZE, Size max = ALLOCSET_DEFAULT_MAXSIZE)
		: cxt(AllocSetContextCreate(TopMemoryContext, name, min, init, max))
	{}
	~TestContext()
	{
		MemoryContextSwitchTo(TopMemoryContext);
		MemoryContextDelete(cxt);
	}
	MemoryContext cxt;
};

/* What fn writes to stderr (file descriptor 2). */
std::string CaptureStderr(const std::function<void()> &fn)
{
	fflush(stderr);
	FILE *tmp = tmpfile();
	REQUIRE(tmp != nullptr);
	int saved = dup(STDERR_FILENO);
	dup2(fileno(tmp), STDERR_FILENO);
	auto restore = [&] {
		fflush(stderr);
		dup2(saved, STDERR_FILENO);
		close(saved);
	};
	try
	{
		fn();
	}
	catch (...)
	{
		restore();
		fclose(tmp);
		throw;
	}
	restore();
	std::string out;
	rewind(tmp);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, tmp)) > 0)
		out.append(buf, n);
	fclose(tmp);
	return out;
}

std::vector<std::string> Lines(const std::string &s)
{
	std::vector<std::string> out;
	size_t start = 0;
	while (start < s.size())
	{
		size_t end = s.find('\n', start);
		if (end == std::string::npos)
			end = s.size();
		out.push_back(s.substr(start, end - start));
		start = end + 1;
	}
	return out;
}

std::vector<int> *callback_log = nullptr;

void LogCallback(void *arg)
{
	callback_log->push_back(static_cast<int>(reinterpret_cast<intptr_t>(arg)));
}

MemoryContextCallback *RegisterLogged(MemoryContext cxt, int tag)
{
	auto *cb = static_cast<MemoryContextCallback *>(
		MemoryContextAlloc(cxt, sizeof(MemoryContextCallback)));
	cb->func = LogCallback;
	cb->arg = reinterpret_cast<void *>(static_cast<intptr_t>(tag));
	MemoryContextRegisterResetCallback(cxt, cb);
	return cb;
}

/* A kind of context whose every allocation fails, to reach the
 * out-of-memory path without exhausting anything. */
void *RefuseAlloc(MemoryContext, Size)
{
	return nullptr;
}

}  // namespace

TEST_CASE("The process starts with TopMemoryContext, and ErrorContext below it", "[mcxt]")
{
	REQUIRE(MemoryContextIsValid(TopMemoryContext));
	REQUIRE(MemoryContextGetParent(TopMemoryContext) == nullptr);
	REQUIRE(MemoryContextIsValid(CurrentMemoryContext));
	REQUIRE(strcmp(TopMemoryContext->name, "TopMemoryContext") == 0);
	REQUIRE(MemoryContextGetParent(ErrorContext) == TopMemoryContext);
	REQUIRE(strcmp(ErrorContext->name, "ErrorContext") == 0);
	REQUIRE(ErrorContext->allowInCritSection);
	/* A second call changes nothing. */
	MemoryContext top = TopMemoryContext;
	MemoryContextInit();
	REQUIRE(TopMemoryContext == top);
}

TEST_CASE("palloc allocates in the current context and pfree finds the chunk's own context",
		  "[mcxt]")
{
	TestContext a("a");
	TestContext b("b");
	MemoryContextSwitchTo(TopMemoryContext);
	MemoryContext old = MemoryContextSwitchTo(a.cxt);
	REQUIRE(old == TopMemoryContext);
	void *pa = palloc(100);
	MemoryContextSwitchTo(b.cxt);
	void *pb = palloc(100);
	REQUIRE(GetMemoryChunkContext(pa) == a.cxt);
	REQUIRE(GetMemoryChunkContext(pb) == b.cxt);
	REQUIRE(MemoryContextContains(a.cxt, pa));
	REQUIRE_FALSE(MemoryContextContains(a.cxt, pb));
	/* Every chunk is MAXALIGN'd. */
	for (Size size : {1, 7, 9, 100, 5000, 20000})
		REQUIRE(reinterpret_cast<uintptr_t>(palloc(size)) % MAXIMUM_ALIGNOF == 0);
	/* Freed while b is current: it goes back to a. */
	pfree(pa);
	MemoryContextSwitchTo(a.cxt);
	REQUIRE(palloc(100) == pa);
}

TEST_CASE("Resetting a context frees its memory, deletes its children, and keeps the context",
		  "[mcxt]")
{
	TestContext parent("parent");
	MemoryContext child = AllocSetContextCreate(parent.cxt, "child", ALLOCSET_SMALL_SIZES);
	MemoryContext grandchild = AllocSetContextCreate(child, "grandchild", ALLOCSET_SMALL_SIZES);
	Size keeper = MemoryContextMemAllocated(parent.cxt, false);
	for (int i = 0; i < 1000; i++)
	{
		MemoryContextAlloc(parent.cxt, 64);
		MemoryContextAlloc(child, 64);
		MemoryContextAlloc(grandchild, 64);
	}
	MemoryContextAlloc(parent.cxt, 100000);
	REQUIRE(MemoryContextMemAllocated(parent.cxt, false) > keeper);
	REQUIRE_FALSE(MemoryContextIsEmpty(parent.cxt));

	MemoryContextReset(parent.cxt);
	REQUIRE(parent.cxt->firstchild == nullptr);
	REQUIRE(MemoryContextMemAllocated(parent.cxt, true) == keeper);
	REQUIRE(MemoryContextIsEmpty(parent.cxt));
	/* Still usable. */
	char *s = MemoryContextStrdup(parent.cxt, "still here");
	REQUIRE(strcmp(s, "still here") == 0);
	REQUIRE(GetMemoryChunkContext(s) == parent.cxt);
}

TEST_CASE("MemoryContextResetOnly keeps the children, MemoryContextResetChildren keeps them all",
		  "[mcxt]")
{
	TestContext parent("parent");
	MemoryContext child = AllocSetContextCreate(parent.cxt, "child", ALLOCSET_SMALL_SIZES);
	MemoryContext grandchild = AllocSetContextCreate(child, "grandchild", ALLOCSET_SMALL_SIZES);
	MemoryContextAlloc(parent.cxt, 64);
	MemoryContextAlloc(child, 64);
	MemoryContextAlloc(grandchild, 64);

	MemoryContextResetOnly(parent.cxt);
	REQUIRE(MemoryContextIsEmpty(grandchild) == false);
	REQUIRE(parent.cxt->firstchild == child);
	REQUIRE_FALSE(child->isReset);

	MemoryContextAlloc(parent.cxt, 64);
	MemoryContextResetChildren(parent.cxt);
	REQUIRE(parent.cxt->firstchild == child);
	REQUIRE(child->firstchild == grandchild);
	REQUIRE(child->isReset);
	REQUIRE(grandchild->isReset);
	REQUIRE_FALSE(parent.cxt->isReset);
}

TEST_CASE("Deleting a context deletes its children with it", "[mcxt]")
{
	TestContext top("top");
	MemoryContext doomed = AllocSetContextCreate(top.cxt, "doomed", ALLOCSET_DEFAULT_SIZES);
	MemoryContext sibling = AllocSetContextCreate(top.cxt, "sibling", ALLOCSET_DEFAULT_SIZES);
	MemoryContext child = AllocSetContextCreate(doomed, "child", ALLOCSET_DEFAULT_SIZES);
	(void) AllocSetContextCreate(child, "grandchild", ALLOCSET_DEFAULT_SIZES);
	std::vector<int> log;
	callback_log = &log;
	RegisterLogged(child, 1);

	MemoryContextDelete(doomed);
	REQUIRE(log == std::vector<int>{1});
	/* Only the sibling is left under top. */
	REQUIRE(top.cxt->firstchild == sibling);
	REQUIRE(sibling->nextchild == nullptr);
	REQUIRE(sibling->prevchild == nullptr);
	REQUIRE(MemoryContextMemAllocated(top.cxt, true) ==
			MemoryContextMemAllocated(top.cxt, false) + MemoryContextMemAllocated(sibling, false));
	callback_log = nullptr;
}

TEST_CASE("Reset callbacks run newest first, children's before their parent's, before the memory "
		  "goes",
		  "[mcxt]")
{
	TestContext parent("parent");
	MemoryContext child = AllocSetContextCreate(parent.cxt, "child", ALLOCSET_SMALL_SIZES);
	std::vector<int> log;
	callback_log = &log;
	RegisterLogged(parent.cxt, 1);
	RegisterLogged(parent.cxt, 2);
	RegisterLogged(child, 3);
	RegisterLogged(child, 4);

	MemoryContextReset(parent.cxt);
	REQUIRE(log == std::vector<int>{4, 3, 2, 1});

	/* Each runs once: a second reset has nothing to call. */
	MemoryContextReset(parent.cxt);
	REQUIRE(log.size() == 4);

	/* Delete runs them too; the struct may live in the context itself. */
	log.clear();
	MemoryContext other = AllocSetContextCreate(parent.cxt, "other", ALLOCSET_SMALL_SIZES);
	RegisterLogged(other, 5);
	RegisterLogged(other, 6);
	MemoryContextDelete(other);
	REQUIRE(log == std::vector<int>{6, 5});
	callback_log = nullptr;
}

TEST_CASE("MemoryContextSetParent moves a context, which then goes with its new parent", "[mcxt]")
{
	TestContext a("a");
	TestContext b("b");
	MemoryContext moved = AllocSetContextCreate(a.cxt, "moved", ALLOCSET_SMALL_SIZES);
	std::vector<int> log;
	callback_log = &log;
	RegisterLogged(moved, 7);

	MemoryContextSetParent(moved, b.cxt);
	REQUIRE(MemoryContextGetParent(moved) == b.cxt);
	REQUIRE(a.cxt->firstchild == nullptr);
	REQUIRE(b.cxt->firstchild == moved);
	MemoryContextReset(a.cxt);
	REQUIRE(log.empty());
	MemoryContextReset(b.cxt);
	REQUIRE(log == std::vector<int>{7});

	/* A context cannot be put below itself. */
	MemoryContext c = AllocSetContextCreate(a.cxt, "c", ALLOCSET_SMALL_SIZES);
	REQUIRE_THROWS_AS(MemoryContextSetParent(a.cxt, c), PgError);
	callback_log = nullptr;
}

TEST_CASE("Deleting the current context, or one it is inside, makes the deleted one's parent "
		  "current",
		  "[mcxt]")
{
	TestContext top("top");
	MemoryContext mid = AllocSetContextCreate(top.cxt, "mid", ALLOCSET_SMALL_SIZES);
	MemoryContext leaf = AllocSetContextCreate(mid, "leaf", ALLOCSET_SMALL_SIZES);
	MemoryContextSwitchTo(leaf);
	MemoryContextDelete(mid);
	REQUIRE(CurrentMemoryContext == top.cxt);

	MemoryContext child = AllocSetContextCreate(top.cxt, "child", ALLOCSET_SMALL_SIZES);
	(void) AllocSetContextCreate(child, "grandchild", ALLOCSET_SMALL_SIZES);
	MemoryContextSwitchTo(child->firstchild);
	MemoryContextReset(top.cxt);
	REQUIRE(CurrentMemoryContext == top.cxt);
	MemoryContextSwitchTo(TopMemoryContext);
}

TEST_CASE("Small chunks are reused from free lists; big chunks go back to malloc on pfree",
		  "[mcxt]")
{
	TestContext t("t");
	void *small = MemoryContextAlloc(t.cxt, 40);
	REQUIRE(GetMemoryChunkSpace(small) >= 64); /* 40 rounds up to 64, plus the header */
	pfree(small);
	/* The same size class comes from the same free list. */
	REQUIRE(MemoryContextAlloc(t.cxt, 33) == small);

	Size before = MemoryContextMemAllocated(t.cxt, false);
	void *big = MemoryContextAlloc(t.cxt, 100000);
	REQUIRE(MemoryContextMemAllocated(t.cxt, false) >= before + 100000);
	REQUIRE(GetMemoryChunkSpace(big) >= 100000);
	pfree(big);
	REQUIRE(MemoryContextMemAllocated(t.cxt, false) == before);
}

TEST_CASE("pfree of a chunk already freed, or of a pointer palloc never returned, is an ERROR",
		  "[mcxt]")
{
	TestContext t("t");
	void *p = MemoryContextAlloc(t.cxt, 24);
	pfree(p);
	REQUIRE_THROWS_AS(pfree(p), PgError);
	REQUIRE_THROWS_AS(pfree(nullptr), PgError);
	REQUIRE_THROWS_AS(repalloc(static_cast<char *>(MemoryContextAlloc(t.cxt, 24)) + 1, 10),
					  PgError);
}

TEST_CASE("repalloc keeps the contents across size classes and to and from big chunks", "[mcxt]")
{
	TestContext t("t");
	MemoryContextSwitchTo(t.cxt);
	auto fill = [](char *p, Size n) {
		for (Size i = 0; i < n; i++)
			p[i] = static_cast<char>(i * 7 + 3);
	};
	auto same = [](const char *p, Size n) {
		for (Size i = 0; i < n; i++)
			if (p[i] != static_cast<char>(i * 7 + 3))
				return false;
		return true;
	};
	auto *p = static_cast<char *>(palloc(10));
	fill(p, 10);
	/* Within its size class (16): in place. */
	REQUIRE(repalloc(p, 16) == p);
	fill(p, 16);
	/* Through the classes, into a big chunk, bigger still, and back. */
	Size size = 16;
	for (Size next : {Size{100}, Size{3000}, Size{8192}, Size{20000}, Size{1000000}})
	{
		p = static_cast<char *>(repalloc(p, next));
		REQUIRE(same(p, size));
		REQUIRE(GetMemoryChunkContext(p) == t.cxt);
		fill(p, next);
		size = next;
	}
	Size with_big = MemoryContextMemAllocated(t.cxt, false);
	p = static_cast<char *>(repalloc(p, 50));
	REQUIRE(same(p, 50));
	/* A shrunk big chunk keeps its own block, but a smaller one. */
	REQUIRE(MemoryContextMemAllocated(t.cxt, false) < with_big);
	pfree(p);
	MemoryContextSwitchTo(TopMemoryContext);
}

TEST_CASE("MemoryContextMemAllocated counts malloc'd blocks, recursively if asked; a reset "
		  "keeps only the first block",
		  "[mcxt]")
{
	TestContext t("t");
	Size first = MemoryContextMemAllocated(t.cxt, false);
	REQUIRE(first == ALLOCSET_DEFAULT_INITSIZE);
	(void) AllocSetContextCreate(t.cxt, "child", ALLOCSET_SMALL_SIZES);
	REQUIRE(MemoryContextMemAllocated(t.cxt, true) == first + ALLOCSET_SMALL_INITSIZE);

	/* Blocks double: 1000 chunks of 64 bytes take a few blocks, not 1000. */
	for (int i = 0; i < 1000; i++)
		MemoryContextAlloc(t.cxt, 64);
	Size grown = MemoryContextMemAllocated(t.cxt, false);
	REQUIRE(grown >= 1000 * 64);
	REQUIRE(grown <= 4 * 1000 * 80);

	MemoryContextReset(t.cxt);
	REQUIRE(MemoryContextMemAllocated(t.cxt, true) == first);

	/* A context with a minimum size keeps that much. */
	TestContext reserve("reserve", 32 * 1024, 8 * 1024, 64 * 1024);
	REQUIRE(MemoryContextMemAllocated(reserve.cxt, false) == 32 * 1024);
	for (int i = 0; i < 100; i++)
		MemoryContextAlloc(reserve.cxt, 200);
	REQUIRE(MemoryContextMemAllocated(reserve.cxt, false) == 32 * 1024);
}

TEST_CASE("palloc_extended zeroes with MCXT_ALLOC_ZERO and returns NULL with MCXT_ALLOC_NO_OOM",
		  "[mcxt]")
{
	TestContext t("t");
	MemoryContextSwitchTo(t.cxt);
	/* Dirty a chunk, free it, and get it back zeroed. */
	auto *p = static_cast<char *>(palloc(256));
	memset(p, 0x7f, 256);
	pfree(p);
	auto *z = static_cast<char *>(palloc_extended(256, MCXT_ALLOC_ZERO));
	REQUIRE(z == p);
	for (int i = 0; i < 256; i++)
		REQUIRE(z[i] == 0);
	auto *z0 = static_cast<char *>(palloc0(300));
	for (int i = 0; i < 300; i++)
		REQUIRE(z0[i] == 0);

		/* Too big for malloc: NULL, no error.  (Under AddressSanitizer malloc
	 * aborts on such a request instead of failing, so only there is it
	 * left out.) */
#ifndef TUSK_USE_ASAN_POISONING
	REQUIRE(palloc_extended(MaxAllocHugeSize - 1024, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM) ==
			nullptr);
	void *q = palloc(64);
	REQUIRE(repalloc_extended(q, MaxAllocHugeSize - 1024, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM) ==
			nullptr);
	pfree(q);
#endif

	/* Typed helpers. */
	int64 *a = palloc0_array(int64, 10);
	for (int i = 0; i < 10; i++)
		REQUIRE(a[i] == 0);
	a = repalloc_array(a, int64, 20);
	REQUIRE(GetMemoryChunkSpace(a) >= 20 * sizeof(int64));
	REQUIRE_THROWS_AS(palloc_array(int64, SIZE_MAX / 4), PgError);
	MemoryContextSwitchTo(TopMemoryContext);
}

TEST_CASE("A request above MaxAllocSize is ERROR \"invalid memory alloc request size\" unless "
		  "huge",
		  "[mcxt]")
{
	TestContext t("t");
	MemoryContextSwitchTo(t.cxt);
	for (const auto &fn : std::vector<std::function<void()>>{
			 [] { palloc(MaxAllocSize + 1); },
			 [] { palloc0(MaxAllocSize + 1); },
			 [] { repalloc(palloc(8), MaxAllocSize + 1); },
			 [] { palloc_extended(MaxAllocHugeSize + 1, MCXT_ALLOC_HUGE); },
			 [] { repalloc_huge(palloc(8), MaxAllocHugeSize + 1); },
		 })
	{
		try
		{
			fn();
			FAIL("no error");
		}
		catch (const PgError &e)
		{
			REQUIRE(UnpackSqlState(e.data().sqlerrcode) == "XX000");
			REQUIRE(e.data().message.rfind("invalid memory alloc request size ", 0) == 0);
		}
	}
	/* MaxAllocSize itself is allowed, and huge requests above it are. */
	void *p = palloc(MaxAllocSize);
	p = repalloc_huge(p, Size{MaxAllocSize} + 4096);
	REQUIRE(GetMemoryChunkSpace(p) > MaxAllocSize);
	pfree(p);
	MemoryContextSwitchTo(TopMemoryContext);
}

TEST_CASE("An allocation that fails is ERROR 53200 \"out of memory\" naming the context, after "
		  "the contexts' statistics",
		  "[mcxt]")
{
	/* A context whose allocator always fails reaches the same path as
	 * malloc failing, under any build. */
	MemoryContextMethods refusing = *TopMemoryContext->methods;
	refusing.alloc = RefuseAlloc;
	MemoryContext starved = AllocSetContextCreate(TopMemoryContext, "starved",
												  ALLOCSET_SMALL_SIZES);
	const MemoryContextMethods *real = starved->methods;
	starved->methods = &refusing;
	std::string log = CaptureStderr([&] {
		try
		{
			MemoryContextAlloc(starved, 1234);
			FAIL("no error");
		}
		catch (const PgError &e)
		{
			REQUIRE(UnpackSqlState(e.data().sqlerrcode) == "53200");
			REQUIRE(e.data().message == "out of memory");
			REQUIRE(e.data().detail ==
					"Failed on request of size 1234 in memory context \"starved\".");
		}
	});
	REQUIRE(log.rfind("TopMemoryContext: ", 0) == 0);
	REQUIRE(log.find("\n  starved: ") != std::string::npos);
	REQUIRE(log.find("\nGrand total: ") != std::string::npos);
	/* With MCXT_ALLOC_NO_OOM: NULL, and nothing written. */
	log = CaptureStderr(
		[&] { REQUIRE(MemoryContextAllocExtended(starved, 10, MCXT_ALLOC_NO_OOM) == nullptr); });
	REQUIRE(log.empty());
	starved->methods = real;
	MemoryContextDelete(starved);

	/* And malloc itself failing, on a request no machine can satisfy.
	 * (AddressSanitizer's malloc aborts on it instead of failing.) */
#ifndef TUSK_USE_ASAN_POISONING
	TestContext t("huge hopes");
	CaptureStderr([&] {
		try
		{
			MemoryContextAllocHuge(t.cxt, MaxAllocHugeSize - 1024);
			FAIL("no error");
		}
		catch (const PgError &e)
		{
			REQUIRE(UnpackSqlState(e.data().sqlerrcode) == "53200");
			REQUIRE(e.data().detail ==
					"Failed on request of size " + std::to_string(MaxAllocHugeSize - 1024) +
						" in memory context \"huge hopes\".");
		}
	});
#endif
}

TEST_CASE("A process that runs out of address space gets ERROR 53200 and, after the reset, "
		  "allocates again",
		  "[mcxt]")
{
#ifdef TUSK_USE_ASAN_POISONING
	/* AddressSanitizer reserves terabytes of address space and aborts
	 * instead of failing an allocation: nothing to learn under it. */
	WARN("built with AddressSanitizer: skipped");
#else
	ChildProcess child([] {
		/* The report is expected; the statistics before it are noise. */
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, STDERR_FILENO);
		/* Room for 256 MB more than the process maps now. */
		std::ifstream statm("/proc/self/statm");
		unsigned long pages = 0;
		statm >> pages;
		struct rlimit rl;
		getrlimit(RLIMIT_AS, &rl);
		rl.rlim_cur = static_cast<rlim_t>(pages) * static_cast<rlim_t>(getpagesize()) +
			(256UL << 20);
		if (setrlimit(RLIMIT_AS, &rl) != 0)
			return 1;
		MemoryContext hog = AllocSetContextCreate(TopMemoryContext, "hog", ALLOCSET_DEFAULT_SIZES);
		bool reported = false;
		try
		{
			for (int i = 0; i < 100000; i++)
				MemoryContextAlloc(hog, 1 << 20);
		}
		catch (const PgError &e)
		{
			reported = UnpackSqlState(e.data().sqlerrcode) == "53200" &&
				e.data().detail == "Failed on request of size 1048576 in memory context \"hog\".";
		}
		if (!reported)
			return 2;
		/* What the failed work held is given back, and work goes on. */
		MemoryContextReset(hog);
		for (int i = 0; i < 100; i++)
			MemoryContextAlloc(hog, 1 << 20);
		MemoryContextDelete(hog);
		return 0;
	});
	REQUIRE(child.Wait() == 0);
#endif
}

TEST_CASE("MemoryContextStats writes a line per context, children indented, then a grand total",
		  "[mcxt]")
{
	TestContext t("StatsTest");
	MemoryContext child = AllocSetContextCreate(t.cxt, "StatsChild", ALLOCSET_SMALL_SIZES);
	MemoryContextSetIdentifier(child, "an\nidentifier");
	void *p = MemoryContextAlloc(t.cxt, 100);
	pfree(p);
	MemoryContextAlloc(child, 100);

	std::string out = CaptureStderr([&] { MemoryContextStats(t.cxt); });
	std::vector<std::string> lines = Lines(out);
	REQUIRE(lines.size() == 3);
	/* 8192 bytes in one block; the freed 128-byte chunk and what is left
	 * of the block are free. */
	Size total = MemoryContextMemAllocated(t.cxt, false);
	REQUIRE(total == 8192);
	REQUIRE(lines[0].rfind("StatsTest: 8192 total in 1 blocks; ", 0) == 0);
	REQUIRE(lines[0].find(" free (1 chunks); ") != std::string::npos);
	REQUIRE(lines[1].rfind("  StatsChild: 1024 total in 1 blocks; ", 0) == 0);
	REQUIRE(lines[1].size() > strlen(": an identifier"));
	REQUIRE(lines[1].compare(lines[1].size() - strlen(": an identifier"), std::string::npos,
							 ": an identifier") == 0);
	REQUIRE(lines[2].rfind("Grand total: 9216 bytes in 2 blocks; ", 0) == 0);

	/* Each line's numbers add up: used = total - free. */
	for (const std::string &line : lines)
	{
		size_t total_at = line.find(": ") + 2;
		if (line.rfind("Grand total: ", 0) == 0)
			total_at = strlen("Grand total: ");
		Size tot = std::stoull(line.substr(total_at));
		Size fr = std::stoull(line.substr(line.find("; ") + 2));
		Size used = std::stoull(line.substr(line.rfind("); ") + 3));
		REQUIRE(tot == fr + used);
	}

	/* Past max_children, the rest of a parent's children are one line. */
	for (int i = 0; i < 3; i++)
		(void) AllocSetContextCreate(t.cxt, "Many", ALLOCSET_SMALL_SIZES);
	out = CaptureStderr([&] { MemoryContextStatsDetail(t.cxt, 2, true); });
	lines = Lines(out);
	REQUIRE(lines.size() == 5);
	REQUIRE(lines[3].rfind("  2 more child contexts containing 2048 total in 2 blocks; ", 0) == 0);
	REQUIRE(lines[4].rfind("Grand total: 12288 bytes in 5 blocks; ", 0) == 0);

	/* To the server log instead: one LOG line per context, with its level. */
	out = CaptureStderr([&] { MemoryContextStatsDetail(t.cxt, 2, false); });
	REQUIRE(out.find("LOG:  level: 0; StatsTest: 8192 total in 1 blocks; ") != std::string::npos);
	REQUIRE(out.find("LOG:  level: 0; 2 more child contexts containing 2048 total in 2 blocks; ") !=
			std::string::npos);
	REQUIRE(out.find("LOG:  Grand total: 12288 bytes in 5 blocks; ") != std::string::npos);
}

TEST_CASE("ErrorContext keeps its 8 kB reserve across resets, so reporting needs no malloc",
		  "[mcxt]")
{
	REQUIRE(MemoryContextMemAllocated(ErrorContext, true) == 8192);
	MemoryContext old = MemoryContextSwitchTo(ErrorContext);
	/* Allocations that fit the reserve take nothing from malloc. */
	for (int i = 0; i < 6; i++)
		palloc(1000);
	REQUIRE(MemoryContextMemAllocated(ErrorContext, true) == 8192);
	/* More than the reserve still works (the reserve is not a limit)... */
	palloc(5000);
	REQUIRE(MemoryContextMemAllocated(ErrorContext, true) > 8192);
	MemoryContextSwitchTo(old);
	/* ...and the reset after the report gives back all but the reserve. */
	FlushErrorState();
	REQUIRE(MemoryContextMemAllocated(ErrorContext, true) == 8192);
	REQUIRE(MemoryContextIsEmpty(ErrorContext));
}

TEST_CASE("A report is written with ErrorContext current, and the caller's context is current "
		  "again afterwards",
		  "[mcxt]")
{
	TestContext t("caller");
	MemoryContextSwitchTo(t.cxt);
	static MemoryContext seen;
	seen = nullptr;
	tusk::error::SetFrontendEmitter(
		[](const tusk::error::ErrorData &) { seen = CurrentMemoryContext; });
	ereport(NOTICE, errmsg("a notice"));
	tusk::error::SetFrontendEmitter(nullptr);
	REQUIRE(seen == ErrorContext);
	REQUIRE(CurrentMemoryContext == t.cxt);
	/* An ERROR leaves the current context alone too. */
	bool thrown = false;
	try
	{
		elog(ERROR, "boom");
	}
	catch (const PgError &)
	{
		thrown = true;
	}
	REQUIRE(thrown);
	REQUIRE(CurrentMemoryContext == t.cxt);
	MemoryContextSwitchTo(TopMemoryContext);
}

TEST_CASE("A transaction allocates in TopTransactionContext, freed at commit, at abort, and "
		  "for a failed block at ROLLBACK",
		  "[mcxt][xact]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	REQUIRE(RunInBackend([] {
				std::vector<int> log;
				callback_log = &log;
				/* Not left pointing at log when a check below returns early. */
				struct ForgetLog
				{
					~ForgetLog() { callback_log = nullptr; }
				} forget_log;
				if (TopTransactionContext != nullptr)
					return 1;
				StartTransactionCommand();
				if (TopTransactionContext == nullptr ||
					CurTransactionContext != TopTransactionContext ||
					CurrentMemoryContext != TopTransactionContext ||
					MemoryContextGetParent(TopTransactionContext) != TopMemoryContext)
					return 2;
				RegisterLogged(CurrentMemoryContext, 1);
				palloc(1000);
				CommitTransactionCommand();
				if (TopTransactionContext != nullptr || CurTransactionContext != nullptr ||
					CurrentMemoryContext != TopMemoryContext || log != std::vector<int>{1})
					return 3;

				/* An error in a single command's transaction: all of it goes, also
		 * what it allocated in a context of its own below. */
				StartTransactionCommand();
				RegisterLogged(CurrentMemoryContext, 2);
				MemoryContext scratch = AllocSetContextCreate(TopTransactionContext, "scratch",
															  ALLOCSET_SMALL_SIZES);
				RegisterLogged(scratch, 3);
				MemoryContextSwitchTo(scratch);
				AbortCurrentTransaction();
				if (TopTransactionContext != nullptr || CurrentMemoryContext != TopMemoryContext ||
					log != std::vector<int>{1, 3, 2})
					return 4;

				/* A failed block keeps its memory until ROLLBACK. */
				StartTransactionCommand();
				BeginTransactionBlock();
				CommitTransactionCommand();
				MemoryContext block = TopTransactionContext;
				StartTransactionCommand();
				if (block == nullptr || CurrentMemoryContext != block)
					return 5;
				RegisterLogged(CurrentMemoryContext, 4);
				AbortCurrentTransaction();
				if (TopTransactionContext != block || CurrentMemoryContext != TopMemoryContext ||
					log.size() != 3)
					return 6;
				StartTransactionCommand();
				if (CurrentMemoryContext != block)
					return 7;
				if (EndTransactionBlock(false))
					return 8;
				CommitTransactionCommand();
				if (TopTransactionContext != nullptr || log != std::vector<int>{1, 3, 2, 4})
					return 9;
				callback_log = nullptr;
				return 0;
			}) == 0);
}

TEST_CASE("A heap scan and a tuple left behind by an ERROR are freed when the transaction aborts",
		  "[mcxt][heap]")
{
	ScratchDataDir dir;
	MakeSegmentWithWal();
	constexpr Oid kTable = 16600;
	MyDatabaseId = 5;
	REQUIRE(RunInBackend([] {
				RelationCreateStorage(RelFileNode{DEFAULTTABLESPACE_OID, 5, kTable});
				StartTransactionCommand();
				Relation rel = table_open(kTable, RowExclusiveLock);
				for (int64 i = 0; i < 100; i++)
				{
					HeapTuple t = heap_form_raw_tuple(&i, sizeof i, 1);
					heap_insert(rel, t, GetCurrentCommandId(true), 0, nullptr);
					heap_freetuple(t);
				}
				table_close(rel, NoLock);
				CommitTransactionCommand();

				Size before = MemoryContextMemAllocated(TopMemoryContext, true);
				StartTransactionCommand();
				rel = table_open(kTable, AccessShareLock);
				HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
				if (heap_getnext(scan, ForwardScanDirection) == nullptr)
					return 1;
				int64 v = 0;
				(void) heap_form_raw_tuple(&v, sizeof v, 1);
				if (MemoryContextMemAllocated(TopMemoryContext, true) <= before)
					return 2;
				/* An error here: no heap_endscan, no heap_freetuple, no close. */
				AbortCurrentTransaction();
				if (MemoryContextMemAllocated(TopMemoryContext, true) != before)
					return 3;
				return 0;
			}) == 0);
}

TEST_CASE("A WAL reader left behind by an ERROR goes with its parent context, its file closed",
		  "[mcxt][xlog]")
{
	ScratchDataDir dir;
	XLogRecPtr start = MakeSegmentWithWal();
	int64 payload = 42;
	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&payload), sizeof payload);
	XLogFlush(XLogInsert(RM_EXPERIMENTAL_ID, 0));
	auto open_files = [] {
		int n = 0;
		for ([[maybe_unused]] const auto &f : std::filesystem::directory_iterator("/proc/self/fd"))
			n++;
		return n;
	};
	TestContext t("recovery");
	MemoryContextSwitchTo(t.cxt);
	XLogReaderState *r = XLogReaderAllocate(wal_segment_size, "pg_wal",
											tusk::test::kTestSystemIdentifier);
	MemoryContextSwitchTo(TopMemoryContext);
	REQUIRE(t.cxt->firstchild != nullptr);
	int before = open_files();
	XLogBeginRead(r, start);
	char *err = nullptr;
	(void) XLogReadRecord(r, &err);
	REQUIRE(open_files() == before + 1);
	/* What an error path does to the context the reader was made in. */
	MemoryContextReset(t.cxt);
	REQUIRE(open_files() == before);
	REQUIRE(t.cxt->firstchild == nullptr);

	/* XLogReaderFree does the same at once. */
	r = XLogReaderAllocate(wal_segment_size, "pg_wal", tusk::test::kTestSystemIdentifier);
	XLogBeginRead(r, start);
	(void) XLogReadRecord(r, &err);
	REQUIRE(open_files() == before + 1);
	XLogReaderFree(r);
	REQUIRE(open_files() == before);
	XLogCloseFiles();
}

TEST_CASE("pstrdup, pnstrdup, pchomp and psprintf copy into the current context", "[mcxt]")
{
	TestContext t("strings");
	MemoryContextSwitchTo(t.cxt);
	char *a = pstrdup("hello");
	char *b = pnstrdup("hello world", 5);
	char *c = pnstrdup("hi", 100);
	char *d = pchomp("line\n\n");
	std::string longer(5000, 'x');
	char *e = psprintf("%s-%d-%s", "a", 42, longer.c_str());
	REQUIRE(strcmp(a, "hello") == 0);
	REQUIRE(strcmp(b, "hello") == 0);
	REQUIRE(strcmp(c, "hi") == 0);
	REQUIRE(strcmp(d, "line") == 0);
	REQUIRE(std::string(e) == "a-42-" + longer);
	for (void *p : {static_cast<void *>(a), static_cast<void *>(b), static_cast<void *>(c),
					static_cast<void *>(d), static_cast<void *>(e)})
		REQUIRE(GetMemoryChunkContext(p) == t.cxt);
	REQUIRE(strlen(psprintf("%s", "")) == 0);
	MemoryContextSwitchTo(TopMemoryContext);
}

TEST_CASE("C++ code scopes a context with MemoryContextScope and OwnedMemoryContext", "[mcxt]")
{
	std::vector<int> log;
	callback_log = &log;
	MemoryContextSwitchTo(TopMemoryContext);
	{
		tusk::OwnedMemoryContext arena(TopMemoryContext, "arena");
		tusk::MemoryContextScope in(arena.get());
		REQUIRE(CurrentMemoryContext == arena.get());
		RegisterLogged(arena.get(), 9);
		palloc(100);
	}
	REQUIRE(log == std::vector<int>{9});
	REQUIRE(CurrentMemoryContext == TopMemoryContext);

	/* By exception too. */
	log.clear();
	try
	{
		tusk::OwnedMemoryContext arena(TopMemoryContext, "arena");
		MemoryContextSwitchTo(arena.get());
		RegisterLogged(arena.get(), 10);
		elog(ERROR, "fails midway");
	}
	catch (const PgError &)
	{}
	REQUIRE(log == std::vector<int>{10});
	REQUIRE(CurrentMemoryContext == TopMemoryContext);
	callback_log = nullptr;
}

TEST_CASE("Under AddressSanitizer, freed chunks and reset memory are poisoned", "[mcxt]")
{
#ifdef TUSK_USE_ASAN_POISONING
	TestContext t("poison");
	auto *p = static_cast<char *>(MemoryContextAlloc(t.cxt, 20));
	REQUIRE_FALSE(__asan_address_is_poisoned(p));
	REQUIRE_FALSE(__asan_address_is_poisoned(p + 19));
	/* The rounding to 32 bytes is not the caller's to use. */
	REQUIRE(__asan_address_is_poisoned(p + 24));
	pfree(p);
	REQUIRE(__asan_address_is_poisoned(p));
	auto *q = static_cast<char *>(MemoryContextAlloc(t.cxt, 100));
	MemoryContextReset(t.cxt);
	REQUIRE(__asan_address_is_poisoned(q));
#else
	WARN("not built with AddressSanitizer: nothing to check");
#endif
}
