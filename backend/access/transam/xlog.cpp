/*
 * xlog.cpp — the write-ahead log's flush point (see access/xlog.h).
 *
 * Principal entry points: XLogFlush, GetFlushRecPtr.
 *
 * No WAL records are written yet (issue 4 builds them), so the log is
 * empty: everything up to position 0 is trivially flushed, and a request
 * for any later position cannot be satisfied — PostgreSQL's error for a
 * flush request beyond the end of the log.
 */
#include "postgres.h"

#include "access/xlog.h"

XLogRecPtr GetFlushRecPtr(void)
{
	return InvalidXLogRecPtr;
}

void XLogFlush(XLogRecPtr record)
{
	XLogRecPtr	flushed = GetFlushRecPtr();
	if (record <= flushed)
		return;
	elog(ERROR, "xlog flush request %X/%X is not satisfied --- flushed only to %X/%X",
		 static_cast<uint32>(record >> 32), static_cast<uint32>(record),
		 static_cast<uint32>(flushed >> 32), static_cast<uint32>(flushed));
}
