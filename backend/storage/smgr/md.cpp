/*
 * md.cpp — the storage manager on magnetic (well, any) disk: relation forks
 * as segmented files.  See storage/smgr.h.
 *
 * Principal entry points: smgropen, smgrcreate, smgrextend, smgrread,
 * smgrwrite, smgrnblocks, smgrtruncate, smgrimmedsync, smgrunlink,
 * mdsyncfiletag.
 *
 * Each process keeps its own table of open relations and, per fork, the
 * file descriptors of the segments it has opened so far.  Segment n holds
 * blocks [n × RELSEG_SIZE, (n+1) × RELSEG_SIZE); every segment before the
 * last is exactly RELSEG_SIZE blocks, which is how smgrnblocks counts: it
 * walks the segments until one is short (or missing).  Paths are relative
 * to the data directory, which is the working directory of every server
 * process.
 *
 * A write that must become durable registers its segment with the
 * checkpointer (storage/sync.h), which fsyncs it at the next checkpoint;
 * a segment about to be removed is forgotten first.
 */
#include "postgres.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <list>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "miscadmin.h"
#include "storage/fd.h"
#include "storage/smgr.h"
#include "storage/sync.h"
#include "storage/sync/sync_handlers.h"
#include "utils/errcodes.h"

struct SMgrRelationData;

namespace {

/* An open segment, in the process's list of open segments. */
struct OpenSegment
{
	SMgrRelationData *reln;
	ForkNumber fork;
	size_t segno;
};

/*
 * Every segment file this process has open, the most recently used first.
 * A process that touches more relations than it may hold files open (a
 * session over a thousand tables, a VACUUM of a whole database) closes the
 * least recently used one before opening another — PostgreSQL's virtual
 * file descriptors, for relation segments — so it never runs out of file
 * descriptors; a closed segment is reopened by path when next needed.
 */
std::list<OpenSegment> &OpenSegments()
{
	static std::list<OpenSegment> open_segments;
	return open_segments;
}

}  // namespace

int max_files_per_process = 1000;

struct SMgrRelationData
{
	RelFileNode node;
	struct Segment
	{
		int fd = -1;
		std::list<OpenSegment>::iterator lru; /* valid while fd >= 0 */
	};
	std::vector<Segment> forks[MAX_FORKNUM + 1];
};

namespace {

struct NodeLess
{
	bool operator()(const RelFileNode &a, const RelFileNode &b) const
	{
		return std::tie(a.spcNode, a.dbNode, a.relNode) < std::tie(b.spcNode, b.dbNode, b.relNode);
	}
};

/*
 * The open relations, owned by value.  They are a per-process cache that
 * must outlive any statement or transaction (PostgreSQL keeps them in a
 * table in TopMemoryContext), so they are not palloc'd in the caller's
 * context; a map's elements never move, so an SMgrRelation stays valid
 * until smgrclose, and an ERROR between lookup and insertion leaks nothing.
 */
std::map<RelFileNode, SMgrRelationData, NodeLess> &Relations()
{
	static std::map<RelFileNode, SMgrRelationData, NodeLess> relations;
	return relations;
}

const char *const kForkSuffix[] = {"", "_fsm", "_vm", "_init"};

std::string ForkPath(const RelFileNode &node, ForkNumber fork)
{
	std::string path;
	if (node.spcNode == GLOBALTABLESPACE_OID)
		path = "global/" + std::to_string(node.relNode);
	else if (node.spcNode == DEFAULTTABLESPACE_OID)
		path = "base/" + std::to_string(node.dbNode) + "/" + std::to_string(node.relNode);
	else
		ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("tablespace %u is not supported", node.spcNode),
				errdetail("Tusk stores relations in pg_default and pg_global only."));
	return path + kForkSuffix[fork];
}

std::string SegmentPath(const RelFileNode &node, ForkNumber fork, size_t segno)
{
	std::string path = ForkPath(node, fork);
	return segno == 0 ? path : path + "." + std::to_string(segno);
}

/* Close one open segment and forget it. */
void CloseSegment(SMgrRelationData::Segment &seg)
{
	if (seg.fd < 0)
		return;
	close(seg.fd);
	seg.fd = -1;
	OpenSegments().erase(seg.lru);
}

/* Close the least recently used segment; false if none is open. */
bool CloseLeastRecentlyUsed()
{
	if (OpenSegments().empty())
		return false;
	OpenSegment victim = OpenSegments().back();
	CloseSegment(victim.reln->forks[victim.fork][victim.segno]);
	return true;
}

/*
 * How many segment files a process keeps open at most: max_files_per_process,
 * less what the process's own limit cannot give, less a reserve for the
 * files that are not relations (WAL, the commit log, sockets, the log).
 */
