/*
 * xlogrecovery.cpp — crash recovery: the startup process's work (see
 * access/xlog_control.h and doc/access/transam/README.md).
 *
 * Principal entry points: StartupXLOG, XLogReadBufferForRedo,
 * InitBuiltinRmgrs.
 *
 * pg_control says where the last checkpoint record is and how the server
 * stopped.  After a clean shutdown the checkpoint is the last record and
 * nothing needs replaying.  Otherwise every record from the checkpoint's
 * redo point to the end of valid WAL is handed to its resource manager's
 * redo function, in order; the end of valid WAL is the first record that
 * does not check out (xlogreader.cpp).  Then the log is opened for writing
 * right after the last good record, an end-of-recovery checkpoint makes
 * the replayed state durable, and pg_control says the server is running.
 *
 * Redo is idempotent per page: a page whose LSN is at or past a record's
 * end already contains that change (it was written after the record), so
 * XLogReadBufferForRedo skips it; a record with a full-page image restores
 * the page whole, whatever state the crash left it in.
 */
#include "commands/dbcommands.h"
#include "postgres.h"

#include <sys/resource.h>
#include <time.h>

#include <string>

#include "commands/sequence.h"
#include "access/heapam_xlog.h"
#include "access/multixact.h"
#include "access/nbtree.h"
#include "access/rmgr.h"
#include "access/transam.h"
#include "access/xact.h"
#include "access/subtrans.h"
#include "access/xlog.h"
#include "access/xlog_control.h"
#include "access/xlog_internal.h"
#include "access/xlogreader.h"
#include "access/xlogutils.h"
#include "catalog/storage.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "storage/lwlock.h"
#include "storage/smgr.h"
#include "utils/errcodes.h"
#include "pgstat.h"

