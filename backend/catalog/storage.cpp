/*
 * storage.cpp — creating relation files (see catalog/storage.h).
 *
 * Principal entry points: RelationCreateStorage, smgr_redo.
 *
 * The creation is logged before the file is made, so a crash in between
 * leaves at most a record whose replay makes the file; replay of a
 * creation that already happened is harmless (smgrcreate with isRedo).
 * (PostgreSQL also removes the files of a relation created by a
 * transaction that aborts; that comes with the catalogs.)
 */
#include "postgres.h"

#include "access/rmgr.h"
#include "access/xlog.h"
#include "access/xloginsert.h"
#include "access/xlogreader.h"
#include "catalog/storage.h"
#include "storage/smgr.h"

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