size_t MaxOpenSegments()
{
	constexpr long kReserved = 24;
	long limit = max_files_per_process;
	struct rlimit rlim;
	if (getrlimit(RLIMIT_NOFILE, &rlim) == 0 && rlim.rlim_cur != RLIM_INFINITY &&
		static_cast<long>(rlim.rlim_cur) < limit)
		limit = static_cast<long>(rlim.rlim_cur);
	return static_cast<size_t>(std::max(limit - kReserved, 8L));
}

/* The fd of a segment, opening it (and creating it, if asked) as needed;
 * -1 with errno set when it does not exist and create is false. */
int SegmentFd(SMgrRelation reln, ForkNumber fork, size_t segno, bool create)
{
	auto &segs = reln->forks[fork];
	if (segno < segs.size() && segs[segno].fd >= 0)
	{
		auto &open_segments = OpenSegments();
		open_segments.splice(open_segments.begin(), open_segments, segs[segno].lru);
		return segs[segno].fd;
	}
	std::string path = SegmentPath(reln->node, fork, segno);
	static const size_t max_open = MaxOpenSegments();
	while (OpenSegments().size() >= max_open && CloseLeastRecentlyUsed())
		;
	int fd;
	/* Out of descriptors all the same (other files are open): free one of ours. */
	while ((fd = open(path.c_str(), O_RDWR | (create ? O_CREAT : 0) | O_CLOEXEC, 0600)) < 0 &&
		   (errno == EMFILE || errno == ENFILE) && CloseLeastRecentlyUsed())
		;
	if (fd < 0)
	{
		if (errno == ENOENT && !create)
			return -1;
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not open file \"%s\": %m", path.c_str()));
	}
	if (segs.size() <= segno)
		segs.resize(segno + 1);
	segs[segno].fd = fd;
	OpenSegments().push_front({reln, fork, segno});
	segs[segno].lru = OpenSegments().begin();
	return fd;
}

BlockNumber SegmentBlocks(int fd, const std::string &path)
{
	off_t len = lseek(fd, 0, SEEK_END);
	if (len < 0)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not seek to end of file \"%s\": %m", path.c_str()));
	return static_cast<BlockNumber>(len / BLCKSZ);
}

void CloseFork(SMgrRelation reln, ForkNumber fork)
{
	for (auto &seg : reln->forks[fork])
		CloseSegment(seg);
	reln->forks[fork].clear();
}

/* The fd for a block that must already exist (read and overwrite). */
int ExistingBlockFd(SMgrRelation reln, ForkNumber fork, BlockNumber blocknum)
{
	size_t segno = blocknum / RELSEG_SIZE;
	int fd = SegmentFd(reln, fork, segno, false);
	if (fd < 0)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not open file \"%s\" (target block %u): %m",
					   SegmentPath(reln->node, fork, segno).c_str(), blocknum));
	return fd;
}

void FsyncSegment(const std::string &path, int fd)
{
	if (fsync(fd) != 0)
	{
		/* After a failed fsync the kernel may have dropped the dirty pages:
		 * only crash recovery from WAL can be trusted now (PostgreSQL's
		 * lesson, learnt the hard way). */
		ereport(PANIC, errcode_for_file_access(),
				errmsg("could not fsync file \"%s\": %m", path.c_str()));
	}
}

FileTag SegmentTag(const RelFileNode &node, ForkNumber fork, size_t segno)
{
	FileTag tag;
	memset(&tag, 0, sizeof tag);
	tag.handler = SYNC_HANDLER_MD;
	tag.forknum = static_cast<int16>(fork);
	tag.rnode = node;
	tag.segno = segno;
	return tag;
}

/* The segment was written: make sure it reaches disk by the next
 * checkpoint, or now if the checkpointer cannot take the request. */
void RegisterDirtySegment(SMgrRelation reln, ForkNumber fork, size_t segno, int fd)
{
	FileTag tag = SegmentTag(reln->node, fork, segno);
	if (RegisterSyncRequest(&tag, SYNC_REQUEST, false))
		return;
	ereport(DEBUG1,
			errmsg_internal("could not forward fsync request because request queue is full"));
	if (enableFsync)
		FsyncSegment(SegmentPath(reln->node, fork, segno), fd);
}

/* The segment is about to be removed: no checkpoint may try to sync it. */
void ForgetSegment(const RelFileNode &node, ForkNumber fork, size_t segno)
{
	FileTag tag = SegmentTag(node, fork, segno);
	(void) RegisterSyncRequest(&tag, SYNC_FORGET_REQUEST, true);
}

}  // namespace

