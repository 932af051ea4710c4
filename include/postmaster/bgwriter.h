/*
 * postmaster/bgwriter.h — asking the checkpointer for a checkpoint.
 */
#ifndef TUSK_POSTMASTER_BGWRITER_H
#define TUSK_POSTMASTER_BGWRITER_H

#include "c.h"

#ifdef __cplusplus
extern "C" {
#endif

/* flags: CHECKPOINT_* (access/xlog_control.h).  With CHECKPOINT_WAIT,
 * returns when a checkpoint that started after the call has finished.
 * Without a checkpointer (a standalone process) the caller does it. */
extern void RequestCheckpoint(int flags);

extern Size CheckpointerShmemSize(void);
extern void CheckpointerShmemInit(void);

#ifdef __cplusplus
}
#endif

#endif							/* TUSK_POSTMASTER_BGWRITER_H */
