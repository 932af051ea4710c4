/*
 * storage/smgr.h — the storage manager: relations as files of 8 kB blocks.
 *
 * A relation fork lives in files under the data directory —
 * base/<database>/<relfilenode>[_fsm|_vm|_init], or global/<relfilenode>
 * for shared relations — split into 1 GB segments (<name>, <name>.1,
 * <name>.2, …) as PostgreSQL does, so no single file grows without bound.
 * The storage manager reads and writes whole blocks; it knows nothing of
 * what is in them (the buffer manager verifies checksums, WAL decides when
 * writes are safe).
 *
 * Durability: a write with skipFsync = false registers its segment with
 * the checkpointer, which fsyncs it at the next checkpoint
 * (storage/sync.h); smgrimmedsync fsyncs one fork at once.
 */
#ifndef TUSK_STORAGE_SMGR_H
#define TUSK_STORAGE_SMGR_H

#include "c.h"
#include "storage/block.h"
#include "storage/relfilenode.h"

typedef struct SMgrRelationData *SMgrRelation;

#ifdef __cplusplus
extern "C" {
#endif

/* "base/5/16384", "base/5/16384_fsm", "global/1262": relative to the data
 * directory, without a segment suffix.  Returns a palloc'd string. */
extern char *GetRelationPath(RelFileNode rnode, ForkNumber forknum);

extern SMgrRelation smgropen(RelFileNode rnode);
extern void smgrclose(SMgrRelation reln);
extern void smgrcloseall(void);
extern bool smgrexists(SMgrRelation reln, ForkNumber forknum);
extern void smgrcreate(SMgrRelation reln, ForkNumber forknum, bool isRedo);
extern void smgrextend(SMgrRelation reln, ForkNumber forknum, BlockNumber blocknum,
					   const char *buffer, bool skipFsync);
extern void smgrread(SMgrRelation reln, ForkNumber forknum, BlockNumber blocknum, char *buffer);
extern void smgrwrite(SMgrRelation reln, ForkNumber forknum, BlockNumber blocknum,
					  const char *buffer, bool skipFsync);
extern BlockNumber smgrnblocks(SMgrRelation reln, ForkNumber forknum);
extern void smgrtruncate(SMgrRelation reln, ForkNumber forknum, BlockNumber nblocks);
extern void smgrimmedsync(SMgrRelation reln, ForkNumber forknum);
extern void smgrunlink(SMgrRelation reln, ForkNumber forknum, bool isRedo);

#ifdef __cplusplus
}
#endif

#endif /* TUSK_STORAGE_SMGR_H */