int mdsyncfiletag(const FileTag &tag, std::string *path)
{
	ForkNumber fork = static_cast<ForkNumber>(tag.forknum);
	*path = SegmentPath(tag.rnode, fork, tag.segno);
	int fd = SegmentFd(smgropen(tag.rnode), fork, tag.segno, false);
	if (fd < 0)
		return -1;
	return fsync(fd) == 0 ? 0 : -1;
}

char *GetRelationPath(RelFileNode rnode, ForkNumber forknum)
{
	return pstrdup(ForkPath(rnode, forknum).c_str());
}

SMgrRelation smgropen(RelFileNode rnode)
{
	auto [it, inserted] = Relations().try_emplace(rnode);
	if (inserted)
		it->second.node = rnode;
	return &it->second;
}

void smgrclose(SMgrRelation reln)
{
	for (int f = 0; f <= MAX_FORKNUM; f++)
		CloseFork(reln, static_cast<ForkNumber>(f));
	/* Copied: erasing destroys reln, and the key with it. */
	RelFileNode node = reln->node;
	Relations().erase(node);
}

void smgrcloseall(void)
{
	while (!Relations().empty())
		smgrclose(&Relations().begin()->second);
}

bool smgrexists(SMgrRelation reln, ForkNumber forknum)
{
	return SegmentFd(reln, forknum, 0, false) >= 0;
}

void smgrcreate(SMgrRelation reln, ForkNumber forknum, bool isRedo)
{
	if (isRedo && smgrexists(reln, forknum))
		return; /* replaying a creation that already happened */
	std::string path = SegmentPath(reln->node, forknum, 0);
	int fd;
	while ((fd = open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0 &&
		   (errno == EMFILE || errno == ENFILE) && CloseLeastRecentlyUsed())
		;
	if (fd < 0)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not create file \"%s\": %m", path.c_str()));
	close(fd);
	CloseFork(reln, forknum);
	fd = SegmentFd(reln, forknum, 0, false);	/* now one of the process's open segments */
	RegisterDirtySegment(reln, forknum, 0, fd); /* the file's existence, too */
}

void smgrextend(SMgrRelation reln, ForkNumber forknum, BlockNumber blocknum, const char *buffer,
				bool skipFsync)
{
	if (blocknum == InvalidBlockNumber)
		ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("cannot extend file \"%s\" beyond %u blocks",
					   ForkPath(reln->node, forknum).c_str(), InvalidBlockNumber));
	size_t segno = blocknum / RELSEG_SIZE;
	int fd = SegmentFd(reln, forknum, segno, true);
	off_t offset = static_cast<off_t>(blocknum % RELSEG_SIZE) * BLCKSZ;
	ssize_t n = pwrite(fd, buffer, BLCKSZ, offset);
	if (n != BLCKSZ)
	{
		std::string path = SegmentPath(reln->node, forknum, segno);
		if (n < 0)
			ereport(ERROR, errcode_for_file_access(),
					errmsg("could not extend file \"%s\": %m", path.c_str()),
					errhint("Check free disk space."));
		ereport(ERROR, errcode(ERRCODE_DISK_FULL),
				errmsg("could not extend file \"%s\": wrote only %d of %d bytes at block %u",
					   path.c_str(), static_cast<int>(n), BLCKSZ, blocknum),
				errhint("Check free disk space."));
	}
	if (!skipFsync)
		RegisterDirtySegment(reln, forknum, segno, fd);
}

void smgrread(SMgrRelation reln, ForkNumber forknum, BlockNumber blocknum, char *buffer)
{
	int fd = ExistingBlockFd(reln, forknum, blocknum);
	off_t offset = static_cast<off_t>(blocknum % RELSEG_SIZE) * BLCKSZ;
	ssize_t n = pread(fd, buffer, BLCKSZ, offset);
	if (n == BLCKSZ)
		return;
	std::string path = SegmentPath(reln->node, forknum, blocknum / RELSEG_SIZE);
	if (n < 0)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not read block %u in file \"%s\": %m", blocknum, path.c_str()));
	ereport(ERROR, errcode(ERRCODE_DATA_CORRUPTED),
			errmsg("could not read block %u in file \"%s\": read only %d of %d bytes", blocknum,
				   path.c_str(), static_cast<int>(n), BLCKSZ));
}

