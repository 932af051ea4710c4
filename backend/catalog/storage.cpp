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
 * dirty page is ever written to a file that no longer exists.  Each
 * request remembers its (sub)transaction level: a subtransaction commit
 * hands its requests to the parent, an abort removes the files it created
 * at once and forgets the drops it asked for.  (Unlike
 * PostgreSQL, the commit and abort records do not list the files yet:
 * a crash between the end of the transaction and the removal leaves the
 * files behind, unused — space, never data, is lost.)
 */
#include "postgres.h"

#include "access/rmgr.h"
#include "access/xact.h"
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
	int nestLevel; /* the (sub)transaction level that asked */
};

std::vector<PendingDelete> &PendingDeletes()
{
	static std::vector<PendingDelete> pending;
	return pending;
}

}  // namespace

void RelationDropStorage(RelFileNode rnode)
{
	PendingDeletes().push_back({rnode, true, GetCurrentTransactionNestLevel()});
}

void RelationDropStorageOnAbort(RelFileNode rnode)
{
	PendingDeletes().push_back({rnode, false, GetCurrentTransactionNestLevel()});
}

namespace {

/* Drop the relation's pages from the buffer pool, then its files. */
void UnlinkRelationFiles(const RelFileNode &rnode)
{
	DropRelFileNodeBuffers(rnode, MAIN_FORKNUM, 0);
	SMgrRelation reln = smgropen(rnode);
	for (int fork = MAIN_FORKNUM; fork <= MAX_FORKNUM; fork++)
		if (smgrexists(reln, static_cast<ForkNumber>(fork)))
		{
			if (fork != MAIN_FORKNUM)
				DropRelFileNodeBuffers(rnode, static_cast<ForkNumber>(fork), 0);
			smgrunlink(reln, static_cast<ForkNumber>(fork), false);
		}
	smgrclose(reln);
}

}  // namespace

void AtSubCommit_smgr(void)
{
	/* The parent inherits what this level asked for. */
	int level = GetCurrentTransactionNestLevel();
	for (PendingDelete &p : PendingDeletes())
		if (p.nestLevel >= level)
			p.nestLevel = level - 1;
}

void AtSubAbort_smgr(void)
{
	/* Files created at this level go now; its drops never happen. */
	int level = GetCurrentTransactionNestLevel();
	std::vector<PendingDelete> mine;
	auto &pending = PendingDeletes();
	for (auto it = pending.begin(); it != pending.end();)
	{
		if (it->nestLevel < level)
		{
			++it;
			continue;
		}
		mine.push_back(*it);
		it = pending.erase(it);
	}
	for (const PendingDelete &p : mine)
		if (!p.atCommit)
			UnlinkRelationFiles(p.rnode);
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
		if (p.atCommit == isCommit)
			UnlinkRelationFiles(p.rnode);
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
