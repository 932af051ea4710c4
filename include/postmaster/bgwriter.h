/*
 * postmaster/bgwriter.h — asking the checkpointer for a checkpoint, and
 * handing it files to fsync (storage/sync.h).
 */
#ifndef TUSK_POSTMASTER_BGWRITER_H
#define TUSK_POSTMASTER_BGWRITER_H

#include "c.h"
#include "storage/sync.h"

#ifdef __cplusplus
extern "C" {
#endif

/* flags: CHECKPOINT_* (access/xlog_control.h).  With CHECKPOINT_WAIT,
 * returns when a checkpoint that started after the call has finished.
 * Without a checkpointer (a standalone process) the caller does it. */
extern void RequestCheckpoint(int flags);

/* Queue a sync request for the checkpointer.  False when no checkpointer
 * runs (for SYNC_REQUEST: the caller must fsync; forget and filter
 * requests succeed, a checkpointer yet to start has nothing to forget) or
 * the queue is full even after removing duplicates. */
extern bool ForwardSyncRequest(const FileTag *ftag, SyncRequestType type);
/* In the checkpointer: move queued requests into its own table.  A no-op
 * in any other process. */
extern void AbsorbSyncRequests(void);
/* Record the calling process as the checkpointer: requests are queued
 * for it from now on (CheckpointerMain does this first). */
extern void SetCheckpointerProcess(void);

extern Size CheckpointerShmemSize(void);
extern void CheckpointerShmemInit(void);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_POSTMASTER_BGWRITER_H */