void smgrwrite(SMgrRelation reln, ForkNumber forknum, BlockNumber blocknum, const char *buffer,
			   bool skipFsync)
{
	int fd = ExistingBlockFd(reln, forknum, blocknum);
	size_t segno = blocknum / RELSEG_SIZE;
	off_t offset = static_cast<off_t>(blocknum % RELSEG_SIZE) * BLCKSZ;
	ssize_t n = pwrite(fd, buffer, BLCKSZ, offset);
	if (n != BLCKSZ)
	{
		std::string path = SegmentPath(reln->node, forknum, segno);
		if (n < 0)
			ereport(ERROR, errcode_for_file_access(),
					errmsg("could not write block %u in file \"%s\": %m", blocknum, path.c_str()));
		ereport(ERROR, errcode(ERRCODE_DISK_FULL),
				errmsg("could not write block %u in file \"%s\": wrote only %d of %d bytes",
					   blocknum, path.c_str(), static_cast<int>(n), BLCKSZ),
				errhint("Check free disk space."));
	}
	if (!skipFsync)
		RegisterDirtySegment(reln, forknum, segno, fd);
}

BlockNumber smgrnblocks(SMgrRelation reln, ForkNumber forknum)
{
	for (size_t segno = 0;; segno++)
	{
		int fd = SegmentFd(reln, forknum, segno, false);
		if (fd < 0)
		{
			if (segno == 0)
				ereport(ERROR, errcode_for_file_access(),
						errmsg("could not open file \"%s\": %m",
							   SegmentPath(reln->node, forknum, 0).c_str()));
			return static_cast<BlockNumber>(segno * RELSEG_SIZE);
		}
		std::string path = SegmentPath(reln->node, forknum, segno);
		BlockNumber n = SegmentBlocks(fd, path);
		if (n > RELSEG_SIZE)
			elog(FATAL, "segment too big: \"%s\"", path.c_str());
		if (n < RELSEG_SIZE)
			return static_cast<BlockNumber>(segno * RELSEG_SIZE + n);
	}
}

void smgrtruncate(SMgrRelation reln, ForkNumber forknum, BlockNumber nblocks)
{
	BlockNumber current = smgrnblocks(reln, forknum);
	std::string path = ForkPath(reln->node, forknum);
	if (nblocks > current)
		ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("could not truncate file \"%s\" to %u blocks: it's only %u blocks now",
					   path.c_str(), nblocks, current));
	size_t last_needed = nblocks == 0 ? 0 : (nblocks - 1) / RELSEG_SIZE;
	size_t nsegs = current == 0 ? 1 : (current - 1) / RELSEG_SIZE + 1;
	for (size_t segno = nsegs; segno-- > 0;)
	{
		std::string seg_path = SegmentPath(reln->node, forknum, segno);
		if (segno > last_needed)
		{
			/* Wholly beyond the new end: gone. */
			auto &segs = reln->forks[forknum];
			if (segno < segs.size())
				CloseSegment(segs[segno]);
			ForgetSegment(reln->node, forknum, segno);
			if (unlink(seg_path.c_str()) != 0 && errno != ENOENT)
				ereport(ERROR, errcode_for_file_access(),
						errmsg("could not remove file \"%s\": %m", seg_path.c_str()));
			continue;
		}
		if (segno < last_needed)
			break; /* full segments before the new end stay as they are */
		BlockNumber keep = nblocks - static_cast<BlockNumber>(segno * RELSEG_SIZE);
		int fd = ExistingBlockFd(reln, forknum, static_cast<BlockNumber>(segno * RELSEG_SIZE));
		if (ftruncate(fd, static_cast<off_t>(keep) * BLCKSZ) != 0)
			ereport(ERROR, errcode_for_file_access(),
					errmsg("could not truncate file \"%s\" to %u blocks: %m", seg_path.c_str(),
						   nblocks));
		RegisterDirtySegment(reln, forknum, segno, fd);
	}
	auto &segs = reln->forks[forknum];
	if (segs.size() > last_needed + 1)
		segs.resize(last_needed + 1);
}

void smgrimmedsync(SMgrRelation reln, ForkNumber forknum)
{
	/* Every segment, not only those this process wrote: another process
	 * may have written it and left the sync to us. */
	for (size_t segno = 0;; segno++)
	{
		int fd = SegmentFd(reln, forknum, segno, false);
		if (fd < 0)
			break;
		FsyncSegment(SegmentPath(reln->node, forknum, segno), fd);
	}
}

void smgrunlink(SMgrRelation reln, ForkNumber forknum, bool isRedo)
{
	CloseFork(reln, forknum);
	for (size_t segno = 0;; segno++)
	{
		std::string path = SegmentPath(reln->node, forknum, segno);
		ForgetSegment(reln->node, forknum, segno);
		if (unlink(path.c_str()) != 0)
		{
			if (errno == ENOENT && (segno > 0 || isRedo))
				break;
			if (errno == ENOENT)
				ereport(WARNING, errcode_for_file_access(),
						errmsg("could not remove file \"%s\": %m", path.c_str()));
			else
				ereport(ERROR, errcode_for_file_access(),
						errmsg("could not remove file \"%s\": %m", path.c_str()));
			break;
		}
	}
}
