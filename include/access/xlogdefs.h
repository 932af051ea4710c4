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

#endif							/* TUSK_ACCESS_XLOGDEFS_H */
