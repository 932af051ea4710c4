/*
 * access/xlogdefs.h — WAL positions.
 *
 * An XLogRecPtr is a byte position in the write-ahead log, counted from the
 * start of the log; every page remembers the position just past the last
 * WAL record that changed it (its LSN).
 */
#ifndef TUSK_ACCESS_XLOGDEFS_H
#define TUSK_ACCESS_XLOGDEFS_H

#include "c.h"

typedef uint64 XLogRecPtr;

#define InvalidXLogRecPtr 0
#define XLogRecPtrIsInvalid(r) ((r) == InvalidXLogRecPtr)

/* Printing an LSN as PostgreSQL does: "%X/%X" with LSN_FORMAT_ARGS(lsn). */
#define LSN_FORMAT_ARGS(lsn) ((uint32) ((lsn) >> 32)), ((uint32) (lsn))

/* Tusk has one timeline (no archive recovery or promotion yet). */
typedef uint32 TimeLineID;

/* Which resource manager a WAL record belongs to (access/rmgr.h). */
typedef uint8 RmgrId;

/* wal_sync_method values, PostgreSQL's numbering. */
#define SYNC_METHOD_FSYNC 0
#define SYNC_METHOD_FDATASYNC 1
#define SYNC_METHOD_OPEN 2		 /* O_SYNC */
#define SYNC_METHOD_OPEN_DSYNC 4 /* O_DSYNC */

#endif /* TUSK_ACCESS_XLOGDEFS_H */