namespace {

std::string FormatTime(pg_time_t t)
{
	time_t tt = static_cast<time_t>(t);
	struct tm tm;
	localtime_r(&tt, &tm);
	char buf[64];
	strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %Z", &tm);
	return buf;
}

/* PostgreSQL's pg_rusage_show format. */
std::string Usage(const struct rusage &r0, const struct timespec &t0)
{
	struct rusage r1;
	getrusage(RUSAGE_SELF, &r1);
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	auto secs = [](const struct timeval &a, const struct timeval &b) {
		return static_cast<double>(b.tv_sec - a.tv_sec) +
			static_cast<double>(b.tv_usec - a.tv_usec) / 1e6;
	};
	double elapsed = static_cast<double>(t1.tv_sec - t0.tv_sec) +
		static_cast<double>(t1.tv_nsec - t0.tv_nsec) / 1e9;
	char buf[128];
	snprintf(buf, sizeof buf, "CPU: user: %.2f s, system: %.2f s, elapsed: %.2f s",
			 secs(r0.ru_utime, r1.ru_utime), secs(r0.ru_stime, r1.ru_stime), elapsed);
	return buf;
}

CheckPoint RecordCheckPoint(XLogReaderState *r)
{
	if (XLogRecGetDataLen(r) != sizeof(CheckPoint))
		ereport(PANIC, errmsg("invalid length of checkpoint record"));
	CheckPoint cp;
	memcpy(&cp, XLogRecGetData(r), sizeof cp);
	return cp;
}

void XLogRedo(XLogReaderState *r)
{
	uint8 info = XLogRecGetInfo(r) & ~XLR_INFO_MASK;
	switch (info)
	{
		case XLOG_CHECKPOINT_SHUTDOWN:
		case XLOG_CHECKPOINT_ONLINE:
		{
			CheckPoint cp;
			memcpy(&cp, XLogRecGetData(r), sizeof cp);
			AdvanceNextFullTransactionIdPastXid(
				FullTransactionIdFromU64(U64FromFullTransactionId(cp.nextXid) - 1));
			if (info == XLOG_CHECKPOINT_SHUTDOWN || cp.nextOid > ReadNextObjectId())
				SetNextObjectId(cp.nextOid);
			break;
		}
		case XLOG_NEXTOID:
		{
			Oid next;
			memcpy(&next, XLogRecGetData(r), sizeof next);
			SetNextObjectId(next);
			break;
		}
		case XLOG_FPI:
		case XLOG_FPI_FOR_HINT:
			for (int id = 0; id <= XLogRecMaxBlockId(r); id++)
			{
				tusk::LockedBuffer page;
				if (!XLogRecHasBlockRef(r, static_cast<uint8>(id)))
					continue;
				if (XLogReadBufferForRedo(r, static_cast<uint8>(id), &page) != BLK_RESTORED)
					elog(ERROR,
						 "unexpected XLogReadBufferForRedo result when restoring backup "
						 "block");
			}
			break;
		case XLOG_NOOP:
		case XLOG_END_OF_RECOVERY:
			break;
		default:
			elog(PANIC, "xlog_redo: unknown op code %u", info);
	}
}

const char *XLogIdentify(uint8 info)
{
	switch (info & ~XLR_INFO_MASK)
	{
		case XLOG_CHECKPOINT_SHUTDOWN:
			return "CHECKPOINT_SHUTDOWN";
		case XLOG_CHECKPOINT_ONLINE:
			return "CHECKPOINT_ONLINE";
		case XLOG_NOOP:
			return "NOOP";
		case XLOG_NEXTOID:
			return "NEXTOID";
		case XLOG_END_OF_RECOVERY:
			return "END_OF_RECOVERY";
		case XLOG_FPI:
			return "FPI";
		case XLOG_FPI_FOR_HINT:
			return "FPI_FOR_HINT";
		default:
			return nullptr;
	}
}

/* The buffer for a block being replayed; the relation and its earlier
 * blocks are created if the crash came before they reached disk. */
Buffer ReadBufferForRedo(const RelFileNode &rnode, ForkNumber forknum, BlockNumber blkno, bool zero)
{
	SMgrRelation reln = smgropen(rnode);
	smgrcreate(reln, forknum, true);
	BlockNumber nblocks = smgrnblocks(reln, forknum);
	if (blkno < nblocks)
		return ReadBufferWithoutRelcache(rnode, forknum, blkno,
										 zero ? RBM_ZERO_AND_LOCK : RBM_NORMAL, nullptr, true);
	for (;;)
	{
		tusk::LockedBuffer page = tusk::LockedBuffer::Adopt(
			ReadBufferWithoutRelcache(rnode, forknum, P_NEW, RBM_ZERO_AND_LOCK, nullptr, true));
		if (BufferGetBlockNumber(page.get()) != blkno)
			continue;
		/* Callers that did not ask for a zeroed page get it unlocked, as a
		 * normal read returns it. */
		if (!zero)
			return page.Unlock().Detach();
		return page.Detach();
	}
}

}  // namespace

void InitBuiltinRmgrs(void)
{
	static const RmgrData xlog = {"XLOG", XLogRedo, XLogIdentify, nullptr, nullptr};
	static const RmgrData xact = {"Transaction", xact_redo, xact_identify, nullptr, nullptr};
	static const RmgrData smgr = {"Storage", smgr_redo, smgr_identify, nullptr, nullptr};
	static const RmgrData heap = {"Heap", heap_redo, heap_identify, nullptr, nullptr};
	static const RmgrData btree = {"Btree", btree_redo, btree_identify, nullptr, nullptr};
	RegisterBuiltinRmgr(RM_XLOG_ID, &xlog);
	RegisterBuiltinRmgr(RM_XACT_ID, &xact);
	RegisterBuiltinRmgr(RM_SMGR_ID, &smgr);
	RegisterBuiltinRmgr(RM_HEAP_ID, &heap);
	static const RmgrData heap2 = {"Heap2", heap2_redo, heap2_identify, nullptr, nullptr};
	RegisterBuiltinRmgr(RM_HEAP2_ID, &heap2);
	RegisterBuiltinRmgr(RM_BTREE_ID, &btree);
	static const RmgrData seq = {"Sequence", seq_redo, seq_identify, nullptr, nullptr};
	RegisterBuiltinRmgr(RM_SEQ_ID, &seq);
	static const RmgrData dbase = {"Database", dbase_redo, dbase_identify, nullptr, nullptr};
	RegisterBuiltinRmgr(RM_DBASE_ID, &dbase);
	static const RmgrData multixact = {"MultiXact", multixact_redo, multixact_identify, nullptr,
									   nullptr};
	RegisterBuiltinRmgr(RM_MULTIXACT_ID, &multixact);
}

