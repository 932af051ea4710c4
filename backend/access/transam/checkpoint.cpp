/*
 * checkpoint.cpp — the control file, the bootstrap of the log, and
 * checkpoints (see access/xlog_control.h and doc/access/transam/README.md).
 *
 * Principal entry points: LocalProcessControlFile, WriteControlFile,
 * BootStrapXLOG, CreateCheckPoint.
 *
 * A checkpoint bounds recovery: it picks a redo point (where the next WAL
 * record will go), writes every page dirtied before it, syncs them and the
 * commit log, then logs a checkpoint record and points pg_control at it.
 * After a crash, replay starts at the redo point: every change before it
 * is on disk, every change after it is in the WAL.  Records inserted after
 * the redo point take a full-page image of each page on its first change,
 * so a page torn by a crash during its next write is restored whole.
 */
#include "postgres.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <random>
#include <string>
#include <vector>

#include "access/clog.h"
#include "access/multixact.h"
#include "access/subtrans.h"
#include "access/rmgr.h"
#include "access/transam.h"
#include "access/transam/xlog_insert_internal.h"
#include "access/xlog.h"
#include "access/xlog_control.h"
#include "access/xlog_internal.h"
#include "access/xloginsert.h"
#include "common/crc32c.h"
#include "miscadmin.h"
#include "storage/procarray.h"
#include "storage/bufmgr.h"
#include "storage/lwlock.h"
#include "storage/proc.h"
#include "storage/smgr.h"
#include "storage/sync.h"
#include "utils/errcodes.h"
#include "utils/guc.h"

bool log_checkpoints = true;
int CheckPointTimeout = 300;
int max_wal_size_mb = 1024;

