/*
 * storage/sync.h — getting written files to disk at checkpoints.
 *
 * A process that writes a block through the kernel's page cache does not
 * fsync it: it registers the file (a FileTag) with the checkpointer, which
 * remembers it and fsyncs every remembered file once per checkpoint, after
 * the buffers have been written.  So each dirty file is synced once per
 * checkpoint, by one process, however many processes wrote to it — and
 * nothing written before a checkpoint's redo point can be lost to an
 * operating-system crash once the checkpoint is complete.
 *
 * Requests travel through a bounded queue in shared memory (see
 * postmaster/bgwriter.h).  When it is full even after duplicates are
 * squeezed out, or no checkpointer is running (recovery), the writer
 * fsyncs the file itself.  Processes that write checkpoints themselves —
 * the checkpointer, the startup process (its end-of-recovery checkpoint)
 * and a standalone process — keep their requests in their own table.
 *
 * A file about to be removed must be forgotten first (SYNC_FORGET_REQUEST),
 * or the next checkpoint would fail to open it.
 */
#ifndef TUSK_STORAGE_SYNC_H
#define TUSK_STORAGE_SYNC_H

#include "c.h"
#include "storage/relfilenode.h"

typedef enum SyncRequestType
{
	SYNC_REQUEST,		 /* fsync this file at the next checkpoint */
	SYNC_FORGET_REQUEST, /* it is going away: do not */
	SYNC_FILTER_REQUEST	 /* forget every file of database rnode.dbNode */
} SyncRequestType;

/* Who knows how to open the file a tag names. */
typedef enum SyncRequestHandler
{
	SYNC_HANDLER_MD = 0,		   /* a relation segment: rnode, forknum, segno */
	SYNC_HANDLER_CLOG,			   /* a pg_xact segment: segno */
	SYNC_HANDLER_NONE,			   /* never synced (pg_subtrans: rebuilt at every start) */
	SYNC_HANDLER_MULTIXACT_OFFSET, /* a pg_multixact/offsets segment: segno */
	SYNC_HANDLER_MULTIXACT_MEMBER  /* a pg_multixact/members segment: segno */
} SyncRequestHandler;

typedef struct FileTag
{
	int16 handler; /* SyncRequestHandler */
	int16 forknum;
	RelFileNode rnode;
	uint64 segno;
} FileTag;

#ifdef __cplusplus
extern "C" {
#endif

/* Queue (or remember, or, failing both, refuse) a request.  With
 * retryOnError, waits until the queue has room instead of refusing.
 * Returns false only when the caller must fsync the file itself. */
extern bool RegisterSyncRequest(const FileTag *ftag, SyncRequestType type, bool retryOnError);
/* Enter a request in this process's table (the checkpointer absorbing). */
extern void RememberSyncRequest(const FileTag *ftag, SyncRequestType type);
/* Checkpoint: fsync every file remembered so far.  Returns how many. */
extern int ProcessSyncRequests(void);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_STORAGE_SYNC_H */
