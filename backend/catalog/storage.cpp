/*
 * storage.cpp — creating relation files (see catalog/storage.h).
 *
 * Principal entry points: RelationCreateStorage, smgr_redo.
 *
 * The creation is logged before the file is made, so a crash in between
 * leaves at most a record whose replay makes the file; replay of a
 * creation that already happened is harmless (smgrcreate with isRedo).
 *
 * Files of a dropped relation go when its transaction commits, files of
 * a relation created by a transaction that aborts when it aborts, as in
 * PostgreSQL: first its pages are dropped from the buffer pool, so no
 * dirty page is ever written to a file that no longer exists.  (Unlike
 * PostgreSQL, the commit and abort records do not list the files yet:
 * a crash between the end of the transaction and the removal leaves the
 * files behind, unused — space, never data, is lost.)
 */
#include "postgres.h"

#include "access/rmgr.h"
#include "access/xlog.h"
#include "access/xloginsert.h"
#include "access/xlogreader.h"
#include "catalog/storage.h"
#include "storage/bufmgr.h"
#include "storage/smgr.h"

#include <vector>

namespace {

struct PendingDelete
{
	RelFileNode rnode;
	bool atCommit; /* delete at commit (DROP) or at abort (CREATE) */
};

std::vector<PendingDelete> &PendingDeletes()
{
	static std::vector<PendingDelete> pending;
	return pending;
}

}  // namespace

void RelationDropStorage(RelFileNode rnode)
{
	PendingDeletes().push_back({rnode, true});
}

void RelationDropStorageOnAbort(RelFileNode rnode)
{
	PendingDeletes().push_back({rnode, false});
}

bool RelationStorageCreatedInCurrentTransaction(RelFileNode rnode)
{
	for (const PendingDelete &p : PendingDeletes())
		if (!p.atCommit && RelFileNodeEquals(p.rnode, rnode))
			return true;
	return false;
}

void AtEOXact_Storage(bool isCommit)
{
	std::vector<PendingDelete> pending;
	pending.swap(PendingDeletes());
	for (const PendingDelete &p : pending)
	{
		if (p.atCommit != isCommit)
			continue;
		DropRelFileNodeBuffers(p.rnode, MAIN_FORKNUM, 0);
		SMgrRelation reln = smgropen(p.rnode);
		for (int fork = MAIN_FORKNUM; fork <= MAX_FORKNUM; fork++)
			if (smgrexists(reln, static_cast<ForkNumber>(fork)))
			{
				if (fork != MAIN_FORKNUM)
					DropRelFileNodeBuffers(p.rnode, static_cast<ForkNumber>(fork), 0);
				smgrunlink(reln, static_cast<ForkNumber>(fork), false);
			}
		smgrclose(reln);
	}
}

void RelationCreateStorage(RelFileNode rnode)
{
	xl_smgr_create rec{rnode, MAIN_FORKNUM};
	XLogBeginInsert();
	XLogRegisterData(reinterpret_cast<const char *>(&rec), sizeof rec);
	XLogRecPtr lsn = XLogInsert(RM_SMGR_ID, XLOG_SMGR_CREATE);
	/* The file's existence must not outrun its record. */
	XLogFlush(lsn);
	smgrcreate(smgropen(rnode), MAIN_FORKNUM, false);
}

void smgr_redo(XLogReaderState *record)
{
	uint8 info = XLogRecGetInfo(record) & ~XLR_INFO_MASK;
	if (info != XLOG_SMGR_CREATE)
		elog(PANIC, "smgr_redo: unknown op code %u", info);
	xl_smgr_create rec;
	memcpy(&rec, XLogRecGetData(record), sizeof rec);
	smgrcreate(smgropen(rec.rnode), rec.forkNum, true);
}

const char *smgr_identify(uint8 info)
{
	return (info & ~XLR_INFO_MASK) == XLOG_SMGR_CREATE ? "CREATE" : nullptr;
}
