/*
 * access/xlog.h — the write-ahead log, as other subsystems call it.
 *
 * Only the flush point exists so far: XLogFlush(lsn) guarantees that WAL up
 * to lsn is on disk, which the buffer manager needs before writing a page
 * (the write-ahead rule).  Until WAL records are written, the log is empty
 * and flushed to position 0, so asking for any later position is an error.
 */
#ifndef TUSK_ACCESS_XLOG_H
#define TUSK_ACCESS_XLOG_H

#include "c.h"
#include "access/xlogdefs.h"

#ifdef __cplusplus
extern "C" {
#endif

extern void XLogFlush(XLogRecPtr record);
extern XLogRecPtr GetFlushRecPtr(void);

#ifdef __cplusplus
}
#endif

#endif							/* TUSK_ACCESS_XLOG_H */
