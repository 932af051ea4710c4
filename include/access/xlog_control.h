/*
 * access/xlog_control.h — reading and writing global/pg_control, starting
 * and checkpointing the log (Tusk's split of PostgreSQL's xlog.h).
 */
#ifndef TUSK_ACCESS_XLOG_CONTROL_H
#define TUSK_ACCESS_XLOG_CONTROL_H

#include "c.h"
#include "catalog/pg_control.h"

/* CreateCheckPoint flags, PostgreSQL's values. */
#define CHECKPOINT_IS_SHUTDOWN 0x0001
#define CHECKPOINT_END_OF_RECOVERY 0x0002
#define CHECKPOINT_IMMEDIATE 0x0004
#define CHECKPOINT_FORCE 0x0008
#define CHECKPOINT_WAIT 0x0020
#define CHECKPOINT_CAUSE_XLOG 0x0080
#define CHECKPOINT_CAUSE_TIME 0x0100

#ifdef __cplusplus
extern "C" {
#endif

extern PGDLLIMPORT bool log_checkpoints;
extern PGDLLIMPORT int CheckPointTimeout; /* checkpoint_timeout, seconds */
extern PGDLLIMPORT int max_wal_size_mb;

/* Read and check pg_control (FATAL if missing or damaged); sets
 * wal_segment_size.  The postmaster does this before sizing memory. */
extern void LocalProcessControlFile(void);
extern const ControlFileData *GetControlFile(void);
/* Write pg_control (whole, fsynced) with this content. */
extern void WriteControlFile(const ControlFileData *data);

/* initdb's step: pg_control, the first WAL segment with a shutdown
 * checkpoint, the first commit-log page. */
extern void BootStrapXLOG(int seg_size);
/* The startup process: replay from the last checkpoint's redo point if
 * the server did not shut down cleanly, then open the log for writing. */
extern void StartupXLOG(void);
extern void CreateCheckPoint(int flags);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_ACCESS_XLOG_CONTROL_H */