namespace {

ControlFileData control; /* this process's copy */
bool control_loaded = false;

pg_crc32c ControlCrc(const ControlFileData &c)
{
	return tusk::common::Crc32c(&c, offsetof(ControlFileData, crc));
}

void ReadControlFile(ControlFileData *out)
{
	int fd = open(XLOG_CONTROL_FILE, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		ereport(PANIC, errcode_for_file_access(),
				errmsg("could not open file \"%s\": %m", XLOG_CONTROL_FILE));
	ssize_t n = read(fd, out, sizeof(ControlFileData));
	int save_errno = errno;
	close(fd);
	if (n != static_cast<ssize_t>(sizeof(ControlFileData)))
	{
		if (n < 0)
		{
			errno = save_errno;
			ereport(PANIC, errcode_for_file_access(),
					errmsg("could not read file \"%s\": %m", XLOG_CONTROL_FILE));
		}
		ereport(PANIC, errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("could not read file \"%s\": read %zd of %zu", XLOG_CONTROL_FILE, n,
					   sizeof(ControlFileData)));
	}
	if (out->pg_control_version != PG_CONTROL_VERSION)
		ereport(FATAL, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("database files are incompatible with server"),
				errdetail("The database cluster was initialized with PG_CONTROL_VERSION %u, but "
						  "the server was compiled with PG_CONTROL_VERSION %u.",
						  out->pg_control_version, PG_CONTROL_VERSION),
				errhint("It looks like you need to initdb."));
	if (ControlCrc(*out) != out->crc)
		ereport(FATAL, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("incorrect checksum in control file"));
	if (out->blcksz != BLCKSZ)
		ereport(FATAL, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("database files are incompatible with server"),
				errdetail("The database cluster was initialized with BLCKSZ %u, but the server "
						  "was compiled with BLCKSZ %d.",
						  out->blcksz, BLCKSZ),
				errhint("It looks like you need to recompile or initdb."));
	if (!IsValidWalSegSize(static_cast<int>(out->xlog_seg_size)))
		ereport(FATAL, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				errmsg("WAL segment size must be a power of two between 1 MB and 1 GB, but the "
					   "control file specifies %u byte",
					   out->xlog_seg_size));
}

double Seconds(const struct timespec &from, const struct timespec &to)
{
	return static_cast<double>(to.tv_sec - from.tv_sec) +
		static_cast<double>(to.tv_nsec - from.tv_nsec) / 1e9;
}

/* Remove the segments wholly before the redo point: recovery never needs
 * them again.  Returns how many were removed. */
int RemoveOldSegments(XLogRecPtr redo)
{
	XLogSegNo keep = XLByteToSeg(redo, wal_segment_size);
	DIR *dir = opendir(XLOGDIR);
	if (dir == nullptr)
		ereport(ERROR, errcode_for_file_access(),
				errmsg("could not open directory \"%s\": %m", XLOGDIR));
	int removed = 0;
	std::vector<std::string> doomed;
	while (struct dirent *de = readdir(dir))
	{
		const char *name = de->d_name;
		if (strlen(name) != 24 || strspn(name, "0123456789ABCDEF") != 24)
			continue;
		uint32 tli, log, seg;
		if (sscanf(name, "%08X%08X%08X", &tli, &log, &seg) != 3)
			continue;
		XLogSegNo segno = static_cast<XLogSegNo>(log) *
				XLogSegmentsPerXLogId(static_cast<uint64>(wal_segment_size)) +
			seg;
		if (segno < keep)
			doomed.push_back(std::string(XLOGDIR) + "/" + name);
	}
	closedir(dir);
	for (const std::string &path : doomed)
	{
		if (unlink(path.c_str()) == 0)
			removed++;
		else
			ereport(LOG, errcode_for_file_access(),
					errmsg("could not remove file \"%s\": %m", path.c_str()));
	}
	return removed;
}

}  // namespace

void WriteControlFile(const ControlFileData *data)
{
	alignas(8) char buf[PG_CONTROL_FILE_SIZE] = {};
	ControlFileData c = *data;
	c.crc = ControlCrc(c);
	memcpy(buf, &c, sizeof c);
	/* Written in place, in one write of a size no disk tears (PostgreSQL's
	 * reasoning: the interesting part is far smaller than a sector). */
	int fd = open(XLOG_CONTROL_FILE, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		ereport(PANIC, errcode_for_file_access(),
				errmsg("could not open file \"%s\": %m", XLOG_CONTROL_FILE));
	if (pwrite(fd, buf, sizeof buf, 0) != static_cast<ssize_t>(sizeof buf))
	{
		if (errno == 0)
			errno = ENOSPC;
		ereport(PANIC, errcode_for_file_access(),
				errmsg("could not write to file \"%s\": %m", XLOG_CONTROL_FILE));
	}
	if (enableFsync && fsync(fd) != 0)
		ereport(PANIC, errcode_for_file_access(),
				errmsg("could not fsync file \"%s\": %m", XLOG_CONTROL_FILE));
	close(fd);
	control = c;
	control_loaded = true;
}

void LocalProcessControlFile(void)
{
	ReadControlFile(&control);
	control_loaded = true;
	wal_segment_size = static_cast<int>(control.xlog_seg_size);
	std::string size = std::to_string(wal_segment_size);
	SetConfigOption("wal_segment_size", size.c_str(), PGC_INTERNAL, PGC_S_DYNAMIC_DEFAULT);
}

const ControlFileData *GetControlFile(void)
{
	if (!control_loaded)
		LocalProcessControlFile();
	return &control;
}

void BootStrapXLOG(int seg_size)
{
	wal_segment_size = seg_size;
	/* The system identifier: the time of creation and some randomness, so
	 * two clusters made in the same second still differ. */
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	std::random_device rd;
	uint64 sysid = (static_cast<uint64>(now.tv_sec) << 32) |
		((static_cast<uint64>(now.tv_nsec / 1000) << 12) & 0xFFFFF000) | (rd() & 0xFFF);

	XLogRecPtr start = XLogSegNoOffsetToRecPtr(1, 0, wal_segment_size);
	XLogStartInsertingAt(sysid, start, InvalidXLogRecPtr, InvalidXLogRecPtr);

	CheckPoint cp{};
	cp.redo = start + SizeOfXLogLongPHD;
	cp.ThisTimeLineID = 1;
	cp.fullPageWrites = fullPageWrites;
	cp.nextXid = FirstNormalFullTransactionId;
	cp.nextOid = FirstNormalObjectId;
	cp.time = static_cast<pg_time_t>(now.tv_sec);
	cp.nextMulti = FirstMultiXactId;
	cp.oldestMulti = FirstMultiXactId;
	SetNextFullTransactionId(cp.nextXid);
	SetNextObjectId(cp.nextOid);
	XLogSetRedoRecPtr(cp.redo);

	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&cp), sizeof cp);
	XLogRecPtr end = XLogInsert(RM_XLOG_ID, XLOG_CHECKPOINT_SHUTDOWN);
	Assert(ProcLastRecPtr == cp.redo);
	XLogFlush(end);
	XLogCloseFiles();

	/* The commit log's first page, for the first ids. */
	ExtendCLOG(FirstNormalFullTransactionId);
	CheckPointCLOG();
	BootStrapMultiXact();
	(void) ProcessSyncRequests();

	ControlFileData c{};
	c.system_identifier = sysid;
	c.pg_control_version = PG_CONTROL_VERSION;
	c.state = DB_SHUTDOWNED;
	c.time = cp.time;
	c.checkPoint = ProcLastRecPtr;
	c.checkPointCopy = cp;
	c.blcksz = BLCKSZ;
	c.relseg_size = RELSEG_SIZE;
	c.xlog_blcksz = XLOG_BLCKSZ;
	c.xlog_seg_size = static_cast<uint32>(wal_segment_size);
	c.data_checksum_version = 1;
	WriteControlFile(&c);
}