XLogRedoAction XLogReadBufferForRedo(XLogReaderState *record, uint8 block_id, Buffer *buf)
{
	const DecodedBkpBlock *b = XLogRecGetBlock(record, block_id);
	if (b == nullptr)
		elog(PANIC, "failed to locate backup block with ID %d in WAL record", block_id);
	XLogRecPtr lsn = XLogReaderGetEndRecPtr(record);
	if (b->has_image && b->apply_image)
	{
		tusk::LockedBuffer page = tusk::LockedBuffer::Adopt(
			ReadBufferForRedo(b->rnode, b->forknum, b->blkno, true));
		if (!RestoreBlockImage(record, block_id, page.page()))
			ereport(ERROR, errcode(ERRCODE_INTERNAL_ERROR),
					errmsg_internal("could not restore full-page image of block %u", b->blkno));
		PageSetLSN(page.page(), lsn);
		MarkBufferDirty(page.get());
		*buf = page.Detach();
		return BLK_RESTORED;
	}
	bool will_init = (b->flags & BKPBLOCK_WILL_INIT) != 0;
	tusk::LockedBuffer page = will_init
		? tusk::LockedBuffer::Adopt(ReadBufferForRedo(b->rnode, b->forknum, b->blkno, true))
		: tusk::LockedBuffer(tusk::BufferPin(
								 ReadBufferForRedo(b->rnode, b->forknum, b->blkno, false)),
							 BUFFER_LOCK_EXCLUSIVE);
	XLogRedoAction action = !will_init && lsn <= PageGetLSN(page.page()) ? BLK_DONE
																		 : BLK_NEEDS_REDO;
	*buf = page.Detach();
	return action;
}

