/*
 * access/xlog.h — the write-ahead log, as other subsystems call it.
 *
 * Records are built with access/xloginsert.h and appended to the WAL
 * buffers in shared memory; XLogFlush(lsn) makes sure everything up to lsn
 * is written and synced to pg_wal/ (the write-ahead rule for data pages,
 * and the durability of commits).  Committers that flush at the same time
 * share one sync: whoever gets to write first writes and syncs everything
 * inserted so far, and the others find their records already flushed.
 * doc/access/transam/README.md tells how it works.
 */
#ifndef TUSK_ACCESS_XLOG_H
#define TUSK_ACCESS_XLOG_H

#include "c.h"
#include "access/xlogdefs.h"

/* wal_compression values: Tusk compresses full-page images with zlib. */
typedef enum WalCompression
{
	WAL_COMPRESSION_NONE = 0,
	WAL_COMPRESSION_ZLIB
} WalCompression;

/* WAL activity since the segment was created (pg_stat_wal's counters). */
typedef struct WalUsageStats
{
	uint64 wal_records;
	uint64 wal_fpi;
	uint64 wal_bytes;
	uint64 wal_buffers_full; /* writes forced by a full ring of buffers */
	uint64 wal_write;
	uint64 wal_sync;
} WalUsageStats;

#ifdef __cplusplus
extern "C" {
#endif

/* This process's last record: its start, and its end. */
extern PGDLLIMPORT XLogRecPtr ProcLastRecPtr;
extern PGDLLIMPORT XLogRecPtr XactLastRecEnd;

/* Settings. */
extern PGDLLIMPORT int wal_segment_size; /* bytes; fixed by initdb */
extern PGDLLIMPORT int XLOGbuffers;		 /* wal_buffers, in pages; -1: automatic */
extern PGDLLIMPORT int sync_method;		 /* wal_sync_method */
extern PGDLLIMPORT bool fullPageWrites;	 /* full_page_writes */
extern PGDLLIMPORT int wal_compression;

extern Size XLOGShmemSize(void);
extern void XLOGShmemInit(void);

/* Make sure WAL up to record is on disk (ERROR if it was never written). */
extern void XLogFlush(XLogRecPtr record);
/* Whether WAL up to record still has to be flushed. */
extern bool XLogNeedsFlush(XLogRecPtr record);
/* Everything up to here is on disk. */
extern XLogRecPtr GetFlushRecPtr(TimeLineID *insertTLI);
/* Where the next record will go (the end of the last one). */
extern XLogRecPtr GetXLogInsertRecPtr(void);
/* The redo point of the last checkpoint: pages not changed since get a
 * full-page image with their next change. */
extern XLogRecPtr GetRedoRecPtr(void);
extern uint64 GetSystemIdentifier(void);
extern bool RecoveryInProgress(void);
extern void GetWalUsageStats(WalUsageStats *stats);
/* WAL segment files created since the server started. */
extern uint64 XLogSegmentsCreated(void);

/*
 * Tusk's startup interface (the startup process; tests).  Insertion starts
 * at end_of_log, right after the record at last_record; the WAL before
 * end_of_log must already be on disk.
 */
extern void XLogStartInsertingAt(uint64 system_identifier, XLogRecPtr end_of_log,
								 XLogRecPtr last_record, XLogRecPtr redo);
/* A checkpoint moves the redo point (full-page images restart after it). */
extern void XLogSetRedoRecPtr(XLogRecPtr redo);
extern void XLogSetRecoveryInProgress(bool in_recovery);
/* Recovery: WAL up to here was replayed (and is on disk). */
extern void XLogSetReplayEnd(XLogRecPtr end);
/* Close this process's WAL files (before exit, or in tests). */
extern void XLogCloseFiles(void);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_XLOG_H */
