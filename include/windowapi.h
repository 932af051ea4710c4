/*
 * windowapi.h — what a window function (pg_proc.prokind 'w') sees of the
 * WindowAgg node calling it (PostgreSQL's windowapi.h: same names and
 * semantics).
 *
 * A window function is an ordinary fmgr function whose fcinfo->context
 * is a WindowObject (PG_WINDOW_OBJECT()).  It is called once per row of
 * the partition, in order; through the WindowObject it reads its
 * arguments evaluated at any row of the partition or of the current
 * row's frame, the row count and the current position, asks whether two
 * rows are peers (equal on the window's ORDER BY), and keeps state
 * across the rows of one partition in partition-local memory (zeroed at
 * the start of each partition).
 *
 * Tusk's WindowAgg keeps the whole partition in memory, so every
 * position can be read at any time and WinSetMarkPosition (PostgreSQL's
 * hint that earlier rows may be forgotten) has nothing to do.
 */
#ifndef TUSK_WINDOWAPI_H
#define TUSK_WINDOWAPI_H

#include "fmgr.h"

/* Where relpos counts from. */
#define WINDOW_SEEK_CURRENT 0
#define WINDOW_SEEK_HEAD 1
#define WINDOW_SEEK_TAIL 2

typedef struct WindowObjectData *WindowObject;

#define PG_WINDOW_OBJECT() ((WindowObject) fcinfo->context)

#define WindowObjectIsValid(winobj) ((winobj) != NULL && IsA(winobj, WindowObjectData))

#ifdef __cplusplus
extern "C" {
#endif

/* sz zeroed bytes, the same ones at every call within a partition. */
extern void *WinGetPartitionLocalMemory(WindowObject winobj, Size sz);
/* The current row's position in its partition (0-based). */
extern int64 WinGetCurrentPosition(WindowObject winobj);
/* How many rows the partition has. */
extern int64 WinGetPartitionRowCount(WindowObject winobj);
/* Rows before markpos will not be read again (no-op in Tusk). */
extern void WinSetMarkPosition(WindowObject winobj, int64 markpos);
/* Whether the rows at pos1 and pos2 are peers (always, without ORDER
 * BY); ERROR if either is outside the partition. */
extern bool WinRowsArePeers(WindowObject winobj, int64 pos1, int64 pos2);
/* Argument argno evaluated at the row relpos from seektype (CURRENT,
 * HEAD or TAIL of the partition); *isout (if given) says whether that
 * row is outside the partition, the result then being NULL. */
extern Datum WinGetFuncArgInPartition(WindowObject winobj, int argno, int relpos, int seektype,
									  bool set_mark, bool *isnull, bool *isout);
/* The same within the current row's frame (rows its EXCLUDE clause
 * removes are skipped when counting from HEAD or TAIL, and outside the
 * frame from CURRENT). */
extern Datum WinGetFuncArgInFrame(WindowObject winobj, int argno, int relpos, int seektype,
								  bool set_mark, bool *isnull, bool *isout);
/* Argument argno evaluated at the current row. */
extern Datum WinGetFuncArgCurrent(WindowObject winobj, int argno, bool *isnull);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_WINDOWAPI_H */