void CreateCheckPoint(int flags)
{
	bool shutdown = (flags & (CHECKPOINT_IS_SHUTDOWN | CHECKPOINT_END_OF_RECOVERY)) != 0;
	struct timespec t_start, t_write, t_end;
	clock_gettime(CLOCK_MONOTONIC, &t_start);
	if (log_checkpoints)
		ereport(LOG,
				errmsg("checkpoint starting:%s%s%s%s%s%s%s",
					   (flags & CHECKPOINT_IS_SHUTDOWN) ? " shutdown" : "",
					   (flags & CHECKPOINT_END_OF_RECOVERY) ? " end-of-recovery" : "",
					   (flags & CHECKPOINT_IMMEDIATE) ? " immediate" : "",
					   (flags & CHECKPOINT_FORCE) ? " force" : "",
					   (flags & CHECKPOINT_WAIT) ? " wait" : "",
					   (flags & CHECKPOINT_CAUSE_XLOG) ? " wal" : "",
					   (flags & CHECKPOINT_CAUSE_TIME) ? " time" : ""));

	XLogRecPtr distance = GetXLogInsertRecPtr() - GetControlFile()->checkPointCopy.redo;
	XLogRecPtr redo = tusk::xlog::BeginCheckpointRedo();
	/* Changes logged before the redo point but not yet made must be made
	 * before the buffers and the commit log are written. */
	WaitForCheckpointDelayers();

	CheckPoint cp{};
	cp.redo = redo;
	cp.ThisTimeLineID = 1;
	cp.fullPageWrites = fullPageWrites;
	cp.nextXid = ReadNextFullTransactionId();
	cp.nextOid = ReadNextObjectId();
	cp.time = static_cast<pg_time_t>(time(nullptr));
	MultiXactGetCheckptMulti(&cp.nextMulti, &cp.nextMultiOffset, &cp.oldestMulti,
							 &cp.oldestUpdateMulti);

	/* Everything changed before the redo point goes to disk. */
	uint64 segments_before = XLogSegmentsCreated();
	CheckPointCLOG();
	/* No snapshot can ask about subtransactions older than every running
	 * transaction and every snapshot's xmin. */
	TruncateSUBTRANS(GetOldestNonRemovableFullTransactionId());
	CheckPointMultiXact();
	int written = CheckPointBuffers();
	clock_gettime(CLOCK_MONOTONIC, &t_write);
	int sync_files = ProcessSyncRequests();
	struct timespec t_synced;
	clock_gettime(CLOCK_MONOTONIC, &t_synced);

	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&cp), sizeof cp);
	XLogRecPtr end = XLogInsert(RM_XLOG_ID,
								shutdown ? XLOG_CHECKPOINT_SHUTDOWN : XLOG_CHECKPOINT_ONLINE);
	XLogRecPtr location = ProcLastRecPtr;
	XLogFlush(end);

	{
		tusk::LWLockGuard control(ControlFileLock, LW_EXCLUSIVE);
		ControlFileData c;
		ReadControlFile(&c);
		c.state = (flags & CHECKPOINT_IS_SHUTDOWN) ? DB_SHUTDOWNED : DB_IN_PRODUCTION;
		c.time = cp.time;
		c.checkPoint = location;
		c.checkPointCopy = cp;
		WriteControlFile(&c);
	}

	int removed = RemoveOldSegments(redo);
	/* Multixacts no one can need any more (its record follows this
	 * checkpoint's, so replay from here redoes it). */
	TruncateMultiXact();
	clock_gettime(CLOCK_MONOTONIC, &t_end);

	/* PostgreSQL's estimate of the distance between checkpoints: the
	 * largest seen, decaying slowly. */
	static double estimate = 0;
	estimate = Max(static_cast<double>(distance), 0.90 * estimate + 0.10 * distance);
	if (log_checkpoints)
	{
		double sync_secs = Seconds(t_write, t_synced);
		ereport(LOG,
				errmsg("checkpoint complete: wrote %d buffers (%.1f%%); %d WAL file(s) added, %d "
					   "removed, %d recycled; write=%.3f s, sync=%.3f s, total=%.3f s; sync "
					   "files=%d, longest=%.3f s, average=%.3f s; distance=%d kB, estimate=%d kB",
					   written, 100.0 * written / Max(NBuffers, 1),
					   static_cast<int>(XLogSegmentsCreated() - segments_before), removed, 0,
					   Seconds(t_start, t_write), sync_secs, Seconds(t_start, t_end), sync_files,
					   sync_secs, sync_files > 0 ? sync_secs / sync_files : 0.0,
					   static_cast<int>(distance / 1024), static_cast<int>(estimate / 1024)));
	}
}
