/*
 * access/xlogutils.h — helpers for redo functions.
 */
#ifndef TUSK_ACCESS_XLOGUTILS_H
#define TUSK_ACCESS_XLOGUTILS_H

#include "c.h"
#include "access/xlogreader.h"
#include "storage/buf.h"
#include "storage/bufmgr.h"

/* What XLogReadBufferForRedo found; the buffer comes back locked
 * exclusively in every case. */
typedef enum XLogRedoAction
{
	BLK_NEEDS_REDO, /* apply the change */
	BLK_DONE,		/* the page has it already (its LSN is past the record) */
	BLK_RESTORED,	/* restored from the record's full-page image */
	BLK_NOTFOUND	/* (not used: missing pages are created) */
} XLogRedoAction;

#ifdef __cplusplus
extern "C" {
#endif

extern XLogRedoAction XLogReadBufferForRedo(XLogReaderState *record, uint8 block_id, Buffer *buf);
/* Enter the built-in resource managers in the table (once per server). */
extern void InitBuiltinRmgrs(void);

#ifdef __cplusplus
}

extern "C++" {
/* The same, the buffer held by a guard (pinned and locked, or empty), so
 * that a redo function failing half-way releases it. */
inline XLogRedoAction XLogReadBufferForRedo(XLogReaderState *record, uint8 block_id,
											tusk::LockedBuffer *page)
{
	Buffer buf = InvalidBuffer;
	XLogRedoAction action = XLogReadBufferForRedo(record, block_id, &buf);
	*page = tusk::LockedBuffer::Adopt(buf);
	return action;
}
}
#endif

#endif /* TUSK_ACCESS_XLOGUTILS_H */