void StartupXLOG(void)
{
	/* pg_control as the previous life of the server left it. */
	LocalProcessControlFile();
	ControlFileData c = *GetControlFile();
	switch (c.state)
	{
		case DB_SHUTDOWNED:
			ereport(LOG, errmsg("database system was shut down at %s", FormatTime(c.time).c_str()));
			break;
		case DB_SHUTDOWNING:
			ereport(LOG,
					errmsg("database system shutdown was interrupted; last known up at %s",
						   FormatTime(c.time).c_str()));
			break;
		case DB_IN_CRASH_RECOVERY:
			ereport(LOG,
					errmsg("database system was interrupted while in recovery at %s",
						   FormatTime(c.time).c_str()),
					errhint("This probably means that some data is corrupted and you will have "
							"to use the last backup for recovery."));
			break;
		default:
			ereport(LOG,
					errmsg("database system was interrupted; last known up at %s",
						   FormatTime(c.time).c_str()));
			break;
	}

	XLogReaderState *r = XLogReaderAllocate(wal_segment_size, XLOGDIR, c.system_identifier);
	char *err = nullptr;
	XLogBeginRead(r, c.checkPoint);
	if (XLogReadRecord(r, &err) == nullptr || XLogRecGetRmid(r) != RM_XLOG_ID ||
		((XLogRecGetInfo(r) & ~XLR_INFO_MASK) != XLOG_CHECKPOINT_SHUTDOWN &&
		 (XLogRecGetInfo(r) & ~XLR_INFO_MASK) != XLOG_CHECKPOINT_ONLINE))
	{
		if (err != nullptr)
			ereport(LOG, errmsg("%s", err));
		ereport(PANIC, errmsg("could not locate a valid checkpoint record"));
	}
	CheckPoint cp = RecordCheckPoint(r);
	bool shutdown_record = (XLogRecGetInfo(r) & ~XLR_INFO_MASK) == XLOG_CHECKPOINT_SHUTDOWN;
	XLogRecPtr last_rec = XLogReaderGetReadRecPtr(r);
	XLogRecPtr end_of_log = XLogReaderGetEndRecPtr(r);
	SetNextFullTransactionId(cp.nextXid);
	SetNextObjectId(cp.nextOid);
	StartupMultiXact(cp.nextMulti, cp.nextMultiOffset, cp.oldestMulti, cp.oldestUpdateMulti);

	bool in_recovery = c.state != DB_SHUTDOWNED || !shutdown_record || cp.redo < c.checkPoint;
	/* Statistics survive a clean shutdown only; after a crash they may not
	 * match the data, so they start again from zero (as PostgreSQL). */
	if (in_recovery)
		pgstat_discard_stats();
	else
		pgstat_restore_stats();
	if (in_recovery)
	{
		ereport(LOG,
				errmsg("database system was not properly shut down; automatic recovery in "
					   "progress"));
		{
			tusk::LWLockGuard control(ControlFileLock, LW_EXCLUSIVE);
			c.state = DB_IN_CRASH_RECOVERY;
			c.time = static_cast<pg_time_t>(time(nullptr));
			WriteControlFile(&c);
		}

		for (int id = 0; id <= RM_MAX_ID; id++)
			if (RmgrIdExists(static_cast<RmgrId>(id)) &&
				GetRmgr(static_cast<RmgrId>(id))->rm_startup)
				GetRmgr(static_cast<RmgrId>(id))->rm_startup();

		struct rusage ru0;
		getrusage(RUSAGE_SELF, &ru0);
		struct timespec t0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		/* From the redo point if it precedes the checkpoint record (an
		 * online checkpoint), else from the record after the checkpoint. */
		if (cp.redo < c.checkPoint)
			XLogBeginRead(r, cp.redo);
		XLogRecord *rec = XLogReadRecord(r, &err);
		bool redo_needed = rec != nullptr;
		if (redo_needed)
			ereport(LOG,
					errmsg("redo starts at %X/%X", LSN_FORMAT_ARGS(XLogReaderGetReadRecPtr(r))));
		else if (cp.redo < c.checkPoint)
			ereport(PANIC, errmsg("could not find redo location referenced by checkpoint record"));
		uint64 replayed = 0;
		while (rec != nullptr)
		{
			AdvanceNextFullTransactionIdPastXid(XLogRecGetFullXid(r));
			const RmgrData *rmgr = GetRmgr(XLogRecGetRmid(r));
			rmgr->rm_redo(r);
			last_rec = XLogReaderGetReadRecPtr(r);
			end_of_log = XLogReaderGetEndRecPtr(r);
			XLogSetReplayEnd(end_of_log);
			replayed++;
			rec = XLogReadRecord(r, &err);
		}
		/* What ended the log: normally zeroes or a torn record. */
		if (err != nullptr)
			ereport(LOG, errmsg("%s", err));
		if (redo_needed)
			ereport(LOG,
					errmsg("redo done at %X/%X system usage: %s", LSN_FORMAT_ARGS(last_rec),
						   Usage(ru0, t0).c_str()));
		else
			ereport(LOG, errmsg("redo is not required"));
		ereport(DEBUG1,
				errmsg_internal("replayed %llu WAL records",
								static_cast<unsigned long long>(replayed)));

		for (int id = 0; id <= RM_MAX_ID; id++)
			if (RmgrIdExists(static_cast<RmgrId>(id)) &&
				GetRmgr(static_cast<RmgrId>(id))->rm_cleanup)
				GetRmgr(static_cast<RmgrId>(id))->rm_cleanup();
	}
	XLogReaderFree(r);
	/* No transaction of the previous life runs: pg_subtrans starts empty. */
	StartupSUBTRANS(ReadNextFullTransactionId());

	XLogStartInsertingAt(c.system_identifier, end_of_log, last_rec, cp.redo);
	if (in_recovery)
		CreateCheckPoint(CHECKPOINT_END_OF_RECOVERY | CHECKPOINT_IMMEDIATE | CHECKPOINT_WAIT);
	else
	{
		tusk::LWLockGuard control(ControlFileLock, LW_EXCLUSIVE);
		c = *GetControlFile();
		c.state = DB_IN_PRODUCTION;
		c.time = static_cast<pg_time_t>(time(nullptr));
		WriteControlFile(&c);
	}
	XLogCloseFiles();
}
